/* check_loss.c: MSE, BCE from logits and softmax cross-entropy (one-hot and class
 * indices) by hand and by finite differences, for one output and for several classes. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "nn/loss.h"
#include "layertest.h"

START_TEST(values_by_hand)
{
	const double y[4] = {0.5, 1.0, 0.0, 2.0}, t[4] = {1.0, 1.0, 1.0, 0.0};
	const double z1[2] = {0.0, 2.0}, t1[2] = {1.0, 0.0};
	const double z3[3] = {1.0, 2.0, 3.0}, t3[3] = {0.0, 0.0, 1.0};
	double p[3];

	/* mean of 0.25, 0, 1, 4: no 1/2 */
	ck_assert_double_eq(loss_forward(LOSS_MSE, y, y, t, 2, 2), 5.25 / 4);
	/* BCE: ln 2 for z = 0, t = 1; ln(1 + e^2) for z = 2, t = 0 */
	ck_assert_double_eq_tol(loss_forward(LOSS_BCE, z1, NULL, t1, 2, 1),
	                        (log(2.0) + log1p(exp(2.0))) / 2, 1e-15);
	/* stable for huge logits */
	{
		const double zb[2] = {800.0, -800.0}, tb[2] = {0.0, 0.0};
		ck_assert_double_eq_tol(loss_forward(LOSS_BCE, zb, NULL, tb, 2, 1), 400.0, 1e-12);
	}
	/* CE: -ln softmax_3 = ln(e + e^2 + e^3) - 3 */
	ck_assert_double_eq_tol(loss_forward(LOSS_CE, z3, NULL, t3, 1, 3),
	                        log(exp(1.0) + exp(2.0) + exp(3.0)) - 3.0, 1e-15);
	/* CE with one output is BCE of the logit */
	ck_assert_double_eq(loss_forward(LOSS_CE, z1, NULL, t1, 2, 1),
	                    loss_forward(LOSS_BCE, z1, NULL, t1, 2, 1));
	loss_softmax(p, z3, 3);
	ck_assert_double_eq_tol(p[0] + p[1] + p[2], 1.0, 1e-15);
	ck_assert_double_eq_tol(p[2], exp(3.0) / (exp(1.0) + exp(2.0) + exp(3.0)), 1e-15);
	{
		const double big[2] = {1000.0, 999.0};
		loss_softmax(p, big, 2);
		ck_assert_double_eq_tol(p[0], 1 / (1 + exp(-1.0)), 1e-15);
	}
}
END_TEST

START_TEST(ce_gradient_is_p_minus_y)
{
	const double z[6] = {1.0, 2.0, 3.0, -1.0, 0.5, 0.0}, t[6] = {0, 0, 1, 1, 0, 0};
	double dz[6] = {0}, p[3];
	size_t i;

	loss_backward(dz, LOSS_CE, ACT_LINEAR, z, z, t, 2, 3);
	for (i = 0; i < 2; i++) {
		loss_softmax(p, z + 3 * i, 3);
		ck_assert_double_eq_tol(dz[3 * i + 0], (p[0] - t[3 * i + 0]) / 2, 1e-16);
		ck_assert_double_eq_tol(dz[3 * i + 2], (p[2] - t[3 * i + 2]) / 2, 1e-16);
	}
}
END_TEST

/* dL/dz of each loss against central differences of loss_forward. */
START_TEST(gradients_by_finite_differences)
{
	static const struct {
		Loss l;
		Activation a;
		size_t n_out;
	} cases[] = {
	    {LOSS_MSE, ACT_SIGMOID, 1}, {LOSS_MSE, ACT_TANH, 3},    {LOSS_MSE, ACT_LINEAR, 2},
	    {LOSS_BCE, ACT_SIGMOID, 1}, {LOSS_BCE, ACT_SIGMOID, 2}, {LOSS_CE, ACT_LINEAR, 1},
	    {LOSS_CE, ACT_LINEAR, 4},
	};
	const double h = 1e-6;
	size_t c, i, batch = 3;

	for (c = 0; c < sizeof cases / sizeof *cases; c++) {
		size_t n = batch * cases[c].n_out;
		double z[12], y[12], t[12], dz[12] = {0};
		for (i = 0; i < n; i++) {
			z[i] = sin(1.7 * (double)i + 0.3) * 2;
			t[i] = cases[c].l == LOSS_MSE ? cos((double)i) : 0.0;
		}
		if (cases[c].l != LOSS_MSE) {
			for (i = 0; i < batch; i++) {
				if (cases[c].n_out > 1) /* one-hot */
					t[i * cases[c].n_out + i % cases[c].n_out] = 1.0;
				else
					t[i] = i % 2 ? 1.0 : 0.0;
			}
		}
		act_forward(y, z, n, cases[c].a);
		loss_backward(dz, cases[c].l, cases[c].a, z, y, t, batch, cases[c].n_out);
		for (i = 0; i < n; i++) {
			double keep = z[i], up, down, num;
			z[i] = keep + h;
			act_forward(y, z, n, cases[c].a);
			up = loss_forward(cases[c].l, z, y, t, batch, cases[c].n_out);
			z[i] = keep - h;
			act_forward(y, z, n, cases[c].a);
			down = loss_forward(cases[c].l, z, y, t, batch, cases[c].n_out);
			z[i] = keep;
			act_forward(y, z, n, cases[c].a);
			num = (up - down) / (2 * h);
			ck_assert_msg(fabs(num - dz[i]) <= 1e-7 * fmax(1e-2, fabs(num)),
			              "%s/%s n_out %zu, z[%zu]: %.17g vs %.17g",
			              loss_name(cases[c].l), act_name(cases[c].a), cases[c].n_out,
			              i, dz[i], num);
		}
	}
}
END_TEST

