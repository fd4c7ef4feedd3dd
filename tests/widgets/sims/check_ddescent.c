/* check_ddescent.c: the ddescent kind and nn/rfeat.h: the fit against the closed forms
 * (least squares by the normal equations below the threshold, Phi^T (Phi Phi^T)^-1 y
 * above it), gradient descent from zero landing on the minimum-norm solution, the
 * numbers the widget prints, keys, save and restore, and goldens (the measured curve
 * the lesson tells is in tests/widgets/lessons/check_f_generalize.c). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/polyfit.h"
#include "nn/rfeat.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

static WTest t;

#define DD "@widget ddescent id=dd points=20 max_features=100 features=5\nalt: x\n@end\n"
#define N  20
#define P  100

static void teardown(void)
{
	wt_close(&t);
}

/* Solves the k x k system m z = r by Gaussian elimination with partial pivoting
 * (m and r are overwritten). */
static void gauss(double *z, double *m, double *r, int k)
{
	int i, j, c;

	for (c = 0; c < k; c++) {
		int piv = c;
		for (i = c + 1; i < k; i++)
			if (fabs(m[i * k + c]) > fabs(m[piv * k + c]))
				piv = i;
		for (j = 0; j < k; j++) {
			double s = m[c * k + j];
			m[c * k + j] = m[piv * k + j];
			m[piv * k + j] = s;
		}
		double s = r[c];
		r[c] = r[piv];
		r[piv] = s;
		for (i = c + 1; i < k; i++) {
			double f = m[i * k + c] / m[c * k + c];
			for (j = c; j < k; j++)
				m[i * k + j] -= f * m[c * k + j];
			r[i] -= f * r[c];
		}
	}
	for (i = k; i-- > 0;) {
		double v = r[i];
		for (j = i + 1; j < k; j++)
			v -= m[i * k + j] * z[j];
		z[i] = v / m[i * k + i];
	}
}

/* The lesson's setup: 20 points, features of frequency spread 30, draw 1. */
static double xs[N], ys[N], phi[N * P];

static void setup_phi(size_t p)
{
	double w[P], b[P];
	size_t i, j;
	Rng r;

	polyfit_points(xs, ys, N, 0.1, 1);
	rng_seed(&r, 2);
	for (j = 0; j < P; j++) { /* rf_draw's order: w_j then b_j */
		w[j] = rng_normal(&r, 0, 30);
		b[j] = rng_range(&r, 0, 2 * M_PI);
	}
	for (i = 0; i < N; i++)
		for (j = 0; j < p; j++)
			phi[i * p + j] = sqrt(2.0 / (double)p) * cos(w[j] * xs[i] + b[j]);
}

/* rf_fit on draw 1's first p features. */
static void fit_p(double *a, size_t p, double lambda)
{
	double w[P], b[P], c[N * P], *work = malloc(rf_work_size(N, P) * sizeof *work);
	Rng r;

	rng_seed(&r, 2);
	rf_draw(w, b, P, 30, &r);
	rf_cos(c, xs, N, w, b, P);
	ck_assert_int_eq(rf_fit(a, c, P, ys, N, p, lambda, work), NN_OK);
	free(work);
}

START_TEST(fit_matches_the_closed_forms)
{
	double a[P], m[P * P], r[P], z[P], ref[P];
	size_t p, i, j, k;

	/* below the threshold: the normal equations Phi^T Phi a = Phi^T y */
	p = 8;
	setup_phi(p);
	fit_p(a, p, 0);
	for (i = 0; i < p; i++) {
		r[i] = 0;
		for (k = 0; k < N; k++)
			r[i] += phi[k * p + i] * ys[k];
		for (j = 0; j < p; j++) {
			m[i * p + j] = 0;
			for (k = 0; k < N; k++)
				m[i * p + j] += phi[k * p + i] * phi[k * p + j];
		}
	}
	gauss(ref, m, r, (int)p);
	for (i = 0; i < p; i++)
		ck_assert_double_eq_tol(a[i], ref[i], 1e-8 * (1 + fabs(ref[i])));
	/* above it: a = Phi^T z with Phi Phi^T z = y, the tiny ridge changing nothing */
	p = 60;
	setup_phi(p);
	fit_p(a, p, 1e-12);
	for (i = 0; i < N; i++) {
		r[i] = ys[i];
		for (j = 0; j < N; j++) {
			m[i * N + j] = 0;
			for (k = 0; k < p; k++)
				m[i * N + j] += phi[i * p + k] * phi[j * p + k];
		}
	}
	gauss(z, m, r, N);
	for (k = 0; k < p; k++) {
		ref[k] = 0;
		for (i = 0; i < N; i++)
			ref[k] += phi[i * p + k] * z[i];
		ck_assert_double_eq_tol(a[k], ref[k], 1e-6 * (1 + fabs(ref[k])));
	}
	/* it passes through every point */
	for (i = 0; i < N; i++) {
		double f = 0;
		for (k = 0; k < p; k++)
			f += phi[i * p + k] * a[k];
		ck_assert_double_eq_tol(f, ys[i], 1e-8);
	}
}
END_TEST

/* Plain gradient descent on (1/2)|Phi a - y|^2 from a = 0: every step adds Phi^T times
 * something, so a stays in the row space and ends on the minimum-norm solution. */
