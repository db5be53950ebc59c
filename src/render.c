#include "cwgview/render.h"
#include "cwgview/overview.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "cwgview/i18n.h"
#include "cwgview/layout.h"
#include "cwgview/text.h"

static const char *const format_names[] = {
	[RENDER_TEXT] = "text",
	[RENDER_MARKDOWN] = "markdown",
	[RENDER_JSON] = "json",
	[RENDER_PDF] = "pdf",
};

bool render_format_parse(const char *name, enum render_format *f)
{
	for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*f = (enum render_format)i;
			return true;
		}
	}
	if (strcmp(name, "md") == 0) {
		*f = RENDER_MARKDOWN;
		return true;
	}
	return false;
}

const char *render_format_name(enum render_format f)
{
	return format_names[f];
}

/* ---- text ---- */

static bool text_topic(struct buf *b, const struct doc *d,
		       const struct doc_topic *t, int width)
{
	struct layout L;
	layout_init(&L);
	bool ok = layout_topic(&L, d, t, LAY_PART_ALL, width);
	for (size_t i = 0; ok && i < L.n_lines; i++) {
		layout_line_text(&L, i, b);
		buf_addc(b, '\n');
	}
	layout_free(&L);
	return ok;
}

/* ---- markdown ---- */

static void md_text(struct buf *b, const char *s)
{
	struct buf tmp = BUF_INIT;
	text_sanitize(&tmp, s, strlen(s));
	for (size_t i = 0; i < tmp.len; i++) {
		char c = tmp.data[i];
		if (strchr("\\`*_[]<>|#", c))
			buf_addc(b, '\\');
		buf_addc(b, c);
	}
	if (tmp.oom)
		b->oom = true;
	buf_free(&tmp);
}

static void md_items(struct buf *b, const struct doc_item *it, size_t n,
		     int depth)
{
	for (size_t i = 0; i < n; i++) {
		buf_addn(b, ' ', (size_t)depth * 2);
		buf_adds(b, "- ");
		/* – and • are what the list bullet already shows. */
		if (it[i].marker && strcmp(it[i].marker, "–") != 0 &&
		    strcmp(it[i].marker, "•") != 0) {
			md_text(b, it[i].marker);
			buf_addc(b, ' ');
		}
		md_text(b, it[i].text);
		buf_addc(b, '\n');
		md_items(b, it[i].items, it[i].n_items, depth + 1);
	}
}

/* A row's contributor (its one heading) before its document numbers, as
 * the screen and the text show them: **俄联邦的文稿** · `CWG-SFP-1/8`. */
static void md_row_header(struct buf *b, const struct doc_input *r)
{
	bool in_header = doc_input_heading_in_header(r);
	if (!in_header && !r->n_documents)
		return;
	buf_adds(b, "\n");
	if (in_header) {
		buf_adds(b, "**");
		md_text(b, r->blocks[0].heading);
		buf_adds(b, r->n_documents ? "** · " : "**");
	}
	for (size_t k = 0; k < r->n_documents; k++) {
		buf_adds(b, k ? ", `" : "`");
		md_text(b, r->documents[k]);
		buf_adds(b, "`");
	}
	buf_adds(b, "\n");
}

