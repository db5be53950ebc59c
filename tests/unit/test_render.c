/* The renderer: text, markdown and json. */
#include "config.h"

#include "unit.h"

#include "cwgview/buf.h"
#include "cwgview/layout.h"
#include "cwgview/render.h"
#include "cwgview/overview.h"

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void same_items(const struct doc_item *a, size_t na,
		       const struct doc_item *b, size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		same_str(a[i].marker, b[i].marker);
		same_str(a[i].text, b[i].text);
		same_items(a[i].items, a[i].n_items, b[i].items, b[i].n_items);
	}
}

static void same_topic(const struct doc_topic *a, const struct doc_topic *b)
{
	assert_int_equal(a->number, b->number);
	same_str(a->title, b->title);
	assert_int_equal(a->n_inputs, b->n_inputs);
	for (size_t i = 0; i < a->n_inputs; i++) {
		const struct doc_input *x = &a->inputs[i], *y = &b->inputs[i];
		same_str(x->kind, y->kind);
		assert_int_equal(x->n_documents, y->n_documents);
		for (size_t k = 0; k < x->n_documents; k++)
			same_str(x->documents[k], y->documents[k]);
		assert_int_equal(x->n_blocks, y->n_blocks);
		for (size_t k = 0; k < x->n_blocks; k++) {
			same_str(x->blocks[k].heading, y->blocks[k].heading);
			same_items(x->blocks[k].items, x->blocks[k].n_items,
				   y->blocks[k].items, y->blocks[k].n_items);
		}
	}
	same_items(a->guidance, a->n_guidance, b->guidance, b->n_guidance);
}

/* JSON holds every string: loading it back gives the same document. */
static void test_json_round_trip(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	bool sel[16];
	for (size_t i = 0; i < d->n_topics; i++)
		sel[i] = true;
	struct buf b = BUF_INIT;
	assert_true(render_topics(&b, d, sel, RENDER_JSON, 80));
	struct load_error err;
	struct doc *e = load_buffer(b.data, b.len, NULL, &err);
	if (!e)
		fail_msg("json does not load: %lu:%lu: %s", err.line, err.column, err.msg);
	same_str(d->title, e->title);
	same_str(d->title_note, e->title_note);
	same_str(d->language, e->language);
	for (int c = 0; c < DOC_N_COLUMNS; c++)
		same_str(d->columns[c], e->columns[c]);
	assert_int_equal(d->n_topics, e->n_topics);
	for (size_t i = 0; i < d->n_topics; i++)
		same_topic(&d->topics[i], &e->topics[i]);
	doc_free(e);
	buf_free(&b);
	doc_free(d);
}

static void test_json_escapes(void **state)
{
	(void)state;
	const char *y = "format: cwgview/1\ntitle: \"q\\\"b\\\\s\\e\\u0085\\u2028\"\n"
			"topics: [{number: 2, title: \"t\\tx\", inputs: [], guidance: []}]\n";
	struct load_error err;
	struct doc *d = load_buffer(y, strlen(y), NULL, &err);
	assert_non_null(d);
	bool sel[1] = {true};
	struct buf b = BUF_INIT;
	assert_true(render_topics(&b, d, sel, RENDER_JSON, 80));
	assert_non_null(strstr(b.data, "\"title\": \"q\\\"b\\\\s\\u001b\\u0085\\u2028\""));
	assert_non_null(strstr(b.data, "\"title\": \"t\\tx\""));
	assert_non_null(strstr(b.data, "\"inputs\": [],"));
	/* Nothing raw that a terminal would act on. */
	for (size_t i = 0; i < b.len; i++)
		assert_true((unsigned char)b.data[i] >= 0x20 || b.data[i] == '\n');
	buf_free(&b);
	doc_free(d);
}

/* What can act on a terminal or an editor goes out escaped, and what is
 * written loads again: the bidi controls, the line and paragraph
 * separators, the byte-order mark, and U+FFFE and U+FFFF, which libyaml
 * refuses raw. */
static void test_json_inert(void **state)
{
	(void)state;
	static const unsigned inert[] = {
		0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C,
		0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFFE,
		0xFFFF,
	};
	enum { N = sizeof inert / sizeof *inert };
	struct buf y = BUF_INIT;
	buf_adds(&y, "format: cwgview/1\ntitle: \"a");
	for (size_t i = 0; i < N; i++)
		buf_printf(&y, "\\u%04X", inert[i]);
	buf_adds(&y, "z\"\ntopics: [{number: 1, title: t, inputs: [], "
		     "guidance: []}]\n");
	struct load_error err;
	struct doc *d = load_buffer(y.data, y.len, NULL, &err);
	if (!d)
		fail_msg("%lu:%lu: %s", err.line, err.column, err.msg);
	bool sel[1] = {true};
	struct buf b = BUF_INIT;
	assert_true(render_topics(&b, d, sel, RENDER_JSON, 80));
	for (size_t i = 0; i < N; i++) {
		uint8_t raw[4];
		int k = u8_uctomb(raw, inert[i], sizeof raw);
		assert_true(k > 0);
		b.data[b.len] = '\0';
		if (memmem(b.data, b.len, raw, (size_t)k))
			fail_msg("U+%04X went out raw", inert[i]);
		char esc[8];
		snprintf(esc, sizeof esc, "\\u%04x", inert[i]);
		if (!strstr(b.data, esc))
			fail_msg("U+%04X is not written as %s", inert[i], esc);
	}
	struct doc *e = load_buffer(b.data, b.len, NULL, &err);
	if (!e)
		fail_msg("json does not load: %lu:%lu: %s", err.line, err.column,
			 err.msg);
	same_str(d->title, e->title);
	doc_free(e);
	doc_free(d);
	buf_free(&b);
	buf_free(&y);
}

