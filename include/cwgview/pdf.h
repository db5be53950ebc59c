/* PDF output of topics: pages laid out with Pango and drawn with Cairo.
 *
 * Printing plain text through lpr sets Chinese badly (CUPS's text filter
 * overlaps CJK glyphs or prints boxes), so cwgview lays out its own pages:
 * the topic's number and title, each input with its source kind,
 * contributor or report and document numbers, items with their markers and
 * hanging indents, the guidance under its own label, a running header with
 * the document's title and a footer 第 n 页 / 共 m 页.  Chinese is set in a
 * CJK font found through fontconfig; the font is embedded (subset).
 *
 * Like the rest of the core this never prints, never exits and never
 * touches a terminal: the PDF goes into a buffer and errors into a string.
 * When cwgview is built without Pango and Cairo (configure --without-pdf,
 * or pangocairo not found) the functions below still exist: pdf_unavailable()
 * gives the reason and the others fail with a message saying so. */
#ifndef CWGVIEW_PDF_H
#define CWGVIEW_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "cwgview/buf.h"
#include "cwgview/doc.h"

enum pdf_paper { PDF_PAPER_A4, PDF_PAPER_LETTER };

/* "a4" or "letter", in any case. */
bool pdf_paper_parse(const char *name, enum pdf_paper *paper);
const char *pdf_paper_name(enum pdf_paper paper);
/* The page size in PostScript points (1/72 inch). */
void pdf_paper_size(enum pdf_paper paper, double *width, double *height);

/* NULL when this cwgview was built with Pango and Cairo; otherwise the
 * one-line reason why PDF output is not available. */
const char *pdf_unavailable(void);

/* Looks for an installed font that covers Chinese (through fontconfig,
 * which honours FONTCONFIG_FILE) and writes its family name into family.
 * Prefers a serif face for running text (Noto Serif CJK SC, Source Han
 * Serif, AR PL UMing), then sans ones (Noto Sans CJK SC, WenQuanYi …); any
 * font is accepted only when its character set covers a probe of common
 * characters, so a Latin font that fontconfig offers as the "best match"
 * never gets through.  On failure writes a one-line message naming the
 * Debian package to install into err. */
bool pdf_find_cjk_font(char *family, size_t family_size, char *err,
		       size_t errsize);

/* Appends to out a PDF of the topics d->topics[i] with selected[i] set, in
 * document order, each starting on a new page.  On failure returns false
 * with a one-line message in err (no Chinese font, not built in, out of
 * memory, a Cairo error); out may then hold part of a PDF and should be
 * thrown away. */
bool pdf_render_topics(struct buf *out, const struct doc *d,
		       const bool *selected, enum pdf_paper paper, char *err,
		       size_t errsize);

#endif
