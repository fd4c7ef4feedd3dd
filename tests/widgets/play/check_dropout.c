/* check_dropout.c: the dropout game (Dial the Dropout): its measured zone reproduced
 * run by run with nn/run.h, the zone the lesson describes (rates 0.1 to 0.3 of 0 to
 * 0.7, a few points of validation accuracy above no dropout), the hidden units drawn
 * from the run's real mask, winning in the zone and not outside it, saving the win,
 * measuring two runs a frame only while shown and resting after, and goldens in UTF-8 and ASCII at 40, 76 and 160 columns. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/run.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/play/dropout.h"
#include "widgets/wtest.h"

static WTest t;

#define GAME "@widget dropout id=drop\nalt: x\n@end\n"

static void teardown(void)
{
	wt_close(&t);
}

/* The run the lesson describes, set up here from the widget's documented defaults:
 * 200 spiral points with noise 0.5, half held out, one hidden layer of 32 ReLU,
 * Adam 0.03, batches of 10, 200 epochs. */
static double val_acc(double rate, uint64_t seed)
{
	RunConfig c;
	Run r;
	double acc;

	run_config_defaults(&c);
	data_spec_defaults(&c.spec, DATA_SPIRAL, 200);
	c.spec.noise = 0.5;
	c.data_seed = 1;
	c.test_share = 0.5;
	c.n_hidden = 1;
	c.hidden[0] = 32;
	c.act[0] = ACT_RELU;
	c.seed = seed;
	c.dropout = rate;
	ck_assert_int_eq(run_create(&r, &c), NN_OK);
	run_train(&r, 200 * r.train.n);
	run_evaluate(&r);
	acc = r.test_acc;
	run_free(&r);
	return acc;
}

START_TEST(the_zone_is_measured_by_real_runs)
{
	Instance *in;
	DropoutGame *s;
	double mean[8];
	char *text, want[32];
	int i, k;

	wt_open(&t, GAME);
	in = wt_get(&t, "drop");
	s = in->state;
	ck_assert(!s->measured);
	dropout_measure_all(in);
	ck_assert(s->measured);
	ck_assert_int_eq(s->nrates, 8);
	for (i = 0; i < 8; i++) {
		mean[i] = 0;
		for (k = 1; k <= 3; k++)
			mean[i] += val_acc(0.1 * i, (uint64_t)k) / 3;
		ck_assert_double_eq_tol(s->mean[i], mean[i], 1e-12);
	}
	/* the zone: 0.1 to 0.3, each within 2 points of the best (0.2) */
	ck_assert_int_eq(s->lo, 1);
	ck_assert_int_eq(s->hi, 3);
	for (i = 0; i < 8; i++)
		ck_assert((i >= 1 && i <= 3) == (mean[i] >= mean[2] - 0.02));
	/* the gain is a few points: 3 to 6 over no dropout at the best rate, and high
	 * rates lose more than that */
	ck_assert(mean[2] - mean[0] > 0.03 && mean[2] - mean[0] < 0.06);
	ck_assert(mean[7] < mean[0] - 0.05);
	/* the lesson's figures: 84% without, 88% 88% 87% in the zone, 85% at 0.4 (a
	 * point above none), below none from 0.5 on, 73% at 0.7 */
	ck_assert_int_eq((int)lround(100 * mean[0]), 84);
	ck_assert_int_eq((int)lround(100 * mean[1]), 88);
	ck_assert_int_eq((int)lround(100 * mean[2]), 88);
	ck_assert_int_eq((int)lround(100 * mean[3]), 87);
	ck_assert_int_eq((int)lround(100 * mean[4]), 85);
	for (i = 5; i < 8; i++)
		ck_assert(mean[i] < mean[0]);
	ck_assert_int_eq((int)lround(100 * mean[7]), 73);
	/* the means on screen */
	text = wt_draw(in, 76, wt_utf8, false);
	for (i = 0; i < 8; i++) {
		snprintf(want, sizeof want, " %.0f%%", 100 * mean[i]);
		ck_assert_msg(strstr(text, want), "%s not in\n%s", want, text);
	}
	free(text);
}
END_TEST

