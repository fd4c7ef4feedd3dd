/* check_lesson.c: the lesson parser on good input: the example lesson's model field by
 * field, inline markup, re-flowed paragraphs, CRLF and a byte-order mark. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"

static char *example;
static size_t example_len;

static void load_example(void)
{
	int err = course_read_file(test_srcpath("content/examples/neuron.lesson"), &example,
	                           &example_len);
	ck_assert_msg(err == 0, "cannot read the example lesson");
}

static void free_example(void)
{
	free(example);
}

/* Parses text; fails the test on any diagnostic. */
static Lesson *parse_ok(const char *text, size_t n)
{
	DiagList d;
	Lesson *l;
	char buf[1024];

	diag_init(&d, 0);
	ck_assert_int_eq(lesson_parse(&l, "t.lesson", text, n, &d) == LESSON_OK || d.n > 0, 1);
	if (d.n) {
		diag_format(&d.items[0], buf, sizeof buf);
		ck_abort_msg("unexpected diagnostic: %s", buf);
	}
	diag_free(&d);
	return l;
}

static const char *plain(const Text *t)
{
	static char buf[4][1024];
	static int k;

	k = (k + 1) % 4;
	text_plain(t, buf[k], sizeof buf[k]);
	return buf[k];
}

static const Block *block(const Lesson *l, size_t unit, size_t i)
{
	ck_assert_uint_lt(unit, l->nunits);
	ck_assert_uint_lt(i, l->units[unit].nblocks);
	return &l->units[unit].blocks[i];
}

/* The first block of kind in the lesson at or after (unit, *from); updates *from. */
static const Block *find(const Lesson *l, size_t unit, BlockKind kind, size_t *from)
{
	size_t i;

	for (i = *from; i < l->units[unit].nblocks; i++)
		if (l->units[unit].blocks[i].kind == kind) {
			*from = i + 1;
			return &l->units[unit].blocks[i];
		}
	ck_abort_msg("no block of kind %d in unit %zu after %zu", kind, unit, *from);
	return NULL;
}

START_TEST(example_header_and_units)
{
	Lesson *l = parse_ok(example, example_len);
	SchemaTable t = registry_schemas();
	DiagList d;

	ck_assert_str_eq(l->id, "EX-neuron");
	ck_assert_str_eq(l->title, "One neuron, step by step");
	ck_assert_str_eq(l->level, "1");
	ck_assert_int_eq(l->format, 1);
	ck_assert_uint_eq(l->nunits, 3);
	ck_assert_str_eq(l->units[0].id, "EX.weigh");
	ck_assert_str_eq(l->units[1].id, "EX.squash");
	ck_assert_str_eq(l->units[2].id, "EX.check");
	ck_assert_int_eq(l->units[0].line, 9);
	diag_init(&d, 0);
	ck_assert_uint_eq(lesson_check(l, &t, &d), 0);
	diag_free(&d);
	lesson_free(l);
}
END_TEST

START_TEST(example_prose)
{
	Lesson *l = parse_ok(example, example_len);
	const Block *b = block(l, 0, 0);
	const Text *t;

	ck_assert_int_eq(b->kind, BLOCK_HEADING);
	ck_assert_int_eq(b->heading.level, 1);
	ck_assert_str_eq(plain(&b->heading.text), "What a single neuron does");
	b = block(l, 0, 1);
	ck_assert_int_eq(b->kind, BLOCK_PARA);
	ck_assert_int_eq(b->line, 12);
	t = &b->para;
	ck_assert_int_eq(t->spans[0].kind, SPAN_TEXT);
	ck_assert_int_eq(t->spans[1].kind, SPAN_EMPH);
	ck_assert_str_eq(t->spans[1].text, "artificial neuron");
	/* five source lines, one paragraph joined by single spaces */
	ck_assert_ptr_nonnull(strstr(plain(t), "copied many times: the artificial neuron. It"));
	ck_assert_ptr_nonnull(strstr(plain(t), "follow with pencil and paper. This paragraph"));
	b = block(l, 0, 2);
	ck_assert_int_eq(b->heading.level, 2);
	b = block(l, 0, 4);
	ck_assert_int_eq(b->kind, BLOCK_LIST);
	ck_assert_uint_eq(b->list.n, 3);
	ck_assert_str_eq(plain(&b->list.items[0]),
	                 "It weighs each input: it multiplies the input by a number of its own, "
	                 "called a weight.");
	ck_assert_int_eq(b->list.items[2].spans[1].kind, SPAN_EMPH);
	lesson_free(l);
}
END_TEST

