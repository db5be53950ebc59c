/* pdf.h for the program: PDF output is the module cwgview-pdf.so
 * (module.h), loaded the first time it is asked for, so that nothing of
 * Pango, Cairo or fontconfig is mapped before someone prints.  When
 * cwgview is built without them (configure --without-pdf, or pangocairo
 * not found) there is no module, and every call says so. */
#include "config.h"

#include "cwgview/i18n.h"
#include "cwgview/module.h"
#include "cwgview/pdf.h"

#include <stdio.h>

/* Called from the main thread only (main.c, the browser's p and s). */
static const struct pdf_module *mod;

#ifdef HAVE_PDF
static char problem[400];

const char *pdf_unavailable(void)
{
	if (mod)
		return NULL;
	if (!problem[0]) {
		char why[360];
		mod = module_load(PDF_MODULE_FILE, PDF_MODULE_ENTRY,
				  PDF_MODULE_PACKAGES, why, sizeof why);
		if (!mod)
			snprintf(problem, sizeof problem, _("no PDF output: %s"), why);
	}
	return mod ? NULL : problem;
}
#else
const char *pdf_unavailable(void)
{
	return _("PDF output is not built into this cwgview (configure found "
	 "no pangocairo)");
}
#endif

bool pdf_find_cjk_font(char *family, size_t family_size, char *err,
		       size_t errsize)
{
	const char *why = pdf_unavailable();
	if (!why)
		return mod->find_cjk_font(family, family_size, err, errsize);
	if (family_size)
		family[0] = '\0';
	snprintf(err, errsize, "%s", why);
	return false;
}

bool pdf_render_topics(struct buf *out, const struct doc *d,
		       const bool *selected, enum pdf_paper paper, char *err,
		       size_t errsize)
{
	const char *why = pdf_unavailable();
	if (!why)
		return mod->render_topics(out, d, selected, paper, err, errsize);
	snprintf(err, errsize, "%s", why);
	return false;
}
