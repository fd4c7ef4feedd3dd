/* check_gradflow.c: the gradflow kind ("Gradient Decay") against an independent
 * computation: the deep net built again here from the documented draws (weights
 * N(0, (g/sqrt(n))^2) layer by layer row-major, inputs N(0, 1), targets U(0, 1)), its
 * forward pass, loss and backward pass written out by hand, every layer's delta and
 * weight-gradient size compared with what the widget publishes (and a bars chart shows),
 * the hand's gradient checked by central differences of the hand's loss; the choice and
 * the slider it follows; the numbers lesson L3-vanish states; goldens at 40, 76, 160. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/rng.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/sims/flowtest.h"
#include "widgets/wtest.h"

enum { ML = 12, MN = 16, MB = 16 };

/* The net as the test sees it: L layers of n, a batch of b. */
typedef struct {
	int L, n, b;
	Activation a;
	double w[ML][MN][MN]; /* w[l][j][i]: input i to neuron j of layer l + 1 */
	double x[MB][MN], t[MB][MN];
	double z[ML][MB][MN], y[ML][MB][MN], d[ML][MB][MN], g[ML][MN][MN];
} Hand;

static double f(Activation a, double z)
{
	return a == ACT_SIGMOID ? 1 / (1 + exp(-z)) : a == ACT_TANH ? tanh(z) : z > 0 ? z : 0;
}

static double fp(Activation a, double z)
{
	double s = f(a, z);
	return a == ACT_SIGMOID ? s * (1 - s) : a == ACT_TANH ? 1 - s * s : z > 0 ? 1 : 0;
}

static void hand_build(Hand *h, Activation a, double scale, unsigned long seed)
{
	Rng r;
	int l, j, i;

	h->L = 10, h->n = 16, h->b = 16, h->a = a;
	rng_seed(&r, seed);
	for (l = 0; l < h->L; l++)
		for (j = 0; j < h->n; j++)
			for (i = 0; i < h->n; i++)
				h->w[l][j][i] = rng_normal(&r, 0, scale / sqrt(h->n));
	for (j = 0; j < h->b; j++)
		for (i = 0; i < h->n; i++)
			h->x[j][i] = rng_normal(&r, 0, 1);
	for (j = 0; j < h->b; j++)
		for (i = 0; i < h->n; i++)
			h->t[j][i] = rng_uniform(&r);
}

/* The forward pass; returns the mean squared error over every output of the batch. */
static double hand_forward(Hand *h)
{
	double loss = 0;
	int l, r, j, i;

	for (l = 0; l < h->L; l++)
		for (r = 0; r < h->b; r++)
			for (j = 0; j < h->n; j++) {
				double z = 0;
				for (i = 0; i < h->n; i++)
					z += h->w[l][j][i] * (l ? h->y[l - 1][r][i] : h->x[r][i]);
				h->z[l][r][j] = z;
				h->y[l][r][j] = f(h->a, z);
			}
	for (r = 0; r < h->b; r++)
		for (j = 0; j < h->n; j++)
			loss += pow(h->y[h->L - 1][r][j] - h->t[r][j], 2);
	return loss / (h->b * h->n);
}

/* The backward pass written out: every delta and weight gradient. */
static void hand_backward(Hand *h)
{
	int l, r, j, i, L = h->L;

	for (r = 0; r < h->b; r++)
		for (j = 0; j < h->n; j++)
			h->d[L - 1][r][j] = 2 * (h->y[L - 1][r][j] - h->t[r][j]) / (h->b * h->n) *
					    fp(h->a, h->z[L - 1][r][j]);
	for (l = L - 1; l > 0; l--)
		for (r = 0; r < h->b; r++)
			for (i = 0; i < h->n; i++) {
				double s = 0;
				for (j = 0; j < h->n; j++)
					s += h->w[l][j][i] * h->d[l][r][j];
				h->d[l - 1][r][i] = s * fp(h->a, h->z[l - 1][r][i]);
			}
	for (l = 0; l < L; l++)
		for (j = 0; j < h->n; j++)
			for (i = 0; i < h->n; i++) {
				double s = 0;
				for (r = 0; r < h->b; r++)
					s += h->d[l][r][j] * (l ? h->y[l - 1][r][i] : h->x[r][i]);
				h->g[l][j][i] = s;
			}
}

