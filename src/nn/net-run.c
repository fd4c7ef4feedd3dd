/* net-run.c: a net's forward pass (nodes in order) and backward pass (in reverse), each
 * node handed to its layer's function. libc and libm only; no allocation. */
#include <config.h>

#include <string.h>

#include "nn/attn.h"
#include "nn/conv.h"
#include "nn/dense.h"
#include "nn/dropout.h"
#include "nn/loss.h"
#include "nn/net.h"
#include "nn/norm.h"
#include "nn/recur.h"

/* The shapes of a node's layer for a batch of n. */
static Conv2dShape conv_shape(const NetNode *nd, const NetNode *x, size_t n)
{
	Conv2dShape s = {n, x->dims[0], x->dims[1], x->dims[2], nd->out, nd->k, nd->k,
	                 nd->stride, nd->pad};
	return s;
}

static Pool2dShape pool_shape(const NetNode *nd, const NetNode *x, size_t n)
{
	Pool2dShape s = {n, x->dims[0], x->dims[1], x->dims[2], nd->k, nd->stride};
	return s;
}

static RecurShape recur_shape(const NetNode *nd, const NetNode *x, size_t n)
{
	RecurShape s = {x->dims[0], n, x->dims[1], nd->out};
	return s;
}

static MhaShape mha_shape(const NetNode *nd, size_t n)
{
	MhaShape s = {n, nd->dims[0], nd->dims[1], nd->heads, nd->causal};
	return s;
}

static AttnShape attend_shape(const NetNode *nd, const NetNode *kv, size_t n)
{
	AttnShape s = {n, nd->dims[0], kv->dims[0], nd->dims[1], nd->dims[1], 0};
	return s;
}

static BatchNormShape bn_shape(const NetNode *nd, size_t n)
{
	BatchNormShape s = {n, nd->dims[0], nd->size / nd->dims[0], nd->eps, nd->momentum};
	return s;
}

/* The last dimension of a node, and its rows for n examples. */
static size_t last(const NetNode *nd)
{
	return nd->dims[nd->rank - 1];
}

static size_t rows(const NetNode *nd, size_t n)
{
	return n * nd->size / last(nd);
}

/* Concatenation: the values are `outer` runs of a's block then b's block. */
static void concat_split(size_t *outer, size_t *ba, size_t *bb, const NetNode *nd,
                         const NetNode *a, const NetNode *b, size_t n)
{
	size_t k, o = 1, inner = 1;

	for (k = 0; k < nd->axis; k++)
		o *= a->dims[k];
	for (k = nd->axis + 1; k < a->rank; k++)
		inner *= a->dims[k];
	/* batch-major: the batch is outermost; time-major: it follows dimension 0 */
	if (!a->time_major || nd->axis > 0)
		o *= n;
	else
		inner *= n;
	*outer = o;
	*ba = a->dims[nd->axis] * inner;
	*bb = b->dims[nd->axis] * inner;
}

/* y = x + p_t: batch-major (n, t, d) or time-major (t, n, d). */
static void position_forward(double *y, const double *x, const double *p, const NetNode *nd,
                             size_t n)
{
	size_t t = nd->dims[0], d = nd->dims[1], b, i, k;

	for (b = 0; b < n; b++)
		for (i = 0; i < t; i++) {
			size_t at = nd->time_major ? (i * n + b) * d : (b * t + i) * d;
			for (k = 0; k < d; k++)
				y[at + k] = x[at + k] + p[i * d + k];
		}
}

static void position_backward(double *dx, double *dp, const double *dy, const NetNode *nd,
                              size_t n)
{
	size_t t = nd->dims[0], d = nd->dims[1], b, i, k;

	for (b = 0; b < n; b++)
		for (i = 0; i < t; i++) {
			size_t at = nd->time_major ? (i * n + b) * d : (b * t + i) * d;
			for (k = 0; k < d; k++) {
				if (dx)
					dx[at + k] += dy[at + k];
				dp[i * d + k] += dy[at + k];
			}
		}
}

