/* check_relay.c: the relay game on the lesson's own widget (content/level2/relay.lesson):
 * the values it draws after a shot equal a forward pass computed here by hand with libm;
 * the layers light in turn; each claim the lesson makes about a round holds over the
 * whole input range (round 4 cannot be won with three hidden neurons or fewer, round 2
 * with x1 at 0 or above, x2 never matters there); the game is won with keys, and the win
 * and the best game come back from progress; goldens at 40, 76 and 160 columns. */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdarg.h>

#include "draw/netdiag.h"
#include "lesson/course.h"
#include "widgets/wtest.h"

static WTest t;

/* The lesson's rounds, copied by hand: per hidden neuron its weights from x1 and x2,
 * its bias and its weight to the output; then each round's output bias. */
static const double R[4][6][4] = {
    {{1, 1, 0, 2}, {0.5, 0.5, 0, 1}, {1, 0, -1, 1}, {0, 1, -1, 1}, {1, 1, 1, 0.5},
     {0.5, 1, 0, 0.5}},
    {{-1, 0, -2, 2}, {-1, 0, -2, 1}, {-0.5, 0, -1, 1}, {-2, 0, -3, 1}, {-1, 0, -2, 0.5},
     {-0.5, 0, -2, 0.5}},
    {{0.5, 0, -1, 3}, {0, 0.5, -1, 1}, {0.5, 0.5, -2, 1}, {-0.5, -0.5, 0, -2}, {1, -1, 0, -1},
     {-1, 1, 0, -1}},
    {{1, 1, 0, 1}, {1, 0.5, 0, 1}, {0.5, 1, 0, 1}, {1, 1, 1, 1}, {2, 0, 0, 1}, {0, 2, 0, 1}}};
static const double C[4] = {-1, -1, -2, -3};

static double sig(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

/* Round r (0-based) with H hidden neurons by hand: the hidden values into h, y returned. */
static double hand(int r, int H, double x1, double x2, double *h)
{
	double z = C[r], hh[6];
	int j;

	if (!h)
		h = hh;
	for (j = 0; j < H; j++) {
		h[j] = sig(R[r][j][0] * x1 + R[r][j][1] * x2 + R[r][j][2]);
		z += R[r][j][3] * h[j];
	}
	return sig(z);
}

/* Opens a scene of the lesson's relay directive, taken from the file as written. */
static Instance *open_lesson(void)
{
	char *text, *body;
	const char *s, *e;
	size_t n;

	ck_assert_int_eq(course_read_file(test_srcpath("content/level2/relay.lesson"), &text, &n),
			 0);
	s = strstr(text, "@widget relay ");
	ck_assert_ptr_nonnull(s);
	e = strstr(s, "\n@end\n");
	ck_assert_ptr_nonnull(e);
	body = strndup(s, (size_t)(e + 6 - s));
	wt_open(&t, body);
	free(body);
	free(text);
	return wt_get(&t, "relay");
}

static void teardown(void)
{
	wt_close(&t);
}

/* The output the widget reports for what is set now. */
static double output(const Instance *in)
{
	Data d;

	memset(&d, 0, sizeof d);
	ck_assert(scene_output(in, "output", DATA_SCALAR, &d));
	return d.scalar;
}

/* Sets H hidden neurons and the inputs by keys (inputs move in steps of 0.5 from -4). */
static void set(Instance *in, int H, double x1, double x2)
{
	int i, k;

	for (i = 0; i < 6; i++)
		wt_char(in, '-');
	for (i = 1; i < H; i++)
		ck_assert_uint_eq(wt_char(in, '+'), WIDGET_HANDLED | WIDGET_REDRAW);
	for (k = 0; k < 2; k++) {
		wt_key(in, k ? K_RIGHT : K_LEFT);
		for (i = 0; i < 20; i++)
			wt_key(in, K_DOWN);
		for (i = 0; i < (int)lround(((k ? x2 : x1) + 4) / 0.5); i++)
			wt_key(in, K_UP);
	}
}

/* Fires and runs the wave to its end. */
static void fire(Instance *in)
{
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(in->animating);
	while (in->animating)
		in->ops->tick(in, 0.1);
}

/* Goes to round r (0-based) as progress would bring it back. */
static void to_round(Instance *in, int r)
{
	MemStore m;
	char v[8];

	memstore_init(&m);
	snprintf(v, sizeof v, "%d", r);
	memstore_set(&m, "round", v);
	in->ops->restore(in, &m.store);
}

static bool has(const char *text, const char *s)
{
	return strstr(text, s) != NULL;
}

/* The values drawn after a shot are the hand computation's, layer by layer as the wave
 * reaches them; the output's star and GOLD come only above 0.5. */
START_TEST(numbers_on_screen_are_the_forward_pass)
{
	Instance *in = open_lesson();
	double h[6], y;
	char *text, want[64], num[16];
	int j;

	to_round(in, 2);
	set(in, 3, 2, 1.5);
	y = hand(2, 3, 2, 1.5, h);
	ck_assert_double_eq_tol(output(in), y, 1e-12);
	ck_assert(y > 0.5);
	/* Before the shot only the inputs carry values. */
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "x1 o 2.00") && has(text, "x2 o 1.50"), "%s", text);
	netdiag_value(num, sizeof num, h[0]);
	snprintf(want, sizeof want, "h1 o %s", num);
	ck_assert_msg(!has(text, want), "%s", text);
	free(text);
	/* Half a layer on: still only the inputs; past the hidden layer: its values. */
	wt_key(in, K_ENTER);
	in->ops->tick(in, 0.25);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(!has(text, want) && has(text, "Firing: the inputs reach the hidden"), "%s",
		      text);
	free(text);
	in->ops->tick(in, 0.3);
	text = wt_draw(in, 76, wt_ascii, false);
	for (j = 0; j < 3; j++) {
		netdiag_value(num, sizeof num, h[j]);
		snprintf(want, sizeof want, "h%d o %s", j + 1, num);
		ck_assert_msg(has(text, want), "%s not in\n%s", want, text);
	}
	netdiag_value(num, sizeof num, y);
	snprintf(want, sizeof want, "y * %s", num);
	ck_assert_msg(!has(text, want) && has(text, "the hidden layer reaches the output"), "%s",
		      text);
	free(text);
	while (in->animating)
		in->ops->tick(in, 0.1);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, want), "%s not in\n%s", want, text);
	snprintf(want, sizeof want, "* GOLD! y = %.3f is above 0.5.", y);
	ck_assert_msg(has(text, want), "%s not in\n%s", want, text);
	free(text);
	wt_golden("relay-gold-76", in, 76);
	wt_golden("relay-gold-40", in, 40);
	wt_golden("relay-gold-160", in, 160);
	ck_assert_double_eq(wt_value(&t, "relay"), 1);
	/* A miss: h4 to h6 (v = -2, -1, -1) pull the output below 0.5; no star, no gold. */
	set(in, 6, 2, 1.5);
	y = hand(2, 6, 2, 1.5, NULL);
	ck_assert(y < 0.5);
	fire(in);
	text = wt_draw(in, 76, wt_ascii, false);
	snprintf(want, sizeof want, "y = %.3f is not above 0.5", y);
	ck_assert_msg(has(text, want) && !has(text, "GOLD") && !has(text, "y *"), "%s", text);
	free(text);
}
END_TEST

