/* The terminal (term.c): locale, newterm, modes, bracketed paste,
 * suspend and resume, the signals. */
#ifndef CWGVIEW_TUI_TERM_H
#define CWGVIEW_TUI_TERM_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct tui;

bool tui_ensure_utf8(struct tui *t, char *err, size_t errsize);
/* scripted: headless, for a key script (no terminal is touched). */
bool tui_open_terminal(bool scripted, char *err, size_t errsize);
void tui_close_terminal(void);
/* After tui_open_terminal, on a terminal: asks it (probe.h) how many
 * columns it gives the East Asian Ambiguous characters (*width: 1 or 2;
 * 0 when it cannot be asked or did not answer) and whether its background
 * is light (*light: 1, 0, or -1 when it did not say). */
void tui_probe(int *width, int *light);
/* The modes the browser runs in, after tui_open_terminal; true when it
 * uses colours (not with no_color or NO_COLOR). */
bool tui_start_modes(bool no_color);
/* Then, once the styles are set: the first output, paste keys, mouse. */
void tui_start_input(bool mouse);
bool tui_terminal_open(void);
/* The descriptor keys are read from. */
int tui_input_fd(void);
void tui_bracketed_paste(bool on);
void tui_catch_signals(bool on);
/* Gives the terminal to a command and takes it back (for |).  After a
 * signal that ends the browser tui_resume neither waits for Enter nor
 * takes the terminal back, and says so (false); otherwise the caller lays
 * the windows out again. */
void tui_suspend(struct tui *t);
bool tui_resume(void);
/* The caught signal not yet acted on (0: none), for spawn_run's stop: a
 * command that runs is stopped at once when one comes. */
const volatile sig_atomic_t *tui_signal_flag(void);
int tui_signal(void);
/* The terminal is gone: end as a dropped line does. */
void tui_hang_up(void);
/* ^C stops only the command that ran when it came: the browser goes on. */
void tui_forget_interrupt(void);

/* Puts base64 text on the terminal's clipboard with OSC 52 (nothing when
 * headless); false when it could not be written. */
bool tui_clipboard(const char *b64);

#endif
