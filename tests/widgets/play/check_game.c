/* check_game.c: the game widget: targets drawn from a seed, rounds won and missed by
 * the watched widget's real value, the win (WIDGET_DONE) and the best game kept in
 * progress; the gate mode's truth table judged with the neuron's own output, XOR tried
 * like any gate and explained after a check, a gate chosen by a choice widget; goldens in UTF-8 and ASCII. */
#include <config.h>

#include <math.h>

#include "nn/rng.h"
#include "widgets/wtest.h"
#include "widgets/core/visual.h"

static WTest t;

static const char *light =
    "@widget slider id=out label=out range=0..1 value=0.5 step=0.01\nalt: x\n@end\n"
    "@widget game id=g goal=\"Bring the output within 0.1 of the target\" watch=out "
    "rounds=3 seed=7\nalt: x\n@end\n";

static void teardown(void)
{
	wt_close(&t);
}

/* The documented rule: uniform in 0.1..0.9 from the seed, rounded to 0.01, the first
 * more than a margin (0.1) from the value the game starts from, each later one more
 * than two margins (0.2) from the one before. */
static void targets(uint64_t seed, double start, double *out, int n)
{
	Rng r;
	int k, tries;

	rng_seed(&r, seed);
	for (k = 0; k < n; k++)
		for (tries = 0; tries < 64; tries++) {
			out[k] = round(rng_range(&r, 0.1, 0.9) * 100) / 100;
			if (k == 0 ? fabs(out[k] - start) > 0.1 + 1e-9
				   : fabs(out[k] - out[k - 1]) > 0.2)
				break;
		}
}

/* Sets the slider id to v by typing it. */
static void set_slider(const char *id, double v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%.2f", v);
	wt_type(wt_get(&t, id), buf, true);
	ck_assert_double_eq_tol(wt_value(&t, id), v, 1e-9);
}

