/* gradcheck.c: central differences on every parameter, compared with mlp_backward.
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
		double keep = m->params[i], up, down, num, rel, den;
		m->params[i] = keep + h;
		up = gradcheck_loss(w, m, x, t, batch, l);
		m->params[i] = keep - h;
		down = gradcheck_loss(w, m, x, t, batch, l);
		m->params[i] = keep;
		num = (up - down) / (2 * h);
		den = fmax(fmax(fabs(num), fabs(grad[i])), 1e-6);
		rel = fabs(num - grad[i]) / den;
		if (rel > out->max_rel || i == 0) {
			out->max_rel = rel;
			out->worst = i;
			out->backprop = grad[i];
			out->numeric = num;
		}
	}
}
