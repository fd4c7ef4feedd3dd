/* mlp-io.h: an MLP's parameters to and from the plain-text weights file.
 * libc only. The format (also in neuronauts(1)): lines starting with '#' are comments
 * and blank lines are skipped; then for each layer l, W_l as sizes[l+1] lines of
 * sizes[l] numbers (one output unit's incoming weights per line, like
 * torch.nn.Linear.weight), then b_l as one line of sizes[l+1] numbers. Numbers are
 * whitespace-separated decimals, written with %.17g so they read back exactly.
 * LC_NUMERIC must be "C". */
#ifndef NN_NN_MLP_IO_H
#define NN_NN_MLP_IO_H

#include <stddef.h>

#include "nn/infile.h"
#include "nn/mlp.h"

/* A weights file larger than this is refused (keep neuronauts(1), LIMITS, in step). */
#define MLPIO_MAX_FILE (16u * 1024 * 1024)

typedef enum {
	MLPIO_OK,
	MLPIO_ERR_OPEN,   /* cannot open or read the file: file says why (errnum) */
	MLPIO_ERR_NUMBER, /* token `field` (1-based) of line `line` is not a finite number */
	MLPIO_ERR_COUNT,  /* line `line` has `found` numbers where the network needs
	                   * `expected` (layer `layer`, 1-based) */
	MLPIO_ERR_SHORT,  /* the file ends after `found` of `expected` parameters */
	MLPIO_ERR_EXTRA   /* line `line` has numbers after the last layer */
} MlpIoProblem;

typedef struct {
	MlpIoProblem what;
	size_t line, field, layer;
	size_t found, expected;
	int errnum;
	InfileStatus file; /* for MLPIO_ERR_OPEN: not a regular file, too big, or errnum */
} MlpIoError;

/* Reads path into m->params (m gives the sizes; path must be a regular file of at
 * most MLPIO_MAX_FILE bytes, see infile.h). On failure m->params may be partly
 * overwritten, err says where and the status is NN_ERR_IO, NN_ERR_PARSE, NN_ERR_SHAPE
 * or NN_ERR_NOMEM. */
NnStatus mlp_load(Mlp *m, const char *path, MlpIoError *err);

/* Writes m->params to path in the format above, after a comment header naming the
 * sizes and activations and, when note is not NULL, the line "# note". */
NnStatus mlp_save(const char *path, const Mlp *m, const char *note);

#endif
