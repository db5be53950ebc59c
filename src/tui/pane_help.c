/* The help pane, generated from the key table (keys.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cwgview/buf.h"
#include "cwgview/i18n.h"
#include "tui/tui.h"

static struct buf help_text = BUF_INIT;
static const char *help_lines[128];
static size_t help_n;

static const char *title(const struct pane *p, const struct tui *t,
			 char *buf, size_t size)
{
	(void)p;
	(void)t;
	snprintf(buf, size, "%s", _("Help"));
	return buf;
}

static void relayout(struct pane *p, struct tui *t)
{
	(void)t;
	if (!help_text.len) {
		keys_help(&help_text);
		/* Split in place into lines. */
		char *s = help_text.data;
		while (s && *s && help_n < sizeof help_lines / sizeof *help_lines) {
			help_lines[help_n++] = s;
			char *nl = strchr(s, '\n');
			if (!nl)
				break;
			*nl = '\0';
			s = nl + 1;
		}
	}
	p->n_lines = help_n;
	pane_clamp(p);
}

static void draw(struct pane *p, struct tui *t)
{
	(void)t;
	int rows = pane_rows(p), cols = pane_cols(p);
	for (int r = 0; r < rows && p->top + (size_t)r < help_n; r++) {
		const char *s = help_lines[p->top + (size_t)r];
		wmove(p->win, r + 1, 2);
		draw_set(p->win, r == 0 && p->top == 0 ? ST_LAY_BASE + LAY_TITLE
							: ST_NORMAL);
		draw_text(p->win, s, strlen(s), 2 + cols);
	}
	draw_set(p->win, ST_NORMAL);
}

static bool key(struct pane *p, struct tui *t, enum tui_action a, long count)
{
	(void)p;
	(void)count;
	if (a == ACT_QUIT || a == ACT_HELP) {
		t->help = false;
		return true;
	}
	return false;
}

const struct pane_ops pane_help_ops = {title, relayout, draw, key, NULL};
