/* slider.c: a number the learner sets between two bounds: Left/Right (or h/l) by a
 * step, Shift or PgUp/PgDn by ten steps, Home/End to the ends, digits to type a value.
 * Must not own the loop or write files; other widgets read its value. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"

typedef struct {
	double lo, hi, step, value;
	int digits;
	char typed[32]; /* a value being typed, or "" */
} Slider;

static int slider_init(Instance *in)
{
	Slider *s = calloc(1, sizeof *s);

	if (!s)
		return -1;
	if (!widget_range(in, "range", &s->lo, &s->hi) || !(s->lo < s->hi))
		s->lo = 0, s->hi = 1;
	s->step = widget_num(in, "step", (s->hi - s->lo) / 100);
	if (!(s->step > 0))
		s->step = (s->hi - s->lo) / 100;
	s->value = widget_num(in, "value", (s->lo + s->hi) / 2);
	s->digits = (int)widget_num(in, "digits", 2);
	if (s->digits < 0 || s->digits > 10)
		s->digits = 2;
	s->value = control_clamp(s->value, s->lo, s->hi);
	in->state = s;
	return 0;
}

static void slider_free(Instance *in)
{
	free(in->state);
}

static int slider_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 1;
}

/* "Label  [━━━━━━━●──────]  0.60" in one row; ASCII "[======o-------]". */
static void slider_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			int *cy)
{
	const Slider *s = in->state;
	char num[40];
	int x = r.x, track, pos, i;
	const char *label = widget_str(in, "label", in->id);

	if (s->typed[0])
		snprintf(num, sizeof num, "%s_", s->typed);
	else
		snprintf(num, sizeof num, "%.*f", s->digits, s->value);
	x += control_label(g, r, label, focused);
	track = r.w - (x - r.x) - 2 - 10;
	if (track < 3)
		track = 3;
	grid_put(g, x++, r.y, '[', STYLE_DIM);
	pos = (int)lround((s->value - s->lo) / (s->hi - s->lo) * (track - 1));
	for (i = 0; i < track; i++) {
		const char *glyph = i == pos ? (caps.unicode ? "●" : "o")
				    : i < pos ? (caps.unicode ? "━" : "=") : (caps.unicode ? "─" : "-");
		grid_str(g, x + i, r.y, glyph,
			 i == pos ? (focused ? STYLE_FOCUS : STYLE_ACCENT)
			 : i < pos ? STYLE_ACCENT : STYLE_DIM);
	}
	grid_put(g, x + track, r.y, ']', STYLE_DIM);
	grid_str(g, x + track + 2, r.y, num, focused ? STYLE_BOLD : STYLE_NORMAL);
	if (focused) {
		*cx = x + pos;
		*cy = r.y;
	}
}

static unsigned slider_key(Instance *in, const Key *k)
{
	Slider *s = in->state;
	double old = s->value;
	size_t n = strlen(s->typed);
	bool coarse = (k->mods & KEYMOD_SHIFT) != 0;

	/* Typing a value: digits, '-', '.', then Enter (Esc or Backspace to edit). */
	if (k->code == K_CHAR && !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT)) &&
	    (strchr("0123456789.", (int)k->ch) || (k->ch == '-' && n == 0)) && k->ch < 128) {
		if (n + 1 < sizeof s->typed) {
			s->typed[n] = (char)k->ch;
			s->typed[n + 1] = '\0';
		}
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (n && (k->code == K_BACKSPACE || k->code == K_ESC)) {
		if (k->code == K_ESC)
			s->typed[0] = '\0';
		else
			s->typed[n - 1] = '\0';
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (n && k->code == K_ENTER) {
		char *end;
		double v = strtod(s->typed, &end);
		s->typed[0] = '\0';
		if (*end == '\0' && isfinite(v))
			s->value = control_clamp(v, s->lo, s->hi);
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_LEFT || key_is_char(k, 'h'))
		s->value -= coarse ? 10 * s->step : s->step;
	else if (k->code == K_RIGHT || key_is_char(k, 'l'))
		s->value += coarse ? 10 * s->step : s->step;
	else if (k->code == K_PGDN)
		s->value -= 10 * s->step;
	else if (k->code == K_PGUP)
		s->value += 10 * s->step;
	else if (k->code == K_HOME)
		s->value = s->lo;
	else if (k->code == K_END)
		s->value = s->hi;
	else
		return WIDGET_IGNORED;
	/* Stay on the grid of steps from the low end, so 0.1 steps never drift. */
	s->value = control_clamp(control_snap(s->value, s->lo, s->step), s->lo, s->hi);
	return WIDGET_HANDLED | (s->value != old ? WIDGET_REDRAW : 0);
}

static bool slider_value(const Instance *in, double *out)
{
	*out = ((const Slider *)in->state)->value;
	return true;
}

static void slider_save(const Instance *in, const Store *st)
{
	char buf[32];
	str_double(buf, sizeof buf, ((const Slider *)in->state)->value);
	st->set(st->ctx, "value", buf);
}

static void slider_restore(Instance *in, const Store *st)
{
	Slider *s = in->state;
	const char *v = st->get(st->ctx, "value");
	char *end;
	double d;

	if (!v)
		return;
	d = strtod(v, &end);
	if (*end == '\0' && isfinite(d))
		s->value = control_clamp(d, s->lo, s->hi);
}

static const WidgetOps slider_ops = {
	.init = slider_init,
	.free = slider_free,
	.height = slider_height,
	.draw = slider_draw,
	.key = slider_key,
	.save = slider_save,
	.restore = slider_restore,
	.value = slider_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "label", .type = PARAM_STRING, .required = true,
     .help = N_("what the slider sets")},
    {.name = "range", .type = PARAM_RANGE, .min = -1e6, .max = 1e6, .required = true,
     .help = N_("the lowest and highest value")},
    {.name = "value", .type = PARAM_NUMBER, .min = -1e6, .max = 1e6,
     .help = N_("the starting value (default: the middle of the range)")},
    {.name = "step", .type = PARAM_NUMBER, .min = 1e-9, .max = 1e6,
     .help = N_("how far one key press moves it (default: a hundredth of the range)")},
    {.name = "digits", .type = PARAM_INT, .min = 0, .max = 10, .def = "2",
     .help = N_("decimals shown")},
};

static const OutputSpec outputs[] = {
    {"value", DATA_SCALAR, N_("the number set")},
};

static const KindKey keys[] = {
    {"Left Right h l", N_("move by a step")},
    {"PgUp PgDn", N_("move by ten steps")},
    {"Home End", N_("go to an end")},
    {"0-9 . - Enter Backspace Esc", N_("type a value: Enter sets it, Esc drops it")},
};

const WidgetKind slider_kind = {
    .schema = {.name = "slider",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a number the learner sets"),
               .example = "id=z label=\"Input z\" range=-6..6 value=0 step=0.5"},
    KIND_LIST(keys, keys),
    .ops = &slider_ops,
};
