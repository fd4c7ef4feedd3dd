/* check_controls.c: the switch, choice and button widgets: drawings in UTF-8 and
 * ASCII, keys, values read through the scene, and state kept through a Store. */
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

START_TEST(switch_draws_and_toggles)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget switch id=x1 label=\"Input x1\" value=on\nalt: a switch\n@end\n"
		    "@widget switch id=bias label=\"Bias\" on=\"in use\" off=unused\nalt: b\n@end\n");
	in = wt_get(&t, "x1");
	ck_assert_ptr_eq(in->kind, &switch_kind);
	wt_golden("switch-on", in, 40);
	ck_assert(value_of(&t, "x1") == 1);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "x1") == 0);
	wt_golden("switch-off", in, 40);
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "x1") == 1);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED); /* already on */
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "x1") == 0);
	ck_assert_uint_eq(wt_char(in, 'j'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED);
	/* The lesson's own words; starts off by default. */
	in = wt_get(&t, "bias");
	ck_assert(value_of(&t, "bias") == 0);
	wt_golden("switch-words", in, 30);
	wt_close(&t);
}
END_TEST

START_TEST(switch_keeps_its_position)
{
	WTest t;
	MemStore m;
	Instance *in;

	memstore_init(&m);
	wt_open(&t, "@widget switch id=x1 label=\"Input x1\"\nalt: a switch\n@end\n");
	in = wt_get(&t, "x1");
	wt_char(in, ' ');
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "value"), "1");
	wt_close(&t);
	wt_open(&t, "@widget switch id=x1 label=\"Input x1\"\nalt: a switch\n@end\n");
	in = wt_get(&t, "x1");
	ck_assert(value_of(&t, "x1") == 0);
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "x1") == 1);
	m.store.set(m.store.ctx, "value", "maybe"); /* a bad value is left alone */
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "x1") == 1);
	wt_close(&t);
}
END_TEST

static const char gate[] =
	"@widget choice id=gate label=\"Gate\" options=AND,OR,NAND,NOR,XOR value=OR\nalt: g\n@end\n";

START_TEST(choice_draws_and_picks)
{
	WTest t;
	Instance *in;

	wt_open(&t, gate);
	in = wt_get(&t, "gate");
	ck_assert(value_of(&t, "gate") == 1);
	wt_golden("choice", in, 50);
	/* Too narrow for one row: the options wrap under each other, after the label. */
	ck_assert_int_eq(in->ops->height(in, 50), 1);
	ck_assert_int_eq(in->ops->height(in, 20), 3);
	wt_golden("choice-narrow", in, 20);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "gate") == 0);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED); /* the first: stays */
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "gate") == 4);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW); /* cycles */
	ck_assert(value_of(&t, "gate") == 0);
	ck_assert_uint_eq(wt_char(in, '3'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "gate") == 2);
	ck_assert_uint_eq(wt_char(in, '9'), WIDGET_IGNORED); /* no ninth option */
	/* A first letter picks the next option with it, cycling: NAND, NOR, NAND. */
	ck_assert_uint_eq(wt_char(in, 'n'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "gate") == 3);
	ck_assert_uint_eq(wt_char(in, 'N'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "gate") == 2);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "gate") == 4);
	ck_assert_uint_eq(wt_char(in, 'q'), WIDGET_IGNORED); /* no option: q quits */
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

START_TEST(choice_keeps_the_option_by_name)
{
	WTest t;
	MemStore m;
	Instance *in;

	memstore_init(&m);
	wt_open(&t, gate);
	in = wt_get(&t, "gate");
	wt_char(in, 'x');
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "value"), "XOR");
	wt_close(&t);
	/* The lesson reordered its options: the pick follows the name. */
	wt_open(&t, "@widget choice id=gate label=\"Gate\" options=XOR,AND,OR\nalt: g\n@end\n");
	in = wt_get(&t, "gate");
	ck_assert(value_of(&t, "gate") == 0);
	wt_key(in, K_END);
	ck_assert(value_of(&t, "gate") == 2);
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "gate") == 0);
	m.store.set(m.store.ctx, "value", "NAND"); /* gone from the lesson: left alone */
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "gate") == 0);
	wt_close(&t);
}
END_TEST