START_TEST(names_and_output_activations)
{
	Loss l;

	ck_assert_int_eq(loss_from_name(&l, "bce"), 0);
	ck_assert_int_eq(l, LOSS_BCE);
	ck_assert_int_eq(loss_from_name(&l, "hinge"), -1);
	ck_assert_str_eq(loss_name(LOSS_CE), "ce");
	ck_assert_int_eq(loss_output_act(LOSS_BCE, ACT_TANH), ACT_SIGMOID);
	ck_assert_int_eq(loss_output_act(LOSS_CE, ACT_SIGMOID), ACT_LINEAR);
	ck_assert_int_eq(loss_output_act(LOSS_MSE, ACT_TANH), ACT_TANH);
}
END_TEST

START_TEST(softmax_ce_with_indices_by_hand)
{
	/* equal logits: ln 4, gradient 1/4 everywhere but the class, -3/4 there */
	const double z[8] = {0, 0, 0, 0, 1, 2, 3, 4};
	size_t c[2] = {2, LOSS_IGNORE};
	double dz[8] = {0};

	ck_assert_double_eq_tol(loss_softmax_ce_forward(z, c, 2, 4), log(4.0), 1e-15);
	loss_softmax_ce_backward(dz, 2.0, z, c, 2, 4); /* dy = 2 scales it */
	ck_assert_double_eq_tol(dz[0], 0.5, 1e-15);
	ck_assert_double_eq_tol(dz[2], -1.5, 1e-15);
	ck_assert_double_eq(dz[4] + dz[5] + dz[6] + dz[7], 0); /* the ignored row */
	/* the mean is over the rows that count: -ln softmax(1 2 3 4)[3] alone */
	c[0] = LOSS_IGNORE, c[1] = 3;
	ck_assert_double_eq_tol(loss_softmax_ce_forward(z, c, 2, 4),
	                        log(exp(-3.0) + exp(-2.0) + exp(-1.0) + 1), 1e-15);
	c[1] = LOSS_IGNORE;
	ck_assert_double_eq(loss_softmax_ce_forward(z, c, 2, 4), 0);
	/* huge logits stay finite */
	{
		const double big[2] = {1000, -1000};
		const size_t cb[1] = {1};
		ck_assert_double_eq_tol(loss_softmax_ce_forward(big, cb, 1, 2), 2000, 1e-12);
	}
}
END_TEST

typedef struct {
	size_t n, k;
	const size_t *c;
	double *z, dy;
} CeCtx;

static double ce_loss(void *p)
{
	CeCtx *c = p;

	return c->dy * loss_softmax_ce_forward(c->z, c->c, c->n, c->k);
}

START_TEST(softmax_ce_gradients_on_random_shapes)
{
	LtCheck lc = {0};
	Rng r;
	int trial;

	rng_seed(&r, 9);
	for (trial = 0; trial < 30; trial++) {
		CeCtx c;
		size_t cls[6], i;
		double *dz;
		c.n = lt_size(&r, 1, 6), c.k = lt_size(&r, 1, 5), c.c = cls;
		c.dy = rng_range(&r, -2, 2);
		for (i = 0; i < c.n; i++)
			cls[i] = i == 1 && trial % 2 ? LOSS_IGNORE : (size_t)rng_below(&r, c.k);
		c.z = lt_rand(&r, c.n * c.k, 3), dz = lt_zeros(c.n * c.k);
		loss_softmax_ce_backward(dz, c.dy, c.z, cls, c.n, c.k);
		snprintf(lc.what, sizeof lc.what, "softmax_ce n=%zu k=%zu", c.n, c.k);
		lc.loss = ce_loss, lc.ctx = &c;
		lt_add(&lc, "z", c.z, dz, c.n * c.k);
		lt_run(&lc);
		lt_free(&lc);
	}
	lt_summary("softmax_ce", 30, &lc);
}
END_TEST

static Suite *loss_suite(void)
{
	Suite *s = suite_create("loss");
	TCase *tc = tcase_create("loss");

	tcase_add_test(tc, values_by_hand);
	tcase_add_test(tc, ce_gradient_is_p_minus_y);
	tcase_add_test(tc, gradients_by_finite_differences);
	tcase_add_test(tc, names_and_output_activations);
	tcase_add_test(tc, softmax_ce_with_indices_by_hand);
	tcase_add_test(tc, softmax_ce_gradients_on_random_shapes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(loss_suite());
}
