#include "parse.h"

#include "cell.h"
#include "i18n.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- people counts -------------------------------------------------------- */

/* Grouping blanks become one byte, apostrophes another, so a number
 * must stick to one grouping style. */
#define GROUP_BLANK 'g'
#define GROUP_APOS  'q'

/* Rewrites a number's body as ASCII digits, ',' '.', GROUP_BLANK (space,
 * NBSP, narrow NBSP) and GROUP_APOS (' and ’, Swiss grouping).  Returns
 * false on any other character: "12abc", "1e309", "0x10" are not numbers. */
static bool num_normalise(struct span s, char *out, size_t *out_n)
{
	const char *p = s.p, *end = s.p + s.n;
	size_t o = 0, k;

	while (p < end) {
		if (cell_is_digit(*p) || *p == ',' || *p == '.') {
			out[o++] = *p++;
		} else if (*p == '\'') {
			out[o++] = GROUP_APOS;
			p++;
		} else if (end - p >= 3 && memcmp(p, "\xE2\x80\x99", 3) == 0) {
			out[o++] = GROUP_APOS;
			p += 3;
		} else if ((k = cell_blank_at(p, end)) > 0) {
			out[o++] = GROUP_BLANK;
			p += k;
		} else {
			return false;
		}
	}
	*out_n = o;
	return true;
}

/* True if a lone mark at position i reads as thousands grouping: 1 to 3
 * digits not starting with 0 before it, exactly 3 after ("1,234"; but
 * "0,500" and "1234,567" are decimals). */
static bool lone_mark_groups(const char *s, size_t n, size_t i)
{
	return i >= 1 && i <= 3 && s[0] != '0' && n - i - 1 == 3;
}

/* Decides which of ',' and '.' is the decimal mark (0: none).  Both
 * present: the last one.  One kind repeated: grouping ("1.234.567").
 * A lone one: decimal when blanks or apostrophes already group the
 * number ("1 234,5", "1'234.5"), else grouping only if it looks it. */
static char decimal_mark(const char *s, size_t n)
{
	size_t commas = 0, dots = 0, last_comma = 0, last_dot = 0;
	bool blanks = memchr(s, GROUP_BLANK, n) || memchr(s, GROUP_APOS, n);

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',') {
			commas++;
			last_comma = i;
		} else if (s[i] == '.') {
			dots++;
			last_dot = i;
		}
	}
	if (commas && dots)
		return last_comma > last_dot ? ',' : '.';
	if (commas + dots != 1)
		return 0;
	char mark = commas ? ',' : '.';
	if (blanks)
		return mark;
	return lone_mark_groups(s, n, commas ? last_comma : last_dot) ? 0 : mark;
}

/* The integer part: plain digits, or groups of 3 after a first group of 1
 * to 3, all separated by the same grouping character. */
static bool grouping_ok(const char *s, size_t n)
{
	char sep = 0;
	size_t group = 0;
	bool first = true;

	for (size_t i = 0; i < n; i++) {
		if (cell_is_digit(s[i])) {
			group++;
			continue;
		}
		if ((sep && s[i] != sep) || group == 0 || (first && group > 3) ||
		    (!first && group != 3))
			return false;
		sep = s[i];
		first = false;
		group = 0;
	}
	return sep == 0 || group == 3;
}

struct num_parts {
	int64_t value;     /* capped just above PARSE_PEOPLE_MAX */
	bool too_large;
	bool fraction;     /* a non-zero digit after the decimal mark */
};

static bool num_split(const char *s, size_t n, struct num_parts *np)
{
	char dec = decimal_mark(s, n);
	const char *dp = dec ? memchr(s, dec, n) : NULL;
	size_t int_n = dp ? (size_t)(dp - s) : n;
	size_t frac_n = dp ? n - int_n - 1 : 0;

	if (!grouping_ok(s, int_n) || (int_n == 0 && frac_n == 0))
		return false;
	np->value = 0;
	np->too_large = np->fraction = false;
	for (size_t i = 0; i < int_n; i++) {
		if (!cell_is_digit(s[i]))
			continue;
		/* Stop accumulating once past the cap: no overflow, any length. */
		if (!np->too_large)
			np->value = np->value * 10 + (s[i] - '0');
		if (np->value > PARSE_PEOPLE_MAX)
			np->too_large = true;
	}
	for (size_t i = 0; i < frac_n; i++) {
		if (!cell_is_digit(dp[1 + i]))
			return false;
		if (dp[1 + i] != '0')
			np->fraction = true;
	}
	return true;
}

/* Strips a leading sign; U+2212 MINUS SIGN counts as '-'. */
static struct span strip_sign(struct span s, bool *neg)
{
	*neg = false;
	if (s.n >= 1 && (s.p[0] == '-' || s.p[0] == '+')) {
		*neg = s.p[0] == '-';
		return (struct span){ s.p + 1, s.n - 1 };
	}
	if (s.n >= 3 && memcmp(s.p, "\xE2\x88\x92", 3) == 0) {
		*neg = true;
		return (struct span){ s.p + 3, s.n - 3 };
	}
	return s;
}

static enum num_status num_classify(struct span body, bool neg, int64_t *out)
{
	char small[64];
	char *buf = body.n < sizeof small ? small : xmalloc(body.n + 1);
	size_t n = 0;
	struct num_parts np;
	bool ok = num_normalise(body, buf, &n) && num_split(buf, n, &np);

	if (buf != small)
		free(buf);
	if (!ok)
		return NUM_INVALID;
	if (np.value == 0 && !np.fraction) {
		*out = 0;  /* "-0" and "0,00" are plain zero */
		return NUM_OK;
	}
	if (neg)
		return NUM_NEGATIVE;
	if (np.fraction)
		return NUM_FRACTION;
	if (np.too_large)
		return NUM_TOO_LARGE;
	*out = np.value;
	return NUM_OK;
}

/* The cell of nearly every row: a few plain digits, no leading zero. */
static bool plain_digits(const char *s, int64_t *out)
{
	int64_t v = 0;
	size_t n = 0;
	if (s[0] == '0')
		return s[1] == '\0' && (*out = 0, true);
	for (; s[n] >= '0' && s[n] <= '9'; n++) {
		if (n == 8)
			return false;        /* nine digits or more: the general parser judges */
		v = v * 10 + (s[n] - '0');
	}
	if (n == 0 || s[n] != '\0')
		return false;
	*out = v;
	return true;
}

enum num_status parse_people(const char *s, int64_t *out)
{
	if (plain_digits(s, out))
		return NUM_OK;
	if (!*s) {                 /* a column the sheet does not have: asked of every row */
		*out = 0;
		return NUM_MISSING;
	}
	struct span t = cell_trim(s);
	bool neg;

	*out = 0;
	if (cell_is_missing(t))
		return NUM_MISSING;
	t = strip_sign(t, &neg);
	if (t.n == 0)
		return NUM_INVALID;
	return num_classify(t, neg, out);
}

const char *parse_num_status_text(enum num_status st)
{
	switch (st) {
	case NUM_OK:        return _("is a valid count");
	case NUM_MISSING:   return _("is missing");
	case NUM_NEGATIVE:  return _("is negative");
	case NUM_FRACTION:  return _("is not a whole number");
	case NUM_TOO_LARGE: return _("is too large (over 100,000,000)");
	case NUM_INVALID:   return _("is not a number");
	}
	return _("is not a number");
}

