/* What every pane and the loop use: a pane's content area, the bound on
 * its scroll position, the common scrolling, its label and the order of
 * the body's panes.  Calls nothing else of the browser. */
#include "config.h"

#include "tui/pane.h"
#include "tui/tui.h"

const char *pane_label(const struct pane *p, const struct tui *t, char *buf,
		       size_t size)
{
	return (p->ops->label ? p->ops->label : p->ops->title)(p, t, buf, size);
}

enum pane_id pane_step(const struct tui *t, enum pane_id i, int dir)
{
	int n = N_PANES, k = (int)i;
	do
		k = (k + dir + n) % n;
	while (t->panes[k].place != PANE_BODY && k != (int)i);
	return (enum pane_id)k;
}

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

void pane_scroll(struct pane *p, enum tui_action a, long count)
{
	size_t rows = (size_t)pane_rows(p);
	size_t page = rows > 1 ? rows - 1 : 1;
	size_t step = count > 0 ? (size_t)count : 1;
	switch (a) {
	case ACT_LINE_DOWN: p->top += step; break;
	case ACT_LINE_UP: p->top = p->top > step ? p->top - step : 0; break;
	case ACT_PAGE_DOWN: p->top += page; break;
	case ACT_PAGE_UP: p->top = p->top > page ? p->top - page : 0; break;
	case ACT_HALF_DOWN: p->top += rows / 2 ? rows / 2 : 1; break;
	case ACT_HALF_UP: p->top = p->top > rows / 2 ? p->top - rows / 2 : 0; break;
	case ACT_TOP: p->top = 0; break;
	case ACT_BOTTOM: p->top = p->n_lines; break;
	default: return;
	}
	pane_clamp(p);
}

void pane_spot_of(const struct pane *p, struct pane_spot *s)
{
	if (p->has_want) {
		*s = p->want;
		return;
	}
	s->line = p->top;
	s->width = pane_cols(p);
	s->field = NULL;
	s->off = 0;
	if (p->ops->position && p->n_lines &&
	    !p->ops->position(p, p->top, &s->field, &s->off))
		s->field = NULL;
}

void pane_want(struct pane *p, struct tui *t, const struct pane_spot *s)
{
	if (!p->ops->position) {
		p->top = s->line;
		pane_clamp(p);
		return;
	}
	p->want = *s;
	p->has_want = true;
	if (p->shown)
		p->ops->reflow(p, t);
}
