/* report_md: the report in Markdown for the minutes,
 * byte-for-byte reproducible from the same sheets and options. */
#ifndef FOURW_REPORT_MD_H
#define FOURW_REPORT_MD_H

#include "report_out.h"

/* The report, then the gap list on its own; 0, or -1 when writing failed. */
int report_md_write(struct report_out *w);
int report_md_write_gaps(struct report_out *w);

#endif
