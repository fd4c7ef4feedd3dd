/* check_quiz_store.c: the quiz forms' state: first-try scores, showing the answer,
 * the state kept through an in-memory Store and refused when it does not fit, and
 * free recall's term matching (case, punctuation, endings, alternatives, need). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "widgets/quiz/quizfix.h"

START_TEST(reveal_needs_a_try_and_scores_zero)
{
	Instance *in = quiz("q-sum");
	Mem m;

	ck_assert_uint_eq(chr(in, 's'), WIDGET_IGNORED); /* nothing tried yet */
	ck_assert_ptr_null(saved(in, &m, "score"));
	ck_assert_ptr_null(mem_get(&m, "state")); /* untouched: nothing saved */
	ck_assert_uint_eq(enter(in), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(shows(in, true, "Type a number first."));
	type(in, "1");
	ck_assert(!(enter(in) & WIDGET_DONE));
	ck_assert(chr(in, 's') & WIDGET_DONE);
	ck_assert_str_eq(saved(in, &m, "score"), "0");
	ck_assert_str_eq(mem_get(&m, "answer"), "0.7");
}
END_TEST

/* Saves a form through the Store, makes the scene again and restores: the same text. */
static void round_trip(const char *id)
{
	Mem m;
	Store st = mem_store(&m);
	Instance *in = quiz(id);
	char *a = draw_focus(in, true, false, NULL, NULL), *b; /* the cursor is not kept */
	bool done = in->done;

	in->ops->save(in, &st);
	scene_free(&scene);
	ck_assert_int_eq(scene_init(&scene, lesson), 0);
	in = quiz(id);
	in->ops->restore(in, &st);
	b = draw_focus(in, true, false, NULL, NULL);
	ck_assert_str_eq(a, b);
	ck_assert_int_eq(in->done, done);
	free(a);
	free(b);
}

START_TEST(save_restore_round_trip)
{
	Instance *in = quiz("q-sum");

	type(in, "0.6");
	enter(in);
	type(in, "1"); /* typed after the wrong try, not checked */
	round_trip("q-sum");
	in = quiz("q-symbols");
	chr(in, 'a');
	round_trip("q-symbols");
	in = quiz("q-moves");
	enter(in);
	round_trip("q-moves");
	in = quiz("q-own-words");
	type(in, "Ünïcode weights, a sum, a bias");
	enter(in);
	ck_assert(in->done);
	round_trip("q-own-words");
	in = quiz("q-parts");
	type(in, "abd");
	enter(in);
	chr(in, 'r');
	round_trip("q-parts"); /* retried: open again, but done and scored */
	ck_assert(quiz("q-parts")->done);
}
END_TEST

START_TEST(restore_rejects_what_does_not_fit)
{
	static const char *const bad[][2] = {
	    {"q-range", "1,1"},      {"q-range", "x"},         {"q-moves", "0,0,1"},
	    {"q-moves", "0,1,2,3"},  {"q-symbols", "9,0,1,2"}, {"q-sum", "12abc"},
	    {"q-parts", "-1,0,0,0"},
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		Mem m;
		Store st = mem_store(&m);
		Instance *in = quiz(bad[i][0]);
		char *a = draw_at(in, true, NULL, NULL), *b;
		mem_set(&m, "state", "right");
		mem_set(&m, "answer", bad[i][1]);
		in->ops->restore(in, &st);
		b = draw_at(in, true, NULL, NULL);
		ck_assert_msg(strcmp(a, b) == 0, "%s took '%s'", bad[i][0], bad[i][1]);
		ck_assert(!in->done);
		free(a);
		free(b);
	}
	{
		Mem m;
		Store st = mem_store(&m);
		Instance *in = quiz("q-range");
		mem_set(&m, "state", "nonsense");
		mem_set(&m, "answer", "0,1,0");
		in->ops->restore(in, &st);
		ck_assert(!in->done);
	}
}
END_TEST

