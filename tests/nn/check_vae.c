/* check_vae.c: the KL term by hand and against central differences, the whole loss's
 * gradient against central differences, and training that lowers the loss and brings
 * the VAE's samples to the target. */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "fdcheck.h"
#include "nn/vae.h"
#include "nntest.h"

enum { NB = 5, NK = 6 };

typedef struct {
	Vae *v;
	const double *x, *eps;
	double *mu, *lv; /* for the KL alone */
} Ctx;

static double kl_loss(void *p)
{
	Ctx *c = p;
	return vae_kl(c->mu, c->lv, NK);
}

static double whole_loss(void *p)
{
	Ctx *c = p;
	return vae_loss(NULL, c->v, c->x, c->eps, NB);
}

START_TEST(kl_by_hand)
{
	const double mu[3] = {0, 1, 0}, lv[3] = {0, 0, 0.6931471805599453};

	ck_assert_double_eq(vae_kl(mu, lv, 1), 0.0); /* N(0, 1) against itself */
	ck_assert_double_eq(vae_kl(mu + 1, lv + 1, 1), 0.5);
	/* sigma^2 = 2: (2 - 1 - ln 2) / 2 */
	ck_assert_double_eq_tol(vae_kl(mu + 2, lv + 2, 1), 0.5 * (1 - log(2.0)), 1e-15);
	ck_assert_double_eq_tol(vae_kl(mu, lv, 3), 0.5 + 0.5 * (1 - log(2.0)), 1e-15);
}
END_TEST

START_TEST(kl_gradient_matches_finite_differences)
{
	double mu[NK], lv[NK], dmu[NK] = {0}, dlv[NK] = {0}, err;
	Ctx c = {0};
	Rng r;
	size_t i;

	rng_seed(&r, 5);
	for (i = 0; i < NK; i++) {
		mu[i] = rng_normal(&r, 0, 1);
		lv[i] = rng_normal(&r, 0, 1);
	}
	c.mu = mu, c.lv = lv;
	vae_kl_backward(dmu, dlv, mu, lv, NK, 1.0);
	ck_assert(fd_max_abs(dlv, NK) > 0.1);
	err = fd_check(mu, dmu, NK, kl_loss, &c, 1e-5, NULL);
	ck_assert_msg(err < 1e-8, "dmu %g", err);
	err = fd_check(lv, dlv, NK, kl_loss, &c, 1e-5, NULL);
	ck_assert_msg(err < 1e-8, "dlv %g", err);
	/* the backward adds, scaled */
	vae_kl_backward(dmu, dlv, mu, lv, NK, 2.0);
	ck_assert_double_eq_tol(dmu[0], 3 * mu[0], 1e-15);
}
END_TEST

START_TEST(loss_gradient_matches_finite_differences)
{
	VaeConfig c;
	Vae v;
	Ctx x = {0};
	double data[NB * 2], eps[NB * 2], err;
	size_t i, worst = 0;
	Rng r;

	vae_defaults(&c, TOYDIST_MOONS);
	c.hidden = 5;
	c.beta = 0.7;
	ck_assert_int_eq(vae_init(&v, &c), NN_OK);
	rng_seed(&r, 6);
	toydist_sample(data, c.target, NB, &r);
	for (i = 0; i < NB * 2; i++)
		eps[i] = rng_normal(&r, 0, 1);
	/* make the encoder's log-variances matter: shift their biases off 0 */
	for (i = 0; i < 2; i++)
		v.enc.net.params[v.enc.net.n_params - 1 - i] = -0.5;
	x.v = &v, x.x = data, x.eps = eps;
	vae_loss(NULL, &v, data, eps, NB);
	vae_backward(&v, data, eps, NB);
	ck_assert(fd_max_abs(v.enc.grad, v.enc.net.n_params) > 1e-3);
	err = fd_check(v.enc.net.params, v.enc.grad, v.enc.net.n_params, whole_loss, &x, 1e-5,
		       &worst);
	ck_assert_msg(err < 1e-6, "encoder: %g at %zu", err, worst);
	err = fd_check(v.dec.net.params, v.dec.grad, v.dec.net.n_params, whole_loss, &x, 1e-5,
		       &worst);
	ck_assert_msg(err < 1e-6, "decoder: %g at %zu", err, worst);
	vae_free(&v);
}
END_TEST

START_TEST(noise_zero_decodes_the_mean)
{
	VaeConfig c;
	Vae v;
	VaeLoss l;
	double x[4] = {0.3, -0.2, 1.0, 0.5}, eps[4] = {0}, mu[4], lv[4], xh[4], rec;
	size_t i;

	vae_defaults(&c, TOYDIST_RING);
	ck_assert_int_eq(vae_init(&v, &c), NN_OK);
	vae_loss(&l, &v, x, eps, 2);
	vae_encode(mu, lv, &v, x, 2);
	vae_decode(xh, &v, mu, 2);
	for (rec = 0, i = 0; i < 4; i++)
		rec += (xh[i] - x[i]) * (xh[i] - x[i]);
	rec /= 2 * 0.01 * 2;
	ck_assert_double_eq_tol(l.rec, rec, 1e-12 * rec);
	ck_assert_double_eq_tol(l.kl, vae_kl(mu, lv, 4) / 2, 1e-15);
	ck_assert_double_eq_tol(l.loss, l.rec + l.kl, 1e-12);
	vae_free(&v);
	c.sigma_x = 0;
	ck_assert_int_eq(vae_init(&v, &c), NN_ERR_ARG);
}
END_TEST

/* Training on a 2-D target: the loss falls to a fraction of its start and samples of
 * the prior, decoded, land on the target. */
START_TEST(loss_falls_and_samples_reach_the_target)
{
	enum { NS = 400, STEPS = 800 };
	VaeConfig c;
	Vae v;
	VaeLoss l;
	double *real = malloc(2 * NS * sizeof *real), *fake = malloc(2 * NS * sizeof *fake);
	double first, late = 0.0, e0, e1;
	size_t i;
	Rng r;

	vae_defaults(&c, TOYDIST_MOONS);
	ck_assert_int_eq(vae_init(&v, &c), NN_OK);
	rng_seed(&r, 77);
	toydist_sample(real, c.target, NS, &r);
	vae_sample(fake, &v, NS, 1.0);
	e0 = toydist_energy(real, NS, fake, NS, 2);
	vae_step(&v, &l);
	first = l.loss;
	for (i = 1; i < STEPS; i++) {
		vae_step(&v, &l);
		if (i >= STEPS - 100)
			late += l.loss / 100;
	}
	ck_assert_msg(late < 0.2 * first, "loss %g -> %g", first, late);
	/* a KL between 0 (the posterior ignores x) and the whole loss */
	ck_assert(l.kl > 0.5 && l.kl < l.loss);
	vae_sample(fake, &v, NS, 1.0);
	e1 = toydist_energy(real, NS, fake, NS, 2);
	ck_assert_msg(e1 < 0.2 * e0, "energy %g -> %g", e0, e1);
	ck_assert_uint_eq(v.steps, STEPS);
	vae_free(&v);
	free(real), free(fake);
}
END_TEST

static Suite *vae_suite(void)
{
	Suite *s = suite_create("vae");
	TCase *tc = tcase_create("vae");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, kl_by_hand);
	tcase_add_test(tc, kl_gradient_matches_finite_differences);
	tcase_add_test(tc, loss_gradient_matches_finite_differences);
	tcase_add_test(tc, noise_zero_decodes_the_mean);
	tcase_add_test(tc, loss_falls_and_samples_reach_the_target);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(vae_suite());
}
