/* check_course.c: the course index parser and loader on good input, and the course
 * checker on a correct course and on mistakes made in memory. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "lesson/lesson.h"
#include "testlib.h"
#include "widgets/core/registry.h"

/* The first diagnostic as text, for messages. */
static const char *first(const DiagList *d)
{
	static char buf[1024];

	buf[0] = '\0';
	if (d->n)
		diag_format(&d->items[0], buf, sizeof buf);
	return buf;
}

/* Every unit id of ../shared/SYLLABUS.md, which the course index must hold. */
static const char *const syllabus[] = {
    "L1.intro",    "L1.light",    "L1.perceptron", "L1.tune",      "L1.actlab",   "L1.actquiz",
    "L1.worked",   "L1.flow",     "L2.layers",     "L2.relay",     "L2.xor",      "L2.solvexor",
    "L2.hidden",   "L2.init",     "L2.initrace",   "L3.formulas",  "L3.backprop", "L3.step",
    "L3.optim",    "L3.softmax",  "L3.pminusy",    "L3.vanish",    "L3.batch",    "L3.saddle",
    "L3.brain",    "L3.seq2seq",  "L3.tblock",     "L4.overfit",   "L4.conv",     "L4.pool",
    "L4.rnn",      "L4.dropout",  "L4.batchnorm",  "L4.skip",      "L4.autoenc",  "L4.landscape",
    "L4.embed",    "L4.gan",      "L4.tree",       "L4.unet",      "L4.ganloop",  "L4.vae",
    "L4.flow",     "L4.gnn",      "L4.moe",        "L4.code",      "L4.boss",     "L4.lockin",
    "F.autodiff",  "F.converge",  "F.init",        "F.generalize", "R.why",       "R.pioneers",
    "R.neuron",    "R.analogies", "R.live",        "R.steps",      "R.arch",      "R.table",
    "R.attention", "R.quiz",      "R.cards",
};

/* The unit called id in the course, or NULL. */
static const CourseUnit *unit_find(const Course *c, const char *id)
{
	size_t i, j, u;

	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++)
			for (u = 0; u < c->levels[i].lessons[j].nunits; u++)
				if (strcmp(c->levels[i].lessons[j].units[u].id, id) == 0)
					return &c->levels[i].lessons[j].units[u];
	return NULL;
}

START_TEST(the_course_index_reads)
{
	const char *levels[] = {"1", "2", "3", "4", "F", "R"};
	char *text;
	size_t n, i, j;
	DiagList d;
	Course *c;

	ck_assert_int_eq(course_read_file(test_srcpath("content/course.index"), &text, &n), 0);
	diag_init(&d, 0);
	ck_assert_int_eq(course_parse(&c, "course.index", text, n, &d), LESSON_OK);
	ck_assert_msg(d.n == 0, "%s", first(&d));
	ck_assert_str_eq(c->name, "Neuronauts");
	ck_assert_int_eq(c->format, 1);
	ck_assert_uint_eq(c->nlevels, 7); /* the syllabus's six, and the lab */
	for (i = 0; i < 6; i++)
		ck_assert_str_eq(c->levels[i].id, levels[i]);
	ck_assert_str_eq(c->levels[0].name, "Beginner");
	ck_assert_str_eq(c->levels[c->nlevels - 1].lessons[0].id, "LAB"); /* the lab, last */
	ck_assert_str_eq(c->levels[0].title, "How one small unit makes a choice");
	/* a lesson has a file, or is planned and has a title instead */
	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++) {
			const CourseLesson *l = &c->levels[i].lessons[j];
			ck_assert_msg((l->path != NULL) != (l->title != NULL), "%s", l->id);
			ck_assert_uint_gt(l->nunits, 0);
		}
	for (i = 0; i < sizeof syllabus / sizeof *syllabus; i++)
		ck_assert_msg(unit_find(c, syllabus[i]) != NULL, "%s is not in the index",
			      syllabus[i]);
	ck_assert_int_eq(unit_find(c, "L1.tune")->kind, UNIT_GAME);
	ck_assert_int_eq(unit_find(c, "L4.boss")->kind, UNIT_QUIZ);
	ck_assert_str_eq(unit_kind_name(unit_find(c, "L1.tune")->kind), "game");
	ck_assert_str_eq(c->levels[0].lessons[1].id, "L1-neuron");
	ck_assert_str_eq(c->levels[0].lessons[1].requires[0].id, "L1-crowd");
	ck_assert_uint_eq(course_check(c, NULL, &d), 0);
	course_free(c);
	diag_free(&d);
	free(text);
}
END_TEST

