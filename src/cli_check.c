/* fourw check: what is wrong in each sheet, compiler style, so the
 * information-management officer can send each partner its problems. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "dialect.h"
#include "i18n.h"
#include "fmt.h"
#include "i18n.h"
#include "load.h"
#include "parse.h"
#include "safe.h"
#include "check_partners.h"
#include "check_summary.h"
#include "table.h"
#include "xalloc.h"

#ifndef FOURW_DATADIR
#define FOURW_DATADIR "/usr/local/share/fourw"
#endif

/* $XDG_CONFIG_HOME/fourw/config.ini, or ~/.config/fourw/config.ini where
 * it is unset or relative (the XDG base directory rules ignore a relative
 * one); false without a home to put it in. */
static bool user_config(char *buf, size_t size)
{
	const char *base = getenv("XDG_CONFIG_HOME"), *rest = "/fourw/config.ini";
	if (!base || base[0] != '/') {
		base = getenv("HOME");
		rest = "/.config/fourw/config.ini";
	}
	if (!base || !*base)
		return false;
	int n = snprintf(buf, size, "%s%s", base, rest);
	return n > 0 && (size_t)n < size;
}

static void no_config(FILE *err, const char *user, bool from_xdg)
{
	fputs(_("fourw: no config.ini found; looked in, in this order:\n"
	      "  $FOURW_CONFIG (not set)\n"
	      "  ./config.ini\n"), err);
	if (*user) {
		fputs("  ", err);
		safe_fputs(user, err);
		fputs(from_xdg ? "  ($XDG_CONFIG_HOME/fourw/config.ini)\n"
		               : "  (~/.config/fourw/config.ini: no absolute $XDG_CONFIG_HOME)\n", err);
	} else {
		fputs(_("  $XDG_CONFIG_HOME/fourw/config.ini (neither it nor $HOME is set)\n"), err);
	}
	fputs("  " FOURW_DATADIR "/config.ini  (the installed copy)\n"
	      "choose one with -c FILE (fourw -c FILE [check|report|gaps] ...) or "
	      "FOURW_CONFIG=FILE\n", err);
}

const char *cli_config_path(const char *given, char *buf, size_t size, FILE *err)
{
	const char *env = getenv("FOURW_CONFIG"), *xdg = getenv("XDG_CONFIG_HOME");
	if (given)
		return given;
	if (env && *env)
		return env;
	if (access("config.ini", R_OK) == 0)
		return "config.ini";
	if (!user_config(buf, size))
		buf[0] = '\0';
	if (buf[0] && access(buf, R_OK) == 0)
		return buf;
	if (access(FOURW_DATADIR "/config.ini", R_OK) == 0)
		return FOURW_DATADIR "/config.ini";
	no_config(err, buf, xdg && xdg[0] == '/');
	return NULL;
}

static void print_error(FILE *err, const struct error *e)
{
	fputs(_("fourw: "), err);
	safe_fputs(e->msg, err);
	fputc('\n', err);
}

int cli_choose_language(const char *lang, FILE *err)
{
	enum i18n_lang l;
	if (!lang)
		return -1;
	if (!i18n_parse(lang, &l)) {
		fputs(_("fourw: --lang: unknown language '"), err);
		safe_fputs(lang, err);
		fputs(_("' (fr or en)\n"), err);
		return 2;
	}
	i18n_choose(I18N_FROM_OPTION, l);
	return -1;
}

int cli_language_option(int argc, char **argv, FILE *err)
{
	const char *lang = NULL;
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strncmp(argv[i], "--lang=", 7))
			lang = argv[i] + 7;
		else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			lang = argv[++i];
	}
	return cli_choose_language(lang, err);
}

bool cli_load_config(const char *given, struct config *cfg, FILE *err)
{
	struct error e;
	char buf[CLI_PATH_MAX];
	const char *path = cli_config_path(given, buf, sizeof buf, err), *env = getenv("FOURW_CONFIG");
	if (!path)
		return false;
	if (config_load(cfg, path, &e)) {
		if (cfg->ui_language)
			i18n_choose(I18N_FROM_CONFIG, cfg->ui_language[0] == 'f' ? I18N_FR : I18N_EN);
		return true;
	}
	print_error(err, &e);
	if (!given && env && *env)    /* nothing on the command line named it */
		fputs(_("fourw: that is $FOURW_CONFIG; unset it to look in ./config.ini, "
		      "$XDG_CONFIG_HOME/fourw/config.ini and the installed copy, or give -c FILE\n"),
		      err);
	return false;
}

bool cli_load(const char *config_path, const char *const *paths, size_t npaths,
              struct config *cfg, struct table *t, FILE *err)
{
	struct error e;
	table_init(t);
	if (!cli_load_config(config_path, cfg, err))
		return false;
	if (!load_paths(t, cfg, paths, npaths, &e)) {
		print_error(err, &e);
		return false;
	}
	return true;
}

