/* The overview (overview.c): which sources have inputs in which topics, as
 * a matrix: topics as rows; source kinds as columns, split by contributor
 * or report; in each cell the number of inputs (blocks) from it. */
#ifndef CWGVIEW_OVERVIEW_H
#define CWGVIEW_OVERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/buf.h"
#include "cwgview/doc.h"
#include "cwgview/render.h"

struct overview_col {
	const char *kind;    /* the source kind */
	const char *heading; /* the contributor or report, or NULL */
	size_t label_len;    /* bytes of heading in the short label (俄联邦) */
};

struct overview {
	struct overview_col *cols; /* in order of first appearance */
	size_t n_cols;
	size_t *count;             /* n_topics × n_cols, row by row */
	size_t n_topics;
};

/* Builds the overview of d; false when out of memory. */
bool overview_build(struct overview *o, const struct doc *d);
void overview_free(struct overview *o);
static inline size_t overview_count(const struct overview *o, size_t topic,
				    size_t col)
{
	return o->count[topic * o->n_cols + col];
}

/* The label of column c: its contributor's short label, or for a
 * column without one, "" when it is its kind's only column, else
 * "(未署名)"; *len its bytes. */
const char *overview_label(const struct overview *o, size_t c, size_t *len);

#endif