/* Every code point a string can hold (all but NUL and the surrogates),
 * 4096 to an item, through JSON and back. */
static void test_json_every_code_point(void **state)
{
	(void)state;
	struct buf y = BUF_INIT;
	buf_adds(&y, "format: cwgview/1\ntitle: t\ntopics:\n  - number: 1\n"
		     "    title: t\n    inputs: []\n    guidance:\n");
	size_t items = 0;
	for (unsigned cp = 1; cp <= 0x10FFFF; items++) {
		buf_adds(&y, "      - text: \"");
		for (unsigned k = 0; k < 4096 && cp <= 0x10FFFF; cp++) {
			if (cp >= 0xD800 && cp <= 0xDFFF)
				continue;
			buf_printf(&y, "\\U%08X", cp);
			k++;
		}
		buf_adds(&y, "\"\n");
	}
	assert_false(y.oom);
	struct load_error err;
	struct doc *d = load_buffer(y.data, y.len, NULL, &err);
	if (!d)
		fail_msg("%lu:%lu: %s", err.line, err.column, err.msg);
	assert_int_equal(d->topics[0].n_guidance, items);
	bool sel[1] = {true};
	struct buf b = BUF_INIT;
	assert_true(render_topics(&b, d, sel, RENDER_JSON, 80));
	struct doc *e = load_buffer(b.data, b.len, NULL, &err);
	if (!e)
		fail_msg("json does not load: %lu:%lu: %s", err.line, err.column,
			 err.msg);
	same_topic(&d->topics[0], &e->topics[0]);
	doc_free(e);
	doc_free(d);
	buf_free(&b);
	buf_free(&y);
}

static void test_markdown(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	bool sel[10] = {false};
	sel[6] = true;
	struct buf b = BUF_INIT;
	assert_true(render_topics(&b, d, sel, RENDER_MARKDOWN, 80));
	const char *expect[] = {
		"# 国际电联2024-2027年战略规划：输入 / CWG-SFP指导意见\n\n## 7 区域代表处\n",
		"\n### 成员国文稿\n\n**俄联邦的文稿** · `CWG-SFP-1/8`\n\n- 更好地反映",
		"\n**普华永道关于区域代表处的报告** · `CWG-SFP-1/5`, `CWG-SFP-1/7`\n",
		"- 1.1 强化国际电联塑造者践行者的定位：\n- 1.1.1 阐明",
		"- 供考虑的方案：\n  - CWG-SFP在制定2024-2027年战略规划时考虑整合",
		"\n### CWG-SFP指导意见\n\n- 同意国际电联区域代表处的作用应反映在新的战略规划中。\n",
	};
	for (size_t i = 0; i < sizeof expect / sizeof *expect; i++)
		if (!strstr(b.data, expect[i]))
			fail_msg("markdown lacks: %s", expect[i]);
	assert_null(strstr(b.data, "## 6"));
	assert_int_equal(strncmp(b.data, "# ", 2), 0); /* the title comes first */
	buf_free(&b);
	doc_free(d);
}

static void test_markdown_escapes(void **state)
{
	(void)state;
	const char *y = "format: cwgview/1\ntitle: t\ntopics: [{number: 1, "
			"title: \"a*b_c[d]\", inputs: [], guidance: "
			"[{marker: \"i)\", text: \"<x> #1 `c`\\e\"}]}]\n";
	struct load_error err;
	struct doc *d = load_buffer(y, strlen(y), NULL, &err);
	assert_non_null(d);
	bool sel[1] = {true};
	struct buf b = BUF_INIT;
	assert_true(render_topics(&b, d, sel, RENDER_MARKDOWN, 80));
	assert_non_null(strstr(b.data, "## 1 a\\*b\\_c\\[d\\]\n"));
	assert_non_null(strstr(b.data, "- i) \\<x\\> \\#1 \\`c\\`^\\[\n"));
	buf_free(&b);
	doc_free(d);
}

