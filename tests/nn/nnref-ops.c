/* nnref-ops.c: the reference runner's ops: each reads its inputs and parameters from a
 * case, checks their shapes, runs the library's forward and backward. Math library, libc. */
#include <config.h>

#include <string.h>

#include "nn/attn.h"
#include "nn/conv.h"
#include "nn/dense.h"
#include "nn/loss.h"
#include "nn/norm.h"
#include "nn/recur.h"
#include "nnref.h"

/* torch.nn.Linear: x (..., in), any number of leading dimensions. */
static int op_linear(RefCase *c)
{
	RefTensor *x = ref_in(c, "x", -1), *w = ref_in(c, "w", 2), *b = ref_opt_in(c, "b", 1);
	size_t n, in, out, dims[REF_MAX_RANK];
	double *y;
	const double *dy;

	if (!x || !w || ref_rank(c, x, 1, REF_MAX_RANK))
		return -1;
	in = x->dims[x->rank - 1], out = w->dims[0], n = x->count / in;
	if (ref_dim(c, w, 1, in) || (b && ref_dim(c, b, 0, out)))
		return -1;
	memcpy(dims, x->dims, sizeof dims);
	dims[x->rank - 1] = out;
	if (!(y = ref_out(c, x->rank, dims)))
		return -1;
	dense_forward(y, x->v, w->v, b ? b->v : NULL, n, in, out);
	if (!(dy = ref_seed(c)))
		return -1;
	dense_backward(ref_grad(c, x), ref_grad(c, w), ref_grad(c, b), dy, x->v, w->v, n, in, out);
	return 0;
}

/* An image input (n, c, h, w), or (c, h, w) unbatched (n = 1) as torch allows; the
 * batch and the three dimensions. */
static RefTensor *image(RefCase *c, size_t *n, const size_t **chw)
{
	RefTensor *x = ref_in(c, "x", -1);

	if (!x || ref_rank(c, x, 3, 4))
		return NULL;
	*n = x->rank == 4 ? x->dims[0] : 1;
	*chw = x->dims + (x->rank - 3);
	return x;
}

/* The output image (n, ch, h, w), unbatched when x is. */
static double *image_out(RefCase *c, const RefTensor *x, size_t n, size_t ch, size_t h,
                         size_t w)
{
	size_t dims[4] = {n, ch, h, w};

	return x->rank == 4 ? ref_out(c, 4, dims) : ref_out(c, 3, dims + 1);
}

static int op_conv2d(RefCase *c)
{
	Conv2dShape s;
	const size_t *d;
	RefTensor *x = image(c, &s.n, &d), *w = ref_in(c, "w", 4), *b = ref_opt_in(c, "b", 1);
	double *y;
	const double *dy;

	if (!x || !w)
		return -1;
	s.c = d[0], s.h = d[1], s.w = d[2];
	s.o = w->dims[0], s.kh = w->dims[2], s.kw = w->dims[3];
	s.stride = ref_int(c, "stride", 1, 1, 0);
	s.pad = ref_int(c, "padding", 0, 0, 0);
	if (ref_dim(c, w, 1, s.c) || (b && ref_dim(c, b, 0, s.o)) || c->err[0])
		return -1;
	if (!conv2d_valid(&s))
		return ref_fail(c, w->line, "kernel %zux%zu larger than the padded input %zux%zu",
		                s.kh, s.kw, s.h + 2 * s.pad, s.w + 2 * s.pad);
	if (!(y = image_out(c, x, s.n, s.o, conv2d_out_h(&s), conv2d_out_w(&s))))
		return -1;
	conv2d_forward(y, x->v, w->v, b ? b->v : NULL, &s);
	if (!(dy = ref_seed(c)))
		return -1;
	conv2d_backward(ref_grad(c, x), ref_grad(c, w), ref_grad(c, b), dy, x->v, w->v, &s);
	return 0;
}

