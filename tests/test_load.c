/* The sheet loader on small sheets written here, with every expected line,
 * column and figure worked out by hand. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "config.h"
#include "cube_index.h"
#include "filter.h"
#include "gazetteer.h"
#include "load.h"
#include "loadsplit.h"
#include "parse.h"
#include "table.h"
#include "plan_fixture.h"

static struct config cfg;
static struct table t;

static void setup(void)
{
	fx_plan_load(&cfg);
	table_init(&t);
}

static void teardown(void)
{
	table_free(&t);
	config_free(&cfg);
}

TestSuite(load, .init = setup, .fini = teardown);

static const struct source *load(const char *text)
{
	struct error e;
	cr_assert(load_buffer(&t, &cfg, "sheet.csv", text, strlen(text), &e), "%s", e.msg);
	return &t.sources[t.nsources - 1];
}

/* The region as the sheet wrote it (what resolving read); the plan region
 * it counts under is plan_region_name's. */
static const char *region_name(const struct activity *a)
{
	return cfg.regions[a->written_region].name;
}

static const char *plan_region_name(const struct activity *a)
{
	return cfg.regions[a->region].name;
}

static int cercle_at(const char *code)
{
	return gazetteer_cercle_coded(&cfg, code);
}

static const char *type_code(const struct activity *a)
{
	return cfg.types[a->itype].code;
}

/* The row read from a line (rows are found by line, not by position). */
static const struct activity *row_at_line(uint32_t line)
{
	for (size_t i = 0; i < t.len; i++)
		if (t.rows[i].line == line)
			return &t.rows[i];
	cr_assert_fail("no row at line %u", line);
	return NULL;
}

/* A message as these tests read it: where it is and what it says (the
 * list keeps the words apart, struct diag_words).  Kept in a few rotating
 * slots so that two lookups in one assertion do not overwrite each other. */
struct seen {
	uint32_t source, line, col;
	enum diag_level level;
	enum diag_code code;
	const char *msg;
};

static const struct seen *seen_at(size_t i)
{
	static struct seen slot[8];
	static size_t next;
	const struct diag_words *w = diag_words_at(&t.diags, i);
	struct seen *v = &slot[next++ % 8];
	*v = (struct seen){ w->source, t.diags.items[i].line, w->col,
	                    (enum diag_level)w->level, (enum diag_code)w->code, w->msg };
	return v;
}

/* The diagnostic whose message contains needle, or NULL. */
static const struct seen *find_diag(const char *needle)
{
	for (size_t i = 0; i < t.diags.len; i++)
		if (strstr(diag_words_at(&t.diags, i)->msg, needle))
			return seen_at(i);
	return NULL;
}

/* The n-th diagnostic of a level, or NULL. */
static const struct seen *nth(enum diag_level level, size_t n)
{
	for (size_t i = 0; i < t.diags.len; i++)
		if (diag_words_at(&t.diags, i)->level == level && n-- == 0)
			return seen_at(i);
	return NULL;
}

static void assert_invariant(const struct source *s)
{
	cr_assert_eq(s->rows_read, s->accepted + s->rejected,
	             "read %zu != accepted %zu + rejected %zu", s->rows_read, s->accepted,
	             s->rejected);
}

#define EN_HEADER "Organization,Implementing partner,Region,Cercle,Intervention type," \
                  "Activity,Status,Reporting month,Girls,Boys,Women,Men,Total reached\n"

Test(load, empty_buffer_reads_no_rows)
{
	const struct source *s = load("");
	cr_assert_eq(s->rows_read, 0);
	cr_assert_eq(t.len, 0);
}

Test(load, english_sheet_maps_every_column_and_counts_rule_2)
{
	const struct source *s = load(EN_HEADER
		"UNICEF,AVS-Mali,Mopti,Bandiagara,Gestion de cas,Suivi,Ongoing,2024-03,10,12,3,4,29\n"
		"IRC,,Gao,Ansongo,PSS,EAE,Completed,2024-02,,,,,40\n");
	cr_assert_eq(s->header_line, 1);
	cr_assert_eq(s->hxl_line, 0);
	cr_assert_eq(s->delimiter, ',');
	cr_assert_eq(s->map.col[F_ORG], 0);
	cr_assert_eq(s->map.col[F_PARTNER], 1);
	cr_assert_eq(s->map.col[F_TOTAL], 12);
	cr_assert_eq(s->map.col[F_PERIOD], 7);
	cr_assert_eq(s->accepted, 2);
	const struct activity *a = &t.rows[0];
	cr_assert_str_eq(region_name(a), "Mopti");
	cr_assert_str_eq(cfg.cercles[a->cercle].name, "Bandiagara");
	cr_assert_str_eq(type_code(a), "GC");
	cr_assert_eq(activity_counts(&t, a).reached, 29);   /* 10 + 12 + 3 + 4 */
	cr_assert_str_eq(table_str(&t, a->partner), "AVS-Mali"); /* rule 3: the implementing partner */
	cr_assert_str_eq(table_str(&t, a->org), "UNICEF");
	cr_assert_eq(a->month, month_index(2024, 3));
	cr_assert_eq(a->status, STATUS_ONGOING);
	cr_assert_eq(a->line, 2);
	/* total only: the total stands in */
	cr_assert_eq(activity_counts(&t, &t.rows[1]).reached, 40);
	cr_assert_str_eq(table_str(&t, t.rows[1].partner), "IRC");
	cr_assert_eq(t.diags.warnings, 0);
}

/* Counts past a row's 16 bits are read whole: 70,000 girls, a 40,000 +
 * 30,000 sum, 65,535 (the first value a row does not keep); 65,534 and
 * an empty cell stay in the row. */
Test(load, large_counts_are_kept_whole)
{
	load("Organisation,Région,Type d'intervention,Mois de rapportage,Filles,Garçons,Total\n"
	     "IRC,Mopti,PSS,mars 2024,70000,5,\n"
	     "IRC,Mopti,PSS,mars 2024,40000,30000,70000\n"
	     "IRC,Mopti,PSS,mars 2024,65535,,\n"
	     "IRC,Mopti,PSS,mars 2024,65534,,\n");
	cr_assert_eq(t.len, 4);
	const int32_t girls[] = { 70000, 40000, 65535, 65534 };
	const int32_t boys[] = { 5, 30000, COUNT_MISSING, COUNT_MISSING };
	const int32_t reached[] = { 70005, 70000, 65535, 65534 };
	const bool wide[] = { true, true, true, false };
	for (size_t i = 0; i < 4; i++) {
		const struct row_counts n = activity_counts(&t, &t.rows[i]);
		cr_expect_eq(n.girls, girls[i], "row %zu girls %d", i, n.girls);
		cr_expect_eq(n.boys, boys[i], "row %zu boys %d", i, n.boys);
		cr_expect_eq(n.reached, reached[i], "row %zu reached %d", i, n.reached);
		cr_expect_eq(t.rows[i].wide, wide[i], "row %zu wide", i);
	}
}

