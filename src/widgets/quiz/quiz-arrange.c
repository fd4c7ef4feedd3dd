/* quiz-arrange.c: matching (Up/Down choose an item, Left/Right or a letter choose its
 * match from the shuffled list) and ordering (Up/Down move the cursor, Space grabs and
 * drops, Shift+Up/Down or K/J move the item; it starts shuffled, never in order).
 * Must not own the loop or write files. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/quiz/quiz-form.h"
#include "widgets/core/widget.h"

static bool open_phase(const QuizForm *f)
{
	return f->phase == QP_OPEN || f->phase == QP_WRONG;
}

/* A row's mark: after a wrong try, right or wrong while the row is as it was checked;
 * once ended, right. */
static int row_mark(const QuizForm *f, int i, bool right_in_sub)
{
	if (f->phase == QP_WRONG)
		return f->cur[i] == f->sub[i] ? (right_in_sub ? 1 : -1) : 0;
	return f->phase == QP_OPEN ? 0 : 1;
}

static void row_cursor(const QuizForm *f, Pen *p, int i, int y)
{
	if (open_phase(f) && p->focused && i == f->cursor) {
		pen_put(p, p->x, y, quiz_glyph(p, "›", ">"), STYLE_FOCUS);
		p->cx = p->x + 4;
		p->cy = y;
	}
}

static unsigned move_cursor(QuizForm *f, int by)
{
	if (f->cursor + by >= 0 && f->cursor + by < f->n)
		f->cursor += by;
	return WIDGET_HANDLED;
}

/* Match: cur[i] is the option (a letter's index) chosen for left item i, or -1; the
 * option j stands for the right side of pair opts[j]. */

static void match_reset(QuizForm *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		f->cur[i] = -1;
	f->cursor = 0;
}

static void match_solve(QuizForm *f)
{
	int i, j;

	for (i = 0; i < f->n; i++)
		for (j = 0; j < f->n; j++)
			if (f->opts[j] == i)
				f->cur[i] = j;
}

static bool match_right(const QuizForm *f, const int *a, int i)
{
	return a[i] >= 0 && a[i] < f->n && f->opts[a[i]] == i;
}

static int match_check(QuizForm *f)
{
	int i, right = 1;

	for (i = 0; i < f->n; i++) {
		if (f->cur[i] < 0) {
			f->note = QN_MATCH_ALL;
			f->cursor = i;
			return -1;
		}
		right &= match_right(f, f->cur, i);
	}
	return right;
}

static unsigned match_key(QuizForm *f, const Key *k)
{
	int j = quiz_pick_key(f, k, f->n), *c;

	if (k->code == K_UP || k->code == K_DOWN)
		return move_cursor(f, k->code == K_UP ? -1 : 1);
	if (f->cursor < 0 || f->cursor >= f->n)
		return WIDGET_IGNORED;
	c = &f->cur[f->cursor];
	if (j >= 0) {
		*c = j;
		move_cursor(f, 1); /* on to the next item */
	} else if (k->code == K_RIGHT) {
		*c = (*c + 1) % f->n;
	} else if (k->code == K_LEFT) {
		*c = *c <= 0 ? f->n - 1 : *c - 1;
	} else if (k->code == K_BACKSPACE || k->code == K_DELETE) {
		*c = -1;
	} else {
		return WIDGET_IGNORED;
	}
	return WIDGET_HANDLED;
}

