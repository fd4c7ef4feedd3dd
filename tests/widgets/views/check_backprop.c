/* check_backprop.c: the backprop kind ("Backprop Flow") against an independent
 * computation: the weights made again from the documented rule (uniform in -1.5..1.5
 * from the seed, rounded to 0.1, biases 0), the forward pass and the loss by hand here,
 * every gradient (deltas are the biases' gradients) by central differences of that
 * loss, every number on screen found in the text, the path's factors by hand and their
 * product equal to the library's gradient to 1e-9, for every path of many nets; the
 * keys (steps, path, new weights, inputs and target); goldens at 40, 76 and 160. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "nn/rng.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

enum { MI = 3, MH = 3 };

/* A net n-h-1 as the test sees it: W1 (h, n), b1, W2 (1, h), b2. */
typedef struct {
	int n, h;
	bool bce;
	double w1[MH][MI], b1[MH], w2[MH], b2, x[MI], t;
} Hand;

static double sig(double z)
{
	return 1 / (1 + exp(-z));
}

static void hand_weights(Hand *m, unsigned long seed)
{
	Rng r;
	int i, j;

	rng_seed(&r, seed);
	for (j = 0; j < m->h; j++)
		for (i = 0; i < m->n; i++)
			m->w1[j][i] = round(rng_range(&r, -1.5, 1.5) * 10) / 10;
	for (j = 0; j < m->h; j++)
		m->w2[j] = round(rng_range(&r, -1.5, 1.5) * 10) / 10;
	memset(m->b1, 0, sizeof m->b1);
	m->b2 = 0;
}

/* The kind's default net: 2-2-1, inputs 0.5 and -1, target 1, seed 1. */
static void default_net(Hand *m)
{
	memset(m, 0, sizeof *m);
	m->n = m->h = 2;
	m->x[0] = 0.5;
	m->x[1] = -1;
	m->t = 1;
	hand_weights(m, 1);
}

/* The forward pass: z1, a1 (h each), z2, y-hat; returns the loss. */
static double hand_forward(const Hand *m, double *z1, double *a1, double *z2, double *yh)
{
	int i, j;

	*z2 = m->b2;
	for (j = 0; j < m->h; j++) {
		z1[j] = m->b1[j];
		for (i = 0; i < m->n; i++)
			z1[j] += m->w1[j][i] * m->x[i];
		a1[j] = sig(z1[j]);
		*z2 += m->w2[j] * a1[j];
	}
	*yh = sig(*z2);
	return m->bce ? -(m->t * log(*yh) + (1 - m->t) * log(1 - *yh))
		      : (*yh - m->t) * (*yh - m->t);
}

static double hand_loss(const Hand *m)
{
	double z1[MH], a1[MH], z2, yh;

	return hand_forward(m, z1, a1, &z2, &yh);
}

/* The central difference of the loss along *p. */
static double fd(Hand *m, double *p)
{
	double keep = *p, e = 1e-6, up, down;

	*p = keep + e;
	up = hand_loss(m);
	*p = keep - e;
	down = hand_loss(m);
	*p = keep;
	return (up - down) / (2 * e);
}

/* The gradient in the library's layout: W1 row by row, b1, W2, b2. */
static void fd_gradient(Hand *m, double *g)
{
	int i, j, k = 0;

	for (j = 0; j < m->h; j++)
		for (i = 0; i < m->n; i++)
			g[k++] = fd(m, &m->w1[j][i]);
	for (j = 0; j < m->h; j++)
		g[k++] = fd(m, &m->b1[j]);
	for (j = 0; j < m->h; j++)
		g[k++] = fd(m, &m->w2[j]);
	g[k] = fd(m, &m->b2);
}

static void output(Instance *in, const char *name, Data *d)
{
	ck_assert(scene_output(in, name, 0, d));
}

/* The number v as the widget writes it: dec decimals, never "-0.00". */
static const char *num(double v, int dec)
{
	static char buf[8][32];
	static int at;
	char *o = buf[at++ % 8];

	snprintf(o, 32, "%.*f", dec, v);
	if (o[0] == '-' && strspn(o + 1, "0.") == strlen(o + 1))
		memmove(o, o + 1, strlen(o));
	return o;
}

