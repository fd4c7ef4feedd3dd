/* check_softmax.c: the softmax kind: every number on screen against a softmax worked by
 * hand with exp() (the probabilities total 1, the winner named, ties), the temperature
 * sharpening and flattening, p - y equal to the library's backward and to central
 * differences of a loss computed here, what it gives bars, and its look at 40, 76 and
 * 160 columns in UTF-8 and ASCII; with logits of its own, 3, 4 and 5 classes against
 * the same hand softmax, its keys, and what it saves and restores. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/loss.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

enum { N = 4 };

/* p = e^(z/T) / sum e^(z/T), plainly. */
static void by_hand(const double *z, size_t n, double t, double *e, double *p)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += e[i] = exp(z[i] / t);
	for (i = 0; i < n; i++)
		p[i] = e[i] / s;
}

/* -ln p[c] of the hand softmax. */
static double loss_by_hand(const double *z, size_t n, size_t c)
{
	double e[8], p[8];

	by_hand(z, n, 1, e, p);
	return -log(p[c]);
}

/* The numbers of the row of text that starts with label (after blanks); returns how
 * many, or -1 when no row starts so. */
static int row(const char *text, const char *label, double *out, int max)
{
	const char *p = text;
	size_t len = strlen(label);

	for (; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *q = p;
		int k = 0;
		while (*q == ' ')
			q++;
		if (strncmp(q, label, len) != 0 || q[len] != ' ')
			continue;
		for (q += len; k < max;) {
			char *end;
			double v = strtod(q, &end);
			if (end == q)
				break;
			out[k++] = v;
			q = end;
		}
		return k;
	}
	return -1;
}

/* "%.*f" of v, as the table writes it ("-0.000" written "0.000"). */
static double shown(double v, int d)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%.*f", d, v);
	return strtod(buf, NULL) + 0.0;
}

/* Four logits, 1.5, -0.5, 0.25 and 3, and a temperature of 1, into a softmax. */
static const char *const HEAD =
    "@widget slider id=a label=a range=-5..5 value=1.5\nalt: a\n@end\n"
    "@widget slider id=b label=b range=-5..5 value=-0.5\nalt: b\n@end\n"
    "@widget slider id=c label=c range=-5..5 value=0.25\nalt: c\n@end\n"
    "@widget slider id=d label=d range=-5..5 value=3\nalt: d\n@end\n"
    "@widget slider id=temp label=T range=0.1..5 value=1 step=0.1\nalt: T\n@end\n"
    "@widget softmax id=head logits=a,b,c,d temperature=temp labels=cat,dog,bird,fish\n"
    "alt: h\n@end\n";

START_TEST(softmax_numbers_match_a_hand_softmax)
{
	static const char *const names[N] = {"cat", "dog", "bird", "fish"};
	double z[N] = {1.5, -0.5, 0.25, 3}, e[N], p[N], v[8], esum = 0, total = 0;
	char body[2048], *text;
	WTest t;
	Instance *in;
	Data d;
	int i;

	wt_open(&t, HEAD);
	in = wt_get(&t, "head");
	ck_assert_ptr_eq(in->kind, &softmax_kind);
	ck_assert_int_eq(in->ops->height(in, 76), N + 3);
	by_hand(z, N, 1, e, p);
	text = wt_draw(in, 76, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "z/T"));
	for (i = 0; i < N; i++) {
		ck_assert_int_eq(row(text, names[i], v, 8), 4);
		ck_assert_double_eq(v[0], shown(z[i], 2));
		ck_assert_double_eq(v[1], shown(z[i], 2));
		ck_assert_double_eq(v[2], shown(e[i], 3));
		ck_assert_double_eq(v[3], shown(p[i], 3));
		esum += e[i];
	}
	ck_assert_int_eq(row(text, "total", v, 8), 2);
	ck_assert_double_eq(v[0], shown(esum, 3));
	ck_assert_double_eq(v[1], 1.0);
	/* fish has the largest logit, 3: e^3 / sum */
	ck_assert_ptr_nonnull(strstr(text, "Winner: fish ("));
	snprintf(body, sizeof body, "Winner: fish (%.1f%%)", 100 * p[3]);
	ck_assert_ptr_nonnull(strstr(text, body));
	free(text);
	/* What bars read: the probabilities, named, totalling 1. */
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, N);
	for (i = 0; i < N; i++) {
		ck_assert_double_eq_tol(d.v[i], p[i], 1e-14);
		ck_assert_str_eq(d.labels[i], names[i]);
		total += d.v[i];
	}
	ck_assert_double_eq_tol(total, 1, 1e-14);
	/* No truth: no gradient and no loss. */
	ck_assert(!scene_output(in, "grad", DATA_VECTOR, &d));
	ck_assert(!scene_output(in, "loss", DATA_SCALAR, &d));
	wt_golden("softmax-probs-76", in, 76);
	wt_close(&t);
}
END_TEST

