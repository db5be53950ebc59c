/* The browser's state, shared by the files of src/tui/: struct tui.  Each
 * concern has its own header (pane.h, prompt.h, find.h, draw.h, frame.h,
 * term.h, input.h, actions.h, export.h); see docs/architecture.md. */
#ifndef CWGVIEW_TUI_H
#define CWGVIEW_TUI_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "cwgview/doc.h"
#include "tui/curses.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/jump.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/run.h"

/* The topics list's widths, measured topic by topic (tui_topics_measure):
 * the widest row's number, count and title, and the widest number. */
struct topics_measure {
	const struct doc *doc; /* measured for */
	size_t n;              /* topics measured */
	int want, num_w;
};

struct tui {
	const struct doc *doc;  /* what is shown: the document, or a view (&) */
	const struct doc *full; /* the document as opened */
	const struct doc *base; /* full, or the sources chosen with F */
	char sources_note[256]; /* F's sources, for the status line */
	char limit[256];        /* &'s pattern while it limits the view, or "" */
	struct tui_options opt;
	size_t topic;        /* index of the selected topic */
	long input;          /* the current input row of it, -1 for none */
	bool *tagged;        /* per topic: t tagged it (p s | act on those) */
	size_t n_tagged;
	enum pane_id focus;  /* PANE_TOPICS … PANE_GUIDANCE */
	int cover;           /* the COVER pane over the body (the help, a
				list), or -1 */
	bool maximised;
	bool narrow;         /* one pane at a time, with a tab bar */
	bool too_small;
	int rows, cols;
	bool color;
	bool quit;
	/* How long a read of the keyboard waits before the loop looks at
	 * work in the background again (a search waiting for the index);
	 * -1: until a key comes. */
	int wake_ms;
	/* While the document loads (tui_run_file): the loader, and how far
	 * it is.  A load that fails ends the browser with the loader's
	 * message. */
	struct loading *load;
	bool loading, load_failed;
	unsigned load_pct;
	struct topics_measure measure;
	long count;          /* pending count, -1 when none */
	char notice[300];    /* shown on the status line until the next key */
	bool notice_error;   /* the notice reports a failure */
	struct prompt prompt;
	struct find find;
	struct jumps jumps;
	/* Where you were in the topics left last (frame.c). */
	struct place memory[PLACES_REMEMBERED];
	unsigned memory_next;
	char locale_note[300];
	struct pane panes[N_PANES];
	WINDOW *titlebar, *tabbar, *status;
	/* s: the file named, kept while "overwrite? (y/n)" is asked */
	char save_path[PATH_MAX];
};

#endif
