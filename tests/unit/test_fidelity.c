/* The bundled data against the seed document it was transcribed from
 * (tests/seed.txt, a verbatim copy).  The seed is a table pasted as text:
 * a line that starts with a tab (or a space and a tab) opens a new cell,
 * other lines continue the cell before, a blank line ends a row, and
 * " \tN\tTITLE" starts topic N.  Each row's cells are: source kind, input,
 * CWG-SFP document numbers, and (first row only) the guidance, a merged
 * cell spanning the topic.
 *
 * The comparison ignores only whitespace, the colon after a source kind
 * (在线磋商：/在线磋商 both occur), and the way a block heading is set off:
 * （麦肯锡文化与技能报告） for reports, 俄联邦的文稿： for member states.
 * Every other character must match, in order, row by row. */
#include "config.h"

#include "unit.h"

#include "cwgview/buf.h"

enum { MAX_CELLS = 8, MAX_ROWS = 16, MAX_TOPICS = 16 };

struct row {
	char *cell[MAX_CELLS];
	int n;
};

struct topic {
	long number;
	char *title;
	struct row rows[MAX_ROWS];
	int n_rows;
};

struct seed {
	struct topic t[MAX_TOPICS];
	int n;
};

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void append_line(char **cell, const char *s, size_t n)
{
	size_t old = strlen(*cell);
	*cell = realloc(*cell, old + n + 2);
	(*cell)[old] = '\n';
	memcpy(*cell + old + 1, s, n);
	(*cell)[old + 1 + n] = '\0';
}

static void parse_seed(struct seed *sd, char *text)
{
	memset(sd, 0, sizeof *sd);
	struct topic *tp = NULL;
	struct row *rw = NULL;
	char *p = text;
	while (*p) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *ln = p;
		p = nl ? nl + 1 : p + n;
		size_t lead = ln[0] == ' ' && n > 1 && ln[1] == '\t' ? 2 :
			      ln[0] == '\t' ? 1 : 0;
		bool blank = true;
		for (size_t i = 0; i < n; i++)
			if (ln[i] != ' ' && ln[i] != '\t' && ln[i] != '\r')
				blank = false;
		if (lead && n > lead && ln[lead] >= '1' && ln[lead] <= '9') {
			char *end;
			long num = strtol(ln + lead, &end, 10);
			if (*end == '\t') {
				assert_true(sd->n < MAX_TOPICS);
				tp = &sd->t[sd->n++];
				tp->number = num;
				tp->title = dup_n(end + 1, n - (size_t)(end + 1 - ln));
				rw = NULL;
				continue;
			}
		}
		if (lead && n == lead) { /* a lone tab: an empty cell */
			if (rw) {
				assert_true(rw->n < MAX_CELLS);
				rw->cell[rw->n++] = dup_n("", 0);
			}
			continue;
		}
		if (blank) {
			rw = NULL;
			continue;
		}
		assert_non_null(tp);
		if (lead) {
			if (!rw) {
				assert_true(tp->n_rows < MAX_ROWS);
				rw = &tp->rows[tp->n_rows++];
			}
			assert_true(rw->n < MAX_CELLS);
			rw->cell[rw->n++] = dup_n(ln + lead, n - lead);
		} else {
			assert_non_null(rw);
			append_line(&rw->cell[rw->n - 1], ln, n);
		}
	}
}

static void free_seed(struct seed *sd)
{
	for (int i = 0; i < sd->n; i++) {
		free(sd->t[i].title);
		for (int r = 0; r < sd->t[i].n_rows; r++)
			for (int c = 0; c < sd->t[i].rows[r].n; c++)
				free(sd->t[i].rows[r].cell[c]);
	}
}

static void squash_into(struct buf *b, const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			buf_addc(b, *s);
}

static void items_into(struct buf *b, const struct doc_item *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (it[i].marker)
			squash_into(b, it[i].marker);
		squash_into(b, it[i].text);
		items_into(b, it[i].items, it[i].n_items);
	}
}

static void same_text(const char *what, long topic, const char *seed_cell,
		      struct buf *data)
{
	struct buf s = BUF_INIT;
	squash_into(&s, seed_cell);
	const char *a = s.data ? s.data : "", *b = data->data ? data->data : "";
	if (strcmp(a, b) != 0) {
		size_t k = 0;
		while (a[k] && a[k] == b[k])
			k++;
		fail_msg("topic %ld %s differs after \"%.60s\":\n#  seed: %.80s\n#  data: %.80s",
			 topic, what, a + (k > 60 ? k - 60 : 0), a + k, b + k);
	}
	buf_free(&s);
}

