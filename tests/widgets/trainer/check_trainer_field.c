/* check_trainer_field.c: the trainer's decision field while training: it keeps the
 * weights it shows between two updates although training changes them (the chart and
 * the numbers follow every frame), shows the weights of now once its wait is over or
 * the run pauses, and waits as long as its last update changed colours (within
 * BRAIN_FIELD_PERIOD .. BRAIN_FIELD_WAIT_MAX). Ticks at a set speed train a fixed
 * number of examples, so nothing here depends on the machine's speed. */
#include <config.h>

#include <stdint.h>

#include "widgets/wtest.h"
#include "widgets/trainer/trainer.h"

#define W      76 /* the player's slot at 80x24 */
#define FIELDW (W / 2)

static WTest t;
static const Caps colour = {true, 256};

static void teardown(void)
{
	wt_close(&t);
}

/* in drawn focused at W columns into g (made here; the caller frees it). */
static void draw(const Instance *in, Grid *g)
{
	int cx, cy;

	ck_assert_int_eq(grid_init(g, W, in->ops->height(in, W)), 0);
	in->ops->draw(in, g, (Rect){0, 0, W, g->h}, colour, true, &cx, &cy);
}

static const Cell *at(const Grid *g, int x, int y)
{
	return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

/* The cells of the field (its 14 rows under the header, its half of the width) that
 * differ between a and b: glyph, style or either colour. */
static int field_diff(const Grid *a, const Grid *b)
{
	int x, y, n = 0;

	for (y = 1; y < 15; y++)
		for (x = 0; x < FIELDW; x++) {
			const Cell *p = at(a, x, y), *q = at(b, x, y);
			n += p->ch != q->ch || p->style != q->style || p->fg != q->fg ||
			     p->bg != q->bg;
		}
	return n;
}

/* The cells of the numbers under the chart that differ between a and b. */
static int numbers_diff(const Grid *a, const Grid *b)
{
	int x, y, n = 0;

	for (y = 11; y < 15; y++)
		for (x = FIELDW + 1; x < W; x++)
			n += at(a, x, y)->ch != at(b, x, y)->ch;
	return n;
}

/* The field as the weights of now draw it: the run paused (a paused field always
 * shows them), drawn into g, and running again. */
static void draw_now(Instance *in, Grid *g)
{
	wt_char(in, ' ');
	ck_assert_int_eq(trainer_state(in)->mode, BRAIN_PAUSED);
	draw(in, g);
	wt_char(in, ' ');
	ck_assert_int_eq(trainer_state(in)->mode, BRAIN_RUNNING);
}

START_TEST(wait_follows_the_changes)
{
	size_t half = (size_t)(BRAIN_FIELD_RATE * (BRAIN_FIELD_PERIOD + BRAIN_FIELD_WAIT_MAX) / 2);

	ck_assert_double_eq(trainer_field_wait(0), BRAIN_FIELD_PERIOD);
	ck_assert_double_eq(trainer_field_wait(1), BRAIN_FIELD_PERIOD);
	ck_assert_double_eq(trainer_field_wait(SIZE_MAX), BRAIN_FIELD_WAIT_MAX);
	/* in between: the changes at BRAIN_FIELD_RATE a second */
	ck_assert_double_eq_tol(trainer_field_wait(half), (double)half / BRAIN_FIELD_RATE, 1e-12);
	ck_assert_double_gt(trainer_field_wait(half), BRAIN_FIELD_PERIOD);
	ck_assert_double_lt(trainer_field_wait(half), BRAIN_FIELD_WAIT_MAX);
	ck_assert_double_le(trainer_field_wait(half), trainer_field_wait(half + 1));
}
END_TEST

START_TEST(field_keeps_then_follows_the_weights)
{
	Instance *in;
	const Brain *b;
	Grid live0, live1, now1, live2, now2, live3;
	unsigned long v;

	wt_open(&t, "@widget trainer id=brain\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert(trainer_train(in, 20000)); /* a boundary that has taken shape */
	wt_char(in, '<'); /* 1000 epochs a second: a tick of dt trains 200000 dt examples */
	ck_assert_double_eq(trainer_speeds[b->speed], 1000);
	wt_char(in, ' ');
	ck_assert_int_eq(b->mode, BRAIN_RUNNING);
	draw(in, &live0);

	/* a frame's tick: the weights change, the field does not; the numbers do */
	v = b->version;
	ck_assert(in->ops->tick(in, 0.01));
	ck_assert_uint_gt(b->version, v);
	draw(in, &live1);
	ck_assert_int_eq(field_diff(&live0, &live1), 0);
	ck_assert_int_gt(numbers_diff(&live0, &live1), 0);
	/* though the weights of now colour it otherwise */
	draw_now(in, &now1);
	ck_assert_int_gt(field_diff(&live1, &now1), 0);

	/* the longest wait passed: the field shows the weights of now, and counts the
	 * samples whose colour changed */
	ck_assert(in->ops->tick(in, BRAIN_FIELD_WAIT_MAX));
	draw(in, &live2);
	draw_now(in, &now2);
	ck_assert_int_eq(field_diff(&live2, &now2), 0);
	ck_assert_int_gt(field_diff(&live2, &live1), 0);
	ck_assert_uint_gt(b->field_changed, 0);

	/* then it waits as long as that update asks: not before, and from then on */
	ck_assert(in->ops->tick(in, trainer_field_wait(b->field_changed) - 0.01));
	draw(in, &live3);
	ck_assert_int_eq(field_diff(&live2, &live3), 0);
	grid_free(&live3);
	ck_assert(in->ops->tick(in, 0.01));
	draw(in, &live3);
	grid_free(&now2);
	draw_now(in, &now2);
	ck_assert_int_eq(field_diff(&live3, &now2), 0);
	ck_assert_int_gt(field_diff(&live3, &live2), 0);

	grid_free(&live0);
	grid_free(&live1);
	grid_free(&now1);
	grid_free(&live2);
	grid_free(&now2);
	grid_free(&live3);
}
END_TEST

START_TEST(pause_shows_the_weights_of_now)
{
	Instance *in;
	const Brain *b;
	Grid live, paused, fresh;

	wt_open(&t, "@widget trainer id=brain\nalt: x\n@end\n");
	in = wt_get(&t, "brain");
	b = trainer_state(in);
	ck_assert(trainer_train(in, 20000));
	wt_char(in, '<');
	wt_char(in, ' ');
	draw(in, &live);
	ck_assert(in->ops->tick(in, 0.01)); /* the field lags behind the weights */
	wt_char(in, ' ');
	ck_assert_int_eq(b->mode, BRAIN_PAUSED);
	draw(in, &paused);
	ck_assert_int_gt(field_diff(&live, &paused), 0);
	/* what a trainer with just these weights draws, built afresh */
	{
		WTest u;
		Instance *in2;
		wt_open(&u, "@widget trainer id=brain\nalt: x\n@end\n");
		in2 = wt_get(&u, "brain");
		ck_assert_int_eq(trainer_set_weights(in2, b->run.mlp.params, b->run.mlp.n_params), 0);
		draw(in2, &fresh);
		ck_assert_int_eq(field_diff(&paused, &fresh), 0);
		wt_close(&u);
	}
	grid_free(&live);
	grid_free(&paused);
	grid_free(&fresh);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("trainer_field");
	TCase *tc = tcase_create("trainer_field");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, wait_follows_the_changes);
	tcase_add_test(tc, field_keeps_then_follows_the_weights);
	tcase_add_test(tc, pause_shows_the_weights_of_now);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
