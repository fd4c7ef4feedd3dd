/* check_net.c: the model container: every demo model's parameter gradients (and a
 * generator's, through a discriminator) against finite differences, skips, inference
 * mode, and builds that must fail. */
#include <config.h>

#include "nn/demo.h"
#include "nn/glyphs.h"
#include "nn/loss.h"
#include "layertest.h"

typedef struct {
	Net *net;
	NetId loss;
	size_t n;
} NetCtx;

static double net_loss(void *p)
{
	NetCtx *c = p;

	net_forward(c->net, c->n);
	return net_value(c->net, c->loss)[0];
}

/* Fills every input of a finished net with random values or ids (ids below `vocab`,
 * a few LOSS_IGNORE among the targets when ignore is set). */
static void fill_inputs(Net *net, size_t n, size_t vocab, int ignore, Rng *r)
{
	size_t i, k;

	for (i = 0; i < net->n_nodes; i++) {
		NetNode *nd = &net->node[i];
		size_t cnt = net_count(net, i, n);
		if (nd->op == NET_INPUT)
			for (k = 0; k < cnt; k++)
				nd->val[k] = rng_uniform(r);
		else if (nd->op == NET_IDS)
			for (k = 0; k < cnt; k++)
				nd->ids[k] = ignore && k % 5 == 4 ? LOSS_IGNORE : rng_below(r, vocab);
	}
}

/* Builds nothing: checks every parameter of a finished, filled net (loss node `loss`)
 * against central differences, with dropout masks frozen after one forward. */
static void check_params(Net *net, NetId loss, size_t n, const char *what, LtCheck *lc)
{
	NetCtx c = {net, loss, n};
	GradCheck gc;

	net_forward(net, n);
	net->freeze_masks = 1;
	net_zero_grad(net);
	net_forward(net, n);
	net_backward(net, n, loss, NULL);
	gradcheck_array(&gc, net->params, net->grads, net->n_params, net_loss, &c, LT_H, LT_FLOOR);
	ck_assert_msg(gc.max_rel < LT_TOL, "%s: param %zu of %zu: backprop %.17g, numeric %.17g",
	              what, gc.worst, net->n_params, gc.backprop, gc.numeric);
	if (gc.max_rel > lc->worst)
		lc->worst = gc.max_rel;
	lc->checks += net->n_params;
}

static void finish(Net *net, size_t cap, uint64_t seed)
{
	Rng r;

	ck_assert_int_eq(net->status, NN_OK);
	ck_assert_int_eq(net_finish(net, cap), NN_OK);
	rng_seed(&r, seed);
	net_init_params(net, &r);
}

START_TEST(demo_models_gradients)
{
	LtCheck lc = {0};
	DemoModel m;
	Net net;
	Rng r;

	rng_seed(&r, 10);
	/* CNN on 6x6 images, 3 classes, batch 3 */
	net_init(&net, 1);
	demo_cnn(&net, &m, 6, 2, 3);
	finish(&net, 3, 1);
	fill_inputs(&net, 3, 3, 0, &r);
	check_params(&net, m.loss, 3, "cnn", &lc);
	net_free(&net);
	/* GRU encoder-decoder, 2 source and 3 target steps, padding ignored */
	net_init(&net, 1);
	demo_seq2seq(&net, &m, 2, 3, 4, 5, 3, 3);
	finish(&net, 2, 2);
	fill_inputs(&net, 2, 4, 1, &r);
	check_params(&net, m.loss, 2, "seq2seq", &lc);
	net_free(&net);
	/* the same with attention over the encoder's states (padding ids hidden) */
	net_init(&net, 1);
	demo_seq2seq_attn(&net, &m, 2, 3, 4, 5, 3, 3);
	finish(&net, 2, 2);
	fill_inputs(&net, 2, 4, 1, &r);
	check_params(&net, m.loss, 2, "seq2seq with attention", &lc);
	net_free(&net);
	/* one-block Transformer, causal and not, 2 heads */
	for (int causal = 0; causal < 2; causal++) {
		net_init(&net, 1);
		demo_transformer(&net, &m, 3, 5, 4, 2, 6, causal);
		finish(&net, 2, 3);
		fill_inputs(&net, 2, 5, 0, &r);
		check_params(&net, m.loss, 2, "transformer", &lc);
		net_free(&net);
	}
	/* U-Net 4x4, autoencoder */
	net_init(&net, 1);
	demo_unet(&net, &m, 4, 2);
	finish(&net, 2, 4);
	fill_inputs(&net, 2, 1, 0, &r);
	check_params(&net, m.loss, 2, "unet", &lc);
	net_free(&net);
	/* without its skip: the up conv has 2c inputs, not 3c, so c * c * 9 fewer weights
	 * (c = 2: conv 1->2 20, conv 2->4 76, conv 4->2 74, conv 2->1 3 = 173) */
	net_init(&net, 1);
	demo_unet_noskip(&net, &m, 4, 2);
	finish(&net, 2, 4);
	ck_assert_uint_eq(net.n_params, 173);
	fill_inputs(&net, 2, 1, 0, &r);
	check_params(&net, m.loss, 2, "unet without skip", &lc);
	net_free(&net);
	net_init(&net, 1);
	demo_autoencoder(&net, &m, 5, 4, 2);
	finish(&net, 3, 5);
	fill_inputs(&net, 3, 1, 0, &r);
	check_params(&net, m.loss, 3, "autoencoder", &lc);
	net_free(&net);
	printf("# gradcheck net: 8 demo models (cnn, seq2seq with attention and not, transformer "
	       "causal and not, unet with skip and not, "
	       "autoencoder), %zu parameters, worst relative error %.2g\n",
	       lc.checks, lc.worst);
}
END_TEST

