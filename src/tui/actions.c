/* The actions of keys.h's table, each done by its handler, and the one
 * dispatcher the loop calls.  A handler says what the loop does next:
 * nothing more, lay the windows out again, or end. */
#include "config.h"

#include <stdio.h>

#include "cwgview/i18n.h"
#include "tui/actions.h"
#include "tui/export.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/jump.h"
#include "tui/limit.h"
#include "tui/list.h"
#include "tui/pane.h"
#include "tui/tui.h"

/* The focused pane's own handling of a, else the common scrolling. */
static enum tui_result act_pane(struct tui *t, enum tui_action a, long count)
{
	struct pane *p = &t->panes[t->focus];
	enum tui_result r = p->ops->key ? p->ops->key(p, t, a, count) : TUI_IGNORED;
	if (r == TUI_IGNORED)
		pane_scroll(p, a, count);
	if (r != TUI_RELAYOUT && t->focus != p->id)
		r = t->narrow || t->maximised ? TUI_RELAYOUT : TUI_HANDLED;
	return r;
}

/* g: the top, or after a count the topic of that number, from any pane. */
static enum tui_result act_top(struct tui *t, enum tui_action a, long count)
{
	if (count < 0)
		return act_pane(t, a, count);
	long i = doc_topic_index(t->doc, count);
	if (i < 0) {
		tui_notice(t, false, _("no topic %ld"), count);
	} else if ((size_t)i != t->topic) {
		jump_push(t, NULL);
		tui_select_topic(t, (size_t)i);
	}
	return TUI_HANDLED;
}

static enum tui_result act_focus(struct tui *t, enum tui_action a, long count)
{
	(void)count;
	t->focus = pane_step(t, t->focus, a == ACT_FOCUS_NEXT ? 1 : -1);
	return t->narrow || t->maximised ? TUI_RELAYOUT : TUI_HANDLED;
}

static enum tui_result act_topic(struct tui *t, enum tui_action a, long count)
{
	size_t step = count > 0 ? (size_t)count : 1, last = t->doc->n_topics - 1;
	bool back = a == ACT_TOPIC_PREV;
	if (back ? t->topic == 0 : t->topic == last) {
		tui_notice(t, false, "%s", back ? _("already at the first topic")
						: _("already at the last topic"));
		return TUI_HANDLED;
	}
	jump_push(t, NULL);
	if (back)
		tui_select_topic(t, t->topic > step ? t->topic - step : 0);
	else
		tui_select_topic(t, t->topic + step < last ? t->topic + step : last);
	return TUI_HANDLED;
}

/* } and {: the next or previous input row of the topic, in the inputs
 * pane (focused if it was not), scrolled into view. */
static enum tui_result act_input(struct tui *t, enum tui_action a, long count)
{
	enum tui_result r = TUI_HANDLED;
	if (t->focus != PANE_INPUTS) {
		t->focus = PANE_INPUTS;
		if (t->narrow || t->maximised)
			tui_relayout(t);
	}
	struct pane *p = &t->panes[PANE_INPUTS];
	int dir = a == ACT_INPUT_NEXT ? 1 : -1;
	for (long k = count > 0 ? count : 1; k > 0; k--) {
		long next = pane_inputs_step(p, t->input, t->input < 0 ? 0 : dir);
		if (next < 0) {
			tui_notice(t, false, "%s", dir > 0 ? _("already at the last input")
							   : _("already at the first input"));
			break;
		}
		t->input = next;
	}
	size_t first, last, rows = (size_t)pane_rows(p);
	if (t->input >= 0 && pane_inputs_lines(p, t->input, &first, &last) &&
	    (first < p->top || last >= p->top + rows)) {
		p->top = first;
		pane_clamp(p);
	}
	return r;
}

static enum tui_result act_list(struct tui *t, enum tui_action a, long count)
{
	(void)count;
	if (a == ACT_XREF)
		lists_xref(t);
	else
		lists_hits(t);
	return TUI_HANDLED;
}

static enum tui_result act_yank(struct tui *t, enum tui_action a, long count)
{
	(void)count;
	export_yank(t, a == ACT_YANK_TEXT);
	return TUI_HANDLED;
}

/* t: tags or untags the selected topic, as mutt tags messages. */
static enum tui_result act_tag(struct tui *t, enum tui_action a, long count)
{
	(void)a;
	(void)count;
	bool *on = &t->tagged[t->topic];
	*on = !*on;
	t->n_tagged = *on ? t->n_tagged + 1 : t->n_tagged - 1;
	tui_notice(t, false, *on ? _("topic %ld tagged (%zu tagged)")
				 : _("topic %ld untagged (%zu tagged)"),
		   t->doc->topics[t->topic].number, t->n_tagged);
	return TUI_HANDLED;
}

