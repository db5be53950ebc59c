/* &, as less's & and mutt's limit: only the input rows that match every
 * word of the pattern (in the row itself, or in its topic's title or
 * guidance), and the topics that keep one.  Words are matched as / does
 * (the search core, folded).  The browser then shows a view of the
 * document (doc_view: the same strings), and everything that named a
 * topic by its place in the old one (the selection, tags, jumps, marks,
 * each topic's memory, the search) is carried over by topic number.
 * Calls frame.c, find.c and jump.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/overview.h"
#include "cwgview/search.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/jump.h"
#include "tui/limit.h"
#include "tui/prompt.h"
#include "tui/tui.h"

/* Which rows of the document as opened match: per topic, per row. */
struct match {
	const struct doc *d;
	bool **row;
};

/* Row i of topic t matches every word so far: and-ed with this word's
 * hits (a hit in the title or the guidance counts for every row). */
static void and_word(struct match *m, const struct search_result *r)
{
	const struct doc *d = m->d;
	for (size_t t = 0; t < d->n_topics; t++) {
		bool whole = false, *hit = calloc(d->topics[t].n_inputs + 1, 1);
		for (size_t k = 0; hit && k < r->n; k++) {
			const struct search_hit *h = &r->hits[k];
			if (h->topic != t)
				continue;
			if (h->role == DOC_ROLE_INPUT && h->input >= 0)
				hit[h->input] = true;
			else
				whole = true;
		}
		for (size_t i = 0; i < d->topics[t].n_inputs; i++)
			m->row[t][i] = m->row[t][i] && (whole || (hit && hit[i]));
		free(hit);
	}
}

static bool kept(const struct doc_input *in, const struct doc_block *bl,
		 const void *arg)
{
	(void)bl;
	const struct match *m = arg;
	for (size_t t = 0; t < m->d->n_topics; t++) {
		const struct doc_topic *tp = &m->d->topics[t];
		if (in >= tp->inputs && in < tp->inputs + tp->n_inputs)
			return m->row[t][in - tp->inputs];
	}
	return false;
}

static void match_free(struct match *m)
{
	for (size_t t = 0; m->row && t < m->d->n_topics; t++)
		free(m->row[t]);
	free(m->row);
}

/* The view of t->base (the sources chosen, or all) limited to pattern,
 * or NULL (with a notice). */
static struct doc *limited(struct tui *t, const char *pattern)
{
	const struct doc *d = t->base;
	struct match m = {d, calloc(d->n_topics + 1, sizeof *m.row)};
	for (size_t i = 0; m.row && i < d->n_topics; i++) {
		m.row[i] = malloc(d->topics[i].n_inputs + 1);
		if (!m.row[i])
			break;
		memset(m.row[i], 1, d->topics[i].n_inputs + 1);
	}
	struct search_index *ix = search_index_new(d);
	struct search_result r;
	search_result_init(&r);
	char words[sizeof t->limit], err[256] = "";
	snprintf(words, sizeof words, "%s", pattern);
	bool ok = ix && m.row;
	for (char *w = strtok(words, " "); ok && w; w = strtok(NULL, " ")) {
		ok = search_run(ix, w, 0, &r, err, sizeof err);
		if (ok)
			and_word(&m, &r);
	}
	struct doc *v = ok ? doc_view(d, kept, &m, true) : NULL;
	if (!ok || !v)
		tui_notice(t, true, "%s", err[0] ? err : _("out of memory"));
	search_result_free(&r);
	search_index_free(ix);
	match_free(&m);
	return v;
}

/* The index in `to` of the topic at index i in `from`, by its number;
 * -1 when `to` does not have it. */
static long carry(const struct doc *from, const struct doc *to, size_t i)
{
	return i < from->n_topics ? doc_topic_index(to, from->topics[i].number) : -1;
}

static void carry_place(const struct doc *from, const struct doc *to,
			struct place *pl)
{
	long i = pl->set ? carry(from, to, pl->topic) : -1;
	pl->set = i >= 0;
	pl->topic = i >= 0 ? (size_t)i : 0;
	if (!pl->set)
		return;
	pl->input = -1; /* the rows are the view's */
}

/* Everything that names a topic by its index, from the old document to
 * the new one. */
static void carry_all(struct tui *t, const struct doc *old, const struct doc *nu,
		      bool *tags)
{
	for (size_t i = 0; i < old->n_topics; i++) {
		long k = carry(old, nu, i);
		if (k >= 0 && t->tagged[i])
			tags[k] = true;
	}
	for (size_t i = 0; i < t->jumps.n; i++)
		carry_place(old, nu, &t->jumps.list[i]);
	for (size_t i = 0; i < MARKS_MAX; i++)
		carry_place(old, nu, &t->jumps.marks[i]);
	for (size_t i = 0; i < PLACES_REMEMBERED; i++)
		carry_place(old, nu, &t->memory[i]);
	carry_place(old, nu, &t->find.origin.at);
}

