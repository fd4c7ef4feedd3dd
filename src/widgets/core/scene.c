/* scene.c: the live widgets of one lesson: making them from the document, finding
 * them by block or id, reading their values, ticking animations.
 * Must not draw, read keys or touch progress: the player does. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "widgets/core/problem.h"
#include "widgets/quiz/quiz.h"
#include "widgets/core/registry.h"
#include "widgets/core/widget.h"

/* Counts (when items is NULL) or fills the instances of blocks[0..n), callouts
 * included, returning the count. */
static size_t collect(const Block *blocks, size_t n, Instance *items, size_t at)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const Block *b = &blocks[i];
		const WidgetOps *ops = NULL;
		const WidgetSchema *schema = NULL;
		const char *id = NULL;

		if (b->kind == BLOCK_CALLOUT) {
			at = collect(b->callout.body, b->callout.nbody, items, at);
			continue;
		}
		if (b->kind == BLOCK_WIDGET) {
			const WidgetKind *k = registry_find(b->widget.kind);
			if (k) {
				ops = k->ops;
				schema = &k->schema;
			}
			id = b->widget.id;
		}
		if (b->kind == BLOCK_QUIZ) { /* every quiz kind has a form */
			ops = &quiz_ops;
			id = b->quiz.id;
		}
		if (!ops)
			continue;
		if (items) {
			Instance *in = &items[at];
			memset(in, 0, sizeof *in);
			in->ops = ops;
			in->schema = schema;
			in->block = b;
			in->id = id;
		}
		at++;
	}
	return at;
}

/* When the directive of in fails the checker, turns in into the problem stand-in
 * showing the first error and returns true. This is the one place that keeps values a
 * kind's schema forbids away from its init, whatever the lesson was loaded by. */
static bool scene_reject(Instance *in, const Lesson *l, const SchemaTable *t)
{
	DiagList d;
	char *msg = NULL;
	bool bad;

	if (in->block->kind != BLOCK_WIDGET)
		return false;
	diag_init(&d, 1);
	bad = lesson_check_widget(l, in->block, t, &d) > 0 || d.nomem;
	if (bad && d.n) {
		const Diag *g = &d.items[0];
		int n = snprintf(NULL, 0, "%s:%d: %s", g->file, g->line, g->msg);
		if (n >= 0 && (msg = malloc((size_t)n + 1)))
			snprintf(msg, (size_t)n + 1, "%s:%d: %s", g->file, g->line, g->msg);
	}
	diag_free(&d);
	if (!bad)
		return false;
	in->ops = &problem_ops;
	in->schema = NULL;
	in->id = NULL; /* nothing to save, nothing for others to read */
	in->state = msg;
	return true;
}

int scene_init(Scene *s, const Lesson *l)
{
	SchemaTable schemas = registry_schemas();
	size_t u, n = 0, i;

	memset(s, 0, sizeof *s);
	s->lesson_id = l->id;
	for (u = 0; u < l->nunits; u++)
		n = collect(l->units[u].blocks, l->units[u].nblocks, NULL, n);
	if (n == 0)
		return 0;
	s->items = calloc(n, sizeof *s->items);
	if (!s->items)
		return -1;
	for (u = 0, n = 0; u < l->nunits; u++)
		n = collect(l->units[u].blocks, l->units[u].nblocks, s->items, n);
	s->n = n;
	/* Every instance can find its siblings before any is initialised. */
	for (i = 0; i < n; i++)
		s->items[i].scene = s;
	for (i = 0; i < n; i++) {
		Instance *in = &s->items[i];
		s->ready = i; /* its init reads the values of those before it only */
		if (scene_reject(in, l, &schemas))
			continue;
		if (in->ops->init && in->ops->init(in) != 0)
			in->failed = true;
	}
	s->ready = n;
	return 0;
}

void scene_free(Scene *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!s->items[i].failed && s->items[i].ops->free)
			s->items[i].ops->free(&s->items[i]);
	free(s->items);
	memset(s, 0, sizeof *s);
}

Instance *scene_for_block(Scene *s, const Block *b)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->items[i].block == b)
			return s->items[i].failed ? NULL : &s->items[i];
	return NULL;
}

Instance *scene_find(Scene *s, const char *id)
{
	size_t i;

	for (i = 0; id && i < s->n; i++)
		if (s->items[i].id && strcmp(s->items[i].id, id) == 0 && !s->items[i].failed)
			return &s->items[i];
	return NULL;
}

bool scene_value(const Scene *s, const char *id, double *out)
{
	Instance *in = scene_find((Scene *)(uintptr_t)s, id);
	/* One not initialised yet (during scene_init) has no value. */
	return in && (size_t)(in - s->items) < s->ready && in->ops->value &&
	       in->ops->value(in, out);
}

bool scene_animating(const Scene *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->items[i].animating && !s->items[i].offscreen)
			return true;
	return false;
}

bool scene_tick(Scene *s, double dt)
{
	size_t i;
	bool changed = false;

	for (i = 0; i < s->n; i++) {
		Instance *in = &s->items[i];
		if (in->offscreen)
			continue;
		if (in->animating && in->ops->tick && in->ops->tick(in, dt))
			changed = true;
		else if (in->animating && !in->ops->tick)
			in->animating = false;
	}
	return changed;
}