START_TEST(units_blink_from_the_real_mask_and_the_zone_wins)
{
	Instance *in;
	DropoutGame *s;
	MemStore m;
	char *text, want[64];
	size_t i, off = 0;

	wt_open(&t, GAME);
	in = wt_get(&t, "drop");
	s = in->state;
	dropout_measure_all(in);
	/* outside the zone (0.5): the run ends without a win */
	for (i = 0; i < 5; i++)
		wt_key(in, K_RIGHT);
	ck_assert_double_eq(s->rates[s->sel], 0.5);
	while (dropout_train(in, 1000))
		;
	ck_assert(!in->done);
	text = wt_draw(in, 76, wt_utf8, false);
	ck_assert(strstr(text, "Outside the best zone"));
	free(text);
	/* 0.2: a few steps in, the dropped units drawn are the mask's zeros */
	wt_key(in, K_LEFT);
	wt_key(in, K_LEFT);
	wt_key(in, K_LEFT);
	ck_assert_double_eq(s->rates[s->sel], 0.2);
	dropout_train(in, 30);
	for (i = 0; i < 32; i++)
		off += s->run.tr.work.mask[0][i] == 0;
	ck_assert(off > 0 && off < 32);
	snprintf(want, sizeof want, "dropped now: %zu of 32", off);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(strstr(text, want), "%s not in\n%s", want, text);
	free(text);
	while (dropout_train(in, 1000))
		;
	ck_assert(in->done);
	/* the learner's run (seed 4) gains on no dropout, as the lesson says */
	ck_assert(s->run.test_acc > val_acc(0, 4) + 0.03);
	ck_assert_int_eq((int)lround(100 * s->run.train_acc), 97);
	ck_assert_int_eq((int)lround(100 * s->run.test_acc), 89);
	memstore_init(&m);
	ck_assert_str_eq(wt_saved(in, &m, "won"), "1");
	wt_golden("dropout-won", in, 76);
	wt_golden("dropout-won-narrow", in, 40);
	wt_golden("dropout-won-wide", in, 160);
}
END_TEST

START_TEST(ticks_measure_then_rest)
{
	Instance *in;
	DropoutGame *s;
	int ticks = 0;

	wt_open(&t, GAME);
	in = wt_get(&t, "drop");
	s = in->state;
	ck_assert(in->animating);
	in->offscreen = true; /* not shown: nothing is measured */
	ck_assert(!in->ops->tick(in, 0.1));
	ck_assert_int_eq(s->probes, 0);
	in->offscreen = false;
	while (in->animating && ticks < 100) {
		in->ops->tick(in, 0.1);
		ticks++;
		ck_assert_int_eq(s->probes, ticks * 2 < 24 ? ticks * 2 : 24);
	}
	ck_assert_int_eq(ticks, 12); /* two runs a frame, then it rests */
	ck_assert(s->measured && !in->animating);
	/* Space runs: 0.1 s at 50 epochs a second trains 5 epochs of 100 points */
	ck_assert_uint_eq(wt_char(in, ' ') & WIDGET_HANDLED, WIDGET_HANDLED);
	ck_assert(in->animating);
	in->ops->tick(in, 0.1);
	ck_assert_uint_eq(s->run.tr.examples, 500);
	wt_char(in, ' '); /* pause: it rests */
	ck_assert(!in->animating);
	ck_assert(!in->ops->tick(in, 0.1));
	ck_assert_uint_eq(s->run.tr.examples, 500);
	/* rate 0 is outside the zone: running it to the end does not win */
	while (dropout_train(in, 1000))
		;
	ck_assert(!in->done);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("dropout");
	TCase *tc = tcase_create("dropout");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, the_zone_is_measured_by_real_runs);
	tcase_add_test(tc, units_blink_from_the_real_mask_and_the_zone_wins);
	tcase_add_test(tc, ticks_measure_then_rest);
	suite_add_tcase(s, tc);
	return test_main(s);
}
