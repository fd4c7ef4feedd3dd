/* gan.c: the GAN's two losses, their gradients, the alternating step, the shown set.
 * libc and libm only; allocates only in gan_init. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/gan.h"

void gan_defaults(GanConfig *c, ToyDistKind target)
{
	memset(c, 0, sizeof *c);
	c->target = target;
	c->noise_dim = 2;
	c->hidden = 32;
	c->act = ACT_LEAKY_RELU;
	c->batch = 64;
	c->n_show = 512;
	c->bins = toydist_dim(target) == 1 ? 24 : 12;
	c->lr_g = 0.001;
	c->lr_d = 0.002;
	c->beta1 = 0.5;
	c->seed = 1;
}

/* softplus(x) = ln(1 + e^x), without overflow */
static double softplus(double x)
{
	return fmax(x, 0.0) + log1p(exp(-fabs(x)));
}

static double sigmoid(double x)
{
	return 1.0 / (1.0 + exp(-x));
}

/* G or D: two hidden layers, Adam with the GAN's beta1 */
static NnStatus make_net(MlpUnit *u, const GanConfig *c, size_t in, size_t out, size_t cap,
                         double lr, Rng *r)
{
	NnStatus st = mlp_unit_init_adam(u, in, c->hidden, 2, out, c->act, cap, lr, r);

	u->opt.cfg.beta1 = c->beta1;
	return st;
}

static void fill_normal(double *x, size_t n, Rng *r)
{
	size_t i;

	for (i = 0; i < n; i++)
		x[i] = rng_normal(r, 0.0, 1.0);
}

NnStatus gan_init(Gan *g, const GanConfig *c)
{
	size_t B = c->batch, nz = c->noise_dim, dim, ns = c->n_show;
	NnStatus st;

	memset(g, 0, sizeof *g);
	if (c->target >= TOYDIST_COUNT || c->act >= ACT_COUNT || B == 0 || nz == 0 || c->hidden == 0 || ns == 0)
		return NN_ERR_ARG;
	g->cfg = *c;
	g->dim = dim = toydist_dim(c->target);
	rng_seed(&g->rng, c->seed);
	st = make_net(&g->g, c, nz, dim, B, c->lr_g, &g->rng);
	if (st == NN_OK)
		st = make_net(&g->d, c, dim, 1, 2 * B, c->lr_d, &g->rng);
	if (st == NN_OK)
		st = toydist_grid_init(&g->grid, dim, c->bins, -TOYDIST_BOX, TOYDIST_BOX);
	if (st != NN_OK) {
		gan_free(g);
		return st;
	}
	g->z = calloc(B * nz + 2 * B * dim + 2 * B + B * dim + g->d.net.n_params +
			      ns * (2 * dim + nz),
		      sizeof *g->z);
	if (!g->z) {
		gan_free(g);
		return NN_ERR_NOMEM;
	}
	g->xd = g->z + B * nz;
	g->dl = g->xd + 2 * B * dim;
	g->dx = g->dl + 2 * B;
	g->dscr = g->dx + B * dim;
	g->real = g->dscr + g->d.net.n_params;
	g->zshow = g->real + ns * dim;
	g->fake = g->zshow + ns * nz;
	toydist_sample(g->real, c->target, ns, &g->rng);
	fill_normal(g->zshow, ns * nz, &g->rng);
	return NN_OK;
}

void gan_free(Gan *g)
{
	mlp_unit_free(&g->g);
	mlp_unit_free(&g->d);
	toydist_grid_free(&g->grid);
	free(g->z);
	memset(g, 0, sizeof *g);
}

double gan_loss_d(Gan *g, const double *real, const double *z, size_t n)
{
	size_t dim = g->dim, i;
	const double *l;
	double lr = 0.0, lf = 0.0;

	mlp_unit_forward(&g->g, z, n);
	memcpy(g->xd, real, n * dim * sizeof *g->xd);
	memcpy(g->xd + n * dim, mlp_unit_out(&g->g), n * dim * sizeof *g->xd);
	mlp_unit_forward(&g->d, g->xd, 2 * n);
	l = mlp_unit_out(&g->d);
	for (i = 0; i < n; i++) {
		lr += softplus(-l[i]);
		lf += softplus(l[n + i]);
	}
	return (lr + lf) / (double)n;
}

