/* The search core: the index of folded text (fold.h folds it) and the
 * one matcher (search.h): literal, narrowing, and regular expressions
 * with their compile cost. */
#include "config.h"

#include "cwgview/search.h"
#include "cwgview/fold.h"
#include "cwgview/i18n.h"
#include "cwgview/mem.h"

#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

/* ---- the index ---- */

/* Per field: role (2 bits), kind (3 bits), input row + 1 (the rest). */
#define META(role, kind, input) \
	((uint32_t)(role) | (uint32_t)(kind) << 2 | (uint32_t)((input) + 1) << 5)
#define META_ROLE(m) ((enum doc_role)((m) & 3))
#define META_KIND(m) ((enum doc_field_kind)(((m) >> 2) & 7))
#define META_INPUT(m) ((long)((m) >> 5) - 1)

struct search_index {
	struct folder *folder;
	size_t topic_base; /* the document's index of the first topic here */
	/* The folded fields in document order, each followed by a NUL, so a
	 * match never runs from one field into the next, except that a list
	 * marker is followed by a space, as the line shows it before its
	 * text (always the next field): "c.1 – 加强" is found across the two.
	 * regexec runs on one field at a time (REG_STARTEND).  Offsets are 32 bits: a document is at most
	 * 128 MiB, and the build fails cleanly past 4 GiB of folded text. */
	char *text;
	size_t text_len;
	size_t n_fields;
	/* Per field, struct-of-arrays to keep the index small: 20 bytes a
	 * field.  off, first_anchor and topic_first have one extra entry at
	 * the end, so a field's extent is [x[i], x[i+1]). */
	const char **orig;
	uint32_t *off;
	uint32_t *first_anchor;
	uint32_t *meta;
	uint32_t *topic_first; /* first field of each topic */
	struct fold_anchor *anchors;
	size_t n_anchors;
	struct fold_marks marks;
};

struct count {
	size_t fields, bytes;
};

static bool count_field(const struct doc_field *f, void *arg)
{
	struct count *c = arg;
	c->fields++;
	c->bytes += strlen(f->s) + 1;
	return true;
}

struct build {
	struct search_index *ix;
	struct fold_ctx ctx;
	struct fold_map anchors;
	size_t fi;
};

static bool add_field(const struct doc_field *f, void *arg)
{
	struct build *b = arg;
	struct search_index *ix = b->ix;
	struct buf *text = b->ctx.out;
	if (text->len > UINT32_MAX || b->anchors.n > UINT32_MAX ||
	    f->input + 1 > (long)(UINT32_MAX >> 5))
		return false;
	size_t i = b->fi++;
	ix->orig[i] = f->s;
	ix->off[i] = (uint32_t)text->len;
	ix->first_anchor[i] = (uint32_t)b->anchors.n;
	ix->meta[i] = META(f->role, f->kind, f->input);
	return fold_string(&b->ctx, f->s, strlen(f->s)) &&
	       buf_addc(text, f->kind == DOC_FIELD_MARKER ? ' ' : '\0');
}

/* Frees what the index holds of its topics (the folder stays). */
static void index_clear(struct search_index *ix)
{
	free(ix->text);
	free(ix->orig);
	free(ix->off);
	free(ix->first_anchor);
	free(ix->meta);
	free(ix->topic_first);
	free(ix->anchors);
	free(ix->marks.upper);
	free(ix->marks.complex);
	struct folder *f = ix->folder;
	memset(ix, 0, sizeof *ix);
	ix->folder = f;
}

void search_index_free(struct search_index *ix)
{
	if (!ix)
		return;
	index_clear(ix);
	folder_free(ix->folder);
	free(ix);
}

/* The per-field arrays for nf fields of n topics, and room for bytes of
 * folded text. */
static bool index_alloc(struct search_index *ix, size_t nf, size_t n,
			struct buf *text, size_t bytes)
{
	ix->orig = malloc((nf ? nf : 1) * sizeof *ix->orig);
	ix->off = malloc((nf + 1) * sizeof *ix->off);
	ix->first_anchor = malloc((nf + 1) * sizeof *ix->first_anchor);
	ix->meta = malloc((nf ? nf : 1) * sizeof *ix->meta);
	ix->topic_first = malloc((n + 1) * sizeof *ix->topic_first);
	/* Folding mostly keeps the length (Chinese) or shortens it (，to ,),
	 * so the original size is nearly always enough. */
	if (!ix->orig || !ix->off || !ix->first_anchor || !ix->meta ||
	    !ix->topic_first || !buf_reserve(text, bytes))
		return false;
	mem_hint_huge(text->data, text->cap);
	mem_hint_huge(ix->orig, nf * sizeof *ix->orig);
	mem_hint_huge(ix->off, nf * sizeof *ix->off);
	mem_hint_huge(ix->first_anchor, nf * sizeof *ix->first_anchor);
	mem_hint_huge(ix->meta, nf * sizeof *ix->meta);
	return true;
}

/* The index's arrays, built: their ends, and no room left unused. */
static bool index_finish(struct search_index *ix, struct build *b, size_t n)
{
	size_t nf = b->fi;
	ix->n_fields = nf;
	ix->topic_first[n] = (uint32_t)nf;
	ix->off[nf] = (uint32_t)b->ctx.out->len;
	ix->first_anchor[nf] = (uint32_t)b->anchors.n;
	ix->text_len = b->ctx.out->len;
	ix->text = b->ctx.out->data ? b->ctx.out->data : calloc(1, 1);
	ix->n_anchors = b->anchors.n;
	/* Never NULL, even when nothing folded differently: the matcher
	 * takes ix->anchors + offset for every field. */
	ix->anchors = b->anchors.v ? b->anchors.v : calloc(1, sizeof *ix->anchors);
	/* The vectors doubled as they grew: give back what is not used. */
	if (b->anchors.n && b->anchors.n < b->anchors.cap) {
		struct fold_anchor *p = realloc(b->anchors.v,
					   b->anchors.n * sizeof *p);
		if (p)
			ix->anchors = p;
	}
	if (ix->marks.n_upper) {
		uint32_t *p = realloc(ix->marks.upper,
				      ix->marks.n_upper * sizeof *p);
		if (p)
			ix->marks.upper = p;
	}
	return ix->text && ix->anchors;
}

