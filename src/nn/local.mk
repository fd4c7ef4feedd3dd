# src/nn: the pure-C math library (libc and libm only).
# -ffp-contract=off: a*b+c is never fused into an FMA behind our back, so every CPU
# level of simd.c and the portable kernels give the same bits (see simd.h).
noinst_LIBRARIES += src/nn/libnn.a
src_nn_libnn_a_CFLAGS = $(AM_CFLAGS) -ffp-contract=off
src_nn_libnn_a_SOURCES = \
	src/nn/status.h src/nn/names.c src/nn/names.h \
	src/nn/rng.c src/nn/rng.h \
	src/nn/linalg.c src/nn/linalg.h \
	src/nn/simd.c src/nn/simd.h src/nn/simd-kernel.h \
	src/nn/act.c src/nn/act.h \
	src/nn/loss.c src/nn/loss.h \
	src/nn/mlp.c src/nn/mlp.h \
	src/nn/mlp-io.c src/nn/mlp-io.h \
	src/nn/init.c src/nn/init.h \
	src/nn/optim.c src/nn/optim.h \
	src/nn/data.c src/nn/data.h \
	src/nn/csv.c src/nn/csv.h \
	src/nn/infile.c src/nn/infile.h \
	src/nn/train.c src/nn/train.h \
	src/nn/run.c src/nn/run.h \
	src/nn/gradcheck.c src/nn/gradcheck.h \
	src/nn/dropout.c src/nn/dropout.h \
	src/nn/polyfit.c src/nn/polyfit.h \
	src/nn/rfeat.c src/nn/rfeat.h \
	src/nn/varprop.c src/nn/varprop.h
# the small generative and structured models (issue 16) and what they stand on
src_nn_libnn_a_SOURCES += \
	src/nn/mlp-unit.c src/nn/mlp-unit.h \
	src/nn/surface.c src/nn/surface.h \
	src/nn/tape.c src/nn/tape.h \
	src/nn/toydist.c src/nn/toydist.h \
	src/nn/gan.c src/nn/gan.h \
	src/nn/vae.c src/nn/vae.h \
	src/nn/flow.c src/nn/flow.h \
	src/nn/moe.c src/nn/moe.h \
	src/nn/corpus.c src/nn/corpus.h \
	src/nn/skipgram.c src/nn/skipgram.h \
	src/nn/graph.c src/nn/graph.h \
	src/nn/graph-net.c src/nn/graph-net.h
# The layers of levels 3 and 4 (issue 16), the model container, toy data.
src_nn_libnn_a_SOURCES += \
	src/nn/dense.c src/nn/dense.h \
	src/nn/conv.c src/nn/conv.h \
	src/nn/recur.c src/nn/recur.h \
	src/nn/attn.c src/nn/attn.h \
	src/nn/norm.c src/nn/norm.h \
	src/nn/net.c src/nn/net-finish.c src/nn/net-run.c src/nn/net.h \
	src/nn/glyphs.c src/nn/glyphs.h \
	src/nn/pairs.c src/nn/pairs.h \
	src/nn/demo.c src/nn/demo.h \
	src/nn/seq2seq.c src/nn/seq2seq.h
