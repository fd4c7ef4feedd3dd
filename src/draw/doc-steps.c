/* doc-steps.c: the lesson layout of a @steps block: its title, the steps shown so far
 * (each numbered, its why beside the number, its blocks under it) behind a bar, and
 * the slot of the control that reveals the next one ("Step 2 of 4"); --plain shows
 * every step and no control. Must not include curses. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "draw/doc-ctx.h"
#include "nls.h"

int doc_steps_shown(const Ctx *c, const Block *b)
{
	int n = (int)b->stepwise.nsteps, k;

	if (c->o->plain || !c->o->steps_shown)
		return n;
	k = c->o->steps_shown(c->o->ctx, b);
	return k <= 0 || k > n ? n : k;
}

/* Step i: its number, its why beside it, its blocks under the why (the first beside
 * the number when there is no why). */
static void step(Ctx *c, const StepwiseStep *s, int i, int x, int w)
{
	char num[24];
	int hang, y0 = c->y;
	size_t j;

	snprintf(num, sizeof num, "%d.", i + 1);
	hang = (int)strlen(num) + 1;
	if (s->why.n)
		doc_emit_text(c, &s->why, STYLE_NORMAL, x, w, num, STYLE_ACCENT, hang);
	for (j = 0; j < s->nbody; j++) {
		if (j > 0)
			doc_blank(c);
		doc_block(c, &s->body[j], x + hang, w - hang);
	}
	if (!s->why.n && c->y > y0)
		grid_str(&c->d->g, x, y0, num, STYLE_ACCENT);
}

void doc_steps(Ctx *c, const Block *b, int x, int w)
{
	const Stepwise *s = &b->stepwise;
	int shown = doc_steps_shown(c, b), y0 = c->y, y, i;
	const char *label = _("Step by step"), *dot = doc_glyph(c, " · ", " - ");

	c->nested++;
	c->t.n = 0;
	doc_styled_add(c, label, strlen(label), STYLE_ACCENT);
	if (s->title) {
		doc_styled_add(c, dot, strlen(dot), STYLE_ACCENT);
		doc_styled_add(c, s->title, strlen(s->title), STYLE_BOLD);
	}
	doc_emit(c, x + 2, w - 2, NULL, STYLE_NORMAL, 0);
	for (i = 0; i < shown && !c->fail; i++) {
		doc_blank(c);
		step(c, &s->steps[i], i, x + 2, w - 2);
	}
	if (!c->o->plain) {
		doc_blank(c);
		doc_slot(c, b, x + 2, w - 2);
		for (y = y0; y < c->y; y++)
			grid_str(&c->d->g, x, y, doc_glyph(c, "▌", "|"), STYLE_ACCENT);
	}
	c->nested--;
}
