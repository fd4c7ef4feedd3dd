# src/ui: the only code that owns the terminal (ncursesw output, libtermkey input).
noinst_LIBRARIES += src/ui/libui.a
src_ui_libui_a_SOURCES = \
	src/ui/key.c src/ui/key.h \
	src/ui/term.c src/ui/input.c src/ui/term.h
src_ui_libui_a_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS) $(TERMKEY_CFLAGS)
