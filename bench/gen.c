/* gen: a deterministic generator of Mali child-protection 4W sheets.
 *
 *   bench/gen --rows N [--dialect en|fr-excel|hxl] [--seed S] [--clean | --warnings]
 *             [-o FILE] [--expected FILE]
 *
 * Writes N data rows (about 170 bytes each) of an illustrative — not real —
 * 4W sheet for the Mali Child Protection Sub-Cluster, 2024, in one of the
 * dialects the loader accepts:
 *
 *   en        UTF-8, ',', LF, English headers, ISO dates
 *   fr-excel  Windows-1252, ';', CRLF, French headers, dd/mm/yyyy dates,
 *             French month names, space-grouped numbers
 *   hxl       UTF-8 with BOM, a title row, English headers, an HXL hashtag row
 *
 * By default the sheet carries realistic mess at low rates: spelling
 * variants ("Segou", "SEGOU", "Timbuktu"), labels instead of type codes,
 * blank and "N/A" cells, trailing spaces, grouped numbers, a total that
 * disagrees with its breakdown.  --clean writes canonical spellings only:
 * the old-system region p-code in every row, the type code, no blank cell,
 * no trailing space.  Quoted activity texts with commas and newlines stay
 * in both — that is valid CSV every tool must read.  --warnings adds, to
 * the mess, what makes most rows draw a warning (add_warnings: months of
 * the year before the plan's, unknown cercles, organisations spelled the
 * other way) and writes the people counts as bare numbers, so that the
 * raw-text peers can at least be timed on it.
 *
 * Alongside, the generator writes the TRUE answer it knows while writing:
 * per canonical region p-code × intervention type code, the sum of what
 * each row says (girls, boys, women, men, and people reached by DESIGN.md
 * rule 2).  Raw-text tools can only be compared with it on --clean sheets;
 * on messy ones they split "Ségou" from "Segou".  The expected file goes to
 * --expected, else next to -o FILE (x.csv -> x.expected.csv), else next to
 * the file stdout is redirected to.
 *
 * The same seed gives the same rows whatever the dialect, and the first
 * rows of a large sheet are the rows of a smaller one.  The canonical rows
 * and the mess come from two separate random streams, so --clean and the
 * messy sheet describe the same activities. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- random numbers: splitmix64 (Steele, Lea, Flood 2014) ---------------- */

struct rng { uint64_t s; };

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static bool rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* Index drawn with the given integer weights. */
static size_t rng_weighted(struct rng *r, const unsigned *w, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i];
	unsigned x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* ---- the gazetteer: old OCHA COD p-codes, domain.md §4.1–4.2 ------------ */

struct region_def {
	const char *code, *name;
	const char *variants[4];  /* spellings partners use; NULL-terminated */
	unsigned weight;          /* share of rows: the response is in the north and centre */
};

static const struct region_def regions[] = {
	{ "ML01", "Kayes",      { "KAYES", "kayes" },                    3 },
	{ "ML02", "Koulikoro",  { "KOULIKORO", "Koulikoro " },           4 },
	{ "ML03", "Sikasso",    { "SIKASSO", "sikasso" },                3 },
	{ "ML04", "Ségou",      { "Segou", "SEGOU", "segou", "SÉGOU" },   12 },
	{ "ML05", "Mopti",      { "MOPTI", "mopti", "Mopti " },          22 },
	{ "ML06", "Tombouctou", { "Timbuktu", "TOMBOUCTOU", "TIMBUKTU", "Tombouctou " }, 15 },
	{ "ML07", "Gao",        { "GAO", "gao" },                        14 },
	{ "ML08", "Kidal",      { "KIDAL", "kidal" },                    6 },
	{ "ML09", "Bamako",     { "BAMAKO", "District de Bamako" },      6 },
	{ "ML10", "Ménaka",     { "Menaka", "MENAKA", "MÉNAKA" },        10 },
};
#define NREGIONS NELEM(regions)

struct cercle_def {
	const char *code, *name;
	const char *variant;      /* a spelling seen in sheets, or NULL */
	const char *communes[6];  /* NULL-terminated; the chef-lieu first */
};

