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
#include <time.h>
#include <unistd.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"

extern char **environ;

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

/* Starts the child with in_fd as its stdin and out_fd as its stdout and
 * stderr (out_fd < 0: it keeps the caller's, the terminal).  Returns 0 or
 * an errno value (glibc's posix_spawnp reports a failed exec, ENOENT for a
 * missing command, through its result). */
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
	/* The browser may ignore or block SIGPIPE; the command should not
	 * inherit that. */
	sigset_t none, pipe_only;
	sigemptyset(&none);
	sigemptyset(&pipe_only);
	sigaddset(&pipe_only, SIGPIPE);
	if (!e)
		e = posix_spawnattr_setsigmask(&at, &none);
	if (!e)
		e = posix_spawnattr_setsigdefault(&at, &pipe_only);
	if (!e)
		e = posix_spawnattr_setflags(
			&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	if (!e)
		e = posix_spawnp(pid, argv[0], &fa, &at, (char *const *)argv,
				 environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	return e;
}

/* Reaps the child; after a timeout asks it to stop, then insists. */
static void spawn_reap(pid_t pid, bool stop, struct spawn_result *r)
{
	int st = 0;
	if (stop) {
		kill(pid, SIGTERM);
		long long give_up = spawn_now_ms() + 1000;
		pid_t w;
		while ((w = waitpid(pid, &st, WNOHANG)) == 0 &&
		       spawn_now_ms() < give_up) {
			/* Waiting on a child has no timeout in POSIX short
			 * of SIGCHLD handling, which belongs to the
			 * program, not to a library: poll for it. */
			struct timespec ts = {0, 10 * 1000 * 1000};
			nanosleep(&ts, NULL);
		}
		if (w == pid)
			goto done;
		kill(pid, SIGKILL);
	}
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			return;
	}
done:
	if (WIFEXITED(st)) {
		r->exited = true;
		r->exit_status = WEXITSTATUS(st);
	} else if (WIFSIGNALED(st)) {
		r->term_signal = WTERMSIG(st);
	}
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

/* Feeds the input and collects the output until the child closes its
 * output (normally: exits) or the deadline passes.  Returns false on
 * timeout. */
static bool spawn_pump(int *in_fd, int *out_fd, const char *input,
		       size_t len, int timeout_ms, struct spawn_result *r)
{
	long long deadline = timeout_ms > 0 ? spawn_now_ms() + timeout_ms : 0;
	size_t off = 0;
	if (len == 0)
		spawn_close(in_fd);
	while (*out_fd >= 0) {
		struct pollfd pf[2];
		nfds_t n = 0;
		pf[n++] = (struct pollfd){.fd = *out_fd, .events = POLLIN};
		if (*in_fd >= 0)
			pf[n++] = (struct pollfd){.fd = *in_fd,
						  .events = POLLOUT};
		int wait = -1;
		if (deadline) {
			long long left = deadline - spawn_now_ms();
			if (left <= 0)
				return false;
			wait = left > 1000000 ? 1000000 : (int)left;
		}
		int k = poll(pf, n, wait);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return true;
		}
		if (n > 1 && pf[1].revents) {
			ssize_t w = write(*in_fd, input + off, len - off);
			if (w > 0) {
				off += (size_t)w;
				if (off == len)
					spawn_close(in_fd);
			} else if (w < 0 && errno != EAGAIN && errno != EINTR) {
				/* EPIPE: the command stopped reading. */
				r->input_closed = true;
				spawn_close(in_fd);
			}
		}
		if (pf[0].revents) {
			char tmp[4096];
			ssize_t got = read(*out_fd, tmp, sizeof tmp);
			if (got > 0)
				spawn_keep(r, tmp, (size_t)got);
			else if (got == 0 ||
				 (errno != EAGAIN && errno != EINTR))
				spawn_close(out_fd);
		}
	}
	if (*in_fd >= 0) {
		/* Output closed with input left: it will not read it. */
		r->input_closed = off < len;
		spawn_close(in_fd);
	}
	return true;
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

/* A write to a pipe whose reader has gone raises SIGPIPE, which would end
 * the browser.  Block it while writing and take back a SIGPIPE we caused,
 * leaving one that was already pending. */
struct pipe_guard {
	sigset_t set, old;
	bool was_pending;
};

static void pipe_guard_on(struct pipe_guard *g)
{
	sigset_t pending;
	sigemptyset(&g->set);
	sigaddset(&g->set, SIGPIPE);
	sigpending(&pending);
	g->was_pending = sigismember(&pending, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &g->set, &g->old);
}

static void pipe_guard_off(struct pipe_guard *g)
{
	sigset_t pending;
	sigpending(&pending);
	if (!g->was_pending && sigismember(&pending, SIGPIPE)) {
		struct timespec zero = {0, 0};
		while (sigtimedwait(&g->set, NULL, &zero) < 0 && errno == EINTR)
			;
	}
	pthread_sigmask(SIG_SETMASK, &g->old, NULL);
}

bool spawn_run_terminal(const char *const argv[], const void *input,
			size_t len, struct spawn_result *r)
{
	if (!spawn_begin(argv, r))
		return false;
	int in[2] = {-1, -1};
	if (pipe2(in, O_CLOEXEC) != 0) {
		r->start_errno = errno;
		return false;
	}
	pid_t pid;
	int e = spawn_start(argv, in[0], -1, &pid);
	spawn_close(&in[0]);
	if (e) {
		r->start_errno = e;
		spawn_close(&in[1]);
		return false;
	}
	/* Blocking writes: the command owns the terminal until it exits,
	 * as a command piped to from less does. */
	struct pipe_guard g;
	pipe_guard_on(&g);
	const char *p = input;
	size_t left = len;
	while (left > 0) {
		ssize_t w = write(in[1], p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			r->input_closed = true; /* EPIPE: it stopped reading */
			break;
		}
		p += w;
		left -= (size_t)w;
	}
	spawn_close(&in[1]);
	pipe_guard_off(&g);
	spawn_reap(pid, false, r);
	return r->exited && r->exit_status == 0;
}

bool spawn_run(const char *const argv[], const void *input, size_t len,
	       int timeout_ms, struct spawn_result *r)
{
	if (!spawn_begin(argv, r))
		return false;
	int in[2] = {-1, -1}, out[2] = {-1, -1};
	if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
		r->start_errno = errno;
		spawn_close(&in[0]), spawn_close(&in[1]);
		spawn_close(&out[0]), spawn_close(&out[1]);
		return false;
	}
	pid_t pid;
	int e = spawn_start(argv, in[0], out[1], &pid);
	spawn_close(&in[0]);
	spawn_close(&out[1]);
	if (e) {
		r->start_errno = e;
		spawn_close(&in[1]);
		spawn_close(&out[0]);
		return false;
	}
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
	fcntl(out[0], F_SETFL, fcntl(out[0], F_GETFL) | O_NONBLOCK);

	struct pipe_guard g;
	pipe_guard_on(&g);
	bool in_time = spawn_pump(&in[1], &out[0], input, len, timeout_ms, r);
	spawn_close(&in[1]);
	spawn_close(&out[0]);
	pipe_guard_off(&g);

	r->timed_out = !in_time;
	spawn_reap(pid, !in_time, r);
	return r->exited && r->exit_status == 0 && !r->timed_out;
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
	if (r->start_errno == ENOENT)
		buf_printf(msg, _("%s: command not found"), nm);
	else if (r->start_errno)
		buf_printf(msg, _("%s: cannot run it: %s"), nm,
			   strerror(r->start_errno));
	else if (r->timed_out)
		buf_printf(msg, _("%s did not finish in time and was stopped"),
			   nm);
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
