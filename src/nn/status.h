/* status.h: the status every fallible function of the math library returns.
 * libc only; the library never prints: app/ turns a status into a translated message. */
#ifndef NN_NN_STATUS_H
#define NN_NN_STATUS_H

typedef enum {
	NN_OK = 0,
	NN_ERR_NOMEM,   /* an allocation failed */
	NN_ERR_ARG,     /* a bad argument: a zero size, an unknown name, mismatched shapes */
	NN_ERR_IO,      /* a file could not be opened, read or written (errno is kept) */
	NN_ERR_PARSE,   /* a file's content is malformed (the line is reported) */
	NN_ERR_SHAPE,   /* a file's content does not fit the expected shape */
	NN_ERR_DIVERGED /* training produced NaN, Inf or an exploding loss */
} NnStatus;

#endif
