/* train.c: the training loop (batches, shuffling, dropout, divergence) and evaluation.
 * libc and libm only. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/dropout.h"
#include "nn/linalg.h"
#include "nn/train.h"

enum { EVAL_CHUNK = 1024 };

size_t train_steps_per_epoch(const Trainer *t)
{
	return (t->data->n + t->cfg.batch - 1) / t->cfg.batch;
}

/* Fills t->targets from the labels; returns NN_ERR_SHAPE and sets bad_row for a class
 * label that does not fit. */
static NnStatus make_targets(double *targets, size_t *bad_row, const Dataset *d, size_t n_out)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		double lab = d->label[i];
		if (n_out == 1) {
			targets[i] = lab;
			continue;
		}
		if (!(lab >= 0 && lab < (double)n_out && lab == floor(lab))) {
			*bad_row = i;
			return NN_ERR_SHAPE;
		}
		memset(targets + i * n_out, 0, n_out * sizeof *targets);
		targets[i * n_out + (size_t)lab] = 1.0;
	}
	return NN_OK;
}

void train_free(Trainer *t)
{
	mlp_work_free(&t->work);
	optim_free(&t->opt);
	free(t->grad);
	free(t->targets);
	free(t->xbuf);
	free(t->tbuf);
	free(t->order);
	memset(t, 0, sizeof *t);
}

NnStatus train_init(Trainer *t, Mlp *m, const Dataset *d, const TrainConfig *c,
                    const OptimConfig *oc)
{
	size_t n_out = mlp_n_out(m), cap, i;
	NnStatus st;

	memset(t, 0, sizeof *t);
	if (d->dim != mlp_n_in(m) || d->n == 0)
		return NN_ERR_SHAPE;
	if (!(c->dropout >= 0 && c->dropout < 1) || c->loss >= LOSS_COUNT)
		return NN_ERR_ARG;
	t->mlp = m;
	t->data = d;
	t->cfg = *c;
	if (t->cfg.batch == 0 || t->cfg.batch > d->n)
		t->cfg.batch = d->n;
	if (!(t->cfg.explode > 0))
		t->cfg.explode = 1e6;
	rng_seed(&t->rng, c->seed);
	cap = t->cfg.batch > EVAL_CHUNK ? t->cfg.batch : EVAL_CHUNK;
	if (cap > d->n)
		cap = d->n;
	st = mlp_work_init(&t->work, m, cap, c->level, c->dropout > 0);
	if (st == NN_OK)
		st = optim_init(&t->opt, oc, m->n_params);
	t->opt.level = c->level;
	if (st != NN_OK) {
		train_free(t);
		return st;
	}
	t->grad = mlp_alloc_params(m);
	t->targets = malloc(d->n * n_out * sizeof *t->targets);
	t->xbuf = malloc(t->cfg.batch * d->dim * sizeof *t->xbuf);
	t->tbuf = malloc(t->cfg.batch * n_out * sizeof *t->tbuf);
	t->order = malloc(d->n * sizeof *t->order);
	if (!t->grad || !t->targets || !t->xbuf || !t->tbuf || !t->order) {
		train_free(t);
		return NN_ERR_NOMEM;
	}
	st = make_targets(t->targets, &t->bad_row, d, n_out);
	if (st != NN_OK) {
		size_t bad = t->bad_row;
		train_free(t);
		t->bad_row = bad;
		return st;
	}
	for (i = 0; i < d->n; i++)
		t->order[i] = i;
	t->initial = train_loss(t, d);
	return NN_OK;
}

/* Whether t's step can be plain SGD folded into the backward pass (mlp_backward_sgd):
 * a fast kernel level and no regularization. */
static bool fused_sgd(const Trainer *t)
{
	const OptimConfig *c = &t->opt.cfg;

	return t->work.level != SIMD_PORTABLE && c->kind == OPTIM_SGD && c->l1 == 0.0 &&
	       c->l2 == 0.0;
}

void train_params_changed(Trainer *t)
{
	mlp_work_weights_changed(&t->work);
}

NnStatus train_step(Trainer *t)
{
	const Dataset *d = t->data;
	Mlp *m = t->mlp;
	MlpWork *w = &t->work;
	size_t L = m->n_layers, n_out = mlp_n_out(m), batch, i, l;
	const double *x, *tg;
	double *dz = w->d[L - 1], loss;
	int wild;

	if (t->pos >= d->n)
		t->pos = 0;
	if (t->pos == 0 && t->cfg.shuffle)
		rng_shuffle(t->order, d->n, &t->rng);
	batch = d->n - t->pos < t->cfg.batch ? d->n - t->pos : t->cfg.batch;
	if (t->cfg.shuffle) {
		for (i = 0; i < batch; i++) {
			size_t row = t->order[t->pos + i];
			memcpy(t->xbuf + i * d->dim, d->x + row * d->dim, d->dim * sizeof *d->x);
			memcpy(t->tbuf + i * n_out, t->targets + row * n_out,
			       n_out * sizeof *t->targets);
		}
		x = t->xbuf;
		tg = t->tbuf;
	} else {
		x = d->x + t->pos * d->dim;
		tg = t->targets + t->pos * n_out;
	}
	t->step++;
	if (w->mask) {
		for (l = 0; l + 1 < L; l++)
			dropout_mask(w->mask[l], batch * m->sizes[l + 1], t->cfg.dropout, &t->rng);
		w->masked = 1;
	}
	mlp_forward(w, m, x, batch);
	loss = loss_forward(t->cfg.loss, w->z[L - 1], w->y[L - 1], tg, batch, n_out);
	t->last_loss = loss;
	t->overflowed = false;
	if (!isfinite(loss) || loss > t->cfg.explode * fmax(t->initial, 1e-300)) {
		w->masked = 0;
		return NN_ERR_DIVERGED;
	}
	memset(dz, 0, batch * n_out * sizeof *dz);
	loss_backward(dz, t->cfg.loss, m->act[L - 1], w->z[L - 1], w->y[L - 1], tg, batch, n_out);
	/* A loss can stay finite while an update flings the weights out of range
	 * (saturated units pass no gradient back, so they never come back): a weight
	 * whose square overflows is divergence too. */
	if (fused_sgd(t)) {
		t->opt.t++;
		wild = mlp_backward_sgd(w, m, x, dz, batch, t->opt.cfg.lr);
	} else {
		memset(t->grad, 0, m->n_params * sizeof *t->grad);
		mlp_backward(t->grad, w, m, x, dz, batch);
		optim_step(&t->opt, m->params, t->grad);
		wild = !linalg_all_tame(m->params, m->n_params);
	}
	w->masked = 0;
	if (wild) {
		t->overflowed = true;
		return NN_ERR_DIVERGED;
	}
	t->pos += batch;
	t->examples += batch;
	return NN_OK;
}

