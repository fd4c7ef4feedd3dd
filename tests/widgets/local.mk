# Tests of src/widgets, in folders that mirror its roles. Each suite parses a small
# lesson, draws its widgets to golden text in UTF-8 and ASCII, sends keys, reads
# values and saves state through an in-memory Store.
WIDGET_TEST_LIBS = src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a \
	src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
WTEST = tests/widgets/wtest.c tests/widgets/wtest.h
FLOWTEST = tests/widgets/sims/flowtest.c tests/widgets/sims/flowtest.h $(WTEST)
QUIZFIX = tests/widgets/quiz/quizfix.c tests/widgets/quiz/quizfix.h $(WTEST)
EXTRA_DIST += tests/widgets/golden
# core: the scene (directives that fail the checker never reach a kind), number text.
check_PROGRAMS += tests/widgets/core/check_scene
tests_widgets_core_check_scene_SOURCES = tests/widgets/core/check_scene.c $(WTEST)
tests_widgets_core_check_scene_LDADD = $(WIDGET_TEST_LIBS)
# controls: slider, switch, choice, button, readout; stepper and animation; the
# control of a @steps block.
check_PROGRAMS += tests/widgets/controls/check_controls tests/widgets/controls/check_steps \
	tests/widgets/controls/check_stepwise
tests_widgets_controls_check_controls_SOURCES = tests/widgets/controls/check_controls.c $(WTEST)
tests_widgets_controls_check_controls_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_controls_check_steps_SOURCES = tests/widgets/controls/check_steps.c $(WTEST)
tests_widgets_controls_check_steps_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_controls_check_stepwise_SOURCES = tests/widgets/controls/check_stepwise.c $(WTEST)
tests_widgets_controls_check_stepwise_LDADD = $(WIDGET_TEST_LIBS)
# views: table and cards, the pixel grid, plot (and chart data), network, neuron.
check_PROGRAMS += tests/widgets/views/check_views tests/widgets/views/check_pixels \
	tests/widgets/views/check_plot tests/widgets/views/check_network \
	tests/widgets/views/check_neuron tests/widgets/views/check_table