START_TEST(rounds_from_a_seed)
{
	Instance *g;
	double tg[3];
	MemStore m;
	char *text, want[64];

	targets(7, 0.5, tg, 3);
	wt_open(&t, light);
	g = wt_get(&t, "g");
	snprintf(want, sizeof want, "target %.2f ± 0.1", tg[0]);
	text = wt_draw(g, 60, wt_utf8, false);
	ck_assert_msg(strstr(text, want) != NULL, "%s not in\n%s", want, text);
	free(text);
	wt_golden_plain("game-target-start", g, 60);
	/* A miss: 0.15 beyond the margin. */
	set_slider("out", tg[0] > 0.5 ? tg[0] - 0.25 : tg[0] + 0.25);
	ck_assert_uint_eq(wt_key(g, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "g"), 0);
	wt_golden_plain("game-target-miss", g, 60);
	/* Hits: just inside the margin, then on the spot. */
	set_slider("out", tg[0] + 0.09);
	ck_assert_uint_eq(wt_char(g, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	snprintf(want, sizeof want, "target %.2f ± 0.1", tg[1]);
	text = wt_draw(g, 60, wt_utf8, false);
	ck_assert_msg(strstr(text, want) != NULL, "%s not in\n%s", want, text);
	ck_assert_ptr_nonnull(strstr(text, "Hit! A new target for the next round."));
	free(text);
	/* The hit's message stays until the controls move: then it says what they do. */
	set_slider("out", tg[1]);
	text = wt_draw(g, 60, wt_utf8, false);
	ck_assert_ptr_null(strstr(text, "Hit!"));
	ck_assert_ptr_nonnull(strstr(text, "That does it: check to lock it in."));
	free(text);
	wt_key(g, K_ENTER);
	set_slider("out", tg[2]);
	ck_assert_uint_eq(wt_key(g, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE);
	ck_assert_double_eq(wt_value(&t, "g"), 3);
	ck_assert_uint_eq(wt_key(g, K_ENTER), WIDGET_HANDLED); /* won: nothing more */
	wt_golden_plain("game-target-won", g, 60);
	memstore_init(&m);
	g->ops->save(g, &m.store);
	ck_assert_str_eq(memstore_get(&m, "won"), "1");
	ck_assert_str_eq(memstore_get(&m, "best"), "4");
	/* The same seed gives the same game after a restart; the win comes back. */
	wt_close(&t);
	wt_open(&t, light);
	g = wt_get(&t, "g");
	ck_assert(!g->done);
	g->ops->restore(g, &m.store);
	ck_assert(g->done);
	ck_assert_double_eq(wt_value(&t, "g"), 3);
	/* r plays again; the best game stays. */
	ck_assert_uint_eq(wt_char(g, 'r'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "g"), 0);
	set_slider("out", tg[0]);
	wt_key(g, K_ENTER);
	g->ops->save(g, &m.store);
	ck_assert_str_eq(memstore_get(&m, "best"), "4");
	ck_assert_str_eq(memstore_get(&m, "round"), "1");
	ck_assert_uint_eq(wt_key(g, K_UP), WIDGET_IGNORED);
}
END_TEST

/* Seed 7's first draw, 0.41, is within the margin of the slider's 0.5: a round won
 * without a move. It is skipped, and r with the value on the first target draws the
 * rounds again from there; the rounds drawn are kept in progress with the value. */
START_TEST(no_round_won_without_a_move)
{
	Instance *g;
	double tg[3], again[3];
	MemStore m;
	char *text, want[64];

	targets(7, 0.5, tg, 3);
	ck_assert(fabs(tg[0] - 0.5) > 0.1);
	ck_assert(tg[0] != 0.41);
	wt_open(&t, light);
	g = wt_get(&t, "g");
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 0);
	/* Play round 1, then start again with the slider on the first target. */
	set_slider("out", tg[0]);
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	set_slider("out", tg[0]);
	wt_char(g, 'r');
	targets(7, tg[0], again, 3);
	ck_assert(fabs(again[0] - tg[0]) > 0.1);
	snprintf(want, sizeof want, "target %.2f ± 0.1", again[0]);
	text = wt_draw(g, 60, wt_utf8, false);
	ck_assert_msg(strstr(text, want) != NULL, "%s not in\n%s", want, text);
	free(text);
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 0);
	/* A restart shows the rounds drawn after r, whatever the slider starts at. */
	memstore_init(&m);
	g->ops->save(g, &m.store);
	wt_close(&t);
	wt_open(&t, light);
	g = wt_get(&t, "g");
	g->ops->restore(g, &m.store);
	text = wt_draw(g, 60, wt_utf8, false);
	ck_assert_msg(strstr(text, want) != NULL, "%s not in\n%s", want, text);
	free(text);
}
END_TEST

START_TEST(judges_the_neuron)
{
	Instance *g;
	char *text;

	/* L1.light: y = sigmoid(w1 x1 + w2 x2) against a first target of 0.8. */
	wt_open(&t, "@widget slider id=w1 label=w1 range=-3..3 value=0 step=0.1\nalt: x\n@end\n"
		    "@widget slider id=w2 label=w2 range=-3..3 value=0 step=0.1\nalt: x\n@end\n"
		    "@widget slider id=x1 label=x1 range=0..1 value=1 step=1\nalt: x\n@end\n"
		    "@widget neuron id=cell inputs=0,1 inputs_from=x1 weights_from=w1,w2 "
		    "editable=no\nalt: x\n@end\n"
		    "@widget game id=g goal=\"Light the bulb\" watch=cell target=0.8 rounds=2\n"
		    "alt: x\n@end\n");
	g = wt_get(&t, "g");
	wt_key(g, K_ENTER); /* sigmoid(0) = 0.5: off by 0.3 */
	ck_assert_double_eq(wt_value(&t, "g"), 0);
	/* sigmoid(2.2) = 0.900249: a miss, never written as on the margin ("0.10"). */
	set_slider("w2", 2.2);
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 0);
	text = wt_draw(g, 60, wt_utf8, false);
	ck_assert_msg(strstr(text, "Not yet: 0.1002 too high.") != NULL, "%s", text);
	free(text);
	set_slider("w2", 1.4); /* sigmoid(1.4) = 0.802 */
	ck_assert_double_eq_tol(wt_value(&t, "cell"), 1 / (1 + exp(-1.4)), 1e-12);
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	wt_golden_plain("game-neuron-round2", g, 60);
}
END_TEST

static const char *tune =
    "@widget slider id=w1 label=w1 range=-3..3 value=0 step=0.5\nalt: x\n@end\n"
    "@widget slider id=w2 label=w2 range=-3..3 value=0 step=0.5\nalt: x\n@end\n"
    "@widget slider id=b label=b range=-3..3 value=0 step=0.5\nalt: x\n@end\n"
    "@widget neuron id=cell inputs=0,0 weights_from=w1,w2 bias_from=b editable=no\n"
    "alt: x\n@end\n"
    "@widget game id=g goal=\"Make the neuron compute the gate\" mode=gate watch=cell "
    "gate=AND,OR rounds=2 margin=0.05\nalt: x\n@end\n";

