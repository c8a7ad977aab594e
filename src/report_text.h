/* report_text: the report as plain text for a terminal or
 * an e-mail, wrapped at 100 columns. */
#ifndef FOURW_REPORT_TEXT_H
#define FOURW_REPORT_TEXT_H

#include "report_out.h"

/* The report, then the gap list on its own; 0, or -1 when writing failed. */
int report_text_write(struct report_out *w);
int report_text_write_gaps(struct report_out *w);

#endif
