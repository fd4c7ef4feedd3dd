/* check_player.c: the course map and the lesson player on a hand-built course: items,
 * states, scrolling, focus, search, and the position kept in progress across a
 * resize and a restart. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/map.h"
#include "app/player.h"
#include "lesson/lesson.h"
#include "testlib.h"

#define SPAN(s) {.kind = SPAN_TEXT, .text = s, .len = sizeof s - 1}

static const Span words[] = {SPAN("Lorem ipsum dolor sit amet, a sentence long enough to wrap "
				  "at forty columns and fill a few rows of the screen.")};
static const Span needle[] = {SPAN("The hidden needle sits in the second unit.")};
#define NB 30
static Block blocks[2][NB];
static LessonUnit units[2];
static Lesson lesson;
static CourseUnit cunits[2] = {{"U.one", UNIT_READ, 5, "First unit", 0},
			       {"U.two", UNIT_QUIZ, 7, "Second unit", 0}};
static CourseLesson lessons[3];
static CourseLevel levels[2];
static Course course;
static Progress *prog;

/* The widgets' parameters, as the checker wants them (a widget that fails it is not
 * started: it would not take the focus). */
static const Param slider_params[] = {
    {.key = "label", .kind = VALUE_STRING, .str = "A"},
    {.key = "range", .kind = VALUE_RANGE, .str = "0..1", .lo = 0, .hi = 1},
};
static const Param game_params[] = {
    {.key = "goal", .kind = VALUE_STRING, .str = "Win"},
    {.key = "watch", .kind = VALUE_WORD, .str = "w1"},
};

static void build(void)
{
	int u, b;

	memset(blocks, 0, sizeof blocks);
	for (u = 0; u < 2; u++) {
		for (b = 0; b < NB; b++) {
			blocks[u][b].kind = BLOCK_PARA;
			blocks[u][b].para.spans = words;
			blocks[u][b].para.n = 1;
		}
		blocks[u][3].kind = BLOCK_WIDGET;
		blocks[u][3].widget.kind = "slider";
		blocks[u][3].widget.id = u ? "w2" : "w1";
		blocks[u][3].widget.alt = "A slider.";
		blocks[u][3].widget.params = slider_params;
		blocks[u][3].widget.nparams = 2;
		units[u].id = cunits[u].id;
		units[u].blocks = blocks[u];
		units[u].nblocks = NB;
	}
	blocks[1][8].para.spans = needle;
	blocks[1][3].widget.kind = "game";
	blocks[1][3].widget.params = game_params;
	blocks[1][25].kind = BLOCK_QUIZ;
	blocks[1][25].quiz.id = "q1";
	blocks[1][25].quiz.kind = QUIZ_NUMERIC;
	memset(&lesson, 0, sizeof lesson);
	lesson.id = "L-a";
	lesson.title = "Lesson A";
	lesson.units = units;
	lesson.nunits = 2;
	memset(lessons, 0, sizeof lessons);
	lessons[0].id = "L-a";
	lessons[0].units = cunits;
	lessons[0].nunits = 2;
	lessons[0].lesson = &lesson;
	lessons[1].id = "L-planned"; /* no file: listed greyed, not an item */
	lessons[1].title = "Planned";
	lessons[1].units = cunits; /* one unit, planned: it counts in the syllabus */
	lessons[1].nunits = 1;
	lessons[2].id = "L-b";
	lessons[2].units = cunits;
	lessons[2].nunits = 1;
	lessons[2].lesson = &lesson;
	memset(levels, 0, sizeof levels);
	levels[0].id = "1";
	levels[0].name = "Beginner";
	levels[0].title = "First steps";
	levels[0].lessons = lessons;
	levels[0].nlessons = 2;
	levels[1].id = "2";
	levels[1].name = "Intermediate";
	levels[1].lessons = lessons + 2;
	levels[1].nlessons = 1;
	memset(&course, 0, sizeof course);
	course.name = "Test course";
	course.levels = levels;
	course.nlevels = 2;
	prog = progress_new(NULL);
}

static void unbuild(void)
{
	progress_free(prog);
}

