/* Text utilities on libunistring: validation, control characters made
 * visible, display width as ncursesw draws it, and UAX #14 line breaking.
 *
 * "What is drawn" is decided in one place, text_uc_visible(): a control
 * character is drawn as ^X (two columns), a C1 control or a character the
 * terminal cannot draw as U+FFFD.  Every width in cwgview comes from
 * text_uc_width(), which agrees with it, and curses is told the same
 * widths (text_terminal_width, src/tui/wcwidth.c). */
#ifndef CWGVIEW_TEXT_H
#define CWGVIEW_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cwgview/buf.h"

/* True when s[0..n) is valid UTF-8; otherwise *bad (if not NULL) is the
 * byte offset of the first invalid sequence. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);

/* How many columns the terminal gives the East Asian Ambiguous characters
 * (– • “ ” … · § ─ │ U+FFFD): 1, as most terminals and C.UTF-8 do, or 2,
 * as terminals set for CJK do (PuTTY's CJK option, xterm -cjk_width, vim's
 * ambiwidth=double).  Every width below follows it.  Set it once, before
 * anything is measured; the default is 1. */
void text_set_ambiguous_width(int w);
int text_ambiguous_width(void);

/* The columns a terminal gives uc, as wcwidth() answers: -1 for a control
 * character, 0 for NUL and zero-width characters.  (What curses is told.) */
int text_terminal_width(uint32_t uc);

/* Display width of one code point as drawn (after sanitising). */
int text_uc_width(uint32_t uc);

/* The bytes drawn for one code point: writes at most 4 bytes + NUL into out
 * and returns its width. */
int text_uc_visible(uint32_t uc, char out[8]);

/* Display width of s[0..n) as drawn.  Invalid bytes count as U+FFFD. */
int text_width(const char *s, size_t n);

/* Appends s[0..n) to b with every control character made visible and every
 * invalid byte replaced by U+FFFD. */
void text_sanitize(struct buf *b, const char *s, size_t n);

/* Decodes one character at s (n > 0 bytes left); invalid bytes decode as
 * U+FFFD of length 1.  Returns the byte length. */
int text_next(const char *s, size_t n, uint32_t *uc);

/* Bytes as a terminal sends them, one read at a time, put together into
 * characters.  A byte that cannot be UTF-8 here (Alt with 8-bit meta sends
 * 0xFF, a Latin-1 terminal é as 0xE9, a GB18030 one 中 as 0xD6 0xD0) is set
 * aside in bad and is never part of a character: the bytes after it are
 * read afresh, so "\xE5j" gives j.  Start from an all-zero struct. */
struct text_feed {
	uint8_t pend[4];  /* the start of a character */
	size_t n_pend;
	uint8_t bad[8];   /* the first bad bytes since n_bad was last 0 */
	size_t n_bad;     /* how many were bad (more than bad holds, maybe) */
};

/* Takes one byte; true when it completes a character, in *uc.  False
 * when the character needs more bytes or the byte was bad. */
bool text_feed_byte(struct text_feed *f, uint8_t byte, uint32_t *uc);

/* The rest of a begun character is not coming (a function key came, or
 * nothing came for a while): its bytes are bad. */
void text_feed_flush(struct text_feed *f);

/* One output line of text_wrap: bytes [start, end) of the input, with
 * trailing spaces and the line break itself left out. */
struct text_line {
	size_t start, end;
	int width;
};

/* Breaks s[0..n) into lines at UAX #14 break opportunities so that the
 * first line is at most first_width columns wide and every other line at
 * most rest_width.  A newline forces a break.  A word too wide for a line is
 * broken between grapheme clusters; a wide character never straddles the
 * edge.  Only a single character wider than the whole line (a wide character
 * with width 1) can exceed it.  keep, when not NULL, has n flags: keep[i]
 * set forbids a break before s[i] (inside a document number, say) unless
 * nothing else fits.  Returns the number of lines (at least 1) and a
 * malloc'd array in *lines, or 0 when out of memory. */
size_t text_wrap(const char *s, size_t n, int first_width, int rest_width,
		 const bool *keep, struct text_line **lines);

/* Marks the Latin tokens of s[0..n) that read as one but that UAX #14
 * would break at a hyphen or a slash: ASCII letters and digits joined by
 * - / or . (CWG-SFP-1/11, 2024-2027, COVID-19, a.2.1).  keep[i] is set
 * (never cleared) for every byte i inside such a token, as text_wrap's
 * keep wants: no break before s[i]. */
void text_keep_tokens(const char *s, size_t n, bool *keep);

/* Appends data[0..n) in base64 (RFC 4648, with padding): what OSC 52
 * carries, so that nothing of the text reaches the terminal as it is. */
void text_base64(struct buf *out, const void *data, size_t n);

/* Joins in place the lines of text that a terminal or a PDF wrapped (text
 * pasted into the search prompt): each line break (LF, CR, CR LF, NEL,
 * U+2028, U+2029) goes, with the spaces and tabs around it.  Between two
 * characters where neither is wide (CJK) and the first is no hyphen, a
 * space takes its place: 加速器⏎实验室 is 加速器实验室, CWG-⏎SFP is
 * CWG-SFP, strategic⏎plan is "strategic plan"; a break at either end
 * goes.  Returns the new length; *at (may be NULL), an index into s,
 * moves with the text around it. */
size_t text_unwrap(uint32_t *s, size_t n, size_t *at);

#endif
