/* check_init_lesson.c: the lesson L2-init (content/level2/init.lesson) opened whole, its
 * widgets driven as a learner would, and every number its text states computed again:
 * the bounds of Xavier and He by hand with libm (and the readouts showing them as the
 * sliders move), and the Init Race measured on the lesson's own race: the zero start
 * stays at ln 2 with identical hidden neurons, the huge start stalls, Xavier is first
 * below 0.1, and the huge run's table of losses by spread. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "testlib.h"
#include "widgets/sims/race.h"
#include "widgets/wtest.h"

#define EPOCHS 200

static WTest t;
static char *text; /* the lesson's text, each line break and its indent one space */

static void teardown(void)
{
	wt_close(&t);
	free(text);
	text = NULL;
}

/* Opens the lesson's scene and keeps its text with the lines joined. */
static void open_lesson(void)
{
	const char *rel = "content/level2/init.lesson";
	size_t n, i, j;

	ck_assert_int_eq(course_read_file(test_srcpath(rel), &text, &n), 0);
	for (i = j = 0; i < n; i++) {
		if (text[i] == '\n') {
			while (i + 1 < n && text[i + 1] == ' ')
				i++;
			text[j++] = ' ';
		} else
			text[j++] = text[i];
	}
	text[j] = '\0';
	wt_open_file(&t, rel);
}

