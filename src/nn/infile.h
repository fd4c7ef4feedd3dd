/* infile.h: opening an input file (a CSV, weights or progress file) so that it cannot
 * hang the program or grow without bound: regular files only, up to a size limit.
 * libc (POSIX open, fstat) only; no messages: callers word them from the status. */
#ifndef NN_NN_INFILE_H
#define NN_NN_INFILE_H

#include <stddef.h>

typedef enum {
	INFILE_OK,
	INFILE_ERR_SYS,         /* open, fstat or read failed: errno says why */
	INFILE_ERR_NOT_REGULAR, /* a directory, FIFO, device or socket: never read */
	INFILE_ERR_TOO_BIG      /* more bytes than the limit */
} InfileStatus;

/* Opens path read-only without blocking (O_NONBLOCK, so a FIFO or a device cannot
 * hang the open), checks with fstat that it is a regular file of at most max bytes,
 * then turns blocking back on. Returns the descriptor (close-on-exec), or -1 with *st
 * saying why (errno kept for INFILE_ERR_SYS). A file can still grow after the check:
 * readers count what they read against max too. */
int infile_open(const char *path, size_t max, InfileStatus *st);

/* Reads all of path, checked as infile_open does, into a new buffer of *n bytes with a
 * NUL after them (the caller frees it). A file found longer than max while it is read
 * is INFILE_ERR_TOO_BIG. On failure *buf is NULL and errno is set (ENOENT: no file;
 * EFBIG: too big; EINVAL: not a regular file). */
InfileStatus infile_read(const char *path, size_t max, char **buf, size_t *n);

/* Cuts the next line out of text read by infile_read, in place: *at is where it
 * starts, end the text's end (where infile_read put a NUL). Returns the line with its
 * '\n' replaced by a NUL and its length (without the '\n') in *len, and moves *at
 * past it; NULL when *at is at the end. */
char *infile_line(char **at, char *end, size_t *len);

#endif
