/* The config file's settings (settings.c), for main.c: read before the
 * command line's options, which win; CWGVIEW_PRINTER and
 * CWGVIEW_PRINT_COMMAND win over it too.  Every problem is a warning on
 * standard error, "cwgview: FILE:LINE:COLUMN: …", and that setting alone
 * is left out; the first is also shown in the browser's status line. */
#ifndef CWGVIEW_SETTINGS_H
#define CWGVIEW_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/pdf.h"
#include "tui/run.h"

struct config;
struct cfg_item;

struct settings {
	struct config *config;        /* the values point into it */
	char *own_path;
	const char *path;             /* of the file print-command came from */
	const struct cfg_item *command; /* print-command, when it was taken */
	size_t n_warnings;
	char note[300];               /* the first warning, for the browser */
};

/* Reads path (NULL: the default, config_default_path; a missing one is
 * no warning, unless given says it was named) into t and paper. */
void settings_read(const char *path, bool given, struct settings *s,
		   struct tui_options *t, enum pdf_paper *paper);
/* Once the options are read: under --secure, the config's print-command
 * is dropped, with a warning. */
void settings_secure(struct settings *s, struct tui_options *t);
void settings_free(struct settings *s);

#endif
