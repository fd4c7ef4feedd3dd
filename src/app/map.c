/* map.c: drawing the course map and moving its selection.
 * Must not touch the terminal or change progress. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "widgets/core/registry.h"
#include "app/app.h"
#include "app/map.h"
#include "app/plain.h"
#include "app/player.h"
#include "base/utf8.h"
#include "lesson/course.h"
#include "nls.h"

CourseLesson *map_last_lesson(const Course *c, const Progress *p)
{
	const char *id = p ? progress_get(p, "last.lesson") : NULL;

	return id ? plain_find_lesson(c, id) : NULL;
}

/* e's title, from its file (read now if it was not: the map reads only the lessons
 * it shows), or its id when the file has none or cannot be read. */
static const char *title_of(const CourseLesson *e)
{
	const Lesson *les = course_lesson(e);

	return les && les->title ? les->title : e->id;
}

/* Whether e is a written lesson of the course's story (the lab is free play). */
static bool story_lesson(const CourseLesson *e)
{
	return course_written(e) && strcmp(e->id, APP_LAB_LESSON) != 0;
}

/* Whether every lesson e requires is written and done. */
static bool ready(const Course *c, const CourseLesson *e, const Progress *p)
{
	size_t r;

	for (r = 0; r < e->nrequires; r++) {
		const CourseLesson *q = plain_find_lesson(c, e->requires[r].id);
		if (!q || !player_lesson_done(q, p))
			return false;
	}
	return true;
}

CourseLesson *map_continue_lesson(const Course *c, const Progress *p)
{
	CourseLesson *last = map_last_lesson(c, p), *found[8] = {NULL};
	bool after = false;
	size_t l, i, k;

	if (last && !player_lesson_done(last, p))
		return last; /* the learner is in the middle of it */
	if (!last)
		return NULL; /* nothing started: the map's first lesson is the way in */
	/* The first unfinished lesson, in order of preference: after the last one and
	 * ready (what it requires is done), ready anywhere, after it, anywhere; a lesson
	 * of the reference tier only after all of those. */
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			CourseLesson *e = &c->levels[l].lessons[i];
			int rank;
			if (e == last)
				after = true;
			if (!story_lesson(e) || player_lesson_done(e, p))
				continue;
			rank = (ready(c, e, p) ? 0 : 2) + (after ? 0 : 1) +
			       (strcmp(c->levels[l].id, APP_REFERENCE_LEVEL) == 0 ? 4 : 0);
			if (!found[rank])
				found[rank] = e;
		}
	for (k = 0; k < 8; k++)
		if (found[k])
			return found[k];
	return last;
}

int map_on_review(const MapState *m)
{
	return m->review_due > 0 && m->selected == 0;
}

int map_lesson_item(const MapState *m)
{
	return m->selected - (m->review_due > 0);
}

int map_count(const Course *c, const Progress *p)
{
	size_t l, i;
	int n = map_continue_lesson(c, p) ? 1 : 0;

	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++)
			n += course_written(&c->levels[l].lessons[i]);
	return n;
}

CourseLesson *map_item(const Course *c, const Progress *p, int item, int *is_continue)
{
	CourseLesson *last = map_continue_lesson(c, p);
	size_t l, i;

	*is_continue = 0;
	if (last && item == 0) {
		*is_continue = 1;
		return last;
	}
	if (last)
		item--;
	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++)
			if (course_written(&c->levels[l].lessons[i]) && item-- == 0)
				return &c->levels[l].lessons[i];
	return NULL;
}

int map_minutes(const CourseLesson *e)
{
	size_t i;
	int m = 0;

	for (i = 0; i < e->nunits; i++)
		m += e->units[i].minutes;
	return m;
}


/* Counts the lesson's quizzes or games (widgets with a goal) and how many of them
 * progress marks as right or won: quiz.<LESSON>.<ID>.score 1 (the first try),
 * widget.<LESSON>.<ID>.won; for quizzes also how many were right at some try (score 1
 * or right 1) into *later, when later is not NULL. */
static void scores(const CourseLesson *e, const Progress *p, bool games, int *got, int *all,
		   int *later)
{
	const Lesson *les = course_lesson(e);
	size_t u, b;
	char key[256];

	*got = *all = 0;
	if (later)
		*later = 0;
	for (u = 0; les && u < les->nunits; u++)
		for (b = 0; b < les->units[u].nblocks; b++) {
			const Block *bl = &les->units[u].blocks[b];
			if (!games && bl->kind == BLOCK_QUIZ) {
				bool first;
				snprintf(key, sizeof key, "quiz.%s.%s.score", e->id, bl->quiz.id);
				first = p && progress_get_num(p, key, 0) >= 1;
				*got += first;
				snprintf(key, sizeof key, "quiz.%s.%s.right", e->id, bl->quiz.id);
				if (later)
					*later += first || (p && progress_get_num(p, key, 0) >= 1);
				++*all;
			} else if (games && bl->kind == BLOCK_WIDGET &&
				   registry_has_goal(&bl->widget)) {
				snprintf(key, sizeof key, "widget.%s.%s.won", e->id, bl->widget.id);
				*got += p && progress_get(p, key) != NULL;
				++*all;
			}
		}
}

