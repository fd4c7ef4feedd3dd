/* fuzz_tape.c: the libFuzzer target for the autodiff tape's expression parser: any
 * bytes as an expression; it parses into a tape of at most TAPE_MAX_NODES nodes whose
 * inputs come before them, or is refused with an empty tape and a place inside the
 * text; what parses sweeps forward, backward and in forward mode, and where every
 * value, adjoint and tangent is moderate (below 1e3, so rounding stays small) the
 * reverse sweep's gradient equals forward mode's. Links src/nn only. */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "nn/tape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const double at[TAPE_VARS] = {0.5, 2, -0.5};
	char text[TAPE_MAX_TEXT + 2];
	size_t len = size < sizeof text - 1 ? size : sizeof text - 1;
	double g[TAPE_VARS];
	TapeError e;
	Tape t;
	int i, v;

	memcpy(text, data, len);
	text[len] = '\0';
	if (tape_parse(&t, text, at, &e) != NN_OK) {
		FUZZ_ASSERT(t.n == 0);
		FUZZ_ASSERT(e.what != TAPE_PARSE_OK);
		FUZZ_ASSERT(e.at <= strlen(text));
		return 0;
	}
	FUZZ_ASSERT(t.n >= 1 && t.n <= TAPE_MAX_NODES);
	for (i = 0; i < t.n; i++) {
		FUZZ_ASSERT(t.node[i].a < i && t.node[i].b < i);
		FUZZ_ASSERT((unsigned)t.node[i].op < TAPE_OPS);
	}
	if (tape_forward(&t) != NN_OK)
		return 0;
	tape_reverse(&t, g);
	for (v = 0; v < TAPE_VARS; v++) {
		double d = tape_tangent(&t, v);
		bool moderate = true;
		for (i = 0; i < t.n; i++)
			moderate = moderate && fabs(t.node[i].value) < 1e3 &&
				   fabs(t.node[i].adjoint) < 1e3 && fabs(t.node[i].tangent) < 1e3;
		if (moderate)
			FUZZ_ASSERT(fabs(d - g[v]) <= 1e-8 * (1 + fabs(d)));
	}
	return 0;
}
