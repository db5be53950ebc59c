/* p, s and |: the current topic to a printer, a file or a command.  All
 * three pass tui_gate() first (secure mode).  The document travels on a
 * command's standard input or into a file; nothing from the data is ever
 * part of a command line. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cwgview/fileio.h"
#include "cwgview/i18n.h"
#include "cwgview/pdf.h"
#include "cwgview/render.h"
#include "cwgview/spawn.h"
#include "cwgview/text.h"
#include "tui/export.h"
#include "tui/frame.h"
#include "tui/input.h"
#include "tui/prompt.h"
#include "tui/term.h"
#include "tui/tui.h"

enum { PRINT_TIMEOUT_MS = 120 * 1000, MAX_ARGS = 4 };

/* Text saved to a file or piped is laid out for an 80-column page, as
 * --print does when it is not writing to a terminal. */
enum { EXPORT_WIDTH = 80 };

static const struct doc_topic *current(const struct tui *t)
{
	return &t->doc->topics[t->topic];
}

/* What p, s and | act on, as their questions and notices name it: "topic
 * 7" (主题 7), or with topics tagged (t) "3 topics (2, 5, 7)" (3 个主题（2、5、7）).
 * The messages around it come in two contexts, "one topic" and "tagged
 * topics", because Chinese spaces a number apart and a parenthesis not. */
static const char *subject(const struct tui *t, char *buf, size_t size)
{
	if (!t->n_tagged) {
		snprintf(buf, size, _("topic %ld"), current(t)->number);
		return buf;
	}
	char list[160];
	size_t len = 0;
	list[0] = '\0';
	for (size_t i = 0; i < t->doc->n_topics && len < sizeof list; i++)
		if (t->tagged[i]) {
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%ld",
						len ? C_("between tagged topics' numbers", ", ") : "",
						t->doc->topics[i].number);
		}
	snprintf(buf, size, _("%zu topics (%s)"), t->n_tagged, list);
	return buf;
}

/* Renders the current topic, or the tagged ones in order (one job, one
 * file, one pipe); false with a notice on failure. */
static bool render(struct tui *t, enum render_format f, struct buf *out)
{
	bool *sel = calloc(t->doc->n_topics, sizeof *sel);
	if (!sel) {
		tui_notice(t, true, "%s", strerror(ENOMEM));
		return false;
	}
	if (t->n_tagged)
		memcpy(sel, t->tagged, t->doc->n_topics * sizeof *sel);
	else
		sel[t->topic] = true;
	char err[256] = "";
	bool ok;
	if (f == RENDER_PDF)
		ok = pdf_render_topics(out, t->doc, sel,
				       t->opt.paper, err, sizeof err);
	else
		ok = render_topics(out, t->doc, sel, f, EXPORT_WIDTH);
	free(sel);
	if (!ok)
		tui_notice(t, true, "%s", err[0] ? err : strerror(ENOMEM));
	return ok;
}

/* The status line's report of a command that failed (p and |). */
static void notice_failure(struct tui *t, const struct spawn_result *r,
			   const char *name)
{
	struct buf msg = BUF_INIT;
	spawn_describe(r, name, &msg);
	tui_notice(t, true, "%s", msg.data ? msg.data : name);
	buf_free(&msg);
}

/* ---- p ---- */

/* The questions and reports are in Chinese, as the issue words them; they
 * go through _() like every UI string, for a later English catalogue. */

/* What p names in its question: the printer, else the configured command,
 * else what lpr itself would use. */
static const char *printer_name(const struct tui *t)
{
	if (t->opt.printer && *t->opt.printer)
		return t->opt.printer;
	if (t->opt.print_command && *t->opt.print_command)
		return t->opt.print_command;
	const char *env = getenv("PRINTER");
	if (env && *env)
		return env;
	env = getenv("LPDEST");
	return env && *env ? env : _("the default printer");
}

/* The print command as an argv: a configured command goes to /bin/sh -c,
 * as mutt's print_command and the | key do, so the user's quoting and
 * pipes work (the command is the user's, never the data's: the PDF goes
 * on standard input); otherwise lpr, with -P for a configured printer,
 * run directly.  *name gets what a report calls the command. */
static void print_argv(const struct tui *t, const char *argv[MAX_ARGS],
		       const char **name)
{
	size_t n = 0;
	const char *cmd = t->opt.print_command;
	if (cmd && *cmd) {
		argv[n++] = "/bin/sh";
		argv[n++] = "-c";
		argv[n++] = cmd;
		*name = cmd;
	} else {
		argv[n++] = "lpr";
		if (t->opt.printer && *t->opt.printer) {
			argv[n++] = "-P";
			argv[n++] = t->opt.printer;
		}
		*name = "lpr";
	}
	argv[n] = NULL;
}

