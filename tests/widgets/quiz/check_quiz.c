/* check_quiz.c: the quiz forms of every kind: golden text before answering, after a
 * wrong and after a right answer (UTF-8 and ASCII), and the keys that drive them. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "widgets/quiz/quizfix.h"

/* Golden files hold the stages of one kind in one character set. */
typedef struct {
	char buf[8192];
	size_t n;
} Stages;

static void stage(Stages *s, const Instance *in, const char *name, bool unicode)
{
	char *t = draw_at(in, unicode, NULL, NULL);

	s->n += (size_t)snprintf(s->buf + s->n, sizeof s->buf - s->n, "== %s ==\n%s", name, t);
	ck_assert_uint_lt(s->n, sizeof s->buf);
	free(t);
}

/* Drives a form from fresh to wrong to right in both character sets and compares the
 * stages with tests/widgets/golden/quiz-<kind>-<utf8|ascii>.txt. */
typedef void (*Drive)(Instance *in, int step);

static void golden_stages(const char *id, const char *kind, Drive drive)
{
	int u;

	for (u = 1; u >= 0; u--) {
		Stages s;
		char path[128];
		Instance *in;
		scene_free(&scene);
		ck_assert_int_eq(scene_init(&scene, lesson), 0);
		in = quiz(id);
		s.n = 0;
		stage(&s, in, "before", u);
		drive(in, 0);
		stage(&s, in, "wrong", u);
		drive(in, 1);
		stage(&s, in, "right", u);
		snprintf(path, sizeof path, "tests/widgets/golden/quiz-%s-%s.txt", kind,
			 u ? "utf8" : "ascii");
		test_golden(path, s.buf);
	}
}

static void drive_single(Instance *in, int step)
{
	if (step == 0) {
		chr(in, 'c');
		ck_assert_uint_eq(enter(in), WIDGET_HANDLED | WIDGET_REDRAW);
		ck_assert(chr(in, 'h') & WIDGET_REDRAW); /* the hint */
	} else {
		chr(in, 'b');
		ck_assert(enter(in) & WIDGET_DONE);
	}
}

START_TEST(single_stages)
{
	golden_stages("q-range", "single", drive_single);
}
END_TEST

static void drive_multi(Instance *in, int step)
{
	if (step == 0) {
		type(in, "ac");
		ck_assert(!(enter(in) & WIDGET_DONE));
	} else {
		type(in, "cbd");
		ck_assert(enter(in) & WIDGET_DONE);
	}
}

START_TEST(multi_stages)
{
	golden_stages("q-parts", "multi", drive_multi);
}
END_TEST

static void drive_numeric(Instance *in, int step)
{
	if (step == 0) {
		type(in, "0.6");
		ck_assert(!(enter(in) & WIDGET_DONE));
	} else {
		key(in, K_BACKSPACE, 0, 0);
		type(in, "7");
		ck_assert(enter(in) & WIDGET_DONE);
	}
}

START_TEST(numeric_stages)
{
	golden_stages("q-sum", "numeric", drive_numeric);
}
END_TEST

/* The options are shuffled: the test finds each pair's letter from the drawing. */
static int letter_of(const Instance *in, const char *right)
{
	char *t = draw_at(in, false, NULL, NULL), *p = strstr(t, right);
	int c;

	ck_assert_ptr_nonnull(p);
	ck_assert(p - t >= 3 && p[-1] == ' ' && p[-2] == ')');
	c = p[-3];
	free(t);
	return c;
}

static void drive_match(Instance *in, int step)
{
	int x = letter_of(in, "an input"), w = letter_of(in, "a weight");
	int b = letter_of(in, "the bias"), s = letter_of(in, "the activation");

	if (step == 0) {
		chr(in, (uint32_t)x);
		chr(in, (uint32_t)b); /* w and b swapped */
		chr(in, (uint32_t)w);
		ck_assert(!(enter(in) & WIDGET_DONE));
		ck_assert(shows(in, true, "Give every item"));
		chr(in, (uint32_t)s);
		ck_assert(!(enter(in) & WIDGET_DONE));
	} else {
		key(in, K_UP, 0, 0);
		key(in, K_UP, 0, 0);
		chr(in, (uint32_t)w);
		chr(in, (uint32_t)b);
		ck_assert(enter(in) & WIDGET_DONE);
	}
}

START_TEST(match_stages)
{
	golden_stages("q-symbols", "match", drive_match);
}
END_TEST

