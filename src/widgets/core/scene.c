/* scene.c: the live widgets of one lesson: making them from the document in two phases
 * (every instance first, then each initialised after the widgets it reads), finding
 * them by block or id, the data they publish, ticking animations.
 * Must not draw, read keys or touch progress: the player does. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "widgets/controls/stepwise.h"
#include "widgets/core/problem.h"
#include "widgets/core/registry.h"
#include "widgets/quiz/quiz.h"
#include "widgets/core/widget.h"

/* Counts (when items is NULL) or fills the instances of blocks[0..n), callouts and
 * the steps of @steps blocks included (a @steps block's own control first), returning
 * the count. */
static size_t collect(const Block *blocks, size_t n, Instance *items, size_t at)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const Block *b = &blocks[i];
		const WidgetKind *k = NULL;
		const char *id = NULL;

		if (b->kind == BLOCK_CALLOUT) {
			at = collect(b->callout.body, b->callout.nbody, items, at);
			continue;
		}
		if (b->kind == BLOCK_STEPWISE) {
			size_t j;
			if (items) {
				memset(&items[at], 0, sizeof items[at]);
				items[at].ops = &stepwise_ops;
				items[at].block = b;
				items[at].id = b->stepwise.id;
			}
			at++;
			for (j = 0; j < b->stepwise.nsteps; j++)
				at = collect(b->stepwise.steps[j].body, b->stepwise.steps[j].nbody,
					     items, at);
			continue;
		}
		if (b->kind == BLOCK_WIDGET) {
			k = registry_find(b->widget.kind);
			if (!k || !k->ops)
				continue; /* its text alternative stands in */
			id = b->widget.id;
		} else if (b->kind == BLOCK_QUIZ) { /* every quiz kind has a form */
			id = b->quiz.id;
		} else {
			continue;
		}
		if (items) {
			Instance *in = &items[at];
			memset(in, 0, sizeof *in);
			in->ops = k ? k->ops : &quiz_ops;
			in->kind = k;
			in->schema = k ? &k->schema : NULL;
			in->block = b;
			in->id = id;
			in->goal = k ? kind_has_goal(k, &b->widget) : true;
		}
		at++;
	}
	return at;
}

/* When the directive of in fails the checker, turns in into the problem stand-in
 * showing the first error and returns true. This is the one place that keeps values a
 * kind's schema forbids (and references it cannot read) away from its init, whatever
 * the lesson was loaded by. */
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
	in->kind = NULL;
	in->schema = NULL;
	in->id = NULL; /* nothing to save, nothing for others to read */
	in->goal = false;
	in->state = msg;
	return true;
}

/* The instance a reference ("id" or "id:output") names, or NULL. */
static Instance *ref_target(Scene *s, const char *ref)
{
	size_t n = schema_ref_id_len(ref), i;

	for (i = 0; ref && i < s->n; i++)
		if (s->items[i].id && strlen(s->items[i].id) == n &&
		    memcmp(s->items[i].id, ref, n) == 0)
			return &s->items[i];
	return NULL;
}

/* The first instance one of in's references names for which pred(t, arg) holds, or
 * NULL: the one walk over a widget's references. */
static Instance *find_ref(Scene *s, const Instance *in,
			  bool (*pred)(const Instance *t, const void *arg), const void *arg)
{
	size_t i, j;

	for (i = 0; in->kind && i < in->block->widget.nparams; i++) {
		const Param *p = &in->block->widget.params[i];
		const ParamSpec *ps = schema_param(in->schema, p->key);
		size_t n = p->kind == VALUE_LIST ? p->nitems : 1;
		if (!ps || (ps->type != PARAM_REF && ps->type != PARAM_REFS))
			continue;
		for (j = 0; j < n; j++) {
			Instance *t = ref_target(s, p->kind == VALUE_LIST ? p->items[j].str : p->str);
			if (t && pred(t, arg))
				return t;
		}
	}
	return NULL;
}

/* t is another instance, not initialised yet, that will be. */
static bool pending(const Instance *t, const void *in)
{
	return t != in && !t->ready && !t->failed;
}

static bool same(const Instance *t, const void *u)
{
	return t == u;
}

/* Whether every instance in's references name is initialised (or never will be). */
static bool deps_ready(Scene *s, const Instance *in)
{
	return !find_ref(s, in, pending, in);
}

