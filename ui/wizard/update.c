/*
 * The update: a key changes the model and says what changed.  Nothing here
 * draws.  This file reads keys per mode; edit.c changes values, io.c reads
 * pastes and profiles and saves.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../auditor/report/report_out.h"
#include "keys.h"
#include "model.h"
#include "view.h"

void wz_say(struct wz_model *m, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m->message, sizeof m->message, fmt, ap);
	va_end(ap);
	m->message_error = error;
}

const struct wz_row *wz_current_row(const struct wz_model *m)
{
	int c = m->cursor[m->step];
	return c >= 0 && c < m->nrows ? &m->row[c] : NULL;
}

unsigned wz_changed(struct wz_model *m)
{
	wz_undo_drop(m);
	m->dirty = 1;
	wz_refresh(m);
	return WZ_REDRAW | WZ_CHANGED;
}

void wz_open_line(struct wz_model *m, enum wz_mode mode, const char *initial)
{
	m->mode = mode;
	wz_line_set(&m->line, initial, 0);
}

/* Lines longer than width wrapped, continuing under their second column
 * ("  Condition:  ...", "  ?, F1   help ..."), so help and explanations
 * read whole at 80 columns. */
static char *wrap_text(const char *in, int width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = in ? open_memstream(&buf, &len) : NULL;
	if (!out)
		return NULL;
	if (width < 30)
		width = 30;
	while (*in) {
		size_t n = strcspn(in, "\n");
		const char *line = in, *end = in + n;
		in = *end ? end + 1 : end;
		const char *gap = line;
		while (gap < end && *gap == ' ')
			gap++;
		const char *two = strstr(gap, "  ");
		int hang = two && two < end ? (int)(two - line) : (int)(gap - line) + 2;
		while (hang < (int)n && line[hang] == ' ')
			hang++;
		if (hang > width / 2)
			hang = (int)(gap - line) + 2;
		int first = 1;
		while (line < end) {
			int avail = first ? width : width - hang;
			int take = (int)(end - line);
			if (take > avail) {
				take = avail;
				while (take > avail / 2 && line[take] != ' ')
					take--;
				if (line[take] != ' ')
					take = avail;
			}
			fprintf(out, "%*s%.*s\n", first ? 0 : hang, "", take, line);
			line += take;
			while (line < end && *line == ' ')
				line++;
			first = 0;
		}
		if (n == 0)
			fputc('\n', out);
	}
	fclose(out);
	return buf;
}

void wz_show_text(struct wz_model *m, const char *title, char *text)
{
	snprintf(m->text_title, sizeof m->text_title, "%s", title);
	if (text) {
		char *wrapped = wrap_text(text, m->cols - 2);
		if (wrapped) {
			free(text);
			text = wrapped;
		}
	}
	free(m->text);
	m->text = text;
	m->text_top = 0;
	/* Text read over the template chooser goes back to it. */
	if (text)
		m->text_back = m->mode == WZ_MODE_TEMPLATE ? WZ_MODE_TEMPLATE : WZ_MODE_LIST;
	m->mode = text ? WZ_MODE_TEXT : m->text_back;
}

/* Enter on a finding: the field it names, or where its missing input goes. */
static unsigned jump_from_finding(struct wz_model *m, unsigned index)
{
	const struct va_finding *f = &m->report.findings[index];
	const struct va_rule *rule = va_rule_at(f->rule);
	enum va_field target = rule->field ? (enum va_field)rule->field : (enum va_field)rule->fields[0];
	if (f->status == VA_UNKNOWN) {
		switch (f->eval.unknown) {
		case VA_UNK_FIELD: target = (enum va_field)f->eval.unknown_arg; break;
		case VA_UNK_MEMORY: m->step = WZ_STEP_MEMORY; wz_refresh(m); return WZ_REDRAW;
		case VA_UNK_NEED: m->step = WZ_STEP_PROCESSOR; wz_refresh(m); return WZ_REDRAW;
		default: break;
		}
	}
	if (rule->stage == VA_STAGE_MSR_LOAD && f->msr_index) {
		/* The refused entry in the Memory step's view of the area. */
		uint64_t addr = m->st.field[FLD_VM_ENTRY_MSR_LOAD_ADDR] + 16 * (uint64_t)(f->msr_index - 1);
		m->step = WZ_STEP_MEMORY;
		wz_build_rows(m);
		for (int i = 0; i < m->nrows; i++)
			if (m->row[i].kind == WZ_ROW_MEMORY && m->row[i].v == addr) {
				m->cursor[m->step] = i;
				break;
			}
		wz_refresh(m);
		return WZ_REDRAW;
	}
	if (!target) {
		m->step = rule->needs ? WZ_STEP_PROCESSOR : WZ_STEP_ENTRY;
		wz_refresh(m);
		return WZ_REDRAW;
	}
	if (wz_goto_field(m, target))
		wz_say(m, 1, "%s is not shown on any step", va_field_name(target));
	return WZ_REDRAW;
}

