/* PDF output (pdf.h) through Pango and Cairo: the module cwgview-pdf.so
 * (module.h), loaded by pdf_host.c on first use.  Built only when
 * configure found them (the HAVE_PDF conditional).  The module holds its
 * own copy of the few core files this uses (buf, doc, mem, text,
 * pdf_paper), built with hidden symbols: it needs nothing of the program
 * that loads it, so a test program loads it as cwgview does. */
#include "config.h"

#include "cwgview/i18n.h"
#include "cwgview/module.h"
#include "cwgview/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/mem.h"
#include "cwgview/text.h"

/* ---- the font ---- */

/* Text is set as Chinese documents are printed: running text in a serif
 * (宋体-style) face, headings and emphasis in a bold sans (黑体).  There is
 * a concrete reason too: cairo 1.16 (Debian 12) embeds a broken glyph for
 * 如 from Noto Sans CJK SC Regular (ghostscript draws a box, poppler
 * nothing), while Noto Serif CJK SC and the Sans Bold embed every GB 2312
 * character intact.  In order of preference, each list ending with the
 * other style, so that one installed CJK font is enough. */
static const char *const serif_families[] = {
	"Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN",
	"AR PL UMing CN",    "Noto Sans CJK SC",    "Source Han Sans SC",
	"WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
};
static const char *const sans_families[] = {
	"Noto Sans CJK SC",    "Source Han Sans SC", "Source Han Sans CN",
	"WenQuanYi Micro Hei", "WenQuanYi Zen Hei",  "Droid Sans Fallback",
	"Noto Serif CJK SC",   "AR PL UMing CN",
};

/* Characters every page of this table uses, from the title and the
 * column labels.  A font that lacks one of them would print boxes. */
static const char cjk_probe[] = "国际电联战略规划输入指导意见第页共主题";

static const char *const no_font =
	N_("no Chinese font found: install the Debian package fonts-noto-cjk");

static bool covers_probe(FcPattern *font)
{
	FcCharSet *cs;
	if (FcPatternGetCharSet(font, FC_CHARSET, 0, &cs) != FcResultMatch)
		return false;
	size_t n = sizeof cjk_probe - 1;
	for (size_t i = 0; i < n;) {
		uint32_t uc;
		i += (size_t)text_next(cjk_probe + i, n - i, &uc);
		if (!FcCharSetHasChar(cs, uc))
			return false;
	}
	return true;
}

/* The family of the first installed font, in the order of families[],
 * that covers the probe. */
static bool pdf_find_font(const char *const *families, size_t n_families,
			  char *family, size_t family_size, char *err,
			  size_t errsize)
{
	if (family_size)
		family[0] = '\0';
	if (!FcInit()) {
		snprintf(err, errsize, "%s", _(no_font));
		return false;
	}
	FcPattern *pat = FcPatternCreate();
	if (!pat) {
		snprintf(err, errsize, _("out of memory"));
		return false;
	}
	for (size_t i = 0; i < n_families; i++)
		FcPatternAddString(pat, FC_FAMILY,
				   (const FcChar8 *)families[i]);
	FcPatternAddString(pat, FC_LANG, (const FcChar8 *)"zh-cn");
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	/* Sorted, not just the best match: with none of the preferred
	 * families installed fontconfig's best match is often a Latin font,
	 * and the first one that covers the probe is what we want. */
	FcFontSet *fs = FcFontSort(NULL, pat, FcFalse, NULL, &res);
	bool found = false;
	for (int i = 0; fs && i < fs->nfont && !found; i++) {
		FcChar8 *fam;
		if (!covers_probe(fs->fonts[i]) ||
		    FcPatternGetString(fs->fonts[i], FC_FAMILY, 0, &fam) !=
			    FcResultMatch)
			continue;
		if (strlen((const char *)fam) < family_size) {
			strcpy(family, (const char *)fam);
			found = true;
		}
	}
	if (fs)
		FcFontSetDestroy(fs);
	FcPatternDestroy(pat);
	if (!found)
		snprintf(err, errsize, "%s", _(no_font));
	return found;
}

#define PDF_N(a) (sizeof a / sizeof *a)

