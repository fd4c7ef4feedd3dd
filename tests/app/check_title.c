/* check_title.c: the title screen rendered as text at several sizes and in both
 * character sets, against reviewed golden files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "app/title.h"
#include "testlib.h"

static void render(int w, int h, int unicode, const char *golden)
{
	Grid g;
	Caps caps = {unicode != 0, 0};
	char *text;

	ck_assert_int_eq(grid_init(&g, w, h), 0);
	title_draw(&g, caps);
	text = grid_to_text(&g);
	test_golden(golden, text);
	free(text);
	grid_free(&g);
}

START_TEST(utf8_80x24)
{
	render(80, 24, 1, "tests/app/golden/title-utf8-80x24.txt");
}
END_TEST

START_TEST(ascii_80x24)
{
	render(80, 24, 0, "tests/app/golden/title-ascii-80x24.txt");
}
END_TEST

START_TEST(small_terminal_drops_the_picture)
{
	render(40, 8, 1, "tests/app/golden/title-utf8-40x8.txt");
}
END_TEST

START_TEST(tiny_sizes_do_not_crash)
{
	int w, h;

	for (w = 0; w < 6; w++)
		for (h = 0; h < 6; h++) {
			Grid g;
			Caps caps = {1, 0};
			grid_init(&g, w, h);
			title_draw(&g, caps);
			ck_assert_int_eq(g.w, w && h ? w : 0);
			grid_free(&g);
		}
}
END_TEST

static Suite *title_suite(void)
{
	Suite *s = suite_create("title");
	TCase *tc = tcase_create("title");

	tcase_add_test(tc, utf8_80x24);
	tcase_add_test(tc, ascii_80x24);
	tcase_add_test(tc, small_terminal_drops_the_picture);
	tcase_add_test(tc, tiny_sizes_do_not_crash);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(title_suite());
}
