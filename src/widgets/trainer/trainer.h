/* trainer.h: the trainer widget ("Train a Brain"): controls and a view over a run
 * (nn/run.h: a real MLP trained live on a 2-D dataset): its decision boundary, loss
 * curves, counters and controls. The state is shared by trainer.c (the run's driver),
 * trainer-controls.c (keys) and trainer-view.c (drawing).
 * Must not own the loop, navigate or write files; computes only with src/nn. */
#ifndef NN_WIDGETS_TRAINER_H
#define NN_WIDGETS_TRAINER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw/netdiag.h"
#include "draw/plot.h"
#include "nn/init.h"
#include "nn/run.h"
#include "widgets/core/plotdata.h"
#include "widgets/core/widget.h"

#define BRAIN_MAX_HIDDEN 6   /* hidden layers */
#define BRAIN_MAX_WIDTH  16  /* neurons per hidden layer */
#define BRAIN_HISTORY    256 /* points kept per curve (thinned as a run grows) */
#define BRAIN_FIELD_CAP  65536 /* decision-field samples drawn at most */
#define BRAIN_EVAL_CAP   256 /* grid points evaluated per forward pass */
#define BRAIN_MAX_CLASSES 6  /* classes a confusion matrix is shown for */
#define BRAIN_OWN_CLASSES 10 /* classes of the learner's own points (digits 0 to 9) */
#define BRAIN_STATE_MAX  192 /* bytes of a state string (trainer_state_string) */
/* While training, the decision field is brought up to the weights of now every
 * BRAIN_FIELD_PERIOD seconds at the most often, BRAIN_FIELD_WAIT_MAX at the least, and
 * in between as its last update asks: the samples whose colour changed in it over
 * BRAIN_FIELD_RATE (what a slow link carries: each is about 14 bytes to a terminal). */
#define BRAIN_FIELD_PERIOD   0.25
#define BRAIN_FIELD_WAIT_MAX 1.0
#define BRAIN_FIELD_RATE     250.0


typedef enum {
	BRAIN_PAUSED,
	BRAIN_RUNNING,
	BRAIN_DIVERGED,
	BRAIN_FAILED /* out of memory while rebuilding: nothing to train */
} BrainMode;

/* Whether the lesson's goal counts for what the trainer holds now, or why not
 * (trainer_goal_miss): the goal is about the lesson's data and a budget of neurons. */
typedef enum {
	BRAIN_GOAL_COUNTS,
	BRAIN_GOAL_NONE,    /* no goal (or regression: no accuracy to reach) */
	BRAIN_GOAL_OWN,     /* the learner's own points */
	BRAIN_GOAL_DATASET, /* another generated dataset */
	BRAIN_GOAL_NOISE,
	BRAIN_GOAL_SPLIT,
	BRAIN_GOAL_POINTS,
	BRAIN_GOAL_NEURONS  /* more hidden neurons than max_neurons */
} BrainGoalMiss;

typedef enum {
	BRAIN_CHART_LOSS, /* train and test loss by epoch (log scale) */
	BRAIN_CHART_ACC,  /* train and test accuracy by epoch (classification only) */
	BRAIN_CHART_NET,  /* the network diagram, weights coloured by sign and size */
	BRAIN_CHART_NEURONS, /* each neuron's output over the field's square (trainer-thumbs.c) */
	BRAIN_CHART_COUNT
} BrainChart;