static const struct cercle_def cercles[] = {
	{ "ML0101", "Bafoulabé", "Bafoulabe", { "Bafoulabé", "Mahina" } },
	{ "ML0102", "Diéma", "Diema", { "Diéma" } },
	{ "ML0103", "Kayes", NULL, { "Kayes", "Khouloum" } },
	{ "ML0104", "Kéniéba", "Kenieba", { "Kéniéba" } },
	{ "ML0105", "Kita", NULL, { "Kita" } },
	{ "ML0106", "Nioro", "Nioro du Sahel", { "Nioro" } },
	{ "ML0107", "Yélimané", "Yelimane", { "Yélimané" } },
	{ "ML0201", "Banamba", NULL, { "Banamba" } },
	{ "ML0202", "Dioïla", "Dioila", { "Dioïla" } },
	{ "ML0203", "Kangaba", NULL, { "Kangaba" } },
	{ "ML0204", "Kati", NULL, { "Kati", "Kalabancoro", "Baguineda" } },
	{ "ML0205", "Kolokani", NULL, { "Kolokani" } },
	{ "ML0206", "Koulikoro", NULL, { "Koulikoro" } },
	{ "ML0301", "Bougouni", NULL, { "Bougouni" } },
	{ "ML0302", "Kadiolo", NULL, { "Kadiolo" } },
	{ "ML0303", "Kolondiéba", "Kolondieba", { "Kolondiéba" } },
	{ "ML0304", "Koutiala", NULL, { "Koutiala" } },
	{ "ML0305", "Sikasso", NULL, { "Sikasso" } },
	{ "ML0306", "Yanfolila", NULL, { "Yanfolila" } },
	{ "ML0307", "Yorosso", NULL, { "Yorosso" } },
	{ "ML0401", "Barouéli", "Baroueli", { "Barouéli" } },
	{ "ML0402", "Bla", NULL, { "Bla" } },
	{ "ML0403", "Macina", NULL, { "Macina", "Kolongo", "Monimpébougou" } },
	{ "ML0404", "Niono", NULL, { "Niono", "Diabaly", "Dogofry", "Siribala", "Nampala" } },
	{ "ML0405", "San", NULL, { "San" } },
	{ "ML0406", "Ségou", "Segou", { "Ségou", "Pelengana", "Sébougou", "Markala", "Cinzana" } },
	{ "ML0407", "Tominian", NULL, { "Tominian" } },
	{ "ML0501", "Bandiagara", "Bandjagara", { "Bandiagara", "Sangha", "Dourou" } },
	{ "ML0502", "Bankass", NULL, { "Bankass", "Diallassagou", "Sokoura" } },
	{ "ML0503", "Djenné", "Djenne", { "Djenné", "Fakala" } },
	{ "ML0504", "Douentza", NULL, { "Douentza", "Mondoro", "Haïré" } },
	{ "ML0505", "Koro", NULL, { "Koro", "Dinangourou", "Dioungani", "Madougou" } },
	{ "ML0506", "Mopti", NULL, { "Mopti", "Socoura", "Sio", "Fatoma", "Konna" } },
	{ "ML0507", "Ténenkou", "Tenenkou", { "Ténenkou", "Diafarabé" } },
	{ "ML0508", "Youwarou", NULL, { "Youwarou", "Déboye" } },
	{ "ML0601", "Diré", "Dire", { "Diré", "Tindirma" } },
	{ "ML0602", "Goundam", NULL, { "Goundam", "Tonka", "Bintagoungou" } },
	{ "ML0603", "Gourma-Rharous", "Gourma Rharous", { "Gourma-Rharous", "Gossi", "Bambara-Maoudé" } },
	{ "ML0604", "Niafunké", "Niafunke", { "Niafunké", "Léré", "Soumpi" } },
	{ "ML0605", "Tombouctou", "Timbuktu", { "Tombouctou", "Alafia", "Ber", "Bourem-Inaly", "Salam" } },
	{ "ML0701", "Ansongo", NULL, { "Ansongo", "Bara", "Ouatagouna", "Tessit", "Talataye" } },
	{ "ML0702", "Bourem", NULL, { "Bourem", "Bamba", "Taboye", "Téméra" } },
	{ "ML0703", "Gao", NULL, { "Gao", "Gounzoureye", "Sony Aliber", "N'Tillit", "Anchawadi" } },
	{ "ML0801", "Abeïbara", "Abeibara", { "Abeïbara", "Boghassa" } },
	{ "ML0802", "Kidal", NULL, { "Kidal", "Anefif", "Essouk" } },
	{ "ML0803", "Tessalit", NULL, { "Tessalit", "Aguelhok", "Timtaghène" } },
	{ "ML0804", "Tin-Essako", "Tin Essako", { "Tin-Essako", "Intadjedite" } },
	{ "ML0901", "Bamako", NULL, { "Commune I", "Commune II", "Commune III", "Commune IV", "Commune V", "Commune VI" } },
	{ "ML1001", "Ménaka", "Menaka", { "Ménaka", "Anderamboukane", "Inékar", "Tidermène", "Alata" } },
};
#define NCERCLES NELEM(cercles)

/* The region a cercle belongs to: the first four characters of its code. */
static size_t cercle_region(size_t c)
{
	for (size_t r = 0; r < NREGIONS; r++)
		if (strncmp(cercles[c].code, regions[r].code, 4) == 0)
			return r;
	abort();
}

/* --warnings: cercles as partners write them that the gazetteer does not
 * know, two per region — a locality that is not a cercle (a town, a
 * village) with no p-code, and a cercle p-code with no such cercle, with no
 * name.  fourw warns on each and counts the row at region level, so the
 * expected answer (per region) does not change. */
struct unknown_cercle_def {
	const char *region, *name, *code;
};

static const struct unknown_cercle_def unknown_cercles[] = {
	{ "ML01", "Sadiola", "" },      { "ML01", "", "ML0199" },
	{ "ML02", "Fana", "" },         { "ML02", "", "ML0299" },
	{ "ML03", "Zégoua", "" },       { "ML03", "", "ML0399" },
	{ "ML04", "Sansanding", "" },   { "ML04", "", "ML0499" },
	{ "ML05", "Sévaré", "" },       { "ML05", "", "ML0599" },
	{ "ML06", "Essakane", "" },     { "ML06", "", "ML0699" },
	{ "ML07", "Wabaria", "" },      { "ML07", "", "ML0799" },
	{ "ML08", "Tinzaouaten", "" },  { "ML08", "", "ML0899" },
	{ "ML09", "Niamakoro", "" },    { "ML09", "", "ML0999" },
	{ "ML10", "Tin-Hamma", "" },    { "ML10", "", "ML1099" },
};

/* ---- intervention types (domain.md §3) ------------------------------------ */

/* How many people a row of this type typically reaches. */
enum reach { FEW, GROUP, CROWD, ADULTS };

/* Labels are the ones partners write; each resolves through config.ini's
 * [types] labels or keywords (the expected answer assumes it does). */
struct type_def {
	const char *code, *label_en, *label_fr;
	unsigned weight;
	enum reach reach;
	const char *activities[5];   /* NULL-terminated; French and English, as partners write */
};

