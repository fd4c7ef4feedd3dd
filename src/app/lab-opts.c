/* lab-opts.c: the option table of "neuronauts lab", its parser and its --help listing.
 * Must not print anything but the help listing it is asked for, nor exit. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "app/lab.h"
#include "app/options.h"
#include "nls.h"

typedef enum {
	LAB_STRING, /* a const char * field takes the argument */
	LAB_DOUBLE, /* a double field: a finite number */
	LAB_SIZE,   /* a size_t field: a whole number > 0 */
	LAB_U64,    /* a uint64_t field: a whole number >= 0 */
	LAB_SET,    /* an int field becomes value */
	LAB_HELP    /* --help */
} LabOptKind;

typedef struct {
	const char *name; /* long name without "--" */
	LabOptKind kind;
	size_t field;     /* offsetof the field */
	int value;        /* for LAB_SET */
	const char *arg;  /* the argument's name in --help (N_), or NULL */
	const char *help; /* one line of --help (N_) */
} LabOptSpec;

#define F(f) offsetof(LabOptions, f)

static const LabOptSpec lab_table[] = {
    {"data", LAB_STRING, F(data), 0, N_("FILE"),
     N_("training data: CSV with columns x1,x2,...,label")},
    {"layers", LAB_STRING, F(layers), 0, N_("LIST"),
     N_("layer widths, inputs first (default: the --init file's, else 2,8,8,1)")},
    {"hidden", LAB_STRING, F(hidden), 0, N_("ACT"),
     N_("activation of the hidden layers (default: the --init file's, else tanh)")},
    {"output", LAB_STRING, F(output), 0, N_("ACT"),
     N_("activation of the output layer (default: by the loss)")},
    {"loss", LAB_STRING, F(loss), 0, N_("NAME"), N_("mse, bce or ce (default mse)")},
    {"opt", LAB_STRING, F(opt), 0, N_("NAME"),
     N_("sgd, momentum, nesterov, adam, adamw or rmsprop (default sgd)")},
    {"lr", LAB_DOUBLE, F(lr), 0, N_("X"), N_("learning rate")},
    {"momentum", LAB_DOUBLE, F(momentum), 0, N_("X"),
     N_("momentum of momentum and nesterov (default 0.9)")},
    {"beta1", LAB_DOUBLE, F(beta1), 0, N_("X"), N_("Adam's beta1 (default 0.9)")},
    {"beta2", LAB_DOUBLE, F(beta2), 0, N_("X"), N_("Adam's beta2 (0.999), RMSprop's decay (0.99)")},
    {"eps", LAB_DOUBLE, F(eps), 0, N_("X"), N_("epsilon of Adam and RMSprop (1e-8)")},
    {"l1", LAB_DOUBLE, F(l1), 0, N_("X"), N_("L1 regularization strength (default 0)")},
    {"l2", LAB_DOUBLE, F(l2), 0, N_("X"), N_("L2 regularization; AdamW's weight decay (0.01)")},
    {"batch", LAB_STRING, F(batch), 0, N_("N|full"), N_("examples per step (default 10)")},
    {"epochs", LAB_SIZE, F(epochs), 0, N_("N"), N_("passes over the data (default 100)")},
    {"steps", LAB_SIZE, F(steps), 0, N_("N"), N_("train for N steps instead of epochs")},
    {"init", LAB_STRING, F(init), 0, N_("FILE"), N_("read the initial weights from FILE")},
    {"init-scheme", LAB_STRING, F(init_scheme), 0, N_("NAME"),
     N_("draw the initial weights (default uniform)")},
    {"seed", LAB_U64, F(seed), 0, N_("N"), N_("random seed (default 1)")},
    {"shuffle", LAB_SET, F(shuffle), 1, NULL, N_("shuffle the rows every epoch (default)")},
    {"no-shuffle", LAB_SET, F(shuffle), 0, NULL, N_("train on the rows in file order")},
    {"dropout", LAB_DOUBLE, F(dropout), 0, N_("P"),
     N_("drop hidden units with probability P (default 0)")},
    {"log-every", LAB_SIZE, F(log_every), 0, N_("N"),
     N_("print the loss before training and every N steps")},
    {"save", LAB_STRING, F(save), 0, N_("FILE"), N_("write the trained weights to FILE")},
    {"eval", LAB_SET, F(eval), 1, NULL,
     N_("do not train: print the loss and accuracy of the net as given")},
    {"predict", LAB_STRING, F(predict), 0, N_("FILE"),
     N_("write each row's prediction to FILE (CSV), after training")},
    {"kernels", LAB_STRING, F(kernels), 0, N_("NAME"),
     N_("auto (default), portable, sse2, avx2, avx512: the same bits; fma: faster, "
        "NOT bit-identical")},
    {"help", LAB_HELP, 0, 0, NULL, N_("display this help and exit")},
};

