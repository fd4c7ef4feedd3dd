/* check_unet.c: the unet kind, as the lesson L4-unet uses it: both outputs on screen
 * against U-Nets trained here by the library from the same seed and recipe, the errors
 * and sharpness by hand from the published images, the measured difference between the
 * skip and no-skip nets that the lesson teaches, the stages and their shapes, the keys,
 * and goldens at 40, 76 and 160 columns. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/demo.h"
#include "nn/glyphs.h"
#include "nn/optim.h"
#include "testlib.h"
#include "widgets/wtest.h"

enum { SIDE = 8, PIX = 64, TRAIN = 150, BATCH = 15, TEST = 15 };

static WTest t;

static void setup(void)
{
	wt_open_file(&t, "content/level4/unet.lesson");
}

static void teardown(void)
{
	wt_close(&t);
}

static const double *matrix(const char *name)
{
	Data d;

	ck_assert(scene_output(wt_get(&t, "un"), name, 0, &d));
	ck_assert_uint_eq(d.rows, SIDE);
	ck_assert_uint_eq(d.cols, SIDE);
	return d.v;
}

static const double *means(const char *name)
{
	Data d;

	ck_assert(scene_output(wt_get(&t, "un"), name, 0, &d));
	ck_assert_uint_eq(d.n, 4);
	ck_assert_str_eq(d.labels[0], "clean");
	ck_assert_str_eq(d.labels[2], "skips");
	ck_assert_str_eq(d.labels[3], "noskips");
	return d.v;
}

static char *screen(int w)
{
	return wt_text(wt_get(&t, "un"), w, (Caps){true, 0}, false, NULL, NULL);
}

static void on_screen(const char *s, const char *want)
{
	ck_assert_msg(strstr(s, want) != NULL, "no \"%s\" in\n%s", want, s);
}

/* The lesson's recipe, written out here: 150 pairs of 8x8 glyphs (jitter 0.3, noise
 * 0.2, one draw for both images of a pair) from seed 1, then the 15 test pairs from the
 * same stream; the net with or without its skip (4 channels) from seed 1; Adam (lr
 * 0.01) on batches of 15 in order, 15 epochs. out: its outputs on the 15 noisy test
 * images; clean and noisy: the test pairs. */
