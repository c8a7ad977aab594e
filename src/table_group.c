/* table_group: the table's rows put in region order, in place.
 *
 * The rows are moved within their own array, never into a new one.  A new
 * array of a million rows is 48 MB of pages written for the first time:
 * under a hypervisor each 4 kB page costs 5-15 µs on its first write, more
 * than the copy (about 0.1 s of CPU at 1M rows), and 2 MB pages, cheap to
 * write, would be held half empty ahead of every region's write position
 * (20-30 MB more at the peak).  The array itself already lives in large
 * pages (bigmem.h) and is written again in place.
 *
 * Stable, in three steps:
 *  1. pack: each piece of the table (one per core, starting on a block
 *     boundary) is read in order; a row waits in its region's stage (one
 *     block of BLOCK_ROWS rows per region), and a full stage is written
 *     back as a whole block into the piece's rows already read, which is
 *     always room enough (rows read = blocks written + rows waiting);
 *  2. place: the whole blocks are permuted into region order (region by
 *     region, piece by piece, in the order they were written), each block
 *     moved once, along chains that start at a free block and cycles;
 *  3. spread: from the last region to the first, each region's blocks move
 *     up to their final place and its waiting rows follow them.
 * Within a region, rows keep their file order: a piece's blocks in order,
 * then its waiting rows (its last), then the next piece's. */
#include "table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "workers.h"
#include "xalloc.h"

/* The sort key: region, with -1 (none) after every region. */
static uint8_t region_key(const struct activity *a)
{
	return (uint8_t)a->region;
}

bool table_grouped_by_region(const struct table *t)
{
	for (size_t i = 1; i < t->len; i++)
		if (region_key(&t->rows[i - 1]) > region_key(&t->rows[i]))
			return false;
	return true;
}

