# src/widgets: one file per widget kind plus the registry table.
noinst_LIBRARIES += src/widgets/libwidgets.a
src_widgets_libwidgets_a_SOURCES = \
	src/widgets/registry.c src/widgets/registry.h \
	src/widgets/widget.h src/widgets/scene.c src/widgets/param.c \
	src/widgets/problem.c src/widgets/problem.h \
	src/widgets/controls.c src/widgets/controls.h \
	src/widgets/slider.c src/widgets/readout.c \
	src/widgets/smallwidgets.h src/widgets/target.c \
	src/widgets/switch.c src/widgets/choice.c src/widgets/button.c \
	src/widgets/table.c src/widgets/cards.c src/widgets/stepper.c \
	src/widgets/pixels.c src/widgets/animation.c
# The quiz forms (every @quiz block): one file per group of kinds.
src_widgets_libwidgets_a_SOURCES += src/widgets/quiz.c src/widgets/quiz.h \
	src/widgets/quiz-form.h src/widgets/quiz-pen.c src/widgets/quiz-choice.c \
	src/widgets/quiz-numeric.c src/widgets/quiz-arrange.c src/widgets/quiz-recall.c
# The computing widgets: plot (and the chart data other widgets feed), network, neuron, game.
src_widgets_libwidgets_a_SOURCES += src/widgets/visual.h src/widgets/visual.c \
	src/widgets/plotdata.h src/widgets/plotdata.c src/widgets/plot.c \
	src/widgets/network.c src/widgets/neuron.c src/widgets/game.c src/widgets/game-draw.c src/widgets/game.h
# The trainer ("Train a Brain"): engine, own data, state strings, keys, view and its neurons chart.
src_widgets_libwidgets_a_SOURCES += src/widgets/trainer.h src/widgets/trainer.c \
	src/widgets/trainer-data.c src/widgets/trainer-state.c \
	src/widgets/trainer-controls.c src/widgets/trainer-view.c \
	src/widgets/trainer-thumbs.c src/widgets/trainer-thumbs.h
