/* The search core: the folded text of a document, maps back to the
 * original bytes, and the one matcher (search.h). */
#include "config.h"

#include "cwgview/search.h"
#include "cwgview/mem.h"

#include <regex.h>
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
#include <errno.h>
#include <opencc.h>
#include <sys/mman.h>
#include <unistd.h>
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
	 * (enum case_diff), and for CASE_UPPER which bytes are upper-case
	 * ASCII letters there (bit k: byte k). */
	uint8_t case_diff;
	uint8_t upper;
};

enum case_diff {
	CASE_SAME,    /* both folds are the same bytes */
	CASE_UPPER,   /* same length; some ASCII letters are upper case */
	CASE_COMPLEX  /* anything else: ß and ss, É and é … */
};

/* How the case-kept fold kept[0..kn) differs from the case-folded fold
 * folded[0..fn); *mask gets the upper-case byte positions (CASE_UPPER). */
static enum case_diff case_diff(const uint8_t *folded, size_t fn,
				const uint8_t *kept, size_t kn, uint64_t *mask)
{
	*mask = 0;
	if (fn != kn)
		return CASE_COMPLEX;
	for (size_t k = 0; k < fn; k++) {
		if (folded[k] == kept[k])
			continue;
		if (k >= 64 || folded[k] < 'a' || folded[k] > 'z' ||
		    kept[k] != folded[k] - 'a' + 'A')
			return CASE_COMPLEX;
		*mask |= (uint64_t)1 << k;
	}
	return *mask ? CASE_UPPER : CASE_SAME;
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
	opencc_t t2s; /* NULL when OpenCC's t2s tables did not open */
	char problem[300]; /* why not, for search_index_fold_problem */
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
	if (f->t2s && uc_script(cp) == f->han) {
		/* One character at a time, not phrase by phrase: OpenCC's
		 * phrase table could turn two characters into one, and the map
		 * back to the original needs every output byte to come from
		 * one cluster. */
		char *r = opencc_convert_utf8(f->t2s, (const char *)s, (size_t)k);
		if (r) {
			buf_adds(out, r);
			opencc_convert_utf8_free(r);
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
	pair[1].case_diff = (uint8_t)case_diff(entry_bytes(f, &pair[1]),
					       pair[1].len,
					       entry_bytes(f, &pair[0]),
					       pair[0].len, &mask);
	if (mask > UINT8_MAX)
		pair[1].case_diff = CASE_COMPLEX;
	pair[1].upper = (uint8_t)mask;
	return &pair[fold_case];
}

/* ---- folding a string, with the map back ---- */

/* One cluster whose fold is not a single code point of its own length:
 * folded bytes [f, f+flen) came from original bytes [o, o+olen).  Between
 * anchors folded and original bytes correspond one to one. */
struct anchor {
	uint32_t f, o;
	uint16_t flen, olen;
};

struct anchor_vec {
	struct anchor *v;
	size_t n, cap;
};

static bool anchor_push(struct anchor_vec *a, size_t f, size_t o, size_t flen,
			size_t olen)
{
	if (f > UINT32_MAX || o > UINT32_MAX || flen > UINT16_MAX ||
	    olen > UINT16_MAX)
		return false;
	size_t cap = a->cap;
	struct anchor *p = mem_room(a->v, a->n, &a->cap, sizeof *p, 64);
	if (!p)
		return false;
	if (a->cap != cap)
		mem_hint_huge(p, a->cap * sizeof *p);
	a->v = p;
	a->v[a->n++] = (struct anchor){(uint32_t)f, (uint32_t)o,
				       (uint16_t)flen, (uint16_t)olen};
	return true;
}

/* Where the case-folded text of the index differs from the case-kept fold:
 * the positions of letters that are upper case there, and the clusters
 * that differ in any other way.  With them a case-sensitive query is
 * checked on the folded text alone, without reading the model's strings
 * (a cache miss each, ten milliseconds for the 90,000 places where a
 * query starting with CWG matches the bench corpus). */
struct span {
	uint32_t start, end;
};

struct case_marks {
	uint32_t *upper;
	size_t n_upper, cap_upper;
	struct span *complex;
	size_t n_complex, cap_complex;
};

static bool mark_upper(struct case_marks *m, size_t pos)
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

static bool mark_complex(struct case_marks *m, size_t start, size_t end)
{
	struct span *p = end > UINT32_MAX
				 ? NULL
				 : mem_room(m->complex, m->n_complex,
					    &m->cap_complex, sizeof *p, 16);
	if (!p)
		return false;
	m->complex = p;
	m->complex[m->n_complex++] = (struct span){(uint32_t)start, (uint32_t)end};
	return true;
}

static bool mark_case(struct case_marks *m, size_t start, size_t len,
		      enum case_diff d, uint64_t mask)
{
	if (d == CASE_COMPLEX)
		return mark_complex(m, start, start + len);
	for (size_t k = 0; mask; k++, mask >>= 1)
		if ((mask & 1) && !mark_upper(m, start + k))
			return false;
	return true;
}

struct fold_ctx {
	const struct folder *f;
	/* The same folder while the index is built, so new code points are
	 * kept; NULL while searching, when the index is read-only. */
	struct folder *fill;
	bool fold_case;
	struct buf *out;
	struct anchor_vec *map; /* NULL when no map is wanted */
	struct case_marks *marks; /* while building the index only */
};

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
					       (enum case_diff)e->case_diff,
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
			enum case_diff d = case_diff(
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

/* Folds str[0..n), one grapheme cluster at a time, onto c->out.  Map
 * entries give original offsets from str. */
static bool fold_string(struct fold_ctx *c, const char *str, size_t n)
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

/* The original offset of folded position p, whose text starts at folded
 * position base in the anchors' coordinates.  A hit's start inside a
 * folded cluster moves to the cluster's start, its end to the cluster's
 * end, so a hit always covers whole original characters. */
static bool before(const struct anchor *x, size_t p, bool is_end)
{
	return is_end ? x->f < p : x->f <= p;
}

/* map_back once the anchors before p are known: the first lo of them. */
static size_t map_at(const struct anchor *a, size_t lo, size_t base,
		     size_t p, bool is_end)
{
	if (lo == 0)
		return p - base;
	const struct anchor *x = &a[lo - 1];
	size_t fend = (size_t)x->f + x->flen, oend = (size_t)x->o + x->olen;
	if (is_end ? p <= fend : p < fend)
		return is_end ? oend : x->o;
	return oend + (p - fend);
}

static size_t map_back(const struct anchor *a, size_t na, size_t base,
		       size_t p, bool is_end)
{
	size_t lo = 0, hi = na;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (before(&a[mid], p, is_end))
			lo = mid + 1;
		else
			hi = mid;
	}
	return map_at(a, lo, base, p, is_end);
}

/* map_back for a hit [p, pe) when hits come in order: *cur counts the
 * anchors known to lie before the last hit's start, so the search goes on
 * from there instead of starting over (a field has few anchors between
 * two hits; a binary search per hit cost a tenth of a one-key search). */
static void map_next(const struct anchor *a, size_t na, size_t *cur,
		     size_t base, size_t p, size_t pe, size_t *os, size_t *oe)
{
	size_t lo = *cur;
	while (lo < na && before(&a[lo], p, false))
		lo++;
	*cur = lo;
	*os = map_at(a, lo, base, p, false);
	/* Every anchor at or before p is before pe > p: go on from lo. */
	size_t le = lo;
	while (le < na && before(&a[le], pe, true))
		le++;
	*oe = map_at(a, le, base, pe, true);
}

/* ---- the index ---- */

/* Per field: pane (2 bits), kind (3 bits), input row + 1 (the rest). */
#define META(pane, kind, input) \
	((uint32_t)(pane) | (uint32_t)(kind) << 2 | (uint32_t)((input) + 1) << 5)
#define META_PANE(m) ((enum doc_pane)((m) & 3))
#define META_KIND(m) ((enum doc_field_kind)(((m) >> 2) & 7))
#define META_INPUT(m) ((long)((m) >> 5) - 1)

struct search_index {
	const struct doc *doc;
	struct folder *folder;
	/* The folded fields in document order, each followed by a NUL, so a
	 * match never runs from one field into the next and regexec can run
	 * on a field in place.  Offsets are 32 bits: a document is at most
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
	struct anchor *anchors;
	size_t n_anchors;
	struct case_marks marks;
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
	struct anchor_vec anchors;
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
	ix->meta[i] = META(f->pane, f->kind, f->input);
	return fold_string(&b->ctx, f->s, strlen(f->s)) && buf_addc(text, '\0');
}

#ifdef HAVE_OPENCC
/* OpenCC looks for a configuration named by a relative path, and for the
 * dictionaries a configuration names (its own t2s.json names them by
 * relative paths), in the current directory first: opened as
 * "t2s.json", a t2s.json or TSCharacters.ocd2 lying where cwgview was
 * started would be read instead of OpenCC's (an invalid one turned
 * folding off without a word, a hostile one hung the search).  So the
 * configuration is cwgview's own, that of OpenCC's t2s.json with the
 * dictionaries named by absolute paths in OpenCC's data directory, and
 * OpenCC reads it from an anonymous memory file through its /proc path:
 * no file of the current directory, or of anywhere but that directory,
 * is looked at. */
#define T2S_DICT(name) "{\"type\":\"ocd2\",\"file\":\"" OPENCC_DATADIR "/" name "\"}"
static const char t2s_config[] =
	"{\"name\":\"cwgview t2s\",\"segmentation\":{\"type\":\"mmseg\","
	"\"dict\":" T2S_DICT("TSPhrases.ocd2") "},"
	"\"conversion_chain\":[{\"dict\":{\"type\":\"group\",\"dicts\":["
	T2S_DICT("TSPhrases.ocd2") "," T2S_DICT("TSCharacters.ocd2") "]}}]}";

/* The configuration into a new memory file; -1 when that failed.  It is
 * filled through a mapping: the core makes no write() calls
 * (tests/cli/layering.sh). */
static int t2s_memfd(void)
{
	size_t len = sizeof t2s_config - 1;
	int fd = memfd_create("cwgview-t2s", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	void *p = ftruncate(fd, (off_t)len) == 0
			  ? mmap(NULL, len, PROT_WRITE, MAP_SHARED, fd, 0)
			  : MAP_FAILED;
	if (p == MAP_FAILED) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	memcpy(p, t2s_config, len);
	munmap(p, len);
	return fd;
}

static void t2s_open(struct folder *f)
{
	int fd = t2s_memfd();
	if (fd < 0) {
		snprintf(f->problem, sizeof f->problem,
			 "OpenCC: no memory file for its configuration: %s",
			 strerror(errno));
		return;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	opencc_t cc = opencc_open(path);
	if (cc == (opencc_t)-1) {
		const char *why = opencc_error();
		snprintf(f->problem, sizeof f->problem, "OpenCC (%s): %s",
			 OPENCC_DATADIR, why && *why ? why : "cannot open t2s");
	} else {
		f->t2s = cc;
	}
	close(fd);
}
#endif

static struct folder *folder_new(void)
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

static void folder_free(struct folder *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < N_PAGES; i++)
		free(f->pages[i]);
	buf_free(&f->pool);
#ifdef HAVE_OPENCC
	if (f->t2s)
		opencc_close(f->t2s);
#endif
	free(f);
}

void search_index_free(struct search_index *ix)
{
	if (!ix)
		return;
	folder_free(ix->folder);
	free(ix->text);
	free(ix->orig);
	free(ix->off);
	free(ix->first_anchor);
	free(ix->meta);
	free(ix->topic_first);
	free(ix->anchors);
	free(ix->marks.upper);
	free(ix->marks.complex);
	free(ix);
}

struct search_index *search_index_new(const struct doc *d)
{
	struct search_index *ix = calloc(1, sizeof *ix);
	if (!ix)
		return NULL;
	ix->doc = d;
	struct count cnt = {0, 0};
	for (size_t t = 0; t < d->n_topics; t++)
		doc_topic_fields(&d->topics[t], count_field, &cnt);
	size_t nf = cnt.fields;
	ix->folder = folder_new();
	ix->orig = malloc((nf ? nf : 1) * sizeof *ix->orig);
	ix->off = malloc((nf + 1) * sizeof *ix->off);
	ix->first_anchor = malloc((nf + 1) * sizeof *ix->first_anchor);
	ix->meta = malloc((nf ? nf : 1) * sizeof *ix->meta);
	ix->topic_first = malloc((d->n_topics + 1) * sizeof *ix->topic_first);
	struct buf text = BUF_INIT;
	struct build b = {ix, {ix->folder, ix->folder, true, &text, NULL, NULL},
			  {NULL, 0, 0}, 0};
	b.ctx.map = &b.anchors;
	b.ctx.marks = &ix->marks;
	/* Folding mostly keeps the length (Chinese) or shortens it (，to ,),
	 * so the original size is nearly always enough. */
	bool ok = ix->folder && ix->orig && ix->off && ix->first_anchor &&
		  ix->meta && ix->topic_first && buf_reserve(&text, cnt.bytes);
	if (ok) {
		mem_hint_huge(text.data, text.cap);
		mem_hint_huge(ix->orig, nf * sizeof *ix->orig);
		mem_hint_huge(ix->off, nf * sizeof *ix->off);
		mem_hint_huge(ix->first_anchor, nf * sizeof *ix->first_anchor);
		mem_hint_huge(ix->meta, nf * sizeof *ix->meta);
	}
	for (size_t t = 0; ok && t < d->n_topics; t++) {
		ix->topic_first[t] = (uint32_t)b.fi;
		ok = doc_topic_fields(&d->topics[t], add_field, &b);
	}
	if (ok && (text.len > UINT32_MAX || b.anchors.n > UINT32_MAX))
		ok = false;
	if (!ok) {
		buf_free(&text);
		free(b.anchors.v);
		search_index_free(ix);
		return NULL;
	}
	ix->n_fields = nf;
	ix->topic_first[d->n_topics] = (uint32_t)nf;
	ix->off[nf] = (uint32_t)text.len;
	ix->first_anchor[nf] = (uint32_t)b.anchors.n;
	ix->text_len = text.len;

	ix->text = text.data ? text.data : calloc(1, 1);
	ix->n_anchors = b.anchors.n;
	/* Never NULL, even when nothing folded differently: the matcher
	 * takes ix->anchors + offset for every field. */
	ix->anchors = b.anchors.v ? b.anchors.v : calloc(1, sizeof *ix->anchors);
	/* The vectors doubled as they grew: give back what is not used. */
	if (b.anchors.n && b.anchors.n < b.anchors.cap) {
		struct anchor *p = realloc(b.anchors.v,
					   b.anchors.n * sizeof *p);
		if (p)
			ix->anchors = p;
	}
	if (ix->marks.n_upper) {
		uint32_t *p = realloc(ix->marks.upper,
				      ix->marks.n_upper * sizeof *p);
		if (p)
			ix->marks.upper = p;
	}
	if (!ix->text || !ix->anchors) {
		search_index_free(ix);
		return NULL;
	}
	return ix;
}

bool search_index_folds_traditional(const struct search_index *ix)
{
#ifdef HAVE_OPENCC
	return ix->folder->t2s != NULL;
#else
	(void)ix;
	return false;
#endif
}

const char *search_index_fold_problem(const struct search_index *ix)
{
#ifdef HAVE_OPENCC
	return ix->folder->t2s ? NULL : ix->folder->problem;
#else
	(void)ix;
	return NULL;
#endif
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
	struct anchor_vec map;
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
	size_t cap = st->cap_hits ? st->cap_hits : 64;
	while (cap < n)
		cap *= 2;
	struct search_hit *p;
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
	r->hits[r->n++] = (struct search_hit){topic, META_PANE(m), META_KIND(m),
					      META_INPUT(m), ix->orig[fi],
					      start, end};
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
static int case_matches(const struct case_marks *m, size_t *up, size_t *cx,
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
	h->by_marks = exact &&
		      case_diff((const uint8_t *)st->query.data, st->query.len,
				(const uint8_t *)st->exact.data, st->exact.len,
				&h->qmask) != CASE_COMPLEX;
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
	}
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
		const struct anchor *a = ix->anchors + ix->first_anchor[fi];
		size_t na = ix->first_anchor[fi + 1] - ix->first_anchor[fi];
		size_t os, oe;
		map_next(a, na, &h->cur, ix->off[fi], c, c + qlen, &os, &oe);
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
	const struct anchor *a = ix->anchors + ix->first_anchor[fi];
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
		size_t os = map_back(a, na, base, base + so, false);
		size_t oe = map_back(a, na, base, base + eo, true);
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
 * that can match nothing costs more (below).  REGEX_MAX_COST keeps what
 * glibc builds to a few tens of MB and its time to well under a second;
 * the fuzzer (tests/fuzz/fuzz_search.c) is what tests the model. */
enum { REGEX_MAX_COST = 2000, REGEX_MAX_DEPTH = 64 };

/* Costs saturate at COST_CAP, past the limit, so that nothing wraps. */
#define COST_CAP ((size_t)REGEX_MAX_COST * 2)

static size_t cost_mul(size_t a, size_t b)
{
	return a && b > COST_CAP / a ? COST_CAP : a * b;
}

static size_t cost_add(size_t a, size_t b)
{
	return a + b > COST_CAP ? COST_CAP : a + b;
}

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
 * of depth 1 costs the square of its count, and one of depth 2 or more
 * is refused. */
typedef int empty_depth;

/* One group level: the cost of what came before the last part and of the
 * last part, which a repetition after it multiplies; the empty depth of
 * the last part, of the parts before it in this branch (0 when one of
 * them cannot match nothing), and of the earlier branches. */
struct cost_level {
	size_t before, last;
	empty_depth last_e, seq_e, branch_e;
};

static empty_depth depth_max(empty_depth a, empty_depth b)
{
	return a > b ? a : b;
}

static void level_open(struct cost_level *l)
{
	*l = (struct cost_level){0, 0, 1, 1, 0};
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

static size_t level_total(const struct cost_level *l)
{
	return cost_add(l->before, l->last);
}

/* The repetition at p applied to l's last part; its length in *len. */
static void level_repeat(struct cost_level *l, const char *p, size_t *len)
{
	if (*p == '*' || *p == '?') {
		/* One more node, which a later + or {n,m} copies with the rest. */
		l->last = cost_add(l->last, 1);
		l->last_e = l->last_e + 1;
		return;
	}
	unsigned long lo = 1;
	size_t times = *p == '+' ? 2 : interval_bound(p, &lo, len);
	if (l->last_e > 1)
		l->last = COST_CAP; /* a repetition of a repetition of nothing */
	else
		l->last = cost_mul(l->last, l->last_e ? cost_mul(times, cost_mul(times, times)) : times);
	l->last_e = l->last_e ? l->last_e + 1 : lo == 0;
}

/* Whether the escape or character at p matches without consuming. */
static empty_depth atom_empty(const char *p)
{
	return *p == '^' || *p == '$' ||
	       (*p == '\\' && p[1] && strchr("bB<>`'", p[1]));
}

static size_t regex_cost(const char *re)
{
	struct cost_level lv[REGEX_MAX_DEPTH + 1];
	int depth = 0;
	level_open(&lv[0]);
	for (size_t i = 0; re[i];) {
		struct cost_level *l = &lv[depth];
		size_t len = 1, atom = 1;
		empty_depth empty = atom_empty(re + i);
		switch (re[i]) {
		case '\\':
			len = re[i + 1] ? 2 : 1;
			break;
		case '[':
			len = bracket_len(re + i);
			break;
		case '(':
			if (depth == REGEX_MAX_DEPTH)
				return COST_CAP;
			level_open(&lv[++depth]);
			i++;
			continue;
		case ')':
			if (depth) {
				atom = cost_add(level_total(l), 1);
				empty = level_empty(l);
				l = &lv[--depth];
			}
			break;
		case '|':
			l->branch_e = level_empty(l);
			l->before = level_total(l);
			l->last = 0;
			l->last_e = l->seq_e = 1;
			i++;
			continue;
		case '+': case '*': case '?': case '{':
			level_repeat(l, re + i, &len);
			i += len;
			continue;
		default:
			/* A character of several bytes is one atom. */
			while (((unsigned char)re[i + len] & 0xC0) == 0x80)
				len++;
		}
		l->before = level_total(l);
		l->seq_e = level_seq(l);
		l->last = atom;
		l->last_e = empty;
		i += len;
	}
	/* A group left open costs what it holds: glibc copies it before it
	 * finds the missing ')'. */
	for (; depth > 0; depth--)
		lv[depth - 1].last = cost_add(lv[depth - 1].last, level_total(&lv[depth]));
	return level_total(&lv[0]);
}

static bool run_regex(const struct search_index *ix, const char *pattern,
		      struct search_result *r, char *err, size_t errsize)
{
	struct search_state *st = r->state;
	bool exact = regex_case_sensitive(pattern, &st->scratch);
	bool backref;
	st->valid = false;
	if (!fold_pattern(ix, pattern, !exact, st, &backref)) {
		snprintf(err, errsize, "out of memory");
		return false;
	}
	if (backref) {
		/* glibc matches them by backtracking: (a*)\1b took 772 MB in
		 * 20 s on one line of a's. */
		snprintf(err, errsize, "invalid regular expression: "
			 "back-references (\\1 to \\9) are not supported");
		return false;
	}
	if (regex_cost(st->query.data ? st->query.data : "") > REGEX_MAX_COST) {
		snprintf(err, errsize, "invalid regular expression: too many "
			 "repetitions (+ and {n,m}) to compile in bounded memory");
		return false;
	}
	regex_t re;
	int rc = regcomp(&re, st->query.data ? st->query.data : "",
			 REG_EXTENDED | REG_NEWLINE | (exact ? 0 : REG_ICASE));
	if (rc != 0) {
		char msg[200];
		regerror(rc, &re, msg, sizeof msg);
		snprintf(err, errsize, "invalid regular expression: %s", msg);
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
		snprintf(err, errsize, "%s", r->cancelled ? "search abandoned"
							  : "out of memory");
	return ok;
}

bool search_run(const struct search_index *ix, const char *query,
		unsigned flags, struct search_result *r, char *err,
		size_t errsize)
{
	r->n = 0;
	r->total = 0;
	r->cancelled = false;
	r->fields_searched = 0;
	if (!r->state && !(r->state = calloc(1, sizeof *r->state))) {
		snprintf(err, errsize, "out of memory");
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
		snprintf(err, errsize, "the search pattern is not valid UTF-8");
		st->valid = false;
		return false;
	}
	if (flags & SEARCH_REGEX) {
		if (run_regex(ix, query, r, err, errsize))
			return true;
	} else {
		if (run_literal(ix, query, flags, r))
			return true;
		snprintf(err, errsize, "%s", r->cancelled ? "search abandoned"
							  : "out of memory");
	}
	st->valid = false;
	st->work = 0;
	r->n = 0;
	r->total = 0;
	return false;
}