bool search_index_refill(struct search_index *ix,
			 const struct doc_topic *topics, size_t first, size_t n)
{
	index_clear(ix);
	ix->topic_base = first;
	struct count cnt = {0, 0};
	for (size_t t = 0; t < n; t++)
		doc_topic_fields(&topics[t], count_field, &cnt);
	struct buf text = BUF_INIT;
	struct build b = {ix, {ix->folder, ix->folder, true, &text, NULL, NULL},
			  {NULL, 0, 0}, 0};
	b.ctx.map = &b.anchors;
	b.ctx.marks = &ix->marks;
	bool ok = index_alloc(ix, cnt.fields, n, &text, cnt.bytes);
	for (size_t t = 0; ok && t < n; t++) {
		ix->topic_first[t] = (uint32_t)b.fi;
		ok = doc_topic_fields(&topics[t], add_field, &b);
	}
	ok = ok && text.len <= UINT32_MAX && b.anchors.n <= UINT32_MAX;
	if (ok && index_finish(ix, &b, n))
		return true;
	/* index_finish puts the text and anchors into ix, done or not. */
	if (!ok) {
		buf_free(&text);
		free(b.anchors.v);
	}
	index_clear(ix);
	return false;
}

struct search_index *search_index_new_part(void)
{
	struct search_index *ix = calloc(1, sizeof *ix);
	if (!ix)
		return NULL;
	if (!(ix->folder = folder_new())) {
		free(ix);
		return NULL;
	}
	return ix;
}

struct search_index *search_index_new(const struct doc *d)
{
	struct search_index *ix = search_index_new_part();
	if (ix && !search_index_refill(ix, d->topics, 0, d->n_topics)) {
		search_index_free(ix);
		return NULL;
	}
	return ix;
}

bool search_index_folds_traditional(const struct search_index *ix)
{
	return folder_folds_traditional(ix->folder);
}

const char *search_index_fold_problem(const struct search_index *ix)
{
	return folder_problem(ix->folder);
}

size_t search_index_fields(const struct search_index *ix)
{
	return ix->n_fields;
}

bool search_fold(const struct search_index *ix, const char *s, size_t n,
		 bool fold_case, struct buf *out)
{
	if (u8_check((const uint8_t *)s, n))
		return false;
	struct fold_ctx c = {ix->folder, NULL, fold_case, out, NULL, NULL};
	return fold_string(&c, s, n);
}

bool search_is_case_sensitive(const char *query)
{
	const uint8_t *s = (const uint8_t *)query;
	size_t n = strlen(query);
	for (size_t i = 0; i < n;) {
		ucs4_t cp;
		i += (size_t)u8_mbtouc(&cp, s + i, n - i);
		if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z')
				return true;
			continue;
		}
		const uc_script_t *sc = uc_script(cp);
		if (uc_is_upper(cp) && sc && strcmp(sc->name, "Latin") == 0)
			return true;
	}
	return false;
}

/* ---- running a search ---- */

enum {
	/* Work between two questions to r->cancel: a MiB of text scanned
	 * (a fraction of a millisecond), a candidate or a regex match
	 * counting as CAND_WORK bytes. */
	POLL_WORK = 1 << 20,
	CAND_WORK = 16,
	/* Candidates turned into hits at a time. */
	CAND_BATCH = POLL_WORK / CAND_WORK,
	/* Candidates kept for narrowing: 16 MB of them.  A query with more
	 * (a single letter in a long run of it) still finds and counts
	 * every hit, in batches, but the next keystroke scans the text
	 * again instead of narrowing. */
	CAND_KEEP = 1 << 22
};

/* Where turning candidates into hits has got to, carried from one batch
 * of candidates to the next. */
struct hit_cursor {
	size_t qlen;
	bool exact, by_marks;
	uint64_t qmask;
	size_t up, cx, cur;           /* cursors into the marks and anchors */
	size_t fi, topic, fields, last;
	size_t fold_end, orig_end;    /* of the last hit in field fi */
	size_t ahead_fi;              /* the prefetcher's field */
	/* A hit that ran from a marker into field carry_fi, its text: where
	 * it ended there, for the cursor's arrival in that field. */
	size_t carry_fi, carry_fold_end, carry_orig_end;
};

struct search_state {
	/* What the candidates below are for: every occurrence, overlapping
	 * ones included, of the case-folded query in ix->text.  A longer query
	 * whose fold extends this one can only occur where it did. */
	const struct search_index *ix;
	unsigned flags;
	bool valid;
	struct buf folded;
	uint32_t *cand;
	size_t n_cand, cap_cand;
	size_t cand_fields; /* fields holding at least one candidate */
	size_t cap_hits;
	struct buf query, exact, scratch; /* reused between runs */
	struct fold_map map;
	struct hit_cursor hc;
	size_t work; /* since r->cancel was last asked */
};

void search_result_init(struct search_result *r)
{
	r->hits = NULL;
	r->n = 0;
	r->total = 0;
	r->max_hits = SEARCH_MAX_HITS;
	r->cancel = NULL;
	r->cancel_arg = NULL;
	r->cancelled = false;
	r->fields_searched = 0;
	r->state = NULL;
}

void search_result_free(struct search_result *r)
{
	struct search_state *st = r->state;
	if (st) {
		buf_free(&st->folded);
		buf_free(&st->query);
		buf_free(&st->exact);
		buf_free(&st->scratch);
		free(st->cand);
		free(st->map.v);
		free(st);
	}
	free(r->hits);
	size_t max = r->max_hits;
	bool (*cancel)(void *) = r->cancel;
	void *arg = r->cancel_arg;
	search_result_init(r);
	/* The caller's settings outlive the hits. */
	r->max_hits = max;
	r->cancel = cancel;
	r->cancel_arg = arg;
}

/* Counts work done and, once enough has piled up, asks r->cancel.  True
 * when the search is to be abandoned. */
static bool stop_asked(struct search_result *r, size_t work)
{
	struct search_state *st = r->state;
	st->work += work;
	if (st->work < POLL_WORK)
		return false;
	st->work = 0;
	if (r->cancel && r->cancel(r->cancel_arg))
		r->cancelled = true;
	return r->cancelled;
}

static bool cand_push(struct search_state *st, size_t c)
{
	uint32_t *p = mem_room(st->cand, st->n_cand, &st->cap_cand, sizeof *p,
			       256);
	if (!p)
		return false;
	st->cand = p;
	st->cand[st->n_cand++] = (uint32_t)c;
	return true;
}

/* Room for n hits in all; the array is kept from run to run, so typing a
 * query does not allocate (and fault in) a new one per keystroke. */
