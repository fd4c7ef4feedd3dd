/* wrap.c: greedy word wrap by display width.
 * Must not include curses or depend on the locale. */
#include <config.h>

#include "base/utf8.h"
#include "draw/wrap.h"

static void emit(WrapLine *out, int max, int count, size_t start, size_t len, int width)
{
	if (count < max) {
		out[count].start = start;
		out[count].len = len;
		out[count].width = width;
	}
}

int wrap_text(const char *s, size_t n, int width, WrapLine *out, int max)
{
	size_t i = 0;
	int count = 0;

	if (width < 1)
		width = 1;
	while (i <= n) {
		size_t start = i, end = i, brk = 0; /* brk: end of the last word that fits */
		int w = 0, brk_w = 0;
		int have_brk = 0;

		/* Extend the line word by word (and char by char for a word too long). */
		while (end < n && s[end] != '\n') {
			uint32_t cp;
			size_t len = utf8_decode(&cp, s + end, n - end);
			int cw = utf8_cp_width(cp);

			if (cp == ' ') {
				if (!have_brk || brk != end) {
					brk = end;
					brk_w = w;
					have_brk = 1;
				}
			}
			if (w + cw > width && cp != ' ')
				break;
			end += len;
			w += cw;
		}
		if (end >= n || s[end] == '\n') {
			/* The rest of the paragraph fits. */
			size_t e = end;
			int ew = w;
			while (e > start && s[e - 1] == ' ')
				e--, ew--;
			emit(out, max, count++, start, e - start, ew);
			i = end + 1;
			if (end >= n)
				break;
			continue;
		}
		if (have_brk && brk > start) {
			size_t e = brk;
			while (e > start && s[e - 1] == ' ')
				e--, brk_w--;
			emit(out, max, count++, start, e - start, brk_w);
			i = brk;
		} else {
			if (end == start) { /* a character wider than the line: take it anyway */
				uint32_t cp;
				end += utf8_decode(&cp, s + end, n - end);
				w = utf8_cp_width(cp);
			}
			emit(out, max, count++, start, end - start, w);
			i = end;
		}
		while (i < n && s[i] == ' ')
			i++;
	}
	return count;
}
