# src/widgets: one file per widget kind plus the registry table.
noinst_LIBRARIES += src/widgets/libwidgets.a
src_widgets_libwidgets_a_SOURCES = \
	src/widgets/registry.c src/widgets/registry.h
