/* loadsplit: a large sheet parsed in two parts at once, one per core. */
#include "loader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "xalloc.h"

/* A large sheet is parsed in two parts at once, one per core.  The second
 * part starts at a line end S in the middle where the number of quote
 * characters before it is even: a row boundary, unless a stray quote inside
 * an unquoted cell fooled the count.  So nothing is assumed: the second
 * part's rows are kept only if, when the first part reaches S, its parser
 * is indeed between records, its header was settled before S, and its
 * p-code system is the one the second part started with.  Otherwise the
 * second part's work is dropped and the first part reads on past S itself.
 * Either way every row gets exactly the answer a single pass would give. */
#define SPLIT_MIN_BYTES ((size_t)4 << 20)

static size_t split_min = SPLIT_MIN_BYTES;
static size_t splits_taken, splits_dropped;   /* for the tests: both paths are taken */

void load_split_counts(size_t *taken, size_t *dropped)
{
	*taken = splits_taken;
	*dropped = splits_dropped;
}

void load_set_split_min(size_t bytes)
{
	split_min = bytes;
}

enum split_state { SPLIT_WAITING, SPLIT_GO, SPLIT_ABORT };

struct split {
	size_t at;                 /* S: where the second part starts */
	uint32_t line_base;        /* physical lines before S */
	const struct sheet_bytes *bytes;
	enum sheetio_decode decode;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	enum split_state state;
	struct loader first;       /* the first part's header state, copied at SPLIT_GO */
	struct table part;         /* the second part's rows (in the table's own array), messages, strings */
	struct loader second;
	struct csv_parser parser;
	int err;
};

static void split_signal(struct split *sp, enum split_state st)
{
	pthread_mutex_lock(&sp->lock);
	if (sp->state == SPLIT_WAITING)
		sp->state = st;
	pthread_cond_signal(&sp->changed);
	pthread_mutex_unlock(&sp->lock);
}

/* Called by the first part once its header is settled. */
void split_share_header(struct loader *ld)
{
	struct split *sp = ld->split;
	ld->split = NULL;
	sp->first = *ld;
	split_signal(sp, SPLIT_GO);
}

static void *second_part(void *arg)
{
	struct split *sp = arg;
	pthread_mutex_lock(&sp->lock);
	while (sp->state == SPLIT_WAITING)
		pthread_cond_wait(&sp->changed, &sp->lock);
	enum split_state st = sp->state;
	pthread_mutex_unlock(&sp->lock);
	if (st != SPLIT_GO)
		return NULL;
	struct loader *ld = &sp->second;
	const struct loader *first = &sp->first;
	loader_start(ld, &sp->part, first->src, first->ctx.source, first->c, &sp->parser);
	ld->header_found = true;
	ld->width = first->width;
	ld->missing_required = first->missing_required;
	ld->missing_what = first->missing_what;
	ld->ctx.system = first->ctx.system;
	ld->awaiting_system = ld->ctx.system == 0 && !ld->missing_required;
	ld->line = sp->line_base;
	loader_feed(ld, &sp->parser, sp->bytes, sp->decode, sp->at, sp->bytes->len, &sp->err);
	loader_finish(ld, &sp->parser);
	return NULL;
}

/* S: the first line end at or after `mid` with an even number of quotes
 * before it (`quotes` and `line_ends` counted up to mid); 0 if none. */
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

size_t split_min_bytes(void)
{
	return split_min;
}

size_t split_at(const struct split *sp)
{
	return sp->at;
}

struct split *split_start(struct loader *first, const struct sheet_bytes *b,
                          enum sheetio_decode d, size_t mid, const struct survey *before_mid)
{
	if (b->len < split_min || mid == 0 || mid >= b->len)
		return NULL;
	uint32_t line_base = 0;
	size_t at = find_split(b, mid, before_mid->quotes, before_mid->line_ends, &line_base);
	if (at == 0 || at >= b->len)
		return NULL;
	struct split *sp = xcalloc(1, sizeof *sp);
	sp->at = at;
	sp->line_base = line_base;
	sp->bytes = b;
	sp->decode = d;
	sp->state = SPLIT_WAITING;
	table_init(&sp->part);
	/* the second part's rows go straight into the table's own array, after
	 * room for every line before S (a row starts on a line of its own) */
	struct table *t = first->t;
	sp->part.rows = t->rows + t->len + sp->line_base + 1;
	sp->part.cap = t->cap - (t->len + sp->line_base + 1);
	pthread_mutex_init(&sp->lock, NULL);
	pthread_cond_init(&sp->changed, NULL);
	if (pthread_create(&sp->thread, NULL, second_part, sp) != 0) {
		sp->part.rows = NULL;
		table_free(&sp->part);
		pthread_mutex_destroy(&sp->lock);
		pthread_cond_destroy(&sp->changed);
		free(sp);
		return NULL;
	}
	first->split = sp;
	return sp;
}

