/* The pane table and what every pane shares (pane.c); a pane's own file
 * fills its pane_ops. */
#ifndef CWGVIEW_TUI_PANE_H
#define CWGVIEW_TUI_PANE_H

#include <stdbool.h>
#include <stddef.h>
#include "cwgview/doc.h"
#include "tui/curses.h"
#include "tui/keys.h"

/* The pane table: P(name, ops, place, role), one row per pane.
 *   place  BODY: the panes that share the body, which Tab and the tab bar
 *          go through in this order; COVER: covers the body while open
 *          (the help).
 *   role   the document role whose search hits the pane shows, or -1.
 * A new pane is its file (with its pane_ops), its row here and its line
 * in Makefile.am; frame.c gives a new BODY pane its place. */
#define TUI_PANES(P)                                                          \
	P(TOPICS, pane_topics_ops, BODY, DOC_ROLE_TITLE)                     \
	P(INPUTS, pane_inputs_ops, BODY, DOC_ROLE_INPUT)                     \
	P(GUIDANCE, pane_guidance_ops, BODY, DOC_ROLE_GUIDANCE)              \
	P(HELP, pane_help_ops, COVER, -1)                                    \
	P(LIST, pane_list_ops, COVER, -1)                                    \
	P(OVERVIEW, pane_overview_ops, COVER, -1)                            \
	P(SOURCES, pane_sources_ops, COVER, -1)

enum pane_id {
#define TUI_PANE_ENUM(name, ops, place, role) PANE_##name,
	TUI_PANES(TUI_PANE_ENUM)
#undef TUI_PANE_ENUM
	N_PANES
};

enum pane_place { PANE_BODY, PANE_COVER };

struct tui;
struct pane;

/* What a handler did with an action, as htop's panels say: the loop then
 * falls back to the common scrolling (ignored), does nothing more, lays
 * the windows out again, or ends the browser. */
enum tui_result { TUI_IGNORED, TUI_HANDLED, TUI_RELAYOUT, TUI_QUIT };

struct pane_ops {
	/* The border's title. */
	const char *(*title)(const struct pane *p, const struct tui *t,
			     char *buf, size_t size);
	/* The short name for the tab bar and the status line (NULL: the
	 * title). */
	const char *(*label)(const struct pane *p, const struct tui *t,
			     char *buf, size_t size);
	/* The pane's own state, p->priv: priv_size bytes, zeroed, then
	 * init (may be NULL); free releases what init and the pane took. */
	size_t priv_size;
	void (*init)(struct pane *p);
	void (*free)(struct pane *p);
	/* True for a pane that shows the selected topic: it goes back to
	 * its top when another topic is selected. */
	bool follows_topic;
	/* Rebuilds the content for the pane's width and the selected topic
	 * (called when either may have changed). */
	void (*reflow)(struct pane *p, struct tui *t);
	/* Draws content rows 0 .. rows-1 of the pane's window. */
	void (*draw)(struct pane *p, struct tui *t);
	/* Pane-specific handling of an action; TUI_IGNORED to fall back
	 * to the common scrolling. */
	enum tui_result (*key)(struct pane *p, struct tui *t,
			       enum tui_action a, long count);
	/* A click on content row `row`. */
	void (*click)(struct pane *p, struct tui *t, int row);
	/* The content line showing byte off of the model string field, or
	 * -1 (a search hit, the place kept across a reflow). */
	long (*locate)(const struct pane *p, const char *field, size_t off);
	/* The first model byte shown on line `line` or below: its field and
	 * offset; false when there is none. */
	bool (*position)(const struct pane *p, size_t line, const char **field,
			 size_t *off);
};

/* Where a pane's top is, kept so that it survives a re-wrap: the line
 * and the width it was laid out at, and the first model byte shown on
 * that line or below (field NULL: none, the line alone counts). */
struct pane_spot {
	size_t line;
	int width;
	const char *field;
	size_t off;
};

struct pane {
	enum pane_id id;
	const struct pane_ops *ops;
	enum pane_place place;
	int role;         /* enum doc_role, or -1 */
	void *priv;       /* ops->priv_size bytes */
	WINDOW *win;
	int y, x, h, w;   /* outer geometry, border included */
	bool shown;
	size_t top;       /* first content line shown */
	size_t n_lines;   /* content lines */
	/* Where the next reflow puts the top, for a pane with `position`
	 * (a remembered place); the reflow takes it. */
	struct pane_spot want;
	bool has_want;
};

extern const struct pane_ops pane_topics_ops, pane_inputs_ops,
	pane_guidance_ops, pane_help_ops, pane_list_ops, pane_overview_ops,
	pane_sources_ops;

/* pane_text.c: the inputs pane's rows, in the order shown.  The row
 * after (dir 1) or before (-1) input, or with none yet the first on the
 * screen; -1 when there is none. */
long pane_inputs_step(const struct pane *p, long input, int dir);
/* The first row with a line in [from, to), or -1. */
long pane_inputs_at(const struct pane *p, size_t from, size_t to);
/* Row input's lines; false when it is not laid out. */
bool pane_inputs_lines(const struct pane *p, long input, size_t *first,
		       size_t *last);

/* pane_sources.c: F opens the checklist, as last applied; choose shows
 * the one source (kind, heading) alone, as if chosen there. */
void pane_sources_open(struct tui *t);
void pane_sources_choose(struct tui *t, const char *kind, const char *heading);

/* pane.c: the content area of a pane, inside the border, with one column
 * of padding; what every pane and the loop use. */
int pane_rows(const struct pane *p);
int pane_cols(const struct pane *p);
void pane_clamp(struct pane *p);
/* The common scrolling: j k Space b ^D ^U g G move p->top. */
void pane_scroll(struct pane *p, enum tui_action a, long count);
/* The label a pane goes by on the tab bar and the status line. */
const char *pane_label(const struct pane *p, const struct tui *t, char *buf,
		       size_t size);
/* Where p's top is now (its pending want, if any). */
void pane_spot_of(const struct pane *p, struct pane_spot *s);
/* Puts p's top at s: now for a pane without `position` or one shown,
 * else at its next reflow (once it is laid out for the topic). */
void pane_want(struct pane *p, struct tui *t, const struct pane_spot *s);
/* The BODY pane after (dir 1) or before (-1) pane i, around the end. */
enum pane_id pane_step(const struct tui *t, enum pane_id i, int dir);

#endif
