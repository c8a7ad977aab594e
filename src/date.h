/* date: the calendar and the dates of a 4W sheet, as partners type them.
 *
 * Dates: ISO "2024-03-15", "15/03/2024", "15-03-2024", "15.03.2024",
 * "15/03/24", month names in French or English ("mars 2024", "March 2024",
 * "15 mars 2024", "Mar-24"), "2024-03" and "03/2024" (month only), and
 * Excel serial numbers (20000–80000, 1900 system).  Day-month order is always
 * day first (French and Malian usage).  A month name alone ("juin") is a
 * month of no year yet: the loader gives it the plan's year. */
#ifndef FOURW_DATE_H
#define FOURW_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct date {
	int year;        /* 1900..2200 */
	int month;       /* 1..12 */
	int day;         /* 1..31, or 0 when only a month was given */
};

enum date_status {
	DATE_OK,
	DATE_MISSING,
	DATE_INVALID,    /* unrecognised form */
	DATE_IMPOSSIBLE, /* recognised form, impossible date: 31/02/2024 */
	DATE_NO_YEAR,    /* a month name alone ("juin", "June"): out->month set,
	                  * year 0; the caller decides which year (rule 11) */
};

enum date_status parse_date(const char *s, struct date *out);

/* The forms nearly every sheet writes — yyyy-mm-dd, dd/mm/yyyy and the
 * months yyyy-mm, mm/yyyy — as exactly those bytes and a real date: true
 * and *out as parse_date gives it, in a few steps and no look-up.  False
 * for anything else, which parse_date decides. */
bool parse_date_common(const char *s, size_t n, struct date *out);

/* Month index used everywhere for periods: months since January 2000
 * (2024-03 → 290).  Negative before 2000. */
static inline int month_index(int year, int month)
{
	return (year - 2000) * 12 + (month - 1);
}
static inline int month_year(int idx)  { return 2000 + (idx >= 0 ? idx / 12 : -((11 - idx) / 12)); }
static inline int month_month(int idx) { return idx - (month_year(idx) - 2000) * 12 + 1; }

/* Days since 1970-01-01 of a full date (day 0 counts as the 1st). */
long date_days(const struct date *d);
/* The inverse of date_days (civil_from_days). */
struct date date_from_days(long days);

/* "2024-03" into buf (size >= 8). */
void month_format(int idx, char *buf);

/* Parses "YYYY-MM" (as given to --from/--to); returns false if malformed. */
bool month_parse(const char *s, int *idx);

#endif
