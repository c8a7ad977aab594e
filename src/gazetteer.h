/* gazetteer: Mali's regions and cercles as config.ini names them — their
 * p-codes in the two admin1 systems, their spelling variants — and the
 * one place where a written name or code is resolved to one of them.
 *
 * Names are matched folded (accents, case and punctuation ignored) against
 * a place's name and its variants; codes upper-cased and trimmed.  A region
 * may be given by p-code, by name, or both.  ML09 is the trap of domain.md
 * §4.3: Bamako in the old system, Taoudénit in the new one; a name given
 * beside the code decides, otherwise the sheet's detected system does.
 *
 * The regions and cercles live in struct config (config.h), filled by
 * config_places.c from config.ini; every function here reads them. */
#ifndef FOURW_GAZETTEER_H
#define FOURW_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct config;

/* How far (edits, on folded text) a name may be from its p-code's place
 * and still be taken for it, with a warning. */
#define NEAR_NAME_DISTANCE 2

/* The two p-code systems of Mali's admin1 (domain.md §4). */
enum pcode_system { SYS_OLD = 1, SYS_NEW = 2 };

struct pcode {
	char code[8];             /* "ML04" */
	uint8_t system;           /* SYS_OLD, SYS_NEW or both (bits) */
};

struct region {
	const char *name;         /* display name, French spelling: "Ségou" */
	const char *folded;       /* text_fold(name) */
	struct pcode codes[4];    /* codes[0] is the display code */
	int ncodes;
	uint8_t systems;          /* systems the region exists in (bits) */
	const char **variants;    /* folded spelling variants ("timbuktu") */
	size_t nvariants;
	int64_t in_need;          /* from the regional figures file, or CONFIG_UNKNOWN */
	int64_t targeted;         /* idem */
	bool in_plan;             /* the regional figures file names it (rule 12) */
	int plan;                 /* the plan region its rows count under: itself, or the
	                             plan region it lies in (Nioro -> Kayes); see
	                             gazetteer_link_plan */
	int part_of;              /* a new-system region carved from part of one old
	                             region with no whole cercle (Taoudénit in
	                             Tombouctou): that old region; else -1 */
};

/* A commune (admin3) the gazetteer knows, inside its cercle: partners write
 * Bamako's "Commune IV" where a cercle is expected, so a commune's name or
 * p-code written as a cercle resolves to the cercle that holds it. */
struct commune {
	const char *name;         /* "Commune IV" */
	const char *folded;
	char code[12];            /* admin3 p-code "ML090104" */
	const char **variants;    /* folded */
	size_t nvariants;
};

struct cercle {
	const char *name;         /* "Gourma-Rharous" */
	const char *folded;
	char code[8];             /* old-system admin2 p-code "ML0603" */
	int region_old;           /* index of its old-system region */
	int region_new;           /* index of the new-system region it went to, or -1 */
	const char **variants;    /* folded */
	size_t nvariants;
	struct commune *communes; /* the communes listed under it, if any */
	size_t ncommunes;
};

/* ---- resolving what a sheet or a command line wrote ---- */

enum place_status {
	PLACE_OK,
	/* accepted, with a remark the caller reports: */
	PLACE_NEAR_NAME,         /* a valid p-code beside a misspelling of its own
	                            place's name ("Koulikouro" beside ML02) */
	PLACE_NAME_OVER_CODE,    /* cercle code and name name two cercles, the
	                            name's in the row's region: the name decides */
	/* not resolved: */
	PLACE_UNKNOWN_CODE,      /* the p-code is not in the gazetteer */
	PLACE_UNKNOWN_NAME,      /* the name matches nothing */
	PLACE_CONFLICT,          /* code and name name two different places */
	PLACE_MISSING,           /* neither code nor name given */
};

/* True for the statuses that resolve the place (PLACE_OK and the two
 * accepted with a remark). */
bool gazetteer_resolved(enum place_status st);

/* Resolves a region.  code and name may be NULL or empty.  system is
 * SYS_OLD, SYS_NEW or 0 (not known yet) and only decides a code shared by
 * both systems with different meanings (ML09) when no name is given.
 * A known code beside an unknown name within NEAR_NAME_DISTANCE edits of
 * one of the code's region's spellings (one edit for a name under six
 * letters, none under three) is PLACE_NEAR_NAME.
 * When resolved, *region is an index into c->regions. */
enum place_status gazetteer_resolve_region(const struct config *c, const char *code,
                                           const char *name, int system, int *region);

/* Resolves a cercle by code and/or name, as gazetteer_resolve_region does;
 * a commune's name or p-code resolves to the cercle that holds it.  Where
 * code and name name two cercles, the name decides (PLACE_NAME_OVER_CODE)
 * if its cercle lies in `region` (-1: the region of the code's cercle), so a
 * sheet numbered another way (domain.md §4.2: ML0101 is Kayes in the 2015
 * OCHA set) is counted in the cercle it names. */
enum place_status gazetteer_resolve_cercle_in(const struct config *c, const char *code,
                                              const char *name, int region, int *cercle);
/* The same, the region being that of the code's cercle. */
enum place_status gazetteer_resolve_cercle(const struct config *c, const char *code,
                                           const char *name, int *cercle);

/* The cercle whose own p-code, or one of whose communes' p-code, is `code`
 * (written as a sheet writes it: any case, spaces around), or -1. */
int gazetteer_cercle_by_code(const struct config *c, const char *code);

/* The cercle holding the commune a sheet wrote (its name, a variant or its
 * p-code), or -1: only the communes config.ini lists are known. */