static void md_topic(struct buf *b, const struct doc *d,
		     const struct doc_topic *t)
{
	buf_printf(b, "## %ld ", t->number);
	md_text(b, t->title);
	buf_adds(b, "\n");
	for (size_t i = 0; i < t->n_inputs; i++) {
		const struct doc_input *in = &t->inputs[i];
		if (doc_kind_group(t, i) != i)
			continue;
		buf_adds(b, "\n### ");
		md_text(b, in->kind);
		buf_adds(b, "\n");
		for (size_t j = i; j < t->n_inputs; j++) {
			const struct doc_input *r = &t->inputs[j];
			if (doc_kind_group(t, j) != i)
				continue;
			md_row_header(b, r);
			bool in_header = doc_input_heading_in_header(r);
			for (size_t k = 0; k < r->n_blocks; k++) {
				const struct doc_block *bl = &r->blocks[k];
				buf_adds(b, "\n");
				if (bl->heading && !in_header) {
					buf_adds(b, "**");
					md_text(b, bl->heading);
					buf_adds(b, "**\n\n");
				}
				md_items(b, bl->items, bl->n_items, 0);
			}
		}
	}
	if (!t->n_guidance)
		return;
	buf_adds(b, "\n### ");
	md_text(b, d->columns[DOC_COL_GUIDANCE]);
	buf_adds(b, "\n\n");
	md_items(b, t->guidance, t->n_guidance, 0);
}

/* ---- json ---- */

/* Code points that go out as \uXXXX: what could act on a terminal or an
 * editor showing the JSON (C0 and C1 controls; the bidi embeddings,
 * overrides and isolates U+202A-U+202E and U+2066-U+2069 and the bidi
 * marks, which reorder what is shown around them; the line and paragraph
 * separators U+2028 and U+2029, line breaks to YAML and to JavaScript;
 * the byte-order mark), and the two that libyaml refuses to read raw,
 * U+FFFE and U+FFFF, so that what is written loads again. */
static bool json_escaped(uint32_t uc)
{
	return uc < 0x20 || (uc >= 0x7F && uc < 0xA0) || uc == 0x061C ||
	       uc == 0x200E || uc == 0x200F || (uc >= 0x2028 && uc <= 0x202E) ||
	       (uc >= 0x2066 && uc <= 0x2069) || uc == 0xFEFF || uc == 0xFFFE ||
	       uc == 0xFFFF;
}

