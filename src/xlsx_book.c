#include "xlsx_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "xalloc.h"

/* ---- kept strings and cell text ------------------------------------------- */

void xlsx_strings_add(struct xlsx_strings *s, const char *text, size_t len)
{
	s->buf = xgrow(s->buf, &s->cap, s->len + len + 1, 1);
	s->at = xgrow(s->at, &s->atcap, s->n + 1, sizeof *s->at);
	s->at[s->n++] = s->len;
	memcpy(s->buf + s->len, text, len);
	s->len += len;
	s->buf[s->len++] = '\0';
}

const char *xlsx_strings_get(const struct xlsx_strings *s, size_t i)
{
	return i < s->n ? s->buf + s->at[i] : NULL;
}

void xlsx_strings_free(struct xlsx_strings *s)
{
	free(s->buf);
	free(s->at);
	*s = (struct xlsx_strings){0};
}

void xml_text_start(struct xml_text *t)
{
	t->len = 0;
	t->on = true;
}

void xml_text_add(struct xml_text *t, const char *s, int len)
{
	size_t n = (size_t)len;
	if (!t->on || t->len >= XLSX_CELL_BYTES)
		return;
	if (n > XLSX_CELL_BYTES - t->len)
		n = XLSX_CELL_BYTES - t->len;
	t->buf = xgrow(t->buf, &t->cap, t->len + n + 1, 1);
	memcpy(t->buf + t->len, s, n);
	t->len += n;
}

const char *xml_text_get(struct xml_text *t)
{
	t->buf = xgrow(t->buf, &t->cap, t->len + 1, 1);
	t->buf[t->len] = '\0';
	return t->buf;
}

/* ---- parsing one part with one handler -------------------------------------- */

/* Parses part `name` with start handler `start` (and character data, end
 * handlers if given) over user data `ud`. */
static bool parse_with(struct ooxml *o, const char *name, void *ud, XML_StartElementHandler start,
                       XML_EndElementHandler end, XML_CharacterDataHandler text,
                       char *why, size_t whysize)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p) {
		snprintf(why, whysize, "%s", _("out of memory"));
		return false;
	}
	XML_SetUserData(p, ud);
	XML_SetElementHandler(p, start, end);
	if (text)
		XML_SetCharacterDataHandler(p, text);
	bool ok = ooxml_parse_part(o, name, p, why, whysize);
	XML_ParserFree(p);
	return ok;
}

/* The folder of a part, "xl/" for "xl/workbook.xml" ("" at the top). */
static size_t folder_len(const char *part)
{
	const char *slash = strrchr(part, '/');
	return slash ? (size_t)(slash - part) + 1 : 0;
}

/* A relationship's target as a part name: absolute ("/xl/…") or relative
 * to the folder of the part that points to it ("../" climbs a folder). */
static char *resolve_target(const char *from, const char *target)
{
	if (target[0] == '/')
		return xstrdup(target + 1);
	size_t fl = folder_len(from);
	while (strncmp(target, "../", 3) == 0) {
		target += 3;
		while (fl > 0 && from[fl - 1] == '/')
			fl--;
		while (fl > 0 && from[fl - 1] != '/')
			fl--;
	}
	size_t tl = strlen(target);
	char *s = xmalloc(fl + tl + 1);
	memcpy(s, from, fl);
	memcpy(s + fl, target, tl + 1);
	return s;
}

/* ---- relationships ---------------------------------------------------------- */

struct rels {
	const char *from;          /* the part they belong to */
	struct xlsx_strings ids, types, targets;
};

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcmp(s + n - k, tail) == 0;
}

static void on_rel(void *ud, const char *name, const char **attrs)
{
	struct rels *r = ud;
	if (strcmp(xml_local(name), "Relationship") != 0)
		return;
	const char *id = xml_attr(attrs, "Id"), *type = xml_attr(attrs, "Type");
	const char *target = xml_attr(attrs, "Target"), *mode = xml_attr(attrs, "TargetMode");
	if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
		return;
	char *part = resolve_target(r->from, target);
	xlsx_strings_add(&r->ids, id, strlen(id));
	xlsx_strings_add(&r->types, type, strlen(type));
	xlsx_strings_add(&r->targets, part, strlen(part));
	free(part);
}

static void rels_free(struct rels *r)
{
	xlsx_strings_free(&r->ids);
	xlsx_strings_free(&r->types);
	xlsx_strings_free(&r->targets);
}

