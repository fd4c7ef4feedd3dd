# src/nn: the pure-C math library (libc and libm only).
noinst_LIBRARIES += src/nn/libnn.a
src_nn_libnn_a_SOURCES = \
	src/nn/rng.c src/nn/rng.h