static const struct type_def types[] = {
	{ "GC", "Case management", "Gestion de cas", 12, FEW, {
		"Gestion de cas individuelle des enfants à risque",
		"Case management, home visits and follow-up",
		"Prise en charge individuelle, suivi et référencement",
		"Gestion de cas des ENA/ES, évaluation et plan de cas" } },
	{ "PSS", "Psychosocial support", "Soutien psychosocial", 16, GROUP, {
		"Séances de soutien psychosocial en groupe, EAE fixe",
		"Activités récréatives et psychosociales pour enfants",
		"Psychological first aid for children and caregivers",
		"Soutien psychosocial structuré, cycle de 8 séances" } },
	{ "EAE", "Child-friendly spaces", "Espaces amis des enfants", 12, GROUP, {
		"Animation d'un espace ami des enfants (EAE) mobile",
		"Child-friendly space, fixed, daily activities",
		"EAE fixe: jeux, dessin, contes et causeries",
		"Espace ami des enfants, école de Sévaré" } },
	{ "ENA", "Family tracing and reunification", "Enfants non accompagnés et séparés", 7, FEW, {
		"Recherche et réunification familiale (RTF)",
		"Placement en famille d'accueil transitoire (FAT), suivi",
		"Identification, documentation, recherche et réunification",
		"Family tracing and reunification, alternative care" } },
	{ "EAFGA", "Children associated with armed forces and groups", "Enfants associés aux forces et groupes armés", 4, FEW, {
		"Prise en charge transitoire des EAFGA, réinsertion",
		"Réintégration socio-économique des enfants sortis des groupes armés",
		"Reintegration of children released from armed groups" } },
	{ "VBG", "Child marriage prevention", "Prévention du mariage d'enfants", 9, GROUP, {
		"Sensibilisation contre le mariage d'enfants et les VBG",
		"Prise en charge des survivantes de VBG, orientation",
		"Child marriage prevention, girls' clubs",
		"Espaces sûrs pour filles et femmes, causeries" } },
	{ "EREE", "Explosive ordnance risk education", "Éducation aux risques des engins explosifs", 6, CROWD, {
		"Séances d'éducation aux risques des mines et REG",
		"EORE sessions in schools and markets",
		"Éducation aux risques des engins explosifs, cercle de Niono" } },
	{ "EC", "Birth registration", "Enregistrement des naissances", 5, GROUP, {
		"Appui à l'obtention des actes de naissance, jugements supplétifs",
		"Birth registration campaign, mobile court hearings",
		"Audiences foraines pour l'état civil des enfants" } },
	{ "SENS", "Awareness raising", "Sensibilisation", 16, CROWD, {
		"Sensibilisation communautaire sur la protection de l'enfant, causeries",
		"Community awareness sessions, radio spots",
		"Causeries éducatives avec les RECOPE et clubs d'adolescents",
		"Sensibilisation de masse, théâtre forum" } },
	{ "RC", "Capacity building", "Renforcement des capacités", 6, ADULTS, {
		"Formation des membres des RECOPE sur la protection de l'enfant",
		"Training of social workers on case management, 3 days",
		"Formation des acteurs institutionnels (DRPFEF, SLPFEF)" } },
	{ "PAR", "Parenting support", "Soutien à la parentalité", 4, GROUP, {
		"Sessions d'éducation parentale positive",
		"Parenting groups, positive discipline",
		"Accompagnement des familles d'accueil, visites à domicile" } },
	{ "REF", "Referral", "Référencement", 3, FEW, {
		"Référencement vers les services de santé, éducation et justice",
		"Referral to specialised services, accompaniment",
		"Orientation des enfants vers les services spécialisés" } },
};
#define NTYPES NELEM(types)

/* ---- partners ------------------------------------------------------------ */

/* Reporting organisations (the sheet's "Organization"), with how often each
 * reports: UNICEF funds most of the sub-cluster's partners. */
static const char *const orgs[] = {
	"UNICEF", "Save the Children International", "Plan International",
	"World Vision International", "International Rescue Committee",
	"Norwegian Refugee Council", "Danish Refugee Council", "COOPI",
	"Terre des hommes Lausanne", "INTERSOS", "Educo", "WeWorld-GVC",
	"OIM", "Humanity & Inclusion",
};
static const unsigned org_weight[] = { 30, 10, 8, 7, 7, 4, 5, 5, 6, 4, 4, 3, 3, 2 };

/* Implementing partners: national and international NGOs and government
 * services active in child protection in Mali (domain.md §3.1, [S20][S21]).
 * A partner works in a few regions only: government services in their own,
 * the others in one to three drawn once by tables_init(). */
struct partner_def {
	const char *name;
	const char *region;       /* p-code of its only region, or NULL */
};

static const struct partner_def partners[] = {
	{ "ACESEM", NULL }, { "ATDED", NULL }, { "AVS-Mali", NULL }, { "BNCE", NULL },
	{ "CASE-Sahel", NULL }, { "ENDA Mali", NULL }, { "EPHRATA Mali", NULL },
	{ "GAAS-MALI", NULL }, { "GARDL", NULL }, { "Kanuya", NULL }, { "POD", NULL },
	{ "SAD", NULL }, { "Samusocial Mali", "ML09" }, { "SOLISA", NULL },
	{ "AMSS", NULL }, { "Tassaght", NULL }, { "ARDIL", NULL }, { "ADESAH", NULL },
	{ "Caritas Mali", NULL }, { "Médecins du Monde", NULL },
	{ "Right To Play", NULL }, { "War Child", NULL },
	{ "Terre des hommes Suisse", NULL }, { "DRPFEF Mopti", "ML05" },
	{ "DRPFEF Gao", "ML07" }, { "DRPFEF Tombouctou", "ML06" },
	{ "SLPFEF Ménaka", "ML10" }, { "Association Tilwindé", NULL },
	{ "ONG Kisal", NULL }, { "Aide à l'Enfance du Sahel", NULL },
};
/* A few spellings partners use for the same organisation. */
static const char *const org_variant[NELEM(orgs)] = {
	"Unicef", "Save the Children", "PLAN INTERNATIONAL", "World Vision", "IRC",
	"NRC", "DRC", "Coopi", "Tdh Lausanne", "Intersos", "EDUCO", "WeWorld GVC",
	"IOM", "Handicap International",
};