static void print_dialect(FILE *out, const struct source *s)
{
	if (s->sheet)
		fprintf(out, _("  read as an Excel workbook, one line per row; header on line %u"),
		        s->header_line);
	else
		fprintf(out, _("  read as %s, %s-separated, %s line endings; header on line %u"),
		        _(encoding_name(s->encoding)), _(dialect_delimiter_name(s->delimiter)),
		        s->crlf ? _("CRLF") : _("LF"), s->header_line);
	if (s->hxl_line)
		fprintf(out, _(", HXL hashtags on line %u"), s->hxl_line);
	else
		fprintf(out, "%s", _(", no HXL row"));
	fprintf(out, _("; p-codes: %s\n"), s->system == SYS_NEW ? _("2023 reform (new)")
	        : s->system == SYS_OLD ? _("old system") : _("not decided by the sheet"));
}

static void print_mapping(FILE *out, const struct source *s)
{
	fprintf(out, "%s", _("  columns:"));
	int shown = 0;
	for (int f = 0; f < F_COUNT; f++) {
		if (s->map.col[f] < 0)
			continue;
		fprintf(out, "%s %s ← '", shown++ ? "," : "", field_key((enum field)f));
		safe_fputs(s->map.header[f], out);
		fprintf(out, "' (%d)", s->map.col[f] + 1);
	}
	fprintf(out, "%s\n", shown ? "" : _(" none recognised"));
	fprintf(out, "%s", _("  not used:"));
	for (size_t i = 0; i < s->nunmapped; i++) {
		fprintf(out, "%s '", i ? "," : "");
		safe_fputs(s->unmapped[i], out);
		fputc('\'', out);
	}
	fprintf(out, "%s\n", s->nunmapped ? "" : _(" none"));
}

static void print_counts(FILE *out, const char *label, size_t read, size_t acc,
                         size_t rej, size_t warn)
{
	char n[32], r[64], a[64], j[64], w[64];
	/* each count agrees with its own word: French "1 ligne lue", "0 rejetée" */
	snprintf(r, sizeof r, P_("%s rows read", "%s rows read", read), fmt_int((int64_t)read, n));
	snprintf(a, sizeof a, P_("%s accepted", "%s accepted", acc), fmt_int((int64_t)acc, n));
	snprintf(j, sizeof j, P_("%s rejected", "%s rejected", rej), fmt_int((int64_t)rej, n));
	snprintf(w, sizeof w, P_("%s warning", "%s warnings", warn), fmt_int((int64_t)warn, n));
	/* TRANSLATORS: rows read = accepted + rejected; warnings */
	fprintf(out, _("%s%s = %s + %s; %s\n"), label, r, a, j, w);
}

/* Rule 10: the accepted rows that repeat an earlier one, and whether the
 * figures count them, so the counts above still add up. */
static void print_repeats(FILE *out, const char *label, size_t repeated,
                          const struct config *c)
{
	char a[32];
	if (!repeated)
		return;
	bool once = c->repeated_rows == REPEATED_ONCE;
	if (once)
		fprintf(out, P_("%sof the accepted rows, %s repeats an earlier row of the sheet in "
		                "every field: not counted again ([plan] repeated_rows = once)\n",
		                "%sof the accepted rows, %s repeat an earlier row of the sheet in "
		                "every field: not counted again ([plan] repeated_rows = once)\n",
		                repeated), label, fmt_int((int64_t)repeated, a));
	else
		fprintf(out, P_("%sof the accepted rows, %s repeats an earlier row of the sheet in "
		                "every field: counted again ([plan] repeated_rows = count)\n",
		                "%sof the accepted rows, %s repeat an earlier row of the sheet in "
		                "every field: counted again ([plan] repeated_rows = count)\n",
		                repeated), label, fmt_int((int64_t)repeated, a));
}

/* Rule 11: the accepted rows outside the plan year, not counted in the
 * plan's figures (a --from/--to window of `report` still selects them). */
static void print_outside(FILE *out, const char *label, size_t outside,
                          const struct config *c)
{
	char a[32];
	if (!outside)
		return;
	fprintf(out, P_("%sof the accepted rows, %s reports a month outside %d, the plan year: "
	                "not counted\n", "%sof the accepted rows, %s report months outside %d, the "
	                "plan year: not counted\n", outside),
	        label, fmt_int((int64_t)outside, a), c->plan_year);
}

/* What becomes of n rows sent again, the words agreeing with n. */
static const char *resent_words(const struct config *c, size_t n)
{
	return c->resent == RESENT_LATEST
	       ? P_("not counted, the newer sheet's rows count ([plan] resent = latest)",
	            "not counted, the newer sheet's rows count ([plan] resent = latest)", n)
	       : P_("counted again ([plan] resent = sum)", "counted again ([plan] resent = sum)", n);
}