static const Caps utf8 = {true, 0};

START_TEST(map_lists_existing_lessons_and_continue)
{
	MapState m;
	Grid g;
	int cont, cx, cy;
	char *t;

	memset(&m, 0, sizeof m);
	ck_assert_int_eq(map_count(&course, prog), 2);
	ck_assert_ptr_eq(map_item(&course, prog, 1, &cont), &lessons[2]);
	ck_assert_int_eq(map_minutes(&lessons[0]), 12);
	/* The last lesson unfinished: continue leads back into it. */
	progress_set(prog, "last.lesson", "L-b");
	ck_assert_int_eq(map_count(&course, prog), 3);
	ck_assert_ptr_eq(map_item(&course, prog, 0, &cont), &lessons[2]);
	ck_assert_int_eq(cont, 1);
	/* Finished (its one unit, U.one, done): continue leads to the next unfinished
	 * lesson, here the first one, L-a (U.two still to do), not to L-b's end. */
	progress_set(prog, "unit.U.one.done", "1");
	ck_assert_ptr_eq(map_item(&course, prog, 0, &cont), &lessons[0]);
	ck_assert_int_eq(cont, 1);
	grid_init(&g, 80, 24);
	m.selected = 1;
	map_draw(&m, &course, prog, &g, utf8, &cx, &cy);
	t = grid_to_text(&g);
	test_golden("tests/app/golden/map-80x24.txt", t);
	free(t);
	ck_assert_int_eq(cy, 5); /* the cursor sits on the selected lesson */
	grid_free(&g);
}
END_TEST

/* Continue prefers a lesson whose requirements are done: after X, Y (which requires a
 * planned lesson) is passed over for Z; with Z done too, W before X (ready) comes
 * before Y; with only Y left, Y. */
START_TEST(continue_skips_lessons_not_ready)
{
	static const CourseUnit uw = {"U.w", UNIT_READ, 1, "W", 0}, ux = {"U.x", UNIT_READ, 1, "X", 0},
				uy = {"U.y", UNIT_READ, 1, "Y", 0}, uz = {"U.z", UNIT_READ, 1, "Z", 0},
				up = {"U.p", UNIT_READ, 1, "P", 0};
	static const CourseRef needs_p = {"P", 0, 0};
	CourseLesson ls[5];
	CourseLevel lv;
	Course c;
	Progress *pr = progress_new(NULL);

	memset(ls, 0, sizeof ls);
	ls[0] = (CourseLesson){.id = "W", .units = &uw, .nunits = 1, .lesson = &lesson};
	ls[1] = (CourseLesson){.id = "X", .units = &ux, .nunits = 1, .lesson = &lesson};
	ls[2] = (CourseLesson){.id = "Y", .units = &uy, .nunits = 1, .lesson = &lesson,
			       .requires = &needs_p, .nrequires = 1};
	ls[3] = (CourseLesson){.id = "Z", .units = &uz, .nunits = 1, .lesson = &lesson};
	ls[4] = (CourseLesson){.id = "P", .title = "Planned", .units = &up, .nunits = 1};
	memset(&lv, 0, sizeof lv);
	lv.id = "1";
	lv.lessons = ls;
	lv.nlessons = 5;
	memset(&c, 0, sizeof c);
	c.levels = &lv;
	c.nlevels = 1;
	progress_set(pr, "last.lesson", "X");
	progress_set(pr, "unit.U.x.done", "1");
	ck_assert_str_eq(map_continue_lesson(&c, pr)->id, "Z");
	progress_set(pr, "unit.U.z.done", "1");
	ck_assert_str_eq(map_continue_lesson(&c, pr)->id, "W");
	progress_set(pr, "unit.U.w.done", "1");
	ck_assert_str_eq(map_continue_lesson(&c, pr)->id, "Y");
	progress_free(pr);
}
END_TEST

/* A lesson of the reference tier (open, right after the last one) is offered only when
 * no lesson of the levels is left: after X, W (before X) rather than R; then R. */
