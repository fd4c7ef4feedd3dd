# Tests of src/lesson: the parser and checkers on good files (field by field), on bad
# files (tests/lesson/bad, each with its expected diagnostics) and on hostile input;
# the course checked with the real program; the registry's schemas. They link the
# lesson library without ncurses.
# (The registry's rows hold the widgets' functions too, which draw into grids.)
LESSON_TEST_LIBS = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
check_PROGRAMS += tests/lesson/check_lesson tests/lesson/check_course \
	tests/lesson/check_robust tests/lesson/check_schema tests/lesson/check_fields \
	tests/lesson/check_blocks tests/lesson/check_glossary
tests_lesson_check_glossary_LDADD = $(LESSON_TEST_LIBS)
tests_lesson_check_lesson_LDADD = $(LESSON_TEST_LIBS)
tests_lesson_check_course_LDADD = $(LESSON_TEST_LIBS)
tests_lesson_check_robust_LDADD = $(LESSON_TEST_LIBS)
tests_lesson_check_schema_LDADD = $(LESSON_TEST_LIBS)
LTEST = tests/lesson/ltest.c tests/lesson/ltest.h
tests_lesson_check_fields_SOURCES = tests/lesson/check_fields.c $(LTEST)
tests_lesson_check_fields_LDADD = $(LESSON_TEST_LIBS)
tests_lesson_check_blocks_SOURCES = tests/lesson/check_blocks.c $(LTEST)
tests_lesson_check_blocks_LDADD = $(LESSON_TEST_LIBS)
TESTS += tests/lesson/bad.sh tests/lesson/content.sh
EXTRA_DIST += tests/lesson/bad.sh tests/lesson/content.sh tests/lesson/bad tests/lesson/good
