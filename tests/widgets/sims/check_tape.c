/* check_tape.c: the tape kind: its table step by step against derivatives worked out by
 * hand for x*y + tanh(x) at (0.5, 2) (the forward values, the adjoints as they fill,
 * the central differences agreeing), the counts it shows tallied from the rules, the
 * keys that choose an expression, a bad expression shown as such; goldens. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/wtest.h"

static WTest t;

static const char *const body =
    "@widget tape id=tp exprs=\"x*y + tanh(x)\",\"tanh(x*y + z)\",\"log(x - 1)\",\"x +\" "
    "at=0.5,2,-1\nalt: x\n@end\n";

static void teardown(void)
{
	wt_close(&t);
}

/* The drawing at 76 columns in UTF-8 has line s (the test fails when it does not). */
static void shows(Instance *in, const char *s)
{
	char *text = wt_draw(in, 76, (Caps){true, 0}, true);
	ck_assert_msg(strstr(text, s) != NULL, "no \"%s\" in\n%s", s, text);
	free(text);
}

static void lacks(Instance *in, const char *s)
{
	char *text = wt_draw(in, 76, (Caps){true, 0}, true);
	ck_assert_msg(strstr(text, s) == NULL, "\"%s\" in\n%s", s, text);
	free(text);
}

static void fmt(char *out, double v)
{
	snprintf(out, 32, "%.4f", v);
	/* visual_num: at most 4 decimals, no trailing zeros */
	while (strchr(out, '.') && (out[strlen(out) - 1] == '0' || out[strlen(out) - 1] == '.'))
		out[strlen(out) - 1] = 0;
}

START_TEST(sweeps_step_by_step)
{
	Instance *in;
	const double x = 0.5, y = 2, th = tanh(x);
	char v[32], w[32], line[128];

	wt_open(&t, body);
	in = wt_get(&t, "tp");
	shows(in, "f = x*y + tanh(x)");
	shows(in, "(1 of 4)");
	shows(in, "Press Right for the forward sweep");
	shows(in, "operations: forward sweep 0, reverse sweep 0");
	/* forward: x, y, the product, tanh, the sum */
	wt_key(in, K_RIGHT);
	shows(in, "forward: v0 = 0.5, an input");
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	shows(in, "forward: v2 = 0.5 × 2 = 1");
	wt_key(in, K_RIGHT);
	fmt(v, tanh(x));
	snprintf(line, sizeof line, "forward: v3 = tanh(0.5) = %s", v);
	shows(in, line);
	wt_char(in, ' ');
	fmt(v, th);
	fmt(w, x * y + th);
	snprintf(line, sizeof line, "forward: v4 = 1 + %s = %s, the value of f.", v, w);
	shows(in, line);
	shows(in, "operations: forward sweep 3, reverse sweep 0");
	/* backward: the sum passes 1 to both */
	wt_key(in, K_RIGHT);
	shows(in, "back at v4 (adjoint 1): adds 1 to v2's adjoint, 1 to v3's");
	shows(in, "operations: forward sweep 3, reverse sweep 2");
	wt_key(in, K_RIGHT); /* tanh: 1 - tanh^2 to x */
	fmt(v, 1 - th * th);
	snprintf(line, sizeof line, "back at v3 (adjoint 1): adds %s to v0's adjoint", v);
	shows(in, line);
	wt_key(in, K_RIGHT); /* the product: y to x, x to y */
	shows(in, "back at v2 (adjoint 1): adds 2 to v0's adjoint, 0.5 to v1's");
	wt_key(in, K_RIGHT);
	shows(in, "back at v1 = y: its adjoint 0.5 is df/dy; central differences give 0.5");
	wt_key(in, K_RIGHT);
	fmt(v, y + 1 - th * th);
	snprintf(line, sizeof line, "back at v0 = x: its adjoint %s is df/dx; central differences give %s",
		 v, v);
	shows(in, line);
	shows(in, "operations: forward sweep 3, reverse sweep 10 (3.33 times)");
	/* one tangent pass per input: product 3, tanh 3, sum 1 */
	shows(in, "forward mode: one pass per input (2 here), 7 operations each: 14 for the");
	shows(in, "✓");
	lacks(in, "✗");
	/* at the end Space is the player's; Left goes back, Home to the start */
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_IGNORED);
	wt_key(in, K_LEFT);
	lacks(in, "forward mode");
	wt_key(in, K_HOME);
	shows(in, "Press Right");
	wt_key(in, K_END);
	shows(in, "(3.33 times)");
	ck_assert_double_eq_tol(wt_value(&t, "tp"), x * y + th, 1e-15);
}
END_TEST

