/* The browser's entry point, for main.c: no curses types here. */
#ifndef CWGVIEW_TUI_RUN_H
#define CWGVIEW_TUI_RUN_H

#include <stdbool.h>

#include "cwgview/doc.h"

struct tui_options {
	bool no_color;
	bool no_mouse;
	const char *script; /* headless key script (CWGVIEW_SCRIPT) */
};

/* Runs the browser on d until the user quits; returns the exit status. */
int tui_run(const struct doc *d, const struct tui_options *opt);

#endif
