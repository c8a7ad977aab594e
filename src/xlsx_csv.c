#include "xlsx_csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "colmap.h"
#include "dialect.h"
#include "loader.h"
#include "i18n.h"
#include "xalloc.h"

/* The words a reader in a child process may send: far more than any. */
#define XLSX_REPLY_MAX ((size_t)1 << 20)

/* ---- the first rows: does a worksheet hold a header? ----------------------- */

struct probe {
	const struct config *c;
	size_t rows;
	bool header;
};

static bool probe_row(void *arg, uint32_t row, const char *const *cells, size_t n)
{
	struct probe *p = arg;
	(void)row;
	/* as the loader finds a header: an HXL row, or two cells it recognises */
	if (dialect_is_hxl_row(cells, n) || colmap_header_score(p->c, cells, n) >= 2)
		p->header = true;
	return !p->header && ++p->rows < HEADER_SCAN;
}

static bool has_header(struct xlsx_book *b, size_t i, const struct config *c)
{
	struct probe p = { .c = c };
	struct xlsx_seen seen;
	char why[256];
	xlsx_read_sheet(b, i, probe_row, &p, &seen, why, sizeof why);
	return p.header;
}

/* ---- which worksheet ---------------------------------------------------------- */

static size_t sheet_named(const struct xlsx_book *b, const char *name)
{
	size_t n = xlsx_sheet_count(b);
	for (size_t i = 0; i < n; i++)
		if (strcmp(xlsx_sheet_name(b, i), name) == 0)
			return i;
	for (size_t i = 0; i < n; i++)       /* Excel's own names ignore case */
		if (strcasecmp(xlsx_sheet_name(b, i), name) == 0)
			return i;
	return SIZE_MAX;
}

/* "'Data', 'Lists'": the names of sheets [from, to) but `skip`. */
static void list_names(FILE *f, const struct xlsx_book *b, size_t from, size_t to, size_t skip)
{
	const char *sep = "";
	for (size_t i = from; i < to; i++) {
		if (i == skip)
			continue;
		fprintf(f, "%s'%s'", sep, xlsx_sheet_name(b, i));
		sep = ", ";
	}
}

/* The first worksheet with a header, and how the choice is said. */
static size_t choose_by_header(struct xlsx_book *b, const struct config *c, FILE *f)
{
	size_t n = xlsx_sheet_count(b), i = 0;
	while (i < n && !has_header(b, i, c))
		i++;
	if (i == n) {
		fprintf(f, _("no worksheet has a header row config.ini [columns] recognises in its "
		          "first %d rows; the first, '%s', was read"), HEADER_SCAN, xlsx_sheet_name(b, 0));
		return 0;
	}
	fprintf(f, _("worksheet '%s' read: the first whose header config.ini [columns] "
	          "recognises"), xlsx_sheet_name(b, i));
	if (i > 0) {
		fputs(_("; skipped, having no such header in their first rows: "), f);
		list_names(f, b, 0, i, SIZE_MAX);
	}
	if (i + 1 < n) {
		fputs(_("; not read: "), f);
		list_names(f, b, i + 1, n, SIZE_MAX);
	}
	return i;
}

/* The worksheet to read: SIZE_MAX and why[] if the one named is not there. */
static size_t choose_sheet(struct xlsx_book *b, const char *want, const struct config *c,
                           char **choice, char *why, size_t whysize)
{
	size_t len = 0, n = xlsx_sheet_count(b), i;
	FILE *f = open_memstream(choice, &len);
	const char *named = want ? want : c ? c->worksheet : NULL;
	if (named && (i = sheet_named(b, named)) != SIZE_MAX) {
		fprintf(f, _("worksheet '%s' read, as %s"), xlsx_sheet_name(b, i),
		        want ? _("named after the file's name") : _("config.ini [columns] worksheet says"));
		if (n > 1) {
			fputs(_("; not read: "), f);
			list_names(f, b, 0, n, i);
		}
	} else if (want) {
		fclose(f);
		free(*choice);
		*choice = NULL;
		len = 0;
		f = open_memstream(choice, &len);
		fprintf(f, _("no worksheet '%s'; the workbook has "), want);
		list_names(f, b, 0, n, SIZE_MAX);
		fclose(f);
		snprintf(why, whysize, "%s", *choice);
		return SIZE_MAX;
	} else {
		if (named)
			fprintf(f, _("no worksheet '%s' ([columns] worksheet); "), named);
		i = choose_by_header(b, c, f);
	}
	fclose(f);
	return i;
}

