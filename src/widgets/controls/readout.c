/* readout.c: a live number read from another widget ("Output y  0.668"), or the spread
 * an initializer gives a layer whose sizes two other widgets set (init= fans=, by
 * src/nn's init_spread: "Xavier bound  0.612").
 * Must not own the loop or write files; not focusable (no key function). */
#include <config.h>

#include <math.h>
#include <stdio.h>

#include "nls.h"
#include "nn/init.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"

static int readout_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 1;
}

/* The number it shows: of='s value, or init='s spread for the layer fans= sizes. */
static bool readout_value(const Instance *in, double *out)
{
	InitScheme s;
	Data in_n, out_n;

	if (!widget_str(in, "init", NULL))
		return scene_value(in->scene, widget_str(in, "of", NULL), out);
	if (init_from_name(&s, widget_str(in, "init", "xavier-uniform")) != 0 ||
	    !scene_data_at(in, "fans", 0, &in_n) || !scene_data_at(in, "fans", 1, &out_n) ||
	    !(in_n.scalar >= 1) || !(out_n.scalar >= 1))
		return false;
	*out = init_spread(s, 0, in_n.scalar, out_n.scalar);
	return true;
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
	if (readout_value(in, &v) && isfinite(v))
		snprintf(num, sizeof num, "%.*f%s%s", digits, v, unit ? " " : "", unit ? unit : "");
	else
		snprintf(num, sizeof num, "%s", "?");
	grid_str(g, x, r.y, num, STYLE_ACCENT);
}

static const WidgetOps readout_ops = {
	.height = readout_height,
	.draw = readout_draw,
	.value = readout_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "label", .type = PARAM_STRING, .required = true, .help = N_("the name shown")},
    {.name = "of", .type = PARAM_REF, .required = true, .unless = "init", .accepts = DATA_SCALAR,
     .help = N_("the widget whose value it shows")},
    {.name = "init", .type = PARAM_CHOICE, .needs = "fans",
     .choices = "uniform|normal|xavier-uniform|xavier-normal|he-uniform|he-normal",
     .help = N_("instead: the spread this initializer gives a layer's weights (the bound of "
                "a uniform start, the sigma of a normal one)")},
    {.name = "fans", .type = PARAM_REFS, .nmin = 2, .nmax = 2, .accepts = DATA_SCALAR,
     .needs = "init", .help = N_("the widgets that set the layer's inputs and outputs, for init")},
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
