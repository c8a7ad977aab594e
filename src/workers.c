#include "workers.h"

#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

static size_t max_threads;     /* 0: as many as CPUs */

void workers_set_max(size_t threads)
{
	max_threads = threads > WORKERS_MAX ? WORKERS_MAX : threads;
}

size_t workers_available(void)
{
	if (max_threads)
		return max_threads;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		return 1;
	return n > WORKERS_MAX ? WORKERS_MAX : (size_t)n;
}

struct pool {
	size_t n, next;
	void (*job)(void *, size_t);
	void *arg;
	pthread_mutex_t lock;
};

static bool take(struct pool *p, size_t *i)
{
	pthread_mutex_lock(&p->lock);
	bool some = p->next < p->n;
	if (some)
		*i = p->next++;
	pthread_mutex_unlock(&p->lock);
	return some;
}

static void *work(void *arg)
{
	struct pool *p = arg;
	size_t i;
	while (take(p, &i))
		p->job(p->arg, i);
	return NULL;
}

void workers_run(size_t n, void (*job)(void *arg, size_t i), void *arg)
{
	struct pool p = { .n = n, .job = job, .arg = arg };
	pthread_t th[WORKERS_MAX];
	size_t want = workers_available(), started = 0;
	if (want > n)
		want = n;
	pthread_mutex_init(&p.lock, NULL);
	while (started + 1 < want && pthread_create(&th[started], NULL, work, &p) == 0)
		started++;
	work(&p);
	for (size_t k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	pthread_mutex_destroy(&p.lock);
}
