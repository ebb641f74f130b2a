#include "line_edit.h"

#include <stdio.h>
#include <string.h>

void wz_line_set(struct wz_line *l, const char *s, int fresh)
{
	snprintf(l->buf, sizeof l->buf, "%s", s);
	l->len = l->pos = strlen(l->buf);
	l->fresh = fresh && l->len;
}

int wz_line_insert(struct wz_line *l, char c)
{
	if (l->fresh)
		wz_line_set(l, "", 0);
	if (l->len + 1 >= sizeof l->buf)
		return -1;
	memmove(l->buf + l->pos + 1, l->buf + l->pos, l->len - l->pos + 1);
	l->buf[l->pos++] = c;
	l->len++;
	return 0;
}

void wz_line_backspace(struct wz_line *l)
{
	l->fresh = 0;
	if (!l->pos)
		return;
	memmove(l->buf + l->pos - 1, l->buf + l->pos, l->len - l->pos + 1);
	l->pos--;
	l->len--;
}

void wz_line_delete(struct wz_line *l)
{
	l->fresh = 0;
	if (l->pos == l->len)
		return;
	memmove(l->buf + l->pos, l->buf + l->pos + 1, l->len - l->pos);
	l->len--;
}

void wz_line_move(struct wz_line *l, int delta)
{
	l->fresh = 0;
	if (delta < 0 && (size_t)-delta > l->pos)
		l->pos = 0;
	else if (delta > 0 && l->pos + (size_t)delta > l->len)
		l->pos = l->len;
	else
		l->pos = (size_t)((long)l->pos + delta);
}

void wz_line_home(struct wz_line *l)
{
	l->fresh = 0;
	l->pos = 0;
}

void wz_line_end(struct wz_line *l)
{
	l->fresh = 0;
	l->pos = l->len;
}
