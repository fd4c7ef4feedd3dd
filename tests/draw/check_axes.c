/* check_axes.c: nice ticks for ranges and lengths, compact labels (never "-0"), log
 * axes, degenerate ranges, the axes drawn, and legends that wrap. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw/axes.h"
#include "draw/legend.h"
#include "drawtest.h"

static void assert_ticks(const Axis *a, const char *want)
{
	char got[256] = "";
	size_t len = 0;
	int i;

	for (i = 0; i < a->n; i++)
		len += (size_t)snprintf(got + len, sizeof got - len, i ? " %s" : "%s", a->label[i]);
	ck_assert_str_eq(got, want);
}

START_TEST(ticks_of_unit_range)
{
	Axis a;

	axes_ticks(&a, 0, 1, false, 6, 0);
	assert_ticks(&a, "0 0.2 0.4 0.6 0.8 1");
	ck_assert_double_eq_tol(a.step, 0.2, 1e-12);
	axes_ticks(&a, 0, 1, false, 3, 0);
	assert_ticks(&a, "0 0.5 1");
	axes_ticks(&a, 0, 1, false, 11, 0);
	assert_ticks(&a, "0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1");
	axes_ticks(&a, 0, 1, false, 2, 0);
	assert_ticks(&a, "0 1");
	/* By length: a tall axis labels every 0.2, a short one every 0.5. */
	axes_fit(&a, 0, 1, false, 0, true, 16, 4);
	assert_ticks(&a, "0 0.2 0.4 0.6 0.8 1");
	ck_assert_int_eq(a.at[0], 15); /* the bottom row */
	ck_assert_int_eq(a.at[5], 0);  /* the top row */
	axes_fit(&a, 0, 1, false, 0, true, 5, 4);
	assert_ticks(&a, "0 0.5 1");
	ck_assert_int_eq(a.at[1], 2);
	axes_fit(&a, 0, 1, false, 0, false, 50, 2);
	assert_ticks(&a, "0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1");
	axes_fit(&a, 0, 1, false, 0, false, 12, 2);
	assert_ticks(&a, "0 0.5 1");
	ck_assert_int_eq(a.at[2], 11);
}
END_TEST

START_TEST(ticks_of_other_ranges)
{
	Axis a;

	axes_ticks(&a, -3.7, 12.2, false, 8, 0);
	assert_ticks(&a, "0 5 10");
	axes_ticks(&a, -3.7, 12.2, false, 8, AXES_EXTEND);
	assert_ticks(&a, "-5 0 5 10 15");
	ck_assert_double_eq(a.lo, -5);
	ck_assert_double_eq(a.hi, 15);
	/* A loss curve: widened at the top only (the bottom is fixed at 0). */
	axes_ticks(&a, 0, 0.693, false, 8, AXES_EXTEND_HI);
	assert_ticks(&a, "0 0.1 0.2 0.3 0.4 0.5 0.6 0.7");
	ck_assert_double_eq_tol(a.hi, 0.7, 1e-12);
	axes_ticks(&a, 0, 2000, false, 5, 0);
	assert_ticks(&a, "0 500 1000 1500 2000");
	axes_ticks(&a, 1e5, 5e5, false, 5, 0);
	assert_ticks(&a, "1e5 2e5 3e5 4e5 5e5");
	axes_ticks(&a, -0.0003, 0.0003, false, 7, 0);
	assert_ticks(&a, "-3e-4 -2e-4 -1e-4 0 1e-4 2e-4 3e-4");
	axes_ticks(&a, -1, -0.5, false, 6, 0);
	assert_ticks(&a, "-1 -0.9 -0.8 -0.7 -0.6 -0.5");
	/* Sums like 0.1 + 0.2 still print short. */
	axes_ticks(&a, 0.1, 0.3, false, 3, 0);
	assert_ticks(&a, "0.1 0.2 0.3");
}
END_TEST

