/* check_embed.c: the embed kind ("Words that drift together") in lesson L4-embed: its
 * keys and animation commands (one training step each, back by retraining from the
 * seed); the vectors it publishes against the library trained the same steps; the
 * neighbours and cosines it lists against cosines computed here from those vectors;
 * the projection's properties (centred, uncorrelated, widest first, never longer than
 * in ten dimensions); the numbers the lesson states; goldens. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/skipgram.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

enum { W = 24, D = 10, V = 83 };

START_TEST(keys_and_animation_take_training_steps)
{
	WTest t;
	Instance *in;
	int i;

	wt_open_file(&t, "content/level4/embed.lesson");
	in = wt_get(&t, "words");
	ck_assert_double_eq(wt_scalar(in, "step"), 0);
	ck_assert_double_eq(wt_scalar(in, "grouped"), 0);
	for (i = 0; i < 13; i++)
		ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_scalar(in, "step"), 13);
	ck_assert_double_eq(wt_scalar(in, "grouped"), 1); /* the step the lesson names */
	wt_key(in, K_LEFT);                         /* retrained from the seed */
	ck_assert_double_eq(wt_scalar(in, "step"), 12);
	ck_assert_double_eq(wt_scalar(in, "grouped"), 0);
	wt_key(in, K_END);
	ck_assert_double_eq(wt_scalar(in, "step"), 200);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED); /* the last step */
	wt_key(in, K_HOME);
	ck_assert_double_eq(wt_scalar(in, "step"), 0);
	/* Space plays ten steps a second and pauses; nothing runs while paused */
	wt_char(in, ' ');
	ck_assert(in->animating);
	in->kind->ops->tick(in, 0.5);
	ck_assert_double_eq(wt_scalar(in, "step"), 5);
	wt_char(in, ' ');
	ck_assert(!in->animating);
	in->kind->ops->animate(in, ANIM_STEP, 0);
	ck_assert_double_eq(wt_scalar(in, "step"), 6);
	ck_assert(!in->animating);
	in->kind->ops->animate(in, ANIM_PLAY, 0);
	ck_assert(in->animating);
	in->kind->ops->tick(in, 0.3);
	ck_assert_double_eq(wt_scalar(in, "step"), 9);
	in->kind->ops->animate(in, ANIM_PAUSE, 0);
	ck_assert(!in->animating);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

/* cos(a, b) from the published rows, written out here. */
static double cosine(const double *v, size_t a, size_t b)
{
	double ab = 0, aa = 0, bb = 0;
	size_t j;

	for (j = 0; j < D; j++) {
		ab += v[a * D + j] * v[b * D + j];
		aa += v[a * D + j] * v[a * D + j];
		bb += v[b * D + j] * v[b * D + j];
	}
	return ab / sqrt(aa * bb);
}

/* The five words nearest to w by the cosines computed here, best first. */
static void nearest(size_t *ids, double *sims, const double *v, size_t w)
{
	bool taken[V] = {false};
	size_t k, i;

	taken[w] = true;
	for (k = 0; k < 5; k++) {
		size_t best = V;
		for (i = 0; i < V; i++)
			if (!taken[i] && (best == V || cosine(v, w, i) > cosine(v, w, best)))
				best = i;
		taken[best] = true;
		ids[k] = best;
		sims[k] = cosine(v, w, best);
	}
}

/* The panel lists each neighbour as "<mark> <word> <cosine>": the cosines, in order. */
static void check_listed(const Instance *in, const char *word, const double *sims)
{
	char *text = wt_text(in, 76, (Caps){.unicode = true}, false, NULL, NULL), head[64];
	const char *p;
	int k;

	snprintf(head, sizeof head, "%s:", word);
	p = strstr(text, head);
	ck_assert_msg(p != NULL, "%s", text);
	for (k = 0; k < 5; k++) {
		char want[16];
		p = strchr(p, '\n') + 1;
		snprintf(want, sizeof want, "%6.2f", sims[k]);
		ck_assert_msg(strstr(p, want) && strstr(p, want) < strchr(p, '\n'),
			      "neighbour %d: want %s in %s", k + 1, want, text);
	}
	free(text);
}

