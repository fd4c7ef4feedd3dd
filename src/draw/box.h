/* box.h: boxes (light, heavy, rounded or double lines, ASCII '+' '-' '|' without
 * Unicode) with a title in the top border and a focus look; rules across them.
 * Must not include curses. */
#ifndef NN_DRAW_BOX_H
#define NN_DRAW_BOX_H

#include <stdbool.h>

#include "draw/grid.h"

typedef enum {
	BOX_LIGHT,   /* ┌─┐ */
	BOX_HEAVY,   /* ┏━┓ */
	BOX_ROUNDED, /* ╭─╮ */
	BOX_DOUBLE   /* ╔═╗ */
} BoxLine;

/* Draws the border of the w x h box at (x, y); the inside is left alone, anything
 * outside the grid is clipped; w or h < 2 draws nothing. title (UTF-8, NULL for none)
 * sits in the top border as "┌─ Title ──┐", cut with "…" ("..") to fit; when not
 * even two of its characters fit it is left out. focus draws heavy lines ('=' across in ASCII) in
 * STYLE_ACCENT and the title in STYLE_FOCUS; otherwise lines are STYLE_DIM and the
 * title STYLE_BOLD. */
void box_draw(Grid *g, int x, int y, int w, int h, BoxLine line, const char *title, bool focus,
	      Caps caps);

/* Draws a rule across a box drawn at (x, w) with the same line: "├────┤" on row y. */
void box_rule(Grid *g, int x, int y, int w, BoxLine line, bool focus, Caps caps);

#endif