/* "(a, b)", or the bare number for one value. */
static const char *vec(const double *v, int n, int dec)
{
	static char buf[4][160];
	static int at;
	char *o = buf[at++ % 4];
	int k;

	o[0] = '\0';
	for (k = 0; k < n; k++)
		snprintf(o + strlen(o), 160 - strlen(o), "%s%s", k ? ", " : n > 1 ? "(" : "",
			 num(v[k], dec));
	if (n > 1)
		strcat(o, ")");
	return o;
}

static void expect(const char *text, const char *what)
{
	ck_assert_msg(strstr(text, what) != NULL, "'%s' is not on screen:\n%s", what, text);
}

/* Everything the widget says at its last step, against m (path i -> j): every number in
 * the ASCII text, the gradient against central differences, the factors by hand and
 * their product against the library's gradient. */
static void check_against(Instance *in, Hand *m, int pi, int pj)
{
	double z1[MH], a1[MH], z2, yh, L = hand_forward(m, z1, a1, &z2, &yh), g[32], prod = 1;
	double f[5], dly = m->bce ? -m->t / yh + (1 - m->t) / (1 - yh) : 2 * (yh - m->t);
	char *text = wt_text(in, 160, wt_ascii, false, NULL, NULL), line[256];
	size_t np = (size_t)(m->h * m->n + 2 * m->h + 1), k;
	int i;
	Data d;

	output(in, "gradient", &d);
	ck_assert_uint_eq(d.n, np);
	fd_gradient(m, g);
	for (k = 0; k < np; k++)
		ck_assert_msg(fabs(d.v[k] - g[k]) < 1e-7, "gradient %zu: %.12g, by differences %.12g",
			      k, d.v[k], g[k]);
	/* the numbers on screen, each line as a whole */
	snprintf(line, sizeof line, "z1 = W1x + b1 = %s", vec(z1, m->h, 3));
	expect(text, line);
	snprintf(line, sizeof line, "a1 = sig(z1) = %s", vec(a1, m->h, 3));
	expect(text, line);
	snprintf(line, sizeof line, "z2 = W2a1 + b2 = %s", num(z2, 3));
	expect(text, line);
	snprintf(line, sizeof line, "y^ = sig(z2) = %s", num(yh, 3));
	expect(text, line);
	if (m->bce)
		snprintf(line, sizeof line, "L = -[y ln y^ + (1 - y) ln(1 - y^)] = %s", num(L, 4));
	else
		snprintf(line, sizeof line, "L = (y^ - y)^2 = %s", num(L, 4));
	expect(text, line);
	snprintf(line, sizeof line, "d2 = dL/dy^ * sig'(z2) = %s", num(g[np - 1], 4));
	expect(text, line); /* the delta of a layer is its biases' gradient */
	snprintf(line, sizeof line, "dL/dW2 = d2a1^T = %s", vec(g + m->h * m->n + m->h, m->h, 4));
	expect(text, line);
	snprintf(line, sizeof line, "d1 = (W2^Td2) * sig'(z1) = %s", vec(g + m->h * m->n, m->h, 4));
	expect(text, line);
	snprintf(line, sizeof line, "dL/dW1 = d1x^T = [");
	for (k = 0; k < (size_t)(m->h * m->n); k++)
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s",
			 k == 0 ? "" : k % (size_t)m->n ? " " : "; ", num(g[k], 4));
	strcat(line, "]");
	expect(text, line);
	snprintf(line, sizeof line, "x1 = %s", num(m->x[0], 2));
	expect(text, line);
	snprintf(line, sizeof line, "target y = %s", num(m->t, 2));
	expect(text, line);
	/* the path's factors, by hand, on screen, and their product */
	f[0] = dly;
	f[1] = yh * (1 - yh);
	f[2] = m->w2[pj];
	f[3] = a1[pj] * (1 - a1[pj]);
	f[4] = m->x[pi];
	output(in, "factors", &d);
	ck_assert_uint_eq(d.n, 5);
	for (i = 0; i < 5; i++) {
		ck_assert_msg(fabs(d.v[i] - f[i]) < 1e-12, "factor %d: %.15g, by hand %.15g", i,
			      d.v[i], f[i]);
		expect(text, num(f[i], 4));
		prod *= d.v[i];
	}
	output(in, "gradient", &d);
	ck_assert_msg(fabs(prod - d.v[pj * m->n + pi]) <= 1e-9, "product %.15g, library %.15g",
		      prod, d.v[pj * m->n + pi]);
	snprintf(line, sizeof line, "= %s   backprop's dL/dW1[%d,%d] = %s  the same", num(prod, 6),
		 pj + 1, pi + 1, num(g[pj * m->n + pi], 6));
	expect(text, line);
	snprintf(line, sizeof line, "back to W1[%d,%d], the weight x%d->h%d:", pj + 1, pi + 1,
		 pi + 1, pj + 1);
	expect(text, line);
	output(in, "loss", &d);
	ck_assert_double_eq_tol(d.scalar, L, 1e-12);
	free(text);
}

