/* registry.c: every widget kind as one row of a const table: its name, what it is for
 * and its parameter schema (what lessons may write in @widget). Data only.
 * Must not depend on app; adding a kind is one row here. */
#include <config.h>

#include <string.h>

#include "nls.h"
#include "widgets/controls/controls.h"
#include "widgets/core/smallwidgets.h"
#include "widgets/trainer/trainer.h"
#include "widgets/core/registry.h"
#include "widgets/core/visual.h"

#define ROWS(a) a, sizeof a / sizeof *a

/* Activation functions the plotting and network widgets know. */
#define ACTIVATIONS "step|sigmoid|tanh|relu|leakyrelu|elu|gelu|softplus|swish|identity"

static const ParamSpec plot_params[] = {
    {"fn", PARAM_WORDS, 0, 0, 1, 4, false, "sigmoid", ACTIVATIONS,
     N_("the curves to draw, such as sigmoid or relu,tanh")},
    {"fn_from", PARAM_REF, 0, 0, 0, 0, false, NULL, NULL,
     N_("a choice whose chosen option names the curve drawn instead of fn")},
    {"x", PARAM_RANGE, -1000, 1000, 0, 0, false, "-6..6", NULL, N_("the inputs shown")},
    {"y", PARAM_RANGE, -1000, 1000, 0, 0, false, NULL, NULL,
     N_("the outputs shown (default: fit the curves)")},
    {"slope", PARAM_BOOL, 0, 0, 0, 0, false, "no", NULL,
     N_("also draw each curve's slope (its derivative)")},
    {"names", PARAM_BOOL, 0, 0, 0, 0, false, "yes", NULL,
     N_("name the curves by their functions in the legend and the read-out (no: f, g, h "
        "and k, for a curve the learner must name)")},
    {"cursor", PARAM_NUMBER, -1000, 1000, 0, 0, false, NULL, NULL,
     N_("an input marked on the curve, with f(z) and f'(z) read out")},
    {"input", PARAM_REF, 0, 0, 0, 0, false, NULL, NULL,
     N_("a slider whose value moves the cursor (without it, Left and Right do)")},
    {"step", PARAM_NUMBER, 1e-6, 1000, 0, 0, false, NULL, NULL,
     N_("how far Left and Right move the cursor (default: a 48th of the inputs shown)")},
    {"height", PARAM_INT, 1, 40, 0, 0, false, "12", NULL,
     N_("rows of the chart, legend and axes included (curves: at least 4)")},
    {"chart", PARAM_CHOICE, 0, 0, 0, 0, false, "curves", "curves|lines|scatter|field|histogram|bars",
     N_("curves of fn, or a chart whose data another widget feeds")},
    {"title", PARAM_STRING, 0, 0, 0, 0, false, NULL, NULL, N_("a caption")},
};

static const ParamSpec network_params[] = {
    {"layers", PARAM_NUMBERS, 1, 16, 2, 8, true, NULL, NULL,
     N_("neurons per layer, inputs first: 2,3,1")},
    {"weights", PARAM_NUMBERS, -100, 100, 0, 0, false, NULL, NULL,
     N_("every weight, layer by layer, each neuron's incoming weights together (default: "
        "uniform in -1..1 from the fixed seed 1, rounded to 0.01)")},
    {"biases", PARAM_NUMBERS, -100, 100, 0, 0, false, NULL, NULL,
     N_("every bias, layer by layer (default: 0)")},
    {"inputs", PARAM_NUMBERS, -100, 100, 0, 0, false, NULL, NULL,
     N_("the values fed in (default: 1 each)")},
    {"inputs_from", PARAM_WORDS, 0, 0, 1, 16, false, NULL, NULL,
     N_("widgets (switches, sliders) whose values are the inputs, in order")},
    {"activation", PARAM_CHOICE, 0, 0, 0, 0, false, "sigmoid", ACTIVATIONS,
     N_("the hidden and output activation")},
    {"labels", PARAM_WORDS, 0, 0, 0, 0, false, NULL, NULL, N_("names of the inputs")},
    {"animate", PARAM_BOOL, 0, 0, 0, 0, false, "no", NULL,
     N_("show the forward pass as a wave, one layer at a time: Space plays and pauses, "
        "Right steps, Left steps back, r replays")},
    {"speed", PARAM_NUMBER, 0.1, 10, 0, 0, false, "1", NULL,
     N_("layers per second while the wave plays")},
};

