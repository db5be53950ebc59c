/* The config file, read with libyaml's event parser (as load.c reads the
 * document): a tree of scalars, lists and mappings with their positions.
 * See include/cwgview/config.h. */
#include "config.h"

#include "cwgview/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "cwgview/i18n.h"
#include "cwgview/mem.h"

/* A config file is a few lines; a bigger one is not one. */
enum { CONFIG_MAX_BYTES = 1 << 20, CONFIG_MAX_DEPTH = 3 };

struct reader {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	bool stopped; /* a YAML error (noted) or no memory */
	bool oom;
	struct config *c;
};

bool config_default_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/cwgview/config", xdg);
	else if (home && *home)
		n = snprintf(buf, size, "%s/.config/cwgview/config", home);
	else
		return false;
	return n > 0 && (size_t)n < size;
}

static void note(struct reader *R, yaml_mark_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note(struct reader *R, yaml_mark_t at, const char *fmt, ...)
{
	struct config *c = R->c;
	struct cfg_note *n = realloc(c->notes, (c->n_notes + 1) * sizeof *n);
	if (!n) {
		R->oom = R->stopped = true;
		return;
	}
	c->notes = n;
	n += c->n_notes++;
	n->line = at.line + 1;
	n->column = at.column + 1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(n->msg, sizeof n->msg, fmt, ap);
	va_end(ap);
}

/* The next event; false (noted) on a YAML error. */
static bool next(struct reader *R)
{
	if (R->have_ev) {
		yaml_event_delete(&R->ev);
		R->have_ev = false;
	}
	if (!yaml_parser_parse(&R->parser, &R->ev)) {
		const yaml_parser_t *p = &R->parser;
		const char *problem = p->problem ? p->problem : _("unknown problem");
		if (p->error == YAML_MEMORY_ERROR)
			R->oom = true;
		else if (p->context)
			note(R, p->problem_mark, _("YAML syntax error: %s %s; the rest of the file is ignored"),
			     problem, p->context);
		else
			note(R, p->problem_mark, _("YAML syntax error: %s; the rest of the file is ignored"),
			     problem);
		R->stopped = true;
		return false;
	}
	R->have_ev = true;
	return true;
}

static void item_free(struct cfg_item *it)
{
	for (size_t i = 0; i < it->n; i++)
		item_free(&it->items[i]);
	free(it->items);
	free(it->key);
	free(it->value);
	memset(it, 0, sizeof *it);
}

static bool read_value(struct reader *R, struct cfg_item *it, int depth);

/* Skips the node whose first event is the current one (an alias, a node
 * nested too deep); false on a YAML error. */
static bool skip_node(struct reader *R)
{
	int open = 0;
	do {
		yaml_event_type_t t = R->ev.type;
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
			open++;
		else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT)
			open--;
		if (open == 0)
			return true;
	} while (next(R));
	return false;
}

/* The items of a list or mapping, up to its end event. */
static bool read_items(struct reader *R, struct cfg_item *it, int depth)
{
	yaml_event_type_t end = it->kind == CFG_MAP ? YAML_MAPPING_END_EVENT
						    : YAML_SEQUENCE_END_EVENT;
	for (;;) {
		if (!next(R))
			return false;
		if (R->ev.type == end)
			return true;
		struct cfg_item child = {0};
		child.line = R->ev.start_mark.line + 1;
		child.column = R->ev.start_mark.column + 1;
		yaml_mark_t key_at = R->ev.start_mark;
		if (it->kind == CFG_MAP) {
			if (R->ev.type != YAML_SCALAR_EVENT) {
				note(R, key_at, _("a key must be a plain name; the setting is ignored"));
				if (!skip_node(R) || !next(R) || !skip_node(R))
					return false;
				continue;
			}
			child.key = strdup((const char *)R->ev.data.scalar.value);
			if (!child.key || !next(R)) {
				R->oom = R->oom || !child.key;
				item_free(&child);
				return false;
			}
		}
		if (!read_value(R, &child, depth + 1)) {
			item_free(&child);
			if (R->stopped)
				return false;
			continue; /* left out, and noted */
		}
		if (child.key && config_get(it, child.key)) {
			note(R, key_at, _("'%s' is given twice; the second is ignored"), child.key);
			item_free(&child);
			continue;
		}
		struct cfg_item *room = mem_room(it->items, it->n, &it->cap, sizeof *room, 4);
		if (!room) {
			item_free(&child);
			R->oom = R->stopped = true;
			return false;
		}
		it->items = room;
		it->items[it->n++] = child;
	}
}

