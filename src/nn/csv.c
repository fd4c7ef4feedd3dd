/* csv.c: CSV loading (strict, with the failing line) and saving of datasets.
 * libc only. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/csv.h"
#include "nn/infile.h"

/* Splits line at commas in place: fields[] point into it, trimmed; returns the count
 * (at most max; more fields are counted but not stored). */
static size_t split(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	for (;;) {
		char *end = strchr(p, ','), *e;
		if (end)
			*end = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (n < max)
			fields[n] = p;
		n++;
		if (!end)
			return n;
		p = end + 1;
	}
}

static int parse_number(double *out, const char *s)
{
	char *end;

	if (!*s)
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	if (*end || !isfinite(*out))
		return -1;
	return 0;
}

static NnStatus fail(CsvError *err, CsvProblem what, size_t line, NnStatus st)
{
	err->what = what;
	err->line = line;
	return st;
}

NnStatus csv_load(Dataset *d, const char *path, CsvError *err)
{
	char *text, *next, *line, **fields = NULL;
	size_t size, len, lineno = 0, cols = 0, rows = 0, cap_rows = 0, i;
	double *vals = NULL;
	NnStatus st = NN_OK;

	memset(d, 0, sizeof *d);
	memset(err, 0, sizeof *err);
	err->file = infile_read(path, CSV_MAX_FILE, &text, &size);
	if (err->file != INFILE_OK) {
		err->errnum = errno;
		return fail(err, CSV_ERR_OPEN, 0, err->errnum == ENOMEM ? NN_ERR_NOMEM : NN_ERR_IO);
	}
	for (next = text; (line = infile_line(&next, text + size, &len)) != NULL;) {
		size_t n;
		char *p = line;
		lineno++;
		while (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		if (cols == 0) {
			double v;
			char *copy = strdup(p), *first;
			if (!copy) {
				st = fail(err, CSV_OK, lineno, NN_ERR_NOMEM);
				break;
			}
			cols = split(copy, &first, 1);
			free(copy);
			fields = malloc(cols * sizeof *fields);
			if (!fields) {
				st = fail(err, CSV_OK, lineno, NN_ERR_NOMEM);
				break;
			}
			if (cols < 2) {
				st = fail(err, CSV_ERR_TOO_NARROW, lineno, NN_ERR_PARSE);
				break;
			}
			split(p, fields, cols);
			if (parse_number(&v, fields[0]) != 0)
				continue; /* a header */
		} else {
			n = split(p, fields, cols);
			if (n != cols) {
				err->found = n;
				err->expected = cols;
				st = fail(err, CSV_ERR_FIELDS, lineno, NN_ERR_PARSE);
				break;
			}
		}
		if (rows == cap_rows) {
			size_t nc = cap_rows ? 2 * cap_rows : 256;
			double *nv = realloc(vals, nc * cols * sizeof *vals);
			if (!nv) {
				st = fail(err, CSV_OK, lineno, NN_ERR_NOMEM);
				break;
			}
			vals = nv;
			cap_rows = nc;
		}
		for (i = 0; i < cols; i++)
			if (parse_number(&vals[rows * cols + i], fields[i]) != 0) {
				err->field = i + 1;
				st = fail(err, CSV_ERR_NUMBER, lineno, NN_ERR_PARSE);
				break;
			}
		if (st != NN_OK)
			break;
		rows++;
	}
	free(text);
	free(fields);
	if (st == NN_OK && rows == 0)
		st = fail(err, CSV_ERR_NO_ROWS, lineno, NN_ERR_PARSE);
	if (st == NN_OK)
		st = data_alloc(d, rows, cols - 1);
	if (st == NN_OK)
		for (i = 0; i < rows; i++) {
			memcpy(d->x + i * (cols - 1), vals + i * cols, (cols - 1) * sizeof *vals);
			d->label[i] = vals[i * cols + cols - 1];
		}
	free(vals);
	return st;
}

NnStatus csv_save(const char *path, const Dataset *d)
{
	FILE *f = fopen(path, "w");
	size_t i, j;

	if (!f)
		return NN_ERR_IO;
	for (j = 0; j < d->dim; j++)
		fprintf(f, "x%zu,", j + 1);
	fputs("label\n", f);
	for (i = 0; i < d->n; i++) {
		for (j = 0; j < d->dim; j++)
			fprintf(f, "%.17g,", d->x[i * d->dim + j]);
		fprintf(f, "%.17g\n", d->label[i]);
	}
	if (ferror(f)) {
		fclose(f);
		return NN_ERR_IO;
	}
	return fclose(f) == 0 ? NN_OK : NN_ERR_IO;
}
