/* The config file ($XDG_CONFIG_HOME/cwgview/config, docs/config.example),
 * read with libyaml as the document is: a mapping of settings, each a
 * scalar, a list or a mapping, with the position of every key and value.
 * What the settings mean is for the callers (main.c, the browser); this
 * only reads the YAML.  A YAML error ends the reading: what came before it
 * is kept, the setting it was in is not, and the error is reported with
 * its position.  Nothing here prints or exits. */
#ifndef CWGVIEW_CONFIG_H
#define CWGVIEW_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/load.h"

enum cfg_kind { CFG_SCALAR, CFG_LIST, CFG_MAP };

/* One setting (in a mapping: key and value) or one list item (key NULL). */
struct cfg_item {
	char *key;
	enum cfg_kind kind;
	char *value;            /* CFG_SCALAR: the text, NUL-terminated */
	struct cfg_item *items; /* CFG_LIST, CFG_MAP: what it holds */
	size_t n, cap;
	/* 1-based positions (columns in characters) of the key, and of the
	 * value. */
	unsigned long line, column, value_line, value_column;
};

/* A problem with the file as YAML, at a position: the setting it is in
 * was left out. */
struct cfg_note {
	unsigned long line, column;
	char msg[200];
};

struct config {
	struct cfg_item root; /* a mapping; empty for an empty file */
	struct cfg_note *notes;
	size_t n_notes;
};

/* The path of the config file: $XDG_CONFIG_HOME/cwgview/config, or
 * $HOME/.config/cwgview/config (XDG_CONFIG_HOME unset, empty or not
 * absolute).  False when neither variable gives one. */
bool config_default_path(char *buf, size_t size);

/* Reads the file at path.  NULL when it cannot be read (err->sys_errno
 * set; err->msg says why) or memory ran out.  Otherwise the settings
 * read, and in notes what was left out: a YAML error (which ends the
 * reading), a key given twice (the second), an alias, a tag, nesting
 * deeper than a mapping of lists. */
struct config *config_load(const char *path, struct load_error *err);
/* The same, from memory. */
struct config *config_load_buffer(const char *data, size_t len,
				  struct load_error *err);
void config_free(struct config *c);

/* The setting key in the mapping m, or NULL (the first, if repeated). */
const struct cfg_item *config_get(const struct cfg_item *m, const char *key);

#endif
