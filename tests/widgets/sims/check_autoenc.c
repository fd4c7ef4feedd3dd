/* check_autoenc.c: the autoenc kind, as the lesson L4-autoenc uses it: the
 * reconstruction on screen against an autoencoder trained here by the library from
 * the same seed and recipe, the error of an image by hand from the two images, the
 * table's mean errors against the mean of the per-image errors over the 15 glyphs,
 * the measured ordering by code size that the lesson teaches, the keys, and goldens
 * at 40, 76 and 160 columns. */
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

enum { SIDE = 8, PIX = 64, TRAIN = 150, BATCH = 15 };

static WTest t;

static void setup(void)
{
	wt_open_file(&t, "content/level4/autoenc.lesson");
}

static void teardown(void)
{
	wt_close(&t);
}

static const double *matrix(const char *name)
{
	Data d;

	ck_assert(scene_output(wt_get(&t, "ae"), name, 0, &d));
	ck_assert_uint_eq(d.rows, SIDE);
	ck_assert_uint_eq(d.cols, SIDE);
	return d.v;
}

static const double *errors(void)
{
	Data d;

	ck_assert(scene_output(wt_get(&t, "ae"), "errors", 0, &d));
	ck_assert_uint_eq(d.n, 4);
	ck_assert_str_eq(d.labels[0], "1");
	ck_assert_str_eq(d.labels[3], "8");
	return d.v;
}

/* The lesson's recipe, written out here: 150 glyphs jittered by 0.3 drawn from seed 1,
 * a 64-32-code-32-64 autoencoder with weights from seed 1, Adam (lr 0.01) on batches of
 * 15 in order, 100 epochs. */
static void train_here(Net *net, DemoModel *m, size_t code)
{
	GlyphStyle st = {SIDE, 0.3, 0};
	double *x = malloc(TRAIN * PIX * sizeof *x);
	size_t labels[TRAIN], e, i;
	OptimConfig cfg;
	Optim o;
	Rng r;

	ck_assert_ptr_nonnull(x);
	rng_seed(&r, 1);
	glyph_set(x, labels, TRAIN, GLYPH_COUNT, &st, &r);
	net_init(net, 1);
	demo_autoencoder(net, m, PIX, 32, code);
	ck_assert_int_eq(net_finish(net, TRAIN), NN_OK);
	rng_seed(&r, 1);
	net_init_params(net, &r);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.01;
	ck_assert_int_eq(optim_init(&o, &cfg, net->n_params), NN_OK);
	for (e = 0; e < 100; e++)
		for (i = 0; i < TRAIN; i += BATCH) {
			memcpy(net_value(net, m->x), x + i * PIX, BATCH * PIX * sizeof *x);
			net_forward(net, BATCH);
			net_zero_grad(net);
			net_backward(net, BATCH, m->loss, NULL);
			optim_step(&o, net->params, net->grads);
		}
	optim_free(&o);
	free(x);
}

/* The widget's reconstruction equals the forward pass of a model trained here. */
static void same_as_here(size_t code)
{
	const double *draw = matrix("drawing"), *recon = matrix("reconstruction");
	DemoModel m;
	Net net;
	size_t i;

	train_here(&net, &m, code);
	memcpy(net_value(&net, m.x), draw, PIX * sizeof *draw);
	net_forward(&net, 1);
	for (i = 0; i < PIX; i++)
		ck_assert_double_eq_tol(recon[i], net_value(&net, m.out)[i], 1e-9);
	net_free(&net);
}

START_TEST(reconstruction_is_the_models_forward_pass)
{
	Instance *in = wt_get(&t, "ae");
	const double *draw = matrix("drawing");
	GlyphStyle clean = {SIDE, 0, 0};
	double three[GLYPH_COUNT * PIX];
	size_t labels[GLYPH_COUNT], i;
	Rng r;

	rng_seed(&r, 1);
	glyph_set(three, labels, GLYPH_COUNT, GLYPH_COUNT, &clean, &r);
	for (i = 0; i < PIX; i++) /* the lesson starts on a clean 3 */
		ck_assert_double_eq(draw[i], three[3 * PIX + i]);
	same_as_here(8);
	wt_char(in, '-');
	wt_char(in, '-');
	wt_char(in, '-'); /* code 1 */
	wt_char(in, ' '); /* and a pixel painted */
	same_as_here(1);
}
END_TEST

/* (1/64) sum (x - y)^2 of the two published images. */
static double by_hand(void)
{
	const double *x = matrix("drawing"), *y = matrix("reconstruction");
	double s = 0;
	size_t i;

	for (i = 0; i < PIX; i++)
		s += (x[i] - y[i]) * (x[i] - y[i]);
	return s / PIX;
}

START_TEST(error_of_an_image_by_hand)
{
	Instance *in = wt_get(&t, "ae");
	char *s, want[64];
	double e = wt_value(&t, "ae");

	ck_assert_double_eq_tol(e, by_hand(), 1e-12);
	s = wt_text(in, 76, (Caps){true, 0}, false, NULL, NULL);
	snprintf(want, sizeof want, "error of this image: %.4f", e);
	ck_assert_msg(strstr(s, want) != NULL, "no \"%s\" in\n%s", want, s);
	free(s);
	wt_char(in, 'c');
	wt_char(in, ' ');
	ck_assert_double_eq_tol(wt_value(&t, "ae"), by_hand(), 1e-12);
}
END_TEST

/* The table's mean equals the mean of the per-image errors over the 15 glyphs loaded
 * with n, at every size; the means fall as the code grows, as the lesson says. */