START_TEST(n_and_p_choose_the_expression)
{
	Instance *in;
	char *text;

	wt_open(&t, body);
	in = wt_get(&t, "tp");
	wt_char(in, 'n');
	shows(in, "f = tanh(x*y + z)");
	shows(in, "(2 of 4)");
	wt_key(in, K_END);
	/* three inputs: three tangent passes; 1 - tanh(0)^2 = 1, so df/dz = 1 */
	shows(in, "forward mode: one pass per input (3 here)");
	shows(in, "back at v0 = x: its adjoint 2 is df/dx");
	wt_char(in, 'n');
	wt_key(in, K_END);
	shows(in, "Some values are not numbers");
	wt_char(in, 'n');
	shows(in, "This expression cannot be read (column 4).");
	wt_char(in, 'n');
	shows(in, "(1 of 4)");
	wt_char(in, 'p');
	shows(in, "(4 of 4)");
	text = wt_draw(in, 40, (Caps){false, 0}, true);
	ck_assert_ptr_nonnull(text);
	free(text);
}
END_TEST

START_TEST(e_types_an_expression)
{
	Instance *in;
	char line[96], scratch[64];
	const char *pairs[16];
	int i;

	wt_open(&t, body);
	in = wt_get(&t, "tp");
	ck_assert_int_eq(instance_keys(in, true, pairs, 16, scratch, sizeof scratch), 10);
	ck_assert_str_eq(pairs[8], "e");
	ck_assert_uint_ne(wt_char(in, 'e'), WIDGET_IGNORED);
	shows(in, "Type an expression in x, y, z");
	/* while typing, the footer lists the editing keys only */
	ck_assert_int_eq(instance_keys(in, true, pairs, 16, scratch, sizeof scratch), 6);
	ck_assert_str_eq(pairs[2], "Enter");
	ck_assert_str_eq(pairs[4], "Esc");
	for (i = 0; i < 20; i++)
		wt_key(in, K_BACKSPACE);
	ck_assert_uint_eq(wt_char(in, '$'), WIDGET_IGNORED); /* not part of an expression */
	wt_type(in, "exp(x) * y", true);
	shows(in, "f = exp(x) * y");
	shows(in, "(5 of 5)");
	wt_key(in, K_END);
	snprintf(line, sizeof line, "back at v0 = x: its adjoint %.4f is df/dx", 2 * exp(0.5));
	shows(in, line);
	/* typed again: it replaces the learner's expression; a bad one says where */
	wt_char(in, 'e');
	wt_key(in, K_BACKSPACE), wt_key(in, K_BACKSPACE);
	wt_type(in, "+", true);
	shows(in, "f = exp(x) *+");
	shows(in, "This expression cannot be read (column 9).");
	shows(in, "(5 of 5)");
	/* Esc drops what is being typed */
	wt_char(in, 'e');
	wt_type(in, "zzz", false);
	wt_key(in, K_ESC);
	shows(in, "f = exp(x) *+");
	wt_char(in, 'n');
	shows(in, "(1 of 5)");
}
END_TEST

START_TEST(goldens)
{
	Instance *in;

	wt_open(&t, body);
	in = wt_get(&t, "tp");
	wt_key(in, K_RIGHT), wt_key(in, K_RIGHT), wt_key(in, K_RIGHT);
	wt_golden("tape-forward", in, 76);
	wt_key(in, K_END);
	wt_golden("tape-done", in, 76);
	wt_golden_plain("tape-done-40", in, 40);
	wt_golden_plain("tape-done-160", in, 160);
}
END_TEST

static Suite *tape_suite(void)
{
	Suite *s = suite_create("tape");
	TCase *tc = tcase_create("tape");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, sweeps_step_by_step);
	tcase_add_test(tc, n_and_p_choose_the_expression);
	tcase_add_test(tc, e_types_an_expression);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(tape_suite());
}
