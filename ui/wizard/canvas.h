/*
 * Where the wizard draws: a grid of cells with a semantic role each.  The
 * curses backend paints them on the terminal; the text backend keeps them
 * in memory, so screens are compared with golden text in tests.
 */
#ifndef WZ_CANVAS_H
#define WZ_CANVAS_H

#include <stddef.h>

/* Colours are roles; each backend maps them (with a monochrome fallback). */
enum wz_role {
	WZ_ROLE_NORMAL,
	WZ_ROLE_TITLE,
	WZ_ROLE_HEADING,
	WZ_ROLE_SELECTED,
	WZ_ROLE_DIM,        /* absent, not asked, does not apply */
	WZ_ROLE_FAIL,
	WZ_ROLE_WARN,
	WZ_ROLE_OK,
	WZ_ROLE_STATUS,
	WZ_ROLE_KEYBAR,
	WZ_ROLE_ERROR,      /* a message about something that did not work */
	WZ_ROLE_EDIT,
	WZ_ROLE_COUNT
};

struct wz_canvas {
	int rows, cols;
	/* Put UTF-8 text at (y, x), clipped to `width` columns; returns the
	 * columns used. */
	int (*put)(struct wz_canvas *c, int y, int x, int width, const char *s, enum wz_role role);
	/* Fill a row span with blanks of a role. */
	void (*fill)(struct wz_canvas *c, int y, int x, int width, enum wz_role role);
	/* Where the terminal cursor goes (an edit field), or y < 0 to hide it. */
	void (*cursor)(struct wz_canvas *c, int y, int x);
	void *impl;
};

/* The in-memory backend. */
struct wz_canvas *wz_text_canvas_new(int rows, int cols);
void wz_text_canvas_free(struct wz_canvas *c);
/* The screen as text: one line per row, trailing blanks trimmed (malloc'd). */
char *wz_text_canvas_dump(const struct wz_canvas *c);
/* The role of one cell. */
enum wz_role wz_text_canvas_role(const struct wz_canvas *c, int y, int x);

/* The curses backend on stdscr; colour: 0 monochrome; utf8: 0 turns
 * every other character into ASCII. */
struct wz_canvas *wz_curses_canvas_new(int color, int utf8);
void wz_curses_canvas_free(struct wz_canvas *c);
void wz_curses_canvas_resize(struct wz_canvas *c);

/* Length in bytes of the first `width` columns of UTF-8 s (one column per
 * code point: the wizard prints no wide characters), and its column count. */
size_t wz_utf8_prefix(const char *s, int width, int *cols);
/* s in ASCII for a terminal that is not UTF-8: dashes as '-', quotes as
 * quotes, anything else as '?' (one column each, as before). */
void wz_to_ascii(const char *s, char *out, size_t size);

#endif
