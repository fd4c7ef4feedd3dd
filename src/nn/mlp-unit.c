/* mlp-unit.c: a network with its workspace, gradient and optimizer; input gradients.
 * libc and libm only; allocates only in mlp_unit_init. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "nn/init.h"
#include "nn/linalg.h"
#include "nn/mlp-unit.h"

NnStatus mlp_unit_init(MlpUnit *u, const size_t *sizes, size_t n_layers,
                       const Activation *act, size_t cap, const OptimConfig *oc, Rng *r)
{
	NnStatus st;

	memset(u, 0, sizeof *u);
	st = mlp_init(&u->net, sizes, n_layers, act);
	if (st != NN_OK)
		return st;
	st = mlp_work_init(&u->work, &u->net, cap, simd_best(), 0);
	if (st == NN_OK)
		st = optim_init(&u->opt, oc, u->net.n_params);
	if (st == NN_OK && !(u->grad = mlp_alloc_params(&u->net)))
		st = NN_ERR_NOMEM;
	if (st != NN_OK) {
		mlp_unit_free(u);
		return st;
	}
	init_params(&u->net, INIT_UNIFORM, 0.0, r);
	return NN_OK;
}

NnStatus mlp_unit_init_adam(MlpUnit *u, size_t in, size_t hidden, size_t depth, size_t out,
                            Activation act, size_t cap, double lr, Rng *r)
{
	size_t sizes[10], l;
	Activation acts[9];
	OptimConfig oc;

	memset(u, 0, sizeof *u);
	if (depth > 8 || (depth > 0 && hidden == 0))
		return NN_ERR_ARG;
	sizes[0] = in;
	for (l = 0; l < depth; l++) {
		sizes[l + 1] = hidden;
		acts[l] = act;
	}
	sizes[depth + 1] = out;
	acts[depth] = ACT_LINEAR;
	optim_defaults(&oc, OPTIM_ADAM);
	oc.lr = lr;
	return mlp_unit_init(u, sizes, depth + 1, acts, cap, &oc, r);
}

void mlp_unit_free(MlpUnit *u)
{
	free(u->grad);
	optim_free(&u->opt);
	mlp_work_free(&u->work);
	mlp_free(&u->net);
	memset(u, 0, sizeof *u);
}

void mlp_unit_zero_grad(MlpUnit *u)
{
	memset(u->grad, 0, u->net.n_params * sizeof *u->grad);
}

void mlp_unit_step(MlpUnit *u)
{
	optim_step(&u->opt, u->net.params, u->grad);
}

double *mlp_unit_out(const MlpUnit *u)
{
	return u->work.y[u->net.n_layers - 1];
}

void mlp_unit_forward(MlpUnit *u, const double *x, size_t batch)
{
	mlp_forward(&u->work, &u->net, x, batch);
}

void mlp_unit_backward(MlpUnit *u, const double *x, const double *dz_out, size_t batch)
{
	mlp_backward(u->grad, &u->work, &u->net, x, dz_out, batch);
}

void mlp_backward_input(double *dx, const MlpWork *w, const Mlp *m, const double *dz_out,
                        size_t batch)
{
	size_t n_in = m->sizes[0], n_out = m->sizes[1], r;
	const double *d0 = m->n_layers == 1 ? dz_out : w->d[0];
	const double *W = m->params + m->w_off[0];

	for (r = 0; r < batch; r++)
		linalg_gemv_t(dx + r * n_in, W, d0 + r * n_out, n_out, n_in);
}
