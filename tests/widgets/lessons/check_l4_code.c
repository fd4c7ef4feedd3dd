/* check_l4_code.c: From math to code (content/level4/code.lesson): the weights its
 * PyTorch code sets are the weights of its network widget; the hidden values and the
 * output its table shows for the code's input, worked out again by hand with tanh() and
 * by src/nn's dense layer (the op tests/nn/nnref.sh checks against PyTorch's nn.Linear,
 * ../shared/reference/ops/linear.nnref); the sliders' input; the numbers its prose and
 * its quizzes state. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/dense.h"
#include "nn/mlp.h"
#include "testlib.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/wtest.h"

enum { IN = 2, HID = 3 };

/* The network as the lesson's PyTorch code sets it: a row per neuron, as nn.Linear
 * stores its weight. */
static const double W1[HID][IN] = {{0.5, -0.3}, {0.8, 0.2}, {-0.4, 0.9}};
static const double B1[HID] = {0.1, -0.2, 0.0};
static const double W2[HID] = {1.0, -0.7, 0.6};
static const double B2 = 0.05;
static const double X[IN] = {1.0, 0.5}; /* x = torch.tensor([[1.0, 0.5]]) */

static const char *const ids[] = {"code-x1", "code-x2", "code-net", "code-row"};

static WTest t;

static void teardown(void)
{
	wt_close(&t);
	lt_free();
}

/* The forward pass by hand: h = tanh(W1 x + b1), y = W2 h + b2. */
static double by_hand(const double *x, double *h)
{
	double y = B2;
	int j;

	for (j = 0; j < HID; j++) {
		h[j] = tanh(W1[j][0] * x[0] + W1[j][1] * x[1] + B1[j]);
		y += W2[j] * h[j];
	}
	return y;
}

/* The same with the library's dense layer (y = x w^T + b, as torch.nn.Linear). */
static double by_dense(const double *x, double *h)
{
	double z[HID], y;
	int j;

	dense_forward(z, x, &W1[0][0], B1, 1, IN, HID);
	for (j = 0; j < HID; j++)
		h[j] = tanh(z[j]);
	dense_forward(&y, h, W2, &B2, 1, HID, 1);
	return y;
}

static void draws(const char *id, const char *s)
{
	char *txt = wt_draw(wt_get(&t, id), 76, wt_ascii, false);

	ck_assert_msg(strstr(txt, s) != NULL, "%s does not show \"%s\":\n%s", id, s, txt);
	free(txt);
}

/* The PyTorch lines and the widget's directive hold the same numbers, written from the
 * arrays above. */
START_TEST(code_and_widget_agree)
{
	char line[256];
	int j;

	lt_load("level4/code.lesson");
	lt_states("self.hidden = nn.Linear(2, 3)");
	lt_states("self.out = nn.Linear(3, 1)");
	lt_states("h = torch.tanh(self.hidden(x))");
	lt_states("x = torch.tensor([[1.0, 0.5]])");
	snprintf(line, sizeof line,
		 "model.hidden.weight.copy_(torch.tensor([[%.1f, %.1f], [%.1f, %.1f], [%.1f, %.1f]]))",
		 W1[0][0], W1[0][1], W1[1][0], W1[1][1], W1[2][0], W1[2][1]);
	lt_states(line);
	snprintf(line, sizeof line, "model.hidden.bias.copy_(torch.tensor([%.1f, %.1f, %.1f]))",
		 B1[0], B1[1], B1[2]);
	lt_states(line);
	snprintf(line, sizeof line, "model.out.weight.copy_(torch.tensor([[%.1f, %.1f, %.1f]]))",
		 W2[0], W2[1], W2[2]);
	lt_states(line);
	snprintf(line, sizeof line, "model.out.bias.copy_(torch.tensor([%.2f]))", B2);
	lt_states(line);
	/* the widget: each neuron's incoming weights together, the layers in order */
	strcpy(line, "weights:");
	for (j = 0; j < HID; j++)
		snprintf(line + strlen(line), sizeof line - strlen(line), " %g, %g,", W1[j][0],
			 W1[j][1]);
	snprintf(line + strlen(line), sizeof line - strlen(line), " %g, %g, %g", W2[0], W2[1],
		 W2[2]);
	lt_states(line);
	snprintf(line, sizeof line, "biases: %g, %g, %g, %g", B1[0], B1[1], B1[2], B2);
	lt_states(line);
	lt_states("activation: tanh");
	lt_states("output_activation: identity");
	lt_states("value=1 step=0.1");
	lt_states("value=0.5 step=0.1");
}
END_TEST

