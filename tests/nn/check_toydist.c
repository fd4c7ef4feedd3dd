/* check_toydist.c: the target distributions' moments and shapes, reproducibility, and
 * the two distances by hand and on samples. */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "nn/toydist.h"
#include "nntest.h"

enum { N = 20000 };

static double *draw(ToyDistKind k, size_t n, uint64_t seed)
{
	Rng r;
	double *x = malloc(n * toydist_dim(k) * sizeof *x);

	ck_assert_ptr_nonnull(x);
	rng_seed(&r, seed);
	toydist_sample(x, k, n, &r);
	return x;
}

START_TEST(one_dimensional_targets_have_their_moments)
{
	double *x = draw(TOYDIST_GAUSSIAN, N, 1), s = 0, s2 = 0, pos = 0, absm = 0;
	size_t i;

	ck_assert_uint_eq(toydist_dim(TOYDIST_GAUSSIAN), 1);
	for (i = 0; i < N; i++)
		s += x[i], s2 += x[i] * x[i];
	/* the standard error of the mean is 0.5/sqrt(N) = 0.0035 */
	ck_assert_double_eq_tol(s / N, 1.5, 0.015);
	ck_assert_double_eq_tol(sqrt(s2 / N - (s / N) * (s / N)), 0.5, 0.015);
	free(x);
	x = draw(TOYDIST_BIMODAL, N, 2);
	s = 0;
	for (i = 0; i < N; i++)
		s += x[i], pos += x[i] > 0, absm += fabs(x[i]);
	ck_assert_double_eq_tol(s / N, 0.0, 0.03);
	ck_assert_double_eq_tol(pos / N, 0.5, 0.015);
	ck_assert_double_eq_tol(absm / N, 1.5, 0.015);
	free(x);
}
END_TEST

START_TEST(two_dimensional_targets_have_their_shapes)
{
	double *x, mean_r = 0, mean_res = 0;
	size_t i, j, count[8] = {0};

	ck_assert_uint_eq(toydist_dim(TOYDIST_MOONS), 2);
	x = draw(TOYDIST_RING, N, 3);
	for (i = 0; i < N; i++)
		mean_r += hypot(x[2 * i], x[2 * i + 1]);
	ck_assert_double_eq_tol(mean_r / N, 1.5, 0.005);
	free(x);
	x = draw(TOYDIST_CIRCLE8, N, 4);
	for (i = 0; i < N; i++) {
		size_t best = 0;
		double bd = 1e9;
		for (j = 0; j < 8; j++) {
			double a = 2 * 3.14159265358979323846 * (double)j / 8;
			double d = hypot(x[2 * i] - 1.5 * cos(a), x[2 * i + 1] - 1.5 * sin(a));
			if (d < bd)
				bd = d, best = j;
		}
		ck_assert(bd < 0.7); /* 7 sigma */
		count[best]++;
	}
	for (j = 0; j < 8; j++)
		ck_assert_double_eq_tol((double)count[j] / N, 0.125, 0.01);
	free(x);
	/* moons: the upper arm is the unit half circle about (-0.5, -0.25) (y above the
	 * centre), the lower arm the one about (0.5, 0.25); noise 0.1 off the arc */
	x = draw(TOYDIST_MOONS, N, 5);
	for (i = 0; i < N; i++) {
		double px = x[2 * i], py = x[2 * i + 1];
		double r0 = fabs(hypot(px + 0.5, py + 0.25) - 1.0);
		double r1 = fabs(hypot(px - 0.5, py - 0.25) - 1.0);
		double res = fmin(r0, r1);
		ck_assert(res < 0.7);
		mean_res += res;
	}
	/* E|N(0, 0.1^2)| = 0.08, less where the arms come close */
	ck_assert(mean_res / N > 0.04 && mean_res / N < 0.09);
	free(x);
}
END_TEST

START_TEST(a_seed_reproduces_the_samples_inside_the_box)
{
	int k;

	for (k = 0; k < TOYDIST_COUNT; k++) {
		size_t n = 5000, dim = toydist_dim((ToyDistKind)k), i, out = 0;
		double *a = draw((ToyDistKind)k, n, 9), *b = draw((ToyDistKind)k, n, 9);
		double *c = draw((ToyDistKind)k, n, 10);
		ToyDistKind kk;
		ck_assert_int_eq(memcmp(a, b, n * dim * sizeof *a), 0);
		ck_assert_int_ne(memcmp(a, c, n * dim * sizeof *a), 0);
		for (i = 0; i < n * dim; i++)
			out += fabs(a[i]) > TOYDIST_BOX;
		ck_assert_uint_le(out, n / 200); /* the Gaussian's tail beyond 3 sigma: 0.13% */
		ck_assert_int_eq(toydist_from_name(&kk, toydist_name((ToyDistKind)k)), 0);
		ck_assert_int_eq(kk, k);
		free(a), free(b), free(c);
	}
	{
		ToyDistKind kk;
		ck_assert_int_eq(toydist_from_name(&kk, "swissroll"), -1);
	}
}
END_TEST

