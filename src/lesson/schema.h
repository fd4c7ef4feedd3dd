/* schema.h: the types of a widget's parameter schema, which the checker validates
 * lesson directives against. The table itself belongs to src/widgets (registry.c):
 * the lesson layer receives it as an argument and never includes widgets. */
#ifndef NN_LESSON_SCHEMA_H
#define NN_LESSON_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	PARAM_NUMBER,  /* 0.5 */
	PARAM_INT,     /* a whole number: 3 */
	PARAM_RANGE,   /* lo..hi with lo < hi */
	PARAM_NUMBERS, /* a list of numbers: 2,3,1 (one number is a list of one) */
	PARAM_WORDS,   /* a list of words or "strings" (one is a list of one) */
	PARAM_STRING,  /* "a string" or a bare word */
	PARAM_BOOL,    /* yes/no, true/false, on/off */
	PARAM_CHOICE,  /* one word of choices */
	PARAM_REF,     /* another widget of the lesson: "id", or "id:output" for one of
	                * its outputs by name */
	PARAM_REFS     /* a list of those: a,b,c */
} ParamType;

/* What a widget publishes for others to read (widgets/core/widget.h has the data). */
typedef enum {
	DATA_SCALAR = 1 << 0, /* one number: a slider's value, a neuron's output */
	DATA_VECTOR = 1 << 1, /* n numbers, maybe labelled: probabilities, gradient sizes */
	DATA_MATRIX = 1 << 2, /* rows x cols numbers: a feature map, attention weights */
	DATA_POINTS = 1 << 3, /* n points (x, y), each with a class */
	DATA_SERIES = 1 << 4, /* named series of (x, y): loss curves */
	DATA_MODEL = 1 << 5,  /* a small model: a network with its weights */
	DATA_TEXT = 1 << 6    /* a word or a line: the option a choice shows */
} DataType;

/* One output of a kind: its name (as "id:name" refers to it) and its type. */
typedef struct {
	const char *name;
	DataType type;
	const char *help; /* one line for authors (N_) */
} OutputSpec;

/* A parameter, declared with designated initializers; what is left out is 0, false or
 * NULL: {.name = "lr", .type = PARAM_NUMBER, .min = 1e-6, .max = 100, .def = "0.03",
 * .help = N_("the learning rate")}. */
typedef struct {
	const char *name;
	ParamType type;
	double min, max; /* NUMBER, INT, RANGE, NUMBERS: allowed values; both 0: any */
	int nmin, nmax;  /* NUMBERS, WORDS, REFS: allowed list lengths; both 0: any */
	bool required;
	const char *def;     /* the default as a lesson would write it, or NULL */
	const char *choices; /* CHOICE, and WORDS when restricted: "a|b|c" */
	unsigned accepts;    /* REF, REFS: the DataType bits it reads (the first output of
	                      * the target of one of these types, unless one is named);
	                      * 0: any widget, which it drives rather than reads */
	const char *help;    /* one line for authors (N_) */
	const char *unless;  /* with required: not required when a parameter named here
	                      * ("a" or "a|b") is given, and never given together with one
	                      * (one or the other) */
	const char *needs;   /* given only together with a parameter named here ("a|b") */
} ParamSpec;

typedef struct {
	const char *name; /* the widget kind as lessons write it: "slider" */
	const ParamSpec *params;
	size_t nparams;
	const OutputSpec *outputs; /* what it publishes, the default first */
	size_t noutputs;
	const char *help;    /* one line for authors (N_) */
	const char *example; /* what follows "@widget NAME " in a lesson, for the manual */
} WidgetSchema;

/* The schemas of every widget kind, as the registry lends them to the checker. */
typedef struct {
	size_t n;
	const WidgetSchema *(*at)(size_t i); /* i < n */
} SchemaTable;

/* Returns row i's schema (i < t->n). */
const WidgetSchema *schema_at(const SchemaTable *t, size_t i);

/* Returns the schema called name, or NULL. */
const WidgetSchema *schema_find(const SchemaTable *t, const char *name);

/* Returns the parameter spec called name, or NULL. */
const ParamSpec *schema_param(const WidgetSchema *w, const char *name);

/* True when word is one of the '|'-separated choices. */
bool schema_choice(const char *choices, const char *word);

/* Returns the name of a parameter type, for messages and documentation. */
const char *schema_type_name(ParamType t);

/* The length of the id in a reference: "net:outputs" names the output "outputs" of
 * the widget "net"; "net" its default output. */
size_t schema_ref_id_len(const char *ref);

/* The output called name (NULL or "": the first, the default one) of w, or NULL. */
const OutputSpec *schema_output(const WidgetSchema *w, const char *name);

/* The output of w a reference accepting the DataType bits `accepts` reads: the one
 * called name when name is given (NULL when it has none of those types), else the
 * first whose type is among them. accepts 0 takes any output. NULL when none fits. */
const OutputSpec *schema_output_for(const WidgetSchema *w, const char *name,
				    unsigned accepts);

/* "a number", "numbers", "a matrix", "points", "series", "a model", "text": the
 * types in bits, joined by " or ", into buf. Returns buf. */
const char *schema_data_names(unsigned bits, char *buf, size_t size);

#endif
