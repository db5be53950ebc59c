/* The list pane (pane_list.c): rows that lead somewhere, covering the
 * body, as mutt's index or tig's views: x (the inputs citing a
 * document) and L (the hits of a search) open one; j k move, Enter goes,
 * q or Esc closes. */
#ifndef CWGVIEW_TUI_LIST_H
#define CWGVIEW_TUI_LIST_H

#include <stddef.h>

struct tui;

/* Where a row leads: a hit of the search (hit >= 0), else topic and,
 * when input >= 0, that input row of it. */
struct list_row {
	char *text; /* one line, owned by the list; shown as it is */
	size_t topic;
	long input;
	long hit;
};

/* Opens the list over the body with title and rows (which it takes,
 * text and all), the row `sel` selected.  With no rows it says `empty`
 * on the status line instead and opens nothing. */
void list_open(struct tui *t, const char *title, struct list_row *rows,
	       size_t n, size_t sel, const char *empty);

/* lists.c: the lists the keys open.  x: every input, in any topic, that
 * cites a document the current input cites. */
void lists_xref(struct tui *t);
/* L: the hits of the last search, a line each (the first 10,000). */
void lists_hits(struct tui *t);

#endif
