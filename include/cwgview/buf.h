/* Growable byte buffer used by the core to build output without printing.
 * Functions never abort: on allocation failure the buffer remembers it
 * (b->oom) and later additions are ignored, so callers check once. */
#ifndef CWGVIEW_BUF_H
#define CWGVIEW_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data; /* always NUL-terminated when len > 0 or after buf_addc */
	size_t len;
	size_t cap;
	bool oom;
};

#define BUF_INIT { NULL, 0, 0, false }

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
/* Makes room for n more bytes, so that a long run of additions does not
 * reallocate as it goes.  False (and b->oom) when out of memory. */
bool buf_reserve(struct buf *b, size_t n);
bool buf_add(struct buf *b, const void *p, size_t n);
bool buf_adds(struct buf *b, const char *s);
bool buf_addc(struct buf *b, char c);
bool buf_addn(struct buf *b, char c, size_t count);
bool buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Returns the contents as a malloc'd NUL-terminated string (never NULL
 * unless out of memory) and leaves the buffer empty. */
char *buf_steal(struct buf *b);

#endif
