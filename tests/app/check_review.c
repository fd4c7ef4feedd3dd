/* check_review.c: spaced review: the Leitner boxes and their intervals, the stored
 * values (damaged ones ignored), who joins the schedule and when, what is due and in
 * which order, two instances merging their answers, and a round played with keys. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/progress.h"
#include "app/review-round.h"
#include "app/review.h"
#include "lesson/lesson.h"
#include "progtest.h"
#include "testlib.h"

#define DAY 86400LL
#define T0 1000000000LL

/* Lesson L-a: a1 and a2 reviewable, a3 shown beside a widget (never reviewed);
 * lesson L-b: b1; lesson L-c: twelve questions, to fill more than a round. */
static const char *const text_a =
    "@lesson L-a\n@title Lesson A\n@level 1\n@format 1\n\n@unit A.q\n# Q\n\n"
    "@quiz single id=a1\nWhich function squashes numbers?\n[x] sigmoid\n[ ] ReLU\nexplain: Because.\n@end\n\n"
    "@quiz single id=a2\nWhat does a neuron add?\n[ ] memory\n[x] a bias\nexplain: Because.\n@end\n\n"
    "@quiz single id=a3 show=w\nWhat does the plot show?\n[x] a line\n[ ] a dot\nexplain: Because.\n@end\n";
static const char *const text_b =
    "@lesson L-b\n@title Lesson B\n@level 1\n@format 1\n\n@unit B.q\n# Q\n\n"
    "@quiz single id=b1\nIs a bias a number?\n[x] yes\n[ ] no\nexplain: Because.\n@end\n";

static Lesson *parsed[3];
static CourseUnit cunits[3] = {{"A.q", UNIT_QUIZ, 2, "A", 0}, {"B.q", UNIT_QUIZ, 2, "B", 0},
			       {"C.q", UNIT_QUIZ, 2, "C", 0}};
static CourseLesson lessons[3];
static CourseLevel level;
static Course course;
static char dir[64], path[128];

static Lesson *parse(const char *text)
{
	Lesson *l = NULL;
	DiagList d;

	diag_init(&d, 0);
	ck_assert_int_eq(lesson_parse(&l, "t.lesson", text, strlen(text), &d), LESSON_OK);
	diag_free(&d);
	return l;
}

static void setup(void)
{
	char text_c[4096];
	size_t len, i;

	parsed[0] = parse(text_a);
	parsed[1] = parse(text_b);
	len = (size_t)snprintf(text_c, sizeof text_c,
			       "@lesson L-c\n@title Lesson C\n@level 1\n@format 1\n\n@unit C.q\n# Q\n\n");
	for (i = 0; i < 12; i++)
		len += (size_t)snprintf(text_c + len, sizeof text_c - len,
					"@quiz single id=c%zu\nQuestion number %zu?\n[x] yes\n"
					"[ ] no\nexplain: Because.\n@end\n\n",
					i, i);
	parsed[2] = parse(text_c);
	memset(lessons, 0, sizeof lessons);
	for (i = 0; i < 3; i++) {
		lessons[i].id = parsed[i]->id;
		lessons[i].units = &cunits[i];
		lessons[i].nunits = 1;
		lessons[i].lesson = parsed[i];
	}
	level.id = "1";
	level.name = "Beginner";
	level.lessons = lessons;
	level.nlessons = 3;
	course.name = "Review course";
	course.levels = &level;
	course.nlevels = 1;
	progtest_setup(dir, path);
}

static void teardown(void)
{
	size_t i;

	for (i = 0; i < 3; i++)
		lesson_free(parsed[i]);
	progtest_teardown(dir);
}

static const Quiz *quiz(int lesson, int i)
{
	return &parsed[lesson]->units[0].blocks[i + 1].quiz; /* after the heading */
}

static void entry_is(const Progress *p, const char *key, const char *want)
{
	const char *v = progress_get(p, key);

	ck_assert_msg(v && strcmp(v, want) == 0, "%s is %s, not %s", key, v ? v : "(none)", want);
}

