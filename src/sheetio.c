#include "sheetio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "encoding.h"
#include "swar.h"
#include "text.h"
#include "xalloc.h"

/* Read this much at a time: large enough that the system calls cost
 * little, small enough that the copy the system makes is still in the
 * core's cache when it is scanned, and that the readers (one a core, with
 * their decoded text) add little to the peak: 1 MB blocks cost 3 MB more
 * at the peak of a million-row sheet. */
#define BLOCK ((size_t)256 << 10)

size_t sheetio_read(const struct sheet_bytes *b, size_t from, char *out, size_t n, int *err)
{
	if (from >= b->len)
		return 0;
	if (n > b->len - from)
		n = b->len - from;
	if (b->fd < 0) {
		memcpy(out, b->mem + from, n);
		return n;
	}
	size_t got = 0;
	while (got < n) {
		ssize_t k = pread(b->fd, out + got, n - got, (off_t)(from + got));
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			*err = errno;
		if (k <= 0)
			break;           /* the file shrank, or failed: what was read counts */
		got += (size_t)k;
	}
	return got;
}

static int byte_at(const struct sheet_bytes *b, size_t at)
{
	char c;
	int err = 0;
	return sheetio_read(b, at, &c, 1, &err) == 1 ? (unsigned char)c : -1;
}

size_t sheetio_char_start(const struct sheet_bytes *b, size_t at)
{
	int c;
	while (at < b->len && (c = byte_at(b, at)) >= 0 && (c & 0xC0) == 0x80)
		at++;
	return at < b->len ? at : b->len;
}

/* ---- survey ---------------------------------------------------------------- */

/* Counts one byte that may matter; `next` is the byte after it (-1: none). */
static void survey_byte(struct survey *s, size_t off, unsigned char c, int next)
{
	switch (c) {
	case '\n':
		s->line_ends++;
		break;
	case '\r':
		if (!s->has_cr) {
			s->has_cr = true;
			s->first_cr_lf = next == '\n';
		}
		s->line_ends += next >= 0 && next != '\n';
		break;
	case '"':
		s->quotes++;
		break;
	case '\0':
		if (s->nuls++ == 0) {
			s->first_nul = off;
			s->first_nul_line_ends = s->line_ends;
		}
		break;
	}
}

#ifdef __SSE2__
#include <emmintrin.h>

/* The sum of the 16 byte counters in v. */
static size_t byte_sum(__m128i v)
{
	__m128i sad = _mm_sad_epu8(v, _mm_setzero_si128());
	return (size_t)_mm_cvtsi128_si32(sad) + (size_t)_mm_extract_epi16(sad, 4);
}

/* Counts block p[0..n) at offset off; `after` is the byte that follows it.
 * Sixteen bytes at a time, LFs and quotes in byte counters flushed every
 * 255 steps; only sixteen bytes holding a CR or a NUL (whose counting needs
 * their neighbours or their place) are looked at one by one. */
static void survey_block(struct survey *s, const unsigned char *p, size_t n, size_t off,
                         int after)
{
	const __m128i lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
	const __m128i cr = _mm_set1_epi8('\r'), nul = _mm_setzero_si128();
	size_t i = 0;
	while (i + 16 <= n) {
		__m128i lfs = _mm_setzero_si128(), quotes = _mm_setzero_si128();
		for (int step = 0; step < 255 && i + 16 <= n; step++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, nul)))) {
				/* counts so far first: a NUL records the line ends before it */
				s->line_ends += byte_sum(lfs);
				s->quotes += byte_sum(quotes);
				lfs = quotes = _mm_setzero_si128();
				for (size_t k = i; k < i + 16; k++)
					survey_byte(s, off + k, p[k], k + 1 < n ? p[k + 1] : after);
				continue;
			}
			lfs = _mm_sub_epi8(lfs, _mm_cmpeq_epi8(v, lf));
			quotes = _mm_sub_epi8(quotes, _mm_cmpeq_epi8(v, quote));
		}
		s->line_ends += byte_sum(lfs);
		s->quotes += byte_sum(quotes);
	}
	for (; i < n; i++)
		survey_byte(s, off + i, p[i], i + 1 < n ? p[i + 1] : after);
}

#else

/* How many bytes swar_bytes_equal marked. */
static size_t marks(uint64_t m)
{
	return (size_t)(((m >> 7) * 0x0101010101010101ULL) >> 56);
}

/* Counts block p[0..n) at offset off; `after` is the byte that follows it.
 * Eight bytes at a time: LFs and quotes are counted from bit masks; only a
 * word holding a CR or a NUL is looked at byte by byte. */
static void survey_block(struct survey *s, const unsigned char *p, size_t n, size_t off,
                         int after)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (swar_bytes_equal(w, '\r') | swar_bytes_equal(w, '\0')) {
			for (size_t k = i; k < i + 8; k++)
				survey_byte(s, off + k, p[k], k + 1 < n ? p[k + 1] : after);
			continue;
		}
		s->line_ends += marks(swar_bytes_equal(w, '\n'));
		s->quotes += marks(swar_bytes_equal(w, '"'));
	}
	for (; i < n; i++)
		survey_byte(s, off + i, p[i], i + 1 < n ? p[i + 1] : after);
}

