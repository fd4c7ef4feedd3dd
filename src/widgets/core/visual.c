/* visual.c: what the computing widgets share: activation names as lessons write them,
 * how functions, numbers, datasets and optimizers are shown, a choice widget's chosen word, and evaluating a
 * neuron or network at given inputs. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "nls.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

typedef struct {
	const char *word; /* as lessons write it */
	Activation act;
	const char *uni, *ascii; /* as shown */
} ActName;

static const ActName act_names[] = {
    {"step", ACT_STEP, "step", "step"},
    {"sigmoid", ACT_SIGMOID, "σ", "sigmoid"},
    {"tanh", ACT_TANH, "tanh", "tanh"},
    {"relu", ACT_RELU, "ReLU", "ReLU"},
    {"leakyrelu", ACT_LEAKY_RELU, "LReLU", "LReLU"},
    {"elu", ACT_ELU, "ELU", "ELU"},
    {"gelu", ACT_GELU, "GELU", "GELU"},
    {"softplus", ACT_SOFTPLUS, "softplus", "softplus"},
    {"swish", ACT_SWISH, "swish", "swish"},
    {"identity", ACT_LINEAR, "id", "id"},
};

#define N_ACT_NAMES (sizeof act_names / sizeof *act_names)

bool visual_act(const char *word, Activation *a)
{
	size_t i;

	for (i = 0; word && i < N_ACT_NAMES; i++)
		if (strcmp(word, act_names[i].word) == 0) {
			*a = act_names[i].act;
			return true;
		}
	return false;
}

const char *visual_act_symbol(Activation a, Caps caps)
{
	size_t i;

	for (i = 0; i < N_ACT_NAMES; i++)
		if (act_names[i].act == a)
			return caps.unicode ? act_names[i].uni : act_names[i].ascii;
	return "f";
}

const char *visual_data_title(DataKind k)
{
	switch (k) {
	case DATA_SPIRAL: return _("Spiral");
	case DATA_CIRCLE: return _("Circle");
	case DATA_XOR: return _("XOR");
	case DATA_GAUSSIANS: return _("Two gaussians");
	case DATA_MOONS: return _("Moons");
	case DATA_CHECKER: return _("Checkerboard");
	case DATA_BLOBS: return _("Blobs");
	case DATA_PLANE: return _("Plane (regression)");
	case DATA_BUMPS: return _("Bumps (regression)");
	default: return data_name(k);
	}
}

const char *visual_optim_title(OptimKind k)
{
	switch (k) {
	case OPTIM_SGD: return "SGD";
	case OPTIM_MOMENTUM: return _("momentum");
	case OPTIM_ADAM: return "Adam";
	default: return optim_name(k);
	}
}

int visual_layers(const Instance *in, int *hidden, Activation *act, int max)
{
	double h[16];
	size_t n, i, layers;

	max = max < 0 ? 0 : max > 16 ? 16 : max;
	layers = widget_nums(in, "layers", h, 16);
	if (layers == 0) { /* absent: the schema's 8,8 */
		h[0] = h[1] = 8;
		layers = 2;
	} else if (layers == 1 && h[0] == 0) {
		layers = 0; /* layers=0: no hidden layer */
	}
	layers = layers > (size_t)max ? (size_t)max : layers;
	for (i = 0; i < layers; i++)
		hidden[i] = h[i] < 1 ? 1 : h[i] > 16 ? 16 : (int)h[i];
	n = widget_nwords(in, "activation");
	for (i = 0; i < (size_t)max; i++) { /* the last one given repeats */
		const char *a = n ? widget_word(in, "activation", i < n ? i : n - 1) : "tanh";
		if (!visual_act(a, &act[i]))
			act[i] = ACT_TANH;
	}
	return (int)layers;
}

void visual_loss(char *out, size_t size, double v)
{
	if (isfinite(v) && v != 0 && (fabs(v) >= 1000 || fabs(v) < 1e-4))
		snprintf(out, size, "%.3g", v);
	else
		visual_fixed(out, size, v, 4);
}

