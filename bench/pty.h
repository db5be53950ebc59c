/* make bench: programs run on a pseudo-terminal, as a person meets them:
 * how long until the first frame is on the terminal, and how long each
 * keystroke takes to come back.  Whole processes, whole round trips. */
#ifndef CWGBENCH_PTY_H
#define CWGBENCH_PTY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct pty {
	int master;
	pid_t pid;
	double started; /* now() just before fork */
	char *seen;     /* output since the last pty_mark, NUL-terminated */
	size_t n_seen, cap;
	/* As a terminal does, the harness answers each cursor position
	 * request (CSI 6n) that the program writes, with column 2: the
	 * answer of a terminal that draws the ambiguous characters narrow
	 * (the browser asks once at start, src/tui/probe.c).  silent, set
	 * after pty_spawn: no answer, as from a terminal that has none. */
	bool silent;
	size_t scanned; /* seen up to here for requests */
};

/* Runs argv[0] (a path) with envp on a new COLSxROWS terminal. */
void pty_spawn(struct pty *p, int cols, int rows, char *const argv[],
	       char *const envp[]);
/* Seconds from the spawn until marker has appeared in the output, or -1
 * after timeout seconds. */
double pty_until(struct pty *p, const char *marker, double timeout);
/* Writes keys and returns the seconds until the first byte of output
 * after them (the browser writes each keystroke's frame in one write),
 * then reads on until the output has been quiet for a moment; -1 when
 * nothing came within timeout seconds. */
double pty_key(struct pty *p, const char *keys, double timeout);
/* Ends the program (SIGTERM, then waits for it). */
void pty_close(struct pty *p);

/* A whole process run to its end with its standard output to out_path
 * (NULL: /dev/null): wall seconds, and its peak RSS in bytes. */
double run_process(char *const argv[], const char *out_path, long *max_rss);

double now(void);
/* cwgbench: WHAT on standard error, exit status 2. */
void die(const char *what) __attribute__((noreturn));

#endif