static unsigned activate(struct wz_model *m)
{
	const struct wz_row *r = wz_current_row(m);
	if (!r)
		return 0;
	switch (r->kind) {
	case WZ_ROW_PROFILE: return wz_load_profile(m, r->a);
	case WZ_ROW_BIT: return wz_toggle_bit(m, r);
	case WZ_ROW_FINDING: return jump_from_finding(m, r->a);
	case WZ_ROW_TEMPLATE: return wz_template_open(m);
	case WZ_ROW_ENTRY:
		if (va_entry_info((enum va_entry_fact)r->a)->kind == VA_KIND_WORD)
			return wz_cycle_entry_word(m, (enum va_entry_fact)r->a);
		wz_start_edit(m, r);
		return WZ_REDRAW;
	case WZ_ROW_FIELD: case WZ_ROW_MSR: case WZ_ROW_FACT: case WZ_ROW_MEMORY: case WZ_ROW_MEMORY_ADD:
		wz_start_edit(m, r);
		return WZ_REDRAW;
	default:
		return 0;
	}
}

/* ---- Search, filter, save ---- */

/* Complete the typed field name to the longest common prefix. */
static void complete_field(struct wz_model *m)
{
	size_t n = m->line.len, common = 0;
	const char *first = NULL;
	unsigned count = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		const char *name = va_field_name((enum va_field)f);
		if (strncasecmp(name, m->line.buf, n))
			continue;
		if (!first) {
			first = name;
			common = strlen(name);
		} else {
			size_t k = 0;
			while (k < common && name[k] == first[k])
				k++;
			common = k;
		}
		count++;
	}
	if (!first) {
		wz_say(m, 1, "no field starts with '%s'", m->line.buf);
		return;
	}
	if (common >= n) {
		char done[sizeof m->line.buf];
		snprintf(done, sizeof done, "%.*s", (int)common, first);
		wz_line_set(&m->line, done, 0);
	}
	if (count == 1) {
		wz_say(m, 0, "1 field");
		return;
	}
	/* Name a few of the candidates. */
	char list[160] = "";
	size_t used = 0;
	unsigned named = 0;
	for (unsigned f = 1; f < FLD_COUNT && named < 4; f++) {
		const char *name = va_field_name((enum va_field)f);
		if (strncasecmp(name, m->line.buf, m->line.len))
			continue;
		int w = snprintf(list + used, sizeof list - used, "%s%s", named ? ", " : "", name);
		if (w < 0 || (size_t)w >= sizeof list - used)
			break;
		used += (size_t)w;
		named++;
	}
	wz_say(m, 0, "%u fields: %s%s", count, list, count > named ? ", ..." : "");
}

static unsigned commit_search(struct wz_model *m)
{
	enum va_field f = va_field_by_name(m->line.buf, m->line.len);
	if (!f) {
		unsigned count = 0;
		for (unsigned g = 1; g < FLD_COUNT; g++)
			if (!strncasecmp(va_field_name((enum va_field)g), m->line.buf, m->line.len)) {
				f = (enum va_field)g;
				count++;
			}
		if (count != 1) {
			wz_say(m, 1, count ? "'%s' names several fields: Tab completes" : "no field '%s'", m->line.buf);
			return WZ_REDRAW;
		}
	}
	m->mode = WZ_MODE_LIST;
	m->message[0] = '\0';
	wz_goto_field(m, f);
	return WZ_REDRAW;
}

/* ---- The keys of each mode ---- */

