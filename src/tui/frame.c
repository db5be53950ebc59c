/* The frame: where the windows go for the terminal's size, the focus and
 * the mode, which topic is shown, and the notice on the status line.
 * Calls only the panes (through pane_ops), pane.c and term.c. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/frame.h"
#include "tui/pane.h"
#include "tui/term.h"
#include "tui/tui.h"

/* delscreen() has freed every window of the screen already when an error
 * closed the terminal early (to show its message on a restored one); then
 * only the pointers are cleared. */
void tui_free_windows(struct tui *t)
{
	for (int i = 0; i < N_PANES; i++) {
		if (t->panes[i].win && tui_terminal_open())
			delwin(t->panes[i].win);
		t->panes[i].win = NULL;
		t->panes[i].shown = false;
	}
	WINDOW **lines[] = {&t->titlebar, &t->tabbar, &t->status};
	for (size_t i = 0; i < 3; i++) {
		if (*lines[i] && tui_terminal_open())
			delwin(*lines[i]);
		*lines[i] = NULL;
	}
}

static void place(struct pane *p, int y, int x, int h, int w)
{
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
	p->win = newwin(h, w, y, x);
	p->shown = p->win != NULL;
}

void tui_topics_measure(struct tui *t)
{
	struct topics_measure *m = &t->measure;
	if (m->doc != t->doc || m->n > t->doc->n_topics)
		*m = (struct topics_measure){.doc = t->doc, .num_w = 1};
	for (; m->n < t->doc->n_topics; m->n++) {
		const struct doc_topic *tp = &t->doc->topics[m->n];
		int nw = snprintf(NULL, 0, "%ld", tp->number);
		int w = nw + snprintf(NULL, 0, "  %zu", tp->n_inputs) +
			text_width(tp->title, strlen(tp->title)) + 1;
		m->want = w > m->want ? w : m->want;
		m->num_w = nw > m->num_w ? nw : m->num_w;
	}
}

static int topics_width(struct tui *t)
{
	tui_topics_measure(t);
	int want = t->measure.want + 4; /* borders, one column of padding each side */
	int max = t->cols * 3 / 8;
	return want > max ? max : want < 20 ? 20 : want;
}

/* Rows for the inputs pane above the guidance, from what each holds at
 * the width they share: the inputs as tall as they need when all fits or
 * the guidance needs more than its share (and the reverse), else three
 * fifths; so a short guidance leaves no half-empty pane at 120x40. */
static int split_rows(struct tui *t, int body_h, int width)
{
	struct pane *in = &t->panes[PANE_INPUTS], *g = &t->panes[PANE_GUIDANCE];
	in->w = g->w = width; /* reflow needs only the width */
	in->h = g->h = 0;
	in->ops->reflow(in, t);
	g->ops->reflow(g, t);
	long ni = (long)in->n_lines + 2, ng = (long)g->n_lines + 2;
	long ih = body_h * 3 / 5;
	if (ni + ng <= body_h || ni < ih)
		ih = ni;
	else if (ng < body_h - ih)
		ih = body_h - ng;
	if (ih > body_h - 3)
		ih = body_h - 3;
	return ih < 3 ? 3 : (int)ih;
}

/* The wide layout: the topics on the left; the inputs above the
 * guidance, or from opt.beside columns on, beside it. */
static void place_body(struct tui *t, int body_y, int body_h)
{
	int tw = topics_width(t), rest = t->cols - tw;
	place(&t->panes[PANE_TOPICS], body_y, 0, body_h, tw);
	if (t->opt.beside > 0 && t->cols >= t->opt.beside) {
		int iw = rest * 11 / 20;
		place(&t->panes[PANE_INPUTS], body_y, tw, body_h, iw);
		place(&t->panes[PANE_GUIDANCE], body_y, tw + iw, body_h, rest - iw);
		return;
	}
	int ih = split_rows(t, body_h, rest);
	place(&t->panes[PANE_INPUTS], body_y, tw, ih, rest);
	place(&t->panes[PANE_GUIDANCE], body_y + ih, tw, body_h - ih, rest);
}

/* The wide, stacked layout's split again for the topic now shown: only
 * the two text panes' windows move, and only when the split does (a new
 * status window would send the keypad sequence again: two writes for
 * one keystroke instead of one). */
static void resplit(struct tui *t)
{
	struct pane *in = &t->panes[PANE_INPUTS], *g = &t->panes[PANE_GUIDANCE];
	if (t->too_small || t->narrow || t->maximised || t->cover >= 0 || !in->shown ||
	    !g->shown || in->x != g->x)
		return; /* not stacked */
	int y = in->y, h = in->h, body_h = in->h + g->h, w = in->w;
	int ih = split_rows(t, body_h, w);
	in->h = h;
	g->h = body_h - h;
	if (ih == h)
		return;
	delwin(in->win);
	delwin(g->win);
	place(in, y, in->x, ih, w);
	place(g, y + ih, g->x, body_h - ih, w);
	struct pane *both[] = {in, g};
	for (size_t k = 0; k < 2; k++) {
		both[k]->ops->reflow(both[k], t);
		pane_clamp(both[k]);
	}
}

