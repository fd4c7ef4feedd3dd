/* lab.c: "neuronauts lab": train an MLP on a CSV file without a terminal, print the
 * loss and the speed. Must not touch the terminal; the math is all in src/nn. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/brainio.h"
#include "app/lab.h"
#include "nls.h"
#include "nn/csv.h"
#include "nn/infile.h"
#include "nn/init.h"
#include "nn/mlp-io.h"
#include "nn/train.h"

enum { LAB_EXIT_ERROR = 1, LAB_EXIT_USAGE = 2, LAB_MAX_LAYERS = 64 };

/* "neuronauts lab: message" on stderr. */
static void lab_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s lab: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A command-line error: the message, the hint, status 2. */
static int lab_usage(void)
{
	fprintf(stderr, _("Try '%s lab --help' for more information.\n"), PACKAGE);
	return LAB_EXIT_USAGE;
}

static void lab_help(void)
{
	printf(_("Usage: %s lab [OPTION]...\n"), PACKAGE);
	fputs(_("Train a multilayer perceptron on a CSV file without a terminal, and print\n"
	        "the loss, the accuracy and the speed.\n"),
	      stdout);
	fputs(_("With --eval, train nothing: print the loss and the accuracy of the net\n"
	        "given by --init (or drawn by --init-scheme) on the data.\n"),
	      stdout);
	putchar('\n');
	fputs(_("Options:\n"), stdout);
	lab_options_print_help(stdout);
	putchar('\n');
	fputs(_("Activations: step, linear, sigmoid, tanh, relu, leaky-relu, elu, gelu,\n"
	        "softplus, swish. Init schemes: zeros, uniform, normal, xavier-uniform,\n"
	        "xavier-normal, he-uniform, he-normal.\n"),
	      stdout);
	putchar('\n');
	fputs(_("Exit status: 0 on success, 1 on an error (a file, the data, divergence),\n"
	        "2 on a bad command line.\n"),
	      stdout);
}

/* Parses "2,8,8,1" (widths split by sep) into sizes; returns the number of layers
 * (widths - 1) or 0. */
static size_t parse_layers(size_t *sizes, size_t max, const char *s, char sep)
{
	size_t n = 0;
	const char *p = s;

	while (*p) {
		char *end;
		unsigned long long v;
		if (!(*p >= '0' && *p <= '9') || n == max)
			return 0;
		errno = 0;
		v = strtoull(p, &end, 10);
		if (errno || v == 0 || v > (1u << 20) || (*end && *end != sep))
			return 0;
		sizes[n++] = (size_t)v;
		p = *end ? end + 1 : end;
		if (*end && !*p)
			return 0;
	}
	return n >= 2 ? n - 1 : 0;
}

/* The widths and activations a weights file's first line names, as mlp_save writes
 * it ("# Parameters of an MLP 2-64-64-1 (activations tanh tanh sigmoid)."), for
 * --init without --layers. Returns the number of layers, or 0 when the file is not
 * a regular file or its first line does not say (the caller's defaults then hold). */
static size_t lab_saved_shape(const char *path, size_t *sizes, size_t max, Activation *act)
{
	static const char head[] = "# Parameters of an MLP ", acts[] = " (activations ";
	char line[512], *p, *name;
	InfileStatus st;
	int fd = infile_open(path, (size_t)-1, &st);
	ssize_t got;
	size_t n, l;

	if (fd < 0)
		return 0;
	got = read(fd, line, sizeof line - 1);
	close(fd);
	line[got > 0 ? got : 0] = '\0';
	line[strcspn(line, "\n")] = '\0';
	if (strncmp(line, head, sizeof head - 1) != 0)
		return 0;
	p = line + sizeof head - 1;
	name = p + strspn(p, "0123456789-");
	if (strncmp(name, acts, sizeof acts - 1) != 0)
		return 0;
	*name = '\0';
	n = parse_layers(sizes, max, p, '-');
	for (l = 0, p = name + sizeof acts - 1; n && l < n; l++) {
		name = p;
		p += strcspn(p, " )");
		if (*p != (l + 1 < n ? ' ' : ')'))
			return 0;
		*p++ = '\0';
		if (act_from_name(&act[l], name) != 0)
			return 0;
	}
	return n;
}

