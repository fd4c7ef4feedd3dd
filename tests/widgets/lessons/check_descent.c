/* check_descent.c: the numbers of the lesson "Gradient descent and its variants"
 * (content/level3/descent.lesson), computed again here by hand (the update rules of
 * SGD, momentum and Adam written out, the surfaces' slopes and Hessians by hand, the
 * least-squares line by Cramer's rule) and compared with the text and with what the
 * lesson's own widgets show when their sliders move. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/surface.h"
#include "testlib.h"
#include "widgets/core/target.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/views/surface.h"

static WTest t;

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

enum { SGD, MOM, ADAM };
enum { VALLEY, SADDLE, ROSEN };

/* The loss and its slopes by hand: the valley (a^2 + 10 b^2)/2, the saddle a^2 - b^2,
 * Rosenbrock (1 - a)^2 + 100 (b - a^2)^2. */
static double loss_of(int fn, const double *p, double *g)
{
	double a = p[0], b = p[1];

	if (fn == VALLEY) {
		g[0] = a, g[1] = 10 * b;
		return (a * a + 10 * b * b) / 2;
	}
	if (fn == SADDLE) {
		g[0] = 2 * a, g[1] = -2 * b;
		return a * a - b * b;
	}
	g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
	g[1] = 200 * (b - a * a);
	return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
}

/* A walk with the lesson's update rules, written out. */
typedef struct {
	double p[2], v[2], m[2], s[2];
	int t;
} Hand;

static void hand_step(Hand *h, int kind, double lr, double beta, const double *g)
{
	int i;

	h->t++;
	for (i = 0; i < 2; i++) {
		if (kind == SGD) {
			h->p[i] -= lr * g[i];
		} else if (kind == MOM) {
			h->v[i] = beta * h->v[i] + g[i];
			h->p[i] -= lr * h->v[i];
		} else {
			double mh, sh;
			h->m[i] = 0.9 * h->m[i] + 0.1 * g[i];
			h->s[i] = 0.999 * h->s[i] + 0.001 * g[i] * g[i];
			mh = h->m[i] / (1 - pow(0.9, h->t));
			sh = h->s[i] / (1 - pow(0.999, h->t));
			h->p[i] -= lr * mh / (sqrt(sh) + 1e-8);
		}
	}
}

/* The first step at which the walk's loss is at most goal (-1: never in `steps`; -2:
 * it blew up), and where it ends in *end. */
static long hand_arrival(int fn, int kind, double lr, double beta, double a, double b,
			 double goal, int steps, double *end)
{
	Hand h = {{a, b}, {0, 0}, {0, 0}, {0, 0}, 0};
	double g[2];
	long at = -1;
	int k;

	for (k = 1; k <= steps; k++) {
		double f;
		loss_of(fn, h.p, g);
		hand_step(&h, kind, lr, beta, g);
		f = loss_of(fn, h.p, g);
		if (!isfinite(f) || fabs(h.p[0]) >= 1e6 || fabs(h.p[1]) >= 1e6)
			return -2;
		if (at < 0 && f <= goal)
			at = k;
	}
	if (end)
		end[0] = h.p[0], end[1] = h.p[1];
	return at;
}

/* The widget drawn at 76 columns in ASCII contains s. */
static void shows(Instance *in, const char *s)
{
	char *text = wt_draw(in, 76, wt_ascii, false);

	ck_assert_msg(strstr(text, s) != NULL, "no \"%s\" in\n%s", s, text);
	free(text);
}

static void set_slider(const char *id, const char *value)
{
	wt_type(wt_get(&t, id), value, true);
	scene_changed(&t.scene);
}

static void run(Instance *in, int steps)
{
	int k;

	for (k = 0; k < steps; k++)
		anim_send(in, ANIM_STEP, 0);
}

