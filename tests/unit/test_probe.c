/* The question to the terminal how wide it draws the ambiguous characters
 * and what its background is (src/tui/probe.c): the answers taken out of
 * what it sends, COLORFGBG, and the whole
 * exchange over a real pseudo-terminal, with a thread as the terminal. */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <termios.h>
#include <unistd.h>

#include "unit.h"
#include "tui/probe.h"

/* probe_take_reports on in: the keys left in out, the first report's
 * column in *col (0: none), the background in *light. */
static size_t take_all(const char *in, char *out, int *col, int *light,
		       size_t *pending)
{
	unsigned char buf[128];
	size_t n = strlen(in);
	memcpy(buf, in, n);
	struct probe_reply r = {0, -1};
	size_t k = probe_take_reports(buf, &n, &r, pending);
	memcpy(out, buf, n);
	out[n] = '\0';
	*col = r.cols;
	*light = r.light;
	return k;
}

static size_t take(const char *in, char *out, int *cols, size_t max,
		   size_t *pending)
{
	int light;
	(void)max;
	return take_all(in, out, cols, &light, pending);
}

static void test_report_taken_keys_stay(void **state)
{
	(void)state;
	char rest[64];
	int cols[2] = {0, 0};
	size_t pending;
	assert_int_equal(take("a\033[12;3Rb", rest, cols, 2, &pending), 1);
	assert_string_equal(rest, "ab");
	assert_int_equal(cols[0], 3);
	assert_int_equal(pending, 0);
	/* Two, and keys between them: the first one's column. */
	assert_int_equal(take("\033[1;2Rj\033[40;120Rk", rest, cols, 2, &pending), 2);
	assert_string_equal(rest, "jk");
	assert_int_equal(cols[0], 2);
}

static void test_background(void **state)
{
	(void)state;
	char rest[128];
	int col, light;
	size_t pending;
	/* xterm's answer (ESC \ after it), white; then the report. */
	assert_int_equal(take_all("\033]11;rgb:ffff/ffff/ffff\033\\\033[3;2R", rest,
				  &col, &light, &pending), 1);
	assert_string_equal(rest, "");
	assert_int_equal(light, 1);
	assert_int_equal(col, 2);
	/* BEL after it, two digits each: a dark blue-grey; keys around. */
	take_all("a\033]11;rgb:1e/1e/2e\007b", rest, &col, &light, &pending);
	assert_string_equal(rest, "ab");
	assert_int_equal(light, 0);
	/* Solarized light's base3, four digits. */
	take_all("\033]11;rgb:fdfd/f6f6/e3e3\033\\", rest, &col, &light, &pending);
	assert_int_equal(light, 1);
	/* Not an answer: stays as typed. */
	take_all("\033]11;rgb:zz/00/00\007", rest, &col, &light, &pending);
	assert_int_equal(light, -1);
	assert_string_equal(rest, "\033]11;rgb:zz/00/00\007");
	/* Cut short: kept, pending. */
	take_all("\033]11;rgb:ffff/ff", rest, &col, &light, &pending);
	assert_int_equal(light, -1);
	assert_int_equal(pending, strlen("\033]11;rgb:ffff/ff"));
}

static void test_colorfgbg(void **state)
{
	(void)state;
	assert_int_equal(probe_colorfgbg("15;0"), 0);
	assert_int_equal(probe_colorfgbg("0;15"), 1);
	assert_int_equal(probe_colorfgbg("0;default;7"), 1);
	assert_int_equal(probe_colorfgbg("7;8"), 0);
	assert_int_equal(probe_colorfgbg("0;default"), -1);
	assert_int_equal(probe_colorfgbg("0;"), -1);
	assert_int_equal(probe_colorfgbg("0;16"), -1);
	assert_int_equal(probe_colorfgbg(""), -1);
	assert_int_equal(probe_colorfgbg(NULL), -1);
}

static void test_not_reports(void **state)
{
	(void)state;
	char rest[64];
	int cols[1] = {0};
	size_t pending;
	/* Keys that begin alike: an arrow, a function key, a report
	 * without a row, Escape then R. */
	static const char *const keys[] = {"\033[A", "\033[1;2~", "\033[;3R",
					   "\033R", "\033[12R", "x\033[1;2Sy"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		assert_int_equal(take(keys[i], rest, cols, 1, &pending), 0);
		assert_string_equal(rest, keys[i]);
		assert_int_equal(pending, 0);
	}
}

