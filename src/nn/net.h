/* net.h: models built from the layers as a fixed graph of nodes (a tape recorded once),
 * with every parameter in one array. libc and libm only; no allocation after net_finish.
 *
 * Build a model node by node (each call appends a node and returns its id), call
 * net_finish once with the largest batch, then per step: fill the inputs, net_forward,
 * net_backward from the loss, optim_step(o, net->params, net->grads). Nodes run in the
 * order they were added (so a node's inputs always come before it: the order is a
 * topological one by construction), backward in reverse. A node may feed several others
 * (skips, residuals): gradients add up. */
#ifndef NN_NN_NET_H
#define NN_NN_NET_H

#include <stddef.h>
#include <stdint.h>

#include "nn/act.h"
#include "nn/rng.h"
#include "nn/status.h"

typedef size_t NetId;
#define NET_NONE ((NetId)-1) /* no node: an absent optional input, or a failed build */
#define NET_MAX_RANK 4

typedef enum {
	NET_INPUT,      /* values the caller fills */
	NET_IDS,        /* integer ids the caller fills (tokens, classes) */
	NET_LINEAR,     /* dense_forward over the last dimension */
	NET_CONV2D,     /* conv2d_forward */
	NET_MAXPOOL2D,  /* maxpool2d_forward */
	NET_AVGPOOL2D,  /* avgpool2d_forward */
	NET_UPSAMPLE2D, /* upsample2d_forward */
	NET_ACT,        /* act_forward, element by element */
	NET_SOFTMAX,    /* softmax over the last dimension */
	NET_EMBED,      /* embed_forward of an ids node */
	NET_POSITION,   /* + a learned vector per time step */
	NET_ADD,        /* residual_forward */
	NET_CONCAT,     /* two tensors side by side along one axis */
	NET_RESHAPE,    /* the same values, another per-example shape */
	NET_RNN,        /* rnn_forward */
	NET_GRU,        /* gru_forward */
	NET_LSTM,       /* lstm_forward */
	NET_LAST_STEP,  /* the last time step of a sequence */
	NET_MHA,        /* mha_forward */
	NET_ATTEND,     /* attention_seq_forward: one sequence's states over another's */
	NET_LAYERNORM,  /* layernorm_forward over the last dimension */
	NET_BATCHNORM,  /* batchnorm_forward (training) or batchnorm_infer */
	NET_DROPOUT,    /* dropout_forward with a fresh mask each training forward */
	NET_SOFTMAX_CE, /* loss_softmax_ce_forward: a scalar */
	NET_MSE,        /* mean squared error against a target: a scalar */
	NET_BCE,        /* binary cross-entropy of sigmoid(logits) against a target: a scalar */
	NET_OP_COUNT
} NetOp;

/* One node: its op, inputs, the shape of its value, its parameters and buffers.
 * Shapes are per example: a batch-major value of n examples is (n, dims...); a
 * time-major one (sequences for the recurrent layers) is (dims[0], n, dims[1...]); a
 * scalar (a loss) is one value whatever the batch. */
typedef struct {
	NetOp op;
	NetId in[3];
	size_t dims[NET_MAX_RANK], rank;
	int time_major, scalar;
	int needs_grad; /* some parameter lies upstream, or the caller asked (net_track_grad) */
	size_t size;    /* values per example (for a scalar: 1) */
	size_t p_off, p_len; /* parameters in net->params (and net->grads) */
	size_t s_off, s_len; /* state in net->state (batch norm's running averages) */
	size_t w_len;        /* workspace doubles for the largest batch */
	/* settings */
	size_t out, k, stride, pad, heads, axis;
	int causal;
	Activation act;
	double eps, momentum, rate;
	/* buffers, set by net_finish */
	double *val, *grad, *work;
	size_t *ids;
} NetNode;