/* ---- dialects ------------------------------------------------------------ */

enum dialect { EN, FR_EXCEL, HXL };

enum col {
	C_ORG, C_PARTNER, C_REGION, C_REGION_CODE, C_CERCLE, C_CERCLE_CODE,
	C_COMMUNE, C_TYPE, C_ACTIVITY, C_STATUS, C_START, C_END, C_MONTH,
	C_GIRLS, C_BOYS, C_WOMEN, C_MEN, C_TOTAL, NCOLS
};

static const char *const header_en[NCOLS] = {
	"Organization", "Implementing partner", "Region", "Region P-code",
	"Cercle", "Cercle P-code", "Commune", "Intervention type", "Activity",
	"Status", "Start date", "End date", "Reporting month",
	"Girls", "Boys", "Women", "Men", "Total reached",
};
static const char *const header_fr[NCOLS] = {
	"Organisation", "Partenaire de mise en oeuvre", "Région", "Pcode région",
	"Cercle", "Pcode cercle", "Commune", "Type d'intervention", "Activité",
	"Statut", "Date de début", "Date de fin", "Mois de rapportage",
	"Filles", "Garçons", "Femmes", "Hommes", "Total atteint",
};
static const char *const header_hxl[NCOLS] = {
	"#org+prog+name", "#org+impl+name", "#adm1+name", "#adm1+code",
	"#adm2+name", "#adm2+code", "#adm3+name", "#activity+type",
	"#activity+name", "#status", "#date+start", "#date+end", "#date+reported",
	"#reached+f+children", "#reached+m+children", "#reached+f+adults",
	"#reached+m+adults", "#reached+ind",
};

enum status { ONGOING, COMPLETED, PLANNED, SUSPENDED, NSTATUS };
static const unsigned status_weight[NSTATUS] = { 70, 22, 6, 2 };
static const char *const status_en[NSTATUS] = { "Ongoing", "Completed", "Planned", "Suspended" };
static const char *const status_fr[NSTATUS] = { "En cours", "Terminé", "Planifié", "Suspendu" };

static const char *const month_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const month_fr[12] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
};
static const int month_days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

/* ---- one canonical row --------------------------------------------------- */

#define YEAR 2024

struct date { int y, m, d; };

struct row {
	size_t org, partner;      /* partner == NELEM(partners): the org implements itself */
	size_t region, cercle, type;
	const char *commune, *activity;
	enum status status;
	int year, month;          /* reporting month, 1..12, of that year */
	struct date start, end;
	int32_t girls, boys, women, men;
	/* --warnings only: a cercle the gazetteer does not know (index into
	 * unknown_cercles, or -1) and the organisation in its other spelling */
	int unknown_cercle;
	bool org_variant;
};


/* Per-region cercle and partner lists and the weight arrays, filled once
 * by tables_init(). */
static unsigned region_weight[NREGIONS], type_weight[NTYPES];
static size_t region_cercles[NREGIONS][8], region_ncercles[NREGIONS];
static size_t region_partners[NREGIONS][NELEM(partners)], region_npartners[NREGIONS];

static void add_partner(size_t r, size_t p)
{
	for (size_t i = 0; i < region_npartners[r]; i++)
		if (region_partners[r][i] == p)
			return;
	region_partners[r][region_npartners[r]++] = p;
}

static size_t region_by_code(const char *code)
{
	for (size_t r = 0; r < NREGIONS; r++)
		if (strcmp(regions[r].code, code) == 0)
			return r;
	abort();
}

/* The partners' regions come from their own fixed stream: the geography of
 * the response is the same whatever --seed. */
static void tables_init(void)
{
	struct rng geo = { 0x67656f /* "geo" */ };
	for (size_t r = 0; r < NREGIONS; r++)
		region_weight[r] = regions[r].weight;
	for (size_t t = 0; t < NTYPES; t++)
		type_weight[t] = types[t].weight;
	for (size_t c = 0; c < NCERCLES; c++) {
		size_t r = cercle_region(c);
		region_cercles[r][region_ncercles[r]++] = c;
	}
	for (size_t p = 0; p < NELEM(partners); p++) {
		if (partners[p].region) {
			add_partner(region_by_code(partners[p].region), p);
			continue;
		}
		for (uint32_t k = 1 + rng_below(&geo, 3); k > 0; k--)
			add_partner(rng_weighted(&geo, region_weight, NREGIONS), p);
	}
}

static size_t count_strings(const char *const *list, size_t max)
{
	size_t n = 0;
	while (n < max && list[n])
		n++;
	return n;
}

/* A people count drawn for a row of this reach: log-uniform, so most rows
 * are small and a few are large, as in real sheets. */
static int32_t draw_people(struct rng *r, enum reach reach)
{
	static const double lo[] = { 1, 8, 40, 5 }, hi[] = { 40, 250, 2500, 60 };
	return (int32_t)(lo[reach] * exp(log(hi[reach] / lo[reach]) * rng_unit(r)));
}

/* Splits n people into two parts, the first share between 35 and 65 %. */
static void split(struct rng *r, int32_t n, int32_t *a, int32_t *b)
{
	*a = (int32_t)(n * (0.35 + 0.30 * rng_unit(r)));
	*b = n - *a;
}

static void draw_dates(struct rng *r, struct row *w)
{
	w->year = YEAR;
	w->month = 1 + (int)rng_below(r, 12);
	w->start = (struct date){ YEAR, 1 + (int)rng_below(r, (uint32_t)w->month), 1 };
	if (rng_chance(r, 0.5))
		w->start.d = 1 + (int)rng_below(r, 28);
	if (w->status == COMPLETED)
		w->end = (struct date){ YEAR, w->month, month_days[w->month - 1] };
	else if (rng_chance(r, 0.6))
		w->end = (struct date){ YEAR, 12, 31 };
	else {
		int m = w->month + (int)rng_below(r, (uint32_t)(13 - w->month));
		w->end = (struct date){ YEAR, m, month_days[m - 1] };
	}
}

