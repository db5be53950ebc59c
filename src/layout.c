#include "cwgview/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/buf.h"
#include "cwgview/mem.h"
#include "cwgview/text.h"

/* Indentation of the layout, in columns. */
enum {
	IND_ROW = 2,     /* row header under its source kind */
	IND_ROW_TEXT = 4, /* a row's items */
	IND_GUIDANCE = 2,
	IND_NEST = 2,    /* children of an item without a marker */
};

static const char rule_chars[] =
	"========================================================"
	"========================================================";

void layout_init(struct layout *L)
{
	memset(L, 0, sizeof *L);
}

void layout_free(struct layout *L)
{
	free(L->lines);
	free(L->spans);
	layout_init(L);
}

static struct lay_line *new_line(struct layout *L, int indent, int input)
{
	if (L->oom || !MEM_ROOM(L->lines, L->n_lines, L->cap_lines, 64)) {
		L->oom = true;
		return NULL;
	}
	struct lay_line *ln = &L->lines[L->n_lines++];
	ln->first_span = L->n_spans;
	ln->n_spans = 0;
	ln->indent = (uint16_t)indent;
	ln->input = (int16_t)input;
	ln->width = indent;
	return ln;
}

static void add_span(struct layout *L, struct lay_line *ln, const char *s,
		     size_t len, const char *field, int style)
{
	if (!ln || len == 0)
		return;
	if (L->oom || !MEM_ROOM(L->spans, L->n_spans, L->cap_spans, 64)) {
		L->oom = true;
		return;
	}
	struct lay_span *sp = &L->spans[L->n_spans++];
	sp->s = s;
	sp->len = len;
	sp->field = field;
	sp->style = (uint8_t)style;
	ln->n_spans++;
}

static void blank(struct layout *L)
{
	new_line(L, 0, -1);
}

/* A paragraph is a run of pieces wrapped as one text. */
struct piece {
	const char *s;
	size_t len;
	const char *field;
	int style;
	bool keep; /* no line break inside, unless nothing else fits */
	size_t off; /* offset in the joined text */
};

enum { MAX_PIECES = 64 };

struct para {
	struct piece pc[MAX_PIECES];
	size_t n;
};

static void piece(struct para *p, const char *s, const char *field,
		  int style)
{
	/* Document numbers and markers read as one token: "CWG-" at the end
	 * of a line and "SFP-1/5" on the next would be hard to read. */
	bool keep = style == LAY_DOCNUM || style == LAY_MARKER;
	if (p->n < MAX_PIECES)
		p->pc[p->n++] = (struct piece){s, strlen(s), field, style, keep, 0};
}

/* Wraps the paragraph with its first line at `indent` and the others at
 * `indent + hang`, keeping at least a few columns for the text itself. */
static void emit_para(struct layout *L, struct para *p, int indent, int hang,
		      int input)
{
	int width = L->width;
	/* Room for at least one wide character, more when there is space. */
	int min_text = width < 20 ? (width < 4 ? 2 : width / 2) : 10;
	if (indent + hang + min_text > width) {
		indent = width - hang - min_text;
		if (indent < 0) {
			indent = 0;
			hang = 0;
		}
	}
	struct buf joined = BUF_INIT;
	for (size_t i = 0; i < p->n; i++) {
		p->pc[i].off = joined.len;
		buf_add(&joined, p->pc[i].s, p->pc[i].len);
	}
	if (joined.oom) {
		L->oom = true;
		buf_free(&joined);
		return;
	}
	/* Document numbers (in their own piece or in the text, as in
	 * "然后CWG-SFP予以"), markers and the like stay whole where the
	 * line allows it. */
	bool *keep = joined.len ? calloc(joined.len, sizeof *keep) : NULL;
	if (keep) {
		text_keep_tokens(joined.data, joined.len, keep);
		for (size_t i = 0; i < p->n; i++)
			for (size_t k = 1; p->pc[i].keep && k < p->pc[i].len; k++)
				keep[p->pc[i].off + k] = true;
	}
	struct text_line *tl;
	size_t nl = text_wrap(joined.data ? joined.data : "", joined.len,
			      width - indent, width - indent - hang, keep, &tl);
	free(keep);
	if (nl == 0) {
		L->oom = true;
		buf_free(&joined);
		return;
	}
	for (size_t k = 0; k < nl; k++) {
		int ind = k == 0 ? indent : indent + hang;
		struct lay_line *ln = new_line(L, ind, input);
		if (!ln)
			break;
		ln->width = ind + tl[k].width;
		for (size_t i = 0; i < p->n; i++) {
			const struct piece *pc = &p->pc[i];
			size_t a = pc->off, b = pc->off + pc->len;
			if (a < tl[k].start)
				a = tl[k].start;
			if (b > tl[k].end)
				b = tl[k].end;
			if (a < b)
				add_span(L, ln, pc->s + (a - pc->off), b - a,
					 pc->field, pc->style);
		}
	}
	free(tl);
	buf_free(&joined);
}

