/* loadsplit: a large sheet parsed in parts at once, shared out to the cores. */
#include "loadsplit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "workers.h"
#include "xalloc.h"

/* A large sheet is cut into parts of about PART_BYTES, and the cores take
 * them in turn (workers.h), so a core slowed by a busy neighbour takes
 * fewer parts instead of holding the whole load up.  Part k starts at a
 * line end S_k where the number of quote characters before it is even: a
 * row boundary, unless a stray quote inside an unquoted cell fooled the
 * count.  So nothing is assumed: part k's rows are kept only if the parser
 * that read up to S_k is indeed between records there, the header was
 * settled before the first cut, and the p-code system read so far is the
 * one part k used.  At the first part that fails, it and the parts after
 * it are dropped, and the rest of the sheet is read again in parts (a
 * round) by the same rule, the parser that stopped at S_k reading the
 * first of them; the quote count is set right at S_k by what that parser
 * knows (inside a quoted cell or not), so one stray quote costs one part
 * read again, not the rest of the sheet read by one core.  Every row gets
 * exactly the answer a single pass would give. */
#define SPLIT_MIN_BYTES ((size_t)4 << 20)
#define PART_BYTES ((size_t)8 << 20)

static size_t split_min = SPLIT_MIN_BYTES;
static size_t forced_parts;                   /* for the tests: 0 is automatic */
static struct split_counts counts;          /* for the tests: every path is taken */

struct split_counts split_counts_so_far(void)
{
	return counts;
}

void split_set_min_bytes(size_t bytes)
{
	split_min = bytes;
}

void split_set_parts(size_t parts)
{
	forced_parts = parts > SPLIT_PARTS_MAX ? SPLIT_PARTS_MAX : parts;
}

size_t split_parts(size_t bytes)
{
	if (bytes < 2 || bytes < split_min)
		return 1;
	if (forced_parts)
		return forced_parts;
	size_t n = bytes / PART_BYTES;
	return n < 2 ? 2 : n > SPLIT_PARTS_MAX ? SPLIT_PARTS_MAX : n;
}

enum split_state { SPLIT_WAITING, SPLIT_GO, SPLIT_ABORT };

/* Part k ≥ 1, read by its own loader into its own strings and messages;
 * its rows go straight into the table's array, after room for a row per
 * line before it (a row starts on a line of its own), so no part moves
 * another's.  Part 0 is read by the sheet's own loader (only done, whole
 * and err are its). */
struct part {
	size_t at, end;            /* bytes [at, end); S_k = at */
	uint32_t line_base;        /* physical lines before at */
	struct table tab;
	struct loader ld;
	struct csv_parser parser;
	bool started;              /* the header was shared, the loader began */
	bool done;                 /* read, or skipped */
	bool whole;                /* all its bytes could be read */
	int err;
};

struct split {
	const struct sheet_bytes *bytes;
	enum sheetio_decode decode;
	struct loader *ld;         /* the sheet's own loader and parser */
	struct csv_parser *p;
	size_t start;
	struct part *parts;        /* [n] */
	size_t n;
	pthread_mutex_t lock;      /* guards state, done, joined, stop and the joining */
	pthread_cond_t changed;
	enum split_state state;
	struct loader first;       /* part 0's header state, copied at SPLIT_GO */
	size_t joined;             /* parts [0, joined) are in the table */
	bool stop;                 /* part `joined` is unsound: read no more parts */
	int err;                   /* the first read error of the parts joined */
};

static void split_signal(struct split *sp, enum split_state st)
{
	pthread_mutex_lock(&sp->lock);
	if (sp->state == SPLIT_WAITING)
		sp->state = st;
	pthread_cond_broadcast(&sp->changed);
	pthread_mutex_unlock(&sp->lock);
}

/* Part 0's loader's on_header: the other parts may start. */
static void share_header(struct loader *ld, void *arg)
{
	struct split *sp = arg;
	ld->on_header = NULL;
	sp->first = *ld;
	split_signal(sp, SPLIT_GO);
}

static bool header_shared(struct split *sp)
{
	pthread_mutex_lock(&sp->lock);
	while (sp->state == SPLIT_WAITING)
		pthread_cond_wait(&sp->changed, &sp->lock);
	enum split_state st = sp->state;
	pthread_mutex_unlock(&sp->lock);
	return st == SPLIT_GO;
}

