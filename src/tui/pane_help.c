/* The help pane, generated from the key table (keys.h), wrapped to the
 * pane's width by the core's wrapper: a description that does not fit
 * goes on under itself, never cut off at the border. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>

#include "cwgview/buf.h"
#include "cwgview/i18n.h"
#include "cwgview/mem.h"
#include "cwgview/text.h"
#include "tui/draw.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/tui.h"

/* One screen line: bytes [start, end) of a help line, drawn at column
 * indent of the text area. */
struct help_row {
	const char *s;
	size_t len;
	int indent;
};

/* The help pane's own state: the text and its rows at rows_width; its
 * own search (/ ? n N inside the help, as in less's help screen). */
struct help_pane {
	struct buf text;
	int indent;
	struct help_row *rows;
	size_t n_rows, cap_rows, rows_width;
	char query[256], prev[256];
	bool backward;
	size_t origin_top; /* where / was typed, for Esc */
	long row;          /* the row the search is at, -1 for none */
};

static struct help_pane *help_of(const struct pane *p)
{
	return p->priv;
}

static const char *title(const struct pane *p, const struct tui *t,
			 char *buf, size_t size)
{
	(void)p;
	(void)t;
	snprintf(buf, size, "%s", _("Help"));
	return buf;
}

static bool add_row(struct help_pane *h, const char *s, size_t len, int indent)
{
	struct help_row *r = mem_room(h->rows, h->n_rows, &h->cap_rows, sizeof *r, 64);
	if (!r)
		return false;
	h->rows = r;
	h->rows[h->n_rows++] = (struct help_row){s, len, indent};
	return true;
}

/* Wraps every help line to width columns: the first part at the left,
 * the rest of a description under its start (or at the left, when the
 * pane is too narrow to leave it room). */
static void wrap(struct help_pane *h, int width)
{
	h->n_rows = 0;
	h->row = -1; /* rows of another width */
	int indent = width - h->indent >= 12 ? h->indent : 0;
	const char *s = h->text.data, *end = s + h->text.len;
	while (s && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
		struct text_line *lines = NULL;
		size_t n = len ? text_wrap(s, len, width, width - indent, NULL,
					   &lines)
			       : 0;
		if (len && !n) {
			add_row(h, s, len, 0); /* out of memory: as it is */
		} else if (!len) {
			add_row(h, s, 0, 0);
		}
		for (size_t i = 0; i < n; i++)
			add_row(h, s + lines[i].start, lines[i].end - lines[i].start,
				i ? indent : 0);
		free(lines);
		s += len + 1;
	}
	h->rows_width = (size_t)width;
}

static void reflow(struct pane *p, struct tui *t)
{
	struct help_pane *h = help_of(p);
	if (!h->text.len)
		keys_help(&h->text, &h->indent, t->opt.secure);
	int width = pane_cols(p);
	if (width < 1)
		width = 1;
	if (!h->n_rows || h->rows_width != (size_t)width)
		wrap(h, width);
	p->n_lines = h->n_rows;
	pane_clamp(p);
}

/* ---- searching the help ---- */

/* Where q occurs in s[from, n), letters compared in lower case
 * (libunistring's uc_tolower) unless q has an upper-case one, on whole
 * characters: the start, and its end in *end; -1 when nowhere. */
static long match_at(const char *s, size_t n, size_t from, const char *q,
		     size_t *end)
{
	const uint8_t *u = (const uint8_t *)s, *uq = (const uint8_t *)q;
	size_t qn = strlen(q);
	if (!qn)
		return -1;
	/* Smart case, as the document's search: an upper-case letter in q
	 * makes case matter. */
	bool exact = false;
	for (size_t b = 0; b < qn && !exact;) {
		ucs4_t y;
		b += (size_t)u8_mbtouc(&y, uq + b, qn - b);
		exact = uc_tolower(y) != y;
	}
	for (size_t i = from; i < n;) {
		size_t a = i, b = 0;
		while (a < n && b < qn) {
			ucs4_t x, y;
			int ka = u8_mbtouc(&x, u + a, n - a), kb = u8_mbtouc(&y, uq + b, qn - b);
			if (exact ? x != y : uc_tolower(x) != uc_tolower(y))
				break;
			a += (size_t)ka;
			b += (size_t)kb;
		}
		if (b == qn) {
			*end = a;
			return (long)i;
		}
		ucs4_t c;
		i += (size_t)u8_mbtouc(&c, u + i, n - i);
	}
	return -1;
}

/* The first row from `from` on (backward: back) that holds q, around the
 * end; -1 when none does. */
static long find_row(const struct help_pane *h, const char *q, size_t from,
		     bool backward)
{
	for (size_t k = 0; k < h->n_rows; k++) {
		size_t i = backward ? (from + h->n_rows - k) % h->n_rows
				    : (from + k) % h->n_rows;
		size_t end;
		if (match_at(h->rows[i].s, h->rows[i].len, 0, q, &end) >= 0)
			return (long)i;
	}
	return -1;
}

