/* Formatting topics for output: text (laid out by layout.h, so it matches
 * the browser), markdown, and JSON.  The JSON is itself a cwgview document,
 * so `cwgview --print all --format json` can be loaded again. */
#ifndef CWGVIEW_RENDER_H
#define CWGVIEW_RENDER_H

#include <stdbool.h>

#include "cwgview/buf.h"
#include "cwgview/doc.h"

enum render_format {
	RENDER_TEXT,
	RENDER_MARKDOWN,
	RENDER_JSON,
	RENDER_PDF
};

/* "text", "markdown" (or "md"), "json", "pdf". */
bool render_format_parse(const char *name, enum render_format *f);
const char *render_format_name(enum render_format f);

/* Appends the topics d->topics[i] with selected[i] set, in document order.
 * width applies to text only.  Returns false when out of memory or when the
 * format is not one of text, markdown and json. */
bool render_topics(struct buf *b, const struct doc *d, const bool *selected,
		   enum render_format f, int width);

/* The --list table: number, title and number of inputs per topic. */
bool render_list(struct buf *b, const struct doc *d);

/* The --check summary of a loaded document, one line without newline. */
bool render_summary(struct buf *b, const struct doc *d);

#endif
