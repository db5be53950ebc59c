/* The only place cwgview includes curses.  Everything in src/tui/ that
 * draws includes this header; nothing outside src/tui/ may (see
 * tests/cli/layering.sh). */
#ifndef CWGVIEW_TUI_CURSES_H
#define CWGVIEW_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
