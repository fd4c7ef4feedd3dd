/* check_l3_softmax.c: every number the lesson "Choosing among classes"
 * (content/level3/softmax.lesson) states, computed again here with exp() and log(),
 * and the lesson's own widgets showing the same numbers as their keys and sliders
 * move (3 and 5 classes); and its claim that p - y, the library's gradient and the
 * nudged slope agree to the last digit shown for every setting of its sliders and
 * true class. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/wtest.h"

static WTest t;

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

/* p = e^(z/T) / sum e^(z/T) of three logits; returns the sum of the powers. */
static double softmax3(const double *z, double temp, double *p)
{
	double e[3], s = 0;
	int i;

	for (i = 0; i < 3; i++)
		s += e[i] = exp(z[i] / temp);
	for (i = 0; i < 3; i++)
		p[i] = e[i] / s;
	return s;
}

/* The widget id drawn at 76 columns, as the player shows it. */
static char *screen(const char *id)
{
	return wt_draw(wt_get(&t, id), 76, wt_utf8, false);
}

/* s with every run of blanks made one blank (the table's columns widen with their
 * numbers), in place. */
static char *squeeze(char *s)
{
	char *w = s, *r = s;

	for (; *r; r++)
		if (*r != ' ' || w == s || w[-1] != ' ')
			*w++ = *r;
	*w = '\0';
	return s;
}

/* The screen of id shows s, blanks squeezed. */
static void shows(const char *id, const char *s)
{
	char *text = squeeze(screen(id));

	ck_assert_msg(strstr(text, s) != NULL, "no \"%s\" in\n%s", s, text);
	free(text);
}

/* The cell of column col (from 0, after the label) in the row of the table starting
 * with label, as written, into out. */
static void cell(const char *text, const char *label, int col, char *out, size_t size)
{
	const char *p = text;
	size_t len = strlen(label), n;

	for (; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, label, len) == 0 && p[len] == ' ')
			break;
	ck_assert_msg(p != NULL, "no row %s", label);
	for (p += len; col-- >= 0;) {
		p += strspn(p, " ");
		if (col >= 0)
			p += strcspn(p, " \n");
	}
	n = strcspn(p, " \n");
	ck_assert_uint_lt(n, size);
	memcpy(out, p, n);
	out[n] = '\0';
}

/* Types v into the slider id. */
static void set(const char *id, double v)
{
	char num[32];

	snprintf(num, sizeof num, "%g", v);
	wt_type(wt_get(&t, id), num, true);
	ck_assert_double_eq(wt_value(&t, id), v);
}

/* Sends the table the key code n times. */
static void press(KeyCode code, int n)
{
	while (n-- > 0)
		ck_assert_uint_ne(wt_key(wt_get(&t, "head"), code), WIDGET_IGNORED);
}

static const char *const NAMES[] = {"cat", "dog", "bird", "fish", "frog"};

/* At the temperature temp the lesson says "<says> N%" of the cat, and its winner line
 * shows N%, the cat's share of the softmax of z by hand. */
static void cat_takes(const double *z, double temp, const char *says)
{
	double p[3];
	char want[128];

	set("temp", temp);
	softmax3(z, temp, p);
	snprintf(want, sizeof want, "%s %.1f%%", says, 100 * p[0]);
	lt_states(want);
	snprintf(want, sizeof want, "Winner: cat (%.1f%%)", 100 * p[0]);
	shows("head", want);
}

/* The table's rows for the logits z, n classes at T = 1: z, z/T, e^z and p by hand, then
 * p in percent; the totals; returns the sum of e^z. */
