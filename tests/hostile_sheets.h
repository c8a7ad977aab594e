/* hostile_sheets: the large hostile sheets, made in memory, that the tests
 * (tests/test_hostile.c) check for what they give and the benchmark
 * (bench/hostile_bench.c) times.  Each returns a malloc'd buffer of *len
 * bytes (the caller frees it) holding HOSTILE_HEADER and its rows. */
#ifndef FOURW_HOSTILE_SHEETS_H
#define FOURW_HOSTILE_SHEETS_H

#include <stdbool.h>
#include <stddef.h>

#define HOSTILE_HEADER "Organisation,Région,Type,Filles,Garçons\n"

/* Three rows; the second's region cell is `cell` bytes of 'x'
 * (quoted or bare), at line 3, column 2 of the text. */
char *hostile_big_cell_sheet(size_t cell, bool quoted, size_t *len);
/* One row of `fields` cells where the header has five. */
char *hostile_row_of_fields(size_t fields, size_t *len);
/* A header of `columns` names (five mapped) and `rows` rows as wide. */
char *hostile_sheet_of_columns(size_t columns, size_t rows, size_t *len);
/* The header, then n carriage returns and nothing else. */
char *hostile_lone_crs(size_t n, size_t *len);

#endif