static const ParamSpec neuron_params[] = {
    {"inputs", PARAM_NUMBERS, -100, 100, 1, 8, false, NULL, NULL,
     N_("x: the inputs (default: 0 each)")},
    {"weights", PARAM_NUMBERS, -100, 100, 1, 8, false, NULL, NULL,
     N_("w: one weight per input (default: 0 each)")},
    {"bias", PARAM_NUMBER, -100, 100, 0, 0, false, "0", NULL, N_("b: the bias")},
    {"inputs_from", PARAM_WORDS, 0, 0, 1, 8, false, NULL, NULL,
     N_("widgets (switches, sliders) whose values are the inputs, in order")},
    {"weights_from", PARAM_WORDS, 0, 0, 1, 8, false, NULL, NULL,
     N_("widgets (sliders) whose values are the weights, in order")},
    {"bias_from", PARAM_REF, 0, 0, 0, 0, false, NULL, NULL,
     N_("a widget (a slider) whose value is the bias")},
    {"activation", PARAM_CHOICE, 0, 0, 0, 0, false, "sigmoid", ACTIVATIONS,
     N_("the squashing function")},
    {"editable", PARAM_BOOL, 0, 0, 0, 0, false, "yes", NULL,
     N_("whether the learner may change its own numbers: Left and Right choose one, + and - "
        "change it, digits and Enter type it, r resets")},
    {"step", PARAM_NUMBER, 1e-6, 100, 0, 0, false, "0.1", NULL,
     N_("how much + and - change a number")},
    {"detail", PARAM_BOOL, 0, 0, 0, 0, false, "no", NULL,
     N_("with the sigmoid, also show the squash in steps: e^-z, 1 + e^-z and 1 / (1 + e^-z)")},
};

static const ParamSpec slider_params[] = {
    {"label", PARAM_STRING, 0, 0, 0, 0, true, NULL, NULL, N_("what the slider sets")},
    {"range", PARAM_RANGE, -1e6, 1e6, 0, 0, true, NULL, NULL, N_("the lowest and highest value")},
    {"value", PARAM_NUMBER, -1e6, 1e6, 0, 0, false, NULL, NULL,
     N_("the starting value (default: the middle of the range)")},
    {"step", PARAM_NUMBER, 1e-9, 1e6, 0, 0, false, NULL, NULL,
     N_("how far one key press moves it (default: a hundredth of the range)")},
    {"digits", PARAM_INT, 0, 10, 0, 0, false, "2", NULL, N_("decimals shown")},
};

static const ParamSpec switch_params[] = {
    {"label", PARAM_STRING, 0, 0, 0, 0, true, NULL, NULL, N_("what the switch turns on")},
    {"value", PARAM_BOOL, 0, 0, 0, 0, false, "off", NULL, N_("the starting position")},
    {"on", PARAM_STRING, 0, 0, 0, 0, false, "on", NULL, N_("the word shown when on")},
    {"off", PARAM_STRING, 0, 0, 0, 0, false, "off", NULL, N_("the word shown when off")},
};

static const ParamSpec choice_params[] = {
    {"label", PARAM_STRING, 0, 0, 0, 0, true, NULL, NULL, N_("what is being chosen")},
    {"options", PARAM_WORDS, 0, 0, 2, 16, true, NULL, NULL, N_("the options, in order")},
    {"value", PARAM_STRING, 0, 0, 0, 0, false, NULL, NULL,
     N_("the option chosen at first (default: the first)")},
};

static const ParamSpec button_params[] = {
    {"label", PARAM_STRING, 0, 0, 0, 0, true, NULL, NULL, N_("the button's text")},
    {"action", PARAM_CHOICE, 0, 0, 0, 0, true, NULL, "run|step|reset|play|pause|check|next",
     N_("what pressing it does")},
    {"target", PARAM_REF, 0, 0, 0, 0, false, NULL, NULL,
     N_("the widget it acts on (default: the one before it)")},
};