/* The value a question's entry must have: box, due, and its hash in hex. */
static const char *value(int box, long long due, const Quiz *q)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "%d %lld %08x", box, due, review_hash(q));
	return buf;
}

START_TEST(boxes_double_their_wait)
{
	int want[] = {1, 1, 2, 4, 8, 16, 16};
	int b;

	for (b = 0; b <= 6; b++)
		ck_assert_int_eq(review_interval_days(b), want[b]);
}
END_TEST

START_TEST(right_moves_up_wrong_goes_back_to_box_one)
{
	ReviewEntry e = {1, 0, 7};
	long long now = T0;
	int box;

	/* Right five times from box 1: boxes 2, 3, 4, 5, 5, each due after its wait. */
	for (box = 2; box <= 6; box++) {
		int b = box > 5 ? 5 : box;
		review_move(&e, true, now);
		ck_assert_int_eq(e.box, b);
		ck_assert(e.due == now + (long long)(1 << (b - 1)) * DAY);
		now = e.due;
	}
	ck_assert_uint_eq(e.hash, 7); /* the question stays the same */
	review_move(&e, false, now);
	ck_assert_int_eq(e.box, 1);
	ck_assert(e.due == now + DAY);
}
END_TEST

START_TEST(hash_is_fnv1a_of_kind_and_prompt)
{
	/* Worked out apart from the code: FNV-1a (32 bits) over "single\0", the span's
	 * text and a space. */
	static const Span sp[] = {{SPAN_TEXT, "Which function squashes numbers?", 32}};
	Quiz q;

	memset(&q, 0, sizeof q);
	q.kind = QUIZ_SINGLE;
	q.prompt.spans = sp;
	q.prompt.n = 1;
	ck_assert_uint_eq(review_hash(&q), 0x03265f8cu);
	q.kind = QUIZ_MULTI;
	ck_assert_uint_ne(review_hash(&q), 0x03265f8cu);
}
END_TEST

START_TEST(stored_values_round_trip_and_damaged_ones_are_refused)
{
	static const char *const bad[] = {
	    "", "1", "1 5", "0 5 00000000", "6 5 00000000", "-1 5 00000000", "1 -5 00000000",
	    "1 5 0000000", "1 5 000000000", "1 5 0000000g", "1 5 00000000 ", "1  5 00000000",
	    " 1 5 00000000", "1 5\t00000000", "x 5 00000000", "1 99999999999999999999 00000000",
	    "1 5 -0000000", "1 1e9 00000000", "2 5 00000000\n"};
	ReviewEntry e = {3, 42, 9}, r;
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_msg(!review_parse(bad[i], &e), "'%s' was accepted", bad[i]);
		ck_assert(e.box == 3 && e.due == 42 && e.hash == 9); /* untouched */
	}
	ck_assert(!review_parse(NULL, &e));
	ck_assert(review_parse("5 1000172800 DEADbeef", &r));
	ck_assert(r.box == 5 && r.due == 1000172800LL && r.hash == 0xdeadbeefu);
	e = (ReviewEntry){4, 1234567890123LL, 0x00abcdefu};
	review_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "4 1234567890123 00abcdef");
	ck_assert(review_parse(buf, &r));
	ck_assert(r.box == e.box && r.due == e.due && r.hash == e.hash);
}
END_TEST

