/* check_moe.c: the mixture of experts by hand (routing, gates, which experts ran), its
 * gradients against central differences for every gating variant, and training on tasks
 * whose regions want different experts. */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "fdcheck.h"
#include "nn/moe.h"
#include "nntest.h"

START_TEST(forward_by_hand)
{
	MoeConfig c;
	Moe m;
	const double x[3] = {0.5, -1.0, 2.0};
	size_t r, k;

	for (k = 1; k <= 2; k++) {
		moe_defaults(&c, MOE_VEE);
		c.n_experts = 2;
		c.top_k = k;
		ck_assert_int_eq(moe_init(&m, &c), NN_OK);
		/* router: l = (x, -x); experts E0 = 2x + 1, E1 = -x */
		m.router.net.params[0] = 1, m.router.net.params[1] = -1;
		m.router.net.params[2] = 0, m.router.net.params[3] = 0;
		m.expert[0].net.params[0] = 2, m.expert[0].net.params[1] = 1;
		m.expert[1].net.params[0] = -1, m.expert[1].net.params[1] = 0;
		moe_forward(&m, x, 3);
		for (r = 0; r < 3; r++) {
			double p0 = exp(x[r]) / (exp(x[r]) + exp(-x[r])), p1 = 1 - p0;
			double want = k == 1 ? (x[r] > 0 ? p0 * (2 * x[r] + 1) : p1 * -x[r])
					     : p0 * (2 * x[r] + 1) + p1 * -x[r];
			ck_assert_double_eq_tol(m.y[r], want, 1e-15);
			ck_assert_uint_eq(m.choice[r * k], x[r] > 0 ? 0 : 1);
			ck_assert_double_eq_tol(m.prob[2 * r] + m.prob[2 * r + 1], 1.0, 1e-15);
		}
		/* only the chosen experts ran: 2 rows on E0, 1 on E1 with k = 1 */
		ck_assert_uint_eq(m.count[0], k == 1 ? 2 : 3);
		ck_assert_uint_eq(m.count[1], k == 1 ? 1 : 3);
		ck_assert_uint_eq(moe_route(&m, x + 1), 1);
		moe_free(&m);
	}
	c.top_k = 3;
	ck_assert_int_eq(moe_init(&m, &c), NN_ERR_ARG);
	c.top_k = 0;
	ck_assert_int_eq(moe_init(&m, &c), NN_ERR_ARG);
}
END_TEST

START_TEST(renormalized_gates_sum_to_one)
{
	MoeConfig c;
	Moe m;
	double x[8], t[8];
	size_t r;
	Rng rng;

	moe_defaults(&c, MOE_ZIGZAG);
	c.renormalize = 1;
	ck_assert_int_eq(moe_init(&m, &c), NN_OK);
	rng_seed(&rng, 1);
	moe_task_sample(x, t, c.task, 8, &rng);
	moe_forward(&m, x, 8);
	for (r = 0; r < 8; r++) {
		ck_assert_double_eq_tol(m.gate[2 * r] + m.gate[2 * r + 1], 1.0, 1e-15);
		ck_assert(m.gate[2 * r] >= m.gate[2 * r + 1]); /* best first */
		ck_assert_uint_ne(m.choice[2 * r], m.choice[2 * r + 1]);
	}
	moe_free(&m);
}
END_TEST

typedef struct {
	Moe *m;
	const double *x, *t;
	size_t n;
} Ctx;

static double loss(void *p)
{
	Ctx *c = p;
	return moe_loss(c->m, c->x, c->t, c->n);
}

