/* check_canvas.c: the pixel canvas: braille bits, half blocks and ASCII, lines that
 * meet their corners, clipping, dash patterns, fields, the data view and its repairs. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw/canvas.h"
#include "drawtest.h"

static Grid g;
static Canvas c;

static void setup(void)
{
	ck_assert_int_eq(grid_init(&g, 12, 8), 0);
	canvas_init(&c);
}

static void teardown(void)
{
	canvas_free(&c);
	grid_free(&g);
}

START_TEST(braille_bits_of_known_dots)
{
	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 2, 1, CANVAS_BRAILLE), 0);
	ck_assert_int_eq(c.pw, 4);
	ck_assert_int_eq(c.ph, 4);
	/* Dots 1 and 8 of the first cell; dots 4 and 7 of the second. */
	canvas_set(&c, 0, 0, COLOUR_CLASS1);
	canvas_set(&c, 1, 3, COLOUR_CLASS1);
	canvas_set(&c, 3, 0, COLOUR_NONE);
	canvas_set(&c, 2, 3, COLOUR_NONE);
	canvas_blit(&c, &g, CAPS_UTF8);
	ck_assert_uint_eq(grid_at(&g, 0, 0)->ch, 0x2800 + 0x01 + 0x80);
	ck_assert_uint_eq(grid_at(&g, 1, 0)->ch, 0x2800 + 0x08 + 0x40);
	ck_assert_int_eq(grid_at(&g, 0, 0)->fg, COLOUR_CLASS1);
	ck_assert(canvas_get(&c, 1, 3));
	ck_assert(!canvas_get(&c, 1, 2));
	ck_assert(!canvas_get(&c, -1, 0));
	/* Every dot of a cell: the full braille block. */
	canvas_clear(&c);
	canvas_fill(&c, 0, 0, 1, 3, COLOUR_NONE);
	grid_clear(&g, STYLE_NORMAL);
	canvas_blit(&c, &g, CAPS_UTF8);
	ck_assert_uint_eq(grid_at(&g, 0, 0)->ch, 0x28FF);
	ck_assert_uint_eq(grid_at(&g, 1, 0)->ch, ' '); /* empty cells are left alone */
}
END_TEST

START_TEST(half_blocks_and_ascii_dots)
{
	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 3, 1, CANVAS_HALF), 0);
	canvas_set(&c, 0, 0, COLOUR_NONE);
	canvas_set(&c, 1, 1, COLOUR_NONE);
	canvas_fill(&c, 2, 0, 2, 1, COLOUR_CLASS2);
	canvas_blit(&c, &g, CAPS_UTF8);
	ck_assert_uint_eq(grid_at(&g, 0, 0)->ch, 0x2580);
	ck_assert_uint_eq(grid_at(&g, 1, 0)->ch, 0x2584);
	ck_assert_uint_eq(grid_at(&g, 2, 0)->ch, 0x2588);
	ck_assert_int_eq(grid_at(&g, 2, 0)->fg, COLOUR_CLASS2);

	ck_assert_int_eq(canvas_reshape(&c, 0, 1, 3, 1, CANVAS_ASCII), 0);
	canvas_set(&c, 0, 0, COLOUR_NONE);
	canvas_set(&c, 1, 1, COLOUR_NONE);
	canvas_set(&c, 2, 0, COLOUR_NONE);
	canvas_set(&c, 2, 1, COLOUR_NONE);
	canvas_blit(&c, &g, CAPS_ASCII);
	ck_assert_uint_eq(grid_at(&g, 0, 1)->ch, '\'');
	ck_assert_uint_eq(grid_at(&g, 1, 1)->ch, '.');
	ck_assert_uint_eq(grid_at(&g, 2, 1)->ch, ':');
	ck_assert_int_eq(canvas_mode(CAPS_ASCII, false), CANVAS_ASCII);
	ck_assert_int_eq(canvas_mode(CAPS_UTF8, false), CANVAS_BRAILLE);
	ck_assert_int_eq(canvas_mode(CAPS_MONO, true), CANVAS_HALF);
}
END_TEST

