/* options.c: the table of command-line options, its parser and its --help listing.
 * Must not print anything but the help listing it is asked for, nor exit. */
#include <config.h>

#include <getopt.h>
#include <stddef.h>
#include <string.h>

#include "app/options.h"
#include "base/utf8.h"
#include "draw/wrap.h"
#include "nls.h"

typedef enum {
	OPT_SET_TRUE, /* a bool field becomes true */
	OPT_STRING,   /* a const char * field takes the argument */
	OPT_ACTION    /* Options.action becomes the row's value */
} OptKind;

typedef struct {
	const char *name; /* long name without "--" */
	char short_name;  /* 0: none */
	OptKind kind;
	size_t field;      /* offsetof the field set, for OPT_SET_TRUE and OPT_STRING */
	int value;         /* the Action, for OPT_ACTION */
	const char *arg;   /* the argument's name in --help (N_), or NULL for none */
	const char *help;  /* one line of --help (N_) */
} OptionSpec;

static const OptionSpec option_table[] = {
	{"content-dir", 'C', OPT_STRING, offsetof(Options, content_dir), 0, N_("DIR"),
	 N_("read the course from DIR, not the installed one")},
	{"ascii", 0, OPT_SET_TRUE, offsetof(Options, ascii), 0, NULL,
	 N_("draw in ASCII only, even in a UTF-8 locale")},
	{"no-color", 0, OPT_SET_TRUE, offsetof(Options, no_colour), 0, NULL,
	 N_("do not use colours (as does a non-empty NO_COLOR)")},
	{"no-mouse", 0, OPT_SET_TRUE, offsetof(Options, no_mouse), 0, NULL,
	 N_("leave the mouse to the terminal (to select text)")},
	{"lesson", 'l', OPT_STRING, offsetof(Options, lesson), 0, N_("ID"),
	 N_("open lesson ID, or the lesson of unit ID at that unit, directly (with --plain: "
	    "print the lesson)")},
	{"data", 0, OPT_STRING, offsetof(Options, data), 0, N_("FILE"),
	 N_("open the lab with your points (CSV x1,x2,label)")},
	{"plain", 0, OPT_SET_TRUE, offsetof(Options, plain), 0, NULL,
	 N_("print the course (or --lesson) as text and exit")},
	{"list", 0, OPT_ACTION, 0, ACTION_LIST, NULL,
	 N_("print the course index and exit")},
	{"glossary", 0, OPT_ACTION, 0, ACTION_GLOSSARY, NULL,
	 N_("print the glossary of terms and exit")},
	{"progress", 'P', OPT_STRING, offsetof(Options, progress), 0, N_("FILE"),
	 N_("keep progress in FILE instead of ~/.neuronauts")},
	{"reset-progress", 0, OPT_ACTION, 0, ACTION_RESET_PROGRESS, NULL,
	 N_("move the progress file to a backup and exit")},
	{"report", 0, OPT_ACTION, 0, ACTION_REPORT, NULL,
	 N_("print your progress as text and exit; with FILEs (progress files of a class):"
	    " a table, a row per learner")},
	{"csv", 0, OPT_SET_TRUE, offsetof(Options, csv), 0, NULL,
	 N_("with --report: print the table as CSV")},
	{"check", 0, OPT_ACTION, 0, ACTION_CHECK, NULL,
	 N_("check the course, or the lessons given, and exit")},
	{"help", 'h', OPT_ACTION, 0, ACTION_HELP, NULL,
	 N_("display this help and exit")},
	{"version", 'V', OPT_ACTION, 0, ACTION_VERSION, NULL,
	 N_("output version information and exit")},
};

#define N_OPTIONS (sizeof option_table / sizeof *option_table)

OptStatus options_parse(Options *o, int argc, char **argv, const char **bad)
{
	struct option longopts[N_OPTIONS + 1];
	char shortopts[2 * N_OPTIONS + 3], *sp = shortopts;
	size_t i;
	int c, index;

	memset(o, 0, sizeof *o);
	o->action = ACTION_RUN;
	*bad = NULL;

	*sp++ = ':'; /* report a missing argument as ':' rather than '?' */
	for (i = 0; i < N_OPTIONS; i++) {
		const OptionSpec *s = &option_table[i];
		longopts[i].name = s->name;
		longopts[i].has_arg = s->kind == OPT_STRING ? required_argument : no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = 256 + (int)i; /* the row, whatever the short name */
		if (s->short_name) {
			*sp++ = s->short_name;
			if (s->kind == OPT_STRING)
				*sp++ = ':';
		}
	}
	memset(&longopts[N_OPTIONS], 0, sizeof longopts[N_OPTIONS]);
	*sp = '\0';

	optind = 0; /* glibc: start afresh, so the parser can run more than once */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, &index)) != -1) {
		const OptionSpec *s = NULL;

		if (c == '?' || c == ':') {
			const char *arg = argv[optind - 1];
			static char short_buf[3];
			if (optopt > 0 && optopt < 256) {
				short_buf[0] = '-';
				short_buf[1] = (char)optopt;
				short_buf[2] = '\0';
				arg = short_buf;
			}
			*bad = arg;
			if (c == ':')
				return OPT_ERR_MISSING_ARG;
			if (optopt >= 256 && strchr(arg, '='))
				return OPT_ERR_EXTRA_ARG;
			return OPT_ERR_UNKNOWN;
		}
		if (c >= 256)
			s = &option_table[c - 256];
		for (i = 0; !s && i < N_OPTIONS; i++)
			if (option_table[i].short_name == c)
				s = &option_table[i];
		if (!s) /* getopt returned a character not in the table: cannot happen */
			continue;
		switch (s->kind) {
		case OPT_SET_TRUE:
			*(bool *)((char *)o + s->field) = true;
			break;
		case OPT_STRING:
			*(const char **)((char *)o + s->field) = optarg;
			break;
		case OPT_ACTION:
			if (o->action == ACTION_RUN)
				o->action = (Action)s->value;
			break;
		}
	}
	o->nargs = argc - optind;
	o->args = argv + optind;
	return OPT_OK;
}

void options_print_row(FILE *out, const char *left, const char *help)
{
	WrapLine lines[8];
	int w = utf8_width(left, strlen(left)), pad = w < 26 ? 26 - w : 1, n, k;

	/* Descriptions wrap under their column, so no line passes 79 columns. */
	n = wrap_text(help, strlen(help), 79 - 28, lines, 8);
	for (k = 0; k < n && k < 8; k++)
		fprintf(out, "  %s%*s%.*s\n", k ? "" : left, k ? 26 : pad, "", (int)lines[k].len,
			help + lines[k].start);
}

void options_print_help(FILE *out)
{
	size_t i;

	for (i = 0; i < N_OPTIONS; i++) {
		const OptionSpec *s = &option_table[i];
		char left[64];

		snprintf(left, sizeof left, "%c%c%c --%s%s%s", s->short_name ? '-' : ' ',
			 s->short_name ? s->short_name : ' ', s->short_name ? ',' : ' ', s->name,
			 s->arg ? "=" : "", s->arg ? _(s->arg) : "");
		options_print_row(out, left, _(s->help));
	}
}
