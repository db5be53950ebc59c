/* Using a document while it loads: the loader runs on a thread of its own
 * and hands over each topic as it completes (load.h's on_topic); the
 * browser, at each turn of its loop, and --search, as it folds and
 * searches, take what has come into a document of their own
 * (loading_live), whose topics grow and are never changed otherwise.
 * Nothing is complete until the load is: a later error ends the browser
 * with the loader's one line, and --search with it alone. */
#ifndef CWGVIEW_LOADING_H
#define CWGVIEW_LOADING_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/doc.h"
#include "cwgview/load.h"

struct loading;

enum loading_state { LOADING_MORE, LOADING_DONE, LOADING_FAILED };

/* Starts loading path ("-": standard input); NULL when no thread could
 * start (then load it whole instead). */
struct loading *loading_start(const char *path);
/* Waits until the first topic has come or the load has ended. */
void loading_wait_first(struct loading *lg);
/* Waits until more than n topics have come or the load has ended. */
void loading_wait_more(struct loading *lg, size_t n);
/* Takes what has come since the last call into the live document; *grew
 * when there are more topics. */
enum loading_state loading_take(struct loading *lg, bool *grew);
/* The document as far as taken: complete once loading_take said
 * LOADING_DONE. */
const struct doc *loading_live(const struct loading *lg);
/* How much of the file is parsed, 0 to 100. */
unsigned loading_percent(struct loading *lg);
/* Why it failed (LOADING_FAILED). */
const struct load_error *loading_error(const struct loading *lg);
/* The loaded document, once loading_take said LOADING_DONE, for the
 * caller to free (doc_free); loading_free then leaves it.  Its topics are
 * the live document's, in the same order, with the same strings. */
struct doc *loading_keep(struct loading *lg);
/* Stops the load if it is still running, waits for its thread and frees
 * everything, the live document too. */
void loading_free(struct loading *lg);

#endif
