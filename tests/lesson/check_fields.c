/* check_fields.c: widget bodies written one field per line ("key: a, b" lines, a key
 * repeated to go on, row: for cells=): the model is the one key=value gives, value for
 * value; items keep their own line and column; the checker reports an item's error at
 * the item; the errors of the lines themselves. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ltest.h"
#include "testlib.h"

/* The widget block i of the lesson's only unit. */
static const Widget *widget(const Lesson *l, size_t i)
{
	ck_assert_uint_gt(l->units[0].nblocks, i);
	ck_assert_int_eq(l->units[0].blocks[i].kind, BLOCK_WIDGET);
	return &l->units[0].blocks[i].widget;
}

static void same_item(const ValueItem *a, const ValueItem *b)
{
	ck_assert_str_eq(a->str, b->str);
	ck_assert_int_eq(a->is_num, b->is_num);
	if (a->is_num)
		ck_assert(a->num == b->num);
}

/* The two widgets have the same kind, parameters (value for value: where they are
 * written may differ) and alt text, and the same id unless any_id. */
static void same_params(const Widget *a, const Widget *b, bool any_id)
{
	size_t i, j;

	ck_assert_str_eq(a->kind, b->kind);
	if (!any_id)
		ck_assert_str_eq(a->id, b->id);
	ck_assert_str_eq(a->alt, b->alt);
	ck_assert_uint_eq(a->nparams, b->nparams);
	for (i = 0; i < a->nparams; i++) {
		const Param *p = &a->params[i], *q = &b->params[i];
		ck_assert_str_eq(p->key, q->key);
		ck_assert_msg(p->kind == q->kind, "%s: kind %d and %d", p->key, p->kind, q->kind);
		switch (p->kind) {
		case VALUE_LIST:
			ck_assert_uint_eq(p->nitems, q->nitems);
			for (j = 0; j < p->nitems; j++)
				same_item(&p->items[j], &q->items[j]);
			break;
		case VALUE_NUMBER:
			ck_assert(p->num == q->num);
			ck_assert_str_eq(p->str, q->str);
			break;
		case VALUE_RANGE:
			ck_assert(p->lo == q->lo && p->hi == q->hi);
			ck_assert_str_eq(p->str, q->str);
			break;
		case VALUE_STRING:
		case VALUE_WORD:
			ck_assert_str_eq(p->str, q->str);
			break;
		}
	}
}

/* Each pair: the one-line form, then the same widget written one field per line. */
static const char *const pairs[][2] = {
    {"@widget table id=t columns=x1,x2,\"x1 AND x2\" cells=0,0,0,0,1,0,1,0,0,1,1,1\n"
     "alt: AND.\n@end\n",
     "@widget table id=t\ncolumns: x1, x2, \"x1 AND x2\"\nrow: 0, 0, 0\nrow: 0, 1, 0\n"
     "row: 1,0,0\nrow:   1 ,  1 , 1\nalt: AND.\n@end\n"},
    /* text with blanks needs no quotes; a key repeated goes on */
    {"@widget cards id=c titles=\"Weights\",\"The bias\" texts=\"One, per input.\","
     "\"Added: a shift.\" columns=2\nalt: Cards.\n@end\n",
     "@widget cards id=c\ntitles: Weights, The bias\ntexts: \"One, per input.\"\n"
     "texts: Added: a shift.\ncolumns: 2\nalt: Cards.\n@end\n"},
    /* one item: a string, a range, a number, a word, as key=value makes them */
    {"@widget slider id=s label=\"Weight w1\" range=-2..2 value=0.5 step=0.1\n"
     "alt: A slider.\n@end\n",
     "@widget slider\nid: s\nlabel: Weight w1\nrange: -2..2\nvalue: 0.5\nstep: 0.1\n"
     "alt: A slider.\n@end\n"},
    {"@widget neuron id=n inputs=1,0 weights=0.6,-0.4 bias=0.1 activation=tanh\n"
     "alt: A neuron.\n@end\n",
     "@widget neuron id=n inputs=1,0\nweights: 0.6\nweights: -0.4\nbias: 0.1\n"
     "activation: tanh\nalt: A neuron.\n@end\n"},
    {"@widget stepper id=st steps=\"Inputs: x1 and x2 enter.\",\"Hidden, then out.\"\n"
     "alt: Stages.\n@end\n",
     "@widget stepper id=st\nsteps: Inputs: x1 and x2 enter.\nsteps: \"Hidden, then out.\"\n"
     "alt: Stages.\n@end\n"},
};

START_TEST(lines_give_the_one_line_model)
{
	Lesson *a = lt_parse_ok(pairs[_i][0]), *b = lt_parse_ok(pairs[_i][1]);

	same_params(widget(a, 0), widget(b, 0), false);
	lesson_free(a);
	lesson_free(b);
}
END_TEST

/* tests/lesson/good/fields.lesson: each widget written with key=value (id X-a) and
 * then one field per line (X-b); the file passes the checker. */