static void train_here(int skip, double *out, double *clean, double *noisy)
{
	GlyphStyle st = {SIDE, 0.3, 0.2};
	double *x = malloc(2 * TRAIN * PIX * sizeof *x), *y = x + TRAIN * PIX;
	size_t e, i;
	OptimConfig cfg;
	DemoModel m;
	Optim o;
	Net net;
	Rng r;

	ck_assert_ptr_nonnull(x);
	rng_seed(&r, 1);
	for (i = 0; i < TRAIN; i++)
		glyph_pair(y + i * PIX, x + i * PIX, i % GLYPH_COUNT, &st, &r);
	for (i = 0; i < TEST; i++)
		glyph_pair(clean + i * PIX, noisy + i * PIX, i, &st, &r);
	net_init(&net, 1);
	if (skip)
		demo_unet(&net, &m, SIDE, 4);
	else
		demo_unet_noskip(&net, &m, SIDE, 4);
	ck_assert_int_eq(net_finish(&net, TRAIN), NN_OK);
	rng_seed(&r, 1);
	net_init_params(&net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.01;
	ck_assert_int_eq(optim_init(&o, &cfg, net.n_params), NN_OK);
	for (e = 0; e < 15; e++)
		for (i = 0; i < TRAIN; i += BATCH) {
			memcpy(net_value(&net, m.x), x + i * PIX, BATCH * PIX * sizeof *x);
			memcpy(net_value(&net, m.target), y + i * PIX, BATCH * PIX * sizeof *x);
			net_forward(&net, BATCH);
			net_zero_grad(&net);
			net_backward(&net, BATCH, m.loss, NULL);
			optim_step(&o, net.params, net.grads);
		}
	memcpy(net_value(&net, m.x), noisy, TEST * PIX * sizeof *x);
	net_forward(&net, TEST);
	memcpy(out, net_value(&net, m.out), TEST * PIX * sizeof *x);
	optim_free(&o);
	net_free(&net);
	free(x);
}

/* Every test image's four pictures equal the pairs and the outputs of nets trained
 * here; Right and Left step through the 15 test images and wrap round. */
START_TEST(images_are_the_models_outputs)
{
	static double out[2][TEST * PIX], clean[TEST * PIX], noisy[TEST * PIX];
	Instance *in = wt_get(&t, "un");
	size_t g, i, k;

	train_here(1, out[0], clean, noisy);
	train_here(0, out[1], clean, noisy);
	for (k = 0; k < 3; k++)
		wt_key(in, K_LEFT); /* from the 3 to the 0 */
	for (g = 0; g < TEST; g++) {
		const double *c = matrix("clean"), *x = matrix("input"), *s = matrix("skips"),
		             *p = matrix("noskips");
		for (i = 0; i < PIX; i++) {
			ck_assert_double_eq(c[i], clean[g * PIX + i]);
			ck_assert_double_eq(x[i], noisy[g * PIX + i]);
			ck_assert_double_eq_tol(s[i], out[0][g * PIX + i], 1e-9);
			ck_assert_double_eq_tol(p[i], out[1][g * PIX + i], 1e-9);
		}
		wt_key(in, K_RIGHT);
	}
	ck_assert_double_eq(matrix("clean")[0], clean[0]); /* round to the 0 again */
}
END_TEST

/* (1/64) sum (x - c)^2 and the mean absolute neighbour difference, by hand here. */
static double err_by_hand(const double *x, const double *c)
{
	double s = 0;
	size_t i;

	for (i = 0; i < PIX; i++)
		s += (x[i] - c[i]) * (x[i] - c[i]);
	return s / PIX;
}

static double edges_by_hand(const double *x)
{
	double s = 0;
	size_t i, j;

	for (i = 0; i < SIDE; i++)
		for (j = 0; j + 1 < SIDE; j++)
			s += fabs(x[i * SIDE + j + 1] - x[i * SIDE + j]) +
			     fabs(x[(j + 1) * SIDE + i] - x[j * SIDE + i]);
	return s / 112;
}

START_TEST(numbers_by_hand)
{
	Instance *in = wt_get(&t, "un");
	const char *names[4] = {"clean", "input", "skips", "noskips"};
	double err[4] = {0}, edg[4] = {0};
	const double *e = means("errors"), *d = means("edges");
	char want[64], *s;
	size_t g, k;

	for (g = 0; g < TEST; g++) {
		s = screen(76);
		for (k = 0; k < 4; k++) {
			const double *x = matrix(names[k]), *c = matrix("clean");
			double a = err_by_hand(x, c), b = edges_by_hand(x);
			err[k] += a / TEST;
			edg[k] += b / TEST;
			if (k > 0) {
				snprintf(want, sizeof want, "error %.4f", a);
				on_screen(s, want);
			}
			snprintf(want, sizeof want, "edges %.3f", b);
			on_screen(s, want);
		}
		free(s);
		wt_key(in, K_RIGHT);
	}
	for (k = 0; k < 4; k++) {
		ck_assert_double_eq_tol(e[k], err[k], 1e-12);
		ck_assert_double_eq_tol(d[k], edg[k], 1e-12);
	}
	s = screen(76);
	snprintf(want, sizeof want, "error %.4f with skips, %.4f", e[2], e[3]);
	on_screen(s, want);
	free(s);
	printf("# mean over 15 test images: error noisy %.4f skips %.4f noskips %.4f; edges "
	       "clean %.3f noisy %.3f skips %.3f noskips %.3f\n",
	       e[1], e[2], e[3], d[0], d[1], d[2], d[3]);
}
END_TEST

/* What the lesson teaches, measured over the 15 test images on its settings: the
 * net with skips has the lower mean error and keeps more of the clean glyphs' edges;
 * the counts of images each way. */
START_TEST(skips_measured)
{
	Instance *in = wt_get(&t, "un");
	const double *e = means("errors"), *d = means("edges");
	size_t g, lower = 0, sharper = 0;

	for (g = 0; g < TEST; g++) {
		const double *c = matrix("clean"), *s = matrix("skips"), *p = matrix("noskips");
		lower += err_by_hand(s, c) < err_by_hand(p, c);
		sharper += edges_by_hand(s) > edges_by_hand(p);
		wt_key(in, K_RIGHT);
	}
	printf("# skips: lower error on %zu of 15, more edges on %zu of 15; error ratio %.3f, "
	       "edges kept %.3f and %.3f of the clean's\n",
	       lower, sharper, e[3] / e[2], d[2] / d[0], d[3] / d[0]);
	fflush(stdout);
	/* "with the skip the mean error ... about half that of the noisy input, without it
	 * about seven tenths" */
	ck_assert_double_gt(e[2] / e[1], 0.45);
	ck_assert_double_lt(e[2] / e[1], 0.58);
	ck_assert_double_gt(e[3] / e[1], 0.65);
	ck_assert_double_lt(e[3] / e[1], 0.75);
	/* "the error is about a quarter lower than without" */
	ck_assert_double_gt(1 - e[2] / e[3], 0.2);
	ck_assert_double_lt(1 - e[2] / e[3], 0.28);
	/* "its outputs lose only about a twentieth of the clean glyphs' sharpness, where the
	 * net without the skip loses about a sixth" */
	ck_assert_double_gt(1 - d[2] / d[0], 0.03);
	ck_assert_double_lt(1 - d[2] / d[0], 0.07);
	ck_assert_double_gt(1 - d[3] / d[0], 0.14);
	ck_assert_double_lt(1 - d[3] / d[0], 0.2);
	/* "the noisy inputs score highest of all" */
	ck_assert_double_gt(d[1], d[0]);
	ck_assert_double_gt(d[1], d[2]);
	ck_assert_double_gt(d[1], d[3]);
	/* "the lower error on 12 of the 15, and the sharper output on all 15" */
	ck_assert_uint_eq(lower, 12);
	ck_assert_uint_eq(sharper, 15);
}
END_TEST

/* Space walks the stages in order (down, bottom, up, across) and wraps round; each
 * names its shape, channels x height x width, as the architecture gives them by hand:
 * 4 channels at 8x8 on the way down, 8 at 4x4 at the bottom, the skip carrying the 4 x
 * 8x8 across. The join the prose counts (8 + 4 = 12 channels) is checked on a U-Net
 * built here. */
START_TEST(stages_in_order)
{
	static const char *const want[8] = {
	    "[in 1x8x8]",     "[down 4x8x8]", "[pool 4x4x4]", "[bottom 8x4x4]",
	    "[up 8x8x8]",     "[across 4x8x8]", "[mix 4x8x8]", "[out 1x8x8]"};
	Instance *in = wt_get(&t, "un");
	DemoModel m;
	Net net;
	size_t k, joins = 0;
	char *s;
	Data d;

	for (k = 0; k < 9; k++) {
		ck_assert(scene_output(in, "stage", 0, &d));
		ck_assert_double_eq(d.scalar, (double)(k % 8));
		s = screen(76);
		on_screen(s, want[k % 8]);
		ck_assert_ptr_null(strstr(s, want[(k + 1) % 8])); /* one highlight only */
		free(s);
		ck_assert(wt_char(in, ' ') & WIDGET_HANDLED);
	}
	s = screen(40); /* narrow: no diagram, the stage in words */
	on_screen(s, "stage 2 of 8: down 4x8x8");
	free(s);
	ck_assert_int_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	ck_assert_int_eq(wt_key(in, K_UP), WIDGET_IGNORED); /* the page scrolls */
	net_init(&net, 1);
	demo_unet(&net, &m, SIDE, 4);
	for (k = 0; k < net.n_nodes; k++)
		if (net.node[k].op == NET_CONCAT) {
			joins++;
			ck_assert_uint_eq(net.node[k].dims[0], 12);
		}
	ck_assert_uint_eq(joins, 1);
	net_free(&net);
}
END_TEST

START_TEST(goldens)
{
	Instance *in = wt_get(&t, "un");

	wt_golden("unet-40", in, 40);
	wt_golden("unet-76", in, 76);
	wt_char(in, ' ');
	wt_char(in, ' ');
	wt_char(in, ' ');
	wt_golden("unet-160", in, 160);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("unet");
	TCase *tc = tcase_create("unet");

	tcase_set_timeout(tc, 120); /* trains two models per test; sanitizers are slow */
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, images_are_the_models_outputs);
	tcase_add_test(tc, numbers_by_hand);
	tcase_add_test(tc, skips_measured);
	tcase_add_test(tc, stages_in_order);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
