check_PROGRAMS += tests/base/check_utf8
tests_base_check_utf8_LDADD = src/base/libbase.a $(TEST_LIBS)
check_PROGRAMS += tests/base/check_translit
tests_base_check_translit_LDADD = src/base/libbase.a $(TEST_LIBS)
check_PROGRAMS += tests/base/check_strbuf
tests_base_check_strbuf_LDADD = src/base/libbase.a $(TEST_LIBS)
