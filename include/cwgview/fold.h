/* Folding text for search: what search.h's matcher compares.
 *
 * Unicode NFKC, case folding (or not: fold_case), every dash and the
 * minus sign to '-', and, when cwgview is built with OpenCC and its t2s
 * tables open, traditional to simplified Chinese one character at a time.
 * Text is folded one grapheme cluster at a time, and a map of anchors
 * gives, for each folded byte, the original bytes it came from, so a hit
 * found in folded text covers whole original characters.  While the index
 * is built, case marks record where the case-kept fold differs from the
 * case-folded one.
 *
 * Part of the core: nothing here prints or exits.  fold.c calls nothing
 * of search.c; search.c folds through it. */
#ifndef CWGVIEW_FOLD_H
#define CWGVIEW_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cwgview/buf.h"

/* The folds of the code points seen so far, and OpenCC's t2s converter. */
struct folder;

/* A folder with no folds kept yet; its t2s tables opened when cwgview is
 * built with OpenCC (opened by absolute path: see search.h).  NULL when
 * out of memory. */
struct folder *folder_new(void);
void folder_free(struct folder *f);

/* True when traditional Chinese folds to simplified. */
bool folder_folds_traditional(const struct folder *f);
/* Why it does not although cwgview was built with OpenCC, in one line;
 * NULL when it does or OpenCC is not built in. */
const char *folder_problem(const struct folder *f);

/* How the case-kept fold of some text differs from its case-folded fold. */
enum fold_case_diff {
	FOLD_CASE_SAME,    /* both folds are the same bytes */
	FOLD_CASE_UPPER,   /* same length; some ASCII letters are upper case */
	FOLD_CASE_COMPLEX  /* anything else: ß and ss, É and é … */
};

/* How the case-kept fold kept[0..kn) differs from the case-folded fold
 * folded[0..fn); *mask gets the upper-case byte positions
 * (FOLD_CASE_UPPER). */
enum fold_case_diff fold_case_diff(const uint8_t *folded, size_t fn,
				   const uint8_t *kept, size_t kn,
				   uint64_t *mask);

/* One cluster whose fold is not a single code point of its own length:
 * folded bytes [f, f+flen) came from original bytes [o, o+olen).  Between
 * anchors folded and original bytes correspond one to one. */
struct fold_anchor {
	uint32_t f, o;
	uint16_t flen, olen;
};

struct fold_map {
	struct fold_anchor *v;
	size_t n, cap;
};

/* Where the case-folded text of the index differs from the case-kept fold:
 * the positions of letters that are upper case there, and the clusters
 * that differ in any other way.  With them a case-sensitive query is
 * checked on the folded text alone, without reading the model's strings
 * (a cache miss each, ten milliseconds for the 90,000 places where a
 * query starting with CWG matches the bench corpus). */
struct fold_span {
	uint32_t start, end;
};

struct fold_marks {
	uint32_t *upper;
	size_t n_upper, cap_upper;
	struct fold_span *complex;
	size_t n_complex, cap_complex;
};

/* What fold_string folds with and into. */
struct fold_ctx {
	const struct folder *f;
	/* The same folder while the index is built, so new code points are
	 * kept; NULL while searching, when the index is read-only. */
	struct folder *fill;
	bool fold_case;
	struct buf *out;
	struct fold_map *map; /* NULL when no map is wanted */
	struct fold_marks *marks; /* while building the index only */
};

/* Folds str[0..n), which must be valid UTF-8, one grapheme cluster at a
 * time, onto c->out (NUL-terminated), with anchors onto c->map and case
 * marks onto c->marks when they are not NULL: their folded positions are
 * offsets in c->out, their original ones offsets in str.  False when out
 * of memory or when an offset does not fit the map. */
bool fold_string(struct fold_ctx *c, const char *str, size_t n);

/* ---- the map back: inline, as the matcher maps every hit ---- */

/* Whether anchor x lies before folded position p (a hit's start, or with
 * is_end its end). */
static inline bool fold_map_before(const struct fold_anchor *x, size_t p,
				   bool is_end)
{
	return is_end ? x->f < p : x->f <= p;
}

/* fold_map_back once the anchors before p are known: the first lo of them. */
static inline size_t fold_map_at(const struct fold_anchor *a, size_t lo,
				 size_t base, size_t p, bool is_end)
{
	if (lo == 0)
		return p - base;
	const struct fold_anchor *x = &a[lo - 1];
	size_t fend = (size_t)x->f + x->flen, oend = (size_t)x->o + x->olen;
	if (is_end ? p <= fend : p < fend)
		return is_end ? oend : x->o;
	return oend + (p - fend);
}

/* The original offset of folded position p, whose text starts at folded
 * position base in the anchors' coordinates; a[0..na) are the text's
 * anchors.  A hit's start inside a folded cluster moves to the cluster's
 * start, its end to the cluster's end, so a hit always covers whole
 * original characters. */
static inline size_t fold_map_back(const struct fold_anchor *a, size_t na,
				   size_t base, size_t p, bool is_end)
{
	size_t lo = 0, hi = na;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fold_map_before(&a[mid], p, is_end))
			lo = mid + 1;
		else
			hi = mid;
	}
	return fold_map_at(a, lo, base, p, is_end);
}

/* fold_map_back for a hit [p, pe) when hits come in order: *cur counts the
 * anchors known to lie before the last hit's start, so the search goes on
 * from there instead of starting over (a field has few anchors between
 * two hits; a binary search per hit cost a tenth of a one-key search). */
static inline void fold_map_next(const struct fold_anchor *a, size_t na,
				 size_t *cur, size_t base, size_t p, size_t pe,
				 size_t *os, size_t *oe)
{
	size_t lo = *cur;
	while (lo < na && fold_map_before(&a[lo], p, false))
		lo++;
	*cur = lo;
	*os = fold_map_at(a, lo, base, p, false);
	/* Every anchor at or before p is before pe > p: go on from lo. */
	size_t le = lo;
	while (le < na && fold_map_before(&a[le], pe, true))
		le++;
	*oe = fold_map_at(a, le, base, pe, true);
}

#endif
