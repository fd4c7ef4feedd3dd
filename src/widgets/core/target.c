/* target.c: how a driving widget (button, stepper, animation) finds the widget it
 * acts on and speaks to it through the animation commands of the contract.
 * Must not draw, read keys or keep state. */
#include <config.h>

#include <string.h>

#include "widgets/core/target.h"

Instance *target_find(const Instance *in, const char *key, bool before)
{
	const char *id = widget_str(in, key, NULL);
	Scene *s = in->scene;
	Instance *t = NULL;

	if (!s)
		return NULL;
	if (id)
		t = scene_find(s, id);
	else if (before && in > s->items && in < s->items + s->n)
		t = &s->items[(in - s->items) - 1];
	if (!t || t == in || t->failed)
		return NULL;
	return t;
}

bool target_before(const Instance *in, const Instance *t)
{
	return in->scene && t && t->ready;
}

bool anim_can(const Instance *t)
{
	return t && !t->failed && t->ops->animate && t->ops->anim_state;
}

bool anim_get(const Instance *t, AnimState *st)
{
	memset(st, 0, sizeof *st);
	if (!anim_can(t))
		return false;
	t->ops->anim_state(t, st);
	return true;
}

void anim_send(Instance *t, AnimCommand cmd, double arg)
{
	if (anim_can(t))
		t->ops->animate(t, cmd, arg);
}

bool anim_at_end(const AnimState *st)
{
	return !st->playing && st->steps > 0 && st->step >= st->steps;
}
