/* check_l4_final.c: The final challenge (content/level4/final.lesson): every numeric
 * answer of the boss quiz worked out again (by hand, and by src/nn where it has the
 * piece), the slip behind each foreseen wrong answer; the quiz's own rules (twenty
 * questions or more, all six kinds, feedback for wrong answers in every one); the
 * lock-in's recall quizzes: their model answers name every key term, an answer is saved
 * as typed and comes back on reopening, and the verdict names the terms it misses. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "nn/loss.h"
#include "nn/mlp.h"
#include "nn/optim.h"
#include "testlib.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/quiz/quiz.h"
#include "widgets/wtest.h"

static WTest t;
static bool opened;

static void teardown(void)
{
	if (opened)
		wt_close(&t);
	opened = false;
	lt_free();
}

static double sigmoid(double z)
{
	return 1 / (1 + exp(-z));
}

/* Level 1 and 2: the sigmoid neuron, the ReLU net (by hand and by the library's
 * forward pass), He's spread. */
START_TEST(levels_one_and_two)
{
	const double x[2] = {1, 2};
	const size_t sizes[] = {2, 2, 1};
	const Activation act[] = {ACT_RELU, ACT_LINEAR};
	const double w1[4] = {1, -1, 0.5, 0.5}, w2[2] = {2, 1}, b2 = -0.5;
	double z = 1 * 0.4 + 0.5 * -0.6 + 0.2, h[2], y;
	Mlp m;
	MlpWork w;

	lt_load("level4/final.lesson");
	lt_quiz_answer_is("q-boss-sigmoid", sigmoid(z));
	ck_assert_double_eq(lt_round(sigmoid(z), 3), 0.574);
	lt_quiz_wrong("q-boss-sigmoid", lt_round(z, 3));                /* no squash */
	lt_quiz_wrong("q-boss-sigmoid", lt_round(z - 0.2, 3));          /* neither bias nor squash */
	lt_quiz_wrong("q-boss-sigmoid", lt_round(sigmoid(z - 0.2), 3)); /* no bias */
	/* the ReLU net */
	h[0] = fmax(0, w1[0] * x[0] + w1[1] * x[1]);
	h[1] = fmax(0, w1[2] * x[0] + w1[3] * x[1]);
	y = w2[0] * h[0] + w2[1] * h[1] + b2;
	lt_quiz_answer_is("q-boss-forward", y);
	lt_quiz_wrong("q-boss-forward", w2[0] * (w1[0] * x[0] + w1[1] * x[1]) + w2[1] * h[1] + b2);
	lt_quiz_wrong("q-boss-forward", y - b2);
	lt_quiz_wrong("q-boss-forward", w2[0] * fabs(w1[0] * x[0] + w1[1] * x[1]) + w2[1] * h[1] + b2);
	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	memset(m.params, 0, m.n_params * sizeof *m.params);
	memcpy(m.params + m.w_off[0], w1, sizeof w1);
	memcpy(m.params + m.w_off[1], w2, sizeof w2);
	m.params[m.w_off[1] + 2] = b2;
	mlp_forward(&w, &m, x, 1);
	ck_assert_double_eq_tol(w.y[1][0], y, 1e-15);
	mlp_work_free(&w);
	mlp_free(&m);
	/* He */
	lt_quiz_answer_is("q-boss-he", sqrt(2.0 / 50));
	lt_quiz_wrong("q-boss-he", 2.0 / 50);
	lt_quiz_wrong("q-boss-he", lt_round(sqrt(1.0 / 50), 3));
}
END_TEST

/* Level 3: one step (by hand and by the library's SGD), softmax (by hand and by the
 * library), three sigmoid slopes. */
START_TEST(level_three)
{
	const double w0 = 0.8, g = -2, lr = 0.1, z[3] = {1, 1, 0};
	double p[3], wv = w0, gv = g, e = exp(1);
	OptimConfig oc;
	Optim o;

	lt_load("level4/final.lesson");
	lt_quiz_answer_is("q-boss-step", w0 - lr * g);
	lt_quiz_wrong("q-boss-step", w0 + lr * g); /* moved down */
	lt_quiz_wrong("q-boss-step", w0 - g);      /* no rate */
	lt_quiz_wrong("q-boss-step", -lr * g);     /* the change */
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = lr;
	ck_assert_int_eq(optim_init(&o, &oc, 1), NN_OK);
	optim_step(&o, &wv, &gv);
	ck_assert_double_eq_tol(wv, 1, 1e-15);
	optim_free(&o);
	loss_softmax(p, z, 3);
	ck_assert_double_eq_tol(p[0], e / (2 * e + 1), 1e-15);
	lt_quiz_answer_is("q-boss-softmax", p[0]);
	lt_quiz_wrong("q-boss-softmax", z[0] / (z[0] + z[1] + z[2])); /* logits / total */
	lt_quiz_wrong("q-boss-softmax", lt_round(1.0 / 3, 3));        /* equal thirds */
	lt_states("p₁ = 2.718 / (2.718 + 2.718 + 1) ≈ 0.422");
	lt_quiz_answer_is("q-boss-vanish", pow(0.25, 3));
	lt_quiz_wrong("q-boss-vanish", 3 * 0.25);
	lt_quiz_wrong("q-boss-vanish", pow(0.25, 2));
}
END_TEST

