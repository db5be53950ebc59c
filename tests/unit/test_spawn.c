/* Running the print command: input on stdin, output captured, every way a
 * command can fail, and the job id in lp's answer. */
#include "config.h"

#include "unit.h"

#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "cwgview/buf.h"
#include "cwgview/spawn.h"

static const char *out_str(struct spawn_result *r)
{
	buf_addc(&r->output, '\0');
	r->output.len--;
	return r->output.data;
}

static void describe_is(const struct spawn_result *r, const char *name,
			const char *want)
{
	struct buf m = BUF_INIT;
	spawn_describe(r, name, &m);
	assert_string_equal(m.data ? m.data : "", want);
	buf_free(&m);
}

static void test_cat_round_trip(void **state)
{
	(void)state;
	const char *argv[] = {"cat", NULL};
	const char in[] = "第 1 页 / 共 1 页\n%PDF-1.5\0binary";
	struct spawn_result r;
	spawn_result_init(&r);
	assert_true(spawn_run(argv, in, sizeof in, 0, NULL, &r));
	assert_true(r.exited);
	assert_int_equal(r.exit_status, 0);
	assert_int_equal(r.output.len, sizeof in);
	assert_memory_equal(r.output.data, in, sizeof in);
	assert_false(r.input_closed);
	describe_is(&r, "cat", "");
	spawn_result_free(&r);
}

/* More input than a pipe holds, and more output than is kept: no
 * deadlock, the output is cut, the whole input still goes through. */
static void test_large_input_bounded_output(void **state)
{
	(void)state;
	size_t n = 4 * SPAWN_MAX_OUTPUT + 123;
	char *in = malloc(n);
	memset(in, 'x', n);
	const char *argv[] = {"/bin/cat", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_true(spawn_run(argv, in, n, 0, NULL, &r));
	assert_int_equal(r.output.len, SPAWN_MAX_OUTPUT);
	assert_true(r.output_truncated);
	assert_false(r.input_closed);
	spawn_result_free(&r);
	free(in);
}

static void test_false(void **state)
{
	(void)state;
	const char *argv[] = {"/bin/false", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, "x", 1, 0, NULL, &r));
	assert_true(r.exited);
	assert_int_equal(r.exit_status, 1);
	describe_is(&r, "false", "false exited with status 1");
	spawn_result_free(&r);
}

static void test_missing_command(void **state)
{
	(void)state;
	const char *argv[] = {"cwgview-no-such-command", "-P", "q", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, "x", 1, 0, NULL, &r));
	assert_int_equal(r.start_errno, ENOENT);
	assert_false(r.exited);
	describe_is(&r, "cwgview-no-such-command",
		    "cwgview-no-such-command: command not found");
	const char *path[] = {"/nonexistent/lpr", NULL};
	assert_false(spawn_run(path, NULL, 0, 0, NULL, &r));
	assert_int_equal(r.start_errno, ENOENT);
	const char *empty[] = {"", NULL};
	assert_false(spawn_run(empty, NULL, 0, 0, NULL, &r));
	assert_int_equal(r.start_errno, ENOENT);
	/* A command that exits 127 saying nothing was not found either (a
	 * failed exec where posix_spawn forks: under valgrind); one that
	 * says something is described by what it said. */
	const char *silent[] = {"sh", "-c", "exit 127", NULL};
	assert_false(spawn_run(silent, NULL, 0, 0, NULL, &r));
	assert_true(r.exited);
	describe_is(&r, "lpr", "lpr: command not found");
	const char *said[] = {"sh", "-c", "echo 'sh: 1: lp: not found'; exit 127", NULL};
	assert_false(spawn_run(said, NULL, 0, 0, NULL, &r));
	describe_is(&r, "lp", "lp exited with status 127: sh: 1: lp: not found");
	spawn_result_free(&r);
}

