/* fmt: numbers as a meeting reads them.  Pure functions shared by the
 * report writers and the screen, so both print a figure the same way. */
#ifndef FOURW_FMT_H
#define FOURW_FMT_H

#include <stddef.h>
#include <stdint.h>

/* "412,305" (comma grouping); buf needs 32 bytes. */
char *fmt_int(int64_t v, char *buf);
/* "1.3M", "412k", "950" — three significant digits at most; buf 16 bytes. */
char *fmt_short(int64_t v, char *buf);
/* "12.5%" (one decimal); buf 16 bytes. */
char *fmt_pct(double pct, char *buf);

#endif
