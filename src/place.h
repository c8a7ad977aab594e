/* place: resolving the places written in a sheet against the gazetteer.
 *
 * A region may be given by p-code, by name, or both.  Names are matched
 * folded (accents and case ignored) against the name and its variants.
 * ML09 is the trap of domain.md §4.3: Bamako in the old system, Taoudénit
 * in the new one; a name given beside the code decides, otherwise the
 * sheet's detected system does. */
#ifndef FOURW_PLACE_H
#define FOURW_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

enum place_status {
	PLACE_OK,
	PLACE_UNKNOWN_CODE,      /* the p-code is not in the gazetteer */
	PLACE_UNKNOWN_NAME,      /* the name matches nothing */
	PLACE_CONFLICT,          /* code and name name two different places */
	PLACE_MISSING,           /* neither code nor name given */
};

/* Resolves a region.  code and name may be NULL or empty.  system is
 * SYS_OLD, SYS_NEW or 0 (not known yet) and only decides a code shared by
 * both systems with different meanings (ML09) when no name is given.
 * On PLACE_OK *region is an index into c->regions. */
enum place_status place_region(const struct config *c, const char *code,
                               const char *name, int system, int *region);

/* Resolves a cercle by code and/or name, as place_region does. */
enum place_status place_cercle(const struct config *c, const char *code,
                               const char *name, int *cercle);

/* True if cercle lies in region, in either system. */
int place_cercle_in_region(const struct config *c, int cercle, int region);

/* The system a region code/name pins down: SYS_NEW for ML11–ML19, ML00,
 * ML20 or a new-only name (Taoudénit, Nioro…), SYS_OLD for a name that only
 * the old system has, 0 when it says nothing (Kayes, Gao…).  Used to
 * detect a sheet's system from its rows. */
int place_system_hint(const struct config *c, const char *code, const char *name);

/* True if the folded text occurs in region r's folded name, one of its
 * spelling variants or its display p-code ("segou", "timbuktu", "ml04"):
 * what type-to-filter matches a region by, on the screen and in the core. */
bool place_region_mentions(const struct config *c, int r, const char *folded);

/* Writes the closest known region names to `name` as
 * "Ségou (ML04)" or "Ségou (ML04) or Sikasso (ML03)" into buf; returns the
 * number of suggestions (0: nothing close; buf is then ""). */
int place_suggest_region(const struct config *c, const char *name, char *buf, size_t size);
int place_suggest_cercle(const struct config *c, const char *name, char *buf, size_t size);

#endif
