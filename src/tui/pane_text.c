/* The inputs and guidance panes: the selected topic laid out by the core's
 * layout (the same code as --print --format text), scrolled like less. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/mem.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/pane.h"
#include "tui/tui.h"

/* Where an input row is in the layout: its lines [first, last]. */
struct row_lines {
	long input;
	size_t first, last;
};

/* A text pane's own state: its layout and what it was built for; for the
 * inputs pane, its rows in the order shown (grouped by kind). */
struct text_pane {
	struct layout lay;
	unsigned parts;  /* LAY_PART_* */
	long lay_topic;  /* -1: none yet */
	const struct doc *lay_doc; /* the document laid out (& changes it) */
	int lay_width;
	struct row_lines *rows;
	size_t n_rows, cap_rows;
};

static struct text_pane *text_of(const struct pane *p)
{
	return p->priv;
}

/* The walk over a layout's model spans, from line `from` on: fn is called
 * with each span that shows model bytes until it returns true; returns
 * that span (its line in *line), or NULL. */
static const struct lay_span *each_span(const struct layout *L, size_t from,
					bool (*fn)(const struct lay_span *sp, const void *arg),
					const void *arg, size_t *line)
{
	for (size_t i = from; i < L->n_lines; i++) {
		const struct lay_line *ln = &L->lines[i];
		for (uint32_t k = 0; k < ln->n_spans; k++) {
			const struct lay_span *sp = &L->spans[ln->first_span + k];
			if (sp->field && fn(sp, arg)) { /* literals repeat; model bytes do not */
				*line = i;
				return sp;
			}
		}
	}
	return NULL;
}

struct byte_at {
	const char *field;
	size_t off;
};

static bool shows(const struct lay_span *sp, const void *arg)
{
	const struct byte_at *pl = arg;
	size_t start = (size_t)(sp->s - sp->field);
	return sp->field == pl->field && pl->off >= start && pl->off < start + sp->len;
}

static bool any(const struct lay_span *sp, const void *arg)
{
	(void)sp;
	(void)arg;
	return true;
}

static long text_locate(const struct pane *p, const char *field, size_t off)
{
	struct byte_at pl = {field, off};
	size_t line;
	return each_span(&text_of(p)->lay, 0, shows, &pl, &line) ? (long)line : -1;
}

static bool text_position(const struct pane *p, size_t line,
			  const char **field, size_t *off)
{
	size_t at;
	const struct lay_span *sp = each_span(&text_of(p)->lay, line, any, NULL, &at);
	if (!sp)
		return false;
	*field = sp->field;
	*off = (size_t)(sp->s - sp->field);
	return true;
}

/* The rows' lines, in the order the layout shows them. */
static void index_rows(struct text_pane *tp)
{
	tp->n_rows = 0;
	for (size_t i = 0; i < tp->lay.n_lines; i++) {
		long in = tp->lay.lines[i].input;
		if (in < 0)
			continue;
		struct row_lines *r = tp->n_rows ? &tp->rows[tp->n_rows - 1] : NULL;
		if (r && r->input == in) {
			r->last = i;
			continue;
		}
		r = mem_room(tp->rows, tp->n_rows, &tp->cap_rows, sizeof *r, 16);
		if (!r)
			return; /* no current input past this one */
		tp->rows = r;
		tp->rows[tp->n_rows++] = (struct row_lines){in, i, i};
	}
}

static const struct row_lines *row_of(const struct text_pane *tp, long input)
{
	for (size_t k = 0; k < tp->n_rows; k++)
		if (tp->rows[k].input == input)
			return &tp->rows[k];
	return NULL;
}

long pane_inputs_step(const struct pane *p, long input, int dir)
{
	const struct text_pane *tp = text_of(p);
	if (!tp->n_rows)
		return -1;
	const struct row_lines *r = row_of(tp, input);
	if (!r) /* none yet: the first on the screen, or the last above it */
		return pane_inputs_at(p, p->top, p->top + (size_t)pane_rows(p));
	size_t k = (size_t)(r - tp->rows);
	if (dir > 0)
		return k + 1 < tp->n_rows ? tp->rows[k + 1].input : -1;
	return k > 0 ? tp->rows[k - 1].input : -1;
}

long pane_inputs_at(const struct pane *p, size_t from, size_t to)
{
	const struct text_pane *tp = text_of(p);
	for (size_t k = 0; k < tp->n_rows; k++)
		if (tp->rows[k].last >= from && tp->rows[k].first < to)
			return tp->rows[k].input;
	return -1;
}

bool pane_inputs_lines(const struct pane *p, long input, size_t *first,
		       size_t *last)
{
	const struct row_lines *r = row_of(text_of(p), input);
	if (r) {
		*first = r->first;
		*last = r->last;
	}
	return r != NULL;
}

/* Where the top goes once laid out: a remembered spot (at its line when
 * the width is the same, else at the model byte it showed), else the
 * byte kept across a re-wrap, else the topic's start. */
static size_t text_top(struct pane *p, const struct byte_at *keep, int width)
{
	long line = -1;
	if (p->has_want) {
		const struct pane_spot *w = &p->want;
		p->has_want = false;
		if (w->width == width || !w->field)
			return w->line;
		line = text_locate(p, w->field, w->off);
	} else if (keep->field) {
		line = text_locate(p, keep->field, keep->off);
	}
	return line > 0 ? (size_t)line : 0;
}

