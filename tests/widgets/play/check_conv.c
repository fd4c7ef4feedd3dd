/* check_conv.c: the convolution game and the pooling view of Level 4's vision lesson:
 * every number on screen (the map, the window's products and sum, the pooled maps)
 * equals a computation by hand here, not by src/nn; each round's start fails its goal
 * and a key sequence wins it; the win and the board are kept in progress; goldens at
 * 40, 76 and 160 columns in UTF-8 and ASCII. */
#include <config.h>

#include <math.h>

#include "widgets/wtest.h"

static WTest t;

static void teardown(void)
{
	wt_close(&t);
}

/* Sends keys: '<' '>' '^' 'v' for the arrows, '\n' for Enter, any other character as
 * itself; returns the last key's WIDGET_* bits. */
static unsigned keys(Instance *in, const char *k)
{
	unsigned r = WIDGET_IGNORED;

	for (; *k; k++)
		r = *k == '<'  ? wt_key(in, K_LEFT)
		    : *k == '>' ? wt_key(in, K_RIGHT)
		    : *k == '^' ? wt_key(in, K_UP)
		    : *k == 'v' ? wt_key(in, K_DOWN)
		    : *k == '\n' ? wt_key(in, K_ENTER)
				 : wt_char(in, (uint32_t)*k);
	return r;
}

/* The rounds' images by hand: 8 x 8, a step to bright at column 4 (round 0), at row 4
 * (round 1), a bar over columns 3 to 5 (round 2). */
static double pixel(int round, int r, int c)
{
	return round == 0 ? c >= 4 : round == 1 ? r >= 4 : c >= 3 && c <= 5;
}

/* The 6 x 6 map by hand: the sum of kernel times pixel over each 3 x 3 window. */
static void hand_map(int round, const double k[9], double map[36])
{
	int i, j, u, v;

	for (i = 0; i < 6; i++)
		for (j = 0; j < 6; j++) {
			double s = 0;
			for (u = 0; u < 3; u++)
				for (v = 0; v < 3; v++)
					s += k[u * 3 + v] * pixel(round, i + u, j + v);
			map[i * 6 + j] = s;
		}
}

/* The numbers on line `line` of text after column `from`, brackets and rules cut. */
static int numbers_at(const char *text, int line, int from, double *out, int max)
{
	const char *p = text;
	char buf[256], *s, *end;
	int n = 0, len;

	while (line-- > 0 && (p = strchr(p, '\n')))
		p++;
	ck_assert_ptr_nonnull(p);
	len = (int)(strchr(p, '\n') ? strchr(p, '\n') - p : (long)strlen(p));
	ck_assert_int_lt(from, len);
	snprintf(buf, sizeof buf, "%.*s", len - from, p + from);
	for (s = buf; *s; s++) /* outlines, and the dots of cells not reached */
		if (*s == '[' || *s == ']' || *s == '|' || *s == '+' ||
		    (*s == '.' && (s[1] < '0' || s[1] > '9')))
			*s = ' ';
	for (s = buf; n < max;) {
		double v = strtod(s, &end);
		if (end == s)
			break;
		out[n++] = v;
		s = end;
	}
	return n;
}

static const double blur[9] = {1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9, 1. / 9};
static const double vert[9] = {-1, 0, 1, -1, 0, 1, -1, 0, 1};
static const double flip[9] = {1, 0, -1, 1, 0, -1, 1, 0, -1};

/* The column of the map's numbers in text: under its title, on line 1. */
static int map_x(const char *text)
{
	const char *line = strchr(text, '\n') + 1, *m = strstr(line, " Map");

	ck_assert_ptr_nonnull(m);
	return (int)(m - line);
}

/* The text at width w, with its lines joined into one, for sentences that may wrap. */
static char *flat(const Instance *in, int w)
{
	char *text = wt_text(in, w, wt_ascii, false, NULL, NULL), *s;

	for (s = text; *s; s++)
		if (*s == '\n')
			*s = ' ';
	return text;
}

/* The lesson's game, its map drawn at 76 columns (beside the rest), after the window
 * has run to the end, equal to the map by hand, to two decimals. */
