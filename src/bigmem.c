#define _GNU_SOURCE            /* mremap: a big array grows without copying */
#include "bigmem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "xalloc.h"

#define HUGE_PAGE ((uintptr_t)2 << 20)

void bigmem_advise(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
	uintptr_t from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t to = ((uintptr_t)p + bytes) & ~(HUGE_PAGE - 1);
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_HUGEPAGE);   /* a hint if it fails */
#else
	(void)p;
	(void)bytes;
#endif
}

/* Pages made ready a call: few calls, and little ready ahead of a stream
 * that will not reach it soon. */
#define READY_AHEAD ((uintptr_t)256 << 10)
#define SMALL_PAGE ((uintptr_t)4 << 10)

uintptr_t bigmem_ready(uintptr_t from, uintptr_t upto, uintptr_t end)
{
	uintptr_t lo = from & ~(SMALL_PAGE - 1);
	uintptr_t hi = (upto > from + READY_AHEAD ? upto : from + READY_AHEAD);
	uintptr_t last = (end + SMALL_PAGE - 1) & ~(SMALL_PAGE - 1);   /* the array's last page */
	hi = (hi + SMALL_PAGE - 1) & ~(SMALL_PAGE - 1);
	if (hi > last)
		hi = last;
#ifdef MADV_POPULATE_WRITE
	(void)madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);   /* a hint if it fails */
#endif
	return hi > upto ? hi : upto;
}

static void *map_pages(size_t bytes)
{
	void *q = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (q == MAP_FAILED)
		xalloc_die(bytes);
	return q;
}

void *bigmem_zeroed(size_t bytes)
{
	void *p = map_pages(bytes ? bytes : 1);
	bigmem_advise(p, bytes);
	bigmem_ready((uintptr_t)p, (uintptr_t)p + bytes, (uintptr_t)p + bytes);
	return p;
}

void bigmem_free(void *p, size_t bytes)
{
	if (p)
		(void)munmap(p, bytes ? bytes : 1);
}

static size_t whole_huge_pages(size_t bytes)
{
	return (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

static bool array_is_big(size_t cap, size_t size)
{
	return cap * size >= BIGMEM_ARRAY_BYTES;
}

/* The pages of [p, p + old_bytes) moved to `bytes` of their own: by the
 * page tables where the system can (Linux), else copied. */
static void *move_pages(void *p, size_t old_bytes, size_t bytes)
{
#ifdef MREMAP_MAYMOVE
	void *q = mremap(p, old_bytes, bytes, MREMAP_MAYMOVE);
	if (q == MAP_FAILED)
		xalloc_die(bytes);
#else
	void *q = map_pages(bytes);
	memcpy(q, p, old_bytes < bytes ? old_bytes : bytes);
	munmap(p, old_bytes);
#endif
	return q;
}

/* Maps `bytes` (whole 2 MB pages) for a big array, or moves one there. */
static void *big_resize(void *p, size_t old_bytes, size_t bytes)
{
	void *q = p ? move_pages(p, old_bytes, bytes) : map_pages(bytes);
	if (bytes > old_bytes) {
		bigmem_advise((char *)q + old_bytes, bytes - old_bytes);
		bigmem_ready((uintptr_t)q + old_bytes, (uintptr_t)q + bytes, (uintptr_t)q + bytes);
	}
	return q;
}

void *bigmem_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	if (need > SIZE_MAX / 2 / size)
		xalloc_die(SIZE_MAX);
	size_t doubled = *cap ? *cap : 8;
	while (doubled < need)
		doubled *= 2;
	if (!array_is_big(doubled, size)) {
		*cap = doubled;
		return xrealloc(p, doubled * size);
	}
	size_t bytes = whole_huge_pages(need * size);
	void *q;
	if (array_is_big(*cap, size)) {
		q = big_resize(p, whole_huge_pages(*cap * size), bytes);
	} else {
		q = big_resize(NULL, 0, bytes);
		if (p)
			memcpy(q, p, *cap * size);
		free(p);
	}
	*cap = bytes / size;
	return q;
}

void bigmem_array_free(void *p, size_t cap, size_t size)
{
	if (array_is_big(cap, size))
		munmap(p, whole_huge_pages(cap * size));
	else
		free(p);
}