static bool hits_reserve(struct search_result *r, size_t n)
{
	struct search_state *st = r->state;
	if (n <= st->cap_hits)
		return true;
	struct search_hit *p;
	if (n > SIZE_MAX / sizeof *p)
		return false;
	/* Doubled, as mem_room grows; not mem_room itself, which would copy
	 * hits that are about to be thrown away. */
	size_t cap = st->cap_hits ? st->cap_hits : 64;
	while (cap < n)
		cap = cap <= SIZE_MAX / sizeof *p / 2 ? cap * 2 : n;
	if (r->n) {
		p = realloc(r->hits, cap * sizeof *p);
		if (!p)
			return false;
	} else {
		/* Nothing to keep: no copy of the old contents. */
		free(r->hits);
		p = malloc(cap * sizeof *p);
		mem_hint_huge(p, cap * sizeof *p);
	}
	r->hits = p;
	st->cap_hits = p ? cap : 0;
	return p != NULL;
}

/* Counts a hit, and keeps it while fewer than r->max_hits are kept. */
static bool hit_push(struct search_result *r, const struct search_index *ix,
		     size_t topic, size_t fi, size_t start, size_t end)
{
	r->total++;
	if (r->n >= r->max_hits)
		return true;
	struct search_state *st = r->state;
	struct search_hit *p = mem_room(r->hits, r->n, &st->cap_hits,
					sizeof *p, 64);
	if (!p)
		return false;
	r->hits = p;
	uint32_t m = ix->meta[fi];
	r->hits[r->n++] = (struct search_hit){ix->topic_base + topic, META_ROLE(m), META_KIND(m),
					      META_INPUT(m), ix->orig[fi],
					      start, end, NULL, 0};
	return true;
}

/* A hit from byte start of marker field fi into its text, field fi + 1,
 * up to the text's byte cont_end. */
static bool hit_push_span(struct search_result *r, const struct search_index *ix,
			  size_t topic, size_t fi, size_t start, size_t cont_end)
{
	size_t n = r->n;
	if (!hit_push(r, ix, topic, fi, start, strlen(ix->orig[fi])))
		return false;
	if (r->n > n) {
		r->hits[n].cont = ix->orig[fi + 1];
		r->hits[n].cont_end = cont_end;
	}
	return true;
}

/* True when the original bytes [os, oe) of field s fold, case kept, to
 * exactly the query as typed (folded the same way). */
static bool exact_case(const struct search_index *ix, struct search_state *st,
		       const char *s, size_t os, size_t oe)
{
	/* ASCII folds to itself when the case is kept: compare the bytes. */
	bool ascii = true;
	for (size_t i = os; ascii && i < oe; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii)
		return oe - os == st->exact.len &&
		       memcmp(s + os, st->exact.data, st->exact.len) == 0;
	buf_reset(&st->scratch);
	struct fold_ctx c = {ix->folder, NULL, false, &st->scratch, NULL, NULL};
	return fold_string(&c, s + os, oe - os) &&
	       st->scratch.len == st->exact.len &&
	       memcmp(st->scratch.data, st->exact.data, st->exact.len) == 0;
}

enum { PREFETCH_AHEAD = 16 };

/* Does the case-kept fold at folded bytes [c, c+qlen) have its upper-case
 * letters exactly where the query's has them (qmask)?  1 yes, 0 no, -1 a
 * cluster there folds in a way the marks do not describe: ask the model.
 * *up and *cx are cursors into the marks; candidates come in order. */
static int case_matches(const struct fold_marks *m, size_t *up, size_t *cx,
			size_t c, size_t qlen, uint64_t qmask)
{
	while (*cx < m->n_complex && m->complex[*cx].end <= c)
		++*cx;
	if (*cx < m->n_complex && m->complex[*cx].start < c + qlen)
		return -1;
	while (*up < m->n_upper && m->upper[*up] < c)
		++*up;
	uint64_t mask = 0;
	for (size_t k = *up; k < m->n_upper && m->upper[k] < c + qlen; k++) {
		size_t rel = m->upper[k] - c;
		if (rel >= 64)
			return 0; /* the query has no upper case that far */
		mask |= (uint64_t)1 << rel;
	}
	return mask == qmask;
}

/* A fresh cursor for turning the candidates of a query qlen folded bytes
 * long into hits.  A case-sensitive query is checked against the index's
 * case marks, unless its own two folds differ in a way they cannot
 * describe. */
static void cursor_start(struct search_state *st, size_t qlen, bool exact)
{
	struct hit_cursor *h = &st->hc;
	memset(h, 0, sizeof *h);
	h->qlen = qlen;
	h->exact = exact;
	h->last = SIZE_MAX;
	h->carry_fi = SIZE_MAX;
	h->by_marks = exact &&
		      fold_case_diff((const uint8_t *)st->query.data,
				     st->query.len,
				     (const uint8_t *)st->exact.data,
				     st->exact.len,
				     &h->qmask) != FOLD_CASE_COMPLEX;
}

/* Moves the cursor to the field holding folded position c. */
static void cursor_field(const struct search_index *ix, struct hit_cursor *h,
			 size_t c)
{
	while (ix->off[h->fi + 1] <= c)
		h->fi++;
	if (h->fi != h->last) {
		h->last = h->fi;
		h->fields++;
		h->fold_end = h->orig_end = h->cur = 0;
		if (h->fi == h->carry_fi) {
			h->fold_end = h->carry_fold_end;
			h->orig_end = h->carry_orig_end;
		}
	}
}

/* True when the original bytes from os of marker field fi, the space
 * after it and bytes [0, te) of its text fold, case kept, to exactly the
 * query as typed. */
static bool exact_span(const struct search_index *ix, struct search_state *st,
		       size_t fi, size_t os, size_t te)
{
	buf_reset(&st->scratch);
	struct fold_ctx c = {ix->folder, NULL, false, &st->scratch, NULL, NULL};
	const char *m = ix->orig[fi], *t = ix->orig[fi + 1];
	return fold_string(&c, m + os, strlen(m) - os) && buf_addc(&st->scratch, ' ') &&
	       fold_string(&c, t, te) && st->scratch.len == st->exact.len &&
	       memcmp(st->scratch.data, st->exact.data, st->exact.len) == 0;
}

/* A candidate at c that runs from marker field h->fi over the space after
 * it into the text (the next field): one hit across the two. */
