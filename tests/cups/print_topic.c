/* What the browser's print key does, without the browser: renders topic N
 * of the bundled document to PDF in memory and hands it to a command on
 * its standard input.  tests/cli/cups.sh runs it against a private cupsd.
 *
 *   print_topic N COMMAND [ARG]...
 *
 * Prints one line, "ok JOB-ID" (or "ok -" when the command printed no job
 * id, as CUPS's lpr does not) or "error: <the status line>", and exits 0 or
 * 1 accordingly. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cwgview/buf.h"
#include "cwgview/load.h"
#include "cwgview/pdf.h"
#include "cwgview/spawn.h"

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: print_topic N COMMAND [ARG]...\n");
		return 2;
	}
	struct load_error lerr;
	struct doc *d = load_file(SRCDIR "/data/cwgsfp.yaml", NULL, &lerr);
	if (!d) {
		fprintf(stderr, "print_topic: %s\n", lerr.msg);
		return 2;
	}
	bool *sel = calloc(d->n_topics, sizeof *sel);
	char err[256];
	struct buf pdf = BUF_INIT;
	int status = 1;
	if (!sel || !doc_select(d, argv[1], sel, err, sizeof err) ||
	    !pdf_render_topics(&pdf, d, sel, PDF_PAPER_A4, err, sizeof err)) {
		printf("error: %s\n", sel ? err : "out of memory");
		goto out;
	}
	struct spawn_result r;
	spawn_result_init(&r);
	const char *const *cmd = (const char *const *)argv + 2;
	if (spawn_run(cmd, pdf.data, pdf.len, 60 * 1000, &r)) {
		char id[128];
		printf("ok %s\n", spawn_parse_job_id(r.output.data, r.output.len,
						     id, sizeof id)
					  ? id
					  : "-");
		status = 0;
	} else {
		struct buf msg = BUF_INIT;
		spawn_describe(&r, argv[2], &msg);
		printf("error: %s\n", msg.data ? msg.data : "");
		buf_free(&msg);
	}
	spawn_result_free(&r);
out:
	buf_free(&pdf);
	free(sel);
	doc_free(d);
	return status;
}