START_TEST(good_file_pairs_match)
{
	Lesson *l = lt_good("fields.lesson");
	const LessonUnit *u = &l->units[0];
	size_t i;

	ck_assert_uint_eq(u->nblocks, 6);
	for (i = 0; i < u->nblocks; i += 2) {
		const Widget *a = &u->blocks[i].widget, *b = &u->blocks[i + 1].widget;
		size_t len = strlen(a->id);
		ck_assert(len > 2 && strcmp(a->id + len - 2, "-a") == 0);
		ck_assert(strncmp(a->id, b->id, len - 1) == 0 && strcmp(b->id + len - 2, "-b") == 0);
		same_params(a, b, true);
	}
	ck_assert_uint_eq(widget_param(&u->blocks[1].widget, "cells")->nitems, 16);
	lesson_free(l);
}
END_TEST

START_TEST(items_keep_their_place)
{
	Lesson *l = lt_parse_ok(pairs[0][1]);
	const Param *p = widget_param(widget(l, 0), "cells");

	/* "@widget table id=t" is line 7: columns on 8, the rows on 9 to 12 */
	ck_assert_int_eq(p->line, 9);
	ck_assert_int_eq(p->vcol, 6);
	ck_assert_int_eq(p->items[0].line, 9);
	ck_assert_int_eq(p->items[0].col, 6);
	ck_assert_int_eq(p->items[4].line, 10);
	ck_assert_int_eq(p->items[4].col, 9);
	ck_assert_int_eq(p->items[10].line, 12);
	ck_assert_int_eq(p->items[10].col, 13); /* "row:   1 ,  1 , 1" */
	ck_assert_str_eq(p->items[10].str, "1");
	p = widget_param(widget(l, 0), "columns");
	ck_assert_str_eq(p->items[2].str, "x1 AND x2");
	ck_assert_int_eq(p->items[2].col, 18); /* its opening quote */
	lesson_free(l);
}
END_TEST

/* Bad bodies: errors of the lines, and the checker's at an item on its own line. */
static const LtBad bad[] = {
    /* the checker's error at the item, on its own line */
    {"@widget neuron id=n inputs=1,0\nweights: 0.5\nweights: x\nalt: N.\n@end\n", 1,
     "t.lesson:9:10: 'weights' is a list of numbers"},
    {"@widget plot id=p x=-1..1 y=-1..1\nfn: sigmoid\nfn: tanh, sigmund\nalt: P.\n@end\n", 1,
     "t.lesson:9:11: 'sigmund' is not one of:"},
    {"@widget table id=t\ncolumns: a, b\nrow: 1, 2\nrow: 3\nalt: T.\n@end\n", 1,
     "t.lesson:10:6: this row has 1 items; the first row (line 9) has 2"},
    {"@widget table id=t\ncolumns: a, b\nrow: 1, 2, 3\nalt: T.\n@end\n", 1,
     "t.lesson:9:6: the widget has 2 columns, and this row has 3 items"},
    {"@widget table id=t columns=a cells=1\nrow: 2\nalt: T.\n@end\n", 1,
     "t.lesson:8:1: parameter 'cells' is given twice (first at line 7)"},
    {"@widget table id=t columns=a\nrow: 2\ncells=1\nalt: T.\n@end\n", 1,
     "t.lesson:9:1: parameter 'cells' is given twice (first at line 8)"},
    {"@widget table id=t columns=a\ncells: 2\nrow: 1\nalt: T.\n@end\n", 1,
     "t.lesson:9:1: write the cells with row: lines or with cells: lines"},
    {"@widget table id=t\ncolumns: a, , b\ncells: 1,2\nalt: T.\n@end\n", 1,
     "t.lesson:8:13: empty item in a parameter value"},
    {"@widget table id=t\ncolumns: a, \"b\" c\ncells: 1,2\nalt: T.\n@end\n", 1,
     "t.lesson:8:17: unexpected 'c' after a quoted item"},
    {"@widget table id=t\ncolumns: a, b\"c\"\ncells: 1,2\nalt: T.\n@end\n", 1,
     "t.lesson:8:14: a \" inside an item"},
    {"@widget table id=t\ncolumns:\ncells: 1\nalt: T.\n@end\n", 1,
     "t.lesson:8:9: 'columns:' needs a value"},
    {"@widget table\nid: two words\ncolumns: a\ncells: 1\nalt: T.\n@end\n", 1,
     "t.lesson:8:5: the value of 'id' must be an id"},
};

START_TEST(bad_lines_are_reported_where_they_are)
{
	lt_bad(&bad[_i]);
}
END_TEST

static Suite *fields_suite(void)
{
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, lines_give_the_one_line_model, 0, sizeof pairs / sizeof *pairs);
	tcase_add_test(tc, good_file_pairs_match);
	tcase_add_test(tc, items_keep_their_place);
	tcase_add_loop_test(tc, bad_lines_are_reported_where_they_are, 0,
	                    sizeof bad / sizeof *bad);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(fields_suite());
}
