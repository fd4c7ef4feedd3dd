# bench/shell.mk: the course shell's benchmark: start-up to the first complete frame,
# peak memory, and CPU used while idle on a lesson page (make bench-shell); and how
# start-up and --check grow with the course (make bench-scale).
EXTRA_PROGRAMS += bench/ptyrun
CLEANFILES += bench/ptyrun
bench_ptyrun_SOURCES = bench/ptyrun.c
bench_ptyrun_LDADD = -lutil
EXTRA_DIST += bench/shell.sh bench/data/anim bench/scale.sh bench/sixfold.sh
bench: bench-shell
bench-shell: src/neuronauts bench/ptyrun
	@$(SHELL) $(srcdir)/bench/shell.sh ./src/neuronauts ./bench/ptyrun \
		$(abs_top_srcdir)/tests/screens/course $(abs_top_srcdir)/bench/data/anim
.PHONY: bench-shell
# bench-scale: the first frame and --check of the course and of a copy six times its
# size (bench/sixfold.sh), side by side.
bench: bench-scale
bench-scale: src/neuronauts bench/ptyrun
	@$(SHELL) $(srcdir)/bench/scale.sh ./src/neuronauts ./bench/ptyrun \
		$(abs_top_srcdir)/content $(abs_top_srcdir)/bench/sixfold.sh
.PHONY: bench-scale
