/* itype: resolving an intervention type from what a partner wrote.
 *
 * Tried in order: the code ("GC"), the English or French label, then the
 * keywords of each type as whole words in the folded text ("Gestion de cas
 * individuelle" → GC).  Labels and keywords compare by their stems
 * (text_stem), so plural and feminine forms match.  A context keyword
 * counts only beside a second keyword of its type.  When several types'
 * keywords match, the one whose matching keyword is longest wins (more
 * specific). */
#ifndef FOURW_ITYPE_H
#define FOURW_ITYPE_H

#include "config.h"

/* Index into c->types, or -1 when nothing matches. */
int itype_resolve(const struct config *c, const char *text);

#endif
