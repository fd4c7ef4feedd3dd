/* check_neuron.c: the neuron widget: its arithmetic against hand-computed values, the
 * sigmoid in steps (detail=yes), the golden drawing in UTF-8 and ASCII, choosing and
 * changing numbers with keys, numbers taken from sliders, and its numbers kept in
 * progress. */
#include <config.h>

#include <math.h>

#include "widgets/wtest.h"
#include "widgets/core/visual.h"

static WTest t;

static const char *worked = "@widget neuron id=cell inputs=1,0 weights=0.6,-0.4 bias=0.1\n"
			    "alt: x\n@end\n";

static void teardown(void)
{
	wt_close(&t);
}

START_TEST(worked_example)
{
	Instance *in;
	double z, y;

	wt_open(&t, worked);
	in = wt_get(&t, "cell");
	/* z = 1 * 0.6 + 0 * -0.4 + 0.1 = 0.7; sigmoid(0.7) = 1 / (1 + e^-0.7) = 0.66818777... */
	ck_assert(neuron_eval(in, NULL, 2, &z, &y));
	ck_assert_double_eq_tol(z, 0.7, 1e-12);
	ck_assert_double_eq_tol(y, 0.6681877721681662, 1e-12);
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 0.6681877721681662, 1e-12);
	/* Other inputs: x = [1, 1] gives z = 0.3, sigmoid(0.3) = 0.57444251681... */
	{
		double x[2] = {1, 1};
		ck_assert(neuron_eval(in, x, 2, &z, &y));
		ck_assert_double_eq_tol(y, 0.574442516811659, 1e-12);
		ck_assert(!neuron_eval(in, x, 3, &z, &y));
	}
	wt_golden_plain("neuron-worked", in, 60);
}
END_TEST

/* detail=yes: the worked example's squash in steps, e^-0.7 = 0.497 (0.49658530...),
 * 1 + e^-0.7 = 1.497 and 1 / 1.497 = 0.668; narrow, the short form; a tanh neuron has
 * no such row. */
START_TEST(squash_in_steps)
{
	Instance *in;
	char *text;

	wt_open(&t, "@widget neuron id=cell inputs=1,0 weights=0.6,-0.4 bias=0.1 detail=yes\n"
		    "alt: x\n@end\n"
		    "@widget neuron id=flat inputs=0 weights=0 bias=-20 detail=yes editable=no\n"
		    "alt: x\n@end\n"
		    "@widget neuron id=t inputs=1 weights=1 activation=tanh detail=yes\n"
		    "alt: x\n@end\n");
	in = wt_get(&t, "cell");
	ck_assert_int_eq(in->ops->height(in, 60), 6);
	text = wt_draw(in, 60, wt_utf8, false);
	ck_assert_msg(strstr(text, "e⁻ᶻ = 0.497   1 + e⁻ᶻ = 1.497   y = 1 / 1.497 = 0.668") != NULL,
		      "%s", text);
	free(text);
	text = wt_draw(in, 60, wt_ascii, false);
	ck_assert_ptr_nonnull(
	    strstr(text, "e^-z = 0.497   1 + e^-z = 1.497   y = 1 / 1.497 = 0.668"));
	free(text);
	text = wt_draw(in, 40, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "y = 1 / (1 + e⁻ᶻ) = 1 / 1.497 = 0.668"));
	free(text);
	wt_golden_plain("neuron-detail", in, 60);
	/* z = -20: e^20 is 485165195.4, too long to be worth reading; y is all but 0. */
	text = wt_draw(wt_get(&t, "flat"), 60, wt_ascii, false);
	ck_assert_msg(strstr(text, "e^-z > 1000000   y = 1 / (1 + e^-z) = 0.000") != NULL, "%s",
		      text);
	free(text);
	in = wt_get(&t, "t");
	ck_assert_int_eq(in->ops->height(in, 60), 5);
}
END_TEST

