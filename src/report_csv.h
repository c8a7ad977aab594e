/* report_csv: the figures and the gap list as CSV for a
 * spreadsheet: one line per region × type, no formula can run. */
#ifndef FOURW_REPORT_CSV_H
#define FOURW_REPORT_CSV_H

#include "report_out.h"

/* The report's header line (no line end): what `fourw --compare` checks a
 * saved report by, so the two cannot drift apart. */
extern const char report_csv_header[];

/* The report, then the gap list on its own; 0, or -1 when writing failed. */
int report_csv_write(struct report_out *w);
int report_csv_write_gaps(struct report_out *w);

#endif
