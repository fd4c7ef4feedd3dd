/* nnref.h: the reference runner's case model, shared by its reader (nnref.c) and its
 * table of ops (nnref-ops.c). Links the math library and libc only. */
#ifndef NN_TESTS_NN_NNREF_H
#define NN_TESTS_NN_NNREF_H

#include <stddef.h>

#define REF_MAX_RANK    8
#define REF_MAX_NAME    32
#define REF_MAX_TENSORS 32
#define REF_MAX_PARAMS  16
#define REF_MAX_ERR     320

typedef enum { REF_IN, REF_OUT, REF_SEED, REF_GRAD } RefKind;

/* One "in", "out", "seed" or "grad" block of a case. */
typedef struct {
	RefKind kind;
	char name[REF_MAX_NAME];
	size_t dims[REF_MAX_RANK];
	size_t rank; /* 0: a scalar */
	size_t count;
	double *v;    /* count values */
	long line;    /* its header line */
	int used;     /* an input the op read */
	double *grad; /* for inputs: the computed gradient (count), or NULL */
} RefTensor;

typedef struct {
	char key[REF_MAX_NAME];
	double value;
	long line;
} RefParam;

/* One case while it runs: what the file gave, and what the op computed. */
typedef struct {
	const char *file;
	long line; /* the "case" line */
	char op[REF_MAX_NAME];
	char label[256]; /* "OP key=value ..." as written */
	RefParam params[REF_MAX_PARAMS];
	size_t n_params;
	RefTensor t[REF_MAX_TENSORS];
	size_t n_t;
	/* computed */
	double *y;
	size_t ydims[REF_MAX_RANK], yrank, ycount;
	void *scratch[REF_MAX_TENSORS]; /* what ref_scratch and ref_out allocated */
	size_t n_scratch;
	/* the first error, "file:line: message" */
	char err[REF_MAX_ERR];
} RefCase;

/* Records an error at line (the case's own when 0) unless one is recorded already;
 * returns -1. */
int ref_fail(RefCase *c, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The tensor of this kind called name, or NULL. */
RefTensor *ref_find(RefCase *c, RefKind kind, const char *name);

/* The input called name with the given rank (any rank when rank < 0), marked used; or
 * NULL with an error when it is missing (or, for ref_opt_in, NULL and no error). */
RefTensor *ref_in(RefCase *c, const char *name, int rank);
RefTensor *ref_opt_in(RefCase *c, const char *name, int rank);

/* Checks that t has lo to hi dimensions; records an error and returns -1 if not. */
int ref_rank(RefCase *c, const RefTensor *t, size_t lo, size_t hi);

/* Checks that dimension k of t is want; records an error and returns -1 if not. */
int ref_dim(RefCase *c, const RefTensor *t, size_t k, size_t want);

/* The value of parameter key: an integer >= min (def when the case has none), or a
 * finite decimal. Errors are recorded; the return value is then def. */
size_t ref_int(RefCase *c, const char *key, size_t def, size_t min, int required);
double ref_real(RefCase *c, const char *key, double def);

/* "2,3,4" into buf. */
void ref_shape_text(char *buf, size_t len, const size_t *dims, size_t rank);

/* 0 when t has this shape, else -1 with an error. */
int ref_same_shape(RefCase *c, const RefTensor *t, const size_t *dims, size_t rank);

/* Makes the output y of the given shape (zeroed); NULL when out of memory. */
double *ref_out(RefCase *c, size_t rank, const size_t *dims);

/* The seed dy, checked against the shape of y (as is the expected output's shape);
 * NULL (error recorded) when missing or of another shape. */
const double *ref_seed(RefCase *c);

/* The gradient buffer of input t (zeroed, owned by the case). NULL for t NULL. */
double *ref_grad(RefCase *c, RefTensor *t);

/* The class indices of t, each an integer in [0, limit), into idx (t->count); -1 with
 * an error otherwise. */
int ref_indices(RefCase *c, RefTensor *t, size_t *idx, size_t limit);

/* Scratch owned by the case (zeroed, freed with it). NULL when out of memory. */
void *ref_scratch(RefCase *c, size_t n, size_t size);

/* Frees everything the case holds and zeroes it. */
void ref_case_free(RefCase *c);

/* The op table: runs the case's op (forward then backward); 0 or -1 (error recorded). */
typedef struct {
	const char *name;
	const char *const *keys; /* the parameters it accepts, NULL-terminated */
	int (*run)(RefCase *c);
} RefOp;

const RefOp *ref_find_op(const char *name);

#endif
