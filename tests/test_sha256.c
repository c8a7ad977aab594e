/* SHA-256: FIPS 180-4 example vectors, and the padding boundaries checked
 * against coreutils' sha256sum (printf '%55s' '' | tr ' ' x | sha256sum). */
#include <criterion/criterion.h>
#include <string.h>

#include "sha256.h"

static void expect(const char *msg, size_t n, const char *hex)
{
	char out[65];
	sha256_hex(msg, n, out);
	cr_expect_str_eq(out, hex, "length %zu", n);
}

/* Every test runs twice: with the CPU's SHA instructions where it has them,
 * and with the portable code. */
static void portable(void)
{
	sha256_allow_hardware(false);
}

static void hardware(void)
{
	sha256_allow_hardware(true);
}

TestSuite(sha256, .init = hardware);
TestSuite(sha256_portable, .init = portable);

static void fips(void);
static void boundaries(void);
static void million(void);

Test(sha256, fips_vectors) { fips(); }
Test(sha256, padding_boundaries) { boundaries(); }
Test(sha256, million_a_streamed_in_odd_pieces) { million(); }
Test(sha256_portable, fips_vectors) { fips(); }
Test(sha256_portable, padding_boundaries) { boundaries(); }
Test(sha256_portable, million_a_streamed_in_odd_pieces) { million(); }

static void fips(void)
{
	expect("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	expect("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	expect(m, strlen(m), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void boundaries(void)
{
	static const struct { size_t n; const char *hex; } v[] = {
		{ 55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072" },
		{ 56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e" },
		{ 63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2" },
		{ 64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c" },
		{ 65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9" },
		{ 119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c" },
		{ 120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98" },
	};
	char buf[128];
	memset(buf, 'x', sizeof buf);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		expect(buf, v[i].n, v[i].hex);
}

static void million(void)
{
	char chunk[997];
	memset(chunk, 'a', sizeof chunk);
	struct sha256 s;
	sha256_init(&s);
	size_t left = 1000000;
	while (left) {
		size_t n = left < sizeof chunk ? left : sizeof chunk;
		sha256_update(&s, chunk, n);
		left -= n;
	}
	unsigned char d[32];
	sha256_final(&s, d);
	static const unsigned char want[32] = {
		0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7, 0xe2, 0x84, 0xd7, 0x3e, 0x67,
		0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97, 0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0,
	};
	cr_expect_arr_eq(d, want, 32);
}
