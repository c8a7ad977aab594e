/* itype: resolving an intervention type from what a partner wrote. */
#include "itype.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "text.h"

#define TEXT_MAX_FOLDED 512

/* The whole text is a type's code ("GC", "gc") or one of its labels, in
 * any plural or feminine form ("Espace ami des enfants"). */
static int by_code_or_label(const struct config *c, const char *folded, const char *stem)
{
	for (size_t i = 0; i < c->ntypes; i++) {
		const struct itype *t = &c->types[i];
		if (strcasecmp(folded, t->code) == 0 || strcmp(stem, t->label_en_stem) == 0 ||
		    strcmp(stem, t->label_fr_stem) == 0)
			return (int)i;
	}
	return -1;
}

/* The first two letters of every word of the text, as a set: a keyword
 * whose first two letters start no word of the text cannot occur in it, so
 * most of the hundred-odd keywords are dismissed without a search. */
struct word_starts {
	uint64_t bits[16];
};

static unsigned start_index(const char *w)
{
	unsigned c0 = (unsigned char)w[0];
	unsigned c1 = w[1] == ' ' ? 0 : (unsigned char)w[1];
	return (c0 * 37u + c1) & 1023u;
}

static void word_starts_of(const char *stem, struct word_starts *ws)
{
	memset(ws, 0, sizeof *ws);
	for (const char *p = stem; *p; ) {
		unsigned i = start_index(p);
		ws->bits[i / 64] |= UINT64_C(1) << (i % 64);
		p = strchr(p, ' ');
		if (!p)
			break;
		p++;
	}
}

static bool may_occur(const struct word_starts *ws, const char *keyword)
{
	unsigned i = start_index(keyword);
	return *keyword && (ws->bits[i / 64] >> (i % 64) & 1);
}

/* How one type's keywords meet the text: the longest that counts. */
struct type_hits {
	size_t best;     /* length of the longest keyword found, 0 if none counts */
	unsigned found;  /* keywords and context keywords found */
};

static void find_words(const char *stem, const struct word_starts *ws,
                       const char *const *words, size_t n, size_t *longest, unsigned *found)
{
	for (size_t k = 0; k < n; k++) {
		if (may_occur(ws, words[k]) && text_has_words(stem, words[k])) {
			size_t len = strlen(words[k]);
			(*found)++;
			if (len > *longest)
				*longest = len;
		}
	}
}

/* A context keyword counts only beside a second keyword of the same type:
 * "reintegration" alone is no CAAFAG activity, "reintegration des enfants
 * associes" is. */
static struct type_hits type_hits(const struct itype *t, const char *stem,
                                  const struct word_starts *ws)
{
	struct type_hits h = { 0, 0 };
	size_t ctx_best = 0;
	unsigned ctx_found = 0;

	find_words(stem, ws, t->keyword_stems, t->nkeywords, &h.best, &h.found);
	find_words(stem, ws, t->context_stems, t->ncontext, &ctx_best, &ctx_found);
	if (ctx_found > 0 && h.found + ctx_found >= 2 && ctx_best > h.best)
		h.best = ctx_best;
	h.found += ctx_found;
	return h;
}

/* The type whose keyword occurs as whole words and is the longest (the most
 * specific: "famille d accueil" is ENA even though "famille" is PAR).  On a
 * tie the type listed first in config.ini wins. */
static int by_keyword(const struct config *c, const char *stem)
{
	int best = -1;
	size_t best_len = 0;
	struct word_starts ws;

	word_starts_of(stem, &ws);
	for (size_t i = 0; i < c->ntypes; i++) {
		struct type_hits h = type_hits(&c->types[i], stem, &ws);
		if (h.best > best_len) {
			best = (int)i;
			best_len = h.best;
		}
	}
	return best;
}

int itype_resolve(const struct config *c, const char *text)
{
	char folded[TEXT_MAX_FOLDED], stem[TEXT_MAX_FOLDED];
	int t;

	if (!text)
		return -1;
	text_fold(text, strlen(text), folded, sizeof folded);
	if (!folded[0])
		return -1;
	text_stem(folded, stem, sizeof stem);
	t = by_code_or_label(c, folded, stem);
	return t >= 0 ? t : by_keyword(c, stem);
}
