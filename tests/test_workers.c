/* workers.c: every job runs exactly once on any number of threads, and a
 * job may wait for a lower-numbered one without the pool locking up (the
 * way loadsplit's parts wait for the first part's header). */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdbool.h>
#include <time.h>

#include "workers.h"

#define JOBS 200

struct tally {
	pthread_mutex_t lock;
	pthread_cond_t done0;
	bool first_done;
	int runs[JOBS];
	size_t order[JOBS];       /* the k-th job to start */
	size_t started;
};

static void count_job(void *arg, size_t i)
{
	struct tally *t = arg;
	pthread_mutex_lock(&t->lock);
	t->runs[i]++;
	t->order[t->started++] = i;
	pthread_mutex_unlock(&t->lock);
}

static void run_counted(size_t n, size_t threads)
{
	struct tally t = { .lock = PTHREAD_MUTEX_INITIALIZER };
	workers_set_max(threads);
	workers_run(n, count_job, &t);
	workers_set_max(0);
	cr_assert_eq(t.started, n, "%zu threads, %zu jobs: %zu started", threads, n, t.started);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(t.runs[i], 1, "%zu threads: job %zu ran %d times", threads, i, t.runs[i]);
	if (threads == 1)
		for (size_t k = 0; k < n; k++)
			cr_assert_eq(t.order[k], k, "one thread runs the jobs in order");
}

Test(workers, every_job_runs_once)
{
	const size_t counts[] = { 0, 1, 2, 7, JOBS };
	for (size_t threads = 1; threads <= WORKERS_MAX; threads++)
		for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++)
			run_counted(counts[c], threads);
}

/* Job 0 takes a while; every other job waits until it is done. */
static void wait_for_first(void *arg, size_t i)
{
	struct tally *t = arg;
	if (i == 0) {
		nanosleep(&(struct timespec){ 0, 5 * 1000 * 1000 }, NULL);
		count_job(t, i);
		pthread_mutex_lock(&t->lock);
		t->first_done = true;
		pthread_cond_broadcast(&t->done0);
		pthread_mutex_unlock(&t->lock);
		return;
	}
	pthread_mutex_lock(&t->lock);
	while (!t->first_done)
		pthread_cond_wait(&t->done0, &t->lock);
	pthread_mutex_unlock(&t->lock);
	count_job(t, i);
}

/* The timeout is a hang guard for a deadlock, not a speed limit. */
Test(workers, a_job_may_wait_for_the_first, .timeout = 600)
{
	for (size_t threads = 1; threads <= WORKERS_MAX; threads++) {
		struct tally t = { .lock = PTHREAD_MUTEX_INITIALIZER,
		                   .done0 = PTHREAD_COND_INITIALIZER };
		workers_set_max(threads);
		workers_run(9, wait_for_first, &t);
		workers_set_max(0);
		cr_assert_eq(t.started, 9);
		cr_assert_eq(t.order[0], 0, "%zu threads: the first job finished first", threads);
	}
}

Test(workers, as_many_threads_as_cpus_within_bounds)
{
	size_t n = workers_available();
	cr_assert(n >= 1 && n <= WORKERS_MAX, "%zu", n);
	workers_set_max(3);
	cr_assert_eq(workers_available(), 3);
	workers_set_max(WORKERS_MAX + 5);
	cr_assert_eq(workers_available(), WORKERS_MAX);
	workers_set_max(0);
	cr_assert_eq(workers_available(), n);
}