static double rows(const double *z, int n, double *p)
{
	double e[5], s = 0;
	char want[128];
	int i;

	for (i = 0; i < n; i++)
		s += e[i] = exp(z[i]);
	for (i = 0; i < n; i++) {
		p[i] = e[i] / s;
		snprintf(want, sizeof want, "%s %.2f %.2f %.3f %.3f ", NAMES[i], z[i], z[i], e[i],
			 p[i]);
		shows("head", want);
		snprintf(want, sizeof want, " %.1f%%\n", 100 * p[i]);
		shows("head", want);
	}
	snprintf(want, sizeof want, "total %.3f 1.000 100.0%%", s);
	shows("head", want);
	return s;
}

static const char *const HEAD[] = {"head", "temp"};

START_TEST(softmax_unit_numbers)
{
	double z[5] = {2, 1, 0, -1, -2}, p[5], s, before;
	char want[128], *text;

	lt_load("level3/softmax.lesson");
	s = softmax3(z, 1, p);
	lt_says(exp(2), 3, "Their powers of e are ");
	lt_says(exp(1), 3, "Their powers of e are 7.389, ");
	lt_says(s, 3, "which add up to ");
	snprintf(want, sizeof want, "they become %.3f, %.3f and %.3f: the cat gets %.1f%%", p[0],
		 p[1], p[2], 100 * p[0]);
	lt_states(want);
	ck_assert_double_eq_tol(p[0] / p[1], exp(1), 1e-12);
	lt_says(exp(1), 3, "each probability is ");
	lt_open_widgets(&t, HEAD, 2);
	/* three classes of five at the start */
	ck_assert_double_eq(rows(z, 3, p), s);
	text = screen("head");
	ck_assert_ptr_null(strstr(text, "fish"));
	free(text);
	snprintf(want, sizeof want, "Winner: cat (%.1f%%)", 100 * p[0]);
	shows("head", want);
	/* 1. the dog level with the cat: a tie */
	press(K_DOWN, 1);
	press(K_RIGHT, 2);
	z[1] = 2;
	rows(z, 3, p);
	snprintf(want, sizeof want, "top place at %.1f%% each", 100 * p[0]);
	lt_states(want);
	snprintf(want, sizeof want, "No winner: 2 classes tie at %.1f%% each", 100 * p[0]);
	shows("head", want);
	/* 2. the bird at -5 with Home */
	press(K_LEFT, 2);
	press(K_DOWN, 1);
	press(K_HOME, 1);
	z[1] = 1;
	z[2] = -5;
	rows(z, 3, p);
	lt_says(p[2], 3, "Lower the bird to -5 with <Home>. Its p shrinks to ");
	ck_assert_double_gt(p[2], 0);
	/* 3. back to 0, five classes: the cat's share falls; the frog raised to 3 wins with it */
	press(K_RIGHT, 10);
	z[2] = 0;
	softmax3(z, 1, p);
	before = p[0];
	ck_assert_uint_eq(wt_char(wt_get(&t, "head"), '5'), WIDGET_HANDLED | WIDGET_REDRAW);
	rows(z, 5, p);
	lt_states("the fish (-1) and the frog (-2) join");
	snprintf(want, sizeof want, "its share falls from %.1f%% to %.1f%%", 100 * before,
		 100 * p[0]);
	lt_states(want);
	ck_assert_double_lt(p[0], before);
	snprintf(want, sizeof want, "Winner: cat (%.1f%%)", 100 * p[0]);
	shows("head", want);
	before = p[0];
	press(K_DOWN, 2);
	press(K_PGUP, 1);
	z[4] = 3;
	rows(z, 5, p);
	snprintf(want, sizeof want, "the frog wins with %.1f%%, exactly what the cat had",
		 100 * p[4]);
	lt_states(want);
	ck_assert_double_eq_tol(p[4], before, 1e-15);
	snprintf(want, sizeof want, "Winner: frog (%.1f%%)", 100 * p[4]);
	shows("head", want);
	lt_states("The logits are 3, 2, 1, 0 and -1");
	/* 4. three classes again, temperatures 0.5 and 0.2 */
	ck_assert_uint_eq(wt_char(wt_get(&t, "head"), '3'), WIDGET_HANDLED | WIDGET_REDRAW);
	softmax3(z, 1, p);
	snprintf(want, sizeof want, "Press 3 for three classes again (cat %.1f%%)", 100 * p[0]);
	lt_states(want);
	snprintf(want, sizeof want, "Winner: cat (%.1f%%)", 100 * p[0]);
	shows("head", want);
	cat_takes(z, 0.5, "0.5: the cat takes");
	cat_takes(z, 0.2, "At 0.2 it takes");
	/* 5. temperature 5 */
	set("temp", 5);
	softmax3(z, 5, p);
	snprintf(want, sizeof want, "flatten out to %.3f, %.3f and %.3f, close to a third", p[0],
		 p[1], p[2]);
	lt_states(want);
	snprintf(want, sizeof want, "total %.3f 1.000 100.0%%", softmax3(z, 5, p));
	shows("head", want);
	/* the quiz: four equal logits */
	ck_assert_double_eq_tol(exp(3) / (4 * exp(3)), 0.25, 1e-15);
	lt_states("answer: 0.25");
}
END_TEST

