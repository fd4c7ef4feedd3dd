/* choice.c: one option out of a few, shown as a row of options with the chosen one
 * in brackets: Left/Right move, Space cycles, 1-9 or an option's first letter pick.
 * Its value is the option's index from 0. Must not own the loop or write files. */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/controls/controls.h"
#include "widgets/core/target.h"

typedef struct {
	int chosen, n;
} Choice;

static const char *option(const Instance *in, int i)
{
	const char *o = widget_word(in, "options", (size_t)i);
	return o ? o : "";
}

/* The index of the option called word (exactly, else ignoring ASCII case), or -1. */
static int option_find(const Instance *in, int n, const char *word)
{
	int i;

	for (i = 0; word && i < n; i++)
		if (strcmp(option(in, i), word) == 0)
			return i;
	for (i = 0; word && i < n; i++)
		if (strcasecmp(option(in, i), word) == 0)
			return i;
	return -1;
}

static int choice_init(Instance *in)
{
	Choice *c = calloc(1, sizeof *c);

	if (!c)
		return -1;
	c->n = (int)widget_nwords(in, "options");
	c->chosen = option_find(in, c->n, widget_str(in, "value", NULL));
	if (c->chosen < 0)
		c->chosen = 0;
	in->state = c;
	return 0;
}

static void choice_free(Instance *in)
{
	free(in->state);
}

/* The columns control_label takes for the label at width w. */
static int label_width(const Instance *in, int w)
{
	const char *label = widget_str(in, "label", in->id);
	int max = w / 3 > 4 ? w / 3 : 4, lw = utf8_width(label, strlen(label));

	return (lw < max ? lw : max) + 2;
}

/* Places option i at (*x, *y) relative to the widget, wrapping at width w; returns
 * the number of rows all options take. Each option is "[name]" wide, one blank apart. */
static int layout(const Instance *in, int w, int i, int *x, int *y)
{
	int x0 = label_width(in, w), cx = x0, cy = 0, j;
	const Choice *c = in->state;

	for (j = 0; j < c->n; j++) {
		const char *o = option(in, j);
		int ow = utf8_width(o, strlen(o)) + 2;
		if (cx > x0 && cx + ow > w) {
			cx = x0;
			cy++;
		}
		if (j == i) {
			*x = cx;
			*y = cy;
		}
		cx += ow + 1;
	}
	return cy + 1;
}

static int choice_height(const Instance *in, int width)
{
	int x, y;

	return layout(in, width, -1, &x, &y);
}

/* "Gate  [AND]  OR   NAND   NOR ": the chosen option in brackets and highlighted. */
static void choice_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
			int *cy)
{
	const Choice *c = in->state;
	int i;

	(void)caps;
	control_label(g, r, widget_str(in, "label", in->id), focused);
	for (i = 0; i < c->n; i++) {
		const char *o = option(in, i);
		int x, y, ow = utf8_width(o, strlen(o));
		bool on = i == c->chosen;
		Style st = on ? (focused ? STYLE_FOCUS : STYLE_ACCENT) : STYLE_NORMAL;
		layout(in, r.w, i, &x, &y);
		if (y >= r.h)
			break;
		grid_put(g, r.x + x, r.y + y, on ? '[' : ' ', on ? st : STYLE_NORMAL);
		grid_text(g, r.x + x + 1, r.y + y, o, strlen(o), r.w - x - 2, st);
		grid_put(g, r.x + x + 1 + ow, r.y + y, on ? ']' : ' ', on ? st : STYLE_NORMAL);
		if (on && focused) {
			*cx = r.x + x + 1;
			*cy = r.y + y;
		}
	}
}

/* The next option after the chosen one (cycling) whose first letter is ch, or -1. */
static int by_letter(const Instance *in, const Choice *c, uint32_t ch)
{
	int i;

	if (ch >= 128 || !isalpha((int)ch))
		return -1;
	for (i = 1; i <= c->n; i++) {
		int j = (c->chosen + i) % c->n;
		if (tolower((unsigned char)option(in, j)[0]) == tolower((int)ch))
			return j;
	}
	return -1;
}

