/* check_plot.c: the plot widget: activation curves with their slopes and a cursor that
 * reads f(z) and f'(z) out (hand-computed values), the cursor moved by keys or by a
 * slider, the function chosen by a choice widget, curves left unnamed (names=no), the
 * cursor kept in progress, and the chart data other widgets feed (thinning, lines,
 * scatter over a field, histogram, bars), drawn to golden text in UTF-8 and ASCII. */
#include <config.h>

#include <math.h>

#include "widgets/wtest.h"
#include "widgets/core/visual.h"

static WTest t;

static void teardown(void)
{
	wt_close(&t);
}

START_TEST(sigmoid_slope_and_cursor)
{
	Instance *in;
	char *text;

	wt_open(&t, "@widget plot id=lab fn=sigmoid x=-6..6 slope=yes cursor=0.7\nalt: x\n@end\n");
	in = wt_get(&t, "lab");
	/* sigmoid(0.7) = 0.66818777; its slope s(1 - s) = 0.22171287 */
	ck_assert_double_eq_tol(wt_value(&t, "lab"), 0.6681877721681662, 1e-12);
	text = wt_draw(in, 60, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "z = 0.70   σ(z) = 0.668   σ′(z) = 0.222"));
	free(text);
	text = wt_draw(in, 60, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "z = 0.70   sigmoid(z) = 0.668   sigmoid'(z) = 0.222"));
	free(text);
	wt_golden_plain("plot-sigmoid-slope", in, 60);
}
END_TEST

START_TEST(keys_move_the_cursor)
{
	Instance *in;
	MemStore m;

	wt_open(&t, "@widget plot id=lab fn=tanh x=-3..3 step=0.5\nalt: x\n@end\n");
	in = wt_get(&t, "lab");
	ck_assert(!scene_value(&t.scene, "lab", &(double){0}));                 /* no cursor yet */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW); /* at 0 */
	ck_assert_double_eq(wt_value(&t, "lab"), 0);
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	ck_assert_double_eq_tol(wt_value(&t, "lab"), tanh(1.0), 1e-12);
	wt_key(in, K_END);
	ck_assert_double_eq_tol(wt_value(&t, "lab"), tanh(3.0), 1e-12);
	wt_key(in, K_RIGHT); /* stays at the end */
	ck_assert_double_eq_tol(wt_value(&t, "lab"), tanh(3.0), 1e-12);
	wt_key(in, K_HOME);
	wt_char(in, 'l');
	ck_assert_double_eq_tol(wt_value(&t, "lab"), tanh(-2.5), 1e-12);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	wt_golden_plain("plot-tanh-keys", in, 50);
	memstore_init(&m);
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "cursor"), "-2.5");
	wt_close(&t);
	wt_open(&t, "@widget plot id=lab fn=tanh x=-3..3 step=0.5\nalt: x\n@end\n");
	in = wt_get(&t, "lab");
	in->ops->restore(in, &m.store);
	ck_assert_double_eq_tol(wt_value(&t, "lab"), tanh(-2.5), 1e-12);
}
END_TEST

START_TEST(slider_moves_the_cursor)
{
	Instance *in;

	wt_open(&t, "@widget slider id=z label=z range=-6..6 value=0 step=0.5\nalt: x\n@end\n"
		    "@widget plot id=three fn=sigmoid,tanh,relu x=-6..6 y=-1.5..1.5 input=z "
		    "title=\"Three activation functions\"\nalt: x\n@end\n");
	in = wt_get(&t, "three");
	ck_assert_double_eq_tol(wt_value(&t, "three"), 0.5, 1e-12);
	wt_key(wt_get(&t, "z"), K_RIGHT);
	wt_key(wt_get(&t, "z"), K_RIGHT); /* z = 1 */
	ck_assert_double_eq_tol(wt_value(&t, "three"), 1 / (1 + exp(-1.0)), 1e-12);
	/* The slider has the cursor: the plot's own keys are the page's. */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	ck_assert_int_eq(in->ops->height(in, 70), 1 + 12 + 3);
	wt_golden_plain("plot-three-input", in, 70);
}
END_TEST

