/* check_pairs.c: the sentence pairs: every word in its vocabulary and every vocabulary
 * word used, no duplicates, the ids of a known pair, short and long sentences. */
#include <config.h>

#include <string.h>

#include "nn/pairs.h"
#include "testlib.h"

START_TEST(the_cat_sits)
{
	size_t ids[8], n;

	ck_assert_str_eq(pairs_text(0, PAIRS_EN), "the cat sits");
	ck_assert_str_eq(pairs_text(0, PAIRS_FR), "le chat est assis");
	n = pairs_tokens(ids, 8, 0, PAIRS_FR);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(pairs_word(PAIRS_FR, ids[0]), "le");
	ck_assert_str_eq(pairs_word(PAIRS_FR, ids[3]), "assis");
	ck_assert_uint_eq(ids[1], pairs_lookup(PAIRS_FR, "chat", 4));
	ck_assert_uint_eq(pairs_lookup(PAIRS_EN, "chat", 4), PAIRS_UNKNOWN);
	ck_assert_str_eq(pairs_word(PAIRS_EN, PAIRS_EOS), "<eos>");
	/* a short buffer gets what fits, and the full count */
	ck_assert_uint_eq(pairs_tokens(ids, 2, 0, PAIRS_EN), 3);
}
END_TEST

START_TEST(vocabularies_cover_the_sentences_exactly)
{
	PairsLang lang;

	for (lang = PAIRS_EN; lang <= PAIRS_FR; lang++) {
		size_t v = pairs_vocab_size(lang), i, j, k, ids[16];
		int used[128] = {0};
		ck_assert_uint_le(v, 128);
		for (i = 0; i < pairs_count(); i++) {
			size_t n = pairs_tokens(ids, 16, i, lang);
			ck_assert_uint_le(n, 16);
			for (k = 0; k < n; k++) {
				ck_assert_msg(ids[k] != PAIRS_UNKNOWN, "pair %zu (%s): word %zu unknown",
				              i, pairs_text(i, lang), k);
				used[ids[k]] = 1;
			}
		}
		for (j = PAIRS_SPECIALS; j < v; j++) {
			ck_assert_msg(used[j], "vocabulary word %s is never used",
			              pairs_word(lang, j));
			for (k = j + 1; k < v; k++)
				ck_assert_str_ne(pairs_word(lang, j), pairs_word(lang, k));
		}
	}
}
END_TEST

START_TEST(a_few_dozen_short_and_long)
{
	size_t i, shorts = 0, longs = 0;

	ck_assert_uint_ge(pairs_count(), 36);
	for (i = 0; i < pairs_count(); i++) {
		size_t n = pairs_tokens(NULL, 0, i, PAIRS_EN);
		shorts += n <= 4;
		longs += n >= 7;
	}
	ck_assert_uint_ge(shorts, 20);
	ck_assert_uint_ge(longs, 6);
	ck_assert_uint_ge(pairs_max_len(PAIRS_FR), 10);
	ck_assert_str_eq(pairs_text(pairs_count(), PAIRS_EN), "");
}
END_TEST

static Suite *pairs_suite(void)
{
	Suite *s = suite_create("pairs");
	TCase *tc = tcase_create("pairs");

	tcase_add_test(tc, the_cat_sits);
	tcase_add_test(tc, vocabularies_cover_the_sentences_exactly);
	tcase_add_test(tc, a_few_dozen_short_and_long);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(pairs_suite());
}
