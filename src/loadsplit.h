/* loadsplit: a large sheet parsed in parts at once, shared out to the
 * cores — internal to the loading modules, like loader.h.
 *
 * load.c surveys a sheet and asks here how many parts it is read in; the
 * parts are read by loaders of their own (loader.h) and joined into the
 * sheet's table, so that the table is the one a single pass gives.  The
 * loader knows nothing of parts: it is told, through its on_header hook,
 * only that someone wants its header once it is settled. */
#ifndef FOURW_LOADSPLIT_H
#define FOURW_LOADSPLIT_H

#include <csv.h>
#include <stddef.h>

#include "loader.h"
#include "sheetio.h"

#define SPLIT_PARTS_MAX 64

/* How many parts a sheet of this many bytes is read in (1: in one). */
size_t split_parts(size_t bytes);

/* Where the survey cut the sheet, and what it found in each piece. */
struct sheet_cuts {
	size_t n;                  /* pieces, 1 to SPLIT_PARTS_MAX */
	size_t at[SPLIT_PARTS_MAX];         /* at[0]: where the sheet's text starts */
	struct survey piece[SPLIT_PARTS_MAX];  /* of [at[k], at[k + 1]), the last to the end */
};

/* Reads the sheet's bytes from start to its end with ld and p, in parts
 * at once where a row boundary follows each cut; on return ld and p are as
 * after a single pass over the whole sheet, only loader_finish is left.
 * *err: errno of a failed read, else 0. */
void split_read(struct loader *ld, struct csv_parser *p, const struct sheet_bytes *b,
                enum sheetio_decode d, size_t start, const struct sheet_cuts *cuts, int *err);

/* ---- for the tests and the fuzzer ---- */

/* Sheets of at least this many bytes are surveyed and parsed in parts, at
 * once on the cores there are (default 4 MiB: two parts, then one per
 * 8 MiB); tests set 0 to read even tiny sheets in parts. */
void split_set_min_bytes(size_t bytes);
/* A sheet read in parts is cut into this many (0: as many as its size
 * gives). */
void split_set_parts(size_t parts);
/* What reading in parts did so far (every path is taken). */
struct split_counts {
	size_t taken;              /* rounds that kept every part */
	size_t dropped;            /* rounds that dropped parts as unsound */
	size_t taken_over;         /* of those, rounds that kept some parts first */
	size_t rounds;             /* rounds after a sheet's first */
};
struct split_counts split_counts_so_far(void);

#endif
