/* The model's life: a new state, opening a file, auditing after a change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../auditor/input/load.h"
#include "../../auditor/input/state_file.h"
#include "../../auditor/report/asked.h"
#include "model.h"
#include "view.h"

static const char *const step_title[WZ_STEP_COUNT] = {
#define WZ_STEP_TITLE(id, title) title,
	WZ_STEPS(WZ_STEP_TITLE)
#undef WZ_STEP_TITLE
};

const char *wz_step_title(enum wz_step s)
{
	return (unsigned)s < WZ_STEP_COUNT ? step_title[s] : "";
}

/* Nothing was given yet: every field is absent, not zero. */
static void mark_unwritten_absent(struct va_state *st)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (st->presence[f] == VA_UNSET)
			va_state_mark_absent(st, (enum va_field)f);
}

static int has_vmcs_fields(const struct va_state *st)
{
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (st->presence[f] == VA_SET)
			return 1;
	return 0;
}

struct wz_model *wz_new(int rows, int cols, int utf8)
{
	struct wz_model *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	va_state_init(&m->st);
	mark_unwritten_absent(&m->st);
	m->rows = rows;
	m->cols = cols;
	m->utf8 = utf8;
	wz_refresh(m);
	return m;
}

void wz_free(struct wz_model *m)
{
	if (!m)
		return;
	va_state_release(&m->st);
	wz_template_drop(m);
	wz_undo_drop(m);
	free(m->row);
	free(m->text);
	free(m->paste);
	free(m);
}

static int adopt(struct wz_model *m, struct va_state *st, int rc, const struct va_error *err,
		 const char *name)
{
	if (rc) {
		if (err->line)
			snprintf(m->message, sizeof m->message, "%s:%u: %s", err->file ? err->file : name,
				 err->line, err->message);
		else
			snprintf(m->message, sizeof m->message, "%s: %s", err->file ? err->file : name, err->message);
		m->message_error = 1;
		va_state_release(st);
		free(st);
		return -1;
	}
	if (st->msr_present) {
		const char *base = strrchr(name, '/');
		snprintf(m->cpu, sizeof m->cpu, "%s", base ? base + 1 : name);
	}
	/* A capability listing alone says nothing of the VMCS: ask for it. */
	int vmcs = has_vmcs_fields(st);
	if (!vmcs)
		mark_unwritten_absent(st);
	va_state_release(&m->st);
	wz_undo_drop(m);
	m->st = *st;
	free(st);
	m->step = vmcs ? WZ_STEP_REVIEW : WZ_STEP_PROCESSOR;
	memset(m->cursor, 0, sizeof m->cursor);
	memset(m->top, 0, sizeof m->top);
	m->dirty = 0;
	wz_refresh(m);
	return 0;
}

int wz_open(struct wz_model *m, const char *path)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_error err = { 0 };
	struct va_load_options opt = { 0 };
	if (!st)
		return -1;
	int rc = va_load(st, path, &opt, &m->notes, &err);
	if (adopt(m, st, rc, &err, path))
		return -1;
	if (strcmp(path, "-"))
		snprintf(m->path, sizeof m->path, "%s", path);
	/* A dump or listing the user opened is theirs, not a place to save:
	 * only a state file is replaced by `s`. */
	size_t n = strlen(m->path);
	m->path_saves = n > 6 && !strcmp(m->path + n - 6, ".state");
	return 0;
}

int wz_open_text(struct wz_model *m, const char *text, size_t len, const char *name)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_error err = { 0 };
	struct va_load_options opt = { 0 };
	if (!st)
		return -1;
	int rc = va_load_text(st, text, len, name, &opt, &m->notes, &err);
	return adopt(m, st, rc, &err, name);
}

enum wz_step wz_field_step(enum va_field f)
{
	switch (va_field_area(f)) {
	case VA_AREA_CONTROL: return WZ_STEP_CONTROLS;
	case VA_AREA_HOST: return WZ_STEP_HOST;
	case VA_AREA_GUEST: return WZ_STEP_GUEST;
	default: return WZ_STEP_ENTRY;
	}
}

/* The step a failure belongs to: that of the first field its rule reads
 * (MSR-load entries live in memory). */
