/* check_fit.c: the fit kind and nn/polyfit.h: least squares and ridge fits against
 * fits by hand, the errors the widget prints against an independent solve (normal
 * equations by Gaussian elimination), the measured story the lesson tells (validation
 * error U-shaped in the degree, lambda taming the high degree), keys, save and
 * restore, and goldens in UTF-8 and ASCII at 40, 76 and 160 columns. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/polyfit.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

static WTest t;

#define FIT "@widget fit id=fit points=12 val_points=60 noise=0.3 seed=1 degree=1\nalt: x\n@end\n"

static void teardown(void)
{
	wt_close(&t);
}

START_TEST(least_squares_by_hand)
{
	/* Points (-1, 1), (0, 2), (1, 4). The line: sum x = 0, so w0 = mean y = 7/3 and
	 * w1 = sum xy / sum x^2 = 3/2. The parabola passes through all three:
	 * w0 = 2, w1 = (4 - 1)/2, w2 = (4 + 1)/2 - 2. Ridge on the line: w0 stays the
	 * mean, w1 = sum xy / (sum x^2 + n lambda) = 3 / (2 + 3 lambda): 1 at 1/3. */
	const double x[3] = {-1, 0, 1}, y[3] = {1, 2, 4};
	double w[3], work[64];

	ck_assert_int_eq(polyfit_solve(w, x, y, 3, 1, 0, work), NN_OK);
	ck_assert_double_eq_tol(w[0], 7.0 / 3, 1e-12);
	ck_assert_double_eq_tol(w[1], 1.5, 1e-12);
	/* its error: residuals 1 - (7/3 - 3/2), 2 - 7/3, 4 - (7/3 + 3/2) */
	ck_assert_double_eq_tol(polyfit_mse(w, 1, x, y, 3),
				(pow(1 - 5.0 / 6, 2) + pow(2 - 7.0 / 3, 2) + pow(4 - 23.0 / 6, 2)) / 3,
				1e-12);
	ck_assert_int_eq(polyfit_solve(w, x, y, 3, 2, 0, work), NN_OK);
	ck_assert_double_eq_tol(w[0], 2, 1e-12);
	ck_assert_double_eq_tol(w[1], 1.5, 1e-12);
	ck_assert_double_eq_tol(w[2], 0.5, 1e-12);
	ck_assert_double_eq_tol(polyfit_mse(w, 2, x, y, 3), 0, 1e-20);
	ck_assert_double_eq_tol(polyfit_eval(w, 2, 2), 2 + 3 + 2, 1e-12);
	ck_assert_int_eq(polyfit_solve(w, x, y, 3, 1, 1.0 / 3, work), NN_OK);
	ck_assert_double_eq_tol(w[0], 7.0 / 3, 1e-12);
	ck_assert_double_eq_tol(w[1], 1, 1e-12);
	/* three points cannot fix a cubic without a penalty; with one they can */
	ck_assert_int_eq(polyfit_solve(w, x, y, 3, 3, 0, work), NN_ERR_ARG);
	ck_assert_int_eq(polyfit_solve(w, x, y, 3, 1, -1, work), NN_ERR_ARG);
}
END_TEST

/* The fit of degree d with penalty lam by the normal equations
 * (V^T V / n + lam E) w = V^T y / n, solved by Gaussian elimination with partial
 * pivoting: another route to the same minimum. */
static void normal_fit(double *w, const double *x, const double *y, size_t n, int d,
		       double lam)
{
	double a[12][13] = {{0}};
	int c = d + 1, i, j, k;
	size_t p;

	for (p = 0; p < n; p++)
		for (i = 0; i < c; i++) {
			for (j = 0; j < c; j++)
				a[i][j] += pow(x[p], i) * pow(x[p], j) / (double)n;
			a[i][c] += pow(x[p], i) * y[p] / (double)n;
		}
	for (i = 1; i < c; i++)
		a[i][i] += lam;
	for (i = 0; i < c; i++) {
		int piv = i;
		for (k = i + 1; k < c; k++)
			if (fabs(a[k][i]) > fabs(a[piv][i]))
				piv = k;
		for (j = 0; j <= c; j++) {
			double tmp = a[i][j];
			a[i][j] = a[piv][j];
			a[piv][j] = tmp;
		}
		for (k = i + 1; k < c; k++) {
			double f = a[k][i] / a[i][i];
			for (j = i; j <= c; j++)
				a[k][j] -= f * a[i][j];
		}
	}
	for (i = c - 1; i >= 0; i--) {
		double v = a[i][c];
		for (j = i + 1; j < c; j++)
			v -= a[i][j] * w[j];
		w[i] = v / a[i][i];
	}
}

static double mse_by_hand(const double *w, int d, const double *x, const double *y, size_t n)
{
	double s = 0;
	size_t p;
	int k;

	for (p = 0; p < n; p++) {
		double v = 0;
		for (k = 0; k <= d; k++)
			v += w[k] * pow(x[p], k);
		s += (v - y[p]) * (v - y[p]);
	}
	return s / (double)n;
}

/* The widget's errors (its "errors" output) at its degree and lambda now, against
 * the normal equations on the same points; and the numbers on screen. */
