/* quiz.c: the quiz form every @quiz block gets: the question, the kind's answer rows,
 * hints, the verdict with feedback and the explanation, the key line; checking,
 * showing the answer, retrying, and the answer and first-try score kept in progress.
 * Must not own the loop or write files: the player saves what save() sets. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "nls.h"
#include "widgets/quiz/quiz-form.h"
#include "widgets/quiz/quiz.h"

static const QuizKindOps *const kinds[] = {
    [QUIZ_SINGLE] = &quiz_single_kind,   [QUIZ_MULTI] = &quiz_multi_kind,
    [QUIZ_NUMERIC] = &quiz_numeric_kind, [QUIZ_MATCH] = &quiz_match_kind,
    [QUIZ_ORDER] = &quiz_order_kind,     [QUIZ_RECALL] = &quiz_recall_kind,
};

static const char *const phase_names[] = {"open", "tried", "right", "shown"};

static bool ended(const QuizForm *f)
{
	return f->phase == QP_RIGHT || f->phase == QP_SHOWN;
}

/* The question's number among the lesson's quizzes, as the layout numbers them. */
static int number_of(const Instance *in)
{
	size_t i;
	int n = 0;

	for (i = 0; in->scene && i < in->scene->n; i++) {
		const Instance *o = &in->scene->items[i];
		if (o->block->kind == BLOCK_QUIZ)
			n++;
		if (o == in)
			return n;
	}
	return 1;
}

static int quiz_init(Instance *in)
{
	const Quiz *q = &in->block->quiz;
	QuizForm *f;
	size_t n = 0;

	if (in->block->kind != BLOCK_QUIZ || (unsigned)q->kind >= sizeof kinds / sizeof *kinds)
		return -1;
	if (q->kind == QUIZ_SINGLE || q->kind == QUIZ_MULTI || q->kind == QUIZ_ORDER)
		n = q->nchoices;
	else if (q->kind == QUIZ_MATCH)
		n = q->npairs;
	if (n > 64)
		n = 64; /* the key line letters and the saved answer stay small */
	f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->q = q;
	f->k = kinds[q->kind];
	f->n = (int)n;
	f->cur = calloc(n + 1, sizeof *f->cur);
	f->sub = calloc(n + 1, sizeof *f->sub);
	f->opts = calloc(n + 1, sizeof *f->opts);
	if (!f->cur || !f->sub || !f->opts) {
		free(f->cur);
		free(f->sub);
		free(f->opts);
		free(f);
		return -1;
	}
	f->number = number_of(in);
	f->score = -1;
	f->grab = -1;
	if (q->kind == QUIZ_MATCH)
		quiz_shuffle(q->id, f->opts, f->n);
	f->k->reset(f);
	memcpy(f->sub, f->cur, n * sizeof *f->sub);
	in->state = f;
	return 0;
}

static void quiz_free(Instance *in)
{
	QuizForm *f = in->state;

	if (!f)
		return;
	free(f->cur);
	free(f->sub);
	free(f->opts);
	free(f);
	in->state = NULL;
}

/* The hint key: 'h', or 'H' when 'h' picks a row; recall types letters: Ctrl-T. */
static const char *hint_key(const QuizForm *f)
{
	if (f->q->kind == QUIZ_RECALL)
		return "Ctrl-T";
	return f->n > 'h' - 'a' && f->q->kind != QUIZ_ORDER ? "H" : "h";
}

static const char *show_key(const QuizForm *f)
{
	return f->n > 's' - 'a' && f->q->kind != QUIZ_ORDER ? "S" : "s";
}

/* The keys as (key, what) pairs: the kind's, then check, hint, show the answer, retry;
 * returns the number of strings. scratch holds 32 bytes for a key made up here. */
static int key_pairs(const QuizForm *f, bool unicode, const char **pairs, int max,
		     char *scratch)
{
	int n = 0;

	if (max < 8)
		return 0;
	if (ended(f)) {
		pairs[n++] = "r";
		pairs[n++] = _("try again");
		return n;
	}
	n = f->k->keys(f, unicode, pairs, max - 6, scratch);
	pairs[n++] = "Enter";
	pairs[n++] = _("check");
	if (f->hints < (int)f->q->nhints) {
		pairs[n++] = hint_key(f);
		pairs[n++] = _("hint");
	}
	if (f->phase == QP_WRONG) {
		pairs[n++] = show_key(f);
		pairs[n++] = _("show the answer");
	}
	return n;
}