static bool span_hit(const struct search_index *ix, struct search_result *r,
		     size_t c)
{
	struct search_state *st = r->state;
	struct hit_cursor *h = &st->hc;
	size_t fi = h->fi, sep = ix->off[fi + 1] - 1, ce = c + h->qlen;
	const struct fold_anchor *am = ix->anchors + ix->first_anchor[fi];
	const struct fold_anchor *at = ix->anchors + ix->first_anchor[fi + 1];
	size_t nam = ix->first_anchor[fi + 1] - ix->first_anchor[fi];
	size_t nat = ix->first_anchor[fi + 2] - ix->first_anchor[fi + 1];
	size_t mlen = strlen(ix->orig[fi]);
	size_t os = c < sep ? fold_map_back(am, nam, ix->off[fi], c, false) : mlen;
	size_t te = ce > sep + 1 ? fold_map_back(at, nat, ix->off[fi + 1], ce, true) : 0;
	/* Both sides, not the space alone at either end: a query's own
	 * leading or trailing space is matched inside a text only, and
	 * every hit's bytes (with the one space) fold to the query. */
	if (os < h->orig_end || os == mlen || te == 0)
		return true;
	if (h->exact) {
		int m = h->by_marks ? case_matches(&ix->marks, &h->up, &h->cx, c,
						   h->qlen, h->qmask)
				    : -1;
		if (m < 0)
			m = exact_span(ix, st, fi, os, te);
		if (st->scratch.oom)
			return false;
		if (!m)
			return true;
	}
	while (ix->topic_first[h->topic + 1] <= fi)
		h->topic++;
	bool ok = hit_push_span(r, ix, h->topic, fi, os, te);
	h->fold_end = ce;
	h->orig_end = mlen;
	h->carry_fi = fi + 1;
	h->carry_fold_end = ce;
	h->carry_orig_end = te;
	return ok;
}

/* Turns the candidates cand[from, to) into hits: drops those that overlap
 * an earlier hit of the same field and, for a case-sensitive query, those
 * whose case differs; maps the rest back to the original bytes. */
static bool cand_hits(const struct search_index *ix, struct search_result *r,
		      size_t from, size_t to)
{
	struct search_state *st = r->state;
	struct hit_cursor *h = &st->hc;
	size_t want = r->n + (to - from);
	if (!hits_reserve(r, want < r->max_hits ? want : r->max_hits))
		return false;
	size_t qlen = h->qlen;
	for (size_t j = from; j < to; j++) {
		size_t c = st->cand[j];
		if (j + PREFETCH_AHEAD < to) {
			/* What a candidate needs is scattered over the index
			 * and the model: ask for it early, so the cache misses
			 * overlap instead of following one another. */
			size_t c2 = st->cand[j + PREFETCH_AHEAD];
			while (ix->off[h->ahead_fi + 1] <= c2)
				h->ahead_fi++;
			__builtin_prefetch(ix->anchors +
					   ix->first_anchor[h->ahead_fi]);
			__builtin_prefetch(&ix->meta[h->ahead_fi]);
			__builtin_prefetch(&ix->orig[h->ahead_fi]);
		}
		cursor_field(ix, h, c);
		size_t fi = h->fi;
		/* Inside the last hit: skipped without mapping (the check on
		 * original offsets below would skip it too). */
		if (c < h->fold_end)
			continue;
		if (c + qlen >= ix->off[fi + 1]) {
			/* Past the field: over the space after a marker
			 * (a NUL, which no query holds, ends every other). */
			if (!span_hit(ix, r, c))
				return false;
			continue;
		}
		const struct fold_anchor *a = ix->anchors + ix->first_anchor[fi];
		size_t na = ix->first_anchor[fi + 1] - ix->first_anchor[fi];
		size_t os, oe;
		fold_map_next(a, na, &h->cur, ix->off[fi], c, c + qlen, &os, &oe);
		if (os < h->orig_end)
			continue;
		if (h->exact) {
			int m = h->by_marks ? case_matches(&ix->marks, &h->up,
							   &h->cx, c, qlen,
							   h->qmask)
					    : -1;
			if (m < 0)
				m = exact_case(ix, st, ix->orig[fi], os, oe);
			if (st->scratch.oom)
				return false;
			if (!m)
				continue;
		}
		while (ix->topic_first[h->topic + 1] <= fi)
			h->topic++;
		if (!hit_push(r, ix, h->topic, fi, os, oe))
			return false;
		h->fold_end = c + qlen;
		h->orig_end = oe;
	}
	st->cand_fields = h->fields;
	return true;
}

/* 16 bytes compared at once: GCC and Clang vector extensions, which
 * compile to SSE2 on x86-64 (every such CPU has it; 32-byte vectors would
 * need -mavx2), NEON on arm64, plain code elsewhere. */
typedef uint8_t bytes16 __attribute__((vector_size(16)));

static inline bytes16 load16(const char *p)
{
	bytes16 v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* The first lane (in memory order) of a word of 0xFF/0 lanes, which it
 * clears. */
static size_t next_lane(uint64_t *w)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	size_t lane = (size_t)__builtin_ctzll(*w) / 8;
	*w &= ~((uint64_t)0xFF << (lane * 8));
#else
	size_t lane = (size_t)__builtin_clzll(*w) / 8;
	*w &= ~((uint64_t)0xFF << ((7 - lane) * 8));
#endif
	return lane;
}

/* Appends to the candidates every occurrence of q in the folded text that
 * starts in [from, to), to being at most the last possible start plus
 * one; overlapping ones too ("aab" extends "aa" and may start inside an
 * earlier "aa"), in order.
 *
 * This is the first keystroke of every search, over the whole document.
 * glibc's memmem steps two bytes at a time through the 3-byte needle that
 * a Chinese query starts with, and memchr on one byte of it stops at every
 * other character of the same row of the code chart.  Comparing the first
 * and the last byte of the query at 16 positions at once, as in Wojciech
 * Muła's "SIMD-friendly algorithms for substring searching", leaves few
 * places to check with memcmp: on the 50 MB bench corpus it is three to
 * four times faster than either. */
static bool scan(const struct search_index *ix, struct search_state *st,
		 const char *q, size_t qlen, size_t from, size_t to)
{
	const char *text = ix->text;
	size_t i = from;
	if (qlen == 1) {
		const char *p = text + from, *end = text + to;
		while (p < end && (p = memchr(p, q[0], (size_t)(end - p)))) {
			if (!cand_push(st, (size_t)(p - text)))
				return false;
			p++;
		}
		return true;
	}
	bytes16 first = {0}, tail = {0};
	first += (uint8_t)q[0];
	tail += (uint8_t)q[qlen - 1];
	for (; i + 16 <= to; i += 16) {
		bytes16 eq = (load16(text + i) == first) &
			     (load16(text + i + qlen - 1) == tail);
		uint64_t w[2];
		memcpy(w, &eq, sizeof w);
		if (!(w[0] | w[1]))
			continue;
		for (size_t k = 0; k < 2; k++) {
			while (w[k]) {
				size_t lane = k * 8 + next_lane(&w[k]);
				const char *m = text + i + lane + 1;
				/* The middle byte of a Chinese character inline;
				 * longer middles through memcmp. */
				bool same = qlen < 3 || (m[0] == q[1] &&
							 (qlen == 3 ||
							  memcmp(m + 1, q + 2, qlen - 3) == 0));
				if (same && !cand_push(st, i + lane))
					return false;
			}
		}
	}
	for (; i < to; i++)
		if (text[i] == q[0] && memcmp(text + i, q, qlen) == 0 &&
		    !cand_push(st, i))
			return false;
	return true;
}

