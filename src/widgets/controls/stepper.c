/* stepper.c: named stages shown one at a time, for proofs and worked examples: Right
 * or Space goes on, Left goes back, Home/End jump; "2/5" and the row of stages with
 * the current one in brackets, and its description ("Name: what happens") below. A
 * target= widget follows the stage through its animation commands, and an animation
 * controller may play the stepper itself. Must not own the loop or write files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/core/steps.h"

enum { STEPPER_MAX_LINES = 16 };

typedef struct {
	int n;            /* stages */
	Steps at;         /* the one shown, from 0; played by an animation controller */
	bool busy;        /* driving the target: a target that drives back is ignored */
} Stepper;

static const char *stage(const Instance *in, int i)
{
	const char *s = widget_word(in, "steps", (size_t)i);
	return s ? s : "";
}

/* The bytes of stage i's name: up to ": " when it has a description. */
static size_t name_len(const char *s)
{
	const char *colon = strstr(s, ": ");
	return colon ? (size_t)(colon - s) : strlen(s);
}

/* Stage i's description after "Name: ", or NULL. */
static const char *describe(const char *s)
{
	const char *colon = strstr(s, ": ");
	return colon ? colon + 2 : NULL;
}

static int name_width(const char *s)
{
	return utf8_width(s, name_len(s));
}

/* Makes the target show stage cur: back to its start, paused, then cur steps on. */
static void sync_target(Instance *in, Instance *t)
{
	const Stepper *s = in->state;
	int i;

	if (!anim_can(t))
		return;
	anim_send(t, ANIM_REPLAY, 0);
	anim_send(t, ANIM_PAUSE, 0);
	for (i = 0; i < s->at.pos; i++)
		anim_send(t, ANIM_STEP, 0);
}

static int stepper_init(Instance *in)
{
	Stepper *s = calloc(1, sizeof *s);
	Instance *t;

	if (!s)
		return -1;
	s->n = (int)widget_nwords(in, "steps");
	if (s->n < 1)
		s->n = 1;
	steps_init(&s->at, (int)widget_num(in, "start", 1) - 1);
	if (s->at.pos >= s->n)
		s->at.pos = 0;
	in->state = s;
	t = target_find(in, "target", false);
	if (s->at.pos > 0 && target_before(in, t)) {
		s->busy = true;
		sync_target(in, t);
		s->busy = false;
	}
	return 0;
}

static void stepper_free(Instance *in)
{
	free(in->state);
}

/* The rows of the longest description at width w (0 when no stage has one). */
static int desc_rows(const Instance *in, int w)
{
	const Stepper *s = in->state;
	int i, most = 0;

	for (i = 0; i < s->n; i++) {
		const char *d = describe(stage(in, i));
		int k = d ? wrap_text(d, strlen(d), w, NULL, 0) : 0;
		if (k > most)
			most = k;
	}
	return most < STEPPER_MAX_LINES ? most : STEPPER_MAX_LINES;
}

static int stepper_height(const Instance *in, int width)
{
	return 1 + desc_rows(in, width);
}

/* The first stage to show so that the current one fits in room columns (each stage
 * takes its name and two brackets or blanks, plus one separator). */
static int first_shown(const Instance *in, int room, int ell)
{
	const Stepper *s = in->state;
	int first, i, w;

	for (first = 0; first < s->at.pos; first++) {
		for (w = first > 0 ? ell : 0, i = first; i <= s->at.pos; i++)
			w += name_width(stage(in, i)) + 2 + (i > first);
		if (w + (s->at.pos < s->n - 1 ? ell + 1 : 0) <= room)
			break;
	}
	return first;
}

/* "2/4  Embed ›[Attention]› FFN › Head", then the description of Attention. */
static void stepper_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			 int *cy)
{
	const Stepper *s = in->state;
	char count[32];
	const char *ell = caps.unicode ? "…" : "..", *sep = caps.unicode ? "›" : ">", *d;
	int ew = caps.unicode ? 1 : 2, x, end = r.x + r.w, i, first;
	WrapLine lines[STEPPER_MAX_LINES];

	snprintf(count, sizeof count, "%d/%d", s->at.pos + 1, s->n);
	x = r.x + grid_str(g, r.x, r.y, count, focused ? STYLE_BOLD : STYLE_NORMAL) + 2;
	first = first_shown(in, end - x, ew);
	if (first > 0)
		x += grid_str(g, x, r.y, ell, STYLE_DIM);
	for (i = first; i < s->n; i++) {
		const char *st = stage(in, i);
		int w = name_width(st) + 2;
		bool last = i == s->n - 1, on = i == s->at.pos;
		Style style = on ? (focused ? STYLE_FOCUS : STYLE_ACCENT) : i < s->at.pos ? STYLE_NORMAL
										      : STYLE_DIM;
		if (i > first)
			x += grid_str(g, x, r.y, sep, STYLE_DIM);
		if (x + w + (last ? 0 : 1 + ew) > end && !on) {
			grid_str(g, x, r.y, ell, STYLE_DIM);
			break;
		}
		grid_put(g, x, r.y, on ? '[' : ' ', style);
		grid_text(g, x + 1, r.y, st, name_len(st), end - x - 2, style);
		grid_put(g, x + w - 1, r.y, on ? ']' : ' ', style);
		if (on && focused) {
			*cx = x + 1;
			*cy = r.y;
		}
		x += w;
	}
	d = describe(stage(in, s->at.pos));
	if (d && r.h > 1) {
		int k, n = wrap_text(d, strlen(d), r.w, lines, STEPPER_MAX_LINES);
		for (k = 0; k < n && k < STEPPER_MAX_LINES && k + 1 < r.h; k++)
			grid_text(g, r.x, r.y + 1 + k, d + lines[k].start, lines[k].len, r.w,
				  STYLE_NORMAL);
	}
}

