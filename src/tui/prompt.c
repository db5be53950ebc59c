/* The prompt on the bottom line: search text, file names, pipe commands and
 * y/n questions.  Text is kept as code points, so Backspace removes a
 * character (not a byte) and the cursor moves across wide characters; it
 * arrives as whole characters from get_wch, whether typed through an input
 * method or pasted. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "cwgview/text.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/prompt.h"
#include "tui/tui.h"


void history_add(struct prompt *p, enum history_kind h, const char *s)
{
	struct prompt_history *hs = &p->histories[h];
	if (!*s)
		return;
	/* The newest copy only, as in less. */
	for (size_t i = 0; i < hs->n; i++) {
		if (strcmp(hs->items[i], s) == 0) {
			free(hs->items[i]);
			memmove(&hs->items[i], &hs->items[i + 1],
				(hs->n - i - 1) * sizeof *hs->items);
			hs->n--;
			break;
		}
	}
	if (hs->n == PROMPT_HISTORY_MAX) {
		free(hs->items[0]);
		memmove(&hs->items[0], &hs->items[1], (hs->n - 1) * sizeof *hs->items);
		hs->n--;
	}
	char *copy = strdup(s);
	if (copy)
		hs->items[hs->n++] = copy;
}

size_t history_count(const struct prompt *p, enum history_kind h)
{
	return p->histories[h].n;
}

const char *history_item(const struct prompt *p, enum history_kind h, size_t i)
{
	return i < p->histories[h].n ? p->histories[h].items[i] : NULL;
}

void history_clear(struct prompt *p)
{
	for (int h = 0; h < N_HISTORIES; h++) {
		for (size_t i = 0; i < p->histories[h].n; i++)
			free(p->histories[h].items[i]);
		p->histories[h].n = 0;
	}
}

static void set_text(struct prompt *p, const char *s)
{
	size_t n = strlen(s), len = PROMPT_MAX;
	uint32_t *u = u8_to_u32((const uint8_t *)s, n, p->text, &len);
	if (!u) {
		p->len = 0;
	} else {
		if (u != p->text) { /* did not fit: keep what does */
			memcpy(p->text, u, PROMPT_MAX * sizeof *u);
			len = PROMPT_MAX;
			free(u);
		}
		p->len = len;
	}
	p->cursor = p->len;
}

const char *prompt_text(struct tui *t)
{
	struct prompt *p = &t->prompt;
	size_t n = sizeof p->utf8 - 1;
	uint8_t *r = u32_to_u8(p->text, p->len, (uint8_t *)p->utf8, &n);
	if (r != (uint8_t *)p->utf8) {
		free(r);
		n = 0;
	}
	p->utf8[n] = '\0';
	return p->utf8;
}

void prompt_open(struct tui *t, const struct prompt_spec *spec,
		 const char *initial)
{
	struct prompt *p = &t->prompt;
	p->active = true;
	p->spec = *spec;
	snprintf(p->label, sizeof p->label, "%s", spec->label);
	p->spec.label = p->label;
	p->hist_pos = (size_t)-1;
	p->pasting = false;
	p->info[0] = '\0';
	p->info_error = false;
	p->noted = false;
	set_text(p, initial ? initial : "");
}

void prompt_note(struct tui *t, const char *msg)
{
	struct prompt *p = &t->prompt;
	if (!p->noted) {
		snprintf(p->info_before, sizeof p->info_before, "%s", p->info);
		p->info_error_before = p->info_error;
		p->noted = true;
	}
	snprintf(p->info, sizeof p->info, "%s", msg);
	p->info_error = false;
}

static void finish(struct tui *t, bool accepted)
{
	struct prompt *p = &t->prompt;
	const char *text = prompt_text(t);
	char copy[sizeof p->utf8];
	snprintf(copy, sizeof copy, "%s", text);
	struct prompt_spec spec = p->spec;
	p->active = false;
	if (accepted && spec.history >= 0)
		history_add(p, (enum history_kind)spec.history, copy);
	/* Closed first, so that done() may open the next prompt. */
	if (spec.done)
		spec.done(t, copy, accepted);
}

