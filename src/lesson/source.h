/* source.h: splitting a file's bytes into checked lines (BOM, CRLF, NUL, invalid
 * UTF-8, overlong lines). Internal to src/lesson; must not print or know the model. */
#ifndef NN_LESSON_SOURCE_H
#define NN_LESSON_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/diag.h"

typedef struct {
	const char *p; /* the line's bytes, without its end ("\n" or "\r\n") */
	size_t n;
	int no; /* 1-based line number */
} Line;

typedef struct {
	const char *text;
	size_t n, pos;
	int no;
	const char *file;
	DiagList *diags;
} Source;

/* Starts reading n bytes of text (a UTF-8 byte-order mark is skipped). Diagnostics go
 * to d under the name file. */
void source_init(Source *s, const char *text, size_t n, const char *file, DiagList *d);

/* Reads the next line into *ln. Returns 1 for a good line, 0 at the end of the text,
 * -1 for a line that was reported (a NUL byte, a control character, invalid UTF-8, or
 * more than LESSON_MAX_LINE bytes) and must be skipped; *ln is still filled. */
int source_next(Source *s, Line *ln);

/* Finds line no (1-based) of text[0..n) as source_next would return it (without the
 * byte-order mark and the line end); false when the text has fewer lines. */
bool source_line(const char *text, size_t n, int no, Line *ln);

#endif
