/* Folding text for search (fold.h): one code point or cluster at a time,
 * with the map back to the original bytes and the case marks. */
#include "config.h"

#include "cwgview/fold.h"
#include "cwgview/mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#ifdef HAVE_OPENCC
#include "cwgview/module.h"
#endif

/* ---- folding one code point or cluster ---- */

/* A grapheme cluster longer than this (a pile of combining marks) is folded
 * in pieces, so that a map entry's lengths fit in 16 bits: NFKC expands a
 * code point at most 18-fold. */
enum { MAX_CLUSTER = 256 };

enum {
	PAGE_SHIFT = 8,
	PAGE_CPS = 1 << PAGE_SHIFT,
	N_PAGES = 0x110000 >> PAGE_SHIFT
};

/* The fold of one code point standing alone.  Folds of up to 6 bytes are
 * kept here; a longer one (ﷺ, ㈱ …) lives in the folder's pool and bytes
 * holds its offset there. */
struct fold_entry {
	uint8_t len;   /* 0: not computed yet */
	uint8_t plain; /* one code point of the same UTF-8 length: unmapped */
	uint8_t bytes[6];
	/* Case-folded variant only: how the case-kept fold differs from it
	 * (enum fold_case_diff), and for FOLD_CASE_UPPER which bytes are
	 * upper-case ASCII letters there (bit k: byte k). */
	uint8_t case_diff;
	uint8_t upper;
};

enum fold_case_diff fold_case_diff(const uint8_t *folded, size_t fn,
				   const uint8_t *kept, size_t kn,
				   uint64_t *mask)
{
	*mask = 0;
	if (fn != kn)
		return FOLD_CASE_COMPLEX;
	for (size_t k = 0; k < fn; k++) {
		if (folded[k] == kept[k])
			continue;
		if (k >= 64 || folded[k] < 'a' || folded[k] > 'z' ||
		    kept[k] != folded[k] - 'a' + 'A')
			return FOLD_CASE_COMPLEX;
		*mask |= (uint64_t)1 << k;
	}
	return *mask ? FOLD_CASE_UPPER : FOLD_CASE_SAME;
}

/* Filled per 256 code points as the document uses them: a Chinese text
 * touches a few thousand code points, and asking OpenCC about each
 * occurrence would cost a microsecond or two every time. */
struct fold_page {
	struct fold_entry e[PAGE_CPS][2]; /* [cp % PAGE_CPS][fold_case] */
};

struct folder {
	struct fold_page *pages[N_PAGES];
	struct buf pool;
	const uc_script_t *han;
#ifdef HAVE_OPENCC
	const struct t2s_module *t2s; /* NULL when it did not load */
	void *cc; /* its converter; NULL when OpenCC's t2s tables did not open */
	char problem[400]; /* why not, for folder_problem */
#endif
};

static bool is_dash(ucs4_t cp)
{
	return cp == 0x2212 /* MINUS SIGN */ ||
	       uc_is_general_category(cp, UC_DASH_PUNCTUATION);
}

/* Appends one code point of a normalised fold, its bytes at s[0..k),
 * turned into simplified Chinese when it is a traditional Han character. */
static void append_t2s(const struct folder *f, ucs4_t cp, const uint8_t *s,
		       int k, struct buf *out)
{
#ifdef HAVE_OPENCC
	if (f->cc && uc_script(cp) == f->han) {
		/* One character at a time, not phrase by phrase: OpenCC's
		 * phrase table could turn two characters into one, and the map
		 * back to the original needs every output byte to come from
		 * one cluster. */
		char *r = f->t2s->convert(f->cc, (const char *)s, (size_t)k);
		if (r) {
			buf_adds(out, r);
			f->t2s->release(r);
			return;
		}
	}
#else
	(void)f;
	(void)cp;
#endif
	buf_add(out, s, (size_t)k);
}

/* Appends the fold of the cluster s[0..n): NFKC (with case folding when
 * fold_case: libunistring's u8_casefold normalises before and after, so a
 * full-width Ｃ becomes c), then dashes, then traditional to simplified. */
