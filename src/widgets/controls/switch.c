/* switch.c: an on/off switch: Space or Enter toggles it, Left turns it off and Right
 * on; its value is 1 or 0. Must not own the loop or write files. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"
#include "widgets/core/target.h"

typedef struct {
	bool on;
} Switch;

static int switch_init(Instance *in)
{
	Switch *s = calloc(1, sizeof *s);

	if (!s)
		return -1;
	s->on = widget_bool(in, "value", false);
	in->state = s;
	return 0;
}

static void switch_free(Instance *in)
{
	free(in->state);
}

static int switch_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 1;
}

/* The word for a position: the lesson's, or the translated default. */
static const char *switch_word(const Instance *in, bool on)
{
	const char *key = on ? "on" : "off";

	if (in->block->kind == BLOCK_WIDGET && widget_param(&in->block->widget, key))
		return widget_str(in, key, key);
	return on ? _("on") : _("off");
}

/* "Input x1  (━━●) on" or "Input x1  (●──) off"; ASCII "[==O] on", "[O--] off". */
static void switch_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			int *cy)
{
	const Switch *s = in->state;
	int x = r.x + control_label(g, r, widget_str(in, "label", in->id), focused);
	int knob = s->on ? 3 : 1, i;
	Style track = s->on ? STYLE_ACCENT : STYLE_DIM;

	grid_put(g, x, r.y, caps.unicode ? '(' : '[', STYLE_DIM);
	for (i = 1; i <= 3; i++) {
		if (i == knob)
			grid_str(g, x + i, r.y, caps.unicode ? "●" : "O",
				 focused ? STYLE_FOCUS : s->on ? STYLE_ACCENT : STYLE_NORMAL);
		else
			grid_str(g, x + i, r.y,
				 caps.unicode ? (s->on ? "━" : "─") : (s->on ? "=" : "-"), track);
	}
	grid_put(g, x + 4, r.y, caps.unicode ? ')' : ']', STYLE_DIM);
	grid_text(g, x + 6, r.y, switch_word(in, s->on), strlen(switch_word(in, s->on)),
		  r.w - (x + 6 - r.x), s->on ? STYLE_BOLD : STYLE_DIM);
	if (focused) {
		*cx = x + knob;
		*cy = r.y;
	}
}

static unsigned switch_key(Instance *in, const Key *k)
{
	Switch *s = in->state;
	bool old = s->on;

	if (k->code == K_ENTER || key_is_char(k, ' '))
		s->on = !s->on;
	else if (k->code == K_LEFT)
		s->on = false;
	else if (k->code == K_RIGHT)
		s->on = true;
	else
		return WIDGET_IGNORED;
	return WIDGET_HANDLED | (s->on != old ? WIDGET_REDRAW : 0);
}

static bool switch_value(const Instance *in, double *out)
{
	*out = ((const Switch *)in->state)->on ? 1 : 0;
	return true;
}

static void switch_save(const Instance *in, const Store *st)
{
	st->set(st->ctx, "value", ((const Switch *)in->state)->on ? "1" : "0");
}

static void switch_restore(Instance *in, const Store *st)
{
	const char *v = st->get(st->ctx, "value");

	if (v && (!strcmp(v, "1") || !strcmp(v, "0")))
		((Switch *)in->state)->on = v[0] == '1';
}

static const WidgetOps switch_ops = {
	.init = switch_init,
	.free = switch_free,
	.height = switch_height,
	.draw = switch_draw,
	.key = switch_key,
	.save = switch_save,
	.restore = switch_restore,
	.value = switch_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "label", .type = PARAM_STRING, .required = true,
     .help = N_("what the switch turns on")},
    {.name = "value", .type = PARAM_BOOL, .def = "off",
     .help = N_("the starting position")},
    {.name = "on", .type = PARAM_STRING, .def = "on", .help = N_("the word shown when on")},
    {.name = "off", .type = PARAM_STRING, .def = "off",
     .help = N_("the word shown when off")},
};

static const OutputSpec outputs[] = {
    {"value", DATA_SCALAR, N_("1 when on, 0 when off")},
};

static const KindKey keys[] = {
    {"Space Enter", N_("turn on or off")},
    {"Left Right", N_("off, on")},
};

const WidgetKind switch_kind = {
    .schema = {.name = "switch",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("an on/off switch"),
               .example = "id=x1 label=\"Input x1\" value=on"},
    KIND_LIST(keys, keys),
    .ops = &switch_ops,
};
