/* The parts of cwgview that the first frame does not need, loaded on first
 * use with dlopen: PDF output (Pango, Cairo, fontconfig: cwgview-pdf.so)
 * and folding traditional Chinese (OpenCC: cwgview-t2s.so).
 *
 * Without them a browser maps libc, ncursesw, libyaml, libunistring and
 * little else when it draws its first frame; with Pango and OpenCC linked
 * in it mapped 48 libraries, glib and libstdc++ among them, and paid for
 * relocating every one before the first byte reached the screen.
 *
 * A module is one shared object with one exported function, its entry,
 * that returns a table of functions (below).  The table starts with the
 * module's idea of the model's layout: a module built from other sources
 * than the program (an old one left in pkglibdir) is refused, with a
 * message, instead of reading a struct doc it does not know.
 *
 * Where a module is looked for, first found wins:
 *   1. $CWGVIEW_MODULE_DIR, when set (make check sets it to the build
 *      tree, as it sets CWGVIEW_DATA);
 *   2. the directory of the running program, when the module is there (the
 *      build tree: cwgview and its modules are built side by side);
 *   3. pkglibdir ($(libdir)/cwgview), where make install puts them.
 *
 * Part of the core: this never prints or exits; failures are one line in
 * err, naming the Debian package that provides what is missing. */
#ifndef CWGVIEW_MODULE_H
#define CWGVIEW_MODULE_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/buf.h"
#include "cwgview/doc.h"
#include "cwgview/pdf.h"

/* Bumped when a table below changes. */
#define MODULE_ABI 1

/* What a module and the program must agree on, filled in by MODULE_STAMP
 * in each of them. */
struct module_stamp {
	unsigned abi;
	size_t doc_size, topic_size, input_size, block_size, item_size;
};
#define MODULE_STAMP                                                           \
	{                                                                      \
		MODULE_ABI, sizeof(struct doc), sizeof(struct doc_topic),      \
			sizeof(struct doc_input), sizeof(struct doc_block),    \
			sizeof(struct doc_item)                                \
	}

/* cwgview-pdf.so, entry cwgview_pdf_module: pdf.h's functions. */
struct pdf_module {
	struct module_stamp stamp;
	bool (*find_cjk_font)(char *family, size_t family_size, char *err,
			      size_t errsize);
	bool (*render_topics)(struct buf *out, const struct doc *d,
			      const bool *selected, enum pdf_paper paper,
			      char *err, size_t errsize);
};
#define PDF_MODULE_FILE "cwgview-pdf.so"
#define PDF_MODULE_ENTRY "cwgview_pdf_module"
#define PDF_MODULE_PACKAGES "libpangocairo-1.0-0, libcairo2 and libfontconfig1"

/* cwgview-t2s.so, entry cwgview_t2s_module: OpenCC's traditional to
 * simplified conversion, opened by absolute paths (fold.c says why). */
struct t2s_module {
	struct module_stamp stamp;
	/* A converter, or NULL with the reason in err. */
	void *(*open)(char *err, size_t errsize);
	/* s[0..n) converted, NUL-terminated, to be given to release; NULL
	 * when it could not be. */
	char *(*convert)(void *cc, const char *s, size_t n);
	void (*release)(char *converted);
	void (*close)(void *cc);
};
#define T2S_MODULE_FILE "cwgview-t2s.so"
#define T2S_MODULE_ENTRY "cwgview_t2s_module"
#define T2S_MODULE_PACKAGES "libopencc1.1 and libopencc-data"

/* The entry's table of the module file (one of the *_MODULE_FILE names),
 * or NULL with a one-line reason in err that names packages, the Debian
 * packages the module needs.  A module once loaded stays loaded; loading
 * it again is cheap.  Safe to call from any thread. */
const void *module_load(const char *file, const char *entry,
			const char *packages, char *err, size_t errsize);

/* How the entry functions are declared in the modules. */
#define MODULE_EXPORT __attribute__((visibility("default")))

#endif
