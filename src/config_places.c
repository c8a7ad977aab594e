/* config_places: the gazetteer as config.ini and the regional figures file
 * write it — [regions.old], [regions.new] and [cercles] read into the
 * config's regions and cercles, each spelling checked to name one place
 * only, and each region's figures read from the CSV file [plan]
 * regional_figures names.  What the places are and how a name finds one is
 * gazetteer.c's; how config.ini is read and its errors placed, config_ini.c's. */
#include "config_places.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* ---- [regions.old] and [regions.new] -------------------------------------- */

static bool region_add_code(struct ini_file *L, const struct ini_entry *en,
                            struct region *r, const char *code, uint8_t sys)
{
	for (int i = 0; i < r->ncodes; i++) {
		if (strcmp(r->codes[i].code, code) == 0) {
			r->codes[i].system |= sys;
			r->systems |= sys;
			return true;
		}
	}
	if (r->ncodes == (int)(sizeof r->codes / sizeof r->codes[0]))
		return ini_fail_key(L, en->section, en->key, "%s has more than %d p-codes",
		                r->name, r->ncodes);
	strcpy(r->codes[r->ncodes].code, code);
	r->codes[r->ncodes++].system = sys;
	r->systems |= sys;
	return true;
}

static bool check_region_spellings(struct ini_file *L, const struct ini_entry *en, int r)
{
	const struct region *reg = &L->c->regions[r];
	int other = gazetteer_region_answering(L->c, reg->folded, r);
	for (size_t i = 0; other < 0 && i < reg->nvariants; i++) {
		other = gazetteer_region_answering(L->c, reg->variants[i], r);
		if (other >= 0)
			return ini_fail_key(L, en->section, en->key, "spelling '%s' of %s is also "
			                "one of %s", reg->variants[i], reg->name,
			                L->c->regions[other].name);
	}
	if (other >= 0)
		return ini_fail_key(L, en->section, en->key, "%s is also a spelling of %s",
		                reg->name, L->c->regions[other].name);
	return true;
}

/* Parses "name | variants | carved cercles" into three parts. */
static bool split_place(struct ini_file *L, const struct ini_entry *en, const char *v,
                        int max, char **parts)
{
	int n = ini_split(&L->tmp, v, '|', parts, max);
	static const char *const forms[] = { "", "", "'name | variants'",
	                                     "'name | variants | old cercle p-codes'" };
	if (n < 0)
		return ini_fail_key(L, en->section, en->key, "expected %s, got '%s'", forms[max], v);
	for (int i = n; i < max; i++)
		parts[i] = "";
	if (!*parts[0])
		return ini_fail_key(L, en->section, en->key, "no name given in '%s'", v);
	return true;
}

bool places_load_region_entry(struct ini_file *L, const struct ini_entry *en, uint8_t sys)
{
	struct config *c = L->c;
	const char *v = ini_entry_value(L, en);
	char code[8], *parts[3];

	if (!ini_code_from_key(en->key, code))
		return ini_fail_key(L, en->section, en->key, "not a p-code (1 to 7 letters and digits)");
	if (!split_place(L, en, v, 3, parts))
		return false;
	if (sys == SYS_OLD && *parts[2])
		return ini_fail_key(L, en->section, en->key, "old cercle p-codes are given in "
		                "[regions.new] only, got '%s'", parts[2]);
	const char *folded = ini_fold_dup(&c->arena, parts[0]);
	if (!*folded)
		return ini_fail_key(L, en->section, en->key, "name '%s' has no letters", parts[0]);
	int r = gazetteer_region_named(c, folded);
	if (r < 0) {
		r = (int)c->nregions++;
		c->regions[r] = (struct region){
			.name = arena_strdup(&c->arena, parts[0]), .folded = folded,
			.in_need = CONFIG_UNKNOWN, .targeted = CONFIG_UNKNOWN,
			.plan = r, .part_of = -1,
		};
	}
	struct region *reg = &c->regions[r];
	if (!region_add_code(L, en, reg, code, sys))
		return false;
	ini_add_folded_list(&c->arena, reg->folded, parts[1], &reg->variants, &reg->nvariants);
	return check_region_spellings(L, en, r);
}

/* ---- [cercles] ------------------------------------------------------------ */