/* Every occurrence of the folded query in the text, a MiB at a time, each
 * MiB's candidates turned into hits at once; the candidates are kept for
 * narrowing unless there are too many.  False when out of memory or
 * abandoned. */
static bool scan_all(const struct search_index *ix, struct search_result *r)
{
	struct search_state *st = r->state;
	const char *q = st->query.data;
	size_t qlen = st->query.len;
	size_t end = qlen <= ix->text_len ? ix->text_len - qlen + 1 : 0;
	bool keep = true;
	st->n_cand = 0;
	for (size_t from = 0; from < end; from += POLL_WORK) {
		size_t to = end - from > POLL_WORK ? from + POLL_WORK : end;
		size_t first = st->n_cand;
		if (!scan(ix, st, q, qlen, from, to) ||
		    !cand_hits(ix, r, first, st->n_cand))
			return false;
		size_t found = st->n_cand - first;
		if (!keep || st->n_cand > CAND_KEEP) {
			keep = false;
			st->n_cand = 0; /* the array holds one batch from now */
		}
		if (stop_asked(r, to - from + found * CAND_WORK))
			return false;
	}
	st->valid = keep;
	return true;
}

/* The candidates of the shorter query where the new one, which extends
 * it, also occurs; turned into hits a batch at a time. */
static bool narrow(const struct search_index *ix, struct search_result *r)
{
	struct search_state *st = r->state;
	const char *q = st->query.data;
	size_t qlen = st->query.len;
	size_t k = 0, done = 0, n = st->n_cand;
	for (size_t j = 0; j < n; j++) {
		size_t p = st->cand[j];
		/* One cache miss per candidate, spread over the whole text: let
		 * several be on their way at once. */
		if (j + PREFETCH_AHEAD < n)
			__builtin_prefetch(ix->text + st->cand[j + PREFETCH_AHEAD]);
		if (p + qlen <= ix->text_len && memcmp(ix->text + p, q, qlen) == 0)
			st->cand[k++] = (uint32_t)p;
		if ((j + 1) % CAND_BATCH == 0 || j + 1 == n) {
			if (!cand_hits(ix, r, done, k))
				return false;
			done = k;
			if (stop_asked(r, CAND_BATCH * CAND_WORK))
				return false;
		}
	}
	st->n_cand = k;
	st->valid = true;
	return true;
}

static bool run_literal(const struct search_index *ix, const char *query,
			unsigned flags, struct search_result *r)
{
	struct search_state *st = r->state;
	bool exact = search_is_case_sensitive(query);
	struct fold_ctx c = {ix->folder, NULL, true, &st->query, NULL, NULL};
	buf_reset(&st->query);
	if (!fold_string(&c, query, strlen(query)))
		return false;
	if (exact) {
		buf_reset(&st->exact);
		c.fold_case = false;
		c.out = &st->exact;
		if (!fold_string(&c, query, strlen(query)))
			return false;
	}
	const char *q = st->query.data;
	size_t qlen = st->query.len;
	bool narrowing = st->valid && st->ix == ix && st->flags == flags &&
			 qlen >= st->folded.len &&
			 memcmp(q, st->folded.data, st->folded.len) == 0;
	/* Until this run completes, its candidates are for no query. */
	st->valid = false;
	buf_reset(&st->folded);
	if (!buf_add(&st->folded, q, qlen))
		return false;
	st->ix = ix;
	st->flags = flags;
	cursor_start(st, qlen, exact);
	if (narrowing) {
		r->fields_searched = st->cand_fields;
		return narrow(ix, r);
	}
	r->fields_searched = ix->n_fields;
	return scan_all(ix, r);
}

/* Folds the non-ASCII characters of a regular expression like the text,
 * so that 國 or Ｆ in a pattern meet the folded document.  ASCII stays as
 * it is: folding would turn \S into \s.  A character that folds to an
 * ASCII operator (（ to "(") is escaped outside a bracket expression, so it
 * stays the literal the user typed. */
/* The start of a bracket expression at p ('['): "[", "[^", and a ']'
 * right after them, which is a literal ("[]…]", "[^]…]"). */
static size_t bracket_open_len(const char *p)
{
	size_t len = p[1] == '^' ? 2 : 1;
	return p[len] == ']' ? len + 1 : len;
}

/* Inside a bracket expression, the length of the [:class:], [.coll.] or
 * [=equiv=] at p ('['), which may hold a ']'; 0 when there is none. */
static size_t bracket_element_len(const char *p)
{
	if (!p[1] || !strchr(".:=", p[1]))
		return 0;
	const char close[3] = {p[1], ']', '\0'};
	const char *e = strstr(p + 2, close);
	return e ? (size_t)(e - p) + 2 : strlen(p);
}

static bool fold_pattern(const struct search_index *ix, const char *pat,
			 bool fold_case, struct search_state *st, bool *backref)
{
	*backref = false;
	struct buf *out = &st->query;
	struct fold_ctx c = {ix->folder, NULL, fold_case, &st->scratch, NULL,
			     NULL};
	size_t n = strlen(pat), i = 0;
	bool bracket = false;
	buf_reset(out);
	while (i < n) {
		unsigned char ch = (unsigned char)pat[i];
		if (ch >= 0x80) {
			size_t j = i;
			while (j < n && (unsigned char)pat[j] >= 0x80)
				j++;
			buf_reset(&st->scratch);
			if (!fold_string(&c, pat + i, j - i))
				return false;
			for (size_t k = 0; k < st->scratch.len; k++) {
				char b = st->scratch.data[k];
				if (!bracket && strchr("\\^$.|?*+()[]{}", b))
					buf_addc(out, '\\');
				buf_addc(out, b);
			}
			i = j;
			continue;
		}
		size_t len = 1;
		if (!bracket && ch == '\\' && i + 1 < n) {
			/* An escaped non-ASCII character is a literal, as the
			 * folded one will be: drop the backslash. */
			len = (unsigned char)pat[i + 1] >= 0x80 ? 0 : 2;
			if (!len)
				i++;
			if (pat[i + 1] >= '1' && pat[i + 1] <= '9')
				*backref = true;
		} else if (!bracket && ch == '[') {
			bracket = true;
			len = bracket_open_len(pat + i);
		} else if (bracket && ch == '[' && bracket_element_len(pat + i)) {
			len = bracket_element_len(pat + i);
		} else if (bracket && ch == ']') {
			bracket = false;
		}
		buf_add(out, pat + i, len);
		i += len;
	}
	return !out->oom;
}

