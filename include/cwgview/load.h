/* Loading a cwgview document (docs/format.md) with libyaml's event API.
 *
 * The loader validates strictly and either returns a complete document or
 * NULL with one error and its position; it never returns a partial load. */
#ifndef CWGVIEW_LOAD_H
#define CWGVIEW_LOAD_H

#include <stddef.h>

#include "cwgview/doc.h"

struct load_options {
	size_t max_bytes; /* larger inputs are refused before parsing */
	int max_depth;    /* mappings and sequences nested deeper are refused */
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