bool scene_reads(const Instance *in, const Instance *t)
{
	if (!in || !t || in == t || !t->id || !in->scene)
		return false;
	if (!in->kind) /* a quiz reads the widget it shows */
		return in->block && in->block->kind == BLOCK_QUIZ && in->block->quiz.show &&
		       strcmp(in->block->quiz.show, t->id) == 0;
	return find_ref(in->scene, in, same, t) != NULL;
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
	/* Phase one: every instance exists, so each can be found by id. */
	for (u = 0, n = 0; u < l->nunits; u++)
		n = collect(l->units[u].blocks, l->units[u].nblocks, s->items, n);
	s->n = n;
	for (i = 0; i < n; i++) {
		s->items[i].scene = s;
		if (scene_reject(&s->items[i], l, &schemas))
			s->items[i].ready = true;
	}
	/* Phase two: each is initialised once all it reads is, in document order where
	 * nothing says otherwise, so the order of the directives in the file does not
	 * matter and an init may read any widget it refers to. */
	for (;;) {
		Instance *next = NULL;
		for (i = 0; i < n && !next; i++)
			if (!s->items[i].ready && !s->items[i].failed && deps_ready(s, &s->items[i]))
				next = &s->items[i];
		if (!next)
			break;
		if (next->ops->init && next->ops->init(next) != 0)
			next->failed = true; /* the player shows its text alternative */
		else
			next->ready = true;
	}
	/* What is left waits on a cycle, which the checker refuses (those are problems
	 * by now): never started. */
	for (i = 0; i < n; i++)
		if (!s->items[i].ready)
			s->items[i].failed = true;
	return 0;
}

void scene_free(Scene *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->items[i].ready && s->items[i].ops->free)
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

bool scene_output(const Instance *t, const char *name, unsigned accepts, Data *out)
{
	const OutputSpec *o;
	double v;

	memset(out, 0, sizeof *out);
	if (!t || !t->ready || t->failed || !t->schema)
		return false;
	o = schema_output_for(t->schema, name, accepts);
	if (!o)
		return false;
	out->type = o->type;
	if (t->ops->output)
		return t->ops->output(t, o->name, out) && out->type == o->type;
	/* A kind with only value(): its first output is that number, and the number's
	 * bits are its version (a new value is a new version). */
	if (o->type != DATA_SCALAR || o != &t->schema->outputs[0] || !t->ops->value ||
	    !t->ops->value(t, &v))
		return false;
	out->scalar = v;
	out->v = &out->scalar;
	out->n = 1;
	memcpy(&out->version, &v, sizeof out->version < sizeof v ? sizeof out->version : sizeof v);
	return true;
}

/* The reference text of in's parameter key (item i of a list), or NULL. */
static const char *ref_text(const Instance *in, const char *key, size_t i)
{
	return widget_word(in, key, i);
}

bool scene_data_at(const Instance *in, const char *key, size_t i, Data *out)
{
	const char *ref = ref_text(in, key, i);
	const ParamSpec *ps = in->schema ? schema_param(in->schema, key) : NULL;
	const char *colon;

	memset(out, 0, sizeof *out);
	if (!ref || !in->scene)
		return false;
	colon = strchr(ref, ':');
	return scene_output(ref_target(in->scene, ref), colon ? colon + 1 : NULL,
			    ps ? ps->accepts : 0, out);
}

bool scene_data_as(const Instance *in, const char *key, unsigned type, Data *out)
{
	const char *ref = ref_text(in, key, 0), *colon;

	memset(out, 0, sizeof *out);
	if (!ref || !in->scene)
		return false;
	colon = strchr(ref, ':');
	return scene_output(ref_target(in->scene, ref), colon ? colon + 1 : NULL, type, out);
}

bool scene_data(const Instance *in, const char *key, Data *out)
{
	return scene_data_at(in, key, 0, out);
}

bool scene_value(const Scene *s, const char *id, double *out)
{
	Instance *in = ref_target((Scene *)(uintptr_t)s, id);
	Data d;

	if (!scene_output(in, NULL, DATA_SCALAR, &d))
		return false;
	*out = d.scalar;
	return true;
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
	if (changed)
		scene_changed(s);
	return changed;
}

bool scene_changed(Scene *s)
{
	size_t i;
	bool started = false;

	for (i = 0; i < s->n; i++) {
		Instance *in = &s->items[i];
		if (in->ready && !in->failed && !in->animating && in->kind &&
		    (in->kind->flags & KIND_WATCH) && in->ops->tick) {
			in->ops->tick(in, 0);
			started |= in->animating;
		}
	}
	return started;
}
