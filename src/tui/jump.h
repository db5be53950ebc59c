/* The way back (jump.c): the jump list of ^O and '', and the marks of m
 * and ', as in vim and less. */
#ifndef CWGVIEW_TUI_JUMP_H
#define CWGVIEW_TUI_JUMP_H

#include <stddef.h>

#include "tui/frame.h"
#include "tui/keys.h"

enum { JUMPS_MAX = 100, MARKS_MAX = 52 /* a-z A-Z */ };

struct jumps {
	/* Oldest first; cur == n unless ^O is walking back through them. */
	struct place list[JUMPS_MAX];
	size_t n, cur;
	struct place marks[MARKS_MAX];
	/* ACT_MARK or ACT_GOTO_MARK while its letter is awaited, else
	 * ACT_NONE. */
	enum tui_action pending;
};

struct tui;

/* Before a jump (a search hit, n N, a g with a count, [ ], a mark):
 * `from`, or the place shown now when NULL, goes on the jump list. */
void jump_push(struct tui *t, const struct place *from);
/* ^O: count places back through the jump list. */
void jump_back(struct tui *t, long count);
/* m and ': the next key is the mark's letter (or ' after '). */
void jump_await(struct tui *t, enum tui_action a);
/* The key after m or ': sets the mark, goes to it, or (after '') goes
 * back to where you were before the last jump. */
void jump_letter(struct tui *t, struct tui_key k);

#endif
