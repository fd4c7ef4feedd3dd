/* quizfix.c: the quiz suites' fixture (see quizfix.h).
 * Links with the widgets and the layers below, and Check. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "widgets/quiz/quizfix.h"

static const char lesson_text[] =
    "@lesson T-quiz\n"
    "@title Quizzes\n"
    "@level 1\n"
    "@format 1\n"
    "\n"
    "@unit T.q\n"
    "@quiz single id=q-range\n"
    "Which range does the sigmoid squash every number into?\n"
    "[ ] -1 to 1\n"
    "feedback: That is the range of tanh, the sigmoid's close relative.\n"
    "[x] 0 to 1\n"
    "[ ] 0 to infinity\n"
    "feedback: That is closer to ReLU, which never goes below 0 but has no top.\n"
    "hint: Look at the plot: where does the sigmoid level off on each side?\n"
    "explain: The sigmoid gets close to 0 for very negative inputs and close to 1\n"
    "  for very positive ones, and never reaches either.\n"
    "@end\n"
    "\n"
    "@quiz multi id=q-parts\n"
    "Which of these does a single neuron have? Pick all that apply.\n"
    "[x] a weight for each input\n"
    "[x] a bias\n"
    "[ ] a memory of earlier inputs\n"
    "feedback: A plain neuron forgets everything between inputs.\n"
    "[x] an activation function\n"
    "feedback: Without it, layers of neurons collapse into one.\n"
    "explain: Weights, a bias and an activation function are the whole neuron.\n"
    "@end\n"
    "\n"
    "@quiz numeric id=q-sum\n"
    "With inputs 1 and 0, weights 0.6 and -0.4 and bias 0.1, what is the\n"
    "weighted sum z, before the squash?\n"
    "answer: 0.7\n"
    "tolerance: 0.001\n"
    "unit: (no unit)\n"
    "wrong: 0.6 | You left out the bias: add b = 0.1.\n"
    "wrong: 0.668 | That is σ(z), the output after the squash. Give z itself.\n"
    "hint: Multiply each input by its weight, then add the bias.\n"
    "explain: 1 × 0.6 + 0 × (-0.4) + 0.1 = 0.7.\n"
    "@end\n"
    "\n"
    "@quiz match id=q-symbols\n"
    "Match each symbol to what it stands for.\n"
    "pair: x | an input\n"
    "pair: w | a weight\n"
    "feedback: The weight belongs to the link between the input and the neuron.\n"
    "pair: b | the bias\n"
    "pair: σ | the activation function\n"
    "explain: Inputs come in, weights scale them, the bias shifts the sum and the\n"
    "  activation function squashes it.\n"
    "@end\n"
    "\n"
    "@quiz order id=q-moves\n"
    "Put the neuron's three moves in order.\n"
    "1. Multiply each input by its weight\n"
    "2. Add the products and the bias\n"
    "3. Squash the sum with the activation function\n"
    "feedback: The squash needs the finished sum, bias included.\n"
    "hint: You cannot squash a sum you have not made yet.\n"
    "explain: Weigh, add, squash: the same three moves, every time.\n"
    "@end\n"
    "\n"
    "@quiz recall id=q-own-words\n"
    "In your own words, what does a single neuron do with its inputs?\n"
    "term: weight | weights | weighs\n"
    "feedback: Say what happens to each input first: it is multiplied by a weight.\n"
    "term: sum | add | total\n"
    "term: bias\n"
    "term: activation | squash | sigmoid\n"
    "feedback: Mention the last move: the total is squashed.\n"
    "need: 3\n"
    "explain: A good answer: the neuron multiplies each input by its weight, adds\n"
    "  the results and a bias, and passes the sum through an activation function.\n"
    "@end\n";

Lesson *lesson;
Scene scene;

void setup(void)
{
	DiagList d;
	char buf[512];

	diag_init(&d, 0);
	lesson_parse(&lesson, "t.lesson", lesson_text, strlen(lesson_text), &d);
	if (d.n) {
		diag_format(&d.items[0], buf, sizeof buf);
		ck_abort_msg("unexpected diagnostic: %s", buf);
	}
	diag_free(&d);
	ck_assert_int_eq(scene_init(&scene, lesson), 0);
	ck_assert_uint_eq(scene.n, 6);
}

void teardown(void)
{
	scene_free(&scene);
	lesson_free(lesson);
}

Instance *quiz(const char *id)
{
	Instance *in = scene_find(&scene, id);

	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_eq(in->ops, &quiz_ops);
	return in;
}

/* Whether the form, drawn focused, shows needle. */
bool shows(const Instance *in, bool unicode, const char *needle)
{
	char *t = draw_at(in, unicode, NULL, NULL);
	bool yes = strstr(t, needle) != NULL;

	free(t);
	return yes;
}

/* Whether the form, drawn in ASCII, reads exactly text. */
bool reads(const Instance *in, const char *text)
{
	char *t = draw_at(in, false, NULL, NULL);
	bool yes = strcmp(t, text) == 0;

	free(t);
	return yes;
}
