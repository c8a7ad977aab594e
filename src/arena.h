/* arena: a chunked bump allocator whose blocks never move.
 *
 * Everything loaded from the sheets lives as long as the table that holds
 * it, so it is allocated here and released in one call. Pointers into an
 * arena stay valid until arena_free(). */
#ifndef FOURW_ARENA_H
#define FOURW_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena {
	struct arena_block *head;
	size_t block_size;
	size_t used_bytes;      /* total handed out, for the benchmark's memory figures */
};

void  arena_init(struct arena *a, size_t block_size);
/* Never NULL (aborts on OOM); 8-byte aligned. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
void  arena_free(struct arena *a);

#endif
