/* The layout shared by the browser and --print text. */
#include "config.h"

#include "unit.h"

#include "cwgview/buf.h"
#include "cwgview/layout.h"
#include "cwgview/text.h"

/* Appends the parts of field f that the layout shows, in order. */
static void collect(const struct layout *L, const char *f, struct buf *out)
{
	for (size_t i = 0; i < L->n_lines; i++) {
		const struct lay_line *ln = &L->lines[i];
		for (uint32_t k = 0; k < ln->n_spans; k++) {
			const struct lay_span *sp = &L->spans[ln->first_span + k];
			if (sp->field == f)
				buf_add(out, sp->s, sp->len);
		}
	}
}

static char *without_spaces(const char *s, size_t n)
{
	char *o = malloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n')
			o[k++] = s[i];
	o[k] = '\0';
	return o;
}

static char *line(const struct layout *L, size_t i)
{
	struct buf b = BUF_INIT;
	layout_line_text(L, i, &b);
	return b.data ? buf_steal(&b) : strdup("");
}

/* Every string of the topic shows in full: wrapping drops only the spaces
 * at line breaks. */
static void check_field(const struct layout *L, const char *f)
{
	struct buf b = BUF_INIT;
	collect(L, f, &b);
	char *want = without_spaces(f, strlen(f));
	char *got = without_spaces(b.data ? b.data : "", b.len);
	if (strcmp(want, got) != 0)
		fail_msg("field \"%s\" shows as \"%s\" at width %d", f, got, L->width);
	free(want);
	free(got);
	buf_free(&b);
}

static void check_items(const struct layout *L, const struct doc_item *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (it[i].marker)
			check_field(L, it[i].marker);
		check_field(L, it[i].text);
		check_items(L, it[i].items, it[i].n_items);
	}
}

static void test_every_width(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct layout L;
	layout_init(&L);
	for (int w = 10; w <= 130; w++) {
		for (size_t t = 0; t < d->n_topics; t++) {
			const struct doc_topic *tp = &d->topics[t];
			assert_true(layout_topic(&L, d, tp, LAY_PART_ALL, w));
			for (size_t i = 0; i < L.n_lines; i++) {
				struct buf b = BUF_INIT;
				layout_line_text(&L, i, &b);
				int lw = text_width(b.data ? b.data : "", b.len);
				if (lw > w || lw != L.lines[i].width)
					fail_msg("topic %ld width %d line %zu is %d "
						 "columns (recorded %d): %s",
						 tp->number, w, i, lw,
						 L.lines[i].width, b.data);
				buf_free(&b);
				for (uint32_t k = 0; k < L.lines[i].n_spans; k++) {
					const struct lay_span *sp =
						&L.spans[L.lines[i].first_span + k];
					assert_true(text_valid_utf8(sp->s, sp->len, NULL));
				}
			}
			check_field(&L, tp->title);
			for (size_t r = 0; r < tp->n_inputs; r++) {
				const struct doc_input *in = &tp->inputs[r];
				/* A kind shows once, from the first row of its group. */
				bool first = true;
				for (size_t q = 0; q < r; q++)
					if (strcmp(tp->inputs[q].kind, in->kind) == 0)
						first = false;
				if (first)
					check_field(&L, in->kind);
				for (size_t k = 0; k < in->n_documents; k++)
					check_field(&L, in->documents[k]);
				for (size_t k = 0; k < in->n_blocks; k++) {
					if (in->blocks[k].heading)
						check_field(&L, in->blocks[k].heading);
					check_items(&L, in->blocks[k].items,
						    in->blocks[k].n_items);
				}
			}
			check_items(&L, tp->guidance, tp->n_guidance);
		}
	}
	layout_free(&L);
	doc_free(d);
}

static void assert_line(const struct layout *L, size_t i, const char *expect)
{
	char *s = line(L, i);
	if (strcmp(s, expect) != 0)
		fail_msg("line %zu is \"%s\", expected \"%s\"", i, s, expect);
	free(s);
}

/* The shape of a topic: title, kinds, rows with contributor and document
 * numbers, markers with hanging indents, guidance under its label. */
