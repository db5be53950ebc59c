/* The loader on good and bad input: every error has its position. */
#include "config.h"

#include <unistd.h>

#include "unit.h"

#include "cwgview/buf.h"

#define HEAD "format: cwgview/1\ntitle: T\n"
#define TOPIC1 "  - number: 1\n    title: 甲\n    inputs: []\n    guidance: []\n"

static const char good[] =
	"format: cwgview/1\n"
	"title: 测试\n"
	"columns: {guidance: 指导}\n"
	"topics:\n"
	"  - number: 3\n"
	"    title: 三\n"
	"    inputs:\n"
	"      - kind: 在线磋商\n"
	"        documents: [CWG-SFP-1/11, \"CWG-SFP-1/5\"]\n"
	"        blocks:\n"
	"          - heading: 麦肯锡\n"
	"            items:\n"
	"              - {marker: \"–\", text: 第一}\n"
	"              - text: 供考虑的方案：\n"
	"                items:\n"
	"                  - {marker: \"1.2\", text: 嵌套}\n"
	"    guidance:\n"
	"      - text: 指导意见\n"
	"  - number: 1\n"
	"    title: 一\n"
	"    inputs: []\n"
	"    guidance: []\n";

static void test_good(void **state)
{
	(void)state;
	struct load_error err;
	struct doc *d = load_buffer(good, strlen(good), NULL, &err);
	if (!d)
		fail_msg("%lu:%lu: %s", err.line, err.column, err.msg);
	assert_string_equal(d->title, "测试");
	assert_null(d->title_note);
	assert_string_equal(d->columns[DOC_COL_GUIDANCE], "指导");
	assert_string_equal(d->columns[DOC_COL_SOURCE], "输入来源");
	assert_int_equal(d->n_topics, 2);
	const struct doc_topic *t = &d->topics[0];
	assert_int_equal(t->number, 3);
	assert_int_equal(t->n_inputs, 1);
	assert_int_equal(t->inputs[0].n_documents, 2);
	assert_string_equal(t->inputs[0].documents[1], "CWG-SFP-1/5");
	assert_string_equal(t->inputs[0].blocks[0].heading, "麦肯锡");
	const struct doc_item *it = t->inputs[0].blocks[0].items;
	assert_string_equal(it[0].marker, "–");
	assert_null(it[1].marker);
	assert_int_equal(it[1].n_items, 1);
	assert_string_equal(it[1].items[0].marker, "1.2");
	assert_string_equal(t->guidance[0].text, "指导意见");
	assert_ptr_equal(doc_topic_by_number(d, 1), &d->topics[1]);
	assert_null(doc_topic_by_number(d, 2));
	doc_free(d);
}

struct bad {
	const char *name;
	const char *input;
	size_t len; /* 0: strlen */
	unsigned long line, column;
	const char *msg; /* expected message, exactly */
};