static unsigned key_line(struct wz_model *m, int key)
{
	struct wz_line *l = &m->line;
	switch (wz_key_action(WZ_GROUP_EDIT, key)) {
	case WZ_ACT_CANCEL:
		if (m->mode == WZ_MODE_FILTER) {
			m->filter[0] = '\0';
			wz_refresh(m);
		}
		m->mode = WZ_MODE_LIST;
		m->message[0] = '\0';
		return WZ_REDRAW;
	case WZ_ACT_COMMIT:
		switch (m->mode) {
		case WZ_MODE_EDIT: return wz_commit_edit(m);
		case WZ_MODE_SEARCH: return commit_search(m);
		case WZ_MODE_SAVE_AS: return wz_commit_save_as(m);
		default:
			m->mode = WZ_MODE_LIST;
			m->cursor[m->step] = 0;
			wz_refresh(m);
			return WZ_REDRAW;
		}
	case WZ_ACT_COMPLETE:
		if (m->mode == WZ_MODE_SEARCH)
			complete_field(m);
		return WZ_REDRAW;
	case WZ_ACT_ERASE: wz_line_backspace(l); break;
	case WZ_ACT_DELETE_CHAR: wz_line_delete(l); break;
	case WZ_ACT_CURSOR_LEFT: wz_line_move(l, -1); return WZ_REDRAW;
	case WZ_ACT_CURSOR_RIGHT: wz_line_move(l, 1); return WZ_REDRAW;
	case WZ_ACT_CURSOR_HOME: wz_line_home(l); return WZ_REDRAW;
	case WZ_ACT_CURSOR_END: wz_line_end(l); return WZ_REDRAW;
	default:
		if (key < 0x20 || key > 0x7e || wz_line_insert(l, (char)key))
			return 0;
		break;
	}
	if (m->mode == WZ_MODE_FILTER) {
		snprintf(m->filter, sizeof m->filter, "%s", l->buf);
		m->cursor[m->step] = 0;
		wz_refresh(m);
	}
	return WZ_REDRAW;
}

static unsigned key_ask(struct wz_model *m, int key)
{
	enum wz_action a = wz_key_action(WZ_GROUP_ASK, key);
	if (a == WZ_ACT_NONE)
		return 0;
	m->mode = WZ_MODE_LIST;
	switch (m->question) {
	case WZ_ASK_QUIT:
		if (a == WZ_ACT_YES) {
			wz_recovery_clear(m);
			return WZ_QUIT;
		}
		break;
	case WZ_ASK_REPLACE:
		if (a == WZ_ACT_YES)
			return wz_save_to(m, m->pending_path, VA_SAVE_REPLACE);
		wz_say(m, 0, "not saved");
		break;
	case WZ_ASK_TEMPLATE:
		if (a == WZ_ACT_YES)
			return wz_template_adopt(m);
		wz_template_drop(m);
		wz_say(m, 0, "nothing changed: the template was not used");
		break;
	case WZ_ASK_RESTORE:
		if (a == WZ_ACT_YES) {
			char path[sizeof m->recovery];
			snprintf(path, sizeof path, "%s", m->recovery);
			char saved_path[sizeof m->path];
			int saves = m->path_saves;
			snprintf(saved_path, sizeof saved_path, "%s", m->path);
			char cpu[sizeof m->cpu];
			snprintf(cpu, sizeof cpu, "%s", m->cpu);
			if (wz_open(m, path) == 0) {
				snprintf(m->path, sizeof m->path, "%s", saved_path);
				snprintf(m->cpu, sizeof m->cpu, "%s", cpu);
				m->path_saves = saves;
				m->dirty = 1;
				wz_say(m, 0, "restored the autosaved state (not yet saved: s saves)");
				return WZ_REDRAW | WZ_CHANGED;
			}
		} else if (a == WZ_ACT_NO) {
			wz_recovery_clear(m);
			wz_say(m, 0, "the autosaved state was discarded");
		}
		break;
	}
	return WZ_REDRAW;
}

static unsigned key_text(struct wz_model *m, int key)
{
	enum wz_action a = wz_key_action(WZ_GROUP_LIST, key);
	int page = m->rows - 4 > 1 ? m->rows - 4 : 1;
	switch (a) {
	case WZ_ACT_UP: m->text_top--; break;
	case WZ_ACT_DOWN: m->text_top++; break;
	case WZ_ACT_PAGE_UP: m->text_top -= page; break;
	case WZ_ACT_PAGE_DOWN: m->text_top += page; break;
	case WZ_ACT_HOME: m->text_top = 0; break;
	default:
		wz_show_text(m, "", NULL);
		return WZ_REDRAW;
	}
	/* No further than the last page. */
	int lines = 0;
	for (const char *s = m->text ? m->text : ""; *s; s++)
		lines += *s == '\n';
	int visible = m->rows - 4 > 1 ? m->rows - 4 : 1;
	if (m->text_top > lines - visible)
		m->text_top = lines - visible;
	if (m->text_top < 0)
		m->text_top = 0;
	return WZ_REDRAW;
}