static void draw_people_counts(struct rng *r, struct row *w)
{
	enum reach reach = types[w->type].reach;
	w->girls = w->boys = w->women = w->men = 0;
	if (w->status == PLANNED)
		return;               /* planned activities have reached nobody yet */
	if (reach == ADULTS) {    /* trainings: adults only */
		split(r, draw_people(r, reach), &w->women, &w->men);
		return;
	}
	split(r, draw_people(r, reach), &w->girls, &w->boys);
	if (reach != FEW && rng_chance(r, 0.6))  /* caregivers reached too */
		split(r, draw_people(r, reach) / 4, &w->women, &w->men);
}

static void draw_row(struct rng *r, struct row *w)
{
	w->region = rng_weighted(r, region_weight, NREGIONS);
	w->cercle = region_cercles[w->region][rng_below(r, (uint32_t)region_ncercles[w->region])];
	const char *const *communes = cercles[w->cercle].communes;
	w->commune = communes[rng_below(r, (uint32_t)count_strings(communes, 6))];
	w->type = rng_weighted(r, type_weight, NTYPES);
	const char *const *acts = types[w->type].activities;
	w->activity = acts[rng_below(r, (uint32_t)count_strings(acts, 5))];
	w->org = rng_weighted(r, org_weight, NELEM(orgs));
	size_t np = region_npartners[w->region];
	w->partner = np == 0 || rng_chance(r, 0.2) ? NELEM(partners)
	           : region_partners[w->region][rng_below(r, (uint32_t)np)];
	w->status = (enum status)rng_weighted(r, status_weight, NSTATUS);
	draw_dates(r, w);
	draw_people_counts(r, w);
	w->unknown_cercle = -1;
	w->org_variant = false;
}

/* --warnings: the share of rows that report a month of the year before the
 * plan's (DESIGN.md rule 11: counted in no plan figure), that give an
 * unknown cercle, that spell their organisation the other way. */
#define WARN_OUTSIDE_YEAR 0.5
#define WARN_UNKNOWN_CERCLE 0.55
#define WARN_ORG_VARIANT 0.2

/* Moves a date to the year before; 29 February becomes the 28th. */
static struct date year_before(struct date d)
{
	d.y--;
	if (d.m == 2 && d.d == 29)
		d.d = 28;
	return d;
}

/* Draws, from its own stream, what makes a row of a --warnings sheet draw a
 * warning.  False if the row lies outside the plan year (it counts in no
 * plan figure, so not in the expected answer either). */
static bool add_warnings(struct rng *r, struct row *w)
{
	bool outside = rng_chance(r, WARN_OUTSIDE_YEAR);
	if (outside) {
		w->year--;
		w->start = year_before(w->start);
		w->end = year_before(w->end);
	}
	if (rng_chance(r, WARN_UNKNOWN_CERCLE)) {
		size_t k = 2 * w->region + rng_below(r, 2);
		if (strcmp(unknown_cercles[k].region, regions[w->region].code) != 0)
			abort();          /* the table follows regions[] */
		w->unknown_cercle = (int)k;
	}
	w->org_variant = rng_chance(r, WARN_ORG_VARIANT);
	return !outside;
}

/* ---- output -------------------------------------------------------------- */

struct out {
	FILE *f;
	char *buf;
	size_t len, cap;
	enum dialect dialect;
	char delim;
	const char *eol;
	bool cp1252;              /* convert UTF-8 text to Windows-1252 */
	int col;                  /* fields written on the current line */
	bool plain_counts;        /* people counts as bare numbers even on a messy sheet */
};

static void out_flush(struct out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len) {
		perror("gen: write");
		exit(1);
	}
	o->len = 0;
}

static void out_byte(struct out *o, char c)
{
	o->buf[o->len++] = c;
}

/* Windows-1252 byte for a code point; '?' where it has none. */
static char cp1252_byte(uint32_t cp)
{
	static const struct { uint32_t cp; unsigned char b; } extra[] = {
		{ 0x20ac, 0x80 }, { 0x2019, 0x92 }, { 0x201c, 0x93 }, { 0x201d, 0x94 },
		{ 0x2013, 0x96 }, { 0x2014, 0x97 }, { 0x0153, 0x9c },
	};
	if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff))
		return (char)cp;
	for (size_t i = 0; i < NELEM(extra); i++)
		if (extra[i].cp == cp)
			return (char)extra[i].b;
	return '?';
}

/* Copies UTF-8 text, converting it to Windows-1252 when the dialect wants. */
static void out_text(struct out *o, const char *s, size_t n)
{
	if (!o->cp1252) {
		memcpy(o->buf + o->len, s, n);
		o->len += n;
		return;
	}
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		uint32_t cp = *p++;
		if (cp >= 0xe0 && end - p >= 2) {
			cp = ((cp & 0x0f) << 12) | ((uint32_t)(p[0] & 0x3f) << 6) | (p[1] & 0x3f);
			p += 2;
		} else if (cp >= 0xc0 && p < end) {
			cp = ((cp & 0x1f) << 6) | (*p++ & 0x3f);
		}
		out_byte(o, cp1252_byte(cp));
	}
}

/* One field: quoted when it holds the delimiter, a quote or a line break. */
static void field(struct out *o, const char *s)
{
	size_t n = strlen(s);
	if (o->len + 2 * n + 8 > o->cap)
		out_flush(o);
	if (o->col++)
		out_byte(o, o->delim);
	bool quote = false;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == o->delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!quote) {
		out_text(o, s, n);
		return;
	}
	out_byte(o, '"');
	for (const char *p = s; *p; ) {
		const char *q = strchr(p, '"');
		size_t k = q ? (size_t)(q - p) + 1 : strlen(p);
		out_text(o, p, k);
		if (q)
			out_byte(o, '"');
		p += k;
	}
	out_byte(o, '"');
}

