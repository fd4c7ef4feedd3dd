/* fuzz_weights.c: the libFuzzer target for the weights reader: any bytes as a
 * weights file for the net its first line names ("# Parameters of an MLP 2-8-1", as
 * mlp_save writes it; 2-3-1 when there is none); what loads is finite, and saved and
 * loaded again it gives back the same parameters bit for bit. Links src/nn only. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "nn/mlp-io.h"

#define MAX_LAYERS 4
#define MAX_WIDTH  64

/* The widths of "# Parameters of an MLP A-B-..." at the start of the input, each
 * 1..MAX_WIDTH; returns the number of layers, or 0 when there is no such line. */
static size_t read_shape(const uint8_t *data, size_t size, size_t *sizes)
{
	static const char head[] = "# Parameters of an MLP ";
	size_t i = sizeof head - 1, n = 0;

	if (size < i || memcmp(data, head, i) != 0)
		return 0;
	for (;;) {
		size_t w = 0, digits = 0;
		for (; i < size && data[i] >= '0' && data[i] <= '9' && digits < 3; i++, digits++)
			w = w * 10 + (size_t)(data[i] - '0');
		if (!digits || w < 1 || w > MAX_WIDTH || n == MAX_LAYERS + 1)
			return 0;
		sizes[n++] = w;
		if (i == size || data[i] != '-')
			break;
		i++;
	}
	return n >= 2 ? n - 1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const Activation acts[MAX_LAYERS] = {ACT_TANH, ACT_RELU, ACT_SIGMOID, ACT_LINEAR};
	size_t sizes[MAX_LAYERS + 1], layers = read_shape(data, size, sizes), i;
	char in[4096], out[4096];
	Mlp m, m2;
	MlpIoError err;
	NnStatus st;

	if (!layers) { /* no shape line: a 2-3-1 net */
		layers = 2;
		sizes[0] = 2;
		sizes[1] = 3;
		sizes[2] = 1;
	}
	snprintf(in, sizeof in, "%s", fuzz_tmp_write("in.weights", data, size));
	snprintf(out, sizeof out, "%s", fuzz_tmp_path("out.weights"));
	FUZZ_ASSERT(mlp_init(&m, sizes, layers, acts) == NN_OK);
	FUZZ_ASSERT(mlp_init(&m2, sizes, layers, acts) == NN_OK);
	st = mlp_load(&m, in, &err);
	if (st != NN_OK) {
		FUZZ_ASSERT(st == NN_ERR_PARSE || st == NN_ERR_SHAPE || st == NN_ERR_NOMEM);
		FUZZ_ASSERT(err.what != MLPIO_OK && err.what != MLPIO_ERR_OPEN);
		FUZZ_ASSERT(err.what == MLPIO_ERR_SHORT || err.line >= 1);
		FUZZ_ASSERT(err.what != MLPIO_ERR_SHORT || err.found < err.expected);
	} else {
		for (i = 0; i < m.n_params; i++)
			FUZZ_ASSERT(isfinite(m.params[i]));
		FUZZ_ASSERT(mlp_save(out, &m, "fuzz") == NN_OK);
		FUZZ_ASSERT(mlp_load(&m2, out, &err) == NN_OK);
		FUZZ_ASSERT(memcmp(m.params, m2.params, m.n_params * sizeof *m.params) == 0);
	}
	mlp_free(&m);
	mlp_free(&m2);
	return 0;
}
