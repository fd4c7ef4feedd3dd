# src/widgets: one file per widget kind plus the registry table.
noinst_LIBRARIES += src/widgets/libwidgets.a
src_widgets_libwidgets_a_SOURCES = \
	src/widgets/registry.c src/widgets/registry.h \
	src/widgets/widget.h src/widgets/scene.c src/widgets/param.c \
	src/widgets/controls.c src/widgets/controls.h \
	src/widgets/slider.c src/widgets/readout.c \
	src/widgets/smallwidgets.h src/widgets/target.c \
	src/widgets/switch.c src/widgets/choice.c src/widgets/button.c \
	src/widgets/table.c src/widgets/cards.c src/widgets/stepper.c \
	src/widgets/pixels.c src/widgets/animation.c
