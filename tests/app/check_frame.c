/* check_frame.c: the help screen and the too-small screen rendered as text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "app/frame.h"
#include "app/help.h"
#include "testlib.h"

static char *text_of(const Grid *g)
{
	char *t = grid_to_text(g);
	ck_assert_ptr_nonnull(t);
	return t;
}

START_TEST(help_for_a_lesson)
{
	Grid g;
	int scroll = 0;
	char *t;

	grid_init(&g, 80, 24);
	help_draw(&g, KCTX_LESSON, NULL, true, &scroll);
	t = text_of(&g);
	test_golden("tests/app/golden/help-lesson-80x24.txt", t);
	free(t);
	grid_free(&g);
}
END_TEST

START_TEST(help_scrolls_and_clamps)
{
	Grid g;
	int scroll = 1000;
	char *t;

	grid_init(&g, 80, 8); /* four entries fit */
	help_draw(&g, KCTX_LESSON, NULL, true, &scroll);
	ck_assert_int_gt(scroll, 0);
	t = text_of(&g);
	ck_assert_ptr_nonnull(strstr(t, "help: every key")); /* the last entry shows */
	ck_assert_ptr_null(strstr(t, "move up"));            /* the first is scrolled off */
	free(t);
	scroll = -5;
	help_draw(&g, KCTX_LESSON, NULL, true, &scroll);
	ck_assert_int_eq(scroll, 0);
	grid_free(&g);
}
END_TEST

START_TEST(too_small_names_both_sizes)
{
	Grid g;
	char *t;

	grid_init(&g, 60, 20);
	ck_assert(frame_too_small(&g));
	frame_draw_too_small(&g);
	t = text_of(&g);
	test_golden("tests/app/golden/too-small-60x20.txt", t);
	free(t);
	grid_resize(&g, 80, 24);
	ck_assert(!frame_too_small(&g));
	grid_resize(&g, 12, 3); /* wraps into what little there is, without crashing */
	frame_draw_too_small(&g);
	t = text_of(&g);
	ck_assert_ptr_nonnull(strstr(t, "Please"));
	free(t);
	grid_free(&g);
}
END_TEST

START_TEST(status_and_footer_rows)
{
	Grid g;
	char *t;

	grid_init(&g, 40, 4);
	frame_footer(&g, KCTX_MAP);
	frame_status(&g, "saved", STYLE_GOOD);
	t = text_of(&g);
	ck_assert_str_eq(t, "\n\n saved\n q quit  Enter open  c continue  L lab\n"); /* what fits */
	ck_assert_int_eq(grid_at(&g, 39, 3)->style, STYLE_BAR);
	free(t);
	grid_free(&g);
}
END_TEST

static Suite *frame_suite(void)
{
	Suite *s = suite_create("frame");
	TCase *tc = tcase_create("frame");

	tcase_add_test(tc, help_for_a_lesson);
	tcase_add_test(tc, help_scrolls_and_clamps);
	tcase_add_test(tc, too_small_names_both_sizes);
	tcase_add_test(tc, status_and_footer_rows);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(frame_suite());
}
