/* readout.c: a live number read from another widget ("Output y  0.668").
 * Must not own the loop or write files; not focusable (no key function). */
#include <config.h>

#include <math.h>
#include <stdio.h>

#include "nls.h"
#include "widgets/core/registry.h"
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

static const WidgetOps readout_ops = {
	.height = readout_height,
	.draw = readout_draw,
	.value = readout_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "label", .type = PARAM_STRING, .required = true, .help = N_("the name shown")},
    {.name = "of", .type = PARAM_REF, .required = true, .accepts = DATA_SCALAR,
     .help = N_("the widget whose value it shows")},
    {.name = "digits", .type = PARAM_INT, .min = 0, .max = 10, .def = "3",
     .help = N_("decimals shown")},
    {.name = "unit", .type = PARAM_STRING, .help = N_("a unit after the number")},
};

static const OutputSpec outputs[] = {
    {"value", DATA_SCALAR, N_("the number it shows")},
};

const WidgetKind readout_kind = {
    .schema = {.name = "readout",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a live number from another widget"),
               .example = "id=out label=\"Output\" of=cell digits=3"},
    .ops = &readout_ops,
};
