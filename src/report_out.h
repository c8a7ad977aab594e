/* report_out: what the report writers (report_text, report_md, report_csv)
 * share — their input, an output FILE whose first error sticks, escaping
 * of sheet text, and the choices and words every format presents alike:
 * which regions and types are shown, in which order, the counting method. */
#ifndef FOURW_REPORT_OUT_H
#define FOURW_REPORT_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "aggregate.h"
#include "config.h"
#include "filter.h"
#include "fmt.h"
#include "gaps.h"
#include "table.h"

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_CSV };

struct report_input {
	const struct config *cfg;
	const struct table *table;
	const struct cube *cube;  /* and the filter it was computed for */
	const struct gap_list *gaps;
	int report_month;
};

/* A report being written: after the first failed write, err stays set and
 * report_out_finish says so. */
struct report_out {
	FILE *f;
	bool err;
	const struct report_input *in;
};

__attribute__((format(printf, 2, 3)))
void report_out_printf(struct report_out *w, const char *fmt, ...);
void report_out_puts(struct report_out *w, const char *s);
/* Flushes; 0, or -1 when any write failed. */
int report_out_finish(struct report_out *w);

/* A CSV cell of sheet text: escaped, a leading = + - @ (or tab, CR) made
 * inert with a quote so no spreadsheet runs it as a formula, RFC 4180
 * quoting when needed. */
void report_out_csv_cell(struct report_out *w, const char *s);
/* The same for a CSV whose cells are separated by sep (';' for French Excel). */
void report_out_csv_cell_sep(struct report_out *w, const char *s, char sep);
/* Sheet text in Markdown: escaped, and Markdown's specials too. */
void report_out_md_cell(struct report_out *w, const char *s);

/* Sheet text made safe for a terminal, in a new string (to free). */
char *report_out_escape(const char *s);

/* A percentage of reached over denom, or `none` when there is no denominator. */
const char *report_out_pct_or(int64_t reached, int64_t denom, const char *none, char buf[16]);
/* v with thousands separators, or `none` when unknown (negative). */
const char *report_out_int_or(int64_t v, const char *none, char buf[32]);

/* The regions shown (selected, with rows or figures), in display p-code
 * order, into out_idx (room for every region); returns how many. */
size_t report_out_regions(const struct report_input *in, size_t *out_idx);
/* The types shown (with rows, or essential and selected), in config order. */
size_t report_out_types(const struct report_input *in, size_t *out_idx);
/* A region's name, "" for -1 (plan-wide). */
const char *report_out_region_name(const struct config *c, int r);

/* Rule 12 in words for plan region r, as the sheets wrote its rows (the
 * report's and the screen's words):
 * "Kayes 10 (1 row) · Nioro 5 (2 rows)" (simple sums), the region itself
 * first; false (buf "") when every counted row of r was written as r. */
bool report_out_written_words(const struct config *c, const struct cube *q, size_t r, char *buf,
                              size_t size);
/* Whether some region's rows were written in regions the plan rolls into it. */
bool report_out_any_rolled_up(const struct report_input *in, const size_t *reg, size_t nreg);
/* The line that introduces the regions as written. */
extern const char *const report_out_written_title;

/* "Plan" or "Selected regions". */
const char *report_out_scope_word(const struct report_input *in);
/* Whether the cube's filter picks some regions, not the whole plan. */
bool report_out_regions_picked(const struct report_input *in);
/* The reporting mode in words: cumulative (with the superseded count) or monthly. */
void report_out_method_words(const struct report_input *in, char *buf, size_t size);
/* How "reached without double counting" is counted. */
extern const char *const report_out_dedup_words;
/* "2024-04" (French "avril 2024"), or "none" for -1: fmt_month. */
void report_out_month_words(int m, char buf[FMT_MONTH_SIZE]);

struct report_totals { size_t sheets, read, accepted, rejected, warnings, resent; };
/* Sheets and rows read, accepted and rejected, over every sheet; resent:
 * of the accepted, the rows a newer sheet sent again (rule 9). */
struct report_totals report_out_totals(const struct table *t);

/* Rule 9 in words for the header, "" when no row was sent again:
 * " (N sent again in a newer sheet, not counted)". */
void report_out_resent_words(const struct report_input *in, const struct report_totals *s,
                             char *buf, size_t size);

#endif
