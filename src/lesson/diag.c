/* diag.c: collecting diagnostics and formatting one GNU-style with its quoted line.
 * Must not print or exit: the text goes into the caller's buffer. */
#include <config.h>

#include <stdbool.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "lesson/diag.h"
#include "lesson/limits.h"
#include "nls.h"

void diag_init(DiagList *d, size_t max)
{
	memset(d, 0, sizeof *d);
	d->max = max ? max : LESSON_MAX_ERRORS;
}

void diag_free(DiagList *d)
{
	size_t max = d->max, i;

	for (i = 0; i < d->n; i++)
		free(d->items[i].file);
	free(d->items);
	diag_init(d, max);
}

void diag_append(DiagList *to, DiagList *from)
{
	if (from->n && to->cap - to->n < from->n) {
		size_t cap = to->n + from->n;
		Diag *items = realloc(to->items, cap * sizeof *items);
		if (!items) {
			to->nomem = true;
			diag_free(from);
			return;
		}
		to->items = items;
		to->cap = cap;
	}
	if (from->n)
		memcpy(to->items + to->n, from->items, from->n * sizeof *from->items);
	to->n += from->n;
	to->nomem = to->nomem || from->nomem;
	free(from->items); /* the files now belong to to */
	diag_init(from, from->max);
	diag_begin(to);
}

void diag_begin(DiagList *d)
{
	d->base = d->n;
	d->full = false;
}

size_t diag_count(const DiagList *d)
{
	return d->n - d->base;
}

int diag_col(const char *s, size_t off)
{
	size_t i = 0;
	int col = 1;

	while (i < off && (unsigned char)s[i] < 0x80) /* ASCII: a byte is a character */
		i++, col++;
	while (i < off) {
		uint32_t cp;
		i += utf8_decode(&cp, s + i, off - i);
		col++;
	}
	return col;
}

/* Copies the line into g->quote, printable: invalid bytes and control characters
 * become '?', a tab a space; cut at a character boundary with "...". Sets g->caret to
 * the display column where character g->col starts. */
static void diag_quote(Diag *g, const char *src, size_t n)
{
	size_t i = 0, o = 0;
	int col = 1, width = 0;

	g->caret = -1;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(&cp, src + i, n - i);
		bool bad = cp == UTF8_REPLACEMENT &&
		           !(len == 3 && memcmp(src + i, "\xEF\xBF\xBD", 3) == 0);

		if (col == g->col)
			g->caret = width;
		if (o + len > DIAG_QUOTE_MAX) {
			memcpy(g->quote + o, "...", 3);
			o += 3;
			break;
		}
		if (bad || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			g->quote[o++] = cp == '\t' ? ' ' : '?';
			width++;
		} else {
			memcpy(g->quote + o, src + i, len);
			o += len;
			width += utf8_cp_width(cp);
		}
		i += len;
		col++;
	}
	g->quote[o] = '\0';
	if (g->caret < 0)
		g->caret = width;
}

void diag_add(DiagList *d, const char *file, int line, int col, const char *src, size_t n,
              const char *fmt, ...)
{
	Diag *g;
	va_list ap;
	bool last;

	if (d->full)
		return;
	last = diag_count(d) >= d->max;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		Diag *items = realloc(d->items, cap * sizeof *items);
		if (!items) {
			d->nomem = true;
			return;
		}
		d->items = items;
		d->cap = cap;
	}
	g = &d->items[d->n];
	memset(g, 0, sizeof *g);
	g->file = strdup(file ? file : "");
	if (!g->file) {
		d->nomem = true;
		return;
	}
	d->n++;
	g->line = line;
	g->col = col;
	if (last) {
		snprintf(g->msg, sizeof g->msg, _("too many errors; giving up on this file"));
		d->full = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(g->msg, sizeof g->msg, fmt, ap);
	va_end(ap);
	if (src)
		diag_quote(g, src, n);
}

size_t diag_format(const Diag *g, char *buf, size_t size)
{
	int len;

	if (g->line <= 0)
		len = snprintf(buf, size, "%s: %s\n", g->file, g->msg);
	else if (g->col <= 0)
		len = snprintf(buf, size, "%s:%d: %s\n", g->file, g->line, g->msg);
	else
		len = snprintf(buf, size, "%s:%d:%d: %s\n", g->file, g->line, g->col, g->msg);
	if (len < 0)
		len = 0;
	if (g->line > 0 && g->quote[0]) {
		size_t at = (size_t)len < size ? (size_t)len : (size ? size - 1 : 0);
		int more = g->col > 0 ? snprintf(buf + at, size - at, "  %s\n  %*s^\n", g->quote,
		                                 g->caret, "")
		                      : snprintf(buf + at, size - at, "  %s\n", g->quote);
		if (more > 0)
			len += more;
	}
	return (size_t)len;
}