static void test_not_executable(void **state)
{
	(void)state;
	char readme[4096];
	snprintf(readme, sizeof readme, "%s/README.md", unit_srcdir());
	const char *argv[] = {readme, NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 0, NULL, &r));
	assert_int_equal(r.start_errno, EACCES);
	struct buf m = BUF_INIT;
	spawn_describe(&r, "README.md", &m);
	assert_non_null(strstr(m.data, "README.md: cannot run it: "));
	buf_free(&m);
	spawn_result_free(&r);
}

/* The configured argv goes to the command as it is, never through a
 * shell: a command line with ; or $( ) in an argument is just text. */
static void test_exit_status_and_message(void **state)
{
	(void)state;
	const char *argv[] = {"sh", "-c",
			      "cat >/dev/null; echo 'lpr: The printer or "
			      "class does not exist.' >&2; exit 3",
			      NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, "data", 4, 0, NULL, &r));
	assert_int_equal(r.exit_status, 3);
	describe_is(&r, "lpr",
		    "lpr exited with status 3: lpr: The printer or class "
		    "does not exist.");
	const char *plain[] = {"sh", "-c", "exit 3", NULL};
	assert_false(spawn_run(plain, NULL, 0, 0, NULL, &r));
	describe_is(&r, "sh", "sh exited with status 3");
	const char *literal[] = {"printf", "%s", "a; rm -rf / $(id) `id`", NULL};
	assert_true(spawn_run(literal, NULL, 0, 0, NULL, &r));
	assert_string_equal(out_str(&r), "a; rm -rf / $(id) `id`");
	spawn_result_free(&r);
}

/* What a command prints is sanitised before it reaches a status line. */
static void test_output_sanitised(void **state)
{
	(void)state;
	const char *argv[] = {"sh", "-c",
			      "printf '\\n  bad\\033[2Jname\\r\\nsecond\\n'; "
			      "exit 4",
			      NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 0, NULL, &r));
	describe_is(&r, "x\033y", "x^[y exited with status 4: bad^[[2Jname");
	spawn_result_free(&r);
}

static void test_killed_by_signal(void **state)
{
	(void)state;
	const char *argv[] = {"sh", "-c", "kill -9 $$", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 0, NULL, &r));
	assert_false(r.exited);
	assert_int_equal(r.term_signal, SIGKILL);
	struct buf m = BUF_INIT;
	spawn_describe(&r, "lpr", &m);
	assert_non_null(strstr(m.data, "lpr was killed by signal 9 ("));
	buf_free(&m);
	spawn_result_free(&r);
}

/* A command that exits without reading: the write fails with EPIPE, the
 * caller is not killed by SIGPIPE and has none left pending. */
static void test_epipe(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	char *in = calloc(1, n);
	const char *argv[] = {"sh", "-c", "exec 0<&-; exit 0", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_true(spawn_run(argv, in, n, 0, NULL, &r));
	assert_true(r.input_closed);
	sigset_t pending;
	sigpending(&pending);
	assert_false(sigismember(&pending, SIGPIPE));
	spawn_result_free(&r);
	free(in);
}

/* The command gets the default SIGPIPE and no blocked signals, whatever
 * the caller (a browser that ignores SIGPIPE) has. */
static void test_child_signals_reset(void **state)
{
	(void)state;
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;
	sigaction(SIGPIPE, &ign, &old);
	const char *argv[] = {"sh", "-c", "kill -PIPE $$; exit 0", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 0, NULL, &r));
	assert_int_equal(r.term_signal, SIGPIPE);
	sigaction(SIGPIPE, &old, NULL);
	spawn_result_free(&r);
}

