/* check_cuts.c: the cuts widget ("Solve XOR"): one line never gets more than 3 of the 4
 * corners over the controls' whole reachable range; the numbers and regions on screen
 * equal a computation by hand (cos, sin and the step, not the widget's network); a key
 * sequence through the hidden layer reaches 4 of 4 and wins; the win, the best accuracy
 * and the cuts are kept in progress and come back; goldens at 40, 76 and 160 columns
 * in UTF-8 and ASCII. */
#include <config.h>

#include <math.h>
#include <stdarg.h>

#include "lesson/course.h"
#include "widgets/wtest.h"

static WTest t;

static const char *body = "@widget cuts id=c\nalt: x\n@end\n";

/* The documented controls: the angle in steps of 15 degrees all the way round, the
 * offset from -1.45 to 1.45 in steps of 0.1, starting at 0 degrees and 0.45. */
typedef struct {
	int deg;   /* 0 .. 345 */
	int cents; /* the offset in hundredths: -145 .. 145 */
} Line;

static bool xor_of(int a, int b)
{
	return (a + b) % 2 == 1;
}

/* The line's total at (x1, x2): cos(theta) x1 + sin(theta) x2 - d. */
static double total(Line l, double x1, double x2)
{
	double th = l.deg * acos(-1.0) / 180;

	return cos(th) * x1 + sin(th) * x2 - l.cents / 100.0;
}

/* What the 2-2-1 network says at (x1, x2): H1 and not H2 (the output unit's
 * sigmoid(8 H1 - 8 H2 - 4) is above 0.5 only then); with one line, the line's step. */
static bool says(const Line *cut, int ncuts, double x1, double x2)
{
	bool h1 = total(cut[0], x1, x2) > 0;

	return ncuts == 1 ? h1 : h1 && !(total(cut[1], x1, x2) > 0);
}

static int right(const Line *cut, int ncuts)
{
	int i, n = 0;

	for (i = 0; i < 4; i++)
		n += says(cut, ncuts, i / 2, i % 2) == xor_of(i / 2, i % 2);
	return n;
}

/* Sends keys: '<' '>' '^' 'v' for Left, Right, Up, Down, any other character as
 * itself; returns the last key's WIDGET_* bits. */
static unsigned press(Instance *in, const char *keys)
{
	unsigned r = WIDGET_IGNORED;

	for (; *keys; keys++)
		switch (*keys) {
		case '<':
			r = wt_key(in, K_LEFT);
			break;
		case '>':
			r = wt_key(in, K_RIGHT);
			break;
		case '^':
			r = wt_key(in, K_UP);
			break;
		case 'v':
			r = wt_key(in, K_DOWN);
			break;
		default:
			r = wt_char(in, (uint32_t)*keys);
		}
	return r;
}

/* The win the lesson tells: the line to 45 degrees and 0.35, the hidden layer, cut 2 to
 * 45 degrees and 1.35. */
static const char *const winning = ">>>vh2>>>v";

static void teardown(void)
{
	wt_close(&t);
}

static void has(const char *text, const char *want)
{
	ck_assert_msg(strstr(text, want) != NULL, "\"%s\" not in\n%s", want, text);
}

/* "Line  θ = 45°  d = 0.35" as the panel writes it, to compare with. */
static void line_text(char *out, size_t size, const char *what, Line l)
{
	snprintf(out, size, "%s  θ = %d°  d = %s%d.%02d", what, l.deg, l.cents < 0 ? "-" : "",
		 abs(l.cents) / 100, abs(l.cents) % 100);
}

/* Every angle and offset the keys can reach: Down to the end of the range (further
 * presses change nothing), then each of the 24 angles with each of the 30 offsets. The
 * widget's accuracy equals the hand count everywhere, and never passes 3; 3 is reached.
 * No corner comes within 0.005 of a line, so rounding cannot decide a corner. */
