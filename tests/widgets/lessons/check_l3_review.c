/* check_l3_review.c: the Level 3 review (content/level3/review.lesson): every numeric
 * answer worked out again by hand and by the library, the slip behind each foreseen
 * wrong answer, each claim of its choices and explanations measured with src/nn, and
 * the review's own rules: no feedback gives away another question's answer, and no
 * explanation shows the next question's. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/attn.h"
#include "nn/loss.h"
#include "nn/mlp.h"
#include "nn/optim.h"
#include "nn/recur.h"
#include "nn/rng.h"
#include "nn/surface.h"
#include "testlib.h"
#include "widgets/lessons/lessontest.h"
#include "widgets/quiz/quiz.h"

static void teardown(void)
{
	lt_free();
}

static double sigmoid(double z)
{
	return 1 / (1 + exp(-z));
}

/* q-l3r-chain: dL/dW1 = W2 d2 s'(z_h) x, by hand and from the library's backward pass
 * on a 1-1-1 sigmoid net whose hidden output is 0.5; the slips of the wrong answers. */
START_TEST(chain_rule)
{
	const size_t sizes[] = {1, 1, 1};
	const Activation act[] = {ACT_SIGMOID, ACT_SIGMOID};
	const double x = 3, w2 = 2, d2 = -0.4, a = 0.5;
	double slope = a * (1 - a), dh = w2 * d2 * slope, grad[4] = {0};
	Mlp m;
	MlpWork w;

	lt_load("level3/review.lesson");
	lt_states("h's output is 0.5");
	lt_states("the weight is W₂ = 2");
	lt_states("δ₂ = -0.4");
	lt_quiz_answer_is("q-l3r-chain", dh * x);
	ck_assert(fabs(dh * x - -0.6) < 1e-12);
	lt_quiz_wrong("q-l3r-chain", lt_round(dh, 3));              /* h's delta: the bias's */
	lt_quiz_wrong("q-l3r-chain", lt_round(w2 * d2 * x, 3));     /* no squash slope */
	lt_quiz_wrong("q-l3r-chain", lt_round(w2 * d2 * a * x, 3)); /* the output as slope */
	lt_quiz_wrong("q-l3r-chain", lt_round(dh * a, 3));          /* h's output as input */
	lt_quiz_wrong("q-l3r-chain", lt_round(-dh * x, 3));         /* the sign */
	lt_states("2 × (-0.4) × 0.25 = -0.2");
	/* the library: W1 = 0 and no biases give h a total of 0, an output of 0.5 */
	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	m.params[m.w_off[1]] = w2;
	mlp_forward(&w, &m, &x, 1);
	ck_assert_double_eq_tol(w.y[0][0], a, 1e-15);
	w.d[1][0] = d2;
	mlp_backward(grad, &w, &m, &x, w.d[1], 1);
	ck_assert_double_eq_tol(grad[m.w_off[0]], -0.6, 1e-12);
	ck_assert_double_eq_tol(grad[m.w_off[0] + 1], -0.2, 1e-12); /* h's bias: its delta */
	mlp_work_free(&w);
	mlp_free(&m);
}
END_TEST

/* q-l3r-deltas: on a 2-3-1 sigmoid net with random weights, the library's deltas and
 * gradients are what the four pairs say, computed here from its forward values. */