static unsigned choice_key(Instance *in, const Key *k)
{
	Choice *c = in->state;
	int old = c->chosen, pick = -1;

	if (c->n < 1)
		return WIDGET_IGNORED;
	if (k->code == K_LEFT)
		pick = c->chosen > 0 ? c->chosen - 1 : 0;
	else if (k->code == K_RIGHT)
		pick = c->chosen < c->n - 1 ? c->chosen + 1 : c->n - 1;
	else if (k->code == K_HOME)
		pick = 0;
	else if (k->code == K_END)
		pick = c->n - 1;
	else if (key_is_char(k, ' '))
		pick = (c->chosen + 1) % c->n;
	else if (k->code == K_CHAR && !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT)) && k->ch >= '1' &&
		 k->ch <= '9' && (int)(k->ch - '1') < c->n)
		pick = (int)(k->ch - '1');
	else if (k->code == K_CHAR && !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT)))
		pick = by_letter(in, c, k->ch);
	if (pick < 0)
		return WIDGET_IGNORED;
	c->chosen = pick;
	return WIDGET_HANDLED | (pick != old ? WIDGET_REDRAW : 0);
}

static bool choice_value(const Instance *in, double *out)
{
	*out = ((const Choice *)in->state)->chosen;
	return true;
}

/* "value": the option's place; "word": the option itself. The place is the version. */
static bool choice_output(const Instance *in, const char *name, Data *out)
{
	const Choice *c = in->state;

	out->version = (unsigned long)c->chosen;
	if (strcmp(name, "word") == 0) {
		out->text = option(in, c->chosen);
		return out->text != NULL;
	}
	out->scalar = c->chosen;
	out->v = &out->scalar;
	out->n = 1;
	return true;
}

/* Saved as the option's name, so a lesson that reorders its options keeps the pick. */
static void choice_save(const Instance *in, const Store *st)
{
	st->set(st->ctx, "value", option(in, ((const Choice *)in->state)->chosen));
}

static void choice_restore(Instance *in, const Store *st)
{
	Choice *c = in->state;
	int i = option_find(in, c->n, st->get(st->ctx, "value"));

	if (i >= 0)
		c->chosen = i;
}

static const WidgetOps choice_ops = {
	.init = choice_init,
	.free = choice_free,
	.height = choice_height,
	.draw = choice_draw,
	.key = choice_key,
	.save = choice_save,
	.restore = choice_restore,
	.value = choice_value,
	.output = choice_output,
};

/* The kind as lessons name it: parameters, outputs, functions, flags. */
static const ParamSpec params[] = {
    {.name = "label", .type = PARAM_STRING, .required = true,
     .help = N_("what is being chosen")},
    {.name = "options", .type = PARAM_WORDS, .nmin = 2, .nmax = 16, .required = true,
     .help = N_("the options, in order")},
    {.name = "value", .type = PARAM_STRING,
     .help = N_("the option chosen at first (default: the first)")},
};

static const OutputSpec outputs[] = {
    {"value", DATA_SCALAR, N_("the chosen option's place, from 0")},
    {"word", DATA_TEXT, N_("the chosen option")},
};

static const KindKey keys[] = {
    {"Left Right", N_("the option before or after")},
    {"Space", N_("the next option")},
    {"Home End", N_("the first or last option")},
    {"1-9", N_("pick an option by its number")},
    {"a-z A-Z", N_("pick an option by its first letter")},
};

const WidgetKind choice_kind = {
    .schema = {.name = "choice",
               KIND_LIST(params, params),
               KIND_LIST(outputs, outputs),
               .help = N_("one option out of a few"),
               .example = "id=gate label=\"Gate\" options=AND,OR,NAND,NOR value=AND"},
    KIND_LIST(keys, keys),
    .ops = &choice_ops,
};
