/* check_keys.c: every kind's key table is the whole truth: started from its example
 * (and again after each key it took, so states reached by keys are tried too), a kind
 * takes no key it does not list, and none takes the player's own keys (Tab, Shift-Tab,
 * F1, ?). The help line is made from the table. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

/* Every kind's example in one lesson (their references name each other). */
static char *examples(size_t *len)
{
	size_t n = registry_count(), i;
	char *text;
	FILE *f = open_memstream(&text, len);

	for (i = 0; i < n; i++)
		fprintf(f, "@widget %s %s\nalt: x\n@end\n", registry_kind(i)->schema.name,
			registry_kind(i)->schema.example);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

static Instance *of_kind(WTest *t, const WidgetKind *k)
{
	size_t i;

	for (i = 0; i < t->scene.n; i++)
		if (t->scene.items[i].kind == k)
			return &t->scene.items[i];
	return NULL;
}

/* The keys tried: every printable ASCII character and every named key. */
static size_t all_keys(Key *out)
{
	size_t n = 0;
	uint32_t c;
	int code;

	for (c = 32; c < 127; c++) {
		memset(&out[n], 0, sizeof out[n]);
		out[n].code = K_CHAR;
		out[n++].ch = c;
	}
	for (code = K_ENTER; code <= K_F12; code++) {
		memset(&out[n], 0, sizeof out[n]);
		out[n++].code = (KeyCode)code;
	}
	return n;
}

/* Starts the instance again from its directive: what a fresh scene would hold (the
 * other widgets it reads are never sent keys here, so they stay as they started). */
static void restart(Instance *in)
{
	if (in->ops->free)
		in->ops->free(in);
	in->state = NULL;
	in->animating = in->done = false;
	ck_assert_int_eq(in->ops->init(in), 0);
}

/* Tries every key on a fresh instance of k that first got the keys in `before`. The
 * scene is made once; the instance starts again before each key. */
static void probe(const char *body, const WidgetKind *k, const Key *before, size_t nbefore,
		  const Key *keys, size_t nkeys, Key *taken, size_t *ntaken)
{
	size_t i, j;
	char name[32];
	WTest t;
	Instance *in;

	wt_open(&t, body);
	in = of_kind(&t, k);
	ck_assert_ptr_nonnull(in);
	for (i = 0; i < nkeys && in->ops->key; i++) {
		unsigned r;

		restart(in);
		for (j = 0; j < nbefore; j++)
			in->ops->key(in, &before[j]);
		r = in->ops->key(in, &keys[i]);
		if (r != WIDGET_IGNORED) {
			ck_assert_msg(kind_key_listed(k, &keys[i]),
				      "%s takes %s, which its key table does not list",
				      k->schema.name, key_describe(&keys[i], name, sizeof name));
			if (ntaken && *ntaken < 32)
				taken[(*ntaken)++] = keys[i];
		}
	}
	wt_close(&t);
}

START_TEST(kinds_take_only_the_keys_they_list)
{
	size_t len, nkeys, i, j;
	char *body = examples(&len);
	Key *keys = malloc(256 * sizeof *keys);

	nkeys = all_keys(keys);
	for (i = 0; i < registry_count(); i++) {
		const WidgetKind *k = registry_kind(i);
		Key taken[32];
		size_t ntaken = 0;
		probe(body, k, NULL, 0, keys, nkeys, taken, &ntaken);
		/* and once more after each key it took: a second state of the kind */
		for (j = 0; j < ntaken && j < 4; j++)
			probe(body, k, &taken[j], 1, keys, nkeys, NULL, NULL);
	}
	free(keys);
	free(body);
}
END_TEST

START_TEST(no_kind_lists_the_players_keys)
{
	const Key reserved[] = {{.code = K_TAB}, {.code = K_BACKTAB}, {.code = K_F1},
				{.code = K_CHAR, .ch = '?'}};
	size_t i, j;
	char name[32];

	for (i = 0; i < registry_count(); i++)
		for (j = 0; j < sizeof reserved / sizeof *reserved; j++)
			ck_assert_msg(!kind_key_listed(registry_kind(i), &reserved[j]),
				      "%s lists %s, the player's", registry_kind(i)->schema.name,
				      key_describe(&reserved[j], name, sizeof name));
}
END_TEST

START_TEST(the_help_line_comes_from_the_table)
{
	char buf[256];
	const Key ctrl_r = {.code = K_CHAR, .ch = 'r', .mods = KEYMOD_CTRL};
	const Key seven = {.code = K_CHAR, .ch = '7'}, right = {.code = K_RIGHT};

	kind_keys_line(&switch_kind, buf, sizeof buf, true);
	ck_assert_str_eq(buf, "Space/Enter turn on or off  ←/→ off, on");
	kind_keys_line(&switch_kind, buf, sizeof buf, false);
	ck_assert_str_eq(buf, "Space/Enter turn on or off  Left/Right off, on");
	ck_assert(kind_key_listed(&slider_kind, &seven)); /* 0-9 */
	ck_assert(kind_key_listed(&slider_kind, &right));
	ck_assert(!kind_key_listed(&slider_kind, &ctrl_r));
	ck_assert(!kind_key_listed(&switch_kind, &seven));
	ck_assert_uint_eq(kind_keys_line(&switch_kind, buf, 8, false), 7); /* cut, in bounds */
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("keys");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, kinds_take_only_the_keys_they_list);
	tcase_add_test(tc, no_kind_lists_the_players_keys);
	tcase_add_test(tc, the_help_line_comes_from_the_table);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
