/* init.c: zeros, constant, uniform, normal, Xavier/Glorot and He/Kaiming initializers.
 * libc and libm only. */
#include <config.h>

#include <math.h>

#include "nn/names.h"
#include "nn/init.h"

static const char *const init_names[INIT_COUNT] = {
    "zeros",          "constant",      "uniform",    "normal",
    "xavier-uniform", "xavier-normal", "he-uniform", "he-normal",
};

const char *init_name(InitScheme s)
{
	return s < INIT_COUNT ? init_names[s] : "?";
}

int init_from_name(InitScheme *s, const char *name)
{
	int i = names_find(init_names, INIT_COUNT, name);

	if (i < 0)
		return -1;
	*s = (InitScheme)i;
	return 0;
}

double init_spread(InitScheme s, double value, double fan_in, double fan_out)
{
	switch (s) {
	case INIT_CONSTANT:
		return value;
	case INIT_UNIFORM:
	case INIT_NORMAL:
		return value > 0 ? value : 1.0 / sqrt(fan_in);
	case INIT_XAVIER_UNIFORM:
		return sqrt(6.0 / (fan_in + fan_out));
	case INIT_XAVIER_NORMAL:
		return sqrt(2.0 / (fan_in + fan_out));
	case INIT_HE_UNIFORM:
		return sqrt(6.0 / fan_in);
	case INIT_HE_NORMAL:
		return sqrt(2.0 / fan_in);
	default:
		return 0.0;
	}
}

/* One parameter of a layer with the given fans; bias says whether it is a bias (0 for
 * Xavier and He). */
static double draw(InitScheme s, double value, double fan_in, double fan_out, int bias, Rng *r)
{
	double a = init_spread(s, value, fan_in, fan_out);

	switch (s) {
	case INIT_CONSTANT:
		return a;
	case INIT_UNIFORM:
		return -a + 2 * a * rng_uniform(r);
	case INIT_NORMAL:
		return rng_normal(r, 0.0, a);
	case INIT_XAVIER_UNIFORM:
	case INIT_HE_UNIFORM:
		return bias ? 0.0 : -a + 2 * a * rng_uniform(r);
	case INIT_XAVIER_NORMAL:
	case INIT_HE_NORMAL:
		return bias ? 0.0 : rng_normal(r, 0.0, a);
	default:
		return 0.0;
	}
}

void init_weights(double *w, size_t n_out, size_t n_in, InitScheme s, double value, Rng *r)
{
	size_t i;

	for (i = 0; i < n_out * n_in; i++)
		w[i] = draw(s, value, (double)n_in, (double)n_out, 0, r);
}

void init_params(Mlp *m, InitScheme s, double value, Rng *r)
{
	size_t l, i;

	for (l = 0; l < m->n_layers; l++) {
		size_t n_in = m->sizes[l], n_out = m->sizes[l + 1];
		double *p = m->params + m->w_off[l];
		init_weights(p, n_out, n_in, s, value, r);
		for (i = n_out * n_in; i < n_out * n_in + n_out; i++)
			p[i] = draw(s, value, (double)n_in, (double)n_out, 1, r);
	}
}