static const struct bad bad_cases[] = {
	{"syntax", "format: cwgview/1\ntitle: a: b\n", 0, 2, 9,
	 "YAML syntax error: mapping values are not allowed in this context"},
	{"syntax-quote", "format: cwgview/1\ntitle: \"open\n", 0, 3, 1,
	 "YAML syntax error: found unexpected end of stream while scanning a quoted scalar"},
	{"syntax-indent", "format: cwgview/1\ntitle: x\ncolumns:\n    source: a\n  input: b\n",
	 0, 5, 3, "YAML syntax error: did not find expected key while parsing a block mapping"},
	{"utf8", "format: cwgview/1\ntitle: ab\xff" "cd\n", 0, 2, 10,
	 "invalid UTF-8 (byte 0xFF)"},
	{"utf8-late", HEAD "topics:\n  - number: 1\n    title: 中文\xe4\xb8\n", 0, 5, 14,
	 "invalid UTF-8 (byte 0xE4)"},
	{"control", HEAD "x\x01y: 1\n", 0, 3, 2,
	 "control characters are not allowed (U+0001)"},
	{"utf16", "\xff\xfe" "f\0", 4, 1, 1,
	 "the file is UTF-16; cwgview reads UTF-8 only"},
	{"empty", "", 0, 1, 1,
	 "the file is empty: expected a mapping with format, title and topics"},
	{"comments-only", "# nothing\n", 0, 2, 1,
	 "the file is empty: expected a mapping with format, title and topics"},
	{"root-seq", "- a\n- b\n", 0, 1, 1,
	 "the top level must be a mapping, not a sequence"},
	{"root-scalar", "hello\n", 0, 1, 1,
	 "the top level must be a mapping, not a scalar"},
	{"wrong-type", "format: cwgview/1\ntitle: [a]\n", 0, 2, 8,
	 "\"title\" must be a string, not a sequence"},
	{"wrong-type-topics", HEAD "topics: {a: 1}\n", 0, 3, 9,
	 "\"topics\" must be a sequence, not a mapping"},
	{"null", HEAD "title_note: ~\ntopics: [" "]\n", 0, 3, 13,
	 "\"title_note\" must be a string, not null"},
	{"missing-title", "format: cwgview/1\ntopics:\n" TOPIC1, 0, 1, 1,
	 "the top level is missing the key \"title\""},
	{"missing-topic-key", HEAD "topics:\n  - number: 1\n    inputs: []\n    guidance: []\n",
	 0, 4, 5, "a topic is missing the key \"title\""},
	{"unknown-key", HEAD "topics:\n" TOPIC1 "    titel: x\n", 0, 8, 5,
	 "unknown key \"titel\" in a topic (expected number, title, inputs, guidance)"},
	{"duplicate-key", "format: cwgview/1\ntitle: a\ntitle: b\n", 0, 3, 1,
	 "duplicate key \"title\" in the top level"},
	{"duplicate-number", HEAD "topics:\n" TOPIC1 TOPIC1, 0, 8, 13,
	 "duplicate topic number 1 (first used on line 4)"},
	{"no-topics", HEAD "topics: []\n", 0, 3, 9, "\"topics\" must not be empty"},
	{"multi-doc", HEAD "topics:\n" TOPIC1 "---\nformat: cwgview/1\n", 0, 8, 1,
	 "a second YAML document starts here; a file holds exactly one"},
	{"alias", HEAD "x: &a [1]\ntopics: *a\n", 0, 3, 1,
	 "unknown key \"x\" in the top level (expected format, title, title_note, language, columns, topics)"},
	{"alias-value", "format: cwgview/1\ntitle: &t T\ntitle_note: *t\n", 0, 3, 13,
	 "aliases (*t) are not allowed"},
	{"tag", "format: cwgview/1\ntitle: !!binary aGk=\n", 0, 2, 8,
	 "tags (tag:yaml.org,2002:binary) are not allowed"},
	{"number-quoted", HEAD "topics:\n  - number: \"1\"\n", 0, 4, 13,
	 "\"number\" must be a plain integer, not a quoted string"},
	{"number-text", HEAD "topics:\n  - number: one\n", 0, 4, 13,
	 "\"number\" must be a whole number from 1 to 999999, not \"one\""},
	{"number-zero", HEAD "topics:\n  - number: 0\n", 0, 4, 13,
	 "\"number\" must be a whole number from 1 to 999999, not \"0\""},
	/* One rule for every length: 007 is refused as 0000001 is. */
	{"number-leading-zero", HEAD "topics:\n  - number: 007\n", 0, 4, 13,
	 "\"number\" must be written without leading zeros, not \"007\""},
	{"number-leading-zeros-long", HEAD "topics:\n  - number: 0000001\n", 0, 4, 13,
	 "\"number\" must be written without leading zeros, not \"0000001\""},
	{"number-too-long", HEAD "topics:\n  - number: 1000000\n", 0, 4, 13,
	 "\"number\" must be a whole number from 1 to 999999, not \"1000000\""},
	{"nul", "format: cwgview/1\ntitle: \"a\\0b\"\n", 0, 2, 8,
	 "\"title\" contains a NUL character"},
	{"empty-string", "format: cwgview/1\ntitle: \"\"\n", 0, 2, 8,
	 "\"title\" must not be empty"},
	{"format", "format: cwgview/2\n", 0, 1, 9,
	 "unsupported format \"cwgview/2\" (this cwgview reads cwgview/1)"},
	{"empty-blocks", HEAD "topics:\n  - number: 1\n    title: a\n    inputs:\n"
	 "      - {kind: k, documents: [], blocks: []}\n", 0, 7, 42,
	 "\"blocks\" must not be empty"},
	{"key-not-scalar", "format: cwgview/1\n? [a]\n: b\n", 0, 2, 3,
	 "a key in the top level must be a string, not a sequence"},
};

