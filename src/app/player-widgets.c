/* player-widgets.c: the lesson player as the host of live widgets: their slot
 * heights, drawing them over their slots, the focus they take, the keys they get,
 * completing units, and their state in progress. Must not touch the terminal. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/frame.h"
#include "app/player-host.h"
#include "widgets/controls/stepwise.h"
#include "widgets/trainer/trainer.h"

/* A live widget's rows at a width; 0 leaves the slot to its text alternative. */
int player_slot_height(const void *ctx, const Block *b, int w)
{
	const Player *p = ctx;
	Instance *in = scene_for_block((Scene *)(uintptr_t)&p->scene, b);

	return in && in->ops->height && in->ops->draw ? in->ops->height(in, w) : 0;
}

/* Whether a live widget's slot may be wider than the text column. */
bool player_slot_wide(const void *ctx, const Block *b)
{
	const Player *p = ctx;
	Instance *in = scene_for_block((Scene *)(uintptr_t)&p->scene, b);

	return in && in->kind && (in->kind->flags & KIND_WIDE);
}

/* How many steps of a @steps block its live control shows (0, all, without one). */
int player_steps_shown(const void *ctx, const Block *b)
{
	const Player *p = ctx;

	return stepwise_shown(scene_for_block((Scene *)(uintptr_t)&p->scene, b));
}

/* The progress store seen from one widget: keys "widget.<LESSON>.<ID>.<key>", and
 * "quiz.<LESSON>.<ID>.<key>" for a quiz (its "score" is what the map counts). */
typedef struct {
	Progress *progress;
	const char *lesson, *id, *kind;
} WidgetStore;

static const char *store_get(void *ctx, const char *key)
{
	WidgetStore *w = ctx;
	char full[256];

	snprintf(full, sizeof full, "%s.%s.%s.%s", w->kind, w->lesson, w->id, key);
	return progress_get(w->progress, full);
}

static void store_set(void *ctx, const char *key, const char *value)
{
	WidgetStore *w = ctx;
	char full[256];

	snprintf(full, sizeof full, "%s.%s.%s.%s", w->kind, w->lesson, w->id, key);
	progress_set(w->progress, full, value);
}

/* Saves (save true) or restores every widget's state through its slice of progress. */
void player_widgets_store(Player *p, bool save)
{
	size_t i;

	for (i = 0; p->progress && i < p->scene.n; i++) {
		Instance *in = &p->scene.items[i];
		WidgetStore ws = {p->progress, p->entry->id, in->id,
				  in->block->kind == BLOCK_QUIZ ? "quiz" : "widget"};
		Store st = {store_get, store_set, &ws};
		if (in->failed || !in->id)
			continue;
		if (save && in->ops->save)
			in->ops->save(in, &st);
		else if (!save && in->ops->restore)
			in->ops->restore(in, &st);
	}
}

/* Draws every live widget whose slot is on screen over its text alternative, and
 * marks the others offscreen (scene_tick skips them). A slot cut by the view's edge
 * is drawn whole into a scratch grid and its visible rows copied, so widgets never
 * need to know about scrolling. */
void player_draw_widgets(Player *p, Grid *g, Caps caps, int *cx, int *cy)
{
	size_t i;

	/* A widget with no slot (in a step not shown yet) is never on screen. */
	for (i = 0; i < p->scene.n; i++)
		p->scene.items[i].offscreen = true;
	for (i = 0; i < p->doc.nslots; i++) {
		const DocSlot *s = &p->doc.slots[i];
		Instance *in = scene_for_block(&p->scene, s->block);
		Grid *tmp = &p->scratch;
		Rect r = {0, 0, s->w, s->h};
		int wx = -1, wy = -1, y;
		bool focused = p->focus == (int)i;

		if (!in)
			continue;
		/* Out of view it waits: a trainer does not train unseen. */
		in->offscreen = s->y + s->h <= p->scroll || s->y >= p->scroll + p->view_h;
		if (!in->ops->draw || in->offscreen)
			continue;
		/* One scratch grid, reallocated only when a slot of another size comes. */
		if (tmp->w == s->w && tmp->h == s->h)
			grid_clear(tmp, STYLE_NORMAL);
		else if (grid_resize(tmp, s->w, s->h) != 0)
			continue;
		in->ops->draw(in, tmp, r, caps, focused, &wx, &wy);
		for (y = 0; y < s->h; y++) {
			int row = s->y + y - p->scroll;
			if (row < 0 || row >= p->view_h)
				continue;
			memcpy(&g->cells[(size_t)(row + 1) * (size_t)g->w + (size_t)s->x],
			       &tmp->cells[(size_t)y * (size_t)s->w], (size_t)s->w * sizeof *g->cells);
		}
		if (focused && wx >= 0 && s->y + wy >= p->scroll && s->y + wy < p->scroll + p->view_h) {
			*cx = s->x + wx;
			*cy = s->y + wy - p->scroll + 1;
		}
	}
}

/* Whether slot i takes the focus: a live widget or quiz that reacts to keys. */
bool player_focusable(Player *p, int i)
{
	Instance *in = scene_for_block(&p->scene, p->doc.slots[i].block);
	return in && in->ops->key && (!in->ops->focusable || in->ops->focusable(in));
}


/* Marks a unit done once every game and quiz in it is won or answered. */
static void complete_unit(Player *p, size_t unit)
{
	size_t i;

	for (i = 0; i < p->doc.nslots; i++) {
		Instance *in = scene_for_block(&p->scene, p->doc.slots[i].block);
		if (p->doc.slots[i].unit == unit && in && in->goal && !in->done)
			return;
	}
	if (unit < p->doc.nunits)
		player_mark(p, p->doc.units[unit].id, "done");
}

