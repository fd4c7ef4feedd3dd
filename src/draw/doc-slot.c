/* doc-slot.c: the lesson layout's slots for widgets and quizzes (their text
 * alternatives, a quiz as numbered text) and the answers section of --plain.
 * Must not include curses. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/doc-ctx.h"
#include "nls.h"

/* The text alternative of a widget, a quiz as numbered text, or how many steps of a
 * @steps block are shown, inside the slot. */
static void slot_text(Ctx *c, const Block *b, int x, int w, int number)
{
	size_t i;
	char label[64];

	if (b->kind == BLOCK_STEPWISE) { /* its control, when it has none live */
		snprintf(label, sizeof label, _("Step %d of %d"), doc_steps_shown(c, b),
			 (int)b->stepwise.nsteps);
		doc_emit_str(c, label, STYLE_DIM, x, w);
		return;
	}
	if (b->kind == BLOCK_WIDGET) {
		c->t.n = 0;
		doc_styled_add(c, "[", 1, STYLE_DIM);
		doc_styled_add(c, b->widget.kind, strlen(b->widget.kind), STYLE_DIM);
		doc_styled_add(c, "] ", 2, STYLE_DIM);
		doc_styled_add(c, b->widget.alt ? b->widget.alt : "", b->widget.alt ? strlen(b->widget.alt) : 0,
			   STYLE_NORMAL);
		doc_emit(c, x, w, NULL, STYLE_NORMAL, 0);
		return;
	}
	snprintf(label, sizeof label, _("Question %d."), number);
	c->t.n = 0;
	doc_styled_add(c, label, strlen(label), STYLE_TITLE);
	doc_styled_add(c, " ", 1, STYLE_NORMAL);
	doc_styled_text(c, &b->quiz.prompt, STYLE_NORMAL);
	doc_emit(c, x, w, NULL, STYLE_NORMAL, 0);
	for (i = 0; i < b->quiz.nchoices; i++) {
		char p[24];
		size_t k = i;
		if (b->quiz.kind == QUIZ_ORDER) {
			/* Listed in the file in the right order: shown rotated by one, so the
			 * listing never gives the answer away. */
			snprintf(p, sizeof p, "%s", doc_glyph(c, "•", "-"));
			k = (i + 1) % b->quiz.nchoices;
		} else {
			snprintf(p, sizeof p, "%c)", (int)('a' + (int)(i % 26)));
		}
		doc_emit_text(c, &b->quiz.choices[k].text, STYLE_NORMAL, x + 2, w - 2, p, STYLE_ACCENT,
			  utf8_width(p, strlen(p)) + 1);
	}
	/* Match: the left items numbered, the right ones lettered and rotated by one, so
	 * the listing never gives a pair away. */
	for (i = 0; i < b->quiz.npairs; i++) {
		char p[24];
		snprintf(p, sizeof p, "%zu.", i + 1);
		doc_emit_text(c, &b->quiz.pairs[i].left, STYLE_NORMAL, x + 2, w - 2, p, STYLE_ACCENT,
			  (int)strlen(p) + 1);
	}
	for (i = 0; i < b->quiz.npairs; i++) {
		char p[24];
		snprintf(p, sizeof p, "%c)", (int)('a' + (int)(i % 26)));
		doc_emit_text(c, &b->quiz.pairs[(i + 1) % b->quiz.npairs].right, STYLE_NORMAL, x + 2,
			  w - 2, p, STYLE_ACCENT, (int)strlen(p) + 1);
	}
	if (b->quiz.kind == QUIZ_NUMERIC)
		doc_emit_str(c, _("Answer: a number."), STYLE_DIM, x + 2, w - 2);
	if (b->quiz.kind == QUIZ_RECALL)
		doc_emit_str(c, _("Answer in your own words."), STYLE_DIM, x + 2, w - 2);
}

