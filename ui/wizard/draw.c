/* Drawing: the model onto a canvas, nothing else. */
#include <stdio.h>
#include <string.h>

#include "../../auditor/report/render.h"
#include "keys.h"
#include "model.h"
#include "view.h"

static void put_line(struct wz_canvas *c, const struct wz_rect *r, int y, const char *s, enum wz_role role)
{
	c->fill(c, r->y + y, r->x, r->w, role);
	c->put(c, r->y + y, r->x, r->w, s, role);
}

static void draw_too_small(const struct wz_model *m, struct wz_canvas *c)
{
	char msg[160];
	for (int y = 0; y < c->rows; y++)
		c->fill(c, y, 0, c->cols, WZ_ROLE_NORMAL);
	snprintf(msg, sizeof msg, "Terminal too small: %dx%d.", m->cols, m->rows);
	c->put(c, 0, 0, c->cols, msg, WZ_ROLE_ERROR);
	snprintf(msg, sizeof msg, "The wizard needs %dx%d; enlarge the window.", WZ_MIN_COLS, WZ_MIN_ROWS);
	c->put(c, 1, 0, c->cols, msg, WZ_ROLE_NORMAL);
	c->put(c, 2, 0, c->cols, "q quits; nothing is lost.", WZ_ROLE_NORMAL);
	c->cursor(c, -1, -1);
}

static void draw_side(const struct wz_model *m, struct wz_canvas *c, const struct wz_rect *r)
{
	char line[64];
	for (int y = 0; y < r->h; y++)
		c->fill(c, r->y + y, r->x, r->w, WZ_ROLE_NORMAL);
	for (int s = 0; s < WZ_STEP_COUNT && s < r->h; s++) {
		unsigned n = m->step_failures[s];
		enum wz_role role = s == (int)m->step ? WZ_ROLE_SELECTED : WZ_ROLE_NORMAL;
		snprintf(line, sizeof line, " %d %s", s + 1, wz_step_title((enum wz_step)s));
		c->fill(c, r->y + s, r->x, r->w, role);
		c->put(c, r->y + s, r->x, r->w, line, role);
		if (n) {
			/* The count at the right edge, with a marker beside the colour. */
			snprintf(line, sizeof line, " %u!", n > 99 ? 99 : n);
			int w = (int)strlen(line);
			c->put(c, r->y + s, r->x + r->w - w, w, line, s == (int)m->step ? role : WZ_ROLE_FAIL);
		}
	}
	const char *bar = m->utf8 ? "\u2502" : "|";
	for (int y = 0; y < r->h; y++)
		c->put(c, r->y + y, r->x + r->w, 1, bar, WZ_ROLE_DIM);
}

static void draw_rows(const struct wz_model *m, struct wz_canvas *c, const struct wz_rect *r)
{
	char head[160];
	int shown = 0;
	for (int i = 0; i < m->nrows; i++)
		shown += m->row[i].kind == WZ_ROW_FIELD;
	if (m->mode == WZ_MODE_TEMPLATE)
		snprintf(head, sizeof head, "%d/7 %s: start from a template", (int)m->step + 1, wz_step_title(m->step));
	else if (m->step == WZ_STEP_REVIEW)
		snprintf(head, sizeof head, "7/7 Review: Enter goes to the field, ? explains, f fixes");
	else if (m->step == WZ_STEP_PROCESSOR || m->step == WZ_STEP_MEMORY || m->step == WZ_STEP_ENTRY)
		snprintf(head, sizeof head, "%d/7 %s", (int)m->step + 1, wz_step_title(m->step));
	else
		snprintf(head, sizeof head, "%d/7 %s: %d fields, %s (a toggles)", (int)m->step + 1,
			 wz_step_title(m->step), shown, m->show_all ? "all" : "only those that matter");
	put_line(c, r, 0, head, WZ_ROLE_TITLE);
	int top = m->top[m->step], cur = m->cursor[m->step];
	for (int y = 1; y < r->h; y++) {
		int i = top + y - 1;
		c->fill(c, r->y + y, r->x, r->w, WZ_ROLE_NORMAL);
		if (i >= m->nrows)
			continue;
		const struct wz_row *row = &m->row[i];
		enum wz_role role = (enum wz_role)row->role;
		if (i == cur && wz_row_selectable(row) && m->mode != WZ_MODE_TEXT) {
			role = WZ_ROLE_SELECTED;
			c->fill(c, r->y + y, r->x, r->w, role);
		}
		char marker[2] = { (char)row->marker, 0 };
		c->put(c, r->y + y, r->x, 1, marker, row->marker == '!' ? WZ_ROLE_FAIL : role);
		c->put(c, r->y + y, r->x + 1, r->w - 1, row->text, role);
	}
	/* More below or above. */
	if (top > 0)
		c->put(c, r->y + 1, r->x + r->w - 1, 1, m->utf8 ? "\u2191" : "^", WZ_ROLE_DIM);
	if (top + r->h - 1 < m->nrows)
		c->put(c, r->y + r->h - 1, r->x + r->w - 1, 1, m->utf8 ? "\u2193" : "v", WZ_ROLE_DIM);
}