static void read_first_part(struct split *sp)
{
	struct loader *ld = sp->ld;
	struct part *pt = &sp->parts[0];
	pt->whole = loader_feed(ld, sp->p, sp->bytes, sp->decode, sp->start, sp->parts[1].at,
	                        &pt->err);
	if (ld->on_header) {               /* no header before the first cut */
		ld->on_header = NULL;
		split_signal(sp, SPLIT_ABORT);
	}
}

static void read_part(struct split *sp, struct part *pt, bool last)
{
	if (!header_shared(sp))
		return;
	struct loader *ld = &pt->ld;
	const struct loader *first = &sp->first;
	loader_start(ld, &pt->tab, first->src, first->ctx.source, first->c, &pt->parser);
	pt->started = true;
	ld->header_found = true;
	ld->width = first->width;
	ld->missing_required = first->missing_required;
	ld->missing_what = first->missing_what;
	ld->ctx.system = first->ctx.system;
	ld->awaiting_system = ld->ctx.system == 0 && !ld->missing_required;
	ld->line = pt->line_base;
	pt->whole = loader_feed(ld, &pt->parser, sp->bytes, sp->decode, pt->at, pt->end, &pt->err);
	if (last)
		loader_finish(ld, &pt->parser);
}

/* S: the first line end at or after `mid` with an even number of quotes
 * before it (`quotes` and `line_ends` counted up to mid; the line ends up
 * to S into *line_base); 0 if none. */
static size_t find_split(const struct sheet_bytes *b, size_t mid, size_t quotes,
                         size_t line_ends, uint32_t *line_base)
{
	char buf[4096];
	int err = 0;
	for (size_t at = mid; at < b->len;) {
		size_t n = sheetio_read(b, at, buf, sizeof buf, &err);
		if (n < 2)
			return 0;
		for (size_t i = 0; i + 1 < n; i++) {
			char c = buf[i];
			quotes += c == '"';
			if (c == '\n' || (c == '\r' && buf[i + 1] != '\n')) {
				line_ends++;
				if (quotes % 2 == 0 && line_ends < UINT32_MAX) {
					*line_base = (uint32_t)line_ends;
					return at + i + 1;
				}
			}
		}
		at += n - 1;
	}
	return 0;
}

/* The parts' starts: a row boundary found after each cut of the survey
 * past sp->start.  A cut before the boundary the last one found would find
 * it again (a long quoted cell spanning cuts): it is passed over unread, so
 * no byte is scanned twice.  `fix` (0 or 1) is added to the quotes counted,
 * to set the count right after a stray quote. */
static void place_parts(struct split *sp, const struct sheet_cuts *cuts, size_t fix)
{
	struct survey before = cuts->piece[0];
	size_t from = sp->start + 1;       /* cuts before this are passed over */
	sp->parts = xcalloc(cuts->n + 1, sizeof *sp->parts);
	sp->n = 1;
	for (size_t k = 1; k < cuts->n; k++) {
		struct part pt = { 0 };
		bool scan = cuts->at[k] >= from;
		if (scan)
			pt.at = find_split(sp->bytes, cuts->at[k], before.quotes + fix, before.line_ends,
			                   &pt.line_base);
		sheetio_survey_join(&before, &cuts->piece[k]);
		if (!scan)
			continue;
		if (pt.at == 0 || pt.at >= sp->bytes->len)
			break;                     /* none after this cut: none after the later ones */
		sp->parts[sp->n++] = pt;
		from = pt.at;
	}
	for (size_t k = 1; k < sp->n; k++)
		sp->parts[k].end = k + 1 < sp->n ? sp->parts[k + 1].at : sp->bytes->len;
}

/* Each part borrows the table's array from `base` (the table's length
 * before the sheet) + its line base + 1, up to where the next part's
 * begins (the last: to the array's end). */
static void lend_rows(struct split *sp, struct table *t, size_t base)
{
	for (size_t k = 1; k < sp->n; k++) {
		struct part *pt = &sp->parts[k];
		size_t from = base + pt->line_base + 1;
		size_t to = k + 1 < sp->n ? base + sp->parts[k + 1].line_base + 1 : t->cap;
		table_init(&pt->tab);
		pt->tab.rows = t->rows + from;
		pt->tab.cap = to - from;
	}
}

/* Part k's first rows, kept until one showed the sheet's system, are read
 * now by the sheet's loader: their rows come before the part's own, which
 * move up if they need the room (into room the part's saved lines left). */
