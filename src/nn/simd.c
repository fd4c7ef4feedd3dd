/* simd.c: the fast kernels, compiled once per x86 vector level and chosen at run time.
 * libc and libm only; no global state (the level is an explicit argument). */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nn/linalg.h"
#include "nn/names.h"
#include "nn/simd.h"

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define SIMD_X86 1
#include <immintrin.h>
#else
#define SIMD_X86 0
#endif

/* The generic vector code: SSE2 on x86-64, whatever the target offers elsewhere. */
#define SK_SUFFIX sse2
#define SK_ATTR
#define SK_BYTES 16
#define SK_R     4
#define SK_C     2
#define SK_SGD_NB 2
#define SK_FMA 0
#include "nn/simd-kernel.h"
#undef SK_SUFFIX
#undef SK_ATTR
#undef SK_BYTES
#undef SK_R
#undef SK_C
#undef SK_SGD_NB
#undef SK_FMA

#if SIMD_X86
#define SK_SUFFIX avx2
#define SK_ATTR   __attribute__((target("avx2")))
#define SK_BYTES  32
#define SK_R      4
#define SK_C      2
#define SK_SGD_NB 2
#define SK_FMA 0
#include "nn/simd-kernel.h"
#undef SK_SUFFIX
#undef SK_ATTR
#undef SK_BYTES
#undef SK_R
#undef SK_C
#undef SK_SGD_NB
#undef SK_FMA

#define SK_SUFFIX avx512
#define SK_ATTR   __attribute__((target("avx512f")))
#define SK_BYTES  64
#define SK_R      4
#define SK_C      4
#define SK_SGD_NB 1 /* 2 is slower here (measured on Zen 4) */
#define SK_FMA 0
#include "nn/simd-kernel.h"
#undef SK_SUFFIX
#undef SK_ATTR
#undef SK_BYTES
#undef SK_R
#undef SK_C
#undef SK_SGD_NB
#undef SK_FMA

/* The opt-in FMA level: the AVX-512 code with every multiply-add of the products fused
 * (one rounding instead of two): faster, and NOT the bits of the other levels. */
#define SK_SUFFIX fma
#define SK_ATTR   __attribute__((target("avx512f,fma")))
#define SK_BYTES  64
#define SK_R      4
#define SK_C      4
#define SK_SGD_NB 1
#define SK_FMA    1
#include "nn/simd-kernel.h"
#undef SK_SUFFIX
#undef SK_ATTR
#undef SK_BYTES
#undef SK_R
#undef SK_C
#undef SK_SGD_NB
#undef SK_FMA
#endif

static const char *const simd_names[SIMD_COUNT] = {"portable", "sse2", "avx2", "avx512", "fma"};

int simd_supported(SimdLevel lv)
{
	switch (lv) {
	case SIMD_PORTABLE:
	case SIMD_SSE2:
		return 1;
#if SIMD_X86
	case SIMD_AVX2:
		__builtin_cpu_init();
		return __builtin_cpu_supports("avx2");
	case SIMD_AVX512:
		__builtin_cpu_init();
		return __builtin_cpu_supports("avx512f");
	case SIMD_FMA:
		__builtin_cpu_init();
		return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
#endif
	default:
		return 0;
	}
}

SimdLevel simd_best(void)
{
	if (simd_supported(SIMD_AVX512))
		return SIMD_AVX512;
	if (simd_supported(SIMD_AVX2))
		return SIMD_AVX2;
	return SIMD_SSE2;
}

const char *simd_name(SimdLevel lv)
{
	return lv < SIMD_COUNT ? simd_names[lv] : "?";
}

int simd_from_name(SimdLevel *lv, const char *name)
{
	int i = names_find(simd_names, SIMD_COUNT, name);

	if (i < 0)
		return -1;
	*lv = (SimdLevel)i;
	return 0;
}

