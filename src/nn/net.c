/* net.c: building a net, node by node, each shape checked as it is added.
 * libc only; the allocation: net-finish.c; forward and backward: net-run.c. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "nn/conv.h"
#include "nn/net.h"

void net_init(Net *net, uint64_t seed)
{
	memset(net, 0, sizeof *net);
	net->training = 1;
	net->bad = NET_NONE;
	rng_seed(&net->rng, seed);
}

void net_free(Net *net)
{
	free(net->node);
	free(net->buf);
	free(net->idbuf);
	memset(net, 0, sizeof *net);
	net->bad = NET_NONE;
}

/* Records the first error (at the node about to be added) and returns NET_NONE. */
static NetId fail(Net *net, NnStatus st)
{
	if (net->status == NN_OK) {
		net->status = st;
		net->bad = net->n_nodes;
	}
	return NET_NONE;
}

/* The node id names, or NULL (an error recorded) when the build already failed or id is
 * not a node. */
static const NetNode *arg(Net *net, NetId id)
{
	if (net->status != NN_OK)
		return NULL;
	if (id >= net->n_nodes) {
		fail(net, NN_ERR_ARG);
		return NULL;
	}
	return &net->node[id];
}

/* A tensor of values (not ids, not a scalar) of the given rank (any when rank is 0) and
 * layout (either when tm < 0), or NULL with an error. */
static const NetNode *tensor(Net *net, NetId id, size_t rank, int tm)
{
	const NetNode *a = arg(net, id);

	if (!a)
		return NULL;
	if (a->op == NET_IDS || a->scalar || (rank && a->rank != rank) ||
	    (tm >= 0 && a->time_major != tm)) {
		fail(net, NN_ERR_ARG);
		return NULL;
	}
	return a;
}

/* Appends a node of op whose shape starts as a copy of node `like` (if any); NULL when
 * out of memory. The pointer is valid until the next push. */
static NetNode *push(Net *net, NetOp op, NetId like)
{
	NetNode *nd;

	if (net->n_nodes == net->max_nodes) {
		size_t cap = net->max_nodes ? 2 * net->max_nodes : 16;
		NetNode *more = realloc(net->node, cap * sizeof *more);
		if (!more) {
			fail(net, NN_ERR_NOMEM);
			return NULL;
		}
		net->node = more;
		net->max_nodes = cap;
	}
	nd = &net->node[net->n_nodes];
	memset(nd, 0, sizeof *nd);
	if (like != NET_NONE) {
		const NetNode *src = &net->node[like];
		nd->rank = src->rank;
		memcpy(nd->dims, src->dims, sizeof nd->dims);
		nd->time_major = src->time_major;
	}
	nd->op = op;
	nd->in[0] = like, nd->in[1] = nd->in[2] = NET_NONE;
	return nd;
}

/* Completes the node just pushed: its size and its place in params and state. */
static NetId done(Net *net, NetNode *nd)
{
	size_t k;

	nd->size = 1;
	if (!nd->scalar)
		for (k = 0; k < nd->rank; k++)
			nd->size *= nd->dims[k];
	nd->p_off = net->n_params;
	net->n_params += nd->p_len;
	nd->s_off = net->n_state;
	net->n_state += nd->s_len;
	return net->n_nodes++;
}

static NetId new_input(Net *net, NetOp op, size_t rank, const size_t *dims, int tm)
{
	NetNode *nd;
	size_t k;

	if (net->status != NN_OK)
		return NET_NONE;
	if (rank == 0 || rank > NET_MAX_RANK)
		return fail(net, NN_ERR_ARG);
	for (k = 0; k < rank; k++)
		if (!dims[k])
			return fail(net, NN_ERR_ARG);
	if (!(nd = push(net, op, NET_NONE)))
		return NET_NONE;
	nd->rank = rank;
	memcpy(nd->dims, dims, rank * sizeof *dims);
	nd->time_major = tm;
	return done(net, nd);
}

NetId net_input(Net *net, size_t rank, const size_t *dims)
{
	return new_input(net, NET_INPUT, rank, dims, 0);
}

NetId net_input_seq(Net *net, size_t t, size_t f)
{
	size_t dims[2] = {t, f};

	return new_input(net, NET_INPUT, 2, dims, 1);
}