static void read_waiting(struct loader *ld, struct part *pt)
{
	struct table *t = ld->t, *part = &pt->tab;
	struct saved_list *w = &pt->ld.waiting;
	size_t room = (size_t)(part->rows - t->rows) - t->len;
	if (w->n > room) {
		memmove(part->rows + (w->n - room), part->rows, part->len * sizeof *part->rows);
		part->rows += w->n - room;
	}
	for (size_t i = 0; i < w->n; i++) {
		struct saved *r = &w->items[i];
		loader_data_row(ld, r->line, r->bytes, r->offs, r->n, &r->of);
	}
}

/* A part's string ids → the table's own: each string interned again in
 * the table's pool. */
static uint32_t *remap_strings(struct table *t, const struct strpool *from)
{
	uint32_t *map = xmalloc((from->len + 1) * sizeof *map);
	for (size_t id = 0; id < from->len; id++) {
		const char *s = strpool_str(from, (uint32_t)id);
		map[id] = strpool_id(&t->strings, s, strlen(s));
	}
	return map;
}

/* Appends a part's rows (moving down, never onto one not yet moved) and
 * messages to the table, in file order. */
static void take_rows(struct loader *ld, struct part *pt)
{
	struct table *t = ld->t, *part = &pt->tab;
	uint32_t *map = remap_strings(t, &part->strings);
	for (size_t i = 0; i < part->len; i++) {
		struct activity a = part->rows[i];
		a.org = map[a.org];
		a.partner = map[a.partner];
		a.activity = map[a.activity];
		a.commune = map[a.commune];
		if (a.wide)                    /* its counts move to the table's own */
			table_set_counts(t, &a, &part->wide[a.people.wide_at]);
		t->rows[t->len++] = a;
	}
	for (size_t i = 0; i < part->nwritten; i++)
		table_note_written(t, part->written[i]);
	table_drop_written(part);      /* its hashes are the table's now */
	free(map);
	diag_list_append(&t->diags, &part->diags);
	diag_list_free(&part->diags);  /* its messages are the table's now */
	diag_list_init(&part->diags);
}

/* Joins part k to what was read before it. */
static void merge_part(struct loader *ld, struct part *pt)
{
	struct loader *two = &pt->ld;
	read_waiting(ld, pt);
	take_rows(ld, pt);
	ld->counts.read += two->counts.read;
	ld->counts.accepted += two->counts.accepted;
	ld->counts.rejected += two->counts.rejected;
	if (two->ctx.year_taken &&
	    (!ld->ctx.year_taken || two->ctx.year_taken_line < ld->ctx.year_taken_line))
		ld->ctx.year_taken_line = two->ctx.year_taken_line;
	ld->ctx.year_taken += two->ctx.year_taken;
	gazetteer_numbering_merge(&ld->ctx.numbering, &two->ctx.numbering);
	if (ld->ctx.system == 0)
		ld->ctx.system = two->ctx.system;
	/* its deferred rows are handed over as they are (a part awaits the
	 * system instead of deferring, so today there are none; should that
	 * change, no row may be lost here) */
	struct saved_list *to = &ld->deferred, *from = &two->deferred;
	if (from->n) {
		to->items = xgrow(to->items, &to->cap, to->n + from->n, sizeof *to->items);
		memcpy(to->items + to->n, from->items, from->n * sizeof *from->items);
		to->n += from->n;
		from->n = 0;                   /* their bytes are the sheet's loader's now */
	}
	ld->line = two->line;
}

/* Part pt read its rows as a single pass would have: the parser that read
 * up to its start (`before`, `bp`) ended between records there, and the
 * system read so far (ld's) is the one the part used (a part still
 * awaiting the system used none). */
static bool part_sound(const struct split *sp, const struct loader *ld,
                       const struct loader *before, const struct csv_parser *bp,
                       const struct part *pt)
{
	const struct loader *two = &pt->ld;
	return sp->state == SPLIT_GO && pt->started && loader_between_records(bp) &&
	       before->rec.c.n == 0 &&
	       (ld->ctx.system == 0 || two->awaiting_system || ld->ctx.system == two->ctx.system);
}

/* The sheet's loader takes over the parser and the record under way of
 * part pt, which stopped where the dropped parts begin. */
static void take_over_reader(struct loader *ld, struct csv_parser *p, struct part *pt)
{
	struct csv_parser tp = *p;
	*p = pt->parser;
	pt->parser = tp;
	struct record tr = ld->rec;
	ld->rec = pt->ld.rec;
	pt->ld.rec = tr;
	ld->pending_start = pt->ld.pending_start;
}

