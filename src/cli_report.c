/* fourw report and fourw gaps: the figures and the flags for the minutes.
 *
 * Both read the same options into the same filter value the screen builds,
 * load the sheets, aggregate, run the gap rules and hand the result to a
 * report writer.  Rejected rows never stop a report: their count is in it,
 * and stderr names the sheets that lost them; only a plan with no accepted
 * row at all stops it (exit 2), rather than print a plan of zeros.
 * Filter values are checked against config.ini before any sheet is read,
 * so a typo in --region costs nothing. */
#include "cli.h"
#include "delta.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aggregate.h"
#include "compare.h"
#include "config.h"
#include "filter.h"
#include "fmt.h"
#include "i18n.h"
#include "gaps.h"
#include "gazetteer.h"
#include "i18n.h"
#include "itype.h"
#include "load.h"
#include "parse.h"
#include "report.h"
#include "safe.h"
#include "table.h"
#include "xalloc.h"

#define MAX_VALUES 64

/* What the command line asked for, before config.ini can resolve it. */
struct request {
	const char *cmd;          /* "report" or "gaps" */
	enum report_format format;
	const char *config;
	const char *regions[MAX_VALUES], *types[MAX_VALUES], *partners[MAX_VALUES],
	           *statuses[MAX_VALUES];
	size_t nregions, ntypes, npartners, nstatuses;
	const char *from, *to;
	bool by_written_region;   /* --by written-region: rule 12's level below */
	const char *complete;     /* --complete region|type: list the values, read nothing else */
	const char *compare;      /* --compare FILE: a saved CSV report; what changed since */
};

static void usage_text(FILE *f, const char *cmd)
{
	fprintf(f,
	        _("usage: fourw %s [--format text|md|csv] [--region R]... [--type T]...\n"
	          "       [--partner P]... [--status S]... [--from YYYY-MM] [--to YYYY-MM]\n"
	          "       [--by plan-region|written-region] [-c CONFIG] [SHEET|DIR]...\n"), cmd);
	fputs(strcmp(cmd, "gaps") == 0
	      ? _("Lists the gap flags (no presence, low coverage, missing essential service,\n"
	          "concentration, above target or need, stale reporting, data quality), most\n"
	          "severe first, each with the rows behind it.\n")
	      : _("Prints the plan's key figures, coverage by region and by region x intervention\n"
	          "type, and the gap flags: as text, as Markdown for the minutes, or as CSV.\n"), f);
	fputs(_("--region takes a p-code or a name, --type a code or a label; each may be\n"
	        "repeated.  --status: planned, ongoing, completed, suspended.  Rows count\n"
	        "under the plan's regions (Nioro's under Kayes when the plan's figures are\n"
	        "by the old regions); --by written-region counts them under the regions\n"
	        "the sheets wrote.  Sheets default to those named in config.ini.  Rejected\n"
	        "rows are not counted: stderr says how many, in which sheets.\n"
	        "--complete region|type prints the region names or type codes the config\n"
	        "accepts, one a line (for shell completion).  -c, --config FILE chooses the\n"
	        "config.ini and --lang fr|en the language, as before the command; -h, --help\n"
	        "prints this help.\n"
	        "Exit status: 0 done, 2 usage error, unreadable input or no row accepted.\n"), f);
	/* its own message, so the paragraph above keeps its translation */
	fputs(_("--compare FILE adds what changed since FILE, a report saved earlier with\n"
	        "--format csv (text and md; the CSV report keeps its columns).\n"), f);
}

/* "fourw report: <what><arg><after>", then the usage; returns 2. */
static int usage_error(FILE *err, const struct request *rq, const char *what, const char *arg,
                       const char *after)
{
	fprintf(err, _("fourw %s: %s"), rq->cmd, what);
	if (arg)
		safe_fputs(arg, err);
	fprintf(err, "%s\n", after);
	usage_text(err, rq->cmd);
	return 2;
}

