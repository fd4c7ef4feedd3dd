/* input.c: keys through libtermkey, and signals through a self-pipe, both waited on
 * with one poll() so an idle program sleeps. Must not draw. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termkey.h>
#include <time.h>
#include <unistd.h>

#include "ui/term.h"

/* The signals that end the program cleanly, and the resize signal. */
static const int quit_signals[] = {SIGTERM, SIGHUP, SIGINT};

static struct {
	TermKey *tk;
	int pipe[2];
	struct sigaction old_winch, old_cont, old_quit[3];
	Key pending;      /* the second half of an Alt key split in two */
	bool has_pending;
} I = {.pipe = {-1, -1}};

/* Async-signal-safe: only writes the signal number to the self-pipe. */
static void on_signal(int signo)
{
	int saved = errno;
	unsigned char b = (unsigned char)signo;
	ssize_t r = write(I.pipe[1], &b, 1);
	(void)r; /* a full pipe already holds a wake-up */
	errno = saved;
}

int input_open(bool utf8)
{
	struct sigaction sa;
	size_t i;
	int flags = TERMKEY_FLAG_NOTERMIOS | TERMKEY_FLAG_CONVERTKP |
		    (utf8 ? TERMKEY_FLAG_UTF8 : TERMKEY_FLAG_RAW);

	if (pipe(I.pipe) != 0)
		return -1;
	for (i = 0; i < 2; i++) {
		fcntl(I.pipe[i], F_SETFD, FD_CLOEXEC);
		fcntl(I.pipe[i], F_SETFL, fcntl(I.pipe[i], F_GETFL) | O_NONBLOCK);
	}
	I.tk = termkey_new(STDIN_FILENO, flags);
	if (!I.tk) {
		close(I.pipe[0]);
		close(I.pipe[1]);
		I.pipe[0] = I.pipe[1] = -1;
		return -1;
	}
	termkey_set_canonflags(I.tk, termkey_get_canonflags(I.tk) | TERMKEY_CANON_DELBS);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGWINCH, &sa, &I.old_winch);
	/* After a stop from outside (SIGSTOP, or a shell's job control) the shell may
	 * have put its own terminal modes back: resuming restores ours. */
	sigaction(SIGCONT, &sa, &I.old_cont);
	/* A second termination signal while we clean up kills at once. */
	sa.sa_flags = SA_RESTART | SA_RESETHAND;
	for (i = 0; i < 3; i++)
		sigaction(quit_signals[i], &sa, &I.old_quit[i]);
	return 0;
}

void input_close(void)
{
	size_t i;

	if (!I.tk)
		return;
	sigaction(SIGWINCH, &I.old_winch, NULL);
	sigaction(SIGCONT, &I.old_cont, NULL);
	for (i = 0; i < 3; i++)
		sigaction(quit_signals[i], &I.old_quit[i], NULL);
	termkey_destroy(I.tk);
	I.tk = NULL;
	close(I.pipe[0]);
	close(I.pipe[1]);
	I.pipe[0] = I.pipe[1] = -1;
}

static const KeyCode sym_map[TERMKEY_N_SYMS] = {
	[TERMKEY_SYM_BACKSPACE] = K_BACKSPACE, [TERMKEY_SYM_TAB] = K_TAB,
	[TERMKEY_SYM_ENTER] = K_ENTER,         [TERMKEY_SYM_ESCAPE] = K_ESC,
	[TERMKEY_SYM_DEL] = K_BACKSPACE,       [TERMKEY_SYM_UP] = K_UP,
	[TERMKEY_SYM_DOWN] = K_DOWN,           [TERMKEY_SYM_LEFT] = K_LEFT,
	[TERMKEY_SYM_RIGHT] = K_RIGHT,         [TERMKEY_SYM_INSERT] = K_INSERT,
	[TERMKEY_SYM_DELETE] = K_DELETE,       [TERMKEY_SYM_PAGEUP] = K_PGUP,
	[TERMKEY_SYM_PAGEDOWN] = K_PGDN,       [TERMKEY_SYM_HOME] = K_HOME,
	[TERMKEY_SYM_END] = K_END,             [TERMKEY_SYM_BEGIN] = K_HOME,
	[TERMKEY_SYM_FIND] = K_HOME,           [TERMKEY_SYM_SELECT] = K_END,
	[TERMKEY_SYM_HELP] = K_F1,
};

