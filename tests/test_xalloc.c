/* xalloc's fatal hook: the screen gives the terminal back before the
 * out-of-memory message.  The failure is reached through xgrow's overflow
 * check, which gives up before asking malloc for anything (so the
 * sanitizers see no impossible request), in a forked child, because the
 * end of the path is abort(). */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

static int hook_calls;

static void hook_says_so(void)
{
	hook_calls++;
	(void)!write(STDERR_FILENO, "hook\n", 5);
}

/* A hook that runs out of memory itself, as endwin() could. */
static void hook_fails_too(void)
{
	size_t cap = 0;

	hook_says_so();
	xgrow(NULL, &cap, SIZE_MAX, 2);
}

/* Grows an array past SIZE_MAX bytes: always refused. */
static void grow_too_far(void)
{
	size_t cap = 0;

	xgrow(NULL, &cap, SIZE_MAX, 2);
}

/* As the screen does once curses is off again. */
static void remove_hook_then_grow(void)
{
	xalloc_set_fatal_hook(NULL);
	grow_too_far();
}

/* Runs body in a child with the hook set (NULL: none) and its stderr in
 * out; returns the child's wait status. */
static int run_child(void (*hook)(void), void (*body)(void), char *out, size_t size)
{
	int fds[2], status;
	ssize_t n, got = 0;

	cr_assert_eq(pipe(fds), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		xalloc_set_fatal_hook(hook);
		body();
		_exit(0);
	}
	close(fds[1]);
	while ((size_t)got + 1 < size && (n = read(fds[0], out + got, size - 1 - (size_t)got)) > 0)
		got += n;
	out[got] = '\0';
	close(fds[0]);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	return status;
}

static const char *oom_message(char *buf, size_t size)
{
	snprintf(buf, size, "fourw: out of memory (asked for %zu bytes)\n", (size_t)SIZE_MAX);
	return buf;
}

Test(xalloc, hook_runs_before_the_message_then_abort)
{
	char out[256], msg[128], want[160];
	int status = run_child(hook_says_so, grow_too_far, out, sizeof out);

	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	snprintf(want, sizeof want, "hook\n%s", oom_message(msg, sizeof msg));
	cr_assert_str_eq(out, want);
}

Test(xalloc, without_a_hook_only_the_message)
{
	char out[256], msg[128];
	int status = run_child(NULL, grow_too_far, out, sizeof out);

	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	cr_assert_str_eq(out, oom_message(msg, sizeof msg));
}

Test(xalloc, a_hook_that_fails_runs_once)
{
	char out[256], msg[128], want[160];
	int status = run_child(hook_fails_too, grow_too_far, out, sizeof out);

	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	snprintf(want, sizeof want, "hook\n%s", oom_message(msg, sizeof msg));
	cr_assert_str_eq(out, want);
}

Test(xalloc, a_removed_hook_is_not_run)
{
	char out[256], msg[128];
	int status = run_child(hook_says_so, remove_hook_then_grow, out, sizeof out);

	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	cr_assert_str_eq(out, oom_message(msg, sizeof msg));
}

Test(xalloc, allocations_that_succeed_leave_the_hook_alone)
{
	size_t cap = 0;

	hook_calls = 0;
	xalloc_set_fatal_hook(hook_says_so);
	char *p = xmalloc(16), *q = xstrdup("Ségou");
	int *a = xgrow(NULL, &cap, 100, sizeof *a);
	xalloc_set_fatal_hook(NULL);
	cr_expect_eq(hook_calls, 0);
	cr_expect_geq(cap, 100);
	cr_expect_str_eq(q, "Ségou");
	free(p);
	free(q);
	free(a);
}
