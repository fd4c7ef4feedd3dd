/* check_blocks.c: the parser on the blocks that hold other text verbatim or in steps:
 * @code (lines kept as written, notes, escapes) and @steps (steps of ordinary blocks,
 * widgets inside checked and started like any other) read from tests/lesson/good, and
 * their errors at the right lines. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ltest.h"
#include "testlib.h"
#include "widgets/core/registry.h"

static const char *plain(const Text *t)
{
	static char buf[1024];

	text_plain(t, buf, sizeof buf);
	return buf;
}

START_TEST(code_lines_are_verbatim)
{
	Lesson *l = lt_good("code.lesson");
	const Block *b;
	const Code *k;

	ck_assert_uint_eq(l->units[0].nblocks, 2);
	b = &l->units[0].blocks[1];
	ck_assert_int_eq(b->kind, BLOCK_CODE);
	ck_assert_int_eq(b->line, 11);
	k = &b->code;
	ck_assert_str_eq(k->lang, "python");
	/* the blank lines before and after the code are dropped, the one inside kept */
	ck_assert_uint_eq(k->nlines, 8);
	ck_assert_str_eq(k->lines[0].text, "import math");
	ck_assert_int_eq(k->lines[0].line, 13);
	ck_assert_str_eq(k->lines[1].text, "// kept: code has no comments of the lesson language");
	ck_assert_str_eq(k->lines[3].text, "\treturn 1 / (1 + math.exp(-z))");
	ck_assert_str_eq(k->lines[4].text, "");
	ck_assert_str_eq(k->lines[5].text, "@decorator");
	ck_assert_str_eq(k->lines[6].text, "@end");
	ck_assert_str_eq(k->lines[7].text, "#> not a note");
	ck_assert_int_eq(k->lines[7].line, 22);
	lesson_free(l);
}
END_TEST

START_TEST(code_notes_belong_to_the_line_above)
{
	Lesson *l = lt_good("code.lesson");
	const Code *k = &l->units[0].blocks[1].code;
	size_t i;

	/* two "#>" lines make one note, joined by a space */
	ck_assert_str_eq(plain(&k->lines[2].note),
	                 "the squash: any number in, a number between 0 and 1 out");
	ck_assert_str_eq(plain(&k->lines[7].note), "a note with markup");
	ck_assert_int_eq(k->lines[7].note.spans[1].kind, SPAN_EMPH);
	ck_assert_int_eq(k->lines[7].note.spans[3].kind, SPAN_CODE);
	for (i = 0; i < k->nlines; i++)
		if (i != 2 && i != 7)
			ck_assert_uint_eq(k->lines[i].note.n, 0);
	lesson_free(l);
}
END_TEST

START_TEST(steps_hold_ordinary_blocks)
{
	Lesson *l = lt_good("steps.lesson");
	const Block *b = &l->units[0].blocks[0];
	const Stepwise *s = &b->stepwise;

	ck_assert_uint_eq(l->units[0].nblocks, 2); /* the steps, then a paragraph */
	ck_assert_int_eq(b->kind, BLOCK_STEPWISE);
	ck_assert_int_eq(b->line, 9);
	ck_assert_str_eq(s->id, "slope");
	ck_assert_str_eq(s->title, "Why σ′(z) = σ(z)(1 − σ(z))");
	ck_assert_uint_eq(s->nsteps, 3);
	/* 1: a formula, after its why */
	ck_assert_int_eq(s->steps[0].line, 10);
	ck_assert_str_eq(plain(&s->steps[0].why), "Start from the definition.");
	ck_assert_uint_eq(s->steps[0].nbody, 1);
	ck_assert_int_eq(s->steps[0].body[0].kind, BLOCK_FORMULA);
	ck_assert_int_eq(s->steps[0].body[0].line, 11);
	/* 2: a paragraph of two lines; the why has markup */
	ck_assert_int_eq(s->steps[1].why.spans[1].kind, SPAN_EMPH);
	ck_assert_uint_eq(s->steps[1].nbody, 1);
	ck_assert_int_eq(s->steps[1].body[0].kind, BLOCK_PARA);
	ck_assert_str_eq(plain(&s->steps[1].body[0].para),
	                 "The derivative of 1/u is −u′/u², and u′ = −e⁻ᶻ, so σ′(z) = e⁻ᶻ / (1 + "
	                 "e⁻ᶻ)².");
	/* 3: no why; a list, code and a widget */
	ck_assert_uint_eq(s->steps[2].why.n, 0);
	ck_assert_uint_eq(s->steps[2].nbody, 3);
	ck_assert_int_eq(s->steps[2].body[0].kind, BLOCK_LIST);
	ck_assert_uint_eq(s->steps[2].body[0].list.n, 2);
	ck_assert_int_eq(s->steps[2].body[1].kind, BLOCK_CODE);
	ck_assert_str_eq(plain(&s->steps[2].body[1].code.lines[0].note),
	                 "the second factor is 1 - sigma(z)");
	ck_assert_int_eq(s->steps[2].body[2].kind, BLOCK_WIDGET);
	ck_assert_str_eq(s->steps[2].body[2].widget.id, "z");
	ck_assert_str_eq(block_id(b), "slope");
	ck_assert_int_eq(l->units[0].blocks[1].kind, BLOCK_PARA);
	lesson_free(l);
}
END_TEST

