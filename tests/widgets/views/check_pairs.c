/* check_pairs.c: the pairs widget: each item's counterpart found through links= from
 * either side (checked against the pairs written out here), marked by a glyph in ASCII
 * as in UTF-8, the pair named under the lists; the keys, the page's ends, the count of
 * pairs looked at and its Store, and links that are no order of 1..n refused. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

/* Left A B C D, right w x y z; A-y, B-w, C-z, D-x. */
static const char four[] =
	"@widget pairs id=p heads=Left,Right left=A,B,C,D right=w,x,y,z links=3,1,4,2 "
	"texts=\"A and y.\",\"B and w.\",\"C and z.\",\"D and x.\"\nalt: p\n@end\n";
static const char *const lefts[] = {"A", "B", "C", "D"};
static const char *const rights[] = {"w", "x", "y", "z"};
static const int partner[] = {2, 0, 3, 1}; /* left i's partner on the right */

/* Whether a row of the drawing (ASCII, width 2 * colw + 2) holds the item `name` after
 * the mark `mark` at the start of its side's column (0 left, 1 right). */
static bool marked(const char *text, int colw, int side, const char *name, const char *mark)
{
	char want[64];
	const char *line = text;

	snprintf(want, sizeof want, "%s%s", mark, name);
	while (line && *line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		size_t at = side == 0 ? 0 : (size_t)colw + 2;
		if (len >= at + strlen(want) && strncmp(line + at, want, strlen(want)) == 0)
			return true;
		line = end ? end + 1 : NULL;
	}
	return false;
}

/* Walks every item of both sides and checks the selection's mark and its partner's. */
START_TEST(each_item_marks_its_counterpart)
{
	WTest t;
	Instance *in;
	int side, i, w = 40, colw = (w - 2) / 2;

	wt_open(&t, four);
	in = wt_get(&t, "p");
	ck_assert_ptr_eq(in->kind, &pairs_kind);
	for (side = 0; side < 2; side++) {
		wt_key(in, side == 0 ? K_LEFT : K_RIGHT);
		wt_key(in, K_HOME);
		for (i = 0; i < 4; i++) {
			char *s = wt_text(in, w, wt_ascii, true, NULL, NULL);
			int left = side == 0 ? i : 0, right = side == 1 ? i : partner[0], k;
			char pair[32];
			if (side == 1)
				for (k = 0; k < 4; k++)
					if (partner[k] == i)
						left = k;
			if (side == 0)
				right = partner[i];
			ck_assert_msg(marked(s, colw, side, side == 0 ? lefts[i] : rights[i], "> "),
				      "the selection is not marked:\n%s", s);
			ck_assert_msg(marked(s, colw, 1 - side, side == 0 ? rights[right] : lefts[left],
					     "* "),
				      "the counterpart is not marked:\n%s", s);
			snprintf(pair, sizeof pair, "%s <-> %s", lefts[left], rights[right]);
			ck_assert_msg(strstr(s, pair), "the pair %s is not named:\n%s", pair, s);
			free(s);
			if (i < 3)
				ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW);
		}
	}
	wt_close(&t);
}
END_TEST

START_TEST(draws_in_utf8_and_ascii)
{
	WTest t;
	Instance *in;

	wt_open(&t, four);
	in = wt_get(&t, "p");
	ck_assert_int_eq(in->ops->height(in, 40), 1 + 4 + 2 + 1);
	wt_key(in, K_DOWN); /* B, whose partner is w */
	wt_golden("pairs-left", in, 40);
	wt_key(in, K_RIGHT); /* the right side's second item: x, whose partner is D */
	wt_golden("pairs-right", in, 76);
	wt_close(&t);
}
END_TEST

START_TEST(keys_and_the_pages_ends)
{
	WTest t;
	Instance *in;

	wt_open(&t, four);
	in = wt_get(&t, "p");
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED); /* the first item: the page */
	ck_assert_uint_eq(wt_key(in, K_LEFT), WIDGET_HANDLED); /* already on the left */
	ck_assert_uint_eq(wt_key(in, K_END), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED); /* the last item */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED);
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_char(in, 'q'), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

/* The value counts the pairs looked at from either side, once each; saved and restored. */
START_TEST(counts_the_pairs_looked_at)
{
	WTest t;
	MemStore m;
	Instance *in;

	memstore_init(&m);
	wt_open(&t, four);
	in = wt_get(&t, "p");
	ck_assert(wt_value(&t, "p") == 1); /* A, shown first */
	wt_key(in, K_RIGHT);             /* w: B's pair */
	ck_assert(wt_value(&t, "p") == 2);
	wt_key(in, K_LEFT);              /* A again */
	wt_key(in, K_RIGHT);             /* w again */
	ck_assert(wt_value(&t, "p") == 2);
	wt_key(in, K_END);               /* z: C's pair */
	ck_assert(wt_value(&t, "p") == 3);
	ck_assert_str_eq(wt_saved(in, &m, "seen"), "1110");
	wt_close(&t);
	wt_open(&t, four);
	in = wt_get(&t, "p");
	in->ops->restore(in, &m.store);
	ck_assert(wt_value(&t, "p") == 3);
	memstore_set(&m, "seen", "11"); /* another widget's: left alone */
	in->ops->restore(in, &m.store);
	ck_assert(wt_value(&t, "p") == 3);
	wt_close(&t);
}
END_TEST

/* A repeated link, and lists of different lengths, leave the widget unstarted. */
START_TEST(bad_links_are_refused)
{
	WTest t;

	wt_open(&t, "@widget pairs id=p heads=L,R left=A,B right=w,x links=1,1\nalt: p\n@end\n");
	ck_assert(t.scene.items[0].failed);
	wt_close(&t);
	wt_open(&t, "@widget pairs id=p heads=L,R left=A,B,C right=w,x links=1,2,3\nalt: p\n@end\n");
	ck_assert(t.scene.items[0].failed);
	wt_close(&t);
}
END_TEST

static Suite *pairs_suite(void)
{
	Suite *s = suite_create("pairs");
	TCase *tc = tcase_create("pairs");

	tcase_add_test(tc, each_item_marks_its_counterpart);
	tcase_add_test(tc, draws_in_utf8_and_ascii);
	tcase_add_test(tc, keys_and_the_pages_ends);
	tcase_add_test(tc, counts_the_pairs_looked_at);
	tcase_add_test(tc, bad_links_are_refused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(pairs_suite());
}
