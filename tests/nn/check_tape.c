/* check_tape.c: the autodiff tape: its nodes as parsed, adjoints against derivatives
 * worked out by hand and against central differences, the forward-mode tangents, the
 * operation counts tallied by hand from the rules, and bad input refused safely. */
#include <config.h>

#include <math.h>

#include "nn/rng.h"
#include "nn/tape.h"
#include "nntest.h"

static const double at[3] = {0.5, 2.0, -1.0}; /* x, y, z */

static void parse_ok(Tape *t, const char *text)
{
	TapeError e;
	ck_assert_msg(tape_parse(t, text, at, &e) == NN_OK, "%s: error %d at %zu", text,
		      (int)e.what, e.at);
	ck_assert_int_eq(e.what, TAPE_PARSE_OK);
	ck_assert_int_eq(tape_forward(t), NN_OK);
}

START_TEST(the_tape_has_one_node_per_operation)
{
	Tape t;
	char buf[64];

	parse_ok(&t, "x*y + tanh(x)");
	ck_assert_int_eq(t.n, 5);
	ck_assert_int_eq(t.node[0].op, TAPE_VAR);
	ck_assert_int_eq(t.node[1].op, TAPE_VAR);
	ck_assert_int_eq(t.node[2].op, TAPE_MUL);
	ck_assert_int_eq(t.node[3].op, TAPE_TANH);
	ck_assert_int_eq(t.node[4].op, TAPE_ADD);
	ck_assert_int_eq(t.node[3].a, 0); /* x is one node, read twice */
	ck_assert_int_eq(t.var_node[0], 0);
	ck_assert_int_eq(t.var_node[1], 1);
	ck_assert_int_eq(t.var_node[2], -1);
	tape_node_text(buf, sizeof buf, &t, 2);
	ck_assert_str_eq(buf, "v2 = v0 * v1");
	tape_node_text(buf, sizeof buf, &t, 3);
	ck_assert_str_eq(buf, "v3 = tanh(v0)");
	tape_node_text(buf, sizeof buf, &t, 0);
	ck_assert_str_eq(buf, "v0 = x");
	ck_assert_double_eq_tol(t.node[4].value, 1.0 + tanh(0.5), 1e-15);
	/* precedence, left to right, a folded minus, a unary minus on a name */
	parse_ok(&t, "2 - 3 * x / 4 - -1.5e1 + -y");
	ck_assert_double_eq_tol(t.node[t.n - 1].value, 2 - 3 * 0.5 / 4 + 15 - 2, 1e-14);
	tape_node_text(buf, sizeof buf, &t, 0);
	ck_assert_str_eq(buf, "v0 = 2");
	parse_ok(&t, "0.25");
	ck_assert_int_eq(t.n, 1);
	ck_assert_double_eq(t.node[0].value, 0.25);
	tape_node_text(buf, sizeof buf, &t, 0);
	ck_assert_str_eq(buf, "v0 = 0.25");
}
END_TEST

/* Expressions and their derivatives by hand at (x, y, z) = (0.5, 2, -1). */
typedef struct {
	const char *text;
	double dx, dy, dz;
} Case;

START_TEST(adjoints_are_the_derivatives_by_hand)
{
	const double x = at[0], y = at[1], z = at[2];
	const double th = tanh(x), u = tanh(x * y + z), s = 1 / (1 + exp(-x * y));
	const Case cases[] = {
	    {"x*y + tanh(x)", y + 1 - th * th, x, 0},
	    {"tanh(x*y + z)", (1 - u * u) * y, (1 - u * u) * x, 1 - u * u},
	    {"exp(x*y) / (1 + x)", y * exp(x * y) / (1 + x) - exp(x * y) / ((1 + x) * (1 + x)),
	     x * exp(x * y) / (1 + x), 0},
	    {"log(1 + exp(x*y))", s * y, s * x, 0},
	    {"sin(x) * x / y", (cos(x) * x + sin(x)) / y, -sin(x) * x / (y * y), 0},
	    {"x*x*x - z", 3 * x * x, 0, -1},
	    {"-(x - y) * z", -z, z, -(x - y)},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		const Case *c = &cases[i];
		double g[3], want[3] = {c->dx, c->dy, c->dz};
		Tape t;
		int v;

		parse_ok(&t, c->text);
		tape_reverse(&t, g);
		for (v = 0; v < 3; v++) {
			ck_assert_msg(fabs(g[v] - want[v]) <= 1e-13 * (1 + fabs(want[v])),
				      "%s d/d%c: %.17g, by hand %.17g", c->text, 'x' + v, g[v],
				      want[v]);
			/* a central difference agrees to its own error, O(h^2) */
			if (t.var_node[v] >= 0)
				ck_assert_msg(fabs(tape_central_diff(&t, v, 1e-5) - g[v]) < 1e-8,
					      "%s d/d%c", c->text, 'x' + v);
			/* forward mode, seeded with variable v, gives the same number */
			ck_assert_double_eq_tol(tape_tangent(&t, v), g[v], 1e-14);
		}
	}
}
END_TEST

