/* readout.c: a live number read from another widget ("Output y  0.668").
 * Must not own the loop or write files; not focusable (no key function). */
#include <config.h>

#include <math.h>
#include <stdio.h>

#include "widgets/controls/controls.h"

static int readout_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 1;
}

static void readout_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			 int *cy)
{
	double v;
	char num[64];
	int x, digits = (int)widget_num(in, "digits", 3);
	const char *unit = widget_str(in, "unit", NULL);

	(void)caps;
	(void)cx;
	(void)cy;
	if (digits < 0 || digits > 10)
		digits = 3;
	x = r.x + control_label(g, r, widget_str(in, "label", in->id), focused);
	if (scene_value(in->scene, widget_str(in, "of", NULL), &v) && isfinite(v))
		snprintf(num, sizeof num, "%.*f%s%s", digits, v, unit ? " " : "", unit ? unit : "");
	else
		snprintf(num, sizeof num, "%s", "?");
	grid_str(g, x, r.y, num, STYLE_ACCENT);
}

static bool readout_value(const Instance *in, double *out)
{
	return scene_value(in->scene, widget_str(in, "of", NULL), out);
}

const WidgetOps readout_ops = {
	.height = readout_height,
	.draw = readout_draw,
	.value = readout_value,
};
