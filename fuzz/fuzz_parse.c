/* libFuzzer target: the number and date parsers (parse_people, parse_date,
 * month_parse) and safe_escape, on the input as one cell. */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = harness_parse(data, size);
	if (bad) {
		fprintf(stderr, "fuzz_parse: %s\n", bad);
		abort();
	}
	return 0;
}
