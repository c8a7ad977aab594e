/* bigmem: arrays of a row (or a cell) per line of a sheet — the table's
 * rows, the index's ids — asked to live in 2 MB pages.
 *
 * A million-row table is 48 MB: 12,000 pages of 4 kB, each a page fault
 * the first time it is written.  Where a fault is dear (under a
 * hypervisor a 64 MB array took 0.6 s to touch, against 0.02 s in 2 MB
 * pages) those faults cost more than reading the rows.  This is advice:
 * where the system has no such pages, nothing changes. */
#ifndef FOURW_BIGMEM_H
#define FOURW_BIGMEM_H

#include <stddef.h>
#include <stdint.h>

/* Asks for large pages over the whole 2 MB stretches of [p, p + bytes),
 * before they are first written; smaller arrays are left alone. */
void bigmem_advise(void *p, size_t bytes);

/* Makes the pages of [from, upto) ready to be written, and some more
 * ahead, up to `end` (the array's end): in one call, where a page fault
 * each would cost more than the writing (a hypervisor takes each fault).
 * Returns how far the pages are ready.  Advice too: without it, the
 * writes fault the pages in as usual. */
uintptr_t bigmem_ready(uintptr_t from, uintptr_t upto, uintptr_t end);

/* A zeroed array of `bytes` in pages of its own, made ready at once, which
 * bigmem_free hands straight back to the system: a scratch table filled by
 * a worker thread, whose freed memory the allocator would otherwise keep
 * in that thread's arena (5 MB more at the peak, for a hash table of a
 * million rows).  Aborts as xmalloc does when there is no memory. */
void *bigmem_zeroed(size_t bytes);
void bigmem_free(void *p, size_t bytes);

/* An array of an item per row of a sheet (the hash of each row's cells),
 * whose pages would each be a fault: held by malloc while small (as xgrow
 * grows it, doubling), and from BIGMEM_ARRAY_BYTES on in 2 MB pages of its
 * own, made ready as they are added, never more than 2 MB ahead of the
 * items asked for; when it grows, its pages move (mremap), the items are
 * not copied.  Such an array is grown and freed only through these two. */
#define BIGMEM_ARRAY_BYTES ((size_t)1 << 20)
void *bigmem_grow(void *p, size_t *cap, size_t need, size_t size);
void bigmem_array_free(void *p, size_t cap, size_t size);

#endif
