/* itype: resolving an intervention type from what a partner wrote. */
#include "itype.h"

#include <string.h>
#include <strings.h>

#include "text.h"

#define TEXT_MAX_FOLDED 512

/* The whole text is a type's code ("GC", "gc") or one of its labels. */
static int by_code_or_label(const struct config *c, const char *folded)
{
	for (size_t i = 0; i < c->ntypes; i++) {
		const struct itype *t = &c->types[i];
		if (strcasecmp(folded, t->code) == 0 || strcmp(folded, t->label_en_folded) == 0 ||
		    strcmp(folded, t->label_fr_folded) == 0)
			return (int)i;
	}
	return -1;
}

/* The type whose keyword occurs as whole words and is the longest (the most
 * specific: "famille d accueil" is ENA even though "famille" is PAR).  On a
 * tie the type listed first in config.ini wins. */
static int by_keyword(const struct config *c, const char *folded)
{
	int best = -1;
	size_t best_len = 0;
	for (size_t i = 0; i < c->ntypes; i++) {
		const struct itype *t = &c->types[i];
		for (size_t k = 0; k < t->nkeywords; k++) {
			size_t len = strlen(t->keywords[k]);
			if (len > best_len && text_has_words(folded, t->keywords[k])) {
				best = (int)i;
				best_len = len;
			}
		}
	}
	return best;
}

int itype_resolve(const struct config *c, const char *text)
{
	char folded[TEXT_MAX_FOLDED];
	int t;

	if (!text)
		return -1;
	text_fold(text, strlen(text), folded, sizeof folded);
	if (!folded[0])
		return -1;
	t = by_code_or_label(c, folded);
	return t >= 0 ? t : by_keyword(c, folded);
}
