/* axes.c: tick selection, tick and value labels, and the axis lines beside a canvas.
 * Must not include curses; positions come from canvas_scale so ticks meet the data. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "draw/axes.h"
#include "draw/canvas.h"

/* The 1-2-5 step at or above raw. */
static double nice_step(double raw)
{
	double mag = pow(10, floor(log10(raw))), norm = raw / mag;

	if (norm <= 1 + 1e-9)
		return mag;
	if (norm <= 2 + 1e-9)
		return 2 * mag;
	if (norm <= 5 + 1e-9)
		return 5 * mag;
	return 10 * mag;
}

/* The next step up in the 1-2-5 sequence. */
static double next_step(double step)
{
	return nice_step(step * 1.5);
}

/* Linear ticks k * step for k in [k0, k1]. */
static void put_linear(Axis *a, double step, double k0, double k1)
{
	double k;

	a->n = 0;
	a->step = step;
	for (k = k0; k <= k1 + 0.5 && a->n < AXES_MAX_TICKS; k++) {
		double v = k * step;
		a->v[a->n++] = fabs(v) < step * 1e-9 ? 0 : v;
	}
}

static void linear_ticks(Axis *a, int max, unsigned extend)
{
	double span = a->hi - a->lo, step = nice_step(span / (max - 1));
	int guard;

	for (guard = 0; guard < 64; guard++) {
		double k0 = (extend & AXES_EXTEND_LO) ? floor(a->lo / step + 1e-9)
						      : ceil(a->lo / step - 1e-9);
		double k1 = (extend & AXES_EXTEND_HI) ? ceil(a->hi / step - 1e-9)
						      : floor(a->hi / step + 1e-9);
		if (k1 - k0 + 1 <= max || !isfinite(step)) {
			if (extend & AXES_EXTEND_LO)
				a->lo = k0 * step;
			if (extend & AXES_EXTEND_HI)
				a->hi = k1 * step;
			put_linear(a, step, k0, k1);
			return;
		}
		step = next_step(step);
	}
	a->n = 0;
}

static bool log_ticks(Axis *a, int max, unsigned extend)
{
	double d0 = log10(a->lo), d1 = log10(a->hi), k, k0, k1;
	int every = 1;

	if (extend & AXES_EXTEND_LO)
		d0 = floor(d0 + 1e-9);
	if (extend & AXES_EXTEND_HI)
		d1 = ceil(d1 - 1e-9);
	k0 = ceil(d0 - 1e-9);
	k1 = floor(d1 + 1e-9);
	if (k1 - k0 < 1)
		return false;
	while (floor((k1 - k0) / every) + 1 > max)
		every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
	if (extend & AXES_EXTEND_LO)
		a->lo = pow(10, d0);
	if (extend & AXES_EXTEND_HI)
		a->hi = pow(10, d1);
	a->n = 0;
	a->step = every;
	for (k = k0; k <= k1 + 0.5 && a->n < AXES_MAX_TICKS; k += every)
		a->v[a->n++] = pow(10, k);
	return true;
}

void axes_ticks(Axis *a, double lo, double hi, bool log, int max_ticks, unsigned extend)
{
	CanvasView v = {0, 1, lo, hi, log};
	bool decades;
	int i;

	memset(a, 0, sizeof *a);
	v = canvas_view_fix(v);
	a->lo = v.y0;
	a->hi = v.y1;
	a->log = log;
	if (max_ticks < 2)
		max_ticks = 2;
	if (max_ticks > AXES_MAX_TICKS)
		max_ticks = AXES_MAX_TICKS;
	decades = log && log_ticks(a, max_ticks, extend);
	if (!decades) /* linear, or a log range within one decade: linear ticks inside */
		linear_ticks(a, max_ticks, log ? 0 : extend);
	for (i = 0; i < a->n; i++) {
		/* Decade ticks are labelled each to its own precision (0.001, 0.01, ...). */
		int len =
		    axes_format(a->label[i], AXES_LABEL_MAX, a->v[i], decades ? a->v[i] : a->step);
		if (len > a->width)
			a->width = len;
	}
}

/* Removes a minus sign from a number that shows as zero ("-0", "-0.00"). */
static void no_negative_zero(char *s)
{
	const char *p;

	if (s[0] != '-')
		return;
	for (p = s + 1; *p && *p != 'e'; p++)
		if (*p != '0' && *p != '.')
			return;
	memmove(s, s + 1, strlen(s));
}

/* "1.50" -> "1.5", "2.00" -> "2" (only after a decimal point, before any exponent). */
static void trim_zeros(char *s)
{
	char *dot = strchr(s, '.'), *e, *end;

	if (!dot)
		return;
	e = strchr(dot, 'e');
	end = e ? e : dot + strlen(dot);
	while (end > dot + 1 && end[-1] == '0')
		end--;
	if (end == dot + 1)
		end--;
	memmove(end, e ? e : dot + strlen(dot), strlen(e ? e : dot + strlen(dot)) + 1);
}

/* "1e+05" -> "1e5", "2.5e-04" -> "2.5e-4". */
static void compact_exponent(char *s)
{
	char *e = strchr(s, 'e'), *d;

	if (!e)
		return;
	d = e + 1;
	if (*d == '+')
		memmove(d, d + 1, strlen(d));
	else if (*d == '-')
		d++;
	while (d[0] == '0' && d[1])
		memmove(d, d + 1, strlen(d));
}

