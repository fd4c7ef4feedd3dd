/* graph-net.c: node classification by two message-passing layers.
 * libc and libm only; allocates only in graph_net_init. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "nn/graph-net.h"
#include "nn/linalg.h"
#include "nn/loss.h"

NnStatus graph_net_init(GraphNet *n, const Graph *g, const size_t *known, size_t n_known,
                        size_t hidden, GraphAgg agg, double lr, uint64_t seed)
{
	size_t N = g->n_nodes, C = 0, v, i;
	OptimConfig oc;
	NnStatus st;
	Rng r;

	memset(n, 0, sizeof *n);
	if (n_known == 0 || hidden == 0)
		return NN_ERR_ARG;
	for (i = 0; i < n_known; i++)
		if (known[i] >= N)
			return NN_ERR_ARG;
	for (v = 0; v < N; v++)
		if (g->label[v] < 0)
			return NN_ERR_ARG;
		else if ((size_t)g->label[v] + 1 > C)
			C = (size_t)g->label[v] + 1;
	C = C < 2 ? 2 : C;
	n->g = g, n->classes = C, n->hidden = hidden, n->n_known = n_known;
	rng_seed(&r, seed);
	optim_defaults(&oc, OPTIM_ADAM);
	oc.lr = lr;
	st = graph_layer_init(&n->l1, N, hidden, agg, ACT_TANH, &r);
	if (st == NN_OK)
		st = graph_layer_init(&n->l2, hidden, C, agg, ACT_LINEAR, &r);
	if (st == NN_OK)
		st = graph_layer_work_init(&n->w1, &n->l1, N);
	if (st == NN_OK)
		st = graph_layer_work_init(&n->w2, &n->l2, N);
	if (st == NN_OK)
		st = optim_init(&n->o1, &oc, n->l1.n_params);
	if (st == NN_OK)
		st = optim_init(&n->o2, &oc, n->l2.n_params);
	if (st == NN_OK) {
		n->g1 = calloc(n->l1.n_params + n->l2.n_params + N * N + N * C + N * hidden +
				       3 * n_known * C,
			       sizeof *n->g1);
		n->known = malloc(n_known * sizeof *n->known);
		if (!n->g1 || !n->known)
			st = NN_ERR_NOMEM;
	}
	if (st != NN_OK) {
		graph_net_free(n);
		return st;
	}
	n->g2 = n->g1 + n->l1.n_params;
	n->feat = n->g2 + n->l2.n_params;
	n->dy = n->feat + N * N;
	n->dh = n->dy + N * C;
	n->z = n->dh + N * hidden;
	n->t = n->z + n_known * C;
	n->dz = n->t + n_known * C;
	memcpy(n->known, known, n_known * sizeof *known);
	for (v = 0; v < N; v++)
		n->feat[v * N + v] = 1.0;
	for (i = 0; i < n_known; i++)
		n->t[i * C + (size_t)g->label[known[i]]] = 1.0;
	return NN_OK;
}

void graph_net_free(GraphNet *n)
{
	graph_layer_free(&n->l1);
	graph_layer_free(&n->l2);
	graph_layer_work_free(&n->w1);
	graph_layer_work_free(&n->w2);
	optim_free(&n->o1);
	optim_free(&n->o2);
	free(n->g1);
	free(n->known);
	memset(n, 0, sizeof *n);
}

double graph_net_forward(GraphNet *n)
{
	size_t C = n->classes, i;

	graph_layer_forward(&n->w1, &n->l1, n->g, n->feat);
	graph_layer_forward(&n->w2, &n->l2, n->g, n->w1.y);
	for (i = 0; i < n->n_known; i++)
		memcpy(n->z + i * C, n->w2.z + n->known[i] * C, C * sizeof *n->z);
	return loss_forward(LOSS_CE, n->z, n->z, n->t, n->n_known, C);
}

double graph_net_step(GraphNet *n)
{
	size_t N = n->g->n_nodes, C = n->classes, i;
	double loss = graph_net_forward(n);

	memset(n->dz, 0, n->n_known * C * sizeof *n->dz);
	loss_backward(n->dz, LOSS_CE, ACT_LINEAR, n->z, n->z, n->t, n->n_known, C);
	memset(n->dy, 0, N * C * sizeof *n->dy);
	for (i = 0; i < n->n_known; i++) /* a node labelled twice counts twice */
		linalg_axpy(n->dy + n->known[i] * C, 1.0, n->dz + i * C, C);
	memset(n->g1, 0, n->l1.n_params * sizeof *n->g1);
	memset(n->g2, 0, n->l2.n_params * sizeof *n->g2);
	memset(n->dh, 0, N * n->hidden * sizeof *n->dh);
	graph_layer_backward(n->g2, n->dh, &n->w2, &n->l2, n->g, n->w1.y, n->dy);
	graph_layer_backward(n->g1, NULL, &n->w1, &n->l1, n->g, n->feat, n->dh);
	optim_step(&n->o1, n->l1.params, n->g1);
	optim_step(&n->o2, n->l2.params, n->g2);
	n->steps++;
	return loss;
}

size_t graph_net_predict(size_t *pred, GraphNet *n)
{
	size_t N = n->g->n_nodes, C = n->classes, v, c, right = 0;

	for (v = 0; v < N; v++) {
		const double *y = n->w2.y + v * C;
		size_t best = 0;
		for (c = 1; c < C; c++)
			if (y[c] > y[best])
				best = c;
		pred[v] = best;
		right += best == (size_t)n->g->label[v];
	}
	return right;
}