tests_widgets_views_check_views_SOURCES = tests/widgets/views/check_views.c $(WTEST)
tests_widgets_views_check_views_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_views_check_pixels_SOURCES = tests/widgets/views/check_pixels.c $(WTEST)
tests_widgets_views_check_pixels_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_views_check_plot_SOURCES = tests/widgets/views/check_plot.c $(WTEST)
tests_widgets_views_check_plot_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_views_check_network_SOURCES = tests/widgets/views/check_network.c $(WTEST)
tests_widgets_views_check_network_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_views_check_neuron_SOURCES = tests/widgets/views/check_neuron.c $(WTEST)
tests_widgets_views_check_neuron_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_heatmap
tests_widgets_views_check_heatmap_SOURCES = tests/widgets/views/check_heatmap.c $(WTEST)
tests_widgets_views_check_heatmap_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_bars
tests_widgets_views_check_bars_SOURCES = tests/widgets/views/check_bars.c $(WTEST)
tests_widgets_views_check_bars_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_softmax
tests_widgets_views_check_softmax_SOURCES = tests/widgets/views/check_softmax.c $(WTEST)
tests_widgets_views_check_softmax_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_strip
tests_widgets_views_check_strip_SOURCES = tests/widgets/views/check_strip.c $(WTEST)
tests_widgets_views_check_strip_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_diagram
tests_widgets_views_check_diagram_SOURCES = tests/widgets/views/check_diagram.c $(WTEST)
tests_widgets_views_check_diagram_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_cloud
tests_widgets_views_check_cloud_SOURCES = tests/widgets/views/check_cloud.c $(WTEST)
tests_widgets_views_check_cloud_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_surface
tests_widgets_views_check_surface_SOURCES = tests/widgets/views/check_surface.c $(WTEST)
tests_widgets_views_check_surface_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_views_check_table_SOURCES = tests/widgets/views/check_table.c $(WTEST)
tests_widgets_views_check_table_LDADD = $(WIDGET_TEST_LIBS)
# play: the games.
check_PROGRAMS += tests/widgets/play/check_game
tests_widgets_play_check_game_SOURCES = tests/widgets/play/check_game.c $(WTEST)
tests_widgets_play_check_game_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/play/check_relay
tests_widgets_play_check_relay_SOURCES = tests/widgets/play/check_relay.c $(WTEST)
tests_widgets_play_check_relay_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/play/check_dropout
tests_widgets_play_check_dropout_SOURCES = tests/widgets/play/check_dropout.c $(WTEST)
tests_widgets_play_check_dropout_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/play/check_cuts
tests_widgets_play_check_cuts_SOURCES = tests/widgets/play/check_cuts.c $(WTEST)
tests_widgets_play_check_cuts_LDADD = $(WIDGET_TEST_LIBS)
# quiz: every kind, drawn to golden text, driven by keys, saved and restored.
check_PROGRAMS += tests/widgets/quiz/check_quiz tests/widgets/quiz/check_quiz_store
tests_widgets_quiz_check_quiz_SOURCES = tests/widgets/quiz/check_quiz.c $(QUIZFIX)
tests_widgets_quiz_check_quiz_LDADD = $(WIDGET_TEST_LIBS)
tests_widgets_quiz_check_quiz_store_SOURCES = tests/widgets/quiz/check_quiz_store.c $(QUIZFIX)
tests_widgets_quiz_check_quiz_store_LDADD = $(WIDGET_TEST_LIBS)
# trainer: reproducible training, the spiral learned, divergence, the goal, goldens.
check_PROGRAMS += tests/widgets/trainer/check_trainer
tests_widgets_trainer_check_trainer_SOURCES = tests/widgets/trainer/check_trainer.c $(WTEST)
tests_widgets_trainer_check_trainer_LDADD = $(WIDGET_TEST_LIBS)
# core: every kind's key table is the whole truth.
check_PROGRAMS += tests/widgets/core/check_keys
tests_widgets_core_check_keys_SOURCES = tests/widgets/core/check_keys.c $(WTEST)
tests_widgets_core_check_keys_LDADD = $(WIDGET_TEST_LIBS)
# sims: the race of real runs side by side; a deep net's backward pass.
check_PROGRAMS += tests/widgets/sims/check_race
tests_widgets_sims_check_race_SOURCES = tests/widgets/sims/check_race.c $(WTEST)
tests_widgets_sims_check_race_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_fit
tests_widgets_sims_check_fit_SOURCES = tests/widgets/sims/check_fit.c $(WTEST)
tests_widgets_sims_check_fit_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_gradflow
tests_widgets_sims_check_gradflow_SOURCES = tests/widgets/sims/check_gradflow.c $(FLOWTEST)
tests_widgets_sims_check_gradflow_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_resflow
tests_widgets_sims_check_resflow_SOURCES = tests/widgets/sims/check_resflow.c $(FLOWTEST)
tests_widgets_sims_check_resflow_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_bnorm
tests_widgets_sims_check_bnorm_SOURCES = tests/widgets/sims/check_bnorm.c $(WTEST)
tests_widgets_sims_check_bnorm_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_embed
tests_widgets_sims_check_embed_SOURCES = tests/widgets/sims/check_embed.c $(WTEST)
tests_widgets_sims_check_embed_LDADD = $(WIDGET_TEST_LIBS)
# lessons: every number a lesson states, computed again and read from its widgets.
check_PROGRAMS += tests/widgets/lessons/check_level2
LESSONTEST = tests/widgets/lessons/lessontest.c tests/widgets/lessons/lessontest.h $(WTEST)
tests_widgets_lessons_check_level2_SOURCES = tests/widgets/lessons/check_level2.c $(LESSONTEST)
tests_widgets_lessons_check_level2_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/lessons/check_init_lesson
tests_widgets_lessons_check_init_lesson_SOURCES = tests/widgets/lessons/check_init_lesson.c $(WTEST)
tests_widgets_lessons_check_init_lesson_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/views/check_backprop
tests_widgets_views_check_backprop_SOURCES = tests/widgets/views/check_backprop.c $(WTEST)
tests_widgets_views_check_backprop_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/lessons/check_descent
tests_widgets_lessons_check_descent_SOURCES = tests/widgets/lessons/check_descent.c $(LESSONTEST)
tests_widgets_lessons_check_descent_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/lessons/check_l3_softmax
tests_widgets_lessons_check_l3_softmax_SOURCES = tests/widgets/lessons/check_l3_softmax.c $(LESSONTEST)
tests_widgets_lessons_check_l3_softmax_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/lessons/check_l4_memory
tests_widgets_lessons_check_l4_memory_SOURCES = tests/widgets/lessons/check_l4_memory.c $(LESSONTEST)
tests_widgets_lessons_check_l4_memory_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_translator
tests_widgets_sims_check_translator_SOURCES = tests/widgets/sims/check_translator.c $(WTEST)
tests_widgets_sims_check_translator_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_autoenc
tests_widgets_sims_check_autoenc_SOURCES = tests/widgets/sims/check_autoenc.c $(WTEST)
tests_widgets_sims_check_autoenc_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_vae
tests_widgets_sims_check_vae_SOURCES = tests/widgets/sims/check_vae.c $(WTEST)
tests_widgets_sims_check_vae_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_flow
tests_widgets_sims_check_flow_SOURCES = tests/widgets/sims/check_flow.c $(WTEST)
tests_widgets_sims_check_flow_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/sims/check_tblock
tests_widgets_sims_check_tblock_SOURCES = tests/widgets/sims/check_tblock.c $(WTEST)
tests_widgets_sims_check_tblock_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/lessons/check_l3_review
tests_widgets_lessons_check_l3_review_SOURCES = tests/widgets/lessons/check_l3_review.c $(LESSONTEST)
tests_widgets_lessons_check_l3_review_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/play/check_conv
tests_widgets_play_check_conv_SOURCES = tests/widgets/play/check_conv.c $(WTEST)
tests_widgets_play_check_conv_LDADD = $(WIDGET_TEST_LIBS)
check_PROGRAMS += tests/widgets/lessons/check_l4_landscape
tests_widgets_lessons_check_l4_landscape_SOURCES = tests/widgets/lessons/check_l4_landscape.c $(LESSONTEST)
tests_widgets_lessons_check_l4_landscape_LDADD = $(WIDGET_TEST_LIBS)
