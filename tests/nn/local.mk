# Tests of src/nn. They link the math library alone: no terminal, no lesson code.
