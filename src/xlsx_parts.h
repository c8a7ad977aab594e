/* xlsx_parts: the inside of a workbook, shared by the modules that read it
 * (xlsx.c, xlsx_zip.c, xlsx_book.c, xlsx_sheet.c, xls_biff.c); the rest of
 * the program uses xlsx.h. */
#ifndef FOURW_XLSX_PARTS_H
#define FOURW_XLSX_PARTS_H

#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zip.h>

#include "xlsx.h"

/* Strings kept one after another, each NUL-terminated. */
struct xlsx_strings {
	char *buf;
	size_t len, cap;
	size_t *at;
	size_t n, atcap;
};

void xlsx_strings_add(struct xlsx_strings *s, const char *text, size_t len);
const char *xlsx_strings_get(const struct xlsx_strings *s, size_t i);
void xlsx_strings_free(struct xlsx_strings *s);

/* An .xlsx: its archive and what every worksheet needs. */
struct ooxml {
	zip_t *zip;
	struct xlsx_strings sheet_names, sheet_parts;  /* in the workbook's order */
	char *shared_part, *styles_part;   /* NULL if the workbook has none */
	struct xlsx_strings shared;        /* the shared strings table */
	bool *date_style;                  /* cellXfs index → a date number format */
	size_t nstyles;
	bool date1904;                     /* serials count from 1904-01-01 */
};

struct xlsx_book {
	enum xlsx_kind kind;
	struct ooxml ox;                   /* XLSX_OOXML */
	const void *xls;                   /* XLSX_BIFF: freexl's handle */
	struct xlsx_strings names;         /* worksheet names, either kind */
};

/* ---- xlsx_zip.c: parts of the archive through expat ---- */

/* Opens the archive; false and why[] if it is not a readable zip. */
bool ooxml_open_zip(struct ooxml *o, const char *path, char *why, size_t whysize);
/* Streams part `name` through parser p, within the zip-bomb limits (xlsx.h).
 * A handler may stop the parser (XML_StopParser): that is no error. */
bool ooxml_parse_part(struct ooxml *o, const char *name, XML_Parser p, char *why,
                      size_t whysize);
bool ooxml_has_part(struct ooxml *o, const char *name);
/* A name without its namespace prefix ("x:row" → "row"). */
const char *xml_local(const char *name);
/* The value of attribute `local` (prefix ignored), or NULL. */
const char *xml_attr(const char **attrs, const char *local);

/* A cell's text as expat hands it over in pieces, kept to a bound: past
 * XLSX_CELL_BYTES the rest is dropped (a cell that long is over Excel's own
 * limit and the loader rejects it by its length anyway). */
#define XLSX_CELL_BYTES ((size_t)4 * 32768 + 4)
struct xml_text {
	char *buf;
	size_t len, cap;
	bool on;                  /* inside an element whose text is wanted */
};
void xml_text_add(struct xml_text *t, const char *s, int len);
void xml_text_start(struct xml_text *t);
/* The text, NUL-terminated. */
const char *xml_text_get(struct xml_text *t);

/* ---- xlsx_book.c: workbook, relationships, shared strings, styles ---- */

bool ooxml_read_book(struct ooxml *o, char *why, size_t whysize);
void ooxml_free(struct ooxml *o);

/* ---- xlsx_sheet.c ---- */

bool ooxml_read_sheet(struct ooxml *o, size_t i, xlsx_row_fn fn, void *arg,
                      struct xlsx_seen *seen, char *why, size_t whysize);
/* A serial date (days since 1899-12-30, or 1904-01-01) as YYYY-MM-DD; false
 * outside years 1900–9999. */
bool xlsx_serial_date(double serial, bool date1904, char out[11]);

/* ---- xls_biff.c ---- */

bool biff_open(struct xlsx_book *b, const char *path, char *why, size_t whysize);
bool biff_read_sheet(struct xlsx_book *b, size_t i, xlsx_row_fn fn, void *arg,
                     struct xlsx_seen *seen, char *why, size_t whysize);
void biff_close(struct xlsx_book *b);

#endif
