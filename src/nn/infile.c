/* infile.c: the one guarded way input files are opened and read (see infile.h).
 * libc only; must not print. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nn/infile.h"

int infile_open(const char *path, size_t max, InfileStatus *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), flags;
	struct stat sb;

	*st = INFILE_ERR_SYS;
	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) != 0)
		goto fail;
	if (!S_ISREG(sb.st_mode)) {
		*st = INFILE_ERR_NOT_REGULAR;
		errno = S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
		goto fail;
	}
	if ((unsigned long long)sb.st_size > (unsigned long long)max) {
		*st = INFILE_ERR_TOO_BIG;
		errno = EFBIG;
		goto fail;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
		goto fail;
	*st = INFILE_OK;
	return fd;
fail: {
	int e = errno;
	close(fd);
	errno = e;
	return -1;
}
}

InfileStatus infile_read(const char *path, size_t max, char **buf, size_t *n)
{
	InfileStatus st;
	int fd = infile_open(path, max, &st);
	size_t cap = 4096, len = 0;
	char *b;

	*buf = NULL;
	*n = 0;
	if (fd < 0)
		return st;
	if (!(b = malloc(cap + 1))) {
		close(fd);
		errno = ENOMEM;
		return INFILE_ERR_SYS;
	}
	for (;;) {
		ssize_t r;
		if (len == cap) { /* grow, but never past one byte more than the limit */
			size_t nc = cap > max / 2 ? max + 1 : 2 * cap;
			char *nb;
			if (len > max) {
				free(b);
				close(fd);
				errno = EFBIG;
				return INFILE_ERR_TOO_BIG;
			}
			if (!(nb = realloc(b, nc + 1))) {
				free(b);
				close(fd);
				errno = ENOMEM;
				return INFILE_ERR_SYS;
			}
			b = nb;
			cap = nc;
		}
		r = read(fd, b + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(b);
			close(fd);
			errno = e;
			return INFILE_ERR_SYS;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (len > max) {
		free(b);
		errno = EFBIG;
		return INFILE_ERR_TOO_BIG;
	}
	b[len] = '\0';
	*buf = b;
	*n = len;
	return INFILE_OK;
}

char *infile_line(char **at, char *end, size_t *len)
{
	char *line = *at, *nl;

	if (line >= end)
		return NULL;
	nl = memchr(line, '\n', (size_t)(end - line));
	*len = nl ? (size_t)(nl - line) : (size_t)(end - line);
	line[*len] = '\0';
	*at = line + *len + (nl ? 1 : 0);
	return line;
}
