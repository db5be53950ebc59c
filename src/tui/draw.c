/* Drawing helpers: styles, sanitised clipped text, layout lines, frames. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/pane.h"

struct style {
	short fg, bg;
	attr_t color_attr; /* with colours */
	attr_t mono_attr;  /* without */
	char letter;       /* in attribute dumps */
};

/* Keep colours few and meaningful; every style also reads in monochrome
 * (vt100, NO_COLOR), so focus and selection never depend on colour.
 * Black letters on a colour are never bold: xterm and others draw bold
 * black as grey, which fades on cyan. */
static const struct style styles[N_STYLES] = {
	[ST_NORMAL] = {-1, -1, 0, 0, '.'},
	[ST_TITLEBAR] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD, 'T'},
	[ST_STATUS] = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE, 'S'},
	[ST_NOTICE] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE, 'N'},
	[ST_BORDER] = {-1, -1, 0, 0, 'b'},
	[ST_BORDER_FOCUS] = {COLOR_CYAN, -1, A_BOLD, A_BOLD, 'B'},
	[ST_PANE_TITLE] = {-1, -1, 0, 0, 'p'},
	[ST_PANE_TITLE_FOCUS] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE | A_BOLD, 'P'},
	[ST_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE, 'R'},
	[ST_SELECTED_DIM] = {-1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE, 'r'},
	[ST_TAB] = {-1, -1, 0, 0, 't'},
	[ST_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE | A_BOLD, 'A'},
	[ST_TOPIC_NUMBER] = {COLOR_YELLOW, -1, 0, 0, 'n'},
	[ST_COUNT] = {COLOR_GREEN, -1, 0, 0, 'c'},
	[ST_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE | A_UNDERLINE, 'E'},
	[ST_HIT] = {COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE, 'h'},
	[ST_HIT_CURRENT] = {COLOR_BLACK, COLOR_GREEN, A_UNDERLINE, A_REVERSE | A_BOLD | A_UNDERLINE, 'X'},
	[ST_LAY_BASE + LAY_PLAIN] = {-1, -1, 0, 0, '.'},
	[ST_LAY_BASE + LAY_TITLE] = {-1, -1, A_BOLD, A_BOLD, 'H'},
	[ST_LAY_BASE + LAY_RULE] = {-1, -1, 0, 0, '.'},
	[ST_LAY_BASE + LAY_KIND] = {COLOR_GREEN, -1, A_BOLD, A_BOLD | A_UNDERLINE, 'K'},
	[ST_LAY_BASE + LAY_HEADING] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD, 'C'},
	[ST_LAY_BASE + LAY_DOCNUM] = {COLOR_YELLOW, -1, 0, A_UNDERLINE, 'D'},
	[ST_LAY_BASE + LAY_SEP] = {-1, -1, 0, 0, '.'},
	[ST_LAY_BASE + LAY_MARKER] = {COLOR_CYAN, -1, A_BOLD, A_BOLD, 'M'},
	[ST_LAY_BASE + LAY_TEXT] = {-1, -1, 0, 0, '.'},
	[ST_LAY_BASE + LAY_LABEL] = {-1, -1, A_BOLD, A_BOLD, 'L'},
};

/* The table above is the dark palette: yellow, cyan and green letters
 * read on black and fade on white.  These change it for a light
 * background (blue, magenta, red and black read there), and for one not
 * known, where only what reads on both is used: magenta, red, bold, and
 * the terminal's own colours reversed for the status line (light grey
 * under black letters barely shows on white). */
struct recolor {
	enum tui_style st;
	short fg, bg;
	attr_t attr;
};

static const struct recolor for_light[] = {
	{ST_STATUS, -1, -1, A_REVERSE},
	{ST_NOTICE, COLOR_RED, -1, A_BOLD},
	{ST_BORDER_FOCUS, COLOR_BLUE, -1, A_BOLD},
	{ST_TOPIC_NUMBER, COLOR_BLUE, -1, 0},
	{ST_COUNT, COLOR_MAGENTA, -1, 0},
	{ST_LAY_BASE + LAY_KIND, COLOR_BLUE, -1, A_BOLD},
	{ST_LAY_BASE + LAY_DOCNUM, COLOR_BLUE, -1, A_UNDERLINE},
	{ST_LAY_BASE + LAY_MARKER, COLOR_BLUE, -1, A_BOLD},
};

