/* table.h: the table kind's state, shared by table.c (the kind: typed and fn= cells,
 * drawing, keys) and table-from.c (cells computed from other widgets: matrix=, model=).
 * Must not own the loop or write files. */
#ifndef NN_WIDGETS_VIEWS_TABLE_H
#define NN_WIDGETS_VIEWS_TABLE_H

#include <stdbool.h>

#include "nn/act.h"
#include "widgets/core/widget.h"

enum { TABLE_MAX_COLS = 16, TABLE_CELL = 48, TABLE_MAX_SRC = 8 };

/* Where the cells come from. */
typedef enum { TABLE_TYPED, TABLE_FN, TABLE_MATRIX, TABLE_MODEL } TableFrom;

/* model=: the column groups values= may list, in the order given. */
enum { TABLE_SHOW_INPUTS = 1, TABLE_SHOW_HIDDEN = 2, TABLE_SHOW_TOTAL = 4, TABLE_SHOW_OUTPUT = 8 };

typedef struct {
	TableFrom from;
	int ncols, nrows;
	int shown; /* data rows shown at once */
	int top;   /* the first data row shown */
	int hrow, hcol; /* highlighted data row and column from 0, or -1 */
	bool select;    /* select=yes: the arrows move them, the chosen cell is written out */
	/* Computed (fn=): the functions of columns 1.., the decimals shown. */
	int nfn, digits;
	Activation fn[TABLE_MAX_COLS - 1];
	/* Every cell as a number (NaN for text), row by row; the published column; its
	 * labels (the first column's texts); the headings in ASCII, for the live row. */
	double *num, *col;
	const char **labels;
	char (*own)[TABLE_CELL]; /* the computed first column's texts, in ASCII */
	char heads[TABLE_MAX_COLS][TABLE_CELL];
	const char *head_ptr[TABLE_MAX_COLS];
	/* The live row (input=): a cache of the input's number and its functions, made
	 * again when the input's version changes. */
	bool live, live_ok;
	unsigned long live_src, live_version;
	double live_v[TABLE_MAX_COLS];
	/* matrix= and model=: the sources' versions last computed from (a cache, as for the
	 * live row), the version of what it gives, the product (matrix=: nrows x ncols - 1)
	 * and the scratch for the product's steps or the models' neurons. */
	int nsrc, nin; /* sources; model=: the inputs per row */
	int lead;      /* the first columns that show inputs (written like typed numbers) */
	int out;       /* the column given as "column" */
	double *xin;   /* model=: the rows' inputs, nin each */
	unsigned long src_version[TABLE_MAX_SRC];
	bool src_ok;
	unsigned long version;
	double *prod, *scratch;
	size_t nscratch;
	unsigned show[4]; /* model=: the groups in order */
	int nshow;
} Table;

/* After the cells changed: the published column, and the labels of computed rows (the
 * first column's numbers as written). */
void table_finish_cells(Table *t);

/* matrix=: the table's shape from the sources as they are at the start: the first's
 * rows, a label column and the last's columns, and the scratch the product needs. */
void table_matrix_shape(const Instance *in, Table *t);

/* model=: the groups of values=, the inputs per row (the first model's) and the columns;
 * the scratch a model's neurons need. */
void table_model_shape(const Instance *in, Table *t);

/* matrix= and model=: brings the cells up to date with the sources, made again only
 * when one of their versions changed (a cache: the same sources give the same cells).
 * Returns whether every source has data now; true for typed and fn= cells. */
bool table_sources_refresh(const Instance *in);

#endif
