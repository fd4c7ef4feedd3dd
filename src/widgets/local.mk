# src/widgets: the widget kinds, one file each, in folders by role.
noinst_LIBRARIES += src/widgets/libwidgets.a
# The list of kinds, included by core/registry.[ch] (not compiled on its own).
EXTRA_DIST += src/widgets/core/kinds.def
# core: the contract, the scene of live instances, parameters, the registry's list,
# and what several kinds share (targets, chart data, how numbers and functions show).
src_widgets_libwidgets_a_SOURCES = \
	src/widgets/core/widget.h src/widgets/core/registry.c src/widgets/core/registry.h \
	src/widgets/core/scene.c src/widgets/core/param.c src/widgets/core/keys.c \
	src/widgets/core/problem.c src/widgets/core/problem.h \
	src/widgets/core/target.h src/widgets/core/target.c \
	src/widgets/core/visual.c src/widgets/core/visual.h \
	src/widgets/core/plotdata.c src/widgets/core/plotdata.h \
	src/widgets/core/heat.c src/widgets/core/heat.h \
	src/widgets/core/steps.c src/widgets/core/steps.h \
	src/widgets/core/mpanel.c src/widgets/core/mpanel.h
# controls: what the learner sets or drives.
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/controls/controls.c src/widgets/controls/controls.h \
	src/widgets/controls/slider.c src/widgets/controls/readout.c \
	src/widgets/controls/switch.c src/widgets/controls/choice.c \
	src/widgets/controls/button.c src/widgets/controls/stepper.c \
	src/widgets/controls/animation.c src/widgets/controls/stepwise.c \
	src/widgets/controls/stepwise.h
# views: what shows a computation.
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/views/plot.c src/widgets/views/network.c src/widgets/views/neuron.c \
	src/widgets/views/table.c src/widgets/views/table-from.c \
	src/widgets/views/table.h src/widgets/views/cards.c src/widgets/views/pairs.c src/widgets/views/pixels.c
src_widgets_libwidgets_a_SOURCES += src/widgets/views/heatmap.c
src_widgets_libwidgets_a_SOURCES += src/widgets/views/bars.c
src_widgets_libwidgets_a_SOURCES += src/widgets/views/softmax.c src/widgets/views/softmax-draw.c \
	src/widgets/views/softmax.h
src_widgets_libwidgets_a_SOURCES += src/widgets/views/strip.c \
	src/widgets/views/strip-rnn.c src/widgets/views/strip.h
src_widgets_libwidgets_a_SOURCES += src/widgets/views/diagram.c
src_widgets_libwidgets_a_SOURCES += src/widgets/views/cloud.c
src_widgets_libwidgets_a_SOURCES += src/widgets/views/surface.c \
	src/widgets/views/surface-view.c src/widgets/views/surface.h
src_widgets_libwidgets_a_SOURCES += src/widgets/views/backprop.c
# play: games with a goal and a score.
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/play/game.c src/widgets/play/game-draw.c src/widgets/play/game.h
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/play/relay.c src/widgets/play/relay-draw.c src/widgets/play/relay.h \
	src/widgets/play/cuts.c src/widgets/play/cuts-draw.c src/widgets/play/cuts.h
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/play/conv.c src/widgets/play/conv-draw.c src/widgets/play/conv.h
src_widgets_libwidgets_a_SOURCES += src/widgets/play/dropout.c src/widgets/play/dropout.h
src_widgets_libwidgets_a_SOURCES += src/widgets/views/pool.c
# quiz: the forms of every @quiz block, one file per group of kinds.
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/quiz/quiz.c src/widgets/quiz/quiz.h src/widgets/quiz/quiz-form.h \
	src/widgets/quiz/quiz-pen.c src/widgets/quiz/quiz-choice.c \
	src/widgets/quiz/quiz-numeric.c src/widgets/quiz/quiz-arrange.c \
	src/widgets/quiz/quiz-recall.c
# trainer: "Train a Brain": engine, own data, state strings, keys, view, neurons chart,
# verdicts (the goal, advice after a divergence).
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/trainer/trainer.h src/widgets/trainer/trainer.c \
	src/widgets/trainer/trainer-data.c src/widgets/trainer/trainer-state.c \
	src/widgets/trainer/trainer-controls.c src/widgets/trainer/trainer-view.c \
	src/widgets/trainer/trainer-thumbs.c src/widgets/trainer/trainer-thumbs.h \
	src/widgets/trainer/trainer-judge.c
# sims: real networks run live: trained side by side (race), one backward pass
# (gradflow), and the sequence models trained when their widget is first used.
src_widgets_libwidgets_a_SOURCES += \
	src/widgets/sims/race.c src/widgets/sims/race-view.c src/widgets/sims/race.h
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/gradflow.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/fit.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/ddescent.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/varflow.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/bnorm.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/embed.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/autoenc.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/attend.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/gnn.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/moe.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/gan.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/unet.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/tape.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/vae.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/flow.c
src_widgets_libwidgets_a_SOURCES += src/widgets/sims/translator.c \
	src/widgets/sims/tblock.c src/widgets/sims/tblock.h
