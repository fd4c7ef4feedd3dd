/* visual.h: the widgets that compute and show: plot (activation curves, or data other
 * widgets feed), network (a diagram with a forward pass and its wave), neuron (one
 * neuron's arithmetic) and game (a goal, rounds and a score around them); what they
 * share, and the functions other widgets call on them.
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#ifndef NN_WIDGETS_VISUAL_H
#define NN_WIDGETS_VISUAL_H

#include <stdbool.h>
#include <stddef.h>

#include "nn/act.h"
#include "nn/data.h"
#include "nn/optim.h"
#include "widgets/core/plotdata.h"
#include "widgets/core/widget.h"

/* Activation functions the plotting, network and trainer widgets know, as a schema's
 * choices. */
#define ACTIVATIONS "step|sigmoid|tanh|relu|leakyrelu|elu|gelu|softplus|swish|identity"

/* Schema rows the trainer and the race declare alike (their tables include these, so
 * the manual says the same of both): the noise of the points; the points, the hidden
 * layers (read with visual_layers) and the loss. The including file has nls.h. */
#define VISUAL_PARAM_NOISE                                                                         \
	{.name = "noise", .type = PARAM_NUMBER, .min = 0, .max = 5, .def = "0.2",                  \
	 .help = N_("the noise of the points")}
#define VISUAL_PARAMS_NET                                                                          \
	{.name = "points", .type = PARAM_INT, .min = 10, .max = 5000, .def = "400",                \
	 .help = N_("the points of the dataset, train and test together")},                        \
	{.name = "layers", .type = PARAM_NUMBERS, .min = 0, .max = 16, .nmin = 1, .nmax = 6,       \
	 .def = "8,8",                                                                             \
	 .help = N_("neurons per hidden layer (0 to 6 layers of 1 to 16; layers=0: none)")},       \
	{.name = "activation", .type = PARAM_WORDS, .nmin = 1, .nmax = 6, .def = "tanh",           \
	 .choices = ACTIVATIONS,                                                                   \
	 .help = N_("the hidden layers' activations, one per layer (the last one repeats)")},      \
	{.name = "loss", .type = PARAM_CHOICE, .def = "ce", .choices = "ce|mse",                   \
	 .help = N_("cross-entropy (softmax with several classes) or mean squared error")}

/* The activation names lessons write (the registry's ACTIVATIONS): "step", "sigmoid",
 * "tanh", "relu", "leakyrelu", "elu", "gelu", "softplus", "swish", "identity". Returns
 * false for any other word (or NULL). */
bool visual_act(const char *word, Activation *a);

/* How a function is named on screen: "σ" (ASCII "sigmoid"), "tanh", "ReLU", "step"... */
const char *visual_act_symbol(Activation a, Caps caps);

/* How a generated dataset and an optimizer are named on screen (translated): "Spiral",
 * "Two gaussians", "Plane (regression)"; "SGD", "momentum", "Adam". */
const char *visual_data_title(DataKind k);
const char *visual_optim_title(OptimKind k);

/* The hidden layers a directive's "layers" and "activation" give (the trainer's and
 * the race's): up to max (at most 16) widths of 1 to 16 into hidden (absent: 8,8;
 * layers=0: none), and max activations into act (the last one given repeats; tanh
 * when absent or unknown). Returns the number of hidden layers. */
int visual_layers(const Instance *in, int *hidden, Activation *act, int max);

/* A loss as the training widgets show it: 4 decimals, or 3 significant digits when
 * large or tiny ("1.2e+09"). */
void visual_loss(char *out, size_t size, double v);

/* The word of the option chosen in the choice widget id: its "options" parameter's item
 * number value (a choice's value is the 0-based index of its option). NULL when there
 * is no such widget or its value is not an option's index. */
const char *visual_choice_word(const Scene *s, const char *id);

/* Formats v with at most `digits` decimals and no trailing zeros ("0.6", "1", "-0.45"),
 * never "-0"; the minus is the ASCII hyphen, as prose and tables write it, so one
 * screen has one number style; "?" when v is not finite. Safe for any
 * double and any size: a number of 1e15 or more, or one too long for size, is written
 * in the shortest %g form that fits ("1e+40"). Returns the length written (< size). */
int visual_num(char *out, size_t size, double v, int digits);

/* A pixel's glyph by its brightness v in [0, 1]: four shades and a dot for dark; in
 * ASCII "#" (0.5 or more), ":" (above 0) and ".". */
const char *visual_shade(double v, Caps caps);

/* Like visual_num with exactly `digits` decimals ("0.70", "0.668"). */
int visual_fixed(char *out, size_t size, double v, int digits);

/* A plot with a panel of text beside it (panel_w columns, when the width holds two
 * panels' worth) or under it: the plot's width *pw and the panel's corner (*px, *py)
 * for a plot plot_h rows high at the top left of r; and the height that takes for a
 * panel of `lines` lines. */
void visual_beside(Rect r, int plot_h, int panel_w, int *pw, int *px, int *py);
int visual_beside_height(int width, int plot_h, int panel_w, int lines);

/* Text t at (x, y), cut at maxw columns; nothing when maxw < 1. */
void visual_text(Grid *g, int x, int y, int maxw, const char *t, Style st);

/* The first max_rows lines of text (n bytes, each line ending in a newline) from
 * (x, y) down, each cut at maxw columns, line bold_row (from 0; -1: none) in bold: a
 * widget's panel of figures. Returns the lines drawn. */
int visual_lines(Grid *g, int x, int y, int maxw, const char *text, size_t n, int max_rows,
		 int bold_row);

/* The neuron's weighted sum z and output y = f(z) for the inputs x (NULL: its current
 * inputs, from its own numbers or the widgets named by inputs_from). n must be its
 * number of inputs. Returns false for another kind of widget or another n. */
bool neuron_eval(const Instance *in, const double *x, size_t n, double *z, double *y);

/* The network's first output for the inputs x (NULL: its current inputs); n must be
 * its number of inputs. Returns false for another kind of widget or another n. */
bool network_eval(const Instance *in, const double *x, size_t n, double *y);

/* The data a plot widget with chart=lines, scatter, field, histogram or bars shows:
 * the widget that feeds it appends to it (see plotdata.h) and returns WIDGET_REDRAW
 * (or true from tick) so the screen is drawn again. NULL for chart=curves, a failed
 * widget or another kind. */
PlotData *plot_widget_data(Instance *in);

#endif
