#include "config.h"

#include "cwgview/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"

extern char **environ;

/* How long a command asked to stop (SIGTERM) has before SIGKILL. */
enum { SPAWN_GRACE_MS = 1000 };

void spawn_result_init(struct spawn_result *r)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->output);
}

void spawn_result_free(struct spawn_result *r)
{
	buf_free(&r->output);
	spawn_result_init(r);
}

static void spawn_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static long long spawn_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Starts the child, leader of a new process group, with in_fd as its
 * stdin and out_fd as its stdout and stderr (out_fd < 0: it keeps the
 * caller's, the terminal).  Returns 0 or an errno value (glibc's
 * posix_spawnp reports a failed exec, ENOENT for a missing command,
 * through its result). */
static int spawn_start(const char *const argv[], int in_fd, int out_fd,
		       pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	int e = posix_spawn_file_actions_init(&fa);
	if (e)
		return e;
	e = posix_spawnattr_init(&at);
	if (e) {
		posix_spawn_file_actions_destroy(&fa);
		return e;
	}
	/* The pipes are close-on-exec; the dup2'd copies are not. */
	e = posix_spawn_file_actions_adddup2(&fa, in_fd, STDIN_FILENO);
	if (!e && out_fd >= 0)
		e = posix_spawn_file_actions_adddup2(&fa, out_fd, STDOUT_FILENO);
	if (!e && out_fd >= 0)
		e = posix_spawn_file_actions_adddup2(&fa, out_fd, STDERR_FILENO);
	/* The browser may ignore or block SIGPIPE, and blocks every signal
	 * while it waits; the command should inherit neither. */
	sigset_t none, pipe_only;
	sigemptyset(&none);
	sigemptyset(&pipe_only);
	sigaddset(&pipe_only, SIGPIPE);
	if (!e)
		e = posix_spawnattr_setsigmask(&at, &none);
	if (!e)
		e = posix_spawnattr_setsigdefault(&at, &pipe_only);
	if (!e)
		e = posix_spawnattr_setpgroup(&at, 0);
	if (!e)
		e = posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK |
						  POSIX_SPAWN_SETSIGDEF |
						  POSIX_SPAWN_SETPGROUP);
	if (!e)
		e = posix_spawnp(pid, argv[0], &fa, &at, (char *const *)argv,
				 environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	/* As a shell does, in the parent too: the group must exist before
	 * the terminal can be given to it (EACCES once it has exec'd). */
	if (!e)
		setpgid(*pid, *pid);
	return e;
}

/* One running command and what waiting for it needs. */
struct spawn_job {
	pid_t pid;          /* the command, also its process group's id */
	int in_fd, out_fd;  /* our ends of its pipes, or -1 */
	const char *input;
	size_t len, off;
	int tty;            /* the terminal it has been given, or -1 */
	long long deadline; /* 0: none */
	const volatile sig_atomic_t *stop;
	sigset_t wait_mask; /* the signal mask inside ppoll */
	struct spawn_result *r;
};

/* While a command runs, every signal is blocked except inside ppoll: a
 * signal that arrives has its handler run there, ppoll returns, and the
 * loop looks at *stop, never missing one that came between its look and
 * the wait.  A SIGCHLD handler of our own for that time makes the
 * command's exit (or stop) end the wait too.  SIGPIPE stays blocked even
 * in ppoll: a write to a command that stopped reading fails with EPIPE
 * instead, and a SIGPIPE we caused is taken back at the end, leaving one
 * that was already pending.  Blocked SIGTTOU also lets the browser take
 * the terminal back from the command's process group (tcsetpgrp). */
struct spawn_signals {
	sigset_t old;
	struct sigaction old_chld;
	bool pipe_was_pending;
};

static void spawn_on_chld(int sig)
{
	(void)sig; /* only to interrupt ppoll */
}

static void spawn_signals_on(struct spawn_signals *s, sigset_t *wait_mask)
{
	sigset_t all, pending;
	sigfillset(&all);
	sigpending(&pending);
	s->pipe_was_pending = sigismember(&pending, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &all, &s->old);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = spawn_on_chld;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, &s->old_chld);
	*wait_mask = s->old;
	sigaddset(wait_mask, SIGPIPE);
	sigdelset(wait_mask, SIGCHLD);
}

static void spawn_signals_off(struct spawn_signals *s)
{
	sigset_t pending, pipe_only;
	sigemptyset(&pipe_only);
	sigaddset(&pipe_only, SIGPIPE);
	sigpending(&pending);
	if (!s->pipe_was_pending && sigismember(&pending, SIGPIPE)) {
		struct timespec zero = {0, 0};
		while (sigtimedwait(&pipe_only, NULL, &zero) < 0 && errno == EINTR)
			;
	}
	/* A SIGCHLD still pending is dropped with the default action. */
	sigaction(SIGCHLD, &s->old_chld, NULL);
	pthread_sigmask(SIG_SETMASK, &s->old, NULL);
}

