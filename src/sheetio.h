/* sheetio: a sheet's bytes, surveyed once and then read in runs of whole
 * lines.
 *
 * A national sheet can be larger than the memory a small shared server
 * should give one program, so a sheet on disk is never held whole: it is
 * read in blocks of 256 kB, and decoded block by block (every
 * decoding used here maps each byte on its own, so block edges never split
 * a character).  Before that, one pass over the bytes — the survey — says
 * what the parse needs to know in advance: whether the bytes are valid
 * UTF-8 (else they are Windows-1252), where NUL bytes are, how many lines
 * there are and how many quote characters (where a sheet may be cut into
 * parts that parse independently: see load.c). */
#ifndef FOURW_SHEETIO_H
#define FOURW_SHEETIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where the bytes come from: an open regular file, or memory. */
struct sheet_bytes {
	int fd;                   /* a file, or -1 */
	const char *mem;          /* else these bytes */
	size_t len;               /* the size when opened; nothing past it is read */
};

/* What one pass over bytes [from, to) found. */
struct survey {
	bool utf8;                /* valid UTF-8 throughout */
	size_t nuls;              /* NUL bytes */
	size_t first_nul;         /* offset of the first, if any */
	size_t first_nul_line_ends;  /* line ends before it */
	size_t line_ends;         /* LF, CRLF (once) and lone CR, as load.c ends lines */
	size_t quotes;            /* '"' bytes */
	bool has_cr;              /* a CR was seen; first_cr_lf: the first one had an LF after it */
	bool first_cr_lf;
	int err;                  /* errno of a failed read, else 0 */
};

/* Surveys [from, to).  `from` must not fall inside a UTF-8 sequence
 * (sheetio_char_start finds such a place). */
void sheetio_survey(const struct sheet_bytes *b, size_t from, size_t to, struct survey *s);

/* Joins the survey of the range that follows `a`'s into `a`. */
void sheetio_survey_join(struct survey *a, const struct survey *b);

/* The first offset at or after `at` where a character starts (never inside
 * a UTF-8 sequence); b->len if none. */
size_t sheetio_char_start(const struct sheet_bytes *b, size_t at);

/* How each byte is turned into UTF-8 text as it is read. */
enum sheetio_decode {
	DECODE_NONE,              /* valid UTF-8, no NUL: used as it is */
	DECODE_NUL,               /* valid UTF-8 with NULs: each NUL becomes U+FFFD */
	DECODE_CP1252,            /* Windows-1252 (and NUL → U+FFFD) */
};

/* Decodes n bytes into out (room for 3 × n bytes); returns the length. */
size_t sheetio_decode(enum sheetio_decode d, const char *in, size_t n, char *out);

/* Reads [from, to) in runs of whole lines: each run ends after a line end
 * (LF, CRLF or a lone CR) or at `to`, so no line is split between runs. */
struct line_reader {
	const struct sheet_bytes *b;
	enum sheetio_decode decode;
	size_t pos, to;           /* next byte to read, end of the range */
	char *buf;                /* decoded text: buf[0..len) */
	size_t len, cap, used;    /* used: bytes already handed out */
	char *raw;                /* scratch block before decoding */
	int err;                  /* errno of a failed read, else 0 */
};

void line_reader_init(struct line_reader *r, const struct sheet_bytes *b,
                      enum sheetio_decode d, size_t from, size_t to);
/* The next run of lines; false at the end of the range or on a read error
 * (r->err says which).  The text stays valid until the next call. */
bool line_reader_next(struct line_reader *r, const char **text, size_t *len);
void line_reader_free(struct line_reader *r);

/* Bytes [from, from + n) read into out; the count actually read (less at
 * the end of the sheet or on error, *err set). */
size_t sheetio_read(const struct sheet_bytes *b, size_t from, char *out, size_t n, int *err);

#endif
