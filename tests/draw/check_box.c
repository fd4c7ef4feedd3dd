/* check_box.c: box borders in every line style and in ASCII, titles that fit or are cut,
 * the focus look, rules, clipping and boxes too small to draw. */
#include <config.h>

#include <stdlib.h>

#include "draw/box.h"
#include "drawtest.h"

static void boxes(Caps caps, const char *golden)
{
	Grid g;

	ck_assert_int_eq(grid_init(&g, 40, 13), 0);
	box_draw(&g, 0, 0, 18, 4, BOX_LIGHT, "Loss", false, caps);
	box_draw(&g, 20, 0, 18, 4, BOX_ROUNDED, "Decision boundary", false, caps);
	box_draw(&g, 0, 4, 18, 5, BOX_DOUBLE, NULL, false, caps);
	box_rule(&g, 0, 6, 18, BOX_DOUBLE, false, caps);
	box_draw(&g, 20, 4, 18, 5, BOX_LIGHT, "Network: 2-3-1", true, caps);
	box_rule(&g, 20, 6, 18, BOX_LIGHT, true, caps);
	box_draw(&g, 0, 9, 6, 3, BOX_HEAVY, "Too small for a title", false, caps);
	box_draw(&g, 8, 9, 7, 3, BOX_HEAVY, "Ab", false, caps);
	box_draw(&g, 24, 9, 8, 3, BOX_LIGHT, "Abcdef", false, caps);
	box_draw(&g, 16, 9, 2, 2, BOX_LIGHT, NULL, false, caps);
	box_draw(&g, 20, 9, 1, 3, BOX_LIGHT, "x", false, caps); /* nothing */
	box_draw(&g, 36, 10, 8, 8, BOX_LIGHT, "clipped", false, caps);
	drawtest_golden(golden, &g, false);
	grid_free(&g);
}

START_TEST(box_styles)
{
	boxes(CAPS_UTF8, "tests/draw/golden/box-utf8.txt");
	boxes(CAPS_ASCII, "tests/draw/golden/box-ascii.txt");
}
END_TEST

START_TEST(box_styles_and_clipping)
{
	Grid g;

	ck_assert_int_eq(grid_init(&g, 10, 6), 0);
	box_draw(&g, 2, 1, 5, 3, BOX_LIGHT, NULL, true, CAPS_UTF8);
	ck_assert_int_eq(grid_at(&g, 2, 1)->style, STYLE_ACCENT);
	ck_assert_uint_eq(grid_at(&g, 2, 1)->ch, 0x250F); /* focus is heavy */
	ck_assert_uint_eq(grid_at(&g, 3, 2)->ch, ' ');    /* inside left alone */
	drawtest_outside_blank(&g, 2, 1, 5, 3);
	grid_clear(&g, STYLE_NORMAL);
	box_draw(&g, 0, 1, 10, 3, BOX_LIGHT, "Title", false, CAPS_UTF8);
	ck_assert_int_eq(grid_at(&g, 0, 1)->style, STYLE_DIM);
	ck_assert_int_eq(grid_at(&g, 3, 1)->style, STYLE_BOLD);
	ck_assert_uint_eq(grid_at(&g, 3, 1)->ch, 'T');
	ck_assert_uint_eq(grid_at(&g, 6, 1)->ch, 0x2026); /* "Tit…" */
	grid_clear(&g, STYLE_NORMAL);
	box_draw(&g, -3, -2, 20, 20, BOX_LIGHT, "off the grid", false, CAPS_UTF8);
	box_draw(&g, 0, 0, 1, 1, BOX_LIGHT, NULL, false, CAPS_UTF8);
	box_draw(&g, 0, 0, 0, 0, BOX_LIGHT, NULL, false, CAPS_UTF8);
	box_rule(&g, 0, 0, 1, BOX_LIGHT, false, CAPS_UTF8);
	drawtest_outside_blank(&g, 0, 0, 0, 0);
	grid_free(&g);
}
END_TEST

static Suite *box_suite(void)
{
	Suite *s = suite_create("box");
	TCase *tc = tcase_create("box");

	tcase_add_test(tc, box_styles);
	tcase_add_test(tc, box_styles_and_clipping);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(box_suite());
}
