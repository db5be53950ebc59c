/* The list pane: a title and one line per row, the selected one in
 * reverse; j k PgDn PgUp g G move the selection, Enter goes where the row
 * leads (a jump: '' and ^O come back), q or Esc closes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/jump.h"
#include "tui/list.h"
#include "tui/pane.h"
#include "tui/tui.h"

struct list_pane {
	char title[256];
	struct list_row *rows;
	size_t n, sel;
};

static struct list_pane *list_of(const struct pane *p)
{
	return p->priv;
}

static void rows_free(struct list_pane *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->rows[i].text);
	free(l->rows);
	l->rows = NULL;
	l->n = l->sel = 0;
}

void list_open(struct tui *t, const char *title, struct list_row *rows,
	       size_t n, size_t sel, const char *empty)
{
	struct pane *p = &t->panes[PANE_LIST];
	struct list_pane *l = list_of(p);
	rows_free(l);
	if (!n) {
		free(rows);
		tui_notice(t, false, "%s", empty);
		return;
	}
	snprintf(l->title, sizeof l->title, "%s", title);
	l->rows = rows;
	l->n = n;
	l->sel = sel < n ? sel : 0;
	p->top = 0;
	t->cover = PANE_LIST;
	tui_relayout(t);
}

static const char *title(const struct pane *p, const struct tui *t, char *buf,
			 size_t size)
{
	(void)t;
	snprintf(buf, size, "%s", list_of(p)->title);
	return buf;
}

static void reflow(struct pane *p, struct tui *t)
{
	(void)t;
	p->n_lines = list_of(p)->n;
	pane_clamp(p);
}

/* Keeps the selection on the screen. */
static void follow(struct pane *p)
{
	struct list_pane *l = list_of(p);
	size_t rows = (size_t)pane_rows(p);
	if (l->sel < p->top)
		p->top = l->sel;
	else if (rows && l->sel >= p->top + rows)
		p->top = l->sel - rows + 1;
}

static void draw(struct pane *p, struct tui *t)
{
	(void)t;
	struct list_pane *l = list_of(p);
	int rows = pane_rows(p), cols = pane_cols(p);
	follow(p);
	for (int r = 0; r < rows && p->top + (size_t)r < l->n; r++) {
		size_t i = p->top + (size_t)r;
		wmove(p->win, r + 1, 1);
		draw_set(p->win, i == l->sel ? ST_SELECTED : ST_NORMAL);
		waddch(p->win, ' ');
		const char *s = l->rows[i].text;
		int used = 1 + draw_text_cut(p->win, s, strlen(s), 2 + cols);
		for (; used < cols + 2; used++)
			waddch(p->win, ' ');
	}
	draw_set(p->win, ST_NORMAL);
}

/* Enter: where the row leads, with the place left on the jump list. */
static void go(struct tui *t, const struct list_row *r)
{
	jump_push(t, NULL);
	t->cover = -1;
	if (r->hit >= 0) {
		find_go(t, (size_t)r->hit);
		return;
	}
	tui_select_topic(t, r->topic);
	if (r->input < 0)
		return;
	t->focus = PANE_INPUTS;
	tui_relayout(t);
	struct pane *in = &t->panes[PANE_INPUTS];
	t->input = r->input;
	size_t first, last;
	if (pane_inputs_lines(in, r->input, &first, &last)) {
		in->top = first;
		pane_clamp(in);
	}
}

static enum tui_result key(struct pane *p, struct tui *t, enum tui_action a,
			   long count)
{
	struct list_pane *l = list_of(p);
	size_t step = count > 0 ? (size_t)count : 1, rows = (size_t)pane_rows(p);
	size_t page = rows > 1 ? rows - 1 : 1, last = l->n ? l->n - 1 : 0;
	switch (a) {
	case ACT_LINE_DOWN: l->sel = l->sel + step < last ? l->sel + step : last; break;
	case ACT_LINE_UP: l->sel = l->sel > step ? l->sel - step : 0; break;
	case ACT_PAGE_DOWN: l->sel = l->sel + page < last ? l->sel + page : last; break;
	case ACT_PAGE_UP: l->sel = l->sel > page ? l->sel - page : 0; break;
	case ACT_TOP: l->sel = count > 0 && (size_t)count <= l->n ? (size_t)count - 1 : 0; break;
	case ACT_BOTTOM: l->sel = last; break;
	case ACT_ENTER:
		if (l->n)
			go(t, &l->rows[l->sel]);
		return TUI_RELAYOUT;
	case ACT_QUIT: case ACT_CANCEL: case ACT_HELP:
		t->cover = -1;
		return TUI_RELAYOUT;
	default:
		break;
	}
	return TUI_HANDLED;
}

static void click(struct pane *p, struct tui *t, int row)
{
	struct list_pane *l = list_of(p);
	size_t i = p->top + (size_t)row;
	if (i < l->n) {
		l->sel = i;
		go(t, &l->rows[i]);
		tui_relayout(t);
	}
}

static void list_free(struct pane *p)
{
	rows_free(list_of(p));
}

const struct pane_ops pane_list_ops = {
	.title = title, .priv_size = sizeof(struct list_pane), .free = list_free,
	.reflow = reflow, .draw = draw, .key = key, .click = click,
};