START_TEST(one_line_never_gets_four)
{
	Instance *c;
	Line l = {0, 45};
	char want[64], *text;
	int a, k, max = 0, at_three = 0;
	double closest = INFINITY;

	wt_open(&t, body);
	c = wt_get(&t, "c");
	for (k = 0; k < 40; k++)
		wt_key(c, K_DOWN);
	l.cents = -145;
	ck_assert_uint_eq(wt_key(c, K_DOWN), WIDGET_HANDLED); /* the end: nothing moves */
	for (a = 0; a < 24; a++) {
		for (k = 0; k < 30; k++) {
			int i, n = right(&l, 1);
			double v = wt_value(&t, "c");
			ck_assert_msg(v == n, "%d degrees, d %d/100: the widget says %g of 4, by "
				      "hand %d", l.deg, l.cents, v, n);
			max = n > max ? n : max;
			at_three += n == 3;
			for (i = 0; i < 4; i++)
				closest = fmin(closest, fabs(total(l, i / 2, i % 2)));
			if (k % 7 == 0) { /* the panel names the same line */
				text = wt_draw(c, 76, wt_utf8, false);
				line_text(want, sizeof want, "Line", l);
				has(text, want);
				free(text);
			}
			if (k < 29) {
				ck_assert_uint_eq(wt_key(c, K_UP), WIDGET_HANDLED | WIDGET_REDRAW);
				l.cents += 10;
			}
		}
		ck_assert_uint_eq(wt_key(c, K_UP), WIDGET_HANDLED); /* the other end */
		ck_assert_int_eq(l.cents, 145);
		for (k = 0; k < 29; k++)
			wt_key(c, K_DOWN);
		l.cents = -145;
		wt_key(c, K_RIGHT);
		l.deg = (l.deg + 15) % 360;
	}
	ck_assert_int_eq(max, 3);
	ck_assert_int_gt(at_three, 0);
	ck_assert(closest > 0.005);
	/* Left turns the other way round: 345 degrees. */
	wt_key(c, K_LEFT);
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, "Line  θ = 345°  d = -1.45");
	free(text);
}
END_TEST

/* Reads the plane of the ASCII drawing at width 76 and checks every cell the regions
 * fill: the canvas is the block right of the y axis and above the x axis (the axis
 * corner is the first '+' of the row "++-----"), showing [-0.5, 1.5] on both axes;
 * a cell wholly on one side of every cut must show '+' (says 1) when the hand
 * computation says 1 there and '~' when it says 0. Returns the cells checked. */
static int check_regions(const Instance *in, const Line *cut, int ncuts)
{
	int cx, cy;
	char *text = wt_text(in, 76, wt_ascii, false, &cx, &cy), *rows[40], *p;
	int n = 0, i, j, axis = -1, corner = -1, top, cw, ch, checked = 0;

	for (p = text; *p && n < 40; n++) {
		rows[n] = p;
		p = strchr(p, '\n');
		ck_assert_ptr_nonnull(p);
		*p++ = '\0';
	}
	for (j = 0; j < n && axis < 0; j++)
		if ((p = strstr(rows[j], "++-----")) != NULL) {
			axis = j;
			corner = (int)(p - rows[j]);
		}
	ck_assert_int_ge(axis, 0);
	for (cw = 0; rows[axis][corner + 1 + cw] == '-' || rows[axis][corner + 1 + cw] == '+';)
		cw++;
	for (top = axis - 1; top > 0 && (int)strlen(rows[top - 1]) > corner &&
			     strchr("|+", rows[top - 1][corner]);)
		top--;
	ch = axis - top;
	ck_assert_int_ge(cw, 20);
	ck_assert_int_ge(ch, 8);
	for (j = 0; j < ch; j++)
		for (i = 0; i < cw; i++) {
			const char *row = rows[top + j];
			double x0 = -0.5 + 2.0 * i / cw, x1 = -0.5 + 2.0 * (i + 1) / cw;
			double y1 = 1.5 - 2.0 * j / ch, y0 = 1.5 - 2.0 * (j + 1) / ch;
			bool s = says(cut, ncuts, x0, y0);
			char got = (int)strlen(row) > corner + 1 + i ? row[corner + 1 + i] : ' ';
			if (says(cut, ncuts, x1, y0) != s || says(cut, ncuts, x0, y1) != s ||
			    says(cut, ncuts, x1, y1) != s)
				continue; /* a cut crosses the cell */
			if (got != '+' && got != '~')
				continue; /* a corner's mark or a line's stroke */
			ck_assert_msg(got == (s ? '+' : '~'),
				      "cell %d,%d (x %.2f..%.2f, y %.2f..%.2f) shows '%c'", i, j, x0,
				      x1, y0, y1, got);
			checked++;
		}
	free(text);
	return checked;
}