static void json_string(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	buf_addc(b, '"');
	size_t i = 0;
	while (i < n) {
		uint32_t uc;
		int k = text_next(s + i, n - i, &uc);
		if (uc == '"' || uc == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)uc);
		} else if (uc == '\n') {
			buf_adds(b, "\\n");
		} else if (uc == '\t') {
			buf_adds(b, "\\t");
		} else if (json_escaped(uc)) {
			buf_printf(b, "\\u%04x", (unsigned)uc);
		} else {
			buf_add(b, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
	buf_addc(b, '"');
}

static void ind(struct buf *b, int depth)
{
	buf_addn(b, ' ', (size_t)depth * 2);
}

static void json_key(struct buf *b, int depth, const char *key)
{
	ind(b, depth);
	json_string(b, key);
	buf_adds(b, ": ");
}

/* What a JSON export holds: the topics that "see" may name. */
struct json_scope {
	const struct doc *d;
	const bool *sel;
};

static bool json_has(const struct json_scope *sc, long number)
{
	long i = doc_topic_index(sc->d, number);
	return i >= 0 && sc->sel[i];
}

/* "see": the topics the export holds (a file of topic 6 alone does not
 * name topic 7, which the loader would refuse); none: no key. */
static void json_see(struct buf *b, const struct doc_item *it, int depth,
		     const struct json_scope *sc)
{
	size_t n = 0;
	for (size_t k = 0; k < it->n_see; k++)
		n += json_has(sc, it->see[k]);
	if (!n)
		return;
	buf_adds(b, ",\n");
	json_key(b, depth, "see");
	buf_addc(b, '[');
	n = 0;
	for (size_t k = 0; k < it->n_see; k++)
		if (json_has(sc, it->see[k]))
			buf_printf(b, n++ ? ", %ld" : "%ld", it->see[k]);
	buf_addc(b, ']');
}

static void json_items(struct buf *b, const struct doc_item *it, size_t n,
		       int depth, const struct json_scope *sc)
{
	if (n == 0) {
		buf_adds(b, "[]");
		return;
	}
	buf_adds(b, "[\n");
	for (size_t i = 0; i < n; i++) {
		ind(b, depth + 1);
		buf_adds(b, "{\n");
		if (it[i].marker) {
			json_key(b, depth + 2, "marker");
			json_string(b, it[i].marker);
			buf_adds(b, ",\n");
		}
		json_key(b, depth + 2, "text");
		json_string(b, it[i].text);
		if (it[i].n_items) {
			buf_adds(b, ",\n");
			json_key(b, depth + 2, "items");
			json_items(b, it[i].items, it[i].n_items, depth + 2, sc);
		}
		json_see(b, &it[i], depth + 2, sc);
		buf_adds(b, "\n");
		ind(b, depth + 1);
		buf_adds(b, i + 1 < n ? "},\n" : "}\n");
	}
	ind(b, depth);
	buf_adds(b, "]");
}

static void json_topic(struct buf *b, const struct doc_topic *t, int depth,
		       const struct json_scope *sc)
{
	ind(b, depth);
	buf_adds(b, "{\n");
	json_key(b, depth + 1, "number");
	buf_printf(b, "%ld,\n", t->number);
	json_key(b, depth + 1, "title");
	json_string(b, t->title);
	buf_adds(b, ",\n");
	json_key(b, depth + 1, "inputs");
	buf_adds(b, t->n_inputs ? "[\n" : "[]");
	for (size_t i = 0; i < t->n_inputs; i++) {
		const struct doc_input *in = &t->inputs[i];
		int d2 = depth + 2;
		ind(b, d2);
		buf_adds(b, "{\n");
		json_key(b, d2 + 1, "kind");
		json_string(b, in->kind);
		buf_adds(b, ",\n");
		json_key(b, d2 + 1, "documents");
		buf_adds(b, "[");
		for (size_t k = 0; k < in->n_documents; k++) {
			if (k)
				buf_adds(b, ", ");
			json_string(b, in->documents[k]);
		}
		buf_adds(b, "],\n");
		json_key(b, d2 + 1, "blocks");
		buf_adds(b, "[\n");
		for (size_t k = 0; k < in->n_blocks; k++) {
			const struct doc_block *bl = &in->blocks[k];
			ind(b, d2 + 2);
			buf_adds(b, "{\n");
			if (bl->heading) {
				json_key(b, d2 + 3, "heading");
				json_string(b, bl->heading);
				buf_adds(b, ",\n");
			}
			json_key(b, d2 + 3, "items");
			json_items(b, bl->items, bl->n_items, d2 + 3, sc);
			buf_adds(b, "\n");
			ind(b, d2 + 2);
			buf_adds(b, k + 1 < in->n_blocks ? "},\n" : "}\n");
		}
		ind(b, d2 + 1);
		buf_adds(b, "]\n");
		ind(b, d2);
		buf_adds(b, i + 1 < t->n_inputs ? "},\n" : "}\n");
	}
	if (t->n_inputs)
		ind(b, depth + 1), buf_adds(b, "]");
	buf_adds(b, ",\n");
	json_key(b, depth + 1, "guidance");
	json_items(b, t->guidance, t->n_guidance, depth + 1, sc);
	buf_adds(b, "\n");
	ind(b, depth);
	buf_adds(b, "}");
}

static void json_doc(struct buf *b, const struct doc *d, const bool *sel)
{
	const struct json_scope sc = {d, sel};
	static const char *const column_keys[DOC_N_COLUMNS] = {
		"source", "input", "documents", "guidance"};
	buf_adds(b, "{\n");
	json_key(b, 1, "format");
	json_string(b, "cwgview/1");
	buf_adds(b, ",\n");
	json_key(b, 1, "title");
	json_string(b, d->title);
	buf_adds(b, ",\n");
	if (d->title_note) {
		json_key(b, 1, "title_note");
		json_string(b, d->title_note);
		buf_adds(b, ",\n");
	}
	if (d->language) {
		json_key(b, 1, "language");
		json_string(b, d->language);
		buf_adds(b, ",\n");
	}
	json_key(b, 1, "columns");
	buf_adds(b, "{\n");
	for (int c = 0; c < DOC_N_COLUMNS; c++) {
		json_key(b, 2, column_keys[c]);
		json_string(b, d->columns[c]);
		buf_adds(b, c + 1 < DOC_N_COLUMNS ? ",\n" : "\n");
	}
	buf_adds(b, "  },\n");
	json_key(b, 1, "topics");
	buf_adds(b, "[\n");
	bool first = true;
	for (size_t i = 0; i < d->n_topics; i++) {
		if (!sel[i])
			continue;
		if (!first)
			buf_adds(b, ",\n");
		first = false;
		json_topic(b, &d->topics[i], 2, &sc);
	}
	buf_adds(b, "\n  ]\n}\n");
}

bool render_topics(struct buf *b, const struct doc *d, const bool *selected,
		   enum render_format f, int width)
{
	if (f == RENDER_JSON) {
		json_doc(b, d, selected);
		return !b->oom;
	}
	if (f != RENDER_TEXT && f != RENDER_MARKDOWN)
		return false;
	bool first = true;
	if (f == RENDER_MARKDOWN) {
		/* A document of its own: its title first. */
		buf_adds(b, "# ");
		md_text(b, d->title);
		buf_adds(b, "\n\n");
	}
	for (size_t i = 0; i < d->n_topics; i++) {
		if (!selected[i])
			continue;
		if (!first)
			buf_adds(b, "\n\n");
		first = false;
		if (f == RENDER_TEXT) {
			if (!text_topic(b, d, &d->topics[i], width))
				return false;
		} else {
			md_topic(b, d, &d->topics[i]);
		}
	}
	return !b->oom;
}

bool render_list(struct buf *b, const struct doc *d)
{
	int numw = 1, titlew = 0;
	for (size_t i = 0; i < d->n_topics; i++) {
		int w = snprintf(NULL, 0, "%ld", d->topics[i].number);
		if (w > numw)
			numw = w;
		const char *t = d->topics[i].title;
		w = text_width(t, strlen(t));
		if (w > titlew)
			titlew = w;
	}
	for (size_t i = 0; i < d->n_topics; i++) {
		const struct doc_topic *t = &d->topics[i];
		buf_printf(b, "%*ld  ", numw, t->number);
		text_sanitize(b, t->title, strlen(t->title));
		buf_addn(b, ' ', (size_t)(titlew - text_width(t->title,
							       strlen(t->title))));
		buf_adds(b, "  ");
		buf_printf(b, P_("%zu input", "%zu inputs", t->n_inputs),
			   t->n_inputs);
		buf_addc(b, '\n');
	}
	return !b->oom;
}

bool render_summary(struct buf *b, const struct doc *d)
{
	size_t ni = doc_count_inputs(d), nd = doc_count_document_refs(d);
	buf_printf(b, P_("%zu topic", "%zu topics", d->n_topics), d->n_topics);
	buf_adds(b, ", ");
	buf_printf(b, P_("%zu input", "%zu inputs", ni), ni);
	buf_adds(b, ", ");
	buf_printf(b, P_("%zu document reference", "%zu document references",
			 nd), nd);
	return !b->oom;
}

/* ---- search hits ---- */

/* Display columns of context on each side of a hit, and the most bytes
 * looked at for them (zero-width characters take bytes but no columns):
 * a hit line costs the same in a field of 100 MB as in one of 100 bytes. */
enum { HIT_CONTEXT_COLS = 24, HIT_CONTEXT_BYTES = 512 };

static bool items_contain(const struct doc_item *it, size_t n, const char *f)
{
	for (size_t i = 0; i < n; i++)
		if (it[i].marker == f || it[i].text == f ||
		    items_contain(it[i].items, it[i].n_items, f))
			return true;
	return false;
}

/* The item whose marker or text is f (the innermost), or NULL. */
static const struct doc_item *items_find(const struct doc_item *it, size_t n,
					 const char *f)
{
	for (size_t i = 0; i < n; i++) {
		if (it[i].marker == f || it[i].text == f)
			return &it[i];
		const struct doc_item *c = items_find(it[i].items, it[i].n_items, f);
		if (c)
			return c;
	}
	return NULL;
}

/* The label that cites the item holding field f: its marker without a
 * trailing dash (1.3.2, c.1, a)), none for a bullet (– •); its length in
 * *len, NULL when there is none. */
static const char *field_label(const struct doc_input *in, const char *f,
			       size_t *len)
{
	const struct doc_item *it = NULL;
	for (size_t k = 0; k < in->n_blocks && !it; k++)
		it = items_find(in->blocks[k].items, in->blocks[k].n_items, f);
	const char *m = it ? it->marker : NULL;
	if (!m)
		return NULL;
	size_t n = strlen(m);
	static const char *const dashes[] = {" –", " -", " —"};
	for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++) {
		size_t k = strlen(dashes[i]);
		if (n > k && strcmp(m + n - k, dashes[i]) == 0)
			n -= k;
	}
	if (strncmp(m, "–", n) == 0 || strncmp(m, "•", n) == 0 ||
	    strncmp(m, "-", n) == 0 || strncmp(m, "—", n) == 0)
		return NULL; /* a bullet names nothing */
	*len = n;
	return m;
}

