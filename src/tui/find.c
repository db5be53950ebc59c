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
#include <sys/stat.h>

#include "cwgview/fileio.h"
#include "cwgview/i18n.h"
#include "cwgview/text.h"
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
static struct find_pos here(const struct tui *t)
{
	struct find_pos p = {t->topic, 0, 0};
	const struct pane *pn = &t->panes[t->focus];
	if (t->focus == PANE_TOPICS || !pn->lay.n_lines)
		return p;
	for (size_t i = pn->top; i < pn->lay.n_lines; i++) {
		const struct lay_line *ln = &pn->lay.lines[i];
		for (uint32_t k = 0; k < ln->n_spans; k++) {
			const struct lay_span *sp = &pn->lay.spans[ln->first_span + k];
			if (sp->field) {
				p.seq = field_seq(&t->doc->topics[t->topic], sp->field);
				p.off = (size_t)(sp->s - sp->field);
				return p;
			}
		}
	}
	/* Scrolled past the last field: after everything in this pane. */
	p.seq = (size_t)-1;
	return p;
}

/* ---- moving to a hit ---- */

static enum pane_id pane_of(const struct search_hit *h)
{
	return h->pane == DOC_PANE_TOPICS ? PANE_TOPICS :
	       h->pane == DOC_PANE_INPUTS ? PANE_INPUTS : PANE_GUIDANCE;
}

