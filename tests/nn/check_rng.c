/* check_rng.c: splitmix64, uniform, normal, integers below n, shuffle; determinism. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/rng.h"
#include "testlib.h"

START_TEST(splitmix64_known_values)
{
	Rng r;

	/* the reference implementation's first outputs for seed 0 and seed 1234567 */
	rng_seed(&r, 0);
	ck_assert_uint_eq(rng_next(&r), 0xE220A8397B1DCDAFu);
	ck_assert_uint_eq(rng_next(&r), 0x6E789E6AA1B965F4u);
	rng_seed(&r, 1234567);
	ck_assert_uint_eq(rng_next(&r), 6457827717110365317u);
	ck_assert_uint_eq(rng_next(&r), 3203168211198807973u);
}
END_TEST

START_TEST(same_seed_same_bits)
{
	Rng a, b;
	int i;

	rng_seed(&a, 2881);
	rng_seed(&b, 2881);
	for (i = 0; i < 1000; i++) {
		double x = rng_normal(&a, 1.0, 2.0), y = rng_normal(&b, 1.0, 2.0);
		ck_assert(memcmp(&x, &y, sizeof x) == 0);
	}
	rng_seed(&b, 2882);
	ck_assert(rng_next(&a) != rng_next(&b));
}
END_TEST

START_TEST(uniform_range_and_moments)
{
	Rng r;
	double sum = 0, sum2 = 0, lo = 1, hi = 0;
	int i, n = 200000;

	rng_seed(&r, 7);
	for (i = 0; i < n; i++) {
		double u = rng_uniform(&r);
		ck_assert(u >= 0 && u < 1);
		lo = fmin(lo, u);
		hi = fmax(hi, u);
		sum += u;
		sum2 += u * u;
	}
	ck_assert_double_eq_tol(sum / n, 0.5, 0.005);
	ck_assert_double_eq_tol(sum2 / n - (sum / n) * (sum / n), 1.0 / 12, 0.002);
	ck_assert(lo < 1e-4 && hi > 1 - 1e-4);
	rng_seed(&r, 7);
	for (i = 0; i < 100; i++) {
		double x = rng_range(&r, -3.0, 5.0);
		ck_assert(x >= -3.0 && x < 5.0);
	}
}
END_TEST

START_TEST(normal_moments)
{
	Rng r;
	double sum = 0, sum2 = 0, sum4 = 0;
	int i, n = 200000;

	rng_seed(&r, 11);
	for (i = 0; i < n; i++) {
		double x = rng_normal(&r, 0.0, 1.0);
		ck_assert(isfinite(x));
		sum += x;
		sum2 += x * x;
		sum4 += x * x * x * x;
	}
	ck_assert_double_eq_tol(sum / n, 0.0, 0.01);
	ck_assert_double_eq_tol(sum2 / n, 1.0, 0.01);
	ck_assert_double_eq_tol(sum4 / n, 3.0, 0.06); /* the kurtosis of a gaussian */
	rng_seed(&r, 11);
	ck_assert_double_eq(rng_normal(&r, 10.0, 0.0), 10.0);
}
END_TEST

START_TEST(below_is_uniform_and_in_range)
{
	Rng r;
	unsigned counts[6] = {0};
	int i, n = 60000;

	rng_seed(&r, 3);
	for (i = 0; i < n; i++) {
		uint64_t k = rng_below(&r, 6);
		ck_assert_uint_lt(k, 6);
		counts[k]++;
	}
	for (i = 0; i < 6; i++)
		ck_assert_uint_lt((unsigned)abs((int)counts[i] - n / 6), 400);
	ck_assert_uint_eq(rng_below(&r, 1), 0);
	ck_assert_uint_eq(rng_below(&r, 0), 0);
}
END_TEST

START_TEST(shuffle_is_a_permutation_and_reproducible)
{
	size_t a[50], b[50], i, seen[50] = {0}, moved = 0;
	Rng r;

	for (i = 0; i < 50; i++)
		a[i] = b[i] = i;
	rng_seed(&r, 99);
	rng_shuffle(a, 50, &r);
	rng_seed(&r, 99);
	rng_shuffle(b, 50, &r);
	for (i = 0; i < 50; i++) {
		ck_assert_uint_eq(a[i], b[i]);
		seen[a[i]]++;
		moved += a[i] != i;
	}
	for (i = 0; i < 50; i++)
		ck_assert_uint_eq(seen[i], 1);
	ck_assert_uint_gt(moved, 40);
	rng_shuffle(a, 0, &r); /* empty and single arrays are fine */
	rng_shuffle(a, 1, &r);
}
END_TEST

static Suite *rng_suite(void)
{
	Suite *s = suite_create("rng");
	TCase *tc = tcase_create("rng");

	tcase_add_test(tc, splitmix64_known_values);
	tcase_add_test(tc, same_seed_same_bits);
	tcase_add_test(tc, uniform_range_and_moments);
	tcase_add_test(tc, normal_moments);
	tcase_add_test(tc, below_is_uniform_and_in_range);
	tcase_add_test(tc, shuffle_is_a_permutation_and_reproducible);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(rng_suite());
}
