/* The in-memory canvas: what tests read instead of a terminal. */
#include "canvas.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct text_canvas {
	struct wz_canvas c;
	char (*cell)[5];        /* UTF-8 of one code point */
	unsigned char *role;
};

size_t wz_utf8_prefix(const char *s, int width, int *cols)
{
	size_t i = 0;
	int n = 0;
	while (s[i] && n < width) {
		unsigned char b = (unsigned char)s[i];
		size_t len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		for (size_t k = 1; k < len; k++)
			if (!s[i + k]) {
				len = k;
				break;
			}
		i += len;
		n++;
	}
	if (cols)
		*cols = n;
	return i;
}

void wz_to_ascii(const char *s, char *out, size_t size)
{
	size_t o = 0;
	while (*s && o + 1 < size) {
		unsigned char b = (unsigned char)*s;
		if (b < 0x80) {
			out[o++] = *s++;
			continue;
		}
		int one;
		size_t len = wz_utf8_prefix(s, 1, &one);
		/* U+2010..U+2015 dashes, U+2500.. box lines, U+2018/2019 quotes */
		unsigned c1 = (unsigned char)s[1], c2 = len > 2 ? (unsigned char)s[2] : 0;
		char r = '?';
		if (b == 0xe2 && c1 == 0x80 && c2 >= 0x90 && c2 <= 0x95)
			r = '-';
		else if (b == 0xe2 && c1 == 0x80 && (c2 == 0x98 || c2 == 0x99))
			r = '\'';
		else if (b == 0xe2 && c1 == 0x80 && (c2 == 0x9c || c2 == 0x9d))
			r = '"';
		else if (b == 0xe2 && c1 == 0x94)
			r = c2 == 0x82 ? '|' : '-';
		out[o++] = r;
		s += len;
	}
	out[o] = '\0';
}

static int text_put(struct wz_canvas *c, int y, int x, int width, const char *s, enum wz_role role)
{
	struct text_canvas *t = (struct text_canvas *)c;
	if (y < 0 || y >= c->rows || x < 0 || x >= c->cols)
		return 0;
	if (width > c->cols - x)
		width = c->cols - x;
	int used = 0;
	while (*s && used < width) {
		int one;
		size_t len = wz_utf8_prefix(s, 1, &one);
		unsigned char b = (unsigned char)*s;
		size_t at = (size_t)y * (size_t)c->cols + (size_t)(x + used);
		if (b < 0x20 || b == 0x7f) {
			t->cell[at][0] = '?';
			t->cell[at][1] = '\0';
		} else {
			memcpy(t->cell[at], s, len);
			t->cell[at][len] = '\0';
		}
		t->role[at] = (unsigned char)role;
		s += len;
		used++;
	}
	return used;
}

static void text_fill(struct wz_canvas *c, int y, int x, int width, enum wz_role role)
{
	struct text_canvas *t = (struct text_canvas *)c;
	if (y < 0 || y >= c->rows || x < 0)
		return;
	for (int i = x; i < x + width && i < c->cols; i++) {
		size_t at = (size_t)y * (size_t)c->cols + (size_t)i;
		strcpy(t->cell[at], " ");
		t->role[at] = (unsigned char)role;
	}
}

static void text_cursor(struct wz_canvas *c, int y, int x)
{
	(void)c, (void)y, (void)x;
}

struct wz_canvas *wz_text_canvas_new(int rows, int cols)
{
	struct text_canvas *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	size_t n = (size_t)rows * (size_t)cols;
	t->cell = calloc(n ? n : 1, sizeof *t->cell);
	t->role = calloc(n ? n : 1, 1);
	if (!t->cell || !t->role) {
		free(t->cell);
		free(t->role);
		free(t);
		return NULL;
	}
	t->c = (struct wz_canvas){ rows, cols, text_put, text_fill, text_cursor, t };
	for (int y = 0; y < rows; y++)
		text_fill(&t->c, y, 0, cols, WZ_ROLE_NORMAL);
	return &t->c;
}

void wz_text_canvas_free(struct wz_canvas *c)
{
	struct text_canvas *t = (struct text_canvas *)c;
	if (!t)
		return;
	free(t->cell);
	free(t->role);
	free(t);
}

char *wz_text_canvas_dump(const struct wz_canvas *c)
{
	const struct text_canvas *t = (const struct text_canvas *)c;
	size_t size = (size_t)c->rows * ((size_t)c->cols * 4 + 1) + 1, len = 0;
	char *out = malloc(size);
	if (!out)
		return NULL;
	for (int y = 0; y < c->rows; y++) {
		size_t last = len;      /* end of the last non-blank cell */
		for (int x = 0; x < c->cols; x++) {
			const char *cell = t->cell[(size_t)y * (size_t)c->cols + (size_t)x];
			size_t n = strlen(cell);
			memcpy(out + len, cell, n);
			len += n;
			if (strcmp(cell, " "))
				last = len;
		}
		len = last;
		out[len++] = '\n';
	}
	out[len] = '\0';
	return out;
}

enum wz_role wz_text_canvas_role(const struct wz_canvas *c, int y, int x)
{
	const struct text_canvas *t = (const struct text_canvas *)c;
	if (y < 0 || y >= c->rows || x < 0 || x >= c->cols)
		return WZ_ROLE_NORMAL;
	return (enum wz_role)t->role[(size_t)y * (size_t)c->cols + (size_t)x];
}
