/* utf8.h: decoding, encoding and display width of UTF-8 text.
 * Depends on libc only; no locale, no terminal: the same answer everywhere. */
#ifndef NN_BASE_UTF8_H
#define NN_BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The code point used for every malformed byte (U+FFFD REPLACEMENT CHARACTER). */
#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point from s (at most n bytes) into *cp and returns the number of
 * bytes it used (1 to 4). A malformed, overlong, surrogate or truncated sequence yields
 * UTF8_REPLACEMENT and consumes exactly one byte, so decoding always makes progress.
 * n must be at least 1. */
size_t utf8_decode(uint32_t *cp, const char *s, size_t n);

/* Writes cp as UTF-8 into out (room for 4 bytes) and returns the byte count (1 to 4).
 * Invalid code points (surrogates, > U+10FFFF) are written as U+FFFD. */
size_t utf8_encode(char out[4], uint32_t cp);

/* Returns the number of terminal columns cp occupies: 0 for combining marks and most
 * control characters, 2 for East Asian wide and emoji ranges, 1 otherwise. */
int utf8_cp_width(uint32_t cp);

/* Returns the display width in columns of the first n bytes of s. */
int utf8_width(const char *s, size_t n);

/* Returns the byte offset of the first invalid sequence in s[0..n), or n if the whole
 * text is valid UTF-8. */
size_t utf8_validate(const char *s, size_t n);

#endif