/* Waits up to ms (-1: no limit) for a signal: SIGCHLD, or one the
 * caller catches. */
static void spawn_pause(struct spawn_job *j, long long ms)
{
	struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000};
	ppoll(NULL, 0, ms >= 0 ? &ts : NULL, &j->wait_mask);
}

static void spawn_keep(struct spawn_result *r, const char *p, size_t n)
{
	size_t room = SPAWN_MAX_OUTPUT - r->output.len;
	if (n > room) {
		n = room;
		r->output_truncated = true;
	}
	if (n)
		buf_add(&r->output, p, n);
}

static void spawn_feed(struct spawn_job *j)
{
	ssize_t w = write(j->in_fd, j->input + j->off, j->len - j->off);
	if (w > 0) {
		j->off += (size_t)w;
		if (j->off == j->len)
			spawn_close(&j->in_fd);
	} else if (w < 0 && errno != EAGAIN && errno != EINTR) {
		/* EPIPE: the command stopped reading. */
		j->r->input_closed = true;
		spawn_close(&j->in_fd);
	}
}

/* Reads some of what the command wrote; false when nothing more is there
 * for now (or ever: end of file, and the pipe is closed). */
static bool spawn_collect(struct spawn_job *j)
{
	char tmp[4096];
	ssize_t got = read(j->out_fd, tmp, sizeof tmp);
	if (got > 0) {
		spawn_keep(j->r, tmp, (size_t)got);
		return true;
	}
	if (got == 0 || (errno != EAGAIN && errno != EINTR))
		spawn_close(&j->out_fd);
	return false;
}

/* Waits up to ms (-1: no limit) for the pipes or a signal, and moves what
 * it can: input to the command, its output into r. */
static void spawn_poll(struct spawn_job *j, long long ms)
{
	struct pollfd pf[2];
	nfds_t n = 0;
	int out_at = -1, in_at = -1;
	if (j->out_fd >= 0) {
		out_at = (int)n;
		pf[n++] = (struct pollfd){.fd = j->out_fd, .events = POLLIN};
	}
	if (j->in_fd >= 0) {
		in_at = (int)n;
		pf[n++] = (struct pollfd){.fd = j->in_fd, .events = POLLOUT};
	}
	struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000};
	if (ppoll(pf, n, ms >= 0 ? &ts : NULL, &j->wait_mask) <= 0)
		return; /* a signal, or the time is up: the caller looks */
	if (in_at >= 0 && pf[in_at].revents)
		spawn_feed(j);
	if (out_at >= 0 && pf[out_at].revents)
		spawn_collect(j);
}

static void spawn_suspend(struct spawn_job *j);

/* Whether the command has ended; if so it is reaped, its status in r.
 * flags: WNOHANG, and WUNTRACED to see it stopped by job control. */
static bool spawn_ended(struct spawn_job *j, int flags)
{
	int st = 0;
	pid_t w = waitpid(j->pid, &st, flags);
	if (w == 0 || (w < 0 && errno == EINTR))
		return false;
	if (w < 0)
		return true; /* ECHILD: nothing left to wait for */
	if (WIFSTOPPED(st)) {
		spawn_suspend(j);
		return false;
	}
	if (WIFEXITED(st)) {
		j->r->exited = true;
		j->r->exit_status = WEXITSTATUS(st);
	} else if (WIFSIGNALED(st)) {
		j->r->term_signal = WTERMSIG(st);
	}
	return true;
}

/* ^Z reached the command, which has the terminal: the caller stops too,
 * as a shell's job does, and its own shell takes the terminal; fg
 * continues the caller, which gives the terminal back to the command and
 * continues it.  Without job control around the caller (its process
 * group orphaned, as under a non-interactive sh) the kernel drops the
 * SIGTSTP, and the command just goes on. */
static void spawn_suspend(struct spawn_job *j)
{
	tcsetpgrp(j->tty, getpgrp());
	/* The default action, not curses's handler, which would redraw the
	 * browser over the command when continued. */
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	sigset_t tstp;
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	pthread_sigmask(SIG_UNBLOCK, &tstp, NULL);
	raise(SIGTSTP);
	pthread_sigmask(SIG_BLOCK, &tstp, NULL);
	sigaction(SIGTSTP, &old, NULL);
	/* Continued in the background (bg), the terminal is not ours to
	 * give; the command will stop again if it reads it. */
	if (tcgetpgrp(j->tty) == getpgrp())
		tcsetpgrp(j->tty, j->pid);
	kill(-j->pid, SIGCONT);
}