START_TEST(mean_errors_by_code_size)
{
	Instance *in = wt_get(&t, "ae");
	const double *mean = errors();
	double here[4];
	size_t k, g;

	for (k = 0; k < 4; k++)
		wt_char(in, '-'); /* code 1 */
	for (k = 0; k < 4; k++) {
		here[k] = 0;
		wt_char(in, 'c');
		for (g = 0; g < GLYPH_COUNT; g++) {
			wt_char(in, 'n'); /* glyph g */
			here[k] += wt_value(&t, "ae") / GLYPH_COUNT;
		}
		ck_assert_double_eq_tol(here[k], mean[k], 1e-12);
		wt_char(in, '+');
	}
	printf("# mean error by code 1, 2, 4, 8: %.4f %.4f %.4f %.4f\n", mean[0], mean[1],
	       mean[2], mean[3]);
	for (k = 1; k < 4; k++)
		ck_assert_double_lt(mean[k], mean[k - 1]);
	/* "about five times that with eight" */
	ck_assert_double_gt(mean[0] / mean[3], 4.5);
	ck_assert_double_lt(mean[0] / mean[3], 5.5);
	/* "two numbers already halve it" */
	ck_assert_double_lt(mean[1], 0.5 * mean[0]);
	/* "after that the gains get smaller" */
	ck_assert_double_lt(mean[2] - mean[3], mean[1] - mean[2]);
	ck_assert_double_lt(mean[1] - mean[2], mean[0] - mean[1]);
}
END_TEST

/* "a diagonal stroke from corner to corner ... climbs well above the glyphs' mean" */
START_TEST(a_diagonal_is_no_glyph)
{
	Instance *in = wt_get(&t, "ae");
	const double *draw;
	int i;

	wt_char(in, 'c');
	for (i = 0; i < 4; i++) {
		wt_key(in, K_UP);
		wt_key(in, K_LEFT);
	}
	for (i = 0; i < SIDE; i++) {
		wt_char(in, ' ');
		wt_key(in, K_RIGHT);
		wt_key(in, K_DOWN);
	}
	draw = matrix("drawing");
	for (i = 0; i < PIX; i++)
		ck_assert_double_eq(draw[i], i % (SIDE + 1) == 0 ? 1 : 0);
	printf("# diagonal: error %.4f (glyph mean %.4f)\n", wt_value(&t, "ae"), errors()[3]);
	ck_assert_double_gt(wt_value(&t, "ae"), 3 * errors()[3]);
}
END_TEST

START_TEST(keys_change_the_code)
{
	Instance *in = wt_get(&t, "ae");
	char *s;

	s = wt_text(in, 76, (Caps){true, 0}, false, NULL, NULL);
	ck_assert(strstr(s, "through a code of 8") != NULL);
	free(s);
	ck_assert(wt_char(in, '+') & WIDGET_HANDLED); /* already the widest: stays */
	s = wt_text(in, 76, (Caps){true, 0}, false, NULL, NULL);
	ck_assert(strstr(s, "through a code of 8") != NULL);
	free(s);
	wt_char(in, 'b'); /* round to the narrowest */
	s = wt_text(in, 76, (Caps){true, 0}, false, NULL, NULL);
	ck_assert(strstr(s, "through a code of 1") != NULL);
	free(s);
	ck_assert_int_eq(wt_char(in, 'x'), WIDGET_IGNORED);
}
END_TEST

/* Progress keeps the code size and the drawing: a glyph by its number, a drawing
 * changed by hand as its 64 values, so the reopened widget shows the same screen. */
START_TEST(drawing_saved_and_restored)
{
	Instance *in = wt_get(&t, "ae");
	MemStore m;
	char *before, *after;

	wt_char(in, '-');
	ck_assert_str_eq(wt_saved(in, &m, "code"), "4");
	ck_assert_str_eq(memstore_get(&m, "glyph"), "3");
	ck_assert_ptr_null(memstore_get(&m, "drawing"));
	wt_char(in, ' '); /* a pixel turned over: no longer the glyph */
	ck_assert_ptr_null(wt_saved(in, &m, "glyph"));
	ck_assert_ptr_nonnull(memstore_get(&m, "drawing"));
	before = wt_draw(in, 76, wt_utf8, false);
	wt_close(&t);
	setup();
	in = wt_get(&t, "ae");
	in->ops->restore(in, &m.store);
	after = wt_draw(in, 76, wt_utf8, false);
	ck_assert_str_eq(after, before);
	free(after);
	/* A damaged drawing and an unknown size are not taken: the lesson's own stay. */
	wt_close(&t);
	setup();
	in = wt_get(&t, "ae");
	memstore_init(&m);
	memstore_set(&m, "code", "3");
	memstore_set(&m, "drawing", "0 1 0.5 x");
	in->ops->restore(in, &m.store);
	after = wt_draw(in, 76, wt_utf8, false);
	ck_assert(strstr(after, "through a code of 8") != NULL);
	ck_assert(strstr(after, "drawing (3)") != NULL);
	free(after);
	free(before);
}
END_TEST

START_TEST(goldens)
{
	Instance *in = wt_get(&t, "ae");

	wt_char(in, '-');
	wt_golden("autoenc-40", in, 40);
	wt_golden("autoenc-76", in, 76);
	wt_golden("autoenc-160", in, 160);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("autoenc");
	TCase *tc = tcase_create("autoenc");

	tcase_set_timeout(tc, 120); /* trains four models per test; sanitizers are slow */
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, reconstruction_is_the_models_forward_pass);
	tcase_add_test(tc, error_of_an_image_by_hand);
	tcase_add_test(tc, mean_errors_by_code_size);
	tcase_add_test(tc, a_diagonal_is_no_glyph);
	tcase_add_test(tc, keys_change_the_code);
	tcase_add_test(tc, drawing_saved_and_restored);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
