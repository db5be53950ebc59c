#include "cwgview/text.h"

#include "cwgview/mem.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

/* Widths are libunistring's for plain UTF-8, where East Asian Ambiguous
 * characters (– • “ ” … · § ─ │) are narrow, as the C library's wcwidth()
 * has them in a UTF-8 locale.  ncursesw measures with wcwidth(), which the
 * browser answers with text_terminal_width() (src/tui/wcwidth.c), so that
 * curses and cwgview agree by construction. */
static const char width_encoding[] = "UTF-8";

/* 1, or 2 for a terminal that draws the ambiguous characters wide. */
static int ambiguous_width = 1;

void text_set_ambiguous_width(int w)
{
	ambiguous_width = w == 2 ? 2 : 1;
}

int text_ambiguous_width(void)
{
	return ambiguous_width;
}

/* Whether a terminal set for CJK draws uc (narrow in UTF-8) two columns
 * wide.  libunistring answers for a CJK encoding, where every narrow
 * character from U+00A1 to U+FF60 is wide; of those, only Latin, Greek,
 * Cyrillic and the common punctuation and symbols hold East Asian
 * Ambiguous ones (Unicode's EastAsianWidth.txt), so the other scripts
 * (Hebrew, Arabic, Thai, Devanagari …) stay narrow.  U+FFFD, which the
 * CJK encodings lack, and private use characters are ambiguous as well.
 * Where libunistring cannot tell, this is not Unicode's list: Latin,
 * Greek and Cyrillic letters that Unicode calls neutral (â, ä, À; some
 * 4,200 of them) count as wide, and the parenthesized and circled letters
 * of U+1F100…U+1F1AC as narrow.  None is in the bundled document. */
static bool wide_ambiguous(uint32_t uc)
{
	if (uc == 0xFFFD || uc_is_general_category(uc, UC_CATEGORY_Co))
		return true; /* and private use, on every plane */
	if (uc_width(uc, "GBK") != 2)
		return false;
	const uc_script_t *sc = uc_script(uc);
	if (!sc)
		return false;
	static const char *const scripts[] = {"Common", "Latin", "Greek", "Cyrillic"};
	for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++)
		if (strcmp(sc->name, scripts[i]) == 0)
			return true;
	return false;
}

/* The columns of uc, whose libunistring width in plain UTF-8 is w, with
 * the ambiguous ones as the terminal has them. */
static int columns(uint32_t uc, int w)
{
	if (w == 1 && uc >= 0xA1 && ambiguous_width == 2 && wide_ambiguous(uc))
		return 2;
	return w;
}

int text_terminal_width(uint32_t uc)
{
	if (uc == 0)
		return 0;
	if (uc < 0x20 || (uc >= 0x7F && uc < 0xA0))
		return -1;
	return columns(uc, uc_width(uc, width_encoding));
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

bool text_valid_utf8(const char *s, size_t n, size_t *bad)
{
	const uint8_t *p = u8_check((const uint8_t *)s, n);
	if (!p)
		return true;
	if (bad)
		*bad = (size_t)(p - (const uint8_t *)s);
	return false;
}

int text_next(const char *s, size_t n, uint32_t *uc)
{
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)s, n);
	*uc = c;
	return k > 0 ? k : 1;
}

static void feed_bad(struct text_feed *f, uint8_t byte)
{
	if (f->n_bad < sizeof f->bad)
		f->bad[f->n_bad] = byte;
	f->n_bad++;
}

void text_feed_flush(struct text_feed *f)
{
	for (size_t i = 0; i < f->n_pend; i++)
		feed_bad(f, f->pend[i]);
	f->n_pend = 0;
}

bool text_feed_byte(struct text_feed *f, uint8_t byte, uint32_t *uc)
{
	for (;;) {
		f->pend[f->n_pend++] = byte;
		/* u8_mbtoucr, unlike mblen, tells a sequence cut short (-2)
		 * from one that can never be UTF-8 (-1); surrogates and
		 * overlong forms are -1. */
		ucs4_t c;
		int k = u8_mbtoucr(&c, f->pend, f->n_pend);
		if (k > 0) {
			f->n_pend = 0;
			*uc = c;
			return true;
		}
		if (k == -2) /* at most three bytes: a fourth always decides */
			return false;
		if (f->n_pend == 1) {
			f->n_pend = 0;
			feed_bad(f, byte);
			return false;
		}
		/* What came before began a character this byte does not
		 * continue: that is bad, and this byte starts again. */
		f->n_pend--;
		text_feed_flush(f);
	}
}

static bool is_caret_control(uint32_t uc)
{
	return uc < 0x20 || uc == 0x7F;
}

