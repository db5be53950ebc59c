#include "config.h"

#include "cwgview/doc.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

#include "cwgview/i18n.h"
#include "cwgview/mem.h"

/* A bump allocator: the model is built once and freed at once, so a chunk
 * list beats thousands of small mallocs for both speed and memory. */
struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct doc_arena {
	struct chunk *head;
	size_t n_chunks;
};

/* The first chunks are small, so a small document stays small; once a
 * document has taken SMALL_CHUNKS of them it is a large one, and further
 * chunks are whole huge pages (mem.h: fewer page faults). */
enum { CHUNK_SIZE = 256 * 1024, SMALL_CHUNKS = 4 };

static const char *const default_columns[DOC_N_COLUMNS] = {
	[DOC_COL_SOURCE] = "输入来源",
	[DOC_COL_INPUT] = "输入",
	[DOC_COL_DOCUMENTS] = "CWG-SFP文件号",
	[DOC_COL_GUIDANCE] = "CWG-SFP指导意见",
};

const char *doc_default_column(enum doc_column col)
{
	return default_columns[col];
}

struct doc *doc_new(void)
{
	struct doc *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->arena = calloc(1, sizeof *d->arena);
	if (!d->arena) {
		free(d);
		return NULL;
	}
	for (int i = 0; i < DOC_N_COLUMNS; i++)
		d->columns[i] = default_columns[i];
	return d;
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	struct chunk *c = d->arena ? d->arena->head : NULL;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(d->arena);
	free(d);
}

/* Takes size bytes aligned to align from the arena.  Strings take
 * byte-aligned space: most are short (markers, document numbers), and
 * rounding each up to max_align_t cost a fifth of the model's memory. */
static void *arena_take(struct doc *d, size_t size, size_t align)
{
	struct doc_arena *a = d->arena;
	struct chunk *c = a->head;
	size_t at = c ? (c->used + align - 1) / align * align : 0;
	if (!c || at > c->size || c->size - at < size) {
		bool own = size > CHUNK_SIZE / 4;
		struct chunk *n;
		size_t csize;
		if (own) {
			csize = size;
			n = malloc(sizeof *n + csize);
		} else if (a->n_chunks < SMALL_CHUNKS) {
			csize = CHUNK_SIZE;
			n = malloc(sizeof *n + csize);
		} else {
			csize = MEM_HUGE_PAGE - sizeof *n;
			n = aligned_alloc(MEM_HUGE_PAGE, MEM_HUGE_PAGE);
			mem_hint_huge(n, MEM_HUGE_PAGE);
		}
		if (!n)
			return NULL;
		a->n_chunks++;
		n->size = csize;
		n->used = 0;
		/* A big block gets its own chunk behind the current one, so the
		 * free space in the current chunk is not wasted. */
		if (c && own) {
			n->next = c->next;
			c->next = n;
		} else {
			n->next = c;
			a->head = n;
		}
		c = n;
		at = 0;
	}
	void *p = (char *)c->data + at;
	c->used = at + size;
	return p;
}

void *doc_alloc(struct doc *d, size_t size)
{
	if (size > SIZE_MAX / 2)
		return NULL;
	return arena_take(d, size ? size : 1, sizeof(max_align_t));
}

char *doc_strndup(struct doc *d, const char *s, size_t n)
{
	if (n >= SIZE_MAX / 2)
		return NULL;
	char *p = arena_take(d, n + 1, 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

long doc_topic_index(const struct doc *d, long number)
{
	for (size_t i = 0; i < d->n_topics; i++)
		if (d->topics[i].number == number)
			return (long)i;
	return -1;
}

const struct doc_topic *doc_topic_by_number(const struct doc *d, long number)
{
	long i = doc_topic_index(d, number);
	return i < 0 ? NULL : &d->topics[i];
}

size_t doc_count_inputs(const struct doc *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_topics; i++)
		n += d->topics[i].n_inputs;
	return n;
}

size_t doc_count_document_refs(const struct doc *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_topics; i++)
		for (size_t j = 0; j < d->topics[i].n_inputs; j++)
			n += d->topics[i].inputs[j].n_documents;
	return n;
}

/* Reads a topic number at *p; advances *p past it. */
static bool parse_number(const char **p, long *out)
{
	const char *s = *p;
	if (*s < '0' || *s > '9')
		return false;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno == ERANGE || v > INT_MAX)
		v = INT_MAX; /* no such topic; reported as unknown below */
	*p = end;
	*out = v;
	return true;
}