/* The lesson says s (formatted). */
static void states(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void states(const char *fmt, ...)
{
	char want[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof want, fmt, ap);
	va_end(ap);
	ck_assert_msg(strstr(text, want) != NULL, "the lesson does not say \"%s\"", want);
}

/* Types v into the slider id and lets the scene react, as the player does after a key. */
static void set_slider(const char *id, double v)
{
	char s[32];

	snprintf(s, sizeof s, "%g", v);
	wt_type(wt_get(&t, id), s, true);
	scene_changed(&t.scene);
}

START_TEST(bounds_by_hand)
{
	static const double layers[][2] = {{8, 8}, {2, 8}, {784, 128}, {12, 12}, {1000, 1}};
	size_t i;
	char *s;

	open_lesson();
	/* the sliders start at 8 and 8: the readouts show the bounds the text gives */
	ck_assert_double_eq_tol(wt_value(&t, "xavier-a"), sqrt(6.0 / 16), 1e-12);
	ck_assert_double_eq_tol(wt_value(&t, "he-sigma"), sqrt(2.0 / 8), 1e-12);
	s = wt_draw(wt_get(&t, "xavier-a"), 76, wt_ascii, false);
	ck_assert_msg(strstr(s, "Xavier bound a  0.612") != NULL, "%s", s);
	free(s);
	s = wt_draw(wt_get(&t, "he-sigma"), 76, wt_ascii, false);
	ck_assert_msg(strstr(s, "He sigma  0.500") != NULL, "%s", s);
	free(s);
	states("Xavier's bound for this layer: %.3f for 8 inputs and 8 neurons", sqrt(6.0 / 16));
	states("He's sigma for this layer: %.3f for 8 inputs", sqrt(2.0 / 8));
	/* moved, they follow */
	for (i = 0; i < sizeof layers / sizeof *layers; i++) {
		set_slider("nin", layers[i][0]);
		set_slider("nout", layers[i][1]);
		ck_assert(wt_value(&t, "nin") == layers[i][0] && wt_value(&t, "nout") == layers[i][1]);
		ck_assert_double_eq_tol(wt_value(&t, "xavier-a"),
					sqrt(6.0 / (layers[i][0] + layers[i][1])), 1e-12);
		ck_assert_double_eq_tol(wt_value(&t, "he-sigma"), sqrt(2.0 / layers[i][0]), 1e-12);
	}
	/* the text's numbers, by hand */
	states("8 in and 8 out: a = √(6 / 16) ≈ %.3f and σ = √(2 / 8) = %.3f", sqrt(6.0 / 16),
	       sqrt(2.0 / 8));
	states("a = √(6 / 10) ≈ %.3f", sqrt(6.0 / 10));
	states("a = √(6 / 912) ≈ %.3f and σ = √(2 / 784) ≈ %.3f", sqrt(6.0 / 912),
	       sqrt(2.0 / 784));
	states("it would be %.3f, not 1", sqrt(6.0 / 912));
	states("answer: %g", sqrt(6.0 / 24));
	states("a = √(6 / (12 + 12)) = √(6 / 24) = √0.25 = 0.5");
	states("wrong: %.3f | That is √(6 / 12)", sqrt(6.0 / 12));
	states("wrong: %g | That is 6 / 24", 6.0 / 24);
	/* a uniform draw on [-a, a] has variance a^2/3: 6/(n_in + n_out)/3 */
	states("a variance of a² / 3. With this bound the variance is 2 / (n_in + n_out)");
	/* the slope of tanh at 3 */
	states("At z = 3, where tanh gives %.3f, it is about %.4f", tanh(3.0),
	       1 - tanh(3.0) * tanh(3.0));
	ck_assert(1 / (1 - tanh(3.0) * tanh(3.0)) > 100);
}
END_TEST

/* The share of (point, neuron) pairs whose first hidden layer output is beyond
 * +-0.99, by hand from run u's weights and training points. */
static double saturated(const Run *u)
{
	const Mlp *m = &u->mlp;
	size_t n_in = m->sizes[0], n = m->sizes[1], p, i, j, count = 0;
	const double *w = m->params + m->w_off[0], *b = w + n * n_in;

	for (p = 0; p < u->train.n; p++)
		for (i = 0; i < n; i++) {
			double z = b[i];
			for (j = 0; j < n_in; j++)
				z += w[i * n_in + j] * u->train.x[p * n_in + j];
			count += fabs(tanh(z)) > 0.99;
		}
	return (double)count / (double)(u->train.n * n);
}

/* What a run did in the race: its loss after each epoch. */
typedef struct {
	double loss[EPOCHS + 1];
	int below[2]; /* the first epoch below 0.2 and below 0.1 (0: never) */
	double lowest;
} Trace;

/* Plays the race epoch by epoch to the finish, recording each run still racing. */
static void race_through(Instance *race, Trace *tr)
{
	int e, k;

	for (k = 0; k < 3; k++) {
		memset(&tr[k], 0, sizeof tr[k]);
		tr[k].lowest = INFINITY;
		tr[k].loss[0] = race_run(race, k)->train_loss;
	}
	for (e = 1; e <= EPOCHS; e++) {
		race_train(race, 400);
		for (k = 0; k < 3; k++) {
			double l = race_run(race, k)->train_loss;
			tr[k].loss[e] = l;
			if (!tr[k].below[0] && l < 0.2)
				tr[k].below[0] = e;
			if (!tr[k].below[1] && l < 0.1)
				tr[k].below[1] = e;
			if (l < tr[k].lowest)
				tr[k].lowest = l;
		}
		ck_assert(((const Race *)race->state)->apart[0] == 0); /* zero: copies */
	}
	ck_assert(race_finished(race->state));
}

/* Whether every neuron of hidden layer l of m has the same incoming weights and bias
 * as the first (compared bit for bit). */
static bool copies(const Mlp *m, size_t l)
{
	size_t n_in = m->sizes[l], n = m->sizes[l + 1], i;
	const double *w = m->params + m->w_off[l], *b = w + n * n_in;

	for (i = 1; i < n; i++)
		if (memcmp(w + i * n_in, w, n_in * sizeof *w) != 0 || b[i] != b[0])
			return false;
	return true;
}

START_TEST(the_race_as_told)
{
	Instance *race;
	const Run *zero, *huge, *xavier;
	Trace tr[3];
	size_t i;
	int e;
	char *s;

	open_lesson();
	race = wt_get(&t, "initrace");
	zero = race_run(race, 0);
	huge = race_run(race, 1);
	xavier = race_run(race, 2);
	/* the net and data the text describes, the dial at 10 */
	ck_assert_uint_eq(zero->train.n, 400);
	ck_assert_uint_eq(zero->classes, 2);
	ck_assert_uint_eq(zero->mlp.n_layers, 3);
	ck_assert_uint_eq(zero->mlp.sizes[1], 8);
	ck_assert_uint_eq(zero->mlp.sizes[2], 8);
	ck_assert(zero->cfg.optim.lr == 0.03 && zero->cfg.batch == 10);
	ck_assert(wt_value(&t, "spread") == 10 && huge->cfg.init_value == 10);
	{ /* 200 epochs at 40 a second */
		const Race *r = race->state;
		ck_assert(r->epochs == 200 && r->epochs / r->speed == 5);
		states("It takes five seconds");
	}
	states("400 points of two classes, two inputs, two hidden layers of 8 tanh neurons");
	/* at the start: the huge start is out on tanh's flat edges */
	states("%.0f%% of its first hidden layer's outputs are beyond ±0.99",
	       100 * saturated(huge));
	states("For *xavier* that share is %.1f%%", 100 * saturated(xavier));
	race_through(race, tr);
	huge = race_run(race, 1); /* (the same runs: nothing restarted them) */
	/* zero: ln 2 throughout, its hidden neurons identical; only the output bias moved */
	for (e = 0; e <= EPOCHS; e++)
		ck_assert_msg(fabs(tr[0].loss[e] - log(2.0)) < 0.001, "epoch %d: %g", e,
			      tr[0].loss[e]);
	ck_assert(copies(&zero->mlp, 0) && copies(&zero->mlp, 1));
	for (i = 0; i + 1 < zero->mlp.n_params; i++)
		ck_assert(zero->mlp.params[i] == 0);
	ck_assert(zero->train_acc == 0.5);
	states("*zero* is flat at %.3f from the first epoch to the last, with %.0f%% of",
	       log(2.0), 100 * zero->train_acc);
	/* huge at 10: stalls */
	ck_assert_msg(tr[1].lowest > 0.45, "%g", tr[1].lowest);
	states("*huge*, at a spread of 10, never gets below 0.45 in 200 epochs and ends at "
	       "%.3f, with %.1f%% of the points right", huge->train_loss, 100 * huge->train_acc);
	/* xavier: below 0.1 first, and ahead at the finish */
	ck_assert(tr[2].below[1] > 0 && tr[0].below[1] == 0 && tr[1].below[1] == 0);
	states("*xavier* gets below 0.1 by epoch %d and ends at %.3f, with %.1f%% of",
	       tr[2].below[1], xavier->train_loss, 100 * xavier->train_acc);
	ck_assert(xavier->train_loss < huge->train_loss && xavier->train_loss < zero->train_loss);
	states("zero stays flat at %.3f with its hidden neurons identical. huge, at spread 10, "
	       "stays above 0.45 and ends at %.3f. xavier falls below 0.1 by epoch %d and ends "
	       "at %.3f.", log(2.0), huge->train_loss, tr[2].below[1], xavier->train_loss);
	/* what the rows show: the zero run's neurons identical, the others' apart */
	s = wt_draw(race, 76, wt_ascii, false);
	ck_assert_msg(strstr(s, "zero    loss 0.6932  accuracy 50.0%  neurons identical"),
		      "%s", s);
	ck_assert_msg(strstr(s, "xavier  loss 0.0177  accuracy 99.2%  neurons differ by"),
		      "%s", s);
	ck_assert_msg(strstr(s, "Finished after 200 epochs: xavier has the lowest loss."), "%s",
		      s);
	free(s);
}
END_TEST

/* The huge run again at spread v (just set), to the finish (the others are done). */
static void dial(Instance *race, double v, Trace *tr)
{
	ck_assert(race_run(race, 1)->cfg.init_value == v);
	ck_assert(race_run(race, 1)->cfg.init == INIT_NORMAL);
	ck_assert_uint_eq(race_run(race, 1)->tr.examples, 0);
	ck_assert_uint_eq(race_run(race, 2)->tr.examples, EPOCHS * 400); /* kept */
	ck_assert(race->animating); /* it plays on by itself */
	race_through(race, tr);
}

START_TEST(the_dial_as_told)
{
	Instance *race;
	Trace tr[3], first[3];
	double final[13], sat, sat_before = 0;
	int v;

	open_lesson();
	race = wt_get(&t, "initrace");
	race_through(race, first);
	for (v = 1; v <= 12; v++) {
		const Run *huge;
		set_slider("spread", v);
		sat = saturated(race_run(race, 1)); /* the more spread, the more on the edges */
		ck_assert_msg(sat > sat_before, "spread %d: %g", v, sat);
		sat_before = sat;
		dial(race, v, tr);
		huge = race_run(race, 1);
		final[v] = huge->train_loss;
		/* the table's row for this spread, when it has one */
		if (v <= 6 || v % 2 == 0) {
			states("row: %d, %.3f, %.1f%%", v, huge->train_loss, 100 * huge->train_acc);
			states("%d gives %.3f and %.1f%%", v, huge->train_loss, 100 * huge->train_acc);
		}
		if (v <= 3)
			ck_assert(tr[1].below[1] > 0);
		if (v == 3)
			states("at epoch %d for a spread of 3", tr[1].below[1]);
		if (v == 4) {
			ck_assert(tr[1].below[0] > 0 && tr[1].below[1] == 0);
			states("below 0.2 at epoch %d and %.3f at the end", tr[1].below[0],
			       huge->train_loss);
		}
		if (v >= 5)
			ck_assert_msg(tr[1].below[0] == 0, "spread %d", v);
		if (v >= 9)
			ck_assert_msg(tr[1].lowest > 0.45, "spread %d: %g", v, tr[1].lowest);
		if (v >= 3) /* Xavier first below 0.1 */
			ck_assert(tr[1].below[1] == 0 || tr[1].below[1] > first[2].below[1]);
		if (v == 1) {
			ck_assert(tr[1].below[1] < first[2].below[1]);
			states("It gets below 0.1 at epoch %d, a little before xavier (epoch %d)",
			       tr[1].below[1], first[2].below[1]);
		}
	}
	ck_assert(final[12] < final[10]);
	states("12 ends lower than 10");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("init_lesson");
	TCase *tc = tcase_create("init_lesson");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, bounds_by_hand);
	tcase_add_test(tc, the_race_as_told);
	tcase_add_test(tc, the_dial_as_told);
	suite_add_tcase(s, tc);
	return test_main(s);
}
