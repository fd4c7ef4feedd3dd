/* lab.h: "neuronauts lab", the headless trainer: the library's command-line face.
 * Part of app/: may print and decide the exit status, never touches the terminal. */
#ifndef NN_APP_LAB_H
#define NN_APP_LAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The command line of "neuronauts lab" as given: strings are argv's, numbers not
 * given are NAN (doubles) or 0 (counts); lab_options_parse sets the defaults below. */
typedef struct {
	const char *data, *layers, *hidden, *output, *loss, *opt, *batch;
	const char *init, *init_scheme, *save, *kernels, *predict;
	double lr, momentum, beta1, beta2, eps, l1, l2, dropout;
	size_t epochs, steps, log_every;
	uint64_t seed;
	int shuffle; /* 1 --shuffle, 0 --no-shuffle, -1 not given */
	int eval;    /* 1 --eval: evaluate the net as given, no training */
	bool help;
} LabOptions;

typedef enum {
	LAB_OPT_OK,
	LAB_OPT_UNKNOWN,     /* not an option of lab */
	LAB_OPT_MISSING_ARG, /* needs an argument */
	LAB_OPT_EXTRA_ARG,   /* a flag given an argument */
	LAB_OPT_OPERAND,     /* an operand */
	LAB_OPT_NUMBER,      /* a number option's value is not a number */
	LAB_OPT_COUNT        /* a count option's value is not a positive whole number */
} LabOptStatus;

/* Parses argv (argv[0] is "lab"). On error *bad is the offending argument and
 * *opt_name the option's long name (for LAB_OPT_NUMBER and LAB_OPT_COUNT). */
LabOptStatus lab_options_parse(LabOptions *o, int argc, char **argv, const char **bad,
                               const char **opt_name);

/* Writes the option list of "neuronauts lab --help", translated. */
void lab_options_print_help(FILE *out);

/* Runs "neuronauts lab": argv[0] is "lab". Returns the exit status: 0, 1 on an error
 * (a file, the data, divergence), 2 on a bad command line. */
int lab_main(int argc, char **argv);

#endif