START_TEST(step_numbers)
{
	static const char *const ids[] = {"eta", "step"};
	Instance *in;
	char want[160];
	double g[2], p[2] = {-2.5, 1}, l0 = loss_of(VALLEY, p, g), l1;
	Data d;
	Hand h = {{-2.5, 1}, {0, 0}, {0, 0}, {0, 0}, 0};

	lt_load("level3/descent.lesson");
	hand_step(&h, SGD, 0.1, 0, g);
	l1 = loss_of(VALLEY, h.p, g);
	lt_says(l0, 3, "L = 3.125 + 5 = ");
	lt_says(h.p[0], 2, "2. Step a: -2.5 - 0.1 × (-2.5) = ");
	lt_says(h.p[1], 0, "3. Step b: 1 - 0.1 × 10 = ");
	lt_says(l1, 5, "4. The new loss: (2.25² + 10 × 0²) / 2 = ");
	lt_open_widgets(&t, ids, 2);
	in = wt_get(&t, "step");
	shows(in, "no step taken yet: s takes one");
	ck_assert_uint_eq(wt_char(in, 's'), WIDGET_HANDLED | WIDGET_REDRAW);
	snprintf(want, sizeof want, "a <- a - eta*dL/da = -2.500 - 0.1 * (-2.500) = %.3f", h.p[0]);
	shows(in, want);
	snprintf(want, sizeof want, "b <- b - eta*dL/db = 1.000 - 0.1 * 10.000 = %.3f", h.p[1]);
	shows(in, want);
	snprintf(want, sizeof want, "step 1: loss %.3f -> %.3f", l0, l1);
	shows(in, want);
	lt_states("each step keeps nine tenths of it");
	run(in, 9);
	ck_assert(scene_output(in, "points", 0, &d));
	ck_assert_double_eq_tol(d.v[0], -2.5 * pow(0.9, 10), 1e-12);
	ck_assert_double_eq_tol(d.v[1], 0, 1e-12);
	/* 0.2: b flips between 1 and -1, the loss stays 5 (at the even steps a is nearly 0) */
	lt_states("At η = 0.2, b jumps from 1 to -1 and back, forever: 1 − 0.2 × 10 = -1.");
	lt_states("The loss never gets below 5.");
	set_slider("eta", "0.2");
	run(in, 30);
	ck_assert(scene_output(in, "points", 0, &d));
	ck_assert_double_eq_tol(fabs(d.v[1]), 1, 1e-12);
	ck_assert(hand_arrival(VALLEY, SGD, 0.2, 0, -2.5, 1, 5 - 1e-9, 40, NULL) == -1);
	shows(in, "lr 0.2  loss 5  at");
	/* 0.25: |1 - 2.5| = 1.5 a step, past 1e6 within 40 steps */
	lt_states("at 0.25 the numbers explode within 40 steps");
	ck_assert_int_eq(hand_arrival(VALLEY, SGD, 0.25, 0, -2.5, 1, 0, 40, NULL), -2);
	set_slider("eta", "0.25");
	run(in, 40);
	shows(in, "diverged");
	lt_states("answer: 0.7");
	ck_assert_double_eq_tol(0.5 - 0.1 * -2, 0.7, 1e-12);
}
END_TEST

/* Steps of SGD, momentum and Adam on the valley from (-2.5, 1) to a loss of 0.001. */
static void race_says(Instance *in, double lr, double beta, const long *want)
{
	static const char *const names[3] = {"o sgd ", "x momentum ", "^ adam "};
	char line[160];
	int k;

	for (k = 0; k < 3; k++) {
		long at = hand_arrival(VALLEY, k, lr, beta, -2.5, 1, 1e-3, 200, NULL);
		ck_assert_int_eq(at, want[k]);
		if (at >= 0) {
			char *text = wt_draw(in, 76, wt_ascii, false), *p = strstr(text, names[k]);
			snprintf(line, sizeof line, "arrived at step %ld", at);
			ck_assert_msg(p && strstr(p, line) && strstr(p, line) < strchr(p, '\n'),
				      "%s: no '%s' in\n%s", names[k], line, text);
			free(text);
		}
	}
}

