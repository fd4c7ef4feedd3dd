/* steps.c: playing, stepping and replaying through n positions for the animation
 * contract. Must not draw, read keys or keep state of its own. */
#include <config.h>

#include "widgets/core/steps.h"

void steps_init(Steps *s, int pos)
{
	s->pos = pos > 0 ? pos : 0;
	s->playing = false;
	s->speed = 1;
	s->acc = 0;
}

int steps_at(const Steps *s, int n)
{
	return s->pos >= n ? (n > 0 ? n - 1 : 0) : s->pos;
}

bool steps_go(Steps *s, int n, int to)
{
	s->pos = steps_at(s, n);
	if (to < 0 || to >= n || to == s->pos)
		return false;
	s->pos = to;
	return true;
}

bool steps_tick(Steps *s, int n, double dt, bool *animating)
{
	bool moved = false;

	s->acc += s->playing ? dt * s->speed : 0;
	while (s->playing && s->acc >= 1) {
		s->acc -= 1;
		moved |= steps_go(s, n, steps_at(s, n) + 1);
		if (steps_at(s, n) >= n - 1)
			s->playing = false;
	}
	*animating = s->playing;
	return moved;
}

bool steps_command(Steps *s, int n, AnimCommand cmd, double arg, bool *animating)
{
	bool moved = false;

	switch (cmd) {
	case ANIM_PLAY:
		if (steps_at(s, n) >= n - 1)
			moved = steps_go(s, n, 0);
		s->playing = n > 1;
		s->acc = 0;
		break;
	case ANIM_PAUSE:
		s->playing = false;
		break;
	case ANIM_STEP:
		s->playing = false;
		moved = steps_go(s, n, steps_at(s, n) + 1);
		break;
	case ANIM_REPLAY:
		moved = steps_go(s, n, 0);
		s->playing = n > 1;
		s->acc = 0;
		break;
	case ANIM_SPEED:
		if (arg > 0)
			s->speed = arg;
		break;
	}
	*animating = s->playing;
	return moved;
}

void steps_state(const Steps *s, int n, AnimState *st)
{
	st->playing = s->playing;
	st->step = n > 0 ? steps_at(s, n) + 1 : 0;
	st->steps = n > 0 ? n : 0;
	st->speed = s->speed;
}

void steps_stop(Steps *s, bool *animating)
{
	s->playing = false;
	*animating = false;
}

int steps_key_target(const Steps *s, int n, const Key *k, bool space)
{
	int pos = steps_at(s, n);

	if (k->code == K_RIGHT || (space && key_is_char(k, ' ')))
		return pos + 1;
	if (k->code == K_LEFT)
		return pos - 1;
	if (k->code == K_HOME)
		return 0;
	if (k->code == K_END)
		return n - 1;
	return -1;
}

unsigned steps_key_go(Steps *s, int n, int to, bool *animating)
{
	steps_stop(s, animating);
	return steps_go(s, n, to) ? WIDGET_HANDLED | WIDGET_REDRAW : WIDGET_IGNORED;
}
