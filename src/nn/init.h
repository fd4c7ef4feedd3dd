/* init.h: weight initializers for an MLP, drawn from an explicit RNG.
 * libc and libm only. */
#ifndef NN_NN_INIT_H
#define NN_NN_INIT_H

#include "nn/mlp.h"
#include "nn/rng.h"

typedef enum {
	INIT_ZEROS,          /* every parameter 0 */
	INIT_CONSTANT,       /* every weight and bias = value */
	INIT_UNIFORM,        /* U(-a, a), a = value if > 0, else 1/sqrt(fan_in): the
	                      * torch.nn.Linear default bound; biases too */
	INIT_NORMAL,         /* N(0, sigma^2), sigma = value if > 0, else 1/sqrt(fan_in);
	                      * biases too */
	INIT_XAVIER_UNIFORM, /* W ~ U(-a, a), a = sqrt(6/(fan_in + fan_out)); b = 0 */
	INIT_XAVIER_NORMAL,  /* W ~ N(0, 2/(fan_in + fan_out)); b = 0 */
	INIT_HE_UNIFORM,     /* W ~ U(-a, a), a = sqrt(6/fan_in) (Kaiming, ReLU gain); b = 0 */
	INIT_HE_NORMAL,      /* W ~ N(0, 2/fan_in); b = 0 */
	INIT_COUNT
} InitScheme;

/* "zeros", "constant", "uniform", "normal", "xavier-uniform", "xavier-normal",
 * "he-uniform", "he-normal". */
const char *init_name(InitScheme s);

/* Looks name up; returns 0 and sets *s, or -1 for an unknown name. */
int init_from_name(InitScheme *s, const char *name);

/* The size of a layer's starting weights under scheme s: the bound a of a uniform start
 * (weights in [-a, a]), the sigma of a normal one, the constant, or 0 for zeros; value
 * as for init_params. Xavier uniform: sqrt(6/(fan_in + fan_out)); Xavier normal:
 * sqrt(2/(fan_in + fan_out)); He uniform: sqrt(6/fan_in); He normal: sqrt(2/fan_in);
 * uniform and normal: value, or 1/sqrt(fan_in) when value is 0. */
double init_spread(InitScheme s, double value, double fan_in, double fan_out);

/* w: (n_out, n_in); fills one layer's weights by scheme s (value as for init_params),
 * row-major, one draw per weight as init_params draws them. */
void init_weights(double *w, size_t n_out, size_t n_in, InitScheme s, double value, Rng *r);

/* Fills m->params by scheme s (value: the constant, or the bound/sigma, 0 for the
 * scheme's default), drawing in file order: for each layer W_l row-major, then b_l.
 * Uniform draws are -a + 2 a u with u = rng_uniform (one draw per parameter), so
 * INIT_UNIFORM with seed 2881 on 2-8-8-1 is bench/data/init_2881.txt bit for bit.
 * Schemes whose biases are 0 draw nothing for them. */
void init_params(Mlp *m, InitScheme s, double value, Rng *r);

#endif