START_TEST(every_node_kind_gradients)
{
	/* the nodes the demos do not use: LSTM and Elman RNN (with an initial state),
	 * average pooling, batch norm (training and inference), dropout, softmax, GELU,
	 * positions of a time-major sequence, concat along time, BCE, a sum of two losses */
	LtCheck lc = {0};
	size_t img[3] = {2, 4, 4}, four = 4, flat[1] = {2 * 2 * 2};
	int mode;
	Rng r;

	rng_seed(&r, 11);
	for (mode = 1; mode >= 0; mode--) {
		Net net;
		NetId x, s, h0, a, b, l, t, y, im, p, loss;
		net_init(&net, 7);
		x = net_input_seq(&net, 3, 2);
		h0 = net_input(&net, 1, &four);
		net_track_grad(&net, h0);
		s = net_lstm(&net, net_position(&net, x), h0, 4);
		s = net_concat(&net, s, net_rnn(&net, x, h0, 4), 0); /* along time: (6, 4) */
		a = net_softmax(&net, net_linear(&net, net_last_step(&net, s), 3));
		t = net_input(&net, 1, (size_t[]){3});
		l = net_bce(&net, a, t);
		im = net_input(&net, 3, img);
		p = net_batchnorm(&net, net_avgpool2d(&net, im, 2, 2), 1e-5, 0.1);
		p = net_dropout(&net, net_act(&net, p, ACT_GELU), 0.3);
		y = net_linear(&net, net_reshape(&net, p, 1, flat), 3);
		b = net_mse(&net, y, t);
		loss = net_add(&net, l, b);
		finish(&net, 3, 8);
		net.training = mode;
		fill_inputs(&net, 3, 1, 0, &r);
		check_params(&net, loss, 3, mode ? "every node (training)" : "every node (inference)",
		             &lc);
		/* the tracked input's gradient too */
		{
			NetCtx c = {&net, loss, 3};
			GradCheck gc;
			gradcheck_array(&gc, net_value(&net, h0), net_grad(&net, h0), 12, net_loss, &c,
			                LT_H, LT_FLOOR);
			ck_assert_msg(gc.max_rel < LT_TOL, "dL/dh0[%zu]: %.17g vs %.17g", gc.worst,
			              gc.backprop, gc.numeric);
			ck_assert_ptr_null(net_grad(&net, im)); /* an input nobody asked about */
		}
		net_free(&net);
	}
	printf("# gradcheck net: every other node kind, training and inference, %zu parameters, "
	       "worst relative error %.2g\n",
	       lc.checks, lc.worst);
}
END_TEST

typedef struct {
	Net *g, *d;
	DemoModel gm, dm;
	size_t n;
} GanCtx;

/* The discriminator's loss on the generator's samples called real (target 1). */
static double gan_loss(void *p)
{
	GanCtx *c = p;
	size_t i;

	net_forward(c->g, c->n);
	for (i = 0; i < c->n * 2; i++)
		net_value(c->d, c->dm.x)[i] = net_value(c->g, c->gm.out)[i];
	for (i = 0; i < c->n; i++)
		net_value(c->d, c->dm.target)[i] = 1;
	net_forward(c->d, c->n);
	return net_value(c->d, c->dm.loss)[0];
}

