# bench/widgets.mk: the computing widgets' benchmark: one frame of the largest of them in
# a 76-column slot (a 2-8-8-1 network mid-wave, four activation curves with slopes, a
# chart of 4 x 2000 points, a gate game), in microseconds per frame; the trainer and the
# race live at 30 frames a second, in examples per second (make bench-widgets).
EXTRA_PROGRAMS += bench/widgets-bench
CLEANFILES += bench/widgets-bench
bench_widgets_bench_SOURCES = bench/widgets-bench.c
bench_widgets_bench_LDADD = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(LIBINTL) -lm
bench: bench-widgets
bench-widgets: bench/widgets-bench
	@./bench/widgets-bench
.PHONY: bench-widgets
