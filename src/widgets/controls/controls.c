/* controls.c: helpers the control widgets share.
 * Must not own the loop or write files. */
#include <config.h>

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
