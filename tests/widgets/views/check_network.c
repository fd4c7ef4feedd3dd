/* check_network.c: the network widget: its forward pass against src/nn's mlp_forward and
 * against hand-computed values, the default weights, inputs from sliders, the wave
 * driven by keys, ticks and animation commands, and goldens of a 2-3-1 network mid-wave
 * and of 2-8-8-1 in a 76-column slot. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/mlp.h"
#include "nn/rng.h"
#include "widgets/wtest.h"
#include "widgets/core/visual.h"

static WTest t;

/* The L1.flow network: x = [1, 0] through 2-3-1 with biases. */
static const char *flow = "@widget network id=net layers=2,3,1 "
			  "weights=0.6,-0.4,1.2,0.3,-0.9,0.05,0.8,-1.1,0.4 "
			  "biases=0.1,-0.2,0.3,0.05 inputs=1,0 labels=x1,x2 animate=yes\n"
			  "alt: x\n@end\n";

static const double params231[] = {0.6,  -0.4, 1.2, 0.3,  -0.9, 0.05, 0.1,
				   -0.2, 0.3,  0.8, -1.1, 0.4,  0.05};

static void teardown(void)
{
	wt_close(&t);
}

/* The output of mlp_forward for a 2-3-1 sigmoid network with params p at x. */
static double mlp_out(const double *p, const double *x)
{
	static const size_t sizes[3] = {2, 3, 1};
	static const Activation act[2] = {ACT_SIGMOID, ACT_SIGMOID};
	Mlp m;
	MlpWork w;
	double y;

	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	ck_assert_uint_eq(m.n_params, 13);
	memcpy(m.params, p, sizeof params231);
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	mlp_forward(&w, &m, x, 1);
	y = w.y[1][0];
	mlp_work_free(&w);
	mlp_free(&m);
	return y;
}

START_TEST(forward_pass)
{
	Instance *in;
	double x[2] = {1, 0}, y;

	wt_open(&t, flow);
	in = wt_get(&t, "net");
	/* By hand: h = sigmoid(0.7, 1.0, -0.6) = (0.668188, 0.731059, 0.354344);
	 * y = sigmoid(0.05 + 0.8 h1 - 1.1 h2 + 0.4 h3) = sigmoid(-0.0778...) = 0.4805406484. */
	ck_assert(network_eval(in, NULL, 2, &y));
	ck_assert_double_eq_tol(y, 0.48054064842877653, 1e-12);
	ck_assert_double_eq(y, mlp_out(params231, x)); /* the same sums in the same order */
	ck_assert_double_eq(wt_value(&t, "net"), y);
	x[0] = -0.5;
	x[1] = 2;
	ck_assert(network_eval(in, x, 2, &y));
	ck_assert_double_eq(y, mlp_out(params231, x));
	ck_assert(!network_eval(in, x, 3, &y));
	ck_assert(!network_eval(NULL, x, 2, &y));
}
END_TEST

START_TEST(default_weights)
{
	double p[13], x[2] = {1, 1}, y;
	Rng r;
	int i;

	/* No weights: uniform in [-1, 1) from seed 1, rounded to 0.01; biases 0; inputs 1. */
	wt_open(&t, "@widget network id=net layers=2,3,1\nalt: x\n@end\n");
	rng_seed(&r, 1);
	for (i = 0; i < 6; i++)
		p[i] = round(rng_range(&r, -1, 1) * 100) / 100;
	p[6] = p[7] = p[8] = 0;
	for (i = 9; i < 12; i++)
		p[i] = round(rng_range(&r, -1, 1) * 100) / 100;
	p[12] = 0;
	ck_assert(network_eval(wt_get(&t, "net"), NULL, 2, &y));
	ck_assert_double_eq(y, mlp_out(p, x));
	/* Not animated: the keys are the page's; the outputs are shown at once. */
	ck_assert_uint_eq(wt_char(wt_get(&t, "net"), ' '), WIDGET_IGNORED);
	wt_golden_plain("network-default", wt_get(&t, "net"), 60);
}
END_TEST