START_TEST(gradients_match_finite_differences)
{
	enum { NB = 12 };
	size_t k, ren, e, worst = 0;

	for (k = 1; k <= 3; k++)
		for (ren = 0; ren < 2; ren++) {
			MoeConfig c;
			Moe m;
			Ctx ctx;
			double x[NB], t[NB], err;
			Rng rng;

			moe_defaults(&c, MOE_ZIGZAG);
			c.n_experts = 3;
			c.top_k = k;
			c.renormalize = (int)ren;
			c.expert_hidden = 3;
			c.router_hidden = 3;
			c.seed = 10 + k;
			ck_assert_int_eq(moe_init(&m, &c), NN_OK);
			rng_seed(&rng, 2);
			moe_task_sample(x, t, c.task, NB, &rng);
			ctx.m = &m, ctx.x = x, ctx.t = t, ctx.n = NB;
			moe_loss(&m, x, t, NB);
			moe_backward(&m, x, t, NB);
			/* top-1 with renormalized gates: the gate is always 1, so the router
			 * gets no gradient at all (why the default gates are not renormalized) */
			if (k == 1 && ren)
				ck_assert_double_eq(fd_max_abs(m.router.grad, m.router.net.n_params),
						    0.0);
			else
				ck_assert(fd_max_abs(m.router.grad, m.router.net.n_params) > 1e-4);
			err = fd_check(m.router.net.params, m.router.grad, m.router.net.n_params,
				       loss, &ctx, 1e-5, &worst);
			ck_assert_msg(err < 1e-6, "router k=%zu ren=%zu: %g at %zu", k, ren, err,
				      worst);
			for (e = 0; e < c.n_experts; e++) {
				MlpUnit *u = &m.expert[e];
				err = fd_check(u->net.params, u->grad, u->net.n_params, loss, &ctx,
					       1e-5, &worst);
				ck_assert_msg(err < 1e-6, "expert %zu k=%zu ren=%zu: %g at %zu", e,
					      k, ren, err, worst);
			}
			moe_free(&m);
		}
}
END_TEST

/* |x| on U(-3, 3): the best single line has MSE var|x| = 3 - 1.5^2 = 0.75; two experts
 * split at 0 fit it exactly. */
START_TEST(experts_take_the_two_sides_of_the_vee)
{
	MoeConfig c;
	Moe m;
	double first, late = 0.0, xl = -2.0, xr = 2.0;
	size_t i;

	moe_defaults(&c, MOE_VEE);
	ck_assert_int_eq(moe_init(&m, &c), NN_OK);
	first = moe_step(&m);
	for (i = 1; i < 600; i++) {
		double l = moe_step(&m);
		if (i >= 500)
			late += l / 100;
	}
	ck_assert_msg(late < 0.05 * first && late < 0.05 * 0.75, "loss %g -> %g", first, late);
	ck_assert_uint_ne(moe_route(&m, &xl), moe_route(&m, &xr));
	moe_free(&m);
}
END_TEST

START_TEST(three_regions_get_three_experts)
{
	MoeConfig c;
	Moe m;
	double first, late = 0.0, xs[3] = {-2.0, 0.0, 2.0};
	size_t i, a, b, d;

	moe_defaults(&c, MOE_ZIGZAG);
	c.top_k = 1;
	ck_assert_int_eq(moe_init(&m, &c), NN_OK);
	first = moe_step(&m);
	for (i = 1; i < 1500; i++) {
		double l = moe_step(&m);
		if (i >= 1400)
			late += l / 100;
	}
	ck_assert_msg(late < 0.1 * first, "loss %g -> %g", first, late);
	a = moe_route(&m, xs), b = moe_route(&m, xs + 1), d = moe_route(&m, xs + 2);
	ck_assert_msg(a != b && b != d && a != d, "routes %zu %zu %zu", a, b, d);
	moe_free(&m);
}
END_TEST

static Suite *moe_suite(void)
{
	Suite *s = suite_create("moe");
	TCase *tc = tcase_create("moe");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, forward_by_hand);
	tcase_add_test(tc, renormalized_gates_sum_to_one);
	tcase_add_test(tc, gradients_match_finite_differences);
	tcase_add_test(tc, experts_take_the_two_sides_of_the_vee);
	tcase_add_test(tc, three_regions_get_three_experts);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(moe_suite());
}
