/* app: the screen's state and the dispatch of actions to commands and
 * views.  The loop that reads keys and draws is loop.c's. */
#include <curses.h>           /* KEY_ENTER, KEY_BACKSPACE of the filter line */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "changes.h"
#include "cube_rows.h"
#include "gazetteer.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "xalloc.h"
#include "i18n.h"

#define KEY_ESC 27

const struct view_ops *app_view_ops(const struct app *a, enum view_id v)
{
	return a->views[v].ops;
}

/* ---- state ------------------------------------------------------------- */

static bool region_listed(const struct app *a, int r)
{
	const struct region *g = &a->cfg->regions[r];
	return layout_region_key(a->cfg, r) || (g->in_need > 0) || (g->targeted > 0) ||
	       a->base.region[r].activities > 0;
}

/* Regions with a key first, in the key table's order (1..9, 0); then the
 * others that have figures or rows, in config order.  Fixed for the session
 * so lines do not jump around while filters change. */
static void list_regions(struct app *a)
{
	const struct config *c = a->cfg;

	a->nregions = 0;
	for (size_t k = 0; k < keymap_len; k++) {
		int r = keymap[k].action == ACT_REGION ? layout_region_of_key(c, keymap[k].key) : -1;
		if (r >= 0 && a->nregions < 64)
			a->regions[a->nregions++] = r;
	}
	for (size_t r = 0; r < c->nregions && r < 64; r++)
		if (!layout_region_key(c, (int)r) && region_listed(a, (int)r) && a->nregions < 64)
			a->regions[a->nregions++] = (int)r;
}