/* The sizes of layer l's delta and weight gradient (the hand's rows are full: n and b
 * are MN and MB, so each is one run of numbers). */
static double delta_size(const Hand *h, int l)
{
	return size_of(&h->d[l][0][0], h->b * h->n);
}

static double grad_size(const Hand *h, int l)
{
	return size_of(&h->g[l][0][0], h->n * h->n);
}

/* Every size the widget publishes equals the hand's. */
static void check_against(const Instance *in, Activation a, double scale)
{
	static Hand h;
	Data d, g, r;
	int l;

	hand_build(&h, a, scale, 1);
	hand_forward(&h);
	hand_backward(&h);
	output(in, "deltas", &d);
	output(in, "grads", &g);
	output(in, "ratio", &r);
	ck_assert_uint_eq(d.n, 10);
	ck_assert_uint_eq(g.n, 10);
	for (l = 0; l < 10; l++) {
		ck_assert_msg(close_rel(d.v[l], delta_size(&h, l)), "%s %g layer %d: delta %g, hand %g",
			      act_name(a), scale, l + 1, d.v[l], delta_size(&h, l));
		ck_assert_msg(close_rel(g.v[l], grad_size(&h, l)), "%s %g layer %d: grad %g, hand %g",
			      act_name(a), scale, l + 1, g.v[l], grad_size(&h, l));
	}
	ck_assert(close_rel(r.scalar, delta_size(&h, 0) / delta_size(&h, 9)));
	ck_assert_str_eq(d.labels[0], "layer 1");
	ck_assert_str_eq(d.labels[9], "layer 10");
}

START_TEST(gradflow_matches_hand_backward)
{
	static const char *names[] = {"sigmoid", "tanh", "relu"};
	static const Activation acts[] = {ACT_SIGMOID, ACT_TANH, ACT_RELU};
	static const double scales[] = {0.5, 1, 1.4, 4};
	size_t a, k;
	WTest t;

	for (a = 0; a < 3; a++)
		for (k = 0; k < 4; k++) {
			char b[160];
			snprintf(b, sizeof b, "@widget gradflow id=f activation=%s scale=%g\nalt: a\n@end\n",
				 names[a], scales[k]);
			wt_open(&t, b);
			check_against(wt_get(&t, "f"), acts[a], scales[k]);
			wt_close(&t);
		}
}
END_TEST

/* The hand's gradient is the loss's slope: central differences for weights of layer 1
 * and layer 10, in nets where both are large enough to measure. */
START_TEST(gradflow_hand_gradient_is_the_slope)
{
	static Hand h;
	static const Activation acts[] = {ACT_TANH, ACT_RELU, ACT_SIGMOID};
	static const double scales[] = {1, 1.4, 4};
	static const int at[][3] = {{0, 0, 0}, {0, 3, 7}, {0, 15, 2}, {9, 0, 0}, {9, 8, 5}};
	size_t a, k;

	for (a = 0; a < 3; a++)
		for (k = 0; k < sizeof at / sizeof *at; k++) {
			int l = at[k][0], j = at[k][1], i = at[k][2];
			double e = 1e-5, w, up, down, fd, g;
			hand_build(&h, acts[a], scales[a], 1);
			hand_forward(&h);
			hand_backward(&h);
			g = h.g[l][j][i];
			w = h.w[l][j][i];
			h.w[l][j][i] = w + e;
			up = hand_forward(&h);
			h.w[l][j][i] = w - e;
			down = hand_forward(&h);
			fd = (up - down) / (2 * e);
			ck_assert_msg(fabs(fd - g) <= 1e-5 * fabs(g) + 1e-11,
				      "%s layer %d w[%d][%d]: differences %g, hand %g", act_name(acts[a]),
				      l + 1, j, i, fd, g);
		}
}
END_TEST

