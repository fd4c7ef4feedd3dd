# bench/models.mk: the small models a lesson trains live (GAN, VAE, flow, mixture of
# experts, skip-gram, message passing, the loss surfaces, the autoencoder, the U-Nets):
# one training step and the training time to the result a lesson shows, in
# milliseconds; and what the ddescent and varflow widgets compute when they open
# (make bench-models).
EXTRA_PROGRAMS += bench/models-bench
CLEANFILES += bench/models-bench
bench_models_bench_SOURCES = bench/models-bench.c
bench_models_bench_LDADD = src/nn/libnn.a -lm
bench: bench-models
bench-models: bench/models-bench
	@./bench/models-bench
.PHONY: bench-models