/* Looks name up with lookup; on failure reports it with the list of known names. */
static int lab_name(int found, const char *opt, const char *name, const char *known)
{
	if (found == 0)
		return 0;
	lab_error(_("--%s: unknown name '%s' (known: %s)"), opt, name, known);
	return -1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Reports a CSV load error; returns the exit status. */
static int report_csv(const char *path, const CsvError *e, NnStatus st)
{
	char buf[1024];

	brainio_csv_error(buf, sizeof buf, path, e, st);
	lab_error("%s", buf);
	return LAB_EXIT_ERROR;
}

/* Reports a weights-file load error; returns the exit status. */
static int report_init(const char *path, const MlpIoError *e, NnStatus st)
{
	if (st == NN_ERR_NOMEM)
		lab_error(_("out of memory"));
	else if (e->what == MLPIO_ERR_OPEN) {
		char buf[1024];
		brainio_file_error(buf, sizeof buf, path, e->file, e->errnum, MLPIO_MAX_FILE);
		lab_error("%s", buf);
	}
	else if (e->what == MLPIO_ERR_NUMBER)
		lab_error(_("%s:%zu: item %zu is not a number"), path, e->line, e->field);
	else if (e->what == MLPIO_ERR_COUNT)
		lab_error(_("%s:%zu: %zu numbers where layer %zu of --layers needs %zu"), path,
		          e->line, e->found, e->layer, e->expected);
	else if (e->what == MLPIO_ERR_SHORT)
		lab_error(_("%s: ends after %zu of the %zu parameters that --layers needs"), path,
		          e->found, e->expected);
	else
		lab_error(_("%s:%zu: more numbers than the %zu parameters that --layers needs"),
		          path, e->line, e->expected);
	return LAB_EXIT_ERROR;
}

/* "2-8-8-1" for the n_layers + 1 widths into buf. */
static void widths_text(char *buf, size_t size, const size_t *sizes, size_t n_layers)
{
	size_t l, len = 0;

	buf[0] = '\0';
	for (l = 0; l <= n_layers && len < size; l++)
		len += (size_t)snprintf(buf + len, size - len, "%s%zu", l ? "-" : "", sizes[l]);
}

/* When path's first line names the widths it was saved with ("# Parameters of an MLP
 * 2-4-3 ...", as mlp_save writes) and they are not sizes[0..n_layers], says so and
 * returns -1; 0 otherwise. */
static int lab_check_widths(const char *path, const size_t *sizes, size_t n_layers)
{
	size_t have[LAB_MAX_LAYERS + 1], n;
	Activation act[LAB_MAX_LAYERS];
	char got[512], want[512];

	n = lab_saved_shape(path, have, LAB_MAX_LAYERS + 1, act);
	if (n == 0 || (n == n_layers && memcmp(have, sizes, (n + 1) * sizeof *have) == 0))
		return 0;
	widths_text(got, sizeof got, have, n);
	widths_text(want, sizeof want, sizes, n_layers);
	lab_error(_("'%s' holds a %s network, but --layers makes a %s one"), path, got, want);
	return -1;
}

/* Everything a run needs, resolved from the options. */
typedef struct {
	size_t sizes[LAB_MAX_LAYERS + 1], n_layers;
	Activation act[LAB_MAX_LAYERS];
	TrainConfig tc;
	OptimConfig oc;
	InitScheme scheme;
	size_t steps;
} LabPlan;

/* Checks the options and fills plan; returns 0 or the exit status. */
static int lab_resolve(LabPlan *p, const LabOptions *o)
{
	Activation hidden = ACT_TANH, output = ACT_SIGMOID, want, saved_act[LAB_MAX_LAYERS];
	OptimKind kind = OPTIM_SGD;
	size_t l, saved;

	memset(p, 0, sizeof *p);
	/* A saved net given to --init brings its shape, unless --layers says otherwise. */
	saved = !o->layers && o->init
	            ? lab_saved_shape(o->init, p->sizes, LAB_MAX_LAYERS + 1, saved_act)
	            : 0;
	p->n_layers = saved ? saved
	                    : parse_layers(p->sizes, LAB_MAX_LAYERS + 1,
	                                   o->layers ? o->layers : "2,8,8,1", ',');
	if (p->n_layers == 0) {
		lab_error(_("--layers: '%s' is not a list of two or more positive sizes like "
		            "2,8,8,1"),
		          o->layers);
		return lab_usage();
	}
	if (o->hidden && lab_name(act_from_name(&hidden, o->hidden), "hidden", o->hidden,
	                          "step, linear, sigmoid, tanh, relu, leaky-relu, elu, gelu, "
	                          "softplus, swish"))
		return lab_usage();
	if (o->output && lab_name(act_from_name(&output, o->output), "output", o->output,
	                          "step, linear, sigmoid, tanh, relu, leaky-relu, elu, gelu, "
	                          "softplus, swish"))
		return lab_usage();
	if (o->loss &&
	    lab_name(loss_from_name(&p->tc.loss, o->loss), "loss", o->loss, "mse, bce, ce"))
		return lab_usage();
	if (saved && !o->output)
		output = saved_act[saved - 1];
	want = loss_output_act(p->tc.loss, output);
	if (o->output && want != output) {
		lab_error(_("--loss %s needs --output %s"), loss_name(p->tc.loss), act_name(want));
		return lab_usage();
	}
	for (l = 0; l < p->n_layers; l++)
		p->act[l] = l + 1 < p->n_layers ? (saved && !o->hidden ? saved_act[l] : hidden) : want;
	if (o->opt && lab_name(optim_from_name(&kind, o->opt), "opt", o->opt,
	                       "sgd, momentum, nesterov, adam, adamw, rmsprop"))
		return lab_usage();
	optim_defaults(&p->oc, kind);
#define TAKE(field)                                                                                \
	if (!isnan(o->field))                                                                      \
		p->oc.field = o->field;
	TAKE(lr)
	TAKE(momentum) TAKE(beta1) TAKE(beta2) TAKE(eps) TAKE(l1) TAKE(l2)
#undef TAKE
	    if (!(p->oc.lr > 0) || p->oc.eps < 0 || p->oc.l1 < 0 || p->oc.l2 < 0 ||
	        p->oc.momentum < 0 || p->oc.beta1 < 0 || p->oc.beta1 >= 1 || p->oc.beta2 < 0 ||
	        p->oc.beta2 >= 1)
	{
		lab_error(_("--lr must be positive; --eps, --l1, --l2 and --momentum not "
		            "negative; --beta1 and --beta2 in [0, 1)"));
		return lab_usage();
	}
	if (!(o->dropout >= 0 && o->dropout < 1)) {
		lab_error(_("--dropout must be at least 0 and below 1"));
		return lab_usage();
	}
	p->tc.dropout = o->dropout;
	if (!o->batch || strcmp(o->batch, "full") == 0) {
		p->tc.batch = o->batch ? 0 : 10;
	} else {
		char *end;
		unsigned long long v;
		errno = 0;
		v = strtoull(o->batch, &end, 10);
		if (!(*o->batch >= '0' && *o->batch <= '9') || *end || errno || v == 0) {
			lab_error(_("--%s must be a positive whole number, not '%s'"), "batch",
			          o->batch);
			return lab_usage();
		}
		p->tc.batch = (size_t)v;
	}
	if (o->epochs && o->steps) {
		lab_error(_("give --epochs or --steps, not both"));
		return lab_usage();
	}
	if (o->eval && (o->epochs || o->steps || o->log_every)) {
		lab_error(_("--eval does not train: give --epochs, --steps and --log-every "
		            "without it"));
		return lab_usage();
	}
	if (o->init && o->init_scheme) {
		lab_error(_("give --init or --init-scheme, not both"));
		return lab_usage();
	}
	p->scheme = INIT_UNIFORM;
	if (o->init_scheme &&
	    lab_name(init_from_name(&p->scheme, o->init_scheme), "init-scheme", o->init_scheme,
	             "zeros, uniform, normal, xavier-uniform, xavier-normal, he-uniform, "
	             "he-normal"))
		return lab_usage();
	if (p->scheme == INIT_CONSTANT) {
		lab_name(-1, "init-scheme", o->init_scheme,
		         "zeros, uniform, normal, xavier-uniform, xavier-normal, he-uniform, "
		         "he-normal");
		return lab_usage();
	}
	p->tc.level = simd_best();
	if (o->kernels && strcmp(o->kernels, "auto") != 0) {
		if (lab_name(simd_from_name(&p->tc.level, o->kernels), "kernels", o->kernels,
		             "auto, portable, sse2, avx2, avx512, fma"))
			return lab_usage();
		if (!simd_supported(p->tc.level)) {
			lab_error(_("--kernels %s: this CPU cannot run them"), o->kernels);
			return LAB_EXIT_ERROR;
		}
	}
	p->tc.shuffle = o->shuffle != 0;
	p->tc.seed = o->seed ^ 0x9E3779B97F4A7C15u;
	p->steps = o->steps;
	if (!p->steps)
		p->steps = o->epochs ? o->epochs : 100; /* times the steps per epoch, later */
	return 0;
}

/* True when a and b name the same existing file. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Opens --predict's file for writing (before training, so a file that cannot be
 * written stops the run first); refuses the data or the weights file itself. Returns
 * the stream, or NULL after the message. */
static FILE *predict_open(const LabOptions *o)
{
	FILE *f;

	if (same_file(o->predict, o->data) || same_file(o->predict, o->init)) {
		lab_error(_("--predict %s would overwrite an input file"), o->predict);
		return NULL;
	}
	f = fopen(o->predict, "w");
	if (!f)
		lab_error(_("cannot write '%s': %s"), o->predict, strerror(errno));
	return f;
}

/* Writes one CSV row per row of d to f: x1..xdim, label, the output (output, or
 * output0..output(k-1) with k outputs), and with class labels (k outputs, or one output
 * and every label 0 or 1) the predicted class. Returns 0 or -1 (out of memory). */
static int predict_write(FILE *f, Trainer *t, const Dataset *d)
{
	size_t n_out = mlp_n_out(t->mlp), i, j;
	double *out = malloc(d->n * n_out * sizeof *out);
	size_t *cls = malloc(d->n * sizeof *cls);
	bool classes = n_out > 1;

	if (!out || !cls) {
		free(out);
		free(cls);
		return -1;
	}
	if (!classes) {
		classes = true;
		for (i = 0; i < d->n; i++)
			classes = classes && (d->label[i] == 0 || d->label[i] == 1);
	}
	train_predict(out, cls, t, d);
	for (j = 0; j < d->dim; j++)
		fprintf(f, "x%zu,", j + 1);
	fputs("label", f);
	for (j = 0; j < n_out; j++)
		fprintf(f, n_out == 1 ? ",output" : ",output%zu", j);
	fputs(classes ? ",class\n" : "\n", f);
	for (i = 0; i < d->n; i++) {
		for (j = 0; j < d->dim; j++)
			fprintf(f, "%.17g,", d->x[i * d->dim + j]);
		fprintf(f, "%.17g", d->label[i]);
		for (j = 0; j < n_out; j++)
			fprintf(f, ",%.17g", out[i * n_out + j]);
		if (classes)
			fprintf(f, ",%zu", cls[i]);
		fputc('\n', f);
	}
	free(out);
	free(cls);
	return 0;
}

/* Finishes --predict's file: the rows when status is 0, else the file is removed.
 * Returns the status, 1 when writing failed. */
static int predict_close(FILE *f, const char *path, Trainer *t, const Dataset *d, int status)
{
	int err = 0;

	if (!f)
		return status;
	if (status == 0 && predict_write(f, t, d) != 0) {
		lab_error(_("out of memory"));
		status = LAB_EXIT_ERROR;
	}
	if (status == 0 && ferror(f))
		err = errno ? errno : EIO;
	if (fclose(f) != 0 && status == 0 && !err)
		err = errno;
	if (status == 0 && err) {
		lab_error(_("cannot write '%s': %s"), path, strerror(err));
		status = LAB_EXIT_ERROR;
	}
	if (status != 0)
		remove(path);
	return status;
}

/* Trains as planned on data (not with --eval); returns the exit status. */
static int lab_run(const LabOptions *o, LabPlan *p, const Dataset *data)
{
	Mlp m;
	Trainer t;
	NnStatus st;
	size_t total, k;
	double seconds = 0.0, t0, loss, acc;
	int status = 0;
	FILE *pf = NULL;

	if (mlp_init(&m, p->sizes, p->n_layers, p->act) != NN_OK) {
		lab_error(_("out of memory"));
		return LAB_EXIT_ERROR;
	}
	if (o->init) {
		MlpIoError e;
		st = mlp_load(&m, o->init, &e);
		if (st != NN_OK) {
			mlp_free(&m);
			/* numbers that do not fit: the header may say why in one line */
			if ((st == NN_ERR_SHAPE || st == NN_ERR_PARSE) &&
			    lab_check_widths(o->init, p->sizes, p->n_layers) != 0)
				return LAB_EXIT_ERROR;
			return report_init(o->init, &e, st);
		}
	} else {
		Rng r;
		rng_seed(&r, o->seed);
		init_params(&m, p->scheme, 0.0, &r);
	}
	st = train_init(&t, &m, data, &p->tc, &p->oc);
	if (st == NN_ERR_SHAPE) {
		lab_error(_("'%s' row %zu has label %g, but a network with %zu outputs needs a "
		            "class from 0 to %zu"),
		          o->data, t.bad_row + 1, data->label[t.bad_row], mlp_n_out(&m),
		          mlp_n_out(&m) - 1);
		mlp_free(&m);
		return LAB_EXIT_ERROR;
	}
	if (st != NN_OK) {
		lab_error(_("out of memory"));
		mlp_free(&m);
		return LAB_EXIT_ERROR;
	}
	if (o->predict && (pf = predict_open(o)) == NULL) {
		train_free(&t);
		mlp_free(&m);
		return LAB_EXIT_ERROR;
	}
	total = o->eval ? 0 : o->steps ? p->steps : p->steps * train_steps_per_epoch(&t);
	if (o->log_every)
		printf("step 0 loss %.17g\n", t.initial);
	/* the clock is read around the steps, once per stretch between two log lines */
	t0 = now();
	for (k = 1; k <= total; k++) {
		st = train_step(&t);
		if (st != NN_OK && t.overflowed) {
			lab_error(_("training diverged at step %zu: its update overflowed (a weight "
				    "went past 1e154, where its square overflows); try a smaller "
				    "--lr"),
				  t.step);
			status = LAB_EXIT_ERROR;
			break;
		}
		if (st != NN_OK) {
			lab_error(_("training diverged at step %zu: the batch loss is %g"), t.step,
			          t.last_loss);
			status = LAB_EXIT_ERROR;
			break;
		}
		if (o->log_every && k % o->log_every == 0) {
			seconds += now() - t0;
			printf("step %zu loss %.17g\n", k, train_loss(&t, data));
			t0 = now();
		}
	}
	seconds += now() - t0;
	if (status == 0) {
		loss = train_loss(&t, data);
		acc = train_accuracy(&t, data);
		printf("examples=%zu seconds=%.6f examples_per_sec=%.0f loss=%.17g "
		       "accuracy=%.6g\n",
		       t.examples, seconds, seconds > 0 ? (double)t.examples / seconds : 0.0, loss,
		       acc);
	}
	if (status == 0 && o->save &&
	    mlp_save(o->save, &m, "Written by neuronauts lab.") != NN_OK) {
		lab_error(_("cannot write '%s': %s"), o->save, strerror(errno));
		status = LAB_EXIT_ERROR;
	}
	status = predict_close(pf, o->predict, &t, data, status);
	train_free(&t);
	mlp_free(&m);
	return status;
}

int lab_main(int argc, char **argv)
{
	LabOptions o;
	LabPlan plan;
	Dataset data;
	CsvError ce;
	const char *bad, *name;
	NnStatus st;
	int status;

	/* numbers in files and in the output always use a decimal point */
	setlocale(LC_NUMERIC, "C");
	switch (lab_options_parse(&o, argc, argv, &bad, &name)) {
	case LAB_OPT_OK:
		break;
	case LAB_OPT_UNKNOWN:
		lab_error(_("unrecognized option '%s'"), bad);
		return lab_usage();
	case LAB_OPT_MISSING_ARG:
		lab_error(_("option '%s' requires an argument"), bad);
		return lab_usage();
	case LAB_OPT_EXTRA_ARG:
		lab_error(_("option '%s' does not take an argument"), bad);
		return lab_usage();
	case LAB_OPT_OPERAND:
		lab_error(_("unexpected argument '%s'"), bad);
		return lab_usage();
	case LAB_OPT_NUMBER:
		lab_error(_("--%s must be a number, not '%s'"), name, bad);
		return lab_usage();
	case LAB_OPT_COUNT:
		lab_error(_("--%s must be a positive whole number, not '%s'"), name, bad);
		return lab_usage();
	}
	if (o.help) {
		lab_help();
		return ferror(stdout) ? LAB_EXIT_ERROR : 0;
	}
	status = lab_resolve(&plan, &o);
	if (status)
		return status;
	if (!o.data) {
		lab_error(_("no training data: give --data FILE.csv"));
		return lab_usage();
	}
	st = csv_load(&data, o.data, &ce);
	if (st != NN_OK)
		return report_csv(o.data, &ce, st);
	if (data.dim != plan.sizes[0]) {
		lab_error(_("--layers starts with %zu inputs, but '%s' has %zu feature "
		            "columns"),
		          plan.sizes[0], o.data, data.dim);
		data_free(&data);
		return LAB_EXIT_ERROR;
	}
	status = lab_run(&o, &plan, &data);
	data_free(&data);
	if (fflush(stdout) != 0 && status == 0)
		status = LAB_EXIT_ERROR;
	return status;
}