static bool find_cjk_font(char *family, size_t family_size, char *err,
		       size_t errsize)
{
	return pdf_find_font(serif_families, PDF_N(serif_families), family,
			     family_size, err, errsize);
}

/* ---- page geometry and type, in points ---- */

#define MM (72.0 / 25.4)

static const double margin_side = 20 * MM;
static const double margin_top = 24 * MM;    /* to the first line of text */
static const double margin_bottom = 22 * MM; /* from the last line */
static const double header_base = 13 * MM;   /* baseline of the header */
static const double header_rule = 15.5 * MM;
static const double footer_base = 12 * MM;   /* from the bottom edge */

/* 10.5 pt is 五号, the body size of Chinese office documents. */
static const double size_body = 10.5;
static const double size_title = 16;
static const double size_section = 12.5;
static const double size_running = 8.5;

static const double em = 10.5;        /* indentation unit: one body character */
static const double marker_gap = 5.25; /* between a marker and its text */
static const double max_hang = 5 * 10.5;

/* Greys for what is secondary: document numbers, header and footer. */
static const double grey_docnum = 0.33;
static const double grey_running = 0.4;

enum pdf_span {
	SPAN_PLAIN,
	SPAN_BOLD,
	SPAN_GREY,
};

struct pdf_para {
	PangoLayout *layout;
	double x;            /* from the left margin */
	double space_before; /* dropped at the top of a page */
	double space_after;
	bool keep_with_next; /* a heading is never the last line of a page */
	bool new_page;       /* a topic starts on a fresh page */
	bool rule_after;     /* the line under a topic's title */
	size_t topic;        /* index in d->topics */
};

struct pdf_line {
	PangoLayoutLine *line; /* owned by its paragraph's layout */
	double x, baseline;
	size_t page, para;
	bool rule_after; /* last line of a paragraph with a rule under it */
};

struct pdf {
	const struct doc *d;
	cairo_t *cr;
	PangoFontMap *fontmap;
	PangoContext *ctx;
	char family[256];  /* running text */
	char heading[256]; /* headings and bold spans */
	double page_w, page_h, text_w, body_h;
	struct pdf_para *paras;
	size_t n_paras, cap_paras;
	struct pdf_line *lines;
	size_t n_lines, cap_lines;
	size_t n_pages;
	bool oom;
};

/* ---- paragraphs: text with attributes ---- */

struct pdf_text {
	struct buf s;
	PangoAttrList *attrs;
	const char *bold_family; /* the sans for bold spans */
};

static void pdf_text_init(struct pdf_text *t, const struct pdf *P)
{
	buf_init(&t->s);
	t->attrs = pango_attr_list_new();
	t->bold_family = P->heading;
}

static void pdf_text_free(struct pdf_text *t)
{
	buf_free(&t->s);
	pango_attr_list_unref(t->attrs);
}

static void pdf_attr(struct pdf_text *t, PangoAttribute *a, size_t start,
		     size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(t->attrs, a);
}

/* Document numbers and the like (text_keep_tokens) are set as one run
 * without a line break where the line allows, as on the screen: Pango
 * would break "CWG-" / "SFP-1/11" at the hyphen. */
static void keep_tokens(struct pdf_text *t, size_t start, size_t end)
{
	size_t n = end - start;
	bool *keep = calloc(n, sizeof *keep);
	if (!keep)
		return; /* only the breaks are at stake */
	text_keep_tokens(t->s.data + start, n, keep);
	for (size_t i = 1; i < n; i++) {
		if (!keep[i])
			continue;
		size_t j = i;
		while (j < n && keep[j])
			j++;
		pdf_attr(t, pango_attr_allow_breaks_new(FALSE), start + i - 1, start + j);
		i = j;
	}
	free(keep);
}

/* Appends a string of the model.  Control characters become visible, as
 * on the screen, except that a newline (a forced break in the format)
 * becomes U+2028: a line break inside the paragraph, so the hanging
 * indent holds after it. */
