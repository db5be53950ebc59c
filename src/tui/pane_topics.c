/* The topics pane: number, title and number of inputs; the selection drives
 * the other panes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/pane.h"
#include "tui/tui.h"

static const char *title(const struct pane *p, const struct tui *t,
			 char *buf, size_t size)
{
	(void)p;
	(void)t;
	snprintf(buf, size, "%s", _("Topics"));
	return buf;
}

static void reflow(struct pane *p, struct tui *t)
{
	p->n_lines = t->doc->n_topics;
}

/* Keeps the selected topic on screen. */
static void follow(struct pane *p, const struct tui *t)
{
	int rows = pane_rows(p);
	if (rows < 1)
		return;
	if (t->topic < p->top)
		p->top = t->topic;
	else if (t->topic >= p->top + (size_t)rows)
		p->top = t->topic - (size_t)rows + 1;
}

static void draw(struct pane *p, struct tui *t)
{
	int rows = pane_rows(p), cols = pane_cols(p);
	follow(p, t);
	tui_topics_measure(t);
	int numw = t->measure.num_w;
	bool focused = t->focus == PANE_TOPICS && t->cover < 0;
	int ew = text_width("…", strlen("…"));
	for (int r = 0; r < rows; r++) {
		size_t i = p->top + (size_t)r;
		if (i >= t->doc->n_topics)
			break;
		const struct doc_topic *tp = &t->doc->topics[i];
		char num[24], cnt[24];
		snprintf(num, sizeof num, "%*ld ", numw, tp->number);
		snprintf(cnt, sizeof cnt, " %zu", tp->n_inputs);
		int cntw = (int)strlen(cnt);
		bool sel = i == t->topic;
		enum tui_style base = sel ? (focused ? ST_SELECTED : ST_SELECTED_DIM)
					  : ST_NORMAL;
		int x0 = 2, limit = 2 + cols;
		wmove(p->win, r + 1, x0);
		if (sel) { /* the whole row, so the selection reads as a bar */
			draw_set(p->win, base);
			for (int c = x0 - 1; c < limit; c++)
				mvwaddch(p->win, r + 1, c, ' ');
			wmove(p->win, r + 1, x0);
		}
		if (t->tagged && t->tagged[i]) { /* t: tagged, in the gutter */
			draw_set(p->win, sel ? base : ST_TOPIC_NUMBER);
			mvwaddch(p->win, r + 1, 1, '*');
			wmove(p->win, r + 1, x0);
		}
		draw_set(p->win, sel ? base : ST_TOPIC_NUMBER);
		draw_text(p->win, num, strlen(num), limit);
		draw_set(p->win, base);
		/* The title gets what the count leaves; an ellipsis marks a cut. */
		int room = limit - getcurx(p->win) - cntw;
		int tw = text_width(tp->title, strlen(tp->title));
		struct find_hl hl;
		bool marks = find_highlights(t, i, &hl);
		if (tw <= room) {
			draw_field(p->win, tp->title, strlen(tp->title), tp->title,
				   base, limit - cntw, marks ? &hl : NULL);
		} else if (room > ew) {
			draw_field(p->win, tp->title, strlen(tp->title), tp->title,
				   base, getcurx(p->win) + room - ew, marks ? &hl : NULL);
			waddstr(p->win, "…");
		}
		if (limit - cntw >= getcurx(p->win)) {
			wmove(p->win, r + 1, limit - cntw);
			draw_set(p->win, sel ? base : ST_COUNT);
			draw_text(p->win, cnt, strlen(cnt), limit);
		}
		draw_set(p->win, ST_NORMAL);
	}
}

static enum tui_result key(struct pane *p, struct tui *t, enum tui_action a,
			   long count)
{
	size_t n = t->doc->n_topics, sel = t->topic;
	size_t page = (size_t)(pane_rows(p) > 1 ? pane_rows(p) - 1 : 1);
	size_t step = count > 0 ? (size_t)count : 1;
	switch (a) {
	case ACT_LINE_DOWN:
		sel = sel + step < n ? sel + step : n - 1;
		break;
	case ACT_LINE_UP:
		sel = sel >= step ? sel - step : 0;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		if (a == ACT_HALF_DOWN)
			page = page / 2 ? page / 2 : 1;
		sel = sel + page < n ? sel + page : n - 1;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		if (a == ACT_HALF_UP)
			page = page / 2 ? page / 2 : 1;
		sel = sel >= page ? sel - page : 0;
		break;
	case ACT_TOP:
		sel = 0;
		break;
	case ACT_BOTTOM:
		sel = n - 1;
		break;
	case ACT_ENTER:
		t->focus = PANE_INPUTS;
		return t->narrow || t->maximised ? TUI_RELAYOUT : TUI_HANDLED;
	default:
		return TUI_IGNORED;
	}
	tui_select_topic(t, sel);
	return TUI_HANDLED;
}

static void click(struct pane *p, struct tui *t, int row)
{
	size_t i = p->top + (size_t)row;
	if (i < t->doc->n_topics)
		tui_select_topic(t, i);
}

const struct pane_ops pane_topics_ops = {
	.title = title, .reflow = reflow, .draw = draw, .key = key, .click = click,
};