static void map_on_screen(Instance *c, int round, const double k[9])
{
	double want[36], got[8];
	char *text;
	int i, j;

	hand_map(round, k, want);
	for (i = 0; i < 40; i++)
		wt_char(c, 'n');
	text = wt_text(c, 76, wt_ascii, false, NULL, NULL);
	for (i = 0; i < 6; i++) {
		ck_assert_int_eq(numbers_at(text, 2 + i, map_x(text), got, 8), 6);
		for (j = 0; j < 6; j++)
			ck_assert_double_eq_tol(got[j], want[i * 6 + j], 0.006);
	}
	free(text);
}

START_TEST(map_and_products_on_screen)
{
	Instance *c;
	Data d;
	double want[36], got[8];
	char *text;
	int i;

	wt_open_file(&t, "content/level4/vision.lesson");
	c = wt_get(&t, "edges");
	/* Before the window moves, only the first cell of the map is shown. */
	text = wt_text(c, 76, wt_ascii, false, NULL, NULL);
	ck_assert_int_eq(numbers_at(text, 2, map_x(text), got, 8), 1);
	ck_assert(strstr(text, "Kernel: blur.  Window 1/36."));
	free(text);
	map_on_screen(c, 0, blur);
	/* Its published map is the same, to the last bit of a sum. */
	hand_map(0, blur, want);
	ck_assert(scene_output(c, "map", DATA_MATRIX, &d));
	ck_assert_uint_eq(d.rows * d.cols, 36);
	for (i = 0; i < 36; i++)
		ck_assert_double_eq_tol(d.v[i], want[i], 1e-12);
	/* The vertical edge kernel (two presses of k from blur), window at row 1, column 3:
	 * over each row 0 0 1 the products are 0 0 1 (-1 x 0, 0 x 0, 1 x 1), sum 3. */
	keys(c, "kk");
	for (i = 0; i < 40; i++)
		wt_char(c, 'p');
	keys(c, "nn");
	text = wt_text(c, 76, wt_ascii, false, NULL, NULL);
	ck_assert(strstr(text, "Kernel: vertical edge.  Window 3/36."));
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(numbers_at(text, 2 + i, 27, got, 3), 3);
		ck_assert_double_eq(got[0], -1);
		ck_assert_double_eq(got[1], 0);
		ck_assert_double_eq(got[2], 1);
		ck_assert_int_eq(numbers_at(text, 6 + i, 27, got, 3), 3);
		ck_assert_double_eq(got[0], 0);
		ck_assert_double_eq(got[1], 0);
		ck_assert_double_eq(got[2], 1);
	}
	ck_assert(strstr(text, "sum = 3"));
	/* The map so far: 0 0 3 on the first row, nothing more. */
	ck_assert_int_eq(numbers_at(text, 2, map_x(text), got, 8), 3);
	ck_assert_double_eq(got[2], 3);
	free(text);
	map_on_screen(c, 0, vert);
	/* Painting a pixel changes the map as the hand sum says: pixel (4, 4) cleared takes
	 * 1 off the three cells whose window has it in its right column, (2..4, 2). */
	keys(c, " ");
	text = wt_text(c, 76, wt_ascii, false, NULL, NULL);
	for (i = 2; i <= 4; i++) {
		ck_assert_int_eq(numbers_at(text, 2 + i, map_x(text), got, 8), 6);
		ck_assert_double_eq(got[2], 2);
		ck_assert_double_eq(got[3], 3);
	}
	free(text);
}
END_TEST

/* Each round's goal: not met where the round starts, nor by the kernels that look
 * close; met after the keys. */