static const char controls[] =
    "@widget choice id=act label=Activation options=sigmoid,tanh,relu value=sigmoid\nalt: a\n@end\n"
    "@widget slider id=scale label=Scale range=0.5..4 value=1 step=0.1 digits=1\nalt: a\n@end\n"
    "@widget gradflow id=flow act_from=act scale_from=scale\nalt: a\n@end\n"
    "@widget bars id=sizes of=flow:deltas scale=log range=1e-12..1e9\nalt: a\n@end\n";

/* The bars chart shows exactly the deltas. */
static void check_bars(WTest *t)
{
	Data d, b;
	size_t l;

	output(wt_get(t, "flow"), "deltas", &d);
	output(wt_get(t, "sizes"), "values", &b);
	ck_assert_uint_eq(b.n, d.n);
	for (l = 0; l < d.n; l++)
		ck_assert(b.v[l] == d.v[l]);
}

START_TEST(gradflow_follows_choice_and_slider)
{
	WTest t;
	Instance *flow;
	Data d;
	unsigned long v;
	int k;

	wt_open(&t, controls);
	flow = wt_get(&t, "flow");
	check_against(flow, ACT_SIGMOID, 1);
	check_bars(&t);
	output(flow, "deltas", &d);
	v = d.version;
	wt_char(wt_get(&t, "act"), 'r');
	scene_changed(&t.scene);
	check_against(flow, ACT_RELU, 1);
	check_bars(&t);
	output(flow, "deltas", &d);
	ck_assert(d.version != v);
	for (k = 0; k < 4; k++)
		wt_key(wt_get(&t, "scale"), K_RIGHT);
	scene_changed(&t.scene);
	check_against(flow, ACT_RELU, wt_value(&t, "scale"));
	ck_assert(fabs(wt_value(&t, "scale") - 1.4) < 1e-9);
	check_bars(&t);
	wt_char(wt_get(&t, "act"), 't');
	scene_changed(&t.scene);
	check_against(flow, ACT_TANH, wt_value(&t, "scale"));
	/* nothing changed: no new version */
	output(flow, "deltas", &d);
	v = d.version;
	ck_assert(!scene_changed(&t.scene));
	output(flow, "deltas", &d);
	ck_assert_uint_eq(d.version, v);
	wt_close(&t);
}
END_TEST

START_TEST(gradflow_goldens)
{
	WTest t;
	int k;

	wt_open(&t, controls);
	wt_golden("gradflow-40", wt_get(&t, "flow"), 40);
	wt_golden("gradflow-76", wt_get(&t, "flow"), 76);
	wt_golden("gradflow-160", wt_get(&t, "flow"), 160);
	wt_golden("gradflow-bars-40", wt_get(&t, "sizes"), 40);
	wt_golden("gradflow-bars-76", wt_get(&t, "sizes"), 76);
	wt_golden("gradflow-bars-160", wt_get(&t, "sizes"), 160);
	wt_char(wt_get(&t, "act"), 'r');
	for (k = 0; k < 30; k++)
		wt_key(wt_get(&t, "scale"), K_RIGHT);
	scene_changed(&t.scene);
	wt_golden("gradflow-relu4-76", wt_get(&t, "flow"), 76);
	wt_golden("gradflow-bars-relu4-76", wt_get(&t, "sizes"), 76);
	wt_close(&t);
}
END_TEST

/* The lesson's net set to an activation (its option's first letter) and a scale (typed
 * into the slider, as the learner may); returns the widget. */
static const Instance *set(WTest *t, char act, const char *scale)
{
	Instance *c = wt_get(t, "act"), *sl = wt_get(t, "scale");

	wt_char(c, (uint32_t)act);
	wt_type(sl, scale, true);
	scene_changed(&t->scene);
	return wt_get(t, "flow");
}

/* Layer 1's delta over layer 10's, and the factor per layer (the ninth root). */
static double ratio(const Instance *in, double *per)
{
	Data r;

	output(in, "ratio", &r);
	*per = pow(r.scalar, 1.0 / 9);
	return r.scalar;
}

/* Every number lesson L3-vanish states, read from its widgets at the settings it
 * names (the widgets themselves are checked against the hand above). */
