/* review.c: the spaced-review schedule (Leitner boxes) kept in progress, and the
 * questions due. Must not touch the terminal or draw: review-round.c shows them. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/player.h"
#include "app/review.h"
#include "lesson/course.h"

int review_interval_days(int box)
{
	if (box < 1)
		box = 1;
	if (box > REVIEW_BOXES)
		box = REVIEW_BOXES;
	return 1 << (box - 1);
}

static unsigned fnv(unsigned h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h & 0xffffffffu;
}

unsigned review_hash(const Quiz *q)
{
	unsigned h = 2166136261u;
	const char *kind = quiz_kind_name(q->kind);
	size_t i;

	h = fnv(h, kind, strlen(kind) + 1);
	for (i = 0; i < q->prompt.n; i++) {
		const Span *s = &q->prompt.spans[i];
		h = fnv(h, s->text, s->len);
		h = fnv(h, " ", 1); /* spans are words apart */
	}
	return h;
}

/* A whole number in [lo, hi] from s up to the next blank or the end; NULL when it
 * is not one, else the character after it. */
static const char *number(const char *s, long long lo, long long hi, int base,
			  long long *out)
{
	char *end;
	long long v;

	if (!strchr(base == 16 ? "0123456789abcdefABCDEF" : "0123456789", *s) || !*s)
		return NULL;
	errno = 0;
	v = strtoll(s, &end, base);
	if (errno || end == s || v < lo || v > hi || (*end != ' ' && *end != '\0'))
		return NULL;
	*out = v;
	return end;
}

bool review_parse(const char *value, ReviewEntry *e)
{
	long long box, due, hash;
	const char *s = value;

	if (!s || !(s = number(s, 1, REVIEW_BOXES, 10, &box)) || *s++ != ' ' ||
	    !(s = number(s, 0, (long long)1 << 50, 10, &due)) || *s++ != ' ' ||
	    strlen(s) != 8 || !number(s, 0, 0xffffffffLL, 16, &hash))
		return false;
	e->box = (int)box;
	e->due = due;
	e->hash = (unsigned)hash;
	return true;
}

void review_format(const ReviewEntry *e, char *buf, size_t size)
{
	snprintf(buf, size, "%d %lld %08x", e->box, e->due, e->hash & 0xffffffffu);
}

void review_key(char *buf, size_t size, const char *lesson, const char *quiz)
{
	snprintf(buf, size, "review.%s.%s", lesson, quiz);
}

void review_move(ReviewEntry *e, bool right, long long now)
{
	if (!right)
		e->box = 1;
	else if (e->box < REVIEW_BOXES)
		e->box = e->box < 1 ? 2 : e->box + 1;
	e->due = now + review_interval_days(e->box) * REVIEW_DAY;
}

bool review_get(const Progress *p, const char *lesson, const Quiz *q, ReviewEntry *e)
{
	char key[256];
	ReviewEntry r;

	review_key(key, sizeof key, lesson, q->id);
	if (!p || !review_parse(progress_get(p, key), &r) || r.hash != review_hash(q))
		return false;
	*e = r;
	return true;
}

static int put(Progress *p, const char *lesson, const ReviewEntry *e, const char *quiz)
{
	char key[256], value[64];

	review_key(key, sizeof key, lesson, quiz);
	review_format(e, value, sizeof value);
	return progress_set(p, key, value);
}

int review_answer(Progress *p, const char *lesson, const Quiz *q, bool right, long long now)
{
	ReviewEntry e = {1, now, review_hash(q)};

	(void)review_get(p, lesson, q, &e);
	review_move(&e, right, now);
	return put(p, lesson, &e, q->id);
}

bool review_candidate(const Quiz *q)
{
	return q->id && !q->show;
}

static void count_key(const char *key, const char *value, void *ctx)
{
	(void)key, (void)value;
	++*(int *)ctx;
}

/* Whether p has a key "what.LESSON." of lesson e. */
static bool has_keys(const Progress *p, const char *what, const CourseLesson *e)
{
	char prefix[256];
	int n = 0;

	snprintf(prefix, sizeof prefix, "%s.%s.", what, e->id);
	progress_each(p, prefix, count_key, &n);
	return n > 0;
}

/* Calls fn for every quiz that can be reviewed of every written lesson of c for which
 * want says yes, in course order (top-level blocks, as the map counts them). A lesson
 * is read on first use, so asking want first keeps the lessons nobody needs unread. */
