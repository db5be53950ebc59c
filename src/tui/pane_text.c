/* The inputs and guidance panes: the selected topic laid out by the core's
 * layout (the same code as --print --format text), scrolled like less. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cwgview/i18n.h"
#include "tui/tui.h"

/* The first model position shown at the top, so that a re-wrap at another
 * width can scroll back to the same text. */
static const char *anchor(const struct pane *p)
{
	for (size_t i = p->top; i < p->lay.n_lines; i++) {
		const struct lay_line *ln = &p->lay.lines[i];
		for (uint32_t k = 0; k < ln->n_spans; k++) {
			const struct lay_span *sp = &p->lay.spans[ln->first_span + k];
			if (sp->field) /* literals repeat; model bytes do not */
				return sp->s;
		}
	}
	return NULL;
}

void pane_text_relayout(struct pane *p, struct tui *t, unsigned parts)
{
	int width = pane_cols(p);
	if (width < 1)
		width = 1;
	if (p->lay_topic == (long)t->topic && p->lay_width == width)
		return;
	bool same_topic = p->lay_topic == (long)t->topic;
	const char *keep = same_topic ? anchor(p) : NULL;
	layout_topic(&p->lay, t->doc, &t->doc->topics[t->topic], parts, width);
	p->lay_topic = (long)t->topic;
	p->lay_width = width;
	p->n_lines = p->lay.n_lines;
	p->top = 0;
	if (keep) {
		/* The line holding the anchor byte: spans point into the
		 * model, so a pointer comparison finds it. */
		bool found = false;
		for (size_t i = 0; i < p->lay.n_lines && !found; i++) {
			const struct lay_line *ln = &p->lay.lines[i];
			for (uint32_t k = 0; k < ln->n_spans && !found; k++) {
				const struct lay_span *sp = &p->lay.spans[ln->first_span + k];
				if (keep >= sp->s && keep < sp->s + sp->len) {
					p->top = i;
					found = true;
				}
			}
		}
	}
	pane_clamp(p);
}

void pane_text_draw(struct pane *p, struct tui *t)
{
	int rows = pane_rows(p), cols = pane_cols(p);
	struct find_hl hl;
	bool marks = find_highlights(t, t->topic, &hl);
	for (int r = 0; r < rows; r++) {
		size_t i = p->top + (size_t)r;
		if (i >= p->lay.n_lines)
			break;
		draw_layout_line(p->win, &p->lay, i, r + 1, 2, cols, marks ? &hl : NULL);
	}
}

static const char *inputs_title(const struct pane *p, const struct tui *t,
				char *buf, size_t size)
{
	(void)p;
	const struct doc_topic *tp = &t->doc->topics[t->topic];
	snprintf(buf, size, "%s · %ld %s", t->doc->columns[DOC_COL_INPUT],
		 tp->number, tp->title);
	return buf;
}

static void inputs_relayout(struct pane *p, struct tui *t)
{
	pane_text_relayout(p, t, LAY_PART_INPUTS);
}

static const char *guidance_title(const struct pane *p, const struct tui *t,
				  char *buf, size_t size)
{
	(void)p;
	snprintf(buf, size, "%s", t->doc->columns[DOC_COL_GUIDANCE]);
	return buf;
}

static void guidance_relayout(struct pane *p, struct tui *t)
{
	pane_text_relayout(p, t, LAY_PART_GUIDANCE);
}

const struct pane_ops pane_inputs_ops = {inputs_title, inputs_relayout,
					 pane_text_draw, NULL, NULL};
const struct pane_ops pane_guidance_ops = {guidance_title, guidance_relayout,
					   pane_text_draw, NULL, NULL};