/* Stops the command's whole process group: SIGTERM, and SIGCONT for a
 * member that is stopped (it would not see the SIGTERM until continued);
 * SIGKILL for whatever is left after the grace.  The command is reaped;
 * the rest of its group (a job it put in the background) is not ours to
 * reap, so its end is seen with kill(-group, 0), which fails once no
 * member is left (the group's id cannot be reused while one is). */
static void spawn_stop(struct spawn_job *j)
{
	pid_t g = j->pid;
	kill(-g, SIGTERM);
	kill(-g, SIGCONT);
	long long give_up = spawn_now_ms() + SPAWN_GRACE_MS, left;
	bool reaped;
	while (!(reaped = spawn_ended(j, WNOHANG)) &&
	       (left = give_up - spawn_now_ms()) > 0)
		spawn_pause(j, left);
	while (reaped && kill(-g, 0) == 0 && spawn_now_ms() < give_up)
		spawn_pause(j, 10);
	if (!reaped || kill(-g, 0) == 0)
		kill(-g, SIGKILL);
	while (!reaped)
		reaped = spawn_ended(j, 0);
}

/* Waits for the command's own exit, not for the end of its output (a
 * job it left in the background may hold the pipe for ever), feeding its
 * input and keeping its output meanwhile; stops it when *stop becomes
 * non-zero or at the deadline. */
static void spawn_wait(struct spawn_job *j)
{
	int flags = WNOHANG | (j->tty >= 0 ? WUNTRACED : 0);
	while (!spawn_ended(j, flags)) {
		if (j->stop && *j->stop) {
			j->r->stopped_by = *j->stop;
			spawn_stop(j);
			break;
		}
		long long ms = -1;
		if (j->deadline) {
			ms = j->deadline - spawn_now_ms();
			if (ms <= 0) {
				j->r->timed_out = true;
				spawn_stop(j);
				break;
			}
		}
		spawn_poll(j, ms);
	}
	if (j->tty >= 0)
		tcsetpgrp(j->tty, getpgrp());
	/* What it wrote before it ended is in the pipe; a job it left may
	 * go on writing, so read what is there, and at most so much. */
	for (int i = 0; i < 256 && j->out_fd >= 0 && spawn_collect(j); i++)
		;
	if (j->in_fd >= 0 && j->off < j->len)
		j->r->input_closed = true; /* it ended without reading it all */
}

/* Makes the command's process group the terminal's foreground group,
 * when the terminal is the caller's and the caller has it; else j->tty
 * becomes -1 (the command then runs as a background job would). */
static void spawn_give_terminal(struct spawn_job *j)
{
	if (j->tty < 0 || tcgetpgrp(j->tty) != getpgrp() ||
	    tcsetpgrp(j->tty, j->pid) != 0) {
		j->tty = -1;
		return;
	}
	/* It may have touched the terminal before it was its own, and been
	 * stopped for that (SIGTTIN, SIGTTOU): SIGCONT also drops such a
	 * stop still pending. */
	kill(-j->pid, SIGCONT);
}

/* Clears r for a new run (keeping its output buffer) and checks that there
 * is a command to run. */
static bool spawn_begin(const char *const argv[], struct spawn_result *r)
{
	buf_reset(&r->output);
	struct buf keep = r->output;
	memset(r, 0, sizeof *r);
	r->output = keep;
	if (!argv || !argv[0] || !argv[0][0]) {
		r->start_errno = ENOENT;
		return false;
	}
	return true;
}

/* Runs argv as spawn_run and spawn_run_terminal say: its input on a pipe,
 * its output on another (capture) or the caller's; j has the input, tty,
 * deadline, stop and r. */
