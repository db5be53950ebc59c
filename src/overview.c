/* The overview: a matrix of topics and sources, for --print overview and
 * the browser's o.  A source is a kind and, within it, a contributor or
 * report (the blocks' headings); its short label is the heading cut
 * before 的, 文稿, 关于 or 文化 (俄联邦的文稿: 俄联邦, 麦肯锡文化与技能报告:
 * 麦肯锡), so that the columns stay narrow. */
#include "config.h"

#include "cwgview/overview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/mem.h"
#include "cwgview/text.h"

static size_t short_label(const char *h)
{
	static const char *const cuts[] = {"的", "文稿", "关于", "文化"};
	size_t n = strlen(h);
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		const char *p = strstr(h, cuts[i]);
		/* Not at the start: a label keeps at least one character. */
		if (p && p > h && (size_t)(p - h) < n)
			n = (size_t)(p - h);
	}
	return n;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The column of (kind, heading), added when new; SIZE_MAX when out of
 * memory. */
static size_t column(struct overview *o, size_t *cap, const char *kind,
		     const char *heading)
{
	for (size_t i = 0; i < o->n_cols; i++)
		if (same(o->cols[i].kind, kind) && same(o->cols[i].heading, heading))
			return i;
	struct overview_col *c = mem_room(o->cols, o->n_cols, cap, sizeof *c, 8);
	if (!c)
		return SIZE_MAX;
	o->cols = c;
	/* After the kind's other columns, so that a kind's stay together. */
	size_t at = o->n_cols;
	for (size_t i = o->n_cols; i-- > 0;)
		if (same(o->cols[i].kind, kind)) {
			at = i + 1;
			break;
		}
	memmove(&o->cols[at + 1], &o->cols[at], (o->n_cols - at) * sizeof *c);
	o->cols[at] = (struct overview_col){kind, heading,
					    heading ? short_label(heading) : 0};
	o->n_cols++;
	return at;
}

/* The average place of kind among the kinds of the topics that have it
 * (0 first), times 1000: the kinds go in the order the topics show them
 * (成员国文稿 before 在线磋商 before 建议/分析结果), not in the order the first
 * topic happens to have. */
static long kind_rank(const struct doc *d, const char *kind)
{
	long sum = 0, n = 0;
	for (size_t t = 0; t < d->n_topics; t++) {
		const struct doc_topic *tp = &d->topics[t];
		long place = 0;
		for (size_t i = 0; i < tp->n_inputs; i++) {
			if (doc_kind_group(tp, i) != i)
				continue;
			if (strcmp(tp->inputs[i].kind, kind) == 0) {
				sum += place;
				n++;
				break;
			}
			place++;
		}
	}
	return n ? sum * 1000 / n : 0;
}

/* The columns in kind_rank order, stably: a kind's columns stay together
 * and in their order (insertion sort: a handful of columns). */
static bool order_kinds(struct overview *o, const struct doc *d)
{
	long *rank = malloc((o->n_cols + 1) * sizeof *rank);
	if (!rank)
		return false;
	for (size_t c = 0; c < o->n_cols; c++)
		rank[c] = c && same(o->cols[c - 1].kind, o->cols[c].kind)
				  ? rank[c - 1]
				  : kind_rank(d, o->cols[c].kind);
	for (size_t i = 1; i < o->n_cols; i++) {
		struct overview_col col = o->cols[i];
		long r = rank[i];
		size_t j = i;
		for (; j > 0 && rank[j - 1] > r; j--) {
			o->cols[j] = o->cols[j - 1];
			rank[j] = rank[j - 1];
		}
		o->cols[j] = col;
		rank[j] = r;
	}
	free(rank);
	return true;
}

bool overview_build(struct overview *o, const struct doc *d)
{
	memset(o, 0, sizeof *o);
	size_t cap = 0;
	for (size_t t = 0; t < d->n_topics; t++)
		for (size_t i = 0; i < d->topics[t].n_inputs; i++) {
			const struct doc_input *in = &d->topics[t].inputs[i];
			for (size_t k = 0; k < in->n_blocks; k++)
				if (column(o, &cap, in->kind, in->blocks[k].heading) == SIZE_MAX)
					goto oom;
		}
	if (!order_kinds(o, d))
		goto oom;
	o->n_topics = d->n_topics;
	o->count = calloc(d->n_topics * o->n_cols + 1, sizeof *o->count);
	if (!o->count)
		goto oom;
	for (size_t t = 0; t < d->n_topics; t++)
		for (size_t i = 0; i < d->topics[t].n_inputs; i++) {
			const struct doc_input *in = &d->topics[t].inputs[i];
			for (size_t k = 0; k < in->n_blocks; k++)
				o->count[t * o->n_cols +
					 column(o, &cap, in->kind, in->blocks[k].heading)]++;
		}
	return true;
oom:
	overview_free(o);
	return false;
}

void overview_free(struct overview *o)
{
	free(o->cols);
	free(o->count);
	memset(o, 0, sizeof *o);
}

const char *overview_label(const struct overview *o, size_t c, size_t *len)
{
	const struct overview_col *col = &o->cols[c];
	if (col->heading) {
		*len = col->label_len;
		return col->heading;
	}
	bool alone = (c == 0 || !same(o->cols[c - 1].kind, col->kind)) &&
		     (c + 1 == o->n_cols || !same(o->cols[c + 1].kind, col->kind));
	const char *s = alone ? "" : "(未署名)";
	*len = strlen(s);
	return s;
}