static double elapsed(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The pid a command printed after "WHAT " in its output. */
static pid_t pid_after(struct spawn_result *r, const char *what)
{
	const char *p = strstr(out_str(r), what);
	long pid = 0;
	assert_non_null(p);
	assert_int_equal(sscanf(p + strlen(what), " %ld", &pid), 1);
	assert_true(pid > 1);
	return (pid_t)pid;
}

/* Whether process pid has ended: none there, or a zombie (an orphan
 * waits there for a parent that reaps, which init in a container may
 * never do). */
static bool ended(pid_t pid)
{
	if (kill(pid, 0) != 0)
		return errno == ESRCH;
	char path[64], stat[256] = "";
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return true;
	size_t n = fread(stat, 1, sizeof stat - 1, f);
	fclose(f);
	stat[n] = '\0';
	const char *paren = strrchr(stat, ')'); /* "pid (comm) S ..." */
	return !paren || paren[1] == '\0' || paren[2] == 'Z';
}

/* ended(pid), polled for at most 10 s: a process killed by a signal
 * takes a moment to be gone. */
static bool ends(pid_t pid)
{
	for (int i = 0; i < 1000; i++) {
		if (ended(pid))
			return true;
		struct timespec ts = {0, 10 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	return false;
}

static void test_timeout(void **state)
{
	(void)state;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const char *argv[] = {"sh", "-c", "exec sleep 30", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 200, NULL, &r));
	assert_true(r.timed_out);
	assert_int_equal(r.term_signal, SIGTERM);
	assert_true(elapsed(&t0) < 10);
	describe_is(&r, "lpr", "lpr did not finish in time and was stopped");
	/* One that ignores SIGTERM is killed.  It ignores it from its first
	 * instruction, inherited from here (exec keeps an ignored signal
	 * ignored), so no race with the timeout: a trap in the child might
	 * come too late on a loaded machine. */
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGTERM, &ign, &old);
	assert_false(spawn_run(argv, NULL, 0, 200, NULL, &r));
	sigaction(SIGTERM, &old, NULL);
	assert_true(r.timed_out);
	assert_int_equal(r.term_signal, SIGKILL);
	spawn_result_free(&r);
}

/* On a timeout the whole process group goes: also a job the command put
 * in the background. */
static void test_timeout_stops_group(void **state)
{
	(void)state;
	const char *argv[] = {"sh", "-c", "sleep 30 & echo \"bg $!\"; wait",
			      NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 300, NULL, &r));
	assert_true(r.timed_out);
	pid_t bg = pid_after(&r, "bg");
	bool gone = ends(bg);
	if (!gone)
		kill(bg, SIGKILL);
	assert_true(gone);
	spawn_result_free(&r);
}

/* A print command that leaves a job in the background holding its
 * output: its own exit is what counts, at once, with the job id it
 * printed; the job is the user's (a viewer, a later lp) and is left
 * alone, as a shell leaves one when a script ends. */