/* The pool shape of a case's x and kernel, stride; -1 with an error when unusable. */
static int pool_shape(RefCase *c, Pool2dShape *s, RefTensor **x)
{
	const size_t *d;

	if (!(*x = image(c, &s->n, &d)))
		return -1;
	s->c = d[0], s->h = d[1], s->w = d[2];
	s->k = ref_int(c, "kernel", 0, 1, 1);
	s->stride = ref_int(c, "stride", s->k, 1, 0);
	if (c->err[0])
		return -1;
	if (!pool2d_valid(s))
		return ref_fail(c, 0, "kernel %zu larger than the input %zux%zu", s->k, s->h, s->w);
	return 0;
}

static int op_pool(RefCase *c, int max)
{
	Pool2dShape s;
	RefTensor *x;
	double *y;
	const double *dy;

	if (pool_shape(c, &s, &x))
		return -1;
	if (!(y = image_out(c, x, s.n, s.c, pool2d_out_h(&s), pool2d_out_w(&s))))
		return -1;
	if (max)
		maxpool2d_forward(y, x->v, &s);
	else
		avgpool2d_forward(y, x->v, &s);
	if (!(dy = ref_seed(c)))
		return -1;
	if (max)
		maxpool2d_backward(ref_grad(c, x), dy, x->v, &s);
	else
		avgpool2d_backward(ref_grad(c, x), dy, &s);
	return 0;
}

static int op_maxpool2d(RefCase *c)
{
	return op_pool(c, 1);
}

static int op_avgpool2d(RefCase *c)
{
	return op_pool(c, 0);
}

static int op_upsample2d(RefCase *c)
{
	RefTensor *x = ref_in(c, "x", 4);
	size_t f = ref_int(c, "scale", 1, 1, 1), *d;
	double *y;
	const double *dy;

	if (!x || c->err[0])
		return -1;
	d = x->dims;
	if (!(y = ref_out(c, 4, (size_t[]){d[0], d[1], f * d[2], f * d[3]})))
		return -1;
	upsample2d_forward(y, x->v, d[0], d[1], d[2], d[3], f);
	if (!(dy = ref_seed(c)))
		return -1;
	upsample2d_backward(ref_grad(c, x), dy, d[0], d[1], d[2], d[3], f);
	return 0;
}

/* The shape of a recurrent case whose weights have `gates` blocks of rows: x (t, n, in),
 * or (t, in) unbatched as torch allows (n = 1). */
static int recur_shape(RefCase *c, RecurShape *s, size_t gates, RefTensor **x, RefTensor **wx,
                       RefTensor **wh)
{
	*x = ref_in(c, "x", -1), *wx = ref_in(c, "wx", 2), *wh = ref_in(c, "wh", 2);
	if (!*x || !*wx || !*wh || ref_rank(c, *x, 2, 3))
		return -1;
	s->t = (*x)->dims[0], s->n = (*x)->rank == 3 ? (*x)->dims[1] : 1;
	s->in = (*x)->dims[(*x)->rank - 1];
	s->hid = (*wh)->dims[1];
	return ref_dim(c, *wx, 0, gates * s->hid) || ref_dim(c, *wx, 1, s->in) ||
	               ref_dim(c, *wh, 0, gates * s->hid)
	           ? -1
	           : 0;
}

/* Checks an optional state input: (n, hid), or (hid) when x is unbatched. */
static int state_shape(RefCase *c, RefTensor *t, const RefTensor *x, const RecurShape *s)
{
	if (!t)
		return 0;
	if (ref_rank(c, t, x->rank - 1, x->rank - 1))
		return -1;
	if (x->rank == 3 && ref_dim(c, t, 0, s->n))
		return -1;
	return ref_dim(c, t, t->rank - 1, s->hid);
}

/* The output (t, n, hid), or (t, hid) when x is unbatched. */
static double *recur_out(RefCase *c, const RefTensor *x, const RecurShape *s)
{
	size_t dims[3] = {s->t, s->n, s->hid}, two[2] = {s->t, s->hid};

	return x->rank == 3 ? ref_out(c, 3, dims) : ref_out(c, 2, two);
}

static const double *val(const RefTensor *t)
{
	return t ? t->v : NULL;
}

