/* check_glossary.c: glossary terms and links in the lesson language (@term, {term:...}),
 * the course's glossary collected from them (sorted, each with its unit), and the
 * checks: a term defined twice, a link to a term nothing defines, with file:line. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/glossary.h"
#include "lesson/lesson.h"
#include "testlib.h"

#define HEAD(id) "@lesson " id "\n@title T\n@level 1\n@format 1\n"

static const char index_text[] = "@format 1\n@course C\n@level 1 A | B\n"
				 "@lesson T-a a.lesson\n@unit T.x read 1 | Ex\n@unit T.y read 1 | Why\n"
				 "@lesson T-b b.lesson\n@unit T.z read 1 | Zed\n";

/* Lesson a (lines from 5): two units with terms; lesson b: one unit. */
static const char lesson_a[] = HEAD("T-a") "@unit T.x\n"      /* 5 */
			       "A *neuron* has a {term:bias} and {term:Weight|weights}.\n"
			       "@term neuron: A unit that weighs its inputs,\n" /* 7 */
			       "  adds a bias and squashes.\n"
			       "## The bias\n"                                  /* 9 */
			       "It is added.\n"
			       "@term bias: A number added to the total.\n"     /* 11 */
			       "@unit T.y\n"
			       "More text.\n"
			       "@term ReLU: Zero below zero, z above.\n";       /* 14 */
static const char lesson_b[] = HEAD("T-b") "@unit T.z\n"
			       "Words.\n"
			       "@term weight: How much an input counts.\n" /* 7 */
			       "@term activation function: The squash.\n"; /* 8 */

static char first_msg[1024];

/* The first diagnostic as text, or "". */
static const char *first(const DiagList *d)
{
	first_msg[0] = '\0';
	if (d->n)
		diag_format(&d->items[0], first_msg, sizeof first_msg);
	return first_msg;
}

/* The course of index_text with lessons a and b parsed from memory and attached. */
static Course *two_lessons(const char *a, const char *b, DiagList *d)
{
	Course *c;
	Lesson *la, *lb;

	course_parse(&c, "course.index", index_text, strlen(index_text), d);
	lesson_parse(&la, "a.lesson", a, strlen(a), d);
	lesson_parse(&lb, "b.lesson", b, strlen(b), d);
	ck_assert_msg(d->n == 0, "%s", first(d));
	c->levels[0].lessons[0].lesson = la;
	c->levels[0].lessons[1].lesson = lb;
	return c;
}

START_TEST(terms_and_links_parse)
{
	DiagList d;
	Lesson *l;
	const LessonUnit *u;
	const Text *t;

	diag_init(&d, 0);
	ck_assert_int_eq(lesson_parse(&l, "a.lesson", lesson_a, strlen(lesson_a), &d), LESSON_OK);
	u = &l->units[0];
	ck_assert_uint_eq(u->nterms, 2);
	ck_assert_str_eq(u->terms[0].name, "neuron");
	ck_assert_str_eq(u->terms[0].def, "A unit that weighs its inputs, adds a bias and squashes.");
	ck_assert_int_eq(u->terms[0].line, 7);
	ck_assert_str_eq(u->terms[1].name, "bias");
	ck_assert_int_eq(u->terms[1].line, 11);
	ck_assert_uint_eq(l->units[1].nterms, 1);
	ck_assert_str_eq(l->units[1].terms[0].name, "ReLU");
	/* The @term line ends the paragraph before it: one paragraph, not merged. */
	ck_assert_uint_eq(u->nblocks, 3);
	t = &u->blocks[0].para;
	ck_assert_uint_eq(t->n, 7); /* A , neuron,  has a , bias,  and , weights, . */
	ck_assert_int_eq(t->spans[3].kind, SPAN_TERM);
	ck_assert_str_eq(t->spans[3].text, "bias");
	ck_assert_str_eq(t->spans[3].term, "bias");
	ck_assert_int_eq(t->spans[5].kind, SPAN_TERM);
	ck_assert_str_eq(t->spans[5].text, "weights");
	ck_assert_str_eq(t->spans[5].term, "Weight");
	ck_assert_ptr_null(t->spans[0].term);
	ck_assert_uint_eq(l->nlinks, 2);
	ck_assert_str_eq(l->links[1].name, "Weight");
	ck_assert_int_eq(l->links[1].line, 6);
	ck_assert_int_eq(l->links[1].col, 34); /* the "{": 17 + 11 ("{term:bias}") + 6 */
	lesson_free(l);
	diag_free(&d);
}
END_TEST