NetId net_ids(Net *net, size_t t, int time_major)
{
	return new_input(net, NET_IDS, 1, &t, time_major != 0);
}

NetId net_linear(Net *net, NetId x, size_t out)
{
	const NetNode *a = tensor(net, x, 0, -1);
	size_t in;
	NetNode *nd;

	if (!a)
		return NET_NONE;
	in = a->dims[a->rank - 1];
	if (!out || !(nd = push(net, NET_LINEAR, x)))
		return fail(net, NN_ERR_ARG);
	nd->out = out;
	nd->dims[nd->rank - 1] = out;
	nd->p_len = out * in + out;
	return done(net, nd);
}

NetId net_conv2d(Net *net, NetId x, size_t out, size_t k, size_t stride, size_t pad)
{
	const NetNode *a = tensor(net, x, 3, 0);
	Conv2dShape s;
	NetNode *nd;

	if (!a)
		return NET_NONE;
	s = (Conv2dShape){1, a->dims[0], a->dims[1], a->dims[2], out, k, k, stride, pad};
	if (!conv2d_valid(&s) || !(nd = push(net, NET_CONV2D, x)))
		return fail(net, NN_ERR_ARG);
	nd->out = out, nd->k = k, nd->stride = stride, nd->pad = pad;
	nd->dims[0] = out, nd->dims[1] = conv2d_out_h(&s), nd->dims[2] = conv2d_out_w(&s);
	nd->p_len = out * s.c * k * k + out;
	return done(net, nd);
}

static NetId pool(Net *net, NetOp op, NetId x, size_t k, size_t stride)
{
	const NetNode *a = tensor(net, x, 3, 0);
	Pool2dShape s;
	NetNode *nd;

	if (!a)
		return NET_NONE;
	s = (Pool2dShape){1, a->dims[0], a->dims[1], a->dims[2], k, stride};
	if (!pool2d_valid(&s) || !(nd = push(net, op, x)))
		return fail(net, NN_ERR_ARG);
	nd->k = k, nd->stride = stride;
	nd->dims[1] = pool2d_out_h(&s), nd->dims[2] = pool2d_out_w(&s);
	return done(net, nd);
}

NetId net_maxpool2d(Net *net, NetId x, size_t k, size_t stride)
{
	return pool(net, NET_MAXPOOL2D, x, k, stride);
}

NetId net_avgpool2d(Net *net, NetId x, size_t k, size_t stride)
{
	return pool(net, NET_AVGPOOL2D, x, k, stride);
}

NetId net_upsample2d(Net *net, NetId x, size_t f)
{
	const NetNode *a = tensor(net, x, 3, 0);
	NetNode *nd;

	if (!a)
		return NET_NONE;
	if (!f || !(nd = push(net, NET_UPSAMPLE2D, x)))
		return fail(net, NN_ERR_ARG);
	nd->k = f;
	nd->dims[1] *= f, nd->dims[2] *= f;
	return done(net, nd);
}

/* An element-wise or row-wise node of x's shape. */
static NetId same_shape(Net *net, NetOp op, NetId x)
{
	NetNode *nd;

	if (!tensor(net, x, 0, -1))
		return NET_NONE;
	if (!(nd = push(net, op, x)))
		return NET_NONE;
	return done(net, nd);
}

NetId net_act(Net *net, NetId x, Activation f)
{
	NetId id = same_shape(net, NET_ACT, x);

	if (id != NET_NONE)
		net->node[id].act = f;
	return id;
}

NetId net_softmax(Net *net, NetId x)
{
	return same_shape(net, NET_SOFTMAX, x);
}

NetId net_embed(Net *net, NetId ids, size_t vocab, size_t dim)
{
	const NetNode *a = arg(net, ids);
	NetNode *nd;

	if (!a)
		return NET_NONE;
	if (a->op != NET_IDS || a->rank == NET_MAX_RANK || !vocab || !dim ||
	    !(nd = push(net, NET_EMBED, ids)))
		return fail(net, NN_ERR_ARG);
	nd->out = vocab, nd->k = dim;
	nd->dims[nd->rank++] = dim;
	nd->p_len = vocab * dim;
	return done(net, nd);
}

NetId net_position(Net *net, NetId x)
{
	NetNode *nd;

	if (!tensor(net, x, 2, -1) || !(nd = push(net, NET_POSITION, x)))
		return NET_NONE;
	nd->p_len = nd->dims[0] * nd->dims[1];
	return done(net, nd);
}