static int op_rnn(RefCase *c)
{
	RefTensor *x, *wx, *wh, *h0 = ref_opt_in(c, "h0", -1), *b = ref_in(c, "b", 1);
	RecurShape s;
	double *y, *work;
	const double *dy;

	if (recur_shape(c, &s, 1, &x, &wx, &wh) || !b || state_shape(c, h0, x, &s) ||
	    ref_dim(c, b, 0, s.hid))
		return -1;
	if (!(y = recur_out(c, x, &s)) ||
	    !(work = ref_scratch(c, rnn_work_size(&s), sizeof *work)))
		return -1;
	rnn_forward(y, work, x->v, val(h0), wx->v, wh->v, b->v, &s);
	if (!(dy = ref_seed(c)))
		return -1;
	rnn_backward(ref_grad(c, x), ref_grad(c, h0), ref_grad(c, wx), ref_grad(c, wh),
	             ref_grad(c, b), dy, y, work, x->v, val(h0), wx->v, wh->v, &s);
	return 0;
}

static int op_gru(RefCase *c)
{
	RefTensor *x, *wx, *wh, *h0 = ref_opt_in(c, "h0", -1);
	RefTensor *bx = ref_in(c, "bx", 1), *bh = ref_in(c, "bh", 1);
	RecurShape s;
	double *y, *work;
	const double *dy;

	if (recur_shape(c, &s, 3, &x, &wx, &wh) || !bx || !bh || state_shape(c, h0, x, &s) ||
	    ref_dim(c, bx, 0, 3 * s.hid) || ref_dim(c, bh, 0, 3 * s.hid))
		return -1;
	if (!(y = recur_out(c, x, &s)) ||
	    !(work = ref_scratch(c, gru_work_size(&s), sizeof *work)))
		return -1;
	gru_forward(y, work, x->v, val(h0), wx->v, wh->v, bx->v, bh->v, &s);
	if (!(dy = ref_seed(c)))
		return -1;
	gru_backward(ref_grad(c, x), ref_grad(c, h0), ref_grad(c, wx), ref_grad(c, wh),
	             ref_grad(c, bx), ref_grad(c, bh), dy, y, work, x->v, val(h0), wx->v, wh->v,
	             &s);
	return 0;
}

static int op_lstm(RefCase *c)
{
	RefTensor *x, *wx, *wh, *h0 = ref_opt_in(c, "h0", -1), *c0 = ref_opt_in(c, "c0", -1);
	RefTensor *b = ref_in(c, "b", 1);
	RecurShape s;
	double *y, *work;
	const double *dy;

	if (recur_shape(c, &s, 4, &x, &wx, &wh) || !b || state_shape(c, h0, x, &s) ||
	    state_shape(c, c0, x, &s) || ref_dim(c, b, 0, 4 * s.hid))
		return -1;
	if (!(y = recur_out(c, x, &s)) ||
	    !(work = ref_scratch(c, lstm_work_size(&s), sizeof *work)))
		return -1;
	lstm_forward(y, work, x->v, val(h0), val(c0), wx->v, wh->v, b->v, &s);
	if (!(dy = ref_seed(c)))
		return -1;
	lstm_backward(ref_grad(c, x), ref_grad(c, h0), ref_grad(c, c0), ref_grad(c, wx),
	              ref_grad(c, wh), ref_grad(c, b), dy, y, work, x->v, val(h0), val(c0), wx->v,
	              wh->v, &s);
	return 0;
}

/* q (..., tq, d), k (..., tk, d), v (..., tk, dv): any number of leading (batch)
 * dimensions, the same for all three (torch's scaled_dot_product_attention). */
