/* check_linalg.c: the plain kernels by hand, and every SIMD level against them bit for
 * bit; the vector tanh against libm's. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nn/linalg.h"
#include "nn/rng.h"
#include "nn/simd.h"
#include "testlib.h"

START_TEST(kernels_by_hand)
{
	const double a[6] = {1, 2, 3, 4, 5, 6}; /* (2,3) */
	const double x3[3] = {1, 0, -1}, x2[2] = {2, -1};
	double y2[2] = {10, 20}, y3[3] = {0, 0, 0}, g[6] = {0};
	const double b[6] = {1, 0, 0, 1, 1, 1}; /* (3,2) */
	double c[4] = {0, 0, 0, 0}, ct[9] = {0}, cnt[4] = {0}, t[6];

	ck_assert_double_eq(linalg_dot(x3, a, 3), 1 - 3);
	linalg_gemv(y2, a, x3, 2, 3); /* y += A x */
	ck_assert_double_eq(y2[0], 10 + 1 - 3);
	ck_assert_double_eq(y2[1], 20 + 4 - 6);
	linalg_gemv_t(y3, a, x2, 2, 3); /* y += A^T x */
	ck_assert_double_eq(y3[0], 2 - 4);
	ck_assert_double_eq(y3[1], 4 - 5);
	ck_assert_double_eq(y3[2], 6 - 6);
	linalg_ger(g, x2, x3, 2, 3); /* G += x2 x3^T */
	ck_assert_double_eq(g[0], 2);
	ck_assert_double_eq(g[2], -2);
	ck_assert_double_eq(g[5], 1);
	linalg_axpy(y3, 2.0, x3, 3);
	ck_assert_double_eq(y3[0], -2 + 2);
	linalg_gemm_nn(c, a, b, 2, 3, 2); /* (2,3)(3,2) */
	ck_assert_double_eq(c[0], 1 + 3);
	ck_assert_double_eq(c[1], 2 + 3);
	ck_assert_double_eq(c[2], 4 + 6);
	ck_assert_double_eq(c[3], 5 + 6);
	linalg_gemm_tn(ct, a, a, 3, 2, 3); /* A^T A: (3,3) */
	ck_assert_double_eq(ct[0], 1 + 16);
	ck_assert_double_eq(ct[4], 4 + 25);
	ck_assert_double_eq(ct[5], 6 + 30);
	linalg_gemm_nt(cnt, a, a, 2, 3, 2); /* A A^T: (2,2) */
	ck_assert_double_eq(cnt[0], 1 + 4 + 9);
	ck_assert_double_eq(cnt[1], 4 + 10 + 18);
	ck_assert_double_eq(cnt[3], 16 + 25 + 36);
	linalg_transpose(t, a, 2, 3);
	ck_assert_double_eq(t[1], 4);
	ck_assert_double_eq(t[2], 2);
	ck_assert_double_eq(t[5], 6);
}
END_TEST

static void fill(double *v, size_t n, Rng *r)
{
	size_t i;
	for (i = 0; i < n; i++)
		v[i] = rng_range(r, -1, 1);
}

/* Every level's gemm, both forms, against the portable order, bit for bit, on sizes
 * that hit full tiles, row and column tails and the narrow path. */
START_TEST(simd_gemm_matches_portable_bits)
{
	static const size_t ms[] = {1, 2, 3, 4, 5, 7, 8, 10, 17, 64};
	static const size_t ns[] = {1, 2, 3, 4, 7, 8, 9, 16, 33, 64};
	static double a[64 * 64], b[64 * 64], c0[64 * 64], c1[64 * 64], c2[64 * 64];
	Rng r;
	size_t im, in, k = 13;
	int lv;

	rng_seed(&r, 5);
	fill(a, 64 * 64, &r);
	fill(b, 64 * 64, &r);
	for (im = 0; im < sizeof ms / sizeof *ms; im++)
		for (in = 0; in < sizeof ns / sizeof *ns; in++) {
			size_t m = ms[im], n = ns[in];
			fill(c0, m * n, &r);
			memcpy(c2, c0, m * n * sizeof *c0);
			linalg_gemm_nn(c2, a, b, m, k, n);
			for (lv = 0; lv < SIMD_EXACT; lv++) {
				if (!simd_supported((SimdLevel)lv))
					continue;
				memcpy(c1, c0, m * n * sizeof *c0);
				simd_gemm((SimdLevel)lv, c1, a, k, 1, b, m, k, n);
				ck_assert_msg(memcmp(c1, c2, m * n * sizeof *c1) == 0,
				              "nn %s m=%zu n=%zu", simd_name((SimdLevel)lv), m, n);
			}
			memcpy(c2, c0, m * n * sizeof *c0);
			linalg_gemm_tn(c2, a, b, m, k, n);
			for (lv = 0; lv < SIMD_EXACT; lv++) {
				if (!simd_supported((SimdLevel)lv))
					continue;
				memcpy(c1, c0, m * n * sizeof *c0);
				simd_gemm((SimdLevel)lv, c1, a, 1, m, b, m, k, n);
				ck_assert_msg(memcmp(c1, c2, m * n * sizeof *c1) == 0,
				              "tn %s m=%zu n=%zu", simd_name((SimdLevel)lv), m, n);
			}
		}
}
END_TEST

