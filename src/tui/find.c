/* Incremental search in the browser: / and ? open the prompt, every
 * keystroke runs the core's matcher again (narrowing on the earlier
 * result) and moves to the first hit at or after (at or before, for ?)
 * where the search began; n and N go on across topics; Esc returns exactly
 * to where the search began.  The same matcher serves cwgview --search. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "cwgview/fileio.h"
#include "cwgview/i18n.h"
#include "cwgview/mem.h"
#include "cwgview/text.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/jump.h"
#include "tui/input.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/tui.h"

/* ---- positions ---- */

struct collect {
	const char *want;
	size_t seq, found;
};

static bool find_seq(const struct doc_field *f, void *arg)
{
	struct collect *c = arg;
	if (f->s == c->want) {
		c->found = c->seq;
		return false;
	}
	c->seq++;
	return true;
}

/* The place of a field among the topic's fields, in display order. */
static size_t field_seq(const struct doc_topic *tp, const char *field)
{
	struct collect c = {field, 0, (size_t)-1};
	doc_topic_fields(tp, find_seq, &c);
	return c.found;
}

static int pos_cmp(struct find_pos a, struct find_pos b)
{
	if (a.topic != b.topic)
		return a.topic < b.topic ? -1 : 1;
	if (a.seq != b.seq)
		return a.seq < b.seq ? -1 : 1;
	if (a.off != b.off)
		return a.off < b.off ? -1 : 1;
	return 0;
}

static struct find_pos hit_pos(const struct tui *t, const struct search_hit *h)
{
	struct find_pos p = {h->topic, field_seq(&t->doc->topics[h->topic], h->field),
			h->start};
	return p;
}

/* Where the user is: the top of the focused pane. */
static struct find_pos pos_at(const struct tui *t, const struct pane *pn,
			      size_t line)
{
	struct find_pos p = {t->topic, 0, 0};
	if (!pn->ops->position || !pn->n_lines)
		return p;
	const char *field;
	if (pn->ops->position(pn, line, &field, &p.off))
		p.seq = field_seq(&t->doc->topics[t->topic], field);
	else
		p.seq = (size_t)-1; /* past the last field: after everything */
	return p;
}

static struct find_pos here(const struct tui *t)
{
	const struct pane *pn = &t->panes[t->focus];
	return pos_at(t, pn, pn->top);
}

/* ---- moving to a hit ---- */

/* The body pane that shows hits of h's role. */
static enum pane_id pane_of(const struct tui *t, const struct search_hit *h)
{
	for (int i = 0; i < N_PANES; i++)
		if (t->panes[i].place == PANE_BODY && t->panes[i].role == (int)h->role)
			return (enum pane_id)i;
	return t->focus;
}

static void show_hit(struct tui *t, size_t i)
{
	const struct search_hit *h = &t->find.res.hits[i];
	t->find.current = (long)i;
	tui_select_topic(t, h->topic);
	enum pane_id target = pane_of(t, h);
	if (t->focus != target) {
		t->focus = target;
		tui_relayout(t); /* narrow and maximised layouts follow focus */
	}
	struct pane *p = &t->panes[target];
	long li = p->ops->locate && p->shown ? p->ops->locate(p, h->field, h->start) : -1;
	if (li >= 0) {
		/* Visible already: leave the screen still.  Else put the hit
		 * a third of the way down, as less does. */
		size_t rows = (size_t)pane_rows(p), line = (size_t)li;
		if (line < p->top || line >= p->top + rows)
			p->top = line > rows / 3 ? line - rows / 3 : 0;
		pane_clamp(p);
	}
}

/* Whether hit `current` is on the screen, in the focused pane: then n and
 * N go on from it; once the user has moved it out of sight, from where
 * they are (as in less and vim). */