START_TEST(delta_recursion)
{
	const size_t sizes[] = {2, 3, 1};
	const Activation act[] = {ACT_SIGMOID, ACT_SIGMOID};
	const double x[2] = {0.7, -1.3}, target = 1;
	double *grad;
	Mlp m;
	MlpWork w;
	Rng r;
	size_t i, j;

	lt_load("level3/review.lesson");
	lt_states("pair: the output layer's δ | the loss's slope times the output squash's slope");
	lt_states("pair: a hidden layer's δ | the next deltas through the transposed weights, times σ'");
	lt_states("pair: a layer's ∂L/∂W | its deltas times the outputs of the layer before");
	lt_states("pair: a layer's ∂L/∂b | its deltas, nothing more");
	ck_assert_int_eq(mlp_init(&m, sizes, 2, act), NN_OK);
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	grad = mlp_alloc_params(&m);
	ck_assert_ptr_nonnull(grad);
	memset(grad, 0, m.n_params * sizeof *grad);
	rng_seed(&r, 9);
	for (i = 0; i < m.n_params; i++)
		m.params[i] = rng_range(&r, -1.5, 1.5);
	mlp_forward(&w, &m, x, 1);
	{
		/* the output's delta for the squared error: the loss's slope 2 (y - t) times
		 * the squash's slope y (1 - y) */
		double y = w.y[1][0], dout = 2 * (y - target) * y * (1 - y);
		const double *w2 = m.params + m.w_off[1];
		w.d[1][0] = dout;
		mlp_backward(grad, &w, &m, x, w.d[1], 1);
		for (j = 0; j < 3; j++) {
			double a = w.y[0][j], dh = w2[j] * dout * a * (1 - a);
			ck_assert_double_eq_tol(w.d[0][j], dh, 1e-14);
			for (i = 0; i < 2; i++) /* dL/dW1[j][i] = d1[j] x[i] */
				ck_assert_double_eq_tol(grad[m.w_off[0] + j * 2 + i], dh * x[i], 1e-14);
			ck_assert_double_eq_tol(grad[m.w_off[0] + 6 + j], dh, 1e-14); /* the bias */
			ck_assert_double_eq_tol(grad[m.w_off[1] + j], dout * a, 1e-14);
		}
		ck_assert_double_eq_tol(grad[m.w_off[1] + 3], dout, 1e-14);
	}
	free(grad);
	mlp_work_free(&w);
	mlp_free(&m);
}
END_TEST

/* Steps of the valley L = (a^2 + 10 b^2) / 2 from (-2.5, 1) at rate lr, momentum beta
 * (v = beta v + g, p -= lr v), until L <= 0.001; -1 after 1000 steps. */
static long valley_steps(double lr, double beta)
{
	double p[2] = {-2.5, 1}, v[2] = {0, 0};
	long t;
	int i;

	for (t = 1; t <= 1000; t++) {
		const double g[2] = {p[0], 10 * p[1]};
		for (i = 0; i < 2; i++) {
			v[i] = beta * v[i] + g[i];
			p[i] -= lr * v[i];
		}
		if ((p[0] * p[0] + 10 * p[1] * p[1]) / 2 <= 0.001)
			return t;
	}
	return -1;
}

/* q-l3r-step and q-l3r-optim: one step by hand and by the library's SGD; Adam moves a
 * weight with huge slopes as far as one with tiny slopes; momentum at 0.9 arrives after
 * plain descent on the valley at 0.1. */
START_TEST(step_and_optimizers)
{
	const double w0 = -1.2, g = 3, lr = 0.05;
	double p[2], gs[2];
	OptimConfig oc;
	Optim o;
	Surface s;
	const double start[2] = {-2.5, 1};
	long sgd, mom;
	int t;

	lt_load("level3/review.lesson");
	lt_quiz_answer_is("q-l3r-step", w0 - lr * g);
	lt_quiz_wrong("q-l3r-step", w0 + lr * g); /* moved up */
	lt_quiz_wrong("q-l3r-step", w0 - g);      /* the whole slope */
	lt_quiz_wrong("q-l3r-step", -lr * g);     /* the change alone */
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = lr;
	ck_assert_int_eq(optim_init(&o, &oc, 1), NN_OK);
	p[0] = w0;
	gs[0] = g;
	optim_step(&o, p, gs);
	ck_assert_double_eq_tol(p[0], -1.35, 1e-12);
	optim_free(&o);
	/* Adam: slopes of 1000 and 0.001, five steps: both weights move about 5 lr */
	optim_defaults(&oc, OPTIM_ADAM);
	oc.lr = 0.01;
	ck_assert_int_eq(optim_init(&o, &oc, 2), NN_OK);
	p[0] = p[1] = 0;
	for (t = 0; t < 5; t++) {
		gs[0] = 1000;
		gs[1] = 0.001;
		optim_step(&o, p, gs);
	}
	ck_assert_double_eq_tol(p[0], -0.05, 1e-6);
	ck_assert_double_eq_tol(p[1], -0.05, 1e-4);
	optim_free(&o);
	/* the race on the valley at 0.1: momentum 0.9 arrives after plain descent, by hand
	 * and by the library's walk */
	sgd = valley_steps(0.1, 0);
	mom = valley_steps(0.1, 0.9);
	ck_assert(sgd > 0 && mom > sgd);
	surface_defaults(&s, SURFACE_VALLEY);
	optim_defaults(&oc, OPTIM_SGD);
	oc.lr = 0.1;
	ck_assert_int_eq(surface_steps_to(&s, &oc, start, 0.001, 1000), sgd);
	optim_defaults(&oc, OPTIM_MOMENTUM);
	oc.lr = 0.1;
	oc.momentum = 0.9;
	ck_assert_int_eq(surface_steps_to(&s, &oc, start, 0.001, 1000), mom);
	lt_states("arriving after plain descent");
}
END_TEST

