/* shown: see shown.h. */
#include "shown.h"

#include "fmt.h"
#include "mask.h"

bool shown_masking(const struct app *a)
{
	return a->presenting || a->cfg->share.mask_on_screen;
}

bool shown_cells_masked(const struct app *a, const struct cube *q, int r, int t)
{
	if (!shown_masking(a))
		return false;
	for (size_t i = 0; i < q->nregions; i++)
		for (size_t j = 0; j < q->ntypes; j++)
			if ((r < 0 || (size_t)r == i) && (t < 0 || (size_t)t == j) &&
			    mask_hides(cube_cell(q, i, j)->reached, a->cfg->share.mask_below))
				return true;
	return false;
}

bool shown_partner_masked(const struct app *a, const char *partner)
{
	if (!shown_masking(a))
		return false;
	for (size_t i = 0; i < a->cube.npresence; i++) {
		const struct presence *p = &a->cube.presence[i];
		if (p->partner == partner && (mask_hides(p->reached, a->cfg->share.mask_below) ||
		                              shown_cells_masked(a, &a->cube, p->region, -1)))
			return true;
	}
	return false;
}

int64_t shown_value(const struct app *a, int64_t v, bool sums_masked)
{
	if (!shown_masking(a))
		return v;
	if (mask_hides(v, a->cfg->share.mask_below))
		return 0;
	return mask_total(v, sums_masked);
}

const char *shown_count(const struct app *a, int64_t v, bool sums_masked, bool whole, char *buf)
{
	if (shown_masking(a) && mask_hides(v, a->cfg->share.mask_below))
		return mask_count(v, a->cfg->share.mask_below, buf);
	v = shown_value(a, v, sums_masked);
	return whole ? fmt_int(v, buf) : fmt_short(v, buf);
}