/* Help, an explanation, or the paste box: lines of text in the main area. */
static void draw_text(struct wz_canvas *c, const struct wz_rect *r, const char *title, const char *text,
		      int top)
{
	put_line(c, r, 0, title, WZ_ROLE_TITLE);
	const char *s = text ? text : "";
	for (int skip = 0; skip < top && *s; skip++) {
		const char *nl = strchr(s, '\n');
		s = nl ? nl + 1 : s + strlen(s);
	}
	for (int y = 1; y < r->h; y++) {
		c->fill(c, r->y + y, r->x, r->w, WZ_ROLE_NORMAL);
		if (!*s)
			continue;
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char line[512];
		snprintf(line, sizeof line, " %.*s", (int)(n < sizeof line - 2 ? n : sizeof line - 2), s);
		for (char *p = line; *p; p++)
			if (*p == '\t')
				*p = ' ';
		c->put(c, r->y + y, r->x, r->w, line, WZ_ROLE_NORMAL);
		s = nl ? nl + 1 : s + n;
	}
}

static void draw_status(const struct wz_model *m, struct wz_canvas *c, const struct wz_rect *r)
{
	char verdict[64], line[256];
	const struct va_report *rep = &m->report;
	va_render_verdict_short(&rep->verdict, verdict, sizeof verdict);
	enum wz_role role = rep->verdict.result == VA_RESULT_SUCCESS ? WZ_ROLE_OK
			  : rep->verdict.result == VA_RESULT_INCONCLUSIVE ? WZ_ROLE_WARN : WZ_ROLE_FAIL;
	c->fill(c, r->y, r->x, r->w, WZ_ROLE_STATUS);
	snprintf(line, sizeof line, " %s ", verdict);
	int used = c->put(c, r->y, r->x, r->w, line, role);
	snprintf(line, sizeof line, "| %u failed, %u warned, %u not evaluated%s", rep->count[VA_FAIL],
		 rep->count[VA_WARN], rep->count[VA_UNKNOWN], rep->n_suspects ? " | likely causes on Review" : "");
	c->put(c, r->y, r->x + used, r->w - used, line, WZ_ROLE_STATUS);
}

