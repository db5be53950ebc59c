/* The fixed lines (bars.c), each drawn into its window for doupdate. */
#ifndef CWGVIEW_TUI_BARS_H
#define CWGVIEW_TUI_BARS_H

struct tui;

void bars_draw_title(struct tui *t);
void bars_draw_tabs(struct tui *t);
/* The status line, or the prompt while one is open. */
void bars_draw_status(struct tui *t);

#endif