START_TEST(lines_meet_their_corners)
{
	CanvasMode modes[3] = {CANVAS_BRAILLE, CANVAS_HALF, CANVAS_ASCII};
	int m, x;

	for (m = 0; m < 3; m++) {
		ck_assert_int_eq(canvas_reshape(&c, 0, 0, 7, 3, modes[m]), 0);
		canvas_line(&c, 0, 0, c.pw - 1, c.ph - 1, COLOUR_NONE);
		ck_assert(canvas_get(&c, 0, 0));
		ck_assert(canvas_get(&c, c.pw - 1, c.ph - 1));
		ck_assert(!canvas_get(&c, c.pw - 1, 0));
		canvas_line(&c, c.pw - 1, 0, 0, c.ph - 1, COLOUR_NONE);
		ck_assert(canvas_get(&c, c.pw - 1, 0));
		ck_assert(canvas_get(&c, 0, c.ph - 1));
		/* A horizontal line sets every pixel of its row and nothing else. */
		canvas_clear(&c);
		canvas_line(&c, c.pw - 1, 1, 0, 1, COLOUR_NONE);
		for (x = 0; x < c.pw; x++) {
			ck_assert(canvas_get(&c, x, 1));
			ck_assert(!canvas_get(&c, x, 0));
		}
	}
}
END_TEST

START_TEST(clipping_never_writes_outside)
{
	/* The canvas covers cells (3, 2) .. (8, 5) of a 12 x 8 grid. */
	CanvasMode modes[3] = {CANVAS_BRAILLE, CANVAS_HALF, CANVAS_ASCII};
	int m;

	for (m = 0; m < 3; m++) {
		grid_clear(&g, STYLE_NORMAL);
		ck_assert_int_eq(canvas_reshape(&c, 3, 2, 6, 4, modes[m]), 0);
		canvas_line(&c, -1000000000, -5, 1000000000, 40, COLOUR_CLASS0);
		canvas_line(&c, -50, -50, -1, -1, COLOUR_CLASS0);
		canvas_line(&c, c.pw, 0, c.pw + 20, c.ph, COLOUR_CLASS0);
		canvas_line(&c, 5, -1000000000, 5, 1000000000, COLOUR_CLASS0);
		canvas_fill(&c, -10, -10, 2, 100, COLOUR_CLASS1);
		canvas_set(&c, -1, 0, COLOUR_CLASS1);
		canvas_set(&c, c.pw, 0, COLOUR_CLASS1);
		canvas_set(&c, 0, c.ph, COLOUR_CLASS1);
		canvas_mark(&c, c.pw, c.ph, 'X', COLOUR_CLASS2);
		canvas_mark(&c, -1, 3, 'X', COLOUR_CLASS2);
		canvas_view(&c, 0, 1, 0, 1, false);
		canvas_data_line(&c, -3, -3, 4, 4, COLOUR_CLASS3);
		canvas_data_mark(&c, 1.5, 0.5, 'Y', COLOUR_CLASS3);
		canvas_data_point(&c, 0.5, -0.01, COLOUR_CLASS3);
		{
			double f[4] = {1, -1, 0.5, NAN};
			canvas_field(&c, f, 2, 2);
		}
		canvas_blit(&c, &g, CAPS_UTF8);
		drawtest_outside_blank(&g, 3, 2, 6, 4);
		ck_assert(canvas_get(&c, 5, 0));
		ck_assert(canvas_get(&c, 5, c.ph - 1));
	}
	/* A canvas partly off the grid is clipped by the grid. */
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(canvas_reshape(&c, 10, 6, 5, 5, CANVAS_BRAILLE), 0);
	canvas_fill(&c, 0, 0, c.pw - 1, c.ph - 1, COLOUR_NONE);
	canvas_blit(&c, &g, CAPS_UTF8);
	drawtest_outside_blank(&g, 10, 6, 2, 2);
	ck_assert_uint_eq(grid_at(&g, 11, 7)->ch, 0x28FF);
}
END_TEST

START_TEST(empty_and_reused_canvases)
{
	CanvasCell *cells;

	/* Drawing on an empty canvas does nothing and does not crash. */
	canvas_line(&c, 0, 0, 10, 10, COLOUR_NONE);
	canvas_fill(&c, 0, 0, 10, 10, COLOUR_NONE);
	canvas_polyline(&c, NULL, (double[]){1, 2}, 2, COLOUR_NONE);
	canvas_blit(&c, &g, CAPS_UTF8);
	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 0, 5, CANVAS_BRAILLE), 0);
	canvas_line(&c, 0, 0, 10, 10, COLOUR_NONE);
	canvas_field(&c, (double[]){1}, 1, 1);
	canvas_blit(&c, &g, CAPS_UTF8);
	drawtest_outside_blank(&g, 0, 0, 0, 0);
	/* Shrinking and regrowing within the first size keeps the same memory. */
	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 10, 6, CANVAS_BRAILLE), 0);
	cells = c.cells;
	canvas_set(&c, 3, 3, COLOUR_NONE);
	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 4, 4, CANVAS_ASCII), 0);
	ck_assert_ptr_eq(c.cells, cells);
	ck_assert(!canvas_get(&c, 3, 3)); /* and blanks it */
	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 6, 10, CANVAS_HALF), 0);
	ck_assert_ptr_eq(c.cells, cells);
}
END_TEST