/* Whether any quiz of the lesson was answered (its first try is kept). */
static bool tried_any(const CourseLesson *e, const Progress *p)
{
	const Lesson *les = p ? course_lesson(e) : NULL;
	size_t u, b;
	char key[256];

	for (u = 0; les && u < les->nunits; u++)
		for (b = 0; b < les->units[u].nblocks; b++) {
			const Block *bl = &les->units[u].blocks[b];
			if (bl->kind != BLOCK_QUIZ)
				continue;
			snprintf(key, sizeof key, "quiz.%s.%s.score", e->id, bl->quiz.id);
			if (progress_get(p, key))
				return true;
		}
	return false;
}

/* Draws s at (x, y) in at most w columns, ending with an ellipsis when it is cut. */
static void cut_text(Grid *g, int x, int y, const char *s, int w, Caps caps, Style st)
{
	const char *dots = caps.unicode ? "…" : "~";

	if (utf8_width(s, strlen(s)) <= w) {
		grid_str(g, x, y, s, st);
		return;
	}
	x += grid_text(g, x, y, s, strlen(s), w - 1, st);
	grid_str(g, x, y, dots, st);
}

/* Whether a level is complete: every lesson of it written and done (a level with a
 * lesson still planned is not). */
static int level_done(const CourseLevel *lv, const Progress *p)
{
	size_t i;

	for (i = 0; i < lv->nlessons; i++)
		if (!course_written(&lv->lessons[i]) || !player_lesson_done(&lv->lessons[i], p))
			return 0;
	return lv->nlessons > 0;
}

/* The state of a lesson as words: new, started (k of n units), done; then the quiz
 * and game scores once any was tried: "quiz 1/6" right on the first try, "→6/6"
 * after it when more were right after retries. */
static void state_of(const CourseLesson *e, const Progress *p, char *buf, size_t size,
		     Style *st, bool unicode)
{
	int done = player_units_done(e, p), got, all, later;
	char key[256];
	size_t len;

	snprintf(key, sizeof key, "lesson.%s.unit", e->id);
	if (e->nunits && done == (int)e->nunits) {
		snprintf(buf, size, "%s", _("done"));
		*st = STYLE_GOOD;
	} else if (done > 0 || (p && progress_get(p, key))) {
		snprintf(buf, size, _("started %d/%d"), done, (int)e->nunits);
		*st = STYLE_WARN;
	} else {
		snprintf(buf, size, "%s", _("new"));
		*st = STYLE_DIM;
		return;
	}
	scores(e, p, false, &got, &all, &later);
	len = strlen(buf);
	if (all && len < size)
		snprintf(buf + len, size - len, _(", quiz %d/%d"), got, all);
	len = strlen(buf);
	if (all && later > got && len < size) /* the first tries, then after retries */
		snprintf(buf + len, size - len, "%s%d/%d", unicode ? "→" : "->", later, all);
	scores(e, p, true, &got, &all, NULL);
	len = strlen(buf);
	if (all && len < size)
		snprintf(buf + len, size - len, _(", games %d/%d"), got, all);
}

/* Overall progress: the share of every unit of the course index done: the
 * syllabus's, planned lessons included, and the level reviews (the lab is free play
 * and does not count). Rounded down, so 100% means every unit. */
static int percent_done(const Course *c, const Progress *p)
{
	size_t l, i;
	int done = 0, all = 0;

	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			const CourseLesson *e = &c->levels[l].lessons[i];
			if (strcmp(e->id, APP_LAB_LESSON) == 0)
				continue;
			all += (int)e->nunits;
			if (course_written(e))
				done += player_units_done(e, p);
		}
	return all ? 100 * done / all : 0;
}

