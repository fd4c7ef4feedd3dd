/* check_cloud.c: the cloud kind: an embedding with names and a legend (goldens at 40,
 * 76 and 160 columns, UTF-8 and ASCII), a glide between frames whose middle lies
 * halfway (smoothstep's middle) and that stops by itself, a reader that glides when
 * what it reads changes (woken by the scene, idle otherwise), and frames played by an
 * animation controller. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/wtest.h"

static const char emb[] =
	"@widget cloud id=emb values=0.9,0.8,0.85,0.6,-0.7,-0.5,-0.8,-0.7,0.1,-0.9 "
	"classes=0,0,1,1,2 labels=king,queen,apple,pear,run names=royal,fruit,verb height=10\n"
	"alt: e\n@end\n";

START_TEST(cloud_shows_an_embedding)
{
	WTest t;
	Instance *in;
	char *text;

	wt_open(&t, emb);
	in = wt_get(&t, "emb");
	ck_assert_ptr_eq(in->kind, &cloud_kind);
	ck_assert_int_eq(in->ops->height(in, 76), 10);
	ck_assert(!in->animating);
	text = wt_draw(in, 76, wt_ascii, false);
	/* A marker per class, without colour: o, x and ^; the legend names them. */
	ck_assert_ptr_nonnull(strstr(text, "o royal  x fruit  ^ verb"));
	ck_assert_ptr_nonnull(strstr(text, "king o"));
	ck_assert_ptr_nonnull(strstr(text, "^ run"));
	free(text);
	wt_golden("cloud-emb-76", in, 76);
	wt_golden("cloud-emb-40", in, 40);
	wt_golden("cloud-emb-160", in, 160);
	wt_close(&t);
}
END_TEST

/* The cell (column, row) of the first character c in text, -1 when none. */
static void cell_of(const char *text, char c, int *x, int *y)
{
	const char *p = strchr(text, c), *q;

	*x = *y = -1;
	if (!p)
		return;
	*y = 0;
	for (q = text; q < p; q++)
		if (*q == '\n') {
			(*y)++;
			*x = -1;
		} else {
			(*x)++;
		}
	(*x)++;
}

/* One point from (0, 0) to (1, 1) on fixed axes: halfway in time is halfway across. */
START_TEST(cloud_glides_between_frames)
{
	WTest t;
	Instance *in;
	char *text;
	int x0, y0, x1, y1, xm, ym;
	Data d;

	wt_open(&t, "@widget cloud id=c frames=2 values=0,0,1,1 x=0..1 y=0..1 duration=0.5\n"
		    "alt: c\n@end\n");
	in = wt_get(&t, "c");
	text = wt_draw(in, 40, wt_ascii, false);
	cell_of(text, 'o', &x0, &y0);
	free(text);
	ck_assert_int_ge(x0, 0);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(in->animating);
	/* What it publishes is where the points go, at once. */
	ck_assert(scene_output(in, "points", 0, &d));
	ck_assert(d.n == 1 && d.v[0] == 1 && d.v[1] == 1);
	ck_assert(in->ops->tick(in, 0.25));
	text = wt_draw(in, 40, wt_ascii, false);
	cell_of(text, 'o', &xm, &ym);
	free(text);
	ck_assert(in->animating);
	ck_assert(in->ops->tick(in, 0.25));
	ck_assert(!in->animating); /* arrived: it stops */
	ck_assert(!in->ops->tick(in, 0.1));
	text = wt_draw(in, 40, wt_ascii, false);
	cell_of(text, 'o', &x1, &y1);
	free(text);
	ck_assert_int_gt(x1 - x0, 20);
	ck_assert_int_lt(y1, y0);
	ck_assert_int_le(abs(2 * xm - x0 - x1), 2);
	ck_assert_int_le(abs(2 * ym - y0 - y1), 2);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED); /* the last frame */
	wt_close(&t);
}
END_TEST

START_TEST(cloud_follows_what_it_reads)
{
	WTest t;
	Instance *src, *rd;
	Data d;
	unsigned long v;

	wt_open(&t, "@widget cloud id=r points=g\nalt: r\n@end\n"
		    "@widget cloud id=g frames=2 classes=0,0,1,1 "
		    "values=0,0,1,0,0,1,1,1,0.4,0.4,0.6,0.4,0.4,0.6,0.6,0.6\nalt: g\n@end\n");
	src = wt_get(&t, "g");
	rd = wt_get(&t, "r");
	ck_assert(scene_output(rd, "points", 0, &d));
	ck_assert(d.n == 4 && d.v[2] == 1 && d.cls[3] == 1);
	v = d.version;
	/* Nothing changed: the scene's poke starts nothing. */
	ck_assert(!scene_changed(&t.scene));
	ck_assert(!rd->animating);
	wt_key(src, K_RIGHT);
	ck_assert(scene_changed(&t.scene)); /* as the player does after a key */
	ck_assert(rd->animating);
	ck_assert(scene_output(rd, "points", 0, &d));
	ck_assert(d.version != v && d.v[2] == 0.6);
	/* The scene ticks both; they arrive together and stop. */
	ck_assert(scene_tick(&t.scene, 0.2));
	ck_assert(scene_tick(&t.scene, 0.3));
	ck_assert(!rd->animating && !src->animating);
	ck_assert(!scene_tick(&t.scene, 0.1));
	wt_golden("cloud-frame-2", rd, 40);
	wt_close(&t);
}
END_TEST

START_TEST(cloud_frames_play)
{
	WTest t;
	Instance *in, *play;
	AnimState a;
	Data d;

	wt_open(&t, "@widget cloud id=c frames=3 values=0,0,1,1,2,2 duration=0.2\nalt: c\n@end\n"
		    "@widget animation id=play target=c speed=2\nalt: p\n@end\n");
	in = wt_get(&t, "c");
	play = wt_get(&t, "play");
	ck_assert(anim_get(in, &a));
	ck_assert_int_eq(a.steps, 3);
	wt_char(play, ' ');
	ck_assert(in->animating);
	ck_assert(in->ops->tick(in, 0.5)); /* a frame on, and gliding */
	ck_assert(scene_output(in, "frame", 0, &d));
	ck_assert(d.scalar == 2);
	ck_assert(in->ops->tick(in, 0.5));
	ck_assert(in->ops->tick(in, 0.5)); /* the glide to the last frame ends */
	ck_assert(scene_output(in, "frame", 0, &d));
	ck_assert(d.scalar == 3);
	ck_assert(!in->animating);
	wt_close(&t);
}
END_TEST

static Suite *cloud_suite(void)
{
	Suite *s = suite_create("cloud");
	TCase *tc = tcase_create("cloud");

	tcase_add_test(tc, cloud_shows_an_embedding);
	tcase_add_test(tc, cloud_glides_between_frames);
	tcase_add_test(tc, cloud_follows_what_it_reads);
	tcase_add_test(tc, cloud_frames_play);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(cloud_suite());
}