/* Tells the owner the text changed, keeping history browsing. */
static void notify(struct tui *t)
{
	if (t->prompt.spec.changed)
		t->prompt.spec.changed(t, prompt_text(t));
}

static void changed(struct tui *t)
{
	/* An edit ends history browsing: the next Up filters by the new
	 * text. */
	t->prompt.hist_pos = (size_t)-1;
	notify(t);
}

static void insert(struct prompt *p, uint32_t uc)
{
	/* Control characters are never part of what is typed. */
	if (uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0) ||
	    p->len >= PROMPT_MAX)
		return;
	memmove(&p->text[p->cursor + 1], &p->text[p->cursor],
		(p->len - p->cursor) * sizeof *p->text);
	p->text[p->cursor++] = uc;
	p->len++;
}

static void delete_range(struct prompt *p, size_t from, size_t to)
{
	memmove(&p->text[from], &p->text[to], (p->len - to) * sizeof *p->text);
	p->len -= to - from;
	p->cursor = from;
}

/* Up and Down: the history entries that start with what was typed before
 * the first Up, as less does. */
static void recall(struct tui *t, int dir)
{
	struct prompt *p = &t->prompt;
	if (p->spec.history < 0)
		return;
	enum history_kind h = (enum history_kind)p->spec.history;
	size_t n = history_count(p, h);
	if (p->hist_pos == (size_t)-1) {
		snprintf(p->hist_prefix, sizeof p->hist_prefix, "%s", prompt_text(t));
		p->hist_pos = n;
	}
	size_t plen = strlen(p->hist_prefix), i = p->hist_pos;
	for (;;) {
		if (dir < 0) {
			if (i == 0)
				return; /* nothing older: stay */
			i--;
		} else {
			if (i >= n)
				return;
			i++;
			if (i == n) {
				p->hist_pos = n;
				set_text(p, p->hist_prefix);
				notify(t);
				return;
			}
		}
		if (strncmp(history_item(p, h, i), p->hist_prefix, plen) == 0)
			break;
	}
	p->hist_pos = i;
	set_text(p, history_item(p, h, i));
	notify(t);
}

static bool is_space(uint32_t uc)
{
	return uc == ' ' || uc == 0x3000;
}

/* The editing keys, as function keys (prompt_key maps ^B, ^H and the
 * like onto them). */
static void edit_key(struct tui *t, wint_t code)
{
	struct prompt *p = &t->prompt;
	switch (code) {
	case KEY_ENTER:
		finish(t, true);
		return;
	case KEY_BACKSPACE:
		if (p->len == 0) { /* as in less: nothing left to erase */
			finish(t, false);
			return;
		}
		if (p->cursor) {
			delete_range(p, p->cursor - 1, p->cursor);
			changed(t);
		}
		return;
	case KEY_DC:
		if (p->cursor < p->len) {
			size_t c = p->cursor;
			delete_range(p, c, c + 1);
			changed(t);
		}
		return;
	case KEY_LEFT:
		if (p->cursor)
			p->cursor--;
		return;
	case KEY_RIGHT:
		if (p->cursor < p->len)
			p->cursor++;
		return;
	case KEY_HOME:
		p->cursor = 0;
		return;
	case KEY_END:
		p->cursor = p->len;
		return;
	case KEY_UP:
		recall(t, -1);
		return;
	case KEY_DOWN:
		recall(t, 1);
		return;
	default:
		return;
	}
}

/* The function key a control key stands for in the prompt, or 0. */
static wint_t control_as_key(wint_t code)
{
	switch (code) {
	case 8:
	case 127: return KEY_BACKSPACE;
	case 4: return KEY_DC;     /* ^D */
	case 1: return KEY_HOME;   /* ^A */
	case 5: return KEY_END;    /* ^E */
	case 2: return KEY_LEFT;   /* ^B */
	case 6: return KEY_RIGHT;  /* ^F */
	default: return 0;
	}
}

static void yes_no_key(struct tui *t, struct tui_key k)
{
	if (!k.fn && (k.code == L'y' || k.code == L'Y'))
		finish(t, true);
	else if ((!k.fn && (k.code == L'n' || k.code == L'N' || k.code == 27 ||
			    k.code == 7 || k.code == L'\r' || k.code == L'\n')) ||
		 (k.fn && k.code == KEY_ENTER))
		finish(t, false);
}

