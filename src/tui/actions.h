/* The actions of the key table (actions.c). */
#ifndef CWGVIEW_TUI_ACTIONS_H
#define CWGVIEW_TUI_ACTIONS_H

#include "tui/keys.h"

struct tui;

/* actions.c: does a (with a count, or -1) as its handler in keys.h's
 * table says, the help pane taking every action while it is shown. */
void action_do(struct tui *t, enum tui_action a, long count);

#endif