#endif

/* Where a block may end without cutting a UTF-8 sequence in two: before
 * the last lead byte when its sequence may continue in the next block. */
static size_t sequence_cut(const unsigned char *p, size_t n)
{
	size_t k = n;
	while (k > 0 && n - k < 4) {
		k--;
		if ((p[k] & 0xC0) != 0x80)
			return p[k] >= 0xC0 && k > 0 ? k : n;
	}
	return n;
}

void sheetio_survey(const struct sheet_bytes *b, size_t from, size_t to, struct survey *s)
{
	memset(s, 0, sizeof *s);
	s->utf8 = true;
	char *blk = xmalloc(BLOCK);
	for (size_t at = from; at < to;) {
		size_t want = to - at < BLOCK ? to - at : BLOCK;
		size_t n = sheetio_read(b, at, blk, want, &s->err);
		if (n == 0)
			break;
		const unsigned char *p = (const unsigned char *)blk;
		size_t cut = at + n < to ? sequence_cut(p, n) : n;
		if (s->utf8 && !text_is_utf8(blk, cut))
			s->utf8 = false;
		int after = at + cut >= b->len ? -1 : cut < n ? p[cut] : byte_at(b, at + cut);
		survey_block(s, p, cut, at, after);
		at += cut;
	}
	free(blk);
}

void sheetio_survey_join(struct survey *a, const struct survey *b)
{
	a->utf8 = a->utf8 && b->utf8;
	if (!a->nuls && b->nuls) {
		a->first_nul = b->first_nul;
		a->first_nul_line_ends = a->line_ends + b->first_nul_line_ends;
	}
	a->nuls += b->nuls;
	if (!a->has_cr && b->has_cr) {
		a->has_cr = true;
		a->first_cr_lf = b->first_cr_lf;
	}
	a->line_ends += b->line_ends;
	a->quotes += b->quotes;
	if (!a->err)
		a->err = b->err;
}

/* ---- decoding -------------------------------------------------------------- */

size_t sheetio_decode(enum sheetio_decode d, const char *in, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == 0) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else if (c < 0x80 || d != DECODE_CP1252) {
			out[o++] = (char)c;
		} else {
			o += encoding_put_cp1252(c, out + o);
		}
	}
	return o;
}

/* ---- runs of lines ----------------------------------------------------------- */

void line_reader_init(struct line_reader *r, const struct sheet_bytes *b,
                      enum sheetio_decode d, size_t from, size_t to)
{
	memset(r, 0, sizeof *r);
	r->b = b;
	r->decode = d;
	r->pos = from;
	r->to = to < b->len ? to : b->len;
}

void line_reader_free(struct line_reader *r)
{
	free(r->buf);
	free(r->raw);
	r->buf = r->raw = NULL;
}

/* Just after the last line end in s[0..n), 0 if there is none.  A CR as
 * the last byte does not count: an LF may follow in the next block. */
static size_t last_line_end(const char *s, size_t n)
{
	for (size_t i = n; i > 0; i--) {
		if (s[i - 1] == '\n')
			return i;
		if (s[i - 1] == '\r' && i < n)
			return i;
	}
	return 0;
}

/* Appends the next block of the range to buf, decoded; false at its end. */
static bool read_block(struct line_reader *r)
{
	size_t want = r->to - r->pos < BLOCK ? r->to - r->pos : BLOCK;
	if (want == 0)
		return false;
	size_t room = r->decode == DECODE_NONE ? want : 3 * want;
	r->buf = xgrow(r->buf, &r->cap, r->len + room + 1, 1);
	size_t n;
	if (r->decode == DECODE_NONE) {
		n = sheetio_read(r->b, r->pos, r->buf + r->len, want, &r->err);
		r->len += n;
	} else {
		if (!r->raw)
			r->raw = xmalloc(BLOCK);
		n = sheetio_read(r->b, r->pos, r->raw, want, &r->err);
		r->len += sheetio_decode(r->decode, r->raw, n, r->buf + r->len);
	}
	r->pos += n;
	if (n < want)
		r->to = r->pos;      /* shrank or failed: the range ends here */
	return n > 0;
}

bool line_reader_next(struct line_reader *r, const char **text, size_t *len)
{
	/* bytes in memory needing no decoding are handed out as they are */
	if (r->b->fd < 0 && r->decode == DECODE_NONE) {
		if (r->pos >= r->to)
			return false;
		*text = r->b->mem + r->pos;
		*len = r->to - r->pos;
		r->pos = r->to;
		return true;
	}
	if (r->used) {
		memmove(r->buf, r->buf + r->used, r->len - r->used);
		r->len -= r->used;
		r->used = 0;
	}
	for (;;) {
		bool more = read_block(r);
		size_t end = more && r->pos < r->to ? last_line_end(r->buf, r->len) : r->len;
		if (end > 0) {
			r->used = end;
			*text = r->buf;
			*len = end;
			return true;
		}
		if (!more)
			return false;
	}
}