START_TEST(continue_leaves_the_reference_tier_last)
{
	static const CourseUnit uw = {"U.w", UNIT_READ, 1, "W", 0}, ux = {"U.x", UNIT_READ, 1, "X", 0},
				ur = {"R.r", UNIT_READ, 1, "R", 0};
	CourseLesson ls[2], ref;
	CourseLevel lv[2];
	Course c;
	Progress *pr = progress_new(NULL);

	ls[0] = (CourseLesson){.id = "W", .units = &uw, .nunits = 1, .lesson = &lesson};
	ls[1] = (CourseLesson){.id = "X", .units = &ux, .nunits = 1, .lesson = &lesson};
	ref = (CourseLesson){.id = "R-r", .units = &ur, .nunits = 1, .lesson = &lesson};
	memset(lv, 0, sizeof lv);
	lv[0] = (CourseLevel){.id = "1", .lessons = ls, .nlessons = 2};
	lv[1] = (CourseLevel){.id = APP_REFERENCE_LEVEL, .lessons = &ref, .nlessons = 1};
	memset(&c, 0, sizeof c);
	c.levels = lv;
	c.nlevels = 2;
	progress_set(pr, "last.lesson", "X");
	progress_set(pr, "unit.U.x.done", "1");
	ck_assert_str_eq(map_continue_lesson(&c, pr)->id, "W");
	progress_set(pr, "unit.U.w.done", "1");
	ck_assert_str_eq(map_continue_lesson(&c, pr)->id, "R-r");
	progress_free(pr);
}
END_TEST

/* A quiz wrong on the first try and right after retries: the row gives the first
 * tries, then after an arrow the result after retries; the selected lesson's scores
 * are in words under the title. A first try right counts in both. */
START_TEST(map_shows_quiz_right_after_retries)
{
	const Caps ascii = {false, 0};
	MapState m;
	Grid g;
	int cx, cy, i;
	char *t;

	memset(&m, 0, sizeof m);
	grid_init(&g, 80, 24);
	progress_set(prog, "unit.U.one.done", "1");
	progress_set(prog, "quiz.L-a.q1.score", "0");
	map_draw(&m, &course, prog, &g, utf8, &cx, &cy);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "quiz 0/1, games 0/1"));
	ck_assert_ptr_null(strstr(t, "after retries"));
	free(t);
	progress_set(prog, "quiz.L-a.q1.right", "1");
	for (i = 0; i < 4; i++) { /* find L-a's row: its scores show under the title */
		m.selected = i;
		map_draw(&m, &course, prog, &g, utf8, &cx, &cy);
		t = grid_to_text(&g);
		if (strstr(t, "Quiz: 0 of 1 right on the first try, 1 of 1 after retries."))
			break;
		free(t);
	}
	ck_assert_int_lt(i, 4);
	ck_assert_msg(strstr(t, "quiz 0/1→1/1, games 0/1") != NULL, "%s", t);
	free(t);
	map_draw(&m, &course, prog, &g, ascii, &cx, &cy);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "quiz 0/1->1/1, games 0/1"));
	free(t);
	progress_set(prog, "quiz.L-a.q1.score", "1");
	map_draw(&m, &course, prog, &g, utf8, &cx, &cy);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "quiz 1/1, games 0/1"));
	ck_assert_ptr_nonnull(strstr(t, "Quiz: 1 of 1 right on the first try."));
	free(t);
	grid_free(&g);
}
END_TEST

