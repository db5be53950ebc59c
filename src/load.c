#include "config.h"

#include "cwgview/load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>
#include <yaml.h>

#include "cwgview/i18n.h"
#include "cwgview/mem.h"
#include "cwgview/text.h"

/* Growable array of fixed-size elements; copied into the arena when the
 * YAML sequence ends, so the model holds exact-size arrays.  A buffer is
 * reused for elements of another size (vec_reuse), its capacity (in
 * elements) converted to the new size. */
struct vec {
	char *data;
	size_t n, cap, elem;
};

static void vec_reuse(struct vec *v, size_t elem)
{
	v->cap = v->elem ? v->cap * v->elem / elem : 0;
	v->elem = elem;
	v->n = 0;
}

/* A new zeroed element at the end; NULL when out of memory. */
static void *vec_push(struct vec *v)
{
	char *p = mem_room(v->data, v->n, &v->cap, v->elem, 8);
	if (!p)
		return NULL;
	v->data = p;
	void *e = p + v->n * v->elem;
	memset(e, 0, v->elem);
	v->n++;
	return e;
}

struct loader {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	const char *input;
	size_t input_len;
	/* A large file is not kept whole beside its model: when input is a
	 * mem_map buffer (give_back), the part that libyaml has decoded is
	 * given back to the system as topics complete.  Every byte before
	 * kept may be gone; kept is the start of a line, and lines_before
	 * counts the lines before it, for the position of a later error. */
	bool give_back;
	size_t kept;
	unsigned long lines_before;
	const struct load_options *opt;
	struct load_error *err;
	struct doc *doc;
	int depth;
	struct vec numbers; /* struct seen_number, for duplicate topics */
	struct vec sees;    /* struct seen_see: checked once every topic is read */
	/* One bit per possible topic number: a duplicate is found without
	 * comparing against every earlier topic, which took a tenth of the
	 * load time of a 20,000-topic file.  numbers gives its first line. */
	uint8_t *number_seen;
	/* Element buffers for sequences, one per nesting depth and reused by
	 * every sequence at that depth, instead of a malloc and a free for
	 * each of the hundreds of thousands of lists in a large file. */
	struct vec *seq_bufs;
};

enum { MAX_TOPIC_NUMBER = 999999 }; /* at most 6 digits */

/* A "see" reference and where it was, for its error. */
struct seen_see {
	long number;
	yaml_mark_t mark;
};

struct seen_number {
	long number;
	unsigned long line;
};

static void verror(struct load_error *err, unsigned long line,
		   unsigned long column, const char *fmt, va_list ap)
{
	err->line = line;
	err->column = column;
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

static bool fail_at(struct loader *L, yaml_mark_t mark, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail_at(struct loader *L, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(L->err, (unsigned long)mark.line + 1,
	       (unsigned long)mark.column + 1, fmt, ap);
	va_end(ap);
	return false;
}

static bool oom(struct loader *L)
{
	yaml_mark_t m = L->have_ev ? L->ev.start_mark : L->parser.mark;
	return fail_at(L, m, _("out of memory"));
}

/* Line and column (in characters) of a byte offset into the input. */
static void offset_position(const char *s, size_t len, size_t off,
			    unsigned long *line, unsigned long *column)
{
	if (off > len)
		off = len;
	unsigned long ln = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n') {
			ln++;
			start = i + 1;
		}
	}
	*line = ln;
	/* Everything before the offset decoded, so it is valid UTF-8. */
	*column = (unsigned long)u8_mbsnlen((const uint8_t *)s + start,
					    off - start) + 1;
}

/* The problem libyaml's reader names, in the language asked for where it
 * is one a document can run into (its UTF-8 problems are found by
 * text_valid_utf8 first); the parser's and scanner's stay libyaml's. */
static const char *reader_problem(const char *problem)
{
	static const char *const known[] = {
		N_("control characters are not allowed"),
	};
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (strcmp(problem, known[i]) == 0)
			return _(known[i]);
	return problem;
}