/* Stale partners come from the core's STALE flags, each naming its partner. */
static void list_stale(struct app *a)
{
	a->nstale = 0;
	free(a->stale);
	a->stale = xcalloc(a->gaps.len + 1, sizeof *a->stale);
	for (size_t i = 0; i < a->gaps.len; i++)
		if (a->gaps.items[i].kind == GAP_STALE && a->gaps.items[i].partner)
			a->stale[a->nstale++] = a->gaps.items[i].partner;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* FOURW_TRACE=FILE appends how long each recomputation took: the figure
 * behind "every filter keystroke within one frame".  Never the terminal. */
static void app_trace(const char *what, double ms)
{
	const char *path = getenv("FOURW_TRACE");
	FILE *f = path && *path ? fopen(path, "a") : NULL;

	if (!f)
		return;
	fprintf(f, "%s %.2f ms\n", what, ms);
	fclose(f);
}

/* The filter without its regions, when that is not the unfiltered one:
 * what the other regions' lines show while some are picked. */
static bool wide_needed(const struct app *a, struct filter *wide)
{
	*wide = a->filter;
	filter_clear_regions(wide);
	return filter_limits_regions(&a->filter) && !filter_is_empty(wide);
}

/* The figures the regions view's lines show (app_comparison's with regions
 * picked): what changes.c compares. */
static const struct cube *regions_shown(const struct app *a)
{
	return filter_limits_regions(&a->filter) ? app_comparison(a) : &a->cube;
}

static void recompute(struct app *a)
{
	double t0 = now_ms();
	struct filter wide;

	cube_compute(&a->cube, a->index, &a->filter);
	if (wide_needed(a, &wide))
		cube_compute(&a->wide, a->index, &wide);
	gap_list_free(&a->gaps);
	gap_list_init(&a->gaps);
	gaps_compute(&a->gaps, a->cfg, a->tab, &a->cube, a->report_month);
	app_gaps_agenda(a);
	list_stale(a);
	if (a->rows.mode != ROWS_REJECTED)
		app_rows_counted(a, -1, -1, NULL);
	changes_recompute(a, regions_shown(a));
	app_trace("recompute", now_ms() - t0);
	for (int v = 0; v < VIEW_COUNT; v++) {
		int n = a->views[v].ops->count(a);
		if (a->views[v].sel >= n)
			a->views[v].sel = n > 0 ? n - 1 : 0;
	}
}

void app_init(struct app *a, const struct config *c, const struct table *t,
              struct cube_index *ix, const struct view_ops *const views[VIEW_COUNT],
              const struct app_options *opt)
{
	memset(a, 0, sizeof *a);
	a->cfg = c;
	a->tab = t;
	a->index = ix;
	a->opt = *opt;
	a->report_month = c->report_month >= 0 ? c->report_month : t->latest_month;
	filter_init(&a->filter);
	cube_init(&a->cube);
	cube_init(&a->base);
	cube_init(&a->wide);
	a->gaps_least = SEV_INFO;
	gap_list_init(&a->gaps);
	gap_list_init(&a->base_gaps);
	cube_compute(&a->base, ix, &a->filter);
	gaps_compute(&a->base_gaps, c, t, &a->base, a->report_month);
	for (int v = 0; v < VIEW_COUNT; v++)
		a->views[v].ops = views[v];
	list_regions(a);
	picker_init(&a->picker, &(struct picker_lists){ c, a->regions, a->nregions, &a->base });
	recompute(a);
}

void app_swap_data(struct app *a, const struct table *t, struct cube_index *ix)
{
	const struct config *c = a->cfg;
	struct filter all;

	a->tab = t;
	a->index = ix;
	a->report_month = c->report_month >= 0 ? c->report_month : t->latest_month;
	a->changes_ready = false;     /* new sheets: the earlier figures are computed again */
	filter_init(&all);
	cube_compute(&a->base, ix, &all);
	gap_list_free(&a->base_gaps);
	gap_list_init(&a->base_gaps);
	gaps_compute(&a->base_gaps, c, t, &a->base, a->report_month);
	list_regions(a);
	picker_init(&a->picker, &(struct picker_lists){ c, a->regions, a->nregions, &a->base });
	recompute(a);
	if (a->rows.mode == ROWS_REJECTED)
		app_rows_rejected(a);
}

void app_free(struct app *a)
{
	cube_free(&a->cube);
	cube_free(&a->base);
	cube_free(&a->wide);
	gap_agenda_free(&a->agenda);
	gap_list_free(&a->gaps);
	gap_list_free(&a->base_gaps);
	free(a->rows.idx);
	free(a->rows.refs);
	free(a->stale);
	changes_free(a);
}

void app_status(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
}

/* The regions view's cursor goes to the one region picked, so the line
 * the room looks at is the one the header speaks of. */
static void follow_region(struct app *a)
{
	int regs[64], n = app_compared_regions(a, regs), r = app_single_region(a);

	for (int i = 0; r >= 0 && i < n; i++)
		if (regs[i] == r)
			a->views[VIEW_REGIONS].sel = i;
}

void app_set_filter(struct app *a, const struct filter *f)
{
	a->filter = *f;
	recompute(a);
	follow_region(a);
}

int app_single_region(const struct app *a)
{
	return filter_single_region(&a->filter);
}

/* With a text or partner filter a region with no row is left out. */
static bool only_active(const struct app *a)
{
	return a->filter.text[0] || a->filter.npartners > 0;
}

int app_visible_regions(const struct app *a, int *out)
{
	int n = 0;

	for (int i = 0; i < a->nregions; i++) {
		int r = a->regions[i];
		if (!filter_has_region(&a->filter, r))
			continue;
		if (only_active(a) && a->cube.region[r].activities == 0)
			continue;
		out[n++] = r;
	}
	return n;
}

const struct cube *app_comparison(const struct app *a)
{
	struct filter wide;
	return wide_needed(a, &wide) ? &a->wide : &a->base;
}

int app_compared_regions(const struct app *a, int *out)
{
	const struct cube *q = app_comparison(a);
	int n = 0;

	if (!filter_limits_regions(&a->filter))
		return app_visible_regions(a, out);
	for (int i = 0; i < a->nregions; i++)
		if (!only_active(a) || q->region[a->regions[i]].activities > 0)
			out[n++] = a->regions[i];
	return n;
}

void app_gaps_agenda(struct app *a)
{
	gap_agenda_free(&a->agenda);
	gap_agenda_build(&a->agenda, &a->gaps, a->report_month, a->gaps_least);
}

enum severity app_worst_flag(const struct app *a, int region, int type)
{
	enum severity worst = SEV_COUNT;

	for (size_t i = 0; i < a->base_gaps.len; i++) {
		const struct gap *g = &a->base_gaps.items[i];
		if (g->region == region && (type < 0 || g->type == type) && g->severity < worst)
			worst = g->severity;
	}
	return worst;
}

void app_show(struct app *a, enum view_id v)
{
	if (v == VIEW_HELP && a->cur != VIEW_HELP)
		a->before_help = a->cur;
	a->cur = v;
}

void app_show_from_top(struct app *a, enum view_id v)
{
	a->views[v].sel = a->views[v].col = 0;
	app_show(a, v);
}

void app_push(struct app *a)
{
	const struct view *v = &a->views[a->cur];

	if (a->depth == (int)(sizeof a->stack / sizeof a->stack[0])) {
		memmove(a->stack, a->stack + 1, sizeof a->stack - sizeof a->stack[0]);
		a->depth--;
	}
	a->stack[a->depth++] = (struct back){ a->cur, v->sel, v->top, v->col, v->left, a->filter };
}

static void pop(struct app *a)
{
	const struct back *b = &a->stack[--a->depth];
	struct view *v = &a->views[b->view];

	if (memcmp(&b->filter, &a->filter, sizeof b->filter) != 0 || b->view == VIEW_ROWS) {
		a->rows.mode = ROWS_COUNTED;
		app_set_filter(a, &b->filter);
	}
	a->cur = b->view;
	v->sel = b->sel;
	v->top = b->top;
	v->col = b->col;
	v->left = b->left;
}

/* ---- rows behind a figure ---------------------------------------------- */

static void rows_reset(struct app *a, enum rows_mode mode)
{
	free(a->rows.idx);
	free(a->rows.refs);
	a->rows.idx = NULL;
	a->rows.refs = NULL;
	a->rows.n = 0;
	a->rows.mode = mode;
	a->views[VIEW_ROWS].sel = a->views[VIEW_ROWS].top = 0;
}

void app_rows_counted(struct app *a, int region, int type, const char *title)
{
	rows_reset(a, ROWS_COUNTED);
	a->rows.n = cube_rows_for(&a->cube, region, type, &a->rows.idx);
	snprintf(a->rows.title, sizeof a->rows.title, "%s",
	         title ? title : _("Rows counted under the current filter"));
}

void app_rows_refs(struct app *a, size_t flag)
{
	rows_reset(a, ROWS_REFS);
	a->rows.n = gaps_rows(&a->gaps, flag, &a->rows.refs);
	snprintf(a->rows.title, sizeof a->rows.title, _("Rows behind: %s"),
	         a->gaps.items[flag].reason);
}

void app_rows_rejected(struct app *a)
{
	const struct diag_list *d = &a->tab->diags;

	rows_reset(a, ROWS_REJECTED);
	a->rows.idx = xcalloc(d->len + 1, sizeof *a->rows.idx);
	for (size_t i = 0; i < d->len; i++)
		if (diag_words_at(d, i)->level == DIAG_REJECT)
			a->rows.idx[a->rows.n++] = (uint32_t)i;
	snprintf(a->rows.title, sizeof a->rows.title,
	         "%s", _("Rejected rows: not counted in any figure (fix them in the sheet)"));
}

long app_find_row(const struct app *a, uint32_t source, uint32_t line)
{
	return cube_index_row_at(a->index, source, line);
}

bool app_partner_stale(const struct app *a, const char *partner)
{
	for (size_t i = 0; i < a->nstale; i++)
		if (a->stale[i] == partner)
			return true;
	return false;
}

/* ---- commands ---------------------------------------------------------- */

static void select_region(struct app *a, int r)
{
	struct filter f = a->filter;

	filter_only_region(&f, r);
	app_set_filter(a, &f);
	if (r >= 0)
		app_status(a, _("%s selected — same key again for all regions"), a->cfg->regions[r].name);
	else
		app_status(a, "%s", _("all regions"));
}

static void cmd_region(struct app *a, int key)
{
	int r = layout_region_of_key(a->cfg, key);

	if (r < 0 || r >= 64) {
		app_status(a, _("no region on key %c"), key);
		return;
	}
	select_region(a, app_single_region(a) == r ? -1 : r);
}

static void cmd_step_region(struct app *a, int dir)
{
	select_region(a, layout_cycle(a->regions, a->nregions, app_single_region(a), dir));
}

static void cmd_next_region(struct app *a, int key) { (void)key; cmd_step_region(a, 1); }
static void cmd_prev_region(struct app *a, int key) { (void)key; cmd_step_region(a, -1); }

static void cmd_quit(struct app *a, int key)
{
	(void)key;
	a->quit = true;
}

static void cmd_help(struct app *a, int key)
{
	(void)key;
	app_show(a, a->cur == VIEW_HELP ? a->before_help : VIEW_HELP);
}

static void cmd_cycle_view(struct app *a, int dir)
{
	int v = a->cur == VIEW_HELP ? (int)a->before_help : (int)a->cur;

	app_show(a, (enum view_id)(((v + dir) % VIEW_TABS + VIEW_TABS) % VIEW_TABS));
}

static void cmd_next_view(struct app *a, int key) { (void)key; cmd_cycle_view(a, 1); }
static void cmd_prev_view(struct app *a, int key) { (void)key; cmd_cycle_view(a, -1); }

/* The tab whose show action the key is bound to (the tab line names it). */
static void cmd_view(struct app *a, int key)
{
	enum action act = keymap_lookup(key);

	for (int v = 0; v < VIEW_TABS; v++)
		if (a->views[v].ops->show == act)
			app_show(a, (enum view_id)v);
}

/* The rows tab lists the counted rows, even after x listed the rejected. */
static void cmd_rows(struct app *a, int key)
{
	if (a->rows.mode == ROWS_REJECTED)
		app_rows_counted(a, -1, -1, NULL);
	cmd_view(a, key);
}

static void cmd_rejected(struct app *a, int key)
{
	(void)key;
	app_push(a);
	app_rows_rejected(a);
	app_show(a, VIEW_ROWS);
}

static void cmd_back(struct app *a, int key)
{
	struct view *v = &a->views[a->cur];

	(void)key;
	if (v->ops->act && v->ops->act(a, v, ACT_BACK) == H_HANDLED)
		return;               /* the view closed something of its own (a pane) */
	if (a->cur == VIEW_HELP)
		app_show(a, a->before_help);
	else if (a->depth > 0)
		pop(a);
	else
		app_status(a, "%s", _("nothing to go back to"));
}

static void cmd_clear(struct app *a, int key)
{
	struct filter f;

	(void)key;
	filter_init(&f);
	a->rows.mode = ROWS_COUNTED;
	app_set_filter(a, &f);
	app_status(a, "%s", _("every filter cleared"));
}

/* The gaps view lists every flag, or only critical and high ones: what
 * leads the meeting, without seven screens of the rest between them. */
static void cmd_severity(struct app *a, int key)
{
	(void)key;
	a->gaps_least = a->gaps_least == SEV_INFO ? SEV_HIGH : SEV_INFO;
	app_gaps_agenda(a);
	a->views[VIEW_GAPS].sel = a->views[VIEW_GAPS].top = 0;
	app_show(a, VIEW_GAPS);
	app_status(a, "%s", a->gaps_least == SEV_HIGH ? _("gaps: critical and high only")
	                                              : _("gaps: every flag"));
}

static void cmd_search(struct app *a, int key)
{
	(void)key;
	a->prompting = true;
	a->prompt[0] = '\0';
	a->prompt_saved = a->filter;
}

/* The question is answered by the next key, which the loop hands to
 * share.c (what an export is lives there, not in the app). */
static void cmd_export(struct app *a, int key)
{
	(void)key;
	a->exporting = true;
	app_status(a, _("Export this view: i for the IMO (exact), s to share (counts below %d masked), "
	                "Esc cancels"), a->cfg->share.mask_below);
}

/* The loop draws the presentation while it is on (tui/present.h). */
static void cmd_present(struct app *a, int key)
{
	(void)key;
	a->presenting = true;
}

static void cmd_reload(struct app *a, int key)
{
	(void)key;
	a->reload_asked = true;
	app_status(a, "%s", _("Reading the sheets again…"));
}

static void cmd_delta(struct app *a, int key) { (void)key; changes_toggle(a, regions_shown(a)); }
static void cmd_pick_region(struct app *a, int key) { (void)key; picker_open(&a->picker, PICK_REGION); }
static void cmd_pick_type(struct app *a, int key) { (void)key; picker_open(&a->picker, PICK_TYPE); }
static void cmd_pick_partner(struct app *a, int key) { (void)key; picker_open(&a->picker, PICK_PARTNER); }

struct command {
	enum action act;
	void (*fn)(struct app *a, int key);
};

static const struct command commands[] = {
	{ ACT_QUIT, cmd_quit },               { ACT_HELP, cmd_help },
	{ ACT_NEXT_VIEW, cmd_next_view },     { ACT_PREV_VIEW, cmd_prev_view },
	{ ACT_VIEW_REGIONS, cmd_view },       { ACT_VIEW_MATRIX, cmd_view },
	{ ACT_VIEW_GAPS, cmd_view },          { ACT_VIEW_PARTNERS, cmd_view },
	{ ACT_VIEW_ROWS, cmd_rows },          { ACT_REJECTED, cmd_rejected },
	{ ACT_BACK, cmd_back },               { ACT_REGION, cmd_region },
	{ ACT_NEXT_REGION, cmd_next_region }, { ACT_PREV_REGION, cmd_prev_region },
	{ ACT_SEARCH, cmd_search },           { ACT_CLEAR, cmd_clear },
	{ ACT_PICK_REGION, cmd_pick_region }, { ACT_PICK_TYPE, cmd_pick_type },
	{ ACT_PICK_PARTNER, cmd_pick_partner }, { ACT_RELOAD, cmd_reload },
	{ ACT_EXPORT, cmd_export },           { ACT_SEVERITY, cmd_severity },
	{ ACT_PRESENT, cmd_present },
	{ ACT_DELTA, cmd_delta },
};

/* ---- keys -------------------------------------------------------------- */

static bool move_step(enum action act, enum layout_step *step)
{
	switch (act) {
	case ACT_UP:        *step = STEP_UP; return true;
	case ACT_DOWN:      *step = STEP_DOWN; return true;
	case ACT_PAGE_UP:   *step = STEP_PAGE_UP; return true;
	case ACT_PAGE_DOWN: *step = STEP_PAGE_DOWN; return true;
	case ACT_HOME:      *step = STEP_HOME; return true;
	case ACT_END:       *step = STEP_END; return true;
	default:            return false;
	}
}

static void picker_key(struct app *a, enum action act)
{
	enum layout_step step;
	struct filter f = a->filter;

	if (move_step(act, &step)) {
		picker_step(&a->picker, step);
	} else if (act == ACT_ENTER) {
		picker_choose(&a->picker, &f);
		app_set_filter(a, &f);
	} else if (act == ACT_BACK) {
		picker_close(&a->picker);
	} else if (act == ACT_QUIT) {
		a->quit = true;
	}
}

/* The one region the typed text names (gazetteer_region_mentions), if exactly
 * one: "/segou Enter" then selects Ségou itself, so the header shows
 * Ségou's own need and target. */
static int region_named(const struct app *a, const char *text)
{
	char folded[FILTER_TEXT_MAX];
	int found = -1;

	if (text_fold(text, strlen(text), folded, sizeof folded) == 0)
		return -1;
	for (size_t r = 0; r < a->cfg->nregions; r++) {
		if (!gazetteer_region_mentions(a->cfg, (int)r, folded))
			continue;
		if (found >= 0)
			return -1;
		found = (int)r;
	}
	return found;
}

static void prompt_update(struct app *a)
{
	struct filter f = a->prompt_saved;

	filter_set_text(&f, a->prompt);
	app_set_filter(a, &f);
}

static void prompt_done(struct app *a, bool keep)
{
	int r = keep ? region_named(a, a->prompt) : -1;
	struct filter f = a->prompt_saved;

	a->prompting = false;
	if (!keep) {
		app_set_filter(a, &f);
		app_status(a, "%s", _("filter cancelled"));
	} else if (r >= 0 && r < 64) {
		filter_only_region(&f, r);
		app_set_filter(a, &f);
		app_status(a, _("%s selected"), a->cfg->regions[r].name);
	} else {
		app_status(a, "%s", _("filter kept — c clears it"));
	}
}

static void prompt_key(struct app *a, int key)
{
	size_t len = strlen(a->prompt);

	if (key == KEY_ESC) {
		prompt_done(a, false);
	} else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
		prompt_done(a, true);
	} else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
		while (len > 0 && ((unsigned char)a->prompt[len - 1] & 0xC0) == 0x80)
			len--;                      /* a whole UTF-8 character */
		a->prompt[len > 0 ? len - 1 : 0] = '\0';
		prompt_update(a);
	} else if (key == 21) {             /* Ctrl-U */
		a->prompt[0] = '\0';
		prompt_update(a);
	} else if (key >= ' ' && key <= 0xFF && key != 127 && len + 1 < sizeof a->prompt) {
		a->prompt[len] = (char)key;     /* UTF-8 arrives one byte at a time */
		a->prompt[len + 1] = '\0';
		prompt_update(a);
	}
}

void app_dispatch(struct app *a, int key)
{
	enum action act = keymap_lookup(key);
	struct view *v = &a->views[a->cur];
	enum layout_step step;

	a->status[0] = '\0';
	if (a->prompting) {
		prompt_key(a, key);
		return;
	}
	if (picker_is_open(&a->picker)) {
		if (!picker_type(&a->picker, key))
			picker_key(a, act);
		return;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (commands[i].act == act) {
			commands[i].fn(a, key);
			return;
		}
	if (v->ops->act && v->ops->act(a, v, act) == H_HANDLED)
		return;
	if (move_step(act, &step))
		v->sel = layout_step(v->sel, v->ops->count(a), v->h, step);
}

void app_draw_view(struct app *a, int y, int x, int h, int w)
{
	struct view *v = &a->views[a->cur];

	v->h = h;
	v->top = layout_scroll(v->top, v->sel, v->ops->count(a), h);
	v->ops->draw(a, v, y, x, h, w);
}
