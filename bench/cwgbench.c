/* make bench: load and search figures on a large generated document.
 *
 *   cwgbench generate OUT MB SEED_FILE   write a cwgview/1 file of about MB
 *                                        megabytes: SEED_FILE's topics
 *                                        repeated with new numbers and
 *                                        varied text
 *   cwgbench run FILE [CWGVIEW BUNDLED LESS GREP]
 *                                        print the figures for FILE: in
 *                                        process, then (given the programs)
 *                                        whole processes on a pty: first
 *                                        frames against less, keys, and
 *                                        --search against grep -F
 *
 * Run by hand (README, Search), never by make check: the figures depend on
 * the machine. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>
#include <yaml.h>

#include "cwgview/doc.h"
#include "cwgview/load.h"
#include "cwgview/search.h"
#include "pty.h"


/* ---- generate ---- */

struct gen {
	yaml_emitter_t em;
	uint64_t rng;
	const char **han; /* every Han character of the seed, for variation */
	size_t n_han;
	size_t copy;
};

static uint64_t rnd(struct gen *g)
{
	/* xorshift64: the corpus is the same on every run. */
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return g->rng;
}

static void emit(struct gen *g, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&g->em, ev))
		die(g->em.problem ? g->em.problem : "YAML emitter failed");
}

static void scalar(struct gen *g, const char *s, bool plain)
{
	yaml_event_t ev;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
				     (int)strlen(s), 1, 1,
				     plain ? YAML_PLAIN_SCALAR_STYLE
					   : YAML_ANY_SCALAR_STYLE);
	emit(g, &ev);
}

static void begin(struct gen *g, bool mapping)
{
	yaml_event_t ev;
	if (mapping)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
						    YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
						     YAML_BLOCK_SEQUENCE_STYLE);
	emit(g, &ev);
}

static void end(struct gen *g, bool mapping)
{
	yaml_event_t ev;
	if (mapping)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	emit(g, &ev);
}

static void key(struct gen *g, const char *k, const char *v)
{
	scalar(g, k, true);
	scalar(g, v, false);
}

/* The text with one Han character, at a random place, replaced by another
 * from the seed: the copies differ, as a real corpus would, while the
 * character statistics stay those of the document. */
static char *vary(struct gen *g, const char *s)
{
	size_t n = strlen(s), count = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t cp;
		i += (size_t)u8_mbtouc(&cp, (const uint8_t *)s + i, n - i);
		count += cp >= 0x4E00 && cp <= 0x9FFF;
	}
	char *out = malloc(n + 8);
	if (!out)
		die("out of memory");
	if (count == 0 || g->n_han == 0 || rnd(g) % 2) {
		memcpy(out, s, n + 1);
		return out;
	}
	size_t pick = rnd(g) % count, o = 0;
	count = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t cp;
		int k = u8_mbtouc(&cp, (const uint8_t *)s + i, n - i);
		bool han = cp >= 0x4E00 && cp <= 0x9FFF;
		if (han && count++ == pick) {
			const char *r = g->han[rnd(g) % g->n_han];
			memcpy(out + o, r, 3); /* U+4E00..U+9FFF: 3 bytes */
			o += 3;
		} else {
			memcpy(out + o, s + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
	return out;
}

static void items(struct gen *g, const struct doc_item *it, size_t n)
{
	begin(g, false);
	for (size_t i = 0; i < n; i++) {
		begin(g, true);
		if (it[i].marker)
			key(g, "marker", it[i].marker);
		char *t = vary(g, it[i].text);
		key(g, "text", t);
		free(t);
		if (it[i].n_items) {
			scalar(g, "items", true);
			items(g, it[i].items, it[i].n_items);
		}
		end(g, true);
	}
	end(g, false);
}

static void topic(struct gen *g, const struct doc_topic *t, long number)
{
	char buf[64];
	begin(g, true);
	scalar(g, "number", true);
	snprintf(buf, sizeof buf, "%ld", number);
	scalar(g, buf, true);
	char *title = malloc(strlen(t->title) + 32);
	if (!title)
		die("out of memory");
	sprintf(title, "%s（%zu）", t->title, g->copy + 1);
	key(g, "title", title);
	free(title);
	scalar(g, "inputs", true);
	begin(g, false);
	for (size_t i = 0; i < t->n_inputs; i++) {
		const struct doc_input *in = &t->inputs[i];
		begin(g, true);
		key(g, "kind", in->kind);
		scalar(g, "documents", true);
		begin(g, false);
		for (size_t k = 0; k < in->n_documents; k++)
			scalar(g, in->documents[k], false);
		end(g, false);
		scalar(g, "blocks", true);
		begin(g, false);
		for (size_t b = 0; b < in->n_blocks; b++) {
			begin(g, true);
			if (in->blocks[b].heading)
				key(g, "heading", in->blocks[b].heading);
			scalar(g, "items", true);
			items(g, in->blocks[b].items, in->blocks[b].n_items);
			end(g, true);
		}
		end(g, false);
		end(g, true);
	}
	end(g, false);
	scalar(g, "guidance", true);
	items(g, t->guidance, t->n_guidance);
	end(g, true);
}

static void collect_han(struct gen *g, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		ucs4_t cp;
		int k = u8_mbtouc(&cp, (const uint8_t *)s + i, n - i);
		if (cp >= 0x4E00 && cp <= 0x9FFF) {
			const char **p = realloc(g->han, (g->n_han + 1) * sizeof *p);
			if (!p)
				die("out of memory");
			g->han = p;
			g->han[g->n_han++] = s + i;
		}
		i += (size_t)k;
	}
}

