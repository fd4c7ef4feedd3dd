/* check_plot.c: line charts (several series, live growth, log y), scatter plots, fields
 * with points and contours, histograms; empty, NaN and flat data; tiny rectangles. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw/plot.h"
#include "drawtest.h"

static Grid g;
static Plot p;

static void setup(void)
{
	plot_init(&p);
}

static void teardown(void)
{
	plot_free(&p);
	grid_free(&g);
}

/* A small deterministic generator: uniform in [0, 1). */
static double uniform(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return ((*s >> 8) & 0xFFFF) / 65536.0;
}

static double train[200], test[200];
static const PlotSeries losses[2] = {{"train", NULL, train, 200, COLOUR_NONE},
				     {"test", NULL, test, 200, COLOUR_NONE}};

static void make_losses(void)
{
	int i;

	for (i = 0; i < 200; i++) {
		train[i] = 0.68 * exp(-i / 40.0) + 0.02;
		test[i] = 0.6 * exp(-i / 70.0) + 0.09 + 0.02 * sin(i / 5.0);
	}
}

static void line_chart(Caps caps, bool logy, const char *golden)
{
	PlotOpts o = PLOT_OPTS_DEFAULT;

	make_losses();
	o.logy = logy;
	o.xtitle = "epoch";
	o.ytitle = "loss";
	ck_assert_int_eq(grid_init(&g, 60, 14), 0);
	ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 60, 14, &o, losses, 2, caps), 0);
	drawtest_golden(golden, &g, caps.colours > 0);
	grid_free(&g);
}

START_TEST(line_charts)
{
	line_chart(CAPS_UTF8, false, "tests/draw/golden/plot-lines-utf8.txt");
	line_chart(CAPS_MONO, false, "tests/draw/golden/plot-lines-mono.txt");
	line_chart(CAPS_ASCII, false, "tests/draw/golden/plot-lines-ascii.txt");
	line_chart(CAPS_UTF8, true, "tests/draw/golden/plot-lines-log.txt");
}
END_TEST

START_TEST(series_grow_live)
{
	PlotSeries s = {"loss", NULL, train, 0, COLOUR_CLASS1};
	size_t n;

	make_losses();
	ck_assert_int_eq(grid_init(&g, 40, 10), 0);
	for (n = 0; n <= 200; n += 25) {
		s.n = n;
		grid_clear(&g, STYLE_NORMAL);
		ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 40, 10, NULL, &s, 1, CAPS_UTF8), 0);
		if (n > 1)
			ck_assert(p.ax.hi >= (double)(n - 1) && p.ax.lo <= 0);
		drawtest_outside_blank(&g, 0, 0, 40, 10);
	}
	/* The newest point sits at its place: the last x tick is 200, the canvas's right. */
	ck_assert_double_eq(p.ax.hi, 200);
	ck_assert(
	    canvas_get(&p.cv, p.cv.pw - 1,
		       (int)floor(canvas_scale(train[199], p.ay.hi, p.ay.lo, p.cv.ph) + 0.5)));
}
END_TEST

