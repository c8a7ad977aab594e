/* libFuzzer target: the whole sheet pipeline, bytes -> accepted and
 * rejected rows (load_buffer), with the shipped config.ini loaded once. */
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
	const char *bad = harness_load(&cfg, data, size);
	if (bad) {
		fprintf(stderr, "fuzz_load: %s\n", bad);
		abort();
	}
	return 0;
}