/* The key line under the form. */
static void key_line(const QuizForm *f, Pen *p)
{
	const char *pairs[24];
	char scratch[32] = "";
	int n = key_pairs(f, p->caps.unicode, pairs, 24, scratch), i, x = p->x, y = p->y;

	for (i = 0; i + 1 < n; i += 2) {
		int kw = utf8_width(pairs[i], strlen(pairs[i]));
		int lw = utf8_width(pairs[i + 1], strlen(pairs[i + 1]));
		if (x > p->x && x + kw + 1 + lw > p->x + p->w) {
			x = p->x;
			y++;
		}
		x += pen_put(p, x, y, pairs[i], STYLE_KEY);
		x += pen_put(p, x, y, " ", STYLE_DIM);
		x += pen_put(p, x, y, pairs[i + 1], STYLE_DIM);
		x += 2;
	}
	p->y = y + 1;
}

static const char *note_text(QuizNote n)
{
	switch (n) {
	case QN_PICK:
		return _("Pick an answer first.");
	case QN_PICK_SOME:
		return _("Pick at least one answer first.");
	case QN_NUMBER:
		return _("Type a number first.");
	case QN_NOT_NUMBER:
		return _("That is not a number: use digits, a point and a leading minus.");
	case QN_MATCH_ALL:
		return _("Give every item its match first.");
	case QN_WRITE:
		return _("Write a few words first.");
	case QN_NONE:
		break;
	}
	return "";
}

/* The verdict line: a symbol and words, so it reads the same without colour. */
static void verdict(const QuizForm *f, Pen *p)
{
	char buf[256];
	const char *sym, *words;
	Style st;
	int x = p->x;

	if (f->phase == QP_RIGHT) {
		sym = quiz_glyph(p, "✓ ", "+ ");
		words = f->q->kind == QUIZ_RECALL ? _("Well said!") : _("Right!");
		st = STYLE_GOOD;
	} else if (f->phase == QP_WRONG) {
		sym = quiz_glyph(p, "✗ ", "- ");
		words = _("Not quite. Try again.");
		st = STYLE_BAD;
	} else if (f->q->kind == QUIZ_RECALL) {
		sym = quiz_glyph(p, "→ ", "-> ");
		words = recall_verdict(f, buf, sizeof buf);
		st = quiz_recall_count(f->q, f->subtext, NULL) > 0 ? STYLE_ACCENT : STYLE_WARN;
	} else {
		sym = quiz_glyph(p, "→ ", "-> ");
		words = _("Here is the answer.");
		st = STYLE_ACCENT;
	}
	if (p->focused && ended(f) && p->cx < 0) {
		p->cx = x;
		p->cy = p->y;
	}
	x += pen_put(p, x, p->y, sym, st);
	pen_str(p, x - p->x, words, st);
}

static void render(const QuizForm *f, Pen *p)
{
	const Quiz *q = f->q;
	char label[64];
	int i;

	snprintf(label, sizeof label, _("Question %d."), f->number);
	strncat(label, " ", sizeof label - strlen(label) - 1);
	pen_lead(p, 0, label, STYLE_TITLE, &q->prompt, STYLE_NORMAL);
	p->y++;
	f->k->body(f, p);
	if (f->hints > 0 || f->note != QN_NONE || f->phase != QP_OPEN)
		p->y++;
	for (i = 0; i < f->hints && i < (int)q->nhints; i++) {
		char lead[64];
		snprintf(lead, sizeof lead, _("Hint %d of %d:"), i + 1, (int)q->nhints);
		strncat(lead, " ", sizeof lead - strlen(lead) - 1);
		pen_lead(p, 0, lead, STYLE_ACCENT, &q->hints[i], STYLE_DIM);
	}
	if (f->note != QN_NONE)
		pen_str(p, 0, note_text(f->note), STYLE_WARN);
	if (f->phase != QP_OPEN) {
		verdict(f, p);
		f->k->feedback(f, p);
	}
	if (ended(f)) {
		char lead[64];
		snprintf(lead, sizeof lead, "%s ", _("Explanation:"));
		if (q->explain.n)
			pen_lead(p, 0, lead, STYLE_BOLD, &q->explain, STYLE_NORMAL);
		pen_str(p, 0,
			f->score > 0 ? _("Scored on the first try: right.")
			: f->q->kind == QUIZ_RECALL && f->solved
			    ? _("Scored on your first answer: not complete yet. A later answer "
				"was complete; the score stays the first answer's.")
			: f->q->kind == QUIZ_RECALL
			    ? _("Scored on your first answer: not complete "
				"yet. A new answer does not change the score.")
			: f->solved
			    ? _("Scored on the first try: not right. Right after retries; the "
				"score stays the first try's.")
			    : _("Scored on the first try: not right. Trying "
				"again does not change the score."),
			STYLE_DIM);
	}
	p->y++;
	key_line(f, p);
}

