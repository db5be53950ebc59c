/* Where keys come from (input.c): the terminal, or a key script when
 * headless. */
#ifndef CWGVIEW_TUI_INPUT_H
#define CWGVIEW_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "tui/curses.h"
#include "tui/keys.h"

struct tui;

struct tui_event {
	/* EV_NONE: nothing to act on (a signal came, or only bytes that
	 * were ignored) */
	enum { EV_NONE, EV_KEY, EV_MOUSE, EV_RESIZE, EV_SAVE_DISPLAY,
	       EV_SAVE_ATTRS, EV_END, EV_ERROR, EV_HANGUP } type;
	struct tui_key key;
	MEVENT mouse;
	int cols, rows;   /* EV_RESIZE from a script */
	char arg[512];    /* file for EV_SAVE_*, message for EV_ERROR */
	/* With any event: bytes from the terminal that are not UTF-8 came
	 * before it and were dropped (n_ignored of them, the first ones in
	 * ignored); input_ignored_text says so. */
	size_t n_ignored;
	unsigned char ignored[8];
};
bool input_open_script(const char *path, char *err, size_t errsize);
void input_close(void);
bool input_scripted(void);
void input_next(struct tui *t, struct tui_event *ev);
/* What to tell the user about ev's ignored bytes: brief for the corner of
 * the prompt, else with the bytes in hex. */
void input_ignored_text(const struct tui_event *ev, bool brief, char *buf,
			size_t size);
/* True when input is waiting to be read (the terminal has bytes, or has
 * gone; a script has keys left on its current line, typed ahead). */
bool input_pending(void);
/* Writes the screen as text (or its style letters) to path. */
bool input_save_display(const char *path, bool attrs, bool color);

#endif