/* The relationships of part `from` (from its _rels/NAME.rels); none if the
 * workbook has no such part. */
static bool read_rels(struct ooxml *o, const char *from, struct rels *r, char *why,
                      size_t whysize)
{
	size_t fl = folder_len(from);
	size_t len = fl + strlen(from + fl) + 12;
	char *name = xmalloc(len);
	snprintf(name, len, "%.*s_rels/%s.rels", (int)fl, from, from + fl);
	*r = (struct rels){ .from = from };
	bool ok = !ooxml_has_part(o, name) ||
	          parse_with(o, name, r, on_rel, NULL, NULL, why, whysize);
	free(name);
	if (!ok)
		rels_free(r);
	return ok;
}

/* The target of the first relationship whose type ends with `tail` (or
 * whose id is `id` if given); NULL if none. */
static const char *rel_target(const struct rels *r, const char *tail, const char *id)
{
	for (size_t i = 0; i < r->ids.n; i++)
		if ((!id || strcmp(xlsx_strings_get(&r->ids, i), id) == 0) &&
		    ends_with(xlsx_strings_get(&r->types, i), tail))
			return xlsx_strings_get(&r->targets, i);
	return NULL;
}


/* ---- workbook.xml -------------------------------------------------------- */

struct book_scan {
	struct ooxml *o;
	struct xlsx_strings names, rids;
};

static void on_book(void *ud, const char *name, const char **attrs)
{
	struct book_scan *b = ud;
	const char *local = xml_local(name);
	if (strcmp(local, "workbookPr") == 0) {
		const char *d = xml_attr(attrs, "date1904");
		b->o->date1904 = d && (strcmp(d, "1") == 0 || strcasecmp(d, "true") == 0);
	} else if (strcmp(local, "sheet") == 0) {
		const char *n = xml_attr(attrs, "name"), *rid = xml_attr(attrs, "id");
		if (n && rid) {
			xlsx_strings_add(&b->names, n, strlen(n));
			xlsx_strings_add(&b->rids, rid, strlen(rid));
		}
	}
}

/* The worksheets in the workbook's order, each with its part (chart
 * sheets, which hold no cells, are left out). */
static void list_sheets(struct ooxml *o, const struct book_scan *b, const struct rels *r)
{
	for (size_t i = 0; i < b->names.n; i++) {
		const char *part = rel_target(r, "/worksheet", xlsx_strings_get(&b->rids, i));
		if (!part)
			continue;
		const char *n = xlsx_strings_get(&b->names, i);
		xlsx_strings_add(&o->sheet_names, n, strlen(n));
		xlsx_strings_add(&o->sheet_parts, part, strlen(part));
	}
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* The workbook part, its worksheets and where its strings and styles are. */
static bool read_workbook(struct ooxml *o, char *why, size_t whysize)
{
	struct rels top, wr;
	if (!read_rels(o, "", &top, why, whysize))
		return false;
	const char *bp = rel_target(&top, "/officeDocument", NULL);
	char *book = xstrdup(bp ? bp : "xl/workbook.xml");
	rels_free(&top);
	struct book_scan b = { .o = o };
	bool ok = parse_with(o, book, &b, on_book, NULL, NULL, why, whysize) &&
	          read_rels(o, book, &wr, why, whysize);
	if (ok) {
		list_sheets(o, &b, &wr);
		o->shared_part = dup_or_null(rel_target(&wr, "/sharedStrings", NULL));
		o->styles_part = dup_or_null(rel_target(&wr, "/styles", NULL));
		rels_free(&wr);
	}
	xlsx_strings_free(&b.names);
	xlsx_strings_free(&b.rids);
	free(book);
	return ok;
}

/* ---- shared strings ------------------------------------------------------- */

struct sst_scan {
	struct ooxml *o;
	struct xml_text text;
	int phonetic;              /* inside <rPh>: a reading aid, not the text */
	bool in_si;
};

static void on_sst_start(void *ud, const char *name, const char **attrs)
{
	struct sst_scan *s = ud;
	const char *local = xml_local(name);
	(void)attrs;
	if (strcmp(local, "si") == 0) {
		s->in_si = true;
		s->text.len = 0;
	} else if (strcmp(local, "rPh") == 0) {
		s->phonetic++;
	} else if (strcmp(local, "t") == 0 && s->in_si && !s->phonetic) {
		s->text.on = true;
	}
}

static void on_sst_end(void *ud, const char *name)
{
	struct sst_scan *s = ud;
	const char *local = xml_local(name);
	if (strcmp(local, "t") == 0) {
		s->text.on = false;
	} else if (strcmp(local, "rPh") == 0) {
		s->phonetic--;
	} else if (strcmp(local, "si") == 0) {
		s->in_si = false;
		xlsx_strings_add(&s->o->shared, xml_text_get(&s->text), s->text.len);
	}
}

static void on_sst_text(void *ud, const char *s, int len)
{
	struct sst_scan *sc = ud;
	xml_text_add(&sc->text, s, len);
}

/* ---- styles: which cell formats show a date --------------------------------- */

/* Built-in number formats that show a date (ECMA-376 §18.8.30; 27–36 and
 * 50–58 are the East Asian dates).  18–21 and 45–47 are times of day only. */
static bool builtin_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

/* A format code that shows a date: a day, month or year token outside
 * quoted text, [brackets] and escaped characters.  "m" alone may be
 * minutes, so a code with hours or seconds and no day or year is a time. */
static bool code_is_date(const char *code)
{
	bool dy = false, m = false, hs = false;
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else {
			char c = (char)(*p | 0x20);
			dy |= c == 'd' || c == 'y' || c == 'e';
			m |= c == 'm';
			hs |= c == 'h' || c == 's';
		}
	}
	return dy || (m && !hs);
}

