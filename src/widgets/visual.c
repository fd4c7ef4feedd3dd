/* visual.c: what the computing widgets share: activation names as lessons write them,
 * how functions and numbers are shown, a choice widget's chosen word, and evaluating a
 * neuron or network at given inputs. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "widgets/visual.h"

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

const char *visual_choice_word(const Scene *s, const char *id)
{
	Instance *in = scene_find((Scene *)(uintptr_t)s, id);
	double v;

	if (!in || !in->ops->value || !in->ops->value(in, &v) || !(v >= 0) || v != floor(v) ||
	    v >= (double)widget_nwords(in, "options"))
		return NULL;
	return widget_word(in, "options", (size_t)v);
}

/* Replaces a leading '-' of out (length n) by U+2212; returns the new length. */
static int unicode_minus(char *out, size_t size, int n)
{
	if (n > 0 && out[0] == '-' && (size_t)n + 3 < size) {
		memmove(out + 3, out + 1, (size_t)n);
		memcpy(out, "\xe2\x88\x92", 3);
		n += 2;
	}
	return n;
}

int visual_fixed(char *out, size_t size, double v, int digits, Caps caps)
{
	int n;

	if (!isfinite(v))
		return snprintf(out, size, "%s", "?");
	n = snprintf(out, size, "%.*f", digits, v);
	if (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1)) /* "-0.00" */
		memmove(out, out + 1, (size_t)n--);
	return caps.unicode ? unicode_minus(out, size, n) : n;
}

int visual_num(char *out, size_t size, double v, int digits, Caps caps)
{
	int n;

	if (!isfinite(v))
		return snprintf(out, size, "%s", "?");
	n = snprintf(out, size, "%.*f", digits, v);
	if (memchr(out, '.', (size_t)n)) {
		while (n > 0 && out[n - 1] == '0')
			out[--n] = '\0';
		if (n > 0 && out[n - 1] == '.')
			out[--n] = '\0';
	}
	if (strcmp(out, "-0") == 0)
		n = snprintf(out, size, "0");
	return caps.unicode ? unicode_minus(out, size, n) : n;
}

bool visual_eval(const Instance *in, const double *x, size_t n, double *y)
{
	double z;

	if (!in)
		return false;
	if (in->ops == &neuron_ops)
		return neuron_eval(in, x, n, &z, y);
	if (in->ops == &network_ops)
		return network_eval(in, x, n, y);
	return false;
}
