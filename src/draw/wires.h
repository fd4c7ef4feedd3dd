/* wires.h: lines between boxes (box-and-arrow diagrams), drawn so that where two meet
 * or cross they join (┬ ├ ┼, heavy for highlighted ones), with arrowheads; ASCII '-'
 * '|' '+' ('=' for a highlighted line across). Must not include curses. */
#ifndef NN_DRAW_WIRES_H
#define NN_DRAW_WIRES_H

#include <stdbool.h>

#include "draw/grid.h"

/* The ways a wire leaves a cell. */
enum { WIRE_UP = 1, WIRE_DOWN = 2, WIRE_LEFT = 4, WIRE_RIGHT = 8 };

/* Adds the ways `dirs` to the wire already in cell (x, y) (a wire glyph there is read
 * back; anything else is overwritten), heavy when heavy or when it was heavy. */
void wire_add(Grid *g, int x, int y, unsigned dirs, bool heavy, Caps caps);

/* A straight wire from (x0, y0) to (x1, y1), one of the coordinates the same, both
 * ends included; each end takes only the way towards the other (a half line until
 * another wire goes on from it: a turn joins there). */
void wire_line(Grid *g, int x0, int y0, int x1, int y1, bool heavy, Caps caps);

/* An arrowhead at (x, y) pointing the way dir (one WIRE_* bit): ▶ ◀ ▲ ▼, ASCII > < ^ v. */
void wire_arrow(Grid *g, int x, int y, unsigned dir, bool heavy, Caps caps);

#endif
