/* stepwise.h: the live control of a @steps block: how many of its steps the learner
 * has revealed. Must not own the loop or write files. */
#ifndef NN_WIDGETS_STEPWISE_H
#define NN_WIDGETS_STEPWISE_H

#include "widgets/core/widget.h"

/* The functions of every @steps block's instance: one row, "Step 2 of 4", with the
 * keys that reveal (Space, Right) and hide (Left) a step while it has the focus; at
 * either end the key goes back to the player. Saved in the instance's Store: "shown". */
extern const WidgetOps stepwise_ops;

/* The steps shown, from 1; 0 when in is not a @steps block's instance. */
int stepwise_shown(const Instance *in);

#endif
