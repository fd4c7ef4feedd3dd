/* lex.h: small lexical helpers shared by the lesson and index parsers: blanks, ids,
 * strict numbers, " | " fields, spelling suggestions. Internal; libc only. */
#ifndef NN_LESSON_LEX_H
#define NN_LESSON_LEX_H

#include <stdbool.h>
#include <stddef.h>

static inline bool lex_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Returns the index of the first non-blank byte of s[i..n), or n. */
size_t lex_skip(const char *s, size_t n, size_t i);

/* Returns n less the trailing blanks of s[0..n). */
size_t lex_rtrim(const char *s, size_t n);

/* Returns the length of the token at s[0..n): bytes up to the first blank. */
size_t lex_token(const char *s, size_t n);

/* True when s[0..n) is an identifier: a letter, then letters, digits, '.', '_', '-';
 * at most LESSON_MAX_ID bytes. */
bool lex_is_id(const char *s, size_t n);

/* Parses s[0..n) as a decimal number ([+-]digits[.digits][e[+-]digits], or .5) into
 * *out; false when it is not one or is not finite. */
bool lex_number(const char *s, size_t n, double *out);

/* Parses s[0..n) as a non-negative decimal integer no larger than max. */
bool lex_int(const char *s, size_t n, int max, int *out);

/* True when s[0..n) equals the NUL-terminated word w. */
bool lex_eq(const char *s, size_t n, const char *w);

/* Finds the next " | " separator in s[0..n) and returns its offset, or n. */
size_t lex_bar(const char *s, size_t n);

/* Returns the edit distance between s[0..n) and w, or a large number when it is more
 * than 2 or either is long; for "did you mean" suggestions. */
int lex_distance(const char *s, size_t n, const char *w);

/* True when every byte of s[0..n) is ASCII. */
bool lex_ascii(const char *s, size_t n);

#endif