/* The checker sees widgets inside steps: their ids count (twice is an error), their
 * parameters are checked, and other widgets may read them. */
START_TEST(steps_widgets_are_checked)
{
	static const char text[] =
	    "@lesson T-s\n@title S\n@level 1\n@format 1\n\n@unit T.s\n"
	    "@steps id=s\n@step\n@widget slider id=z range=-1..1\nalt: z\n@end\n"
	    "@step\n@widget readout id=r label=\"R\" of=z\nalt: r\n@end\n@end\n"
	    "@widget slider id=s label=S range=0..1\nalt: a slider with the steps' id\n@end\n";
	DiagList d;
	Lesson *l;
	SchemaTable t = registry_schemas();
	char msg[1024];

	diag_init(&d, 0);
	ck_assert_int_eq(lesson_parse(&l, "s.lesson", text, strlen(text), &d), LESSON_OK);
	ck_assert_uint_eq(lesson_check(l, &t, &d), 2);
	diag_format(&d.items[0], msg, sizeof msg);
	ck_assert_msg(strstr(msg, "s.lesson:17:19: id 's' is already used at line 7") == msg, "%s",
	              msg);
	diag_format(&d.items[1], msg, sizeof msg);
	ck_assert_msg(strstr(msg, "s.lesson:9:9: slider needs the parameter 'label'") == msg, "%s",
	              msg);
	diag_free(&d);
	lesson_free(l);
}
END_TEST

/* Bad bodies, and where their first error is. */
static const LtBad bad[] = {
    {"@code c\nint x;\n", 1, "t.lesson:7:1: this @code block has no @end"},
    {"@code c\n\n   \n@end\n", 1, "t.lesson:7:1: the code block is empty"},
    {"@code c\nx\n#> \n@end\n", 1, "t.lesson:9:4: empty note"},
    {"@code c\n#> first\nx\n@end\n", 1, "t.lesson:8:1: a note (#>) follows the line"},
    /* the end is a line of its own: "@end" inside a line, or "@end x", is code */
    {"@code c\nx @end\n@end x\n@end\n", 0, ""},
    {"@code c d\nx\n@end\n", 1, "t.lesson:7:9: @code takes one word; unexpected 'd'"},
    {"@code py!\nx\n@end\n", 1, "t.lesson:7:7: @code needs the language of the code"},
};

START_TEST(bad_blocks_are_reported_where_they_are)
{
	lt_bad(&bad[_i]);
}
END_TEST

static Suite *blocks_suite(void)
{
	Suite *s = suite_create("blocks");
	TCase *tc = tcase_create("code");

	tcase_add_test(tc, code_lines_are_verbatim);
	tcase_add_test(tc, code_notes_belong_to_the_line_above);
	tcase_add_test(tc, steps_hold_ordinary_blocks);
	tcase_add_test(tc, steps_widgets_are_checked);
	tcase_add_loop_test(tc, bad_blocks_are_reported_where_they_are, 0, sizeof bad / sizeof *bad);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(blocks_suite());
}