static bool push_value(const char **v, size_t *n, const char *s)
{
	if (*n == MAX_VALUES)
		return false;
	v[(*n)++] = s;
	return true;
}

static const struct option long_opts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "region", required_argument, NULL, 'r' },
	{ "type", required_argument, NULL, 't' },
	{ "partner", required_argument, NULL, 'p' },
	{ "status", required_argument, NULL, 's' },
	{ "from", required_argument, NULL, 'F' },
	{ "to", required_argument, NULL, 'T' },
	{ "by", required_argument, NULL, 'B' },
	{ "config", required_argument, NULL, 'c' },
	{ "lang", required_argument, NULL, 'L' },
	{ "help", no_argument, NULL, 'h' },
	{ "complete", required_argument, NULL, 'K' },
	{ "compare", required_argument, NULL, 'C' },
	{ NULL, 0, NULL, 0 },
};

static bool take_value(struct request *rq, int ch, const char *arg)
{
	switch (ch) {
	case 'r': return push_value(rq->regions, &rq->nregions, arg);
	case 't': return push_value(rq->types, &rq->ntypes, arg);
	case 'p': return push_value(rq->partners, &rq->npartners, arg);
	case 's': return push_value(rq->statuses, &rq->nstatuses, arg);
	case 'F': rq->from = arg; return true;
	case 'T': rq->to = arg; return true;
	case 'c': rq->config = arg; return true;
	case 'C': rq->compare = arg; return true;
	case 'L': return true;      /* read before the others: cli_language_option */
	default: return false;
	}
}

/* Returns -1 to go on, else the exit status (help: 0, usage error: 2). */
static int parse_args(int argc, char **argv, struct request *rq, FILE *out, FILE *err)
{
	int ch;
	if (cli_language_option(argc, argv, err) >= 0)
		return 2;
	optind = 0;     /* so a second call in the same process starts afresh */
	opterr = 0;     /* our messages go to err, not to stderr */
	while ((ch = getopt_long(argc, argv, ":f:r:t:p:s:c:h", long_opts, NULL)) != -1) {
		if (ch == 'h') {
			usage_text(out, rq->cmd);
			return 0;
		}
		if (ch == 'f') {
			if (!report_format_parse(optarg, &rq->format))
				return usage_error(err, rq, _("unknown format '"), optarg,
				                   _("' (text, md or csv)"));
			continue;
		}
		if (ch == 'B') {
			if (strcmp(optarg, "written-region") && strcmp(optarg, "plan-region"))
				return usage_error(err, rq, _("unknown --by '"), optarg,
				                   _("' (plan-region or written-region)"));
			rq->by_written_region = strcmp(optarg, "written-region") == 0;
			continue;
		}
		if (ch == 'K') {
			if (strcmp(optarg, "region") && strcmp(optarg, "type"))
				return usage_error(err, rq, "unknown --complete '", optarg,
				                   "' (region or type)");
			rq->complete = optarg;
			continue;
		}
		if (ch == ':')
			return usage_error(err, rq, _("missing value for "), argv[optind - 1], "");
		if (ch == '?')
			return usage_error(err, rq, _("unknown option "), argv[optind - 1], "");
		if (!take_value(rq, ch, optarg))
			return usage_error(err, rq, _("too many values (64 at most): "), optarg, "");
	}
	/* The CSV report's columns are what --compare itself reads: nothing
	 * is appended to them. */
	if (rq->compare && rq->format == REPORT_CSV)
		return usage_error(err, rq, _("--compare adds a section to text or md; the CSV "
		                   "report keeps its columns"), NULL, "");
	/* The CSV report is for machines: its cells — gap reasons and their
	 * figures too — stay in English whatever the reader's language. */
	if (rq->format == REPORT_CSV)
		i18n_choose(I18N_FROM_OPTION, I18N_EN);
	return -1;
}

/* ---- resolving against config.ini ----------------------------------------- */

static bool resolve_region(const struct config *c, const char *s, int *r)
{
	return gazetteer_resolve_region(c, s, NULL, 0, r) == PLACE_OK ||
	       gazetteer_resolve_region(c, NULL, s, 0, r) == PLACE_OK;
}