static void pdf_text_add(struct pdf_text *t, const char *s, enum pdf_span st)
{
	size_t start = t->s.len;
	for (const char *p = s;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		text_sanitize(&t->s, p, n);
		if (!nl)
			break;
		buf_adds(&t->s, "\xE2\x80\xA8");
		p = nl + 1;
	}
	size_t end = t->s.len;
	if (end == start)
		return;
	keep_tokens(t, start, end);
	if (st == SPAN_BOLD) {
		pdf_attr(t, pango_attr_family_new(t->bold_family), start, end);
		pdf_attr(t, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
			 end);
	}
	else if (st == SPAN_GREY) {
		guint16 g = (guint16)(grey_docnum * 65535);
		pdf_attr(t, pango_attr_foreground_new(g, g, g), start, end);
	}
}

static PangoFontDescription *pdf_font(const struct pdf *P, double size,
				      bool bold)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, bold ? P->heading : P->family);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

/* A layout of text in the given font, width in points (0: unlimited),
 * first line at 0 and the others at hang. */
static PangoLayout *pdf_layout(struct pdf *P, struct pdf_text *t,
			       double size, bool bold, double width,
			       double hang)
{
	PangoLayout *l = pango_layout_new(P->ctx);
	PangoFontDescription *fd = pdf_font(P, size, bold);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, pango_units_from_double(width));
		/* A long Latin word or document number may break between
		 * characters rather than run into the margin. */
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		/* Ragged right, not justified: Pango 1.50 justifies only at
		 * spaces, which pulls apart the few Latin words in a Chinese
		 * line ("working   as   One   ITU") and nothing else. */
	}
	if (hang > 0) {
		/* The marker, a tab, then the text: the tab stop and the
		 * negative indent put the text of every line at hang. */
		int h = pango_units_from_double(hang);
		pango_layout_set_indent(l, -h);
		PangoTabArray *tabs = pango_tab_array_new_with_positions(
			1, FALSE, PANGO_TAB_LEFT, h);
		pango_layout_set_tabs(l, tabs);
		pango_tab_array_free(tabs);
	}
	/* Pango would add a hyphen where it breaks inside a word; the text
	 * then no longer searches as written in the PDF. */
	pdf_attr(t, pango_attr_insert_hyphens_new(FALSE), 0, t->s.len);
	pango_layout_set_attributes(l, t->attrs);
	pango_layout_set_text(l, t->s.data ? t->s.data : "", (int)t->s.len);
	return l;
}

struct pdf_para_opts {
	double size;
	bool bold;
	double x, hang;
	double space_before, space_after;
	bool keep_with_next, new_page, rule_after;
};

static void pdf_para(struct pdf *P, struct pdf_text *t, size_t topic,
		     const struct pdf_para_opts *o)
{
	if (t->s.oom || P->oom ||
	    !MEM_ROOM(P->paras, P->n_paras, P->cap_paras, 64)) {
		P->oom = true;
		return;
	}
	struct pdf_para *p = &P->paras[P->n_paras++];
	p->layout = pdf_layout(P, t, o->size, o->bold, P->text_w - o->x,
			       o->hang);
	p->x = o->x;
	p->space_before = o->space_before;
	p->space_after = o->space_after;
	p->keep_with_next = o->keep_with_next;
	p->new_page = o->new_page;
	p->rule_after = o->rule_after;
	p->topic = topic;
}

/* Width of a marker as set in the body font, in points. */
static double pdf_marker_width(struct pdf *P, const char *marker)
{
	struct pdf_text t;
	pdf_text_init(&t, P);
	pdf_text_add(&t, marker, SPAN_PLAIN);
	PangoLayout *l = pdf_layout(P, &t, size_body, false, 0, 0);
	PangoRectangle ink, logical;
	pango_layout_get_extents(l, &ink, &logical);
	g_object_unref(l);
	if (t.s.oom)
		P->oom = true;
	pdf_text_free(&t);
	return pango_units_to_double(logical.width);
}

/* ---- the topic, in the order of layout.c (what the browser shows) ---- */

