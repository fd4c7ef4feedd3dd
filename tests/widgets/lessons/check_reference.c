/* check_reference.c: the quick reference's lessons R-context, R-neuron and R-review
 * (content/reference/): the timeline's cards against a table of the pioneers written
 * here (year, names, idea), the neuron's parts linked on screen as the table below pairs
 * them, the five learning steps in order with a tip each, and the review's seventeen
 * questions: every numeric answer (and each foreseen slip) worked out again by hand and
 * by the library, feedback for every wrong choice, and the quiz agreeing with the
 * widgets of the other lessons. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/act.h"
#include "nn/conv.h"
#include "nn/loss.h"
#include "nn/mlp.h"
#include "testlib.h"
#include "widgets/lessons/lessontest.h"

static void teardown(void)
{
	lt_free();
}

/* Whether s contains every word of the NULL-ended list. */
static void says_all(const char *s, const char *const *words, const char *what)
{
	for (; *words; words++)
		ck_assert_msg(strstr(s, *words), "%s does not say \"%s\": %s", what, *words, s);
}

/* The pioneers, from the literature (not from the lesson): each card's year, the names
 * it must give and a word of its idea. */
static const struct {
	const char *year;
	const char *says[6];
} pioneers[] = {
    {"1943", {"McCulloch", "Pitts", "threshold", NULL}},
    {"1958", {"Rosenblatt", "perceptron", "learned", NULL}},
    {"1982", {"Hopfield", "recalls", "Nobel", NULL}},
    {"1986", {"Rumelhart", "Hinton", "Williams", "backpropagation", NULL}},
    {"1989", {"LeCun", "convolutional", "zip codes", NULL}},
    {"1997", {"Hochreiter", "Schmidhuber", "LSTM", NULL}},
    {"2003", {"Bengio", "language model", "next word", NULL}},
    {"2012", {"Krizhevsky", "Sutskever", "Hinton", "15.3%", "26.2%"}},
    {"2014", {"Goodfellow", "generator", "discriminator", NULL}},
    {"2017", {"Vaswani", "Attention Is All You Need", "Transformer", NULL}},
    {"2018", {"Turing Award", "Bengio", "Hinton", "LeCun", "March 2019"}},
    {"2024", {"Nobel Prize in Physics", "Hopfield", "Hinton", NULL}},
};

START_TEST(the_timeline_holds_the_pioneers_in_order)
{
	static const char *const ids[] = {"timeline"};
	WTest t;
	Instance *in;
	size_t i, n = sizeof pioneers / sizeof *pioneers;

	lt_load("reference/context.lesson");
	lt_open_widgets(&t, ids, 1);
	in = wt_get(&t, "timeline");
	ck_assert_uint_eq(widget_nwords(in, "titles"), n);
	ck_assert_uint_eq(widget_nwords(in, "texts"), n);
	for (i = 0; i < n; i++) {
		char what[32];
		ck_assert_str_eq(widget_word(in, "titles", i), pioneers[i].year);
		snprintf(what, sizeof what, "the %s card", pioneers[i].year);
		says_all(widget_word(in, "texts", i), pioneers[i].says, what);
		ck_assert_msg(strstr(widget_word(in, "texts", i), "Why it mattered") ||
				      i >= n - 2, /* the prizes say what they were for instead */
			      "the %s card does not say why it mattered", pioneers[i].year);
	}
	/* moving along it: End is the last year, Enter opens it, its names on screen */
	wt_key(in, K_END);
	wt_key(in, K_ENTER);
	{
		char *s = wt_text(in, 76, wt_ascii, true, NULL, NULL);
		ck_assert_msg(strstr(s, "Hopfield and Geoffrey Hinton"), "%s", s);
		free(s);
	}
	ck_assert(wt_value(&t, "timeline") == 1);
	wt_close(&t);
	/* the prose's facts */
	lt_states("AlphaFold 2");
	lt_states("CASP14 assessment of 2020");
	lt_states("over 200 million predicted structures");
	lt_states("half of the 2024 Nobel Prize in Chemistry");
	lt_states("in 2016 Google Translate");
	lt_states("Seppo Linnainmaa published its general form, the reverse mode of automatic "
		  "differentiation, in 1970");
}
END_TEST