static bool parser_failed(struct loader *L)
{
	yaml_parser_t *p = &L->parser;
	const char *problem = p->problem ? p->problem : _("unknown error");
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return oom(L);
	case YAML_READER_ERROR: {
		unsigned long line, column;
		/* Only what follows kept is still there: the reader got
		 * that far without a problem. */
		const char *s = L->input + L->kept;
		size_t n = L->input_len - L->kept, bad;
		size_t off = p->problem_offset > L->kept ? p->problem_offset - L->kept : 0;
		/* libyaml points at the byte where it noticed the problem;
		 * the reader wants the start of the bad sequence. */
		bool utf8 = !text_valid_utf8(s, n, &bad);
		if (utf8 && bad <= off)
			off = bad;
		else
			utf8 = false;
		offset_position(s, n, off, &line, &column);
		line += L->lines_before;
		if (utf8) {
			snprintf(L->err->msg, sizeof L->err->msg,
				 _("invalid UTF-8 (byte 0x%02X)"),
				 (unsigned)(unsigned char)s[off]);
		} else if (p->problem_value >= 0) {
			snprintf(L->err->msg, sizeof L->err->msg,
				 _("%s (U+%04X)"), reader_problem(problem),
				 (unsigned)p->problem_value);
		} else {
			snprintf(L->err->msg, sizeof L->err->msg, "%s",
				 reader_problem(problem));
		}
		L->err->line = line;
		L->err->column = column;
		return false;
	}
	default:
		if (p->context)
			return fail_at(L, p->problem_mark,
				       _("YAML syntax error: %s %s"), problem,
				       p->context);
		return fail_at(L, p->problem_mark, _("YAML syntax error: %s"),
			       problem);
	}
}

static const char *event_noun(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return _("a scalar");
	case YAML_SEQUENCE_START_EVENT:
		return _("a sequence");
	case YAML_MAPPING_START_EVENT:
		return _("a mapping");
	case YAML_ALIAS_EVENT:
		return _("an alias");
	default:
		return _("nothing");
	}
}

/* Advances to the next event, enforcing the limits that libyaml does not:
 * no aliases (so no input can expand), no tags, a fixed nesting depth. */
static bool next(struct loader *L)
{
	if (L->have_ev) {
		yaml_event_delete(&L->ev);
		L->have_ev = false;
	}
	if (!yaml_parser_parse(&L->parser, &L->ev))
		return parser_failed(L);
	L->have_ev = true;
	yaml_event_t *ev = &L->ev;
	const yaml_char_t *tag = NULL;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return fail_at(L, ev->start_mark,
			       _("aliases (*%s) are not allowed"),
			       (const char *)ev->data.alias.anchor);
	case YAML_MAPPING_START_EVENT:
		tag = ev->data.mapping_start.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_SCALAR_EVENT:
		tag = ev->data.scalar.tag;
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		L->depth--;
		break;
	default:
		break;
	}
	if (tag)
		return fail_at(L, ev->start_mark,
			       _("tags (%s) are not allowed"), (const char *)tag);
	if (ev->type == YAML_MAPPING_START_EVENT ||
	    ev->type == YAML_SEQUENCE_START_EVENT) {
		if (++L->depth > L->opt->max_depth)
			return fail_at(L, ev->start_mark,
				       _("nesting deeper than %d levels"),
				       L->opt->max_depth);
	}
	return true;
}

/* The key or value at hand must be a scalar; returns its text. */
static bool scalar_text(struct loader *L, const char *what, const char **s,
			size_t *len)
{
	yaml_event_t *ev = &L->ev;
	if (ev->type != YAML_SCALAR_EVENT)
		return fail_at(L, ev->start_mark, _("%s must be a string, not %s"),
			       _(what), event_noun(ev));
	*s = (const char *)ev->data.scalar.value;
	*len = ev->data.scalar.length;
	return true;
}

static bool is_null_scalar(const yaml_event_t *ev)
{
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *v = (const char *)ev->data.scalar.value;
	return strcmp(v, "") == 0 || strcmp(v, "~") == 0 ||
	       strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
	       strcmp(v, "NULL") == 0;
}

