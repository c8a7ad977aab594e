#include "xlsx_parts.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

/* What the first bytes say a file is. */
enum magic { MAGIC_OTHER, MAGIC_ZIP, MAGIC_OLE, MAGIC_UNREADABLE };

static enum magic file_magic(const char *path, int *err)
{
	static const unsigned char ole[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	unsigned char head[8] = {0};
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*err = errno;
		return MAGIC_UNREADABLE;
	}
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0)
		return MAGIC_ZIP;
	if (n == 8 && memcmp(head, ole, 8) == 0)
		return MAGIC_OLE;
	return MAGIC_OTHER;
}

/* An Office file encrypted with a password is a compound file holding an
 * "EncryptionInfo" stream; its name, in UTF-16, is in the file's directory. */
static bool is_encrypted_office(const char *path)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
	const size_t nlen = sizeof name - 1, block = (size_t)1 << 16;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	char *buf = xmalloc(block + nlen);
	size_t keep = 0;
	bool found = false;
	ssize_t n;
	while (!found && (n = read(fd, buf + keep, block)) > 0) {
		size_t have = keep + (size_t)n;
		for (size_t i = 0; !found && i + nlen <= have; i++)
			found = buf[i] == 'E' && memcmp(buf + i, name, nlen) == 0;
		keep = have < nlen ? have : nlen;     /* a name across two blocks */
		memmove(buf, buf + have - keep, keep);
	}
	free(buf);
	close(fd);
	return found;
}

static bool open_ooxml(struct xlsx_book *b, const char *path, char *why, size_t whysize)
{
	b->kind = XLSX_OOXML;
	if (!ooxml_open_zip(&b->ox, path, why, whysize) || !ooxml_read_book(&b->ox, why, whysize))
		return false;
	for (size_t i = 0; i < b->ox.sheet_names.n; i++) {
		const char *n = xlsx_strings_get(&b->ox.sheet_names, i);
		xlsx_strings_add(&b->names, n, strlen(n));
	}
	return true;
}

bool xlsx_is_legacy(const char *path)
{
	int err = 0;
	return file_magic(path, &err) == MAGIC_OLE;
}

struct xlsx_book *xlsx_open(const char *path, char *why, size_t whysize)
{
	struct xlsx_book *b = xcalloc(1, sizeof *b);
	int err = 0;
	bool ok = false;
	switch (file_magic(path, &err)) {
	case MAGIC_ZIP:
		ok = open_ooxml(b, path, why, whysize);
		break;
	case MAGIC_OLE:
		/* an .xls, or an .xlsx Excel encrypted with a password (which
		 * wraps it in the same container): freexl tells them apart */
		b->kind = XLSX_BIFF;
		ok = biff_open(b, path, why, whysize);
		if (!ok && is_encrypted_office(path))
			snprintf(why, whysize, "%s", _("the workbook is encrypted (protected by a password "
			         "to open it); open it in Excel, remove the password and save it again"));
		break;
	case MAGIC_UNREADABLE:
		snprintf(why, whysize, "%s", strerror(err));
		break;
	case MAGIC_OTHER:
		snprintf(why, whysize, "%s", _("not an Excel workbook (neither an .xlsx zip archive "
		         "nor an .xls); if it is a CSV, name it .csv"));
		break;
	}
	if (ok)
		return b;
	xlsx_close(b);
	return NULL;
}

void xlsx_close(struct xlsx_book *b)
{
	if (!b)
		return;
	if (b->kind == XLSX_BIFF)
		biff_close(b);
	else
		ooxml_free(&b->ox);
	xlsx_strings_free(&b->names);
	free(b);
}

size_t xlsx_sheet_count(const struct xlsx_book *b)
{
	return b->names.n;
}

const char *xlsx_sheet_name(const struct xlsx_book *b, size_t i)
{
	return xlsx_strings_get(&b->names, i);
}

enum xlsx_kind xlsx_book_kind(const struct xlsx_book *b)
{
	return b->kind;
}

bool xlsx_read_sheet(struct xlsx_book *b, size_t i, xlsx_row_fn fn, void *arg,
                     struct xlsx_seen *seen, char *why, size_t whysize)
{
	if (i >= b->names.n) {
		snprintf(why, whysize, _("no worksheet %zu"), i + 1);
		return false;
	}
	if (b->kind == XLSX_BIFF)
		return biff_read_sheet(b, i, fn, arg, seen, why, whysize);
	return ooxml_read_sheet(&b->ox, i, fn, arg, seen, why, whysize);
}

bool xlsx_is_workbook_name(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot && (strcasecmp(dot, ".xlsx") == 0 || strcasecmp(dot, ".xlsm") == 0 ||
	               strcasecmp(dot, ".xls") == 0);
}
