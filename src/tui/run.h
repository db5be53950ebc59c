/* The browser's entry point, for main.c: no curses types here. */
#ifndef CWGVIEW_TUI_RUN_H
#define CWGVIEW_TUI_RUN_H

#include <stdbool.h>

#include "cwgview/doc.h"
#include "cwgview/pdf.h"

/* --theme: the colours for the terminal's background, found out (auto),
 * told, or none. */
enum tui_theme { THEME_AUTO, THEME_DARK, THEME_LIGHT, THEME_NONE };

struct tui_options {
	bool no_color;
	enum tui_theme theme;
	bool no_mouse;
	bool no_clipboard;   /* y and Y do not send OSC 52 */
	bool secure;         /* no key may start a process or write a file */
	const char *script;  /* headless key script (CWGVIEW_SCRIPT) */
	const char *printer; /* NULL: the print command's default */
	const char *print_command; /* NULL: lpr */
	enum pdf_paper paper;
	int beside;          /* from this many columns the guidance sits
				beside the inputs; 0: never */
	const char *note;    /* shown in the status line at start (the
				config file's first warning); NULL: none */
	int ambiguous;       /* columns of the East Asian Ambiguous
				characters, 1 or 2; 0: ask the terminal */
	const char *sources; /* --source's names, shown; NULL: all */
	long start_topic;    /* the index to open at, or -1 */
	const char *start_search; /* open at its first hit; NULL: none */
};

/* The config file's key bindings and colours (keys.h keys_bind, draw.h
 * draw_set_color), before the browser runs; false, with why, for what is
 * not one. */
bool tui_config_key(const char *action, const char *key, char *why, size_t size);
bool tui_config_color(const char *style, const char *spec, char *why, size_t size);

/* Runs the browser on d until the user quits; returns the exit status. */
int tui_run(const struct doc *d, const struct tui_options *opt);
/* The browser on the file at path, opened before it is all loaded: the
 * first topics show at once, the status line says how far the load is,
 * and an error found later ends the browser with the loader's one line
 * (status 2).  Without start_topic, start_search or sources. */
int tui_run_file(const char *path, const struct tui_options *opt);

#endif
