/* check_heatmap.c: the heatmap kind: numbers or shades by width (40, 76 and 160
 * columns, UTF-8 and ASCII), the window stepped by keys and by an animation controller,
 * its outputs against sums worked by hand, a matrix read from a pixel grid that
 * changes, and the shading's levels (signs told apart without colour). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/heat.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/wtest.h"

/* A 4 x 4 feature map pooled 2 x 2 with stride 2: the maxima are 4, 8, 9 and 7. */
static const char pool[] =
	"@widget heatmap id=hm rows=4 cols=4 values=1,3,2,8,4,0,5,6,9,2,7,1,3,1,0,4 window=2 "
	"stride=2 reduce=max row_labels=a,b,c,d col_labels=w,x,y,z\nalt: h\n@end\n";

static double out_scalar(Instance *in, const char *name)
{
	Data d;

	ck_assert_msg(scene_output(in, name, 0, &d), "no output %s", name);
	ck_assert_int_eq(d.type, DATA_SCALAR);
	return d.scalar;
}

START_TEST(heatmap_pools_with_its_window)
{
	WTest t;
	Instance *in;
	Data d;

	wt_open(&t, pool);
	in = wt_get(&t, "hm");
	ck_assert_ptr_eq(in->kind, &heatmap_kind);
	/* Header, four rows, the window's line. */
	ck_assert_int_eq(in->ops->height(in, 40), 6);
	ck_assert(out_scalar(in, "position") == 1);
	ck_assert(out_scalar(in, "value") == 4);
	ck_assert(scene_output(in, "window", 0, &d));
	ck_assert_uint_eq(d.rows, 2);
	ck_assert_uint_eq(d.cols, 2);
	ck_assert(d.v[0] == 1 && d.v[1] == 3 && d.v[2] == 4 && d.v[3] == 0);
	wt_golden("heatmap-pool", in, 40);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_IGNORED); /* the first: the player's */
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(out_scalar(in, "value") == 8);
	/* Right at a row's end goes on to the next row of positions. */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(out_scalar(in, "position") == 3);
	ck_assert(out_scalar(in, "value") == 9);
	ck_assert(scene_output(in, "result", 0, &d));
	ck_assert_uint_eq(d.rows, 2);
	ck_assert_uint_eq(d.cols, 2);
	ck_assert(d.v[0] == 4 && d.v[1] == 8 && d.v[2] == 9 && isnan(d.v[3]));
	wt_golden("heatmap-pool-3", in, 76);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED); /* the last row */
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(out_scalar(in, "value") == 7);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(out_scalar(in, "position") == 2);
	ck_assert_uint_eq(wt_key(in, K_HOME), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(out_scalar(in, "position") == 1);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

/* An edge detector over a 4 x 5 image: the kernel's response at each position, worked
 * by hand: at (0,0) 1*1 + 0*0 + 1*-1 + 1*1 + ... below. */
START_TEST(heatmap_convolves_with_a_kernel)
{
	WTest t;
	Instance *in, *out;
	Data d;
	/* The image and the kernel [1 -1; 1 -1]: the response is left minus right. */
	static const double img[4][5] = {
	    {0, 0, 1, 1, 1}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 1}, {0, 0, 0, 0, 0}};
	int r, c, k = 0;

	wt_open(&t, "@widget heatmap id=img rows=4 cols=5 values=0,0,1,1,1,0,0,1,1,1,0,0,1,1,1,"
		    "0,0,0,0,0 window=2 kernel=1,-1,1,-1 digits=0\nalt: i\n@end\n"
		    "@widget heatmap id=map matrix=img:result digits=0\nalt: m\n@end\n");
	in = wt_get(&t, "img");
	out = wt_get(&t, "map");
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(scene_data(out, "matrix", &d));
	ck_assert_uint_eq(d.rows, 3);
	ck_assert_uint_eq(d.cols, 4);
	for (r = 0; r < 3; r++)
		for (c = 0; c < 4; c++, k++) {
			double want = img[r][c] - img[r][c + 1] + img[r + 1][c] - img[r + 1][c + 1];
			ck_assert_msg(d.v[k] == want, "(%d,%d): %g, not %g", r, c, d.v[k], want);
		}
	/* The edge shows as -2 where the window straddles it in both rows. */
	ck_assert(d.v[1] == -2 && d.v[9] == -1);
	wt_golden("heatmap-conv-map", out, 40);
	/* Back to the start: the map shows the first position only. */
	wt_key(in, K_HOME);
	ck_assert(scene_data(out, "matrix", &d));
	ck_assert(d.v[0] == 0 && isnan(d.v[1]) && isnan(d.v[11]));
	wt_close(&t);
}
END_TEST

START_TEST(heatmap_reads_a_grid_that_changes)
{
	WTest t;
	Instance *px, *hm;
	Data d;
	unsigned long v0;

	wt_open(&t, "@widget heatmap id=hm matrix=px:pixels window=2 reduce=sum digits=1\n"
		    "alt: h\n@end\n@widget grid id=px rows=3 cols=3 cells=1,0,0,0,1,0,0,0,1\n"
		    "alt: p\n@end\n");
	hm = wt_get(&t, "hm");
	px = wt_get(&t, "px");
	ck_assert(out_scalar(hm, "value") == 2);
	ck_assert(scene_output(hm, "value", 0, &d));
	v0 = d.version;
	ck_assert(scene_output(hm, "value", 0, &d));
	ck_assert_uint_eq(d.version, v0); /* nothing changed: the same version */
	wt_key(px, K_RIGHT);
	wt_char(px, ' '); /* (0, 1) on */
	ck_assert(out_scalar(hm, "value") == 3);
	ck_assert(scene_output(hm, "value", 0, &d));
	ck_assert_uint_ne(d.version, v0);
	wt_golden("heatmap-grid", hm, 40);
	wt_close(&t);
}
END_TEST

