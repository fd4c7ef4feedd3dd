# bench/: benchmarks run by "make bench" (never by "make check").
# bench-nn: the standard workloads of the math library (bench/README in the shared
# folder): the spiral, SGD lr 0.015, batches of 10 rows in file order, 200 epochs;
# A is 2-8-8-1, B is 2-64-64-1. bench/run.sh runs each NN_BENCH_REPEAT times through
# "neuronauts lab" and prints the median speed with the final loss and accuracy
# checked against the known ones (then once more on the portable kernels), beside the
# plain C loop bench/plain-loop.c (one example at a time, -O2, independent of src/) run
# in turn with it: the table of both speeds and their ratio.
NN_BENCH_REPEAT = 5
# The program the scripted benchmarks measure: "make bench BENCH_PROGRAM=/old/neuronauts"
# runs the same measurements on another build, for a before-and-after table.
BENCH_PROGRAM = ./src/neuronauts
EXTRA_DIST += bench/run.sh bench/data/spiral.csv bench/data/init_2881.txt \
	bench/data/init_2_64_64_1.txt
EXTRA_PROGRAMS += bench/plain-loop
CLEANFILES += bench/plain-loop
bench_plain_loop_SOURCES = bench/plain-loop.c
bench_plain_loop_CFLAGS = $(AM_CFLAGS) -O2
bench_plain_loop_LDADD = -lm
bench: bench-nn
bench-nn: src/neuronauts bench/plain-loop
	@$(SHELL) $(srcdir)/bench/run.sh $(BENCH_PROGRAM) $(srcdir)/bench/data \
		$(NN_BENCH_REPEAT) ./bench/plain-loop
.PHONY: bench bench-nn
