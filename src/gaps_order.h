/* gaps_order: the order a meeting reads flags in — most severe first
 * (within a severity, a flag that may be the cause of others, such as a
 * sheet that lost most of its rows, before them), then region display code
 * (plan-wide first), then type code; the rest only makes the order total,
 * so output is reproducible. */
#ifndef FOURW_GAPS_ORDER_H
#define FOURW_GAPS_ORDER_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "gap.h"

void gaps_order_sort(struct gap_list *g, const struct config *c);

/* A flag about a month before the report month (three partners crowding a
 * cercle in January, read in April): history, which the screen folds
 * under the report month's flags so the meeting starts with what stands. */
bool gaps_order_is_earlier(const struct gap *g, int report_month);

/* The flags as a meeting reads them: the list's order, those about the
 * report month (or about no month in particular) first, then those about
 * earlier months; only flags of severity `least` or worse (SEV_HIGH:
 * critical and high; SEV_INFO: all). */
struct gap_agenda {
	size_t *items;            /* indexes into the list */
	size_t n;
	size_t nearlier;          /* the last nearlier items are about earlier months */
	int first_month, last_month;  /* the months they are about (-1: none) */
	size_t count[SEV_COUNT];  /* every flag of the list by severity, shown or not */
};
void gap_agenda_build(struct gap_agenda *a, const struct gap_list *g, int report_month,
                      enum severity least);
void gap_agenda_free(struct gap_agenda *a);

#endif
