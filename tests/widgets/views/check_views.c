/* check_views.c: the table and cards widgets: drawings in UTF-8 and ASCII, scrolling
 * and its hand-back to the player at the ends, opening cards, state in a Store. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/core/target.h"
#include "widgets/wtest.h"

static const char truth[] =
	"@widget table id=and columns=x1,x2,\"x1 AND x2\" cells=0,0,0,0,1,0,1,0,0,1,1,1 "
	"highlight=4\nalt: t\n@end\n";

START_TEST(table_draws_with_a_highlighted_row)
{
	WTest t;
	Instance *in;

	wt_open(&t, truth);
	in = wt_get(&t, "and");
	ck_assert_ptr_eq(in->kind, &table_kind);
	ck_assert_int_eq(in->ops->height(in, 60), 8); /* four rows fit: no scrolling */
	wt_golden("table-and", in, 60);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

static const char squares[] =
	"@widget table id=sq columns=n,\"n squared\",name cells=1,1,one,2,4,two,3,9,three,"
	"4,16,four,5,25,five,6,36,six,7,49,seven height=3 highlight_column=2\nalt: t\n@end\n";

START_TEST(table_scrolls_and_gives_back_the_ends)
{
	WTest t;
	Instance *in;

	wt_open(&t, squares);
	in = wt_get(&t, "sq");
	ck_assert_int_eq(in->ops->height(in, 40), 7);
	wt_golden("table-scroll-top", in, 40);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED); /* the top: the page scrolls */
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW);
	wt_golden("table-scroll-3", in, 40);
	ck_assert_uint_eq(wt_key(in, K_PGDN), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED); /* rows 5-7 of 7: the end */
	ck_assert_uint_eq(wt_key(in, K_PGDN), WIDGET_IGNORED);
	wt_golden("table-scroll-end", in, 40);
	ck_assert_uint_eq(wt_key(in, K_PGUP), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_PGUP), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED);
	wt_close(&t);
}
END_TEST

START_TEST(table_fits_a_narrow_slot)
{
	WTest t;
	Instance *in;

	wt_open(&t, squares);
	in = wt_get(&t, "sq");
	wt_golden("table-narrow", in, 18);
	wt_close(&t);
}
END_TEST

static const char archs[] =
	"@widget cards id=archs titles=CNN,RNN,GAN,Transformer texts=\"Slides small filters "
	"over an image to find edges, then shapes, then objects.\",\"Reads a sequence one step "
	"at a time and keeps a memory of what came before.\",\"Two networks play a game: one "
	"forges, the other spots forgeries.\",\"Lets every word look at every other word at "
	"once: attention.\" columns=2\nalt: c\n@end\n";

START_TEST(cards_open_and_close)
{
	WTest t;
	Instance *in;
	double v;

	wt_open(&t, archs);
	in = wt_get(&t, "archs");
	ck_assert_ptr_eq(in->kind, &cards_kind);
	wt_golden("cards-closed", in, 50);
	ck_assert_uint_eq(wt_key(in, K_UP), WIDGET_IGNORED); /* the top row: the page scrolls */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_key(in, K_DOWN), WIDGET_IGNORED); /* the bottom row */
	ck_assert_uint_eq(wt_key(in, K_RIGHT), WIDGET_HANDLED); /* the last card */
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW);
	wt_golden("cards-open", in, 50);
	ck_assert(scene_value(&t.scene, "archs", &v) && v == 1);
	ck_assert_uint_eq(wt_key(in, K_ENTER), WIDGET_HANDLED | WIDGET_REDRAW); /* closes */
	ck_assert_uint_eq(wt_key(in, K_HOME), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert_uint_eq(wt_char(in, ' '), WIDGET_HANDLED | WIDGET_REDRAW);
	ck_assert(scene_value(&t.scene, "archs", &v) && v == 2);
	ck_assert_uint_eq(wt_char(in, 'q'), WIDGET_IGNORED);
	wt_golden("cards-open-first", in, 50);
	wt_close(&t);
}
END_TEST

START_TEST(cards_keep_which_were_opened)
{
	WTest t;
	MemStore m;
	Instance *in;
	double v;

	memstore_init(&m);
	wt_open(&t, archs);
	in = wt_get(&t, "archs");
	wt_key(in, K_END);
	wt_key(in, K_ENTER);
	in->ops->save(in, &m.store);
	ck_assert_str_eq(memstore_get(&m, "seen"), "0001");
	wt_close(&t);
	wt_open(&t, archs);
	in = wt_get(&t, "archs");
	in->ops->restore(in, &m.store);
	ck_assert(scene_value(&t.scene, "archs", &v) && v == 1);
	m.store.set(m.store.ctx, "seen", "01"); /* another lesson's cards: left alone */
	in->ops->restore(in, &m.store);
	ck_assert(scene_value(&t.scene, "archs", &v) && v == 1);
	wt_close(&t);
}
END_TEST

START_TEST(cards_without_texts_are_tiles)
{
	WTest t;
	Instance *in;

	wt_open(&t, "@widget cards id=c titles=One,Two,Three columns=3\nalt: c\n@end\n");
	in = wt_get(&t, "c");
	ck_assert_int_eq(in->ops->height(in, 40), 3);
	wt_key(in, K_RIGHT);
	wt_key(in, K_ENTER);
	wt_golden("cards-tiles", in, 40);
	wt_close(&t);
}
END_TEST

static Suite *views_suite(void)
{
	Suite *s = suite_create("views");
	TCase *tc = tcase_create("views");

	tcase_add_test(tc, table_draws_with_a_highlighted_row);
	tcase_add_test(tc, table_scrolls_and_gives_back_the_ends);
	tcase_add_test(tc, table_fits_a_narrow_slot);
	tcase_add_test(tc, cards_open_and_close);
	tcase_add_test(tc, cards_keep_which_were_opened);
	tcase_add_test(tc, cards_without_texts_are_tiles);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(views_suite());
}