static void topic_range(const struct doc *d, char *err, size_t errsize)
{
	long lo = LONG_MAX, hi = LONG_MIN;
	for (size_t i = 0; i < d->n_topics; i++) {
		if (d->topics[i].number < lo)
			lo = d->topics[i].number;
		if (d->topics[i].number > hi)
			hi = d->topics[i].number;
	}
	size_t len = strlen(err);
	if (d->n_topics == 0)
		snprintf(err + len, errsize - len, _(" (the document has no topics)"));
	else if (lo == hi)
		snprintf(err + len, errsize - len, _(" (the only topic is %ld)"), lo);
	else
		snprintf(err + len, errsize - len, _(" (topics are %ld to %ld)"), lo, hi);
}

bool doc_select(const struct doc *d, const char *spec, bool *selected,
		char *err, size_t errsize)
{
	for (size_t i = 0; i < d->n_topics; i++)
		selected[i] = false;
	if (strcmp(spec, "all") == 0) {
		for (size_t i = 0; i < d->n_topics; i++)
			selected[i] = true;
		return true;
	}
	const char *p = spec;
	for (;;) {
		long lo, hi;
		const char *item = p;
		if (!parse_number(&p, &lo))
			goto syntax;
		hi = lo;
		if (*p == '-') {
			p++;
			if (!parse_number(&p, &hi))
				goto syntax;
		}
		if (*p != ',' && *p != '\0')
			goto syntax;
		if (hi < lo) {
			snprintf(err, errsize,
				 _("topic range '%.*s' runs backwards"),
				 (int)(p - item), item);
			return false;
		}
		long ends[2] = {lo, hi};
		for (int e = 0; e < 2; e++) {
			if (doc_topic_index(d, ends[e]) < 0) {
				snprintf(err, errsize, _("no topic %ld"), ends[e]);
				topic_range(d, err, errsize);
				return false;
			}
		}
		for (size_t i = 0; i < d->n_topics; i++)
			if (d->topics[i].number >= lo && d->topics[i].number <= hi)
				selected[i] = true;
		if (*p == '\0')
			return true;
		p++;
	}
syntax:
	snprintf(err, errsize,
		 _("invalid topic selection '%s': use N, N-M, a comma list "
		 "of those, or all"), spec);
	return false;
}

bool doc_input_cites(const struct doc_input *in, const char *number)
{
	for (size_t k = 0; k < in->n_documents; k++) {
		int r = 1;
		const char *s = in->documents[k];
		if (u8_casecmp((const uint8_t *)s, strlen(s), (const uint8_t *)number,
			       strlen(number), NULL, UNINORM_NFKC, &r) == 0 && r == 0)
			return true;
	}
	return false;
}

typedef bool (*view_keep)(const struct doc_input *in, const struct doc_block *bl,
			  const void *arg);

/* The row's kept blocks into *out (in v's arena); false when out of
 * memory.  out->n_blocks is 0 when none is kept. */
static bool view_row(struct doc *v, const struct doc_input *in, view_keep keep,
		     const void *arg, struct doc_input *out)
{
	*out = *in;
	size_t n = 0;
	for (size_t k = 0; k < in->n_blocks; k++)
		n += keep(in, &in->blocks[k], arg);
	out->n_blocks = n;
	if (n == in->n_blocks || !n)
		return true; /* the row's own blocks, or none */
	struct doc_block *b = doc_alloc(v, n * sizeof *b);
	if (!b)
		return false;
	out->blocks = b;
	for (size_t k = 0; k < in->n_blocks; k++)
		if (keep(in, &in->blocks[k], arg))
			*b++ = in->blocks[k];
	return true;
}

/* One topic of the view: the rows that keep a block, copied (their
 * strings are d's). */
static bool view_topic(struct doc *v, const struct doc_topic *t, view_keep keep,
		       const void *arg, bool guidance)
{
	struct doc_input *rows = t->n_inputs ? doc_alloc(v, t->n_inputs * sizeof *rows) : NULL;
	if (t->n_inputs && !rows)
		return false;
	size_t n = 0;
	for (size_t i = 0; i < t->n_inputs; i++) {
		if (!view_row(v, &t->inputs[i], keep, arg, &rows[n]))
			return false;
		n += rows[n].n_blocks > 0;
	}
	if (!n)
		return true;
	struct doc_topic *vt = &v->topics[v->n_topics++];
	*vt = *t;
	vt->inputs = rows;
	vt->n_inputs = n;
	if (!guidance)
		vt->n_guidance = 0;
	return true;
}

