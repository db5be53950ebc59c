/* The PDF renderer as the browser calls it: into memory, errors in a
 * string.  What the pages say is checked by tests/cli/pdf.sh with
 * poppler-utils; here, the API and its edge cases. */
#include "config.h"

#include "unit.h"

#include "cwgview/buf.h"
#include "cwgview/pdf.h"

static void test_paper(void **state)
{
	(void)state;
	enum pdf_paper p;
	assert_true(pdf_paper_parse("a4", &p));
	assert_int_equal(p, PDF_PAPER_A4);
	assert_true(pdf_paper_parse("Letter", &p));
	assert_int_equal(p, PDF_PAPER_LETTER);
	assert_string_equal(pdf_paper_name(p), "letter");
	assert_false(pdf_paper_parse("legal", &p));
	assert_false(pdf_paper_parse("", &p));
	double w, h;
	pdf_paper_size(PDF_PAPER_LETTER, &w, &h);
	assert_true(w == 612 && h == 792);
	pdf_paper_size(PDF_PAPER_A4, &w, &h);
	assert_true(w > 595 && w < 596 && h > 841 && h < 842);
}

static bool is_pdf(const struct buf *b)
{
	return b->len > 1000 && memcmp(b->data, "%PDF-", 5) == 0 &&
	       strstr(b->data + b->len - 8, "%%EOF") != NULL;
}

static void test_render(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	bool sel[16] = {false};
	char err[256] = "";
	struct buf b = BUF_INIT;
	if (pdf_unavailable()) {
		assert_false(pdf_render_topics(&b, d, sel, PDF_PAPER_A4, err,
					       sizeof err));
		assert_string_equal(err, pdf_unavailable());
		char fam[64];
		assert_false(pdf_find_cjk_font(fam, sizeof fam, err,
					       sizeof err));
		/* Not skip(): cmocka 1.1 reports a skip as "not ok" in TAP.
		 * What the stub does is what there is to test here. */
		doc_free(d);
		return;
	}
	char fam[256];
	assert_true(pdf_find_cjk_font(fam, sizeof fam, err, sizeof err));
	assert_true(fam[0] != '\0');
	/* Too small a buffer for the name is a failure, not a cut name. */
	assert_false(pdf_find_cjk_font(fam, 3, err, sizeof err));
	/* Each topic alone, then all at once, on both papers; the buffer
	 * is appended to, as render_topics does. */
	for (size_t i = 0; i < d->n_topics; i++) {
		memset(sel, 0, sizeof sel);
		sel[i] = true;
		buf_reset(&b);
		assert_true(pdf_render_topics(&b, d, sel, PDF_PAPER_A4, err,
					      sizeof err));
		assert_true(is_pdf(&b));
	}
	for (size_t i = 0; i < d->n_topics; i++)
		sel[i] = true;
	buf_reset(&b);
	buf_adds(&b, "x");
	assert_true(pdf_render_topics(&b, d, sel, PDF_PAPER_LETTER, err,
				      sizeof err));
	assert_memory_equal(b.data, "x%PDF-", 6);
	buf_free(&b);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paper),
		cmocka_unit_test(test_render),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
