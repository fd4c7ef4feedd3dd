/* widget.h: the widget contract: the functions every widget kind provides, and the
 * live instance the lesson player keeps for each @widget and @quiz of a lesson.
 * Must not own the main loop, navigate or write files: the player calls these and
 * acts on the flags they return. Sees keys as ui's Key, never a curses type. */
#ifndef NN_WIDGETS_WIDGET_H
#define NN_WIDGETS_WIDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw/grid.h"
#include "lesson/model.h"
#include "lesson/schema.h"
#include "nn/mlp.h"
#include "ui/key.h"

typedef struct {
	int x, y, w, h;
} Rect;

/* What key() returns: bits. */
enum {
	WIDGET_IGNORED = 0,      /* not for this widget: the player may use the key */
	WIDGET_HANDLED = 1 << 0, /* used */
	WIDGET_REDRAW = 1 << 1,  /* something it shows changed (others may read it too) */
	WIDGET_DONE = 1 << 2,    /* completed: a game won, a quiz answered: save now */
	WIDGET_NEXT = 1 << 3     /* move the focus on to the next control */
};

/* The widget's slice of the progress store: keys are the widget's own ("best",
 * "answer"); the player prefixes them with the lesson and the widget's id. */
typedef struct {
	const char *(*get)(void *ctx, const char *key);
	void (*set)(void *ctx, const char *key, const char *value);
	void *ctx;
} Store;

/* A whole number in a Store: written in decimal; read back as def when it is absent,
 * not a whole number, or outside lo .. hi (param.c). */
void store_put_int(const Store *s, const char *key, int v);
int store_get_int(const Store *s, const char *key, int lo, int hi, int def);

/* Flags of n items (bit i: item i; n at most 32) in a Store: one '0' or '1' per item.
 * store_get_flags leaves *bits and gives false unless the value has exactly n of them
 * (param.c). */
void store_put_flags(const Store *s, const char *key, uint32_t bits, int n);
bool store_get_flags(const Store *s, const char *key, int n, uint32_t *bits);

typedef struct Scene Scene;
typedef struct Instance Instance;
typedef struct PlotDataSeries PlotDataSeries;

/* One output's data as its widget publishes it (see OutputSpec in lesson/schema.h for
 * the types). Everything points into the publisher's state: valid until it next changes,
 * which bumps version; a reader that kept the version it last computed from can skip
 * its work while the version stays the same. */
typedef struct {
	DataType type;
	unsigned long version; /* changes whenever the data does */
	size_t n;              /* VECTOR: values; POINTS: points; SERIES: series */
	size_t rows, cols;     /* MATRIX: row-major in v */
	const double *v;       /* SCALAR (one), VECTOR, MATRIX; POINTS: n (x, y) pairs */
	const int *cls;        /* POINTS: n classes, or NULL */
	const char *const *labels;    /* VECTOR: n names, or NULL */
	const char *text;             /* TEXT */
	const PlotDataSeries *series; /* SERIES: n of them */
	/* MODEL: a function of n_in inputs to n_out outputs, computed by eval from the
	 * publisher's current weights (owner is the publishing instance); model is its
	 * network when it has one (a trainer, a network: every neuron may then be traced,
	 * mlp_trace), else NULL, and eval may then be NULL. */
	size_t n_in, n_out;
	bool (*eval)(const Instance *owner, const double *x, double *y);
	const Instance *owner;
	const Mlp *model;
	double scalar;                /* SCALAR: the number (v points here) */
} Data;

/* What an animation controller asks of the widget it plays. */
typedef enum {
	ANIM_PLAY,
	ANIM_PAUSE,
	ANIM_STEP,   /* one frame (or stage) forward, paused */
	ANIM_REPLAY, /* back to the start, playing */
	ANIM_SPEED   /* set the speed (steps per second) to the command's argument */
} AnimCommand;

typedef struct {
	bool playing;
	int step, steps; /* where it is, of how many (steps 0: open-ended) */
	double speed;    /* steps per second */
} AnimState;

