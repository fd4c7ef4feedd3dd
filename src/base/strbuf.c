/* strbuf.c: bounded appends of formatted text (see strbuf.h).
 * libc only. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/strbuf.h"

size_t str_addf(char *buf, size_t size, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (size == 0)
		return 0;
	if (len >= size)
		len = size - 1;
	va_start(ap, fmt);
	n = vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
	if (n < 0) { /* an encoding error: keep what was there */
		buf[len] = '\0';
		return len;
	}
	return (size_t)n < size - len ? len + (size_t)n : size - 1;
}

size_t str_double(char *buf, size_t size, double v)
{
	char tmp[40];
	int p;

	for (p = 1; p <= 17; p++) {
		snprintf(tmp, sizeof tmp, "%.*g", p, v);
		if (strtod(tmp, NULL) == v || v != v)
			break;
	}
	return str_addf(buf, size, 0, "%s", tmp);
}
