/* libFuzzer target for the matcher: a query (literal or POSIX ERE, chosen
 * by the first byte) against the bundled document, or against a document
 * of the input's own (after a NUL byte) when that loads.  Checks what every
 * caller relies on: each hit lies inside its field, on whole UTF-8
 * characters, hits of a field are in order and do not overlap (a hit
 * that runs from a marker into its text counts in both), and a
 * query narrowed from a shorter one (the browser's incremental search)
 * gives exactly the hits of a fresh search.  Run by tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cwgview/doc.h"
#include "cwgview/load.h"
#include "cwgview/search.h"

#ifndef FUZZ_DATA
#error "FUZZ_DATA: the path of data/cwgsfp.yaml"
#endif

static struct doc *bundled;
static struct search_index *bundled_ix;

static int boundary(const char *s, size_t at)
{
	return ((unsigned char)s[at] & 0xC0) != 0x80;
}

static void check_hits(const struct doc *d, const struct search_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct search_hit *h = &r->hits[i];
		size_t len = strlen(h->field);
		if (h->topic >= d->n_topics || h->start >= h->end || h->end > len ||
		    !boundary(h->field, h->start) || (h->end < len && !boundary(h->field, h->end)))
			abort();
		if (i > 0 && r->hits[i - 1].field == h->field &&
		    r->hits[i - 1].end > h->start)
			abort();
		/* A hit from a marker into its text: to the marker's end,
		 * then whole characters of the text, before its next hit. */
		if (h->cont && (h->end != len || h->kind != DOC_FIELD_MARKER ||
				h->cont_end == 0 || h->cont_end > strlen(h->cont) ||
				(h->cont[h->cont_end] && !boundary(h->cont, h->cont_end))))
			abort();
		if (i > 0 && r->hits[i - 1].cont == h->field &&
		    r->hits[i - 1].cont_end > h->start)
			abort();
		if (i > 0 && r->hits[i - 1].topic > h->topic)
			abort();
	}
}

static void same_hits(const struct search_result *a, const struct search_result *b)
{
	if (a->n != b->n)
		abort();
	for (size_t i = 0; i < a->n; i++)
		if (a->hits[i].field != b->hits[i].field ||
		    a->hits[i].start != b->hits[i].start || a->hits[i].end != b->hits[i].end ||
		    a->hits[i].cont != b->hits[i].cont || a->hits[i].cont_end != b->hits[i].cont_end)
			abort();
}

static void search_doc(const struct doc *d, const struct search_index *ix,
		       const char *query, unsigned flags)
{
	char err[256];
	struct search_result fresh, narrowed;
	search_result_init(&fresh);
	search_result_init(&narrowed);
	if (search_run(ix, query, flags, &fresh, err, sizeof err)) {
		check_hits(d, &fresh);
		/* Typed one byte shorter first, then the whole query, into one
		 * kept result, as the prompt does. */
		size_t n = strlen(query);
		if (!(flags & SEARCH_REGEX) && n > 1) {
			char *shorter = strndup(query, n - 1);
			if (shorter && search_run(ix, shorter, flags, &narrowed, err, sizeof err) &&
			    search_run(ix, query, flags, &narrowed, err, sizeof err))
				same_hits(&fresh, &narrowed);
			free(shorter);
		}
	}
	search_result_free(&fresh);
	search_result_free(&narrowed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!bundled) {
		struct load_error e;
		bundled = load_file(FUZZ_DATA, NULL, &e);
		if (!bundled || !(bundled_ix = search_index_new(bundled)))
			abort();
	}
	if (size < 1)
		return 0;
	unsigned flags = data[0] & 1 ? SEARCH_REGEX : 0;
	const char *rest = (const char *)data + 1;
	size_t n = size - 1;
	const char *nul = memchr(rest, '\0', n);
	size_t qlen = nul ? (size_t)(nul - rest) : n;
	/* A query is what someone types: at most 256 bytes of it. */
	char *query = strndup(rest, qlen > 256 ? 256 : qlen);
	if (!query)
		return 0;
	search_doc(bundled, bundled_ix, query, flags);
	if (nul) {
		struct load_error e;
		struct doc *d = load_buffer(nul + 1, n - qlen - 1, NULL, &e);
		struct search_index *ix = d ? search_index_new(d) : NULL;
		if (ix)
			search_doc(d, ix, query, flags);
		search_index_free(ix);
		doc_free(d);
	}
	free(query);
	return 0;
}