START_TEST(example_formula)
{
	Lesson *l = parse_ok(example, example_len);
	size_t at = 0;
	const Block *b = find(l, 0, BLOCK_FORMULA, &at);
	const Formula *f = &b->formula;

	ck_assert_uint_eq(f->nlines, 1);
	ck_assert_str_eq(f->uni[0], "y = σ(Σᵢ wᵢxᵢ + b)");
	ck_assert_str_eq(f->ascii[0], "y = sigma(sum_i w_i*x_i + b)");
	ck_assert_ptr_nonnull(strstr(plain(&f->words), "multiply each input by its weight"));
	ck_assert_uint_eq(f->nlegend, 5);
	ck_assert_str_eq(f->legend[0].uni, "xᵢ");
	ck_assert_str_eq(f->legend[0].ascii, "x_i");
	ck_assert_str_eq(plain(&f->legend[0].meaning), "the i-th input");
	ck_assert_str_eq(f->legend[2].uni, "b");
	ck_assert_str_eq(f->legend[2].ascii, "b");
	ck_assert_str_eq(f->legend[3].ascii, "sigma");
	lesson_free(l);
}
END_TEST

START_TEST(example_callouts)
{
	Lesson *l = parse_ok(example, example_len);
	size_t at = 0, i;
	const Block *b = find(l, 0, BLOCK_CALLOUT, &at);
	const CalloutKind want[] = {CALLOUT_EXAMPLE, CALLOUT_TAKEAWAY, CALLOUT_BIGIDEA,
	                            CALLOUT_RESEARCH};

	ck_assert_int_eq(b->callout.kind, CALLOUT_EXPLAIN);
	ck_assert_str_eq(b->callout.title, "Why weights?");
	ck_assert_uint_eq(b->callout.nbody, 1);
	ck_assert_int_eq(b->callout.body[0].kind, BLOCK_PARA);
	b = find(l, 0, BLOCK_CALLOUT, &at);
	ck_assert_int_eq(b->callout.kind, CALLOUT_ANALOGY);
	at = 0;
	for (i = 0; i < 4; i++) {
		b = find(l, 1, BLOCK_CALLOUT, &at);
		ck_assert_int_eq(b->callout.kind, want[i]);
	}
	ck_assert_uint_eq(b->callout.ncites, 1);
	ck_assert_str_eq(b->callout.cites[0].authors, "Dan Hendrycks, Kevin Gimpel");
	ck_assert_str_eq(b->callout.cites[0].title, "Gaussian Error Linear Units (GELUs)");
	ck_assert_int_eq(b->callout.cites[0].year, 2016);
	at = 0;
	b = find(l, 1, BLOCK_CALLOUT, &at); /* the worked example */
	ck_assert_ptr_null(NULL);
	ck_assert_uint_eq(b->callout.nbody, 2);
	ck_assert_int_eq(b->callout.body[1].kind, BLOCK_STEPS);
	ck_assert_uint_eq(b->callout.body[1].list.n, 3);
	ck_assert_str_eq(plain(&b->callout.body[1].list.items[1]),
	                 "Add: 0.6 + 0 + 0.1 = 0.7, so z = 0.7.");
	lesson_free(l);
}
END_TEST