static void end_line(struct out *o)
{
	out_text(o, o->eol, strlen(o->eol));
	o->col = 0;
	if (o->len > o->cap / 2)
		out_flush(o);
}

/* ---- writing a row in a dialect, with or without mess -------------------- */

#define MISSING (-1)

struct values {               /* what the row's cells say, for the expected answer */
	int32_t girls, boys, women, men, total;   /* MISSING where the cell is blank */
};

/* "1234", or grouped as a partner's spreadsheet may write it: "1,234",
 * "1 234", "1<NBSP>234". */
static void format_count(char *buf, size_t size, int32_t n, const char *group)
{
	if (n < 1000 || !group)
		snprintf(buf, size, "%d", (int)n);
	else
		snprintf(buf, size, "%d%s%03d", (int)(n / 1000), group, (int)(n % 1000));
}

static void put_count(struct out *o, struct rng *m, bool clean, int32_t n, int32_t *said)
{
	char buf[32];
	const char *group = NULL;
	*said = n;
	if (!clean && rng_chance(m, 0.01)) {      /* a blank or "not applicable" cell */
		static const char *const blank[] = { "", "", "", "N/A", "-" };
		*said = MISSING;
		field(o, blank[rng_below(m, NELEM(blank))]);
		return;
	}
	if (o->dialect == FR_EXCEL)
		group = rng_chance(m, 0.5) ? (rng_chance(m, 0.5) ? " " : "\xc2\xa0") : NULL;
	else if (!clean && rng_chance(m, 0.2))
		group = ",";
	format_count(buf, sizeof buf, n, group);
	field(o, buf);
}

/* Writes s, sometimes (messy sheets only) with a trailing space. */
static void put_text(struct out *o, struct rng *m, bool clean, const char *s)
{
	char buf[256];
	if (clean || !rng_chance(m, 0.02)) {
		field(o, s);
		return;
	}
	snprintf(buf, sizeof buf, "%s ", s);
	field(o, buf);
}

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void put_date(struct out *o, struct rng *m, bool clean, struct date d)
{
	char buf[32];
	if (!clean && rng_chance(m, 0.02))        /* an unformatted Excel cell */
		snprintf(buf, sizeof buf, "%ld", days_from_civil(d.y, d.m, d.d) - days_from_civil(1899, 12, 30));
	else if (o->dialect == FR_EXCEL)
		snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.d, d.m, d.y);
	else
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
	field(o, buf);
}

static void put_month(struct out *o, struct rng *m, bool clean, int year, int month)
{
	char buf[32];
	double x = rng_unit(m);
	if (o->dialect == FR_EXCEL) {
		if (x < 0.6)
			snprintf(buf, sizeof buf, "%s %d", month_fr[month - 1], year);
		else if (x < 0.9)
			snprintf(buf, sizeof buf, "01/%02d/%d", month, year);
		else
			snprintf(buf, sizeof buf, "%d-%02d", year, month);
	} else if (!clean && x < 0.05) {
		snprintf(buf, sizeof buf, "%s %d", month_en[month - 1], year);
	} else if (!clean && x < 0.07) {
		snprintf(buf, sizeof buf, "%d-%02d-01", year, month);
	} else {
		snprintf(buf, sizeof buf, "%d-%02d", year, month);
	}
	field(o, buf);
}

static void put_orgs(struct out *o, struct rng *m, bool clean, const struct row *w)
{
	const char *org = orgs[w->org];
	if ((!clean && rng_chance(m, 0.02)) || w->org_variant)
		org = org_variant[w->org];
	put_text(o, m, clean, org);
	if (w->partner < NELEM(partners))
		put_text(o, m, clean, partners[w->partner].name);
	else                      /* the organisation implements itself */
		field(o, clean || rng_chance(m, 0.4) ? org : "");
}

static void put_places(struct out *o, struct rng *m, bool clean, const struct row *w)
{
	const struct region_def *rg = &regions[w->region];
	const struct cercle_def *ce = &cercles[w->cercle];
	const char *rname = rg->name, *rcode = rg->code;
	const char *cname = ce->name, *ccode = ce->code, *commune = w->commune;
	if (!clean) {
		if (rng_chance(m, 0.06))
			rname = rg->variants[rng_below(m, (uint32_t)count_strings(rg->variants, 4))];
		/* A p-code alone or a name alone; never ML09 alone (Bamako or
		 * Taoudénit? domain.md §4.3: the name decides). */
		double x = rng_unit(m);
		if (x < 0.015)
			rcode = "";
		else if (x < 0.025 && strcmp(rg->code, "ML09") != 0)
			rname = "";
		if (ce->variant && rng_chance(m, 0.04))
			cname = ce->variant;
		x = rng_unit(m);
		if (x < 0.03)
			ccode = "";
		else if (x < 0.05)
			cname = "";
		if (rng_chance(m, 0.05))
			commune = "";
	}
	if (w->unknown_cercle >= 0) {
		cname = unknown_cercles[w->unknown_cercle].name;
		ccode = unknown_cercles[w->unknown_cercle].code;
	}
	put_text(o, m, clean, rname);
	field(o, rcode);
	put_text(o, m, clean, cname);
	field(o, ccode);
	put_text(o, m, clean, commune);
}

static void put_type(struct out *o, struct rng *m, bool clean, const struct row *w)
{
	const struct type_def *t = &types[w->type];
	char buf[64];
	double x = rng_unit(m);
	if (o->dialect == FR_EXCEL && (clean ? false : x < 0.45)) {
		field(o, t->label_fr);
	} else if (clean || x < 0.65) {
		field(o, t->code);
	} else if (x < 0.80) {
		field(o, t->label_en);
	} else if (x < 0.95) {
		field(o, t->label_fr);
	} else {                  /* "gc", "pss ": typed by hand */
		size_t i = 0;
		for (; t->code[i] && i < sizeof buf - 2; i++)
			buf[i] = (char)(t->code[i] | 0x20);
		buf[i++] = rng_chance(m, 0.5) ? ' ' : '\0';
		buf[i] = '\0';
		field(o, buf);
	}
}

