/* The paper sizes of pdf.h, which exist with or without PDF output: the
 * options that name a paper are checked either way. */
#include "config.h"

#include "cwgview/pdf.h"

#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	double width, height;
} papers[] = {
	/* 210 × 297 mm and 8.5 × 11 in, in points. */
	[PDF_PAPER_A4] = {"a4", 595.2756, 841.8898},
	[PDF_PAPER_LETTER] = {"letter", 612.0, 792.0},
};

bool pdf_paper_parse(const char *name, enum pdf_paper *paper)
{
	for (size_t i = 0; i < sizeof papers / sizeof *papers; i++) {
		if (strcasecmp(name, papers[i].name) == 0) {
			*paper = (enum pdf_paper)i;
			return true;
		}
	}
	return false;
}

const char *pdf_paper_name(enum pdf_paper paper)
{
	return papers[paper].name;
}

void pdf_paper_size(enum pdf_paper paper, double *width, double *height)
{
	*width = papers[paper].width;
	*height = papers[paper].height;
}
