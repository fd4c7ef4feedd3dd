/* check_diagram.c: the diagram kind: a seq2seq chain in one band at 76 columns and
 * wrapped into bands with a turn at 40 (and at 160), stages stepped by keys and by a
 * slider, what they highlight (heavy boxes, '=' in ASCII), a back edge (the GAN loop)
 * and skips (a Transformer block) through the channel, a fan-out (an MoE router),
 * values on nodes, stages that reveal, and items that name no node. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/wtest.h"

static const char seq[] =
	"@widget diagram id=d nodes=x,Encoder,context,Decoder,y edges=1>2>3>4>5 "
	"stages=\"1 2 1>2: the encoder reads x\",\"3 2>3: into one vector\",\"4 5 3>4 4>5: "
	"the decoder writes y\"\nalt: d\n@end\n";

static double stage_of(Instance *in)
{
	Data d;

	ck_assert(scene_output(in, NULL, DATA_SCALAR, &d));
	return d.scalar;
}

/* The line of text (from 0) holding needle, or -1. */
static int line_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle), *q;
	int n = 0;

	if (!p)
		return -1;
	for (q = text; q < p; q++)
		n += *q == '\n';
	return n;
}

/* A diagram with nothing to step is a picture: Tab passes it by. */
START_TEST(diagram_without_stages_is_no_tab_stop)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget diagram id=p nodes=x,Dense,y edges=1>2>3\nalt: p\n@end\n");
	in = wt_get(&t, "p");
	ck_assert(!in->ops->focusable(in));
	wt_close(&t);
}
END_TEST

START_TEST(diagram_stages_a_chain)
{
	WTest t;
	Instance *in;
	char *text;

	wt_open(&t, seq);
	in = wt_get(&t, "d");
	ck_assert_ptr_eq(in->kind, &diagram_kind);
	ck_assert(in->ops->focusable(in)); /* its stages are stepped with keys */
	ck_assert_int_eq(in->ops->height(in, 76), 4); /* one band of boxes, the stage */
	ck_assert(stage_of(in) == 1);
	text = wt_draw(in, 76, wt_ascii, false);
	/* Stage 1 highlights x and Encoder: their boxes' tops in '='; not context's. */
	ck_assert_ptr_nonnull(strstr(text, "+===+ ")); /* x: "+===+" */
	ck_assert_ptr_nonnull(strstr(text, "+---------+")); /* context, light */
	ck_assert_ptr_nonnull(strstr(text, "| x |=====>| Encoder |----->| context |"));
	ck_assert_ptr_nonnull(strstr(text, "stage 1/3: the encoder reads x"));
	free(text);
	wt_golden("diagram-seq-76", in, 76);
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(stage_of(in) == 2);
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED);
	ck_assert(stage_of(in) == 3);
	/* Narrow: two bands, the edge 3>4 turning through the left margin. */
	ck_assert_int_gt(in->ops->height(in, 40), 4);
	text = wt_draw(in, 40, wt_ascii, false);
	ck_assert_int_lt(line_of(text, "Encoder"), line_of(text, "Decoder"));
	ck_assert_int_ge(line_of(text, "\n +--->| context"), 0); /* the turn into it */
	free(text);
	wt_golden("diagram-seq-40", in, 40);
	wt_golden("diagram-seq-160", in, 160);
	wt_close(&t);
}
END_TEST

