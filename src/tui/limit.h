/* The limit (limit.c): & shows only the topics and inputs that match, as
 * less's & and mutt's limit. */
#ifndef CWGVIEW_TUI_LIMIT_H
#define CWGVIEW_TUI_LIMIT_H

#include <stdbool.h>

struct tui;

/* &: asks for the pattern; an empty one lifts the limit. */
void limit_start(struct tui *t);
struct overview;
/* F: only the sources on[k] of o's columns (all or none: every source),
 * the limit applied again on them. */
void limit_sources(struct tui *t, const struct overview *o, const bool *on);
/* Ends the limit (the document as opened again), before the browser
 * ends. */
void limit_free(struct tui *t);

#endif