/* Translates a termkey key into ours; returns false for keys we do not use. */
static bool translate(TermKeyKey *tkk, Key *k)
{
	memset(k, 0, sizeof *k);
	k->mods = (unsigned)tkk->modifiers; /* termkey's bits equal KEYMOD_* */
	switch (tkk->type) {
	case TERMKEY_TYPE_UNICODE:
		k->code = K_CHAR;
		k->ch = (uint32_t)tkk->code.codepoint;
		return true;
	case TERMKEY_TYPE_FUNCTION:
		if (tkk->code.number < 1 || tkk->code.number > 12)
			return false;
		k->code = (KeyCode)(K_F1 + tkk->code.number - 1);
		return true;
	case TERMKEY_TYPE_KEYSYM:
		if (tkk->code.sym == TERMKEY_SYM_SPACE) {
			k->code = K_CHAR;
			k->ch = ' ';
			return true;
		}
		if (tkk->code.sym <= 0 || tkk->code.sym >= TERMKEY_N_SYMS ||
		    sym_map[tkk->code.sym] == K_NONE)
			return false;
		k->code = sym_map[tkk->code.sym];
		if (k->code == K_TAB && (k->mods & KEYMOD_SHIFT)) {
			k->code = K_BACKTAB;
			k->mods &= ~(unsigned)KEYMOD_SHIFT;
		}
		return true;
	case TERMKEY_TYPE_MOUSE: {
		TermKeyMouseEvent ev;
		int button, line, col;
		if (termkey_interpret_mouse(I.tk, tkk, &ev, &button, &line, &col) !=
		    TERMKEY_RES_KEY)
			return false;
		k->code = K_MOUSE;
		k->mouse_button = button;
		k->mouse_x = col - 1;
		k->mouse_y = line - 1;
		if (ev == TERMKEY_MOUSE_PRESS && (button == 4 || button == 5))
			k->mouse_action = button == 4 ? MOUSE_WHEEL_UP : MOUSE_WHEEL_DOWN;
		else if (ev == TERMKEY_MOUSE_PRESS)
			k->mouse_action = MOUSE_PRESS;
		else if (ev == TERMKEY_MOUSE_DRAG)
			k->mouse_action = MOUSE_DRAG;
		else
			k->mouse_action = MOUSE_RELEASE;
		return true;
	}
	default:
		return false;
	}
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Drains the self-pipe. Returns the first termination signal seen (0 if none), sets
 * *resized when a SIGWINCH was among them and *resumed for a SIGCONT. */
static int drain_signals(bool *resized, bool *resumed)
{
	unsigned char buf[64];
	ssize_t n, i;
	int quit = 0;

	while ((n = read(I.pipe[0], buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] == SIGWINCH)
				*resized = true;
			else if (buf[i] == SIGCONT)
				*resumed = true;
			else if (!quit)
				quit = buf[i];
		}
	}
	return quit;
}

/* Nothing here is bound to Alt, but Esc followed quickly by a key (a fast typist, a
 * slow link, a busy frame) arrives as that key with Alt: it is taken for what it was,
 * Esc now and the key next, so Esc then q never leaves a control focused. */
static void split_alt(Key *k)
{
	if (!(k->mods & KEYMOD_ALT) || k->code == K_MOUSE)
		return;
	I.pending = *k;
	I.pending.mods &= ~(unsigned)KEYMOD_ALT;
	I.has_pending = true;
	memset(k, 0, sizeof *k);
	k->code = K_ESC;
}

void term_wait(TermEvent *ev, int timeout_ms)
{
	long deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : -1;

	memset(ev, 0, sizeof *ev);
	if (!I.tk) {
		ev->type = TERM_EV_EOF;
		return;
	}
	if (I.has_pending) {
		I.has_pending = false;
		ev->type = TERM_EV_KEY;
		ev->key = I.pending;
		return;
	}
	for (;;) {
		TermKeyKey tkk;
		TermKeyResult res = termkey_getkey(I.tk, &tkk);
		struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {I.pipe[0], POLLIN, 0}};
		bool resized = false, resumed = false;
		int wait, r, quit;

		if (res == TERMKEY_RES_KEY) {
			if (translate(&tkk, &ev->key)) {
				ev->type = TERM_EV_KEY;
				split_alt(&ev->key);
				return;
			}
			continue;
		}
		if (res == TERMKEY_RES_EOF || res == TERMKEY_RES_ERROR) {
			ev->type = TERM_EV_EOF;
			return;
		}
		wait = deadline < 0 ? -1 : (int)(deadline - now_ms());
		if (deadline >= 0 && wait < 0)
			wait = 0;
		if (res == TERMKEY_RES_AGAIN) {
			/* A lone Esc so far: wait the escape delay for the rest of a sequence. */
			int esc = termkey_get_waittime(I.tk);
			if (wait < 0 || esc < wait)
				wait = esc;
		}
		r = poll(fds, 2, wait);
		if (r < 0 && errno != EINTR) {
			ev->type = TERM_EV_EOF;
			return;
		}
		quit = drain_signals(&resized, &resumed);
		if (quit) {
			ev->type = TERM_EV_QUIT;
			ev->signo = quit;
			return;
		}
		if (resumed)
			term_resume(); /* our modes back; then a full repaint, as on resize */
		if (resized || resumed) {
			term_apply_resize();
			ev->type = TERM_EV_RESIZE;
			return;
		}
		if (r > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
			if (termkey_advisereadable(I.tk) == TERMKEY_RES_ERROR) {
				ev->type = TERM_EV_EOF;
				return;
			}
			continue;
		}
		if (r == 0 && res == TERMKEY_RES_AGAIN &&
		    termkey_getkey_force(I.tk, &tkk) == TERMKEY_RES_KEY &&
		    translate(&tkk, &ev->key)) {
			ev->type = TERM_EV_KEY;
			return;
		}
		if (r == 0 && deadline >= 0 && now_ms() >= deadline) {
			ev->type = TERM_EV_TIMEOUT;
			return;
		}
	}
}