static void forward_node(Net *net, NetNode *nd, size_t n)
{
	const NetNode *x = nd->in[0] == NET_NONE ? NULL : &net->node[nd->in[0]];
	const NetNode *x2 = nd->in[1] == NET_NONE ? NULL : &net->node[nd->in[1]];
	double *p = net->params + nd->p_off, *y = nd->val;
	size_t cnt = n * nd->size, r, i;

	switch (nd->op) {
	case NET_INPUT:
	case NET_IDS:
	case NET_OP_COUNT:
		break;
	case NET_LINEAR: {
		size_t in = last(x);
		dense_forward(y, x->val, p, p + nd->out * in, rows(x, n), in, nd->out);
		break;
	}
	case NET_CONV2D: {
		Conv2dShape s = conv_shape(nd, x, n);
		conv2d_forward(y, x->val, p, p + nd->out * s.c * s.kh * s.kw, &s);
		break;
	}
	case NET_MAXPOOL2D: {
		Pool2dShape s = pool_shape(nd, x, n);
		maxpool2d_forward(y, x->val, &s);
		break;
	}
	case NET_AVGPOOL2D: {
		Pool2dShape s = pool_shape(nd, x, n);
		avgpool2d_forward(y, x->val, &s);
		break;
	}
	case NET_UPSAMPLE2D:
		upsample2d_forward(y, x->val, n, x->dims[0], x->dims[1], x->dims[2], nd->k);
		break;
	case NET_ACT:
		act_forward(y, x->val, cnt, nd->act);
		break;
	case NET_SOFTMAX:
		for (r = 0; r < rows(nd, n); r++)
			loss_softmax(y + r * last(nd), x->val + r * last(nd), last(nd));
		break;
	case NET_EMBED:
		embed_forward(y, p, x->ids, n * x->size, nd->k);
		break;
	case NET_POSITION:
		position_forward(y, x->val, p, nd, n);
		break;
	case NET_ADD:
		residual_forward(y, x->val, x2->val, net_count(net, nd->in[0], n));
		break;
	case NET_CONCAT: {
		size_t outer, ba, bb;
		concat_split(&outer, &ba, &bb, nd, x, x2, n);
		for (i = 0; i < outer; i++) {
			memcpy(y + i * (ba + bb), x->val + i * ba, ba * sizeof *y);
			memcpy(y + i * (ba + bb) + ba, x2->val + i * bb, bb * sizeof *y);
		}
		break;
	}
	case NET_RESHAPE:
		memcpy(y, x->val, cnt * sizeof *y);
		break;
	case NET_RNN:
	case NET_GRU:
	case NET_LSTM: {
		RecurShape s = recur_shape(nd, x, n);
		size_t g = nd->op == NET_RNN ? 1 : nd->op == NET_GRU ? 3 : 4, H = s.hid;
		const double *wh = p + g * H * s.in, *b = wh + g * H * H, *h0 = x2 ? x2->val : NULL;
		if (nd->op == NET_RNN)
			rnn_forward(y, nd->work, x->val, h0, p, wh, b, &s);
		else if (nd->op == NET_GRU)
			gru_forward(y, nd->work, x->val, h0, p, wh, b, b + 3 * H, &s);
		else
			lstm_forward(y, nd->work, x->val, h0, NULL, p, wh, b, &s);
		break;
	}
	case NET_LAST_STEP:
		memcpy(y, x->val + (x->dims[0] - 1) * cnt, cnt * sizeof *y);
		break;
	case NET_MHA: {
		MhaShape s = mha_shape(nd, n);
		size_t dd = s.d * s.d;
		mha_forward(y, nd->work, x->val, p, p + dd, p + 2 * dd, p + 3 * dd, &s);
		break;
	}
	case NET_ATTEND: {
		AttnShape s = attend_shape(nd, x2, n);
		const size_t *keep = nd->in[2] == NET_NONE ? NULL : net->node[nd->in[2]].ids;
		attention_seq_forward(y, nd->work, x->val, x2->val, x2->val, keep, &s);
		break;
	}
	case NET_LAYERNORM: {
		size_t m = rows(nd, n), d = last(nd);
		layernorm_forward(y, nd->work, nd->work + m, x->val, p, p + d, m, d, nd->eps);
		break;
	}
	case NET_BATCHNORM: {
		BatchNormShape s = bn_shape(nd, n);
		double *st = net->state + nd->s_off;
		if (net->training)
			batchnorm_forward(y, nd->work, nd->work + s.c, st, st + s.c, x->val, p, p + s.c,
			                  &s);
		else
			batchnorm_infer(y, st, st + s.c, x->val, p, p + s.c, &s);
		break;
	}
	case NET_DROPOUT:
		if (!net->training) {
			memcpy(y, x->val, cnt * sizeof *y);
			break;
		}
		if (!net->freeze_masks)
			dropout_mask(nd->work, cnt, nd->rate, &net->rng);
		dropout_forward(y, x->val, nd->work, cnt);
		break;
	case NET_SOFTMAX_CE:
		y[0] = loss_softmax_ce_forward(x->val, x2->ids, rows(x, n), last(x));
		break;
	case NET_MSE:
		y[0] = loss_forward(LOSS_MSE, x->val, x->val, x2->val, n * x->size, 1);
		break;
	case NET_BCE:
		y[0] = loss_forward(LOSS_BCE, x->val, NULL, x2->val, n * x->size, 1);
		break;
	}
}

