/* pdf.h when cwgview is built without Pango and Cairo (configure
 * --without-pdf, or pangocairo not found): Makefile.am builds this instead
 * of pdf.c, and every call says why there is no PDF output. */
#include "config.h"

#include "cwgview/pdf.h"

#include <stdio.h>

static const char not_built[] =
	"PDF output is not built into this cwgview (configure found no "
	"pangocairo)";

const char *pdf_unavailable(void)
{
	return not_built;
}

bool pdf_find_cjk_font(char *family, size_t family_size, char *err,
		       size_t errsize)
{
	if (family_size)
		family[0] = '\0';
	snprintf(err, errsize, "%s", not_built);
	return false;
}

bool pdf_render_topics(struct buf *out, const struct doc *d,
		       const bool *selected, enum pdf_paper paper, char *err,
		       size_t errsize)
{
	(void)out, (void)d, (void)selected, (void)paper;
	snprintf(err, errsize, "%s", not_built);
	return false;
}
