/* cwgview: options, then the browser or a one-shot command. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cwgview/buf.h"
#include "cwgview/doc.h"
#include "cwgview/fileio.h"
#include "cwgview/i18n.h"
#include "cwgview/load.h"
#include "cwgview/pdf.h"
#include "cwgview/render.h"
#include "cwgview/msg.h"
#include "cwgview/search.h"
#include "settings.h"
#include "cwgview/search_file.h"
#include "cwgview/text.h"
#include "tui/keys.h"
#include "tui/run.h"

static void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void usage_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap); /* xgettext: --keyword=usage_error */
	va_end(ap);
	msg_error(_("%s (see cwgview --help)"), msg);
}

/* --help: what it reads and prints, */
static void print_help_modes(void)
{
	printf(_("Usage: cwgview [OPTION]... [+N | +/PATTERN] [FILE]\n"
		 "Browse, print and check the CWG-SFP summary table "
		 "\"输入 / CWG-SFP指导意见\".\n"
		 "With no FILE, use the bundled document; FILE - reads "
		 "standard input.\n"
		 "\n"
		 "  -p, --print=TOPICS   print topics and exit: N, N-M, a "
		 "comma list, or all;\n"
		 "                       overview: which sources have inputs "
		 "in which topics\n"
		 "  -f, --format=FMT     with --print or --xref: text (default), "
		 "markdown, json, pdf\n"
		 "      --paper=SIZE     PDF paper, for --format pdf and the "
		 "browser's p:\n"
		 "                       a4 (default) or letter\n"
		 "  -w, --width=N        wrap text to N columns (default: "
		 "the terminal's\n"
		 "                       width, else 80)\n"
		 "  -o, --output=FILE    with --print or --xref: write to FILE "
		 "(atomically) instead of\n"
		 "                       standard output (a PDF only when "
		 "that is not a\n"
		 "                       terminal)\n"
		 "  -s, --search=PATTERN print the hits of PATTERN (the first "
		 "million) and\n"
		 "                       exit; full-width and upper/lower-case "
		 "forms, all\n"
		 "                       dashes and (with OpenCC) traditional "
		 "characters\n"
		 "                       match alike; an upper-case letter in "
		 "PATTERN makes\n"
		 "                       case matter\n"
		 "      --source=NAME    only the inputs from NAME, a kind or "
		 "a contributor\n"
		 "                       (俄联邦, 在线磋商, 麦肯锡); repeatable; for "
		 "--print,\n"
		 "                       --search, --xref and the browser\n"
		 "      --xref=NUMBER    print every input that cites the "
		 "document NUMBER\n"
		 "                       (CWG-SFP-1/8), whole, under its "
		 "topic; with --format\n"
		 "                       and -o as --print\n"
		 "  -c, --count          with --search: print the number of "
		 "hits only\n"
		 "      --regex          with --search: PATTERN is a POSIX "
		 "extended regular\n"
		 "                       expression (no back-references)\n"
		 "  -l, --list           list the topics: number, title, "
		 "number of inputs\n"
		 "      --check          load and validate FILE, print a "
		 "one-line summary\n"));
}

