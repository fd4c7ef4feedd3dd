/* quiz-pen.c: drawing helpers of the quiz forms: wrapped text that measures and draws
 * in one pass, marks, bullets, letters, the deterministic shuffle.
 * Must not own the loop or write files. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/wrap.h"
#include "widgets/quiz/quiz-form.h"

enum { MAX_LINES = 128 };

const char *quiz_glyph(const Pen *p, const char *uni, const char *ascii)
{
	return p->caps.unicode ? uni : ascii;
}

int pen_put(Pen *p, int x, int y, const char *s, Style st)
{
	int w = utf8_width(s, strlen(s));

	if (p->g && x < p->x + p->w)
		grid_text(p->g, x, y, s, strlen(s), p->x + p->w - x, st);
	return w;
}

int pen_wrap(Pen *p, int indent, const char *s, size_t n, Style st)
{
	WrapLine lines[MAX_LINES];
	int width = p->w - indent, count, i, y0 = p->y;

	if (width < 1)
		width = 1;
	count = wrap_text(s, n, width, lines, MAX_LINES);
	if (count > MAX_LINES)
		count = MAX_LINES;
	for (i = 0; i < count; i++, p->y++)
		if (p->g)
			grid_text(p->g, p->x + indent, p->y, s + lines[i].start, lines[i].len,
				  width, st);
	return y0;
}

int pen_str(Pen *p, int indent, const char *s, Style st)
{
	return pen_wrap(p, indent, s, strlen(s), st);
}

void quiz_plain(const Text *t, char *buf, size_t size)
{
	if (t && t->n)
		text_plain(t, buf, size);
	else if (size)
		buf[0] = '\0';
}

int pen_text(Pen *p, int indent, const Text *t, Style st)
{
	char buf[2048];

	quiz_plain(t, buf, sizeof buf);
	return pen_str(p, indent, buf, st);
}

int pen_lead(Pen *p, int indent, const char *lead, Style lead_st, const Text *t, Style st)
{
	int lw = utf8_width(lead, strlen(lead)), y;

	y = pen_text(p, indent + lw, t, st);
	pen_put(p, p->x + indent, y, lead, lead_st);
	return y;
}

void pen_mark(Pen *p, int x, int y, int mark)
{
	if (mark > 0)
		pen_put(p, x, y, quiz_glyph(p, "✓", "+"), STYLE_GOOD);
	else if (mark < 0)
		pen_put(p, x, y, quiz_glyph(p, "✗", "-"), STYLE_BAD);
}

void pen_bullet(Pen *p, const char *label, const Text *t)
{
	char lead[128];
	size_t n;

	n = strlen(quiz_glyph(p, "• ", "* "));
	memcpy(lead, quiz_glyph(p, "• ", "* "), n + 1);
	if (label && *label) {
		size_t m = strlen(label);
		if (m > sizeof lead - n - 2)
			m = sizeof lead - n - 2;
		memcpy(lead + n, label, m);
		memcpy(lead + n + m, " ", 2);
	}
	pen_lead(p, 2, lead, STYLE_DIM, t, STYLE_NORMAL);
}

char quiz_letter(int i)
{
	return i >= 0 && i < 26 ? (char)('a' + i) : '?';
}

int quiz_pick_key(const QuizForm *f, const Key *k, int rows)
{
	(void)f;
	if (k->code != K_CHAR || (k->mods & (KEYMOD_CTRL | KEYMOD_ALT)))
		return -1;
	if (k->ch >= 'a' && k->ch <= 'z' && (int)(k->ch - 'a') < rows)
		return (int)(k->ch - 'a');
	if (k->ch >= '1' && k->ch <= '9' && (int)(k->ch - '1') < rows)
		return (int)(k->ch - '1');
	return -1;
}

/* FNV-1a of the id seeds a small LCG; Fisher-Yates with it. */
void quiz_shuffle(const char *id, int *perm, int n)
{
	uint32_t h = 2166136261u;
	int i;

	for (; id && *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	for (i = 0; i < n; i++)
		perm[i] = i;
	for (i = n - 1; i > 0; i--) {
		int j, t;
		h = h * 1664525u + 1013904223u;
		j = (int)((h >> 8) % (uint32_t)(i + 1));
		t = perm[i], perm[i] = perm[j], perm[j] = t;
	}
	for (i = 0; i < n && perm[i] == i; i++)
		;
	if (n > 1 && i == n) { /* the identity gives the answer away: rotate by one */
		for (i = 0; i < n; i++)
			perm[i] = (i + 1) % n;
	}
}