START_TEST(optim_numbers)
{
	static const char *const ids[] = {"optim-fn", "optim-lr", "optim-beta", "optim"};
	static const long first[3] = {39, 71, 31}, theory[3] = {-2, 11, 69};
	static const long rosen[3] = {119, 165, -1};
	Instance *in;
	double lmin, lmax, k, hb, beta, gd;
	char want[160];
	long th_sgd, th_mom;

	lt_load("level3/descent.lesson");
	/* The valley's Hessian is diag(1, 10): its eigenvalues are 1 and 10. */
	lmin = 1, lmax = 10, k = lmax / lmin;
	gd = 2 / (lmin + lmax);
	hb = 4 / ((sqrt(lmax) + sqrt(lmin)) * (sqrt(lmax) + sqrt(lmin)));
	beta = pow((sqrt(k) - 1) / (sqrt(k) + 1), 2);
	lt_says(gd, 3, "plain descent at η* = ");
	lt_says((k - 1) / (k + 1), 2, "keeps ");
	lt_says(hb, 3, "momentum at η* = ");
	lt_says(beta, 2, "and β* = ");
	lt_says((sqrt(k) - 1) / (sqrt(k) + 1), 2, "keeps only ");
	th_sgd = hand_arrival(VALLEY, SGD, gd, 0, -2.5, 1, 1e-3, 200, NULL);
	th_mom = hand_arrival(VALLEY, MOM, hb, beta, -2.5, 1, 1e-3, 200, NULL);
	lt_open_widgets(&t, ids, 4);
	in = wt_get(&t, "optim");
	snprintf(want, sizeof want,
		 "theory (cond 10): sgd lr %.3f: %ld steps; momentum lr %.3f, beta %.2f: %ld", gd,
		 th_sgd, hb, beta, th_mom);
	shows(in, want);
	run(in, 200);
	race_says(in, 0.1, 0.9, first);
	lt_states("Plain SGD arrives at step 39, Adam at 31, and momentum is last, at 71");
	/* theory's pair: momentum in 11 steps, SGD past 2/10 diverges */
	set_slider("optim-beta", "0.27");
	set_slider("optim-lr", "0.23");
	race_says(in, 0.23, 0.27, theory);
	shows(in, "o sgd       lr 0.23  loss");
	shows(in, "diverged");
	lt_states("Momentum arrives in 11 steps, and plain SGD diverges");
	ck_assert_int_eq(th_mom, 11);
	/* the scan's best beats theory's 11 from this start */
	{
		Surf *s = in->state;
		ck_assert_int_gt(s->best[1].steps, 0);
		ck_assert_int_lt(s->best[1].steps, th_mom);
		ck_assert_int_eq(hand_arrival(VALLEY, MOM, s->best[1].lr, s->best[1].momentum, -2.5,
					      1, 1e-3, 200, NULL),
				 s->best[1].steps);
		snprintf(want, sizeof want, "the best it finds, %ld steps for momentum, beats",
			 s->best[1].steps);
		lt_states(want);
	}
	/* Rosenbrock at 0.002 and momentum 0.9 */
	set_slider("optim-beta", "0.9");
	set_slider("optim-lr", "0.002");
	ck_assert_uint_eq(wt_char(wt_get(&t, "optim-fn"), 'r'), WIDGET_HANDLED | WIDGET_REDRAW);
	scene_changed(&t.scene);
	shows(in, "theory: only on the bowl, the valley and the line");
	{
		static const char *const names[3] = {"o sgd", "x momentum", "^ adam"};
		char *text = wt_draw(in, 76, wt_ascii, false);
		int j;
		for (j = 0; j < 3; j++) {
			long at = hand_arrival(ROSEN, j, 0.002, 0.9, -1.5, 2, 1e-3, 200, NULL);
			char *p = strstr(text, names[j]);
			ck_assert_int_eq(at, rosen[j]);
			snprintf(want, sizeof want, "arrived at step %ld", at);
			ck_assert(p != NULL);
			ck_assert((at >= 0) == (strstr(p, want) != NULL && strstr(p, want) < strchr(p, '\n')));
		}
		free(text);
	}
	lt_states("At 0.002 plain SGD arrives at step 119 and momentum at 165");
	ck_assert_int_eq(hand_arrival(ROSEN, SGD, 0.1, 0.9, -1.5, 2, 1e-3, 200, NULL), -2);
	ck_assert_int_eq(hand_arrival(ROSEN, MOM, 0.1, 0.9, -1.5, 2, 1e-3, 200, NULL), -2);
	lt_states("at 0.1, the other two blow up");
}
END_TEST

