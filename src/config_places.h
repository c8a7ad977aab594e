/* config_places: the gazetteer's part of config.ini and the regional
 * figures file — private to config.c, like config_ini.h.
 *
 * Each function reads its part into L->c and, on the first error, fills
 * L->e naming the file, the line and the key, and returns false. */
#ifndef FOURW_CONFIG_PLACES_H
#define FOURW_CONFIG_PLACES_H

#include <stdbool.h>
#include <stdint.h>

#include "config_ini.h"

/* One "MLnn = Name | variants | old cercle p-codes" line of [regions.old]
 * (sys SYS_OLD) or [regions.new] (SYS_NEW): a region is added, or one of
 * the same name gets the code and the variants.  Its carved cercles are
 * read by places_load_cercles, once the cercles are known. */
bool places_load_region_entry(struct ini_file *L, const struct ini_entry *en, uint8_t sys);
/* [cercles], then the cercles [regions.new] says were carved into each
 * new region; the regions must be loaded. */
bool places_load_cercles(struct ini_file *L);
/* The regional figures file, if [plan] names one: in_need and targeted of
 * each region it lists. */
bool places_load_figures(struct ini_file *L);

#endif