/* The portable gemm: the order of linalg_gemm_nn, for any strides, from c0. */
static void gemm_portable(double *c, const double *c0, size_t ldc0, const double *a, size_t ars,
                          size_t acs, const double *b, size_t m, size_t k, size_t n)
{
	size_t i, p;

	for (i = 0; i < m; i++) {
		if (c0 + i * ldc0 != c + i * n)
			memmove(c + i * n, c0 + i * ldc0, n * sizeof *c);
		for (p = 0; p < k; p++)
			linalg_axpy(c + i * n, a[i * ars + p * acs], b + p * n, n);
	}
}

void simd_gemm_from(SimdLevel lv, double *c, const double *c0, size_t ldc0, const double *a,
                    size_t ars, size_t acs, const double *b, size_t m, size_t k, size_t n)
{
	switch (lv) {
#if SIMD_X86
	case SIMD_FMA:
		gemm_fma(c, c0, ldc0, a, ars, acs, b, m, k, n);
		return;
	case SIMD_AVX512:
		gemm_avx512(c, c0, ldc0, a, ars, acs, b, m, k, n);
		return;
	case SIMD_AVX2:
		gemm_avx2(c, c0, ldc0, a, ars, acs, b, m, k, n);
		return;
#endif
	case SIMD_SSE2:
		gemm_sse2(c, c0, ldc0, a, ars, acs, b, m, k, n);
		return;
	default:
		gemm_portable(c, c0, ldc0, a, ars, acs, b, m, k, n);
		return;
	}
}

void simd_gemm(SimdLevel lv, double *c, const double *a, size_t ars, size_t acs, const double *b,
               size_t m, size_t k, size_t n)
{
	simd_gemm_from(lv, c, c, n, a, ars, acs, b, m, k, n);
}

/* The bits of a double, and back. */
static uint64_t bits_of(double x)
{
	uint64_t b;

	memcpy(&b, &x, sizeof b);
	return b;
}

static double double_of(uint64_t b)
{
	double x;

	memcpy(&x, &b, sizeof x);
	return x;
}

/* tanh(x), the scalar twin of vtanh in simd-kernel.h: the same operations in the same
 * order on one element (see there), so the portable level gives the vector levels' bits.
 * Within 3 ulp of libm's tanh. */
static double tanh_portable(double x)
{
	const uint64_t sign = (uint64_t)1 << 63;
	const double magic = 0x1.8p52, ln2_hi = 0x1.62e42fee00000p-1,
		     ln2_lo = 0x1.a39ef35793c76p-33, log2e = 0x1.71547652b82fep0;
	double ax = double_of(bits_of(x) & ~sign), u, kd, r, r2, r4, r8, q, p, scale, e, t;

	if (!(ax < 20.0))
		ax = 20.0;
	u = ax * -2.0;
	kd = (u * log2e + magic) - magic;
	r = (u - kd * ln2_hi) - kd * ln2_lo;
	r2 = r * r;
	r4 = r2 * r2;
	r8 = r4 * r4;
	q = ((0.5 + r * (1.0 / 6.0)) + r2 * (1.0 / 24.0 + r * (1.0 / 120.0))) +
	    r4 * ((1.0 / 720.0 + r * (1.0 / 5040.0)) +
		  r2 * (1.0 / 40320.0 + r * (1.0 / 362880.0)));
	q = q + r8 * (((1.0 / 3628800.0 + r * (1.0 / 39916800.0)) +
		       r2 * (1.0 / 479001600.0 + r * (1.0 / 6227020800.0))) +
		      r4 * (1.0 / 87178291200.0));
	p = r + r2 * q;
	scale = double_of(((bits_of(kd + magic) - bits_of(magic)) + 1023) << 52);
	e = scale * p + (scale - 1.0);
	t = -e / (e + 2.0);
	t = double_of((bits_of(t) & ~sign) | (bits_of(x) & sign));
	return x != x ? x : t;
}

