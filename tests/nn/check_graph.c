/* check_graph.c: the named graphs' structure, aggregation by hand, a signal spreading
 * round by round, the backward passes against central differences, and a two-layer
 * message-passing network that learns the social graph's two groups from two labels. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "fdcheck.h"
#include "nn/graph-net.h"
#include "nntest.h"

static int has_edge(const Graph *g, size_t a, size_t b)
{
	size_t i;

	for (i = g->start[a]; i < g->start[a + 1]; i++)
		if (g->adj[i] == b)
			return 1;
	return 0;
}

START_TEST(named_graphs)
{
	Graph g;
	size_t v, i, deg_sum;
	int k;

	ck_assert_int_eq(graph_make(&g, GRAPH_PATH, 5), NN_OK);
	ck_assert_uint_eq(g.n_edges, 4);
	ck_assert_uint_eq(graph_degree(&g, 0), 1);
	ck_assert_uint_eq(graph_degree(&g, 2), 2);
	ck_assert_uint_eq(graph_degree(&g, 4), 1);
	ck_assert_double_eq(g.xy[0], -1.0);
	ck_assert_double_eq(g.xy[8], 1.0);
	graph_free(&g);
	ck_assert_int_eq(graph_make(&g, GRAPH_RING, 6), NN_OK);
	for (v = 0; v < 6; v++)
		ck_assert_uint_eq(graph_degree(&g, v), 2);
	ck_assert(has_edge(&g, 5, 0) && has_edge(&g, 0, 5));
	graph_free(&g);
	ck_assert_int_eq(graph_make(&g, GRAPH_STAR, 5), NN_OK);
	ck_assert_uint_eq(graph_degree(&g, 0), 4);
	ck_assert_uint_eq(graph_degree(&g, 3), 1);
	graph_free(&g);
	ck_assert_int_eq(graph_make(&g, GRAPH_SOCIAL, 0), NN_OK);
	ck_assert_uint_eq(g.n_nodes, 12);
	ck_assert_uint_eq(g.n_edges, 19);
	for (deg_sum = 0, v = 0; v < 12; v++) {
		deg_sum += graph_degree(&g, v);
		ck_assert_int_eq(g.label[v], v < 6 ? 0 : 1);
		for (i = g.start[v]; i < g.start[v + 1]; i++) {
			ck_assert(has_edge(&g, g.adj[i], v)); /* symmetric */
			if (i > g.start[v])
				ck_assert_uint_lt(g.adj[i - 1], g.adj[i]); /* sorted */
			/* the one bridge between the groups */
			if ((v < 6) != (g.adj[i] < 6))
				ck_assert((v == 4 && g.adj[i] == 6) || (v == 6 && g.adj[i] == 4));
		}
	}
	ck_assert_uint_eq(deg_sum, 2 * 19);
	graph_free(&g);
	for (k = 0; k < GRAPH_COUNT; k++) {
		GraphKind gk;
		ck_assert_int_eq(graph_from_name(&gk, graph_name((GraphKind)k)), 0);
		ck_assert_int_eq(gk, k);
	}
	ck_assert_int_eq(graph_make(&g, GRAPH_RING, 2), NN_ERR_ARG);
	ck_assert_int_eq(graph_make(&g, GRAPH_PATH, 1), NN_ERR_ARG);
}
END_TEST

START_TEST(bad_edge_lists)
{
	Graph g;
	const size_t loop[2] = {1, 1}, twice[4] = {0, 1, 1, 0}, far[2] = {0, 3}, ok[4] = {2, 0, 1, 2};

	ck_assert_int_eq(graph_from_edges(&g, 3, loop, 1), NN_ERR_ARG);
	ck_assert_int_eq(graph_from_edges(&g, 3, twice, 2), NN_ERR_ARG);
	ck_assert_int_eq(graph_from_edges(&g, 3, far, 1), NN_ERR_ARG);
	ck_assert_int_eq(graph_from_edges(&g, 0, NULL, 0), NN_ERR_ARG);
	ck_assert_int_eq(graph_from_edges(&g, 3, ok, 2), NN_OK);
	ck_assert(has_edge(&g, 0, 2) && has_edge(&g, 2, 1) && !has_edge(&g, 0, 1));
	ck_assert_uint_eq(g.adj[g.start[2]], 0); /* node 2's list sorted: 0, 1 */
	graph_free(&g);
}
END_TEST

