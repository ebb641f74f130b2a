/* The terminal canvas: roles become colour pairs, or reverse/bold/dim when
 * the terminal has no colours or NO_COLOR is set. */
#define _XOPEN_SOURCE_EXTENDED 1
#include "canvas.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

struct curses_canvas {
	struct wz_canvas c;
	attr_t attr[WZ_ROLE_COUNT];
	int ascii;
	int cy, cx;
};

/* {foreground, background, extra attribute} per role; -1 = default. */
static const struct { short fg, bg; attr_t extra; } color_scheme[WZ_ROLE_COUNT] = {
	[WZ_ROLE_NORMAL] = { -1, -1, 0 },
	[WZ_ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
	[WZ_ROLE_HEADING] = { COLOR_CYAN, -1, A_BOLD },
	[WZ_ROLE_SELECTED] = { COLOR_BLACK, COLOR_CYAN, 0 },
	[WZ_ROLE_DIM] = { -1, -1, A_DIM },
	[WZ_ROLE_FAIL] = { COLOR_RED, -1, A_BOLD },
	[WZ_ROLE_WARN] = { COLOR_YELLOW, -1, 0 },
	[WZ_ROLE_OK] = { COLOR_GREEN, -1, 0 },
	[WZ_ROLE_STATUS] = { COLOR_WHITE, COLOR_BLUE, 0 },
	[WZ_ROLE_KEYBAR] = { -1, -1, 0 },
	[WZ_ROLE_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[WZ_ROLE_EDIT] = { COLOR_BLACK, COLOR_YELLOW, 0 },
};

static const attr_t mono_scheme[WZ_ROLE_COUNT] = {
	[WZ_ROLE_TITLE] = A_REVERSE | A_BOLD,
	[WZ_ROLE_HEADING] = A_BOLD,
	[WZ_ROLE_SELECTED] = A_REVERSE,
	[WZ_ROLE_DIM] = A_DIM,
	[WZ_ROLE_FAIL] = A_BOLD,
	[WZ_ROLE_WARN] = A_UNDERLINE,
	[WZ_ROLE_STATUS] = A_REVERSE,
	[WZ_ROLE_ERROR] = A_REVERSE | A_BOLD,
	[WZ_ROLE_EDIT] = A_UNDERLINE,
};

static int curses_put(struct wz_canvas *c, int y, int x, int width, const char *s, enum wz_role role)
{
	struct curses_canvas *k = (struct curses_canvas *)c;
	if (y < 0 || y >= c->rows || x < 0 || x >= c->cols)
		return 0;
	if (width > c->cols - x)
		width = c->cols - x;
	char plain[1024];
	if (k->ascii) {
		wz_to_ascii(s, plain, sizeof plain);
		s = plain;
	}
	int cols;
	size_t bytes = wz_utf8_prefix(s, width, &cols);
	attrset(k->attr[role]);
	mvaddnstr(y, x, s, (int)bytes);
	attrset(A_NORMAL);
	return cols;
}

static void curses_fill(struct wz_canvas *c, int y, int x, int width, enum wz_role role)
{
	struct curses_canvas *k = (struct curses_canvas *)c;
	if (y < 0 || y >= c->rows || x < 0)
		return;
	if (width > c->cols - x)
		width = c->cols - x;
	attrset(k->attr[role]);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

static void curses_cursor(struct wz_canvas *c, int y, int x)
{
	struct curses_canvas *k = (struct curses_canvas *)c;
	k->cy = y;
	k->cx = x;
	curs_set(y >= 0 ? 1 : 0);
	if (y >= 0)
		move(y, x);
}

struct wz_canvas *wz_curses_canvas_new(int color, int utf8)
{
	struct curses_canvas *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	k->c = (struct wz_canvas){ LINES, COLS, curses_put, curses_fill, curses_cursor, k };
	k->ascii = !utf8;
	if (color && has_colors() && start_color() == OK) {
		use_default_colors();
		for (int r = 0; r < WZ_ROLE_COUNT; r++) {
			init_pair((short)(r + 1), color_scheme[r].fg, color_scheme[r].bg);
			k->attr[r] = COLOR_PAIR(r + 1) | color_scheme[r].extra;
		}
	} else {
		memcpy(k->attr, mono_scheme, sizeof k->attr);
	}
	return &k->c;
}

void wz_curses_canvas_resize(struct wz_canvas *c)
{
	c->rows = LINES;
	c->cols = COLS;
}

void wz_curses_canvas_free(struct wz_canvas *c)
{
	free(c);
}
