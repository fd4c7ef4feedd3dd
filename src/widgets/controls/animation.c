/* animation.c: the controller of an animated widget (target=): Space plays and
 * pauses, Right or s steps, r replays, + and - change the speed; it shows the state
 * (▶ playing, ❚❚ paused), the step k/n and the speed. autoplay=yes starts playing at
 * once, loop=yes replays at the end. The target animates itself (the player ticks it
 * while it plays); the controller only watches it to loop. Must not own the loop. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"

/* The speeds + and - move between, in steps per second. */
static const double speeds[] = {0.1, 0.25, 0.5, 1, 2, 3, 5, 10};
#define NSPEEDS (sizeof speeds / sizeof *speeds)

typedef struct {
	double speed;
	bool loop;
	bool want;    /* the learner wants it playing (a loop replays then) */
	bool pending; /* the target comes later in the lesson: start it at the first tick */
	double hold;  /* seconds the last step has shown before a loop replays; -1: not there */
} Animation;

static Instance *target(const Instance *in)
{
	Instance *t = target_find(in, "target", true);
	return anim_can(t) ? t : NULL;
}

/* Gives the target the speed and, with autoplay, starts it. */
static void start(Instance *in, Instance *t)
{
	Animation *a = in->state;

	anim_send(t, ANIM_SPEED, a->speed);
	if (a->want)
		anim_send(t, ANIM_PLAY, 0);
	in->animating = a->want && a->loop;
}

static int animation_init(Instance *in)
{
	Animation *a = calloc(1, sizeof *a);
	Instance *t;

	if (!a)
		return -1;
	a->speed = widget_num(in, "speed", 1);
	if (!(a->speed >= 0.1 && a->speed <= 10))
		a->speed = 1;
	a->loop = widget_bool(in, "loop", false);
	a->want = widget_bool(in, "autoplay", false);
	a->hold = -1;
	in->state = a;
	t = target_find(in, "target", true);
	if (t && target_before(in, t)) {
		start(in, target(in));
	} else if (t) {
		/* Not initialised yet: the first tick starts it. */
		a->pending = true;
		in->animating = true;
	}
	return 0;
}

static void animation_free(Instance *in)
{
	free(in->state);
}

static int animation_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 2;
}

/* "▶ playing  step 3/5  ━━━━━━──────  speed 2/s", then the keys. */
static void animation_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			   int *cy)
{
	const Animation *a = in->state;
	Instance *t = target(in);
	AnimState st;
	char buf[64];
	int x = r.x, end = r.x + r.w, i, bar;
	static const struct {
		const char *key, *what;
	} keys[] = {{"Space", N_("play/pause")}, {"s", N_("step")}, {"r", N_("replay")},
		    {"+ -", N_("speed")}};

	if (!t || !anim_get(t, &st)) {
		const char *none = _("(nothing to play)");
		grid_text(g, r.x, r.y, none, strlen(none), r.w, STYLE_DIM);
		return;
	}
	x += grid_str(g, x, r.y,
		      st.playing ? (caps.unicode ? "▶" : ">") : (caps.unicode ? "❚❚" : "||"),
		      focused ? STYLE_FOCUS : STYLE_ACCENT);
	if (focused) {
		*cx = r.x;
		*cy = r.y;
	}
	x += 1;
	x += grid_str(g, x, r.y, st.playing ? _("playing") : _("paused"), STYLE_BOLD);
	x = x < r.x + 12 ? r.x + 12 : x + 2;
	if (st.steps > 0)
		snprintf(buf, sizeof buf, _("step %d/%d"), st.step, st.steps);
	else
		snprintf(buf, sizeof buf, _("step %d"), st.step);
	x += grid_str(g, x, r.y, buf, STYLE_NORMAL) + 2;
	snprintf(buf, sizeof buf, _("speed %g/s"), st.speed > 0 ? st.speed : a->speed);
	bar = end - x - (int)strlen(buf) - 2;
	if (bar > 20)
		bar = 20;
	if (st.steps > 0 && bar >= 5) {
		int done = st.step * bar / st.steps;
		for (i = 0; i < bar; i++)
			grid_str(g, x + i, r.y,
				 i < done ? (caps.unicode ? "━" : "=") : (caps.unicode ? "─" : "-"),
				 i < done ? STYLE_ACCENT : STYLE_DIM);
		x += bar + 2;
	}
	grid_str(g, x, r.y, buf, STYLE_NORMAL);
	if (a->loop && x + (int)strlen(buf) + 2 < end)
		grid_str(g, x + (int)strlen(buf) + 2, r.y, caps.unicode ? "↻" : "(loop)", STYLE_DIM);
	if (r.h < 2)
		return;
	for (x = r.x, i = 0; i < (int)(sizeof keys / sizeof *keys); i++) {
		const char *what = _(keys[i].what);
		if (x + (int)strlen(keys[i].key) + 1 + (int)strlen(what) > end)
			break;
		x += grid_str(g, x, r.y + 1, keys[i].key, STYLE_KEY) + 1;
		x += grid_str(g, x, r.y + 1, what, STYLE_DIM) + 2;
	}
}

