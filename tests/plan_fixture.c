#include "plan_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "parse.h"
#include "text.h"

static const char *fold(struct arena *a, const char *s)
{
	char buf[256];
	size_t n = text_fold(s, strlen(s), buf, sizeof buf);
	return arena_strndup(a, buf, n);
}

static void add_region(struct config *c, const char *code, const char *name,
                       const char *variant, int64_t need, int64_t target)
{
	struct region *r = &c->regions[c->nregions++];
	memset(r, 0, sizeof *r);
	r->name = arena_strdup(&c->arena, name);
	r->folded = fold(&c->arena, name);
	strcpy(r->codes[0].code, code);
	r->codes[0].system = SYS_OLD;
	r->ncodes = 1;
	r->systems = SYS_OLD;
	r->in_plan = true;
	r->part_of = -1;
	if (variant) {
		r->variants = arena_alloc(&c->arena, sizeof *r->variants);
		r->variants[0] = fold(&c->arena, variant);
		r->nvariants = 1;
	}
	r->in_need = need;
	r->targeted = target;
}

static void add_cercle(struct config *c, const char *code, const char *name,
                       int region, const char *variant)
{
	struct cercle *ce = &c->cercles[c->ncercles++];
	memset(ce, 0, sizeof *ce);
	ce->name = arena_strdup(&c->arena, name);
	ce->folded = fold(&c->arena, name);
	strcpy(ce->code, code);
	ce->region_old = region;
	ce->region_new = -1;
	if (variant) {
		ce->variants = arena_alloc(&c->arena, sizeof *ce->variants);
		ce->variants[0] = fold(&c->arena, variant);
		ce->nvariants = 1;
	}
}

static void add_type(struct config *c, const char *code, const char *en, const char *fr,
                     int64_t target, bool essential)
{
	struct itype *t = &c->types[c->ntypes++];
	memset(t, 0, sizeof *t);
	strcpy(t->code, code);
	t->label_en = arena_strdup(&c->arena, en);
	t->label_fr = arena_strdup(&c->arena, fr);
	t->targeted = target;
	t->essential = essential;
}

static void fx_places(struct config *c)
{
	c->regions = calloc(FX_NREGIONS, sizeof *c->regions);
	add_region(c, "ML07", "Gao", NULL, 200000, 120000);
	add_region(c, "ML05", "Mopti", NULL, 300000, 180000);
	add_region(c, "ML08", "Kidal", NULL, 61000, 40000);
	add_region(c, "ML04", "Ségou", "segou", 100000, 60000);
	add_region(c, "ML06", "Tombouctou", "timbuktu", CONFIG_UNKNOWN, CONFIG_UNKNOWN);
	c->cercles = calloc(9, sizeof *c->cercles);
	add_cercle(c, "ML0701", "Ansongo", FX_GAO, NULL);
	add_cercle(c, "ML0702", "Bourem", FX_GAO, NULL);
	add_cercle(c, "ML0703", "Gao", FX_GAO, NULL);
	add_cercle(c, "ML0504", "Douentza", FX_MOPTI, NULL);
	add_cercle(c, "ML0506", "Mopti", FX_MOPTI, NULL);
	add_cercle(c, "ML0802", "Kidal", FX_KIDAL, NULL);
	add_cercle(c, "ML0406", "Ségou", FX_SEGOU, NULL);
	add_cercle(c, "ML0605", "Tombouctou", FX_TOMBOUCTOU, "timbuktu");
}

static void fx_types(struct config *c)
{
	c->types = calloc(FX_NTYPES, sizeof *c->types);
	add_type(c, "GC", "Case management", "Gestion de cas", CONFIG_UNKNOWN, true);
	add_type(c, "PSS", "Psychosocial support", "Soutien psychosocial", 50000, false);
	add_type(c, "EAE", "Child-friendly spaces", "Espaces amis des enfants", CONFIG_UNKNOWN, false);
	add_type(c, "ENA", "Unaccompanied and separated children", "Enfants non accompagnés",
	         CONFIG_UNKNOWN, true);
	add_type(c, "SENS", "Awareness raising", "Sensibilisation", CONFIG_UNKNOWN, false);
	add_type(c, "AUTRE", "Other", "Autre", CONFIG_UNKNOWN, false);
	c->other_type = FX_AUTRE;
}

void fx_config(struct config *c)
{
	memset(c, 0, sizeof *c);
	arena_init(&c->arena, 0);
	c->path = "fixture.ini";
	c->plan_name = "Mali CP AoR 2024 (fixture)";
	c->plan_year = 2024;
	c->in_need = 1300000;
	c->targeted = 800000;
	c->funding_requested = 29200000;
	c->funding_received = 600000;
	c->mode = MODE_MONTHLY;
	c->report_month = -1;
	c->has_regional_figures = true;
	c->th = (struct thresholds){ 25, 50, 75, 3, 45 };
	fx_places(c);
	fx_types(c);
	gazetteer_link_plan(c);
}