/* The parts as a physiology book pairs them with a model neuron's. */
static const char *const bio[] = {"Dendrites", "Synapse", "Cell body (soma)", "Firing threshold",
				  "Axon"};
static const char *const art[] = {"Inputs x", "Weights w", "Weighted sum", "Activation f",
				  "Output y"};

/* Selects the left item `name` (from the top) and returns the pair line drawn. */
static char *pair_shown(Instance *in, const char *name)
{
	size_t n = widget_nwords(in, "left"), i;

	wt_key(in, K_LEFT);
	wt_key(in, K_HOME);
	for (i = 0; i < n && strcmp(widget_word(in, "left", i), name) != 0; i++)
		wt_key(in, K_DOWN);
	ck_assert_msg(i < n, "no part %s", name);
	return wt_text(in, 76, wt_ascii, true, NULL, NULL);
}

START_TEST(each_part_lights_its_counterpart)
{
	static const char *const ids[] = {"parts"};
	WTest t;
	Instance *in;
	size_t i, k;

	lt_load("reference/neuron.lesson");
	lt_open_widgets(&t, ids, 1);
	in = wt_get(&t, "parts");
	ck_assert_uint_eq(widget_nwords(in, "left"), 5);
	for (i = 0; i < 5; i++) {
		char want[80], *s = pair_shown(in, bio[i]);
		snprintf(want, sizeof want, "%s <-> %s", bio[i], art[i]);
		ck_assert_msg(strstr(s, want), "%s is not paired with %s:\n%s", bio[i], art[i], s);
		/* the counterpart's mark, and no other item marked */
		snprintf(want, sizeof want, "* %s", art[i]);
		ck_assert_msg(strstr(s, want), "%s is not marked:\n%s", art[i], s);
		for (k = 0; k < 5; k++) {
			snprintf(want, sizeof want, "* %s", art[k]);
			ck_assert(k == i || !strstr(s, want));
		}
		free(s);
	}
	ck_assert(wt_value(&t, "parts") == 5);
	/* and from the right: each artificial part names its biological one */
	wt_key(in, K_RIGHT);
	wt_key(in, K_HOME);
	for (i = 0; i < 5; i++) {
		char want[80], *s = wt_text(in, 76, wt_ascii, true, NULL, NULL);
		const char *name = widget_word(in, "right", i);
		for (k = 0; k < 5 && strcmp(art[k], name) != 0; k++)
			;
		ck_assert_uint_lt(k, 5);
		snprintf(want, sizeof want, "* %s", bio[k]);
		ck_assert_msg(strstr(s, want), "%s's counterpart %s is not marked:\n%s", name, bio[k], s);
		free(s);
		wt_key(in, K_DOWN);
	}
	wt_close(&t);
}
END_TEST

START_TEST(the_learning_steps_in_order_with_tips)
{
	static const char *const ids[] = {"learn-steps"};
	static const char *const steps[] = {"Forward", "Loss", "Backward", "Update", "Repeat"};
	WTest t;
	Instance *in;
	size_t i;

	lt_load("reference/neuron.lesson");
	lt_open_widgets(&t, ids, 1);
	in = wt_get(&t, "learn-steps");
	ck_assert_uint_eq(widget_nwords(in, "titles"), 5);
	for (i = 0; i < 5; i++) {
		char want[32];
		snprintf(want, sizeof want, "%zu %s", i + 1, steps[i]);
		ck_assert_str_eq(widget_word(in, "titles", i), want);
		ck_assert_msg(strstr(widget_word(in, "texts", i), "Tip: "), "step %zu has no tip",
			      i + 1);
	}
	wt_close(&t);
	lt_states("Guess, grade, blame, nudge, repeat");
}
END_TEST

/* The review's quiz id. */
static const Quiz *quiz(const char *id)
{
	return lt_quiz(id);
}

/* Quiz id's answer is v, within its tolerance, and v - d, ... are foreseen slips. */
static void answer_is(const char *id, double v)
{
	const Quiz *q = quiz(id);

	ck_assert_msg(fabs(q->answer - v) <= q->tolerance + 1e-12, "%s: the answer is not %g", id,
		      v);
}