/* The position (0-based) of the ordering item containing needle, from the drawing. */
static int order_row(const Instance *in, const char *needle)
{
	char *t = draw_at(in, false, NULL, NULL), *p = strstr(t, needle);
	int n;

	ck_assert_ptr_nonnull(p);
	while (p > t && p[-1] != '\n')
		p--;
	ck_assert_int_eq(sscanf(p + 4, "%d.", &n), 1);
	free(t);
	return n - 1;
}

static void drive_order(Instance *in, int step)
{
	static const char *const items[] = {"Multiply", "Add the", "Squash"};
	int pos, cursor = 0;

	if (step == 0) {
		ck_assert(!(enter(in) & WIDGET_DONE)); /* shuffled: never right at first */
		return;
	}
	/* Selection sort with the keys: go to each item, carry it up with K. */
	for (pos = 0; pos < 3; pos++) {
		int row = order_row(in, items[pos]);
		for (; cursor < row; cursor++)
			key(in, K_DOWN, 0, 0);
		for (; cursor > row; cursor--)
			key(in, K_UP, 0, 0);
		for (; cursor > pos; cursor--)
			ck_assert(chr(in, 'K') & WIDGET_HANDLED);
	}
	ck_assert(enter(in) & WIDGET_DONE);
}

/* Puts the items of q-moves in the order named (the needles of drive_order, top
 * first), with the keys. */
static void put_order(Instance *in, const char *const *want)
{
	int pos, cursor = 0;

	for (pos = 0; pos < 3; pos++) {
		int row = order_row(in, want[pos]);
		for (; cursor < row; cursor++)
			key(in, K_DOWN, 0, 0);
		for (; cursor > row; cursor--)
			key(in, K_UP, 0, 0);
		for (; cursor > pos; cursor--)
			ck_assert(chr(in, 'K') & WIDGET_HANDLED);
	}
}

/* The feedback of a wrong order names what this learner put out of place: each item
 * above the one it follows, with the quiz's reason for that item, and nothing about
 * the pairs that are in order. */
START_TEST(order_feedback_follows_the_answer)
{
	static const char *const squash_first[] = {"Squash", "Multiply", "Add the"};
	static const char *const add_first[] = {"Add the", "Multiply", "Squash"};
	Instance *in = quiz("q-moves");

	put_order(in, squash_first);
	ck_assert(!(enter(in) & WIDGET_DONE));
	ck_assert(shows(in, true, "In the right place: 0 of 3."));
	ck_assert(shows(in, true, "“Squash the sum with the activation function” comes after "));
	ck_assert(shows(in, true, "The squash needs the finished sum, bias included."));
	ck_assert(!shows(in, true, "“Add the products and the bias” comes after"));
	ck_assert(shows(in, false, "\"Squash the sum with the activation function\" comes"));
	put_order(in, add_first);
	ck_assert(!(enter(in) & WIDGET_DONE));
	ck_assert(shows(in, true, "In the right place: 1 of 3."));
	ck_assert(shows(in, true, "“Add the products and the bias” comes after “Multiply each"));
	ck_assert(!shows(in, true, "“Squash the sum with the activation function” comes after"));
	ck_assert(!shows(in, true, "The squash needs the finished sum"));
}
END_TEST

/* Right after a wrong first try: the score stays 0, "right" is saved and restored,
 * and the form says both. Shown answers do not count as right. */
START_TEST(right_after_retries)
{
	Instance *in = quiz("q-range");
	Mem m;

	chr(in, 'a');
	ck_assert(!(enter(in) & WIDGET_DONE));
	chr(in, 'b');
	ck_assert(enter(in) & WIDGET_DONE);
	ck_assert(shows(in, true, "Scored on the first try: not right. Right after retries;"));
	ck_assert_str_eq(saved(in, &m, "score"), "0");
	ck_assert_str_eq(mem_get(&m, "right"), "1");
	scene_free(&scene);
	ck_assert_int_eq(scene_init(&scene, lesson), 0);
	in = quiz("q-range");
	in->ops->restore(in, &m.store);
	ck_assert(shows(in, true, "Right after retries"));
	/* A fresh form: wrong, then the answer shown: never "right". */
	scene_free(&scene);
	ck_assert_int_eq(scene_init(&scene, lesson), 0);
	in = quiz("q-range");
	chr(in, 'a');
	enter(in);
	ck_assert(chr(in, 's') & WIDGET_DONE);
	ck_assert_ptr_null(saved(in, &m, "right"));
	ck_assert(shows(in, true, "not right. Trying again does not change"));
}
END_TEST