/* Text output is the layout, line for line. */
static void test_text_is_layout(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	bool sel[10] = {false};
	sel[2] = sel[3] = true;
	struct buf b = BUF_INIT;
	assert_true(render_topics(&b, d, sel, RENDER_TEXT, 50));
	struct buf want = BUF_INIT;
	struct layout L;
	layout_init(&L);
	for (int t = 2; t <= 3; t++) {
		if (t == 3)
			buf_adds(&want, "\n\n");
		assert_true(layout_topic(&L, d, &d->topics[t], LAY_PART_ALL, 50));
		for (size_t i = 0; i < L.n_lines; i++) {
			layout_line_text(&L, i, &want);
			buf_addc(&want, '\n');
		}
	}
	assert_string_equal(b.data, want.data);
	assert_true(strncmp(b.data, "3  国际电联是一家\n", strlen("3  国际电联是一家\n")) == 0);
	layout_free(&L);
	buf_free(&want);
	buf_free(&b);
	doc_free(d);
}

static void test_list_and_summary(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct buf b = BUF_INIT;
	assert_true(render_list(&b, d));
	assert_true(strncmp(b.data, " 1  简化和明确", strlen(" 1  简化和明确")) == 0);
	assert_non_null(strstr(b.data, "\n 7  区域代表处            3 inputs\n"));
	assert_non_null(strstr(b.data, "\n10  国际电联结果框架      1 input\n"));
	buf_reset(&b);
	assert_true(render_summary(&b, d));
	assert_string_equal(b.data, "10 topics, 23 inputs, 24 document references");
	buf_free(&b);
	doc_free(d);
}

static void test_formats(void **state)
{
	(void)state;
	enum render_format f;
	assert_true(render_format_parse("md", &f));
	assert_int_equal(f, RENDER_MARKDOWN);
	assert_true(render_format_parse("json", &f));
	assert_string_equal(render_format_name(f), "json");
	assert_false(render_format_parse("html", &f));
}

/* The overview: topics by sources; topic 9 has no member-state input. */
static void test_overview(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct overview o;
	assert_true(overview_build(&o, d));
	/* The kinds in the order the topics show them, each with its
	 * contributors: 俄联邦, 中国; 在线磋商; 麦肯锡 … */
	assert_string_equal(o.cols[0].kind, "成员国文稿");
	size_t len;
	const char *l = overview_label(&o, 0, &len);
	assert_int_equal(len, strlen("俄联邦"));
	assert_int_equal(strncmp(l, "俄联邦", len), 0);
	size_t members = 0, inputs = 0;
	for (size_t c = 0; c < o.n_cols; c++) {
		members += strcmp(o.cols[c].kind, "成员国文稿") == 0
				   ? overview_count(&o, 8, c) : 0;
		for (size_t t = 0; t < o.n_topics; t++)
			inputs += overview_count(&o, t, c);
	}
	assert_int_equal(members, 0);    /* topic 9 */
	assert_true(inputs >= doc_count_inputs(d)); /* a block each */
	overview_free(&o);
	struct buf b = BUF_INIT;
	assert_true(render_overview(&b, d, RENDER_TEXT, 80));
	assert_non_null(strstr(b.data, " 9 联合国层面的发展动向  ·       ·     ·"));
	buf_reset(&b);
	assert_true(render_overview(&b, d, RENDER_MARKDOWN, 80));
	assert_non_null(strstr(b.data, "| 9 联合国层面的发展动向 | · | · | · |"));
	buf_reset(&b);
	assert_false(render_overview(&b, d, RENDER_PDF, 80));
	buf_free(&b);
	doc_free(d);
}

/* A citation names the documents, the report, the item and the topic;
 * an input's text is its heading and items. */
static void test_citation(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	const struct doc_topic *t = &d->topics[2]; /* 3 国际电联是一家 */
	const struct doc_input *in = &t->inputs[1];  /* 建议/分析结果 */
	const char *field = NULL;
	for (size_t k = 0; k < in->n_blocks && !field; k++)
		for (size_t i = 0; i < in->blocks[k].n_items; i++)
			if (in->blocks[k].items[i].marker &&
			    strcmp(in->blocks[k].items[i].marker, "1.3.2") == 0)
				field = in->blocks[k].items[i].text;
	assert_non_null(field);
	struct buf b = BUF_INIT;
	assert_true(render_citation(&b, t, in, field));
	buf_addc(&b, '\0');
	assert_string_equal(b.data, "CWG-SFP-1/5（普华永道关于区域代表处的报告）1.3.2，主题 3 国际电联是一家");
	buf_reset(&b);
	/* No item: the row's kind when it has several reports. */
	assert_true(render_citation(&b, t, in, NULL));
	buf_addc(&b, '\0');
	assert_string_equal(b.data, "CWG-SFP-1/5（建议/分析结果），主题 3 国际电联是一家");
	buf_reset(&b);
	assert_true(render_input_text(&b, &d->topics[6].inputs[0]));
	buf_addc(&b, '\0');
	assert_int_equal(strncmp(b.data, "俄联邦的文稿\n– 更好地反映", strlen("俄联邦的文稿\n– 更好地反映")), 0);
	buf_free(&b);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_json_inert),
		cmocka_unit_test(test_json_every_code_point),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_overview),
		cmocka_unit_test(test_citation),
		cmocka_unit_test(test_markdown_escapes),
		cmocka_unit_test(test_text_is_layout),
		cmocka_unit_test(test_list_and_summary),
		cmocka_unit_test(test_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
