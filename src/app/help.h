/* help.h: the help screen listing every key of a context, made from the key table.
 * Must not touch the terminal. */
#ifndef NN_APP_HELP_H
#define NN_APP_HELP_H

#include "app/keymap.h"
#include "draw/grid.h"

/* Draws the keys of ctx (the screen the learner came from) into g from line *scroll,
 * clamping *scroll to the text's length. */
void help_draw(Grid *g, KeyContext ctx, int *scroll);

#endif
