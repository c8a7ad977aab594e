/* libFuzzer target: config.ini loading.  Each input is written to
 * config.ini in a private temporary folder and loaded with config_load;
 * the folder also holds the regional figures files the shipped and test
 * configs name, so seeds taken from them load all the way through. */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/fourw-fuzz-config-XXXXXX";

static void remove_dir(void)
{
	harness_config_dir_remove(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!harness_config_dir(dir)) {
		perror("fuzz_config: cannot prepare its folder (run from the top of the project)");
		abort();
	}
	atexit(remove_dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = harness_config(dir, data, size);
	if (bad) {
		fprintf(stderr, "fuzz_config: %s\n", bad);
		abort();
	}
	return 0;
}