static bool fold_cluster(const struct folder *f, const uint8_t *s, size_t n,
			 bool fold_case, struct buf *out)
{
	uint8_t tmp[128];
	size_t len = sizeof tmp;
	uint8_t *r = fold_case ? u8_casefold(s, n, NULL, UNINORM_NFKC, tmp, &len)
			       : u8_normalize(UNINORM_NFKC, s, n, tmp, &len);
	if (!r) {
		out->oom = true;
		return false;
	}
	for (size_t i = 0; i < len;) {
		ucs4_t cp;
		int k = u8_mbtouc_unsafe(&cp, r + i, len - i);
		if (is_dash(cp))
			buf_addc(out, '-');
		else
			append_t2s(f, cp, r + i, k, out);
		i += (size_t)k;
	}
	if (r != tmp)
		free(r);
	return !out->oom;
}

static const struct fold_entry *entry_peek(const struct folder *f,
					   ucs4_t cp, bool fold_case)
{
	const struct fold_page *p = f->pages[cp >> PAGE_SHIFT];
	if (!p)
		return NULL;
	const struct fold_entry *e = &p->e[cp & (PAGE_CPS - 1)][fold_case];
	return e->len ? e : NULL;
}

static const uint8_t *entry_bytes(const struct folder *f,
				  const struct fold_entry *e)
{
	if (e->len <= sizeof e->bytes)
		return e->bytes;
	uint32_t off;
	memcpy(&off, e->bytes, sizeof off);
	return (const uint8_t *)f->pool.data + off;
}

/* Computes and keeps both folds of the code point cp (bytes s[0..n)).
 * NULL when out of memory or when a fold is too long to keep. */
static const struct fold_entry *entry_fill(struct folder *f, ucs4_t cp,
					   const uint8_t *s, size_t n,
					   bool fold_case)
{
	struct fold_page **pp = &f->pages[cp >> PAGE_SHIFT];
	if (!*pp && !(*pp = calloc(1, sizeof **pp)))
		return NULL;
	struct fold_entry *pair = (*pp)->e[cp & (PAGE_CPS - 1)];
	/* Both variants at once: the case-sensitive one is what a query with
	 * an upper-case letter is checked against, hit by hit. */
	for (int v = 0; v < 2; v++) {
		struct fold_entry *e = &pair[v];
		if (e->len)
			continue;
		struct buf tmp = BUF_INIT;
		if (!fold_cluster(f, s, n, v, &tmp) || tmp.len > UINT8_MAX ||
		    f->pool.len > UINT32_MAX - UINT8_MAX) {
			buf_free(&tmp);
			return NULL;
		}
		e->plain = tmp.len == n &&
			   u8_mblen((const uint8_t *)tmp.data, tmp.len) == (int)n;
		if (tmp.len <= sizeof e->bytes) {
			memcpy(e->bytes, tmp.data, tmp.len);
		} else {
			uint32_t off = (uint32_t)f->pool.len;
			if (!buf_add(&f->pool, tmp.data, tmp.len)) {
				buf_free(&tmp);
				return NULL;
			}
			memcpy(e->bytes, &off, sizeof off);
		}
		e->len = (uint8_t)tmp.len;
		buf_free(&tmp);
	}
	uint64_t mask;
	pair[1].case_diff = (uint8_t)fold_case_diff(entry_bytes(f, &pair[1]),
						    pair[1].len,
						    entry_bytes(f, &pair[0]),
						    pair[0].len, &mask);
	if (mask > UINT8_MAX)
		pair[1].case_diff = FOLD_CASE_COMPLEX;
	pair[1].upper = (uint8_t)mask;
	return &pair[fold_case];
}

/* ---- folding a string, with the map back (fold.h) and case marks ---- */

