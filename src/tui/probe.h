/* How wide the terminal draws the East Asian Ambiguous characters, and
 * whether its background is light (probe.c): found out by asking it, for
 * --ambiguous-width=auto and --theme=auto. */
#ifndef CWGVIEW_TUI_PROBE_H
#define CWGVIEW_TUI_PROBE_H

#include <stdbool.h>
#include <stddef.h>

/* How long the terminal may take to answer, in milliseconds. */
enum { PROBE_TIMEOUT_MS = 150 };

/* What the terminal answered: the column after the character (0: no
 * cursor position report), and whether its background is light (1), dark
 * (0) or was not said (-1). */
struct probe_reply {
	int cols;
	int light;
};

/* Takes the terminal's answers out of the n bytes that came from it: the
 * cursor position reports (ESC [ row ; column R; the first one's column
 * into r->cols) and OSC 11's background colour (ESC ] 11 ; rgb:R/G/B
 * with BEL or ESC \ after it, into r->light).  What else came (keys typed
 * meanwhile) stays in buf, in order, and *n is its length.  *pending is
 * the length of what ends buf and may still become an answer (it stays
 * in buf as well).  Returns the number of cursor position reports. */
size_t probe_take_reports(unsigned char *buf, size_t *n, struct probe_reply *r,
			  size_t *pending);

/* COLORFGBG ("15;0": fg white, bg black, as rxvt and others set it):
 * whether the background is light (1: colour 7 or 9 to 15), dark (0), or
 * -1 when v is NULL or says nothing. */
int probe_colorfgbg(const char *v);

/* What probe_terminal found out: the columns of an ambiguous character
 * (1 or 2; 0 when the terminal did not answer), and the background as in
 * struct probe_reply. */
struct probe_answer {
	int width;
	int light;
};

/* On a terminal in shell mode, before curses has written to it: enters
 * the alternate screen (enter: smcup), asks for the background colour,
 * draws U+25BD after a carriage return and asks where the cursor is (ask:
 * u7), then waits at most timeout_ms for the answer, with echo off.  What
 * else came from the terminal meanwhile goes into typed (room for
 * *n_typed bytes; on return, how many came), for curses to read. */
void probe_terminal(int in_fd, int out_fd, const char *enter, const char *ask,
		    int timeout_ms, struct probe_answer *a, unsigned char *typed,
		    size_t *n_typed);

#endif
