/* table-from.c: a table's cells computed from other widgets: the product of their
 * matrices (matrix=, with src/nn's linalg) or their models run on rows of inputs
 * (model=, every neuron with mlp_trace), remade whenever a source's version changes.
 * Must not own the loop or write files; does not draw. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nn/linalg.h"
#include "nn/mlp.h"
#include "widgets/core/visual.h"
#include "widgets/views/table.h"

/* After the cells changed: the published column, and the computed labels (the first
 * column's numbers as written) of a table without typed ones. */
void table_finish_cells(Table *t)
{
	int r;

	for (r = 0; r < t->nrows; r++) {
		const double *row = &t->num[(size_t)r * (size_t)t->ncols];
		t->col[r] = row[t->out];
		if (t->from == TABLE_FN || t->from == TABLE_MODEL) {
			visual_num(t->own[r], TABLE_CELL, row[0], t->digits);
			t->labels[r] = t->own[r];
		}
	}
}

/* matrix=: the product of the sources, left to right, into t->prod (NaN when their
 * shapes no longer chain to the one the table was made for). */
static void product(Table *t, const Data *d)
{
	size_t rows = (size_t)t->nrows, cols = (size_t)t->ncols - 1, k = d[0].cols, i;
	double *a = t->scratch, *b = t->scratch + t->nscratch / 2;

	if (d[0].rows != rows || rows * k > t->nscratch / 2)
		goto bad;
	memcpy(a, d[0].v, rows * k * sizeof *a);
	for (i = 1; i < (size_t)t->nsrc; i++) {
		double *c = b;
		if (d[i].rows != k || rows * d[i].cols > t->nscratch / 2)
			goto bad;
		memset(c, 0, rows * d[i].cols * sizeof *c);
		linalg_gemm_nn(c, a, d[i].v, rows, k, d[i].cols);
		b = a;
		a = c;
		k = d[i].cols;
	}
	if (k != cols)
		goto bad;
	memcpy(t->prod, a, rows * cols * sizeof *a);
	return;
bad:
	for (i = 0; i < rows * cols; i++)
		t->prod[i] = NAN;
}

/* model=: row r's cells, each model run on the row's inputs (mlp_trace when it gives
 * its network: the hidden neurons and the output totals; else only its outputs). */
static void model_row(const Table *t, const Data *d, const double *x, double *row)
{
	int c = 0, g, i;
	size_t u, k;

	for (i = 0; i < t->lead && c < t->ncols; i++)
		row[c++] = x[i];
	for (i = 0; i < t->nsrc; i++) {
		const Mlp *m = d[i].model;
		size_t nu = m ? mlp_count_units(m) : d[i].n_out, nout = m ? mlp_n_out(m) : d[i].n_out;
		double *z = t->scratch, *y = t->scratch + t->nscratch / 2;
		size_t nin = m ? mlp_n_in(m) : d[i].n_in;
		bool ok = nin == (size_t)t->nin && nu <= t->nscratch / 2 && (m || d[i].eval);
		if (ok && m)
			mlp_trace(z, y, m, x);
		else if (ok && nout >= 1) {
			for (u = 0; u < nu; u++)
				z[u] = y[u] = NAN;
			ok = d[i].eval(d[i].owner, x, &y[nu - nout]);
		}
		for (g = 0; g < t->nshow; g++) {
			size_t from = t->show[g] == TABLE_SHOW_HIDDEN ? 0 : nu - nout;
			size_t to = t->show[g] == TABLE_SHOW_HIDDEN ? nu - nout : nu;
			const double *v = t->show[g] == TABLE_SHOW_TOTAL ? z : y;
			if (t->show[g] == TABLE_SHOW_INPUTS || (!m && t->show[g] != TABLE_SHOW_OUTPUT))
				continue;
			for (k = from; k < to && c < t->ncols; k++)
				row[c++] = ok ? v[k] : NAN;
		}
	}
}

/* matrix= and model=: brings the cells up to date with the sources, made again only
 * when one of their versions changed (a cache: the same sources give the same cells).
 * Returns whether every source has data. */