typedef struct {
	NetNode *node;
	size_t n_nodes, max_nodes;
	size_t n_params, n_state;
	double *params; /* n_params: every node's parameters, in the order of the nodes */
	double *grads;  /* n_params: dL/dparams (net_backward ADDS; net_zero_grad clears) */
	double *state;  /* n_state: running averages (not trained) */
	size_t cap;     /* the largest batch (net_finish) */
	int training;   /* 1: dropout on, batch norm on batch statistics and updating its
	                 * running averages; 0: inference */
	int freeze_masks; /* 1: dropout keeps its current masks (for gradient checks) */
	Rng rng;          /* dropout's masks */
	NnStatus status;  /* the first error of the build, NN_OK while all is well */
	NetId bad;        /* the node whose build failed */
	double *buf;      /* the one allocation behind params, grads, state and the nodes */
	size_t *idbuf;    /* the one behind the ids nodes */
} Net;

/* Starts an empty net (training mode; dropout masks drawn from seed). */
void net_init(Net *net, uint64_t seed);

/* Releases everything; net becomes empty. Safe on a zeroed or failed Net. */
void net_free(Net *net);

/* The builders. Each returns the new node's id, or NET_NONE when an input is NET_NONE,
 * a size is 0 or the shapes do not fit (net->status then says why and net->bad which
 * node; every later builder returns NET_NONE too, so a model can be built without a
 * check per line and net_finish reports the first error). */

/* A batch-major input of per-example shape dims (rank 1 to 4). */
NetId net_input(Net *net, size_t rank, const size_t *dims);

/* A time-major sequence input (t, n, f). */
NetId net_input_seq(Net *net, size_t t, size_t f);

/* An input of t integer ids per example: (n, t) batch-major, or (t, n) time-major. */
NetId net_ids(Net *net, size_t t, int time_major);

/* y = x w^T + b over the last dimension of x (any layout), out outputs. Parameters
 * w (out, in), then b (out). */
NetId net_linear(Net *net, NetId x, size_t out);

/* conv2d of a batch-major x (c, h, w): out filters of k x k, stride, zero padding.
 * Parameters w (out, c, k, k), then b (out). */
NetId net_conv2d(Net *net, NetId x, size_t out, size_t k, size_t stride, size_t pad);

/* Pooling of a batch-major x (c, h, w) over k x k windows, no padding. */
NetId net_maxpool2d(Net *net, NetId x, size_t k, size_t stride);
NetId net_avgpool2d(Net *net, NetId x, size_t k, size_t stride);

/* Nearest upsampling of a batch-major x (c, h, w) by f: (c, f h, f w). */
NetId net_upsample2d(Net *net, NetId x, size_t f);

/* f(x) element by element. */
NetId net_act(Net *net, NetId x, Activation f);

/* softmax over the last dimension (probabilities; a loss takes the logits instead). */
NetId net_softmax(Net *net, NetId x);

/* The rows of a table (vocab, dim) picked by an ids node: shape ids + (dim), the same
 * layout. Parameter: the table. */
NetId net_embed(Net *net, NetId ids, size_t vocab, size_t dim);

/* x + p_t for a sequence x (t, d) (either layout): a learned vector per position.
 * Parameter: p (t, d). */
NetId net_position(Net *net, NetId x);

/* a + b, the same shape and layout (two scalars add too: a sum of losses). */
NetId net_add(Net *net, NetId a, NetId b);

/* a and b side by side along axis (of the per-example shape; the other dimensions
 * equal, the same layout): channels of images (axis 0 of (c, h, w)), features... */
NetId net_concat(Net *net, NetId a, NetId b, size_t axis);

/* The values of a batch-major x as another per-example shape of the same size
 * (flattening an image for a dense layer). */
NetId net_reshape(Net *net, NetId x, size_t rank, const size_t *dims);

/* A recurrent layer over a time-major x (t, in): hidden size hid, initial state h0 a
 * batch-major (hid) node or NET_NONE for zeros; the output is every h (t, hid),
 * time-major. Parameters: rnn wx, wh, b; gru wx, wh, bx, bh; lstm wx, wh, b (recur.h;
 * the LSTM's initial cell state is zero). */
NetId net_rnn(Net *net, NetId x, NetId h0, size_t hid);
NetId net_gru(Net *net, NetId x, NetId h0, size_t hid);
NetId net_lstm(Net *net, NetId x, NetId h0, size_t hid);

/* The last step of a time-major x (t, f): batch-major (f), e.g. an encoder's summary. */
NetId net_last_step(Net *net, NetId x);