void doc_slot(Ctx *c, const Block *b, int x, int w)
{
	DocLayout *d = c->d;
	DocSlot *s;
	int number = b->kind == BLOCK_QUIZ ? ++c->quizzes : 0;
	int y0 = c->y, want = 0, body;

	if (d->nslots == c->slots_cap) {
		size_t cap = c->slots_cap ? 2 * c->slots_cap : 8;
		DocSlot *ns = realloc(d->slots, cap * sizeof *ns);
		if (!ns) {
			c->fail = 1;
			return;
		}
		d->slots = ns;
		c->slots_cap = cap;
	}
	if (c->o->slot_height)
		want = c->o->slot_height(c->o->ctx, b, w);
	/* A live widget draws over its slot, so on screen its slot is as tall as the
	 * widget: rows for a longer text alternative beneath it would only push what it
	 * changes further away. --plain prints the text, then the drawing. */
	if (c->o->plain || want <= 0 || b->kind != BLOCK_WIDGET)
		slot_text(c, b, x, w, number);
	body = c->y - y0;
	if (c->o->plain && want > 0) /* the drawing goes under the text */
		doc_ensure(c, want), c->y += want;
	else if (!c->o->plain && want > c->y - y0)
		doc_ensure(c, want - (c->y - y0)), c->y = y0 + want;
	s = &d->slots[d->nslots++];
	s->body = c->o->plain ? body : 0;
	s->block = b;
	s->unit = (size_t)c->unit;
	s->number = number;
	s->x = x;
	s->y = y0;
	s->w = w;
	s->h = c->y - y0;
}

/* The right answer of a quiz as text, for the answers section of --plain. */
static void answer_text(Ctx *c, const Quiz *q)
{
	char buf[512];
	size_t i;
	int n = 0;

	switch (q->kind) {
	case QUIZ_SINGLE:
	case QUIZ_MULTI:
		for (i = 0; i < q->nchoices; i++) {
			if (!q->choices[i].right)
				continue;
			snprintf(buf, sizeof buf, "%s%c) ", n++ ? "; " : "", (int)('a' + (int)(i % 26)));
			doc_styled_add(c, buf, strlen(buf), STYLE_NORMAL);
			doc_styled_text(c, &q->choices[i].text, STYLE_NORMAL);
		}
		break;
	case QUIZ_NUMERIC:
		snprintf(buf, sizeof buf, "%g", q->answer);
		doc_styled_add(c, buf, strlen(buf), STYLE_NORMAL);
		if (q->unit) {
			doc_styled_add(c, " ", 1, STYLE_NORMAL);
			doc_styled_add(c, q->unit, strlen(q->unit), STYLE_NORMAL);
		}
		break;
	case QUIZ_MATCH:
		for (i = 0; i < q->npairs; i++) {
			doc_styled_add(c, i ? "; " : "", i ? 2 : 0, STYLE_NORMAL);
			doc_styled_text(c, &q->pairs[i].left, STYLE_NORMAL);
			doc_styled_add(c, " = ", 3, STYLE_NORMAL);
			doc_styled_text(c, &q->pairs[i].right, STYLE_NORMAL);
		}
		break;
	case QUIZ_ORDER:
		for (i = 0; i < q->nchoices; i++) {
			doc_styled_add(c, i ? ", then " : "", i ? 7 : 0, STYLE_NORMAL);
			doc_styled_text(c, &q->choices[i].text, STYLE_NORMAL);
		}
		break;
	case QUIZ_RECALL:
		doc_styled_add(c, _("mention "), strlen(_("mention ")), STYLE_NORMAL);
		for (i = 0; i < q->nterms; i++) {
			doc_styled_add(c, i ? ", " : "", i ? 2 : 0, STYLE_NORMAL);
			if (q->terms[i].nalts)
				doc_styled_add(c, q->terms[i].alts[0], strlen(q->terms[i].alts[0]),
					   STYLE_NORMAL);
		}
		break;
	}
}

/* --plain: the lesson's quizzes answered at its end, each with its explanation, so a
 * reader without the forms can still check their thinking. */
void doc_answers(Ctx *c, int x, int w)
{
	size_t i;
	int shown = 0;

	for (i = 0; i < c->d->nslots; i++) {
		const DocSlot *sl = &c->d->slots[i];
		char label[64];
		if (sl->block->kind != BLOCK_QUIZ)
			continue;
		if (!shown++) {
			doc_emit_str(c, _("Answers"), STYLE_TITLE, x, w);
			doc_blank(c);
		}
		snprintf(label, sizeof label, _("Question %d: "), sl->number);
		c->t.n = 0;
		doc_styled_add(c, label, strlen(label), STYLE_BOLD);
		answer_text(c, &sl->block->quiz);
		if (sl->block->quiz.explain.n) {
			doc_styled_add(c, ". ", 2, STYLE_NORMAL);
			doc_styled_text(c, &sl->block->quiz.explain, STYLE_NORMAL);
		}
		doc_emit(c, x, w, NULL, STYLE_NORMAL, 0);
		doc_blank(c);
	}
}