START_TEST(batch_numbers)
{
	static const char *const ids[] = {"batch"};
	Surface s;
	SurfaceView v;
	Instance *in;
	Data d;
	double sx = 0, sy = 0, sxx = 0, sxy = 0, n, det, a, b, lmin = 0, p[2], g[2] = {0, 0}, f;
	size_t i;

	lt_load("level3/descent.lesson");
	lt_open_widgets(&t, ids, 1);
	in = wt_get(&t, "batch");
	/* The least-squares line by Cramer's rule on the normal equations
	 * [sxx sx; sx n] (a, b) = (sxy, sy). */
	surface_defaults(&s, SURFACE_LINE);
	surface_view(&v, &s);
	n = (double)s.n;
	ck_assert_int_eq(s.n, 24);
	lt_states("Twenty-four points");
	for (i = 0; i < s.n; i++) {
		sx += s.x[i], sy += s.y[i], sxx += s.x[i] * s.x[i], sxy += s.x[i] * s.y[i];
	}
	det = sxx * n - sx * sx;
	a = (sxy * n - sx * sy) / det;
	b = (sxx * sy - sx * sxy) / det;
	ck_assert_double_eq_tol(v.min_a, a, 1e-12);
	ck_assert_double_eq_tol(v.min_b, b, 1e-12);
	for (i = 0; i < s.n; i++)
		lmin += (a * s.x[i] + b - s.y[i]) * (a * s.x[i] + b - s.y[i]) / n;
	ck_assert_double_eq_tol(v.min_value, lmin, 1e-12);
	/* The full batch's first step by hand: the slope (2/n) sum r_i (x_i, 1). */
	p[0] = v.start_a, p[1] = v.start_b;
	for (i = 0; i < s.n; i++) {
		double r = p[0] * s.x[i] + p[1] - s.y[i];
		g[0] += 2 * r * s.x[i] / n;
		g[1] += 2 * r / n;
	}
	anim_send(in, ANIM_STEP, 0);
	ck_assert(scene_output(in, "points", 0, &d));
	ck_assert_double_eq_tol(d.v[0], p[0] - 0.1 * g[0], 1e-12);
	ck_assert_double_eq_tol(d.v[1], p[1] - 0.1 * g[1], 1e-12);
	/* 200 steps: the full batch settles within 1e-5 of the lowest loss at the
	 * least-squares line; one point a step ends about 0.01 above it, batches of 6 between */
	run(in, 199);
	ck_assert(scene_output(in, "loss", 0, &d));
	ck_assert_uint_eq(d.n, 3);
	ck_assert(d.v[0] - lmin < 1e-5);
	ck_assert(d.v[1] - lmin > d.v[0] - lmin);
	ck_assert(d.v[2] - lmin > 0.005 && d.v[2] - lmin < 0.02);
	ck_assert(d.v[2] - lmin > d.v[1] - lmin);
	ck_assert(scene_output(in, "points", 0, &d));
	ck_assert(hypot(d.v[0] - a, d.v[1] - b) < 0.01);
	p[0] = d.v[4], p[1] = d.v[5];
	f = surface_value(NULL, &s, p);
	ck_assert(f > lmin + 0.005);
	lt_states("its loss is within a hundred-thousandth of the lowest");
	lt_states("the single-example run is still about 0.01 above it");
}
END_TEST

START_TEST(saddle_numbers)
{
	static const char *const ids[] = {"sad-beta", "saddle"};
	static const char *const betas[] = {"0.5", "0.7", "0.9"};
	static const long escapes[] = {184, 123, 72};
	Instance *in;
	double end[2];
	char want[128];
	Data d;
	int k;

	lt_load("level3/descent.lesson");
	lt_open_widgets(&t, ids, 2);
	in = wt_get(&t, "saddle");
	/* beta 0: b = 0.001 * 1.02^200 after 200 steps, no escape */
	ck_assert_int_eq(hand_arrival(SADDLE, MOM, 0.01, 0, 1.5, 0.001, -1, 200, end), -1);
	ck_assert_double_eq_tol(end[1], 0.001 * pow(1.02, 200), 1e-12);
	lt_says(pow(1.02, 200), 0, "multiply b by 1.02²⁰⁰, about ");
	lt_says(end[1], 2, "β = 0: it stalls at the pass. After 200 steps b is ");
	run(in, 200);
	ck_assert(scene_output(in, "points", 0, &d));
	ck_assert_double_eq_tol(d.v[1], end[1], 1e-12);
	shows(in, "nobody has escaped the saddle yet");
	shows(in, "at 0.0264, 0.0525");
	ck_assert_int_eq(hand_arrival(SADDLE, MOM, 0.01, 0.3, 1.5, 0.001, -1, 200, end), -1);
	lt_says(end[1], 2, "β = 0.3: b reaches ");
	ck_assert_int_eq(hand_arrival(SADDLE, MOM, 0.01, 0.4, 1.5, 0.001, -1, 200, end), -1);
	lt_says(end[1], 1, "β = 0.4: ");
	for (k = 0; k < 3; k++) {
		long at = hand_arrival(SADDLE, MOM, 0.01, atof(betas[k]), 1.5, 0.001, -1, 200, NULL);
		ck_assert_int_eq(at, escapes[k]);
		set_slider("sad-beta", betas[k]);
		snprintf(want, sizeof want, "step 200/200: momentum escaped first, at step %ld", at);
		shows(in, want);
	}
	lt_states("β = 0.5: it escapes at step 184; 0.7: at step 123; 0.9: at step 72.");
}
END_TEST

static Suite *descent_suite(void)
{
	Suite *s = suite_create("descent");
	TCase *tc = tcase_create("descent");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, step_numbers);
	tcase_add_test(tc, optim_numbers);
	tcase_add_test(tc, batch_numbers);
	tcase_add_test(tc, saddle_numbers);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(descent_suite());
}