/* The contributor or report the field of an input row comes from: the
 * heading of the block holding it (pointer identity, as in the layout). */
static const char *field_heading(const struct doc_input *in, const char *f)
{
	if (doc_input_heading_in_header(in))
		return in->blocks[0].heading;
	for (size_t k = 0; k < in->n_blocks; k++) {
		const struct doc_block *bl = &in->blocks[k];
		if (bl->heading == f || items_contain(bl->items, bl->n_items, f))
			return bl->heading;
	}
	return NULL;
}

/* Appends s[from, to) on one line: line breaks and tabs become spaces,
 * every other control character is made visible. */
static void one_line(struct buf *b, const char *s, size_t from, size_t to)
{
	size_t i = from;
	while (i < to) {
		size_t j = i;
		while (j < to && s[j] != '\n' && s[j] != '\t' && s[j] != '\r')
			j++;
		text_sanitize(b, s + i, j - i);
		if (j < to)
			buf_addc(b, ' ');
		i = j + 1;
	}
}

/* Start of the window that ends at byte end: whole characters, at most
 * HIT_CONTEXT_COLS columns. */
static size_t context_start(const char *s, size_t end)
{
	const uint8_t *base = (const uint8_t *)s, *p = base + end;
	/* u8_prev will not step back over a character that this cuts. */
	const uint8_t *stop = end > HIT_CONTEXT_BYTES ? p - HIT_CONTEXT_BYTES
						       : base;
	int cols = 0;
	for (;;) {
		ucs4_t uc;
		const uint8_t *q = u8_prev(&uc, p, stop);
		if (!q)
			return (size_t)(p - base);
		cols += text_uc_width(uc);
		if (cols > HIT_CONTEXT_COLS)
			return (size_t)(p - base);
		p = q;
	}
}

