/* mlp-io.c: loading and saving an MLP's parameters as plain text.
 * libc only. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/infile.h"
#include "nn/mlp-io.h"

static NnStatus fail(MlpIoError *err, MlpIoProblem what, size_t line, NnStatus st)
{
	err->what = what;
	err->line = line;
	return st;
}

NnStatus mlp_load(Mlp *m, const char *path, MlpIoError *err)
{
	char *text, *next, *p;
	size_t size, len, lineno = 0, l = 0, row = 0, done = 0;
	NnStatus st = NN_OK;

	memset(err, 0, sizeof *err);
	err->expected = m->n_params;
	err->file = infile_read(path, MLPIO_MAX_FILE, &text, &size);
	if (err->file != INFILE_OK) {
		err->errnum = errno;
		return fail(err, MLPIO_ERR_OPEN, 0, errno == ENOMEM ? NN_ERR_NOMEM : NN_ERR_IO);
	}
	next = text;
	while (st == NN_OK && (p = infile_line(&next, text + size, &len)) != NULL) {
		size_t n_in, n_out, want, k = 0;
		double *dst;

		lineno++;
		p += strspn(p, " \t\r\n");
		if (!*p || *p == '#')
			continue;
		if (l == m->n_layers) {
			st = fail(err, MLPIO_ERR_EXTRA, lineno, NN_ERR_SHAPE);
			break;
		}
		n_in = m->sizes[l];
		n_out = m->sizes[l + 1];
		want = row < n_out ? n_in : n_out;
		dst = m->params + m->w_off[l] + row * n_in;
		while (*p) {
			char *end;
			double v;
			errno = 0;
			v = strtod(p, &end);
			if (end == p || !isfinite(v) || (*end && !strchr(" \t\r\n", *end))) {
				err->field = k + 1;
				st = fail(err, MLPIO_ERR_NUMBER, lineno, NN_ERR_PARSE);
				break;
			}
			if (k < want)
				dst[k] = v;
			k++;
			p = end + strspn(end, " \t\r\n");
		}
		if (st != NN_OK)
			break;
		if (k != want) {
			err->found = k;
			err->expected = want;
			err->layer = l + 1;
			st = fail(err, MLPIO_ERR_COUNT, lineno, NN_ERR_SHAPE);
			break;
		}
		done += want;
		if (++row > n_out) {
			row = 0;
			l++;
		}
	}
	if (st == NN_OK && l < m->n_layers) {
		err->found = done;
		err->expected = m->n_params;
		st = fail(err, MLPIO_ERR_SHORT, lineno, NN_ERR_SHAPE);
	}
	free(text);
	return st;
}

NnStatus mlp_save(const char *path, const Mlp *m, const char *note)
{
	FILE *f = fopen(path, "w");
	size_t l, i, j;

	if (!f)
		return NN_ERR_IO;
	fputs("# Parameters of an MLP", f);
	for (l = 0; l <= m->n_layers; l++)
		fprintf(f, "%c%zu", l ? '-' : ' ', m->sizes[l]);
	fputs(" (activations", f);
	for (l = 0; l < m->n_layers; l++)
		fprintf(f, " %s", act_name(m->act[l]));
	fputs(").\n", f);
	fputs("# For each layer: W as [out][in] row-major, one output unit's incoming\n"
	      "# weights per line; then b on one line. Numbers are %.17g decimals.\n",
	      f);
	if (note)
		fprintf(f, "# %s\n", note);
	fprintf(f, "# Total parameters: %zu\n", m->n_params);
	for (l = 0; l < m->n_layers; l++) {
		size_t n_in = m->sizes[l], n_out = m->sizes[l + 1];
		const double *p = m->params + m->w_off[l];
		for (i = 0; i <= n_out; i++) {
			size_t n = i < n_out ? n_in : n_out;
			for (j = 0; j < n; j++)
				fprintf(f, "%s%.17g", j ? " " : "", p[i * n_in + j]);
			fputc('\n', f);
		}
	}
	if (ferror(f)) {
		fclose(f);
		return NN_ERR_IO;
	}
	return fclose(f) == 0 ? NN_OK : NN_ERR_IO;
}
