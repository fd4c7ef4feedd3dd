/* check_steps.c: the stepper and the animation controller: drawings in UTF-8 and
 * ASCII, stepping by keys, a target that follows, playing by the clock with speed,
 * autoplay and loop, and the stage kept through a Store. */
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

static const char proof[] =
	"@widget stepper id=proof steps=\"Start: (a+b)² means (a+b)(a+b).\",\"Expand: a·a + "
	"a·b + b·a + b·b, each term of one bracket times each of the other.\",\"Collect: a² + "
	"2ab + b².\",Done\nalt: p\n@end\n";

START_TEST(stepper_steps_through_its_stages)
{
	WTest t;
	Instance *in;

	wt_open(&t, proof);
	in = wt_get(&t, "proof");
	ck_assert_ptr_eq(in->kind, &stepper_kind);
	ck_assert(value_of(&t, "proof") == 1);
	ck_assert_int_eq(in->ops->height(in, 50), 3); /* the longest description: 2 rows */
	wt_golden("stepper-first", in, 50);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_IGNORED); /* the first: the player's */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "proof") == 2);
	wt_golden("stepper-second", in, 50);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "proof") == 4);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_IGNORED); /* the last: Space pages on */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_HOME), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "proof") == 1);
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "proof") == 3);
	ck_assert_uint_eq(wt_char(in, 'j'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

static const char layers[] =
	"@widget stepper id=layers steps=Tokens,Embed,Attention,\"Feed forward\",Norm,Head,"
	"Softmax,Sample start=5\nalt: s\n@end\n";

START_TEST(stepper_keeps_the_current_stage_in_view)
{
	WTest t;
	Instance *in;

	wt_open(&t, layers);
	in = wt_get(&t, "layers");
	ck_assert_int_eq(in->ops->height(in, 40), 1);
	wt_golden("stepper-window", in, 40);
	wt_key(in, K_HOME);
	wt_golden("stepper-window-start", in, 40);
	wt_close(&t);
}
END_TEST

START_TEST(stepper_keeps_its_stage)
{
	WTest t;
	MemStore m;
	Instance *in;

	memstore_init(&m);
	wt_open(&t, layers);
	in = wt_get(&t, "layers");
	wt_key(in, K_RIGHT);
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "stage"), "6");
	wt_close(&t);
	wt_open(&t, layers);
	in = wt_get(&t, "layers");
	ck_assert(value_of(&t, "layers") == 5);
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "layers") == 6);
	m.store.set(m.store.ctx, "stage", "9"); /* out of range: left alone */
	in->ops->restore(in, &m.store);
	ck_assert(value_of(&t, "layers") == 6);
	wt_close(&t);
}
END_TEST

/* A stepper that drives another stepper: the follower shows the same stage. */
static const char follow[] = "@widget stepper id=view steps=A,B,C,D,E\nalt: v\n@end\n"
			     "@widget stepper id=lead steps=a,b,c,d,e start=3 target=view\n"
			     "alt: l\n@end\n";

START_TEST(stepper_target_follows)
{
	WTest t;
	Instance *in;

	wt_open(&t, follow);
	in = wt_get(&t, "lead");
	ck_assert(value_of(&t, "view") == 3); /* started at 3 with its leader */
	wt_key(in, K_RIGHT);
	ck_assert(value_of(&t, "view") == 4);
	wt_key(in, K_LEFT);
	wt_key(in, K_LEFT);
	ck_assert(value_of(&t, "view") == 2);
	wt_key(in, K_END);
	ck_assert(value_of(&t, "view") == 5);
	ck_assert(!wt_get(&t, "view")->animating);
	/* Moved by something else, the follower is brought back at the next stage. */
	wt_key(wt_get(&t, "view"), K_HOME);
	ck_assert(value_of(&t, "view") == 1);
	wt_key(in, K_LEFT);
	ck_assert(value_of(&t, "view") == 4);
	wt_close(&t);
}
END_TEST

static const char player[] = "@widget stepper id=st steps=One,Two,Three,Four,Five\nalt: s\n@end\n"
			     "@widget animation id=play target=st speed=2\nalt: a\n@end\n";

