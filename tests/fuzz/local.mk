# tests/fuzz: the lesson language's libFuzzer target (make fuzz builds it with clang,
# ASan and UBSan; it is not part of the default build) and the replay driver that runs
# its corpus under make check. See tests/fuzz/run.sh.
check_PROGRAMS += tests/fuzz/replay
tests_fuzz_replay_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_lesson.c tests/fuzz/fuzz.h
tests_fuzz_replay_LDADD = $(LESSON_TEST_LIBS)
EXTRA_DIST += tests/fuzz/corpus tests/fuzz/run.sh tests/fuzz/lesson.dict

FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_SRCS = $(filter %.c,$(src_lesson_liblesson_a_SOURCES) \
	$(src_widgets_libwidgets_a_SOURCES) $(src_draw_libdraw_a_SOURCES) \
	$(src_nn_libnn_a_SOURCES) $(src_base_libbase_a_SOURCES)) src/ui/key.c \
	tests/fuzz/fuzz_lesson.c
fuzz: tests/fuzz/fuzz-lesson
tests/fuzz/fuzz-lesson: $(FUZZ_SRCS:%=$(srcdir)/%) config.h
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_CFLAGS) -DHAVE_CONFIG_H -I$(top_builddir) \
	  -I$(top_srcdir)/src -I$(top_srcdir)/tests -o $@ $(FUZZ_SRCS:%=$(srcdir)/%)
CLEANFILES += tests/fuzz/fuzz-lesson
.PHONY: fuzz
