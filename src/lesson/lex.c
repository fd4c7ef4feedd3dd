/* lex.c: the lexical helpers of lex.h.
 * Must not allocate, print, or depend on the locale (numbers always use a '.'). */
#include <config.h>

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lex.h"
#include "lesson/limits.h"

size_t lex_skip(const char *s, size_t n, size_t i)
{
	while (i < n && lex_blank(s[i]))
		i++;
	return i;
}

size_t lex_rtrim(const char *s, size_t n)
{
	while (n && lex_blank(s[n - 1]))
		n--;
	return n;
}

size_t lex_token(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && !lex_blank(s[i]))
		i++;
	return i;
}

static bool lex_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool lex_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool lex_is_id(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > LESSON_MAX_ID || !lex_alpha(s[0]))
		return false;
	for (i = 1; i < n; i++)
		if (!lex_alpha(s[i]) && !lex_digit(s[i]) && s[i] != '.' && s[i] != '_' &&
		    s[i] != '-')
			return false;
	return true;
}

bool lex_number(const char *s, size_t n, double *out)
{
	char buf[64];
	size_t i = 0, digits = 0, o = 0;
	const char *point = localeconv()->decimal_point;
	double v;

	if (n == 0 || n + 8 >= sizeof buf)
		return false;
	if (s[i] == '+' || s[i] == '-')
		i++;
	while (i < n && lex_digit(s[i]))
		i++, digits++;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && lex_digit(s[i]))
			i++, digits++;
	}
	if (digits == 0)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = 0;
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < n && lex_digit(s[i]))
			i++, e++;
		if (e == 0)
			return false;
	}
	if (i != n)
		return false;
	/* strtod reads the locale's decimal point: give it that one for our '.'. */
	for (i = 0; i < n; i++) {
		if (s[i] == '.' && point && *point && strlen(point) < 8) {
			memcpy(buf + o, point, strlen(point));
			o += strlen(point);
		} else {
			buf[o++] = s[i];
		}
	}
	buf[o] = '\0';
	v = strtod(buf, NULL);
	if (!isfinite(v))
		return false;
	*out = v;
	return true;
}

bool lex_int(const char *s, size_t n, int max, int *out)
{
	size_t i;
	long v = 0;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++) {
		if (!lex_digit(s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
		if (v > max)
			return false;
	}
	*out = (int)v;
	return true;
}

bool lex_eq(const char *s, size_t n, const char *w)
{
	if (n == 0)
		return w[0] == '\0';
	return s[0] == w[0] && strlen(w) == n && memcmp(s, w, n) == 0; /* most differ at once */
}

size_t lex_bar(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ')
			return i;
	return n;
}

int lex_distance(const char *s, size_t n, const char *w)
{
	enum { MAX = 32 };
	size_t m = strlen(w), i, j;
	int row[MAX + 1];

	if (n > MAX || m > MAX)
		return 99;
	for (j = 0; j <= m; j++)
		row[j] = (int)j;
	for (i = 1; i <= n; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (j = 1; j <= m; j++) {
			int up = row[j], best = diag + (s[i - 1] != w[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[m] <= 2 ? row[m] : 99;
}

bool lex_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}