/* The next speed up (dir 1) or down (-1) from now. */
static double next_speed(double now, int dir)
{
	size_t i;

	if (dir > 0) {
		for (i = 0; i < NSPEEDS; i++)
			if (speeds[i] > now + 1e-9)
				return speeds[i];
		return speeds[NSPEEDS - 1];
	}
	for (i = NSPEEDS; i-- > 0;)
		if (speeds[i] < now - 1e-9)
			return speeds[i];
	return speeds[0];
}

static unsigned animation_key(Instance *in, const Key *k)
{
	Animation *a = in->state;
	Instance *t = target(in);
	AnimState st;

	if (!t || !anim_get(t, &st))
		return WIDGET_IGNORED;
	a->pending = false;
	if (key_is_char(k, ' ') || k->code == K_ENTER) {
		a->want = !st.playing;
		if (st.playing)
			anim_send(t, ANIM_PAUSE, 0);
		else
			anim_send(t, anim_at_end(&st) ? ANIM_REPLAY : ANIM_PLAY, 0);
	} else if (k->code == K_RIGHT || key_is_char(k, 's')) {
		a->want = false;
		anim_send(t, ANIM_STEP, 0);
	} else if (key_is_char(k, 'r')) {
		a->want = true;
		anim_send(t, ANIM_REPLAY, 0);
	} else if (key_is_char(k, '+') || key_is_char(k, '=') || key_is_char(k, '-')) {
		a->speed = next_speed(st.speed > 0 ? st.speed : a->speed, key_is_char(k, '-') ? -1 : 1);
		anim_send(t, ANIM_SPEED, a->speed);
	} else {
		return WIDGET_IGNORED;
	}
	in->animating = a->want && a->loop;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

/* Starts a later target at the first frame; replays a looping one at its end. */
static bool animation_tick(Instance *in, double dt)
{
	Animation *a = in->state;
	Instance *t = target(in);
	AnimState st;

	if (!t) {
		in->animating = false;
		return false;
	}
	if (a->pending) {
		a->pending = false;
		start(in, t);
		return true;
	}
	anim_get(t, &st);
	if (a->want && a->loop && anim_at_end(&st)) {
		/* The last step shows as long as any other before it starts again: the
		 * time counts from the frame after the one that reached it. */
		if (a->hold < 0)
			a->hold = 0;
		else
			a->hold += dt;
		if (a->hold * (st.speed > 0 ? st.speed : a->speed) < 1 - 1e-9)
			return false;
		a->hold = -1;
		anim_send(t, ANIM_REPLAY, 0);
		return true;
	}
	a->hold = -1;
	if (!st.playing && !a->loop)
		a->want = false;
	in->animating = a->want && a->loop;
	return false;
}

static const WidgetOps animation_ops = {
	.init = animation_init,
	.free = animation_free,
	.height = animation_height,
	.draw = animation_draw,
	.key = animation_key,
	.tick = animation_tick,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "target", .type = PARAM_REF, .required = true,
     .help = N_("the widget it plays")},
    {.name = "speed", .type = PARAM_NUMBER, .min = 0.1, .max = 10, .def = "1",
     .help = N_("steps per second")},
    {.name = "loop", .type = PARAM_BOOL, .def = "no", .help = N_("start again at the end")},
    {.name = "autoplay", .type = PARAM_BOOL, .def = "no",
     .help = N_("play as soon as it is shown")},
};

static const KindKey keys[] = {
    {"Space Enter", N_("play or pause")},
    {"Right s", N_("one step, paused")},
    {"r", N_("replay from the start")},
    {"+ = -", N_("faster, slower")},
};

const WidgetKind animation_kind = {
    .schema = {.name = "animation",
               KIND_LIST(params, params),
               .help = N_("play, pause, step and replay"),
               .example = "id=play target=net speed=2 loop=no"},
    KIND_LIST(keys, keys),
    .ops = &animation_ops,
};
