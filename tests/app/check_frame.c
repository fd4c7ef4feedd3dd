/* check_frame.c: the help screen and the too-small screen rendered as text; the pace of
 * an animation's frames on a fake clock: the wait is what is left of the frame, and a
 * loop whose work takes most of a frame still draws 30 frames a second. */
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

START_TEST(wait_is_what_is_left)
{
	/* a frame that began at 1.000 s: 10 ms of work leave 23 ms */
	ck_assert_int_eq(frame_wait_ms(1.000, 1.010, 33), 23);
	ck_assert_int_eq(frame_wait_ms(1.000, 1.000, 33), 33);
	/* a tenth of a millisecond left: 1, never 0 (the wait must not end early) */
	ck_assert_int_eq(frame_wait_ms(1.000, 1.0329, 33), 1);
	/* over, or long over: no wait */
	ck_assert_int_eq(frame_wait_ms(1.000, 1.033, 33), 0);
	ck_assert_int_eq(frame_wait_ms(1.000, 1.500, 33), 0);
	/* no frame yet: at once */
	ck_assert_int_eq(frame_wait_ms(0, 5.000, 33), 0);
	/* a clock that went back: one frame at most */
	ck_assert_int_eq(frame_wait_ms(2.000, 1.990, 33), 33);
}
END_TEST

START_TEST(next_frame_on_the_schedule)
{
	/* the first frame starts at the tick */
	ck_assert_double_eq(frame_next(0, 5.000, 33), 5.000);
	/* a tick 7 ms late: the frame still starts 33 ms after the one before */
	ck_assert_double_eq_tol(frame_next(1.000, 1.040, 33), 1.033, 1e-12);
	/* on time */
	ck_assert_double_eq_tol(frame_next(1.000, 1.033, 33), 1.033, 1e-12);
	/* early (a key woke the loop): from the tick */
	ck_assert_double_eq(frame_next(1.000, 1.020, 33), 1.020);
	/* a whole frame or more behind: from the tick, no rush to catch up */
	ck_assert_double_eq(frame_next(1.000, 1.066, 33), 1.066);
	ck_assert_double_eq(frame_next(1.000, 3.000, 33), 3.000);
}
END_TEST

/* The main loop on a fake clock: each frame's work (training and drawing) takes
 * work_ms, every fourth frame late_ms instead; the loop ticks, works and waits
 * frame_wait_ms. Returns the seconds n frames took. */
static double paced(int n, double work_ms, double late_ms)
{
	double t = 10, at = 0;
	int i;

	for (i = 0; i < n; i++) {
		at = frame_next(at, t, 33);
		t += (i % 4 == 3 ? late_ms : work_ms) / 1000;
		t += frame_wait_ms(at, t, 33) / 1000.0;
	}
	return t - 10;
}

START_TEST(thirty_frames_a_second)
{
	/* 25 ms of work a frame: 300 frames in 300 x 33 ms, not 300 x (25 + 33) ms as a
	 * fixed wait after the work would take */
	ck_assert_double_eq_tol(paced(300, 25, 25), 300 * 0.033, 1e-9);
	/* a frame of 40 ms every fourth: made up by the next, still 33 ms a frame (the
	 * last one ends up to 7 ms late) */
	ck_assert_double_le(paced(300, 25, 40), 300 * 0.033 + 0.0071);
	ck_assert_double_ge(paced(300, 25, 40), 300 * 0.033);
	/* work longer than a frame: as fast as the work goes */
	ck_assert_double_eq_tol(paced(30, 50, 50), 30 * 0.050, 1e-9);
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
	tcase_add_test(tc, wait_is_what_is_left);
	tcase_add_test(tc, next_frame_on_the_schedule);
	tcase_add_test(tc, thirty_frames_a_second);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(frame_suite());
}