START_TEST(gradflow_lesson_claims)
{
	WTest t;
	const Instance *in;
	Data d, g;
	double per, rt, v;
	char text[8];
	int k;

	wt_open_file(&t, "content/level3/vanish.lesson");
	in = wt_get(&t, "flow");
	/* sigmoid at 1: 0.00907 at layer 10, 1.14e-8 at layer 1, 1.26e-6 of it, 0.22 a layer */
	output(in, "deltas", &d);
	ck_assert_str_eq(num(d.v[9], 3), "0.00907");
	ck_assert_str_eq(num(d.v[0], 3), "1.14e-8");
	ck_assert_str_eq(num(ratio(in, &per), 3), "1.26e-6");
	ck_assert_str_eq(num(per, 2), "0.22");
	ck_assert(per <= 0.25);
	for (k = 0; k < 9; k++) /* shrinking step by step from the bottom up */
		ck_assert(d.v[k] < d.v[k + 1]);
	/* the weights' gradients are about a millionth too */
	output(in, "grads", &g);
	rt = g.v[0] / g.v[9];
	ck_assert_msg(rt > 3e-7 && rt < 3e-6, "weight gradients: %g", rt);
	/* sigmoid vanishes at every setting of the slider: below 0.01 of layer 10's */
	for (v = 0.5; v < 4.05; v += 0.1) {
		snprintf(text, sizeof text, "%.1f", v);
		rt = ratio(set(&t, 's', text), &per);
		ck_assert_msg(rt < 0.01, "sigmoid at %s: %g", text, rt);
	}
	ck_assert_str_eq(num(ratio(set(&t, 's', "0.5"), &per), 3), "4.35e-9");
	ck_assert_str_eq(num(ratio(set(&t, 's', "4"), &per), 2), "0.0074");
	/* tanh: 0.88 a layer and 0.31 at 1; 0.0013 at 0.5; 12.8 at 4 */
	ck_assert_str_eq(num(ratio(set(&t, 't', "1"), &per), 2), "0.31");
	ck_assert_str_eq(num(per, 2), "0.88");
	ck_assert_str_eq(num(ratio(set(&t, 't', "0.5"), &per), 2), "0.0013");
	ck_assert_str_eq(num(ratio(set(&t, 't', "4"), &per), 3), "12.8");
	/* ReLU: about g / sqrt 2 a layer: 0.71 and 0.0445 at 1; 0.98 and 0.80 at 1.4 */
	ck_assert_str_eq(num(ratio(set(&t, 'r', "1"), &per), 3), "0.0445");
	ck_assert_str_eq(num(per, 2), "0.71");
	ck_assert(fabs(per - 1 / sqrt(2)) < 0.01);
	ck_assert_str_eq(num(ratio(set(&t, 'r', "1.4"), &per), 2), "0.8");
	ck_assert_str_eq(num(per, 2), "0.98");
	/* exploding: 1.5 a layer and 37 at 2; 3 a layer, 19,100 at 4, 3.44e7, loss 2.07e8 */
	ck_assert_str_eq(num(ratio(set(&t, 'r', "2"), &per), 2), "37");
	ck_assert_str_eq(num(per, 2), "1.5");
	in = set(&t, 'r', "4");
	ck_assert_str_eq(num(ratio(in, &per), 3), "1.91e4");
	ck_assert_str_eq(num(per, 2), "3");
	output(in, "deltas", &d);
	ck_assert_str_eq(num(d.v[0], 3), "3.44e7");
	{
		char *shown = wt_text(in, 76, wt_utf8, false, NULL, NULL);
		ck_assert_msg(strstr(shown, "loss 2.07e+08") != NULL, "%s", shown);
		free(shown);
	}
	wt_close(&t);
}
END_TEST

static Suite *gradflow_suite(void)
{
	Suite *s = suite_create("gradflow");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, gradflow_matches_hand_backward);
	tcase_add_test(tc, gradflow_hand_gradient_is_the_slope);
	tcase_add_test(tc, gradflow_follows_choice_and_slider);
	tcase_add_test(tc, gradflow_goldens);
	tcase_add_test(tc, gradflow_lesson_claims);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(gradflow_suite());
}
