/* wtest.c: the widget suites' shared helpers: parse, draw to text, keys, a Store.
 * Links the widget layer and Check; no terminal. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "lesson/course.h"
#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "wtest.h"

const Caps wt_utf8 = {true, 256}, wt_mono = {true, 0}, wt_ascii = {false, 0};

/* Parses text as the lesson file, checked or not, and starts its scene. */
static void open_text(WTest *t, const char *file, const char *text, bool checked)
{
	SchemaTable schemas = registry_schemas();
	DiagList d;
	char msg[1024];

	diag_init(&d, 0);
	memset(t, 0, sizeof *t);
	lesson_parse(&t->lesson, file, text, strlen(text), &d);
	ck_assert_ptr_nonnull(t->lesson);
	if (checked)
		lesson_check(t->lesson, &schemas, &d);
	if (d.n)
		diag_format(&d.items[0], msg, sizeof msg);
	ck_assert_msg(d.n == 0, "the lesson has %zu problems: %s", d.n, d.n ? msg : "");
	diag_free(&d);
	ck_assert_int_eq(scene_init(&t->scene, t->lesson), 0);
}

static void open_lesson(WTest *t, const char *body, bool checked)
{
	static const char head[] = "@lesson T-w\n@title Widgets\n@level 1\n@format 1\n\n"
				   "@unit T.w\n# Widgets\n\n";
	size_t n = strlen(head) + strlen(body) + 1;
	char *text = malloc(n);

	ck_assert_ptr_nonnull(text);
	snprintf(text, n, "%s%s", head, body);
	open_text(t, "t.lesson", text, checked);
	free(text);
}

void wt_open_file(WTest *t, const char *rel)
{
	char *text = NULL;
	size_t n;

	ck_assert_int_eq(course_read_file(test_srcpath(rel), &text, &n), 0);
	open_text(t, rel, text, true);
	free(text);
}

void wt_open(WTest *t, const char *body)
{
	open_lesson(t, body, true);
}

void wt_open_unchecked(WTest *t, const char *body)
{
	open_lesson(t, body, false);
}

double wt_value(WTest *t, const char *id)
{
	double v = 0;

	ck_assert_msg(scene_value(&t->scene, id, &v), "'%s' has no value", id);
	return v;
}

double wt_scalar(const Instance *in, const char *name)
{
	Data d;

	ck_assert_msg(scene_output(in, name, 0, &d), "no output '%s'", name);
	return d.scalar;
}

void wt_close(WTest *t)
{
	scene_free(&t->scene);
	lesson_free(t->lesson);
}

Instance *wt_get(WTest *t, const char *id)
{
	Instance *in = scene_find(&t->scene, id);

	ck_assert_msg(in != NULL, "no widget %s", id);
	return in;
}

/* One letter per cell for its style ('.' normal, F focus, a accent, b bold, d dim,
 * k key, g good...), trailing '.' dropped: the focus and highlights as text. */
static char *style_map(const Grid *g)
{
	static const char letters[STYLE_COUNT] = ".dbtakgxwFB";
	char *out = malloc((size_t)(g->w + 1) * (size_t)g->h + 1), *o = out;
	int x, y;

	ck_assert_ptr_nonnull(out);
	for (y = 0; y < g->h; y++) {
		char *line = o;
		for (x = 0; x < g->w; x++) {
			unsigned st = g->cells[y * g->w + x].style;
			*o++ = st < STYLE_COUNT ? letters[st] : '?';
		}
		while (o > line && o[-1] == '.')
			o--;
		*o++ = '\n';
	}
	*o = '\0';
	return out;
}

char *wt_text(const Instance *in, int w, Caps caps, bool focused, int *cx, int *cy)
{
	Grid g;
	int h = in->ops->height(in, w), x = -1, y = -1;
	Rect r = {0, 0, w, h};
	char *t;

	ck_assert_int_ge(h, 1);
	ck_assert_int_eq(grid_init(&g, w, h), 0);
	in->ops->draw(in, &g, r, caps, focused, &x, &y);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(t);
	grid_free(&g);
	if (cx)
		*cx = x, *cy = y;
	return t;
}