void net_forward(Net *net, size_t n)
{
	size_t i;

	for (i = 0; i < net->n_nodes; i++)
		forward_node(net, &net->node[i], n);
}

/* The gradient buffer of input k of nd when it takes one, else NULL. */
static double *dgrad(const Net *net, const NetNode *nd, int k)
{
	const NetNode *a;

	if (nd->in[k] == NET_NONE)
		return NULL;
	a = &net->node[nd->in[k]];
	return a->needs_grad ? a->grad : NULL;
}

/* The scalar losses' backward with g = dL/dloss: MSE 2 (y - t)/m, BCE (s(z) - t)/m for y
 * (or z), and minus that for MSE's target, -z/m for BCE's. */
static void pair_loss_backward(double *dx, double *dt, const NetNode *nd, const NetNode *x,
                               const NetNode *t, size_t n)
{
	size_t m = n * x->size, i;
	double g = nd->grad[0] / (double)m;

	for (i = 0; i < m; i++) {
		double z = x->val[i], tv = t->val[i];
		if (nd->op == NET_MSE) {
			if (dx)
				dx[i] += g * 2 * (z - tv);
			if (dt)
				dt[i] -= g * 2 * (z - tv);
		} else {
			if (dx)
				dx[i] += g * (act_sigmoid(z) - tv);
			if (dt)
				dt[i] -= g * z;
		}
	}
}