START_TEST(neighbours_and_cosines_from_the_published_vectors)
{
	static const double lesson[5] = {0.92, 0.89, 0.87, 0.83, 0.82};
	WTest t;
	Instance *in;
	Data d;
	SkipGram s;
	SkipGramConfig cfg;
	Corpus c;
	Rng r;
	size_t ids[5], i;
	double sims[5];

	wt_open_file(&t, "content/level4/embed.lesson");
	in = wt_get(&t, "words");
	wt_key(in, K_END);
	ck_assert(scene_output(in, "vectors", 0, &d));
	ck_assert_uint_eq(d.rows, V);
	ck_assert_uint_eq(d.cols, D);
	/* the same model trained here, 200 steps from the same seed, gives the same vectors */
	rng_seed(&r, 1);
	ck_assert_int_eq(corpus_generate(&c, 200, &r), NN_OK);
	skipgram_defaults(&cfg);
	ck_assert_int_eq(skipgram_init(&s, &c, &cfg), NN_OK);
	for (i = 0; i < 200; i++)
		skipgram_step(&s);
	ck_assert_mem_eq(d.v, skipgram_vector(&s, 0), V * D * sizeof *d.v);
	/* apple's neighbours: pear, mango, grape, basket, field, with the lesson's cosines */
	nearest(ids, sims, d.v, 0);
	ck_assert_str_eq(c.word[ids[0]], "pear");
	ck_assert_str_eq(c.word[ids[1]], "mango");
	ck_assert_str_eq(c.word[ids[2]], "grape");
	ck_assert_str_eq(c.word[ids[3]], "basket");
	ck_assert_str_eq(c.word[ids[4]], "field");
	for (i = 0; i < 5; i++)
		ck_assert_double_eq_tol(sims[i], lesson[i], 0.005);
	check_listed(in, "apple", sims);
	/* king's (word 12), as the lesson names them */
	nearest(ids, sims, d.v, 12);
	ck_assert_str_eq(c.word[ids[0]], "prince");
	ck_assert_str_eq(c.word[ids[1]], "queen");
	ck_assert_str_eq(c.word[ids[2]], "duke");
	ck_assert_str_eq(c.word[ids[3]], "emperor");
	ck_assert_str_eq(c.word[ids[4]], "princess");
	/* Down chooses the next word, Up the one before (round the 24) */
	wt_key(in, K_DOWN);
	nearest(ids, sims, d.v, 1);
	check_listed(in, "banana", sims);
	wt_key(in, K_UP);
	wt_key(in, K_UP);
	nearest(ids, sims, d.v, W - 1);
	check_listed(in, "pink", sims);
	skipgram_free(&s);
	corpus_free(&c);
	wt_close(&t);
}
END_TEST

/* At step 50, in the tangle, king's five nearest words include tiger and field. */
START_TEST(king_keeps_animal_company_at_step_fifty)
{
	WTest t;
	Instance *in;
	char *text;
	const char *p;
	int k;

	wt_open(&t, "@widget embed id=w start=50\nalt: a\n@end\n");
	in = wt_get(&t, "w");
	for (k = 0; k < 12; k++)
		wt_key(in, K_DOWN);
	text = wt_text(in, 76, (Caps){.unicode = true}, false, NULL, NULL);
	p = strstr(text, "nearest to");
	ck_assert_msg(p && strstr(p, "king:") && strstr(p, " tiger ") && strstr(p, " field "),
		      "%s", text);
	free(text);
	wt_close(&t);
}
END_TEST

START_TEST(projection_is_centred_uncorrelated_and_shorter)
{
	WTest t;
	Instance *in;
	Data p, v;
	double sx = 0, sy = 0, vx = 0, vy = 0, cxy = 0;
	size_t i, j, k;

	wt_open(&t, "@widget embed id=w start=60\nalt: a\n@end\n");
	in = wt_get(&t, "w");
	ck_assert(scene_output(in, "points", 0, &p));
	ck_assert(scene_output(in, "vectors", 0, &v));
	ck_assert_uint_eq(p.n, W);
	for (i = 0; i < W; i++) {
		ck_assert_int_eq(p.cls[i], (int)i / 6);
		sx += p.v[2 * i], sy += p.v[2 * i + 1];
	}
	ck_assert(fabs(sx) < 1e-9 && fabs(sy) < 1e-9);
	for (i = 0; i < W; i++) {
		vx += p.v[2 * i] * p.v[2 * i];
		vy += p.v[2 * i + 1] * p.v[2 * i + 1];
		cxy += p.v[2 * i] * p.v[2 * i + 1];
	}
	ck_assert(vx >= vy && vy > 0);
	ck_assert(fabs(cxy) < 1e-6 * vx);
	/* a projection on orthonormal axes never lengthens a distance */
	for (i = 0; i < W; i++)
		for (j = 0; j < W; j++) {
			double d10 = 0, d2 = hypot(p.v[2 * i] - p.v[2 * j], p.v[2 * i + 1] - p.v[2 * j + 1]);
			for (k = 0; k < D; k++)
				d10 += (v.v[i * D + k] - v.v[j * D + k]) * (v.v[i * D + k] - v.v[j * D + k]);
			ck_assert(d2 <= sqrt(d10) + 1e-9);
		}
	wt_close(&t);
}
END_TEST

START_TEST(goldens)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget embed id=w start=30\nalt: a\n@end\n");
	in = wt_get(&t, "w");
	wt_key(in, K_DOWN);
	wt_golden("embed-40", in, 40);
	wt_golden("embed-76", in, 76);
	wt_golden("embed-160", in, 160);
	wt_close(&t);
}
END_TEST

static Suite *embed_suite(void)
{
	Suite *s = suite_create("embed");
	TCase *tc = tcase_create("embed");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, keys_and_animation_take_training_steps);
	tcase_add_test(tc, neighbours_and_cosines_from_the_published_vectors);
	tcase_add_test(tc, king_keeps_animal_company_at_step_fifty);
	tcase_add_test(tc, projection_is_centred_uncorrelated_and_shorter);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(embed_suite());
}
