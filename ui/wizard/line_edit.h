/* The one-line editor behind every edit field, the search, the filter and
 * the file name: text and a cursor, no drawing. */
#ifndef WZ_LINE_EDIT_H
#define WZ_LINE_EDIT_H

#include <stddef.h>

struct wz_line {
	char buf[256];
	size_t len, pos;    /* pos: the cursor, 0..len */
	int fresh;          /* a shown value: the first character typed replaces it */
};

void wz_line_set(struct wz_line *l, const char *s, int fresh);
/* Insert a printable character at the cursor; 0, or -1 if full. */
int wz_line_insert(struct wz_line *l, char c);
void wz_line_backspace(struct wz_line *l);
void wz_line_delete(struct wz_line *l);
void wz_line_move(struct wz_line *l, int delta);
void wz_line_home(struct wz_line *l);
void wz_line_end(struct wz_line *l);

#endif
