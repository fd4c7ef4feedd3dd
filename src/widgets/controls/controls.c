/* controls.c: helpers the control widgets share.
 * Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "base/utf8.h"
#include "widgets/controls/controls.h"

double control_clamp(double v, double lo, double hi)
{
	if (!(v >= lo))
		return lo;
	return v > hi ? hi : v;
}

int control_label(Grid *g, Rect r, const char *label, bool focused)
{
	int max = r.w / 3, used;

	if (max < 4)
		max = 4;
	used = grid_text(g, r.x, r.y, label, strlen(label), max, focused ? STYLE_BOLD : STYLE_NORMAL);
	return used + 2;
}

/* The decimals x is written with: the fewest d (up to 12) with x 10^d whole. */
static int decimals(double x)
{
	double m = fabs(x);
	int d;

	for (d = 0; d < 12; d++, m *= 10)
		if (fabs(m - round(m)) < 1e-9 * (m > 1 ? m : 1))
			break;
	return d;
}

double control_snap(double v, double lo, double step)
{
	int d = decimals(step) > decimals(lo) ? decimals(step) : decimals(lo);
	double scale = pow(10, d), x = lo + round((v - lo) / step) * step;

	return round(x * scale) / scale;
}