START_TEST(numeric_answers_by_hand_and_by_the_library)
{
	const size_t sizes[] = {4, 3};
	const Activation relu[] = {ACT_RELU};
	const Conv2dShape cs = {.n = 1, .c = 1, .h = 28, .w = 28, .o = 1, .kh = 3, .kw = 3,
				.stride = 1, .pad = 0};
	const Conv2dShape padded = {.n = 1, .c = 1, .h = 28, .w = 28, .o = 1, .kh = 3, .kw = 3,
				    .stride = 1, .pad = 1};
	double z = 2 * 1.5 + -1 * 0.5 + 0.25, scores[2] = {2, 1}, p[2];
	Mlp m;

	lt_load("reference/review.lesson");
	/* the ReLU neuron: 2.75 by hand and by act_value; the bias and the sign slips */
	lt_states("the inputs x1 = 2 and x2 = -1, the weights 1.5 and 0.5");
	lt_states("the bias 0.25");
	answer_is("q-r-relu", act_value(ACT_RELU, z));
	ck_assert_double_eq_tol(act_value(ACT_RELU, z), 2.75, 1e-12);
	lt_quiz_wrong("q-r-relu", z - 0.25);
	lt_quiz_wrong("q-r-relu", 2 * 1.5 + 1 * 0.5 + 0.25);
	/* the update: 0.8 - 0.1 * 2; up the slope, without the rate, the step alone */
	lt_states("A weight is 0.8, the gradient of the loss for it is 2, and the learning rate");
	answer_is("q-r-update", 0.8 - 0.1 * 2);
	lt_quiz_wrong("q-r-update", 0.8 + 0.1 * 2);
	lt_quiz_wrong("q-r-update", 0.8 - 2);
	lt_quiz_wrong("q-r-update", 0.1 * 2);
	/* the layer's numbers: what mlp_init allocates for 4 -> 3 */
	ck_assert_int_eq(mlp_init(&m, sizes, 1, relu), NN_OK);
	answer_is("q-r-params", (double)m.n_params);
	ck_assert_uint_eq(m.n_params, 4 * 3 + 3);
	mlp_free(&m);
	lt_quiz_wrong("q-r-params", 4 * 3);
	lt_quiz_wrong("q-r-params", 4 + 3);
	lt_quiz_wrong("q-r-params", 4 * (3 + 1));
	/* the convolution's width, by the library's shape rule; padding keeps 28 */
	ck_assert(conv2d_valid(&cs));
	answer_is("q-r-conv", (double)conv2d_out_w(&cs));
	ck_assert_uint_eq(conv2d_out_w(&cs), 28 - 3 + 1);
	lt_quiz_wrong("q-r-conv", (double)conv2d_out_w(&padded));
	lt_quiz_wrong("q-r-conv", 28 - 3);
	/* the scale: sqrt(64); d_k itself and half of it */
	answer_is("q-r-scale", sqrt(64));
	lt_quiz_wrong("q-r-scale", 64);
	lt_quiz_wrong("q-r-scale", 32);
	/* the softmax of 2 and 1 by the library and by hand; the plain ratio, the hard max */
	loss_softmax(p, scores, 2);
	ck_assert_double_eq_tol(p[0], exp(2) / (exp(2) + exp(1)), 1e-12);
	answer_is("q-r-softmax", p[0]);
	lt_quiz_wrong("q-r-softmax", round(2.0 / 3 * 1000) / 1000);
	lt_quiz_wrong("q-r-softmax", 1);
	lt_states("7.389 / 10.107 ≈ 0.731 and the second 0.269");
	ck_assert_double_eq_tol(exp(2), 7.389, 5e-4);
	ck_assert_double_eq_tol(exp(2) + exp(1), 10.107, 5e-4);
	ck_assert_double_eq_tol(p[1], 0.269, 5e-4);
}
END_TEST

/* Seventeen questions of all six kinds; each explains itself, and every wrong answer
 * it can be given has its own feedback. */
