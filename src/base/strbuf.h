/* strbuf.h: appending formatted text to a fixed buffer without ever running past it.
 * libc only. snprintf returns the length the text needed, not what it wrote: a sum of
 * those used as the next offset walks out of the buffer once one call is truncated.
 * str_addf keeps the offset inside. */
#ifndef NN_BASE_STRBUF_H
#define NN_BASE_STRBUF_H

#include <stddef.h>

/* Writes the formatted text at buf + len (len past the end counts as the end) and
 * returns the new length: at most size - 1, so the result is always a valid offset and
 * buf stays NUL-terminated (size > 0). Text that does not fit is cut. */
size_t str_addf(char *buf, size_t size, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Writes v with the fewest significant digits that read back as the same double
 * ("0.2", not "0.20000000000000001"; "1e-07"), as a lesson or a learner would write it;
 * "nan" or "inf" when it is not finite. Returns the length (cut at size - 1). */
size_t str_double(char *buf, size_t size, double v);

#endif
