/* The browser: a loop that owns layout, focus and key dispatch, and panes
 * behind a small table of functions (as tig's view_ops).  Panes read the
 * document and never change it. */
#ifndef CWGVIEW_TUI_H
#define CWGVIEW_TUI_H

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "cwgview/doc.h"
#include "cwgview/layout.h"
#include "cwgview/search.h"
#include "tui/curses.h"
#include "tui/keys.h"
#include "tui/run.h"

/* ---- shared between the files of src/tui/ ---- */

/* The pane table: P(name, ops, place, role), one row per pane.
 *   place  BODY: the panes that share the body, which Tab and the tab bar
 *          go through in this order; COVER: covers the body while open
 *          (the help).
 *   role   the document role whose search hits the pane shows, or -1.
 * A new pane is its file (with its pane_ops), its row here and its line
 * in Makefile.am; frame.c gives a new BODY pane its place. */
#define TUI_PANES(P)                                                          \
	P(TOPICS, pane_topics_ops, BODY, DOC_PANE_TOPICS)                    \
	P(INPUTS, pane_inputs_ops, BODY, DOC_PANE_INPUTS)                    \
	P(GUIDANCE, pane_guidance_ops, BODY, DOC_PANE_GUIDANCE)              \
	P(HELP, pane_help_ops, COVER, -1)

enum pane_id {
#define TUI_PANE_ENUM(name, ops, place, role) PANE_##name,
	TUI_PANES(TUI_PANE_ENUM)
#undef TUI_PANE_ENUM
	N_PANES
};

enum pane_place { PANE_BODY, PANE_COVER };

/* Visual styles; each maps to curses attributes (and a colour pair when
 * colours are on) in draw.c, and to a letter in attribute dumps. */
enum tui_style {
	ST_NORMAL,
	ST_TITLEBAR,
	ST_STATUS,
	ST_NOTICE,
	ST_BORDER,
	ST_BORDER_FOCUS,
	ST_PANE_TITLE,
	ST_PANE_TITLE_FOCUS,
	ST_SELECTED,       /* the selected topic, pane focused */
	ST_SELECTED_DIM,   /* the selected topic, pane not focused */
	ST_TAB,
	ST_TAB_ACTIVE,
	ST_TOPIC_NUMBER,
	ST_COUNT,          /* number of inputs in the topic list */
	ST_ERROR,          /* a failure on the status line */
	ST_HIT,            /* a search hit */
	ST_HIT_CURRENT,    /* the hit n and N are at */
	ST_LAY_BASE,       /* + enum lay_style */
	N_STYLES = ST_LAY_BASE + LAY_N_STYLES
};

struct tui;
struct pane;

/* What a handler did with an action, as htop's panels say: the loop then
 * falls back to the common scrolling (ignored), does nothing more, lays
 * the windows out again, or ends the browser. */
enum tui_result { TUI_IGNORED, TUI_HANDLED, TUI_RELAYOUT, TUI_QUIT };

struct pane_ops {
	/* The border's title. */
	const char *(*title)(const struct pane *p, const struct tui *t,
			     char *buf, size_t size);
	/* The short name for the tab bar and the status line (NULL: the
	 * title). */
	const char *(*label)(const struct pane *p, const struct tui *t,
			     char *buf, size_t size);
	/* The pane's own state, p->priv: priv_size bytes, zeroed, then
	 * init (may be NULL); free releases what init and the pane took. */
	size_t priv_size;
	void (*init)(struct pane *p);
	void (*free)(struct pane *p);
	/* True for a pane that shows the selected topic: it goes back to
	 * its top when another topic is selected. */
	bool follows_topic;
	/* Rebuilds the content for the pane's width and the selected topic
	 * (called when either may have changed). */
	void (*reflow)(struct pane *p, struct tui *t);
	/* Draws content rows 0 .. rows-1 of the pane's window. */
	void (*draw)(struct pane *p, struct tui *t);
	/* Pane-specific handling of an action; TUI_IGNORED to fall back
	 * to the common scrolling. */
	enum tui_result (*key)(struct pane *p, struct tui *t,
			       enum tui_action a, long count);
	/* A click on content row `row`. */
	void (*click)(struct pane *p, struct tui *t, int row);
	/* The content line showing byte off of the model string field, or
	 * -1 (a search hit, the place kept across a reflow). */
	long (*locate)(const struct pane *p, const char *field, size_t off);
	/* The first model byte shown on line `line` or below: its field and
	 * offset; false when there is none. */
	bool (*position)(const struct pane *p, size_t line, const char **field,
			 size_t *off);
};

struct pane {
	enum pane_id id;
	const struct pane_ops *ops;
	enum pane_place place;
	int role;         /* enum doc_pane, or -1 */
	void *priv;       /* ops->priv_size bytes */
	WINDOW *win;
	int y, x, h, w;   /* outer geometry, border included */
	bool shown;
	size_t top;       /* first content line shown */
	size_t n_lines;   /* content lines */
};