/* A non-empty string value, copied into the arena. */
static bool parse_string(struct loader *L, const char *what, const char **out)
{
	/* Initialised for GCC -O2, which cannot see that scalar_text sets
	 * them whenever it returns true (and warns, fatally with -Werror). */
	const char *s = NULL;
	size_t len = 0;
	if (!scalar_text(L, what, &s, &len))
		return false;
	if (is_null_scalar(&L->ev))
		return fail_at(L, L->ev.start_mark,
			       _("%s must be a string, not null"), _(what));
	if (len == 0)
		return fail_at(L, L->ev.start_mark, _("%s must not be empty"),
			       _(what));
	if (memchr(s, '\0', len))
		return fail_at(L, L->ev.start_mark,
			       _("%s contains a NUL character"), _(what));
	char *copy = doc_strndup(L->doc, s, len);
	if (!copy)
		return oom(L);
	*out = copy;
	return true;
}

/* A mapping parsed against a table of known keys.  Most keys say where
 * their value goes (a string, or a sequence of elements parsed by elem) by
 * offsets into the object; the rest have a parser of their own. */
enum field_type { FIELD_STRING, FIELD_SEQUENCE, FIELD_CUSTOM };

struct field {
	const char *name;
	const char *quoted; /* "\"name\"", for messages */
	bool required;
	enum field_type type;
	size_t off;       /* the string, or the sequence's array */
	size_t count_off; /* the sequence's length */
	size_t elem_size;
	bool (*elem)(struct loader *L, void *e);
	bool allow_empty;
	bool (*parse)(struct loader *L, void *obj); /* FIELD_CUSTOM */
};

#define STRING_FIELD(key, req, type, member) \
	{key, "\"" key "\"", req, FIELD_STRING, offsetof(type, member), 0, 0, \
	 NULL, false, NULL}
#define SEQUENCE_FIELD(key, req, type, member, count, etype, parser, empty) \
	{key, "\"" key "\"", req, FIELD_SEQUENCE, offsetof(type, member), \
	 offsetof(type, count), sizeof(etype), parser, empty, NULL}
#define CUSTOM_FIELD(key, req, fn) \
	{key, "\"" key "\"", req, FIELD_CUSTOM, 0, 0, 0, NULL, false, fn}
#define N_FIELDS(table) (sizeof table / sizeof *table)

/* Short, whole-character prefix of a key for messages. */
static int clip(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return (int)len;
	size_t n = 0;
	while (n < max) {
		int k = u8_mblen((const uint8_t *)s + n, len - n);
		if (k <= 0 || n + (size_t)k > max)
			break;
		n += (size_t)k;
	}
	return (int)n;
}

static bool parse_sequence(struct loader *L, const char *what, size_t elem,
			   bool (*parse_elem)(struct loader *L, void *e),
			   void **out, size_t *n_out, bool allow_empty);

static bool parse_field(struct loader *L, const struct field *f, void *obj)
{
	const char *what = f->quoted;
	char *base = obj;
	switch (f->type) {
	case FIELD_STRING:
		return parse_string(L, what, (const char **)(void *)(base + f->off));
	case FIELD_SEQUENCE:
		return parse_sequence(L, what, f->elem_size, f->elem,
				      (void **)(void *)(base + f->off),
				      (size_t *)(void *)(base + f->count_off),
				      f->allow_empty);
	default:
		return f->parse(L, obj);
	}
}

