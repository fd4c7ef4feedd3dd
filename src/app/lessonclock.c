/* lessonclock.c: counting the active time spent in each lesson into progress.
 * Must not read a clock, touch the terminal or save: the loop does those. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/lessonclock.h"

/* The progress key of lesson's time. */
static void time_key(char *key, size_t size, const char *lesson)
{
	snprintf(key, size, "time.%s", lesson);
}

long lessonclock_seconds(const Progress *p, const char *lesson)
{
	char key[192];
	double v;

	time_key(key, sizeof key, lesson);
	v = p ? progress_get_num(p, key, 0) : 0;
	return isfinite(v) && v > 0 && v < 1e12 ? (long)v : 0;
}

/* Counts the gap from the last event to now, up to the cap; a clock that went
 * backwards counts nothing. */
static void count_gap(LessonClock *c, double now)
{
	double gap = now - c->last;

	if (gap > LESSONCLOCK_IDLE_CAP)
		gap = LESSONCLOCK_IDLE_CAP;
	if (gap > 0)
		c->counted += gap;
	c->last = now;
}

void lessonclock_key(LessonClock *c, double now)
{
	if (c->lesson[0])
		count_gap(c, now);
}

void lessonclock_flush(LessonClock *c, Progress *p)
{
	double whole = floor(c->counted);
	char key[192];

	if (!c->lesson[0] || whole < 1 || !p)
		return;
	time_key(key, sizeof key, c->lesson);
	if (progress_set_num(p, key, (double)lessonclock_seconds(p, c->lesson) + whole) == 0)
		c->counted -= whole;
}

void lessonclock_stop(LessonClock *c, Progress *p, double now)
{
	if (!c->lesson[0])
		return;
	count_gap(c, now);
	c->counted = floor(c->counted + 0.5); /* the last part-second, rounded */
	lessonclock_flush(c, p);
	c->lesson[0] = '\0';
	c->counted = 0;
}

void lessonclock_start(LessonClock *c, Progress *p, const char *lesson, double now)
{
	lessonclock_stop(c, p, now);
	if (strlen(lesson) >= sizeof c->lesson)
		return; /* an id this long is no course's: not timed */
	strcpy(c->lesson, lesson);
	c->last = now;
	c->counted = 0;
}
