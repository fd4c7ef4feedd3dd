/* net-finish.c: a built net's one allocation, its default initialization and the
 * accessors. libc and libm only. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/attn.h"
#include "nn/net.h"
#include "nn/recur.h"

/* Workspace doubles of a node for batches of cap. */
static size_t work_len(const NetNode *nd, const Net *net, size_t cap)
{
	const NetNode *x = nd->in[0] == NET_NONE ? NULL : &net->node[nd->in[0]];
	RecurShape rs;
	MhaShape ms;

	switch (nd->op) {
	case NET_RNN:
	case NET_GRU:
	case NET_LSTM:
		rs = (RecurShape){x->dims[0], cap, x->dims[1], nd->out};
		return nd->op == NET_RNN   ? rnn_work_size(&rs)
		       : nd->op == NET_GRU ? gru_work_size(&rs)
		                           : lstm_work_size(&rs);
	case NET_MHA:
		ms = (MhaShape){cap, nd->dims[0], nd->dims[1], nd->heads, nd->causal};
		return mha_work_size(&ms);
	case NET_ATTEND:
		return cap * nd->dims[0] * net->node[nd->in[1]].dims[0];
	case NET_LAYERNORM:
		return 2 * cap * nd->size / nd->dims[nd->rank - 1];
	case NET_BATCHNORM:
		return 2 * nd->dims[0];
	case NET_DROPOUT:
		return cap * nd->size;
	default:
		return 0;
	}
}

NnStatus net_finish(Net *net, size_t cap)
{
	size_t i, total, n_ids = 0;
	double *p;
	size_t *q;

	if (net->status != NN_OK)
		return net->status;
	if (!cap || net->buf)
		return net->status = NN_ERR_ARG;
	net->cap = cap;
	total = 2 * net->n_params + net->n_state;
	for (i = 0; i < net->n_nodes; i++) {
		NetNode *nd = &net->node[i];
		size_t k;
		for (k = 0; k < 3; k++)
			if (nd->in[k] != NET_NONE && net->node[nd->in[k]].needs_grad)
				nd->needs_grad = 1;
		if (nd->p_len)
			nd->needs_grad = 1;
		nd->w_len = work_len(nd, net, cap);
		if (nd->op == NET_IDS)
			n_ids += cap * nd->size;
		else
			total += 2 * (nd->scalar ? 1 : cap * nd->size);
		total += nd->w_len;
	}
	net->buf = calloc(total ? total : 1, sizeof *net->buf);
	net->idbuf = calloc(n_ids ? n_ids : 1, sizeof *net->idbuf);
	if (!net->buf || !net->idbuf) {
		free(net->buf), free(net->idbuf);
		net->buf = NULL, net->idbuf = NULL;
		return net->status = NN_ERR_NOMEM;
	}
	net->params = net->buf;
	net->grads = net->params + net->n_params;
	net->state = net->grads + net->n_params;
	p = net->state + net->n_state;
	q = net->idbuf;
	for (i = 0; i < net->n_nodes; i++) {
		NetNode *nd = &net->node[i];
		size_t len = nd->scalar ? 1 : cap * nd->size;
		if (nd->op == NET_IDS) {
			nd->ids = q;
			q += len;
		} else {
			nd->val = p, nd->grad = p + len;
			p += 2 * len;
		}
		nd->work = p;
		p += nd->w_len;
		if (nd->op == NET_BATCHNORM) /* running variance starts at 1 */
			for (size_t k = 0; k < nd->dims[0]; k++)
				net->state[nd->s_off + nd->dims[0] + k] = 1.0;
	}
	return NN_OK;
}

/* n values uniform in [-a, a) or, with a = 0, normal N(0, 1). */
static void draw(double *v, size_t n, double a, Rng *r)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = a > 0 ? rng_range(r, -a, a) : rng_normal(r, 0.0, 1.0);
}

void net_init_params(Net *net, Rng *r)
{
	size_t i, k;

	for (i = 0; i < net->n_nodes; i++) {
		NetNode *nd = &net->node[i];
		const NetNode *x = nd->in[0] == NET_NONE ? NULL : &net->node[nd->in[0]];
		double *p = net->params + nd->p_off, *s = net->state + nd->s_off;
		size_t d = nd->rank ? nd->dims[nd->rank - 1] : 0;
		switch (nd->op) {
		case NET_LINEAR:
			draw(p, nd->p_len, 1 / sqrt((double)x->dims[x->rank - 1]), r);
			break;
		case NET_CONV2D:
			draw(p, nd->p_len, 1 / sqrt((double)(x->dims[0] * nd->k * nd->k)), r);
			break;
		case NET_RNN:
		case NET_GRU:
		case NET_LSTM:
			draw(p, nd->p_len, 1 / sqrt((double)nd->out), r);
			break;
		case NET_EMBED:
		case NET_POSITION:
			draw(p, nd->p_len, 0, r);
			break;
		case NET_MHA:
			draw(p, 3 * d * d, sqrt(6.0 / (4.0 * (double)d)), r);
			draw(p + 3 * d * d, d * d, 1 / sqrt((double)d), r);
			break;
		case NET_LAYERNORM:
		case NET_BATCHNORM:
			for (k = 0; k < nd->p_len; k++)
				p[k] = k < nd->p_len / 2 ? 1.0 : 0.0;
			for (k = 0; k < nd->s_len; k++)
				s[k] = k < nd->s_len / 2 ? 0.0 : 1.0;
			break;
		default:
			break;
		}
	}
}

double *net_value(const Net *net, NetId id)
{
	return net->node[id].val;
}

size_t *net_ids_of(const Net *net, NetId id)
{
	return net->node[id].ids;
}

double *net_grad(const Net *net, NetId id)
{
	return net->node[id].needs_grad ? net->node[id].grad : NULL;
}

size_t net_count(const Net *net, NetId id, size_t n)
{
	return net->node[id].scalar ? 1 : n * net->node[id].size;
}

double *net_params_of(const Net *net, NetId id)
{
	return net->params + net->node[id].p_off;
}

double *net_param_grads(const Net *net, NetId id)
{
	return net->grads + net->node[id].p_off;
}

const double *net_attention(const Net *net, NetId id, size_t n)
{
	const NetNode *nd = &net->node[id];
	MhaShape s = {n, nd->dims[0], nd->dims[1], nd->heads, nd->causal};

	return nd->op == NET_ATTEND ? nd->work : mha_weights(nd->work, &s);
}

void net_zero_grad(Net *net)
{
	memset(net->grads, 0, net->n_params * sizeof *net->grads);
}