static void match_body(const QuizForm *f, Pen *p)
{
	char left[256], right[512];
	int i, lw = 0, max = (p->w - 4) / 3, y;
	const char *arrow = quiz_glyph(p, " → ", " -> ");

	for (i = 0; i < f->n; i++) {
		quiz_plain(&f->q->pairs[i].left, left, sizeof left);
		if (utf8_width(left, strlen(left)) > lw)
			lw = utf8_width(left, strlen(left));
	}
	if (lw > max)
		lw = max;
	for (i = 0; i < f->n; i++) {
		int o = f->cur[i], mark = row_mark(f, i, match_right(f, f->sub, i));
		int ind = 4 + lw + utf8_width(arrow, strlen(arrow));
		bool here = open_phase(f) && p->focused && i == f->cursor;

		quiz_plain(&f->q->pairs[i].left, left, sizeof left);
		if (o >= 0 && o < f->n) {
			char plain[480];
			quiz_plain(&f->q->pairs[f->opts[o]].right, plain, sizeof plain);
			snprintf(right, sizeof right, "%c) %s", quiz_letter(o), plain);
		} else {
			snprintf(right, sizeof right, "%s", quiz_glyph(p, "…", "?"));
		}
		y = pen_str(p, ind, right,
			    mark > 0 ? STYLE_GOOD
			    : here   ? STYLE_FOCUS
				     : STYLE_NORMAL);
		if (p->g)
			grid_text(p->g, p->x + 4, y, left, strlen(left), lw,
				  here ? STYLE_FOCUS : STYLE_BOLD);
		pen_put(p, p->x + 4 + lw, y, arrow, STYLE_DIM);
		pen_mark(p, p->x + 2, y, mark);
		row_cursor(f, p, i, y);
	}
	if (!open_phase(f))
		return;
	pen_str(p, 4, _("Matches to choose from:"), STYLE_DIM);
	for (i = 0; i < f->n; i++) {
		char lead[8];
		snprintf(lead, sizeof lead, "%c) ", quiz_letter(i));
		pen_lead(p, 6, lead, STYLE_ACCENT, &f->q->pairs[f->opts[i]].right, STYLE_NORMAL);
	}
}

static void match_feedback(const QuizForm *f, Pen *p)
{
	char line[128], label[256];
	int i, right = 0;

	if (f->phase != QP_WRONG)
		return;
	for (i = 0; i < f->n; i++)
		right += match_right(f, f->sub, i);
	snprintf(line, sizeof line, _("Right pairs: %d of %d."), right, f->n);
	pen_str(p, 2, line, STYLE_NORMAL);
	for (i = 0; i < f->n; i++) {
		if (match_right(f, f->sub, i) || !f->q->pairs[i].feedback.n)
			continue;
		quiz_plain(&f->q->pairs[i].left, label, sizeof label - 1);
		strcat(label, ":");
		pen_bullet(p, label, &f->q->pairs[i].feedback);
	}
}

static int match_keys(const QuizForm *f, bool unicode, const char **out, int max, char *scratch)
{
	if (max < 6)
		return 0;
	out[0] = unicode ? "↑↓" : "Up/Down";
	out[1] = _("item");
	snprintf(scratch, 32, "%s a-%c", unicode ? "←→" : "Left/Right",
		 quiz_letter(f->n > 0 ? f->n - 1 : 0));
	out[2] = scratch;
	out[3] = _("its match");
	out[4] = "Backspace";
	out[5] = _("clear");
	return 6;
}

/* Order: cur[pos] is the item (its index in the right order) at position pos. */

static void order_reset(QuizForm *f)
{
	quiz_shuffle(f->q->id, f->cur, f->n);
	f->cursor = 0;
	f->grab = -1;
}

static void order_solve(QuizForm *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		f->cur[i] = i;
}

static int order_check(QuizForm *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (f->cur[i] != i)
			return 0;
	return 1;
}

/* Swaps the item at the cursor with its neighbour; the cursor (and a grab) follow. */
static unsigned order_move(QuizForm *f, int by)
{
	int to = f->cursor + by, t;

	if (f->cursor < 0 || f->cursor >= f->n || to < 0 || to >= f->n)
		return WIDGET_HANDLED;
	t = f->cur[to], f->cur[to] = f->cur[f->cursor], f->cur[f->cursor] = t;
	f->cursor = to;
	if (f->grab >= 0)
		f->grab = to;
	return WIDGET_HANDLED;
}

