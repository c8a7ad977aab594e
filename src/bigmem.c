#include "bigmem.h"

#include <stdint.h>
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

void *bigmem_zeroed(size_t bytes)
{
	void *p = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	               -1, 0);
	if (p == MAP_FAILED)
		xalloc_die(bytes);
	bigmem_advise(p, bytes);
	bigmem_ready((uintptr_t)p, (uintptr_t)p + bytes, (uintptr_t)p + bytes);
	return p;
}

void bigmem_free(void *p, size_t bytes)
{
	if (p)
		(void)munmap(p, bytes ? bytes : 1);
}