static enum wz_step rule_step(const struct va_rule *rule)
{
	if (rule->stage == VA_STAGE_MSR_LOAD)
		return WZ_STEP_MEMORY;
	enum va_field f = rule->fields[0] ? (enum va_field)rule->fields[0] : (enum va_field)rule->field;
	if (f)
		return wz_field_step(f);
	return rule->needs ? WZ_STEP_PROCESSOR : WZ_STEP_ENTRY;
}

int wz_row_selectable(const struct wz_row *r)
{
	return r->kind != WZ_ROW_HEADING && r->kind != WZ_ROW_TEXT && r->kind != WZ_ROW_CAP_BIT;
}

/* Keep the cursor on a row it may stop on, and in view. */
static void settle_cursor(struct wz_model *m)
{
	int *cur = &m->cursor[m->step], *top = &m->top[m->step];
	if (*cur >= m->nrows)
		*cur = m->nrows - 1;
	if (*cur < 0)
		*cur = 0;
	int c = *cur;
	while (c < m->nrows && !wz_row_selectable(&m->row[c]))
		c++;
	if (c == m->nrows) {
		c = *cur;
		while (c > 0 && !wz_row_selectable(&m->row[c]))
			c--;
	}
	*cur = c;
	struct wz_layout l;
	wz_layout(m->rows, m->cols, &l);
	int h = l.main.h - 1;   /* the step's header line */
	if (h < 1)
		h = 1;
	if (*cur < *top)
		*top = *cur;
	/* Show the heading above the first selectable row. */
	if (*top > 0 && *cur == *top && !wz_row_selectable(&m->row[*top - 1]))
		(*top)--;
	if (*cur >= *top + h)
		*top = *cur - h + 1;
	/* On the last row the cursor can stop on, show the words after it. */
	int last = 1;
	for (int i = *cur + 1; i < m->nrows && last; i++)
		last = !wz_row_selectable(&m->row[i]);
	if (last && m->nrows - h > *top && m->nrows - h <= *cur)
		*top = m->nrows - h;
	if (*top > m->nrows - h)
		*top = m->nrows - h > 0 ? m->nrows - h : 0;
	if (*top < 0)
		*top = 0;
}

void wz_refresh(struct wz_model *m)
{
	va_audit(&m->st, &m->report);
	va_fields_asked(&m->report, m->asked);
	va_fields_failing(&m->report, m->failing);
	memset(m->step_failures, 0, sizeof m->step_failures);
	for (unsigned i = 0; i < m->report.n_findings; i++) {
		const struct va_finding *f = &m->report.findings[i];
		if (f->status != VA_FAIL)
			continue;
		m->step_failures[rule_step(va_rule_at(f->rule))]++;
		m->step_failures[WZ_STEP_REVIEW]++;
	}
	wz_build_rows(m);
	settle_cursor(m);
}

static int find_field_row(const struct wz_model *m, enum va_field f)
{
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == WZ_ROW_FIELD && m->row[i].a == f)
			return i;
	return -1;
}

int wz_goto_field(struct wz_model *m, enum va_field f)
{
	if (!f || f >= FLD_COUNT)
		return -1;
	m->step = wz_field_step(f);
	wz_build_rows(m);
	int i = find_field_row(m, f);
	if (i < 0) {
		m->show_all = 1;
		wz_build_rows(m);
		i = find_field_row(m, f);
	}
	if (i < 0)
		return -1;
	m->cursor[m->step] = i;
	settle_cursor(m);
	return 0;
}

void wz_layout(int rows, int cols, struct wz_layout *l)
{
	memset(l, 0, sizeof *l);
	l->too_small = rows < WZ_MIN_ROWS || cols < WZ_MIN_COLS;
	int side = 18;
	l->title = (struct wz_rect){ 0, 0, 1, cols };
	l->side = (struct wz_rect){ 1, 0, rows - 3, side };
	l->main = (struct wz_rect){ 1, side + 1, rows - 3, cols - side - 1 };
	l->status = (struct wz_rect){ rows - 2, 0, 1, cols };
	l->keys = (struct wz_rect){ rows - 1, 0, 1, cols };
}

unsigned wz_resize(struct wz_model *m, int rows, int cols)
{
	m->rows = rows;
	m->cols = cols;
	wz_refresh(m);
	return WZ_REDRAW;
}