static int region_error(FILE *err, const struct request *rq, const struct config *c,
                        const char *s)
{
	char sugg[256];
	fprintf(err, _("fourw %s: unknown region '"), rq->cmd);
	safe_fputs(s, err);
	fputc('\'', err);
	if (gazetteer_suggest_region(c, s, sugg, sizeof sugg) > 0) {
		fputs(_(" — did you mean "), err);
		safe_fputs(sugg, err);
		fputc('?', err);
	}
	fputc('\n', err);
	return 2;
}

static int type_error(FILE *err, const struct request *rq, const struct config *c, const char *s)
{
	fprintf(err, _("fourw %s: unknown intervention type '"), rq->cmd);
	safe_fputs(s, err);
	fputs(_("'; known codes:"), err);
	for (size_t t = 0; t < c->ntypes; t++)
		fprintf(err, " %s", c->types[t].code);
	fputc('\n', err);
	return 2;
}

static int resolve_places_and_types(const struct request *rq, const struct config *c,
                                    struct filter *f, FILE *err)
{
	for (size_t i = 0; i < rq->nregions; i++) {
		int r;
		if (!resolve_region(c, rq->regions[i], &r))
			return region_error(err, rq, c, rq->regions[i]);
		if (!filter_add_region(f, r))
			return usage_error(err, rq, _("the filter holds 64 regions at most: "),
			                   rq->regions[i], "");
	}
	for (size_t i = 0; i < rq->ntypes; i++) {
		int t = itype_resolve(c, rq->types[i]);
		if (t < 0)
			return type_error(err, rq, c, rq->types[i]);
		if (!filter_add_type(f, t))
			return usage_error(err, rq, _("the filter holds 64 types at most: "),
			                   rq->types[i], "");
	}
	return -1;
}

static int resolve_rest(const struct request *rq, struct filter *f, FILE *err)
{
	for (size_t i = 0; i < rq->nstatuses; i++) {
		int s = 1;
		while (s < STATUS_COUNT && strcasecmp(status_name((enum status)s), rq->statuses[i]))
			s++;
		if (s == STATUS_COUNT)
			return usage_error(err, rq, _("unknown status '"), rq->statuses[i],
			                   _("' (planned, ongoing, completed or suspended)"));
		f->statuses |= 1u << s;
	}
	for (size_t i = 0; i < rq->npartners; i++)
		if (!filter_add_partner(f, rq->partners[i]))
			return usage_error(err, rq, _("too many partners: "), rq->partners[i], "");
	if (rq->from && !month_parse(rq->from, &f->from_month))
		return usage_error(err, rq, _("--from expects YYYY-MM, got '"), rq->from, "'");
	if (rq->to && !month_parse(rq->to, &f->to_month))
		return usage_error(err, rq, _("--to expects YYYY-MM, got '"), rq->to, "'");
	if (f->from_month >= 0 && f->to_month >= 0 && f->from_month > f->to_month)
		return usage_error(err, rq, _("--from is after --to"), NULL, "");
	return -1;
}

/* ---- loading and writing --------------------------------------------------- */

/* --complete: what --region or --type accepts, from the config the command
 * would read, so a shell's completion offers exactly those names without
 * parsing config.ini or knowing where it is looked for. */
static int print_completions(const struct request *rq, const struct config *c, FILE *out)
{
	bool regions = strcmp(rq->complete, "region") == 0;
	size_t n = regions ? c->nregions : c->ntypes;
	for (size_t i = 0; i < n; i++) {
		safe_fputs(regions ? c->regions[i].name : c->types[i].code, out);
		fputc('\n', out);
	}
	return fflush(out) == 0 ? 0 : 2;
}

static bool load_config(const struct request *rq, struct config *cfg, FILE *err)
{
	return cli_load_config(rq->config, cfg, err);
}