void fx_config_free(struct config *c)
{
	free(c->regions);
	free(c->cercles);
	free(c->types);
	arena_free(&c->arena);
	memset(c, 0, sizeof *c);
}

void fx_table(struct table *t)
{
	table_init(t);
}

uint32_t fx_source(struct table *t, const char *path)
{
	uint32_t s = table_add_source(t, path);
	t->sources[s].header_line = 1;
	memset(t->sources[s].sha256, 'a' + (int)(s % 6), 64);
	t->sources[s].sha256[64] = '\0';
	return s;
}

int fx_region(const struct config *c, const char *name)
{
	for (size_t i = 0; i < c->nregions; i++)
		if (strcmp(c->regions[i].name, name) == 0)
			return (int)i;
	abort();   /* a typo in a test */
}

int fx_cercle(const struct config *c, const char *name)
{
	for (size_t i = 0; i < c->ncercles; i++)
		if (strcmp(c->cercles[i].name, name) == 0)
			return (int)i;
	abort();
}

int fx_type(const struct config *c, const char *code)
{
	for (size_t i = 0; i < c->ntypes; i++)
		if (strcmp(c->types[i].code, code) == 0)
			return (int)i;
	abort();
}

int fx_month(int yyyymm)
{
	return yyyymm ? month_index(yyyymm / 100, yyyymm % 100) : -1;
}

static int32_t count_of(int32_t v)
{
	return v == FX_NA ? COUNT_MISSING : v;
}

/* Rule 2 as the loader applies it. */
static struct row_counts fx_people(const struct fx_row *r)
{
	struct row_counts n = { 0, count_of(r->girls), count_of(r->boys), count_of(r->women),
	                        count_of(r->men), COUNT_MISSING };
	int32_t total = r->total ? count_of(r->total) : COUNT_MISSING;
	int64_t sum = 0;
	int given = 0;
	const int32_t v[4] = { n.girls, n.boys, n.women, n.men };
	for (int i = 0; i < 4; i++)
		if (v[i] != COUNT_MISSING) {
			sum += v[i];
			given++;
		}
	n.reached = (int32_t)(given ? sum : total == COUNT_MISSING ? 0 : total);
	if (r->status == STATUS_PLANNED) {
		n.reached = 0;
		n.girls = n.boys = n.women = n.men = COUNT_MISSING;
	}
	return n;
}

size_t fx_add(struct table *t, const struct config *c, struct fx_row r)
{
	struct strpool *sp = &t->strings;
	struct source *s = &t->sources[r.src];
	struct activity a;
	memset(&a, 0, sizeof a);
	a.partner = strpool_id_cstr(sp, r.partner ? r.partner : "");   /* rule 13: no partner */
	a.org = strpool_id_cstr(sp, r.org ? r.org : r.partner ? r.partner : "");
	a.activity = strpool_id_cstr(sp, r.activity ? r.activity : "");
	a.commune = strpool_id_cstr(sp, r.commune ? r.commune : "");
	a.source = r.src;
	a.line = (uint32_t)(s->header_line + 1 + s->rows_read);
	a.written_region = (int8_t)fx_region(c, r.region);
	a.cercle = (int16_t)(r.cercle ? fx_cercle(c, r.cercle) : -1);
	a.region = (int8_t)gazetteer_plan_region(c, a.written_region, a.cercle);
	a.month = (int16_t)fx_month(r.ym);
	a.start_month = (int16_t)fx_month(r.start_ym);
	a.end_month = (int16_t)fx_month(r.end_ym);
	a.itype = (uint8_t)fx_type(c, r.type ? r.type : "AUTRE");
	a.status = (uint8_t)r.status;
	const struct row_counts n = fx_people(&r);
	table_set_counts(t, &a, &n);
	s->rows_read++;
	s->accepted++;
	int p = activity_period(&a);
	if (p > s->latest_month)
		s->latest_month = p;
	if (p > t->latest_month)
		t->latest_month = p;
	return table_add(t, &a);
}

void fx_plan_load(struct config *c)
{
	struct error e = { "" };
	cr_assert(config_load(c, FX_PLAN_INI, &e), "%s", e.msg);
}

void fx_plan_sheet(struct config *c, struct table *t, struct cube_index *ix, const char *path)
{
	struct error e = { "" };
	fx_plan_load(c);
	table_init(t);
	cr_assert(load_paths(t, c, (const char *const[]){ path }, 1, &e), "%s", e.msg);
	cube_index_build(ix, c, t);
}

void fx_world_init(struct fx_world *w, const char *source_path)
{
	memset(w, 0, sizeof *w);
	fx_config(&w->cfg);
	fx_table(&w->tab);
	cube_init(&w->cube);
	filter_init(&w->flt);
	gap_list_init(&w->gl);
	w->src = fx_source(&w->tab, source_path);
}

void fx_world_free(struct fx_world *w)
{
	gap_list_free(&w->gl);
	cube_free(&w->cube);
	cube_index_free(&w->ix);
	table_free(&w->tab);
	fx_config_free(&w->cfg);
}
