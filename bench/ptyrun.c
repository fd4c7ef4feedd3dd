/* ptyrun.c: runs a program on a pseudo-terminal of a fixed size and measures it as a
 * learner would feel it: milliseconds to the first complete frame (a marker appears),
 * and the CPU time the program used to get there (its main thread's run time from
 * /proc, in nanoseconds, read once the frame has settled), bytes written to the
 * terminal (in all, and per second over the measured window), CPU used over that
 * window, the frames drawn in it (with -f: the program's own log of frame times,
 * NEURONAUTS_FRAME_LOG), peak memory, and the whole run's wall-clock and CPU time (the
 * latter from getrusage, which Linux counts exactly).
 * Benchmark tool only (make bench); depends on libc and libutil. */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds (user + system) the process has used so far, from /proc. */
static double cpu_of(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long ut = 0, st = 0;
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if (!(f = fopen(path, "r")))
		return -1;
	if (!fgets(buf, sizeof buf, f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	p = strrchr(buf, ')');
	for (i = 0; p && i < 12; i++) /* fields 3..13, then utime and stime */
		p = strchr(p + 1, ' ');
	if (!p || sscanf(p, " %lu %lu", &ut, &st) != 2)
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* Milliseconds the process's main thread has run so far (/proc/PID/schedstat: exact,
 * unlike /proc/PID/stat's clock ticks), or -1. */
static double run_ms_of(pid_t pid)
{
	char path[64];
	unsigned long long ns;
	FILE *f;
	int ok;

	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	if (!(f = fopen(path, "r")))
		return -1;
	ok = fscanf(f, "%llu", &ns) == 1;
	fclose(f);
	return ok ? (double)ns / 1e6 : -1;
}

static void usage(void)
{
	fputs("usage: ptyrun [-s COLSxROWS] [-m MARKER] [-p KEYS] [-d SETTLE] [-i IDLE_SECONDS]\n"
	      "              [-k KEYS] [-w SECONDS] [-o DUMP] [-f FRAMELOG] -- PROGRAM [ARG]...\n"
	      "  Waits for MARKER in the output (the first frame), types the -p KEYS, lets\n"
	      "  SETTLE seconds pass (0.2), then measures IDLE_SECONDS, then types KEYS\n"
	      "  (\\r Enter, \\t Tab, \\e Escape) and waits for the program to end. With -f,\n"
	      "  the program is given NEURONAUTS_FRAME_LOG=FRAMELOG and the frames it logged\n"
	      "  in the measured window are counted.\n",
	      stderr);
	exit(2);
}

/* Types keys into the terminal, one every 20 ms: \r Enter, \t Tab, \e Escape,
 * \f Ctrl-L. */
static void type_keys(int master, const char *keys)
{
	for (const char *k = keys; *k; k++) {
		char c = *k;
		if (c == '\\' && k[1]) {
			switch (k[1]) {
			case 'r': c = '\r'; k++; break;
			case 't': c = '\t'; k++; break;
			case 'e': c = '\033'; k++; break;
			case 'f': c = '\f'; k++; break;
			default: break;
			}
		}
		if (write(master, &c, 1) != 1)
			break;
		usleep(c == '\033' ? 100000 : 20000); /* an Escape alone, not a sequence */
	}
}

/* The frames the program logged (one CLOCK_MONOTONIC time in seconds a line) from t0
 * to t1; -1 when there is no log. */
static long frames_in(const char *path, double t0, double t1)
{
	FILE *f = fopen(path, "r");
	long n = 0;
	double t;

	if (!f)
		return -1;
	while (fscanf(f, "%lf", &t) == 1)
		n += t >= t0 && t < t1;
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	struct winsize ws = {24, 80, 0, 0};
	const char *marker = NULL, *keys = "q", *pre = "", *framelog = NULL;
	FILE *dump = NULL;
	double idle = 0, limit = 20, settle = 0.2, t0, t_marker = -1, cpu0 = -1, cpu1 = -1;
	double frame_cpu = -1, t_end, w0 = 0, w1 = 0;
	size_t bytes = 0, bytes_at_marker = 0, mlen, keep = 0, bytes_idle0 = 0, bytes_idle1 = 0;
	char window[8192];
	int opt, master, status = 0;
	long frames = -1;
	struct rusage ru;
	pid_t pid;

	while ((opt = getopt(argc, argv, "s:m:i:k:w:o:p:d:f:")) != -1) {
		switch (opt) {
		case 'o':
			if (!(dump = fopen(optarg, "wb"))) {
				perror(optarg);
				return 2;
			}
			break;
		case 's':
			if (sscanf(optarg, "%hux%hu", &ws.ws_col, &ws.ws_row) != 2)
				usage();
			break;
		case 'm':
			marker = optarg;
			break;
		case 'i':
			idle = atof(optarg);
			break;
		case 'k':
			keys = optarg;
			break;
		case 'p':
			pre = optarg;
			break;
		case 'd':
			settle = atof(optarg);
			break;
		case 'f':
			framelog = optarg;
			break;
		case 'w':
			limit = atof(optarg);
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	mlen = marker ? strlen(marker) : 0;
	if (framelog) {
		unlink(framelog);
		setenv("NEURONAUTS_FRAME_LOG", framelog, 1);
	}
	t0 = now();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	for (;;) {
		struct pollfd pfd = {master, POLLIN, 0};
		double t = now();
		int r;

		if (t - t0 > limit) {
			kill(pid, SIGKILL);
			fprintf(stderr, "ptyrun: timed out\n");
			break;
		}
		if (t_marker >= 0 && cpu0 < 0 && t - t_marker >= settle) {
			cpu0 = cpu_of(pid); /* the first frame has settled: idle starts */
			frame_cpu = run_ms_of(pid);
			w0 = now();
			bytes_idle0 = bytes;
		}
		if (cpu0 >= 0 && cpu1 < 0 && t - t_marker >= settle + idle) {
			cpu1 = cpu_of(pid);
			w1 = now();
			bytes_idle1 = bytes;
			type_keys(master, keys);
		}
		r = poll(&pfd, 1, 10);
		if (r > 0) {
			char buf[4096];
			ssize_t n = read(master, buf, sizeof buf);
			if (n <= 0)
				break; /* EIO: the program closed the terminal */
			bytes += (size_t)n;
			if (dump)
				fwrite(buf, 1, (size_t)n, dump);
			if (marker && t_marker < 0) {
				/* Keep a sliding window so a marker split across reads is found. */
				size_t take = (size_t)n < sizeof window - keep ? (size_t)n : sizeof window - keep;
				memcpy(window + keep, buf, take);
				keep += take;
				if (memmem(window, keep, marker, mlen)) {
					bytes_at_marker = bytes;
					type_keys(master, pre);
					t_marker = now();
				} else if (keep > mlen) {
					memmove(window, window + keep - mlen, mlen);
					keep = mlen;
				}
			}
		} else if (r < 0 && errno != EINTR) {
			break;
		}
		if (waitpid(pid, &status, WNOHANG) == pid) {
			pid = 0;
			break;
		}
		if (!marker && t_marker < 0)
			t_marker = now();
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	t_end = now();
	for (;;) { /* what the program wrote before it ended */
		struct pollfd pfd = {master, POLLIN, 0};
		char buf[4096];
		ssize_t n;
		if (poll(&pfd, 1, 50) <= 0 || (n = read(master, buf, sizeof buf)) <= 0)
			break;
		bytes += (size_t)n;
		if (dump)
			fwrite(buf, 1, (size_t)n, dump);
	}
	if (dump)
		fclose(dump);
	if (framelog && cpu1 >= 0)
		frames = frames_in(framelog, w0, w1);
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("first_frame_ms=%.2f first_frame_cpu_ms=%.2f frame_bytes=%zu bytes=%zu idle_s=%.1f "
	       "idle_cpu_s=%.2f idle_bytes_per_s=%.0f idle_frames_per_s=%.1f maxrss_kb=%ld "
	       "run_ms=%.2f run_cpu_ms=%.2f exit=%d\n",
	       t_marker >= 0 ? (t_marker - t0) * 1000 : -1.0, frame_cpu, bytes_at_marker, bytes, idle,
	       cpu0 >= 0 && cpu1 >= 0 ? cpu1 - cpu0 : -1.0,
	       idle > 0 && cpu1 >= 0 ? (double)(bytes_idle1 - bytes_idle0) / (w1 - w0) : -1.0,
	       frames >= 0 && w1 > w0 ? (double)frames / (w1 - w0) : -1.0, ru.ru_maxrss,
	       (t_end - t0) * 1000,
	       (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		   (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return marker && t_marker < 0 ? 1 : 0;
}