static bool parse_mapping(struct loader *L, const char *what,
			  const struct field *fields, size_t nfields,
			  void *obj)
{
	yaml_event_t *ev = &L->ev;
	if (ev->type != YAML_MAPPING_START_EVENT)
		return fail_at(L, ev->start_mark, _("%s must be a mapping, not %s"),
			       _(what), event_noun(ev));
	yaml_mark_t start = ev->start_mark;
	unsigned long seen = 0;
	for (;;) {
		if (!next(L))
			return false;
		if (ev->type == YAML_MAPPING_END_EVENT)
			break;
		const char *key;
		size_t klen;
		if (ev->type != YAML_SCALAR_EVENT)
			return fail_at(L, ev->start_mark,
				       _("a key in %s must be a string, not %s"),
				       _(what), event_noun(ev));
		key = (const char *)ev->data.scalar.value;
		klen = ev->data.scalar.length;
		size_t i;
		for (i = 0; i < nfields; i++)
			if (strlen(fields[i].name) == klen &&
			    memcmp(fields[i].name, key, klen) == 0)
				break;
		if (i == nfields) {
			char expected[160] = "";
			size_t off = 0;
			for (size_t j = 0; j < nfields && off < sizeof expected; j++)
				off += (size_t)snprintf(expected + off,
						sizeof expected - off, "%s%s",
						j ? ", " : "", fields[j].name);
			return fail_at(L, ev->start_mark,
				       _("unknown key \"%.*s\" in %s "
				       "(expected %s)"),
				       clip(key, klen, 40), key, _(what),
				       expected);
		}
		if (seen & (1UL << i))
			return fail_at(L, ev->start_mark,
				       _("duplicate key \"%s\" in %s"),
				       fields[i].name, _(what));
		seen |= 1UL << i;
		if (!next(L) || !parse_field(L, &fields[i], obj))
			return false;
	}
	for (size_t i = 0; i < nfields; i++)
		if (fields[i].required && !(seen & (1UL << i)))
			return fail_at(L, start,
				       _("%s is missing the key \"%s\""), _(what),
				       fields[i].name);
	return true;
}

/* A sequence whose elements are parsed one by one into an arena array. */
static bool parse_sequence(struct loader *L, const char *what, size_t elem,
			   bool (*parse_elem)(struct loader *L, void *e),
			   void **out, size_t *n_out, bool allow_empty)
{
	yaml_event_t *ev = &L->ev;
	if (ev->type != YAML_SEQUENCE_START_EVENT)
		return fail_at(L, ev->start_mark,
			       _("%s must be a sequence, not %s"), _(what),
			       event_noun(ev));
	yaml_mark_t start = ev->start_mark;
	/* Nested sequences are deeper, so nothing else uses this buffer
	 * until this sequence is done. */
	struct vec *vp = &L->seq_bufs[L->depth];
	vec_reuse(vp, elem);
	bool ok = true;
	for (;;) {
		if (!next(L)) {
			ok = false;
			break;
		}
		if (ev->type == YAML_SEQUENCE_END_EVENT)
			break;
		void *e = vec_push(vp);
		if (!e) {
			ok = oom(L);
			break;
		}
		if (!parse_elem(L, e)) {
			ok = false;
			break;
		}
	}
	if (ok && vp->n == 0 && !allow_empty)
		ok = fail_at(L, start, _("%s must not be empty"), _(what));
	if (ok) {
		*out = NULL;
		*n_out = vp->n;
		if (vp->n) {
			*out = doc_alloc(L->doc, vp->n * elem);
			if (!*out)
				ok = oom(L);
			else
				memcpy(*out, vp->data, vp->n * elem);
		}
	}
	return ok;
}

/* ---- the schema (docs/format.md) ---- */

static bool p_item(struct loader *L, void *e);
static bool f_see(struct loader *L, void *o);

static const struct field item_fields[] = {
	STRING_FIELD("marker", false, struct doc_item, marker),
	STRING_FIELD("text", true, struct doc_item, text),
	SEQUENCE_FIELD("items", false, struct doc_item, items, n_items,
		       struct doc_item, p_item, false),
	CUSTOM_FIELD("see", false, f_see),
};

static bool p_item(struct loader *L, void *e)
{
	return parse_mapping(L, N_("an item"), item_fields, N_FIELDS(item_fields), e);
}

static const struct field block_fields[] = {
	STRING_FIELD("heading", false, struct doc_block, heading),
	SEQUENCE_FIELD("items", true, struct doc_block, items, n_items,
		       struct doc_item, p_item, false),
};

static bool p_block(struct loader *L, void *e)
{
	return parse_mapping(L, N_("a block"), block_fields, N_FIELDS(block_fields), e);
}

static bool p_document(struct loader *L, void *e)
{
	return parse_string(L, N_("a document number"), (const char **)e);
}

