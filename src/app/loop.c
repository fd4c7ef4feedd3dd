/* loop.c: the main loop: draw the current screen, wait for one event, dispatch it.
 * Must not draw itself (screens do) nor exit (main decides). */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/frame.h"
#include "app/help.h"
#include "app/plain.h"
#include "app/review.h"
#include "app/title.h"
#include "app/trainer-prompt.h"
#include "draw/doc.h"
#include "lesson/course.h"
#include "nls.h"
#include "ui/term.h"

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void title_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	(void)a;
	title_draw(g, caps);
	*cx = *cy = -1;
}

static void title_screen_command(App *a, Command cmd, const Key *k)
{
	(void)k;
	if (cmd == CMD_QUIT)
		a->quit = true;
	else if (cmd == CMD_OPEN)
		a->screen = SCREEN_MAP;
}

static KeyContext help_context(const App *a);

static void map_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	a->map.review_due = review_due(a->progress, a->course, review_now(), NULL, 0);
	map_draw(&a->map, a->course, a->progress, g, caps, cx, cy);
	if (a->map_searching)
		frame_prompt(g, "/", a->map_query, cx, cy);
	else
		frame_footer(g, KCTX_MAP);
}

/* What opening a lesson does once the player has it, whichever way it was opened. */
static void lesson_opened(App *a, const CourseLesson *e)
{
	lessonclock_start(&a->clock, a->progress, e->id, now_seconds());
	a->lesson_open = true;
	progress_set(a->progress, "last.lesson", e->id);
	a->screen = SCREEN_LESSON;
}

/* Searches the glossary, then every lesson, in course order, for the query: a term of
 * that name shows in the glossary (Enter leads to its unit); else the first lesson
 * that has the query opens at the match. The layouts use the terminal's width, as the
 * player will. */
static void search_course(App *a)
{
	int w, h;
	size_t l, i;

	if (app_find_term(a, a->map_query))
		return;
	term_size(&w, &h);
	for (l = 0; l < a->course->nlevels; l++)
		for (i = 0; i < a->course->levels[l].nlessons; i++) {
			const CourseLesson *e = &a->course->levels[l].lessons[i];
			const Lesson *les = course_lesson(e);
			DocLayout d;
			DocOptions o;
			int found;
			if (!les)
				continue;
			memset(&o, 0, sizeof o);
			o.caps = term_caps();
			o.width = w;
			if (doc_layout(&d, les, &o) != 0)
				continue;
			found = doc_find(&d, a->map_query, 0, 1) >= 0;
			doc_free(&d);
			if (found) {
				player_open_at_match(&a->player, e, a->progress, a->map_query);
				lesson_opened(a, e);
				return;
			}
		}
	app_status(a, STYLE_WARN, _("No lesson mentions \"%s\"."), a->map_query);
}

static void map_search_key(App *a, const Key *k)
{
	KeyEdit r = key_edit_line(a->map_query, sizeof a->map_query, k);

	if (r == KEYEDIT_ENTER || r == KEYEDIT_CANCEL)
		a->map_searching = false;
	if (r == KEYEDIT_ENTER && a->map_query[0])
		search_course(a);
}

/* Reads e's lesson if it was not yet; when that found problems, says the first (file:line)
 * and how many in the status line. Returns whether the lesson can be opened. */
static bool lesson_readable(App *a, const CourseLesson *e)
{
	const Lesson *les = course_lesson(e);
	const Course *c = e->course;
	const Diag *g;
	const char *file;

	if (e->problem && c && e->problem <= c->late.n) {
		g = &c->late.items[e->problem - 1];
		file = e->file && strcmp(g->file, e->file) == 0 ? e->path
		       : strcmp(g->file, c->file) == 0         ? COURSE_INDEX_FILE
							       : g->file;
		app_status(a, les ? STYLE_WARN : STYLE_BAD,
			   ngettext("%s:%d: %s (%zu problem in this lesson; neuronauts --check "
				    "shows it)",
				    "%s:%d: %s (%zu problems in this lesson; neuronauts --check "
				    "lists them)",
				    e->nproblems),
			   file, g->line, g->msg, e->nproblems);
	}
	return les != NULL;
}

bool app_open_lesson(App *a, const CourseLesson *e)
{
	if (!lesson_readable(a, e))
		return false;
	player_open(&a->player, e, a->progress);
	lesson_opened(a, e);
	return true;
}

static void start_review(App *a)
{
	int n = review_round_start(&a->review, a->progress, a->course, review_now());

	if (n > 0)
		a->screen = SCREEN_REVIEW;
	else if (n == 0)
		app_status(a, STYLE_DIM, "%s", _("No question is due for review now."));
	else
		app_status(a, STYLE_BAD, "%s", _("Out of memory: the review could not start."));
}

