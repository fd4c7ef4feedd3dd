/* check_quiz.c: the quiz forms on a parsed lesson with one quiz of every kind: golden
 * text before answering, after a wrong and after a right answer (UTF-8 and ASCII),
 * keys driving the state, first-try scores, showing the answer, retrying, the state
 * kept through an in-memory Store, and recall's term matching. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/quiz.h"
#include "widgets/widget.h"

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
	"feedback: The bias joins the sum; it is not applied after the squash.\n"
	"3. Squash the sum with the activation function\n"
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

enum { WIDTH = 64 };

static Lesson *lesson;
static Scene scene;

static void setup(void)
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

static void teardown(void)
{
	scene_free(&scene);
	lesson_free(lesson);
}

static Instance *quiz(const char *id)
{
	Instance *in = scene_find(&scene, id);

	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_eq(in->ops, &quiz_ops);
	return in;
}

/* The form drawn at WIDTH, as text; *cx, *cy get the cursor when focused. */
static char *draw_focus(const Instance *in, bool unicode, bool focused, int *cx, int *cy)
{
	Grid g;
	Caps caps = {unicode, 0};
	int h = in->ops->height(in, WIDTH), x = -1, y = -1;
	Rect r = {0, 0, WIDTH, h};
	char *t;

	ck_assert_int_eq(grid_init(&g, WIDTH, h), 0);
	in->ops->draw(in, &g, r, caps, focused, &x, &y);
	t = grid_to_text(&g);
	grid_free(&g);
	if (cx)
		*cx = x, *cy = y;
	return t;
}

/* The form drawn focused. */
static char *draw_at(const Instance *in, bool unicode, int *cx, int *cy)
{
	return draw_focus(in, unicode, true, cx, cy);
}

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

/* Whether the form, drawn focused, shows needle. */
static bool shows(const Instance *in, bool unicode, const char *needle)
{
	char *t = draw_at(in, unicode, NULL, NULL);
	bool yes = strstr(t, needle) != NULL;

	free(t);
	return yes;
}

static unsigned key(Instance *in, KeyCode code, uint32_t ch, unsigned mods)
{
	Key k;

	memset(&k, 0, sizeof k);
	k.code = code;
	k.ch = ch;
	k.mods = mods;
	return in->ops->key(in, &k);
}

static unsigned chr(Instance *in, uint32_t ch)
{
	return key(in, K_CHAR, ch, 0);
}

static unsigned enter(Instance *in)
{
	return key(in, K_ENTER, 0, 0);
}

/* Types s (UTF-8) one character at a time. */
static void type(Instance *in, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		i += utf8_decode(&cp, s + i, n - i);
		ck_assert(chr(in, cp) & WIDGET_HANDLED);
	}
}

/* An in-memory Store. */
typedef struct {
	char keys[16][32], values[16][600];
	int n;
} Mem;

static const char *mem_get(void *ctx, const char *k)
{
	Mem *m = ctx;
	int i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->keys[i], k) == 0)
			return m->values[i];
	return NULL;
}

static void mem_set(void *ctx, const char *k, const char *v)
{
	Mem *m = ctx;
	int i;

	for (i = 0; i < m->n && strcmp(m->keys[i], k) != 0; i++)
		;
	ck_assert_int_lt(i, 16);
	if (i == m->n)
		m->n++;
	snprintf(m->keys[i], sizeof m->keys[i], "%s", k);
	snprintf(m->values[i], sizeof m->values[i], "%s", v);
}

static Store mem_store(Mem *m)
{
	Store s = {mem_get, mem_set, m};
	memset(m, 0, sizeof *m);
	return s;
}

static const char *saved(const Instance *in, Mem *m, const char *k)
{
	Store st = mem_store(m);

	in->ops->save(in, &st);
	return mem_get(m, k);
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
	type(in, "0,7004"); /* a comma is a point; within the tolerance */
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

/* Whether the form, drawn in ASCII, reads exactly text. */
static bool reads(const Instance *in, const char *text)
{
	char *t = draw_at(in, false, NULL, NULL);
	bool yes = strcmp(t, text) == 0;

	free(t);
	return yes;
}

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
		{"q-range", "1,1"},     {"q-range", "x"},       {"q-moves", "0,0,1"},
		{"q-moves", "0,1,2,3"}, {"q-symbols", "9,0,1,2"}, {"q-sum", "12abc"},
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
	ck_assert(chr(in, 0xE9) & WIDGET_HANDLED); /* é */
	key(in, K_BACKSPACE, 0, 0);             /* one character, two bytes */
	type(in, "h?s");                        /* letters and '?' are text here */
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

START_TEST(questions_are_numbered)
{
	ck_assert(shows(quiz("q-range"), true, "Question 1."));
	ck_assert(shows(quiz("q-own-words"), true, "Question 6."));
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
	tcase_add_test(tc, recall_stages);
	tcase_add_test(tc, single_keys_scores_and_reveal);
	tcase_add_test(tc, reveal_needs_a_try_and_scores_zero);
	tcase_add_test(tc, numeric_typing);
	tcase_add_test(tc, multi_needs_a_tick);
	tcase_add_test(tc, order_moves);
	tcase_add_test(tc, height_grows_with_the_answer);
	tcase_add_test(tc, save_restore_round_trip);
	tcase_add_test(tc, restore_rejects_what_does_not_fit);
	tcase_add_test(tc, recall_term_matching);
	tcase_add_test(tc, recall_need_and_typing);
	tcase_add_test(tc, questions_are_numbered);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(quiz_suite());
}
