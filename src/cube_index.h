/* cube_index: what the aggregate needs to know about a table once, so a
 * filter change costs one pass over the selected rows.
 *
 * cube_index_build puts the table's rows in region order (a region's rows
 * are then one stretch a region filter walks) and gives each row dense ids
 * for the tuples counted distinct — (partner, region, type), (region, type,
 * cercle), the cumulative key, (partner, cercle, type, period).  The index
 * is a value the caller holds and passes to cube_compute; it stays right
 * as long as the table and the config it was built from do not change (a
 * reload builds a new one).  It also holds the work space of one
 * computation, so one index serves one cube_compute at a time.
 *
 * Fields are read by aggregate.c and cube_rows.c only. */
#ifndef FOURW_CUBE_INDEX_H
#define FOURW_CUBE_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "table.h"

#define CUBE_NONE UINT32_MAX
/* The prt of a row that names no organisation (rule 13): its people count,
 * but it makes no partner, so no presence, partner count or overlap. */
#define CUBE_NO_PARTNER (UINT32_MAX - 1)

struct presence {             /* one partner in one region */
	const char *partner;      /* interned in the table */
	int region;
	uint32_t activities;
	int64_t reached;
	int latest_month;         /* latest period of this partner here, -1 if none */
	uint32_t id;              /* private: for cube_presence_rows */
};

struct partner_info {         /* one partner, all regions */
	const char *partner;
	int latest_month;         /* latest reporting period over the partner's rows */
	uint32_t activities;
	int64_t reached;
	uint32_t regions;         /* how many regions */
};

/* One cercle × type × reporting period where several partners are active
 * at once: what the concentration rule reads.  Only groups with two or more
 * distinct active partners are listed. */
struct overlap {
	int region, cercle, type;
	int period;               /* month_index */
	uint32_t partners;        /* distinct active partners */
	uint32_t rows;            /* their counted rows (the ones cube_overlap_rows lists) */
	uint32_t group;           /* private: for cube_overlap_rows */
};

/* A row's ids, 12 bytes, beside it (a million rows: 12 MB beside the
 * table's 48): what counting needs besides the row itself.  The cumulative
 * key is kept apart (cube_index.gid), only in cumulative mode. */
struct cube_ids {
	uint32_t prt;             /* (partner, region, type); CUBE_NONE: a row the config cannot
	                           * place; CUBE_NO_PARTNER: a row with no organisation */
	uint32_t place;           /* (region, type, cercle or -1): rule 6 and cercles */
	uint32_t pctp;            /* (partner, region, cercle, type, period), or CUBE_NONE */
};

/* The work space of one cube_compute: a stamp equal to gen means "seen in
 * this computation", so nothing is cleared or allocated per row. */
struct cube_work {
	uint32_t gen;
	uint32_t *st_prt, *st_pt, *st_pr, *st_pid, *st_place, *st_rc, *st_tc, *st_cer;
	uint32_t *st_gid, *st_ctp;
	uint32_t *ctp_counted;    /* [nctp]: rows counted per group, apart from ctp (written per row) */
	/* a (partner, cercle, type, period)'s stamp beside its group: counting
	 * a row reads one cache line for both */
	struct pctp_state { uint32_t stamp, ctp; } *pctp_st;
	struct prt_acc { uint32_t activities; int latest; int64_t reached; } *prt_acc;
	int64_t *place_sum;
	int64_t *rc_max;          /* [place slot: region * (ncercles + 1) + cercle + 1]: rule 6 */
	uint32_t *rc_region;      /* [place slot]: the plan region its maximum adds to */
	int *gid_best;            /* latest period per cumulative key */
	uint32_t *touched_prt, *touched_place, *touched_ctp, *touched_rc;
	size_t ntouched_prt, ntouched_place, ntouched_ctp;
	uint32_t *sel;            /* rows the filter selected (cumulative mode) */
	size_t nsel;
	struct presence *pr_acc;
	struct partner_info *pid_acc;
	struct overlap *ctp;      /* [nctp]: the groups, their partners counted per computation */
};

struct cube_index {
	/* what the index was built from */
	const struct config *c;
	const struct table *t;
	const struct activity *rows;  /* the table's rows then, in region order */
	size_t len;
	enum reporting_mode mode; /* the config's then: cumulative keys only in cumulative mode */

	struct cube_ids *ids;     /* [len], by row */
	uint32_t *gid;            /* [len]: cumulative key; NULL in monthly mode */
	uint32_t *region_start;   /* [nregions + 1]: each region's rows */

	const char **pname;       /* partners sorted by name: index = partner id */
	size_t np;
	uint32_t *prt_pr, *prt_pt, *prt_region, *prt_type;
	size_t nprt, npt;
	uint32_t *pr_pid, *pr_region, *pr_order;   /* pr_order: by partner, then region */
	size_t npr;
	uint32_t *place_region, *place_type;  /* place_region: the plan region */
	int32_t *place_cercle;
	uint32_t *place_slot;     /* the finest place's slot in rc_max (activity_place_region
	                           * and cercle): types of one place share it */
	size_t nplace;
	size_t npctp, nctp, ngid;

	struct table_lines lines; /* (source, line) → row */

	struct cube_work work;

	/* rows by overlap group and by partner × region (CSR), for the few
	 * flags whose rows are asked for: built by cube_rows on first question */
	uint32_t *ctp_start, *pr_start;
	uint32_t *ctp_rows, *pr_rows;
};

/* Groups t's rows by region (row indices taken before no longer hold),
 * then indexes them for c.  Free with cube_index_free. */
void cube_index_build(struct cube_index *ix, const struct config *c, struct table *t);
void cube_index_free(struct cube_index *ix);

/* The row of the indexed table read from (source, line), or -1. */
long cube_index_row_at(const struct cube_index *ix, uint32_t source, uint32_t line);

#endif
