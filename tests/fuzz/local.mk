# tests/fuzz: the libFuzzer targets (make fuzz builds them with clang, ASan and UBSan;
# they are not part of the default build) and, for each, a replay driver built with
# the normal compiler that runs its committed corpus under make check, so the corpora
# are regression tests. tests/fuzz/run.sh runs one target; HACKING tells the rest.
#   lesson    the lesson parser and checker, the course index, and the live widgets of
#             any lesson that parses (fuzz_scene.c): drawn, keyed, ticked, stored
#   progress  the progress file: open, change, save, open again, compare
#   csv       the CSV reader: load, save, load again, compare
#   weights   the weights reader: load, save, load again, compare
#   tape      the autodiff tape's expression parser and its sweeps
FUZZ_REPLAY_SRCS = tests/fuzz/replay.c tests/fuzz/fuzzlib.c tests/fuzz/fuzz.h
check_PROGRAMS += tests/fuzz/replay-lesson tests/fuzz/replay-progress \
	tests/fuzz/replay-csv tests/fuzz/replay-weights tests/fuzz/replay-tape
tests_fuzz_replay_lesson_SOURCES = $(FUZZ_REPLAY_SRCS) tests/fuzz/fuzz_lesson.c \
	tests/fuzz/fuzz_scene.c tests/fuzz/fuzz_scene.h
tests_fuzz_replay_lesson_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"tests/fuzz/corpus-lesson"'
tests_fuzz_replay_lesson_LDADD = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
tests_fuzz_replay_progress_SOURCES = $(FUZZ_REPLAY_SRCS) tests/fuzz/fuzz_progress.c
tests_fuzz_replay_progress_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"tests/fuzz/corpus-progress"'
tests_fuzz_replay_progress_LDADD = src/app/libapp.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS)
tests_fuzz_replay_csv_SOURCES = $(FUZZ_REPLAY_SRCS) tests/fuzz/fuzz_csv.c
tests_fuzz_replay_csv_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"tests/fuzz/corpus-csv"'
tests_fuzz_replay_csv_LDADD = src/nn/libnn.a $(TEST_LIBS) -lm
tests_fuzz_replay_weights_SOURCES = $(FUZZ_REPLAY_SRCS) tests/fuzz/fuzz_weights.c
tests_fuzz_replay_weights_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"tests/fuzz/corpus-weights"'
tests_fuzz_replay_weights_LDADD = src/nn/libnn.a $(TEST_LIBS) -lm
tests_fuzz_replay_tape_SOURCES = $(FUZZ_REPLAY_SRCS) tests/fuzz/fuzz_tape.c
tests_fuzz_replay_tape_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"tests/fuzz/corpus-tape"'
tests_fuzz_replay_tape_LDADD = src/nn/libnn.a $(TEST_LIBS) -lm
EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/pick.sh tests/fuzz/lesson.dict \
	tests/fuzz/progress.dict tests/fuzz/csv.dict tests/fuzz/weights.dict \
	tests/fuzz/corpus-lesson tests/fuzz/corpus-progress tests/fuzz/corpus-csv \
	tests/fuzz/corpus-weights tests/fuzz/corpus-tape

# make fuzz: the library sources the targets need, compiled once with clang and
# coverage into tests/fuzz/obj (mirroring the tree) and archived, then one program per
# target linked with libFuzzer's main. -ffp-contract=off as for src/nn (nn/local.mk).
FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -ffp-contract=off \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CPPFLAGS = -DHAVE_CONFIG_H -I$(top_builddir) -I$(top_srcdir)/src -I$(top_srcdir)/tests
FUZZ_TREE = $(src_base_libbase_a_SOURCES) $(src_nn_libnn_a_SOURCES) \
	$(src_lesson_liblesson_a_SOURCES) $(src_draw_libdraw_a_SOURCES) \
	$(src_widgets_libwidgets_a_SOURCES) src/ui/key.c src/ui/key.h \
	src/app/progress.c src/app/progress.h src/nls.h tests/fuzz/fuzzlib.c tests/fuzz/fuzz.h
FUZZ_LIB_OBJS = $(patsubst %.c,tests/fuzz/obj/%.o,$(filter %.c,$(FUZZ_TREE)))
FUZZ_NAMES = lesson progress csv weights tape
FUZZ_BINS = $(FUZZ_NAMES:%=tests/fuzz/fuzz-%)

fuzz: $(FUZZ_BINS)
# Any header change rebuilds every object: simpler than dependency files, and rare.
tests/fuzz/obj/%.o: $(srcdir)/%.c $(filter %.h,$(FUZZ_TREE:%=$(srcdir)/%)) \
		$(srcdir)/tests/fuzz/fuzz_scene.h config.h
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_CPPFLAGS) \
	  -c -o $@ $<
tests/fuzz/libfuzz.a: $(FUZZ_LIB_OBJS)
	$(AM_V_AR)rm -f $@ && $(AR) rc $@ $(FUZZ_LIB_OBJS) && $(RANLIB) $@
tests/fuzz/fuzz-lesson: tests/fuzz/obj/tests/fuzz/fuzz_lesson.o \
	tests/fuzz/obj/tests/fuzz/fuzz_scene.o
tests/fuzz/fuzz-progress: tests/fuzz/obj/tests/fuzz/fuzz_progress.o
tests/fuzz/fuzz-csv: tests/fuzz/obj/tests/fuzz/fuzz_csv.o
tests/fuzz/fuzz-weights: tests/fuzz/obj/tests/fuzz/fuzz_weights.o
tests/fuzz/fuzz-tape: tests/fuzz/obj/tests/fuzz/fuzz_tape.o
$(FUZZ_BINS): tests/fuzz/libfuzz.a
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ \
	  $(filter %.o,$^) tests/fuzz/libfuzz.a -lm

clean-local: fuzz-clean
fuzz-clean:
	rm -rf tests/fuzz/obj tests/fuzz/libfuzz.a $(FUZZ_BINS)
.PHONY: fuzz fuzz-clean
