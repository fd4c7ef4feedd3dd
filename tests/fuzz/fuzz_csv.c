/* fuzz_csv.c: the libFuzzer target for the CSV reader: any bytes as a dataset file;
 * what loads has a sane shape, and saved and loaded again it gives back the same
 * points and labels bit for bit. Links src/nn only. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "nn/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[4096], out[4096];
	Dataset d, e;
	CsvError err;
	NnStatus st;
	size_t i;

	snprintf(in, sizeof in, "%s", fuzz_tmp_write("in.csv", data, size));
	snprintf(out, sizeof out, "%s", fuzz_tmp_path("out.csv"));
	st = csv_load(&d, in, &err);
	if (st != NN_OK) {
		FUZZ_ASSERT(st == NN_ERR_PARSE || st == NN_ERR_NOMEM);
		FUZZ_ASSERT(d.n == 0 && d.x == NULL && d.label == NULL);
		FUZZ_ASSERT(err.what != CSV_OK || st == NN_ERR_NOMEM);
		FUZZ_ASSERT(err.what == CSV_ERR_NO_ROWS || err.line >= 1);
		return 0;
	}
	FUZZ_ASSERT(d.n >= 1 && d.dim >= 1 && d.x && d.label);
	for (i = 0; i < d.n * d.dim; i++)
		FUZZ_ASSERT(isfinite(d.x[i]));
	for (i = 0; i < d.n; i++)
		FUZZ_ASSERT(isfinite(d.label[i]));

	FUZZ_ASSERT(csv_save(out, &d) == NN_OK);
	FUZZ_ASSERT(csv_load(&e, out, &err) == NN_OK);
	FUZZ_ASSERT(e.n == d.n && e.dim == d.dim);
	FUZZ_ASSERT(memcmp(e.x, d.x, d.n * d.dim * sizeof *d.x) == 0);
	FUZZ_ASSERT(memcmp(e.label, d.label, d.n * sizeof *d.label) == 0);
	data_free(&d);
	data_free(&e);
	return 0;
}