START_TEST(backprop_matches_hand_and_differences)
{
	static const char *const cfgs[] = {
	    "inputs=0.5,-1 hidden=2 target=1", "inputs=1,-0.5,2 hidden=3 target=0 loss=bce",
	    "inputs=-2 hidden=1 target=0.25", "inputs=1.5,0.25 hidden=3 target=0.75 loss=bce"};
	size_t c;
	int seed;

	for (c = 0; c < sizeof cfgs / sizeof *cfgs; c++)
		for (seed = 1; seed <= 12; seed += 11) {
			char body[256];
			WTest t;
			Instance *in;
			Hand m;
			double xs[MI];
			int n = 0, p;
			char *s;

			snprintf(body, sizeof body, "@widget backprop id=f %s seed=%d start=7\n"
						    "alt: a\n@end\n", cfgs[c], seed);
			wt_open(&t, body);
			in = wt_get(&t, "f");
			memset(&m, 0, sizeof m);
			s = strstr(body, "inputs=") + 7;
			while (n < MI) {
				xs[n++] = strtod(s, &s);
				if (*s++ != ',')
					break;
			}
			m.n = n;
			memcpy(m.x, xs, sizeof xs);
			m.h = atoi(strstr(cfgs[c], "hidden=") + 7);
			m.t = strtod(strstr(cfgs[c], "target=") + 7, NULL);
			m.bce = strstr(cfgs[c], "bce") != NULL;
			hand_weights(&m, (unsigned long)seed);
			/* every path of the net, p walking them */
			for (p = 0; p < m.n * m.h; p++) {
				check_against(in, &m, p % m.n, p / m.n);
				ck_assert_uint_eq(wt_char(in, 'p'), WIDGET_HANDLED | WIDGET_REDRAW);
			}
			check_against(in, &m, 0, 0); /* p came back to the first */
			wt_close(&t);
		}
}
END_TEST

static int step_of(Instance *in)
{
	Data d;

	output(in, "step", &d);
	return (int)d.scalar;
}

