# src/draw: rasterizers into our own cell grid; no curses.
noinst_LIBRARIES += src/draw/libdraw.a
src_draw_libdraw_a_SOURCES = \
	src/draw/grid.c src/draw/grid.h \
	src/draw/wrap.c src/draw/wrap.h \
	src/draw/doc.c src/draw/doc.h src/draw/doc-ctx.h \
	src/draw/doc-text.c src/draw/doc-slot.c src/draw/doc-code.c src/draw/doc-steps.c \
	src/draw/canvas.c src/draw/canvas-view.c src/draw/canvas.h \
	src/draw/axes.c src/draw/axes.h \
	src/draw/legend.c src/draw/legend.h \
	src/draw/box.c src/draw/box.h \
	src/draw/plot.c src/draw/plot-line.c src/draw/plot-field.c src/draw/plot-hist.c \
	src/draw/plot.h \
	src/draw/bars.c src/draw/bars.h \
	src/draw/netdiag.c src/draw/netdiag.h \
	src/draw/wires.c src/draw/wires.h \
	src/draw/boxgraph.c src/draw/boxgraph.h