static bool han_field(const struct doc_field *f, void *arg)
{
	collect_han(arg, f->s);
	return true;
}

static int generate(const char *out, double mb, const char *seed)
{
	struct load_error err;
	struct doc *d = load_file(seed, NULL, &err);
	if (!d)
		die(err.msg);
	struct gen g;
	memset(&g, 0, sizeof g);
	g.rng = 0x9E3779B97F4A7C15u;
	for (size_t t = 0; t < d->n_topics; t++)
		doc_topic_fields(&d->topics[t], han_field, &g);
	FILE *f = fopen(out, "wb");
	if (!f)
		die(strerror(errno));
	if (!yaml_emitter_initialize(&g.em))
		die("out of memory");
	yaml_emitter_set_output_file(&g.em, f);
	yaml_emitter_set_unicode(&g.em, 1);
	yaml_emitter_set_width(&g.em, -1);
	yaml_event_t ev;
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&g, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&g, &ev);
	begin(&g, true);
	key(&g, "format", "cwgview/1");
	key(&g, "title", d->title);
	scalar(&g, "topics", true);
	begin(&g, false);
	long number = 1;
	size_t target = (size_t)(mb * 1e6);
	for (g.copy = 0;; g.copy++) {
		fflush(f);
		if ((size_t)ftell(f) >= target)
			break;
		for (size_t t = 0; t < d->n_topics; t++)
			topic(&g, &d->topics[t], number++);
		if (number > 999999 - (long)d->n_topics)
			break;
	}
	end(&g, false);
	end(&g, true);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&g, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&g, &ev);
	yaml_emitter_delete(&g.em);
	if (fclose(f) != 0)
		die(strerror(errno));
	free(g.han);
	doc_free(d);
	return 0;
}

/* ---- run ---- */

static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0)
		die(strerror(errno));
	char *s = malloc((size_t)st.st_size + 1);
	size_t n = 0;
	while (s && n < (size_t)st.st_size) {
		ssize_t k = read(fd, s + n, (size_t)st.st_size - n);
		if (k <= 0)
			die("read error");
		n += (size_t)k;
	}
	close(fd);
	if (!s)
		die("out of memory");
	*len = n;
	return s;
}

/* What load_file does minus the model: read the file, parse every event. */
static double bare_parse(const char *path)
{
	double t0 = now();
	size_t len;
	char *s = slurp(path, &len);
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)s, len);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			die("libyaml: parse error");
		yaml_event_type_t type = ev.type;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&p);
	free(s);
	return now() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Nearest-rank percentile of n sorted values. */
static double pct(const double *v, size_t n, double p)
{
	size_t r = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (r < 1)
		r = 1;
	return v[r > n ? n - 1 : r - 1];
}

/* Sorts v and returns its median. */
static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* Load and index timed as a user meets them: in a new process, whose
 * memory has never been touched (a second load in the same process reuses
 * freed pages and looks faster than it is). */
struct load_times {
	double load, index;
};

static struct load_times load_and_index(const char *path)
{
	struct load_times t;
	struct load_error err;
	double t0 = now();
	struct doc *d = load_file(path, NULL, &err);
	t.load = now() - t0;
	if (!d)
		die(err.msg);
	t0 = now();
	struct search_index *ix = search_index_new(d);
	t.index = now() - t0;
	if (!ix)
		die("index: out of memory");
	search_index_free(ix);
	doc_free(d);
	return t;
}