static void pdf_items(struct pdf *P, size_t topic, const struct doc_item *it,
		      size_t n, double x)
{
	/* The texts of one list start at one position, set by its widest
	 * marker, so 1.1 and 1.1.1 line up like a table; a marker wider
	 * than max_hang keeps its own hang instead of pushing every text. */
	double list_hang = 0;
	for (size_t i = 0; i < n; i++) {
		if (!it[i].marker)
			continue;
		double w = pdf_marker_width(P, it[i].marker) + marker_gap;
		if (w <= max_hang && w > list_hang)
			list_hang = w;
	}
	for (size_t i = 0; i < n; i++) {
		struct pdf_text t;
		pdf_text_init(&t, P);
		double hang = 0;
		if (it[i].marker) {
			pdf_text_add(&t, it[i].marker, SPAN_PLAIN);
			buf_addc(&t.s, '\t');
			hang = pdf_marker_width(P, it[i].marker) + marker_gap;
			if (hang < list_hang)
				hang = list_hang;
		}
		pdf_text_add(&t, it[i].text, SPAN_PLAIN);
		struct pdf_para_opts o = {.size = size_body,
					  .x = x,
					  .hang = hang,
					  .space_before = 2};
		pdf_para(P, &t, topic, &o);
		pdf_text_free(&t);
		if (it[i].n_items)
			pdf_items(P, topic, it[i].items, it[i].n_items,
				  x + (hang > 0 ? hang : em));
	}
}

static void pdf_row(struct pdf *P, size_t topic, const struct doc_input *in,
		    bool first_row)
{
	struct pdf_text t;
	pdf_text_init(&t, P);
	/* As on the screen: a row with one headed block names its
	 * contributor in the row's header, else each block names its own. */
	bool one = doc_input_heading_in_header(in);
	if (one)
		pdf_text_add(&t, in->blocks[0].heading, SPAN_BOLD);
	for (size_t k = 0; k < in->n_documents; k++) {
		if (k || one)
			pdf_text_add(&t, k ? ", " : " · ", SPAN_GREY);
		pdf_text_add(&t, in->documents[k], SPAN_GREY);
	}
	double before = first_row ? 3 : 9;
	if (t.s.len) {
		struct pdf_para_opts o = {.size = size_body,
					  .x = em,
					  .space_before = before,
					  .space_after = 1,
					  .keep_with_next = true};
		pdf_para(P, &t, topic, &o);
		before = 2;
	}
	pdf_text_free(&t);
	for (size_t b = 0; b < in->n_blocks; b++) {
		const struct doc_block *bl = &in->blocks[b];
		if (bl->heading && !one) {
			pdf_text_init(&t, P);
			pdf_text_add(&t, "（", SPAN_BOLD);
			pdf_text_add(&t, bl->heading, SPAN_BOLD);
			pdf_text_add(&t, "）", SPAN_BOLD);
			struct pdf_para_opts o = {.size = size_body,
						  .x = 2 * em,
						  .space_before =
							  b ? 6 : before,
						  .space_after = 1,
						  .keep_with_next = true};
			pdf_para(P, &t, topic, &o);
			pdf_text_free(&t);
		}
		pdf_items(P, topic, bl->items, bl->n_items, 2 * em);
	}
}

static void pdf_section(struct pdf *P, size_t topic, const char *label)
{
	struct pdf_text t;
	pdf_text_init(&t, P);
	pdf_text_add(&t, label, SPAN_PLAIN);
	struct pdf_para_opts o = {.size = size_section,
				  .bold = true,
				  .space_before = 14,
				  .space_after = 2,
				  .keep_with_next = true};
	pdf_para(P, &t, topic, &o);
	pdf_text_free(&t);
}

