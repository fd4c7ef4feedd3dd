# bench/nn2.mk: the layer models' benchmark (issue 16): a CNN on glyph images, the GRU
# encoder-decoder on the sentence pairs, a one-block Transformer, one training step of
# each demo model; wall and CPU seconds against the goals (make bench-nn2).
EXTRA_PROGRAMS += bench/nn2-bench
CLEANFILES += bench/nn2-bench
bench_nn2_bench_SOURCES = bench/nn2-bench.c
bench_nn2_bench_CFLAGS = $(AM_CFLAGS) -ffp-contract=off
bench_nn2_bench_LDADD = src/nn/libnn.a -lm
bench: bench-nn2
bench-nn2: bench/nn2-bench
	@./bench/nn2-bench
.PHONY: bench-nn2