static unsigned key_paste_box(struct wz_model *m, int key)
{
	if (key == 27) {
		m->mode = WZ_MODE_LIST;
		return WZ_REDRAW;
	}
	if (key == 4) {   /* Ctrl-D: read what was typed */
		char *text = m->paste;
		size_t len = m->paste_len;
		m->paste = NULL;
		m->paste_len = 0;
		unsigned flags = wz_paste(m, text ? text : "", len);
		free(text);
		return flags;
	}
	if (wz_key_action(WZ_GROUP_EDIT, key) == WZ_ACT_COMMIT)
		key = '\n';
	if ((key < 0x20 && key != '\n' && key != '\t') || key > 0xff || m->paste_len + 2 > WZ_PASTE_MAX)
		return 0;
	char *p = realloc(m->paste, m->paste_len + 2);
	if (!p)
		return 0;
	m->paste = p;
	m->paste[m->paste_len++] = (char)key;
	m->paste[m->paste_len] = '\0';
	return WZ_REDRAW;
}

static unsigned go_step(struct wz_model *m, int step)
{
	m->step = (enum wz_step)((step + WZ_STEP_COUNT) % WZ_STEP_COUNT);
	wz_refresh(m);
	return WZ_REDRAW;
}

static unsigned move(struct wz_model *m, int delta)
{
	int c = m->cursor[m->step] + delta, dir = delta < 0 ? -1 : 1;
	if (c < 0)
		c = 0;
	if (c >= m->nrows)
		c = m->nrows - 1;
	while (c > 0 && c < m->nrows - 1 && !wz_row_selectable(&m->row[c]))
		c += dir;
	if (c >= 0 && c < m->nrows && !wz_row_selectable(&m->row[c])) {
		/* nothing selectable that way: stay */
		if (dir < 0) {
			m->top[m->step] = 0;
			return WZ_REDRAW;
		}
		c = m->cursor[m->step];
	}
	m->cursor[m->step] = c;
	wz_refresh(m);
	return WZ_REDRAW;
}

static char *explain_text(unsigned rule)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (!out)
		return NULL;
	va_write_rule_explain(out, va_rule_at(rule));
	fclose(out);
	return buf;
}

enum wz_key_group wz_step_keys(enum wz_step s)
{
	switch (s) {
	case WZ_STEP_PROCESSOR: return WZ_GROUP_PROCESSOR;
	case WZ_STEP_REVIEW: return WZ_GROUP_REVIEW;
	default: return WZ_GROUP_ANY;
	}
}

/* The moves over the rows; 0 if `a` is not one. */
static unsigned move_by(struct wz_model *m, enum wz_action a)
{
	int page = m->rows - 6 > 1 ? m->rows - 6 : 1;
	switch (a) {
	case WZ_ACT_UP: return move(m, -1);
	case WZ_ACT_DOWN: return move(m, 1);
	case WZ_ACT_PAGE_UP: return move(m, -page);
	case WZ_ACT_PAGE_DOWN: return move(m, page);
	case WZ_ACT_HOME: m->cursor[m->step] = 0; m->top[m->step] = 0; wz_refresh(m); return WZ_REDRAW;
	case WZ_ACT_END: m->cursor[m->step] = m->nrows - 1; wz_refresh(m); return WZ_REDRAW;
	default: return 0;
	}
}

/* The template chooser: its own keys, then the rows' moves. */
static unsigned key_template(struct wz_model *m, int key)
{
	enum wz_action a = wz_key_action(WZ_GROUP_TEMPLATE, key);
	m->message[0] = '\0';
	if (a != WZ_ACT_NONE)
		return wz_template_action(m, a);
	unsigned flags = move_by(m, wz_key_action(WZ_GROUP_LIST, key));
	return flags ? flags : WZ_REDRAW;   /* the message cleared */
}