static int finish(char *out, size_t size, char *buf)
{
	trim_zeros(buf);
	compact_exponent(buf);
	no_negative_zero(buf);
	snprintf(out, size, "%s", buf);
	return (int)strlen(out);
}

int axes_format(char *out, size_t size, double v, double step)
{
	char buf[64];
	double a = fabs(v);

	if (!size)
		return 0;
	if (!isfinite(v))
		snprintf(buf, sizeof buf, "%s", v != v ? "nan" : v < 0 ? "-inf" : "inf");
	else if (a == 0 || (step > 0 && a < step * 1e-6))
		snprintf(buf, sizeof buf, "0");
	else if (a >= 1e5 || a < 1e-3)
		snprintf(buf, sizeof buf, "%.2e", v);
	else if (step > 0) {
		int dec = (int)ceil(-log10(step) - 1e-9);
		snprintf(buf, sizeof buf, "%.*f", dec < 0 ? 0 : dec > 6 ? 6 : dec, v);
	} else
		snprintf(buf, sizeof buf, "%.3g", v);
	return finish(out, size, buf);
}

int axes_number(char *out, size_t size, double v, int digits)
{
	char buf[64];

	if (!size)
		return 0;
	if (!isfinite(v))
		snprintf(buf, sizeof buf, "%s", v != v ? "nan" : v < 0 ? "-inf" : "inf");
	else if (v != 0 && (fabs(v) >= 1e5 || fabs(v) < 1e-3))
		snprintf(buf, sizeof buf, "%.*e",
			 digits < 1    ? 0
			 : digits > 17 ? 16
				       : digits - 1,
			 v);
	else
		snprintf(buf, sizeof buf, "%.*g", digits < 1 ? 1 : digits > 17 ? 17 : digits, v);
	return finish(out, size, buf);
}

/* The cell where value v falls on an axis of `cells` cells of `sub` pixels. */
static int cell_at(const Axis *a, double v, int cells, int sub, bool vertical)
{
	double lo = a->log ? log10(a->lo) : a->lo, hi = a->log ? log10(a->hi) : a->hi;
	double p = canvas_scale(a->log ? log10(v) : v, vertical ? hi : lo, vertical ? lo : hi,
				cells * sub);
	int c = (int)floor(p + 0.5) / sub;

	return c < 0 ? 0 : c >= cells ? cells - 1 : c;
}

static void place(Axis *a, int cells, int sub, bool vertical)
{
	int i;

	for (i = 0; i < a->n; i++)
		a->at[i] = cell_at(a, a->v[i], cells, sub, vertical);
}

int axes_label_x(const Axis *a, int i, int x, int w)
{
	int len = (int)strlen(a->label[i]), s = x + a->at[i] - (len - 1) / 2;

	if (s + len > x + w)
		s = x + w - len;
	return s < x ? x : s;
}

/* Whether the labels fit: distinct rows with a blank between (vertical), or a blank
 * column between neighbours (horizontal). */
static bool fits(const Axis *a, bool vertical, int cells)
{
	int i;

	for (i = 1; i < a->n; i++) {
		if (vertical && a->at[i - 1] - a->at[i] < 2 && a->at[i] - a->at[i - 1] < 2)
			return false;
		if (!vertical && axes_label_x(a, i, 0, cells) < axes_label_x(a, i - 1, 0, cells) +
								    (int)strlen(a->label[i - 1]) +
								    1)
			return false;
	}
	return true;
}

void axes_fit(Axis *a, double lo, double hi, bool log, unsigned extend, bool vertical, int cells,
	      int sub)
{
	int max = vertical ? (cells + 1) / 2 : cells / 2 + 1;

	if (cells < 1)
		cells = 1;
	if (sub < 1)
		sub = 1;
	if (max > AXES_MAX_TICKS)
		max = AXES_MAX_TICKS;
	for (; max >= 2; max--) {
		axes_ticks(a, lo, hi, log, max, extend);
		place(a, cells, sub, vertical);
		if (fits(a, vertical, cells))
			return;
	}
	/* Not even two ticks fit: keep the range, show the ends only if they fit. */
	axes_ticks(a, lo, hi, log, 2, extend);
	place(a, cells, sub, vertical);
	while (a->n > 1 && !fits(a, vertical, cells))
		a->n--;
}

void axes_draw_y(Grid *g, int x, int y, int h, const Axis *a, Caps caps)
{
	int r, i;

	for (r = 0; r < h; r++)
		grid_put(g, x + a->width, y + r, caps.unicode ? 0x2502 : '|', STYLE_DIM);
	for (i = 0; i < a->n; i++) {
		int len = (int)strlen(a->label[i]);
		grid_str(g, x + a->width - len, y + a->at[i], a->label[i], STYLE_NORMAL);
		grid_put(g, x + a->width, y + a->at[i], caps.unicode ? 0x2524 : '+', STYLE_DIM);
	}
}

void axes_draw_x(Grid *g, int x, int y, int w, const Axis *a, Caps caps)
{
	int c, i;

	grid_put(g, x - 1, y, caps.unicode ? 0x2514 : '+', STYLE_DIM);
	for (c = 0; c < w; c++)
		grid_put(g, x + c, y, caps.unicode ? 0x2500 : '-', STYLE_DIM);
	for (i = 0; i < a->n; i++) {
		grid_put(g, x + a->at[i], y, caps.unicode ? 0x252C : '+', STYLE_DIM);
		grid_str(g, axes_label_x(a, i, x, w), y + 1, a->label[i], STYLE_NORMAL);
	}
}
