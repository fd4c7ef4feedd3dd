/* graph.h: small undirected graphs as adjacency lists (a path, a ring, a star, a small
 * social graph of two communities), message passing with sum, mean and max aggregation,
 * and a learnable message-passing layer with its backward. libc and libm only;
 * graphs, layers and workspaces are allocated once, the passes allocate nothing. */
#ifndef NN_NN_GRAPH_H
#define NN_NN_GRAPH_H

#include <stddef.h>

#include "nn/act.h"
#include "nn/rng.h"
#include "nn/status.h"

typedef enum {
	GRAPH_PATH,   /* 0 - 1 - ... - (n-1), n >= 2, drawn on a line */
	GRAPH_RING,   /* the path closed by (n-1) - 0, n >= 3, drawn on a circle */
	GRAPH_STAR,   /* node 0 joined to each of 1..n-1, n >= 2: the hub in the middle */
	GRAPH_SOCIAL, /* 12 people in two groups of 6 (0-5 and 6-11), each group densely
	               * knit, one friendship (4 - 6) between them; label = the group;
	               * n is ignored */
	GRAPH_COUNT
} GraphKind;

typedef struct {
	size_t n_nodes, n_edges; /* undirected edges, each listed at both ends */
	size_t *start;           /* (n_nodes + 1): v's neighbours are adj[start[v] .. start[v+1]) */
	size_t *adj;             /* (2 n_edges) in increasing order for each node */
	double *xy;              /* (n_nodes, 2) a layout in [-1, 1]^2 for drawing */
	int *label;              /* (n_nodes) a class per node (the social graph's group; 0) */
} Graph;

/* "path", "ring", "star", "social". */
const char *graph_name(GraphKind k);

/* Looks name up; returns 0 and sets *k, or -1 for an unknown name. */
int graph_from_name(GraphKind *k, const char *name);

/* Builds a graph of n >= 1 nodes from edges: (n_edges, 2) pairs (a, b) (either order);
 * NN_ERR_ARG for a node out of range, a self loop or a repeated edge. The layout puts
 * the nodes on a circle; labels are 0. On failure g is empty. */
NnStatus graph_from_edges(Graph *g, size_t n, const size_t *edges, size_t n_edges);

/* Builds the named graph (see GraphKind) with its layout; NN_ERR_ARG for too few nodes. */
NnStatus graph_make(Graph *g, GraphKind k, size_t n);

/* Releases the graph. Safe on a zeroed Graph. */
void graph_free(Graph *g);

/* The number of neighbours of v. */
size_t graph_degree(const Graph *g, size_t v);

typedef enum {
	GRAPH_SUM,  /* m_v = sum of h_u over the neighbours u of v */
	GRAPH_MEAN, /* m_v = that sum / deg v */
	GRAPH_MAX,  /* m_v = the largest h_u per feature (the first such u on a tie) */
	GRAPH_AGG_COUNT
} GraphAgg;

/* "sum", "mean", "max". */
const char *graph_agg_name(GraphAgg a);
int graph_agg_from_name(GraphAgg *a, const char *name);

/* m: (n, dim) arg: (n, dim) or NULL h: (n, dim); one round of messages: m_v aggregates
 * h over v's neighbours, and v itself too when self is non-zero (formulas in GraphAgg).
 * A node with nothing to aggregate gets 0. For max, arg records the node each feature
 * came from (SIZE_MAX for none), for the backward. m must not be h. */
void graph_aggregate(double *m, size_t *arg, const Graph *g, const double *h, size_t dim,
                     GraphAgg a, int self);

/* dh: (n, dim) dm: (n, dim) arg: from the forward (max only; else NULL); the twin of
 * graph_aggregate: ADDS dL/dh: sum: dh_u += dm_v for each v that u sends to; mean: the
 * same divided by v's count; max: dh_(arg_v) += dm_v. */
void graph_aggregate_backward(double *dh, const Graph *g, const double *dm, const size_t *arg,
                              size_t dim, GraphAgg a, int self);

/* A learnable round: y_v = f(W_s h_v + W_n m_v + b), m = graph_aggregate(h) over the
 * neighbours only. params: W_s (dout, din), W_n (dout, din), b (dout), row-major. */
typedef struct {
	size_t din, dout;
	GraphAgg agg;
	Activation act;
	size_t n_params; /* 2 dout din + dout */
	double *params;
} GraphLayer;

/* The activations of a layer on a graph of up to cap nodes. */
typedef struct {
	size_t cap;
	double *m;   /* (cap, din) aggregated messages */
	size_t *arg; /* (cap, din) the max's sources */
	double *z;   /* (cap, dout) pre-activations */
	double *y;   /* (cap, dout) outputs */
	double *dz;  /* (cap, dout) */
	double *dm;  /* (cap, din) */
} GraphLayerWork;

/* Creates the layer with weights U(-a, a), a = 1/sqrt(2 din), and b = 0, drawn from r.
 * NN_ERR_ARG for a zero size or a bad aggregation or activation. */
NnStatus graph_layer_init(GraphLayer *l, size_t din, size_t dout, GraphAgg agg, Activation act,
                          Rng *r);
void graph_layer_free(GraphLayer *l);

/* Creates the workspace of l for graphs of up to cap >= 1 nodes. */
NnStatus graph_layer_work_init(GraphLayerWork *w, const GraphLayer *l, size_t cap);
void graph_layer_work_free(GraphLayerWork *w);

/* h: (n, din), n = g->n_nodes <= w->cap; computes w->m, w->z and w->y (n, dout). */
void graph_layer_forward(GraphLayerWork *w, const GraphLayer *l, const Graph *g, const double *h);

/* grad: (n_params) dh: (n, din) or NULL dy: (n, dout) = dL/dy; after graph_layer_forward
 * on the same h: dz = dy f'(z); ADDS dL/dW_s = sum_v dz_v h_v^T, dL/dW_n = sum_v dz_v m_v^T,
 * dL/db = sum_v dz_v into grad, and dL/dh = W_s^T dz + graph_aggregate_backward(W_n^T dz)
 * into dh. */
void graph_layer_backward(double *grad, double *dh, GraphLayerWork *w, const GraphLayer *l,
                          const Graph *g, const double *h, const double *dy);

#endif