/* Played by an animation controller and by a stepper: the contract's steps are the
 * window's positions. */
START_TEST(heatmap_obeys_the_animation_contract)
{
	WTest t;
	Instance *hm, *play, *st;
	AnimState a;

	wt_open(&t, "@widget heatmap id=hm rows=3 cols=3 values=1,2,3,4,5,6,7,8,9 window=2\n"
		    "alt: h\n@end\n@widget animation id=play target=hm speed=2\nalt: a\n@end\n"
		    "@widget stepper id=st steps=a,b,c,d target=hm\nalt: s\n@end\n");
	hm = wt_get(&t, "hm");
	play = wt_get(&t, "play");
	st = wt_get(&t, "st");
	ck_assert(anim_get(hm, &a));
	ck_assert_int_eq(a.steps, 4);
	ck_assert_int_eq(a.step, 1);
	ck_assert(!a.playing);
	ck_assert_uint_eq(wt_char(play, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(hm->animating);
	ck_assert(hm->ops->tick(hm, 0.5)); /* two per second: one step */
	ck_assert(out_scalar(hm, "position") == 2);
	ck_assert(hm->ops->tick(hm, 2.0)); /* to the end, and it stops there */
	ck_assert(out_scalar(hm, "position") == 4);
	ck_assert(!hm->animating);
	ck_assert(!hm->ops->tick(hm, 1.0));
	ck_assert_uint_eq(wt_key(st, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(st, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(out_scalar(hm, "position") == 3); /* the stepper's third stage */
	wt_close(&t);
}
END_TEST

/* Wider than 76 columns the numbers stay; narrower, shades with a legend; at 160 the
 * same numbers with room to spare. Signed values: negative shades in their own glyphs. */
START_TEST(heatmap_shades_when_numbers_do_not_fit)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget heatmap id=w rows=3 cols=12 title=\"Attention weights\" values="
		    "0.9,-0.5,0.1,0,0.2,0.3,-0.95,0.05,0.5,0.6,-0.2,0.7,"
		    "0.1,0.2,-0.3,0.4,-0.5,0.6,-0.7,0.8,-0.9,1,0,0.25,"
		    "-1,-0.75,-0.5,-0.25,0,0.25,0.5,0.75,1,0.1,-0.1,0 "
		    "window=1 window_cols=12\nalt: w\n@end\n");
	in = wt_get(&t, "w");
	ck_assert_int_eq(in->ops->height(in, 76), 5);  /* title, rows, window */
	ck_assert_int_eq(in->ops->height(in, 40), 6);  /* and the legend */
	wt_golden("heatmap-wide-76", in, 76);
	wt_golden("heatmap-wide-160", in, 160);
	wt_golden("heatmap-wide-40", in, 40);
	wt_golden("heatmap-wide-20", in, 20);
	wt_close(&t);
}
END_TEST

START_TEST(heat_levels_tell_signs_apart)
{
	HeatScale s;
	double v[] = {3, -9, NAN, 1};
	Caps mono = {true, 0}, ascii = {false, 0};
	int k;

	heat_scale(&s, v, 4, NULL, NULL);
	ck_assert(s.diverging);
	ck_assert(s.lo == -9 && s.hi == 3 && s.span == 9);
	ck_assert_int_eq(heat_level(&s, -9), -HEAT_LEVELS);
	ck_assert_int_eq(heat_level(&s, 3), 2); /* a third of the span: the second level */
	ck_assert_int_eq(heat_level(&s, 0), 0);
	ck_assert_int_eq(heat_level(&s, NAN), 0);
	/* No glyph of one sign is a glyph of the other, in Unicode or ASCII. */
	for (k = 1; k <= HEAT_LEVELS; k++) {
		int j;
		for (j = 1; j <= HEAT_LEVELS; j++) {
			ck_assert_str_ne(heat_glyph(k, mono), heat_glyph(-j, mono));
			ck_assert_str_ne(heat_glyph(k, ascii), heat_glyph(-j, ascii));
		}
		ck_assert_str_ne(heat_glyph(k, ascii), heat_glyph(0, ascii));
	}
	/* A scale from 0.2 to 0.8: the bottom is level 0, the top the last. */
	heat_scale(&s, v, 0, &(double){0.2}, &(double){0.8});
	ck_assert(!s.diverging);
	ck_assert_int_eq(heat_level(&s, 0.2), 0);
	ck_assert_int_eq(heat_level(&s, 0.8), HEAT_LEVELS);
	ck_assert_int_eq(heat_level(&s, 5), HEAT_LEVELS);
	ck_assert_int_eq(heat_level(&s, 0.5), 2);
	/* Flat values get a range that holds them. */
	heat_scale(&s, (double[]){-2, -2}, 2, NULL, NULL);
	ck_assert(s.lo == -2 && s.hi == 0);
	heat_scale(&s, (double[]){0}, 1, NULL, NULL);
	ck_assert(s.lo == 0 && s.hi == 1);
}
END_TEST

static Suite *heatmap_suite(void)
{
	Suite *s = suite_create("heatmap");
	TCase *tc = tcase_create("heatmap");

	tcase_add_test(tc, heatmap_pools_with_its_window);
	tcase_add_test(tc, heatmap_convolves_with_a_kernel);
	tcase_add_test(tc, heatmap_reads_a_grid_that_changes);
	tcase_add_test(tc, heatmap_obeys_the_animation_contract);
	tcase_add_test(tc, heatmap_shades_when_numbers_do_not_fit);
	tcase_add_test(tc, heat_levels_tell_signs_apart);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(heatmap_suite());
}