static void items(struct layout *L, const struct doc_item *it, size_t n,
		  int indent, int input)
{
	for (size_t i = 0; i < n; i++) {
		struct para p = {.n = 0};
		int hang = 0;
		if (it[i].marker) {
			piece(&p, it[i].marker, it[i].marker, LAY_MARKER);
			piece(&p, " ", NULL, LAY_PLAIN);
			hang = text_width(it[i].marker, strlen(it[i].marker)) + 1;
		}
		piece(&p, it[i].text, it[i].text, LAY_TEXT);
		emit_para(L, &p, indent, hang, input);
		if (it[i].n_items)
			items(L, it[i].items, it[i].n_items,
			      indent + (hang ? hang : IND_NEST), input);
	}
}

static void row(struct layout *L, const struct doc_input *in, int input)
{
	struct para p = {.n = 0};
	/* A row with one headed block names its contributor in the header;
	 * with several, each block names its own. */
	bool one = doc_input_heading_in_header(in);
	if (one)
		piece(&p, in->blocks[0].heading, in->blocks[0].heading,
		      LAY_HEADING);
	for (size_t d = 0; d < in->n_documents; d++) {
		piece(&p, d == 0 ? (one ? " · " : "") : ", ", NULL, LAY_SEP);
		piece(&p, in->documents[d], in->documents[d], LAY_DOCNUM);
	}
	if (p.n)
		emit_para(L, &p, IND_ROW, 0, input);
	for (size_t b = 0; b < in->n_blocks; b++) {
		const struct doc_block *bl = &in->blocks[b];
		if (bl->heading && !one) {
			struct para h = {.n = 0};
			piece(&h, "（", NULL, LAY_HEADING);
			piece(&h, bl->heading, bl->heading, LAY_HEADING);
			piece(&h, "）", NULL, LAY_HEADING);
			emit_para(L, &h, IND_ROW_TEXT, 0, input);
		}
		items(L, bl->items, bl->n_items, IND_ROW_TEXT, input);
	}
}

static void inputs(struct layout *L, const struct doc_topic *t)
{
	bool first_group = true;
	/* Rows grouped by source kind, kinds in order of first appearance. */
	for (size_t i = 0; i < t->n_inputs; i++) {
		const char *kind = t->inputs[i].kind;
		if (doc_kind_group(t, i) != i)
			continue;
		if (!first_group)
			blank(L);
		first_group = false;
		struct para p = {.n = 0};
		piece(&p, kind, kind, LAY_KIND);
		emit_para(L, &p, 0, 0, (int)i);
		bool first_row = true;
		for (size_t j = i; j < t->n_inputs; j++) {
			if (doc_kind_group(t, j) != i)
				continue;
			if (!first_row)
				blank(L);
			first_row = false;
			row(L, &t->inputs[j], (int)j);
		}
	}
}

bool layout_topic(struct layout *L, const struct doc *d,
		  const struct doc_topic *t, unsigned parts, int width)
{
	L->n_lines = L->n_spans = 0;
	L->oom = false;
	L->width = width < 1 ? 1 : width;
	if (parts & LAY_PART_TITLE) {
		snprintf(L->number, sizeof L->number, "%ld", t->number);
		struct para p = {.n = 0};
		piece(&p, L->number, NULL, LAY_TITLE);
		piece(&p, "  ", NULL, LAY_TITLE);
		piece(&p, t->title, t->title, LAY_TITLE);
		int hang = (int)strlen(L->number) + 2;
		emit_para(L, &p, 0, hang, -1);
		int rule = 0;
		for (size_t i = L->n_lines; i-- > 0;)
			if (L->lines[i].width > rule)
				rule = L->lines[i].width;
		if (rule > (int)sizeof rule_chars - 1)
			rule = (int)sizeof rule_chars - 1;
		struct lay_line *ln = new_line(L, 0, -1);
		add_span(L, ln, rule_chars, (size_t)rule, NULL, LAY_RULE);
		if (ln)
			ln->width = rule;
	}
	if ((parts & LAY_PART_INPUTS) && t->n_inputs) {
		if (L->n_lines)
			blank(L);
		inputs(L, t);
	}
	/* No guidance (a view of inputs only, --xref): no label either. */
	if ((parts & LAY_PART_GUIDANCE) && t->n_guidance) {
		int indent = 0;
		if (parts & LAY_PART_GUIDANCE_LABEL) {
			if (L->n_lines)
				blank(L);
			struct para p = {.n = 0};
			const char *label = d->columns[DOC_COL_GUIDANCE];
			piece(&p, label, NULL, LAY_LABEL);
			emit_para(L, &p, 0, 0, -1);
			indent = IND_GUIDANCE;
		}
		items(L, t->guidance, t->n_guidance, indent, -1);
	}
	return !L->oom;
}

void layout_line_text(const struct layout *L, size_t i, struct buf *b)
{
	const struct lay_line *ln = &L->lines[i];
	if (ln->n_spans == 0)
		return;
	buf_addn(b, ' ', ln->indent);
	for (uint32_t k = 0; k < ln->n_spans; k++) {
		const struct lay_span *sp = &L->spans[ln->first_span + k];
		text_sanitize(b, sp->s, sp->len);
	}
}