static bool at_current(const struct tui *t)
{
	const struct find *f = &t->find;
	if (f->current < 0 || (size_t)f->current >= f->res.n)
		return false;
	const struct search_hit *h = &f->res.hits[f->current];
	const struct pane *p = &t->panes[t->focus];
	if (h->topic != t->topic || pane_of(t, h) != t->focus)
		return false;
	if (!p->ops->position)
		return true; /* the topic list: the topic is the place */
	/* Between the first model byte on the screen and the first below
	 * it: two short walks from the screen, not one over the topic's
	 * whole layout on every redraw of the status line. */
	struct find_pos hp = hit_pos(t, h);
	return pos_cmp(pos_at(t, p, p->top), hp) <= 0 &&
	       pos_cmp(hp, pos_at(t, p, p->top + (size_t)pane_rows(p))) < 0;
}

/* Compares hit h with position p, walking the topic's fields only when
 * they share the topic: n can be hundreds of thousands. */
static int hit_cmp(const struct tui *t, const struct search_hit *h,
		   struct find_pos p)
{
	if (h->topic != p.topic)
		return h->topic < p.topic ? -1 : 1;
	return pos_cmp(hit_pos(t, h), p);
}

/* The first hit at or after pos (the last at or before, backwards);
 * wraps around and says so.  Hits are in document order, so this is a
 * binary search; only hits of pos's own topic are compared field by
 * field. */
static long pick(struct tui *t, struct find_pos from, bool backward,
		 bool *wrapped)
{
	const struct search_result *r = &t->find.res;
	*wrapped = false;
	if (!r->n)
		return -1;
	/* lo: the first hit after pos (backwards), or at or after it. */
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = hit_cmp(t, &r->hits[mid], from);
		if (backward ? c <= 0 : c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!backward) {
		if (lo < r->n)
			return (long)lo;
		*wrapped = true;
		return 0;
	}
	if (lo > 0)
		return (long)lo - 1;
	*wrapped = true;
	return (long)r->n - 1;
}

/* "3/12", or "3/1000000 of 5000000" when not every hit was kept. */
static void hit_count(const struct find *f, long i, char *buf, size_t size)
{
	if (f->res.total > f->res.n)
		snprintf(buf, size, _("%ld/%zu of %zu"), i, f->res.n,
			 f->res.total);
	else
		snprintf(buf, size, "%ld/%zu", i, f->res.n);
}

/* ---- the prompt ---- */

static struct search_index *find_index(struct tui *t, bool abandon);

static bool key_waiting(void *arg)
{
	(void)arg;
	return input_pending();
}

/* Runs query into f->res.  With abandon, a key typed meanwhile abandons
 * it (or the wait for the index), leaving f->stale for find_resume:
 * false then, and the caller shows nothing new. */
static bool run(struct tui *t, const char *query, bool abandon)
{
	struct find *f = &t->find;
	char err[256] = "";
	f->gen++;
	f->stale = false;
	snprintf(f->query, sizeof f->query, "%s", query);
	if (!*query) {
		/* No hits, and nothing to wait for (the index may not be
		 * there yet: Esc must not wait for it). */
		if (f->ix)
			search_run(f->ix, "", f->flags, &f->res, err, sizeof err);
		f->res.n = f->res.total = 0;
		return true;
	}
	struct search_index *ix = find_index(t, abandon);
	if (!ix && (f->building || t->loading)) {
		/* No hits of an earlier query under this one's name. */
		f->res.n = f->res.total = 0;
		f->current = -1;
		f->stale = true;
		return false;
	}
	f->res.cancel = abandon ? key_waiting : NULL;
	bool ok = ix && search_run(ix, query, f->flags, &f->res, err, sizeof err);
	f->res.cancel = NULL;
	if (ok)
		return true;
	f->current = -1;
	if (f->res.cancelled) {
		f->stale = true;
		return false;
	}
	snprintf(t->prompt.info, sizeof t->prompt.info, "%s",
		 ix ? err : strerror(ENOMEM));
	t->prompt.info_error = true;
	return true;
}

static void restore_origin(struct tui *t)
{
	struct find *f = &t->find;
	/* The topics shown on the way are not where the user was. */
	t->maximised = f->origin.maximised;
	tui_go(t, &f->origin.at, false);
	tui_relayout(t);
}

/* Moves to the first hit of the search just run, from where the search
 * began, and says which it is in the prompt. */
