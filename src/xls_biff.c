#include "xlsx_parts.h"

#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

static const char *freexl_words(int code)
{
	switch (code) {
	case FREEXL_INSUFFICIENT_MEMORY:
		return _("out of memory");
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		return _("an Office file that holds no Excel workbook: an encrypted "
		         "(password-protected) .xlsx looks like this; remove the password in "
		         "Excel and save again");
	case FREEXL_CRAFTED_FILE:
		return _("the file is damaged beyond reading (or crafted to harm readers)");
	default:
		return _("the file is damaged or not an Excel 97-2003 workbook");
	}
}

bool biff_open(struct xlsx_book *b, const char *path, char *why, size_t whysize)
{
	unsigned int count = 0, password = 0;
	int rc = freexl_open(path, &b->xls);
	if (rc != FREEXL_OK) {
		snprintf(why, whysize, "%s", freexl_words(rc));
		b->xls = NULL;
		return false;
	}
	if (freexl_get_info(b->xls, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
	    password == FREEXL_BIFF_OBFUSCATED) {
		snprintf(why, whysize, "%s", _("the workbook is password-protected; remove the "
		         "password in Excel and save again"));
		return false;
	}
	if (freexl_get_info(b->xls, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0) {
		snprintf(why, whysize, "%s", _("the workbook has no worksheet"));
		return false;
	}
	for (unsigned int i = 0; i < count && i <= 0xFFFF; i++) {
		const char *name = NULL;
		if (freexl_get_worksheet_name(b->xls, (unsigned short)i, &name) != FREEXL_OK || !name)
			name = "";
		xlsx_strings_add(&b->names, name, strlen(name));
	}
	return true;
}

void biff_close(struct xlsx_book *b)
{
	if (b->xls)
		freexl_close(b->xls);
	b->xls = NULL;
}

/* A cell's text: numbers as Excel's General shows them, dates and times
 * as freexl gives them (YYYY-MM-DD, with the time after a space). */
static const char *biff_text(const FreeXL_CellValue *v, char *buf, size_t size)
{
	switch (v->type) {
	case FREEXL_CELL_INT:
		snprintf(buf, size, "%d", v->value.int_value);
		return buf;
	case FREEXL_CELL_DOUBLE:
		snprintf(buf, size, "%.15g", v->value.double_value);
		return buf;
	case FREEXL_CELL_DATETIME:
		snprintf(buf, size, "%.10s", v->value.text_value ? v->value.text_value : "");
		return buf;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_TIME:
		return v->value.text_value ? v->value.text_value : "";
	default:
		return "";
	}
}

/* One row's cells into texts; the count up to its last non-empty cell. */
static size_t read_row(const void *xls, unsigned int r, unsigned short ncols,
                       struct xlsx_strings *texts)
{
	size_t last = 0;
	texts->len = texts->n = 0;
	for (unsigned short c = 0; c < ncols; c++) {
		FreeXL_CellValue v;
		char buf[40];
		const char *t = freexl_get_cell_value(xls, r, c, &v) == FREEXL_OK
		              ? biff_text(&v, buf, sizeof buf) : "";
		xlsx_strings_add(texts, t, strlen(t));
		if (*t)
			last = (size_t)c + 1;
	}
	return last;
}

bool biff_read_sheet(struct xlsx_book *b, size_t i, xlsx_row_fn fn, void *arg,
                     struct xlsx_seen *seen, char *why, size_t whysize)
{
	unsigned int rows = 0;
	unsigned short cols = 0;
	memset(seen, 0, sizeof *seen);
	if (freexl_select_active_worksheet(b->xls, (unsigned short)i) != FREEXL_OK ||
	    freexl_worksheet_dimensions(b->xls, &rows, &cols) != FREEXL_OK) {
		snprintf(why, whysize, "worksheet %zu cannot be read", i + 1);
		return false;
	}
	struct xlsx_strings texts = {0};
	const char **cells = xmalloc(((size_t)cols + 1) * sizeof *cells);
	for (unsigned int r = 0; r < rows; r++) {
		size_t n = read_row(b->xls, r, cols, &texts);
		if (n == 0)
			continue;
		for (size_t k = 0; k < n; k++)
			cells[k] = xlsx_strings_get(&texts, k);
		seen->rows++;
		if (!fn(arg, r + 1, cells, n))
			break;
	}
	free(cells);
	xlsx_strings_free(&texts);
	return true;
}