size_t table_region_end(const struct table *t, size_t from, size_t region)
{
	size_t lo = from, hi = t->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (region_key(&t->rows[mid]) <= region)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* 24 kB a block: a stage per region stays in the cache while it fills,
 * and a block is moved in one copy. */
#define BLOCK_ROWS ((size_t)512)
#define BLOCK_BYTES (BLOCK_ROWS * sizeof(struct activity))
#define GROUP_PIECE_ROWS ((size_t)1 << 17)
#define REGION_KEYS ((size_t)UINT8_MAX + 1)
#define NO_BLOCK UINT32_MAX

struct piece {
	size_t from, to;                       /* rows [from, to); from is a block's start */
	size_t blocks;                         /* whole blocks written back, from `from` on */
	uint8_t *block_key;                    /* [blocks]: each one's region key */
	struct activity *stage[REGION_KEYS];   /* a region's rows waiting, BLOCK_ROWS room */
	size_t waiting[REGION_KEYS];
	size_t nblocks[REGION_KEYS];           /* whole blocks of each region */
	size_t first[REGION_KEYS];             /* step 2: the slot of its region's first block */
};

struct grouping {
	struct activity *rows;
	size_t len, npieces;
	struct piece *pieces;
};

static void pack_piece(void *arg, size_t p)
{
	struct grouping *g = arg;
	struct piece *pc = &g->pieces[p];
	struct activity *rows = g->rows;
	pc->block_key = xmalloc((pc->to - pc->from) / BLOCK_ROWS + 1);
	for (size_t i = pc->from; i < pc->to; i++) {
		uint8_t k = region_key(&rows[i]);
		if (!pc->stage[k])
			pc->stage[k] = xmalloc(BLOCK_BYTES);
		pc->stage[k][pc->waiting[k]++] = rows[i];
		if (pc->waiting[k] < BLOCK_ROWS)
			continue;
		memcpy(&rows[pc->from + pc->blocks * BLOCK_ROWS], pc->stage[k], BLOCK_BYTES);
		pc->block_key[pc->blocks++] = k;
		pc->nblocks[k]++;
		pc->waiting[k] = 0;
	}
}

static void move_block(struct activity *rows, size_t to, size_t from)
{
	memcpy(&rows[to * BLOCK_ROWS], &rows[from * BLOCK_ROWS], BLOCK_BYTES);
}

/* Step 2.  Slots are the array's blocks; `target[s]`: where the block in
 * slot s goes (NO_BLOCK: the slot holds none), `holder[t]`: the slot
 * holding the block that goes to t.  The whole blocks end in the first
 * slots, region by region, piece by piece. */
struct placing {
	struct activity *rows;
	uint32_t *target, *holder;
	size_t blocks;                 /* whole blocks: they go to slots [0, blocks) */
};

static void number_blocks(struct grouping *g, struct placing *pl)
{
	size_t slots = g->len / BLOCK_ROWS + 1;
	pl->target = xmalloc(slots * sizeof *pl->target);
	for (size_t s = 0; s < slots; s++)
		pl->target[s] = NO_BLOCK;
	pl->blocks = 0;
	for (size_t k = 0; k < REGION_KEYS; k++)
		for (size_t p = 0; p < g->npieces; p++) {
			g->pieces[p].first[k] = pl->blocks;
			pl->blocks += g->pieces[p].nblocks[k];
		}
	pl->holder = xmalloc((pl->blocks + 1) * sizeof *pl->holder);
	for (size_t p = 0; p < g->npieces; p++) {
		const struct piece *pc = &g->pieces[p];
		size_t next[REGION_KEYS];
		memcpy(next, pc->first, sizeof next);
		for (size_t b = 0; b < pc->blocks; b++) {
			size_t s = pc->from / BLOCK_ROWS + b, t = next[pc->block_key[b]]++;
			pl->target[s] = (uint32_t)t;
			pl->holder[t] = (uint32_t)s;
		}
	}
}

/* Chains from each free slot among the first: the block bound for it
 * comes, leaving its own slot free for the block bound there, until a
 * slot past them is left free. */
static void fill_free_slots(struct placing *pl)
{
	for (size_t t = 0; t < pl->blocks; t++) {
		for (size_t cur = t; pl->target[cur] == NO_BLOCK;) {
			size_t src = pl->holder[cur];
			move_block(pl->rows, cur, src);
			pl->target[cur] = (uint32_t)cur;
			pl->target[src] = NO_BLOCK;
			if (src >= pl->blocks)
				break;
			cur = src;
		}
	}
}

/* What is left out of place lies on cycles, each turned once through a
 * spare block. */
static void turn_cycles(struct placing *pl)
{
	struct activity *spare = xmalloc(BLOCK_BYTES);
	for (size_t t = 0; t < pl->blocks; t++) {
		if (pl->target[t] == t)
			continue;
		memcpy(spare, &pl->rows[t * BLOCK_ROWS], BLOCK_BYTES);
		size_t cur = t;
		for (size_t src = pl->holder[cur]; src != t; src = pl->holder[cur]) {
			move_block(pl->rows, cur, src);
			pl->target[cur] = (uint32_t)cur;
			cur = src;
		}
		memcpy(&pl->rows[cur * BLOCK_ROWS], spare, BLOCK_BYTES);
		pl->target[cur] = (uint32_t)cur;
	}
	free(spare);
}

static void place_blocks(struct grouping *g)
{
	struct placing pl = { .rows = g->rows };
	number_blocks(g, &pl);
	fill_free_slots(&pl);
	turn_cycles(&pl);
	free(pl.holder);
	free(pl.target);
}

/* Step 3: from the last (region, piece) to the first, so none is written
 * over before it has moved (each moves up, to past the ones before it). */
static void spread_blocks(struct grouping *g)
{
	size_t end = g->len;
	for (size_t k = REGION_KEYS; k-- > 0;)
		for (size_t p = g->npieces; p-- > 0;) {
			struct piece *pc = &g->pieces[p];
			size_t whole = pc->nblocks[k] * BLOCK_ROWS, at = end - whole - pc->waiting[k];
			if (whole)
				memmove(&g->rows[at], &g->rows[pc->first[k] * BLOCK_ROWS],
				        whole * sizeof *g->rows);
			if (pc->waiting[k])
				memcpy(&g->rows[at + whole], pc->stage[k], pc->waiting[k] * sizeof *g->rows);
			end = at;
		}
}

static void cut_pieces(struct grouping *g)
{
	g->npieces = g->len < GROUP_PIECE_ROWS ? 1 : workers_available();
	g->pieces = xcalloc(g->npieces, sizeof *g->pieces);
	for (size_t p = 0; p < g->npieces; p++) {
		g->pieces[p].from = g->len / g->npieces * p / BLOCK_ROWS * BLOCK_ROWS;
		if (p > 0)
			g->pieces[p - 1].to = g->pieces[p].from;
	}
	g->pieces[g->npieces - 1].to = g->len;
}

static void free_pieces(struct grouping *g)
{
	for (size_t p = 0; p < g->npieces; p++) {
		free(g->pieces[p].block_key);
		for (size_t k = 0; k < REGION_KEYS; k++)
			free(g->pieces[p].stage[k]);
	}
	free(g->pieces);
}

void table_group_by_region(struct table *t)
{
	if (table_grouped_by_region(t))
		return;
	struct grouping g = { .rows = t->rows, .len = t->len };
	cut_pieces(&g);
	workers_run(g.npieces, pack_piece, &g);
	place_blocks(&g);
	spread_blocks(&g);
	free_pieces(&g);
}
