/* The search core: folding, the map back to the original bytes, narrowing,
 * hit order, regex mode. */
#include "config.h"

#include <locale.h>
#include <unistd.h>
#include "unit.h"

#include "cwgview/buf.h"
#include "cwgview/search.h"

static char *fold(const struct search_index *ix, const char *s, bool fold_case)
{
	struct buf b = BUF_INIT;
	assert_true(search_fold(ix, s, strlen(s), fold_case, &b));
	return b.data ? buf_steal(&b) : strdup("");
}

static void assert_fold(const struct search_index *ix, const char *s,
			bool fold_case, const char *want)
{
	char *got = fold(ix, s, fold_case);
	if (strcmp(got, want) != 0)
		fail_msg("fold(\"%s\", %d) = \"%s\", want \"%s\"", s, fold_case,
			 got, want);
	free(got);
}

/* A small document whose one topic has the given guidance texts. */
static struct doc *small_doc(const char *const *texts, size_t n)
{
	struct buf y = BUF_INIT;
	buf_adds(&y, "format: cwgview/1\ntitle: t\ntopics:\n"
		     "  - number: 1\n    title: 标题\n    inputs: []\n"
		     "    guidance:\n");
	for (size_t i = 0; i < n; i++) {
		buf_adds(&y, "      - text: \"");
		buf_adds(&y, texts[i]);
		buf_adds(&y, "\"\n");
	}
	struct load_error err;
	struct doc *d = load_buffer(y.data, y.len, NULL, &err);
	if (!d)
		fail_msg("small doc: %lu:%lu: %s", err.line, err.column, err.msg);
	buf_free(&y);
	return d;
}

static void run(const struct search_index *ix, const char *q, unsigned flags,
		struct search_result *r)
{
	char err[256] = "";
	if (!search_run(ix, q, flags, r, err, sizeof err))
		fail_msg("search \"%s\": %s", q, err);
}

static char *hit_bytes(const struct search_hit *h);

/* The original bytes of hit i (with the space a line shows between a
 * marker and its text, for a hit that runs from one into the other). */
static char *hit_text(const struct search_result *r, size_t i)
{
	return hit_bytes(&r->hits[i]);
}

static void assert_hit(const struct search_result *r, size_t i,
		       const char *want)
{
	assert_true(i < r->n);
	char *got = hit_text(r, i);
	if (strcmp(got, want) != 0)
		fail_msg("hit %zu is \"%s\", want \"%s\"", i, got, want);
	free(got);
}

/* Runs q and checks the number of hits and, when first is not NULL, the
 * original bytes of the first. */
static void expect(const struct search_index *ix, struct search_result *r,
		   const char *q, unsigned flags, size_t n, const char *first)
{
	run(ix, q, flags, r);
	if (r->n != n)
		fail_msg("\"%s\": %zu hits, want %zu", q, r->n, n);
	if (first)
		assert_hit(r, 0, first);
}

static bool same_hits(const struct search_result *a,
		      const struct search_result *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const struct search_hit *x = &a->hits[i], *y = &b->hits[i];
		if (x->topic != y->topic || x->role != y->role ||
		    x->kind != y->kind || x->input != y->input ||
		    x->field != y->field || x->start != y->start ||
		    x->end != y->end || x->cont != y->cont ||
		    x->cont_end != y->cont_end)
			return false;
	}
	return true;
}

static void check_narrowing(const struct search_index *ix,
			    const char *const *steps, size_t n);

/* ---- folding ---- */

static void test_fold_nfkc(void **state)
{
	(void)state;
	struct doc *d = small_doc((const char *[]){"x"}, 1);
	struct search_index *ix = search_index_new(d);
	assert_non_null(ix);
	assert_fold(ix, "ＣＷＧ－ＳＦＰ－１／８", false, "CWG-SFP-1/8");
	assert_fold(ix, "ＣＷＧ－ＳＦＰ－１／８", true, "cwg-sfp-1/8");
	assert_fold(ix, "报告，见（ｂ．２）：", false, "报告,见(b.2):");
	assert_fold(ix, "ﬁle Ⅻ ½", false, "file XII 1⁄2");
	assert_fold(ix, "ﬁle Ⅻ", true, "file xii");
	/* Composition: e + COMBINING ACUTE is é. */
	assert_fold(ix, "cafe\xCC\x81", false, "caf\xC3\xA9");
	assert_fold(ix, "\xE3\x80\x80", false, " "); /* ideographic space */
	assert_fold(ix, "", true, "");
	search_index_free(ix);
	doc_free(d);
}

static void test_fold_case(void **state)
{
	(void)state;
	struct doc *d = small_doc((const char *[]){"x"}, 1);
	struct search_index *ix = search_index_new(d);
	assert_fold(ix, "UNDP Undp", true, "undp undp");
	assert_fold(ix, "UNDP Undp", false, "UNDP Undp");
	assert_fold(ix, "Straße ΣΑΣ", true, "strasse σασ");
	/* Mathematical bold A has no lower case of its own: NFKC first. */
	assert_fold(ix, "\xF0\x9D\x90\x80", true, "a");
	search_index_free(ix);
	doc_free(d);

	assert_false(search_is_case_sensitive("undp"));
	assert_false(search_is_case_sensitive("国际电联 cwg-sfp"));
	assert_true(search_is_case_sensitive("Undp"));
	assert_true(search_is_case_sensitive("ＵＮＤＰ"));
	assert_true(search_is_case_sensitive("café É"));
	/* Only a Latin capital decides: Greek capitals fold. */
	assert_false(search_is_case_sensitive("ΣΑΣ"));
}

static void test_fold_dashes(void **state)
{
	(void)state;
	struct doc *d = small_doc((const char *[]){"x"}, 1);
	struct search_index *ix = search_index_new(d);
	assert_fold(ix, "- ‐ ‑ ‒ – — ― − － ﹣ ⸺", true,
		    "- - - - - - - - - - -");
	assert_fold(ix, "2024–2027", false, "2024-2027");
	/* Not dashes: the ideographic full stop and the middle dot stay. */
	assert_fold(ix, "。·", false, "。·");
	search_index_free(ix);
	doc_free(d);
}

