/* mask: see mask.h. */
#include "mask.h"

#include <stdio.h>

bool mask_hides(int64_t v, int below)
{
	return v > 0 && v < below;
}

const char *mask_count(int64_t v, int below, char *buf)
{
	if (mask_hides(v, below))
		snprintf(buf, 24, "<%d", below);
	else
		snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

int64_t mask_total(int64_t total, bool has_masked_part)
{
	if (!has_masked_part || total < 0)
		return total;
	return (total + 5) / 10 * 10;
}