START_TEST(recall_term_matching)
{
	const Quiz *q = &quiz("q-own-words")->block->quiz;
	bool found[4];

	/* Case, punctuation and short endings. */
	ck_assert(quiz_term_mentioned("It WEIGHS them.", "weighs"));
	ck_assert(quiz_term_mentioned("(bias)", "bias"));
	ck_assert(quiz_term_mentioned("it adds, then", "add"));
	ck_assert(quiz_term_mentioned("inputs are added", "add"));
	ck_assert(quiz_term_mentioned("summing up", "sum"));
	ck_assert(quiz_term_mentioned("Summed.", "sum"));
	ck_assert(!quiz_term_mentioned("sums", "summ"));
	ck_assert(quiz_term_mentioned("two biases", "bias"));
	/* Whole words: not inside another word. */
	ck_assert(!quiz_term_mentioned("unbiased", "bias"));
	ck_assert(!quiz_term_mentioned("a summary", "sum"));
	ck_assert(!quiz_term_mentioned("weightless", "weight"));
	/* Several words in a row, across punctuation, not reordered. */
	ck_assert(quiz_term_mentioned("an Activation-Function", "activation function"));
	ck_assert(!quiz_term_mentioned("function of activation", "activation function"));
	/* Beyond ASCII; symbols without letters as they are. */
	ck_assert(quiz_term_mentioned("ΣΙΓΜΑ", "σιγμα"));
	ck_assert(quiz_term_mentioned("Gewichte Über", "über"));
	ck_assert(quiz_term_mentioned("a+b", "+"));
	ck_assert(!quiz_term_mentioned("a-b", "+"));
	ck_assert(!quiz_term_mentioned("", "bias"));
	ck_assert(!quiz_term_mentioned("bias", ""));
	/* Alternatives and need. */
	ck_assert_int_eq(quiz_recall_count(q, "the total, squashed", found), 2);
	ck_assert(!found[0] && found[1] && !found[2] && found[3]);
	ck_assert_int_eq(quiz_recall_count(q, "weights, sum, bias, sigmoid", found), 4);
	ck_assert_int_eq(quiz_recall_count(q, "nothing here", NULL), 0);
}
END_TEST

START_TEST(recall_need_and_typing)
{
	Instance *in = quiz("q-own-words");
	Mem m;

	ck_assert_uint_eq(enter(in), WIDGET_HANDLED | WIDGET_REDRAW); /* empty */
	type(in, "   ");
	ck_assert_uint_eq(enter(in), WIDGET_HANDLED | WIDGET_REDRAW); /* blank */
	key(in, K_BACKSPACE, 0, 0);
	key(in, K_BACKSPACE, 0, 0);
	key(in, K_BACKSPACE, 0, 0);
	ck_assert_uint_eq(key(in, K_CHAR, 't', KEYMOD_CTRL), WIDGET_HANDLED); /* no hints */
	ck_assert(chr(in, 0xE9) & WIDGET_HANDLED);                            /* é */
	key(in, K_BACKSPACE, 0, 0); /* one character, two bytes */
	type(in, "h?s");            /* letters and '?' are text here */
	ck_assert_str_eq(saved(in, &m, "answer"), "h?s");
	key(in, K_BACKSPACE, 0, 0);
	key(in, K_BACKSPACE, 0, 0);
	key(in, K_BACKSPACE, 0, 0);
	type(in, "weights, sum and bias"); /* 3 of 4: enough */
	ck_assert(enter(in) & WIDGET_DONE);
	ck_assert_str_eq(saved(in, &m, "score"), "1");
	ck_assert(shows(in, true, "Well said!"));
	ck_assert(shows(in, true, "Worth adding: activation."));
}
END_TEST

static Suite *quiz_store_suite(void)
{
	Suite *s = suite_create("quiz_store");
	TCase *tc = tcase_create("quiz_store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, reveal_needs_a_try_and_scores_zero);
	tcase_add_test(tc, save_restore_round_trip);
	tcase_add_test(tc, restore_rejects_what_does_not_fit);
	tcase_add_test(tc, recall_term_matching);
	tcase_add_test(tc, recall_need_and_typing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(quiz_store_suite());
}