START_TEST(degenerate_ranges)
{
	Axis a;

	axes_ticks(&a, 3, 3, false, 5, 0);
	ck_assert(a.lo < 3 && a.hi > 3);
	ck_assert_int_ge(a.n, 1);
	axes_ticks(&a, NAN, NAN, false, 5, AXES_EXTEND);
	assert_ticks(&a, "0 0.5 1");
	axes_ticks(&a, 0, INFINITY, false, 5, AXES_EXTEND);
	ck_assert(isfinite(a.lo) && isfinite(a.hi) && a.hi > a.lo);
	axes_ticks(&a, 5, 1, false, 5, 0); /* reversed */
	assert_ticks(&a, "1 2 3 4 5");
	axes_ticks(&a, -1e300, 1e300, false, 5, AXES_EXTEND);
	ck_assert_int_ge(a.n, 2);
	axes_fit(&a, 0, 1, false, 0, false, 0, 0); /* no room at all */
	ck_assert_int_le(a.n, 1);
	axes_fit(&a, 0, 1, false, 0, true, 1, 4);
	ck_assert_int_le(a.n, 1);
}
END_TEST

START_TEST(log_ticks)
{
	Axis a;

	axes_ticks(&a, 0.001, 1, true, 6, 0);
	assert_ticks(&a, "0.001 0.01 0.1 1");
	axes_ticks(&a, 0.03, 0.69, true, 6, AXES_EXTEND);
	assert_ticks(&a, "0.01 0.1 1");
	ck_assert_double_eq_tol(a.lo, 0.01, 1e-15);
	axes_ticks(&a, 1e-8, 1e2, true, 6, 0);
	assert_ticks(&a, "1e-8 1e-6 1e-4 0.01 1 100");
	axes_ticks(&a, 1e-8, 1e2, true, 4, 0);
	assert_ticks(&a, "1e-8 0.001 100");
	axes_ticks(&a, 1e-8, 1e2, true, 3, 0);
	ck_assert_int_le(a.n, 3);
	/* Within one decade: linear ticks. */
	axes_ticks(&a, 0.2, 0.7, true, 6, 0);
	assert_ticks(&a, "0.2 0.3 0.4 0.5 0.6 0.7");
	/* Nothing positive: a range three decades below the top, or [0.001, 1]. */
	axes_ticks(&a, -1, 0, true, 5, AXES_EXTEND);
	assert_ticks(&a, "0.001 0.01 0.1 1");
}
END_TEST

START_TEST(labels_are_compact)
{
	char s[AXES_LABEL_MAX];

	axes_format(s, sizeof s, -0.0, 0.1);
	ck_assert_str_eq(s, "0");
	axes_format(s, sizeof s, -1e-17, 0.2);
	ck_assert_str_eq(s, "0");
	axes_format(s, sizeof s, 0.30000000000000004, 0.1);
	ck_assert_str_eq(s, "0.3");
	axes_format(s, sizeof s, 1.0, 0.2);
	ck_assert_str_eq(s, "1");
	axes_format(s, sizeof s, 1500, 500);
	ck_assert_str_eq(s, "1500");
	axes_format(s, sizeof s, 0.05, 0.05);
	ck_assert_str_eq(s, "0.05");
	axes_format(s, sizeof s, 250000, 50000);
	ck_assert_str_eq(s, "2.5e5");
	axes_format(s, sizeof s, -0.00025, 0.00005);
	ck_assert_str_eq(s, "-2.5e-4");
	axes_format(s, sizeof s, 1.0 / 3, 0);
	ck_assert_str_eq(s, "0.333");
	axes_format(s, sizeof s, NAN, 1);
	ck_assert_str_eq(s, "nan");
	axes_format(s, sizeof s, -INFINITY, 1);
	ck_assert_str_eq(s, "-inf");
	axes_number(s, sizeof s, 0.6667, 2);
	ck_assert_str_eq(s, "0.67");
	axes_number(s, sizeof s, -0.0001, 1);
	ck_assert_str_eq(s, "-1e-4");
	axes_number(s, sizeof s, -0.0, 2);
	ck_assert_str_eq(s, "0");
	axes_number(s, sizeof s, 1234, 2);
	ck_assert_str_eq(s, "1.2e3");
	axes_number(s, sizeof s, 12, 2);
	ck_assert_str_eq(s, "12");
	ck_assert_int_eq(axes_number(s, 4, -1.23456, 6), 3); /* cut to the room */
	ck_assert_str_eq(s, "-1.");
}
END_TEST

