# src/lesson: the lesson language (text in, document model out); no terminal.
# A convenience library that links without ncurses and without the math library.
noinst_LIBRARIES += src/lesson/liblesson.a
src_lesson_liblesson_a_SOURCES = \
	src/lesson/arena.c src/lesson/arena.h \
	src/lesson/diag.c src/lesson/diag.h \
	src/lesson/limits.h \
	src/lesson/lex.c src/lesson/lex.h \
	src/lesson/source.c src/lesson/source.h \
	src/lesson/model.c src/lesson/model.h \
	src/lesson/parser.h src/lesson/lesson.h \
	src/lesson/parse.c src/lesson/gather.c src/lesson/inline.c src/lesson/prose.c \
	src/lesson/blocks.c src/lesson/quiz.c src/lesson/params.c src/lesson/params-lines.c \
	src/lesson/code.c src/lesson/steps.c src/lesson/terms.c \
	src/lesson/glossary.c src/lesson/glossary.h \
	src/lesson/check.c src/lesson/check-refs.c src/lesson/checker.h \
	src/lesson/schema.c src/lesson/schema.h \
	src/lesson/course.h src/lesson/index.c src/lesson/load.c src/lesson/ccheck.c
