/* fuzz_lesson.c: the libFuzzer target for the lesson language: any bytes as a lesson
 * and as a course index, parsed, checked, walked and their diagnostics formatted; a
 * lesson that parses (checked or not) is then played by fuzz_scene.c.
 * Links the lesson, drawing and widget layers; no terminal. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "fuzz/fuzz_scene.h"
#include "lesson/course.h"
#include "lesson/lesson.h"
#include "widgets/core/registry.h"

/* Reads a text to the end, so a bad pointer or length shows under ASan. */
static size_t walk_text(const Text *t)
{
	char buf[64];
	size_t n = text_plain(t, buf, sizeof buf), i;

	for (i = 0; i < t->n; i++)
		n += strlen(t->spans[i].text) == t->spans[i].len;
	return n;
}

static size_t walk_blocks(const Block *b, size_t nb);

static size_t walk_quiz(const Quiz *q)
{
	size_t n = walk_text(&q->prompt) + walk_text(&q->explain), i, j;

	for (i = 0; i < q->nchoices; i++)
		n += walk_text(&q->choices[i].text) + walk_text(&q->choices[i].feedback);
	for (i = 0; i < q->npairs; i++)
		n += walk_text(&q->pairs[i].left) + walk_text(&q->pairs[i].right) +
		     walk_text(&q->pairs[i].feedback);
	for (i = 0; i < q->nwrongs; i++)
		n += walk_text(&q->wrongs[i].feedback) + (q->wrongs[i].value > 0);
	for (i = 0; i < q->nterms; i++)
		for (j = 0; j < q->terms[i].nalts; j++)
			n += strlen(q->terms[i].alts[j]);
	for (i = 0; i < q->nhints; i++)
		n += walk_text(&q->hints[i]);
	return n + (q->id ? strlen(q->id) : 0) + (q->show ? strlen(q->show) : 0) +
	       (q->unit ? strlen(q->unit) : 0);
}

static size_t walk_block(const Block *b)
{
	size_t n = 0, i, j;

	switch (b->kind) {
	case BLOCK_HEADING:
		return walk_text(&b->heading.text);
	case BLOCK_PARA:
		return walk_text(&b->para);
	case BLOCK_LIST:
	case BLOCK_STEPS:
		for (i = 0; i < b->list.n; i++)
			n += walk_text(&b->list.items[i]);
		return n;
	case BLOCK_FORMULA:
		for (i = 0; i < b->formula.nlines; i++)
			n += strlen(b->formula.uni[i]) + strlen(b->formula.ascii[i]);
		for (i = 0; i < b->formula.nlegend; i++)
			n += strlen(b->formula.legend[i].uni) + strlen(b->formula.legend[i].ascii) +
			     walk_text(&b->formula.legend[i].meaning);
		return n + walk_text(&b->formula.words);
	case BLOCK_CALLOUT:
		for (i = 0; i < b->callout.ncites; i++)
			n +=
			    strlen(b->callout.cites[i].authors) + strlen(b->callout.cites[i].title);
		return n + walk_blocks(b->callout.body, b->callout.nbody) +
		       (b->callout.title ? strlen(b->callout.title) : 0);
	case BLOCK_WIDGET:
		for (i = 0; i < b->widget.nparams; i++) {
			const Param *p = &b->widget.params[i];
			n += strlen(p->key) + (p->str ? strlen(p->str) : 0);
			for (j = 0; j < p->nitems; j++)
				n += strlen(p->items[j].str);
		}
		return n + strlen(b->widget.kind) + (b->widget.id ? strlen(b->widget.id) : 0) +
		       (b->widget.alt ? strlen(b->widget.alt) : 0);
	case BLOCK_QUIZ:
		return walk_quiz(&b->quiz);
	case BLOCK_CODE:
		for (i = 0; i < b->code.nlines; i++)
			n += strlen(b->code.lines[i].text) + walk_text(&b->code.lines[i].note);
		return n + strlen(b->code.lang);
	case BLOCK_STEPWISE:
		for (i = 0; i < b->stepwise.nsteps; i++)
			n += walk_text(&b->stepwise.steps[i].why) +
			     walk_blocks(b->stepwise.steps[i].body, b->stepwise.steps[i].nbody);
		return n + strlen(b->stepwise.id ? b->stepwise.id : "") +
		       (b->stepwise.title ? strlen(b->stepwise.title) : 0);
	case BLOCK_PAGE:
		break;
	}
	return n;
}

static size_t walk_blocks(const Block *b, size_t nb)
{
	size_t n = 0, i;

	for (i = 0; i < nb; i++)
		n += walk_block(&b[i]);
	return n;
}

static void format_all(DiagList *d)
{
	char small[64], big[1024];
	size_t i;

	for (i = 0; i < d->n; i++) {
		diag_format(&d->items[i], small, sizeof small);
		diag_format(&d->items[i], big, sizeof big);
	}
	diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	SchemaTable t = registry_schemas();
	DiagList d;
	Lesson *l = NULL;
	Course *c = NULL;
	size_t i, j, seen = 0;
	LessonStatus st;

	diag_init(&d, 0);
	st = lesson_parse(&l, "fuzz.lesson", text, size, &d);
	if (st != LESSON_ERR_NOMEM && !d.full)
		lesson_check(l, &t, &d);
	for (i = 0; l && i < l->nunits; i++)
		seen += walk_blocks(l->units[i].blocks, l->units[i].nblocks);
	format_all(&d);
	/* A lesson that parses is played, whatever the checker said of its widgets (what
	 * the player does with one that does not parse is issue 12, item 1). */
	if (st == LESSON_OK)
		fuzz_scene(l, data, size);

	diag_init(&d, 0);
	if (course_parse(&c, "course.index", text, size, &d) != LESSON_ERR_NOMEM) {
		/* the same bytes as the lesson of the first written lesson */
		for (i = 0; l && i < c->nlevels; i++)
			for (j = 0; j < c->levels[i].nlessons; j++)
				if (c->levels[i].lessons[j].path) {
					c->levels[i].lessons[j].lesson = l;
					l = NULL;
					break;
				}
		diag_begin(&d);
		course_check(c, &t, &d);
		course_free(c);
	}
	lesson_free(l);
	format_all(&d);
	return seen == (size_t)-1;
}