typedef struct {
	/* Makes in->state from the directive (in->block). Returns 0, or -1 when out of
	 * memory (the player then shows the text alternative). */
	int (*init)(Instance *in);
	/* Frees exactly what init made. */
	void (*free)(Instance *in);
	/* The rows the widget wants at a width (at least 1). */
	int (*height)(const Instance *in, int width);
	/* Draws into r of g; changes no state. Places the cursor (*cx, *cy) on the part
	 * the learner works when focused, or leaves it. */
	void (*draw)(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		     int *cy);
	/* Reacts to a key while focused; returns WIDGET_* bits. NULL: not interactive. */
	unsigned (*key)(Instance *in, const Key *k);
	/* Whether it takes keys as it is (a tab stop): a table with nothing to scroll or
	 * a plot that follows a slider does not. NULL: whenever it has key. */
	bool (*focusable)(const Instance *in);
	/* Advances an animation by dt seconds; returns whether anything changed. Sets
	 * in->animating to false when it stops. It may set in->done (a goal reached while
	 * training): the player then saves and completes the unit as for WIDGET_DONE.
	 * NULL: never animates. */
	bool (*tick)(Instance *in, double dt);
	/* The small state that belongs in progress (best score, answers). May be NULL. */
	void (*save)(const Instance *in, const Store *s);
	void (*restore)(Instance *in, const Store *s);
	/* The number other widgets read (a slider's value, a neuron's output); false when
	 * it has none. May be NULL. It is the kind's first output when the kind declares
	 * a DATA_SCALAR output first and has no output function. */
	bool (*value)(const Instance *in, double *out);
	/* The keys it takes now, as pairs of a key ("Enter", "a-d") and what it does, into
	 * pairs (at most max strings; keys made up on the spot go into scratch, size
	 * bytes); returns the number of strings. NULL: the kind's key table. For kinds
	 * whose keys change with their state (a quiz: "r try again" once answered). */
	int (*keys)(const Instance *in, bool unicode, const char **pairs, int max, char *scratch,
		    size_t size);
	/* Fills *out with the output called name (one of the kind's OutputSpecs, by its
	 * name); false when it has none now. May be NULL (only value, as above). */
	bool (*output)(const Instance *in, const char *name, Data *out);
	/* Animated widgets obey an animation controller (NULL: not animated). animate
	 * sets in->animating as playing starts or stops. */
	void (*animate)(Instance *in, AnimCommand cmd, double arg);
	void (*anim_state)(const Instance *in, AnimState *st);
} WidgetOps;

/* A kind's key, for its help line and the player's list of keys (generated from these
 * rows, so they cannot drift from what key() does: a test sends each kind every key
 * and checks it takes only the keys listed). */
typedef struct {
	const char *keys; /* as the help names them: "Left Right", "+ -", "Space", "r" */
	const char *help; /* what they do (N_): "move the cursor" */
} KindKey;

enum {
	KIND_GOAL = 1 << 0, /* a unit needs it done (won): a game */
	KIND_WIDE = 1 << 1, /* its slot may be wider than the text column on a wide screen
	                     * (up to DOC_MAX_WIDE columns): the trainer's diagram */
	KIND_WATCH = 1 << 2 /* it animates when what it reads changes (a cloud moving its
	                     * points to the new ones): after anything in the scene changed,
	                     * scene_changed calls its tick with dt 0 so it may notice and
	                     * start (setting in->animating); nothing runs while all is still */
};

/* A widget kind: everything about it in one constant, defined in the kind's own file
 * and listed once in core/kinds.def. */
typedef struct {
	WidgetSchema schema; /* its name, parameters, outputs, help and example */
	const WidgetOps *ops;
	unsigned flags;          /* KIND_* */
	const char *goal_param;  /* a number parameter that, when set above 0, gives an
	                          * instance a goal (the trainer's goal_accuracy), or NULL */
	const KindKey *keys;     /* its keys while focused, in help order */
	size_t nkeys;
} WidgetKind;

/* In a kind's definition: .schema = {KIND_LIST(params, params), ...}. */
#define KIND_LIST(field, a) .field = a, .n##field = sizeof a / sizeof *a

struct Instance {
	const WidgetOps *ops;
	const WidgetKind *kind;     /* NULL for quizzes and the problem stand-in */
	const WidgetSchema *schema; /* the kind's schema (defaults); NULL for quizzes */
	const Block *block;         /* its BLOCK_WIDGET or BLOCK_QUIZ */
	const char *id;
	Scene *scene;
	void *state;
	bool animating; /* the player ticks it while true */
	bool offscreen; /* scrolled out of view: not ticked (a trainer waits) until shown */
	bool done;      /* won or answered */
	bool failed;    /* init failed: shown as its text alternative */
	bool goal;      /* a unit needs it done: a quiz, a game, a trainer with a goal */
	bool ready;     /* initialised: others may read its outputs */
	bool print;     /* drawn once for print (--plain): show everything, scroll nothing */
};