static void check_errors(Instance *in, int d, double lam, double *train, double *val)
{
	double x[12], y[12], vx[60], vy[60], w[12];
	char want[128], tr[32], va[32];
	char *text;
	Data out;

	polyfit_points(x, y, 12, 0.3, 1);
	polyfit_points(vx, vy, 60, 0.3, 1 + 1000003ULL);
	normal_fit(w, x, y, 12, d, lam);
	*train = mse_by_hand(w, d, x, y, 12);
	*val = mse_by_hand(w, d, vx, vy, 60);
	ck_assert(scene_output(in, "errors", 0, &out));
	ck_assert_uint_eq(out.n, 2);
	ck_assert_double_eq_tol(out.v[0], *train, 1e-6 * (1 + *train));
	ck_assert_double_eq_tol(out.v[1], *val, 1e-4 * (1 + *val));
	snprintf(tr, sizeof tr, "%.3g", *train); /* every training error here is below 1 */
	if (*val < 100)
		snprintf(va, sizeof va, "%.3g", *val);
	else
		snprintf(va, sizeof va, "%.0f", *val); /* degree 9: 2666 */
	snprintf(want, sizeof want, "error  training %s  validation %s", tr, va);
	text = wt_draw(in, 76, wt_utf8, false);
	ck_assert_msg(strstr(text, want), "%s not in\n%s", want, text);
	free(text);
}

START_TEST(errors_match_an_independent_fit_and_tell_the_story)
{
	Instance *in;
	double tr[12], va[12], tr9l, va9l, tr1, va1;
	int d;

	wt_open(&t, FIT);
	in = wt_get(&t, "fit");
	check_errors(in, 1, 0, &tr1, &va1);
	wt_key(in, K_LEFT);
	for (d = 0; d <= 9; d++) {
		check_errors(in, d, 0, &tr[d], &va[d]);
		wt_key(in, K_RIGHT);
	}
	/* too little: degree 1 misses the bend on both sets */
	ck_assert(tr[1] > 0.2 && va[1] > 0.2);
	/* enough: degree 3 cuts the training error to a quarter and the validation error
	 * below 0.19 */
	ck_assert(tr[3] < tr[1] / 3 && va[3] < 0.19);
	/* the U: the lowest validation error is at degree 5 (below 0.16); from degree 6 it
	 * is worse than a straight line's, at degree 9 over a thousand times worse, though
	 * the training error keeps falling */
	for (d = 0; d <= 9; d++)
		ck_assert(va[5] <= va[d]);
	ck_assert(va[5] < 0.16);
	for (d = 6; d <= 9; d++)
		ck_assert(va[d] > va[1]);
	ck_assert(va[9] > 1000 * va[1]);
	/* the lesson's figures */
	ck_assert_int_eq((int)lround(1000 * tr[1]), 274);
	ck_assert_int_eq((int)lround(1000 * va[1]), 216);
	ck_assert_int_eq((int)lround(1000 * tr[3]), 72);
	ck_assert_int_eq((int)lround(1000 * va[3]), 188);
	ck_assert_int_eq((int)lround(1000 * va[5]), 156);
	ck_assert_int_eq((int)lround(100 * va[6]), 76);
	ck_assert(va[9] > 2000);
	ck_assert_int_eq((int)lround(1000 * tr[9]), 43);
	for (d = 1; d <= 9; d++)
		ck_assert(tr[d] <= tr[d - 1] + 1e-12);
	/* degree 9 (the widget is there now, lambda 0), then Up thrice: lambda 0.001 */
	wt_key(in, K_LEFT);
	wt_key(in, K_UP);
	wt_key(in, K_UP);
	wt_key(in, K_UP);
	check_errors(in, 9, 1e-3, &tr9l, &va9l);
	ck_assert(va9l < 0.16 && va9l < va[9] / 10000);
	ck_assert(tr9l > tr[9]); /* the penalty costs a little on the training points */
	ck_assert_int_eq((int)lround(1000 * va9l), 152);
	ck_assert_int_eq((int)lround(1000 * tr9l), 76);
	/* too much penalty: lambda 0.1 flattens it back to about a line's error */
	wt_key(in, K_UP);
	wt_key(in, K_UP);
	check_errors(in, 9, 0.1, &tr9l, &va9l);
	ck_assert(va9l > 0.2 && tr9l > 0.2);
}
END_TEST

START_TEST(keys_save_and_goldens)
{
	Instance *in;
	MemStore m;


	wt_open(&t, FIT);
	in = wt_get(&t, "fit");
	ck_assert(in->kind->nkeys == 2);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_LEFT) & WIDGET_REDRAW, WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_LEFT) & WIDGET_REDRAW, 0); /* at degree 0 already */
	ck_assert_double_eq(wt_value(&t, "fit"), 0);
	wt_char(in, 'l');
	wt_char(in, 'l');
	wt_char(in, 'l');
	wt_char(in, 'l');
	ck_assert_double_eq(wt_value(&t, "fit"), 4);
	memstore_init(&m);
	ck_assert_str_eq(wt_saved(in, &m, "degree"), "4");
	wt_golden("fit-4", in, 76);
	wt_golden("fit-4-narrow", in, 40);
	wt_golden("fit-4-wide", in, 160);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fit");
	TCase *tc = tcase_create("fit");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, least_squares_by_hand);
	tcase_add_test(tc, errors_match_an_independent_fit_and_tell_the_story);
	tcase_add_test(tc, keys_save_and_goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