static void pdf_topic(struct pdf *P, size_t topic, bool first)
{
	const struct doc *d = P->d;
	const struct doc_topic *t = &d->topics[topic];
	struct pdf_text tt;
	pdf_text_init(&tt, P);
	char num[32];
	/* The number and the title, as in the text layout; U+3000 keeps
	 * them apart by one Chinese character. */
	snprintf(num, sizeof num, "%ld\xE3\x80\x80", t->number);
	pdf_text_add(&tt, num, SPAN_PLAIN);
	pdf_text_add(&tt, t->title, SPAN_PLAIN);
	struct pdf_para_opts o = {.size = size_title,
				  .bold = true,
				  .space_after = 6,
				  .keep_with_next = true,
				  .new_page = !first,
				  .rule_after = true};
	pdf_para(P, &tt, topic, &o);
	pdf_text_free(&tt);

	for (size_t i = 0; i < t->n_inputs; i++) {
		if (doc_kind_group(t, i) != i)
			continue;
		pdf_section(P, topic, t->inputs[i].kind);
		bool first_row = true;
		for (size_t j = i; j < t->n_inputs; j++) {
			if (doc_kind_group(t, j) != i)
				continue;
			pdf_row(P, topic, &t->inputs[j], first_row);
			first_row = false;
		}
	}
	if (t->n_guidance) {
		pdf_section(P, topic, d->columns[DOC_COL_GUIDANCE]);
		pdf_items(P, topic, t->guidance, t->n_guidance, em);
	}
}

/* ---- pages ---- */

static void pdf_place(struct pdf *P, PangoLayoutLine *line, double x,
		      double baseline, size_t para)
{
	if (P->oom || !MEM_ROOM(P->lines, P->n_lines, P->cap_lines, 64)) {
		P->oom = true;
		return;
	}
	P->lines[P->n_lines++] = (struct pdf_line){
		.line = line,
		.x = x,
		.baseline = baseline,
		.page = P->n_pages - 1,
		.para = para,
	};
}

/* The lines of a layout: heights, baselines from the line's top and x
 * offsets, in points.  Returns the number of lines, 0 when out of memory;
 * *out is malloc'd. */
struct pdf_metric {
	PangoLayoutLine *line;
	double height, base, x;
};

static size_t pdf_metrics(PangoLayout *l, struct pdf_metric **out)
{
	size_t n = (size_t)pango_layout_get_line_count(l);
	struct pdf_metric *m = calloc(n ? n : 1, sizeof *m);
	*out = m;
	if (!m)
		return 0;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	size_t k = 0;
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		m[k].line = pango_layout_iter_get_line_readonly(it);
		m[k].height = pango_units_to_double(logical.height);
		m[k].base = pango_units_to_double(
			pango_layout_iter_get_baseline(it) - logical.y);
		m[k].x = pango_units_to_double(logical.x);
		k++;
	} while (k < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return k;
}

/* Height of the first two lines of a layout (one when it has one): what
 * must follow a heading on its page, since a paragraph never leaves its
 * first line alone at the bottom. */
static double pdf_head_height(PangoLayout *l)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double h = 0;
	int k = 0;
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		h += pango_units_to_double(logical.height);
	} while (++k < 2 && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return h;
}

static double pdf_height(PangoLayout *l)
{
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	return pango_units_to_double(logical.height);
}

/* Assigns every line a page and a baseline.  Paragraphs break between
 * lines, but not after their first line or before their last (no orphan
 * or widow) when they have enough lines; a heading moves to the next page
 * when it and the start of what follows do not fit. */
static void pdf_paginate(struct pdf *P)
{
	double y = 0; /* from the top of the body */
	P->n_pages = 1;
	for (size_t i = 0; i < P->n_paras && !P->oom; i++) {
		struct pdf_para *p = &P->paras[i];
		if (p->new_page && y > 0) {
			P->n_pages++;
			y = 0;
		}
		double before = y > 0 ? p->space_before : 0;
		if (p->keep_with_next && y > 0) {
			double need = before + pdf_height(p->layout) +
				      p->space_after;
			if (i + 1 < P->n_paras)
				need += P->paras[i + 1].space_before +
					pdf_head_height(P->paras[i + 1].layout);
			if (y + need > P->body_h) {
				P->n_pages++;
				y = 0;
				before = 0;
			}
		}
		y += before;
		struct pdf_metric *m;
		size_t n = pdf_metrics(p->layout, &m);
		if (!m) {
			P->oom = true;
			break;
		}
		for (size_t k = 0; k < n; k++) {
			double need = m[k].height;
			if ((k == 0 && n >= 2) || (k + 2 == n && n >= 3))
				need += m[k + 1].height;
			if (y + need > P->body_h && y > 0) {
				P->n_pages++;
				y = 0;
			}
			pdf_place(P, m[k].line, margin_side + p->x + m[k].x,
				  margin_top + y + m[k].base, i);
			y += m[k].height;
		}
		free(m);
		if (p->rule_after && P->n_lines)
			P->lines[P->n_lines - 1].rule_after = true;
		y += p->space_after + (p->rule_after ? 6 : 0);
	}
}

