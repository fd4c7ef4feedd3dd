/* map.h: the course map: the levels as a rail, each lesson with its minutes and state,
 * a "continue" entry, and overall progress. Must not touch the terminal. */
#ifndef NN_APP_MAP_H
#define NN_APP_MAP_H

#include "app/keymap.h"
#include "app/progress.h"
#include "draw/grid.h"
#include "lesson/model.h"

#define MAP_MAX_ROWS 256

typedef struct {
	int row_item[MAP_MAX_ROWS]; /* the item drawn on each screen row, or -1 */
	int selected; /* item index: 0 is "review" while questions are due, then
	               * "continue" when there is one, then the lessons */
	int review_due; /* questions due for review (the caller counts them: review.h) */
	int scroll;   /* the first row shown */
	int view_h;
} MapState;

/* The lesson of item i of the map, or NULL for "continue"; sets *is_continue. */
CourseLesson *map_item(const Course *c, const Progress *p, int i, int *is_continue);

/* The lesson the learner was last in (from progress), if it still exists. */
CourseLesson *map_last_lesson(const Course *c, const Progress *p);

/* Where "continue" leads: the last lesson while it is unfinished, else the next
 * unfinished written lesson after it whose required lessons are done (else the first
 * such lesson anywhere, else the next unfinished one, else the first); the last one
 * when all are done; NULL when nothing was started. */
CourseLesson *map_continue_lesson(const Course *c, const Progress *p);

/* Whether the selected item is the review entry. */
int map_on_review(const MapState *m);

/* The selected item as map_item counts them (without the review entry). */
int map_lesson_item(const MapState *m);

/* The number of selectable items, without the review entry. */
int map_count(const Course *c, const Progress *p);

/* Draws the map of c with the learner's progress. */
void map_draw(MapState *m, const Course *c, const Progress *p, Grid *g, Caps caps, int *cx,
	      int *cy);

/* Moves the selection for a movement command or a mouse wheel; a click selects the
 * item under it and returns 1 ("open it"). Returns 0 otherwise. */
int map_command(MapState *m, const Course *c, const Progress *p, Command cmd, const Key *k);

/* Minutes of a lesson: the sum of its units' minutes in the index. */
int map_minutes(const CourseLesson *e);

#endif