static void check_bad(const struct bad *c)
{
	struct load_error err;
	size_t len = c->len ? c->len : strlen(c->input);
	struct doc *d = load_buffer(c->input, len, NULL, &err);
	if (d) {
		doc_free(d);
		fail_msg("%s: loaded, expected an error", c->name);
	}
	if (err.line != c->line || err.column != c->column ||
	    strcmp(err.msg, c->msg) != 0)
		fail_msg("%s: got %lu:%lu: %s\n# expected %lu:%lu: %s", c->name,
			 err.line, err.column, err.msg, c->line, c->column,
			 c->msg);
}

static void test_bad(void **state)
{
	check_bad(*state);
}

/* Items nest by two levels each (sequence and mapping); a file nested past
 * the limit is refused where it crosses it. */
static void test_depth_limit(void **state)
{
	(void)state;
	struct buf_s {
		char *s;
		size_t n;
	} b = {malloc(1 << 16), 0};
	b.n += (size_t)sprintf(b.s, HEAD "topics:\n  - number: 1\n    title: a\n"
					"    inputs: []\n    guidance:\n");
	/* depth so far: root map 1, topics 2, topic 3, guidance 4 */
	for (int level = 0; level < 40; level++) {
		b.n += (size_t)sprintf(b.s + b.n, "%*s- text: x\n%*s  items:\n",
				       6 + level * 4, "", 6 + level * 4, "");
	}
	b.n += (size_t)sprintf(b.s + b.n, "%*s- text: end\n", 6 + 40 * 4, "");
	struct load_error err;
	struct doc *d = load_buffer(b.s, b.n, NULL, &err);
	assert_null(d);
	assert_string_equal(err.msg, "nesting deeper than 64 levels");
	/* guidance is depth 4; item k's mapping is depth 5 + 2k, its items
	 * sequence 6 + 2k: depth 65 is the mapping of item 30, which starts
	 * at its first key on line 8 + 2*30, after "- ". */
	assert_int_equal(err.line, 68);
	assert_int_equal(err.column, 6 + 30 * 4 + 2 + 1);
	free(b.s);

	/* The same limit holds for flow style, at the bracket. */
	char flow[200];
	memset(flow, '[', 100);
	flow[100] = '\0';
	d = load_buffer(flow, strlen(flow), NULL, &err);
	assert_null(d);
	assert_string_equal(err.msg, "the top level must be a mapping, not a sequence");
	char *deep = malloc(400);
	int n = sprintf(deep, "format: cwgview/1\ntitle: ");
	memset(deep + n, '[', 100);
	deep[n + 100] = '\0';
	d = load_buffer(deep, strlen(deep), NULL, &err);
	assert_null(d);
	assert_string_equal(err.msg, "\"title\" must be a string, not a sequence");
	struct load_options opt;
	load_options_default(&opt);
	opt.max_depth = 3;
	strcpy(deep, HEAD "topics:\n  - number: 1\n    title: a\n    inputs: [[[]]]\n");
	d = load_buffer(deep, strlen(deep), &opt, &err);
	assert_null(d);
	assert_string_equal(err.msg, "nesting deeper than 3 levels");
	assert_int_equal(err.line, 6);
	assert_int_equal(err.column, 13);
	free(deep);
}