START_TEST(gradient_descent_finds_the_minimum_norm)
{
	double a[P], g[P], e[N], ref[P], step = 0;
	size_t p = 60, i, k;
	int it;

	setup_phi(p);
	fit_p(ref, p, 1e-12);
	for (i = 0; i < N; i++) /* 1 / the largest row norm^2 sum: a safe step */
		for (k = 0; k < p; k++)
			step += phi[i * p + k] * phi[i * p + k];
	step = 1 / step;
	memset(a, 0, sizeof a);
	for (it = 0; it < 200000; it++) {
		for (i = 0; i < N; i++) {
			e[i] = -ys[i];
			for (k = 0; k < p; k++)
				e[i] += phi[i * p + k] * a[k];
		}
		for (k = 0; k < p; k++) {
			g[k] = 0;
			for (i = 0; i < N; i++)
				g[k] += phi[i * p + k] * e[i];
		}
		for (k = 0; k < p; k++)
			a[k] -= step * g[k];
	}
	for (k = 0; k < p; k++)
		ck_assert_double_eq_tol(a[k], ref[k], 1e-3 * (1 + fabs(ref[k])));
}
END_TEST

/* What the widget prints at p = 20, against the mean of the five draws fitted here. */
START_TEST(it_prints_the_mean_of_the_draws)
{
	Instance *dd;
	double a[P], w[P], b[P], c[N * P], tx[200], ty[200], tc[200 * P], te = 0, nm = 0;
	double *work = malloc(rf_work_size(N, P) * sizeof *work);
	char *text;
	char want[128];
	int d, i, k;

	polyfit_points(xs, ys, N, 0.1, 1);
	polyfit_points(tx, ty, 200, 0, 1 + 1000003ULL);
	for (d = 0; d < 5; d++) {
		Rng r;
		double se = 0;
		rng_seed(&r, 2 + (unsigned long long)d);
		rf_draw(w, b, P, 30, &r);
		rf_cos(c, xs, N, w, b, P);
		rf_cos(tc, tx, 200, w, b, P);
		ck_assert_int_eq(rf_fit(a, c, P, ys, N, N, 1e-12, work), NN_OK);
		for (i = 0; i < 200; i++) {
			double f = 0;
			for (k = 0; k < N; k++)
				f += sqrt(2.0 / N) * a[k] * tc[i * P + k];
			se += (f - ty[i]) * (f - ty[i]);
		}
		te += se / 200 / 5;
		se = 0;
		for (k = 0; k < N; k++)
			se += a[k] * a[k];
		nm += sqrt(se) / 5;
	}
	free(work);
	wt_open(&t, DD);
	dd = wt_get(&t, "dd");
	for (i = 0; i < 15; i++)
		wt_key(dd, K_RIGHT);
	ck_assert_double_eq(wt_value(&t, "dd"), 20);
	text = wt_draw(dd, 76, wt_ascii, false);
	snprintf(want, sizeof want, "mean of 5 draws: test %.3g", te);
	ck_assert_msg(strstr(text, want) != NULL, "%s\n%s", want, text);
	snprintf(want, sizeof want, "|a| %.3g", nm);
	ck_assert_msg(strstr(text, want) != NULL, "%s\n%s", want, text);
	ck_assert_msg(strstr(text, "p = 20 features, n = 20 points: at the threshold") != NULL,
		      "%s", text);
	free(text);
}
END_TEST

START_TEST(keys_save_and_restore)
{
	Instance *dd;
	MemStore m;

	wt_open(&t, DD);
	dd = wt_get(&t, "dd");
	ck_assert_double_eq(wt_value(&t, "dd"), 5);
	wt_key(dd, K_UP);
	ck_assert_double_eq(wt_value(&t, "dd"), 15);
	wt_char(dd, 'l');
	ck_assert_double_eq(wt_value(&t, "dd"), 16);
	wt_key(dd, K_DOWN);
	wt_key(dd, K_DOWN);
	ck_assert_double_eq(wt_value(&t, "dd"), 1); /* clamped at one feature */
	ck_assert_uint_eq(wt_key(dd, K_LEFT), WIDGET_HANDLED);
	ck_assert_uint_eq(wt_key(dd, K_ENTER) & WIDGET_HANDLED, 0);
	wt_key(dd, K_UP);
	wt_key(dd, K_UP);
	ck_assert_str_eq(wt_saved(dd, &m, "features"), "21");
	wt_close(&t);
	wt_open(&t, DD);
	dd = wt_get(&t, "dd");
	dd->kind->ops->restore(dd, &m.store);
	ck_assert_double_eq(wt_value(&t, "dd"), 21);
}
END_TEST

START_TEST(goldens)
{
	Instance *dd;
	int i;

	wt_open(&t, DD);
	dd = wt_get(&t, "dd");
	for (i = 0; i < 15; i++)
		wt_key(dd, K_RIGHT);
	wt_golden("ddescent-76", dd, 76);
	wt_golden_plain("ddescent-40", dd, 40);
	wt_golden_plain("ddescent-160", dd, 160);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ddescent");
	TCase *tc = tcase_create("ddescent");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, fit_matches_the_closed_forms);
	tcase_add_test(tc, gradient_descent_finds_the_minimum_norm);
	tcase_add_test(tc, it_prints_the_mean_of_the_draws);
	tcase_add_test(tc, keys_save_and_restore);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
