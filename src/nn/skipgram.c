/* skipgram.c: skip-gram losses and gradients, training, similarity, PCA.
 * libc and libm only; allocates only in skipgram_init. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/linalg.h"
#include "nn/skipgram.h"

void skipgram_defaults(SkipGramConfig *c)
{
	memset(c, 0, sizeof *c);
	c->dim = 10;
	c->window = 2;
	c->batch = 64;
	c->lr = 0.02;
	c->seed = 1;
}

NnStatus skipgram_init(SkipGram *s, const Corpus *c, const SkipGramConfig *cfg)
{
	size_t V = c->n_words, d = cfg->dim, B = cfg->batch, k = cfg->negatives, i;
	double *freq;
	OptimConfig oc;
	NnStatus st;

	memset(s, 0, sizeof *s);
	if (V == 0 || d == 0 || B == 0 || cfg->window == 0)
		return NN_ERR_ARG;
	s->n_pairs = corpus_pairs(NULL, 0, c, cfg->window);
	if (s->n_pairs == 0)
		return NN_ERR_ARG;
	s->cfg = *cfg;
	s->V = V;
	optim_defaults(&oc, OPTIM_ADAM);
	oc.lr = cfg->lr;
	st = optim_init(&s->opt, &oc, 2 * V * d);
	if (st != NN_OK)
		return st;
	s->params = calloc(4 * V * d + 2 * V + d * d + 3 * d, sizeof *s->params);
	s->pairs = calloc(2 * s->n_pairs + 2 * B + B * (k ? k : 1), sizeof *s->pairs);
	if (!s->params || !s->pairs) {
		skipgram_free(s);
		return NN_ERR_NOMEM;
	}
	s->grad = s->params + 2 * V * d;
	s->cum = s->grad + 2 * V * d;
	s->score = s->cum + V;
	s->work = s->score + V;
	s->bpairs = s->pairs + 2 * s->n_pairs;
	s->neg = s->bpairs + 2 * B;
	corpus_pairs(s->pairs, s->n_pairs, c, cfg->window);
	/* the noise distribution: unigram^(3/4), cumulated (score is free scratch here) */
	freq = s->score;
	corpus_unigram(freq, c);
	for (i = 0; i < V; i++)
		s->cum[i] = pow(freq[i], 0.75) + (i ? s->cum[i - 1] : 0.0);
	for (i = 0; i < V; i++)
		s->cum[i] /= s->cum[V - 1];
	rng_seed(&s->rng, cfg->seed);
	for (i = 0; i < V * d; i++)
		s->params[i] = rng_range(&s->rng, -0.5 / (double)d, 0.5 / (double)d);
	return NN_OK;
}

void skipgram_free(SkipGram *s)
{
	optim_free(&s->opt);
	free(s->params);
	free(s->pairs);
	memset(s, 0, sizeof *s);
}

static double sigmoid(double x)
{
	return 1.0 / (1.0 + exp(-x));
}

/* log(1 + e^-x) = -log sigmoid(x), without overflow */
static double neg_log_sigmoid(double x)
{
	return fmax(-x, 0.0) + log1p(exp(-fabs(x)));
}

/* s->score = U v_c (V); returns the log-sum-exp of the scores. */
static double scores(SkipGram *s, size_t c)
{
	size_t V = s->V, d = s->cfg.dim, w;
	const double *v = s->params + c * d, *U = s->params + V * d;
	double m, sum = 0.0;

	for (w = 0; w < V; w++)
		s->score[w] = linalg_dot(U + w * d, v, d);
	m = s->score[0];
	for (w = 1; w < V; w++)
		m = fmax(m, s->score[w]);
	for (w = 0; w < V; w++)
		sum += exp(s->score[w] - m);
	return m + log(sum);
}