int gazetteer_commune_cercle(const struct config *c, const char *written);

/* True if cercle lies in region, in either system. */
int gazetteer_cercle_in_region(const struct config *c, int cercle, int region);

/* The system a region code/name pins down: SYS_NEW for ML11–ML19, ML00,
 * ML20 or a new-only name (Taoudénit, Nioro…), SYS_OLD for a name that only
 * the old system has, 0 when it says nothing (Kayes, Gao…).  Used to
 * detect a sheet's system from its rows. */
int gazetteer_system_hint(const struct config *c, const char *code, const char *name);

/* True if the folded text occurs in region r's folded name, one of its
 * spelling variants or its display p-code ("segou", "timbuktu", "ml04"):
 * what type-to-filter matches a region by, on the screen and in the core. */
bool gazetteer_region_mentions(const struct config *c, int r, const char *folded);

/* Writes the closest known region names to `name` as
 * "Ségou (ML04)" or "Ségou (ML04) or Sikasso (ML03)" into buf; returns the
 * number of suggestions (0: nothing close; buf is then ""). */
int gazetteer_suggest_region(const struct config *c, const char *name, char *buf, size_t size);
int gazetteer_suggest_cercle(const struct config *c, const char *name, char *buf, size_t size);
/* " — did you mean Ségou (ML04)?" for names written by a suggest above,
 * in buf (size bytes); "" when names is empty. */
const char *gazetteer_did_you_mean(const char *names, char *buf, size_t size);

/* ---- the plan's geography (DESIGN.md rule 12) ---- */

/* Sets the plan's system (config.plan_system) and each region's plan
 * region, once the regional figures are read.  The plan's regions are those
 * its figures name; a region of the other system counts under the plan
 * region that holds all of it — every old cercle carved into it (or the old
 * region it was carved from in part) lies in that one region.  A region
 * no plan region holds whole (an old region the reform split, when the
 * plan is by the new regions) stays itself: it has no target.  Without a
 * regional figures file every region stands for itself. */
void gazetteer_link_plan(struct config *c);

/* The plan region a row written in `region` (and `cercle`, or -1) counts
 * under: the cercle's region in the plan's system where that is a plan
 * region (a cercle pins the place down better than a region split by the
 * reform), else the written region's plan region. */
int gazetteer_plan_region(const struct config *c, int region, int cercle);

/* What a written name means, for a message that sets it beside what the
 * code written with it means: "is ML01" (a region), "is ML0103, in Kayes"
 * (a cercle), or "is no cercle's name — did you mean Bafoulabé (ML0101)?".
 * The suggestions never name `skip` (-1: none), the code's own place, which
 * the message already names. */
void gazetteer_region_name_meaning(const struct config *c, const char *name, int skip,
                                   char *buf, size_t size);
void gazetteer_cercle_name_meaning(const struct config *c, const char *name, int skip,
                                   char *buf, size_t size);

/* ---- a sheet's cercle numbering ---- */

/* Of a sheet's rows that write a cercle p-code beside a cercle name the
 * gazetteer knows, those whose code means another place (or none): a sheet
 * numbered as another p-code set does (the 2015 OCHA set has ML0101 =
 * Kayes, domain.md §4.2) is said once, with its first few code/name
 * pairs, rather than only row by row. */
#define NUMBERING_EXAMPLES 3
struct cercle_numbering {
	size_t coded;             /* rows with a cercle p-code and a known name */
	size_t other;             /* of them, the code means another place or none */
	struct {
		char code[16];        /* as normalised: "ML0101" */
		int named;            /* the cercle the name means */
	} example[NUMBERING_EXAMPLES];
	int nexamples;
	bool more;                /* pairs other than the examples were seen */
};

/* Counts a row's cercle as resolved: st and cercle as
 * gazetteer_resolve_cercle_in gave them for this code and name. */
void gazetteer_numbering_count(const struct config *c, struct cercle_numbering *n,
                               const char *code, const char *name, enum place_status st,
                               int cercle);
/* Adds the counts of a later part of the same sheet. */
void gazetteer_numbering_merge(struct cercle_numbering *to, const struct cercle_numbering *from);
/* The once-per-sheet note, when most of the rows counted (and at least
 * NUMBERING_MIN_ROWS) give a code of another place: "its cercle p-codes
 * follow another numbering (…: ML0101 written for Kayes, …); …".  Returns
 * false (and writes nothing) otherwise. */
#define NUMBERING_MIN_ROWS 3
bool gazetteer_numbering_note(const struct config *c, const struct cercle_numbering *n,
                              char *buf, size_t size);

/* ---- lookups by exact folded spelling or code, for building it ---- */

/* The region whose own name folds to `folded` (variants not counted), or -1. */
int gazetteer_region_named(const struct config *c, const char *folded);
/* The first region other than `skip` (-1: none skipped) whose name or a
 * variant folds to `folded`, or -1: two regions answering to one spelling
 * would make names ambiguous. */
int gazetteer_region_answering(const struct config *c, const char *folded, int skip);
/* The first region that uses `code` in one of `systems` (bits), or -1. */
int gazetteer_region_coded(const struct config *c, const char *code, int systems);
/* The same as gazetteer_region_answering, for cercles; a cercle answers
 * to its communes' spellings too. */
int gazetteer_cercle_answering(const struct config *c, const char *folded, int skip);
/* The cercle with this (upper-case) p-code, or -1. */
int gazetteer_cercle_coded(const struct config *c, const char *code);

#endif
