/* check_trainer.c: the trainer widget: training with fixed seeds is reproducible bit for
 * bit, the default net learns the spiral (>= 90% test accuracy), a huge learning rate
 * diverges and the explanation names the step and a rate that then trains (reached by
 * the presses it names, better than every larger rate of the ladder), B brings the best
 * weights back keeping the curves, the goal pauses training where it is won (the same
 * epoch at full speed and epoch by epoch), a line says why the goal does not count,
 * the lowest test loss and best weights are the same at full speed, at a slow speed
 * and in odd chunks, every row of keys fits 76 columns in 22 rows, one name for the
 * work of a step, the goal wins once and its best result is saved and restored, the
 * keys, the charts showing the run's history as a chart fed point by point would keep
 * it, and goldens of the view after a fixed amount of training in UTF-8 and ASCII at 80
 * and 120 columns; the neurons chart: its layout, a thumbnail per neuron, each
 * first-layer neuron changing colour on its own line, nothing drawn outside its
 * rectangle. */
#include <config.h>

#include <math.h>

#include "widgets/wtest.h"
#include "widgets/core/visual.h"
#include "widgets/trainer/trainer-thumbs.h"
#include "widgets/trainer/trainer.h"

static WTest t;

static const char *spiral = "@widget trainer id=brain\nalt: x\n@end\n";
static const char *goal16 = "@widget trainer id=brain goal_accuracy=0.9 max_neurons=16\n"
			    "alt: x\n@end\n";

static void teardown(void)
{
	wt_close(&t);
}

START_TEST(same_seeds_same_run)
{
	WTest u;
	Instance *a, *b;
	const Brain *sa, *sb;
	int i;

	wt_open(&t, spiral);
	wt_open(&u, spiral);
	a = wt_get(&t, "brain");
	b = wt_get(&u, "brain");
	for (i = 0; i < 5; i++) {
		ck_assert(trainer_train(a, 1000));
		ck_assert(trainer_train(b, 1000));
	}
	sa = trainer_state(a);
	sb = trainer_state(b);
	ck_assert_uint_eq(sa->run.tr.examples, 5000);
	ck_assert_uint_eq(sa->run.tr.step, 500);
	ck_assert(sa->run.train_loss == sb->run.train_loss);
	ck_assert(sa->run.test_loss == sb->run.test_loss);
	ck_assert(memcmp(sa->run.mlp.params, sb->run.mlp.params,
			 sa->run.mlp.n_params * sizeof(double)) == 0);
	/* r resets to the same seeds: the same run again */
	wt_char(a, 'r');
	ck_assert_uint_eq(sa->run.tr.examples, 0);
	for (i = 0; i < 5; i++)
		trainer_train(a, 1000);
	ck_assert(sa->run.train_loss == sb->run.train_loss);
	/* R draws new weights: another run on the same points */
	wt_char(a, 'R');
	ck_assert_uint_eq(sa->init_seed, 2);
	ck_assert(memcmp(sa->run.train.x, sb->run.train.x, sa->run.train.n * 2 * sizeof(double)) ==
		  0);
	for (i = 0; i < 5; i++)
		trainer_train(a, 1000);
	ck_assert(sa->run.train_loss != sb->run.train_loss);
	/* D draws new points: another dataset, the weights' seed kept */
	wt_char(a, 'D');
	ck_assert_uint_eq(sa->data_seed, 2);
	ck_assert_uint_eq(sa->init_seed, 2);
	ck_assert(memcmp(sa->run.train.x, sb->run.train.x, sa->run.train.n * 2 * sizeof(double)) !=
		  0);
	wt_close(&u);
}
END_TEST

START_TEST(spiral_learned)
{
	Instance *in;
	const Brain *b;
	int i;

	wt_open(&t, spiral);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert_int_eq(trainer_neurons(b), 16);
	ck_assert_uint_eq(b->run.train.n, 200);
	ck_assert_uint_eq(b->run.test.n, 200);
	for (i = 0; i < 100 && !(b->run.test_acc >= 0.9); i++)
		ck_assert(trainer_train(in, 10000));
	ck_assert_msg(b->run.test_acc >= 0.9, "test accuracy %g after %zu examples",
		      b->run.test_acc, b->run.tr.examples);
}
END_TEST

/* The number after "press - " in s (1 for "once"), or -1. */
static int presses_named(const char *s)
{
	const char *p = strstr(s, "press - ");

	if (!p)
		return -1;
	p += strlen("press - ");
	return strncmp(p, "once", 4) == 0 ? 1 : atoi(p);
}