START_TEST(map_shows_quiz_and_game_scores)
{
	MapState m;
	Grid g;
	int cx, cy;
	char *t;

	memset(&m, 0, sizeof m);
	grid_init(&g, 80, 24);
	map_draw(&m, &course, prog, &g, utf8, &cx, &cy);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "new"));
	ck_assert_ptr_null(strstr(t, "quiz")); /* nothing tried yet */
	free(t);
	progress_set(prog, "unit.U.one.done", "1");
	progress_set(prog, "widget.L-a.w2.won", "1");
	map_draw(&m, &course, prog, &g, utf8, &cx, &cy);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "started 1/2, quiz 0/1, games 1/1"));
	ck_assert_ptr_null(strstr(t, "Level 1 complete"));
	free(t);
	progress_set(prog, "quiz.L-a.q1.score", "1");
	progress_set(prog, "unit.U.two.done", "1");
	map_draw(&m, &course, prog, &g, utf8, &cx, &cy);
	t = grid_to_text(&g);
	ck_assert_ptr_nonnull(strstr(t, "done, quiz 1/1, games 1/1"));
	/* Level 2's only lesson (one unit, U.one) is done: complete. Level 1 has a lesson
	 * still planned: not complete, however done its written ones are. */
	ck_assert_ptr_null(strstr(t, "Level 1 complete"));
	ck_assert_ptr_nonnull(strstr(t, "Level 2 complete"));
	ck_assert_ptr_nonnull(strstr(t, "Planned"));
	ck_assert_ptr_nonnull(strstr(t, "planned"));
	/* The whole syllabus counts: L-a's 2 units and L-b's 1 are done, L-planned's 1
	 * is not written yet: 3 of 4, 75%. */
	ck_assert_ptr_nonnull(strstr(t, "75% done"));
	free(t);
	grid_free(&g);
}
END_TEST

START_TEST(map_moves_within_bounds)
{
	MapState m;
	Key k = {0};

	memset(&m, 0, sizeof m);
	m.view_h = 20;
	map_command(&m, &course, prog, CMD_UP, NULL);
	ck_assert_int_eq(m.selected, 0);
	map_command(&m, &course, prog, CMD_BOTTOM, NULL);
	ck_assert_int_eq(m.selected, 1);
	map_command(&m, &course, prog, CMD_DOWN, NULL);
	ck_assert_int_eq(m.selected, 1);
	k.code = K_MOUSE;
	k.mouse_action = MOUSE_WHEEL_UP;
	map_command(&m, &course, prog, CMD_NONE, &k);
	ck_assert_int_eq(m.selected, 0);
}
END_TEST

static void draw(Player *p, Grid *g)
{
	int cx, cy;
	player_draw(p, g, utf8, &cx, &cy);
}

START_TEST(player_scrolls_focuses_and_marks_units)
{
	Player p;
	Grid g;
	int cx, cy;

	grid_init(&g, 80, 24);
	player_open(&p, &lessons[0], prog);
	draw(&p, &g);
	ck_assert_int_eq(p.scroll, 0);
	ck_assert_int_eq(p.view_h, 22);
	player_command(&p, CMD_DOWN, NULL);
	ck_assert_int_eq(p.scroll, 1);
	player_command(&p, CMD_UP, NULL);
	player_command(&p, CMD_UP, NULL);
	ck_assert_int_eq(p.scroll, 0);
	player_command(&p, CMD_FOCUS_NEXT, NULL);
	ck_assert_int_eq(p.focus, 0);
	player_draw(&p, &g, utf8, &cx, &cy);
	/* The cursor is on the live slider, at its knob. */
	ck_assert_int_eq(cy, p.doc.slots[0].y - p.scroll + 1);
	ck_assert_int_gt(cx, p.doc.slots[0].x);
	ck_assert_int_lt(cx, p.doc.slots[0].x + p.doc.slots[0].w);
	player_command(&p, CMD_FOCUS_NEXT, NULL);
	ck_assert_int_eq(p.focus, 1);
	ck_assert_int_le(p.scroll, p.doc.slots[1].y); /* scrolled to show it */
	ck_assert_int_gt(p.scroll + p.view_h, p.doc.slots[1].y);
	player_command(&p, CMD_FOCUS_NEXT, NULL);
	ck_assert_int_eq(p.focus, 2); /* the quiz */
	player_command(&p, CMD_FOCUS_NEXT, NULL);
	ck_assert_int_eq(p.focus, 2); /* stays on the last */
	ck_assert_ptr_null(progress_get(prog, "unit.U.one.done"));
	player_command(&p, CMD_BOTTOM, NULL);
	draw(&p, &g);
	ck_assert_int_eq(p.scroll, p.doc.g.h - p.view_h);
	ck_assert_str_eq(progress_get(prog, "unit.U.two.seen"), "1");
	ck_assert_ptr_null(progress_get(prog, "unit.U.two.done")); /* a quiz: not by reading */
	/* Scrolled past its end: a unit to read counts as read. */
	ck_assert_str_eq(progress_get(prog, "unit.U.one.done"), "1");
	ck_assert(p.changed);
	player_command(&p, CMD_TOP, NULL);
	draw(&p, &g);
	ck_assert_int_eq(player_units_done(&lessons[0], prog), 1);
	ck_assert(!player_lesson_done(&lessons[0], prog));
	progress_set(prog, "unit.U.two.done", "1");
	ck_assert(player_lesson_done(&lessons[0], prog));
	player_close(&p);
	grid_free(&g);
}
END_TEST