static bool load_sheets(const struct config *cfg, char **paths, size_t n, struct table *t,
                        FILE *err)
{
	struct error e;
	if (load_paths(t, cfg, (const char *const *)paths, n, &e))
		return true;
	fputs(_("fourw: "), err);
	safe_fputs(e.msg, err);
	fputc('\n', err);
	return false;
}

/* --compare FILE: after the report, what changed since that saved report
 * (compare.h); read after the report so a bad file costs no figure. */
static int what_changed(const struct request *rq, const struct config *cfg, const struct cube *q,
                        FILE *out, FILE *err)
{
	struct baseline saved;
	struct change_list l = { 0 };
	struct error e;
	baseline_init(&saved);
	if (!baseline_read_report(&saved, cfg, rq->compare, &e)) {
		fflush(out);
		fprintf(err, "fourw %s: --compare: ", rq->cmd);
		safe_fputs(e.msg, err);
		fputc('\n', err);
		return 1;
	}
	compare_changes(&saved, cfg, q, &l);
	int rc = compare_write(out, rq->format == REPORT_MD, rq->compare, cfg, &l);
	change_list_free(&l);
	baseline_free(&saved);
	return rc;
}

static int write_out(const struct request *rq, const struct config *cfg, struct table *t,
                     const struct filter *f, FILE *out, FILE *err)
{
	struct cube_index ix;
	struct cube q;
	struct gap_list g;
	if (rq->by_written_region)
		table_count_as_written(t);
	cube_index_build(&ix, cfg, t);
	cube_init(&q);
	gap_list_init(&g);
	cube_compute(&q, &ix, f);
	int month = delta_report_month(cfg, t, f);   /* "now" for pace and staleness */
	gaps_compute(&g, cfg, t, &q, month);
	struct report_input in = { cfg, t, &q, &g, month };
	int rc = strcmp(rq->cmd, "gaps") == 0 ? report_write_gaps(out, rq->format, &in)
	                                      : report_write(out, rq->format, &in);
	int compared = rc == 0 && rq->compare ? what_changed(rq, cfg, &q, out, err) : 0;
	gap_list_free(&g);
	cube_free(&q);
	cube_index_free(&ix);
	if (compared > 0)
		return 2;             /* the saved report could not be read: said above */
	if (rc == 0 && compared == 0)
		return 0;
	fprintf(err, _("fourw %s: cannot write the output: %s\n"), rq->cmd, strerror(errno));
	return 2;
}

/* ---- rows not counted, said on stderr ------------------------------------- */

#define SHEETS_NAMED 3        /* then "and N more sheets" */

struct loss { size_t rejected; uint32_t source; };

/* Sheets that lost most rows first, then in the order they were read. */
static int cmp_losses(const void *a, const void *b)
{
	const struct loss *x = a, *y = b;
	if (x->rejected != y->rejected)
		return x->rejected > y->rejected ? -1 : 1;
	return (x->source > y->source) - (x->source < y->source);
}

/* "a.csv: 244 of 244 rows rejected, b.csv: no data row and 2 more sheets":
 * the sheets with rejected rows (and, with `empty`, those with no row). */
static void name_sheets(FILE *err, const struct table *t, bool empty)
{
	struct loss *v = xmalloc((t->nsources + 1) * sizeof *v);
	size_t n = 0;
	for (uint32_t s = 0; s < t->nsources; s++)
		if (t->sources[s].rejected || (empty && !t->sources[s].rows_read))
			v[n++] = (struct loss){ t->sources[s].rejected, s };
	qsort(v, n, sizeof *v, cmp_losses);
	char n1[32], n2[32];
	for (size_t k = 0; k < n && k < SHEETS_NAMED; k++) {
		const struct source *src = &t->sources[v[k].source];
		fputs(k ? ", " : "", err);
		safe_fputs(gap_sheet_name(src->path), err);
		if (src->rows_read)
			fprintf(err, _(": %s of %s rows rejected"), fmt_int((int64_t)src->rejected, n1),
			        fmt_int((int64_t)src->rows_read, n2));
		else
			fputs(_(": no data row"), err);
	}
	if (n > SHEETS_NAMED)
		fprintf(err, P_(" and %zu more sheet", " and %zu more sheets", n - SHEETS_NAMED),
		        n - SHEETS_NAMED);
	if (!n)
		fputs(_("no sheet found"), err);
	free(v);
}

