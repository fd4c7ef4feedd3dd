/* rfeat.h: random-feature regression (Rahimi and Recht, 2007) and its double-descent
 * curve. A 1-D input x becomes p random cosine features
 *   phi_j(x) = sqrt(2/p) cos(w_j x + b_j),  w_j ~ N(0, sigma^2), b_j ~ U(0, 2 pi),
 * and a linear model f(x) = sum_j a_j phi_j(x) is fitted to n points by least squares:
 * with p <= n the ordinary least-squares solution, with p > n (many solutions fit every
 * point) the one of least norm |a|. libc and libm only; no global state; the caller
 * gives the workspace. */
#ifndef NN_NN_RFEAT_H
#define NN_NN_RFEAT_H

#include <stddef.h>

#include "nn/rng.h"
#include "nn/status.h"

/* The experiment behind the curve. Training points: x ~ U(-1, 1), y = sin(pi x) +
 * N(0, noise^2), from seed (polyfit_points); test points: ntest more from seed +
 * 1000003 without noise, so the test error is the fit's mean squared distance from
 * sin(pi x). Feature draw d (0 .. draws - 1) comes from the generator seeded with
 * seed + 1 + d: pmax frequencies and phases (rf_draw), of which a model with p
 * features uses the first p. */
typedef struct {
	size_t n, ntest, pmax;
	double noise, sigma;
	double lambda; /* the ridge of rf_fit: 0, or tiny to keep p = n solvable */
	int draws;     /* the feature draws averaged, at least 1 */
	unsigned long long seed;
} RfSetup;

/* w: (p) b: (p); w_j ~ N(0, sigma^2) then b_j ~ U(0, 2 pi), j from 0 up, from r. */
void rf_draw(double *w, double *b, size_t p, double sigma, Rng *r);

/* c: (m, p) x: (m) w: (p) b: (p); c_ij = cos(w_j x_i + b_j), the features before their
 * scale sqrt(2/p). */
void rf_cos(double *c, const double *x, size_t m, const double *w, const double *b, size_t p);

/* The doubles of workspace rf_fit needs for n points and p features: (n + p) (p + 1). */
size_t rf_work_size(size_t n, size_t p);

/* a: (p) c: (n, ld), ld >= p, rows of rf_cos; y: (n) work: (rf_work_size(n, p)).
 * The weights minimising |Phi a - y|^2 + lambda |a|^2 with Phi_ij = sqrt(2/p) c_ij (the
 * first p columns), as the least squares of the stacked system [Phi; sqrt(lambda) I] a
 * = [y; 0] by Householder QR (linalg_qr_solve). lambda = 0 needs p <= n and gives least
 * squares; a tiny lambda > 0 gives, up to a relative change of order lambda / s^2 (s:
 * Phi's smallest nonzero singular value), the minimum-norm solution
 * a = Phi^T (Phi Phi^T)^-1 y when p > n. Returns NN_OK, NN_ERR_ARG for p = 0, lambda
 * < 0 or lambda = 0 with p > n, NN_ERR_SHAPE when the system is singular. */
NnStatus rf_fit(double *a, const double *c, size_t ld, const double *y, size_t n, size_t p,
		double lambda, double *work);

/* a: (p) crow: (p), one row of rf_cos; f(x) = sqrt(2/p) sum_j a_j crow_j. */
double rf_predict(const double *a, const double *crow, size_t p);

/* a: (p) c: (m, ld) y: (m); the mean squared error (1/m) sum_i (f(x_i) - y_i)^2. */
double rf_mse(const double *a, const double *c, size_t ld, const double *y, size_t m, size_t p);

/* The doubles of workspace rf_curve needs. */
size_t rf_curve_work_size(const RfSetup *s);

/* test, train, norm: (s->pmax) each; work: (rf_curve_work_size(s)). For p = 1 .. pmax
 * (entry p - 1), the test error, training error and norm |a| of the fit with p
 * features (rf_fit with s->lambda), each the mean over the s->draws feature draws.
 * Returns NN_OK, or the first failing rf_fit's status. */
NnStatus rf_curve(double *test, double *train, double *norm, const RfSetup *s, double *work);

#endif