Test(load, title_rows_above_the_header_are_skipped)
{
	const struct source *s = load(
		"Matrice 4W - Protection de l'Enfant - Mali 2024\n"
		"Organisation : Terre des hommes\n"
		"\n"
		"Organisation,Région,Type d'intervention,Filles,Garçons\n"
		"TdH,Ségou,Sensibilisation,5,6\n");
	cr_assert_eq(s->header_line, 4);
	cr_assert_eq(s->rows_read, 1);
	cr_assert_eq(t.rows[0].line, 5);
	cr_assert_eq(activity_counts(&t, &t.rows[0]).reached, 11);
	cr_assert_str_eq(type_code(&t.rows[0]), "SENS");
}

Test(load, hxl_row_is_preferred_for_mapping)
{
	/* display headers that no alias knows; the tags decide */
	const struct source *s = load(
		"Qui,Où,Quoi,F,G\n"
		"#org+impl,#adm1+name,#activity+type,#reached+f+children,#reached+m+children\n"
		"ENDA,Kayes,PSS,7,8\n");
	cr_assert_eq(s->header_line, 1);
	cr_assert_eq(s->hxl_line, 2);
	cr_assert_eq(s->map.col[F_PARTNER], 0);
	cr_assert_eq(s->map.col[F_GIRLS], 3);
	cr_assert_eq(s->map.col[F_BOYS], 4);
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(t.rows[0].line, 3);
	cr_assert_eq(activity_counts(&t, &t.rows[0]).reached, 15);
}

Test(load, rejected_row_after_a_multiline_quoted_cell_has_its_physical_line)
{
	const struct source *s = load(EN_HEADER
		"UNICEF,,Mopti,,GC,\"Suivi,\nsur deux lignes\",Ongoing,2024-03,1,1,1,1,\n"
		"UNICEF,,Segu,,GC,Suivi,Ongoing,2024-03,1,1,1,1,\n");
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(s->rejected, 1);
	cr_assert_eq(t.rows[0].line, 2);
	const struct seen *d = nth(DIAG_REJECT, 0);
	cr_assert_not_null(d);
	cr_assert_eq(d->line, 4);               /* lines 2-3 are the first record */
	cr_assert_eq(d->col, 3);                /* Region is the third column */
	cr_assert(strstr(d->msg, "Segu") && strstr(d->msg, "Ségou (ML04)"), "%s", d->msg);
	cr_assert_eq(d->code, DC_UNKNOWN_REGION);
	assert_invariant(s);
}

Test(load, every_bad_value_is_rejected_with_its_column)
{
	const struct source *s = load(EN_HEADER
		"A,,Mopti,,GC,x,Ongoing,2024-03,-3,1,1,1,\n"        /* line 2: girls negative */
		"A,,Mopti,,GC,x,Ongoing,2024-03,1,\"12,5\",1,1,\n"  /* line 3: boys fraction */
		"A,,Mopti,,GC,x,Ongoing,2024-03,1,1,beaucoup,1,\n"  /* line 4: women text */
		"A,,,,GC,x,Ongoing,2024-03,1,1,1,1,\n"              /* line 5: no place */
		"A,,Mopti,,,,Ongoing,2024-03,1,1,1,1,\n"            /* line 6: no type */
		"A,,Mopti,,GC,x,Ongoing,2024-03,,,,,\n"             /* line 7: no count */
		"A,,Mopti,,GC,x,Ongoing,31/02/2024,1,1,1,1,\n");    /* line 8: date */
	static const struct { unsigned line, col; const char *needle; enum diag_code code; } want[] = {
		{ 2, 9, "negative", DC_BAD_COUNT }, { 3, 10, "whole", DC_BAD_COUNT },
		{ 4, 11, "beaucoup", DC_BAD_COUNT }, { 5, 3, "no place", DC_NO_PLACE },
		{ 6, 5, "no intervention type", DC_NO_TYPE }, { 7, 0, "no people count", DC_NO_COUNT },
		{ 8, 8, "not a real date", DC_IMPOSSIBLE_DATE },
	};
	cr_assert_eq(s->rejected, 7);
	cr_assert_eq(s->accepted, 0);
	for (size_t i = 0; i < 7; i++) {
		const struct seen *d = nth(DIAG_REJECT, i);
		cr_assert_eq(d->line, want[i].line, "diag %zu: line %u", i, d->line);
		cr_assert_eq(d->col, want[i].col, "diag %zu: col %u (%s)", i, d->col, d->msg);
		cr_assert(strstr(d->msg, want[i].needle), "diag %zu: %s", i, d->msg);
		cr_assert_eq(d->code, want[i].code, "diag %zu: code %d (%s)", i, (int)d->code, d->msg);
	}
	assert_invariant(s);
}

Test(load, windows_1252_semicolons_crlf_and_grouped_numbers)
{
	const struct source *s = load(
		"Organisation;R\xe9gion;Type d'intervention;Date de d\xe9" "but;Filles;Gar\xe7ons\r\n"
		"Plan;S\xe9gou;Gestion de cas;15/03/2024;1 234;2\xa0" "000\r\n");
	cr_assert_eq(s->encoding, ENC_CP1252);
	cr_assert_eq(s->delimiter, ';');
	cr_assert(s->crlf);
	cr_assert_eq(s->accepted, 1, "%s", t.diags.len ? diag_words_at(&t.diags, 0)->msg : "");
	cr_assert_str_eq(region_name(&t.rows[0]), "Ségou");
	cr_assert_eq(activity_counts(&t, &t.rows[0]).reached, 3234);
	cr_assert_eq(t.rows[0].start_month, month_index(2024, 3));
}

Test(load, utf8_bom_does_not_hide_the_first_header)
{
	const struct source *s = load("\xef\xbb\xbfOrganisation,Région,Type d'intervention,Total\n"
	                              "DRC,Tombouctou,ENA,5\n");
	cr_assert_eq(s->encoding, ENC_UTF8_BOM);
	cr_assert_eq(s->map.col[F_ORG], 0);
	cr_assert_eq(s->accepted, 1);
}

Test(load, spelling_variants_resolve)
{
	load("Organisation,Région,Type,Total\n"
	     "A,Segou,GC,1\nA,SEGOU,GC,1\nA,Timbuktu,GC,1\nA,Menaka,GC,1\n");
	cr_assert_eq(t.len, 4);
	cr_assert_str_eq(region_name(&t.rows[0]), "Ségou");
	cr_assert_str_eq(region_name(&t.rows[1]), "Ségou");
	cr_assert_str_eq(region_name(&t.rows[2]), "Tombouctou");
	cr_assert_str_eq(region_name(&t.rows[3]), "Ménaka");
}

/* Tabs and no-break spaces at a cell's ends are dropped, in plain and
 * quoted cells alike, on the line that has them only; one inside a cell
 * stays. */
Test(load, tabs_and_no_break_spaces_at_cell_ends_are_dropped)
{
	load("Organisation,Région,Type,Total\n"
	     "\tA,S\xC3\xA9gou\xC2\xA0,GC,1\n"
	     "Save\xC2\xA0the Children,\"\tMopti\",GC\xE2\x80\xAF,2\n"
	     "B,Kayes,PSS,3\n");
	cr_assert_eq(t.len, 3);
	cr_assert_str_eq(table_str(&t, t.rows[0].org), "A");
	cr_assert_str_eq(region_name(&t.rows[0]), "Ségou");
	cr_assert_str_eq(table_str(&t, t.rows[1].org), "Save\xC2\xA0the Children");
	cr_assert_str_eq(region_name(&t.rows[1]), "Mopti");
	cr_assert_str_eq(type_code(&t.rows[1]), "GC");
	cr_assert_str_eq(table_str(&t, t.rows[2].org), "B");
	cr_assert_eq(t.diags.warnings, 0, "no warning: every cell reads once trimmed");
}