/* and how the browser looks and behaves. */
static void print_help_browser(void)
{
	printf(_("      --no-color       browse without colours (so does "
		 "NO_COLOR=1)\n"
		 "      --theme=auto|dark|light|none  colours for a dark or a "
		 "light background;\n"
		 "                       auto (the default) asks the "
		 "terminal (else COLORFGBG)\n"
		 "                       and, when it does not say, uses "
		 "what reads on both\n"
		 "      --no-mouse       browse without the mouse, so the "
		 "terminal can select text\n"
		 "      --no-clipboard   y and Y do not copy to the terminal's "
		 "clipboard (OSC 52)\n"
		 "      --topic=N, +N    open the browser at topic N\n"
		 "      --beside=COLS    from COLS columns (default 160; 0: "
		 "never) the browser\n"
		 "                       shows the guidance beside the inputs\n"
		 "      --ambiguous-width=1|2|auto  the columns the terminal "
		 "gives – • “ ” … · §\n"
		 "                       and the box lines: 2 in terminals "
		 "set for CJK (PuTTY,\n"
		 "                       xterm -cjk_width); auto (the "
		 "default) asks the\n"
		 "                       terminal; --print is laid out for 1 "
		 "unless told 2\n"
		 "      +/PATTERN        open the browser at the first hit "
		 "of PATTERN\n"
		 "      --printer=NAME   the browser's p prints to NAME "
		 "(lpr -P NAME)\n"
		 "      --print-command=CMD  p runs /bin/sh -c CMD with the "
		 "PDF\n"
		 "                       on its standard input; default lpr\n"
		 "      --secure         no printing, saving, piping or "
		 "history; no -o, no PDF\n"
		 "      --config=FILE    read the settings from FILE instead "
		 "of\n"
		 "                       ~/.config/cwgview/config "
		 "($XDG_CONFIG_HOME/cwgview/config)\n"
		 "      --no-config      read no config file\n"
		 "  -h, --help           show this help and exit\n"
		 "  -V, --version        show the version and exit\n"
		 "\n"
		 "Exit status: 0 ok, 1 --search found nothing, 2 usage "
		 "error or bad or\n"
		 "unreadable FILE.\n"
		 "Errors are one line: cwgview: FILE:LINE:COLUMN: "
		 "message.\n"
		 "The file format is described in cwgview(1) and "
		 "docs/format.md.\n"));
}

static void print_help(void)
{
	print_help_modes();
	print_help_browser();
}

static void print_version(void)
{
	printf("cwgview %s\n", PACKAGE_VERSION);
}

/* After --help, --version or --keys-man: what stdio could not write (a
 * full disk, a closed pipe) is an error, as it is for --print. */
