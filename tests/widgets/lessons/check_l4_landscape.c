/* check_l4_landscape.c: Same parts, different wiring (content/level4/landscape.lesson):
 * every weight count it states worked out again, its quiz's answer and the slips behind
 * its foreseen wrong answers, and its diagrams started from the file's own directives. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/lessons/lessontest.h"

static WTest t;

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

/* Learned numbers of a dense layer and of a k x k convolution. */
static long dense_params(long n_in, long n_out)
{
	return n_in * n_out + n_out;
}

static long conv_params(long k, long c_in, long c_out)
{
	return k * k * c_in * c_out + c_out;
}

START_TEST(weight_counts)
{
	lt_load("level4/landscape.lesson");
	/* a 28 x 28 picture into 128 neurons: the weights alone */
	ck_assert_int_eq(dense_params(28 * 28, 128) - 128, 100352);
	lt_states("784 × 128 = 100,352 weights");
	/* eight 3 x 3 kernels on one channel, whatever the picture's size */
	ck_assert_int_eq(conv_params(3, 1, 8), 72 + 8);
	lt_states("9 × 8 = 72 weights and 8 biases");
	/* the quiz: 3 channels in, 16 out, 3 x 3 */
	ck_assert_double_eq(lt_quiz_field("q-ls-conv", "answer"), (double)conv_params(3, 3, 16));
	ck_assert_double_eq(lt_quiz_field("q-ls-conv", "tolerance"), 0);
	lt_quiz_wrong("q-ls-conv", (double)(conv_params(3, 3, 16) - 16)); /* no biases */
	lt_quiz_wrong("q-ls-conv", (double)(3 * 3 * 16));                 /* one channel in */
	lt_states("3 × 3 × 3 × 16 = 432 weights, plus 16 biases: 448.");
}
END_TEST

START_TEST(diagrams_start)
{
	static const char *const ids[] = {"ls-mlp", "ls-cnn", "ls-rnn", "ls-diff"};
	char *text;

	lt_load("level4/landscape.lesson");
	lt_open_widgets(&t, ids, 4);
	/* at 76 columns the dense stack and the CNN stay on one band of boxes */
	text = wt_draw(wt_get(&t, "ls-cnn"), 76, (Caps){false, 0}, false);
	ck_assert_msg(strstr(text, "| image |----->| Conv |----->| Pool |----->| Dense |") != NULL,
		      "%s", text);
	free(text);
	text = wt_draw(wt_get(&t, "ls-mlp"), 76, (Caps){false, 0}, false);
	ck_assert_msg(strstr(text, "| x |----->| Dense |----->| ReLU |") != NULL, "%s", text);
	free(text);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("l4_landscape");
	TCase *tc = tcase_create("landscape");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, weight_counts);
	tcase_add_test(tc, diagrams_start);
	suite_add_tcase(s, tc);
	return test_main(s);
}