static const struct field input_fields[] = {
	STRING_FIELD("kind", true, struct doc_input, kind),
	SEQUENCE_FIELD("documents", true, struct doc_input, documents,
		       n_documents, const char *, p_document, true),
	SEQUENCE_FIELD("blocks", true, struct doc_input, blocks, n_blocks,
		       struct doc_block, p_block, false),
};

static bool p_input(struct loader *L, void *e)
{
	return parse_mapping(L, N_("an input"), input_fields, N_FIELDS(input_fields), e);
}

/* A topic number as the format writes one: digits, no leading zero, 1 to
 * 999999; -1 after the error (what: the key, for it). */
static long plain_number(struct loader *L, const char *what)
{
	yaml_event_t *ev = &L->ev;
	if (ev->type != YAML_SCALAR_EVENT || ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
		fail_at(L, ev->start_mark, _("%s must be a plain integer, not %s"), _(what),
			ev->type == YAML_SCALAR_EVENT ? _("a quoted string") : event_noun(ev));
		return -1;
	}
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	long v = 0;
	bool ok = len > 0 && len <= 6 && strspn(s, "0123456789") == len && !(len > 1 && s[0] == '0');
	for (size_t i = 0; ok && i < len; i++)
		v = v * 10 + (s[i] - '0');
	if (!ok || v < 1) {
		fail_at(L, ev->start_mark, _("%s must hold topic numbers from 1 to 999999 "
			"without leading zeros, not \"%.*s\""), _(what), clip(s, len, 20), s);
		return -1;
	}
	return v;
}

/* "see": [7, 3], the topics an item refers to; whether they exist is
 * checked once every topic is read. */
static bool f_see(struct loader *L, void *o)
{
	struct doc_item *it = o;
	yaml_event_t *ev = &L->ev;
	if (ev->type != YAML_SEQUENCE_START_EVENT)
		return fail_at(L, ev->start_mark, _("\"see\" must be a sequence of topic "
			       "numbers, not %s"), event_noun(ev));
	long v[64];
	size_t n = 0;
	for (;;) {
		if (!next(L))
			return false;
		if (ev->type == YAML_SEQUENCE_END_EVENT)
			break;
		if (n == sizeof v / sizeof *v)
			return fail_at(L, ev->start_mark, _("\"see\" holds at most 64 topics"));
		if ((v[n] = plain_number(L, "\"see\"")) < 0)
			return false;
		struct seen_see *ss = vec_push(&L->sees);
		if (!ss)
			return oom(L);
		*ss = (struct seen_see){v[n++], ev->start_mark};
	}
	long *see = n ? doc_alloc(L->doc, n * sizeof *see) : NULL;
	if (n && !see)
		return oom(L);
	if (n)
		memcpy(see, v, n * sizeof *see);
	it->see = see;
	it->n_see = n;
	return true;
}

/* Every "see" names a topic of the document. */
static bool check_sees(struct loader *L)
{
	const struct seen_see *ss = (const struct seen_see *)L->sees.data;
	for (size_t i = 0; i < L->sees.n; i++) {
		long v = ss[i].number;
		if (!L->number_seen || !(L->number_seen[v / 8] & (1u << (v % 8))))
			return fail_at(L, ss[i].mark, _("\"see\" names topic %ld, which "
				       "the document does not have"), v);
	}
	return true;
}

