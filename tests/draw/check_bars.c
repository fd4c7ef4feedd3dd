/* check_bars.c: labelled bar charts across and upright, probabilities and signed values
 * around a zero line, lengths in proportion, ASCII, and rectangles that are too small. */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "draw/bars.h"
#include "drawtest.h"

static const BarItem probs[] = {{"cat", 0.62, COLOUR_NONE},
				{"dog", 0.25, COLOUR_NONE},
				{"bird", 0.1, COLOUR_NONE},
				{"frog", 0.03, COLOUR_NONE}};
static const BarItem grads[] = {{"W1", 0.8, COLOUR_NONE},
				{"b1", -0.35, COLOUR_NONE},
				{"W2", -1.2, COLOUR_NONE},
				{"b2", 0.05, COLOUR_NONE},
				{"W3", NAN, COLOUR_NONE}};

static void charts(Caps caps, const char *golden)
{
	BarOpts o = BAR_OPTS_DEFAULT;
	Grid g;

	ck_assert_int_eq(grid_init(&g, 60, 20), 0);
	o.lo = 0;
	o.hi = 1;
	o.highlight = 0;
	ck_assert_int_eq(bars_draw(&g, 0, 0, 28, 4, probs, 4, &o, caps), 4);
	o = (BarOpts)BAR_OPTS_DEFAULT;
	ck_assert_int_eq(bars_draw(&g, 30, 0, 30, 5, grads, 5, &o, caps), 5);
	o.vertical = true;
	o.lo = 0;
	o.hi = 1;
	ck_assert_int_eq(bars_draw(&g, 0, 6, 24, 8, probs, 4, &o, caps), 4);
	o.lo = o.hi = NAN;
	ck_assert_int_eq(bars_draw(&g, 30, 6, 30, 12, grads, 5, &o, caps), 5);
	drawtest_golden(golden, &g, false);
	grid_free(&g);
}

START_TEST(bar_charts)
{
	charts(CAPS_UTF8, "tests/draw/golden/bars-utf8.txt");
	charts(CAPS_ASCII, "tests/draw/golden/bars-ascii.txt");
}
END_TEST

START_TEST(lengths_in_proportion)
{
	BarItem it[3] = {
	    {NULL, 1, COLOUR_NONE}, {NULL, 0.5, COLOUR_NONE}, {NULL, -1, COLOUR_CLASS4}};
	BarOpts o = {false, 0, 1, 0, -1};
	Grid g;
	int x, full = 0, half = 0;

	ck_assert_int_eq(grid_init(&g, 21, 3), 0);
	ck_assert_int_eq(bars_draw(&g, 0, 0, 20, 3, it, 2, &o, CAPS_UTF8), 2);
	for (x = 0; x < 20; x++) {
		full += grid_at(&g, x, 0)->ch == 0x2588;
		half += grid_at(&g, x, 1)->ch == 0x2588;
	}
	ck_assert_int_eq(full, 20);
	ck_assert_int_eq(half, 10);
	ck_assert_int_eq(grid_at(&g, 0, 0)->fg, COLOUR_CLASS1);
	/* Signed: -1 .. 1 around a zero line in the middle. */
	o.lo = -1;
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(bars_draw(&g, 0, 0, 21, 3, it, 3, &o, CAPS_UTF8), 3);
	ck_assert_uint_eq(grid_at(&g, 10, 0)->ch, 0x2502);
	ck_assert_uint_eq(grid_at(&g, 20, 0)->ch, 0x2588);
	ck_assert_uint_eq(grid_at(&g, 9, 0)->ch, ' ');
	ck_assert_uint_eq(grid_at(&g, 0, 2)->ch, 0x2592); /* negative: a shade, not a block */
	ck_assert_int_eq(grid_at(&g, 0, 2)->fg, COLOUR_CLASS4);
	ck_assert_uint_eq(grid_at(&g, 11, 2)->ch, ' ');
	/* Too many items for the rows, too little room, nothing at all. */
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(bars_draw(&g, 0, 0, 20, 2, it, 3, &o, CAPS_UTF8), 2);
	ck_assert_int_eq(bars_draw(&g, 0, 0, 2, 1, it, 3, &o, CAPS_UTF8), 1);
	ck_assert_int_eq(bars_draw(&g, 0, 0, 0, 0, it, 3, &o, CAPS_UTF8), 0);
	ck_assert_int_eq(bars_draw(&g, 0, 0, 20, 3, NULL, 3, NULL, CAPS_UTF8), 0);
	o.vertical = true;
	ck_assert_int_eq(bars_draw(&g, 0, 0, 2, 3, it, 3, &o, CAPS_UTF8), 2);
	ck_assert_int_eq(bars_draw(&g, 0, 0, 5, 1, it, 3, &o, CAPS_UTF8), 3);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(bars_draw(&g, 5, 1, 10, 1, it, 3, NULL, CAPS_UTF8), 1);
	drawtest_outside_blank(&g, 5, 1, 10, 1);
	grid_free(&g);
}
END_TEST

/* A lone bar of 3 and one of -9, each on its own scale, fill the same cells: without
 * colour only the glyphs can tell them apart, in Unicode and in ASCII. */
START_TEST(sign_without_colour)
{
	BarItem plus = {"vote", 3, COLOUR_NONE}, minus = {"vote", -9, COLOUR_NONE};
	BarOpts o = BAR_OPTS_DEFAULT;
	Grid g;
	char *a, *b;
	int ascii;

	o.digits = 0; /* no printed value: the bar alone must carry the sign */
	ck_assert_int_eq(grid_init(&g, 30, 1), 0);
	for (ascii = 0; ascii < 2; ascii++) {
		Caps caps = ascii ? CAPS_ASCII : CAPS_UTF8;
		grid_clear(&g, STYLE_NORMAL);
		bars_draw(&g, 0, 0, 30, 1, &plus, 1, &o, caps);
		a = grid_to_text(&g);
		grid_clear(&g, STYLE_NORMAL);
		bars_draw(&g, 0, 0, 30, 1, &minus, 1, &o, caps);
		b = grid_to_text(&g);
		ck_assert_str_ne(a, b);
		ck_assert_ptr_nonnull(strstr(a, ascii ? "#####" : "█████"));
		ck_assert_ptr_null(strstr(a, ascii ? "-" : "▒"));
		ck_assert_ptr_nonnull(strstr(b, ascii ? "-----" : "▒▒▒▒▒"));
		ck_assert_ptr_null(strstr(b, ascii ? "#" : "█"));
		free(a);
		free(b);
	}
	grid_free(&g);
}
END_TEST

static Suite *bars_suite(void)
{
	Suite *s = suite_create("bars");
	TCase *tc = tcase_create("bars");

	tcase_add_test(tc, bar_charts);
	tcase_add_test(tc, lengths_in_proportion);
	tcase_add_test(tc, sign_without_colour);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(bars_suite());
}