START_TEST(dash_patterns_run_on_across_segments)
{
	double ys[17];
	int x;

	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 10, 1, CANVAS_BRAILLE), 0);
	canvas_pen(&c, 0x0F);
	canvas_line(&c, 0, 0, 19, 0, COLOUR_NONE);
	for (x = 0; x < 20; x++)
		ck_assert_msg(canvas_get(&c, x, 0) == ((x % 8) < 4), "pixel %d", x);
	/* A polyline of one-pixel steps: the joints count once, so the dashes stay even. */
	canvas_view(&c, 0, 19, 0, 3, false);
	for (x = 0; x < 17; x++)
		ys[x] = 2; /* pixel row 1 */
	canvas_pen(&c, 0x0F);
	canvas_polyline(&c, NULL, ys, 17, COLOUR_NONE);
	for (x = 0; x < 17; x++)
		ck_assert_msg(canvas_get(&c, x, 1) == ((x % 8) < 4), "polyline pixel %d", x);
}
END_TEST

START_TEST(view_repairs_and_mapping)
{
	int px = -7, py = -7, i, j;
	double x, y;
	CanvasView v;

	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 10, 5, CANVAS_BRAILLE), 0); /* 20 x 20 */
	canvas_view(&c, 2, 2, 5, 5, false);
	ck_assert_double_eq(c.view.x0, 1.5);
	ck_assert_double_eq(c.view.x1, 2.5);
	ck_assert(canvas_map(&c, 2, 5, &px, &py));
	ck_assert_int_eq(px, 10); /* 9.5 rounds up */
	ck_assert_int_eq(py, 10);
	canvas_view(&c, NAN, NAN, INFINITY, -INFINITY, false);
	ck_assert_double_eq(c.view.x0, 0);
	ck_assert_double_eq(c.view.x1, 1);
	ck_assert(c.view.y1 > c.view.y0);
	canvas_view(&c, 1, 0, 0, 1, false); /* reversed: swapped */
	ck_assert(canvas_map(&c, 0, 1, &px, &py));
	ck_assert_int_eq(px, 0);
	ck_assert_int_eq(py, 0);
	ck_assert(canvas_map(&c, 1, 0, &px, &py));
	ck_assert_int_eq(px, 19);
	ck_assert_int_eq(py, 19);
	px = py = -7;
	ck_assert(!canvas_map(&c, NAN, 0, &px, &py));
	ck_assert(!canvas_map(&c, 0, INFINITY, &px, &py));
	ck_assert_int_eq(px, -7);
	/* Far points map far away, clamped, without overflow. */
	ck_assert(canvas_map(&c, 1e300, -1e300, &px, &py));
	ck_assert_int_eq(px, 1000000000);
	ck_assert_int_eq(py, 1000000000);
	/* Log scale: decades are evenly spaced, y <= 0 is skipped, a bad range repaired. */
	canvas_view(&c, 0, 1, 0.01, 1, true);
	ck_assert(canvas_map(&c, 0, 0.1, &px, &py));
	ck_assert_int_eq(py, 10); /* 9.5 */
	ck_assert(!canvas_map(&c, 0, 0, &px, &py));
	ck_assert(!canvas_map(&c, 0, -1, &px, &py));
	v = canvas_view_fix((CanvasView){0, 1, -5, 10, true});
	ck_assert_double_eq_tol(v.y0, 0.01, 1e-12);
	v = canvas_view_fix((CanvasView){0, 1, 0, 0, true});
	ck_assert(v.y0 > 0 && v.y1 > v.y0);
	/* Samples of a field land in their own cells. */
	canvas_view(&c, -1, 1, -1, 1, false);
	for (j = 0; j < 10; j++)
		for (i = 0; i < 10; i++) {
			canvas_sample(&c, i, j, 10, 10, &x, &y);
			ck_assert(canvas_map(&c, x, y, &px, &py));
			ck_assert_int_eq(px / 2, i);
			ck_assert_int_eq(py / 2, j);
		}
	ck_assert_double_eq(canvas_scale(3, 2, 2, 10), 0);
	ck_assert_double_eq(canvas_scale(3, 0, 1, 1), 0);
}
END_TEST

