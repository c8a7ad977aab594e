/* report: the figures for the minutes — text, Markdown and CSV writers.
 *
 * Writers only present what aggregate and gaps computed.  Markdown output is
 * byte-for-byte reproducible from the same sheets and options (no clock
 * time).  Text written from sheets is escaped so no control character or
 * escape sequence reaches the terminal (see report_clean). */
#ifndef FOURW_REPORT_H
#define FOURW_REPORT_H

#include <stdio.h>

#include "aggregate.h"
#include "config.h"
#include "filter.h"
#include "gaps.h"
#include "table.h"

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_CSV };

/* Parses "text", "md", "csv"; false if unknown. */
bool report_format_parse(const char *s, enum report_format *fmt);

struct report_input {
	const struct config *cfg;
	const struct table *table;
	const struct cube *cube;  /* and the filter it was computed for */
	const struct gap_list *gaps;
	int report_month;
};

/* Return 0, or -1 when writing failed (errno set). */
int report_write(FILE *out, enum report_format fmt, const struct report_input *in);
int report_write_gaps(FILE *out, enum report_format fmt, const struct report_input *in);

#endif
