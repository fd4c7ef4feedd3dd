/* canvas.h: a pixel canvas over a rectangle of cells (braille dots, half blocks or ASCII),
 * with a field layer for heat maps and a data-space view. Must not include curses. */
#ifndef NN_DRAW_CANVAS_H
#define NN_DRAW_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw/grid.h"

/* The resolution of the dot layer. Lines and points use the finest the terminal allows
 * (canvas_mode); solid shapes such as histogram columns may ask for half blocks. */
typedef enum {
	CANVAS_BRAILLE, /* 2 x 4 dots per cell, U+2800 + bits (Unicode) */
	CANVAS_HALF,    /* 1 x 2 pixels per cell, drawn as '▀' '▄' '█' (Unicode) */
	CANVAS_ASCII    /* 1 x 2 pixels per cell: points as ' . :, lines as - _ / \ | */
} CanvasMode;

/* The data ranges mapped onto the canvas: x0 at the left edge, y0 at the bottom. */
typedef struct {
	double x0, x1, y0, y1;
	bool logy; /* y on a log10 scale; y <= 0 is not drawn */
} CanvasView;

/* One cell's worth of layers; private to canvas.c, here for the allocation's size. */
typedef struct {
	float field[2];   /* the field's top and bottom halves (valid per `has`) */
	uint8_t shade[2]; /* their ramp Colours, from the exact values */
	uint32_t mark;    /* a glyph shown over everything else, or 0 */
	uint8_t dots;     /* dot bits: braille bits, or 1 (top) | 2 (bottom) */
	uint8_t ink;      /* Colour of the dots and strokes: the last drawn */
	uint8_t mark_fg;  /* Colour of the mark */
	uint8_t stroke;   /* ASCII mode: a line's character, or 0 */
	uint8_t has;      /* 1: field[0] set, 2: field[1] set */
} CanvasCell;

typedef struct {
	int x, y, w, h; /* the cells covered, in grid coordinates */
	CanvasMode mode;
	int pw, ph;      /* pixels across and down: w * sx, h * sy */
	int sx, sy;      /* pixels per cell */
	int lx, ly;      /* their log2: pixel to cell is a shift */
	CanvasView view; /* for the canvas_data_* functions; see canvas_view */
	uint8_t pen;     /* dash pattern: bit (i % 8) says whether the i-th pixel is set */
	unsigned phase;  /* pixels the pen has walked; patterns continue across lines */
	CanvasCell *cells;
	size_t cap; /* cells allocated */
} Canvas;

/* The dot mode for what the terminal shows: braille with Unicode, ASCII without. solid
 * asks for half blocks (filled shapes) where Unicode allows. */
CanvasMode canvas_mode(Caps caps, bool solid);

/* An empty canvas that owns no memory; canvas_reshape gives it a size. */
void canvas_init(Canvas *c);

/* Covers the w x h cells at (x, y) in `mode`, blank, with the view [0,1] x [0,1] and a
 * solid pen. Memory is allocated only when the canvas grows, so a canvas reshaped every
 * frame allocates once. w or h <= 0 gives an empty canvas that draws nothing. Returns 0,
 * or -1 when out of memory (the canvas is then empty). */
int canvas_reshape(Canvas *c, int x, int y, int w, int h, CanvasMode mode);

/* Releases the memory; c becomes empty (as after canvas_init). */
void canvas_free(Canvas *c);

/* Blanks every layer, keeping the size, view and pen. */
void canvas_clear(Canvas *c);

/* Sets the dash pattern for lines (0xFF solid, 0x0F dashed, 0x55 dotted) and restarts
 * it. Points and fills ignore it. */
void canvas_pen(Canvas *c, uint8_t pattern);

/* Pixels. (px, py) counts from the top-left pixel; anything outside is clipped. A dot's
 * cell takes `colour` (the last colour drawn in a cell wins). */
void canvas_set(Canvas *c, int px, int py, Colour colour);

/* Whether the pixel is set (false outside). */
bool canvas_get(const Canvas *c, int px, int py);

/* A line from (x0, y0) to (x1, y1), both ends included (Bresenham), clipped to the
 * canvas; endpoints may lie far outside (up to about +-1e9) without slowing it down. */