struct style_scan {
	struct ooxml *o;
	long *date_ids;            /* custom formats that show a date */
	size_t ndate, date_cap;
	bool in_xfs;
	size_t xfs_cap;
};

static bool is_date_format(const struct style_scan *s, long id)
{
	if (builtin_date(id))
		return true;
	for (size_t i = 0; i < s->ndate; i++)
		if (s->date_ids[i] == id)
			return true;
	return false;
}

static void on_style_start(void *ud, const char *name, const char **attrs)
{
	struct style_scan *s = ud;
	const char *local = xml_local(name);
	if (strcmp(local, "numFmt") == 0) {
		const char *id = xml_attr(attrs, "numFmtId"), *code = xml_attr(attrs, "formatCode");
		if (id && code && code_is_date(code)) {
			s->date_ids = xgrow(s->date_ids, &s->date_cap, s->ndate + 1, sizeof *s->date_ids);
			s->date_ids[s->ndate++] = strtol(id, NULL, 10);
		}
	} else if (strcmp(local, "cellXfs") == 0) {
		s->in_xfs = true;
	} else if (strcmp(local, "xf") == 0 && s->in_xfs) {
		const char *id = xml_attr(attrs, "numFmtId");
		struct ooxml *o = s->o;
		o->date_style = xgrow(o->date_style, &s->xfs_cap, o->nstyles + 1,
		                      sizeof *o->date_style);
		o->date_style[o->nstyles++] = id && is_date_format(s, strtol(id, NULL, 10));
	}
}

static void on_style_end(void *ud, const char *name)
{
	struct style_scan *s = ud;
	if (strcmp(xml_local(name), "cellXfs") == 0)
		s->in_xfs = false;
}

/* ---- the whole book ----------------------------------------------------------- */

bool ooxml_read_book(struct ooxml *o, char *why, size_t whysize)
{
	if (!read_workbook(o, why, whysize))
		return false;
	if (o->sheet_names.n == 0) {
		snprintf(why, whysize, "%s", _("the workbook has no worksheet"));
		return false;
	}
	bool ok = true;
	if (o->shared_part && ooxml_has_part(o, o->shared_part)) {
		struct sst_scan s = { .o = o };
		ok = parse_with(o, o->shared_part, &s, on_sst_start, on_sst_end, on_sst_text,
		                why, whysize);
		free(s.text.buf);
	}
	if (ok && o->styles_part && ooxml_has_part(o, o->styles_part)) {
		struct style_scan s = { .o = o };
		ok = parse_with(o, o->styles_part, &s, on_style_start, on_style_end, NULL,
		                why, whysize);
		free(s.date_ids);
	}
	return ok;
}

void ooxml_free(struct ooxml *o)
{
	if (o->zip)
		zip_discard(o->zip);
	xlsx_strings_free(&o->sheet_names);
	xlsx_strings_free(&o->sheet_parts);
	xlsx_strings_free(&o->shared);
	free(o->shared_part);
	free(o->styles_part);
	free(o->date_style);
	*o = (struct ooxml){0};
}
