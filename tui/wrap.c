/* wrap: lines broken at spaces, measured in columns (format_width). */
#include <string.h>

#include "draw.h"
#include "format.h"
#include "wrap.h"

/* Columns of the first n bytes of s. */
static int width_of(const char *s, size_t n, bool ascii)
{
	char buf[1024];

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return format_width(buf, ascii);
}

size_t wrap_line(const char *s, int cols, bool ascii, const char **next)
{
	size_t fit = 0, end = 0;

	for (;;) {
		while (s[end] && s[end] != ' ')
			end++;
		if (fit > 0 && width_of(s, end, ascii) > cols)
			break;
		fit = end;            /* the words so far fit (or the first is alone) */
		if (!s[end])
			break;
		end++;
	}
	*next = s + fit;
	while (**next == ' ')
		(*next)++;
	return fit;
}

int wrap_count(const char *s, int cols, bool ascii)
{
	int n = 0;

	while (*s) {
		wrap_line(s, cols, ascii, &s);
		n++;
	}
	return n;
}

int wrap_draw(int y, int x, int w, int lines, const char *s, enum role r)
{
	char buf[1024];
	int n = 0;

	while (*s && n < lines) {
		const char *start = s;
		size_t len = wrap_line(s, w, draw_ascii(), &s);
		if (len >= sizeof buf)
			len = sizeof buf - 1;
		memcpy(buf, start, len);
		buf[len] = '\0';
		draw_text(y + n++, x, w, buf, r);
	}
	return n;
}
