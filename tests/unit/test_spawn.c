/* Running the print command: input on stdin, output captured, every way a
 * command can fail, and the job id in lp's answer. */
#include "config.h"

#include "unit.h"

#include <errno.h>
#include <signal.h>
#include <time.h>

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
	assert_true(spawn_run(argv, in, sizeof in, 0, &r));
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
	assert_true(spawn_run(argv, in, n, 0, &r));
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
	assert_false(spawn_run(argv, "x", 1, 0, &r));
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
	assert_false(spawn_run(argv, "x", 1, 0, &r));
	assert_int_equal(r.start_errno, ENOENT);
	assert_false(r.exited);
	describe_is(&r, "cwgview-no-such-command",
		    "cwgview-no-such-command: command not found");
	const char *path[] = {"/nonexistent/lpr", NULL};
	assert_false(spawn_run(path, NULL, 0, 0, &r));
	assert_int_equal(r.start_errno, ENOENT);
	const char *empty[] = {"", NULL};
	assert_false(spawn_run(empty, NULL, 0, 0, &r));
	assert_int_equal(r.start_errno, ENOENT);
	spawn_result_free(&r);
}

static void test_not_executable(void **state)
{
	(void)state;
	const char *argv[] = {SRCDIR "/README.md", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 0, &r));
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
	assert_false(spawn_run(argv, "data", 4, 0, &r));
	assert_int_equal(r.exit_status, 3);
	describe_is(&r, "lpr",
		    "lpr exited with status 3: lpr: The printer or class "
		    "does not exist.");
	const char *plain[] = {"sh", "-c", "exit 3", NULL};
	assert_false(spawn_run(plain, NULL, 0, 0, &r));
	describe_is(&r, "sh", "sh exited with status 3");
	const char *literal[] = {"printf", "%s", "a; rm -rf / $(id) `id`", NULL};
	assert_true(spawn_run(literal, NULL, 0, 0, &r));
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
	assert_false(spawn_run(argv, NULL, 0, 0, &r));
	describe_is(&r, "x\033y", "x^[y exited with status 4: bad^[[2Jname");
	spawn_result_free(&r);
}

static void test_killed_by_signal(void **state)
{
	(void)state;
	const char *argv[] = {"sh", "-c", "kill -9 $$", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 0, &r));
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
	assert_true(spawn_run(argv, in, n, 0, &r));
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
	assert_false(spawn_run(argv, NULL, 0, 0, &r));
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

static void test_timeout(void **state)
{
	(void)state;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const char *argv[] = {"sh", "-c", "exec sleep 30", NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	assert_false(spawn_run(argv, NULL, 0, 200, &r));
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
	assert_false(spawn_run(argv, NULL, 0, 200, &r));
	sigaction(SIGTERM, &old, NULL);
	assert_true(r.timed_out);
	assert_int_equal(r.term_signal, SIGKILL);
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
		cmocka_unit_test(test_job_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