NetId net_add(Net *net, NetId a, NetId b)
{
	const NetNode *p = arg(net, a), *q = arg(net, b);
	NetNode *nd;

	if (!p || !q)
		return NET_NONE;
	if (p->op == NET_IDS || q->op == NET_IDS || p->scalar != q->scalar ||
	    (!p->scalar && (p->rank != q->rank || p->time_major != q->time_major ||
	                    memcmp(p->dims, q->dims, p->rank * sizeof *p->dims))) ||
	    !(nd = push(net, NET_ADD, a)))
		return fail(net, NN_ERR_ARG);
	nd->in[1] = b;
	return done(net, nd);
}

NetId net_concat(Net *net, NetId a, NetId b, size_t axis)
{
	const NetNode *p = tensor(net, a, 0, -1), *q = tensor(net, b, 0, -1);
	NetNode *nd;
	size_t k;

	if (!p || !q)
		return NET_NONE;
	if (p->rank != q->rank || p->time_major != q->time_major || axis >= p->rank)
		return fail(net, NN_ERR_ARG);
	for (k = 0; k < p->rank; k++)
		if (k != axis && p->dims[k] != q->dims[k])
			return fail(net, NN_ERR_ARG);
	if (!(nd = push(net, NET_CONCAT, a)))
		return NET_NONE;
	nd->in[1] = b;
	nd->axis = axis;
	nd->dims[axis] += net->node[b].dims[axis];
	return done(net, nd);
}

NetId net_reshape(Net *net, NetId x, size_t rank, const size_t *dims)
{
	const NetNode *a = tensor(net, x, 0, 0);
	size_t k, size = 1, have = 1;
	NetNode *nd;

	if (!a)
		return NET_NONE;
	for (k = 0; k < a->rank; k++)
		have *= a->dims[k];
	for (k = 0; k < rank && k < NET_MAX_RANK; k++)
		size *= dims[k];
	if (!rank || rank > NET_MAX_RANK || size != have || !(nd = push(net, NET_RESHAPE, x)))
		return fail(net, NN_ERR_ARG);
	nd->rank = rank;
	memcpy(nd->dims, dims, rank * sizeof *dims);
	return done(net, nd);
}

static NetId recurrent(Net *net, NetOp op, NetId x, NetId h0, size_t hid)
{
	const NetNode *a = tensor(net, x, 2, 1), *h = NULL;
	size_t g = op == NET_RNN ? 1 : op == NET_GRU ? 3 : 4, in;
	NetNode *nd;

	if (!a || (h0 != NET_NONE && !(h = tensor(net, h0, 1, 0))))
		return NET_NONE;
	if (!hid || (h && h->dims[0] != hid))
		return fail(net, NN_ERR_ARG);
	in = a->dims[1];
	if (!(nd = push(net, op, x)))
		return NET_NONE;
	nd->in[1] = h0;
	nd->out = hid;
	nd->dims[1] = hid;
	nd->p_len = g * hid * in + g * hid * hid + (op == NET_GRU ? 2 : 1) * g * hid;
	return done(net, nd);
}

NetId net_rnn(Net *net, NetId x, NetId h0, size_t hid)
{
	return recurrent(net, NET_RNN, x, h0, hid);
}

NetId net_gru(Net *net, NetId x, NetId h0, size_t hid)
{
	return recurrent(net, NET_GRU, x, h0, hid);
}

NetId net_lstm(Net *net, NetId x, NetId h0, size_t hid)
{
	return recurrent(net, NET_LSTM, x, h0, hid);
}

NetId net_last_step(Net *net, NetId x)
{
	const NetNode *a = tensor(net, x, 0, 1);
	NetNode *nd;

	if (!a)
		return NET_NONE;
	if (a->rank < 2 || !(nd = push(net, NET_LAST_STEP, x)))
		return fail(net, NN_ERR_ARG);
	memmove(nd->dims, nd->dims + 1, (nd->rank - 1) * sizeof *nd->dims);
	nd->rank--;
	nd->time_major = 0;
	return done(net, nd);
}

