#include "bigmem.h"

#include <stdint.h>
#include <sys/mman.h>

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
