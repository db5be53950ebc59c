/* The key table: the bindings of keys.h, the names of keys (for the help,
 * the man page and the key-script reader) and the help and man page text
 * generated from them.  Calls nothing else of the browser. */
#include "config.h"

#include "tui/keys.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/curses.h"

#define KIND_CH false
#define KIND_FN true

static const struct binding {
	bool fn;
	wint_t code;
	enum tui_action action;
	bool shown; /* named in the help */
} bindings[] = {
#define TUI_BINDING(kind, code, act) {KIND_##kind, (wint_t)(code), ACT_##act, true},
#define TUI_QUIET(kind, code, act) {KIND_##kind, (wint_t)(code), ACT_##act, false},
	TUI_BINDINGS(TUI_BINDING, TUI_QUIET)
#undef TUI_QUIET
#undef TUI_BINDING
};

static const char *const descriptions[ACT_COUNT_] = {
#define TUI_ACTION_DOC(name, handler, help) [ACT_##name] = N_(help),
	TUI_ACTIONS(TUI_ACTION_DOC)
#undef TUI_ACTION_DOC
};

/* Keys with a name: `script` is the <name> of a key script (NULL: none),
 * `shown` the name in the help (NULL: the script's).  Other characters are
 * shown as themselves, control characters as ^X. */
static const struct key_name {
	const char *script, *shown;
	bool fn;
	int code;
} key_names[] = {
	{"Enter", NULL, false, '\r'}, {NULL, "Enter", false, '\n'},
	{NULL, "Enter", true, KEY_ENTER}, {"Esc", NULL, false, 27},
	{"Tab", NULL, false, '\t'}, {"S-Tab", "Shift-Tab", true, KEY_BTAB},
	{"BS", NULL, true, KEY_BACKSPACE}, {"Del", NULL, true, KEY_DC},
	{"Space", NULL, false, ' '}, {"lt", "<", false, '<'},
	{"Up", NULL, true, KEY_UP}, {"Down", NULL, true, KEY_DOWN},
	{"Left", NULL, true, KEY_LEFT}, {"Right", NULL, true, KEY_RIGHT},
	{"PgUp", NULL, true, KEY_PPAGE}, {"PgDn", NULL, true, KEY_NPAGE},
	{"Home", NULL, true, KEY_HOME}, {"End", NULL, true, KEY_END},
	{"F1", NULL, true, KEY_F(1)},
	{"PasteStart", NULL, true, KEY_PASTE_START},
	{"PasteEnd", NULL, true, KEY_PASTE_END},
};

/* Lines that are not actions but belong in the help and the man page. */
static const struct extra {
	const char *keys, *help;
} extras[] = {
	{"0-9", N_("a count for the next key: 7g goes to topic 7, 3j down three lines")},
	{"Mouse", N_("a click focuses a pane or selects a topic; the wheel scrolls")},
};

/* Bindings from the config file (keys_bind): looked up before the table,
 * and a key bound here is no longer the table's. */
enum { MAX_USER_BINDINGS = 128 };
static struct binding user_bindings[MAX_USER_BINDINGS];
static size_t n_user;

static const char *const action_names[ACT_COUNT_] = {
#define TUI_ACTION_NAME(name, handler, help) [ACT_##name] = #name,
	TUI_ACTIONS(TUI_ACTION_NAME)
#undef TUI_ACTION_NAME
};

static enum tui_action user_action(bool fn, wint_t code)
{
	for (size_t i = n_user; i-- > 0;) /* the last binding of a key wins */
		if (user_bindings[i].fn == fn && user_bindings[i].code == code)
			return user_bindings[i].action;
	return ACT_NONE;
}

/* The action named as in the config: line-down for LINE_DOWN. */
static enum tui_action action_named(const char *name)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT_; a++) {
		const char *n = action_names[a];
		size_t i = 0;
		for (; n[i] && name[i]; i++) {
			char c = n[i] == '_' ? '-' : (char)(n[i] - 'A' + 'a');
			if (n[i] >= '0' && n[i] <= '9')
				c = n[i];
			if (name[i] != c)
				break;
		}
		if (!n[i] && !name[i])
			return (enum tui_action)a;
	}
	return ACT_NONE;
}

