/* Printing, saving and piping the topic (export.c): p, s and |. */
#ifndef CWGVIEW_TUI_EXPORT_H
#define CWGVIEW_TUI_EXPORT_H

#include <stdbool.h>


struct tui;

void export_print(struct tui *t);
void export_save(struct tui *t);
void export_pipe(struct tui *t);
/* y and Y: a citation of the current input, or its text, to the
 * terminal's clipboard (OSC 52). */
void export_yank(struct tui *t, bool text);

#endif