/* Shows nu instead of t->doc (a view of t->full, or t->full itself). */
static void show_doc(struct tui *t, const struct doc *nu)
{
	const struct doc *old = t->doc;
	bool *tags = calloc(nu->n_topics + 1, sizeof *tags);
	if (!tags) {
		tui_notice(t, true, "%s", _("out of memory"));
		return;
	}
	carry_all(t, old, nu, tags);
	long at = carry(old, nu, t->topic);
	free(t->tagged);
	t->tagged = tags;
	t->n_tagged = 0;
	for (size_t i = 0; i < nu->n_topics; i++)
		t->n_tagged += tags[i];
	t->doc = nu;
	t->topic = at >= 0 ? (size_t)at : 0;
	t->input = -1;
	for (int i = 0; i < N_PANES; i++)
		t->panes[i].top = 0;
	find_reset(t);
	tui_relayout(t);
	if (old != t->full && old != t->base)
		doc_free((struct doc *)old);
}

static void done(struct tui *t, const char *text, bool accepted)
{
	if (!accepted)
		return;
	if (!*text) {
		if (t->doc != t->base) {
			t->limit[0] = '\0';
			show_doc(t, t->base);
			tui_notice(t, false, "%s", _("limit lifted: every topic again"));
		}
		return;
	}
	struct doc *v = limited(t, text);
	if (!v)
		return;
	if (!v->n_topics) {
		doc_free(v);
		tui_notice(t, true, _("nothing matches %s: the limit stays as it was"), text);
		return;
	}
	jump_push(t, NULL);
	snprintf(t->limit, sizeof t->limit, "%s", text);
	show_doc(t, v);
	tui_notice(t, false, _("limited to %s: %zu topics"), text, v->n_topics);
}

void limit_start(struct tui *t)
{
	struct prompt_spec spec = {"&", false, HIST_SEARCH, NULL, done};
	prompt_open(t, &spec, NULL);
}

/* F: the blocks of the sources chosen (a kind and a heading, from the
 * overview's columns). */
struct chosen {
	const struct overview *o;
	const bool *on;
};

static bool from_chosen(const struct doc_input *in, const struct doc_block *bl,
			const void *arg)
{
	const struct chosen *c = arg;
	for (size_t k = 0; k < c->o->n_cols; k++) {
		const struct overview_col *col = &c->o->cols[k];
		if (c->on[k] && strcmp(col->kind, in->kind) == 0 &&
		    (col->heading == bl->heading ||
		     (col->heading && bl->heading && strcmp(col->heading, bl->heading) == 0)))
			return true;
	}
	return false;
}

void limit_sources(struct tui *t, const struct overview *o, const bool *on)
{
	size_t n = 0, len = 0;
	t->sources_note[0] = '\0';
	for (size_t k = 0; k < o->n_cols; k++) {
		if (!on[k])
			continue;
		size_t l;
		const char *s = o->cols[k].heading ? overview_label(o, k, &l) : o->cols[k].kind;
		if (!o->cols[k].heading)
			l = strlen(s);
		if (len < sizeof t->sources_note)
			len += (size_t)snprintf(t->sources_note + len, sizeof t->sources_note - len,
						"%s%.*s", n ? ", " : "", (int)l, s);
		n++;
	}
	struct doc *base = NULL;
	if (n && n < o->n_cols) {
		struct chosen c = {o, on};
		base = doc_view(t->full, from_chosen, &c, true);
		if (!base || !base->n_topics) {
			tui_notice(t, true, "%s", base ? _("no input comes from those sources")
						       : _("out of memory"));
			doc_free(base);
			return;
		}
	}
	const struct doc *old_base = t->base, *old = t->doc;
	t->base = base ? base : t->full;
	t->opt.sources = base ? t->sources_note : NULL;
	struct doc *v = t->limit[0] ? limited(t, t->limit) : NULL;
	if (t->limit[0] && (!v || !v->n_topics)) {
		doc_free(v); /* the limit matches nothing there: lifted */
		v = NULL;
		t->limit[0] = '\0';
	}
	show_doc(t, v ? v : t->base);
	if (old_base != t->full && old_base != t->doc && old_base != old)
		doc_free((struct doc *)old_base);
	tui_notice(t, false, base ? _("sources: %s") : _("every source again%s"),
		   base ? t->sources_note : "");
}

void limit_free(struct tui *t)
{
	if (t->doc != t->full && t->doc != t->base)
		doc_free((struct doc *)t->doc);
	if (t->base != t->full)
		doc_free((struct doc *)t->base);
	t->doc = t->base = t->full;
}
