/* fuzz_scene.c: the lesson fuzz target's second half: the live widgets of a parsed
 * lesson, made, laid out and drawn at several widths, sent keys, ticked, saved and
 * restored through a store, as the lesson player does. Two kinds of comment line steer
 * it: "//keys KEYS" (the keys every widget gets, see read_keys) and "//store ID.KEY
 * VALUE" (what the progress file holds for widget ID before the lesson opens).
 * Links the widget, drawing and lesson layers; no terminal. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/doc.h"
#include "fuzz/fuzz.h"
#include "fuzz/fuzz_scene.h"
#include "widgets/core/widget.h"

#define MAX_KEYS  48
#define MAX_PAIRS 4096
#define TICKS     3

static const double tick_dt = 1.0 / 30;
static const int widths[] = {20, 40, 76, 160};
static const Caps caps_of[] = {{true, 256}, {false, 0}, {true, 8}, {false, 256}};

/* Keys when the input names none: a tour that starts trainers and animations, moves
 * sliders, answers and retries quizzes. */
static const Key default_keys[] = {
    {.code = K_CHAR, .ch = ' '},
    {.code = K_RIGHT},
    {.code = K_RIGHT},
    {.code = K_ENTER},
    {.code = K_DOWN},
    {.code = K_UP},
    {.code = K_LEFT},
    {.code = K_CHAR, .ch = '1'},
    {.code = K_END},
    {.code = K_HOME},
    {.code = K_ENTER},
    {.code = K_CHAR, .ch = 'r'},
};

/* A store in memory: "ID.KEY" -> value. */
typedef struct {
	char *key, *value;
} Pair;

typedef struct {
	Pair p[MAX_PAIRS];
	size_t n;
} Mem;

/* One widget's slice of a Mem, as the player gives each widget its slice of progress. */
typedef struct {
	Mem *m;
	const char *id;
} Slice;

static void mem_free(Mem *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->p[i].key);
		free(m->p[i].value);
	}
	m->n = 0;
}

static Pair *mem_find(Mem *m, const char *key)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->p[i].key, key) == 0)
			return &m->p[i];
	return NULL;
}

/* Sets key (n bytes) to value (vn bytes); quietly drops what does not fit. */
static void mem_put(Mem *m, const char *key, size_t n, const char *value, size_t vn)
{
	char *k = strndup(key, n), *v = strndup(value, vn);
	Pair *p = k ? mem_find(m, k) : NULL;

	if (!k || !v || (!p && m->n == MAX_PAIRS)) {
		free(k);
		free(v);
		return;
	}
	if (p) {
		free(k);
		free(p->value);
		p->value = v;
		return;
	}
	m->p[m->n].key = k;
	m->p[m->n++].value = v;
}

static void slice_key(char *out, size_t size, const Slice *s, const char *key)
{
	snprintf(out, size, "%s.%s", s->id, key);
}

static const char *slice_get(void *ctx, const char *key)
{
	Slice *s = ctx;
	char full[512];
	Pair *p;

	slice_key(full, sizeof full, s, key);
	p = mem_find(s->m, full);
	return p ? p->value : NULL;
}

/* What progress_set would accept: a key of printable ASCII without spaces or
 * backslashes, a value of valid UTF-8. A widget that saves anything else would lose
 * its state in the real progress file. */
static void slice_set(void *ctx, const char *key, const char *value)
{
	Slice *s = ctx;
	char full[512];
	const char *k;

	FUZZ_ASSERT(*key);
	for (k = key; *k; k++)
		FUZZ_ASSERT(*k > ' ' && *k <= '~' && *k != '\\');
	FUZZ_ASSERT(utf8_validate(value, strlen(value)) == strlen(value));
	slice_key(full, sizeof full, s, key);
	mem_put(s->m, full, strlen(full), value, strlen(value));
}

/* Saves (save true) or restores every live widget with an id through m. */
static void store_all(Scene *sc, Mem *m, bool save)
{
	size_t i;

	for (i = 0; i < sc->n; i++) {
		Instance *in = &sc->items[i];
		Slice sl = {m, in->id};
		Store st = {slice_get, slice_set, &sl};
		if (in->failed || !in->id)
			continue;
		if (save && in->ops->save)
			in->ops->save(in, &st);
		else if (!save && in->ops->restore)
			in->ops->restore(in, &st);
	}
}