/* End of the window that starts at byte start, in the NUL-terminated s. */
static size_t context_end(const char *s, size_t start)
{
	size_t i = start;
	size_t len = start + strnlen(s + start, HIT_CONTEXT_BYTES);
	int cols = 0;
	while (i < len) {
		uint32_t uc;
		int k = text_next(s + i, len - i, &uc);
		cols += text_uc_width(uc);
		if (cols > HIT_CONTEXT_COLS)
			break;
		i += (size_t)k;
	}
	return i;
}

/* The heading of the last field looked up: a field with many hits asks
 * once, not once per hit. */
struct heading_memo {
	const char *field, *heading, *label;
	size_t label_len;
};

/* Where an input's hit is, so that the line can be cited: the column,
 * the row's kind, its contributor or report, its document numbers and
 * the item's label (· 1.3.2). */
static void hit_source(struct buf *b, const struct doc *d,
		       const struct doc_input *in, const struct heading_memo *memo)
{
	text_sanitize(b, d->columns[DOC_COL_INPUT], strlen(d->columns[DOC_COL_INPUT]));
	buf_adds(b, " › ");
	text_sanitize(b, in->kind, strlen(in->kind));
	if (memo->heading) {
		buf_adds(b, " · ");
		text_sanitize(b, memo->heading, strlen(memo->heading));
	}
	for (size_t k = 0; k < in->n_documents; k++) {
		buf_adds(b, k ? ", " : " · ");
		text_sanitize(b, in->documents[k], strlen(in->documents[k]));
	}
	if (memo->label) {
		buf_adds(b, " · ");
		text_sanitize(b, memo->label, memo->label_len);
	}
}