static void print_answered(struct tui *t, const char *text, bool yes)
{
	(void)text;
	if (!yes) {
		tui_notice(t, false, "%s", _("not printed"));
		return;
	}
	struct buf pdf = BUF_INIT;
	if (!render(t, RENDER_PDF, &pdf)) {
		buf_free(&pdf);
		return;
	}
	const char *argv[MAX_ARGS];
	const char *name;
	print_argv(t, argv, &name);
	struct spawn_result r;
	spawn_result_init(&r);
	bool ok = spawn_run(argv, pdf.data, pdf.len, PRINT_TIMEOUT_MS,
			    tui_signal_flag(), &r);
	if (r.stopped_by == SIGINT)
		tui_forget_interrupt(); /* ^C stopped the command only */
	if (ok) {
		char job[128], what[200];
		if (spawn_parse_job_id(r.output.data ? r.output.data : "",
				       r.output.len, job, sizeof job))
			tui_notice(t, false, t->n_tagged ? C_("tagged topics", "%s sent to %s for printing, job %s")
							 : C_("one topic", "%s sent to %s for printing, job %s"),
				   subject(t, what, sizeof what), printer_name(t), job);
		else
			tui_notice(t, false, t->n_tagged ? C_("tagged topics", "%s sent to %s for printing")
							 : C_("one topic", "%s sent to %s for printing"),
				   subject(t, what, sizeof what), printer_name(t));
	} else {
		notice_failure(t, &r, name);
	}
	spawn_result_free(&r);
	buf_free(&pdf);
}

void export_print(struct tui *t)
{
	if (!tui_gate(t, "printing"))
		return;
	const char *why = pdf_unavailable();
	if (why) {
		tui_notice(t, true, "%s", why);
		return;
	}
	char label[256], what[200];
	/* print topic 7 on office: 打印主题 7 到 office, 打印 2 个主题（2、7）到 office. */
	snprintf(label, sizeof label, t->n_tagged ? C_("tagged topics", "print %s on %s? (y/n) ")
						  : C_("one topic", "print %s on %s? (y/n) "),
		 subject(t, what, sizeof what), printer_name(t));
	struct prompt_spec spec = {label, true, -1, NULL, print_answered};
	prompt_open(t, &spec, NULL);
}

/* ---- s ---- */

static bool format_of(const char *path, enum render_format *f)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return false;
	static const struct {
		const char *ext;
		enum render_format f;
	} exts[] = {{".txt", RENDER_TEXT}, {".text", RENDER_TEXT},
		    {".md", RENDER_MARKDOWN}, {".markdown", RENDER_MARKDOWN},
		    {".json", RENDER_JSON}, {".pdf", RENDER_PDF}};
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
		if (strcasecmp(dot, exts[i].ext) == 0) {
			*f = exts[i].f;
			return true;
		}
	}
	return false;
}

static void save_now(struct tui *t)
{
	enum render_format f;
	format_of(t->save_path, &f);
	struct buf out = BUF_INIT;
	if (!render(t, f, &out)) {
		buf_free(&out);
		return;
	}
	if (!file_save(t->save_path, out.data ? out.data : "", out.len, 0)) {
		tui_notice(t, true, "%s: %s", t->save_path, strerror(errno));
	} else {
		/* The path as the user gave it: relative to where cwgview
		 * was started, as in mutt. */
		char what[200];
		tui_notice(t, false, t->n_tagged ? C_("tagged topics", "%s saved to %s")
						 : C_("one topic", "%s saved to %s"),
			   subject(t, what, sizeof what),
			   t->save_path);
	}
	buf_free(&out);
}

static void overwrite_answered(struct tui *t, const char *text, bool yes)
{
	(void)text;
	if (yes)
		save_now(t);
	else
		tui_notice(t, false, _("not saved: %s exists"), t->save_path);
}

static void save_answered(struct tui *t, const char *text, bool accepted)
{
	if (!accepted || !*text) {
		tui_notice(t, false, "%s", _("not saved"));
		return;
	}
	const char *home = getenv("HOME");
	if (text[0] == '~' && text[1] == '/' && home)
		snprintf(t->save_path, sizeof t->save_path, "%s%s", home, text + 1);
	else
		snprintf(t->save_path, sizeof t->save_path, "%s", text);
	enum render_format f;
	if (!format_of(t->save_path, &f)) {
		tui_notice(t, true, _("%s: give it the extension .txt, .md, .json or .pdf"), t->save_path);
		return;
	}
	if (f == RENDER_PDF && pdf_unavailable()) {
		tui_notice(t, true, "%s", pdf_unavailable());
		return;
	}
	struct stat st;
	if (lstat(t->save_path, &st) == 0) {
		char label[PATH_MAX + 64];
		snprintf(label, sizeof label, _("%s exists; overwrite it? (y/n) "), t->save_path);
		struct prompt_spec spec = {label, true, -1, NULL, overwrite_answered};
		prompt_open(t, &spec, NULL);
		return;
	}
	save_now(t);
}

