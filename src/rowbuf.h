/* rowbuf: one record being turned into a row — what row.c and
 * row_place.c share: the record's cells by field, the sheet's own header
 * for each, and the row's problems (a rejection joins every problem of
 * the row; warnings wait until the row is known to be accepted).  Private
 * to the row modules. */
#ifndef FOURW_ROWBUF_H
#define FOURW_ROWBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "row.h"

/* Warnings are held until the row is known to be accepted: a rejected row
 * gets its reasons, not a pile of side remarks. */
#define MAX_PENDING 8
struct pending_warning {
	enum diag_code code;
	uint32_t col;
	const char *kept;         /* the words, kept elsewhere (rowbuf_warn_kept); else msg */
	uint32_t *said;           /* with kept: their id in the table's messages once said
	                           * (DIAG_WORDS_UNSAID before), kept beside them */
	char msg[320];
};

struct pending {
	size_t n;
	struct pending_warning w[MAX_PENDING];
};

struct rowbuf {
	struct row_context *ctx;
	const struct source *src;
	uint32_t line;
	const char *const *cells;
	const size_t *lens;       /* each cell's length */
	size_t ncells;
	struct pending *held;     /* warnings, said once the row is accepted (row_convert's:
	                             2.6 kB a row would cost more to zero than to read) */
	struct activity a;
	struct row_counts people;     /* stored in a when the row is accepted */
	int32_t total;            /* the sheet's total column (rule 2 checks it), or COUNT_MISSING */
	int32_t targeted;         /* read so a bad value is reported; not stored */
	bool year_taken;          /* a date was a month name alone, given the plan's year */
	bool rejected;            /* a problem was found: the next is added to its message */
};

static inline const char *cell(const struct rowbuf *r, enum field f)
{
	int col = r->src->map.col[f];
	return col >= 0 && (size_t)col < r->ncells ? r->cells[col] : "";
}

static inline size_t cell_len(const struct rowbuf *r, enum field f)
{
	int col = r->src->map.col[f];
	return col >= 0 && (size_t)col < r->ncells ? r->lens[col] : 0;
}

static inline uint32_t col_of(const struct rowbuf *r, enum field f)
{
	return (uint32_t)(r->src->map.col[f] + 1);   /* -1 → 0: the row as a whole */
}

/* The sheet's own header for a field, so messages speak the partner's words. */
static inline const char *head(const struct rowbuf *r, enum field f)
{
	const char *h = r->src->map.header[f];
	return h && *h ? h : field_key(f);
}

/* A problem that rejects the row, at col (0: the row); later ones join its message. */
__attribute__((format(printf, 4, 5)))
enum row_outcome rowbuf_reject_at(struct rowbuf *r, enum diag_code code, uint32_t col,
                                  const char *fmt, ...);
#define reject(r, code, f, ...) \
	rowbuf_reject_at(r, code, (f) < F_COUNT ? col_of(r, f) : 0, __VA_ARGS__)

/* A remark on a row that counts, said once the row is accepted. */
__attribute__((format(printf, 4, 5)))
void rowbuf_warn(struct rowbuf *r, enum diag_code code, enum field f, const char *fmt, ...);
#define warn rowbuf_warn

/* A remark already worded, in memory that outlives the row (the memo's):
 * a message met on many rows is formatted once, not on each, and looked up
 * among the table's messages once (*said, which starts DIAG_WORDS_UNSAID;
 * the memo and the table's messages live as long as the loader). */
#define DIAG_WORDS_UNSAID UINT32_MAX
void rowbuf_warn_kept(struct rowbuf *r, enum diag_code code, enum field f, const char *words,
                      uint32_t *said);

/* The held warnings, into the table's messages. */
void rowbuf_flush_warnings(struct rowbuf *r);

/* The memo's answer to question `tag` about the cells of fields fa and fb
 * (F_COUNT: none), and its keeping. */
static inline bool memo_get(const struct rowbuf *r, int tag, enum field fa, enum field fb,
                            int64_t *v)
{
	return textmemo_get(&r->ctx->memo, tag, cell(r, fa), cell_len(r, fa),
	                    fb < F_COUNT ? cell(r, fb) : NULL, fb < F_COUNT ? cell_len(r, fb) : 0, v);
}
static inline void memo_put(struct rowbuf *r, int tag, enum field fa, enum field fb, int64_t v)
{
	textmemo_put(&r->ctx->memo, tag, cell(r, fa), cell_len(r, fa),
	             fb < F_COUNT ? cell(r, fb) : NULL, fb < F_COUNT ? cell_len(r, fb) : 0, v);
}

/* Questions asked of the memo; the region's carries the sheet's system,
 * since ML09 means two places. */
enum { MEMO_CERCLE = 1, MEMO_TYPE, MEMO_STATUS, MEMO_DATE, MEMO_REGION /* + system */ };
#define REGION_DEFERRED (-2)

/* The row's region and cercle (row_place.c): rejected when no place can be
 * read, ROW_DEFERRED when the region waits for the sheet's p-code system. */
enum row_outcome row_resolve_place(struct rowbuf *r);

#endif
