/* config_share: the [share] section of config.ini — private to config.c,
 * like config_ini.h.  Fills L->c->share; on an error names the file, the
 * line and the key, and returns false. */
#ifndef FOURW_CONFIG_SHARE_H
#define FOURW_CONFIG_SHARE_H

#include <stdbool.h>

#include "config_ini.h"

bool config_share_load(struct ini_file *L);

#endif
