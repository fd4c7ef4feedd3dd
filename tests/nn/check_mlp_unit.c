/* check_mlp_unit.c: the gradient with respect to an MLP's inputs against central
 * differences (one layer and several, four activations), and the MlpUnit's shapes. */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "fdcheck.h"
#include "nn/loss.h"
#include "nn/mlp-unit.h"
#include "nntest.h"

enum { NB = 4 };

typedef struct {
	MlpUnit *u;
	double *x;
	const double *c; /* loss = sum c * y */
} Ctx;

static double loss(void *p)
{
	Ctx *k = p;
	size_t i, n = NB * mlp_n_out(&k->u->net);
	const double *y;
	double s = 0.0;

	mlp_unit_forward(k->u, k->x, NB);
	y = mlp_unit_out(k->u);
	for (i = 0; i < n; i++)
		s += k->c[i] * y[i];
	return s;
}

START_TEST(input_gradient_matches_finite_differences)
{
	static const Activation acts[] = {ACT_TANH, ACT_SIGMOID, ACT_GELU, ACT_LINEAR};
	size_t depth, a;

	for (depth = 0; depth <= 2; depth++)
		for (a = 0; a < sizeof acts / sizeof *acts; a++) {
			MlpUnit u;
			Ctx k;
			double x[NB * 3], c[NB * 2], dz[NB * 2], dx[NB * 3] = {0}, err;
			size_t i, worst = 0;
			Rng r;

			rng_seed(&r, 10 * depth + a);
			ck_assert_int_eq(mlp_unit_init_adam(&u, 3, 5, depth, 2, acts[a], NB, 0.01, &r),
					 NN_OK);
			ck_assert_uint_eq(u.net.n_layers, depth + 1);
			for (i = 0; i < NB * 3; i++)
				x[i] = rng_normal(&r, 0, 1);
			for (i = 0; i < NB * 2; i++)
				c[i] = rng_normal(&r, 0, 1);
			k.u = &u, k.x = x, k.c = c;
			/* dL/dz of the linear output layer is c itself */
			mlp_unit_forward(&u, x, NB);
			for (i = 0; i < NB * 2; i++)
				dz[i] = c[i];
			mlp_unit_backward(&u, x, dz, NB);
			mlp_backward_input(dx, &u.work, &u.net, dz, NB);
			ck_assert(fd_max_abs(dx, NB * 3) > 1e-3);
			err = fd_check(x, dx, NB * 3, loss, &k, 1e-5, &worst);
			ck_assert_msg(err < 1e-6, "depth %zu %s: %g at %zu", depth, act_name(acts[a]),
				      err, worst);
			/* and it adds: a second call doubles */
			mlp_backward_input(dx, &u.work, &u.net, dz, NB);
			err = fd_check(x, dx, NB * 3, loss, &k, 1e-5, &worst);
			ck_assert(err > 0.4);
			mlp_unit_free(&u);
		}
}
END_TEST

START_TEST(units_step_and_refuse_bad_shapes)
{
	MlpUnit u;
	Rng r;
	double before;
	size_t i;

	rng_seed(&r, 1);
	ck_assert_int_eq(mlp_unit_init_adam(&u, 2, 0, 1, 1, ACT_TANH, 4, 0.1, &r), NN_ERR_ARG);
	ck_assert_int_eq(mlp_unit_init_adam(&u, 2, 3, 9, 1, ACT_TANH, 4, 0.1, &r), NN_ERR_ARG);
	ck_assert_int_eq(mlp_unit_init_adam(&u, 2, 3, 2, 1, ACT_TANH, 0, 0.1, &r), NN_ERR_ARG);
	ck_assert_int_eq(mlp_unit_init_adam(&u, 2, 3, 2, 1, ACT_TANH, 4, 0.1, &r), NN_OK);
	ck_assert_uint_eq(u.net.n_params, 3 * 3 + 4 * 3 + 4 * 1);
	ck_assert_int_eq(u.net.act[1], ACT_TANH);
	ck_assert_int_eq(u.net.act[2], ACT_LINEAR);
	ck_assert_int_eq(u.opt.cfg.kind, OPTIM_ADAM);
	/* a gradient of 1 everywhere: Adam's first step moves every parameter by -lr */
	before = u.net.params[0];
	for (i = 0; i < u.net.n_params; i++)
		u.grad[i] = 1.0;
	mlp_unit_step(&u);
	ck_assert_double_eq_tol(u.net.params[0], before - 0.1, 1e-9);
	mlp_unit_zero_grad(&u);
	ck_assert_double_eq(fd_max_abs(u.grad, u.net.n_params), 0.0);
	mlp_unit_free(&u);
	mlp_unit_free(&u); /* safe twice */
}
END_TEST

static Suite *unit_suite(void)
{
	Suite *s = suite_create("mlp-unit");
	TCase *tc = tcase_create("mlp-unit");

	tcase_add_test(tc, input_gradient_matches_finite_differences);
	tcase_add_test(tc, units_step_and_refuse_bad_shapes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(unit_suite());
}
