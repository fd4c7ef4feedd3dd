/* check_doc_steps.c: the layout of a @steps block from a hand-built model: the steps
 * the callback says are shown and no more, each numbered with its why, a slot for the
 * control under them; --plain with every step and no control; golden text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "draw/doc.h"
#include "testlib.h"

#define SPAN(k, s) {.kind = k, .text = s, .len = sizeof s - 1}
#define TEXT(a) {a, sizeof a / sizeof *a}

static const Span w1[] = {SPAN(SPAN_TEXT, "Start from the definition.")};
static const Span w2[] = {SPAN(SPAN_TEXT, "The chain rule, with "), SPAN(SPAN_EMPH, "u"),
			  SPAN(SPAN_TEXT, " = 1 + e⁻ᶻ, which is never zero.")};
static const Span p2[] = {SPAN(SPAN_TEXT, "The derivative of 1/u is −u′/u², and u′ = −e⁻ᶻ, "
					  "so the slope is e⁻ᶻ over the square of 1 + e⁻ᶻ.")};
static const Span i1[] = {SPAN(SPAN_TEXT, "Split the fraction in two.")};
static const Span i2[] = {SPAN(SPAN_TEXT, "THIRD-STEP: each part is σ or 1 − σ.")};
static const Text items[] = {TEXT(i1), TEXT(i2)};
static const char *f_uni[] = {"σ(z) = 1 / (1 + e⁻ᶻ)"};
static const char *f_ascii[] = {"sigma(z) = 1 / (1 + e^-z)"};
static const Span f_words[] = {SPAN(SPAN_TEXT, "one over one plus e to the minus z.")};

static Block b1[1], b2[1], b3[2], top[2];
static StepwiseStep steps[3];
static LessonUnit unit;
static Lesson lesson;

static void build(void)
{
	memset(b1, 0, sizeof b1);
	b1[0].kind = BLOCK_FORMULA;
	b1[0].formula.uni = f_uni;
	b1[0].formula.ascii = f_ascii;
	b1[0].formula.nlines = 1;
	b1[0].formula.words = (Text)TEXT(f_words);
	memset(b2, 0, sizeof b2);
	b2[0].kind = BLOCK_PARA;
	b2[0].para = (Text)TEXT(p2);
	memset(b3, 0, sizeof b3);
	b3[0].kind = BLOCK_LIST;
	b3[0].list.items = items;
	b3[0].list.n = 2;
	b3[1].kind = BLOCK_WIDGET;
	b3[1].widget.kind = "slider";
	b3[1].widget.id = "z";
	b3[1].widget.alt = "A slider for z.";
	memset(steps, 0, sizeof steps);
	steps[0] = (StepwiseStep){TEXT(w1), b1, 1, 0};
	steps[1] = (StepwiseStep){TEXT(w2), b2, 1, 0};
	steps[2] = (StepwiseStep){{NULL, 0}, b3, 2, 0};
	memset(top, 0, sizeof top);
	top[0].kind = BLOCK_STEPWISE;
	top[0].stepwise.id = "slope";
	top[0].stepwise.title = "Why σ′ = σ(1 − σ)";
	top[0].stepwise.steps = steps;
	top[0].stepwise.nsteps = 3;
	top[1].kind = BLOCK_PARA;
	top[1].para = (Text)TEXT(w1);
	memset(&unit, 0, sizeof unit);
	unit.id = "T.steps";
	unit.blocks = top;
	unit.nblocks = 2;
	memset(&lesson, 0, sizeof lesson);
	lesson.id = "T-steps";
	lesson.units = &unit;
	lesson.nunits = 1;
}

static int shown_two(const void *ctx, const Block *b)
{
	(void)ctx;
	ck_assert_int_eq(b->kind, BLOCK_STEPWISE);
	return 2;
}

static int slot_rows(const void *ctx, const Block *b, int w)
{
	(void)ctx;
	(void)w;
	return b->kind == BLOCK_WIDGET ? 3 : 0;
}

static void layout(DocLayout *d, int width, bool unicode, bool plain, bool two)
{
	DocOptions o;

	memset(&o, 0, sizeof o);
	o.caps.unicode = unicode;
	o.width = width;
	o.plain = plain;
	o.slot_height = slot_rows;
	o.steps_shown = two ? shown_two : NULL;
	build();
	ck_assert_int_eq(doc_layout(d, &lesson, &o), 0);
}

static void golden(const DocLayout *d, const char *name)
{
	char *t = grid_to_text(&d->g);

	test_golden(name, t);
	free(t);
}

/* Two of three steps shown: the third's text is not laid out, its widget has no slot,
 * and the control's slot comes after the second step. */
