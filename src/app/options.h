/* options.h: the command line as a table of options and its parser.
 * Must not print, exit or touch the terminal: main decides what to do with the result. */
#ifndef NN_APP_OPTIONS_H
#define NN_APP_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

typedef enum {
	ACTION_RUN,     /* open the course */
	ACTION_HELP,    /* --help */
	ACTION_VERSION, /* --version */
	ACTION_LIST,    /* --list */
	ACTION_RESET_PROGRESS, /* --reset-progress */
	ACTION_CHECK,          /* --check [FILE|DIR]...: operands allowed */
	ACTION_REPORT,         /* --report [FILE]...: operands allowed */
	ACTION_GLOSSARY        /* --glossary */
} Action;

typedef struct {
	Action action;
	const char *content_dir; /* --content-dir, or NULL */
	bool no_colour;          /* --no-color */
	bool ascii;              /* --ascii */
	bool no_mouse;           /* --no-mouse */
	bool plain;              /* --plain */
	bool csv;                /* --csv: a report as CSV */
	const char *lesson;      /* --lesson, or NULL */
	const char *data;        /* --data: a CSV file for the lab, or NULL */
	const char *progress;    /* --progress, or NULL */
	int nargs;               /* operands left after the options */
	char **args;
} Options;

typedef enum {
	OPT_OK,
	OPT_ERR_UNKNOWN,     /* an option that is not in the table */
	OPT_ERR_MISSING_ARG, /* an option that needs an argument got none */
	OPT_ERR_EXTRA_ARG,   /* an option that takes no argument got one (--help=x) */
	OPT_ERR_OPERAND      /* an operand where none is accepted */
} OptStatus;

/* Parses argv (GNU style: long options, abbreviations, "--name=value", bundled short
 * options, "--" ends options, operands anywhere). On error, *bad points to the offending
 * argument. Sets defaults first; never prints. */
OptStatus options_parse(Options *o, int argc, char **argv, const char **bad);

/* Writes the option list of --help, aligned, translated, within 79 columns. */
void options_print_help(FILE *out);

/* Writes one --help row: left (an option and its argument) then help, aligned at
 * column 28 and wrapped under it. Shared by every command's help. */
void options_print_row(FILE *out, const char *left, const char *help);

#endif
