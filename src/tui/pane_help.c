/* The help pane, generated from the key table (keys.h), wrapped to the
 * pane's width by the core's wrapper: a description that does not fit
 * goes on under itself, never cut off at the border. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/buf.h"
#include "cwgview/i18n.h"
#include "cwgview/mem.h"
#include "cwgview/text.h"
#include "tui/draw.h"
#include "tui/pane.h"
#include "tui/tui.h"

/* One screen line: bytes [start, end) of a help line, drawn at column
 * indent of the text area. */
struct help_row {
	const char *s;
	size_t len;
	int indent;
};

/* The help pane's own state: the text and its rows at rows_width. */
struct help_pane {
	struct buf text;
	int indent;
	struct help_row *rows;
	size_t n_rows, cap_rows, rows_width;
};

static struct help_pane *help_of(const struct pane *p)
{
	return p->priv;
}

static const char *title(const struct pane *p, const struct tui *t,
			 char *buf, size_t size)
{
	(void)p;
	(void)t;
	snprintf(buf, size, "%s", _("Help"));
	return buf;
}

static bool add_row(struct help_pane *h, const char *s, size_t len, int indent)
{
	struct help_row *r = mem_room(h->rows, h->n_rows, &h->cap_rows, sizeof *r, 64);
	if (!r)
		return false;
	h->rows = r;
	h->rows[h->n_rows++] = (struct help_row){s, len, indent};
	return true;
}

/* Wraps every help line to width columns: the first part at the left,
 * the rest of a description under its start (or at the left, when the
 * pane is too narrow to leave it room). */
static void wrap(struct help_pane *h, int width)
{
	h->n_rows = 0;
	int indent = width - h->indent >= 12 ? h->indent : 0;
	const char *s = h->text.data, *end = s + h->text.len;
	while (s && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
		struct text_line *lines = NULL;
		size_t n = len ? text_wrap(s, len, width, width - indent, NULL,
					   &lines)
			       : 0;
		if (len && !n) {
			add_row(h, s, len, 0); /* out of memory: as it is */
		} else if (!len) {
			add_row(h, s, 0, 0);
		}
		for (size_t i = 0; i < n; i++)
			add_row(h, s + lines[i].start, lines[i].end - lines[i].start,
				i ? indent : 0);
		free(lines);
		s += len + 1;
	}
	h->rows_width = (size_t)width;
}

static void reflow(struct pane *p, struct tui *t)
{
	struct help_pane *h = help_of(p);
	if (!h->text.len)
		keys_help(&h->text, &h->indent, t->opt.secure);
	int width = pane_cols(p);
	if (width < 1)
		width = 1;
	if (!h->n_rows || h->rows_width != (size_t)width)
		wrap(h, width);
	p->n_lines = h->n_rows;
	pane_clamp(p);
}

static void draw(struct pane *p, struct tui *t)
{
	(void)t;
	const struct help_pane *hp = help_of(p);
	int rows_shown = pane_rows(p), cols = pane_cols(p);
	for (int r = 0; r < rows_shown && p->top + (size_t)r < hp->n_rows; r++) {
		const struct help_row *h = &hp->rows[p->top + (size_t)r];
		wmove(p->win, r + 1, 2 + h->indent);
		draw_set(p->win, r == 0 && p->top == 0 ? ST_LAY_BASE + LAY_TITLE
							: ST_NORMAL);
		draw_text(p->win, h->s, h->len, 2 + cols);
	}
	draw_set(p->win, ST_NORMAL);
}

static void help_free(struct pane *p)
{
	struct help_pane *h = help_of(p);
	buf_free(&h->text);
	free(h->rows);
}

static enum tui_result key(struct pane *p, struct tui *t, enum tui_action a,
			   long count)
{
	(void)p;
	(void)count;
	if (a == ACT_QUIT || a == ACT_HELP || a == ACT_CANCEL) {
		t->help = false;
		return TUI_RELAYOUT;
	}
	return TUI_IGNORED;
}

const struct pane_ops pane_help_ops = {
	.title = title, .priv_size = sizeof(struct help_pane), .free = help_free,
	.reflow = reflow, .draw = draw, .key = key,
};
