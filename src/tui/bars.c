/* The fixed lines: the title bar, the tab bar of a narrow terminal and
 * the status line (the position, the search, notices, key hints, or the
 * prompt while one is open). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cwgview/buf.h"
#include "cwgview/i18n.h"
#include "cwgview/text.h"
#include "tui/bars.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/frame.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/tui.h"

static void fill_line(WINDOW *w, enum tui_style st)
{
	draw_set(w, st);
	wmove(w, 0, 0);
	for (int x = 0; x < getmaxx(w); x++)
		waddch(w, ' ');
	wmove(w, 0, 0);
}

void bars_draw_title(struct tui *t)
{
	WINDOW *w = t->titlebar;
	fill_line(w, ST_TITLEBAR);
	const char *right = " cwgview ";
	int rw = (int)strlen(right);
	wmove(w, 0, 1);
	draw_text_cut(w, t->doc->title, strlen(t->doc->title),
		      t->cols > rw + 10 ? t->cols - rw : t->cols);
	if (t->cols > rw + 10)
		mvwaddstr(w, 0, t->cols - rw, right);
	wnoutrefresh(w);
}

void bars_draw_tabs(struct tui *t)
{
	WINDOW *w = t->tabbar;
	fill_line(w, ST_NORMAL);
	wmove(w, 0, 0);
	for (int i = 0; i < N_PANES; i++) {
		if (t->panes[i].place != PANE_BODY)
			continue;
		char buf[256];
		const char *label = pane_label(&t->panes[i], t, buf, sizeof buf);
		bool on = t->focus == (enum pane_id)i;
		draw_set(w, on ? ST_TAB_ACTIVE : ST_TAB);
		draw_text(w, on ? "[" : " ", 1, t->cols);
		draw_text(w, label, strlen(label), t->cols - 1);
		draw_text(w, on ? "]" : " ", 1, t->cols);
		draw_set(w, ST_NORMAL);
		draw_text(w, " ", 1, t->cols);
	}
	wnoutrefresh(w);
}

/* The current input as the status line names it: "kind · contributor
 * or report · document numbers · ", a row of several reports named by
 * its first and how many more (麦肯锡文化与技能报告 +3). */
static void input_name(const struct tui *t, char *buf, size_t size)
{
	const struct doc_input *in = &t->doc->topics[t->topic].inputs[t->input];
	struct buf b = BUF_INIT;
	text_sanitize(&b, in->kind, strlen(in->kind));
	size_t named = 0;
	for (size_t k = 0; k < in->n_blocks; k++) {
		const char *h = in->blocks[k].heading;
		if (h && !named++) {
			buf_adds(&b, " · ");
			text_sanitize(&b, h, strlen(h));
		}
	}
	if (named > 1)
		buf_printf(&b, " +%zu", named - 1);
	for (size_t k = 0; k < in->n_documents; k++) {
		buf_adds(&b, k ? ", " : " · ");
		text_sanitize(&b, in->documents[k], strlen(in->documents[k]));
	}
	buf_adds(&b, " · ");
	snprintf(buf, size, "%s", b.data && !b.oom ? b.data : "");
	buf_free(&b);
}

/* "topic 3/10 · 输入 lines 1-11 of 25 44%", or "3/10 输入 1-11/25 44%"
 * when the long form is wider than room (and than the line), with a
 * pending count after it. */