static void map_screen_command(App *a, Command cmd, const Key *k)
{
	int cont;
	CourseLesson *e;

	if (a->map_searching) {
		map_search_key(a, k);
		return;
	}
	switch (cmd) {
	case CMD_QUIT:
		a->quit = true;
		return;
	case CMD_SEARCH:
		a->map_searching = true;
		a->map_query[0] = '\0';
		return;
	case CMD_GLOSSARY:
		app_open_glossary(a, NULL);
		return;
	case CMD_LAB:
		e = plain_find_lesson(a->course, APP_LAB_LESSON);
		if (e)
			app_open_lesson(a, e);
		else
			app_status(a, STYLE_WARN, "%s", _("This course has no lab."));
		return;
	case CMD_CONTINUE:
		e = map_continue_lesson(a->course, a->progress);
		if (e)
			app_open_lesson(a, e);
		else
			app_status(a, STYLE_DIM, _("Nothing to continue yet: pick a lesson."));
		return;
	case CMD_REVIEW:
		start_review(a);
		return;
	case CMD_OPEN:
		if (map_on_review(&a->map)) {
			start_review(a);
			return;
		}
		e = map_item(a->course, a->progress, map_lesson_item(&a->map), &cont);
		if (e)
			app_open_lesson(a, e);
		return;
	default:
		if (map_command(&a->map, a->course, a->progress, cmd, k)) {
			if (map_on_review(&a->map)) {
				start_review(a);
				return;
			}
			e = map_item(a->course, a->progress, map_lesson_item(&a->map), &cont);
			if (e)
				app_open_lesson(a, e);
		}
	}
}

static void lesson_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	player_draw(&a->player, g, caps, cx, cy);
	if (a->prompt)
		trainer_prompt_draw(a, g, cx, cy);
	else if (!a->player.searching && a->player.focus >= 0)
		player_footer(&a->player, g, caps.unicode);
	else if (!a->player.searching)
		frame_footer(g, KCTX_LESSON);
	if (a->player.changed) { /* a unit was completed: keep it safe now */
		a->player.changed = false;
		player_save_position(&a->player);
		lessonclock_flush(&a->clock, a->progress);
		app_save(a);
	}
}

/* The existing lesson before (dir -1) or after (dir 1) e in course order, or NULL. */
static const CourseLesson *neighbour(const Course *c, const CourseLesson *e, int dir)
{
	const CourseLesson *prev = NULL;
	bool seen = false;
	size_t l, i;

	for (l = 0; l < c->nlevels; l++)
		for (i = 0; i < c->levels[l].nlessons; i++) {
			const CourseLesson *x = &c->levels[l].lessons[i];
			if (!course_written(x))
				continue;
			if (seen)
				return x;
			if (x == e) {
				if (dir < 0)
					return prev;
				seen = true;
			}
			prev = x;
		}
	return NULL;
}

static void leave_lesson(App *a)
{
	player_save_position(&a->player);
	player_close(&a->player);
	lessonclock_stop(&a->clock, a->progress, now_seconds());
	/* A question missed, a lesson finished: scheduled for review (the whole course,
	 * so a progress file older than the review joins too; not on the way to the map
	 * from the title, where nothing changed must write nothing). */
	if (a->progress)
		review_enrol(a->progress, a->course, review_now());
	a->lesson_open = false;
	app_save(a);
}

static void lesson_screen_command(App *a, Command cmd, const Key *k)
{
	const CourseLesson *e;

	if (a->prompt) {
		trainer_prompt_key(a, k);
		return;
	}
	if (player_command(&a->player, cmd, k)) {
		if (!a->player.searching && a->player.query[0] && a->player.match < 0)
			app_status(a, STYLE_WARN, _("\"%s\" is not in this lesson."),
				   a->player.query);
		return;
	}
	switch (cmd) {
	case CMD_BACK:
		leave_lesson(a);
		a->screen = SCREEN_MAP;
		break;
	case CMD_GLOSSARY: /* at the first term linked on screen, if any */
		app_open_glossary(a, NULL);
		glossview_select(&a->gloss, player_linked_term(&a->player));
		break;
	case CMD_TRAINER_SAVE: /* the focused widget did not take the key */
	case CMD_TRAINER_OPEN:
	case CMD_TRAINER_STATE:
		trainer_prompt_start(a, cmd);
		break;
	case CMD_LESSON_NEXT:
	case CMD_LESSON_PREV:
		e = neighbour(a->course, a->player.entry, cmd == CMD_LESSON_NEXT ? 1 : -1);
		if (!e) {
			app_status(a, STYLE_DIM, cmd == CMD_LESSON_NEXT ? _("This is the last lesson.")
								  : _("This is the first lesson."));
			break;
		}
		if (!lesson_readable(a, e))
			break; /* stay in this one: the status line says why */
		leave_lesson(a);
		app_open_lesson(a, e);
		break;
	default:
		break;
	}
}