START_TEST(aggregation_by_hand_on_a_star)
{
	Graph g;
	const double h[4] = {1, 2, 3, 4};
	double m[4];
	size_t arg[4];

	ck_assert_int_eq(graph_make(&g, GRAPH_STAR, 4), NN_OK);
	graph_aggregate(m, arg, &g, h, 1, GRAPH_SUM, 0);
	ck_assert_double_eq(m[0], 9.0);
	ck_assert_double_eq(m[2], 1.0);
	graph_aggregate(m, arg, &g, h, 1, GRAPH_MEAN, 0);
	ck_assert_double_eq(m[0], 3.0);
	graph_aggregate(m, arg, &g, h, 1, GRAPH_MAX, 0);
	ck_assert_double_eq(m[0], 4.0);
	ck_assert_uint_eq(arg[0], 3);
	ck_assert_uint_eq(arg[1], 0);
	graph_aggregate(m, arg, &g, h, 1, GRAPH_SUM, 1);
	ck_assert_double_eq(m[0], 10.0);
	ck_assert_double_eq(m[1], 3.0);
	graph_aggregate(m, arg, &g, h, 1, GRAPH_MEAN, 1);
	ck_assert_double_eq(m[0], 2.5);
	ck_assert_double_eq(m[1], 1.5);
	graph_aggregate(m, arg, &g, h, 1, GRAPH_MAX, 1);
	ck_assert_double_eq(m[1], 2.0); /* leaf 1 keeps its own 2 over the hub's 1 */
	ck_assert_uint_eq(arg[1], 1);
	graph_free(&g);
	{ /* a lone node aggregates nothing: 0 */
		const double one = 5.0;
		ck_assert_int_eq(graph_from_edges(&g, 1, NULL, 0), NN_OK);
		graph_aggregate(m, arg, &g, &one, 1, GRAPH_MAX, 0);
		ck_assert_double_eq(m[0], 0.0);
		ck_assert_uint_eq(arg[0], SIZE_MAX);
		graph_free(&g);
	}
}
END_TEST

/* One node lit on a path of 7: after r rounds (max over the node and its neighbours)
 * exactly the nodes within r hops are lit. */
START_TEST(a_signal_spreads_one_hop_per_round)
{
	Graph g;
	double h[7] = {1, 0, 0, 0, 0, 0, 0}, m[7];
	size_t r, v;

	ck_assert_int_eq(graph_make(&g, GRAPH_PATH, 7), NN_OK);
	for (r = 1; r <= 6; r++) {
		graph_aggregate(m, NULL, &g, h, 1, GRAPH_MAX, 1);
		for (v = 0; v < 7; v++) {
			ck_assert_double_eq(m[v], v <= r ? 1.0 : 0.0);
			h[v] = m[v];
		}
	}
	graph_free(&g);
}
END_TEST

typedef struct {
	Graph *g;
	GraphAgg agg;
	int self;
	double *h;
	const double *c; /* loss = sum c * out */
	size_t dim;
	GraphLayer *l;
	GraphLayerWork *w;
	double *m;
} Ctx;

static double agg_loss(void *p)
{
	Ctx *x = p;
	size_t i, n = x->g->n_nodes * x->dim;
	double s = 0.0;

	graph_aggregate(x->m, NULL, x->g, x->h, x->dim, x->agg, x->self);
	for (i = 0; i < n; i++)
		s += x->c[i] * x->m[i];
	return s;
}

static double layer_loss(void *p)
{
	Ctx *x = p;
	size_t i, n = x->g->n_nodes * x->l->dout;
	double s = 0.0;

	graph_layer_forward(x->w, x->l, x->g, x->h);
	for (i = 0; i < n; i++)
		s += x->c[i] * x->w->y[i];
	return s;
}

START_TEST(backward_passes_match_finite_differences)
{
	enum { D = 3, DO = 2 };
	Graph g;
	double h[12 * D], c[12 * D], m[12 * D], dh[12 * D], err;
	size_t arg[12 * D], i, worst = 0;
	int a, self;
	Ctx x;
	Rng r;

	ck_assert_int_eq(graph_make(&g, GRAPH_SOCIAL, 0), NN_OK);
	rng_seed(&r, 3);
	for (i = 0; i < 12 * D; i++) {
		h[i] = rng_normal(&r, 0, 1);
		c[i] = rng_normal(&r, 0, 1);
	}
	x.g = &g, x.h = h, x.c = c, x.dim = D, x.m = m;
	for (a = 0; a < GRAPH_AGG_COUNT; a++)
		for (self = 0; self < 2; self++) {
			x.agg = (GraphAgg)a, x.self = self;
			graph_aggregate(m, arg, &g, h, D, x.agg, self);
			memset(dh, 0, sizeof dh);
			graph_aggregate_backward(dh, &g, c, arg, D, x.agg, self);
			ck_assert(fd_max_abs(dh, 12 * D) > 0.1);
			/* the loss is (piecewise) linear in h: a wide step has no truncation
			 * error and little rounding; the max's ties are far apart */
			err = fd_check(h, dh, 12 * D, agg_loss, &x, 1e-3, &worst);
			ck_assert_msg(err < 1e-8, "%s self %d: %g at %zu", graph_agg_name(x.agg), self,
				      err, worst);
		}
	for (a = 0; a < GRAPH_AGG_COUNT; a++) {
		GraphLayer l;
		GraphLayerWork w;
		double *grad;
		ck_assert_int_eq(graph_layer_init(&l, D, DO, (GraphAgg)a, ACT_TANH, &r), NN_OK);
		ck_assert_int_eq(graph_layer_work_init(&w, &l, 12), NN_OK);
		for (i = 2 * D * DO; i < l.n_params; i++)
			l.params[i] = rng_normal(&r, 0, 0.5); /* biases off zero */
		x.l = &l, x.w = &w;
		grad = calloc(l.n_params, sizeof *grad);
		memset(dh, 0, sizeof dh);
		graph_layer_forward(&w, &l, &g, h);
		graph_layer_backward(grad, dh, &w, &l, &g, h, c);
		err = fd_check(l.params, grad, l.n_params, layer_loss, &x, 1e-5, &worst);
		ck_assert_msg(err < 1e-6, "layer %s params: %g at %zu", graph_agg_name(l.agg), err,
			      worst);
		err = fd_check(h, dh, 12 * D, layer_loss, &x, 1e-5, &worst);
		ck_assert_msg(err < 1e-6, "layer %s inputs: %g at %zu (%g)", graph_agg_name(l.agg),
			      err, worst, dh[worst]);
		free(grad);
		graph_layer_work_free(&w);
		graph_layer_free(&l);
	}
	graph_free(&g);
}
END_TEST

