/* diag.h: diagnostics as values: file:line:col, a message and the quoted source line.
 * Must not print or exit; the caller decides where a diagnostic goes. */
#ifndef NN_LESSON_DIAG_H
#define NN_LESSON_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum {
	DIAG_MSG_MAX = 256,  /* bytes of a message, NUL included */
	DIAG_QUOTE_MAX = 160 /* bytes of the quoted line kept, before "..." */
};

typedef struct {
	char *file;    /* the file's name, owned by the list */
	int line, col; /* 1-based; col counts characters; 0: not tied to a line/col */
	char msg[DIAG_MSG_MAX];
	char quote[DIAG_QUOTE_MAX + 4]; /* the line, made printable; "" when none */
	int caret;                      /* display column of col within quote, 0-based */
} Diag;

typedef struct {
	Diag *items;
	size_t n, cap;
	size_t base; /* items before base belong to earlier files (see diag_begin) */
	size_t max;  /* diagnostics kept per file before "too many errors" */
	bool full;   /* the current file reached max: later diagnostics are dropped */
	bool nomem;  /* a diagnostic was lost for want of memory */
} DiagList;

/* Starts an empty list that keeps at most max diagnostics per file
 * (LESSON_MAX_ERRORS when max is 0). */
void diag_init(DiagList *d, size_t max);

/* Frees what the list holds; it is empty and reusable after. */
void diag_free(DiagList *d);

/* Moves every diagnostic of from to the end of to, in order (from is empty after;
 * what cannot be moved for want of memory is counted in to's nomem), then starts
 * counting afresh as diag_begin does. */
void diag_append(DiagList *to, DiagList *from);

/* Starts counting towards max afresh (for the next file) and clears full. */
void diag_begin(DiagList *d);

/* Adds a diagnostic at line:col of file, quoting the n bytes of src (the whole source
 * line, NULL for none). The message is printf-formatted. When the current file already
 * has max diagnostics, adds "too many errors" once and sets full; later calls do nothing
 * until diag_begin. Never fails: without memory the diagnostic is counted in nomem. */
void diag_add(DiagList *d, const char *file, int line, int col, const char *src, size_t n,
              const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Returns the number of diagnostics added since the last diag_begin. */
size_t diag_count(const DiagList *d);

/* Writes g as "file:line:col: message\n  quoted line\n  ^\n" into buf (size bytes,
 * always NUL-terminated, truncated if short); without a line, "file: message\n".
 * Returns the length the full text needs, as snprintf does. */
size_t diag_format(const Diag *g, char *buf, size_t size);

/* Returns the 1-based character column of byte offset off in the line s. */
int diag_col(const char *s, size_t off);

#endif