static int op_attention(RefCase *c)
{
	RefTensor *q = ref_in(c, "q", -1), *k = ref_in(c, "k", -1), *v = ref_in(c, "v", -1);
	size_t causal = ref_int(c, "causal", 0, 0, 0), r, i, dims[REF_MAX_RANK];
	AttnShape s;
	double *y, *p;
	const double *dy;

	if (!q || !k || !v || c->err[0] || ref_rank(c, q, 2, REF_MAX_RANK) ||
	    ref_rank(c, k, q->rank, q->rank) || ref_rank(c, v, q->rank, q->rank))
		return -1;
	if (causal > 1)
		return ref_fail(c, 0, "causal must be 0 or 1, not %zu", causal);
	r = q->rank;
	s.causal = (int)causal;
	s.n = 1;
	for (i = 0; i + 2 < r; i++) {
		if (ref_dim(c, k, i, q->dims[i]) || ref_dim(c, v, i, q->dims[i]))
			return -1;
		s.n *= q->dims[i];
	}
	s.tq = q->dims[r - 2], s.d = q->dims[r - 1], s.tk = k->dims[r - 2], s.dv = v->dims[r - 1];
	if (ref_dim(c, k, r - 1, s.d) || ref_dim(c, v, r - 2, s.tk))
		return -1;
	memcpy(dims, q->dims, sizeof dims);
	dims[r - 1] = s.dv;
	if (!(y = ref_out(c, r, dims)) || !(p = ref_scratch(c, s.n * s.tq * s.tk, sizeof *p)))
		return -1;
	attention_forward(y, p, q->v, k->v, v->v, &s);
	if (!(dy = ref_seed(c)))
		return -1;
	attention_backward(ref_grad(c, q), ref_grad(c, k), ref_grad(c, v), dy, p, q->v, k->v, v->v,
	                   &s);
	return 0;
}

static int op_mha(RefCase *c)
{
	RefTensor *x = ref_in(c, "x", -1), *w[4];
	static const char *const names[4] = {"wq", "wk", "wv", "wo"};
	MhaShape s;
	size_t causal;
	double *y, *work;
	const double *dy;
	int i;

	for (i = 0; i < 4; i++)
		w[i] = ref_in(c, names[i], 2);
	s.heads = ref_int(c, "heads", 1, 1, 1);
	causal = ref_int(c, "causal", 0, 0, 0);
	if (!x || !w[0] || !w[1] || !w[2] || !w[3] || c->err[0] || ref_rank(c, x, 2, 3))
		return -1;
	if (causal > 1)
		return ref_fail(c, 0, "causal must be 0 or 1, not %zu", causal);
	s.causal = (int)causal;
	/* (n, t, d), or (t, d) unbatched */
	s.n = x->rank == 3 ? x->dims[0] : 1;
	s.t = x->dims[x->rank - 2], s.d = x->dims[x->rank - 1];
	for (i = 0; i < 4; i++)
		if (ref_dim(c, w[i], 0, s.d) || ref_dim(c, w[i], 1, s.d))
			return -1;
	if (s.d % s.heads)
		return ref_fail(c, 0, "%zu heads do not divide the width %zu", s.heads, s.d);
	if (!(y = ref_out(c, x->rank, x->dims)) ||
	    !(work = ref_scratch(c, mha_work_size(&s), sizeof *work)))
		return -1;
	mha_forward(y, work, x->v, w[0]->v, w[1]->v, w[2]->v, w[3]->v, &s);
	if (!(dy = ref_seed(c)))
		return -1;
	mha_backward(ref_grad(c, x), ref_grad(c, w[0]), ref_grad(c, w[1]), ref_grad(c, w[2]),
	             ref_grad(c, w[3]), dy, work, x->v, w[0]->v, w[1]->v, w[2]->v, w[3]->v, &s);
	return 0;
}

/* layernorm over the last dimension of x (any rank >= 1); batchnorm over dimension 1
 * of x (n,c,...), the rest being positions (BatchNorm1d or 2d). */