static void show_first(struct tui *t, const char *text)
{
	struct find *f = &t->find;
	if (!*text) {
		restore_origin(t);
		return;
	}
	if (!f->res.n) {
		restore_origin(t);
		if (!t->prompt.info[0]) {
			snprintf(t->prompt.info, sizeof t->prompt.info, "%s", _("no match"));
			t->prompt.info_error = true;
		}
		return;
	}
	/* From where the search began, every keystroke. */
	restore_origin(t);
	bool wrapped;
	long i = pick(t, f->origin.pos, f->backward, &wrapped);
	show_hit(t, (size_t)i);
	char count[80];
	hit_count(f, i + 1, count, sizeof count);
	snprintf(t->prompt.info, sizeof t->prompt.info, "%s%s",
		 wrapped ? _("search wrapped  ") : "", count);
}

static bool builder_done(struct find *f);

/* The index is not there yet: the document is still loading, or the
 * builder still at work. */
static bool index_pending(struct tui *t)
{
	return t->loading || !builder_done(&t->find);
}

static void changed(struct tui *t, const char *text)
{
	t->prompt.info[0] = '\0';
	t->prompt.info_error = false;
	if (run(t, text, true)) {
		show_first(t, text);
		return;
	}
	/* Abandoned for the key that is waiting, or waiting for the index:
	 * the next key runs the next search, or find_resume this one. */
	snprintf(t->prompt.info, sizeof t->prompt.info, "%s",
		 t->loading ? _("loading…") : t->find.building ? _("indexing…") : "…");
}

static void done(struct tui *t, const char *text, bool accepted);

bool find_waiting(const struct tui *t)
{
	const struct find *f = &t->find;
	return (f->building || t->loading) &&
	       (f->enter_waits || (f->stale && t->prompt.active &&
				   t->prompt.spec.changed == changed));
}

bool find_resume(struct tui *t)
{
	struct find *f = &t->find;
	if (f->enter_waits) {
		if (index_pending(t))
			return false;
		f->enter_waits = false;
		t->notice[0] = '\0'; /* "searching once the index is built…" */
		done(t, f->waiting, true);
		return true;
	}
	if (!f->stale || !t->prompt.active || t->prompt.spec.changed != changed ||
	    input_pending() || index_pending(t))
		return false;
	/* A copy: run() writes f->query from its argument, and snprintf
	 * from a buffer into itself empties it (the search ran as ""). */
	char query[sizeof f->query];
	snprintf(query, sizeof query, "%s", f->query);
	changed(t, query);
	return true;
}

static void history_save(struct tui *t);

/* Says once, when the first search is done, that traditional Chinese is
 * not folded although cwgview was built to fold it. */
static void warn_once(struct tui *t)
{
	struct find *f = &t->find;
	const char *why = f->ix ? search_index_fold_problem(f->ix) : NULL;
	if (why && !f->warned) {
		f->warned = true;
		tui_notice(t, true, _("traditional Chinese will not match "
				      "simplified: %s"), why);
	}
}

static void done(struct tui *t, const char *text, bool accepted)
{
	struct find *f = &t->find;
	if (!accepted) {
		/* Exactly where it began, with the search before this one. */
		run(t, f->prev, false);
		f->current = f->prev_current;
		restore_origin(t);
		warn_once(t);
		return;
	}
	if (!input_scripted() && index_pending(t)) {
		/* Enter before the index is there: the search runs once it
		 * is (find_resume), and keys work meanwhile. */
		f->enter_waits = true;
		snprintf(f->waiting, sizeof f->waiting, "%s", text);
		tui_notice(t, false, "%s", _("searching once the index is built…"));
		return;
	}
	if (f->stale) {
		/* Enter came while the search for text was running: this
		 * one is seen through. */
		t->prompt.info[0] = '\0';
		run(t, text, false);
		show_first(t, text);
	}
	/* An empty pattern repeats the last one in the direction typed, as
	 * in less and vim; before any search of this session, the newest in
	 * the history (vim's viminfo). */
	size_t nh = history_count(&t->prompt, HIST_SEARCH);
	const char *last = f->prev[0] ? f->prev : nh ? history_item(&t->prompt, HIST_SEARCH, nh - 1) : "";
	if (!*text && *last) {
		run(t, last, false);
		restore_origin(t);
		find_next(t, false);
	}
	warn_once(t);
	if (f->res.n && f->current >= 0) {
		/* The search was a jump from where it began. */
		if (f->origin.at.topic != t->topic)
			tui_remember(t, &f->origin.at);
		jump_push(t, &f->origin.at);
	}
	if (f->query[0]) {
		snprintf(f->prev, sizeof f->prev, "%s", f->query);
		f->highlight = true;
		history_save(t);
	}
}

