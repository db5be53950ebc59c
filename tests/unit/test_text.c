/* The text utilities: validation, visible control characters, widths as
 * ncursesw draws them, and UAX #14 wrapping of Chinese. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "unit.h"

#include "cwgview/buf.h"
#include "cwgview/text.h"

static void test_valid_utf8(void **state)
{
	(void)state;
	size_t bad = 99;
	assert_true(text_valid_utf8("国际电联 ITU", strlen("国际电联 ITU"), &bad));
	assert_false(text_valid_utf8("ab\xff", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_valid_utf8("中\xe6\x96", 5, &bad)); /* truncated */
	assert_int_equal(bad, 3);
	assert_false(text_valid_utf8("\xc0\x80", 2, &bad)); /* overlong NUL */
	assert_int_equal(bad, 0);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(text_width("中文", strlen("中文")), 4);
	assert_int_equal(text_width("\u3000", 3), 2);           /* U+3000 */
	assert_int_equal(text_width("–•“”", strlen("–•“”")), 4); /* ambiguous */
	assert_int_equal(text_width("，。：（）", strlen("，。：（）")), 10);
	assert_int_equal(text_width("a\x1b", 2), 3);   /* ^[ */
	assert_int_equal(text_width("\xc2\x85", 2), 1); /* C1 as U+FFFD */
	assert_int_equal(text_width("\xff", 1), 1);     /* invalid byte */
	assert_int_equal(text_width("e\xcc\x81", 3), 1); /* combining acute */
}

/* Feeds s[0..n) to f; the characters completed go to out (at most 8),
 * returns how many. */
static size_t feed(struct text_feed *f, const char *s, size_t n, uint32_t out[8])
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t uc;
		if (text_feed_byte(f, (uint8_t)s[i], &uc) && k < 8)
			out[k++] = uc;
	}
	return k;
}