/* The table's rows as the panel writes them, from the hand computation. */
static void check_table(const Instance *in, const Line *cut, int ncuts)
{
	char *text = wt_draw(in, 76, wt_utf8, false), want[96];
	int i;

	for (i = 0; i < 4; i++) {
		int a = i / 2, b = i % 2;
		bool ok = says(cut, ncuts, a, b) == xor_of(a, b);
		if (ncuts == 1) {
			double z = total(cut[0], a, b);
			snprintf(want, sizeof want, " %d  %d    %d  %6.2f   %d  %s", a, b, xor_of(a, b),
				 fabs(z) < 0.005 ? 0.0 : z, z > 0, ok ? "✓" : "✗");
		} else {
			int h1 = total(cut[0], a, b) > 0, h2 = total(cut[1], a, b) > 0;
			snprintf(want, sizeof want, " %d  %d    %d   %d  %d  %6.3f  %s", a, b,
				 xor_of(a, b), h1, h2, 1 / (1 + exp(-(8.0 * h1 - 8.0 * h2 - 4))),
				 ok ? "✓" : "✗");
		}
		has(text, want);
	}
	free(text);
}

/* Everything the game shows for these cuts, against the hand computation: its accuracy,
 * the corners' table, the regions, and two lines of the panel. */
static void check_screen(const Instance *c, const Line *cut, int ncuts, const char *a,
			 const char *b)
{
	char *text;

	ck_assert_double_eq(wt_value(&t, "c"), right(cut, ncuts));
	check_table(c, cut, ncuts);
	ck_assert_int_gt(check_regions(c, cut, ncuts), 150);
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, a);
	has(text, b);
	free(text);
}

START_TEST(numbers_and_regions_are_the_networks)
{
	Instance *c;
	Line cut[2] = {{0, 45}, {0, 145}};

	wt_open(&t, body);
	c = wt_get(&t, "c");
	/* The start: x1 > 0.45 says 1: (1,0) and (0,0) right, 2 of 4. */
	ck_assert_int_eq(right(cut, 1), 2);
	check_screen(c, cut, 1, "w1 = 1.00  w2 = 0.00  b = -0.45",
		     "Accuracy 2 of 4  ■■□□  best 2 of 4");
	/* Turned to 120 degrees and slid to 0.25: a slanted line. */
	press(c, ">>>>>>>>vv");
	cut[0].deg = 120;
	cut[0].cents = 25;
	check_screen(c, cut, 1, "w1 = -0.50  w2 = 0.87  b = -0.25", "Line  θ = 120°  d = 0.25");
	/* The hidden layer with the second cut moved into the square: a band. */
	press(c, "h2<vvvvvvv");
	cut[1].deg = 345;
	cut[1].cents = 75;
	check_screen(c, cut, 2, "  Cut 1 (H1)  θ = 120°  d = 0.25",
		     "▶ Cut 2 (H2)  θ = 345°  d = 0.75");
}
END_TEST

/* The way the lesson tells it: the line to 45 degrees and 0.35 gets 3 of 4; the hidden
 * layer keeps it as H1 with H2 out of the square (still 3); H2 to 45 degrees and 1.35
 * cuts off (1,1): 4 of 4 wins, once. */
