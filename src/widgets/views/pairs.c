/* pairs.c: two lists side by side whose items correspond one to one (a real neuron's
 * parts and an artificial one's): the arrows select an item on either side, and its
 * counterpart on the other side is marked with a glyph (not by colour alone), the pair
 * named and explained below; Up at the first item and Down at the last are left to the
 * player, which scrolls the page. Its value is how many pairs were looked at.
 * Must not own the loop or write files. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"
#include "widgets/core/registry.h"

enum { PAIRS_MAX = 16, PAIRS_MAX_LINES = 16 };

typedef struct {
	int n;
	int link[PAIRS_MAX]; /* left item i's counterpart: right item link[i] (from 0) */
	int back[PAIRS_MAX]; /* right item j's counterpart on the left */
	int side;            /* 0: the selection is on the left, 1: on the right */
	int sel;             /* the selected item of that side */
	uint32_t seen;       /* bit i: the pair of left item i was looked at */
	bool texts;
} Pairs;

static const char *word(const Instance *in, const char *key, int i)
{
	const char *s = widget_word(in, key, (size_t)i);
	return s ? s : "";
}

/* The left item of the selected pair. */
static int pair_of(const Pairs *p)
{
	return p->side == 0 ? p->sel : p->back[p->sel];
}

/* Links left to right: false unless left and right have as many items and links is
 * an order of 1..n. */
static bool pairs_link(Pairs *p, const Instance *in)
{
	double links[PAIRS_MAX];
	int i;

	p->n = (int)widget_nwords(in, "left");
	if (p->n < 2 || p->n > PAIRS_MAX || (int)widget_nwords(in, "right") != p->n ||
	    widget_nums(in, "links", links, PAIRS_MAX) != (size_t)p->n)
		return false;
	for (i = 0; i < p->n; i++)
		p->back[i] = -1;
	for (i = 0; i < p->n; i++) {
		int j = (int)links[i] - 1;
		if (j < 0 || j >= p->n || p->back[j] >= 0)
			return false;
		p->link[i] = j;
		p->back[j] = i;
	}
	return true;
}

static int pairs_init(Instance *in)
{
	Pairs *p = calloc(1, sizeof *p);

	if (!p)
		return -1;
	if (!pairs_link(p, in)) {
		free(p);
		return -1;
	}
	p->texts = widget_nwords(in, "texts") > 0;
	p->seen = 1u;
	in->state = p;
	return 0;
}

static void pairs_free(Instance *in)
{
	free(in->state);
}

static int text_rows(const Instance *in, const Pairs *p, int w)
{
	int i, most = 1;

	for (i = 0; i < p->n; i++) {
		const char *s = word(in, "texts", i);
		int k = wrap_text(s, strlen(s), w, NULL, 0);
		if (k > most)
			most = k;
	}
	return most < PAIRS_MAX_LINES ? most : PAIRS_MAX_LINES;
}

/* The heads, one row per pair, a blank, the pair named, its text. */
static int pairs_height(const Instance *in, int width)
{
	const Pairs *p = in->state;

	return 1 + p->n + 2 + (p->texts ? text_rows(in, p, width) : 0);
}

/* One item: its mark (the selection, the counterpart or none) and its name. */
static void draw_item(Grid *g, int x, int y, int w, const char *name, int mark, Caps caps,
		      bool focused)
{
	static const char *const marks[2][3] = {{"  ", "> ", "* "}, {"  ", "→ ", "◆ "}};
	Style st = mark == 1 ? (focused ? STYLE_FOCUS : STYLE_BOLD)
		 : mark == 2 ? STYLE_ACCENT
			     : STYLE_NORMAL;

	grid_str(g, x, y, marks[caps.unicode ? 1 : 0][mark], mark ? STYLE_BOLD : STYLE_NORMAL);
	grid_text(g, x + 2, y, name, strlen(name), w - 2, st);
}

