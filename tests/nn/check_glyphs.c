/* check_glyphs.c: the glyph images: their range, reproducibility from a seed, the strokes
 * where they belong, and classes that a nearest-template rule already tells apart. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "nn/glyphs.h"
#include "testlib.h"

START_TEST(plain_plus_and_square_by_hand)
{
	GlyphStyle st = {12, 0, 0};
	double img[144];
	Rng r;

	rng_seed(&r, 1);
	/* the plus: ink on the middle row and column, none in the corners */
	glyph_draw(img, GLYPH_PLUS, &st, &r);
	ck_assert_double_ge(img[6 * 12 + 2], 0.5);
	ck_assert_double_ge(img[2 * 12 + 6], 0.5);
	ck_assert_double_eq(img[0], 0);
	ck_assert_double_eq(img[2 * 12 + 2], 0);
	/* the square: ink on its left edge (x = 5/24 of the width), none in the middle */
	glyph_draw(img, GLYPH_SQUARE, &st, &r);
	ck_assert_double_ge(img[6 * 12 + 2], 0.5);
	ck_assert_double_eq(img[6 * 12 + 6], 0);
	ck_assert_str_eq(glyph_name(GLYPH_TRIANGLE), "triangle");
	ck_assert_str_eq(glyph_name(7), "7");
	ck_assert_str_eq(glyph_name(GLYPH_COUNT), "?");
}
END_TEST

START_TEST(range_and_seeds)
{
	GlyphStyle st = {8, 1, 0.2};
	double a[15 * 64], b[15 * 64];
	size_t la[15], lb[15], i, differ = 0;
	Rng r;

	rng_seed(&r, 5);
	glyph_set(a, la, 15, GLYPH_COUNT, &st, &r);
	rng_seed(&r, 5);
	glyph_set(b, lb, 15, GLYPH_COUNT, &st, &r);
	for (i = 0; i < 15 * 64; i++) {
		ck_assert(a[i] >= 0 && a[i] <= 1);
		ck_assert_double_eq(a[i], b[i]); /* the same seed, the same images */
	}
	for (i = 0; i < 15; i++)
		ck_assert_uint_eq(la[i], i); /* balanced: class i mod n */
	rng_seed(&r, 6);
	glyph_set(b, lb, 15, GLYPH_COUNT, &st, &r);
	for (i = 0; i < 15 * 64; i++)
		differ += a[i] != b[i];
	ck_assert_uint_gt(differ, 15 * 64 / 2);
}
END_TEST

/* The index of the template (one per class) nearest to img in squared distance. */
static size_t nearest(const double *img, const double *tmpl, size_t classes, size_t px)
{
	size_t c, k, best = 0;
	double bd = INFINITY;

	for (c = 0; c < classes; c++) {
		double d = 0;
		for (k = 0; k < px; k++)
			d += (img[k] - tmpl[c * px + k]) * (img[k] - tmpl[c * px + k]);
		if (d < bd)
			bd = d, best = c;
	}
	return best;
}

START_TEST(classes_are_apart)
{
	/* the clean templates tell lightly jittered glyphs apart (chance is 1/15): the
	 * classes differ in their strokes, not only in their noise */
	GlyphStyle clean = {12, 0, 0}, light = {12, 0.3, 0.05};
	double tmpl[GLYPH_COUNT * 144], img[144];
	size_t c, i, right = 0, n = 300;
	Rng r;

	rng_seed(&r, 7);
	for (c = 0; c < GLYPH_COUNT; c++)
		glyph_draw(tmpl + c * 144, c, &clean, &r);
	for (i = 0; i < n; i++) {
		glyph_draw(img, i % GLYPH_COUNT, &light, &r);
		right += nearest(img, tmpl, GLYPH_COUNT, 144) == i % GLYPH_COUNT;
	}
	printf("# nearest template: %zu of %zu right\n", right, n);
	ck_assert_uint_ge(right, n * 85 / 100);
}
END_TEST

/* glyph_edges by hand: a flat image, a 2x2 checkerboard (every neighbour differs by
 * 1) and a short vertical stroke in a 3x3 image (4 across, 1 down, over 12 pairs). */
START_TEST(edges_by_hand)
{
	double flat[9] = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
	double board[4] = {1, 0, 0, 1};
	double stroke[9] = {0, 1, 0, 0, 1, 0, 0, 0, 0};

	ck_assert_double_eq(glyph_edges(flat, 3), 0);
	ck_assert_double_eq_tol(glyph_edges(board, 2), 1, 1e-15);
	ck_assert_double_eq_tol(glyph_edges(stroke, 3), 5.0 / 12.0, 1e-15);
}
END_TEST

/* glyph_pair: the clean image is the glyph drawn without noise from the same draws;
 * the noisy one differs, stays in [0, 1] and is the clean one plus clipped noise of
 * about the given sigma; r advances as one glyph_draw does. */
START_TEST(pairs_share_their_draws)
{
	GlyphStyle st = {8, 0.5, 0.2}, plain = {8, 0.5, 0};
	double clean[64], noisy[64], ref[64], noisy_ref[64], d = 0;
	Rng r, q;
	size_t i;

	rng_seed(&r, 7);
	q = r;
	glyph_pair(clean, noisy, 4, &st, &r);
	glyph_draw(ref, 4, &plain, &q);
	for (i = 0; i < 64; i++) {
		ck_assert_double_eq(clean[i], ref[i]);
		ck_assert(noisy[i] >= 0 && noisy[i] <= 1);
		d += (noisy[i] - clean[i]) * (noisy[i] - clean[i]) / 64;
	}
	ck_assert_double_gt(d, 0.1 * 0.1); /* clipping shrinks the noise's 0.04 a little */
	ck_assert_double_lt(d, 0.2 * 0.2);
	rng_seed(&q, 7);
	glyph_draw(noisy_ref, 4, &st, &q); /* the noisy one is glyph_draw with noise */
	for (i = 0; i < 64; i++)
		ck_assert_double_eq(noisy[i], noisy_ref[i]);
	ck_assert_uint_eq(rng_next(&r), rng_next(&q));
}
END_TEST

static Suite *glyphs_suite(void)
{
	Suite *s = suite_create("glyphs");
	TCase *tc = tcase_create("glyphs");

	tcase_add_test(tc, plain_plus_and_square_by_hand);
	tcase_add_test(tc, range_and_seeds);
	tcase_add_test(tc, classes_are_apart);
	tcase_add_test(tc, edges_by_hand);
	tcase_add_test(tc, pairs_share_their_draws);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(glyphs_suite());
}