START_TEST(empty_nan_and_flat_data)
{
	double flat[5] = {0.3, 0.3, 0.3, 0.3, 0.3}, nan[3] = {NAN, NAN, NAN};
	double one[1] = {2}, wild[4] = {1, INFINITY, -INFINITY, 2};
	PlotSeries s[4] = {{"flat", NULL, flat, 5, COLOUR_NONE},
			   {"nan", NULL, nan, 3, COLOUR_NONE},
			   {"one", NULL, one, 1, COLOUR_NONE},
			   {"wild", NULL, wild, 4, COLOUR_NONE}};
	int row, x, set = 0;

	ck_assert_int_eq(grid_init(&g, 30, 10), 0);
	/* No series at all: a [0, 1] frame. */
	ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 30, 10, NULL, NULL, 0, CAPS_UTF8), 0);
	ck_assert_double_eq(p.ax.lo, 0);
	ck_assert_double_eq(p.ax.hi, 1);
	drawtest_golden("tests/draw/golden/plot-empty.txt", &g, false);
	/* NaN only, and a single point: frames without a crash. */
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 30, 10, NULL, &s[1], 1, CAPS_UTF8), 0);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 30, 10, NULL, &s[2], 1, CAPS_ASCII), 0);
	ck_assert(p.ax.lo < 0 && p.ax.hi > 0 && p.ay.lo < 2 && p.ay.hi > 2);
	/* Infinities are skipped, the rest is drawn. */
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 30, 10, NULL, &s[3], 1, CAPS_UTF8), 0);
	ck_assert(isfinite(p.ay.lo) && isfinite(p.ay.hi));
	/* A flat series: the range opens around it and the line runs across the middle. */
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 30, 10, NULL, &s[0], 1, CAPS_UTF8), 0);
	ck_assert(p.ay.lo < 0.3 && p.ay.hi > 0.3);
	row = (int)floor(canvas_scale(0.3, p.ay.hi, p.ay.lo, p.cv.ph) + 0.5);
	for (x = 0; x < p.cv.pw; x++)
		set += canvas_get(&p.cv, x, row);
	ck_assert_int_gt(set, p.cv.pw / 2);
	drawtest_golden("tests/draw/golden/plot-flat.txt", &g, false);
	/* Log scale with nothing positive. */
	{
		PlotOpts o = PLOT_OPTS_DEFAULT;
		double neg[3] = {-1, 0, -2};
		PlotSeries sn = {NULL, NULL, neg, 3, COLOUR_NONE};
		o.logy = true;
		grid_clear(&g, STYLE_NORMAL);
		ck_assert_int_eq(plot_line_chart(&p, &g, 0, 0, 30, 10, &o, &sn, 1, CAPS_UTF8), 0);
		ck_assert(p.ay.lo > 0);
	}
}
END_TEST

START_TEST(fixed_ranges_clip_and_tiny_rectangles)
{
	PlotOpts o = PLOT_OPTS_DEFAULT;
	double x[4] = {-5, 0.5, 0.7, 9}, y[4] = {-5, 0.5, 0.2, 9};
	int cls[4] = {0, 1, 2, 0};
	PlotSeries s = {"s", x, y, 4, COLOUR_NONE};
	int w, h;

	o.x0 = o.y0 = 0;
	o.x1 = o.y1 = 1;
	ck_assert_int_eq(grid_init(&g, 40, 16), 0);
	ck_assert_int_eq(plot_line_chart(&p, &g, 5, 3, 30, 10, &o, &s, 1, CAPS_UTF8), 0);
	ck_assert_double_eq(p.ax.lo, 0);
	ck_assert_double_eq(p.ax.hi, 1);
	drawtest_outside_blank(&g, 5, 3, 30, 10);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(
	    plot_scatter_chart(&p, &g, 5, 3, 30, 10, &o, x, y, cls, 4, NULL, 0, CAPS_ASCII), 0);
	drawtest_outside_blank(&g, 5, 3, 30, 10);
	/* Every size from nothing up: no crash, nothing outside. */
	for (h = 0; h < 8; h++)
		for (w = 0; w < 14; w++) {
			grid_clear(&g, STYLE_NORMAL);
			ck_assert_int_eq(
			    plot_line_chart(&p, &g, 2, 2, w, h, NULL, &s, 1, CAPS_UTF8), 0);
			ck_assert_int_eq(plot_histogram(&p, &g, 2, 2, w, h, NULL, y, 4, 10,
							COLOUR_NONE, CAPS_ASCII),
					 0);
			drawtest_outside_blank(&g, 2, 2, w, h);
		}
}
END_TEST

static double px[60], py[60];
static int pc[60];

static void make_points(void)
{
	unsigned s = 7;
	int i;

	for (i = 0; i < 60; i++) {
		double r = 1.2 * uniform(&s), t = 6.2832 * uniform(&s);
		px[i] = r * cos(t);
		py[i] = r * sin(t);
		pc[i] = r < 0.55 ? 0 : r < 0.9 ? 1 : 2;
	}
}

