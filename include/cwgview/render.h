/* Formatting topics for output: text (laid out by layout.h, so it matches
 * the browser), markdown, and JSON.  The JSON is itself a cwgview document,
 * so `cwgview --print all --format json` can be loaded again. */
#ifndef CWGVIEW_RENDER_H
#define CWGVIEW_RENDER_H

#include <stdbool.h>

#include "cwgview/buf.h"
#include "cwgview/doc.h"
#include "cwgview/search.h"

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

/* --print overview: which sources have inputs in which topics, as text
 * aligned by display width (· for none), a markdown table or JSON; false
 * when out of memory or for pdf. */
bool render_overview(struct buf *b, const struct doc *d, enum render_format f,
		     int width);

/* A citation of input row in of topic t, as a delegate writes one: its
 * document numbers, its contributor or report in （）, the label of the
 * item holding item_field (may be NULL), and the topic:
 *   CWG-SFP-1/5（普华永道关于区域代表处的报告）1.3.2，主题 3 国际电联是一家 */
bool render_citation(struct buf *b, const struct doc_topic *t,
		     const struct doc_input *in, const char *item_field);

/* The row's own text: each block's heading, then its items (marker, a
 * space, the text), nested items two spaces in, a line each. */
bool render_input_text(struct buf *b, const struct doc_input *in);

/* The --list table: number, title and number of inputs per topic. */
bool render_list(struct buf *b, const struct doc *d);

/* The --check summary of a loaded document, one line without newline. */
bool render_summary(struct buf *b, const struct doc *d);

/* The --search output: one line per hit,
 *   topic N TITLE › PANE › SOURCE: …context with the hit marked…
 * PANE is 标题 or the document's column label (输入, CWG-SFP指导意见);
 * SOURCE, for inputs only, is the row's kind and the contributor or report
 * of the block the hit is in.  The context is a window of the field around
 * the hit, on one line, with mark_open and mark_close around the hit.
 * Text from the document is sanitised. */
bool render_hits(struct buf *b, const struct doc *d,
		 const struct search_hit *hits, size_t n,
		 const char *mark_open, const char *mark_close);

#endif