START_TEST(polyline_gaps)
{
	double y[7] = {0, 1, NAN, 2, NAN, 3, 3};

	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 7, 1, CANVAS_HALF), 0); /* 7 x 2 */
	canvas_view(&c, 0, 6, 0, 3, false);
	canvas_polyline(&c, NULL, y, 7, COLOUR_NONE);
	ck_assert(canvas_get(&c, 0, 1));
	ck_assert(canvas_get(&c, 1, 1)); /* 1/3 of the way up rounds to the bottom row */
	ck_assert(!canvas_get(&c, 2, 0) && !canvas_get(&c, 2, 1));
	ck_assert(canvas_get(&c, 3, 0)); /* the lone point between gaps */
	ck_assert(!canvas_get(&c, 4, 0) && !canvas_get(&c, 4, 1));
	ck_assert(canvas_get(&c, 5, 0) && canvas_get(&c, 6, 0));
	canvas_polyline(&c, NULL, NULL, 3, COLOUR_NONE);
	canvas_polyline(&c, NULL, y, 0, COLOUR_NONE);
}
END_TEST

START_TEST(fields_by_colour_and_by_glyph)
{
	/* Four samples across, two down: -1 .. 1 on top, NaN and 0.3 below. */
	double f[8] = {-1, -0.3, 0.3, 1, NAN, 0.05, 0.3, 0.7};

	ck_assert_int_eq(canvas_reshape(&c, 0, 0, 4, 1, CANVAS_BRAILLE), 0);
	canvas_field(&c, f, 4, 2);
	canvas_blit(&c, &g, CAPS_UTF8);
	/* Two colours a cell: the top half as '▀' in fg, the bottom in bg. */
	ck_assert_uint_eq(grid_at(&g, 0, 0)->ch, 0x2580);
	ck_assert_int_eq(grid_at(&g, 0, 0)->fg, colour_ramp(-1));
	ck_assert_int_eq(grid_at(&g, 0, 0)->bg, COLOUR_NONE); /* NaN: no field there */
	ck_assert_int_eq(grid_at(&g, 2, 0)->bg, colour_ramp(0.3));
	ck_assert_uint_eq(grid_at(&g, 2, 0)->ch, ' '); /* both halves the same colour */
	ck_assert_int_eq(grid_at(&g, 3, 0)->fg, colour_ramp(1));
	ck_assert_int_eq(grid_at(&g, 3, 0)->bg, colour_ramp(0.7));
	/* Monochrome: two glyph families by sign, denser with size. */
	grid_clear(&g, STYLE_NORMAL);
	canvas_blit(&c, &g, CAPS_ASCII);
	ck_assert_uint_eq(grid_at(&g, 0, 0)->ch, '=');
	ck_assert_uint_eq(grid_at(&g, 1, 0)->ch, '~'); /* mean of -0.3 and 0.05 */
	ck_assert_uint_eq(grid_at(&g, 2, 0)->ch, '+');
	ck_assert_uint_eq(grid_at(&g, 3, 0)->ch, '#');
	ck_assert_int_eq(canvas_shade(0.05), ' ');
	ck_assert_int_eq(canvas_shade(NAN), ' ');
	ck_assert_int_eq(canvas_shade(-7), '=');
	/* Colours without Unicode: one background colour a cell. */
	grid_clear(&g, STYLE_NORMAL);
	canvas_blit(&c, &g, (Caps){false, 8});
	ck_assert_uint_eq(grid_at(&g, 3, 0)->ch, ' ');
	ck_assert_int_eq(grid_at(&g, 3, 0)->bg, colour_ramp(0.85));
	/* Dots over a field keep its colour behind them; marks stand on their own. */
	canvas_set(&c, 4, 0, COLOUR_CLASS0);
	canvas_mark(&c, 6, 0, 'o', COLOUR_CLASS1);
	grid_clear(&g, STYLE_NORMAL);
	canvas_blit(&c, &g, CAPS_UTF8);
	ck_assert_uint_eq(grid_at(&g, 2, 0)->ch, 0x2801);
	ck_assert_int_eq(grid_at(&g, 2, 0)->bg, colour_ramp(0.3));
	ck_assert_uint_eq(grid_at(&g, 3, 0)->ch, 'o');
	ck_assert_int_eq(grid_at(&g, 3, 0)->fg, COLOUR_CLASS1);
	ck_assert_int_eq(grid_at(&g, 3, 0)->bg, COLOUR_NONE);
	/* Recoloured by class: the colour where one is given, the ramp elsewhere, nothing
	 * where there is no field; the monochrome glyphs keep the values. */
	{
		uint8_t col[8] = {COLOUR_CLASS2, COLOUR_NONE, COLOUR_CLASS4, COLOUR_CLASS2,
				  COLOUR_CLASS3, COLOUR_NONE, COLOUR_NONE, COLOUR_CLASS4};
		canvas_clear(&c);
		canvas_field(&c, f, 4, 2);
		canvas_field_colours(&c, col, 4, 2);
		canvas_field_colours(&c, NULL, 4, 2);
		grid_clear(&g, STYLE_NORMAL);
		canvas_blit(&c, &g, CAPS_UTF8);
		ck_assert_int_eq(grid_at(&g, 0, 0)->fg, COLOUR_CLASS2);
		ck_assert_int_eq(grid_at(&g, 0, 0)->bg, COLOUR_NONE); /* NaN stays blank */
		ck_assert_int_eq(grid_at(&g, 1, 0)->fg, colour_ramp(-0.3));
		ck_assert_int_eq(grid_at(&g, 3, 0)->bg, COLOUR_CLASS4);
		grid_clear(&g, STYLE_NORMAL);
		canvas_blit(&c, &g, CAPS_ASCII);
		ck_assert_uint_eq(grid_at(&g, 0, 0)->ch, '=');
	}
	/* A field stretched from fewer samples, and one of a bad size. */
	canvas_clear(&c);
	canvas_field(&c, (double[]){-1, 1}, 2, 1);
	canvas_field(&c, f, 0, 3);
	canvas_field(&c, NULL, 3, 3);
	grid_clear(&g, STYLE_NORMAL);
	canvas_blit(&c, &g, CAPS_ASCII);
	ck_assert_uint_eq(grid_at(&g, 1, 0)->ch, '=');
	ck_assert_uint_eq(grid_at(&g, 2, 0)->ch, '#');
}
END_TEST