START_TEST(choice_names_the_function)
{
	wt_open(&t,
		"@widget choice id=f label=f options=step,sigmoid,tanh,relu,leakyrelu value=relu\n"
		"alt: x\n@end\n"
		"@widget plot id=lab fn=sigmoid fn_from=f cursor=-1\nalt: x\n@end\n");
	ck_assert_double_eq(wt_value(&t, "lab"), 0); /* relu(-1) */
	wt_key(wt_get(&t, "f"), K_RIGHT);            /* leakyrelu */
	ck_assert_double_eq_tol(wt_value(&t, "lab"), -0.01, 1e-15);
	wt_golden_plain("plot-choice-leaky", wt_get(&t, "lab"), 50);
}
END_TEST

/* names=no: a mystery curve is read out (and listed in the legend) as f, g..., never
 * by the function's name. */
START_TEST(mystery_curves_are_not_named)
{
	Instance *in;
	char *text;

	wt_open(&t,
		"@widget plot id=a fn=tanh x=-4..4 y=-1.2..1.2 names=no cursor=1\n"
		"alt: x\n@end\n"
		"@widget plot id=b fn=softplus,relu slope=yes names=no cursor=0\nalt: x\n@end\n");
	in = wt_get(&t, "a");
	ck_assert_double_eq_tol(wt_value(&t, "a"), tanh(1.0), 1e-12);
	text = wt_draw(in, 60, wt_utf8, false);
	ck_assert_msg(strstr(text, "z = 1.00   f(z) = 0.762   f′(z) = 0.420") != NULL, "%s", text);
	ck_assert_ptr_null(strstr(text, "tanh"));
	free(text);
	text = wt_draw(in, 60, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "z = 1.00   f(z) = 0.762   f'(z) = 0.420"));
	free(text);
	wt_golden_plain("plot-mystery", in, 60);
	text = wt_draw(wt_get(&t, "b"), 60, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "g′(z)"));
	ck_assert_ptr_null(strstr(text, "ReLU"));
	ck_assert_ptr_null(strstr(text, "softplus"));
	free(text);
}
END_TEST

/* panels=yes: each curve in a chart of its own, captioned f(z) to k(z) with names=no,
 * four side by side at 76 columns and two by two at 40; no cursor, no tab stop. */
START_TEST(panels_side_by_side)
{
	Instance *in;
	char *text, *p;
	int n = 0;

	wt_open(&t, "@widget plot id=p fn=relu,tanh,step,sigmoid x=-4..4 y=-1.2..2.2 names=no "
		    "panels=yes height=6\nalt: x\n@end\n");
	in = wt_get(&t, "p");
	ck_assert(!in->ops->focusable(in));
	ck_assert_int_eq(in->ops->height(in, 76), 7);
	ck_assert_int_eq(in->ops->height(in, 40), 14);
	text = wt_draw(in, 76, wt_utf8, false);
	ck_assert_msg(strstr(text, "f(z)               g(z)               h(z)               k(z)") !=
			  NULL,
		      "%s", text);
	for (p = text; (p = strstr(p, "0┤")) != NULL; p++)
		n++;
	ck_assert_int_eq(n, 4); /* four charts, each with its own axis */
	ck_assert_ptr_null(strstr(text, "ReLU"));
	ck_assert_ptr_null(strstr(text, "tanh"));
	ck_assert_ptr_null(strstr(text, "z = ")); /* no read-out */
	free(text);
	text = wt_draw(in, 40, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "f(z)"));
	ck_assert_ptr_nonnull(strstr(text, "k(z)"));
	ck_assert_ptr_null(strstr(text, "g(z)               h(z)")); /* g ends a row */
	free(text);
	wt_golden_plain("plot-panels", in, 76);
}
END_TEST

