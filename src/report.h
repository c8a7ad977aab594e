/* report: the figures for the minutes — text, Markdown and CSV writers.
 *
 * Writers only present what aggregate and gaps computed.  Markdown output is
 * byte-for-byte reproducible from the same sheets and options (no clock
 * time).  Text written from sheets is escaped so no control character or
 * escape sequence reaches the terminal (see report_clean). */
#ifndef FOURW_REPORT_H
#define FOURW_REPORT_H

#include <stdio.h>

#include "report_out.h"

/* Parses "text", "md", "csv"; false if unknown. */
bool report_format_parse(const char *s, enum report_format *fmt);

/* struct report_input and enum report_format: see report_out.h. */

/* Return 0, or -1 when writing failed (errno set). */
int report_write(FILE *out, enum report_format fmt, const struct report_input *in);
int report_write_gaps(FILE *out, enum report_format fmt, const struct report_input *in);

#endif
