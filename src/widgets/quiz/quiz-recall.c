/* quiz-recall.c: free recall: the learner writes an answer (UTF-8, Backspace erases),
 * which is compared with the quiz's key terms; any answer ends the question with the
 * terms found, what is worth adding, and the model answer. Also the term matching.
 * Must not own the loop or write files. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "draw/box.h"
#include "draw/wrap.h"
#include "nls.h"
#include "widgets/quiz/quiz-form.h"
#include "widgets/quiz/quiz.h"

enum { MAX_CPS = 1024, MAX_WORDS = 512 };

/* Lower case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic. */
static uint32_t fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0)
		return c;
	if (c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c == 0x178)
		return 0xFF;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c + 1 : c;
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 32;
	if (c == 0x3C2) /* final sigma */
		return 0x3C3;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

/* Letters and digits; punctuation, symbols, arrows and maths operators are not. */
static bool word_char(uint32_t c)
{
	if (c < 128)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	if (c == 0xD7 || c == 0xF7)
		return false;
	if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF0F))
		return false;
	return true;
}

typedef struct {
	uint32_t cp[MAX_CPS];
	size_t n;
	size_t start[MAX_WORDS], len[MAX_WORDS];
	size_t nwords;
} Folded;

static void fold_text(Folded *t, const char *s)
{
	size_t n = strlen(s), i = 0;
	bool in_word = false;

	t->n = t->nwords = 0;
	while (i < n && t->n < MAX_CPS) {
		uint32_t c;
		i += utf8_decode(&c, s + i, n - i);
		c = fold(c);
		if (word_char(c) && !in_word && t->nwords < MAX_WORDS) {
			t->start[t->nwords] = t->n;
			t->len[t->nwords++] = 0;
			in_word = true;
		} else if (!word_char(c)) {
			in_word = false;
		}
		if (in_word)
			t->len[t->nwords - 1]++;
		t->cp[t->n++] = c;
	}
}

/* Word a equals word w, or is w with a short ending ("sum" + "med": the last letter
 * may double before ed, ing, er). */
static bool word_matches(const Folded *a, size_t ai, const Folded *w, size_t wi)
{
	static const char *const endings[] = {"", "s", "es", "ed", "d", "ing", "er", "ers"};
	const uint32_t *ap = a->cp + a->start[ai], *wp = w->cp + w->start[wi];
	size_t an = a->len[ai], wn = w->len[wi], e, k, rest;

	if (an < wn || wn == 0 || memcmp(ap, wp, wn * sizeof *ap) != 0)
		return false;
	for (e = 0; e < sizeof endings / sizeof *endings; e++) {
		size_t el = strlen(endings[e]), at = wn;
		rest = an - wn;
		if (rest == el + 1 && el >= 2 && endings[e][0] != 's' && ap[wn] == wp[wn - 1])
			at++, rest--; /* the doubled letter */
		if (rest != el)
			continue;
		for (k = 0; k < el && ap[at + k] == (uint32_t)endings[e][k]; k++)
			;
		if (k == el)
			return true;
	}
	return false;
}

static bool mentioned(const Folded *a, const Folded *w)
{
	size_t i, j;

	if (w->nwords == 0) { /* no letters: look for the symbols as they are */
		if (w->n == 0)
			return false;
		for (i = 0; i + w->n <= a->n; i++)
			if (memcmp(a->cp + i, w->cp, w->n * sizeof *w->cp) == 0)
				return true;
		return false;
	}
	for (i = 0; i + w->nwords <= a->nwords; i++) {
		for (j = 0; j < w->nwords && word_matches(a, i + j, w, j); j++)
			;
		if (j == w->nwords)
			return true;
	}
	return false;
}

bool quiz_term_mentioned(const char *answer, const char *alt)
{
	Folded a, w;

	fold_text(&a, answer);
	fold_text(&w, alt);
	return mentioned(&a, &w);
}

int quiz_recall_count(const Quiz *q, const char *answer, bool *found)
{
	Folded a, w;
	size_t t, i;
	int n = 0;

	fold_text(&a, answer);
	for (t = 0; t < q->nterms; t++) {
		bool hit = false;
		for (i = 0; i < q->terms[t].nalts && !hit; i++) {
			fold_text(&w, q->terms[t].alts[i]);
			hit = mentioned(&a, &w);
		}
		if (found)
			found[t] = hit;
		n += hit;
	}
	return n;
}

static int need(const Quiz *q)
{
	return q->need > 0 && q->need <= (int)q->nterms ? q->need : (int)q->nterms;
}

const char *recall_verdict(const QuizForm *f, char *buf, size_t size)
{
	int found = quiz_recall_count(f->q, f->subtext, NULL), want = need(f->q);

	if (found >= want)
		return _("Well said!");
	if (found == 0)
		return _("No key idea named yet: compare with the model answer.");
	snprintf(buf, size,
		 ngettext("Part of it: %d of the %d key ideas a full answer names. Compare "
			  "with the model answer.",
			  "Part of it: %d of the %d key ideas a full answer names. Compare "
			  "with the model answer.",
			  (unsigned long)want),
		 found, want);
	return buf;
}

