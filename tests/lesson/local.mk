# Tests of src/lesson.