char *wt_draw_styled(const Instance *in, int w, Caps caps, bool focused, bool styles)
{
	Grid g;
	int h = in->ops->height(in, w), cx = -1, cy = -1;
	Rect r = {0, 0, w, h};
	char *text, *map = NULL, *out;
	size_t n;

	ck_assert_int_ge(h, 1);
	ck_assert_int_eq(grid_init(&g, w, h), 0);
	in->ops->draw(in, &g, r, caps, focused, &cx, &cy);
	text = grid_to_text(&g);
	ck_assert_ptr_nonnull(text);
	if (styles)
		map = style_map(&g);
	n = strlen(text) + (map ? strlen(map) : 0) + 48;
	out = malloc(n);
	ck_assert_ptr_nonnull(out);
	snprintf(out, n, "%s%s%s", text, map ? "-- styles\n" : "", map ? map : "");
	if (cx >= 0)
		snprintf(out + strlen(out), n - strlen(out), "cursor %d,%d\n", cx, cy);
	free(text);
	free(map);
	grid_free(&g);
	return out;
}

char *wt_draw(const Instance *in, int w, Caps caps, bool focused)
{
	return wt_draw_styled(in, w, caps, focused, false);
}

void wt_golden(const char *name, const Instance *in, int w)
{
	static const char *titles[] = {"UTF-8", "UTF-8, focused", "ASCII", "ASCII, focused"};
	char *parts[4], *all, rel[256];
	size_t n = 0, i;

	for (i = 0; i < 4; i++) {
		parts[i] = wt_draw_styled(in, w, i < 2 ? wt_utf8 : wt_ascii, i % 2 == 1, i < 2);
		n += strlen(parts[i]) + strlen(titles[i]) + 8;
	}
	all = malloc(n + 1);
	ck_assert_ptr_nonnull(all);
	all[0] = '\0';
	for (i = 0; i < 4; i++) {
		strcat(all, "== ");
		strcat(all, titles[i]);
		strcat(all, "\n");
		strcat(all, parts[i]);
		free(parts[i]);
	}
	snprintf(rel, sizeof rel, "tests/widgets/golden/%s.txt", name);
	test_golden(rel, all);
	free(all);
}

void wt_golden_plain(const char *name, const Instance *in, int w)
{
	char *a = wt_draw(in, w, wt_utf8, false), *b = wt_draw(in, w, wt_utf8, true);
	char *c = wt_draw(in, w, wt_ascii, true), path[256], *all;
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

unsigned wt_keymod(Instance *in, KeyCode code, uint32_t ch, unsigned mods)
{
	Key k;

	memset(&k, 0, sizeof k);
	k.code = code;
	k.ch = ch;
	k.mods = mods;
	return in->ops->key(in, &k);
}

unsigned wt_key(Instance *in, KeyCode code)
{
	return wt_keymod(in, code, 0, 0);
}

unsigned wt_char(Instance *in, uint32_t ch)
{
	return wt_keymod(in, K_CHAR, ch, 0);
}

void wt_type(Instance *in, const char *s, bool enter)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		i += utf8_decode(&cp, s + i, n - i);
		ck_assert_msg(wt_char(in, cp) & WIDGET_HANDLED, "'%s' was not all taken", s);
	}
	if (enter)
		wt_key(in, K_ENTER);
}

const char *wt_saved(const Instance *in, MemStore *m, const char *key)
{
	memstore_init(m);
	in->ops->save(in, &m->store);
	return memstore_get(m, key);
}

static const char *mem_get(void *ctx, const char *key)
{
	return memstore_get(ctx, key);
}

static void mem_set(void *ctx, const char *key, const char *value)
{
	memstore_set(ctx, key, value);
}

void memstore_set(MemStore *m, const char *key, const char *value)
{
	int i;

	for (i = 0; i < m->n && strcmp(m->keys[i], key) != 0; i++)
		;
	ck_assert_int_lt(i, 16);
	if (i == m->n)
		m->n++;
	snprintf(m->keys[i], sizeof m->keys[i], "%s", key);
	snprintf(m->values[i], sizeof m->values[i], "%s", value);
}

void memstore_init(MemStore *m)
{
	memset(m, 0, sizeof *m);
	m->store.get = mem_get;
	m->store.set = mem_set;
	m->store.ctx = m;
}

const char *memstore_get(MemStore *m, const char *key)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->keys[i], key) == 0)
			return m->values[i];
	return NULL;
}