Test(load, breakdown_beats_a_disagreeing_total_with_a_warning)
{
	load(EN_HEADER "A,,Gao,,GC,x,Ongoing,2024-03,10,10,0,0,25\n");
	cr_assert_eq(activity_counts(&t, &t.rows[0]).reached, 20);
	const struct seen *w = nth(DIAG_WARNING, 0);
	cr_assert_not_null(w);
	cr_assert_eq(w->col, 13);
	cr_assert(strstr(w->msg, "25") && strstr(w->msg, "20"), "%s", w->msg);
	cr_assert_eq(w->code, DC_TOTAL_DIFFERS);
}

Test(load, planned_rows_are_presence_not_reach)
{
	load(EN_HEADER "A,,Gao,,GC,x,Planned,2024-03,10,10,0,0,\n"
	               "A,,Gao,,GC,x,Planifié,2024-03,,,,,\n");
	cr_assert_eq(t.len, 2);
	cr_assert_eq(t.rows[0].status, STATUS_PLANNED);
	cr_assert_eq(activity_counts(&t, &t.rows[0]).reached, 0);
	cr_assert_eq(activity_counts(&t, &t.rows[1]).reached, 0);
	cr_assert_eq(t.diags.warnings, 1);     /* only the one reporting people */
	cr_assert_eq(nth(DIAG_WARNING, 0)->code, DC_PLANNED_REACHED);
}

Test(load, unknown_type_counts_as_other_with_a_warning)
{
	load(EN_HEADER "A,,Gao,,Appui scolaire,x,Ongoing,2024-03,1,1,0,0,\n");
	cr_assert_eq(t.len, 1);
	cr_assert_str_eq(type_code(&t.rows[0]), "AUTRE");
	cr_assert_eq(nth(DIAG_WARNING, 0)->col, 5);
	cr_assert_eq(nth(DIAG_WARNING, 0)->code, DC_UNKNOWN_TYPE);
}

Test(load, cercle_outside_its_region_is_a_warning)
{
	load(EN_HEADER "A,,Gao,Bandiagara,GC,x,Ongoing,2024-03,1,1,0,0,\n");
	cr_assert_eq(t.len, 1);
	cr_assert_str_eq(region_name(&t.rows[0]), "Gao");
	cr_assert_eq(t.rows[0].cercle, -1);
	cr_assert_eq(nth(DIAG_WARNING, 0)->col, 4);
	cr_assert_eq(nth(DIAG_WARNING, 0)->code, DC_CERCLE_NOT_IN_REGION);
}

Test(load, region_taken_from_the_cercle_when_absent)
{
	load("Organisation,Cercle,Type,Total\nA,Ansongo,GC,4\n");
	cr_assert_eq(t.len, 1);
	cr_assert_str_eq(region_name(&t.rows[0]), "Gao");
}

Test(load, ml09_is_bamako_in_an_old_sheet)
{
	const struct source *s = load("Org,Pcode région,Type,Total\nA,ML09,GC,1\nA,ML07,GC,1\n");
	cr_assert_eq(t.len, 2);
	cr_assert_str_eq(region_name(row_at_line(2)), "Bamako");
	cr_assert_eq(s->system, SYS_OLD);
}

Test(load, ml09_is_taoudenit_in_a_new_sheet_even_before_the_hint)
{
	const struct source *s = load("Org,Pcode région,Type,Total\nA,ML09,GC,1\nA,ML11,GC,2\n");
	cr_assert_eq(s->system, SYS_NEW);
	cr_assert_eq(s->accepted, 2);
	cr_assert_str_eq(region_name(row_at_line(2)), "Taoudénit");
	assert_invariant(s);
}

Test(load, ml09_with_a_name_needs_no_system)
{
	load("Org,Pcode région,Région,Type,Total\nA,ML09,Bamako,GC,1\nA,ML09,Taoudenit,GC,1\n");
	cr_assert_str_eq(region_name(&t.rows[0]), "Bamako");
	cr_assert_str_eq(region_name(&t.rows[1]), "Taoudénit");
}

Test(load, code_and_name_that_disagree_are_rejected)
{
	const struct source *s = load("Org,Pcode région,Région,Type,Total\nA,ML04,Mopti,GC,1\n");
	cr_assert_eq(s->rejected, 1);
	cr_assert(strstr(nth(DIAG_REJECT, 0)->msg, "Ségou"), "%s", nth(DIAG_REJECT, 0)->msg);
	cr_assert_eq(nth(DIAG_REJECT, 0)->code, DC_REGION_CONFLICT);
}

Test(load, a_sheet_without_a_type_column_rejects_every_row)
{
	const struct source *s = load("Organisation,Région,Total\nA,Gao,1\nB,Gao,2\n");
	cr_assert_eq(s->rows_read, 2);
	cr_assert_eq(s->rejected, 2);
	cr_assert_eq(t.len, 0);
	cr_assert_not_null(nth(DIAG_NOTE, 0));
	cr_assert_eq(nth(DIAG_NOTE, 0)->code, DC_COLUMN_NOT_RECOGNISED);
	cr_assert_eq(nth(DIAG_REJECT, 0)->code, DC_NO_REQUIRED_COLUMN);
	cr_assert_eq(nth(DIAG_REJECT, 1)->code, DC_NO_REQUIRED_COLUMN);
}

/* Issue 15: a rejected row names every problem it has, in one message (so
 * the rejected rows are still one message each), the first one's code and
 * column leading. */
Test(load, a_rejected_row_names_every_problem)
{
	const struct source *s = load("Organisation,Région,Type,Mois,Filles,Garçons\n"
	                              "A,Nowhere,PSS,2024-13,abc,-3\n"
	                              "B,Gao,,2024-03,,\n"
	                              "C,Gao,PSS,2024-03,1,2\n");
	cr_assert_eq(s->rows_read, 3);
	cr_assert_eq(s->rejected, 2);
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(t.diags.rejects, 2, "one message per rejected row");
	const struct seen *d = nth(DIAG_REJECT, 0);
	cr_assert_eq(d->code, DC_UNKNOWN_REGION);
	cr_assert_eq(d->line, 2);
	cr_assert_eq(d->col, 2);
	const char *want[] = { "Nowhere", "; also Mois: '2024-13' is not a real date",
	                       "; also Filles: 'abc'", "; also Garçons: '-3'" };
	const char *at = d->msg;
	for (size_t i = 0; i < 4; i++) {
		const char *p = strstr(at, want[i]);
		cr_assert_not_null(p, "'%s' in order in: %s", want[i], d->msg);
		at = p;
	}
	d = nth(DIAG_REJECT, 1);
	cr_assert_eq(d->code, DC_NO_TYPE);
	cr_assert(strstr(d->msg, "no intervention type") &&
	          strstr(d->msg, "; also no people count"), "%s", d->msg);
}

/* Issue 15: a sheet missing two required columns names both at once, with
 * the headers it has and those config.ini [columns] would recognise. */