/* ---- the prompt (prompt.c) ---- */

enum { PROMPT_MAX = 512, PROMPT_HISTORY_MAX = 200 };

enum history_kind { HIST_SEARCH, HIST_PIPE, N_HISTORIES };

struct prompt_spec {
	const char *label;
	bool yes_no;   /* a single y or n answers */
	int history;   /* enum history_kind, or -1 */
	void (*changed)(struct tui *t, const char *text);
	/* Enter (accepted) or Esc/^G (not); the prompt is closed first. */
	void (*done)(struct tui *t, const char *text, bool accepted);
};

struct prompt {
	bool active;
	struct prompt_spec spec;
	char label[256];
	uint32_t text[PROMPT_MAX];
	size_t len, cursor;
	size_t hist_pos;        /* (size_t)-1 when not browsing history */
	char hist_prefix[PROMPT_MAX * 4 + 1];
	bool pasting;
	char utf8[PROMPT_MAX * 4 + 1];
	char info[160];  /* right-aligned: "3/12", "no match" */
	bool info_error;
	/* info is a note (prompt_note) that the next key takes away, giving
	 * back what info said before it */
	bool noted;
	char info_before[160];
	bool info_error_before;
};

/* ---- search (find.c) ---- */

struct find_pos {
	size_t topic, seq, off; /* seq: place in doc_topic_fields() order */
};

struct find_runs;

struct find {
	/* Built by a second thread from the start (find_index_start); the
	 * first search takes it over, waiting for what is left to do. */
	struct search_index *ix;
	pthread_t builder;
	bool building;
	bool warned;     /* about traditional folding being off */
	struct search_result res;
	/* res was abandoned for a key (res.cancelled) or waits for the
	 * index: find_resume runs it again once no key is waiting. */
	bool stale;
	unsigned long gen; /* counts changes of res, for runs */
	struct find_runs *runs; /* the text panes' topic's runs of hits */
	char query[PROMPT_MAX * 4 + 1];
	char prev[PROMPT_MAX * 4 + 1]; /* the last accepted query */
	unsigned flags;
	bool backward;   /* the search was ? */
	bool highlight;  /* u toggles */
	long current, prev_current;
	struct {
		size_t topic;
		enum pane_id focus;
		bool maximised;
		size_t top[N_PANES];
		struct find_pos pos;
	} origin;        /* where the search began, for Esc */
};

/* The hits hits[first, first+n) of a topic's hits are those of field. */
struct find_run {
	const char *field;
	size_t first, n;
};

/* The hits of one topic, for drawing; with runs (sorted by field
 * pointer) when find.c has them, so that a piece of text finds its hits
 * in two binary searches. */
struct find_hl {
	const struct search_hit *hits;
	size_t n;
	const struct search_hit *current;
	const struct find_run *runs; /* NULL: draw.c walks the hits' runs */
	size_t n_runs;
};

struct tui {
	const struct doc *doc;
	struct tui_options opt;
	size_t topic;        /* index of the selected topic */
	enum pane_id focus;  /* PANE_TOPICS … PANE_GUIDANCE */
	bool help;           /* the help pane covers the body */
	bool maximised;
	bool narrow;         /* one pane at a time, with a tab bar */
	bool too_small;
	int rows, cols;
	bool color;
	bool quit;
	long count;          /* pending count, -1 when none */
	char notice[300];    /* shown on the status line until the next key */
	bool notice_error;   /* the notice reports a failure */
	struct prompt prompt;
	struct find find;
	char locale_note[120];
	struct pane panes[N_PANES];
	WINDOW *titlebar, *tabbar, *status;
};

void prompt_open(struct tui *t, const struct prompt_spec *spec,
		 const char *initial);
void prompt_key(struct tui *t, struct tui_key k);
/* Shows msg in the prompt's corner until the next key. */
void prompt_note(struct tui *t, const char *msg);
void prompt_draw(struct tui *t);
const char *prompt_text(struct tui *t);
void history_add(enum history_kind h, const char *s);
size_t history_count(enum history_kind h);
const char *history_item(enum history_kind h, size_t i);
void history_clear(void);