static const ParamSpec readout_params[] = {
    {"label", PARAM_STRING, 0, 0, 0, 0, true, NULL, NULL, N_("the name shown")},
    {"of", PARAM_REF, 0, 0, 0, 0, true, NULL, NULL, N_("the widget whose value it shows")},
    {"digits", PARAM_INT, 0, 10, 0, 0, false, "3", NULL, N_("decimals shown")},
    {"unit", PARAM_STRING, 0, 0, 0, 0, false, NULL, NULL, N_("a unit after the number")},
};

static const ParamSpec grid_params[] = {
    {"rows", PARAM_INT, 2, 32, 0, 0, true, NULL, NULL, N_("cells down")},
    {"cols", PARAM_INT, 2, 32, 0, 0, true, NULL, NULL, N_("cells across")},
    {"cells", PARAM_NUMBERS, 0, 1, 0, 0, false, NULL, NULL,
     N_("starting brightness of each cell, row by row (default: all 0)")},
    {"editable", PARAM_BOOL, 0, 0, 0, 0, false, "yes", NULL,
     N_("whether the learner may paint cells")},
    {"kernel", PARAM_INT, 2, 5, 0, 0, false, NULL, NULL,
     N_("a kernel window of this size that follows the cursor, as in a convolution")},
};

static const ParamSpec table_params[] = {
    {"columns", PARAM_WORDS, 0, 0, 1, 16, true, NULL, NULL, N_("the column headings")},
    {"cells", PARAM_WORDS, 0, 0, 1, 256, true, NULL, NULL,
     N_("the cells, row by row: a multiple of the number of columns")},
    {"highlight", PARAM_INT, 1, 256, 0, 0, false, NULL, NULL, N_("a row to highlight")},
    {"highlight_column", PARAM_INT, 1, 16, 0, 0, false, NULL, NULL, N_("a column to highlight")},
    {"height", PARAM_INT, 1, 64, 0, 0, false, "6", NULL,
     N_("rows shown at once; more scroll with Up and Down")},
};

static const ParamSpec cards_params[] = {
    {"titles", PARAM_WORDS, 0, 0, 1, 32, true, NULL, NULL, N_("one title per card")},
    {"texts", PARAM_WORDS, 0, 0, 1, 32, false, NULL, NULL, N_("what each card says when opened")},
    {"columns", PARAM_INT, 1, 4, 0, 0, false, "2", NULL, N_("cards side by side")},
};

static const ParamSpec stepper_params[] = {
    {"steps", PARAM_WORDS, 0, 0, 2, 64, true, NULL, NULL, N_("the stages, in order")},
    {"start", PARAM_INT, 1, 64, 0, 0, false, "1", NULL, N_("the stage shown first")},
    {"target", PARAM_REF, 0, 0, 0, 0, false, NULL, NULL,
     N_("a widget that follows the current stage")},
};

static const ParamSpec animation_params[] = {
    {"target", PARAM_REF, 0, 0, 0, 0, true, NULL, NULL, N_("the widget it plays")},
    {"speed", PARAM_NUMBER, 0.1, 10, 0, 0, false, "1", NULL, N_("steps per second")},
    {"loop", PARAM_BOOL, 0, 0, 0, 0, false, "no", NULL, N_("start again at the end")},
    {"autoplay", PARAM_BOOL, 0, 0, 0, 0, false, "no", NULL, N_("play as soon as it is shown")},
};