void canvas_line(Canvas *c, int x0, int y0, int x1, int y1, Colour colour);

/* A filled rectangle between two corner pixels (in any order), clipped. */
void canvas_fill(Canvas *c, int x0, int y0, int x1, int y1, Colour colour);

/* Puts glyph ch (one column wide, bold) in the cell holding pixel (px, py), over the
 * dots and the field, on the terminal's background (so a class colour stays visible
 * on a field of its own hue). ch 0 removes a mark. */
void canvas_mark(Canvas *c, int px, int py, uint32_t ch, Colour colour);

/* The field layer's size in samples: w across, 2h down (two per cell). */
void canvas_field_size(const Canvas *c, int *fw, int *fh);

/* Paints a field of fw x fh values (row-major, the top row first) stretched over the
 * whole canvas by nearest sample. Values run from -1 (COLOUR_CLASS0's side) to 1; they
 * are clamped; NaN and infinite samples leave their part of the field blank. */
void canvas_field(Canvas *c, const double *v, int fw, int fh);

/* Recolours the field canvas_field painted: each half cell whose sample (the same
 * fw x fh layout and sampling) has a colour other than COLOUR_NONE takes it instead of
 * its ramp colour, so several classes show in their own colours; the values, and with
 * them the monochrome glyphs, stay. Halves without a field are left alone. */
void canvas_field_colours(Canvas *c, const uint8_t *colours, int fw, int fh);

/* Copies the canvas into g at (c->x, c->y); cells the canvas left empty are untouched.
 * Dots become braille, half blocks or ASCII per the mode; the field becomes background
 * colours (half blocks, two colours a cell, with Unicode and colours), or, in
 * monochrome, a density ramp whose two glyph families tell the signs apart:
 * negative "~ =", positive "+ #" (|v| >= 0.1, >= 0.5). Dots and strokes drawn over
 * the field hide its glyph but keep its background colour. */
void canvas_blit(const Canvas *c, Grid *g, Caps caps);

/* The glyph for a field value in monochrome (see canvas_blit): ' ' near zero. */
char canvas_shade(double v);

/* Data space. canvas_view sets the ranges; an empty or reversed range, or one that is
 * not finite, is repaired (min == max becomes min - 0.5 .. max + 0.5, NaN becomes 0 .. 1;
 * a log range with y0 <= 0 starts three decades below y1), so mapping never divides by
 * zero. */
void canvas_view(Canvas *c, double x0, double x1, double y0, double y1, bool logy);

/* The repaired copy of a view (what canvas_view stores). */
CanvasView canvas_view_fix(CanvasView v);

/* The pixel position of v on an axis of n pixels where lo maps to pixel 0 and hi to
 * pixel n - 1 (as a double, not rounded; large values are clamped to +-1e9). Axes use
 * it so that ticks and data agree. lo == hi maps everything to pixel 0. */
double canvas_scale(double v, double lo, double hi, int n);

/* Maps a data point to a pixel. Returns false (and leaves *px, *py alone) for NaN or
 * infinite coordinates and, on a log scale, for y <= 0; points outside the view map
 * outside the canvas and are clipped when drawn. */
bool canvas_map(const Canvas *c, double x, double y, int *px, int *py);

/* The data coordinates of sample (i, j) of an fw x fh grid laid over the canvas like a
 * field: the centre of its part of the view. Fill a field for canvas_field with it. */
void canvas_sample(const Canvas *c, int i, int j, int fw, int fh, double *x, double *y);

/* Drawing in data coordinates; points that do not map (see canvas_map) are skipped. */
void canvas_data_point(Canvas *c, double x, double y, Colour colour);
void canvas_data_line(Canvas *c, double x0, double y0, double x1, double y1, Colour colour);
void canvas_data_mark(Canvas *c, double x, double y, uint32_t ch, Colour colour);

/* Joins n points with lines; x NULL means 0, 1, 2, ... A point that does not map breaks
 * the line (a gap); a lone point between gaps is drawn as a dot. */
void canvas_polyline(Canvas *c, const double *x, const double *y, size_t n, Colour colour);

#endif