/* ---- rows as CSV lines -------------------------------------------------------- */

struct writer {
	FILE *f;
	uint32_t line;             /* lines written */
	uint64_t bytes;
	bool too_big;
};

static bool needs_quotes(const char *s)
{
	return strpbrk(s, ",\"\r\n") != NULL;
}

/* One cell; a line break inside it is written as a space, so that one
 * sheet row stays one line. */
static void put_cell(struct writer *w, const char *s)
{
	if (!needs_quotes(s)) {    /* most cells: as they are */
		size_t n = strlen(s);
		fwrite(s, 1, n, w->f);
		w->bytes += n;
		return;
	}
	putc('"', w->f);
	for (const char *p = s; *p; p++) {
		char ch = *p == '\r' || *p == '\n' ? ' ' : *p;
		if (ch == '"')
			putc('"', w->f);
		putc(ch, w->f);
		w->bytes += 1 + (ch == '"');
	}
	putc('"', w->f);
	w->bytes += 2;
}

static bool write_row(void *arg, uint32_t row, const char *const *cells, size_t n)
{
	struct writer *w = arg;
	if (row - w->line > XLSX_CSV_MAX - w->bytes) {
		w->too_big = true;     /* rows far below the last: blank lines past the limit */
		return false;
	}
	for (; w->line + 1 < row; w->line++, w->bytes++)
		putc('\n', w->f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			putc(',', w->f);
		put_cell(w, cells[i]);
	}
	putc('\n', w->f);
	w->bytes += n;             /* the commas and the line end */
	w->line = row;
	if (w->bytes > XLSX_CSV_MAX || ferror(w->f)) {
		w->too_big = !ferror(w->f);
		return false;
	}
	return true;
}

/* An unlinked file in $TMPDIR (else /tmp): the text is never held in memory. */
static FILE *temp_file(char *why, size_t whysize)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/fourw-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		snprintf(why, whysize, "cannot make a temporary file in %s: %s",
		         dir && *dir ? dir : "/tmp", strerror(errno));
		return NULL;
	}
	unlink(path);
	FILE *f = fdopen(fd, "w+");
	if (!f)
		close(fd);
	return f;
}

/* Writes worksheet i to f; its length in out. */
static bool write_sheet(struct xlsx_book *b, size_t i, FILE *f, struct xlsx_csv *out, char *why,
                        size_t whysize)
{
	struct writer w = { .f = f };
	bool ok = xlsx_read_sheet(b, i, write_row, &w, &out->seen, why, whysize);
	if (w.too_big) {
		snprintf(why, whysize, "worksheet '%s' is larger than the 1 GiB a sheet may be "
		         "once written as text (see Limits in README.md)", xlsx_sheet_name(b, i));
		ok = false;
	}
	if (fflush(f) != 0 || ferror(f)) {
		snprintf(why, whysize, "cannot write the temporary file: %s", strerror(errno));
		ok = false;
	}
	off_t len = ok ? ftello(f) : -1;
	out->len = len > 0 ? (size_t)len : 0;
	return ok && len >= 0;
}

/* The worksheet chosen, written to f; its name, the choice and what was
 * seen in out. */
