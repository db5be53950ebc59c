/* Searching a document: one matcher for the browser and `cwgview --search`.
 *
 * Matching is on folded text: both the document and the query go through
 * Unicode NFKC (ＣＷＧ－ＳＦＰ－１／８ is CWG-SFP-1/8), case folding (smart
 * case: a Latin upper-case letter in the query makes the search
 * case-sensitive), dash folding (every dash punctuation character and the
 * minus sign, - ‐ ‑ ‒ – — ― − － …, is '-') and, when cwgview is built with
 * OpenCC, traditional to simplified Chinese (國際電聯 is 国际电联).
 *
 * Folding is done one grapheme cluster at a time, so every byte of the
 * folded text belongs to exactly one cluster of the original, and a map
 * back puts each hit on whole original characters: what the user sees is
 * what gets highlighted (cwgview/fold.h does the folding).  The folded
 * text of the whole document is built once, by search_index_new(), when
 * the document is loaded.
 *
 * The index is read-only once built: search_run() never modifies it. */
#ifndef CWGVIEW_SEARCH_H
#define CWGVIEW_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/buf.h"
#include "cwgview/doc.h"

struct search_index;

/* Folds every field of every topic of d (doc_topic_fields() order).  d must
 * outlive the index.  NULL when out of memory. */
struct search_index *search_index_new(const struct doc *d);

/* A document searched a part at a time, as it loads (search_file.h): an
 * index of no topic yet, and its refill with topics[0..n), which are the
 * document's topics first to first + n - 1 (the hits' topic numbers).
 * A refill drops what the index held before; the folder, and with it
 * OpenCC, stays.  False when out of memory (the index is then empty).
 * Search a refilled index with search_run_more: search_run would take a
 * result of the same index before the refill for one it may narrow. */
struct search_index *search_index_new_part(void);
bool search_index_refill(struct search_index *ix,
			 const struct doc_topic *topics, size_t first, size_t n);
void search_index_free(struct search_index *ix);

/* True when traditional Chinese folds to simplified: cwgview was built with
 * OpenCC and its t2s tables could be opened.  They are opened by absolute
 * path, from OpenCC's data directory as found at configure time
 * (OPENCC_DATADIR in config.h), never from the current directory. */
bool search_index_folds_traditional(const struct search_index *ix);

/* Why traditional folding is off although cwgview was built with OpenCC:
 * one line naming the file and OpenCC's reason, for a warning (the core
 * prints nothing).  NULL when folding is on or OpenCC is not built in. */
const char *search_index_fold_problem(const struct search_index *ix);

/* Number of fields in the index (every string of every topic). */
size_t search_index_fields(const struct search_index *ix);

enum { SEARCH_REGEX = 1 }; /* flags */

struct search_hit {
	size_t topic;  /* index into d->topics */
	enum doc_role role; /* the field's: DOC_ROLE_TITLE, INPUT, GUIDANCE */
	enum doc_field_kind kind;
	long input;        /* input row index or -1 */
	const char *field; /* the model string (pointer identity = layout span field) */
	size_t start, end; /* byte range of the hit in the ORIGINAL field string */
	/* A hit that runs from a list marker into its item's text, as the
	 * line shows them ("c.1 – 加强"): field is the marker, [start, end)
	 * its part up to the marker's end, and cont the text, whose bytes
	 * [0, cont_end) are the rest.  NULL for every other hit. */
	const char *cont;
	size_t cont_end;
};

struct search_state;

/* Hits kept by default: 64 MB of them.  A search finds and counts every
 * hit, but keeps at most max_hits (total says how many there were), so
 * that no query can make the matcher hold more memory than this. */
enum { SEARCH_MAX_HITS = 1000000 };

struct search_result {
	struct search_hit *hits;
	size_t n;          /* hits kept in hits[], at most max_hits */
	size_t total;      /* hits found: more than n when max_hits cut in */
	size_t max_hits;   /* SEARCH_MAX_HITS after init; 0 counts only */
	/* Asked about every millisecond of work (every MiB of text scanned,
	 * every 64 Ki candidates or regex matches) when not NULL: true
	 * abandons the search, which then returns false with cancelled set
	 * and 0 hits.  The browser asks whether a key is waiting. */
	bool (*cancel)(void *arg);
	void *cancel_arg;
	bool cancelled;
	/* How many fields the last search_run looked at: all of them for a
	 * fresh search, only those where the shorter query matched when it
	 * narrowed an earlier result. */
	size_t fields_searched;
	struct search_state *state; /* private: narrowing, reused buffers */
};

/* An empty result: no hits, max_hits SEARCH_MAX_HITS, no cancel. */
void search_result_init(struct search_result *r);
/* Frees the hits and the narrowing state; r is then empty, with its
 * max_hits and cancel kept. */
void search_result_free(struct search_result *r);

/* Runs query; when r holds the result of an earlier query that the new one
 * extends (same index, same flags, not regex), only the places where the
 * shorter one matched are searched (unless there were more than 4 Mi such
 * places: then the text is scanned again).  An empty query gives 0 hits.
 * Returns false with a one-line message in err for a bad regex, a regex
 * with a back-reference or with repetitions that regcomp would copy
 * beyond a bounded size (x{1,30000}, x+++…) or compile in long time
 * ((x?)++, more than 16 of * ? {0,m} and anchors), a query that is not
 * valid UTF-8, out of memory,
 * or a search abandoned by r->cancel; r then holds 0 hits.
 *
 * Hits are in document order: topic, then doc_topic_fields() order, then
 * start offset; within a field they do not overlap (leftmost first, as
 * grep -o).  Each hit covers whole characters of the original field.
 * A list marker and its text are searched as the line shows them, the
 * marker, one space, the text: a literal query with a space in it can
 * run from one into the other (search_hit.cont); a regular expression
 * matches within one string.
 *
 * In regex mode (SEARCH_REGEX) the query is a POSIX extended regular
 * expression matched against the folded text of each field (REG_NEWLINE:
 * one line at a time); its non-ASCII characters are folded like the text,
 * and the same smart case applies.  Empty matches are not hits.
 * Back-references (\1 … \9, a glibc extension to POSIX ERE) are refused:
 * glibc matches them by backtracking, in exponential time and memory.  The
 * rest runs in glibc's automaton, one line at a time, with no
 * backtracking and 8 bytes of state per byte of the line; but a pattern
 * whose every attempt scans to the end of a long line without matching
 * ((a|b)*c in a line of a's) takes time quadratic in the line's length,
 * and cancel is only asked between regexec calls. */
bool search_run(const struct search_index *ix, const char *query,
		unsigned flags, struct search_result *r, char *err,
		size_t errsize);

/* search_run over one part of a document (search_index_refill): the hits
 * are added after those already in r, which keeps its total counting on
 * and its max_hits for the whole document; nothing is narrowed.  On
 * false, r holds 0 hits. */
bool search_run_more(const struct search_index *ix, const char *query,
		     unsigned flags, struct search_result *r, char *err,
		     size_t errsize);

/* Smart case: true when the query as typed holds a Latin upper-case
 * letter (A-Z, Ｕ, É …). */
bool search_is_case_sensitive(const char *query);

/* Appends the folded form of s[0..n) to out, as the index folds the
 * document (fold_case: also fold letter case).  For tests and for showing
 * what a query is matched as.  False when s is not valid UTF-8 or out of
 * memory. */
bool search_fold(const struct search_index *ix, const char *s, size_t n,
		 bool fold_case, struct buf *out);

#endif