#define N_LAB (sizeof lab_table / sizeof *lab_table)

/* Stores arg in the field of s; returns the status for a bad value. */
static LabOptStatus set_value(LabOptions *o, const LabOptSpec *s, const char *arg)
{
	char *field = (char *)o + s->field, *end;
	double v;
	unsigned long long u;

	switch (s->kind) {
	case LAB_STRING:
		*(const char **)field = arg;
		return LAB_OPT_OK;
	case LAB_DOUBLE:
		errno = 0;
		v = strtod(arg, &end);
		if (end == arg || *end || !isfinite(v))
			return LAB_OPT_NUMBER;
		*(double *)field = v;
		return LAB_OPT_OK;
	case LAB_SIZE:
	case LAB_U64:
		if (!(*arg >= '0' && *arg <= '9'))
			return LAB_OPT_COUNT;
		errno = 0;
		u = strtoull(arg, &end, 10);
		if (*end || errno == ERANGE)
			return LAB_OPT_COUNT;
		if (s->kind == LAB_U64) {
			*(uint64_t *)field = u;
			return LAB_OPT_OK;
		}
		if (u == 0 || u > (size_t)-1 / 2)
			return LAB_OPT_COUNT;
		*(size_t *)field = (size_t)u;
		return LAB_OPT_OK;
	case LAB_SET:
		*(int *)field = s->value;
		return LAB_OPT_OK;
	case LAB_HELP:
		o->help = true;
		return LAB_OPT_OK;
	}
	return LAB_OPT_OK;
}

LabOptStatus lab_options_parse(LabOptions *o, int argc, char **argv, const char **bad,
                               const char **opt_name)
{
	struct option longopts[N_LAB + 1];
	size_t i;
	int c, index;

	memset(o, 0, sizeof *o);
	o->lr = o->momentum = o->beta1 = o->beta2 = o->eps = o->l1 = o->l2 = NAN;
	o->dropout = 0.0;
	o->seed = 1;
	o->shuffle = -1;
	*bad = NULL;
	*opt_name = NULL;
	for (i = 0; i < N_LAB; i++) {
		const LabOptSpec *s = &lab_table[i];
		longopts[i].name = s->name;
		longopts[i].has_arg =
		    s->kind == LAB_SET || s->kind == LAB_HELP ? no_argument : required_argument;
		longopts[i].flag = NULL;
		longopts[i].val = 256 + (int)i;
	}
	memset(&longopts[N_LAB], 0, sizeof longopts[N_LAB]);

	optind = 0; /* glibc: start afresh */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, &index)) != -1) {
		const LabOptSpec *s;
		LabOptStatus st;

		if (c == '?' || c == ':') {
			const char *arg = argv[optind - 1];
			*bad = arg;
			if (c == ':')
				return LAB_OPT_MISSING_ARG;
			if (optopt >= 256 && strchr(arg, '='))
				return LAB_OPT_EXTRA_ARG;
			return LAB_OPT_UNKNOWN;
		}
		if (c < 256 || c >= 256 + (int)N_LAB)
			continue; /* cannot happen: no short options */
		s = &lab_table[c - 256];
		st = set_value(o, s, optarg);
		if (st != LAB_OPT_OK) {
			*bad = optarg;
			*opt_name = s->name;
			return st;
		}
	}
	if (optind < argc) {
		*bad = argv[optind];
		return LAB_OPT_OPERAND;
	}
	return LAB_OPT_OK;
}

void lab_options_print_help(FILE *out)
{
	size_t i;

	for (i = 0; i < N_LAB; i++) {
		const LabOptSpec *s = &lab_table[i];
		char left[64];

		snprintf(left, sizeof left, "    --%s%s%s", s->name, s->arg ? " " : "",
		         s->arg ? _(s->arg) : "");
		options_print_row(out, left, _(s->help));
	}
}