START_TEST(the_glossary_is_sorted_with_its_units)
{
	/* By hand: the five names ignoring case, and where each is defined. */
	static const struct {
		const char *name, *unit, *title;
		int block;
	} want[] = {
	    {"activation function", "T.z", "Zed", 0},
	    {"bias", "T.x", "Ex", 1}, /* the heading above "It is added." */
	    {"neuron", "T.x", "Ex", 0},
	    {"ReLU", "T.y", "Why", 0},
	    {"weight", "T.z", "Zed", 0},
	};
	DiagList d;
	Course *c;
	Glossary g;
	size_t i;

	diag_init(&d, 0);
	c = two_lessons(lesson_a, lesson_b, &d);
	ck_assert_int_eq(glossary_collect(&g, c), 0);
	ck_assert_uint_eq(g.n, 5);
	for (i = 0; i < g.n; i++) {
		ck_assert_str_eq(g.v[i].name, want[i].name);
		ck_assert_str_eq(g.v[i].unit_id, want[i].unit);
		ck_assert_str_eq(g.v[i].unit_title, want[i].title);
		ck_assert_int_eq(g.v[i].block, want[i].block);
		ck_assert_str_eq(g.v[i].lesson->lesson->units[g.v[i].unit].id, want[i].unit);
	}
	ck_assert_str_eq(g.v[3].def, "Zero below zero, z above.");
	ck_assert_ptr_eq(glossary_find(&g, "relu"), &g.v[3]);
	ck_assert_ptr_eq(glossary_find(&g, "WEIGHT"), &g.v[4]);
	ck_assert_ptr_null(glossary_find(&g, "weights"));
	ck_assert(glossary_matches(&g.v[0], "TION F"));
	ck_assert(glossary_matches(&g.v[0], ""));
	ck_assert(!glossary_matches(&g.v[1], "biases"));
	/* Links to bias and Weight are defined (case aside): the course is clean. */
	ck_assert_uint_eq(glossary_check(c, &d), 0);
	glossary_free(&g);
	course_free(c);
	diag_free(&d);
}
END_TEST

/* Checks the course of lesson a and lesson b: one diagnostic, the one wanted. */
static void course_says(const char *b, const char *want)
{
	DiagList d;
	Course *c;

	diag_init(&d, 0);
	c = two_lessons(lesson_a, b, &d);
	ck_assert_uint_eq(glossary_check(c, &d), 1);
	ck_assert_str_eq(first(&d), want);
	course_free(c);
	diag_free(&d);
}

START_TEST(a_term_defined_twice_is_an_error_at_the_second)
{
	course_says(HEAD("T-b") "@unit T.z\nWords.\n@term NEURON: Again.\n"
			      "@term weight: Linked from a.\n",
		    "b.lesson:7:7: the term NEURON is already defined in a.lesson:7 (unit T.x)\n"
		    "  @term NEURON: Again.\n        ^\n");
}
END_TEST

START_TEST(a_term_defined_twice_in_one_lesson)
{
	static const char twice[] = HEAD("T-a") "@unit T.x\nText.\n@term bias: One.\n"
				    "@unit T.y\nMore.\n@term Bias: Two.\n";
	DiagList d;
	Lesson *l;

	diag_init(&d, 0);
	ck_assert_int_eq(lesson_parse(&l, "a.lesson", twice, strlen(twice), &d), LESSON_OK);
	ck_assert_uint_eq(lesson_check(l, NULL, &d), 1);
	ck_assert_str_eq(first(&d), "a.lesson:10:7: the term Bias is already defined at line 7 "
				    "(unit T.x)\n  @term Bias: Two.\n        ^\n");
	lesson_free(l);
	diag_free(&d);
}
END_TEST

START_TEST(a_link_to_no_term_is_an_error_at_the_link)
{
	course_says(HEAD("T-b") "@unit T.z\nWords and a\n  {term:neurons} over two lines.\n"
			      "@term weight: How much.\n",
		    "b.lesson:7:3: this glossary link names neurons, but no @term defines it\n"
		    "    {term:neurons} over two lines.\n    ^\n");
}
END_TEST

START_TEST(bad_terms_and_links_are_reported)
{
	static const struct {
		const char *body, *want;
	} bad[] = {
	    {"@term no colon here\n", "t.lesson:7:7: @term needs a name, a colon"},
	    {"@term : A definition.\n", "t.lesson:7:7: a glossary term needs a name"},
	    {"@term lonely:\n", "t.lesson:7:1: the term lonely has no definition"},
	    {"@term a|b: Text.\n", "t.lesson:7:7: a glossary term's name cannot hold"},
	    {"@term abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij: Text.\n",
	     "t.lesson:7:7: a glossary term's name is at most 48 bytes"},
	    {"See {term:open here.\n", "t.lesson:7:5: unclosed {term:"},
	    {"See {term: |words}.\n", "t.lesson:7:5: a glossary term needs a name"},
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[512];
		DiagList d;
		Lesson *l;

		snprintf(text, sizeof text, HEAD("T-a") "@unit T.x\nText.\n%s", bad[i].body);
		/* The body starts at line 7: header 4 lines, @unit, "Text.". */
		diag_init(&d, 0);
		lesson_parse(&l, "t.lesson", text, strlen(text), &d);
		ck_assert_msg(strncmp(first(&d), bad[i].want, strlen(bad[i].want)) == 0,
			      "case %zu: want '%s', got: %s", i, bad[i].want, first(&d));
		lesson_free(l);
		diag_free(&d);
	}
}
END_TEST

static Suite *glossary_suite(void)
{
	Suite *s = suite_create("glossary");
	TCase *tc = tcase_create("glossary");

	tcase_add_test(tc, terms_and_links_parse);
	tcase_add_test(tc, the_glossary_is_sorted_with_its_units);
	tcase_add_test(tc, a_term_defined_twice_is_an_error_at_the_second);
	tcase_add_test(tc, a_term_defined_twice_in_one_lesson);
	tcase_add_test(tc, a_link_to_no_term_is_an_error_at_the_link);
	tcase_add_test(tc, bad_terms_and_links_are_reported);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(glossary_suite());
}