static int finish_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_error(_("write error: %s"), strerror(errno));
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* The bundled document: $CWGVIEW_DATA when it is set (make check and
 * ./build.sh run point it at the source tree's copy), else the installed
 * copy.  No path of the build is compiled in. */
static const char *bundled_path(void)
{
	const char *env = getenv("CWGVIEW_DATA");
	if (env && *env)
		return env;
	return PKGDATADIR "/cwgsfp.yaml";
}

static struct doc *load_or_report(const char *path)
{
	struct load_error err;
	struct doc *d = load_file(path, NULL, &err);
	if (!d)
		msg_load_error(path, &err);
	return d;
}

static int terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static bool emit(const char *output, const struct buf *b)
{
	const char *data = b->data ? b->data : "";
	if (output) {
		if (file_save(output, data, b->len, 0))
			return true;
		msg_error("%s: %s", output, strerror(errno));
		return false;
	}
	if (!file_write_all(STDOUT_FILENO, data, b->len)) {
		msg_error(_("write error: %s"), strerror(errno));
		return false;
	}
	return true;
}

/* Writes the hits a few thousand at a time, so that the output of a
 * search with a million hits is never all in memory at once. */
static bool write_hits(const struct doc *d, const struct search_result *r)
{
	bool bold = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	struct buf b = BUF_INIT;
	bool ok = true;
	enum { CHUNK = 4096 };
	for (size_t i = 0; ok && i < r->n; i += CHUNK) {
		size_t k = r->n - i < CHUNK ? r->n - i : CHUNK;
		buf_reset(&b);
		if (!render_hits(&b, d, r->hits + i, k, bold ? "\033[1m" : "【",
				 bold ? "\033[22m" : "】")) {
			msg_error("%s", strerror(ENOMEM));
			ok = false;
		} else if (!file_write_all(STDOUT_FILENO, b.data, b.len)) {
			msg_error(_("write error: %s"), strerror(errno));
			ok = false;
		}
	}
	buf_free(&b);
	return ok;
}

/* The hits of --search as found in d: in bold on a terminal, between 【 】
 * otherwise, so that they survive a pipe into grep or a file; with count,
 * only their number. */
static int search_report(const struct doc *d, const struct search_result *r,
			 bool count, struct buf *out)
{
	int status = EXIT_OK;
	if (count)
		buf_printf(out, "%zu\n", r->total);
	else if (!write_hits(d, r))
		status = EXIT_TROUBLE;
	else if (r->total > r->n)
		msg_error(_("%zu hits; only the first %zu are shown"), r->total, r->n);
	return status == EXIT_OK && r->total == 0 ? EXIT_NO_MATCH : status;
}

static void fold_warning(const char *why)
{
	/* Once, before any hit: the search goes on without it. */
	if (why && *why)
		msg_error(_("warning: traditional Chinese will not match simplified: "
			    "%s"), why);
}

/* --search with --source: the browser's matcher over the view. */
static int search_command(const struct doc *d, const char *pattern,
			  unsigned flags, bool count, struct buf *out)
{
	struct search_index *ix = search_index_new(d);
	if (!ix) {
		msg_error("%s", strerror(ENOMEM));
		return EXIT_TROUBLE;
	}
	fold_warning(search_index_fold_problem(ix));
	struct search_result r;
	search_result_init(&r);
	if (count)
		r.max_hits = 0;
	char err[256];
	int status = EXIT_TROUBLE;
	if (!search_run(ix, pattern, flags, &r, err, sizeof err))
		msg_error("%s", err);
	else
		status = search_report(d, &r, count, out);
	search_result_free(&r);
	search_index_free(ix);
	return status;
}

enum mode { MODE_BROWSE, MODE_PRINT, MODE_LIST, MODE_CHECK, MODE_SEARCH,
	    MODE_XREF };

enum { OPT_CHECK = 256, OPT_NO_COLOR, OPT_NO_MOUSE, OPT_KEYS_MAN, OPT_PAPER,
       OPT_SECURE, OPT_PRINTER, OPT_PRINT_COMMAND, OPT_REGEX, OPT_TOPIC,
       OPT_BESIDE, OPT_XREF, OPT_SOURCE, OPT_NO_CLIPBOARD, OPT_AMBIGUOUS,
       OPT_THEME, OPT_CONFIG, OPT_NO_CONFIG };

static const struct option long_options[] = {
	{"print", required_argument, NULL, 'p'},
	{"format", required_argument, NULL, 'f'},
	{"width", required_argument, NULL, 'w'},
	{"output", required_argument, NULL, 'o'},
	{"paper", required_argument, NULL, OPT_PAPER},
	{"secure", no_argument, NULL, OPT_SECURE},
	{"printer", required_argument, NULL, OPT_PRINTER},
	{"print-command", required_argument, NULL, OPT_PRINT_COMMAND},
	{"search", required_argument, NULL, 's'},
	{"count", no_argument, NULL, 'c'},
	{"regex", no_argument, NULL, OPT_REGEX},
	{"list", no_argument, NULL, 'l'},
	{"check", no_argument, NULL, OPT_CHECK},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
	{"no-mouse", no_argument, NULL, OPT_NO_MOUSE},
	{"no-clipboard", no_argument, NULL, OPT_NO_CLIPBOARD},
	{"topic", required_argument, NULL, OPT_TOPIC},
	{"beside", required_argument, NULL, OPT_BESIDE},
	{"ambiguous-width", required_argument, NULL, OPT_AMBIGUOUS},
	{"theme", required_argument, NULL, OPT_THEME},
	{"config", required_argument, NULL, OPT_CONFIG},
	{"no-config", no_argument, NULL, OPT_NO_CONFIG},
	{"xref", required_argument, NULL, OPT_XREF},
	{"source", required_argument, NULL, OPT_SOURCE},
	/* The man page's KEYS section, from the key table (a test compares
	 * docs/cwgview.1 with it). */
	{"keys-man", no_argument, NULL, OPT_KEYS_MAN},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

static bool set_mode(enum mode *mode, enum mode m, const char *name)
{
	static const char *const names[] = {
		[MODE_PRINT] = "--print", [MODE_LIST] = "--list",
		[MODE_CHECK] = "--check", [MODE_SEARCH] = "--search",
		[MODE_XREF] = "--xref",
	};
	if (*mode != MODE_BROWSE && *mode != m) {
		usage_error("%s cannot be combined with %s", name, names[*mode]);
		return false;
	}
	*mode = m;
	return true;
}

/* Everything the command line says, parsed and checked. */
struct cli {
	enum mode mode;
	const char *topics, *format_name, *output, *paper_name, *pattern;
	const char *xref; /* --xref: a document number */
	const char *sources[16]; /* --source, repeated */
	size_t n_sources;
	char sources_note[256];  /* "俄联邦, 中国", for the browser */
	/* Where the browser opens: --topic N or +N, +/PATTERN (as less). */
	const char *start_topic, *start_search;
	const char *file; /* NULL: the bundled document */
	bool count;
	unsigned search_flags;
	int width;
	enum render_format format;
	enum pdf_paper paper;
	struct tui_options topt;
};

static void cli_init(struct cli *o)
{
	memset(o, 0, sizeof *o);
	o->mode = MODE_BROWSE;
	o->format = RENDER_TEXT;
	o->paper = PDF_PAPER_A4;
	o->topt.beside = 160;
	o->topt.printer = getenv("CWGVIEW_PRINTER");
	o->topt.print_command = getenv("CWGVIEW_PRINT_COMMAND");
	const char *secure_env = getenv("CWGVIEW_SECURE");
	o->topt.secure = secure_env && *secure_env && strcmp(secure_env, "0") != 0;
}

static bool take_width(struct cli *o, const char *arg)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || *arg == '\0' || *end || v < 10 || v > 10000) {
		usage_error("invalid width '%s': give a number from 10 to 10000", arg);
		return false;
	}
	o->width = (int)v;
	return true;
}

