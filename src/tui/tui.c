/* The browser's loop: start-up and end, the pane table made into panes,
 * events (keys, mouse, resize, a key script's commands) and drawing a
 * frame.  The terminal is term.c's, the windows' places frame.c's, the
 * fixed lines bars.c's, what keys do actions.c's; panes draw themselves
 * behind pane_ops. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/msg.h"
#include "cwgview/text.h"
#include "tui/actions.h"
#include "tui/bars.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/input.h"
#include "tui/limit.h"
#include "cwgview/loading.h"
#include "tui/keys.h"
#include "tui/pane.h"
#include "tui/probe.h"
#include "tui/prompt.h"
#include "tui/term.h"
#include "tui/tui.h"

static void draw_all(struct tui *t)
{
	if (t->too_small) {
		/* Nothing but the notice: a broken frame is worse than none. */
		werase(stdscr);
		wnoutrefresh(stdscr);
		bars_draw_status(t);
		doupdate();
		return;
	}
	bars_draw_title(t);
	if (t->tabbar)
		bars_draw_tabs(t);
	for (int i = 0; i < N_PANES; i++) {
		struct pane *p = &t->panes[i];
		if (!p->shown)
			continue;
		werase(p->win);
		char buf[512];
		bool focused = t->cover >= 0 ? i == t->cover : (enum pane_id)i == t->focus;
		draw_frame(p, p->ops->title(p, t, buf, sizeof buf), focused);
		p->ops->draw(p, t);
		wnoutrefresh(p->win);
	}
	bars_draw_status(t);
	doupdate(); /* one burst of output per key */
}

/* ---- dispatch ---- */

static struct pane *pane_at(struct tui *t, int y, int x)
{
	for (int i = 0; i < N_PANES; i++) {
		struct pane *p = &t->panes[i];
		if (p->shown && y >= p->y && y < p->y + p->h && x >= p->x &&
		    x < p->x + p->w)
			return p;
	}
	return NULL;
}