/* Only the differences count: the same number added to every logit changes nothing. */
START_TEST(softmax_ignores_a_shift)
{
	double before[3], total = 0;
	WTest t;
	Instance *in;
	Data d;
	int i;

	wt_open(&t, "@widget slider id=a label=a range=-50..50 value=2\nalt: a\n@end\n"
		    "@widget slider id=b label=b range=-50..50 value=1\nalt: b\n@end\n"
		    "@widget slider id=c label=c range=-50..50 value=0\nalt: c\n@end\n"
		    "@widget softmax id=s logits=a,b,c\nalt: s\n@end\n");
	in = wt_get(&t, "s");
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	memcpy(before, d.v, sizeof before);
	/* one logit less, e times less probable */
	ck_assert_double_eq_tol(before[0] / before[1], exp(1), 1e-12);
	ck_assert_double_eq_tol(before[1] / before[2], exp(1), 1e-12);
	wt_type(wt_get(&t, "a"), "42", true);
	wt_type(wt_get(&t, "b"), "41", true);
	wt_type(wt_get(&t, "c"), "40", true);
	ck_assert_double_eq(wt_value(&t, "a"), 42);
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	for (i = 0; i < 3; i++) {
		ck_assert_double_eq_tol(d.v[i], before[i], 1e-12);
		total += d.v[i];
	}
	ck_assert_double_eq_tol(total, 1, 1e-14);
	wt_close(&t);
}
END_TEST

/* The largest share at each temperature, read from the screen. */
static double top_share(Instance *head, double *p)
{
	char *text = wt_draw(head, 76, wt_ascii, false);
	static const char *const names[N] = {"cat", "dog", "bird", "fish"};
	double v[8], top = 0, total = 0;
	int i;

	for (i = 0; i < N; i++) {
		ck_assert_int_eq(row(text, names[i], v, 8), 4);
		p[i] = v[3];
		total += v[3];
		top = fmax(top, v[3]);
	}
	ck_assert_int_eq(row(text, "total", v, 8), 2);
	ck_assert_double_eq(v[1], 1.0);
	ck_assert_double_eq_tol(total, 1, 0.003); /* four numbers rounded to 0.001 */
	free(text);
	return top;
}

START_TEST(softmax_temperature_sharpens_and_flattens)
{
	double z[N] = {1.5, -0.5, 0.25, 3}, e[N], hand[N], p[N], at1, cold, hot, spread1, spreadhot;
	WTest t;
	Instance *head, *temp;
	Data d;
	int i;

	wt_open(&t, HEAD);
	head = wt_get(&t, "head");
	temp = wt_get(&t, "temp");
	at1 = top_share(head, p);
	spread1 = p[3] - p[1];
	wt_type(temp, "0.5", true);
	cold = top_share(head, p);
	by_hand(z, N, 0.5, e, hand);
	for (i = 0; i < N; i++)
		ck_assert_double_eq(p[i], shown(hand[i], 3));
	ck_assert(scene_output(head, "probs", DATA_VECTOR, &d));
	for (i = 0; i < N; i++)
		ck_assert_double_eq_tol(d.v[i], hand[i], 1e-14);
	wt_type(temp, "5", true);
	hot = top_share(head, p);
	spreadhot = p[3] - p[1];
	by_hand(z, N, 5, e, hand);
	for (i = 0; i < N; i++)
		ck_assert_double_eq(p[i], shown(hand[i], 3));
	/* colder: the winner takes more; hotter: less, and the shares close up towards 1/4 */
	ck_assert_double_gt(cold, at1 + 0.1);
	ck_assert_double_lt(hot, at1 - 0.3);
	ck_assert_double_lt(spreadhot, spread1 / 4);
	ck_assert_double_lt(hot, cold / 2);
	/* the slider's 0.1 at its lowest: the winner takes all but 1e-6 */
	wt_key(temp, K_HOME);
	ck_assert_double_eq(top_share(head, p), 1.0);
	ck_assert(scene_output(head, "probs", DATA_VECTOR, &d));
	ck_assert_double_gt(d.v[3], 1 - 1e-6);
	ck_assert_double_gt(d.v[1], 0); /* never exactly 0 */
	wt_close(&t);
}
END_TEST

