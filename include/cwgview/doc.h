/* The document model: a read-only tree built by the loader.
 *
 * A document has topics; a topic has input rows and the working group's
 * guidance (a merged cell in the original table, so it belongs to the topic,
 * not to a row).  An input row has a source kind, CWG-SFP document numbers
 * and one or more blocks; a block may name the contributor or report it
 * comes from (its heading) and holds list items, which may nest.
 *
 * Every string is valid UTF-8 without NUL bytes and lives in the document's
 * arena; nothing in the tree is freed separately. */
#ifndef CWGVIEW_DOC_H
#define CWGVIEW_DOC_H

#include <stdbool.h>
#include <stddef.h>

struct doc_item {
	const char *marker; /* "–", "•", "i)", "1.2.1", "c.1 –"…, or NULL */
	const char *text;
	struct doc_item *items; /* nested list (供考虑的方案：, a) b) …) */
	size_t n_items;
	/* The topics the item refers to in its own words ("另请参见下文区域代表处
	 * 问题…"), by number; the text stays as written. */
	const long *see;
	size_t n_see;
};

struct doc_block {
	const char *heading; /* contributor or report, or NULL */
	struct doc_item *items;
	size_t n_items;
};

struct doc_input {
	const char *kind; /* 成员国文稿 / 在线磋商 / 建议/分析结果 … */
	const char **documents;
	size_t n_documents;
	struct doc_block *blocks;
	size_t n_blocks;
};

struct doc_topic {
	long number;
	const char *title;
	struct doc_input *inputs;
	size_t n_inputs;
	struct doc_item *guidance;
	size_t n_guidance;
};

enum doc_column {
	DOC_COL_SOURCE,
	DOC_COL_INPUT,
	DOC_COL_DOCUMENTS,
	DOC_COL_GUIDANCE,
	DOC_N_COLUMNS
};

struct doc_arena;

struct doc {
	const char *format;
	const char *title;
	const char *title_note; /* may be NULL */
	const char *language;   /* may be NULL */
	const char *columns[DOC_N_COLUMNS]; /* never NULL: defaults apply */
	struct doc_topic *topics;
	size_t n_topics;
	struct doc_arena *arena;
};

/* The default column labels, used when a file leaves them out. */
const char *doc_default_column(enum doc_column col);

/* An empty document with its own arena, or NULL when out of memory. */
struct doc *doc_new(void);
void doc_free(struct doc *d);

/* Arena allocation: memory lives until doc_free.  NULL when out of memory. */
void *doc_alloc(struct doc *d, size_t size);
char *doc_strndup(struct doc *d, const char *s, size_t n);

const struct doc_topic *doc_topic_by_number(const struct doc *d, long number);
/* Index of the topic in d->topics, or -1. */
long doc_topic_index(const struct doc *d, long number);

/* The index of the one topic that spec names ("7", "007"), or -1 with a
 * one-line reason in err ("no topic 77 (topics are 1 to 10)"). */
long doc_find_topic(const struct doc *d, const char *spec, char *err,
		    size_t errsize);

/* Whether input row in cites document number: the same after NFKC and
 * case folding (ＣＷＧ－ＳＦＰ－１／８ and cwg-sfp-1/8 are CWG-SFP-1/8). */
bool doc_input_cites(const struct doc_input *in, const char *number);

/* A view of d: each input row with only the blocks keep() says yes to,
 * the rows that keep one, and the topics that keep a row; with guidance
 * false, no topic's guidance.  Its strings are d's own (the same
 * pointers), so d must outlive it; free it with doc_free.  NULL when out
 * of memory. */
struct doc *doc_view(const struct doc *d,
		     bool (*keep)(const struct doc_input *in,
				  const struct doc_block *bl, const void *arg),
		     const void *arg, bool guidance);

/* Whether NAME is part of the row's kind or of the block's heading (the
 * contributor or report), after NFKC and case folding: the sources of
 * --source (俄联邦, 在线磋商, 麦肯锡, dalberg). */
bool doc_block_from(const struct doc_input *in, const struct doc_block *bl,
		    const char *name);

size_t doc_count_inputs(const struct doc *d);
/* Number of document-number entries over all input rows. */
size_t doc_count_document_refs(const struct doc *d);

/* The strings of a topic in the order the browser shows them: the title;
 * then, for each source kind in order of first appearance, the kind and
 * its rows (each row: the heading when the row has exactly one headed
 * block, its document numbers, then per block the heading when there are
 * several, and the items depth first, marker before text); then the
 * guidance items.  layout.c lays out in this order and search.c reports hits
 * in it; tests/unit/test_layout.c checks that they agree.  Each field has
 * a role: what part of the topic it belongs to. */
enum doc_role { DOC_ROLE_TITLE, DOC_ROLE_INPUT, DOC_ROLE_GUIDANCE };

enum doc_field_kind {
	DOC_FIELD_TITLE,
	DOC_FIELD_KIND,
	DOC_FIELD_HEADING,
	DOC_FIELD_DOCUMENT,
	DOC_FIELD_MARKER,
	DOC_FIELD_TEXT
};

struct doc_field {
	const char *s;
	enum doc_role role;
	enum doc_field_kind kind;
	long input; /* index of the input row, -1 for title and guidance */
};

/* Calls fn for each field; stops early and returns false when fn does. */
bool doc_topic_fields(const struct doc_topic *t,
		      bool (*fn)(const struct doc_field *f, void *arg),
		      void *arg);

/* True when the row's heading is shown in its header line (exactly one
 * block, and it has a heading) rather than above its block. */
bool doc_input_heading_in_header(const struct doc_input *in);

/* Index of the first input row of t whose kind equals t->inputs[i].kind:
 * rows are grouped under the first row of their kind. */
size_t doc_kind_group(const struct doc_topic *t, size_t i);

/* Parse a topic selection: "all", "N", "N-M", or a comma list of those.
 * Numbers are topic numbers.  On success sets selected[i] for each chosen
 * topic index (the array has d->n_topics entries) and returns true; on error
 * writes a one-line message into err and returns false. */
bool doc_select(const struct doc *d, const char *spec, bool *selected,
		char *err, size_t errsize);

#endif