static const struct recolor for_both[] = {
	{ST_STATUS, -1, -1, A_REVERSE},
	{ST_NOTICE, COLOR_RED, -1, A_BOLD},
	{ST_BORDER_FOCUS, -1, -1, A_BOLD},
	{ST_TOPIC_NUMBER, COLOR_MAGENTA, -1, 0},
	{ST_COUNT, -1, -1, 0},
	{ST_LAY_BASE + LAY_KIND, -1, -1, A_BOLD | A_UNDERLINE},
	{ST_LAY_BASE + LAY_DOCNUM, COLOR_RED, -1, 0},
	{ST_LAY_BASE + LAY_MARKER, -1, -1, A_BOLD},
};

static bool use_color;
static struct style active[N_STYLES]; /* styles, with a palette's changes */

/* The config file's colours (draw_set_color), over any palette. */
static struct {
	bool set;
	short fg, bg;
} custom[N_STYLES];

/* The styles' names in the config file. */
static const char *const style_names[N_STYLES] = {
	[ST_TITLEBAR] = "title-bar", [ST_STATUS] = "status", [ST_NOTICE] = "notice",
	[ST_BORDER] = "border", [ST_BORDER_FOCUS] = "border-focused",
	[ST_PANE_TITLE] = "pane-title", [ST_PANE_TITLE_FOCUS] = "pane-title-focused",
	[ST_SELECTED] = "selected", [ST_SELECTED_DIM] = "selected-unfocused",
	[ST_TAB] = "tab", [ST_TAB_ACTIVE] = "tab-active",
	[ST_TOPIC_NUMBER] = "topic-number", [ST_COUNT] = "input-count",
	[ST_ERROR] = "error", [ST_HIT] = "hit", [ST_HIT_CURRENT] = "hit-current",
	[ST_LAY_BASE + LAY_TITLE] = "title", [ST_LAY_BASE + LAY_KIND] = "kind",
	[ST_LAY_BASE + LAY_HEADING] = "heading",
	[ST_LAY_BASE + LAY_DOCNUM] = "document-number",
	[ST_LAY_BASE + LAY_MARKER] = "marker", [ST_LAY_BASE + LAY_LABEL] = "label",
};

/* A colour of the config: a name, or 0-255; false when it is neither. */
static bool color_named(const char *s, size_t n, short *c)
{
	static const char *const names[] = {"black", "red", "green", "yellow",
					    "blue", "magenta", "cyan", "white"};
	if (n == 7 && strncmp(s, "default", 7) == 0) {
		*c = -1;
		return true;
	}
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (strlen(names[i]) == n && strncmp(s, names[i], n) == 0) {
			*c = (short)i;
			return true;
		}
	}
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || i > 2)
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (n == 0 || v > 255)
		return false;
	*c = (short)v;
	return true;
}

bool draw_set_color(const char *style, const char *spec, char *why, size_t size)
{
	int st = -1;
	for (int i = 0; i < N_STYLES && st < 0; i++)
		if (style_names[i] && strcmp(style_names[i], style) == 0)
			st = i;
	if (st < 0) {
		snprintf(why, size, _("no style '%s' (the styles are listed in "
				      "cwgview(1), CONFIGURATION)"), style);
		return false;
	}
	/* "FG", "FG on BG" or "on BG" */
	const char *on = strstr(spec, "on ");
	size_t fg_len = on ? (size_t)(on - spec) : strlen(spec);
	while (fg_len && spec[fg_len - 1] == ' ')
		fg_len--;
	short fg = -2, bg = -2; /* -2: the palette's */
	bool ok = (on && (on == spec || on[-1] == ' ')) || !on;
	if (ok && fg_len)
		ok = color_named(spec, fg_len, &fg);
	if (ok && on)
		ok = color_named(on + 3, strlen(on + 3), &bg);
	if (!ok || (!fg_len && !on)) {
		snprintf(why, size, _("'%s' is not a colour: give FG, FG on BG or "
				      "on BG, each black, red, green, yellow, blue, "
				      "magenta, cyan, white, default or 0-255"), spec);
		return false;
	}
	custom[st].set = true;
	custom[st].fg = fg;
	custom[st].bg = bg;
	return true;
}

void draw_init_styles(bool color, enum draw_palette palette)
{
	use_color = color;
	memcpy(active, styles, sizeof active);
	static const struct {
		const struct recolor *rows;
		size_t n;
	} changes[] = {
		[PALETTE_BOTH] = {for_both, sizeof for_both / sizeof *for_both},
		[PALETTE_DARK] = {NULL, 0}, /* the table itself */
		[PALETTE_LIGHT] = {for_light, sizeof for_light / sizeof *for_light},
	};
	const struct recolor *rc = changes[palette].rows;
	for (size_t i = 0; i < changes[palette].n; i++) {
		active[rc[i].st].fg = rc[i].fg;
		active[rc[i].st].bg = rc[i].bg;
		active[rc[i].st].color_attr = rc[i].attr;
	}
	for (int st = 0; st < N_STYLES; st++) {
		if (custom[st].set && custom[st].fg != -2)
			active[st].fg = custom[st].fg;
		if (custom[st].set && custom[st].bg != -2)
			active[st].bg = custom[st].bg;
	}
	if (!color)
		return;
	for (int s = 0; s < N_STYLES; s++)
		init_pair((short)(s + 1), active[s].fg, active[s].bg);
}