const char *visual_choice_word(const Scene *s, const char *id)
{
	Instance *in = scene_find((Scene *)(uintptr_t)s, id);
	double v;

	if (!in || !in->ops->value || !in->ops->value(in, &v) || !(v >= 0) || v != floor(v) ||
	    v >= (double)widget_nwords(in, "options"))
		return NULL;
	return widget_word(in, "options", (size_t)v);
}

/* "?" for a value that is not a number, cut to size. */
static int format_unknown(char *out, size_t size)
{
	if (size == 0)
		return 0;
	if (size == 1)
		return out[0] = '\0', 0;
	return memcpy(out, "?", 2), 1;
}

/* v with digits decimals into out (size bytes), as "%.*f" writes it while that fits
 * and the number is of a size people read digit by digit; otherwise in the shortest
 * "%g" form that fits ("1e+40"), cut only when size is smaller than any. Returns
 * the length written: never more than size - 1, whatever v is. */
static int format_num(char *out, size_t size, double v, int digits)
{
	char tmp[64];
	int n = -1, p;

	if (size == 0)
		return 0;
	if (digits < 0)
		digits = 0;
	if (digits > 17)
		digits = 17;
	if (fabs(v) < 1e15)
		n = snprintf(tmp, sizeof tmp, "%.*f", digits, v);
	for (p = digits > 0 ? digits : 1; (n < 0 || (size_t)n >= size) && p >= 1; p--)
		n = snprintf(tmp, sizeof tmp, "%.*g", p, v);
	if (n < 0)
		n = 0, tmp[0] = '\0';
	if ((size_t)n >= size)
		n = (int)size - 1;
	memcpy(out, tmp, (size_t)n);
	out[n] = '\0';
	return n;
}

const char *visual_shade(double v, Caps caps)
{
	if (!caps.unicode)
		return v >= 0.5 ? "#" : v > 0 ? ":" : ".";
	return v >= 0.75 ? "█" : v >= 0.5 ? "▓" : v >= 0.25 ? "▒" : v > 0 ? "░" : "·";
}

int visual_fixed(char *out, size_t size, double v, int digits)
{
	int n;

	if (!isfinite(v))
		return format_unknown(out, size);
	n = format_num(out, size, v, digits);
	if (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1)) /* "-0.00" */
		memmove(out, out + 1, (size_t)n--);
	return n;
}

int visual_num(char *out, size_t size, double v, int digits)
{
	int n;

	if (!isfinite(v))
		return format_unknown(out, size);
	n = format_num(out, size, v, digits);
	if (memchr(out, '.', (size_t)n) && !memchr(out, 'e', (size_t)n)) {
		while (n > 0 && out[n - 1] == '0')
			out[--n] = '\0';
		if (n > 0 && out[n - 1] == '.')
			out[--n] = '\0';
	}
	if (strcmp(out, "-0") == 0)
		n = format_num(out, size, 0, 0);
	return n;
}

void visual_text(Grid *g, int x, int y, int maxw, const char *t, Style st)
{
	if (maxw > 0)
		grid_text(g, x, y, t, strlen(t), maxw, st);
}

int visual_lines(Grid *g, int x, int y, int maxw, const char *text, size_t n, int max_rows,
		 int bold_row)
{
	size_t i, start = 0;
	int row = 0;

	for (i = 0; i < n && row < max_rows; i++)
		if (text[i] == '\n') {
			if (maxw > 0)
				grid_text(g, x, y + row, text + start, i - start, maxw,
					  row == bold_row ? STYLE_BOLD : STYLE_NORMAL);
			start = i + 1;
			row++;
		}
	return row;
}

void visual_beside(Rect r, int plot_h, int panel_w, int *pw, int *px, int *py)
{
	bool side = r.w >= 2 * panel_w;

	*pw = side ? r.w - panel_w : r.w;
	*px = side ? r.x + *pw + 1 : r.x;
	*py = side ? r.y : r.y + plot_h;
}

int visual_beside_height(int width, int plot_h, int panel_w, int lines)
{
	if (width >= 2 * panel_w)
		return plot_h > lines ? plot_h : lines;
	return plot_h + lines;
}