size_t player_widgets_done(const Player *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->scene.n; i++)
		n += p->scene.items[i].ready && p->scene.items[i].done;
	return n;
}

void player_widgets_won(Player *p)
{
	size_t i;

	for (i = 0; i < p->doc.nslots; i++) {
		Instance *in = scene_for_block(&p->scene, p->doc.slots[i].block);
		if (in && in->done && in->goal)
			complete_unit(p, p->doc.slots[i].unit);
	}
	p->changed = true; /* saved at the next draw */
}

/* A widget's height changed (a quiz answered or retried): lays the lesson out again at
 * the same width, keeping the rows above the slot where they were, and scrolls just
 * enough to show the slot's new end (its top when it got shorter). */
static void regrow(Player *p, int slot)
{
	int scroll = p->scroll, y = p->doc.slots[slot].y;
	const DocSlot *s;

	player_layout(p, p->doc_width, (Caps){p->doc_unicode, 0});
	if (!p->laid_out || slot >= (int)p->doc.nslots)
		return;
	if (y >= scroll)
		p->scroll = scroll;
	s = &p->doc.slots[slot];
	if (s->y + s->h > p->scroll + p->view_h)
		p->scroll = s->y + s->h - p->view_h;
	if (s->y < p->scroll && s->h <= p->view_h)
		p->scroll = s->y;
	player_clamp(p);
}

/* The steps shown by the @steps block b changed (its control was at row old_y): lays
 * the lesson out again, keeping the rows above where they were. A new step starts
 * where the control was: the view scrolls just enough to show it and the control
 * under it, or to its start when both do not fit. After a step is hidden the control
 * stays in view. */
static void restep(Player *p, const Block *b, int old_y, bool more)
{
	int scroll = p->scroll;
	const DocSlot *s = NULL;
	size_t i;

	player_layout(p, p->doc_width, (Caps){p->doc_unicode, 0});
	if (!p->laid_out)
		return;
	p->scroll = scroll;
	for (i = 0; i < p->doc.nslots; i++)
		if (p->doc.slots[i].block == b)
			s = &p->doc.slots[i];
	if (!s)
		return;
	if (more && s->y + s->h - old_y > p->view_h)
		p->scroll = old_y - 1;
	else if (s->y + s->h > p->scroll + p->view_h)
		p->scroll = s->y + s->h - p->view_h;
	else if (s->y < p->scroll)
		p->scroll = s->y;
	player_clamp(p);
}

/* Gives a key to the focused widget; Tab, Shift-Tab and Esc always stay with the
 * player. Returns true when the widget used it. */
bool player_widget_key(Player *p, const Key *k)
{
	Instance *in;
	unsigned r;
	int w, before, steps;

	if (p->focus < 0 || !k || k->code == K_TAB || k->code == K_BACKTAB || k->code == K_MOUSE)
		return false;
	in = scene_for_block(&p->scene, p->doc.slots[p->focus].block);
	if (!in || !in->ops->key)
		return false;
	w = p->doc.slots[p->focus].w;
	before = in->ops->height ? in->ops->height(in, w) : 0;
	steps = stepwise_shown(in);
	r = in->ops->key(in, k);
	if (r & WIDGET_REDRAW) /* what others read may have changed: watchers may move */
		scene_changed(&p->scene);
	if (stepwise_shown(in) != steps)
		restep(p, in->block, p->doc.slots[p->focus].y, stepwise_shown(in) > steps);
	else if (in->ops->height && in->ops->height(in, w) != before)
		regrow(p, p->focus);
	if (r & WIDGET_DONE) {
		in->done = true;
		complete_unit(p, p->doc.slots[p->focus].unit);
		p->changed = true; /* saved at the next draw */
	}
	if (r & WIDGET_NEXT)
		player_move_focus(p, 1);
	return (r & WIDGET_HANDLED) != 0;
}


const Instance *player_focused(const Player *p)
{
	if (p->focus < 0 || (size_t)p->focus >= p->doc.nslots)
		return NULL;
	return scene_for_block((Scene *)(uintptr_t)&p->scene, p->doc.slots[p->focus].block);
}

Instance *player_trainer(Player *p)
{
	Instance *found = NULL;
	size_t i;

	if (p->focus >= 0 && (size_t)p->focus < p->doc.nslots) {
		Instance *in = scene_for_block(&p->scene, p->doc.slots[p->focus].block);
		if (trainer_state(in))
			return in;
	}
	for (i = 0; i < p->scene.n; i++)
		if (trainer_state(&p->scene.items[i])) {
			if (found)
				return NULL; /* several: the learner picks one with Tab */
			found = &p->scene.items[i];
		}
	return found;
}

/* The footer while a control has the focus: its keys first (in their order, each one
 * that fits: one too long for the room left does not hide the shorter ones after it),
 * then the player's own on the right (next control, leave, help), which always show. */
void player_footer(const Player *p, Grid *g, bool unicode)
{
	const char *pairs[48];
	char scratch[512];
	int n;
	const Instance *in = player_focused(p);

	if (!in) {
		frame_footer(g, KCTX_CONTROL);
		return;
	}
	/* The player's own keys stay on the right; the control's fill what is left. */
	n = instance_keys(in, unicode, pairs, 48, scratch, sizeof scratch);
	frame_footer_pairs(g, KCTX_CONTROL, pairs, n);
}
