# src/draw: rasterizers into our own cell grid; no curses.
noinst_LIBRARIES += src/draw/libdraw.a
src_draw_libdraw_a_SOURCES = \
	src/draw/grid.c src/draw/grid.h \
	src/draw/wrap.c src/draw/wrap.h \
	src/draw/doc.c src/draw/doc.h
