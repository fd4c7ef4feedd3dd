# src/app: main, options, screens and the main loop; the program itself.
# Everything but main.c is a library too, so the tests link it without main().
noinst_LIBRARIES += src/app/libapp.a
src_app_libapp_a_SOURCES = \
	src/app/options.c src/app/options.h \
	src/app/check.c src/app/check.h \
	src/app/lab.c src/app/lab-opts.c src/app/lab.h \
	src/app/brainio.c src/app/brainio.h \
	src/app/trainer-prompt.c src/app/trainer-prompt.h \
	src/app/frame.c src/app/frame.h \
	src/app/help.c src/app/help.h \
	src/app/glossview.c src/app/glossview.h \
	src/app/loop.c src/app/app.h \
	src/app/map.c src/app/map.h \
	src/app/keymap.c src/app/keymap.h \
	src/app/lessonclock.c src/app/lessonclock.h \
	src/app/paths.c src/app/paths.h \
	src/app/plain.c src/app/plain.h \
	src/app/player.c src/app/player.h src/app/player-host.h \
	src/app/player-widgets.c \
	src/app/progress.c src/app/progress.h \
	src/app/report.c src/app/report.h \
	src/app/review.c src/app/review.h src/app/review-round.c src/app/review-round.h \
	src/app/title.c src/app/title.h

bin_PROGRAMS += src/neuronauts
src_neuronauts_SOURCES = src/app/main.c
# Libraries in dependency order, highest layer first.
NN_APP_LIBS = src/app/libapp.a \
	src/widgets/libwidgets.a src/ui/libui.a src/draw/libdraw.a src/lesson/liblesson.a \
	src/nn/libnn.a src/base/libbase.a
src_neuronauts_LDADD = $(NN_APP_LIBS) $(NCURSESW_LIBS) $(TERMKEY_LIBS) $(LIBINTL) -lm