START_TEST(a_miss_joins_at_once_the_rest_when_the_lesson_is_done)
{
	Progress *p = progress_new(NULL);
	ReviewItem items[4];

	progress_set(p, "quiz.L-a.a1.score", "0"); /* missed on the first try */
	progress_set(p, "quiz.L-a.a2.score", "1");
	progress_set(p, "quiz.L-a.a3.score", "0"); /* shown beside a widget: never */
	progress_set(p, "quiz.L-b.b1.score", "0"); /* in a lesson not finished */
	ck_assert_int_eq(review_enrol(p, &course, T0), 2);
	entry_is(p, "review.L-a.a1", value(1, T0 + DAY, quiz(0, 0)));
	entry_is(p, "review.L-b.b1", value(1, T0 + DAY, quiz(1, 0)));
	ck_assert_ptr_null(progress_get(p, "review.L-a.a2"));
	ck_assert_ptr_null(progress_get(p, "review.L-a.a3"));
	/* Nothing of an unfinished lesson is ever due. */
	ck_assert_int_eq(review_due(p, &course, T0 + 100 * DAY, NULL, 0), 0);

	progress_set(p, "unit.A.q.done", "1"); /* lesson A finished ten seconds later */
	ck_assert_int_eq(review_enrol(p, &course, T0 + 10), 1);
	entry_is(p, "review.L-a.a1", value(1, T0 + DAY, quiz(0, 0))); /* kept */
	entry_is(p, "review.L-a.a2", value(2, T0 + 10 + 2 * DAY, quiz(0, 1)));
	ck_assert_ptr_null(progress_get(p, "review.L-a.a3"));
	ck_assert_int_eq(review_enrol(p, &course, T0 + 20), 0); /* nothing twice */

	ck_assert_int_eq(review_due(p, &course, T0 + DAY - 1, NULL, 0), 0);
	ck_assert_int_eq(review_due(p, &course, T0 + DAY, items, 4), 1);
	ck_assert_ptr_eq(items[0].block->quiz.id, quiz(0, 0)->id);
	ck_assert_int_eq(review_due(p, &course, T0 + 10 + 2 * DAY, items, 4), 2);
	ck_assert_str_eq(items[0].block->quiz.id, "a1"); /* box 1 first */
	ck_assert_str_eq(items[1].block->quiz.id, "a2");
	ck_assert_ptr_eq(items[1].lesson, &lessons[0]);
	ck_assert_int_eq(items[1].entry.box, 2);
	progress_free(p);
}
END_TEST

START_TEST(damaged_and_reworded_entries_are_ignored_then_replaced)
{
	Progress *p = progress_new(NULL);
	ReviewEntry e;
	char old[64];

	progress_set(p, "unit.A.q.done", "1");
	progress_set(p, "review.L-a.a1", "7 oops");
	snprintf(old, sizeof old, "1 %lld %08x", T0, review_hash(quiz(0, 1)) ^ 1u);
	progress_set(p, "review.L-a.a2", old); /* the question was worded otherwise */
	ck_assert(!review_get(p, "L-a", quiz(0, 0), &e));
	ck_assert(!review_get(p, "L-a", quiz(0, 1), &e));
	ck_assert_int_eq(review_due(p, &course, T0 + DAY, NULL, 0), 0);
	/* Enrolled afresh: both in box 2 (no miss recorded). */
	ck_assert_int_eq(review_enrol(p, &course, T0), 2);
	entry_is(p, "review.L-a.a1", value(2, T0 + 2 * DAY, quiz(0, 0)));
	entry_is(p, "review.L-a.a2", value(2, T0 + 2 * DAY, quiz(0, 1)));
	ck_assert(review_get(p, "L-a", quiz(0, 1), &e) && e.box == 2);
	progress_free(p);
}
END_TEST

START_TEST(an_answer_reschedules_from_the_entry)
{
	Progress *p = progress_new(NULL);

	ck_assert_int_eq(review_answer(p, "L-a", quiz(0, 0), true, T0), 0); /* no entry */
	entry_is(p, "review.L-a.a1", value(2, T0 + 2 * DAY, quiz(0, 0)));
	review_answer(p, "L-a", quiz(0, 0), true, T0 + 5 * DAY);
	entry_is(p, "review.L-a.a1", value(3, T0 + 9 * DAY, quiz(0, 0)));
	review_answer(p, "L-a", quiz(0, 0), false, T0 + 10 * DAY);
	entry_is(p, "review.L-a.a1", value(1, T0 + 11 * DAY, quiz(0, 0)));
	progress_free(p);
}
END_TEST

