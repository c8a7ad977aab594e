/* watch: see watch.h. */
#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "xalloc.h"

/* As deep as the loader searches a folder (load.c). */
#define WATCH_DEPTH 4

static void snapshot_add(struct watch_snapshot *s, const char *path, const struct stat *st)
{
	s->files = xgrow(s->files, &s->cap, s->n + 1, sizeof *s->files);
	struct watch_file *f = &s->files[s->n++];
	f->path = xstrdup(path);
	f->size = (int64_t)st->st_size;
	f->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* Calls visit(path, depth + 1, arg) for each entry of dir that is not
 * hidden (editors' lock files, .git), as the loader skips them. */
static void each_entry(const char *dir, int depth,
                       void (*visit)(const char *path, int depth, void *arg), void *arg)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + strlen(de->d_name) + 2;
		char *full = xmalloc(len);
		snprintf(full, len, "%s/%s", dir, de->d_name);
		visit(full, depth + 1, arg);
		free(full);
	}
	closedir(d);
}

/* A path that cannot be looked at (removed, renamed) is simply absent
 * from the snapshot: its absence is the change. */
static void snapshot_path(const char *path, int depth, void *snapshot)
{
	struct stat st;
	if (depth > WATCH_DEPTH || stat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode))
		each_entry(path, depth, snapshot_path, snapshot);
	else if (S_ISREG(st.st_mode))
		snapshot_add(snapshot, path, &st);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct watch_file *)a)->path, ((const struct watch_file *)b)->path);
}

void watch_snapshot_take(struct watch_snapshot *s, char *const *paths, size_t n)
{
	watch_snapshot_free(s);
	for (size_t i = 0; i < n; i++)
		snapshot_path(paths[i], 0, s);
	if (s->n)
		qsort(s->files, s->n, sizeof *s->files, by_path);
}

void watch_snapshot_free(struct watch_snapshot *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->files[i].path);
	free(s->files);
	memset(s, 0, sizeof *s);
}

bool watch_snapshot_equal(const struct watch_snapshot *a, const struct watch_snapshot *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const struct watch_file *x = &a->files[i], *y = &b->files[i];
		if (x->size != y->size || x->mtime_ns != y->mtime_ns || strcmp(x->path, y->path) != 0)
			return false;
	}
	return true;
}

static void snapshot_move(struct watch_snapshot *to, struct watch_snapshot *from)
{
	watch_snapshot_free(to);
	*to = *from;
	memset(from, 0, sizeof *from);
}

#ifdef __linux__
/* Folders are watched (a file rewritten by renaming a new copy over it
 * changes its folder, not the old inode), each given file through its own
 * folder.  Adding a watch already held is harmless, so new subfolders are
 * picked up by calling this again after every change. */
static void inotify_add_folder(const char *dir, int depth, void *fd)
{
	const uint32_t mask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE |
	                      IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB;
	struct stat st;
	if (depth > WATCH_DEPTH || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    inotify_add_watch(*(int *)fd, dir, mask) < 0)
		return;
	each_entry(dir, depth, inotify_add_folder, fd);
}

static void inotify_add_roots(struct watch *w)
{
	for (size_t i = 0; i < w->nroots; i++) {
		struct stat st;
		if (stat(w->roots[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			inotify_add_folder(w->roots[i], 0, &w->fd);
			continue;
		}
		char *dir = xstrdup(w->roots[i]);
		char *slash = strrchr(dir, '/');
		if (slash)
			*(slash == dir ? slash + 1 : slash) = '\0';
		inotify_add_folder(slash ? dir : ".", WATCH_DEPTH, &w->fd);
		free(dir);
	}
}

/* True if inotify said anything since the last call. */
static bool inotify_drain(int fd)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool any = false;
	for (;;) {
		ssize_t got = read(fd, buf, sizeof buf);
		if (got <= 0)
			return any;
		any = true;
	}
}

static int inotify_start(void)
{
	return inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
}
#else
static void inotify_add_roots(struct watch *w) { (void)w; }
static bool inotify_drain(int fd) { (void)fd; return false; }
static int inotify_start(void) { return -1; }
#endif

void watch_open(struct watch *w, const char *const *paths, size_t n, bool use_inotify,
                int64_t now_ms)
{
	memset(w, 0, sizeof *w);
	w->roots = xmalloc((n ? n : 1) * sizeof *w->roots);
	for (size_t i = 0; i < n; i++)
		w->roots[i] = xstrdup(paths[i]);
	w->nroots = n;
	w->fd = use_inotify ? inotify_start() : -1;
	if (w->fd >= 0)
		inotify_add_roots(w);
	watch_snapshot_take(&w->read, w->roots, w->nroots);
	w->polled_ms = now_ms;
}

void watch_close(struct watch *w)
{
	if (w->fd >= 0)
		close(w->fd);
	for (size_t i = 0; i < w->nroots; i++)
		free(w->roots[i]);
	free(w->roots);
	watch_snapshot_free(&w->read);
	watch_snapshot_free(&w->pending);
	memset(w, 0, sizeof *w);
	w->fd = -1;
}

int watch_fd(const struct watch *w)
{
	return w->fd;
}

int watch_wait_ms(const struct watch *w, int64_t now_ms)
{
	if (w->settling) {
		int64_t left = w->pending_ms + WATCH_SETTLE_MS - now_ms;
		return left > 0 ? (int)left : 0;
	}
	if (w->fd >= 0)
		return -1;
	int64_t left = w->polled_ms + WATCH_POLL_MS - now_ms;
	return left > 0 ? (int)left : 0;
}

/* Whether to look at the files now: inotify spoke, a settling change is
 * due for its second look, or (polling) a second has passed. */
static bool worth_looking(struct watch *w, int64_t now_ms)
{
	bool spoke = w->fd >= 0 && inotify_drain(w->fd);
	if (spoke)
		inotify_add_roots(w);
	if (w->settling)
		return spoke || now_ms - w->pending_ms >= WATCH_SETTLE_MS;
	if (w->fd < 0 && now_ms - w->polled_ms >= WATCH_POLL_MS)
		return true;
	return spoke;
}

enum watch_state watch_tick(struct watch *w, int64_t now_ms)
{
	if (!worth_looking(w, now_ms))
		return w->settling ? WATCH_SETTLING : WATCH_QUIET;
	w->polled_ms = now_ms;
	struct watch_snapshot now = {0};
	watch_snapshot_take(&now, w->roots, w->nroots);
	if (w->settling && watch_snapshot_equal(&now, &w->pending)) {
		watch_snapshot_free(&now);
		if (now_ms - w->pending_ms >= WATCH_SETTLE_MS)
			return WATCH_READY;
		return WATCH_SETTLING;
	}
	if (!w->settling && watch_snapshot_equal(&now, &w->read)) {
		watch_snapshot_free(&now);
		return WATCH_QUIET;
	}
	/* Changed since the last look: wait for it to hold still. */
	snapshot_move(&w->pending, &now);
	w->pending_ms = now_ms;
	w->settling = true;
	return WATCH_SETTLING;
}

void watch_taken(struct watch *w)
{
	if (w->settling)
		snapshot_move(&w->read, &w->pending);
	else
		watch_snapshot_take(&w->read, w->roots, w->nroots);
	w->settling = false;
}