/* The cercle just added (the last) must not share a spelling with another. */
static bool check_cercle_spellings(struct ini_file *L, const struct ini_entry *en)
{
	int self = (int)L->c->ncercles - 1;
	const struct cercle *ce = &L->c->cercles[self];
	int other = gazetteer_cercle_answering(L->c, ce->folded, self);
	const char *clash = other >= 0 ? ce->folded : NULL;
	for (size_t i = 0; !clash && i < ce->nvariants; i++) {
		other = gazetteer_cercle_answering(L->c, ce->variants[i], self);
		if (other >= 0)
			clash = ce->variants[i];
	}
	if (!clash)
		return true;
	return ini_fail_key(L, en->section, en->key, "spelling '%s' is also cercle %s (%s)",
	                clash, L->c->cercles[other].code, L->c->cercles[other].name);
}

/* A commune key: a cercle's p-code followed by digits, up to 11
 * characters ("ml090104"), upper-cased into out.  Returns its cercle, or -1
 * when the key is not one. */
static int commune_parent(const struct config *c, const char *key, char out[12])
{
	size_t n = strlen(key);
	char cercle_code[8];
	if (n <= 6 || n >= 12)
		return -1;
	for (size_t i = 0; i <= n; i++) {
		char ch = key[i];
		out[i] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
		if (i < n && !((out[i] >= 'A' && out[i] <= 'Z') || (out[i] >= '0' && out[i] <= '9')))
			return -1;
	}
	snprintf(cercle_code, sizeof cercle_code, "%.6s", out);
	return gazetteer_cercle_coded(c, cercle_code);
}

/* The commune just added to cercle ce (its last) must not share a spelling
 * with another cercle or its communes. */
static bool check_commune_spellings(struct ini_file *L, const struct ini_entry *en, int ce)
{
	const struct cercle *parent = &L->c->cercles[ce];
	const struct commune *m = &parent->communes[parent->ncommunes - 1];
	const char *clash = m->folded;
	int other = gazetteer_cercle_answering(L->c, clash, ce);
	for (size_t i = 0; other < 0 && i < m->nvariants; i++)
		other = gazetteer_cercle_answering(L->c, clash = m->variants[i], ce);
	if (other < 0)
		return true;
	return ini_fail_key(L, "cercles", en->key, "spelling '%s' is also cercle %s (%s)",
	                    clash, L->c->cercles[other].code, L->c->cercles[other].name);
}

/* "ML090104 = Commune IV | variants": a commune listed under its cercle,
 * so that what a sheet writes of it resolves to the cercle. */
static bool load_commune_entry(struct ini_file *L, const struct ini_entry *en, int ce,
                               const char *code)
{
	struct config *c = L->c;
	struct cercle *parent = &c->cercles[ce];
	char *parts[2];
	if (!split_place(L, en, ini_entry_value(L, en), 2, parts))
		return false;
	struct commune *grown = arena_alloc(&c->arena, (parent->ncommunes + 1) * sizeof *grown);
	if (parent->ncommunes)
		memcpy(grown, parent->communes, parent->ncommunes * sizeof *grown);
	parent->communes = grown;
	struct commune *m = &grown[parent->ncommunes++];
	*m = (struct commune){
		.name = arena_strdup(&c->arena, parts[0]), .folded = ini_fold_dup(&c->arena, parts[0]),
	};
	strcpy(m->code, code);
	if (!*m->folded)
		return ini_fail_key(L, "cercles", en->key, "name '%s' has no letters", parts[0]);
	ini_add_folded_list(&c->arena, m->folded, parts[1], &m->variants, &m->nvariants);
	return check_commune_spellings(L, en, ce);
}

static bool load_cercle_entry(struct ini_file *L, const struct ini_entry *en)
{
	struct config *c = L->c;
	char code[8], commune_code[12], region_code[8], *parts[2];

	int parent = commune_parent(c, en->key, commune_code);
	if (parent >= 0)
		return load_commune_entry(L, en, parent, commune_code);
	if (!ini_code_from_key(en->key, code) || strlen(code) <= 4)
		return ini_fail_key(L, "cercles", en->key, "not a cercle p-code (region p-code "
		                "followed by digits, e.g. ML0603)");
	snprintf(region_code, sizeof region_code, "%.4s", code);
	int r = gazetteer_region_coded(c, region_code, SYS_OLD);
	if (r < 0)
		return ini_fail_key(L, "cercles", en->key, "%s is not a region of [regions.old] "
		                "(a cercle's code starts with its old region's code)", region_code);
	if (!split_place(L, en, ini_entry_value(L, en), 2, parts))
		return false;
	struct cercle *ce = &c->cercles[c->ncercles++];
	*ce = (struct cercle){
		.name = arena_strdup(&c->arena, parts[0]), .folded = ini_fold_dup(&c->arena, parts[0]),
		.region_old = r, .region_new = -1,
	};
	strcpy(ce->code, code);
	if (!*ce->folded)
		return ini_fail_key(L, "cercles", en->key, "name '%s' has no letters", parts[0]);
	ini_add_folded_list(&c->arena, ce->folded, parts[1], &ce->variants, &ce->nvariants);
	return check_cercle_spellings(L, en);
}