/* Level 4: dropout's scale, the map's width after a convolution and pooling, one RNN
 * step. */
START_TEST(level_four)
{
	const double p = 0.2;
	const int n = 8, k = 3, pad = 0, stride = 1;
	int conv = (n - k + 2 * pad) / stride + 1, pooled = (conv - 2) / 2 + 1;

	lt_load("level4/final.lesson");
	lt_quiz_answer_is("q-boss-dropout", 1 / (1 - p));
	lt_quiz_wrong("q-boss-dropout", 1 - p);
	lt_quiz_wrong("q-boss-dropout", 1 / p);
	ck_assert_int_eq(conv, 6);
	lt_quiz_answer_is("q-boss-conv", pooled);
	ck_assert_double_eq(lt_quiz_field("q-boss-conv", "tolerance"), 0);
	lt_quiz_wrong("q-boss-conv", conv);       /* no pooling */
	lt_quiz_wrong("q-boss-conv", n / 2);      /* pooled the image */
	lt_quiz_wrong("q-boss-conv", n - k);      /* no + 1 */
	lt_states("(8 − 3 + 0) / 1 + 1 = 6");
	lt_quiz_answer_is("q-boss-rnn", tanh(2 * 0.5 + 1 * 0 - 0.2));
	lt_quiz_wrong("q-boss-rnn", 2 * 0.5 - 0.2);               /* no tanh */
	lt_quiz_wrong("q-boss-rnn", lt_round(tanh(2 * 0.5), 3)); /* no bias */
}
END_TEST

/* The quizzes of unit id, into qs (at most max); returns how many. */
static size_t quizzes_of(const char *id, const Quiz **qs, size_t max)
{
	const Lesson *l = lt_lesson();
	size_t u, b, n = 0;

	for (u = 0; u < l->nunits; u++)
		if (strcmp(l->units[u].id, id) == 0)
			for (b = 0; b < l->units[u].nblocks; b++)
				if (l->units[u].blocks[b].kind == BLOCK_QUIZ) {
					ck_assert(n < max);
					qs[n++] = &l->units[u].blocks[b].quiz;
				}
	return n;
}

/* Whether q answers a wrong try with feedback: every wrong choice (single, multi), two
 * foreseen wrong numbers or more (numeric), every pair (match), every item after the
 * first (order), every term (recall). */
static bool has_feedback(const Quiz *q)
{
	size_t i;

	switch (q->kind) {
	case QUIZ_SINGLE:
	case QUIZ_MULTI:
		for (i = 0; i < q->nchoices; i++)
			if (!q->choices[i].right && q->choices[i].feedback.n == 0)
				return false;
		return true;
	case QUIZ_NUMERIC:
		for (i = 0; i < q->nwrongs; i++)
			if (q->wrongs[i].feedback.n == 0)
				return false;
		return q->nwrongs >= 2;
	case QUIZ_MATCH:
		for (i = 0; i < q->npairs; i++)
			if (q->pairs[i].feedback.n == 0)
				return false;
		return true;
	case QUIZ_ORDER:
		for (i = 1; i < q->nchoices; i++)
			if (q->choices[i].feedback.n == 0)
				return false;
		return true;
	case QUIZ_RECALL:
		for (i = 0; i < q->nterms; i++)
			if (q->terms[i].feedback.n == 0)
				return false;
		return q->nterms > 0;
	}
	return false;
}

/* The boss quiz: 20 questions or more, all six kinds, each with a hint, an explanation
 * and feedback for wrong answers; Lock it in: recall only. */
START_TEST(boss_rules)
{
	const Quiz *qs[64];
	size_t n, i;
	unsigned kinds = 0;

	lt_load("level4/final.lesson");
	n = quizzes_of("L4.boss", qs, 64);
	ck_assert_uint_ge(n, 20);
	for (i = 0; i < n; i++) {
		kinds |= 1u << qs[i]->kind;
		ck_assert_msg(has_feedback(qs[i]), "%s has no feedback for a wrong answer", qs[i]->id);
		ck_assert_msg(qs[i]->nhints > 0, "%s has no hint", qs[i]->id);
		ck_assert_msg(qs[i]->explain.n > 0, "%s has no explanation", qs[i]->id);
	}
	ck_assert_uint_eq(kinds, (1u << (QUIZ_RECALL + 1)) - 1);
	lt_states("Twenty-three answers, one network");
	ck_assert_uint_eq(n, 23);
	n = quizzes_of("L4.lockin", qs, 64);
	ck_assert_uint_eq(n, 3);
	lt_states("Below are three ideas from the course.");
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(qs[i]->kind, QUIZ_RECALL);
		ck_assert_msg(has_feedback(qs[i]), "%s has a term without feedback", qs[i]->id);
		ck_assert_int_lt(qs[i]->need, (int)qs[i]->nterms + 1);
	}
}
END_TEST

