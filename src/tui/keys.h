/* The browser's actions and key bindings, as X-macro lists: the dispatcher,
 * the help pane and the man page's KEYS section are generated from them,
 * so they cannot disagree. */
#ifndef CWGVIEW_TUI_KEYS_H
#define CWGVIEW_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "cwgview/buf.h"

/* A(name, keys as shown in help, description) */
#define TUI_ACTIONS(A)                                                        \
	A(LINE_DOWN, "j  Down", "next line; in Topics, the next topic")      \
	A(LINE_UP, "k  Up", "previous line; in Topics, the previous topic")  \
	A(PAGE_DOWN, "Space  f  PgDn", "page down")                          \
	A(PAGE_UP, "b  PgUp", "page up")                                     \
	A(HALF_DOWN, "^D", "half a page down")                               \
	A(HALF_UP, "^U", "half a page up")                                   \
	A(TOP, "g  Home", "top; after a count N, topic N (7g)")              \
	A(BOTTOM, "G  End", "bottom")                                        \
	A(FOCUS_NEXT, "Tab  Right", "focus the next pane")                   \
	A(FOCUS_PREV, "Shift-Tab  Left", "focus the previous pane")          \
	A(TOPIC_PREV, "[", "previous topic, from any pane (3[: three back)") \
	A(TOPIC_NEXT, "]", "next topic, from any pane (3]: three on)")       \
	A(ENTER, "Enter", "in Topics: read that topic's inputs")             \
	A(MAXIMISE, "O", "maximise or restore the focused pane")             \
	A(SEARCH_FWD, "/", "search forward, as you type; Esc returns")       \
	A(SEARCH_BACK, "?", "search backward, as you type")                  \
	A(SEARCH_NEXT, "n", "next hit, across topics (wraps around)")        \
	A(SEARCH_PREV, "N", "previous hit")                                  \
	A(HIGHLIGHT, "u", "hide or show the search highlighting")            \
	A(PRINT, "p", "print the topic (asks first)")                        \
	A(SAVE, "s", "save the topic to a file: .txt .md .json .pdf")        \
	A(PIPE, "|", "pipe the topic as text to a command")                  \
	A(HELP, "h  F1", "show this help; q, h or Esc closes it")            \
	A(REDRAW, "^L", "redraw the screen")                                 \
	A(QUIT, "q", "quit (in help: close the help)")

enum tui_action {
	ACT_NONE,
#define TUI_ACTION_ENUM(name, keys, help) ACT_##name,
	TUI_ACTIONS(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
	ACT_COUNT_
};

/* B(kind, code, action): kind CH for a character from get_wch, FN for a
 * KEY_* function-key code (the two ranges overlap, so both are needed). */
#define TUI_BINDINGS(B)                                                       \
	B(CH, L'j', LINE_DOWN)                                               \
	B(FN, KEY_DOWN, LINE_DOWN)                                           \
	B(CH, L'k', LINE_UP)                                                 \
	B(FN, KEY_UP, LINE_UP)                                               \
	B(CH, L' ', PAGE_DOWN)                                               \
	B(CH, L'f', PAGE_DOWN)                                               \
	B(FN, KEY_NPAGE, PAGE_DOWN)                                          \
	B(CH, L'b', PAGE_UP)                                                 \
	B(FN, KEY_PPAGE, PAGE_UP)                                            \
	B(CH, 4, HALF_DOWN)                                                  \
	B(CH, 21, HALF_UP)                                                   \
	B(CH, L'g', TOP)                                                     \
	B(FN, KEY_HOME, TOP)                                                 \
	B(CH, L'G', BOTTOM)                                                  \
	B(FN, KEY_END, BOTTOM)                                               \
	B(CH, L'\t', FOCUS_NEXT)                                             \
	B(FN, KEY_RIGHT, FOCUS_NEXT)                                         \
	B(FN, KEY_BTAB, FOCUS_PREV)                                          \
	B(FN, KEY_LEFT, FOCUS_PREV)                                          \
	B(CH, L'[', TOPIC_PREV)                                              \
	B(CH, L']', TOPIC_NEXT)                                              \
	B(CH, L'\r', ENTER)                                                  \
	B(CH, L'\n', ENTER)                                                  \
	B(FN, KEY_ENTER, ENTER)                                              \
	B(CH, L'O', MAXIMISE)                                                \
	B(CH, L'/', SEARCH_FWD)                                              \
	B(CH, L'?', SEARCH_BACK)                                             \
	B(CH, L'n', SEARCH_NEXT)                                             \
	B(CH, L'N', SEARCH_PREV)                                             \
	B(CH, L'u', HIGHLIGHT)                                               \
	B(CH, L'p', PRINT)                                                   \
	B(CH, L's', SAVE)                                                    \
	B(CH, L'|', PIPE)                                                    \
	B(CH, L'h', HELP)                                                    \
	B(FN, KEY_F(1), HELP)                                                \
	B(CH, 12, REDRAW)                                                    \
	B(CH, L'q', QUIT)

struct tui_key {
	bool fn;      /* a KEY_* code rather than a character */
	wint_t code;
};

/* The action bound to a key, or ACT_NONE. */
enum tui_action keys_action(struct tui_key k);

/* The help text as lines: a title, then "  KEYS  what they do" for each
 * action (a blank line between sections); *indent gets the column where
 * the descriptions start. */
void keys_help(struct buf *b, int *indent);

/* The man page's KEYS section, in troff (cwgview --keys-man). */
void keys_man(struct buf *b);

#endif
