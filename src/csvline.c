#include "csvline.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "swar.h"
#include "xalloc.h"

/* The first delimiter or quote in [p, end), else end; eight bytes at a
 * time (cells are short, so a memchr call per cell costs more). */
static const char *find_delim_or_quote(const char *p, const char *end, char delim)
{
	for (; end - p >= 8; p += 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t m = swar_bytes_equal(w, (unsigned char)delim) | swar_bytes_equal(w, '"');
		if (m) {
			uint64_t le = 1;
			if (*(const char *)&le == 1)              /* little-endian: first byte lowest */
				return p + __builtin_ctzll(m) / 8;
			break;
		}
	}
	while (p < end && *p != delim && *p != '"')
		p++;
	return p;
}

/* An unquoted cell from s: up to the delimiter, spaces around dropped.
 * Returns where the next cell starts, or NULL if the cell holds a quote
 * (libcsv keeps such a quote as text; leave that to it). */
static const char *plain_cell(const char *s, const char *end, char delim, const char **a,
                              const char **b, bool *more)
{
	const char *stop = find_delim_or_quote(s, end, delim);
	if (stop < end && *stop == '"')
		return NULL;
	const char *d = stop < end ? stop : NULL;
	*a = s;
	*b = stop;
	while (*a < *b && **a == ' ')
		(*a)++;
	while (*b > *a && (*b)[-1] == ' ')
		(*b)--;
	*more = d != NULL;
	return d ? d + 1 : end;
}

/* Copies text[0..len) into scratch with each "" made one ". */
static const char *undouble(const char *text, const char *stop, size_t len,
                            struct csvline_scratch *scratch)
{
	scratch->buf = xgrow(scratch->buf, &scratch->cap, len + 1, 1);
	size_t o = 0;
	for (const char *c = text; c < stop; c++) {
		scratch->buf[o++] = *c;
		if (*c == '"')
			c++;
	}
	return scratch->buf;
}

/* A quoted cell opening at q.  Returns where the next cell starts, or
 * NULL unless the closing quote is followed by nothing but spaces up to
 * the delimiter or the end of the line. */
static const char *quoted_cell(const char *q, const char *end, char delim,
                               struct csvline_scratch *scratch, const char **a,
                               const char **b, bool *more)
{
	const char *text = q + 1, *p = text;
	size_t doubled = 0;
	while ((p = memchr(p, '"', (size_t)(end - p))) && p + 1 < end && p[1] == '"') {
		doubled++;
		p += 2;
	}
	if (!p)
		return NULL;                  /* runs on to the next line */
	const char *after = p + 1;
	while (after < end && *after == ' ')
		after++;
	if (after < end && *after != delim)
		return NULL;                  /* text after the closing quote */
	size_t len = (size_t)(p - text) - doubled;
	*a = doubled ? undouble(text, p, len, scratch) : text;
	*b = *a + len;
	*more = after < end;
	return *more ? after + 1 : end;
}

enum csvline_result csvline_split(const char *s, size_t n, char delim,
                                  struct csvline_scratch *scratch,
                                  csvline_cell_fn on_cell, void *data)
{
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (memchr(s, '\n', n) || memchr(s, '\r', n))
		return CSVLINE_OTHER;         /* more than one physical line */
	const char *end = s + n, *p = s;
	while (p < end && *p == ' ')
		p++;
	if (p == end)
		return CSVLINE_BLANK;
	for (p = s;;) {
		const char *q = p, *a, *b, *next;
		bool more;
		while (q < end && *q == ' ')
			q++;
		if (q < end && *q == '"')
			next = quoted_cell(q, end, delim, scratch, &a, &b, &more);
		else
			next = plain_cell(p, end, delim, &a, &b, &more);
		if (!next)
			return CSVLINE_OTHER;
		on_cell((void *)(uintptr_t)a, (size_t)(b - a), data);
		if (!more)
			return CSVLINE_RECORD;
		p = next;
	}
}
