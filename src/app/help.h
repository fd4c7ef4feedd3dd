/* help.h: the help screen listing every key of a context, made from the key table.
 * Must not touch the terminal. */
#ifndef NN_APP_HELP_H
#define NN_APP_HELP_H

#include <stdbool.h>

#include "app/keymap.h"
#include "draw/grid.h"
#include "widgets/core/widget.h"

/* Draws the keys of ctx (the screen the learner came from) into g from line *scroll,
 * clamping *scroll to the text's length. With a focused control in, its keys come
 * first, then the player's, then the lesson's once the control is left. */
void help_draw(Grid *g, KeyContext ctx, const Instance *in, bool unicode, int *scroll);

#endif
