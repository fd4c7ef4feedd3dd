/* linalg.h: the plain double-precision kernels of the library (the reference path).
 * libc and libm only. Matrices are flat row-major arrays; every kernel ADDS into its
 * output in a fixed order (the sum over the inner index runs from 0 upwards), so the
 * fast kernels of simd.h can reproduce them bit for bit. */
#ifndef NN_NN_LINALG_H
#define NN_NN_LINALG_H

#include <stdbool.h>
#include <stddef.h>

#include "nn/status.h"

/* x: (n) y: (n); returns sum_i x_i y_i, summed from i = 0 up. */
double linalg_dot(const double *x, const double *y, size_t n);

/* y: (n) x: (n); y += a x. */
void linalg_axpy(double *y, double a, const double *x, size_t n);

/* y: (m) a: (m,n) x: (n); y_i += sum_j a_ij x_j (j from 0 up, starting from y_i). */
void linalg_gemv(double *y, const double *a, const double *x, size_t m, size_t n);

/* y: (n) a: (m,n) x: (m); y_j += sum_i a_ij x_i (i from 0 up): y += A^T x. */
void linalg_gemv_t(double *y, const double *a, const double *x, size_t m, size_t n);

/* a: (m,n) x: (m) y: (n); a_ij += x_i y_j: the outer-product accumulate A += x y^T. */
void linalg_ger(double *a, const double *x, const double *y, size_t m, size_t n);

/* c: (m,n) a: (m,k) b: (k,n); c_ij += sum_p a_ip b_pj (p from 0 up): C += A B. */
void linalg_gemm_nn(double *c, const double *a, const double *b, size_t m, size_t k, size_t n);

/* c: (m,n) a: (k,m) b: (k,n); c_ij += sum_p a_pi b_pj (p from 0 up): C += A^T B. */
void linalg_gemm_tn(double *c, const double *a, const double *b, size_t m, size_t k, size_t n);

/* c: (m,n) a: (m,k) b: (n,k); c_ij += sum_p a_ip b_jp (p from 0 up): C += A B^T. */
void linalg_gemm_nt(double *c, const double *a, const double *b, size_t m, size_t k, size_t n);

/* out: (n,m) a: (m,n); out_ji = a_ij. out and a must not overlap. */
void linalg_transpose(double *out, const double *a, size_t m, size_t n);

/* x: (n); whether every |x_i| < 2^512 (about 1.3e154, the square root of the largest
 * double): then x_i^2 is finite, and so are Adam's g^2, an L2 penalty and w*x for any
 * |x| < 2^511. Infinities and NaN fail. Reads the exponent bits only, so the loop
 * vectorises without reassociating any arithmetic. */
bool linalg_all_tame(const double *x, size_t n);

/* w: (c) a: (m, c + 1) row-major, m >= c, the last column the right-hand side b.
 * The least-squares solution of A w = b (A: the first c columns) by Householder QR:
 * reduces A to upper-triangular R by reflections applied to every column (a is
 * overwritten), then solves R w = the first c entries of Q^T b by back substitution.
 * Solving the stacked system [A; sqrt(lambda) I] w = [b; 0] gives ridge regression
 * without squaring A's condition as the normal equations would. Returns NN_OK, or
 * NN_ERR_SHAPE when a diagonal of R vanishes (A's columns are dependent). */
NnStatus linalg_qr_solve(double *w, double *a, size_t m, size_t c);

#endif