/* q-l3r-batch: at the least-squares line (Cramer's rule on the normal equations) the
 * full slope is 0 and every single point's slope is not, and no two are alike. */
START_TEST(batch_slopes)
{
	Surface s;
	double sx = 0, sy = 0, sxx = 0, sxy = 0, n, a, b, det, full[2], g[2], prev[2] = {0, 0};
	size_t i;

	lt_load("level3/review.lesson");
	lt_states("Descent Paths fitted a line to 24 points");
	surface_defaults(&s, SURFACE_LINE);
	ck_assert_uint_eq(s.n, 24);
	n = (double)s.n;
	for (i = 0; i < s.n; i++) {
		sx += s.x[i];
		sy += s.y[i];
		sxx += s.x[i] * s.x[i];
		sxy += s.x[i] * s.y[i];
	}
	det = sxx * n - sx * sx;
	a = (sxy * n - sx * sy) / det;
	b = (sxx * sy - sx * sxy) / det;
	{
		const double p[2] = {a, b};
		surface_value(full, &s, p);
		ck_assert(hypot(full[0], full[1]) < 1e-12);
		for (i = 0; i < s.n; i++) {
			double miss = a * s.x[i] + b - s.y[i];
			surface_batch_value(g, &s, p, &i, 1);
			ck_assert_double_eq_tol(g[0], 2 * miss * s.x[i], 1e-12);
			ck_assert_double_eq_tol(g[1], 2 * miss, 1e-12);
			ck_assert_msg(hypot(g[0], g[1]) > 1e-3, "point %zu's slope is 0", i);
			ck_assert(g[0] != prev[0] || g[1] != prev[1]);
			prev[0] = g[0];
			prev[1] = g[1];
		}
	}
}
END_TEST

/* A momentum walk on f = a^2 - b^2 at rate 0.01 from (a, b) for 200 steps; returns the
 * step where f first falls to -1 or below (-1: never) and leaves b in *b_end. */
static long saddle_walk(double a, double b, double beta, double *b_end)
{
	double v[2] = {0, 0}, p[2] = {a, b};
	long t, escaped = -1;
	int i;

	for (t = 1; t <= 200; t++) {
		const double g[2] = {2 * p[0], -2 * p[1]};
		for (i = 0; i < 2; i++) {
			v[i] = beta * v[i] + g[i];
			p[i] -= 0.01 * v[i];
		}
		if (escaped < 0 && p[0] * p[0] - p[1] * p[1] <= -1)
			escaped = t;
	}
	*b_end = p[1];
	return escaped;
}

/* q-l3r-saddle: plain descent stalls (b 0.05 after 200 steps), b = 0 and a = 3 do not
 * escape, momentum 0.9 escapes in about 70 steps; the library's walk agrees. */
START_TEST(saddle_escape)
{
	double b;
	long t;
	Surface s;
	OptimConfig oc;
	const double start[2] = {1.5, 0.001};

	lt_load("level3/review.lesson");
	ck_assert_int_eq(saddle_walk(1.5, 0.001, 0, &b), -1);
	ck_assert_msg(lt_round(b, 2) == 0.05, "b = %g", b);
	lt_states("After 200 steps b is only 0.05");
	ck_assert_int_eq(saddle_walk(1.5, 0, 0, &b), -1);
	ck_assert(b == 0);
	ck_assert_int_eq(saddle_walk(1.5, 0, 0.9, &b), -1);
	ck_assert_int_eq(saddle_walk(3, 0.001, 0, &b), -1);
	t = saddle_walk(1.5, 0.001, 0.9, &b);
	ck_assert_msg(t >= 65 && t <= 75, "momentum escapes at step %ld", t);
	lt_states("with β = 0.9 the walk escapes in about 70 steps");
	surface_defaults(&s, SURFACE_SADDLE);
	optim_defaults(&oc, OPTIM_MOMENTUM);
	oc.lr = 0.01;
	oc.momentum = 0.9;
	ck_assert_int_eq(surface_steps_to(&s, &oc, start, -1, 200), t);
}
END_TEST

