#include "text.h"

#include "xalloc.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/* ---- UTF-8 decoding -------------------------------------------------------
 * One strict decoder serves validation, folding and counting, so all three
 * agree on what is a valid sequence. */

/* Decodes one code point from s[0..n); returns its length in bytes, or 0 if
 * the bytes there are not a valid (shortest-form, non-surrogate) sequence. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0];
	size_t len;
	unsigned min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; min = 0x80; c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; min = 0x800; c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; min = 0x10000; c &= 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* The first byte of p[i, n) that is not ASCII (n if none), sixteen at a time. */
static size_t skip_ascii(const unsigned char *p, size_t i, size_t n)
{
	for (; i + 16 <= n; i += 16) {
		int high = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + i)));
		if (high)
			return i + (size_t)__builtin_ctz((unsigned)high);
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

#else

/* The same, eight bytes at a time. */
static size_t skip_ascii(const unsigned char *p, size_t i, size_t n)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

#endif

bool text_is_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;
	/* sheets are mostly ASCII with an accented letter now and then: the
	 * ASCII is passed over in wide steps, the two-byte letters (é, à)
	 * checked in place, and the rest decoded */
	for (size_t i = skip_ascii(p, 0, n); i < n; i = skip_ascii(p, i, n)) {
		if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		size_t len = utf8_decode(p + i, n - i, &cp);
		if (len == 0)
			return false;
		i += len;
	}
	return true;
}

size_t text_utf8_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, count = 0;
	unsigned cp;

	while (i < n) {
		size_t len = utf8_decode(p + i, n - i, &cp);
		i += len ? len : 1;
		count++;
	}
	return count;
}

/* ---- folding -------------------------------------------------------------- */

/* ASCII replacements for U+00C0..U+017F (Latin-1 letters and Latin
 * Extended-A); NULL marks the two signs in that range (× ÷), which are
 * separators. */
static const char *const latin_fold[0x180 - 0xC0] = {
	/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	/* D0 */ "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	/* F0 */ "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
	/* 100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	/* 110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	/* 120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	/* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	/* 140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	/* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	/* 160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	/* 170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

enum fold_kind {
	FOLD_SEP,    /* word separator */
	FOLD_SKIP,   /* invisible: dropped without separating */
	FOLD_ASCII,  /* replaced by the ASCII text in *rep */
	FOLD_KEEP,   /* a letter outside the table: copied as it is */
};

/* Latin-1 signs U+00A0..U+00BF: all separators except the ordinal letters
 * and superscript digits, which read as text ("N°1", "m²"). */
static enum fold_kind fold_latin1_sign(unsigned cp, const char **rep)
{
	switch (cp) {
	case 0xAA: *rep = "a"; return FOLD_ASCII;
	case 0xBA: *rep = "o"; return FOLD_ASCII;
	case 0xB9: *rep = "1"; return FOLD_ASCII;
	case 0xB2: *rep = "2"; return FOLD_ASCII;
	case 0xB3: *rep = "3"; return FOLD_ASCII;
	case 0xB5: return FOLD_KEEP;  /* micro sign is a letter */
	case 0xAD: return FOLD_SKIP;  /* soft hyphen is invisible */
	default:   return FOLD_SEP;
	}
}

/* Classifies one non-ASCII code point. */
static enum fold_kind fold_classify(unsigned cp, const char **rep)
{
	if (cp < 0xA0)
		return FOLD_SEP;  /* C1 controls */
	if (cp < 0xC0)
		return fold_latin1_sign(cp, rep);
	if (cp < 0x180) {
		*rep = latin_fold[cp - 0xC0];
		return *rep ? FOLD_ASCII : FOLD_SEP;
	}
	/* Combining accents (text saved decomposed, "e" + U+0301) vanish so
	 * the base letter folds like the precomposed one. */
	if (cp >= 0x300 && cp <= 0x36F)
		return FOLD_SKIP;
	if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF)
		return FOLD_SKIP;
	/* General Punctuation (’ “ – … NNBSP), spaces, minus, ideographic
	 * space and full-width punctuation all separate words. */
	if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0x2212 || cp == 0x3000)
		return FOLD_SEP;
	return FOLD_KEEP;
}