START_TEST(scatter_plots)
{
	static const char *const names[3] = {"inner", "ring", "outer"};

	make_points();
	ck_assert_int_eq(grid_init(&g, 44, 14), 0);
	ck_assert_int_eq(
	    plot_scatter_chart(&p, &g, 0, 0, 44, 14, NULL, px, py, pc, 60, names, 3, CAPS_UTF8), 0);
	drawtest_golden("tests/draw/golden/plot-scatter-utf8.txt", &g, true);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(
	    plot_scatter_chart(&p, &g, 0, 0, 44, 14, NULL, px, py, pc, 60, names, 3, CAPS_ASCII),
	    0);
	drawtest_golden("tests/draw/golden/plot-scatter-ascii.txt", &g, false);
}
END_TEST

enum { FW = 48, FH = 32 };
static double field[FW * FH];

/* A classifier's output on a circle: negative inside, positive outside. */
static void make_field(void)
{
	int i, j;

	for (j = 0; j < FH; j++)
		for (i = 0; i < FW; i++) {
			double x = -1.5 + 3 * (i + 0.5) / FW, y = 1.5 - 3 * (j + 0.5) / FH;
			field[j * FW + i] = tanh(2.5 * (x * x + y * y - 0.55));
		}
}

static void field_chart(Caps caps, const char *golden)
{
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int cls[60], i;

	make_field();
	make_points();
	for (i = 0; i < 60; i++)
		cls[i] = pc[i] == 0 ? 0 : 1;
	o.x0 = o.y0 = -1.5;
	o.x1 = o.y1 = 1.5;
	ck_assert_int_eq(grid_init(&g, 50, 16), 0);
	ck_assert_int_eq(
	    plot_field_chart(&p, &g, 0, 0, 50, 16, &o, field, FW, FH, 0, px, py, cls, 60, caps), 0);
	drawtest_golden(golden, &g, caps.colours > 0);
	grid_free(&g);
}

START_TEST(fields_with_points)
{
	field_chart(CAPS_UTF8, "tests/draw/golden/plot-field-utf8.txt");
	field_chart(CAPS_MONO, "tests/draw/golden/plot-field-mono.txt");
	field_chart(CAPS_ASCII, "tests/draw/golden/plot-field-ascii.txt");
}
END_TEST

START_TEST(contours_of_a_bowl)
{
	/* The loss surface of an elongated bowl, three levels, and a descent path. */
	enum { N = 41 };
	static double bowl[N * N];
	double path_x[12], path_y[12], a = -1.8, b = 1.4;
	PlotOpts o = PLOT_OPTS_DEFAULT;
	int i, j, fw, fh;

	for (j = 0; j < N; j++)
		for (i = 0; i < N; i++) {
			double x = -2 + 4.0 * i / (N - 1), y = 2 - 4.0 * j / (N - 1);
			bowl[j * N + i] = x * x / 4 + y * y;
		}
	for (i = 0; i < 12; i++) {
		path_x[i] = a;
		path_y[i] = b;
		a -= 0.25 * a;
		b -= 0.6 * b;
	}
	o.x0 = o.y0 = -2;
	o.x1 = o.y1 = 2;
	ck_assert_int_eq(grid_init(&g, 44, 16), 0);
	plot_begin(&p);
	plot_legend(&p, "SGD", COLOUR_CLASS3, 0, 0xFF);
	ck_assert_int_eq(plot_layout(&p, 0, 0, 44, 16, &o, CAPS_UTF8, false), 0);
	canvas_field_size(&p.cv, &fw, &fh);
	ck_assert_int_eq(fw, p.cv.w);
	ck_assert_int_eq(fh, 2 * p.cv.h);
	plot_contour(&p, bowl, N, N, 0.25, COLOUR_MUTED);
	plot_contour(&p, bowl, N, N, 1, COLOUR_MUTED);
	plot_contour(&p, bowl, N, N, 2.5, COLOUR_MUTED);
	plot_contour(&p, bowl, 1, N, 1, COLOUR_MUTED);   /* too few samples: nothing */
	plot_contour(&p, bowl, N, N, NAN, COLOUR_MUTED); /* no level: nothing */
	plot_line(&p, path_x, path_y, 12, COLOUR_CLASS3, 0);
	plot_dots(&p, path_x, path_y, 12, COLOUR_CLASS3);
	plot_draw(&p, &g);
	/* The minimum's level set is a closed curve around the centre: the centre is clear,
	 * the 0.25 ring crosses the x axis at x = +-1. */
	ck_assert(canvas_get(&p.cv, (int)floor(canvas_scale(1, -2, 2, p.cv.pw) + 0.5),
			     (int)floor(canvas_scale(0, 2, -2, p.cv.ph) + 0.5)));
	drawtest_golden("tests/draw/golden/plot-contour.txt", &g, false);
}
END_TEST

