# bench/shell.mk: the course shell's benchmark: start-up to the first complete frame,
# peak memory, and CPU used while idle on a lesson page (make bench-shell); how
# start-up and --check grow with the course (make bench-scale); the live trainer's
# bytes and frames per second and examples per second on a pseudo-terminal at 80x24
# and 200x60, UTF-8 and ASCII (make bench-trainer-live).
EXTRA_PROGRAMS += bench/ptyrun
CLEANFILES += bench/ptyrun
bench_ptyrun_SOURCES = bench/ptyrun.c
bench_ptyrun_LDADD = -lutil
EXTRA_DIST += bench/shell.sh bench/data/anim bench/scale.sh bench/sixfold.sh \
	bench/trainer-live.sh
bench: bench-shell
bench-shell: src/neuronauts bench/ptyrun
	@$(SHELL) $(srcdir)/bench/shell.sh $(BENCH_PROGRAM) ./bench/ptyrun \
		$(abs_top_srcdir)/tests/screens/course $(abs_top_srcdir)/bench/data/anim
.PHONY: bench-shell
# bench-scale: the first frame and --check of the course and of a copy six times its
# size (bench/sixfold.sh), side by side.
bench: bench-scale
bench-scale: src/neuronauts bench/ptyrun
	@$(SHELL) $(srcdir)/bench/scale.sh $(BENCH_PROGRAM) ./bench/ptyrun \
		$(abs_top_srcdir)/content $(abs_top_srcdir)/bench/sixfold.sh
.PHONY: bench-scale
bench: bench-trainer-live
bench-trainer-live: src/neuronauts bench/ptyrun
	@$(SHELL) $(srcdir)/bench/trainer-live.sh $(BENCH_PROGRAM) ./bench/ptyrun \
		$(abs_top_srcdir)/content
.PHONY: bench-trainer-live
