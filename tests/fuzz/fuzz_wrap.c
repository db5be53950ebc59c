/* libFuzzer target for the UAX #14 wrapper: any bytes of valid UTF-8 (the
 * loader refuses the rest), at widths taken from the input.  Checks that
 * no line is wider than asked unless it is a single grapheme cluster wider
 * than the whole line, that lines start and end on whole characters (a wide
 * character is never split), that they are in order, that only spaces and
 * line breaks (LF, CR LF) are left out between them, and that each line's width is
 * what text_width says.  Run by tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include "cwgview/text.h"

static int boundary(const char *s, size_t n, size_t at)
{
	return at == n || ((unsigned char)s[at] & 0xC0) != 0x80;
}

/* s[start, end) is one grapheme cluster (a base and its combining marks,
 * an emoji sequence): the most a line may hold when it is too wide. */
static int one_cluster(const char *s, size_t start, size_t end)
{
	const uint8_t *p = (const uint8_t *)s;
	return start < end && u8_grapheme_next(p + start, p + end) == p + end;
}

/* What may be left out between lines: spaces, and the line break, LF or
 * CR LF. */
static int dropped(const char *s, size_t n, size_t k)
{
	return s[k] == ' ' || s[k] == '\n' || (s[k] == '\r' && k + 1 < n && s[k + 1] == '\n');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	int first = 1 + data[0] % 120, rest = 1 + data[1] % 120;
	const char *s = (const char *)data + 2;
	size_t n = size - 2;
	if (!text_valid_utf8(s, n, NULL) || memchr(s, '\0', n))
		return 0;
	/* Every third byte of the input, where odd, forbids a break before
	 * it: the keep flags of a document number. */
	bool *keep = calloc(n ? n : 1, sizeof *keep);
	if (!keep)
		return 0;
	for (size_t i = 0; i < n; i++)
		keep[i] = i % 3 == 0 && (s[i] & 1);
	struct text_line *tl = NULL;
	size_t nl = text_wrap(s, n, first, rest, data[0] & 0x80 ? keep : NULL, &tl);
	if (nl == 0)
		abort(); /* only out of memory, which the fuzzer does not cause */
	size_t pos = 0;
	for (size_t i = 0; i < nl; i++) {
		int limit = i == 0 ? first : rest;
		const struct text_line *l = &tl[i];
		if (l->start < pos || l->end < l->start || l->end > n ||
		    !boundary(s, n, l->start) || !boundary(s, n, l->end))
			abort();
		for (size_t k = pos; k < l->start; k++)
			if (!dropped(s, n, k))
				abort();
		if (l->width != text_width(s + l->start, l->end - l->start))
			abort();
		if (l->width > limit && !one_cluster(s, l->start, l->end))
			abort();
		pos = l->end;
	}
	for (size_t k = pos; k < n; k++)
		if (!dropped(s, n, k))
			abort();
	free(tl);
	free(keep);
	return 0;
}
