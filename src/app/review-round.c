/* review-round.c: the review round screen's state: the due questions as quiz forms,
 * their rescheduling at the first check, the summary. Must not touch the terminal or
 * save (the loop does both). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "app/frame.h"
#include "app/review-round.h"
#include "base/utf8.h"
#include "nls.h"
#include "widgets/quiz/quiz.h"

enum { TOP = 2 }; /* the form's first row: under the header and a blank row */

int review_round_start(ReviewRound *r, const Progress *p, const Course *c, long long now)
{
	int i;

	memset(r, 0, sizeof *r);
	r->due = review_due(p, c, now, r->items, REVIEW_ROUND_MAX);
	r->n = r->due < REVIEW_ROUND_MAX ? r->due : REVIEW_ROUND_MAX;
	r->scene.items = r->inst;
	r->scene.n = (size_t)r->n;
	for (i = 0; i < r->n; i++) {
		Instance *in = &r->inst[i];
		in->ops = &quiz_ops;
		in->block = r->items[i].block;
		in->id = r->items[i].block->quiz.id;
		in->scene = &r->scene;
		in->goal = true;
		r->result[i] = -1;
	}
	for (i = 0; i < r->n; i++) {
		if (r->inst[i].ops->init(&r->inst[i]) != 0) {
			r->n = i; /* free what was made */
			review_round_end(r);
			return -1;
		}
		r->inst[i].ready = true;
	}
	return r->n;
}

void review_round_end(ReviewRound *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->inst[i].ready)
			r->inst[i].ops->free(&r->inst[i]);
	grid_free(&r->scratch);
	memset(r, 0, sizeof *r);
}

const Instance *review_round_focused(const ReviewRound *r)
{
	return !r->summary && r->cur < r->n ? &r->inst[r->cur] : NULL;
}

/* What a form's save says: the first check's score (1, 0, or -1 before any) and
 * whether it is answered now (right, or the answer shown; "r" opens it again). */
typedef struct {
	int score;
	bool ended;
} Graded;

static const char *graded_get(void *ctx, const char *key)
{
	(void)ctx;
	(void)key;
	return NULL;
}

static void graded_set(void *ctx, const char *key, const char *value)
{
	Graded *g = ctx;

	if (strcmp(key, "score") == 0)
		g->score = strcmp(value, "1") == 0;
	else if (strcmp(key, "state") == 0)
		g->ended = strcmp(value, "right") == 0 || strcmp(value, "shown") == 0;
}

static Graded graded(const Instance *in)
{
	Graded gr = {-1, false};
	Store st = {graded_get, graded_set, &gr};

	in->ops->save(in, &st);
	return gr;
}

unsigned review_round_key(ReviewRound *r, Progress *p, const Key *k, long long now)
{
	Instance *in;
	unsigned out = REVIEW_KEY_USED;
	Graded gr;

	if (r->summary || r->n == 0)
		return k->code == K_ENTER ? REVIEW_KEY_USED | REVIEW_KEY_DONE : 0;
	in = &r->inst[r->cur];
	if (in->ops->key(in, k) == WIDGET_IGNORED) {
		if (k->code != K_ENTER || !r->ended[r->cur])
			return 0;
		if (++r->cur >= r->n) {
			r->cur = r->n - 1;
			r->summary = true;
		}
		return REVIEW_KEY_USED;
	}
	gr = graded(in);
	r->ended[r->cur] = gr.ended;
	if (r->result[r->cur] < 0 && gr.score >= 0) {
		const ReviewItem *it = &r->items[r->cur];
		r->result[r->cur] = (signed char)gr.score;
		if (review_answer(p, it->lesson->id, &it->block->quiz, gr.score > 0, now) == 0)
			(void)review_get(p, it->lesson->id, &it->block->quiz, &r->after[r->cur]);
		out |= REVIEW_KEY_GRADED;
	}
	return out;
}

/* When a question comes back, in words: "Box 2 of 5: back in 2 days." */
static void when_text(const ReviewEntry *e, char *buf, size_t size)
{
	int days = review_interval_days(e->box);

	if (days == 1)
		snprintf(buf, size, _("Box %d of %d: it comes back tomorrow."), e->box,
			 REVIEW_BOXES);
	else
		snprintf(buf, size, _("Box %d of %d: it comes back in %d days."), e->box,
			 REVIEW_BOXES, days);
}

static void header(const ReviewRound *r, Grid *g, Caps caps)
{
	char buf[256];
	const CourseLesson *e = r->items[r->cur].lesson;
	const char *title = e->lesson && e->lesson->title ? e->lesson->title : e->id;
	int x;

	grid_str(g, 2, 0, _("Review"), STYLE_TITLE);
	if (r->summary)
		return;
	x = 2 + utf8_width(_("Review"), strlen(_("Review")));
	x += grid_str(g, x, 0, caps.unicode ? " · " : " - ", STYLE_DIM);
	snprintf(buf, sizeof buf, _("question %d of %d"), r->cur + 1, r->n);
	x += grid_text(g, x, 0, buf, strlen(buf), g->w - 2 - x, STYLE_DIM) + 2;
	/* The lesson on the right, cut when it does not fit beside the count. */
	snprintf(buf, sizeof buf, _("from: %s"), title);
	if (g->w - 2 - utf8_width(buf, strlen(buf)) > x)
		x = g->w - 2 - utf8_width(buf, strlen(buf));
	if (x < g->w - 2)
		grid_text(g, x, 0, buf, strlen(buf), g->w - 2 - x, STYLE_DIM);
}

