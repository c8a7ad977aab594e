/* fmt: numbers as a meeting reads them.  Pure functions shared by the
 * report writers and the screen, so both print a figure the same way. */
#ifndef FOURW_FMT_H
#define FOURW_FMT_H

#include <stddef.h>
#include <stdint.h>

/* "412,305" (comma grouping; French "412 305" with U+00A0); buf needs 32 bytes. */
char *fmt_int(int64_t v, char *buf);
/* "1.3M", "412k", "950" — three significant digits at most (French "1,3 M",
 * "412 k", "950"); buf 16 bytes. */
char *fmt_short(int64_t v, char *buf);
/* "12.5%" (one decimal; French "12,5 %"); buf 16 bytes. */
char *fmt_pct(double pct, char *buf);
/* The same rounded to a whole percent ("111%", French "111 %"): the
 * shorter form of a percentage where the tenths do not fit. */
char *fmt_pct_whole(double pct, char *buf);

/* A month index (date.h) as a meeting reads it: "2024-04" in English (as
 * the sheets write it), "avril 2024" in French; "none" for a negative
 * index.  buf FMT_MONTH_SIZE bytes. */
#define FMT_MONTH_SIZE 24
char *fmt_month(int idx, char *buf);

#endif
