/* inkcheck: every full-width character that a PDF page holds as text also
 * puts ink on the page.  A font whose glyph draws nothing (a broken CFF
 * subset, a font without the character that falls back to an empty glyph)
 * still gives the right text to pdftotext, so only the picture tells.
 *
 *   inkcheck [--erase N] DPI BBOX PAGE.pgm...
 *
 * BBOX is the output of `pdftotext -bbox`, PAGE.pgm the pages rendered by
 * `pdftoppm -gray -r DPI`, in order.  A word of pdftotext's made only of
 * characters two columns wide (libunistring's uc_width: ideographs,
 * full-width punctuation) has them at one em each, so its box is cut into
 * that many equal cells; each cell, less a thin margin, must hold dark
 * pixels, unless the character is a space.  --erase N whitens the box of
 * the Nth such word first: the test uses it to show that a blank glyph is
 * caught.  Prints one line per cell without ink and a summary; exits 0
 * when every cell has ink, 1 when one has none, 2 on bad input. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

/* Darker than this is ink.  The paper is 255; the thin strokes of the
 * running header's grey text (一, 《) measure 135 to 210 at 100 dpi, too
 * light for a "black" threshold. */
enum { INK = 235 };

struct page {
	int w, h;
	unsigned char *px;
};

static bool read_pgm(const char *path, struct page *p)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	int maxval;
	bool ok = fscanf(f, "P5 %d %d %d", &p->w, &p->h, &maxval) == 3 &&
		  maxval == 255 && p->w > 0 && p->h > 0 && fgetc(f) != EOF;
	if (ok) {
		size_t n = (size_t)p->w * (size_t)p->h;
		p->px = malloc(n);
		ok = p->px && fread(p->px, 1, n, f) == n;
	}
	fclose(f);
	return ok;
}

/* The value of attribute name="…" in line, or -1 when it has none. */
static double attr(const char *line, const char *name)
{
	char key[32];
	snprintf(key, sizeof key, " %s=\"", name);
	const char *s = strstr(line, key);
	return s ? atof(s + strlen(key)) : -1;
}

/* Dark pixels in the box, in page pixels. */
static long ink(const struct page *p, double x0, double y0, double x1,
		double y1)
{
	long dark = 0;
	for (int y = (int)y0; y < (int)y1 && y < p->h; y++)
		for (int x = (int)x0; x < (int)x1 && x < p->w; x++)
			if (x >= 0 && y >= 0 && p->px[(size_t)y * p->w + x] < INK)
				dark++;
	return dark;
}

static void erase(struct page *p, double x0, double y0, double x1, double y1)
{
	for (int y = (int)y0 - 1; y <= (int)y1 + 1 && y < p->h; y++)
		for (int x = (int)x0 - 1; x <= (int)x1 + 1 && x < p->w; x++)
			if (x >= 0 && y >= 0)
				p->px[(size_t)y * p->w + x] = 255;
}

int main(int argc, char **argv)
{
	long erase_word = -1;
	int a = 1;
	if (argc > 2 && strcmp(argv[1], "--erase") == 0) {
		erase_word = atol(argv[2]);
		a = 3;
	}
	if (argc - a < 3) {
		fprintf(stderr, "usage: inkcheck [--erase N] DPI BBOX PAGE.pgm...\n");
		return 2;
	}
	double scale = atof(argv[a]) / 72.0;
	FILE *bbox = fopen(argv[a + 1], "r");
	if (scale <= 0 || !bbox) {
		fprintf(stderr, "inkcheck: bad DPI or cannot read %s\n", argv[a + 1]);
		return 2;
	}
	char **pgms = argv + a + 2;
	int npages = argc - a - 2;

	struct page pg = {0, 0, NULL};
	int page = -1;
	long words = 0, cells = 0, blank = 0;
	char line[65536];
	while (fgets(line, sizeof line, bbox)) {
		if (strstr(line, "<page ")) {
			free(pg.px);
			pg.px = NULL;
			if (++page >= npages || !read_pgm(pgms[page], &pg)) {
				fprintf(stderr, "inkcheck: page %d: no picture %s\n",
					page + 1, page < npages ? pgms[page] : "");
				return 2;
			}
			continue;
		}
		char *open = strstr(line, "<word ");
		if (!open || !pg.px)
			continue;
		char *text = strchr(open, '>');
		char *close = text ? strstr(text, "</word>") : NULL;
		if (!close)
			continue;
		text++;
		const uint8_t *s = (const uint8_t *)text;
		size_t len = (size_t)(close - text);
		if (len == 0 || u8_check(s, len))
			continue;
		/* Only words of two-column characters: their cells are equal. */
		size_t n = 0;
		bool wide = true;
		for (const uint8_t *q = s; q < s + len;) {
			ucs4_t c;
			q += u8_mbtouc(&c, q, (size_t)(s + len - q));
			if (uc_width(c, "UTF-8") != 2) {
				wide = false;
				break;
			}
			n++;
		}
		if (!wide)
			continue;
		double x0 = attr(open, "xMin") * scale, x1 = attr(open, "xMax") * scale;
		double y0 = attr(open, "yMin") * scale, y1 = attr(open, "yMax") * scale;
		if (x0 < 0 || y0 < 0 || x1 <= x0 || y1 <= y0)
			continue;
		words++;
		if (words == erase_word)
			erase(&pg, x0, y0, x1, y1);
		double cw = (x1 - x0) / (double)n, m = cw * 0.08;
		const uint8_t *q = s;
		for (size_t i = 0; i < n; i++) {
			ucs4_t c;
			int k = u8_mbtouc(&c, q, (size_t)(s + len - q));
			double cx = x0 + cw * (double)i;
			if (c != 0x3000) {
				cells++;
				if (ink(&pg, cx + m, y0 + m, cx + cw - m, y1 - m) < 2) {
					blank++;
					printf("page %d: %.*s (U+%04X) in \"%.*s\" has no ink "
					       "at x %.0f-%.0f, y %.0f-%.0f px\n",
					       page + 1, k, (const char *)q, (unsigned)c,
					       (int)len, text, cx, cx + cw, y0, y1);
				}
			}
			q += k;
		}
	}
	free(pg.px);
	fclose(bbox);
	printf("%ld full-width characters in %ld words on %d pages, %ld without ink\n",
	       cells, words, page + 1, blank);
	return blank ? 1 : cells ? 0 : 2;
}