/* Drawn as U+FFFD, one column:
 * - C1 controls and anything libunistring calls non-printable, which the
 *   terminal would interpret or drop;
 * - unassigned code points and noncharacters, to which libunistring gives
 *   a width while the C library, and so ncursesw, calls them unprintable
 *   (and a terminal with newer tables draws them its own way);
 * - format characters that are drawn although libunistring gives them no
 *   width (the Arabic number signs U+0600…, which glibc draws one column
 *   wide): Cf, width 0 and not default-ignorable;
 * - the bidi embedding, override and isolate controls, with which a
 *   document could reorder what a bidi-aware terminal shows.
 * w is libunistring's width of uc, which every caller needs as well. */
static bool is_replaced(uint32_t uc, int w)
{
	if (uc >= 0x80 && uc < 0xA0)
		return true;
	if (uc == 0x2028 || uc == 0x2029) /* line/paragraph separators */
		return true;
	if ((uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069))
		return true;
	if (w < 0 || uc_is_general_category(uc, UC_CATEGORY_Cn))
		return true;
	return w == 0 && uc_is_general_category(uc, UC_CATEGORY_Cf) &&
	       !uc_is_property_default_ignorable_code_point(uc);
}

/* Not drawn at all: the soft hyphen, which is invisible except where a
 * word is hyphenated (libunistring gives it no width; glibc, and so
 * ncursesw, would draw it as a column). */
static bool is_dropped(uint32_t uc)
{
	return uc == 0xAD;
}

int text_uc_width(uint32_t uc)
{
	if (is_caret_control(uc))
		return 2;
	int w = uc_width(uc, width_encoding);
	/* U+FFFD, drawn instead, is ambiguous. */
	return is_replaced(uc, w) ? ambiguous_width : columns(uc, w);
}

int text_uc_visible(uint32_t uc, char out[8])
{
	if (is_dropped(uc)) {
		out[0] = '\0';
		return 0;
	}
	if (is_caret_control(uc)) {
		out[0] = '^';
		out[1] = (char)(uc == 0x7F ? '?' : uc + 0x40);
		out[2] = '\0';
		return 2;
	}
	int w = uc_width(uc, width_encoding);
	int k = is_replaced(uc, w) ? 0 : u8_uctomb((uint8_t *)out, uc, 6);
	if (k <= 0) {
		memcpy(out, replacement, sizeof replacement);
		return ambiguous_width; /* U+FFFD is ambiguous */
	}
	out[k] = '\0';
	return columns(uc, w);
}

int text_width(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) { /* printable ASCII */
			w++;
			i++;
			continue;
		}
		uint32_t uc;
		i += (size_t)text_next(s + i, n - i, &uc);
		w += text_uc_width(uc);
	}
	return w;
}

void text_sanitize(struct buf *b, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* Copy runs of characters that need no change in one go. */
		size_t run = i;
		while (run < n) {
			unsigned char c = (unsigned char)s[run];
			if (c >= 0x20 && c < 0x7F) {
				run++;
				continue;
			}
			if (c < 0x80)
				break;
			uint32_t uc;
			int k = u8_mbtouc(&uc, (const uint8_t *)s + run, n - run);
			if (k <= 0 || uc == 0xFFFD || is_dropped(uc) ||
			    is_replaced(uc, uc_width(uc, width_encoding)))
				break;
			run += (size_t)k;
		}
		if (run > i)
			buf_add(b, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		uint32_t uc;
		int k = text_next(s + i, n - i, &uc);
		char vis[8];
		text_uc_visible(uc, vis);
		buf_adds(b, vis);
		i += (size_t)k;
	}
}

struct linevec {
	struct text_line *v;
	size_t n, cap;
};

static bool push_line(struct linevec *lv, const char *s, size_t start,
		      size_t end)
{
	struct text_line *p = mem_room(lv->v, lv->n, &lv->cap, sizeof *p, 8);
	if (!p)
		return false;
	lv->v = p;
	lv->v[lv->n].start = start;
	lv->v[lv->n].end = end;
	lv->v[lv->n].width = text_width(s + start, end - start);
	lv->n++;
	return true;
}