START_TEST(softmax_ties_have_no_winner)
{
	WTest t;
	char *text;

	wt_open(&t, "@widget slider id=a label=a range=-5..5 value=1\nalt: a\n@end\n"
		    "@widget slider id=b label=b range=-5..5 value=1\nalt: b\n@end\n"
		    "@widget slider id=c label=c range=-5..5 value=1\nalt: c\n@end\n"
		    "@widget softmax id=s logits=a,b,c\nalt: s\n@end\n");
	text = wt_draw(wt_get(&t, "s"), 76, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "No winner: 3 classes tie at 33.3% each"));
	/* labels default to the ids; e^z without a temperature */
	ck_assert_ptr_nonnull(strstr(text, "e^z"));
	ck_assert_ptr_null(strstr(text, "z/T"));
	ck_assert_int_eq(row(text, "a", (double[8]){0}, 8), 3);
	free(text);
	wt_key(wt_get(&t, "b"), K_RIGHT); /* b: 1.1 */
	text = wt_draw(wt_get(&t, "s"), 76, wt_utf8, false);
	ck_assert_ptr_nonnull(strstr(text, "Winner: b ("));
	free(text);
	wt_close(&t);
}
END_TEST

static const char *const GRAD =
    "@widget slider id=a label=a range=-5..5 value=2 step=0.5\nalt: a\n@end\n"
    "@widget slider id=b label=b range=-5..5 value=1 step=0.5\nalt: b\n@end\n"
    "@widget slider id=c label=c range=-5..5 value=-0.5 step=0.5\nalt: c\n@end\n"
    "@widget choice id=truth label=Truth options=cat,dog,bird value=dog\nalt: t\n@end\n"
    "@widget softmax id=g logits=a,b,c truth=truth labels=cat,dog,bird\nalt: g\n@end\n";

/* The gradient table and outputs agree with p - y by hand, the library's backward and
 * central differences of the hand loss, for every true class and a few logits. */
