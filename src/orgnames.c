#include "orgnames.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* Beyond this many distinct names the pairwise near-match is skipped (the
 * exact folded match still runs); it is quadratic. */
#define NEAR_MATCH_MAX 3000

struct spelling {
	const char *name;         /* interned: one string id per spelling */
	char key[96];             /* folded, without spaces */
	uint32_t source, line;    /* first row where it occurs */
};

static void make_key(const char *name, char *key, size_t size)
{
	char folded[192];
	text_fold(name, strlen(name), folded, sizeof folded);
	size_t k = 0;
	for (const char *p = folded; *p && k + 1 < size; p++)
		if (*p != ' ')
			key[k++] = *p;
	key[k] = '\0';
}

/* True if string id s was seen before; remembers it. */
static bool known(bool *seen, uint32_t s)
{
	bool was = seen[s];
	seen[s] = true;
	return was;
}

static void collect(const struct table *t, struct spelling **out, size_t *n)
{
	size_t cap = 0;
	bool *seen = xcalloc(t->strings.len + 1, sizeof *seen);   /* by string id */
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < t->len; i++) {
		const struct activity *a = &t->rows[i];
		const uint32_t ids[2] = { a->org, a->partner };
		for (int k = 0; k < 2; k++) {
			const char *name = table_str(t, ids[k]);
			if (!name[0] || known(seen, ids[k]))
				continue;
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			struct spelling *s = &(*out)[(*n)++];
			s->name = name;
			s->source = a->source;
			s->line = a->line;
			make_key(name, s->key, sizeof s->key);
		}
	}
	free(seen);
}

static void report_pair(struct table *t, const struct spelling *a, const struct spelling *b)
{
	diag_add(&t->diags, DIAG_NOTE, DC_ORG_SPELLED_TWO_WAYS, b->source, b->line, 0,
	         _("organisation '%s' looks like '%s' (%s:%u): the same partner spelled two "
	           "ways is counted as two partners"), b->name, a->name,
	         t->sources[a->source].path, a->line);
}

static bool similar(const struct spelling *a, const struct spelling *b, bool near)
{
	if (strcmp(a->key, b->key) == 0)
		return true;
	size_t la = strlen(a->key), lb = strlen(b->key);
	return near && la >= 10 && lb >= 10 && text_distance(a->key, b->key, 2) <= 2;
}

void orgnames_check(struct table *t)
{
	struct spelling *s;
	size_t n;
	collect(t, &s, &n);
	bool near = n <= NEAR_MATCH_MAX;
	bool *reported = xcalloc(n ? n : 1, sizeof *reported);
	for (size_t j = 0; j < n; j++)
		for (size_t i = 0; i < j && !reported[j]; i++)
			if (s[i].name != s[j].name && similar(&s[i], &s[j], near)) {
				report_pair(t, &s[i], &s[j]);
				reported[j] = true;
			}
	free(reported);
	free(s);
}
