/* check_gan.c: the GAN's losses by hand, both gradients against central differences,
 * and training that brings the fakes to the target (a fixed seed, against the start). */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "fdcheck.h"
#include "nn/gan.h"
#include "nntest.h"

enum { NB = 6 };

typedef struct {
	Gan *g;
	const double *real, *z;
} Ctx;

static double loss_d(void *p)
{
	Ctx *c = p;
	return gan_loss_d(c->g, c->real, c->z, NB);
}

static double loss_g(void *p)
{
	Ctx *c = p;
	return gan_loss_g(c->g, c->z, NB);
}

START_TEST(losses_by_hand_with_a_blind_discriminator)
{
	GanConfig c;
	Gan g;
	GanStats s;
	size_t i;

	gan_defaults(&c, TOYDIST_RING);
	ck_assert_int_eq(gan_init(&g, &c), NN_OK);
	ck_assert_uint_eq(g.dim, 2);
	/* D = 0 everywhere: l = 0, D(x) = 1/2, L_D = 2 ln 2, L_G = ln 2, V = -2 ln 2 */
	for (i = 0; i < g.d.net.n_params; i++)
		g.d.net.params[i] = 0.0;
	gan_step(&g, &s);
	ck_assert_double_eq_tol(s.d_loss, 2 * log(2.0), 1e-15);
	ck_assert_double_eq_tol(s.value, -2 * log(2.0), 1e-15);
	ck_assert_double_eq_tol(s.d_real, 0.5, 1e-15);
	ck_assert_double_eq_tol(s.d_fake, 0.5, 1e-15);
	/* D moved by one Adam step, so L_G is near ln 2 but not at it */
	ck_assert_double_eq_tol(s.g_loss, log(2.0), 0.05);
	ck_assert_uint_eq(g.steps, 1);
	gan_free(&g);
	c.batch = 0;
	ck_assert_int_eq(gan_init(&g, &c), NN_ERR_ARG);
}
END_TEST

START_TEST(gradients_match_finite_differences)
{
	int k;

	for (k = 0; k < 2; k++) {
		GanConfig c;
		Gan g;
		Ctx x;
		double real[NB * 2], z[NB * 2], *grad, err;
		size_t i, worst = 0;
		Rng r;

		/* tanh: no kink for a difference step to cross */
		gan_defaults(&c, k ? TOYDIST_MOONS : TOYDIST_BIMODAL);
		c.act = ACT_TANH;
		c.hidden = 5;
		c.seed = 3;
		ck_assert_int_eq(gan_init(&g, &c), NN_OK);
		rng_seed(&r, 4);
		toydist_sample(real, c.target, NB, &r);
		for (i = 0; i < NB * c.noise_dim; i++)
			z[i] = rng_normal(&r, 0, 1);
		x.g = &g, x.real = real, x.z = z;

		grad = calloc(g.d.net.n_params, sizeof *grad);
		gan_loss_d(&g, real, z, NB);
		gan_backward_d(grad, &g, real, z, NB);
		ck_assert(fd_max_abs(grad, g.d.net.n_params) > 1e-3);
		err = fd_check(g.d.net.params, grad, g.d.net.n_params, loss_d, &x, 1e-5, &worst);
		ck_assert_msg(err < 1e-6, "D: %g at %zu", err, worst);
		free(grad);

		grad = calloc(g.g.net.n_params, sizeof *grad);
		gan_loss_g(&g, z, NB);
		gan_backward_g(grad, &g, z, NB);
		ck_assert(fd_max_abs(grad, g.g.net.n_params) > 1e-4);
		err = fd_check(g.g.net.params, grad, g.g.net.n_params, loss_g, &x, 1e-5, &worst);
		ck_assert_msg(err < 1e-6, "G: %g at %zu", err, worst);
		free(grad);
		gan_free(&g);
	}
}
END_TEST

/* Training: the distance between the shown fakes and reals falls well below its start.
 * GAN training oscillates, so the figure is the mean of the last five checkpoints. */
static void learns(ToyDistKind k, size_t steps)
{
	GanConfig c;
	Gan g;
	double start, late = 0.0, e0;
	size_t i;

	gan_defaults(&c, k);
	ck_assert_int_eq(gan_init(&g, &c), NN_OK);
	start = gan_distance(&g);
	e0 = toydist_energy(g.real, c.n_show, g.fake, c.n_show, g.dim);
	for (i = 1; i <= steps; i++) {
		gan_step(&g, NULL);
		if (i + 5 * (steps / 20) > steps && i % (steps / 20) == 0)
			late += gan_distance(&g) / 5;
	}
	ck_assert_msg(start > 0.8 && late < 0.45 * start, "%s: tv %g -> %g", toydist_name(k), start,
		      late);
	/* the energy distance, measured differently, agrees */
	ck_assert(toydist_energy(g.real, c.n_show, g.fake, c.n_show, g.dim) < 0.2 * e0);
	gan_free(&g);
}

START_TEST(fakes_move_to_a_1d_target)
{
	learns(TOYDIST_GAUSSIAN, 1000);
}
END_TEST

START_TEST(fakes_move_to_a_2d_target)
{
	learns(TOYDIST_RING, 1000);
}
END_TEST

START_TEST(a_seed_reproduces_the_run)
{
	GanConfig c;
	Gan a, b;
	double out[3], pts[6] = {0, 0, 1.5, 0, 5, 5};
	int i;

	gan_defaults(&c, TOYDIST_MOONS);
	ck_assert_int_eq(gan_init(&a, &c), NN_OK);
	ck_assert_int_eq(gan_init(&b, &c), NN_OK);
	for (i = 0; i < 20; i++) {
		gan_step(&a, NULL);
		gan_step(&b, NULL);
	}
	gan_show(&a);
	gan_show(&b);
	ck_assert_int_eq(memcmp(a.fake, b.fake, c.n_show * 2 * sizeof *a.fake), 0);
	gan_discriminate(out, &a, pts, 3);
	for (i = 0; i < 3; i++)
		ck_assert(out[i] > 0.0 && out[i] < 1.0);
	gan_free(&a);
	gan_free(&b);
}
END_TEST

static Suite *gan_suite(void)
{
	Suite *s = suite_create("gan");
	TCase *tc = tcase_create("gan");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, losses_by_hand_with_a_blind_discriminator);
	tcase_add_test(tc, gradients_match_finite_differences);
	tcase_add_test(tc, fakes_move_to_a_1d_target);
	tcase_add_test(tc, fakes_move_to_a_2d_target);
	tcase_add_test(tc, a_seed_reproduces_the_run);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(gan_suite());
}
