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
	PARAM_REF      /* the id of another widget in the same lesson */
} ParamType;

typedef struct {
	const char *name;
	ParamType type;
	double min, max; /* NUMBER, INT, RANGE, NUMBERS: allowed values; both 0: any */
	int nmin, nmax;  /* NUMBERS, WORDS: allowed list lengths; both 0: any */
	bool required;
	const char *def;     /* the default as a lesson would write it, or NULL */
	const char *choices; /* CHOICE, and WORDS when restricted: "a|b|c" */
	const char *help;    /* one line for authors (N_) */
} ParamSpec;

typedef struct {
	const char *name; /* the widget kind as lessons write it: "slider" */
	const ParamSpec *params;
	size_t nparams;
	const char *help;    /* one line for authors (N_) */
	const char *example; /* what follows "@widget NAME " in a lesson, for the manual */
} WidgetSchema;

/* The schemas of every widget kind: rows of the registry's table, which may hold more
 * than the schema (the widget's functions); stride is the distance between rows. */
typedef struct {
	const WidgetSchema *first;
	size_t n;
	size_t stride;
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

#endif
