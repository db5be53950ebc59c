/* The frame (frame.c): the windows' places, the topic shown, the status
 * notice, the secure-mode gate. */
#ifndef CWGVIEW_TUI_FRAME_H
#define CWGVIEW_TUI_FRAME_H

#include <stdbool.h>
#include <stddef.h>

struct tui;

enum {
	MIN_COLS = 20, /* below these, a notice instead of a frame */
	MIN_ROWS = 7,
	WIDE_COLS = 80, /* from here, panes side by side */
};
void tui_notice(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The one gate for everything that starts a process or writes a file:
 * false (with a notice) in secure mode. */
bool tui_gate(struct tui *t, const char *what);
void tui_select_topic(struct tui *t, size_t i);
/* Lays the windows out again for the terminal's size, focus and mode. */
void tui_relayout(struct tui *t);
void tui_free_windows(struct tui *t);

#endif
