/* check_doc.c: the lesson layout from a hand-built document model: every block kind,
 * both character sets, two widths, slots, anchors, search and rows of blocks. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "draw/doc.h"
#include "testlib.h"

#define SPAN(k, s) {.kind = k, .text = s, .len = sizeof s - 1}
#define TEXT(a) {a, sizeof a / sizeof *a}

static const Span s_head[] = {SPAN(SPAN_TEXT, "One neuron")};
static const Span s_para[] = {
	SPAN(SPAN_TEXT, "A neuron weighs its inputs, adds a "), SPAN(SPAN_EMPH, "bias"),
	SPAN(SPAN_TEXT, " and squashes the total with "), SPAN(SPAN_CODE, "sigmoid"),
	SPAN(SPAN_TEXT, ". Press "), SPAN(SPAN_KEY, "Tab"),
	SPAN(SPAN_TEXT, " to reach the slider below and try it yourself.")};
static const Span s_i1[] = {SPAN(SPAN_TEXT, "weigh every input")};
static const Span s_i2[] = {SPAN(SPAN_TEXT, "add the bias")};
static const Span s_i3[] = {SPAN(SPAN_TEXT, "squash the sum")};
static const Text items[] = {TEXT(s_i1), TEXT(s_i2), TEXT(s_i3)};
static const char *f_uni[] = {"y = σ(Σᵢ wᵢxᵢ + b)"};
static const char *f_ascii[] = {"y = sigma(sum_i w_i*x_i + b)"};
static const Span s_words[] = {SPAN(SPAN_TEXT, "weigh, add the bias, squash.")};
static const Span s_m1[] = {SPAN(SPAN_TEXT, "the inputs")};
static const Span s_m2[] = {SPAN(SPAN_TEXT, "the squashing function, here the logistic sigmoid")};
static const LegendRow legend[] = {{"xᵢ", "x_i", TEXT(s_m1), 0}, {"σ", "sigma", TEXT(s_m2), 0}};
static const Span s_take[] = {SPAN(SPAN_TEXT, "A neuron is a weighted vote, squashed.")};
static const Span s_q[] = {SPAN(SPAN_TEXT, "Which function squashes any number into (0, 1)?")};
static const Span s_c1[] = {SPAN(SPAN_TEXT, "sigmoid")};
static const Span s_c2[] = {SPAN(SPAN_TEXT, "ReLU")};

static Block take_body[1];
static Block blocks[8];
static QuizChoice choices[2];
static LessonUnit units[2];
static Lesson lesson;

static void build(void)
{
	memset(blocks, 0, sizeof blocks);
	blocks[0].kind = BLOCK_HEADING;
	blocks[0].heading.level = 1;
	blocks[0].heading.text = (Text)TEXT(s_head);
	blocks[1].kind = BLOCK_PARA;
	blocks[1].para = (Text)TEXT(s_para);
	blocks[2].kind = BLOCK_STEPS;
	blocks[2].list.items = items;
	blocks[2].list.n = 3;
	blocks[3].kind = BLOCK_FORMULA;
	blocks[3].formula.uni = f_uni;
	blocks[3].formula.ascii = f_ascii;
	blocks[3].formula.nlines = 1;
	blocks[3].formula.words = (Text)TEXT(s_words);
	blocks[3].formula.legend = legend;
	blocks[3].formula.nlegend = 2;
	memset(take_body, 0, sizeof take_body);
	take_body[0].kind = BLOCK_PARA;
	take_body[0].para = (Text)TEXT(s_take);
	blocks[4].kind = BLOCK_CALLOUT;
	blocks[4].callout.kind = CALLOUT_TAKEAWAY;
	blocks[4].callout.body = take_body;
	blocks[4].callout.nbody = 1;
	blocks[5].kind = BLOCK_WIDGET;
	blocks[5].widget.kind = "slider";
	blocks[5].widget.id = "w1";
	blocks[5].widget.alt = "A slider for the weight w1, from -2 to 2.";
	memset(choices, 0, sizeof choices);
	choices[0].text = (Text)TEXT(s_c1);
	choices[0].right = true;
	choices[1].text = (Text)TEXT(s_c2);
	blocks[6].kind = BLOCK_QUIZ;
	blocks[6].quiz.kind = QUIZ_SINGLE;
	blocks[6].quiz.id = "q1";
	blocks[6].quiz.prompt = (Text)TEXT(s_q);
	blocks[6].quiz.choices = choices;
	blocks[6].quiz.nchoices = 2;
	blocks[7].kind = BLOCK_LIST;
	blocks[7].list.items = items;
	blocks[7].list.n = 2;
	memset(units, 0, sizeof units);
	units[0].id = "L1.perceptron";
	units[0].blocks = blocks;
	units[0].nblocks = 5;
	units[1].id = "L1.try";
	units[1].blocks = blocks + 5;
	units[1].nblocks = 3;
	memset(&lesson, 0, sizeof lesson);
	lesson.id = "L1-neuron";
	lesson.title = "One neuron up close";
	lesson.units = units;
	lesson.nunits = 2;
}

static const char *titles(const void *ctx, const char *id, int *minutes)
{
	(void)ctx;
	if (strcmp(id, "L1.perceptron") != 0)
		return NULL;
	*minutes = 6;
	return "Weigh, sum, squash";
}

static int slot_rows(const void *ctx, const Block *b, int w)
{
	(void)ctx;
	(void)w;
	return b->kind == BLOCK_WIDGET ? 5 : 0;
}

static void golden(int width, int unicode, const char *name)
{
	DocLayout d;
	DocOptions o = {.caps = {unicode != 0, 0}, .width = width, .unit_title = titles,
			 .slot_height = slot_rows};
	char *t;

	build();
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	t = grid_to_text(&d.g);
	test_golden(name, t);
	free(t);
	doc_free(&d);
}

START_TEST(utf8_80)
{
	golden(80, 1, "tests/draw/golden/doc-utf8-80.txt");
}
END_TEST

START_TEST(ascii_80)
{
	golden(80, 0, "tests/draw/golden/doc-ascii-80.txt");
}
END_TEST

START_TEST(utf8_40_reflows)
{
	golden(40, 1, "tests/draw/golden/doc-utf8-40.txt");
}
END_TEST

START_TEST(slots_anchors_and_rows)
{
	DocLayout d;
	DocOptions o = {.caps = {true, 0}, .width = 80, .unit_title = titles,
			 .slot_height = slot_rows};
	int y;

	build();
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	ck_assert_uint_eq(d.nunits, 2);
	ck_assert_str_eq(d.units[1].id, "L1.try");
	ck_assert_int_eq(d.units[0].end, d.units[1].y);
	ck_assert_uint_eq(d.nslots, 2);
	ck_assert_ptr_eq(d.slots[0].block, &blocks[5]);
	ck_assert_int_eq(d.slots[0].h, 5); /* the callback's height, more than its text */
	ck_assert_int_eq(d.slots[1].number, 1);
	ck_assert_int_ge(d.slots[1].h, 3); /* the question and its two choices */
	ck_assert_uint_eq(d.slots[1].unit, 1);
	y = doc_row_of(&d, 1, 1);
	ck_assert_int_eq(y, d.slots[1].y);
	ck_assert_int_eq(doc_row_of(&d, 0, -1), d.units[0].y);
	ck_assert_int_eq(doc_row_of(&d, 5, 0), -1);
	/* Search ignores case, goes both ways, and misses cleanly. */
	y = doc_find(&d, "SQUASHES", 0, 1);
	ck_assert_int_ge(y, 0);
	ck_assert_int_eq(doc_find(&d, "squashes", y + 1, 1) > y, 1); /* the quiz's prompt */
	ck_assert_int_eq(doc_find(&d, "squashes", d.g.h - 1, -1), doc_find(&d, "squashes", y + 1, 1));
	ck_assert_int_eq(doc_find(&d, "no such words", 0, 1), -1);
	ck_assert_int_eq(doc_find(&d, "", 0, 1), -1);
	doc_free(&d);
}
END_TEST

