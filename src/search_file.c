/* --search in one pass (search_file.h). */
#include "config.h"

#include "cwgview/search_file.h"

#include <stdio.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/loading.h"

/* Topics searched at a time: fewer and the two threads would wake each
 * other for every topic; the bundled document's topics are 3 KB. */
enum { BATCH = 64 };

static void query_failed(struct search_file *sf, const char *why)
{
	if (why)
		snprintf(sf->err, sizeof sf->err, "%s", why);
	sf->query_failed = true;
	sf->r.n = sf->r.total = 0;
}

/* Folds and searches the live document's topics from done on. */
static void search_batch(struct search_file *sf, struct search_index *ix,
			 const struct doc *live, size_t done, const char *query,
			 unsigned flags)
{
	if (sf->query_failed || live->n_topics <= done)
		return;
	if (!search_index_refill(ix, live->topics + done, done,
				 live->n_topics - done))
		query_failed(sf, _("out of memory"));
	else if (!search_run_more(ix, query, flags, &sf->r, sf->err,
				  sizeof sf->err))
		query_failed(sf, NULL);
}

/* When no thread can start: the whole file, then the search. */
static bool search_whole(struct search_file *sf, struct search_index *ix,
			 const char *path, const char *query, unsigned flags)
{
	sf->doc = load_file(path, NULL, &sf->load);
	if (sf->doc)
		search_batch(sf, ix, sf->doc, 0, query, flags);
	return sf->doc && !sf->query_failed;
}

bool search_file(struct search_file *sf, const char *path, const char *query,
		 unsigned flags)
{
	sf->doc = NULL;
	memset(&sf->load, 0, sizeof sf->load);
	sf->query_failed = false;
	sf->err[0] = sf->fold_problem[0] = '\0';
	struct search_index *ix = search_index_new_part();
	if (!ix) {
		query_failed(sf, _("out of memory"));
		return false;
	}
	const char *why = search_index_fold_problem(ix);
	if (why)
		snprintf(sf->fold_problem, sizeof sf->fold_problem, "%s", why);
	struct loading *lg = loading_start(path);
	if (!lg) {
		bool ok = search_whole(sf, ix, path, query, flags);
		search_index_free(ix);
		return ok;
	}
	enum loading_state state = LOADING_MORE;
	for (size_t done = 0; state == LOADING_MORE;) {
		loading_wait_more(lg, done + BATCH - 1);
		bool grew;
		state = loading_take(lg, &grew);
		const struct doc *live = loading_live(lg);
		search_batch(sf, ix, live, done, query, flags);
		done = live->n_topics;
	}
	search_index_free(ix);
	if (state == LOADING_DONE)
		sf->doc = loading_keep(lg);
	else
		sf->load = *loading_error(lg);
	loading_free(lg);
	return sf->doc && !sf->query_failed;
}