static void test_seed_parses(void **state)
{
	(void)state;
	char *text = unit_read("tests/seed.txt", NULL);
	struct seed sd;
	parse_seed(&sd, text);
	assert_int_equal(sd.n, 10);
	int rows = 0;
	for (int i = 0; i < sd.n; i++) {
		assert_int_equal(sd.t[i].number, i + 1);
		/* the column headers, then the input rows */
		struct row *h = &sd.t[i].rows[0];
		assert_true(h->n == 4);
		assert_string_equal(h->cell[0], "输入来源");
		assert_string_equal(h->cell[2], "CWG-SFP\n文件号");
		rows += sd.t[i].n_rows - 1;
	}
	assert_int_equal(rows, 23);
	free_seed(&sd);
	free(text);
}

static void test_data_matches_seed(void **state)
{
	(void)state;
	char *text = unit_read("tests/seed.txt", NULL);
	struct seed sd;
	parse_seed(&sd, text);
	struct doc *d = unit_bundled();
	assert_int_equal(d->n_topics, (size_t)sd.n);
	for (int i = 0; i < sd.n; i++) {
		struct topic *st = &sd.t[i];
		const struct doc_topic *dt = &d->topics[i];
		assert_int_equal(dt->number, st->number);
		assert_string_equal(dt->title, st->title);
		if ((size_t)(st->n_rows - 1) != dt->n_inputs)
			fail_msg("topic %ld: the seed has %d input rows, the data %zu",
				 st->number, st->n_rows - 1, dt->n_inputs);
		struct buf guidance_seed = BUF_INIT;
		for (int r = 1; r < st->n_rows; r++) {
			struct row *rw = &st->rows[r];
			const struct doc_input *in = &dt->inputs[r - 1];
			assert_true(rw->n >= 3 && rw->n <= 4);
			/* source kind, with or without its colon */
			char kind[64];
			snprintf(kind, sizeof kind, "%s", rw->cell[0]);
			size_t kl = strlen(kind);
			if (kl >= 3 && strcmp(kind + kl - 3, "：") == 0)
				kind[kl - 3] = '\0';
			assert_string_equal(in->kind, kind);
			/* document numbers, one per line of the cell */
			struct buf docs = BUF_INIT;
			for (size_t k = 0; k < in->n_documents; k++) {
				if (k)
					buf_addc(&docs, '\n');
				buf_adds(&docs, in->documents[k]);
			}
			if (strcmp(rw->cell[2], docs.data ? docs.data : "") != 0)
				fail_msg("topic %ld row %d: documents \"%s\" vs \"%s\"",
					 st->number, r, rw->cell[2], docs.data);
			buf_free(&docs);
			/* the input text, block by block */
			struct buf data = BUF_INIT;
			bool report = strcmp(in->kind, "建议/分析结果") == 0;
			for (size_t k = 0; k < in->n_blocks; k++) {
				const struct doc_block *bl = &in->blocks[k];
				if (bl->heading) {
					if (report)
						buf_adds(&data, "（");
					squash_into(&data, bl->heading);
					buf_adds(&data, report ? "）" : "：");
				}
				items_into(&data, bl->items, bl->n_items);
			}
			char what[32];
			snprintf(what, sizeof what, "row %d", r);
			same_text(what, st->number, rw->cell[1], &data);
			buf_free(&data);
			if (rw->n == 4)
				buf_adds(&guidance_seed, rw->cell[3]);
		}
		struct buf data = BUF_INIT;
		items_into(&data, dt->guidance, dt->n_guidance);
		same_text("guidance", st->number,
			  guidance_seed.data ? guidance_seed.data : "", &data);
		buf_free(&data);
		buf_free(&guidance_seed);
	}
	doc_free(d);
	free_seed(&sd);
	free(text);
}

/* The counts the issue names, as a second line of defence. */
static void test_counts(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	static const size_t inputs[10] = {2, 3, 2, 2, 5, 2, 3, 2, 1, 1};
	assert_int_equal(d->n_topics, 10);
	for (int i = 0; i < 10; i++)
		assert_int_equal(d->topics[i].n_inputs, inputs[i]);
	const struct doc_input *two = &doc_topic_by_number(d, 7)->inputs[2];
	assert_int_equal(two->n_documents, 2);
	assert_string_equal(two->documents[0], "CWG-SFP-1/5");
	assert_string_equal(two->documents[1], "CWG-SFP-1/7");
	assert_int_equal(doc_count_document_refs(d), 24);
	assert_non_null(d->title_note);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_parses),
		cmocka_unit_test(test_data_matches_seed),
		cmocka_unit_test(test_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