START_TEST(generator_learns_through_the_discriminator)
{
	Net g, d;
	GanCtx c = {&g, &d, {0}, {0}, 4};
	GradCheck gc;
	Rng r;
	size_t i;

	rng_seed(&r, 12);
	net_init(&g, 1);
	net_init(&d, 2);
	demo_generator(&g, &c.gm, 3, 5, 2);
	demo_discriminator(&d, &c.dm, 2, 5);
	finish(&g, 4, 13);
	finish(&d, 4, 14);
	for (i = 0; i < 12; i++)
		net_value(&g, c.gm.x)[i] = rng_normal(&r, 0, 1);
	/* D's backward gives dL/d(samples); G's backward from its output takes it on */
	gan_loss(&c);
	net_zero_grad(&d);
	net_backward(&d, 4, c.dm.loss, NULL);
	net_zero_grad(&g);
	net_backward(&g, 4, c.gm.out, net_grad(&d, c.dm.x));
	gradcheck_array(&gc, g.params, g.grads, g.n_params, gan_loss, &c, LT_H, LT_FLOOR);
	ck_assert_msg(gc.max_rel < LT_TOL, "generator param %zu: %.17g vs %.17g", gc.worst,
	              gc.backprop, gc.numeric);
	net_free(&g);
	net_free(&d);
}
END_TEST

START_TEST(builds_that_fail)
{
	size_t img[3] = {1, 4, 4}, two = 2, three = 3;
	Net net;
	NetId x, y;

	/* a kernel larger than the image: the node is named, later calls do nothing */
	net_init(&net, 1);
	x = net_input(&net, 3, img);
	ck_assert_uint_eq(net_conv2d(&net, x, 2, 7, 1, 0), NET_NONE);
	ck_assert_uint_eq(net.bad, 1);
	ck_assert_uint_eq(net_linear(&net, x, 3), NET_NONE);
	ck_assert_int_eq(net_finish(&net, 4), NN_ERR_ARG);
	net_free(&net);
	/* adding tensors of different shapes; heads that do not divide the width */
	net_init(&net, 1);
	x = net_input(&net, 1, &two);
	y = net_input(&net, 1, &three);
	ck_assert_uint_eq(net_add(&net, x, y), NET_NONE);
	ck_assert_int_eq(net_finish(&net, 1), NN_ERR_ARG);
	net_free(&net);
	net_init(&net, 1);
	x = net_input(&net, 2, (size_t[]){3, 6});
	ck_assert_uint_eq(net_mha(&net, x, 4, 0), NET_NONE);
	net_free(&net);
	/* a recurrent layer needs a time-major sequence; the cross-entropy needs ids */
	net_init(&net, 1);
	x = net_input(&net, 2, (size_t[]){3, 2});
	ck_assert_uint_eq(net_gru(&net, x, NET_NONE, 4), NET_NONE);
	net_free(&net);
	net_init(&net, 1);
	x = net_input(&net, 1, &three);
	ck_assert_uint_eq(net_softmax_ce(&net, x, x), NET_NONE);
	ck_assert_uint_eq(net_dropout(&net, x, 1.0), NET_NONE);
	net_free(&net);
	/* capacity 0 */
	net_init(&net, 1);
	net_input(&net, 1, &two);
	ck_assert_int_eq(net_finish(&net, 0), NN_ERR_ARG);
	net_free(&net);
}
END_TEST

START_TEST(one_array_for_the_optimizer)
{
	/* the parameters lie in build order, each node's where net_params_of says */
	size_t three = 3;
	Net net;
	NetId x, a, b;

	net_init(&net, 1);
	x = net_input(&net, 1, &three);
	a = net_linear(&net, x, 2);
	b = net_layernorm(&net, net_act(&net, a, ACT_TANH), 1e-5);
	finish(&net, 5, 1);
	ck_assert_uint_eq(net.n_params, 3 * 2 + 2 + 2 * 2);
	ck_assert_ptr_eq(net_params_of(&net, a), net.params);
	ck_assert_ptr_eq(net_params_of(&net, b), net.params + 8);
	ck_assert_ptr_eq(net_param_grads(&net, b), net.grads + 8);
	ck_assert_double_eq(net.params[8], 1); /* layer norm's g starts at 1 */
	ck_assert_double_eq(net.params[10], 0);
	ck_assert_double_le(fabs(net.params[0]), 1 / sqrt(3.0)); /* U(+-1/sqrt(fan_in)) */
	ck_assert_uint_eq(net_count(&net, b, 4), 8);
	net_free(&net);
}
END_TEST

static Suite *net_suite(void)
{
	Suite *s = suite_create("net");
	TCase *tc = tcase_create("net");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, demo_models_gradients);
	tcase_add_test(tc, every_node_kind_gradients);
	tcase_add_test(tc, generator_learns_through_the_discriminator);
	tcase_add_test(tc, builds_that_fail);
	tcase_add_test(tc, one_array_for_the_optimizer);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(net_suite());
}
