/* optim.c: the optimizers' update rules, exactly as torch.optim computes them.
 * libc and libm only. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/names.h"
#include "nn/optim.h"

static const char *const optim_names[OPTIM_COUNT] = {
    "sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop",
};

const char *optim_name(OptimKind k)
{
	return k < OPTIM_COUNT ? optim_names[k] : "?";
}

int optim_from_name(OptimKind *k, const char *name)
{
	int i = names_find(optim_names, OPTIM_COUNT, name);

	if (i < 0)
		return -1;
	*k = (OptimKind)i;
	return 0;
}

void optim_defaults(OptimConfig *cfg, OptimKind kind)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->kind = kind;
	cfg->lr = kind == OPTIM_ADAM || kind == OPTIM_ADAMW ? 0.001 : 0.01;
	cfg->momentum = 0.9;
	cfg->beta1 = 0.9;
	cfg->beta2 = kind == OPTIM_RMSPROP ? 0.99 : 0.999;
	cfg->eps = 1e-8;
	cfg->l2 = kind == OPTIM_ADAMW ? 0.01 : 0.0;
}

NnStatus optim_init(Optim *o, const OptimConfig *cfg, size_t n)
{
	memset(o, 0, sizeof *o);
	if (cfg->kind >= OPTIM_COUNT)
		return NN_ERR_ARG;
	o->cfg = *cfg;
	o->n = n;
	if (cfg->kind != OPTIM_SGD) {
		o->m = calloc(n ? n : 1, sizeof *o->m);
		o->v = calloc(n ? n : 1, sizeof *o->v);
		if (!o->m || !o->v) {
			optim_free(o);
			return NN_ERR_NOMEM;
		}
	}
	return NN_OK;
}

void optim_free(Optim *o)
{
	free(o->m);
	free(o->v);
	memset(o, 0, sizeof *o);
}

void optim_reset(Optim *o)
{
	if (o->m)
		memset(o->m, 0, o->n * sizeof *o->m);
	if (o->v)
		memset(o->v, 0, o->n * sizeof *o->v);
	o->t = 0;
}

static double sign(double x)
{
	return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
}

void optim_step(Optim *o, double *params, double *grads)
{
	const OptimConfig *c = &o->cfg;
	double lr = c->lr, mu = c->momentum, b1 = c->beta1, b2 = c->beta2, eps = c->eps;
	double l2 = c->kind == OPTIM_ADAMW ? 0.0 : c->l2;
	size_t i, n = o->n;

	o->t++;
	if (l2 != 0.0 || c->l1 != 0.0)
		for (i = 0; i < n; i++) {
			if (l2 != 0.0)
				grads[i] = grads[i] + l2 * params[i];
			if (c->l1 != 0.0)
				grads[i] = grads[i] + c->l1 * sign(params[i]);
		}
	switch (c->kind) {
	case OPTIM_SGD: /* p + (-lr) g is p - lr g exactly */
		simd_axpy(o->level, params, -lr, grads, n);
		break;
	case OPTIM_MOMENTUM:
		for (i = 0; i < n; i++) {
			o->m[i] = mu * o->m[i] + grads[i];
			params[i] -= lr * o->m[i];
		}
		break;
	case OPTIM_NESTEROV:
		for (i = 0; i < n; i++) {
			o->m[i] = mu * o->m[i] + grads[i];
			params[i] -= lr * (grads[i] + mu * o->m[i]);
		}
		break;
	case OPTIM_ADAM:
	case OPTIM_ADAMW: {
		double bc1 = 1.0 - pow(b1, (double)o->t), bc2 = 1.0 - pow(b2, (double)o->t);
		double step = lr / bc1, bc2_sqrt = sqrt(bc2);
		if (c->kind == OPTIM_ADAMW && c->l2 != 0.0)
			for (i = 0; i < n; i++)
				params[i] *= 1.0 - lr * c->l2;
		for (i = 0; i < n; i++) {
			double g = grads[i];
			o->m[i] = o->m[i] * b1 + (1.0 - b1) * g;
			o->v[i] = o->v[i] * b2 + (1.0 - b2) * (g * g);
			params[i] -= step * (o->m[i] / (sqrt(o->v[i]) / bc2_sqrt + eps));
		}
		break;
	}
	case OPTIM_RMSPROP:
		for (i = 0; i < n; i++) {
			double g = grads[i];
			o->v[i] = o->v[i] * b2 + (1.0 - b2) * (g * g);
			params[i] -= lr * (g / (sqrt(o->v[i]) + eps));
		}
		break;
	case OPTIM_COUNT:
		break;
	}
}