START_TEST(inputs_from_sliders)
{
	double x[2] = {0, 1}, y;

	wt_open(&t, "@widget slider id=a label=a range=0..1 value=1 step=1\nalt: x\n@end\n"
		    "@widget slider id=b label=b range=0..1 value=0 step=1\nalt: x\n@end\n"
		    "@widget network id=net layers=2,3,1 inputs_from=a,b "
		    "weights=0.6,-0.4,1.2,0.3,-0.9,0.05,0.8,-1.1,0.4 biases=0.1,-0.2,0.3,0.05\n"
		    "alt: x\n@end\n");
	ck_assert_double_eq_tol(wt_value(&t, "net"), 0.48054064842877653, 1e-12);
	wt_key(wt_get(&t, "a"), K_HOME);
	wt_key(wt_get(&t, "b"), K_END);
	ck_assert(network_eval(wt_get(&t, "net"), NULL, 2, &y));
	ck_assert_double_eq(y, mlp_out(params231, x));
}
END_TEST

START_TEST(wave_by_keys_and_ticks)
{
	Instance *in;
	AnimState st;

	wt_open(&t, flow);
	in = wt_get(&t, "net");
	in->ops->anim_state(in, &st);
	ck_assert(!st.playing);
	ck_assert_int_eq(st.step, 0);
	ck_assert_int_eq(st.steps, 2);
	wt_golden_plain("network-231-start", in, 60);
	/* Space plays: the player ticks it while it animates. */
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(in->animating);
	ck_assert(in->ops->tick(in, 0.75));
	ck_assert(in->ops->tick(in, 0.75));
	in->ops->anim_state(in, &st);
	ck_assert(st.playing);
	ck_assert_int_eq(st.step, 1);
	wt_golden_plain("network-231-wave", in, 60);
	/* Space pauses; Right steps to the next layer; Left steps back. */
	wt_char(in, ' ');
	ck_assert(!in->animating);
	ck_assert(!in->ops->tick(in, 0.5));
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	in->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 2);
	ck_assert(!st.playing);
	wt_golden_plain("network-231-end", in, 60);
	wt_key(in, K_RIGHT); /* stays at the end */
	in->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 2);
	wt_key(in, K_LEFT);
	wt_key(in, K_LEFT);
	wt_key(in, K_LEFT);
	in->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 0);
	/* r replays from the start, and the wave stops by itself at the outputs. */
	wt_char(in, 'r');
	ck_assert(in->animating);
	ck_assert(in->ops->tick(in, 10));
	ck_assert(!in->animating);
	in->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 2);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
}
END_TEST

START_TEST(animation_commands)
{
	Instance *in;
	AnimState st;

	wt_open(&t, flow);
	in = wt_get(&t, "net");
	in->ops->animate(in, ANIM_SPEED, 4);
	in->ops->animate(in, ANIM_PLAY, 0);
	ck_assert(in->animating);
	in->ops->tick(in, 0.25); /* 4 layers per second: one layer */
	in->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 1);
	ck_assert_double_eq(st.speed, 4);
	in->ops->animate(in, ANIM_PAUSE, 0);
	ck_assert(!in->animating);
	in->ops->animate(in, ANIM_STEP, 0);
	in->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 2);
	in->ops->animate(in, ANIM_PLAY, 0); /* at the end, play starts again */
	in->ops->anim_state(in, &st);
	ck_assert_int_eq(st.step, 0);
	ck_assert(st.playing);
	in->ops->animate(in, ANIM_REPLAY, 0);
	ck_assert(in->animating);
	in->ops->animate(in, ANIM_SPEED, -1); /* ignored */
	in->ops->anim_state(in, &st);
	ck_assert_double_eq(st.speed, 4);
}
END_TEST

