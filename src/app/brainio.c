/* brainio.c: a trainer widget's net and points to and from files (see brainio.h).
 * Never touches the terminal. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "app/brainio.h"
#include "nls.h"
#include "nn/mlp-io.h"
#include "widgets/trainer/trainer.h"

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

/* The last part of a path, for titles and messages. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

void brainio_names(const char *base, char *weights, char *csv, size_t size)
{
	size_t n = strlen(base);

	if (ends_with(base, ".weights"))
		n -= strlen(".weights");
	else if (ends_with(base, ".csv"))
		n -= strlen(".csv");
	snprintf(weights, size, "%.*s.weights", (int)n, base);
	snprintf(csv, size, "%.*s.csv", (int)n, base);
}

/* Whether files can be created in the folder dir. */
static bool writable(const char *dir)
{
	return dir && *dir && access(dir, W_OK | X_OK) == 0;
}

bool brainio_save_dir(char *dir, size_t size, const char *cwd, const char *home,
		      bool *in_home)
{
	*in_home = false;
	if (writable(cwd)) {
		snprintf(dir, size, "%s", cwd);
		return true;
	}
	if (writable(home)) {
		snprintf(dir, size, "%s", home);
		*in_home = true;
		return true;
	}
	snprintf(dir, size, "%s", cwd ? cwd : ".");
	return false;
}

void brainio_abs(char *out, size_t size, const char *path)
{
	char cwd[1024];

	while (strncmp(path, "./", 2) == 0)
		path += 2;
	if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
		snprintf(out, size, "%s", path);
	else
		snprintf(out, size, "%s%s%s", cwd, strcmp(cwd, "/") == 0 ? "" : "/", path);
}

/* "2-8-8-1" */
static void shape(const Mlp *m, char *out, size_t size)
{
	size_t l, n = 0;

	out[0] = '\0';
	for (l = 0; l <= m->n_layers && n < size; l++)
		n = str_addf(out, size, n, "%s%zu", l ? "-" : "", m->sizes[l]);
}

int brainio_save(Instance *in, const char *base, char *msg, size_t size)
{
	const Brain *b = trainer_state(in);
	char wpath[1024], cpath[1024], wabs[2048], cabs[2048], state[BRAIN_STATE_MAX], net[64];

	if (!b || !b->built) {
		snprintf(msg, size, "%s", _("There is no trained net to save."));
		return -1;
	}
	if (!*base) {
		snprintf(msg, size, "%s", _("Nothing saved: no file name."));
		return -1;
	}
	brainio_names(base, wpath, cpath, sizeof wpath);
	trainer_state_string(b, state, sizeof state);
	errno = 0;
	if (mlp_save(wpath, &b->run.mlp, state[0] ? state : NULL) != NN_OK) {
		snprintf(msg, size, _("Cannot write %s: %s."), wpath,
			 strerror(errno ? errno : EIO));
		return -1;
	}
	errno = 0;
	/* the learner's own points in their own order (the run holds them split) */
	if (csv_save(cpath, b->custom ? &b->own : &b->run.all) != NN_OK) {
		snprintf(msg, size, _("Saved %s, but cannot write %s: %s."), wpath, cpath,
			 strerror(errno ? errno : EIO));
		return -1;
	}
	shape(&b->run.mlp, net, sizeof net);
	brainio_abs(wabs, sizeof wabs, wpath);
	brainio_abs(cabs, sizeof cabs, cpath);
	snprintf(msg, size, _("Saved the %s net to %s and its %zu points to %s."), net, wabs,
		 b->run.all.n, cabs);
	return 0;
}

void brainio_file_error(char *buf, size_t size, const char *path, InfileStatus st, int errnum,
			size_t limit)
{
	if (st == INFILE_ERR_NOT_REGULAR)
		snprintf(buf, size, _("cannot read '%s': it is not a regular file (a directory, "
				      "FIFO or device)"),
			 path);
	else if (st == INFILE_ERR_TOO_BIG)
		snprintf(buf, size, _("cannot read '%s': it is larger than %zu MiB, the limit for "
				      "this kind of file"),
			 path, limit >> 20);
	else
		snprintf(buf, size, _("cannot read '%s': %s"), path, strerror(errnum));
}

