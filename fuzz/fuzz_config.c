/* libFuzzer target: config.ini loading.  Each input is written to
 * config.ini in a private temporary folder and loaded with config_load.
 * The folder also holds copies of the regional figures files the test
 * configs name (minimal_figures.csv...), so seeds taken from
 * tests/fixtures/config load all the way through. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/fourw-fuzz-config-XXXXXX";

static void copy_file(const char *from, const char *name)
{
	char to[256];
	FILE *in = fopen(from, "rb"), *out;
	if (!in)
		return;
	snprintf(to, sizeof to, "%s/%s", dir, name);
	if ((out = fopen(to, "wb"))) {
		char buf[4096];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, out);
		fclose(out);
	}
	fclose(in);
}

static void remove_dir(void)
{
	static const char *const names[] = {
		"config.ini", "minimal_figures.csv", "bad_figures.csv",
		"unknown_region_figures.csv", "data/regional_figures.csv", "data",
	};
	char path[256];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		remove(path);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char data[256];
	(void)argc;
	(void)argv;
	if (!mkdtemp(dir)) {
		perror("fuzz_config: mkdtemp");
		abort();
	}
	atexit(remove_dir);
	copy_file("tests/fixtures/config/minimal_figures.csv", "minimal_figures.csv");
	copy_file("tests/fixtures/config/bad_figures.csv", "bad_figures.csv");
	copy_file("tests/fixtures/config/unknown_region_figures.csv", "unknown_region_figures.csv");
	snprintf(data, sizeof data, "%s/data", dir);
	if (mkdir(data, 0700) == 0)
		copy_file("data/regional_figures.csv", "data/regional_figures.csv");
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