bool table_sources_refresh(const Instance *in)
{
	Table *t = in->state;
	const char *key = t->from == TABLE_MATRIX ? "matrix" : "model";
	Data d[TABLE_MAX_SRC];
	bool same = t->src_ok;
	int i, r;

	if (t->from != TABLE_MATRIX && t->from != TABLE_MODEL)
		return true;
	for (i = 0; i < t->nsrc; i++) {
		if (!scene_data_at(in, key, (size_t)i, &d[i]) ||
		    (t->from == TABLE_MATRIX && !d[i].v))
			return false;
		/* a model without its network (a neuron's) may not version its weights:
		 * evaluated again each time */
		same = same && d[i].version == t->src_version[i] &&
		       (t->from == TABLE_MATRIX || d[i].model);
	}
	if (same)
		return true;
	if (t->from == TABLE_MATRIX) {
		product(t, d);
		for (r = 0; r < t->nrows; r++) {
			double *row = &t->num[(size_t)r * (size_t)t->ncols];
			row[0] = NAN;
			memcpy(row + 1, &t->prod[(size_t)r * (size_t)(t->ncols - 1)],
			       (size_t)(t->ncols - 1) * sizeof *row);
		}
	} else {
		for (r = 0; r < t->nrows; r++)
			model_row(t, d, &t->xin[(size_t)r * (size_t)t->nin],
				  &t->num[(size_t)r * (size_t)t->ncols]);
	}
	table_finish_cells(t);
	for (i = 0; i < t->nsrc; i++)
		t->src_version[i] = d[i].version;
	t->src_ok = true;
	t->version++;
	return true;
}

/* matrix=: the table's shape, from the sources as they are at the start: the first's
 * rows, a label column and the last's columns; scratch for the widest step. */
void table_matrix_shape(const Instance *in, Table *t)
{
	Data d;
	size_t rows = 0, widest = 1;
	int i;

	t->nsrc = (int)widget_nwords(in, "matrix");
	if (t->nsrc > TABLE_MAX_SRC)
		t->nsrc = TABLE_MAX_SRC;
	t->ncols = 2;
	for (i = 0; i < t->nsrc && scene_data_at(in, "matrix", (size_t)i, &d); i++) {
		if (i == 0)
			rows = d.rows;
		widest = d.cols > widest ? d.cols : widest;
		widest = d.rows > widest ? d.rows : widest;
		if (i == t->nsrc - 1)
			t->ncols = 1 + (int)(d.cols < TABLE_MAX_COLS - 1 ? d.cols : TABLE_MAX_COLS - 1);
	}
	t->nrows = rows > 0 && rows <= 256 ? (int)rows : 1;
	t->nscratch = 2 * (size_t)t->nrows * widest;
}

/* model=: the groups of values=, the inputs per row (the first model's) and the columns:
 * per model its hidden neurons, output totals and outputs as values= lists them. */
void table_model_shape(const Instance *in, Table *t)
{
	static const char *const names[] = {"inputs", "hidden", "total", "output"};
	Data d;
	size_t i, g, k, most = 1;
	int cols = 0;

	for (i = 0; i < widget_nwords(in, "values") && t->nshow < 4; i++)
		for (g = 0; g < 4; g++)
			if (strcmp(widget_word(in, "values", i), names[g]) == 0)
				t->show[t->nshow++] = 1u << g;
	if (!t->nshow) { /* the default: the inputs and the outputs */
		t->show[t->nshow++] = TABLE_SHOW_INPUTS;
		t->show[t->nshow++] = TABLE_SHOW_OUTPUT;
	}
	t->nsrc = (int)widget_nwords(in, "model");
	if (t->nsrc > TABLE_MAX_SRC)
		t->nsrc = TABLE_MAX_SRC;
	for (i = 0; i < (size_t)t->nsrc && scene_data_at(in, "model", i, &d); i++) {
		const Mlp *m = d.model;
		size_t nu = m ? mlp_count_units(m) : d.n_out, nout = m ? mlp_n_out(m) : d.n_out;
		size_t nin = m ? mlp_n_in(m) : d.n_in;
		if (i == 0)
			t->nin = nin < TABLE_MAX_COLS ? (int)nin : TABLE_MAX_COLS;
		most = nu > most ? nu : most;
		for (g = 0; g < (size_t)t->nshow; g++)
			if (t->show[g] == TABLE_SHOW_HIDDEN && m)
				cols += (int)(nu - nout);
			else if (t->show[g] == TABLE_SHOW_TOTAL && m)
				cols += (int)nout;
			else if (t->show[g] == TABLE_SHOW_OUTPUT)
				cols += (int)nout;
	}
	for (g = 0, k = 0; g < (size_t)t->nshow; g++)
		k += t->show[g] == TABLE_SHOW_INPUTS;
	t->lead = k ? t->nin : 0;
	cols += t->lead;
	t->ncols = cols < 1 ? 1 : cols > TABLE_MAX_COLS ? TABLE_MAX_COLS : cols;
	t->nrows = t->nin > 0 ? (int)(widget_nwords(in, "inputs") / (size_t)t->nin) : 0;
	t->nscratch = 2 * most;
}