double train_loss(Trainer *t, const Dataset *d)
{
	MlpWork *w = &t->work;
	const Mlp *m = t->mlp;
	size_t L = m->n_layers, n_out = mlp_n_out(m), i, chunk;
	double sum = 0.0;
	int single;

	if (d->n == 0)
		return NAN;
	single = d->n <= w->cap;
	for (i = 0; i < d->n; i += chunk) {
		const double *tg;
		double *tmp = NULL;
		chunk = d->n - i < w->cap ? d->n - i : w->cap;
		mlp_forward(w, m, d->x + i * d->dim, chunk);
		if (d == t->data) {
			tg = t->targets + i * n_out;
		} else {
			/* another set (a test split): its targets, made here */
			size_t bad;
			tmp = malloc(chunk * n_out * sizeof *tmp);
			if (!tmp)
				return NAN;
			if (make_targets(tmp, &bad,
			                 &(Dataset){chunk, d->dim, d->x + i * d->dim, d->label + i},
			                 n_out) != NN_OK) {
				free(tmp);
				return NAN;
			}
			tg = tmp;
		}
		if (single)
			sum = loss_forward(t->cfg.loss, w->z[L - 1], w->y[L - 1], tg, chunk, n_out);
		else
			sum +=
			    loss_forward(t->cfg.loss, w->z[L - 1], w->y[L - 1], tg, chunk, n_out) *
			    (double)chunk;
		free(tmp);
	}
	return single ? sum : sum / (double)d->n;
}

/* The predicted class of row r of the last forward, and the true class of label. */
static size_t predicted(const Trainer *t, size_t r)
{
	const Mlp *m = t->mlp;
	size_t L = m->n_layers, n_out = mlp_n_out(m), k, best = 0;
	const double *y = t->work.y[L - 1] + r * n_out;

	if (n_out == 1)
		return t->cfg.loss == LOSS_CE ? t->work.z[L - 1][r] > 0 : y[0] > 0.5;
	for (k = 1; k < n_out; k++)
		if (y[k] > y[best])
			best = k;
	return best;
}

static long true_class(const Trainer *t, double label)
{
	if (mlp_n_out(t->mlp) == 1)
		return label > 0.5;
	return label >= 0 && label == floor(label) ? (long)label : -1;
}

void train_predict(double *out, size_t *cls, Trainer *t, const Dataset *d)
{
	MlpWork *w = &t->work;
	size_t L = t->mlp->n_layers, n_out = mlp_n_out(t->mlp), i, r, chunk;

	for (i = 0; i < d->n; i += chunk) {
		chunk = d->n - i < w->cap ? d->n - i : w->cap;
		mlp_forward(w, t->mlp, d->x + i * d->dim, chunk);
		memcpy(out + i * n_out, w->y[L - 1], chunk * n_out * sizeof *out);
		for (r = 0; r < chunk; r++)
			cls[i + r] = predicted(t, r);
	}
}

void train_confusion(size_t *counts, size_t k, Trainer *t, const Dataset *d)
{
	MlpWork *w = &t->work;
	size_t i, r, chunk;

	memset(counts, 0, k * k * sizeof *counts);
	for (i = 0; i < d->n; i += chunk) {
		chunk = d->n - i < w->cap ? d->n - i : w->cap;
		mlp_forward(w, t->mlp, d->x + i * d->dim, chunk);
		for (r = 0; r < chunk; r++) {
			long c = true_class(t, d->label[i + r]);
			size_t p = predicted(t, r);
			if (c >= 0 && (size_t)c < k && p < k)
				counts[(size_t)c * k + p]++;
		}
	}
}

double train_accuracy(Trainer *t, const Dataset *d)
{
	MlpWork *w = &t->work;
	size_t i, r, chunk, right = 0;

	if (d->n == 0)
		return NAN;
	for (i = 0; i < d->n; i += chunk) {
		chunk = d->n - i < w->cap ? d->n - i : w->cap;
		mlp_forward(w, t->mlp, d->x + i * d->dim, chunk);
		for (r = 0; r < chunk; r++)
			right += (long)predicted(t, r) == true_class(t, d->label[i + r]);
	}
	return (double)right / (double)d->n;
}
