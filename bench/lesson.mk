# bench/lesson.mk: the lesson-language benchmark (parse and check the whole course).
