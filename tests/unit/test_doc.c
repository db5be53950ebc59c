/* The document model: its arena, the lookups, the counts and the order in
 * which doc_topic_fields gives a topic's strings (the order the browser
 * shows them, layout lays them out and search reports them). */
#include "config.h"

#include "unit.h"

#include <stdalign.h>

#include "cwgview/buf.h"

static void test_new_defaults(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	assert_non_null(d);
	assert_int_equal(d->n_topics, 0);
	assert_string_equal(d->columns[DOC_COL_SOURCE], "输入来源");
	assert_string_equal(d->columns[DOC_COL_INPUT], "输入");
	assert_string_equal(d->columns[DOC_COL_DOCUMENTS], "CWG-SFP文件号");
	assert_string_equal(d->columns[DOC_COL_GUIDANCE], "CWG-SFP指导意见");
	for (int c = 0; c < DOC_N_COLUMNS; c++)
		assert_ptr_equal(d->columns[c], doc_default_column(c));
	assert_int_equal(doc_topic_index(d, 1), -1);
	assert_null(doc_topic_by_number(d, 1));
	assert_int_equal(doc_count_inputs(d), 0);
	assert_int_equal(doc_count_document_refs(d), 0);
	doc_free(d);
	doc_free(NULL);
}

/* Every allocation is aligned, distinct and kept until doc_free, across
 * many chunks (small ones first, then huge pages), a block too big for a
 * chunk included; strings are copied exactly and terminated. */
