/* libFuzzer target: Excel workbooks, bytes -> a worksheet's CSV text ->
 * accepted and rejected rows, with the shipped config.ini loaded once.  The
 * seeds (make fuzz-seeds) are workbooks stored without compression, so that
 * mutations reach the XML readers and not only the zip layer. */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct config cfg;
static char dir[] = "/tmp/fourw-fuzz-xlsx-XXXXXX";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	harness_load_config(&cfg);
	if (!mkdtemp(dir)) {
		perror(dir);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = harness_workbook(&cfg, dir, data, size);
	if (bad) {
		fprintf(stderr, "fuzz_xlsx: %s\n", bad);
		abort();
	}
	return 0;
}
