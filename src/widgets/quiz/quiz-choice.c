/* quiz-choice.c: single and multiple choice: letters (or digits) pick or tick a choice,
 * Up/Down move the cursor (single: and the pick, as radio buttons do), Space picks or
 * ticks the one under it, Enter on a single choice with nothing picked picks it; marked
 * right or wrong once checked, with each choice's feedback.
 * Must not own the loop or write files. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "nls.h"
#include "widgets/quiz/quiz-form.h"
#include "widgets/core/widget.h"

static void choice_reset(QuizForm *f)
{
	memset(f->cur, 0, (size_t)f->n * sizeof *f->cur);
	f->cursor = 0;
}

static void choice_solve(QuizForm *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		f->cur[i] = f->q->choices[i].right;
}

static int picked(const QuizForm *f, const int *a)
{
	int i, n = 0;

	for (i = 0; i < f->n; i++)
		n += a[i] != 0;
	return n;
}

static int single_check(QuizForm *f)
{
	int i;

	if (picked(f, f->cur) == 0) { /* Enter on a choice picks it */
		if (f->cursor < 0 || f->cursor >= f->n) {
			f->note = QN_PICK;
			return -1;
		}
		f->cur[f->cursor] = 1;
	}
	for (i = 0; i < f->n; i++)
		if (f->cur[i])
			return f->q->choices[i].right;
	return 0;
}

static int multi_check(QuizForm *f)
{
	int i;

	if (picked(f, f->cur) == 0) {
		f->note = QN_PICK_SOME;
		return -1;
	}
	for (i = 0; i < f->n; i++)
		if ((f->cur[i] != 0) != f->q->choices[i].right)
			return 0;
	return 1;
}

static unsigned choice_key(QuizForm *f, const Key *k, bool multi)
{
	int i = quiz_pick_key(f, k, f->n);

	if (i < 0 && key_is_char(k, ' ') && f->cursor >= 0 && f->cursor < f->n)
		i = f->cursor;
	if (i >= 0) {
		f->cursor = i;
		if (multi) {
			f->cur[i] = !f->cur[i];
		} else {
			memset(f->cur, 0, (size_t)f->n * sizeof *f->cur);
			f->cur[i] = 1;
		}
		return WIDGET_HANDLED;
	}
	if (k->code == K_UP || k->code == K_DOWN) {
		int to = f->cursor + (k->code == K_UP ? -1 : 1);
		if (to >= 0 && to < f->n)
			f->cursor = to;
		if (!multi && f->cursor < f->n) { /* a radio button: the pick follows */
			memset(f->cur, 0, (size_t)f->n * sizeof *f->cur);
			f->cur[f->cursor] = 1;
		}
		return WIDGET_HANDLED;
	}
	return WIDGET_IGNORED;
}

static unsigned single_key(QuizForm *f, const Key *k)
{
	return choice_key(f, k, false);
}

static unsigned multi_key(QuizForm *f, const Key *k)
{
	return choice_key(f, k, true);
}

/* Row i's mark: after a wrong try, the wrong picks; once ended, the right choices (and
 * wrong picks still shown). */
static int choice_mark(const QuizForm *f, int i)
{
	bool right = f->q->choices[i].right;

	if (f->phase == QP_WRONG)
		return f->sub[i] && !right ? -1 : 0;
	if (f->phase == QP_RIGHT || f->phase == QP_SHOWN)
		return right ? 1 : f->cur[i] ? -1 : 0;
	return 0;
}