void brainio_csv_error(char *buf, size_t size, const char *path, const CsvError *e, NnStatus st)
{
	if (st == NN_ERR_NOMEM)
		snprintf(buf, size, "%s", _("out of memory"));
	else if (e->what == CSV_ERR_OPEN)
		brainio_file_error(buf, size, path, e->file, e->errnum, CSV_MAX_FILE);
	else if (e->what == CSV_ERR_NUMBER)
		snprintf(buf, size, _("%s:%zu: field %zu is not a number"), path, e->line, e->field);
	else if (e->what == CSV_ERR_FIELDS)
		snprintf(buf, size, _("%s:%zu: %zu fields, but the first row has %zu"), path,
			 e->line, e->found, e->expected);
	else if (e->what == CSV_ERR_TOO_NARROW)
		snprintf(buf, size, _("%s:%zu: need at least two columns (features and a label)"),
			 path, e->line);
	else
		snprintf(buf, size, _("%s: no data rows"), path);
}

static int open_csv(Instance *in, const char *path, char *msg, size_t size)
{
	Dataset d;
	CsvError ce;
	NnStatus st = csv_load(&d, path, &ce);
	int r;

	if (st != NN_OK) {
		brainio_csv_error(msg, size, path, &ce, st);
		return -1;
	}
	r = trainer_use_data(in, &d, base_name(path), msg, size);
	if (r == 0)
		snprintf(msg, size, _("Loaded %zu points from %s."), d.n, path);
	data_free(&d);
	return r;
}

/* The trainer state in a weights file's comments ("# nn1/..."), or "" when none (or
 * when the file cannot be read: mlp_load says why). */
static void read_state(const char *path, char *out, size_t size)
{
	InfileStatus st;
	int fd = infile_open(path, MLPIO_MAX_FILE, &st);
	FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
	char line[1024]; /* the header's lines are shorter */

	out[0] = '\0';
	if (fd >= 0 && !f)
		close(fd);
	while (f && fgets(line, sizeof line, f) && line[0] == '#')
		if (strncmp(line, "# nn1/", 6) == 0) {
			size_t n = strcspn(line + 2, "\r\n");
			if (n < size) {
				memcpy(out, line + 2, n);
				out[n] = '\0';
			}
			break;
		}
	if (f)
		fclose(f);
}

static void weights_error(char *msg, size_t size, const char *path, const MlpIoError *e,
			  NnStatus st, const char *net)
{
	if (st == NN_ERR_NOMEM)
		snprintf(msg, size, "%s", _("out of memory"));
	else if (e->what == MLPIO_ERR_OPEN)
		brainio_file_error(msg, size, path, e->file, e->errnum, MLPIO_MAX_FILE);
	else if (e->what == MLPIO_ERR_NUMBER)
		snprintf(msg, size, _("%s:%zu: item %zu is not a number"), path, e->line, e->field);
	else if (e->what == MLPIO_ERR_COUNT)
		snprintf(msg, size, _("%s:%zu: %zu numbers where layer %zu of the %s net needs %zu"),
			 path, e->line, e->found, e->layer, net, e->expected);
	else if (e->what == MLPIO_ERR_SHORT)
		snprintf(msg, size, _("%s: ends after %zu of the %zu parameters the %s net needs"),
			 path, e->found, e->expected, net);
	else
		snprintf(msg, size, _("%s:%zu: more numbers than the %zu parameters the %s net needs"),
			 path, e->line, e->expected, net);
}

static int open_weights(Instance *in, const char *path, char *msg, size_t size)
{
	const Brain *b;
	char state[BRAIN_STATE_MAX], net[64];
	Mlp m;
	MlpIoError e;
	NnStatus st;

	read_state(path, state, sizeof state);
	if (state[0] && trainer_apply_state(in, state, msg, size) != 0)
		return -1;
	b = trainer_state(in);
	if (!b || !b->built) {
		snprintf(msg, size, "%s", _("This net cannot be built: out of memory."));
		return -1;
	}
	shape(&b->run.mlp, net, sizeof net);
	if (mlp_init(&m, b->run.mlp.sizes, b->run.mlp.n_layers, b->run.mlp.act) != NN_OK) {
		snprintf(msg, size, "%s", _("out of memory"));
		return -1;
	}
	st = mlp_load(&m, path, &e);
	if (st != NN_OK)
		weights_error(msg, size, path, &e, st, net);
	else if (trainer_set_weights(in, m.params, m.n_params) == 0)
		snprintf(msg, size, _("Loaded the weights of the %s net from %s."), net, path);
	mlp_free(&m);
	return st == NN_OK ? 0 : -1;
}

int brainio_open(Instance *in, const char *path, char *msg, size_t size)
{
	if (!trainer_state(in)) {
		snprintf(msg, size, "%s", _("There is no trainer to open a file into."));
		return -1;
	}
	if (!*path) {
		snprintf(msg, size, "%s", _("Nothing opened: no file name."));
		return -1;
	}
	return ends_with(path, ".csv") ? open_csv(in, path, msg, size)
				       : open_weights(in, path, msg, size);
}
