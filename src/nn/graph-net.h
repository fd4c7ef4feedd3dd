/* graph-net.h: a two-layer message-passing network that classifies the nodes of a graph
 * (graph.h) from a few labelled ones: the learnable layers put to work.
 * libc and libm only; everything is allocated in graph_net_init, nothing in the steps. */
#ifndef NN_NN_GRAPH_NET_H
#define NN_NN_GRAPH_NET_H

#include <stddef.h>
#include <stdint.h>

#include "nn/graph.h"
#include "nn/optim.h"

/* Node v's input is its own one-hot row e_v (n features: the nodes tell each other who
 * they are); h1 = tanh-layer(e), logits = linear-layer(h1), both graph_layer with
 * aggregation agg, so a node's logits see its neighbours up to two hops away.
 * Loss: softmax cross-entropy over the classes, mean over the labelled nodes only
 * (loss.h's LOSS_CE); Adam on both layers. Every node's class is g->label. */
typedef struct {
	const Graph *g;
	size_t classes, hidden;
	GraphLayer l1, l2;
	GraphLayerWork w1, w2;
	Optim o1, o2;
	double *g1, *g2;  /* (l1.n_params), (l2.n_params) */
	double *feat;     /* (n, n) the one-hot inputs */
	double *dy;       /* (n, classes) */
	double *dh;       /* (n, hidden) */
	double *z, *t;    /* (n_known, classes) the labelled rows' logits and targets */
	double *dz;       /* (n_known, classes) */
	size_t *known;    /* (n_known) the labelled nodes */
	size_t n_known;
	size_t steps;
} GraphNet;

/* Prepares the network on g (which must outlive it) for classes = 1 + the largest
 * label, the labelled nodes known: (n_known >= 1), hidden units, aggregation agg, Adam
 * step lr, weights from seed. NN_ERR_ARG for a zero size or a node out of range. */
NnStatus graph_net_init(GraphNet *n, const Graph *g, const size_t *known, size_t n_known,
                        size_t hidden, GraphAgg agg, double lr, uint64_t seed);

/* Releases everything (not the graph). Safe on a zeroed GraphNet. */
void graph_net_free(GraphNet *n);

/* Forward over the whole graph; returns the loss on the labelled nodes. The logits of
 * every node are then in n->w2.y (n_nodes, classes). */
double graph_net_forward(GraphNet *n);

/* One step: forward, the loss's gradient, one Adam update of both layers. Returns the
 * loss before the update. */
double graph_net_step(GraphNet *n);

/* pred: (n_nodes); each node's class (the arg max of its logits) after a forward; returns
 * how many match g->label. */
size_t graph_net_predict(size_t *pred, GraphNet *n);

#endif
