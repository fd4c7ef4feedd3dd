/* graph.c: adjacency lists, the named graphs, aggregation and the learnable layer.
 * libc and libm only; allocates only in the init and make functions. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nn/graph.h"
#include "nn/linalg.h"
#include "nn/names.h"

#define PI 3.14159265358979323846

static const char *const graph_names[GRAPH_COUNT] = {"path", "ring", "star", "social"};
static const char *const agg_names[GRAPH_AGG_COUNT] = {"sum", "mean", "max"};

const char *graph_name(GraphKind k)
{
	return k < GRAPH_COUNT ? graph_names[k] : "?";
}

int graph_from_name(GraphKind *k, const char *name)
{
	int i = names_find(graph_names, GRAPH_COUNT, name);

	if (i < 0)
		return -1;
	*k = (GraphKind)i;
	return 0;
}

const char *graph_agg_name(GraphAgg a)
{
	return a < GRAPH_AGG_COUNT ? agg_names[a] : "?";
}

int graph_agg_from_name(GraphAgg *a, const char *name)
{
	int i = names_find(agg_names, GRAPH_AGG_COUNT, name);

	if (i < 0)
		return -1;
	*a = (GraphAgg)i;
	return 0;
}

NnStatus graph_from_edges(Graph *g, size_t n, const size_t *edges, size_t n_edges)
{
	size_t e, v, *fill;

	memset(g, 0, sizeof *g);
	if (n == 0 || n_edges > SIZE_MAX / 4)
		return NN_ERR_ARG;
	for (e = 0; e < n_edges; e++)
		if (edges[2 * e] >= n || edges[2 * e + 1] >= n || edges[2 * e] == edges[2 * e + 1])
			return NN_ERR_ARG;
	g->start = calloc(2 * (n + 1) + 2 * n_edges, sizeof *g->start);
	g->xy = calloc(2 * n, sizeof *g->xy);
	g->label = calloc(n, sizeof *g->label);
	if (!g->start || !g->xy || !g->label) {
		graph_free(g);
		return NN_ERR_NOMEM;
	}
	g->adj = g->start + n + 1;
	fill = g->adj + 2 * n_edges;
	g->n_nodes = n;
	g->n_edges = n_edges;
	for (e = 0; e < 2 * n_edges; e++)
		g->start[edges[e] + 1]++;
	for (v = 0; v < n; v++)
		g->start[v + 1] += g->start[v];
	memcpy(fill, g->start, n * sizeof *fill);
	/* insertion keeps each list sorted, and finds repeated edges */
	for (e = 0; e < 2 * n_edges; e++) {
		size_t a = edges[e], b = edges[e ^ 1], at = fill[a]++;
		while (at > g->start[a] && g->adj[at - 1] > b) {
			g->adj[at] = g->adj[at - 1];
			at--;
		}
		if (at > g->start[a] && g->adj[at - 1] == b) {
			graph_free(g);
			return NN_ERR_ARG;
		}
		g->adj[at] = b;
	}
	for (v = 0; v < n; v++) {
		g->xy[2 * v] = n > 1 ? cos(2 * PI * (double)v / (double)n) : 0.0;
		g->xy[2 * v + 1] = n > 1 ? sin(2 * PI * (double)v / (double)n) : 0.0;
	}
	return NN_OK;
}

static const size_t social_edges[][2] = {
    {0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 4}, {3, 4}, {3, 5}, {4, 5},
    {6, 7}, {6, 8}, {6, 9}, {7, 8}, {7, 9}, {8, 10}, {9, 10}, {9, 11}, {10, 11},
    {4, 6},
};

