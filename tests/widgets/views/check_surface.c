/* check_surface.c: the surface kind: SGD on the bowl against its closed form, a race
 * on Rosenbrock whose winner and arrival step match the library's own walks
 * (surface_descend), the start moved by the arrows, running by Space and by the
 * animation contract, divergence and the saddle told, goldens at 40, 76 and 160. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/surface.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/wtest.h"

static const double *points(Instance *in, size_t *n)
{
	static Data d;

	ck_assert(scene_output(in, "points", 0, &d));
	*n = d.n;
	return d.v;
}

START_TEST(surface_sgd_on_the_bowl_is_its_closed_form)
{
	WTest t;
	Instance *in;
	const double *p;
	size_t n;
	int k;

	wt_open(&t, "@widget surface id=s fn=bowl optimizers=sgd lr=0.1 start=2,1 steps=50\n"
		    "alt: s\n@end\n");
	in = wt_get(&t, "s");
	ck_assert_ptr_eq(in->kind, &surface_kind);
	for (k = 0; k < 10; k++)
		anim_send(in, ANIM_STEP, 0);
	/* p <- p - 0.1 p: ten steps multiply the start by 0.9^10. */
	p = points(in, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert(fabs(p[0] - 2 * pow(0.9, 10)) < 1e-12);
	ck_assert(fabs(p[1] - pow(0.9, 10)) < 1e-12);
	wt_close(&t);
}
END_TEST

/* The first step at which a walk's loss is at most 0.001 (Rosenbrock's lowest is 0),
 * or -1. */
static long arrival(OptimKind kind, double lr, size_t steps)
{
	Surface s;
	OptimConfig oc;
	double start[2] = {-1.5, 2}, *loss = malloc((steps + 1) * sizeof *loss);
	long k, at = -1;

	ck_assert_ptr_nonnull(loss);
	surface_defaults(&s, SURFACE_ROSENBROCK);
	optim_defaults(&oc, kind);
	oc.lr = lr;
	ck_assert_int_eq(surface_descend(NULL, loss, &s, &oc, start, steps), NN_OK);
	for (k = 1; k <= (long)steps && at < 0; k++)
		if (loss[k] <= 1e-3)
			at = k;
	free(loss);
	return at;
}

START_TEST(surface_race_on_rosenbrock)
{
	WTest t;
	Instance *in;
	char *text, want[128];
	long a_sgd = arrival(OPTIM_SGD, 0.001, 400), a_mom = arrival(OPTIM_MOMENTUM, 0.002, 400);
	long a_adam = arrival(OPTIM_ADAM, 0.1, 400);

	/* The walks the widget must agree with: momentum first, plain SGD not in time. */
	ck_assert_int_lt(a_sgd, 0);
	ck_assert_int_gt(a_mom, 0);
	ck_assert(a_adam < 0 || a_adam > a_mom);
	wt_open(&t, "@widget surface id=s fn=rosenbrock optimizers=sgd,momentum,adam "
		    "lr=0.001,0.002,0.1 steps=400 speed=100\nalt: s\n@end\n");
	in = wt_get(&t, "s");
	wt_golden("surface-rosenbrock-start", in, 76);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(in->animating);
	ck_assert(in->ops->tick(in, 1.0)); /* a hundred steps a second */
	ck_assert(scene_output(in, "step", 0, &(Data){0}));
	ck_assert(in->ops->tick(in, 3.0));
	ck_assert(!in->animating); /* 400 steps: done */
	text = wt_draw(in, 76, wt_ascii, false);
	snprintf(want, sizeof want, "step 400/400: momentum arrived first, at step %ld", a_mom);
	ck_assert_msg(strstr(text, want) != NULL, "no '%s' in\n%s", want, text);
	snprintf(want, sizeof want, "x momentum  lr 0.002  beta 0.9  loss");
	ck_assert_ptr_nonnull(strstr(text, want));
	free(text);
	wt_golden("surface-rosenbrock-76", in, 76);
	wt_golden("surface-rosenbrock-40", in, 40);
	wt_golden("surface-rosenbrock-160", in, 160);
	wt_close(&t);
}
END_TEST

START_TEST(surface_start_moves_with_the_arrows)
{
	WTest t;
	Instance *in;
	const double *p;
	size_t n;
	Data d;
	int k;

	wt_open(&t, "@widget surface id=s fn=bowl optimizers=sgd,adam steps=20\nalt: s\n@end\n");
	in = wt_get(&t, "s");
	p = points(in, &n);
	ck_assert(n == 2 && p[0] == -1.5 && p[1] == 1.2); /* the bowl's own start */
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED | WIDGET_REDRAW);
	p = points(in, &n);
	ck_assert(fabs(p[0] - (-1.5 - 4.0 / 24)) < 1e-12 && p[2] == p[0]);
	for (k = 0; k < 5; k++) /* 1.2 up by a sixth of a unit: 2 (the view's top) at the fifth */
		ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED); /* the top edge: the page's */
	ck_assert(points(in, &n)[1] == 2);
	/* Moving the start sets every run back to step 0. */
	anim_send(in, ANIM_STEP, 0);
	ck_assert(scene_output(in, "step", 0, &d) && d.scalar == 1);
	wt_key(in, K_DOWN);
	ck_assert(scene_output(in, "step", 0, &d) && d.scalar == 0);
	ck_assert_uint_eq(wt_char(in, 'x'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

START_TEST(surface_tells_divergence_and_the_saddle)
{
	WTest t;
	Instance *in;
	char *text;
	int k;

	wt_open(&t, "@widget surface id=v fn=valley optimizers=sgd,sgd lr=0.05,0.25 steps=40\n"
		    "alt: v\n@end\n@widget surface id=sd fn=saddle optimizers=sgd lr=0.1 "
		    "steps=5\nalt: s\n@end\n");
	in = wt_get(&t, "v");
	for (k = 0; k < 40; k++)
		anim_send(in, ANIM_STEP, 0);
	text = wt_draw(in, 76, wt_ascii, false);
	/* lr 0.25 on a valley of curvature 10: |1 - 2.5| > 1, each step grows. */
	ck_assert_ptr_nonnull(strstr(text, "lr 0.25  loss"));
	ck_assert_ptr_nonnull(strstr(text, "diverged"));
	free(text);
	in = wt_get(&t, "sd");
	for (k = 0; k < 5; k++)
		anim_send(in, ANIM_STEP, 0);
	text = wt_draw(in, 76, wt_ascii, false);
	ck_assert_ptr_nonnull(strstr(text, "nobody has escaped the saddle yet"));
	free(text);
	wt_golden("surface-saddle-40", in, 40);
	wt_close(&t);
}
END_TEST

static Suite *surface_suite(void)
{
	Suite *s = suite_create("surface");
	TCase *tc = tcase_create("surface");

	tcase_add_test(tc, surface_sgd_on_the_bowl_is_its_closed_form);
	tcase_add_test(tc, surface_race_on_rosenbrock);
	tcase_add_test(tc, surface_start_moves_with_the_arrows);
	tcase_add_test(tc, surface_tells_divergence_and_the_saddle);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(surface_suite());
}