static bool f_topic_number(struct loader *L, void *o)
{
	struct doc_topic *t = o;
	yaml_event_t *ev = &L->ev;
	const char *s;
	size_t len;
	if (ev->type != YAML_SCALAR_EVENT ||
	    ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return fail_at(L, ev->start_mark,
			       _("\"number\" must be a plain integer, not %s"),
			       ev->type == YAML_SCALAR_EVENT ? _("a quoted string")
							     : event_noun(ev));
	s = (const char *)ev->data.scalar.value;
	len = ev->data.scalar.length;
	/* Digits only, at most six, and no leading zero: YAML 1.1 readers
	 * take 010 for octal 8 and YAML 1.2 ones for 10, so a number written
	 * so would mean different topics to different tools. */
	long v = 0;
	bool ok = len > 0 && len <= 6;
	for (size_t i = 0; ok && i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			ok = false;
		else
			v = v * 10 + (s[i] - '0');
	}
	bool digits = len > 0 && strspn(s, "0123456789") == len;
	if (digits && len > 1 && s[0] == '0')
		return fail_at(L, ev->start_mark,
			       _("\"number\" must be written without leading "
			       "zeros, not \"%.*s\""), clip(s, len, 20), s);
	if (!ok || v < 1 || v > MAX_TOPIC_NUMBER)
		return fail_at(L, ev->start_mark,
			       _("\"number\" must be a whole number from 1 to "
			       "999999, not \"%.*s\""), clip(s, len, 20), s);
	if (!L->number_seen &&
	    !(L->number_seen = calloc(MAX_TOPIC_NUMBER / 8 + 1, 1)))
		return oom(L);
	if (L->number_seen[v / 8] & (1u << (v % 8))) {
		struct seen_number *prev = (struct seen_number *)L->numbers.data;
		for (size_t i = 0; i < L->numbers.n; i++)
			if (prev[i].number == v)
				return fail_at(L, ev->start_mark,
					       _("duplicate topic number %ld "
					       "(first used on line %lu)"), v,
					       prev[i].line);
	}
	L->number_seen[v / 8] |= (uint8_t)(1u << (v % 8));
	struct seen_number *sn = vec_push(&L->numbers);
	if (!sn)
		return oom(L);
	sn->number = v;
	sn->line = (unsigned long)ev->start_mark.line + 1;
	t->number = v;
	return true;
}

static const struct field topic_fields[] = {
	CUSTOM_FIELD("number", true, f_topic_number),
	STRING_FIELD("title", true, struct doc_topic, title),
	SEQUENCE_FIELD("inputs", true, struct doc_topic, inputs, n_inputs,
		       struct doc_input, p_input, true),
	SEQUENCE_FIELD("guidance", true, struct doc_topic, guidance,
		       n_guidance, struct doc_item, p_item, true),
};

/* Gives back the input that libyaml has decoded (struct loader, kept),
 * a mebibyte or more at a time, up to the start of its last line. */
static void give_back(struct loader *L)
{
	enum { STEP = 1 << 20 };
	size_t upto = L->parser.offset;
	if (!L->give_back || upto > L->input_len || upto - L->kept < STEP)
		return;
	const char *from = L->input + L->kept;
	const char *nl = memrchr(from, '\n', upto - L->kept);
	if (!nl)
		return;
	for (const char *p = from; (p = memchr(p, '\n', (size_t)(nl + 1 - p))); p++)
		L->lines_before++;
	size_t was = L->kept;
	L->kept = (size_t)(nl + 1 - L->input);
	mem_give_back((void *)L->input, was, L->kept);
}

static bool p_topic(struct loader *L, void *e)
{
	if (!parse_mapping(L, N_("a topic"), topic_fields, N_FIELDS(topic_fields), e))
		return false;
	give_back(L);
	/* Progress in bytes decoded (a mark's index counts characters). */
	if (L->opt->on_topic &&
	    !L->opt->on_topic(L->opt->on_topic_arg, L->doc, e,
			      L->parser.offset, L->input_len))
		return fail_at(L, L->ev.end_mark, _("the load was stopped"));
	return true;
}

static const struct field column_fields[] = {
	STRING_FIELD("source", false, struct doc, columns[DOC_COL_SOURCE]),
	STRING_FIELD("input", false, struct doc, columns[DOC_COL_INPUT]),
	STRING_FIELD("documents", false, struct doc, columns[DOC_COL_DOCUMENTS]),
	STRING_FIELD("guidance", false, struct doc, columns[DOC_COL_GUIDANCE]),
};

static bool f_doc_format(struct loader *L, void *o)
{
	struct doc *d = o;
	if (!parse_string(L, "\"format\"", &d->format))
		return false;
	if (strcmp(d->format, "cwgview/1") != 0)
		return fail_at(L, L->ev.start_mark,
			       _("unsupported format \"%.*s\" (this cwgview "
			       "reads cwgview/1)"),
			       clip(d->format, strlen(d->format), 40),
			       d->format);
	return true;
}

static bool f_doc_columns(struct loader *L, void *o)
{
	return parse_mapping(L, "\"columns\"", column_fields,
			     N_FIELDS(column_fields), o);
}

static const struct field doc_fields[] = {
	CUSTOM_FIELD("format", true, f_doc_format),
	STRING_FIELD("title", true, struct doc, title),
	STRING_FIELD("title_note", false, struct doc, title_note),
	STRING_FIELD("language", false, struct doc, language),
	CUSTOM_FIELD("columns", false, f_doc_columns),
	SEQUENCE_FIELD("topics", true, struct doc, topics, n_topics,
		       struct doc_topic, p_topic, false),
};

static bool expect(struct loader *L, yaml_event_type_t type)
{
	if (!next(L))
		return false;
	if (L->ev.type != type) /* libyaml guarantees the stream grammar */
		return fail_at(L, L->ev.start_mark, _("unexpected YAML event"));
	return true;
}

static bool parse_stream(struct loader *L)
{
	if (!expect(L, YAML_STREAM_START_EVENT) || !next(L))
		return false;
	if (L->ev.type == YAML_STREAM_END_EVENT)
		return fail_at(L, L->ev.start_mark,
			       _("the file is empty: expected a mapping with "
			       "format, title and topics"));
	if (L->ev.type != YAML_DOCUMENT_START_EVENT)
		return fail_at(L, L->ev.start_mark, _("unexpected YAML event"));
	if (!next(L))
		return false;
	if (L->ev.type != YAML_MAPPING_START_EVENT)
		return fail_at(L, L->ev.start_mark,
			       _("the top level must be a mapping, not %s"),
			       event_noun(&L->ev));
	if (!parse_mapping(L, N_("the top level"), doc_fields, N_FIELDS(doc_fields), L->doc))
		return false;
	if (!expect(L, YAML_DOCUMENT_END_EVENT) || !next(L))
		return false;
	if (L->ev.type == YAML_DOCUMENT_START_EVENT)
		return fail_at(L, L->ev.start_mark,
			       _("a second YAML document starts here; a file "
			       "holds exactly one"));
	if (L->ev.type != YAML_STREAM_END_EVENT)
		return fail_at(L, L->ev.start_mark, _("unexpected YAML event"));
	return true;
}

void load_options_default(struct load_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->max_bytes = LOAD_DEFAULT_MAX_BYTES;
	opt->max_depth = LOAD_DEFAULT_MAX_DEPTH;
}

/* The limit in the largest unit that says it exactly: 128 MiB, 64 KiB,
 * 100 bytes (a limit under a MiB said "0 MiB"). */
static void too_large(struct load_error *err, size_t max)
{
	err->line = err->column = 0;
	err->sys_errno = 0;
	const char *unit;
	size_t n = max;
	if (max >= (1 << 20) && max % (1 << 20) == 0) {
		n = max >> 20;
		unit = "MiB";
	} else if (max >= 1024 && max % 1024 == 0) {
		n = max >> 10;
		unit = "KiB";
	} else {
		unit = P_("byte", "bytes", n);
	}
	snprintf(err->msg, sizeof err->msg,
		 _("the file is too large (the limit is %zu %s)"), n, unit);
}

static struct doc *load_input(const char *data, size_t len, bool give_back,
			       const struct load_options *opt,
			       struct load_error *err)
{
	struct load_options defaults;
	if (!opt) {
		load_options_default(&defaults);
		opt = &defaults;
	}
	memset(err, 0, sizeof *err);
	if (len > opt->max_bytes) {
		too_large(err, opt->max_bytes);
		return NULL;
	}
	if (len >= 2 && ((data[0] == '\xff' && data[1] == '\xfe') ||
			 (data[0] == '\xfe' && data[1] == '\xff'))) {
		err->line = err->column = 1;
		snprintf(err->msg, sizeof err->msg,
			 _("the file is UTF-16; cwgview reads UTF-8 only"));
		return NULL;
	}
	struct loader L;
	memset(&L, 0, sizeof L);
	L.input = data;
	L.input_len = len;
	L.give_back = give_back;
	L.opt = opt;
	L.err = err;
	vec_reuse(&L.numbers, sizeof(struct seen_number));
	vec_reuse(&L.sees, sizeof(struct seen_see));
	L.doc = doc_new();
	/* Depths run from 1 to max_depth: next() refuses deeper nesting. */
	size_t n_bufs = (size_t)(opt->max_depth > 0 ? opt->max_depth : 0) + 2;
	L.seq_bufs = calloc(n_bufs, sizeof *L.seq_bufs);
	if (!L.doc || !L.seq_bufs || !yaml_parser_initialize(&L.parser)) {
		free(L.seq_bufs);
		doc_free(L.doc);
		err->line = err->column = 0;
		snprintf(err->msg, sizeof err->msg, _("out of memory"));
		return NULL;
	}
	yaml_parser_set_encoding(&L.parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&L.parser, (const unsigned char *)data,
				     len);
	bool ok = parse_stream(&L) && check_sees(&L);
	if (L.have_ev)
		yaml_event_delete(&L.ev);
	yaml_parser_delete(&L.parser);
	free(L.numbers.data);
	free(L.sees.data);
	free(L.number_seen);
	for (size_t i = 0; i < n_bufs; i++)
		free(L.seq_bufs[i].data);
	free(L.seq_bufs);
	if (!ok) {
		if (opt->failed)
			*opt->failed = L.doc;
		else
			doc_free(L.doc);
		return NULL;
	}
	return L.doc;
}

struct doc *load_buffer(const char *data, size_t len,
			const struct load_options *opt,
			struct load_error *err)
{
	return load_input(data, len, false, opt, err);
}

static struct doc *sys_fail(struct load_error *err, int e)
{
	err->line = err->column = 0;
	err->sys_errno = e;
	snprintf(err->msg, sizeof err->msg, "%s", strerror(e));
	return NULL;
}

/* Reads fd to its end into a mem_map buffer of *cap bytes (cap to begin
 * with, doubled as needed), the bytes read in *len: the parse and the
 * error positions work on one buffer, which the loader gives back as it
 * goes.  NULL with *e set on a read error or out of memory, NULL with *e 0
 * when there is more than max. */
static char *read_all(int fd, size_t cap, size_t max, size_t *capp,
		      size_t *len, int *e)
{
	char *data = mem_map(cap);
	*len = 0;
	*e = data ? 0 : ENOMEM;
	while (data && !*e) {
		if (*len == cap) {
			char *p = cap > max ? NULL : mem_remap(data, cap, cap * 2);
			if (!p) {
				*e = cap > max ? 0 : ENOMEM;
				break;
			}
			data = p;
			cap *= 2;
		}
		ssize_t n = read(fd, data + *len, cap - *len);
		if (n < 0 && errno != EINTR)
			*e = errno;
		else if (n == 0)
			break;
		else if (n > 0)
			*len += (size_t)n;
	}
	*capp = cap;
	if (data && !*e && *len <= max)
		return data;
	mem_unmap(data, cap);
	return NULL;
}

struct doc *load_file(const char *path, const struct load_options *opt,
		      struct load_error *err)
{
	struct load_options defaults;
	if (!opt) {
		load_options_default(&defaults);
		opt = &defaults;
	}
	memset(err, 0, sizeof *err);
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return sys_fail(err, errno);
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		if (!is_stdin)
			close(fd);
		return sys_fail(err, e);
	}
	if (S_ISDIR(st.st_mode)) {
		if (!is_stdin)
			close(fd);
		return sys_fail(err, EISDIR);
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > opt->max_bytes) {
		if (!is_stdin)
			close(fd);
		too_large(err, opt->max_bytes);
		return NULL;
	}
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	size_t len = 0;
	int e = 0;
	char *data = read_all(fd, cap, opt->max_bytes, &cap, &len, &e);
	if (!is_stdin)
		close(fd);
	if (!data) {
		if (e)
			return sys_fail(err, e);
		too_large(err, opt->max_bytes);
		return NULL;
	}
	struct doc *d = load_input(data, len, true, opt, err);
	mem_unmap(data, cap);
	return d;
}