attr_t draw_attr(enum tui_style st, short *pair)
{
	if (use_color) {
		*pair = (short)(st + 1);
		return active[st].color_attr;
	}
	*pair = 0;
	return active[st].mono_attr;
}

void draw_set(WINDOW *w, enum tui_style st)
{
	short pair;
	attr_t a = draw_attr(st, &pair);
	wattr_set(w, a, pair, NULL);
}

char draw_style_letter(attr_t attrs, short pair)
{
	attrs &= (A_ATTRIBUTES & ~(A_ALTCHARSET | A_COLOR));
	if (use_color) {
		if (pair > 0 && pair <= N_STYLES)
			return styles[pair - 1].letter;
		return attrs ? '?' : '.';
	}
	if (!attrs)
		return '.';
	for (int s = 0; s < N_STYLES; s++)
		if (styles[s].mono_attr == attrs)
			return styles[s].letter;
	return '?';
}

/* draw_text, saying in *used how many bytes of s it drew.  What is drawn
 * goes to ncurses as wide characters, a run at a time: waddstr per
 * character took a third of the first frame, most of it in ncurses
 * decoding the UTF-8 again a byte at a time (mbrtowc, wctob). */
static int draw_text_used(WINDOW *w, const char *s, size_t n, int limit,
			  size_t *used)
{
	enum { RUN = 128 };
	wchar_t run[RUN];
	int x = getcurx(w), start = x, k_run = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t uc;
		int k = text_next(s + i, n - i, &uc);
		char vis[8];
		int cw = text_uc_visible(uc, vis);
		if (x + cw > limit)
			break;
		if (k_run > RUN - 8 || (cw == 0 && k_run)) {
			waddnwstr(w, run, k_run);
			k_run = 0;
		}
		/* A zero-width character (a combining mark, a joiner) goes
		 * the old way, which joins it to the cell before as
		 * waddnwstr does not. */
		if (cw == 0) {
			waddstr(w, vis);
			i += (size_t)k;
			continue;
		}
		const uint8_t *v = (const uint8_t *)vis;
		size_t vn = strlen(vis);
		for (size_t j = 0; j < vn;) {
			ucs4_t c;
			j += (size_t)u8_mbtouc(&c, v + j, vn - j);
			run[k_run++] = (wchar_t)c;
		}
		x += cw;
		i += (size_t)k;
	}
	if (k_run)
		waddnwstr(w, run, k_run);
	*used = i;
	return x - start;
}

int draw_text(WINDOW *w, const char *s, size_t n, int limit)
{
	size_t used;
	return draw_text_used(w, s, n, limit, &used);
}

int draw_text_cut(WINDOW *w, const char *s, size_t n, int limit)
{
	int x = getcurx(w);
	if (x + text_width(s, n) <= limit)
		return draw_text(w, s, n, limit);
	int ew = text_width("…", strlen("…"));
	if (limit - x < ew + 1)
		return draw_text(w, s, n, limit);
	int used = draw_text(w, s, n, limit - ew);
	waddstr(w, "…");
	return used + ew;
}

/* The hits of field in hl, as [*b, *e): a binary search in the sorted
 * runs when hl has them, else a walk over the topic's runs of hits, one
 * binary search per field (the titles in the topic list: their hits come
 * first in their topic). */
static void field_hits(const struct find_hl *hl, const char *field,
		       const struct search_hit **b, const struct search_hit **e)
{
	*b = *e = hl->hits;
	if (hl->runs) {
		size_t lo = 0, hi = hl->n_runs;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if ((uintptr_t)hl->runs[mid].field < (uintptr_t)field)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < hl->n_runs && hl->runs[lo].field == field) {
			*b = hl->hits + hl->runs[lo].first;
			*e = *b + hl->runs[lo].n;
		}
		return;
	}
	size_t i = 0;
	while (i < hl->n) {
		/* A field's hits are one run: the first index past it. */
		const char *f = hl->hits[i].field;
		size_t lo = i + 1, hi = hl->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (hl->hits[mid].field == f)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (f == field) {
			*b = hl->hits + i;
			*e = hl->hits + lo;
			return;
		}
		i = lo;
	}
}

