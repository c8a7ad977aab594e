/* workers: numbered jobs shared out to a few threads, the caller's among
 * them.  Each thread takes the lowest job not yet taken, so a core that
 * runs slower (a busy neighbour on a shared server) simply takes fewer:
 * the jobs end close together however the cores are paced. */
#ifndef FOURW_WORKERS_H
#define FOURW_WORKERS_H

#include <stddef.h>

#define WORKERS_MAX 8

/* Threads that may run at once: the online CPUs, 1 to WORKERS_MAX. */
size_t workers_available(void);

/* Runs job(arg, i) for every i in [0, n) and returns when all are done.
 * Jobs are handed out in increasing order of i, so a job may wait for one
 * with a lower number (loadsplit's parts wait for the first to read the
 * header): that one is already taken and will run.  If no thread can be
 * started the caller runs every job itself, in order. */
void workers_run(size_t n, void (*job)(void *arg, size_t i), void *arg);

/* For the tests: use at most `threads` (0: workers_available()). */
void workers_set_max(size_t threads);

#endif
