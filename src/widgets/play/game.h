/* game.h: what the two halves of the game widget share (game.c: rules, rounds, keys
 * and progress; game-draw.c: drawing). Internal to src/widgets. */
#ifndef NN_WIDGETS_GAME_H
#define NN_WIDGETS_GAME_H

#include <stdbool.h>
#include <stdint.h>

#include "widgets/core/widget.h"

#define MAX_ROUNDS 100

typedef enum { GATE_AND, GATE_OR, GATE_NAND, GATE_NOR, GATE_XOR, GATE_COUNT } Gate;



typedef enum {
	FB_NONE,
	FB_HIT,    /* a round won */
	FB_MISS,   /* checked, not there yet */
	FB_WON,    /* every round won */
	FB_XOR,    /* XOR checked: its rows right, and why no single neuron gets all four */
	FB_AGAIN,  /* this gate is solved already: choose another */
	FB_NOWATCH /* the watched widget has no value */
} Feedback;

typedef struct {
	bool gate_mode;
	const char *goal, *watch, *gate_from;
	double margin, lo, hi;
	int rounds;
	uint64_t seed;
	double start; /* the watched value the first round started from (NaN: none) */
	double targets[MAX_ROUNDS];
	Gate gates[GATE_COUNT]; /* gate=: the gate of round i is gates[i % ngates] */
	int ngates;
	unsigned solved; /* gate_from: a bit per gate solved */
	int round;       /* the round being played, 0-based; rounds once won */
	int score;       /* rounds won */
	int tries;       /* checks in this game */
	int best;        /* fewest checks of a won game; 0: none yet */
	bool won;
	Feedback fb;
	double fb_value;   /* the miss: how far off (target) or rows right (gate) */
	double fb_seen[5]; /* the hit: what the controls gave then (see seen()) */
} Game;

extern const char *const gate_names[GATE_COUNT];

/* The truth of gate g for the inputs a and b. */
bool game_gate_row(Gate g, int a, int b);
/* The watched widget's value (NaN when it has none). */
double game_watched(const Instance *in, const Game *s);
/* The gate being played: the learner's choice with gate_from, else the round's. */
Gate game_current_gate(const Instance *in, const Game *s);
/* The watched neuron's outputs for the rows (0,0) (0,1) (1,0) (1,1). */
bool game_table(const Instance *in, const Game *s, double y[4]);
/* How many of the four rows y gets right for gate g. */
int game_rows_right(Gate g, const double y[4]);
/* Whether the controls give what they gave when was[] was seen. */
bool game_seen_same(const Instance *in, const Game *s, const double was[5]);
/* Progress of the play kinds: an int saved under key, and read back (def when absent,
 * malformed or outside lo .. hi). */
void game_store_int(const Store *st, const char *key, int v);
int game_stored_int(const Store *st, const char *key, int lo, int hi, int def);
/* The draw function of the game's ops (game-draw.c). */
void game_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
	       int *cy);

#endif