static void test_background_job(void **state)
{
	(void)state;
	const char *argv[] = {"/bin/sh", "-c",
			      "sleep 100 & echo \"bg $!\"; "
			      "echo request id is q-1",
			      NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	/* Without waiting for the end of the pipe, this is over long before
	 * the timeout; waiting for it, it times out. */
	bool ok = spawn_run(argv, "%PDF", 4, 30 * 1000, NULL, &r);
	pid_t bg = pid_after(&r, "bg");
	bool alive = !ended(bg);
	kill(bg, SIGTERM);
	assert_true(ok);
	assert_false(r.timed_out);
	char id[64];
	assert_true(spawn_parse_job_id(r.output.data, r.output.len, id,
				       sizeof id));
	assert_string_equal(id, "q-1");
	assert_true(alive);
	spawn_result_free(&r);
}

/* What the browser's signal handler sets; here SIGUSR1's. */
static volatile sig_atomic_t stop_flag;

static void on_usr1(int sig)
{
	stop_flag = sig;
}

/* The caller's signal stops the command at once, whole process group,
 * SIGKILL for one that ignores SIGTERM.  The command raises that signal
 * itself, and only once its trap is set and its line written: nothing
 * here depends on how fast it gets there. */
static void test_stop_flag(void **state)
{
	(void)state;
	struct sigaction sa = {.sa_handler = on_usr1}, old;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, &old);
	stop_flag = 0;
	const char *argv[] = {"sh", "-c",
			      "trap '' TERM; echo ready; kill -USR1 $PPID; "
			      "exec sleep 30",
			      NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 0, &stop_flag, &r));
	assert_int_equal(r.stopped_by, SIGUSR1);
	assert_false(r.timed_out);
	assert_int_equal(r.term_signal, SIGKILL);
	assert_string_equal(out_str(&r), "ready\n");
	struct buf m = BUF_INIT;
	spawn_describe(&r, "lpr", &m);
	assert_non_null(strstr(m.data, "lpr was stopped: cwgview got signal "));
	buf_free(&m);
	/* The same for a command on the terminal (here none: tty -1). */
	stop_flag = 0;
	const char *plain[] = {"sh", "-c", "kill -USR1 $PPID; exec sleep 30",
			       NULL};
	assert_false(spawn_run_terminal(plain, "x", 1, -1, &stop_flag, &r));
	assert_int_equal(r.stopped_by, SIGUSR1);
	assert_int_equal(r.term_signal, SIGTERM);
	/* Asked to stop before it starts: it is not started. */
	assert_false(spawn_run(plain, NULL, 0, 0, &stop_flag, &r));
	assert_int_equal(r.stopped_by, SIGUSR1);
	assert_false(r.exited);
	assert_int_equal(r.term_signal, 0);
	sigaction(SIGUSR1, &old, NULL);
	stop_flag = 0;
	spawn_result_free(&r);
}

static void test_terminal_without_tty(void **state)
{
	(void)state;
	const char *argv[] = {"sh", "-c", "test \"$(cat)\" = topic", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_true(spawn_run_terminal(argv, "topic", 5, -1, NULL, &r));
	const char *fail[] = {"sh", "-c", "exit 4", NULL};
	assert_false(spawn_run_terminal(fail, NULL, 0, -1, NULL, &r));
	assert_int_equal(r.exit_status, 4);
	spawn_result_free(&r);
}

static void test_job_id(void **state)
{
	(void)state;
	char id[64];
	const char *lp = "request id is cwgview-test-12 (1 file(s))\n";
	assert_true(spawn_parse_job_id(lp, strlen(lp), id, sizeof id));
	assert_string_equal(id, "cwgview-test-12");
	const char *noise = "lp: warning\nrequest id is HP_LaserJet-7";
	assert_true(spawn_parse_job_id(noise, strlen(noise), id, sizeof id));
	assert_string_equal(id, "HP_LaserJet-7");
	assert_false(spawn_parse_job_id("", 0, id, sizeof id));
	const char *none = "lpr: Error - no default destination available.\n";
	assert_false(spawn_parse_job_id(none, strlen(none), id, sizeof id));
	const char *empty = "request id is  (1 file(s))";
	assert_false(spawn_parse_job_id(empty, strlen(empty), id, sizeof id));
	assert_false(spawn_parse_job_id(lp, strlen(lp), id, 8));
	/* Not NUL-terminated: the length is what counts. */
	assert_true(spawn_parse_job_id(lp, 22, id, sizeof id));
	assert_string_equal(id, "cwgview-");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cat_round_trip),
		cmocka_unit_test(test_large_input_bounded_output),
		cmocka_unit_test(test_false),
		cmocka_unit_test(test_missing_command),
		cmocka_unit_test(test_not_executable),
		cmocka_unit_test(test_exit_status_and_message),
		cmocka_unit_test(test_output_sanitised),
		cmocka_unit_test(test_killed_by_signal),
		cmocka_unit_test(test_epipe),
		cmocka_unit_test(test_child_signals_reset),
		cmocka_unit_test(test_timeout),
		cmocka_unit_test(test_timeout_stops_group),
		cmocka_unit_test(test_background_job),
		cmocka_unit_test(test_stop_flag),
		cmocka_unit_test(test_terminal_without_tty),
		cmocka_unit_test(test_job_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
