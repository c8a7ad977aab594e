/* config: the plan a response is measured against, read from config.ini.
 *
 * config.ini is the one place for what varies by response: the plan's
 * figures, the gazetteer (regions and cercles with p-codes and spelling
 * variants: gazetteer.h), the intervention types, the column aliases that
 * map a sheet's headers onto fields, and the gap thresholds.  See README.md
 * for the reference of every key.
 *
 * Every string in a loaded config is owned by config.arena and lives until
 * config_free().  Indices (region, cercle, type) are stable for the life of
 * the config and are what the activity table stores. */
#ifndef FOURW_CONFIG_H
#define FOURW_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "gazetteer.h"
#include "i18n.h"

#define CONFIG_UNKNOWN (-1)      /* a figure the config does not give */
/* A filter picks regions and types as bits of one 64-bit word (filter.h):
 * config_load refuses a config with more. */
#define CONFIG_MAX_REGIONS 64
#define CONFIG_MAX_TYPES 64

struct itype {
	char code[8];             /* "GC" */
	const char *label_en;     /* "Case management" */
	const char *label_fr;     /* "Gestion de cas" */
	const char *label_en_folded;  /* text_fold(label_en), matched as the whole text */
	const char *label_fr_folded;  /* text_fold(label_fr) */
	const char **keywords;    /* folded, as written in config.ini */
	size_t nkeywords;
	/* What matching compares (src/itype.c): the stems (text_stem) of the
	 * labels and keywords, and of the context keywords, which count only
	 * beside a second keyword of the same type ("reintegration" alone may
	 * be an adult's income-generating activity). */
	const char *label_en_stem, *label_fr_stem;
	const char **keyword_stems;   /* one per keyword, same order */
	const char **context_stems;
	size_t ncontext;
	int64_t targeted;         /* per-type target, or CONFIG_UNKNOWN */
	bool essential;           /* listed in [gaps] essential_types */
};

/* The type's label in the reader's language: [types]' French label when
 * French is chosen and config gives one (the CSV report keeps label_en). */
static inline const char *itype_label(const struct itype *t)
{
	return i18n_french() && t->label_fr ? t->label_fr : t->label_en;
}

/* The fields a 4W sheet can carry.  Order is the order `check` lists them. */
enum field {
	F_ORG, F_PARTNER, F_REGION, F_REGION_CODE, F_CERCLE, F_CERCLE_CODE,
	F_COMMUNE, F_ITYPE, F_ACTIVITY, F_STATUS, F_START, F_END, F_PERIOD,
	F_GIRLS, F_BOYS, F_WOMEN, F_MEN, F_OLDER_WOMEN, F_OLDER_MEN,
	F_TOTAL, F_TARGETED,
	F_COUNT
};

/* Stable key used in config.ini ("org", "region_code", "older_women"…). */
const char *field_key(enum field f);

struct field_aliases {
	const char **aliases;     /* folded header texts, matched as whole header or whole words */
	size_t naliases;
	const char **hxl;         /* folded HXL tag patterns: "#org+impl" */
	size_t nhxl;
};

enum reporting_mode { MODE_MONTHLY, MODE_CUMULATIVE };

/* Rule 10: a row identical in every field to an earlier row of its sheet
 * is flagged either way; it counts again (COUNT, the default: the IMO
 * decides) or not (ONCE). */
enum repeated_rows { REPEATED_COUNT, REPEATED_ONCE };

/* Rule 9: the same report in two sheets counts once, from the newer sheet
 * (LATEST, the default), or as often as it was sent (SUM). */
enum resent_rule { RESENT_LATEST, RESENT_SUM };

struct thresholds {
	double critical_pct;      /* coverage of target below this: critical (25) */
	double high_pct;          /* below this: high (50) */
	double medium_pct;        /* below this: medium (75) */
	int concentration_partners;   /* this many partners or more on one type in one cercle (3) */
	int stale_days;           /* latest report older than this before the report date (45) */
};

/* [share]: what leaves the room.  Exports go to folder (relative to the
 * current folder), in French-Excel form when excel_fr (UTF-8 BOM, ';',
 * decimal comma); counts below mask_below are masked in exports marked for
 * sharing (mask.h), in the presentation, and on the whole screen with
 * mask_on_screen. */
struct share_options {
	const char *folder;       /* default "exports" */
	bool excel_fr;            /* default false */
	int mask_below;           /* default 5 */
	bool mask_on_screen;      /* default false: the IMO's screen keeps exact figures */
};

struct config {
	const char *path;         /* the file read */
	const char *plan_name;
	int plan_year;
	int64_t in_need, targeted;
	int64_t funding_requested, funding_received;
	enum reporting_mode mode;
	enum repeated_rows repeated_rows;   /* [plan] repeated_rows: count (default) or once */
	enum resent_rule resent;  /* [plan] resent: latest (default) or sum */
	int report_month;         /* month_index(), or -1: the latest reporting month found */
	const char *regional_figures_path;   /* resolved relative to config.ini's folder; NULL if none */
	bool has_regional_figures;
	uint8_t plan_system;      /* SYS_OLD or SYS_NEW: the p-code system of the regions the
	                             regional figures name (rule 12); 0 without them */

	struct region *regions;  size_t nregions;
	struct cercle *cercles;  size_t ncercles;
	struct itype  *types;    size_t ntypes;
	int other_type;           /* index of AUTRE: where unknown types go */

	struct field_aliases fields[F_COUNT];
	const char *worksheet;    /* [columns] worksheet: the one read in a workbook, NULL:
	                             the first whose header the aliases recognise */
	struct thresholds th;

	const char *ui_theme;     /* [ui] theme: "dark" (default), "light" or "mono" */
	bool ui_color;            /* [ui] color: false forces monochrome (default true) */
	const char *ui_language;  /* [ui] language: "fr", "en", or NULL (the locale's) */

	struct share_options share;   /* [share]: exports and children's data protection */

	const char **sheets;      /* default sheets/folders, resolved relative to config.ini */
	size_t nsheets;

	struct arena arena;
};

/* Loads config.ini and the regional figures file it names.  On failure
 * returns false and e->msg reads "config.ini:42: [plan] in_need: expected a
 * whole number, got 'abc'" (file, line, section and key always named);
 * *c is then left empty (config_free is still safe). */
bool config_load(struct config *c, const char *path, struct error *e);
void config_free(struct config *c);

/* Index of the type with this code ("GC"), or -1. */
int config_type_by_code(const struct config *c, const char *code);

#endif
