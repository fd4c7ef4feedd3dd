/* cards.c: a tiles picker: arrows move between cards, Enter (or Space) opens the
 * chosen card's text below the tiles and closes it again; opened cards get a tick.
 * Cards may name the card they grew from (parents): the open card then says what it
 * grew from and what grew from it. Its value is how many cards were opened. Must not own the loop or write files. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/box.h"
#include "draw/wrap.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"

enum { CARDS_MAX = 32, CARDS_MAX_LINES = 32, CARDS_FAMILY = 512 };

typedef struct {
	int n, cols;   /* cards, and columns asked for */
	int shown;     /* columns at the width drawn last (a layout cache for Up and Down) */
	int widest;    /* the widest title's columns */
	int sel;       /* the chosen card */
	int open;      /* the card whose text shows, or -1 */
	uint32_t seen; /* bit i: card i was opened */
	bool texts;    /* whether any card has a text */
} Cards;

static const char *title(const Instance *in, int i)
{
	const char *s = widget_word(in, "titles", (size_t)i);
	return s ? s : "";
}

static const char *text(const Instance *in, int i)
{
	const char *s = widget_word(in, "texts", (size_t)i);
	return s ? s : "";
}

/* The card titled `name`, or -1 (none, or "-"). */
static int card_named(const Instance *in, const Cards *c, const char *name)
{
	int i;

	for (i = 0; name && i < c->n; i++)
		if (strcmp(title(in, i), name) == 0)
			return i;
	return -1;
}

/* The family line of card i into out: "Grew from: MLP. Led to: CNN, RNN." (the parts
 * that apply), or "" without parents. */
static void family(const Instance *in, const Cards *c, int i, char *out, size_t size)
{
	int p = card_named(in, c, widget_word(in, "parents", (size_t)i)), k, kids = 0;
	size_t at = 0;

	out[0] = '\0';
	if (p >= 0)
		at += (size_t)snprintf(out, size, _("Grew from: %s."), title(in, p));
	for (k = 0; k < c->n && at < size; k++) {
		if (card_named(in, c, widget_word(in, "parents", (size_t)k)) != i)
			continue;
		if (kids++ == 0)
			at += (size_t)snprintf(out + at, size - at, "%s%s%s", at ? " " : "",
			                       _("Led to: "), title(in, k));
		else
			at += (size_t)snprintf(out + at, size - at, ", %s", title(in, k));
	}
	if (kids && at + 1 < size)
		strcat(out, ".");
}

/* Card i's text with its family line as a paragraph of its own. */
static void full_text(const Instance *in, const Cards *c, int i, char *out, size_t size)
{
	char fam[CARDS_FAMILY];

	family(in, c, i, fam, sizeof fam);
	snprintf(out, size, fam[0] ? "%s\n%s" : "%s", text(in, i), fam);
}

static int cards_init(Instance *in)
{
	Cards *c = calloc(1, sizeof *c);
	int i;

	if (!c)
		return -1;
	c->n = (int)widget_nwords(in, "titles");
	if (c->n > CARDS_MAX)
		c->n = CARDS_MAX;
	c->cols = (int)widget_num(in, "columns", 2);
	if (c->cols < 1)
		c->cols = 1;
	if (c->cols > c->n && c->n > 0)
		c->cols = c->n;
	for (i = 0; i < c->n; i++) {
		int tw = utf8_width(title(in, i), strlen(title(in, i)));
		c->widest = tw > c->widest ? tw : c->widest;
	}
	c->shown = c->cols;
	c->open = -1;
	c->texts = widget_nwords(in, "texts") > 0;
	in->state = c;
	return 0;
}

static void cards_free(Instance *in)
{
	free(in->state);
}

/* The columns at width w: those asked for, fewer when a tile would be too narrow for
 * the widest title with its border and tick (at least one). */
static int cols_at(const Cards *c, int w)
{
	int cols = c->cols;

	while (cols > 1 && (w - (cols - 1)) / cols < c->widest + 5)
		cols--;
	return cols;
}

static int tile_rows(const Cards *c, int w)
{
	int cols = cols_at(c, w);

	return (c->n + cols - 1) / cols;
}

/* The rows of the text box's inside at width w: the longest card's text, at least one. */
static int text_rows(const Instance *in, const Cards *c, int w)
{
	int i, most = 1;

	char s[2 * CARDS_FAMILY];

	for (i = 0; i < c->n; i++) {
		int k;
		full_text(in, c, i, s, sizeof s);
		k = wrap_text(s, strlen(s), w - 4, NULL, 0);
		if (k > most)
			most = k;
	}
	return most < CARDS_MAX_LINES ? most : CARDS_MAX_LINES;
}

static int cards_height(const Instance *in, int width)
{
	const Cards *c = in->state;

	return tile_rows(c, width) * 3 + (c->texts ? text_rows(in, c, width) + 2 : 0);
}