/* Two layers on the social graph, each node's feature its own one-hot, only node 0 and
 * node 11 labelled: training spreads their labels to the whole of each group. */
START_TEST(two_labels_spread_to_both_groups)
{
	static const size_t known[2] = {0, 11};
	Graph g;
	GraphNet n;
	size_t pred[12], s, v;
	double first, last = 0.0;

	ck_assert_int_eq(graph_make(&g, GRAPH_SOCIAL, 0), NN_OK);
	ck_assert_int_eq(graph_net_init(&n, &g, known, 2, 8, GRAPH_MEAN, 0.02, 5), NN_OK);
	ck_assert_uint_eq(n.classes, 2);
	first = graph_net_step(&n);
	ck_assert_double_eq_tol(first, log(2.0), 0.2); /* small weights: near a coin toss */
	for (s = 1; s < 300; s++)
		last = graph_net_step(&n);
	ck_assert_msg(last < 0.05 * first, "loss %g -> %g", first, last);
	graph_net_forward(&n);
	ck_assert_uint_eq(graph_net_predict(pred, &n), 12);
	for (v = 0; v < 12; v++)
		ck_assert_uint_eq(pred[v], v < 6 ? 0 : 1);
	graph_net_free(&n);
	ck_assert_int_eq(graph_net_init(&n, &g, known, 0, 8, GRAPH_MEAN, 0.02, 5), NN_ERR_ARG);
	graph_free(&g);
}
END_TEST

/* The network's gradient, by central differences of its loss: both layers together. */
typedef struct {
	GraphNet *n;
} NetCtx;

static double net_loss(void *p)
{
	return graph_net_forward(((NetCtx *)p)->n);
}

START_TEST(network_gradient_matches_finite_differences)
{
	static const size_t known[3] = {0, 6, 6};
	Graph g;
	GraphNet n;
	NetCtx x;
	double *keep1, *keep2, *p1, *p2, err;
	size_t i, worst = 0;
	int a;

	ck_assert_int_eq(graph_make(&g, GRAPH_SOCIAL, 0), NN_OK);
	for (a = 0; a < GRAPH_AGG_COUNT; a++) {
		ck_assert_int_eq(graph_net_init(&n, &g, known, 3, 4, (GraphAgg)a, 0.0, 7), NN_OK);
		x.n = &n;
		/* an Adam step of lr 0 leaves the parameters; its gradient stays in g1, g2 */
		keep1 = malloc(n.l1.n_params * sizeof *keep1);
		keep2 = malloc(n.l2.n_params * sizeof *keep2);
		memcpy(keep1, n.l1.params, n.l1.n_params * sizeof *keep1);
		memcpy(keep2, n.l2.params, n.l2.n_params * sizeof *keep2);
		graph_net_step(&n);
		for (i = 0; i < n.l1.n_params; i++)
			ck_assert_double_eq(n.l1.params[i], keep1[i]);
		p1 = n.g1, p2 = n.g2;
		ck_assert(fd_max_abs(p2, n.l2.n_params) > 1e-3);
		err = fd_check(n.l1.params, p1, n.l1.n_params, net_loss, &x, 1e-5, &worst);
		ck_assert_msg(err < 1e-6, "%s layer 1: %g at %zu", graph_agg_name((GraphAgg)a), err,
			      worst);
		err = fd_check(n.l2.params, p2, n.l2.n_params, net_loss, &x, 1e-5, &worst);
		ck_assert_msg(err < 1e-6, "%s layer 2: %g at %zu", graph_agg_name((GraphAgg)a), err,
			      worst);
		free(keep1), free(keep2);
		graph_net_free(&n);
	}
	graph_free(&g);
}
END_TEST

static Suite *graph_suite(void)
{
	Suite *s = suite_create("graph");
	TCase *tc = tcase_create("graph");

	tcase_add_test(tc, named_graphs);
	tcase_add_test(tc, bad_edge_lists);
	tcase_add_test(tc, aggregation_by_hand_on_a_star);
	tcase_add_test(tc, a_signal_spreads_one_hop_per_round);
	tcase_add_test(tc, backward_passes_match_finite_differences);
	tcase_add_test(tc, two_labels_spread_to_both_groups);
	tcase_add_test(tc, network_gradient_matches_finite_differences);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(graph_suite());
}
