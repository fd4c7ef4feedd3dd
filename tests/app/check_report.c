/* check_report.c: what --report stands on: the lesson clock (time counted with a fake
 * clock, idle gaps capped), progress_read (never changes the file it reads, damaged or
 * not), and the figures of a lesson and of a learner on the small test course. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/lessonclock.h"
#include "app/plain.h"
#include "app/progress.h"
#include "app/report.h"
#include "lesson/course.h"
#include "progtest.h"
#include "testlib.h"

static char dir[64], path[128];

static void setup(void)
{
	progtest_setup(dir, path);
}

static void teardown(void)
{
	progtest_teardown(dir);
}

/* The seconds progress holds for lesson id, -1 when it holds none. */
static long held(const Progress *p, const char *id)
{
	char key[64];
	const char *v;

	snprintf(key, sizeof key, "time.%s", id);
	v = progress_get(p, key);
	return v ? atol(v) : -1;
}

START_TEST(the_gaps_between_keys_count_up_to_the_cap)
{
	Progress *p = progress_new(NULL);
	LessonClock c = {0};

	/* Opened at 1000, keys at 1010 (10 s), 1200 (190 s: counts the cap), 1230 (30 s),
	 * left at 1235 (5 s). */
	lessonclock_start(&c, p, "L1", 1000);
	lessonclock_key(&c, 1010);
	lessonclock_key(&c, 1200);
	lessonclock_key(&c, 1230);
	lessonclock_stop(&c, p, 1235);
	ck_assert_int_eq(held(p, "L1"), 10 + (long)LESSONCLOCK_IDLE_CAP + 30 + 5);
	/* Stopped: keys count nothing, a second stop adds nothing. */
	lessonclock_key(&c, 2000);
	lessonclock_stop(&c, p, 2100);
	ck_assert_int_eq(held(p, "L1"), 165);
	progress_free(p);
}
END_TEST

START_TEST(time_adds_to_what_progress_held_and_a_new_lesson_stops_the_old)
{
	Progress *p = progress_new(NULL);
	LessonClock c = {0};

	ck_assert_int_eq(progress_set(p, "time.L1", "100"), 0);
	lessonclock_start(&c, p, "L1", 0);
	lessonclock_key(&c, 40);
	lessonclock_start(&c, p, "L2", 50); /* L1 gets 50 s more */
	lessonclock_key(&c, 500);           /* an idle gap: L2 gets the cap */
	lessonclock_stop(&c, p, 500);
	ck_assert_int_eq(held(p, "L1"), 150);
	ck_assert_int_eq(held(p, "L2"), (long)LESSONCLOCK_IDLE_CAP);
	ck_assert_int_eq(lessonclock_seconds(p, "L2"), (long)LESSONCLOCK_IDLE_CAP);
	ck_assert_int_eq(lessonclock_seconds(p, "L3"), 0);
	progress_free(p);
}
END_TEST

START_TEST(a_flush_moves_whole_seconds_and_keeps_the_fraction)
{
	Progress *p = progress_new(NULL);
	LessonClock c = {0};

	lessonclock_start(&c, p, "L1", 0);
	lessonclock_key(&c, 0.6);
	lessonclock_flush(&c, p); /* under a second: nothing yet */
	ck_assert_int_eq(held(p, "L1"), -1);
	lessonclock_key(&c, 1.7);
	lessonclock_flush(&c, p); /* 1.7 counted: 1 goes, 0.7 stays */
	ck_assert_int_eq(held(p, "L1"), 1);
	ck_assert(fabs(c.counted - 0.7) < 1e-9);
	lessonclock_key(&c, 1.5); /* a clock that went back counts nothing */
	lessonclock_stop(&c, p, 2.0); /* 0.7 + 0.5 = 1.2: rounds to 1 */
	ck_assert_int_eq(held(p, "L1"), 2);
	progress_free(p);
}
END_TEST

START_TEST(a_flush_leaves_the_open_gap_to_the_next_key)
{
	Progress *p = progress_new(NULL);
	LessonClock c = {0};

	/* A save at 100 (a unit completed by a tick, no key) moves nothing of the open
	 * gap; the key at 400 then counts that gap once, capped. */
	lessonclock_start(&c, p, "L1", 0);
	lessonclock_flush(&c, p);
	lessonclock_key(&c, 400);
	lessonclock_stop(&c, p, 400);
	ck_assert_int_eq(held(p, "L1"), (long)LESSONCLOCK_IDLE_CAP);
	progress_free(p);
}
END_TEST