START_TEST(animation_plays_pauses_steps_and_replays)
{
	WTest t;
	Instance *in, *st;
	AnimState a;

	wt_open(&t, player);
	in = wt_get(&t, "play");
	st = wt_get(&t, "st");
	ck_assert_ptr_eq(in->kind, &animation_kind);
	ck_assert(!scene_animating(&t.scene));
	wt_golden("animation-paused", in, 60);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(st->animating && scene_animating(&t.scene));
	/* Two steps a second: 0.4 s is not yet a step, 0.2 s more is one. */
	ck_assert(!scene_tick(&t.scene, 0.4));
	ck_assert(value_of(&t, "st") == 1);
	ck_assert(scene_tick(&t.scene, 0.2));
	ck_assert(value_of(&t, "st") == 2);
	wt_golden("animation-playing", in, 60);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW); /* pause */
	ck_assert(!scene_animating(&t.scene));
	ck_assert_uint_eq(wt_char(in, 's'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "st") == 4);
	ck_assert(!scene_animating(&t.scene));
	/* Faster: 2 -> 3 -> 5 steps a second; slower back to 3. */
	wt_char(in, '+');
	wt_char(in, '+');
	wt_char(in, '-');
	anim_get(st, &a);
	ck_assert(a.speed == 3);
	ck_assert_uint_eq(wt_char(in, 'r'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(value_of(&t, "st") == 1 && st->animating);
	/* It plays to its end and stops there. */
	scene_tick(&t.scene, 0.5);
	scene_tick(&t.scene, 0.5);
	ck_assert(value_of(&t, "st") == 4);
	scene_tick(&t.scene, 0.5);
	ck_assert(value_of(&t, "st") == 5);
	ck_assert(!scene_animating(&t.scene));
	wt_golden("animation-end", in, 60);
	/* Play at the end starts again. */
	wt_char(in, ' ');
	ck_assert(value_of(&t, "st") == 1 && st->animating);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

START_TEST(animation_autoplays_and_loops)
{
	WTest t;
	Instance *st;
	int i;

	wt_open(&t, "@widget stepper id=st steps=One,Two,Three\nalt: s\n@end\n"
		    "@widget animation id=play target=st speed=10 loop=yes autoplay=yes\n"
		    "alt: a\n@end\n");
	st = wt_get(&t, "st");
	ck_assert(st->animating);
	for (i = 0; i < 2; i++)
		scene_tick(&t.scene, 0.1);
	ck_assert(value_of(&t, "st") == 3);
	ck_assert(!st->animating && scene_animating(&t.scene)); /* the controller waits */
	scene_tick(&t.scene, 0.05);
	ck_assert(value_of(&t, "st") == 3); /* the last step shows a whole step's time */
	scene_tick(&t.scene, 0.05);
	ck_assert(value_of(&t, "st") == 1 && st->animating);
	wt_close(&t);
}
END_TEST

START_TEST(animation_starts_a_later_target_at_once)
{
	/* The target comes later in the file, but what a widget refers to is initialised
	 * first: the animation starts it from its own init. */
	WTest t;
	Instance *st, *in;

	wt_open(&t, "@widget animation id=play target=st autoplay=yes speed=0.5\nalt: a\n@end\n"
		    "@widget stepper id=st steps=One,Two,Three\nalt: s\n@end\n");
	st = wt_get(&t, "st");
	in = wt_get(&t, "play");
	ck_assert(st->animating && !in->animating); /* it watches only to loop */
	ck_assert(!scene_tick(&t.scene, 1.9));
	ck_assert(scene_tick(&t.scene, 0.1));
	ck_assert(value_of(&t, "st") == 2);
	wt_close(&t);
}
END_TEST

START_TEST(animation_without_a_player)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget switch id=sw label=\"Lamp\"\nalt: s\n@end\n"
		    "@widget animation id=play target=sw\nalt: a\n@end\n");
	in = wt_get(&t, "play");
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_IGNORED);
	ck_assert(!scene_animating(&t.scene));
	wt_golden("animation-nothing", in, 40);
	wt_close(&t);
}
END_TEST

static Suite *steps_suite(void)
{
	Suite *s = suite_create("steps");
	TCase *tc = tcase_create("steps");

	tcase_add_test(tc, stepper_steps_through_its_stages);
	tcase_add_test(tc, stepper_keeps_the_current_stage_in_view);
	tcase_add_test(tc, stepper_keeps_its_stage);
	tcase_add_test(tc, stepper_target_follows);
	tcase_add_test(tc, animation_plays_pauses_steps_and_replays);
	tcase_add_test(tc, animation_autoplays_and_loops);
	tcase_add_test(tc, animation_starts_a_later_target_at_once);
	tcase_add_test(tc, animation_without_a_player);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(steps_suite());
}
