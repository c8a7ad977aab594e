#include "dialect.h"

#include <string.h>

#include "i18n.h"

#define SNIFF_LINES 30

static const char candidates[] = { ';', ',', '\t', '|' };
enum { NCAND = sizeof candidates };

/* Counts, for each candidate, the delimiters on each of the first lines,
 * outside quotes.  A quoted newline does not end a line.  *ends: the line
 * ends met (the scan stops at the SNIFF_LINES-th). */
static size_t count_per_line(const char *s, size_t len, size_t counts[][NCAND], size_t *ends)
{
	size_t line = 0;
	bool quoted = false;
	memset(counts[0], 0, sizeof counts[0]);
	for (size_t i = 0; i < len && line < SNIFF_LINES; i++) {
		char ch = s[i];
		if (ch == '"') {
			quoted = !quoted;
		} else if (!quoted && ch == '\n') {
			if (++line < SNIFF_LINES)
				memset(counts[line], 0, sizeof counts[line]);
		} else if (!quoted) {
			for (int c = 0; c < NCAND; c++)
				if (ch == candidates[c])
					counts[line][c]++;
		}
	}
	*ends = line;
	return line < SNIFF_LINES ? line + 1 : SNIFF_LINES;
}

/* The most frequent non-zero count of candidate c over the lines, and how
 * many lines have it. */
static size_t modal_lines(size_t counts[][NCAND], size_t nlines, int c, size_t *mode)
{
	size_t best_n = 0;
	*mode = 0;
	for (size_t i = 0; i < nlines; i++) {
		size_t v = counts[i][c], n = 0;
		if (v == 0)
			continue;
		for (size_t j = 0; j < nlines; j++)
			n += counts[j][c] == v;
		if (n > best_n || (n == best_n && v > *mode)) {
			best_n = n;
			*mode = v;
		}
	}
	return best_n;
}

bool dialect_sniff_has_enough(const char *text, size_t len)
{
	size_t counts[SNIFF_LINES][NCAND], ends;
	if (!text)
		return false;
	count_per_line(text, len, counts, &ends);
	return ends == SNIFF_LINES;
}

char dialect_sniff_delimiter(const char *text, size_t len)
{
	size_t counts[SNIFF_LINES][NCAND];
	size_t ends;
	size_t nlines = count_per_line(text, len, counts, &ends);
	int best = -1;
	size_t best_lines = 0, best_mode = 0;
	for (int c = 0; c < NCAND; c++) {
		size_t mode;
		size_t n = modal_lines(counts, nlines, c, &mode);
		/* more consistent lines win; then more fields per line */
		if (n > best_lines || (n == best_lines && n > 0 && mode > best_mode)) {
			best = c;
			best_lines = n;
			best_mode = mode;
		}
	}
	return best < 0 ? ',' : candidates[best];
}

const char *dialect_delimiter_name(char d)
{
	switch (d) {
	case ',':  return N_("comma");
	case ';':  return N_("semicolon");
	case '\t': return N_("tab");
	case '|':  return N_("pipe");
	default:   return N_("unknown");
	}
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A token after its lead character ('#' or '+'): the end of it, or NULL. */
static const char *skip_token(const char *s)
{
	if (!is_letter(*s))
		return NULL;
	while (is_letter(*s) || (*s >= '0' && *s <= '9') || *s == '_')
		s++;
	return s;
}

bool dialect_is_hxl_tag(const char *s)
{
	while (is_space(*s))
		s++;
	if (*s != '#' || !(s = skip_token(s + 1)))
		return false;
	for (;;) {
		while (is_space(*s))
			s++;
		if (*s != '+')
			return *s == '\0';
		if (!(s = skip_token(s + 1)))
			return false;
	}
}

bool dialect_is_hxl_row(const char *const *cells, size_t n)
{
	size_t nonempty = 0, tags = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = cells[i];
		while (is_space(*s))
			s++;
		if (!*s)
			continue;
		nonempty++;
		tags += dialect_is_hxl_tag(s);
	}
	return tags >= 2 && 2 * tags >= nonempty;
}