typedef struct {
	/* What the learner set. */
	DataKind kind;
	double noise, ratio; /* ratio: the training share */
	size_t points;       /* train and test together */
	uint64_t data_seed, init_seed;
	int nhidden;
	int hidden[BRAIN_MAX_HIDDEN];
	Activation acts[BRAIN_MAX_HIDDEN]; /* each hidden layer's activation */
	Loss loss;        /* LOSS_CE (softmax with several classes) or LOSS_MSE */
	OptimKind optim;
	double lr, l1, l2, dropout;
	InitScheme init; /* INIT_COUNT: by the activation (He for the ReLU family, else Xavier) */
	size_t batch;
	int speed;       /* index of trainer_speeds: epochs per second (0 there: full speed) */
	double goal;      /* test accuracy to win (0: no goal) */
	int max_neurons;  /* hidden neurons allowed for the win (0: any) */
	DataKind goal_kind; /* the data the goal is about: the lesson's dataset, */
	double goal_noise, goal_ratio; /* noise and split, and points (other data */
	size_t goal_points; /* do not count for the goal) */
	bool early;       /* stop once the test loss stops improving, with the best weights */
	int sel;          /* the hidden layer [ ] and a change (-1: all of them) */
	/* The learner's own points (from a CSV file, or placed with the keyboard): the
	 * data while custom is true, instead of the generator's. */
	bool custom;
	Dataset own;
	uint8_t *own_side;  /* per point: 0 split by the data seed, 1 train, 2 test,
	                     * 3 placed by the learner (trains) */
	size_t own_classes; /* 0: regression */
	char own_name[64];  /* the data's title: a file's name, or "" for placed points */
	bool placing;       /* p: arrows move the cursor, a digit drops a point there */
	double cur_x, cur_y; /* the cursor, in data coordinates */
	/* What was built from it: the run (nn/run.h: the data and split, the net, its
	 * trainers, metrics and history, the best weights, divergence). */
	size_t classes; /* 0: regression */
	Run run;
	MlpWork eval;   /* for the decision field */
	bool built;     /* the run exists */
	unsigned long version; /* of the weights, for readers of its model: every change of
	                        * them ends in evaluate(), which bumps it */
	/* The widget's side of the run. */
	BrainMode mode;
	double best;        /* best test accuracy while the goal counted, at an epoch's end
	                     * or after a change (-1: none) */
	bool won;
	bool at_win;        /* paused where the goal was reached (until trained again) */
	double win_epoch, win_acc; /* where and with what it was reached (this session) */
	bool restored;      /* B put the best weights back (until trained again) */
	double blown_lr;    /* the rate training diverged at */
	double suggest_lr;  /* a rate of the ladder that trained from the same start (0:
	                     * every smaller one diverged too) */
	double rate;        /* examples per second, smoothed (0: not measured yet) */
	double owed;        /* examples due at a limited speed, not trained yet */
	PlotData curves;    /* train and test loss by epoch (the run's history, shown) */
	PlotData accs;      /* train and test accuracy by epoch */
	BrainChart chart;   /* what the chart area shows (v cycles) */
	/* The decision field while training is brought up to date every
	 * trainer_field_wait seconds of ticks, not every frame (the loss chart and the
	 * numbers are): its colours are most of what a frame sends to the terminal. Any
	 * other change of the weights shows at once, and so do they when paused. */
	unsigned long field_shown; /* the version of the weights the field shows */
	double field_age;          /* seconds of training since it was brought up to date */
	size_t field_changed;      /* samples whose colour band its last update changed */
	/* Drawing scratch, kept between frames: the field's values and colours, computed
	 * for field_key (the weights' version, the samples and the square) only. */
	Plot field_plot;
	double *field;
	uint8_t *fcol; /* the field's class colours (several classes) */
	struct {
		unsigned long version;
		int fw, fh, pw, ph;
		double box[4];
		bool valid;
	} field_key;
	NetDiag nd;
} Brain;

/* Trains the trainer instance in on `examples` more examples (whole mini-batches, at
 * least one), then evaluates and records the losses and accuracies, as a tick does but
 * without the clock: the same seeds and calls give the same numbers bit for bit.
 * Returns true while training may go on (false once it diverged or cannot run). */
bool trainer_train(Instance *in, size_t examples);

/* The seconds the field waits, while training, before it shows the weights of now,
 * after an update that changed the colour of `changed` samples:
 * changed / BRAIN_FIELD_RATE, within BRAIN_FIELD_PERIOD .. BRAIN_FIELD_WAIT_MAX. */
double trainer_field_wait(size_t changed);

/* Training speeds in epochs per second, slowest first; the last, 0, is full speed
 * (as many examples as the frame's time budget allows). */
extern const double trainer_speeds[];
extern const int trainer_nspeeds;

/* The learning rates + and - move between, smallest first (trainer-controls.c), and
 * the rate one press of + (dir 1) or - (dir -1) makes of lr. */
extern const double trainer_rates[];
extern const int trainer_nrates;
double trainer_rate_step(double lr, int dir);

/* The state, for the tests and the view; NULL for another kind of widget. */
const Brain *trainer_state(const Instance *in);

/* The hidden neurons of the current net. */
int trainer_neurons(const Brain *b);

/* The explanation shown when training diverged ("" otherwise), in buf: the step, the
 * rate and what blew up, and the rate to try with the presses of - that reach it, or
 * what the rate is now once - was pressed (trainer-judge.c). */
