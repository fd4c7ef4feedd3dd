# tests/: Check suites mirroring src/, shell checks, and the tmux screen scenarios.
# Every test speaks TAP, so the logs list each test case; .ci/run sums them.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_EXTENSIONS = .sh .scn
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
SCN_LOG_DRIVER = $(LOG_DRIVER)
SCN_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/screens/harness.sh
# Check kills a test after 4 s by default, which a loaded machine (a parallel make
# check under ASan) can exceed with no bug at all: the only limit is a hang guard of
# ten minutes, far above any suite's time on any machine.
AM_TESTS_ENVIRONMENT = \
	CK_TAP_LOG_FILE_NAME=-; export CK_TAP_LOG_FILE_NAME; \
	CK_DEFAULT_TIMEOUT=600; export CK_DEFAULT_TIMEOUT; \
	NEURONAUTS='$(abs_top_builddir)/src/neuronauts'; export NEURONAUTS; \
	TMUX_PROG='$(TMUX_PROG)'; export TMUX_PROG; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	XGETTEXT='$(XGETTEXT)'; MSGMERGE='$(MSGMERGE)'; MSGFMT='$(MSGFMT)'; \
	export XGETTEXT MSGMERGE MSGFMT; \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0; export ASAN_OPTIONS;

check_LIBRARIES += tests/libtest.a
tests_libtest_a_SOURCES = tests/testlib.c tests/testlib.h
# Each suite links its layer's libraries and this.
TEST_LIBS = tests/libtest.a $(CHECK_LIBS)

include tests/base/local.mk
include tests/nn/local.mk
include tests/lesson/local.mk
include tests/draw/local.mk
include tests/ui/local.mk
include tests/widgets/local.mk
include tests/app/local.mk
include tests/screens/local.mk
include tests/fuzz/local.mk

TESTS += tests/layers.sh tests/po/complete.sh tests/content-listed.sh
EXTRA_DIST += tests/layers.sh tests/po/complete.sh tests/content-listed.sh