START_TEST(softmax_gradient_is_p_minus_y)
{
	static const char *const names[3] = {"cat", "dog", "bird"};
	static const double zs[3][3] = {{2, 1, -0.5}, {-5, 5, 0}, {0.5, 0.5, 0.5}};
	double e[3], p[3], v[8], lib[3], fd, zz[3], h = 1e-5;
	WTest t;
	Instance *g, *truth;
	Data d;
	char *text, want[128];
	int k, c, i, j;

	wt_open(&t, GRAD);
	g = wt_get(&t, "g");
	truth = wt_get(&t, "truth");
	ck_assert_int_eq(g->ops->height(g, 76), 3 + 4);
	for (k = 0; k < 3; k++) {
		char num[32];
		for (i = 0; i < 3; i++) {
			snprintf(num, sizeof num, "%g", zs[k][i]);
			wt_type(wt_get(&t, (const char *[]){"a", "b", "c"}[i]), num, true);
		}
		wt_key(truth, K_HOME);
		for (c = 0; c < 3; c++, wt_key(truth, K_RIGHT)) {
			by_hand(zs[k], 3, 1, e, p);
			memset(lib, 0, sizeof lib);
			loss_softmax_ce_backward(lib, 1.0, zs[k], &(size_t){(size_t)c}, 1, 3);
			text = wt_draw(g, 76, wt_utf8, false);
			ck_assert_ptr_nonnull(strstr(text, "p − y"));
			ck_assert_ptr_nonnull(strstr(text, "∂L/∂z"));
			for (i = 0; i < 3; i++) {
				double y = i == c;
				ck_assert_int_eq(row(text, names[i], v, 8), 6);
				ck_assert_double_eq(v[0], shown(zs[k][i], 2));
				ck_assert_double_eq(v[1], shown(p[i], 3));
				ck_assert_double_eq(v[2], y);
				ck_assert_double_eq(v[3], shown(p[i] - y, 3));
				ck_assert_double_eq(v[4], v[3]);
				ck_assert_double_eq(v[5], v[3]);
				/* the library's backward is p - y, and so is the loss's slope */
				ck_assert_double_eq_tol(lib[i], p[i] - y, 1e-14);
				memcpy(zz, zs[k], sizeof zz);
				zz[i] += h;
				fd = loss_by_hand(zz, 3, (size_t)c);
				zz[i] -= 2 * h;
				fd = (fd - loss_by_hand(zz, 3, (size_t)c)) / (2 * h);
				ck_assert_double_eq_tol(fd, p[i] - y, 1e-8);
			}
			ck_assert_int_eq(row(text, "total", v, 8), 5);
			ck_assert_double_eq(v[0], 1);
			ck_assert_double_eq(v[1], 1);
			for (j = 2; j < 5; j++)
				ck_assert_double_eq(v[j], 0);
			/* p below 0.001 in powers of ten, so that it never reads 0 */
			snprintf(want, sizeof want,
				 p[c] >= 0.001 ? "Loss L = −ln p(%s) = −ln %.3f = %.3f"
					       : "Loss L = −ln p(%s) = −ln %.2e = %.3f",
				 names[c], p[c], -log(p[c]));
			ck_assert_msg(strstr(text, want) != NULL, "no \"%s\" in\n%s", want, text);
			free(text);
			ck_assert(scene_output(g, "grad", DATA_VECTOR, &d));
			ck_assert_uint_eq(d.n, 3);
			for (i = 0; i < 3; i++)
				ck_assert_double_eq_tol(d.v[i], p[i] - (i == c), 1e-14);
			ck_assert(scene_output(g, "loss", DATA_SCALAR, &d));
			ck_assert_double_eq_tol(d.scalar, -log(p[c]), 1e-12);
		}
	}
	wt_close(&t);
}
END_TEST

/* A truth read from a slider is rounded to a class and kept among the classes. */
START_TEST(softmax_truth_is_a_class)
{
	static const struct {
		const char *typed;
		int cls;
	} cases[] = {{"-2", 0}, {"0.4", 0}, {"0.6", 1}, {"1.4", 1}, {"2.6", 2}, {"5", 2}};
	double v[8];
	WTest t;
	char *text, body[1024];
	size_t i;
	int k;

	snprintf(body, sizeof body, "%.*s@widget slider id=which label=w range=-2..5 value=0\n"
				    "alt: w\n@end\n@widget softmax id=s logits=a,b,c truth=which "
				    "labels=cat,dog,bird\nalt: s\n@end\n",
		 (int)(strstr(GRAD, "@widget choice") - GRAD), GRAD);
	wt_open(&t, body);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		wt_type(wt_get(&t, "which"), cases[i].typed, true);
		text = wt_draw(wt_get(&t, "s"), 76, wt_ascii, false);
		for (k = 0; k < 3; k++) {
			ck_assert_int_eq(row(text, (const char *[]){"cat", "dog", "bird"}[k], v, 8), 6);
			ck_assert_double_eq(v[2], k == cases[i].cls);
		}
		free(text);
	}
	wt_close(&t);
}
END_TEST

/* Each width keeps what fits: every line within it, the gradient columns first. */
START_TEST(softmax_fits_every_width)
{
	static const int widths[] = {30, 40, 76, 160};
	WTest t;
	Instance *g;
	char *text, *line;
	size_t w;
	int i;

	wt_open(&t, GRAD);
	g = wt_get(&t, "g");
	for (w = 0; w < sizeof widths / sizeof *widths; w++) {
		text = wt_draw(g, widths[w], wt_ascii, false);
		for (line = text; *line; line = strchr(line, '\n') + 1) {
			int len = (int)(strchr(line, '\n') - line);
			ck_assert_int_le(len, widths[w]);
			for (i = 0; i < len; i++)
				ck_assert_msg((unsigned char)line[i] < 0x80, "not ASCII: %s", text);
		}
		ck_assert_ptr_nonnull(strstr(text, "p - y"));
		ck_assert_int_eq(strstr(text, "dL/dz") != NULL, widths[w] >= 40);
		ck_assert_int_eq(strstr(text, "nudged") != NULL, widths[w] >= 76);
		free(text);
	}
	wt_golden("softmax-grad-40", g, 40);
	wt_golden("softmax-grad-76", g, 76);
	wt_golden("softmax-grad-160", g, 160);
	wt_close(&t);
}
END_TEST

