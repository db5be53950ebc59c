/* Drawing (draw.c): styles, text with control characters made visible,
 * search hits marked, borders. */
#ifndef CWGVIEW_TUI_DRAW_H
#define CWGVIEW_TUI_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include "cwgview/layout.h"
#include "tui/curses.h"
#include "tui/find.h"
#include "tui/pane.h"

/* Visual styles; each maps to curses attributes (and a colour pair when
 * colours are on) in draw.c, and to a letter in attribute dumps. */
enum tui_style {
	ST_NORMAL,
	ST_TITLEBAR,
	ST_STATUS,
	ST_NOTICE,
	ST_BORDER,
	ST_BORDER_FOCUS,
	ST_PANE_TITLE,
	ST_PANE_TITLE_FOCUS,
	ST_SELECTED,       /* the selected topic, pane focused */
	ST_SELECTED_DIM,   /* the selected topic, pane not focused */
	ST_TAB,
	ST_TAB_ACTIVE,
	ST_TOPIC_NUMBER,
	ST_COUNT,          /* number of inputs in the topic list */
	ST_ERROR,          /* a failure on the status line */
	ST_HIT,            /* a search hit */
	ST_HIT_CURRENT,    /* the hit n and N are at */
	ST_LAY_BASE,       /* + enum lay_style */
	N_STYLES = ST_LAY_BASE + LAY_N_STYLES
};

/* The colours for a dark background, a light one, or one not known (what
 * reads on both). */
enum draw_palette { PALETTE_BOTH, PALETTE_DARK, PALETTE_LIGHT };

/* draw.c */
void draw_init_styles(bool color, enum draw_palette palette);
/* The config file's colour for a style (its name there: topic-number,
 * document-number, status …): spec is "FG", "FG on BG" or "on BG", each a
 * colour name, default or 0-255.  Before draw_init_styles; false, with
 * why, for an unknown style or colour. */
bool draw_set_color(const char *style, const char *spec, char *why, size_t size);
attr_t draw_attr(enum tui_style st, short *pair);
void draw_set(WINDOW *w, enum tui_style st);
/* Draws s[0..n) at the cursor, control characters made visible, never past
 * column `limit` of the window and never splitting a wide character.
 * Returns the columns used. */
int draw_text(WINDOW *w, const char *s, size_t n, int limit);
/* As draw_text, with an ellipsis in the last column when s is cut. */
int draw_text_cut(WINDOW *w, const char *s, size_t n, int limit);
/* Draws s[0..n), which lies inside the model string field, in style base
 * with the search hits of hl (may be NULL) marked; as draw_text. */
int draw_field(WINDOW *w, const char *s, size_t n, const char *field,
	       enum tui_style base, int limit, const struct find_hl *hl);
/* Draws line i of a layout at row y, starting at column x, clipped to
 * `width` columns, hits of hl (may be NULL) marked. */
void draw_layout_line(WINDOW *w, const struct layout *L, size_t i, int y,
		      int x, int width, const struct find_hl *hl);
void draw_frame(struct pane *p, const char *title, bool focused);
/* The letter for a cell in an attribute dump. */
char draw_style_letter(attr_t attrs, short pair);

#endif