static void pairs_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	const Pairs *p = in->state;
	int colw = (r.w - 2) / 2, rx = r.x + colw + 2, i, y, left = pair_of(p), n;
	char line[256];
	WrapLine lines[PAIRS_MAX_LINES];

	grid_text(g, r.x + 2, r.y, word(in, "heads", 0), strlen(word(in, "heads", 0)), colw - 2,
		  STYLE_BOLD);
	grid_text(g, rx + 2, r.y, word(in, "heads", 1), strlen(word(in, "heads", 1)), colw - 2,
		  STYLE_BOLD);
	for (i = 0; i < p->n; i++) {
		int lm = i == left ? (p->side == 0 ? 1 : 2) : 0;
		int rm = i == p->link[left] ? (p->side == 1 ? 1 : 2) : 0;
		draw_item(g, r.x, r.y + 1 + i, colw, word(in, "left", i), lm, caps, focused);
		draw_item(g, rx, r.y + 1 + i, colw, word(in, "right", i), rm, caps, focused);
	}
	if (focused) {
		*cx = (p->side == 0 ? r.x : rx) + 2;
		*cy = r.y + 1 + p->sel;
	}
	y = r.y + 1 + p->n + 1;
	snprintf(line, sizeof line, "%s %s %s", word(in, "left", left), caps.unicode ? "↔" : "<->",
		 word(in, "right", p->link[left]));
	grid_text(g, r.x, y, line, strlen(line), r.w, STYLE_BOLD);
	if (!p->texts)
		return;
	{
		const char *s = word(in, "texts", left);
		n = wrap_text(s, strlen(s), r.w, lines, PAIRS_MAX_LINES);
		for (i = 0; i < n && i < PAIRS_MAX_LINES && y + 1 + i < r.y + r.h; i++)
			grid_text(g, r.x, y + 1 + i, s + lines[i].start, lines[i].len, r.w,
				  STYLE_NORMAL);
	}
}

static unsigned pairs_key(Instance *in, const Key *k)
{
	Pairs *p = in->state;
	int side = p->side, sel = p->sel;

	if (k->code == K_UP || k->code == K_DOWN) {
		sel += k->code == K_UP ? -1 : 1;
		if (sel < 0 || sel >= p->n)
			return WIDGET_IGNORED; /* at the edge: the player scrolls the page */
	} else if (k->code == K_HOME)
		sel = 0;
	else if (k->code == K_END)
		sel = p->n - 1;
	else if (k->code == K_LEFT)
		side = 0;
	else if (k->code == K_RIGHT)
		side = 1;
	else
		return WIDGET_IGNORED;
	if (side == p->side && sel == p->sel)
		return WIDGET_HANDLED;
	p->side = side;
	p->sel = sel;
	p->seen |= 1u << pair_of(p);
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static bool pairs_value(const Instance *in, double *out)
{
	const Pairs *p = in->state;
	int i, k = 0;

	for (i = 0; i < p->n; i++)
		k += (p->seen >> i) & 1u;
	*out = k;
	return true;
}

/* Saved as one '0' or '1' per pair (looked at or not). */
static void pairs_save(const Instance *in, const Store *st)
{
	const Pairs *p = in->state;

	store_put_flags(st, "seen", p->seen, p->n);
}

static void pairs_restore(Instance *in, const Store *st)
{
	Pairs *p = in->state;
	uint32_t seen;

	if (store_get_flags(st, "seen", p->n, &seen))
		p->seen = seen | 1u; /* the first pair shows from the start */
}

static const WidgetOps pairs_ops = {
	.init = pairs_init,
	.free = pairs_free,
	.height = pairs_height,
	.draw = pairs_draw,
	.key = pairs_key,
	.save = pairs_save,
	.restore = pairs_restore,
	.value = pairs_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "heads", .type = PARAM_WORDS, .nmin = 2, .nmax = 2, .required = true,
     .help = N_("the two sides' headings")},
    {.name = "left", .type = PARAM_WORDS, .nmin = 2, .nmax = 16, .required = true,
     .help = N_("the items on the left")},
    {.name = "right", .type = PARAM_WORDS, .nmin = 2, .nmax = 16, .required = true,
     .help = N_("the items on the right, as many")},
    {.name = "links", .type = PARAM_NUMBERS, .nmin = 2, .nmax = 16, .min = 1, .max = 16,
     .required = true,
     .help = N_("for each left item, the number of its counterpart on the right, from 1")},
    {.name = "texts", .type = PARAM_WORDS, .nmin = 1, .nmax = 16,
     .help = N_("for each left item, what it and its counterpart have in common")},
};

static const OutputSpec outputs[] = {
    {"seen", DATA_SCALAR, N_("how many pairs were looked at")},
};

static const KindKey keys[] = {
    {"Up Down", N_("the item above or below")},
    {"Left Right", N_("select on the left or the right side")},
    {"Home End", N_("the first or last item")},
};

const WidgetKind pairs_kind = {
    .schema = {.name = "pairs",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("two lists side by side, each item linked to its counterpart"),
               .example = "id=twins heads=Brain,Model left=Dendrite,Soma right=Sum,Input "
                          "links=2,1"},
    KIND_LIST(keys, keys),
    .ops = &pairs_ops,
};
