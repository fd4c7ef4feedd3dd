/* gradcheck.c: central differences on every parameter, compared with backpropagation.
 * libc and libm only. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/gradcheck.h"

double gradcheck_loss(MlpWork *w, const Mlp *m, const double *x, const double *t, size_t batch,
                      Loss l)
{
	size_t L = m->n_layers;

	mlp_forward(w, m, x, batch);
	return loss_forward(l, w->z[L - 1], w->y[L - 1], t, batch, mlp_n_out(m));
}

/* Folds one comparison into out. */
static void note(GradCheck *out, size_t i, double backprop, double num, double min_scale)
{
	double den = fmax(fmax(fabs(num), fabs(backprop)), min_scale);
	double rel = fabs(num - backprop) / den;

	if (rel > out->max_rel || i == 0) {
		out->max_rel = rel;
		out->worst = i;
		out->backprop = backprop;
		out->numeric = num;
	}
}

void gradcheck_array(GradCheck *out, double *p, const double *grad, size_t n, GradLossFn loss,
                     void *ctx, double h, double min_scale)
{
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < n; i++) {
		double keep = p[i], up, down;
		p[i] = keep + h;
		up = loss(ctx);
		p[i] = keep - h;
		down = loss(ctx);
		p[i] = keep;
		note(out, i, grad[i], (up - down) / (2 * h), min_scale);
		if (isnan(grad[i]) || isnan(up - down)) { /* a NaN must not pass unseen */
			out->max_rel = INFINITY;
			out->worst = i;
			out->backprop = grad[i];
			out->numeric = (up - down) / (2 * h);
			return;
		}
	}
}

void gradcheck_mlp(GradCheck *out, double *grad, Mlp *m, MlpWork *w, const double *x,
                   const double *t, size_t batch, Loss l, double h)
{
	size_t L = m->n_layers, n_out = mlp_n_out(m), i;
	Activation a = m->act[L - 1];

	memset(out, 0, sizeof *out);
	memset(grad, 0, m->n_params * sizeof *grad);
	mlp_forward(w, m, x, batch);
	memset(w->d[L - 1], 0, batch * n_out * sizeof *grad);
	loss_backward(w->d[L - 1], l, a, w->z[L - 1], w->y[L - 1], t, batch, n_out);
	mlp_backward(grad, w, m, x, w->d[L - 1], batch);
	for (i = 0; i < m->n_params; i++) {
		double keep = m->params[i], up, down;
		m->params[i] = keep + h;
		up = gradcheck_loss(w, m, x, t, batch, l);
		m->params[i] = keep - h;
		down = gradcheck_loss(w, m, x, t, batch, l);
		m->params[i] = keep;
		note(out, i, grad[i], (up - down) / (2 * h), 1e-6);
	}
}