static unsigned order_key(QuizForm *f, const Key *k)
{
	bool shift = (k->mods & KEYMOD_SHIFT) != 0;

	if ((k->code == K_UP || k->code == K_DOWN) && (shift || f->grab >= 0))
		return order_move(f, k->code == K_UP ? -1 : 1);
	if (k->code == K_UP || k->code == K_DOWN)
		return move_cursor(f, k->code == K_UP ? -1 : 1);
	if (key_is_char(k, 'K') || key_is_char(k, 'J'))
		return order_move(f, key_is_char(k, 'K') ? -1 : 1);
	if (key_is_char(k, ' ')) {
		f->grab = f->grab >= 0 ? -1 : f->cursor;
		return WIDGET_HANDLED;
	}
	return WIDGET_IGNORED;
}

static void order_body(const QuizForm *f, Pen *p)
{
	int i, y;

	for (i = 0; i < f->n; i++) {
		int item = f->cur[i], mark = row_mark(f, i, f->sub[i] == i);
		bool here = open_phase(f) && p->focused && i == f->cursor;
		char lead[16];

		snprintf(lead, sizeof lead, "%d. ", i + 1);
		y = pen_lead(p, 4, lead, STYLE_ACCENT, &f->q->choices[item].text,
			     mark > 0       ? STYLE_GOOD
			     : i == f->grab ? STYLE_ACCENT
			     : here         ? STYLE_FOCUS
					    : STYLE_NORMAL);
		if (i == f->grab && open_phase(f))
			pen_put(p, p->x + 2, y, quiz_glyph(p, "↕", "*"), STYLE_ACCENT);
		else
			pen_mark(p, p->x + 2, y, mark);
		row_cursor(f, p, i, y);
	}
}

/* What the order checked got wrong, computed from it: each item the learner put
 * above the item that comes just before it in the right order ("“Add the bias” comes
 * after “Add up the products”, not before it."), with the quiz's feedback for that
 * item, which explains why it follows the one before. */
static void order_feedback(const QuizForm *f, Pen *p)
{
	char line[1200], a[512], b[512];
	int pos[64], i, right = 0;
	const char *lq = quiz_glyph(p, "“", "\""), *rq = quiz_glyph(p, "”", "\"");

	if (f->phase != QP_WRONG)
		return;
	for (i = 0; i < f->n; i++) {
		right += f->sub[i] == i;
		if (f->sub[i] >= 0 && f->sub[i] < f->n && f->sub[i] < 64)
			pos[f->sub[i]] = i;
	}
	snprintf(line, sizeof line, _("In the right place: %d of %d."), right, f->n);
	pen_str(p, 2, line, STYLE_NORMAL);
	for (i = 1; i < f->n && i < 64; i++) {
		char qa[520], qb[520];
		if (pos[i] > pos[i - 1])
			continue;
		quiz_plain(&f->q->choices[i].text, a, sizeof a);
		quiz_plain(&f->q->choices[i - 1].text, b, sizeof b);
		snprintf(qa, sizeof qa, "%s%s%s", lq, a, rq);
		snprintf(qb, sizeof qb, "%s%s%s", lq, b, rq);
		snprintf(line, sizeof line, _("%s comes after %s, not before it."), qa, qb);
		pen_str(p, 2, line, STYLE_NORMAL);
		if (f->q->choices[i].feedback.n)
			pen_bullet(p, NULL, &f->q->choices[i].feedback);
	}
}

static int order_keys(const QuizForm *f, bool unicode, const char **out, int max, char *scratch)
{
	(void)scratch;
	if (max < 6)
		return 0;
	out[0] = unicode ? "↑↓" : "Up/Down";
	out[1] = _("move");
	out[2] = "Space";
	out[3] = f->grab >= 0 ? _("drop") : _("grab");
	out[4] = "K J";
	out[5] = _("move the item");
	return 6;
}

const QuizKindOps quiz_match_kind = {
    .reset = match_reset,
    .solve = match_solve,
    .check = match_check,
    .key = match_key,
    .body = match_body,
    .feedback = match_feedback,
    .keys = match_keys,
};

const QuizKindOps quiz_order_kind = {
    .reset = order_reset,
    .solve = order_solve,
    .check = order_check,
    .key = order_key,
    .body = order_body,
    .feedback = order_feedback,
    .keys = order_keys,
};