START_TEST(each_round_is_won_by_keys_only)
{
	Instance *c;
	char *text;

	wt_open_file(&t, "content/level4/vision.lesson");
	c = wt_get(&t, "edges");
	ck_assert_uint_eq(keys(c, "\n"), WIDGET_HANDLED | WIDGET_REDRAW);
	text = flat(c, 76);
	/* Blur: every cell below 2, the 12 cells of columns 2 and 3 among them. */
	ck_assert(strstr(text, "Not yet: 12 edge cells below 2, 0 other cells lit."));
	free(text);
	ck_assert_uint_eq(keys(c, "k\n"), WIDGET_HANDLED | WIDGET_REDRAW); /* sharpen */
	text = flat(c, 76);
	/* Sharpen gives 5 - 3 = 2 at column 3 and -1 at column 2. */
	ck_assert(strstr(text, "Not yet: 6 edge cells below 2, 0 other cells lit."));
	free(text);
	keys(c, "k\n"); /* vertical edge: round 1 won */
	ck_assert_double_eq(wt_value(&t, "edges"), 1);
	ck_assert(!c->done);
	keys(c, "\n"); /* round 2 starts with the vertical kernel: all 0 */
	text = flat(c, 76);
	ck_assert(strstr(text, "Round 2/3"));
	ck_assert(strstr(text, "Not yet: 12 edge cells below 2, 0 other cells lit."));
	free(text);
	keys(c, "k\n");
	ck_assert_double_eq(wt_value(&t, "edges"), 2);
	keys(c, "\nkkk\n"); /* the horizontal kernel it starts with; the vertical one */
	text = flat(c, 76);
	ck_assert(strstr(text, "Round 3/3"));
	/* The vertical kernel: 3 on the bar's left edge, -3 on the right one. */
	ck_assert(strstr(text, "Not yet: 12 edge cells below 2, 12 other cells lit."));
	free(text);
	ck_assert(!c->done);
	ck_assert_uint_eq(keys(c, "w^<++v++v++>>--^--^--\n"),
			  WIDGET_HANDLED | WIDGET_REDRAW | WIDGET_DONE);
	ck_assert_double_eq(wt_value(&t, "edges"), 3);
	map_on_screen(c, 2, flip);
	text = flat(c, 76);
	ck_assert(strstr(text, "All 3 rounds won."));
	ck_assert(strstr(text, "Won in 8 checks (best 8)."));
	free(text);
}
END_TEST

/* Without an edge of the round's kind there is nothing to light: a check says so. */
START_TEST(no_edge_no_win)
{
	Instance *c;
	char *text;
	int i;

	wt_open(&t, "@widget conv id=g\nalt: x\n@end\n");
	c = wt_get(&t, "g");
	/* Clear the bright half: cursor to (0, 4), then paint over columns 4 to 7. */
	keys(c, "^^^^");
	for (i = 0; i < 8; i++)
		keys(c, " > > > v<<<");
	keys(c, "w");
	/* Round 1's kernel is blur; with the vertical one too nothing can be lit. */
	keys(c, "kk\n");
	text = flat(c, 76);
	ck_assert(strstr(text, "The image has no such edge"));
	free(text);
	ck_assert_double_eq(wt_value(&t, "g"), 0);
}
END_TEST

START_TEST(win_saved_and_restored)
{
	Instance *c;
	MemStore m;
	char *before, *after;

	wt_open_file(&t, "content/level4/vision.lesson");
	c = wt_get(&t, "edges");
	keys(c, "kk\nk\nkkk");
	memstore_init(&m);
	c->ops->save(c, &m.store);
	ck_assert_str_eq(memstore_get(&m, "round"), "2");
	ck_assert_str_eq(memstore_get(&m, "kernel"), "-1 0 1 -1 0 1 -1 0 1");
	ck_assert_str_eq(memstore_get(&m, "image"),
			 "0001110000011100000111000001110000011100000111000001110000011100");
	ck_assert_ptr_null(memstore_get(&m, "won"));
	keys(c, "w^<++v++v++>>--^--^--\n");
	c->ops->save(c, &m.store);
	ck_assert_str_eq(memstore_get(&m, "won"), "1");
	ck_assert_str_eq(memstore_get(&m, "best"), "3");
	keys(c, "<v"); /* the kernel's cursor back in the middle, where it starts */
	before = wt_draw(c, 76, wt_utf8, false);
	wt_close(&t);
	wt_open_file(&t, "content/level4/vision.lesson");
	c = wt_get(&t, "edges");
	ck_assert(!c->done);
	c->ops->restore(c, &m.store);
	ck_assert(c->done);
	ck_assert_double_eq(wt_value(&t, "edges"), 3);
	after = wt_draw(c, 76, wt_utf8, false);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	/* A board that does not fit is not taken: the round's own comes instead. */
	memstore_init(&m);
	memstore_set(&m, "round", "1");
	memstore_set(&m, "image", "0101");
	memstore_set(&m, "kernel", "1 2 x");
	c->ops->restore(c, &m.store);
	after = flat(c, 76);
	ck_assert(strstr(after, "Round 2/3"));
	ck_assert(strstr(after, "Kernel: vertical edge."));
	free(after);
}
END_TEST

