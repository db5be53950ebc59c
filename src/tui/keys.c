#include "config.h"

#include "tui/keys.h"

#include <string.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/curses.h"

#define KIND_CH false
#define KIND_FN true

static const struct binding {
	bool fn;
	wint_t code;
	enum tui_action action;
} bindings[] = {
#define TUI_BINDING(kind, code, act) {KIND_##kind, (wint_t)(code), ACT_##act},
	TUI_BINDINGS(TUI_BINDING)
#undef TUI_BINDING
};

static const struct action_doc {
	const char *keys;
	const char *help;
} actions[ACT_COUNT_] = {
#define TUI_ACTION_DOC(name, keys, help) [ACT_##name] = {keys, N_(help)},
	TUI_ACTIONS(TUI_ACTION_DOC)
#undef TUI_ACTION_DOC
};

/* Lines that are not actions but belong in the help and the man page. */
static const struct action_doc extras[] = {
	{"0-9", N_("a count for the next key: 7g goes to topic 7, 3j down three lines")},
	{"Mouse", N_("a click focuses a pane or selects a topic; the wheel scrolls")},
};

enum tui_action keys_action(struct tui_key k)
{
	for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++)
		if (bindings[i].fn == k.fn && bindings[i].code == k.code)
			return bindings[i].action;
	return ACT_NONE;
}

static void help_line(struct buf *b, const struct action_doc *d, int keyw)
{
	buf_adds(b, "  ");
	buf_adds(b, d->keys);
	buf_addn(b, ' ', (size_t)(keyw - text_width(d->keys, strlen(d->keys)) + 2));
	buf_adds(b, _(d->help));
	buf_addc(b, '\n');
}

void keys_help(struct buf *b, int *indent)
{
	int keyw = 0;
	for (int a = ACT_NONE + 1; a < ACT_COUNT_; a++) {
		int w = text_width(actions[a].keys, strlen(actions[a].keys));
		keyw = w > keyw ? w : keyw;
	}
	*indent = 2 + keyw + 2; /* as help_line lays a line out */
	buf_adds(b, _("cwgview keys"));
	buf_adds(b, "\n\n");
	for (int a = ACT_NONE + 1; a < ACT_COUNT_; a++)
		help_line(b, &actions[a], keyw);
	buf_addc(b, '\n');
	for (size_t i = 0; i < sizeof extras / sizeof *extras; i++)
		help_line(b, &extras[i], keyw);
}

static void man_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '-')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
}

static void man_entry(struct buf *b, const struct action_doc *d)
{
	buf_adds(b, ".TP\n.B ");
	man_escape(b, d->keys);
	buf_addc(b, '\n');
	man_escape(b, d->help);
	buf_addc(b, '\n');
}

void keys_man(struct buf *b)
{
	buf_adds(b, ".SH KEYS\n");
	for (int a = ACT_NONE + 1; a < ACT_COUNT_; a++)
		man_entry(b, &actions[a]);
	for (size_t i = 0; i < sizeof extras / sizeof *extras; i++)
		man_entry(b, &extras[i]);
}