static bool wide_widgets(const void *ctx, const Block *b)
{
	(void)ctx;
	return b->kind == BLOCK_WIDGET;
}

/* A wide slot takes the page (up to DOC_MAX_WIDE columns, 4 for the margins), centred;
 * on a page no wider than the column it is the column; quizzes and --plain never. */
START_TEST(wide_slots)
{
	static const int widths[] = {80, 140, 200, 40};
	static const int want_x[] = {2, 2, 20, 2}, want_w[] = {76, 136, 160, 36};
	DocLayout d;
	DocOptions o = {.caps = {true, 0}, .width = 80, .unit_title = titles,
			 .slot_height = slot_rows};
	size_t i;

	build();
	o.slot_wide = wide_widgets;
	for (i = 0; i < 4; i++) {
		o.width = widths[i];
		ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
		ck_assert_int_eq(d.slots[0].x, want_x[i]);
		ck_assert_int_eq(d.slots[0].w, want_w[i]);
		ck_assert_int_eq(d.slots[1].w, d.column_w); /* the quiz keeps the column */
		ck_assert_int_eq(d.slots[1].x, d.column_x);
		doc_free(&d);
	}
	o.width = 140;
	o.plain = true;
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	ck_assert_int_eq(d.slots[0].w, d.column_w);
	doc_free(&d);
}
END_TEST

