# src/base: libc-only helpers every layer may use (UTF-8).
noinst_LIBRARIES += src/base/libbase.a
src_base_libbase_a_SOURCES = \
	src/base/utf8.c src/base/utf8.h \
	src/base/translit.c src/base/translit.h \
	src/base/strbuf.c src/base/strbuf.h