START_TEST(divergence_explained)
{
	Instance *in, *other;
	const Brain *b;
	char buf[512], want[64];
	double sug, sug_loss;
	int i, n, k;
	WTest u;

	wt_open(&t, "@widget trainer id=brain dataset=plane optimizer=sgd activation=relu lr=100\n"
		    "alt: x\n@end\n");
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	for (i = 0; i < 100 && trainer_train(in, 100); i++)
		;
	ck_assert_int_eq(b->mode, BRAIN_DIVERGED);
	trainer_diverged_text(b, buf, sizeof buf, wt_ascii);
	snprintf(want, sizeof want, "at step %zu with learning rate 100:", b->run.tr.step);
	ck_assert_msg(strstr(buf, want) != NULL, "%s", buf);
	/* the suggestion: a smaller rate of the ladder, and the presses of - to it */
	sug = b->suggest_lr;
	ck_assert(sug > 0 && sug < 100);
	for (k = 0; k < trainer_nrates && trainer_rates[k] != sug; k++)
		;
	ck_assert_int_lt(k, trainer_nrates);
	n = presses_named(buf);
	ck_assert_msg(n >= 1, "%s", buf);
	ck_assert(!trainer_train(in, 100)); /* stays stopped */
	wt_golden_plain("trainer-diverged", in, 80);
	/* Space does not start a diverged run */
	wt_char(in, ' ');
	ck_assert_int_eq(b->mode, BRAIN_DIVERGED);
	/* after a press the message speaks of the rate now, and of the presses left */
	wt_char(in, '-');
	ck_assert_double_eq(b->lr, 30);
	trainer_diverged_text(b, buf, sizeof buf, wt_ascii);
	ck_assert_msg(strstr(buf, "The rate is now 30;") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "more") != NULL && presses_named(buf) == n - 1, "%s", buf);
	for (i = 1; i < n; i++)
		wt_char(in, '-');
	ck_assert(b->lr == sug); /* the keys named reach it */
	trainer_diverged_text(b, buf, sizeof buf, wt_ascii);
	ck_assert_msg(strstr(buf, "press r to start again") != NULL, "%s", buf);
	/* r starts again, and at that rate it trains: 30 epochs, no divergence, the loss
	 * far below the start */
	wt_char(in, 'r');
	ck_assert_int_eq(b->mode, BRAIN_PAUSED);
	{
		double start = b->run.train_loss;
		ck_assert(trainer_train(in, 30 * b->run.train.n));
		ck_assert_int_eq(b->mode, BRAIN_PAUSED);
		ck_assert(b->run.train_loss < start / 10);
		sug_loss = b->run.train_loss;
	}
	/* every larger rate of the ladder below 100, from the same start, diverges or
	 * ends higher: the suggestion is the one that trains best */
	for (i = k + 1; i < trainer_nrates && trainer_rates[i] < 100; i++) {
		char body[256];
		const Brain *o;
		snprintf(body, sizeof body,
			 "@widget trainer id=o dataset=plane optimizer=sgd activation=relu lr=%g\n"
			 "alt: x\n@end\n",
			 trainer_rates[i]);
		wt_open(&u, body);
		other = wt_get(&u, "o");
		o = trainer_state(other);
		if (trainer_train(other, 30 * o->run.train.n))
			ck_assert_msg(o->run.train_loss >= sug_loss, "rate %g trains better than %g",
				      trainer_rates[i], sug);
		wt_close(&u);
	}
}
END_TEST

START_TEST(goal_won_once_and_saved)
{
	Instance *in;
	const Brain *b;
	MemStore st;
	int i;

	wt_open(&t, goal16);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert(!in->done);
	for (i = 0; i < 100 && !in->done; i++)
		trainer_train(in, 10000);
	ck_assert(in->done);
	ck_assert(b->won);
	ck_assert(b->best >= 0.9);
	memstore_init(&st);
	in->ops->save(in, &st.store);
	ck_assert_str_eq(memstore_get(&st, "won"), "1");
	ck_assert_ptr_nonnull(memstore_get(&st, "best"));
	wt_close(&t);

	wt_open(&t, goal16);
	in = wt_get(&t, "brain");
	ck_assert(!in->done);
	in->ops->restore(in, &st.store);
	b = trainer_state(in);
	ck_assert(in->done);
	ck_assert(b->best >= 0.9);
	ck_assert(b->won);
	/* too many neurons: no best, no win */
	wt_close(&t);
	wt_open(&t, "@widget trainer id=brain goal_accuracy=0.5 max_neurons=4\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	trainer_train(in, 2000);
	ck_assert(!in->done);
	ck_assert(b->best < 0);
	wt_char(in, 'L');
	wt_char(in, '[');
	wt_char(in, '[');
	wt_char(in, '[');
	wt_char(in, '[');
	ck_assert_int_eq(trainer_neurons(b), 4);
}
END_TEST

START_TEST(keys)
{
	Instance *in;
	const Brain *b;

	wt_open(&t, spiral);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert(!in->animating);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(in->animating);
	ck_assert_int_eq(b->mode, BRAIN_RUNNING);
	ck_assert(in->ops->tick(in, 1.0 / 30));
	ck_assert_uint_gt(b->run.tr.examples, 0);
	wt_char(in, ' ');
	ck_assert(!in->animating);
	wt_char(in, 's');
	wt_char(in, '+');
	ck_assert_double_eq(b->lr, 0.1);
	wt_char(in, '-');
	wt_char(in, '-');
	ck_assert_double_eq(b->lr, 0.01);
	wt_char(in, 'd');
	ck_assert_int_eq(b->kind, DATA_CIRCLE);
	wt_char(in, 'l');
	ck_assert_int_eq(b->nhidden, 3);
	wt_char(in, ']');
	ck_assert_int_eq(trainer_neurons(b), 27);
	wt_char(in, 'a');
	ck_assert_int_eq(b->acts[0], ACT_RELU);
	ck_assert_int_eq(b->acts[2], ACT_RELU);
	ck_assert_uint_eq(wt_key(in, K_TAB), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, 'q'), WIDGET_IGNORED);
	/* every dataset builds and trains */
	{
		int i;
		for (i = 0; i < 9; i++) {
			wt_char(in, 'd');
			ck_assert(b->built);
			ck_assert(trainer_train(in, 500));
		}
	}
}
END_TEST