/* What dir holds, names sorted into one string. */
static const char *listing(void)
{
	static char buf[1024];
	char cmd[160];
	FILE *f;
	size_t n;

	snprintf(cmd, sizeof cmd, "ls -A '%s'", dir);
	f = popen(cmd, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	pclose(f);
	return buf;
}

START_TEST(reading_a_damaged_file_changes_nothing)
{
	static const char *const bad[] = {
		"neuronauts-progress 1\nunit.L1.a.done 1\n\xff torn\n", /* not UTF-8 */
		"neuronauts-progress 1\nbad key with spaces\\\n",      /* a bad escape */
		"a letter, not progress\n", "",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		ProgressReadStatus st;
		struct stat before, after;
		char *was;
		progtest_write(path, bad[i]);
		ck_assert_int_eq(stat(path, &before), 0);
		was = strdup(progtest_read(path));
		ck_assert_ptr_null(progress_read(path, &st));
		ck_assert_int_eq(st, PROGRESS_READ_DAMAGED);
		ck_assert_int_eq(stat(path, &after), 0);
		ck_assert_str_eq(progtest_read(path), was);
		ck_assert_int_eq(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
		ck_assert_int_eq(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
		ck_assert_str_eq(listing(), "progress\n"); /* no backup, lock or temporary */
		free(was);
	}
}
END_TEST

START_TEST(reading_says_why_a_file_gives_no_store)
{
	ProgressReadStatus st;
	Progress *p;
	char sub[160];

	ck_assert_ptr_null(progress_read(path, &st));
	ck_assert_int_eq(st, PROGRESS_READ_MISSING);
	progtest_write(path, "neuronauts-progress 2\nunit.L1.a.done 1\n");
	ck_assert_ptr_null(progress_read(path, &st));
	ck_assert_int_eq(st, PROGRESS_READ_VERSION);
	ck_assert_str_eq(progtest_read(path), "neuronauts-progress 2\nunit.L1.a.done 1\n");
	snprintf(sub, sizeof sub, "%s/sub", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_ptr_null(progress_read(sub, &st));
	ck_assert_int_eq(st, PROGRESS_READ_NOT_FILE);
	progtest_write(path, "neuronauts-progress 1\nunit.L1.a.done 1\ntime.L1 42\n");
	p = progress_read(path, &st);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(st, PROGRESS_READ_OK);
	ck_assert_str_eq(progress_get(p, "unit.L1.a.done"), "1");
	ck_assert_int_eq(lessonclock_seconds(p, "L1"), 42);
	/* Not tied to the file: it cannot be saved over it. */
	ck_assert_ptr_null(progress_path(p));
	ck_assert_int_eq(progress_set(p, "x", "1"), 0);
	ck_assert_int_ne(progress_save(p), 0);
	ck_assert_str_eq(progtest_read(path), "neuronauts-progress 1\nunit.L1.a.done 1\ntime.L1 42\n");
	progress_free(p);
}
END_TEST

static Course *test_course(void)
{
	Course *c = NULL;
	DiagList d;

	diag_init(&d, 0);
	course_load(&c, test_srcpath("tests/screens/course"), &d);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(d.n, 0);
	diag_free(&d);
	return c;
}

START_TEST(a_lesson_counts_first_tries_answers_and_games)
{
	Course *c = test_course();
	Progress *p = progress_new(NULL);
	const CourseLesson *two = plain_find_lesson(c, "T-two"), *games = plain_find_lesson(c, "T-games");
	ReportLesson r;

	ck_assert_ptr_nonnull(two);
	ck_assert_ptr_nonnull(games);
	report_lesson(two, p, &r);
	ck_assert_int_eq(r.quizzes, 6); /* q1..q6, as two.lesson says */
	ck_assert_int_eq(r.quiz_answered + r.quiz_first + r.units_done, 0);
	ck_assert(!r.started);
	/* q1 right first, q2 wrong first then right (score stays 0), q5 right first. */
	progress_set(p, "quiz.T-two.q1.score", "1");
	progress_set(p, "quiz.T-two.q2.score", "0");
	progress_set(p, "quiz.T-two.q2.right", "1");
	progress_set(p, "quiz.T-two.q5.score", "1");
	progress_set(p, "quiz.T-one.q3.score", "1"); /* another lesson's: not counted */
	report_lesson(two, p, &r);
	ck_assert_int_eq(r.quiz_first, 2);
	ck_assert_int_eq(r.quiz_answered, 3);
	ck_assert_int_eq(r.games, 0);
	report_lesson(games, p, &r);
	ck_assert_int_eq(r.games, 1); /* the game; the network has no goal */
	ck_assert_int_eq(r.games_won, 0);
	ck_assert_int_eq(r.units, 2);
	progress_set(p, "widget.T-games.g.won", "1");
	progress_set(p, "widget.T-games.net.won", "1"); /* not a game: not counted */
	progress_set(p, "unit.T.wave.done", "1");
	progress_set(p, "time.T-games", "75");
	report_lesson(games, p, &r);
	ck_assert_int_eq(r.games_won, 1);
	ck_assert_int_eq(r.units_done, 1);
	ck_assert(r.started);
	ck_assert_int_eq(r.seconds, 75);
	progress_free(p);
	course_free(c);
}
END_TEST

START_TEST(a_learner_totals_count_the_syllabus)
{
	Course *c = test_course();
	Progress *p = progress_new(NULL);
	ReportTotals t;

	/* The test course: 11 units in 7 lessons (one planned: its unit counts, as the
	 * map's % done counts it). */
	report_totals(c, p, &t);
	ck_assert_int_eq(t.units, 11);
	ck_assert_int_eq(t.lessons, 7);
	ck_assert_int_eq(t.percent, 0);
	ck_assert_ptr_null(t.last);
	progress_set(p, "unit.T.read.done", "1");
	progress_set(p, "unit.T.try.done", "1");
	progress_set(p, "unit.T.last.done", "1");
	progress_set(p, "last.lesson", "T-three");
	progress_set(p, "time.T-one", "60");
	progress_set(p, "time.T-three", "30");
	report_totals(c, p, &t);
	ck_assert_int_eq(t.units_done, 3);
	ck_assert_int_eq(t.percent, 300 / 11);
	ck_assert_int_eq(t.lessons_done, 2); /* T-one (both units) and T-three */
	ck_assert_int_eq(t.seconds, 90);
	ck_assert_str_eq(t.last, "T-three");
	progress_free(p);
	course_free(c);
}
END_TEST

START_TEST(learners_are_named_by_their_folder_or_file)
{
	char buf[64];

	ck_assert_str_eq(report_learner("/home/anna/.neuronauts", buf, sizeof buf), "anna");
	ck_assert_str_eq(report_learner("class//ben/.neuronauts", buf, sizeof buf), "ben");
	ck_assert_str_eq(report_learner("/srv/class/carl.progress", buf, sizeof buf),
			 "carl.progress");
	ck_assert_str_eq(report_learner("dora", buf, sizeof buf), "dora");
	ck_assert_str_eq(report_learner(".neuronauts", buf, sizeof buf), ".neuronauts");
	ck_assert_str_eq(report_learner("./.neuronauts", buf, sizeof buf), ".neuronauts");
	ck_assert_str_eq(report_learner("/.neuronauts", buf, sizeof buf), ".neuronauts");
	ck_assert_str_eq(report_hours(0, buf, sizeof buf), "0:00");
	ck_assert_str_eq(report_hours(59, buf, sizeof buf), "0:00");
	ck_assert_str_eq(report_hours(3599, buf, sizeof buf), "0:59");
	ck_assert_str_eq(report_hours(36000 + 65 * 60, buf, sizeof buf), "11:05");
}
END_TEST

/* report_csv_field(s) as a string. */
static const char *csv(const char *s)
{
	static char buf[256];
	FILE *f;

	memset(buf, 0, sizeof buf);
	f = fmemopen(buf, sizeof buf, "w");

	ck_assert_ptr_nonnull(f);
	report_csv_field(f, s);
	fclose(f);
	return buf;
}

START_TEST(csv_fields_are_quoted_as_rfc_4180_says)
{
	ck_assert_str_eq(csv("anna"), "anna");
	ck_assert_str_eq(csv(""), "");
	ck_assert_str_eq(csv("Doe, Jane"), "\"Doe, Jane\"");
	ck_assert_str_eq(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
	ck_assert_str_eq(csv("two\nlines"), "\"two\nlines\"");
	ck_assert_str_eq(csv("cr\r"), "\"cr\r\"");
	ck_assert_str_eq(csv(" padded"), "\" padded\"");
	ck_assert_str_eq(csv("Jürgen"), "Jürgen");
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("clock");
	TCase *tf = tcase_create("files");
	TCase *tr = tcase_create("figures");

	tcase_add_test(tc, the_gaps_between_keys_count_up_to_the_cap);
	tcase_add_test(tc, time_adds_to_what_progress_held_and_a_new_lesson_stops_the_old);
	tcase_add_test(tc, a_flush_moves_whole_seconds_and_keeps_the_fraction);
	tcase_add_test(tc, a_flush_leaves_the_open_gap_to_the_next_key);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tf, setup, teardown);
	tcase_add_test(tf, reading_a_damaged_file_changes_nothing);
	tcase_add_test(tf, reading_says_why_a_file_gives_no_store);
	suite_add_tcase(s, tf);
	tcase_add_test(tr, a_lesson_counts_first_tries_answers_and_games);
	tcase_add_test(tr, a_learner_totals_count_the_syllabus);
	tcase_add_test(tr, learners_are_named_by_their_folder_or_file);
	tcase_add_test(tr, csv_fields_are_quoted_as_rfc_4180_says);
	suite_add_tcase(s, tr);
	return s;
}

int main(void)
{
	return test_main(report_suite());
}