/* Recall's verdict in proportion to the key terms named: none, some, enough. */
START_TEST(recall_verdict_counts_the_terms)
{
	Instance *in = quiz("q-own-words");

	type(in, "I do not know.");
	ck_assert(enter(in) & WIDGET_DONE);
	ck_assert(shows(in, true, "No key idea named yet: compare with the model answer."));
	ck_assert(!shows(in, true, "Part of it"));
	chr(in, 'r');
	type(in, "It weighs its inputs.");
	ck_assert(enter(in) & WIDGET_DONE);
	ck_assert(shows(in, true, "Part of it: 1 of the 3 key ideas a full answer names."));
	chr(in, 'r');
	type(in, "It weighs its inputs, adds a bias, and squashes the total.");
	ck_assert(enter(in) & WIDGET_DONE);
	ck_assert(shows(in, true, "Well said!"));
}
END_TEST

START_TEST(order_stages)
{
	golden_stages("q-moves", "order", drive_order);
}
END_TEST

static void drive_recall(Instance *in, int step)
{
	if (step == 0) {
		type(in, "It ADDS things up, with a Bias.");
		/* Too few terms: the question still ends, kindly, with the model answer. */
		ck_assert(enter(in) & WIDGET_DONE);
	} else {
		ck_assert(chr(in, 'r') & WIDGET_REDRAW);
		type(in, "Weighs each input, adds them (sum), then squashes it.");
		ck_assert(enter(in) & WIDGET_DONE);
	}
}

START_TEST(recall_stages)
{
	golden_stages("q-own-words", "recall", drive_recall);
}
END_TEST

START_TEST(single_keys_scores_and_reveal)
{
	Instance *in = quiz("q-range");
	Mem m;
	int cx, cy;
	char *t;

	/* Enter with nothing picked takes the choice under the cursor. */
	ck_assert_uint_eq(key(in, K_DOWN, 0, 0) & WIDGET_HANDLED, WIDGET_HANDLED);
	t = draw_at(in, true, &cx, &cy);
	ck_assert_int_eq(cy, 4); /* the second choice's row, under a two-row question */
	ck_assert_int_eq(cx, 4);
	free(t);
	ck_assert(enter(in) & WIDGET_DONE);
	ck_assert(in->done);
	ck_assert_str_eq(saved(in, &m, "score"), "1");
	ck_assert_str_eq(mem_get(&m, "state"), "right");
	ck_assert_str_eq(mem_get(&m, "answer"), "0,1,0");
	/* Once answered, only r is the form's; the rest scrolls the lesson. */
	ck_assert_uint_eq(chr(in, 'j'), WIDGET_IGNORED);
	ck_assert_uint_eq(key(in, K_DOWN, 0, 0), WIDGET_IGNORED);
	ck_assert(chr(in, 'r') & WIDGET_REDRAW);
	chr(in, 'a');
	ck_assert(!(enter(in) & WIDGET_DONE));
	ck_assert_str_eq(saved(in, &m, "score"), "1"); /* the first try counts */
	ck_assert_str_eq(mem_get(&m, "state"), "tried");
	/* s shows the answer after a wrong try and ends the question. */
	ck_assert(chr(in, 's') & WIDGET_DONE);
	t = draw_at(in, true, NULL, NULL);
	ck_assert_ptr_nonnull(strstr(t, "Here is the answer."));
	ck_assert_ptr_nonnull(strstr(t, "✓ ● b) 0 to 1"));
	free(t);
	ck_assert_str_eq(saved(in, &m, "state"), "shown");
}
END_TEST

