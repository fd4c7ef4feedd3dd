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
