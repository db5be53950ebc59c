/* Where keys come from: the terminal (get_wch), or a key script when the
 * browser runs headless for the screen tests, as in tig's test suite.
 *
 * A script is a text file.  Lines starting with # are comments.  A line
 * starting with ':' is a command:
 *   :save-display FILE   write the screen as text
 *   :save-attrs FILE     write each cell's style letter (see draw.c)
 *   :resize COLS ROWS    resize the screen, as a terminal would
 * Any other line is keys: each character is one key, as get_wch delivers it
 * (so Chinese text is typed character by character), and <Name> is a
 * special key: <Enter> <Esc> <Tab> <S-Tab> <BS> <Del> <Space> <lt> <Up>
 * <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <F1>, <PasteStart> and
 * <PasteEnd> (what a terminal sends around pasted text), <C-x> for
 * control-x, and <Click X Y>, <WheelUp X Y>, <WheelDown X Y> for the mouse
 * at column X, row Y (from 0). */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cwgview/text.h"
#include "tui/tui.h"

static FILE *script;
static unsigned long script_lineno;
static char line[4096];
static size_t line_pos, line_len;
static bool in_keys; /* line holds keys still to deliver */

bool input_open_script(const char *path, char *err, size_t errsize)
{
	script = fopen(path, "r");
	if (!script) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

void input_close(void)
{
	if (script)
		fclose(script);
	script = NULL;
}

bool input_scripted(void)
{
	return script != NULL;
}

static const struct named_key {
	const char *name;
	bool fn;
	int code;
} named_keys[] = {
	{"Enter", false, '\r'}, {"Esc", false, 27}, {"Tab", false, '\t'},
	{"S-Tab", true, KEY_BTAB}, {"BS", true, KEY_BACKSPACE},
	{"Del", true, KEY_DC}, {"Space", false, ' '}, {"lt", false, '<'},
	{"Up", true, KEY_UP}, {"Down", true, KEY_DOWN},
	{"Left", true, KEY_LEFT}, {"Right", true, KEY_RIGHT},
	{"PgUp", true, KEY_PPAGE}, {"PgDn", true, KEY_NPAGE},
	{"Home", true, KEY_HOME}, {"End", true, KEY_END},
	{"F1", true, KEY_F(1)},
	{"PasteStart", true, KEY_PASTE_START}, {"PasteEnd", true, KEY_PASTE_END},
};

static void script_error(struct tui_event *ev, const char *what)
{
	ev->type = EV_ERROR;
	snprintf(ev->arg, sizeof ev->arg, "key script line %lu: %s",
		 script_lineno, what);
}

/* A <...> token at line[line_pos] (just after '<'). */
static void named(struct tui_event *ev, const char *tok)
{
	int x, y;
	char word[16];
	if (sscanf(tok, "%15s %d %d", word, &x, &y) == 3) {
		mmask_t b = strcmp(word, "Click") == 0 ? BUTTON1_CLICKED :
			    strcmp(word, "WheelUp") == 0 ? BUTTON4_PRESSED :
			    strcmp(word, "WheelDown") == 0 ? BUTTON5_PRESSED : 0;
		if (!b)
			return script_error(ev, "unknown mouse event");
		ev->type = EV_MOUSE;
		memset(&ev->mouse, 0, sizeof ev->mouse);
		ev->mouse.x = x;
		ev->mouse.y = y;
		ev->mouse.bstate = b;
		return;
	}
	if (strncmp(tok, "C-", 2) == 0 && tok[2] && !tok[3]) {
		ev->type = EV_KEY;
		ev->key.fn = false;
		ev->key.code = (wint_t)(tok[2] & 0x1f);
		return;
	}
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++) {
		if (strcmp(tok, named_keys[i].name) == 0) {
			ev->type = EV_KEY;
			ev->key.fn = named_keys[i].fn;
			ev->key.code = (wint_t)named_keys[i].code;
			return;
		}
	}
	script_error(ev, "unknown key name");
}