/* "; run fourw check -c CONFIG PATHS... to see why": the command that
 * lists every rejected row, on the same config and sheets. */
static void suggest_check(FILE *err, const char *config, const char *const *paths, size_t n)
{
	fputs(_("; run fourw check"), err);
	if (config) {
		fputs(" -c ", err);
		safe_fputs(config, err);
	}
	for (size_t i = 0; i < n; i++) {
		fputc(' ', err);
		safe_fputs(paths[i], err);
	}
	fputs(_(" to see why\n"), err);
}

bool cli_no_row_accepted(FILE *err, const char *who, const struct table *t, const char *config,
                         const char *const *paths, size_t npaths)
{
	if (t->len)
		return false;
	fprintf(err, _("%s: no row accepted, nothing to count ("), who);
	name_sheets(err, t, true);
	fputc(')', err);
	suggest_check(err, config, paths, npaths);
	return true;
}

/* Rejected rows never stop a report, but are never silent either. */
static void warn_rejected(FILE *err, const struct request *rq, const struct table *t,
                          const char *const *paths, size_t npaths)
{
	size_t rejected = 0;
	char n1[32];
	for (uint32_t s = 0; s < t->nsources; s++)
		rejected += t->sources[s].rejected;
	if (!rejected)
		return;
	fprintf(err, P_("fourw %s: warning: %s row rejected, not counted (",
	                "fourw %s: warning: %s rows rejected, not counted (", rejected), rq->cmd,
	        fmt_int((int64_t)rejected, n1));
	name_sheets(err, t, false);
	fputc(')', err);
	suggest_check(err, rq->config, paths, npaths);
}

/* Loads the sheets and writes the output; a plan with no accepted row is
 * an error (exit 2), not a report of zeros. */
static int load_and_write(const struct request *rq, const struct config *cfg,
                          const struct filter *f, char **argv_paths, size_t npaths,
                          struct table *t, FILE *out, FILE *err)
{
	const char *const *paths = (const char *const *)argv_paths;
	char who[32];
	snprintf(who, sizeof who, _("fourw %s"), rq->cmd);
	if (!load_sheets(cfg, argv_paths, npaths, t, err) ||
	    cli_no_row_accepted(err, who, t, rq->config, paths, npaths))
		return 2;
	int status = write_out(rq, cfg, t, f, out, err);
	if (status == 0)
		warn_rejected(err, rq, t, paths, npaths);
	return status;
}

static int run(const char *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct request rq = { .cmd = cmd, .format = REPORT_TEXT };
	int status = parse_args(argc, argv, &rq, out, err);
	if (status >= 0)
		return status;
	struct config cfg;
	struct table t;
	struct filter f;
	memset(&cfg, 0, sizeof cfg);
	table_init(&t);
	t.hash_sources = rq.format == REPORT_MD;   /* only the minutes print each sheet's hash */
	filter_init(&f);
	status = 2;
	bool loaded = load_config(&rq, &cfg, err);
	if (loaded && rq.complete) {
		status = print_completions(&rq, &cfg, out);
	} else if (loaded) {
		status = resolve_places_and_types(&rq, &cfg, &f, err);
		if (status < 0)
			status = resolve_rest(&rq, &f, err);
		if (status < 0)
			status = load_and_write(&rq, &cfg, &f, argv + optind, (size_t)(argc - optind),
			                        &t, out, err);
	}
	table_free(&t);
	config_free(&cfg);
	return status;
}

int cli_report(int argc, char **argv, FILE *out, FILE *err)
{
	return run("report", argc, argv, out, err);
}

int cli_gaps(int argc, char **argv, FILE *out, FILE *err)
{
	return run("gaps", argc, argv, out, err);
}
