/* app.h: the program's state while the course runs, and the screens as a table.
 * The only process-wide state of the program lives in the App that main owns. */
#ifndef NN_APP_APP_H
#define NN_APP_APP_H

#include <stdbool.h>

#include "app/glossview.h"
#include "app/keymap.h"
#include "app/lessonclock.h"
#include "app/map.h"
#include "app/player.h"
#include "app/progress.h"
#include "app/review-round.h"
#include "draw/grid.h"

typedef enum {
	SCREEN_TITLE,
	SCREEN_MAP,
	SCREEN_LESSON,
	SCREEN_HELP,
	SCREEN_REVIEW,
	SCREEN_GLOSSARY,
	SCREEN_COUNT
} ScreenId;

typedef struct App {
	const Course *course;
	Progress *progress;
	MapState map;
	ReviewRound review; /* valid while screen is SCREEN_REVIEW */
	Player player; /* valid while lesson_open */
	bool lesson_open; /* a lesson is open (shown, or under the help or the glossary) */
	GlossView gloss;
	ScreenId gloss_from; /* where Esc leaves the glossary for */
	bool map_searching;
	char map_query[128];
	ScreenId screen;
	ScreenId help_from; /* the screen whose keys the help lists; Esc returns there */
	int help_scroll;
	Command prompt;     /* a trainer's prompt being typed (CMD_TRAINER_*), or CMD_NONE */
	char prompt_text[512];
	char trainer_file[512]; /* the name last saved to or opened, offered again */
	char trainer_saved[512]; /* the name last saved to: saving there again replaces */
	char trainer_confirm[512]; /* a name whose files exist, Enter again replaces them */
	char status[512];   /* a message shown above the footer, or "" */
	Style status_style;
	int save_result;    /* the last save: 0, -1 (save_errno says why) or -2 (the
	                     * progress path is not a regular file) */
	int save_errno;
	bool saved;         /* a save succeeded in this session */
	bool quit;
	LessonClock clock; /* the time spent in the open lesson (lessonclock.h) */
} App;

/* A screen: its key context, how it draws (placing the cursor on the focused control,
 * or -1 to hide it), and how it reacts to a command or a key no binding took. */
typedef struct {
	KeyContext ctx;
	void (*draw)(App *a, Grid *g, Caps caps, int *cx, int *cy);
	void (*command)(App *a, Command cmd, const Key *k);
} ScreenOps;

typedef enum {
	LOOP_DONE,   /* the learner quit, or the terminal went away */
	LOOP_SIGNAL, /* a termination signal: the caller ends by it */
	LOOP_NOMEM
} LoopEnd;

/* Runs the screens until the learner quits or a signal arrives; saves progress on the
 * way out. Blocks in term_wait between events, so an idle course uses no CPU. */
LoopEnd app_loop(App *a, int *signo);

/* Saves progress; on failure sets the status line (the next save tries again) and
 * save_result; a success after a failure clears that status. Returns 0 or -1. */
int app_save(App *a);

/* Opens a lesson in the player, remembering it as the last one; reads its file first
 * if it was not yet read. When reading it found problems, the status line shows the
 * first (file:line) and how many. Returns false, changing nothing else, when the
 * lesson cannot be read. */
bool app_open_lesson(App *a, const CourseLesson *e);

/* Shows the glossary filtered by filter (NULL: every term); Esc returns to the screen
 * shown now. */
void app_open_glossary(App *a, const char *filter);

/* When query names a term (ignoring case), shows it selected in the glossary with a
 * note that Enter leads to its unit, and returns true; else returns false. */
bool app_find_term(App *a, const char *query);

/* The course's lab: the lesson with this id, opened by L on the map and --data. */
#define APP_LAB_LESSON "LAB"

/* The course's quick-reference tier: open from the start, so "continue" offers it only
 * when no lesson of the levels is left. */
#define APP_REFERENCE_LEVEL "R"

/* Sets the status line (printf-style). */
void app_status(App *a, Style st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
