/* progress.c: the progress store: parsing, merging and the atomic, locked save.
 * Must not touch the terminal or print: it returns statuses for the caller to show. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/progress.h"
#include "base/utf8.h"
#include "nn/infile.h"

#define MAX_FILE_SIZE (4u << 20) /* a larger file is not ours: it is moved aside */
#define HEADER "neuronauts-progress"
#define STALE_SECONDS 60 /* a temporary file this old belongs to no save in progress */

typedef struct {
	char *key, *value;
	int dirty; /* changed by this instance since its last save */
} Entry;

struct Progress {
	char *path;
	Entry *e;
	size_t n, cap;
	int blocked; /* the file on disk could not be read or moved aside: never overwrite */
	int swept;   /* stale temporary files were looked for (once per store) */
};

Progress *progress_new(const char *path)
{
	Progress *p = calloc(1, sizeof *p);

	if (p && path && !(p->path = strdup(path))) {
		free(p);
		return NULL;
	}
	return p;
}

static void clear(Progress *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->e[i].key);
		free(p->e[i].value);
	}
	p->n = 0;
}

void progress_free(Progress *p)
{
	if (!p)
		return;
	clear(p);
	free(p->e);
	free(p->path);
	free(p);
}

const char *progress_path(const Progress *p)
{
	return p->path;
}

size_t progress_unsaved(const Progress *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		n += p->e[i].dirty != 0;
	return n;
}

/* Binary search: returns the index of key, or of where it would be inserted. */
static size_t find(const Progress *p, const char *key, int *found)
{
	size_t lo = 0, hi = p->n;

	*found = 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(key, p->e[mid].key);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static int key_ok(const char *key)
{
	const char *k;

	if (!*key || *key == '#' || strlen(key) > 256) /* "#..." would read as a comment */
		return 0;
	for (k = key; *k; k++)
		if (*k <= ' ' || *k > '~' || *k == '\\')
			return 0;
	return 1;
}

/* Stores key = value taking ownership of nothing; dirty marks our own changes. */
static int put(Progress *p, const char *key, const char *value, int dirty)
{
	int found;
	size_t i = find(p, key, &found);
	char *v = strdup(value), *k;

	if (!v)
		return -1;
	if (found && strcmp(p->e[i].value, v) == 0) { /* the same: nothing to save */
		free(v);
		return 0;
	}
	if (found) {
		free(p->e[i].value);
		p->e[i].value = v;
		p->e[i].dirty = p->e[i].dirty || dirty;
		return 0;
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 32;
		Entry *e = realloc(p->e, cap * sizeof *e);
		if (!e) {
			free(v);
			return -1;
		}
		p->e = e;
		p->cap = cap;
	}
	k = strdup(key);
	if (!k) {
		free(v);
		return -1;
	}
	memmove(&p->e[i + 1], &p->e[i], (p->n - i) * sizeof *p->e);
	p->e[i].key = k;
	p->e[i].value = v;
	p->e[i].dirty = dirty;
	p->n++;
	return 0;
}

const char *progress_get(const Progress *p, const char *key)
{
	int found;
	size_t i = find(p, key, &found);
	return found ? p->e[i].value : NULL;
}

int progress_set(Progress *p, const char *key, const char *value)
{
	const char *old;

	if (!key_ok(key) || utf8_validate(value, strlen(value)) != strlen(value))
		return -1;
	old = progress_get(p, key);
	if (old && strcmp(old, value) == 0)
		return 0;
	return put(p, key, value, 1);
}

double progress_get_num(const Progress *p, const char *key, double def)
{
	const char *v = progress_get(p, key);
	char *end;
	double d;

	if (!v || !*v)
		return def;
	d = strtod(v, &end);
	return *end ? def : d;
}

int progress_set_num(Progress *p, const char *key, double value)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.17g", value);
	return progress_set(p, key, buf);
}