/* Output state of one fold: bounded writer plus the pending separator. */
struct fold_out {
	char *buf;
	size_t size, len;
	bool full;      /* once something did not fit, nothing more goes in */
	bool pending;   /* a separator is owed before the next word byte */
	bool hxl;
};

/* Appends n bytes as one indivisible unit (a code point is never split). */
static void fold_put(struct fold_out *o, const char *s, size_t n)
{
	if (o->full)
		return;
	if (o->pending && o->len > 0) {
		if (o->len + 1 >= o->size) {
			o->full = true;
			return;
		}
		o->buf[o->len++] = ' ';
	}
	o->pending = false;
	if (o->len + n >= o->size) {
		o->full = true;
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void fold_separator(struct fold_out *o)
{
	if (!o->hxl)
		o->pending = true;
}

/* HXL hashtags and attributes are [a-z0-9_] joined by '#' and '+'. */
static bool hxl_keeps(unsigned char c)
{
	return c == '#' || c == '+' || c == '_';
}

static void fold_ascii(struct fold_out *o, unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
		char ch = (char)c;
		fold_put(o, &ch, 1);
	} else if (c >= 'A' && c <= 'Z') {
		char ch = (char)(c - 'A' + 'a');
		fold_put(o, &ch, 1);
	} else if (o->hxl && hxl_keeps(c)) {
		char ch = (char)c;
		fold_put(o, &ch, 1);
	} else {
		fold_separator(o);
	}
}

static size_t fold_any(const char *s, size_t n, char *out, size_t size,
                       bool hxl)
{
	struct fold_out o = { out, size, 0, size == 0, false, hxl };
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned cp;
		const char *rep = NULL;
		size_t len = utf8_decode(p + i, n - i, &cp);

		if (len == 0) {
			i++;  /* invalid byte: dropped */
			continue;
		}
		if (cp < 0x80) {
			fold_ascii(&o, p[i]);
		} else {
			switch (fold_classify(cp, &rep)) {
			case FOLD_SEP:   fold_separator(&o); break;
			case FOLD_SKIP:  break;
			case FOLD_ASCII: fold_put(&o, rep, strlen(rep)); break;
			case FOLD_KEEP:  fold_put(&o, s + i, len); break;
			}
		}
		i += len;
	}
	if (size > 0)
		out[o.len] = '\0';
	return o.len;
}

size_t text_fold(const char *s, size_t n, char *out, size_t size)
{
	return fold_any(s, n, out, size, false);
}

size_t text_fold_hxl(const char *s, size_t n, char *out, size_t size)
{
	return fold_any(s, n, out, size, true);
}

/* ---- matching ------------------------------------------------------------- */

/* A word byte is an ASCII letter or digit or part of a kept non-ASCII
 * letter; anything else (in folded text: the space) is a boundary. */
static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

bool text_has_words(const char *hay, const char *word)
{
	size_t wn = strlen(word);
	const char *p = hay;

	if (wn == 0)
		return false;
	while ((p = strstr(p, word)) != NULL) {
		bool start_ok = p == hay || !is_word_byte((unsigned char)p[-1]);
		bool end_ok = !is_word_byte((unsigned char)p[wn]);
		if (start_ok && end_ok)
			return true;
		p++;
	}
	return false;
}

/* ---- stemming ------------------------------------------------------------- */

static bool ends_with(const char *w, size_t n, const char *tail)
{
	size_t tn = strlen(tail);
	return n >= tn && memcmp(w + n - tn, tail, tn) == 0;
}

/* Only plain lower-case ASCII words are stemmed: codes with digits and
 * letters outside Latin keep their exact spelling. */