/* The lesson's claims about each round, over every input the widget can take (a grid of
 * 0.5 from -4 to 4) and by hand over a grid of 0.01. */
START_TEST(claims_hold_over_the_range)
{
	Instance *in = open_lesson();
	int r, H, i, k, wins4 = 0;

	/* No round is won without a move: each starts at one neuron and inputs 0. */
	for (r = 0; r < 4; r++)
		ck_assert(!(hand(r, 1, 0, 0, NULL) > 0.5));
	ck_assert_double_eq(hand(0, 1, 0, 0, NULL), 0.5); /* round 1: exactly 0.500 */
	fire(in);
	ck_assert(!(output(in) > 0.5));
	ck_assert_double_eq(wt_value(&t, "relay"), 0);
	/* Round 1: one step up on either input wins with h1 alone. */
	ck_assert(hand(0, 1, 0.5, 0, NULL) > 0.5 && hand(0, 1, 0, 0.5, NULL) > 0.5);
	/* By hand, finely: round 4 is lost with H <= 3 for every input (the total stays
	 * below H - 3 <= 0); round 2 with x1 >= 0 for every H and x2, and x2 changes
	 * nothing; round 3 with h1 alone needs x1 >= 3.5 on the widget's grid (3.386 by
	 * hand), and each of h4..h6 only lowers y. */
	for (i = -400; i <= 400; i += 2)
		for (k = -400; k <= 400; k += 2) {
			double a = i / 100.0, b = k / 100.0;
			for (H = 1; H <= 3; H++)
				ck_assert(hand(3, H, a, b, NULL) < 0.5);
			for (H = 1; H <= 6; H++) {
				ck_assert(a < 0 || hand(1, H, a, b, NULL) < 0.5);
				ck_assert(hand(1, H, a, b, NULL) == hand(1, H, a, 0, NULL));
			}
			for (H = 4; H <= 6; H++)
				ck_assert(hand(2, H, a, b, NULL) < hand(2, H - 1, a, b, NULL));
			ck_assert((hand(2, 1, a, b, NULL) > 0.5) == (a > 2 * (1 + log(2))));
			ck_assert((hand(1, 1, a, b, NULL) > 0.5) == (a < -2));
		}
	/* The widget agrees with the hand at every setting it can reach: round 4 first. */
	to_round(in, 3);
	for (H = 1; H <= 4; H++)
		for (i = -8; i <= 8; i++)
			for (k = -8; k <= 8; k++) {
				set(in, H, i / 2.0, k / 2.0);
				ck_assert_double_eq_tol(output(in), hand(3, H, i / 2.0, k / 2.0, NULL),
							1e-12);
				ck_assert(H == 4 || output(in) < 0.5);
				wins4 += output(in) > 0.5;
			}
	ck_assert_int_gt(wins4, 0); /* four neurons can */
	/* Three neurons at the inputs that help most, fired: no gold, the round not won. */
	set(in, 3, 4, 4);
	fire(in);
	ck_assert_double_eq(wt_value(&t, "relay"), 0);
	ck_assert_double_eq_tol(output(in), 0.49868, 1e-5); /* the lesson's 0.499 */
	/* Round 2 on the widget's grid. */
	to_round(in, 1);
	for (H = 1; H <= 6; H++)
		for (i = -8; i <= 8; i++)
			for (k = -8; k <= 8; k++) {
				set(in, H, i / 2.0, k / 2.0);
				ck_assert_double_eq_tol(output(in), hand(1, H, i / 2.0, k / 2.0, NULL),
							1e-12);
				ck_assert(i < 0 || output(in) < 0.5);
			}
}
END_TEST

