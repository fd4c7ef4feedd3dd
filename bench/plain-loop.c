/* plain-loop.c: the standard workloads A and B (bench/README in the shared folder) as a
 * straightforward C program, one example at a time: the yardstick "plain C, gcc -O2"
 * that make bench sets "neuronauts lab" beside. Independent of src/: libc and libm only.
 * Usage: plain-loop SPIRAL.csv INIT.txt HIDDEN (a 2-HIDDEN-HIDDEN-1 network). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { N = 1000, MAXH = 64, BATCH = 10, EPOCHS = 200 };
#define LR 0.015

static double X[N][2], T[N];
static size_t H;
/* the network y = sigmoid(W3 tanh(W2 tanh(W1 x + b1) + b2) + b3), W as [out][in] */
static double W1[MAXH][2], b1[MAXH], W2[MAXH][MAXH], b2[MAXH], W3[MAXH], b3;
/* their gradients, summed over a batch */
static double gW1[MAXH][2], gb1[MAXH], gW2[MAXH][MAXH], gb2[MAXH], gW3[MAXH], gb3;

static void die(const char *what, const char *path)
{
	fprintf(stderr, "plain-loop: %s: %s\n", path, what);
	exit(1);
}

/* The spiral: a header line, then N lines "x1,x2,label". */
static void read_data(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	size_t i;

	if (!f || !fgets(line, sizeof line, f))
		die("cannot read", path);
	for (i = 0; i < N; i++)
		if (fscanf(f, "%lf,%lf,%lf", &X[i][0], &X[i][1], &T[i]) != 3)
			die("fewer rows than 1000", path);
	fclose(f);
}

/* The next number of an init file, skipping '#' comment lines. */
static double next_number(FILE *f, const char *path)
{
	double v;
	int c;

	for (;;) {
		c = getc(f);
		while (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			c = getc(f);
		if (c != '#')
			break;
		while (c != '\n' && c != EOF)
			c = getc(f);
	}
	if (c == EOF)
		die("too few numbers", path);
	ungetc(c, f);
	if (fscanf(f, "%lf", &v) != 1)
		die("not a number", path);
	return v;
}

/* W1, b1, W2, b2, W3, b3 in that order, W row by row. */
static void read_init(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t i, j;

	if (!f)
		die("cannot open", path);
	for (j = 0; j < H; j++)
		for (i = 0; i < 2; i++)
			W1[j][i] = next_number(f, path);
	for (j = 0; j < H; j++)
		b1[j] = next_number(f, path);
	for (j = 0; j < H; j++)
		for (i = 0; i < H; i++)
			W2[j][i] = next_number(f, path);
	for (j = 0; j < H; j++)
		b2[j] = next_number(f, path);
	for (i = 0; i < H; i++)
		W3[i] = next_number(f, path);
	b3 = next_number(f, path);
	fclose(f);
}

/* One example forward; keeps the hidden outputs in h1, h2; returns the output. */
static double forward(const double *x, double *h1, double *h2)
{
	size_t i, j;
	double z;

	for (j = 0; j < H; j++)
		h1[j] = tanh(W1[j][0] * x[0] + W1[j][1] * x[1] + b1[j]);
	for (j = 0; j < H; j++) {
		z = b2[j];
		for (i = 0; i < H; i++)
			z += W2[j][i] * h1[i];
		h2[j] = tanh(z);
	}
	z = b3;
	for (i = 0; i < H; i++)
		z += W3[i] * h2[i];
	return 1.0 / (1.0 + exp(-z));
}

/* One example backward for the loss mean (o-t)^2 over a batch: adds its gradient. */
static void backward(const double *x, double t, const double *h1, const double *h2, double o)
{
	double d3 = 2.0 * (o - t) / BATCH * o * (1.0 - o), d2[MAXH], d1[MAXH] = {0};
	size_t i, j;

	for (j = 0; j < H; j++) {
		gW3[j] += d3 * h2[j];
		d2[j] = d3 * W3[j] * (1.0 - h2[j] * h2[j]);
	}
	gb3 += d3;
	for (j = 0; j < H; j++) {
		for (i = 0; i < H; i++) {
			gW2[j][i] += d2[j] * h1[i];
			d1[i] += d2[j] * W2[j][i];
		}
		gb2[j] += d2[j];
	}
	for (i = 0; i < H; i++) {
		d1[i] *= 1.0 - h1[i] * h1[i];
		gW1[i][0] += d1[i] * x[0];
		gW1[i][1] += d1[i] * x[1];
		gb1[i] += d1[i];
	}
}

/* W -= LR g for every parameter, and the gradient back to zero. */
static void update(void)
{
	size_t i, j;

	for (j = 0; j < H; j++) {
		for (i = 0; i < 2; i++)
			W1[j][i] -= LR * gW1[j][i];
		for (i = 0; i < H; i++)
			W2[j][i] -= LR * gW2[j][i];
		b1[j] -= LR * gb1[j];
		b2[j] -= LR * gb2[j];
		W3[j] -= LR * gW3[j];
	}
	b3 -= LR * gb3;
	memset(gW1, 0, sizeof gW1);
	memset(gW2, 0, sizeof gW2);
	memset(gb1, 0, sizeof gb1);
	memset(gb2, 0, sizeof gb2);
	memset(gW3, 0, sizeof gW3);
	gb3 = 0.0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	double h1[MAXH], h2[MAXH], o, loss = 0.0, t0, seconds;
	size_t e, i, k, right = 0;

	if (argc != 4 || (H = strtoul(argv[3], NULL, 10)) == 0 || H > MAXH) {
		fprintf(stderr, "usage: plain-loop SPIRAL.csv INIT.txt HIDDEN (1 to %d)\n", MAXH);
		return 2;
	}
	read_data(argv[1]);
	read_init(argv[2]);
	t0 = now();
	for (e = 0; e < EPOCHS; e++)
		for (i = 0; i < N; i += BATCH) {
			for (k = i; k < i + BATCH; k++) {
				o = forward(X[k], h1, h2);
				backward(X[k], T[k], h1, h2, o);
			}
			update();
		}
	seconds = now() - t0;
	for (k = 0; k < N; k++) {
		o = forward(X[k], h1, h2);
		loss += (o - T[k]) * (o - T[k]);
		right += (o > 0.5) == (T[k] > 0.5);
	}
	printf("examples=%d seconds=%.6f examples_per_sec=%.0f loss=%.17g accuracy=%.6g\n",
	       EPOCHS * N, seconds, EPOCHS * N / seconds, loss / N, (double)right / N);
	return 0;
}