START_TEST(total_variation_by_hand)
{
	ToyGrid g;
	const double a[4] = {-0.9, -0.1, 0.1, 0.9}, b[2] = {-5.0, 0.3};
	const double p[4] = {-0.5, -0.5, 0.5, 0.5}, q[4] = {0.5, -0.5, -0.5, 0.5};

	ck_assert_int_eq(toydist_grid_init(&g, 1, 2, -1, 1), NN_OK);
	/* cells [-1, 0) and [0, 1); -5 clamps into the first: a has 1/2 1/2, b 1/2 1/2 */
	ck_assert_double_eq(toydist_tv(&g, a, 4, b, 2), 0.0);
	ck_assert_double_eq(toydist_tv(&g, a, 4, a + 2, 2), 0.5);
	ck_assert_double_eq(toydist_tv(&g, a, 1, a + 3, 1), 1.0);
	ck_assert_double_eq(g.ha[0], 1.0);
	ck_assert_double_eq(g.hb[1], 1.0);
	toydist_grid_free(&g);
	ck_assert_int_eq(toydist_grid_init(&g, 2, 2, -1, 1), NN_OK);
	ck_assert_uint_eq(g.cells, 4);
	ck_assert_uint_eq(toydist_cell(&g, p), 0);
	ck_assert_uint_eq(toydist_cell(&g, q), 2);     /* row 1 (x >= 0), column 0 */
	ck_assert_uint_eq(toydist_cell(&g, p + 2), 3); /* row 1, column 1 */
	ck_assert_double_eq(toydist_tv(&g, p, 2, q, 2), 1.0);
	toydist_grid_free(&g);
	ck_assert_int_eq(toydist_grid_init(&g, 3, 2, -1, 1), NN_ERR_ARG);
	ck_assert_int_eq(toydist_grid_init(&g, 1, 0, -1, 1), NN_ERR_ARG);
	ck_assert_int_eq(toydist_grid_init(&g, 1, 4, 1, 1), NN_ERR_ARG);
}
END_TEST

START_TEST(energy_distance_by_hand)
{
	const double a[1] = {0}, b[1] = {1}, c[4] = {0, 0, 3, 4};

	ck_assert_double_eq(toydist_energy(a, 1, b, 1, 1), 2.0);
	/* c as two 2-D points (0,0), (3,4): to itself 0; against (0,0) alone:
	 * 2 (0 + 5)/2 - (0 + 5 + 5 + 0)/4 - 0 = 2.5 */
	ck_assert_double_eq(toydist_energy(c, 2, c, 2, 2), 0.0);
	ck_assert_double_eq(toydist_energy(c, 2, c, 1, 2), 2.5);
}
END_TEST

/* Both distances tell a sample of the same target from a sample of another one. */
START_TEST(distances_separate_targets)
{
	ToyGrid g;
	size_t n = 400;
	double *ring = draw(TOYDIST_RING, n, 11), *ring2 = draw(TOYDIST_RING, n, 12);
	double *c8 = draw(TOYDIST_CIRCLE8, n, 13), *moons = draw(TOYDIST_MOONS, n, 14);
	double same, other;

	ck_assert_int_eq(toydist_grid_init(&g, 2, 12, -TOYDIST_BOX, TOYDIST_BOX), NN_OK);
	same = toydist_tv(&g, ring, n, ring2, n);
	other = toydist_tv(&g, ring, n, moons, n);
	ck_assert_msg(same < 0.25 && other > 0.6, "tv %g %g", same, other);
	ck_assert(toydist_tv(&g, ring, n, c8, n) > same);
	same = toydist_energy(ring, n, ring2, n, 2);
	other = toydist_energy(ring, n, moons, n, 2);
	ck_assert_msg(same < 0.02 && other > 10 * same, "energy %g %g", same, other);
	toydist_grid_free(&g);
	free(ring), free(ring2), free(c8), free(moons);
}
END_TEST

static Suite *toydist_suite(void)
{
	Suite *s = suite_create("toydist");
	TCase *tc = tcase_create("toydist");

	tcase_add_test(tc, one_dimensional_targets_have_their_moments);
	tcase_add_test(tc, two_dimensional_targets_have_their_shapes);
	tcase_add_test(tc, a_seed_reproduces_the_samples_inside_the_box);
	tcase_add_test(tc, total_variation_by_hand);
	tcase_add_test(tc, energy_distance_by_hand);
	tcase_add_test(tc, distances_separate_targets);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(toydist_suite());
}
