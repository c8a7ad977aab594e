#include "encoding.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <string.h>

#define REPLACEMENT 0xFFFDu

/* Windows-1252 differs from Latin-1 only in 0x80..0x9F; the five bytes
 * that code page leaves undefined (81 8D 8F 90 9D) decode to U+FFFD. */
static const unsigned short cp1252_high[32] = {
	0x20AC, REPLACEMENT, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, REPLACEMENT, 0x017D, REPLACEMENT,
	REPLACEMENT, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, REPLACEMENT, 0x017E, 0x0178,
};

static unsigned cp1252_decode(unsigned char b)
{
	if (b >= 0x80 && b <= 0x9F)
		return cp1252_high[b - 0x80];
	return b;
}

const char *encoding_name(enum encoding e)
{
	switch (e) {
	case ENC_UTF8:     return "UTF-8";
	case ENC_UTF8_BOM: return N_("UTF-8 with BOM");
	case ENC_CP1252:   return "Windows-1252";
	}
	return "unknown";
}

size_t encoding_put_utf8(unsigned cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	/* Surrogates and values past U+10FFFF have no UTF-8 form. */
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t encoding_put_cp1252(unsigned char b, char *out)
{
	return encoding_put_utf8(cp1252_decode(b), out);
}

static char *copy_text(const char *buf, size_t len, size_t *out_len)
{
	char *out = xmalloc(len + 1);
	if (len)
		memcpy(out, buf, len);
	out[len] = '\0';
	*out_len = len;
	return out;
}

/* Length of the valid UTF-8 sequence at s[0..n), 0 if there is none.
 * Validating one sequence with text_is_utf8 keeps a single definition of
 * "valid" (shortest form, no surrogates) for the whole program. */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	size_t len;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4;
	else
		return 0;
	if (len > n || !text_is_utf8((const char *)s, len))
		return 0;
	return len;
}

/* Decodes buf as Windows-1252.  With keep_utf8, valid UTF-8 sequences are
 * copied as they are and only the stray bytes are read as Windows-1252:
 * used for a file whose BOM says UTF-8 but which holds a few bytes from
 * another source, so neither part turns into mojibake. */
static char *decode_cp1252(const char *buf, size_t len, bool keep_utf8,
                           size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)buf;
	/* Every input byte becomes at most 3 output bytes (U+20AC, U+FFFD). */
	char *out = xmalloc(3 * len + 1);
	size_t o = 0, i = 0;

	while (i < len) {
		size_t seq = keep_utf8 ? utf8_seq_len(p + i, len - i) : 0;
		if (seq > 0) {
			memcpy(out + o, p + i, seq);
			o += seq;
			i += seq;
		} else {
			o += encoding_put_utf8(cp1252_decode(p[i]), out + o);
			i++;
		}
	}
	out[o] = '\0';
	*out_len = o;
	return xrealloc(out, o + 1);
}

char *encoding_to_utf8(const char *buf, size_t len, enum encoding *detected,
                       size_t *out_len)
{
	size_t dummy_len;
	enum encoding dummy_enc;

	if (!out_len)
		out_len = &dummy_len;
	if (!detected)
		detected = &dummy_enc;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		*detected = ENC_UTF8_BOM;
		buf += 3;
		len -= 3;
		if (text_is_utf8(buf, len))
			return copy_text(buf, len, out_len);
		return decode_cp1252(buf, len, true, out_len);
	}
	if (text_is_utf8(buf, len)) {
		*detected = ENC_UTF8;
		return copy_text(buf, len, out_len);
	}
	*detected = ENC_CP1252;
	return decode_cp1252(buf, len, false, out_len);
}