static bool take_beside(struct cli *o, const char *arg)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || *arg == '\0' || *end || v < 0 || v > 10000) {
		usage_error("invalid width '%s' for --beside: give a number of "
			    "columns from 0 (never) to 10000", arg);
		return false;
	}
	o->topt.beside = (int)v;
	return true;
}

/* --ambiguous-width: 1, 2 or auto (0). */
static bool take_ambiguous(struct cli *o, const char *arg)
{
	if (strcmp(arg, "1") == 0 || strcmp(arg, "2") == 0) {
		o->topt.ambiguous = arg[0] - '0';
	} else if (strcmp(arg, "auto") == 0) {
		o->topt.ambiguous = 0;
	} else {
		usage_error("invalid width '%s' for --ambiguous-width: give 1, 2 "
			    "or auto", arg);
		return false;
	}
	return true;
}

/* --theme: auto, dark, light or none. */
static bool take_theme(struct cli *o, const char *arg)
{
	static const char *const names[] = {[THEME_AUTO] = "auto", [THEME_DARK] = "dark",
					    [THEME_LIGHT] = "light", [THEME_NONE] = "none"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (strcmp(arg, names[i]) == 0) {
			o->topt.theme = (enum tui_theme)i;
			return true;
		}
	}
	usage_error("invalid theme '%s': give auto, dark, light or none", arg);
	return false;
}

/* Options that only print something and exit, and the errors getopt
 * reports: the exit status. */
static int take_final(int c, char **argv)
{
	switch (c) {
	case OPT_KEYS_MAN: {
		struct buf b = BUF_INIT;
		keys_man(&b);
		fputs(b.data ? b.data : "", stdout);
		buf_free(&b);
		return finish_stdout();
	}
	case 'h':
		print_help();
		return finish_stdout();
	case 'V':
		print_version();
		return finish_stdout();
	case ':':
		usage_error("option '%s' needs an argument", argv[optind - 1]);
		return EXIT_TROUBLE;
	default:
		if (optopt)
			usage_error("unknown option '-%c'", optopt);
		else
			usage_error("unknown option '%s'", argv[optind - 1]);
		return EXIT_TROUBLE;
	}
}