START_TEST(example_widgets)
{
	Lesson *l = parse_ok(example, example_len);
	size_t at = 0;
	const Block *b = find(l, 0, BLOCK_WIDGET, &at);
	const Param *p;

	ck_assert_str_eq(b->widget.kind, "slider");
	ck_assert_str_eq(b->widget.id, "w1");
	p = widget_param(&b->widget, "label");
	ck_assert_int_eq(p->kind, VALUE_STRING);
	ck_assert_str_eq(p->str, "Weight w1");
	p = widget_param(&b->widget, "range");
	ck_assert_int_eq(p->kind, VALUE_RANGE);
	ck_assert(p->lo == -2 && p->hi == 2);
	ck_assert_int_eq(widget_param(&b->widget, "value")->kind, VALUE_NUMBER);
	ck_assert(widget_param(&b->widget, "value")->num == 0.6);
	ck_assert_ptr_null(widget_param(&b->widget, "id"));
	ck_assert_str_eq(b->widget.alt,
	                 "A slider for the first weight, from -2 to 2, starting at 0.6.");
	find(l, 0, BLOCK_WIDGET, &at);
	b = find(l, 0, BLOCK_WIDGET, &at);
	ck_assert_str_eq(b->widget.kind, "switch");
	ck_assert_int_eq(widget_param(&b->widget, "value")->kind, VALUE_WORD);
	b = find(l, 0, BLOCK_WIDGET, &at);
	ck_assert_str_eq(b->widget.kind, "neuron");
	/* parameters continue on the next line; alt continues on indented lines */
	ck_assert_str_eq(widget_param(&b->widget, "activation")->str, "sigmoid");
	p = widget_param(&b->widget, "weights");
	ck_assert_int_eq(p->kind, VALUE_LIST);
	ck_assert_uint_eq(p->nitems, 2);
	ck_assert(p->items[1].is_num && p->items[1].num == -0.4);
	ck_assert_int_eq(p->line, 66);
	ck_assert_int_eq(p->col, 35);
	ck_assert_str_eq(b->widget.alt,
	                 "A neuron with inputs 1 and 0, weights 0.6 and -0.4 and bias "
	                 "0.1. Its output is about 0.668.");
	at = 0;
	find(l, 1, BLOCK_WIDGET, &at);
	b = find(l, 1, BLOCK_WIDGET, &at);
	p = widget_param(&b->widget, "fn");
	ck_assert_int_eq(p->kind, VALUE_LIST);
	ck_assert_str_eq(p->items[2].str, "relu");
	ck_assert(!p->items[2].is_num);
	ck_assert_str_eq(widget_param(&b->widget, "input")->str, "z");
	lesson_free(l);
}
END_TEST

START_TEST(example_page_and_escapes)
{
	Lesson *l = parse_ok(example, example_len);
	const LessonUnit *u = &l->units[0];
	const Block *last = &u->blocks[u->nblocks - 1], *b;
	size_t at = 0;

	ck_assert_int_eq(last->kind, BLOCK_PAGE);
	b = find(l, 1, BLOCK_HEADING, &at);
	b = find(l, 1, BLOCK_HEADING, &at);
	ck_assert_int_eq(b->heading.level, 3);
	b = &l->units[1].blocks[l->units[1].nblocks - 1];
	ck_assert_int_eq(b->kind, BLOCK_PARA);
	ck_assert_str_eq(plain(&b->para), "# is not a heading here, and @ is not a directive.");
	b = &l->units[1].blocks[l->units[1].nblocks - 2];
	ck_assert_ptr_nonnull(strstr(plain(&b->para), "escape it: 2 * 3 = 6."));
	ck_assert_int_eq(b->para.spans[1].kind, SPAN_CODE);
	ck_assert_str_eq(b->para.spans[1].text, "code");
	ck_assert_int_eq(b->para.spans[3].kind, SPAN_KEY);
	ck_assert_str_eq(b->para.spans[3].text, "Enter");
	lesson_free(l);
}
END_TEST

