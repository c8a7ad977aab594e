/* csvline_split against libcsv itself, the independent method: every line
 * up to 8 characters over the characters that matter (text, space, quote,
 * the delimiter and another delimiter), with and without a line end.  When
 * csvline says RECORD or BLANK, libcsv (configured as load.c configures it)
 * must give exactly the same cells, or no record. */
#include <criterion/criterion.h>
#include <csv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvline.h"

struct cells {
	char text[2048];           /* cells joined by '|' after their length */
	size_t len;
	int records;
};

static void add_cell(void *s, size_t len, void *data)
{
	struct cells *c = data;
	c->len += (size_t)snprintf(c->text + c->len, sizeof c->text - c->len, "%zu:%.*s|",
	                           len, (int)len, s ? (const char *)s : "");
}

static void add_record(int term, void *data)
{
	(void)term;
	((struct cells *)data)->records++;
}

static int space_only(unsigned char c)
{
	return c == ' ';
}

static void by_libcsv(const char *line, size_t n, char delim, struct cells *out)
{
	struct csv_parser p;
	memset(out, 0, sizeof *out);
	csv_init(&p, CSV_APPEND_NULL | CSV_STRICT_FINI);
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, space_only);
	csv_parse(&p, line, n, add_cell, add_record, out);
	csv_fini(&p, add_cell, add_record, out);
	csv_free(&p);
}

/* csvline's cells as add_cell writes them; they must lie one right after
 * the other, each ending in its NUL (the loader hashes them as one span). */
static enum csvline_result split(const char *line, size_t n, char delim,
                                 struct csvline_cells *scratch, struct cells *out)
{
	enum csvline_result r = csvline_split(line, n, delim, scratch);
	if (r != CSVLINE_RECORD)
		return r;
	for (size_t i = 0; i < scratch->n; i++) {
		size_t len = csvline_cell_len(scratch, i);
		const char *cell = scratch->bytes + scratch->offs[i];
		cr_assert_eq(cell[len], '\0', "[%.*s]: cell %zu not ended", (int)n, line, i);
		cr_assert_eq(scratch->offs[i], i ? scratch->offs[i - 1] + csvline_cell_len(scratch, i - 1) + 1 : 0,
		             "[%.*s]: cell %zu not right after the one before", (int)n, line, i);
		add_cell((void *)(uintptr_t)cell, len, out);
	}
	return r;
}

static void scratch_free(struct csvline_cells *c)
{
	free(c->bytes);
	free(c->offs);
	free(c->line);
}

static size_t simple;

static void compare(const char *line, size_t n, char delim, struct csvline_cells *scratch)
{
	struct cells mine = {0}, theirs;
	enum csvline_result r = split(line, n, delim, scratch, &mine);
	if (r == CSVLINE_OTHER)
		return;
	simple++;
	by_libcsv(line, n, delim, &theirs);
	if (r == CSVLINE_BLANK) {
		cr_assert_eq(theirs.records, 0, "[%.*s]: libcsv made a record of it", (int)n, line);
		return;
	}
	cr_assert_eq(theirs.records, 1, "[%.*s]: libcsv made %d records", (int)n, line,
	             theirs.records);
	cr_assert_str_eq(mine.text, theirs.text, "[%.*s]", (int)n, line);
}

static void every_line(const char *alphabet, char delim, int maxlen)
{
	size_t k = strlen(alphabet);
	struct csvline_cells scratch = {0};
	char line[16];
	simple = 0;
	for (int len = 0; len <= maxlen; len++) {
		size_t total = 1;
		for (int i = 0; i < len; i++)
			total *= k;
		for (size_t v = 0; v < total; v++) {
			size_t x = v;
			for (int i = 0; i < len; i++, x /= k)
				line[i] = alphabet[x % k];
			compare(line, (size_t)len, delim, &scratch);
			line[len] = '\n';
			compare(line, (size_t)len + 1, delim, &scratch);
			line[len] = '\r';
			line[len + 1] = '\n';
			compare(line, (size_t)len + 2, delim, &scratch);
		}
	}
	scratch_free(&scratch);
	cr_assert_gt(simple, 1000, "only %zu lines were simple", simple);
}

Test(csvline, same_cells_as_libcsv_comma)
{
	every_line("a \",;", ',', 7);
}

Test(csvline, same_cells_as_libcsv_semicolon)
{
	every_line("a \";\t", ';', 7);
}

Test(csvline, quoted_cells_with_doubled_quotes)
{
	struct csvline_cells scratch = {0};
	struct cells c = {0};
	const char *line = "IRC , \"Séances, \"\"PSS\"\"\" ,  x  ,\n";
	cr_assert_eq(split(line, strlen(line), ',', &scratch, &c), CSVLINE_RECORD);
	cr_assert_str_eq(c.text, "3:IRC|15:Séances, \"PSS\"|1:x|0:|");
	scratch_free(&scratch);
}

Test(csvline, lines_left_to_libcsv)
{
	struct csvline_cells scratch = {0};
	struct cells c = {0};
	const char *other[] = { "a,\"runs on\n", "a,5\" screen\n", "\"a\"b,c\n", "a\rb\n",
	                        "a,\"x\ny\",b\n", "\"a\rb\"\n", "a,b\nc,d\n" };
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
		cr_assert_eq(split(other[i], strlen(other[i]), ',', &scratch, &c),
		             CSVLINE_OTHER, "%s", other[i]);
	scratch_free(&scratch);
}

/* Longer lines (cells are scanned eight bytes at a time): 200,000 lines of
 * 8 to 400 characters drawn with a fixed seed, mostly text so that cells of
 * every length occur, with now and then a CR or LF inside, compared with
 * libcsv the same way. */
Test(csvline, long_lines_same_as_libcsv)
{
	const char *alphabet = "abcdefghij  \",;\"";
	struct csvline_cells scratch = {0};
	uint64_t seed = 0x2024;
	char line[416];
	simple = 0;
	for (int i = 0; i < 200000; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t len = 8 + (size_t)(seed >> 33) % 393;
		for (size_t k = 0; k < len; k++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			unsigned r = (unsigned)(seed >> 40);
			/* one byte in eight is special, the rest text; one in 4,096 a line end */
			line[k] = r % 8 ? alphabet[r % 10] : alphabet[10 + r / 8 % 6];
			if (r % 4096 == 1)
				line[k] = r / 4096 % 2 ? '\r' : '\n';
		}
		line[len] = '\n';
		compare(line, len + 1, i % 2 ? ',' : ';', &scratch);
	}
	scratch_free(&scratch);
	cr_assert_gt(simple, 5000, "only %zu lines were simple", simple);
}
