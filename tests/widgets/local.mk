# Tests of src/widgets.
