/* The terminal and the signals: opening and restoring the terminal, the
 * locale it needs, giving it to a command and taking it back, and the
 * caught signal the loop acts on.  It calls nothing else of the browser,
 * so every other file may call it. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/probe.h"
#include "tui/prompt.h"
#include "tui/term.h"
#include "tui/tui.h"

static volatile sig_atomic_t got_signal;


static void on_signal(int sig)
{
	got_signal = sig;
}

const volatile sig_atomic_t *tui_signal_flag(void)
{
	return &got_signal;
}

void tui_forget_interrupt(void)
{
	/* Signals blocked, so that a SIGTERM that comes meanwhile is kept. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	if (got_signal == SIGINT)
		got_signal = 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* A signal ignored when cwgview started (nohup, a shell's background job)
 * stays ignored, as a shell's own children expect.  The others are caught
 * while the browser runs, and afterwards set to the default action, not
 * to the handler ncurses put there, which would _exit(1) instead of
 * letting cwgview die of the signal. */
void tui_catch_signals(bool on)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	static bool ignored[sizeof sigs / sizeof *sigs];
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction sa;
		if (on) {
			sigaction(sigs[i], NULL, &sa);
			ignored[i] = sa.sa_handler == SIG_IGN;
		}
		if (ignored[i])
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on ? on_signal : SIG_DFL;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = 0; /* no SA_RESTART: it must interrupt get_wch */
		sigaction(sigs[i], &sa, NULL);
	}
}

int tui_signal(void)
{
	return got_signal;
}

void tui_hang_up(void)
{
	got_signal = SIGHUP;
}

/* ncursesw can only draw Chinese in a UTF-8 locale.  Over SSH LANG is often
 * not forwarded and the locale is POSIX, so switch LC_CTYPE to a UTF-8
 * locale that exists and say so. */
bool tui_ensure_utf8(struct tui *t, char *err, size_t errsize)
{
	const char *cs = nl_langinfo(CODESET);
	if (strcmp(cs, "UTF-8") == 0)
		return true;
	static const char *const candidates[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8",
						 "zh_CN.UTF-8"};
	char was[64];
	const char *cur = setlocale(LC_CTYPE, NULL);
	snprintf(was, sizeof was, "%s", cur ? cur : "C");
	for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
		if (setlocale(LC_CTYPE, candidates[i]) &&
		    strcmp(nl_langinfo(CODESET), "UTF-8") == 0) {
			snprintf(t->locale_note, sizeof t->locale_note,
				 _("locale %s is not UTF-8; using %s"),
				 was, candidates[i]);
			return true;
		}
	}
	snprintf(err, errsize,
		 _("no UTF-8 locale is available (the locale is %s); "
		   "install the Debian package locales, or use --print"),
		 was);
	return false;
}

static SCREEN *screen;
static FILE *term_out, *term_in;
/* Headless (a key script): no terminal, nothing written to one. */
static bool headless;
/* Bracketed paste: the terminal marks pasted text, so a pasted line break
 * does not end a prompt.  Only for terminals known to understand it. */
static bool paste_mode;

int tui_input_fd(void)
{
	return term_in ? fileno(term_in) : -1;
}

bool tui_open_terminal(bool scripted, char *err, size_t errsize)
{
	headless = scripted;
	const char *term = getenv("TERM");
	if (!term || !*term) {
		snprintf(err, errsize, _("TERM is not set; set it to your "
					 "terminal's type, or use --print"));
		return false;
	}
	if (headless) {
		term_out = fopen("/dev/null", "w");
		term_in = fopen("/dev/null", "r");
	} else {
		term_out = stdout;
		term_in = stdin;
		if (!isatty(STDIN_FILENO)) {
			/* The document came on standard input (cwgview -), as
			 * with less: keys come from the terminal itself. */
			term_in = fopen("/dev/tty", "r");
			if (!term_in) {
				snprintf(err, errsize, _("/dev/tty: %s (keys need a terminal)"),
					 strerror(errno));
				return false;
			}
		}
	}
	if (!term_out || !term_in) {
		snprintf(err, errsize, "/dev/null: %s", strerror(errno));
		return false;
	}
	screen = newterm(term, term_out, term_in);
	if (!screen) {
		snprintf(err, errsize,
			 _("unknown terminal type '%s'; use --print"), term);
		return false;
	}
	set_term(screen);
	/* A terminal that cannot address the cursor (dumb, a printer) cannot
	 * show panes; newterm accepts it, so ask terminfo. */
	const char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		snprintf(err, errsize,
			 _("TERM=%s cannot run the browser; use --print"), term);
		return false;
	}
	paste_mode = strncmp(term, "xterm", 5) == 0 || strncmp(term, "screen", 6) == 0 ||
		     strncmp(term, "tmux", 4) == 0 || strncmp(term, "rxvt", 4) == 0 ||
		     strncmp(term, "foot", 4) == 0 || strncmp(term, "alacritty", 9) == 0;
	return true;
}