START_TEST(the_reverse_sweep_goes_node_by_node)
{
	Tape t;

	parse_ok(&t, "x*y + tanh(x)");
	tape_reverse_until(&t, t.n); /* only the seed */
	ck_assert_double_eq(t.node[4].adjoint, 1.0);
	ck_assert_double_eq(t.node[0].adjoint, 0.0);
	tape_reverse_until(&t, 4); /* the sum passes 1 to both its inputs */
	ck_assert_double_eq(t.node[2].adjoint, 1.0);
	ck_assert_double_eq(t.node[3].adjoint, 1.0);
	ck_assert_double_eq(t.node[0].adjoint, 0.0);
	tape_reverse_until(&t, 3); /* tanh passes 1 - tanh^2 to x */
	ck_assert_double_eq_tol(t.node[0].adjoint, 1 - tanh(0.5) * tanh(0.5), 1e-15);
	ck_assert_double_eq(t.node[1].adjoint, 0.0);
	tape_reverse_until(&t, 2); /* the product adds y to x's, x to y's */
	ck_assert_double_eq_tol(t.node[0].adjoint, 2 + 1 - tanh(0.5) * tanh(0.5), 1e-15);
	ck_assert_double_eq(t.node[1].adjoint, 0.5);
}
END_TEST

START_TEST(operations_are_counted_by_the_rules)
{
	Tape t;

	/* x*y + tanh(x): forward one op per node (3); reverse: the product 4 (two
	 * multiplications, two additions), tanh 4 (1 - v*v, times w, added), the sum 2;
	 * one tangent: product 3, tanh 3, sum 1 */
	parse_ok(&t, "x*y + tanh(x)");
	tape_reverse(&t, NULL);
	tape_tangent(&t, 0);
	ck_assert_int_eq(tape_forward_ops(&t), 3);
	ck_assert_int_eq(tape_reverse_ops(&t), 10);
	ck_assert_int_eq(tape_tangent_ops(&t), 7);
	/* exp(x*y) / (1 + x): forward 4; reverse: div 5, exp 2, mul 4, add 2 */
	parse_ok(&t, "exp(x*y) / (1 + x)");
	tape_reverse(&t, NULL);
	ck_assert_int_eq(tape_forward_ops(&t), 4);
	ck_assert_int_eq(tape_reverse_ops(&t), 13);
	/* sin: its reverse rule calls cos: 3 */
	parse_ok(&t, "sin(x)");
	tape_reverse(&t, NULL);
	ck_assert_int_eq(tape_forward_ops(&t), 1);
	ck_assert_int_eq(tape_reverse_ops(&t), 3);
}
END_TEST

/* The cheap gradient: whatever the expression, the reverse sweep costs at most 5
 * operations per forward operation (the division's rule, the dearest), and it gives
 * every partial derivative at once. */
START_TEST(a_reverse_sweep_costs_at_most_five_forward_sweeps)
{
	static const char *const exprs[] = {
	    "x / y / z / x", "x*y*z*x*y*z", "tanh(tanh(tanh(x)))", "sin(x)+sin(y)+sin(z)",
	    "log(exp(x) + exp(y) + exp(z))", "x - y - z",
	};
	size_t i;

	for (i = 0; i < sizeof exprs / sizeof *exprs; i++) {
		Tape t;
		parse_ok(&t, exprs[i]);
		tape_reverse(&t, NULL);
		ck_assert(tape_reverse_ops(&t) <= 5 * tape_forward_ops(&t));
		ck_assert(tape_reverse_ops(&t) >= tape_forward_ops(&t));
	}
	{
		Tape t;
		parse_ok(&t, "x / y / z / x");
		tape_reverse(&t, NULL);
		ck_assert_int_eq(tape_reverse_ops(&t), 5 * tape_forward_ops(&t));
	}
}
END_TEST