/* The pairs of sheets where a report was sent again (table_resent_pairs,
 * older sheet first), found once and read sheet by sheet in source order. */
struct resent_cursor {
	struct resent_pair *p;
	size_t n, next;
};

/* Rule 9: one line per sheet that sent again this sheet's reports, and
 * one more where it repeats this sheet completely. */
static void print_resent_pairs(FILE *out, const struct config *c, const struct table *t,
                               uint32_t i, struct resent_cursor *rc)
{
	const struct resent_pair *p = rc->p;
	char a[32];
	for (size_t k = rc->next; k < rc->n && p[k].older == i; k = ++rc->next) {
		fprintf(out, P_("  of the accepted rows, %s was sent again in ",
		                "  of the accepted rows, %s were sent again in ", p[k].rows),
		        fmt_int((int64_t)p[k].rows, a));
		safe_fputs(t->sources[p[k].newer].path, out);
		fprintf(out, _(", a newer report: %s\n"), resent_words(c, p[k].rows));
		if (!table_resent_whole(t, &p[k]))
			continue;
		fprintf(out, "  ");
		safe_fputs(t->sources[p[k].newer].path, out);
		fprintf(out, "%s", _(" repeats this sheet completely: the same report sent twice\n"));
	}
}

/* --verbose: each superseded row and the row that sent it again. */
static void print_resent_rows(FILE *out, const struct table *t, uint32_t i)
{
	for (size_t k = 0; k < t->nresent; k++) {
		const struct resent_row *r = &t->resent[k];
		if (r->source != i)
			continue;
		safe_fputs(t->sources[i].path, out);
		fprintf(out, _(":%u: superseded: sent again on line %u of "), r->line, r->by_line);
		safe_fputs(t->sources[r->by_source].path, out);
		fprintf(out, "%s\n", r->same ? _(" (the same counts)") : _(" (other counts)"));
	}
}

/* Each sheet's messages, indices into t->diags in order (CSR: sheet i's
 * are idx[start[i] .. start[i + 1])), found in one pass. */
struct by_sheet {
	uint32_t *start, *idx;
};

static void by_sheet_build(struct by_sheet *b, const struct table *t)
{
	b->start = xcalloc(t->nsources + 2, sizeof *b->start);
	b->idx = xmalloc((t->diags.len + 1) * sizeof *b->idx);
	for (size_t k = 0; k < t->diags.len; k++)
		b->start[diag_source(&t->diags, &t->diags.items[k]) + 1]++;
	for (size_t i = 0; i < t->nsources; i++)
		b->start[i + 1] += b->start[i];
	uint32_t *fill = xmalloc((t->nsources + 1) * sizeof *fill);
	memcpy(fill, b->start, (t->nsources + 1) * sizeof *fill);
	for (size_t k = 0; k < t->diags.len; k++)
		b->idx[fill[diag_source(&t->diags, &t->diags.items[k])]++] = (uint32_t)k;
	free(fill);
}

/* --verbose: every message, compiler-style; else grouped by kind. */
static void print_messages(FILE *out, const struct table *t, uint32_t i, bool verbose,
                           const struct by_sheet *b)
{
	const uint32_t *idx = b->idx + b->start[i];
	size_t n = b->start[i + 1] - b->start[i];
	if (!verbose) {
		check_print_kinds(out, t, idx, n);
		return;
	}
	for (size_t j = 0; j < n; j++)
		check_print_diag(out, t, &t->diags.items[idx[j]]);
}

static void print_source(FILE *out, const struct config *c, const struct table *t, uint32_t i,
                         bool verbose, struct resent_cursor *rc, const struct by_sheet *b)
{
	const struct source *s = &t->sources[i];
	safe_fputs(s->path, out);
	fputc('\n', out);
	print_dialect(out, s);
	if (s->header_line)
		print_mapping(out, s);
	print_messages(out, t, i, verbose, b);
	print_counts(out, "  ", s->rows_read, s->accepted, s->rejected, s->warnings);
	print_repeats(out, "  ", s->repeated, c);
	print_outside(out, "  ", s->outside_plan, c);
	print_resent_pairs(out, c, t, i, rc);
	if (verbose)
		print_resent_rows(out, t, i);
	fputc('\n', out);
}

/* Which config.ini was read: -c, $FOURW_CONFIG and three places may each
 * supply one, and a stray ./config.ini would otherwise go unnoticed. */
static void print_config(FILE *out, const struct config *cfg)
{
	fputs(_("config: "), out);
	safe_fputs(cfg->path, out);
	fputs("\n\n", out);
}

