#include "xlsx_parts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readfile.h"
#include "i18n.h"
#include "xalloc.h"

/* Expat is handed this much at a time. */
#define CHUNK ((size_t)1 << 16)

/* A workbook file is held to the size a CSV sheet may have. */
#define BOOK_MAX_BYTES ((off_t)1 << 30)

const char *xml_local(const char *name)
{
	const char *colon = strrchr(name, ':');
	return colon ? colon + 1 : name;
}

const char *xml_attr(const char **attrs, const char *local)
{
	for (size_t i = 0; attrs[i]; i += 2)
		if (strcmp(xml_local(attrs[i]), local) == 0)
			return attrs[i + 1];
	return NULL;
}

static const char *zip_words(int code)
{
	switch (code) {
	case ZIP_ER_NOZIP:
		return _("not a zip archive as an .xlsx must be, or one cut short (copy it again)");
	case ZIP_ER_INCONS:
	case ZIP_ER_CRC:
	case ZIP_ER_COMPNOTSUPP:
		return _("the archive is damaged (truncated, or its parts do not match its index)");
	case ZIP_ER_NOPASSWD:
		return _("its parts are encrypted");
	case ZIP_ER_MEMORY:
		return _("out of memory");
	default:
		return _("the archive cannot be read");
	}
}

bool ooxml_open_zip(struct ooxml *o, const char *path, char *why, size_t whysize)
{
	struct readfile r;
	int fd = -1, code = 0;
	enum readfile_status st = readfile_open(path, BOOK_MAX_BYTES, &r, &fd);
	if (st != READFILE_OK) {
		readfile_describe(st, &r, BOOK_MAX_BYTES, why, whysize);
		return false;
	}
	o->zip = zip_fdopen(fd, ZIP_RDONLY, &code);
	if (!o->zip) {
		close(fd);
		snprintf(why, whysize, "%s", zip_words(code));
		return false;
	}
	return true;
}

bool ooxml_has_part(struct ooxml *o, const char *name)
{
	return zip_name_locate(o->zip, name, 0) >= 0;
}

/* A part's stated sizes against the limits (xlsx.h). */
static bool part_within_limits(const char *name, const zip_stat_t *st, char *why,
                               size_t whysize)
{
	if (st->encryption_method != ZIP_EM_NONE) {
		snprintf(why, whysize, _("part %s is encrypted"), name);
		return false;
	}
	if (st->size > XLSX_PART_MAX) {
		snprintf(why, whysize, _("part %s would expand to %llu bytes, more than the %llu "
		                         "allowed (a zip bomb?)"), name, (unsigned long long)st->size,
		         (unsigned long long)XLSX_PART_MAX);
		return false;
	}
	if (st->size > XLSX_RATIO_FROM && st->size / XLSX_RATIO_MAX > st->comp_size) {
		snprintf(why, whysize, _("part %s would expand %llu times (%llu bytes from %llu), "
		                         "more than the %d allowed (a zip bomb?)"), name,
		         (unsigned long long)(st->size / (st->comp_size ? st->comp_size : 1)),
		         (unsigned long long)st->size, (unsigned long long)st->comp_size,
		         XLSX_RATIO_MAX);
		return false;
	}
	return true;
}

static bool xml_failed(XML_Parser p, const char *name, char *why, size_t whysize)
{
	snprintf(why, whysize, _("part %s is not well-formed XML (line %lu: %s)"), name,
	         (unsigned long)XML_GetCurrentLineNumber(p),
	         XML_ErrorString(XML_GetErrorCode(p)));
	return false;
}

/* Feeds the part's bytes to p, never more than it said it holds (a lying
 * header cannot make it expand past the limits checked on its sizes). */
static bool feed_part(zip_file_t *f, const char *name, uint64_t size, XML_Parser p,
                      char *why, size_t whysize)
{
	char *buf = xmalloc(CHUNK);
	uint64_t total = 0;
	bool ok = true;
	for (;;) {
		zip_int64_t n = zip_fread(f, buf, CHUNK);
		if (n < 0) {
			snprintf(why, whysize, "part %s: %s", name, zip_file_strerror(f));
			ok = false;
			break;
		}
		total += (uint64_t)n;
		if (total > size) {
			snprintf(why, whysize, _("part %s holds more than its stated %llu bytes "
			                         "(a damaged archive or a zip bomb)"), name, (unsigned long long)size);
			ok = false;
			break;
		}
		enum XML_Status s = XML_Parse(p, buf, (int)n, n == 0);
		if (s == XML_STATUS_ERROR && XML_GetErrorCode(p) != XML_ERROR_ABORTED)
			ok = xml_failed(p, name, why, whysize);
		if (s != XML_STATUS_OK || n == 0)
			break;
	}
	free(buf);
	return ok;
}

bool ooxml_parse_part(struct ooxml *o, const char *name, XML_Parser p, char *why,
                      size_t whysize)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat(o->zip, name, 0, &st) != 0) {
		snprintf(why, whysize, _("part %s is missing"), name);
		return false;
	}
	if (!part_within_limits(name, &st, why, whysize))
		return false;
	zip_file_t *f = zip_fopen(o->zip, name, 0);
	if (!f) {
		snprintf(why, whysize, "part %s: %s", name, zip_strerror(o->zip));
		return false;
	}
	bool ok = feed_part(f, name, st.size, p, why, whysize);
	zip_fclose(f);
	return ok;
}
