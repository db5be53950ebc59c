/* The load on a thread of its own (loading.h). */
#include "config.h"

#include "cwgview/loading.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/mem.h"

struct loading {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cond;
	char *path;
	/* Under mu: what the loader has handed over. */
	struct doc_topic *topics;
	size_t n, cap;
	struct doc header; /* the document's own fields as far as read */
	size_t done, total;
	bool ended, stop;
	size_t want; /* loading_wait_more waits for more than want topics */
	struct doc *result, *failed;
	struct load_error err;
	/* The browser's side: read by it alone. */
	struct doc live;
	size_t live_cap;
	enum loading_state state;
	bool oom;
};

/* The loader's thread: each topic into lg->topics. */
static bool take_topic(void *arg, const struct doc *d, const struct doc_topic *t,
		       size_t done, size_t total)
{
	struct loading *lg = arg;
	pthread_mutex_lock(&lg->mu);
	bool p = MEM_ROOM(lg->topics, lg->n, lg->cap, 64);
	if (p)
		lg->topics[lg->n++] = *t;
	else
		lg->oom = true;
	lg->header = *d;
	lg->done = done;
	lg->total = total;
	bool go_on = !lg->stop && p;
	if (lg->n == 1 || lg->n > lg->want)
		pthread_cond_broadcast(&lg->cond);
	pthread_mutex_unlock(&lg->mu);
	return go_on;
}

static void *load_thread(void *arg)
{
	struct loading *lg = arg;
	struct load_options opt;
	load_options_default(&opt);
	opt.on_topic = take_topic;
	opt.on_topic_arg = lg;
	struct doc *failed = NULL;
	opt.failed = &failed;
	struct load_error err;
	struct doc *d = load_file(lg->path, &opt, &err);
	pthread_mutex_lock(&lg->mu);
	lg->result = d;
	lg->failed = failed;
	lg->err = err;
	if (lg->oom && d) { /* the handing over ran out of memory */
		snprintf(lg->err.msg, sizeof lg->err.msg, _("out of memory"));
		lg->err.line = lg->err.column = 0;
		lg->failed = d;
		lg->result = NULL;
	}
	lg->ended = true;
	pthread_cond_broadcast(&lg->cond);
	pthread_mutex_unlock(&lg->mu);
	return NULL;
}

struct loading *loading_start(const char *path)
{
	struct loading *lg = calloc(1, sizeof *lg);
	if (!lg || !(lg->path = strdup(path))) {
		free(lg);
		return NULL;
	}
	pthread_mutex_init(&lg->mu, NULL);
	pthread_cond_init(&lg->cond, NULL);
	lg->state = LOADING_MORE;
	lg->want = SIZE_MAX;
	/* Signals stay with the main thread (SIGWINCH, SIGINT …). */
	sigset_t all, was;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &was);
	int rc = pthread_create(&lg->thread, NULL, load_thread, lg);
	pthread_sigmask(SIG_SETMASK, &was, NULL);
	if (rc != 0) {
		pthread_cond_destroy(&lg->cond);
		pthread_mutex_destroy(&lg->mu);
		free(lg->path);
		free(lg);
		return NULL;
	}
	return lg;
}

void loading_wait_first(struct loading *lg)
{
	pthread_mutex_lock(&lg->mu);
	while (!lg->ended && lg->n == 0)
		pthread_cond_wait(&lg->cond, &lg->mu);
	pthread_mutex_unlock(&lg->mu);
}

void loading_wait_more(struct loading *lg, size_t n)
{
	pthread_mutex_lock(&lg->mu);
	lg->want = n;
	while (!lg->ended && lg->n <= n)
		pthread_cond_wait(&lg->cond, &lg->mu);
	lg->want = SIZE_MAX;
	pthread_mutex_unlock(&lg->mu);
}

/* The document's own fields: the title may come after the topics. */
static void take_header(struct loading *lg, const struct doc *h)
{
	struct doc *l = &lg->live;
	l->format = h->format;
	l->title = h->title ? h->title : "";
	l->title_note = h->title_note;
	l->language = h->language;
	memcpy(l->columns, h->columns, sizeof l->columns);
}

enum loading_state loading_take(struct loading *lg, bool *grew)
{
	*grew = false;
	if (lg->state != LOADING_MORE)
		return lg->state;
	struct doc *l = &lg->live;
	pthread_mutex_lock(&lg->mu);
	size_t n = lg->n;
	bool p = true;
	while (p && lg->live_cap < n)
		p = MEM_ROOM(l->topics, lg->live_cap, lg->live_cap, 64);
	if (p) {
		*grew = n > l->n_topics;
		if (*grew) /* (no topics yet: both arrays may be NULL) */
			memcpy(l->topics + l->n_topics, lg->topics + l->n_topics,
			       (n - l->n_topics) * sizeof *l->topics);
		l->n_topics = n;
		take_header(lg, lg->ended && lg->result ? lg->result : &lg->header);
	}
	if (lg->ended)
		lg->state = lg->result && p ? LOADING_DONE : LOADING_FAILED;
	if (!p) {
		snprintf(lg->err.msg, sizeof lg->err.msg, _("out of memory"));
		lg->err.line = lg->err.column = 0;
		lg->state = LOADING_FAILED;
	}
	pthread_mutex_unlock(&lg->mu);
	return lg->state;
}

const struct doc *loading_live(const struct loading *lg)
{
	return &lg->live;
}

unsigned loading_percent(struct loading *lg)
{
	pthread_mutex_lock(&lg->mu);
	unsigned pct = lg->total ? (unsigned)(lg->done * 100 / lg->total) : 0;
	pthread_mutex_unlock(&lg->mu);
	return pct > 99 && lg->state == LOADING_MORE ? 99 : pct;
}

struct doc *loading_keep(struct loading *lg)
{
	if (lg->state != LOADING_DONE)
		return NULL;
	pthread_mutex_lock(&lg->mu);
	struct doc *d = lg->result;
	lg->result = NULL;
	pthread_mutex_unlock(&lg->mu);
	return d;
}

const struct load_error *loading_error(const struct loading *lg)
{
	return &lg->err;
}

void loading_free(struct loading *lg)
{
	if (!lg)
		return;
	pthread_mutex_lock(&lg->mu);
	lg->stop = true;
	pthread_mutex_unlock(&lg->mu);
	pthread_join(lg->thread, NULL);
	doc_free(lg->result);
	doc_free(lg->failed);
	free(lg->topics);
	free(lg->live.topics);
	pthread_cond_destroy(&lg->cond);
	pthread_mutex_destroy(&lg->mu);
	free(lg->path);
	free(lg);
}