/* An old region's p-code in the third part of a [regions.new] value: the new
 * region was carved from part of it, no whole cercle (Taoudénit). */
static bool load_part_of(struct ini_file *L, const struct ini_entry *en, int r, int old)
{
	struct config *c = L->c;
	if (c->regions[r].part_of >= 0 && c->regions[r].part_of != old)
		return ini_fail_key(L, en->section, en->key, "carved from part of two old regions, "
		                    "%s and %s", c->regions[c->regions[r].part_of].name,
		                    c->regions[old].name);
	c->regions[r].part_of = old;
	return true;
}

/* Third part of a [regions.new] value: the old cercles carved into it, or
 * the old region it was carved from in part. */
static bool load_carved(struct ini_file *L, const struct ini_entry *en)
{
	struct config *c = L->c;
	char *parts[3];
	split_place(L, en, ini_entry_value(L, en), 3, parts);
	int r = gazetteer_region_named(c, ini_fold_dup(&L->tmp, parts[0]));
	char *save = NULL;
	for (char *tok = strtok_r(parts[2], " ,\t", &save); tok;
	     tok = strtok_r(NULL, " ,\t", &save)) {
		char code[8];
		bool coded = ini_code_from_key(tok, code);
		int old = coded ? gazetteer_region_coded(c, code, SYS_OLD) : -1;
		if (old >= 0) {
			if (!load_part_of(L, en, r, old))
				return false;
			continue;
		}
		int ce = coded ? gazetteer_cercle_coded(c, code) : -1;
		if (ce < 0)
			return ini_fail_key(L, en->section, en->key, "'%s' is not a cercle p-code "
			                "of [cercles] nor a region p-code of [regions.old]", tok);
		int was = c->cercles[ce].region_new;
		if (was >= 0 && was != r)
			return ini_fail_key(L, en->section, en->key, "cercle %s (%s) is already "
			                "carved into %s", code, c->cercles[ce].name, c->regions[was].name);
		c->cercles[ce].region_new = r;
	}
	return true;
}

bool places_load_cercles(struct ini_file *L)
{
	struct config *c = L->c;
	c->cercles = arena_alloc(&c->arena, (ini_section_count(L, "cercles") + 1) * sizeof *c->cercles);
	for (size_t i = 0; i < L->nents; i++)
		if (strcmp(L->ents[i].section, "cercles") == 0 && !load_cercle_entry(L, &L->ents[i]))
			return false;
	for (size_t i = 0; i < L->nents; i++)
		if (strcmp(L->ents[i].section, "regions.new") == 0 && !load_carved(L, &L->ents[i]))
			return false;
	return true;
}

/* ---- the regional figures file ---------------------------------------------- */

#define FIG_COLS 4             /* pcode,region,in_need,targeted */

struct figures {
	struct ini_file *L;
	const char *path;
	unsigned *seen;           /* per region: line it was given on, or 0 */
	char *cell[FIG_COLS];     /* the line's first cells, in L->tmp */
	int ncells;               /* cells on the line, those past FIG_COLS counted too */
};

__attribute__((format(printf, 3, 4)))
static bool fig_fail(const struct figures *fg, unsigned line, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);   /* the callers' texts: xgettext reads them (Makefile) */
	va_end(ap);
	return error_set(fg->L->e, "%s:%u: %s", fg->path, line, msg);
}

/* An empty cell is an unknown figure; anything else must be whole. */
static bool fig_number(const struct figures *fg, unsigned line, const char *col,
                       const char *s, int64_t *out)
{
	*out = CONFIG_UNKNOWN;
	if (!*s)
		return true;
	if (!ini_parse_whole(s, out))
		return fig_fail(fg, line, "%s: expected a whole number of people, got '%s'", col, s);
	return true;
}