static void header(const Course *c, const Progress *p, Grid *g, Caps caps)
{
	char right[64];
	int pct = percent_done(c, p), x, bar = 10, filled = (pct * bar + 50) / 100, i;

	grid_str(g, 2, 0, c->name ? c->name : "Neuronauts", STYLE_TITLE);
	snprintf(right, sizeof right, _("%d%% done"), pct);
	x = g->w - 2 - (int)strlen(right);
	grid_str(g, x, 0, right, STYLE_DIM);
	x -= bar + 1;
	for (i = 0; i < bar; i++)
		grid_str(g, x + i, 0, i < filled ? (caps.unicode ? "█" : "#") : (caps.unicode ? "░" : "."),
			 i < filled ? STYLE_GOOD : STYLE_DIM);
}

/* The selected lesson's quiz scores in words, on the row under the header, once any
 * of its quizzes was answered: the first tries, and after retries. */
static void detail(const CourseLesson *e, const Progress *p, Grid *g)
{
	char buf[256];
	int got, all, later;

	scores(e, p, false, &got, &all, &later);
	if (!all || !tried_any(e, p))
		return;
	if (later > got)
		snprintf(buf, sizeof buf,
			 _("Quiz: %d of %d right on the first try, %d of %d after retries."), got,
			 all, later, all);
	else
		snprintf(buf, sizeof buf, _("Quiz: %d of %d right on the first try."), got, all);
	grid_text(g, 4, 1, buf, strlen(buf), g->w - 6, STYLE_DIM);
}

void map_draw(MapState *m, const Course *c, const Progress *p, Grid *g, Caps caps, int *cx,
	      int *cy)
{
	/* Rows are laid out virtually (row r of the map) and shown from m->scroll. */
	int r = 0, item = 0, top = 2, count = map_count(c, p) + (m->review_due > 0), sel_row = 0;
	CourseLesson *last = map_continue_lesson(c, p);
	size_t l, i;
	char buf[256];

	grid_clear(g, STYLE_NORMAL);
	for (r = 0; r < MAP_MAX_ROWS; r++)
		m->row_item[r] = -1;
	header(c, p, g, caps);
	m->view_h = g->h - top - 1;
	if (m->selected >= count)
		m->selected = count - 1;
	if (m->selected < 0)
		m->selected = 0;
	*cx = *cy = -1;

	/* Two passes: find the selected row to scroll to it, then draw. */
	for (int pass = 0; pass < 2; pass++) {
		r = 0;
		item = 0;
		if (pass == 1) {
			if (sel_row < m->scroll)
				m->scroll = sel_row - 1;
			if (sel_row >= m->scroll + m->view_h)
				m->scroll = sel_row - m->view_h + 1;
			if (m->scroll < 0)
				m->scroll = 0;
		}
#define ROW(rr) ((rr) - m->scroll + top)
#define SHOWN(rr) (pass == 1 && (rr) >= m->scroll && (rr) < m->scroll + m->view_h)
		if (m->review_due > 0) { /* the questions due, above "continue" */
			int sel = item == m->selected;
			if (sel)
				sel_row = r;
			if (SHOWN(r)) {
				char due[64];
				snprintf(due, sizeof due, _("%d due"), m->review_due);
				snprintf(buf, sizeof buf, "%s %s%s%s", caps.unicode ? "↻" : "@",
					 _("Review"), caps.unicode ? " · " : " - ", due);
				grid_str(g, 2, ROW(r), buf, sel ? STYLE_FOCUS : STYLE_ACCENT);
				if (sel)
					*cx = 2, *cy = ROW(r);
				if (ROW(r) < MAP_MAX_ROWS)
					m->row_item[ROW(r)] = item;
			}
			item++;
			r += last ? 1 : 2;
		}
		if (last) {
			int sel = item == m->selected;
			if (sel)
				sel_row = r;
			if (SHOWN(r)) {
				snprintf(buf, sizeof buf, "%s %s: %s", caps.unicode ? "▶" : ">",
					 _("Continue"), title_of(last));
				grid_str(g, 2, ROW(r), buf, sel ? STYLE_FOCUS : STYLE_ACCENT);
				if (sel)
					*cx = 2, *cy = ROW(r);
				if (ROW(r) < MAP_MAX_ROWS)
					m->row_item[ROW(r)] = item;
			}
			item++;
			r += 2;
		}
		for (l = 0; l < c->nlevels; l++) {
			const CourseLevel *lv = &c->levels[l];
			int done = level_done(lv, p), used = 0, tw;
			char mark[64] = "";
			if (done && strspn(lv->id, "0123456789") == strlen(lv->id))
				snprintf(mark, sizeof mark, _("Level %s complete"), lv->id);
			else if (done) /* a tier named, not numbered: "Frontier complete" */
				snprintf(mark, sizeof mark, _("%s complete"), lv->name ? lv->name : lv->id);
			snprintf(buf, sizeof buf, "%s%s%s", lv->name ? lv->name : lv->id,
				 lv->title ? (caps.unicode ? " · " : " - ") : "",
				 lv->title ? lv->title : "");
			/* The title whole: the mark goes on a row of its own when both do not
			 * fit on one. */
			tw = utf8_width(buf, strlen(buf));
			if (SHOWN(r)) {
				grid_str(g, 2, ROW(r), caps.unicode ? (done ? "✔" : "●") : (done ? "+" : "*"),
					 done ? STYLE_GOOD : STYLE_ACCENT);
				used = grid_text(g, 4, ROW(r), buf, strlen(buf), g->w - 6, STYLE_TITLE);
			}
			if (done && 4 + tw + 2 + utf8_width(mark, strlen(mark)) > g->w - 2)
				r++, used = -2;
			if (done && SHOWN(r))
				grid_str(g, 4 + used + 2, ROW(r), mark, STYLE_GOOD);
			r++;
			for (i = 0; i < lv->nlessons; i++) {
				const CourseLesson *e = &lv->lessons[i];
				int sel = item == m->selected;
				Style st;
				char state[96], mins[32];
				if (!course_written(e)) { /* planned: shown, greyed, not to be opened */
					if (SHOWN(r)) {
						const char *title = e->title ? e->title : e->id;
						int y = ROW(r), x = g->w - 2 - 30;
						grid_str(g, 2, y, caps.unicode ? "│" : "|", STYLE_ACCENT);
						cut_text(g, 6, y, title, x - 8 - 6 - 1, caps, STYLE_DIM);
						snprintf(mins, sizeof mins, _("%d min"), map_minutes(e));
						grid_str(g, x - 8, y, mins, STYLE_DIM);
						grid_str(g, x, y, _("planned"), STYLE_DIM);
					}
					r++;
					continue;
				}
				if (sel)
					sel_row = r;
				if (SHOWN(r)) {
					const char *title = title_of(e);
					int y = ROW(r), x, sw;
					grid_str(g, 2, y, caps.unicode ? "│" : "|", STYLE_ACCENT);
					state_of(e, p, state, sizeof state, &st, caps.unicode);
					if (sel)
						detail(e, p, g);
					snprintf(mins, sizeof mins, _("%d min"), map_minutes(e));
					/* The state whole, to the screen's edge: a longer one
					 * (scores after retries) takes columns from the title, up
					 * to 42. */
					sw = utf8_width(state, strlen(state));
					x = g->w - (sw > 42 ? 42 : sw > 32 ? sw : 32);
					cut_text(g, 6, y, title, x - 8 - 6 - 1, caps,
						 sel ? STYLE_FOCUS : STYLE_NORMAL);
					grid_str(g, x - 8, y, mins, STYLE_DIM);
					grid_str(g, x, y, state, st);
					if (sel)
						*cx = 6, *cy = y;
					if (y < MAP_MAX_ROWS)
						m->row_item[y] = item;
				}
				item++;
				r++;
			}
		}
	}
#undef ROW
#undef SHOWN
	if (count == 0)
		grid_str(g, 2, top, _("This course has no lessons yet."), STYLE_WARN);
}

