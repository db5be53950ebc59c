/* What every pane and the loop use: a pane's content area and the bound
 * on its scroll position.  Calls nothing else of the browser. */
#include "config.h"

#include "tui/tui.h"

int pane_rows(const struct pane *p)
{
	return p->h > 2 ? p->h - 2 : 0;
}

int pane_cols(const struct pane *p)
{
	return p->w > 4 ? p->w - 4 : 0; /* borders, one column padding each side */
}

void pane_clamp(struct pane *p)
{
	size_t rows = (size_t)pane_rows(p);
	size_t max = p->n_lines > rows ? p->n_lines - rows : 0;
	if (p->top > max)
		p->top = max;
}