START_TEST(backprop_steps_forward_and_back)
{
	WTest t;
	Instance *in;
	char *text;
	int k;

	wt_open(&t, "@widget backprop id=f\nalt: a\n@end\n");
	in = wt_get(&t, "f");
	ck_assert_ptr_eq(in->kind, &backprop_kind);
	ck_assert_int_eq(step_of(in), 1);
	text = wt_text(in, 76, wt_ascii, false, NULL, NULL);
	expect(text, "Step 1 of 7: the inputs");
	ck_assert_ptr_null(strstr(text, "z1 ="));
	free(text);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_IGNORED);
	/* each step shows one more line of numbers, and nothing of the next */
	{
		static const char *const shown[] = {"z1 = W1x", "z2 = W2a1", "L = (y^ - y)^2",
						    "d2 = dL/dy^", "d1 = (W2^Td2)", "One path"};
		for (k = 0; k < 6; k++) {
			ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
			ck_assert_int_eq(step_of(in), k + 2);
			text = wt_text(in, 76, wt_ascii, false, NULL, NULL);
			expect(text, shown[k]);
			if (k < 5)
				ck_assert_ptr_null(strstr(text, shown[k + 1]));
			free(text);
		}
	}
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_IGNORED); /* the end: Space pages on */
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(step_of(in), 6);
	ck_assert_uint_eq(wt_key(in, K_HOME), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(step_of(in), 1);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(step_of(in), 2);
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(step_of(in), 7);
	ck_assert_uint_eq(wt_char(in, 'q'), WIDGET_IGNORED);
	/* p from an earlier step goes to the path */
	wt_key(in, K_HOME);
	ck_assert_uint_eq(wt_char(in, 'p'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(step_of(in), 7);
	wt_close(&t);
}
END_TEST

START_TEST(backprop_keys_change_inputs_target_and_weights)
{
	WTest t;
	Instance *in;
	Hand m;

	wt_open(&t, "@widget backprop id=f start=7\nalt: a\n@end\n");
	in = wt_get(&t, "f");
	default_net(&m);
	check_against(in, &m, 0, 0);
	/* + raises x1 by 0.25; x then picks x2, whose - lowers it to the end of its range */
	ck_assert_uint_eq(wt_char(in, '+'), WIDGET_HANDLED | WIDGET_REDRAW);
	m.x[0] = 0.75;
	check_against(in, &m, 0, 0);
	wt_char(in, 'x');
	wt_char(in, '-');
	wt_char(in, '-');
	wt_char(in, '-');
	wt_char(in, '-');
	wt_char(in, '-');
	m.x[1] = -2;
	check_against(in, &m, 0, 0);
	/* the target: x once more, then - twice */
	wt_char(in, 'x');
	wt_char(in, '-');
	wt_char(in, '-');
	m.t = 0.5;
	check_against(in, &m, 0, 0);
	/* x comes back to x1 */
	wt_char(in, 'x');
	wt_char(in, '-');
	m.x[0] = 0.5;
	check_against(in, &m, 0, 0);
	/* r: the next seed's weights */
	ck_assert_uint_eq(wt_char(in, 'r'), WIDGET_HANDLED | WIDGET_REDRAW);
	hand_weights(&m, 2);
	check_against(in, &m, 0, 0);
	wt_close(&t);
}
END_TEST

START_TEST(backprop_goldens)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget backprop id=f\nalt: a\n@end\n"
		    "@widget backprop id=g inputs=1,-0.5,2 hidden=3 target=0 loss=bce\n"
		    "alt: b\n@end\n");
	in = wt_get(&t, "f");
	ck_assert_int_le(in->ops->height(in, 76), 16); /* with its instruction on 80x24 */
	wt_golden("backprop-start-76", in, 76);
	wt_key(in, K_END);
	wt_golden("backprop-path-76", in, 76);
	wt_golden("backprop-path-40", in, 40);
	in = wt_get(&t, "g");
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_golden("backprop-delta-160", in, 160);
	wt_golden("backprop-delta-40", in, 40);
	wt_close(&t);
}
END_TEST

/* The lesson's own widget (its directive read from content/level3/backprop.lesson):
 * the numbers its text alternative states, and what its text tells the learner to
 * try: the path of each first-layer weight, a zero input, the target moved towards
 * y-hat, the hidden deltas at most 3/8 of the output's (here and for many seeds). */
