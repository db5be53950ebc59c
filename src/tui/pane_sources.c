/* The sources pane (F): a checklist of the sources found in the document,
 * grouped by kind (成员国文稿 › 俄联邦, 中国; 在线磋商; 建议/分析结果 ›
 * 麦肯锡 …).  j k move, Space toggles (a kind: all of its sources), Enter
 * applies: the browser then shows only the inputs from those sources
 * (limit.c), q or Esc leaves it as it was. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/overview.h"
#include "tui/draw.h"
#include "tui/limit.h"
#include "tui/pane.h"
#include "tui/tui.h"

/* A line of the checklist: a kind (col: its first column) or a source. */
struct src_row {
	size_t col;
	bool kind;
};

struct sources_pane {
	struct overview o;
	bool built;
	bool *on;          /* per column, as chosen so far */
	bool *applied;     /* per column, as Enter last applied */
	struct src_row *rows;
	size_t n_rows, sel;
};

static struct sources_pane *src_of(const struct pane *p)
{
	return p->priv;
}

static const char *title(const struct pane *p, const struct tui *t, char *buf,
			 size_t size)
{
	(void)p;
	(void)t;
	snprintf(buf, size, "%s", _("Sources: Space chooses, Enter shows only those"));
	return buf;
}

/* A kind's columns: [c, end). */
static size_t kind_end(const struct overview *o, size_t c)
{
	size_t e = c;
	while (e < o->n_cols && !strcmp(o->cols[e].kind, o->cols[c].kind))
		e++;
	return e;
}

static void build(struct sources_pane *s, const struct doc *d)
{
	if (s->built || !overview_build(&s->o, d))
		return;
	size_t n = s->o.n_cols;
	s->on = calloc(n + 1, sizeof *s->on);
	s->applied = calloc(n + 1, sizeof *s->applied);
	s->rows = calloc(2 * n + 1, sizeof *s->rows);
	if (!s->on || !s->applied || !s->rows) {
		free(s->on);
		free(s->applied);
		free(s->rows);
		overview_free(&s->o);
		return;
	}
	/* A kind of one unnamed column (在线磋商) is one row; any other
	 * kind a row of its own, then a row per source. */
	for (size_t c = 0; c < n;) {
		size_t e = kind_end(&s->o, c);
		if (e == c + 1 && !s->o.cols[c].heading) {
			s->rows[s->n_rows++] = (struct src_row){c, true};
		} else {
			s->rows[s->n_rows++] = (struct src_row){c, true};
			for (size_t k = c; k < e; k++)
				s->rows[s->n_rows++] = (struct src_row){k, false};
		}
		c = e;
	}
	s->built = true;
}

static void reflow(struct pane *p, struct tui *t)
{
	struct sources_pane *s = src_of(p);
	build(s, t->full);
	p->n_lines = s->n_rows;
	pane_clamp(p);
}

static bool row_on(const struct sources_pane *s, const struct src_row *r)
{
	if (!r->kind)
		return s->on[r->col];
	for (size_t c = r->col; c < kind_end(&s->o, r->col); c++)
		if (!s->on[c])
			return false;
	return true;
}

static void draw(struct pane *p, struct tui *t)
{
	(void)t;
	struct sources_pane *s = src_of(p);
	int rows = pane_rows(p), limit = 2 + pane_cols(p);
	if (s->sel < p->top)
		p->top = s->sel;
	else if (rows > 0 && s->sel >= p->top + (size_t)rows)
		p->top = s->sel - (size_t)rows + 1;
	for (int r = 0; r < rows && p->top + (size_t)r < s->n_rows; r++) {
		size_t i = p->top + (size_t)r;
		const struct src_row *row = &s->rows[i];
		const struct overview_col *col = &s->o.cols[row->col];
		wmove(p->win, r + 1, 2);
		draw_set(p->win, i == s->sel ? ST_SELECTED : ST_NORMAL);
		const char *box = row_on(s, row) ? "[x] " : "[ ] ";
		size_t len = strlen(col->kind);
		const char *name = col->kind;
		if (!row->kind) { /* a source, under its kind */
			draw_text(p->win, "    ", 4, limit);
			name = col->heading ? col->heading : overview_label(&s->o, row->col, &len);
			if (col->heading)
				len = strlen(name);
		}
		draw_text(p->win, box, strlen(box), limit);
		draw_text_cut(p->win, name, len, limit);
		draw_set(p->win, ST_NORMAL);
	}
}

static void toggle(struct sources_pane *s)
{
	const struct src_row *r = &s->rows[s->sel];
	bool to = !row_on(s, r);
	size_t end = r->kind ? kind_end(&s->o, r->col) : r->col + 1;
	for (size_t c = r->col; c < end; c++)
		s->on[c] = to;
}

static enum tui_result key(struct pane *p, struct tui *t, enum tui_action a,
			   long count)
{
	struct sources_pane *s = src_of(p);
	if (!s->built || !s->n_rows)
		return TUI_IGNORED;
	size_t step = count > 0 ? (size_t)count : 1, last = s->n_rows - 1;
	switch (a) {
	case ACT_LINE_DOWN: s->sel = s->sel + step < last ? s->sel + step : last; break;
	case ACT_LINE_UP: s->sel = s->sel > step ? s->sel - step : 0; break;
	case ACT_TOP: s->sel = 0; break;
	case ACT_BOTTOM: s->sel = last; break;
	case ACT_PAGE_DOWN: toggle(s); break; /* Space */
	case ACT_ENTER:
		t->cover = -1;
		memcpy(s->applied, s->on, s->o.n_cols * sizeof *s->on);
		limit_sources(t, &s->o, s->on);
		return TUI_RELAYOUT;
	case ACT_QUIT: case ACT_CANCEL: case ACT_SOURCES: case ACT_HELP:
		t->cover = -1;
		return TUI_RELAYOUT;
	default:
		break;
	}
	return TUI_HANDLED;
}

void pane_sources_choose(struct tui *t, const char *kind, const char *heading)
{
	struct pane *p = &t->panes[PANE_SOURCES];
	struct sources_pane *s = src_of(p);
	build(s, t->full);
	if (!s->built)
		return;
	for (size_t c = 0; c < s->o.n_cols; c++) {
		const struct overview_col *col = &s->o.cols[c];
		s->on[c] = strcmp(col->kind, kind) == 0 &&
			   (col->heading == heading ||
			    (col->heading && heading && strcmp(col->heading, heading) == 0));
	}
	memcpy(s->applied, s->on, s->o.n_cols * sizeof *s->on);
	limit_sources(t, &s->o, s->on);
}

void pane_sources_open(struct tui *t)
{
	struct pane *p = &t->panes[PANE_SOURCES];
	struct sources_pane *s = src_of(p);
	if (s->built) /* what was applied, not what Esc left */
		memcpy(s->on, s->applied, s->o.n_cols * sizeof *s->on);
	s->sel = 0;
	p->top = 0;
	t->cover = PANE_SOURCES;
}

static void src_free(struct pane *p)
{
	struct sources_pane *s = src_of(p);
	overview_free(&s->o);
	free(s->applied);
	free(s->on);
	free(s->rows);
}

const struct pane_ops pane_sources_ops = {
	.title = title, .priv_size = sizeof(struct sources_pane), .free = src_free,
	.reflow = reflow, .draw = draw, .key = key,
};
