/* stepwise.c: the live control of a @steps block: the number of its steps shown,
 * changed by keys while it has the focus and kept in progress, drawn as one row under
 * the steps ("Step 2 of 4" and its keys). The steps themselves are the lesson layout's,
 * which asks stepwise_shown. Must not own the loop or write files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/controls/stepwise.h"

typedef struct {
	int shown, n;
} Reveal;

static int stepwise_init(Instance *in)
{
	Reveal *r = calloc(1, sizeof *r);

	if (!r)
		return -1;
	r->n = (int)in->block->stepwise.nsteps;
	r->shown = r->n > 0 ? 1 : 0;
	in->state = r;
	return 0;
}

static void stepwise_free(Instance *in)
{
	free(in->state);
}

static int stepwise_height(const Instance *in, int width)
{
	(void)in;
	(void)width;
	return 1;
}

/* What the keys do while focused, or how to reach them; "" for nothing. */
static const char *hint(const Reveal *s, bool focused, bool unicode)
{
	if (!focused)
		return s->shown < s->n ? _("Tab, then Space: the next step") : "";
	if (s->shown < s->n && s->shown > 1)
		return unicode ? _("Space or →: next step   ←: back")
			       : _("Space or Right: next step   Left: back");
	if (s->shown < s->n)
		return unicode ? _("Space or →: next step") : _("Space or Right: next step");
	return unicode ? _("←: back") : _("Left: back");
}

/* "Step 2 of 4", then its hint when it fits; the count stands out without colour too
 * (bold, or the focus style). */
static void stepwise_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused,
			  int *cx, int *cy)
{
	const Reveal *s = in->state;
	const char *h = hint(s, focused, caps.unicode);
	char count[64];
	int x;

	if (s->shown < s->n)
		snprintf(count, sizeof count, _("Step %d of %d"), s->shown, s->n);
	else
		snprintf(count, sizeof count, _("All %d steps"), s->n);
	x = r.x + grid_text(g, r.x, r.y, count, strlen(count), r.w,
			    focused ? STYLE_FOCUS : STYLE_BOLD);
	if (*h && x + 3 + utf8_width(h, strlen(h)) <= r.x + r.w)
		grid_str(g, x + 3, r.y, h, STYLE_DIM);
	if (focused) {
		*cx = r.x;
		*cy = r.y;
	}
}

static unsigned stepwise_key(Instance *in, const Key *k)
{
	Reveal *s = in->state;

	if (k->code == K_RIGHT || key_is_char(k, ' ')) {
		if (s->shown >= s->n)
			return WIDGET_IGNORED; /* all shown: Space pages on */
		s->shown++;
	} else if (k->code == K_LEFT) {
		if (s->shown <= 1)
			return WIDGET_IGNORED;
		s->shown--;
	} else {
		return WIDGET_IGNORED;
	}
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static void stepwise_save(const Instance *in, const Store *st)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", ((const Reveal *)in->state)->shown);
	st->set(st->ctx, "shown", buf);
}

static void stepwise_restore(Instance *in, const Store *st)
{
	Reveal *s = in->state;
	const char *v = st->get(st->ctx, "shown");
	char *end;
	long k;

	if (!v)
		return;
	k = strtol(v, &end, 10);
	if (*end == '\0' && end != v && k >= 1 && k <= s->n)
		s->shown = (int)k;
}

/* Its keys of the moment: the next step while some are hidden, the last one back
 * while more than one shows. */
static int stepwise_keys(const Instance *in, bool unicode, const char **pairs, int max,
			 char *scratch, size_t size)
{
	const Reveal *s = in->state;
	int n = 0;

	(void)scratch, (void)size;
	if (s->shown < s->n && n + 2 <= max) {
		pairs[n++] = unicode ? "Space/→" : "Space/Right";
		pairs[n++] = _("show the next step");
	}
	if (s->shown > 1 && n + 2 <= max) {
		pairs[n++] = unicode ? "←" : "Left";
		pairs[n++] = _("hide the last step");
	}
	return n;
}

const WidgetOps stepwise_ops = {
	.keys = stepwise_keys,
	.init = stepwise_init,
	.free = stepwise_free,
	.height = stepwise_height,
	.draw = stepwise_draw,
	.key = stepwise_key,
	.save = stepwise_save,
	.restore = stepwise_restore,
};

int stepwise_shown(const Instance *in)
{
	return in && in->ops == &stepwise_ops && in->state ? ((const Reveal *)in->state)->shown : 0;
}
