/* polyfit.h: fitting a polynomial to points by least squares, with an optional L2
 * penalty on its coefficients (ridge regression), and its error on any points.
 * libc and libm only; no global state; the caller gives the workspace. */
#ifndef NN_NN_POLYFIT_H
#define NN_NN_POLYFIT_H

#include <stddef.h>

#include "nn/status.h"

#define POLYFIT_MAX_DEGREE 20

/* The doubles of workspace polyfit_solve needs for n points and degree d:
 * (n + d + 1) (d + 2). */
size_t polyfit_work_size(size_t n, size_t degree);

/* w: (degree + 1) x: (n) y: (n) work: (polyfit_work_size(n, degree)).
 * The coefficients w_0 .. w_d of p(x) = sum_k w_k x^k that minimise the regularized loss
 *   L_reg(w) = (1/n) sum_i (p(x_i) - y_i)^2 + lambda sum_(k>=1) w_k^2
 * (the constant w_0 is not penalised: it only moves the curve up and down). Solved as
 * the ordinary least squares of the stacked system [V; sqrt(n lambda) E] w = [y; 0],
 * V_ik = x_i^k and E the identity without its first row, by Householder QR (the normal
 * equations would square V's condition). Returns NN_OK; NN_ERR_ARG for a degree above
 * POLYFIT_MAX_DEGREE, lambda < 0, or too few rows (n + degree, with lambda > 0, or n,
 * without, must reach degree + 1) ; NN_ERR_SHAPE when the system is singular (points
 * repeated). */
NnStatus polyfit_solve(double *w, const double *x, const double *y, size_t n, size_t degree,
		       double lambda, double *work);

/* w: (degree + 1); p(x) = sum_k w_k x^k by Horner's rule. */
double polyfit_eval(const double *w, size_t degree, double x);

/* w: (degree + 1) x: (n) y: (n); the mean squared error (1/n) sum_i (p(x_i) - y_i)^2
 * (0 for n = 0). */
double polyfit_mse(const double *w, size_t degree, const double *x, const double *y, size_t n);

/* x: (n) y: (n); n points with x_i ~ U(-1, 1) and y_i = sin(pi x_i) + N(0, noise^2),
 * drawn in that order from the generator seeded with seed. */
void polyfit_points(double *x, double *y, size_t n, double noise, unsigned long long seed);

#endif