/* Lays the selected topic out again when the topic or the width changed,
 * keeping the first model byte at the top in view across a re-wrap. */
static void text_reflow(struct pane *p, struct tui *t)
{
	struct text_pane *tp = text_of(p);
	int width = pane_cols(p);
	if (width < 1)
		width = 1;
	if (tp->lay_doc != t->doc) {
		tp->lay_doc = t->doc;
		tp->lay_topic = -1;
	}
	bool same = tp->lay_topic == (long)t->topic && tp->lay_width == width;
	if (same && !p->has_want)
		return;
	struct byte_at keep = {NULL, 0};
	if (tp->lay_topic != (long)t->topic ||
	    !text_position(p, p->top, &keep.field, &keep.off))
		keep.field = NULL;
	if (!same) {
		layout_topic(&tp->lay, t->doc, &t->doc->topics[t->topic], tp->parts,
			     width);
		tp->lay_topic = (long)t->topic;
		tp->lay_width = width;
		p->n_lines = tp->lay.n_lines;
		index_rows(tp);
	}
	p->top = text_top(p, &keep, width);
	pane_clamp(p);
}

/* The current input (t->input) stays in view: once scrolled out of it,
 * the first row on the screen is current. */
static void settle_input(struct pane *p, struct tui *t)
{
	size_t first, last, bottom = p->top + (size_t)pane_rows(p);
	if (t->input >= 0 && pane_inputs_lines(p, t->input, &first, &last) &&
	    last >= p->top && first < bottom)
		return;
	if (t->input >= 0 || t->focus == PANE_INPUTS)
		t->input = pane_inputs_at(p, p->top, bottom);
}

static void text_draw(struct pane *p, struct tui *t)
{
	const struct layout *L = &text_of(p)->lay;
	int rows = pane_rows(p), cols = pane_cols(p);
	struct find_hl hl;
	bool marks = find_highlights(t, t->topic, &hl);
	bool inputs = p->id == PANE_INPUTS;
	if (inputs)
		settle_input(p, t);
	for (int r = 0; r < rows; r++) {
		size_t i = p->top + (size_t)r;
		if (i >= L->n_lines)
			break;
		draw_layout_line(p->win, L, i, r + 1, 2, cols, marks ? &hl : NULL);
		if (inputs && t->input >= 0 && L->lines[i].input == t->input) {
			/* The current input, marked in the gutter: > on its
			 * first line, a bar beside the rest. */
			bool first = i == 0 || L->lines[i - 1].input != t->input;
			draw_set(p->win, ST_SELECTED);
			mvwaddstr(p->win, r + 1, 1, first ? ">" : " ");
			draw_set(p->win, ST_NORMAL);
		}
	}
}

static void text_free(struct pane *p)
{
	layout_free(&text_of(p)->lay);
	free(text_of(p)->rows);
}

static void inputs_init(struct pane *p)
{
	struct text_pane *tp = text_of(p);
	layout_init(&tp->lay);
	tp->parts = LAY_PART_INPUTS;
	tp->lay_topic = -1;
}

static const char *inputs_title(const struct pane *p, const struct tui *t,
				char *buf, size_t size)
{
	(void)p;
	const struct doc_topic *tp = &t->doc->topics[t->topic];
	snprintf(buf, size, "%s · %ld %s", t->doc->columns[DOC_COL_INPUT],
		 tp->number, tp->title);
	return buf;
}

static const char *inputs_label(const struct pane *p, const struct tui *t,
				char *buf, size_t size)
{
	(void)p;
	snprintf(buf, size, "%s", t->doc->columns[DOC_COL_INPUT]);
	return buf;
}

static void guidance_init(struct pane *p)
{
	inputs_init(p);
	text_of(p)->parts = LAY_PART_GUIDANCE;
}

static const char *guidance_title(const struct pane *p, const struct tui *t,
				  char *buf, size_t size)
{
	(void)p;
	const struct doc_topic *tp = &t->doc->topics[t->topic];
	/* Alone on the screen (maximised, narrow), it names the topic, as
	 * the inputs pane above it does. */
	if (!t->panes[PANE_INPUTS].shown)
		snprintf(buf, size, "%s · %ld %s", t->doc->columns[DOC_COL_GUIDANCE],
			 tp->number, tp->title);
	else
		snprintf(buf, size, "%s", t->doc->columns[DOC_COL_GUIDANCE]);
	return buf;
}

const struct pane_ops pane_inputs_ops = {
	.title = inputs_title, .label = inputs_label,
	.priv_size = sizeof(struct text_pane), .init = inputs_init, .free = text_free,
	.follows_topic = true, .reflow = text_reflow, .draw = text_draw,
	.locate = text_locate, .position = text_position,
};

static const char *guidance_label(const struct pane *p, const struct tui *t,
				  char *buf, size_t size)
{
	(void)p;
	snprintf(buf, size, "%s", t->doc->columns[DOC_COL_GUIDANCE]);
	return buf;
}

const struct pane_ops pane_guidance_ops = {
	.title = guidance_title, .label = guidance_label,
	.priv_size = sizeof(struct text_pane), .init = guidance_init, .free = text_free,
	.follows_topic = true, .reflow = text_reflow, .draw = text_draw,
	.locate = text_locate, .position = text_position,
};