/* Every recall quiz's model answer names all its terms, and its question none (an
 * answer that repeats the question scores nothing). */
START_TEST(model_answers_name_every_term)
{
	static const char *const ids[] = {"q-boss-embed", "q-lock-backprop", "q-lock-overfit",
					  "q-lock-conv"};
	char ex[2048];
	size_t i;

	lt_load("level4/final.lesson");
	for (i = 0; i < 4; i++) {
		const Quiz *q = lt_quiz(ids[i]);
		ck_assert_int_eq(quiz_recall_count(q, lt_flat(ex, sizeof ex, &q->explain), NULL),
				 (int)q->nterms);
		ck_assert_msg(quiz_recall_count(q, lt_flat(ex, sizeof ex, &q->prompt), NULL) == 0,
			      "%s's question names a term", ids[i]);
	}
}
END_TEST

/* Draws quiz id, focused, at 76 columns in UTF-8. */
static char *drawn(const char *id)
{
	return wt_draw(wt_get(&t, id), 76, wt_mono, true);
}

static void shows(const char *id, const char *s, bool yes)
{
	char *txt = drawn(id);

	ck_assert_msg((strstr(txt, s) != NULL) == yes, "%s %s \"%s\":\n%s", id,
		      yes ? "does not show" : "shows", s, txt);
	free(txt);
}

/* Lock it in: an answer typed and left is saved as typed, and the quiz opened again on
 * what was saved shows it, still open; checked, the verdict names the terms it misses
 * with their feedback, and a second answer with enough terms is "Well said!". */
START_TEST(lockin_saved_and_judged)
{
	static const char typed[] = "It finds the gradient of the loss";
	MemStore m;
	char answer[600];
	const char *v;

	lt_load("level4/final.lesson");
	wt_open_file(&t, "content/level4/final.lesson");
	opened = true;
	wt_type(wt_get(&t, "q-lock-backprop"), typed, false);
	v = wt_saved(wt_get(&t, "q-lock-backprop"), &m, "answer");
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v, typed);
	ck_assert_str_eq(memstore_get(&m, "state"), "open");
	snprintf(answer, sizeof answer, "%s", v);
	/* reopened: a fresh scene restored from what was saved */
	wt_close(&t);
	wt_open_file(&t, "content/level4/final.lesson");
	shows("q-lock-backprop", typed, false);
	wt_get(&t, "q-lock-backprop")->ops->restore(wt_get(&t, "q-lock-backprop"), &m.store);
	shows("q-lock-backprop", typed, true);
	ck_assert(!wt_get(&t, "q-lock-backprop")->done);
	/* checked: 2 of the 4 terms, 3 needed */
	ck_assert_int_eq(quiz_recall_count(lt_quiz("q-lock-backprop"), answer, NULL), 2);
	wt_type(wt_get(&t, "q-lock-backprop"), "", true);
	ck_assert(wt_get(&t, "q-lock-backprop")->done);
	shows("q-lock-backprop", "2 of the 3 key ideas", true);
	shows("q-lock-backprop", "chain rule: Say how the slopes are found", true);
	shows("q-lock-backprop", "backward: Say which way it goes", true);
	shows("q-lock-backprop", "gradient: Say what backpropagation finds", false);
	ck_assert_str_eq(wt_saved(wt_get(&t, "q-lock-backprop"), &m, "answer"), typed);
	ck_assert_str_eq(memstore_get(&m, "score"), "0");
	/* the screen scenario's lock-in answer for overfitting: all four */
	ck_assert_int_eq(quiz_recall_count(lt_quiz("q-lock-overfit"),
					   "it fits the noise of the training data and does worse on "
					   "validation data; dropout helps",
					   NULL),
			 4);
	wt_type(wt_get(&t, "q-lock-overfit"),
		"it fits the noise of the training data and does worse on validation data; "
		"dropout helps",
		true);
	shows("q-lock-overfit", "Well said!", true);
}
END_TEST

/* The boss quiz's recall question: the screen scenario's first answer, which repeats
 * the question, names no term; its second names all three. */
START_TEST(boss_recall_answer)
{
	const Quiz *q;

	lt_load("level4/final.lesson");
	q = lt_quiz("q-boss-embed");
	ck_assert_int_eq(quiz_recall_count(q, "similar words get similar vectors", NULL), 0);
	ck_assert_int_eq(quiz_recall_count(q,
					   "it learns by guessing the neighbours of each word, so "
					   "their vectors end up close",
					   NULL),
			 3);
	ck_assert_int_eq(q->need, 2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("l4_final");
	TCase *tc = tcase_create("final");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, levels_one_and_two);
	tcase_add_test(tc, level_three);
	tcase_add_test(tc, level_four);
	tcase_add_test(tc, boss_rules);
	tcase_add_test(tc, model_answers_name_every_term);
	tcase_add_test(tc, lockin_saved_and_judged);
	tcase_add_test(tc, boss_recall_answer);
	suite_add_tcase(s, tc);
	return test_main(s);
}