static void put_activity(struct out *o, struct rng *m, const struct row *w)
{
	char buf[256];
	double x = rng_unit(m);
	if (x < 0.005)            /* Alt+Enter in an Excel cell */
		snprintf(buf, sizeof buf, "%s\nSuivi mensuel", w->activity);
	else if (x < 0.008)
		snprintf(buf, sizeof buf, "%s \xe2\x80\x94 projet \"Grandir en paix\"", w->activity);
	else
		snprintf(buf, sizeof buf, "%s", w->activity);
	field(o, buf);
}

static void put_status(struct out *o, struct rng *m, bool clean, const struct row *w)
{
	const char *s = (o->dialect == FR_EXCEL ? status_fr : status_en)[w->status];
	char buf[32];
	if (!clean && rng_chance(m, 0.03)) {
		size_t i = 0;
		for (; s[i] && i < sizeof buf - 1; i++)
			buf[i] = (char)((unsigned char)s[i] < 0x80 ? s[i] | 0x20 : s[i]);
		buf[i] = '\0';
		s = buf;
	}
	field(o, s);
}

/* The people columns.  Messy sheets have a few blank cells, a few totals
 * left out, a few totals that disagree with their breakdown, and a few
 * rows that give only a total. */
static void put_people(struct out *o, struct rng *m, bool clean, const struct row *w,
                       struct values *v)
{
	clean = clean || o->plain_counts;
	if (!clean && w->status != PLANNED && rng_chance(m, 0.003)) {
		for (int i = 0; i < 4; i++)
			field(o, "");
		v->girls = v->boys = v->women = v->men = MISSING;
		put_count(o, m, true, w->girls + w->boys + w->women + w->men, &v->total);
		return;
	}
	put_count(o, m, clean, w->girls, &v->girls);
	put_count(o, m, clean, w->boys, &v->boys);
	put_count(o, m, clean, w->women, &v->women);
	put_count(o, m, clean, w->men, &v->men);
	int32_t total = 0;
	const int32_t said[] = { v->girls, v->boys, v->women, v->men };
	for (int i = 0; i < 4; i++)
		total += said[i] == MISSING ? 0 : said[i];
	bool parts = v->girls != MISSING || v->boys != MISSING ||
	             v->women != MISSING || v->men != MISSING;
	if (!clean && parts && rng_chance(m, 0.02)) {   /* never a row with no count at all */
		field(o, "");
		v->total = MISSING;
		return;
	}
	if (!clean && rng_chance(m, 0.005))
		total += 1 + (int32_t)rng_below(m, 20);
	put_count(o, m, true, total, &v->total);
}

static void write_row(struct out *o, struct rng *m, bool clean, const struct row *w,
                      struct values *v)
{
	put_orgs(o, m, clean, w);
	put_places(o, m, clean, w);
	put_type(o, m, clean, w);
	put_activity(o, m, w);
	put_status(o, m, clean, w);
	put_date(o, m, clean, w->start);
	if (!clean && rng_chance(m, 0.03))
		field(o, "");
	else
		put_date(o, m, clean, w->end);
	put_month(o, m, clean, w->year, w->month);
	put_people(o, m, clean, w, v);
	end_line(o);
}

static void write_header(struct out *o)
{
	if (o->dialect == HXL) {
		out_text(o, "\xef\xbb\xbf", 3);   /* Excel's "CSV UTF-8" */
		field(o, "Mali \xe2\x80\x94 Sous-cluster Protection de l'Enfant \xe2\x80\x94 "
		         "4W 2024 (illustrative data written by bench/gen)");
		end_line(o);
	}
	const char *const *h = o->dialect == FR_EXCEL ? header_fr : header_en;
	for (int c = 0; c < NCOLS; c++)
		field(o, h[c]);
	end_line(o);
	if (o->dialect == HXL) {
		for (int c = 0; c < NCOLS; c++)
			field(o, header_hxl[c]);
		end_line(o);
	}
}

/* ---- the expected answer ------------------------------------------------- */

struct cell {
	uint64_t rows;
	int64_t girls, boys, women, men, reached;
};

static struct cell expected[NREGIONS][NTYPES];

static int64_t given(int32_t n)
{
	return n == MISSING ? 0 : n;
}

/* DESIGN.md rule 2: the disaggregated sum where any part is given, else the
 * total.  Planned rows reach nobody (their counts are all zero or blank). */
static void expect(const struct row *w, const struct values *v)
{
	struct cell *c = &expected[w->region][w->type];
	bool parts = v->girls != MISSING || v->boys != MISSING ||
	             v->women != MISSING || v->men != MISSING;
	c->rows++;
	c->girls += given(v->girls);
	c->boys += given(v->boys);
	c->women += given(v->women);
	c->men += given(v->men);
	c->reached += parts ? given(v->girls) + given(v->boys) + given(v->women) + given(v->men)
	                    : given(v->total);
}

static const char *dialect_name(enum dialect d)
{
	return d == EN ? "en" : d == FR_EXCEL ? "fr-excel" : "hxl";
}

struct options {
	uint64_t rows, seed;
	enum dialect dialect;
	bool clean, warnings;
	const char *out, *expected;
};