START_TEST(keys_choose_and_change)
{
	Instance *in;
	char *text;

	wt_open(&t, worked);
	in = wt_get(&t, "cell");
	/* The first number chosen is x1; Right goes to w1, then x2, w2, b. */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_char(in, '+'), WIDGET_HANDLED | WIDGET_REDRAW); /* w1 0.7 */
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 1 / (1 + exp(-0.8)), 1e-12);
	wt_char(in, '[');
	wt_char(in, '['); /* w1 0.5 */
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 1 / (1 + exp(-0.6)), 1e-12);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);                                    /* b */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED); /* nothing after b */
	/* Typing: digits, '-' flips the sign, Enter sets it. */
	wt_type(in, "1.5", false);
	text = wt_draw(in, 60, wt_utf8, true);
	ck_assert_ptr_nonnull(strstr(text, "b = 1.5_"));
	free(text);
	wt_char(in, '-');
	wt_key(in, K_ENTER); /* b = -1.5: z = 0.5 - 1.5 = -1 */
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 1 / (1 + exp(1.0)), 1e-12);
	wt_type(in, "9", false);
	wt_key(in, K_ESC); /* typing abandoned */
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 1 / (1 + exp(1.0)), 1e-12);
	wt_golden_plain("neuron-edited", in, 60);
	/* r puts the lesson's numbers back; Up and Down are the page's. */
	ck_assert_uint_eq(wt_char(in, 'r'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 0.6681877721681662, 1e-12);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_TAB), WIDGET_IGNORED);
}
END_TEST

START_TEST(numbers_from_sliders)
{
	Instance *in;

	wt_open(&t, "@widget slider id=w1 label=w1 range=-2..2 value=1 step=0.1\nalt: x\n@end\n"
		    "@widget slider id=w2 label=w2 range=-2..2 value=1 step=0.1\nalt: x\n@end\n"
		    "@widget slider id=x1 label=x1 range=0..1 value=1 step=1\nalt: x\n@end\n"
		    "@widget neuron id=cell inputs=0,1 weights_from=w1,w2 inputs_from=x1 "
		    "bias=-1.5 activation=step\nalt: x\n@end\n");
	in = wt_get(&t, "cell");
	/* step(1 * 1 + 1 * 1 - 1.5) = step(0.5) = 1 */
	ck_assert_double_eq(wt_value(&t, "cell"), 1);
	wt_key(wt_get(&t, "x1"), K_HOME); /* x1 = 0: step(-0.5) = 0 */
	ck_assert_double_eq(wt_value(&t, "cell"), 0);
	/* Linked numbers cannot be chosen: x2 first, then b. */
	wt_char(in, '+');
	wt_key(in, K_RIGHT);
	wt_char(in, '+');
	ck_assert_double_eq(wt_value(&t, "cell"), 0); /* step(0 + 1.1 - 1.4) */
	wt_golden_plain("neuron-linked", in, 60);
}
END_TEST

START_TEST(kept_in_progress)
{
	MemStore m;
	Instance *in;

	memstore_init(&m);
	wt_open(&t, worked);
	in = wt_get(&t, "cell");
	wt_key(in, K_RIGHT);
	wt_type(in, "0.25", true);
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "w"), "0.25,-0.4"); /* the digits as written */
	ck_assert_str_eq(memstore_get(&m, "b"), "0.1");
	wt_close(&t);
	wt_open(&t, worked);
	in = wt_get(&t, "cell");
	in->ops->restore(in, &m.store);
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 1 / (1 + exp(-0.35)), 1e-12);
	/* A damaged value is ignored. */
	memstore_set(&m, "x", "1,zz");
	in->ops->restore(in, &m.store);
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 1 / (1 + exp(-0.35)), 1e-12);
}
END_TEST

START_TEST(many_inputs_wrap)
{
	Instance *in;

	wt_open(&t, "@widget neuron id=big inputs=1,2,3,4,5,6,7,8 weights=0.1,-0.2,0.3,-0.4,0.5,"
		    "-0.6,0.7,-0.8 bias=0.05 activation=tanh editable=no\nalt: x\n@end\n");
	in = wt_get(&t, "big");
	ck_assert_int_eq(in->ops->height(in, 60), 2 * 3 + 2);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	wt_golden_plain("neuron-wide", in, 60);
}
END_TEST

START_TEST(identity_has_no_squash)
{
	char *text;

	wt_open(&t, "@widget neuron id=vote inputs=1,1,0 weights=2,1,-3 activation=identity\n"
		    "alt: x\n@end\n");
	ck_assert_double_eq(wt_value(&t, "vote"), 3);
	text = wt_draw(wt_get(&t, "vote"), 70, wt_utf8, false);
	ck_assert_msg(strstr(text, "z = 1×2 + 1×1 + 0×(-3) + 0 = 3.00 → y = 3.000") != NULL, "%s",
		      text);
	free(text);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("neuron");
	TCase *tc = tcase_create("neuron");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, worked_example);
	tcase_add_test(tc, squash_in_steps);
	tcase_add_test(tc, keys_choose_and_change);
	tcase_add_test(tc, numbers_from_sliders);
	tcase_add_test(tc, kept_in_progress);
	tcase_add_test(tc, many_inputs_wrap);
	tcase_add_test(tc, identity_has_no_squash);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