/* Smart case for a regular expression: letters after a backslash are
 * operators (\S, \W), not upper case the user typed. */
static bool regex_case_sensitive(const char *pattern, struct buf *tmp)
{
	buf_reset(tmp);
	for (const char *p = pattern; *p; p++) {
		if (*p == '\\' && p[1] && (unsigned char)p[1] < 0x80)
			p++;
		else
			buf_addc(tmp, *p);
	}
	return search_is_case_sensitive(tmp->data ? tmp->data : "");
}

/* The hits of regex re in field fi of topic `topic`.  regexec gets the
 * text from where the last match ended, not the whole field with a start
 * offset (REG_STARTEND): glibc would read the field from its start on
 * every call, which made a field of a million hits take ten minutes. */
static bool regex_field(const struct search_index *ix, struct search_result *r,
			const regex_t *re, bool exact, size_t fi, size_t topic)
{
	struct search_state *st = r->state;
	/* The index is case-folded; a case-sensitive pattern runs on the
	 * field folded again with its case kept. */
	const char *text = ix->text + ix->off[fi];
	size_t len = ix->off[fi + 1] - ix->off[fi] - 1, base = ix->off[fi];
	const struct fold_anchor *a = ix->anchors + ix->first_anchor[fi];
	size_t na = ix->first_anchor[fi + 1] - ix->first_anchor[fi];
	if (exact) {
		buf_reset(&st->scratch);
		st->map.n = 0;
		struct fold_ctx c = {ix->folder, NULL, false, &st->scratch,
				     &st->map, NULL};
		const char *s = ix->orig[fi];
		if (!fold_string(&c, s, strlen(s)) ||
		    !buf_addc(&st->scratch, '\0'))
			return false;
		text = st->scratch.data;
		len = st->scratch.len - 1;
		base = 0;
		a = st->map.v;
		na = st->map.n;
	}
	/* One line at a time (REG_NEWLINE: no match crosses a line break),
	 * so that glibc's per-call state, 8 bytes per byte it is given, is
	 * for one line, not for the rest of the field. */
	size_t pos = 0, orig_end = 0, eol = 0;
	bool have_eol = false;
	while (pos <= len) {
		if (!have_eol || pos > eol) {
			const char *nl = memchr(text + pos, '\n', len - pos);
			eol = nl ? (size_t)(nl - text) : len;
			have_eol = true;
		}
		/* ^ matches where a line starts, and only there. */
		int bol = pos == 0 || text[pos - 1] == '\n' ? 0 : REG_NOTBOL;
		regmatch_t m = {0, (regoff_t)(eol - pos)};
		size_t so = eol, eo = eol;
		if (regexec(re, text + pos, 1, &m, REG_STARTEND | bol) == 0) {
			so = pos + (size_t)m.rm_so;
			eo = pos + (size_t)m.rm_eo;
		}
		if (stop_asked(r, (eo < eol ? eo : eol + 1) - pos + CAND_WORK))
			return false;
		/* Where LC_CTYPE is not UTF-8, glibc matches bytes, and '.'
		 * can end inside a character: a hit is widened to whole
		 * characters, so that it never splits one. */
		while (eo > so && so > pos && ((unsigned char)text[so] & 0xC0) == 0x80)
			so--;
		while (eo > so && eo < eol && ((unsigned char)text[eo] & 0xC0) == 0x80)
			eo++;
		if (eo == so) { /* no match, or an empty one: no hit */
			if (so >= eol) {
				if (eol >= len)
					break;
				pos = eol + 1; /* the next line */
				continue;
			}
			int k = u8_mblen((const uint8_t *)text + so, eol - so);
			pos = so + (size_t)(k > 0 ? k : 1);
			continue;
		}
		size_t os = fold_map_back(a, na, base, base + so, false);
		size_t oe = fold_map_back(a, na, base, base + eo, true);
		if (os >= orig_end) {
			if (!hit_push(r, ix, topic, fi, os, oe))
				return false;
			orig_end = oe;
		}
		pos = eo;
	}
	return true;
}

/* ---- how much a regular expression costs glibc to compile ----
 *
 * glibc's regcomp copies a repeated part once per repetition it may need:
 * x{1,5000} takes 200 MB, and every + of x++++… doubles what came before
 * (twenty of them took 1.3 GB and 10 s, twenty-four 19 GB).  The cost is
 * estimated on the folded pattern as the number of parts after those
 * copies: an atom is 1, a sequence or an alternation the sum of its parts,
 * + doubles the part before it, {n,m} multiplies it by the larger bound,
 * * and ? add one (x, 33 *, then 10 + took 12 GB and 174 s), and a part
 * that can match nothing costs more (below).
 *
 * Parts that can match nothing and anchors are counted as well, with
 * their copies ("empties": x*, x?, x{0,m}, ^, $, \b, \<, …).  glibc
 * builds the closure of every node over the parts that can be skipped
 * and copies those closures once per anchor constraint, which grows with
 * a high power of their number: \b(x|\b)* eight times took 12.7 s,
 * \bx* fifty times 2.4 s, \bx and 160 * 46 s.  Inside a repeated group
 * they count twice per level of loop around them.  Sixteen of them stay
 * under 0.05 s in every shape tried.
 *
 * The limits keep what glibc builds to a few tens of MB and its time to
 * well under a second; the fuzzer (tests/fuzz/fuzz_search.c) is what
 * tests the model. */
enum { REGEX_MAX_COST = 2000, REGEX_MAX_EMPTIES = 16, REGEX_MAX_DEPTH = 64 };

/* Counts saturate at COST_CAP, past both limits, so that nothing wraps. */
#define COST_CAP ((size_t)REGEX_MAX_COST * 2)

struct regex_cost {
	size_t nodes, empties;
};

