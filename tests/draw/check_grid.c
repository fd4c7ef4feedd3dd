/* check_grid.c: the cell grid: text, clipping, wide characters, the text dump. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "draw/grid.h"
#include "testlib.h"

static char *dump(const Grid *g)
{
	char *t = grid_to_text(g);
	ck_assert_ptr_nonnull(t);
	return t;
}

START_TEST(text_is_placed_and_clipped)
{
	Grid g;
	char *t;

	ck_assert_int_eq(grid_init(&g, 8, 3), 0);
	ck_assert_int_eq(grid_str(&g, 1, 0, "hello world", STYLE_NORMAL), 7);
	ck_assert_int_eq(grid_str(&g, -2, 1, "abc", STYLE_NORMAL), 3); /* 'c' at column 0 */
	grid_str(&g, 0, 5, "off the grid", STYLE_NORMAL);
	t = dump(&g);
	ck_assert_str_eq(t, " hello w\nc\n\n");
	free(t);
	grid_free(&g);
}
END_TEST

START_TEST(wide_characters_take_two_cells)
{
	Grid g;
	char *t;

	grid_init(&g, 5, 2);
	ck_assert_int_eq(grid_str(&g, 0, 0, "中文x", STYLE_NORMAL), 5);
	ck_assert_uint_eq(grid_at(&g, 1, 0)->ch, GRID_WIDE_CONT);
	/* A wide character that does not fit at the right edge is left out. */
	ck_assert_int_eq(grid_str(&g, 3, 1, "中文", STYLE_NORMAL), 2);
	/* Overwriting half of a wide character blanks the other half. */
	grid_put(&g, 1, 0, 'y', STYLE_NORMAL);
	t = dump(&g);
	ck_assert_str_eq(t, " y文x\n   中\n");
	free(t);
	grid_free(&g);
}
END_TEST

START_TEST(centring_and_styles)
{
	Grid g;

	grid_init(&g, 10, 1);
	ck_assert_int_eq(grid_str_centred(&g, 0, "abcd", STYLE_TITLE), 3);
	ck_assert_int_eq(grid_at(&g, 3, 0)->style, STYLE_TITLE);
	ck_assert_int_eq(grid_at(&g, 2, 0)->style, STYLE_NORMAL);
	ck_assert_ptr_null(grid_at(&g, 10, 0));
	ck_assert_ptr_null(grid_at(&g, 0, -1));
	grid_free(&g);
}
END_TEST

START_TEST(resize_blanks_and_empty_grids_are_safe)
{
	Grid g;
	char *t;

	grid_init(&g, 4, 1);
	grid_str(&g, 0, 0, "abcd", STYLE_NORMAL);
	ck_assert_int_eq(grid_resize(&g, 2, 2), 0);
	t = dump(&g);
	ck_assert_str_eq(t, "\n\n");
	free(t);
	ck_assert_int_eq(grid_resize(&g, 0, 5), 0);
	ck_assert_int_eq(g.w, 0);
	ck_assert_int_eq(g.h, 0);
	ck_assert_int_eq(grid_str(&g, 0, 0, "x", STYLE_NORMAL), 0);
	t = dump(&g);
	ck_assert_str_eq(t, "");
	free(t);
	grid_free(&g);
}
END_TEST

START_TEST(data_colours)
{
	Grid g;

	grid_init(&g, 4, 1);
	grid_put_colour(&g, 0, 0, 0x4E2D, STYLE_NORMAL, COLOUR_CLASS1, COLOUR_RAMP);
	ck_assert_int_eq(grid_at(&g, 0, 0)->fg, COLOUR_CLASS1);
	ck_assert_int_eq(grid_at(&g, 1, 0)->bg, COLOUR_RAMP); /* both halves coloured */
	grid_put(&g, 2, 0, 'x', STYLE_NORMAL);
	ck_assert_int_eq(grid_at(&g, 2, 0)->fg, COLOUR_NONE);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(grid_at(&g, 0, 0)->bg, COLOUR_NONE);
	ck_assert_int_eq(colour_ramp(-1), COLOUR_RAMP);
	ck_assert_int_eq(colour_ramp(1), COLOUR_RAMP + COLOUR_RAMP_STEPS - 1);
	ck_assert_int_eq(colour_ramp(0), COLOUR_RAMP + COLOUR_RAMP_STEPS / 2);
	ck_assert_int_eq(colour_ramp(-7), COLOUR_RAMP);
	ck_assert_int_eq(colour_ramp(0.0 / 0.0), COLOUR_RAMP + COLOUR_RAMP_STEPS / 2);
	ck_assert_int_eq(colour_ramp(1e300), COLOUR_RAMP + COLOUR_RAMP_STEPS - 1);
	grid_free(&g);
}
END_TEST

static Suite *grid_suite(void)
{
	Suite *s = suite_create("grid");
	TCase *tc = tcase_create("grid");

	tcase_add_test(tc, text_is_placed_and_clipped);
	tcase_add_test(tc, wide_characters_take_two_cells);
	tcase_add_test(tc, centring_and_styles);
	tcase_add_test(tc, resize_blanks_and_empty_grids_are_safe);
	tcase_add_test(tc, data_colours);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(grid_suite());
}
