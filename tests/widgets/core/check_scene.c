/* check_scene.c: the scene keeps what a kind's schema forbids away from the kind: a
 * directive that fails the checker becomes a stand-in showing its error (whoever
 * loaded the lesson), getters clamp to the schema, and numbers format safely. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/problem.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"
#include "widgets/wtest.h"

/* A scene made from a lesson without checking it first, as a caller that skipped
 * --check would make it. */
static void open_unchecked(WTest *t, const char *body)
{
	static const char head[] = "@lesson T-w\n@title Widgets\n@level 1\n@format 1\n\n"
				   "@unit T.w\n# Widgets\n\n";
	char text[2048];
	DiagList d;

	snprintf(text, sizeof text, "%s%s", head, body);
	diag_init(&d, 0);
	memset(t, 0, sizeof *t);
	lesson_parse(&t->lesson, "t.lesson", text, strlen(text), &d);
	ck_assert_ptr_nonnull(t->lesson);
	ck_assert_uint_eq(d.n, 0); /* it parses: only the checker objects */
	diag_free(&d);
	ck_assert_int_eq(scene_init(&t->scene, t->lesson), 0);
}

static const Instance *only(const WTest *t)
{
	ck_assert_uint_eq(t->scene.n, 1);
	return &t->scene.items[0];
}

START_TEST(out_of_range_parameters_never_reach_init)
{
	static const char *const bad[] = {
	    "@widget trainer id=b dataset=spiral lr=1e40\nalt: t\n@end\n",
	    "@widget trainer id=b dataset=spiral points=999999999\nalt: t\n@end\n",
	    "@widget slider id=s label=x range=-1..1 value=5 step=-3\nalt: t\n@end\n",
	    "@widget network id=n layers=2,99999,1\nalt: t\n@end\n",
	    "@widget plot id=p fn=nosuch\nalt: t\n@end\n",
	    "@widget readout id=r label=x of=missing\nalt: t\n@end\n",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		WTest t;
		const Instance *in;
		char *text;

		open_unchecked(&t, bad[i]);
		in = only(&t);
		ck_assert_msg(in->ops == &problem_ops && !in->kind, "case %zu was initialised", i);
		ck_assert_ptr_null(in->id); /* nothing saved, nothing read by others */
		ck_assert_ptr_null(scene_find(&t.scene, "b"));
		text = wt_draw(in, 60, wt_utf8, false);
		ck_assert_msg(strstr(text, "cannot be shown") && strstr(text, "t.lesson:9:"),
			      "case %zu: %s", i, text);
		free(text);
		wt_close(&t);
	}
}
END_TEST

START_TEST(the_error_is_shown_in_the_slot)
{
	WTest t;
	char *text;

	open_unchecked(&t, "@widget trainer id=b dataset=spiral lr=1e40\nalt: t\n@end\n");
	text = wt_draw(only(&t), 40, wt_ascii, false);
	ck_assert_str_eq(text, "This widget cannot be shown: its\n"
			       "directive has an error.\n"
			       "  t.lesson:9: lr=1e+40 is out of range:\n"
			       "  it must be from 1e-06 to 100\n");
	free(text);
	wt_close(&t);
}
END_TEST

START_TEST(a_good_directive_still_plays)
{
	WTest t;

	open_unchecked(&t, "@widget slider id=s label=x range=-1..1 value=0.5\nalt: t\n@end\n");
	ck_assert_ptr_ne(only(&t)->ops, &problem_ops);
	ck_assert_ptr_nonnull(scene_find(&t.scene, "s"));
	wt_close(&t);
}
END_TEST

START_TEST(getters_clamp_to_the_schema)
{
	/* The getters read an unchecked directive directly (as a kind would if the scene
	 * had let it through): they keep every value inside the schema too. */
	WTest t;
	Instance in;
	double v[4], lo = 0, hi = 0;

	open_unchecked(&t, "@widget network id=n layers=2,99999,0.4,1 speed=1e300\nalt: t\n"
			   "@end\n@widget slider id=s label=x range=-1e300..1e300 step=nan\n"
			   "alt: t\n@end\n");
	memset(&in, 0, sizeof in);
	in.block = t.scene.items[0].block;
	in.schema = &registry_find("network")->schema;
	ck_assert_uint_eq(widget_nums(&in, "layers", v, 4), 4);
	ck_assert_double_eq(v[0], 2);
	ck_assert_double_eq(v[1], 16); /* the schema's maximum */
	ck_assert_double_eq(v[2], 1);  /* its minimum */
	ck_assert_double_eq(widget_num(&in, "speed", 1), 10);
	in.block = t.scene.items[1].block;
	in.schema = &registry_find("slider")->schema;
	ck_assert(widget_range(&in, "range", &lo, &hi));
	ck_assert(isfinite(lo) && isfinite(hi) && lo < hi && hi <= 1e6);
	wt_close(&t);
}
END_TEST

START_TEST(numbers_format_safely_for_any_double)
{
	static const double vals[] = {1e40, -1e308, 1.7976931348623157e308, -4.9e-324, 1e15,
				      123456789.125, NAN, INFINITY, -0.0};
	char buf[72];
	size_t sizes[] = {1, 2, 3, 5, 8, 12, 64}, i, j;

	for (i = 0; i < sizeof vals / sizeof *vals; i++)
		for (j = 0; j < sizeof sizes / sizeof *sizes; j++) {
			int n;
			memset(buf, 'Z', sizeof buf);
			n = visual_num(buf, sizes[j], vals[i], 5);
			ck_assert_int_ge(n, 0);
			ck_assert_uint_lt((size_t)n, sizes[j]);
			ck_assert_uint_eq(strlen(buf), (size_t)n);
			ck_assert_int_eq(buf[sizes[j]], 'Z'); /* nothing past the end */
			n = visual_fixed(buf, sizes[j], vals[i], 4);
			ck_assert_uint_lt((size_t)n, sizes[j]);
			ck_assert_uint_eq(strlen(buf), (size_t)n);
		}
	visual_num(buf, 16, 1e40, 4);
	ck_assert_str_eq(buf, "1e+40");
	visual_num(buf, 16, -0.0004, 3);
	ck_assert_str_eq(buf, "0");
	visual_num(buf, 16, 0.125, 5);
	ck_assert_str_eq(buf, "0.125");
	visual_num(buf, 10, 123456789.125, 4); /* too long as decimals */
	ck_assert_str_eq(buf, "1.235e+08");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("scene");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, out_of_range_parameters_never_reach_init);
	tcase_add_test(tc, the_error_is_shown_in_the_slot);
	tcase_add_test(tc, a_good_directive_still_plays);
	tcase_add_test(tc, getters_clamp_to_the_schema);
	tcase_add_test(tc, numbers_format_safely_for_any_double);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