void tui_relayout(struct tui *t)
{
	tui_free_windows(t);
	t->rows = LINES;
	t->cols = COLS;
	t->too_small = t->cols < MIN_COLS || t->rows < MIN_ROWS;
	t->narrow = t->cols < WIDE_COLS;
	t->status = newwin(1, t->cols, t->rows - 1, 0);
	if (t->status) {
		keypad(t->status, TRUE);
		if (t->status)
			nodelay(t->status, FALSE);
	}
	if (t->too_small)
		return;
	t->titlebar = newwin(1, t->cols, 0, 0);
	int body_y = 1;
	if (t->narrow && t->cover < 0) {
		t->tabbar = newwin(1, t->cols, 1, 0);
		body_y = 2;
	}
	int body_h = t->rows - body_y - 1;
	if (t->cover >= 0) {
		place(&t->panes[t->cover], body_y, 0, body_h, t->cols);
	} else if (t->narrow || t->maximised) {
		place(&t->panes[t->focus], body_y, 0, body_h, t->cols);
	} else {
		place_body(t, body_y, body_h);
	}
	for (int i = 0; i < N_PANES; i++) {
		struct pane *p = &t->panes[i];
		if (p->shown) {
			p->ops->reflow(p, t);
			pane_clamp(p);
		}
	}
}

void tui_notice(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->notice, sizeof t->notice, fmt, ap);
	va_end(ap);
	t->notice_error = error;
}

bool tui_gate(struct tui *t, const char *what)
{
	if (!t->opt.secure)
		return true;
	tui_notice(t, true, _("%s is disabled in secure mode"), what);
	return false;
}

void place_take(const struct tui *t, struct place *pl)
{
	pl->set = true;
	pl->topic = t->topic;
	pl->focus = t->focus;
	pl->input = t->input;
	for (int i = 0; i < N_PANES; i++)
		pane_spot_of(&t->panes[i], &pl->spot[i]);
}

/* The remembered place in topic i, or NULL. */
static const struct place *remembered(const struct tui *t, size_t i)
{
	for (size_t k = 0; k < PLACES_REMEMBERED; k++)
		if (t->memory[k].set && t->memory[k].topic == i)
			return &t->memory[k];
	return NULL;
}

void tui_remember(struct tui *t, const struct place *pl)
{
	struct place *slot = (struct place *)remembered(t, pl->topic);
	if (!slot) /* the oldest goes */
		slot = &t->memory[t->memory_next++ % PLACES_REMEMBERED];
	*slot = *pl;
}

/* Switches to topic i and puts the panes at `to`, or at the topic's
 * start; with_focus, the focus too.  While a search is typed the topics
 * it passes through are not where you were, so nothing is remembered. */
static void show_topic(struct tui *t, size_t i, const struct place *to,
		       bool with_focus, bool remember)
{
	if (i != t->topic && remember && !t->prompt.active) {
		struct place here;
		place_take(t, &here);
		tui_remember(t, &here);
	}
	if (i != t->topic)
		t->input = -1; /* the first on the screen, once drawn */
	t->topic = i;
	static const struct pane_spot start = {0, 0, NULL, 0};
	for (int k = 0; k < N_PANES; k++) {
		struct pane *p = &t->panes[k];
		if (p->ops->follows_topic || (to && with_focus && p->place == PANE_BODY))
			pane_want(p, t, to && to->set ? &to->spot[k] : &start);
	}
	bool refocus = with_focus && to && to->set && to->focus != t->focus;
	if (refocus)
		t->focus = to->focus;
	/* The narrow and maximised layouts follow the focus; the wide one
	 * splits the height by what the topic holds. */
	if (refocus && (t->narrow || t->maximised))
		tui_relayout(t);
	else
		resplit(t);
}

void tui_select_topic(struct tui *t, size_t i)
{
	if (i >= t->doc->n_topics || i == t->topic)
		return;
	const struct place *mem = remembered(t, i);
	/* The remembered pane, when you are reading a topic rather than
	 * running down the list. */
	bool focus = mem && mem->set && t->panes[t->focus].ops->follows_topic &&
		     t->panes[mem->focus].ops->follows_topic;
	show_topic(t, i, mem, focus, true);
	if (mem && mem->set)
		t->input = mem->input; /* the row you were at, when it shows */
}

void tui_go(struct tui *t, const struct place *pl, bool remember)
{
	if (pl->set && pl->topic < t->doc->n_topics) {
		show_topic(t, pl->topic, pl, true, remember);
		t->input = pl->input;
	}
}
