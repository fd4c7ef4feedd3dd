/* csv.h: datasets to and from CSV files (columns x1,x2,...,label).
 * libc only: with mlp-io.h the only file I/O of the library, both read through
 * infile.h. Numbers are read with strtod and written with %.17g, so LC_NUMERIC must be
 * "C" (the program keeps it so). */
#ifndef NN_NN_CSV_H
#define NN_NN_CSV_H

#include <stddef.h>

#include "nn/data.h"
#include "nn/infile.h"
#include "nn/status.h"

/* A CSV file larger than this is refused (keep neuronauts(1), LIMITS, in step). */
#define CSV_MAX_FILE (16u * 1024 * 1024)

typedef enum {
	CSV_OK,
	CSV_ERR_OPEN,      /* the file cannot be opened or read: file says why (errnum) */
	CSV_ERR_NUMBER,    /* field `field` (1-based) of line `line` is not a finite number */
	CSV_ERR_FIELDS,    /* line `line` has `found` fields, not `expected` */
	CSV_ERR_NO_ROWS,   /* no data row */
	CSV_ERR_TOO_NARROW /* fewer than 2 columns (a feature and the label) */
} CsvProblem;

/* Where and why a load failed. */
typedef struct {
	CsvProblem what;
	size_t line;  /* 1-based line number */
	size_t field; /* 1-based field for CSV_ERR_NUMBER */
	size_t found, expected;
	int errnum; /* errno for CSV_ERR_OPEN */
	InfileStatus file; /* for CSV_ERR_OPEN: not a regular file, too big, or errnum */
} CsvError;

/* Reads path into d (a regular file of at most CSV_MAX_FILE bytes, see infile.h) (dim = columns - 1; the last column is the label). A first line
 * whose first field is not a number is a header; blank lines and lines starting with
 * '#' are skipped; fields may have spaces around them; lines may end in CRLF. Every
 * row must have as many fields as the first. On failure d is empty, err says why and
 * the status is NN_ERR_IO, NN_ERR_PARSE or NN_ERR_NOMEM. */
NnStatus csv_load(Dataset *d, const char *path, CsvError *err);

/* Writes d to path: the header x1,...,xdim,label, then one row per point with
 * %.17g numbers (so a load gives back the same doubles). NN_ERR_IO on failure. */
NnStatus csv_save(const char *path, const Dataset *d);

#endif