bool keys_bind(const char *action, const char *key, char *why, size_t size)
{
	enum tui_action a = action_named(action);
	if (a == ACT_NONE) {
		snprintf(why, size, _("no action '%s' (the actions are listed in "
				      "cwgview(1), CONFIGURATION)"), action);
		return false;
	}
	struct tui_key k;
	uint32_t uc;
	size_t n = strlen(key);
	if (!keys_parse_name(key, &k)) {
		if (n == 0 || (size_t)text_next(key, n, &uc) != n || uc < 0x20 ||
		    uc == 0x7f || uc == 0xFFFD || (uc >= '0' && uc <= '9')) {
			snprintf(why, size, _("'%s' is not a key: give one character "
					      "(not a digit), C-x, or a name such as "
					      "Enter, Esc, Tab, S-Tab, Up, PgDn, Home, F1"), key);
			return false;
		}
		k.fn = false;
		k.code = (wint_t)uc;
	}
	if (n_user == MAX_USER_BINDINGS) {
		snprintf(why, size, _("more than %d bindings"), MAX_USER_BINDINGS);
		return false;
	}
	user_bindings[n_user++] = (struct binding){k.fn, k.code, a, true};
	return true;
}

enum tui_action keys_action(struct tui_key k)
{
	enum tui_action u = user_action(k.fn, k.code);
	if (u != ACT_NONE)
		return u;
	for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++)
		if (bindings[i].fn == k.fn && bindings[i].code == k.code)
			return bindings[i].action;
	return ACT_NONE;
}

int keys_digit(struct tui_key k)
{
	return !k.fn && k.code >= L'0' && k.code <= L'9' ? (int)(k.code - L'0') : -1;
}

bool keys_parse_name(const char *name, struct tui_key *k)
{
	if (strncmp(name, "C-", 2) == 0 && name[2] && !name[3]) {
		k->fn = false;
		k->code = (wint_t)(name[2] & 0x1f);
		return true;
	}
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++) {
		if (key_names[i].script && strcmp(name, key_names[i].script) == 0) {
			k->fn = key_names[i].fn;
			k->code = (wint_t)key_names[i].code;
			return true;
		}
	}
	return false;
}

const char *keys_name(struct tui_key k, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++) {
		const struct key_name *n = &key_names[i];
		if (n->fn == k.fn && (wint_t)n->code == k.code)
			return n->shown ? n->shown : n->script;
	}
	if (!k.fn && (k.code < 0x20 || k.code == 0x7f)) {
		snprintf(buf, size, "^%c", (char)(k.code == 0x7f ? '?' : k.code + 0x40));
		return buf;
	}
	if (k.fn && k.code >= KEY_F(0) && k.code <= KEY_F(63)) {
		snprintf(buf, size, "F%d", (int)(k.code - KEY_F(0)));
		return buf;
	}
	if (k.fn) {
		const char *name = keyname((int)k.code); /* KEY_IC … */
		return name ? name : "?";
	}
	int len = u8_uctomb((uint8_t *)buf, (ucs4_t)k.code, (int)size - 1);
	if (len <= 0)
		return "?";
	buf[len] = '\0';
	return buf;
}

static const char *key_shown(const struct binding *bd, char *buf, size_t size)
{
	return keys_name((struct tui_key){bd->fn, bd->code}, buf, size);
}

/* Adds the name of bd's key to b unless it is there already. */
static void add_key_name(struct buf *b, size_t start, const struct binding *bd)
{
	char buf[16];
	const char *name = key_shown(bd, buf, sizeof buf);
	size_t len = strlen(name);
	for (size_t i = start; i + len <= b->len; i++) {
		bool at_start = i == start || b->data[i - 1] == ' ';
		bool at_end = i + len == b->len || b->data[i + len] == ' ';
		if (at_start && at_end && memcmp(b->data + i, name, len) == 0)
			return;
	}
	if (b->len > start)
		buf_adds(b, "  ");
	buf_adds(b, name);
}

/* The names of the keys bound to a, the config's first, then the table's
 * in binding order, each once, two spaces apart: "j  Down".  With
 * with_user false, the table's alone (the man page). */