static bool anchor_push(struct fold_map *a, size_t f, size_t o, size_t flen,
			size_t olen)
{
	if (f > UINT32_MAX || o > UINT32_MAX || flen > UINT16_MAX ||
	    olen > UINT16_MAX)
		return false;
	size_t cap = a->cap;
	struct fold_anchor *p = mem_room(a->v, a->n, &a->cap, sizeof *p, 64);
	if (!p)
		return false;
	if (a->cap != cap)
		mem_hint_huge(p, a->cap * sizeof *p);
	a->v = p;
	a->v[a->n++] = (struct fold_anchor){(uint32_t)f, (uint32_t)o,
				       (uint16_t)flen, (uint16_t)olen};
	return true;
}

static bool mark_upper(struct fold_marks *m, size_t pos)
{
	uint32_t *p = pos > UINT32_MAX ? NULL
				       : mem_room(m->upper, m->n_upper,
						  &m->cap_upper, sizeof *p, 256);
	if (!p)
		return false;
	m->upper = p;
	m->upper[m->n_upper++] = (uint32_t)pos;
	return true;
}

static bool mark_complex(struct fold_marks *m, size_t start, size_t end)
{
	struct fold_span *p = end > UINT32_MAX
				 ? NULL
				 : mem_room(m->complex, m->n_complex,
					    &m->cap_complex, sizeof *p, 16);
	if (!p)
		return false;
	m->complex = p;
	m->complex[m->n_complex++] = (struct fold_span){(uint32_t)start, (uint32_t)end};
	return true;
}

static bool mark_case(struct fold_marks *m, size_t start, size_t len,
		      enum fold_case_diff d, uint64_t mask)
{
	if (d == FOLD_CASE_COMPLEX)
		return mark_complex(m, start, start + len);
	for (size_t k = 0; mask; k++, mask >>= 1)
		if ((mask & 1) && !mark_upper(m, start + k))
			return false;
	return true;
}

/* buf_add without the call for the common case: the index reserves its
 * text buffer, so this is a copy of one to six bytes.  Copies of a
 * constant size are inlined; a memcpy of n bytes would be a libc call per
 * character, a tenth of the time the index takes. */
static inline void out_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n >= b->cap) {
		buf_add(b, p, n);
		return;
	}
	char *d = b->data + b->len;
	switch (n) {
	case 1:
		*d = *(const char *)p;
		break;
	case 3:
		memcpy(d, p, 3);
		break;
	case 2:
		memcpy(d, p, 2);
		break;
	default:
		memcpy(d, p, n);
		break;
	}
	b->len += n;
}

/* Folds the cluster s[0..n) at byte o of the string; cp is its code point
 * when it is a single one. */
static bool fold_piece(struct fold_ctx *c, const uint8_t *s, size_t n,
		       bool single, ucs4_t cp, size_t o)
{
	struct buf *out = c->out;
	size_t start = out->len;
	bool plain = false;
	bool marked = !c->marks;
	if (single && cp < 0x80) {
		/* ASCII is its own NFKC; only the case can change. */
		char ch = (char)cp;
		if (c->fold_case && ch >= 'A' && ch <= 'Z') {
			ch = (char)(ch - 'A' + 'a');
			if (c->marks && !mark_upper(c->marks, start))
				return false;
		}
		out_add(out, &ch, 1);
		plain = marked = true;
	} else if (single) {
		const struct fold_entry *e = entry_peek(c->f, cp, c->fold_case);
		if (!e && c->fill)
			e = entry_fill(c->fill, cp, s, n, c->fold_case);
		if (e) {
			out_add(out, entry_bytes(c->f, e), e->len);
			plain = e->plain;
			if (!marked && c->fold_case) {
				if (!mark_case(c->marks, start, e->len,
					       (enum fold_case_diff)e->case_diff,
					       e->upper))
					return false;
				marked = true;
			}
		} else if (!fold_cluster(c->f, s, n, c->fold_case, out)) {
			return false;
		}
	} else if (!fold_cluster(c->f, s, n, c->fold_case, out)) {
		return false;
	}
	if (out->oom)
		return false;
	if (!marked && c->fold_case) {
		/* A cluster of several code points, or one whose fold is too
		 * long to keep: fold it again with the case kept. */
		struct buf kept = BUF_INIT;
		uint64_t mask = 0;
		bool ok = fold_cluster(c->f, s, n, false, &kept);
		if (ok) {
			enum fold_case_diff d = fold_case_diff(
				(const uint8_t *)out->data + start,
				out->len - start, (const uint8_t *)kept.data,
				kept.len, &mask);
			ok = mark_case(c->marks, start, out->len - start, d,
				       mask);
		}
		buf_free(&kept);
		if (!ok)
			return false;
	}
	if (!plain && c->map &&
	    !anchor_push(c->map, start, o, out->len - start, n))
		return false;
	return true;
}