static size_t count_mul(size_t a, size_t b)
{
	return a && b > COST_CAP / a ? COST_CAP : a * b;
}

static size_t count_add(size_t a, size_t b)
{
	return a + b > COST_CAP ? COST_CAP : a + b;
}

static struct regex_cost cost_add(struct regex_cost a, struct regex_cost b)
{
	return (struct regex_cost){count_add(a.nodes, b.nodes),
				   count_add(a.empties, b.empties)};
}

static const struct regex_cost COST_NONE = {0, 0}, COST_ATOM = {1, 0},
			       COST_EMPTY = {1, 1}, COST_HUGE = {COST_CAP, COST_CAP};

/* The length of the bracket expression at p ('['), up to its ']'. */
static size_t bracket_len(const char *p)
{
	size_t i = bracket_open_len(p);
	while (p[i] && p[i] != ']')
		i += p[i] == '[' && bracket_element_len(p + i) ? bracket_element_len(p + i) : 1;
	return p[i] ? i + 1 : i;
}

/* The bounds of a {n}, {n,} or {n,m} at p: the larger plus one, the
 * smaller in *lo, and its length in *len. */
static size_t interval_bound(const char *p, unsigned long *lo, size_t *len)
{
	char *end;
	unsigned long hi = *lo = strtoul(p + 1, &end, 10);
	if (*end == ',') {
		hi = end[1] == '}' ? *lo + 1 : strtoul(end + 1, &end, 10);
		if (*end == ',')
			end++;
	}
	const char *close = strchr(p, '}');
	*len = close ? (size_t)(close - p) + 1 : 1;
	return (size_t)(hi > *lo ? hi : *lo) + 1;
}

/* How deeply a part nests what can match nothing: 0 when it cannot
 * match nothing (x, x+, x?y), 1 for x?, ^, (x||) or (a|b*), one more for
 * each repetition around such a part (x??, (x?)+).  Every copy of a part
 * that can match nothing joins the empty-transition closure of every
 * other copy, and calc_eclosure walks those closures again for each
 * level of nesting: (x||){1,9} then + cost 1,600 and took 2.2 s,
 * x??{1,9}+ 0.2 s, x???{1,9}+ over a minute.  So a repetition of a part
 * of depth 1 costs the cube of its count, and one of depth 2 or more
 * is refused. */
typedef int empty_depth;

/* One group level: the cost of what came before the last part and of the
 * last part, which a repetition after it multiplies; the empty depth of
 * the last part, of the parts before it in this branch (0 when one of
 * them cannot match nothing), and of the earlier branches. */
struct cost_level {
	struct regex_cost before, last;
	empty_depth last_e, seq_e, branch_e;
	bool last_group; /* the last part is a (group) */
	bool branch_has; /* the branch so far holds a part */
};

static empty_depth depth_max(empty_depth a, empty_depth b)
{
	return a > b ? a : b;
}

static void level_open(struct cost_level *l)
{
	*l = (struct cost_level){COST_NONE, COST_NONE, 1, 1, 0, false, false};
}

/* The empty depth of the branch so far. */
static empty_depth level_seq(const struct cost_level *l)
{
	return l->seq_e && l->last_e ? depth_max(l->seq_e, l->last_e) : 0;
}

static empty_depth level_empty(const struct cost_level *l)
{
	return depth_max(l->branch_e, level_seq(l));
}

static struct regex_cost level_total(const struct cost_level *l)
{
	return cost_add(l->before, l->last);
}

/* The repetition at p applied to l's last part; its length in *len. */
static void level_repeat(struct cost_level *l, const char *p, size_t *len)
{
	/* Anchors and empties inside a repeated group are copied again for
	 * each level of loop around them: ((|\b)*\b(\b)*\b|x)* has seven and
	 * took 0.3 s (11 s under ASan). */
	if (l->last_group)
		l->last.empties = count_mul(l->last.empties, 2);
	if (*p == '*' || *p == '?') {
		/* One more node, which a later + or {n,m} copies with the rest. */
		l->last = cost_add(l->last, COST_EMPTY);
		l->last_e = l->last_e + 1;
		return;
	}
	unsigned long lo = 1;
	size_t times = *p == '+' ? 2 : interval_bound(p, &lo, len);
	struct regex_cost *c = &l->last;
	if (l->last_e > 1) {
		*c = COST_HUGE; /* a repetition of a repetition of nothing */
	} else {
		c->nodes = count_mul(c->nodes, l->last_e ? count_mul(times, count_mul(times, times))
							 : times);
		c->empties = count_add(count_mul(c->empties, times), lo == 0);
	}
	l->last_e = l->last_e ? l->last_e + 1 : lo == 0;
}

/* Whether the escape or character at p matches without consuming. */
static empty_depth atom_empty(const char *p)
{
	return *p == '^' || *p == '$' ||
	       (*p == '\\' && p[1] && strchr("bB<>`'", p[1]));
}

/* The number of bytes of the atom at re, and its cost in *atom. */
static size_t atom_len(const char *re, struct regex_cost *atom)
{
	size_t len = 1;
	*atom = atom_empty(re) ? COST_EMPTY : COST_ATOM;
	if (*re == '\\')
		return re[1] ? 2 : 1;
	if (*re == '[')
		return bracket_len(re);
	/* A character of several bytes is one atom. */
	while (((unsigned char)re[len] & 0xC0) == 0x80)
		len++;
	return len;
}

static struct regex_cost regex_cost(const char *re)
{
	struct cost_level lv[REGEX_MAX_DEPTH + 1];
	int depth = 0;
	level_open(&lv[0]);
	for (size_t i = 0; re[i];) {
		struct cost_level *l = &lv[depth];
		size_t len = 1;
		struct regex_cost atom;
		empty_depth empty;
		bool group = false;
		switch (re[i]) {
		case '(':
			if (depth == REGEX_MAX_DEPTH)
				return COST_HUGE;
			level_open(&lv[++depth]);
			i++;
			continue;
		case '|':
			/* An empty branch is one more way through on nothing:
			 * (1|||…|.|)* with \b around it took 1.4 s for some
			 * forty of them. */
			l->branch_e = level_empty(l);
			l->before = cost_add(level_total(l),
					     l->branch_has ? COST_NONE : COST_EMPTY);
			l->last = COST_NONE;
			l->last_e = l->seq_e = 1;
			l->branch_has = false;
			i++;
			continue;
		case '+': case '*': case '?': case '{':
			level_repeat(l, re + i, &len);
			i += len;
			continue;
		case ')':
			if (!depth) { /* a ')' that closes nothing is a character */
				len = atom_len(re + i, &atom);
				empty = 0;
				break;
			}
			atom = cost_add(cost_add(level_total(l), COST_ATOM),
					l->branch_has ? COST_NONE : COST_EMPTY);
			empty = level_empty(l);
			l = &lv[--depth];
			group = true;
			break;
		default:
			len = atom_len(re + i, &atom);
			empty = atom.empties > 0; /* an anchor */
		}
		l->before = level_total(l);
		l->seq_e = level_seq(l);
		l->last = atom;
		l->last_e = empty;
		l->last_group = re[i] == ')' && group;
		l->branch_has = true;
		i += len;
	}
	/* A group left open costs what it holds: glibc copies it before it
	 * finds the missing ')'. */
	for (; depth > 0; depth--)
		lv[depth - 1].last = cost_add(lv[depth - 1].last, level_total(&lv[depth]));
	return level_total(&lv[0]);
}