START_TEST(appending_thins_a_full_series)
{
	PlotData d;
	int k, i;

	ck_assert_int_eq(plotdata_init(&d, PLOTDATA_LINES, 8), 0);
	k = plotdata_add_series(&d, "loss", COLOUR_NONE, 0);
	ck_assert_int_eq(k, 0);
	for (i = 0; i < 8; i++)
		plotdata_append(&d, k, i, 10 - i);
	ck_assert_uint_eq(d.series[0].n, 8);
	plotdata_append(&d, k, 8, 2); /* full: 0 2 4 6, then 8 */
	ck_assert_uint_eq(d.series[0].n, 5);
	ck_assert_uint_eq(d.series[0].every, 2);
	ck_assert_double_eq(d.series[0].x[3], 6);
	ck_assert_double_eq(d.series[0].x[4], 8);
	plotdata_append(&d, k, 9, 1); /* not kept, but drawn as the newest point */
	ck_assert_uint_eq(d.series[0].n, 5);
	ck_assert_double_eq(d.series[0].last_x, 9);
	for (i = 10; i < 1000; i++)
		plotdata_append(&d, k, i, 1000.0 / i);
	ck_assert_uint_le(d.series[0].n, 8);
	ck_assert_double_eq(d.series[0].x[0], 0);
	plotdata_append(&d, 7, 0, 0); /* no such series: ignored */
	plotdata_clear(&d);
	ck_assert_uint_eq(d.series[0].n, 0);
	ck_assert_int_eq(d.nseries, 1);
	plotdata_free(&d);
}
END_TEST

/* Feeds a chart widget as a trainer would: two loss curves racing. */
START_TEST(fed_line_chart)
{
	Instance *in;
	PlotData *d;
	int a, b, i;

	wt_open(&t, "@widget plot id=loss chart=lines height=10 title=Loss\nalt: x\n@end\n"
		    "@widget plot id=curves fn=relu\nalt: x\n@end\n");
	in = wt_get(&t, "loss");
	ck_assert_ptr_null(plot_widget_data(wt_get(&t, "curves")));
	d = plot_widget_data(in);
	ck_assert_ptr_nonnull(d);
	a = plotdata_add_series(d, "train", COLOUR_NONE, 0);
	b = plotdata_add_series(d, "test", COLOUR_NONE, 0);
	for (i = 0; i <= 40; i++) {
		plotdata_append(d, a, i, exp(-i / 10.0));
		plotdata_append(d, b, i, exp(-i / 12.0) + 0.05);
	}
	ck_assert_int_eq(in->ops->height(in, 50), 11);
	ck_assert(!scene_value(&t.scene, "loss", &(double){0}));
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	wt_golden_plain("plot-fed-lines", in, 50);
}
END_TEST