/* q-l3r-softmax and q-l3r-pminusy: by hand with exp(), and by the library's softmax and
 * its cross-entropy backward. */
START_TEST(softmax_and_pminusy)
{
	const double z[3] = {3, 1, 1}, e2 = exp(2);
	double p[3], q[3], dz[3] = {0, 0, 0};
	const size_t truth = 2;
	const double probs[3] = {0.1, 0.6, 0.3};
	double logits[3];
	int i;

	lt_load("level3/review.lesson");
	lt_quiz_answer_is("q-l3r-softmax", e2 / (e2 + 2));
	lt_quiz_wrong("q-l3r-softmax", lt_round(3.0 / 5, 3));         /* logits / total */
	lt_quiz_wrong("q-l3r-softmax", lt_round(1 / (e2 + 2), 3));    /* another class */
	lt_quiz_wrong("q-l3r-softmax", lt_round(e2 / (e2 + 1), 3));   /* one class left out */
	lt_quiz_wrong("q-l3r-softmax", lt_round(1.0 / 3, 3));         /* equal shares */
	lt_says(e2, 3, "e² ≈ ");
	lt_says(1 / (e2 + 2), 3, "the other two classes get about ");
	loss_softmax(p, z, 3);
	ck_assert_double_eq_tol(p[0], e2 / (e2 + 2), 1e-15);
	ck_assert_double_eq_tol(p[1], 1 / (e2 + 2), 1e-15);
	/* p - y: logits ln p give the probabilities back; the library's gradient */
	for (i = 0; i < 3; i++)
		logits[i] = log(probs[i]);
	loss_softmax(q, logits, 3);
	loss_softmax_ce_backward(dz, 1, logits, &truth, 1, 3);
	for (i = 0; i < 3; i++) {
		ck_assert_double_eq_tol(q[i], probs[i], 1e-15);
		ck_assert_double_eq_tol(dz[i], probs[i] - (i == 2), 1e-15);
	}
	lt_quiz_answer_is("q-l3r-pminusy", dz[1]);
	lt_quiz_wrong("q-l3r-pminusy", lt_round(probs[1] - 1, 3)); /* taken as the true one */
	lt_quiz_wrong("q-l3r-pminusy", lt_round(dz[2], 3));        /* the true class's */
	lt_quiz_wrong("q-l3r-pminusy", 0);
	/* the largest of the three */
	ck_assert(dz[1] > dz[0] && dz[1] > dz[2]);
}
END_TEST

/* q-l3r-vanish: the sigmoid's slope is at most 0.25, at 0; five such factors, by hand
 * and through the library's backward pass on a chain of six one-neuron sigmoid layers
 * whose totals are all 0 and whose weights are all 1. */