START_TEST(backprop_lesson_claims)
{
	static const char *const says[] = {"z1 = (-0.6, 0.9)", "a1 = (0.354, 0.711)",
					   "y-hat = 0.622", "the loss, 0.1429", "delta, -0.1778",
					   "(0.0081, -0.0292)", "0.004067"};
	char *text, *body, *alt;
	const char *s0, *e;
	size_t n, k;
	WTest t;
	Instance *in;
	Hand m;
	Data d;
	double d2, prev;
	int seed, p;

	ck_assert_int_eq(course_read_file(test_srcpath("content/level3/backprop.lesson"), &text, &n),
			 0);
	s0 = strstr(text, "@widget backprop id=flow ");
	ck_assert_ptr_nonnull(s0);
	e = strstr(s0, "\n@end\n");
	ck_assert_ptr_nonnull(e);
	body = strndup(s0, (size_t)(e + 6 - s0));
	alt = strndup(s0, (size_t)(e - s0)); /* the alt text, joined into one line */
	for (k = 0; alt[k]; k++)
		if (alt[k] == '\n')
			alt[k] = ' ';
	for (k = 0; alt[k]; k++)
		while (alt[k] == ' ' && alt[k + 1] == ' ')
			memmove(alt + k, alt + k + 1, strlen(alt + k));
	wt_open(&t, body);
	in = wt_get(&t, "flow");
	default_net(&m);
	wt_key(in, K_END);
	check_against(in, &m, 0, 0);
	{ /* the alt text's numbers, by hand */
		double z1[MH], a1[MH], z2, yh, L = hand_forward(&m, z1, a1, &z2, &yh), g[32];
		fd_gradient(&m, g);
		ck_assert_str_eq(num(z1[0], 1), "-0.6");
		ck_assert_str_eq(num(z1[1], 1), "0.9");
		ck_assert_str_eq(num(a1[0], 3), "0.354");
		ck_assert_str_eq(num(a1[1], 3), "0.711");
		ck_assert_str_eq(num(yh, 3), "0.622");
		ck_assert_str_eq(num(L, 4), "0.1429");
		ck_assert_str_eq(num(g[8], 4), "-0.1778");
		ck_assert_str_eq(num(g[4], 4), "0.0081");
		ck_assert_str_eq(num(g[5], 4), "-0.0292");
		ck_assert_str_eq(num(g[0], 6), "0.004067");
	}
	for (k = 0; k < sizeof says / sizeof *says; k++)
		ck_assert_msg(strstr(alt, says[k]) != NULL, "the alt text does not say %s", says[k]);
	/* p walks the four first-layer weights, each product matching its gradient */
	for (p = 0; p < 4; p++) {
		wt_char(in, 'p');
		check_against(in, &m, (p + 1) % 2, (p + 1) % 4 / 2);
	}
	/* x1 is picked at first: - twice sets it to 0, and the weights leaving it get 0 */
	wt_char(in, '-');
	wt_char(in, '-');
	m.x[0] = 0;
	check_against(in, &m, 0, 0);
	output(in, "gradient", &d);
	ck_assert(d.v[0] == 0 && d.v[2] == 0 && d.v[1] != 0 && d.v[3] != 0);
	/* the target moved towards y-hat (0.6 or so): every delta and gradient shrinks */
	wt_char(in, 'x');
	wt_char(in, 'x');
	output(in, "gradient", &d);
	prev = fabs(d.v[8]);
	while (m.t > 0.5 + 1e-9) {
		double before[9];
		memcpy(before, d.v, sizeof before);
		wt_char(in, '-');
		m.t -= 0.25;
		check_against(in, &m, 0, 0);
		output(in, "gradient", &d);
		ck_assert(fabs(d.v[8]) < prev);
		for (k = 0; k < 9; k++)
			ck_assert(fabs(d.v[k]) <= fabs(before[k]));
		prev = fabs(d.v[8]);
	}
	wt_close(&t);
	free(body);
	free(alt);
	free(text);
	/* the hidden deltas are at most 3/8 of the output's, whatever the seed and inputs */
	for (seed = 1; seed <= 200; seed++) {
		char b[160];
		snprintf(b, sizeof b, "@widget backprop id=f seed=%d inputs=%g,%g target=%g\n"
				      "alt: a\n@end\n", seed, (seed % 17) / 4.0 - 2, (seed % 5) - 2.0,
			 (seed % 3) / 2.0);
		wt_open(&t, b);
		output(wt_get(&t, "f"), "gradient", &d);
		d2 = fabs(d.v[8]);
		ck_assert(fabs(d.v[4]) <= 0.375 * d2 && fabs(d.v[5]) <= 0.375 * d2);
		wt_close(&t);
	}
}
END_TEST

static Suite *backprop_suite(void)
{
	Suite *s = suite_create("backprop");
	TCase *tc = tcase_create("backprop");

	tcase_add_test(tc, backprop_matches_hand_and_differences);
	tcase_add_test(tc, backprop_steps_forward_and_back);
	tcase_add_test(tc, backprop_keys_change_inputs_target_and_weights);
	tcase_add_test(tc, backprop_goldens);
	tcase_add_test(tc, backprop_lesson_claims);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(backprop_suite());
}