static enum tui_result act_jump_back(struct tui *t, enum tui_action a, long count)
{
	(void)a;
	jump_back(t, count);
	return TUI_HANDLED;
}

static enum tui_result act_mark(struct tui *t, enum tui_action a, long count)
{
	(void)count;
	jump_await(t, a);
	return TUI_HANDLED;
}

static enum tui_result act_maximise(struct tui *t, enum tui_action a, long count)
{
	(void)a;
	(void)count;
	t->maximised = !t->maximised;
	if (t->narrow)
		tui_notice(t, false, _("narrow terminal: one pane at a time already"));
	return TUI_RELAYOUT;
}

static enum tui_result act_search(struct tui *t, enum tui_action a, long count)
{
	(void)count;
	find_start(t, a == ACT_SEARCH_BACK);
	return TUI_HANDLED;
}

static enum tui_result act_search_next(struct tui *t, enum tui_action a, long count)
{
	(void)count;
	find_next(t, a == ACT_SEARCH_PREV);
	return TUI_HANDLED;
}

/* Actions that take neither the action nor the count. */
#define PLAIN_ACTION(name, body)                                              \
	static enum tui_result act_##name(struct tui *t, enum tui_action a,  \
					  long count)                        \
	{                                                                    \
		(void)t;                                                     \
		(void)a;                                                     \
		(void)count;                                                 \
		body;                                                        \
	}

PLAIN_ACTION(highlight, find_toggle(t); return TUI_HANDLED)
PLAIN_ACTION(print, export_print(t); return TUI_HANDLED)
PLAIN_ACTION(save, export_save(t); return TUI_HANDLED)
PLAIN_ACTION(pipe, export_pipe(t); return TUI_HANDLED)
PLAIN_ACTION(redraw, clearok(curscr, TRUE); return TUI_HANDLED)
PLAIN_ACTION(quit, return TUI_QUIT)
PLAIN_ACTION(cancel, return TUI_HANDLED) /* the count is gone */
PLAIN_ACTION(sources, pane_sources_open(t); return TUI_RELAYOUT)
PLAIN_ACTION(limit, limit_start(t); return TUI_HANDLED)
PLAIN_ACTION(overview, t->cover = PANE_OVERVIEW;
	     t->panes[PANE_OVERVIEW].top = 0; return TUI_RELAYOUT)
PLAIN_ACTION(help, t->cover = PANE_HELP; t->panes[PANE_HELP].top = 0; return TUI_RELAYOUT)

typedef enum tui_result (*action_fn)(struct tui *t, enum tui_action a, long count);

static const action_fn handlers[ACT_COUNT_] = {
#define TUI_ACTION_HANDLER(name, handler, help) [ACT_##name] = act_##handler,
	TUI_ACTIONS(TUI_ACTION_HANDLER)
#undef TUI_ACTION_HANDLER
};

/* While a pane covers the body (the help, a list) every action goes to
 * it. */
static enum tui_result cover_action(struct tui *t, enum tui_action a, long count)
{
	struct pane *h = &t->panes[t->cover];
	if (h->ops->key(h, t, a, count) == TUI_IGNORED)
		pane_scroll(h, a, count);
	return t->cover >= 0 ? TUI_HANDLED : TUI_RELAYOUT;
}

/* What needs the whole document: while it loads, these say so. */
static bool needs_all(enum tui_action a)
{
	switch (a) {
	case ACT_XREF: case ACT_HITS: case ACT_LIMIT: case ACT_SOURCES:
	case ACT_OVERVIEW: case ACT_PRINT: case ACT_SAVE: case ACT_PIPE:
		return true;
	default:
		return false;
	}
}

void action_do(struct tui *t, enum tui_action a, long count)
{
	if (a <= ACT_NONE || a >= ACT_COUNT_)
		return;
	if (t->loading && t->cover < 0 && needs_all(a)) {
		tui_notice(t, true, _("the document is still loading (%u%%): "
				      "this key works once it is all there"),
			   t->load_pct);
		return;
	}
	enum tui_result r = t->cover >= 0 ? cover_action(t, a, count) : handlers[a](t, a, count);
	if (r == TUI_QUIT)
		t->quit = true;
	else if (r == TUI_RELAYOUT)
		tui_relayout(t);
}
