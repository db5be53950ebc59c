/* Checks a screen dump (from :save-display) independently of cwgview's own
 * width code, with the C library's wcwidth():
 *   - no row is wider than COLS display columns;
 *   - every row that holds a vertical border (│ ┌ ┐ └ ┘) holds it in the
 *     same columns as every other such row, so no text pushed a border.
 * Usage: screencheck FILE COLS [ascii].  Prints the problem and exits 1.
 * With ascii, every row holds at least the border columns of the first.
 * The widths are those of the locale C.UTF-8 as found (LOCPATH may give
 * one where the East Asian Ambiguous characters are wide). */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* With ascii, the borders of a terminal that draws the ambiguous
 * characters wide (+ and |, as cwgview draws them there). */
static int ascii;

static int is_border(wchar_t c)
{
	if (ascii)
		return c == L'|' || c == L'+';
	return c == L'│' || c == L'┌' || c == L'┐' || c == L'└' || c == L'┘';
}

/* Whether every column of ref ("0 28 99 ") is among those of here: in
 * ASCII, a | may be text as well (the help's "p s |"), so a row may have
 * more, but it must have the borders every other row has. */
static int holds_all(const char *ref, const char *here)
{
	char padded[8200], tok[16];
	snprintf(padded, sizeof padded, " %s", here);
	for (const char *r = ref; *r;) {
		int len = 0;
		while (r[len] && r[len] != ' ')
			len++;
		snprintf(tok, sizeof tok, " %.*s ", len, r);
		if (!strstr(padded, tok))
			return 0;
		r += len + (r[len] == ' ');
	}
	return 1;
}

int main(int argc, char **argv)
{
	ascii = argc == 4 && strcmp(argv[3], "ascii") == 0;
	if (argc < 3 || argc > 4 || (argc == 4 && !ascii) ||
	    !setlocale(LC_CTYPE, "C.UTF-8")) {
		fprintf(stderr, "usage: screencheck FILE COLS [ascii] (needs C.UTF-8)\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	int cols = atoi(argv[2]);
	char line[8192];
	char ref[8192] = "", refrow = 0;
	int refline = 0, lineno = 0, bad = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		char cols_here[8192] = "";
		size_t n = 0;
		int x = 0;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		const char *p = line;
		while (*p) {
			wchar_t wc;
			size_t k = mbrtowc(&wc, p, strlen(p), &st);
			if (k == (size_t)-1 || k == (size_t)-2) {
				printf("%s:%d: invalid UTF-8\n", argv[1], lineno);
				return 1;
			}
			int w = wcwidth(wc);
			if (w < 0) {
				printf("%s:%d: unprintable U+%04X\n", argv[1], lineno, (unsigned)wc);
				return 1;
			}
			if (is_border(wc))
				n += (size_t)snprintf(cols_here + n, sizeof cols_here - n, "%d ", x);
			x += w;
			p += k;
		}
		if (x > cols) {
			printf("%s:%d: %d columns wide, the screen has %d\n", argv[1], lineno, x, cols);
			bad = 1;
		}
		if (n) {
			if (!refrow) {
				strcpy(ref, cols_here);
				refrow = 1;
				refline = lineno;
			} else if (ascii ? !holds_all(ref, cols_here)
					 : strcmp(ref, cols_here) != 0) {
				printf("%s:%d: borders at columns %s; line %d has them at %s\n",
				       argv[1], lineno, cols_here, refline, ref);
				bad = 1;
			}
		}
	}
	fclose(f);
	return bad;
}