/* The pooled maps on screen and published: max and mean of each 2 x 2 square of the
 * game's map, by hand. */
START_TEST(pooling_on_screen)
{
	Instance *c, *p;
	Data d;
	double map[36], mx[9], mean[9], got[16];
	char *text, want[128];
	int i, j;

	wt_open_file(&t, "content/level4/vision.lesson");
	c = wt_get(&t, "edges");
	p = wt_get(&t, "pooled");
	keys(c, "kk\nk\nkkkw^<++v++v++>>--^--^--\n");
	hand_map(2, flip, map);
	for (i = 0; i < 9; i++) {
		int r = i / 3 * 2, k = i % 3 * 2;
		double a = map[r * 6 + k], b = map[r * 6 + k + 1], e = map[r * 6 + 6 + k],
		       f = map[r * 6 + 7 + k];
		mx[i] = fmax(fmax(a, b), fmax(e, f));
		mean[i] = (a + b + e + f) / 4;
	}
	/* Each row of the bar's map is 0 -3 -3 0 3 3: max 0 0 3, mean -1.5 -1.5 3. */
	ck_assert_double_eq(mx[0], 0);
	ck_assert_double_eq(mean[0], -1.5);
	ck_assert(scene_output(p, "max", DATA_MATRIX, &d));
	for (i = 0; i < 9; i++)
		ck_assert_double_eq(d.v[i], mx[i]);
	ck_assert(scene_output(p, "mean", DATA_MATRIX, &d));
	for (i = 0; i < 9; i++)
		ck_assert_double_eq(d.v[i], mean[i]);
	ck_assert_uint_eq(wt_key(p, K_LEFT), WIDGET_IGNORED);
	for (i = 0; i < 9; i++) {
		text = wt_text(p, 76, wt_ascii, false, NULL, NULL);
		snprintf(want, sizeof want, "Window %d/9:", i + 1);
		ck_assert(strstr(text, want));
		/* Lines 1 to 3: the map's row, then the max and mean cells so far. */
		for (j = 0; j < 3; j++) {
			int shown = i / 3 > j ? 3 : i / 3 == j ? i % 3 + 1 : 0, n, k;
			n = numbers_at(text, 1 + j, 0, got, 16);
			ck_assert_msg(n == 6 + 2 * shown, "line %d of\n%s", 1 + j, text);
			for (k = 0; k < shown; k++) {
				ck_assert_double_eq(got[6 + k], mx[j * 3 + k]);
				ck_assert_double_eq(got[6 + shown + k], mean[j * 3 + k]);
			}
		}
		free(text);
		ck_assert_uint_eq(wt_key(p, K_RIGHT), i < 8 ? WIDGET_HANDLED | WIDGET_REDRAW
							 : WIDGET_IGNORED);
	}
	text = wt_text(p, 76, wt_ascii, false, NULL, NULL);
	ck_assert(strstr(text, "Window 9/9: 3, 3, 3, 3. Max 3, mean 3."));
	free(text);
	wt_key(p, K_HOME);
	wt_key(p, K_RIGHT);
	text = wt_text(p, 76, wt_ascii, false, NULL, NULL);
	ck_assert(strstr(text, "Window 2/9: -3, 0, -3, 0. Max 0, mean -1.5."));
	free(text);
}
END_TEST

START_TEST(goldens)
{
	Instance *c, *p;
	static const int widths[] = {40, 76, 160};
	char name[64];
	int i;

	wt_open_file(&t, "content/level4/vision.lesson");
	c = wt_get(&t, "edges");
	p = wt_get(&t, "pooled");
	keys(c, "kknnnnnnnnn");
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "conv-%d", widths[i]);
		wt_golden(name, c, widths[i]);
	}
	keys(c, "\nk\nkkkw^<++v++v++>>--^--^--\n");
	wt_golden("conv-won", c, 76);
	wt_key(p, K_RIGHT);
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "pool-%d", widths[i]);
		wt_golden(name, p, widths[i]);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("conv");
	TCase *tc = tcase_create("conv");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, map_and_products_on_screen);
	tcase_add_test(tc, each_round_is_won_by_keys_only);
	tcase_add_test(tc, no_edge_no_win);
	tcase_add_test(tc, win_saved_and_restored);
	tcase_add_test(tc, pooling_on_screen);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