START_TEST(keys_reach_four_of_four)
{
	Instance *c;
	Line cut[2] = {{45, 35}, {45, 135}};
	char *text;

	wt_open(&t, body);
	c = wt_get(&t, "c");
	press(c, ">>>v");
	ck_assert_double_eq(wt_value(&t, "c"), 3);
	ck_assert_int_eq(right(cut, 1), 3);
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, "3 of 4 is the most one line can do.");
	has(text, "Press h for a hidden layer.");
	free(text);
	ck_assert_uint_eq(wt_char(c, 'h'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "c"), 3); /* H2 fires nowhere near the corners */
	ck_assert_uint_eq(wt_char(c, '2'), WIDGET_HANDLED | WIDGET_REDRAW);
	press(c, ">>");
	ck_assert_uint_eq(wt_key(c, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "c"), 3);
	ck_assert_uint_eq(wt_key(c, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE);
	ck_assert_int_eq(right(cut, 2), 4);
	ck_assert_double_eq(wt_value(&t, "c"), 4);
	check_table(c, cut, 2);
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, "Accuracy 4 of 4  ■■■■  best 4 of 4");
	has(text, "4 of 4: XOR solved!");
	free(text);
	wt_golden("cuts-won", c, 76);
	/* Won once: moving away and back does not win again. */
	wt_key(c, K_UP);
	ck_assert_double_eq(wt_value(&t, "c"), 3);
	ck_assert_uint_eq(wt_key(c, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW);
	/* h switches the layer off again: one line, 3 of 4; the best stays 4. */
	wt_char(c, 'h');
	ck_assert_double_eq(wt_value(&t, "c"), 3);
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, "Accuracy 3 of 4  ■■■□  best 4 of 4");
	free(text);
	/* 1 and 2 choose nothing with one line; r starts again from the first line. */
	ck_assert_uint_eq(wt_char(c, '2'), WIDGET_HANDLED);
	ck_assert_uint_eq(wt_char(c, 'r'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_double_eq(wt_value(&t, "c"), 2);
	ck_assert_uint_eq(wt_char(c, 'x'), WIDGET_IGNORED);
}
END_TEST

START_TEST(win_saved_and_restored)
{
	Instance *c;
	MemStore m;
	char *before, *after;

	wt_open(&t, body);
	c = wt_get(&t, "c");
	ck_assert(!c->done);
	press(c, winning);
	ck_assert_double_eq(wt_value(&t, "c"), 4);
	memstore_init(&m);
	c->ops->save(c, &m.store);
	ck_assert_str_eq(memstore_get(&m, "won"), "1");
	ck_assert_str_eq(memstore_get(&m, "best"), "4");
	ck_assert_str_eq(memstore_get(&m, "hidden"), "1");
	ck_assert_str_eq(memstore_get(&m, "chosen"), "2");
	ck_assert_str_eq(memstore_get(&m, "angle1"), "45");
	ck_assert_str_eq(memstore_get(&m, "offset1"), "35");
	ck_assert_str_eq(memstore_get(&m, "angle2"), "45");
	ck_assert_str_eq(memstore_get(&m, "offset2"), "135");
	before = wt_draw(c, 76, wt_utf8, true);
	/* A restart: not won until restored; then the same game, done. */
	wt_close(&t);
	wt_open(&t, body);
	c = wt_get(&t, "c");
	ck_assert(!c->done);
	ck_assert_double_eq(wt_value(&t, "c"), 2);
	c->ops->restore(c, &m.store);
	ck_assert(c->done);
	ck_assert_double_eq(wt_value(&t, "c"), 4);
	after = wt_draw(c, 76, wt_utf8, true);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	/* r keeps the win and the best. */
	wt_char(c, 'r');
	after = wt_draw(c, 76, wt_utf8, false);
	has(after, "best 4 of 4");
	free(after);
	/* Values off the controls' grid are not taken: the line stays where it starts. */
	wt_close(&t);
	wt_open(&t, body);
	c = wt_get(&t, "c");
	memstore_init(&m);
	memstore_set(&m, "angle1", "50");
	memstore_set(&m, "offset1", "35");
	memstore_set(&m, "angle2", "45");
	memstore_set(&m, "offset2", "37");
	memstore_set(&m, "hidden", "1");
	memstore_set(&m, "best", "9");
	c->ops->restore(c, &m.store);
	ck_assert(!c->done);
	after = wt_draw(c, 76, wt_utf8, false);
	has(after, "Cut 1 (H1)  θ = 0°  d = 0.45");
	has(after, "Cut 2 (H2)  θ = 0°  d = 1.45");
	has(after, "best 2 of 4");
	free(after);
}
END_TEST

/* The start and the win at 40, 76 and 160 columns, UTF-8 and ASCII; the lesson's
 * angle= and offset= place the line. */
START_TEST(goldens)
{
	Instance *c;
	char *text;

	wt_open(&t, body);
	c = wt_get(&t, "c");
	wt_golden("cuts-start", c, 76);
	wt_golden_plain("cuts-start-40", c, 40);
	wt_golden_plain("cuts-start-160", c, 160);
	press(c, winning);
	wt_golden_plain("cuts-won-40", c, 40);
	wt_golden_plain("cuts-won-160", c, 160);
	wt_close(&t);
	wt_open(&t, "@widget cuts id=c angle=100 offset=-0.32\nalt: x\n@end\n");
	c = wt_get(&t, "c");
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, "Line  θ = 105°  d = -0.35");
	free(text);
}
END_TEST