/* Every sheet, then the totals; returns the rows rejected. */
static size_t check_sheets(FILE *out, const struct config *cfg, const struct table *t,
                           bool verbose)
{
	size_t read = 0, acc = 0, rej = 0, rep = 0, outside = 0;
	struct resent_cursor rc = { NULL, 0, 0 };
	rc.n = table_resent_pairs(t, &rc.p);
	struct by_sheet b;
	by_sheet_build(&b, t);
	for (uint32_t i = 0; i < t->nsources; i++) {
		print_source(out, cfg, t, i, verbose, &rc, &b);
		read += t->sources[i].rows_read;
		acc += t->sources[i].accepted;
		rej += t->sources[i].rejected;
		rep += t->sources[i].repeated;
		outside += t->sources[i].outside_plan;
	}
	free(rc.p);
	free(b.start);
	free(b.idx);
	char n[32];
	fprintf(out, P_("total: %s sheet, ", "total: %s sheets, ", t->nsources),
	        fmt_int((int64_t)t->nsources, n));
	print_counts(out, "", read, acc, rej, t->diags.warnings);
	print_repeats(out, "", rep, cfg);
	print_outside(out, "", outside, cfg);
	if (t->nresent)
		fprintf(out, P_("of the accepted rows, %s was sent again in a newer sheet: %s\n",
		                "of the accepted rows, %s were sent again in a newer sheet: %s\n",
		                t->nresent), fmt_int((int64_t)t->nresent, n), resent_words(cfg, t->nresent));
	return rej;
}

static int usage(FILE *err)
{
	fputs(_("usage: fourw check [-c CONFIG] [-v] [--by-partner OUTDIR] [SHEET|DIR]...\n"
	        "Checks partner 4W sheets: for each sheet, how it was read, then its\n"
	        "rejected rows and warnings by kind — how many, the first lines, one\n"
	        "message as file:line:column: message, and what to do.  --verbose (-v,\n"
	        "--all) lists every rejected row and warning, and each row a newer\n"
	        "sheet sent again.  --by-partner OUTDIR also writes, for each\n"
	        "organisation whose sheets have a problem, OUTDIR/<organisation>.md and\n"
	        ".csv listing them with what to do (in French for French sheets).\n"
	        "-c, --config FILE chooses the config.ini and --lang fr|en the language,\n"
	        "as before the command; -h, --help prints this help.\n"
	        "Exit status: 0 nothing rejected, 1 rows rejected, 2 usage error,\n"
	        "unreadable input or a file that could not be written.\n"), err);
	return 2;
}

/* The --by-partner files.  Messages are worded as the sheets are read, in
 * the run's language: when some partner's files are to be in the other
 * language, the sheets are read once more in it. */
static bool write_partner_files(const struct config *cfg, const struct table *t,
                                char **paths, size_t npaths, const char *dir,
                                FILE *out, FILE *err)
{
	bool french, english;
	check_partners_languages(t, &french, &english);
	enum i18n_lang run = i18n_language(), other = run == I18N_FR ? I18N_EN : I18N_FR;
	if (!(other == I18N_FR ? french : english))
		return check_write_partners(t, NULL, dir, out, err);
	struct table again;
	struct error e;
	table_init(&again);
	i18n_choose(I18N_FROM_OPTION, other);
	bool read = load_paths(&again, cfg, (const char *const *)paths, npaths, &e);
	i18n_choose(I18N_FROM_OPTION, run);
	bool ok = check_write_partners(t, read ? &again : NULL, dir, out, err);
	table_free(&again);
	return ok;
}

int cli_check(int argc, char **argv, FILE *out, FILE *err)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "all", no_argument, NULL, 'v' },
		{ "by-partner", required_argument, NULL, 'P' },
		{ "lang", required_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	const char *config_path = NULL, *partners_dir = NULL;
	bool verbose = false;
	int ch;
	if (cli_language_option(argc, argv, err) >= 0)
		return 2;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "c:hv", opts, NULL)) != -1) {
		if (ch == 'L') {
			continue;       /* read first, so --help after it speaks it */
		} else if (ch == 'c') {
			config_path = optarg;
		} else if (ch == 'v') {
			verbose = true;
		} else if (ch == 'P') {
			partners_dir = optarg;
		} else if (ch == 'h') {
			usage(out);
			return 0;
		} else {
			return usage(err);
		}
	}
	struct config cfg;
	struct table t;
	memset(&cfg, 0, sizeof cfg);
	int status = 2;
	if (cli_load(config_path,
	             (const char *const *)argv + optind, (size_t)(argc - optind), &cfg, &t, err)) {
		print_config(out, &cfg);
		status = check_sheets(out, &cfg, &t, verbose) ? 1 : 0;
		if (partners_dir && !write_partner_files(&cfg, &t, argv + optind,
		                                         (size_t)(argc - optind), partners_dir, out, err))
			status = 2;
	}
	table_free(&t);
	config_free(&cfg);
	if (fflush(out) != 0)
		status = 2;
	return status;
}
