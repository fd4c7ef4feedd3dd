/* check_r_architectures.c: Architectures at a glance (content/reference/
 * architectures.lesson): the live network's output worked out by hand from the
 * lesson's weights for every setting of the two switches, the five diagrams' stages,
 * and the comparison table: fifteen rows by five families, the arrows choosing a
 * cell whose whole text is written under the table, and in print every cell whole. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/lessons/lessontest.h"

static WTest t;

static void setup(void)
{
	wt_open_file(&t, "content/reference/architectures.lesson");
}

static void teardown(void)
{
	wt_close(&t);
}

static double sig(double z)
{
	return 1 / (1 + exp(-z));
}

/* The lesson's 2-3-3-1 sigmoid network, written out neuron by neuron, each hidden
 * layer on (1) or off (0: it passes on zeros). */
static double hand(double x1, double x2, double on1, double on2)
{
	double a1 = on1 * sig(1.5 * x1 - 1 * x2 - 0.5), a2 = on1 * sig(-0.5 * x1 + 2 * x2 + 0.2),
	       a3 = on1 * sig(1 * x1 + 1 * x2 - 1);
	double b1 = on2 * sig(2 * a1 - 1.5 * a2 + 0.5 * a3 + 0),
	       b2 = on2 * sig(-1 * a1 + 1 * a2 + 0.5 * a3 + 0.5),
	       b3 = on2 * sig(1 * a1 + 1 * a2 - 2 * a3 - 0.5);

	return sig(1.5 * b1 - 0.5 * b2 - 1 * b3 + 0.3);
}

static double by_hand(double x1, double x2)
{
	return hand(x1, x2, 1, 1);
}

START_TEST(network_fires_the_hand_computed_output)
{
	Instance *x1 = wt_get(&t, "rl-x1"), *x2 = wt_get(&t, "rl-x2");
	int k, seen = 0;

	/* x1 on, x2 off at first; Space flips a switch: all four settings in turn */
	for (k = 0; k < 4; k++) {
		double v1 = wt_value(&t, "rl-x1"), v2 = wt_value(&t, "rl-x2");
		ck_assert_double_eq_tol(wt_value(&t, "rl-net"), by_hand(v1, v2), 1e-12);
		seen |= 1 << (int)(2 * v1 + v2);
		wt_char(k % 2 ? x1 : x2, ' ');
	}
	ck_assert_int_eq(seen, 15);
	/* a layer off: the output is the same whatever the inputs */
	wt_char(wt_get(&t, "rl-h2"), ' ');
	ck_assert_double_eq_tol(wt_value(&t, "rl-net"), hand(1, 0, 1, 0), 1e-12);
	ck_assert_double_eq_tol(hand(1, 0, 1, 0), hand(0, 1, 1, 0), 1e-15);
	wt_char(wt_get(&t, "rl-h2"), ' ');
	wt_char(wt_get(&t, "rl-h1"), ' ');
	ck_assert_double_eq_tol(wt_value(&t, "rl-net"), hand(1, 0, 0, 1), 1e-12);
	ck_assert_double_eq_tol(hand(1, 0, 0, 1), hand(1, 1, 0, 1), 1e-15);
	ck_assert_double_eq_tol(hand(1, 0, 0, 1), 0.589, 5e-4); /* the screen test's */
	ck_assert_double_eq_tol(by_hand(1, 0), 0.668, 5e-4); /* the screen test's figures */
	ck_assert_double_eq_tol(by_hand(1, 1), 0.587, 5e-4);
}
END_TEST

START_TEST(diagrams_step_through_their_stages)
{
	static const char *const ids[] = {"rc-fnn", "rc-cnn", "rc-rnn", "rc-gan", "rc-tf"};
	static const int stages[] = {4, 5, 4, 4, 4};
	size_t i;
	int s;

	for (i = 0; i < 5; i++) {
		Instance *d = wt_get(&t, ids[i]);
		ck_assert_double_eq(wt_value(&t, ids[i]), 1);
		for (s = 2; s <= stages[i]; s++) {
			wt_key(d, K_RIGHT);
			ck_assert_double_eq(wt_value(&t, ids[i]), s);
		}
		wt_key(d, K_RIGHT); /* the last stage stays */
		ck_assert_double_eq(wt_value(&t, ids[i]), stages[i]);
	}
}
END_TEST

START_TEST(table_cells_are_chosen_with_the_arrows)
{
	Instance *tb = wt_get(&t, "rt");
	char *s;

	s = wt_text(tb, 76, wt_utf8, true, NULL, NULL);
	ck_assert_msg(strstr(s, "▸ Data flow · FNN: one way") != NULL, "%s", s);
	ck_assert(strstr(s, "rows 1-8 of 15") != NULL);
	free(s);
	ck_assert_int_eq(wt_key(tb, K_LEFT), WIDGET_IGNORED); /* the labels are not cells */
	ck_assert(wt_key(tb, K_RIGHT) & WIDGET_HANDLED);
	while (wt_key(tb, K_RIGHT) & WIDGET_HANDLED)
		;
	while (wt_key(tb, K_DOWN) & WIDGET_HANDLED)
		;
	s = wt_text(tb, 76, wt_utf8, true, NULL, NULL);
	ck_assert_msg(strstr(s, "▸ Today · Transformer: the standard for language models") != NULL,
		      "%s", s);
	ck_assert(strstr(s, "rows 8-15 of 15") != NULL); /* scrolled to keep it in view */
	free(s);
	s = wt_text(tb, 76, wt_ascii, true, NULL, NULL);
	ck_assert_msg(strstr(s, "> Today - Transformer: the standard") != NULL, "%s", s);
	ck_assert(strstr(s, "Transform~") != NULL); /* a cut heading says so */
	free(s);
}
END_TEST

/* In print every row is there, each cell whole, at 76 columns. */
START_TEST(table_prints_every_cell_whole)
{
	Instance *tb = wt_get(&t, "rt");
	char *s;

	tb->print = true;
	ck_assert_int_eq(tb->ops->height(tb, 76), 15 * 6);
	s = wt_text(tb, 76, wt_ascii, false, NULL, NULL);
	ck_assert(strstr(s, "Data flow\n  FNN: one way\n  CNN: one way in windows\n") != NULL);
	ck_assert(strstr(s, "  GAN: largely overtaken by diffusion models\n") != NULL);
	ck_assert(strstr(s, "+--") == NULL); /* no box: records */
	free(s);
	ck_assert_int_eq(tb->ops->height(tb, 400), 15 + 4); /* wide enough: the box, all rows */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("r_architectures");
	TCase *tc = tcase_create("r_architectures");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, network_fires_the_hand_computed_output);
	tcase_add_test(tc, diagrams_step_through_their_stages);
	tcase_add_test(tc, table_cells_are_chosen_with_the_arrows);
	tcase_add_test(tc, table_prints_every_cell_whole);
	suite_add_tcase(s, tc);
	return test_main(s);
}