void export_save(struct tui *t)
{
	if (!tui_gate(t, "saving"))
		return;
	char label[256], name[64], what[200];
	snprintf(label, sizeof label, t->n_tagged ? C_("tagged topics", "save %s to the file: ")
					      : C_("one topic", "save %s to the file: "),
		 subject(t, what, sizeof what));
	if (!t->n_tagged)
		snprintf(name, sizeof name, "topic-%02ld.txt", current(t)->number);
	else
		snprintf(name, sizeof name, "topics.txt");
	struct prompt_spec spec = {label, false, -1, NULL, save_answered};
	prompt_open(t, &spec, name);
}

/* ---- | ---- */

static void pipe_answered(struct tui *t, const char *cmd, bool accepted)
{
	if (!accepted || !*cmd)
		return;
	struct buf text = BUF_INIT;
	if (!render(t, RENDER_TEXT, &text)) {
		buf_free(&text);
		return;
	}
	/* The command line is the user's own, run by the shell as less and
	 * mutt do; the topic goes on its standard input only. */
	const char *argv[] = {"/bin/sh", "-c", cmd, NULL};
	struct spawn_result r;
	spawn_result_init(&r);
	bool ok;
	if (input_scripted()) {
		ok = spawn_run(argv, text.data, text.len, PRINT_TIMEOUT_MS,
			       tui_signal_flag(), &r);
	} else {
		/* The command's process group gets the terminal: ^C, ^\ and
		 * ^Z reach it, not the browser; SIGTERM and SIGHUP sent to the
		 * browser stop it and end the browser (tui_resume returns at
		 * once then). */
		tui_suspend(t);
		ok = spawn_run_terminal(argv, text.data, text.len,
					tui_input_fd(), tui_signal_flag(), &r);
	}
	if (r.stopped_by == SIGINT)
		tui_forget_interrupt(); /* ^C stopped the command only */
	if (!input_scripted() && tui_resume())
		tui_relayout(t);
	if (ok) {
		char what[200];
		tui_notice(t, false, t->n_tagged ? C_("tagged topics", "%s piped to: %s")
						 : C_("one topic", "%s piped to: %s"),
			   subject(t, what, sizeof what), cmd);
	} else {
		notice_failure(t, &r, cmd);
	}
	spawn_result_free(&r);
	buf_free(&text);
}

void export_pipe(struct tui *t)
{
	if (!tui_gate(t, "piping"))
		return;
	struct prompt_spec spec = {"|", false, HIST_PIPE, NULL, pipe_answered};
	prompt_open(t, &spec, NULL);
}

/* The item y cites by its label: the current search hit's, when it is in
 * the current input, else the one shown first of the input (the model
 * field at the inputs pane's top, or the input's first). */
static const char *shown_field(struct tui *t)
{
	const struct find *f = &t->find;
	if (f->current >= 0 && (size_t)f->current < f->res.n) {
		const struct search_hit *h = &f->res.hits[f->current];
		if (h->topic == t->topic && h->input == t->input)
			return h->field;
	}
	struct pane *p = &t->panes[PANE_INPUTS];
	size_t first, last, off;
	const char *field = NULL;
	if (!p->ops->position || !pane_inputs_lines(p, t->input, &first, &last))
		return NULL;
	size_t line = p->top > first && p->top <= last ? p->top : first;
	return p->ops->position(p, line, &field, &off) ? field : NULL;
}

void export_yank(struct tui *t, bool text)
{
	if (t->input < 0) {
		tui_notice(t, true, "%s", _("no current input: } selects one"));
		return;
	}
	if (t->opt.no_clipboard) {
		tui_notice(t, true, "%s", _("the clipboard is off (--no-clipboard)"));
		return;
	}
	const struct doc_topic *tp = &t->doc->topics[t->topic];
	const struct doc_input *in = &tp->inputs[t->input];
	struct buf s = BUF_INIT, b64 = BUF_INIT;
	if (text)
		render_input_text(&s, in);
	else
		render_citation(&s, tp, in, shown_field(t));
	text_base64(&b64, s.data ? s.data : "", s.len);
	buf_addc(&b64, '\0');
	if (s.oom || b64.oom)
		tui_notice(t, true, "%s", strerror(ENOMEM));
	else if (!tui_clipboard(b64.data))
		tui_notice(t, true, _("the terminal: %s"), strerror(errno));
	else if (text)
		tui_notice(t, false, _("copied the input's text: %zu bytes"), s.len);
	else
		tui_notice(t, false, _("copied: %.250s"), s.data);
	buf_free(&s);
	buf_free(&b64);
}
