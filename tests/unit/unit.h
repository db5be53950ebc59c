/* Shared helpers for the cmocka unit tests. */
#ifndef CWGVIEW_TEST_UNIT_H
#define CWGVIEW_TEST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unistr.h>

#include "cwgview/doc.h"
#include "cwgview/load.h"

/* The source tree, as make check exports it (top_srcdir, as for the shell
 * tests): no build path is compiled into a test. */
static inline const char *unit_srcdir(void)
{
	const char *dir = getenv("top_srcdir");
	if (!dir || !*dir) {
		fprintf(stderr, "top_srcdir is not set: run through make check\n");
		exit(1);
	}
	return dir;
}

/* The bundled document, loaded from the source tree. */
static inline struct doc *unit_bundled(void)
{
	struct load_error err;
	char path[4096];
	snprintf(path, sizeof path, "%s/data/cwgsfp.yaml", unit_srcdir());
	struct doc *d = load_file(path, NULL, &err);
	if (!d)
		fail_msg("bundled data: %lu:%lu: %s", err.line, err.column,
			 err.msg);
	return d;
}

/* A whole file from the source tree, NUL-terminated; *len gets its size. */
static inline char *unit_read(const char *relpath, size_t *len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", unit_srcdir(), relpath);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	size_t k;
	while ((k = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n - 1 == 0) {
			cap *= 2;
			s = realloc(s, cap);
		}
	}
	fclose(f);
	s[n] = '\0';
	if (len)
		*len = n;
	return s;
}

#endif