/* on_topic: each topic as it completes, with the bytes parsed so far
 * (bytes, not characters, and counted from libyaml's reader, which reads
 * ahead: a small file is all read by its first topic);
 * a later error still fails the load, and failed keeps what was handed
 * out readable; returning false stops the load. */
struct seen {
	long numbers[4];
	const char *titles[4];
	size_t n, last_done, total;
	bool stop_after_first;
};

static bool on_topic(void *arg, const struct doc *d, const struct doc_topic *t,
		     size_t done, size_t total)
{
	struct seen *s = arg;
	assert_string_equal(d->title, "测试");
	assert_true(done >= s->last_done && done <= total);
	if (s->n < 4) {
		s->numbers[s->n] = t->number;
		s->titles[s->n] = t->title;
	}
	s->n++;
	s->last_done = done;
	s->total = total;
	return !s->stop_after_first;
}

static void test_on_topic(void **state)
{
	(void)state;
	struct load_options opt;
	load_options_default(&opt);
	struct seen s = {0};
	opt.on_topic = on_topic;
	opt.on_topic_arg = &s;
	struct load_error err;
	struct doc *d = load_buffer(good, strlen(good), &opt, &err);
	assert_non_null(d);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.numbers[0], 3);
	assert_int_equal(s.numbers[1], 1);
	assert_int_equal(s.total, strlen(good));
	assert_int_equal(s.last_done, strlen(good)); /* Chinese in it too */
	/* The strings handed out are the document's own. */
	assert_ptr_equal(s.titles[0], d->topics[0].title);
	doc_free(d);

	/* Bad after its first two topics: both were handed out, the load
	 * fails, and failed holds them. */
	char *bad = malloc(strlen(good) + 100);
	strcpy(bad, good);
	strcat(bad, "  - number: 3\n    title: again\n    inputs: []\n    guidance: []\n");
	struct doc *failed = NULL;
	opt.failed = &failed;
	memset(&s, 0, sizeof s);
	assert_null(load_buffer(bad, strlen(bad), &opt, &err));
	assert_int_equal(s.n, 2);
	assert_string_equal(err.msg, "duplicate topic number 3 (first used on line 5)");
	assert_non_null(failed);
	assert_string_equal(s.titles[1], "一"); /* still readable */
	doc_free(failed);
	free(bad);

	/* false stops it. */
	memset(&s, 0, sizeof s);
	s.stop_after_first = true;
	failed = NULL;
	assert_null(load_buffer(good, strlen(good), &opt, &err));
	assert_int_equal(s.n, 1);
	assert_string_equal(err.msg, "the load was stopped");
	doc_free(failed);
}

/* A file of n topics, most of it Chinese, then tail. */
static void big_file(struct buf *b, size_t n, const char *tail)
{
	buf_adds(b, HEAD "topics:\n");
	for (size_t i = 1; i <= n; i++)
		buf_printf(b, "  - number: %zu\n    title: 第%zu题：加强国际电联的作用\n"
			   "    inputs: []\n    guidance:\n"
			   "      - text: 国际电联应当明确其在电信领域的作用。%zu\n",
			   i, i, i);
	buf_adds(b, tail);
}

/* load_file gives back the part of the file it has parsed as it goes; an
 * error found after that still has the position and the words that
 * load_buffer, which keeps everything, gives: an invalid byte (found by
 * libyaml's reader, placed by the loader from the bytes) and a duplicate
 * number (placed by libyaml's marks), megabytes in. */