double skipgram_loss(SkipGram *s, const size_t *pairs, size_t n, const size_t *neg)
{
	size_t V = s->V, d = s->cfg.dim, k = s->cfg.negatives, i, j;
	const double *U = s->params + V * d;
	double L = 0.0;

	for (i = 0; i < n; i++) {
		size_t c = pairs[2 * i], o = pairs[2 * i + 1];
		const double *v = s->params + c * d;
		if (k == 0) {
			double lse = scores(s, c);
			L += lse - s->score[o];
			continue;
		}
		L += neg_log_sigmoid(linalg_dot(U + o * d, v, d));
		for (j = 0; j < k; j++)
			L += neg_log_sigmoid(-linalg_dot(U + neg[i * k + j] * d, v, d));
	}
	return L / (double)n;
}

void skipgram_backward(double *grad, SkipGram *s, const size_t *pairs, size_t n,
                       const size_t *neg)
{
	size_t V = s->V, d = s->cfg.dim, k = s->cfg.negatives, i, j, w;
	const double *U = s->params + V * d;
	double *gU = grad + V * d, inv_n = 1.0 / (double)n;

	for (i = 0; i < n; i++) {
		size_t c = pairs[2 * i], o = pairs[2 * i + 1];
		const double *v = s->params + c * d;
		double *gv = grad + c * d;
		if (k == 0) {
			double lse = scores(s, c);
			for (w = 0; w < V; w++) {
				double g = (exp(s->score[w] - lse) - (w == o)) * inv_n;
				linalg_axpy(gU + w * d, g, v, d);
				linalg_axpy(gv, g, U + w * d, d);
			}
			continue;
		}
		{
			double g = (sigmoid(linalg_dot(U + o * d, v, d)) - 1.0) * inv_n;
			linalg_axpy(gU + o * d, g, v, d);
			linalg_axpy(gv, g, U + o * d, d);
		}
		for (j = 0; j < k; j++) {
			size_t m = neg[i * k + j];
			double g = sigmoid(linalg_dot(U + m * d, v, d)) * inv_n;
			linalg_axpy(gU + m * d, g, v, d);
			linalg_axpy(gv, g, U + m * d, d);
		}
	}
}

void skipgram_draw_negatives(size_t *neg, SkipGram *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		double u = rng_uniform(&s->rng);
		size_t lo = 0, hi = s->V - 1;
		while (lo < hi) { /* the first w with cum[w] > u */
			size_t mid = lo + (hi - lo) / 2;
			if (s->cum[mid] > u)
				hi = mid;
			else
				lo = mid + 1;
		}
		neg[i] = lo;
	}
}

double skipgram_step(SkipGram *s)
{
	size_t B = s->cfg.batch, k = s->cfg.negatives, i;
	const size_t *neg = k ? s->neg : NULL;
	double L;

	for (i = 0; i < B; i++) {
		size_t p = (size_t)rng_below(&s->rng, s->n_pairs);
		s->bpairs[2 * i] = s->pairs[2 * p];
		s->bpairs[2 * i + 1] = s->pairs[2 * p + 1];
	}
	if (k)
		skipgram_draw_negatives(s->neg, s, B * k);
	L = skipgram_loss(s, s->bpairs, B, neg);
	memset(s->grad, 0, 2 * s->V * s->cfg.dim * sizeof *s->grad);
	skipgram_backward(s->grad, s, s->bpairs, B, neg);
	optim_step(&s->opt, s->params, s->grad);
	s->steps++;
	return L;
}

const double *skipgram_vector(const SkipGram *s, size_t w)
{
	return s->params + w * s->cfg.dim;
}

double skipgram_cosine(const SkipGram *s, size_t a, size_t b)
{
	size_t d = s->cfg.dim;
	const double *x = skipgram_vector(s, a), *y = skipgram_vector(s, b);
	double nx = sqrt(linalg_dot(x, x, d)), ny = sqrt(linalg_dot(y, y, d));

	return nx > 0 && ny > 0 ? linalg_dot(x, y, d) / (nx * ny) : 0.0;
}

