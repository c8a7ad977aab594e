/* report: the figures for the minutes — text, Markdown and CSV writers.
 *
 * Writers only present what aggregate and gaps computed; the one
 * arithmetic here is a percentage of two cube figures through
 * coverage_pct.  Everything that came from a sheet or config.ini goes
 * through safe_escape on its way out (and Markdown's own specials are
 * escaped too), so no cell can drive the terminal or break a table.
 *
 * Orders: regions by display p-code everywhere; intervention types in
 * config order in text and Markdown (the plan's own order), by code in
 * CSV, where lines sort by (region_code, intervention_code) as bytes, so
 * `*` (the total) comes before the codes and the plan line comes first. */
#include "report.h"

#include <string.h>

#include "report_csv.h"
#include "report_md.h"
#include "report_text.h"

bool report_format_parse(const char *s, enum report_format *fmt)
{
	static const struct { const char *name; enum report_format f; } names[] = {
		{ "text", REPORT_TEXT }, { "md", REPORT_MD }, { "markdown", REPORT_MD },
		{ "csv", REPORT_CSV },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*fmt = names[i].f;
			return true;
		}
	return false;
}

int report_write(FILE *f, enum report_format fmt, const struct report_input *in)
{
	struct report_out w = { f, false, in };
	switch (fmt) {
	case REPORT_MD:
		return report_md_write(&w);
	case REPORT_CSV:
		return report_csv_write(&w);
	case REPORT_TEXT:
	default:
		return report_text_write(&w);
	}
}

int report_write_gaps(FILE *f, enum report_format fmt, const struct report_input *in)
{
	struct report_out w = { f, false, in };
	switch (fmt) {
	case REPORT_MD:
		return report_md_write_gaps(&w);
	case REPORT_CSV:
		return report_csv_write_gaps(&w);
	case REPORT_TEXT:
	default:
		return report_text_write_gaps(&w);
	}
}