/* The second part's first rows, kept until one showed the sheet's system,
 * are read now by the first part: their rows come before the second
 * part's own, which move up if they need the room. */
static void read_waiting(struct loader *ld, struct split *sp)
{
	struct table *t = ld->t, *part = &sp->part;
	struct saved_list *w = &sp->second.waiting;
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

/* The second part's string ids → the table's own: each string interned
 * again in the table's pool. */
static uint32_t *remap_strings(struct table *t, const struct strpool *from)
{
	uint32_t *map = xmalloc((from->len + 1) * sizeof *map);
	for (size_t id = 0; id < from->len; id++) {
		const char *s = strpool_str(from, (uint32_t)id);
		map[id] = strpool_id(&t->strings, s, strlen(s));
	}
	return map;
}

/* Appends the second part's rows (moving down, never onto one not yet
 * moved) and messages to the first's, in file order. */
static void take_rows(struct loader *ld, struct split *sp)
{
	struct table *t = ld->t, *part = &sp->part;
	uint32_t *map = remap_strings(t, &part->strings);
	for (size_t i = 0; i < part->len; i++) {
		struct activity a = part->rows[i];
		a.org = map[a.org];
		a.partner = map[a.partner];
		a.activity = map[a.activity];
		a.commune = map[a.commune];
		t->rows[t->len++] = a;
	}
	free(map);
	for (size_t i = 0; i < part->diags.len; i++) {
		const struct diag *d = &part->diags.items[i];
		diag_add(&t->diags, d->level, d->source, d->line, d->col, "%s", d->msg);
	}
}

/* Joins the second part to the first. */
static void split_merge(struct loader *ld, struct split *sp)
{
	struct loader *two = &sp->second;
	read_waiting(ld, sp);
	take_rows(ld, sp);
	ld->counts.read += two->counts.read;
	ld->counts.accepted += two->counts.accepted;
	ld->counts.rejected += two->counts.rejected;
	if (ld->ctx.system == 0)
		ld->ctx.system = two->ctx.system;
	/* its deferred rows are handed over as they are (a second part awaits
	 * the system instead of deferring, so today there are none; should
	 * that change, no row may be lost here) */
	struct saved_list *to = &ld->deferred, *from = &two->deferred;
	if (from->n) {
		to->items = xgrow(to->items, &to->cap, to->n + from->n, sizeof *to->items);
		memcpy(to->items + to->n, from->items, from->n * sizeof *from->items);
		to->n += from->n;
		from->n = 0;                   /* their bytes are the first part's now */
	}
	ld->line = two->line;
}

/* The second part read its rows as a single pass would have: the first
 * part ended between records at S, and its system (if any) is the one the
 * second part used (a second part still awaiting the system used none). */
static bool split_sound(const struct loader *ld, const struct csv_parser *p,
                        const struct split *sp)
{
	const struct loader *two = &sp->second;
	return sp->state == SPLIT_GO && loader_between_records(p) && ld->rec.n == 0 &&
	       (ld->ctx.system == 0 || two->awaiting_system || ld->ctx.system == two->ctx.system);
}

bool split_finish(struct loader *ld, struct csv_parser *p, struct split *sp, int *err)
{
	if (ld->split)                     /* no header before S */
		split_signal(sp, SPLIT_ABORT);
	ld->split = NULL;
	pthread_join(sp->thread, NULL);
	bool sound = split_sound(ld, p, sp);
	if (sound)
		split_merge(ld, sp);
	*(sound ? &splits_taken : &splits_dropped) += 1;
	if (sound && !*err)
		*err = sp->err;
	if (sp->state == SPLIT_GO)
		loader_end(&sp->second, &sp->parser);
	sp->part.rows = NULL;              /* borrowed from the table */
	table_free(&sp->part);
	pthread_mutex_destroy(&sp->lock);
	pthread_cond_destroy(&sp->changed);
	free(sp);
	return sound;
}