static void draw_keys(const struct wz_model *m, struct wz_canvas *c, const struct wz_rect *r)
{
	char line[1800];
	const char *prompt = NULL;
	switch (m->mode) {
	case WZ_MODE_EDIT:
		prompt = m->line.fresh ? "value (typing replaces it; ? = absent): " : "value (? = absent): ";
		break;
	case WZ_MODE_SEARCH: prompt = "field (Tab completes): "; break;
	case WZ_MODE_FILTER: prompt = "filter profiles: "; break;
	case WZ_MODE_SAVE_AS: prompt = "save as: "; break;
	default: break;
	}
	if (prompt) {
		int used;
		snprintf(line, sizeof line, "%s%s", prompt, m->line.buf);
		put_line(c, r, 0, line, WZ_ROLE_EDIT);
		wz_utf8_prefix(line, r->w, &used);
		int at = (int)(strlen(prompt) + m->line.pos);
		if (m->message[0]) {
			/* A complaint about the typed value stays beside it. */
			c->put(c, r->y, r->x + used + 2, r->w - used - 2, m->message,
			       m->message_error ? WZ_ROLE_ERROR : WZ_ROLE_EDIT);
		}
		c->cursor(c, r->y, r->x + (at < r->w ? at : r->w - 1));
		return;
	}
	c->cursor(c, -1, -1);
	if (m->mode == WZ_MODE_ASK) {
		switch (m->question) {
		case WZ_ASK_QUIT: snprintf(line, sizeof line, "Unsaved changes. Quit without saving? y/n"); break;
		case WZ_ASK_REPLACE: snprintf(line, sizeof line, "%s exists. Replace it? y/n", m->pending_path); break;
		case WZ_ASK_RESTORE:
			snprintf(line, sizeof line, "An autosaved state was left by an earlier run. Restore it? y/n");
			break;
		case WZ_ASK_TEMPLATE:
			snprintf(line, sizeof line, "The template replaces unsaved VMCS fields, memory, entry facts. "
				 "Go ahead? y/n");
			break;
		}
		put_line(c, r, 0, line, WZ_ROLE_EDIT);
		return;
	}
	if (m->message[0]) {
		/* What was done stays after the text that details it closes. */
		snprintf(line, sizeof line, "%s%s", m->message, m->mode == WZ_MODE_TEXT ? " (any key closes)" : "");
		put_line(c, r, 0, line, m->message_error ? WZ_ROLE_ERROR : WZ_ROLE_NORMAL);
		return;
	}
	if (m->mode == WZ_MODE_TEXT) {
		put_line(c, r, 0, "Up/Down/PgUp/PgDn scroll, any other key closes", WZ_ROLE_KEYBAR);
		return;
	}
	if (m->mode == WZ_MODE_PASTE) {
		put_line(c, r, 0, "Ctrl-D reads what was typed, Esc cancels", WZ_ROLE_KEYBAR);
		return;
	}
	if (m->mode == WZ_MODE_TEMPLATE) {
		char choose[32], build[32], cancel[32];
		wz_key_labels(WZ_GROUP_TEMPLATE, WZ_ACT_CHOOSE, choose, sizeof choose);
		wz_key_labels(WZ_GROUP_TEMPLATE, WZ_ACT_BUILD, build, sizeof build);
		wz_key_labels(WZ_GROUP_TEMPLATE, WZ_ACT_CANCEL, cancel, sizeof cancel);
		snprintf(line, sizeof line, "%s chooses  %s builds the template  %s cancels", choose, build, cancel);
		put_line(c, r, 0, line, WZ_ROLE_KEYBAR);
		return;
	}
	wz_key_bar(line, sizeof line, wz_step_keys(m->step));
	put_line(c, r, 0, line, WZ_ROLE_KEYBAR);
}

void wz_draw(const struct wz_model *m, struct wz_canvas *c)
{
	struct wz_layout l;
	wz_layout(c->rows, c->cols, &l);
	if (l.too_small) {
		draw_too_small(m, c);
		return;
	}
	char title[1200];
	snprintf(title, sizeof title, " vmcs-audit wizard: %s%s", m->path[0] ? m->path : "(not saved yet)",
		 m->dirty ? " [modified]" : "");
	put_line(c, &l.title, 0, title, WZ_ROLE_TITLE);
	/* Reading text takes the whole width. */
	struct wz_rect wide = { l.main.y, 0, l.main.h, c->cols };
	if (m->mode == WZ_MODE_TEXT)
		draw_text(c, &wide, m->text_title, m->text, m->text_top);
	else if (m->mode == WZ_MODE_PASTE)
		draw_text(c, &wide, "Paste a KVM/Xen/HAXM dump, an rdmsr or vmxcap listing, or a state file",
			  m->paste ? m->paste : "(waiting for a paste; typing works too)", 0);
	else {
		draw_side(m, c, &l.side);
		draw_rows(m, c, &l.main);
	}
	draw_status(m, c, &l.status);
	draw_keys(m, c, &l.keys);
}