/* One option from getopt_long: -1 to go on, else the exit status. */
static int take_option(struct cli *o, int c, char **argv)
{
	switch (c) {
	case 'p':
		o->topics = optarg;
		return set_mode(&o->mode, MODE_PRINT, "--print") ? -1 : EXIT_TROUBLE;
	case 'f':
		o->format_name = optarg;
		return -1;
	case 'w':
		return take_width(o, optarg) ? -1 : EXIT_TROUBLE;
	case 'o':
		o->output = optarg;
		return -1;
	case OPT_PAPER:
		o->paper_name = optarg;
		return -1;
	case 's':
		o->pattern = optarg;
		return set_mode(&o->mode, MODE_SEARCH, "--search") ? -1 : EXIT_TROUBLE;
	case 'c':
		o->count = true;
		return -1;
	case OPT_REGEX:
		o->search_flags |= SEARCH_REGEX;
		return -1;
	case 'l':
		return set_mode(&o->mode, MODE_LIST, "--list") ? -1 : EXIT_TROUBLE;
	case OPT_CHECK:
		return set_mode(&o->mode, MODE_CHECK, "--check") ? -1 : EXIT_TROUBLE;
	case OPT_SECURE:
		o->topt.secure = true;
		return -1;
	case OPT_PRINTER:
		o->topt.printer = optarg;
		return -1;
	case OPT_PRINT_COMMAND:
		o->topt.print_command = optarg;
		return -1;
	case OPT_NO_COLOR:
		o->topt.no_color = true;
		return -1;
	case OPT_NO_MOUSE:
		o->topt.no_mouse = true;
		return -1;
	case OPT_NO_CLIPBOARD:
		o->topt.no_clipboard = true;
		return -1;
	case OPT_TOPIC:
		o->start_topic = optarg;
		return -1;
	case OPT_BESIDE:
		return take_beside(o, optarg) ? -1 : EXIT_TROUBLE;
	case OPT_AMBIGUOUS:
		return take_ambiguous(o, optarg) ? -1 : EXIT_TROUBLE;
	case OPT_THEME:
		return take_theme(o, optarg) ? -1 : EXIT_TROUBLE;
	case OPT_CONFIG:
	case OPT_NO_CONFIG: /* find_config took them */
		return -1;
	case OPT_SOURCE:
		if (o->n_sources == sizeof o->sources / sizeof *o->sources) {
			usage_error("too many --source: give at most 16");
			return EXIT_TROUBLE;
		}
		if (!*optarg) {
			usage_error("empty name for --source");
			return EXIT_TROUBLE;
		}
		o->sources[o->n_sources++] = optarg;
		return -1;
	case OPT_XREF:
		o->xref = optarg;
		return set_mode(&o->mode, MODE_XREF, "--xref") ? -1 : EXIT_TROUBLE;
	default:
		return take_final(c, argv);
	}
}

/* The arguments after the options: +N and +/PATTERN say where the
 * browser opens, as in less (a file whose name starts with + is given as
 * ./+name); the rest is the file, at most one.  False after the error. */
static bool take_operands(struct cli *o, int argc, char **argv)
{
	for (int i = optind; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] == '+' && a[1] == '/') {
			o->start_search = a + 2;
		} else if (a[0] == '+' && a[1] >= '0' && a[1] <= '9') {
			o->start_topic = a + 1;
		} else if (a[0] == '+') {
			usage_error("unknown command '%s': use +N (a topic) or +/PATTERN", a);
			return false;
		} else if (o->file) {
			usage_error("too many files: give at most one");
			return false;
		} else {
			o->file = a;
		}
	}
	if ((o->start_topic || o->start_search) && o->mode != MODE_BROWSE) {
		usage_error("+N, +/PATTERN and --topic only apply to the browser");
		return false;
	}
	if (o->start_search && !*o->start_search) {
		usage_error("empty search pattern");
		return false;
	}
	return true;
}

/* The options that depend on one another, in the order they are
 * reported; false after the one-line error. */
