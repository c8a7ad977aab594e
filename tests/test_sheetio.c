/* sheetio: the survey's counts against a byte-by-byte count written here
 * from load.c's definition of a line end (LF; CR followed by LF counts
 * once; a lone CR), on seeded random text full of the bytes that matter,
 * whole and cut in two at every kind of place; and the line reader's runs
 * against the text they come from. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sheetio.h"

static uint64_t seed = 42;

static unsigned next_random(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33);
}

static void random_text(char *buf, size_t n)
{
	static const char pick[] = "abc,;\"\n\r\0 ";
	for (size_t i = 0; i < n; i++) {
		unsigned r = next_random();
		buf[i] = r % 4 ? 'x' : pick[r / 4 % (sizeof pick - 1)];
	}
}

struct naive { size_t line_ends, quotes, nuls, first_nul, first_nul_line_ends; };

static struct naive count(const char *b, size_t from, size_t to, size_t len)
{
	struct naive c = {0};
	for (size_t i = from; i < to; i++) {
		if (b[i] == '\0' && c.nuls++ == 0) {
			c.first_nul = i;
			c.first_nul_line_ends = c.line_ends;
		}
		c.quotes += b[i] == '"';
		c.line_ends += b[i] == '\n' || (b[i] == '\r' && i + 1 < len && b[i + 1] != '\n');
	}
	return c;
}

static void same_counts(const struct survey *s, const struct naive *c)
{
	cr_assert_eq(s->line_ends, c->line_ends);
	cr_assert_eq(s->quotes, c->quotes);
	cr_assert_eq(s->nuls, c->nuls);
	if (c->nuls) {
		cr_assert_eq(s->first_nul, c->first_nul);
		cr_assert_eq(s->first_nul_line_ends, c->first_nul_line_ends);
	}
}

Test(sheetio, survey_counts_as_a_byte_by_byte_count)
{
	size_t sizes[] = { 0, 1, 15, 16, 17, 255 * 16 + 3, 70000, (1u << 20) + 77 };
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		size_t n = sizes[k];
		char *buf = malloc(n + 1);
		random_text(buf, n);
		struct sheet_bytes b = { .fd = -1, .mem = buf, .len = n };
		struct survey s, tail;
		struct naive c = count(buf, 0, n, n);
		sheetio_survey(&b, 0, n, &s);
		same_counts(&s, &c);
		cr_assert(s.utf8 == (memchr(buf, '\xe9', n) == NULL));
		/* cut in two anywhere: the joined halves count the same */
		for (size_t cut = 0; cut <= n; cut += n / 7 + 1) {
			sheetio_survey(&b, 0, cut, &s);
			sheetio_survey(&b, cut, n, &tail);
			sheetio_survey_join(&s, &tail);
			same_counts(&s, &c);
		}
		free(buf);
	}
}

Test(sheetio, survey_tells_utf8_from_windows_1252)
{
	const char *utf8 = "R\xc3\xa9gion;S\xc3\xa9gou\n", *cp1252 = "R\xe9gion;S\xe9gou\n";
	struct sheet_bytes a = { .fd = -1, .mem = utf8, .len = strlen(utf8) };
	struct sheet_bytes b = { .fd = -1, .mem = cp1252, .len = strlen(cp1252) };
	struct survey s;
	sheetio_survey(&a, 0, a.len, &s);
	cr_assert(s.utf8);
	sheetio_survey(&b, 0, b.len, &s);
	cr_assert_not(s.utf8);
	/* a cut inside "é" is moved to where a character starts */
	cr_assert_eq(sheetio_char_start(&a, 2), 3);
}

/* Writes buf to a temporary file (memory is handed out whole; a file comes
 * in blocks) and reads it back with the line reader; each run must be the
 * file's next bytes.  Fills ends[] with where the runs end; returns how
 * many runs there were. */
static size_t read_runs(const char *buf, size_t n, size_t *ends, size_t max)
{
	char path[] = "/tmp/fourw-sheetio-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, buf, n), (ssize_t)n);
	struct sheet_bytes b = { .fd = fd, .len = n };
	struct line_reader r;
	const char *text;
	size_t len, at = 0, runs = 0;
	line_reader_init(&r, &b, DECODE_NONE, 0, n);
	while (line_reader_next(&r, &text, &len)) {
		cr_assert(memcmp(text, buf + at, len) == 0, "run %zu differs", runs);
		at += len;
		cr_assert_lt(runs, max);
		ends[runs++] = at;
	}
	cr_assert_eq(at, n);
	line_reader_free(&r);
	close(fd);
	unlink(path);
	return runs;
}

Test(sheetio, line_reader_runs_are_whole_lines)
{
	size_t n = (3u << 20) + 1234;
	char *buf = malloc(n);
	random_text(buf, n);
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = 'z';
	size_t ends[64], runs = read_runs(buf, n, ends, 64);
	cr_assert_gt(runs, 2);
	for (size_t i = 0; i + 1 < runs; i++) {
		char last = buf[ends[i] - 1];
		cr_assert(last == '\n' || (last == '\r' && buf[ends[i]] != '\n'),
		          "run %zu ends inside a line", i);
	}
	free(buf);
}

/* Line ends placed on the reader's block edges (1 MB): a CRLF cut in two
 * by the edge is one line end, a lone CR just before an edge is one too. */
Test(sheetio, line_ends_on_block_edges)
{
	size_t block = (size_t)1 << 20, n = 3 * block;
	char *buf = malloc(n);
	memset(buf, 'x', n);
	buf[block - 1] = '\r';               /* CR | LF across the first edge */
	buf[block] = '\n';
	buf[2 * block - 1] = '\r';           /* a lone CR just before the second */
	buf[n - 1] = '\n';
	size_t ends[8], runs = read_runs(buf, n, ends, 8);
	free(buf);
	/* every run ends just after a line end: after the LF of the CRLF
	 * (never between its CR and LF), after the lone CR, at the end */
	for (size_t i = 0; i < runs; i++)
		cr_assert(ends[i] == block + 1 || ends[i] == 2 * block || ends[i] == n,
		          "a run ends at %zu", ends[i]);
}
