/* check_skipgram.c: the skip-gram losses by hand and their gradients against central
 * differences, the noise distribution, PCA against known axes and by hand, the group
 * cosines by hand, and training that gathers each meaning group's words together (the
 * steps lesson L4-embed states). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fdcheck.h"
#include "nn/skipgram.h"
#include "nntest.h"

static void make(SkipGram *s, Corpus *c, size_t negatives, size_t sentences)
{
	SkipGramConfig cfg;
	Rng r;

	rng_seed(&r, 1);
	ck_assert_int_eq(corpus_generate(c, sentences, &r), NN_OK);
	skipgram_defaults(&cfg);
	cfg.negatives = negatives;
	ck_assert_int_eq(skipgram_init(s, c, &cfg), NN_OK);
}

START_TEST(losses_by_hand_at_zero)
{
	SkipGram s;
	Corpus c;
	size_t pairs[4] = {0, 1, 2, 3}, neg[6] = {4, 5, 6, 7, 8, 9};

	make(&s, &c, 0, 100);
	/* u = 0 at the start: every word equally likely, loss ln V */
	ck_assert_double_eq_tol(skipgram_loss(&s, pairs, 2, NULL), log((double)s.V), 1e-12);
	skipgram_free(&s);
	corpus_free(&c);
	make(&s, &c, 3, 100);
	/* every score 0: (1 + k) ln 2 */
	ck_assert_double_eq_tol(skipgram_loss(&s, pairs, 2, neg), 4 * log(2.0), 1e-12);
	ck_assert_uint_eq(s.n_pairs, corpus_pairs(NULL, 0, &c, 2));
	skipgram_free(&s);
	corpus_free(&c);
}
END_TEST

typedef struct {
	SkipGram *s;
	const size_t *pairs, *neg;
	size_t n;
} Ctx;

static double loss(void *p)
{
	Ctx *c = p;
	return skipgram_loss(c->s, c->pairs, c->n, c->neg);
}

START_TEST(gradients_match_finite_differences)
{
	size_t k;

	for (k = 0; k <= 3; k += 3) {
		SkipGram s;
		Corpus c;
		Ctx ctx;
		/* word 0 twice as a center; a negative equal to the context, too */
		size_t pairs[8] = {0, 30, 5, 0, 0, 7, 12, 13}, neg[12] = {1, 2, 30, 3, 4, 5,
								       6, 8, 9, 0, 24, 25};
		double *grad, err;
		size_t i, n, worst = 0;
		Rng r;

		make(&s, &c, k, 60);
		n = 2 * s.V * s.cfg.dim;
		rng_seed(&r, 9);
		for (i = 0; i < n; i++)
			s.params[i] = rng_range(&r, -0.8, 0.8);
		grad = calloc(n, sizeof *grad);
		ctx.s = &s, ctx.pairs = pairs, ctx.neg = k ? neg : NULL, ctx.n = 4;
		skipgram_backward(grad, &s, pairs, 4, ctx.neg);
		ck_assert(fd_max_abs(grad, n) > 1e-2);
		/* the softmax touches every u_w, most by a few 1e-6: a floor of 1e-4 (an
		 * absolute 1e-10 there, the rounding of a loss near 4 over h = 1e-5) */
		err = fd_check_floor(s.params, grad, n, loss, &ctx, 1e-5, 1e-4, &worst);
		ck_assert_msg(err < 1e-6, "negatives %zu: %g at %zu (%g)", k, err, worst, grad[worst]);
		free(grad);
		skipgram_free(&s);
		corpus_free(&c);
	}
}
END_TEST

START_TEST(negatives_follow_unigram_to_the_three_quarters)
{
	enum { N = 200000 };
	SkipGram s;
	Corpus c;
	size_t *neg = malloc(N * sizeof *neg), i;
	double *freq, *want, z = 0.0;

	make(&s, &c, 5, 300);
	freq = calloc(s.V, sizeof *freq);
	want = malloc(s.V * sizeof *want);
	corpus_unigram(want, &c);
	for (i = 0; i < s.V; i++)
		z += want[i] = pow(want[i], 0.75);
	skipgram_draw_negatives(neg, &s, N);
	for (i = 0; i < N; i++) {
		ck_assert_uint_lt(neg[i], s.V);
		freq[neg[i]] += 1.0 / N;
	}
	for (i = 0; i < s.V; i++) /* 4 standard errors of a frequency near 0.1 */
		ck_assert_msg(fabs(freq[i] - want[i] / z) < 0.003, "%s: %g vs %g", c.word[i],
			      freq[i], want[i] / z);
	free(neg), free(freq), free(want);
	skipgram_free(&s);
	corpus_free(&c);
}
END_TEST

