#include "cell.h"

#include <string.h>

bool cell_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool cell_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char cell_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool cell_span_ieq(struct span s, const char *word)
{
	size_t n = strlen(word);
	if (s.n != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (cell_lower(s.p[i]) != word[i])
			return false;
	return true;
}

/* Length of the blank starting at p (ASCII blank, NBSP U+00A0 or narrow
 * NBSP U+202F), 0 if there is none.  French spreadsheets use all three. */
size_t cell_blank_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t left = (size_t)(end - p);

	if (left >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\r' || u[0] == '\n'))
		return 1;
	if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
		return 3;
	return 0;
}

/* Length of the blank ending just before end, 0 if there is none. */
size_t cell_blank_before(const char *start, const char *end)
{
	for (size_t k = 1; k <= 3 && k <= (size_t)(end - start); k++)
		if (cell_blank_at(end - k, end) == k)
			return k;
	return 0;
}

struct span cell_trim(const char *s)
{
	const char *p = s, *end = s + strlen(s);
	size_t k;

	while (p < end && (k = cell_blank_at(p, end)) > 0)
		p += k;
	while (end > p && (k = cell_blank_before(p, end)) > 0)
		end -= k;
	return (struct span){ p, (size_t)(end - p) };
}

/* Empty cells and the "not available" markers of Excel and of partners. */
bool cell_is_missing(struct span s)
{
	const char *const markers[] = { "-", "n/a", "na", "nd", "#n/a" };

	if (s.n == 0)
		return true;
	for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
		if (cell_span_ieq(s, markers[i]))
			return true;
	return false;
}
