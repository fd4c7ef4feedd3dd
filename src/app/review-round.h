/* review-round.h: a review round: the questions due (review.h), asked one after another
 * with the quiz forms' usual feedback, each rescheduled at its first check, then a
 * summary. Must not touch the terminal or save: the loop saves after each answer. */
#ifndef NN_APP_REVIEW_ROUND_H
#define NN_APP_REVIEW_ROUND_H

#include <stdbool.h>

#include "app/progress.h"
#include "app/review.h"
#include "draw/grid.h"
#include "widgets/core/widget.h"

typedef struct {
	ReviewItem items[REVIEW_ROUND_MAX];
	Instance inst[REVIEW_ROUND_MAX];
	Scene scene; /* the round's forms, so each counts as "Question N." of the round */
	ReviewEntry after[REVIEW_ROUND_MAX]; /* the schedule each answer gave */
	signed char result[REVIEW_ROUND_MAX]; /* -1 not checked yet, 0 wrong, 1 right */
	bool ended[REVIEW_ROUND_MAX]; /* the form is answered now: Enter moves on */
	int n, cur;
	int due;      /* questions due when the round began (it asks at most n of them) */
	bool summary; /* every question answered: the summary is shown */
	Grid scratch; /* where the form is drawn before its visible rows are copied */
} ReviewRound;

/* What review_round_key did: bits. */
enum {
	REVIEW_KEY_USED = 1 << 0,
	REVIEW_KEY_GRADED = 1 << 1, /* a question was rescheduled: save now */
	REVIEW_KEY_DONE = 1 << 2    /* the summary was closed: back to the map */
};

/* Starts a round of the questions due at now (at most REVIEW_ROUND_MAX). Returns how
 * many it asks (0: nothing due; the round is then empty), or -1 when out of memory. */
int review_round_start(ReviewRound *r, const Progress *p, const Course *c, long long now);

/* Frees the round's forms (an empty or ended round too). */
void review_round_end(ReviewRound *r);

/* Draws the round into g (above the status line and the footer, which it draws too):
 * the question with its feedback, then when it was checked when it comes back; or the
 * summary. Places the cursor on the form. */
void review_round_draw(ReviewRound *r, Grid *g, Caps caps, int *cx, int *cy);

/* A key for the round: to the form; once the form is answered Enter moves on (after
 * the last question, to the summary; on the summary, back to the map). The first
 * check of each question reschedules it in p at now. Returns REVIEW_KEY_* bits. */
unsigned review_round_key(ReviewRound *r, Progress *p, const Key *k, long long now);

/* The form being asked, or NULL on the summary. */
const Instance *review_round_focused(const ReviewRound *r);

#endif