/* The whole game by keys, as the lesson's text says to win it; the win, the score and
 * the best game kept in progress. */
START_TEST(won_saved_and_restored)
{
	Instance *in = open_lesson();
	MemStore m;
	char *text;

	wt_golden("relay-start-76", in, 76);
	/* n before a win: refused with a note. */
	ck_assert_uint_eq(wt_char(in, 'n'), WIDGET_HANDLED | WIDGET_REDRAW);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "Win this round first"), "%s", text);
	ck_assert_msg(has(text, "Round 1 of 4"), "%s", text);
	free(text);
	fire(in); /* y = 0.500: not above */
	wt_key(in, K_UP);
	fire(in); /* x1 = 0.5 */
	ck_assert_double_eq(wt_value(&t, "relay"), 1);
	ck_assert(!in->done);
	ck_assert_uint_eq(wt_char(in, 'n'), WIDGET_HANDLED | WIDGET_REDRAW);
	set(in, 1, -2.5, 0); /* round 2: below -2 with h1 alone */
	fire(in);
	ck_assert_double_eq(wt_value(&t, "relay"), 2);
	wt_char(in, 'n');
	set(in, 1, 3.5, 0); /* round 3: x1 = 3.5 with h1 alone */
	fire(in);
	ck_assert_double_eq(wt_value(&t, "relay"), 3);
	wt_char(in, 'n');
	set(in, 4, 1, 1); /* round 4: four neurons */
	ck_assert(!in->done);
	fire(in);
	ck_assert_double_eq(wt_value(&t, "relay"), 4);
	ck_assert(in->done);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "Relay won: 4 rounds in 5 shots   best game 5 shots"), "%s", text);
	ck_assert_msg(has(text, "You won the relay."), "%s", text);
	free(text);
	wt_golden("relay-won-76", in, 76);
	ck_assert_uint_eq(wt_char(in, 'n'), WIDGET_HANDLED | WIDGET_REDRAW); /* no round 5 */
	memstore_init(&m);
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "won"), "1");
	ck_assert_str_eq(memstore_get(&m, "best"), "5");
	/* A new session: the win and the best game come back. */
	wt_close(&t);
	in = open_lesson();
	ck_assert(!in->done);
	in->ops->restore(in, &m.store);
	ck_assert(in->done);
	ck_assert_double_eq(wt_value(&t, "relay"), 4);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "Relay won: 4 rounds in 5 shots"), "%s", text);
	ck_assert_msg(has(text, "You won the relay. r plays again."), "%s", text);
	free(text);
	/* r plays again from round 1; the best game and the unit's win stay. */
	wt_char(in, 'r');
	ck_assert_double_eq(wt_value(&t, "relay"), 0);
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "won"), "1");
	ck_assert_str_eq(memstore_get(&m, "best"), "5");
	ck_assert_str_eq(memstore_get(&m, "round"), "0");
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "Round 1 of 4   won 0   shots 0   best game 5 shots"), "%s", text);
	free(text);
}
END_TEST