/* frame.c: the windows' places, the topic shown, the status notice */
enum {
	MIN_COLS = 20, /* below these, a notice instead of a frame */
	MIN_ROWS = 7,
	WIDE_COLS = 80, /* from here, panes side by side */
};
void tui_notice(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The one gate for everything that starts a process or writes a file:
 * false (with a notice) in secure mode. */
bool tui_gate(struct tui *t, const char *what);
void tui_select_topic(struct tui *t, size_t i);
/* Lays the windows out again for the terminal's size, focus and mode. */
void tui_relayout(struct tui *t);
void tui_free_windows(struct tui *t);

/* term.c: the terminal and the signals */
bool tui_ensure_utf8(struct tui *t, char *err, size_t errsize);
/* scripted: headless, for a key script (no terminal is touched). */
bool tui_open_terminal(bool scripted, char *err, size_t errsize);
void tui_close_terminal(void);
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

/* find.c: / ? n N u */
void find_start(struct tui *t, bool backward);
void find_next(struct tui *t, bool reverse);
void find_toggle(struct tui *t);
/* "/query k/N" for the status line; *none when nothing matched. */
bool find_status(const struct tui *t, char *buf, size_t size, bool *none);
bool find_highlights(struct tui *t, size_t topic, struct find_hl *hl);
/* Runs the prompt's search again if a key abandoned it and none is
 * waiting now (the loop calls it before reading each event); true when
 * it did. */
bool find_resume(struct tui *t);
void find_history_load(struct tui *t);
/* Starts building the search index in the background. */
void find_index_start(struct tui *t);
void find_free(struct tui *t);

/* actions.c: does a (with a count, or -1) as its handler in keys.h's
 * table says, the help pane taking every action while it is shown. */
void action_do(struct tui *t, enum tui_action a, long count);

/* export.c: p, s and | */
void export_print(struct tui *t);
void export_save(struct tui *t);
void export_pipe(struct tui *t);

extern const struct pane_ops pane_topics_ops, pane_inputs_ops,
	pane_guidance_ops, pane_help_ops;

/* pane.c: the content area of a pane, inside the border, with one column
 * of padding; what every pane and the loop use. */
int pane_rows(const struct pane *p);
int pane_cols(const struct pane *p);
void pane_clamp(struct pane *p);
/* The common scrolling: j k Space b ^D ^U g G move p->top. */
void pane_scroll(struct pane *p, enum tui_action a, long count);
/* The label a pane goes by on the tab bar and the status line. */
const char *pane_label(const struct pane *p, const struct tui *t, char *buf,
		       size_t size);
/* The BODY pane after (dir 1) or before (-1) pane i, around the end. */
enum pane_id pane_step(const struct tui *t, enum pane_id i, int dir);

/* draw.c */
void draw_init_styles(bool color);
attr_t draw_attr(enum tui_style st, short *pair);
void draw_set(WINDOW *w, enum tui_style st);
/* Draws s[0..n) at the cursor, control characters made visible, never past
 * column `limit` of the window and never splitting a wide character.
 * Returns the columns used. */
int draw_text(WINDOW *w, const char *s, size_t n, int limit);
/* As draw_text, with an ellipsis in the last column when s is cut. */
int draw_text_cut(WINDOW *w, const char *s, size_t n, int limit);
/* Draws s[0..n), which lies inside the model string field, in style base
 * with the search hits of hl (may be NULL) marked; as draw_text. */
int draw_field(WINDOW *w, const char *s, size_t n, const char *field,
	       enum tui_style base, int limit, const struct find_hl *hl);
/* Draws line i of a layout at row y, starting at column x, clipped to
 * `width` columns, hits of hl (may be NULL) marked. */
void draw_layout_line(WINDOW *w, const struct layout *L, size_t i, int y,
		      int x, int width, const struct find_hl *hl);
void draw_frame(struct pane *p, const char *title, bool focused);
/* The letter for a cell in an attribute dump. */
char draw_style_letter(attr_t attrs, short pair);

/* input.c: keys from the terminal, or from a script when headless. */
struct tui_event {
	/* EV_NONE: nothing to act on (a signal came, or only bytes that
	 * were ignored) */
	enum { EV_NONE, EV_KEY, EV_MOUSE, EV_RESIZE, EV_SAVE_DISPLAY,
	       EV_SAVE_ATTRS, EV_END, EV_ERROR, EV_HANGUP } type;
	struct tui_key key;
	MEVENT mouse;
	int cols, rows;   /* EV_RESIZE from a script */
	char arg[512];    /* file for EV_SAVE_*, message for EV_ERROR */
	/* With any event: bytes from the terminal that are not UTF-8 came
	 * before it and were dropped (n_ignored of them, the first ones in
	 * ignored); input_ignored_text says so. */
	size_t n_ignored;
	unsigned char ignored[8];
};
bool input_open_script(const char *path, char *err, size_t errsize);
void input_close(void);
bool input_scripted(void);
void input_next(struct tui *t, struct tui_event *ev);
/* What to tell the user about ev's ignored bytes: brief for the corner of
 * the prompt, else with the bytes in hex. */
void input_ignored_text(const struct tui_event *ev, bool brief, char *buf,
			size_t size);
/* True when input is waiting to be read (the terminal has bytes, or has
 * gone; a script has keys left on its current line, typed ahead). */
bool input_pending(void);
/* Writes the screen as text (or its style letters) to path. */
bool input_save_display(const char *path, bool attrs, bool color);

#endif
