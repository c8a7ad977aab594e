/* swar: looking at eight bytes at once in a 64-bit word, for the scans
 * that run over every byte of a sheet (sheetio.c, csvline.c). */
#ifndef FOURW_SWAR_H
#define FOURW_SWAR_H

#include <stdint.h>

/* 0x80 in each byte of w that equals c, 0 elsewhere (exact: no carries
 * between bytes, unlike the shorter "has a zero byte" test). */
static inline uint64_t swar_bytes_equal(uint64_t w, unsigned char c)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t x = w ^ (0x0101010101010101ULL * c);
	return ~(((x & low7) + low7) | x | low7);
}

#endif