NnStatus graph_make(Graph *g, GraphKind k, size_t n)
{
	size_t e[2 * 64], m = 0, i;
	NnStatus st;

	memset(g, 0, sizeof *g);
	if (k >= GRAPH_COUNT || (k != GRAPH_SOCIAL && (n < 2 || n > 64 || (k == GRAPH_RING && n < 3))))
		return NN_ERR_ARG;
	if (k == GRAPH_SOCIAL) {
		n = 12;
		m = sizeof social_edges / sizeof *social_edges;
		memcpy(e, social_edges, sizeof social_edges);
	} else {
		for (i = 0; i + 1 < n; i++, m++) {
			e[2 * m] = k == GRAPH_STAR ? 0 : i;
			e[2 * m + 1] = i + 1;
		}
		if (k == GRAPH_RING) {
			e[2 * m] = n - 1, e[2 * m + 1] = 0;
			m++;
		}
	}
	st = graph_from_edges(g, n, e, m);
	if (st != NN_OK)
		return st;
	for (i = 0; i < n; i++) {
		double *p = g->xy + 2 * i;
		switch (k) {
		case GRAPH_PATH:
			p[0] = -1.0 + 2.0 * (double)i / (double)(n - 1);
			p[1] = 0.0;
			break;
		case GRAPH_STAR:
			if (i == 0) {
				p[0] = p[1] = 0.0;
			} else {
				p[0] = cos(2 * PI * (double)(i - 1) / (double)(n - 1));
				p[1] = sin(2 * PI * (double)(i - 1) / (double)(n - 1));
			}
			break;
		case GRAPH_SOCIAL: {
			/* each group on a circle of radius 0.4, the bridge ends facing */
			size_t grp = i / 6, j = i % 6;
			double a = 2 * PI * (double)j / 6.0 + (grp ? PI : 0.0);
			p[0] = (grp ? 0.55 : -0.55) + 0.4 * cos(a);
			p[1] = 0.4 * sin(a);
			g->label[i] = (int)grp;
			break;
		}
		case GRAPH_RING:
		case GRAPH_COUNT:
			break; /* graph_from_edges's circle */
		}
	}
	return NN_OK;
}

void graph_free(Graph *g)
{
	free(g->start);
	free(g->xy);
	free(g->label);
	memset(g, 0, sizeof *g);
}

size_t graph_degree(const Graph *g, size_t v)
{
	return g->start[v + 1] - g->start[v];
}

void graph_aggregate(double *m, size_t *arg, const Graph *g, const double *h, size_t dim,
                     GraphAgg a, int self)
{
	size_t v, i, j;

	for (v = 0; v < g->n_nodes; v++) {
		double *out = m + v * dim;
		size_t lo = g->start[v], hi = g->start[v + 1], cnt = hi - lo + (self != 0);
		for (j = 0; j < dim; j++) {
			double acc = 0.0;
			size_t from = SIZE_MAX;
			if (self) {
				acc = h[v * dim + j];
				from = v;
			}
			for (i = lo; i < hi; i++) {
				double x = h[g->adj[i] * dim + j];
				if (a != GRAPH_MAX)
					acc += x;
				else if (from == SIZE_MAX || x > acc)
					acc = x, from = g->adj[i];
			}
			if (a == GRAPH_MEAN && cnt > 0)
				acc /= (double)cnt;
			out[j] = acc;
			if (arg)
				arg[v * dim + j] = from;
		}
	}
}

void graph_aggregate_backward(double *dh, const Graph *g, const double *dm, const size_t *arg,
                              size_t dim, GraphAgg a, int self)
{
	size_t v, i, j;

	for (v = 0; v < g->n_nodes; v++) {
		size_t lo = g->start[v], hi = g->start[v + 1], cnt = hi - lo + (self != 0);
		const double *d = dm + v * dim;
		if (a == GRAPH_MAX) {
			for (j = 0; j < dim; j++)
				if (arg[v * dim + j] != SIZE_MAX)
					dh[arg[v * dim + j] * dim + j] += d[j];
			continue;
		}
		if (cnt == 0)
			continue;
		{
			double s = a == GRAPH_MEAN ? 1.0 / (double)cnt : 1.0;
			if (self)
				linalg_axpy(dh + v * dim, s, d, dim);
			for (i = lo; i < hi; i++)
				linalg_axpy(dh + g->adj[i] * dim, s, d, dim);
		}
	}
}