static int one_row(const void *ctx, const Block *b, int w)
{
	(void)ctx;
	(void)w;
	return b->kind == BLOCK_WIDGET ? 1 : 0;
}

/* A live widget's slot is as tall as the widget, even when its text alternative would
 * wrap over more rows (at 30 columns the slider's takes two): the text is not laid
 * out under it, so it cannot push what the widget changes down the screen. Without a
 * live widget, and in --plain, the slot shows the text. */
START_TEST(live_slot_is_the_widget_height)
{
	DocLayout d;
	DocOptions o = {.caps = {true, 0}, .width = 30, .unit_title = titles,
			 .slot_height = one_row};
	char *t;

	build();
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	ck_assert_int_eq(d.slots[0].h, 1);
	t = grid_to_text(&d.g);
	ck_assert_ptr_null(strstr(t, "A slider for the"));
	free(t);
	doc_free(&d);
	o.slot_height = NULL;
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	ck_assert_int_eq(d.slots[0].h, 2);
	t = grid_to_text(&d.g);
	ck_assert_ptr_nonnull(strstr(t, "A slider for the"));
	free(t);
	doc_free(&d);
	o.slot_height = one_row;
	o.plain = true;
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	ck_assert_int_eq(d.slots[0].body, 2);
	ck_assert_int_eq(d.slots[0].h, 3); /* the text, then the drawing's row */
	t = grid_to_text(&d.g);
	ck_assert_ptr_nonnull(strstr(t, "A slider for the"));
	free(t);
	doc_free(&d);
}
END_TEST

START_TEST(narrow_and_empty_do_not_crash)
{
	DocLayout d;
	DocOptions o = {.caps = {true, 0}, .width = 1};
	Lesson empty;

	build();
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	ck_assert_int_eq(d.g.w, 20); /* a floor, so every block keeps some room */
	doc_free(&d);
	memset(&empty, 0, sizeof empty);
	ck_assert_int_eq(doc_layout(&d, &empty, &o), 0);
	ck_assert_uint_eq(d.nunits, 0);
	doc_free(&d);
}
END_TEST

static Suite *doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("doc");

	tcase_add_test(tc, utf8_80);
	tcase_add_test(tc, ascii_80);
	tcase_add_test(tc, utf8_40_reflows);
	tcase_add_test(tc, slots_anchors_and_rows);
	tcase_add_test(tc, wide_slots);
	tcase_add_test(tc, live_slot_is_the_widget_height);
	tcase_add_test(tc, narrow_and_empty_do_not_crash);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(doc_suite());
}