static void test_given_back(void **state)
{
	(void)state;
	const char *tails[] = {
		"  - number: 999999\n    title: 坏\xff字\n    inputs: []\n    guidance: []\n",
		"  - number: 7\n    title: 再\n    inputs: []\n    guidance: []\n",
		"",
	};
	char path[] = "/tmp/cwgview-load.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
		struct buf b = BUF_INIT;
		big_file(&b, 30000, tails[k]);
		assert_true(b.len > (3u << 20)); /* three steps of give_back */
		assert_int_equal(ftruncate(fd, 0), 0);
		assert_int_equal(pwrite(fd, b.data, b.len, 0), (ssize_t)b.len);
		struct load_error want, got;
		struct doc *whole = load_buffer(b.data, b.len, NULL, &want);
		struct doc *given = load_file(path, NULL, &got);
		if (!*tails[k]) {
			assert_non_null(whole);
			assert_non_null(given);
			assert_int_equal(given->n_topics, 30000);
			assert_string_equal(given->topics[29999].guidance[0].text,
					    whole->topics[29999].guidance[0].text);
		} else {
			assert_null(whole);
			assert_null(given);
			assert_true(want.line > 100000);
			assert_string_equal(got.msg, want.msg);
			assert_int_equal(got.line, want.line);
			assert_int_equal(got.column, want.column);
		}
		doc_free(whole);
		doc_free(given);
		buf_free(&b);
	}
	close(fd);
	unlink(path);
}

static void test_size_limit(void **state)
{
	(void)state;
	struct load_options opt;
	load_options_default(&opt);
	assert_int_equal(opt.max_bytes, LOAD_DEFAULT_MAX_BYTES);
	opt.max_bytes = 64;
	struct load_error err;
	struct doc *d = load_buffer(good, strlen(good), &opt, &err);
	assert_null(d);
	assert_int_equal(err.line, 0);
	/* The limit as it is, in the unit that says it exactly. */
	assert_string_equal(err.msg, "the file is too large (the limit is 64 bytes)");
	opt.max_bytes = 2048;
	char *big = calloc(opt.max_bytes + 2, 1);
	memset(big, '#', opt.max_bytes + 1);
	assert_null(load_buffer(big, opt.max_bytes + 1, &opt, &err));
	assert_string_equal(err.msg, "the file is too large (the limit is 2 KiB)");
	opt.max_bytes = (size_t)3 << 20;
	assert_null(load_buffer(big, (size_t)3 << 20 | 1, &opt, &err));
	assert_string_equal(err.msg, "the file is too large (the limit is 3 MiB)");
	free(big);
	opt.max_bytes = strlen(good);
	d = load_buffer(good, strlen(good), &opt, &err);
	assert_non_null(d);
	doc_free(d);
}

/* The classic alias bomb, in places where the schema takes the anchored
 * nodes (a guidance list of items), is refused at its first alias, not
 * expanded: nine levels of nine would be 387 million items. */
static void test_billion_laughs(void **state)
{
	(void)state;
	struct buf y = BUF_INIT;
	buf_adds(&y, HEAD "topics:\n"
		     "  - number: 1\n    title: a\n    inputs: []\n"
		     "    guidance: &l0 [{text: lol}, {text: lol}, {text: lol},"
		     " {text: lol}, {text: lol}, {text: lol}, {text: lol},"
		     " {text: lol}, {text: lol}]\n");
	for (int level = 1; level <= 9; level++) {
		buf_printf(&y, "  - number: %d\n    title: a\n    inputs: []\n"
			       "    guidance: &l%d [", level + 1, level);
		for (int k = 0; k < 9; k++)
			buf_printf(&y, "%s*l%d", k ? ", " : "", level - 1);
		buf_adds(&y, "]\n");
	}
	struct load_error err;
	assert_null(load_buffer(y.data, y.len, NULL, &err));
	/* Topic 1 loads (the anchor alone is harmless); the first alias, in
	 * topic 2's guidance, is where it stops. */
	assert_string_equal(err.msg, "aliases (*l0) are not allowed");
	assert_int_equal(err.line, 11);
	assert_int_equal(err.column, 20);
	buf_free(&y);
}