/* content/level2/solvexor.lesson: its widget, taken from the file, starts where the text
 * says, and every number the text states is computed again here and, where the game
 * shows it, read from the game. */
static char *squeezed(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	ck_assert_ptr_nonnull(out);
	for (; *s; s++)
		if (!(*s == ' ' || *s == '\n') || (o > out && o[-1] != ' '))
			*o++ = *s == '\n' ? ' ' : *s;
	*o = '\0';
	return out;
}

static void states(const char *prose, const char *fmt, ...)
{
	char want[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof want, fmt, ap);
	va_end(ap);
	ck_assert_msg(strstr(prose, want) != NULL, "the lesson does not say \"%s\"", want);
}

START_TEST(the_lesson_says_what_the_game_does)
{
	char *file, *prose, *text, *dir, *end;
	size_t n;
	Instance *c;
	double w = cos(acos(-1.0) / 4), s4 = 1 / (1 + exp(-4.0));
	Line l = {45, 35};

	ck_assert_int_eq(course_read_file(test_srcpath("content/level2/solvexor.lesson"), &file, &n),
			 0);
	prose = squeezed(file);
	/* the worked line: 45 degrees and 0.35 */
	states(prose, "w1 and w2 are both about %.2f and b is -0.35", w);
	states(prose, "%.2f - 0.35 = %.2f, above 0", w, total(l, 1, 0));
	states(prose, "%.2f - 0.35 = %.2f, also above 0", 2 * w, total(l, 1, 1));
	ck_assert_int_eq(right(&l, 1), 3);
	states(prose, "Three corners right, one wrong.");
	/* the output unit */
	states(prose, "turns 4 into %.3f and -4 into %.3f", s4, 1 - s4);
	states(prose, "can only be %g (neither fires), %g (only H1), %g (only H2) or %g (both)",
	     8.0 * 0 - 8.0 * 0 - 4, 8.0 * 1 - 8.0 * 0 - 4, 8.0 * 0 - 8.0 * 1 - 4,
	     8.0 * 1 - 8.0 * 1 - 4);
	states(prose, "make %d settings of the line", 24 * 30);
	/* the game as the file writes it */
	dir = strstr(file, "@widget cuts");
	ck_assert_ptr_nonnull(dir);
	end = strstr(dir, "@end\n");
	ck_assert_ptr_nonnull(end);
	end[5] = '\0';
	wt_open(&t, dir);
	c = wt_get(&t, "solve");
	states(prose, "starts upright at x1 = 0.45 with %d of 4 corners right",
	     (int)wt_value(&t, "solve"));
	press(c, ">>>v");
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, "Line  θ = 45°  d = 0.35");
	has(text, "w1 = 0.71  w2 = 0.71  b = -0.35");
	has(text, " 1  0    1    0.36   1  ✓");
	has(text, " 1  1    0    1.06   1  ✗");
	free(text);
	/* the hidden layer switched on: cut 2 waits at 0 degrees and 1.45, and the
	 * network answers as the line did (the quiz's answer) */
	wt_char(c, 'h');
	text = wt_draw(c, 76, wt_utf8, false);
	has(text, "Cut 2 (H2)  θ = 0°  d = 1.45");
	free(text);
	states(prose, "with θ = 0° and d = 1.45. There H2 is 0 at all four corners");
	ck_assert_double_eq(wt_value(&t, "solve"), 3);
	free(prose);
	free(file);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cuts");
	TCase *tc = tcase_create("cuts");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, one_line_never_gets_four);
	tcase_add_test(tc, numbers_and_regions_are_the_networks);
	tcase_add_test(tc, keys_reach_four_of_four);
	tcase_add_test(tc, win_saved_and_restored);
	tcase_add_test(tc, goldens);
	tcase_add_test(tc, the_lesson_says_what_the_game_does);
	suite_add_tcase(s, tc);
	return test_main(s);
}