START_TEST(player_search_wraps_and_reports)
{
	Player p;
	Grid g;
	Key k = {0};
	const char *q = "NEEDLE";

	grid_init(&g, 80, 24);
	player_open(&p, &lessons[0], prog);
	draw(&p, &g);
	player_command(&p, CMD_SEARCH, NULL);
	ck_assert(p.searching);
	k.code = K_CHAR;
	for (; *q; q++) {
		k.ch = (uint32_t)*q;
		player_command(&p, CMD_NONE, &k);
	}
	k.code = K_BACKSPACE;
	player_command(&p, CMD_NONE, &k);
	ck_assert_str_eq(p.query, "NEEDL");
	k.code = K_ENTER;
	player_command(&p, CMD_NONE, &k);
	ck_assert(!p.searching);
	ck_assert_int_ge(p.match, 0);
	ck_assert_int_eq(p.doc.row_unit[p.match], 1);
	ck_assert_int_eq(p.doc.row_block[p.match], 8);
	ck_assert(p.match >= p.scroll && p.match < p.scroll + p.view_h);
	player_command(&p, CMD_SEARCH_NEXT, NULL); /* the only match: found again */
	ck_assert_int_eq(p.doc.row_block[p.match], 8);
	player_close(&p);
	grid_free(&g);
}
END_TEST

/* The view's top row in the middle of a wrapped paragraph comes back to that row, not
 * to the paragraph's first, after a restart and a resize. */
START_TEST(position_keeps_the_row_in_a_block)
{
	Player p;
	Grid g;
	int y;

	grid_init(&g, 80, 24);
	player_open(&p, &lessons[0], prog);
	draw(&p, &g);
	y = doc_row_of(&p.doc, 1, 5);
	ck_assert_int_eq(p.doc.row_block[y + 1], 5); /* the paragraph wraps */
	p.scroll = y + 1;
	player_save_position(&p);
	player_close(&p);
	ck_assert_str_eq(progress_get(prog, "lesson.L-a.row"), "1");
	player_open(&p, &lessons[0], prog);
	draw(&p, &g);
	ck_assert_int_eq(p.scroll, y + 1);
	grid_resize(&g, 40, 24); /* narrower: more rows, the same row of the paragraph */
	draw(&p, &g);
	ck_assert_int_eq(p.scroll, doc_row_of(&p.doc, 1, 5) + 1);
	ck_assert_int_eq(p.doc.row_block[p.scroll], 5);
	player_close(&p);
	grid_free(&g);
}
END_TEST

START_TEST(position_survives_resize_and_restart)
{
	Player p;
	Grid g;
	int unit, block;

	grid_init(&g, 80, 24);
	player_open(&p, &lessons[0], prog);
	draw(&p, &g);
	p.scroll = doc_row_of(&p.doc, 1, 2);
	player_command(&p, CMD_FOCUS_NEXT, NULL); /* w2, on screen */
	ck_assert_str_eq(p.doc.slots[p.focus].block->widget.id, "w2");
	unit = p.doc.row_unit[p.scroll];
	block = p.doc.row_block[p.scroll];
	grid_resize(&g, 120, 40); /* wider: fewer rows, same place */
	draw(&p, &g);
	ck_assert_int_eq(p.doc_width, 120);
	ck_assert_int_eq(p.doc.row_unit[p.scroll], unit);
	ck_assert_int_eq(p.doc.row_block[p.scroll], block);
	ck_assert_str_eq(p.doc.slots[p.focus].block->widget.id, "w2");
	player_save_position(&p);
	player_close(&p);
	ck_assert_str_eq(progress_get(prog, "lesson.L-a.unit"), "U.two");
	ck_assert_str_eq(progress_get(prog, "lesson.L-a.focus"), "w2");

	player_open(&p, &lessons[0], prog); /* as after a restart */
	grid_resize(&g, 80, 24);
	draw(&p, &g);
	ck_assert_int_eq(p.doc.row_unit[p.scroll], unit);
	ck_assert_int_eq(p.doc.row_block[p.scroll], block);
	ck_assert_str_eq(p.doc.slots[p.focus].block->widget.id, "w2");
	player_close(&p);
	grid_free(&g);
}
END_TEST