static int write_expected(const char *path, const struct options *op)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "# Expected answer, computed by bench/gen while writing the sheet "
	           "(--rows %llu --dialect %s --seed %llu%s).\n",
	        (unsigned long long)op->rows, dialect_name(op->dialect), (unsigned long long)op->seed,
	        op->clean ? " --clean" : op->warnings ? " --warnings" : "");
	fprintf(f, "# Per canonical old-system region p-code x intervention type code: "
	           "sums of what the rows say; children = girls + boys;\n"
	           "# reached = DESIGN.md rule 2 (girls + boys + women + men, else the total).\n");
	fprintf(f, "# %s\n", op->clean
	        ? "Clean sheet: canonical spellings, so raw-text tools (Miller, sqlite3, pandas) can be checked against it."
	        : "Messy sheet: raw-text tools split 'Segou'/'Ségou' here; compare them on the --clean sheet instead.");
	if (op->warnings)
		fprintf(f, "# --warnings: rows reporting a month of %d (outside the plan year, DESIGN.md rule 11) "
		           "are left out; unknown cercles count at region level.\n", YEAR - 1);
	fprintf(f, "region_pcode,region,type,rows,girls,boys,children,women,men,reached\n");
	for (size_t r = 0; r < NREGIONS; r++)
		for (size_t t = 0; t < NTYPES; t++) {
			const struct cell *c = &expected[r][t];
			if (!c->rows)
				continue;
			fprintf(f, "%s,%s,%s,%llu,%lld,%lld,%lld,%lld,%lld,%lld\n",
			        regions[r].code, regions[r].name, types[t].code,
			        (unsigned long long)c->rows, (long long)c->girls,
			        (long long)c->boys, (long long)(c->girls + c->boys),
			        (long long)c->women, (long long)c->men, (long long)c->reached);
		}
	if (fclose(f) != 0) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* "x.csv" -> "x.expected.csv" in buf. */
static void expected_path_for(const char *sheet, char *buf, size_t size)
{
	size_t n = strlen(sheet);
	if (n > 4 && strcmp(sheet + n - 4, ".csv") == 0)
		n -= 4;
	snprintf(buf, size, "%.*s.expected.csv", (int)n, sheet);
}

/* The file stdout is redirected to, if it is a regular file (Linux). */
static bool stdout_path(char *buf, size_t size)
{
	struct stat st;
	if (fstat(STDOUT_FILENO, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	ssize_t n = readlink("/proc/self/fd/1", buf, size - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return buf[0] == '/';
}

/* ---- command line -------------------------------------------------------- */

static void usage(void)
{
	fputs("usage: gen --rows N [--dialect en|fr-excel|hxl] [--seed S] [--clean | --warnings]\n"
	      "           [-o FILE] [--expected FILE]\n", stderr);
	exit(2);
}

static uint64_t parse_u64(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || end == s || *end || s[0] == '-') {
		fprintf(stderr, "gen: not a whole number: '%s'\n", s);
		exit(2);
	}
	return (uint64_t)v;
}

static struct options parse_args(int argc, char **argv)
{
	struct options op = { .rows = 0, .seed = 0x4d414c4932303234u /* "MALI2024" */,
	                      .dialect = EN };
	bool have_rows = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--clean") == 0 || strcmp(a, "--warnings") == 0) {
			*(a[2] == 'c' ? &op.clean : &op.warnings) = true;
			continue;
		}
		if (!val)
			usage();
		i++;
		if (strcmp(a, "--rows") == 0) {
			op.rows = parse_u64(val);
			have_rows = true;
		} else if (strcmp(a, "--seed") == 0) {
			op.seed = parse_u64(val);
		} else if (strcmp(a, "--dialect") == 0) {
			if (strcmp(val, "en") == 0)
				op.dialect = EN;
			else if (strcmp(val, "fr-excel") == 0)
				op.dialect = FR_EXCEL;
			else if (strcmp(val, "hxl") == 0)
				op.dialect = HXL;
			else
				usage();
		} else if (strcmp(a, "-o") == 0) {
			op.out = val;
		} else if (strcmp(a, "--expected") == 0) {
			op.expected = val;
		} else {
			usage();
		}
	}
	if (!have_rows || (op.clean && op.warnings))
		usage();
	return op;
}

int main(int argc, char **argv)
{
	struct options op = parse_args(argc, argv);
	char expected_path[PATH_MAX + 32] = "";
	if (op.expected)
		snprintf(expected_path, sizeof expected_path, "%s", op.expected);
	else if (op.out)
		expected_path_for(op.out, expected_path, sizeof expected_path);
	else {
		char self[PATH_MAX];
		if (stdout_path(self, sizeof self))
			expected_path_for(self, expected_path, sizeof expected_path);
		else
			fputs("gen: stdout is not a file: no expected answer written "
			      "(use -o FILE or --expected FILE)\n", stderr);
	}

	struct out o = { .f = stdout, .cap = 1 << 20, .dialect = op.dialect,
	                 .delim = op.dialect == FR_EXCEL ? ';' : ',',
	                 .eol = op.dialect == FR_EXCEL ? "\r\n" : "\n",
	                 .cp1252 = op.dialect == FR_EXCEL, .plain_counts = op.warnings };
	if (op.out && !(o.f = fopen(op.out, "wb"))) {
		fprintf(stderr, "gen: %s: %s\n", op.out, strerror(errno));
		return 1;
	}
	if (!(o.buf = malloc(o.cap))) {
		perror("gen");
		return 1;
	}

	tables_init();
	struct rng rows = { op.seed }, mess = { op.seed ^ 0x6d657373u /* "mess" */ },
	           warn = { op.seed ^ 0x7761726eu /* "warn" */ };
	write_header(&o);
	for (uint64_t i = 0; i < op.rows; i++) {
		struct row w;
		struct values v;
		draw_row(&rows, &w);
		bool in_plan = !op.warnings || add_warnings(&warn, &w);
		write_row(&o, &mess, op.clean, &w, &v);
		if (in_plan)
			expect(&w, &v);
	}
	out_flush(&o);
	free(o.buf);
	if (fflush(o.f) != 0 || (op.out && fclose(o.f) != 0)) {
		perror("gen: write");
		return 1;
	}
	if (expected_path[0] && write_expected(expected_path, &op) != 0)
		return 1;
	return 0;
}
