/* loop: draw when something changed, wait for a key with a timeout (no
 * busy loop, and signal flags get checked), hand the key to the app.
 * Resizes arrive as KEY_RESIZE from ncurses itself; there is deliberately
 * no SIGWINCH handler (installing one disables KEY_RESIZE in ncurses 6.4,
 * STYLE.md lesson 4).  The terminal is given back on every way out: q, a
 * signal, exit() and running out of memory. */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "header.h"
#include "i18n.h"
#include "layout.h"
#include "live.h"
#include "loop.h"
#include "picker.h"
#include "present.h"
#include "share.h"
#include "xalloc.h"
#include "i18n.h"

static volatile sig_atomic_t g_signal;
static bool g_curses_on;

static void on_signal(int sig)
{
	g_signal = sig;           /* flag only: the loop does the rest */
}

/* The screen is wiped before it is given back: a terminal with no
 * alternate screen (vt100, the Linux console) would otherwise keep the
 * meeting's figures under the shell prompt. */
static void restore_terminal(void)
{
	if (g_curses_on) {
		clear();
		refresh();
		endwin();
		g_curses_on = false;
	}
}

/* One line naming the size needed, in the longest form that fits. */
static void draw_too_small(int w, int h)
{
	char forms[3][128];

	snprintf(forms[0], sizeof forms[0], _("Enlarge the terminal to at least %dx%d (now %dx%d) - q quits"),
	         LAYOUT_MIN_COLS, LAYOUT_MIN_LINES, w, h);
	snprintf(forms[1], sizeof forms[1], _("Enlarge the terminal to at least %dx%d"),
	         LAYOUT_MIN_COLS, LAYOUT_MIN_LINES);
	snprintf(forms[2], sizeof forms[2], _("Need %dx%d"), LAYOUT_MIN_COLS, LAYOUT_MIN_LINES);
	const char *const alts[] = { forms[0], forms[1], forms[2] };
	int mw = 0;
	for (int i = 0; i < 3 && !mw; i++)
		mw = format_width(alts[i], draw_ascii()) <= w ? format_width(alts[i], draw_ascii()) : 0;
	draw_fitting(h / 2, mw < w ? (w - mw) / 2 : 0, w, alts, 3, ROLE_WARN);
}

static void draw_screen(struct app *a, const struct present *p)
{
	int w = COLS, h = LINES;

	erase();
	if (layout_too_small(w, h)) {
		draw_too_small(w, h);
	} else if (a->presenting) {
		present_draw(p, a, w, h);
	} else {
		int y = LAYOUT_HEADER_LINES + LAYOUT_TABS_LINES;
		int body = layout_body_lines(h);
		header_draw(a, w);
		tabs_draw(a, LAYOUT_HEADER_LINES, w);
		app_draw_view(a, y, 0, body, w);
		if (picker_is_open(&a->picker))
			picker_draw(&a->picker, y, 0, body, w);
		footer_draw(a, h - 1, w);
	}
	refresh();
}

static void start_curses(struct app *a)
{
	initscr();
	g_curses_on = true;
	xalloc_set_fatal_hook(restore_terminal);   /* the message must reach a sane terminal */
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);         /* Esc is "back": do not wait a second for it */
	curs_set(0);
	timeout(250);             /* wake up to notice signals; idle otherwise */
	theme_init(a->opt.theme, a->opt.color);
	bkgd(theme_attr(ROLE_NORMAL));
	draw_set_ascii(a->opt.ascii);
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* A terminal that cannot place the cursor (TERM=dumb, an editor's shell
 * buffer) would get the screen as a stream of lines over each other:
 * asked once curses has read its description. */
static bool terminal_can_draw(void)
{
	const char *cup = tigetstr("cup");
	const char *term = getenv("TERM");

	if (cup && cup != (const char *)-1)
		return true;
	endwin();
	g_curses_on = false;
	fprintf(stderr, _("fourw: this terminal (TERM=%s) cannot place the cursor, so the screen "
	        "cannot be drawn; set TERM to the terminal's own (xterm-256color, "
	        "screen-256color, vt100), or use fourw report\n"), term && *term ? term : "unset");
	return false;
}

int loop_run(struct app *a, struct live *live)
{
	long keys = 0;
	bool dirty = true, idle = true;
	struct present present;

	install_signals();
	atexit(restore_terminal);
	start_curses(a);
	if (!terminal_can_draw()) {
		xalloc_set_fatal_hook(NULL);
		return 2;
	}
	present_init(&present);
	a->presenting = a->opt.present_at_start;
	while (!a->quit && !g_signal) {
		int64_t now = live_now_ms();
		if (live && live_tick(live, a, now))
			dirty = true;
		/* a page turns on the same wait as the live reload: no timer of its own */
		if (present_tick(&present, a, now))
			dirty = true;
		/* Keys already queued (a burst, or typing ahead on a slow link)
		 * are answered first and the screen drawn once after them: over
		 * SSH every frame not drawn is bytes not sent. */
		if (dirty && idle) {
			draw_screen(a, &present);
			dirty = false;
		}
		timeout(idle ? 250 : 0);
		int key = getch();
		idle = key == ERR;
		if (idle)
			continue;
		dirty = true;
		if (key == KEY_RESIZE)
			continue;
		if (layout_too_small(COLS, LINES))
			a->quit = keymap_lookup(key) == ACT_QUIT;
		else if (a->presenting)
			present_key(&present, a, key, live_now_ms());
		else if (!share_key(a, key))
			app_dispatch(a, key);
		if (a->opt.max_keys > 0 && ++keys >= a->opt.max_keys)
			break;
	}
	restore_terminal();
	xalloc_set_fatal_hook(NULL);
	return g_signal ? 128 + g_signal : 0;
}
