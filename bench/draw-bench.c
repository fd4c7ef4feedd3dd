/* draw-bench.c: times one frame of the largest drawings: the 2-8-8-1 network diagram at
 * 80x16, a 200x60 decision-boundary heat map with 1000 points, and a 4-series line chart
 * of 2000 points per series; prints microseconds per frame. Links the draw layer only. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "draw/netdiag.h"
#include "draw/plot.h"

#define MIN_SECONDS 0.5 /* each case repeats until it has run this long */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A small deterministic generator: uniform in [0, 1). */
static double uniform(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return ((*s >> 8) & 0xFFFF) / 65536.0;
}

typedef struct {
	Grid g;
	NetDiag nd;
	Plot plot;
	NetDiagSpec spec;
	double *field, *px, *py, *series[4];
	int *cls;
	PlotSeries lines[4];
	int fw, fh;
	Caps caps;
} Bench;

static int sizes[4] = {2, 8, 8, 1};
static double w0[16], w1[64], w2[8], a0[2] = {0.5, -1}, a1[8], a2[8], a3[1] = {0.93};
static const double *ws[3] = {w0, w1, w2}, *as[4] = {a0, a1, a2, a3};

static int frame_netdiag(Bench *b)
{
	grid_clear(&b->g, STYLE_NORMAL);
	return netdiag_draw(&b->nd, &b->g, 0, 0, 80, 16, &b->spec, b->caps);
}

static int frame_heatmap(Bench *b)
{
	static const PlotOpts o = {-1.5, 1.5, -1.5, 1.5, false, true, NULL, NULL};

	grid_clear(&b->g, STYLE_NORMAL);
	return plot_field_chart(&b->plot, &b->g, 0, 0, 200, 60, &o, b->field, b->fw, b->fh, 0,
				b->px, b->py, b->cls, 1000, b->caps);
}

static int frame_lines(Bench *b)
{
	grid_clear(&b->g, STYLE_NORMAL);
	return plot_line_chart(&b->plot, &b->g, 0, 0, 120, 30, NULL, b->lines, 4, b->caps);
}

/* Runs f until MIN_SECONDS have passed; returns microseconds per call. */
static double time_it(int (*f)(Bench *), Bench *b)
{
	double t0, t;
	long n = 0, batch = 16;

	f(b); /* warm up: the canvas is allocated here, once */
	t0 = now();
	do {
		long i;
		for (i = 0; i < batch; i++)
			if (f(b) != 0)
				return -1;
		n += batch;
		t = now() - t0;
		batch *= 2;
	} while (t < MIN_SECONDS);
	return t / (double)n * 1e6;
}

static int setup(Bench *b)
{
	unsigned s = 1;
	int i, j, k;

	b->caps = (Caps){true, 256};
	if (grid_init(&b->g, 200, 60) != 0)
		return -1;
	netdiag_init(&b->nd);
	plot_init(&b->plot);
	for (i = 0; i < 16; i++)
		w0[i] = sin(i * 1.7);
	for (i = 0; i < 64; i++)
		w1[i] = sin(i * 2.3) * (i % 3) / 2;
	for (i = 0; i < 8; i++) {
		w2[i] = cos(i);
		a1[i] = tanh(sin(i * 0.9));
		a2[i] = tanh(cos(i * 1.3));
	}
	b->spec = (NetDiagSpec){.nlayers = 4, .sizes = sizes, .weights = ws, .values = as,
				.wave = NETDIAG_WAVE_FORWARD, .wave_pos = 1.5,
				.focus_layer = -1, .focus_neuron = -1};
	/* The field at the heat map's own resolution: two samples a cell. */
	b->fw = 200;
	b->fh = 120;
	b->field = malloc((size_t)b->fw * (size_t)b->fh * sizeof *b->field);
	b->px = malloc(1000 * sizeof *b->px);
	b->py = malloc(1000 * sizeof *b->py);
	b->cls = malloc(1000 * sizeof *b->cls);
	if (!b->field || !b->px || !b->py || !b->cls)
		return -1;
	for (j = 0; j < b->fh; j++)
		for (i = 0; i < b->fw; i++) {
			double x = -1.5 + 3.0 * (i + 0.5) / b->fw,
			       y = 1.5 - 3.0 * (j + 0.5) / b->fh;
			b->field[j * b->fw + i] = tanh(3 * sin(2 * x) * cos(2 * y));
		}
	for (k = 0; k < 1000; k++) {
		b->px[k] = -1.5 + 3 * uniform(&s);
		b->py[k] = -1.5 + 3 * uniform(&s);
		b->cls[k] = sin(2 * b->px[k]) * cos(2 * b->py[k]) > 0;
	}
	for (k = 0; k < 4; k++) {
		if (!(b->series[k] = malloc(2000 * sizeof *b->series[k])))
			return -1;
		for (i = 0; i < 2000; i++)
			b->series[k][i] =
			    (0.7 + 0.1 * k) * exp(-i / (300.0 + 150 * k)) + 0.02 * uniform(&s);
		b->lines[k] = (PlotSeries){NULL, NULL, b->series[k], 2000, COLOUR_NONE};
	}
	return 0;
}

static void teardown(Bench *b)
{
	int k;

	for (k = 0; k < 4; k++)
		free(b->series[k]);
	free(b->field);
	free(b->px);
	free(b->py);
	free(b->cls);
	plot_free(&b->plot);
	netdiag_free(&b->nd);
	grid_free(&b->g);
}

int main(void)
{
	static const struct {
		const char *name;
		int (*frame)(Bench *);
	} cases[] = {
	    {"network diagram 2-8-8-1, 80x16", frame_netdiag},
	    {"heat map 200x60 with 1000 points", frame_heatmap},
	    {"line chart 120x30, 4 series x 2000 points", frame_lines},
	};
	Bench b = {0};
	size_t i;
	int status = 0;

	if (setup(&b) != 0) {
		fprintf(stderr, "draw-bench: out of memory\n");
		teardown(&b);
		return 1;
	}
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		double us = time_it(cases[i].frame, &b);
		if (us < 0) {
			fprintf(stderr, "draw-bench: %s failed\n", cases[i].name);
			status = 1;
			continue;
		}
		printf("%-44s %8.1f us/frame\n", cases[i].name, us);
	}
	teardown(&b);
	return status;
}