/* Shows the row the search found, or says there is none. */
static bool show_row(struct pane *p, size_t from)
{
	struct help_pane *h = help_of(p);
	h->row = h->n_rows ? find_row(h, h->query, from, h->backward) : -1;
	if (h->row < 0)
		return false;
	size_t row = (size_t)h->row, rows = (size_t)pane_rows(p);
	if (row < p->top || row >= p->top + rows)
		p->top = row;
	pane_clamp(p);
	return true;
}

static void help_changed(struct tui *t, const char *text)
{
	struct pane *p = &t->panes[PANE_HELP];
	struct help_pane *h = help_of(p);
	snprintf(h->query, sizeof h->query, "%s", text);
	p->top = h->origin_top;
	t->prompt.info[0] = '\0';
	if (*text && !show_row(p, h->origin_top)) {
		snprintf(t->prompt.info, sizeof t->prompt.info, "%s", _("no match"));
		t->prompt.info_error = true;
	}
}

static void help_done(struct tui *t, const char *text, bool accepted)
{
	struct pane *p = &t->panes[PANE_HELP];
	struct help_pane *h = help_of(p);
	if (!accepted || (!*text && !h->prev[0])) {
		snprintf(h->query, sizeof h->query, "%s", h->prev);
		p->top = h->origin_top;
		return;
	}
	if (!*text) /* an empty pattern repeats the last one */
		snprintf(h->query, sizeof h->query, "%s", h->prev);
	snprintf(h->prev, sizeof h->prev, "%s", h->query);
	if (!show_row(p, h->origin_top))
		tui_notice(t, true, _("no match for %s"), h->query);
}

static void help_search(struct pane *p, struct tui *t, enum tui_action a)
{
	struct help_pane *h = help_of(p);
	if (a == ACT_SEARCH_FWD || a == ACT_SEARCH_BACK) {
		h->backward = a == ACT_SEARCH_BACK;
		h->origin_top = p->top;
		struct prompt_spec spec = {h->backward ? "?" : "/", false, -1,
					   help_changed, help_done};
		prompt_open(t, &spec, NULL);
		return;
	}
	if (!h->prev[0]) {
		tui_notice(t, true, "%s", _("no previous search"));
		return;
	}
	/* n and N: the row after (before) the one the search is at. */
	bool back = h->backward != (a == ACT_SEARCH_PREV);
	size_t at = h->row >= 0 ? (size_t)h->row : p->top;
	bool saved = h->backward;
	h->backward = back;
	if (h->n_rows && !show_row(p, back ? at + h->n_rows - 1 : at + 1))
		tui_notice(t, true, _("no match for %s"), h->query);
	h->backward = saved;
}

/* One help row, the search's matches in it marked. */
static void draw_row(struct pane *p, const struct help_pane *hp, size_t i,
		     int y, enum tui_style base)
{
	const struct help_row *h = &hp->rows[i];
	int limit = 2 + pane_cols(p);
	wmove(p->win, y, 2 + h->indent);
	size_t at = 0, end;
	long m;
	while (hp->query[0] && (m = match_at(h->s, h->len, at, hp->query, &end)) >= 0) {
		draw_set(p->win, base);
		draw_text(p->win, h->s + at, (size_t)m - at, limit);
		draw_set(p->win, (long)i == hp->row ? ST_HIT_CURRENT : ST_HIT);
		draw_text(p->win, h->s + m, end - (size_t)m, limit);
		at = end;
	}
	draw_set(p->win, base);
	draw_text(p->win, h->s + at, h->len - at, limit);
}

static void draw(struct pane *p, struct tui *t)
{
	(void)t;
	const struct help_pane *hp = help_of(p);
	int rows_shown = pane_rows(p);
	for (int r = 0; r < rows_shown && p->top + (size_t)r < hp->n_rows; r++)
		draw_row(p, hp, p->top + (size_t)r, r + 1,
			 r == 0 && p->top == 0 ? ST_LAY_BASE + LAY_TITLE : ST_NORMAL);
	draw_set(p->win, ST_NORMAL);
}

static void help_init(struct pane *p)
{
	help_of(p)->row = -1;
}

static void help_free(struct pane *p)
{
	struct help_pane *h = help_of(p);
	buf_free(&h->text);
	free(h->rows);
}

static enum tui_result key(struct pane *p, struct tui *t, enum tui_action a,
			   long count)
{
	(void)count;
	if (a == ACT_QUIT || a == ACT_HELP || a == ACT_CANCEL) {
		t->cover = -1;
		return TUI_RELAYOUT;
	}
	if (a == ACT_SEARCH_FWD || a == ACT_SEARCH_BACK || a == ACT_SEARCH_NEXT ||
	    a == ACT_SEARCH_PREV) {
		help_search(p, t, a);
		return TUI_HANDLED;
	}
	return TUI_IGNORED;
}

const struct pane_ops pane_help_ops = {
	.title = title, .priv_size = sizeof(struct help_pane),
	.init = help_init, .free = help_free,
	.reflow = reflow, .draw = draw, .key = key,
};