static bool check_options(struct cli *o)
{
	if ((o->format_name || o->output) && o->mode != MODE_PRINT && o->mode != MODE_XREF) {
		usage_error("%s only applies to --print and --xref",
			    o->format_name ? "--format" : "--output");
		return false;
	}
	if (o->n_sources && (o->mode == MODE_LIST || o->mode == MODE_CHECK)) {
		usage_error("--source does not apply to %s",
			    o->mode == MODE_LIST ? "--list" : "--check");
		return false;
	}
	if (o->mode == MODE_XREF && !*o->xref) {
		usage_error("empty document number for --xref");
		return false;
	}
	if ((o->count || o->search_flags) && o->mode != MODE_SEARCH) {
		usage_error("%s only applies to --search", o->count ? "--count" : "--regex");
		return false;
	}
	if (o->mode == MODE_SEARCH && !*o->pattern) {
		usage_error("empty search pattern");
		return false;
	}
	if (o->format_name && !render_format_parse(o->format_name, &o->format)) {
		usage_error("unknown format '%s': use text, markdown, json or pdf",
			    o->format_name);
		return false;
	}
	if (o->paper_name && o->format != RENDER_PDF && o->mode != MODE_BROWSE) {
		usage_error("--paper only applies to --format pdf and the browser's p");
		return false;
	}
	if (o->topt.secure && o->output) {
		usage_error("--output writes a file, which --secure forbids");
		return false;
	}
	if (o->paper_name && !pdf_paper_parse(o->paper_name, &o->paper)) {
		usage_error("unknown paper size '%s': use a4 or letter", o->paper_name);
		return false;
	}
	/* Secure mode keeps the PDF renderer out of the process: Pango,
	 * Cairo and fontconfig read configuration and fonts of their own. */
	if (o->topt.secure && o->format == RENDER_PDF) {
		usage_error("--format pdf loads the PDF renderer, which --secure keeps out");
		return false;
	}
	if (o->format == RENDER_PDF && pdf_unavailable()) {
		msg_error("%s", pdf_unavailable());
		return false;
	}
	/* A PDF on a terminal is a screenful of binary that can change the
	 * terminal's state; asked for it there, say how to get a file. */
	if (o->format == RENDER_PDF && !o->output && isatty(STDOUT_FILENO)) {
		usage_error("will not write a PDF to a terminal: use -o FILE "
			    "or redirect standard output");
		return false;
	}
	return true;
}

/* --print, or every topic when the browser's standard output is not a
 * terminal, into out. */
static int print_topics(struct cli *o, const struct doc *d, struct buf *out)
{
	if (o->mode == MODE_PRINT && strcmp(o->topics, "overview") == 0) {
		if (o->format == RENDER_PDF) {
			usage_error("--print overview is text, markdown or json, not pdf");
			return EXIT_TROUBLE;
		}
		if (!render_overview(out, d, o->format, 0)) {
			msg_error("%s", strerror(ENOMEM));
			return EXIT_TROUBLE;
		}
		return EXIT_OK;
	}
	bool *sel = calloc(d->n_topics, sizeof *sel);
	char err[256];
	int status = EXIT_OK;
	if (!sel) {
		msg_error("%s", strerror(ENOMEM));
		status = EXIT_TROUBLE;
	} else if (!doc_select(d, o->mode == MODE_PRINT ? o->topics : "all", sel,
			       err, sizeof err)) {
		usage_error("%s", err);
		status = EXIT_TROUBLE;
	} else {
		int width = o->width ? o->width : o->output ? 80 : terminal_width();
		if (o->format != RENDER_PDF) {
			render_topics(out, d, sel, o->format, width);
		} else if (!pdf_render_topics(out, d, sel, o->paper, err, sizeof err)) {
			msg_error("%s", err);
			status = EXIT_TROUBLE;
		}
	}
	free(sel);
	return status;
}

static bool cites(const struct doc_input *in, const struct doc_block *bl,
		  const void *number)
{
	(void)bl;
	return doc_input_cites(in, number);
}

/* --source: a block is kept when its row's kind or its heading holds
 * one of the names. */
