/* vtest.h: what the suites of the computing widgets (plot, network, neuron, game) share:
 * a lesson parsed and checked from a few directives, its scene, a widget drawn to text
 * (with the cursor), keys, and an in-memory Store. Check, libc and the widget layer. */
#ifndef NN_TESTS_WIDGETS_VTEST_H
#define NN_TESTS_WIDGETS_VTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/widget.h"

static const Caps VT_UTF8 = {true, 256};
static const Caps VT_MONO = {true, 0};
static const Caps VT_ASCII = {false, 0};

typedef struct {
	Lesson *lesson;
	Scene scene;
} VTest;

/* Parses a lesson whose one unit holds body, fails on any diagnostic of the parser or
 * the checker (against the registry's schemas), and starts its scene. */
static inline void vt_open(VTest *t, const char *body)
{
	SchemaTable schemas = registry_schemas();
	char *text = malloc(strlen(body) + 128);
	DiagList d;
	size_t i, n;

	ck_assert_ptr_nonnull(text);
	n = (size_t)sprintf(text, "@lesson T\n@title T\n@level 1\n@format 1\n@unit U\n%s", body);
	diag_init(&d, 0);
	lesson_parse(&t->lesson, "t.lesson", text, n, &d);
	ck_assert_ptr_nonnull(t->lesson);
	lesson_check(t->lesson, &schemas, &d);
	for (i = 0; i < d.n; i++)
		ck_abort_msg("line %d: %s", d.items[i].line, d.items[i].msg);
	diag_free(&d);
	free(text);
	ck_assert_int_eq(scene_init(&t->scene, t->lesson), 0);
}

static inline void vt_close(VTest *t)
{
	scene_free(&t->scene);
	lesson_free(t->lesson);
}

static inline Instance *vt_get(VTest *t, const char *id)
{
	Instance *in = scene_find(&t->scene, id);

	ck_assert_msg(in != NULL, "no live widget '%s'", id);
	return in;
}

/* in drawn at width w and its own height, as text, then "cursor x,y" when it placed
 * the cursor. The caller frees the result. */
static inline char *vt_draw(const Instance *in, int w, Caps caps, bool focused)
{
	Grid g;
	Rect r;
	int cx = -1, cy = -1;
	char *t, *out;
	size_t n;

	r.x = r.y = 0;
	r.w = w;
	r.h = in->ops->height(in, w);
	ck_assert_int_eq(grid_init(&g, r.w, r.h), 0);
	in->ops->draw(in, &g, r, caps, focused, &cx, &cy);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(t);
	n = strlen(t) + 32;
	out = malloc(n);
	ck_assert_ptr_nonnull(out);
	if (cx >= 0)
		snprintf(out, n, "%scursor %d,%d\n", t, cx, cy);
	else
		snprintf(out, n, "%s", t);
	free(t);
	grid_free(&g);
	return out;
}

/* Draws in at width w: unfocused and focused in UTF-8, focused in ASCII, and compares
 * the three with tests/widgets/golden/<name>.txt. */
static inline void vt_golden(const char *name, const Instance *in, int w)
{
	char *a = vt_draw(in, w, VT_UTF8, false), *b = vt_draw(in, w, VT_UTF8, true);
	char *c = vt_draw(in, w, VT_ASCII, true), path[256], *all;
	size_t n = strlen(a) + strlen(b) + strlen(c) + 128;

	all = malloc(n);
	ck_assert_ptr_nonnull(all);
	snprintf(all, n, "-- utf8\n%s-- utf8, focused\n%s-- ascii, focused\n%s", a, b, c);
	snprintf(path, sizeof path, "tests/widgets/golden/%s.txt", name);
	test_golden(path, all);
	free(all);
	free(a);
	free(b);
	free(c);
}

static inline unsigned vt_key(Instance *in, KeyCode code)
{
	Key k;

	memset(&k, 0, sizeof k);
	k.code = code;
	return in->ops->key(in, &k);
}

static inline unsigned vt_char(Instance *in, uint32_t ch)
{
	Key k;

	memset(&k, 0, sizeof k);
	k.code = K_CHAR;
	k.ch = ch;
	return in->ops->key(in, &k);
}

/* Types each character of s (K_CHAR), then Enter when enter is true. */
static inline void vt_type(Instance *in, const char *s, bool enter)
{
	for (; *s; s++)
		vt_char(in, (uint32_t)(unsigned char)*s);
	if (enter)
		vt_key(in, K_ENTER);
}

static inline double vt_value(VTest *t, const char *id)
{
	double v = 0;

	ck_assert_msg(scene_value(&t->scene, id, &v), "'%s' has no value", id);
	return v;
}

/* A Store of a few keys in memory. */
typedef struct {
	char keys[16][32];
	char values[16][256];
	int n;
	Store store;
} VStore;

static inline const char *vstore_get(void *ctx, const char *key)
{
	VStore *m = ctx;
	int i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->keys[i], key) == 0)
			return m->values[i];
	return NULL;
}

static inline void vstore_set(void *ctx, const char *key, const char *value)
{
	VStore *m = ctx;
	int i;

	for (i = 0; i < m->n && strcmp(m->keys[i], key) != 0; i++)
		;
	ck_assert_int_lt(i, 16);
	if (i == m->n)
		snprintf(m->keys[m->n++], sizeof m->keys[0], "%s", key);
	snprintf(m->values[i], sizeof m->values[0], "%s", value);
}

static inline void vstore_init(VStore *m)
{
	memset(m, 0, sizeof *m);
	m->store.get = vstore_get;
	m->store.set = vstore_set;
	m->store.ctx = m;
}

#endif
