#include "parse.h"

#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- shared: spans, trimming, missing markers ----------------------------- */

struct span {
	const char *p;
	size_t n;
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool span_ieq(struct span s, const char *word)
{
	size_t n = strlen(word);
	if (s.n != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(s.p[i]) != word[i])
			return false;
	return true;
}

/* Length of the blank starting at p (ASCII blank, NBSP U+00A0 or narrow
 * NBSP U+202F), 0 if there is none.  French spreadsheets use all three. */
static size_t blank_at(const char *p, const char *end)
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
static size_t blank_before(const char *start, const char *end)
{
	for (size_t k = 1; k <= 3 && k <= (size_t)(end - start); k++)
		if (blank_at(end - k, end) == k)
			return k;
	return 0;
}

static struct span trim(const char *s)
{
	const char *p = s, *end = s + strlen(s);
	size_t k;

	while (p < end && (k = blank_at(p, end)) > 0)
		p += k;
	while (end > p && (k = blank_before(p, end)) > 0)
		end -= k;
	return (struct span){ p, (size_t)(end - p) };
}

/* Empty cells and the "not available" markers of Excel and of partners. */
static bool is_missing(struct span s)
{
	static const char *const markers[] = { "-", "n/a", "na", "nd", "#n/a" };

	if (s.n == 0)
		return true;
	for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
		if (span_ieq(s, markers[i]))
			return true;
	return false;
}

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
		if (is_digit(*p) || *p == ',' || *p == '.') {
			out[o++] = *p++;
		} else if (*p == '\'') {
			out[o++] = GROUP_APOS;
			p++;
		} else if (end - p >= 3 && memcmp(p, "\xE2\x80\x99", 3) == 0) {
			out[o++] = GROUP_APOS;
			p += 3;
		} else if ((k = blank_at(p, end)) > 0) {
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
		if (is_digit(s[i])) {
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
		if (!is_digit(s[i]))
			continue;
		/* Stop accumulating once past the cap: no overflow, any length. */
		if (!np->too_large)
			np->value = np->value * 10 + (s[i] - '0');
		if (np->value > PARSE_PEOPLE_MAX)
			np->too_large = true;
	}
	for (size_t i = 0; i < frac_n; i++) {
		if (!is_digit(dp[1 + i]))
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
	struct span t = trim(s);
	bool neg;

	*out = 0;
	if (is_missing(t))
		return NUM_MISSING;
	t = strip_sign(t, &neg);
	if (t.n == 0)
		return NUM_INVALID;
	return num_classify(t, neg, out);
}

const char *parse_num_status_text(enum num_status st)
{
	switch (st) {
	case NUM_OK:        return "is a valid count";
	case NUM_MISSING:   return "is missing";
	case NUM_NEGATIVE:  return "is negative";
	case NUM_FRACTION:  return "is not a whole number";
	case NUM_TOO_LARGE: return "is too large (over 100,000,000)";
	case NUM_INVALID:   return "is not a number";
	}
	return "is not a number";
}

/* ---- calendar ------------------------------------------------------------- */

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_length(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* Proleptic Gregorian day count (H. Hinnant's days_from_civil). */
long date_days(const struct date *d)
{
	long y = d->year - (d->month <= 2);
	long m = d->month;
	long day = d->day ? d->day : 1;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The inverse of date_days (civil_from_days). */
static struct date date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long day = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	return (struct date){ (int)(yoe + era * 400 + (m <= 2)), (int)m, (int)day };
}

/* Writes the digits by hand: the year is clamped to four digits so the
 * text always fits the 8 bytes the header promises. */
void month_format(int idx, char *buf)
{
	int y = month_year(idx), m = month_month(idx);

	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '\0';
}

/* Reads 1..max digits at *p into *v; advances *p. */
static bool read_digits(const char **p, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && is_digit(**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= min && !is_digit(**p);
}

bool month_parse(const char *s, int *idx)
{
	const char *p = s;
	int y, m;

	if (!read_digits(&p, 4, 4, &y) || *p++ != '-' ||
	    !read_digits(&p, 1, 2, &m) || *p != '\0')
		return false;
	if (y < 1900 || y > 2200 || m < 1 || m > 12)
		return false;
	*idx = month_index(y, m);
	return true;
}

/* ---- dates: Excel serials and times --------------------------------------- */

#define SERIAL_MIN 20000
#define SERIAL_MAX 80000
/* Serial 25569 is 1970-01-01: from serial 61 on, serial = days since
 * 1899-12-30 (Excel's phantom 29 Feb 1900 shifts everything by one). */
#define SERIAL_EPOCH 25569

/* "45292" or "45292.5" (a time of day after the mark is ignored). */
static bool excel_serial(struct span s, long *serial)
{
	size_t i = 0;
	long v = 0;

	while (i < s.n && is_digit(s.p[i]) && v <= SERIAL_MAX)
		v = v * 10 + (s.p[i++] - '0');
	if (i == 0 || v < SERIAL_MIN || v > SERIAL_MAX)
		return false;
	if (i < s.n && (s.p[i] == '.' || s.p[i] == ',')) {
		if (++i == s.n)
			return false;
		while (i < s.n && is_digit(s.p[i]))
			i++;
	}
	if (i != s.n)
		return false;
	*serial = v;
	return true;
}

static bool read_2digits(const char *p, const char *end)
{
	return end - p >= 2 && is_digit(p[0]) && is_digit(p[1]);
}

/* "10:30", "10:30:00", "10:30:00.000", then "Z", " AM" or " PM". */
static bool is_time(const char *p, const char *end)
{
	int n = 0;

	while (p < end && is_digit(*p) && n < 2) {
		p++;
		n++;
	}
	if (n == 0 || p == end || *p++ != ':' || !read_2digits(p, end))
		return false;
	p += 2;
	if (p < end && *p == ':') {
		if (!read_2digits(++p, end))
			return false;
		p += 2;
		if (p < end && *p == '.')
			for (p++; p < end && is_digit(*p); p++)
				;
	}
	if (p < end && *p == 'Z')
		p++;
	while (p < end && *p == ' ')
		p++;
	if (end - p == 2 && (lower(p[0]) == 'a' || lower(p[0]) == 'p') &&
	    lower(p[1]) == 'm')
		p += 2;
	return p == end;
}

/* Cuts a time of day written after the date ("2024-03-15T00:00:00",
 * "15/03/2024 08:00"), as database and Excel exports add one. */
static struct span cut_time(struct span s)
{
	const char *end = s.p + s.n;
	const char *colon = memchr(s.p, ':', s.n);
	const char *t;

	if (!colon)
		return s;
	for (t = colon; t > s.p && is_digit(t[-1]); t--)
		;
	if (t - s.p < 2 || (t[-1] != ' ' && t[-1] != 'T') || !is_time(t, end))
		return s;
	t--;
	while (t > s.p && t[-1] == ' ')
		t--;
	return (struct span){ s.p, (size_t)(t - s.p) };
}

/* ---- dates: tokens -------------------------------------------------------- */

enum tok_kind { TOK_NUM, TOK_WORD };

struct tok {
	enum tok_kind kind;
	const char *p;
	size_t n;          /* digits only for a number ("1er" → "1") */
	int value;         /* numbers only, capped */
	char sep;          /* separator before it: the one character, or
	                    * '*' for a longer run, 0 at the start */
};

#define MAX_TOKS 6

static bool is_date_sep(const char *p, const char *end, size_t *len)
{
	if (*p == '-' || *p == '/' || *p == '.' || *p == ',') {
		*len = 1;
		return true;
	}
	*len = blank_at(p, end);
	return *len > 0;
}

/* A letter byte: ASCII letter or part of a non-ASCII character ("août"). */
static bool is_letter_byte(const char *p, const char *end)
{
	return is_alpha(*p) || ((unsigned char)*p >= 0x80 && blank_at(p, end) == 0);
}

/* Ordinal suffix glued to a day: "1er mars", "15th March". */
static bool is_ordinal(const char *p, size_t n)
{
	static const char *const suffixes[] = { "er", "st", "nd", "rd", "th" };
	struct span s = { p, n };

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (span_ieq(s, suffixes[i]))
			return true;
	return false;
}

/* Reads one number or word at p; returns the position after it, or NULL
 * if the text there is neither. */
static const char *read_tok(const char *p, const char *end, struct tok *t)
{
	const char *q = p;

	t->p = p;
	if (is_digit(*p)) {
		t->kind = TOK_NUM;
		t->value = 0;
		for (; q < end && is_digit(*q); q++)
			if (t->value < 100000)
				t->value = t->value * 10 + (*q - '0');
		t->n = (size_t)(q - p);
		const char *w = q;
		while (w < end && is_alpha(*w))
			w++;
		if (w > q && !is_ordinal(q, (size_t)(w - q)))
			return NULL;
		return w;
	}
	if (!is_letter_byte(p, end))
		return NULL;
	t->kind = TOK_WORD;
	while (q < end && is_letter_byte(q, end))
		q++;
	t->n = (size_t)(q - p);
	return q;
}

/* Splits s into numbers and words separated by blanks and - / . ,
 * Returns the token count, or -1 if s holds anything else. */
static int tokenize(struct span s, struct tok *toks)
{
	const char *p = s.p, *end = s.p + s.n;
	int count = 0;

	while (p < end) {
		const char *run = p;
		size_t len;
		while (p < end && is_date_sep(p, end, &len))
			p += len;
		if (p == end)
			break;
		if (count == MAX_TOKS)
			return -1;
		toks[count].sep = p == run ? 0 : (p - run == 1 ? *run : '*');
		if (!(p = read_tok(p, end, &toks[count])))
			return -1;
		count++;
	}
	return count;
}

/* ---- dates: forms --------------------------------------------------------- */

static bool tok_ndigits(const struct tok *t, size_t min, size_t max)
{
	return t->kind == TOK_NUM && t->n >= min && t->n <= max;
}

/* A year as written: four digits, or two meaning 20yy. */
static bool tok_year(const struct tok *t, int *year)
{
	if (tok_ndigits(t, 4, 4))
		*year = t->value;
	else if (tok_ndigits(t, 2, 2))
		*year = 2000 + t->value;
	else
		return false;
	return true;
}

static bool numeric_sep_ok(char sep)
{
	return sep == '-' || sep == '/' || sep == '.';
}

/* Only numbers: Y-M-D, D/M/Y, Y-M, M/Y, the separator one of - / . and the
 * same throughout. */
static bool numeric_date(const struct tok *t, int n, struct date *d)
{
	if (!numeric_sep_ok(t[1].sep) || (n == 3 && t[2].sep != t[1].sep))
		return false;
	d->day = 0;
	if (n == 3 && tok_ndigits(&t[0], 4, 4)) {
		d->year = t[0].value;
		d->month = t[1].value;
		d->day = t[2].value;
		return tok_ndigits(&t[1], 1, 2) && tok_ndigits(&t[2], 1, 2);
	}
	if (n == 3) {
		d->day = t[0].value;
		d->month = t[1].value;
		return tok_ndigits(&t[0], 1, 2) && tok_ndigits(&t[1], 1, 2) &&
		       tok_year(&t[2], &d->year);
	}
	if (tok_ndigits(&t[0], 4, 4) && tok_ndigits(&t[1], 1, 2)) {
		d->year = t[0].value;
		d->month = t[1].value;
		return true;
	}
	d->month = t[0].value;
	d->year = t[1].value;
	return tok_ndigits(&t[0], 1, 2) && tok_ndigits(&t[1], 4, 4);
}

struct name_num {
	const char *name;
	int num;
};

/* Folded month names and abbreviations, French and English. */
static const struct name_num month_names[] = {
	{ "janvier", 1 }, { "janv", 1 }, { "jan", 1 }, { "january", 1 },
	{ "fevrier", 2 }, { "fevr", 2 }, { "fev", 2 }, { "feb", 2 }, { "february", 2 },
	{ "mars", 3 }, { "mar", 3 }, { "march", 3 },
	{ "avril", 4 }, { "avr", 4 }, { "apr", 4 }, { "april", 4 },
	{ "mai", 5 }, { "may", 5 },
	{ "juin", 6 }, { "jun", 6 }, { "june", 6 },
	{ "juillet", 7 }, { "juil", 7 }, { "jul", 7 }, { "july", 7 },
	{ "aout", 8 }, { "aug", 8 }, { "august", 8 },
	{ "septembre", 9 }, { "sept", 9 }, { "sep", 9 }, { "september", 9 },
	{ "octobre", 10 }, { "oct", 10 }, { "october", 10 },
	{ "novembre", 11 }, { "nov", 11 }, { "november", 11 },
	{ "decembre", 12 }, { "dec", 12 }, { "december", 12 },
};

/* Excel's long date format starts with the weekday: "vendredi 15 mars 2024". */
static const struct name_num weekday_names[] = {
	{ "lundi", 1 }, { "mardi", 2 }, { "mercredi", 3 }, { "jeudi", 4 },
	{ "vendredi", 5 }, { "samedi", 6 }, { "dimanche", 7 },
	{ "monday", 1 }, { "tuesday", 2 }, { "wednesday", 3 }, { "thursday", 4 },
	{ "friday", 5 }, { "saturday", 6 }, { "sunday", 7 },
	{ "mon", 1 }, { "tue", 2 }, { "wed", 3 }, { "thu", 4 }, { "fri", 5 },
	{ "sat", 6 }, { "sun", 7 },
};

/* Looks a word token up (folded, so "Février", "FEVRIER", "fevrier" agree);
 * 0 if absent. */
static int lookup_word(const struct tok *t, const struct name_num *names,
                       size_t count)
{
	char folded[32];

	if (t->kind != TOK_WORD || t->n >= sizeof folded)
		return 0;
	text_fold(t->p, t->n, folded, sizeof folded);
	for (size_t i = 0; i < count; i++)
		if (strcmp(folded, names[i].name) == 0)
			return names[i].num;
	return 0;
}

static int tok_month(const struct tok *t)
{
	return lookup_word(t, month_names, sizeof month_names / sizeof month_names[0]);
}

/* With a month name: "mars 2024", "Mar-24", "15 mars 2024",
 * "March 15, 2024". */
static bool named_date(const struct tok *t, int n, struct date *d)
{
	d->day = 0;
	if (n == 2 && (d->month = tok_month(&t[0])) != 0)
		return tok_year(&t[1], &d->year);
	if (n != 3)
		return false;
	if ((d->month = tok_month(&t[1])) != 0) {
		d->day = t[0].value;
		return tok_ndigits(&t[0], 1, 2) && tok_year(&t[2], &d->year);
	}
	if ((d->month = tok_month(&t[0])) != 0) {
		d->day = t[1].value;
		return tok_ndigits(&t[1], 1, 2) && tok_year(&t[2], &d->year);
	}
	return false;
}

static bool has_word(const struct tok *t, int n)
{
	for (int i = 0; i < n; i++)
		if (t[i].kind == TOK_WORD)
			return true;
	return false;
}

static enum date_status check_date(struct date d, struct date *out)
{
	if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 ||
	    d.day < 0 || d.day > month_length(d.year, d.month))
		return DATE_IMPOSSIBLE;
	*out = d;
	return DATE_OK;
}

static enum date_status tokens_date(struct span s, struct date *out)
{
	struct tok toks[MAX_TOKS];
	const struct tok *t = toks;
	int n = tokenize(s, toks);
	struct date d;
	bool ok;

	/* A separator before the first token means a part is missing
	 * ("/03/2024" has lost its day), not that it may be skipped. */
	if (n < 2 || toks[0].sep != 0)
		return DATE_INVALID;
	if (!has_word(t, n)) {
		if (n > 3)
			return DATE_INVALID;
		ok = numeric_date(t, n, &d);
	} else {
		if (lookup_word(&t[0], weekday_names,
		                sizeof weekday_names / sizeof weekday_names[0])) {
			t++;
			n--;
		}
		ok = named_date(t, n, &d);
	}
	if (!ok)
		return DATE_INVALID;
	/* A day written as 0 ("00/03/2024") is impossible, not "month only". */
	if (d.day == 0 && n == 3)
		return DATE_IMPOSSIBLE;
	return check_date(d, out);
}

enum date_status parse_date(const char *s, struct date *out)
{
	struct span t = trim(s);
	long serial;

	*out = (struct date){ 0, 0, 0 };
	if (is_missing(t))
		return DATE_MISSING;
	if (excel_serial(t, &serial)) {
		*out = date_from_days(serial - SERIAL_EPOCH);
		return DATE_OK;
	}
	return tokens_date(cut_time(t), out);
}