static bool spawn_job_run(const char *const argv[], struct spawn_job *j,
			  bool capture)
{
	struct spawn_result *r = j->r;
	if (!spawn_begin(argv, r))
		return false;
	int in[2] = {-1, -1}, out[2] = {-1, -1};
	if (pipe2(in, O_CLOEXEC) != 0 ||
	    (capture && pipe2(out, O_CLOEXEC) != 0)) {
		r->start_errno = errno;
		spawn_close(&in[0]), spawn_close(&in[1]);
		return false;
	}
	struct spawn_signals s;
	spawn_signals_on(&s, &j->wait_mask);
	int e = 0;
	if (j->stop && *j->stop)
		r->stopped_by = *j->stop; /* already asked to stop: no start */
	else if ((e = spawn_start(argv, in[0], out[1], &j->pid)) != 0)
		r->start_errno = e;
	spawn_close(&in[0]);
	spawn_close(&out[1]);
	if (!e && !r->stopped_by) {
		j->in_fd = in[1];
		j->out_fd = out[0];
		in[1] = out[0] = -1;
		fcntl(j->in_fd, F_SETFL, fcntl(j->in_fd, F_GETFL) | O_NONBLOCK);
		if (j->out_fd >= 0)
			fcntl(j->out_fd, F_SETFL,
			      fcntl(j->out_fd, F_GETFL) | O_NONBLOCK);
		if (j->len == 0)
			spawn_close(&j->in_fd);
		spawn_give_terminal(j);
		spawn_wait(j);
	}
	spawn_close(&in[1]), spawn_close(&out[0]);
	spawn_close(&j->in_fd), spawn_close(&j->out_fd);
	spawn_signals_off(&s);
	return r->exited && r->exit_status == 0 && !r->timed_out &&
	       !r->stopped_by;
}

bool spawn_run_terminal(const char *const argv[], const void *input,
			size_t len, int tty, const volatile sig_atomic_t *stop,
			struct spawn_result *r)
{
	struct spawn_job j = {.in_fd = -1, .out_fd = -1, .input = input,
			      .len = len, .tty = tty, .stop = stop, .r = r};
	return spawn_job_run(argv, &j, false);
}

bool spawn_run(const char *const argv[], const void *input, size_t len,
	       int timeout_ms, const volatile sig_atomic_t *stop,
	       struct spawn_result *r)
{
	struct spawn_job j = {.in_fd = -1, .out_fd = -1, .input = input,
			      .len = len, .tty = -1, .stop = stop, .r = r};
	if (timeout_ms > 0)
		j.deadline = spawn_now_ms() + timeout_ms;
	return spawn_job_run(argv, &j, true);
}

/* The first non-empty line of the command's output, sanitised and cut. */
static void spawn_first_line(const struct buf *out, struct buf *msg)
{
	const char *p = out->data ? out->data : "";
	const char *end = p + out->len;
	while (p < end && (*p == '\n' || *p == '\r' || *p == ' '))
		p++;
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
	while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
		n--;
	/* Keep whole characters, about a status line's worth. */
	size_t cut = 0;
	while (cut < n && cut < 200) {
		uint32_t uc;
		cut += (size_t)text_next(p + cut, n - cut, &uc);
	}
	if (!cut)
		return;
	buf_adds(msg, ": ");
	text_sanitize(msg, p, cut);
	if (cut < n)
		buf_adds(msg, "…");
}

void spawn_describe(const struct spawn_result *r, const char *name,
		    struct buf *msg)
{
	struct buf safe = BUF_INIT;
	text_sanitize(&safe, name, strlen(name));
	const char *nm = safe.data ? safe.data : "";
	/* Status 127 with nothing said is a command that was not found, as
	 * shells report it; it is also what a failed exec gives where
	 * posix_spawn forks instead of reporting the error (under valgrind,
	 * say). */
	if (r->start_errno == ENOENT ||
	    (r->exited && r->exit_status == 127 && r->output.len == 0))
		buf_printf(msg, _("%s: command not found"), nm);
	else if (r->start_errno)
		buf_printf(msg, _("%s: cannot run it: %s"), nm,
			   strerror(r->start_errno));
	else if (r->timed_out)
		buf_printf(msg, _("%s did not finish in time and was stopped"),
			   nm);
	else if (r->stopped_by)
		buf_printf(msg, _("%s was stopped: cwgview got signal %d (%s)"),
			   nm, r->stopped_by, strsignal(r->stopped_by));
	else if (r->term_signal)
		buf_printf(msg, _("%s was killed by signal %d (%s)"), nm,
			   r->term_signal, strsignal(r->term_signal));
	else if (r->exited && r->exit_status != 0) {
		buf_printf(msg, _("%s exited with status %d"), nm,
			   r->exit_status);
		spawn_first_line(&r->output, msg);
	}
	buf_free(&safe);
}

bool spawn_parse_job_id(const char *output, size_t len, char *id,
			size_t idsize)
{
	static const char key[] = "request id is ";
	const size_t klen = sizeof key - 1;
	for (size_t i = 0; i + klen <= len; i++) {
		if (memcmp(output + i, key, klen) != 0)
			continue;
		const char *p = output + i + klen;
		size_t n = 0;
		/* A CUPS job id is the queue name, "-", the number; queue
		 * names are printable ASCII without spaces. */
		while (i + klen + n < len && p[n] > ' ' && p[n] < 0x7F)
			n++;
		if (n == 0 || n >= idsize)
			return false;
		memcpy(id, p, n);
		id[n] = '\0';
		return true;
	}
	return false;
}