/* The keys of a "//keys" line (n bytes at s), written so that the lesson stays
 * plain text: a character is itself (UTF-8 beyond ASCII too), and '~' starts a special
 * key: ~E Enter, ~T Tab, ~B Shift-Tab, ~< Backspace, ~e Esc, ~u ~d ~l ~r the arrows,
 * ~h Home, ~n End, ~p PgUp, ~q PgDn, ~i Insert, ~x Delete, ~~ a '~', ~c and ~a the
 * next character with Ctrl or Alt, ~S the next special key with Shift; any other byte
 * after '~' is one of the special keys (F1-F12, a mouse event) by its value. */
static size_t read_keys(const char *s, size_t n, Key *keys, size_t nkeys)
{
	static const char names[] = "ETB<eudlrhnpqix";
	static const KeyCode codes[] = {K_ENTER, K_TAB,  K_BACKTAB, K_BACKSPACE, K_ESC,
					K_UP,    K_DOWN, K_LEFT,    K_RIGHT,     K_HOME,
					K_END,   K_PGUP, K_PGDN,    K_INSERT,    K_DELETE};
	unsigned mods = 0;
	size_t i = 0;

	while (i < n && nkeys < MAX_KEYS) {
		Key *k = &keys[nkeys];
		uint32_t cp;
		size_t len = utf8_decode(&cp, s + i, n - i);
		const char *at;
		memset(k, 0, sizeof *k);
		if (s[i] != '~' || i + 1 == n) {
			i += len;
			if (cp < 0x20 || cp == 0x7f)
				continue; /* not a key a terminal sends */
			k->code = K_CHAR;
			k->ch = cp;
		} else if (s[i + 1] == 'c' || s[i + 1] == 'a' || s[i + 1] == 'S') {
			mods |= s[i + 1] == 'c'   ? KEYMOD_CTRL
				: s[i + 1] == 'a' ? KEYMOD_ALT
						  : KEYMOD_SHIFT;
			i += 2;
			continue;
		} else {
			uint8_t b = (uint8_t)s[i + 1];
			at = b && b != '~' ? strchr(names, b) : NULL;
			i += 2;
			if (b == '~') {
				k->code = K_CHAR;
				k->ch = '~';
			} else if (at) {
				k->code = codes[at - names];
			} else {
				k->code = (KeyCode)(K_F1 + b % (K_MOUSE + 1 - K_F1));
				k->mouse_action = (MouseAction)(b % 5);
				k->mouse_button = b % 3;
				k->mouse_x = b * 7 % 80;
				k->mouse_y = b % 12;
			}
		}
		k->mods = mods;
		mods = 0;
		nkeys++;
	}
	return nkeys;
}

/* Reads the "//keys" and "//store" lines of the input. Returns the number of keys. */
static size_t read_lines(const uint8_t *data, size_t size, Key *keys, Mem *given)
{
	static const char kw[] = "//keys ", sw[] = "//store ";
	size_t i = 0, nkeys = 0;

	while (i < size) {
		const char *line = (const char *)data + i;
		const char *nl = memchr(line, '\n', size - i);
		size_t len = nl ? (size_t)(nl - line) : size - i;

		i += len + (nl != NULL);
		if (len >= sizeof kw - 1 && memcmp(line, kw, sizeof kw - 1) == 0) {
			nkeys = read_keys(line + sizeof kw - 1, len - (sizeof kw - 1), keys, nkeys);
		} else if (len >= sizeof sw - 1 && memcmp(line, sw, sizeof sw - 1) == 0) {
			const char *k = line + sizeof sw - 1, *sp;
			size_t rest = len - (sizeof sw - 1);
			sp = memchr(k, ' ', rest);
			/* progress holds valid UTF-8 without NUL only */
			if (sp && !memchr(k, '\0', rest) && utf8_validate(k, rest) == rest)
				mem_put(given, k, (size_t)(sp - k), sp + 1,
					rest - (size_t)(sp - k) - 1);
		}
	}
	if (nkeys == 0)
		for (; nkeys < sizeof default_keys / sizeof *default_keys; nkeys++)
			keys[nkeys] = default_keys[nkeys];
	return nkeys;
}

