#include "date.h"

#include "cell.h"
#include "text.h"

#include <string.h>

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

struct date date_from_days(long z)
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
	while (n < max && cell_is_digit(**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= min && !cell_is_digit(**p);
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

	while (i < s.n && cell_is_digit(s.p[i]) && v <= SERIAL_MAX)
		v = v * 10 + (s.p[i++] - '0');
	if (i == 0 || v < SERIAL_MIN || v > SERIAL_MAX)
		return false;
	if (i < s.n && (s.p[i] == '.' || s.p[i] == ',')) {
		if (++i == s.n)
			return false;
		while (i < s.n && cell_is_digit(s.p[i]))
			i++;
	}
	if (i != s.n)
		return false;
	*serial = v;
	return true;
}

static bool read_2digits(const char *p, const char *end)
{
	return end - p >= 2 && cell_is_digit(p[0]) && cell_is_digit(p[1]);
}

/* "10:30", "10:30:00", "10:30:00.000", then "Z", " AM" or " PM". */
static bool is_time(const char *p, const char *end)
{
	int n = 0;

	while (p < end && cell_is_digit(*p) && n < 2) {
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
			for (p++; p < end && cell_is_digit(*p); p++)
				;
	}
	if (p < end && *p == 'Z')
		p++;
	while (p < end && *p == ' ')
		p++;
	if (end - p == 2 && (cell_lower(p[0]) == 'a' || cell_lower(p[0]) == 'p') &&
	    cell_lower(p[1]) == 'm')
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
	for (t = colon; t > s.p && cell_is_digit(t[-1]); t--)
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
	*len = cell_blank_at(p, end);
	return *len > 0;
}

/* A letter byte: ASCII letter or part of a non-ASCII character ("août"). */
static bool is_letter_byte(const char *p, const char *end)
{
	return cell_is_alpha(*p) || ((unsigned char)*p >= 0x80 && cell_blank_at(p, end) == 0);
}

/* Ordinal suffix glued to a day: "1er mars", "15th March". */
static bool is_ordinal(const char *p, size_t n)
{
	static const char *const suffixes[] = { "er", "st", "nd", "rd", "th" };
	struct span s = { p, n };

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (cell_span_ieq(s, suffixes[i]))
			return true;
	return false;
}

/* Reads one number or word at p; returns the position after it, or NULL
 * if the text there is neither. */
static const char *read_tok(const char *p, const char *end, struct tok *t)
{
	const char *q = p;

	t->p = p;
	if (cell_is_digit(*p)) {
		t->kind = TOK_NUM;
		t->value = 0;
		for (; q < end && cell_is_digit(*q); q++)
			if (t->value < 100000)
				t->value = t->value * 10 + (*q - '0');
		t->n = (size_t)(q - p);
		const char *w = q;
		while (w < end && cell_is_alpha(*w))
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

	/* A month name alone: its year is the caller's to give (rule 11). */
	if (n == 1 && toks[0].sep == 0 && (d.month = tok_month(&t[0])) != 0) {
		*out = (struct date){ 0, d.month, 0 };
		return DATE_NO_YEAR;
	}
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

/* The value of the two digits at s, or -1 if one is not a digit. */
static int two_digits(const char *s)
{
	unsigned a = (unsigned char)s[0] - (unsigned)'0', b = (unsigned char)s[1] - (unsigned)'0';
	return a > 9 || b > 9 ? -1 : (int)(a * 10 + b);
}

/* The four digits at s, or -1. */
static int four_digits(const char *s)
{
	int hi = two_digits(s), lo = two_digits(s + 2);
	return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

bool parse_date_common(const char *s, size_t n, struct date *out)
{
	struct date d;
	if (n == 10 && s[4] == '-' && s[7] == '-')
		d = (struct date){ four_digits(s), two_digits(s + 5), two_digits(s + 8) };
	else if (n == 10 && s[2] == '/' && s[5] == '/')
		d = (struct date){ four_digits(s + 6), two_digits(s + 3), two_digits(s) };
	else if (n == 7 && s[4] == '-')          /* a month: day 0 */
		d = (struct date){ four_digits(s), two_digits(s + 5), 0 };
	else if (n == 7 && s[2] == '/')
		d = (struct date){ four_digits(s + 3), two_digits(s), 0 };
	else
		return false;
	if (d.day < (n == 10) || check_date(d, out) != DATE_OK)
		return false;
	return true;
}

enum date_status parse_date(const char *s, struct date *out)
{
	struct span t = cell_trim(s);
	long serial;

	*out = (struct date){ 0, 0, 0 };
	if (cell_is_missing(t))
		return DATE_MISSING;
	if (excel_serial(t, &serial)) {
		*out = date_from_days(serial - SERIAL_EPOCH);
		return DATE_OK;
	}
	return tokens_date(cut_time(t), out);
}