void trainer_diverged_text(const Brain *b, char *buf, size_t size, Caps caps);

/* Marks the run diverged and finds the rate to suggest: the ladder's rates below the
 * one that blew up, each tried on a throwaway fresh start of the same run
 * (run_probe_rates); the one that lowers the training loss most is suggested. */
void trainer_diverged(Brain *b);

/* Whether the goal counts for the trainer's data and net now, or why not. */
BrainGoalMiss trainer_goal_miss(const Brain *b);

/* A line saying why the goal does not count now ("" when it counts or there is none),
 * and what brings it back. */
void trainer_goal_miss_text(const Brain *b, char *buf, size_t size, Caps caps);

/* An epoch for the eye: "41" when whole, else "41.5". */
void trainer_epoch_str(char *buf, size_t size, double epoch);

/* The square the field shows, in data coordinates: the points' bounds plus a margin. */
void trainer_bounds(const Brain *b, double *x0, double *x1, double *y0, double *y1);

/* The learner's own data (trainer-data.c). trainer_use_data copies d (2 features and
 * a label: integer labels 0 to BRAIN_OWN_CLASSES - 1 are classes, anything else a
 * regression target) as the data, split by the ratio and data seed, named name; the
 * net keeps its weights when its shape allows. Returns 0, or -1 with a message in
 * err (translated). trainer_place drops a training point of class (or, for
 * regression, value) digit 0-9 at the cursor; trainer_unplace removes the last one
 * placed. Both return whether anything changed. */
int trainer_use_data(Instance *in, const Dataset *d, const char *name, char *err, size_t size);
bool trainer_place(Instance *in, int digit);
bool trainer_unplace(Instance *in);
/* Makes train and test (new sets) from the own points (trainer_build calls it). */
int trainer_own_split(const Brain *b, Dataset *train, Dataset *test);
/* Lets the data seed and the ratio split the own points again (placed ones train). */
void trainer_own_unpin(Brain *b);

/* The whole state, every control and both seeds, as a short string of "key=value"
 * fields (trainer-state.c): "nn1/s=spiral/d=1/w=1/h=8tanh,8tanh/r=0.1". The data,
 * the seeds and the net are always there; a control left out has the widget's
 * default. "s=own" stands for the learner's own points, which are not in the string.
 * trainer_apply_state sets it and rebuilds, paused (the same string gives the same
 * run bit for bit); -1 and a message in err when the string is not one (nothing
 * changes then). */
void trainer_state_string(const Brain *b, char *buf, size_t size);
int trainer_apply_state(Instance *in, const char *s, char *err, size_t size);

/* Replaces the net's parameters with params (n of them: the net's count) and
 * evaluates; the run goes on from there. -1 when n does not match. */
int trainer_set_weights(Instance *in, const double *params, size_t n);

/* Puts the weights of the lowest test loss back and evaluates (the kept loss and its
 * epoch stay, the curves and the epoch count go on from here: the chart shows the jump
 * back); -1 when there are none. */
int trainer_restore_best(Instance *in);

/* Rebuilds after a change of the settings, keeping the net's weights when keep is
 * true and the shape did not change; judges the goal. */
void trainer_rebuild(Instance *in, bool keep);

/* Engine (trainer.c) for the controls: rebuilds the data, the net and the run from the
 * settings (0, or -1 with mode BRAIN_FAILED). */
int trainer_build(Brain *b);

/* Judges a test accuracy of the net as it is (trainer-judge.c): while the goal counts,
 * keeps the best, and wins once (in->done). Returns true when this was the win. */
bool trainer_judge(Instance *in, Brain *b, double acc);

/* Keys and animation commands (trainer-controls.c), the WidgetOps functions. */
unsigned trainer_controls_key(Instance *in, const Key *k);
void trainer_controls_animate(Instance *in, AnimCommand cmd, double arg);
void trainer_controls_anim_state(const Instance *in, AnimState *st);

/* Drawing (trainer-view.c). */
int trainer_view_height(const Instance *in, int width);
void trainer_view_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		       int *cy);

/* The neurons chart (trainer-thumbs.c): a thumbnail of each neuron's output over the
 * square of trainer_bounds in the w x h cells at (x, y), or a line saying there is no room. */
void trainer_thumbs_draw(Brain *b, Grid *g, int x, int y, int w, int h, Caps caps);

#endif
