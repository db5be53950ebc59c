/* The frame (frame.c): the windows' places, the topic shown, the status
 * notice, the secure-mode gate. */
#ifndef CWGVIEW_TUI_FRAME_H
#define CWGVIEW_TUI_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/pane.h"

struct tui;

/* A place in the document: the topic, the focused pane and where each
 * pane's top is.  Jumps, marks, the search's origin and each topic's
 * memory of where you were in it are places. */
struct place {
	bool set;
	size_t topic;
	enum pane_id focus;
	long input; /* the current input row, -1 for none */
	struct pane_spot spot[N_PANES];
};

/* How many topics remember where you were in them: the ones left last. */
enum { PLACES_REMEMBERED = 64 };

enum {
	MIN_COLS = 20, /* below these, a notice instead of a frame */
	MIN_ROWS = 7,
	WIDE_COLS = 80, /* from here, panes side by side */
};
/* Brings t->measure up to date with the topics of t->doc: measured once
 * each, as they come, instead of at every frame (25,000 of them took
 * milliseconds a keystroke). */
void tui_topics_measure(struct tui *t);
void tui_notice(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The one gate for everything that starts a process or writes a file:
 * false (with a notice) in secure mode. */
bool tui_gate(struct tui *t, const char *what);
/* Shows topic i, where you were in it when you last left it: the scroll
 * positions, and the focused pane unless the topic list has the focus. */
void tui_select_topic(struct tui *t, size_t i);
/* The place shown now. */
void place_take(const struct tui *t, struct place *pl);
/* Shows place pl exactly (its topic, focus and scroll positions); with
 * remember, the topic left remembers where you were in it. */
void tui_go(struct tui *t, const struct place *pl, bool remember);
/* Where you were in pl's topic is pl (a search began there, say); the
 * last PLACES_REMEMBERED topics left are remembered. */
void tui_remember(struct tui *t, const struct place *pl);
/* Lays the windows out again for the terminal's size, focus and mode. */
void tui_relayout(struct tui *t);
void tui_free_windows(struct tui *t);

#endif