static int op_norm(RefCase *c, int batch)
{
	RefTensor *x = ref_in(c, "x", -1), *g = ref_in(c, "g", 1), *b = ref_in(c, "b", 1);
	double eps = ref_real(c, "eps", 1e-5), *y, *mean, *rstd;
	BatchNormShape s = {0, 0, 1, eps, 0.1};
	const double *dy;
	size_t k, d;

	if (!x || !g || !b || c->err[0])
		return -1;
	if (x->rank < (batch ? 2u : 1u))
		return ref_fail(c, x->line, "x needs at least %d dimensions", batch ? 2 : 1);
	d = batch ? x->dims[1] : x->dims[x->rank - 1];
	if (ref_dim(c, g, 0, d) || ref_dim(c, b, 0, d))
		return -1;
	s.n = x->dims[0], s.c = d;
	for (k = 2; k < x->rank; k++)
		s.s *= x->dims[k];
	if (!(y = ref_out(c, x->rank, x->dims)) || !(mean = ref_scratch(c, x->count, sizeof *mean)) ||
	    !(rstd = ref_scratch(c, x->count, sizeof *rstd)))
		return -1;
	if (batch)
		batchnorm_forward(y, mean, rstd, NULL, NULL, x->v, g->v, b->v, &s);
	else
		layernorm_forward(y, mean, rstd, x->v, g->v, b->v, x->count / d, d, eps);
	if (!(dy = ref_seed(c)))
		return -1;
	if (batch)
		batchnorm_backward(ref_grad(c, x), ref_grad(c, g), ref_grad(c, b), dy, mean, rstd,
		                   x->v, g->v, &s);
	else
		layernorm_backward(ref_grad(c, x), ref_grad(c, g), ref_grad(c, b), dy, mean, rstd,
		                   x->v, g->v, x->count / d, d);
	return 0;
}

static int op_layernorm(RefCase *c)
{
	return op_norm(c, 0);
}

static int op_batchnorm(RefCase *c)
{
	return op_norm(c, 1);
}

/* z (n, k) with c (n), or z (k) with a scalar c (torch's cross_entropy, mean). */
static int op_softmax_ce(RefCase *c)
{
	RefTensor *z = ref_in(c, "z", -1), *cls = ref_in(c, "c", -1);
	size_t *idx, n, k;
	double *y;
	const double *dy;

	if (!z || !cls || ref_rank(c, z, 1, 2) || ref_rank(c, cls, z->rank - 1, z->rank - 1) ||
	    (z->rank == 2 && ref_dim(c, cls, 0, z->dims[0])))
		return -1;
	n = z->rank == 2 ? z->dims[0] : 1, k = z->dims[z->rank - 1];
	if (!(idx = ref_scratch(c, cls->count, sizeof *idx)) || ref_indices(c, cls, idx, k) ||
	    !(y = ref_out(c, 0, NULL)))
		return -1;
	y[0] = loss_softmax_ce_forward(z->v, idx, n, k);
	if (!(dy = ref_seed(c)))
		return -1;
	loss_softmax_ce_backward(ref_grad(c, z), dy[0], z->v, idx, n, k);
	return 0;
}

static const char *const no_keys[] = {NULL};
static const char *const conv_keys[] = {"stride", "padding", NULL};
static const char *const pool_keys[] = {"kernel", "stride", NULL};
static const char *const scale_keys[] = {"scale", NULL};
static const char *const causal_keys[] = {"causal", NULL};
static const char *const mha_keys[] = {"heads", "causal", NULL};
static const char *const eps_keys[] = {"eps", NULL};

static const RefOp ops[] = {
    {.name = "linear", .keys = no_keys, .run = op_linear},
    {.name = "conv2d", .keys = conv_keys, .run = op_conv2d},
    {.name = "maxpool2d", .keys = pool_keys, .run = op_maxpool2d},
    {.name = "avgpool2d", .keys = pool_keys, .run = op_avgpool2d},
    {.name = "upsample2d", .keys = scale_keys, .run = op_upsample2d},
    {.name = "rnn", .keys = no_keys, .run = op_rnn},
    {.name = "gru", .keys = no_keys, .run = op_gru},
    {.name = "lstm", .keys = no_keys, .run = op_lstm},
    {.name = "attention", .keys = causal_keys, .run = op_attention},
    {.name = "mha", .keys = mha_keys, .run = op_mha},
    {.name = "layernorm", .keys = eps_keys, .run = op_layernorm},
    {.name = "batchnorm", .keys = eps_keys, .run = op_batchnorm},
    {.name = "softmax_ce", .keys = no_keys, .run = op_softmax_ce},
};

const RefOp *ref_find_op(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strcmp(ops[i].name, name) == 0)
			return &ops[i];
	return NULL;
}
