/* check_corpus.c: the toy corpus's vocabulary and sentences, skip-gram pairs by hand,
 * unigram frequencies, and that each group's words keep to their own contexts. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "nn/corpus.h"
#include "nntest.h"

START_TEST(vocabulary_groups_first)
{
	Corpus c;
	Rng r;
	size_t i, j;

	rng_seed(&r, 1);
	ck_assert_int_eq(corpus_generate(&c, 50, &r), NN_OK);
	ck_assert_uint_gt(c.n_words, CORPUS_GROUPS * CORPUS_GROUP_WORDS);
	for (i = 0; i < c.n_words; i++) {
		int want = i < CORPUS_GROUPS * CORPUS_GROUP_WORDS ? (int)(i / CORPUS_GROUP_WORDS) : -1;
		ck_assert_int_eq(c.group[i], want);
		ck_assert_int_eq(corpus_find(&c, c.word[i]), (int)i);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(c.word[i], c.word[j]);
	}
	ck_assert_int_eq(corpus_find(&c, "apple"), 0);
	ck_assert_int_eq(c.group[corpus_find(&c, "queen")], 2);
	ck_assert_int_eq(c.group[corpus_find(&c, "tiger")], 1);
	ck_assert_int_eq(c.group[corpus_find(&c, "purple")], 3);
	ck_assert_int_eq(c.group[corpus_find(&c, "the")], -1);
	ck_assert_int_eq(corpus_find(&c, "spaceship"), -1);
	ck_assert_int_eq(corpus_find(&c, "*"), -1);
	ck_assert_str_eq(corpus_group_name(2), "royalty");
	ck_assert_str_eq(corpus_group_name(CORPUS_GROUPS), "?");
	corpus_free(&c);
	ck_assert_int_eq(corpus_generate(&c, 0, &r), NN_ERR_ARG);
}
END_TEST

START_TEST(sentences_keep_to_one_group)
{
	Corpus c, d;
	Rng r;
	size_t s, i, per_group[CORPUS_GROUPS] = {0};

	rng_seed(&r, 2);
	ck_assert_int_eq(corpus_generate(&c, 400, &r), NN_OK);
	ck_assert_uint_eq(c.n_sentences, 400);
	ck_assert_uint_eq(c.sent[0], 0);
	ck_assert_uint_eq(c.sent[400], c.n_tokens);
	for (s = 0; s < c.n_sentences; s++) {
		int g = -1;
		size_t n = c.sent[s + 1] - c.sent[s], first = c.n_words;
		ck_assert(n >= 3 && n <= 9); /* "mix * paint" to "the * and the * dance at the ball" */
		for (i = c.sent[s]; i < c.sent[s + 1]; i++) {
			size_t w = c.token[i];
			ck_assert_uint_lt(w, c.n_words);
			if (c.group[w] < 0)
				continue;
			if (g < 0)
				g = c.group[w], first = w;
			else
				ck_assert_uint_ne(w, first); /* a second slot, another word */
			ck_assert_int_eq(c.group[w], g);
		}
		ck_assert_int_ge(g, 0); /* every sentence names a word of its group */
		per_group[g]++;
	}
	for (i = 0; i < CORPUS_GROUPS; i++)
		ck_assert(per_group[i] > 60 && per_group[i] < 140);
	/* the same seed, the same corpus */
	rng_seed(&r, 2);
	ck_assert_int_eq(corpus_generate(&d, 400, &r), NN_OK);
	ck_assert_uint_eq(d.n_tokens, c.n_tokens);
	ck_assert_int_eq(memcmp(c.token, d.token, c.n_tokens * sizeof *c.token), 0);
	corpus_free(&c);
	corpus_free(&d);
}
END_TEST

START_TEST(pairs_by_hand)
{
	/* two sentences by hand: [5 6 7] [8 9] */
	size_t tok[5] = {5, 6, 7, 8, 9}, sent[3] = {0, 3, 5}, p[2 * 8];
	const size_t w1[12] = {5, 6, 6, 5, 6, 7, 7, 6, 8, 9, 9, 8};
	const size_t w2[16] = {5, 6, 5, 7, 6, 5, 6, 7, 7, 5, 7, 6, 8, 9, 9, 8};
	Corpus c;

	memset(&c, 0, sizeof c);
	c.n_words = 10, c.token = tok, c.n_tokens = 5, c.sent = sent, c.n_sentences = 2;
	ck_assert_uint_eq(corpus_pairs(p, 8, &c, 1), 6);
	ck_assert_int_eq(memcmp(p, w1, sizeof w1), 0);
	ck_assert_uint_eq(corpus_pairs(p, 8, &c, 2), 8);
	ck_assert_int_eq(memcmp(p, w2, sizeof w2), 0);
	ck_assert_uint_eq(corpus_pairs(NULL, 0, &c, 5), 8); /* windows stop at the sentence */
	p[4] = 99;
	ck_assert_uint_eq(corpus_pairs(p, 2, &c, 1), 6); /* only two written */
	ck_assert_uint_eq(p[4], 99);
}
END_TEST

START_TEST(unigram_frequencies)
{
	Corpus c;
	Rng r;
	double *f, sum = 0.0;
	size_t i, the = 0;

	rng_seed(&r, 3);
	ck_assert_int_eq(corpus_generate(&c, 200, &r), NN_OK);
	f = malloc(c.n_words * sizeof *f);
	corpus_unigram(f, &c);
	for (i = 0; i < c.n_tokens; i++)
		the += c.token[i] == (size_t)corpus_find(&c, "the");
	for (i = 0; i < c.n_words; i++)
		sum += f[i];
	ck_assert_double_eq_tol(sum, 1.0, 1e-12);
	ck_assert_double_eq_tol(f[corpus_find(&c, "the")], (double)the / c.n_tokens, 1e-15);
	free(f);
	corpus_free(&c);
}
END_TEST

/* The point of the corpus: the contexts (window 2) of one group's words are mostly that
 * group's own words; few context words are shared by all four groups. */
START_TEST(groups_have_their_own_contexts)
{
	Corpus c;
	Rng r;
	size_t n, i, shared = 0, *p;
	unsigned *seen;

	rng_seed(&r, 4);
	ck_assert_int_eq(corpus_generate(&c, 400, &r), NN_OK);
	n = corpus_pairs(NULL, 0, &c, 2);
	p = malloc(2 * n * sizeof *p);
	seen = calloc(c.n_words, sizeof *seen);
	corpus_pairs(p, n, &c, 2);
	for (i = 0; i < n; i++) {
		int g = c.group[p[2 * i]], h = c.group[p[2 * i + 1]];
		if (g >= 0) {
			ck_assert(h < 0 || h == g); /* never another group's word */
			seen[p[2 * i + 1]] |= 1u << g;
		}
	}
	for (i = 0; i < c.n_words; i++)
		shared += seen[i] == (1u << CORPUS_GROUPS) - 1;
	ck_assert_uint_le(shared, 3); /* the, a, and */
	free(p);
	free(seen);
	corpus_free(&c);
}
END_TEST

static Suite *corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("corpus");

	tcase_add_test(tc, vocabulary_groups_first);
	tcase_add_test(tc, sentences_keep_to_one_group);
	tcase_add_test(tc, pairs_by_hand);
	tcase_add_test(tc, unigram_frequencies);
	tcase_add_test(tc, groups_have_their_own_contexts);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(corpus_suite());
}