/* The rows at a width: the taller of the Unicode and the ASCII look, since the glyphs
 * differ in width and the height must not depend on the terminal. */
static int quiz_height(const Instance *in, int width)
{
	Pen p;
	int h = 1, u;

	for (u = 0; u < 2; u++) {
		memset(&p, 0, sizeof p);
		p.w = width;
		p.caps.unicode = u;
		p.cx = p.cy = -1;
		render(in->state, &p);
		if (p.y > h)
			h = p.y;
	}
	return h;
}

static void quiz_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused, int *cx,
		      int *cy)
{
	Pen p;

	memset(&p, 0, sizeof p);
	p.g = g;
	p.x = r.x;
	p.y = r.y;
	p.w = r.w;
	p.caps = caps;
	p.focused = focused;
	p.cx = p.cy = -1;
	render(in->state, &p);
	if (focused && p.cx >= 0 && p.cy < r.y + r.h) { /* inside r, even when narrow */
		*cx = p.cx < r.x + r.w ? p.cx : r.x + r.w - 1;
		*cy = p.cy;
	}
}

static void copy_answer(QuizForm *f, int *to, char *text_to, const int *from, const char *text_from)
{
	memcpy(to, from, (size_t)f->n * sizeof *to);
	snprintf(text_to, QUIZ_TEXT_MAX, "%s", text_from);
}

static unsigned submit(QuizForm *f)
{
	int r = f->k->check(f);

	if (r < 0)
		return WIDGET_HANDLED | WIDGET_REDRAW;
	f->note = QN_NONE;
	f->grab = -1;
	f->touched = true;
	copy_answer(f, f->sub, f->subtext, f->cur, f->text);
	if (f->score < 0)
		f->score = r > 0;
	if (r > 0)
		f->solved = true;
	if (r > 0 || f->k->ends_on_wrong) {
		f->phase = r > 0 ? QP_RIGHT : QP_SHOWN;
		f->ended = true;
		return WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE;
	}
	f->phase = QP_WRONG;
	return WIDGET_HANDLED | WIDGET_REDRAW;
}

