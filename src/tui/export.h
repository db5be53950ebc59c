/* Printing, saving and piping the topic (export.c): p, s and |. */
#ifndef CWGVIEW_TUI_EXPORT_H
#define CWGVIEW_TUI_EXPORT_H



struct tui;

void export_print(struct tui *t);
void export_save(struct tui *t);
void export_pipe(struct tui *t);

#endif