static const char *const GRAD[] = {"g-cat", "g-dog", "g-bird", "g-truth", "grad"};

/* The gradient table's rows for the logits z with the true class c: z, p (by hand), y and
 * p - y three times, and the totals 1, 1 and 0. */
static void grad_rows(const double *z, double *p, int c)
{
	char want[128], d[32];
	int i;

	softmax3(z, 1, p);
	for (i = 0; i < 3; i++) {
		snprintf(d, sizeof d, "%.3f", p[i] - (i == c));
		snprintf(want, sizeof want, "%s %.2f %.3f %d %s %s %s", NAMES[i], z[i], p[i], i == c,
			 strcmp(d, "-0.000") ? d : "0.000", strcmp(d, "-0.000") ? d : "0.000",
			 strcmp(d, "-0.000") ? d : "0.000");
		shows("grad", want);
	}
	shows("grad", "total 1.000 1 0.000 0.000 0.000");
}

START_TEST(pminusy_unit_numbers)
{
	double z[3] = {2, 1, 0}, p[3];
	char want[128];

	lt_load("level3/softmax.lesson");
	lt_says(-log(0.245), 2, "the loss is -ln 0.245 ≈ ");
	lt_open_widgets(&t, GRAD, 5);
	softmax3(z, 1, p);
	snprintf(want, sizeof want, "p is %.3f, %.3f and %.3f, and", p[0], p[1], p[2]);
	lt_states(want);
	snprintf(want, sizeof want, "columns read %.3f, %.3f and %.3f", p[0], p[1] - 1, p[2]);
	lt_states(want);
	snprintf(want, sizeof want, "The loss is -ln %.3f = %.3f.", p[1], -log(p[1]));
	lt_states(want);
	grad_rows(z, p, 1);
	snprintf(want, sizeof want, "Loss L = −ln p(dog) = −ln 0.245 = %.3f", -log(p[1]));
	shows("grad", want);
	lt_says(p[1] - 1, 3, "The dog's gradient is ");
	lt_says(p[0], 3, "The cat's is ");
	/* 2. the cat is the true class */
	wt_key(wt_get(&t, "g-truth"), K_LEFT);
	lt_says(p[0] - 1, 3, "Now the cat's gradient is only ");
	snprintf(want, sizeof want, "the loss drops from %.3f to %.3f", -log(p[1]), -log(p[0]));
	lt_states(want);
	grad_rows(z, p, 0);
	snprintf(want, sizeof want, "Loss L = −ln p(cat) = −ln 0.665 = %.3f", -log(p[0]));
	shows("grad", want);
	/* 3. sure and wrong: 5, -5, -5 with the dog */
	wt_key(wt_get(&t, "g-truth"), K_RIGHT);
	wt_key(wt_get(&t, "g-cat"), K_END);
	wt_key(wt_get(&t, "g-dog"), K_HOME);
	wt_key(wt_get(&t, "g-bird"), K_HOME);
	z[0] = 5;
	z[1] = z[2] = -5;
	softmax3(z, 1, p);
	ck_assert_double_eq_tol(p[0], 1, 1e-4);
	grad_rows(z, p, 1);
	snprintf(want, sizeof want, "cat 5.00 %.3f 0 %.3f", p[0], p[0]);
	ck_assert_str_eq(want, "cat 5.00 1.000 0 1.000");
	snprintf(want, sizeof want, "dog -5.00 %.3f 1 %.3f", p[1], p[1] - 1);
	ck_assert_str_eq(want, "dog -5.00 0.000 1 -1.000");
	snprintf(want, sizeof want, "the loss is %.3f.", -log(p[1]));
	lt_states(want);
	snprintf(want, sizeof want, "= %.3f", -log(p[1]));
	shows("grad", want);
	/* the quiz */
	lt_states("answer: -0.3");
}
END_TEST