struct Scene {
	Instance *items; /* in document order */
	size_t n;
	const char *lesson_id;
};

/* Makes an instance for every widget block of l whose kind has functions and for
 * every quiz block (widgets/quiz/quiz.h), then initialises them: each after the
 * widgets its references name (so an init may read their outputs), otherwise in
 * document order. A directive that fails the checker becomes a stand-in that shows
 * its error (widgets/core/problem.h). Returns 0 or -1 (out of memory). */
int scene_init(Scene *s, const Lesson *l);

void scene_free(Scene *s);

/* The instance for a block, or NULL when the block has none (text only). */
Instance *scene_for_block(Scene *s, const Block *b);

/* The instance with this id, or NULL. */
Instance *scene_find(Scene *s, const char *id);

/* Whether in reads t: one of its reference parameters names t (the plot a slider
 * moves reads the slider), or in is a quiz whose show= names t. */
bool scene_reads(const Instance *in, const Instance *t);

/* The number the widget with this id (or "id:output") publishes first; false when it
 * has none, or is not initialised yet. */
bool scene_value(const Scene *s, const char *id, double *out);

/* The output of t called name (NULL: the first whose type is among accepts; accepts
 * 0: any) into *out; false when t is NULL, not initialised, or has no such output. */
bool scene_output(const Instance *t, const char *name, unsigned accepts, Data *out);

/* What in's reference parameter key (item i of a list of references) points at: the
 * target's output it names, or the first of the types the parameter accepts. */
bool scene_data(const Instance *in, const char *key, Data *out);
/* Like scene_data for a reference that accepts several types, asking for one of them
 * (the target's first output of that type, unless the reference names one). */
bool scene_data_as(const Instance *in, const char *key, unsigned type, Data *out);
bool scene_data_at(const Instance *in, const char *key, size_t i, Data *out);

/* Whether k is one of the keys kind lists (its table is the whole truth: a kind takes
 * no key it does not list). Names: Left Right Up Down Home End PgUp PgDn Enter Space
 * Esc Backspace, a character ("+", "r"), or a range ("0-9", "a-z"). */
bool kind_key_listed(const WidgetKind *kind, const Key *k);

/* The kind's keys as one help line into buf ("←/→ move  Space play or pause", arrows
 * spelled out without Unicode); returns its length (cut at size - 1). */
size_t kind_keys_line(const WidgetKind *kind, char *buf, size_t size, bool unicode);

/* Key rows as instance_keys gives them: each row's keys as the footer shows them
 * ("Up/Down", arrows in UTF-8), then what they do; for a keys function whose table
 * changes with its state. */
int keys_pairs(const KindKey *rows, size_t nrows, bool unicode, const char **pairs, int max,
	       char *scratch, size_t size);

/* The keys in takes now as (key, what) pairs, from its keys op or its kind's table
 * (see WidgetOps.keys); returns the number of strings (even). */
int instance_keys(const Instance *in, bool unicode, const char **pairs, int max,
		  char *scratch, size_t size);

/* Whether an instance of k made from w has a goal a unit needs reached: KIND_GOAL, or
 * its goal_param set above 0. */
bool kind_has_goal(const WidgetKind *k, const Widget *w);

/* Whether any instance on screen is animating. */
bool scene_animating(const Scene *s);

/* Ticks every animating instance on screen; returns whether anything changed (then it
 * calls scene_changed itself). */
bool scene_tick(Scene *s, double dt);

/* Something in the scene changed outside a tick (a key): lets every KIND_WATCH instance
 * that is not animating look at what it reads (its tick with dt 0). Returns whether any
 * started animating. */
bool scene_changed(Scene *s);

/* Parameters as typed values, clamped to the schema's ranges and list lengths, and
 * falling back to the schema's default when absent (then to def, where given). A
 * default of a list of words is one word (tests/lesson/check_schema.c keeps it so). */
double widget_num(const Instance *in, const char *key, double def);
bool widget_bool(const Instance *in, const char *key, bool def);
const char *widget_str(const Instance *in, const char *key, const char *def);
/* A range; false (and *lo, *hi untouched) when absent without a default. */
bool widget_range(const Instance *in, const char *key, double *lo, double *hi);
/* A list of numbers: fills up to max, returns how many there are (0 when absent with
 * no default). */
size_t widget_nums(const Instance *in, const char *key, double *out, size_t max);
/* A list of words: item i, or NULL. */
const char *widget_word(const Instance *in, const char *key, size_t i);
size_t widget_nwords(const Instance *in, const char *key);

#endif