size_t text_wrap(const char *s, size_t n, int first_width, int rest_width,
		 const bool *keep, struct text_line **lines)
{
	struct linevec lv = {NULL, 0, 0};
	char *brk = malloc(n ? n : 1);
	char *gb = NULL; /* grapheme starts, computed on first forced break */
	if (!brk)
		return 0;
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
	for (size_t i = 0; i < n; i++) {
		/* Only LF (or CR LF) ends a line.  NEL, LS, PS, VT, FF and a lone
		 * CR are control characters here: shown visibly, not obeyed. */
		if (brk[i] == UC_BREAK_MANDATORY && s[i] != '\n')
			brk[i] = UC_BREAK_POSSIBLE;
		if (keep && keep[i] && brk[i] == UC_BREAK_POSSIBLE)
			brk[i] = UC_BREAK_PROHIBITED;
	}
	size_t pos = 0;
	bool first = true;
	for (;;) {
		int limit = first ? first_width : rest_width;
		if (limit < 1)
			limit = 1;
		size_t i = pos, end, next_start, last_bp = pos;
		bool done = false;
		int col = 0;
		for (;;) {
			if (i >= n) {
				end = next_start = n;
				done = true;
				break;
			}
			if (brk[i] == UC_BREAK_MANDATORY ||
			    brk[i] == UC_BREAK_CR_BEFORE_LF) {
				uint32_t uc;
				end = i;
				next_start = i + (size_t)text_next(s + i, n - i, &uc);
				if (brk[i] == UC_BREAK_CR_BEFORE_LF && next_start < n)
					next_start++;
				break;
			}
			if (i > pos && brk[i] == UC_BREAK_POSSIBLE)
				last_bp = i;
			uint32_t uc;
			int k = text_next(s + i, n - i, &uc);
			int w = text_uc_width(uc);
			if (col + w > limit && uc != ' ') {
				if (last_bp > pos) {
					end = next_start = last_bp;
					break;
				}
				/* No break opportunity fits: break inside the
				 * word, but between grapheme clusters. */
				if (!gb) {
					gb = malloc(n);
					if (!gb)
						goto oom;
					u8_grapheme_breaks((const uint8_t *)s, n, gb);
				}
				size_t b = i;
				while (b > pos && !gb[b])
					b--;
				if (b == pos)
					b = i > pos ? i : i + (size_t)k;
				end = next_start = b;
				break;
			}
			col += w;
			i += (size_t)k;
		}
		while (end > pos && s[end - 1] == ' ')
			end--;
		if (!push_line(&lv, s, pos, end))
			goto oom;
		if (done || next_start >= n)
			break;
		pos = next_start;
		first = false;
	}
	free(brk);
	free(gb);
	*lines = lv.v;
	return lv.n;
oom:
	free(brk);
	free(gb);
	free(lv.v);
	*lines = NULL;
	return 0;
}

static bool is_break(uint32_t uc)
{
	return uc == '\n' || uc == '\r' || uc == 0x85 || uc == 0x2028 || uc == 0x2029;
}

static bool is_blank(uint32_t uc)
{
	return uc == ' ' || uc == '\t';
}

/* Whether a line break between a and b is nothing rather than a space. */
static bool joins_tight(uint32_t a, uint32_t b)
{
	return uc_width(a, "UTF-8") == 2 || uc_width(b, "UTF-8") == 2 ||
	       a == '-' || a == 0x2010 /* hyphen */;
}

size_t text_unwrap(uint32_t *s, size_t n, size_t *at)
{
	size_t out = 0, moved = at ? *at : 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && (is_blank(s[j]) || is_break(s[j])))
			j++;
		bool broken = false;
		for (size_t k = i; k < j && !broken; k++)
			broken = is_break(s[k]);
		if (!broken) {
			if (at && i == *at)
				moved = out;
			s[out++] = s[i++];
			continue;
		}
		/* The run of blanks and breaks s[i, j): one space or none. */
		if (out > 0 && j < n && !joins_tight(s[out - 1], s[j]))
			s[out++] = ' ';
		if (at && *at >= i && *at < j)
			moved = out;
		i = j;
	}
	if (at) {
		if (*at >= n)
			moved = out;
		*at = moved;
	}
	return out;
}

static bool is_alnum_ascii(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void text_keep_tokens(const char *s, size_t n, bool *keep)
{
	for (size_t i = 0; i < n;) {
		if (!is_alnum_ascii(s[i])) {
			i++;
			continue;
		}
		size_t start = i, end = i, joins = 0;
		for (;;) {
			while (end < n && is_alnum_ascii(s[end]))
				end++;
			if (end + 1 < n && (s[end] == '-' || s[end] == '/' || s[end] == '.') &&
			    is_alnum_ascii(s[end + 1])) {
				end++;
				joins++;
				continue;
			}
			break;
		}
		if (joins)
			for (size_t k = start + 1; k < end; k++)
				keep[k] = true;
		i = end;
	}
}

void text_base64(struct buf *out, const void *data, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		char q[4] = {digits[v >> 18 & 63], digits[v >> 12 & 63],
			     i + 1 < n ? digits[v >> 6 & 63] : '=',
			     i + 2 < n ? digits[v & 63] : '='};
		buf_add(out, q, 4);
	}
}