START_TEST(every_question_explains_and_answers_each_slip)
{
	static const char *const ids[] = {
	    "q-r-neuron", "q-r-relu",  "q-r-parts",   "q-r-loop",      "q-r-backprop", "q-r-update",
	    "q-r-params", "q-r-activation", "q-r-cnn", "q-r-conv",     "q-r-lstm",     "q-r-archs",
	    "q-r-qk",     "q-r-scale", "q-r-softmax", "q-r-positions", "q-r-prizes"};
	bool kinds[QUIZ_RECALL + 1] = {false};
	size_t i, j, n = 0, u, b;

	lt_load("reference/review.lesson");
	for (i = 0; i < 17; i++) {
		const Quiz *q = quiz(ids[i]);
		kinds[q->kind] = true;
		ck_assert_msg(q->explain.n > 0, "%s has no explanation", ids[i]);
		ck_assert_msg(q->nhints > 0, "%s has no hint", ids[i]);
		switch (q->kind) {
		case QUIZ_SINGLE:
		case QUIZ_MULTI:
			for (j = 0; j < q->nchoices; j++)
				ck_assert_msg(q->choices[j].right || q->choices[j].feedback.n > 0,
					      "%s: wrong choice %zu has no feedback", ids[i], j + 1);
			break;
		case QUIZ_NUMERIC:
			ck_assert_msg(q->nwrongs >= 2, "%s foresees fewer than two slips", ids[i]);
			break;
		case QUIZ_MATCH:
			for (j = 0; j < q->npairs; j++)
				ck_assert_msg(q->pairs[j].feedback.n > 0, "%s: pair %zu", ids[i], j + 1);
			break;
		case QUIZ_ORDER: /* the first item has nothing to come after */
			for (j = 1; j < q->nchoices; j++)
				ck_assert_msg(q->choices[j].feedback.n > 0, "%s: item %zu", ids[i], j + 1);
			break;
		case QUIZ_RECALL:
			for (j = 0; j < q->nterms; j++)
				ck_assert_msg(q->terms[j].feedback.n > 0, "%s: term %zu", ids[i], j + 1);
			break;
		}
	}
	for (i = 0; i <= QUIZ_RECALL; i++)
		ck_assert_msg(kinds[i], "no question of kind %zu", i);
	for (u = 0; u < lt_lesson()->nunits; u++)
		for (b = 0; b < lt_lesson()->units[u].nblocks; b++)
			n += lt_lesson()->units[u].blocks[b].kind == BLOCK_QUIZ;
	ck_assert_uint_eq(n, 17);
}
END_TEST

/* The text of t, spans joined. */
static void flat(const Text *t, char *out, size_t cap)
{
	size_t i, at = 0;

	out[0] = '\0';
	for (i = 0; i < t->n && at < cap; i++)
		at += (size_t)snprintf(out + at, cap - at, "%s", t->spans[i].text);
}

/* The review's matching of parts and its prize question agree with the other lessons'
 * widgets: the table above, and the 2018 card. */
START_TEST(the_quiz_agrees_with_the_lessons)
{
	static const char *const left[] = {"dendrites", "a synapse's strength", "the cell body",
					   "the axon"};
	static const char *const right[] = {"the inputs", "a weight", "the weighted sum",
					    "the output"};
	static const char *const winners[] = {"Yoshua Bengio", "Geoffrey Hinton", "Yann LeCun"};
	const Quiz *q;
	char l[128], r[128];
	size_t i, j, nright = 0;

	lt_load("reference/review.lesson");
	q = quiz("q-r-parts");
	ck_assert_uint_eq(q->npairs, 4);
	for (i = 0; i < 4; i++) {
		flat(&q->pairs[i].left, l, sizeof l);
		flat(&q->pairs[i].right, r, sizeof r);
		ck_assert_str_eq(l, left[i]);
		ck_assert_str_eq(r, right[i]);
	}
	q = quiz("q-r-prizes");
	for (i = 0; i < q->nchoices; i++) {
		bool winner = false;
		flat(&q->choices[i].text, l, sizeof l);
		for (j = 0; j < 3; j++)
			winner |= strcmp(l, winners[j]) == 0;
		ck_assert_msg(winner == q->choices[i].right, "%s", l);
		nright += q->choices[i].right;
	}
	ck_assert_uint_eq(nright, 3);
}
END_TEST

static Suite *reference_suite(void)
{
	Suite *s = suite_create("reference");
	TCase *tc = tcase_create("reference");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, the_timeline_holds_the_pioneers_in_order);
	tcase_add_test(tc, each_part_lights_its_counterpart);
	tcase_add_test(tc, the_learning_steps_in_order_with_tips);
	tcase_add_test(tc, numeric_answers_by_hand_and_by_the_library);
	tcase_add_test(tc, every_question_explains_and_answers_each_slip);
	tcase_add_test(tc, the_quiz_agrees_with_the_lessons);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(reference_suite());
}