/* Five logits of its own, three shown at the start, and a temperature slider. */
static const char *const OWN =
    "@widget slider id=temp label=T range=0.1..5 value=1 step=0.1\nalt: T\n@end\n"
    "@widget softmax id=own values=1.5,-0.5,0.2,3,-2 classes=3 temperature=temp "
    "labels=cat,dog,bird,fish,frog step=0.1 range=-4..4\nalt: o\n@end\n";
static const char *const OWN_NAMES[5] = {"cat", "dog", "bird", "fish", "frog"};

/* The percent at the end of the row of text that starts with label, or NaN. */
static double percent(const char *text, const char *label)
{
	const char *p = text, *end, *q;
	size_t len = strlen(label);

	for (; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		while (*p == ' ')
			p++;
		if (strncmp(p, label, len) != 0 || p[len] != ' ')
			continue;
		end = strchr(p, '\n');
		for (q = end; q > p && q[-1] == ' '; q--)
			;
		if (q == p || q[-1] != '%')
			return NAN;
		while (q > p && q[-1] != ' ')
			q--;
		return strtod(q, NULL);
	}
	return NAN;
}

/* Its own logits, 3, 4 and 5 of them as the digit keys choose, against the softmax by
 * hand: every number of each row (z, z/T, e^(z/T), p and p in percent), the totals
 * (e^z's sum, 1.000 and 100.0%), the winner and what it gives bars. */