void tui_probe(int *width, int *light)
{
	*width = 0;
	*light = -1;
	if (headless || !screen)
		return;
	/* Only where terminfo knows how to ask, and an alternate screen to
	 * ask on (the Linux console has neither, nor a wide mode). */
	const char *enter = tigetstr("smcup"), *ask = tigetstr("u7");
	if (!enter || enter == (char *)-1 || !ask || ask == (char *)-1 ||
	    strstr(enter, "$<") || strstr(ask, "$<"))
		return;
	unsigned char typed[256];
	size_t n = sizeof typed;
	struct probe_answer a;
	fflush(term_out);
	probe_terminal(fileno(term_in), fileno(term_out), enter, ask,
		       PROBE_TIMEOUT_MS, &a, typed, &n);
	/* What was typed meanwhile is read first, in order. */
	for (size_t i = n; i-- > 0;)
		ungetch(typed[i]);
	*width = a.width;
	*light = a.light;
}

void tui_close_terminal(void)
{
	if (screen) {
		endwin();
		delscreen(screen);
		screen = NULL;
		/* Before any message: what curses queued must reach the
		 * terminal first, or it lands on top of the message. */
		fflush(term_out);
	}
	if (term_out && term_out != stdout)
		fclose(term_out);
	if (term_in && term_in != stdin)
		fclose(term_in);
	term_out = term_in = NULL;
}


bool tui_terminal_open(void)
{
	return screen != NULL;
}

void tui_bracketed_paste(bool on)
{
	if (!paste_mode || headless)
		return;
	fputs(on ? "\033[?2004h" : "\033[?2004l", term_out);
	fflush(term_out);
}

bool tui_clipboard(const char *b64)
{
	/* OSC 52 "c": the clipboard, over ssh and through tmux with
	 * set-clipboard; a terminal that does not know it ignores it. */
	if (headless)
		return true; /* a key script has no terminal to tell */
	fprintf(term_out, "\033]52;c;%s\a", b64);
	return fflush(term_out) == 0;
}

void tui_suspend(struct tui *t)
{
	(void)t;
	tui_bracketed_paste(false);
	def_prog_mode();
	endwin();
	fflush(stdout);
}

/* Reads the terminal up to Enter, or until a caught signal comes (the
 * loop then acts on it) or the terminal is gone.  Signals are blocked
 * except inside ppoll, so one that comes just before the wait still ends
 * it; read(2), not stdio, so that nothing typed after Enter is taken
 * from curses. */
static void wait_for_enter(void)
{
	int fd = tui_input_fd();
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	while (!got_signal) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int k = ppoll(&pfd, 1, NULL, &old);
		if (k < 0 && errno == EINTR)
			continue;
		char c;
		ssize_t n = k > 0 ? read(fd, &c, 1) : -1;
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue; /* (left non-blocking by the command) */
		if (n <= 0 || c == '\n' || c == '\r')
			break;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

bool tui_resume(void)
{
	if (got_signal)
		return false;
	/* Let the user read what the command printed, as less does. */
	fputs(_("\n[press Enter to return to cwgview]"), stdout);
	fflush(stdout);
	wait_for_enter();
	if (got_signal)
		return false;
	reset_prog_mode();
	clearok(curscr, TRUE);
	tui_bracketed_paste(true);
	return true;
}

bool tui_start_modes(bool no_color)
{
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(25);
	const char *env = getenv("NO_COLOR");
	bool color = has_colors() && !no_color && !(env && *env);
	if (color) {
		start_color();
		use_default_colors();
	}
	return color;
}

void tui_start_input(bool mouse)
{
	/* ncursesw 6.4 writes its buffer out after every cursor movement for
	 * as long as the screen has not once come back from endwin (it takes
	 * the program for a terminfo-only one), so a keystroke went out as
	 * some twenty small writes: twenty packets over ssh, and a screen
	 * torn between them.  One endwin before anything is drawn ends that
	 * state: the first frame's doupdate comes back from it, and from
	 * then on doupdate writes a keystroke's whole update at once
	 * (tests/cli/tmux.sh counts the writes).  Not a doupdate of the
	 * blank screen here, which cost a sixth of the first frame. */
	def_prog_mode();
	endwin();
	define_key("\033[200~", KEY_PASTE_START);
	define_key("\033[201~", KEY_PASTE_END);
	tui_bracketed_paste(true);
	if (mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
				  BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
}
