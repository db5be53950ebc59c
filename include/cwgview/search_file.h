/* `cwgview --search` in one pass: the file is parsed on a thread of its
 * own (loading.h) while this one folds and searches each batch of topics
 * as it comes, so that the two run on two processors at once, and no
 * index of the whole document is ever built: a batch's index is dropped
 * once it is searched, and the loader gives back the file's bytes as it
 * parses them.  What is in memory at the end is the model and the hits.
 * All or nothing: the hits are the caller's only once the whole file has
 * loaded. */
#ifndef CWGVIEW_SEARCH_FILE_H
#define CWGVIEW_SEARCH_FILE_H

#include <stdbool.h>

#include "cwgview/doc.h"
#include "cwgview/load.h"
#include "cwgview/search.h"

struct search_file {
	/* Set by the caller before search_file: r initialised, its
	 * max_hits as wanted (0 counts only). */
	struct search_result r;
	/* The whole document when it loaded (the hits point into it), for
	 * the caller to free with doc_free; NULL when the load failed, and
	 * load says why. */
	struct doc *doc;
	struct load_error load;
	/* The query was refused (a bad regex, not UTF-8) or the search ran
	 * out of memory: err says so, and r holds no hit. */
	bool query_failed;
	char err[256];
	/* Why traditional Chinese does not fold, as
	 * search_index_fold_problem says, or "". */
	char fold_problem[512];
};

/* Loads path ("-": standard input) and runs query with flags (search.h)
 * over it; true when both went well.  Hits and total are those that
 * search_run would give on the whole document. */
bool search_file(struct search_file *sf, const char *path, const char *query,
		 unsigned flags);

#endif
