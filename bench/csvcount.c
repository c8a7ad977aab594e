/* csvcount: the one-core ceiling — a single-threaded libcsv pass over a
 * sheet that does nothing but count rows and fields.
 *
 *   bench/csvcount FILE [DELIM]
 *
 * Issue 5 asks the full load to beat this: fourw must split the input and
 * parse the parts on several cores.  Prints "rows fields". */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct counts {
	size_t rows, fields;
};

static void on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void on_row(int c, void *data)
{
	(void)c;
	((struct counts *)data)->rows++;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fputs("usage: csvcount FILE [DELIM]\n", stderr);
		return 2;
	}
	int fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "csvcount: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	struct csv_parser p;
	if (csv_init(&p, 0) != 0)
		return 1;
	if (argc == 3)
		csv_set_delim(&p, (unsigned char)argv[2][0]);
	struct counts n = { 0, 0 };
	static char buf[1 << 20];
	ssize_t got;
	while ((got = read(fd, buf, sizeof buf)) > 0) {
		if (csv_parse(&p, buf, (size_t)got, on_field, on_row, &n) != (size_t)got) {
			fprintf(stderr, "csvcount: %s: %s\n", argv[1], csv_strerror(csv_error(&p)));
			return 1;
		}
	}
	if (got < 0) {
		fprintf(stderr, "csvcount: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	csv_fini(&p, on_field, on_row, &n);
	csv_free(&p);
	close(fd);
	printf("%zu %zu\n", n.rows, n.fields);
	return 0;
}
