/* review.h: spaced review: the Leitner schedule of every quiz question of the course,
 * kept in the progress store, and which questions are due. Must not touch the terminal.
 *
 * Each question is in one of five boxes; box b waits review_interval_days(b) days
 * (1, 2, 4, 8, 16) before it is due again. A question missed on its first try in a
 * lesson goes to box 1 (due a day later); once its lesson is finished every other
 * question of it joins in box 2 (due two days later). In a review, a right first try
 * moves a question up a box (box 5 stays in box 5), a wrong one back to box 1; either
 * way it is due again after its new box's interval. Only questions of finished
 * lessons are ever due, and quizzes shown beside a widget (show=) are left out: they
 * make no sense alone.
 *
 * Progress keys: "review.<LESSON>.<QUIZ> <box> <due> <hash>": due in Unix seconds, hash
 * the question's text (review_hash) in 8 hex digits, so a reworded question starts
 * afresh. A value that does not parse, or names a box outside 1..5, is ignored (the
 * question is enrolled again as if it had none). */
#ifndef NN_APP_REVIEW_H
#define NN_APP_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app/progress.h"
#include "lesson/model.h"

#define REVIEW_BOXES 5
#define REVIEW_DAY 86400LL
/* The most questions a review round asks. */
#define REVIEW_ROUND_MAX 10

typedef struct {
	int box;        /* 1 .. REVIEW_BOXES */
	long long due;  /* Unix seconds */
	unsigned hash;  /* review_hash of the question when it was scheduled */
} ReviewEntry;

/* A question of the course. */
typedef struct {
	const CourseLesson *lesson;
	const Block *block; /* its BLOCK_QUIZ */
	ReviewEntry entry;
} ReviewItem;

/* The days box waits (box clamped to 1 .. REVIEW_BOXES): 1, 2, 4, 8, 16. */
int review_interval_days(int box);

/* FNV-1a (32 bits) of the question's kind and the text of its prompt. */
unsigned review_hash(const Quiz *q);

/* Parses a stored value; false when it is damaged (then *e is untouched). */
bool review_parse(const char *value, ReviewEntry *e);

/* The value for e into buf ("2 1700000000 0a1b2c3d"). */
void review_format(const ReviewEntry *e, char *buf, size_t size);

/* The progress key of a question: "review.<LESSON>.<QUIZ>". */
void review_key(char *buf, size_t size, const char *lesson, const char *quiz);

/* Moves e for an answer at time now: right, up a box (at most REVIEW_BOXES); wrong,
 * to box 1; then due after the new box's interval. */
void review_move(ReviewEntry *e, bool right, long long now);

/* The question's entry; false when it has none, it is damaged, or the question was
 * reworded since (its hash differs). */
bool review_get(const Progress *p, const char *lesson, const Quiz *q, ReviewEntry *e);

/* Reschedules a question for an answer given in a review at time now (a question
 * without an entry starts from box 1). Returns 0, or -1 when progress refused it. */
int review_answer(Progress *p, const char *lesson, const Quiz *q, bool right, long long now);

/* Whether the question can be reviewed alone (not shown beside a widget). */
bool review_candidate(const Quiz *q);

/* Gives every question of the course that should be scheduled and is not (no entry,
 * a damaged one, or one for its old wording) its first entry at time now: box 1 due a
 * day later when its first try in the lesson was wrong (quiz.<L>.<Q>.score 0), else
 * box 2 due two days later once its lesson is finished. Returns how many it added. */
int review_enrol(Progress *p, const Course *c, long long now);

/* The questions of finished lessons due at time now: returns how many there are, and
 * puts the first max of them into out (lowest box first, then the longest overdue,
 * then in course order). out may be NULL with max 0, to count. */
int review_due(const Progress *p, const Course *c, long long now, ReviewItem *out, int max);

/* The clock: NEURONAUTS_NOW (Unix seconds, for tests) when it is set to a whole
 * number, else the time of day. */
long long review_now(void);

#endif
