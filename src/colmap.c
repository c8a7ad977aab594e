#include "colmap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

#define FOLD_MAX 256

/* Match quality of a header against a field: higher is better, 0 none.
 * A whole-header match beats any word match; among word matches the
 * longer alias is more specific. */
static int alias_quality(const struct field_aliases *fa, const char *folded)
{
	int best = 0;
	for (size_t i = 0; i < fa->naliases; i++) {
		const char *a = fa->aliases[i];
		if (strcmp(folded, a) == 0)
			return 10000;
		if (text_has_words(folded, a)) {
			int q = (int)strlen(a) + 1;
			if (q > best)
				best = q;
		}
	}
	return best;
}

/* Splits "#reached+f+children" into its hashtag and checks that every
 * attribute of the pattern is among the tag's.  Returns the number of
 * pattern attributes + 1 (specificity), or 0 when it does not match. */
static int hxl_quality_one(const char *tag, const char *pattern)
{
	size_t th = strcspn(tag, "+"), ph = strcspn(pattern, "+");
	if (th != ph || strncmp(tag, pattern, th) != 0)
		return 0;
	int attrs = 1;
	const char *p = pattern + ph;
	while (*p == '+') {
		p++;
		size_t len = strcspn(p, "+");
		bool found = false;
		for (const char *t = tag + th; *t == '+' && !found; ) {
			t++;
			size_t tl = strcspn(t, "+");
			found = tl == len && strncmp(t, p, len) == 0;
			t += tl;
		}
		if (!found)
			return 0;
		attrs++;
		p += len;
	}
	return attrs;
}

static int hxl_quality(const struct field_aliases *fa, const char *tag)
{
	int best = 0;
	for (size_t i = 0; i < fa->nhxl; i++) {
		int q = hxl_quality_one(tag, fa->hxl[i]);
		if (q > best)
			best = q;
	}
	return best;
}

/* The best field for one column and its quality; -1 if none. */
static int best_field(const struct config *c, const char *folded, bool hxl, int *quality)
{
	int best = -1;
	*quality = 0;
	for (int f = 0; f < F_COUNT; f++) {
		int q = hxl ? hxl_quality(&c->fields[f], folded)
		            : alias_quality(&c->fields[f], folded);
		if (q > *quality) {
			*quality = q;
			best = f;
		}
	}
	return best;
}

int colmap_header_score(const struct config *c, const char *const *cells, size_t n)
{
	int score = 0;
	char folded[FOLD_MAX];
	for (size_t i = 0; i < n; i++) {
		text_fold(cells[i], strlen(cells[i]), folded, sizeof folded);
		int q;
		if (*folded && best_field(c, folded, false, &q) >= 0)
			score++;
	}
	return score;
}

struct candidate { int field, quality; };

/* Proposes a field for every column, by tag if the column has one, else
 * by header text.  Tags rank above text. */
static void propose(const struct config *c, const char *const *header,
                    const char *const *hxl, size_t n, struct candidate *cand)
{
	char folded[FOLD_MAX];
	for (size_t i = 0; i < n; i++) {
		cand[i].field = -1;
		cand[i].quality = 0;
		if (hxl && hxl[i][0]) {
			text_fold_hxl(hxl[i], strlen(hxl[i]), folded, sizeof folded);
			cand[i].field = best_field(c, folded, true, &cand[i].quality);
			cand[i].quality += 100000;
		}
		if (cand[i].field < 0 && header) {
			text_fold(header[i], strlen(header[i]), folded, sizeof folded);
			cand[i].field = *folded ? best_field(c, folded, false, &cand[i].quality) : -1;
		}
	}
}

void colmap_map(const struct config *c, const char *const *header,
                const char *const *hxl, size_t n, int col[F_COUNT], int *which)
{
	struct candidate *cand = xmalloc(n * sizeof *cand);
	propose(c, header, hxl, n, cand);
	for (int f = 0; f < F_COUNT; f++)
		col[f] = -1;
	for (size_t i = 0; i < n; i++)
		which[i] = -1;
	/* Best matches claim their field first; on equal quality the leftmost
	 * column wins, as a reader would expect. */
	for (;;) {
		size_t pick = n;
		for (size_t i = 0; i < n; i++) {
			if (which[i] >= 0 || cand[i].field < 0 || col[cand[i].field] >= 0)
				continue;
			if (pick == n || cand[i].quality > cand[pick].quality)
				pick = i;
		}
		if (pick == n)
			break;
		col[cand[pick].field] = (int)pick;
		which[pick] = cand[pick].field;
	}
	free(cand);
}