/* Code points that neither join a cluster nor let the next one join
 * theirs (Grapheme_Cluster_Break Other, Control, CR or LF, and never
 * Prepend, Extend, SpacingMark, ZWJ): Latin below U+0300, CJK punctuation,
 * the unified ideographs and the full-width forms.  Between two of them
 * only CR LF stays together, so the library is asked about the rest only:
 * that halves the time the index takes on Chinese text. */
static bool plain_boundary(ucs4_t c)
{
	return c < 0x300 || (c >= 0x3001 && c <= 0x3011) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF01 && c <= 0xFF5E);
}

static bool cluster_break(ucs4_t a, ucs4_t b)
{
	if (plain_boundary(a) && plain_boundary(b))
		return !(a == '\r' && b == '\n');
	return uc_is_grapheme_break(a, b);
}

bool fold_string(struct fold_ctx *c, const char *str, size_t n)
{
	const uint8_t *s = (const uint8_t *)str;
	ucs4_t cp = 0;
	int k = n ? u8_mbtouc_unsafe(&cp, s, n) : 0;
	size_t i = 0;
	while (i < n) {
		size_t start = i, end = i + (size_t)k;
		ucs4_t first = cp, prev = cp;
		bool single = true;
		while (end < n) {
			ucs4_t next;
			int nk = u8_mbtouc_unsafe(&next, s + end, n - end);
			if (end - start + (size_t)nk > MAX_CLUSTER ||
			    cluster_break(prev, next)) {
				cp = next;
				k = nk;
				break;
			}
			prev = next;
			end += (size_t)nk;
			single = false;
		}
		if (!fold_piece(c, s + start, end - start, single, first, start))
			return false;
		i = end;
	}
	/* out_add leaves the terminating NUL out; struct buf promises it. */
	if (c->out->data)
		c->out->data[c->out->len] = '\0';
	return true;
}

/* ---- the folder: OpenCC's module and the kept folds ---- */

#ifdef HAVE_OPENCC
/* OpenCC (and with it libstdc++) is the module cwgview-t2s.so, loaded
 * by the first folder: the browser builds its index after the first frame
 * is drawn, so OpenCC is never mapped before it. */
static void t2s_open(struct folder *f)
{
	char why[360];
	f->t2s = module_load(T2S_MODULE_FILE, T2S_MODULE_ENTRY,
			     T2S_MODULE_PACKAGES, why, sizeof why);
	if (!f->t2s) {
		snprintf(f->problem, sizeof f->problem, "%s", why);
		return;
	}
	f->cc = f->t2s->open(why, sizeof why);
	if (!f->cc)
		snprintf(f->problem, sizeof f->problem, "%s", why);
}
#endif

struct folder *folder_new(void)
{
	struct folder *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->han = uc_script_byname("Han");
#ifdef HAVE_OPENCC
	t2s_open(f);
#endif
	return f;
}

void folder_free(struct folder *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < N_PAGES; i++)
		free(f->pages[i]);
	buf_free(&f->pool);
#ifdef HAVE_OPENCC
	if (f->cc)
		f->t2s->close(f->cc);
#endif
	free(f);
}

bool folder_folds_traditional(const struct folder *f)
{
#ifdef HAVE_OPENCC
	return f->cc != NULL;
#else
	(void)f;
	return false;
#endif
}

const char *folder_problem(const struct folder *f)
{
#ifdef HAVE_OPENCC
	return f->cc ? NULL : f->problem;
#else
	(void)f;
	return NULL;
#endif
}
