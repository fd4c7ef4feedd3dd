/* keymap.h: every key binding of the program as one const table, looked up by context;
 * the help screen and the footers are made from the same table, so they cannot lie.
 * Must not draw or act: it only maps keys to commands. */
#ifndef NN_APP_KEYMAP_H
#define NN_APP_KEYMAP_H

#include "ui/key.h"

typedef enum {
	CMD_NONE,
	CMD_QUIT,        /* leave the program (saving) */
	CMD_BACK,        /* back to the course map */
	CMD_OPEN,        /* open the selected lesson, or start from the title */
	CMD_CONTINUE,    /* resume where the learner stopped */
	CMD_UP,
	CMD_DOWN,
	CMD_PAGE_UP,
	CMD_PAGE_DOWN,
	CMD_TOP,
	CMD_BOTTOM,
	CMD_FOCUS_NEXT,
	CMD_FOCUS_PREV,
	CMD_LESSON_NEXT,
	CMD_LESSON_PREV,
	CMD_HELP,
	CMD_SEARCH,
	CMD_SEARCH_NEXT,
	CMD_REDRAW,
	CMD_LAB,           /* open the lab (the course's free-play trainer) */
	CMD_TRAINER_SAVE,  /* save the focused trainer's net and points */
	CMD_TRAINER_OPEN,  /* open a weights or CSV file into the focused trainer */
	CMD_TRAINER_STATE, /* show the focused trainer's state string, or set one */
	CMD_LEAVE,         /* leave the focused control (the lesson keeps its place) */
	CMD_REVIEW,        /* start a review round of the questions due */
	CMD_GLOSSARY       /* the glossary: every term, its definition and its unit */
} Command;

typedef enum {
	KCTX_TITLE = 1 << 0,
	KCTX_MAP = 1 << 1,
	KCTX_LESSON = 1 << 2,
	KCTX_HELP = 1 << 3,
	KCTX_CONTROL = 1 << 4, /* a lesson whose control has the focus: the control owns
	                        * every key but these bindings (HACKING: "The key rule") */
	KCTX_REVIEW = 1 << 5,  /* a review round: its question form owns every key but these */
	KCTX_GLOSSARY = 1 << 6 /* the glossary: typing filters, so no letter is bound */
} KeyContext;

typedef struct {
	unsigned contexts; /* KeyContext bits where the binding applies */
	KeyCode code;
	uint32_t ch;       /* for K_CHAR */
	unsigned mods;     /* KEYMOD_CTRL / KEYMOD_ALT that must be held */
	Command cmd;
	const char *what;  /* what it does, for help (N_); NULL: listed with the previous row */
	int footer;        /* 0: help only; n > 0: shown in the footer, in order n */
	const char *label; /* the footer's short word for it (N_); NULL: what */
} Binding;

/* Returns the command bound to k in ctx, or CMD_NONE. */
Command keymap_lookup(KeyContext ctx, const Key *k);

/* Calls fn once per command bound in ctx, in table order, with every key bound to it
 * joined ("j, Down") and the translated description. */
void keymap_each(KeyContext ctx, void (*fn)(const char *keys, const char *what, void *ctx),
		 void *arg);

/* Writes the footer of ctx ("q quit  ? help  ...") into buf, translated, keeping only
 * entries that fit in width columns. Returns buf. */
char *keymap_footer(KeyContext ctx, int width, char *buf, size_t size);

#endif