/* Joins the parts that are read, in file order, while they are sound; at
 * the first that is not, stops the parts not yet begun.  Called with the
 * lock held by the thread that finished a part, so the table grows while
 * the later parts are still being read (they write only their own rows). */
static void join_ready(struct split *sp)
{
	struct loader *ld = sp->ld;
	while (!sp->stop && sp->joined < sp->n && sp->parts[sp->joined].done &&
	       sp->parts[sp->joined - 1].done) {
		size_t k = sp->joined;
		struct part *pt = &sp->parts[k];
		const struct loader *before = k == 1 ? ld : &sp->parts[k - 1].ld;
		const struct csv_parser *bp = k == 1 ? sp->p : &sp->parts[k - 1].parser;
		if (!part_sound(sp, ld, before, bp, pt)) {
			sp->stop = true;
			break;
		}
		merge_part(ld, pt);
		if (!sp->err)
			sp->err = pt->err;
		sp->joined++;
	}
}

static bool stopped(struct split *sp)
{
	pthread_mutex_lock(&sp->lock);
	bool stop = sp->stop;
	pthread_mutex_unlock(&sp->lock);
	return stop;
}

static void split_job(void *arg, size_t k)
{
	struct split *sp = arg;
	if (k == 0)
		read_first_part(sp);
	else if (!stopped(sp))
		read_part(sp, &sp->parts[k], k + 1 == sp->n);
	pthread_mutex_lock(&sp->lock);
	sp->parts[k].done = true;
	join_ready(sp);
	pthread_mutex_unlock(&sp->lock);
}

static void split_free(struct split *sp)
{
	for (size_t k = 1; k < sp->n; k++) {
		struct part *pt = &sp->parts[k];
		if (pt->started)
			loader_end(&pt->ld, &pt->parser);
		pt->tab.rows = NULL;           /* borrowed from the table */
		table_free(&pt->tab);
	}
	free(sp->parts);
	pthread_mutex_destroy(&sp->lock);
	pthread_cond_destroy(&sp->changed);
}

/* Reads sp's parts at once and joins them.  True if a round must follow
 * from *next, the sheet's loader holding the parser that stopped there;
 * *fix: the quote count's fix from there on.  False: the sheet is read (or
 * a read failed). */
static bool read_round(struct split *sp, size_t base, size_t *fix, size_t *next, int *err)
{
	struct loader *ld = sp->ld;
	lend_rows(sp, ld->t, base);
	pthread_mutex_init(&sp->lock, NULL);
	pthread_cond_init(&sp->changed, NULL);
	if (ld->header_found) {            /* a later round: the header is known */
		sp->first = *ld;
		sp->state = SPLIT_GO;
	} else {
		ld->on_header = share_header;
		ld->on_header_arg = sp;
	}
	sp->joined = 1;
	workers_run(sp->n, split_job, sp);
	size_t k = sp->joined;
	bool again = false;
	if (!*err)
		*err = sp->parts[0].err ? sp->parts[0].err : sp->err;
	if (k == sp->n) {
		counts.taken++;
	} else {
		counts.dropped++;
		if (k > 1) {
			take_over_reader(ld, sp->p, &sp->parts[k - 1]);
			counts.taken_over++;
		}
		/* the count was even at S_k: if the parser is inside a quoted
		 * cell there, a stray quote made it so and the count is one off */
		*fix ^= !loader_between_records(sp->p);
		*next = sp->parts[k].at;
		again = sp->parts[k - 1].whole;
	}
	split_free(sp);
	return again;
}

void split_read(struct loader *ld, struct csv_parser *p, const struct sheet_bytes *b,
                enum sheetio_decode d, size_t start, const struct sheet_cuts *cuts, int *err)
{
	size_t base = ld->t->len, fix = 0;
	*err = 0;
	for (size_t round = 0;; round++) {
		struct split sp = { .bytes = b, .decode = d, .ld = ld, .p = p, .start = start };
		place_parts(&sp, cuts, fix);
		if (sp.n < 2) {
			free(sp.parts);
			int e = 0;
			loader_feed(ld, p, b, d, start, b->len, &e);
			if (!*err)
				*err = e;
			return;
		}
		counts.rounds += round > 0;
		if (!read_round(&sp, base, &fix, &start, err))
			return;
	}
}