static void hit_line(struct buf *b, const struct doc *d,
		     const struct search_hit *h, const char *mark_open,
		     const char *mark_close, struct heading_memo *memo)
{
	const struct doc_topic *t = &d->topics[h->topic];
	buf_printf(b, _("topic %ld "), t->number);
	text_sanitize(b, t->title, strlen(t->title));
	buf_adds(b, " › ");
	switch (h->role) {
	case DOC_ROLE_TITLE:
		buf_adds(b, _("标题"));
		break;
	case DOC_ROLE_INPUT: {
		const struct doc_input *in = &t->inputs[h->input];
		if (memo->field != h->field) {
			memo->field = h->field;
			memo->heading = h->kind == DOC_FIELD_KIND
						? NULL
						: field_heading(in, h->field);
			memo->label = field_label(in, h->field, &memo->label_len);
		}
		hit_source(b, d, in, memo);
		break;
	}
	case DOC_ROLE_GUIDANCE:
		text_sanitize(b, d->columns[DOC_COL_GUIDANCE],
			      strlen(d->columns[DOC_COL_GUIDANCE]));
		break;
	}
	buf_adds(b, ": ");
	const char *s = h->field;
	size_t from = context_start(s, h->start), end = h->end;
	if (from > 0)
		buf_adds(b, "…");
	one_line(b, s, from, h->start);
	buf_adds(b, mark_open);
	one_line(b, s, h->start, h->end);
	if (h->cont) { /* on from a marker into its text, as the line shows */
		buf_addc(b, ' ');
		s = h->cont;
		end = h->cont_end;
		one_line(b, s, 0, end);
	}
	buf_adds(b, mark_close);
	size_t to = context_end(s, end);
	one_line(b, s, end, to);
	if (s[to])
		buf_adds(b, "…");
	buf_addc(b, '\n');
}

bool render_hits(struct buf *b, const struct doc *d,
		 const struct search_hit *hits, size_t n,
		 const char *mark_open, const char *mark_close)
{
	struct heading_memo memo = {NULL, NULL, NULL, 0};
	for (size_t i = 0; i < n && !b->oom; i++)
		hit_line(b, d, &hits[i], mark_open, mark_close, &memo);
	return !b->oom;
}

/* ---- the overview ---- */

static int str_width(const char *s, size_t n)
{
	return text_width(s, n);
}

/* Pads with spaces to `width` columns after `used`. */
static void pad(struct buf *b, int used, int width)
{
	if (width > used)
		buf_addn(b, ' ', (size_t)(width - used));
}

/* Each column's width: its label's, its count's, and for a kind's last
 * column what the kind's name needs beyond the others. */
