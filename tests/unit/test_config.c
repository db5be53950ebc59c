/* The config file's reader (src/config.c): settings with their places,
 * and what is left out of a file that is not all right, with its place. */
#include "config.h"

#include <errno.h>

#include "unit.h"
#include "cwgview/config.h"

static struct config *read_text(const char *text)
{
	struct load_error err;
	struct config *c = config_load_buffer(text, strlen(text), &err);
	assert_non_null(c);
	return c;
}

static void test_settings_and_places(void **state)
{
	(void)state;
	struct config *c = read_text("# a comment\n"
				     "theme: light\n"
				     "keys:\n"
				     "  quit: [q, Q]\n"
				     "  topic-next: w\n"
				     "paper: letter\n");
	assert_int_equal(c->n_notes, 0);
	assert_int_equal(c->root.n, 3);
	const struct cfg_item *t = config_get(&c->root, "theme");
	assert_non_null(t);
	assert_int_equal(t->kind, CFG_SCALAR);
	assert_string_equal(t->value, "light");
	assert_int_equal(t->line, 2);
	assert_int_equal(t->column, 1);
	assert_int_equal(t->value_line, 2);
	assert_int_equal(t->value_column, 8);
	const struct cfg_item *k = config_get(&c->root, "keys");
	assert_int_equal(k->kind, CFG_MAP);
	const struct cfg_item *q = config_get(k, "quit");
	assert_int_equal(q->kind, CFG_LIST);
	assert_int_equal(q->n, 2);
	assert_string_equal(q->items[1].value, "Q");
	assert_int_equal(q->items[1].value_line, 4);
	assert_int_equal(q->items[1].value_column, 13);
	assert_null(config_get(&c->root, "nothing"));
	config_free(c);
}

static void test_empty(void **state)
{
	(void)state;
	const char *const texts[] = {"", "# only a comment\n", "---\n"};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct config *c = read_text(texts[i]);
		assert_int_equal(c->root.n, 0);
		assert_int_equal(c->n_notes, 0);
		config_free(c);
	}
}

/* A YAML error ends the reading: what came before it stays, the setting
 * it is in goes, and the note says where. */
static void test_syntax_error_keeps_the_rest(void **state)
{
	(void)state;
	struct config *c = read_text("theme: dark\n"
				     "keys:\n"
				     "  quit: [q, Q\n"
				     "paper: a4\n");
	assert_non_null(config_get(&c->root, "theme"));
	assert_null(config_get(&c->root, "keys"));
	assert_int_equal(c->n_notes, 1);
	assert_int_equal(c->notes[0].line, 4);
	assert_non_null(strstr(c->notes[0].msg, "YAML syntax error"));
	config_free(c);
}

static void test_left_out(void **state)
{
	(void)state;
	struct config *c = read_text("theme: dark\n"
				     "theme: light\n"
				     "a: &x 1\n"
				     "b: *x\n"
				     "c: !!str 2\n"
				     "d: {e: {f: [1]}}\n"
				     "[g]: 1\n"
				     "mouse: false\n");
	/* theme once (the first), a, d without its too deep part, mouse. */
	const struct cfg_item *t = config_get(&c->root, "theme");
	assert_string_equal(t->value, "dark");
	assert_non_null(config_get(&c->root, "mouse"));
	assert_null(config_get(&c->root, "b"));
	assert_null(config_get(&c->root, "c"));
	assert_int_equal(c->n_notes, 5);
	assert_int_equal(c->notes[0].line, 2); /* twice */
	assert_non_null(strstr(c->notes[0].msg, "twice"));
	assert_int_equal(c->notes[1].line, 4); /* the alias */
	assert_int_equal(c->notes[2].line, 5); /* the tag */
	assert_int_equal(c->notes[3].line, 6); /* too deep */
	assert_int_equal(c->notes[4].line, 7); /* a key that is a list */
	config_free(c);
}

static void test_not_a_mapping(void **state)
{
	(void)state;
	struct config *c = read_text("- theme\n- light\n");
	assert_int_equal(c->root.n, 0);
	assert_int_equal(c->n_notes, 1);
	assert_int_equal(c->notes[0].line, 1);
	config_free(c);
}

static void test_unreadable(void **state)
{
	(void)state;
	struct load_error err;
	assert_null(config_load("/nonexistent/cwgview/config", &err));
	assert_int_equal(err.sys_errno, ENOENT);
}

static void test_default_path(void **state)
{
	(void)state;
	char buf[256];
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	setenv("HOME", "/home/h", 1);
	assert_true(config_default_path(buf, sizeof buf));
	assert_string_equal(buf, "/x/conf/cwgview/config");
	setenv("XDG_CONFIG_HOME", "relative", 1); /* not absolute: ignored */
	assert_true(config_default_path(buf, sizeof buf));
	assert_string_equal(buf, "/home/h/.config/cwgview/config");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_false(config_default_path(buf, sizeof buf));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings_and_places),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_syntax_error_keeps_the_rest),
		cmocka_unit_test(test_left_out),
		cmocka_unit_test(test_not_a_mapping),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_default_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
