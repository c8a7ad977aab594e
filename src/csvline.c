#include "csvline.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "swar.h"
#include "xalloc.h"

/* Zeroed bytes past the line's copy, and room past the record's cells:
 * the scans read sixteen bytes at a time, and a short cell is copied as
 * sixteen bytes in one move (the next cell overwrites the excess). */
#define SLACK 16

#define EDGE8 3, 3, 3, 3, 3, 3, 3, 3
const unsigned char csvline_trim_edge[256] = {
	EDGE8, EDGE8, EDGE8, EDGE8, 3,            /* 0x00 .. 0x20 */
	[0xA0] = 2, [0xAF] = 2, [0xC2] = 1, [0xE2] = 1,
};

/* Where the delimiters, quotes, CRs and LFs of a line are: bit i%64 of
 * word i/64 for byte i, found once for the whole line, so that going from
 * one cell to the next costs a few instructions, not a scan. */
struct marks {
	uint64_t w[CSVLINE_MAX / 64 + 1];
};

#ifdef __SSE2__
#include <emmintrin.h>

/* b[0..n) with zeroed slack after it; sixteen bytes at a time. */
static void mark_line(const char *b, size_t n, char delim, struct marks *m)
{
	const __m128i d = _mm_set1_epi8(delim), q = _mm_set1_epi8('"');
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	memset(m->w, 0, ((n >> 6) + 1) * sizeof m->w[0]);
	for (size_t i = 0; i < n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
		__m128i s = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
		                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
		m->w[i >> 6] |= (uint64_t)(unsigned)_mm_movemask_epi8(s) << (i & 63);
	}
}

#else

static bool special(unsigned char c, char delim)
{
	return c == (unsigned char)delim || c == '"' || c == '\r' || c == '\n';
}

/* The same, eight bytes at a time: a word with none of them is passed
 * over whole, the others looked at byte by byte. */
static void mark_line(const char *b, size_t n, char delim, struct marks *m)
{
	memset(m->w, 0, ((n >> 6) + 1) * sizeof m->w[0]);
	for (size_t i = 0; i < n; i += 8) {
		uint64_t w;
		memcpy(&w, b + i, 8);
		if (!(swar_bytes_equal(w, (unsigned char)delim) | swar_bytes_equal(w, '"') |
		      swar_bytes_equal(w, '\r') | swar_bytes_equal(w, '\n')))
			continue;
		for (size_t k = i; k < i + 8 && k < n; k++)
			if (special((unsigned char)b[k], delim))
				m->w[k >> 6] |= (uint64_t)1 << (k % 64);
	}
}

#endif

/* The first delimiter, quote, CR or LF at or after p, else n. */
static inline size_t next_special(const struct marks *m, size_t p, size_t n)
{
	if (p >= n)
		return n;
	size_t w = p >> 6;
	uint64_t bits = m->w[w] & (~(uint64_t)0 << (p & 63));
	while (!bits) {
		if (++w > (n >> 6))
			return n;
		bits = m->w[w];
	}
	size_t k = (w << 6) + (size_t)__builtin_ctzll(bits);
	return k < n ? k : n;
}

/* A line being split: its copy b[0..n), where each special byte is, and
 * the record's cells so far (kept in locals by the loop, which writes
 * them back only around a quoted cell: with char pointers about, the
 * compiler would otherwise reload them at every byte written). */
struct split {
	const char *b;
	size_t n;
	char delim;
	const struct marks *m;
	char *bytes;              /* the record's */
	size_t len;
	size_t *offs;
	size_t ncells;
	unsigned may_trim;        /* a cell's end may be trimmed (csvline_may_trim) */
};

/* Appends b[from..from + len) at `to` (the cell is not yet ended). */
static inline void copy_cell(char *restrict to, const char *restrict from, size_t len)
{
	if (len <= SLACK)
		memcpy(to, from, SLACK);     /* one move; the excess is written over */
	else
		memcpy(to, from, len);
}

/* The closing quote (or the first of a "") of the quoted text from r, or
 * n if it is not on this line. */
static size_t next_quote(const struct split *sp, size_t r)
{
	size_t k = next_special(sp->m, r, sp->n);
	while (k < sp->n && sp->b[k] == sp->delim)
		k = next_special(sp->m, k + 1, sp->n);
	return k < sp->n && sp->b[k] == '"' ? k : sp->n;
}

