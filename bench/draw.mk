# bench/draw.mk: the rasterizers' benchmark: one frame of the largest drawings (the
# 2-8-8-1 diagram, a 200x60 heat map with 1000 points, a 4 x 2000-point line chart), in
# microseconds per frame (make bench-draw).
EXTRA_PROGRAMS += bench/draw-bench
CLEANFILES += bench/draw-bench
bench_draw_bench_SOURCES = bench/draw-bench.c
bench_draw_bench_LDADD = src/draw/libdraw.a src/base/libbase.a -lm
bench: bench-draw
bench-draw: bench/draw-bench
	@./bench/draw-bench
.PHONY: bench-draw