START_TEST(a_course_loads_and_checks)
{
	char dir[4096];
	DiagList d;
	Course *c;
	SchemaTable t = registry_schemas();
	const CourseLesson *l;

	snprintf(dir, sizeof dir, "%s", test_srcpath("tests/lesson/good/course"));
	diag_init(&d, 0);
	ck_assert_int_eq(course_load(&c, dir, &d), LESSON_OK);
	ck_assert_msg(d.n == 0, "%s", first(&d));
	ck_assert_uint_eq(course_check(c, &t, &d), 0);
	ck_assert_msg(d.n == 0, "%s", first(&d));
	l = &c->levels[0].lessons[0];
	ck_assert_str_eq(l->path, "first/one.lesson");
	ck_assert_ptr_nonnull(strstr(l->file, "good/course/first/one.lesson"));
	ck_assert_ptr_nonnull(l->lesson);
	ck_assert_str_eq(l->lesson->title, "The first lesson");
	ck_assert_int_eq(l->lesson->units[1].blocks[0].kind, BLOCK_QUIZ);
	l = &c->levels[1].lessons[0];
	ck_assert_ptr_null(l->lesson);
	ck_assert_str_eq(l->title, "A lesson still to write");
	ck_assert_uint_eq(l->nrequires, 2);
	ck_assert_int_eq(l->requires[1].col, 17);
	course_free(c);
	diag_free(&d);
}
END_TEST

/* Parses an index and a lesson from memory, attaches the lesson, and checks. */
static void check_pair(const char *index, const char *lesson, const char *want)
{
	DiagList d;
	Course *c;
	Lesson *l;
	SchemaTable t = registry_schemas();

	diag_init(&d, 0);
	course_parse(&c, "course.index", index, strlen(index), &d);
	lesson_parse(&l, "a.lesson", lesson, strlen(lesson), &d);
	ck_assert_msg(d.n == 0, "%s", first(&d));
	c->levels[0].lessons[0].lesson = l;
	ck_assert_uint_gt(course_check(c, &t, &d), 0);
	ck_assert_msg(strstr(first(&d), want) != NULL, "want '%s', got: %s", want, first(&d));
	course_free(c);
	diag_free(&d);
}

START_TEST(the_checker_compares_index_and_lesson)
{
	const char *index = "@format 1\n@course C\n@level 1 A | B\n@lesson T-a a.lesson\n"
			    "@unit T.x read 1 | X\n@unit T.y read 1 | Y\n";
	const char *head = "@lesson T-a\n@title A\n@level 1\n@format 1\n";
	char lesson[512];

	snprintf(lesson, sizeof lesson, "%s@unit T.x\nx\n", head);
	check_pair(index, lesson, "course.index:6:7: unit T.y is not defined in a.lesson");
	snprintf(lesson, sizeof lesson, "%s@unit T.x\nx\n@unit T.y\ny\n@unit T.z\nz\n", head);
	check_pair(index, lesson, "a.lesson:9:7: unit T.z is not in the course index");
	snprintf(lesson, sizeof lesson, "%s@unit T.x\nx\n@unit T.y\ny\n@unit T.x\nz\n", head);
	check_pair(index, lesson, "a.lesson:9:7: unit T.x is defined twice (first at line 5)");
}
END_TEST

START_TEST(index_errors_name_line_and_column)
{
	const char *bad[][2] = {
	    {"@format 1\n@course C\n@lesson X a.lesson\n", "course.index:3:1: @lesson before"},
	    {"@format 1\n@course C\n@level 1 A | B\n@unit U read 1 | T\n",
	     "course.index:4:1: @unit before the first @lesson"},
	    {"@format 1\n@course C\n@level 1 A | B\n@lesson X a.lesson\n@unit U read 0 | T\n",
	     "course.index:5:14: a unit's estimated time"},
	    {"@format 1\n@course C\n@level 1 A | B\n@lesson X a.lesson\n@unit U read 3\n",
	     "course.index:5:15: a unit reads"},
	    {"@format 1\n@course C\nlevel 1\n", "course.index:3:1: expected a directive"},
	    {"@format 1\n@course C\n@level 1 A | B\n@lesson X /etc/a.lesson\n@unit U read 1 | T\n",
	     "course.index:4:11: a lesson's file is a relative path"},
	    {"@format 1\n@course C\n@level 1 A | B\n@lesson X\n@unit U read 1 | T\n",
	     "course.index:4:10: a lesson reads"},
	    {"# only a comment\n", "course.index:1:1: the course index is empty"},
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		DiagList d;
		Course *c;

		diag_init(&d, 0);
		ck_assert_int_eq(course_parse(&c, "course.index", bad[i][0], strlen(bad[i][0]), &d),
				 LESSON_ERR_INVALID);
		ck_assert_msg(strncmp(first(&d), bad[i][1], strlen(bad[i][1])) == 0,
			      "case %zu: want '%s', got: %s", i, bad[i][1], first(&d));
		course_free(c);
		diag_free(&d);
	}
}
END_TEST

static Suite *course_suite(void)
{
	Suite *s = suite_create("course");
	TCase *tc = tcase_create("course");

	tcase_add_test(tc, the_course_index_reads);
	tcase_add_test(tc, a_course_loads_and_checks);
	tcase_add_test(tc, the_checker_compares_index_and_lesson);
	tcase_add_test(tc, index_errors_name_line_and_column);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(course_suite());
}