void progress_each(const Progress *p, const char *prefix,
		   void (*fn)(const char *key, const char *value, void *ctx), void *ctx)
{
	size_t i, len = strlen(prefix);

	for (i = 0; i < p->n; i++)
		if (strncmp(p->e[i].key, prefix, len) == 0)
			fn(p->e[i].key, p->e[i].value, ctx);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Unescapes what write_value escapes, s[0..n) into out (room for n+1): \\, \n, \r and
 * \xHH (two lower-case hex digits, not 00). Returns -1 on a bad escape. */
static int unescape(char *out, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		int hi, lo;
		if (s[i] != '\\') {
			out[o++] = s[i];
			continue;
		}
		if (++i == n)
			return -1;
		if (s[i] == 'n')
			out[o++] = '\n';
		else if (s[i] == 'r')
			out[o++] = '\r';
		else if (s[i] == '\\')
			out[o++] = '\\';
		else if (s[i] == 'x' && n - i > 2 && (hi = hex_digit(s[i + 1])) >= 0 &&
			 (lo = hex_digit(s[i + 2])) >= 0 && (hi || lo)) {
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else
			return -1;
	}
	out[o] = '\0';
	return 0;
}

int progress_parse(Progress *p, const char *text, size_t n, int overwrite_clean)
{
	size_t i = 0;
	int have_header = 0;
	char *buf;

	if (memchr(text, '\0', n) || utf8_validate(text, n) != n)
		return -1;
	if (!(buf = malloc(n + 1)))
		return -1;
	while (i < n) {
		const char *line = text + i, *nl = memchr(line, '\n', n - i);
		char *sp;
		size_t len = nl ? (size_t)(nl - line) : n - i;

		i += len + (nl ? 1 : 0);
		if (len && line[len - 1] == '\r')
			len--;
		if (len == 0 || line[0] == '#')
			continue;
		memcpy(buf, line, len);
		buf[len] = '\0';
		if (!have_header) {
			char *end;
			long v;
			if (strncmp(buf, HEADER " ", sizeof HEADER) != 0)
				goto bad;
			v = strtol(buf + sizeof HEADER, &end, 10);
			if (*end || end == buf + sizeof HEADER)
				goto bad;
			if (v != PROGRESS_VERSION) {
				free(buf);
				return -2;
			}
			have_header = 1;
			continue;
		}
		sp = strchr(buf, ' ');
		if (!sp)
			sp = buf + len;
		*sp = '\0';
		if (!key_ok(buf))
			goto bad;
		{
			char *val = sp < buf + len ? sp + 1 : sp;
			size_t vlen = (size_t)(buf + len - val);
			int found;
			size_t at;
			if (unescape(val, val, vlen) != 0 ||
			    utf8_validate(val, strlen(val)) != strlen(val))
				goto bad;
			at = find(p, buf, &found);
			if (found && (p->e[at].dirty || !overwrite_clean))
				continue;
			if (put(p, buf, val, 0) != 0)
				goto bad;
		}
	}
	free(buf);
	return have_header ? 0 : -1;
bad:
	free(buf);
	return -1;
}

/* See progress.h. link() refuses to replace an existing backup, so no race loses one. */
int progress_backup(const char *path, char *out, size_t size)
{
	char bak[PATH_MAX];
	int i;

	if (access(path, F_OK) != 0)
		return -1;

	for (i = 1; i < 1000; i++) {
		snprintf(bak, sizeof bak, "%s.bak.%d", path, i);
		if (link(path, bak) == 0) {
			if (unlink(path) != 0)
				return -1;
		} else if (errno == EEXIST) {
			continue;
		} else if (access(bak, F_OK) == 0 || rename(path, bak) != 0) {
			if (errno == EEXIST || access(bak, F_OK) == 0)
				continue;
			return -1;
		}
		if (out && size)
			snprintf(out, size, "%s", bak);
		return 0;
	}
	errno = EEXIST;
	return -1;
}

Progress *progress_open(const char *path, ProgressStatus *st, char *backup, size_t backup_size)
{
	Progress *p = progress_new(path);
	size_t n;
	char *text;
	InfileStatus fs;

	if (backup && backup_size)
		backup[0] = '\0';
	if (!p)
		return NULL;
	fs = infile_read(path, MAX_FILE_SIZE, &text, &n);
	if (fs == INFILE_ERR_NOT_REGULAR) { /* put there on purpose: left alone */
		*st = PROGRESS_ERR_NOT_FILE;
		return p;
	}
	if (fs == INFILE_ERR_SYS) {
		if (errno == ENOENT) {
			*st = PROGRESS_FRESH;
			return p;
		}
		*st = PROGRESS_ERR_IO;
		p->blocked = 1;
		return p;
	}
	if (fs == INFILE_OK && progress_parse(p, text, n, 1) == 0) {
		free(text);
		*st = PROGRESS_OK;
		return p;
	}
	free(text); /* not a progress file, or too big to be one */
	clear(p);
	if (progress_backup(path, backup, backup_size) != 0) {
		*st = PROGRESS_ERR_IO;
		p->blocked = 1;
		return p;
	}
	*st = PROGRESS_RECOVERED;
	return p;
}

Progress *progress_read(const char *path, ProgressReadStatus *st)
{
	Progress *p;
	size_t n;
	char *text;
	InfileStatus fs = infile_read(path, MAX_FILE_SIZE, &text, &n);
	int r;

	if (fs != INFILE_OK) {
		*st = fs == INFILE_ERR_NOT_REGULAR ? PROGRESS_READ_NOT_FILE
		      : fs == INFILE_ERR_TOO_BIG ? PROGRESS_READ_TOO_BIG
		      : errno == ENOENT	     ? PROGRESS_READ_MISSING
					     : PROGRESS_READ_IO;
		return NULL;
	}
	if (!(p = progress_new(NULL))) {
		free(text);
		*st = PROGRESS_READ_NOMEM;
		return NULL;
	}
	r = progress_parse(p, text, n, 1);
	free(text);
	if (r != 0) {
		progress_free(p);
		*st = r == -2 ? PROGRESS_READ_VERSION : PROGRESS_READ_DAMAGED;
		return NULL;
	}
	*st = PROGRESS_READ_OK;
	return p;
}

/* Writes value so that progress_parse gives it back byte for byte: the backslash, the
 * line ends (a trailing "\r" would be taken for a CRLF line end) and every other
 * control character but the tab are escaped; the rest (UTF-8 text, spaces) is kept. */
static void write_value(FILE *f, const char *v)
{
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;
		if (c == '\\')
			fputs("\\\\", f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if ((c < 0x20 && c != '\t') || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			putc(c, f);
	}
}

/* Writes the store as a progress file to fd. Returns 0 or -1 (errno set). */
static int write_all(int fd, const Progress *p)
{
	FILE *f = fdopen(dup(fd), "w");
	size_t i;
	int ok;

	if (!f)
		return -1;
	fprintf(f, "# Neuronauts progress: one \"key value\" per line (see neuronauts(1)).\n"
		   "%s %d\n", HEADER, PROGRESS_VERSION);
	for (i = 0; i < p->n; i++) {
		fprintf(f, "%s ", p->e[i].key);
		write_value(f, p->e[i].value);
		putc('\n', f);
	}
	ok = fflush(f) == 0 && !ferror(f);
	if (fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/* Replaces the store by what is on disk, then re-applies this instance's changes.
 * Returns 0, -1 (errno set) or -2 when path is not a regular file. */
static int merge_from_disk(Progress *p)
{
	Progress *disk = progress_new(NULL);
	size_t n, i;
	char *text;
	int r = 0;
	InfileStatus fs;

	if (!disk)
		return -1;
	fs = infile_read(p->path, MAX_FILE_SIZE, &text, &n);
	if (fs == INFILE_ERR_NOT_REGULAR || (fs == INFILE_ERR_SYS && errno != ENOENT)) {
		progress_free(disk);
		return fs == INFILE_ERR_NOT_REGULAR ? -2 : -1;
	}
	if (fs != INFILE_ERR_SYS) {
		r = fs == INFILE_OK ? progress_parse(disk, text, n, 1) : -1;
		free(text);
		if (r != 0) { /* another program wrote something else: keep it aside */
			progress_free(disk);
			return progress_backup(p->path, NULL, 0);
		}
	}
	for (i = 0; i < p->n; i++)
		if (p->e[i].dirty && put(disk, p->e[i].key, p->e[i].value, 1) != 0)
			r = -1;
	if (r == 0) { /* swap contents */
		Progress tmp = *p;
		p->e = disk->e, p->n = disk->n, p->cap = disk->cap;
		disk->e = tmp.e, disk->n = tmp.n, disk->cap = tmp.cap;
	}
	progress_free(disk);
	return r;
}

/* Takes the lock next to the file (path.lock): created mode 0600 if missing, never
 * through a symbolic link, and only a regular file. Returns the descriptor holding an
 * exclusive flock, or -1 when there is no usable lock (the save goes on without it). */
static int take_lock(const char *path)
{
	char name[PATH_MAX];
	struct stat sb;
	int fd;

	if (snprintf(name, sizeof name, "%s.lock", path) >= (int)sizeof name)
		return -1;
	fd = open(name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return -1;
	}
	while (flock(fd, LOCK_EX) != 0)
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	return fd;
}

/* Removes the temporary files that killed saves left in dir: "base.tmp.*" that are
 * regular files (never links) owned by us and older than STALE_SECONDS. Called with
 * the lock held, when no other instance can be between creating its temporary file
 * and renaming it; the age spares one that saves without the lock (it could not take
 * it) and a save stalled on a slow disk. */
static void remove_stale(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t len = strlen(base);
	time_t now = time(NULL);

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		struct stat sb;
		if (strncmp(de->d_name, base, len) != 0 || strncmp(de->d_name + len, ".tmp.", 5) != 0 ||
		    !de->d_name[len + 5])
			continue;
		if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(sb.st_mode) && sb.st_uid == geteuid() &&
		    now - sb.st_mtime >= STALE_SECONDS)
			unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

int progress_save(Progress *p)
{
	char tmp[PATH_MAX], dir[PATH_MAX], *slash;
	const char *base;
	int lock = -1, fd = -1, e, r = -1, m;
	size_t i;

	if (!p->path) {
		errno = EINVAL;
		return -1;
	}
	/* Nothing changed and the file is there: it already holds all of it. */
	if (progress_unsaved(p) == 0 && !p->blocked && access(p->path, F_OK) == 0)
		return 0;
	if (snprintf(dir, sizeof dir, "%s", p->path) >= (int)sizeof dir ||
	    snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", p->path) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	slash = strrchr(dir, '/');
	base = slash ? p->path + (slash - dir) + 1 : p->path;
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	if (p->blocked) { /* try once more to move the unreadable file aside */
		if (access(p->path, F_OK) == 0 && progress_backup(p->path, NULL, 0) != 0)
			return -1;
		p->blocked = 0;
	}
	lock = take_lock(p->path);
	m = merge_from_disk(p);
	if (m != 0) {
		r = m;
		goto out;
	}
	if (lock >= 0 && !p->swept) {
		remove_stale(dir, base);
		p->swept = 1;
	}
	/* A new name: O_EXCL, so nothing planted there (a link) is followed; mode 0600. */
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		goto out;
	if (write_all(fd, p) != 0 || fsync(fd) != 0 || close(fd) != 0) {
		e = errno;
		fd = -1;
		unlink(tmp);
		errno = e;
		goto out;
	}
	fd = -1;
	if (rename(tmp, p->path) != 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		goto out;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd); /* best effort: some file systems refuse fsync on directories */
		close(fd);
		fd = -1;
	}
	for (i = 0; i < p->n; i++)
		p->e[i].dirty = 0;
	r = 0;
out:
	e = errno;
	if (fd >= 0)
		close(fd);
	if (lock >= 0)
		close(lock); /* releases the flock */
	errno = e;
	return r;
}
