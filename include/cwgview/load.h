/* Loading a cwgview document (docs/format.md) with libyaml's event API.
 *
 * The loader validates strictly and either returns a complete document or
 * NULL with one error and its position; it never returns a partial load. */
#ifndef CWGVIEW_LOAD_H
#define CWGVIEW_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/doc.h"

struct load_options {
	size_t max_bytes; /* larger inputs are refused before parsing */
	int max_depth;    /* mappings and sequences nested deeper are refused */
	/* For a browser that shows topics while the rest loads (on another
	 * thread): when set, called each time a topic is complete, with the
	 * document so far (its title, columns … as far as read), the topic
	 * (valid during the call only; its strings and arrays are d's and
	 * stay where they are) and how many bytes of how many libyaml has read
	 * (it reads ahead by up to 16 KiB: two topics may say the same).
	 * Nothing is complete until the load returns it: a later error
	 * still fails the load.  Returning false stops the load (it fails,
	 * "the load was stopped"). */
	bool (*on_topic)(void *arg, const struct doc *d,
			 const struct doc_topic *t, size_t done, size_t total);
	void *on_topic_arg;
	/* When set, a load that fails leaves the document so far here for
	 * the caller to free (doc_free) instead of freeing it itself: what
	 * on_topic handed out stays readable until then. */
	struct doc **failed;
};

#define LOAD_DEFAULT_MAX_BYTES ((size_t)128 << 20)
#define LOAD_DEFAULT_MAX_DEPTH 64

struct load_error {
	/* 1-based position of the problem; 0 when there is none (an
	 * unreadable file).  Columns count characters, not bytes. */
	unsigned long line, column;
	int sys_errno; /* set when the file could not be read */
	char msg[256];
};

void load_options_default(struct load_options *opt);

/* Loads PATH ("-" reads standard input).  opt may be NULL for defaults. */
struct doc *load_file(const char *path, const struct load_options *opt,
		      struct load_error *err);
struct doc *load_buffer(const char *data, size_t len,
			const struct load_options *opt,
			struct load_error *err);

#endif
