/* readfile: a whole regular file into memory, within a size limit.
 *
 * Sheets and configuration files are read the same way: only regular
 * files (opening a FIFO blocks until someone writes to it, /dev/zero never
 * ends, a device is not a sheet), opened with O_NONBLOCK and checked with
 * fstat() on the descriptor actually opened, refused beyond `max` bytes —
 * before reading, and again if the file grows while being read. */
#ifndef FOURW_READFILE_H
#define FOURW_READFILE_H

#include <stddef.h>
#include <sys/types.h>

enum readfile_status {
	READFILE_OK,
	READFILE_ERRNO,          /* open/fstat/read failed: see err */
	READFILE_NOT_REGULAR,    /* a folder, FIFO, device or socket: see mode */
	READFILE_TOO_BIG,        /* over max: see size */
};

struct readfile {
	char *buf;               /* READFILE_OK: malloc'd, NUL-terminated; caller frees */
	size_t len;
	int err;                 /* errno of the failing call */
	mode_t mode;             /* what the path turned out to be */
	off_t size;              /* its size as far as known */
};

enum readfile_status readfile_read(const char *path, off_t max, struct readfile *out);

/* Opens a regular file within max for reading in pieces (sheets are never
 * held whole): READFILE_OK and *fd, which the caller closes; out->size is
 * its size. */
enum readfile_status readfile_open(const char *path, off_t max, struct readfile *out,
                                   int *fd);

/* "a folder", "a FIFO", "a character device"… for messages. */
const char *readfile_kind(mode_t mode);

/* Why a read failed, in words: "No such file or directory", "not a regular
 * file (a FIFO)", "70000000 bytes, more than the 67108864 allowed". */
void readfile_describe(enum readfile_status st, const struct readfile *r, off_t max,
                       char *buf, size_t size);

#endif