static void test_missing_file(void **state)
{
	(void)state;
	struct load_error err;
	assert_null(load_file("/nonexistent/cwgview.yaml", NULL, &err));
	assert_int_equal(err.line, 0);
	assert_string_equal(err.msg, "No such file or directory");
	char data[4096];
	snprintf(data, sizeof data, "%s/data", unit_srcdir());
	assert_null(load_file(data, NULL, &err));
	assert_string_equal(err.msg, "Is a directory");
}

static void test_select(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	bool sel[10];
	char err[256];
	assert_true(doc_select(d, "7", sel, err, sizeof err));
	for (int i = 0; i < 10; i++)
		assert_int_equal(sel[i], i == 6);
	assert_true(doc_select(d, "1-3,9", sel, err, sizeof err));
	assert_true(sel[0] && sel[1] && sel[2] && !sel[3] && sel[8] && !sel[9]);
	assert_true(doc_select(d, "all", sel, err, sizeof err));
	assert_true(sel[0] && sel[9]);
	assert_false(doc_select(d, "11", sel, err, sizeof err));
	assert_string_equal(err, "no topic 11 (topics are 1 to 10)");
	assert_false(doc_select(d, "5-2", sel, err, sizeof err));
	assert_string_equal(err, "topic range '5-2' runs backwards");
	assert_false(doc_select(d, "1,,2", sel, err, sizeof err));
	assert_false(doc_select(d, "", sel, err, sizeof err));
	assert_false(doc_select(d, "x", sel, err, sizeof err));
	assert_string_equal(err, "invalid topic selection 'x': use N, N-M, a comma "
				 "list of those, or all");
	assert_false(doc_select(d, "99999999999999999999", sel, err, sizeof err));
	doc_free(d);
}

enum { N_BAD = sizeof bad_cases / sizeof *bad_cases };

/* "see": the topics an item refers to, checked against the document's
 * topics once all are read (a later topic may be named). */
static void test_see(void **state)
{
	(void)state;
	const char *src =
		"format: cwgview/1\ntitle: t\ntopics:\n"
		"  - number: 1\n    title: a\n    inputs: []\n"
		"    guidance:\n      - {text: x, see: [2, 1]}\n"
		"  - number: 2\n    title: b\n    inputs: []\n    guidance: []\n";
	struct load_error err;
	struct doc *d = load_buffer(src, strlen(src), NULL, &err);
	if (!d)
		fail_msg("%lu:%lu: %s", err.line, err.column, err.msg);
	const struct doc_item *it = &d->topics[0].guidance[0];
	assert_int_equal(it->n_see, 2);
	assert_int_equal(it->see[0], 2);
	assert_int_equal(it->see[1], 1);
	doc_free(d);
	/* The bundled document's two: topic 6 to 7, topic 8 to 3. */
	d = unit_bundled();
	size_t n = 0;
	for (size_t t = 0; t < d->n_topics; t++) {
		const struct doc_topic *tp = &d->topics[t];
		for (size_t g = 0; g < tp->n_guidance; g++)
			if (tp->guidance[g].n_see) {
				assert_int_equal(tp->number, 8);
				assert_int_equal(tp->guidance[g].see[0], 3);
				n++;
			}
	}
	assert_int_equal(n, 1);
	doc_free(d);
}

int main(void)
{
	struct CMUnitTest tests[N_BAD + 6] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_see),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_on_topic),
		cmocka_unit_test(test_given_back),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_select),
	};
	/* One test per malformed input, named after it. */
	char names[N_BAD][64];
	for (size_t i = 0; i < N_BAD; i++) {
		snprintf(names[i], sizeof names[i], "bad_%s", bad_cases[i].name);
		struct CMUnitTest t = cmocka_unit_test_prestate(test_bad,
			(void *)&bad_cases[i]);
		t.name = names[i];
		tests[6 + i] = t;
	}
	return _cmocka_run_group_tests("test_load", tests, N_BAD + 6, NULL, NULL);
}