START_TEST(softmax_own_logits_3_4_5_match_a_hand_softmax)
{
	double z[5] = {1.5, -0.5, 0.2, 3, -2}, e[5], p[5], v[8], esum, psum;
	char want[128], *text, *line;
	WTest t;
	Instance *in;
	Data d;
	size_t n;
	int i, k, w;

	wt_open(&t, OWN);
	in = wt_get(&t, "own");
	ck_assert(in->ops->focusable(in));
	for (n = 3; n <= 5; n++) {
		if (n > 3)
			ck_assert_uint_eq(wt_char(in, (uint32_t)('0' + n)),
					  WIDGET_HANDLED | WIDGET_REDRAW);
		ck_assert_int_eq(in->ops->height(in, 76), (int)n + 3);
		by_hand(z, n, 1, e, p);
		text = wt_draw(in, 76, wt_utf8, false);
		esum = psum = 0;
		for (i = 0; i < 5; i++) {
			if ((size_t)i >= n) { /* a class not shown has no row */
				ck_assert_int_eq(row(text, OWN_NAMES[i], v, 8), -1);
				continue;
			}
			ck_assert_int_ge(row(text, OWN_NAMES[i], v, 8), 4); /* a bar stops it */
			ck_assert_double_eq(v[0], shown(z[i], 2));
			ck_assert_double_eq(v[1], shown(z[i], 2));
			ck_assert_double_eq(v[2], shown(e[i], 3));
			ck_assert_double_eq(v[3], shown(p[i], 3));
			ck_assert_double_eq(percent(text, OWN_NAMES[i]), shown(100 * p[i], 1));
			esum += e[i];
			psum += p[i];
		}
		ck_assert_int_eq(row(text, "total", v, 8), 3);
		ck_assert_double_eq(v[0], shown(esum, 3));
		ck_assert_double_eq(v[1], 1.0);
		ck_assert_double_eq(v[2], 100.0);
		ck_assert_ptr_nonnull(strstr(text, "100.0%"));
		/* fish, 3, wins from 4 classes on; cat, 1.5, among the first three */
		snprintf(want, sizeof want, "Winner: %s (%.1f%%)", n > 3 ? "fish" : "cat",
			 100 * p[n > 3 ? 3 : 0]);
		ck_assert_msg(strstr(text, want) != NULL, "no \"%s\" in\n%s", want, text);
		free(text);
		ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
		ck_assert_uint_eq(d.n, n);
		for (i = 0; i < (int)n; i++)
			ck_assert_double_eq_tol(d.v[i], p[i], 1e-14);
		ck_assert_double_eq_tol(psum, 1, 1e-14);
	}
	/* A colder softmax through the temperature slider, five classes. */
	wt_type(wt_get(&t, "temp"), "0.5", true);
	by_hand(z, 5, 0.5, e, p);
	text = wt_draw(in, 76, wt_ascii, false);
	for (i = 0; i < 5; i++) {
		ck_assert_int_ge(row(text, OWN_NAMES[i], v, 8), 4);
		ck_assert_double_eq(v[1], shown(z[i] / 0.5, 2));
		ck_assert_double_eq(v[3], shown(p[i], 3));
		ck_assert_double_eq(percent(text, OWN_NAMES[i]), shown(100 * p[i], 1));
	}
	free(text);
	/* Every width: each line within it and ASCII; the bar kept at 40, e^z at 76. */
	for (k = 0; k < 4; k++) {
		w = (int[]){30, 40, 76, 160}[k];
		text = wt_draw(in, w, wt_ascii, true);
		for (line = text; *line && strncmp(line, "cursor", 6); line = strchr(line, '\n') + 1) {
			int len = (int)(strchr(line, '\n') - line);
			ck_assert_int_le(len, w);
			for (i = 0; i < len; i++)
				ck_assert_msg((unsigned char)line[i] < 0x80, "not ASCII: %s", text);
		}
		ck_assert_ptr_nonnull(strstr(text, "[1.50]")); /* the chosen class, focused */
		ck_assert_int_eq(strstr(text, "#") != NULL, w >= 40);
		ck_assert_int_eq(strstr(text, "e^(z/T)") != NULL, w >= 76);
		ck_assert_double_eq(percent(text, "total"), 100.0);
		free(text);
	}
	wt_golden("softmax-own-40", in, 40);
	wt_golden("softmax-own-76", in, 76);
	wt_golden("softmax-own-160", in, 160);
	wt_close(&t);
}
END_TEST

/* Whether in, focused, drawn at 76 columns in ASCII shows s. */
static bool draws(const Instance *in, const char *s)
{
	char *text = wt_draw(in, 76, wt_ascii, true);
	bool found = strstr(text, s) != NULL;

	free(text);
	return found;
}

/* The keys: a digit shows that many classes (2 to its five, no other); Up and Down choose
 * a class, kept among those shown; Left/Right move its logit by the step, on the grid
 * of steps, within range=; the help names the digits it takes. */
START_TEST(softmax_own_keys)
{
	const char *pairs[16];
	char scratch[64];
	WTest t;
	Instance *in;
	Data d;
	int n, i;

	wt_open(&t, OWN);
	in = wt_get(&t, "own");
	ck_assert_uint_eq(wt_char(in, '1'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, '6'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, '9'), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, '3'), WIDGET_HANDLED); /* already 3: nothing to draw */
	ck_assert_uint_eq(wt_char(in, '2'), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, 2);
	/* two classes: p of the first is the sigmoid of the gap */
	ck_assert_double_eq_tol(d.v[0], 1 / (1 + exp(-(1.5 - -0.5))), 1e-14);
	wt_char(in, '5');
	for (i = 0; i < 6; i++) /* down to frog, and no further */
		wt_key(in, K_DOWN);
	for (i = 0; i < 3; i++)
		wt_key(in, K_RIGHT); /* -2 + 3 x 0.1 */
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, 5);
	ck_assert(draws(in, "[-1.70]"));
	wt_char(in, '3'); /* the choice falls back to bird (0.2), the last shown */
	wt_key(in, K_LEFT);
	ck_assert(draws(in, "[0.10]"));
	wt_key(in, K_END);
	ck_assert(draws(in, "[4.00]"));
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED); /* at the end of range= */
	wt_key(in, K_PGDN);
	ck_assert(draws(in, "[3.00]"));
	for (i = 0; i < 5; i++)
		wt_key(in, K_UP);
	wt_key(in, K_HOME);
	ck_assert(draws(in, "[-4.00]"));
	/* what the footer lists */
	n = instance_keys(in, false, pairs, 16, scratch, sizeof scratch);
	ck_assert_int_eq(n, 10);
	ck_assert_str_eq(pairs[8], "2-5");
	ck_assert_str_eq(pairs[9], "show that many classes");
	for (i = 0; i < n; i += 2)
		ck_assert_ptr_nonnull(pairs[i]);
	wt_close(&t);
	/* Logits read from sliders take no key and are no tab stop. */
	wt_open(&t, HEAD);
	in = wt_get(&t, "head");
	ck_assert(!in->ops->focusable(in));
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, '3'), WIDGET_IGNORED);
	ck_assert_int_eq(instance_keys(in, false, pairs, 16, scratch, sizeof scratch), 0);
	wt_close(&t);
}
END_TEST

