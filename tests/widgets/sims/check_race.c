/* check_race.c: the race kind: the Init Race (a zero start keeps its hidden neurons
 * identical and its loss at ln 2 within 0.005 while the Xavier start's falls below
 * ln 2 / 4 in 30 epochs), the same seeds give the same race bit for bit, per-run lists
 * repeat their last item (test curves without a test set fall back to training
 * loss), a run that diverges stops alone, the animation contract
 * (an animation controller and a button drive it; nothing trains paused or
 * scrolled away; a tick never trains more than its speed allows), the outputs, the
 * keys of its table, and goldens in UTF-8 and ASCII at 40, 76 and 160 columns; a dial
 * (scale_from=) sets the spread of the runs that have one and starts them again, and
 * symmetry=yes shows how far apart each run's hidden neurons are (by hand). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/plotdata.h"
#include "widgets/core/registry.h"
#include "widgets/sims/race.h"
#include "widgets/wtest.h"

static WTest t;

#define INIT_RACE                                                                          \
	"@widget race id=race names=zero,huge,xavier init=zeros,normal,xavier-uniform "    \
	"init_scale=0,4,0 epochs=200\nalt: x\n@end\n"

static void teardown(void)
{
	wt_close(&t);
}

/* Whether every neuron of hidden layer l (0-based) of m has the same incoming weights
 * and bias as the first, and sends the same weight to each unit of the next layer. */
static bool neurons_identical(const Mlp *m, size_t l)
{
	size_t n_in = m->sizes[l], n = m->sizes[l + 1], next = m->sizes[l + 2], i, j;
	const double *w = m->params + m->w_off[l], *b = w + n * n_in;
	const double *w2 = m->params + m->w_off[l + 1];

	for (i = 1; i < n; i++) {
		if (memcmp(w + i * n_in, w, n_in * sizeof *w) != 0 || b[i] != b[0])
			return false;
		for (j = 0; j < next; j++)
			if (w2[j * n + i] != w2[j * n])
				return false;
	}
	return true;
}