START_TEST(largest_network_fits)
{
	Instance *in;
	char *text, *p;
	int neurons = 0;

	wt_open(&t, "@widget network id=big layers=2,8,8,1 inputs=0.5,-1 activation=tanh "
		    "labels=x1,x2\nalt: x\n@end\n");
	in = wt_get(&t, "big");
	ck_assert_int_le(in->ops->height(in, 76), 20);
	text = wt_draw(in, 76, wt_utf8, false);
	for (p = text; (p = strstr(p, "●")) != NULL; p++)
		neurons++;
	ck_assert_int_eq(neurons, 19);
	free(text);
	wt_golden_plain("network-2881", in, 76);
}
END_TEST

/* The Numbers Flowing network as the lesson draws it (76 columns, 11 rows): every
 * neuron carries its name just before it, and each of the nine weights is printed
 * once, none within four columns of another on its row nor stacked right above
 * another, so no label reads as part of a neighbour. */
START_TEST(named_neurons_and_separate_weights)
{
	static const char *names[] = {"x1 o", "x2 o", "h1 o", "h2 o", "h3 o", "y o"};
	static const char *weights[] = {"0.5", "-0.6", "-0.4", "0.9", "1.2", "0.3",
					"0.7", "-1.1", "0.8"};
	Instance *in;
	char *text, *line, *next;
	int found[9] = {0}, row = 0, nlab = 0, k;
	int lab_row[32], lab_x0[32], lab_x1[32];
	size_t i;

	wt_open(&t, "@widget network id=net layers=2,3,1 inputs=1,0.5 "
		    "weights=0.5,-0.6,-0.4,0.9,1.2,0.3,0.7,-1.1,0.8 labels=x1,x2,h1,h2,h3,y "
		    "height=11\nalt: x\n@end\n");
	in = wt_get(&t, "net");
	ck_assert_int_eq(in->ops->height(in, 76), 13);
	text = wt_draw(in, 76, wt_ascii, false);
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		char *p = strstr(text, names[i]);
		ck_assert_msg(p != NULL, "%s not drawn", names[i]);
		ck_assert_ptr_null(strstr(p + 1, names[i]));
	}
	/* The weights: numbers with a blank on each side, outside the neuron columns. */
	for (line = text; line && *line; line = next, row++) {
		char *end = strchr(line, '\n');
		next = end ? end + 1 : NULL;
		for (i = 0; i < 9; i++) {
			size_t n = strlen(weights[i]);
			char *p;
			for (p = line; (p = strstr(p, weights[i])) != NULL && (!end || p < end); p++) {
				if (p == line || p[-1] != ' ' || (p[n] != ' ' && p[n] != '\n') ||
				    (p > line + 1 && p[-2] == 'o'))
					continue; /* a neuron's value, or inside a longer number */
				if (weights[i][0] != '-' && p[-1] == '-')
					continue;
				found[i]++;
				ck_assert_int_lt(nlab, 32);
				lab_row[nlab] = row;
				lab_x0[nlab] = (int)(p - line);
				lab_x1[nlab] = (int)(p - line) + (int)n - 1;
				nlab++;
			}
		}
	}
	for (i = 0; i < 9; i++)
		ck_assert_msg(found[i] == 1, "weight %s printed %d times", weights[i], found[i]);
	for (k = 0; k < nlab; k++)
		for (i = 0; i < (size_t)k; i++) {
			int dr = abs(lab_row[k] - lab_row[i]);
			int gap = lab_x0[k] > lab_x1[i] ? lab_x0[k] - lab_x1[i] - 1
							: lab_x0[i] - lab_x1[k] - 1;
			ck_assert_msg(dr > 1 || (dr == 1 && gap >= 1) || gap >= 4,
				      "labels %d and %zu too close:\n%s", k, i, text);
		}
	free(text);
	wt_golden_plain("network-231-named", in, 76);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("network");
	TCase *tc = tcase_create("network");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, forward_pass);
	tcase_add_test(tc, default_weights);
	tcase_add_test(tc, inputs_from_sliders);
	tcase_add_test(tc, wave_by_keys_and_ticks);
	tcase_add_test(tc, animation_commands);
	tcase_add_test(tc, largest_network_fits);
	tcase_add_test(tc, named_neurons_and_separate_weights);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