static void leave_review(App *a)
{
	review_round_end(&a->review);
	app_save(a);
	a->screen = SCREEN_MAP;
}

static void review_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	review_round_draw(&a->review, g, caps, cx, cy);
}

/* The round's form gets every key but Esc, ? and F1 (and Ctrl-L); each answer that
 * reschedules a question is saved at once. */
static void review_screen_command(App *a, Command cmd, const Key *k)
{
	unsigned r;

	if (cmd == CMD_BACK) {
		leave_review(a);
		return;
	}
	r = review_round_key(&a->review, a->progress, k, review_now());
	if (r & REVIEW_KEY_GRADED)
		app_save(a);
	if (r & REVIEW_KEY_DONE)
		leave_review(a);
}

static void help_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	help_draw(g, help_context(a),
		  a->help_from == SCREEN_LESSON	  ? player_focused(&a->player)
		  : a->help_from == SCREEN_REVIEW ? review_round_focused(&a->review)
						  : NULL,
		  caps.unicode, &a->help_scroll);
	*cx = *cy = -1;
}

static void help_screen_command(App *a, Command cmd, const Key *k)
{
	(void)k;
	switch (cmd) {
	case CMD_BACK:
		a->screen = a->help_from;
		break;
	case CMD_GLOSSARY: /* from the glossary's own help: back to it as it was */
		if (a->help_from == SCREEN_GLOSSARY)
			a->screen = SCREEN_GLOSSARY;
		else if (a->help_from != SCREEN_REVIEW) /* a round is left by Esc only */
			app_open_glossary(a, NULL);
		break;
	case CMD_UP:
		a->help_scroll--;
		break;
	case CMD_DOWN:
		a->help_scroll++;
		break;
	case CMD_PAGE_UP:
		a->help_scroll -= 10;
		break;
	case CMD_PAGE_DOWN:
		a->help_scroll += 10;
		break;
	case CMD_TOP:
		a->help_scroll = 0;
		break;
	case CMD_BOTTOM:
		a->help_scroll = 1 << 20; /* help_draw clamps */
		break;
	default:
		break;
	}
}

static void glossary_screen_draw(App *a, Grid *g, Caps caps, int *cx, int *cy)
{
	glossview_draw(&a->gloss, g, caps, cx, cy);
}

static void glossary_screen_command(App *a, Command cmd, const Key *k)
{
	const GlossEntry *e;

	if (cmd == CMD_BACK) {
		a->screen = a->gloss_from;
		return;
	}
	e = glossview_command(&a->gloss, cmd, k);
	if (!e)
		return;
	if (a->lesson_open)
		leave_lesson(a);
	app_open_lesson(a, e->lesson);
	player_goto_block(&a->player, e->unit, e->block);
}

void app_open_glossary(App *a, const char *filter)
{
	if (glossview_open(&a->gloss, a->course, filter) != 0) {
		app_status(a, STYLE_BAD, "%s", _("out of memory"));
		return;
	}
	a->gloss_from = a->screen;
	a->screen = SCREEN_GLOSSARY;
}

bool app_find_term(App *a, const char *query)
{
	const GlossEntry *e;

	if (glossview_open(&a->gloss, a->course, query) != 0)
		return false;
	e = glossview_selected(&a->gloss);
	if (!e || glossary_cmp(e->name, query) != 0)
		return false;
	a->gloss_from = a->screen;
	a->screen = SCREEN_GLOSSARY;
	app_status(a, STYLE_DIM, _("\"%s\" is a term of the glossary: Enter opens the unit %s."),
		   e->name, e->unit_id);
	return true;
}

static const ScreenOps screens[SCREEN_COUNT] = {
	[SCREEN_TITLE] = {KCTX_TITLE, title_screen_draw, title_screen_command},
	[SCREEN_MAP] = {KCTX_MAP, map_screen_draw, map_screen_command},
	[SCREEN_LESSON] = {KCTX_LESSON, lesson_screen_draw, lesson_screen_command},
	[SCREEN_HELP] = {KCTX_HELP, help_screen_draw, help_screen_command},
	[SCREEN_REVIEW] = {KCTX_REVIEW, review_screen_draw, review_screen_command},
	[SCREEN_GLOSSARY] = {KCTX_GLOSSARY, glossary_screen_draw, glossary_screen_command},
};

enum { FRAME_MS = 33 };

void app_status(App *a, Style st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_style = st;
}