int map_command(MapState *m, const Course *c, const Progress *p, Command cmd, const Key *k)
{
	int count = map_count(c, p) + (m->review_due > 0);

	if (k && k->code == K_MOUSE) {
		if (k->mouse_action == MOUSE_WHEEL_UP)
			m->selected--;
		else if (k->mouse_action == MOUSE_WHEEL_DOWN)
			m->selected++;
		else if (k->mouse_action == MOUSE_PRESS && k->mouse_y >= 0 &&
			 k->mouse_y < MAP_MAX_ROWS && m->row_item[k->mouse_y] >= 0) {
			m->selected = m->row_item[k->mouse_y];
			return 1;
		}
		if (m->selected >= count)
			m->selected = count - 1;
		if (m->selected < 0)
			m->selected = 0;
		return 0;
	}
	switch (cmd) {
	case CMD_UP:
		m->selected--;
		break;
	case CMD_DOWN:
		m->selected++;
		break;
	case CMD_PAGE_UP:
		m->selected -= m->view_h > 2 ? m->view_h - 2 : 1;
		break;
	case CMD_PAGE_DOWN:
		m->selected += m->view_h > 2 ? m->view_h - 2 : 1;
		break;
	case CMD_TOP:
		m->selected = 0;
		break;
	case CMD_BOTTOM:
		m->selected = count - 1;
		break;
	default:
		break;
	}
	if (m->selected >= count)
		m->selected = count - 1;
	if (m->selected < 0)
		m->selected = 0;
	return 0;
}