bool doc_block_from(const struct doc_input *in, const struct doc_block *bl,
		    const char *name)
{
	const char *where[] = {in->kind, bl->heading};
	for (size_t i = 0; i < 2; i++) {
		if (!where[i])
			continue;
		/* Folded, then a substring: u8_casefold gives NFKC case
		 * folds, and strstr finds a folded name in a folded text. */
		size_t hn = 0, nn = 0;
		uint8_t *h = u8_casefold((const uint8_t *)where[i], strlen(where[i]), NULL,
					 UNINORM_NFKC, NULL, &hn);
		uint8_t *n = u8_casefold((const uint8_t *)name, strlen(name), NULL,
					 UNINORM_NFKC, NULL, &nn);
		bool found = h && n && memmem(h, hn, n, nn) != NULL;
		free(h);
		free(n);
		if (found)
			return true;
	}
	return false;
}

struct doc *doc_view(const struct doc *d, view_keep keep, const void *arg,
		     bool guidance)
{
	struct doc *v = doc_new();
	if (!v)
		return NULL;
	struct doc_arena *own = v->arena;
	*v = *d;
	v->arena = own;
	v->n_topics = 0;
	v->topics = d->n_topics ? doc_alloc(v, d->n_topics * sizeof *v->topics) : NULL;
	bool ok = !d->n_topics || v->topics;
	for (size_t i = 0; ok && i < d->n_topics; i++)
		ok = view_topic(v, &d->topics[i], keep, arg, guidance);
	if (!ok) {
		doc_free(v);
		return NULL;
	}
	return v;
}

long doc_find_topic(const struct doc *d, const char *spec, char *err,
		    size_t errsize)
{
	const char *p = spec;
	long number;
	if (!parse_number(&p, &number) || *p) {
		snprintf(err, errsize, _("invalid topic '%s': give a topic number"), spec);
		return -1;
	}
	long i = doc_topic_index(d, number);
	if (i < 0) {
		snprintf(err, errsize, _("no topic %ld"), number);
		topic_range(d, err, errsize);
	}
	return i;
}

bool doc_input_heading_in_header(const struct doc_input *in)
{
	return in->n_blocks == 1 && in->blocks[0].heading;
}

size_t doc_kind_group(const struct doc_topic *t, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (strcmp(t->inputs[j].kind, t->inputs[i].kind) == 0)
			return j;
	return i;
}

struct walk {
	bool (*fn)(const struct doc_field *f, void *arg);
	void *arg;
	struct doc_field f;
};

static bool emit(struct walk *w, const char *s, enum doc_field_kind kind)
{
	w->f.s = s;
	w->f.kind = kind;
	return w->fn(&w->f, w->arg);
}

static bool walk_items(struct walk *w, const struct doc_item *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (it[i].marker && !emit(w, it[i].marker, DOC_FIELD_MARKER))
			return false;
		if (!emit(w, it[i].text, DOC_FIELD_TEXT) ||
		    !walk_items(w, it[i].items, it[i].n_items))
			return false;
	}
	return true;
}

static bool walk_row(struct walk *w, const struct doc_input *in)
{
	bool header = doc_input_heading_in_header(in);
	if (header && !emit(w, in->blocks[0].heading, DOC_FIELD_HEADING))
		return false;
	for (size_t k = 0; k < in->n_documents; k++)
		if (!emit(w, in->documents[k], DOC_FIELD_DOCUMENT))
			return false;
	for (size_t b = 0; b < in->n_blocks; b++) {
		const struct doc_block *bl = &in->blocks[b];
		if (bl->heading && !header &&
		    !emit(w, bl->heading, DOC_FIELD_HEADING))
			return false;
		if (!walk_items(w, bl->items, bl->n_items))
			return false;
	}
	return true;
}

bool doc_topic_fields(const struct doc_topic *t,
		      bool (*fn)(const struct doc_field *f, void *arg),
		      void *arg)
{
	struct walk w = {fn, arg, {NULL, DOC_ROLE_TITLE, DOC_FIELD_TITLE, -1}};
	if (!emit(&w, t->title, DOC_FIELD_TITLE))
		return false;
	w.f.role = DOC_ROLE_INPUT;
	for (size_t i = 0; i < t->n_inputs; i++) {
		if (doc_kind_group(t, i) != i)
			continue;
		w.f.input = (long)i;
		if (!emit(&w, t->inputs[i].kind, DOC_FIELD_KIND))
			return false;
		for (size_t j = i; j < t->n_inputs; j++) {
			if (doc_kind_group(t, j) != i)
				continue;
			w.f.input = (long)j;
			if (!walk_row(&w, &t->inputs[j]))
				return false;
		}
	}
	w.f.role = DOC_ROLE_GUIDANCE;
	w.f.input = -1;
	return walk_items(&w, t->guidance, t->n_guidance);
}
