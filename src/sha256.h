/* sha256: the digest that names a sheet in the minutes.
 *
 * The Markdown report lists each sheet read with the SHA-256 of its bytes,
 * so anyone holding the minutes can tell whether the sheet on the server is
 * still the one the meeting saw.  FIPS 180-4; streaming or one-shot. */
#ifndef FOURW_SHA256_H
#define FOURW_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t nbytes;          /* message length so far */
	unsigned char buf[64];    /* a partial block */
	size_t nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, unsigned char digest[32]);
/* sha256_final, as 64 lower-case hex digits and a NUL. */
void sha256_final_hex(struct sha256 *s, char out[65]);

/* Whether the CPU's SHA instructions may be used where present (default
 * true); the tests turn it off to check the portable code on any machine. */
void sha256_allow_hardware(bool allow);

/* The digest of [data, data+n) as 64 lower-case hex digits and a NUL. */
void sha256_hex(const void *data, size_t n, char out[65]);

#endif