static void draw_tile(const Instance *in, Grid *g, int x, int y, int w, int i, Caps caps,
		      bool focused)
{
	const Cards *c = in->state;
	const char *t = title(in, i);
	int tw = utf8_width(t, strlen(t)), inner = w - 4, at;
	bool sel = i == c->sel;

	box_draw(g, x, y, w, 3, i == c->open ? BOX_DOUBLE : BOX_ROUNDED, NULL, focused && sel, caps);
	if (c->seen & (1u << i)) {
		grid_str(g, x + w - 3, y + 1, caps.unicode ? "✓" : "*", STYLE_GOOD);
		inner--;
	}
	at = tw < inner ? (inner - tw) / 2 : 0;
	grid_text(g, x + 2 + at, y + 1, t, strlen(t), inner,
		  sel && focused ? STYLE_FOCUS : sel || i == c->open ? STYLE_BOLD : STYLE_NORMAL);
}

static void cards_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy)
{
	Cards *c = in->state; /* keeps the columns shown for Up and Down */
	int cols = cols_at(c, r.w), tw = (r.w - (cols - 1)) / cols, i, y;
	WrapLine lines[CARDS_MAX_LINES];

	if (tw < 4)
		tw = 4;
	for (i = 0; i < c->n; i++) {
		int x = r.x + (i % cols) * (tw + 1);
		y = r.y + (i / cols) * 3;
		draw_tile(in, g, x, y, tw, i, caps, focused);
		if (focused && i == c->sel) {
			*cx = x + 2;
			*cy = y + 1;
		}
	}
	if (!c->texts)
		return;
	c->shown = cols;
	y = r.y + tile_rows(c, r.w) * 3;
	if (r.y + r.h - y < 3)
		return;
	box_draw(g, r.x, y, r.w, r.y + r.h - y, BOX_ROUNDED, c->open >= 0 ? title(in, c->open) : NULL,
		 false, caps);
	if (c->open < 0) {
		const char *hint = _("Enter opens the chosen card.");
		grid_text(g, r.x + 2, y + 1, hint, strlen(hint), r.w - 4, STYLE_DIM);
		return;
	}
	{
		char s[2 * CARDS_FAMILY];
		int k, n;
		full_text(in, c, c->open, s, sizeof s);
		n = wrap_text(s, strlen(s), r.w - 4, lines, CARDS_MAX_LINES);
		for (k = 0; k < n && k < CARDS_MAX_LINES && y + 1 + k < r.y + r.h - 1; k++)
			grid_text(g, r.x + 2, y + 1 + k, s + lines[k].start, lines[k].len, r.w - 4,
				  STYLE_NORMAL);
	}
}

static unsigned cards_key(Instance *in, const Key *k)
{
	Cards *c = in->state;
	int sel = c->sel;

	if (c->n < 1)
		return WIDGET_IGNORED;
	if (k->code == K_ENTER || key_is_char(k, ' ')) {
		if (c->open == c->sel) {
			c->open = -1;
		} else {
			c->open = c->sel;
			c->seen |= 1u << c->sel;
		}
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_LEFT)
		sel = sel > 0 ? sel - 1 : 0;
	else if (k->code == K_RIGHT)
		sel = sel < c->n - 1 ? sel + 1 : sel;
	else if (k->code == K_HOME)
		sel = 0;
	else if (k->code == K_END)
		sel = c->n - 1;
	else if (k->code == K_UP || k->code == K_DOWN) {
		sel += k->code == K_UP ? -c->shown : c->shown;
		if (sel < 0 || sel >= c->n)
			return WIDGET_IGNORED; /* at the edge: the player scrolls the page */
	} else
		return WIDGET_IGNORED;
	if (sel == c->sel)
		return WIDGET_HANDLED;
	c->sel = sel;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static int popcount(uint32_t v)
{
	int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

static bool cards_value(const Instance *in, double *out)
{
	*out = popcount(((const Cards *)in->state)->seen);
	return true;
}

/* Saved as one '0' or '1' per card: which were opened. */
static void cards_save(const Instance *in, const Store *st)
{
	const Cards *c = in->state;

	store_put_flags(st, "seen", c->seen, c->n);
}

static void cards_restore(Instance *in, const Store *st)
{
	Cards *c = in->state;

	store_get_flags(st, "seen", c->n, &c->seen);
}

static const WidgetOps cards_ops = {
	.init = cards_init,
	.free = cards_free,
	.height = cards_height,
	.draw = cards_draw,
	.key = cards_key,
	.save = cards_save,
	.restore = cards_restore,
	.value = cards_value,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "titles", .type = PARAM_WORDS, .nmin = 1, .nmax = 32, .required = true,
     .help = N_("one title per card")},
    {.name = "texts", .type = PARAM_WORDS, .nmin = 1, .nmax = 32,
     .help = N_("what each card says when opened")},
    {.name = "parents", .type = PARAM_WORDS, .nmin = 1, .nmax = 32,
     .help = N_("for each card, the title of the card it grew from, or - for none")},
    {.name = "columns", .type = PARAM_INT, .min = 1, .max = 4, .def = "2",
     .help = N_("cards side by side")},
};

static const OutputSpec outputs[] = {
    {"opened", DATA_SCALAR, N_("how many cards were opened")},
};

static const KindKey keys[] = {
    {"Up Down Left Right", N_("move between cards")},
    {"Home End", N_("the first or last card")},
    {"Space Enter", N_("open or close the card")},
};

const WidgetKind cards_kind = {
    .schema = {.name = "cards",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("cards to open one by one"),
               .example = "id=archs titles=CNN,RNN,GAN texts=\"Sees patterns\",\"Remembers\",\"Invents\""},
    KIND_LIST(keys, keys),
    .ops = &cards_ops,
};
