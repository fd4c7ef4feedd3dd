/* heat.c: matrices for the views: the matrix shown, the scale, its levels, glyphs,
 * colours, legend and a window's outline. Must not keep state or read keys. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "base/utf8.h"
#include "widgets/core/heat.h"
#include "widgets/core/visual.h"

bool heat_matrix(const Instance *in, const char *key, const double *lit, size_t rows,
		 size_t cols, HeatMatrix *m)
{
	Data d;

	memset(m, 0, sizeof *m);
	if (lit) {
		m->rows = rows;
		m->cols = cols;
		m->v = lit;
		return rows && cols;
	}
	if (!scene_data(in, key, &d) || !d.v || !d.rows || !d.cols)
		return false;
	m->rows = d.rows;
	m->cols = d.cols;
	m->v = d.v;
	m->version = d.version;
	return true;
}

void heat_scale(HeatScale *s, const double *v, size_t n, const double *lo, const double *hi)
{
	size_t i;
	bool any = false;

	s->lo = 0;
	s->hi = 1;
	if (lo && hi && *lo < *hi && isfinite(*lo) && isfinite(*hi)) {
		s->lo = *lo;
		s->hi = *hi;
	} else {
		for (i = 0; i < n; i++) {
			if (!isfinite(v[i]))
				continue;
			if (!any || v[i] < s->lo)
				s->lo = v[i];
			if (!any || v[i] > s->hi)
				s->hi = v[i];
			any = true;
		}
		if (!(s->hi > s->lo)) { /* empty or flat at c: from zero to c, or 0..1 */
			double c = any ? s->lo : 0;
			s->lo = c < 0 ? c : 0;
			s->hi = c > 0 ? c : c < 0 ? 0 : 1;
		}
	}
	s->diverging = s->lo < 0 && s->hi > 0;
	s->span = s->diverging ? fmax(-s->lo, s->hi) : s->hi - s->lo;
}

int heat_level(const HeatScale *s, double v)
{
	double f;
	int k;

	if (isnan(v))
		return 0;
	f = s->diverging ? fabs(v) / s->span : (v - s->lo) / (s->hi - s->lo);
	if (!(f > 0.5 / HEAT_LEVELS / 2)) /* the bottom eighth (and below) */
		return 0;
	k = f >= 1 ? HEAT_LEVELS : (int)ceil(f * HEAT_LEVELS - 1e-9);
	if (k < 1)
		k = 1;
	return s->diverging && v < 0 ? -k : k;
}

const char *heat_glyph(int level, Caps caps)
{
	static const char *const up[2][HEAT_LEVELS + 1] = {{".", ":", "+", "*", "#"},
							   {"·", "░", "▒", "▓", "█"}};
	static const char *const down[2][HEAT_LEVELS] = {{"-", "~", "=", "%"},
							 {"─", "═", "≡", "▬"}};

	if (level > HEAT_LEVELS)
		level = HEAT_LEVELS;
	if (level < -HEAT_LEVELS)
		level = -HEAT_LEVELS;
	return level >= 0 ? up[caps.unicode][level] : down[caps.unicode][-level - 1];
}

Colour heat_colour(const HeatScale *s, double v)
{
	if (isnan(v))
		return COLOUR_NONE;
	return colour_ramp(s->diverging ? v / s->span : (v - s->lo) / (s->hi - s->lo));
}

/* Measures or writes s at (x, y); returns its width. */
static int put(Grid *g, int x, int y, const char *s, Style st, Colour c)
{
	uint32_t cp = '?';

	if (!g)
		return utf8_width(s, strlen(s));
	if (c == COLOUR_NONE)
		return grid_str(g, x, y, s, st);
	utf8_decode(&cp, s, strlen(s));
	return grid_put_colour(g, x, y, cp, st, c, COLOUR_NONE);
}

int heat_legend(Grid *g, int x, int y, const HeatScale *s, int digits, Caps caps)
{
	char num[48];
	int x0 = x, k;

	visual_num(num, sizeof num, s->lo, digits);
	x += put(g, x, y, num, STYLE_DIM, COLOUR_NONE) + 1;
	for (k = s->diverging ? -HEAT_LEVELS : 0; k <= HEAT_LEVELS; k++) {
		double v = s->diverging ? s->span * k / HEAT_LEVELS
					: s->lo + (s->hi - s->lo) * k / HEAT_LEVELS;
		x += put(g, x, y, heat_glyph(k, caps), STYLE_NORMAL,
			 caps.colours ? heat_colour(s, v) : COLOUR_NONE);
	}
	visual_num(num, sizeof num, s->hi, digits);
	x += 1 + put(g, x + 1, y, num, STYLE_DIM, COLOUR_NONE);
	return x - x0;
}

void heat_outline(Grid *g, int lx, int rx, int y, int rows, Caps caps)
{
	static const char *const u[2][3] = {{"┌", "│", "└"}, {"┐", "│", "┘"}};
	int k, side;

	for (k = 0; k < rows; k++) {
		int part = k == 0 ? 0 : k == rows - 1 ? 2 : 1;
		for (side = 0; side < 2; side++) {
			const char *s = rows == 1 ? (side ? "]" : "[")
				      : caps.unicode ? u[side][part] : part == 1 ? "|" : "+";
			grid_str(g, side ? rx : lx, y + k, s, STYLE_ACCENT);
		}
	}
}