static unsigned quiz_key(Instance *in, const Key *k)
{
	QuizForm *f = in->state;
	unsigned r;
	bool plain = k->code == K_CHAR && !(k->mods & (KEYMOD_CTRL | KEYMOD_ALT));

	if (ended(f)) {
		if (!key_is_char(k, 'r'))
			return WIDGET_IGNORED;
		f->k->reset(f); /* the score stays the first try's */
		f->phase = QP_OPEN;
		f->hints = 0;
		f->note = QN_NONE;
		f->grab = -1;
		f->touched = true;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (k->code == K_ENTER) {
		r = submit(f);
		if (r & WIDGET_DONE)
			in->done = true;
		return r;
	}
	if (k->code == K_CHAR && k->ch == 't' && (k->mods & KEYMOD_CTRL)) {
		if (f->hints >= (int)f->q->nhints)
			return WIDGET_HANDLED;
		f->hints++;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	r = f->k->key(f, k);
	if (r != WIDGET_IGNORED) {
		f->note = QN_NONE;
		f->touched = true;
		return r | WIDGET_REDRAW;
	}
	if (plain && (k->ch == 'h' || k->ch == 'H') && f->hints < (int)f->q->nhints) {
		f->hints++;
		return WIDGET_HANDLED | WIDGET_REDRAW;
	}
	if (plain && (k->ch == 's' || k->ch == 'S') && f->phase == QP_WRONG) {
		f->k->solve(f);
		copy_answer(f, f->sub, f->subtext, f->cur, f->text);
		f->phase = QP_SHOWN;
		f->ended = true;
		f->note = QN_NONE;
		f->grab = -1;
		in->done = true;
		return WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE;
	}
	return WIDGET_IGNORED;
}

/* Answers as text: "a,b,c" for the kinds that pick rows, the text itself otherwise. */
static void encode(const QuizForm *f, const int *a, const char *text, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	if (f->k->text) {
		snprintf(buf, size, "%s", text);
		return;
	}
	buf[0] = '\0';
	for (i = 0; i < f->n && len + 16 < size; i++)
		len = str_addf(buf, size, len, i ? ",%d" : "%d", a[i]);
}

/* Reads an answer saved by encode; false (a untouched) when it does not fit the quiz. */
static bool decode(QuizForm *f, const char *s, int *a, char *text)
{
	int tmp[64], i;
	bool seen[64] = {false};

	if (f->k->text) {
		if (strlen(s) >= QUIZ_TEXT_MAX)
			return false;
		if (f->q->kind == QUIZ_NUMERIC && s[strspn(s, "0123456789.,-")] != '\0')
			return false;
		snprintf(text, QUIZ_TEXT_MAX, "%s", s);
		return true;
	}
	for (i = 0; i < f->n; i++) {
		char *end;
		long v = strtol(s, &end, 10);
		if (end == s || v < -1 || v >= f->n || (*end != ',' && *end != '\0') ||
		    (*end == '\0' && i + 1 < f->n))
			return false;
		tmp[i] = (int)v;
		if (f->q->kind == QUIZ_ORDER) { /* a permutation */
			if (v < 0 || seen[v])
				return false;
			seen[v] = true;
		} else if ((f->q->kind == QUIZ_SINGLE || f->q->kind == QUIZ_MULTI) && v < 0) {
			return false;
		}
		s = *end ? end + 1 : end;
	}
	if (*s)
		return false;
	memcpy(a, tmp, (size_t)f->n * sizeof *a);
	return true;
}

static void quiz_save(const Instance *in, const Store *st)
{
	const QuizForm *f = in->state;
	char buf[QUIZ_TEXT_MAX + 16];

	if (!f->touched && f->score < 0)
		return;
	st->set(st->ctx, "state", phase_names[f->phase]);
	if (f->score >= 0)
		st->set(st->ctx, "score", f->score ? "1" : "0");
	if (f->solved) /* right at some try: the map counts it beside the first tries */
		st->set(st->ctx, "right", "1");
	encode(f, f->cur, f->text, buf, sizeof buf);
	st->set(st->ctx, "answer", buf);
	encode(f, f->sub, f->subtext, buf, sizeof buf);
	st->set(st->ctx, "tried", buf);
	st->set(st->ctx, "ended", f->ended ? "1" : "0");
}

static void quiz_restore(Instance *in, const Store *st)
{
	QuizForm *f = in->state;
	const char *state = st->get(st->ctx, "state"), *v;
	int i;

	if (!state)
		return;
	for (i = 0; i < 4 && strcmp(state, phase_names[i]) != 0; i++)
		;
	if (i == 4)
		return; /* not ours: keep the fresh form */
	v = st->get(st->ctx, "answer");
	if (!v || !decode(f, v, f->cur, f->text))
		return;
	f->phase = (QuizPhase)i;
	v = st->get(st->ctx, "tried");
	if (!v || !decode(f, v, f->sub, f->subtext))
		copy_answer(f, f->sub, f->subtext, f->cur, f->text);
	v = st->get(st->ctx, "score");
	if (v && (strcmp(v, "1") == 0 || strcmp(v, "0") == 0))
		f->score = v[0] == '1';
	else if (f->phase != QP_OPEN)
		f->score = f->phase == QP_RIGHT;
	v = st->get(st->ctx, "right");
	f->solved = f->score > 0 || f->phase == QP_RIGHT || (v && strcmp(v, "1") == 0);
	v = st->get(st->ctx, "ended");
	f->ended = ended(f) || (v && strcmp(v, "1") == 0);
	f->touched = true;
	in->done = in->done || f->ended;
}

static int quiz_keys(const Instance *in, bool unicode, const char **pairs, int max,
		     char *scratch, size_t size)
{
	return size >= 32 ? key_pairs(in->state, unicode, pairs, max, scratch) : 0;
}

const WidgetOps quiz_ops = {
    .init = quiz_init,
    .keys = quiz_keys,
    .free = quiz_free,
    .height = quiz_height,
    .draw = quiz_draw,
    .key = quiz_key,
    .save = quiz_save,
    .restore = quiz_restore,
};