static void test_arena(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	enum { N = 40000 };
	char **s = calloc(N, sizeof *s);
	long **v = calloc(N, sizeof *v);
	char big[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	for (size_t i = 0; i < N; i++) {
		size_t n = i % 37; /* 0 to 36 bytes of big */
		s[i] = doc_strndup(d, big, n);
		assert_non_null(s[i]);
		assert_int_equal(strlen(s[i]), n);
		v[i] = doc_alloc(d, (i % 5 + 1) * sizeof(long));
		assert_non_null(v[i]);
		assert_int_equal((uintptr_t)v[i] % alignof(max_align_t), 0);
		v[i][0] = (long)i;
		if (i % 5 == 4)
			v[i][4] = -(long)i;
		if (i == N / 2) {
			/* Bigger than a quarter chunk: a chunk of its own. */
			char *blk = doc_alloc(d, 3 << 20);
			assert_non_null(blk);
			memset(blk, 0x5a, 3 << 20);
			assert_int_equal(blk[(3 << 20) - 1], 0x5a);
		}
	}
	for (size_t i = 0; i < N; i++) {
		assert_memory_equal(s[i], big, i % 37);
		assert_int_equal(s[i][i % 37], '\0');
		assert_int_equal(v[i][0], (long)i);
		if (i % 5 == 4)
			assert_int_equal(v[i][4], -(long)i);
	}
	/* Size 0 is still a distinct allocation; impossible sizes are NULL. */
	void *z1 = doc_alloc(d, 0), *z2 = doc_alloc(d, 0);
	assert_non_null(z1);
	assert_non_null(z2);
	assert_ptr_not_equal(z1, z2);
	assert_null(doc_alloc(d, SIZE_MAX));
	assert_null(doc_strndup(d, big, SIZE_MAX / 2));
	free(s);
	free(v);
	doc_free(d);
}

/* A document of three topics out of order (3, 1, 7), built by hand:
 *
 * topic 3 "标题": inputs
 *   0  kind A, documents D1 D2, one block headed H0: items
 *        "–" x1 (nested: "a)" x1a, no marker x1b), x2 (no marker)
 *   1  kind B, no documents, two blocks headed H1a and H1b: items y1, y2
 *   2  kind A, document D3, one block without heading: item z1
 *   guidance: "1." g1 (nested: g1a), g2
 */
static struct doc_item *items(struct doc *d, size_t n)
{
	struct doc_item *it = doc_alloc(d, n * sizeof *it);
	memset(it, 0, n * sizeof *it);
	return it;
}

static struct doc *hand_built(void)
{
	struct doc *d = doc_new();
	d->n_topics = 3;
	d->topics = doc_alloc(d, 3 * sizeof *d->topics);
	memset(d->topics, 0, 3 * sizeof *d->topics);
	long numbers[3] = {3, 1, 7};
	for (int i = 0; i < 3; i++) {
		d->topics[i].number = numbers[i];
		d->topics[i].title = i == 0 ? "标题" : "other";
	}
	struct doc_topic *t = &d->topics[0];
	t->n_inputs = 3;
	t->inputs = doc_alloc(d, 3 * sizeof *t->inputs);
	memset(t->inputs, 0, 3 * sizeof *t->inputs);

	struct doc_input *in = &t->inputs[0];
	in->kind = "A";
	in->n_documents = 2;
	in->documents = doc_alloc(d, 2 * sizeof *in->documents);
	in->documents[0] = "D1";
	in->documents[1] = "D2";
	in->n_blocks = 1;
	in->blocks = doc_alloc(d, sizeof *in->blocks);
	in->blocks[0].heading = "H0";
	in->blocks[0].n_items = 2;
	in->blocks[0].items = items(d, 2);
	in->blocks[0].items[0].marker = "–";
	in->blocks[0].items[0].text = "x1";
	in->blocks[0].items[0].n_items = 2;
	in->blocks[0].items[0].items = items(d, 2);
	in->blocks[0].items[0].items[0].marker = "a)";
	in->blocks[0].items[0].items[0].text = "x1a";
	in->blocks[0].items[0].items[1].text = "x1b";
	in->blocks[0].items[1].text = "x2";

	in = &t->inputs[1];
	in->kind = "B";
	in->n_blocks = 2;
	in->blocks = doc_alloc(d, 2 * sizeof *in->blocks);
	in->blocks[0].heading = "H1a";
	in->blocks[0].n_items = 1;
	in->blocks[0].items = items(d, 1);
	in->blocks[0].items[0].text = "y1";
	in->blocks[1].heading = "H1b";
	in->blocks[1].n_items = 1;
	in->blocks[1].items = items(d, 1);
	in->blocks[1].items[0].text = "y2";

	in = &t->inputs[2];
	in->kind = doc_strndup(d, "A", 1); /* equal, not the same pointer */
	in->n_documents = 1;
	in->documents = doc_alloc(d, sizeof *in->documents);
	in->documents[0] = "D3";
	in->n_blocks = 1;
	in->blocks = doc_alloc(d, sizeof *in->blocks);
	in->blocks[0].heading = NULL;
	in->blocks[0].n_items = 1;
	in->blocks[0].items = items(d, 1);
	in->blocks[0].items[0].text = "z1";

	t->n_guidance = 2;
	t->guidance = items(d, 2);
	t->guidance[0].marker = "1.";
	t->guidance[0].text = "g1";
	t->guidance[0].n_items = 1;
	t->guidance[0].items = items(d, 1);
	t->guidance[0].items[0].text = "g1a";
	t->guidance[1].text = "g2";
	return d;
}

static void test_lookup(void **state)
{
	(void)state;
	struct doc *d = hand_built();
	assert_int_equal(doc_topic_index(d, 3), 0);
	assert_int_equal(doc_topic_index(d, 1), 1);
	assert_int_equal(doc_topic_index(d, 7), 2);
	assert_int_equal(doc_topic_index(d, 2), -1);
	assert_int_equal(doc_topic_index(d, 0), -1);
	assert_int_equal(doc_topic_index(d, -3), -1);
	assert_ptr_equal(doc_topic_by_number(d, 7), &d->topics[2]);
	assert_ptr_equal(doc_topic_by_number(d, 3), &d->topics[0]);
	assert_null(doc_topic_by_number(d, 4));
	assert_int_equal(doc_count_inputs(d), 3);
	assert_int_equal(doc_count_document_refs(d), 3);

	const struct doc_topic *t = &d->topics[0];
	assert_true(doc_input_heading_in_header(&t->inputs[0]));
	assert_false(doc_input_heading_in_header(&t->inputs[1]));
	assert_false(doc_input_heading_in_header(&t->inputs[2]));
	assert_int_equal(doc_kind_group(t, 0), 0);
	assert_int_equal(doc_kind_group(t, 1), 1);
	assert_int_equal(doc_kind_group(t, 2), 0); /* by value, not pointer */

	bool sel[3];
	char err[128];
	assert_true(doc_select(d, "1-3", sel, err, sizeof err));
	assert_true(sel[0] && sel[1] && !sel[2]); /* numbers, not places */
	assert_false(doc_select(d, "2", sel, err, sizeof err));
	assert_string_equal(err, "no topic 2 (topics are 1 to 7)");
	/* One topic by its number (+7, --topic 7), leading zeros or not. */
	assert_int_equal(doc_find_topic(d, "7", err, sizeof err), 2);
	assert_int_equal(doc_find_topic(d, "007", err, sizeof err), 2);
	assert_int_equal(doc_find_topic(d, "2", err, sizeof err), -1);
	assert_string_equal(err, "no topic 2 (topics are 1 to 7)");
	assert_int_equal(doc_find_topic(d, "1-3", err, sizeof err), -1);
	assert_string_equal(err, "invalid topic '1-3': give a topic number");
	assert_int_equal(doc_find_topic(d, "", err, sizeof err), -1);
	assert_int_equal(doc_find_topic(d, "x", err, sizeof err), -1);
	d->n_topics = 1;
	assert_false(doc_select(d, "1", sel, err, sizeof err));
	assert_string_equal(err, "no topic 1 (the only topic is 3)");
	d->n_topics = 3;
	doc_free(d);

	/* The bundled document: what --check says of it. */
	d = unit_bundled();
	assert_int_equal(d->n_topics, 10);
	for (long n = 1; n <= 10; n++)
		assert_int_equal(doc_topic_index(d, n), n - 1);
	assert_int_equal(doc_topic_index(d, 11), -1);
	assert_int_equal(doc_count_inputs(d), 23);
	assert_int_equal(doc_count_document_refs(d), 24);
	doc_free(d);
}

struct seen {
	struct buf text; /* "role/kind/input:string" a line */
	int calls, stop_at;
};

static bool record(const struct doc_field *f, void *arg)
{
	struct seen *s = arg;
	static const char *const kinds[] = {"title", "kind", "heading",
					    "document", "marker", "text"};
	buf_printf(&s->text, "%d/%s/%ld:%s\n", (int)f->role, kinds[f->kind],
		   f->input, f->s);
	return ++s->calls != s->stop_at;
}

static void test_fields_order(void **state)
{
	(void)state;
	struct doc *d = hand_built();
	struct seen s = {BUF_INIT, 0, 0};
	assert_true(doc_topic_fields(&d->topics[0], record, &s));
	/* Rows grouped under the first of their kind (A: rows 0 and 2, then
	 * B); a lone block's heading before the documents, several blocks'
	 * headings above each; items depth first, marker before text; then
	 * the guidance. */
	assert_string_equal(s.text.data,
			    "0/title/-1:标题\n"
			    "1/kind/0:A\n"
			    "1/heading/0:H0\n"
			    "1/document/0:D1\n"
			    "1/document/0:D2\n"
			    "1/marker/0:–\n"
			    "1/text/0:x1\n"
			    "1/marker/0:a)\n"
			    "1/text/0:x1a\n"
			    "1/text/0:x1b\n"
			    "1/text/0:x2\n"
			    "1/document/2:D3\n"
			    "1/text/2:z1\n"
			    "1/kind/1:B\n"
			    "1/heading/1:H1a\n"
			    "1/text/1:y1\n"
			    "1/heading/1:H1b\n"
			    "1/text/1:y2\n"
			    "2/marker/-1:1.\n"
			    "2/text/-1:g1\n"
			    "2/text/-1:g1a\n"
			    "2/text/-1:g2\n");
	assert_int_equal(s.calls, 22);

	/* The callback stops the walk wherever it says so: in a row, in a
	 * nested list, in the guidance. */
	for (int stop = 1; stop <= 22; stop++) {
		buf_free(&s.text);
		s.calls = 0;
		s.stop_at = stop;
		assert_false(doc_topic_fields(&d->topics[0], record, &s));
		assert_int_equal(s.calls, stop);
	}
	buf_free(&s.text);
	doc_free(d);
}

static bool cites(const struct doc_input *in, const struct doc_block *bl,
		  const void *number)
{
	(void)bl;
	return doc_input_cites(in, number);
}

/* A view keeps the rows asked for, the topics that have one, and d's own
 * strings: what --xref prints. */
static void test_view(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	const struct doc_input *ru = &d->topics[1].inputs[0];
	assert_true(doc_input_cites(ru, "CWG-SFP-1/8"));
	assert_true(doc_input_cites(ru, "ＣＷＧ－ＳＦＰ－１／８"));
	assert_true(doc_input_cites(ru, "cwg-sfp-1/8"));
	assert_false(doc_input_cites(ru, "CWG-SFP-1/80"));
	assert_false(doc_input_cites(ru, "CWG-SFP-1/"));
	struct doc *v = doc_view(d, cites, "CWG-SFP-1/8", false);
	assert_non_null(v);
	/* The Russian Federation's contribution is in six topics. */
	assert_int_equal(v->n_topics, 6);
	long want[] = {2, 4, 5, 6, 7, 10};
	for (size_t i = 0; i < v->n_topics; i++) {
		const struct doc_topic *t = &v->topics[i];
		assert_int_equal(t->number, want[i]);
		assert_int_equal(t->n_inputs, 1);
		assert_int_equal(t->n_guidance, 0);
		const struct doc_topic *o = doc_topic_by_number(d, t->number);
		assert_ptr_equal(t->title, o->title); /* d's strings */
	}
	assert_ptr_equal(v->title, d->title);
	doc_free(v);
	v = doc_view(d, cites, "CWG-SFP-1/99", true);
	assert_non_null(v);
	assert_int_equal(v->n_topics, 0);
	doc_free(v);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_defaults),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_fields_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
