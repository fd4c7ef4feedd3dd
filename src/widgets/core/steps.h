/* steps.h: the animation contract for kinds that show one of n positions (a heatmap's
 * window, a strip's step, a diagram's stage, a cloud's frame): playing at a speed,
 * stepping, replaying, and the state an animation controller reads. Must not draw,
 * read keys or know the kind: the kind bumps its versions when a call says it moved. */
#ifndef NN_WIDGETS_STEPS_H
#define NN_WIDGETS_STEPS_H

#include <stdbool.h>

#include "widgets/core/widget.h"

typedef struct {
	int pos;      /* from 0 */
	bool playing; /* moving on by itself at speed */
	double speed; /* positions per second */
	double acc;   /* seconds (times speed) since the last move */
} Steps;

/* At position pos (from 0), paused, one position per second. */
void steps_init(Steps *s, int pos);

/* The position kept inside 0 .. n - 1 (n <= 0: 0). */
int steps_at(const Steps *s, int n);

/* Moves to to when 0 <= to < n and to is not the position; returns whether it moved. */
bool steps_go(Steps *s, int n, int to);

/* Advances a playing s by dt seconds, stopping at the last of n positions; sets
 * *animating to whether it still plays. Returns whether it moved. */
bool steps_tick(Steps *s, int n, double dt, bool *animating);

/* Obeys an animation controller (ANIM_PLAY at the end starts again; ANIM_STEP pauses
 * and moves one on); sets *animating. Returns whether the position changed. */
bool steps_command(Steps *s, int n, AnimCommand cmd, double arg, bool *animating);

/* Fills st: the step from 1 of n (0 of 0 when there is nothing to step through). */
void steps_state(const Steps *s, int n, AnimState *st);

/* A key moved the position: playing stops. */
void steps_stop(Steps *s, bool *animating);

/* The position a key asks for of n: Right (and Space when space is true) the next,
 * Left the one before, Home the first, End the last; -1 for any other key. */
int steps_key_target(const Steps *s, int n, const Key *k, bool space);

/* Goes to to for a key: playing stops. Returns WIDGET_HANDLED | WIDGET_REDRAW when it
 * moved, WIDGET_IGNORED when to is past either end (the player then uses the key:
 * Space pages on, Up and Down scroll). */
unsigned steps_key_go(Steps *s, int n, int to, bool *animating);

#endif