START_TEST(bad_input_is_refused_with_where)
{
	static const struct {
		const char *text;
		TapeParseError what;
		size_t at;
	} bad[] = {
	    {"", TAPE_PARSE_EMPTY, 0},
	    {"   ", TAPE_PARSE_EMPTY, 3},
	    {"x +", TAPE_PARSE_EXPECTED, 3},
	    {"x + foo(y)", TAPE_PARSE_NAME, 4},
	    {"tanh x", TAPE_PARSE_EXPECTED, 5},
	    {"(x + y", TAPE_PARSE_EXPECTED, 6},
	    {"x + y)", TAPE_PARSE_EXPECTED, 5},
	    {"2 3", TAPE_PARSE_EXPECTED, 2},
	    {"x $ y", TAPE_PARSE_CHAR, 2},
	    {"x ** y", TAPE_PARSE_EXPECTED, 3},
	    {"1e999", TAPE_PARSE_NUMBER, 4},
	    {"1234567890123456", TAPE_PARSE_NUMBER, 15},
	    {"1.5e", TAPE_PARSE_NUMBER, 4},
	    {".", TAPE_PARSE_NUMBER, 1},
	    {"w", TAPE_PARSE_NAME, 0},
	};
	char deep[80], wide[200];
	size_t i;
	Tape t;
	TapeError e;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_int_eq(tape_parse(&t, bad[i].text, at, &e), NN_ERR_PARSE);
		ck_assert_msg(e.what == bad[i].what && e.at == bad[i].at, "%s: %d at %zu",
			      bad[i].text, (int)e.what, e.at);
		ck_assert_int_eq(t.n, 0);
	}
	ck_assert_int_eq(tape_parse(&t, NULL, at, NULL), NN_ERR_PARSE);
	/* 30 parentheses deep: too deep; 50 terms: too many nodes; too long */
	memset(deep, 0, sizeof deep);
	for (i = 0; i < 30; i++)
		deep[i] = '(', deep[31 + i] = ')';
	deep[30] = 'x';
	ck_assert_int_eq(tape_parse(&t, deep, at, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, TAPE_PARSE_TOO_BIG);
	memset(wide, 0, sizeof wide);
	for (i = 0; i < 50; i++)
		memcpy(wide + 2 * i, "1+", 2);
	wide[99] = 0;
	ck_assert_int_eq(tape_parse(&t, wide, at, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, TAPE_PARSE_TOO_BIG);
	memset(wide, ' ', sizeof wide - 1);
	wide[0] = 'x';
	ck_assert_int_eq(tape_parse(&t, wide, at, &e), NN_ERR_PARSE);
	ck_assert_int_eq(e.what, TAPE_PARSE_TOO_BIG);
	/* outside a function's domain: parsed, but the value is not finite */
	ck_assert_int_eq(tape_parse(&t, "log(x - 1)", at, &e), NN_OK);
	ck_assert_int_eq(tape_forward(&t), NN_ERR_DIVERGED);
	ck_assert_int_eq(tape_parse(&t, "1 / (x - 0.5)", at, &e), NN_OK);
	ck_assert_int_eq(tape_forward(&t), NN_ERR_DIVERGED);
}
END_TEST

/* Random strings over the expression alphabet: every one either parses into a tape
 * whose sweeps run, or is refused with an empty tape; none crashes (ASan checks). */
START_TEST(random_text_never_breaks_it)
{
	static const char alphabet[] = "xyz0123456789.e()+-*/ tanhexplogsin$";
	char text[64];
	Rng r;
	int k, ok = 0;

	rng_seed(&r, 7);
	for (k = 0; k < 20000; k++) {
		size_t len = (size_t)rng_below(&r, 24), i;
		Tape t;
		TapeError e;
		for (i = 0; i < len; i++)
			text[i] = alphabet[rng_below(&r, sizeof alphabet - 1)];
		text[len] = 0;
		if (tape_parse(&t, text, at, &e) == NN_OK) {
			double g[3];
			ok++;
			ck_assert(t.n >= 1 && t.n <= TAPE_MAX_NODES);
			tape_forward(&t);
			tape_reverse(&t, g);
			tape_tangent(&t, 0);
		} else {
			ck_assert_int_eq(t.n, 0);
			ck_assert(e.what != TAPE_PARSE_OK && e.at <= len);
		}
	}
	ck_assert_int_gt(ok, 100); /* the alphabet makes some real expressions */
}
END_TEST

static Suite *tape_suite(void)
{
	Suite *s = suite_create("tape");
	TCase *tc = tcase_create("tape");

	tcase_add_test(tc, the_tape_has_one_node_per_operation);
	tcase_add_test(tc, adjoints_are_the_derivatives_by_hand);
	tcase_add_test(tc, the_reverse_sweep_goes_node_by_node);
	tcase_add_test(tc, operations_are_counted_by_the_rules);
	tcase_add_test(tc, a_reverse_sweep_costs_at_most_five_forward_sweeps);
	tcase_add_test(tc, bad_input_is_refused_with_where);
	tcase_add_test(tc, random_text_never_breaks_it);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(tape_suite());
}
