/* Running an external command (the print command, a pipe command) with a
 * document on its standard input, capturing what it says.
 *
 * Not part of the core (it starts processes and writes to pipes), and no
 * curses here either: the browser calls it and shows spawn_describe()'s
 * line in its status line.  The command is an argv, run with
 * posix_spawnp; spawn itself never adds a shell.  The browser gives it
 * lpr's argv, or, for a print command the user configured and for the
 * pipe command typed at the | prompt, /bin/sh -c with the user's own
 * command line, so that quoting and pipes work.  Either way the command
 * line comes from the user (or the built-in default), never from the
 * data: the data only ever travels on the child's standard input. */
#ifndef CWGVIEW_SPAWN_H
#define CWGVIEW_SPAWN_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "cwgview/buf.h"

/* At most this much of the command's output is kept; the rest is read and
 * dropped so that a chatty command cannot block or exhaust memory. */
#define SPAWN_MAX_OUTPUT ((size_t)64 << 10)

struct spawn_result {
	int start_errno;    /* non-zero: the command could not be started
			       (ENOENT: no such command; EACCES …) */
	bool exited;        /* it ran and exited: exit_status is valid */
	int exit_status;
	int term_signal;    /* killed by this signal, else 0 */
	bool timed_out;     /* killed by spawn_run after timeout_ms */
	int stopped_by;     /* non-zero: stopped because *stop became this
			       (the signal the caller caught) */
	bool input_closed;  /* it exited or closed stdin before reading all
			       the input (EPIPE) */
	struct buf output;  /* stdout and stderr, interleaved as written */
	bool output_truncated;
};

void spawn_result_init(struct spawn_result *r);
void spawn_result_free(struct spawn_result *r);

/* Runs argv[0] (looked up in PATH when it has no slash) with argv, input
 * [0, len) on its standard input (then end of file), standard output and
 * standard error captured together.  The child gets the default SIGPIPE
 * disposition and an empty signal mask whatever the caller has; the
 * caller's SIGPIPE is not raised by a child that stops reading.
 *
 * The command runs in a process group of its own, so that the terminal's
 * ^C reaches the caller, not the command, and so that stopping it stops
 * what it started too.  The wait is for the command's own exit, not for
 * the end of its output: a job it left in the background that holds the
 * pipe does not hold up the caller (what is in the pipe when the command
 * exits is read, without waiting for more), and that job is left alone,
 * as a shell leaves one when a script ends.
 *
 * timeout_ms > 0, or a non-zero *stop (stop may be NULL; it is meant to
 * be a flag the caller's signal handlers set to the signal's number),
 * stops the command's whole process group: SIGTERM (with SIGCONT), then
 * SIGKILL for whatever is left after a second's grace.  While the command
 * runs every signal is blocked except inside the wait (ppoll, with the
 * caller's mask), so a caught signal's handler runs there and the wait
 * looks at *stop at once; for the same time a SIGCHLD handler of
 * spawn's own is installed.
 *
 * Returns true when the command ran and exited with status 0; otherwise
 * false with the reason in r (start_errno, exit_status, term_signal,
 * timed_out, stopped_by).  r must be initialised; its output is
 * replaced. */
bool spawn_run(const char *const argv[], const void *input, size_t len,
	       int timeout_ms, const volatile sig_atomic_t *stop,
	       struct spawn_result *r);

/* As spawn_run, but the command's standard output and error stay the
 * caller's (the terminal, for a command the user pipes a topic to), there
 * is no timeout, and nothing is captured.  When tty (the caller's
 * terminal, or -1) is the caller's controlling terminal and the caller
 * has it, the command's process group is made the terminal's foreground
 * group while it runs, as a shell's job control does: ^C and ^\ reach
 * the command only, and ^Z stops it and then the caller (whose shell gets
 * the terminal; when the caller is continued, so is the command, with
 * the terminal given back).  The caller gets the terminal back when the
 * command ends or is stopped by *stop. */
bool spawn_run_terminal(const char *const argv[], const void *input,
			size_t len, int tty, const volatile sig_atomic_t *stop,
			struct spawn_result *r);

/* One line for a status line about a finished run of the command named
 * name: "NAME: command not found", "NAME exited with status 3: <first
 * line of its output>", "NAME was killed by signal 9 (Killed)", "NAME
 * did not finish in time and was stopped", "NAME was stopped: cwgview
 * got signal 2 (Interrupt)".  Empty (nothing appended) on success.
 * Output of the command is sanitised (no control characters) and cut to
 * a reasonable length. */
void spawn_describe(const struct spawn_result *r, const char *name,
		    struct buf *msg);

/* Finds the job id in what lp or lpr printed: "request id is QUEUE-123
 * (1 file(s))" gives "QUEUE-123".  CUPS's lpr prints nothing by default,
 * lp prints that line.  Returns false when there is no such line or the
 * id does not fit. */
bool spawn_parse_job_id(const char *output, size_t len, char *id,
			size_t idsize);

#endif
