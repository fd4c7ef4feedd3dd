/* doc.h: lays a lesson's document model out at a width, into a tall cell grid the
 * player scrolls over and --plain prints. Must not include curses or know the screen;
 * widgets and quizzes get slots whose height the caller's callback decides. */
#ifndef NN_DRAW_DOC_H
#define NN_DRAW_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "draw/grid.h"
#include "lesson/model.h"

typedef struct {
	const Block *block; /* a BLOCK_WIDGET or BLOCK_QUIZ, or the row of a BLOCK_STEPWISE
	                     * that says how many steps are shown (the stepper's control) */
	size_t unit;        /* index of its unit in the lesson */
	int number;         /* quizzes: 1, 2, ... in the lesson; widgets: 0 */
	int x, y, w, h;     /* its rectangle in the layout */
	int body;           /* --plain: the rows of its text alternative, above the rows
	                     * slot_height asked for (a live widget's drawing); else 0 */
} DocSlot;

typedef struct {
	const char *id; /* the unit's id */
	int y, end;     /* its first row, and the row after its last */
} DocAnchor;

typedef struct {
	Caps caps;
	int width; /* of the whole page; the text column is at most DOC_MAX_COLUMN */
	bool plain; /* for --plain: slots show their text, quiz answers are listed */
	/* The unit's title and minutes from the course index (NULL: show the id). */
	const char *(*unit_title)(const void *ctx, const char *unit_id, int *minutes);
	/* The rows a slot needs at width w (NULL or <= 0: its text alternative's); a
	 * widget's slot is then exactly that tall (the live widget covers it), a quiz's
	 * at least; with plain, rows below the text alternative (see DocSlot.body). */
	int (*slot_height)(const void *ctx, const Block *b, int w);
	/* Whether a slot may be wider than the text column: up to DOC_MAX_WIDE columns of
	 * the page (4 left for the margins), centred (NULL or false: the column). */
	bool (*slot_wide)(const void *ctx, const Block *b);
	/* How many steps of a @steps block are shown, from 1 (NULL or <= 0: all). Not
	 * asked with plain, which shows every step. */
	int (*steps_shown)(const void *ctx, const Block *b);
	const void *ctx;
} DocOptions;

#define DOC_MAX_COLUMN 76
#define DOC_MAX_WIDE   160 /* a wide slot's columns at most (see slot_wide) */

typedef struct {
	Grid g;           /* every row of the lesson; g.w == the page width */
	int *row_unit;    /* per row: the unit index, or -1 above the first unit */
	int *row_block;   /* per row: the block index in its unit, or -1 (headers) */
	DocSlot *slots;
	size_t nslots;
	DocAnchor *units;
	size_t nunits;
	int column_x, column_w; /* the text column */
} DocLayout;

/* Lays l out. Returns 0, or -1 when out of memory (d is then empty). Free with
 * doc_free. */
int doc_layout(DocLayout *d, const Lesson *l, const DocOptions *o);

void doc_free(DocLayout *d);

/* Returns the first row >= from (dir > 0) or <= from (dir < 0) whose text contains
 * needle, ignoring ASCII case; -1 when none. */
int doc_find(const DocLayout *d, const char *needle, int from, int dir);

/* Returns the first row of block `block` of unit `unit` (block -1: the unit's
 * header), or -1. */
int doc_row_of(const DocLayout *d, size_t unit, int block);

#endif