/* The table's row for x = [1.0, 0.5]: by hand, by the dense layer, on screen. */
START_TEST(same_numbers_for_one_input)
{
	double h[HID], hd[HID], y, yd;
	char want[160];
	Data d;
	int j;

	lt_load("level4/code.lesson");
	lt_open_widgets(&t, ids, 4);
	y = by_hand(X, h);
	yd = by_dense(X, hd);
	ck_assert_double_eq_tol(yd, y, 1e-15);
	for (j = 0; j < HID; j++)
		ck_assert_double_eq_tol(hd[j], h[j], 1e-15);
	ck_assert(scene_output(wt_get(&t, "code-row"), "cells", 0, &d));
	ck_assert_uint_eq(d.rows, 1);
	ck_assert_uint_eq(d.cols, 6);
	ck_assert_double_eq(d.v[0], X[0]);
	ck_assert_double_eq(d.v[1], X[1]);
	for (j = 0; j < HID; j++)
		ck_assert_double_eq_tol(d.v[2 + j], h[j], 1e-12);
	ck_assert_double_eq_tol(d.v[5], y, 1e-12);
	/* four decimals, as PyTorch prints a float32 tensor */
	snprintf(want, sizeof want, "| %.4f | %.4f | %.4f | %.4f |", h[0], h[1], h[2], y);
	draws("code-row", want);
	/* the diagram's output at the sliders' start: the code's input */
	ck_assert_double_eq_tol(wt_value(&t, "code-net"), y, 1e-12);
	snprintf(want, sizeof want, "Output %.3f", y);
	draws("code-net", want);
	/* the first hidden neuron by hand, as the step-through states it */
	ck_assert_double_eq_tol(W1[0][0] * X[0] + W1[0][1] * X[1] + B1[0], 0.45, 1e-15);
	lt_states("0.5 × 1.0 + (−0.3) × 0.5 + 0.1 = 0.45");
	lt_says(tanh(0.45), 4, "h1 = tanh(0.45) ≈ ");
	ck_assert_double_eq_tol(h[0], tanh(0.45), 1e-15);
}
END_TEST

/* Moving a slider changes the diagram's input; the table stays on the code's input. */
START_TEST(sliders_move_the_input)
{
	const double x[IN] = {-1.2, 0.5};
	double h[HID], y;
	Data d;

	lt_load("level4/code.lesson");
	lt_open_widgets(&t, ids, 4);
	wt_type(wt_get(&t, "code-x1"), "-1.2", true);
	scene_changed(&t.scene);
	y = by_hand(x, h);
	ck_assert_double_eq_tol(wt_value(&t, "code-net"), y, 1e-12);
	ck_assert(fabs(y - by_hand(X, h)) > 0.1); /* it moved */
	ck_assert_double_eq(round(y * 1000) / 1000, 0.467); /* l4-code.scn waits for it */
	ck_assert(scene_output(wt_get(&t, "code-row"), "cells", 0, &d));
	ck_assert_double_eq(d.v[0], X[0]);
	ck_assert_double_eq_tol(d.v[5], by_hand(X, h), 1e-12);
}
END_TEST

/* q-code-count: the parameters of a 2-3-1 net, counted and from the library's Mlp. */
START_TEST(parameter_count)
{
	const size_t sizes[] = {IN, HID, 1};
	const Activation act[] = {ACT_TANH, ACT_LINEAR};
	Mlp m;
	const double weights = IN * HID + HID * 1, biases = HID + 1;

	lt_load("level4/code.lesson");
	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	ck_assert_uint_eq(m.n_params, (size_t)(weights + biases));
	ck_assert_double_eq(lt_quiz_field("q-code-count", "answer"), weights + biases);
	ck_assert_double_eq(lt_quiz_field("q-code-count", "tolerance"), 0);
	lt_quiz_wrong("q-code-count", weights);                /* the weights alone */
	lt_quiz_wrong("q-code-count", IN * HID + HID);         /* the first layer alone */
	lt_quiz_wrong("q-code-count", weights + biases - 1);   /* no output bias */
	lt_quiz_wrong("q-code-count", biases);                 /* the biases alone */
	lt_states("6 + 3 + 3 + 1 = 13");
	mlp_free(&m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("l4_code");
	TCase *tc = tcase_create("code");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, code_and_widget_agree);
	tcase_add_test(tc, same_numbers_for_one_input);
	tcase_add_test(tc, sliders_move_the_input);
	tcase_add_test(tc, parameter_count);
	suite_add_tcase(s, tc);
	return test_main(s);
}
