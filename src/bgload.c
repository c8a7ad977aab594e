/* bgload: see bgload.h. */
#include "bgload.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"
#include "xalloc.h"

void bgload_init(struct bgload *b, const struct config *c, const char *const *paths,
                 size_t npaths)
{
	memset(b, 0, sizeof *b);
	b->cfg = c;
	b->paths = xmalloc((npaths ? npaths : 1) * sizeof *b->paths);
	for (size_t i = 0; i < npaths; i++)
		b->paths[i] = xstrdup(paths[i]);
	b->npaths = npaths;
	b->wake[0] = b->wake[1] = -1;
}

static void drop_result(struct bgload *b)
{
	if (b->index) {
		cube_index_free(b->index);
		free(b->index);
	}
	if (b->table) {
		table_free(b->table);
		free(b->table);
	}
	b->index = NULL;
	b->table = NULL;
}

static void close_wake(struct bgload *b)
{
	for (int i = 0; i < 2; i++)
		if (b->wake[i] >= 0)
			close(b->wake[i]);
	b->wake[0] = b->wake[1] = -1;
}

static void join(struct bgload *b)
{
	if (!b->running)
		return;
	pthread_join(b->thread, NULL);
	b->running = false;
	close_wake(b);
}

void bgload_free(struct bgload *b)
{
	join(b);
	drop_result(b);
	for (size_t i = 0; i < b->npaths; i++)
		free(b->paths[i]);
	free(b->paths);
	memset(b, 0, sizeof *b);
}

static void *load_thread(void *arg)
{
	struct bgload *b = arg;
	b->table = xmalloc(sizeof *b->table);
	table_init(b->table);
	b->ok = load_paths(b->table, b->cfg, (const char *const *)b->paths, b->npaths, &b->err);
	if (b->ok) {
		b->index = xmalloc(sizeof *b->index);
		cube_index_build(b->index, b->cfg, b->table);
	}
	char done = 1;
	while (write(b->wake[1], &done, 1) < 0 && errno == EINTR)
		;
	return NULL;
}

bool bgload_start(struct bgload *b)
{
	if (b->running)
		return false;
	drop_result(b);
	if (pipe(b->wake) != 0)
		return false;
	fcntl(b->wake[0], F_SETFD, FD_CLOEXEC);
	fcntl(b->wake[1], F_SETFD, FD_CLOEXEC);
	b->ok = false;
	b->err.msg[0] = '\0';
	if (pthread_create(&b->thread, NULL, load_thread, b) != 0) {
		close_wake(b);
		return false;
	}
	b->running = true;
	return true;
}

bool bgload_running(const struct bgload *b)
{
	return b->running;
}

int bgload_fd(const struct bgload *b)
{
	return b->running ? b->wake[0] : -1;
}

bool bgload_ready(struct bgload *b)
{
	if (!b->running)
		return false;
	struct pollfd p = { .fd = b->wake[0], .events = POLLIN };
	return poll(&p, 1, 0) > 0;
}

bool bgload_take(struct bgload *b, struct table **t, struct cube_index **ix)
{
	join(b);
	if (!b->ok || !b->table) {
		drop_result(b);
		return false;
	}
	*t = b->table;
	*ix = b->index;
	b->table = NULL;
	b->index = NULL;
	return true;
}
