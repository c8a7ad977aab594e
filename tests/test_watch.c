/* watch: a change is ready to read once it has held still for the settle
 * interval, and not before.  Polling mode throughout, with the times given
 * by the test (no clock); one test shows inotify waking the watch. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "watch.h"

static char dir[64];
static struct watch w;

static void write_file(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	cr_assert(f);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/fourw-watch-XXXXXX");
	cr_assert(mkdtemp(dir));
	write_file("a.csv", "one\n");
}

static void teardown(void)
{
	watch_close(&w);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(watch, .init = setup, .fini = teardown);

static void open_polling(void)
{
	const char *paths[] = { dir };
	watch_open(&w, paths, 1, false, 0);
}

Test(watch, nothing_changed_is_quiet)
{
	open_polling();
	cr_assert_eq(watch_tick(&w, 0), WATCH_QUIET);
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS), WATCH_QUIET);
	cr_assert_eq(watch_wait_ms(&w, WATCH_POLL_MS), WATCH_POLL_MS);
}

Test(watch, a_change_is_ready_only_once_it_held_still)
{
	open_polling();
	write_file("a.csv", "one\ntwo\n");
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS - 1), WATCH_QUIET, "not looked at before the poll");
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS), WATCH_SETTLING);
	cr_assert_eq(watch_wait_ms(&w, WATCH_POLL_MS), WATCH_SETTLE_MS);
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS + WATCH_SETTLE_MS - 1), WATCH_SETTLING);
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS + WATCH_SETTLE_MS), WATCH_READY);
	watch_taken(&w);
	cr_assert_eq(watch_tick(&w, 3 * WATCH_POLL_MS), WATCH_QUIET, "taken: nothing new");
}

Test(watch, a_sheet_still_growing_is_not_ready)
{
	open_polling();
	int64_t t = WATCH_POLL_MS;
	write_file("a.csv", "one\ntwo\n");
	cr_assert_eq(watch_tick(&w, t), WATCH_SETTLING);
	write_file("a.csv", "one\ntwo\nthree\n");          /* still being copied */
	t += WATCH_SETTLE_MS;
	cr_assert_eq(watch_tick(&w, t), WATCH_SETTLING, "it changed again: wait once more");
	t += WATCH_SETTLE_MS;
	cr_assert_eq(watch_tick(&w, t), WATCH_READY);
}

Test(watch, a_new_sheet_in_a_subfolder_and_a_removed_one_are_changes)
{
	char sub[96], path[128];
	snprintf(sub, sizeof sub, "%s/june", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	open_polling();
	snprintf(path, sizeof path, "%s/june/b.csv", dir);
	FILE *f = fopen(path, "w");
	fputs("x\n", f);
	fclose(f);
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS), WATCH_SETTLING);
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS + WATCH_SETTLE_MS), WATCH_READY);
	watch_taken(&w);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(watch_tick(&w, 3 * WATCH_POLL_MS), WATCH_SETTLING);
}

Test(watch, hidden_files_are_not_sheets)
{
	open_polling();
	write_file(".~lock.a.csv#", "libreoffice\n");
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS), WATCH_QUIET);
}

Test(watch, a_file_given_by_name_is_watched_alone)
{
	char path[128];
	snprintf(path, sizeof path, "%s/a.csv", dir);
	const char *paths[] = { path };
	watch_open(&w, paths, 1, false, 0);
	write_file("other.csv", "not watched\n");
	cr_assert_eq(watch_tick(&w, WATCH_POLL_MS), WATCH_QUIET);
	write_file("a.csv", "changed\n");
	cr_assert_eq(watch_tick(&w, 2 * WATCH_POLL_MS), WATCH_SETTLING);
}

/* With inotify the watch looks as soon as the folder changes, without
 * waiting for a poll (the time given never reaches the poll interval). */
Test(watch, inotify_wakes_it_without_polling, .timeout = 600)
{
	const char *paths[] = { dir };
	watch_open(&w, paths, 1, true, 0);
	if (watch_fd(&w) < 0)
		cr_skip_test("no inotify here");
	cr_assert_eq(watch_wait_ms(&w, 0), -1, "inotify: sleep until it speaks");
	write_file("a.csv", "one\ntwo\n");
	cr_assert_eq(watch_tick(&w, 1), WATCH_SETTLING);
	cr_assert_eq(watch_tick(&w, 1 + WATCH_SETTLE_MS), WATCH_READY);
}