static void action_keys(struct buf *b, enum tui_action a, bool with_user)
{
	size_t start = b->len;
	for (size_t i = 0; with_user && i < n_user; i++)
		if (user_bindings[i].action == a &&
		    user_action(user_bindings[i].fn, user_bindings[i].code) == a)
			add_key_name(b, start, &user_bindings[i]);
	for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++) {
		const struct binding *bd = &bindings[i];
		if (bd->action != a || !bd->shown)
			continue;
		enum tui_action u = with_user ? user_action(bd->fn, bd->code) : ACT_NONE;
		if (u == ACT_NONE || u == a)
			add_key_name(b, start, bd);
	}
}

static bool secure_off(int a)
{
#define TUI_OFF_CASE(name) case ACT_##name:
	switch (a) {
	TUI_SECURE_OFF(TUI_OFF_CASE)
		return true;
	default:
		return false;
	}
#undef TUI_OFF_CASE
}

/* Calls fn for each line of the help and the man page: the keys, what
 * they do (untranslated) and whether --secure turns them off; with NULLs
 * for a blank line between the actions and the extras when
 * blank_between. */
static void for_each_entry(void (*fn)(const char *keys, const char *help,
				      bool off, void *arg),
			   void *arg, bool blank_between, bool with_user)
{
	struct buf keys = BUF_INIT;
	for (int a = ACT_NONE + 1; a < ACT_COUNT_; a++) {
		if (!descriptions[a])
			continue;
		buf_reset(&keys);
		action_keys(&keys, (enum tui_action)a, with_user);
		fn(keys.data ? keys.data : "", descriptions[a], secure_off(a), arg);
	}
	buf_free(&keys);
	if (blank_between)
		fn(NULL, NULL, false, arg);
	for (size_t i = 0; i < sizeof extras / sizeof *extras; i++)
		fn(extras[i].keys, extras[i].help, false, arg);
}

struct help_out {
	struct buf *b;
	int keyw;
	bool secure;
};

static void key_width(const char *keys, const char *help, bool off, void *arg)
{
	(void)help;
	(void)off;
	int *w = arg;
	int kw = keys ? text_width(keys, strlen(keys)) : 0;
	*w = kw > *w ? kw : *w;
}

static void help_line(const char *keys, const char *help, bool off, void *arg)
{
	struct help_out *o = arg;
	if (keys) {
		buf_adds(o->b, "  ");
		buf_adds(o->b, keys);
		buf_addn(o->b, ' ', (size_t)(o->keyw - text_width(keys, strlen(keys)) + 2));
		if (off && o->secure) {
			buf_adds(o->b, _("off (--secure): "));
		}
		buf_adds(o->b, _(help));
	}
	buf_addc(o->b, '\n');
}

void keys_help(struct buf *b, int *indent, bool secure)
{
	struct help_out o = {b, 0, secure};
	for_each_entry(key_width, &o.keyw, false, true);
	*indent = 2 + o.keyw + 2; /* as help_line lays a line out */
	buf_adds(b, _("cwgview keys"));
	buf_adds(b, "\n\n");
	for_each_entry(help_line, &o, true, true); /* a blank line before the extras */
}

static void man_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '-')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
}

static void man_entry(const char *keys, const char *help, bool off, void *arg)
{
	struct buf *b = arg;
	if (!keys)
		return;
	buf_adds(b, ".TP\n.B ");
	man_escape(b, keys);
	buf_addc(b, '\n');
	const char *h = _(help);
	if (*h == '\'' || *h == '.')
		buf_adds(b, "\\&"); /* else troff takes the line for a request */
	man_escape(b, h);
	if (off)
		man_escape(b, _("; off with --secure"));
	buf_addc(b, '\n');
}

void keys_man(struct buf *b)
{
	/* In the language asked for: LANGUAGE=zh_CN writes the Chinese
	 * man page's section (make update-man). */
	buf_adds(b, ".SH ");
	buf_adds(b, C_("the man page's section heading", "KEYS"));
	buf_addc(b, '\n');
	for_each_entry(man_entry, b, false, false); /* the table's keys alone */
}