int app_save(App *a)
{
	int r;

	if (!a->progress)
		return 0;
	r = progress_save(a->progress);
	if (r == 0) {
		if (a->save_result != 0 && a->status_style == STYLE_BAD)
			a->status[0] = '\0'; /* the failure it reported is over */
		a->save_result = 0;
		a->saved = true;
		return 0;
	}
	a->save_result = r;
	a->save_errno = errno;
	if (r == -2)
		app_status(a, STYLE_BAD, _("Progress is not saved: %s is not a regular file."),
			   progress_path(a->progress));
	else
		app_status(a, STYLE_BAD, _("Progress could not be saved (%s); it will be saved "
					   "again at the next step."),
			   strerror(a->save_errno));
	return -1;
}

/* Draws the current screen, or the request to enlarge a terminal that is too small. */
static void draw(App *a, Grid *g)
{
	int cx = -1, cy = -1;

	if (frame_too_small(g)) {
		frame_draw_too_small(g);
	} else {
		const ScreenOps *s = &screens[a->screen];
		s->draw(a, g, term_caps(), &cx, &cy);
		frame_status(g, a->status, a->status_style);
	}
	term_show(g, cx, cy);
}

/* The keys that apply on screen now: a lesson whose control has the focus has its
 * own (the key rule, keymap.c). */
static KeyContext screen_context(const App *a, int screen)
{
	if (screen == SCREEN_LESSON && a->player.focus >= 0)
		return KCTX_CONTROL;
	return screens[screen].ctx;
}

/* What the help lists: the keys of the screen the learner came from. */
static KeyContext help_context(const App *a)
{
	return screen_context(a, a->help_from);
}

static void dispatch(App *a, const Key *k)
{
	const ScreenOps *s = &screens[a->screen];
	KeyContext ctx = screen_context(a, a->screen);
	bool typing = (a->screen == SCREEN_MAP && a->map_searching) ||
		      (a->screen == SCREEN_LESSON && (a->player.searching || a->prompt));
	Command cmd = typing ? CMD_NONE : keymap_lookup(ctx, k);

	a->status[0] = '\0'; /* a message stays until the next key */
	switch (cmd) {
	case CMD_HELP:
		a->help_from = a->screen;
		a->help_scroll = 0;
		a->screen = SCREEN_HELP;
		return;
	case CMD_REDRAW:
		term_redraw();
		return;
	default:
		s->command(a, cmd, k);
	}
}

LoopEnd app_loop(App *a, int *signo)
{
	Grid g;
	int w, h;
	LoopEnd end = LOOP_DONE;
	bool animating;
	double last_tick = 0, frame_at = 0; /* the last tick; its frame's start */

	term_size(&w, &h);
	if (grid_init(&g, w, h) != 0)
		return LOOP_NOMEM;
	while (!a->quit) {
		TermEvent ev;

		term_size(&w, &h);
		if ((w != g.w || h != g.h) && grid_resize(&g, w, h) != 0) {
			end = LOOP_NOMEM;
			break;
		}
		draw(a, &g);
		/* Block until something happens, unless a widget is animating: then wake
		 * for the next frame (30 per second: what is left of the frame's 33 ms, the
		 * tick's work and the drawing included) and advance it by the time passed. */
		animating = a->screen == SCREEN_LESSON && player_animating(&a->player);
		term_wait(&ev, animating ? frame_wait_ms(frame_at, now_seconds(), FRAME_MS) : -1);
		if (animating) {
			double t = now_seconds();
			player_tick(&a->player, last_tick > 0 ? t - last_tick : FRAME_MS / 1000.0);
			frame_at = frame_next(last_tick > 0 ? frame_at : 0, t, FRAME_MS);
			last_tick = t;
		} else {
			last_tick = frame_at = 0;
		}
		if (ev.type == TERM_EV_TIMEOUT)
			continue;
		if (ev.type == TERM_EV_QUIT) {
			*signo = ev.signo;
			end = LOOP_SIGNAL;
			break;
		}
		if (ev.type == TERM_EV_EOF)
			break;
		if (ev.type == TERM_EV_KEY) {
			if (frame_too_small(&g)) {
				/* Only quitting makes sense until the terminal is enlarged. */
				if (key_is_char(&ev.key, 'q'))
					a->quit = true;
				continue;
			}
			lessonclock_key(&a->clock, now_seconds());
			dispatch(a, &ev.key);
		}
	}
	grid_free(&g);
	if (a->lesson_open)
		leave_lesson(a);
	else if (a->screen == SCREEN_REVIEW ||
		 (a->screen == SCREEN_HELP && a->help_from == SCREEN_REVIEW))
		leave_review(a);
	else
		app_save(a);
	glossview_free(&a->gloss);
	return end;
}