static bool from_sources(const struct doc_input *in, const struct doc_block *bl,
			 const void *arg)
{
	const struct cli *o = arg;
	for (size_t i = 0; i < o->n_sources; i++)
		if (doc_block_from(in, bl, o->sources[i]))
			return true;
	return false;
}

/* With --source, *view is d with only those sources' inputs (the topics
 * without one left out, the guidance kept); false after the error, and
 * with status 1 when no input comes from them. */
static bool take_sources(struct cli *o, const struct doc *d, struct doc **view,
			 int *status)
{
	*view = NULL;
	if (!o->n_sources)
		return true;
	size_t len = 0;
	for (size_t i = 0; i < o->n_sources && len < sizeof o->sources_note; i++)
		len += (size_t)snprintf(o->sources_note + len, sizeof o->sources_note - len,
					"%s%s", i ? ", " : "", o->sources[i]);
	o->topt.sources = o->sources_note;
	*view = doc_view(d, from_sources, o, true);
	*status = EXIT_TROUBLE;
	if (!*view) {
		msg_error("%s", strerror(ENOMEM));
		return false;
	}
	if (!(*view)->n_topics) {
		msg_error(_("no input comes from %s"), o->sources_note);
		*status = EXIT_NO_MATCH;
		return false;
	}
	return true;
}

/* --xref NUMBER: every input that cites the document, whole, under its
 * topic's title, in any format; status 1 when none does, as grep. */
static int xref_topics(struct cli *o, const struct doc *d, struct buf *out)
{
	struct doc *v = doc_view(d, cites, o->xref, false);
	if (!v) {
		msg_error("%s", strerror(ENOMEM));
		return EXIT_TROUBLE;
	}
	int status = EXIT_OK;
	if (!v->n_topics) {
		msg_error(_("no input cites %s"), o->xref);
		status = EXIT_NO_MATCH;
	} else {
		status = print_topics(o, v, out);
	}
	doc_free(v);
	return status;
}

/* --topic or +N, checked against the document before the terminal is
 * taken over. */
static bool take_start(struct cli *o, const struct doc *d)
{
	o->topt.start_topic = -1;
	o->topt.start_search = o->start_search;
	if (!o->start_topic)
		return true;
	char err[256];
	o->topt.start_topic = doc_find_topic(d, o->start_topic, err, sizeof err);
	if (o->topt.start_topic < 0)
		usage_error("%s", err);
	return o->topt.start_topic >= 0;
}

/* A one-shot command's output, written at once at the end. */
static int write_out(const struct cli *o, struct buf *out, int status)
{
	if (status != EXIT_TROUBLE && out->oom) {
		msg_error("%s", strerror(ENOMEM));
		status = EXIT_TROUBLE;
	}
	/* --count prints its 0; an --xref that found nothing writes no file. */
	bool write = status == EXIT_OK || (status == EXIT_NO_MATCH && o->mode == MODE_SEARCH);
	if (write && !emit(o->mode != MODE_BROWSE ? o->output : NULL, out))
		status = EXIT_TROUBLE;
	buf_free(out);
	return status;
}

/* --search without --source, in one pass: the text is folded and searched
 * while the file loads (search_file.h). */
static int search_one_pass(const struct cli *o, const char *path)
{
	struct search_file sf;
	search_result_init(&sf.r);
	if (o->count)
		sf.r.max_hits = 0;
	bool ok = search_file(&sf, path, o->pattern, o->search_flags);
	int status = EXIT_TROUBLE;
	struct buf out = BUF_INIT;
	if (sf.doc)
		fold_warning(sf.fold_problem);
	if (!sf.doc && sf.load.msg[0])
		msg_load_error(path, &sf.load);
	else if (!ok)
		msg_error("%s", sf.err);
	else
		status = search_report(sf.doc, &sf.r, o->count, &out);
	status = write_out(o, &out, status);
	search_result_free(&sf.r);
	doc_free(sf.doc);
	return status;
}

