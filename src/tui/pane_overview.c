/* The overview pane (o): which sources have inputs in which topics, the
 * matrix of --print overview, covering the body.  j k move between
 * topics, Tab and Shift-Tab (Right, Left) between sources; the columns
 * scroll sideways to keep the cell in view.  Enter opens the topic with
 * that source alone, as F would choose it (a jump: '' comes back; F
 * again, or choosing nothing, shows every source). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/overview.h"
#include "cwgview/text.h"
#include "tui/draw.h"
#include "tui/frame.h"
#include "tui/jump.h"
#include "tui/pane.h"
#include "tui/tui.h"

struct overview_pane {
	struct overview o;
	bool built;
	const struct doc *doc; /* what it was built from (& changes it) */
	int *w;           /* each column's width */
	int lead;         /* the topic column's */
	int numw;         /* the topic numbers' */
	size_t row, col;  /* the selected cell */
	size_t first_col; /* the first column shown */
};

static struct overview_pane *ov_of(const struct pane *p)
{
	return p->priv;
}

static const char *title(const struct pane *p, const struct tui *t, char *buf,
			 size_t size)
{
	(void)p;
	(void)t;
	snprintf(buf, size, "%s", _("Overview: inputs per topic and source"));
	return buf;
}

static void build(struct overview_pane *v, const struct doc *d)
{
	if (v->built && v->doc != d) {
		overview_free(&v->o);
		free(v->w);
		v->w = NULL;
		v->built = false;
		v->lead = v->numw = 0;
		v->row = v->col = v->first_col = 0;
	}
	v->doc = d;
	if (v->built || !overview_build(&v->o, d))
		return;
	v->w = calloc(v->o.n_cols + 1, sizeof *v->w);
	if (!v->w) {
		overview_free(&v->o);
		return;
	}
	v->built = true;
	for (size_t c = 0; c < v->o.n_cols; c++) {
		size_t len;
		const char *l = overview_label(&v->o, c, &len);
		int kw = text_width(v->o.cols[c].kind, strlen(v->o.cols[c].kind));
		bool first = !c || strcmp(v->o.cols[c - 1].kind, v->o.cols[c].kind);
		int lw = text_width(l, len);
		v->w[c] = lw > 3 ? lw : 3;
		if (first && kw > v->w[c] && (c + 1 == v->o.n_cols ||
					      strcmp(v->o.cols[c + 1].kind, v->o.cols[c].kind)))
			v->w[c] = kw; /* a kind of one column: as wide as its name */
	}
	for (size_t t = 0; t < d->n_topics; t++) {
		int n = snprintf(NULL, 0, "%ld", d->topics[t].number);
		v->numw = n > v->numw ? n : v->numw;
	}
	for (size_t t = 0; t < d->n_topics; t++) {
		int n = v->numw + 1 + text_width(d->topics[t].title, strlen(d->topics[t].title));
		v->lead = n > v->lead ? n : v->lead;
	}
	v->lead += 2;
}

static void reflow(struct pane *p, struct tui *t)
{
	struct overview_pane *v = ov_of(p);
	build(v, t->doc);
	p->n_lines = v->built ? v->o.n_topics + 2 : 0;
	pane_clamp(p);
}

/* Columns from first_col on so that the selected one shows. */
static void follow(struct pane *p, struct overview_pane *v)
{
	int room = pane_cols(p) - v->lead;
	if (v->col < v->first_col)
		v->first_col = v->col;
	for (;;) {
		int used = 0;
		for (size_t c = v->first_col; c <= v->col; c++)
			used += v->w[c] + 2;
		if (used <= room || v->first_col == v->col)
			break;
		v->first_col++;
	}
	size_t rows = (size_t)pane_rows(p);
	size_t line = v->row + 2; /* below the two header lines */
	if (rows > 2 && line >= p->top + rows)
		p->top = line - rows + 1;
	if (line < p->top + 2)
		p->top = line > 2 ? line - 2 : 0;
}

/* One cell's text at the cursor, in style st, padded to width w. */
static void cell(WINDOW *win, const char *s, size_t n, int w, int limit,
		 enum tui_style st)
{
	draw_set(win, st);
	int used = draw_text_cut(win, s, n, limit);
	for (; used < w && getcurx(win) < limit; used++)
		waddch(win, ' ');
	draw_set(win, ST_NORMAL);
}