/* After the stage moved: the target follows, the whole way from its start, not one
 * step (a controller or a button may have moved it since). */
static void follow(Instance *in)
{
	Stepper *s = in->state;

	s->busy = true;
	sync_target(in, target_find(in, "target", false));
	s->busy = false;
}

static unsigned stepper_key(Instance *in, const Key *k)
{
	Stepper *s = in->state;
	int to = steps_key_target(&s->at, s->n, k, true);
	unsigned r;

	if (to < 0 || s->busy)
		return WIDGET_IGNORED;
	/* At either end the key goes back to the player (Space then pages on). */
	r = steps_key_go(&s->at, s->n, to, &in->animating);
	if (r != WIDGET_IGNORED)
		follow(in);
	return r;
}

static bool stepper_tick(Instance *in, double dt)
{
	Stepper *s = in->state;
	bool moved = !s->busy && steps_tick(&s->at, s->n, dt, &in->animating);

	if (moved)
		follow(in);
	return moved;
}

static void stepper_animate(Instance *in, AnimCommand cmd, double arg)
{
	Stepper *s = in->state;

	if (!s->busy && steps_command(&s->at, s->n, cmd, arg, &in->animating))
		follow(in);
}

static void stepper_anim_state(const Instance *in, AnimState *st)
{
	steps_state(&((const Stepper *)in->state)->at, ((const Stepper *)in->state)->n, st);
}

/* The stage shown, from 1. */
static bool stepper_value(const Instance *in, double *out)
{
	*out = ((const Stepper *)in->state)->at.pos + 1;
	return true;
}

/* The stage is kept only when no other widget follows it (that one starts afresh). */
static void stepper_save(const Instance *in, const Store *st)
{
	char buf[16];

	if (widget_str(in, "target", NULL))
		return;
	snprintf(buf, sizeof buf, "%d", ((const Stepper *)in->state)->at.pos + 1);
	st->set(st->ctx, "stage", buf);
}

static void stepper_restore(Instance *in, const Store *st)
{
	Stepper *s = in->state;
	const char *v = st->get(st->ctx, "stage");
	char *end;
	long k;

	if (!v || widget_str(in, "target", NULL))
		return;
	k = strtol(v, &end, 10);
	if (*end == '\0' && end != v && k >= 1 && k <= s->n)
		s->at.pos = (int)k - 1;
}

static const WidgetOps stepper_ops = {
	.init = stepper_init,
	.free = stepper_free,
	.height = stepper_height,
	.draw = stepper_draw,
	.key = stepper_key,
	.tick = stepper_tick,
	.save = stepper_save,
	.restore = stepper_restore,
	.value = stepper_value,
	.animate = stepper_animate,
	.anim_state = stepper_anim_state,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "steps", .type = PARAM_WORDS, .nmin = 2, .nmax = 64, .required = true,
     .help = N_("the stages, in order")},
    {.name = "start", .type = PARAM_INT, .min = 1, .max = 64, .def = "1",
     .help = N_("the stage shown first")},
    {.name = "target", .type = PARAM_REF,
     .help = N_("a widget that follows the current stage")},
};

static const OutputSpec outputs[] = {
    {"stage", DATA_SCALAR, N_("the stage shown, from 1")},
};

static const KindKey keys[] = {
    {"Space Right", N_("the next stage")},
    {"Left", N_("the stage before")},
    {"Home End", N_("the first or last stage")},
};

const WidgetKind stepper_kind = {
    .schema = {.name = "stepper",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("named stages, one at a time"),
               .example = "id=stages steps=Embed,Attention,FFN,Head target=net"},
    KIND_LIST(keys, keys),
    .ops = &stepper_ops,
};