static bool convert(const char *path, const char *want, const struct config *c, FILE *f,
                    struct xlsx_csv *out, char *why, size_t whysize)
{
	struct xlsx_book *b = xlsx_open(path, why, whysize);
	if (!b)
		return false;
	size_t i = choose_sheet(b, want, c, &out->choice, why, whysize);
	bool ok = i != SIZE_MAX && write_sheet(b, i, f, out, why, whysize);
	if (ok)
		out->sheet = xstrdup(xlsx_sheet_name(b, i));
	xlsx_close(b);
	return ok;
}

/* ---- an .xls, read apart ----------------------------------------------------- */

/* An .xls is read by libfreexl, which trusts lengths the file gives: a
 * crafted file made it read 39 kB past a buffer on the stack
 * (fuzz/regressions/xlsx/crash-freexl-directory-name).  So an .xls is read
 * in a child process, which writes the text to the temporary file as it
 * would have and sends the rest through a pipe: a file that brings the
 * reader down is refused with a reason, and the program (a meeting's
 * screen) goes on. */
static bool crash_reader;

void xlsx_csv_crash_reader(bool crash)
{
	crash_reader = crash;
}

struct reply {               /* what the child sends, before why, sheet and choice */
	bool ok;
	size_t len;
	struct xlsx_seen seen;
	size_t why_len, sheet_len, choice_len;
};

