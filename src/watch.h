/* watch: noticing, during the meeting, that the sheets on disk changed.
 *
 * What is watched is what was given: files, and folders with everything
 * under them (down to the loader's depth, hidden entries skipped), so a
 * sheet copied into a folder is seen as well as one rewritten.  Linux
 * inotify wakes the caller; where it cannot be had (no inotify, or the
 * per-user limit reached) the files are looked at once a second instead.
 *
 * Either way the decision rests on snapshots (each file's size and
 * modification time): a change is ready to read once two snapshots taken
 * WATCH_SETTLE_MS apart agree and differ from the one last read.  A sheet
 * still being copied keeps changing, so it is not read half-way.  The
 * caller gives the time (milliseconds of a monotonic clock), which keeps
 * the rule testable without one. */
#ifndef FOURW_WATCH_H
#define FOURW_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WATCH_SETTLE_MS 600
#define WATCH_POLL_MS   1000

struct watch_file {
	char *path;
	int64_t size;
	int64_t mtime_ns;
};

struct watch_snapshot {
	struct watch_file *files; /* sorted by path */
	size_t n, cap;
};

enum watch_state {
	WATCH_QUIET,              /* nothing differs from what was read */
	WATCH_SETTLING,           /* something changed and may still be changing */
	WATCH_READY,              /* a settled change: read the sheets again */
};

struct watch {
	char **roots;             /* the paths given */
	size_t nroots;
	int fd;                   /* inotify, or -1: polling */
	struct watch_snapshot read;   /* what the figures on screen were read from */
	struct watch_snapshot pending;
	bool settling;
	int64_t pending_ms;       /* when `pending` was taken */
	int64_t polled_ms;        /* polling: when the files were last looked at */
};

/* Starts watching paths (taking the snapshot of what is there now as
 * read).  use_inotify false forces polling (tests, and systems without). */
void watch_open(struct watch *w, const char *const *paths, size_t n, bool use_inotify,
                int64_t now_ms);
void watch_close(struct watch *w);

/* The descriptor to wait on for changes, or -1 (polling: wake up at
 * least every watch_wait_ms). */
int watch_fd(const struct watch *w);
/* How long the caller may sleep before calling watch_tick again; -1:
 * until watch_fd is readable. */
int watch_wait_ms(const struct watch *w, int64_t now_ms);

/* Reads what inotify said (if anything) and decides. */
enum watch_state watch_tick(struct watch *w, int64_t now_ms);

/* The change was read (or refused and should not be tried again until the
 * files change once more): the settled snapshot becomes the one read —
 * or, after a reload by hand with no change pending, what is there now. */
void watch_taken(struct watch *w);

/* Takes a snapshot of paths now (files and folders as above). */
void watch_snapshot_take(struct watch_snapshot *s, char *const *paths, size_t n);
void watch_snapshot_free(struct watch_snapshot *s);
bool watch_snapshot_equal(const struct watch_snapshot *a, const struct watch_snapshot *b);

#endif