START_TEST(diagram_follows_a_number_and_shows_values)
{
	WTest t;
	Instance *in;
	char *text;

	wt_open(&t, "@widget slider id=k label=k range=0..3 value=2 step=1\nalt: k\n@end\n"
		    "@widget slider id=z label=z range=-5..5 value=1.5\nalt: z\n@end\n"
		    "@widget diagram id=g nodes=x,w,×,σ,y edges=1>3,2>3,3>4>5 values=2,_,_,_,0.95 "
		    "of=z at=2 stage=k stages=\"1 2\",\"3 1>3 2>3\",\"4 5 3>4 4>5\"\n"
		    "alt: g\n@end\n");
	in = wt_get(&t, "g");
	ck_assert(stage_of(in) == 2);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED); /* the slider sets it */
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "|  x 2  |"));
	ck_assert_ptr_nonnull(strstr(text, "| w 1.5 |"));
	ck_assert_ptr_nonnull(strstr(text, "| y 0.95 |"));
	free(text);
	wt_golden("diagram-autodiff", in, 76);
	wt_key(wt_get(&t, "k"), K_HOME);
	ck_assert(stage_of(in) == 0); /* the slider at 0: nothing highlighted */
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_ptr_null(strstr(text, "=="));
	ck_assert_ptr_nonnull(strstr(text, "stage -/3"));
	free(text);
	wt_close(&t);
}
END_TEST

START_TEST(diagram_routes_loops_skips_and_fans)
{
	WTest t;
	Instance *in;
	char *text;

	wt_open(&t, "@widget diagram id=gan nodes=z,G,fake,D,loss,real edges=1>2>3>4>5,6>4,5>2 "
		    "stages=\"5 5>2: the loss flows back to G\"\nalt: g\n@end\n"
		    "@widget diagram id=blk nodes=x,Attention,\"+\",FFN,\"+ \" "
		    "edges=1>2>3>4>5,1>3,3>5\nalt: b\n@end\n"
		    "@widget diagram id=moe nodes=x,router,E1,E2,E3,mix edges=1>2,2>3,2>4,2>5,3>6,4>6,"
		    "5>6\nalt: m\n@end\n");
	in = wt_get(&t, "gan");
	/* The back edge loss>G runs through a channel above: one more row. */
	ck_assert_int_eq(in->ops->height(in, 76), 1 + 7 + 1);
	text = wt_draw(in, 76, wt_ascii, false);
	/* The highlighted back edge runs in the channel, on the top row. */
	ck_assert_int_eq(line_of(text, "+====="), 0);
	free(text);
	wt_golden("diagram-gan", in, 76);
	in = wt_get(&t, "blk");
	ck_assert_int_eq(in->ops->height(in, 76), 2 + 3); /* two skips: two channels */
	wt_golden("diagram-block", in, 76);
	in = wt_get(&t, "moe");
	ck_assert_int_eq(in->ops->height(in, 76), 11); /* three experts stacked */
	wt_golden("diagram-moe", in, 76);
	wt_close(&t);
}
END_TEST

START_TEST(diagram_reveals_and_reports_bad_items)
{
	WTest t;
	Instance *in, *st;
	char *text;

	wt_open(&t, "@widget diagram id=d nodes=in,hidden,out edges=1>2,2>3,1>9 reveal=yes "
		    "stages=\"1 2 1>2\",\"3 2>3 7\"\nalt: d\n@end\n"
		    "@widget stepper id=st steps=a,b target=d\nalt: s\n@end\n");
	in = wt_get(&t, "d");
	st = wt_get(&t, "st");
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "hidden"));
	ck_assert_ptr_null(strstr(text, "out")); /* named by stage 2 only */
	ck_assert_ptr_nonnull(strstr(text, "(2 items of edges or stages name no node)"));
	free(text);
	wt_key(st, K_RIGHT); /* the stepper drives the diagram's stage */
	ck_assert(stage_of(in) == 2);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "out"));
	free(text);
	wt_close(&t);
}
END_TEST

static Suite *diagram_suite(void)
{
	Suite *s = suite_create("diagram");
	TCase *tc = tcase_create("diagram");

	tcase_add_test(tc, diagram_stages_a_chain);
	tcase_add_test(tc, diagram_without_stages_is_no_tab_stop);
	tcase_add_test(tc, diagram_follows_a_number_and_shows_values);
	tcase_add_test(tc, diagram_routes_loops_skips_and_fans);
	tcase_add_test(tc, diagram_reveals_and_reports_bad_items);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(diagram_suite());
}