static bool move_all(int fd, void *p, size_t n, bool out)
{
	for (char *s = p; n;) {
		ssize_t k = out ? write(fd, s, n) : read(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		s += k;
		n -= (size_t)k;
	}
	return true;
}

static bool send_text(int fd, const char *s, size_t n)
{
	return move_all(fd, (void *)(uintptr_t)s, n, true);
}

static bool send_reply(int fd, bool ok, const struct xlsx_csv *x, const char *why)
{
	const char *sheet = x->sheet ? x->sheet : "", *choice = x->choice ? x->choice : "";
	struct reply r = { ok, x->len, x->seen, strlen(why), strlen(sheet), strlen(choice) };
	return move_all(fd, &r, sizeof r, true) && send_text(fd, why, r.why_len) &&
	       send_text(fd, sheet, r.sheet_len) && send_text(fd, choice, r.choice_len);
}

/* n bytes of text from the pipe, or NULL (and *got false). */
static char *take_text(int fd, size_t n, bool *got)
{
	if (!*got || n > XLSX_REPLY_MAX) {
		*got = false;
		return NULL;
	}
	char *s = xmalloc(n + 1);
	*got = move_all(fd, s, n, false);
	s[n] = '\0';
	return s;
}

static bool take_reply(int fd, struct xlsx_csv *out, bool *ok, char *why, size_t whysize)
{
	struct reply r;
	bool got = move_all(fd, &r, sizeof r, false);
	char *words = take_text(fd, got ? r.why_len : 0, &got);
	out->sheet = take_text(fd, got ? r.sheet_len : 0, &got);
	out->choice = take_text(fd, got ? r.choice_len : 0, &got);
	if (got) {
		snprintf(why, whysize, "%s", words);
		*ok = r.ok;
		out->len = r.len;
		out->seen = r.seen;
	}
	free(words);
	return got;
}

/* The child's end: the exit status said, or got by another (a handler
 * that reaps children): then its whole reply stands for it. */
static bool child_ended_well(pid_t pid)
{
	int status = 0;
	pid_t waited;
	while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	return waited != pid || (WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static bool convert_apart(const char *path, const char *want, const struct config *c, FILE *f,
                          struct xlsx_csv *out, char *why, size_t whysize)
{
	int pipefd[2];
	pid_t pid = pipe(pipefd) == 0 ? fork() : -2;
	if (pid == 0) {
		close(pipefd[0]);
		if (crash_reader)
			raise(SIGKILL);
		char *words = xcalloc(1, whysize);
		bool ok = convert(path, want, c, f, out, words, whysize);
		bool sent = send_reply(pipefd[1], ok, out, words);
		free(words);
		xlsx_csv_free(out);
		_exit(sent ? 0 : 1);
	}
	if (pid < 0) {
		snprintf(why, whysize, "cannot start the .xls reader: %s", strerror(errno));
		if (pid == -1) {          /* the pipe was made; the fork failed */
			close(pipefd[0]);
			close(pipefd[1]);
		}
		return false;
	}
	close(pipefd[1]);
	bool ok = false, got = take_reply(pipefd[0], out, &ok, why, whysize);
	close(pipefd[0]);
	if (child_ended_well(pid) && got)
		return ok;
	snprintf(why, whysize, "%s", _("the .xls reader stopped on this file: it is damaged (or "
	         "crafted to harm readers); open it in Excel and save it again, or save it as "
	         ".xlsx"));
	return false;
}

bool xlsx_to_csv(const char *path, const char *want, const struct config *c,
                 struct xlsx_csv *out, char *why, size_t whysize)
{
	*out = (struct xlsx_csv){ .fd = -1 };
	FILE *f = temp_file(why, whysize);
	if (!f)
		return false;
	bool ok = xlsx_is_legacy(path) ? convert_apart(path, want, c, f, out, why, whysize)
	                               : convert(path, want, c, f, out, why, whysize);
	if (ok && (out->fd = dup(fileno(f))) < 0) {
		snprintf(why, whysize, "cannot keep the temporary file: %s", strerror(errno));
		ok = false;
	}
	fclose(f);
	if (!ok)
		xlsx_csv_free(out);
	return ok;
}

void xlsx_csv_free(struct xlsx_csv *x)
{
	if (x->fd >= 0)
		close(x->fd);
	free(x->sheet);
	free(x->choice);
	*x = (struct xlsx_csv){ .fd = -1 };
}

size_t xlsx_sheet_suffix(const char *path)
{
	const char *colon = strrchr(path, ':');
	if (!colon || !colon[1] || colon == path)
		return 0;
	size_t at = (size_t)(colon - path);
	char *file = xstrndup(path, at);
	bool book = xlsx_is_workbook_name(file);
	free(file);
	return book ? at : 0;
}

void xlsx_csv_notes(struct diag_list *d, uint32_t source, const struct xlsx_csv *x)
{
	const struct xlsx_seen *s = &x->seen;
	if (s->merged)
		diag_add(d, DIAG_NOTE, DC_WORKSHEET_READ, source, 0, 0,
		         P_("%s; %zu merged cell range (a merged cell's text is read in its first "
		            "cell, the others empty)", "%s; %zu merged cell ranges (a merged cell's "
		            "text is read in its first cell, the others empty)", s->merged),
		         x->choice, s->merged);
	else
		diag_add(d, DIAG_NOTE, DC_WORKSHEET_READ, source, 0, 0, "%s", x->choice);
	if (!s->hidden_rows && !s->hidden_cols)
		return;
	char col[4], rows[80] = "", cols[80] = "";
	xlsx_column_name(s->first_hidden_col, col);
	if (s->hidden_rows)
		snprintf(rows, sizeof rows, P_("%zu row (the first: row %u)",
		                               "%zu rows (the first: row %u)", s->hidden_rows),
		         s->hidden_rows, s->first_hidden_row);
	if (s->hidden_cols)
		snprintf(cols, sizeof cols, P_("%zu column (the first: %s)",
		                               "%zu columns (the first: %s)", s->hidden_cols),
		         s->hidden_cols, col);
	size_t hidden = s->hidden_rows + s->hidden_cols;
	diag_add(d, DIAG_NOTE, DC_HIDDEN_CELLS, source, 0, 0,
	         P_("%s%s%s hidden in Excel, read as any other",
	            "%s%s%s hidden in Excel, read as any other", hidden),
	         rows, *rows && *cols ? _(" and ") : "", cols);
}
