/* How wide the terminal draws the East Asian Ambiguous characters (probe.c):
 * found out by asking it, for --ambiguous-width=auto. */
#ifndef CWGVIEW_TUI_PROBE_H
#define CWGVIEW_TUI_PROBE_H

#include <stdbool.h>
#include <stddef.h>

/* How long the terminal may take to answer, in milliseconds. */
enum { PROBE_TIMEOUT_MS = 150 };

/* Takes the cursor position reports (ESC [ row ; column R) out of the
 * n bytes that came from the terminal; what else came (keys typed
 * meanwhile) stays in buf, in order, and *n is its length.  The columns
 * of the first max reports go into cols.  *pending is the length of what
 * ends buf and may still become a report (it stays in buf as well).
 * Returns the number of reports. */
size_t probe_take_reports(unsigned char *buf, size_t *n, int *cols, size_t max,
			  size_t *pending);

/* On a terminal in shell mode, before curses has written to it: enters
 * the alternate screen (enter: smcup), draws U+25BD after a carriage
 * return and asks where the cursor is (ask: u7), then waits at most
 * timeout_ms for the answer, with echo off.  Returns how many columns the
 * character took, 1 or 2, or 0 when the terminal did not answer.  What
 * else came from the terminal meanwhile goes into typed (room for
 * *n_typed bytes; on return, how many came), for curses to read. */
int probe_ambiguous(int in_fd, int out_fd, const char *enter, const char *ask,
		    int timeout_ms, unsigned char *typed, size_t *n_typed);

#endif