/* Points spread along two known orthogonal directions of R^5 (deviations 3 and 1) plus
 * a little noise: PCA finds the two directions, in order. */
START_TEST(pca_finds_known_axes)
{
	enum { N = 500, D = 5 };
	double e1[D] = {0.6, 0.8, 0, 0, 0}, e2[D] = {0, 0, 0, 0.8, -0.6};
	double *x = malloc(N * D * sizeof *x), *xy = malloc(2 * N * sizeof *xy);
	double axes[2 * D], work[D * D + 3 * D], v0 = 0, v1 = 0, c01 = 0, dot;
	size_t i, j;
	Rng r;

	rng_seed(&r, 5);
	for (i = 0; i < N; i++) {
		double a = rng_normal(&r, 0, 3), b = rng_normal(&r, 0, 1);
		for (j = 0; j < D; j++)
			x[i * D + j] = 7.0 + a * e1[j] + b * e2[j] + rng_normal(&r, 0, 0.05);
	}
	skipgram_pca(xy, axes, x, N, D, work, &r);
	dot = 0;
	for (j = 0; j < D; j++)
		dot += axes[j] * e1[j];
	ck_assert_double_eq_tol(fabs(dot), 1.0, 1e-3);
	dot = 0;
	for (j = 0; j < D; j++)
		dot += axes[D + j] * e2[j];
	ck_assert_double_eq_tol(fabs(dot), 1.0, 1e-3);
	/* the largest component positive: e1's is 0.8, e2's is 0.8 */
	ck_assert(axes[1] > 0 && axes[D + 3] > 0);
	for (dot = 0, j = 0; j < D; j++)
		dot += axes[j] * axes[D + j];
	ck_assert_double_eq_tol(dot, 0.0, 1e-9);
	for (i = 0; i < N; i++) {
		v0 += xy[2 * i] * xy[2 * i] / N;
		v1 += xy[2 * i + 1] * xy[2 * i + 1] / N;
		c01 += xy[2 * i] * xy[2 * i + 1] / N;
	}
	ck_assert_double_eq_tol(sqrt(v0), 3.0, 0.3);
	ck_assert_double_eq_tol(sqrt(v1), 1.0, 0.1);
	ck_assert_double_eq_tol(c01, 0.0, 1e-9); /* principal components are uncorrelated */
	free(x), free(xy);
}
END_TEST

/* Mean cosine between two different words of the same group, minus the mean cosine
 * between words of different groups. */
static double group_margin(const SkipGram *s)
{
	size_t G = CORPUS_GROUPS * CORPUS_GROUP_WORDS, a, b, ni = 0, no = 0;
	double in = 0.0, out = 0.0;

	for (a = 0; a < G; a++)
		for (b = 0; b < G; b++) {
			if (a == b)
				continue;
			if (a / CORPUS_GROUP_WORDS == b / CORPUS_GROUP_WORDS)
				in += skipgram_cosine(s, a, b), ni++;
			else
				out += skipgram_cosine(s, a, b), no++;
		}
	return in / (double)ni - out / (double)no;
}

