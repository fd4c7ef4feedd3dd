/* problem.c: what stands in a lesson in place of a widget whose directive fails the
 * checker: the directive's first error, so a broken widget never runs on values its
 * schema forbids and the learner (or author) sees why it is missing. Not a kind a
 * lesson can name; the scene makes it. Must not read keys or keep other state. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "draw/wrap.h"
#include "nls.h"
#include "widgets/core/problem.h"

enum { PROBLEM_LINES = 8 }; /* the most rows of each part */

static const char *problem_text(const Instance *in)
{
	return in->state ? in->state : "";
}

static void problem_free(Instance *in)
{
	free(in->state);
	in->state = NULL;
}

/* Measures (g NULL) or draws s wrapped at w columns from column x, row y on; returns
 * the rows. */
static int paragraph(Grid *g, int x, int y, int w, const char *s, Style st)
{
	WrapLine lines[PROBLEM_LINES];
	int n = wrap_text(s, strlen(s), w, lines, PROBLEM_LINES), i;

	if (n > PROBLEM_LINES)
		n = PROBLEM_LINES;
	for (i = 0; g && i < n; i++)
		grid_text(g, x, y + i, s + lines[i].start, lines[i].len, w, st);
	return n;
}

/* Measures (g NULL) or draws the heading and the indented message; returns the rows. */
static int problem_layout(const Instance *in, Grid *g, Rect r)
{
	int rows = paragraph(g, r.x, r.y, r.w,
			     _("This widget cannot be shown: its directive has an error."),
			     STYLE_WARN);

	return rows + paragraph(g, r.x + 2, r.y + rows, r.w > 3 ? r.w - 2 : 1,
				problem_text(in), STYLE_DIM);
}

static int problem_height(const Instance *in, int width)
{
	Rect r = {0, 0, width, 0};

	return problem_layout(in, NULL, r);
}

static void problem_draw(const Instance *in, Grid *g, Rect r, Caps caps, bool focused,
			 int *cx, int *cy)
{
	(void)caps, (void)focused, (void)cx, (void)cy;
	problem_layout(in, g, r);
}

const WidgetOps problem_ops = {
    .free = problem_free,
    .height = problem_height,
    .draw = problem_draw,
};