static void choice_body(const QuizForm *f, Pen *p, bool multi)
{
	int i;
	bool open = f->phase == QP_OPEN || f->phase == QP_WRONG;

	for (i = 0; i < f->n; i++) {
		const char *box =
		    multi ? (f->cur[i] ? quiz_glyph(p, "☑", "[x]") : quiz_glyph(p, "☐", "[ ]"))
			  : (f->cur[i] ? quiz_glyph(p, "●", "(*)") : quiz_glyph(p, "○", "( )"));
		char lead[32];
		int y, mark = choice_mark(f, i);
		bool here = open && p->focused && i == f->cursor;
		Style st = mark > 0    ? STYLE_GOOD
			   : here      ? STYLE_FOCUS
			   : f->cur[i] ? STYLE_BOLD
				       : STYLE_NORMAL;

		snprintf(lead, sizeof lead, "%s %c) ", box, quiz_letter(i));
		y = pen_lead(p, 4, lead, f->cur[i] ? STYLE_ACCENT : STYLE_DIM,
			     &f->q->choices[i].text, st);
		if (here) {
			pen_put(p, p->x, y, quiz_glyph(p, "›", ">"), STYLE_FOCUS);
			p->cx = p->x + 4;
			p->cy = y;
		}
		pen_mark(p, p->x + 2, y, mark);
	}
}

static void single_body(const QuizForm *f, Pen *p)
{
	choice_body(f, p, false);
}

static void multi_body(const QuizForm *f, Pen *p)
{
	choice_body(f, p, true);
}

/* The feedback of every choice picked in the answer checked (multi: also of the right
 * choices missed). Once the answer is shown, nothing more. */
static void choice_feedback(const QuizForm *f, Pen *p, bool multi)
{
	int i, wrong = 0, missed = 0;
	char line[160], label[8];

	if (f->phase == QP_SHOWN)
		return;
	for (i = 0; i < f->n; i++) {
		bool right = f->q->choices[i].right;
		wrong += f->sub[i] && !right;
		missed += !f->sub[i] && right;
	}
	if (multi && f->phase == QP_WRONG) {
		if (wrong) {
			snprintf(line, sizeof line,
				 ngettext("%d of your ticks is wrong.",
					  "%d of your ticks are wrong.", (unsigned long)wrong),
				 wrong);
			pen_str(p, 2, line, STYLE_NORMAL);
		}
		if (missed) {
			snprintf(line, sizeof line,
				 ngettext("%d right answer is not ticked yet.",
					  "%d right answers are not ticked yet.",
					  (unsigned long)missed),
				 missed);
			pen_str(p, 2, line, STYLE_NORMAL);
		}
	}
	for (i = 0; i < f->n; i++) {
		const QuizChoice *c = &f->q->choices[i];
		if (!c->feedback.n || !(f->sub[i] || (multi && f->phase == QP_WRONG && c->right)))
			continue;
		snprintf(label, sizeof label, "%c)", quiz_letter(i));
		pen_bullet(p, label, &c->feedback);
	}
}

static void single_feedback(const QuizForm *f, Pen *p)
{
	choice_feedback(f, p, false);
}

static void multi_feedback(const QuizForm *f, Pen *p)
{
	choice_feedback(f, p, true);
}

/* "a-d", the letters that pick, into buf. */
static const char *letters(const QuizForm *f, char *buf)
{
	snprintf(buf, 8, "a-%c", quiz_letter(f->n > 0 ? f->n - 1 : 0));
	return buf;
}

static int single_keys(const QuizForm *f, bool unicode, const char **out, int max, char *scratch)
{
	if (max < 4)
		return 0;
	out[0] = letters(f, scratch);
	out[1] = _("pick");
	out[2] = unicode ? "↑↓" : "Up/Down";
	out[3] = _("move");
	return 4;
}

static int multi_keys(const QuizForm *f, bool unicode, const char **out, int max, char *scratch)
{
	if (max < 6)
		return 0;
	out[0] = letters(f, scratch);
	out[1] = _("tick");
	out[2] = unicode ? "↑↓" : "Up/Down";
	out[3] = _("move");
	out[4] = "Space";
	out[5] = _("tick");
	return 6;
}

const QuizKindOps quiz_single_kind = {
    .reset = choice_reset,
    .solve = choice_solve,
    .check = single_check,
    .key = single_key,
    .body = single_body,
    .feedback = single_feedback,
    .keys = single_keys,
};

const QuizKindOps quiz_multi_kind = {
    .reset = choice_reset,
    .solve = choice_solve,
    .check = multi_check,
    .key = multi_key,
    .body = multi_body,
    .feedback = multi_feedback,
    .keys = multi_keys,
};
