#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

const char *readfile_kind(mode_t m)
{
	return S_ISDIR(m) ? _("a folder") : S_ISFIFO(m) ? _("a FIFO")
	     : S_ISCHR(m) ? _("a character device") : S_ISBLK(m) ? _("a block device")
	     : S_ISSOCK(m) ? _("a socket") : _("not a regular file");
}

static enum readfile_status fail_errno(struct readfile *out, int fd)
{
	out->err = errno;
	if (fd >= 0)
		close(fd);
	return READFILE_ERRNO;
}

/* Opens path if it is a regular file within max; -1 and a status otherwise. */
static int open_regular(const char *path, off_t max, struct readfile *out,
                        enum readfile_status *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		*st = fail_errno(out, fd);
		return -1;
	}
	out->mode = sb.st_mode;
	out->size = sb.st_size;
	*st = !S_ISREG(sb.st_mode) ? READFILE_NOT_REGULAR
	    : sb.st_size > max ? READFILE_TOO_BIG : READFILE_OK;
	if (*st == READFILE_OK)
		return fd;
	close(fd);
	return -1;
}

enum readfile_status readfile_open(const char *path, off_t max, struct readfile *out,
                                   int *fd)
{
	enum readfile_status st;
	memset(out, 0, sizeof *out);
	*fd = open_regular(path, max, out, &st);
	return st;
}

enum readfile_status readfile_read(const char *path, off_t max, struct readfile *out)
{
	enum readfile_status st;
	memset(out, 0, sizeof *out);
	int fd = open_regular(path, max, out, &st);
	if (fd < 0)
		return st;
	/* the size is only a hint: the file may grow while it is read */
	size_t cap = (size_t)out->size + 1, n = 0;
	char *b = xmalloc(cap + 1);
	for (;;) {
		if (n == cap)
			b = xrealloc(b, (cap *= 2) + 1);
		ssize_t got = read(fd, b + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(b);
			return fail_errno(out, fd);
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if ((off_t)n > max) {
			free(b);
			close(fd);
			out->size = (off_t)n;
			return READFILE_TOO_BIG;
		}
	}
	close(fd);
	b[n] = '\0';
	out->buf = b;
	out->len = n;
	return READFILE_OK;
}

void readfile_describe(enum readfile_status st, const struct readfile *r, off_t max,
                       char *buf, size_t size)
{
	switch (st) {
	case READFILE_OK:
		snprintf(buf, size, "%s", _("read"));
		break;
	case READFILE_ERRNO:
		snprintf(buf, size, "%s", strerror(r->err));
		break;
	case READFILE_NOT_REGULAR:
		snprintf(buf, size, _("not a regular file (%s)"), readfile_kind(r->mode));
		break;
	case READFILE_TOO_BIG:
		snprintf(buf, size, _("%lld bytes, more than the %lld allowed"),
		         (long long)r->size, (long long)max);
		break;
	}
}