Test(load, every_missing_required_column_is_named_at_once)
{
	const struct source *s = load("Organization,Place,Kind,Girls,Boys\nA,Gao,PSS,1,2\n"
	                              "B,Gao,GC,3,4\n");
	cr_assert_eq(s->rejected, 2);
	cr_assert_null(nth(DIAG_NOTE, 1), "one note for the sheet: %s", nth(DIAG_NOTE, 1)->msg);
	const char *note = nth(DIAG_NOTE, 0)->msg;
	cr_assert_eq(nth(DIAG_NOTE, 0)->code, DC_COLUMN_NOT_RECOGNISED);
	cr_assert(strstr(note, "no place (Region or Cercle) column and no intervention type "
	                       "column were recognised"), "%s", note);
	cr_assert(strstr(note, "The header has 'Organization', 'Place', 'Kind', 'Girls', 'Boys'."),
	          "%s", note);
	/* the aliases of the missing fields (tests/fixtures/plan/plan.ini [columns]) */
	cr_assert(strstr(note, "region = region, admin1, adm1,"), "%s", note);
	cr_assert(strstr(note, "cercle_code = pcode cercle,"), "%s", note);
	cr_assert(strstr(note, "itype = type d intervention,"), "%s", note);
	cr_assert(strstr(note, "activity = activite,"), "%s", note);
	cr_assert_null(strstr(note, "girls ="), "the people columns were found: %s", note);
	for (size_t i = 0; i < 2; i++) {
		cr_assert_eq(nth(DIAG_REJECT, i)->code, DC_NO_REQUIRED_COLUMN);
		cr_assert_str_eq(nth(DIAG_REJECT, i)->msg, "not read: the sheet has no place (Region "
		                 "or Cercle) column and no intervention type column");
	}
}

Test(load, three_missing_required_columns_read_as_a_list)
{
	load("Organization,Partner,Place,Kind,Girlz\nA,B,Gao,PSS,1\n");
	cr_assert_str_eq(nth(DIAG_REJECT, 0)->msg, "not read: the sheet has no place (Region or "
	                 "Cercle) column, no intervention type column and no people count (Girls, "
	                 "Boys, Women, Men or Total) column");
	cr_assert(strstr(nth(DIAG_NOTE, 0)->msg, "; girls = filles, girls,"), "%s",
	          nth(DIAG_NOTE, 0)->msg);
}

/* A wide header is cut after about a line, saying how many cells are left. */
Test(load, a_wide_header_is_listed_in_part)
{
	char text[4096] = "Organization,Partner";
	for (int i = 0; i < 98; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text), ",Column number %02d", i);
	strcat(text, "\nA,B\n");
	load(text);
	const char *note = nth(DIAG_NOTE, 0)->msg;
	cr_assert(strstr(note, "The header has 'Organization', 'Partner', 'Column number 00', "),
	          "%s", note);
	const char *more = strstr(note, " more. ");
	cr_assert_not_null(more, "%s", note);
	/* the cells before " … and N more" plus N are the header's 100 */
	const char *cut = strstr(note, " … and ");
	cr_assert_not_null(cut);
	int shown = 2, left = atoi(cut + strlen(" … and "));
	for (const char *p = strstr(note, "'Column number"); p && p < cut; p = strstr(p + 1, "'Column number"))
		shown++;
	cr_assert_eq(shown + left, 100, "%d shown + %d more", shown, left);
	cr_assert_lt(strlen(note), 2000);
}

Test(load, no_header_at_all_is_read_as_rejected_rows)
{
	const struct source *s = load("1,2,3\n4,5,6\n");
	cr_assert_eq(s->header_line, 0);
	cr_assert_eq(s->rows_read, 2);
	cr_assert_eq(s->rejected, 2);
	cr_assert_eq(nth(DIAG_NOTE, 0)->code, DC_HEADER_NOT_FOUND);
}

Test(load, a_quote_never_closed_is_reported)
{
	const struct source *s = load("Organisation,Région,Type,Total\nA,Gao,GC,1\n"
	                              "B,\"Gao,GC,2\nC,Gao,GC,3\n");
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(s->rejected, 1);
	cr_assert_eq(nth(DIAG_REJECT, 0)->line, 3);
	cr_assert_eq(nth(DIAG_REJECT, 0)->code, DC_QUOTE_NEVER_CLOSED);
	assert_invariant(s);
}

Test(load, blank_lines_are_not_rows)
{
	const struct source *s = load("Organisation,Région,Type,Total\n\nA,Gao,GC,1\n,,,\n\n");
	cr_assert_eq(s->rows_read, 1);
	cr_assert_eq(t.rows[0].line, 3);
}

Test(load, same_organisation_spelled_two_ways_is_noted)
{
	load("Organisation,Région,Type,Total\nSave the Children,Gao,GC,1\n");
	load("Organisation,Région,Type,Total\nSAVE THE CHILDREN,Gao,GC,1\n");
	struct error e;
	cr_assert(load_paths(&t, &cfg, (const char *const[]){ "tests/fixtures/sheets/empty.csv" },
	                     1, &e), "%s", e.msg);
	const struct seen *d = find_diag("SAVE THE CHILDREN");
	cr_assert_not_null(d);
	cr_assert_eq(d->level, DIAG_NOTE);
	cr_assert_eq(d->code, DC_ORG_SPELLED_TWO_WAYS);
	cr_assert(strstr(d->msg, "Save the Children"), "%s", d->msg);
}

Test(load, unreadable_path_is_an_error)
{
	struct error e;
	cr_assert_not(load_paths(&t, &cfg, (const char *const[]){ "/nonexistent/x.csv" }, 1, &e));
	cr_assert(strstr(e.msg, "/nonexistent/x.csv"), "%s", e.msg);
}

/* The sheet's SHA-256 (printed by the minutes) only when asked for: it
 * costs a read of the whole file.  Expected: FIPS 180-2's "abc" vector. */
