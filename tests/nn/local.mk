# Tests of src/nn. They link the math library alone: no terminal, no lesson code.
NN_TEST_LDADD = src/nn/libnn.a $(TEST_LIBS) -lm
check_PROGRAMS += tests/nn/check_rng tests/nn/check_linalg
tests_nn_check_rng_LDADD = $(NN_TEST_LDADD)
tests_nn_check_linalg_LDADD = $(NN_TEST_LDADD)
EXTRA_DIST += tests/nn/nntest.h tests/nn/ref
check_PROGRAMS += tests/nn/check_act tests/nn/check_loss
tests_nn_check_act_LDADD = $(NN_TEST_LDADD)
tests_nn_check_loss_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_mlp
tests_nn_check_mlp_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_ref
tests_nn_check_ref_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_optim
tests_nn_check_optim_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_data
tests_nn_check_data_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_train
tests_nn_check_train_LDADD = $(NN_TEST_LDADD)
TESTS += tests/nn/lab.sh
EXTRA_DIST += tests/nn/lab.sh
check_PROGRAMS += tests/nn/check_infile
tests_nn_check_infile_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_surface
tests_nn_check_surface_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_toydist
tests_nn_check_toydist_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_gan
tests_nn_check_gan_LDADD = $(NN_TEST_LDADD)
EXTRA_DIST += tests/nn/fdcheck.h
check_PROGRAMS += tests/nn/check_vae
tests_nn_check_vae_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_flow
tests_nn_check_flow_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_moe
tests_nn_check_moe_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_corpus
tests_nn_check_corpus_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_skipgram
tests_nn_check_skipgram_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_graph
tests_nn_check_graph_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_mlp_unit
tests_nn_check_mlp_unit_LDADD = $(NN_TEST_LDADD)
# The reference runner (issue 16): built by "make" (not installed), run by nnref.sh on
# the shared PyTorch cases and on malformed files.
noinst_PROGRAMS += tests/nn/nnref
tests_nn_nnref_SOURCES = tests/nn/nnref.c tests/nn/nnref-case.c tests/nn/nnref-ops.c \
	tests/nn/nnref.h
tests_nn_nnref_CFLAGS = $(AM_CFLAGS) -ffp-contract=off
tests_nn_nnref_LDADD = src/nn/libnn.a -lm
# The layers of issue 16 by hand and against finite differences on random shapes.
EXTRA_DIST += tests/nn/layertest.h
check_PROGRAMS += tests/nn/check_dense tests/nn/check_conv
tests_nn_check_dense_LDADD = $(NN_TEST_LDADD)
tests_nn_check_conv_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_recur tests/nn/check_attn tests/nn/check_norm
tests_nn_check_recur_LDADD = $(NN_TEST_LDADD)
tests_nn_check_attn_LDADD = $(NN_TEST_LDADD)
tests_nn_check_norm_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_glyphs tests/nn/check_pairs
tests_nn_check_glyphs_LDADD = $(NN_TEST_LDADD)
tests_nn_check_pairs_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_net
tests_nn_check_net_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_net_train
tests_nn_check_net_train_LDADD = $(NN_TEST_LDADD)
TESTS += tests/nn/nnref.sh
EXTRA_DIST += tests/nn/nnref.sh tests/nn/nnref-hand.nnref tests/nn/nnref-bad
check_PROGRAMS += tests/nn/check_run
tests_nn_check_run_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/nn/check_tape
tests_nn_check_tape_LDADD = $(NN_TEST_LDADD)
# every kernel level trains the bench workloads to the same bits (issue 22)
check_PROGRAMS += tests/nn/check_levels
tests_nn_check_levels_LDADD = $(NN_TEST_LDADD)
