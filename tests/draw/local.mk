check_PROGRAMS += tests/draw/check_grid
tests_draw_check_grid_LDADD = src/draw/libdraw.a src/base/libbase.a $(TEST_LIBS)
check_PROGRAMS += tests/draw/check_wrap
tests_draw_check_wrap_LDADD = src/draw/libdraw.a src/base/libbase.a $(TEST_LIBS)
check_PROGRAMS += tests/draw/check_doc
tests_draw_check_doc_LDADD = src/draw/libdraw.a src/base/libbase.a $(TEST_LIBS)
EXTRA_DIST += tests/draw/golden