Test(load, sheet_hash_only_when_asked)
{
	struct error e;
	cr_assert(load_buffer(&t, &cfg, "a.csv", "abc", 3, &e), "%s", e.msg);
	cr_assert_str_eq(t.sources[0].sha256, "");
	t.hash_sources = true;
	cr_assert(load_buffer(&t, &cfg, "b.csv", "abc", 3, &e), "%s", e.msg);
	cr_assert_str_eq(t.sources[1].sha256,
	                 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* Rows that waited for the sheet's p-code system (ML09 with no name, line
 * 2) are read last but put back in file order, with their messages. */
Test(load, rows_awaiting_the_system_keep_file_order)
{
	load("Organisation,Région,Pcode région,Type d'intervention,Mois de rapportage,Filles,Total\n"
	     "SC,,ML09,PSS,mars 2024,5,9\n"
	     "SC,Mopti,ML05,PSS,mars 2024,1,7\n"
	     "SC,,ML09,PSS,mars 2024,x,1\n"
	     "SC,Nioro,ML11,PSS,mars 2024,2,2\n");
	cr_assert_eq(t.len, 3);
	cr_assert_eq(t.rows[0].line, 2);
	cr_assert_str_eq(region_name(&t.rows[0]), "Taoudénit", "ML09 in the 2023 system");
	cr_assert_eq(t.rows[1].line, 3);
	cr_assert_eq(t.rows[2].line, 5);
	/* the messages of lines 2 (total differs), 3 (total differs) and 4
	 * (rejected) in that order */
	uint32_t lines[3];
	size_t k = 0;
	for (size_t i = 0; i < t.diags.len && k < 3; i++)
		if (t.diags.items[i].line >= 2)
			lines[k++] = t.diags.items[i].line;
	cr_assert_eq(k, 3);
	cr_assert(lines[0] == 2 && lines[1] == 3 && lines[2] == 4, "%u %u %u", lines[0], lines[1],
	          lines[2]);
}

/* ---- repeated rows (DESIGN.md rule 10) ------------------------------------- */

/* Line 4 repeats line 2 in every cell; line 3 differs in Boys only. */
#define REPEATED_SHEET EN_HEADER \
	"A,,Gao,Ansongo,GC,x,Ongoing,2024-03,10,5,0,0,\n" \
	"A,,Gao,Ansongo,GC,x,Ongoing,2024-03,10,6,0,0,\n" \
	"A,,Gao,Ansongo,GC,x,Ongoing,2024-03,10,5,0,0,\n"

/* People reached in Gao under cfg's repeated_rows, from the index. */
static int64_t gao_reached(uint32_t *left_out)
{
	struct cube_index ix;
	struct cube q;
	struct filter f;
	cube_index_build(&ix, &cfg, &t);
	cube_init(&q);
	filter_init(&f);
	cube_compute(&q, &ix, &f);
	int gao = -1;
	for (size_t r = 0; r < cfg.nregions; r++)
		if (!strcmp(cfg.regions[r].name, "Gao"))
			gao = (int)r;
	cr_assert_geq(gao, 0);
	int64_t n = q.region[gao].reached;
	*left_out = q.repeats_left_out;
	cr_expect_eq(q.nselected, 3, "every row is selected, counted or not");
	cube_free(&q);
	cube_index_free(&ix);
	return n;
}

Test(load, a_repeated_row_is_a_warning_naming_both_lines_and_counts_by_default)
{
	const struct source *s = load(REPEATED_SHEET);
	cr_assert_eq(s->accepted, 3);
	cr_expect_eq(s->repeated, 1);
	cr_expect_not(row_at_line(2)->repeated);
	cr_expect_not(row_at_line(3)->repeated);
	cr_expect(row_at_line(4)->repeated);
	cr_assert_eq(t.diags.warnings, 1);
	const struct seen *d = nth(DIAG_WARNING, 0);
	cr_expect_eq(d->code, DC_REPEATED_ROW);
	cr_expect_eq(d->line, 4);
	cr_expect_eq(d->col, 0);
	cr_expect_str_eq(d->msg, "the same as line 2 in every field: counted again "
	                 "([plan] repeated_rows = count)");
	/* count: 15 + 16 + 15 = 46 */
	uint32_t left_out;
	cr_expect_eq(gao_reached(&left_out), 46);
	cr_expect_eq(left_out, 0);
}

Test(load, with_repeated_rows_once_a_repeat_is_listed_not_counted)
{
	cfg.repeated_rows = REPEATED_ONCE;
	const struct source *s = load(REPEATED_SHEET);
	cr_assert_eq(s->rows_read, 3);
	cr_expect_eq(s->accepted, 3, "a repeat is accepted, so read = accepted + rejected");
	cr_expect_eq(s->repeated, 1);
	cr_expect_str_eq(nth(DIAG_WARNING, 0)->msg, "the same as line 2 in every field: not "
	                 "counted again ([plan] repeated_rows = once)");
	/* once: 15 + 16 = 31; line 4 selected but left out */
	uint32_t left_out;
	cr_expect_eq(gao_reached(&left_out), 31);
	cr_expect_eq(left_out, 1);
}

Test(load, a_row_repeated_twice_names_the_first_line_each_time)
{
	load(EN_HEADER "A,,Gao,,GC,x,Ongoing,2024-03,1,1,0,0,\n"
	               "A,,Gao,,GC,x,Ongoing,2024-03,1,1,0,0,\n"
	               "A,,Gao,,GC,x,Ongoing,2024-03,1,1,0,0,\n");
	cr_assert_eq(t.diags.warnings, 2);
	cr_expect_eq(nth(DIAG_WARNING, 0)->line, 3);
	cr_expect_eq(nth(DIAG_WARNING, 1)->line, 4);
	cr_expect(strstr(nth(DIAG_WARNING, 1)->msg, "the same as line 2 in every field"));
	cr_expect_eq(t.sources[0].repeated, 2);
}

Test(load, rows_that_read_the_same_but_were_written_differently_are_not_repeated)
{
	/* the same fields once read (planned: no people), but the sheet wrote
	 * them differently: "Planned" with counts, "Planifié" without; and two
	 * rows that differ only in a column no field takes */
	const struct source *s = load(
		"Organization,Region,Intervention type,Status,Reporting month,Girls,Comment\n"
		"A,Gao,GC,Planned,2024-03,10,\n"
		"A,Gao,GC,Planifié,2024-03,,\n"
		"B,Gao,GC,Ongoing,2024-03,4,first visit\n"
		"B,Gao,GC,Ongoing,2024-03,4,second visit\n");
	cr_assert_eq(s->accepted, 4);
	cr_expect_eq(s->repeated, 0);
	for (size_t i = 0; i < t.diags.len; i++)
		cr_expect_neq(diag_words_at(&t.diags, i)->code, DC_REPEATED_ROW, "%s", diag_words_at(&t.diags, i)->msg);
}

Test(load, a_repeat_is_found_within_its_sheet_only)
{
	load(EN_HEADER "A,,Gao,,GC,x,Ongoing,2024-03,1,1,0,0,\n");
	load(EN_HEADER "A,,Gao,,GC,x,Ongoing,2024-03,1,1,0,0,\n");
	cr_expect_eq(t.len, 2);
	cr_expect_eq(t.sources[0].repeated + t.sources[1].repeated, 0);
	cr_expect_eq(t.diags.warnings, 0);
}

/* Loads buf (and frees it) as a sheet read in four parts, as a large one
 * is, and checks it was. */
static void load_in_four_parts(char *buf, size_t len)
{
	split_set_min_bytes(1024);
	split_set_parts(4);
	struct split_counts before = split_counts_so_far();
	struct error e;
	cr_assert(load_buffer(&t, &cfg, "big.csv", buf, len, &e), "%s", e.msg);
	free(buf);
	cr_assert_gt(split_counts_so_far().taken, before.taken, "the sheet was read in parts");
}

/* A large sheet is read in parts on the cores: a repeat whose first row
 * is in the first part and whose copy is in the last is found as in a
 * single pass, and so is one whose copy waited for the p-code system. */
Test(load, a_repeat_across_the_parts_of_a_sheet_is_found)
{
	const size_t rows = 2000;
	const char *first = "A,,Gao,,GC,repeat me,Ongoing,2024-03,1,1,0,0,\n";
	size_t cap = strlen(EN_HEADER) + (rows + 2) * 80, len = 0;
	char *buf = malloc(cap);
	cr_assert_not_null(buf);
	len += (size_t)snprintf(buf + len, cap - len, "%s%s", EN_HEADER, first);
	for (size_t i = 0; i < rows; i++)
		len += (size_t)snprintf(buf + len, cap - len,
		                        "A,,Gao,,GC,activity %zu,Ongoing,2024-03,1,1,0,0,\n", i);
	len += (size_t)snprintf(buf + len, cap - len, "%s", first);
	load_in_four_parts(buf, len);
	cr_assert_eq(t.sources[0].accepted, rows + 2);
	cr_expect_eq(t.sources[0].repeated, 1);
	cr_assert_eq(t.diags.warnings, 1);
	cr_expect_eq(nth(DIAG_WARNING, 0)->line, rows + 3);
	cr_expect(strstr(nth(DIAG_WARNING, 0)->msg, "the same as line 2 in every field"));
}

/* Rows that waited for the sheet's p-code system (ML09 with no name) are
 * read last: their repeats are found in file order all the same. */
Test(load, repeats_among_rows_awaiting_the_system_name_their_lines)
{
	load("Organisation,Région,Pcode région,Type d'intervention,Mois de rapportage,Filles\n"
	     "SC,,ML09,PSS,mars 2024,5\n"          /* line 2: waits */
	     "SC,Mopti,ML05,PSS,mars 2024,1\n"     /* line 3 */
	     "SC,Mopti,ML05,PSS,mars 2024,1\n"     /* line 4: line 3 again */
	     "SC,,ML09,PSS,mars 2024,5\n"          /* line 5: waits, line 2 again */
	     "SC,Nioro,ML11,PSS,mars 2024,2\n");   /* line 6: the 2023 system */
	cr_assert_eq(t.len, 5);
	cr_assert_eq(t.sources[0].repeated, 2);
	cr_assert_eq(t.diags.warnings, 2);
	cr_expect_eq(nth(DIAG_WARNING, 0)->line, 4);
	cr_expect(strstr(nth(DIAG_WARNING, 0)->msg, "the same as line 3 in every field"));
	cr_expect_eq(nth(DIAG_WARNING, 1)->line, 5);
	cr_expect(strstr(nth(DIAG_WARNING, 1)->msg, "the same as line 2 in every field"));
	cr_expect(row_at_line(5)->repeated);
	cr_expect_not(row_at_line(2)->repeated);
}

/* ---- places as the COD-AB tables and other numberings write them ---------- */

#define COD_HEADER "Organisation,Admin1_Nam,Pcode_Ad_1,Admin2_Nam,Pcode_Ad_2,Admin3_Nam," \
                   "Pcode_Ad_3,Type,Total\n"

/* domain.md §4.5: the 2020 table's column names keep their p-codes */
Test(load, cod_ab_columns_are_mapped)
{
	const struct source *s = load(COD_HEADER "A,Kayes,ML01,Kayes,ML0103,Diamou,ML010303,GC,4\n");
	cr_assert_eq(s->map.col[F_REGION], 1);
	cr_assert_eq(s->map.col[F_REGION_CODE], 2);
	cr_assert_eq(s->map.col[F_CERCLE], 3);
	cr_assert_eq(s->map.col[F_CERCLE_CODE], 4);
	cr_assert_eq(s->map.col[F_COMMUNE], 5);
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(t.diags.len, 0);
	cr_assert_eq(t.rows[0].cercle, cercle_at("ML0103"));
}

/* Every row beside the misspelling warns: a remembered answer must not
 * hide the second one. */
Test(load, a_near_miss_region_name_beside_its_code_is_taken_with_a_warning)
{
	const struct source *s = load(COD_HEADER "A,Koulikouro,ML02,Kati,ML0204,,,GC,4\n"
	                                         "A,Koulikouro,ML02,Nara,ML0207,,,GC,5\n");
	cr_assert_eq(s->accepted, 2);
	cr_assert_eq(s->rejected, 0);
	cr_assert_str_eq(region_name(row_at_line(2)), "Koulikoro");
	cr_assert_eq(row_at_line(3)->cercle, cercle_at("ML0207"));
	cr_assert_eq(t.diags.warnings, 2);
	for (size_t i = 0; i < 2; i++) {
		cr_assert_eq(nth(DIAG_WARNING, i)->code, DC_REGION_NAME_NEAR);
		cr_assert_eq(nth(DIAG_WARNING, i)->col, 2);
		cr_assert(strstr(nth(DIAG_WARNING, i)->msg, "'Koulikouro' taken for Koulikoro"));
	}
}

Test(load, a_near_miss_cercle_name_beside_its_code_is_taken_with_a_warning)
{
	load(COD_HEADER "A,Kayes,ML01,Bafoulabee,ML0101,,,GC,4\n");
	cr_assert_eq(t.rows[0].cercle, cercle_at("ML0101"));
	cr_assert_eq(nth(DIAG_WARNING, 0)->code, DC_CERCLE_NAME_NEAR);
	cr_assert_eq(nth(DIAG_WARNING, 0)->col, 4);
}

/* domain.md §4.2: the 2020 table numbers Andéramboukane ML1001, the 2015
 * OCHA set Kayes ML0101; the name decides, the warning names the code. */
Test(load, a_known_cercle_name_decides_against_another_numbering)
{
	const struct source *s = load(COD_HEADER
	                              "A,Menaka,ML10,Anderamboukane,ML1001,,,GC,4\n"
	                              "A,Kayes,ML01,Kayes,ML0101,,,GC,5\n"
	                              "A,Mopti,ML05,Kayes,ML0101,,,GC,6\n");
	cr_assert_eq(s->accepted, 3);
	cr_assert_eq(row_at_line(2)->cercle, cercle_at("ML1003"));
	cr_assert_eq(row_at_line(3)->cercle, cercle_at("ML0103"));
	cr_assert_eq(nth(DIAG_WARNING, 0)->code, DC_CERCLE_CODE_CONFLICT);
	cr_assert_eq(nth(DIAG_WARNING, 0)->col, 5);
	cr_assert(strstr(nth(DIAG_WARNING, 0)->msg, "ML1001 is Ménaka"), "%s",
	          nth(DIAG_WARNING, 0)->msg);
	cr_assert(strstr(nth(DIAG_WARNING, 1)->msg, "ML0101 is Bafoulabé"));
	/* Kayes is not in Mopti: no cercle decides, the row counts at region level */
	cr_assert_eq(row_at_line(4)->cercle, -1);
	cr_assert_str_eq(region_name(row_at_line(4)), "Mopti");
	cr_assert_eq(nth(DIAG_WARNING, 2)->code, DC_UNKNOWN_CERCLE);
}

/* Issue 14 point 5: a sheet whose cercle codes mostly follow another
 * numbering (the 2015 OCHA set: ML0101 Kayes, ML0102 Bafoulabé, ML0201
 * Koulikoro) is said so once, beside the warning each row still gets. */
Test(load, a_sheet_numbered_another_way_is_said_once)
{
	const struct source *s = load(COD_HEADER
	                              "A,Kayes,ML01,Kayes,ML0101,,,GC,1\n"
	                              "A,Kayes,ML01,Bafoulabé,ML0102,,,GC,1\n"
	                              "A,Koulikoro,ML02,Koulikoro,ML0201,,,GC,1\n"
	                              "A,Kayes,ML01,Kayes,ML0101,,,GC,2\n"
	                              "A,Koulikoro,ML02,Kati,ML0204,,,GC,1\n"
	                              "A,Koulikoro,ML02,,ML0204,,,GC,1\n"
	                              "A,Koulikoro,ML02,Kati,,,,GC,1\n");
	cr_assert_eq(s->accepted, 7);
	/* rows 2-6 write code and name (4 of them disagree); 7 and 8 only one */
	cr_assert_eq(t.diags.warnings, 4);
	cr_assert_eq(t.diags.notes, 1);
	const struct seen *d = nth(DIAG_NOTE, 0);
	cr_assert_eq(d->code, DC_CERCLE_NUMBERING);
	cr_assert_eq(d->line, 0);
	cr_assert_str_eq(d->msg, "its cercle p-codes follow another numbering (4 of the 5 rows "
	                 "writing a known cercle with a p-code: ML0101 written for Kayes, ML0102 "
	                 "for Bafoulabé, ML0201 for Koulikoro); the names decide where the cercle "
	                 "named lies in the row's region, as each line says");
}

/* One row of another numbering among rows of the gazetteer's is a slip of
 * that row, and two rows are too few to call a numbering: no note. */
Test(load, a_few_disagreeing_rows_make_no_numbering_note)
{
	load(COD_HEADER "A,Kayes,ML01,Kayes,ML0101,,,GC,1\n"
	                "A,Koulikoro,ML02,Kati,ML0204,,,GC,1\n"
	                "A,Kayes,ML01,Kayes,ML0103,,,GC,1\n");
	cr_assert_eq(t.diags.warnings, 1);
	cr_assert_eq(t.diags.notes, 0);
	load(COD_HEADER "A,Kayes,ML01,Kayes,ML0101,,,GC,1\n"
	                "A,Kayes,ML01,Bafoulabé,ML0102,,,GC,1\n");
	cr_assert_eq(t.diags.warnings, 3);
	cr_assert_eq(t.diags.notes, 0);
}

/* A large sheet read in parts gets one note counting every part, its
 * examples in line order across the parts. */
Test(load, a_sheet_read_in_parts_gets_one_numbering_note)
{
	const size_t rows = 3000;
	size_t cap = strlen(COD_HEADER) + rows * 64, len = 0;
	char *buf = malloc(cap);
	cr_assert_not_null(buf);
	len += (size_t)snprintf(buf + len, cap - len, "%s", COD_HEADER);
	for (size_t i = 0; i < rows; i++)   /* a tenth agree; Kayes early, Bafoulabé late */
		len += (size_t)snprintf(buf + len, cap - len, "A,%s,c%zu,,GC,1\n",
		                        i % 10 == 0 ? "Koulikoro,ML02,Kati,ML0204"
		                        : i < 1500 ? "Kayes,ML01,Kayes,ML0101"
		                                   : "Kayes,ML01,Bafoulabé,ML0102", i);
	load_in_four_parts(buf, len);
	cr_assert_eq(t.sources[0].accepted, rows);
	cr_assert_eq(t.diags.warnings, 2700);
	cr_assert_eq(t.diags.notes, 1);
	cr_assert(strstr(nth(DIAG_NOTE, 0)->msg, "(2,700 of the 3,000 rows writing a known cercle "
	                 "with a p-code: ML0101 written for Kayes, ML0102 for Bafoulabé);"),
	          "%s", nth(DIAG_NOTE, 0)->msg);
}

/* "Commune IV" in the cercle column or, with no cercle, in the commune
 * column, is the cercle of Bamako. */
Test(load, bamako_communes_as_cercle_or_commune)
{
	const struct source *s = load("Organisation,Région,Cercle,Commune,Type,Total\n"
	                              "A,Bamako,Commune IV,,GC,1\n"
	                              "A,Bamako,,Commune 2,GC,2\n"
	                              "A,,,Commune VI,GC,3\n"
	                              "A,Gao,,Commune IV,GC,4\n"
	                              "A,Ménaka,,Inékar,GC,5\n"
	                              "A,Bamako,,Commune IV,GC,6\n");
	cr_assert_eq(s->accepted, 6);
	cr_assert_eq(t.diags.len, 0);
	for (uint32_t line = 2; line <= 4; line++) {
		cr_assert_eq(row_at_line(line)->cercle, cercle_at("ML0901"), "line %u", line);
		cr_assert_str_eq(region_name(row_at_line(line)), "Bamako");
	}
	/* a Bamako commune under Gao says nothing of Gao's cercles */
	cr_assert_eq(row_at_line(5)->cercle, -1);
	/* only the communes config.ini lists are known: Inékar is a cercle's name */
	cr_assert_eq(row_at_line(6)->cercle, -1);
	/* the commune asked again (its answer remembered), now in its region */
	cr_assert_eq(row_at_line(7)->cercle, cercle_at("ML0901"));
}

/* A 2023-system sheet writing the new region Nara and its cercle. */
Test(load, nara_in_either_system)
{
	load("Org,Pcode région,Région,Cercle,Type,Total\n"
	     "A,ML14,Nara,Nara,GC,1\nA,ML02,Koulikoro,Nara,GC,2\n");
	cr_assert_eq(t.diags.len, 0);
	cr_assert_str_eq(region_name(row_at_line(2)), "Nara");
	cr_assert_eq(row_at_line(2)->cercle, cercle_at("ML0207"));
	cr_assert_str_eq(region_name(row_at_line(3)), "Koulikoro");
	cr_assert_eq(row_at_line(3)->cercle, cercle_at("ML0207"));
	/* rule 12: both count under Koulikoro, the plan's region holding Nara */
	cr_assert_str_eq(plan_region_name(row_at_line(2)), "Koulikoro");
	cr_assert_str_eq(plan_region_name(row_at_line(3)), "Koulikoro");
}

/* ---- the plan period (rule 11; the fixture plan's year is 2024) ----------- */

/* Rows outside 2024 are marked and named in one note for the sheet, with
 * no warning per row; the latest month is the plan year's. */
Test(load, rows_outside_the_plan_year_are_marked_and_named_once_per_sheet)
{
	const struct source *s = load(EN_HEADER
		"A,,Gao,,GC,x,Ongoing,2023-01,1,0,0,0,\n"      /* line 2: outside */
		"A,,Gao,,GC,x,Ongoing,décembre 2023,2,0,0,0,\n" /* line 3: outside */
		"A,,Gao,,GC,x,Ongoing,2024-03,4,0,0,0,\n"      /* line 4 */
		"A,,Gao,,GC,x,Ongoing,2025-01,8,0,0,0,\n"      /* line 5: outside */
		"A,,Gao,,GC,x,Ongoing,,16,0,0,0,\n");          /* line 6: no date, inside */
	assert_invariant(s);
	cr_assert_eq(s->accepted, 5);
	cr_expect(row_at_line(2)->outside_plan);
	cr_expect(row_at_line(3)->outside_plan);
	cr_expect_not(row_at_line(4)->outside_plan);
	cr_expect(row_at_line(5)->outside_plan);
	cr_expect_not(row_at_line(6)->outside_plan);
	cr_expect_eq(s->outside_plan, 3);
	cr_expect_eq(s->outside_first, month_index(2023, 1));
	cr_expect_eq(s->outside_last, month_index(2025, 1));
	cr_expect_eq(s->latest_month, month_index(2024, 3));
	cr_expect_eq(t.diags.warnings, 0);
	cr_assert_eq(t.diags.notes, 1);
	const struct seen *d = nth(DIAG_NOTE, 0);
	cr_expect_eq(d->code, DC_OUTSIDE_PLAN_YEAR);
	cr_expect_eq(d->line, 0);
	cr_expect_str_eq(d->msg, "3 rows report months outside 2024 (2023-01 … 2025-01), "
	                         "not counted (--from/--to still select them)");
}

/* Rule 8's period: with no reporting month, a row is outside only when its
 * start–end span misses 2024 altogether. */
Test(load, a_span_is_outside_the_plan_year_only_when_it_misses_it)
{
	const struct source *s = load(
		"Organisation,Region,Type,Start date,End date,Girls\n"
		"A,Gao,GC,01/06/2023,30/09/2023,1\n"     /* line 2: all 2023 */
		"A,Gao,GC,01/10/2023,28/02/2024,1\n"     /* line 3: overlaps 2024 */
		"A,Gao,GC,01/12/2024,31/01/2025,1\n"     /* line 4: overlaps 2024 */
		"A,Gao,GC,,15/01/2025,1\n"               /* line 5: end alone, 2025 */
		"A,Gao,GC,01/02/2023,,1\n");             /* line 6: start alone, 2023 */
	cr_assert_eq(s->accepted, 5);
	cr_expect(row_at_line(2)->outside_plan);
	cr_expect_not(row_at_line(3)->outside_plan);
	cr_expect_not(row_at_line(4)->outside_plan);
	cr_expect(row_at_line(5)->outside_plan);
	cr_expect(row_at_line(6)->outside_plan);
	cr_expect_eq(s->outside_plan, 3);
	cr_expect_eq(s->outside_first, month_index(2023, 2));   /* line 6 */
	cr_expect_eq(s->outside_last, month_index(2025, 1));    /* line 5 */
}

Test(load, no_plan_year_no_row_is_outside)
{
	cfg.plan_year = 0;
	const struct source *s = load(EN_HEADER "A,,Gao,,GC,x,Ongoing,2019-01,1,0,0,0,\n");
	cr_expect_not(t.rows[0].outside_plan);
	cr_expect_eq(s->outside_plan, 0);
	cr_expect_eq(t.diags.notes, 0);
}

/* A sheet read in parts on the cores still gets one note, with every
 * part's rows counted. */
Test(load, a_sheet_read_in_parts_gets_one_plan_year_note)
{
	const size_t rows = 3000;
	size_t cap = strlen(EN_HEADER) + (rows + 1) * 64, len = 0;
	char *buf = malloc(cap);
	cr_assert_not_null(buf);
	len += (size_t)snprintf(buf + len, cap - len, "%s", EN_HEADER);
	for (size_t i = 0; i < rows; i++)   /* every third row in 2024, the others in 2023 */
		len += (size_t)snprintf(buf + len, cap - len, "A,,Gao,,GC,a%zu,Ongoing,%s,1,0,0,0,\n",
		                        i, i % 3 == 0 ? "2024-05" : i % 3 == 1 ? "2023-02" : "2023-11");
	load_in_four_parts(buf, len);
	cr_assert_eq(t.sources[0].accepted, rows);
	cr_expect_eq(t.sources[0].outside_plan, 2000);
	cr_expect_eq(t.diags.warnings, 0);
	cr_assert_eq(t.diags.notes, 1);
	cr_expect_str_eq(nth(DIAG_NOTE, 0)->msg, "2,000 rows report months outside 2024 "
	                 "(2023-02 … 2023-11), not counted (--from/--to still select them)");
}

/* A month name alone takes the plan's year, said once for the sheet. */
Test(load, a_month_name_without_a_year_takes_the_plan_year)
{
	const struct source *s = load(EN_HEADER
		"A,,Gao,,GC,x,Ongoing,2024-01,1,0,0,0,\n"   /* line 2 */
		"A,,Gao,,GC,x,Ongoing,juin,2,0,0,0,\n"      /* line 3 */
		"A,,Gao,,GC,x,Ongoing,June,4,0,0,0,\n"      /* line 4 */
		"A,,Gao,,GC,x,Ongoing,Juin,8,0,0,0,\n");    /* line 5 */
	assert_invariant(s);
	cr_assert_eq(s->accepted, 4);
	cr_expect_eq(row_at_line(3)->month, month_index(2024, 6));
	cr_expect_eq(row_at_line(4)->month, month_index(2024, 6));
	cr_expect_eq(row_at_line(5)->month, month_index(2024, 6));
	cr_expect_not(row_at_line(5)->outside_plan);
	cr_expect_eq(t.diags.warnings, 0);
	cr_assert_eq(t.diags.notes, 1);
	const struct seen *d = nth(DIAG_NOTE, 0);
	cr_expect_eq(d->code, DC_MONTH_WITHOUT_YEAR);
	cr_expect_str_eq(d->msg, "3 rows give a month name without a year (the first on "
	                         "line 3): read as months of 2024, the plan year");
}

Test(load, a_month_name_without_a_year_and_no_plan_year_is_rejected)
{
	cfg.plan_year = 0;
	const struct source *s = load(EN_HEADER "A,,Gao,,GC,x,Ongoing,juin,2,0,0,0,\n");
	assert_invariant(s);
	cr_expect_eq(s->rejected, 1);
	const struct seen *d = nth(DIAG_REJECT, 0);
	cr_assert_not_null(d);
	cr_expect_eq(d->code, DC_NOT_A_DATE);
	cr_expect(strstr(d->msg, "'juin' has no year"), "%s", d->msg);
}

Test(load, one_row_outside_the_plan_year_is_said_in_the_singular)
{
	load(EN_HEADER "A,,Gao,,GC,x,Ongoing,mai 2023,1,0,0,0,\n");
	cr_assert_eq(t.diags.notes, 1);
	cr_expect_str_eq(nth(DIAG_NOTE, 0)->msg, "1 row reports a month outside 2024 (2023-05), "
	                 "not counted (--from/--to still select them)");
}

/* A row that waited for the sheet's p-code system is read last; the note
 * still names the first line with a month name alone. */
Test(load, the_month_name_note_names_the_first_line_even_if_it_waited)
{
	load("Organisation,Région,Pcode région,Type d'intervention,Mois de rapportage,Filles\n"
	     "SC,,ML09,PSS,juin,5\n"                /* line 2: waits for the system */
	     "SC,Mopti,ML05,PSS,juillet,1\n");      /* line 3 */
	cr_assert_eq(t.len, 2);
	cr_expect_eq(row_at_line(2)->month, month_index(2024, 6));
	cr_expect_eq(row_at_line(3)->month, month_index(2024, 7));
	const struct seen *d = NULL;
	for (size_t i = 0; i < t.diags.len; i++)   /* the sheet also gets a system note */
		if (diag_words_at(&t.diags, i)->code == DC_MONTH_WITHOUT_YEAR) {
			cr_assert_null(d, "one note only");
			d = seen_at(i);
		}
	cr_assert_not_null(d);
	cr_expect_str_eq(d->msg, "2 rows give a month name without a year (the "
	                 "first on line 2): read as months of 2024, the plan year");
}
