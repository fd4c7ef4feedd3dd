/* target.h: how a driving widget (button, stepper, animation) finds the widget it acts
 * on and drives it through the animation commands of the contract (target.c).
 * Must not own the loop or write files: drivers only call their target's functions. */
#ifndef NN_WIDGETS_CORE_TARGET_H
#define NN_WIDGETS_CORE_TARGET_H

#include <stdbool.h>

#include "widgets/core/widget.h"


/* The live instance named by in's parameter key (a ref), or, when the parameter is
 * absent and before is true, the instance just before in in the lesson. NULL when
 * there is none, it failed to start, or it is in itself. */
Instance *target_find(const Instance *in, const char *key, bool before);

/* Whether t obeys an animation controller (has animate and anim_state). NULL: false. */
bool anim_can(const Instance *t);

/* Fills *st with t's animation state; false (and *st zeroed) when t is not animated. */
bool anim_get(const Instance *t, AnimState *st);

/* Sends cmd (with arg for ANIM_SPEED) to t when it is animated; otherwise nothing. */
void anim_send(Instance *t, AnimCommand cmd, double arg);

/* Whether a played target has reached its end: not playing, at its last step. */
bool anim_at_end(const AnimState *st);

/* Whether t was initialised before in (its init may drive t). */
bool target_before(const Instance *in, const Instance *t);

#endif
