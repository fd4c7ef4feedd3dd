/* demo.c: the demo models as sequences of net_* calls.
 * libc and libm only; errors stay in the net's status (net_finish reports them). */
#include <config.h>

#include "nn/demo.h"

static void none(DemoModel *m)
{
	m->x = m->x2 = m->target = m->out = m->loss = m->attn = m->code = NET_NONE;
}

void demo_cnn(Net *net, DemoModel *m, size_t size, size_t ch, size_t classes)
{
	size_t dims[3] = {1, size, size}, flat[1] = {ch * (size / 2) * (size / 2)};
	NetId h;

	none(m);
	m->x = net_input(net, 3, dims);
	h = net_act(net, net_conv2d(net, m->x, ch, 3, 1, 1), ACT_RELU);
	h = net_reshape(net, net_maxpool2d(net, h, 2, 2), 1, flat);
	m->out = net_linear(net, h, classes);
	m->target = net_ids(net, 1, 0);
	m->loss = net_softmax_ce(net, m->out, m->target);
}

/* The encoder-decoder with or without attention (demo.h). */
static void seq2seq(Net *net, DemoModel *m, size_t ts, size_t tt, size_t vs, size_t vt,
                    size_t emb, size_t hid, int attend)
{
	NetId enc, dec;

	none(m);
	m->x = net_ids(net, ts, 1);
	enc = net_gru(net, net_embed(net, m->x, vs, emb), NET_NONE, hid);
	m->code = net_last_step(net, enc);
	m->x2 = net_ids(net, tt, 1);
	dec = net_gru(net, net_embed(net, m->x2, vt, emb), m->code, hid);
	if (attend) {
		m->attn = net_attend(net, dec, enc, m->x);
		dec = net_concat(net, dec, m->attn, 1);
	}
	m->out = net_linear(net, dec, vt);
	m->target = net_ids(net, tt, 1);
	m->loss = net_softmax_ce(net, m->out, m->target);
}

void demo_seq2seq(Net *net, DemoModel *m, size_t ts, size_t tt, size_t vs, size_t vt,
                  size_t emb, size_t hid)
{
	seq2seq(net, m, ts, tt, vs, vt, emb, hid, 0);
}

void demo_seq2seq_attn(Net *net, DemoModel *m, size_t ts, size_t tt, size_t vs, size_t vt,
                       size_t emb, size_t hid)
{
	seq2seq(net, m, ts, tt, vs, vt, emb, hid, 1);
}

void demo_transformer(Net *net, DemoModel *m, size_t t, size_t v, size_t d, size_t heads,
                      size_t ff, int causal)
{
	NetId x, y, f;

	none(m);
	m->x = net_ids(net, t, 0);
	x = net_position(net, net_embed(net, m->x, v, d));
	m->attn = net_mha(net, x, heads, causal);
	y = net_layernorm(net, net_add(net, x, m->attn), 1e-5);
	f = net_linear(net, net_act(net, net_linear(net, y, ff), ACT_RELU), d);
	y = net_layernorm(net, net_add(net, y, f), 1e-5);
	m->out = net_linear(net, y, v);
	m->target = net_ids(net, t, 0);
	m->loss = net_softmax_ce(net, m->out, m->target);
}

/* The U-Net with or without its skip (demo.h). */
static void unet(Net *net, DemoModel *m, size_t size, size_t c, int skip)
{
	size_t dims[3] = {1, size, size};
	NetId e, b, u;

	none(m);
	m->x = net_input(net, 3, dims);
	e = net_act(net, net_conv2d(net, m->x, c, 3, 1, 1), ACT_RELU);
	b = net_act(net, net_conv2d(net, net_maxpool2d(net, e, 2, 2), 2 * c, 3, 1, 1), ACT_RELU);
	u = net_upsample2d(net, b, 2);
	if (skip)
		u = net_concat(net, u, e, 0);
	u = net_act(net, net_conv2d(net, u, c, 3, 1, 1), ACT_RELU);
	m->out = net_conv2d(net, u, 1, 1, 1, 0);
	m->target = net_input(net, 3, dims);
	m->loss = net_mse(net, m->out, m->target);
}

void demo_unet(Net *net, DemoModel *m, size_t size, size_t c)
{
	unet(net, m, size, c, 1);
}

void demo_unet_noskip(Net *net, DemoModel *m, size_t size, size_t c)
{
	unet(net, m, size, c, 0);
}

void demo_autoencoder(Net *net, DemoModel *m, size_t n, size_t hidden, size_t code)
{
	NetId h;

	none(m);
	m->x = net_input(net, 1, &n);
	h = net_act(net, net_linear(net, m->x, hidden), ACT_RELU);
	h = net_linear(net, h, code);
	h = net_act(net, net_linear(net, h, hidden), ACT_RELU);
	m->out = net_act(net, net_linear(net, h, n), ACT_SIGMOID);
	m->target = m->x;
	m->loss = net_mse(net, m->out, m->x);
}

void demo_generator(Net *net, DemoModel *m, size_t z, size_t hidden, size_t n)
{
	NetId h;

	none(m);
	m->x = net_input(net, 1, &z);
	h = net_act(net, net_linear(net, m->x, hidden), ACT_RELU);
	h = net_act(net, net_linear(net, h, hidden), ACT_RELU);
	m->out = net_linear(net, h, n);
}

void demo_discriminator(Net *net, DemoModel *m, size_t n, size_t hidden)
{
	size_t one = 1;
	NetId h;

	none(m);
	m->x = net_input(net, 1, &n);
	net_track_grad(net, m->x);
	h = net_act(net, net_linear(net, m->x, hidden), ACT_LEAKY_RELU);
	h = net_act(net, net_linear(net, h, hidden), ACT_LEAKY_RELU);
	m->out = net_linear(net, h, 1);
	m->target = net_input(net, 1, &one);
	m->loss = net_bce(net, m->out, m->target);
}