static void position_text(const struct tui *t, char *left, size_t size, int room)
{
	const struct pane *p = &t->panes[t->cover >= 0 ? t->cover : (int)t->focus];
	char pname[256];
	const char *name = pane_label(p, t, pname, sizeof pname);
	size_t rows = (size_t)pane_rows(p);
	size_t a = p->n_lines ? p->top + 1 : 0;
	size_t b = p->top + rows < p->n_lines ? p->top + rows : p->n_lines;
	unsigned pct = p->n_lines ? (unsigned)(b * 100 / p->n_lines) : 100;
	/* A --source filter is named first: what the topics and counts
	 * are of; in the inputs pane, the current input. */
	char src[300] = "", src_short[300] = "";
	if (t->opt.sources) {
		snprintf(src, sizeof src, _("source %s · "), t->opt.sources);
		snprintf(src_short, sizeof src_short, "[%s] ", t->opt.sources);
	}
	if (t->limit[0]) { /* & in force */
		size_t n = strlen(src), m = strlen(src_short);
		snprintf(src + n, sizeof src - n, _("&%.100s · "), t->limit);
		snprintf(src_short + m, sizeof src_short - m, "&%.100s ", t->limit);
	}
	if (t->loading) { /* how far the load is, first: it moves */
		size_t n = strlen(src), m = strlen(src_short);
		snprintf(src + n, sizeof src - n, _("loading %u%% · "), t->load_pct);
		snprintf(src_short + m, sizeof src_short - m, "%u%%… ", t->load_pct);
	}
	if (t->n_tagged) {
		size_t n = strlen(src), m = strlen(src_short);
		snprintf(src + n, sizeof src - n, _("%zu tagged · "), t->n_tagged);
		snprintf(src_short + m, sizeof src_short - m, "*%zu ", t->n_tagged);
	}
	char in[300] = "";
	if (t->cover < 0 && t->focus == PANE_INPUTS && t->input >= 0)
		input_name(t, in, sizeof in);
	int n = snprintf(left, size, _("%s%stopic %zu/%zu · %s lines %zu-%zu of %zu %u%%"),
			 src, in, t->topic + 1, t->doc->n_topics, name, a, b, p->n_lines, pct);
	int w = n > 0 ? text_width(left, strlen(left)) : 0;
	int fit = room < t->cols - 2 ? room : t->cols - 2;
	/* The short form, with the current input while it fits, else
	 * without: the position matters more than the name. */
	for (int with = 1; w > fit && with >= 0; with--) {
		char shorter[1000];
		int k = snprintf(shorter, sizeof shorter, "%s%s%zu/%zu %s %zu-%zu/%zu %u%%",
				 src_short, with ? in : "", t->topic + 1, t->doc->n_topics,
				 name, a, b, p->n_lines, pct);
		int sw = k > 0 ? text_width(shorter, strlen(shorter)) : 0;
		/* Short only when that lets the hints stay, or must. */
		if (sw <= fit || (!with && w > t->cols - 2)) {
			n = snprintf(left, size, "%s", shorter);
			w = sw;
		}
	}
	if (t->count >= 0 && n > 0 && (size_t)n < size)
		snprintf(left + n, size - (size_t)n, "  [%ld]", t->count);
}

void bars_draw_status(struct tui *t)
{
	WINDOW *w = t->status;
	if (!w)
		return;
	if (t->prompt.active) {
		curs_set(1);
		prompt_draw(t);
		return;
	}
	curs_set(0);
	fill_line(w, ST_STATUS);
	char left[400];
	if (t->too_small) {
		snprintf(left, sizeof left, _("terminal too small (%dx%d; need %dx%d) - q quits"),
			 t->cols, t->rows, MIN_COLS, MIN_ROWS);
		wmove(w, 0, 0);
		draw_text(w, left, strlen(left), t->cols);
		wnoutrefresh(w);
		return;
	}
	char found[200];
	bool none = false, searching = t->cover < 0 && find_status(t, found, sizeof found, &none);
	const char *hints = t->cover == PANE_HELP ? _("q close help")
			    : t->cover >= 0     ? _("Enter go  q close")
						: _("Tab pane  h help  q quit");
	/* During a search, the position in its long form when it fits
	 * beside the search and the hints, else in its short form, so that
	 * the hints stay. */
	const char *msg = t->notice[0] ? t->notice : t->locale_note[0] ? t->locale_note : NULL;
	position_text(t, left, sizeof left,
		      searching && !msg ? t->cols - 4 - text_width(found, strlen(found)) - 3 -
						  text_width(hints, strlen(hints))
					: t->cols);
	wmove(w, 0, 1);
	if (msg) {
		/* A message comes first and gets the room it needs; the
		 * position follows if it fits. */
		draw_set(w, t->notice[0] && t->notice_error ? ST_ERROR : ST_NOTICE);
		int used = 1 + draw_text(w, msg, strlen(msg), t->cols);
		draw_set(w, ST_STATUS);
		int lw = text_width(left, strlen(left));
		if (t->cols - lw - 1 > used + 2) {
			wmove(w, 0, t->cols - lw - 1);
			draw_text(w, left, strlen(left), t->cols);
		}
		wnoutrefresh(w);
		return;
	}
	int used = 1;
	if (searching) {
		/* The search first, "no match" in its own colour. */
		draw_set(w, none ? ST_ERROR : ST_STATUS);
		used += draw_text(w, found, strlen(found), t->cols);
		draw_set(w, ST_STATUS);
		used += draw_text(w, " · ", strlen(" · "), t->cols);
	}
	used += draw_text(w, left, strlen(left), t->cols);
	int hw = text_width(hints, strlen(hints));
	if (t->cols - hw - 1 > used + 2) {
		wmove(w, 0, t->cols - hw - 1);
		draw_text(w, hints, strlen(hints), t->cols);
	}
	wnoutrefresh(w);
}