START_TEST(example_quizzes)
{
	Lesson *l = parse_ok(example, example_len);
	size_t at = 0;
	const Block *b = find(l, 2, BLOCK_QUIZ, &at);
	const Quiz *q = &b->quiz;

	ck_assert_int_eq(q->kind, QUIZ_SINGLE);
	ck_assert_str_eq(q->id, "q-range");
	ck_assert_str_eq(plain(&q->prompt),
	                 "Which range does the sigmoid squash every number into?");
	ck_assert_uint_eq(q->nchoices, 3);
	ck_assert(!q->choices[0].right && q->choices[1].right && !q->choices[2].right);
	ck_assert_ptr_nonnull(strstr(plain(&q->choices[0].feedback), "range of tanh"));
	ck_assert_uint_eq(q->choices[1].feedback.n, 0);
	ck_assert_uint_eq(q->nhints, 1);
	ck_assert_ptr_nonnull(strstr(plain(&q->explain), "close to 1 for very positive ones"));

	q = &find(l, 2, BLOCK_QUIZ, &at)->quiz;
	ck_assert_int_eq(q->kind, QUIZ_MULTI);
	ck_assert_uint_eq(q->nchoices, 4);
	ck_assert(q->choices[0].right && q->choices[1].right && !q->choices[2].right);

	q = &find(l, 2, BLOCK_QUIZ, &at)->quiz;
	ck_assert_int_eq(q->kind, QUIZ_NUMERIC);
	ck_assert_str_eq(q->show, "cell");
	ck_assert(q->answer == 0.7 && q->tolerance == 0.001);
	ck_assert_uint_eq(q->nwrongs, 2);
	ck_assert(q->wrongs[1].value == 0.668);
	ck_assert_ptr_nonnull(strstr(plain(&q->wrongs[0].feedback), "left out the bias"));
	q = &find(l, 2, BLOCK_QUIZ, &at)->quiz;
	ck_assert_str_eq(q->unit, "(between 0 and 1)");

	q = &find(l, 2, BLOCK_QUIZ, &at)->quiz;
	ck_assert_int_eq(q->kind, QUIZ_MATCH);
	ck_assert_uint_eq(q->npairs, 4);
	ck_assert_str_eq(plain(&q->pairs[3].left), "σ");
	ck_assert_str_eq(plain(&q->pairs[3].right), "the activation function");
	ck_assert_uint_gt(q->pairs[1].feedback.n, 0);

	q = &find(l, 2, BLOCK_QUIZ, &at)->quiz;
	ck_assert_int_eq(q->kind, QUIZ_ORDER);
	ck_assert_uint_eq(q->nchoices, 3);
	ck_assert_str_eq(plain(&q->choices[2].text), "Squash the sum with the activation function");
	ck_assert_uint_gt(q->choices[1].feedback.n, 0);

	q = &find(l, 2, BLOCK_QUIZ, &at)->quiz;
	ck_assert_int_eq(q->kind, QUIZ_RECALL);
	ck_assert_uint_eq(q->nterms, 4);
	ck_assert_uint_eq(q->terms[0].nalts, 3);
	ck_assert_str_eq(q->terms[0].alts[2], "weighs");
	ck_assert_uint_gt(q->terms[3].feedback.n, 0);
	ck_assert_int_eq(q->need, 3);
	lesson_free(l);
}
END_TEST

/* A minimal lesson around one unit's body. */
static Lesson *parse_body(const char *body)
{
	char text[4096];

	snprintf(text, sizeof text, "@lesson T\n@title T\n@level 1\n@format 1\n@unit U\n%s", body);
	return parse_ok(text, strlen(text));
}

START_TEST(inline_markup)
{
	Lesson *l = parse_body("*a b* and `c  d` press <Ctrl-C>; 2 * 3, w_1*x_1, x < y > z,\n"
	                       "\\*not\\*   spaced,\t\\`tick <> <a b>\n");
	const Text *t = &block(l, 0, 0)->para;
	const SpanKind kinds[] = {SPAN_EMPH, SPAN_TEXT, SPAN_CODE, SPAN_TEXT, SPAN_KEY, SPAN_TEXT};
	const char *texts[] = {
	    "a b",     " and ",  "c  d",
	    " press ", "Ctrl-C", "; 2 * 3, w_1*x_1, x < y > z, *not* spaced, `tick <> <a b>"};
	size_t i;

	ck_assert_uint_eq(t->n, 6);
	for (i = 0; i < 6; i++) {
		ck_assert_int_eq(t->spans[i].kind, kinds[i]);
		ck_assert_str_eq(t->spans[i].text, texts[i]);
		ck_assert_uint_eq(t->spans[i].len, strlen(texts[i]));
	}
	lesson_free(l);
}
END_TEST