/* ---- the index, built while the user reads ---- */

static void *build_index(void *doc)
{
	return search_index_new(doc);
}

/* The folded index is built once, at load, as the search needs; but in a
 * second thread, so that the browser opens at once even on a very large
 * document (0.3 s of folding for 50 MB) and the first / finds it ready.
 * The document is read-only from here on, so the thread shares it. */
void find_index_start(struct tui *t)
{
	struct find *f = &t->find;
	/* Signals stay with the main thread: SIGWINCH, SIGINT … must
	 * interrupt its read of the keyboard, not land in the builder. */
	sigset_t all, was;
	sigfillset(&all);
	if (pthread_sigmask(SIG_SETMASK, &all, &was) != 0)
		return;
	f->building = pthread_create(&f->builder, NULL, build_index,
				     (void *)t->doc) == 0;
	pthread_sigmask(SIG_SETMASK, &was, NULL);
}

/* Waits for the builder, if there is one, and takes its index. */
static void join_builder(struct find *f)
{
	if (!f->building)
		return;
	void *ix = NULL;
	pthread_join(f->builder, &ix);
	f->building = false;
	f->ix = ix;
}

/* Takes the builder's index if it is done; false while it is not. */
static bool builder_done(struct find *f)
{
	if (!f->building)
		return true;
	void *ix = NULL;
	if (pthread_tryjoin_np(f->builder, &ix) != 0)
		return false;
	f->building = false;
	f->ix = ix;
	return true;
}

/* The index, once the builder is done (or built here if no thread could
 * start); NULL when memory ran out.  With abandon, nothing waits for the
 * builder: NULL then, f->building still set, and the loop wakes
 * (find_waiting) to run the search once it is done.  A key script waits
 * for it, so that every screen it dumps is the same. */
static struct search_index *find_index(struct tui *t, bool abandon)
{
	struct find *f = &t->find;
	if ((abandon || t->loading) && !input_scripted() && index_pending(t))
		return NULL;
	join_builder(f);
	if (!f->ix)
		f->ix = search_index_new(t->doc);
	return f->ix;
}

void find_start(struct tui *t, bool backward)
{
	struct find *f = &t->find;
	f->backward = backward;
	f->enter_waits = false;
	place_take(t, &f->origin.at);
	f->origin.maximised = t->maximised;
	f->origin.pos = here(t);
	f->prev_current = f->current;
	f->highlight = true;
	struct prompt_spec spec = {backward ? "?" : "/", false, HIST_SEARCH,
				   changed, done};
	prompt_open(t, &spec, NULL);
	/* A fresh search: narrowing starts over from the first keystroke.
	 * (An index still being built has had no search yet.) */
	char err[64];
	if (f->ix)
		search_run(f->ix, "", f->flags, &f->res, err, sizeof err);
	f->gen++;
	f->current = -1;
}

void find_open(struct tui *t, const char *query)
{
	struct find *f = &t->find;
	place_take(t, &f->origin.at);
	f->origin.maximised = t->maximised;
	f->origin.pos = here(t);
	f->backward = false;
	f->current = -1;
	t->prompt.info[0] = '\0';
	run(t, query, false);
	if (t->prompt.info[0]) { /* an error of the pattern */
		tui_notice(t, true, "%s", t->prompt.info);
		t->prompt.info[0] = '\0';
		f->query[0] = '\0';
		return;
	}
	snprintf(f->prev, sizeof f->prev, "%s", f->query);
	f->highlight = true;
	if (!f->res.n) {
		tui_notice(t, true, _("no match for %s"), f->query);
		return;
	}
	bool wrapped;
	show_hit(t, (size_t)pick(t, f->origin.pos, false, &wrapped));
	jump_push(t, &f->origin.at);
}

