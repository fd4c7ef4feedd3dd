# bench/lesson.mk: the lesson-language benchmark (parse and check the whole course).
# "make bench-lesson" (and "make bench") prints the median time to parse and check
# content/ as neuronauts --check does, and the same for 40 lessons as large as the
# example lesson; the target is under 10 ms for the whole course.
EXTRA_PROGRAMS += bench/bench-lesson
CLEANFILES += bench/bench-lesson
bench_bench_lesson_SOURCES = bench/bench_lesson.c
bench_bench_lesson_LDADD = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(LIBINTL) -lm
bench: bench-lesson
bench-lesson: bench/bench-lesson
	@./bench/bench-lesson $(srcdir)/content
.PHONY: bench-lesson