static void test_feed_terminal_bytes(void **state)
{
	(void)state;
	uint32_t out[8];
	struct text_feed f = {0};
	/* A character split over reads comes out whole. */
	assert_int_equal(feed(&f, "\xe4\xb8", 2, out), 0);
	assert_int_equal(f.n_pend, 2);
	assert_int_equal(feed(&f, "\xad", 1, out), 1);
	assert_int_equal(out[0], 0x4E2D); /* 中 */
	assert_int_equal(feed(&f, "\xf0\x9f\x98\x80", 4, out), 1);
	assert_int_equal(out[0], 0x1F600);
	assert_int_equal(f.n_bad, 0);
	/* Alt with 8-bit meta: 0xFF is bad at once, j after it is j. */
	assert_int_equal(feed(&f, "\xffj", 2, out), 1);
	assert_int_equal(out[0], 'j');
	assert_int_equal(f.n_bad, 1);
	assert_int_equal(f.bad[0], 0xFF);
	assert_int_equal(f.n_pend, 0);
	/* A truncated sequence, and a Latin-1 é, before ASCII. */
	f = (struct text_feed){0};
	assert_int_equal(feed(&f, "\xe5" "j\xe9" "A", 4, out), 2);
	assert_int_equal(out[0], 'j');
	assert_int_equal(out[1], 'A');
	assert_int_equal(f.n_bad, 2);
	assert_int_equal(f.bad[0], 0xE5);
	assert_int_equal(f.bad[1], 0xE9);
	/* Two bytes of a character cut short: both bad, the third is read
	 * again. */
	f = (struct text_feed){0};
	assert_int_equal(feed(&f, "\xe5\xb8" "A", 3, out), 1);
	assert_int_equal(out[0], 'A');
	assert_int_equal(f.n_bad, 2);
	/* GB18030 中 (D6 D0): D0 cannot continue D6 and waits on its own;
	 * a flush (nothing more came) makes it bad too. */
	f = (struct text_feed){0};
	assert_int_equal(feed(&f, "\xd6\xd0", 2, out), 0);
	assert_int_equal(f.n_bad, 1);
	assert_int_equal(f.n_pend, 1);
	text_feed_flush(&f);
	assert_int_equal(f.n_pend, 0);
	assert_int_equal(f.n_bad, 2);
	assert_int_equal(f.bad[1], 0xD0);
	text_feed_flush(&f); /* nothing begun: nothing changes */
	assert_int_equal(f.n_bad, 2);
	/* A surrogate and an overlong NUL are not UTF-8 either. */
	f = (struct text_feed){0};
	assert_int_equal(feed(&f, "\xed\xa0\x80\xc0\x80j", 6, out), 1);
	assert_int_equal(out[0], 'j');
	assert_int_equal(f.n_bad, 5);
	/* More bad bytes than bad holds are still counted. */
	f = (struct text_feed){0};
	assert_int_equal(feed(&f, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xfe", 10, out), 0);
	assert_int_equal(f.n_bad, 10);
	assert_int_equal(f.bad[7], 0xFF);
}

static void sanitized(const char *in, size_t n, const char *expect)
{
	struct buf b = BUF_INIT;
	text_sanitize(&b, in, n);
	assert_non_null(b.data);
	assert_string_equal(b.data, expect);
	/* What is drawn is exactly as wide as what was measured. */
	assert_int_equal(text_width(b.data, b.len), text_width(in, n));
	buf_free(&b);
}

static void test_sanitize(void **state)
{
	(void)state;
	sanitized("a\x1b[31mb", 7, "a^[[31mb");
	sanitized("tab\there", 8, "tab^Ihere");
	sanitized("del\x7f", 4, "del^?");
	sanitized("nul\0x", 5, "nul^@x");
	sanitized("c1\xc2\x9b", 4, "c1\xEF\xBF\xBD");
	sanitized("bad\xff!", 5, "bad\xEF\xBF\xBD!");
	sanitized("ls\xe2\x80\xa8", 5, "ls\xEF\xBF\xBD"); /* U+2028 */
	sanitized("国际电联–“是一家”", strlen("国际电联–“是一家”"),
		  "国际电联–“是一家”");
	/* A soft hyphen is not drawn; an unassigned code point (U+1FAE8 in
	 * glibc 2.36), a noncharacter, a bidi override and an Arabic number
	 * sign become U+FFFD; a zero-width joiner stays (emoji need it). */
	sanitized("inter\xc2\xad" "national", 15, "international");
	assert_int_equal(text_width("inter\xc2\xad" "national", 15), 13);
	sanitized("\xf0\x9f\xab\xa8\xef\xbf\xbe", 7, "\xEF\xBF\xBD\xEF\xBF\xBD");
	sanitized("\xe2\x80\xae" "evil", 7, "\xEF\xBF\xBD" "evil");
	sanitized("\xd8\x80" "1", 3, "\xEF\xBF\xBD" "1");
	sanitized("a\xe2\x80\x8d" "b", 5, "a\xe2\x80\x8d" "b");
	/* Every bidi embedding, override and isolate control (U+202A-202E,
	 * U+2066-2069), each of which could reorder what a bidi-aware
	 * terminal shows, is U+FFFD, one column. */
	static const uint32_t bidi[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
					0x2066, 0x2067, 0x2068, 0x2069};
	for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
		uint8_t in[8];
		int k = u8_uctomb(in, bidi[i], 6);
		assert_int_equal(k, 3);
		in[k] = 'x';
		sanitized((const char *)in, (size_t)k + 1, "\xEF\xBF\xBD" "x");
		assert_int_equal(text_uc_width(bidi[i]), 1);
	}
}

/* Wraps and checks the invariants every caller relies on: no line wider
 * than asked, lines in order, and only spaces and line breaks dropped. */
static size_t wrap_checked(const char *s, int first, int rest,
			   struct text_line **out)
{
	size_t n = strlen(s);
	struct text_line *tl;
	size_t nl = text_wrap(s, n, first, rest, NULL, &tl);
	assert_true(nl >= 1);
	size_t pos = 0;
	for (size_t i = 0; i < nl; i++) {
		int limit = i == 0 ? first : rest;
		assert_true(tl[i].start >= pos);
		for (size_t k = pos; k < tl[i].start; k++)
			assert_true(s[k] == ' ' || s[k] == '\n');
		assert_true(tl[i].end >= tl[i].start);
		assert_int_equal(tl[i].width,
				 text_width(s + tl[i].start, tl[i].end - tl[i].start));
		assert_true(tl[i].width <= limit);
		pos = tl[i].end;
	}
	for (size_t k = pos; k < n; k++)
		assert_true(s[k] == ' ' || s[k] == '\n');
	*out = tl;
	return nl;
}

static void line_is(const char *s, const struct text_line *l, const char *expect)
{
	size_t n = l->end - l->start;
	assert_int_equal(n, strlen(expect));
	assert_memory_equal(s + l->start, expect, n);
}

static void test_wrap_chinese(void **state)
{
	(void)state;
	const char *s = "一二三四五六七八九十";
	struct text_line *tl;
	/* Width 7 fits three ideographs; the fourth never straddles. */
	size_t nl = wrap_checked(s, 7, 7, &tl);
	assert_int_equal(nl, 4);
	line_is(s, &tl[0], "一二三");
	line_is(s, &tl[3], "十");
	free(tl);
	/* Width 1 cannot hold an ideograph: each goes on its own line. */
	nl = text_wrap(s, strlen(s), 1, 1, NULL, &tl);
	assert_int_equal(nl, 10);
	free(tl);
}

static void test_wrap_ideographic_space(void **state)
{
	(void)state;
	/* U+3000 counts two columns. */
	const char *s = "甲\u3000乙\u3000丙";
	struct text_line *tl;
	/* UAX #14 breaks after U+3000, never before it; at two columns the
	 * second one does not fit on the first line. */
	size_t nl = wrap_checked(s, 6, 6, &tl);
	assert_int_equal(nl, 2);
	line_is(s, &tl[0], "甲\u3000");
	assert_int_equal(tl[0].width, 4);
	line_is(s, &tl[1], "乙\u3000丙");
	assert_int_equal(tl[1].width, 6);
	free(tl);
}

static void test_wrap_ambiguous_punctuation(void **state)
{
	(void)state;
	/* – and “ are one column each, so a width-8 line holds "–“国际电"
	 * (1+1+6); at two columns each it would hold only "–“国际".  ” and •
	 * stay with the character before them (UAX #14 LB19). */
	const char *s = "–“国际电联是一家”•概念";
	struct text_line *tl;
	size_t nl = wrap_checked(s, 8, 8, &tl);
	assert_int_equal(nl, 3);
	assert_int_equal(tl[0].width, 8);
	line_is(s, &tl[0], "–“国际电");
	line_is(s, &tl[2], "家”•概念");
	free(tl);
}

static void test_wrap_kinsoku(void **state)
{
	(void)state;
	/* UAX #14 keeps closing punctuation off the start of a line (below
	 * four columns an ideograph and its full stop cannot share one). */
	const char *s = "一二三。四五六，七八九）十";
	for (int w = 4; w <= 12; w++) {
		struct text_line *tl;
		size_t nl = wrap_checked(s, w, w, &tl);
		for (size_t i = 0; i < nl; i++) {
			const char *start = s + tl[i].start;
			assert_false(strncmp(start, "。", 3) == 0);
			assert_false(strncmp(start, "，", 3) == 0);
			assert_false(strncmp(start, "）", 3) == 0);
		}
		free(tl);
	}
}

static void test_wrap_latin_and_forced(void **state)
{
	(void)state;
	const char *s = "see CWG-SFP-1/11 and CWG-SFP-1/5";
	struct text_line *tl;
	size_t nl = wrap_checked(s, 20, 20, &tl);
	assert_int_equal(nl, 2);
	line_is(s, &tl[0], "see CWG-SFP-1/11 and");
	free(tl);
	/* A word longer than the line is broken inside, between
	 * characters, never past the width. */
	nl = wrap_checked("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 5, 5, &tl);
	assert_int_equal(nl, 6);
	free(tl);
	/* A combining mark stays with its base letter. */
	const char *comb = "aaaae\xcc\x81" "bbbb";
	nl = wrap_checked(comb, 5, 5, &tl);
	line_is(comb, &tl[0], "aaaae\xcc\x81");
	free(tl);
}

static void test_wrap_hanging_and_newline(void **state)
{
	(void)state;
	const char *s = "甲乙丙丁戊己庚辛";
	struct text_line *tl;
	size_t nl = wrap_checked(s, 8, 4, &tl);
	assert_int_equal(nl, 3);
	line_is(s, &tl[0], "甲乙丙丁");
	line_is(s, &tl[1], "戊己");
	free(tl);
	nl = wrap_checked("第一行\n第二行\n", 80, 80, &tl);
	assert_int_equal(nl, 2);
	line_is("第一行\n第二行\n", &tl[1], "第二行");
	free(tl);
	nl = wrap_checked("", 10, 10, &tl);
	assert_int_equal(nl, 1);
	assert_int_equal(tl[0].end, 0);
	free(tl);
}

/* The widths cwgview computes agree with what ncursesw draws (glibc's
 * wcwidth) for every character of the bundled document. */
static void test_widths_agree_with_wcwidth(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		skip();
	size_t n;
	char *s = unit_read("data/cwgsfp.yaml", &n);
	size_t i = 0, checked = 0;
	while (i < n) {
		uint32_t uc;
		int k = text_next(s + i, n - i, &uc);
		if (uc >= 0x20 && uc != 0x7f) {
			int w = wcwidth((wchar_t)uc);
			if (w != text_uc_width(uc))
				fail_msg("U+%04X: cwgview %d, wcwidth %d",
					 (unsigned)uc, text_uc_width(uc), w);
			checked++;
		}
		i += (size_t)k;
	}
	assert_true(checked > 10000);
	/* And the characters the rules single out. */
	const uint32_t probe[] = {0x3000, 0x2013, 0x2022, 0x201C, 0x201D,
				  0xFF08, 0xFF1A, 0x4E2D, 0xFFFD};
	for (size_t j = 0; j < sizeof probe / sizeof *probe; j++)
		assert_int_equal(text_uc_width(probe[j]), wcwidth((wchar_t)probe[j]));
	free(s);
}

/* A terminal set for CJK: the ambiguous characters two columns wide, and
 * nothing else changed. */
static void test_ambiguous_wide(void **state)
{
	(void)state;
	const uint32_t amb[] = {0xB7, 0x2013, 0x2022, 0x201C, 0x201D, 0x2026,
				0xA7, 0x2500, 0x2502, 0x250C, 0x25BD, 0xFFFD,
				0xE000, 0x410, 0x3B1};
	const uint32_t same[] = {'a', ' ', 0x4E2D, 0x3000, 0xFF08, 0x5D0,
				 0x627, 0xE01, 0x300, 0x200B};
	assert_int_equal(text_ambiguous_width(), 1);
	for (size_t i = 0; i < sizeof amb / sizeof *amb; i++)
		assert_int_equal(text_uc_width(amb[i]), 1);
	int was[sizeof same / sizeof *same];
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		was[i] = text_uc_width(same[i]);
	text_set_ambiguous_width(2);
	for (size_t i = 0; i < sizeof amb / sizeof *amb; i++) {
		if (text_uc_width(amb[i]) != 2)
			fail_msg("U+%04X is %d wide", (unsigned)amb[i], text_uc_width(amb[i]));
		assert_int_equal(text_terminal_width(amb[i]), 2);
	}
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		assert_int_equal(text_uc_width(same[i]), was[i]);
	/* What is drawn instead: ^A is ASCII; a C1 control is U+FFFD. */
	char vis[8];
	assert_int_equal(text_uc_visible(0x01, vis), 2);
	assert_int_equal(text_uc_visible(0x85, vis), 2);
	assert_string_equal(vis, "\xEF\xBF\xBD");
	assert_int_equal(text_terminal_width(0x01), -1);
	assert_int_equal(text_terminal_width(0), 0);
	assert_int_equal(text_width("输入 · 1", strlen("输入 · 1")), 9);
	/* Wrapped for it: four columns hold two of them. */
	struct text_line *lines;
	const char *dots = "······";
	size_t n = text_wrap(dots, strlen(dots), 4, 4, NULL, &lines);
	text_set_ambiguous_width(1);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(lines[i].width, 4);
	free(lines);
}

/* Every character of the bundled document is as wide, for a terminal set
 * for CJK, as Unicode's EastAsianWidth.txt says such a terminal draws it
 * (ambiguous: 2), read apart from libunistring. */
static void test_ambiguous_as_unicode_says(void **state)
{
	(void)state;
	FILE *f = fopen("/usr/share/unicode/EastAsianWidth.txt", "r");
	if (!f) {
		print_message("# skip: no /usr/share/unicode/EastAsianWidth.txt "
			      "(Debian package unicode-data; ./build.sh check installs it)\n");
		skip();
	}
	static bool is_amb[0x110000];
	char line[512];
	while (fgets(line, sizeof line, f)) {
		unsigned a, b;
		char cls[3];
		const char *semi = strchr(line, ';');
		if (!semi || sscanf(line, "%x", &a) != 1)
			continue;
		if (sscanf(line, "%x..%x", &a, &b) != 2)
			b = a;
		if (sscanf(semi + 1, "%2s", cls) == 1 && strcmp(cls, "A") == 0)
			for (unsigned u = a; u <= b && u < 0x110000; u++)
				is_amb[u] = true;
	}
	fclose(f);
	size_t n, checked = 0, wide = 0;
	char *s = unit_read("data/cwgsfp.yaml", &n);
	for (size_t i = 0; i < n;) {
		uint32_t uc;
		i += (size_t)text_next(s + i, n - i, &uc);
		if (uc < 0x20)
			continue;
		int narrow = text_uc_width(uc);
		text_set_ambiguous_width(2);
		int got = text_uc_width(uc);
		text_set_ambiguous_width(1);
		int want = is_amb[uc] && narrow == 1 ? 2 : narrow;
		if (got != want)
			fail_msg("U+%04X: %d columns, Unicode says %d", (unsigned)uc, got, want);
		checked++;
		wide += is_amb[uc] && narrow == 1;
	}
	free(s);
	assert_true(checked > 10000);
	assert_true(wide > 100); /* the dashes, dots and quotes are there */
}

/* Where libunistring 1.0 and glibc 2.36 (Debian 12) read different
 * Unicode data, and neither the character nor U+FFFD would be right:
 * circled numbers on black squares and the Yijing hexagrams (glibc 2
 * columns, libunistring 1), and five Brahmic vowel signs (glibc 0,
 * libunistring 1).  Listed in README as a known limit. */
static bool known_disagreement(uint32_t uc)
{
	return (uc >= 0x3248 && uc <= 0x324F) || (uc >= 0x4DC0 && uc <= 0x4DFF) ||
	       uc == 0x0CBF || uc == 0x0CC6 || uc == 0x11A07 || uc == 0x11A08 ||
	       uc == 0x11C3F;
}

/* What cwgview draws for any code point (text_uc_visible: the character
 * itself, ^X for a C0 control, U+FFFD for what a terminal cannot be trusted
 * with, nothing for a soft hyphen) is as wide for ncursesw (glibc's
 * wcswidth of the drawn string) as cwgview measured it: so no document can
 * push a border out of line.  Every code point, not only the ones the
 * bundled document uses: the first run found 829,925 that did (unassigned
 * code points, which glibc calls unprintable). */
static void test_visible_width_every_code_point(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		skip();
	size_t bad = 0;
	for (uint32_t uc = 0; uc <= 0x10FFFF; uc++) {
		if (uc >= 0xD800 && uc <= 0xDFFF)
			continue; /* not characters; invalid in UTF-8 */
		if (known_disagreement(uc))
			continue;
		char vis[8];
		int w = text_uc_visible(uc, vis);
		wchar_t wv[8];
		size_t nw = mbstowcs(wv, vis, 8);
		int drawn = nw == (size_t)-1 ? -2 : wcswidth(wv, nw);
		if (w != drawn || w != text_uc_width(uc)) {
			if (bad++ < 20)
				print_message("U+%04X: measured %d (visible %d), "
					      "ncursesw draws %d\n", (unsigned)uc,
					      text_uc_width(uc), w, drawn);
		}
	}
	if (bad)
		fail_msg("%zu code points are drawn at another width than "
			 "measured", bad);
}

/* Pasted text that a terminal or a PDF wrapped, joined: UTF-8 in, UTF-8
 * out, through the code points the prompt holds; *at the cursor. */
static const char *unwrap(const char *in, size_t *at)
{
	static char out[256];
	uint32_t u[128];
	size_t n = sizeof u / sizeof *u;
	assert_non_null(u8_to_u32((const uint8_t *)in, strlen(in), u, &n));
	n = text_unwrap(u, n, at);
	size_t len = sizeof out - 1;
	assert_non_null(u32_to_u8(u, n, (uint8_t *)out, &len));
	out[len] = '\0';
	return out;
}

static void test_unwrap_pasted_lines(void **state)
{
	(void)state;
	assert_string_equal(unwrap("加速器\n实验室", NULL), "加速器实验室");
	assert_string_equal(unwrap("加速器\r\n实验室", NULL), "加速器实验室");
	/* The indentation and the trailing blanks of a wrapped pane line. */
	assert_string_equal(unwrap("加强交  \n         叉议题", NULL), "加强交叉议题");
	assert_string_equal(unwrap("strategic\nplan", NULL), "strategic plan");
	assert_string_equal(unwrap("strategic \r\n\t plan", NULL), "strategic plan");
	assert_string_equal(unwrap("然后CWG-\nSFP予以", NULL), "然后CWG-SFP予以");
	assert_string_equal(unwrap("与\nUNDP建立", NULL), "与UNDP建立");
	assert_string_equal(unwrap("UNDP\n建立", NULL), "UNDP建立");
	assert_string_equal(unwrap("概念”，\n然后", NULL), "概念”，然后");
	assert_string_equal(unwrap("1/5\u2028（麦肯锡", NULL), "1/5（麦肯锡");
	/* Breaks at the ends go; blanks without a break stay. */
	assert_string_equal(unwrap("\n区域代表处\n", NULL), "区域代表处");
	assert_string_equal(unwrap("a  b", NULL), "a  b");
	assert_string_equal(unwrap("", NULL), "");
	/* The cursor after the paste stays after it. */
	size_t at = 7; /* after 加速器⏎实验室 (3 + 1 + 3) */
	assert_string_equal(unwrap("加速器\n实验室举措", &at), "加速器实验室举措");
	assert_int_equal(at, 6);
	at = 9;
	assert_string_equal(unwrap("ab\ncd", &at), "ab cd");
	assert_int_equal(at, 5);
	at = 3; /* inside the break's run: after what replaces it */
	assert_string_equal(unwrap("ab \n cd", &at), "ab cd");
	assert_int_equal(at, 3);
}

/* The tokens that wrapping keeps whole, as a string of the bytes that
 * may not be broken before ('k') and those that may ('.'). */
static const char *kept(const char *s)
{
	static char out[128];
	bool keep[128] = {false};
	size_t n = strlen(s);
	text_keep_tokens(s, n, keep);
	for (size_t i = 0; i < n; i++)
		out[i] = keep[i] ? 'k' : '.';
	out[n] = '\0';
	return out;
}

static void test_keep_tokens(void **state)
{
	(void)state;
	assert_string_equal(kept("CWG-SFP-1/11"), ".kkkkkkkkkkk");
	assert_string_equal(kept("x 2024-2027 y"), "...kkkkkkkk..");
	assert_string_equal(kept("a.2.1"), ".kkkk");
	/* A plain word, and punctuation at a token's end, are not tokens. */
	assert_string_equal(kept("UNDP."), ".....");
	assert_string_equal(kept("CWG- SFP"), "........");
	assert_string_equal(kept("-1/"), "...");
	assert_string_equal(kept(""), "");
}

/* RFC 4648's test vectors, and UTF-8 bytes as bytes. */
static void test_base64(void **state)
{
	(void)state;
	const char *in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "主题"};
	const char *out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
			     "Zm9vYmFy", "5Li76aKY"};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		struct buf b = BUF_INIT;
		text_base64(&b, in[i], strlen(in[i]));
		buf_addc(&b, '\0');
		assert_string_equal(b.data, out[i]);
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_feed_terminal_bytes),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_wrap_chinese),
		cmocka_unit_test(test_wrap_ideographic_space),
		cmocka_unit_test(test_wrap_ambiguous_punctuation),
		cmocka_unit_test(test_wrap_kinsoku),
		cmocka_unit_test(test_wrap_latin_and_forced),
		cmocka_unit_test(test_wrap_hanging_and_newline),
		cmocka_unit_test(test_unwrap_pasted_lines),
		cmocka_unit_test(test_keep_tokens),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_widths_agree_with_wcwidth),
		cmocka_unit_test(test_ambiguous_wide),
		cmocka_unit_test(test_ambiguous_as_unicode_says),
		cmocka_unit_test(test_visible_width_every_code_point),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