static bool regex_too_costly(const char *re)
{
	struct regex_cost c = regex_cost(re);
	return c.nodes > REGEX_MAX_COST || c.empties > REGEX_MAX_EMPTIES;
}

/* What regcomp found wrong, in our words: glibc's own start with
 * "Invalid" ("invalid regular expression: Invalid regular expression")
 * or name only one of the two brackets that can be unmatched. */
static void regex_error(int rc, const regex_t *re, char *err, size_t errsize)
{
	static const struct {
		int rc;
		const char *what;
	} words[] = {
		{REG_ECOLLATE, N_("unknown collating element in [ ]")},
		{REG_ECTYPE, N_("unknown character class in [: :]")},
		{REG_EESCAPE, N_("a backslash at the end")},
		{REG_EBRACK, N_("unmatched [")},
		{REG_EPAREN, N_("unmatched ( or )")},
		{REG_EBRACE, N_("unmatched {")},
		{REG_BADBR, N_("a repetition count in { } that is not a number or runs backwards")},
		{REG_ERANGE, N_("a range in [ ] whose end comes before its start")},
		{REG_ESPACE, N_("out of memory")},
		{REG_BADRPT, N_("* + ? or { with nothing before it to repeat")},
#ifdef REG_EEND
		{REG_EEND, N_("it ends too early")},
#endif
#ifdef REG_ESIZE
		{REG_ESIZE, N_("too big to compile")},
#endif
#ifdef REG_ERPAREN
		{REG_ERPAREN, N_("unmatched )")},
#endif
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		if (words[i].rc == rc) {
			snprintf(err, errsize, _("invalid regular expression: %s"), _(words[i].what));
			return;
		}
	}
	char msg[200];
	regerror(rc, re, msg, sizeof msg);
	if (rc == REG_BADPAT || strncmp(msg, "Invalid regular expression", 26) == 0)
		snprintf(err, errsize, _("invalid regular expression"));
	else
		snprintf(err, errsize, _("invalid regular expression: %c%s"),
			 msg[0] >= 'A' && msg[0] <= 'Z' ? msg[0] - 'A' + 'a' : msg[0], msg + 1);
}

/* Why a search that was under way gave up. */
static void stopped(const struct search_result *r, char *err, size_t errsize)
{
	snprintf(err, errsize, "%s", r->cancelled ? _("search abandoned") : _("out of memory"));
}

static bool run_regex(const struct search_index *ix, const char *pattern,
		      struct search_result *r, char *err, size_t errsize)
{
	struct search_state *st = r->state;
	bool exact = regex_case_sensitive(pattern, &st->scratch);
	bool backref;
	st->valid = false;
	if (!fold_pattern(ix, pattern, !exact, st, &backref)) {
		snprintf(err, errsize, _("out of memory"));
		return false;
	}
	if (backref) {
		/* glibc matches them by backtracking: (a*)\1b took 772 MB in
		 * 20 s on one line of a's. */
		snprintf(err, errsize, _("invalid regular expression: "
			 "back-references (\\1 to \\9) are not supported"));
		return false;
	}
	if (regex_too_costly(st->query.data ? st->query.data : "")) {
		snprintf(err, errsize, _("invalid regular expression: too many "
			 "repetitions or anchors to compile in bounded time and memory"));
		return false;
	}
	regex_t re;
	int rc = regcomp(&re, st->query.data ? st->query.data : "",
			 REG_EXTENDED | REG_NEWLINE | (exact ? 0 : REG_ICASE));
	if (rc != 0) {
		regex_error(rc, &re, err, errsize);
		return false;
	}
	r->fields_searched = ix->n_fields;
	size_t topic = 0;
	bool ok = true;
	for (size_t fi = 0; ok && fi < ix->n_fields; fi++) {
		while (ix->topic_first[topic + 1] <= fi)
			topic++;
		ok = regex_field(ix, r, &re, exact, fi, topic);
	}
	regfree(&re);
	if (!ok)
		stopped(r, err, errsize);
	return ok;
}

/* search_run and search_run_more: the hits go after those in r. */
static bool run(const struct search_index *ix, const char *query,
		unsigned flags, struct search_result *r, char *err,
		size_t errsize)
{
	r->cancelled = false;
	r->fields_searched = 0;
	if (!r->state && !(r->state = calloc(1, sizeof *r->state))) {
		snprintf(err, errsize, _("out of memory"));
		return false;
	}
	struct search_state *st = r->state;
	st->work = 0;
	if (!*query) {
		st->valid = false;
		return true;
	}
	/* Folding decodes without checks: the document is valid UTF-8, and
	 * so must a query be (a command-line argument may not be). */
	if (u8_check((const uint8_t *)query, strlen(query))) {
		snprintf(err, errsize, _("the search pattern is not valid UTF-8"));
		st->valid = false;
		return false;
	}
	if (flags & SEARCH_REGEX) {
		if (run_regex(ix, query, r, err, errsize))
			return true;
	} else {
		if (run_literal(ix, query, flags, r))
			return true;
		stopped(r, err, errsize);
	}
	st->valid = false;
	st->work = 0;
	r->n = 0;
	r->total = 0;
	return false;
}

bool search_run(const struct search_index *ix, const char *query,
		unsigned flags, struct search_result *r, char *err,
		size_t errsize)
{
	r->n = 0;
	r->total = 0;
	return run(ix, query, flags, r, err, errsize);
}

bool search_run_more(const struct search_index *ix, const char *query,
		     unsigned flags, struct search_result *r, char *err,
		     size_t errsize)
{
	if (r->state)
		r->state->valid = false;
	return run(ix, query, flags, r, err, errsize);
}
