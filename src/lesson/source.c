/* source.c: reading lines from a buffer: line ends, byte-order mark and the bytes a
 * lesson may not contain. Must not print; every problem is a diagnostic. */
#include <config.h>

#include <string.h>

#include "base/utf8.h"
#include "lesson/limits.h"
#include "lesson/source.h"
#include "nls.h"

void source_init(Source *s, const char *text, size_t n, const char *file, DiagList *d)
{
	s->text = text;
	s->n = n;
	s->pos = n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	s->no = 0;
	s->file = file;
	s->diags = d;
}

int source_next(Source *s, Line *ln)
{
	const char *start = s->text + s->pos, *nl;
	size_t rest = s->n - s->pos, len, i, bad;

	if (s->pos >= s->n)
		return 0;
	nl = memchr(start, '\n', rest);
	len = nl ? (size_t)(nl - start) : rest;
	s->pos += nl ? len + 1 : len;
	s->no++;
	ln->p = start;
	ln->no = s->no;
	if (len && start[len - 1] == '\r')
		len--;
	ln->n = len;
	if (len > LESSON_MAX_LINE) {
		diag_add(s->diags, s->file, ln->no, 1, start, DIAG_QUOTE_MAX + 8,
		         _("line is longer than %d bytes"), LESSON_MAX_LINE);
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)start[i];
		if (c == 0) {
			diag_add(s->diags, s->file, ln->no, diag_col(start, i), start, len,
			         _("NUL byte in the text"));
			return -1;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7F) {
			diag_add(s->diags, s->file, ln->no, diag_col(start, i), start, len,
			         _("control character U+%04X in the text"), c);
			return -1;
		}
	}
	bad = utf8_validate(start, len);
	if (bad < len) {
		diag_add(s->diags, s->file, ln->no, diag_col(start, bad), start, len,
		         _("invalid UTF-8 byte 0x%02X"), (unsigned char)start[bad]);
		return -1;
	}
	return 1;
}

bool source_line(const char *text, size_t n, int no, Line *ln)
{
	size_t pos = n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	int k;

	if (!text || no < 1)
		return false;
	for (k = 1; k < no; k++) {
		const char *nl = memchr(text + pos, '\n', n - pos);
		if (!nl)
			return false;
		pos = (size_t)(nl - text) + 1;
	}
	if (pos >= n && !(pos == n && no == 1))
		return false;
	ln->p = text + pos;
	ln->n = n - pos;
	{
		const char *nl = memchr(ln->p, '\n', ln->n);
		if (nl)
			ln->n = (size_t)(nl - ln->p);
	}
	if (ln->n && ln->p[ln->n - 1] == '\r')
		ln->n--;
	ln->no = no;
	return true;
}
