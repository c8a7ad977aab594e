/* xlsx_csv: one worksheet of a workbook written as the CSV text the loader
 * reads (xlsx.h says why), and the choice of that worksheet.
 *
 * Which worksheet: the one named (file.xlsx:Sheet, or config.ini's
 * [columns] worksheet), else the first whose first rows hold a header the
 * column aliases recognise (or an HXL row), else the first.  Each sheet row
 * is one line whatever it holds (a line break inside a cell is read as a
 * space), so line N is row N and messages name the right cell.  An .xls is
 * read in a child process (libfreexl trusts the lengths a file gives). */
#ifndef FOURW_XLSX_CSV_H
#define FOURW_XLSX_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "xlsx.h"

struct xlsx_csv {
	int fd;                   /* the CSV text in an unlinked temporary file, or -1 */
	size_t len;               /* its length */
	char *sheet;              /* the worksheet read */
	char *choice;             /* how it was chosen and which were skipped, in words */
	struct xlsx_seen seen;    /* its hidden rows and columns, merged cells */
};

/* Writes worksheet `want` (NULL: choose as above; config c gives the
 * aliases and [columns] worksheet) of workbook `path` as CSV.  False and
 * why[] if the file is no readable workbook, has no such worksheet, or the
 * worksheet cannot be read to its end; out is then empty. */
bool xlsx_to_csv(const char *path, const char *want, const struct config *c,
                 struct xlsx_csv *out, char *why, size_t whysize);
void xlsx_csv_free(struct xlsx_csv *x);

/* For the tests: the child process that reads an .xls ends at once, as
 * one that a crafted file brought down. */
void xlsx_csv_crash_reader(bool crash);

/* check's notes on the worksheet read as sheet `source`: which one and why,
 * its hidden rows and columns. */
void xlsx_csv_notes(struct diag_list *d, uint32_t source, const struct xlsx_csv *x);

/* Where a path "book.xlsx:Sheet" names a worksheet: the offset of that ':'
 * if what is before it is a workbook's name and the sheet's name is not
 * empty, else 0. */
size_t xlsx_sheet_suffix(const char *path);

#endif