START_TEST(a_round_holds_ten_in_order_of_box_then_lateness)
{
	Progress *p = progress_new(NULL);
	ReviewItem items[REVIEW_ROUND_MAX];
	char key[64], v[64];
	int i;

	progress_set(p, "unit.C.q.done", "1");
	/* c0..c11: boxes 3, 2, 1, 3, 2, 1...; due earlier for higher numbers. */
	for (i = 0; i < 12; i++) {
		ReviewEntry e = {3 - i % 3, T0 - i, review_hash(quiz(2, i))};
		review_format(&e, v, sizeof v);
		snprintf(key, sizeof key, "review.L-c.c%d", i);
		progress_set(p, key, v);
	}
	ck_assert_int_eq(review_due(p, &course, T0 - 6, NULL, 0), 6); /* c6..c11 */
	ck_assert_int_eq(review_due(p, &course, T0, items, REVIEW_ROUND_MAX), 12);
	{
		/* Box 1: c11, c8, c5, c2; box 2: c10, c7, c4, c1; box 3: c9, c6 (c3, c0
		 * wait for the next round). */
		static const char *const want[] = {"c11", "c8", "c5", "c2", "c10",
						   "c7",  "c4", "c1", "c9", "c6"};
		for (i = 0; i < REVIEW_ROUND_MAX; i++)
			ck_assert_str_eq(items[i].block->quiz.id, want[i]);
	}
	progress_free(p);
}
END_TEST

START_TEST(two_instances_merge_their_answers)
{
	ProgressStatus st;
	char bak[256];
	Progress *a, *b, *c;

	progtest_write(path, "neuronauts-progress 1\nunit.A.q.done 1\n");
	a = progress_open(path, &st, bak, sizeof bak);
	b = progress_open(path, &st, bak, sizeof bak);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	review_answer(a, "L-a", quiz(0, 0), false, T0);    /* a1 in box 1 */
	review_answer(b, "L-a", quiz(0, 1), true, T0 + 5); /* a2 in box 2 */
	review_answer(b, "L-a", quiz(0, 0), true, T0 + 5); /* b saves last: its a1 wins */
	ck_assert_int_eq(progress_save(a), 0);
	ck_assert_int_eq(progress_save(b), 0);
	c = progress_open(path, &st, bak, sizeof bak);
	ck_assert_int_eq(st, PROGRESS_OK);
	entry_is(c, "review.L-a.a1", value(2, T0 + 5 + 2 * DAY, quiz(0, 0)));
	entry_is(c, "review.L-a.a2", value(2, T0 + 5 + 2 * DAY, quiz(0, 1)));
	ck_assert_int_eq(review_due(c, &course, T0 + 5 + 2 * DAY, NULL, 0), 2);
	progress_free(a);
	progress_free(b);
	progress_free(c);
}
END_TEST

static unsigned press(ReviewRound *r, Progress *p, KeyCode code, uint32_t ch, long long now)
{
	Key k;

	memset(&k, 0, sizeof k);
	k.code = code;
	k.ch = ch;
	return review_round_key(r, p, &k, now);
}

