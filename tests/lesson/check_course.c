/* check_course.c: the course index parser and loader on good input, and the course
 * checker on a correct course and on mistakes made in memory. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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


/* Writes text to dir/name. */
static void put_file(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* A course of four lessons in a new folder (its name into dir): one.lesson parses
 * (the checkers find three mistakes in it), two.lesson has an unknown directive on its
 * line 6, three.lesson is missing, and the fourth lesson's file is the first's. */
static void broken_course(char *dir, size_t size)
{
	const char *head = "@title A lesson\n@level 1\n@format 1\n";
	char text[512];

	snprintf(dir, size, "%s/nn-course.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	put_file(dir, "course.index",
		 "@format 1\n@course C\n@level 1 A | B\n"
		 "@lesson T-one one.lesson\n@unit T.one read 1 | One\n"
		 "@lesson T-two two.lesson\n@unit T.two read 1 | Two\n"
		 "@lesson T-three three.lesson\n@unit T.three read 1 | Three\n"
		 "@lesson T-four one.lesson\n@unit T.four read 1 | Four\n");
	/* one.lesson parses, but the checkers find a unit the index does not list, a
	 * widget of no kind, and T-four's file is T-one's. */
	snprintf(text, sizeof text,
		 "@lesson T-one\n%s@unit T.one\nText.\n@unit T.extra\n"
		 "@widget nosuchkind id=w\nalt: A widget.\n@end\n",
		 head);
	put_file(dir, "one.lesson", text);
	snprintf(text, sizeof text, "@lesson T-two\n%s@unit T.two\n@nonsense\nText.\n", head);
	put_file(dir, "two.lesson", text);
}

static void remove_course(const char *dir)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/course.index", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/one.lesson", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/two.lesson", dir);
	remove(path);
	rmdir(dir);
}

/* The diagnostic as text. */
static const char *diag_text(const Diag *g)
{
	static char buf[1024];

	diag_format(g, buf, sizeof buf);
	return buf;
}

START_TEST(opening_a_course_reads_no_lesson)
{
	char dir[4096];
	DiagList d;
	Course *c;
	const CourseLesson *l;
	size_t i;

	broken_course(dir, sizeof dir);
	diag_init(&d, 0);
	/* No lesson is read: the missing file and the mistake go unseen. */
	ck_assert_int_eq(course_open(&c, dir, &d), LESSON_OK);
	ck_assert_msg(d.n == 0, "%s", first(&d));
	for (i = 0; i < 4; i++) {
		l = &c->levels[0].lessons[i];
		ck_assert(course_written(l));
		ck_assert(!l->loaded);
		ck_assert_ptr_null(l->lesson);
	}
	ck_assert_uint_eq(c->late.n, 0);
	course_free(c);
	diag_free(&d);
	remove_course(dir);
}
END_TEST

START_TEST(a_broken_later_lesson_reports_when_read)
{
	char dir[4096], want[4200];
	DiagList d, eager;
	Course *c, *e;
	const CourseLesson *l;
	const Lesson *les;

	broken_course(dir, sizeof dir);
	diag_init(&d, 0);
	ck_assert_int_eq(course_open(&c, dir, &d), LESSON_OK);
	/* The first lesson reads without a problem, and only it was read. */
	l = &c->levels[0].lessons[0];
	les = course_lesson(l);
	ck_assert_ptr_nonnull(les);
	ck_assert_str_eq(les->id, "T-one");
	ck_assert_uint_eq(l->nproblems, 0);
	ck_assert_uint_eq(l->problem, 0);
	ck_assert(!c->levels[0].lessons[1].loaded);
	/* The second is read with its mistake at two.lesson:6:2. */
	l = &c->levels[0].lessons[1];
	les = course_lesson(l);
	ck_assert_ptr_nonnull(les);
	ck_assert_uint_eq(l->nproblems, 1);
	ck_assert_uint_eq(l->problem, 1);
	snprintf(want, sizeof want, "%s/two.lesson:6:2: unknown directive @nonsense", dir);
	ck_assert_msg(strncmp(diag_text(&c->late.items[0]), want, strlen(want)) == 0, "%s",
		      diag_text(&c->late.items[0]));
	ck_assert_ptr_eq(course_lesson(l), les); /* kept: not read again */
	ck_assert_uint_eq(c->late.n, 1);
	/* The third cannot be read: the index's line for it says so. */
	l = &c->levels[0].lessons[2];
	ck_assert_ptr_null(course_lesson(l));
	ck_assert(l->loaded);
	ck_assert_uint_eq(l->problem, 2);
	ck_assert_uint_eq(l->nproblems, 1);
	snprintf(want, sizeof want, "%s/course.index:8:17: cannot read lesson file 'three.lesson'",
		 dir);
	ck_assert_msg(strncmp(diag_text(&c->late.items[1]), want, strlen(want)) == 0, "%s",
		      diag_text(&c->late.items[1]));
	/* course_load finds the same two problems, in the same words. */
	diag_init(&eager, 0);
	ck_assert_int_eq(course_load(&e, dir, &eager), LESSON_ERR_INVALID);
	ck_assert_uint_eq(eager.n, 2);
	ck_assert_str_eq(diag_text(&eager.items[0]), diag_text(&c->late.items[0]));
	ck_assert_str_eq(diag_text(&eager.items[1]), diag_text(&c->late.items[1]));
	ck_assert_uint_eq(d.n, 0);
	course_free(e);
	course_free(c);
	diag_free(&eager);
	diag_free(&d);
	remove_course(dir);
}
END_TEST

