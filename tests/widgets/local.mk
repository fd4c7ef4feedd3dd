# Tests of src/widgets.
# Each suite parses a small lesson, draws its widgets to golden text in UTF-8 and
# ASCII, sends keys, reads values and saves state through an in-memory Store.
WIDGET_TEST_LIBS = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
check_PROGRAMS += tests/widgets/check_controls
tests_widgets_check_controls_SOURCES = tests/widgets/check_controls.c tests/widgets/wtest.c \
	tests/widgets/wtest.h
tests_widgets_check_controls_LDADD = $(WIDGET_TEST_LIBS)
EXTRA_DIST += tests/widgets/golden
check_PROGRAMS += tests/widgets/check_views
tests_widgets_check_views_SOURCES = tests/widgets/check_views.c tests/widgets/wtest.c \
	tests/widgets/wtest.h
tests_widgets_check_views_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/check_steps
tests_widgets_check_steps_SOURCES = tests/widgets/check_steps.c tests/widgets/wtest.c \
	tests/widgets/wtest.h
tests_widgets_check_steps_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/check_pixels
tests_widgets_check_pixels_SOURCES = tests/widgets/check_pixels.c tests/widgets/wtest.c \
	tests/widgets/wtest.h
tests_widgets_check_pixels_LDADD = $(WIDGET_TEST_LIBS)
# The quiz forms: every kind, drawn to golden text, driven by keys, saved and restored.
QUIZ_TEST_LIBS = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
check_PROGRAMS += tests/widgets/check_quiz tests/widgets/check_quiz_store
tests_widgets_check_quiz_SOURCES = tests/widgets/check_quiz.c tests/widgets/qtest.c \
	tests/widgets/qtest.h
tests_widgets_check_quiz_LDADD = $(QUIZ_TEST_LIBS)
tests_widgets_check_quiz_store_SOURCES = tests/widgets/check_quiz_store.c \
	tests/widgets/qtest.c tests/widgets/qtest.h
tests_widgets_check_quiz_store_LDADD = $(QUIZ_TEST_LIBS)
# The computing widgets: plot (and chart data), network, neuron, game (vtest.h).
VISUAL_TEST_LIBS = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
check_PROGRAMS += tests/widgets/check_plot tests/widgets/check_network \
	tests/widgets/check_neuron tests/widgets/check_game
tests_widgets_check_plot_SOURCES = tests/widgets/check_plot.c tests/widgets/vtest.h
tests_widgets_check_plot_LDADD = $(VISUAL_TEST_LIBS)
tests_widgets_check_network_SOURCES = tests/widgets/check_network.c tests/widgets/vtest.h
tests_widgets_check_network_LDADD = $(VISUAL_TEST_LIBS)
tests_widgets_check_neuron_SOURCES = tests/widgets/check_neuron.c tests/widgets/vtest.h
tests_widgets_check_neuron_LDADD = $(VISUAL_TEST_LIBS)
tests_widgets_check_game_SOURCES = tests/widgets/check_game.c tests/widgets/vtest.h
tests_widgets_check_game_LDADD = $(VISUAL_TEST_LIBS)
# The trainer: reproducible training, the spiral learned, divergence, the goal, goldens.
check_PROGRAMS += tests/widgets/check_trainer
tests_widgets_check_trainer_SOURCES = tests/widgets/check_trainer.c tests/widgets/vtest.h
tests_widgets_check_trainer_LDADD = $(VISUAL_TEST_LIBS)
# The scene: directives that fail the checker never reach a kind; safe number text.
check_PROGRAMS += tests/widgets/check_scene
tests_widgets_check_scene_SOURCES = tests/widgets/check_scene.c tests/widgets/wtest.c \
	tests/widgets/wtest.h
tests_widgets_check_scene_LDADD = $(WIDGET_TEST_LIBS)
