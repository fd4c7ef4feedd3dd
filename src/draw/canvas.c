/* canvas.c: the pixel canvas: dots, clipped lines and polylines, fills, marks, a field
 * layer, and its blit into the cell grid. Must not include curses or allocate per pixel. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw/canvas.h"

/* Braille dot bits by row (0-3) and column (0-1) within a cell. */
static const uint8_t braille_bit[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

CanvasMode canvas_mode(Caps caps, bool solid)
{
	if (!caps.unicode)
		return CANVAS_ASCII;
	return solid ? CANVAS_HALF : CANVAS_BRAILLE;
}

void canvas_init(Canvas *c)
{
	memset(c, 0, sizeof *c);
	c->view.x1 = c->view.y1 = 1;
	c->pen = 0xFF;
}

int canvas_reshape(Canvas *c, int x, int y, int w, int h, CanvasMode mode)
{
	size_t need;

	if (w <= 0 || h <= 0)
		w = h = 0;
	need = (size_t)w * (size_t)h;
	if (need > c->cap) {
		CanvasCell *cells = malloc(need * sizeof *cells);
		if (!cells) {
			canvas_free(c);
			return -1;
		}
		free(c->cells);
		c->cells = cells;
		c->cap = need;
	}
	c->x = x;
	c->y = y;
	c->w = w;
	c->h = h;
	c->mode = mode;
	c->lx = mode == CANVAS_BRAILLE ? 1 : 0;
	c->ly = mode == CANVAS_BRAILLE ? 2 : 1;
	c->sx = 1 << c->lx;
	c->sy = 1 << c->ly;
	c->pw = w * c->sx;
	c->ph = h * c->sy;
	canvas_view(c, 0, 1, 0, 1, false);
	canvas_pen(c, 0xFF);
	canvas_clear(c);
	return 0;
}

void canvas_free(Canvas *c)
{
	free(c->cells);
	canvas_init(c);
}

void canvas_clear(Canvas *c)
{
	if (c->cells)
		memset(c->cells, 0, (size_t)c->w * (size_t)c->h * sizeof *c->cells);
}

void canvas_pen(Canvas *c, uint8_t pattern)
{
	c->pen = pattern;
	c->phase = 0;
}

static CanvasCell *cell_of(const Canvas *c, int px, int py)
{
	if (px < 0 || py < 0 || px >= c->pw || py >= c->ph)
		return NULL;
	return &c->cells[(size_t)(py >> c->ly) * (size_t)c->w + (size_t)(px >> c->lx)];
}

static uint8_t bit_of(const Canvas *c, int px, int py)
{
	if (c->mode == CANVAS_BRAILLE)
		return braille_bit[py & 3][px & 1];
	return (py & 1) ? 2 : 1;
}

void canvas_set(Canvas *c, int px, int py, Colour colour)
{
	CanvasCell *k = cell_of(c, px, py);

	if (!k)
		return;
	k->dots |= bit_of(c, px, py);
	k->ink = (uint8_t)colour;
}

bool canvas_get(const Canvas *c, int px, int py)
{
	const CanvasCell *k = cell_of(c, px, py);

	return k && (k->dots & bit_of(c, px, py));
}

/* Liang-Barsky: clips the segment to [0, xmax] x [0, ymax]; false when nothing is left. */
static bool clip(double *x0, double *y0, double *x1, double *y1, double xmax, double ymax)
{
	double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1;
	double p[4] = {-dx, dx, -dy, dy};
	double q[4] = {*x0, xmax - *x0, *y0, ymax - *y0};
	int k;

	for (k = 0; k < 4; k++) {
		if (p[k] == 0) {
			if (q[k] < 0)
				return false;
			continue;
		}
		double r = q[k] / p[k];
		if (p[k] < 0) {
			if (r > t1)
				return false;
			if (r > t0)
				t0 = r;
		} else {
			if (r < t0)
				return false;
			if (r < t1)
				t1 = r;
		}
	}
	*x1 = *x0 + t1 * dx;
	*y1 = *y0 + t1 * dy;
	*x0 += t0 * dx;
	*y0 += t0 * dy;
	return true;
}

static int round_in(double v, int max)
{
	int i = (int)floor(v + 0.5);

	return i < 0 ? 0 : i > max ? max : i;
}

/* The ASCII character for a line of this direction (pixels are about square there). */
static uint8_t stroke_for(double dx, double dy)
{
	double ax = fabs(dx), ay = fabs(dy);

	if (ax == 0 && ay == 0)
		return 0;
	if (ay <= 0.414 * ax)
		return '-'; /* '_' in a cell's lower half: see put_stroke */
	if (ax <= 0.414 * ay)
		return '|';
	return (dx > 0) == (dy > 0) ? '\\' : '/';
}

static void put_stroke(Canvas *c, int px, int py, uint8_t stroke)
{
	CanvasCell *k = cell_of(c, px, py);

	if (k && stroke)
		k->stroke = stroke == '-' && (py & 1) ? '_' : stroke;
}

/* A line; skip_first leaves out its first pixel (a polyline's joints are drawn once, so
 * dash patterns run on evenly). */
static void line(Canvas *c, int x0, int y0, int x1, int y1, Colour colour, bool skip_first)
{
	double ax = x0, ay = y0, bx = x1, by = y1;
	uint8_t stroke = 0;
	int dx, dy, sx, sy, err;

	if (c->pw <= 0 || c->ph <= 0)
		return;
	if (c->mode == CANVAS_ASCII)
		stroke = stroke_for(bx - ax, by - ay);
	if (x0 < 0 || y0 < 0 || x1 < 0 || y1 < 0 || x0 >= c->pw || x1 >= c->pw || y0 >= c->ph ||
	    y1 >= c->ph) {
		if (!clip(&ax, &ay, &bx, &by, c->pw - 1, c->ph - 1))
			return;
		x0 = round_in(ax, c->pw - 1);
		y0 = round_in(ay, c->ph - 1);
		x1 = round_in(bx, c->pw - 1);
		y1 = round_in(by, c->ph - 1);
	}
	dx = abs(x1 - x0);
	dy = -abs(y1 - y0);
	sx = x0 < x1 ? 1 : -1;
	sy = y0 < y1 ? 1 : -1;
	err = dx + dy;
	for (;;) {
		if (skip_first) {
			skip_first = false;
		} else if ((c->pen >> (c->phase++ & 7)) & 1) {
			canvas_set(c, x0, y0, colour);
			put_stroke(c, x0, y0, stroke);
		}
		if (x0 == x1 && y0 == y1)
			break;
		int e2 = 2 * err;
		if (e2 >= dy) {
			err += dy;
			x0 += sx;
		}
		if (e2 <= dx) {
			err += dx;
			y0 += sy;
		}
	}
}

void canvas_line(Canvas *c, int x0, int y0, int x1, int y1, Colour colour)
{
	line(c, x0, y0, x1, y1, colour, false);
}

void canvas_fill(Canvas *c, int x0, int y0, int x1, int y1, Colour colour)
{
	int x, y, t;

	if (x0 > x1)
		t = x0, x0 = x1, x1 = t;
	if (y0 > y1)
		t = y0, y0 = y1, y1 = t;
	if (x0 < 0)
		x0 = 0;
	if (y0 < 0)
		y0 = 0;
	if (x1 >= c->pw)
		x1 = c->pw - 1;
	if (y1 >= c->ph)
		y1 = c->ph - 1;
	for (y = y0; y <= y1; y++)
		for (x = x0; x <= x1; x++)
			canvas_set(c, x, y, colour);
}

void canvas_mark(Canvas *c, int px, int py, uint32_t ch, Colour colour)
{
	CanvasCell *k = cell_of(c, px, py);

	if (!k)
		return;
	k->mark = ch;
	k->mark_fg = (uint8_t)colour;
}

void canvas_field_size(const Canvas *c, int *fw, int *fh)
{
	*fw = c->w;
	*fh = 2 * c->h;
}

/* colour_ramp for v already in [-1, 1]: the same arithmetic, without the call. */
static uint8_t ramp(double v)
{
	return (uint8_t)(COLOUR_RAMP + (int)((v + 1) / 2 * (COLOUR_RAMP_STEPS - 1) + 0.5));
}

void canvas_field(Canvas *c, const double *v, int fw, int fh)
{
	int r, i, rows = 2 * c->h;

	if (!v || fw <= 0 || fh <= 0)
		return;
	for (r = 0; r < rows; r++) {
		/* The sample under the centre of half-row r (and of column i below). */
		const double *row =
		    v + (size_t)((2 * (long long)r + 1) * fh / (2 * rows)) * (size_t)fw;
		CanvasCell *k = &c->cells[(size_t)(r / 2) * (size_t)c->w];
		int half = r & 1;

		for (i = 0; i < c->w; i++, k++) {
			double s =
			    fw == c->w ? row[i] : row[(2 * (long long)i + 1) * fw / (2 * c->w)];
			if (!isfinite(s))
				continue;
			s = s < -1 ? -1 : s > 1 ? 1 : s;
			k->field[half] = (float)s;
			k->shade[half] = ramp(s);
			k->has |= (uint8_t)(1 << half);
		}
	}
}

void canvas_field_colours(Canvas *c, const uint8_t *colours, int fw, int fh)
{
	int r, i, rows = 2 * c->h;

	if (!colours || fw <= 0 || fh <= 0)
		return;
	for (r = 0; r < rows; r++) { /* sampled as canvas_field samples */
		const uint8_t *row =
		    colours + (size_t)((2 * (long long)r + 1) * fh / (2 * rows)) * (size_t)fw;
		CanvasCell *k = &c->cells[(size_t)(r / 2) * (size_t)c->w];
		int half = r & 1;

		for (i = 0; i < c->w; i++, k++) {
			uint8_t s = fw == c->w ? row[i] : row[(2 * (long long)i + 1) * fw / (2 * c->w)];
			if (s != COLOUR_NONE && (k->has & (1 << half)))
				k->shade[half] = s;
		}
	}
}

char canvas_shade(double v)
{
	double a = fabs(v);

	if (!(a >= 0.1))
		return ' ';
	if (v < 0)
		return a < 0.5 ? '~' : '=';
	return a < 0.5 ? '+' : '#';
}

static uint32_t dots_glyph(CanvasMode mode, uint8_t dots)
{
	static const uint32_t half[4] = {' ', 0x2580, 0x2584, 0x2588};
	static const uint32_t ascii[4] = {' ', '\'', '.', ':'};

	if (mode == CANVAS_BRAILLE)
		return 0x2800u + dots;
	return mode == CANVAS_HALF ? half[dots & 3] : ascii[dots & 3];
}

/* Puts a glyph known to be one column wide; the general (and slower) grid_put_colour
 * only where a wide character would be split. */
static void put_narrow(Grid *g, int x, int y, uint32_t ch, Style st, Colour fg, Colour bg)
{
	Cell *cell = grid_at(g, x, y), *next;

	if (!cell)
		return;
	if (cell->ch == GRID_WIDE_CONT ||
	    ((next = grid_at(g, x + 1, y)) && next->ch == GRID_WIDE_CONT)) {
		grid_put_colour(g, x, y, ch, st, fg, bg);
		return;
	}
	cell->ch = ch;
	cell->style = (uint8_t)st;
	cell->fg = (uint8_t)fg;
	cell->bg = (uint8_t)bg;
}

static double field_mean(const CanvasCell *k)
{
	if (k->has == 3)
		return ((double)k->field[0] + k->field[1]) / 2;
	return k->field[k->has == 2];
}

void canvas_blit(const Canvas *c, Grid *g, Caps caps)
{
	int cx, cy;

	for (cy = 0; cy < c->h; cy++) {
		const CanvasCell *k = &c->cells[(size_t)cy * (size_t)c->w];
		for (cx = 0; cx < c->w; cx++, k++) {
			Colour fg = (Colour)k->ink, bg = COLOUR_NONE;
			Style st = STYLE_NORMAL;
			uint32_t ch;

			if (!k->has && !k->dots && !k->mark)
				continue;
			if (k->has && caps.colours)
				bg = k->has == 3 ? (Colour)ramp(field_mean(k))
						 : (Colour)k->shade[k->has == 2];
			if (k->mark) {
				/* On the terminal's background: a class colour on a field of
				 * the same hue would vanish. */
				ch = k->mark;
				fg = (Colour)k->mark_fg;
				bg = COLOUR_NONE;
				st = STYLE_BOLD;
			} else if (k->stroke) {
				ch = k->stroke;
			} else if (k->dots) {
				ch = dots_glyph(c->mode, k->dots);
			} else if (!caps.colours) {
				ch = (uint32_t)canvas_shade(field_mean(k));
				fg = COLOUR_NONE;
			} else if (caps.unicode && k->has != 3) {
				/* Half a cell of field: the other half keeps the default. */
				ch = k->has == 1 ? 0x2580 : 0x2584;
				fg = bg;
				bg = COLOUR_NONE;
			} else if (caps.unicode) {
				Colour top = (Colour)k->shade[0], bottom = (Colour)k->shade[1];
				ch = top == bottom ? ' ' : 0x2580;
				fg = top == bottom ? COLOUR_NONE : top;
				bg = bottom;
			} else {
				ch = ' ';
				fg = COLOUR_NONE;
			}
			if (k->mark)
				grid_put_colour(g, c->x + cx, c->y + cy, ch, st, fg, bg);
			else /* braille, blocks and ASCII */
				put_narrow(g, c->x + cx, c->y + cy, ch, st, fg, bg);
		}
	}
}

void canvas_polyline(Canvas *c, const double *x, const double *y, size_t n, Colour colour)
{
	/* In ASCII a character shows a direction, not a pixel: points closer than a cell
	 * to the last one drawn are merged, so tiny steps do not scatter '|' and '_'. */
	int merge = c->mode == CANVAS_ASCII ? 2 : 1;
	int px = 0, py = 0, qx = 0, qy = 0, nx = 0, ny = 0;
	bool prev = false, joined = false, ok, next;
	size_t i;

	if (!y || !n)
		return;
	next = canvas_map(c, x ? x[0] : 0, y[0], &nx, &ny);
	for (i = 0; i < n; i++) {
		bool last;
		ok = next;
		qx = nx;
		qy = ny;
		next =
		    i + 1 < n && canvas_map(c, x ? x[i + 1] : (double)(i + 1), y[i + 1], &nx, &ny);
		last = !next;
		if (ok && prev) {
			if (abs(qx - px) < merge && abs(qy - py) < merge && !last)
				continue; /* too close: wait for a point further on */
			line(c, px, py, qx, qy, colour, joined);
			joined = true;
		} else if (ok && last) {
			canvas_set(c, qx, qy, colour); /* a lone point */
		} else {
			joined = false;
		}
		px = qx;
		py = qy;
		prev = ok;
	}
}
