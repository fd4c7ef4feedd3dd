# src/widgets: one file per widget kind plus the registry table.
noinst_LIBRARIES += src/widgets/libwidgets.a
src_widgets_libwidgets_a_SOURCES = \
	src/widgets/registry.c src/widgets/registry.h \
	src/widgets/widget.h src/widgets/scene.c src/widgets/param.c \
	src/widgets/controls.c src/widgets/controls.h \
	src/widgets/slider.c src/widgets/readout.c