static bool stemmable(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	return n > TEXT_STEM_MIN;
}

/* Plural: "eaux" -> "eau", "aux" -> "al" (psychosociaux), "eux" -> "eu",
 * a final "s" goes unless doubled (access, stress). */
static size_t stem_plural(char *w, size_t n)
{
	if (n - 1 < TEXT_STEM_MIN)
		return n;
	if (ends_with(w, n, "eaux") || ends_with(w, n, "eux"))
		return n - 1;
	if (ends_with(w, n, "aux")) {
		w[n - 2] = 'l';
		return n - 1;
	}
	if (w[n - 1] == 's' && w[n - 2] != 's')
		return n - 1;
	return n;
}

/* Feminine and mute "e": "separee" and "separe" both end as "separ";
 * "individuelle" -> "individuel"; "quotidienne" -> "quotidien". */
static size_t stem_feminine(char *w, size_t n)
{
	if (ends_with(w, n, "ee") && n - 2 >= TEXT_STEM_MIN)
		n -= 2;
	else if (w[n - 1] == 'e' && n - 1 >= TEXT_STEM_MIN)
		n -= 1;
	if ((ends_with(w, n, "ell") || ends_with(w, n, "enn") || ends_with(w, n, "onn")) &&
	    n - 1 >= TEXT_STEM_MIN)
		n -= 1;
	if (w[n - 1] == 'v')
		w[n - 1] = 'f';      /* alternativ(e) = alternatif */
	else if (w[n - 1] == 'y')
		w[n - 1] = 'i';      /* activity = activiti(es) */
	return n;
}

/* A French verb and its noun agree: "sensibiliser", "sensibilisation" and
 * "sensibilise" all end as "sensibilis"; "rechercher" as "recherche". */
static size_t stem_verb(const char *w, size_t n)
{
	if (ends_with(w, n, "ation") && n - 5 >= TEXT_STEM_MIN)
		return n - 5;
	if (ends_with(w, n, "er") && n - 2 >= TEXT_STEM_MIN)
		return n - 2;
	return n;
}

static size_t stem_word(char *w, size_t n)
{
	if (!stemmable(w, n))
		return n;
	return stem_verb(w, stem_feminine(w, stem_plural(w, n)));
}

size_t text_stem(const char *folded, char *out, size_t size)
{
	size_t len = 0;
	const char *p = folded;

	if (size == 0)
		return 0;
	while (*p) {
		size_t n = strcspn(p, " ");
		if (len + n + (len > 0) >= size)
			break;
		if (len > 0)
			out[len++] = ' ';
		memmove(out + len, p, n);
		len += stem_word(out + len, n);
		p += n;
		while (*p == ' ')
			p++;
	}
	out[len] = '\0';
	return len;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;
	return m < c ? m : c;
}

/* Classic two-row dynamic programme; a row whose minimum already exceeds
 * the limit can only grow, so it stops there. */
static int distance_rows(const char *a, size_t la, const char *b, size_t lb,
                         int limit, int *prev, int *cur)
{
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int row_min;
		cur[0] = (int)i;
		row_min = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (cur[j] < row_min)
				row_min = cur[j];
		}
		if (limit >= 0 && row_min > limit)
			return limit + 1;
		int *t = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

int text_distance(const char *a, const char *b, int limit)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t diff = la > lb ? la - lb : lb - la;
	int small[2][64];
	int *rows;
	int d;

	/* A negative limit means no limit: the exact distance is returned. */
	if (limit >= 0 && diff > (size_t)limit)
		return limit + 1;
	if (lb < 64)
		rows = NULL;
	else
		rows = xmalloc(2 * (lb + 1) * sizeof *rows);
	if (rows)
		d = distance_rows(a, la, b, lb, limit, rows, rows + lb + 1);
	else
		d = distance_rows(a, la, b, lb, limit, small[0], small[1]);
	free(rows);
	if (limit >= 0 && d > limit)
		return limit + 1;
	return d;
}