static void learns(size_t negatives, size_t steps)
{
	SkipGram s;
	Corpus c;
	size_t ids[3], i, g, w;
	double before, after, *xy, first, late = 0.0;

	make(&s, &c, negatives, 500);
	before = group_margin(&s);
	first = skipgram_step(&s);
	for (i = 1; i < steps; i++) {
		double l = skipgram_step(&s);
		if (i + 50 >= steps)
			late += l / 50;
	}
	after = group_margin(&s);
	ck_assert_msg(fabs(before) < 0.1 && after > 0.4, "margin %g -> %g", before, after);
	ck_assert_msg(late < 0.8 * first, "loss %g -> %g", first, late);
	/* every group word's three nearest group words are of its own group */
	for (w = 0; w < CORPUS_GROUPS * CORPUS_GROUP_WORDS; w++) {
		size_t k = 0;
		skipgram_nearest(ids, NULL, &s, w, 3);
		for (i = 0; i < 3; i++)
			k += c.group[ids[i]] == c.group[w] || c.group[ids[i]] < 0;
		ck_assert_msg(k == 3, "%s: %s %s %s", c.word[w], c.word[ids[0]], c.word[ids[1]],
			      c.word[ids[2]]);
	}
	/* in the drawn plane, each group's centre is nearer its own words than the others' */
	xy = malloc(2 * s.V * sizeof *xy);
	skipgram_project(xy, &s);
	for (g = 0; g < CORPUS_GROUPS; g++) {
		double cx = 0, cy = 0, own = 0, other = 0;
		for (i = 0; i < CORPUS_GROUP_WORDS; i++) {
			cx += xy[2 * (g * CORPUS_GROUP_WORDS + i)] / CORPUS_GROUP_WORDS;
			cy += xy[2 * (g * CORPUS_GROUP_WORDS + i) + 1] / CORPUS_GROUP_WORDS;
		}
		for (w = 0; w < CORPUS_GROUPS * CORPUS_GROUP_WORDS; w++) {
			double d = hypot(xy[2 * w] - cx, xy[2 * w + 1] - cy);
			if (w / CORPUS_GROUP_WORDS == g)
				own += d / CORPUS_GROUP_WORDS;
			else
				other += d / (CORPUS_GROUP_WORDS * (CORPUS_GROUPS - 1));
		}
		ck_assert_msg(own < 0.5 * other, "%s: %g vs %g", corpus_group_name(g), own, other);
	}
	free(xy);
	skipgram_free(&s);
	corpus_free(&c);
}

START_TEST(full_softmax_gathers_the_groups)
{
	learns(0, 150);
}
END_TEST

START_TEST(negative_sampling_gathers_the_groups)
{
	learns(5, 400);
}
END_TEST


/* Four points on two axes around (5, 5): the projection is the centred points, the
 * axes (1, 0) and (0, 1), by hand. */
START_TEST(pca_by_hand)
{
	double x[8] = {7, 5, 3, 5, 5, 6, 5, 4}, want[8] = {2, 0, -2, 0, 0, 1, 0, -1};
	double xy[8], axes[4], work[4 + 6];
	size_t i;
	Rng r;

	rng_seed(&r, 3);
	skipgram_pca(xy, axes, x, 4, 2, work, &r);
	ck_assert_double_eq_tol(axes[0], 1.0, 1e-9);
	ck_assert_double_eq_tol(axes[1], 0.0, 1e-9);
	ck_assert_double_eq_tol(fabs(axes[3]), 1.0, 1e-9);
	for (i = 0; i < 8; i++)
		ck_assert_double_eq_tol(xy[i], want[i] * (i % 2 ? axes[3] : 1.0), 1e-9);
}
END_TEST

/* Three words with vectors (1, 0), (1, 1), (0, 1): cos 1/sqrt 2 between neighbours, 0
 * between the ends; words 0 and 1 are group 0, word 2 group 1, the rest left out. */
START_TEST(group_cosines_by_hand)
{
	SkipGram s;
	Corpus c;
	int *group;
	double mean[4], h = 1 / sqrt(2.0);
	size_t i;

	make(&s, &c, 0, 50);
	group = malloc(s.V * sizeof *group);
	for (i = 0; i < s.V; i++)
		group[i] = -1;
	group[0] = group[1] = 0, group[2] = 1;
	memset(s.params, 0, s.V * s.cfg.dim * sizeof *s.params);
	s.params[0] = 1;
	s.params[s.cfg.dim] = s.params[s.cfg.dim + 1] = 1;
	s.params[2 * s.cfg.dim + 1] = 1;
	skipgram_group_cosines(mean, &s, group, 2);
	ck_assert_double_eq_tol(mean[0], h, 1e-12);           /* (0, 1) and (1, 0) */
	ck_assert_double_eq_tol(mean[1], (0 + h) / 2, 1e-12); /* (0, 2) and (1, 2) */
	ck_assert_double_eq_tol(mean[2], mean[1], 1e-12);
	ck_assert_double_eq_tol(mean[3], 0.0, 1e-12); /* no pair within group 1 */
	ck_assert(!skipgram_grouped(mean, 2));        /* group 1 is not nearer itself */
	mean[3] = 0.5;
	ck_assert(skipgram_grouped(mean, 2));
	mean[0] = mean[1];
	ck_assert(!skipgram_grouped(mean, 2)); /* a tie is not nearer */
	free(group);
	skipgram_free(&s);
	corpus_free(&c);
}
END_TEST