START_TEST(simd_transpose_and_axpy)
{
	static double a[37 * 19], t0[37 * 19], t1[37 * 19], y0[101], y1[101];
	Rng r;
	int lv;

	rng_seed(&r, 8);
	fill(a, 37 * 19, &r);
	fill(y0, 101, &r);
	linalg_transpose(t0, a, 37, 19);
	for (lv = 0; lv < SIMD_COUNT; lv++) {
		if (!simd_supported((SimdLevel)lv))
			continue;
		simd_transpose((SimdLevel)lv, t1, a, 37, 19);
		ck_assert(memcmp(t0, t1, sizeof t0) == 0);
		simd_transpose((SimdLevel)lv, t1, a, 16, 16);
		linalg_transpose(t0, a, 16, 16);
		ck_assert(memcmp(t0, t1, 256 * sizeof *t0) == 0);
		linalg_transpose(t0, a, 37, 19);
		memcpy(y1, y0, sizeof y0);
		simd_axpy((SimdLevel)lv, y1, -0.3, a, 101);
		{
			double y2[101];
			memcpy(y2, y0, sizeof y0);
			linalg_axpy(y2, -0.3, a, 101);
			ck_assert(memcmp(y1, y2, sizeof y1) == 0);
		}
	}
}
END_TEST

/* Distance in units in the last place between two finite doubles of the same sign. */
static uint64_t ulps(double a, double b)
{
	int64_t ia, ib;
	memcpy(&ia, &a, sizeof ia);
	memcpy(&ib, &b, sizeof ib);
	if (ia < 0)
		ia = INT64_MIN - ia;
	if (ib < 0)
		ib = INT64_MIN - ib;
	return ia > ib ? (uint64_t)(ia - ib) : (uint64_t)(ib - ia);
}

START_TEST(vector_tanh_within_3_ulp_of_libm)
{
	enum { N = 20003 };
	static double x[N], y[N], y2[N];
	uint64_t worst = 0;
	Rng r;
	size_t i;
	int lv;

	rng_seed(&r, 1);
	for (i = 0; i < N; i++) {
		double u = rng_uniform(&r);
		/* log-uniform magnitudes from 1e-300 to 30, both signs, plus a grid */
		x[i] = i % 3 == 0 ? ((double)i / N - 0.5) * 50
		                  : (i & 1 ? 1 : -1) * exp(log(1e-300) * (1 - u) + log(30.0) * u);
	}
	for (lv = SIMD_SSE2; lv < SIMD_COUNT; lv++) {
		if (!simd_supported((SimdLevel)lv))
			continue;
		simd_tanh((SimdLevel)lv, y, x, N);
		for (i = 0; i < N; i++) {
			uint64_t d = ulps(y[i], tanh(x[i]));
			if (d > worst)
				worst = d;
		}
		if (lv == SIMD_SSE2)
			memcpy(y2, y, sizeof y);
		else /* every level gives the same bits */
			ck_assert(memcmp(y, y2, sizeof y) == 0);
	}
	ck_assert_msg(worst <= 3, "worst error %llu ulp", (unsigned long long)worst);
	{
		double s[7] = {0.0, -0.0, INFINITY, -INFINITY, NAN, 20.0, -1e-310}, t[7];
		simd_tanh(simd_best(), t, s, 7);
		ck_assert(t[0] == 0 && !signbit(t[0]));
		ck_assert(t[1] == 0 && signbit(t[1]));
		ck_assert_double_eq(t[2], 1.0);
		ck_assert_double_eq(t[3], -1.0);
		ck_assert(isnan(t[4]));
		ck_assert_double_eq(t[5], 1.0);
		ck_assert_double_eq(t[6], -1e-310);
	}
}
END_TEST

START_TEST(simd_names)
{
	SimdLevel lv;

	ck_assert_int_eq(simd_from_name(&lv, "avx2"), 0);
	ck_assert_int_eq(lv, SIMD_AVX2);
	ck_assert_str_eq(simd_name(SIMD_PORTABLE), "portable");
	ck_assert_int_eq(simd_from_name(&lv, "mmx"), -1);
	ck_assert(simd_supported(simd_best()));
	ck_assert(simd_supported(SIMD_PORTABLE));
}
END_TEST

START_TEST(tame_means_a_square_that_fits)
{
	double x[37];
	size_t i;

	for (i = 0; i < 37; i++)
		x[i] = (i % 2 ? -1.0 : 1.0) * ldexp(1.0, (int)i * 14 - 20); /* up to 2^484 */
	ck_assert(linalg_all_tame(x, 37));
	ck_assert(linalg_all_tame(x, 0));
	x[36] = -ldexp(1.0, 512) * 0.9999999999999999; /* just below: its square is finite */
	ck_assert(linalg_all_tame(x, 37));
	ck_assert(isfinite(x[36] * x[36]));
	x[36] = -ldexp(1.0, 512); /* 2^512 squared is 2^1024: overflows */
	ck_assert(!linalg_all_tame(x, 37));
	ck_assert(!linalg_all_tame(x + 30, 7)); /* wherever it stands */
	x[36] = INFINITY;
	ck_assert(!linalg_all_tame(x, 37));
	x[36] = NAN;
	ck_assert(!linalg_all_tame(x, 37));
	x[36] = 4.9e-324; /* subnormals are fine */
	ck_assert(linalg_all_tame(x, 37));
}
END_TEST

static Suite *linalg_suite(void)
{
	Suite *s = suite_create("linalg");
	TCase *tc = tcase_create("linalg");

	tcase_add_test(tc, kernels_by_hand);
	tcase_add_test(tc, simd_gemm_matches_portable_bits);
	tcase_add_test(tc, simd_transpose_and_axpy);
	tcase_add_test(tc, vector_tanh_within_3_ulp_of_libm);
	tcase_add_test(tc, simd_names);
	tcase_add_test(tc, tame_means_a_square_that_fits);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(linalg_suite());
}