static void test_fold_traditional(void **state)
{
	(void)state;
	struct doc *d = small_doc((const char *[]){"国际电联的区域代表处"}, 1);
	struct search_index *ix = search_index_new(d);
	struct search_result r;
	search_result_init(&r);
#ifdef HAVE_OPENCC
	/* Built with OpenCC, the t2s configuration must open: build.sh
	 * installs libopencc-data with libopencc-dev. */
	assert_true(search_index_folds_traditional(ix));
	assert_null(search_index_fold_problem(ix));
	assert_fold(ix, "國際電聯", true, "国际电联");
	assert_fold(ix, "區域代表處", false, "区域代表处");
	/* Simplified text folds to itself. */
	assert_fold(ix, "国际电联的区域代表处", true, "国际电联的区域代表处");
	expect(ix, &r, "國際電聯", 0, 1, "国际电联");
	expect(ix, &r, "區域代表處", 0, 1, "区域代表处");
#else
	/* Without OpenCC traditional characters stay as they are (README,
	 * Search): a traditional query finds only traditional text.  The
	 * t2s case is tested in a build with OpenCC. */
	print_message("# built without OpenCC: checking that traditional "
		      "queries do not fold\n");
	assert_false(search_index_folds_traditional(ix));
	assert_null(search_index_fold_problem(ix)); /* a choice, no problem */
	assert_fold(ix, "國際電聯", true, "國際電聯");
	expect(ix, &r, "國際電聯", 0, 0, NULL);
	expect(ix, &r, "国际电联", 0, 1, NULL);
#endif
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

/* ---- the map back to the original bytes ---- */

/* A document in which nothing folds to a different length has no offset
 * anchors at all: the matcher must still map its hits (the fuzzer found
 * pointer arithmetic on a NULL anchor array, which UBSan stops). */
static void test_no_anchors(void **state)
{
	(void)state;
	const char *texts[] = {"abc 中文 abc", "国际电联"};
	struct doc *d = small_doc(texts, 2);
	struct search_index *ix = search_index_new(d);
	assert_non_null(ix);
	struct search_result r;
	search_result_init(&r);
	expect(ix, &r, "abc", 0, 2, "abc");
	assert_int_equal(r.hits[1].start, 11);
	expect(ix, &r, "中文", 0, 1, "中文");
	expect(ix, &r, "b.", SEARCH_REGEX, 2, "bc");
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

static void test_offsets_exact(void **state)
{
	(void)state;
	const char *texts[] = {
		"报告ＳＦＰ文件",             /* 0: full width */
		"见（ｂ．２的考虑选项），甲",  /* 1: full-width punctuation */
		"第Ⅻ章与ﬁle",                /* 2: one character, many folded */
		"cafe\xCC\x81 bar",          /* 3: combining mark */
		"2024–2027年",               /* 4: en dash */
		"aaaa",                      /* 5: overlaps */
	};
	struct doc *d = small_doc(texts, 6);
	struct search_index *ix = search_index_new(d);
	struct search_result r;
	search_result_init(&r);

	expect(ix, &r, "sfp", 0, 1, "ＳＦＰ");
	assert_int_equal(r.hits[0].start, 6);
	assert_int_equal(r.hits[0].end, 15);
	assert_ptr_equal(r.hits[0].field, d->topics[0].guidance[0].text);

	expect(ix, &r, "(b.2", 0, 1, "（ｂ．２");
	run(ix, "),甲", 0, &r);
	assert_hit(&r, 0, "），甲");

	/* A hit inside a folded character covers the whole character. */
	expect(ix, &r, "xi", 0, 1, "Ⅻ");
	run(ix, "il", 0, &r);
	assert_hit(&r, 0, "ﬁl");
	/* …and two hits never share it. */
	expect(ix, &r, "i", 0, 2, "Ⅻ");
	assert_hit(&r, 1, "ﬁ");

	expect(ix, &r, "café", 0, 1, "cafe\xCC\x81");

	run(ix, "2024-2027", 0, &r);
	assert_hit(&r, 0, "2024–2027");
	run(ix, "4—2", 0, &r);
	assert_hit(&r, 0, "4–2");

	expect(ix, &r, "aa", 0, 2, NULL);
	assert_int_equal(r.hits[0].start, 0);
	assert_int_equal(r.hits[1].start, 2);

	expect(ix, &r, "", 0, 0, NULL);
	expect(ix, &r, "不在", 0, 0, NULL);
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

/* Smart case is checked on the folded text with the index's case marks,
 * falling back to the model's strings where a cluster folds in a way they
 * do not describe (ß, É).  Each case below takes one of those paths. */
static void test_case_sensitive(void **state)
{
	(void)state;
	const char *texts[] = {
		"见ＵＮＤＰ与Undp和undp", /* 0: full-width upper case */
		"第Ⅻ章",                 /* 1: XII, upper case, one character */
		"Straße STRASSE",        /* 2: ß folds to ss */
		"École école ÉCOLE",     /* 3: É is not ASCII */
		"CWG-SFP-1/8 cwg-sfp-1/8 Cwg",
	};
	struct doc *d = small_doc(texts, 5);
	struct search_index *ix = search_index_new(d);
	struct search_result r;
	search_result_init(&r);

	expect(ix, &r, "UNDP", 0, 1, "ＵＮＤＰ");
	expect(ix, &r, "Undp", 0, 1, "Undp");
	assert_int_equal(r.hits[0].start, strlen("见ＵＮＤＰ与"));
	expect(ix, &r, "undp", 0, 3, NULL);
	run(ix, "ＵＮＤＰ", 0, &r); /* the query full-width too */
	assert_int_equal(r.n, 1);
	assert_hit(&r, 0, "ＵＮＤＰ");

	/* Part of a character folded to several letters: the hit covers
	 * the character, and case counts letter by letter. */
	expect(ix, &r, "XI", 0, 1, "Ⅻ");
	expect(ix, &r, "Xi", 0, 0, NULL);

	expect(ix, &r, "STRASSE", 0, 1, "STRASSE");
	expect(ix, &r, "Straße", 0, 1, "Straße");
	expect(ix, &r, "strasse", 0, 2, NULL);

	expect(ix, &r, "École", 0, 1, "École");
	expect(ix, &r, "ÉCOLE", 0, 1, "ÉCOLE");
	expect(ix, &r, "école", 0, 3, NULL);
	expect(ix, &r, "COLE", 0, 1, NULL);

	/* Typed one key at a time, case changing on the way. */
	check_narrowing(ix, (const char *[]){"c", "cW", "cWg", "Cwg"}, 4);
	expect(ix, &r, "CWG-SFP", 0, 1, NULL);
	expect(ix, &r, "Cwg", 0, 1, "Cwg");
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

/* Every hit's original bytes fold to exactly the query, and every place a
 * substring of the bundled document was taken from is found again. */
struct sample_walk {
	const struct search_index *ix;
	struct search_result r;
	size_t topic, checked;
};

/* A hit's original bytes; for one that runs from a marker into its text,
 * the marker's part, the one space a line shows, the text's part. */
static char *hit_bytes(const struct search_hit *h)
{
	size_t n = h->end - h->start, m = h->cont ? h->cont_end : 0;
	char *s = malloc(n + 1 + m + 1);
	assert_non_null(s);
	memcpy(s, h->field + h->start, n);
	if (h->cont) {
		s[n++] = ' ';
		memcpy(s + n, h->cont, m);
		n += m;
	}
	s[n] = '\0';
	return s;
}

static bool sample_field(const struct doc_field *f, void *arg)
{
	struct sample_walk *w = arg;
	const char *s = f->s;
	size_t n = strlen(s);
	/* Substrings of 1 to 4 characters at every 5th character. */
	size_t pos = 0, k = 0;
	while (pos < n) {
		int len = 1 + (int)(k % 4);
		size_t end = pos;
		for (int c = 0; c < len && end < n; c++)
			end += (size_t)u8_mblen((const uint8_t *)s + end, n - end);
		char *q = strndup(s + pos, end - pos);
		run(w->ix, q, 0, &w->r);
		char *fq = fold(w->ix, q, !search_is_case_sensitive(q));
		bool found = false;
		for (size_t i = 0; i < w->r.n; i++) {
			const struct search_hit *h = &w->r.hits[i];
			char *orig = hit_bytes(h);
			char *fo = fold(w->ix, orig, !search_is_case_sensitive(q));
			if (strcmp(fo, fq) != 0)
				fail_msg("query \"%s\": hit \"%s\" folds to \"%s\"",
					 q, orig, fo);
			free(orig);
			free(fo);
			/* Found where it was taken, or inside an earlier hit
			 * that overlaps it (hits never overlap). */
			if (h->topic == w->topic && h->field == s &&
			    h->start <= pos && pos < h->end)
				found = true;
		}
		if (!found)
			fail_msg("\"%s\" at byte %zu of \"%s\" not found", q, pos, s);
		free(q);
		free(fq);
		w->checked++;
		for (int c = 0; c < 5 && pos < n; c++)
			pos += (size_t)u8_mblen((const uint8_t *)s + pos, n - pos);
		k++;
	}
	return true;
}

static void test_offsets_bundled(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct sample_walk w = {search_index_new(d), {0}, 0, 0};
	search_result_init(&w.r);
	for (w.topic = 0; w.topic < d->n_topics; w.topic++)
		doc_topic_fields(&d->topics[w.topic], sample_field, &w);
	assert_true(w.checked > 1000);
	search_result_free(&w.r);
	search_index_free((struct search_index *)w.ix);
	doc_free(d);
}

/* ---- narrowing ---- */

static void check_narrowing(const struct search_index *ix,
			    const char *const *steps, size_t n);


static void check_narrowing(const struct search_index *ix,
			    const char *const *steps, size_t n)
{
	struct search_result typed, fresh;
	search_result_init(&typed);
	search_result_init(&fresh);
	size_t prev = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		run(ix, steps[i], 0, &typed);
		search_result_free(&fresh);
		run(ix, steps[i], 0, &fresh);
		if (!same_hits(&typed, &fresh))
			fail_msg("\"%s\" typed: %zu hits; searched afresh: %zu",
				 steps[i], typed.n, fresh.n);
		assert_int_equal(fresh.fields_searched, search_index_fields(ix));
		if (i > 0) {
			assert_true(typed.fields_searched <= prev);
			assert_true(typed.fields_searched <
				    search_index_fields(ix));
		}
		prev = typed.fields_searched;
	}
	search_result_free(&typed);
	search_result_free(&fresh);
}

static void test_narrowing(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct search_index *ix = search_index_new(d);
	check_narrowing(ix, (const char *[]){"国", "国际", "国际电", "国际电联",
					     "国际电联的"}, 5);
	check_narrowing(ix, (const char *[]){"c", "cw", "cwg", "cwg-",
					     "cwg-s", "cwg-sfp-1/8"}, 6);
	/* Smart case changes on the way: the fold to search stays. */
	check_narrowing(ix, (const char *[]){"u", "uN", "uND", "uNDP"}, 4);
	check_narrowing(ix, (const char *[]){"加", "加速", "加速器实验室"}, 3);

	/* Fields searched shrink to those where the shorter query matched. */
	struct search_result r;
	search_result_init(&r);
	run(ix, "普", 0, &r);
	size_t all = r.fields_searched;
	assert_int_equal(all, search_index_fields(ix));
	size_t with_pu = 0;
	for (size_t i = 0; i < r.n; i++)
		if (i == 0 || r.hits[i].field != r.hits[i - 1].field)
			with_pu++;
	run(ix, "普华", 0, &r);
	assert_int_equal(r.fields_searched, with_pu);
	assert_true(with_pu < all / 10);
	/* Not an extension (a character deleted): a full search. */
	run(ix, "普", 0, &r);
	assert_int_equal(r.fields_searched, all);
	/* Another index: a full search, not the old candidates. */
	struct search_index *ix2 = search_index_new(d);
	run(ix2, "普华", 0, &r);
	assert_int_equal(r.fields_searched, all);
	/* After a regex, nothing to narrow. */
	run(ix2, "普", SEARCH_REGEX, &r);
	run(ix2, "普华", SEARCH_REGEX, &r);
	assert_int_equal(r.fields_searched, all);
	search_result_free(&r);
	search_index_free(ix2);
	search_index_free(ix);
	doc_free(d);
}

static void test_narrowing_overlap(void **state)
{
	(void)state;
	/* "aab" starts inside the first "aa" hit: narrowing must keep every
	 * occurrence of the shorter query, not only its hits. */
	struct doc *d = small_doc((const char *[]){"aaab", "xAAB"}, 2);
	struct search_index *ix = search_index_new(d);
	check_narrowing(ix, (const char *[]){"a", "aa", "aab"}, 3);
	struct search_result r;
	search_result_init(&r);
	expect(ix, &r, "aa", 0, 2, NULL);
	expect(ix, &r, "aab", 0, 2, NULL);
	assert_int_equal(r.hits[0].start, 1);
	expect(ix, &r, "aabX", 0, 0, NULL);
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

/* ---- hit order and what a hit names ---- */

struct order_walk {
	const char **fields;
	struct doc_field *info;
	size_t n, cap;
	size_t *topic;
	size_t t;
};

static bool order_field(const struct doc_field *f, void *arg)
{
	struct order_walk *w = arg;
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 512;
		w->info = realloc(w->info, w->cap * sizeof *w->info);
		w->topic = realloc(w->topic, w->cap * sizeof *w->topic);
	}
	w->info[w->n] = *f;
	w->topic[w->n] = w->t;
	w->n++;
	return true;
}

static void test_hit_order(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct search_index *ix = search_index_new(d);
	struct order_walk w = {0};
	for (w.t = 0; w.t < d->n_topics; w.t++)
		doc_topic_fields(&d->topics[w.t], order_field, &w);
	assert_int_equal(w.n, search_index_fields(ix));
	const char *queries[] = {"的", "-", "cwg", "国际电联", "i", "，"};
	struct search_result r;
	search_result_init(&r);
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		run(ix, queries[q], 0, &r);
		assert_true(r.n > 0);
		size_t fi = 0, prev_end = 0;
		for (size_t i = 0; i < r.n; i++) {
			const struct search_hit *h = &r.hits[i];
			size_t start_fi = fi;
			while (fi < w.n && w.info[fi].s != h->field)
				fi++;
			if (fi == w.n)
				fail_msg("\"%s\" hit %zu: field out of order",
					 queries[q], i);
			if (fi != start_fi || i == 0)
				prev_end = 0;
			assert_true(h->start >= prev_end); /* no overlap */
			assert_true(h->end > h->start);
			assert_true(h->end <= strlen(h->field));
			prev_end = h->end;
			assert_int_equal(h->topic, w.topic[fi]);
			assert_int_equal(h->role, w.info[fi].role);
			assert_int_equal(h->kind, w.info[fi].kind);
			assert_int_equal(h->input, w.info[fi].input);
		}
	}
	/* A title is found in the topics pane (topic 7 is 区域代表处). */
	const struct doc_topic *t7 = doc_topic_by_number(d, 7);
	run(ix, t7->title, 0, &r);
	size_t titles = 0;
	for (size_t i = 0; i < r.n; i++) {
		if (r.hits[i].field != t7->title)
			continue;
		titles++;
		assert_int_equal(r.hits[i].topic, 6);
		assert_int_equal(r.hits[i].role, DOC_ROLE_TITLE);
		assert_int_equal(r.hits[i].kind, DOC_FIELD_TITLE);
		assert_int_equal(r.hits[i].input, -1);
	}
	assert_int_equal(titles, 1);
	search_result_free(&r);
	free(w.info);
	free(w.topic);
	search_index_free(ix);
	doc_free(d);
}

/* A full-width, traditional or mixed-case query finds exactly what the
 * plain one finds. */
static void test_variants_equal(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct search_index *ix = search_index_new(d);
	struct search_result a, b;
	search_result_init(&a);
	search_result_init(&b);
	const char *pairs[][2] = {
		{"CWG-SFP-1/8", "ＣＷＧ－ＳＦＰ－１／８"},
		{"CWG-SFP-1/8", "CWG–SFP—1/8"},
		{"cwg-sfp-1/8", "CWG-SFP-1/8"},
		{"undp", "ｕｎｄｐ"},
		{"UNDP", "ＵＮＤＰ"},
		{"国际电联", "國際電聯"},
		{"普华永道", "普華永道"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		if (i >= 5 && !search_index_folds_traditional(ix))
			break; /* test_fold_traditional says why */
		run(ix, pairs[i][0], 0, &a);
		run(ix, pairs[i][1], 0, &b);
		assert_true(a.n > 0);
		if (!same_hits(&a, &b))
			fail_msg("\"%s\": %zu hits, \"%s\": %zu", pairs[i][0],
				 a.n, pairs[i][1], b.n);
	}
	run(ix, "undp", 0, &a);
	run(ix, "UNDP", 0, &b);
	assert_int_equal(a.n, 1);
	assert_true(same_hits(&a, &b));
	run(ix, "Undp", 0, &b);
	assert_int_equal(b.n, 0);
	search_result_free(&a);
	search_result_free(&b);
	search_index_free(ix);
	doc_free(d);
}

/* ---- a large document ---- */

/* The bundled topics, copied until the file has some megabytes, with new
 * numbers: big enough for the loader's huge arena chunks and for the
 * index's vectors to grow many times. */
static char *large_yaml(size_t copies, size_t *len)
{
	size_t n;
	char *src = unit_read("data/cwgsfp.yaml", &n);
	const char *topics = strstr(src, "\ntopics:\n");
	assert_non_null(topics);
	topics += strlen("\ntopics:\n");
	struct buf y = BUF_INIT;
	buf_add(&y, src, (size_t)(topics - src));
	long number = 1;
	for (size_t k = 0; k < copies; k++) {
		const char *p = topics;
		while (*p) {
			const char *eol = strchr(p, '\n');
			size_t ll = eol ? (size_t)(eol - p) + 1 : strlen(p);
			if (strncmp(p, "  - number: ", 12) == 0)
				buf_printf(&y, "  - number: %ld\n", number++);
			else
				buf_add(&y, p, ll);
			p += ll;
		}
	}
	free(src);
	*len = y.len;
	return buf_steal(&y);
}

static void test_large_document(void **state)
{
	(void)state;
	enum { COPIES = 200 };
	size_t len;
	char *yaml = large_yaml(COPIES, &len);
	assert_true(len > 4000000);
	struct load_error err;
	struct doc *d = load_buffer(yaml, len, NULL, &err);
	if (!d)
		fail_msg("%lu:%lu: %s", err.line, err.column, err.msg);
	assert_int_equal(d->n_topics, COPIES * 10);
	assert_int_equal(doc_count_inputs(d), COPIES * 23);
	struct doc *one = unit_bundled();
	struct search_index *ix = search_index_new(d), *ix1 = search_index_new(one);
	struct search_result r, r1;
	search_result_init(&r);
	search_result_init(&r1);
	const char *queries[] = {"CWG-SFP-1/8", "国际电联", "普华永道", "undp", "，"};
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		run(ix, queries[q], 0, &r);
		run(ix1, queries[q], 0, &r1);
		assert_int_equal(r.n, COPIES * r1.n);
		/* Each copy's hits are the bundled document's, in order. */
		for (size_t i = 0; i < r.n; i++) {
			const struct search_hit *h = &r.hits[i], *h1 = &r1.hits[i % r1.n];
			assert_int_equal(h->topic % 10, h1->topic);
			assert_int_equal(h->start, h1->start);
			assert_int_equal(h->end, h1->end);
			assert_string_equal(h->field, h1->field);
		}
	}
	search_result_free(&r);
	search_result_free(&r1);
	search_index_free(ix);
	search_index_free(ix1);
	doc_free(one);
	doc_free(d);

	/* A duplicate number at the end is still found, with its first line. */
	char *dup = malloc(len + 200);
	memcpy(dup, yaml, len);
	size_t n = len + (size_t)sprintf(dup + len, "  - number: 1234\n"
					 "    title: x\n    inputs: []\n"
					 "    guidance: []\n");
	assert_null(load_buffer(dup, n, NULL, &err));
	assert_non_null(strstr(err.msg, "duplicate topic number 1234 (first used on line "));
	free(dup);
	free(yaml);
}

/* ---- regex ---- */

static void test_regex(void **state)
{
	(void)state;
	const char *texts[] = {
		"见CWG-SFP-1/8和CWG-SFP-2/10",
		"（b.2的考虑选项）与UNDP合作",
		"第一行\\n第二行",
		"ababab",
	};
	struct doc *d = small_doc(texts, 4);
	struct search_index *ix = search_index_new(d);
	struct search_result r;
	search_result_init(&r);
	char err[256];

	expect(ix, &r, "cwg-sfp-[0-9]+/[0-9]+", SEARCH_REGEX, 2, "CWG-SFP-1/8");
	assert_hit(&r, 1, "CWG-SFP-2/10");
	/* Full-width characters fold, and （ stays a literal. */
	expect(ix, &r, "（ｂ\\.[0-9]", SEARCH_REGEX, 1, "（b.2");
	expect(ix, &r, "[（]b", SEARCH_REGEX, 1, NULL);
	/* Smart case. */
	expect(ix, &r, "U[A-Z]+", SEARCH_REGEX, 1, "UNDP");
	expect(ix, &r, "Undp", SEARCH_REGEX, 0, NULL);
	expect(ix, &r, "undp|第二", SEARCH_REGEX, 2, NULL);
	/* \S is an operator, not an upper-case S: the case still folds. */
	expect(ix, &r, "u\\S+p", SEARCH_REGEX, 1, "UNDP");
	/* One line at a time, and empty matches are no hits. */
	expect(ix, &r, "^第二行$", SEARCH_REGEX, 1, "第二行");
	expect(ix, &r, "x*", SEARCH_REGEX, 0, NULL);
	/* regexec starts where the last match ended: ^ still means the
	 * start of a line only (not where the last match ended), $ its
	 * end. */
	expect(ix, &r, "^ab", SEARCH_REGEX, 1, "ab");
	expect(ix, &r, "^(ab)+$", SEARCH_REGEX, 1, "ababab");
	expect(ix, &r, "ab$", SEARCH_REGEX, 1, "ab");
	expect(ix, &r, "^第", SEARCH_REGEX, 2, "第");
	expect(ix, &r, "^第.*行$", SEARCH_REGEX, 2, "第一行");
	if (search_index_folds_traditional(ix)) {
		run(ix, "考慮選項", SEARCH_REGEX, &r);
		assert_int_equal(r.n, 1);
	}
	/* Not UTF-8: refused, not decoded. */
	err[0] = '\0';
	assert_false(search_run(ix, "CWG\xFF", 0, &r, err, sizeof err));
	assert_string_equal(err, "the search pattern is not valid UTF-8");
	struct buf b = BUF_INIT;
	assert_false(search_fold(ix, "\xE5\x9B", 2, true, &b));
	buf_free(&b);
	/* A bad pattern: a one-line message, no hits. */
	err[0] = '\0';
	assert_false(search_run(ix, "CWG(", SEARCH_REGEX, &r, err, sizeof err));
	assert_int_equal(r.n, 0);
	assert_non_null(strstr(err, "invalid regular expression: "));
	assert_null(strchr(err, '\n'));
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

/* ---- bounded work ---- */

/* A document whose one topic's guidance is `items` runs of n a's, then
 * "ab".  (Regex tests take many short runs: under ASan, the regexec
 * interceptor reads the string to its end on every call.) */
static struct doc *runs_doc(size_t items, size_t n)
{
	struct buf y = BUF_INIT;
	buf_adds(&y, "format: cwgview/1\ntitle: t\ntopics:\n"
		     "  - number: 1\n    title: 标题\n    inputs: []\n"
		     "    guidance:\n");
	for (size_t i = 0; i < items; i++) {
		buf_adds(&y, "      - text: ");
		buf_addn(&y, 'a', n);
		buf_addc(&y, '\n');
	}
	buf_adds(&y, "      - text: ab\n");
	struct load_error err;
	struct doc *d = load_buffer(y.data, y.len, NULL, &err);
	if (!d)
		fail_msg("runs doc: %lu:%lu: %s", err.line, err.column, err.msg);
	buf_free(&y);
	return d;
}

static struct doc *run_doc(size_t n)
{
	return runs_doc(1, n);
}

/* Every hit is counted, at most max_hits are kept, and those kept are the
 * first ones; max_hits 0 counts without keeping any. */
static void test_hit_cap(void **state)
{
	(void)state;
	struct doc *d = run_doc(5000);
	struct search_index *ix = search_index_new(d);
	struct search_result all, few;
	search_result_init(&all);
	search_result_init(&few);
	assert_int_equal(all.max_hits, SEARCH_MAX_HITS);
	for (unsigned flags = 0; flags <= SEARCH_REGEX; flags += SEARCH_REGEX) {
		run(ix, "a", flags, &all);
		assert_int_equal(all.n, 5001);
		assert_int_equal(all.total, 5001);
		few.max_hits = 10;
		run(ix, "a", flags, &few);
		assert_int_equal(few.n, 10);
		assert_int_equal(few.total, 5001);
		for (size_t i = 0; i < few.n; i++)
			assert_int_equal(few.hits[i].start, all.hits[i].start);
		few.max_hits = 0;
		run(ix, "a", flags, &few);
		assert_int_equal(few.n, 0);
		assert_int_equal(few.total, 5001);
	}
	/* Narrowing counts the same way. */
	few.max_hits = 3;
	run(ix, "a", 0, &few);
	run(ix, "ab", 0, &few);
	assert_int_equal(few.total, 1);
	assert_int_equal(few.n, 1);
	assert_true(few.fields_searched < search_index_fields(ix));
	search_result_free(&all);
	search_result_free(&few);
	search_index_free(ix);
	doc_free(d);
}

/* The document searched a part at a time (search_file.h does so while
 * it loads) gives the hits and the total of one search over the whole:
 * the same topics, fields and offsets, in parts of every size, literal
 * and regex, with hits that run from a marker into its text, and with
 * max_hits cutting in part-way. */
static void check_parts(const struct doc *d, const char *q, unsigned flags,
			size_t max_hits)
{
	struct search_index *whole = search_index_new(d);
	struct search_result want, got;
	search_result_init(&want);
	want.max_hits = max_hits;
	run(whole, q, flags, &want);
	assert_true(want.total > 0);
	struct search_index *ix = search_index_new_part();
	for (size_t part = 1; part <= d->n_topics; part = part * 2 + 1) {
		search_result_init(&got);
		got.max_hits = max_hits;
		for (size_t t = 0; t < d->n_topics; t += part) {
			size_t n = d->n_topics - t < part ? d->n_topics - t : part;
			char err[256] = "";
			assert_true(search_index_refill(ix, d->topics + t, t, n));
			if (!search_run_more(ix, q, flags, &got, err, sizeof err))
				fail_msg("\"%s\" in parts of %zu: %s", q, part, err);
		}
		if (!same_hits(&want, &got) || want.total != got.total)
			fail_msg("\"%s\" in parts of %zu: %zu of %zu hits, want %zu of %zu",
				 q, part, got.n, got.total, want.n, want.total);
		search_result_free(&got);
	}
	search_index_free(ix);
	search_result_free(&want);
	search_index_free(whole);
}

static void test_parts(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	check_parts(d, "国际电联", 0, SEARCH_MAX_HITS);
	check_parts(d, "国际电联", 0, 7);
	check_parts(d, "國際電聯", 0, SEARCH_MAX_HITS);
	check_parts(d, "CWG-SFP", 0, SEARCH_MAX_HITS);
	check_parts(d, "c.1 – 加强", 0, SEARCH_MAX_HITS);
	check_parts(d, "电联|ITU", SEARCH_REGEX, SEARCH_MAX_HITS);
	check_parts(d, "电联|ITU", SEARCH_REGEX, 5);
	check_parts(d, "的", 0, 0);
	doc_free(d);
}

struct poll_count {
	size_t calls, stop_at; /* 0: never stop */
};

static bool count_polls(void *arg)
{
	struct poll_count *p = arg;
	p->calls++;
	return p->stop_at && p->calls >= p->stop_at;
}

/* The cancel callback is asked at least once per MiB of text scanned
 * (a regex: per 64 Ki matches), and honoured: the search stops with no
 * hits, and the next one starts afresh. */
static void test_cancel(void **state)
{
	(void)state;
	/* Regex: 128 Ki matches in 256 fields (one regexec call is not
	 * interrupted, and under ASan each call is slow). */
	enum { MIB = 1 << 20, RUN = 8 * MIB, ITEMS = 256, ITEM = 512 };
	struct doc *one = run_doc(RUN), *many = runs_doc(ITEMS, ITEM);
	struct search_index *ix1 = search_index_new(one);
	struct search_index *ixn = search_index_new(many), *ix = ix1;
	struct search_result r;
	search_result_init(&r);
	struct poll_count pc = {0, 0};
	r.cancel = count_polls;
	r.cancel_arg = &pc;
	for (unsigned flags = 0; flags <= SEARCH_REGEX; flags += SEARCH_REGEX) {
		ix = flags ? ixn : ix1;
		size_t want = flags ? 2 : RUN / MIB;
		pc.calls = 0;
		pc.stop_at = 0;
		run(ix, flags ? "a" : "b", flags, &r);
		assert_int_equal(r.total, flags ? ITEMS * ITEM + 1 : 1);
		if (pc.calls < want)
			fail_msg("flags %u: asked %zu times, want %zu", flags,
				 pc.calls, want);
		/* Abandoned at the last question: nothing kept, said so. */
		pc.calls = 0;
		pc.stop_at = want;
		char err[64] = "";
		assert_false(search_run(ix, "a", flags, &r, err, sizeof err));
		assert_true(r.cancelled);
		assert_int_equal(pc.calls, want);
		assert_int_equal(r.n, 0);
		assert_int_equal(r.total, 0);
		assert_string_equal(err, "search abandoned");
	}
	/* After an abandoned search the next keystroke does not narrow from
	 * its half-made candidates. */
	ix = ix1;
	pc.stop_at = 3;
	char err[64];
	assert_false(search_run(ix, "a", 0, &r, err, sizeof err));
	assert_true(r.cancelled);
	pc.stop_at = 0;
	run(ix, "ab", 0, &r);
	assert_int_equal(r.fields_searched, search_index_fields(ix));
	assert_int_equal(r.total, 1);
	assert_false(r.cancelled);
	/* And settings survive search_result_free. */
	search_result_free(&r);
	assert_ptr_equal(r.cancel_arg, &pc);
	search_result_free(&r);
	search_index_free(ix1);
	search_index_free(ixn);
	doc_free(one);
	doc_free(many);
}

/* More candidates than are kept for narrowing (4 Mi): every hit is still
 * found, in batches, and the next keystroke scans the text again. */
static void test_many_candidates(void **state)
{
	(void)state;
	enum { RUN = 5 << 20 };
	struct doc *d = run_doc(RUN);
	struct search_index *ix = search_index_new(d);
	struct search_result r, fresh;
	search_result_init(&r);
	search_result_init(&fresh);
	run(ix, "a", 0, &r);
	assert_int_equal(r.total, RUN + 1);
	assert_int_equal(r.n, SEARCH_MAX_HITS);
	assert_int_equal(r.hits[SEARCH_MAX_HITS - 1].start, SEARCH_MAX_HITS - 1);
	run(ix, "aa", 0, &r);
	assert_int_equal(r.fields_searched, search_index_fields(ix));
	run(ix, "aa", 0, &fresh);
	assert_int_equal(r.total, RUN / 2);
	assert_int_equal(fresh.total, RUN / 2);
	/* Few again: the next keystroke narrows. */
	run(ix, "ab", 0, &r);
	run(ix, "ab", 0, &r);
	assert_int_equal(r.total, 1);
	assert_int_equal(r.fields_searched, 1);
	search_result_free(&r);
	search_result_free(&fresh);
	search_index_free(ix);
	doc_free(d);
}

/* Back-references are refused with one line; an escaped backslash before
 * a digit, or a digit in a bracket, is not one. */
static void test_regex_backref(void **state)
{
	(void)state;
	const char *texts[] = {"aab", "x\\\\1y"};
	struct doc *d = small_doc(texts, 2);
	struct search_index *ix = search_index_new(d);
	struct search_result r;
	search_result_init(&r);
	const char *refused[] = {"(a*)\\1b", "(a)\\9", "x(y)|\\1"};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		char err[256] = "";
		assert_false(search_run(ix, refused[i], SEARCH_REGEX, &r, err,
					sizeof err));
		assert_string_equal(err, "invalid regular expression: "
					 "back-references (\\1 to \\9) are not "
					 "supported");
		assert_int_equal(r.n, 0);
	}
	expect(ix, &r, "x\\\\1", SEARCH_REGEX, 1, "x\\1");
	expect(ix, &r, "a[\\1]b", SEARCH_REGEX, 0, NULL);
	expect(ix, &r, "a[\\1a]b", SEARCH_REGEX, 1, "aab");
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

/* Repetitions that glibc's regcomp would copy without bound are refused
 * before it runs: x followed by 24 + took 19 GB and 455 s, x{1,30000}
 * 7 GB.  (Without the check this test would run for minutes: the alarm
 * ends it instead.)  Patterns people write still run. */
static void test_regex_repetitions(void **state)
{
	(void)state;
	const char *texts[] = {"CWG-SFP-1/8 与 xxxx", "aab"};
	struct doc *d = small_doc(texts, 2);
	struct search_index *ix = search_index_new(d);
	struct search_result r;
	search_result_init(&r);
	const char *refused[] = {"x++++++++++++++++++++++++", "x{1,30000}",
				 "((x{1,100}){1,100}){1,100}", "(x+)+(y+)+((z+)+)+(w{2,9}){1,999}",
				 "国{1,5000}", "(x++++++++++++++++++++++++", "((x{1,999}|y){1,99}",
				 "(x{1,3000})+++++++++y", "(-x+++++++++++++)+++++++++!!!!",
				 "a)*********************************++++++++++b",
				 "m\x1c\x1c\x1c++???++++++++fo", "x{2}x?" "?(x||){1,9}+",
				 "x??{1,9}+", ")(\\b){0,30}?)", "(x?)++",
				 ")*\\b){0,30}?)*******************************",
				 "\\bx*\\bx*\\bx*\\bx*\\bx*\\bx*\\bx*\\bx*\\bx*",
				 "\\b(x|\\b)*\\b(x|\\b)*\\b(x|\\b)*\\b(x|\\b)*\\b(x|\\b)*\\b(x|\\b)*",
				 "((|\\b)*\\b(\\b)*\\b()|NV)*",
				 "\\b(x|||||||||(1|||||||||||||||||||||||||||||||||||||||||||||||.|)*\\b())*"};
	alarm(30);
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		char err[256] = "";
		assert_false(search_run(ix, refused[i], SEARCH_REGEX, &r, err, sizeof err));
		assert_string_equal(err, "invalid regular expression: too many repetitions "
					 "or anchors to compile in bounded time and memory");
	}
	alarm(0);
	expect(ix, &r, "CWG-SFP-1/[0-9]+", SEARCH_REGEX, 1, "CWG-SFP-1/8");
	expect(ix, &r, "x{1,1000}", SEARCH_REGEX, 1, "xxxx");
	expect(ix, &r, "(a|b)*b", SEARCH_REGEX, 1, "aab");
	expect(ix, &r, "[[:alpha:]+]{2}b", SEARCH_REGEX, 1, "aab");
	expect(ix, &r, "((a+)+)+b", SEARCH_REGEX, 1, "aab");
	expect(ix, &r, "a****b", SEARCH_REGEX, 1, "aab");
	expect(ix, &r, "(a|b*)+", SEARCH_REGEX, 1, "aab");
	expect(ix, &r, "(CWG-SFP-1/[0-9]+[, ]*)+", SEARCH_REGEX, 1, "CWG-SFP-1/8 ");
	expect(ix, &r, "(^|x)x{1,3}$", SEARCH_REGEX, 1, "xxxx");
	expect(ix, &r, "^a*b*$", SEARCH_REGEX, 1, "aab");
	expect(ix, &r, "^(a*(b|\\b))*$", SEARCH_REGEX, 1, "aab");
	expect(ix, &r, "\\bx*\\bx*\\bx*\\bx*\\bx*\\bx*\\bx*\\bx+", SEARCH_REGEX, 1, "xxxx");
	/* In a locale that is not UTF-8 glibc's '.' is one byte: a hit is
	 * still whole characters (the fuzzer found one ending inside 简). */
	char *old_locale = strdup(setlocale(LC_CTYPE, NULL));
	setlocale(LC_CTYPE, "C");
	expect(ix, &r, "8 .", SEARCH_REGEX, 1, "8 与");
	expect(ix, &r, ". x", SEARCH_REGEX, 1, "与 x");
	setlocale(LC_CTYPE, old_locale);
	free(old_locale);
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

/* A list marker and its text are searched as the line shows them: the
 * marker, a space, the text ("c.1 – 加强", copied from the screen or the
 * original document). */
static void test_marker_and_text(void **state)
{
	(void)state;
	struct doc *d = unit_bundled();
	struct search_index *ix = search_index_new(d);
	assert_non_null(ix);
	struct search_result r;
	search_result_init(&r);
	expect(ix, &r, "c.1 – 加强", 0, 1, "c.1 – 加强");
	const struct search_hit *h = &r.hits[0];
	assert_string_equal(h->field, "c.1 –");
	assert_int_equal(h->kind, DOC_FIELD_MARKER);
	assert_int_equal(h->start, 0);
	assert_int_equal(h->end, strlen("c.1 –"));
	assert_non_null(h->cont);
	assert_int_equal(strncmp(h->cont, "加强目标", strlen("加强目标")), 0);
	assert_int_equal(h->cont_end, strlen("加强"));
	/* Folded as any query: ASCII dash, full-width digits. */
	expect(ix, &r, "c.１ - 加强", 0, 1, "c.1 – 加强");
	expect(ix, &r, "– 加强目标", 0, 1, "– 加强目标");
	assert_int_equal(r.hits[0].start, strlen("c.1 "));
	expect(ix, &r, "1.3.2 在加速器", 0, 1, "1.3.2 在加速器");
	/* Smart case: the marker is lower case. */
	expect(ix, &r, "C.1 – 加强", 0, 0, NULL);
	/* A space at either end is not the marker's: "– " finds only the
	 * dashes inside texts, as before markers were joined. */
	run(ix, "– ", 0, &r);
	assert_true(r.n > 0);
	for (size_t i = 0; i < r.n; i++) {
		assert_int_equal(r.hits[i].kind, DOC_FIELD_TEXT);
		assert_null(r.hits[i].cont);
	}
	/* A regular expression matches within one string. */
	expect(ix, &r, "c\\.1 – 加强", SEARCH_REGEX, 0, NULL);
	expect(ix, &r, "^加强目标", SEARCH_REGEX, 1, "加强目标");
	/* Typed a key at a time, narrowing agrees with a fresh search. */
	check_narrowing(ix, (const char *[]){"c", "c.", "c.1", "c.1 ", "c.1 –",
					     "c.1 – ", "c.1 – 加", "c.1 – 加强"},
			8);
	search_result_free(&r);
	search_index_free(ix);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_nfkc),
		cmocka_unit_test(test_fold_case),
		cmocka_unit_test(test_fold_dashes),
		cmocka_unit_test(test_fold_traditional),
		cmocka_unit_test(test_no_anchors),
		cmocka_unit_test(test_offsets_exact),
		cmocka_unit_test(test_offsets_bundled),
		cmocka_unit_test(test_case_sensitive),
		cmocka_unit_test(test_narrowing),
		cmocka_unit_test(test_marker_and_text),
		cmocka_unit_test(test_narrowing_overlap),
		cmocka_unit_test(test_hit_order),
		cmocka_unit_test(test_variants_equal),
		cmocka_unit_test(test_large_document),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_hit_cap),
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_many_candidates),
		cmocka_unit_test(test_regex_backref),
		cmocka_unit_test(test_regex_repetitions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
