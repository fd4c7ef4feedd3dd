/* check_translator.c: the translator kind, as the lesson L3-sequences uses it: "the cat
 * sits" becomes "le chat est assis" word by word (the rows drawn against the pair's
 * French), each step's probabilities add up to 1 and the word said is their argmax,
 * the context vector is a GRU state (inside -1..1), the measured bottleneck (the plain
 * model's word accuracy falls with sentence length, attention keeps the long ones),
 * the attention weights against a model trained here by the library from the same
 * seed, the numbers the lesson states, and goldens at 40, 76 and 160 columns. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/course.h"
#include "nn/pairs.h"
#include "nn/seq2seq.h"
#include "testlib.h"
#include "widgets/core/visual.h"
#include "widgets/wtest.h"

static WTest t;

static void setup(void)
{
	wt_open_file(&t, "content/level3/sequences.lesson");
}

static void teardown(void)
{
	wt_close(&t);
}

/* Whether the lesson file says s (a line break and its indent count as one space). */
static void lesson_says(const char *s)
{
	char *text = NULL, *p, *q;
	size_t n;

	ck_assert_int_eq(course_read_file(test_srcpath("content/level3/sequences.lesson"), &text,
	                                  &n),
	                 0);
	for (p = q = text; *p; p++) { /* join the lines */
		if (*p == '\n') {
			*q++ = ' ';
			while (p[1] == ' ')
				p++;
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	ck_assert_msg(strstr(text, s) != NULL, "the lesson does not say \"%s\"", s);
	free(text);
}

/* The lesson says before, v to 2 decimals, then after. */
static void says_num(const char *before, double v, const char *after)
{
	char num[32], want[128];

	visual_fixed(num, sizeof num, v, 2);
	snprintf(want, sizeof want, "%s%s%s", before, num, after);
	lesson_says(want);
}

START_TEST(translates_the_cat_sits_word_by_word)
{
	Instance *in = wt_get(&t, "s2s");
	size_t fr[8], nf = pairs_tokens(fr, 8, 0, PAIRS_FR), k, j;
	char *s;
	Data d;

	ck_assert_str_eq(pairs_text(0, PAIRS_EN), "the cat sits");
	ck_assert_uint_eq(nf, 4);
	s = wt_text(in, 76, (Caps){true, 0}, false, NULL, NULL);
	ck_assert(strstr(s, "Step 0 of 5") != NULL);
	ck_assert(strstr(s, "chat") == NULL); /* nothing said yet */
	free(s);
	for (k = 0; k <= nf; k++) {
		const char *want = k < nf ? pairs_word(PAIRS_FR, fr[k]) : "<eos>";
		double sum = 0;
		size_t best = 0;
		char row[64], num[16];
		ck_assert(wt_key(in, K_RIGHT) & WIDGET_HANDLED);
		ck_assert(scene_output(in, "probs", 0, &d));
		ck_assert_uint_eq(d.n, pairs_vocab_size(PAIRS_FR));
		for (j = 0; j < d.n; j++) {
			ck_assert(d.v[j] >= 0);
			sum += d.v[j];
			best = d.v[j] > d.v[best] ? j : best;
		}
		ck_assert_double_eq_tol(sum, 1.0, 1e-12);
		ck_assert_str_eq(d.labels[best], want); /* the word said is the argmax */
		/* the row drawn: the step, the word read, the word said and its probability */
		s = wt_text(in, 76, (Caps){true, 0}, false, NULL, NULL);
		visual_fixed(num, sizeof num, d.v[best], 2);
		snprintf(row, sizeof row, "%-4zu %-11s %-11s %s", k + 1,
		         k ? pairs_word(PAIRS_FR, fr[k - 1]) : "<bos>", want, num);
		ck_assert_msg(strstr(s, row) != NULL, "no row \"%s\" in\n%s", row, s);
		free(s);
		/* top: the five largest, in order, the first the word said */
		ck_assert(scene_output(in, "top", 0, &d));
		ck_assert_uint_eq(d.n, 5);
		ck_assert_str_eq(d.labels[0], want);
		for (j = 1; j < 5; j++)
			ck_assert(d.v[j] <= d.v[j - 1]);
	}
	ck_assert_int_eq(wt_key(in, K_RIGHT), WIDGET_IGNORED); /* the end: back to the player */
	ck_assert(wt_key(in, K_HOME) & WIDGET_HANDLED);
}
END_TEST

START_TEST(context_is_a_gru_state)
{
	Data d;
	size_t i;

	ck_assert(scene_output(wt_get(&t, "s2s"), "context", 0, &d));
	ck_assert_uint_eq(d.rows, 1);
	ck_assert_uint_eq(d.cols, 8);
	for (i = 0; i < 8; i++) /* h = (1 - z) n + z h, n = tanh(...), from h0 = 0 */
		ck_assert(fabs(d.v[i]) < 1.0);
}
END_TEST

/* The measured bottleneck: what the lesson teaches must hold of the numbers shown. */
START_TEST(bottleneck_and_attention_measured)
{
	Data d;
	int b;

	ck_assert(scene_output(wt_get(&t, "s2s"), "accuracy", 0, &d));
	ck_assert_uint_eq(d.rows, 3);
	ck_assert_uint_eq(d.cols, 2);
	/* without attention: the longer the sentence, the fewer words right */
	ck_assert(d.v[0] > d.v[2] && d.v[2] > d.v[4]);
	ck_assert(d.v[0] - d.v[4] > 0.3);
	/* with attention: every length at least as good, the long ones above 0.9 */
	for (b = 0; b < 3; b++)
		ck_assert(d.v[2 * b + 1] >= d.v[2 * b]);
	ck_assert(d.v[5] > 0.9);
	/* the lesson's numbers */
	says_num("", d.v[0], " on sentences of 2 or 3 words");
	ck_assert_double_eq_tol(d.v[0], 0.80, 0.005);
	says_num("", d.v[2], " on 4 or 5");
	says_num("", d.v[4], " on 6 to 11");
	says_num("nearly perfect (", d.v[5], ")");
	lesson_says("gets 80% of the words of short sentences right but only 35% of the long");
	ck_assert_double_eq_tol(d.v[4], 0.35, 0.005);
}
END_TEST

/* The attention weights shown are those of the library's model trained here from the
 * same seed and settings, which says the long sentence right. */
START_TEST(attention_weights_of_the_long_sentence)
{
	size_t ts = pairs_max_len(PAIRS_EN), tt = pairs_max_len(PAIRS_FR) + 1, words[32];
	size_t pair = 32, fr[16], nf = pairs_tokens(fr, 16, pair, PAIRS_FR), r, c;
	double most = 0;
	OptimConfig cfg;
	DemoModel m;
	Optim o;
	Net net;
	Rng rng;
	Data d;
	const double *p;

	ck_assert_str_eq(pairs_text(pair, PAIRS_EN), "the black cat sleeps in the small house");
	net_init(&net, 6);
	demo_seq2seq_attn(&net, &m, ts, tt, pairs_vocab_size(PAIRS_EN), pairs_vocab_size(PAIRS_FR),
	                  16, 8);
	ck_assert_int_eq(net_finish(&net, pairs_count()), NN_OK);
	rng_seed(&rng, 6);
	net_init_params(&net, &rng);
	optim_defaults(&cfg, OPTIM_ADAM);
	cfg.lr = 0.02;
	ck_assert_int_eq(optim_init(&o, &cfg, net.n_params), NN_OK);
	ck_assert(seq2seq_train(&net, &m, &o, &rng, 60, 10, ts, tt) >= 0);
	ck_assert_int_eq(seq2seq_decode(words, &net, &m, &pair, 1, ts, tt), 0);
	ck_assert(seq2seq_correct(words, tt, pair)); /* the row labels of the lesson */
	p = net_attention(&net, m.attn, 1);
	ck_assert(scene_output(wt_get(&t, "s2s"), "attention", 0, &d));
	ck_assert_uint_eq(d.rows, nf + 1);
	ck_assert_uint_eq(d.cols, 8);
	for (r = 0; r < d.rows; r++) {
		double sum = 0;
		for (c = 0; c < ts - 8; c++) /* the padding on the left: hidden */
			ck_assert(p[r * ts + c] == 0.0);
		for (c = 0; c < 8; c++) {
			ck_assert(d.v[r * 8 + c] == p[r * ts + ts - 8 + c]);
			sum += d.v[r * 8 + c];
			most = fmax(most, d.v[r * 8 + c]);
		}
		ck_assert_double_eq_tol(sum, 1.0, 1e-12);
	}
	ck_assert(most < 0.45); /* "no row gives more than 0.45 to one word" */
	lesson_says("no row gives more than 0.45 to one word");
	optim_free(&o);
	net_free(&net);
}
END_TEST

START_TEST(the_lesson_states_the_steps)
{
	Instance *in = wt_get(&t, "s2s");
	Data d;
	size_t k;
	static const char *const said[][2] = {{"le (probability ", ")"}, {"chat (", ","},
	                                      {"est (", ")"}, {"assis (", ")"},
	                                      {"the end mark (", ")"}};

	for (k = 0; k < 5; k++) {
		size_t j, best = 0;
		wt_key(in, K_RIGHT);
		ck_assert(scene_output(in, "probs", 0, &d));
		for (j = 0; j < d.n; j++)
			best = d.v[j] > d.v[best] ? j : best;
		says_num(said[k][0], d.v[best], said[k][1]);
		if (k == 1) { /* the runner-up at step 2 */
			ck_assert(scene_output(in, "top", 0, &d));
			ck_assert_str_eq(d.labels[1], "chien");
			says_num("chien ", d.v[1], " close behind");
		}
	}
}
END_TEST

START_TEST(goldens)
{
	Instance *in = wt_get(&t, "s2s");

	wt_key(in, K_RIGHT);
	wt_key(in, K_RIGHT);
	wt_golden("translator-40", in, 40);
	wt_golden("translator-76", in, 76);
	wt_golden("translator-160", in, 160);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("translator");
	TCase *tc = tcase_create("translator");

	tcase_set_timeout(tc, 120); /* trains two models per test; sanitizers are slow */
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, translates_the_cat_sits_word_by_word);
	tcase_add_test(tc, context_is_a_gru_state);
	tcase_add_test(tc, bottleneck_and_attention_measured);
	tcase_add_test(tc, attention_weights_of_the_long_sentence);
	tcase_add_test(tc, the_lesson_states_the_steps);
	tcase_add_test(tc, goldens);
	suite_add_tcase(s, tc);
	return test_main(s);
}
