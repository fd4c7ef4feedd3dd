/* quiz-numeric.c: a number typed into an answer box (digits, a point or comma, a leading
 * minus; Backspace erases) with the unit after it; right within the tolerance, and a
 * specific wrong answer gets its own feedback. Must not own the loop or write files. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "nls.h"
#include "widgets/quiz/quiz-form.h"
#include "widgets/core/widget.h"

enum { NUM_MAX = 24, BOX_MIN = 12 };

static void numeric_reset(QuizForm *f)
{
	f->text[0] = '\0';
	f->cursor = 0;
}

static void numeric_solve(QuizForm *f)
{
	snprintf(f->text, QUIZ_TEXT_MAX, "%.10g", f->q->answer);
}

/* The typed number (a comma counts as the point); false when it is not one. */
static bool parse(const char *s, double *v)
{
	char buf[NUM_MAX + 1], *end;
	size_t i, n = strlen(s);

	if (n == 0 || n > NUM_MAX)
		return false;
	for (i = 0; i <= n; i++)
		buf[i] = s[i] == ',' ? '.' : s[i];
	*v = strtod(buf, &end);
	return *end == '\0' && end != buf && isfinite(*v);
}

/* How close counts as the same number: the tolerance, or a hair for rounding. */
static bool near(double a, double b, double tol)
{
	double eps = 1e-9 * (fabs(b) > 1 ? fabs(b) : 1);

	return fabs(a - b) <= (tol > eps ? tol : eps);
}

static int numeric_check(QuizForm *f)
{
	double v;

	if (!f->text[0]) {
		f->note = QN_NUMBER;
		return -1;
	}
	if (!parse(f->text, &v)) {
		f->note = QN_NOT_NUMBER;
		return -1;
	}
	return near(v, f->q->answer, f->q->tolerance);
}

static unsigned numeric_key(QuizForm *f, const Key *k)
{
	size_t n = strlen(f->text);

	if (k->code == K_BACKSPACE) {
		if (n > 0)
			f->text[n - 1] = '\0';
		return WIDGET_HANDLED;
	}
	if (k->code != K_CHAR || (k->mods & (KEYMOD_CTRL | KEYMOD_ALT)) || k->ch >= 128 ||
	    !strchr("0123456789.,-", (int)k->ch) || k->ch == 0)
		return WIDGET_IGNORED;
	if ((k->ch == '-' && n > 0) || n >= NUM_MAX)
		return WIDGET_HANDLED; /* taken, but it does not fit */
	f->text[n] = (char)k->ch;
	f->text[n + 1] = '\0';
	return WIDGET_HANDLED;
}

static void numeric_body(const QuizForm *f, Pen *p)
{
	bool open = f->phase == QP_OPEN || f->phase == QP_WRONG;
	const char *label = _("Answer:");
	int y = p->y, x = p->x + 4, tw = utf8_width(f->text, strlen(f->text)), box, mark = 0;

	if (f->phase == QP_WRONG && strcmp(f->text, f->subtext) == 0)
		mark = -1;
	else if (!open)
		mark = f->phase == QP_RIGHT || f->phase == QP_SHOWN ? 1 : 0;
	box = tw + 1 > BOX_MIN ? tw + 1 : BOX_MIN;
	if (open && p->focused)
		pen_put(p, p->x, y, quiz_glyph(p, "›", ">"), STYLE_FOCUS);
	pen_mark(p, p->x + 2, y, mark);
	x += pen_put(p, x, y, label, STYLE_NORMAL);
	x += pen_put(p, x, y, " [", STYLE_DIM);
	pen_put(p, x, y, f->text,
		mark > 0             ? STYLE_GOOD
		: open && p->focused ? STYLE_FOCUS
				     : STYLE_BOLD);
	if (open && p->focused) {
		p->cx = x + tw;
		p->cy = y;
	}
	x += box;
	x += pen_put(p, x, y, "]", STYLE_DIM);
	if (f->q->unit && *f->q->unit && p->x + p->w - x > 8) {
		pen_str(p, x + 1 - p->x, f->q->unit, STYLE_NORMAL);
	} else if (f->q->unit && *f->q->unit) {
		p->y++;
		pen_str(p, 4, f->q->unit, STYLE_NORMAL);
	} else {
		p->y++;
	}
}

/* A wrong answer the lesson foresaw gets its feedback. */
static void numeric_feedback(const QuizForm *f, Pen *p)
{
	double v;
	size_t i;

	if (f->phase != QP_WRONG || !parse(f->subtext, &v))
		return;
	for (i = 0; i < f->q->nwrongs; i++)
		if (near(v, f->q->wrongs[i].value, f->q->tolerance) && f->q->wrongs[i].feedback.n) {
			pen_bullet(p, NULL, &f->q->wrongs[i].feedback);
			return;
		}
}

static int numeric_keys(const QuizForm *f, bool unicode, const char **out, int max, char *scratch)
{
	(void)f;
	(void)scratch;
	(void)unicode;
	if (max < 2)
		return 0;
	out[0] = "0-9 . -";
	out[1] = _("type the number");
	return 2;
}

const QuizKindOps quiz_numeric_kind = {
    .text = true,
    .reset = numeric_reset,
    .solve = numeric_solve,
    .check = numeric_check,
    .key = numeric_key,
    .body = numeric_body,
    .feedback = numeric_feedback,
    .keys = numeric_keys,
};