void simd_tanh(SimdLevel lv, double *y, const double *x, size_t n)
{
	size_t i;

	switch (lv) {
#if SIMD_X86
	case SIMD_FMA:
		tanh_fma(y, x, n);
		return;
	case SIMD_AVX512:
		tanh_avx512(y, x, n);
		return;
	case SIMD_AVX2:
		tanh_avx2(y, x, n);
		return;
#endif
	case SIMD_SSE2:
		tanh_sse2(y, x, n);
		return;
	default:
		for (i = 0; i < n; i++)
			y[i] = tanh_portable(x[i]);
		return;
	}
}

void simd_tanh_backward(SimdLevel lv, double *d, const double *dy, const double *y, size_t n)
{
	size_t i;

	switch (lv) {
#if SIMD_X86
	case SIMD_FMA:
		tanh_backward_fma(d, dy, y, n);
		return;
	case SIMD_AVX512:
		tanh_backward_avx512(d, dy, y, n);
		return;
	case SIMD_AVX2:
		tanh_backward_avx2(d, dy, y, n);
		return;
#endif
	case SIMD_SSE2:
		tanh_backward_sse2(d, dy, y, n);
		return;
	default:
		for (i = 0; i < n; i++)
			d[i] += dy[i] * (1.0 - y[i] * y[i]);
		return;
	}
}

void simd_transpose(SimdLevel lv, double *out, const double *a, size_t m, size_t n)
{
	switch (lv) {
#if SIMD_X86
	case SIMD_FMA:
		transpose_fma(out, a, m, n);
		return;
	case SIMD_AVX512:
		transpose_avx512(out, a, m, n);
		return;
	case SIMD_AVX2:
		transpose_avx2(out, a, m, n);
		return;
#endif
	case SIMD_SSE2:
		transpose_sse2(out, a, m, n);
		return;
	default:
		linalg_transpose(out, a, m, n);
		return;
	}
}

void simd_axpy(SimdLevel lv, double *y, double alpha, const double *x, size_t n)
{
	switch (lv) {
#if SIMD_X86
	case SIMD_FMA:
		axpy_fma(y, alpha, x, n);
		return;
	case SIMD_AVX512:
		axpy_avx512(y, alpha, x, n);
		return;
	case SIMD_AVX2:
		axpy_avx2(y, alpha, x, n);
		return;
#endif
	case SIMD_SSE2:
		axpy_sse2(y, alpha, x, n);
		return;
	default:
		linalg_axpy(y, alpha, x, n);
		return;
	}
}

/* The portable simd_sgd_dense: one weight at a time, in the order of its formula. */
static int sgd_dense_portable(double *w, double *wt, double *b, const double *d,
                              const double *in, size_t batch, size_t n_out, size_t n_in,
                              double lr)
{
	size_t i, j, r;

	for (j = 0; j < n_out; j++) {
		double gb = 0.0;
		for (i = 0; i < n_in; i++) {
			double g = 0.0;
			for (r = 0; r < batch; r++)
				g += in[r * n_in + i] * d[r * n_out + j];
			w[j * n_in + i] = w[j * n_in + i] + g * -lr;
			wt[i * n_out + j] = w[j * n_in + i];
		}
		for (r = 0; r < batch; r++)
			gb += d[r * n_out + j];
		b[j] = b[j] + gb * -lr;
	}
	return !linalg_all_tame(w, n_out * n_in) || !linalg_all_tame(b, n_out);
}

int simd_sgd_dense(SimdLevel lv, double *w, double *wt, double *b, const double *d,
                   const double *in, size_t batch, size_t n_out, size_t n_in, double lr)
{
	switch (lv) {
#if SIMD_X86
	case SIMD_FMA:
		return sgd_dense_fma(w, wt, b, d, in, batch, n_out, n_in, lr);
	case SIMD_AVX512:
		return sgd_dense_avx512(w, wt, b, d, in, batch, n_out, n_in, lr);
	case SIMD_AVX2:
		return sgd_dense_avx2(w, wt, b, d, in, batch, n_out, n_in, lr);
#endif
	case SIMD_SSE2:
		return sgd_dense_sse2(w, wt, b, d, in, batch, n_out, n_in, lr);
	default:
		return sgd_dense_portable(w, wt, b, d, in, batch, n_out, n_in, lr);
	}
}