START_TEST(vanishing)
{
	const size_t sizes[] = {1, 1, 1, 1, 1, 1, 1};
	const Activation act[] = {ACT_SIGMOID, ACT_SIGMOID, ACT_SIGMOID,
				  ACT_SIGMOID, ACT_SIGMOID, ACT_SIGMOID};
	double best = 0, at = 1, grad[12] = {0}, x = 0, z;
	Mlp m;
	MlpWork w;
	size_t l;

	lt_load("level3/review.lesson");
	for (z = -10; z <= 10; z += 0.001) {
		double s = sigmoid(z) * (1 - sigmoid(z));
		if (s > best) {
			best = s;
			at = z;
		}
	}
	ck_assert(fabs(best - 0.25) < 1e-12 && fabs(at) < 1e-9);
	lt_quiz_answer_is("q-l3r-vanish", pow(0.25, 5));
	lt_quiz_wrong("q-l3r-vanish", 5 * 0.25);                /* added */
	lt_quiz_wrong("q-l3r-vanish", lt_round(pow(0.25, 4), 6)); /* four factors */
	lt_quiz_wrong("q-l3r-vanish", 0.25);                    /* one */
	ck_assert_double_eq(pow(0.25, 5), 1.0 / 1024);
	lt_states("0.25⁵ = 1/1024 ≈ 0.000977");
	ck_assert(pow(0.25, 10) > 0.5e-6 && pow(0.25, 10) < 2e-6); /* "about a millionth" */
	ck_assert_int_eq(mlp_init(&m, sizes, 6, act), NN_OK);
	ck_assert_int_eq(mlp_work_init(&w, &m, 1, SIMD_PORTABLE, 0), NN_OK);
	for (l = 0; l < 6; l++) {
		m.params[m.w_off[l]] = 1;
		m.params[m.w_off[l] + 1] = l ? -0.5 : 0; /* the total 0.5 - 0.5 */
	}
	mlp_forward(&w, &m, &x, 1);
	for (l = 0; l < 6; l++)
		ck_assert(fabs(w.z[l][0]) < 1e-15);
	w.d[5][0] = 1;
	mlp_backward(grad, &w, &m, &x, w.d[5], 1);
	ck_assert_double_eq_tol(grad[m.w_off[0] + 1], pow(0.25, 5), 1e-15);
	mlp_work_free(&w);
	mlp_free(&m);
}
END_TEST

/* Quiz id of the review (the first quiz for NULL). */
static const Quiz *quiz_of(const char *id)
{
	return lt_quiz(id);
}

/* How many of recall quiz id's terms text names (any of a term's alternatives). */
static int terms_named(const char *id, const char *text)
{
	const Quiz *q = quiz_of(id);
	size_t t, a;
	int named = 0;

	for (t = 0; t < q->nterms; t++) {
		bool hit = false;
		for (a = 0; a < q->terms[t].nalts; a++)
			hit = hit || quiz_term_mentioned(text, q->terms[t].alts[a]);
		named += hit;
	}
	return named;
}

/* q-l3r-why-vanish: the model answer names every term, the screen test's first try one
 * of the two needed, its second try all three. */
START_TEST(recall_terms)
{
	lt_load("level3/review.lesson");
	ck_assert_int_eq(quiz_of("q-l3r-why-vanish")->need, 2);
	ck_assert_uint_eq(quiz_of("q-l3r-why-vanish")->nterms, 3);
	ck_assert_int_eq(terms_named("q-l3r-why-vanish",
				     "on its way back the gradient is multiplied, layer after layer, "
				     "by the sigmoid's slope, which is at most a quarter, and by the "
				     "weights; many factors below 1 multiply to almost nothing"),
			 3);
	lt_states("explain: A good answer: on its way back the gradient is multiplied, layer "
		  "after layer, by the sigmoid's slope, which is at most a quarter, and by the "
		  "weights; many factors below 1 multiply to almost nothing.");
	ck_assert_int_eq(terms_named("q-l3r-why-vanish", "it gets smaller"), 1);
	ck_assert_int_eq(terms_named("q-l3r-why-vanish",
				     "each layer multiplies it by the slope of the sigmoid, at most a "
				     "quarter, and many small factors leave almost nothing"),
			 3);
}
END_TEST

/* q-l3r-bottleneck, q-l3r-attention, q-l3r-block: a GRU encoder hands on a state of its
 * hidden size after 3 words and after 11, and every word moves it; attention gives each
 * decoder step its own weights over all the encoder's states, adding up to 1 (checked
 * against a softmax by hand); without positions, attention cannot tell the order:
 * shuffling the words shuffles its outputs the same way. */
