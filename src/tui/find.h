/* Search in the browser (find.c): / ? n N u, incremental, on a second
 * thread's index. */
#ifndef CWGVIEW_TUI_FIND_H
#define CWGVIEW_TUI_FIND_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include "cwgview/search.h"
#include "tui/frame.h"
#include "tui/pane.h"
#include "tui/prompt.h"

struct tui;


struct find_pos {
	size_t topic, seq, off; /* seq: place in doc_topic_fields() order */
};

struct find_runs;

struct find {
	/* Built by a second thread from the start (find_index_start); the
	 * first search takes it over, waiting for what is left to do. */
	struct search_index *ix;
	pthread_t builder;
	bool building;
	bool warned;     /* about traditional folding being off */
	struct search_result res;
	/* res was abandoned for a key (res.cancelled) or waits for the
	 * index: find_resume runs it again once no key is waiting. */
	bool stale;
	/* Enter came while the index was still being built: the search of
	 * waiting runs, and its first hit is shown, once it is. */
	bool enter_waits;
	char waiting[PROMPT_MAX * 4 + 1];
	unsigned long gen; /* counts changes of res, for runs */
	struct find_runs *runs; /* the text panes' topic's runs of hits */
	char query[PROMPT_MAX * 4 + 1];
	char prev[PROMPT_MAX * 4 + 1]; /* the last accepted query */
	unsigned flags;
	bool backward;   /* the search was ? */
	bool highlight;  /* u toggles */
	/* The hit n and N are at, -1 for none.  n and N go on from it
	 * while it is on the screen, else from where the user is. */
	long current, prev_current;

	struct {
		struct place at;
		bool maximised;
		struct find_pos pos;
	} origin;        /* where the search began, for Esc */
};

/* The hits hits[first, first+n) of a topic's hits are those of field. */
struct find_run {
	const char *field;
	size_t first, n;
};

/* The hits of one topic, for drawing; with runs (sorted by field
 * pointer) when find.c has them, so that a piece of text finds its hits
 * in two binary searches. */
struct find_hl {
	const struct search_hit *hits;
	size_t n;
	const struct search_hit *current;
	const struct find_run *runs; /* NULL: draw.c walks the hits' runs */
	size_t n_runs;
};

/* find.c: / ? n N u */
void find_start(struct tui *t, bool backward);
void find_next(struct tui *t, bool reverse);
/* Shows hit i of the last search, the current one from now. */
void find_go(struct tui *t, size_t i);
/* +/PATTERN: searches for query as / would and shows its first hit from
 * where the browser is (or says there is none). */
void find_open(struct tui *t, const char *query);
void find_toggle(struct tui *t);
/* "/query k/N" for the status line; *none when nothing matched. */
bool find_status(const struct tui *t, char *buf, size_t size, bool *none);
bool find_highlights(struct tui *t, size_t topic, struct find_hl *hl);
/* Runs the prompt's search again if a key abandoned it and none is
 * waiting now (the loop calls it before reading each event); true when
 * it did. */
bool find_resume(struct tui *t);
/* True while a search waits for the index (typed, or Enter pressed): the
 * loop then wakes now and then to run it (find_resume) once it is built. */
bool find_waiting(const struct tui *t);
void find_history_load(struct tui *t);
/* Starts building the search index in the background. */
void find_index_start(struct tui *t);
void find_free(struct tui *t);
/* The document shown has changed (&): the index is built again for it
 * and the last search run again on it. */
void find_reset(struct tui *t);

#endif