START_TEST(a_round_reschedules_at_the_first_check_only)
{
	Progress *p = progress_new(NULL);
	ReviewRound r;
	unsigned bits;

	progress_set(p, "unit.A.q.done", "1");
	progress_set(p, "quiz.L-a.a1.score", "0");
	review_enrol(p, &course, T0); /* a1 box 1, a2 box 2 */
	ck_assert_int_eq(review_round_start(&r, p, &course, T0 + DAY - 1), 0);
	review_round_end(&r);
	ck_assert_int_eq(review_round_start(&r, p, &course, T0 + 2 * DAY), 2);
	ck_assert_str_eq(review_round_focused(&r)->id, "a1");
	ck_assert_uint_eq(press(&r, p, K_CHAR, 'b', T0 + 2 * DAY), REVIEW_KEY_USED); /* ReLU */
	bits = press(&r, p, K_ENTER, 0, T0 + 2 * DAY);
	ck_assert_uint_eq(bits, REVIEW_KEY_USED | REVIEW_KEY_GRADED); /* wrong: box 1 */
	entry_is(p, "review.L-a.a1", value(1, T0 + 3 * DAY, quiz(0, 0)));
	press(&r, p, K_CHAR, 'a', T0 + 2 * DAY);
	ck_assert_uint_eq(press(&r, p, K_ENTER, 0, T0 + 2 * DAY), REVIEW_KEY_USED); /* right */
	entry_is(p, "review.L-a.a1", value(1, T0 + 3 * DAY, quiz(0, 0))); /* the first check */
	/* Tried again ("r") and wrong: Enter checks the form again, never moves on,
	 * and the schedule keeps the first check's. */
	ck_assert_uint_eq(press(&r, p, K_CHAR, 'r', T0 + 2 * DAY), REVIEW_KEY_USED);
	press(&r, p, K_CHAR, 'b', T0 + 2 * DAY);
	ck_assert_uint_eq(press(&r, p, K_ENTER, 0, T0 + 2 * DAY), REVIEW_KEY_USED);
	ck_assert_uint_eq(press(&r, p, K_ENTER, 0, T0 + 2 * DAY), REVIEW_KEY_USED);
	ck_assert_str_eq(review_round_focused(&r)->id, "a1");
	press(&r, p, K_CHAR, 'a', T0 + 2 * DAY);
	ck_assert_uint_eq(press(&r, p, K_ENTER, 0, T0 + 2 * DAY), REVIEW_KEY_USED); /* right */
	entry_is(p, "review.L-a.a1", value(1, T0 + 3 * DAY, quiz(0, 0)));
	ck_assert_uint_eq(press(&r, p, K_ENTER, 0, T0 + 2 * DAY), REVIEW_KEY_USED); /* next */
	ck_assert_str_eq(review_round_focused(&r)->id, "a2");
	press(&r, p, K_CHAR, 'b', T0 + 2 * DAY);
	bits = press(&r, p, K_ENTER, 0, T0 + 2 * DAY);
	ck_assert_uint_eq(bits, REVIEW_KEY_USED | REVIEW_KEY_GRADED);
	entry_is(p, "review.L-a.a2", value(3, T0 + 6 * DAY, quiz(0, 1)));
	press(&r, p, K_ENTER, 0, T0 + 2 * DAY); /* the summary */
	ck_assert_ptr_null(review_round_focused(&r));
	ck_assert_uint_eq(press(&r, p, K_CHAR, 'x', T0), 0);
	ck_assert_uint_eq(press(&r, p, K_ENTER, 0, T0), REVIEW_KEY_USED | REVIEW_KEY_DONE);
	review_round_end(&r);
	/* The lesson's own first-try score is the lesson's: the round left it alone. */
	entry_is(p, "quiz.L-a.a1.score", "0");
	ck_assert_ptr_null(progress_get(p, "quiz.L-a.a2.score"));
	progress_free(p);
}
END_TEST

static Suite *review_suite(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, boxes_double_their_wait);
	tcase_add_test(tc, right_moves_up_wrong_goes_back_to_box_one);
	tcase_add_test(tc, hash_is_fnv1a_of_kind_and_prompt);
	tcase_add_test(tc, stored_values_round_trip_and_damaged_ones_are_refused);
	tcase_add_test(tc, a_miss_joins_at_once_the_rest_when_the_lesson_is_done);
	tcase_add_test(tc, damaged_and_reworded_entries_are_ignored_then_replaced);
	tcase_add_test(tc, an_answer_reschedules_from_the_entry);
	tcase_add_test(tc, a_round_holds_ten_in_order_of_box_then_lateness);
	tcase_add_test(tc, two_instances_merge_their_answers);
	tcase_add_test(tc, a_round_reschedules_at_the_first_check_only);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(review_suite());
}