static void draw_axes(Caps caps, const char *golden)
{
	Grid g;
	Axis ax, ay;

	ck_assert_int_eq(grid_init(&g, 36, 10), 0);
	axes_fit(&ay, -0.2, 1, false, AXES_EXTEND, true, 8, 4);
	axes_fit(&ax, 0, 100, false, 0, false, 36 - ay.width - 1, 2);
	axes_draw_y(&g, 0, 0, 8, &ay, caps);
	axes_draw_x(&g, ay.width + 1, 8, 36 - ay.width - 1, &ax, caps);
	drawtest_golden(golden, &g, false);
	grid_free(&g);
}

START_TEST(axes_drawn)
{
	draw_axes(CAPS_UTF8, "tests/draw/golden/axes-utf8.txt");
	draw_axes(CAPS_ASCII, "tests/draw/golden/axes-ascii.txt");
}
END_TEST

static const LegendItem items[] = {
    {"train", COLOUR_CLASS0, 0, 0xFF},
    {"test", COLOUR_CLASS1, 0, 0x0F},
    {"momentum", COLOUR_CLASS2, 0, 0x55},
    {NULL, COLOUR_CLASS3, 0, 0},
    {"class 0", COLOUR_CLASS0, 0x25CF, 0},
    {"a name far too long for the line", COLOUR_CLASS1, 'x', 0},
};

START_TEST(legends_wrap)
{
	LegendItem ascii[sizeof items / sizeof *items];
	Grid g;
	int n = (int)(sizeof items / sizeof *items);

	ck_assert_int_eq(legend_rows(items, n, 80, CAPS_UTF8), 1);
	ck_assert_int_eq(legend_rows(items, n, 24, CAPS_UTF8), 3);
	ck_assert_int_eq(legend_rows(items, 0, 24, CAPS_UTF8), 0);
	ck_assert_int_eq(legend_rows(items, n, 2, CAPS_UTF8), 0);
	ck_assert_int_eq(grid_init(&g, 26, 5), 0);
	ck_assert_int_eq(legend_draw(&g, 1, 0, 24, 5, items, n, CAPS_UTF8), 3);
	ck_assert_int_eq(grid_at(&g, 1, 0)->fg, COLOUR_CLASS0);
	drawtest_outside_blank(&g, 1, 0, 24, 5);
	drawtest_golden("tests/draw/golden/legend-utf8.txt", &g, false);
	grid_clear(&g, STYLE_NORMAL);
	memcpy(ascii, items, sizeof ascii);
	ascii[4].mark = 'o';
	ck_assert_int_eq(legend_draw(&g, 1, 0, 24, 2, ascii, n, CAPS_ASCII), 2);
	drawtest_golden("tests/draw/golden/legend-ascii.txt", &g, false);
	grid_free(&g);
}
END_TEST

static Suite *axes_suite(void)
{
	Suite *s = suite_create("axes");
	TCase *tc = tcase_create("axes");

	tcase_add_test(tc, ticks_of_unit_range);
	tcase_add_test(tc, ticks_of_other_ranges);
	tcase_add_test(tc, degenerate_ranges);
	tcase_add_test(tc, log_ticks);
	tcase_add_test(tc, labels_are_compact);
	tcase_add_test(tc, axes_drawn);
	tcase_add_test(tc, legends_wrap);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(axes_suite());
}
