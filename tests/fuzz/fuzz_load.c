/* libFuzzer target for the core: load any bytes, and when they load, lay
 * out and render every topic (text at a width taken from the input,
 * markdown, json), load the JSON back, and search it.  Not part of make
 * check; run by hand (see README, "Fuzzing"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cwgview/buf.h"
#include "cwgview/doc.h"
#include "cwgview/layout.h"
#include "cwgview/load.h"
#include "cwgview/render.h"
#include "cwgview/search.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_error err;
	struct doc *d = load_buffer((const char *)data, size, NULL, &err);
	if (!d)
		return 0;
	bool *sel = calloc(d->n_topics, 1);
	for (size_t i = 0; i < d->n_topics; i++) sel[i] = 1;
	struct buf b = BUF_INIT;
	render_topics(&b, d, sel, RENDER_TEXT, 1 + (int)(size % 50));
	render_topics(&b, d, sel, RENDER_MARKDOWN, 80);
	render_topics(&b, d, sel, RENDER_JSON, 80);
	struct load_error e2;
	/* Whatever was rendered must never crash the loader either. */
	struct doc *d2 = load_buffer(b.data, b.len, NULL, &e2);
	doc_free(d2);
	struct search_index *ix = search_index_new(d);
	if (ix) {
		struct search_result r; search_result_init(&r);
		char e[128];
		const char *qs[] = {"a", "ab", "国", "国际", "-", "Ａ"};
		for (size_t q = 0; q < 6; q++) search_run(ix, qs[q], 0, &r, e, sizeof e);
		search_run(ix, "a.*b", SEARCH_REGEX, &r, e, sizeof e);
		search_result_free(&r);
		search_index_free(ix);
	}
	buf_free(&b);
	free(sel);
	doc_free(d);
	return 0;
}
