/* gaps_order: the order a meeting reads flags in — most severe first
 * (within a severity, a flag that may be the cause of others, such as a
 * sheet that lost most of its rows, before them), then region display code
 * (plan-wide first), then type code; the rest only makes the order total,
 * so output is reproducible. */
#ifndef FOURW_GAPS_ORDER_H
#define FOURW_GAPS_ORDER_H

#include "config.h"
#include "gap.h"

void gaps_order_sort(struct gap_list *g, const struct config *c);

#endif