/* The player's slot callbacks (app/player-widgets.c). */
static int slot_height(const void *ctx, const Block *b, int w)
{
	Instance *in = scene_for_block((Scene *)(uintptr_t)ctx, b);
	int h;

	if (!in || !in->ops->height || !in->ops->draw)
		return 0;
	h = in->ops->height(in, w);
	FUZZ_ASSERT(h >= 1); /* widget.h: at least 1 */
	return h;
}

static bool slot_wide(const void *ctx, const Block *b)
{
	Instance *in = scene_for_block((Scene *)(uintptr_t)ctx, b);

	return in && in->kind && (in->kind->flags & KIND_WIDE);
}

/* Lays the lesson out at width w, then draws every live widget into a grid of its
 * slot's size; the focused one's cursor must be on its slot. */
static void draw_at(Scene *sc, const Lesson *l, int w, Caps caps, size_t focus)
{
	DocOptions o;
	DocLayout d;
	size_t i;

	memset(&o, 0, sizeof o);
	o.caps = caps;
	o.width = w;
	o.slot_height = slot_height;
	o.slot_wide = slot_wide;
	o.ctx = sc;
	if (doc_layout(&d, l, &o) != 0)
		return;
	for (i = 0; i < d.nslots; i++) {
		const DocSlot *s = &d.slots[i];
		Instance *in = scene_for_block(sc, s->block);
		Rect r = {0, 0, s->w, s->h};
		int cx = -1, cy = -1;
		Grid g;
		if (!in || !in->ops->draw || grid_init(&g, s->w, s->h) != 0)
			continue;
		in->ops->draw(in, &g, r, caps, i == focus, &cx, &cy);
		/* a text cursor may stand just after the last column */
		if (cx >= 0 || cy >= 0)
			FUZZ_ASSERT(cx >= 0 && cx <= s->w && cy >= 0 && cy < s->h);
		grid_free(&g);
	}
	doc_free(&d);
}

static void draw_all(Scene *sc, const Lesson *l)
{
	size_t i;

	for (i = 0; i < sizeof widths / sizeof *widths; i++)
		draw_at(sc, l, widths[i], caps_of[i], i);
}

/* Every key to every widget that takes keys, then what the animated ones report. */
static void press_all(Scene *sc, const Key *keys, size_t nkeys)
{
	size_t i, j;

	for (i = 0; i < sc->n; i++) {
		Instance *in = &sc->items[i];
		AnimState st;
		if (in->failed)
			continue;
		for (j = 0; in->ops->key && j < nkeys; j++)
			in->ops->key(in, &keys[j]);
		if (in->ops->anim_state) {
			memset(&st, 0, sizeof st);
			in->ops->anim_state(in, &st);
			FUZZ_ASSERT(st.step >= 0 && st.steps >= 0);
			FUZZ_ASSERT(st.steps == 0 || st.step <= st.steps);
		}
	}
}

void fuzz_scene(const Lesson *l, const uint8_t *data, size_t size)
{
	static Mem given, saved;
	Key keys[MAX_KEYS];
	size_t nkeys = read_lines(data, size, keys, &given), i;
	Scene sc;

	/* As the player opens a lesson: the widgets, their state from progress, drawn. */
	if (scene_init(&sc, l) == 0) {
		store_all(&sc, &given, false);
		draw_all(&sc, l);
		press_all(&sc, keys, nkeys);
		for (i = 0; i < TICKS; i++)
			scene_tick(&sc, tick_dt);
		draw_all(&sc, l);
		store_all(&sc, &saved, true);
		scene_free(&sc);
	}
	/* Opened again: the state it saved comes back. */
	if (saved.n && scene_init(&sc, l) == 0) {
		store_all(&sc, &saved, false);
		draw_at(&sc, l, 76, caps_of[0], 0);
		scene_free(&sc);
	}
	mem_free(&given);
	mem_free(&saved);
}
