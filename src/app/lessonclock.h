/* lessonclock.h: the time a learner spends in a lesson, counted while it is open and
 * the learner is active, and kept in progress as "time.<LESSON>" (whole seconds).
 * Must not read a clock itself: the caller passes the time, so tests use a fake one. */
#ifndef NN_APP_LESSONCLOCK_H
#define NN_APP_LESSONCLOCK_H

#include <stdbool.h>

#include "app/progress.h"

/* The longest gap between two key presses that counts in full: a learner who stops
 * pressing keys for longer (reading, thinking, or away) is counted this much. */
#define LESSONCLOCK_IDLE_CAP 120.0

typedef struct {
	char lesson[128]; /* the lesson being timed, "" when none */
	double last;      /* when the lesson opened or the last key was pressed */
	double counted;   /* seconds counted and not yet added to progress */
} LessonClock;

/* Starts timing lesson at time now (seconds, any monotonic origin), stopping the
 * lesson timed before (its time goes to p). */
void lessonclock_start(LessonClock *c, Progress *p, const char *lesson, double now);

/* A key was pressed at now: the gap since the last one counts, up to the cap. */
void lessonclock_key(LessonClock *c, double now);

/* Adds the whole seconds counted so far to "time.<LESSON>" in p (the fraction is kept
 * for later); the gap still open is not counted yet. Call before saving. */
void lessonclock_flush(LessonClock *c, Progress *p);

/* The lesson is left at now: the open gap counts (up to the cap), everything goes to
 * p, and the clock stops. Nothing happens when no lesson is timed. */
void lessonclock_stop(LessonClock *c, Progress *p, double now);

/* The seconds progress holds for lesson (0 when none or not a number). */
long lessonclock_seconds(const Progress *p, const char *lesson);

#endif
