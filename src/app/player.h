/* player.h: the lesson player: a lesson laid out at the terminal's width, scrolled,
 * with focus moving between its widgets and quizzes, search, and the learner's
 * position and completed units kept in the progress store. Must not touch the
 * terminal: it draws into a grid and reacts to commands. */
#ifndef NN_APP_PLAYER_H
#define NN_APP_PLAYER_H

#include <stdbool.h>

#include "app/keymap.h"
#include "app/progress.h"
#include "draw/doc.h"
#include "lesson/model.h"
#include "widgets/core/widget.h"

typedef struct {
	const CourseLesson *entry; /* the lesson shown (entry->lesson is loaded) */
	Progress *progress;        /* where position and completions go (may be NULL) */
	DocLayout doc;
	Scene scene;  /* the lesson's live widgets */
	Grid scratch; /* where a widget is drawn before its visible rows are copied */
	int doc_width;
	bool doc_unicode, laid_out;
	int scroll;   /* the layout row at the top of the view */
	int focus;    /* the focused slot, or -1 */
	int view_h;   /* rows of lesson on screen, from the last draw */
	/* Where to put the view at the next layout (restored or kept across a resize):
	 * want_row rows into the first row of the block want_block of unit want_unit. */
	int want_unit, want_block, want_row;
	char want_focus[64];
	/* Search. */
	bool searching;
	char query[128];
	int match; /* the row of the current match, or -1 */
	bool changed; /* something worth saving happened (a unit completed) */
} Player;

/* Starts playing entry's lesson, at the position saved in progress if there is one.
 * Keeps the pointers; entry and progress must outlive the player. */
void player_open(Player *p, const CourseLesson *entry, Progress *progress);

/* Starts at the match of query at or after the beginning (from a course search). */
void player_open_at_match(Player *p, const CourseLesson *entry, Progress *progress,
			  const char *query);

/* Puts the view at the top of unit u (its heading), nothing focused, at the next
 * layout: a lesson opened by one of its units' ids. */
void player_goto_unit(Player *p, size_t u);

/* The same at block b of unit u (-1: its heading): where a glossary term is defined. */
void player_goto_block(Player *p, size_t u, int b);

void player_close(Player *p);

/* The name of the first glossary link ({term:...}) in the blocks on screen, or NULL:
 * the term the glossary opens at from a lesson. */
const char *player_linked_term(const Player *p);

/* The trainer widget the trainer commands act on: the focused widget when it is one,
 * else the lesson's only trainer; NULL when there is none. */
Instance *player_trainer(Player *p);

/* The live widget or quiz that has the focus, or NULL. */
const Instance *player_focused(const Player *p);

/* Draws the footer while a control has the focus: its keys first, as many as fit,
 * then the player's own (next control, leave, help) on the right, always shown. */
void player_footer(const Player *p, Grid *g, bool unicode);

/* Draws the lesson into g (re-laying it out when the width or character set changed)
 * and sets the cursor on the focused control, or -1. Marks units whose end is on
 * screen as seen, and read units as done (saving is the caller's: see p->changed). */
void player_draw(Player *p, Grid *g, Caps caps, int *cx, int *cy);

/* Reacts to a command (scrolling, focus, search) or, while searching, to a key.
 * Returns true when it used the key. */
bool player_command(Player *p, Command cmd, const Key *k);

/* Writes the position (unit, block, row in the block, focused widget) and the widgets'
 * saved state (answers, best scores) to progress. */
void player_save_position(Player *p);

/* Whether a widget is animating (the loop then wakes up for frames). */
bool player_animating(const Player *p);

/* Advances animations by dt seconds; returns whether the screen changed. */
bool player_tick(Player *p, double dt);

/* Returns 1 when every unit of the entry is done in progress, else 0. */
int player_lesson_done(const CourseLesson *entry, const Progress *progress);

/* Counts the entry's units done in progress. */
int player_units_done(const CourseLesson *entry, const Progress *progress);

#endif
