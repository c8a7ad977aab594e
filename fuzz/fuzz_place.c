/* libFuzzer target: place resolution (place_region, place_cercle and the
 * suggestions) against the shipped config.ini, loaded once.  An input is
 * "code\nname\nS": a p-code, a name and a system (1 old, 2 new, else none). */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct config cfg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	harness_load_config(&cfg);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = harness_place(&cfg, data, size);
	if (bad) {
		fprintf(stderr, "fuzz_place: %s\n", bad);
		abort();
	}
	return 0;
}