static void fig_cell(void *text, size_t len, void *data)
{
	struct figures *fg = data;
	if (fg->ncells < FIG_COLS)
		fg->cell[fg->ncells] = arena_strndup(&fg->L->tmp, text ? text : "", text ? len : 0);
	fg->ncells++;
}

/* White space around a cell is not part of it, as config.ini's values. */
static int fig_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* Each line is one record: a line end inside quotes does not carry the
 * record on, so a line number always names the record it is on. */
static int fig_no_term(unsigned char ch)
{
	(void)ch;
	return 0;
}

/* Splits one line into cells with libcsv, the reader of the sheets: a
 * quoted cell may hold the delimiter, and "" in it stands for a quote.
 * libcsv fails only when memory runs out, and xrealloc does not return
 * then. */
static void fig_cells(struct figures *fg, const char *text)
{
	struct csv_parser p;
	fg->ncells = 0;
	csv_init(&p, 0);
	csv_set_space_func(&p, fig_space);
	csv_set_term_func(&p, fig_no_term);
	csv_set_realloc_func(&p, xrealloc);
	csv_parse(&p, text, strlen(text), fig_cell, NULL, fg);
	csv_fini(&p, fig_cell, NULL, fg);
	csv_free(&p);
}

static bool fig_line(struct figures *fg, const char *text, unsigned line)
{
	struct config *c = fg->L->c;
	char **f = fg->cell;
	int n, r;
	int64_t need, target;

	fig_cells(fg, text);
	n = fg->ncells;
	if (n != FIG_COLS)
		return fig_fail(fg, line, "expected 4 fields (pcode,region,in_need,targeted), "
		                "got %s", n > FIG_COLS ? "more" : n == 3 ? "3" : n == 2 ? "2" : "1");
	enum place_status st = gazetteer_resolve_region(c, f[0], f[1], 0, &r);
	if (st == PLACE_CONFLICT)
		return fig_fail(fg, line, "p-code %s and region '%s' disagree", f[0], f[1]);
	if (st != PLACE_OK)
		return fig_fail(fg, line, "unknown region '%s' (%s): not in [regions.old] or "
		                "[regions.new] of %s", f[1], f[0], fg->L->path);
	if (fg->seen[r])
		return fig_fail(fg, line, "%s is given twice (first on line %u)",
		                c->regions[r].name, fg->seen[r]);
	if (!fig_number(fg, line, "in_need", f[2], &need) ||
	    !fig_number(fg, line, "targeted", f[3], &target))
		return false;
	fg->seen[r] = line;
	c->regions[r].in_need = need;
	c->regions[r].targeted = target;
	c->regions[r].in_plan = true;
	return true;
}

static bool fig_header(const struct figures *fg, const char *text, unsigned line)
{
	char folded[256];
	text_fold(text, strlen(text), folded, sizeof folded);
	if (strcmp(folded, "pcode region in need targeted") != 0)
		return fig_fail(fg, line, "expected the header 'pcode,region,in_need,targeted', "
		                "got '%s'", text);
	return true;
}

/* Walks the lines: '#' lines are comments, then the header, then data. */
static bool fig_lines(struct figures *fg, char *text)
{
	bool header = false;
	unsigned line = 0;
	if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3;
	for (char *p = text; *p; ) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		line++;
		char *s = ini_trim_dup(&fg->L->tmp, p, strlen(p));
		p = nl ? nl + 1 : p + strlen(p);
		if (!*s || *s == '#')
			continue;
		if (!header) {
			if (!fig_header(fg, s, line))
				return false;
			header = true;
		} else if (!fig_line(fg, s, line)) {
			return false;
		}
	}
	if (!header)
		return error_set(fg->L->e, _("%s: no header line 'pcode,region,in_need,targeted'"),
		                 fg->path);
	return true;
}

bool places_load_figures(struct ini_file *L)
{
	struct config *c = L->c;
	struct figures fg = { .L = L, .path = c->regional_figures_path };
	char *text;
	size_t len;

	if (!c->has_regional_figures)
		return true;
	char why[160];
	if (!ini_read_whole(fg.path, &text, &len, why, sizeof why))
		return ini_fail_key(L, "plan", "regional_figures", "cannot read '%s': %s",
		                fg.path, why);
	fg.seen = arena_alloc(&L->tmp, c->nregions * sizeof *fg.seen + 1);
	memset(fg.seen, 0, c->nregions * sizeof *fg.seen);
	bool ok = fig_lines(&fg, text);
	free(text);
	return ok;
}