/* The form at TOP, scrolled so its cursor is in view when it is taller than the
 * rows it has; then when it comes back, once checked. */
static void question(ReviewRound *r, Grid *g, Caps caps, int *cx, int *cy)
{
	Instance *in = &r->inst[r->cur];
	int w = g->w - 4, room = g->h - TOP - 3, h, y, off = 0, wx = -1, wy = -1;
	Rect rect;

	if (w < 1 || room < 1)
		return;
	h = in->ops->height(in, w);
	if (r->scratch.w == w && r->scratch.h == h)
		grid_clear(&r->scratch, STYLE_NORMAL);
	else if (grid_resize(&r->scratch, w, h) != 0)
		return;
	rect = (Rect){0, 0, w, h};
	in->ops->draw(in, &r->scratch, rect, caps, true, &wx, &wy);
	if (h > room && wy >= room)
		off = wy - room + 1;
	for (y = 0; y < room && y + off < h; y++)
		memcpy(&g->cells[(size_t)(TOP + y) * (size_t)g->w + 2],
		       &r->scratch.cells[(size_t)(y + off) * (size_t)w], (size_t)w * sizeof *g->cells);
	if (wx >= 0 && wy - off >= 0 && wy - off < room) {
		*cx = 2 + wx;
		*cy = TOP + wy - off;
	}
	if (r->result[r->cur] >= 0 && h - off < room) {
		char buf[256];
		when_text(&r->after[r->cur], buf, sizeof buf);
		grid_text(g, 2, TOP + h - off, buf, strlen(buf), w, STYLE_ACCENT);
	}
}

static void summary(const ReviewRound *r, Grid *g, Caps caps)
{
	char buf[256], when[160];
	int i, right = 0, y = TOP;

	for (i = 0; i < r->n; i++)
		right += r->result[i] > 0;
	snprintf(buf, sizeof buf, _("Round done: %d of %d right on the first try."), right, r->n);
	grid_text(g, 2, y, buf, strlen(buf), g->w - 4, STYLE_BOLD);
	y += 2;
	for (i = 0; i < r->n && y < g->h - 4; i++, y++) {
		const CourseLesson *e = r->items[i].lesson;
		const char *mark = r->result[i] > 0 ? (caps.unicode ? "✓" : "+")
				   : r->result[i] == 0 ? (caps.unicode ? "✗" : "-") : " ";
		if (r->result[i] >= 0)
			when_text(&r->after[i], when, sizeof when);
		else
			snprintf(when, sizeof when, "%s", _("not answered: still due."));
		snprintf(buf, sizeof buf, _("Question %d, %s. %s"), i + 1,
			 e->lesson && e->lesson->title ? e->lesson->title : e->id, when);
		grid_str(g, 2, y, mark, r->result[i] > 0 ? STYLE_GOOD : STYLE_BAD);
		grid_text(g, 4, y, buf, strlen(buf), g->w - 6, STYLE_NORMAL);
	}
	if (r->due > r->n) {
		snprintf(buf, sizeof buf, _("Still due after this round: %d (the map offers them)."),
			 r->due - r->n);
		grid_text(g, 2, y + 1, buf, strlen(buf), g->w - 4, STYLE_DIM);
	}
}

/* The footer: the form's keys (or Enter and what it does next) on the left, the
 * screen's own on the right. */
static void footer(const ReviewRound *r, Grid *g, Caps caps)
{
	const char *pairs[48];
	char scratch[512];
	int n = 0;
	const Instance *in = review_round_focused(r);

	if (in && !r->ended[r->cur]) {
		n = instance_keys(in, caps.unicode, pairs, 46, scratch, sizeof scratch);
	} else {
		pairs[n++] = "Enter";
		pairs[n++] = r->summary ? _("back to the map")
			     : r->cur + 1 < r->n ? _("next question") : _("see the summary");
		if (in)
			n += instance_keys(in, caps.unicode, pairs + n, 46, scratch, sizeof scratch);
	}
	frame_footer_pairs(g, KCTX_REVIEW, pairs, n);
}

void review_round_draw(ReviewRound *r, Grid *g, Caps caps, int *cx, int *cy)
{
	grid_clear(g, STYLE_NORMAL);
	*cx = *cy = -1;
	if (r->n == 0)
		return;
	header(r, g, caps);
	if (r->summary)
		summary(r, g, caps);
	else
		question(r, g, caps, cx, cy);
	footer(r, g, caps);
}