static void draw_line(struct pane *p, struct tui *t, size_t line, int y)
{
	struct overview_pane *v = ov_of(p);
	int limit = 2 + pane_cols(p);
	wmove(p->win, y, 2);
	if (line >= 2) {
		const struct doc_topic *tp = &t->doc->topics[line - 2];
		char num[24];
		snprintf(num, sizeof num, "%*ld ", v->numw, tp->number);
		draw_text(p->win, num, strlen(num), limit);
		draw_text_cut(p->win, tp->title, strlen(tp->title), 2 + v->lead - 2);
	}
	int x = 2 + v->lead;
	for (size_t c = v->first_col; c < v->o.n_cols && x < limit; c++) {
		wmove(p->win, y, x);
		const char *s = "";
		size_t n = 0;
		char num[24];
		enum tui_style st = ST_NORMAL;
		if (line == 0) { /* a kind over its columns, from the first */
			bool first = c == v->first_col || strcmp(v->o.cols[c - 1].kind,
								 v->o.cols[c].kind);
			if (first) {
				const char *k = v->o.cols[c].kind;
				draw_set(p->win, ST_LAY_BASE + LAY_KIND);
				draw_text_cut(p->win, k, strlen(k), limit);
				draw_set(p->win, ST_NORMAL);
			}
			x += v->w[c] + 2;
			continue;
		} else if (line == 1) {
			s = overview_label(&v->o, c, &n);
			st = ST_LAY_BASE + LAY_HEADING;
		} else {
			size_t k = overview_count(&v->o, line - 2, c);
			snprintf(num, sizeof num, k ? "%zu" : "·", k);
			s = num;
			n = strlen(num);
			if (line - 2 == v->row && c == v->col)
				st = ST_SELECTED;
		}
		cell(p->win, s, n, v->w[c], limit, st);
		x += v->w[c] + 2;
	}
}

static void draw(struct pane *p, struct tui *t)
{
	struct overview_pane *v = ov_of(p);
	if (!v->built)
		return;
	follow(p, v);
	int rows = pane_rows(p);
	for (int r = 0; r < rows; r++) {
		/* The two header lines stay at the top. */
		size_t line = r < 2 ? (size_t)r : p->top + (size_t)r;
		if (line >= p->n_lines)
			break;
		draw_line(p, t, line, r + 1);
	}
}

/* Enter: that topic with that source alone (as F would choose it), at
 * its first input. */
static void go(struct tui *t, const struct overview_pane *v)
{
	const struct overview_col *col = &v->o.cols[v->col];
	long number = t->doc->topics[v->row].number;
	bool any = overview_count(&v->o, v->row, v->col) > 0;
	jump_push(t, NULL);
	t->cover = -1;
	if (!any) {
		tui_notice(t, false, "%s", _("no input from that source in this topic"));
		return;
	}
	pane_sources_choose(t, col->kind, col->heading);
	long i = doc_topic_index(t->doc, number);
	if (i < 0)
		return;
	tui_select_topic(t, (size_t)i);
	t->focus = PANE_INPUTS;
	t->input = -1;
	tui_relayout(t);
	t->panes[PANE_INPUTS].top = 0;
}

static enum tui_result key(struct pane *p, struct tui *t, enum tui_action a,
			   long count)
{
	struct overview_pane *v = ov_of(p);
	if (!v->built)
		return TUI_IGNORED;
	size_t step = count > 0 ? (size_t)count : 1, nr = v->o.n_topics, nc = v->o.n_cols;
	switch (a) {
	case ACT_LINE_DOWN: v->row = v->row + step < nr ? v->row + step : nr - 1; break;
	case ACT_LINE_UP: v->row = v->row > step ? v->row - step : 0; break;
	case ACT_FOCUS_NEXT: v->col = v->col + step < nc ? v->col + step : nc - 1; break;
	case ACT_FOCUS_PREV: v->col = v->col > step ? v->col - step : 0; break;
	case ACT_TOP: v->row = 0; break;
	case ACT_BOTTOM: v->row = nr ? nr - 1 : 0; break;
	case ACT_ENTER:
		if (nr && nc)
			go(t, v);
		return TUI_RELAYOUT;
	case ACT_QUIT: case ACT_CANCEL: case ACT_OVERVIEW: case ACT_HELP:
		t->cover = -1;
		return TUI_RELAYOUT;
	default:
		break;
	}
	return TUI_HANDLED;
}

static void ov_free(struct pane *p)
{
	struct overview_pane *v = ov_of(p);
	overview_free(&v->o);
	free(v->w);
}

const struct pane_ops pane_overview_ops = {
	.title = title, .priv_size = sizeof(struct overview_pane), .free = ov_free,
	.reflow = reflow, .draw = draw, .key = key,
};
