#include "check_partners.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag_kind.h"
#include "fmt.h"
#include "i18n.h"
#include "report_out.h"
#include "safe.h"
#include "text.h"
#include "xalloc.h"

/* An organisation's id in the table's strings, or NO_ORG. */
#define NO_ORG UINT32_MAX

/* ---- whose is each message ------------------------------------------------ */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* For each sheet, the organisation most of its rows name (NO_ORG if none):
 * the owner of its rejected rows and of its notes. */
static uint32_t *sheet_owners(const struct table *t)
{
	uint32_t *owner = xmalloc((t->nsources + 1) * sizeof *owner);
	uint64_t *key = xmalloc((t->len + 1) * sizeof *key);
	size_t n = 0;
	for (size_t i = 0; i < t->nsources; i++)
		owner[i] = NO_ORG;
	for (size_t i = 0; i < t->len; i++)
		if (*table_str(t, t->rows[i].org))
			key[n++] = (uint64_t)t->rows[i].source << 32 | t->rows[i].org;
	qsort(key, n, sizeof *key, cmp_u64);
	size_t best = 0;
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && key[j] == key[i]; j++)
			;
		uint32_t s = (uint32_t)(key[i] >> 32);
		if (i == 0 || (uint32_t)(key[i - 1] >> 32) != s)
			best = 0;
		if (j - i > best) {
			best = j - i;
			owner[s] = (uint32_t)key[i];
		}
	}
	free(key);
	return owner;
}

/* A message and the organisation it goes to. */
struct owned {
	uint32_t org;             /* NO_ORG: the sheet names none */
	uint32_t source;          /* for messages whose organisation is unknown */
	uint32_t diag;            /* index into t->diags */
};

static int cmp_owned(const void *a, const void *b)
{
	const struct owned *x = a, *y = b;
	if (x->org != y->org)
		return x->org < y->org ? -1 : 1;
	if (x->org == NO_ORG && x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return (x->diag > y->diag) - (x->diag < y->diag);
}

static struct owned *owned_messages(const struct table *t)
{
	uint32_t *owner = sheet_owners(t);
	struct table_lines lines;
	table_lines_build(&lines, t);
	struct owned *v = xmalloc((t->diags.len + 1) * sizeof *v);
	for (size_t k = 0; k < t->diags.len; k++) {
		const struct diag *d = &t->diags.items[k];
		long row = d->line ? table_lines_find(&lines, t, diag_source(&t->diags, d), d->line) : -1;
		uint32_t org = row >= 0 && *table_str(t, t->rows[row].org) ? t->rows[row].org
		                                                           : owner[diag_source(&t->diags, d)];
		v[k] = (struct owned){ org, diag_source(&t->diags, d), (uint32_t)k };
	}
	table_lines_free(&lines);
	free(owner);
	qsort(v, t->diags.len, sizeof *v, cmp_owned);
	return v;
}

static bool same_owner(const struct owned *a, const struct owned *b)
{
	return a->org == b->org && (a->org != NO_ORG || a->source == b->source);
}

/* ---- in the partner's language ------------------------------------------- */

/* Headers only a French sheet has (folded): "Filles", "Type d'intervention"… */
static bool header_is_french(const char *header)
{
	static const char *const words[] = {
		"filles", "garcons", "femmes", "hommes", "type d intervention", "activite",
		"statut", "mois de rapportage", "partenaire de mise en oeuvre", "date de debut",
	};
	char f[128];
	text_fold(header, strlen(header), f, sizeof f);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(f, words[i]) == 0)
			return true;
	return false;
}

static bool sheet_is_french(const struct source *s)
{
	int french = 0;
	for (int f = 0; f < F_COUNT; f++)
		french += s->map.header[f] && header_is_french(s->map.header[f]);
	return french >= 2;
}

/* French if most of the sheets its messages come from are. */
static bool group_is_french(const struct table *t, const struct owned *g, size_t n)
{
	size_t french = 0;
	for (size_t i = 0; i < n; i++)
		french += sheet_is_french(&t->sources[diag_source(&t->diags, &t->diags.items[g[i].diag])]);
	return 2 * french > n;
}

/* ---- the files ------------------------------------------------------------- */

struct words {
	const char *title, *rejected, *warnings, *notes, *sheet, *line, *col, *kind, *msg, *todo;
};