static void overview_widths(const struct overview *o, int *w)
{
	for (size_t c = 0; c < o->n_cols; c++) {
		size_t len;
		const char *l = overview_label(o, c, &len);
		w[c] = str_width(l, len) > 2 ? str_width(l, len) : 2;
		for (size_t t = 0; t < o->n_topics; t++) {
			int n = snprintf(NULL, 0, "%zu", overview_count(o, t, c));
			w[c] = n > w[c] ? n : w[c];
		}
	}
	for (size_t c = 0; c < o->n_cols;) {
		size_t e = c;
		int sum = 0;
		while (e < o->n_cols && strcmp(o->cols[e].kind, o->cols[c].kind) == 0) {
			sum += w[e] + (e > c ? 2 : 0);
			e++;
		}
		int need = str_width(o->cols[c].kind, strlen(o->cols[c].kind));
		if (need > sum)
			w[e - 1] += need - sum;
		c = e;
	}
}

static void overview_text(struct buf *b, const struct doc *d,
			  const struct overview *o, const int *w)
{
	int numw = 1, titlew = 0;
	for (size_t t = 0; t < d->n_topics; t++) {
		int n = snprintf(NULL, 0, "%ld", d->topics[t].number);
		numw = n > numw ? n : numw;
		int tw = str_width(d->topics[t].title, strlen(d->topics[t].title));
		titlew = tw > titlew ? tw : titlew;
	}
	int lead = numw + 1 + titlew + 2;
	/* The kinds over their columns, then the contributors. */
	for (int row = 0; row < 2; row++) {
		buf_addn(b, ' ', (size_t)lead);
		int used = 0, at = 0;
		for (size_t c = 0; c < o->n_cols; c++) {
			size_t len;
			const char *l = row ? overview_label(o, c, &len) : o->cols[c].kind;
			if (!row) {
				len = strlen(l);
				if (c && strcmp(o->cols[c - 1].kind, l) == 0)
					l = "", len = 0;
			}
			if (len) {
				pad(b, used, at);
				text_sanitize(b, l, len);
				used = at + str_width(l, len);
			}
			at += w[c] + 2;
		}
		buf_addc(b, '\n');
	}
	for (size_t t = 0; t < d->n_topics; t++) {
		const struct doc_topic *tp = &d->topics[t];
		buf_printf(b, "%*ld ", numw, tp->number);
		text_sanitize(b, tp->title, strlen(tp->title));
		pad(b, str_width(tp->title, strlen(tp->title)), titlew + 2);
		for (size_t c = 0; c < o->n_cols; c++) {
			size_t n = overview_count(o, t, c);
			char cell[24];
			snprintf(cell, sizeof cell, n ? "%zu" : "·", n);
			buf_adds(b, cell);
			if (c + 1 < o->n_cols)
				pad(b, str_width(cell, strlen(cell)), w[c] + 2);
		}
		buf_addc(b, '\n');
	}
}

static void overview_markdown(struct buf *b, const struct doc *d,
			      const struct overview *o)
{
	buf_adds(b, "# ");
	md_text(b, d->title);
	buf_adds(b, "\n\n| 主题 |");
	for (size_t c = 0; c < o->n_cols; c++) {
		size_t len;
		const char *l = overview_label(o, c, &len);
		buf_addc(b, ' ');
		md_text(b, o->cols[c].kind);
		if (len) {
			char *part = strndup(l, len);
			buf_adds(b, " · ");
			md_text(b, part ? part : "");
			free(part);
		}
		buf_adds(b, " |");
	}
	buf_adds(b, "\n|---|");
	for (size_t c = 0; c < o->n_cols; c++)
		buf_adds(b, "---:|");
	buf_addc(b, '\n');
	for (size_t t = 0; t < d->n_topics; t++) {
		buf_printf(b, "| %ld ", d->topics[t].number);
		md_text(b, d->topics[t].title);
		buf_adds(b, " |");
		for (size_t c = 0; c < o->n_cols; c++) {
			size_t n = overview_count(o, t, c);
			if (n)
				buf_printf(b, " %zu |", n);
			else
				buf_adds(b, " · |");
		}
		buf_addc(b, '\n');
	}
}

