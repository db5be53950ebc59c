/* Where keys come from: the terminal (get_wch), or a key script when the
 * browser runs headless for the screen tests, as in tig's test suite.
 *
 * A script is a text file.  Lines starting with # are comments.  A line
 * starting with ':' is a command:
 *   :save-display FILE   write the screen as text (FILE "-": standard
 *                        output, the only place allowed under --secure)
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
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/draw.h"
#include "tui/input.h"
#include "tui/term.h"
#include "tui/tui.h"

/* The key script being read: the file, its current line and how far
 * its keys have been delivered. */
static struct script {
	FILE *f;
	unsigned long lineno;
	char line[4096];
	size_t pos, len;
	bool in_keys; /* line holds keys still to deliver */
} sc;

bool input_open_script(const char *path, char *err, size_t errsize)
{
	sc.f = fopen(path, "r");
	if (!sc.f) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

void input_close(void)
{
	if (sc.f)
		fclose(sc.f);
	sc.f = NULL;
}

bool input_scripted(void)
{
	return sc.f != NULL;
}

static void script_error(struct tui_event *ev, const char *what)
{
	ev->type = EV_ERROR;
	snprintf(ev->arg, sizeof ev->arg, "key script line %lu: %s",
		 sc.lineno, what);
}

/* A <...> token at sc.line[sc.pos] (just after '<'). */
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
	if (keys_parse_name(tok, &ev->key)) {
		ev->type = EV_KEY;
		return;
	}
	script_error(ev, "unknown key name");
}