/* The one-shot commands: their output, written at once at the end. */
static int one_shot(struct cli *o, const struct doc *d, const char *path)
{
	int status = EXIT_OK;
	struct buf out = BUF_INIT;
	switch (o->mode) {
	case MODE_CHECK:
		text_sanitize(&out, msg_file_name(path), strlen(msg_file_name(path)));
		buf_adds(&out, ": ok, ");
		render_summary(&out, d);
		buf_addc(&out, '\n');
		break;
	case MODE_LIST:
		render_list(&out, d);
		break;
	case MODE_SEARCH:
		status = search_command(d, o->pattern, o->search_flags, o->count, &out);
		break;
	case MODE_BROWSE:
	case MODE_PRINT:
		status = print_topics(o, d, &out);
		break;
	case MODE_XREF:
		status = xref_topics(o, d, &out);
		break;
	}
	return write_out(o, &out, status);
}

static const char short_options[] = ":p:f:w:o:s:clhV";

/* --config FILE and --no-config (the last one given), looked for before
 * the other options are read: the config file's settings go in first, and
 * the options, read after them, win. */
static void find_config(int argc, char **argv, const char **path, bool *none)
{
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
		if (c == OPT_CONFIG) {
			*path = optarg;
			*none = false;
		} else if (c == OPT_NO_CONFIG) {
			*none = true;
		}
	}
	optind = 0; /* GNU getopt: start again from the first argument */
}

static int run_cli(int argc, char **argv, struct settings *set)
{
	struct cli o;
	cli_init(&o);
	const char *config = NULL;
	bool no_config = false;
	find_config(argc, argv, &config, &no_config);
	if (!no_config)
		settings_read(config, config != NULL, set, &o.topt, &o.paper);
	int c;
	while ((c = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
		int st = take_option(&o, c, argv);
		if (st >= 0)
			return st;
	}
	if (!take_operands(&o, argc, argv) || !check_options(&o))
		return EXIT_TROUBLE;
	settings_secure(set, &o.topt);
	if (set->n_warnings)
		o.topt.note = set->note;
	if (o.topt.ambiguous)
		text_set_ambiguous_width(o.topt.ambiguous);
	const char *path = o.file ? o.file : bundled_path();
	o.topt.paper = (int)o.paper;
	o.topt.script = getenv("CWGVIEW_SCRIPT");
	if (o.topt.script && !*o.topt.script)
		o.topt.script = NULL;
	/* On a terminal, the browser opens before the file is all loaded;
	 * a key script (the screen tests), --source and +N or +/PATTERN
	 * take the whole document first. */
	if (o.mode == MODE_BROWSE && !o.topt.script && isatty(STDOUT_FILENO) &&
	    !o.n_sources && !o.start_topic && !o.start_search) {
		o.topt.start_topic = -1;
		return tui_run_file(path, &o.topt);
	}
	if (o.mode == MODE_SEARCH && !o.n_sources)
		return search_one_pass(&o, path);
	struct doc *d = load_or_report(path), *view = NULL;
	int status = EXIT_TROUBLE;
	if (!d || !take_sources(&o, d, &view, &status) ||
	    !take_start(&o, view ? view : d)) {
		doc_free(view);
		doc_free(d);
		return status;
	}

	/* The browser, unless standard output is not a terminal: then, as
	 * less does, print everything.  A key script (the screen tests) runs
	 * the browser headless. */
	const struct doc *shown = view ? view : d;
	status = o.mode == MODE_BROWSE && (o.topt.script || isatty(STDOUT_FILENO))
			 ? tui_run(shown, &o.topt)
			 : one_shot(&o, shown, path);
	doc_free(view);
	doc_free(d);
	return status;
}

/* The translations: installed under LOCALEDIR; CWGVIEW_LOCALEDIR gives
 * another folder (the build tree's, for make check), as CWGVIEW_DATA does
 * for the document. */
static void start_gettext(void)
{
#ifdef ENABLE_NLS
	const char *dir = getenv("CWGVIEW_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	start_gettext();
	struct settings set;
	memset(&set, 0, sizeof set);
	int status = run_cli(argc, argv, &set);
	settings_free(&set);
	return status;
}