NetId net_mha(Net *net, NetId x, size_t heads, int causal)
{
	const NetNode *a = tensor(net, x, 2, 0);
	NetNode *nd;

	if (!a)
		return NET_NONE;
	if (!heads || a->dims[1] % heads || !(nd = push(net, NET_MHA, x)))
		return fail(net, NN_ERR_ARG);
	nd->heads = heads;
	nd->causal = causal != 0;
	nd->p_len = 4 * nd->dims[1] * nd->dims[1];
	return done(net, nd);
}

NetId net_attend(Net *net, NetId q, NetId kv, NetId keep)
{
	const NetNode *a = tensor(net, q, 2, 1), *b = tensor(net, kv, 2, 1), *m = NULL;
	NetNode *nd;

	if (!a || !b || (keep != NET_NONE && !(m = arg(net, keep))))
		return NET_NONE;
	if (a->dims[1] != b->dims[1] ||
	    (m && (m->op != NET_IDS || !m->time_major || m->dims[0] != b->dims[0])) ||
	    !(nd = push(net, NET_ATTEND, q)))
		return fail(net, NN_ERR_ARG);
	nd->in[1] = kv;
	nd->in[2] = keep;
	return done(net, nd);
}

NetId net_layernorm(Net *net, NetId x, double eps)
{
	NetNode *nd;

	if (!tensor(net, x, 0, -1) || !(nd = push(net, NET_LAYERNORM, x)))
		return NET_NONE;
	nd->eps = eps;
	nd->p_len = 2 * nd->dims[nd->rank - 1];
	return done(net, nd);
}

NetId net_batchnorm(Net *net, NetId x, double eps, double momentum)
{
	NetNode *nd;

	if (!tensor(net, x, 0, 0) || !(nd = push(net, NET_BATCHNORM, x)))
		return NET_NONE;
	nd->eps = eps, nd->momentum = momentum;
	nd->p_len = nd->s_len = 2 * nd->dims[0];
	return done(net, nd);
}

NetId net_dropout(Net *net, NetId x, double p)
{
	NetId id;

	if (!(p >= 0 && p < 1))
		return net->status == NN_OK ? fail(net, NN_ERR_ARG) : NET_NONE;
	id = same_shape(net, NET_DROPOUT, x);
	if (id != NET_NONE)
		net->node[id].rate = p;
	return id;
}

/* A scalar loss of a and b. */
static NetNode *loss_node(Net *net, NetOp op, NetId a, NetId b)
{
	NetNode *nd = push(net, op, a);

	if (!nd)
		return NULL;
	nd->in[1] = b;
	nd->scalar = 1;
	nd->rank = 0;
	return nd;
}

NetId net_softmax_ce(Net *net, NetId logits, NetId classes)
{
	const NetNode *z = tensor(net, logits, 0, -1), *c = arg(net, classes);
	size_t rows, k, size = 1;
	NetNode *nd;

	if (!z || !c)
		return NET_NONE;
	for (k = 0; k < z->rank; k++)
		size *= z->dims[k];
	rows = size / z->dims[z->rank - 1];
	if (c->op != NET_IDS || c->dims[0] != rows || (rows > 1 && c->time_major != z->time_major))
		return fail(net, NN_ERR_ARG);
	if (!(nd = loss_node(net, NET_SOFTMAX_CE, logits, classes)))
		return NET_NONE;
	return done(net, nd);
}

static NetId pair_loss(Net *net, NetOp op, NetId y, NetId t)
{
	const NetNode *p = tensor(net, y, 0, -1), *q = tensor(net, t, 0, -1);
	NetNode *nd;

	if (!p || !q)
		return NET_NONE;
	if (p->rank != q->rank || p->time_major != q->time_major ||
	    memcmp(p->dims, q->dims, p->rank * sizeof *p->dims))
		return fail(net, NN_ERR_ARG);
	if (!(nd = loss_node(net, op, y, t)))
		return NET_NONE;
	return done(net, nd);
}

NetId net_mse(Net *net, NetId y, NetId target)
{
	return pair_loss(net, NET_MSE, y, target);
}

NetId net_bce(Net *net, NetId logits, NetId target)
{
	return pair_loss(net, NET_BCE, logits, target);
}

void net_track_grad(Net *net, NetId id)
{
	const NetNode *a = arg(net, id);

	if (a && a->op != NET_IDS)
		net->node[id].needs_grad = 1;
}

