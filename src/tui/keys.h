/* The browser's actions and key bindings, as X-macro lists: the dispatcher,
 * the help pane and the man page's KEYS section are generated from them,
 * so they cannot disagree. */
#ifndef CWGVIEW_TUI_KEYS_H
#define CWGVIEW_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "cwgview/buf.h"

/* A(name, handler, description): the action ACT_name, done by act_handler
 * in actions.c; the help and the man page list the actions in this order,
 * with the keys bound to them below.  A NULL description keeps an action
 * out of the help. */
#define TUI_ACTIONS(A)                                                        \
	A(LINE_DOWN, pane, "next line; in Topics, the next topic")           \
	A(LINE_UP, pane, "previous line; in Topics, the previous topic")     \
	A(PAGE_DOWN, pane, "page down")                                      \
	A(PAGE_UP, pane, "page up")                                          \
	A(HALF_DOWN, pane, "half a page down")                               \
	A(HALF_UP, pane, "half a page up")                                   \
	A(TOP, top, "top; after a count N, topic N (7g)")                    \
	A(BOTTOM, pane, "bottom")                                            \
	A(FOCUS_NEXT, focus, "focus the next pane")                          \
	A(FOCUS_PREV, focus, "focus the previous pane")                      \
	A(TOPIC_PREV, topic, "previous topic, from any pane (3[: three back)") \
	A(TOPIC_NEXT, topic, "next topic, from any pane (3]: three on)")     \
	A(INPUT_NEXT, input, "next input (the current one is marked >)")   \
	A(INPUT_PREV, input, "previous input")                             \
	A(XREF, list, "every input, in any topic, citing the current one's documents") \
	A(HITS, list, "every hit of the last search, a line each; Enter goes") \
	A(CITE, yank, "copy a citation of the current input (to the terminal's clipboard)") \
	A(YANK_TEXT, yank, "copy the current input's text")                 \
	A(LIMIT, limit, "&: only the topics and inputs matching every word; & Enter: all") \
	A(SOURCES, sources, "choose the sources shown: Space toggles, Enter applies") \
	A(OVERVIEW, overview, "overview: inputs per topic and source; Enter opens one") \
	A(TAG, tag, "tag or untag the topic; p s | then act on the tagged ones") \
	A(JUMP_BACK, jump_back, "back to before the last jump; again, further back") \
	A(MARK, mark, "ma: mark this place as a (any letter a-z, A-Z)") \
	A(GOTO_MARK, mark, "'a: back to mark a; '': to before the last jump") \
	A(ENTER, pane, "in Topics: read that topic's inputs")                \
	A(MAXIMISE, maximise, "maximise or restore the focused pane")        \
	A(SEARCH_FWD, search, "search forward, as you type; Esc returns")    \
	A(SEARCH_BACK, search, "search backward, as you type")               \
	A(SEARCH_NEXT, search_next, "next hit, on from where you are (wraps around)") \
	A(SEARCH_PREV, search_next, "previous hit, back from where you are") \
	A(HIGHLIGHT, highlight, "hide or show the search highlighting")      \
	A(PRINT, print, "print the topic (asks first)")                      \
	A(SAVE, save, "save the topic to a file: .txt .md .json .pdf")       \
	A(PIPE, pipe, "pipe the topic as text to a command")                 \
	A(HELP, help, "show this help (/ searches it); q, h or Esc closes it")               \
	A(REDRAW, redraw, "redraw the screen")                               \
	A(QUIT, quit, "quit (in help: close the help)")                      \
	A(CANCEL, cancel, NULL) /* Esc: drops a count; closes the help */

/* The actions that start a process or write a file: --secure turns them
 * off (tui_gate), and the help and the man page say so. */
#define TUI_SECURE_OFF(X) X(PRINT) X(SAVE) X(PIPE)

enum tui_action {
	ACT_NONE,
#define TUI_ACTION_ENUM(name, handler, help) ACT_##name,
	TUI_ACTIONS(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
	ACT_COUNT_
};

/* B(kind, code, action): kind CH for a character from the terminal, FN
 * for a KEY_* function-key code (the two ranges overlap, so both are
 * needed).  The help names an action's keys in this order, by the names
 * in keys.c's key_names (shared with the key-script reader).  Q() binds
 * as B() does, but keeps the key out of the help. */
#define TUI_BINDINGS(B, Q)                                                    \
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
	B(CH, L'}', INPUT_NEXT)                                              \
	B(CH, L'{', INPUT_PREV)                                              \
	B(CH, L'x', XREF)                                                    \
	B(CH, L'L', HITS)                                                    \
	B(CH, L'y', CITE)                                                    \
	B(CH, L'Y', YANK_TEXT)                                               \
	B(CH, L'&', LIMIT)                                                   \
	B(CH, L'F', SOURCES)                                                 \
	B(CH, L'o', OVERVIEW)                                                \
	B(CH, L't', TAG)                                                     \
	B(CH, 15, JUMP_BACK)                                                 \
	B(CH, L'm', MARK)                                                    \
	B(CH, L'\'', GOTO_MARK)                                              \
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
	B(CH, L'q', QUIT)                                                    \
	Q(CH, 3, QUIT) /* ^C arrives as a key in some modes */               \
	Q(CH, 27, CANCEL)

/* Key codes for bracketed paste, defined with define_key(). */
#define KEY_PASTE_START (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

struct tui_key {
	bool fn;      /* a KEY_* code rather than a character */
	wint_t code;
};

/* The action bound to a key, or ACT_NONE. */
enum tui_action keys_action(struct tui_key k);
/* Binds the key named key (one character other than a digit, C-x, or a
 * name of the key scripts: Enter, Esc, Tab, S-Tab, Up, PgDn, Home, F1 …)
 * to the action named action (the table's name in lower case with
 * dashes: line-down, topic-next, quit), before the table's bindings: the
 * config file's keys.  False, with why, for an unknown action or key. */
bool keys_bind(const char *action, const char *key, char *why, size_t size);

/* The one key outside the table: a digit starts or extends a count for
 * the next key (7g, 3j).  Its value, or -1 for any other key. */
int keys_digit(struct tui_key k);

/* The key a key script's <name> stands for (Enter, S-Tab, PgDn, C-x …);
 * false when there is none of that name. */
bool keys_parse_name(const char *name, struct tui_key *k);

/* The key's name as the help shows it ("PgDn", "^D", "j", "国"), into
 * buf (at least 16 bytes) when it is not a fixed string. */
const char *keys_name(struct tui_key k, char *buf, size_t size);

/* The help text as lines: a title, then "  KEYS  what they do" for each
 * action (a blank line between sections); *indent gets the column where
 * the descriptions start.  With secure, the actions --secure turns off
 * say so. */
void keys_help(struct buf *b, int *indent, bool secure);

/* The man page's KEYS section, in troff (cwgview --keys-man). */
void keys_man(struct buf *b);

#endif
