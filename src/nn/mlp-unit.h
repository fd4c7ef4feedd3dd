/* mlp-unit.h: an MLP with its workspace, gradient and optimizer, and the gradient of a
 * loss with respect to an MLP's inputs: the brick the small models (gan, vae, flow, moe)
 * are built of. libc and libm only; everything is allocated in mlp_unit_init. */
#ifndef NN_NN_MLP_UNIT_H
#define NN_NN_MLP_UNIT_H

#include <stddef.h>

#include "nn/mlp.h"
#include "nn/optim.h"
#include "nn/rng.h"

/* A network trained by its own optimizer: one Optim per network is the same as one over
 * all of a model's parameters, since every update rule works element by element. */
typedef struct {
	Mlp net;
	MlpWork work; /* batches of up to work.cap rows, the fastest kernels (simd_best) */
	Optim opt;
	double *grad; /* (net.n_params), the same layout as net.params */
} MlpUnit;

/* Creates the network of sizes[0..n_layers] with activations act (n_layers), its
 * parameters drawn by INIT_UNIFORM (torch.nn.Linear's default, U(-1/sqrt(fan_in), ..))
 * from r, a workspace for cap >= 1 rows, a zeroed gradient and the optimizer oc.
 * On failure u is empty (nothing to free) and the status says why. */
NnStatus mlp_unit_init(MlpUnit *u, const size_t *sizes, size_t n_layers,
                       const Activation *act, size_t cap, const OptimConfig *oc, Rng *r);

/* The usual shape of the small models' networks: in -> depth hidden layers of `hidden`
 * units with activation act -> out, linear (depth 0: one linear layer in -> out), by
 * mlp_unit_init with Adam of step lr (the other settings torch's defaults). NN_ERR_ARG
 * for depth > 8, or hidden = 0 with depth > 0. */
NnStatus mlp_unit_init_adam(MlpUnit *u, size_t in, size_t hidden, size_t depth, size_t out,
                            Activation act, size_t cap, double lr, Rng *r);

/* Releases everything; u becomes empty. Safe on a zeroed MlpUnit. */
void mlp_unit_free(MlpUnit *u);

/* Zeroes the gradient (once per step, before the backward passes add into it). */
void mlp_unit_zero_grad(MlpUnit *u);

/* One optimizer update of the parameters from the gradient. */
void mlp_unit_step(MlpUnit *u);

/* The outputs of the last mlp_forward on u: (batch, n_out). */
double *mlp_unit_out(const MlpUnit *u);

/* x: (batch, n_in) y = out: (batch, n_out); mlp_forward on u's workspace. */
void mlp_unit_forward(MlpUnit *u, const double *x, size_t batch);

/* dz_out: (batch, n_out) = dL/dz of the last layer; mlp_backward ADDING into u->grad,
 * after mlp_unit_forward on the same x. */
void mlp_unit_backward(MlpUnit *u, const double *x, const double *dz_out, size_t batch);

/* dx: (batch, sizes[0]) dz_out: (batch, sizes[L]); after mlp_backward on the same batch
 * and dz_out (which fills the deltas of w), ADDS dL/dx = W_0^T d_0 per row, d_0 being
 * the delta of the first layer (dz_out itself when the network has one layer). */
void mlp_backward_input(double *dx, const MlpWork *w, const Mlp *m, const double *dz_out,
                        size_t batch);

#endif