/* "All three columns agree, to the last digit shown, whatever you set", "the gradient
 * always totals 0", it stays within -1..1, and while the answer is wrong the true
 * class's is -0.5 or below: every setting of the three sliders (-5 to 5 by 0.5) and
 * every true class, read from the screen. */
START_TEST(pminusy_columns_agree_everywhere)
{
	Instance *sl[3], *truth, *g;
	int a, b, c, k, i;
	char pmy[32], lib[32], fd[32];

	lt_load("level3/softmax.lesson");
	lt_states("All three columns agree, to the last digit shown, whatever you set.");
	lt_open_widgets(&t, GRAD, 5);
	for (i = 0; i < 3; i++) {
		sl[i] = wt_get(&t, GRAD[i]);
		wt_key(sl[i], K_HOME);
	}
	truth = wt_get(&t, "g-truth");
	g = wt_get(&t, "grad");
	for (a = 0; a <= 20; a++, wt_key(sl[0], K_RIGHT)) {
		wt_key(sl[1], K_HOME);
		for (b = 0; b <= 20; b++, wt_key(sl[1], K_RIGHT)) {
			wt_key(sl[2], K_HOME);
			for (c = 0; c <= 20; c++, wt_key(sl[2], K_RIGHT)) {
				wt_key(truth, K_HOME);
				for (k = 0; k < 3; k++, wt_key(truth, K_RIGHT)) {
					char *text = wt_draw(g, 76, wt_utf8, false);
					double z[3] = {-5 + 0.5 * a, -5 + 0.5 * b, -5 + 0.5 * c}, p[3];
					bool wrong;
					softmax3(z, 1, p);
					wrong = p[k] < fmax(fmax(p[0], p[1]), p[2]);
					for (i = 0; i <= 3; i++) {
						const char *row = i < 3 ? NAMES[i] : "total";
						int off = i < 3 ? 3 : 2;
						cell(text, row, off, pmy, sizeof pmy);
						cell(text, row, off + 1, lib, sizeof lib);
						cell(text, row, off + 2, fd, sizeof fd);
						ck_assert_str_eq(lib, pmy);
						ck_assert_str_eq(fd, pmy);
						if (i == 3)
							ck_assert_str_eq(pmy, "0.000");
						ck_assert(fabs(atof(pmy)) <= 1);
					}
					cell(text, NAMES[k], 3, pmy, sizeof pmy);
					ck_assert(!wrong || atof(pmy) <= -0.5);
					free(text);
				}
			}
		}
	}
	ck_assert_double_eq(wt_value(&t, "g-cat"), 5);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("l3-softmax");
	TCase *tc = tcase_create("lesson");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, softmax_unit_numbers);
	tcase_add_test(tc, pminusy_unit_numbers);
	tcase_add_test(tc, pminusy_columns_agree_everywhere);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return test_main(s);
}