static unsigned key_list(struct wz_model *m, int key)
{
	enum wz_action a = wz_key_action(wz_step_keys(m->step), key);
	if (a == WZ_ACT_NONE)
		a = wz_key_action(WZ_GROUP_ANY, key);
	if (a == WZ_ACT_NONE)
		a = wz_key_action(WZ_GROUP_LIST, key);
	const struct wz_row *r = wz_current_row(m);
	m->message[0] = '\0';
	switch (a) {
	case WZ_ACT_REVIEW: return go_step(m, WZ_STEP_REVIEW);
	case WZ_ACT_STEP1: case WZ_ACT_STEP2: case WZ_ACT_STEP3:
	case WZ_ACT_STEP4: case WZ_ACT_STEP5: case WZ_ACT_STEP6:
		return go_step(m, WZ_STEP_PROCESSOR + (int)(a - WZ_ACT_STEP1));
	case WZ_ACT_NEXT_STEP: return go_step(m, (int)m->step + 1);
	case WZ_ACT_PREV_STEP: return go_step(m, (int)m->step - 1);
	case WZ_ACT_SAVE:
		if (m->path[0] && m->path_saves)
			return wz_save_to(m, m->path, VA_SAVE_REPLACE);
		{
			/* A dump opened: suggest a state file beside it. */
			char suggest[sizeof m->line.buf];
			snprintf(suggest, sizeof suggest, "%.*s%s", (int)sizeof suggest - 8, m->path,
				 m->path[0] ? ".state" : "");
			wz_open_line(m, WZ_MODE_SAVE_AS, suggest);
		}
		return WZ_REDRAW;
	case WZ_ACT_QUIT:
		if (!m->dirty) {
			wz_recovery_clear(m);
			return WZ_QUIT;
		}
		m->mode = WZ_MODE_ASK;
		m->question = WZ_ASK_QUIT;
		return WZ_REDRAW;
	case WZ_ACT_SEARCH:
		if (m->step == WZ_STEP_PROCESSOR)
			wz_open_line(m, WZ_MODE_FILTER, m->filter);
		else
			wz_open_line(m, WZ_MODE_SEARCH, "");
		return WZ_REDRAW;
	case WZ_ACT_HELP:
		if (key == '?' && r && r->kind == WZ_ROW_FINDING)
			wz_show_text(m, "Explanation (what 'vmcs-audit explain' prints)", explain_text(m->report.findings[r->a].rule));
		else
			wz_show_text(m, "Keys", wz_help_text());
		return WZ_REDRAW;
	case WZ_ACT_PASTE:
		m->mode = WZ_MODE_PASTE;
		free(m->paste);
		m->paste = NULL;
		m->paste_len = 0;
		return WZ_REDRAW;
	case WZ_ACT_TEMPLATE: return wz_template_open(m);
	case WZ_ACT_FIX: return wz_fix_finding(m);
	case WZ_ACT_FIX_ALL: return wz_fix_all(m);
	case WZ_ACT_UNDO: return wz_undo(m);
	case WZ_ACT_SHOW_ALL:
		m->show_all = !m->show_all;
		wz_refresh(m);
		return WZ_REDRAW;
	case WZ_ACT_UP: case WZ_ACT_DOWN: case WZ_ACT_PAGE_UP: case WZ_ACT_PAGE_DOWN:
	case WZ_ACT_HOME: case WZ_ACT_END:
		return move_by(m, a);
	case WZ_ACT_ACTIVATE: return activate(m);
	case WZ_ACT_TOGGLE: return r ? wz_toggle_bit(m, r) : 0;
	case WZ_ACT_ABSENT: return r ? wz_toggle_absent(m, r) : 0;
	default:
		return 0;
	}
}

unsigned wz_click(struct wz_model *m, int y, int x)
{
	struct wz_layout l;
	wz_layout(m->rows, m->cols, &l);
	if (l.too_small || m->mode != WZ_MODE_LIST)
		return 0;
	if (x < l.side.w && y >= l.side.y && y < l.side.y + WZ_STEP_COUNT)
		return go_step(m, y - l.side.y);
	int i = m->top[m->step] + (y - l.main.y - 1);
	if (x < l.main.x || y <= l.main.y || y >= l.main.y + l.main.h || i >= m->nrows ||
	    !wz_row_selectable(&m->row[i]))
		return 0;
	m->cursor[m->step] = i;
	wz_refresh(m);
	return WZ_REDRAW;
}

unsigned wz_key(struct wz_model *m, int key)
{
	switch (m->mode) {
	case WZ_MODE_EDIT: case WZ_MODE_FILTER: case WZ_MODE_SEARCH: case WZ_MODE_SAVE_AS:
		return key_line(m, key);
	case WZ_MODE_ASK: return key_ask(m, key);
	case WZ_MODE_TEXT: return key_text(m, key);
	case WZ_MODE_PASTE: return key_paste_box(m, key);
	case WZ_MODE_TEMPLATE: return key_template(m, key);
	default: return key_list(m, key);
	}
}
