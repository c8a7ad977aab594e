/* loader: reading the records of one sheet (or of one part of it) into
 * activity rows — internal to the loading modules (load.c, loader.c,
 * loadsplit.c); the rest of the program uses load.h.
 *
 * The loader is fed runs of whole lines (sheetio.h).  Simple lines are
 * split by csvline.h, the others by libcsv; each record starts on a known
 * physical line; the first records are searched for the header; every data
 * record becomes an accepted row or a rejection (row.h). */
#ifndef FOURW_LOADER_H
#define FOURW_LOADER_H

#include <csv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "record.h"
#include "row.h"
#include "sheetio.h"
#include "table.h"

/* HXL allows up to 24 header rows before the hashtag row; the header is
 * looked for in this many records. */
#define HEADER_SCAN 26

/* Rows of one sheet (or of one part of it) by outcome; blank lines are not rows. */
struct counts {
	size_t read, accepted, rejected;
};


/* One parse of a sheet, or of one part of it (loadsplit.h): each has its
 * own parser, records and answers. */
struct loader {
	struct table *t;           /* where rows, messages and strings go */
	struct source *src;        /* the sheet; only the first part writes to it */
	const struct config *c;
	struct row_context ctx;
	struct counts counts;
	/* Called once, when the header is settled, then cleared: how a sheet
	 * read in parts hands its header to the other parts (loadsplit.h). */
	void (*on_header)(struct loader *ld, void *arg);
	void *on_header_arg;
	size_t width;              /* cells in the header row */
	uint32_t line;             /* physical line being fed to the parser */
	uint32_t pending_start;    /* line where the next record would start */
	struct record rec;
	bool header_found;
	bool missing_required;     /* the sheet lacks a required column: every row rejected */
	const char *missing_what;
	struct saved head[HEADER_SCAN];
	size_t nhead;
	struct saved_list deferred; /* rows waiting for the sheet's p-code system */
	bool awaiting_system;      /* a part after the first: keep rows until one shows the system */
	struct saved_list waiting; /* those rows, read again when the parts are joined */
	const char **cells;        /* scratch array of cell pointers */
	size_t *lens;              /* and of their lengths */
	size_t cells_cap;
};

void loader_start(struct loader *ld, struct table *out, struct source *s, uint32_t source,
                  const struct config *c, struct csv_parser *p);
void loader_end(struct loader *ld, struct csv_parser *p);
/* Feeds bytes [from, to) of the sheet; false if they could not all be read
 * (*err: errno of a failed read, else 0). */
bool loader_feed(struct loader *ld, struct csv_parser *p, const struct sheet_bytes *b,
                 enum sheetio_decode d, size_t from, size_t to, int *err);
/* At the end of the sheet: the last record, or the quote never closed. */
void loader_finish(struct loader *ld, struct csv_parser *p);
/* Rows whose region waited for the sheet's p-code system, read now. */
void loader_resolve_deferred(struct loader *ld);
void loader_data_row(struct loader *ld, uint32_t line, char *bytes, const size_t *offs,
                     size_t n, const struct overflow *of);
/* libcsv is between records (nothing of the next one read yet). */
bool loader_between_records(const struct csv_parser *p);

#endif
