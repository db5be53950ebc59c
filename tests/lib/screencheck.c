/* Checks a screen dump (from :save-display) independently of cwgview's own
 * width code, with the C library's wcwidth():
 *   - no row is wider than COLS display columns;
 *   - every row that holds a vertical border (│ ┌ ┐ └ ┘) holds it in the
 *     same columns as every other such row, so no text pushed a border.
 * Usage: screencheck FILE COLS.  Prints the problem and exits 1. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int is_border(wchar_t c)
{
	return c == L'│' || c == L'┌' || c == L'┐' || c == L'└' || c == L'┘';
}

int main(int argc, char **argv)
{
	if (argc != 3 || !setlocale(LC_CTYPE, "C.UTF-8")) {
		fprintf(stderr, "usage: screencheck FILE COLS (needs C.UTF-8)\n");
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
			} else if (strcmp(ref, cols_here) != 0) {
				printf("%s:%d: borders at columns %s; line %d has them at %s\n",
				       argv[1], lineno, cols_here, refline, ref);
				bad = 1;
			}
		}
	}
	fclose(f);
	return bad;
}