static void recall_reset(QuizForm *f)
{
	f->text[0] = '\0';
	f->cursor = 0;
}

static void recall_solve(QuizForm *f)
{
	(void)f; /* the model answer is the explanation */
}

static int recall_check(QuizForm *f)
{
	if (f->text[strspn(f->text, " ")] == '\0') {
		f->note = QN_WRITE;
		return -1;
	}
	return quiz_recall_count(f->q, f->text, NULL) >= need(f->q);
}

static unsigned recall_key(QuizForm *f, const Key *k)
{
	size_t n = strlen(f->text);

	if (k->code == K_BACKSPACE) {
		while (n > 0 && ((unsigned char)f->text[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0)
			n--;
		f->text[n] = '\0';
		return WIDGET_HANDLED;
	}
	if (k->code != K_CHAR || (k->mods & (KEYMOD_CTRL | KEYMOD_ALT)) || k->ch < 0x20 ||
	    (k->ch >= 0x7F && k->ch < 0xA0))
		return WIDGET_IGNORED;
	if (n + 5 < QUIZ_TEXT_MAX) {
		n += utf8_encode(f->text + n, k->ch);
		f->text[n] = '\0';
	}
	return WIDGET_HANDLED;
}

/* The answer in a box titled "Your answer", wrapped; a placeholder while empty. */
static void recall_body(const QuizForm *f, Pen *p)
{
	WrapLine lines[64];
	bool open = f->phase == QP_OPEN || f->phase == QP_WRONG, empty = !f->text[0];
	const char *s = empty && open ? _("Type your answer here.") : f->text;
	int inner = p->w - 6, n, i, y0 = p->y;

	if (inner < 4)
		inner = 4;
	n = wrap_text(s, strlen(s), inner, lines, 64);
	if (n > 64)
		n = 64;
	if (p->g) {
		box_draw(p->g, p->x + 2, y0, p->w - 2, n + 2, BOX_ROUNDED, _("Your answer"),
			 open && p->focused, p->caps);
		for (i = 0; i < n; i++)
			grid_text(p->g, p->x + 4, y0 + 1 + i, s + lines[i].start, lines[i].len,
				  inner, empty ? STYLE_DIM : STYLE_NORMAL);
	}
	if (open && p->focused) {
		const WrapLine *last = &lines[n - 1];
		int x = empty ? 0 : utf8_width(s + last->start, strlen(s) - last->start);
		p->cx = p->x + 4 + (x < inner ? x : inner - 1);
		p->cy = y0 + n;
	}
	p->y = y0 + n + 2;
}

/* "a, b, c" of the terms with found[t] == want, by their first word. */
static int term_list(const Quiz *q, const bool *found, bool want, char *buf, size_t size)
{
	size_t t, len = 0;
	int n = 0;

	buf[0] = '\0';
	for (t = 0; t < q->nterms && len + 4 < size; t++) {
		if (found[t] != want || !q->terms[t].nalts)
			continue;
		len = str_addf(buf, size, len, "%s%s", n ? ", " : "",
					q->terms[t].alts[0]);
		if (len >= size)
			len = size - 1;
		n++;
	}
	return n;
}

static void recall_feedback(const QuizForm *f, Pen *p)
{
	bool found[64] = {false};
	char list[512], line[640];
	size_t t;
	Quiz q = *f->q;

	if (q.nterms > 64)
		q.nterms = 64;
	quiz_recall_count(&q, f->subtext, found);
	if (term_list(&q, found, true, list, sizeof list)) {
		snprintf(line, sizeof line, _("Key ideas you mentioned: %s."), list);
		pen_str(p, 2, line, STYLE_GOOD);
	}
	if (term_list(&q, found, false, list, sizeof list)) {
		snprintf(line, sizeof line, _("Worth adding: %s."), list);
		pen_str(p, 2, line, STYLE_NORMAL);
	}
	for (t = 0; t < q.nterms; t++) {
		char label[128];
		if (found[t] || !q.terms[t].feedback.n || !q.terms[t].nalts)
			continue;
		snprintf(label, sizeof label, "%s:", q.terms[t].alts[0]);
		pen_bullet(p, label, &q.terms[t].feedback);
	}
}

/* Every key types: only Enter and the hint key (Ctrl-T) do more. */
static int recall_keys(const QuizForm *f, bool unicode, const char **out, int max, char *scratch)
{
	(void)f;
	(void)scratch;
	(void)unicode;
	(void)out;
	(void)max;
	return 0;
}

const QuizKindOps quiz_recall_kind = {
    .text = true,
    .ends_on_wrong = true,
    .reset = recall_reset,
    .solve = recall_solve,
    .check = recall_check,
    .key = recall_key,
    .body = recall_body,
    .feedback = recall_feedback,
    .keys = recall_keys,
};
