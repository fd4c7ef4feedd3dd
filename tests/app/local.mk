check_PROGRAMS += tests/app/check_options tests/app/check_paths tests/app/check_title \
	tests/app/check_progress tests/app/check_keymap tests/app/check_frame \
	tests/app/check_player tests/app/check_brainio tests/app/check_progress_files \
	tests/app/check_report tests/app/check_review
tests_app_check_report_SOURCES = tests/app/check_report.c tests/app/progtest.c \
	tests/app/progtest.h
tests_app_check_report_LDADD = $(tests_app_check_player_LDADD)
tests_app_check_brainio_SOURCES = tests/app/check_brainio.c $(WTEST)
tests_app_check_brainio_LDADD = src/app/libapp.a src/widgets/libwidgets.a src/ui/libui.a \
	src/draw/libdraw.a src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
tests_app_check_player_LDADD = src/app/libapp.a src/widgets/libwidgets.a src/ui/libui.a \
	src/draw/libdraw.a src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
tests_app_check_review_SOURCES = tests/app/check_review.c tests/app/progtest.c tests/app/progtest.h
tests_app_check_review_LDADD = $(tests_app_check_player_LDADD)
tests_app_check_frame_LDADD = src/app/libapp.a src/widgets/libwidgets.a src/ui/libui.a \
	src/draw/libdraw.a src/lesson/liblesson.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS) -lm
tests_app_check_keymap_LDADD = src/app/libapp.a src/ui/libui.a src/base/libbase.a $(TEST_LIBS)
tests_app_check_progress_SOURCES = tests/app/check_progress.c tests/app/progtest.c \
	tests/app/progtest.h
tests_app_check_progress_LDADD = src/app/libapp.a src/nn/libnn.a src/base/libbase.a $(TEST_LIBS)
tests_app_check_progress_files_SOURCES = tests/app/check_progress_files.c tests/app/progtest.c \
	tests/app/progtest.h
tests_app_check_progress_files_LDADD = $(tests_app_check_progress_LDADD)
tests_app_check_options_LDADD = src/app/libapp.a src/draw/libdraw.a src/base/libbase.a $(TEST_LIBS)
tests_app_check_paths_LDADD = src/app/libapp.a $(TEST_LIBS)
tests_app_check_title_LDADD = src/app/libapp.a src/ui/libui.a src/draw/libdraw.a src/base/libbase.a \
	$(TEST_LIBS)
TESTS += tests/app/cli.sh tests/app/cheatsheet.sh tests/app/report.sh tests/app/glossary.sh
EXTRA_DIST += tests/tap.sh tests/app/cli.sh tests/app/cheatsheet.sh tests/app/report.sh \
	tests/app/glossary.sh \
	tests/app/golden