static const struct words english = {
	"4W sheets: what to correct", "Rejected rows — not counted",
	"Warnings — rows counted, to correct", "About the sheet as a whole",
	"Sheet", "Line", "Column", "Problem", "Message", "What to do",
};
static const struct words french = {
	"Fiches 4W : ce qu'il faut corriger", "Lignes rejetées — non comptées",
	"Avertissements — lignes comptées, à corriger", "Sur la fiche entière",
	"Fiche", "Ligne", "Colonne", "Problème", "Détail", "À faire",
};

/* "irc_fr.csv" of "data/sheets/irc_fr.csv". */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The organisation's name, or the sheet's when it names none. */
static void owner_name(const struct table *t, const struct owned *o, char *buf, size_t size)
{
	if (o->org != NO_ORG)
		snprintf(buf, size, "%s", table_str(t, o->org));
	else
		snprintf(buf, size, "%s", base_name(t->sources[o->source].path));
}

static void md_table(struct report_out *w, const struct table *t, const struct owned *g,
                     size_t n, enum diag_level level, const struct words *wd, bool fr)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const struct diag *d = &t->diags.items[g[i].diag];
		const struct diag_words *dw = diag_words(&t->diags, d);
		if (dw->level != level)
			continue;
		if (!any) {
			const char *head = level == DIAG_REJECT ? wd->rejected
			                 : level == DIAG_WARNING ? wd->warnings : wd->notes;
			report_out_printf(w, "\n## %s\n\n| %s | %s | %s | %s | %s | %s |\n"
			                  "|---|---:|---:|---|---|---|\n", head, wd->sheet, wd->line,
			                  wd->col, wd->kind, wd->msg, wd->todo);
			any = true;
		}
		report_out_puts(w, "| ");
		report_out_md_cell(w, base_name(t->sources[dw->source].path));
		report_out_printf(w, " | %u | %u | ", d->line, dw->col);
		report_out_md_cell(w, diag_kind_name_in((enum diag_code)dw->code, fr));
		report_out_puts(w, " | ");
		report_out_md_cell(w, dw->msg);
		report_out_puts(w, " | ");
		report_out_md_cell(w, diag_kind_fix_in((enum diag_code)dw->code, fr));
		report_out_puts(w, " |\n");
	}
}

static void write_md(struct report_out *w, const struct table *t, const struct owned *g,
                     size_t n, const char *who, bool fr)
{
	const struct words *wd = fr ? &french : &english;
	report_out_printf(w, "# %s — ", wd->title);
	report_out_md_cell(w, who);
	report_out_puts(w, "\n");
	md_table(w, t, g, n, DIAG_REJECT, wd, fr);
	md_table(w, t, g, n, DIAG_WARNING, wd, fr);
	md_table(w, t, g, n, DIAG_NOTE, wd, fr);
}

static const char *level_key(enum diag_level l)
{
	return l == DIAG_REJECT ? "rejected" : l == DIAG_WARNING ? "warning" : "note";
}

/* The CSV's header stays machine-readable, in English; its cells are in
 * the partner's language. */
static void write_csv(struct report_out *w, const struct table *t, const struct owned *g,
                      size_t n, bool fr)
{
	report_out_puts(w, "sheet,line,column,level,kind,message,what_to_do\n");
	for (size_t i = 0; i < n; i++) {
		const struct diag *d = &t->diags.items[g[i].diag];
		const struct diag_words *dw = diag_words(&t->diags, d);
		report_out_csv_cell(w, base_name(t->sources[dw->source].path));
		report_out_printf(w, ",%u,%u,%s,", d->line, dw->col,
		                  level_key((enum diag_level)dw->level));
		report_out_csv_cell(w, diag_kind_name_in((enum diag_code)dw->code, fr));
		report_out_puts(w, ",");
		report_out_csv_cell(w, dw->msg);
		report_out_puts(w, ",");
		report_out_csv_cell(w, diag_kind_fix_in((enum diag_code)dw->code, fr));
		report_out_puts(w, "\n");
	}
}

/* A file name from the organisation's name: folded, letters and digits
 * joined by '-' ("Save the Children" → "save-the-children"). */
static void slug(const char *name, char *out, size_t size)
{
	char f[96];
	text_fold(name, strlen(name), f, sizeof f);
	size_t k = 0;
	for (const char *p = f; *p && k + 1 < size; p++)
		out[k++] = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ? *p : '-';
	out[k] = '\0';
	if (!k)
		snprintf(out, size, "partner");
}

typedef void (*file_writer)(struct report_out *, const struct table *, const struct owned *,
                            size_t, const char *, bool);