static void next_scripted(struct tui_event *ev)
{
	for (;;) {
		if (sc.in_keys && sc.pos < sc.len) {
			if (sc.line[sc.pos] == '<') {
				char *close = strchr(sc.line + sc.pos, '>');
				if (!close)
					return script_error(ev, "< without >");
				*close = '\0';
				named(ev, sc.line + sc.pos + 1);
				sc.pos = (size_t)(close - sc.line) + 1;
				return;
			}
			uint32_t uc;
			int k = text_next(sc.line + sc.pos, sc.len - sc.pos, &uc);
			sc.pos += (size_t)k;
			ev->type = EV_KEY;
			ev->key.fn = false;
			ev->key.code = (wint_t)uc;
			return;
		}
		sc.in_keys = false;
		if (!fgets(sc.line, sizeof sc.line, sc.f)) {
			ev->type = EV_END;
			return;
		}
		sc.lineno++;
		sc.len = strcspn(sc.line, "\r\n");
		sc.line[sc.len] = '\0';
		sc.pos = 0;
		if (sc.len == 0 || sc.line[0] == '#')
			continue;
		if (sc.line[0] != ':') {
			sc.in_keys = true;
			continue;
		}
		char cmd[32];
		int a, b;
		if (sscanf(sc.line, ":%31s", cmd) != 1)
			return script_error(ev, "empty command");
		const char *rest = sc.line + 1 + strlen(cmd);
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

/* ---- the terminal ----
 *
 * Keys are read a byte at a time with wgetch (which still turns escape
 * sequences into KEY_* codes) and put together into characters by
 * text_feed.  wget_wch cannot be used: on a byte that is not UTF-8 it
 * reads on, because mblen cannot tell an invalid byte from an incomplete
 * character, until its buffer of 145 bytes is full, and then returns ERR
 * with errno EILSEQ; so a lone 0xFF (Alt with 8-bit meta, a Latin-1 or
 * GB18030 terminal) swallowed the next 144 keys, and the ERR ended the
 * browser as a hang-up.  A bad byte is now dropped, with a notice, and
 * only EIO or end of file is a hang-up.  (ncurses passes all 8 bits of a
 * byte on an 8-bit line, as every UTF-8 terminal has; meta() is not
 * called, as it would send smm, which turns on xterm's 8-bit meta keys.) */

/* How long the rest of a character may take after its first byte.  A
 * terminal writes a character at once, so the rest is there already; this
 * is waited out only for a byte that begins a character in UTF-8 but was
 * meant as something else (a Latin-1 é is 0xE9), and leaves time for a
 * paste through ssh that a lost packet split inside a character. */
enum { REST_MS = 500 };

static struct text_feed feed;

/* The bytes feed set aside go with ev; feed forgets them. */
static void take_ignored(struct tui_event *ev)
{
	_Static_assert(sizeof ev->ignored == sizeof feed.bad, "as many bytes");
	ev->n_ignored = feed.n_bad;
	memcpy(ev->ignored, feed.bad, sizeof ev->ignored);
	feed.n_bad = 0;
}

void input_ignored_text(const struct tui_event *ev, bool brief, char *buf,
			size_t size)
{
	size_t n = ev->n_ignored;
	if (brief) {
		if (n == 1)
			snprintf(buf, size, _("invalid byte 0x%02X ignored"), ev->ignored[0]);
		else
			snprintf(buf, size, P_("%zu invalid byte ignored",
					       "%zu invalid bytes ignored", n), n);
		return;
	}
	char hex[sizeof ev->ignored * 5 + 8] = "";
	size_t shown = n < sizeof ev->ignored ? n : sizeof ev->ignored;
	int len = 0;
	for (size_t i = 0; i < shown; i++)
		len += snprintf(hex + len, sizeof hex - (size_t)len, "%s0x%02X",
				i ? " " : "", ev->ignored[i]);
	if (shown < n)
		snprintf(hex + len, sizeof hex - (size_t)len, " …");
	if (n == 1)
		snprintf(buf, size, _("ignored an invalid byte from the terminal (%s)"), hex);
	else
		snprintf(buf, size, P_("ignored %zu invalid byte from the terminal (%s)",
				       "ignored %zu invalid bytes from the terminal (%s)", n),
			 n, hex);
}

/* wgetch gave ERR with nothing begun. */
static void read_failed(struct tui_event *ev)
{
	/* The read is blocking, so ERR is a signal (EINTR: the loop looks
	 * at what arrived), a terminal left non-blocking by a piped command
	 * (wait until a key is there), or the terminal is gone: EIO or end
	 * of file after an ssh connection or a terminal window dropped.
	 * Reading again would spin at full CPU for ever when SIGHUP is
	 * ignored (nohup), so that ends the browser as SIGHUP would. */
	if (errno == EAGAIN || errno == EWOULDBLOCK) {
		struct pollfd pfd = {.fd = tui_input_fd(), .events = POLLIN};
		(void)poll(&pfd, 1, -1);
	} else if (errno != EINTR) {
		ev->type = EV_HANGUP;
		return;
	}
	ev->type = EV_NONE;
}

static void function_key(struct tui_event *ev, int c)
{
	if (c == KEY_RESIZE) {
		ev->type = EV_RESIZE;
	} else if (c == KEY_MOUSE) {
		ev->type = getmouse(&ev->mouse) == OK ? EV_MOUSE : EV_NONE;
	} else {
		ev->type = EV_KEY;
		ev->key.fn = true;
		ev->key.code = (wint_t)c;
	}
}

/* Waits until the terminal has bytes, wake_ms (-1: no limit) have passed
 * or a signal has come; true for bytes (or an end of file).  Signals are
 * blocked from the look at the flag until ppoll waits, so a SIGTERM that
 * comes just before the wait ends it instead of being noticed only at the
 * next key (the loop looks at the flag between keys). */
static bool wait_input(int wake_ms)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int r = 0;
	if (!tui_signal()) {
		struct pollfd pfd = {.fd = tui_input_fd(), .events = POLLIN};
		struct timespec ts = {wake_ms / 1000, (long)(wake_ms % 1000) * 1000000L};
		r = ppoll(&pfd, 1, wake_ms >= 0 ? &ts : NULL, &old);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r > 0;
}

static void next_from_terminal(struct tui *t, struct tui_event *ev)
{
	/* (No status window when the terminal reports no size at all.) */
	WINDOW *w = t->status ? t->status : stdscr;
	for (;;) {
		/* A begun character waits a while for its rest; dropped
		 * bytes are reported with whatever else is there already.
		 * Otherwise a key curses has already (typed ahead, a
		 * resize), else the wait. */
		bool waited = false;
		wtimeout(w, feed.n_pend ? REST_MS : 0);
		errno = 0;
		int c = wgetch(w);
		if (c == ERR && !feed.n_pend && !feed.n_bad) {
			if (!wait_input(t->wake_ms)) {
				/* No key in wake_ms, or a signal: the loop
				 * looks at both. */
				ev->type = EV_NONE;
				break;
			}
			waited = true;
			wtimeout(w, 0);
			errno = 0;
			c = wgetch(w);
		}
		if (c == ERR && errno != EINTR && (feed.n_pend || feed.n_bad)) {
			/* Nothing more came.  (Had the terminal gone, the
			 * next read says so.) */
			text_feed_flush(&feed);
			ev->type = EV_NONE;
		} else if (c == ERR && waited && errno == 0) {
			/* Readable, yet nothing to read: the end of the
			 * terminal (a dropped ssh, a closed window). */
			ev->type = EV_HANGUP;
		} else if (c == ERR) {
			read_failed(ev);
		} else if (c > 0xff) {
			text_feed_flush(&feed); /* a key cuts a character short */
			function_key(ev, c);
		} else {
			uint32_t uc;
			if (!text_feed_byte(&feed, (uint8_t)c, &uc))
				continue;
			ev->type = EV_KEY;
			ev->key.fn = false;
			ev->key.code = (wint_t)uc;
		}
		break;
	}
	wtimeout(w, -1);
	take_ignored(ev);
}

void input_next(struct tui *t, struct tui_event *ev)
{
	memset(ev, 0, sizeof *ev);
	if (sc.f)
		next_scripted(ev);
	else
		next_from_terminal(t, ev);
}

bool input_pending(void)
{
	if (sc.f)
		return sc.in_keys && sc.pos < sc.len;
	struct pollfd pfd = {.fd = tui_input_fd(), .events = POLLIN};
	return pfd.fd >= 0 && poll(&pfd, 1, 0) > 0;
}

bool input_save_display(const char *path, bool attrs, bool color)
{
	bool to_stdout = strcmp(path, "-") == 0;
	FILE *f = to_stdout ? stdout : fopen(path, "w");
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
	if (to_stdout)
		return fflush(f) == 0 && !ferror(f);
	return fclose(f) == 0;
}
