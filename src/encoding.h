/* encoding: turning the bytes of a sheet into UTF-8 text.
 *
 * Sheets come as UTF-8 (with or without BOM) or as Windows-1252 from
 * Excel's plain "CSV" save.  The whole file is examined once: valid UTF-8
 * stays as it is, anything else is decoded as Windows-1252. */
#ifndef FOURW_ENCODING_H
#define FOURW_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

enum encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_CP1252 };

/* "UTF-8", "UTF-8 with BOM", "Windows-1252" */
const char *encoding_name(enum encoding e);

/* Detects the encoding of buf and returns it as UTF-8 without BOM.
 * Returns a new malloc'd NUL-terminated buffer (caller frees) and its
 * length in *out_len.  Never fails: every byte of Windows-1252 maps to
 * something (the five undefined bytes become U+FFFD). */
char *encoding_to_utf8(const char *buf, size_t len, enum encoding *detected,
                       size_t *out_len);

/* Appends the UTF-8 encoding of code point cp to out (room for 4 bytes);
 * returns the number of bytes written. */
size_t encoding_put_utf8(unsigned cp, char *out);

/* Appends the UTF-8 encoding of Windows-1252 byte b (room for 3 bytes). */
size_t encoding_put_cp1252(unsigned char b, char *out);

#endif
