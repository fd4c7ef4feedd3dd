/* check_gan.c: the gan kind ("A tug-of-war", "The adversarial loop") in lesson L4-gan: its
 * keys and animation (one training step each, back by retraining from the seed, nothing
 * while paused); its figures against a GAN trained here by the library with the means,
 * the step V comes back near -log 4 and the grid distance computed by hand; every
 * number the lesson states; the points it publishes; save and restore; goldens. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/gan.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/wtest.h"

enum { NS = 512, MAX = 600, BINS = 12 };

START_TEST(keys_and_animation_take_training_steps)
{
	WTest t;
	Instance *in;
	int i;

	wt_open_file(&t, "content/level4/gan.lesson");
	in = wt_get(&t, "tug");
	ck_assert_double_eq(wt_scalar(in, "step"), 0);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_scalar(in, "step"), 1);
	wt_key(in, K_LEFT); /* retrained from the seed */
	ck_assert_double_eq(wt_scalar(in, "step"), 0);
	ck_assert_double_eq(wt_scalar(in, "distance"), 1.0);
	wt_key(in, K_END);
	ck_assert_double_eq(wt_scalar(in, "step"), MAX);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED); /* the last step */
	wt_key(in, K_HOME);
	ck_assert_double_eq(wt_scalar(in, "step"), 0);
	/* Space plays 40 steps a second and pauses; a paused widget does nothing */
	wt_char(in, ' ');
	ck_assert(in->animating);
	ck_assert(in->kind->ops->tick(in, 0.5));
	ck_assert_double_eq(wt_scalar(in, "step"), 20);
	wt_char(in, ' ');
	ck_assert(!in->animating);
	for (i = 0; i < 5; i++)
		ck_assert(!in->kind->ops->tick(in, 1.0));
	ck_assert_double_eq(wt_scalar(in, "step"), 20);
	in->kind->ops->animate(in, ANIM_STEP, 0);
	ck_assert_double_eq(wt_scalar(in, "step"), 21);
	in->kind->ops->animate(in, ANIM_PLAY, 0);
	in->kind->ops->tick(in, 0.25);
	ck_assert_double_eq(wt_scalar(in, "step"), 31);
	in->kind->ops->animate(in, ANIM_PAUSE, 0);
	ck_assert(!in->animating);
	/* n: the next seed, from step 0 */
	ck_assert_uint_eq(wt_char(in, 'n'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_scalar(in, "step"), 0);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

/* The lesson states prefix then the negative v to 2 places, with the minus sign the
 * prose prints (U+2212). */
static void says_minus(double v, const char *prefix)
{
	char want[128];

	ck_assert(v < 0);
	snprintf(want, sizeof want, "%s\xe2\x88\x92%.2f", prefix, -v);
	lt_states(want);
}

/* The grid distance written out: 12 x 12 cells over [-3, 3)^2, points outside in the
 * nearest edge cell, half the summed differences of the shares. */
static int cell(double v)
{
	int i = (int)floor((v + 3.0) / 6.0 * BINS);

	return i < 0 ? 0 : i >= BINS ? BINS - 1 : i;
}

static double tv(const double *a, const double *b, size_t n)
{
	static double ha[BINS * BINS], hb[BINS * BINS];
	double s = 0.0;
	size_t i;

	memset(ha, 0, sizeof ha);
	memset(hb, 0, sizeof hb);
	for (i = 0; i < n; i++) {
		ha[cell(a[2 * i]) * BINS + cell(a[2 * i + 1])] += 1.0 / (double)n;
		hb[cell(b[2 * i]) * BINS + cell(b[2 * i + 1])] += 1.0 / (double)n;
	}
	for (i = 0; i < BINS * BINS; i++)
		s += fabs(ha[i] - hb[i]);
	return s / 2;
}

/* The share of the n fakes nearer than lo to the centre, and farther than hi. */
static void radii(const double *f, size_t n, double lo, double hi, double *in, double *outside)
{
	size_t i;

	*in = *outside = 0;
	for (i = 0; i < n; i++) {
		double r = hypot(f[2 * i], f[2 * i + 1]);
		*in += (r < lo) / (double)n;
		*outside += (r > hi) / (double)n;
	}
}

/* The lesson's run (the ring, seed 1, 600 steps), trained here by the library: the mean V
 * of 10 steps by hand, the distance by hand, and every figure the lesson states. */
START_TEST(the_lesson_run_against_the_library)
{
	WTest t;
	Instance *in;
	GanConfig c;
	Gan g;
	GanStats st;
	double v[MAX + 1], mv[MAX + 1], d[MAX + 1], peak = -10, vlo = 10, vhi = -10, fin, fout;
	double dr = 0, df = 0; /* mean D(x) of reals and of fakes over steps 93 to 102 */
	double d1r = 0, d1f = 0; /* the same at step 1 */
	int s, j, sharp = 0, back = 0, peak_at = 0;
	Data pts;

	gan_defaults(&c, TOYDIST_RING);
	ck_assert_int_eq(gan_init(&g, &c), NN_OK);
	gan_show(&g);
	d[0] = tv(g.real, g.fake, NS);
	radii(g.fake, NS, 0.3, 0.3, &fin, &fout);
	ck_assert_double_eq(fin, 1.0); /* "all within 0.3 of the centre" */
	for (s = 1; s <= MAX; s++) {
		int n = 0;
		gan_step(&g, &st);
		v[s] = st.value;
		if (s == 1)
			d1r = st.d_real, d1f = st.d_fake;
		if (s > 92 && s <= 102)
			dr += st.d_real / 10, df += st.d_fake / 10;
		ck_assert_double_eq_tol(st.d_loss, -st.value, 1e-12); /* L_D = -V */
		for (mv[s] = 0, j = s; j >= 1 && j > s - 10; j--, n++)
			mv[s] += v[j];
		mv[s] /= n;
		gan_show(&g);
		d[s] = tv(g.real, g.fake, NS);
		if (!sharp && mv[s] > -1.2)
			sharp = s;
		if (sharp && !back && fabs(mv[s] + log(4.0)) < 0.05)
			back = s;
		if (mv[s] > peak)
			peak = mv[s], peak_at = s;
		if (s >= 300)
			vlo = fmin(vlo, mv[s]), vhi = fmax(vhi, mv[s]);
		if (s == 192) {
			radii(g.fake, NS, 1.0, 2.0, &fin, &fout);
			ck_assert_msg(fin > 0.18 && fin < 0.25 && fout > 0.18 && fout < 0.25,
				      "about a fifth in, a fifth out: %g %g", fin, fout);
		}
		if (s == 500) {
			radii(g.fake, NS, 1.0, 2.0, &fin, &fout);
			ck_assert_double_eq_tol(fin, 0.05, 0.005);
			ck_assert_double_eq(fout, 0.0);
		}
	}
	/* step 1: a blind D says about 1/2 to reals and fakes, V near -log 4 */
	ck_assert(fabs(v[1] + log(4.0)) < 0.05);
	ck_assert(fabs(d1r - 0.5) < 0.05 && fabs(d1f - 0.5) < 0.05);
	/* the story the lesson tells, in its numbers */
	lt_load("level4/gan.lesson");
	ck_assert_int_eq(sharp, 26);
	lt_states("by step 26 V is above −1.2");
	ck_assert_int_eq(peak_at, 102);
	says_minus(peak, "it peaks at ");
	lt_states("at step 102");
	lt_says(dr, 2, "D now says ");
	lt_says(df, 2, "to real points and ");
	ck_assert_int_eq(back, 192);
	lt_states("**Step 192**: V is back within 0.05 of −log 4");
	lt_says(d[192], 2, "The distance is still ");
	ck_assert(d[192] > 0.5); /* "more than half of the fakes would have to move" */
	lt_says(d[0], 2, "The distance is ");
	lt_says(d[300], 2, "the distance keeps falling, to ");
	lt_says(d[400], 2, "at step 300, ");
	lt_says(d[500], 2, "step 400 and ");
	says_minus(vlo, "V hardly moves, between ");
	says_minus(vhi, "V hardly moves, between −1.38 and ");
	ck_assert(d[192] > 0.55 && d[500] < 0.4 * d[192]); /* long before the fakes match */
	/* the widget shows the same run */
	wt_open_file(&t, "content/level4/gan.lesson");
	in = wt_get(&t, "loop");
	for (s = 0; s < 102; s++)
		wt_key(in, K_RIGHT);
	{
		char *text = wt_text(in, 76, wt_utf8, false, NULL, NULL), want[80];
		snprintf(want, sizeof want, "D(real) %.2f  D(fake) %.2f", dr, df);
		ck_assert_msg(strstr(text, want) != NULL, "%s", text);
		free(text);
	}
	for (; s < 192; s++)
		wt_key(in, K_RIGHT);
	ck_assert_double_eq(wt_scalar(in, "back"), 192);
	ck_assert_double_eq_tol(wt_scalar(in, "value"), mv[192], 1e-12);
	ck_assert_double_eq_tol(wt_scalar(in, "distance"), d[192], 1e-12);
	{
		char *text = wt_text(in, 76, wt_utf8, false, NULL, NULL), want[80];
		snprintf(want, sizeof want, "V near -log 4 at step 192, distance %.2f", d[192]);
		ck_assert_msg(strstr(text, want) != NULL, "%s", text);
		snprintf(want, sizeof want, "V %.2f  L_D %.2f", mv[192], -mv[192]);
		ck_assert_msg(strstr(text, want) != NULL, "%s", text);
		free(text);
	}
	wt_key(in, K_END);
	ck_assert_double_eq_tol(wt_scalar(in, "distance"), d[MAX], 1e-12);
	ck_assert(scene_output(in, "points", 0, &pts));
	ck_assert_uint_eq(pts.n, 2 * NS);
	ck_assert_mem_eq(pts.v, g.real, 2 * NS * sizeof *pts.v);
	ck_assert_mem_eq(pts.v + 2 * NS, g.fake, 2 * NS * sizeof *pts.v);
	ck_assert_int_eq(pts.cls[0], 0);
	ck_assert_int_eq(pts.cls[2 * NS - 1], 1);
	wt_close(&t);
	gan_free(&g);
	lt_free();
}
END_TEST

/* n steps through seeds 2 to 5: V comes back near -log 4 between steps 66 and 192 (with
 * seed 1), each time with the distance still above 0.55. */
START_TEST(other_seeds_tell_the_same_story)
{
	WTest t;
	Instance *in;
	int seed, s, lo = 1000, hi = 0;

	wt_open(&t, "@widget gan id=w steps=200\nalt: a\n@end\n");
	in = wt_get(&t, "w");
	for (seed = 1; seed <= 5; seed++) {
		if (seed > 1)
			wt_char(in, 'n');
		for (s = 0; s < 200 && wt_scalar(in, "back") == 0; s++)
			wt_key(in, K_RIGHT);
		ck_assert_msg(wt_scalar(in, "back") > 0, "seed %d", seed);
		ck_assert_msg(wt_scalar(in, "distance") > 0.55, "seed %d: %g", seed, wt_scalar(in, "distance"));
		lo = (int)fmin(lo, wt_scalar(in, "back"));
		hi = (int)fmax(hi, wt_scalar(in, "back"));
	}
	ck_assert_int_eq(lo, 66);
	ck_assert_int_eq(hi, 192);
	lt_load("level4/gan.lesson");
	lt_states("(66 to 192 for the first five seeds)");
	lt_states("the distance there is still above 0.55");
	lt_free();
	wt_close(&t);
}
END_TEST

/* Two independent sets of 512 real points differ by about 0.15 on the grid. */
START_TEST(two_real_sets_differ_by_about_a_seventh)
{
	double a[2 * NS], b[2 * NS], m = 0;
	Rng r;
	int k;

	rng_seed(&r, 7);
	for (k = 0; k < 20; k++) {
		toydist_sample(a, TOYDIST_RING, NS, &r);
		toydist_sample(b, TOYDIST_RING, NS, &r);
		m += tv(a, b, NS) / 20;
	}
	ck_assert_msg(m > 0.13 && m < 0.17, "%g", m);
	lt_load("level4/gan.lesson");
	lt_states("two honest sets of 512 real points differ by about 0.15");
	lt_states("log 1/2 + log 1/2 = −log 4, about −1.39");
	ck_assert_double_eq_tol(lt_quiz_field("q-gan-value", "answer"), -log(4.0), 0.005);
	lt_free();
}
END_TEST

START_TEST(save_restore_and_goldens)
{
	WTest t, u;
	Instance *in, *again;
	MemStore m;

	wt_open(&t, "@widget gan id=w start=120 height=10\nalt: a\n@end\n");
	in = wt_get(&t, "w");
	wt_golden("gan-40", in, 40);
	wt_golden("gan-76", in, 76);
	wt_golden("gan-160", in, 160);
	wt_char(in, 'n');
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	memstore_init(&m);
	ck_assert_str_eq(wt_saved(in, &m, "step"), "2");
	ck_assert_str_eq(memstore_get(&m, "seed"), "2");
	wt_open(&u, "@widget gan id=w start=120 height=10\nalt: a\n@end\n");
	again = wt_get(&u, "w");
	again->kind->ops->restore(again, &m.store);
	ck_assert_double_eq(wt_scalar(again, "step"), 2);
	ck_assert_double_eq(wt_scalar(again, "distance"), wt_scalar(in, "distance"));
	wt_close(&u);
	wt_close(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("gan");
	TCase *tc = tcase_create("gan");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, keys_and_animation_take_training_steps);
	tcase_add_test(tc, the_lesson_run_against_the_library);
	tcase_add_test(tc, other_seeds_tell_the_same_story);
	tcase_add_test(tc, two_real_sets_differ_by_about_a_seventh);
	tcase_add_test(tc, save_restore_and_goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
