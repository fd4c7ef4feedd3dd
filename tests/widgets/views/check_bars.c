/* check_bars.c: the bars kind: signed bars on a linear scale whose sign shows in the
 * glyphs (3 and -9 told apart in ASCII without colour), a log scale from 1e-12 to 1e3
 * with its decades, numbers read from sliders and a vector from another chart, the
 * largest marked, goldens at 40, 76 and 160 columns in UTF-8 and ASCII. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

/* Line k (from 0) of text, without its last blank-separated word (the value), into
 * out. */
static void bar_part(const char *text, int k, char *out, size_t size)
{
	const char *p = text, *end, *last;
	size_t n;

	while (k-- > 0 && (p = strchr(p, '\n')))
		p++;
	ck_assert_ptr_nonnull(p);
	end = strchr(p, '\n');
	ck_assert_ptr_nonnull(end);
	for (last = end; last > p && last[-1] != ' '; last--)
		;
	n = (size_t)(last - p) < size - 1 ? (size_t)(last - p) : size - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

static int count(const char *s, char c)
{
	int n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

START_TEST(bars_tell_signs_apart_without_colour)
{
	WTest t;
	Instance *in;
	char *text, a[128], b[128], c[128];

	wt_open(&t, "@widget bars id=b values=3,-9,0.5 labels=up,down,bit\nalt: b\n@end\n");
	in = wt_get(&t, "b");
	ck_assert_ptr_eq(in->kind, &bars_kind);
	ck_assert_int_eq(in->ops->height(in, 40), 3);
	text = wt_draw(in, 40, wt_ascii, false);
	bar_part(text, 0, a, sizeof a);
	bar_part(text, 1, b, sizeof b);
	bar_part(text, 2, c, sizeof c);
	/* 3 is '#' right of the zero line; -9 is '-' left of it, three times as long. */
	ck_assert_int_eq(count(a, '-'), 0);
	ck_assert_int_gt(count(a, '#'), 0);
	ck_assert_int_eq(count(b, '#'), 0);
	ck_assert_int_le(abs(count(b, '-') - 3 * count(a, '#')), 3); /* whole cells */
	ck_assert(strchr(b, '-') < strchr(b, '|') && strchr(a, '#') > strchr(a, '|'));
	ck_assert_int_gt(count(c, '#'), 0);
	ck_assert_int_lt(count(c, '#'), count(a, '#'));
	ck_assert_ptr_nonnull(strstr(text, " -9\n"));
	free(text);
	wt_golden("bars-signed-40", in, 40);
	wt_golden("bars-signed-76", in, 76);
	wt_golden("bars-signed-160", in, 160);
	wt_close(&t);
}
END_TEST

/* Gradient sizes from 1e-12 to 1e3: each decade is a step of the same length. */
START_TEST(bars_log_scale_marks_decades)
{
	WTest t;
	Instance *in;
	char *text, line[200];
	int k, len[6];

	wt_open(&t, "@widget bars id=g values=1e3,1,1e-3,1e-6,1e-9,1e-12 labels=L6,L5,L4,L3,L2,L1 "
		    "scale=log title=\"Gradient sizes\"\nalt: g\n@end\n");
	in = wt_get(&t, "g");
	ck_assert_int_eq(in->ops->height(in, 76), 8); /* title, six bars, the decades */
	text = wt_draw(in, 76, wt_ascii, false);
	for (k = 0; k < 6; k++) {
		bar_part(text, 1 + k, line, sizeof line);
		len[k] = count(line, '#');
	}
	/* 1e-12 is the bottom of the scale: a sliver; then three decades a step. */
	ck_assert_int_eq(len[5], 1);
	for (k = 0; k < 4; k++) /* equal steps, but for rounding to whole cells */
		ck_assert_int_le(abs((len[k] - len[k + 1]) - (len[3] - len[4])), 1);
	ck_assert_int_gt(len[3] - len[4], 5);
	ck_assert_ptr_nonnull(strstr(text, "1e-12"));
	ck_assert_ptr_nonnull(strstr(text, " 1 ")); /* decade 0 is labelled at any step */
	free(text);
	wt_golden("bars-log-76", in, 76);
	wt_golden("bars-log-40", in, 40);
	wt_close(&t);
}
END_TEST

/* On a log scale with a fixed range, a number above its top fills the bar and no more:
 * it never runs into the numbers' column. */
START_TEST(bars_log_clamps_to_the_range)
{
	WTest t;
	Instance *in;
	char *text, line[200], full[200];

	wt_open(&t, "@widget bars id=g values=1e9,1 labels=big,top scale=log range=1e-3..1\n"
		    "alt: g\n@end\n");
	in = wt_get(&t, "g");
	text = wt_draw(in, 76, wt_ascii, false);
	bar_part(text, 0, line, sizeof line);
	bar_part(text, 1, full, sizeof full);
	ck_assert_int_eq(count(line, '#'), count(full, '#')); /* 1e9 fills as 1, the top */
	ck_assert_msg(strstr(text, "1e9") != NULL, "%s", text); /* its number still shown */
	free(text);
	wt_close(&t);
}
END_TEST

START_TEST(bars_read_numbers_and_vectors)
{
	WTest t;
	Instance *in, *z, *v;
	Data d;
	unsigned long ver;

	wt_open(&t, "@widget slider id=z label=z range=-1..1 value=0.5 step=0.25\nalt: z\n@end\n"
		    "@widget slider id=w label=w range=-1..1 value=-0.25\nalt: w\n@end\n"
		    "@widget bars id=sc of=z,w\nalt: s\n@end\n"
		    "@widget bars id=p values=0.1,0.7,0.2 labels=cat,dog,fox\nalt: p\n@end\n"
		    "@widget bars id=probs of=p range=0..1 highlight=max digits=2\nalt: q\n@end\n");
	in = wt_get(&t, "sc");
	z = wt_get(&t, "z");
	ck_assert(scene_output(in, NULL, 0, &d));
	ck_assert_int_eq(d.type, DATA_VECTOR);
	ck_assert_uint_eq(d.n, 2);
	ck_assert(d.v[0] == 0.5 && d.v[1] == -0.25);
	ver = d.version;
	ck_assert(scene_output(in, NULL, 0, &d));
	ck_assert_uint_eq(d.version, ver);
	wt_golden("bars-sliders", in, 40);
	wt_key(z, K_RIGHT);
	ck_assert(scene_output(in, NULL, 0, &d));
	ck_assert(d.v[0] == 0.75);
	ck_assert_uint_ne(d.version, ver);
	/* A vector keeps its names; the largest is marked. */
	v = wt_get(&t, "probs");
	ck_assert(scene_output(v, NULL, 0, &d));
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.labels[1], "dog");
	wt_golden("bars-probs", v, 40);
	wt_close(&t);
}
END_TEST

static Suite *bars_suite(void)
{
	Suite *s = suite_create("bars");
	TCase *tc = tcase_create("bars");

	tcase_add_test(tc, bars_tell_signs_apart_without_colour);
	tcase_add_test(tc, bars_log_scale_marks_decades);
	tcase_add_test(tc, bars_log_clamps_to_the_range);
	tcase_add_test(tc, bars_read_numbers_and_vectors);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(bars_suite());
}