void find_go(struct tui *t, size_t i)
{
	if (i >= t->find.res.n)
		return;
	t->find.highlight = true;
	show_hit(t, i);
}

void find_next(struct tui *t, bool reverse)
{
	struct find *f = &t->find;
	if (!f->ix || !f->query[0]) {
		tui_notice(t, true, "%s", _("no previous search"));
		return;
	}
	if (!f->res.n) {
		tui_notice(t, true, _("no match for %s"), f->query);
		return;
	}
	bool backward = f->backward != reverse, wrapped = false;
	long i, n = (long)f->res.n;
	if (at_current(t)) {
		/* Hits are in document order: the next is the next one. */
		i = f->current + (backward ? -1 : 1);
		wrapped = i < 0 || i == n;
		i = i < 0 ? n - 1 : i == n ? 0 : i;
	} else {
		i = pick(t, here(t), backward, &wrapped);
	}
	f->highlight = true;
	jump_push(t, NULL);
	show_hit(t, (size_t)i);
	if (wrapped) {
		char count[80];
		hit_count(f, i + 1, count, sizeof count);
		tui_notice(t, false, _("search wrapped: %s"), count);
	}
}

void find_toggle(struct tui *t)
{
	if (!t->find.query[0]) {
		tui_notice(t, true, "%s", _("no previous search"));
		return;
	}
	t->find.highlight = !t->find.highlight;
	tui_notice(t, false, "%s", t->find.highlight ? _("highlighting on")
						      : _("highlighting off"));
}

bool find_status(const struct tui *t, char *buf, size_t size, bool *none)
{
	*none = t->find.query[0] && !t->find.res.n;
	const struct find *f = &t->find;
	if (!f->query[0] || !f->highlight)
		return false;
	char count[80];
	const char *dir = f->backward ? "?" : "/";
	if (!f->res.n) {
		snprintf(buf, size, "%s%s %s", dir, f->query, _("no match"));
	} else if (at_current(t)) {
		hit_count(f, f->current + 1, count, sizeof count);
		snprintf(buf, size, "%s%s %s", dir, f->query, count);
	} else if (f->res.total > f->res.n) {
		snprintf(buf, size, _("%s%s %zu (%zu kept)"), dir, f->query,
			 f->res.total, f->res.n);
	} else {
		snprintf(buf, size, "%s%s %zu", dir, f->query, f->res.n);
	}
	return true;
}

/* The runs of one topic's hits, sorted by field. */
struct find_runs {
	unsigned long gen; /* of f->res */
	size_t topic;
	bool valid;
	struct find_run *v;
	size_t n, cap;
};

static int run_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct find_run *)a)->field;
	uintptr_t y = (uintptr_t)((const struct find_run *)b)->field;
	return x < y ? -1 : x > y;
}

/* The runs of hits[0, n), the hits of topic: built once per search and
 * topic, not per draw.  NULL when out of memory. */
static const struct find_runs *topic_runs(struct find *f, size_t topic,
					  const struct search_hit *hits,
					  size_t n)
{
	struct find_runs *c = f->runs;
	if (!c && !(c = f->runs = calloc(1, sizeof *c)))
		return NULL;
	if (c->valid && c->gen == f->gen && c->topic == topic)
		return c;
	c->valid = false;
	c->n = 0;
	/* A hit that runs on from a marker into its text (cont) is the
	 * last of the marker's run and the first of the text's. */
	const char *carry = NULL;
	for (size_t i = 0; i < n || carry;) {
		const char *field = carry ? carry : hits[i].field;
		size_t first = carry ? i - 1 : i, j = carry ? i : i + 1;
		while (j < n && hits[j].field == field)
			j++;
		struct find_run *p = mem_room(c->v, c->n, &c->cap, sizeof *p, 16);
		if (!p)
			return NULL;
		c->v = p;
		c->v[c->n++] = (struct find_run){field, first, j - first};
		carry = hits[j - 1].field == field ? hits[j - 1].cont : NULL;
		i = j;
	}
	qsort(c->v, c->n, sizeof *c->v, run_cmp);
	c->gen = f->gen;
	c->topic = topic;
	c->valid = true;
	return c;
}