START_TEST(speed_and_settings)
{
	Instance *in;
	const Brain *b;
	int i;

	wt_open(&t, "@widget trainer id=brain dropout=0.2 l1=0.001 l2=0.001 init=he-normal "
		    "activation=relu\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert_double_eq(b->dropout, 0.2);
	ck_assert_int_eq(b->init, INIT_HE_NORMAL);
	ck_assert(b->run.tr.work.mask != NULL);
	ck_assert(trainer_train(in, 2000));
	ck_assert(isfinite(b->run.train_loss));
	/* full speed by default; < down to 10 epochs a second: a 0.1 s tick trains one
	 * epoch of the 200 training points, in whole batches */
	ck_assert_double_eq(trainer_speeds[b->speed], 0);
	for (i = 0; i < 5; i++)
		wt_char(in, '<');
	ck_assert_double_eq(trainer_speeds[b->speed], 10);
	wt_char(in, 'r');
	wt_char(in, ' ');
	ck_assert(in->ops->tick(in, 0.1));
	ck_assert_uint_eq(b->run.tr.examples, 200);
	ck_assert(in->ops->tick(in, 0.025));
	ck_assert_uint_eq(b->run.tr.examples, 250);
	/* at a set speed ticks are deterministic: two instances, the same seeds, N ticks
	 * of a fixed dt: the same examples and the same loss bit for bit */
	{
		WTest u;
		Instance *in2;
		const Brain *b2;
		wt_open(&u, "@widget trainer id=brain dropout=0.2 l1=0.001 l2=0.001 "
			    "init=he-normal activation=relu\nalt: x\n@end\n");
		in2 = wt_get(&u, "brain");
		b2 = trainer_state(in2);
		for (i = 0; i < 5; i++)
			wt_char(in2, '<');
		wt_char(in2, ' ');
		wt_char(in, 'r');
		for (i = 0; i < 20; i++) {
			in->ops->tick(in, 1.0 / 30);
			in2->ops->tick(in2, 1.0 / 30);
		}
		ck_assert_uint_eq(b->run.tr.examples, b2->run.tr.examples);
		ck_assert_uint_ge(b->run.tr.examples, 1300); /* 20 frames of a third of an epoch */
		ck_assert_uint_le(b->run.tr.examples, 1340);
		ck_assert(b->run.train_loss == b2->run.train_loss);
		ck_assert(b->run.test_loss == b2->run.test_loss);
		wt_close(&u);
	}
	wt_char(in, '>');
	ck_assert_double_eq(trainer_speeds[b->speed], 30);
	/* b cycles the batch size: 10 -> 25 -> 50 -> 100 -> the whole set -> 1 */
	wt_char(in, 'b');
	ck_assert_uint_eq(b->run.tr.cfg.batch, 25);
	wt_char(in, 'b');
	wt_char(in, 'b');
	wt_char(in, 'b');
	ck_assert_uint_eq(b->run.tr.cfg.batch, 200);
	wt_char(in, 'b');
	ck_assert_uint_eq(b->run.tr.cfg.batch, 1);
	/* 1 and 2 cycle L1 and L2 live; x dropout and i the initializer rebuild */
	wt_char(in, '1');
	ck_assert_double_eq(b->l1, 0.01);
	ck_assert_double_eq(b->run.tr.opt.cfg.l1, 0.01);
	wt_char(in, '1');
	ck_assert_double_eq(b->l1, 0);
	wt_char(in, '2');
	ck_assert_double_eq(b->run.tr.opt.cfg.l2, 0.01);
	wt_char(in, 'x');
	ck_assert_double_eq(b->dropout, 0.3);
	wt_char(in, 'x');
	wt_char(in, 'x');
	ck_assert_double_eq(b->dropout, 0);
	ck_assert(b->run.tr.work.mask == NULL);
	wt_char(in, 'i');
	ck_assert_int_eq(b->init, INIT_UNIFORM);
	wt_char(in, 'i');
	wt_char(in, 'i');
	wt_char(in, 'i');
	ck_assert_int_eq(b->init, INIT_COUNT); /* auto again */
	ck_assert(trainer_train(in, 500));
}
END_TEST

/* Whether the trainer drawn at width w (focused, ASCII) shows s. */
static bool shows(const Instance *in, int w, const char *s)
{
	char *txt = wt_text(in, w, wt_ascii, true, NULL, NULL);
	bool r = strstr(txt, s) != NULL;

	free(txt);
	return r;
}

/* Fails the test, with the drawing, unless the trainer at width w shows s. */
static void must_show(const Instance *in, int w, const char *s)
{
	char *txt = wt_text(in, w, wt_ascii, true, NULL, NULL);

	ck_assert_msg(strstr(txt, s) != NULL, "no \"%s\" in:\n%s", s, txt);
	free(txt);
}

/* B: the weights of the lowest test loss come back, the curves up to now stay and
 * the epoch count goes on; the status says which epoch's weights are back, and the
 * run trains on from them. */
START_TEST(best_keeps_the_history)
{
	static const char *overfit = "@widget trainer id=brain dataset=spiral noise=0.8 "
				     "points=200 layers=16,16\nalt: x\n@end\n";
	Instance *in;
	const Brain *b;
	const PlotDataSeries *test;
	double xs[BRAIN_HISTORY + 1], ys[BRAIN_HISTORY + 1], epoch;
	size_t kept, seen, ex, i;
	char want[128], e[32], l[32];

	wt_open(&t, overfit);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	for (i = 0; i < 30; i++)
		ck_assert(trainer_train(in, 1000)); /* 300 epochs of 100 points: it overfits */
	ck_assert(b->run.best_epoch > 0 && b->run.best_epoch < 300);
	ck_assert(b->run.test_loss > b->run.best_loss);
	test = &b->curves.series[1];
	kept = b->run.hist.n;
	seen = b->run.hist.seen;
	ex = b->run.tr.examples;
	epoch = run_epoch(&b->run);
	memcpy(xs, test->x, kept * sizeof *xs);
	memcpy(ys, test->y, kept * sizeof *ys);
	wt_char(in, ' ');
	wt_char(in, 'B');
	ck_assert_int_eq(b->mode, BRAIN_PAUSED);
	ck_assert(b->restored);
	ck_assert(memcmp(b->run.mlp.params, b->run.best, b->run.mlp.n_params * sizeof(double)) == 0);
	ck_assert_uint_eq(b->run.tr.examples, ex); /* the count goes on */
	ck_assert_uint_eq(b->run.hist.seen, seen + 1);
	ck_assert_uint_ge(test->n, kept + 1);
	ck_assert(memcmp(test->x, xs, kept * sizeof *xs) == 0); /* the curves stay */
	ck_assert(memcmp(test->y, ys, kept * sizeof *ys) == 0);
	ck_assert(test->x[test->n - 1] == epoch); /* and show the jump back, now */
	ck_assert(test->y[test->n - 1] == b->run.best_loss);
	ck_assert(b->run.test_loss == b->run.best_loss);
	trainer_epoch_str(e, sizeof e, b->run.best_epoch);
	visual_loss(l, sizeof l, b->run.best_loss);
	snprintf(want, sizeof want, "Weights of epoch %s back (test loss %s): Space trains on", e,
		 l);
	ck_assert_msg(shows(in, 76, want), "%s", want);
	/* the run goes on from them */
	ck_assert(trainer_train(in, 100));
	ck_assert_uint_eq(b->run.tr.examples, ex + 100);
	ck_assert(!b->restored);
	ck_assert(!shows(in, 76, "back (test loss"));
	must_show(in, 76, "Paused.");
}
END_TEST

/* The goal reached while training pauses there, at the end of the epoch that reached
 * it, the same at full speed and epoch by epoch, and says so; Space trains on. */
START_TEST(win_pauses_to_celebrate)
{
	Instance *in, *in2;
	const Brain *b, *b2;
	char want[128], e[32];
	size_t ex;
	int i;
	WTest u;

	wt_open(&t, goal16);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	wt_char(in, ' ');
	for (i = 0; i < 5000 && !in->done; i++)
		in->ops->tick(in, 1.0 / 30);
	ck_assert(in->done && b->won);
	ck_assert_int_eq(b->mode, BRAIN_PAUSED);
	ck_assert(!in->animating);
	ck_assert(b->at_win);
	ck_assert(b->run.test_acc >= 0.9 && b->run.test_acc == b->win_acc);
	ck_assert(run_epoch(&b->run) == b->win_epoch);
	ck_assert(b->win_epoch == floor(b->win_epoch)); /* at an epoch's end */
	trainer_epoch_str(e, sizeof e, b->win_epoch);
	snprintf(want, sizeof want, "Paused at the win: %.1f%% test accuracy at epoch %s.",
		 100 * b->win_acc, e);
	ck_assert_msg(shows(in, 76, want), "%s", want);
	must_show(in, 76, "Goal reached: this brain learned it!");
	/* epoch by epoch: the same epoch, the same accuracy */
	wt_open(&u, goal16);
	in2 = wt_get(&u, "brain");
	b2 = trainer_state(in2);
	for (i = 0; i < 2000 && !in2->done; i++)
		wt_char(in2, 's');
	ck_assert(b2->won && b2->at_win);
	ck_assert(b2->win_epoch == b->win_epoch && b2->win_acc == b->win_acc);
	wt_close(&u);
	/* Space trains on, and the win does not pause it again */
	ex = b->run.tr.examples;
	wt_char(in, ' ');
	ck_assert_int_eq(b->mode, BRAIN_RUNNING);
	for (i = 0; i < 3; i++)
		ck_assert(in->ops->tick(in, 1.0 / 30));
	ck_assert_uint_gt(b->run.tr.examples, ex);
	ck_assert_int_eq(b->mode, BRAIN_RUNNING);
	ck_assert(!b->at_win);
	ck_assert(!shows(in, 76, "Paused at the win"));
}
END_TEST

/* Data the goal is not about, or too many neurons: the trainer says so, and what
 * brings the goal back; the best is not judged meanwhile. */
START_TEST(goal_miss_is_said)
{
	Instance *in;
	const Brain *b;
	double best;

	wt_open(&t, goal16);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert_int_eq(trainer_goal_miss(b), BRAIN_GOAL_COUNTS);
	ck_assert(!shows(in, 76, "does not count"));
	best = b->best;
	wt_char(in, 'n');
	ck_assert_int_eq(trainer_goal_miss(b), BRAIN_GOAL_NOISE);
	must_show(in, 76, "Noise 0.3 does not count for the goal, only 0.2: n cycles back.");
	ck_assert(trainer_train(in, 4000));
	ck_assert(b->best == best);
	wt_char(in, 'n'); /* 0.5, 0, 0.1, 0.2 */
	wt_char(in, 'n');
	wt_char(in, 'n');
	wt_char(in, 'n');
	ck_assert(!shows(in, 76, "does not count"));
	wt_char(in, 'd');
	must_show(in, 76, "Circle does not count for the goal, only Spiral: d cycles back.");
	wt_close(&t);
	wt_open(&t, goal16);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	wt_char(in, 't');
	must_show(in, 76, "Split 60% does not count for the goal, only 50%: t cycles back.");
	wt_char(in, 't');
	wt_char(in, 't');
	wt_char(in, 't');
	wt_char(in, 't');
	wt_char(in, 't');
	wt_char(in, 't');
	wt_char(in, 't');
	wt_char(in, 't');
	ck_assert_int_eq(trainer_goal_miss(b), BRAIN_GOAL_COUNTS);
	ck_assert(trainer_place(in, 1));
	must_show(in, 76, "Your own points do not count for the goal: d goes back");
	wt_char(in, 'd');
	ck_assert_int_eq(trainer_goal_miss(b), BRAIN_GOAL_COUNTS);
	wt_char(in, ']');
	must_show(in, 76, "Too many neurons for the goal: press [ or L.");
}
END_TEST

/* The same run at full speed, at 30 epochs a second (ticks of a fixed dt) and in odd
 * chunks: the same steps, the same lowest test loss at the same epoch, the same best
 * weights and the same early stop, bit for bit. */
START_TEST(same_best_at_any_speed)
{
	static const char *overfit = "@widget trainer id=brain dataset=spiral noise=0.8 "
				     "points=200 layers=16,16 early_stop=yes\nalt: x\n@end\n";
	WTest u, v;
	Instance *full, *slow, *chunks;
	const Brain *a, *b, *c;
	int i;

	wt_open(&t, overfit);
	wt_open(&u, overfit);
	wt_open(&v, overfit);
	full = wt_get(&t, "brain");
	slow = wt_get(&u, "brain");
	chunks = wt_get(&v, "brain");
	a = trainer_state(full);
	b = trainer_state(slow);
	c = trainer_state(chunks);
	for (i = 0; i < 4; i++)
		wt_char(slow, '<');
	ck_assert_double_eq(trainer_speeds[b->speed], 30);
	wt_char(full, ' ');
	wt_char(slow, ' ');
	for (i = 0; i < 100000 && a->mode == BRAIN_RUNNING; i++)
		full->ops->tick(full, 1.0 / 30);
	for (i = 0; i < 100000 && b->mode == BRAIN_RUNNING; i++)
		slow->ops->tick(slow, 1.0 / 30);
	for (i = 0; i < 100000 && !c->run.stopped; i++)
		trainer_train(chunks, 777);
	ck_assert(a->run.stopped && b->run.stopped && c->run.stopped);
	ck_assert(a->run.best_epoch > 0);
	ck_assert_uint_eq(a->run.tr.step, b->run.tr.step);
	ck_assert_uint_eq(a->run.tr.step, c->run.tr.step);
	ck_assert(a->run.best_loss == b->run.best_loss && a->run.best_loss == c->run.best_loss);
	ck_assert(a->run.best_epoch == b->run.best_epoch && a->run.best_epoch == c->run.best_epoch);
	ck_assert(memcmp(a->run.best, b->run.best, a->run.mlp.n_params * sizeof(double)) == 0);
	ck_assert(memcmp(a->run.best, c->run.best, a->run.mlp.n_params * sizeof(double)) == 0);
	ck_assert(memcmp(a->run.mlp.params, b->run.mlp.params,
			 a->run.mlp.n_params * sizeof(double)) == 0);
	ck_assert(a->run.test_loss == a->run.best_loss); /* the best weights are back */
	wt_close(&u);
	wt_close(&v);
}
END_TEST

/* At the player's 76 columns the trainer is at most 22 rows (an 80x24 screen less the
 * title and the footer) and shows every row of its keys, however many lines its
 * status and goal need: fresh, reached, over budget, diverged, best weights back. */
START_TEST(keys_fit_80x24)
{
	static const char *rows[] = {"Space run/pause", "d dataset  n noise", "[/] width  h layer",
				     "1 L1  2 L2  x dropout"};
	Instance *in;
	const Brain *b;
	int i, k;

	wt_open(&t, "@widget trainer id=brain activation=relu goal_accuracy=0.9 max_neurons=16\n"
		    "alt: x\n@end\n");
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert_int_le(in->ops->height(in, 76), 22);
	for (k = 0; k < 5; k++) {
		if (k == 1)
			for (i = 0; i < 100 && !b->won; i++)
				trainer_train(in, 2000);
		if (k == 1)
			ck_assert(b->won && b->at_win);
		if (k == 2)
			wt_char(in, ']');
		if (k == 3) {
			wt_char(in, '[');
			wt_char(in, 'B');
			ck_assert(b->restored);
		}
		if (k == 4) {
			for (i = 0; i < 7; i++)
				wt_char(in, '+');
			wt_char(in, 'r');
			for (i = 0; i < 100 && trainer_train(in, 100); i++)
				;
			ck_assert_int_eq(b->mode, BRAIN_DIVERGED);
		}
		for (i = 0; i < 4; i++)
			ck_assert_msg(shows(in, 76, rows[i]), "state %d: %s", k, rows[i]);
		ck_assert_msg(shows(in, 76, "Goal") || k == 4, "state %d", k);
	}
	/* a narrow column wraps the keys into more rows: the widget grows, the last key
	 * is still drawn */
	ck_assert_int_gt(in->ops->height(in, 40), in->ops->height(in, 76));
	{
		char *txt = wt_text(in, 40, wt_ascii, true, NULL, NULL);
		size_t n = strlen(txt);
		while (n > 0 && (txt[n - 1] == '\n' || txt[n - 1] == ' '))
			txt[--n] = '\0';
		ck_assert_msg(n > 4 && strcmp(txt + n - 4, "stop") == 0, "%s", txt);
		free(txt);
	}
}
END_TEST

/* One name for the work of a step, at every width and speed: mult-adds. */
START_TEST(one_name_per_figure)
{
	static const int widths[] = {40, 76, 120};
	Instance *in;
	const Brain *b;
	size_t i;

	wt_open(&t, spiral);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	for (i = 0; i < 3; i++)
		ck_assert(!shows(in, widths[i], "MACs"));
	wt_char(in, ' ');
	in->ops->tick(in, 1.0 / 30);
	ck_assert(b->rate > 0);
	for (i = 0; i < 3; i++) {
		ck_assert(!shows(in, widths[i], "MACs"));
		ck_assert(shows(in, widths[i], "mult-adds/step") || widths[i] < 76);
	}
	ck_assert(shows(in, 76, "ex/s") || shows(in, 76, "examples/s"));
}
END_TEST

/* The charts show the run's history (nn/run.h), thinned in the library: the same
 * points as a chart fed every evaluation through plotdata_append, thinning included
 * (600 evaluations into 256 points). */
START_TEST(curves_are_the_chart_plotdata_keeps)
{
	Instance *in;
	const Brain *b;
	PlotData ref;
	const PlotDataSeries *got, *want;
	size_t i, n;
	int k;

	wt_open(&t, spiral);
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert_int_eq(plotdata_init(&ref, PLOTDATA_LINES, BRAIN_HISTORY), 0);
	ck_assert_int_eq(plotdata_add_series(&ref, NULL, COLOUR_NONE, 0), 0);
	ck_assert_int_eq(plotdata_add_series(&ref, NULL, COLOUR_NONE, 0), 1);
	plotdata_append(&ref, 0, b->run.epoch, b->run.train_loss); /* the built run's point */
	plotdata_append(&ref, 1, b->run.epoch, b->run.test_acc);
	for (i = 0; i < 599; i++) {
		ck_assert(trainer_train(in, 10));
		plotdata_append(&ref, 0, b->run.epoch, b->run.train_loss);
		plotdata_append(&ref, 1, b->run.epoch, b->run.test_acc);
	}
	for (k = 0; k < 2; k++) {
		want = &ref.series[k];
		got = k ? &b->accs.series[1] : &b->curves.series[0];
		ck_assert_uint_gt(want->every, 1); /* it was thinned */
		n = want->n;
		for (i = 0; i < n; i++)
			ck_assert(got->x[i] == want->x[i] && got->y[i] == want->y[i]);
		if ((want->seen - 1) % want->every != 0) { /* the newest, not kept, drawn last */
			ck_assert(got->x[n] == want->last_x && got->y[n] == want->last_y);
			n++;
		}
		ck_assert_uint_eq(got->n, n);
	}
	plotdata_free(&ref);
}
END_TEST

START_TEST(view_goldens)
{
	Instance *in;
	int i;

	wt_open(&t, goal16);
	in = wt_get(&t, "brain");
	wt_golden_plain("trainer-start", in, 80);
	for (i = 0; i < 10; i++)
		trainer_train(in, 2000);
	wt_golden_plain("trainer-20000", in, 80);
	wt_golden_plain("trainer-wide", in, 120);
	wt_close(&t);
	wt_open(&t, "@widget trainer id=brain dataset=blobs layers=6\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	trainer_train(in, 5000);
	wt_golden_plain("trainer-blobs", in, 80);
	{ /* three classes: the field shows each in its own colour */
		Grid g;
		int x, y, seen[COLOUR_COUNT] = {0}, cx, cy;
		ck_assert_int_eq(grid_init(&g, 80, in->ops->height(in, 80)), 0);
		in->ops->draw(in, &g, (Rect){0, 0, 80, g.h}, wt_utf8, false, &cx, &cy);
		for (y = 1; y < 16; y++)
			for (x = 0; x < 40; x++)
				seen[grid_at(&g, x, y)->bg]++;
		ck_assert_int_gt(seen[COLOUR_CLASS0], 20);
		ck_assert_int_gt(seen[COLOUR_CLASS1], 20);
		ck_assert_int_gt(seen[COLOUR_CLASS2], 20);
		grid_free(&g);
	}
	wt_close(&t);
	/* an activation per layer; the accuracy chart (v); MSE (c) */
	wt_open(&t, "@widget trainer id=brain dataset=moons points=300 layers=6,4,3 activation=relu,tanh "
		    "lr=0.01 l2=0.001\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	ck_assert_uint_eq(trainer_state(in)->run.train.n, 150);
	ck_assert_int_eq(trainer_state(in)->run.mlp.act[0], ACT_RELU);
	ck_assert_int_eq(trainer_state(in)->run.mlp.act[1], ACT_TANH);
	ck_assert_int_eq(trainer_state(in)->run.mlp.act[2], ACT_TANH);
	ck_assert_int_eq(trainer_state(in)->run.mlp.act[3], ACT_LINEAR);
	wt_char(in, 'c');
	ck_assert_int_eq(trainer_state(in)->run.mlp.act[3], ACT_SIGMOID);
	for (i = 0; i < 5; i++)
		trainer_train(in, 1000);
	wt_char(in, 'v');
	wt_golden_plain("trainer-moons-accuracy", in, 80);
	wt_char(in, 'v');
	ck_assert_int_eq(trainer_state(in)->chart, BRAIN_CHART_NET);
	wt_golden_plain("trainer-moons-network", in, 80);
	wt_char(in, 'v');
	ck_assert_int_eq(trainer_state(in)->chart, BRAIN_CHART_NEURONS);
	wt_char(in, 'v');
	ck_assert_int_eq(trainer_state(in)->chart, BRAIN_CHART_LOSS);
}
END_TEST

/* Where the ASCII text s starts in g (false: nowhere). */
static bool grid_find(Grid *g, const char *s, int *fx, int *fy)
{
	int x, y, i;

	for (y = 0; y < g->h; y++)
		for (x = 0; x < g->w; x++) {
			for (i = 0; s[i] && grid_at(g, x + i, y) &&
				    grid_at(g, x + i, y)->ch == (uint32_t)s[i];
			     i++)
				;
			if (!s[i]) {
				*fx = x;
				*fy = y;
				return true;
			}
		}
	return false;
}

/* Runs of cells with a field colour (a thumbnail's cells) on row y from column x on. */
static int field_runs(Grid *g, int x, int y)
{
	int n = 0;
	bool in = false;

	for (; x < g->w; x++) {
		bool f = grid_at(g, x, y)->bg >= COLOUR_RAMP;
		n += f && !in;
		in = f;
	}
	return n;
}

/* The trainer in, its chart switched to the neurons by v (and the order of v checked:
 * loss, accuracy unless regression, network, neurons). */
static void show_neurons(Instance *in)
{
	const Brain *b = trainer_state(in);

	ck_assert_int_eq(b->chart, BRAIN_CHART_LOSS);
	wt_char(in, 'v');
	if (b->classes) {
		ck_assert_int_eq(b->chart, BRAIN_CHART_ACC);
		wt_char(in, 'v');
	}
	ck_assert_int_eq(b->chart, BRAIN_CHART_NET);
	wt_char(in, 'v');
	ck_assert_int_eq(b->chart, BRAIN_CHART_NEURONS);
}

START_TEST(neurons_chart)
{
	static const Caps capss[] = {{true, 256}, {true, 8}, {true, 0}, {false, 256}, {false, 0}};
	static const int widths[] = {80, 160};
	Instance *in;
	const Brain *b;
	size_t c, k;
	int i;

	wt_open(&t, "@widget trainer id=brain layers=4\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	for (i = 0; i < 5; i++)
		trainer_train(in, 2000);
	show_neurons(in);
	for (k = 0; k < sizeof widths / sizeof *widths; k++)
		for (c = 0; c < sizeof capss / sizeof *capss; c++) {
			Caps caps = capss[c];
			Grid g, ref;
			int w = widths[k], tx, ty, lx, ly, ox, oy, cx, cy, x, y;
			Rect r = {0, 0, w, in->ops->height(in, w)};

			ck_assert_int_eq(grid_init(&g, r.w, r.h), 0);
			ck_assert_int_eq(grid_init(&ref, r.w, r.h), 0);
			in->ops->draw(in, &g, r, caps, true, &cx, &cy);
			ck_assert_msg(grid_find(&g, "neurons (v: loss)", &tx, &ty), "w %d caps %zu",
				      w, c);
			ck_assert(grid_find(&g, "layer 1", &lx, &ly));
			ck_assert(grid_find(&g, "out", &ox, &oy));
			/* the labels at the chart's left, under its title */
			ck_assert_int_eq(lx, tx);
			ck_assert_int_eq(ox, tx);
			ck_assert_int_gt(ly, ty);
			ck_assert_int_gt(oy, ly + 2); /* a band of 3 rows at least between */
			if (caps.colours) { /* a thumbnail per hidden neuron, one for the output */
				ck_assert_int_eq(field_runs(&g, lx + 8, ly), trainer_neurons(b));
				ck_assert_int_eq(field_runs(&g, ox + 8, oy), 1);
			}
			for (y = 0; y < g.h && !caps.unicode; y++) /* ASCII is ASCII */
				for (x = 0; x < g.w; x++)
					ck_assert_uint_lt(grid_at(&g, x, y)->ch, 128);
			/* only the chart changed: the same frame with the loss chart differs
			 * right of the field and above the numbers alone */
			wt_char(in, 'v');
			in->ops->draw(in, &ref, r, caps, true, &cx, &cy);
			show_neurons(in);
			for (y = 0; y < g.h; y++)
				for (x = 0; x < g.w; x++) {
					Cell *a = grid_at(&g, x, y), *e = grid_at(&ref, x, y);
					if (a->ch == e->ch && a->bg == e->bg && a->fg == e->fg)
						continue;
					ck_assert_msg(x >= tx && y >= ty && y < ty + 10,
						      "cell %d,%d", x, y);
				}
			grid_free(&g);
			grid_free(&ref);
		}
	wt_golden_plain("trainer-neurons", in, 80);
	wt_golden_plain("trainer-neurons-wide", in, 160);
	wt_close(&t);
	/* regression: v skips the accuracy; the output's thumbnail is its value */
	wt_open(&t, "@widget trainer id=brain dataset=plane layers=3\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	show_neurons(in);
	{
		char *text = wt_draw(in, 80, wt_ascii, false);
		ck_assert_msg(strstr(text, "layer 1") && strstr(text, "out"), "%s", text);
		free(text);
	}
	wt_char(in, 'v');
	ck_assert_int_eq(trainer_state(in)->chart, BRAIN_CHART_LOSS);
}
END_TEST

/* Layer 1 of a 2-4-1 net drawn at (2, 1) in 39 x 9 cells: for each neuron whose line
 * w.x + b = 0 crosses the square, the cell where w.x + b is largest and the one where it
 * is smallest show the two signs: ramp colours on either side of the middle, and in
 * monochrome '+' or '#' against '~' or '=' (ReLU: blank, its dead side, against '#').
 * Returns the neurons checked. */
static int edges_checked(Brain *b, Activation act)
{
	static const Caps capss[] = {{true, 256}, {false, 256}, {false, 0}, {true, 0}};
	const double *p = b->run.mlp.params + b->run.mlp.w_off[0];
	const double *bias = p + b->run.mlp.sizes[1] * 2;
	CanvasView v;
	ThumbsLayout lay;
	size_t c;
	int j, checked = 0;

	trainer_bounds(b, &v.x0, &v.x1, &v.y0, &v.y1);
	ck_assert_int_eq(trainer_thumbs_layout(b, 2, 1, 39, 9, &lay), 0);
	ck_assert_int_eq(lay.nbands, 2);
	ck_assert_int_eq(lay.band[0].shown, 4);
	ck_assert_int_eq(lay.band[0].more, 0);
	ck_assert_int_eq(lay.n, 5);
	for (j = 0; j < 4; j++) {
		const Thumb *th = &lay.t[j];
		double zmin = INFINITY, zmax = -INFINITY, top;
		int minx = 0, miny = 0, maxx = 0, maxy = 0, cx, cy;

		ck_assert_int_eq(th->layer, 0);
		ck_assert_int_eq(th->neuron, j);
		for (cy = 0; cy < lay.th; cy++)
			for (cx = 0; cx < lay.tw; cx++) {
				double px = v.x0 + (cx + 0.5) / lay.tw * (v.x1 - v.x0);
				double py = v.y1 - (cy + 0.5) / lay.th * (v.y1 - v.y0);
				double z = p[2 * j] * px + p[2 * j + 1] * py + bias[j];
				if (z < zmin)
					zmin = z, minx = cx, miny = cy;
				if (z > zmax)
					zmax = z, maxx = cx, maxy = cy;
			}
		/* both sides well away from the neutral colour (the values are divided by
		 * the largest |f(z) - f(0)|, about the larger side's) */
		top = fmax(fabs(act_value(act, zmax)), fabs(act_value(act, zmin)));
		if (!(act_value(act, zmax) > 0.7 * top) ||
		    (act == ACT_TANH && !(act_value(act, zmin) < -0.7 * top)) ||
		    (act == ACT_RELU && !(zmin < 0)))
			continue;
		for (c = 0; c < sizeof capss / sizeof *capss; c++) {
			Grid g;
			Cell *hi, *lo;
			ck_assert_int_eq(grid_init(&g, 44, 12), 0);
			trainer_thumbs_draw(b, &g, 2, 1, 39, 9, capss[c]);
			hi = grid_at(&g, th->x + maxx, th->y + maxy);
			lo = grid_at(&g, th->x + minx, th->y + miny);
			if (capss[c].colours) {
				ck_assert_int_gt(hi->bg, COLOUR_RAMP + COLOUR_RAMP_STEPS / 2);
				if (act == ACT_RELU)
					ck_assert_int_eq(lo->bg,
							 COLOUR_RAMP + COLOUR_RAMP_STEPS / 2);
				else
					ck_assert_int_lt(lo->bg,
							 COLOUR_RAMP + COLOUR_RAMP_STEPS / 2);
			} else if (!capss[c].unicode) { /* monochrome braille may draw the edge over
							   it */
				ck_assert_msg(hi->ch == '+' || hi->ch == '#', "%c", (char)hi->ch);
				if (act == ACT_RELU)
					ck_assert_uint_eq(lo->ch, ' ');
				else
					ck_assert_msg(lo->ch == '~' || lo->ch == '=', "%c",
						      (char)lo->ch);
			}
			grid_free(&g);
		}
		checked++;
	}
	return checked;
}

START_TEST(neurons_draw_edges)
{
	Instance *in;
	int i;

	wt_open(&t, "@widget trainer id=brain layers=4\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	ck_assert_int_gt(edges_checked(in->state, ACT_TANH), 0); /* the starting weights */
	for (i = 0; i < 5; i++)
		trainer_train(in, 2000);
	ck_assert_int_gt(edges_checked(in->state, ACT_TANH), 0);
	wt_close(&t);
	wt_open(&t, "@widget trainer id=brain layers=4 activation=relu\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	trainer_train(in, 2000);
	ck_assert_int_gt(edges_checked(in->state, ACT_RELU), 0);
}
END_TEST

/* trainer_thumbs_draw in every rectangle up to 60 x 12 of a 64 x 16 grid, for nets from
 * one output neuron to 6 x 16 hidden ones: no cell outside the rectangle changes. */
START_TEST(neurons_stay_inside)
{
	static const char *const nets[] = {
	    "@widget trainer id=brain layers=0\nalt: x\n@end\n",
	    "@widget trainer id=brain layers=4\nalt: x\n@end\n",
	    "@widget trainer id=brain dataset=blobs layers=3,5 activation=relu\nalt: x\n@end\n",
	    "@widget trainer id=brain layers=16,16,16,16,16,16\nalt: x\n@end\n",
	};
	static const Caps capss[] = {{true, 256}, {false, 0}};
	size_t n, c;

	for (n = 0; n < sizeof nets / sizeof *nets; n++) {
		Instance *in;
		Grid g;
		int w, h, x, y, drew = 0;

		wt_open(&t, nets[n]);
		in = wt_get(&t, "brain");
		ck_assert_int_eq(grid_init(&g, 64, 16), 0);
		for (c = 0; c < sizeof capss / sizeof *capss; c++)
			for (w = 0; w <= 60; w++)
				for (h = 0; h <= 12; h++) {
					ThumbsLayout lay;
					int i;
					grid_clear(&g, STYLE_NORMAL);
					for (y = 0; y < g.h; y++)
						for (x = 0; x < g.w; x++)
							grid_at(&g, x, y)->ch = '.';
					trainer_thumbs_draw(in->state, &g, 2, 3, w, h, capss[c]);
					for (y = 0; y < g.h; y++)
						for (x = 0; x < g.w; x++) {
							Cell *e = grid_at(&g, x, y);
							if (x >= 2 && x < 2 + w && y >= 3 &&
							    y < 3 + h)
								continue;
							ck_assert_msg(e->ch == '.' &&
									  e->bg == COLOUR_NONE,
								      "net %zu, %dx%d: cell %d,%d",
								      n, w, h, x, y);
						}
					if (trainer_thumbs_layout(in->state, 2, 3, w, h, &lay) != 0)
						continue;
					drew++;
					for (i = 0; i < lay.n; i++) {
						ck_assert_int_ge(lay.t[i].x, 2);
						ck_assert_int_le(lay.t[i].x + lay.tw, 2 + w);
						ck_assert_int_le(lay.t[i].y + lay.th, 3 + h);
						ck_assert_int_ge(lay.th, THUMBS_MIN_H);
						ck_assert_int_eq(lay.tw, 2 * lay.th);
					}
				}
		ck_assert_int_gt(drew, 0);
		grid_free(&g);
		wt_close(&t);
	}
	wt_open(&t, nets[0]); /* for the teardown */
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("trainer");
	TCase *tc = tcase_create("trainer");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, same_seeds_same_run);
	tcase_add_test(tc, spiral_learned);
	tcase_add_test(tc, divergence_explained);
	tcase_add_test(tc, goal_won_once_and_saved);
	tcase_add_test(tc, keys);
	tcase_add_test(tc, speed_and_settings);
	tcase_add_test(tc, curves_are_the_chart_plotdata_keeps);
	tcase_add_test(tc, best_keeps_the_history);
	tcase_add_test(tc, win_pauses_to_celebrate);
	tcase_add_test(tc, goal_miss_is_said);
	tcase_add_test(tc, same_best_at_any_speed);
	tcase_add_test(tc, keys_fit_80x24);
	tcase_add_test(tc, one_name_per_figure);
	tcase_add_test(tc, view_goldens);
	tcase_add_test(tc, neurons_chart);
	tcase_add_test(tc, neurons_draw_edges);
	tcase_add_test(tc, neurons_stay_inside);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
