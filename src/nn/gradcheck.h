/* gradcheck.h: finite differences against backpropagation, for any MLP and loss, and
 * for any array a loss depends on (a layer's inputs and weights). libc and libm only. */
#ifndef NN_NN_GRADCHECK_H
#define NN_NN_GRADCHECK_H

#include <stddef.h>

#include "nn/loss.h"
#include "nn/mlp.h"

/* The result of a check: the largest relative error |b - f| / max(|b|, |f|, 1e-6)
 * between the backprop gradient b and the central difference f = (L(p+h) - L(p-h))/2h,
 * and the parameter where it is. */
typedef struct {
	double max_rel;
	size_t worst;
	double backprop, numeric; /* the two values at worst */
} GradCheck;

/* Checks every parameter of m on the batch x: (batch, sizes[0]), t: (batch, n_out)
 * for loss l, with step h (1e-5 is good for doubles). grad: (n_params) scratch.
 * w: a workspace of m with cap >= batch. m->params is restored exactly. */
void gradcheck_mlp(GradCheck *out, double *grad, Mlp *m, MlpWork *w, const double *x,
                   const double *t, size_t batch, Loss l, double h);

/* The loss of m on the batch (forward only). */
double gradcheck_loss(MlpWork *w, const Mlp *m, const double *x, const double *t, size_t batch,
                      Loss l);

/* A scalar loss of some arrays, computed from their current values (ctx: the caller's). */
typedef double (*GradLossFn)(void *ctx);

/* Checks grad (n), the backprop dL/dp, against the central differences
 * f = (loss(p + h e_i) - loss(p - h e_i)) / 2h for every i, p being an array loss reads;
 * p is restored exactly. out as for gradcheck_mlp (worst: the index in p), except that
 * the relative error is |b - f| / max(|b|, |f|, min_scale): below min_scale a gradient's
 * error counts as absolute (the differences' own rounding noise is about
 * 1e-16 |loss| / h). A NaN on either side is an infinite error. */
void gradcheck_array(GradCheck *out, double *p, const double *grad, size_t n, GradLossFn loss,
                     void *ctx, double h, double min_scale);

#endif
