/* button.c: a button that acts on another widget when Enter or Space presses it:
 * run, step, reset, play or pause an animated widget, check (Enter on the target),
 * or move the focus on (next). Must not own the loop or write files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"
#include "widgets/core/target.h"

typedef enum {
	BUTTON_RUN,
	BUTTON_STEP,
	BUTTON_RESET,
	BUTTON_PLAY,
	BUTTON_PAUSE,
	BUTTON_CHECK,
	BUTTON_NEXT
} ButtonAction;

static const char *const action_names[] = {"run",   "step",  "reset", "play",
					   "pause", "check", "next"};

typedef struct {
	ButtonAction action;
	int presses;
} Button;

static int button_init(Instance *in)
{
	Button *b = calloc(1, sizeof *b);
	const char *a = widget_str(in, "action", "next");
	size_t i;

	if (!b)
		return -1;
	b->action = BUTTON_NEXT;
	for (i = 0; i < sizeof action_names / sizeof *action_names; i++)
		if (strcmp(a, action_names[i]) == 0)
			b->action = (ButtonAction)i;
	in->state = b;
	return 0;
}

static void button_free(Instance *in)
{
	free(in->state);
}

static int button_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 1;
}

/* What the target shows after a press: "▶ 2/4" or "❚❚ 2/4" for an animation. */
static void target_note(const Instance *in, char *buf, size_t size, Caps caps)
{
	AnimState st;

	buf[0] = '\0';
	if (!anim_get(target_find(in, "target", true), &st))
		return;
	if (st.steps > 0)
		snprintf(buf, size, "%s %d/%d",
			 st.playing ? (caps.unicode ? "▶" : ">") : (caps.unicode ? "❚❚" : "||"),
			 st.step, st.steps);
	else
		snprintf(buf, size, "%s %d",
			 st.playing ? (caps.unicode ? "▶" : ">") : (caps.unicode ? "❚❚" : "||"),
			 st.step);
}

/* "[ Fire ]  ▶ 2/4": the label in brackets, reversed when focused. */
static void button_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			int *cy)
{
	const char *label = widget_str(in, "label", in->id);
	Style st = focused ? STYLE_FOCUS : STYLE_BOLD;
	char note[64];
	int x = r.x;

	x += grid_str(g, x, r.y, "[ ", st);
	x += grid_text(g, x, r.y, label, strlen(label), r.w - 4, st);
	x += grid_str(g, x, r.y, " ]", st);
	if (focused) {
		*cx = r.x + 2;
		*cy = r.y;
	}
	target_note(in, note, sizeof note, caps);
	if (note[0])
		grid_str(g, x + 2, r.y, note, STYLE_DIM);
	else if (((const Button *)in->state)->action != BUTTON_NEXT &&
		 !target_find(in, "target", true))
		grid_str(g, x + 2, r.y, _("(nothing to act on)"), STYLE_DIM);
}

static const Key enter_key = {K_ENTER, 0, 0, MOUSE_PRESS, 0, 0, 0};

/* Gives Enter to the target (not to another button: two could press each other). */
static unsigned press_target(Instance *t)
{
	unsigned r;

	if (!t || !t->ops->key || t->kind == &button_kind)
		return 0;
	r = t->ops->key(t, &enter_key);
	if (r & WIDGET_DONE)
		t->done = true;
	return r & (WIDGET_REDRAW | WIDGET_DONE);
}

/* Presses the button: returns the WIDGET_* bits for the player. */
static unsigned button_press(Instance *in)
{
	Button *b = in->state;
	Instance *t = target_find(in, "target", true);

	b->presses++;
	switch (b->action) {
	case BUTTON_RUN:
		if (anim_can(t)) {
			anim_send(t, ANIM_REPLAY, 0);
			return WIDGET_REDRAW;
		}
		return press_target(t) | WIDGET_REDRAW;
	case BUTTON_STEP:
		anim_send(t, ANIM_STEP, 0);
		break;
	case BUTTON_RESET:
		anim_send(t, ANIM_REPLAY, 0);
		anim_send(t, ANIM_PAUSE, 0);
		break;
	case BUTTON_PLAY:
		anim_send(t, ANIM_PLAY, 0);
		break;
	case BUTTON_PAUSE:
		anim_send(t, ANIM_PAUSE, 0);
		break;
	case BUTTON_CHECK:
		return press_target(t) | WIDGET_REDRAW;
	case BUTTON_NEXT:
		return WIDGET_NEXT;
	}
	return WIDGET_REDRAW;
}

static unsigned button_key(Instance *in, const Key *k)
{
	if (k->code != K_ENTER && !key_is_char(k, ' '))
		return WIDGET_IGNORED;
	return WIDGET_HANDLED | button_press(in);
}

/* How many times it was pressed (a readout or game may count them). */
static bool button_value(const Instance *in, double *out)
{
	*out = ((const Button *)in->state)->presses;
	return true;
}

static const WidgetOps button_ops = {
	.init = button_init,
	.free = button_free,
	.height = button_height,
	.draw = button_draw,
	.key = button_key,
	.value = button_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "label", .type = PARAM_STRING, .required = true,
     .help = N_("the button's text")},
    {.name = "action", .type = PARAM_CHOICE, .required = true,
     .choices = "run|step|reset|play|pause|check|next",
     .help = N_("what pressing it does")},
    {.name = "target", .type = PARAM_REF,
     .help = N_("the widget it acts on (default: the one before it)")},
};

static const OutputSpec outputs[] = {
    {"presses", DATA_SCALAR, N_("how many times it was pressed")},
};

static const KindKey keys[] = {
    {"Space Enter", N_("press it")},
};

const WidgetKind button_kind = {
    .schema = {.name = "button",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("a button that runs, steps or resets"),
               .example = "id=fire label=\"Fire\" action=run target=net"},
    KIND_LIST(keys, keys),
    .ops = &button_ops,
};
