/* check_pixels.c: the grid widget (a small pixel grid): drawings in UTF-8 and ASCII
 * with the kernel window, painting by keys, its value, and pixels kept in a Store. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/wtest.h"

static double value_of(WTest *t, const char *id)
{
	double v = -99;

	ck_assert(scene_value(&t->scene, id, &v));
	return v;
}

/* A 5x5 plus sign, with a few grey pixels. */
static const char plus[] = "@widget grid id=px rows=5 cols=5 kernel=3 cells=0,0,1,0,0,"
			   "0,0,1,0,0,1,1,1,1,1,0,0,1,0,0,0.3,0.6,1,0.8,0.1\nalt: p\n@end\n";

START_TEST(grid_draws_with_its_window)
{
	WTest t;
	Instance *in;

	wt_open(&t, plus);
	in = wt_get(&t, "px");
	ck_assert_ptr_eq(in->kind, &grid_kind);
	ck_assert_int_eq(in->ops->height(in, 50), 6);
	ck_assert(value_of(&t, "px") == 11.0 / 25);
	wt_golden("grid-plus", in, 50);
	/* The window follows the cursor, and stays inside the grid. */
	wt_key(in, K_DOWN);
	wt_key(in, K_DOWN);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_golden("grid-plus-centre", in, 50);
	/* Narrow: one column a cell; narrower still: no gaps, so no outline. */
	wt_golden("grid-plus-narrow", in, 12);
	wt_golden("grid-plus-tight", in, 8);
	wt_close(&t);
}
END_TEST

START_TEST(grid_paints_and_clears)
{
	WTest t;
	Instance *in;
	int i;

	wt_open(&t, "@widget grid id=px rows=3 cols=4\nalt: p\n@end\n");
	in = wt_get(&t, "px");
	ck_assert(value_of(&t, "px") == 0);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "px") == 1.0 / 12);
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "px") == 0);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED); /* the top: the page scrolls */
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED); /* the row's start: stays */
	for (i = 0; i < 3; i++) {
		ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
		ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	}
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_HOME), WIDGET_HANDLED | WIDGET_REDRAW);
	wt_char(in, ' ');
	ck_assert(value_of(&t, "px") == 4.0 / 12);
	wt_golden("grid-painted", in, 50);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED); /* the bottom */
	ck_assert_uint_eq(wt_char(in, 'c'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "px") == 0);
	ck_assert_uint_eq(wt_char(in, 'q'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

START_TEST(grid_read_only_moves_but_does_not_paint)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget grid id=px rows=3 cols=3 cells=1,0,1,0,1,0,1,0,1 editable=no "
		    "kernel=2\nalt: p\n@end\n");
	in = wt_get(&t, "px");
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, 'c'), WIDGET_IGNORED);
	ck_assert(value_of(&t, "px") == 5.0 / 9);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	wt_golden("grid-read-only", in, 30);
	wt_close(&t);
}
END_TEST

START_TEST(grid_keeps_its_pixels)
{
	WTest t;
	MemStore m;
	Instance *in;

	memstore_init(&m);
	wt_open(&t, plus);
	in = wt_get(&t, "px");
	in->ops->save(in, &m.store);
	ck_assert_ptr_null(memstore_get(&m, "cells")); /* nothing painted: nothing kept */
	wt_char(in, ' ');
	in->ops->save(in, &m.store);
	/* Brightness in ninths: 0.3 is 3, 0.6 is 5, 0.8 is 7, 0.1 is 1. */
	ck_assert_str_eq(memstore_get(&m, "cells"), "9090000900999990090035971");
	wt_close(&t);
	wt_open(&t, plus);
	in = wt_get(&t, "px");
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "px") == 12.0 / 25);
	m.store.set(m.store.ctx, "cells", "123"); /* the wrong size: left alone */
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "px") == 12.0 / 25);
	wt_close(&t);
}
END_TEST

static Suite *pixels_suite(void)
{
	Suite *s = suite_create("pixels");
	TCase *tc = tcase_create("pixels");

	tcase_add_test(tc, grid_draws_with_its_window);
	tcase_add_test(tc, grid_paints_and_clears);
	tcase_add_test(tc, grid_read_only_moves_but_does_not_paint);
	tcase_add_test(tc, grid_keeps_its_pixels);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(pixels_suite());
}
