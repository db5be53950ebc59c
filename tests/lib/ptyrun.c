/* ptyrun MARKER SIGNAL SECONDS PROGRAM [ARG]...: runs PROGRAM on a new
 * 120x40 pseudo-terminal (bench/pty.c), sends SIGNAL the moment MARKER
 * appears in its output, and prints how it ended: "status N", "signal N",
 * or "alive" when it had not ended SECONDS after the signal (it is then
 * killed).  Exit status 0 when it ended, 1 when not, 2 for trouble.  The
 * browser's tests use it to hit the moment right after a frame, which a
 * tmux capture, polled, cannot.  It answers the browser's question how
 * wide the terminal draws ambiguous characters (narrow), unless
 * PTYRUN_SILENT is set. */
#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pty.h"

extern char **environ;

static struct pty p;

/* Says how it ended, and frees all (a leak report at exit would end the
 * process before stdout was flushed). */
static int end(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int end(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
	close(p.master);
	free(p.seen);
	return code;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: ptyrun MARKER SIGNAL SECONDS PROGRAM [ARG]...\n");
		return 2;
	}
	int sig = atoi(argv[2]);
	double limit = atof(argv[3]);
	pty_spawn(&p, 120, 40, argv + 4, environ);
	const char *silent = getenv("PTYRUN_SILENT");
	p.silent = silent && *silent;
	if (pty_until(&p, argv[1], 60) < 0) {
		kill(p.pid, SIGKILL);
		waitpid(p.pid, NULL, 0);
		return end(2, "no marker\n");
	}
	kill(p.pid, sig);
	double deadline = now() + limit;
	int status;
	while (waitpid(p.pid, &status, WNOHANG) != p.pid) {
		if (now() > deadline) {
			kill(p.pid, SIGKILL);
			waitpid(p.pid, NULL, 0);
			return end(1, "alive\n");
		}
		/* Keep reading: a full pseudo-terminal would block its writes. */
		pty_until(&p, "\001never\001", 0.01);
	}
	if (WIFSIGNALED(status))
		return end(0, "signal %d\n", WTERMSIG(status));
	return end(0, "status %d\n", WEXITSTATUS(status));
}