START_TEST(numeric_typing)
{
	Instance *in = quiz("q-sum");

	ck_assert_uint_eq(chr(in, 'x'), WIDGET_IGNORED);
	type(in, "-");
	type(in, "-"); /* a second minus is taken but not kept */
	type(in, "1");
	ck_assert(shows(in, false, "[-1 "));
	key(in, K_BACKSPACE, 0, 0);
	key(in, K_BACKSPACE, 0, 0);
	key(in, K_BACKSPACE, 0, 0); /* nothing left: harmless */
	type(in, "0,7004");         /* a comma is a point; within the tolerance */
	ck_assert(enter(in) & WIDGET_DONE);
	in = quiz("q-sum");
	ck_assert(chr(in, 'r') & WIDGET_HANDLED);
	type(in, "1.2.3");
	ck_assert_uint_eq(enter(in), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(shows(in, true, "That is not a number"));
	/* The second wrong value's own feedback. */
	for (int i = 0; i < 5; i++)
		key(in, K_BACKSPACE, 0, 0);
	ck_assert(shows(in, false, "[            ]"));
	type(in, "0.6681");
	ck_assert(!(enter(in) & WIDGET_DONE));
	ck_assert(shows(in, false, "That is σ(z)"));
}
END_TEST

START_TEST(multi_needs_a_tick)
{
	Instance *in = quiz("q-parts");

	ck_assert_uint_eq(enter(in), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(shows(in, true, "Pick at least one"));
	chr(in, ' '); /* Space ticks the row under the cursor */
	ck_assert(shows(in, true, "☑ a)"));
	ck_assert(!shows(in, true, "Pick at least one"));
	chr(in, 'a'); /* and a letter toggles it back */
	ck_assert(shows(in, true, "☐ a)"));
}
END_TEST

START_TEST(order_moves)
{
	Instance *in = quiz("q-moves");
	char *before = draw_at(in, false, NULL, NULL), *after;

	/* Space grabs, Down carries the item, Space drops; Shift+Up and K move back. */
	chr(in, ' ');
	ck_assert(shows(in, false, "> * 1."));
	key(in, K_DOWN, 0, 0);
	chr(in, ' ');
	after = draw_at(in, false, NULL, NULL);
	ck_assert_str_ne(before, after);
	key(in, K_UP, 0, KEYMOD_SHIFT);
	ck_assert(reads(in, before));
	chr(in, 'J');
	ck_assert(reads(in, after));
	chr(in, 'K');
	ck_assert(reads(in, before));
	free(before);
	free(after);
}
END_TEST

START_TEST(height_grows_with_the_answer)
{
	Instance *in = quiz("q-range");
	int h0 = in->ops->height(in, WIDTH), h1, h2;

	chr(in, 'a');
	enter(in);
	h1 = in->ops->height(in, WIDTH);
	chr(in, 'b');
	enter(in);
	h2 = in->ops->height(in, WIDTH);
	ck_assert_int_gt(h1, h0);
	ck_assert_int_gt(h2, h0);
	ck_assert_int_gt(in->ops->height(in, 30), h2); /* narrower: more rows */
	chr(in, 'r');
	ck_assert_int_eq(in->ops->height(in, WIDTH), h0);
}
END_TEST

START_TEST(questions_are_numbered)
{
	ck_assert(shows(quiz("q-range"), true, "Question 1."));
	ck_assert(shows(quiz("q-own-words"), true, "Question 6."));
}
END_TEST

/* Every form in every phase draws at any width (down to one column) inside its rows. */
START_TEST(draws_at_any_width)
{
	static const char *const ids[] = {"q-range",   "q-parts", "q-sum",
					  "q-symbols", "q-moves", "q-own-words"};
	size_t i;
	int phase, w, u;

	for (i = 0; i < sizeof ids / sizeof *ids; i++)
		for (phase = 0; phase < 3; phase++) {
			Instance *in = quiz(ids[i]);
			if (phase == 1) {
				if (i != 4) /* order: nothing to type */
					type(in, i == 2 ? "0.6" : i == 5 ? "weights" : "a");
				enter(in);
			} else if (phase == 2) {
				chr(in, 's');
			}
			for (w = 1; w <= 80; w++)
				for (u = 0; u < 2; u++) {
					Grid g;
					Caps caps = {u, 0};
					int h = in->ops->height(in, w), cx = -1, cy = -1;
					Rect r = {0, 0, w, h};
					ck_assert_int_ge(h, 1);
					ck_assert_int_eq(grid_init(&g, w, h), 0);
					in->ops->draw(in, &g, r, caps, true, &cx, &cy);
					ck_assert(cx < w && cy < h);
					grid_free(&g);
				}
		}
}
END_TEST

static Suite *quiz_suite(void)
{
	Suite *s = suite_create("quiz");
	TCase *tc = tcase_create("quiz");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, single_stages);
	tcase_add_test(tc, multi_stages);
	tcase_add_test(tc, numeric_stages);
	tcase_add_test(tc, match_stages);
	tcase_add_test(tc, order_stages);
	tcase_add_test(tc, order_feedback_follows_the_answer);
	tcase_add_test(tc, right_after_retries);
	tcase_add_test(tc, recall_verdict_counts_the_terms);
	tcase_add_test(tc, recall_stages);
	tcase_add_test(tc, single_keys_scores_and_reveal);
	tcase_add_test(tc, numeric_typing);
	tcase_add_test(tc, multi_needs_a_tick);
	tcase_add_test(tc, order_moves);
	tcase_add_test(tc, height_grows_with_the_answer);
	tcase_add_test(tc, questions_are_numbered);
	tcase_add_test(tc, draws_at_any_width);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(quiz_suite());
}