static struct load_times in_child(const char *path, bool bare)
{
	int fd[2];
	struct load_times t = {0, 0};
	if (pipe(fd) != 0)
		die(strerror(errno));
	pid_t pid = fork();
	if (pid < 0)
		die(strerror(errno));
	if (pid == 0) {
		close(fd[0]);
		if (bare)
			t.load = bare_parse(path);
		else
			t = load_and_index(path);
		ssize_t k = write(fd[1], &t, sizeof t);
		_exit(k == (ssize_t)sizeof t ? 0 : 1);
	}
	close(fd[1]);
	ssize_t k = read(fd[0], &t, sizeof t);
	close(fd[0]);
	int status;
	if (waitpid(pid, &status, 0) != pid || k != (ssize_t)sizeof t ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("a measuring child failed");
	return t;
}

static bool count_field(const struct doc_field *f, void *arg)
{
	(void)f;
	++*(size_t *)arg;
	return true;
}

/* The figures move with whatever else the machine is doing: say what
 * that was. */
static void print_machine(const char *when)
{
	char avg[64] = "?";
	FILE *f = fopen("/proc/loadavg", "r");
	if (f) {
		if (!fgets(avg, sizeof avg, f))
			strcpy(avg, "?");
		fclose(f);
		avg[strcspn(avg, "\n")] = '\0';
	}
	printf("%s: %ld CPUs online, load average %s\n", when,
	       sysconf(_SC_NPROCESSORS_ONLN), avg);
}

/* Load, bare parse and index, RUNS times each in new processes,
 * alternating; tb gets the bare parses, sorted. */
enum { RUNS = 7 };
static void run_load(const char *path, double tb[RUNS])
{
	double tl[RUNS], ti[RUNS], tli[RUNS];
	for (int i = 0; i < RUNS; i++) {
		tb[i] = in_child(path, true).load;
		struct load_times t = in_child(path, false);
		tl[i] = t.load;
		ti[i] = t.index;
		tli[i] = t.load + t.index;
	}
	double bare = median(tb, RUNS), load = median(tl, RUNS);
	double index = median(ti, RUNS), load_index = median(tli, RUNS);
	printf("load, bare parse, index: %d runs each in new processes; "
	       "fastest, median\n", RUNS);
	printf("load (read + libyaml + model): %6.3f s  %6.3f s\n", tl[0],
	       load);
	printf("bare libyaml event parse:      %6.3f s  %6.3f s\n", tb[0],
	       bare);
	printf("  load / bare parse:           %6.2fx   %6.2fx  "
	       "(target <= 1.5x)\n", tl[0] / tb[0], load / bare);
	printf("index build (fold + maps):     %6.3f s  %6.3f s\n", ti[0],
	       index);
	printf("  (load + index) / bare parse: %6.2fx   %6.2fx\n",
	       tli[0] / tb[0], load_index / bare);
}

/* One query typed a key at a time into r, ROUNDS times; its keystrokes'
 * times appended to times[*nt]. */
enum { ROUNDS = 10 };
static void type_query(struct search_index *ix, const char *s,
		       struct search_result *r, double *times, size_t *nt)
{
	size_t len = strlen(s), nkeys = u8_mbsnlen((const uint8_t *)s, len);
	double *per = calloc(nkeys * ROUNDS, sizeof *per);
	size_t *hits = calloc(nkeys, sizeof *hits);
	if (!per || !hits)
		die("out of memory");
	for (int round = 0; round < ROUNDS; round++) {
		size_t end = 0;
		for (size_t k = 0; k < nkeys; k++) {
			end += (size_t)u8_mblen((const uint8_t *)s + end, len - end);
			char prefix[64], msg[256];
			snprintf(prefix, sizeof prefix, "%.*s", (int)end, s);
			double t0 = now();
			if (!search_run(ix, prefix, 0, r, msg, sizeof msg))
				die(msg);
			double dt = (now() - t0) * 1e3;
			per[k * ROUNDS + (size_t)round] = dt;
			times[(*nt)++] = dt;
			hits[k] = r->n;
		}
	}
	printf("  %s:", s);
	size_t end = 0;
	for (size_t k = 0; k < nkeys; k++) {
		int kl = u8_mblen((const uint8_t *)s + end, len - end);
		qsort(per + k * ROUNDS, ROUNDS, sizeof *per, cmp_double);
		printf(" %.*s %.2f (%zu)", kl, s + end,
		       per[k * ROUNDS + ROUNDS / 2], hits[k]);
		end += (size_t)kl;
	}
	printf("\n");
	free(per);
	free(hits);
}

/* Typed one character at a time into one result, kept for the whole run
 * as the browser keeps its own: each keystroke narrows the last, and the
 * first key of a query searches everything again. */
static void run_keys(struct search_index *ix)
{
	static const char *const queries[] = {
		"国际电联", "普华永道", "CWG-SFP-1/8", "undp", "加速器实验室",
		"區域代表處",
	};
	enum { N_Q = sizeof queries / sizeof *queries };
	double *times = malloc(N_Q * 16 * ROUNDS * sizeof *times);
	size_t nt = 0;
	if (!times)
		die("out of memory");
	printf("per keystroke in process (ms, median of %d rounds; hits after "
	       "the key):\n", ROUNDS);
	struct search_result r;
	search_result_init(&r);
	for (size_t q = 0; q < N_Q; q++)
		type_query(ix, queries[q], &r, times, &nt);
	search_result_free(&r);
	qsort(times, nt, sizeof *times, cmp_double);
	printf("  all %zu keystrokes: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
	       "(target p99 < 16 ms)\n", nt, pct(times, nt, 50),
	       pct(times, nt, 99), times[nt - 1]);
	free(times);
}

/* The in-process part: load, index, keystrokes, this process's peak. */
static void run_core(const char *path, double mb, double tb[RUNS])
{
	run_load(path, tb);
	/* This process loads once more, for the searches and for the peak
	 * memory of a session: model, index and search results. */
	struct load_error err;
	struct doc *d = load_file(path, NULL, &err);
	if (!d)
		die(err.msg);
	struct search_index *ix = search_index_new(d);
	if (!ix)
		die("index: out of memory");
	size_t fields = 0;
	for (size_t t = 0; t < d->n_topics; t++)
		doc_topic_fields(&d->topics[t], count_field, &fields);
	printf("  (%zu topics, %zu inputs, %zu fields; traditional folding "
	       "%s)\n", d->n_topics, doc_count_inputs(d), fields,
	       search_index_folds_traditional(ix) ? "on (OpenCC)" : "off");
	run_keys(ix);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	double rss = (double)ru.ru_maxrss * 1024.0 / 1e6; /* KiB to MB */
	printf("peak RSS, load + index + searches in one process: %.1f MB = "
	       "%.2f x the file\n", rss, rss / mb);
	search_index_free(ix);
	doc_free(d);
}

/* ---- whole processes on a terminal ---- */

struct progs {
	const char *cwgview, *less, *grep, *bundled, *corpus;
	char home[64];      /* an empty HOME: no history file of anyone's */
	char flat[2][80];   /* --print all of the bundled document, the corpus */
	char *env[8];
};

#define LESS_READY "cwgbench-ready"
/* The browser's status line, drawn with the first frame. */
#define CWG_READY "topic 1/"

/* Seconds until the first frame of cwgview FILE (or less on flat). */
static double first_frame(struct progs *g, const char *file, bool less)
{
	char *cv[] = {(char *)g->cwgview, (char *)file, NULL};
	char *lv[] = {(char *)g->less, "-Ps" LESS_READY, (char *)file, NULL};
	struct pty p;
	pty_spawn(&p, 120, 40, less ? lv : cv, g->env);
	double t = pty_until(&p, less ? LESS_READY : CWG_READY, 120);
	pty_close(&p);
	if (t < 0)
		die(less ? "less drew no first frame" : "cwgview drew no first frame");
	return t;
}

/* cwgview's first frame of file against less's on the flattened text,
 * RUNS of each, alternating. */
static void frame_vs_less(struct progs *g, const char *what, const char *file,
			  const char *flat, const char *target)
{
	double c[RUNS], l[RUNS];
	for (int i = 0; i < RUNS; i++) {
		c[i] = first_frame(g, file, false);
		l[i] = first_frame(g, flat, true);
	}
	double mc = median(c, RUNS), ml = median(l, RUNS);
	printf("first frame, %s, 120x40 pty (fastest, median of %d):\n", what, RUNS);
	printf("  cwgview:                 %8.2f ms %8.2f ms\n", c[0] * 1e3,
	       mc * 1e3);
	printf("  less on its --print all  %8.2f ms %8.2f ms\n", l[0] * 1e3,
	       ml * 1e3);
	printf("  cwgview / less:          %8.2fx   %8.2fx  (%s)\n", c[0] / l[0],
	       mc / ml, target);
}

/* The browser on the corpus: the first frame against the bare parse;
 * then keys through the terminal from the first frame on: / and
 * 国际电联 Enter while the file loads and is indexed (the prompt answers
 * at once and searches when it can), and, once the search has found its
 * 240,000 hits, keys that move through them and redraw with them. */
static void pty_session(struct progs *g, const double tb[RUNS])
{
	static const char *const early[] = {"/", "国", "际", "电", "联", "\r"};
	static const char *const later[] = {"j", "n", "n", "N", "j", "k", "n", "]", "[", "n"};
	enum { SESSIONS = 5, N_EARLY = sizeof early / sizeof *early,
	       N_LATER = sizeof later / sizeof *later };
	double frame[SESSIONS], slash[SESSIONS], ready[SESSIONS];
	double ea[SESSIONS * N_EARLY], la[SESSIONS * N_LATER];
	size_t ne = 0, nl = 0;
	for (int s = 0; s < SESSIONS; s++) {
		char *cv[] = {(char *)g->cwgview, (char *)g->corpus, NULL};
		struct pty p;
		pty_spawn(&p, 120, 40, cv, g->env);
		frame[s] = pty_until(&p, CWG_READY, 120);
		if (frame[s] < 0)
			die("cwgview drew no first frame of the corpus");
		for (size_t k = 0; k < N_EARLY; k++) {
			double dt = pty_key(&p, early[k], 30);
			if (dt < 0)
				die("a key got no answer within 30 s");
			ea[ne++] = dt * 1e3;
			if (k == 0)
				slash[s] = dt * 1e3;
		}
		/* The status line once the search has run: /国际电联 1/N. */
		/* (What came since Enter is still in p.seen.) */
		if (pty_until(&p, "国际电联 1/", 60) < 0)
			die("the search never showed its first hit");
		ready[s] = now() - p.started;
		for (size_t k = 0; k < N_LATER; k++) {
			double dt = pty_key(&p, later[k], 30);
			if (dt < 0)
				die("a key got no answer within 30 s");
			la[nl++] = dt * 1e3;
		}
		pty_close(&p);
	}
	double mf = median(frame, SESSIONS), mslash = median(slash, SESSIONS);
	printf("first frame, the corpus, 120x40 pty (fastest, median of %d):\n",
	       SESSIONS);
	printf("  cwgview:                 %8.3f s  %8.3f s\n", frame[0], mf);
	printf("  / bare libyaml parse:    %8.2fx   %8.2fx  (target <= 0.2x)\n",
	       frame[0] / tb[0], mf / tb[RUNS / 2]);
	printf("keys through the pty, the corpus, %d sessions:\n", SESSIONS);
	printf("  / at the first frame: median %.1f ms, max %.1f ms (target <= 33 ms)\n",
	       mslash, slash[SESSIONS - 1]);
	qsort(ea, ne, sizeof *ea, cmp_double);
	printf("  / 国际电联 Enter from the first frame (%zu keys): p50 %.1f ms, "
	       "max %.1f ms\n", ne, pct(ea, ne, 50), ea[ne - 1]);
	printf("  the first hit shown after the start: median %.3f s\n",
	       median(ready, SESSIONS));
	qsort(la, nl, sizeof *la, cmp_double);
	printf("  then j n n N j k n ] [ n with 240,621 hits (%zu keys): p50 %.1f ms, "
	       "max %.1f ms (target p50 <= 16 ms, max <= 33 ms)\n", nl,
	       pct(la, nl, 50), la[nl - 1]);
}

/* --search --count against the bare parse and grep -F on the flattened
 * text; its peak RSS against the file's size. */
static void search_vs(struct progs *g, double mb, const double tb[RUNS])
{
	char *sv[] = {(char *)g->cwgview, "--count", "--search", "国际电联",
		      (char *)g->corpus, NULL};
	char *gv[] = {(char *)g->grep, "-c", "-F", "国际电联", g->flat[1], NULL};
	double s[RUNS], gr[RUNS];
	long rss = 0, peak = 0;
	/* To a file, not /dev/null: GNU grep stops at the first match when
	 * its output is /dev/null. */
	char out[96];
	snprintf(out, sizeof out, "%s/count.txt", g->home);
	for (int i = 0; i < RUNS; i++) {
		s[i] = run_process(sv, out, &rss);
		peak = rss > peak ? rss : peak;
		gr[i] = run_process(gv, out, NULL);
	}
	unlink(out);
	double ms = median(s, RUNS), mg = median(gr, RUNS);
	printf("--search 国际电联 --count, the corpus (fastest, median of %d):\n", RUNS);
	printf("  cwgview:                 %8.3f s  %8.3f s\n", s[0], ms);
	printf("  / bare libyaml parse:    %8.2fx   %8.2fx  (target <= 1.3x)\n",
	       s[0] / tb[0], ms / tb[RUNS / 2]);
	printf("  grep -c -F on its text:  %8.3f s  %8.3f s\n", gr[0], mg);
	printf("  cwgview / grep:          %8.2fx   %8.2fx\n", s[0] / gr[0], ms / mg);
	printf("  peak RSS %.1f MB = %.2f x the file (target <= 2x)\n",
	       (double)peak / 1e6, (double)peak / 1e6 / mb);
}

static void progs_init(struct progs *g, char **argv)
{
	g->cwgview = argv[0];
	g->bundled = argv[1];
	g->corpus = argv[2];
	g->less = argv[3];
	g->grep = argv[4];
	snprintf(g->home, sizeof g->home, "/tmp/cwgbench.XXXXXX");
	if (!mkdtemp(g->home))
		die(strerror(errno));
	for (int i = 0; i < 2; i++) {
		snprintf(g->flat[i], sizeof g->flat[i], "%s/flat%d.txt", g->home, i);
		char *pv[] = {(char *)g->cwgview, "--print", "all", "--width", "120",
			      (char *)(i ? g->corpus : g->bundled), NULL};
		run_process(pv, g->flat[i], NULL);
	}
	static char home[80];
	snprintf(home, sizeof home, "HOME=%s", g->home);
	char **e = g->env;
	*e++ = "TERM=xterm-256color";
	*e++ = "LC_ALL=C.UTF-8";
	*e++ = "PATH=/usr/bin:/bin";
	*e++ = home;
	*e = NULL;
}

static void progs_free(struct progs *g)
{
	for (int i = 0; i < 2; i++)
		unlink(g->flat[i]);
	char dir[128];
	snprintf(dir, sizeof dir, "%s/.local/state/cwgview", g->home);
	/* (Only what cwgview may have made there; never a recursive rm.) */
	char hist[160];
	snprintf(hist, sizeof hist, "%s/history", dir);
	unlink(hist);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/.local/state", g->home);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/.local", g->home);
	rmdir(dir);
	rmdir(g->home);
}