/* A sine wave, a circle of points and a filled box, in each mode. */
static void picture(Caps caps, CanvasMode mode, const char *golden)
{
	double x[61], y[61];
	int i;

	grid_free(&g);
	ck_assert_int_eq(grid_init(&g, 32, 8), 0);
	ck_assert_int_eq(canvas_reshape(&c, 1, 1, 30, 6, mode), 0);
	canvas_view(&c, 0, 6.2832, -1.2, 1.2, false);
	for (i = 0; i <= 60; i++) {
		x[i] = i * 6.2832 / 60;
		y[i] = sin(x[i]);
	}
	canvas_polyline(&c, x, y, 61, COLOUR_CLASS0);
	for (i = 0; i < 24; i++)
		canvas_data_point(&c, 4.7 + 0.9 * cos(i * 0.2618) * 0.4,
				  0.6 + 0.5 * sin(i * 0.2618), COLOUR_CLASS1);
	canvas_fill(&c, 2, c.ph - 3, 5, c.ph - 1, COLOUR_CLASS2);
	canvas_data_mark(&c, 3.1416, 0, caps.unicode ? 0x25CF : 'o', COLOUR_CLASS3);
	canvas_blit(&c, &g, caps);
	drawtest_outside_blank(&g, 1, 1, 30, 6);
	drawtest_golden(golden, &g, mode == CANVAS_BRAILLE);
}

START_TEST(golden_pictures)
{
	picture(CAPS_UTF8, CANVAS_BRAILLE, "tests/draw/golden/canvas-braille.txt");
	picture(CAPS_UTF8, CANVAS_HALF, "tests/draw/golden/canvas-half.txt");
	picture(CAPS_ASCII, CANVAS_ASCII, "tests/draw/golden/canvas-ascii.txt");
}
END_TEST

static Suite *canvas_suite(void)
{
	Suite *s = suite_create("canvas");
	TCase *tc = tcase_create("canvas");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, braille_bits_of_known_dots);
	tcase_add_test(tc, half_blocks_and_ascii_dots);
	tcase_add_test(tc, lines_meet_their_corners);
	tcase_add_test(tc, clipping_never_writes_outside);
	tcase_add_test(tc, empty_and_reused_canvases);
	tcase_add_test(tc, dash_patterns_run_on_across_segments);
	tcase_add_test(tc, view_repairs_and_mapping);
	tcase_add_test(tc, polyline_gaps);
	tcase_add_test(tc, fields_by_colour_and_by_glyph);
	tcase_add_test(tc, golden_pictures);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(canvas_suite());
}
