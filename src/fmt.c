#include "fmt.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"

/* French groups thousands and sets units and percent signs apart with a
 * no-break space (U+00A0, two bytes, one column): every terminal font has
 * it, where the narrow one (U+202F) is missing from many. */
#define NBSP "\xc2\xa0"

/* Magnitude as unsigned, so INT64_MIN has one too. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* The thousands separator written backwards into rev: ',' in English;
 * in French U+00A0, or a plain space from 10^18 up (never a count of
 * people) so that the widest int64 still fits in 32 bytes. */
static size_t put_separator(char *rev, size_t n, uint64_t v)
{
	if (!i18n_french()) {
		rev[n] = ',';
		return 1;
	}
	if (v >= 1000000000000000000ull) {
		rev[n] = ' ';
		return 1;
	}
	rev[n] = NBSP[1];
	rev[n + 1] = NBSP[0];
	return 2;
}

char *fmt_int(int64_t v, char *buf)
{
	char rev[40];
	uint64_t a = magnitude(v), whole = a;
	size_t n = 0, o = 0, digits = 0;

	do {
		if (digits > 0 && digits % 3 == 0)
			n += put_separator(rev, n, whole);
		rev[n++] = (char)('0' + a % 10);
		digits++;
		a /= 10;
	} while (a > 0);
	if (v < 0)
		buf[o++] = '-';
	while (n > 0)
		buf[o++] = rev[--n];
	buf[o] = '\0';
	return buf;
}

/* Writes r / 10^dec (r < 1000, dec <= 2) with trailing zeros of the
 * fraction dropped ("1.30" reads "1.3", "1.00" reads "1"); returns the
 * position after it.  By hand: snprintf cannot prove this fits. */
static char *put_scaled(uint64_t r, int dec, char *out)
{
	char rev[8];
	int n = 0;

	while (dec > 0 && r % 10 == 0) {
		r /= 10;
		dec--;
	}
	do {
		if (n == dec && dec > 0)
			rev[n++] = i18n_french() ? ',' : '.';
		rev[n++] = (char)('0' + r % 10);
		r /= 10;
	} while (r > 0 || n <= dec);
	while (n > 0)
		*out++ = rev[--n];
	return out;
}

char *fmt_short(int64_t v, char *buf)
{
	/* French says "Md" (milliard) for a thousand million. */
	static const char *const suffix[2][6] = {
		{ "k", "M", "B", "T", "P", "E" },
		{ NBSP "k", NBSP "M", NBSP "Md", NBSP "T", NBSP "P", NBSP "E" },
	};
	uint64_t a = magnitude(v), unit = 1000;
	char *p = buf;
	int u = 0;

	if (v < 0)
		*p++ = '-';
	if (a < 1000) {
		*put_scaled(a, 0, p) = '\0';
		return buf;
	}
	while (u < 5 && a / unit >= 1000) {
		unit *= 1000;
		u++;
	}
	/* Three significant digits, rounded half up: the first precision
	 * whose rounded value still has at most three digits.  Rounding
	 * can carry into the next unit (999,950 is "1M", not "1000k"). */
	for (;;) {
		uint64_t step = unit / 100;
		for (int dec = 2; dec >= 0; dec--, step *= 10) {
			uint64_t r = a / step + (a % step >= step / 2);
			if (r < 1000) {
				p = put_scaled(r, dec, p);
				strcpy(p, suffix[i18n_french()][u]);
				return buf;
			}
		}
		unit *= 1000;
		u++;
	}
}

char *fmt_pct(double pct, char *buf)
{
	double a = pct < 0 ? -pct : pct;

	if (a != a) {  /* NaN: not a percentage anyone should read */
		snprintf(buf, 16, "%s", i18n_french() ? "n.d." : "n/a");
		return buf;
	}
	/* Beyond any real coverage (and beyond what fits in 16 bytes). */
	if (a >= 1e9) {
		snprintf(buf, 16, "%s", pct < 0 ? "<-1e9%" : ">1e9%");
		return buf;
	}
	/* Round half away from zero on tenths, independently of printf's
	 * round-half-even on the binary value; "-0.0%" never appears. */
	unsigned long long tenths = (unsigned long long)(a * 10.0 + 0.5);
	const char *sign = pct < 0 && tenths > 0 ? "-" : "";
	snprintf(buf, 16, i18n_french() ? "%s%u,%c" NBSP "%%" : "%s%u.%c%%", sign,
	         (unsigned)(tenths / 10), (char)('0' + tenths % 10));
	return buf;
}

char *fmt_pct_whole(double pct, char *buf)
{
	double a = pct < 0 ? -pct : pct;
	if (a != a || a >= 1e9)
		return fmt_pct(pct, buf);
	unsigned long long whole = (unsigned long long)(a + 0.5);
	const char *sign = pct < 0 && whole > 0 ? "-" : "";
	snprintf(buf, 16, i18n_french() ? "%s%llu" NBSP "%%" : "%s%llu%%", sign, whole);
	return buf;
}

char *fmt_month(int idx, char *buf)
{
	static const char *const months[12] = {
		"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre", "décembre",
	};
	if (idx < 0) {
		snprintf(buf, FMT_MONTH_SIZE, "%s", _("none"));
		return buf;
	}
	if (!i18n_french()) {
		month_format(idx, buf);
		return buf;
	}
	snprintf(buf, FMT_MONTH_SIZE, "%s %d", months[month_month(idx) - 1], month_year(idx));
	return buf;
}