START_TEST(sequences)
{
	enum { IN = 4, HID = 8, D = 8, TQ = 4, TK = 6 };
	static double x[11 * IN], y[11 * HID], work[4096], wx[3 * HID * IN], wh[3 * HID * HID],
		bx[3 * HID], bh[3 * HID];
	double q[TQ * D], k[TK * D], v[TK * D], out[TK * D], p[TK * TK], out2[TK * D], p2[TK * TK];
	double c[HID];
	const size_t lens[2] = {3, 11};
	Rng r;
	size_t i, j, t, len;

	rng_seed(&r, 21);
	for (i = 0; i < 3 * HID * IN; i++)
		wx[i] = rng_range(&r, -0.5, 0.5);
	for (i = 0; i < 3 * HID * HID; i++)
		wh[i] = rng_range(&r, -0.5, 0.5);
	for (i = 0; i < 3 * HID; i++)
		bx[i] = bh[i] = 0;
	for (len = 0; len < 2; len++) {
		const RecurShape sh = {lens[len], 1, IN, HID};
		ck_assert(gru_work_size(&sh) <= sizeof work / sizeof *work);
		for (i = 0; i < lens[len] * IN; i++)
			x[i] = rng_range(&r, -1, 1);
		gru_forward(y, work, x, NULL, wx, wh, bx, bh, &sh);
		memcpy(c, y + (lens[len] - 1) * HID, sizeof c); /* the context: HID numbers */
		for (t = 0; t < lens[len]; t++) { /* every word moves it */
			double moved = 0;
			x[t * IN] += 0.5;
			gru_forward(y, work, x, NULL, wx, wh, bx, bh, &sh);
			x[t * IN] -= 0.5;
			for (j = 0; j < HID; j++)
				moved += fabs(y[(lens[len] - 1) * HID + j] - c[j]);
			ck_assert_msg(moved > 1e-6, "word %zu of %zu does not reach the context", t,
				      lens[len]);
		}
	}
	/* attention: TQ decoder steps over TK encoder states */
	for (i = 0; i < TQ * D; i++)
		q[i] = rng_range(&r, -1, 1);
	for (i = 0; i < TK * D; i++) {
		k[i] = rng_range(&r, -1, 1);
		v[i] = rng_range(&r, -1, 1);
	}
	{
		const AttnShape as = {1, TQ, TK, D, D, 0};
		attention_forward(out, p, q, k, v, &as);
		for (i = 0; i < TQ; i++) {
			double s[TK], total = 0, sum = 0;
			for (j = 0; j < TK; j++) {
				double dot = 0;
				for (t = 0; t < D; t++)
					dot += q[i * D + t] * k[j * D + t];
				total += s[j] = exp(dot / sqrt(D));
			}
			for (j = 0; j < TK; j++) {
				ck_assert_double_eq_tol(p[i * TK + j], s[j] / total, 1e-14);
				ck_assert(p[i * TK + j] > 0);
				sum += p[i * TK + j];
			}
			ck_assert_double_eq_tol(sum, 1, 1e-14);
			for (t = 0; t < D; t++) {
				double mix = 0;
				for (j = 0; j < TK; j++)
					mix += p[i * TK + j] * v[j * D + t];
				ck_assert_double_eq_tol(out[i * D + t], mix, 1e-14);
			}
			if (i) /* a mix of its own at each step */
				ck_assert(fabs(p[i * TK] - p[(i - 1) * TK]) > 1e-9);
		}
	}
	{
		/* self-attention over TK words, then over the same words reversed */
		const AttnShape as = {1, TK, TK, D, D, 0};
		double rev[TK * D];
		attention_forward(out, p, k, k, k, &as);
		for (i = 0; i < TK; i++)
			memcpy(rev + i * D, k + (TK - 1 - i) * D, D * sizeof *rev);
		attention_forward(out2, p2, rev, rev, rev, &as);
		for (i = 0; i < TK; i++)
			for (t = 0; t < D; t++)
				ck_assert_double_eq_tol(out2[i * D + t], out[(TK - 1 - i) * D + t], 1e-14);
	}
	lt_load("level3/review.lesson");
	lt_states("attention alone cannot tell the word order");
}
END_TEST

/* The right answers of q as text: a numeric answer as %g, each right choice, each
 * pair's right side (order and recall: none); returns how many. */
static size_t answers_of(const Quiz *q, char (*out)[256], size_t max)
{
	size_t n = 0, i;

	if (q->kind == QUIZ_NUMERIC)
		snprintf(out[n++], sizeof out[0], "%g", q->answer);
	if (q->kind == QUIZ_SINGLE || q->kind == QUIZ_MULTI)
		for (i = 0; i < q->nchoices; i++)
			if (q->choices[i].right) {
				ck_assert(n < max);
				lt_flat(out[n++], sizeof out[0], &q->choices[i].text);
			}
	for (i = 0; i < q->npairs; i++) {
		ck_assert(n < max);
		lt_flat(out[n++], sizeof out[0], &q->pairs[i].right);
	}
	return n;
}