static void test_topic7_shape(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	const struct doc_topic *t = doc_topic_by_number(d, 7);
	struct layout L;
	layout_init(&L);
	assert_true(layout_topic(&L, d, t, LAY_PART_ALL, 40));
	assert_line(&L, 0, "7  区域代表处");
	assert_line(&L, 1, "=============");
	assert_line(&L, 2, "");
	assert_line(&L, 3, "成员国文稿");
	assert_line(&L, 4, "  俄联邦的文稿 · CWG-SFP-1/8");
	assert_line(&L, 5, "    – 更好地反映区域代表处作为国际电联最");
	assert_line(&L, 6, "      重要职能之一的作用，将使国际电联的");
	/* The row with two document numbers and several blocks. */
	bool found = false;
	for (size_t i = 0; i < L.n_lines; i++) {
		char *s = line(&L, i);
		if (strcmp(s, "  CWG-SFP-1/5, CWG-SFP-1/7") == 0) {
			found = true;
			assert_int_equal(L.lines[i].input, 2);
		}
		free(s);
	}
	assert_true(found);
	/* Guidance comes last, under its label, belonging to no row. */
	size_t lab = L.n_lines - 7;
	assert_line(&L, lab, "CWG-SFP指导意见");
	assert_int_equal(L.lines[lab].input, -1);
	assert_line(&L, lab + 1, "  – 同意国际电联区域代表处的作用应反映在");
	assert_line(&L, lab + 2, "    新的战略规划中。");
	layout_free(&L);
	doc_free(d);
}

/* Deep nesting never pushes text off a narrow screen. */
static void test_deep_nesting_stays_inside(void **state)
{
	(void)state;
	struct buf y = BUF_INIT;
	buf_adds(&y, "format: cwgview/1\ntitle: t\ntopics:\n  - number: 1\n"
		     "    title: 深\n    inputs: []\n    guidance:\n");
	buf_adds(&y, "      [\n");
	for (int level = 0; level < 25; level++)
		buf_printf(&y, "%*s{marker: \"a.%d\", text: 第%d层文字很长很长很长, items: [\n",
			   8 + level, "", level, level);
	buf_printf(&y, "%*s{text: 最深}\n", 8 + 25, "");
	for (int level = 25; level-- > 0;)
		buf_printf(&y, "%*s]}\n", 8 + level, "");
	buf_adds(&y, "      ]\n");
	struct load_error err;
	struct doc *d = load_buffer(y.data, y.len, NULL, &err);
	if (!d)
		fail_msg("%lu:%lu: %s", err.line, err.column, err.msg);
	struct layout L;
	layout_init(&L);
	for (int w = 1; w <= 60; w++) {
		assert_true(layout_topic(&L, d, &d->topics[0], LAY_PART_ALL, w));
		for (size_t i = 0; i < L.n_lines; i++) {
			/* Only a lone wide character may exceed width 1. */
			if (w >= 2 && L.lines[i].width > w) {
				char *s = line(&L, i);
				fail_msg("width %d: line %zu is %d wide: \"%s\"", w, i,
					 L.lines[i].width, s);
			}
		}
	}
	layout_free(&L);
	doc_free(d);
	buf_free(&y);
}

static void test_control_characters_visible(void **state)
{
	(void)state;
	const char *y = "format: cwgview/1\ntitle: t\ntopics:\n  - number: 1\n"
			"    title: \"bad\\e[2Jtitle\"\n    inputs: []\n"
			"    guidance: [{text: \"x\\ty\\u0085z\"}]\n";
	struct load_error err;
	struct doc *d = load_buffer(y, strlen(y), NULL, &err);
	assert_non_null(d);
	struct layout L;
	layout_init(&L);
	assert_true(layout_topic(&L, d, &d->topics[0], LAY_PART_ALL, 80));
	assert_line(&L, 0, "1  bad^[[2Jtitle");
	assert_line(&L, 4, "  x^Iy\xEF\xBF\xBDz");
	layout_free(&L);
	doc_free(d);
}

struct order {
	const char *fields[512];
	size_t n;
};

static bool collect_field(const struct doc_field *f, void *arg)
{
	struct order *o = arg;
	if (f->role != DOC_ROLE_TITLE) /* the title is the topics pane's */
		o->fields[o->n++] = f->s;
	return o->n < 512;
}

/* The layout shows the fields in the order doc_topic_fields() gives them,
 * which is the order search reports its hits in. */
static void test_field_order(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct layout L;
	layout_init(&L);
	for (size_t t = 0; t < d->n_topics; t++) {
		struct order o = {.n = 0};
		assert_true(doc_topic_fields(&d->topics[t], collect_field, &o));
		assert_true(layout_topic(&L, d, &d->topics[t],
					 LAY_PART_INPUTS | LAY_PART_GUIDANCE, 33));
		size_t k = 0;
		const char *last = NULL;
		for (size_t s = 0; s < L.n_spans; s++) {
			const char *f = L.spans[s].field;
			if (!f || f == last)
				continue; /* a field wrapped over several lines */
			last = f;
			assert_true(k < o.n);
			assert_ptr_equal(f, o.fields[k]);
			k++;
		}
		assert_int_equal(k, o.n);
	}
	layout_free(&L);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_width),
		cmocka_unit_test(test_topic7_shape),
		cmocka_unit_test(test_deep_nesting_stays_inside),
		cmocka_unit_test(test_control_characters_visible),
		cmocka_unit_test(test_field_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
