#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const status_names[STATUS_COUNT] = {
	[STATUS_UNKNOWN] = "",
	[STATUS_PLANNED] = "planned",
	[STATUS_ONGOING] = "ongoing",
	[STATUS_COMPLETED] = "completed",
	[STATUS_SUSPENDED] = "suspended",
};

const char *status_name(enum status s)
{
	return (unsigned)s < STATUS_COUNT ? status_names[s] : "";
}

int activity_period(const struct activity *a)
{
	if (a->month >= 0)
		return a->month;
	if (a->end_month >= 0)
		return a->end_month;
	return a->start_month;
}

void table_init(struct table *t)
{
	memset(t, 0, sizeof *t);
	strpool_init(&t->strings);
	diag_list_init(&t->diags);
	t->latest_month = -1;
}

void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nsources; i++)
		free(t->sources[i].unmapped);
	free(t->rows);
	free(t->sources);
	strpool_free(&t->strings);
	diag_list_free(&t->diags);
	memset(t, 0, sizeof *t);
	t->latest_month = -1;
}

size_t table_add(struct table *t, const struct activity *a)
{
	t->rows = xgrow(t->rows, &t->cap, t->len + 1, sizeof *t->rows);
	t->rows[t->len] = *a;
	return t->len++;
}

uint32_t table_add_source(struct table *t, const char *path)
{
	t->sources = xgrow(t->sources, &t->sources_cap, t->nsources + 1,
	                   sizeof *t->sources);
	struct source *s = &t->sources[t->nsources];
	memset(s, 0, sizeof *s);
	s->path = strpool_intern_cstr(&t->strings, path);
	s->latest_month = -1;
	for (int f = 0; f < F_COUNT; f++)
		s->map.col[f] = -1;
	return (uint32_t)t->nsources++;
}