static void show_hit(struct tui *t, size_t i)
{
	const struct search_hit *h = &t->find.res.hits[i];
	t->find.current = (long)i;
	tui_select_topic(t, h->topic);
	enum pane_id target = pane_of(h);
	if (t->focus != target) {
		t->focus = target;
		tui_relayout(t); /* narrow and maximised layouts follow focus */
	}
	struct pane *p = &t->panes[target];
	if (target == PANE_TOPICS || !p->shown)
		return;
	int rows = pane_rows(p);
	for (size_t li = 0; li < p->lay.n_lines; li++) {
		const struct lay_line *ln = &p->lay.lines[li];
		for (uint32_t k = 0; k < ln->n_spans; k++) {
			const struct lay_span *sp = &p->lay.spans[ln->first_span + k];
			size_t off = (size_t)(sp->s - sp->field);
			if (sp->field != h->field || h->start < off ||
			    h->start >= off + sp->len)
				continue;
			/* Visible already: leave the screen still.  Else put
			 * the hit a third of the way down, as less does. */
			if (li < p->top || li >= p->top + (size_t)rows)
				p->top = li > (size_t)rows / 3 ? li - (size_t)rows / 3 : 0;
			pane_clamp(p);
			return;
		}
	}
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

/* The first hit at or after pos (at or before, backwards); wraps around
 * and says so.  Hits are in document order, so the topic's run of hits is
 * found by bisection and only that run is compared field by field. */
static long pick(struct tui *t, struct find_pos from, bool backward,
		 bool strict, bool *wrapped)
{
	const struct search_result *r = &t->find.res;
	*wrapped = false;
	if (!r->n)
		return -1;
	size_t lo = 0, hi = r->n;
	while (lo < hi) { /* first hit of from.topic or later */
		size_t mid = (lo + hi) / 2;
		if (r->hits[mid].topic < from.topic)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!backward) {
		for (size_t i = lo; i < r->n; i++) {
			int c = hit_cmp(t, &r->hits[i], from);
			if (strict ? c > 0 : c >= 0)
				return (long)i;
		}
		*wrapped = true;
		return 0;
	}
	size_t end = lo;
	while (end < r->n && r->hits[end].topic == from.topic)
		end++;
	for (size_t i = end; i-- > 0;) {
		int c = hit_cmp(t, &r->hits[i], from);
		if (strict ? c < 0 : c <= 0)
			return (long)i;
	}
	*wrapped = true;
	return (long)r->n - 1;
}

/* ---- the prompt ---- */

static void run(struct tui *t, const char *query)
{
	struct find *f = &t->find;
	char err[256] = "";
	snprintf(f->query, sizeof f->query, "%s", query);
	if (!search_run(f->ix, query, f->flags, &f->res, err, sizeof err)) {
		f->current = -1;
		snprintf(t->prompt.info, sizeof t->prompt.info, "%s", err);
		t->prompt.info_error = true;
	}
}

static void restore_origin(struct tui *t)
{
	struct find *f = &t->find;
	tui_select_topic(t, f->origin.topic);
	t->focus = f->origin.focus;
	t->maximised = f->origin.maximised;
	tui_relayout(t);
	for (int i = 0; i < N_PANES; i++) {
		t->panes[i].top = f->origin.top[i];
		pane_clamp(&t->panes[i]);
	}
}

static void changed(struct tui *t, const char *text)
{
	struct find *f = &t->find;
	t->prompt.info[0] = '\0';
	t->prompt.info_error = false;
	run(t, text);
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
	long i = pick(t, f->origin.pos, f->backward, false, &wrapped);
	show_hit(t, (size_t)i);
	snprintf(t->prompt.info, sizeof t->prompt.info, "%s%ld/%zu",
		 wrapped ? _("search wrapped  ") : "", i + 1, f->res.n);
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
		run(t, f->prev);
		f->current = f->prev_current;
		restore_origin(t);
		warn_once(t);
		return;
	}
	if (!*text && f->prev[0]) {
		/* An empty pattern repeats the last one, as in less. */
		run(t, f->prev);
		restore_origin(t);
		find_next(t, false);
	}
	warn_once(t);
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

/* The index, once the builder is done (or built here if no thread could
 * start); NULL when memory ran out. */
static struct search_index *find_index(struct tui *t)
{
	struct find *f = &t->find;
	join_builder(f);
	if (!f->ix)
		f->ix = search_index_new(t->doc);
	return f->ix;
}

void find_start(struct tui *t, bool backward)
{
	struct find *f = &t->find;
	if (!find_index(t)) {
		tui_notice(t, true, "%s", strerror(ENOMEM));
		return;
	}
	f->backward = backward;
	f->origin.topic = t->topic;
	f->origin.focus = t->focus;
	f->origin.maximised = t->maximised;
	for (int i = 0; i < N_PANES; i++)
		f->origin.top[i] = t->panes[i].top;
	f->origin.pos = here(t);
	f->prev_current = f->current;
	f->highlight = true;
	struct prompt_spec spec = {backward ? "?" : "/", false, HIST_SEARCH,
				   changed, done};
	prompt_open(t, &spec, NULL);
	/* A fresh search: narrowing starts over from the first keystroke. */
	char err[64];
	search_run(f->ix, "", f->flags, &f->res, err, sizeof err);
	f->current = -1;
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
	bool backward = f->backward != reverse;
	struct find_pos from = f->current >= 0 && (size_t)f->current < f->res.n
				  ? hit_pos(t, &f->res.hits[f->current])
				  : here(t);
	bool wrapped;
	long i = pick(t, from, backward, f->current >= 0, &wrapped);
	f->highlight = true;
	show_hit(t, (size_t)i);
	if (wrapped)
		tui_notice(t, false, _("search wrapped: %ld/%zu"), i + 1, f->res.n);
}

void find_toggle(struct tui *t)
{
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
	if (!f->res.n)
		snprintf(buf, size, "/%s %s", f->query, _("no match"));
	else if (f->current >= 0)
		snprintf(buf, size, "/%s %ld/%zu", f->query, f->current + 1, f->res.n);
	else
		snprintf(buf, size, "/%s %zu", f->query, f->res.n);
	return true;
}

bool find_highlights(const struct tui *t, size_t topic, struct find_hl *hl)
{
	const struct find *f = &t->find;
	if (!f->highlight || !f->query[0] || !f->res.n)
		return false;
	/* Hits are in topic order: the topic's run of them. */
	size_t lo = 0, hi = f->res.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->res.hits[mid].topic < topic)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < f->res.n && f->res.hits[end].topic == topic)
		end++;
	if (end == lo)
		return false;
	hl->hits = f->res.hits + lo;
	hl->n = end - lo;
	hl->current = f->current >= 0 ? &f->res.hits[f->current] : NULL;
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
			history_add(HIST_SEARCH, line);
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
	for (size_t i = 0; i < history_count(HIST_SEARCH); i++) {
		buf_adds(&b, history_item(HIST_SEARCH, i));
		buf_addc(&b, '\n');
	}
	if (!b.oom && !file_write_atomically(path, b.data ? b.data : "", b.len))
		tui_notice(t, true, "%s: %s", path, strerror(errno));
	buf_free(&b);
}

void find_free(struct tui *t)
{
	join_builder(&t->find);
	search_result_free(&t->find.res);
	search_index_free(t->find.ix);
	t->find.ix = NULL;
}
