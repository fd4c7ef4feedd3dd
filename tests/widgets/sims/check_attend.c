/* check_attend.c: the attend kind on a small example of its own: goldens at 40, 76
 * and 160 columns in UTF-8 and ASCII, the keys at their edges, and directives whose
 * vectors do not match the tokens shown as a problem rather than started. The worked
 * numbers are checked against a softmax written out in check_r_attention.c. */
#include <config.h>

#include "testlib.h"
#include "widgets/wtest.h"

static WTest t;

static const char body[] =
    "@widget attend id=att tokens=I,saw,her dk=2 q=1,0,0,1,1,1 k=1,0,0,1,1,1 "
    "v=1,0,0,1,0.5,0.5\n"
    "alt: a small attention.\n"
    "@end\n";

static void teardown(void)
{
	wt_close(&t);
}

START_TEST(goldens)
{
	Instance *in;

	wt_open(&t, body);
	in = wt_get(&t, "att");
	wt_golden("attend-76", in, 76);
	wt_golden("attend-40", in, 40);
	wt_golden("attend-160", in, 160);
	wt_char(in, 'm');
	wt_key(in, K_UP);
	wt_golden("attend-masked", in, 76);
}
END_TEST

START_TEST(keys_at_their_edges)
{
	Instance *in;

	wt_open(&t, body);
	in = wt_get(&t, "att");
	ck_assert_int_eq(wt_key(in, K_DOWN), WIDGET_IGNORED); /* the last query: the page's */
	ck_assert(wt_key(in, K_UP) & WIDGET_HANDLED);
	ck_assert(wt_key(in, K_UP) & WIDGET_HANDLED);
	ck_assert_int_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	ck_assert(wt_char(in, ']') & WIDGET_HANDLED);
	ck_assert_int_eq(wt_char(in, ']'), WIDGET_HANDLED); /* d_k at its largest: no redraw */
	ck_assert_int_eq(wt_char(in, 'x'), WIDGET_IGNORED);
}
END_TEST

START_TEST(mismatched_vectors_are_a_problem)
{
	Instance *in;

	wt_open(&t, "@widget attend id=att tokens=a,b,c dk=2 q=1,0,0,1 k=1,0,0,1,1,1 "
	            "v=1,0,0,1,1,1\nalt: x\n@end\n");
	in = scene_find(&t.scene, "att"); /* not started: no numbers to read */
	ck_assert(in == NULL || in->failed);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("attend");
	TCase *tc = tcase_create("attend");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, goldens);
	tcase_add_test(tc, keys_at_their_edges);
	tcase_add_test(tc, mismatched_vectors_are_a_problem);
	suite_add_tcase(s, tc);
	return test_main(s);
}
