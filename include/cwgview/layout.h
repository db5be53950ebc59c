/* Laying out a topic as lines of a given display width.
 *
 * This is the one piece of code that decides where Chinese text wraps: the
 * browser draws these lines and `--print --format text` prints them, so what
 * prints is what shows.  Each line is a list of spans; a span points into a
 * string of the model (field != NULL) or at a literal label, so a search hit
 * in a model string maps straight onto the screen. */
#ifndef CWGVIEW_LAYOUT_H
#define CWGVIEW_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cwgview/doc.h"

enum lay_style {
	LAY_PLAIN,
	LAY_TITLE,    /* topic number and title */
	LAY_RULE,     /* the line under the title */
	LAY_KIND,     /* source kind heading: 成员国文稿 … */
	LAY_HEADING,  /* contributor or report */
	LAY_DOCNUM,   /* CWG-SFP document number */
	LAY_SEP,      /* separators between the above */
	LAY_MARKER,   /* list marker: – • i) 1.2.1 … */
	LAY_TEXT,     /* item text */
	LAY_LABEL,    /* the guidance label */
	LAY_N_STYLES
};

struct lay_span {
	const char *s;     /* bytes to draw, not NUL-terminated */
	size_t len;
	const char *field; /* the model string s points into, or NULL */
	uint8_t style;
};

struct lay_line {
	size_t first_span;
	uint32_t n_spans;
	uint16_t indent; /* blank columns before the first span */
	int16_t input;   /* index of the input row, or -1 */
	int width;       /* columns used, indent included */
};

/* Which parts of a topic to lay out. */
enum {
	LAY_PART_TITLE = 1,
	LAY_PART_INPUTS = 2,
	LAY_PART_GUIDANCE = 4,
	LAY_PART_GUIDANCE_LABEL = 8,
	LAY_PART_ALL = 15
};

struct layout {
	struct lay_line *lines;
	size_t n_lines, cap_lines;
	struct lay_span *spans;
	size_t n_spans, cap_spans;
	int width;
	bool oom;
	char number[24]; /* the topic number as text, for the title line */
};

void layout_init(struct layout *L);
void layout_free(struct layout *L);

/* Lays out topic t of d at the given width (at least 1), replacing what L
 * held.  Returns false when out of memory. */
bool layout_topic(struct layout *L, const struct doc *d,
		  const struct doc_topic *t, unsigned parts, int width);

/* Appends line i of L to b as plain text: indent, then each span with
 * control characters made visible.  No newline. */
struct buf;
void layout_line_text(const struct layout *L, size_t i, struct buf *b);

#endif
