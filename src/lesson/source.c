/* source.c: reading lines from a buffer: line ends, byte-order mark and the bytes a
 * lesson may not contain. Must not print; every problem is a diagnostic. */
#include <config.h>

#include <stdint.h>
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

/* Whether the 8 bytes at p are all printable ASCII, 0x20 to 0x7E (a word at a time:
 * a byte below 0x20 borrows into its top bit when 0x20 is taken from it, and a byte
 * above 0x7E sets it when 1 is added or has it already). */
static bool printable8(const char *p)
{
	const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
	uint64_t w;

	memcpy(&w, p, sizeof w);
	return (((w - ones * 0x20) & ~w) | ((w + ones) | w)) & tops ? false : true;
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
	/* One pass: runs of printable ASCII, most of any lesson, eight bytes at a time. The
	 * first NUL or control character is reported before any invalid UTF-8, as the
	 * line's bytes come (the order the checks had when they were two passes). */
	bad = len;
	for (i = 0; i < len;) {
		unsigned char c = (unsigned char)start[i];
		if (i + 8 <= len && printable8(start + i)) {
			i += 8;
		} else if (c >= 0x20 && c < 0x7F) {
			i++;
		} else if (c == 0) {
			diag_add(s->diags, s->file, ln->no, diag_col(start, i), start, len,
			         _("NUL byte in the text"));
			return -1;
		} else if (c < 0x80 && c != '\t') {
			diag_add(s->diags, s->file, ln->no, diag_col(start, i), start, len,
			         _("control character U+%04X in the text"), c);
			return -1;
		} else if (c == '\t' || bad < len) {
			i++; /* after invalid UTF-8, only control characters are looked for */
		} else {
			uint32_t cp;
			size_t k = utf8_decode(&cp, start + i, len - i);
			if (cp == UTF8_REPLACEMENT && k == 1)
				bad = i++;
			else
				i += k;
		}
	}
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