static void next_scripted(struct tui_event *ev)
{
	for (;;) {
		if (in_keys && line_pos < line_len) {
			if (line[line_pos] == '<') {
				char *close = strchr(line + line_pos, '>');
				if (!close)
					return script_error(ev, "< without >");
				*close = '\0';
				named(ev, line + line_pos + 1);
				line_pos = (size_t)(close - line) + 1;
				return;
			}
			uint32_t uc;
			int k = text_next(line + line_pos, line_len - line_pos, &uc);
			line_pos += (size_t)k;
			ev->type = EV_KEY;
			ev->key.fn = false;
			ev->key.code = (wint_t)uc;
			return;
		}
		in_keys = false;
		if (!fgets(line, sizeof line, script)) {
			ev->type = EV_END;
			return;
		}
		script_lineno++;
		line_len = strcspn(line, "\r\n");
		line[line_len] = '\0';
		line_pos = 0;
		if (line_len == 0 || line[0] == '#')
			continue;
		if (line[0] != ':') {
			in_keys = true;
			continue;
		}
		char cmd[32];
		int a, b;
		if (sscanf(line, ":%31s", cmd) != 1)
			return script_error(ev, "empty command");
		const char *rest = line + 1 + strlen(cmd);
		rest += strspn(rest, " ");
		if (strcmp(cmd, "save-display") == 0 || strcmp(cmd, "save-attrs") == 0) {
			ev->type = cmd[5] == 'd' ? EV_SAVE_DISPLAY : EV_SAVE_ATTRS;
			snprintf(ev->arg, sizeof ev->arg, "%s", rest);
			return;
		}
		if (strcmp(cmd, "resize") == 0 && sscanf(rest, "%d %d", &a, &b) == 2 &&
		    a > 0 && b > 0) {
			ev->type = EV_RESIZE;
			ev->cols = a;
			ev->rows = b;
			return;
		}
		return script_error(ev, "unknown command");
	}
}

void input_next(struct tui *t, struct tui_event *ev)
{
	memset(ev, 0, sizeof *ev);
	if (script) {
		next_scripted(ev);
		return;
	}
	wint_t ch;
	errno = 0;
	/* (No status window when the terminal reports no size at all.) */
	int r = wget_wch(t->status ? t->status : stdscr, &ch);
	if (r == ERR) {
		/* The read is blocking, so ERR is a signal (EINTR: the loop
		 * looks at what arrived), a terminal left non-blocking by a
		 * piped command (wait until a key is there), or the terminal
		 * is gone: EIO or end of file after an ssh connection or a
		 * terminal window dropped.  Reading again would spin at full
		 * CPU for ever when SIGHUP is ignored (nohup), so that ends
		 * the browser as SIGHUP would. */
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			struct pollfd pfd = {.fd = tui_input_fd(), .events = POLLIN};
			(void)poll(&pfd, 1, -1);
		} else if (errno != EINTR) {
			ev->type = EV_HANGUP;
			return;
		}
		ev->type = EV_KEY;
		ev->key.fn = true;
		ev->key.code = 0;
		return;
	}
	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		ev->type = EV_RESIZE;
		return;
	}
	if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
		ev->type = getmouse(&ev->mouse) == OK ? EV_MOUSE : EV_KEY;
		return;
	}
	ev->type = EV_KEY;
	ev->key.fn = r == KEY_CODE_YES;
	ev->key.code = ch;
}

bool input_pending(void)
{
	if (script)
		return in_keys && line_pos < line_len;
	struct pollfd pfd = {.fd = tui_input_fd(), .events = POLLIN};
	return pfd.fd >= 0 && poll(&pfd, 1, 0) > 0;
}

bool input_save_display(const char *path, bool attrs, bool color)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	if (attrs)
		fprintf(f, "colors: %s\n", color ? "on" : "off");
	for (int y = 0; y < LINES; y++) {
		char row[4096];
		size_t len = 0;
		int x = 0;
		while (x < COLS && len + 16 < sizeof row) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = {0};
			attr_t a = 0;
			short pair = 0;
			mvwin_wch(curscr, y, x, &cc);
			getcchar(&cc, wch, &a, &pair, NULL);
			int cw = wch[0] ? wcwidth(wch[0]) : 1;
			if (cw < 1)
				cw = 1;
			if (attrs) {
				char c = draw_style_letter(a, pair);
				for (int k = 0; k < cw; k++)
					row[len++] = c;
			} else if (a & A_ALTCHARSET) {
				/* Line drawing: write what it stands for. */
				const char *box = "+";
				chtype c = (chtype)wch[0];
				if (c == (ACS_HLINE & A_CHARTEXT))
					box = "─";
				else if (c == (ACS_VLINE & A_CHARTEXT))
					box = "│";
				else if (c == (ACS_ULCORNER & A_CHARTEXT))
					box = "┌";
				else if (c == (ACS_URCORNER & A_CHARTEXT))
					box = "┐";
				else if (c == (ACS_LLCORNER & A_CHARTEXT))
					box = "└";
				else if (c == (ACS_LRCORNER & A_CHARTEXT))
					box = "┘";
				memcpy(row + len, box, strlen(box));
				len += strlen(box);
			} else {
				for (int k = 0; k < CCHARW_MAX && wch[k]; k++) {
					char mb[8];
					int n = wctomb(mb, wch[k]);
					if (n > 0) {
						memcpy(row + len, mb, (size_t)n);
						len += (size_t)n;
					}
				}
				if (!wch[0])
					row[len++] = ' ';
			}
			x += cw;
		}
		while (len > 0 && row[len - 1] == ' ')
			len--;
		if (attrs)
			while (len > 0 && row[len - 1] == '.')
				len--;
		fwrite(row, 1, len, f);
		fputc('\n', f);
	}
	return fclose(f) == 0;
}