void gan_backward_d(double *grad, Gan *g, const double *real, const double *z, size_t n)
{
	const double *l = mlp_unit_out(&g->d);
	size_t i;

	(void)real, (void)z; /* their activations are in the workspaces */
	for (i = 0; i < n; i++) {
		g->dl[i] = (sigmoid(l[i]) - 1.0) / (double)n;
		g->dl[n + i] = sigmoid(l[n + i]) / (double)n;
	}
	mlp_backward(grad, &g->d.work, &g->d.net, g->xd, g->dl, 2 * n);
}

double gan_loss_g(Gan *g, const double *z, size_t n)
{
	const double *l;
	double s = 0.0;
	size_t i;

	mlp_unit_forward(&g->g, z, n);
	mlp_unit_forward(&g->d, mlp_unit_out(&g->g), n);
	l = mlp_unit_out(&g->d);
	for (i = 0; i < n; i++)
		s += softplus(-l[i]);
	return s / (double)n;
}

void gan_backward_g(double *grad, Gan *g, const double *z, size_t n)
{
	const double *l = mlp_unit_out(&g->d), *x = mlp_unit_out(&g->g);
	size_t i;

	for (i = 0; i < n; i++)
		g->dl[i] = (sigmoid(l[i]) - 1.0) / (double)n;
	/* D's own gradient is not wanted: it goes to scratch; its deltas give dL/dx */
	mlp_backward(g->dscr, &g->d.work, &g->d.net, x, g->dl, n);
	memset(g->dx, 0, n * g->dim * sizeof *g->dx);
	mlp_backward_input(g->dx, &g->d.work, &g->d.net, g->dl, n);
	/* G's output layer is linear, so dL/dz_out = dL/dx */
	mlp_backward(grad, &g->g.work, &g->g.net, z, g->dx, n);
}

void gan_step(Gan *g, GanStats *s)
{
	size_t B = g->cfg.batch, nz = g->cfg.noise_dim, i;
	double *real = g->dx; /* dx is free until the G step: it holds the step's reals */
	double ld, lg, dr = 0.0, df = 0.0;
	const double *l;

	toydist_sample(real, g->cfg.target, B, &g->rng);
	fill_normal(g->z, B * nz, &g->rng);
	ld = gan_loss_d(g, real, g->z, B);
	l = mlp_unit_out(&g->d);
	for (i = 0; i < B; i++) {
		dr += sigmoid(l[i]);
		df += sigmoid(l[B + i]);
	}
	mlp_unit_zero_grad(&g->d);
	gan_backward_d(g->d.grad, g, real, g->z, B);
	mlp_unit_step(&g->d);

	fill_normal(g->z, B * nz, &g->rng);
	lg = gan_loss_g(g, g->z, B);
	mlp_unit_zero_grad(&g->g);
	gan_backward_g(g->g.grad, g, g->z, B);
	mlp_unit_step(&g->g);
	g->steps++;
	if (s) {
		s->d_loss = ld;
		s->value = -ld;
		s->g_loss = lg;
		s->d_real = dr / (double)B;
		s->d_fake = df / (double)B;
	}
}

void gan_show(Gan *g)
{
	size_t ns = g->cfg.n_show, cap = g->cfg.batch, nz = g->cfg.noise_dim, i, k;

	for (i = 0; i < ns; i += k) {
		k = ns - i < cap ? ns - i : cap;
		mlp_unit_forward(&g->g, g->zshow + i * nz, k);
		memcpy(g->fake + i * g->dim, mlp_unit_out(&g->g), k * g->dim * sizeof *g->fake);
	}
}

double gan_distance(Gan *g)
{
	gan_show(g);
	return toydist_tv(&g->grid, g->real, g->cfg.n_show, g->fake, g->cfg.n_show);
}

void gan_discriminate(double *out, Gan *g, const double *x, size_t n)
{
	size_t cap = 2 * g->cfg.batch, i, k, j;

	for (i = 0; i < n; i += k) {
		const double *l;
		k = n - i < cap ? n - i : cap;
		mlp_unit_forward(&g->d, x + i * g->dim, k);
		l = mlp_unit_out(&g->d);
		for (j = 0; j < k; j++)
			out[i + j] = sigmoid(l[j]);
	}
}
