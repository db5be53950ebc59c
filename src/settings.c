/* The config file applied (settings.h): each setting checked and put where
 * the command line's option would go, before the options are read, so
 * that an option given wins; key bindings and colours go to the browser.
 * Whatever is wrong is a warning with its place, and only that setting is
 * left out. */
#include "config.h"

#include "settings.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cwgview/config.h"
#include "cwgview/i18n.h"
#include "cwgview/load.h"
#include "cwgview/msg.h"

struct ctx {
	const char *path;
	struct settings *s;
};

static void warn_at(struct ctx *x, unsigned long line, unsigned long column,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void warn_at(struct ctx *x, unsigned long line, unsigned long column,
		    const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	msg_error("%s:%lu:%lu: %s", msg_file_name(x->path), line, column, msg);
	if (!x->s->n_warnings++)
		snprintf(x->s->note, sizeof x->s->note, "%.60s:%lu:%lu: %.200s",
			 msg_file_name(x->path), line, column, msg);
}

/* The value of it as text, or NULL (warned) when it is a list or a
 * mapping. */
static const char *scalar(struct ctx *x, const struct cfg_item *it)
{
	if (it->kind == CFG_SCALAR)
		return it->value;
	warn_at(x, it->value_line, it->value_column,
		_("'%s' takes one value, not a %s; ignored"), it->key,
		it->kind == CFG_LIST ? _("list") : _("mapping"));
	return NULL;
}

/* One of the words of names (NULL-terminated): its index, or -1 (warned). */
static int one_of(struct ctx *x, const struct cfg_item *it,
		  const char *const *names, const char *shown)
{
	const char *v = scalar(x, it);
	if (!v)
		return -1;
	for (int i = 0; names[i]; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	warn_at(x, it->value_line, it->value_column,
		_("'%s' for %s: give %s; ignored"), v, it->key, shown);
	return -1;
}

static void take_keys(struct ctx *x, const struct cfg_item *m)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct cfg_item *a = &m->items[i];
		const struct cfg_item *keys = a->kind == CFG_LIST ? a->items : a;
		size_t n = a->kind == CFG_LIST ? a->n : 1;
		if (a->kind == CFG_MAP) {
			warn_at(x, a->value_line, a->value_column,
				_("the keys of '%s' are a key or a list of keys; ignored"), a->key);
			continue;
		}
		for (size_t k = 0; k < n; k++) {
			char why[300];
			if (keys[k].kind != CFG_SCALAR)
				snprintf(why, sizeof why, _("a key is one value; ignored"));
			else if (tui_config_key(a->key, keys[k].value, why, sizeof why))
				continue;
			warn_at(x, keys[k].value_line, keys[k].value_column, "%s", why);
		}
	}
}

static void take_colors(struct ctx *x, const struct cfg_item *m)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct cfg_item *c = &m->items[i];
		const char *v = scalar(x, c);
		char why[300];
		if (v && !tui_config_color(c->key, v, why, sizeof why))
			warn_at(x, c->value_line, c->value_column, "%s", why);
	}
}

static void take_number(struct ctx *x, const struct cfg_item *it, int *to)
{
	const char *v = scalar(x, it);
	if (!v)
		return;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || !*v || *end || n < 0 || n > 10000) {
		warn_at(x, it->value_line, it->value_column,
			_("'%s' for %s: give a number of columns from 0 to 10000; ignored"),
			v, it->key);
		return;
	}
	*to = (int)n;
}

/* One setting of the top mapping. */
static void take(struct ctx *x, const struct cfg_item *it, struct tui_options *t,
		 enum pdf_paper *paper)
{
	static const char *const themes[] = {"auto", "dark", "light", "none", NULL};
	static const char *const widths[] = {"auto", "1", "2", NULL};
	static const char *const bools[] = {"false", "no", "off", "true", "yes", "on", NULL};
	const char *k = it->key;
	int v;
	if (strcmp(k, "theme") == 0) {
		if ((v = one_of(x, it, themes, "auto, dark, light or none")) >= 0)
			t->theme = (enum tui_theme)v;
	} else if (strcmp(k, "ambiguous-width") == 0) {
		if ((v = one_of(x, it, widths, "1, 2 or auto")) >= 0)
			t->ambiguous = v;
	} else if (strcmp(k, "mouse") == 0) {
		if ((v = one_of(x, it, bools, "true or false")) >= 0)
			t->no_mouse = v < 3;
	} else if (strcmp(k, "beside") == 0) {
		take_number(x, it, &t->beside);
	} else if (strcmp(k, "paper") == 0) {
		const char *p = scalar(x, it);
		if (p && !pdf_paper_parse(p, paper))
			warn_at(x, it->value_line, it->value_column,
				_("unknown paper size '%s': use a4 or letter; ignored"), p);
	} else if (strcmp(k, "printer") == 0 || strcmp(k, "print-command") == 0) {
		bool cmd = strcmp(k, "print-command") == 0;
		const char **to = cmd ? &t->print_command : &t->printer;
		const char *p = scalar(x, it);
		if (p && !*to) { /* CWGVIEW_PRINTER, CWGVIEW_PRINT_COMMAND win */
			*to = p;
			if (cmd) {
				x->s->command = it;
				x->s->path = x->path;
			}
		}
	} else if (strcmp(k, "keys") == 0 || strcmp(k, "colors") == 0 ||
		   strcmp(k, "colours") == 0) {
		if (it->kind != CFG_MAP)
			warn_at(x, it->value_line, it->value_column,
				_("'%s' is a mapping (name: value); ignored"), k);
		else if (k[0] == 'k')
			take_keys(x, it);
		else
			take_colors(x, it);
	} else {
		warn_at(x, it->line, it->column,
			_("unknown setting '%s' (the settings are theme, colors, keys, "
			  "print-command, printer, paper, ambiguous-width, mouse and "
			  "beside); ignored"), k);
	}
}

void settings_read(const char *path, bool given, struct settings *s,
		   struct tui_options *t, enum pdf_paper *paper)
{
	memset(s, 0, sizeof *s);
	char def[4096];
	if (!path) {
		if (!config_default_path(def, sizeof def))
			return;
		path = def;
	}
	struct load_error err;
	s->config = config_load(path, &err);
	struct ctx x = {path, s};
	if (!s->config) {
		/* No config file is no warning, unless one was named. */
		if (given || err.sys_errno != ENOENT) {
			msg_error(_("%s: %s; going on without it"), msg_file_name(path), err.msg);
			s->n_warnings++;
			snprintf(s->note, sizeof s->note, "%.60s: %.200s", msg_file_name(path), err.msg);
		}
		return;
	}
	if (path == def) { /* the path outlives this function */
		s->own_path = strdup(path);
		x.path = s->own_path ? s->own_path : "config";
	}
	for (size_t i = 0; i < s->config->n_notes; i++) {
		const struct cfg_note *n = &s->config->notes[i];
		warn_at(&x, n->line, n->column, "%s", n->msg);
	}
	for (size_t i = 0; i < s->config->root.n; i++)
		take(&x, &s->config->root.items[i], t, paper);
}

void settings_secure(struct settings *s, struct tui_options *t)
{
	if (!s->command || !t->secure || t->print_command != s->command->value)
		return;
	struct ctx x = {s->path, s};
	warn_at(&x, s->command->line, s->command->column,
		_("print-command is ignored under --secure"));
	t->print_command = NULL;
}

void settings_free(struct settings *s)
{
	config_free(s->config);
	free(s->own_path);
	memset(s, 0, sizeof *s);
}
