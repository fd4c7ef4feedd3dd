/* varprop.h: how the variance of the signal and of the gradient travels through a deep
 * plain network at its start (Glorot and Bengio 2010; He et al. 2015): one forward pass
 * of a seeded batch and one backward pass of a seeded gradient, measured layer by layer.
 * libc and libm only; no global state; the caller gives the workspace. */
#ifndef NN_NN_VARPROP_H
#define NN_NN_VARPROP_H

#include <stddef.h>

#include "nn/act.h"
#include "nn/init.h"
#include "nn/status.h"

/* The net: `layers` dense layers of width x width weights, biases 0, activation act in
 * every layer: z_l = W_l h_(l-1), h_l = act(z_l), h_0 = the inputs. Drawn from the
 * generator seeded with seed, in this order: W_1 .. W_L by init_weights(scheme, value),
 * the inputs (batch, width) ~ N(0, 1), the gradient dL/dh_L (batch, width) ~ N(0, 1). */
typedef struct {
	size_t layers, width, batch;
	Activation act;
	InitScheme scheme;
	double value; /* the spread of INIT_NORMAL / INIT_UNIFORM (0: 1/sqrt(width)) */
	unsigned long long seed;
} VarNet;

/* The doubles of workspace varprop_run needs: (L + 1) n^2 + (3 L + 2) b n with L layers,
 * n the width and b the batch. */
size_t varprop_work_size(const VarNet *v);

/* fwd: (layers) bwd: (layers) work: (varprop_work_size(v)). fwd[l - 1] is the variance
 * of layer l's totals z_l, bwd[l - 1] that of its delta dL/dz_l = dL/dh_l * act'(z_l),
 * with dL/dh_(l-1) = W_l^T dL/dz_l (dense_backward), each over all batch x width
 * numbers (the mean of the squares minus the square of the mean). Returns NN_OK, or
 * NN_ERR_ARG for a zero size. */
NnStatus varprop_run(double *fwd, double *bwd, const VarNet *v, double *work);

/* x: (n); the variance of n numbers, (1/n) sum x^2 - ((1/n) sum x)^2, 0 for n = 0. */
double varprop_variance(const double *x, size_t n);

#endif