void skipgram_nearest(size_t *ids, double *sims, const SkipGram *s, size_t w, size_t k)
{
	size_t j, i, a;

	for (j = 0; j < k; j++) {
		size_t best = s->V;
		double bs = 0.0;
		for (i = 0; i < s->V; i++) {
			int taken = i == w;
			double c;
			for (a = 0; a < j; a++)
				taken |= ids[a] == i;
			if (taken)
				continue;
			c = skipgram_cosine(s, w, i);
			if (best == s->V || c > bs)
				best = i, bs = c;
		}
		ids[j] = best;
		if (sims)
			sims[j] = bs;
	}
}

void skipgram_group_cosines(double *mean, const SkipGram *s, const int *group, size_t G)
{
	size_t a, b, i, j, n;

	for (a = 0; a < G; a++)
		for (b = 0; b < G; b++) {
			double sum = 0.0;
			for (n = 0, i = 0; i < s->V; i++)
				for (j = 0; j < s->V; j++)
					if (i != j && group[i] == (int)a && group[j] == (int)b)
						sum += skipgram_cosine(s, i, j), n++;
			mean[a * G + b] = n ? sum / (double)n : 0.0;
		}
}

int skipgram_grouped(const double *mean, size_t G)
{
	size_t a, b;

	for (a = 0; a < G; a++)
		for (b = 0; b < G; b++)
			if (b != a && mean[a * G + a] <= mean[a * G + b])
				return 0;
	return 1;
}

/* q: (d) <- the leading eigenvector of C: (d, d) by power iteration from q; returns its
 * eigenvalue. tmp: (d). */
static double power_iterate(double *q, double *tmp, const double *C, size_t d)
{
	size_t it, i;
	double lambda = 0.0;

	for (it = 0; it < 1000; it++) {
		double norm, diff = 0.0;
		memset(tmp, 0, d * sizeof *tmp);
		linalg_gemv(tmp, C, q, d, d);
		norm = sqrt(linalg_dot(tmp, tmp, d));
		if (norm == 0.0)
			break;
		for (i = 0; i < d; i++) {
			diff += fabs(tmp[i] / norm - q[i]);
			q[i] = tmp[i] / norm;
		}
		lambda = norm;
		if (diff < 1e-14)
			break;
	}
	return lambda;
}

void skipgram_pca(double *xy, double *axes, const double *x, size_t n, size_t dim,
                  double *work, Rng *r)
{
	double *C = work, *mean = C + dim * dim, *q = mean + dim, *tmp = q + dim;
	size_t i, j, a, big;

	memset(work, 0, (dim * dim + dim) * sizeof *work);
	for (i = 0; i < n; i++)
		linalg_axpy(mean, 1.0 / (double)n, x + i * dim, dim);
	for (i = 0; i < n; i++) {
		for (j = 0; j < dim; j++)
			tmp[j] = x[i * dim + j] - mean[j];
		linalg_ger(C, tmp, tmp, dim, dim);
	}
	for (j = 0; j < dim * dim; j++)
		C[j] /= (double)n;
	for (a = 0; a < 2; a++) {
		double lambda;
		for (j = 0; j < dim; j++)
			q[j] = rng_normal(r, 0.0, 1.0);
		lambda = power_iterate(q, tmp, C, dim);
		for (big = 0, j = 1; j < dim; j++)
			if (fabs(q[j]) > fabs(q[big]))
				big = j;
		if (q[big] < 0)
			for (j = 0; j < dim; j++)
				q[j] = -q[j];
		for (i = 0; i < dim; i++) /* deflate: C -= lambda q q^T */
			for (j = 0; j < dim; j++)
				C[i * dim + j] -= lambda * q[i] * q[j];
		if (axes)
			memcpy(axes + a * dim, q, dim * sizeof *q);
		for (i = 0; i < n; i++) {
			double p = 0.0;
			for (j = 0; j < dim; j++)
				p += (x[i * dim + j] - mean[j]) * q[j];
			xy[2 * i + a] = p;
		}
	}
}

void skipgram_project(double *xy, SkipGram *s)
{
	skipgram_pca(xy, NULL, s->params, s->V, s->cfg.dim, s->work, &s->rng);
}