START_TEST(histograms)
{
	static double data[500];
	PlotOpts o = PLOT_OPTS_DEFAULT;
	size_t counts[8], total;
	unsigned s = 3;
	double lo = NAN, hi = NAN;
	int i;

	for (i = 0; i < 500; i++) /* about normal: the sum of four uniforms */
		data[i] = uniform(&s) + uniform(&s) + uniform(&s) + uniform(&s) - 2;
	o.xtitle = "activation";
	ck_assert_int_eq(grid_init(&g, 50, 12), 0);
	ck_assert_int_eq(
	    plot_histogram(&p, &g, 0, 0, 50, 12, &o, data, 500, 20, COLOUR_CLASS0, CAPS_UTF8), 0);
	drawtest_golden("tests/draw/golden/plot-hist-utf8.txt", &g, false);
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(
	    plot_histogram(&p, &g, 0, 0, 50, 12, &o, data, 500, 20, COLOUR_CLASS0, CAPS_ASCII), 0);
	drawtest_golden("tests/draw/golden/plot-hist-ascii.txt", &g, false);
	/* Binning: the top value goes in the last bin; NaN, and values outside, nowhere. */
	total =
	    plot_bin(counts, 4, (double[]){0, 1, 2, 3, 4, NAN, 9}, 7, &(double){0}, &(double){4});
	ck_assert_uint_eq(total, 5);
	ck_assert_uint_eq(counts[0], 1);
	ck_assert_uint_eq(counts[3], 2);
	total = plot_bin(counts, 3, (double[]){5, 5, 5}, 3, &lo, &hi);
	ck_assert_uint_eq(total, 3);
	ck_assert(lo < 5 && hi > 5);
	lo = hi = NAN;
	ck_assert_uint_eq(plot_bin(counts, 3, NULL, 0, &lo, &hi), 0);
	ck_assert_double_eq(lo, 0);
	ck_assert_double_eq(hi, 1);
	/* Empty data, equal values, more bins than columns. */
	grid_clear(&g, STYLE_NORMAL);
	ck_assert_int_eq(
	    plot_histogram(&p, &g, 0, 0, 50, 12, NULL, NULL, 0, 10, COLOUR_NONE, CAPS_UTF8), 0);
	ck_assert_int_eq(plot_histogram(&p, &g, 0, 0, 50, 12, NULL, (double[]){1, 1}, 2, 10,
					COLOUR_NONE, CAPS_UTF8),
			 0);
	ck_assert_int_eq(
	    plot_histogram(&p, &g, 0, 0, 20, 6, NULL, data, 500, 1000, COLOUR_NONE, CAPS_UTF8), 0);
	drawtest_outside_blank(&g, 0, 0, 50, 12);
}
END_TEST

static Suite *plot_suite(void)
{
	Suite *s = suite_create("plot");
	TCase *tc = tcase_create("plot");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, line_charts);
	tcase_add_test(tc, series_grow_live);
	tcase_add_test(tc, empty_nan_and_flat_data);
	tcase_add_test(tc, fixed_ranges_clip_and_tiny_rectangles);
	tcase_add_test(tc, scatter_plots);
	tcase_add_test(tc, fields_with_points);
	tcase_add_test(tc, contours_of_a_bowl);
	tcase_add_test(tc, histograms);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(plot_suite());
}
