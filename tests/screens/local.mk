# Screen scenarios: the real program in tmux, compared with reviewed golden screens.
SCREEN_TESTS = \
	tests/screens/title.scn tests/screens/resize.scn tests/screens/quit-sane.scn \
	tests/screens/signals.scn tests/screens/sighup.scn tests/screens/ctrl-c.scn \
	tests/screens/nontty.scn tests/screens/nontty-stdout.scn \
	tests/screens/ascii-mono.scn tests/screens/map.scn tests/screens/lesson.scn \
	tests/screens/help.scn tests/screens/lesson-resize.scn tests/screens/search.scn \
	tests/screens/resume.scn tests/screens/hangup.scn tests/screens/corrupt-progress.scn \
	tests/screens/nocolor-langc.scn tests/screens/slider.scn \
	tests/screens/switch-choice.scn tests/screens/views.scn tests/screens/animation.scn \
	tests/screens/widgets-ascii.scn
TESTS += $(SCREEN_TESTS)
EXTRA_DIST += tests/screens/harness.sh tests/screens/golden tests/screens/course \
	tests/screens/steps tests/screens/l1-done.progress tests/screens/l2-done.progress \
	tests/screens/l3-done.progress \
	$(SCREEN_TESTS)
SCREEN_TESTS += tests/screens/quiz.scn tests/screens/quiz-kinds.scn tests/screens/quiz-ascii.scn
SCREEN_TESTS += tests/screens/network-wave.scn tests/screens/game-win.scn
SCREEN_TESTS += tests/screens/l1-light.scn tests/screens/l1-layout.scn tests/screens/l1-tune.scn tests/screens/l1-quiz.scn \
	tests/screens/l1-resume.scn tests/screens/l1-complete.scn
SCREEN_TESTS += tests/screens/trainer.scn tests/screens/lab.scn tests/screens/trainer-resize.scn
SCREEN_TESTS += tests/screens/l4-embed.scn
SCREEN_TESTS += tests/screens/l3-brain.scn tests/screens/l3-diverge.scn \
	tests/screens/l3-replay.scn tests/screens/l3-descent.scn
SCREEN_TESTS += tests/screens/progress-fifo.scn tests/screens/save-failed.scn \
	tests/screens/no-home.scn tests/screens/save-failed-kept.scn
SCREEN_TESTS += tests/screens/sigcont.scn tests/screens/key-rule.scn
SCREEN_TESTS += tests/screens/steps.scn
SCREEN_TESTS += tests/screens/l2-layers.scn tests/screens/l2-xor.scn tests/screens/l3-sequences.scn
SCREEN_TESTS += tests/screens/l2-init.scn
SCREEN_TESTS += tests/screens/glossary.scn
SCREEN_TESTS += tests/screens/l3-backprop.scn
SCREEN_TESTS += tests/screens/r-basics.scn
SCREEN_TESTS += tests/screens/l3-softmax.scn
SCREEN_TESTS += tests/screens/l2-relay.scn
SCREEN_TESTS += tests/screens/l2-review.scn
SCREEN_TESTS += tests/screens/l2-solvexor.scn
SCREEN_TESTS += tests/screens/l2-complete.scn
SCREEN_TESTS += tests/screens/l2-resume.scn
SCREEN_TESTS += tests/screens/l3-vanish.scn
SCREEN_TESTS += tests/screens/l4-deep.scn
SCREEN_TESTS += tests/screens/l4-memory.scn
SCREEN_TESTS += tests/screens/l4-autoenc.scn
SCREEN_TESTS += tests/screens/l4-families.scn
SCREEN_TESTS += tests/screens/l4-gan.scn
SCREEN_TESTS += tests/screens/l4-unet.scn
SCREEN_TESTS += tests/screens/f-autodiff.scn
SCREEN_TESTS += tests/screens/f-converge.scn
SCREEN_TESTS += tests/screens/l4-vae.scn
SCREEN_TESTS += tests/screens/l4-flow.scn
SCREEN_TESTS += tests/screens/l4-generalize.scn
SCREEN_TESTS += tests/screens/l3-review.scn
SCREEN_TESTS += tests/screens/l3-complete.scn
SCREEN_TESTS += tests/screens/l4-vision.scn
SCREEN_TESTS += tests/screens/l4-landscape.scn
SCREEN_TESTS += tests/screens/r-architectures.scn
SCREEN_TESTS += tests/screens/r-attention.scn
SCREEN_TESTS += tests/screens/course-complete.scn
SCREEN_TESTS += tests/screens/quit-unchanged.scn
SCREEN_TESTS += tests/screens/lesson-by-unit.scn
SCREEN_TESTS += tests/screens/l4-code.scn
SCREEN_TESTS += tests/screens/l4-final.scn
SCREEN_TESTS += tests/screens/f-generalize.scn
SCREEN_TESTS += tests/screens/f-init.scn
# The course over real SSH: its own sshd on 127.0.0.1, a connection dropped and resumed.
TESTS += tests/screens/ssh.sh
EXTRA_DIST += tests/screens/ssh.sh
SCREEN_TESTS += tests/screens/review.scn
EXTRA_DIST += tests/screens/review
SCREEN_TESTS += tests/screens/broken-course.scn