/* A quoted cell opening at q, each "" made one ".  Returns where the next
 * cell starts (n + 1 after the last), or 0 unless the closing quote is on
 * this line and followed by nothing but spaces up to the delimiter or the
 * end of the line. */
static size_t quoted_cell(struct split *sp, size_t q)
{
	size_t r = q + 1, start = sp->len;
	for (bool doubled = true; doubled;) {
		size_t k = next_quote(sp, r);
		if (k == sp->n)
			return 0;                 /* runs on to the next line */
		doubled = k + 1 < sp->n && sp->b[k + 1] == '"';
		copy_cell(sp->bytes + sp->len, sp->b + r, k - r + doubled);
		sp->len += k - r + doubled;
		r = k + 1 + doubled;
	}
	while (r < sp->n && sp->b[r] == ' ')
		r++;
	if (r < sp->n && sp->b[r] != sp->delim)
		return 0;                     /* text after the closing quote */
	if (sp->len > start)
		sp->may_trim |= csvline_may_trim((unsigned char)sp->bytes[start],
		                                 (unsigned char)sp->bytes[sp->len - 1]);
	sp->offs[sp->ncells++] = start;
	sp->bytes[sp->len++] = '\0';
	return r + 1;
}

/* The cells of sp's line into its record.  An unquoted cell runs up to the
 * delimiter, spaces around it dropped; one that holds a quote (libcsv
 * keeps such a quote as text) or a line end leaves the line to libcsv. */
static enum csvline_result split_cells(struct split *sp)
{
	const char *restrict b = sp->b;
	char *restrict bytes = sp->bytes;
	size_t *restrict offs = sp->offs;
	size_t n = sp->n, len = 0, ncells = 0;
	unsigned may_trim = 0;
	for (size_t p = 0; p <= n;) {
		size_t a = p;
		while (a < n && b[a] == ' ')
			a++;
		if (a < n && b[a] == '"') {
			sp->len = len;
			sp->ncells = ncells;
			if (!(p = quoted_cell(sp, a)))
				return CSVLINE_OTHER;
			len = sp->len;
			ncells = sp->ncells;
			continue;
		}
		if (a == n && p == 0)
			return CSVLINE_BLANK;
		size_t stop = next_special(sp->m, a, n);
		if (stop < n && b[stop] != sp->delim)
			return CSVLINE_OTHER;
		size_t z = stop;
		while (z > a && b[z - 1] == ' ')
			z--;
		if (z > a)
			may_trim |= csvline_may_trim((unsigned char)b[a], (unsigned char)b[z - 1]);
		copy_cell(bytes + len, b + a, z - a);
		offs[ncells++] = len;
		len += z - a;
		bytes[len++] = '\0';
		p = stop + 1;
	}
	sp->len = len;
	sp->ncells = ncells;
	sp->may_trim |= may_trim;
	return CSVLINE_RECORD;
}

/* Room for the copy of a line of n bytes and for its cells. */
static void make_room(struct csvline_cells *out, size_t n)
{
	if (out->line_cap < n + SLACK)
		out->line = xgrow(out->line, &out->line_cap, n + SLACK, 1);
	if (out->cap < n + 1 + SLACK)
		out->bytes = xgrow(out->bytes, &out->cap, n + 1 + SLACK, 1);
	if (out->offcap < n + 1)
		out->offs = xgrow(out->offs, &out->offcap, n + 1, sizeof *out->offs);
}

enum csvline_result csvline_split(const char *s, size_t n, char delim,
                                  struct csvline_cells *out)
{
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	out->n = out->len = 0;
	if (n > CSVLINE_MAX)
		return CSVLINE_OTHER;
	make_room(out, n);
	memcpy(out->line, s, n);
	memset(out->line + n, 0, SLACK);
	struct marks m;
	mark_line(out->line, n, delim, &m);
	struct split sp = { out->line, n, delim, &m, out->bytes, 0, out->offs, 0, 0 };
	enum csvline_result r = split_cells(&sp);
	if (r == CSVLINE_RECORD) {
		out->len = sp.len;
		out->n = sp.ncells;
		out->may_trim = sp.may_trim != 0;
	}
	return r;
}
