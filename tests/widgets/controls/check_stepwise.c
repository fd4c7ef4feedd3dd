/* check_stepwise.c: the live control of a @steps block: one step shown at first, keys
 * that reveal and hide (and go back to the player at either end), its row drawn in
 * UTF-8 and ASCII, focused or not, the step reached kept through a Store, and the
 * widgets inside its steps started like any other. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/controls/stepwise.h"
#include "widgets/wtest.h"

static const char proof[] =
	"@steps id=proof Why (a+b)² = a² + 2ab + b²\n"
	"@step Write the square as a product.\n(a+b)² = (a+b)(a+b).\n"
	"@step Multiply each term by each term.\na·a + a·b + b·a + b·b.\n"
	"@step Collect the two middle terms.\n"
	"@widget slider id=a label=\"a\" range=0..3 value=1\nalt: a\n@end\n"
	"@widget readout id=sq label=\"a squared\" of=a\nalt: r\n@end\n"
	"@end\n";

START_TEST(keys_reveal_and_hide)
{
	WTest t;
	Instance *in;

	wt_open(&t, proof);
	in = wt_get(&t, "proof");
	ck_assert_ptr_eq(in->ops, &stepwise_ops);
	ck_assert_ptr_null(in->kind);
	ck_assert(!in->goal);
	ck_assert_int_eq(stepwise_shown(in), 1);
	ck_assert_int_eq(in->ops->height(in, 40), 1);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_IGNORED); /* the first: the player's */
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(stepwise_shown(in), 2);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(stepwise_shown(in), 3);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_IGNORED); /* all shown: Space pages on */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	ck_assert_int_eq(stepwise_shown(in), 3);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_int_eq(stepwise_shown(in), 2);
	ck_assert_uint_eq(wt_char(in, 'j'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED);
	/* not a @steps control: nothing shown */
	ck_assert_int_eq(stepwise_shown(wt_get(&t, "a")), 0);
	ck_assert_int_eq(stepwise_shown(NULL), 0);
	wt_close(&t);
}
END_TEST

START_TEST(drawn_as_one_row)
{
	WTest t;
	Instance *in;

	wt_open(&t, proof);
	in = wt_get(&t, "proof");
	wt_golden("stepwise-first", in, 60);
	wt_char(in, ' ');
	wt_golden("stepwise-second", in, 60);
	wt_char(in, ' ');
	wt_golden("stepwise-all", in, 60);
	/* At 24 columns only the count fits: the keys are left out, not cut. */
	wt_key(in, K_LEFT);
	wt_golden("stepwise-narrow", in, 24);
	wt_close(&t);
}
END_TEST

/* The widgets of the steps are live whatever is shown: one reads another. */
START_TEST(widgets_inside_steps_are_started)
{
	WTest t;
	double v = -1;

	wt_open(&t, proof);
	ck_assert(wt_get(&t, "a")->ready);
	ck_assert(scene_value(&t.scene, "sq", &v));
	ck_assert(v == 1);
	wt_close(&t);
}
END_TEST

START_TEST(kept_through_a_store)
{
	WTest t;
	MemStore m;
	Instance *in;

	memstore_init(&m);
	wt_open(&t, proof);
	in = wt_get(&t, "proof");
	wt_key(in, K_RIGHT);
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "shown"), "2");
	wt_close(&t);
	wt_open(&t, proof);
	in = wt_get(&t, "proof");
	in->ops->restore(in, &m.store);
	ck_assert_int_eq(stepwise_shown(in), 2);
	/* a value out of range or not a number is ignored */
	m.store.set(m.store.ctx, "shown", "9");
	in->ops->restore(in, &m.store);
	ck_assert_int_eq(stepwise_shown(in), 2);
	m.store.set(m.store.ctx, "shown", "2x");
	in->ops->restore(in, &m.store);
	ck_assert_int_eq(stepwise_shown(in), 2);
	m.store.set(m.store.ctx, "shown", "0");
	in->ops->restore(in, &m.store);
	ck_assert_int_eq(stepwise_shown(in), 2);
	wt_close(&t);
}
END_TEST

static Suite *stepwise_suite(void)
{
	Suite *s = suite_create("stepwise");
	TCase *tc = tcase_create("stepwise");

	tcase_add_test(tc, keys_reveal_and_hide);
	tcase_add_test(tc, drawn_as_one_row);
	tcase_add_test(tc, widgets_inside_steps_are_started);
	tcase_add_test(tc, kept_through_a_store);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(stepwise_suite());
}
