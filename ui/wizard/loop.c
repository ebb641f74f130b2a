/*
 * The terminal: curses set up and restored, and the one loop that reads
 * keys.  Everything else is the model's (update.c) and the canvas's.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "canvas.h"
#include "model.h"

/* Bracketed paste (DEC mode 2004): its markers become keys above KEY_MAX. */
enum { KEY_PASTE_START = KEY_MAX + 1, KEY_PASTE_END = KEY_MAX + 2 };

static volatile sig_atomic_t stop_signal;
static int curses_on;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static void restore_terminal(void)
{
	if (!curses_on)
		return;
	curses_on = 0;
	mousemask(0, NULL);
	printf("\033[?2004l");
	fflush(stdout);
	endwin();
}

/* A crash still gives the terminal back, then dies as it would have. */
static void on_crash(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

static SCREEN *start_curses(FILE **tty)
{
	SCREEN *screen;
	*tty = NULL;
	if (isatty(STDIN_FILENO)) {
		screen = newterm(NULL, stdout, stdin);
	} else {
		/* The input came on standard input: keys come from the terminal. */
		*tty = fopen("/dev/tty", "r+");
		if (!*tty)
			return NULL;
		screen = newterm(NULL, stdout, *tty);
	}
	if (!screen)
		return NULL;
	curses_on = 1;
	atexit(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(100);
	curs_set(0);
	/* Clicks choose steps and rows; the wheel scrolls.  Shift-drag still
	 * selects text in most terminals. */
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	define_key("\033[200~", KEY_PASTE_START);
	define_key("\033[201~", KEY_PASTE_END);
	printf("\033[?2004h");
	fflush(stdout);
	return screen;
}

int wz_run(const char *path)
{
	setlocale(LC_ALL, "");
	int utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
	const char *no_color = getenv("NO_COLOR");
	struct wz_model *m = wz_new(24, 80, utf8);
	if (!m) {
		fprintf(stderr, "vmcs-audit: wizard: out of memory\n");
		return 2;
	}
	if (path && wz_open(m, path)) {
		fprintf(stderr, "vmcs-audit: wizard: %s\n", m->message);
		wz_free(m);
		return 2;
	}
	if (!isatty(STDOUT_FILENO)) {
		fprintf(stderr, "vmcs-audit: wizard: needs a terminal (use 'check' in scripts)\n");
		wz_free(m);
		return 2;
	}
	if (wz_recovery_path(m->recovery, sizeof m->recovery))
		m->recovery[0] = '\0';   /* no autosave: said on screen */
	FILE *tty;
	SCREEN *screen = start_curses(&tty);
	if (!screen) {
		fprintf(stderr, "vmcs-audit: wizard: cannot use the terminal (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
		wz_free(m);
		return 2;
	}
	struct sigaction sa = { 0 };
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	static const int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
		signal(crash[i], on_crash);

	struct wz_canvas *c = wz_curses_canvas_new(!(no_color && no_color[0]), utf8);
	wz_resize(m, LINES, COLS);
	if (!m->recovery[0]) {
		snprintf(m->message, sizeof m->message, "no autosave: set HOME or XDG_STATE_HOME");
		m->message_error = 1;
	}
	wz_offer_recovery(m);

	char *paste = NULL;
	size_t paste_len = 0;
	int pasting = 0, redraw = 1;
	while (!stop_signal) {
		if (redraw) {
			erase();
			wz_draw(m, c);
			refresh();
		}
		int key = getch();
		unsigned flags = 0;
		if (key == ERR)
			continue;
		if (pasting) {
			if (key == KEY_PASTE_END) {
				pasting = 0;
				flags = wz_paste(m, paste ? paste : "", paste_len);
				free(paste);
				paste = NULL;
				paste_len = 0;
			} else if (key >= 0 && key <= 0xff && paste_len + 2 < WZ_PASTE_MAX) {
				char *p = realloc(paste, paste_len + 2);
				if (p) {
					paste = p;
					paste[paste_len++] = key == '\r' ? '\n' : (char)key;
					paste[paste_len] = '\0';
				}
			}
			redraw = flags != 0;
		} else if (key == KEY_PASTE_START) {
			pasting = 1;
			redraw = 0;
			continue;
		} else if (key == KEY_RESIZE) {
			wz_curses_canvas_resize(c);
			flags = wz_resize(m, LINES, COLS);
		} else if (key == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) == OK) {
				if (ev.bstate & BUTTON4_PRESSED)
					flags = wz_key(m, KEY_UP);
				else if (ev.bstate & BUTTON5_PRESSED)
					flags = wz_key(m, KEY_DOWN);
				else
					flags = wz_click(m, ev.y, ev.x);
			}
		} else if (LINES < WZ_MIN_ROWS || COLS < WZ_MIN_COLS) {
			flags = key == 'q' ? WZ_QUIT : 0;
		} else {
			flags = wz_key(m, key);
		}
		if (flags & WZ_CHANGED)
			wz_autosave(m);
		if (flags & WZ_QUIT)
			break;
		redraw = flags != 0;
	}
	free(paste);
	restore_terminal();
	delscreen(screen);
	if (tty)
		fclose(tty);
	wz_curses_canvas_free(c);
	int kept = m->dirty && m->recovery[0];
	if (kept)
		fprintf(stderr, "vmcs-audit: wizard: unsaved changes are kept in %s; the next start offers them\n",
			m->recovery);
	wz_free(m);
	return stop_signal ? 128 + stop_signal : 0;
}