/* The value whose first event is the current one; false when it was left
 * out (noted; R->stopped when the reading cannot go on). */
static bool read_value(struct reader *R, struct cfg_item *it, int depth)
{
	const yaml_event_t *ev = &R->ev;
	it->value_line = ev->start_mark.line + 1;
	it->value_column = ev->start_mark.column + 1;
	const yaml_char_t *tag = ev->type == YAML_SCALAR_EVENT ? ev->data.scalar.tag
				 : ev->type == YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.tag
				 : ev->type == YAML_MAPPING_START_EVENT ? ev->data.mapping_start.tag
									 : NULL;
	const char *why = ev->type == YAML_ALIAS_EVENT ? _("an alias")
			  : tag ? _("a tag")
			  : depth > CONFIG_MAX_DEPTH && ev->type != YAML_SCALAR_EVENT ? _("nesting this deep")
										   : NULL;
	if (why) {
		note(R, ev->start_mark, _("%s is not a setting; ignored"), why);
		skip_node(R);
		return false;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		it->kind = CFG_SCALAR;
		it->value = strdup((const char *)ev->data.scalar.value);
		if (!it->value)
			R->oom = R->stopped = true;
		return it->value != NULL;
	case YAML_SEQUENCE_START_EVENT:
		it->kind = CFG_LIST;
		return read_items(R, it, depth);
	case YAML_MAPPING_START_EVENT:
		it->kind = CFG_MAP;
		return read_items(R, it, depth);
	default:
		R->stopped = true; /* not reached: libyaml keeps events paired */
		return false;
	}
}

/* Stream and document around the root mapping. */
static void read_root(struct reader *R)
{
	if (!next(R) || R->ev.type != YAML_STREAM_START_EVENT || !next(R))
		return;
	if (R->ev.type == YAML_STREAM_END_EVENT)
		return; /* an empty file */
	if (!next(R))
		return;
	if (R->ev.type == YAML_SCALAR_EVENT && R->ev.data.scalar.length == 0)
		return; /* only comments */
	if (R->ev.type != YAML_MAPPING_START_EVENT) {
		note(R, R->ev.start_mark, _("the config is a mapping of settings (name: value); "
			 "the file is ignored"));
		return;
	}
	R->c->root.kind = CFG_MAP;
	read_items(R, &R->c->root, 1);
}

struct config *config_load_buffer(const char *data, size_t len,
				  struct load_error *err)
{
	memset(err, 0, sizeof *err);
	struct reader R = {0};
	R.c = calloc(1, sizeof *R.c);
	if (!R.c || !yaml_parser_initialize(&R.parser)) {
		free(R.c);
		snprintf(err->msg, sizeof err->msg, _("out of memory"));
		return NULL;
	}
	R.c->root.kind = CFG_MAP;
	yaml_parser_set_input_string(&R.parser, (const unsigned char *)data, len);
	read_root(&R);
	if (R.have_ev)
		yaml_event_delete(&R.ev);
	yaml_parser_delete(&R.parser);
	if (R.oom) {
		config_free(R.c);
		snprintf(err->msg, sizeof err->msg, _("out of memory"));
		return NULL;
	}
	return R.c;
}

struct config *config_load(const char *path, struct load_error *err)
{
	memset(err, 0, sizeof *err);
	FILE *f = fopen(path, "rb");
	if (!f) {
		err->sys_errno = errno;
		snprintf(err->msg, sizeof err->msg, "%s", strerror(errno));
		return NULL;
	}
	char *data = malloc(CONFIG_MAX_BYTES + 1);
	size_t n = data ? fread(data, 1, CONFIG_MAX_BYTES + 1, f) : 0;
	bool bad = !data || ferror(f);
	int e = errno;
	fclose(f);
	if (bad || n > CONFIG_MAX_BYTES) {
		free(data);
		err->sys_errno = bad ? e : EFBIG;
		snprintf(err->msg, sizeof err->msg, "%s",
			 !data ? _("out of memory") : bad ? strerror(e)
						       : _("larger than 1 MiB: not a config file"));
		return NULL;
	}
	struct config *c = config_load_buffer(data, n, err);
	free(data);
	return c;
}

void config_free(struct config *c)
{
	if (!c)
		return;
	item_free(&c->root);
	free(c->notes);
	free(c);
}

const struct cfg_item *config_get(const struct cfg_item *m, const char *key)
{
	for (size_t i = 0; m && i < m->n; i++)
		if (m->items[i].key && strcmp(m->items[i].key, key) == 0)
			return &m->items[i];
	return NULL;
}
