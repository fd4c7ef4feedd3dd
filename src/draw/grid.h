/* grid.h: the cell grid every screen and widget draws into, and its text dump.
 * Must not include curses: the terminal layer blits grids, tests compare their text. */
#ifndef NN_DRAW_GRID_H
#define NN_DRAW_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Semantic styles. The terminal layer maps each to colours, or to attributes alone in
 * monochrome, so drawing code never names a colour. */
typedef enum {
	STYLE_NORMAL,
	STYLE_DIM,     /* secondary text: hints, captions */
	STYLE_BOLD,    /* emphasis */
	STYLE_TITLE,   /* screen and lesson titles */
	STYLE_ACCENT,  /* highlights, the brand colour */
	STYLE_KEY,     /* key names in footers and help */
	STYLE_GOOD,    /* right answers, positive weights */
	STYLE_BAD,     /* wrong answers, negative weights, errors */
	STYLE_WARN,    /* warnings */
	STYLE_FOCUS,   /* the focused control */
	STYLE_BAR,     /* status and footer bars */
	STYLE_COUNT
} Style;

/* Data colours, on top of a cell's style: classes of points, the signs of weights,
 * and a diverging ramp for heat maps. COLOUR_NONE keeps the style's own colour. The
 * terminal layer maps them to 256 or 8 colours; in monochrome they are not shown, so
 * drawing code must carry the meaning in the glyphs too (Caps.colours == 0). */
typedef enum {
	COLOUR_NONE,
	COLOUR_CLASS0, /* blue: class 0, negative side */
	COLOUR_CLASS1, /* orange: class 1, positive side */
	COLOUR_CLASS2, /* green */
	COLOUR_CLASS3, /* red */
	COLOUR_CLASS4, /* purple */
	COLOUR_CLASS5, /* gold */
	COLOUR_MUTED,  /* grid lines, axes, faint marks */
	COLOUR_RAMP,   /* COLOUR_RAMP + 0 .. COLOUR_RAMP_STEPS - 1: -1 (blue) to +1 (orange) */
	COLOUR_COUNT = COLOUR_RAMP + 11
} Colour;

#define COLOUR_RAMP_STEPS 11

/* The ramp colour for v in [-1, 1] (clamped; NaN gives the middle, neutral step). */
Colour colour_ramp(double v);

/* What the terminal can show; drawing code chooses glyphs from it. */
typedef struct {
	bool unicode; /* UTF-8 output: box drawing, braille, math symbols */
	int colours;  /* 0 (monochrome), 8 or 256 */
} Caps;

/* The second column of a double-width character holds this marker. */
#define GRID_WIDE_CONT 0xFFFFFFFFu

typedef struct {
	uint32_t ch; /* code point, or GRID_WIDE_CONT */
	uint8_t style;
	uint8_t fg, bg; /* Colour: of the glyph and of the cell's background */
} Cell;

typedef struct {
	int w, h;
	Cell *cells; /* h rows of w cells */
} Grid;

/* Allocates a w x h grid of blanks. Returns 0, or -1 when out of memory (the grid is
 * then empty). w or h <= 0 gives an empty grid. */
int grid_init(Grid *g, int w, int h);

/* Resizes to w x h, blanking every cell. Returns 0 or -1 (grid unchanged). */
int grid_resize(Grid *g, int w, int h);

void grid_free(Grid *g);

/* Fills the whole grid with blanks of style s. */
void grid_clear(Grid *g, Style s);

/* Returns the cell at (x, y), or NULL outside the grid. */
Cell *grid_at(Grid *g, int x, int y);

/* Puts one code point at (x, y); wide characters take two cells. Anything outside the
 * grid is clipped. Returns the number of columns advanced (0, 1 or 2). */
int grid_put(Grid *g, int x, int y, uint32_t ch, Style s);

/* Like grid_put, with data colours for the glyph (fg) and the background (bg). */
int grid_put_colour(Grid *g, int x, int y, uint32_t ch, Style s, Colour fg, Colour bg);

/* Writes the first n bytes of UTF-8 text s on row y from column x, clipped to max_w
 * columns (and to the grid). Control characters are skipped, malformed bytes show as
 * U+FFFD (or '?' by the terminal layer in ASCII mode). Returns the columns used. */
int grid_text(Grid *g, int x, int y, const char *s, size_t n, int max_w, Style s_);

/* Like grid_text for a NUL-terminated string. */
int grid_str(Grid *g, int x, int y, const char *s, Style st);

/* Writes s centred on row y; returns the column where it starts. */
int grid_str_centred(Grid *g, int y, const char *s, Style st);

/* Returns the grid as UTF-8 text: one line per row, trailing blanks removed, each line
 * ending in '\n'. The caller frees the result; NULL when out of memory. */
char *grid_to_text(const Grid *g);

#endif