static void each_quiz(const Course *c, bool (*want)(const CourseLesson *e, void *ctx),
		      void (*fn)(const CourseLesson *e, const Block *b, void *ctx), void *ctx)
{
	size_t l, i, u, b;

	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			const CourseLesson *e = &c->levels[l].lessons[i];
			const Lesson *lesson = course_written(e) && want(e, ctx) ? course_lesson(e) : NULL;
			for (u = 0; lesson && u < lesson->nunits; u++)
				for (b = 0; b < lesson->units[u].nblocks; b++) {
					const Block *bl = &lesson->units[u].blocks[b];
					if (bl->kind == BLOCK_QUIZ && review_candidate(&bl->quiz))
						fn(e, bl, ctx);
				}
		}
}

typedef struct {
	Progress *p;
	long long now;
	int added;
	const CourseLesson *done_of; /* the last lesson asked whether it is done */
	bool done;
} Enrol;

static void enrol_one(const CourseLesson *e, const Block *b, void *ctx)
{
	Enrol *en = ctx;
	const Quiz *q = &b->quiz;
	ReviewEntry r = {0, 0, review_hash(q)};
	char key[256];
	const char *score;

	if (review_get(en->p, e->id, q, &r))
		return;
	if (en->done_of != e) {
		en->done_of = e;
		en->done = player_lesson_done(e, en->p) != 0;
	}
	snprintf(key, sizeof key, "quiz.%s.%s.score", e->id, q->id);
	score = progress_get(en->p, key);
	if (score && strcmp(score, "0") == 0)
		r.box = 1; /* missed on the first try */
	else if (en->done)
		r.box = 2; /* answered right, or never: it joins once the lesson is done */
	else
		return;
	r.due = en->now + review_interval_days(r.box) * REVIEW_DAY;
	en->added += put(en->p, e->id, &r, q->id) == 0;
}

/* A lesson can enrol questions when it is done or has a first-try score. */
static bool enrol_wants(const CourseLesson *e, void *ctx)
{
	const Enrol *en = ctx;

	return player_lesson_done(e, en->p) || has_keys(en->p, "quiz", e);
}

int review_enrol(Progress *p, const Course *c, long long now)
{
	Enrol en = {p, now, 0, NULL, false};

	if (p && c)
		each_quiz(c, enrol_wants, enrol_one, &en);
	return en.added;
}

typedef struct {
	const Progress *p;
	long long now;
	ReviewItem *out;
	int max, n, count;
	const CourseLesson *done_of;
	bool done;
} Due;

/* Whether a comes before b in a round: lower box, then due earlier. */
static bool before(const ReviewEntry *a, const ReviewEntry *b)
{
	return a->box != b->box ? a->box < b->box : a->due < b->due;
}

static void due_one(const CourseLesson *e, const Block *b, void *ctx)
{
	Due *d = ctx;
	const Quiz *q = &b->quiz;
	ReviewItem it = {e, b, {0, 0, 0}};
	int i;

	if (!review_get(d->p, e->id, q, &it.entry) || it.entry.due > d->now)
		return;
	if (d->done_of != e) {
		d->done_of = e;
		d->done = player_lesson_done(e, d->p) != 0;
	}
	if (!d->done)
		return;
	d->count++;
	/* Insertion into the first max, kept in order (course order breaks ties). */
	for (i = d->n; i > 0 && before(&it.entry, &d->out[i - 1].entry); i--)
		if (i < d->max)
			d->out[i] = d->out[i - 1];
	if (i < d->max) {
		d->out[i] = it;
		if (d->n < d->max)
			d->n++;
	}
}

/* Only a lesson with scheduled questions can have some due. */
static bool due_wants(const CourseLesson *e, void *ctx)
{
	return has_keys(((const Due *)ctx)->p, "review", e);
}

int review_due(const Progress *p, const Course *c, long long now, ReviewItem *out, int max)
{
	Due d = {p, now, out, out ? max : 0, 0, 0, NULL, false};

	if (p && c)
		each_quiz(c, due_wants, due_one, &d);
	return d.count;
}

long long review_now(void)
{
	const char *s = getenv("NEURONAUTS_NOW");
	long long t;

	if (s && number(s, 0, (long long)1 << 50, 10, &t) && !strchr(s, ' '))
		return t;
	return (long long)time(NULL);
}