START_TEST(gate_rounds)
{
	Instance *g;

	wt_open(&t, tune);
	g = wt_get(&t, "g");
	/* All weights 0: every output is exactly 0.5, right for no row. */
	wt_key(g, K_ENTER);
	wt_golden_plain("game-gate-zero", g, 60);
	/* AND: 1, 1, -1.5 gives sigmoid(-1.5, -0.5, -0.5, 0.5) */
	set_slider("w1", 1);
	set_slider("w2", 1);
	set_slider("b", -1.5);
	wt_golden_plain("game-gate-and", g, 60);
	{ /* Right rows: bold text and a ✓ in STYLE_GOOD, the same glyphs in monochrome. */
		Grid gr;
		Rect r = {0, 0, 60, 12};
		int cx, cy;
		ck_assert_int_eq(grid_init(&gr, 60, 12), 0);
		g->ops->draw(g, &gr, r, wt_mono, false, &cx, &cy);
		ck_assert_uint_eq(grid_at(&gr, 25, 5)->ch, 0x2713);
		ck_assert_int_eq(grid_at(&gr, 25, 5)->style, STYLE_GOOD);
		ck_assert_int_eq(grid_at(&gr, 2, 5)->style, STYLE_BOLD);
		grid_free(&gr);
	}
	ck_assert_uint_eq(wt_key(g, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	/* Round 2 is OR: the AND weights get 2 of 4; b = -0.5 gets all four. */
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	set_slider("b", -0.5);
	ck_assert_uint_eq(wt_key(g, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE);
	wt_golden_plain("game-gate-won", g, 60);
}
END_TEST

START_TEST(gate_chosen_and_xor)
{
	Instance *g;
	char *text;

	wt_open(&t, "@widget choice id=gate label=Gate options=AND,OR,NAND,NOR,XOR value=NAND\n"
		    "alt: x\n@end\n"
		    "@widget slider id=w1 label=w1 range=-3..3 value=-1 step=0.5\nalt: x\n@end\n"
		    "@widget slider id=w2 label=w2 range=-3..3 value=-1 step=0.5\nalt: x\n@end\n"
		    "@widget slider id=b label=b range=-3..3 value=1.5 step=0.5\nalt: x\n@end\n"
		    "@widget neuron id=cell inputs=0,0 weights_from=w1,w2 bias_from=b\n"
		    "alt: x\n@end\n"
		    "@widget game id=g goal=\"Pick a gate and make the neuron compute it\" "
		    "mode=gate watch=cell gate_from=gate rounds=2\nalt: x\n@end\n");
	g = wt_get(&t, "g");
	/* NAND with -1, -1, 1.5: solved. */
	ck_assert_uint_eq(wt_key(g, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	/* The same gate again does not count. */
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	text = wt_draw(g, 60, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "Solved already"));
	free(text);
	/* XOR: offered like any gate (nothing says impossible before a try), never 4 of 4;
	 * a check gives its rows right and says why. NAND's numbers get 3 of XOR's rows. */
	wt_key(wt_get(&t, "gate"), K_END);
	text = wt_draw(g, 80, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "Gate XOR   3 of 4 rows right"));
	ck_assert_ptr_null(strstr(text, "impossible"));
	ck_assert_ptr_null(strstr(text, "no single neuron"));
	free(text);
	wt_key(g, K_ENTER);
	ck_assert_double_eq(wt_value(&t, "g"), 1);
	text = wt_draw(g, 80, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "3 of 4 rows right: no single neuron gets all four of XOR"));
	free(text);
	wt_golden_plain("game-gate-xor", g, 60);
}
END_TEST

START_TEST(nothing_to_judge)
{
	Instance *g;
	char *text;

	wt_open(&t, "@widget slider id=s label=s range=0..1\nalt: x\n@end\n"
		    "@widget game id=g goal=Gate mode=gate watch=s\nalt: x\n@end\n");
	g = wt_get(&t, "g");
	wt_key(g, K_ENTER);
	text = wt_draw(g, 60, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "'s' gives no value to judge."));
	free(text);
	ck_assert_double_eq(wt_value(&t, "g"), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("game");
	TCase *tc = tcase_create("game");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, rounds_from_a_seed);
	tcase_add_test(tc, no_round_won_without_a_move);
	tcase_add_test(tc, judges_the_neuron);
	tcase_add_test(tc, gate_rounds);
	tcase_add_test(tc, gate_chosen_and_xor);
	tcase_add_test(tc, nothing_to_judge);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
