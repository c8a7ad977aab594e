#include "dialect.h"

#include <string.h>

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
	case ',':  return "comma";
	case ';':  return "semicolon";
	case '\t': return "tab";
	case '|':  return "pipe";
	default:   return "unknown";
	}
}

bool dialect_is_hxl_row(const char *const *cells, size_t n)
{
	size_t tagged = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = cells[i];
		while (*s == ' ')
			s++;
		if (!*s)
			continue;
		if (*s != '#')
			return false;
		tagged++;
	}
	return tagged >= 2;
}
