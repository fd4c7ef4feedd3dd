/* gradcheck.h: finite differences against backpropagation, for any MLP and loss.
 * libc and libm only. */
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

#endif
