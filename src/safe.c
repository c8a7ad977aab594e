#include "safe.h"

#include <stdlib.h>
#include <string.h>

bool safe_is_dangerous(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Decodes one UTF-8 sequence at s; returns its length, or 0 if invalid. */
static size_t decode(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	/* lead bytes: C2–DF two bytes, E0–EF three, F0–F4 four; the rest
	 * (80–C1, F5–FF) never start a character */
	size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
	         : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
	if (!n)
		return 0;
	unsigned v = s[0] & (0xFF >> (n + 1));
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	static const unsigned min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

static void put(char *out, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len < size) {
		size_t room = size - *len;
		memcpy(out + *len, s, n < room ? n : room);
	}
	*len += n;
}

size_t safe_escape(const char *s, char *out, size_t size)
{
	size_t len = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned cp;
		size_t n = decode(p, &cp);
		char esc[16];
		if (n == 0) {
			snprintf(esc, sizeof esc, "\\x%02x", *p);
			put(out, size, &len, esc, strlen(esc));
			p++;
			continue;
		}
		if (safe_is_dangerous(cp)) {
			snprintf(esc, sizeof esc, cp < 0x100 ? "\\x%02x" : "\\u%04x", cp);
			put(out, size, &len, esc, strlen(esc));
		} else {
			put(out, size, &len, (const char *)p, n);
		}
		p += n;
	}
	if (size)
		out[len < size ? len : size - 1] = '\0';
	return len;
}

int safe_fputs(const char *s, FILE *f)
{
	char buf[512];
	size_t need = safe_escape(s, buf, sizeof buf);
	if (need < sizeof buf)
		return fputs(buf, f);
	char *big = malloc(need + 1);
	if (!big)
		return EOF;
	safe_escape(s, big, need + 1);
	int r = fputs(big, f);
	free(big);
	return r;
}