static void do_mouse(struct tui *t, const MEVENT *m)
{
	if (t->tabbar && m->y == 1 && (m->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))) {
		/* The tab bar: which label was hit, by its drawn extent. */
		int x = 0;
		for (int i = 0; i < N_PANES; i++) {
			if (t->panes[i].place != PANE_BODY)
				continue;
			char buf[256];
			const char *label = pane_label(&t->panes[i], t, buf, sizeof buf);
			int w = text_width(label, strlen(label)) + 3;
			if (m->x >= x && m->x < x + w) {
				t->focus = (enum pane_id)i;
				tui_relayout(t);
				return;
			}
			x += w;
		}
		return;
	}
	struct pane *p = pane_at(t, m->y, m->x);
	if (!p)
		return;
	if (m->bstate & BUTTON4_PRESSED) {
		pane_scroll(p, ACT_LINE_UP, 3);
		return;
	}
	if (m->bstate & BUTTON5_PRESSED) {
		pane_scroll(p, ACT_LINE_DOWN, 3);
		return;
	}
	if (!(m->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return;
	if (p->place == PANE_BODY)
		t->focus = p->id;
	int row = m->y - p->y - 1;
	if (row >= 0 && row < pane_rows(p) && p->ops->click)
		p->ops->click(p, t, row);
}

static void handle_key(struct tui *t, struct tui_key k)
{
	if (t->prompt.active) {
		prompt_key(t, k);
		return;
	}
	if (t->jumps.pending != ACT_NONE) {
		t->count = -1;
		jump_letter(t, k);
		return;
	}
	int digit = keys_digit(k);
	if (digit >= 0 && t->cover != PANE_HELP) {
		t->count = t->count >= 0 && t->count < 100000 ? t->count * 10 + digit : digit;
		return;
	}
	long count = t->count;
	t->count = -1;
	enum tui_action a = keys_action(k);
	if (a == ACT_NONE && t->cover < 0 && !(k.fn && (k.code == KEY_PASTE_START ||
						    k.code == KEY_PASTE_END))) {
		/* Every key answers, as mutt's "Key is not bound". */
		char name[16];
		tui_notice(t, true, _("%s: key is not bound; h for help"),
			   keys_name(k, name, sizeof name));
		return;
	}
	action_do(t, a, count);
}

static bool save_display(struct tui *t, const struct tui_event *ev)
{
	/* A key script is a way in too: under --secure it writes no file,
	 * only to standard output, as --print does. */
	if (t->opt.secure && strcmp(ev->arg, "-") != 0) {
		snprintf(t->notice, sizeof t->notice,
			 _("%.120s: a key script writes no file in secure mode"), ev->arg);
		return false;
	}
	if (input_save_display(ev->arg, ev->type == EV_SAVE_ATTRS, t->color))
		return true;
	snprintf(t->notice, sizeof t->notice, "%.120s: %s", ev->arg, strerror(errno));
	return false;
}

/* Acts on one event: false when nothing changed on the screen; *status
 * set (from -1) when the browser must end with it. */
static bool handle_event(struct tui *t, const struct tui_event *ev, int *status)
{
	switch (ev->type) {
	case EV_NONE:
		return false;
	case EV_END:
		t->quit = true;
		return true;
	case EV_HANGUP:
		/* The terminal is gone: end as a dropped line does. */
		tui_hang_up();
		*status = 0;
		return false;
	case EV_ERROR:
		tui_close_terminal();
		msg_error("%s", ev->arg);
		*status = EXIT_TROUBLE;
		return false;
	case EV_SAVE_DISPLAY:
	case EV_SAVE_ATTRS:
		if (!save_display(t, ev)) {
			tui_close_terminal();
			msg_error("%s", t->notice);
			*status = EXIT_TROUBLE;
		}
		return false; /* the screen did not change */
	case EV_RESIZE:
		if (ev->cols > 0)
			resizeterm(ev->rows, ev->cols);
		tui_relayout(t);
		return true;
	case EV_MOUSE:
		if (t->opt.no_mouse || t->prompt.active || t->too_small)
			return false; /* --no-mouse: a script's clicks too */
		t->notice[0] = '\0';
		do_mouse(t, &ev->mouse);
		return true;
	case EV_KEY:
		if (!t->prompt.active) {
			t->notice[0] = '\0';
			t->notice_error = false;
		}
		t->locale_note[0] = '\0';
		if (t->too_small) {
			if (!ev->key.fn && (ev->key.code == L'q' || ev->key.code == 3))
				t->quit = true;
			return true;
		}
		handle_key(t, ev->key);
		return true;
	}
	return false;
}

/* Bytes from the terminal were dropped (see input.c): said where the
 * user looks, the prompt's corner while one is open, else the status
 * line; the next key clears either. */
static void note_ignored(struct tui *t, const struct tui_event *ev)
{
	if (t->prompt.active) {
		/* Brief: the corner shows only what fits half the line. */
		char msg[sizeof t->prompt.info];
		input_ignored_text(ev, true, msg, sizeof msg);
		prompt_note(t, msg);
	} else {
		char msg[sizeof t->notice];
		input_ignored_text(ev, false, msg, sizeof msg);
		tui_notice(t, false, "%s", msg);
	}
}

/* Where the browser opens: +N or --topic N, reading its inputs, then
 * +/PATTERN's first hit from there. */
static void open_at(struct tui *t)
{
	if (t->opt.start_topic >= 0 && (size_t)t->opt.start_topic < t->doc->n_topics) {
		tui_select_topic(t, (size_t)t->opt.start_topic);
		t->focus = PANE_INPUTS;
		tui_relayout(t);
	}
	if (t->opt.start_search)
		find_open(t, t->opt.start_search);
}

/* The topics the loader has handed over since the last turn (loading.h),
 * and the index once the whole document is there; true when the screen
 * changes.  A load that fails sets t->load_failed. */
static bool load_sync(struct tui *t)
{
	if (!t->loading)
		return false;
	size_t was = t->full->n_topics; /* those have their tags */
	bool grew;
	enum loading_state st = loading_take(t->load, &grew);
	unsigned pct = loading_percent(t->load);
	bool changed = grew || pct != t->load_pct || st != LOADING_MORE;
	t->load_pct = pct;
	if (st == LOADING_FAILED) {
		t->load_failed = true;
		return false;
	}
	t->loading = st == LOADING_MORE;
	/* The windows again when the topics pane widens for a longer title
	 * or the load is done (the title may have come last); else only
	 * the topics pane's length. */
	bool relayout = !t->loading;
	if (grew) {
		size_t n = t->full->n_topics;
		bool *tg = realloc(t->tagged, n * sizeof *tg);
		if (!tg) {
			t->load_failed = true;
			return false;
		}
		memset(tg + was, 0, (n - was) * sizeof *tg);
		t->tagged = tg;
		int want = t->measure.want;
		tui_topics_measure(t);
		relayout = relayout || t->measure.want != want;
	}
	if (relayout)
		tui_relayout(t);
	else if (grew)
		t->panes[PANE_TOPICS].ops->reflow(&t->panes[PANE_TOPICS], t);
	return changed;
}

static int loop(struct tui *t)
{
	tui_relayout(t);
	/* The search history is not needed before a key, so it is read
	 * once the first frame is out; +/PATTERN goes into it after what
	 * the file holds. */
	if (t->opt.start_search)
		find_history_load(t);
	open_at(t);
	draw_all(t);
	if (!t->opt.start_search)
		find_history_load(t);
	while (!t->quit && !tui_signal()) {
		if (load_sync(t))
			draw_all(t);
		if (t->load_failed)
			return EXIT_TROUBLE;
		/* The index once the first frame is out and the document is
		 * all there: building it loads OpenCC's module (module.h),
		 * which the first frame does not need.  open_at has built it
		 * already for +/PATTERN. */
		if (!t->find.ix && !t->find.building && !t->loading)
			find_index_start(t);
		/* A search a key abandoned, once no key is waiting. */
		if (find_resume(t))
			draw_all(t);
		t->wake_ms = t->loading ? 40 : find_waiting(t) ? 20 : -1;
		struct tui_event ev;
		input_next(t, &ev);
		if (tui_signal())
			break;
		int status = -1;
		bool changed = handle_event(t, &ev, &status);
		if (status >= 0)
			return status;
		if (ev.n_ignored) {
			/* After the key they came before, which clears
			 * notices. */
			note_ignored(t, &ev);
			changed = true;
		}
		/* A signal while p or | ran: the command is stopped, and the
		 * browser ends without drawing again. */
		if (tui_signal())
			break;
		if (changed)
			draw_all(t);
	}
	return 0;
}

/* The pane table (tui.h) made into t->panes. */
static bool panes_init(struct tui *t)
{
	static const struct {
		const struct pane_ops *ops;
		enum pane_place place;
		int role;
	} table[N_PANES] = {
#define TUI_PANE_ROW(name, ops, place, role) [PANE_##name] = {&ops, PANE_##place, role},
		TUI_PANES(TUI_PANE_ROW)
#undef TUI_PANE_ROW
	};
	for (int i = 0; i < N_PANES; i++) {
		struct pane *p = &t->panes[i];
		*p = (struct pane){.id = (enum pane_id)i, .ops = table[i].ops,
				   .place = table[i].place, .role = table[i].role};
		if (p->ops->priv_size && !(p->priv = calloc(1, p->ops->priv_size)))
			return false;
		if (p->ops->init)
			p->ops->init(p);
	}
	return true;
}

/* The panes, and the tags that go with the document shown. */
static void panes_free(struct tui *t)
{
	free(t->tagged);
	t->tagged = NULL;
	for (int i = 0; i < N_PANES; i++) {
		struct pane *p = &t->panes[i];
		if (p->priv && p->ops->free)
			p->ops->free(p);
		free(p->priv);
		p->priv = NULL;
	}
}

/* What the terminal is asked, when something is left to ask: how wide it
 * draws the ambiguous characters, and what its background is (else
 * COLORFGBG says); the palette that follows. */
static enum draw_palette start_look(const struct tui_options *opt)
{
	int width = 0, light = -1;
	if (!opt->ambiguous || opt->theme == THEME_AUTO)
		tui_probe(&width, &light);
	if (!opt->ambiguous)
		text_set_ambiguous_width(width ? width : 1);
	if (opt->theme == THEME_DARK)
		return PALETTE_DARK;
	if (opt->theme == THEME_LIGHT)
		return PALETTE_LIGHT;
	if (light < 0)
		light = probe_colorfgbg(getenv("COLORFGBG"));
	return light < 0 ? PALETTE_BOTH : light ? PALETTE_LIGHT : PALETTE_DARK;
}

static int run_doc(const struct doc *d, struct loading *lg,
		   const struct tui_options *opt, const char *path)
{
	struct tui t;
	memset(&t, 0, sizeof t);
	t.doc = t.full = t.base = d;
	t.load = lg;
	t.loading = lg != NULL;
	t.opt = *opt;
	t.count = -1;
	t.focus = PANE_TOPICS;
	t.input = -1;
	t.cover = -1;
	t.tagged = calloc(d->n_topics ? d->n_topics : 1, sizeof *t.tagged);
	t.find.current = t.find.prev_current = -1;
	search_result_init(&t.find.res);
	char err[300];
	if (!t.tagged || !panes_init(&t)) {
		panes_free(&t);
		msg_error(_("out of memory"));
		return EXIT_TROUBLE;
	}
	if (opt->script && !input_open_script(opt->script, err, sizeof err)) {
		panes_free(&t);
		msg_error("%s", err);
		return EXIT_TROUBLE;
	}
	if (!tui_ensure_utf8(&t, err, sizeof err) ||
	    !tui_open_terminal(input_scripted(), err, sizeof err)) {
		tui_close_terminal();
		input_close();
		panes_free(&t);
		msg_error("%s", err);
		return EXIT_TROUBLE;
	}
	enum draw_palette palette = start_look(opt);
	if (opt->note && !t.locale_note[0])
		snprintf(t.locale_note, sizeof t.locale_note, "%s", opt->note);
	tui_catch_signals(true);
	t.color = tui_start_modes(opt->no_color || opt->theme == THEME_NONE);
	draw_init_styles(t.color, palette);
	tui_start_input(!opt->no_mouse);
	int status = loop(&t);
	tui_bracketed_paste(false);
	tui_free_windows(&t);
	tui_close_terminal();
	tui_catch_signals(false);
	input_close();
	panes_free(&t);
	history_clear(&t.prompt);
	find_free(&t);
	limit_free(&t); /* after the index built from the view */
	if (t.load_failed) {
		/* The terminal is restored: the loader's one line, and
		 * nothing of the file was presented as complete. */
		msg_load_error(path, loading_error(lg));
		status = EXIT_TROUBLE;
	}
	if (tui_signal()) {
		/* The terminal is restored; now die of the signal as the
		 * caller expects (a shell reports ^C, a dropped ssh HUP). */
		int sig = tui_signal();
		raise(sig);
		return 128 + sig;
	}
	return status;
}

bool tui_config_key(const char *action, const char *key, char *why, size_t size)
{
	return keys_bind(action, key, why, size);
}

bool tui_config_color(const char *style, const char *spec, char *why, size_t size)
{
	return draw_set_color(style, spec, why, size);
}

int tui_run(const struct doc *d, const struct tui_options *opt)
{
	return run_doc(d, NULL, opt, NULL);
}

int tui_run_file(const char *path, const struct tui_options *opt)
{
	struct loading *lg = loading_start(path);
	if (!lg) { /* no thread: the whole file first */
		struct load_error err;
		struct doc *d = load_file(path, NULL, &err);
		if (!d) {
			msg_load_error(path, &err);
			return EXIT_TROUBLE;
		}
		int status = tui_run(d, opt);
		doc_free(d);
		return status;
	}
	loading_wait_first(lg);
	bool grew;
	int status;
	if (loading_take(lg, &grew) == LOADING_FAILED) {
		msg_load_error(path, loading_error(lg));
		status = EXIT_TROUBLE;
	} else {
		status = run_doc(loading_live(lg), lg, opt, path);
	}
	loading_free(lg);
	return status;
}
