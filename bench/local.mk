# bench/: benchmarks run by "make bench" (never by "make check").
# bench-nn: the standard workloads of the math library (bench/README in the shared
# folder): the spiral, SGD lr 0.015, batches of 10 rows in file order, 200 epochs;
# A is 2-8-8-1, B is 2-64-64-1. bench/run.sh runs each NN_BENCH_REPEAT times through
# "neuronauts lab" and prints the median speed with the final loss and accuracy
# checked against the known ones (then once more on the portable kernels).
NN_BENCH_REPEAT = 5
EXTRA_DIST += bench/run.sh bench/data/spiral.csv bench/data/init_2881.txt \
	bench/data/init_2_64_64_1.txt
bench: bench-nn
bench-nn: src/neuronauts
	@$(SHELL) $(srcdir)/bench/run.sh ./src/neuronauts $(srcdir)/bench/data \
		$(NN_BENCH_REPEAT)
.PHONY: bench bench-nn
