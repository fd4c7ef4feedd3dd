check_PROGRAMS += tests/ui/check_key
tests_ui_check_key_LDADD = src/ui/libui.a src/base/libbase.a $(TEST_LIBS)