START_TEST(fed_field_histogram_and_bars)
{
	PlotData *d;
	double *f;
	int i, j, k;

	wt_open(&t, "@widget plot id=field chart=field height=10\nalt: x\n@end\n"
		    "@widget plot id=hist chart=histogram height=8\nalt: x\n@end\n"
		    "@widget plot id=probs chart=bars height=3\nalt: x\n@end\n");
	/* A decision boundary x + y = 0 with four points on top. */
	d = plot_widget_data(wt_get(&t, "field"));
	d->opts.x0 = d->opts.y0 = -1;
	d->opts.x1 = d->opts.y1 = 1;
	d->contour = 0;
	f = plotdata_field(d, 16, 8);
	ck_assert_ptr_nonnull(f);
	for (j = 0; j < 8; j++)
		for (i = 0; i < 16; i++)
			f[j * 16 + i] = tanh(2 * ((i + 0.5) / 8 - 1 + 1 - (j + 0.5) / 4));
	plotdata_class_name(d, 0, "blue");
	plotdata_class_name(d, 1, "orange");
	ck_assert(plotdata_point(d, -0.5, -0.5, 0));
	ck_assert(plotdata_point(d, 0.5, 0.5, 1));
	ck_assert(plotdata_point(d, -0.5, 0.7, 0));
	ck_assert(plotdata_point(d, 0.6, -0.2, 1));
	/* A histogram of 200 values. */
	d = plot_widget_data(wt_get(&t, "hist"));
	k = plotdata_add_series(d, NULL, COLOUR_NONE, 0);
	d->nbins = 10;
	for (i = 0; i < 200; i++)
		plotdata_append(d, k, i, sin(i * 0.37) + sin(i * 0.11));
	/* Softmax probabilities as bars. */
	d = plot_widget_data(wt_get(&t, "probs"));
	d->bar_opts.lo = 0;
	d->bar_opts.hi = 1;
	d->bar_opts.highlight = 1;
	ck_assert_int_eq(plotdata_bar(d, "cat", 0.2), 0);
	ck_assert_int_eq(plotdata_bar(d, "dog", 0.7), 1);
	ck_assert_int_eq(plotdata_bar(d, "fox", 0.3), 2);
	plotdata_bar_set(d, 2, 0.1);
	wt_golden_plain("plot-fed-field", wt_get(&t, "field"), 40);
	wt_golden_plain("plot-fed-hist", wt_get(&t, "hist"), 40);
	wt_golden_plain("plot-fed-bars", wt_get(&t, "probs"), 40);
}
END_TEST

START_TEST(a_chart_shows_what_data_gives)
{
	/* Bars of a computed table's live row: they follow the slider, through the scene
	 * (a key changes the slider; the plot, watching, refreshes from the new version). */
	WTest w;
	Instance *z, *bars;
	char *text;

	wt_open(&w, "@widget slider id=z label=z range=-4..4 value=0 step=1\nalt: s\n@end\n"
		    "@widget table id=acts inputs=-1,1 fn=sigmoid input=z\nalt: t\n@end\n"
		    "@widget plot id=b chart=bars data=acts:live height=4\nalt: b\n@end\n"
		    "@widget plot id=s chart=bars data=acts:column height=4\nalt: c\n@end\n");
	z = wt_get(&w, "z");
	bars = wt_get(&w, "b");
	text = wt_draw(bars, 50, wt_ascii, false);
	ck_assert_msg(strstr(text, "0.5"), "%s", text); /* z = 0: sigma(0) = 0.5 */
	free(text);
	ck_assert(wt_key(z, K_RIGHT) & WIDGET_HANDLED); /* z = 1 */
	scene_changed(&w.scene);                        /* as the player does after a key */
	text = wt_draw(bars, 50, wt_ascii, false);
	ck_assert_msg(strstr(text, "0.73"), "%s", text); /* sigma(1) = 0.731 */
	free(text);
	text = wt_draw(wt_get(&w, "s"), 50, wt_ascii, false); /* the fixed column */
	ck_assert_msg(strstr(text, "0.27") && strstr(text, "0.73"), "%s", text);
	free(text);
	wt_close(&w);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("plot");
	TCase *tc = tcase_create("plot");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, sigmoid_slope_and_cursor);
	tcase_add_test(tc, keys_move_the_cursor);
	tcase_add_test(tc, slider_moves_the_cursor);
	tcase_add_test(tc, choice_names_the_function);
	tcase_add_test(tc, mystery_curves_are_not_named);
	tcase_add_test(tc, panels_side_by_side);
	tcase_add_test(tc, fed_line_chart);
	tcase_add_test(tc, fed_field_histogram_and_bars);
	tcase_add_test(tc, a_chart_shows_what_data_gives);
	suite_add_tcase(s, tc);
	tc = tcase_create("plotdata");
	tcase_add_test(tc, appending_thins_a_full_series);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
