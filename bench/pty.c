/* make bench: programs on a pseudo-terminal (pty.h). */
#include "config.h"

#include "pty.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void die(const char *what)
{
	fprintf(stderr, "cwgbench: %s\n", what);
	exit(2);
}

void pty_spawn(struct pty *p, int cols, int rows, char *const argv[],
	       char *const envp[])
{
	memset(p, 0, sizeof *p);
	p->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (p->master < 0 || grantpt(p->master) != 0 || unlockpt(p->master) != 0)
		die("no pseudo-terminal");
	const char *name = ptsname(p->master);
	if (!name)
		die("no pseudo-terminal name");
	struct winsize ws = {.ws_row = (unsigned short)rows,
			     .ws_col = (unsigned short)cols};
	if (ioctl(p->master, TIOCSWINSZ, &ws) != 0)
		die("cannot size the pseudo-terminal");
	char slave[64];
	snprintf(slave, sizeof slave, "%s", name);
	p->started = now();
	p->pid = fork();
	if (p->pid < 0)
		die(strerror(errno));
	if (p->pid == 0) {
		setsid();
		int fd = open(slave, O_RDWR);
		if (fd < 0 || ioctl(fd, TIOCSCTTY, 0) != 0)
			_exit(127);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
		execve(argv[0], argv, envp);
		_exit(127);
	}
}

/* The cursor position requests in what came since the last look. */
static void answer_requests(struct pty *p)
{
	static const char req[] = "\033[6n";
	const size_t n = sizeof req - 1;
	while (p->scanned + n <= p->n_seen) {
		const char *q = memmem(p->seen + p->scanned, p->n_seen - p->scanned, req, n);
		if (!q) {
			p->scanned = p->n_seen - (n - 1); /* a request cut short */
			return;
		}
		p->scanned = (size_t)(q - p->seen) + n;
		if (!p->silent && write(p->master, "\033[1;2R", 6) != 6)
			die("cannot write to the pseudo-terminal");
	}
}

/* Reads what is there within wait seconds into p->seen; false when
 * nothing came (or the program ended). */
static bool pty_read(struct pty *p, double wait)
{
	struct pollfd pfd = {p->master, POLLIN, 0};
	int ms = wait <= 0 ? 0 : (int)(wait * 1000.0) + 1;
	if (poll(&pfd, 1, ms) <= 0)
		return false;
	char chunk[65536];
	ssize_t k = read(p->master, chunk, sizeof chunk);
	if (k <= 0)
		return false;
	if (p->n_seen + (size_t)k + 1 > p->cap) {
		p->cap = (p->n_seen + (size_t)k + 1) * 2;
		p->seen = realloc(p->seen, p->cap);
		if (!p->seen)
			die("out of memory");
	}
	memcpy(p->seen + p->n_seen, chunk, (size_t)k);
	p->n_seen += (size_t)k;
	p->seen[p->n_seen] = '\0';
	answer_requests(p);
	return true;
}

double pty_until(struct pty *p, const char *marker, double timeout)
{
	double deadline = now() + timeout;
	while (!p->seen || !memmem(p->seen, p->n_seen, marker, strlen(marker))) {
		double left = deadline - now();
		if (left <= 0)
			return -1;
		pty_read(p, left);
	}
	return now() - p->started;
}

double pty_key(struct pty *p, const char *keys, double timeout)
{
	/* What came before belongs to the key before. */
	while (pty_read(p, 0.02))
		;
	p->n_seen = p->scanned = 0;
	double t0 = now();
	if (write(p->master, keys, strlen(keys)) != (ssize_t)strlen(keys))
		die("cannot write to the pseudo-terminal");
	if (!pty_read(p, timeout))
		return -1;
	double dt = now() - t0;
	while (pty_read(p, 0.03))
		;
	return dt;
}

void pty_close(struct pty *p)
{
	kill(p->pid, SIGTERM);
	/* The master stays open until it has ended: a closed one would be
	 * a hangup, another way to end. */
	for (;;) {
		if (waitpid(p->pid, NULL, WNOHANG) == p->pid)
			break;
		pty_read(p, 0.01);
	}
	close(p->master);
	free(p->seen);
}

double run_process(char *const argv[], const char *out_path, long *max_rss)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0)
		die(strerror(errno));
	if (pid == 0) {
		int fd = open(out_path ? out_path : "/dev/null",
			      O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) > 1) {
		fprintf(stderr, "cwgbench: %s failed\n", argv[0]);
		exit(2);
	}
	if (max_rss)
		*max_rss = ru.ru_maxrss * 1024L;
	return now() - t0;
}
