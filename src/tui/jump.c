/* The way back, as in vim and less: a jump list that ^O walks back
 * through and '' swaps with, and the marks that m sets and ' returns to.
 * A place is a topic, the focused pane and every pane's scroll position
 * (frame.h).  Calls frame.c only. */
#include "config.h"

#include <string.h>

#include "cwgview/i18n.h"
#include "tui/frame.h"
#include "tui/jump.h"
#include "tui/tui.h"

/* The same place, as the jump list counts it: the topic, the pane and
 * its top line. */
static bool same(const struct place *a, const struct place *b)
{
	return a->topic == b->topic && a->focus == b->focus &&
	       a->spot[a->focus].line == b->spot[b->focus].line;
}

static void drop(struct jumps *j, size_t i)
{
	memmove(&j->list[i], &j->list[i + 1], (j->n - i - 1) * sizeof *j->list);
	j->n--;
}

/* Adds pl at the end, once: an equal place further back goes, as does
 * the oldest when the list is full. */
static void append(struct jumps *j, const struct place *pl)
{
	for (size_t i = j->n; i-- > 0;)
		if (same(&j->list[i], pl))
			drop(j, i);
	if (j->n == JUMPS_MAX)
		drop(j, 0);
	j->list[j->n++] = *pl;
}

void jump_push(struct tui *t, const struct place *from)
{
	struct place here;
	if (!from) {
		place_take(t, &here);
		from = &here;
	}
	append(&t->jumps, from);
	t->jumps.cur = t->jumps.n;
}

void jump_back(struct tui *t, long count)
{
	struct jumps *j = &t->jumps;
	if (!j->n) {
		tui_notice(t, false, "%s", _("no earlier place: nothing has jumped yet"));
		return;
	}
	if (j->cur >= j->n) {
		/* Leaving the end: where you are goes on the list, so that
		 * '' comes back to it. */
		struct place here;
		place_take(t, &here);
		append(j, &here);
		j->cur = j->n - 1;
	}
	if (j->cur == 0) {
		tui_notice(t, false, "%s", _("already at the oldest place in the jump list"));
		return;
	}
	size_t step = count > 0 ? (size_t)count : 1;
	j->cur = j->cur > step ? j->cur - step : 0;
	tui_go(t, &j->list[j->cur], true);
}

/* '': to where you were before the last jump, which that place's
 * own '' then returns from. */
static void swap(struct tui *t)
{
	struct jumps *j = &t->jumps;
	struct place here;
	place_take(t, &here);
	size_t k = j->n;
	while (k > 0 && same(&j->list[k - 1], &here))
		k--;
	if (!k) {
		tui_notice(t, false, "%s", _("no earlier place: nothing has jumped yet"));
		return;
	}
	struct place to = j->list[k - 1];
	drop(j, k - 1);
	jump_push(t, &here);
	tui_go(t, &to, true);
}

void jump_await(struct tui *t, enum tui_action a)
{
	t->jumps.pending = a;
	tui_notice(t, false, "%s", a == ACT_MARK
		   ? _("mark: type a letter")
		   : _("go to mark: type its letter, or ' for the place before the last jump"));
}

static int mark_index(struct tui_key k)
{
	if (k.fn)
		return -1;
	if (k.code >= L'a' && k.code <= L'z')
		return (int)(k.code - L'a');
	if (k.code >= L'A' && k.code <= L'Z')
		return 26 + (int)(k.code - L'A');
	return -1;
}

void jump_letter(struct tui *t, struct tui_key k)
{
	enum tui_action a = t->jumps.pending;
	t->jumps.pending = ACT_NONE;
	if (!k.fn && k.code == 27)
		return; /* Esc: nothing */
	if (a == ACT_GOTO_MARK && !k.fn && k.code == L'\'') {
		swap(t);
		return;
	}
	int i = mark_index(k);
	char name[16];
	if (i < 0) {
		tui_notice(t, true, _("%s: a mark is a letter, a-z or A-Z"),
			   keys_name(k, name, sizeof name));
		return;
	}
	struct place *m = &t->jumps.marks[i];
	keys_name(k, name, sizeof name);
	if (a == ACT_MARK) {
		place_take(t, m);
		tui_notice(t, false, _("mark %s set"), name);
	} else if (!m->set) {
		tui_notice(t, true, _("mark %s is not set"), name);
	} else {
		jump_push(t, NULL);
		tui_go(t, m, true);
	}
}