START_TEST(lists_steps_and_paragraphs)
{
	Lesson *l = parse_body("Para one\n  goes on.\n\n- a\n- b\n  more b\nafter list\n"
	                       "1. one\n2. two\n\n// a comment\nlast\n");
	const LessonUnit *u = &l->units[0];

	ck_assert_uint_eq(u->nblocks, 5);
	ck_assert_str_eq(plain(&u->blocks[0].para), "Para one goes on.");
	ck_assert_int_eq(u->blocks[1].kind, BLOCK_LIST);
	ck_assert_str_eq(plain(&u->blocks[1].list.items[1]), "b more b");
	ck_assert_int_eq(u->blocks[2].kind, BLOCK_PARA);
	ck_assert_int_eq(u->blocks[2].line, 12);
	ck_assert_int_eq(u->blocks[3].kind, BLOCK_STEPS);
	ck_assert_uint_eq(u->blocks[3].list.n, 2);
	ck_assert_str_eq(plain(&u->blocks[4].para), "last");
	lesson_free(l);
}
END_TEST

START_TEST(crlf_and_bom_give_the_same_model)
{
	char *crlf = malloc(2 * example_len + 4);
	size_t i, n = 0;
	Lesson *a, *b;

	memcpy(crlf, "\xEF\xBB\xBF", 3);
	n = 3;
	for (i = 0; i < example_len; i++) {
		if (example[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = example[i];
	}
	a = parse_ok(example, example_len);
	b = parse_ok(crlf, n);
	ck_assert_uint_eq(a->nunits, b->nunits);
	for (i = 0; i < a->nunits; i++)
		ck_assert_uint_eq(a->units[i].nblocks, b->units[i].nblocks);
	ck_assert_str_eq(b->id, "EX-neuron");
	ck_assert_str_eq(b->units[0].blocks[4].list.items[0].spans[2].text,
	                 a->units[0].blocks[4].list.items[0].spans[2].text);
	lesson_free(a);
	lesson_free(b);
	free(crlf);
}
END_TEST

/* Marks the kinds of blocks[0..n), callout bodies and steps included. */
static void kinds_used(const Block *b, size_t n, bool *used)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		used[b[i].kind] = true;
		if (b[i].kind == BLOCK_CALLOUT)
			kinds_used(b[i].callout.body, b[i].callout.nbody, used);
		for (j = 0; b[i].kind == BLOCK_STEPWISE && j < b[i].stepwise.nsteps; j++)
			kinds_used(b[i].stepwise.steps[j].body, b[i].stepwise.steps[j].nbody, used);
	}
}

/* The example lesson shows every construct: every kind of block appears in it. */
START_TEST(example_uses_every_block_kind)
{
	Lesson *l = parse_ok(example, example_len);
	bool used[BLOCK_STEPWISE + 1] = {false};
	size_t u;
	int k;

	for (u = 0; u < l->nunits; u++)
		kinds_used(l->units[u].blocks, l->units[u].nblocks, used);
	for (k = 0; k <= BLOCK_STEPWISE; k++)
		ck_assert_msg(used[k], "the example lesson has no block of kind %d", k);
	lesson_free(l);
}
END_TEST

static Suite *lesson_suite(void)
{
	Suite *s = suite_create("lesson");
	TCase *tc = tcase_create("lesson");

	tcase_add_checked_fixture(tc, load_example, free_example);
	tcase_add_test(tc, example_header_and_units);
	tcase_add_test(tc, example_prose);
	tcase_add_test(tc, example_formula);
	tcase_add_test(tc, example_callouts);
	tcase_add_test(tc, example_widgets);
	tcase_add_test(tc, example_page_and_escapes);
	tcase_add_test(tc, example_quizzes);
	tcase_add_test(tc, example_uses_every_block_kind);
	tcase_add_test(tc, inline_markup);
	tcase_add_test(tc, lists_steps_and_paragraphs);
	tcase_add_test(tc, crlf_and_bom_give_the_same_model);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(lesson_suite());
}