/* Asserts that two lessons have the same header, units and blocks (kind and line). */
static void same_lesson(const Lesson *a, const Lesson *b)
{
	size_t u, k;

	ck_assert_str_eq(a->id, b->id);
	ck_assert_str_eq(a->title, b->title);
	ck_assert_str_eq(a->level, b->level);
	ck_assert_int_eq(a->format, b->format);
	ck_assert_uint_eq(a->srclen, b->srclen);
	ck_assert(memcmp(a->src, b->src, a->srclen) == 0);
	ck_assert_uint_eq(a->nunits, b->nunits);
	for (u = 0; u < a->nunits; u++) {
		ck_assert_str_eq(a->units[u].id, b->units[u].id);
		ck_assert_int_eq(a->units[u].line, b->units[u].line);
		ck_assert_uint_eq(a->units[u].nblocks, b->units[u].nblocks);
		for (k = 0; k < a->units[u].nblocks; k++) {
			ck_assert_int_eq(a->units[u].blocks[k].kind, b->units[u].blocks[k].kind);
			ck_assert_int_eq(a->units[u].blocks[k].line, b->units[u].blocks[k].line);
			if (block_id(&a->units[u].blocks[k]))
				ck_assert_str_eq(block_id(&a->units[u].blocks[k]),
						 block_id(&b->units[u].blocks[k]));
		}
	}
}

START_TEST(a_lesson_read_on_first_use_is_the_file_parsed_alone)
{
	char dir[4096];
	DiagList d, alone;
	Course *c;
	size_t i, j, n, read = 0;

	snprintf(dir, sizeof dir, "%s", test_srcpath("content"));
	diag_init(&d, 0);
	ck_assert_int_eq(course_open(&c, dir, &d), LESSON_OK);
	for (i = 0; i < c->nlevels; i++)
		for (j = 0; j < c->levels[i].nlessons; j++) {
			const CourseLesson *l = &c->levels[i].lessons[j];
			const Lesson *les;
			Lesson *ref;
			char path[8200], *text;
			if (!l->path)
				continue;
			les = course_lesson(l);
			ck_assert_msg(les != NULL, "%s", l->id);
			snprintf(path, sizeof path, "%s/%s", dir, l->path);
			ck_assert_int_eq(course_read_file(path, &text, &n), 0);
			diag_init(&alone, 0);
			ck_assert_int_eq(lesson_parse(&ref, path, text, n, &alone), LESSON_OK);
			ck_assert_str_eq(les->file, ref->file);
			same_lesson(les, ref);
			lesson_free(ref);
			diag_free(&alone);
			free(text);
			read++;
		}
	ck_assert_uint_gt(read, 30);
	ck_assert_uint_eq(c->late.n, 0);
	ck_assert_uint_eq(d.n, 0);
	course_free(c);
	diag_free(&d);
}
END_TEST


/* Every diagnostic of d, formatted and joined (malloc'd). */
static char *all_text(const DiagList *d)
{
	size_t i, n = 1;
	char *out, buf[1024];

	for (i = 0; i < d->n; i++)
		n += diag_format(&d->items[i], buf, sizeof buf);
	out = calloc(n, 1);
	ck_assert_ptr_nonnull(out);
	for (i = 0; i < d->n; i++) {
		diag_format(&d->items[i], buf, sizeof buf);
		strcat(out, buf);
	}
	return out;
}

START_TEST(checking_one_lesson_at_a_time_finds_what_loading_all_finds)
{
	static const char *const bad[] = {
	    "course-broken-later",   "course-duplicate-unit", "course-id-mismatch",
	    "course-level-mismatch", "course-missing-file",   "course-requires-later",
	    "course-unit-elsewhere", "course-unit-undefined", "course-unit-unknown",
	};
	SchemaTable t = registry_schemas();
	char dir[4096], broken[4096];
	size_t i;

	broken_course(broken, sizeof broken);
	for (i = 0; i <= sizeof bad / sizeof *bad; i++) {
		DiagList eager, one;
		Course *c, *o;
		char *a, *b;
		if (i < sizeof bad / sizeof *bad)
			snprintf(dir, sizeof dir, "%s/%s", test_srcpath("tests/lesson/bad"), bad[i]);
		else
			snprintf(dir, sizeof dir, "%s", broken);
		diag_init(&eager, 0);
		diag_init(&one, 0);
		course_load(&c, dir, &eager);
		course_check(c, &t, &eager);
		course_open(&o, dir, &one);
		course_check_all(o, &t, &one);
		a = all_text(&eager);
		b = all_text(&one);
		ck_assert_msg(eager.n > 0, "%s: no diagnostics", dir);
		ck_assert_msg(strcmp(a, b) == 0, "%s:\n%s--- one at a time:\n%s", dir, a, b);
		free(a);
		free(b);
		course_free(c);
		course_free(o);
		diag_free(&eager);
		diag_free(&one);
	}
	remove_course(broken);
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
	tcase_add_test(tc, opening_a_course_reads_no_lesson);
	tcase_add_test(tc, a_broken_later_lesson_reports_when_read);
	tcase_add_test(tc, a_lesson_read_on_first_use_is_the_file_parsed_alone);
	tcase_add_test(tc, checking_one_lesson_at_a_time_finds_what_loading_all_finds);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(course_suite());
}