static const char buttons[] =
	"@widget stepper id=st steps=One,Two,Three,Four\nalt: s\n@end\n"
	"@widget button id=step label=\"Step\" action=step target=st\nalt: b\n@end\n"
	"@widget button id=play label=\"Play\" action=play target=st\nalt: b\n@end\n"
	"@widget button id=pause label=\"Pause\" action=pause target=st\nalt: b\n@end\n"
	"@widget button id=reset label=\"Reset\" action=reset target=st\nalt: b\n@end\n"
	"@widget button id=run label=\"Run\" action=run target=st\nalt: b\n@end\n"
	"@widget switch id=sw label=\"Lamp\"\nalt: s\n@end\n"
	"@widget button id=check label=\"Check\" action=check\nalt: b\n@end\n"
	"@widget button id=next label=\"Next\" action=next\nalt: b\n@end\n";

START_TEST(button_acts_on_its_target)
{
	WTest t;
	Instance *st, *in;
	AnimState a;

	wt_open(&t, buttons);
	st = wt_get(&t, "st");
	in = wt_get(&t, "step");
	wt_golden("button-step", in, 40);
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "st") == 3);
	ck_assert(value_of(&t, "step") == 2); /* presses */
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	wt_golden("button-step-pressed", in, 40);
	wt_key(wt_get(&t, "reset"), K_ENTER);
	ck_assert(value_of(&t, "st") == 1);
	anim_get(st, &a);
	ck_assert(!a.playing && !st->animating);
	wt_key(wt_get(&t, "play"), K_ENTER);
	ck_assert(st->animating);
	wt_key(wt_get(&t, "pause"), K_ENTER);
	ck_assert(!st->animating);
	wt_key(wt_get(&t, "step"), K_ENTER);
	wt_key(wt_get(&t, "run"), K_ENTER); /* from the start, playing */
	ck_assert(value_of(&t, "st") == 1);
	ck_assert(st->animating);
	/* check: Enter on the target, by default the widget before it. */
	ck_assert(value_of(&t, "sw") == 0);
	ck_assert_uint_eq(wt_key(wt_get(&t, "check"), K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "sw") == 1);
	in = wt_get(&t, "next");
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_NEXT);
	wt_golden("button-next", in, 40);
	wt_close(&t);
}
END_TEST

START_TEST(button_without_a_target_says_so)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget button id=b label=\"Go\" action=play\nalt: b\n@end\n");
	in = wt_get(&t, "b");
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	wt_golden("button-alone", in, 40);
	wt_close(&t);
}
END_TEST

START_TEST(slider_keeps_the_digits_a_learner_sees)
{
	/* 22 steps of 0.1 from -2 is 0.2, kept as "0.2": not 0.20000000000000018, which
	 * is what -2 + 22 * 0.1 gives in binary. */
	WTest t;
	Instance *in;
	MemStore m;
	int i;

	wt_open(&t, "@widget slider id=s label=x range=-2..2 value=-2 step=0.1\nalt: s\n@end\n");
	in = wt_get(&t, "s");
	for (i = 0; i < 22; i++)
		wt_key(in, K_RIGHT);
	ck_assert_str_eq(wt_saved(in, &m, "value"), "0.2");
	ck_assert(wt_value(&t, "s") == 0.2);
	wt_type(in, "0.35", true); /* typed: kept as typed */
	ck_assert_str_eq(wt_saved(in, &m, "value"), "0.35");
	wt_key(in, K_LEFT);
	ck_assert_str_eq(wt_saved(in, &m, "value"), "0.3");
	wt_close(&t);
}
END_TEST

static Suite *controls_suite(void)
{
	Suite *s = suite_create("controls");
	TCase *tc = tcase_create("controls");

	tcase_add_test(tc, switch_draws_and_toggles);
	tcase_add_test(tc, switch_keeps_its_position);
	tcase_add_test(tc, choice_draws_and_picks);
	tcase_add_test(tc, choice_keeps_the_option_by_name);
	tcase_add_test(tc, button_acts_on_its_target);
	tcase_add_test(tc, button_without_a_target_says_so);
	tcase_add_test(tc, slider_keeps_the_digits_a_learner_sees);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(controls_suite());
}