static void backward_node(Net *net, NetNode *nd, size_t n)
{
	const NetNode *x = nd->in[0] == NET_NONE ? NULL : &net->node[nd->in[0]];
	const NetNode *x2 = nd->in[1] == NET_NONE ? NULL : &net->node[nd->in[1]];
	double *p = net->params + nd->p_off, *dp = net->grads + nd->p_off, *dy = nd->grad;
	double *dx = dgrad(net, nd, 0), *dx2 = dgrad(net, nd, 1);
	size_t cnt = n * nd->size, r, i, k;

	switch (nd->op) {
	case NET_INPUT:
	case NET_IDS:
	case NET_OP_COUNT:
		break;
	case NET_LINEAR: {
		size_t in = last(x);
		dense_backward(dx, dp, dp + nd->out * in, dy, x->val, p, rows(x, n), in, nd->out);
		break;
	}
	case NET_CONV2D: {
		Conv2dShape s = conv_shape(nd, x, n);
		conv2d_backward(dx, dp, dp + nd->out * s.c * s.kh * s.kw, dy, x->val, p, &s);
		break;
	}
	case NET_MAXPOOL2D:
	case NET_AVGPOOL2D: {
		Pool2dShape s = pool_shape(nd, x, n);
		if (dx && nd->op == NET_MAXPOOL2D)
			maxpool2d_backward(dx, dy, x->val, &s);
		else if (dx)
			avgpool2d_backward(dx, dy, &s);
		break;
	}
	case NET_UPSAMPLE2D:
		if (dx)
			upsample2d_backward(dx, dy, n, x->dims[0], x->dims[1], x->dims[2], nd->k);
		break;
	case NET_ACT:
		if (dx)
			act_backward(dx, dy, x->val, nd->val, cnt, nd->act);
		break;
	case NET_SOFTMAX:
		for (r = 0; dx && r < rows(nd, n); r++) {
			const double *pr = nd->val + r * last(nd), *dyr = dy + r * last(nd);
			double dot = 0.0;
			for (k = 0; k < last(nd); k++)
				dot += pr[k] * dyr[k];
			for (k = 0; k < last(nd); k++)
				dx[r * last(nd) + k] += pr[k] * (dyr[k] - dot);
		}
		break;
	case NET_EMBED:
		embed_backward(dp, dy, x->ids, n * x->size, nd->k);
		break;
	case NET_POSITION:
		position_backward(dx, dp, dy, nd, n);
		break;
	case NET_ADD:
		residual_backward(dx, dx2, dy, net_count(net, nd->in[0], n));
		break;
	case NET_CONCAT: {
		size_t outer, ba, bb;
		concat_split(&outer, &ba, &bb, nd, x, x2, n);
		for (i = 0; i < outer; i++) {
			if (dx)
				residual_backward(dx + i * ba, NULL, dy + i * (ba + bb), ba);
			if (dx2)
				residual_backward(dx2 + i * bb, NULL, dy + i * (ba + bb) + ba, bb);
		}
		break;
	}
	case NET_RESHAPE:
		if (dx)
			residual_backward(dx, NULL, dy, cnt);
		break;
	case NET_RNN:
	case NET_GRU:
	case NET_LSTM: {
		RecurShape s = recur_shape(nd, x, n);
		size_t g = nd->op == NET_RNN ? 1 : nd->op == NET_GRU ? 3 : 4, H = s.hid;
		size_t woff = g * H * s.in, boff = woff + g * H * H;
		const double *h0 = x2 ? x2->val : NULL;
		if (nd->op == NET_RNN)
			rnn_backward(dx, dx2, dp, dp + woff, dp + boff, dy, nd->val, nd->work, x->val,
			             h0, p, p + woff, &s);
		else if (nd->op == NET_GRU)
			gru_backward(dx, dx2, dp, dp + woff, dp + boff, dp + boff + 3 * H, dy, nd->val,
			             nd->work, x->val, h0, p, p + woff, &s);
		else
			lstm_backward(dx, dx2, NULL, dp, dp + woff, dp + boff, dy, nd->val, nd->work,
			              x->val, h0, NULL, p, p + woff, &s);
		break;
	}
	case NET_LAST_STEP:
		if (dx)
			residual_backward(dx + (x->dims[0] - 1) * cnt, NULL, dy, cnt);
		break;
	case NET_MHA: {
		MhaShape s = mha_shape(nd, n);
		size_t dd = s.d * s.d;
		mha_backward(dx, dp, dp + dd, dp + 2 * dd, dp + 3 * dd, dy, nd->work, x->val, p,
		             p + dd, p + 2 * dd, p + 3 * dd, &s);
		break;
	}
	case NET_ATTEND: {
		AttnShape s = attend_shape(nd, x2, n);
		attention_seq_backward(dx, dx2, dx2, dy, nd->work, x->val, x2->val, x2->val, &s);
		break;
	}
	case NET_LAYERNORM: {
		size_t m = rows(nd, n), d = last(nd);
		layernorm_backward(dx, dp, dp + d, dy, nd->work, nd->work + m, x->val, p, m, d);
		break;
	}
	case NET_BATCHNORM: {
		BatchNormShape s = bn_shape(nd, n);
		double *st = net->state + nd->s_off;
		if (net->training)
			batchnorm_backward(dx, dp, dp + s.c, dy, nd->work, nd->work + s.c, x->val, p,
			                   &s);
		else
			batchnorm_infer_backward(dx, dp, dp + s.c, dy, st, st + s.c, x->val, p, &s);
		break;
	}
	case NET_DROPOUT:
		if (dx && net->training)
			dropout_backward(dx, dy, nd->work, cnt);
		else if (dx)
			residual_backward(dx, NULL, dy, cnt);
		break;
	case NET_SOFTMAX_CE:
		if (dx)
			loss_softmax_ce_backward(dx, dy[0], x->val, x2->ids, rows(x, n), last(x));
		break;
	case NET_MSE:
	case NET_BCE:
		pair_loss_backward(dx, dx2, nd, x, x2, n);
		break;
	}
}

void net_backward(Net *net, size_t n, NetId from, const double *dy)
{
	size_t i, cnt = net_count(net, from, n);
	NetNode *top = &net->node[from];

	if (!top->needs_grad)
		return; /* nothing upstream learns or asked for a gradient */
	for (i = 0; i <= from; i++) {
		NetNode *nd = &net->node[i];
		if (nd->needs_grad && nd->grad)
			memset(nd->grad, 0, net_count(net, i, n) * sizeof *nd->grad);
	}
	for (i = 0; i < cnt; i++)
		top->grad[i] = dy ? dy[i] : 1.0;
	for (i = from + 1; i-- > 0;)
		if (net->node[i].needs_grad)
			backward_node(net, &net->node[i], n);
}
