/* orgnames: the same organisation spelled two ways.
 *
 * "Save the Children", "SAVE THE CHILDREN" and "Save the Children " are one
 * partner to the room but three to a computer; counting partners needs them
 * to agree.  After loading, every organisation and implementing-partner
 * name is compared with the others, folded (case, accents, spaces and
 * punctuation ignored) and, for long names, within two letters; each pair
 * found becomes a NOTE naming both spellings and where each occurs. */
#ifndef FOURW_ORGNAMES_H
#define FOURW_ORGNAMES_H

#include "table.h"

void orgnames_check(struct table *t);

#endif