/* argv: the corpus, then (for the figures of whole processes) cwgview,
 * the bundled document, less and grep. */
static int run(int argc, char **argv)
{
#if defined(__SANITIZE_ADDRESS__)
	printf("warning: built with sanitizers; configure without "
	       "--enable-sanitizers for real figures\n");
#endif
	const char *path = argv[0];
	struct stat st;
	if (stat(path, &st) != 0)
		die(strerror(errno));
	double mb = (double)st.st_size / 1e6;
	print_machine("start");
	printf("corpus: %s, %.1f MB\n", path, mb);
	/* Each measurement in a fresh process, alternating: other work on
	 * the machine (and, in a VM, the host backing new memory) moves
	 * single runs by tens of percent, so there are several of each, and
	 * the fastest and the median are shown. */
	double tb[RUNS];
	run_core(path, mb, tb);
	if (argc == 5) {
		char *pv[] = {argv[1], argv[2], argv[0], argv[3], argv[4]};
		struct progs g;
		memset(&g, 0, sizeof g);
		progs_init(&g, pv);
		frame_vs_less(&g, "bundled document", g.bundled, g.flat[0],
			      "target <= 1.0x");
		frame_vs_less(&g, "the corpus", g.corpus, g.flat[1], "less reads on demand");
		pty_session(&g, tb);
		search_vs(&g, mb, tb);
		progs_free(&g);
	}
	print_machine("end");
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0); /* each figure as it comes */
	if (argc == 5 && strcmp(argv[1], "generate") == 0)
		return generate(argv[2], atof(argv[3]), argv[4]);
	if ((argc == 3 || argc == 7) && strcmp(argv[1], "run") == 0)
		return run(argc - 2, argv + 2);
	fprintf(stderr, "usage: cwgbench generate OUT MB SEED_FILE | "
			"cwgbench run FILE [CWGVIEW BUNDLED LESS GREP]\n");
	return 2;
}
