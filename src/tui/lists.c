/* The lists that x and L open (list.h): their rows built from the
 * document and from the last search.  Calls pane_list.c, the core's
 * doc and render, and find.c for the hits. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/buf.h"
#include "cwgview/i18n.h"
#include "cwgview/mem.h"
#include "cwgview/render.h"
#include "cwgview/text.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/list.h"
#include "tui/tui.h"

enum { HITS_LISTED = 10000 };

static bool cites_any(const struct doc_input *in, const struct doc_input *of)
{
	for (size_t k = 0; k < of->n_documents; k++)
		if (doc_input_cites(in, of->documents[k]))
			return true;
	return false;
}

/* "7 区域代表处 · 俄联邦的文稿 · 更好地反映区域代表处…": the topic, who, and
 * the start of the row's first text (the line cuts the rest). */
static char *xref_text(const struct doc_topic *tp, const struct doc_input *in)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%ld ", tp->number);
	text_sanitize(&b, tp->title, strlen(tp->title));
	const char *who = in->kind;
	for (size_t k = 0; k < in->n_blocks; k++)
		if (in->blocks[k].heading) {
			who = in->blocks[k].heading;
			break;
		}
	buf_adds(&b, " · ");
	text_sanitize(&b, who, strlen(who));
	const struct doc_block *bl = in->n_blocks ? &in->blocks[0] : NULL;
	if (bl && bl->n_items) {
		const char *s = bl->items[0].text;
		size_t n = strlen(s) < 300 ? strlen(s) : 300;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* a whole character */
		buf_adds(&b, " · ");
		text_sanitize(&b, s, n);
	}
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return b.data ? b.data : strdup("");
}

struct rows {
	struct list_row *v;
	size_t n, cap;
	bool oom;
};

static void row_add(struct rows *r, char *text, size_t topic, long input)
{
	struct list_row *p = text ? mem_room(r->v, r->n, &r->cap, sizeof *p, 16) : NULL;
	if (!p) {
		free(text);
		r->oom = true;
		return;
	}
	r->v = p;
	r->v[r->n++] = (struct list_row){text, topic, input, -1};
}

/* The topic's own cross-references ("see" in the data: 另请参见…), in
 * its inputs and its guidance, first in the list. */
static void see_rows(struct tui *t, const struct doc_item *it, size_t n,
		     struct rows *r)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < it[i].n_see; k++) {
			long to = doc_topic_index(t->doc, it[i].see[k]);
			if (to < 0)
				continue; /* not in this view (&, F, --source) */
			const struct doc_topic *tp = &t->doc->topics[to];
			struct buf b = BUF_INIT;
			buf_printf(&b, _("see %ld "), tp->number);
			text_sanitize(&b, tp->title, strlen(tp->title));
			buf_adds(&b, " · ");
			text_sanitize(&b, it[i].text, strlen(it[i].text));
			row_add(r, b.oom ? NULL : b.data, (size_t)to, -1);
			if (b.oom)
				buf_free(&b);
		}
		see_rows(t, it[i].items, it[i].n_items, r);
	}
}

static void topic_see_rows(struct tui *t, struct rows *r)
{
	const struct doc_topic *tp = &t->doc->topics[t->topic];
	for (size_t i = 0; i < tp->n_inputs; i++)
		for (size_t k = 0; k < tp->inputs[i].n_blocks; k++)
			see_rows(t, tp->inputs[i].blocks[k].items,
				 tp->inputs[i].blocks[k].n_items, r);
	see_rows(t, tp->guidance, tp->n_guidance, r);
}

void lists_xref(struct tui *t)
{
	struct rows r = {NULL, 0, 0, false};
	topic_see_rows(t, &r);
	const struct doc_input *cur = t->input >= 0 ? &t->doc->topics[t->topic].inputs[t->input]
						    : NULL;
	if (!r.n && (!cur || !cur->n_documents)) {
		tui_notice(t, true, "%s", cur ? _("this input cites no document")
					     : _("no current input: } selects one"));
		return;
	}
	size_t n_see = r.n, sel = 0;
	for (size_t i = 0; cur && i < t->doc->n_topics; i++) {
		const struct doc_topic *tp = &t->doc->topics[i];
		for (size_t j = 0; j < tp->n_inputs; j++) {
			if (!cites_any(&tp->inputs[j], cur))
				continue;
			if (i == t->topic && (long)j == t->input)
				sel = r.n;
			row_add(&r, xref_text(tp, &tp->inputs[j]), i, (long)j);
		}
	}
	struct list_row *rows = r.v;
	size_t n = r.n;
	char title[256];
	if (cur && cur->n_documents)
		snprintf(title, sizeof title, _("inputs citing %s%s: %zu%s"), cur->documents[0],
			 cur->n_documents > 1 ? _(" and the others") : "", n - n_see,
			 n_see ? _(", after this topic's cross-references") : "");
	else
		snprintf(title, sizeof title, "%s", _("this topic's cross-references"));
	if (r.oom) {
		for (size_t k = 0; k < n; k++)
			free(rows[k].text);
		free(rows);
		tui_notice(t, true, "%s", _("out of memory"));
		return;
	}
	list_open(t, title, rows, n, sel, "");
}

void lists_hits(struct tui *t)
{
	const struct search_result *r = &t->find.res;
	if (!t->find.query[0] || !r->n) {
		tui_notice(t, true, "%s", t->find.query[0] ? _("no hits to list")
							  : _("no previous search"));
		return;
	}
	size_t n = r->n < HITS_LISTED ? r->n : HITS_LISTED;
	struct list_row *rows = calloc(n, sizeof *rows);
	struct buf b = BUF_INIT;
	for (size_t i = 0; rows && i < n; i++) {
		buf_reset(&b);
		render_hits(&b, t->doc, &r->hits[i], 1, "【", "】");
		if (b.len && b.data[b.len - 1] == '\n')
			b.len--;
		rows[i] = (struct list_row){strndup(b.data ? b.data : "", b.len),
					    r->hits[i].topic, -1, (long)i};
		if (!rows[i].text || b.oom) {
			for (size_t k = 0; k <= i; k++)
				free(rows[k].text);
			free(rows);
			rows = NULL;
		}
	}
	buf_free(&b);
	if (!rows) {
		tui_notice(t, true, "%s", _("out of memory"));
		return;
	}
	char title[300];
	if (n < r->total)
		snprintf(title, sizeof title, _("hits of %.200s: the first %zu of %zu"),
			 t->find.query, n, r->total);
	else
		snprintf(title, sizeof title, _("hits of %.200s: %zu"), t->find.query, n);
	size_t sel = t->find.current >= 0 && (size_t)t->find.current < n
			     ? (size_t)t->find.current : 0;
	list_open(t, title, rows, n, sel, "");
}