/* Hit h's bytes in field: its own range, or for a hit that runs on from
 * a marker into this text (h->cont), the text's start up to cont_end. */
static size_t hit_start(const struct search_hit *h, const char *field)
{
	return h->field == field ? h->start : 0;
}

static size_t hit_end(const struct search_hit *h, const char *field)
{
	return h->field == field ? h->end : h->cont_end;
}

/* The first of field's hits [b, e) (in offset order, not overlapping)
 * that ends after byte off. */
static const struct search_hit *hit_after(const struct search_hit *b,
					  const struct search_hit *e,
					  const char *field, size_t off)
{
	while (b < e) {
		const struct search_hit *mid = b + (e - b) / 2;
		if (hit_end(mid, field) <= off)
			b = mid + 1;
		else
			e = mid;
	}
	return b;
}

/* draw_field, saying whether all of s was drawn. */
static int draw_field_cut(WINDOW *w, const char *s, size_t n,
			  const char *field, enum tui_style base, int limit,
			  const struct find_hl *hl, bool *cut)
{
	size_t used;
	*cut = false;
	if (!hl || !field) {
		draw_set(w, base);
		int cw = draw_text_used(w, s, n, limit, &used);
		*cut = used < n;
		return cw;
	}
	/* Only the hits that touch s: the work is that of what is drawn,
	 * however many hits the topic has. */
	size_t off0 = (size_t)(s - field), i = 0;
	const struct search_hit *b, *e;
	field_hits(hl, field, &b, &e);
	const struct search_hit *h = hit_after(b, e, field, off0);
	int cols = 0;
	while (i < n) {
		size_t off = off0 + i, seg;
		while (h < e && hit_end(h, field) <= off)
			h++;
		size_t hs = h < e ? hit_start(h, field) : 0, he = h < e ? hit_end(h, field) : 0;
		bool in = h < e && hs <= off;
		if (in)
			seg = he - off0 < n ? he - off0 : n;
		else
			seg = h < e && hs - off0 < n ? hs - off0 : n;
		draw_set(w, !in ? base : h == hl->current ? ST_HIT_CURRENT : ST_HIT);
		cols += draw_text_used(w, s + i, seg - i, limit, &used);
		if (used < seg - i) {
			*cut = true; /* clipped: nothing after may be drawn */
			break;
		}
		i = seg;
	}
	draw_set(w, base);
	return cols;
}

int draw_field(WINDOW *w, const char *s, size_t n, const char *field,
	       enum tui_style base, int limit, const struct find_hl *hl)
{
	bool cut;
	return draw_field_cut(w, s, n, field, base, limit, hl, &cut);
}

void draw_layout_line(WINDOW *w, const struct layout *L, size_t i, int y,
		      int x, int width, const struct find_hl *hl)
{
	const struct lay_line *ln = &L->lines[i];
	int limit = x + width;
	int col = x + ln->indent;
	if (col >= limit)
		return;
	wmove(w, y, col);
	for (uint32_t k = 0; k < ln->n_spans; k++) {
		const struct lay_span *sp = &L->spans[ln->first_span + k];
		bool cut;
		draw_field_cut(w, sp->s, sp->len, sp->field,
			       (enum tui_style)(ST_LAY_BASE + sp->style), limit,
			       hl, &cut);
		if (cut)
			break;
	}
	draw_set(w, ST_NORMAL);
}

void draw_frame(struct pane *p, const char *title, bool focused)
{
	WINDOW *w = p->win;
	draw_set(w, focused ? ST_BORDER_FOCUS : ST_BORDER);
	/* Where the ambiguous characters are wide, so may the lines be:
	 * ncursesw draws them as the Unicode box characters (─ │ ┌) on
	 * some terminals (TERM=screen, linux) and through the alternate
	 * character set on others, and which it chose it does not say.
	 * ASCII takes one column on every terminal. */
	if (text_ambiguous_width() == 1)
		box(w, 0, 0);
	else
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	if (p->w < 6)
		return;
	/* Brackets mark focus where attributes cannot (monochrome dumps). */
	wmove(w, 0, 1);
	draw_set(w, focused ? ST_PANE_TITLE_FOCUS : ST_PANE_TITLE);
	int limit = p->w - 1;
	draw_text(w, focused ? "[" : " ", 1, limit);
	draw_text_cut(w, title, strlen(title), limit - 1);
	draw_text(w, focused ? "]" : " ", 1, limit);
	draw_set(w, ST_NORMAL);
}