START_TEST(two_of_three)
{
	DocLayout d;
	int y1, y2;

	layout(&d, 80, true, false, true);
	golden(&d, "tests/draw/golden/doc-steps-utf8-80.txt");
	ck_assert_uint_eq(d.nslots, 1);
	ck_assert_ptr_eq(d.slots[0].block, &top[0]);
	ck_assert_int_eq(d.slots[0].h, 1);
	ck_assert_int_eq(doc_find(&d, "THIRD-STEP", 0, 1), -1);
	ck_assert_int_eq(doc_find(&d, "Step 2 of 3", 0, 1), d.slots[0].y);
	y1 = doc_find(&d, "1. Start from", 0, 1);
	y2 = doc_find(&d, "2. The chain rule", 0, 1);
	ck_assert_int_gt(y1, 0);
	ck_assert_int_gt(y2, y1);
	ck_assert_int_gt(d.slots[0].y, y2);
	/* The bar runs from the title to the control; the rows are the steps block's. */
	ck_assert_int_eq(doc_row_of(&d, 0, 0), doc_find(&d, "Step by step", 0, 1));
	ck_assert_int_eq(d.row_block[d.slots[0].y], 0);
	doc_free(&d);
}
END_TEST

/* Without the callback every step is shown, the third with its widget's slot; the
 * third step has no why, so its number stands beside its first block. */
START_TEST(all_steps_ascii)
{
	DocLayout d;

	layout(&d, 80, false, false, false);
	golden(&d, "tests/draw/golden/doc-steps-ascii-80.txt");
	ck_assert_uint_eq(d.nslots, 2);
	ck_assert_ptr_eq(d.slots[0].block, &b3[1]);
	ck_assert_ptr_eq(d.slots[1].block, &top[0]);
	ck_assert_int_ge(doc_find(&d, "3. - Split the fraction", 0, 1), 0);
	ck_assert_int_ge(doc_find(&d, "Step 3 of 3", 0, 1), 0);
	/* inside the steps, a widget's slot is in the step's column */
	ck_assert_int_eq(d.slots[0].x, 2 + 2 + 3);
	doc_free(&d);
}
END_TEST

START_TEST(narrow_40)
{
	DocLayout d;

	layout(&d, 40, true, false, true);
	golden(&d, "tests/draw/golden/doc-steps-utf8-40.txt");
	doc_free(&d);
}
END_TEST

/* --plain: every step whatever the callback says, numbered, and no control. */
START_TEST(plain_every_step)
{
	DocLayout d;

	layout(&d, 80, true, true, true);
	golden(&d, "tests/draw/golden/doc-steps-plain-80.txt");
	ck_assert_int_ge(doc_find(&d, "THIRD-STEP", 0, 1), 0);
	ck_assert_int_eq(doc_find(&d, "of 3", 0, 1), -1);
	ck_assert_uint_eq(d.nslots, 1); /* the widget's, as its text alternative */
	ck_assert_ptr_eq(d.slots[0].block, &b3[1]);
	doc_free(&d);
}
END_TEST

static Suite *steps_suite(void)
{
	Suite *s = suite_create("doc-steps");
	TCase *tc = tcase_create("steps");

	tcase_add_test(tc, two_of_three);
	tcase_add_test(tc, all_steps_ascii);
	tcase_add_test(tc, narrow_40);
	tcase_add_test(tc, plain_every_step);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(steps_suite());
}
