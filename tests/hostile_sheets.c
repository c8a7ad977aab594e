#include "hostile_sheets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *must_alloc(size_t n)
{
	char *p = malloc(n);
	if (!p) {
		fprintf(stderr, "hostile_sheets: out of memory (%zu bytes)\n", n);
		abort();
	}
	return p;
}

char *hostile_big_cell_sheet(size_t cell, bool quoted, size_t *len)
{
	static const char head[] = HOSTILE_HEADER "UNICEF,Mopti,GC,1,2\nUNICEF,";
	static const char tail[] = ",GC,1,2\nUNICEF,Mopti,GC,3,4\n";
	size_t n = sizeof head - 1 + cell + 2 + sizeof tail - 1;
	char *buf = must_alloc(n + 1), *p = buf;
	memcpy(p, head, sizeof head - 1);
	p += sizeof head - 1;
	if (quoted)
		*p++ = '"';
	memset(p, 'x', cell);
	p += cell;
	if (quoted)
		*p++ = '"';
	memcpy(p, tail, sizeof tail - 1);
	p += sizeof tail - 1;
	*len = (size_t)(p - buf);
	return buf;
}

char *hostile_row_of_fields(size_t fields, size_t *len)
{
	static const char head[] = HOSTILE_HEADER "UNICEF,Mopti,GC,1,2";
	char *buf = must_alloc(sizeof head + 2 * fields + 2), *p = buf;
	memcpy(p, head, sizeof head - 1);
	p += sizeof head - 1;
	for (size_t i = 5; i < fields; i++) {
		*p++ = ',';
		*p++ = 'z';
	}
	*p++ = '\n';
	*len = (size_t)(p - buf);
	return buf;
}

char *hostile_sheet_of_columns(size_t columns, size_t rows, size_t *len)
{
	size_t cap = columns * 8 + rows * (columns * 2 + 32) + 64;
	char *buf = must_alloc(cap), *p = buf;
	p += sprintf(p, "Organisation,Région,Type,Filles,Garçons");
	for (size_t i = 5; i < columns; i++)
		p += sprintf(p, ",c%zu", i);
	*p++ = '\n';
	for (size_t r = 0; r < rows; r++) {
		p += sprintf(p, "UNICEF,Mopti,GC,%zu,1", r);
		for (size_t i = 5; i < columns; i++) {
			*p++ = ',';
			*p++ = 'v';
		}
		*p++ = '\n';
	}
	*len = (size_t)(p - buf);
	return buf;
}

char *hostile_lone_crs(size_t n, size_t *len)
{
	size_t head = strlen(HOSTILE_HEADER);
	char *buf = must_alloc(head + n + 1);
	memcpy(buf, HOSTILE_HEADER, head);
	memset(buf + head, '\r', n);
	*len = head + n;
	return buf;
}