/* The first hit in topic or a later one (r->n when there is none). */
static size_t first_hit_of(const struct search_result *r, size_t topic)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->hits[mid].topic < topic)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool find_highlights(struct tui *t, size_t topic, struct find_hl *hl)
{
	struct find *f = &t->find;
	if (!f->highlight || !f->query[0] || !f->res.n)
		return false;
	/* Hits are in topic order: the topic's run of them. */
	size_t lo = first_hit_of(&f->res, topic), end = first_hit_of(&f->res, topic + 1);
	if (end == lo)
		return false;
	hl->hits = f->res.hits + lo;
	hl->n = end - lo;
	hl->current = f->current >= 0 ? &f->res.hits[f->current] : NULL;
	hl->runs = NULL;
	hl->n_runs = 0;
	/* The text panes' topic, drawn line by line, gets the runs; the
	 * topic list draws titles only, whose hits come first. */
	const struct find_runs *c = topic == t->topic
					    ? topic_runs(f, topic, hl->hits, hl->n)
					    : NULL;
	if (c) {
		hl->runs = c->v;
		hl->n_runs = c->n;
	}
	return true;
}

/* ---- history: $XDG_STATE_HOME/cwgview/history, not in secure mode ---- */

static bool history_path(char *path, size_t size, bool create)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char dir[4096];
	/* A relative path would be looked up from wherever cwgview was
	 * started; the XDG spec says to ignore it, and so for HOME. */
	if (state && *state == '/')
		snprintf(dir, sizeof dir, "%s/cwgview", state);
	else if (home && *home == '/')
		snprintf(dir, sizeof dir, "%s/.local/state/cwgview", home);
	else
		return false;
	if (create) {
		/* mkdir -p, private: the queries say what someone read. */
		for (char *s = dir + 1; *s; s++) {
			if (*s != '/')
				continue;
			*s = '\0';
			mkdir(dir, 0700);
			*s = '/';
		}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return false;
	}
	return snprintf(path, size, "%s/history", dir) < (int)size;
}

void find_history_load(struct tui *t)
{
	char path[4200];
	if (t->opt.secure || !history_path(path, sizeof path, false))
		return;
	FILE *fp = fopen(path, "r");
	if (!fp)
		return;
	char line[PROMPT_MAX * 4 + 2];
	while (fgets(line, sizeof line, fp)) {
		size_t n = strcspn(line, "\n");
		line[n] = '\0';
		/* Only what a prompt could have typed: valid UTF-8 without
		 * control characters. */
		bool clean = text_valid_utf8(line, n, NULL);
		for (size_t i = 0; clean && i < n; i++)
			clean = (unsigned char)line[i] >= 0x20 && line[i] != 0x7f;
		if (clean && n)
			history_add(&t->prompt, HIST_SEARCH, line);
	}
	fclose(fp);
}

static void history_save(struct tui *t)
{
	char path[4200];
	/* Writing a file: behind the secure gate, but quietly. */
	if (t->opt.secure || !history_path(path, sizeof path, true))
		return;
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < history_count(&t->prompt, HIST_SEARCH); i++) {
		buf_adds(&b, history_item(&t->prompt, HIST_SEARCH, i));
		buf_addc(&b, '\n');
	}
	if (!b.oom && !file_save(path, b.data ? b.data : "", b.len,
				 FILE_SAVE_PRIVATE))
		tui_notice(t, true, "%s: %s", path, strerror(errno));
	buf_free(&b);
}

void find_reset(struct tui *t)
{
	struct find *f = &t->find;
	find_free(t);
	search_result_init(&f->res);
	f->current = f->prev_current = -1;
	f->gen++;
	find_index_start(t);
	if (f->query[0]) {
		char query[sizeof f->query];
		snprintf(query, sizeof query, "%s", f->query);
		t->prompt.info[0] = '\0';
		run(t, query, false);
	}
}

void find_free(struct tui *t)
{
	join_builder(&t->find);
	if (t->find.runs)
		free(t->find.runs->v);
	free(t->find.runs);
	t->find.runs = NULL;
	search_result_free(&t->find.res);
	search_index_free(t->find.ix);
	t->find.ix = NULL;
}