static void overview_json(struct buf *b, const struct doc *d,
			  const struct overview *o)
{
	buf_adds(b, "{\n  \"columns\": [");
	for (size_t c = 0; c < o->n_cols; c++) {
		buf_adds(b, c ? ",\n    {\"kind\": " : "\n    {\"kind\": ");
		json_string(b, o->cols[c].kind);
		buf_adds(b, ", \"source\": ");
		if (o->cols[c].heading)
			json_string(b, o->cols[c].heading);
		else
			buf_adds(b, "null");
		buf_addc(b, '}');
	}
	buf_adds(b, "\n  ],\n  \"topics\": [");
	for (size_t t = 0; t < d->n_topics; t++) {
		buf_printf(b, "%s\n    {\"number\": %ld, \"title\": ", t ? "," : "",
			   d->topics[t].number);
		json_string(b, d->topics[t].title);
		buf_adds(b, ", \"inputs\": [");
		for (size_t c = 0; c < o->n_cols; c++)
			buf_printf(b, "%s%zu", c ? ", " : "", overview_count(o, t, c));
		buf_adds(b, "]}");
	}
	buf_adds(b, "\n  ]\n}\n");
}

bool render_overview(struct buf *b, const struct doc *d, enum render_format f,
		     int width)
{
	(void)width; /* the table is as wide as it needs; a pager cuts it */
	if (f != RENDER_TEXT && f != RENDER_MARKDOWN && f != RENDER_JSON)
		return false;
	struct overview o;
	if (!overview_build(&o, d))
		return false;
	int *w = calloc(o.n_cols + 1, sizeof *w);
	if (!w) {
		overview_free(&o);
		return false;
	}
	overview_widths(&o, w);
	if (f == RENDER_TEXT)
		overview_text(b, d, &o, w);
	else if (f == RENDER_MARKDOWN)
		overview_markdown(b, d, &o);
	else
		overview_json(b, d, &o);
	free(w);
	overview_free(&o);
	return !b->oom;
}

/* ---- citing an input ---- */

bool render_citation(struct buf *b, const struct doc_topic *t,
		     const struct doc_input *in, const char *item_field)
{
	for (size_t k = 0; k < in->n_documents; k++) {
		if (k)
			buf_adds(b, "、");
		text_sanitize(b, in->documents[k], strlen(in->documents[k]));
	}
	const char *who = item_field ? field_heading(in, item_field) : NULL;
	if (!who && doc_input_heading_in_header(in))
		who = in->blocks[0].heading;
	if (!who)
		who = in->kind;
	buf_adds(b, "（");
	text_sanitize(b, who, strlen(who));
	buf_adds(b, "）");
	size_t len;
	const char *label = item_field ? field_label(in, item_field, &len) : NULL;
	if (label)
		text_sanitize(b, label, len);
	buf_printf(b, "，主题 %ld ", t->number);
	text_sanitize(b, t->title, strlen(t->title));
	return !b->oom;
}

static void input_items(struct buf *b, const struct doc_item *it, size_t n,
			int depth)
{
	for (size_t i = 0; i < n; i++) {
		buf_addn(b, ' ', (size_t)depth * 2);
		if (it[i].marker) {
			text_sanitize(b, it[i].marker, strlen(it[i].marker));
			buf_addc(b, ' ');
		}
		text_sanitize(b, it[i].text, strlen(it[i].text));
		buf_addc(b, '\n');
		input_items(b, it[i].items, it[i].n_items, depth + 1);
	}
}

bool render_input_text(struct buf *b, const struct doc_input *in)
{
	for (size_t k = 0; k < in->n_blocks; k++) {
		const struct doc_block *bl = &in->blocks[k];
		if (bl->heading) {
			text_sanitize(b, bl->heading, strlen(bl->heading));
			buf_addc(b, '\n');
		}
		input_items(b, bl->items, bl->n_items, 0);
	}
	return !b->oom;
}