static void csv_writer(struct report_out *w, const struct table *t, const struct owned *g,
                       size_t n, const char *who, bool fr)
{
	(void)who;
	write_csv(w, t, g, n, fr);
}

/* Writes path through a temporary file renamed into place, so a reader
 * never sees half a file. */
static bool write_file(const char *path, file_writer fn, const struct table *t,
                       const struct owned *g, size_t n, const char *who, bool fr, FILE *err)
{
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		fprintf(err, _("fourw check: cannot write %s: %s\n"), tmp, strerror(errno));
		return false;
	}
	struct report_out w = { f, false, NULL };
	fn(&w, t, g, n, who, fr);
	bool ok = report_out_finish(&w) == 0;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		fprintf(err, _("fourw check: cannot write %s: %s\n"), path, strerror(errno));
		remove(tmp);
		return false;
	}
	return true;
}

/* The file names given so far in this run: a name two organisations fold
 * to gets a number the second time. */
struct used_names {
	char (*name)[96];
	size_t n, cap;
};

static void unique_base(struct used_names *u, const char *who, char *base, size_t size)
{
	char want[96];
	slug(who, want, sizeof want);
	snprintf(base, size, "%s", want);
	for (int k = 2;; k++) {
		size_t i = 0;
		while (i < u->n && strcmp(u->name[i], base) != 0)
			i++;
		if (i == u->n)
			break;
		snprintf(base, size, "%.80s-%d", want, k);
	}
	u->name = xgrow(u->name, &u->cap, u->n + 1, sizeof *u->name);
	snprintf(u->name[u->n++], sizeof u->name[0], "%s", base);
}

/* One organisation's two files, from t's messages g[0..n). */
static bool write_group(const struct table *t, const char *dir, const struct owned *g,
                        size_t n, bool fr, struct used_names *used, FILE *out, FILE *err)
{
	char who[256], base[96], md[4096], csv[4096];
	owner_name(t, g, who, sizeof who);
	unique_base(used, who, base, sizeof base);
	snprintf(md, sizeof md, "%s/%s.md", dir, base);
	snprintf(csv, sizeof csv, "%s/%s.csv", dir, base);
	if (!write_file(md, write_md, t, g, n, who, fr, err) ||
	    !write_file(csv, csv_writer, t, g, n, who, fr, err))
		return false;
	char k[32];
	safe_fputs(who, out);
	fprintf(out, P_(": %s message (%s) → ", ": %s messages (%s) → ", n), fmt_int((int64_t)n, k),
	        fr ? _("in French") : _("in English"));
	safe_fputs(md, out);
	fputs(", ", out);
	safe_fputs(csv, out);
	fputc('\n', out);
	return true;
}

/* The length of the organisation's run of messages that starts at v[i]. */
static size_t group_end(const struct owned *v, size_t len, size_t i)
{
	size_t j = i + 1;
	while (j < len && same_owner(&v[j], &v[i]))
		j++;
	return j;
}

void check_partners_languages(const struct table *t, bool *any_french, bool *any_english)
{
	struct owned *v = owned_messages(t);
	*any_french = *any_english = false;
	for (size_t i = 0, j; i < t->diags.len; i = j) {
		j = group_end(v, t->diags.len, i);
		if (group_is_french(t, v + i, j - i))
			*any_french = true;
		else
			*any_english = true;
	}
	free(v);
}

bool check_write_partners(const struct table *t, const struct table *other_language,
                          const char *dir, FILE *out, FILE *err)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(err, _("fourw check: cannot create %s: %s\n"), dir, strerror(errno));
		return false;
	}
	/* The same sheets read twice give the same messages in the same order,
	 * so the organisations' runs line up; anything else is not used. */
	const struct table *o = other_language && other_language->diags.len == t->diags.len
	                      ? other_language : NULL;
	struct owned *v = owned_messages(t), *w = o ? owned_messages(o) : NULL;
	struct used_names used = { NULL, 0, 0 };
	bool ok = true;
	for (size_t i = 0, j; ok && i < t->diags.len; i = j) {
		j = group_end(v, t->diags.len, i);
		bool fr = group_is_french(t, v + i, j - i);
		bool other = o && fr != i18n_french() && group_end(w, o->diags.len, i) == j;
		ok = other ? write_group(o, dir, w + i, j - i, fr, &used, out, err)
		           : write_group(t, dir, v + i, j - i, fr, &used, out, err);
	}
	if (ok && !used.n)
		fprintf(out, "%s", _("no sheet has a problem: no file written\n"));
	free(used.name);
	free(w);
	free(v);
	return ok;
}
