/* xlsx: partners' Excel workbooks, read as the CSV Excel would save.
 *
 * A workbook is read one worksheet at a time, row by row, into the same
 * text the CSV path reads (xlsx_csv.c writes it to an unlinked temporary
 * file that load.c then reads like any sheet), so every rule downstream —
 * header search below title rows, aliases, HXL rows, diagnostics, counting
 * — is the CSV one.  Each sheet row becomes one line, its row number the
 * line number: messages name the cell (Sheet!B12) by line and column.
 *
 * .xlsx (Office Open XML) is read with libzip and expat, streaming: one
 * worksheet row is held at a time, plus the workbook's shared strings and
 * number formats, never the sheet's whole XML.  The old binary .xls is read
 * with libfreexl (its sheets are at most 65,536 rows).  Both are told apart
 * by their first bytes, not by the file name. */
#ifndef FOURW_XLSX_H
#define FOURW_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits (README.md, "Limits"): a part of an .xlsx (a worksheet's XML, the
 * shared strings) that would expand past XLSX_PART_MAX bytes, or past
 * XLSX_RATIO_MAX times its compressed size once larger than
 * XLSX_RATIO_FROM, is refused as a zip bomb: real worksheets compress 5 to
 * 30 times.  The text of a worksheet, written as CSV, is held to the size a
 * CSV sheet may have (1 GiB). */
#define XLSX_PART_MAX ((uint64_t)4 << 30)
#define XLSX_RATIO_MAX 200
#define XLSX_RATIO_FROM ((uint64_t)1 << 20)
#define XLSX_CSV_MAX ((uint64_t)1 << 30)

/* One row of a worksheet: cells[0..n) are columns A, B, … ("" if empty). */
typedef bool (*xlsx_row_fn)(void *arg, uint32_t row, const char *const *cells, size_t n);

/* What reading a worksheet saw beside its cells, for check's note. */
struct xlsx_seen {
	size_t hidden_rows;       /* rows hidden in Excel (read as any other) */
	uint32_t first_hidden_row;
	size_t hidden_cols;       /* columns hidden in Excel (read as any other) */
	uint32_t first_hidden_col;    /* 1-based */
	size_t merged;            /* merged ranges (their value is in the first cell) */
	size_t rows;              /* rows that hold a cell */
};

enum xlsx_kind { XLSX_OOXML, XLSX_BIFF };

struct xlsx_book;

/* Opens a workbook.  NULL and why[] in words when it is not one: an
 * encrypted (password-protected) file, a corrupt archive, a zip bomb. */
/* The file is an Office container (an .xls, or an encrypted .xlsx), which
 * libfreexl reads. */
bool xlsx_is_legacy(const char *path);

struct xlsx_book *xlsx_open(const char *path, char *why, size_t whysize);
void xlsx_close(struct xlsx_book *b);

size_t xlsx_sheet_count(const struct xlsx_book *b);
const char *xlsx_sheet_name(const struct xlsx_book *b, size_t i);
enum xlsx_kind xlsx_book_kind(const struct xlsx_book *b);

/* Reads worksheet i, calling fn for each row that holds a cell, in row
 * order, until fn returns false.  False and why[] if the sheet could not be
 * read to its end (a corrupt or refused part); rows already given stand. */
bool xlsx_read_sheet(struct xlsx_book *b, size_t i, xlsx_row_fn fn, void *arg,
                     struct xlsx_seen *seen, char *why, size_t whysize);

/* "B" for column 2, "AA" for 27: how a cell reference names a column. */
void xlsx_column_name(uint32_t col, char out[4]);

/* True if the path names an Excel workbook by its extension (.xlsx, .xlsm,
 * .xls): the files a folder search reads beside CSV. */
bool xlsx_is_workbook_name(const char *path);

#endif
