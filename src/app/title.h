/* title.h: the title screen, drawn into a grid at any size.
 * Must not touch the terminal; the main loop shows what it draws. */
#ifndef NN_APP_TITLE_H
#define NN_APP_TITLE_H

#include "draw/grid.h"

/* Draws the title screen centred in g, leaving out the picture when g is too short and
 * clipping what does not fit. */
void title_draw(Grid *g, Caps caps);

#endif
