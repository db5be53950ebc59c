/* The prompt line (prompt.c): editing, history, paste, y/n questions. */
#ifndef CWGVIEW_TUI_PROMPT_H
#define CWGVIEW_TUI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "tui/keys.h"

struct tui;


enum { PROMPT_MAX = 512, PROMPT_HISTORY_MAX = 200 };

enum history_kind { HIST_SEARCH, HIST_PIPE, N_HISTORIES };

struct prompt_spec {
	const char *label;
	bool yes_no;   /* a single y or n answers */
	int history;   /* enum history_kind, or -1 */
	void (*changed)(struct tui *t, const char *text);
	/* Enter (accepted) or Esc/^G (not); the prompt is closed first. */
	void (*done)(struct tui *t, const char *text, bool accepted);
};

struct prompt_history {
	char *items[PROMPT_HISTORY_MAX];
	size_t n;
};

struct prompt {
	struct prompt_history histories[N_HISTORIES];
	bool active;
	struct prompt_spec spec;
	char label[256];
	uint32_t text[PROMPT_MAX];
	size_t len, cursor;
	size_t hist_pos;        /* (size_t)-1 when not browsing history */
	char hist_prefix[PROMPT_MAX * 4 + 1];
	bool pasting;
	char utf8[PROMPT_MAX * 4 + 1];
	char info[160];  /* right-aligned: "3/12", "no match" */
	bool info_error;
	/* info is a note (prompt_note) that the next key takes away, giving
	 * back what info said before it */
	bool noted;
	char info_before[160];
	bool info_error_before;
};

void prompt_open(struct tui *t, const struct prompt_spec *spec,
		 const char *initial);
void prompt_key(struct tui *t, struct tui_key k);
/* Shows msg in the prompt's corner until the next key. */
void prompt_note(struct tui *t, const char *msg);
void prompt_draw(struct tui *t);
const char *prompt_text(struct tui *t);
/* The prompt's histories, oldest first (find.c loads and saves the
 * search history's file). */
void history_add(struct prompt *p, enum history_kind h, const char *s);
size_t history_count(const struct prompt *p, enum history_kind h);
const char *history_item(const struct prompt *p, enum history_kind h, size_t i);
void history_clear(struct prompt *p);

#endif