/* What lesson L4-embed states of its model (seed 1, 200 sentences, the full softmax,
 * the defaults): 2772 pairs; every group nearer itself first at step 13, not at steps
 * 14 to 66 (animals nearer royalty than themselves at step 50: 0.82 against 0.79),
 * and from step 67 on up to 300; at step 200 the mean cosine 0.84 within a group and
 * 0.24 across, within 0.82 to 0.87, across 0.05 to 0.55 (animals and royalty). */
START_TEST(lesson_groups_gather_at_the_steps_it_states)
{
	SkipGram s;
	Corpus c;
	Rng r;
	double m[CORPUS_GROUPS * CORPUS_GROUPS];
	size_t step, first = 0, last = 0, a, b;

	rng_seed(&r, 1);
	ck_assert_int_eq(corpus_generate(&c, 200, &r), NN_OK);
	{
		SkipGramConfig cfg;
		skipgram_defaults(&cfg);
		ck_assert_int_eq(skipgram_init(&s, &c, &cfg), NN_OK);
	}
	ck_assert_uint_eq(s.n_pairs, 2772);
	ck_assert_uint_eq(s.V, 83);
	for (step = 1; step <= 300; step++) {
		int g;
		skipgram_step(&s);
		skipgram_group_cosines(m, &s, c.group, CORPUS_GROUPS);
		g = skipgram_grouped(m, CORPUS_GROUPS);
		if (g && !first)
			first = step;
		if (!g)
			last = step;
		if (step == 50) {
			ck_assert_double_eq_tol(m[1 * 4 + 1], 0.79, 0.005);
			ck_assert_double_eq_tol(m[1 * 4 + 2], 0.82, 0.005);
		}
		if (step == 200) {
			double in = 0, across = 0, lo = 1, hi = -1, alo = 1, ahi = -1;
			for (a = 0; a < 4; a++)
				for (b = 0; b < 4; b++)
					if (a == b) {
						in += m[a * 4 + b] / 4;
						lo = fmin(lo, m[a * 4 + b]), hi = fmax(hi, m[a * 4 + b]);
					} else {
						across += m[a * 4 + b] / 12;
						alo = fmin(alo, m[a * 4 + b]);
						ahi = fmax(ahi, m[a * 4 + b]);
					}
			ck_assert_double_eq_tol(in, 0.84, 0.005);
			ck_assert_double_eq_tol(across, 0.24, 0.005);
			ck_assert_msg(lo >= 0.8145 && hi < 0.875 && alo >= 0.045 && ahi < 0.555, "%g %g %g %g",
				      lo, hi, alo, ahi);
			ck_assert_double_eq_tol(m[1 * 4 + 2], ahi, 1e-12);
		}
	}
	ck_assert_uint_eq(first, 13);
	ck_assert_uint_eq(last, 66);
	skipgram_free(&s);
	corpus_free(&c);
}
END_TEST

static Suite *skipgram_suite(void)
{
	Suite *s = suite_create("skipgram");
	TCase *tc = tcase_create("skipgram");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, losses_by_hand_at_zero);
	tcase_add_test(tc, gradients_match_finite_differences);
	tcase_add_test(tc, negatives_follow_unigram_to_the_three_quarters);
	tcase_add_test(tc, pca_finds_known_axes);
	tcase_add_test(tc, pca_by_hand);
	tcase_add_test(tc, group_cosines_by_hand);
	tcase_add_test(tc, lesson_groups_gather_at_the_steps_it_states);
	tcase_add_test(tc, full_softmax_gathers_the_groups);
	tcase_add_test(tc, negative_sampling_gathers_the_groups);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(skipgram_suite());
}