/* Multi-head self-attention of a batch-major x (t, d), heads dividing d. Parameters
 * wq, wk, wv, wo (d, d); xavier-uniform like torch's in-projection. */
NetId net_mha(Net *net, NetId x, size_t heads, int causal);

/* Cross-attention (Luong's dot attention): each step of a time-major q (tq, d) looks at
 * the steps of a time-major kv (tk, d), the keys and the values at once:
 * y_i = sum_j softmax_j(q_i . kv_j / sqrt(d)) kv_j, time-major (tq, d). keep: a time-major
 * ids node (tk) or NET_NONE; where its id is 0 (padding) the key is hidden. No
 * parameters; net_attention gives the weights. */
NetId net_attend(Net *net, NetId q, NetId kv, NetId keep);

/* Layer norm over the last dimension. Parameters g (d) = 1, b (d) = 0. */
NetId net_layernorm(Net *net, NetId x, double eps);

/* Batch norm of a batch-major x per channel (axis 0 of its shape; the rest are
 * positions). Parameters g, b (c); state: running mean (0) and variance (1). */
NetId net_batchnorm(Net *net, NetId x, double eps, double momentum);

/* Inverted dropout with drop probability p in [0, 1) (dropout.h); identity when not
 * training. */
NetId net_dropout(Net *net, NetId x, double p);

/* Softmax cross-entropy of logits (..., k) against an ids node with one class per row
 * (LOSS_IGNORE rows count for nothing); a scalar, the mean over the rows. */
NetId net_softmax_ce(Net *net, NetId logits, NetId classes);

/* mean((y - target)^2) over every value: a scalar. target: a node of y's shape. */
NetId net_mse(Net *net, NetId y, NetId target);

/* The binary cross-entropy of sigmoid(logits) against target in [0, 1], stably from the
 * logits, mean over every value: a scalar. */
NetId net_bce(Net *net, NetId logits, NetId target);

/* Asks for the gradient of an input node too (a discriminator's input, to pass it on to
 * a generator). Other inputs get none. */
void net_track_grad(Net *net, NetId id);

/* Allocates the parameters (zero), gradients, state and every node's buffers for
 * batches of up to cap examples. Returns the build's status if it failed, NN_ERR_ARG
 * for cap 0, NN_ERR_NOMEM, or NN_OK. */
NnStatus net_finish(Net *net, size_t cap);

/* Draws every parameter from r as torch's layers do by default: linear, conv and
 * recurrent weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (fan_in: inputs,
 * c k k, hid); embeddings and positions N(0, 1); attention xavier-uniform (wo like a
 * linear layer); norms g = 1, b = 0; running mean 0, variance 1. */
void net_init_params(Net *net, Rng *r);

/* A node's values (for n examples: net_count values) or ids, to fill or to read. */
double *net_value(const Net *net, NetId id);
size_t *net_ids_of(const Net *net, NetId id);

/* dL/d(the node's values) after net_backward, or NULL when it has none. */
double *net_grad(const Net *net, NetId id);

/* How many values a node holds for a batch of n. */
size_t net_count(const Net *net, NetId id, size_t n);

/* A node's parameters (its p_len values) and, with net_param_grads, their gradients. */
double *net_params_of(const Net *net, NetId id);
double *net_param_grads(const Net *net, NetId id);

/* The attention weights of an NET_MHA node after a forward of n examples:
 * (n, heads, t, t), see mha_weights; of an NET_ATTEND node: (n, tq, tk). */
const double *net_attention(const Net *net, NetId id, size_t n);

/* Runs every node for a batch of n <= cap examples (inputs filled by the caller). */
void net_forward(Net *net, size_t n);

/* Backpropagation from node `from` after net_forward on the same batch: dL/d(from) is dy
 * (net_count values), or 1 for each value when dy is NULL (a scalar loss). Every node
 * gradient is cleared first; parameter gradients ADD into net->grads. */
void net_backward(Net *net, size_t n, NetId from, const double *dy);

/* Zeroes net->grads (once per step, before the backward passes). */
void net_zero_grad(Net *net);

#endif