START_TEST(mouse_wheel_scrolls_and_click_focuses)
{
	Player p;
	Grid g;
	Key k = {0};

	grid_init(&g, 80, 24);
	player_open(&p, &lessons[0], prog);
	draw(&p, &g);
	k.code = K_MOUSE;
	k.mouse_action = MOUSE_WHEEL_DOWN;
	player_command(&p, CMD_NONE, &k);
	ck_assert_int_eq(p.scroll, 3);
	k.mouse_action = MOUSE_WHEEL_UP;
	player_command(&p, CMD_NONE, &k);
	player_command(&p, CMD_NONE, &k);
	ck_assert_int_eq(p.scroll, 0);
	/* A click on the row of the first slider focuses it (row 0 is the top bar). */
	k.mouse_action = MOUSE_PRESS;
	k.mouse_y = p.doc.slots[0].y - p.scroll + 1;
	player_command(&p, CMD_NONE, &k);
	ck_assert_int_eq(p.focus, 0);
	k.mouse_y = 1; /* text, not a control: the focus stays */
	player_command(&p, CMD_NONE, &k);
	ck_assert_int_eq(p.focus, 0);
	player_close(&p);
	grid_free(&g);
}
END_TEST

/* A lesson with a @steps block of three steps; the third is taller than the view. */
static const char steps_text[] =
	"@lesson L-s\n@title S\n@level 1\n@format 1\n\n@unit U.s\nIntro.\n\n"
	"@steps id=proof The proof\n"
	"@step FIRST-STEP\nOne.\n"
	"@step SECOND-STEP\nTwo.\n"
	"@step THIRD-STEP\n1. a\n2. b\n3. c\n4. d\n5. e\n6. f\n7. g\n8. h\n9. i\n10. j\n"
	"11. k\n12. l\n13. m\n14. n\n15. o\n16. p\n17. q\n18. r\n19. s\n20. t\n21. u\n"
	"22. v\n23. w\n24. x\n25. LAST-ROW\n"
	"@end\n\nOutro.\n";

/* The @steps block's control (its slot) in the player's layout. */
static const DocSlot *steps_slot(const Player *p)
{
	size_t i;

	for (i = 0; i < p->doc.nslots; i++)
		if (p->doc.slots[i].block->kind == BLOCK_STEPWISE)
			return &p->doc.slots[i];
	ck_abort_msg("no slot for the steps");
	return NULL;
}

/* The player lays out the steps its control shows; Space (focused) shows the next,
 * with the view following it, Left hides it again; the number is saved and comes back
 * in a new player. */