/* One line of running text (header or footer), sanitised, ellipsised to
 * width, aligned within it. */
static void pdf_running(struct pdf *P, const char *s, double x,
			double baseline, double width, PangoAlignment align)
{
	struct pdf_text t;
	pdf_text_init(&t, P);
	pdf_text_add(&t, s, SPAN_PLAIN);
	PangoLayout *l = pdf_layout(P, &t, size_running, false, width, 0);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_alignment(l, align);
	pango_layout_set_single_paragraph_mode(l, TRUE);
	cairo_move_to(P->cr, x,
		      baseline - pango_units_to_double(
					 pango_layout_get_baseline(l)));
	pango_cairo_show_layout(P->cr, l);
	g_object_unref(l);
	if (t.s.oom)
		P->oom = true;
	pdf_text_free(&t);
}

static void pdf_rule(struct pdf *P, double y, double width, double grey)
{
	cairo_set_source_rgb(P->cr, grey, grey, grey);
	cairo_set_line_width(P->cr, width);
	cairo_move_to(P->cr, margin_side, y);
	cairo_line_to(P->cr, P->page_w - margin_side, y);
	cairo_stroke(P->cr);
}

static void pdf_draw_page(struct pdf *P, size_t page, size_t *next_line)
{
	cairo_t *cr = P->cr;
	size_t first = *next_line;
	const struct doc_topic *t =
		first < P->n_lines
			? &P->d->topics[P->paras[P->lines[first].para].topic]
			: NULL;

	cairo_set_source_rgb(cr, grey_running, grey_running, grey_running);
	pdf_running(P, P->d->title, margin_side, header_base,
		    P->text_w * 0.68, PANGO_ALIGN_LEFT);
	if (t) {
		char head[64];
		snprintf(head, sizeof head, "%ld\xE3\x80\x80", t->number);
		struct buf s = BUF_INIT;
		buf_adds(&s, head);
		buf_adds(&s, t->title);
		cairo_set_source_rgb(cr, grey_running, grey_running,
				     grey_running);
		if (s.data)
			pdf_running(P, s.data, margin_side + P->text_w * 0.7,
				    header_base, P->text_w * 0.3,
				    PANGO_ALIGN_RIGHT);
		buf_free(&s);
	}
	pdf_rule(P, header_rule, 0.5, 0.6);

	/* The footer is Chinese whatever the interface language, since the
	 * page is part of a Chinese document. */
	char foot[96];
	snprintf(foot, sizeof foot, "第 %zu 页 / 共 %zu 页", page + 1,
		 P->n_pages);
	cairo_set_source_rgb(cr, grey_running, grey_running, grey_running);
	pdf_running(P, foot, margin_side, P->page_h - footer_base, P->text_w,
		    PANGO_ALIGN_CENTER);

	size_t i = first;
	for (; i < P->n_lines && P->lines[i].page == page; i++) {
		const struct pdf_line *ln = &P->lines[i];
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, ln->x, ln->baseline);
		pango_cairo_show_layout_line(cr, ln->line);
		if (ln->rule_after) {
			PangoRectangle logical;
			pango_layout_line_get_extents(ln->line, NULL, &logical);
			double descent = pango_units_to_double(
				logical.height + logical.y);
			pdf_rule(P, ln->baseline + descent + 3, 0.8, 0.2);
		}
	}
	*next_line = i;
}

/* Each topic in the PDF's outline (the viewer's bookmarks). */
static void pdf_outline(struct pdf *P)
{
	cairo_surface_t *s = cairo_get_target(P->cr);
	size_t last_topic = (size_t)-1;
	for (size_t i = 0; i < P->n_lines; i++) {
		size_t topic = P->paras[P->lines[i].para].topic;
		if (topic == last_topic)
			continue;
		last_topic = topic;
		const struct doc_topic *t = &P->d->topics[topic];
		struct buf name = BUF_INIT;
		buf_printf(&name, "%ld ", t->number);
		text_sanitize(&name, t->title, strlen(t->title));
		char link[64];
		snprintf(link, sizeof link, "page=%zu", P->lines[i].page + 1);
		if (name.data)
			cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT,
						      name.data, link, 0);
		buf_free(&name);
	}
}