/* Appends text t and a space to buf. */
static void append(char *buf, size_t size, const Text *t)
{
	char one[1024];
	size_t have = strlen(buf);

	lt_flat(one, sizeof one, t);
	ck_assert(have + strlen(one) + 2 < size);
	snprintf(buf + have, size - have, "%s ", one);
}

/* All of q's wrong-answer feedback, one string. */
static const char *feedback_of(char *buf, size_t size, const Quiz *q)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < q->nchoices; i++)
		append(buf, size, &q->choices[i].feedback);
	for (i = 0; i < q->npairs; i++)
		append(buf, size, &q->pairs[i].feedback);
	for (i = 0; i < q->nwrongs; i++)
		append(buf, size, &q->wrongs[i].feedback);
	for (i = 0; i < q->nterms; i++)
		append(buf, size, &q->terms[i].feedback);
	return buf;
}

/* Whether text holds answer a: a number not as part of a longer one, or a phrase. */
static bool holds(const char *text, const char *a)
{
	const char *f;
	bool number = strspn(a, "-0123456789.") == strlen(a);

	for (f = strstr(text, a); f; f = strstr(f + 1, a)) {
		char before = f > text ? f[-1] : ' ', after = f[strlen(a)];
		if (!number)
			return true;
		if (!strchr("-0123456789.", before) && !(after >= '0' && after <= '9') &&
		    !(after == '.' && f[strlen(a) + 1] >= '0' && f[strlen(a) + 1] <= '9'))
			return true;
	}
	return false;
}

/* The review's rules: no quiz's wrong-answer feedback holds another quiz's answer, and
 * no explanation holds the answer of the question right after it; at least ten
 * questions, of all six kinds. */
START_TEST(no_answer_given_away)
{
	const Quiz *qs[32];
	const Lesson *parsed;
	size_t n = 0, u, b, i, j, a, nans;
	static char answers[8][256], fb[8192], ex[2048];
	unsigned kinds = 0;

	lt_load("level3/review.lesson");
	parsed = lt_lesson();
	for (u = 0; u < parsed->nunits; u++)
		for (b = 0; b < parsed->units[u].nblocks; b++)
			if (parsed->units[u].blocks[b].kind == BLOCK_QUIZ) {
				ck_assert(n < 32);
				qs[n++] = &parsed->units[u].blocks[b].quiz;
			}
	ck_assert_uint_ge(n, 10);
	for (i = 0; i < n; i++)
		kinds |= 1u << qs[i]->kind;
	ck_assert_uint_eq(kinds, (1u << (QUIZ_RECALL + 1)) - 1);
	for (i = 0; i < n; i++) {
		feedback_of(fb, sizeof fb, qs[i]);
		lt_flat(ex, sizeof ex, &qs[i]->explain);
		ck_assert_msg(ex[0] != '\0', "%s has no explanation", qs[i]->id);
		for (j = 0; j < n; j++) {
			if (i == j)
				continue;
			nans = answers_of(qs[j], answers, 8);
			for (a = 0; a < nans; a++) {
				ck_assert_msg(!holds(fb, answers[a]), "%s's feedback gives away %s's \"%s\"",
					      qs[i]->id, qs[j]->id, answers[a]);
				ck_assert_msg(j != i + 1 || !holds(ex, answers[a]),
					      "%s's explanation gives away %s's \"%s\"", qs[i]->id,
					      qs[j]->id, answers[a]);
			}
		}
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("l3_review");
	TCase *tc = tcase_create("review");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, chain_rule);
	tcase_add_test(tc, delta_recursion);
	tcase_add_test(tc, step_and_optimizers);
	tcase_add_test(tc, batch_slopes);
	tcase_add_test(tc, saddle_escape);
	tcase_add_test(tc, softmax_and_pminusy);
	tcase_add_test(tc, vanishing);
	tcase_add_test(tc, recall_terms);
	tcase_add_test(tc, sequences);
	tcase_add_test(tc, no_answer_given_away);
	suite_add_tcase(s, tc);
	return test_main(s);
}