/* What the learner set inside a round comes back too: the hidden count, the input
 * chosen and both inputs; a hostile saved input is kept in the range. */
START_TEST(round_in_progress_restored)
{
	Instance *in = open_lesson();
	MemStore m;
	char *text;

	set(in, 3, -1.5, 2); /* x2 chosen last */
	memstore_init(&m);
	in->ops->save(in, &m.store);
	wt_close(&t);
	in = open_lesson();
	in->ops->restore(in, &m.store);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "x1 = -1.5   [x2 = 2]   hidden: 3 of 6"), "%s", text);
	free(text);
	m.store.set(m.store.ctx, "x1", "999999");
	m.store.set(m.store.ctx, "hidden", "40");
	wt_close(&t);
	in = open_lesson();
	in->ops->restore(in, &m.store);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "x1 = 4   [x2 = 2]   hidden: 1 of 6"), "%s", text);
	free(text);
}
END_TEST

/* The lesson's text, every run of blanks and line breaks one space. */
static char *lesson_text(void)
{
	char *text, *o, *p;
	size_t n;

	ck_assert_int_eq(course_read_file(test_srcpath("content/level2/relay.lesson"), &text, &n),
			 0);
	for (o = p = text; *p; p++)
		if (!(isspace((unsigned char)*p) && o > text && o[-1] == ' '))
			*o++ = isspace((unsigned char)*p) ? ' ' : *p;
	*o = '\0';
	return text;
}

static void states(const char *text, const char *fmt, ...)
{
	char want[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof want, fmt, ap);
	va_end(ap);
	ck_assert_msg(has(text, want), "the lesson does not say \"%s\"", want);
}

/* The numbers the lesson's prose states, computed here by hand. */
START_TEST(the_text_says_the_numbers)
{
	char *text = lesson_text();
	double h[6], y3, y4, z3;

	states(text, "the total is 2 × 0.5 - 1 = 0, so y is exactly %.3f", hand(0, 1, 0, 0, NULL));
	y3 = hand(3, 3, 4, 4, h);
	z3 = h[0] + h[1] + h[2];
	states(text, "they reach %.4f, %.4f and %.4f, which add to %.3f", h[0], h[1], h[2], z3);
	states(text, "The total is %.3f - 3 = %.3f, and y stops at %.3f", z3, z3 - 3, y3);
	y4 = hand(3, 4, 4, 4, h);
	states(text, "A fourth neuron at %.4f lifts the total to about %.3f and y to about %.3f",
	       h[3], z3 + h[3] - 3, y4);
	/* round 3: h1 alone must pass 2/3: 0.5 x1 - 1 > ln 2, x1 > 3.386, so 3.5 on the grid */
	ck_assert(2 * (1 + log(2)) > 3 && 2 * (1 + log(2)) < 3.5);
	states(text, "On its own, h1 needs x1 = 3.5 or more.");
	states(text, "with h1 alone, below -2.");
	states(text, "with three hidden neurons or fewer, no inputs at all can win this round.");
	free(text);
}
END_TEST

/* Keys at their limits do nothing; a change after a shot hides its values again. */
START_TEST(limits_and_changes)
{
	Instance *in = open_lesson();
	char *text;
	int i;

	ck_assert_uint_eq(wt_char(in, '-'), WIDGET_HANDLED); /* one neuron at least */
	for (i = 0; i < 5; i++)
		wt_char(in, '+');
	ck_assert_uint_eq(wt_char(in, '+'), WIDGET_HANDLED); /* six at most */
	set(in, 6, 4, -4);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_HANDLED); /* x2 at -4 */
	wt_key(in, K_LEFT);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_HANDLED); /* x1 at 4 */
	fire(in);
	wt_golden("relay-six-76", in, 76);
	wt_key(in, K_DOWN);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_msg(has(text, "[x1 = 3.5]") && !has(text, "GOLD") &&
			  has(text, "Round won: n for the next round."),
		      "%s", text);
	free(text);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("relay");
	TCase *tc = tcase_create("relay");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, numbers_on_screen_are_the_forward_pass);
	tcase_add_test(tc, claims_hold_over_the_range);
	tcase_add_test(tc, won_saved_and_restored);
	tcase_add_test(tc, round_in_progress_restored);
	tcase_add_test(tc, limits_and_changes);
	tcase_add_test(tc, the_text_says_the_numbers);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