static const ParamSpec game_params[] = {
    {"goal", PARAM_STRING, 0, 0, 0, 0, true, NULL, NULL, N_("what the learner must reach")},
    {"watch", PARAM_REF, 0, 0, 0, 0, true, NULL, NULL,
     N_("the widget whose value is judged (mode=gate: a neuron or a 2-input network)")},
    {"mode", PARAM_CHOICE, 0, 0, 0, 0, false, "target", "target|gate",
     N_("target: bring the value within margin of each round's target; gate: make the "
        "neuron compute a logic gate, each row of its truth table lit when right")},
    {"target", PARAM_NUMBER, -1e6, 1e6, 0, 0, false, NULL, NULL,
     N_("the first round's target (default: drawn from range like the later ones)")},
    {"range", PARAM_RANGE, -1e6, 1e6, 0, 0, false, "0.1..0.9", NULL,
     N_("where the rounds' targets are drawn from")},
    {"margin", PARAM_NUMBER, 0, 1e6, 0, 0, false, "0.1", NULL,
     N_("how close counts as reached (mode=gate: outputs this close to 0.5 are marked near)")},
    {"rounds", PARAM_INT, 1, 100, 0, 0, false, "1", NULL, N_("rounds to a full score")},
    {"seed", PARAM_INT, 0, 1e6, 0, 0, false, "1", NULL,
     N_("the seed of the targets: the same seed gives the same game")},
    {"gate", PARAM_WORDS, 0, 0, 1, 8, false, "AND", "AND|OR|NAND|NOR|XOR",
     N_("mode=gate: the gate of each round in turn (XOR is shown as impossible)")},
    {"gate_from", PARAM_REF, 0, 0, 0, 0, false, NULL, NULL,
     N_("mode=gate: a choice whose option is the gate; each round needs a new gate")},
};

static const ParamSpec trainer_params[] = {
    {"dataset", PARAM_CHOICE, 0, 0, 0, 0, false, "spiral",
     "spiral|circle|xor|gaussians|moons|checkerboard|blobs|plane|bumps",
     N_("the 2-D data (blobs: three classes; plane and bumps: regression); d cycles")},
    {"noise", PARAM_NUMBER, 0, 5, 0, 0, false, "0.2", NULL, N_("the noise of the points")},
    {"ratio", PARAM_NUMBER, 0.1, 1, 0, 0, false, "0.5", NULL,
     N_("the share of the points trained on; the rest is the test set")},
    {"data_seed", PARAM_INT, 0, 1e9, 0, 0, false, "1", NULL,
     N_("the seed of the points and the split (D draws a new one)")},
    {"init_seed", PARAM_INT, 0, 1e9, 0, 0, false, "1", NULL,
     N_("the seed of the initial weights and the shuffling (R draws a new one)")},
    {"points", PARAM_INT, 10, 5000, 0, 0, false, "400", NULL,
     N_("the points of the dataset, train and test together")},
    {"layers", PARAM_NUMBERS, 0, 16, 1, 6, false, "8,8", NULL,
     N_("neurons per hidden layer (0 to 6 layers of 1 to 16; layers=0: none)")},
    {"activation", PARAM_WORDS, 0, 0, 1, 6, false, "tanh", ACTIVATIONS,
     N_("the hidden layers' activations, one per layer (the last one repeats)")},
    {"loss", PARAM_CHOICE, 0, 0, 0, 0, false, "ce", "ce|mse",
     N_("cross-entropy (softmax with several classes) or mean squared error")},
    {"optimizer", PARAM_CHOICE, 0, 0, 0, 0, false, "adam", "sgd|momentum|adam",
     N_("how the weights are updated")},
    {"lr", PARAM_NUMBER, 1e-6, 100, 0, 0, false, "0.03", NULL, N_("the learning rate")},
    {"batch", PARAM_INT, 1, 400, 0, 0, false, "10", NULL, N_("examples per step")},
    {"l1", PARAM_NUMBER, 0, 1, 0, 0, false, "0", NULL, N_("the L1 regularization rate")},
    {"l2", PARAM_NUMBER, 0, 1, 0, 0, false, "0", NULL, N_("the L2 regularization rate")},
    {"dropout", PARAM_NUMBER, 0, 0.9, 0, 0, false, "0", NULL,
     N_("the probability of dropping a hidden neuron while training")},
    {"init", PARAM_CHOICE, 0, 0, 0, 0, false, "auto",
     "auto|uniform|normal|xavier-uniform|xavier-normal|he-uniform|he-normal|zeros",
     N_("the initial weights (auto: He for the ReLU family, Xavier otherwise)")},
    {"early_stop", PARAM_BOOL, 0, 0, 0, 0, false, "no", NULL,
     N_("stop once the test loss stops improving and put its best weights back (e)")},
    {"goal_accuracy", PARAM_NUMBER, 0, 1, 0, 0, false, NULL, NULL,
     N_("the test accuracy that wins (with max_neurons)")},
    {"max_neurons", PARAM_INT, 1, 96, 0, 0, false, NULL, NULL,
     N_("the most hidden neurons a winning net may have")},
};