START_TEST(player_reveals_steps)
{
	CourseUnit cu = {"U.s", UNIT_READ, 3, "Steps", 0};
	CourseLesson e;
	DiagList d;
	Lesson *l;
	Player p;
	Grid g;
	Key space = {0}, left = {0};
	int old_y, old_h;

	diag_init(&d, 0);
	ck_assert_int_eq(lesson_parse(&l, "s.lesson", steps_text, sizeof steps_text - 1, &d),
			 LESSON_OK);
	memset(&e, 0, sizeof e);
	e.id = "L-s";
	e.units = &cu;
	e.nunits = 1;
	e.lesson = l;
	space.code = K_CHAR;
	space.ch = ' ';
	left.code = K_LEFT;
	grid_init(&g, 80, 24);
	player_open(&p, &e, prog);
	draw(&p, &g);
	ck_assert_int_ge(doc_find(&p.doc, "FIRST-STEP", 0, 1), 0);
	ck_assert_int_eq(doc_find(&p.doc, "SECOND-STEP", 0, 1), -1);
	player_command(&p, CMD_FOCUS_NEXT, NULL);
	ck_assert_int_eq(p.doc.slots[p.focus].block->kind, BLOCK_STEPWISE);
	old_y = steps_slot(&p)->y;
	old_h = p.doc.g.h;
	ck_assert(player_command(&p, CMD_NONE, &space));
	/* The second step stands where the control was; the control moved down past it
	 * and is still focused and on screen. */
	ck_assert_int_eq(doc_find(&p.doc, "SECOND-STEP", 0, 1), old_y);
	ck_assert_int_gt(steps_slot(&p)->y, old_y);
	ck_assert_int_gt(p.doc.g.h, old_h);
	ck_assert_ptr_eq(p.doc.slots[p.focus].block, steps_slot(&p)->block);
	ck_assert_int_ge(steps_slot(&p)->y, p.scroll);
	ck_assert_int_lt(steps_slot(&p)->y, p.scroll + p.view_h);
	/* The third is taller than the view: the view starts with it. */
	old_y = steps_slot(&p)->y;
	ck_assert(player_command(&p, CMD_NONE, &space));
	draw(&p, &g);
	ck_assert_int_eq(doc_find(&p.doc, "THIRD-STEP", 0, 1), old_y);
	ck_assert_int_eq(p.scroll, old_y - 1);
	ck_assert_int_gt(doc_find(&p.doc, "LAST-ROW", 0, 1), p.scroll + p.view_h);
	/* All shown: Space is the player's again (it pages on). */
	ck_assert(player_command(&p, CMD_PAGE_DOWN, &space));
	ck_assert_int_gt(p.scroll, old_y - 1);
	/* Left hides the third; the control is in view. */
	ck_assert(player_command(&p, CMD_NONE, &left));
	ck_assert_int_eq(doc_find(&p.doc, "THIRD-STEP", 0, 1), -1);
	ck_assert_int_ge(steps_slot(&p)->y, p.scroll);
	ck_assert_int_lt(steps_slot(&p)->y, p.scroll + p.view_h);
	player_save_position(&p);
	ck_assert_str_eq(progress_get(prog, "widget.L-s.proof.shown"), "2");
	ck_assert_str_eq(progress_get(prog, "lesson.L-s.focus"), "proof");
	player_close(&p);
	player_open(&p, &e, prog);
	draw(&p, &g);
	ck_assert_int_ge(doc_find(&p.doc, "SECOND-STEP", 0, 1), 0);
	ck_assert_int_eq(doc_find(&p.doc, "THIRD-STEP", 0, 1), -1);
	player_close(&p);
	grid_free(&g);
	diag_free(&d);
	lesson_free(l);
}
END_TEST

static Suite *player_suite(void)
{
	Suite *s = suite_create("player");
	TCase *tc = tcase_create("player");

	tcase_add_checked_fixture(tc, build, unbuild);
	tcase_add_test(tc, map_lists_existing_lessons_and_continue);
	tcase_add_test(tc, continue_skips_lessons_not_ready);
	tcase_add_test(tc, continue_leaves_the_reference_tier_last);
	tcase_add_test(tc, map_shows_quiz_and_game_scores);
	tcase_add_test(tc, map_shows_quiz_right_after_retries);
	tcase_add_test(tc, map_moves_within_bounds);
	tcase_add_test(tc, player_scrolls_focuses_and_marks_units);
	tcase_add_test(tc, player_search_wraps_and_reports);
	tcase_add_test(tc, position_survives_resize_and_restart);
	tcase_add_test(tc, position_keeps_the_row_in_a_block);
	tcase_add_test(tc, mouse_wheel_scrolls_and_click_focuses);
	tcase_add_test(tc, player_reveals_steps);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(player_suite());
}
