#include "xlsx_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "xalloc.h"

/* Excel's last column (XFD): a cell reference beyond it is no cell. */
#define LAST_COL 16384u

/* ---- values ---------------------------------------------------------------- */

bool xlsx_serial_date(double serial, bool date1904, char out[11])
{
	if (!(serial >= 0 && serial < 2958466))
		return false;
	long days = (long)floor(serial);
	struct date d;
	if (date1904) {
		d = date_from_days(days - 24107);       /* 1904-01-01 is day -24107 */
	} else if (days == 60) {
		d = (struct date){ 1900, 2, 29 };      /* Lotus's leap day, which never was:
		                                        * the date reader then says so */
	} else {
		/* 1899-12-31 is serial 0 up to the false leap day, 1899-12-30 after it */
		d = date_from_days(days - (days < 60 ? 25568 : 25569));
	}
	if (d.year < 1900 || d.year > 9999)
		return false;
	snprintf(out, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
	return true;
}

/* A number as Excel shows it in General format: at most 15 significant
 * digits, so a stored 0.30000000000000004 reads 0.3. */
static const char *plain_number(const char *v, char *buf, size_t size)
{
	if (!strpbrk(v, ".eE"))
		return v;
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x))
		return v;
	snprintf(buf, size, "%.15g", x);
	return buf;
}

/* 1-based column of a reference ("B12" → 2); 0 if it names none. */
static uint32_t ref_column(const char *ref)
{
	uint32_t col = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		col = col * 26 + (uint32_t)(*ref - 'A' + 1);
		if (col > LAST_COL)
			return 0;
	}
	return col;
}

