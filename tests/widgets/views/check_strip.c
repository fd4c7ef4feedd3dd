/* check_strip.c: the strip kind: an RNN unrolled over four steps (goldens at 40, 76 and
 * 160 columns, UTF-8 and ASCII), stepping by keys and by the animation contract, the
 * state published at each step, states read from a pixel grid, a long sequence cut
 * around the current step, and seq2seq with steps left empty. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/wtest.h"

static const char rnn[] =
	"@widget strip id=rnn in=the,cat,sat,on out=cat,sat,on,mat units=3 "
	"values=0.1,-0.5,0.9,0.3,0.2,-0.1,-0.8,0.7,0.4,0.6,-0.3,0 title=\"An RNN, unrolled\"\n"
	"alt: r\n@end\n";

static double step_of(Instance *in)
{
	Data d;

	ck_assert(scene_output(in, "step", 0, &d));
	return d.scalar;
}

START_TEST(strip_steps_through_a_sequence)
{
	WTest t;
	Instance *in;
	Data d;

	wt_open(&t, rnn);
	in = wt_get(&t, "rnn");
	ck_assert_ptr_eq(in->kind, &strip_kind);
	ck_assert_int_eq(in->ops->height(in, 76), 7); /* title, in, ↓, h, ↓, out, status */
	ck_assert(step_of(in) == 1);
	ck_assert(scene_output(in, "state", 0, &d));
	ck_assert_uint_eq(d.n, 3);
	ck_assert(d.v[0] == 0.1 && d.v[1] == -0.5 && d.v[2] == 0.9);
	wt_golden("strip-rnn-40", in, 40);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(scene_output(in, "state", 0, &d));
	ck_assert(d.v[0] == 0.3 && d.v[1] == 0.2 && d.v[2] == -0.1);
	wt_golden("strip-rnn-76", in, 76);
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(step_of(in) == 4);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	wt_golden("strip-rnn-160", in, 160);
	ck_assert_uint_eq(wt_key(in, K_HOME), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(step_of(in) == 1);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

START_TEST(strip_plays_and_reads_a_matrix)
{
	WTest t;
	Instance *in, *px;
	Data d;
	AnimState a;

	wt_open(&t, "@widget grid id=px rows=3 cols=4 cells=0,0.5,1,0,1,1,0,0,0.25,0,0,1\n"
		    "alt: p\n@end\n@widget strip id=s states=px:pixels in=a,b,c style=spark\n"
		    "alt: s\n@end\n@widget animation id=play target=s autoplay=yes\nalt: a\n@end\n");
	in = wt_get(&t, "s");
	px = wt_get(&t, "px");
	ck_assert(anim_get(in, &a));
	ck_assert_int_eq(a.steps, 3);
	ck_assert(a.playing && in->animating);
	ck_assert(in->ops->tick(in, 1.0));
	ck_assert(step_of(in) == 2);
	ck_assert(scene_output(in, "state", 0, &d));
	ck_assert(d.v[0] == 1 && d.v[1] == 1 && d.v[2] == 0);
	wt_golden("strip-spark", in, 40);
	ck_assert(in->ops->tick(in, 5.0));
	ck_assert(step_of(in) == 3 && !in->animating);
	/* The state follows the grid's pixels. */
	wt_char(px, ' '); /* (0, 0) on: row 1, not the one shown */
	ck_assert(scene_output(in, "state", 0, &d));
	ck_assert(d.v[0] == 0.25);
	wt_close(&t);
}
END_TEST

START_TEST(strip_cuts_a_long_sequence_around_its_step)
{
	WTest t;
	Instance *in;
	char *text, *h;
	int i;

	wt_open(&t, "@widget strip id=s in=a,b,c,d,e,f,g,h,i,j,k,l units=1 "
		    "values=1,2,3,4,5,6,7,8,9,10,11,12\nalt: s\n@end\n"
		    "@widget strip id=tr in=le,chat,noir,_,_ out=_,_,_,the,black "
		    "title=\"Encoder, then decoder\"\nalt: t\n@end\n");
	in = wt_get(&t, "s");
	text = wt_draw(in, 40, wt_ascii, false);
	/* The states' row (the third): the start is shown, the end is cut. */
	h = strchr(strchr(text, '\n') + 1, '\n') + 1;
	ck_assert(strncmp(h, "..", 2) != 0);
	ck_assert(strstr(h, "..") < strchr(h, '\n') && strstr(h, "..") != NULL);
	free(text);
	for (i = 0; i < 6; i++)
		wt_key(in, K_RIGHT);
	wt_golden("strip-long", in, 40);
	text = wt_draw(in, 40, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, " g "));
	ck_assert_ptr_null(strstr(text, " a "));
	free(text);
	wt_golden("strip-seq2seq", wt_get(&t, "tr"), 76);
	wt_close(&t);
}
END_TEST

static Suite *strip_suite(void)
{
	Suite *s = suite_create("strip");
	TCase *tc = tcase_create("strip");

	tcase_add_test(tc, strip_steps_through_a_sequence);
	tcase_add_test(tc, strip_plays_and_reads_a_matrix);
	tcase_add_test(tc, strip_cuts_a_long_sequence_around_its_step);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(strip_suite());
}