static void test_cut_short(void **state)
{
	(void)state;
	char rest[64];
	int cols[1] = {0};
	size_t pending;
	assert_int_equal(take("x\033[1;", rest, cols, 1, &pending), 0);
	assert_string_equal(rest, "x\033[1;");
	assert_int_equal(pending, 4);
	assert_int_equal(take("\033", rest, cols, 1, &pending), 0);
	assert_int_equal(pending, 1);
}

/* ---- over a pseudo-terminal ---- */

struct terminal {
	int master;
	const char *answer; /* written once the question came; NULL: none */
	const char *before; /* typed before anything */
	char got[256];      /* what the program wrote */
	size_t n_got;
	int light;          /* what the probe made of the background */
};

static void *play_terminal(void *arg)
{
	struct terminal *tm = arg;
	if (tm->before)
		assert_int_equal(write(tm->master, tm->before, strlen(tm->before)),
				 (ssize_t)strlen(tm->before));
	for (int i = 0; i < 200 && !memmem(tm->got, tm->n_got, "\033[6n", 4); i++) {
		struct pollfd pfd = {tm->master, POLLIN, 0};
		if (poll(&pfd, 1, 20) <= 0)
			continue;
		ssize_t k = read(tm->master, tm->got + tm->n_got,
				 sizeof tm->got - 1 - tm->n_got);
		if (k > 0)
			tm->n_got += (size_t)k;
	}
	if (tm->answer)
		assert_int_equal(write(tm->master, tm->answer, strlen(tm->answer)),
				 (ssize_t)strlen(tm->answer));
	return NULL;
}

/* Runs the probe against tm; returns its result, typed into typed. */
static int exchange(struct terminal *tm, char *typed, tcflag_t *lflag_after,
		    tcflag_t *lflag_before)
{
	tm->master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(tm->master >= 0);
	assert_int_equal(grantpt(tm->master), 0);
	assert_int_equal(unlockpt(tm->master), 0);
	int slave = open(ptsname(tm->master), O_RDWR | O_NOCTTY);
	assert_true(slave >= 0);
	struct termios t;
	assert_int_equal(tcgetattr(slave, &t), 0);
	t.c_lflag &= ~(tcflag_t)ECHO; /* the slave's echo would come back */
	assert_int_equal(tcsetattr(slave, TCSANOW, &t), 0);
	*lflag_before = t.c_lflag;
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, play_terminal, tm), 0);
	unsigned char buf[64];
	size_t n = sizeof buf;
	struct probe_answer a;
	probe_terminal(slave, slave, "\033[?1049h", "\033[6n", 150, &a, buf, &n);
	tm->light = a.light;
	int w = a.width;
	pthread_join(th, NULL);
	memcpy(typed, buf, n);
	typed[n] = '\0';
	assert_int_equal(tcgetattr(slave, &t), 0);
	*lflag_after = t.c_lflag;
	close(slave);
	close(tm->master);
	return w;
}

static void test_wide_terminal(void **state)
{
	(void)state;
	struct terminal tm = {.answer = "k\033]11;rgb:0000/0000/0000\033\\\033[5;3R"};
	char typed[64];
	tcflag_t before, after;
	assert_int_equal(exchange(&tm, typed, &after, &before), 2);
	/* The alternate screen, the colour asked for, a carriage return,
	 * U+25BD, the question where the cursor is. */
	tm.got[tm.n_got] = '\0';
	assert_string_equal(tm.got, "\033[?1049h\033]11;?\033\\\r\xE2\x96\xBD\033[6n");
	assert_string_equal(typed, "k"); /* typed meanwhile: kept */
	assert_int_equal(tm.light, 0);   /* black */
	assert_int_equal(after, before); /* echo and lines as they were */
}

static void test_narrow_terminal(void **state)
{
	(void)state;
	struct terminal tm = {.answer = "\033[1;2R", .before = "jj"};
	char typed[64];
	tcflag_t before, after;
	assert_int_equal(exchange(&tm, typed, &after, &before), 1);
	assert_string_equal(typed, "jj");
	assert_int_equal(tm.light, -1); /* no colour said */
}

static void test_no_answer(void **state)
{
	(void)state;
	struct terminal tm = {.answer = NULL, .before = "q"};
	char typed[64];
	tcflag_t before, after;
	assert_int_equal(exchange(&tm, typed, &after, &before), 0);
	assert_string_equal(typed, "q");
	assert_int_equal(after, before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_taken_keys_stay),
		cmocka_unit_test(test_not_reports),
		cmocka_unit_test(test_cut_short),
		cmocka_unit_test(test_background),
		cmocka_unit_test(test_colorfgbg),
		cmocka_unit_test(test_wide_terminal),
		cmocka_unit_test(test_narrow_terminal),
		cmocka_unit_test(test_no_answer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
