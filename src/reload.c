/* reload: see reload.h. */
#include "reload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "i18n.h"

static const char *file_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static const struct source *same_path(const struct table *t, const char *path)
{
	for (size_t i = 0; i < t->nsources; i++)
		if (strcmp(t->sources[i].path, path) == 0)
			return &t->sources[i];
	return NULL;
}

static bool suspect_against(const struct source *was, const struct source *is,
                            char *why, size_t cap)
{
	const char *name = file_name(is->path);
	char a[32], b[32];
	if (is->rows_read == 0 && was->rows_read > 0) {
		snprintf(why, cap, _("%s held back: empty, had %s rows"),
		         name, fmt_int((int64_t)was->rows_read, a));
		return true;
	}
	if (is->accepted * 2 < was->accepted) {
		snprintf(why, cap, _("%s held back: %s rows, had %s"),
		         name, fmt_int((int64_t)is->accepted, a), fmt_int((int64_t)was->accepted, b));
		return true;
	}
	size_t slack = was->rows_read / 10 > RELOAD_REJECT_SLACK ? was->rows_read / 10
	                                                         : RELOAD_REJECT_SLACK;
	if (is->rejected > was->rejected + slack) {
		snprintf(why, cap, _("%s held back: %s rows rejected, had %s"),
		         name, fmt_int((int64_t)is->rejected, a), fmt_int((int64_t)was->rejected, b));
		return true;
	}
	return false;
}

static bool suspect_new(const struct source *is, char *why, size_t cap)
{
	char a[32], b[32];
	if (is->rows_read == 0 || is->rejected * 2 <= is->rows_read)
		return false;
	snprintf(why, cap, _("%s held back: %s of %s rows rejected"),
	         file_name(is->path), fmt_int((int64_t)is->rejected, a),
	         fmt_int((int64_t)is->rows_read, b));
	return true;
}

long reload_suspect(const struct table *before, const struct table *now,
                    char *why, size_t cap)
{
	for (size_t i = 0; i < now->nsources; i++) {
		const struct source *is = &now->sources[i];
		const struct source *was = same_path(before, is->path);
		if (was ? suspect_against(was, is, why, cap) : suspect_new(is, why, cap))
			return (long)i;
	}
	if (cap)
		why[0] = '\0';
	return -1;
}

/* One sheet's change: accepted rows after minus before (a sheet gone
 * counts as 0 after, a new one as 0 before). */
struct sheet_change {
	const char *path;
	long delta;
	bool added, removed, rewritten;
};

static size_t sheet_changes(const struct table *before, const struct table *now,
                            struct sheet_change *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < now->nsources && n < cap; i++) {
		const struct source *is = &now->sources[i], *was = same_path(before, is->path);
		long d = (long)is->accepted - (was ? (long)was->accepted : 0);
		bool rewritten = was && (was->rows_read != is->rows_read || was->rejected != is->rejected);
		if (!was || d || rewritten)
			out[n++] = (struct sheet_change){ is->path, d, !was, false, d == 0 && rewritten };
	}
	for (size_t i = 0; i < before->nsources && n < cap; i++)
		if (!same_path(now, before->sources[i].path))
			out[n++] = (struct sheet_change){ before->sources[i].path,
			                                  -(long)before->sources[i].accepted, false, true, false };
	return n;
}

static int by_size_of_change(const void *a, const void *b)
{
	long x = labs(((const struct sheet_change *)a)->delta);
	long y = labs(((const struct sheet_change *)b)->delta);
	return (y > x) - (y < x);
}

static size_t put(char *out, size_t cap, size_t at, const char *text)
{
	if (at < cap)
		snprintf(out + at, cap - at, "%s", text);
	return at + strlen(text);
}

static const char *signed_int(long long v, char *buf)
{
	char digits[32];
	fmt_int(v < 0 ? -v : v, digits);
	sprintf(buf, "%s%s", v < 0 ? "\u2212" : "+", digits);
	return buf;
}

static void say_sheet(const struct sheet_change *s, char *buf, size_t cap)
{
	char n[40];
	const char *name = file_name(s->path);
	bool one = labs(s->delta) == 1;
	signed_int(s->delta, n);
	if (s->removed)
		snprintf(buf, cap, one ? _("%s row: %s removed") : _("%s rows: %s removed"), n, name);
	else if (s->rewritten)
		snprintf(buf, cap, _("%s read again"), name);
	else if (s->delta >= 0)
		snprintf(buf, cap, one ? _("%s row from %s") : _("%s rows from %s"), n, name);
	else
		snprintf(buf, cap, one ? _("%s row in %s") : _("%s rows in %s"), n, name);
}

#define SUMMARY_SHEETS 2
#define SUMMARY_REGIONS 2

static size_t say_sheets(const struct table *before, const struct table *now,
                         char *out, size_t cap)
{
	struct sheet_change ch[256];
	size_t n = sheet_changes(before, now, ch, sizeof ch / sizeof *ch), at = 0;
	qsort(ch, n, sizeof *ch, by_size_of_change);
	for (size_t i = 0; i < n && i < SUMMARY_SHEETS; i++) {
		char one[160];
		say_sheet(&ch[i], one, sizeof one);
		at = put(out, cap, at, i ? ", " : "");
		at = put(out, cap, at, one);
	}
	if (n > SUMMARY_SHEETS) {
		char more[64];
		snprintf(more, sizeof more, P_(" and %zu more sheets", " and %zu more sheets",
		                               n - SUMMARY_SHEETS), n - SUMMARY_SHEETS);
		at = put(out, cap, at, more);
	}
	return at;
}

/* The regions whose reached changed most, after " — "; returns how many. */
static int say_regions(const struct config *c, const struct cube *before,
                       const struct cube *now, char *out, size_t cap, size_t *at)
{
	bool used[64] = {0};
	size_t nregions = now->nregions < 64 ? now->nregions : 64;
	int k;
	for (k = 0; k < SUMMARY_REGIONS; k++) {
		long long best = 0;
		size_t pick = nregions;
		for (size_t r = 0; r < nregions && r < before->nregions; r++) {
			long long d = now->region_dedup[r] - before->region_dedup[r];
			if (!used[r] && d && llabs(d) > llabs(best)) {
				best = d;
				pick = r;
			}
		}
		if (pick == nregions)
			break;
		used[pick] = true;
		char n[40], one[160];
		snprintf(one, sizeof one, _("%s reached %s"), c->regions[pick].name, signed_int(best, n));
		*at = put(out, cap, *at, k ? ", " : " \u2014 ");
		*at = put(out, cap, *at, one);
	}
	return k;
}

void reload_summary(const struct config *c,
                    const struct table *before, const struct cube *before_plan,
                    const struct table *now, const struct cube *now_plan,
                    char *out, size_t cap)
{
	if (cap == 0)
		return;
	out[0] = '\0';
	size_t at = say_sheets(before, now, out, cap);
	if (at == 0)
		at = put(out, cap, at, _("The sheets read again"));
	if (say_regions(c, before_plan, now_plan, out, cap, &at) == 0)
		put(out, cap, at, _(" \u2014 reached unchanged in every region"));
}
