/* simd.h: the fast kernels of the batched MLP (small gemm, tanh), one per CPU level.
 * libc and libm only. Every level computes exactly what the portable level computes:
 * the same operations in the same order on each element (vector lanes run across
 * independent outputs, never across a sum), and no fused multiply-add (nn/ is built
 * with -ffp-contract=off), so the portable level, SSE2, AVX2 and AVX-512 give
 * bit-identical results. That holds for tanh too: every level computes our own (within
 * 3 ulp of libm's), the portable level with a scalar twin of the vector code.
 * The one exception is the opt-in FMA level: the AVX-512 code with the multiply-adds
 * of the products fused. It is faster and NOT bit-identical (one rounding instead of
 * two: results drift from the others' in the last bits and the drift grows over a
 * training run); simd_best never picks it. */
#ifndef NN_NN_SIMD_H
#define NN_NN_SIMD_H

#include <stddef.h>

typedef enum {
	SIMD_PORTABLE, /* plain C loops, one element at a time: the reference */
	SIMD_SSE2,     /* 128-bit vectors (every x86-64, and the generic vector code) */
	SIMD_AVX2,     /* 256-bit vectors */
	SIMD_AVX512,   /* 512-bit vectors */
	SIMD_FMA,      /* opt-in: AVX-512 with fused multiply-adds, NOT the same bits */
	SIMD_COUNT
} SimdLevel;

/* The levels [0, SIMD_EXACT) give the same bits; SIMD_FMA does not. */
enum { SIMD_EXACT = SIMD_FMA };

/* The widest exact level this CPU runs (checked at run time, so the program is built
 * with a distribution's baseline flags); never SIMD_FMA. */
SimdLevel simd_best(void);

/* Whether this CPU runs level lv. */
int simd_supported(SimdLevel lv);

/* The level's name ("portable", "sse2", "avx2", "avx512", "fma"), and the reverse look-up:
 * returns 0 and sets *lv, or -1 for an unknown name. */
const char *simd_name(SimdLevel lv);
int simd_from_name(SimdLevel *lv, const char *name);

/* c: (m,n) b: (k,n) and A' (m,k) with A'_ip = a[i*ars + p*acs];
 * c_ij += sum_p A'_ip b_pj, p from 0 up. ars = k, acs = 1 is C += A B (A (m,k));
 * ars = 1, acs = m is C += A^T B (A (k,m)). */
void simd_gemm(SimdLevel lv, double *c, const double *a, size_t ars, size_t acs, const double *b,
               size_t m, size_t k, size_t n);

/* The same with each sum starting from c0 instead of c: c_ij = C0_ij + sum_p A'_ip b_pj
 * with C0_ij = c0[i*ldc0 + j]; ldc0 = 0 starts every row from the row c0 (a bias, or
 * zeros: no copy or memset first). c0 = c, ldc0 = n is simd_gemm. c0 may be c only
 * that way. */
void simd_gemm_from(SimdLevel lv, double *c, const double *c0, size_t ldc0, const double *a,
                    size_t ars, size_t acs, const double *b, size_t m, size_t k, size_t n);

/* y: (n) x: (n); y = tanh(x). NaN stays NaN. y may be x. */
void simd_tanh(SimdLevel lv, double *y, const double *x, size_t n);

/* d: (n) dy: (n) y: (n); d += dy * (1 - y*y), the tanh backward from its output. */
void simd_tanh_backward(SimdLevel lv, double *d, const double *dy, const double *y, size_t n);

/* out: (n,m) a: (m,n); out = a^T (exact: values are only moved). */
void simd_transpose(SimdLevel lv, double *out, const double *a, size_t m, size_t n);

/* y: (n) x: (n); y += alpha x, each element alone (the bits of linalg_axpy). */
void simd_axpy(SimdLevel lv, double *y, double alpha, const double *x, size_t n);

/* w: (n_out, n_in) wt: (n_in, n_out) b: (n_out) d: (batch, n_out) in: (batch, n_in).
 * One SGD step of a dense layer, its gradient never stored: w_ji = w_ji + g_ji (-lr)
 * with g_ji = sum_r in_ri d_rj, b_j = b_j + g_j (-lr) with g_j = sum_r d_rj (r from 0
 * up, every sum from +0: the bits of mlp_backward into a zeroed gradient followed by
 * optim_step's SGD), then wt = w^T. Returns non-zero when a new value fails
 * linalg_all_tame. */
int simd_sgd_dense(SimdLevel lv, double *w, double *wt, double *b, const double *d,
                   const double *in, size_t batch, size_t n_out, size_t n_in, double lr);

#endif