START_TEST(init_race_separates)
{
	Instance *in;
	const Run *zero, *huge, *xavier;
	const double *x, *y;
	Data d;
	size_t n, i;
	int e;

	wt_open(&t, INIT_RACE);
	in = wt_get(&t, "race");
	ck_assert(race_run(in, 2) && !race_run(in, 3)); /* three runs */
	zero = race_run(in, 0);
	huge = race_run(in, 1);
	xavier = race_run(in, 2);
	ck_assert_ptr_nonnull(zero);
	ck_assert_int_eq(zero->cfg.init, INIT_ZEROS);
	ck_assert_int_eq(huge->cfg.init, INIT_NORMAL);
	ck_assert(huge->cfg.init_value == 4);
	ck_assert_int_eq(xavier->cfg.init, INIT_XAVIER_UNIFORM);
	ck_assert_uint_eq(zero->train.n, 400); /* ratio 1: every point trains */
	ck_assert(memcmp(zero->all.x, xavier->all.x, 800 * sizeof(double)) == 0);
	for (e = 0; e < 30; e++)
		ck_assert(race_train(in, 400));
	ck_assert(run_epoch(zero) == 30 && run_epoch(xavier) == 30);
	/* the zero start: every hidden neuron computes the same thing, so they all get
	 * the same update, and the loss stays at ln 2 */
	ck_assert(neurons_identical(&zero->mlp, 0));
	ck_assert(neurons_identical(&zero->mlp, 1));
	n = run_history(zero, RUN_TRAIN_LOSS, &x, &y);
	ck_assert_uint_eq(n, 31);
	for (i = 0; i < n; i++)
		ck_assert_msg(fabs(y[i] - log(2.0)) < 0.005, "epoch %g: loss %g", x[i], y[i]);
	/* the other starts break the symmetry */
	ck_assert(!neurons_identical(&xavier->mlp, 0));
	ck_assert_msg(xavier->train_loss < log(2.0) / 4, "xavier %g", xavier->train_loss);
	ck_assert(huge->train_loss > xavier->train_loss);
	/* the final losses, named, and who leads */
	ck_assert(scene_output(in, "final", DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.labels[2], "xavier");
	ck_assert(d.v[0] == zero->train_loss && d.v[2] == xavier->train_loss);
	ck_assert(d.v[2] < d.v[0] && d.v[2] < d.v[1]);
	{
		char *s = wt_draw(in, 76, wt_ascii, false);
		ck_assert_msg(strstr(s, "xavier is ahead") != NULL, "%s", s);
		free(s);
	}
}
END_TEST

START_TEST(same_seeds_same_race)
{
	WTest u;
	Instance *a, *b;
	int k, i;

	wt_open(&t, INIT_RACE);
	wt_open(&u, INIT_RACE);
	a = wt_get(&t, "race");
	b = wt_get(&u, "race");
	for (i = 0; i < 7; i++) {
		race_train(a, 333);
		race_train(b, 333);
	}
	for (k = 0; k < 3; k++) {
		const Run *ra = race_run(a, k), *rb = race_run(b, k);
		ck_assert_uint_eq(ra->tr.examples, rb->tr.examples);
		ck_assert(memcmp(ra->mlp.params, rb->mlp.params, ra->mlp.n_params * sizeof(double)) ==
			  0);
		ck_assert(ra->train_loss == rb->train_loss);
	}
	/* r: the same race again from the start */
	ck_assert_uint_eq(wt_char(a, 'r'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(race_run(a, 2)->tr.examples, 0);
	for (i = 0; i < 7; i++)
		race_train(a, 333);
	ck_assert(memcmp(race_run(a, 2)->mlp.params, race_run(b, 2)->mlp.params,
			 race_run(a, 2)->mlp.n_params * sizeof(double)) == 0);
	wt_close(&u);
	/* another seed for the last run: that run alone is another */
	wt_open(&u, "@widget race id=race names=zero,huge,xavier init=zeros,normal,xavier-uniform "
		    "init_scale=0,4,0 seeds=1,1,7\nalt: x\n@end\n");
	b = wt_get(&u, "race");
	wt_char(a, 'r');
	for (k = 0; k < 3; k++)
		ck_assert((memcmp(race_run(a, k)->mlp.params, race_run(b, k)->mlp.params,
				  race_run(a, k)->mlp.n_params * sizeof(double)) == 0) == (k < 2));
	race_train(a, 400);
	race_train(b, 400);
	ck_assert(race_run(a, 1)->train_loss == race_run(b, 1)->train_loss);
	ck_assert(race_run(a, 2)->train_loss != race_run(b, 2)->train_loss);
	wt_close(&u);
}
END_TEST

START_TEST(lists_repeat_their_last_item)
{
	Instance *in;
	const Run *a, *c;

	wt_open(&t, "@widget race id=race names=a,b,c,d lr=0.01,0.1 seeds=5 widths=2,4 "
		    "layers=8,8,8 dropout=0,0.5 activation=relu\nalt: x\n@end\n");
	in = wt_get(&t, "race");
	ck_assert_ptr_nonnull(race_run(in, 3)); /* four runs */
	a = race_run(in, 0);
	c = race_run(in, 2);
	ck_assert(a->cfg.optim.lr == 0.01 && c->cfg.optim.lr == 0.1);
	ck_assert(a->cfg.seed == 5 && race_run(in, 3)->cfg.seed == 5);
	ck_assert(a->cfg.dropout == 0 && race_run(in, 3)->cfg.dropout == 0.5);
	ck_assert_uint_eq(a->mlp.n_layers, 4);
	ck_assert_uint_eq(a->mlp.sizes[1], 2);
	ck_assert_uint_eq(c->mlp.sizes[3], 4); /* every hidden layer 4 wide */
	ck_assert_int_eq(c->mlp.act[0], ACT_RELU);
	ck_assert_int_eq(a->cfg.init, INIT_COUNT); /* auto: He for ReLU */
	ck_assert(race_train(in, 1000));
	wt_close(&t);
	/* test curves need a test set: without one (ratio 1) they are the training loss */
	wt_open(&t, "@widget race id=race names=a,b curve=test\nalt: x\n@end\n");
	in = wt_get(&t, "race");
	ck_assert_int_eq(((const Race *)in->state)->metric, RUN_TRAIN_LOSS);
	ck_assert_str_eq(((const Race *)in->state)->chart.opts.ytitle, "training loss");
	wt_close(&t);
	wt_open(&t, "@widget race id=race names=a,b curve=test ratio=0.5\nalt: x\n@end\n");
	in = wt_get(&t, "race");
	ck_assert_int_eq(((const Race *)in->state)->metric, RUN_TEST_LOSS);
	ck_assert_uint_eq(race_run(in, 1)->test.n, 200);
}
END_TEST

START_TEST(a_diverged_run_stops_alone)
{
	Instance *in;
	const Run *calm, *wild;
	size_t step;
	int i;
	char *s;

	wt_open(&t, "@widget race id=race names=calm,wild dataset=plane optimizer=sgd "
		    "activation=relu lr=0.01,100 epochs=50\nalt: x\n@end\n");
	in = wt_get(&t, "race");
	calm = race_run(in, 0);
	wild = race_run(in, 1);
	for (i = 0; i < 5; i++)
		race_train(in, 400);
	ck_assert_int_eq(wild->status, NN_ERR_DIVERGED);
	ck_assert_int_eq(calm->status, NN_OK);
	ck_assert(run_epoch(calm) == 5);
	step = wild->tr.step;
	race_train(in, 400);
	ck_assert_uint_eq(wild->tr.step, step);
	ck_assert(run_epoch(calm) == 6);
	s = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(strstr(s, "diverged at step") != NULL, "%s", s);
	ck_assert_msg(strstr(s, "calm is ahead") != NULL, "%s", s);
	free(s);
	/* the calm run reaches the finish: the race is over */
	ck_assert(!race_train(in, 100000));
	ck_assert(run_epoch(calm) == 50);
	ck_assert(!race_train(in, 400));
	ck_assert(run_epoch(calm) == 50);
}
END_TEST

START_TEST(driven_by_the_animation_contract)
{
	Instance *in, *anim, *step;
	AnimState st;
	size_t ex;
	double owed = 0;
	int i;

	wt_open(&t, INIT_RACE "@widget animation id=play target=race\nalt: x\n@end\n"
			      "@widget button id=one label=Epoch action=step target=race\n"
			      "alt: x\n@end\n");
	in = wt_get(&t, "race");
	anim = wt_get(&t, "play");
	step = wt_get(&t, "one");
	in->ops->anim_state(in, &st);
	ck_assert(!st.playing);
	ck_assert_int_eq(st.steps, 200);
	ck_assert_int_eq(st.step, 0);
	/* Space on the controller plays it; ticks train, never more than the speed owes
	 * (20 epochs a second of 400 points: 8000 examples a second per run) */
	ck_assert_uint_eq(wt_char(anim, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(in->animating);
	for (i = 0; i < 10; i++) {
		ck_assert(scene_tick(&t.scene, 1.0 / 30));
		owed += 8000.0 / 30;
		ck_assert(race_run(in, 2)->tr.examples <= owed + 10);
	}
	ex = race_run(in, 2)->tr.examples;
	ck_assert_uint_gt(ex, 0);
	ck_assert_uint_eq(race_run(in, 0)->tr.examples, ex); /* side by side */
	/* scrolled away: no training, still playing */
	in->offscreen = true;
	ck_assert(!scene_tick(&t.scene, 1.0 / 30));
	ck_assert_uint_eq(race_run(in, 2)->tr.examples, ex);
	in->offscreen = false;
	/* paused: no training */
	wt_char(anim, ' ');
	ck_assert(!in->animating);
	in->ops->tick(in, 1.0 / 30);
	ck_assert_uint_eq(race_run(in, 2)->tr.examples, ex);
	/* the button steps one epoch */
	ck_assert(step->ops->key(step, &(Key){.code = K_ENTER}) & WIDGET_HANDLED);
	ck_assert_uint_eq(race_run(in, 2)->tr.examples, ex + 400);
	ck_assert_uint_eq(race_run(in, 0)->tr.examples, ex + 400);
	/* r on the controller replays from the start, playing */
	wt_char(anim, 'r');
	in->ops->anim_state(in, &st);
	ck_assert(st.playing);
	ck_assert_int_eq(st.step, 0);
	ck_assert_uint_eq(race_run(in, 2)->tr.examples, 0);
	/* at the finish it stops: the step is the last */
	race_train(in, 200 * 400);
	in->ops->anim_state(in, &st);
	ck_assert(!st.playing && !in->animating);
	ck_assert_int_eq(st.step, 200);
	ck_assert(!in->ops->tick(in, 1.0 / 30));
}
END_TEST

START_TEST(outputs_and_keys)
{
	Instance *in;
	const double *x, *y;
	unsigned long v;
	size_t n, i;
	Data d;
	int k;

	wt_open(&t, INIT_RACE);
	in = wt_get(&t, "race");
	ck_assert(scene_output(in, NULL, DATA_SERIES, &d));
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.series[1].name, "huge");
	v = d.version;
	race_train(in, 4000);
	ck_assert(scene_output(in, "curves", DATA_SERIES, &d));
	ck_assert(d.version != v);
	for (k = 0; k < 3; k++) { /* each series is its run's history */
		n = run_history(race_run(in, k), RUN_TRAIN_LOSS, &x, &y);
		ck_assert_uint_eq(d.series[k].n, n);
		for (i = 0; i < n; i++)
			ck_assert(d.series[k].x[i] == x[i] && d.series[k].y[i] == y[i]);
	}
	/* the keys of its table, and no others */
	ck_assert_uint_eq(race_kind.nkeys, 3);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(in->animating);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(!in->animating);
	n = race_run(in, 0)->tr.examples;
	ck_assert_uint_eq(wt_char(in, 's'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(race_run(in, 0)->tr.examples, n + 400);
	ck_assert_uint_eq(wt_char(in, 'q'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_TAB), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_IGNORED);
}
END_TEST

START_TEST(goldens)
{
	Instance *in;
	int e;

	wt_open(&t, INIT_RACE);
	in = wt_get(&t, "race");
	wt_golden("race-start", in, 76);
	for (e = 0; e < 30; e++)
		race_train(in, 400);
	wt_golden("race-init-30", in, 76);
	wt_golden("race-init-30-narrow", in, 40);
	wt_golden("race-init-30-wide", in, 160);
	wt_close(&t);
	/* a net per run and a rate per run: each row says its own */
	wt_open(&t, "@widget race id=race names=narrow,wide widths=2,16 lr=0.01,0.03 "
		    "curve=test ratio=0.5 epochs=20 height=8\nalt: x\n@end\n");
	in = wt_get(&t, "race");
	race_train(in, 100000);
	wt_golden("race-widths-finished", in, 76);
}
END_TEST

/* The largest difference between two neurons of one hidden layer of m in one incoming
 * weight or bias, by hand. */
static double apart_by_hand(const Mlp *m)
{
	double most = 0;
	size_t l, a, b, j;

	for (l = 0; l + 1 < m->n_layers; l++) {
		size_t n_in = m->sizes[l], n = m->sizes[l + 1];
		const double *w = m->params + m->w_off[l];
		for (a = 0; a < n; a++)
			for (b = 0; b < n; b++)
				for (j = 0; j <= n_in; j++) {
					double wa = j < n_in ? w[a * n_in + j] : w[n * n_in + a];
					double wb = j < n_in ? w[b * n_in + j] : w[n * n_in + b];
					most = fmax(most, wa - wb);
				}
	}
	return most;
}

#define DIALED                                                                             \
	"@widget slider id=s label=Spread range=1..12 value=4 step=1\nalt: x\n@end\n"        \
	"@widget race id=race names=zero,huge,xavier init=zeros,normal,xavier-uniform "    \
	"init_scale=0,7,0 scale_from=s symmetry=yes epochs=20\nalt: x\n@end\n"

START_TEST(a_dial_sets_the_spread)
{
	Instance *in, *dial;
	const Run *huge;
	Data d;
	int k;

	wt_open(&t, DIALED);
	in = wt_get(&t, "race");
	dial = wt_get(&t, "s");
	huge = race_run(in, 1);
	/* the dial's number, not init_scale's; only for the run whose start has a spread */
	ck_assert(huge->cfg.init_value == 4);
	ck_assert(race_run(in, 0)->cfg.init_value == 0 && race_run(in, 2)->cfg.init_value == 0);
	/* turned before the race: the run is made again, nothing plays */
	ck_assert_uint_eq(wt_key(dial, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(!scene_changed(&t.scene));
	ck_assert(race_run(in, 1)->cfg.init_value == 5);
	ck_assert(!in->animating);
	ck_assert_uint_eq(race_run(in, 1)->tr.examples, 0);
	/* nothing changed: a look costs nothing and changes nothing */
	ck_assert(!in->ops->tick(in, 0));
	/* under way: the dialed run starts again and the race plays on; the others keep
	 * their place */
	race_train(in, 800);
	wt_key(dial, K_LEFT);
	ck_assert(scene_changed(&t.scene));
	ck_assert(in->animating);
	ck_assert(race_run(in, 1)->cfg.init_value == 4);
	ck_assert_uint_eq(race_run(in, 1)->tr.examples, 0);
	ck_assert_uint_eq(race_run(in, 0)->tr.examples, 800);
	ck_assert_uint_eq(race_run(in, 2)->tr.examples, 800);
	/* the same start as a race made at 4 from the beginning: the same run */
	{
		WTest u;
		wt_open(&u, DIALED);
		const Run *fresh = race_run(wt_get(&u, "race"), 1);
		ck_assert(memcmp(race_run(in, 1)->mlp.params, fresh->mlp.params,
				 fresh->mlp.n_params * sizeof(double)) == 0);
		wt_close(&u);
	}
	/* paused: ticks train nothing; the dial turned starts its run again and plays */
	race_train(in, 400);
	wt_char(in, ' ');
	ck_assert(!in->animating);
	ck_assert(!in->ops->tick(in, 1.0 / 30));
	ck_assert(!scene_tick(&t.scene, 1.0 / 30));
	ck_assert_uint_eq(race_run(in, 1)->tr.examples, 400);
	wt_key(dial, K_RIGHT);
	ck_assert(scene_changed(&t.scene) && in->animating);
	ck_assert_uint_eq(race_run(in, 1)->tr.examples, 0);
	/* at the finish: turning it races the new start alone against the finished runs */
	race_train(in, 100000);
	ck_assert(race_finished(in->state));
	wt_key(dial, K_END);
	ck_assert(scene_changed(&t.scene));
	ck_assert(in->animating && race_run(in, 1)->cfg.init_value == 12);
	ck_assert(!race_finished(in->state));
	ck_assert_int_eq(race_epoch(in->state), 0);
	race_train(in, 400);
	ck_assert(run_epoch(race_run(in, 1)) == 1 && run_epoch(race_run(in, 2)) == 20);
	/* how far apart the hidden neurons are: by hand, in the output and the rows */
	ck_assert(scene_output(in, "apart", DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.labels[0], "zero");
	for (k = 0; k < 3; k++)
		ck_assert_double_eq_tol(d.v[k], apart_by_hand(&race_run(in, k)->mlp), 1e-12);
	ck_assert(d.v[0] == 0 && d.v[1] > 0 && d.v[2] > 0);
	{
		char *s = wt_draw(in, 76, wt_ascii, false), want[64];
		ck_assert_msg(strstr(s, "neurons identical") != NULL, "%s", s);
		snprintf(want, sizeof want, "neurons differ by %.2f", d.v[2]);
		ck_assert_msg(strstr(s, want) != NULL, "%s", s);
		free(s);
	}
}
END_TEST

START_TEST(symmetry_goldens)
{
	Instance *in;
	int e;

	wt_open(&t, DIALED);
	in = wt_get(&t, "race");
	for (e = 0; e < 20; e++)
		race_train(in, 400);
	wt_golden("race-symmetry", in, 76);
	wt_golden("race-symmetry-narrow", in, 40);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("race");
	TCase *tc = tcase_create("race");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, init_race_separates);
	tcase_add_test(tc, same_seeds_same_race);
	tcase_add_test(tc, lists_repeat_their_last_item);
	tcase_add_test(tc, a_diverged_run_stops_alone);
	tcase_add_test(tc, driven_by_the_animation_contract);
	tcase_add_test(tc, outputs_and_keys);
	tcase_add_test(tc, goldens);
	tcase_add_test(tc, a_dial_sets_the_spread);
	tcase_add_test(tc, symmetry_goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