/* Progress keeps every logit as set (0.1 steps written as 0.1, not 0.1000000001) and the
 * classes shown; a list that does not read whole, or a count out of bounds, is left out. */
START_TEST(softmax_own_saves_and_restores)
{
	MemStore m;
	WTest t;
	Instance *in;
	Data d;
	double before[5];

	memstore_init(&m);
	wt_open(&t, OWN);
	in = wt_get(&t, "own");
	wt_char(in, '4');
	wt_key(in, K_DOWN);
	wt_key(in, K_RIGHT); /* dog: -0.5 + 0.1 + 0.1 + 0.1 */
	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	ck_assert_str_eq(wt_saved(in, &m, "logits"), "1.5,-0.2,0.2,3,-2");
	ck_assert_str_eq(memstore_get(&m, "classes"), "4");
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	memcpy(before, d.v, 4 * sizeof *d.v);
	wt_close(&t);
	wt_open(&t, OWN);
	in = wt_get(&t, "own");
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, 3);
	in->ops->restore(in, &m.store);
	ck_assert(scene_output(in, "probs", DATA_VECTOR, &d));
	ck_assert_uint_eq(d.n, 4);
	ck_assert_double_eq(d.v[0], before[0]);
	ck_assert_double_eq(d.v[1], before[1]);
	ck_assert_double_eq(d.v[3], before[3]);
	/* broken or short lists and a count of 6 change nothing; out of range is clamped */
	memstore_set(&m, "logits", "1,2,x,4,5");
	memstore_set(&m, "classes", "6");
	in->ops->restore(in, &m.store);
	ck_assert_str_eq(wt_saved(in, &m, "logits"), "1.5,-0.2,0.2,3,-2");
	ck_assert_str_eq(memstore_get(&m, "classes"), "4");
	memstore_set(&m, "logits", "1,2,3,4");
	in->ops->restore(in, &m.store);
	ck_assert_str_eq(wt_saved(in, &m, "logits"), "1.5,-0.2,0.2,3,-2");
	memstore_set(&m, "logits", "1,2,3,4,5,6");
	in->ops->restore(in, &m.store);
	ck_assert_str_eq(wt_saved(in, &m, "logits"), "1.5,-0.2,0.2,3,-2");
	memstore_set(&m, "logits", "9,0,0,0,-0.7");
	in->ops->restore(in, &m.store);
	ck_assert_str_eq(wt_saved(in, &m, "logits"), "4,0,0,0,-0.7");
	wt_close(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("softmax");
	TCase *tc = tcase_create("softmax");

	tcase_add_test(tc, softmax_numbers_match_a_hand_softmax);
	tcase_add_test(tc, softmax_ignores_a_shift);
	tcase_add_test(tc, softmax_temperature_sharpens_and_flattens);
	tcase_add_test(tc, softmax_ties_have_no_winner);
	tcase_add_test(tc, softmax_gradient_is_p_minus_y);
	tcase_add_test(tc, softmax_truth_is_a_class);
	tcase_add_test(tc, softmax_fits_every_width);
	tcase_add_test(tc, softmax_own_logits_3_4_5_match_a_hand_softmax);
	tcase_add_test(tc, softmax_own_keys);
	tcase_add_test(tc, softmax_own_saves_and_restores);
	suite_add_tcase(s, tc);
	return test_main(s);
}
