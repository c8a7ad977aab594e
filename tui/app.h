/* app: the state of the meeting screen and what each key does to it.
 *
 * The app owns the current filter and the figures computed for it (a cube
 * and its gap list, both from the core).  Every change of filter goes
 * through app_set_filter(), which recomputes them; views only read. */
#ifndef FOURW_TUI_APP_H
#define FOURW_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aggregate.h"
#include "compare.h"
#include "config.h"
#include "delta.h"
#include "filter.h"
#include "gaps.h"
#include "gaps_order.h"
#include "picker.h"
#include "table.h"
#include "theme.h"
#include "view.h"

enum view_id { VIEW_REGIONS, VIEW_MATRIX, VIEW_GAPS, VIEW_PARTNERS, VIEW_ROWS,
               VIEW_HELP, VIEW_COUNT };
#define VIEW_TABS VIEW_HELP       /* Tab cycles the views before help */

/* What the rows view lists. */
enum rows_mode { ROWS_COUNTED, ROWS_REJECTED, ROWS_REFS };
struct rows_list {
	enum rows_mode mode;
	uint32_t *idx;            /* COUNTED: table rows; REJECTED: table.diags items */
	struct rowref *refs;      /* REFS: a flag's rows (may be rejected ones) */
	size_t n;
	char title[192];
};

struct back {                 /* one step of drill-down, undone by Esc */
	enum view_id view;
	int sel, top, col, left;
	struct filter filter;
};

struct app_options {
	enum theme_kind theme;
	bool color, ascii;
	long max_keys;            /* exit after this many keys (tests), 0 = never */
	enum theme_kind present_theme;   /* the presentation's: light (projectors) unless chosen */
	int present_seconds;      /* presentation: seconds a page stays (--present) */
	bool present_at_start;    /* --present: the screen opens in presentation */
	const struct baseline *saved; /* --compare FILE: what the Δ is measured against */
	const char *saved_name;       /* its path as given */
};

struct app {
	const struct config *cfg;
	const struct table *tab;
	struct cube_index *index; /* over tab: every cube is computed with it */
	struct app_options opt;

	struct filter filter;
	struct cube cube;         /* for filter */
	struct gap_list gaps;     /* for filter */
	struct cube base;         /* unfiltered: lists of regions and partners */
	struct gap_list base_gaps;    /* of base: each region's worst flag whatever the filter */
	struct cube wide;         /* the filter without its regions, when it has more than
	                             regions (else base is that): the other regions' figures
	                             the regions view keeps beside the picked ones */
	struct gap_agenda agenda; /* gaps as the gaps view lists them (gaps_order.h) */
	enum severity gaps_least; /* the least severe flag the gaps view lists */
	bool earlier_open;        /* the flags about earlier months unfolded */
	bool gap_detail;          /* the gaps view's pane with the selected flag whole */
	int report_month;

	int regions[64];          /* regions listed, in key order then config order */
	int nregions;
	const char **stale;       /* partners flagged stale (interned pointers) */
	size_t nstale;

	struct view views[VIEW_COUNT];
	enum view_id cur, before_help;
	struct rows_list rows;
	struct back stack[16];
	int depth;

	bool prompting;           /* type-to-filter line is open */
	char prompt[FILTER_TEXT_MAX];
	struct filter prompt_saved;

	struct picker picker;

	/* what changed (changes.c): key d, --compare */
	bool delta_on;
	struct baseline before;   /* the figures the Δ is measured against */
	struct trend trend;       /* reached per region at the end of each month */
	struct change_list changes;   /* from before to the figures shown */
	struct filter changes_for;    /* the filter before and trend were computed for
	                                 (regions cleared): a region key reuses them */
	bool changes_ready;           /* before and trend hold changes_for's figures */

	char status[192];
	bool reload_asked;        /* Ctrl-R: the loop's live reload takes it */
	bool exporting;           /* `e` asked "for the IMO or to share?" (share.c) */
	bool presenting;          /* presentation mode (present.c draws it, the loop times it) */
	bool quit;
};

/* ix: the index built over t (cube_index_build), kept by the caller.
 * views: the screens, by view_id (views_all); given by the caller so the
 * app, which the views call, does not depend on them in turn. */
void app_init(struct app *a, const struct config *c, const struct table *t,
              struct cube_index *ix, const struct view_ops *const views[VIEW_COUNT],
              const struct app_options *opt);
void app_free(struct app *a);
/* Answers one key: the prompt or the picker while open, else the
 * command bound to it, else the current view. */
void app_dispatch(struct app *a, int key);
/* Draws the current view into the body, scrolled to its selection. */
void app_draw_view(struct app *a, int y, int x, int h, int w);
/* The vtable of view v (its tab name and the action that shows it). */
const struct view_ops *app_view_ops(const struct app *a, enum view_id v);

/* Shows a new reading of the sheets (t, indexed by ix) in place of the
 * one shown, keeping the view, the filter and the cursor. */
void app_swap_data(struct app *a, const struct table *t, struct cube_index *ix);
/* Replaces the filter and recomputes the figures. */
void app_set_filter(struct app *a, const struct filter *f);
/* The regions the views list for the current filter into out[64]: the
 * selected ones; with a text or partner filter only those with rows; else
 * every listed region.  Returns how many. */
int app_visible_regions(const struct app *a, int *out);
/* The figures of the regions the filter does not pick: the cube of the
 * filter without its regions (the unfiltered one when it has no more). */
const struct cube *app_comparison(const struct app *a);
/* The regions the regions view lists into out[64]: with regions picked,
 * those it would list with none picked, so the room keeps the comparison;
 * else app_visible_regions.  Returns how many. */
int app_compared_regions(const struct app *a, int *out);
/* Rebuilds the gaps view's list (after the gap list, the severity shown
 * or the folding changed). */
void app_gaps_agenda(struct app *a);
/* The worst flag of the plan's gap list for region r and type t (-1: any)
 * — SEV_COUNT if none: the same whatever the filter, so a region keeps its
 * mark when it is picked or typed. */
enum severity app_worst_flag(const struct app *a, int region, int type);
/* The one region the filter selects, or -1 (none or several). */
int app_single_region(const struct app *a);
/* Switches view (remembering where help was opened from). */
void app_show(struct app *a, enum view_id v);
/* Switches to view v on its first line and column: a drill-down into it. */
void app_show_from_top(struct app *a, enum view_id v);
/* Saves the current place so Esc can return to it. */
void app_push(struct app *a);
/* Fills the rows view. */
void app_rows_counted(struct app *a, int region, int type, const char *title);
void app_rows_refs(struct app *a, size_t flag);
void app_rows_rejected(struct app *a);
/* The table row at (source, line), or -1. */
long app_find_row(const struct app *a, uint32_t source, uint32_t line);
bool app_partner_stale(const struct app *a, const char *partner);
/* Sets the status line (shown on the tab line until the next key). */
void app_status(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