static const WidgetKind widget_kinds[] = {
    {{"plot", ROWS(plot_params),
      N_("a braille plot of activation curves, or a chart another widget feeds"),
      "id=curves fn=sigmoid,tanh x=-6..6 slope=yes input=z"}, &plot_ops},
    {{"network", ROWS(network_params), N_("a diagram of a layered network"),
      "id=net layers=2,3,1 inputs=1,0 animate=yes"}, &network_ops},
    {{"neuron", ROWS(neuron_params), N_("one neuron: inputs, weights, bias, output"),
      "id=cell inputs=1,0 weights=0.6,-0.4 bias=0.1"}, &neuron_ops},
    {{"slider", ROWS(slider_params), N_("a number the learner sets"),
      "id=z label=\"Input z\" range=-6..6 value=0 step=0.5"}, &slider_ops},
    {{"switch", ROWS(switch_params), N_("an on/off switch"),
      "id=x1 label=\"Input x1\" value=on"}, &switch_ops},
    {{"choice", ROWS(choice_params), N_("one option out of a few"),
      "id=gate label=\"Gate\" options=AND,OR,NAND,NOR value=AND"}, &choice_ops},
    {{"button", ROWS(button_params), N_("a button that runs, steps or resets"),
      "id=fire label=\"Fire\" action=run target=net"}, &button_ops},
    {{"readout", ROWS(readout_params), N_("a live number from another widget"),
      "id=out label=\"Output\" of=cell digits=3"}, &readout_ops},
    {{"grid", ROWS(grid_params), N_("a small pixel grid the learner paints"),
      "id=pixels rows=5 cols=5 editable=yes"}, &pixels_ops},
    {{"table", ROWS(table_params), N_("a table of text"),
      "id=truth columns=x1,x2,y cells=0,0,0,0,1,1,1,0,1,1,1,0"}, &table_ops},
    {{"cards", ROWS(cards_params), N_("cards to open one by one"),
      "id=archs titles=CNN,RNN,GAN texts=\"Sees patterns\",\"Remembers\",\"Invents\""}, &cards_ops},
    {{"stepper", ROWS(stepper_params), N_("named stages, one at a time"),
      "id=stages steps=Embed,Attention,FFN,Head target=net"}, &stepper_ops},
    {{"animation", ROWS(animation_params), N_("play, pause, step and replay"),
      "id=play target=net speed=2 loop=no"}, &animation_ops},
    {{"game", ROWS(game_params), N_("a goal, a score and rounds around other widgets"),
      "id=light goal=\"Output within 0.1 of the target\" watch=cell rounds=3"}, &game_ops},
    {{"trainer", ROWS(trainer_params),
      N_("a real network trained live on 2-D data: boundary, curves and controls"),
      "id=brain dataset=spiral layers=8,8 goal_accuracy=0.9 max_neurons=16"}, &trainer_ops},
};

#define N_KINDS (sizeof widget_kinds / sizeof *widget_kinds)

const WidgetKind *registry_kinds(size_t *n)
{
	*n = N_KINDS;
	return widget_kinds;
}

const WidgetKind *registry_find(const char *name)
{
	size_t i;

	for (i = 0; i < N_KINDS; i++)
		if (strcmp(widget_kinds[i].schema.name, name) == 0)
			return &widget_kinds[i];
	return NULL;
}

SchemaTable registry_schemas(void)
{
	SchemaTable t = {&widget_kinds[0].schema, N_KINDS, sizeof widget_kinds[0]};

	return t;
}