NnStatus graph_layer_init(GraphLayer *l, size_t din, size_t dout, GraphAgg agg, Activation act,
                          Rng *r)
{
	size_t i, nw = 2 * dout * din;
	double bound;

	memset(l, 0, sizeof *l);
	if (din == 0 || dout == 0 || agg >= GRAPH_AGG_COUNT || act >= ACT_COUNT)
		return NN_ERR_ARG;
	l->n_params = nw + dout;
	l->params = calloc(l->n_params, sizeof *l->params);
	if (!l->params)
		return NN_ERR_NOMEM;
	l->din = din, l->dout = dout, l->agg = agg, l->act = act;
	bound = 1.0 / sqrt(2.0 * (double)din);
	for (i = 0; i < nw; i++)
		l->params[i] = rng_range(r, -bound, bound);
	return NN_OK;
}

void graph_layer_free(GraphLayer *l)
{
	free(l->params);
	memset(l, 0, sizeof *l);
}

NnStatus graph_layer_work_init(GraphLayerWork *w, const GraphLayer *l, size_t cap)
{
	memset(w, 0, sizeof *w);
	if (cap == 0)
		return NN_ERR_ARG;
	w->m = calloc(cap * (2 * l->din + 3 * l->dout), sizeof *w->m);
	w->arg = calloc(cap * l->din, sizeof *w->arg);
	if (!w->m || !w->arg) {
		graph_layer_work_free(w);
		return NN_ERR_NOMEM;
	}
	w->cap = cap;
	w->z = w->m + cap * l->din;
	w->y = w->z + cap * l->dout;
	w->dz = w->y + cap * l->dout;
	w->dm = w->dz + cap * l->dout;
	return NN_OK;
}

void graph_layer_work_free(GraphLayerWork *w)
{
	free(w->m);
	free(w->arg);
	memset(w, 0, sizeof *w);
}

void graph_layer_forward(GraphLayerWork *w, const GraphLayer *l, const Graph *g, const double *h)
{
	size_t n = g->n_nodes, di = l->din, dout = l->dout, v;
	const double *Ws = l->params, *Wn = Ws + dout * di, *b = Wn + dout * di;

	graph_aggregate(w->m, w->arg, g, h, di, l->agg, 0);
	for (v = 0; v < n; v++) {
		double *z = w->z + v * dout;
		memcpy(z, b, dout * sizeof *z);
		linalg_gemv(z, Ws, h + v * di, dout, di);
		linalg_gemv(z, Wn, w->m + v * di, dout, di);
	}
	act_forward(w->y, w->z, n * dout, l->act);
}

void graph_layer_backward(double *grad, double *dh, GraphLayerWork *w, const GraphLayer *l,
                          const Graph *g, const double *h, const double *dy)
{
	size_t n = g->n_nodes, di = l->din, dout = l->dout, v;
	const double *Ws = l->params, *Wn = Ws + dout * di;
	double *gWs = grad, *gWn = gWs + dout * di, *gb = gWn + dout * di;

	memset(w->dz, 0, n * dout * sizeof *w->dz);
	act_backward(w->dz, dy, w->z, w->y, n * dout, l->act);
	memset(w->dm, 0, n * di * sizeof *w->dm);
	for (v = 0; v < n; v++) {
		const double *dz = w->dz + v * dout;
		linalg_ger(gWs, dz, h + v * di, dout, di);
		linalg_ger(gWn, dz, w->m + v * di, dout, di);
		linalg_axpy(gb, 1.0, dz, dout);
		if (dh)
			linalg_gemv_t(dh + v * di, Ws, dz, dout, di);
		linalg_gemv_t(w->dm + v * di, Wn, dz, dout, di);
	}
	if (dh)
		graph_aggregate_backward(dh, g, w->dm, w->arg, di, l->agg, 0);
}