void prompt_key(struct tui *t, struct tui_key k)
{
	struct prompt *p = &t->prompt;
	if (p->noted) { /* before the key, which may set info itself */
		snprintf(p->info, sizeof p->info, "%s", p->info_before);
		p->info_error = p->info_error_before;
		p->noted = false;
	}
	if (p->spec.yes_no)
		return yes_no_key(t, k);
	if (k.fn && k.code == KEY_PASTE_START) {
		p->pasting = true;
		return;
	}
	if (k.fn && k.code == KEY_PASTE_END) {
		/* Text a terminal or a PDF wrapped, joined again: no break
		 * between Chinese characters, a space between words. */
		p->pasting = false;
		p->len = text_unwrap(p->text, p->len, &p->cursor);
		changed(t);
		return;
	}
	if (p->pasting) {
		/* Pasted text is text, even its line breaks (held as
		 * U+2028 until the paste ends) and tabs. */
		bool brk = k.code == L'\n' || k.code == L'\r';
		if (!k.fn)
			insert(p, brk ? 0x2028 : k.code == L'\t' ? L' ' : (uint32_t)k.code);
		return;
	}
	if (k.fn)
		return edit_key(t, k.code);
	if (control_as_key(k.code))
		return edit_key(t, control_as_key(k.code));
	switch (k.code) {
	case L'\r':
	case L'\n':
		finish(t, true);
		return;
	case 27: /* Esc */
	case 7:  /* ^G */
		finish(t, false);
		return;
	case 23: /* ^W: back over spaces, then over the word */
		if (p->cursor) {
			size_t from = p->cursor;
			while (from > 0 && is_space(p->text[from - 1]))
				from--;
			while (from > 0 && !is_space(p->text[from - 1]))
				from--;
			delete_range(p, from, p->cursor);
			changed(t);
		}
		return;
	case 21: /* ^U: the whole line */
		p->len = p->cursor = 0;
		changed(t);
		return;
	default:
		if (k.code >= 0x20) {
			insert(p, (uint32_t)k.code);
			changed(t);
		}
		return;
	}
}

void prompt_draw(struct tui *t)
{
	struct prompt *p = &t->prompt;
	WINDOW *w = t->status;
	draw_set(w, ST_NORMAL);
	wmove(w, 0, 0);
	wclrtoeol(w);
	int cols = getmaxx(w);
	if (p->info[0]) {
		/* Right-aligned, where the text is least likely to reach. */
		int iw = text_width(p->info, strlen(p->info));
		if (iw + 2 < cols / 2) {
			cols -= iw + 1;
			wmove(w, 0, cols);
			draw_set(w, p->info_error ? ST_ERROR : ST_NOTICE);
			draw_text(w, p->info, strlen(p->info), getmaxx(w));
			draw_set(w, ST_NORMAL);
			wmove(w, 0, 0);
		}
	}
	int x = draw_text(w, p->label, strlen(p->label), cols);
	int room = cols - x - 1; /* the cursor may sit after the last char */
	if (room < 1) {
		wnoutrefresh(w);
		return;
	}
	/* Scroll the text so the cursor shows, one third in from the edge
	 * when it has to move. */
	int before = 0;
	for (size_t i = 0; i < p->cursor; i++)
		before += text_uc_width(p->text[i]);
	size_t first = 0;
	if (before > room) {
		int skip = before - room * 2 / 3;
		while (first < p->cursor && skip > 0)
			skip -= text_uc_width(p->text[first++]);
	}
	int cx = x;
	for (size_t i = first; i < p->len; i++) {
		char vis[8];
		int cw = text_uc_visible(p->text[i], vis);
		if (getcurx(w) + cw > cols - 1 + (i + 1 == p->len ? 1 : 0))
			break;
		if (i == p->cursor)
			cx = getcurx(w);
		waddstr(w, vis);
	}
	if (p->cursor == p->len)
		cx = getcurx(w) < cols ? getcurx(w) : cols - 1;
	wmove(w, 0, cx);
	wnoutrefresh(w);
}