static cairo_status_t pdf_write(void *closure, const unsigned char *data,
				unsigned int length)
{
	struct buf *out = closure;
	return buf_add(out, data, length) ? CAIRO_STATUS_SUCCESS
					  : CAIRO_STATUS_WRITE_ERROR;
}

static void pdf_metadata(cairo_surface_t *s, const struct doc *d)
{
	struct buf title = BUF_INIT;
	text_sanitize(&title, d->title, strlen(d->title));
	if (title.data)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
					       title.data);
	buf_free(&title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
				       "cwgview " PACKAGE_VERSION);
}

static void pdf_free(struct pdf *P)
{
	for (size_t i = 0; i < P->n_paras; i++)
		g_object_unref(P->paras[i].layout);
	free(P->paras);
	free(P->lines);
	if (P->ctx)
		g_object_unref(P->ctx);
	if (P->fontmap)
		g_object_unref(P->fontmap);
	if (P->cr)
		cairo_destroy(P->cr);
}

static bool render_topics(struct buf *out, const struct doc *d,
		       const bool *selected, enum pdf_paper paper, char *err,
		       size_t errsize)
{
	struct pdf P;
	memset(&P, 0, sizeof P);
	P.d = d;
	if (!find_cjk_font(P.family, sizeof P.family, err, errsize) ||
	    !pdf_find_font(sans_families, PDF_N(sans_families), P.heading,
			   sizeof P.heading, err, errsize))
		return false;
	pdf_paper_size(paper, &P.page_w, &P.page_h);
	P.text_w = P.page_w - 2 * margin_side;
	P.body_h = P.page_h - margin_top - margin_bottom;

	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
		pdf_write, out, P.page_w, P.page_h);
	pdf_metadata(surface, d);
	P.cr = cairo_create(surface);
	/* The surface lives as long as the cairo_t that draws on it. */
	cairo_surface_destroy(surface);

	/* A font map of our own, released at the end, instead of Pango's
	 * per-thread default that lives until exit.  At 72 dpi a Pango
	 * point is a PDF point. */
	P.fontmap = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(P.fontmap),
					    72);
	P.ctx = pango_font_map_create_context(P.fontmap);
	pango_context_set_language(P.ctx, pango_language_from_string(
						  d->language ? d->language
							      : "zh-cn"));
	/* Unhinted metrics and unrounded positions: the PDF is scaled by
	 * whatever prints or shows it, so no pixel grid applies. */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(P.ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(P.ctx, FALSE);
	pango_cairo_update_context(P.cr, P.ctx);

	bool first = true;
	for (size_t i = 0; i < d->n_topics; i++) {
		if (!selected[i])
			continue;
		pdf_topic(&P, i, first);
		first = false;
	}
	pdf_paginate(&P);
	size_t next = 0;
	for (size_t page = 0; page < P.n_pages && !P.oom; page++) {
		pdf_draw_page(&P, page, &next);
		cairo_show_page(P.cr);
	}
	if (!P.oom)
		pdf_outline(&P);
	cairo_surface_finish(cairo_get_target(P.cr));
	cairo_status_t st = cairo_surface_status(cairo_get_target(P.cr));
	bool ok = !P.oom && !out->oom && st == CAIRO_STATUS_SUCCESS;
	if (!ok)
		snprintf(err, errsize, _("cannot make the PDF: %s"),
			 P.oom || out->oom ? _("out of memory")
					   : cairo_status_to_string(st));
	pdf_free(&P);
	return ok;
}

MODULE_EXPORT const void *cwgview_pdf_module(void);
const void *cwgview_pdf_module(void)
{
	static const struct pdf_module m = {MODULE_STAMP, find_cjk_font,
					    render_topics};
	return &m;
}