void xlsx_column_name(uint32_t col, char out[4])
{
	char tmp[4];
	int n = 0;
	if (col == 0 || col > LAST_COL)
		col = LAST_COL;
	while (col > 0 && n < 3) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* ---- one row at a time ---------------------------------------------------------- */

struct cell_at {
	uint32_t col;              /* 1-based */
	size_t at;                 /* its text in the row's buffer */
};

struct sheet_scan {
	struct ooxml *o;
	XML_Parser p;
	xlsx_row_fn fn;
	void *arg;
	struct xlsx_seen *seen;
	uint32_t row, last_row;
	struct xlsx_strings texts; /* the row's cell texts */
	struct cell_at *cells;
	size_t ncells, cells_cap;
	uint32_t next_col;         /* for a cell without a reference */
	uint32_t col;              /* the cell being read */
	char type[12];
	long style;
	struct xml_text text;      /* its <v>, or its inline string */
	bool in_inline;
	int phonetic;
	const char **row_cells;    /* what fn is given */
	size_t row_cap;
};

static int by_col(const void *a, const void *b)
{
	const struct cell_at *x = a, *y = b;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

/* Hands the row to fn: columns A to its last cell, "" where none. */
static void emit_row(struct sheet_scan *s)
{
	if (s->ncells == 0)
		return;
	bool sorted = true;
	for (size_t i = 1; i < s->ncells; i++)
		sorted &= s->cells[i - 1].col < s->cells[i].col;
	if (!sorted)               /* out of order or twice: the last written wins */
		qsort(s->cells, s->ncells, sizeof *s->cells, by_col);
	size_t n = s->cells[s->ncells - 1].col;
	s->row_cells = xgrow(s->row_cells, &s->row_cap, n + 1, sizeof *s->row_cells);
	for (size_t i = 0; i < n; i++)
		s->row_cells[i] = "";
	for (size_t i = 0; i < s->ncells; i++)
		s->row_cells[s->cells[i].col - 1] = s->texts.buf + s->cells[i].at;
	s->seen->rows++;
	if (!s->fn(s->arg, s->row, s->row_cells, n))
		XML_StopParser(s->p, XML_FALSE);
}

static void start_row(struct sheet_scan *s, const char **attrs)
{
	const char *r = xml_attr(attrs, "r"), *hidden = xml_attr(attrs, "hidden");
	unsigned long n = r ? strtoul(r, NULL, 10) : 0;
	/* rows come in order; one that does not is put after the last */
	s->row = n > s->last_row && n <= UINT32_MAX - 1 ? (uint32_t)n : s->last_row + 1;
	s->last_row = s->row;
	s->ncells = 0;
	s->texts.len = s->texts.n = 0;
	s->next_col = 1;
	if (hidden && (strcmp(hidden, "1") == 0 || strcmp(hidden, "true") == 0) &&
	    s->seen->hidden_rows++ == 0)
		s->seen->first_hidden_row = s->row;
}

static void start_cell(struct sheet_scan *s, const char **attrs)
{
	const char *r = xml_attr(attrs, "r"), *t = xml_attr(attrs, "t");
	const char *st = xml_attr(attrs, "s");
	s->col = r ? ref_column(r) : s->next_col;
	if (r && s->col == 0)
		s->col = s->next_col;
	size_t tl = t ? strlen(t) : 1;
	if (tl >= sizeof s->type)
		tl = sizeof s->type - 1;
	memcpy(s->type, t ? t : "n", tl);
	s->type[tl] = '\0';
	s->style = st ? strtol(st, NULL, 10) : 0;
	s->text.len = 0;
	s->text.on = false;
}

static void note_hidden_cols(struct sheet_scan *s, const char **attrs)
{
	const char *hidden = xml_attr(attrs, "hidden");
	if (!hidden || !(strcmp(hidden, "1") == 0 || strcmp(hidden, "true") == 0))
		return;
	const char *lo = xml_attr(attrs, "min"), *hi = xml_attr(attrs, "max");
	unsigned long a = lo ? strtoul(lo, NULL, 10) : 0, b = hi ? strtoul(hi, NULL, 10) : a;
	if (a == 0 || a > LAST_COL)
		return;
	if (b < a || b > LAST_COL)
		b = a;
	if (s->seen->hidden_cols == 0)
		s->seen->first_hidden_col = (uint32_t)a;
	s->seen->hidden_cols += b - a + 1;
}

static void on_start(void *ud, const char *name, const char **attrs)
{
	struct sheet_scan *s = ud;
	const char *local = xml_local(name);
	if (local[0] == 'c' && local[1] == '\0')    /* the commonest, first */
		start_cell(s, attrs);
	else if (strcmp(local, "v") == 0)
		s->text.on = !s->in_inline;
	else if (strcmp(local, "is") == 0)
		s->in_inline = true;
	else if (strcmp(local, "rPh") == 0)
		s->phonetic++;
	else if (strcmp(local, "t") == 0 && s->in_inline && !s->phonetic)
		s->text.on = true;
	else if (strcmp(local, "row") == 0)
		start_row(s, attrs);
	else if (strcmp(local, "col") == 0)
		note_hidden_cols(s, attrs);
	else if (strcmp(local, "mergeCell") == 0)
		s->seen->merged++;
}

/* The text a cell shows, by its type (ECMA-376 §18.18.11). */
static const char *cell_text(struct sheet_scan *s, char *buf, size_t size)
{
	const char *v = xml_text_get(&s->text), *t = s->type;
	if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		const char *str = end != v ? xlsx_strings_get(&s->o->shared, i) : NULL;
		return str ? str : "";
	}
	if (strcmp(t, "b") == 0)
		return !*v ? "" : strcmp(v, "0") == 0 ? "FALSE" : "TRUE";
	if (strcmp(t, "d") == 0 && strlen(v) > 10 && v[10] == 'T') {
		snprintf(buf, size, "%.10s", v);     /* an ISO date-time: its day */
		return buf;
	}
	if (strcmp(t, "n") != 0 || !*v)
		return v;              /* strings, formula strings, errors (#N/A) */
	if (s->style >= 0 && (size_t)s->style < s->o->nstyles && s->o->date_style[s->style]) {
		char *end;
		double x = strtod(v, &end);
		if (end != v && !*end && xlsx_serial_date(x, s->o->date1904, buf))
			return buf;
	}
	return plain_number(v, buf, size);
}

static void end_cell(struct sheet_scan *s)
{
	char buf[40];
	const char *text = cell_text(s, buf, sizeof buf);
	s->next_col = s->col < LAST_COL ? s->col + 1 : LAST_COL;
	s->cells = xgrow(s->cells, &s->cells_cap, s->ncells + 1, sizeof *s->cells);
	s->cells[s->ncells].col = s->col;
	s->cells[s->ncells++].at = s->texts.len;
	xlsx_strings_add(&s->texts, text, strlen(text));
}

static void on_end(void *ud, const char *name)
{
	struct sheet_scan *s = ud;
	const char *local = xml_local(name);
	if (local[0] == 'c' && local[1] == '\0')
		end_cell(s);
	else if (strcmp(local, "v") == 0 || strcmp(local, "t") == 0)
		s->text.on = false;
	else if (strcmp(local, "is") == 0)
		s->in_inline = false;
	else if (strcmp(local, "rPh") == 0)
		s->phonetic--;
	else if (strcmp(local, "row") == 0)
		emit_row(s);
}

static void on_chars(void *ud, const char *text, int len)
{
	struct sheet_scan *s = ud;
	xml_text_add(&s->text, text, len);
}

bool ooxml_read_sheet(struct ooxml *o, size_t i, xlsx_row_fn fn, void *arg,
                      struct xlsx_seen *seen, char *why, size_t whysize)
{
	struct sheet_scan s = { .o = o, .fn = fn, .arg = arg, .seen = seen };
	memset(seen, 0, sizeof *seen);
	s.p = XML_ParserCreate("UTF-8");
	if (!s.p) {
		snprintf(why, whysize, "%s", _("out of memory"));
		return false;
	}
	XML_SetUserData(s.p, &s);
	XML_SetElementHandler(s.p, on_start, on_end);
	XML_SetCharacterDataHandler(s.p, on_chars);
	bool ok = ooxml_parse_part(o, xlsx_strings_get(&o->sheet_parts, i), s.p, why, whysize);
	XML_ParserFree(s.p);
	xlsx_strings_free(&s.texts);
	free(s.cells);
	free(s.text.buf);
	free(s.row_cells);
	return ok;
}
