/*
 * Start from a template: the chooser of a mode and features (the builder's
 * own tables), the template built for the CPU whose capability MSRs the
 * wizard holds (auditor/input/template.h, as `vmcs-audit new` builds it),
 * put in place of the VMCS fields, memory and entry facts -- after asking,
 * when that would drop values saved nowhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../auditor/input/state_file.h"
#include "../../auditor/input/template.h"
#include "model.h"
#include "view.h"

/* Values the template would drop that are saved nowhere. */
static int would_lose(const struct wz_model *m)
{
	if (!m->dirty)
		return 0;
	if (m->st.mem_count || m->st.entry_present)
		return 1;
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (m->st.presence[f] == VA_SET)
			return 1;
	return 0;
}

unsigned wz_template_open(struct wz_model *m)
{
	if (!m->st.msr_present) {
		wz_say(m, 1, "a template follows the CPU's capability MSRs: load a profile or paste (p) "
		       "a listing first");
		return WZ_REDRAW;
	}
	m->tpl_back_cursor = m->cursor[m->step];
	m->tpl_back_top = m->top[m->step];
	m->cursor[m->step] = 0;
	m->top[m->step] = 0;
	m->mode = WZ_MODE_TEMPLATE;
	wz_refresh(m);
	/* On the mode chosen last time. */
	for (int i = 0; i < m->nrows; i++)
		if (m->row[i].kind == WZ_ROW_TPL_MODE && m->row[i].a == m->tpl_mode)
			m->cursor[m->step] = i;
	wz_refresh(m);
	return WZ_REDRAW;
}

static void close_chooser(struct wz_model *m)
{
	m->mode = WZ_MODE_LIST;
	m->cursor[m->step] = m->tpl_back_cursor;
	m->top[m->step] = m->tpl_back_top;
	wz_refresh(m);
}

void wz_rows_template(struct wz_model *m)
{
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "For %s: it replaces the VMCS fields,",
		   m->cpu[0] ? m->cpu : "the CPU's capability MSRs given");
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "memory and entry facts; the MSRs stay");
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Mode");
	for (unsigned i = 0; va_template_mode_at(i); i++)
		wz_row_add(m, WZ_ROW_TPL_MODE, WZ_ROLE_NORMAL, "  (%c) %-18s%s", (int)i == m->tpl_mode ? '*' : ' ',
			   va_template_mode_at(i)->name, va_template_mode_at(i)->what)->a = (uint16_t)i;
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Features (each brings those it needs)");
	for (unsigned i = 0; va_template_feature_at(i); i++)
		wz_row_add(m, WZ_ROW_TPL_FEATURE, WZ_ROLE_NORMAL, "  [%c] %-18s%s",
			   (m->tpl_features >> i) & 1 ? 'x' : ' ', va_template_feature_at(i)->name,
			   va_template_feature_at(i)->what)->a = (uint16_t)i;
}

void wz_template_drop(struct wz_model *m)
{
	if (!m->pending)
		return;
	va_state_release(m->pending);
	free(m->pending);
	m->pending = NULL;
}

unsigned wz_template_adopt(struct wz_model *m)
{
	struct va_state *before = m->pending ? malloc(sizeof *before) : NULL;
	if (!before) {
		if (m->pending)
			wz_say(m, 1, "out of memory; nothing changed");
		wz_template_drop(m);
		return WZ_REDRAW;
	}
	/* The state before goes to undo as it is. */
	*before = m->st;
	m->st = *m->pending;
	free(m->pending);
	m->pending = NULL;
	char path[sizeof m->path];
	int saves = m->path_saves;
	snprintf(path, sizeof path, "%s", m->path);
	/* Built here, in no file yet: s asks for a name rather than writing
	 * the template over the file that was open. */
	m->path[0] = '\0';
	m->path_saves = 0;
	m->notes.count = 0;
	m->notes.observed_line = 0;
	m->step = WZ_STEP_REVIEW;
	m->cursor[m->step] = 0;
	m->top[m->step] = 0;
	unsigned flags = wz_changed(m);
	wz_undo_keep(m, before, path, saves, "the template");
	wz_say(m, 0, "template: %s (s saves it, u takes it back)", m->pending_title);
	return flags;
}

static unsigned build(struct wz_model *m)
{
	struct va_template *t = malloc(sizeof *t);
	struct va_error err = { 0 };
	if (!t) {
		wz_say(m, 1, "out of memory; nothing changed");
		return WZ_REDRAW;
	}
	if (va_template_build(t, &m->st, (enum va_template_mode)m->tpl_mode, m->tpl_features,
			      m->cpu[0] ? m->cpu : NULL, &err)) {
		/* The whole reason, which names the capability bit; closing it
		 * goes back to the choices. */
		char *why = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&why, &len);
		if (out) {
			fprintf(out, "%s.\n\nNothing changed. Change the mode or the features, or choose "
				"another CPU.\n", err.message);
			fclose(out);
		}
		if (why)
			wz_show_text(m, "No template with these choices", why);
		wz_say(m, 1, "no template with these choices; nothing changed");
		free(t);
		return WZ_REDRAW;
	}
	close_chooser(m);
	wz_template_drop(m);
	m->pending = malloc(sizeof *m->pending);
	if (!m->pending) {
		va_state_release(&t->st);
		free(t);
		wz_say(m, 1, "out of memory; nothing changed");
		return WZ_REDRAW;
	}
	*m->pending = t->st;
	snprintf(m->pending_title, sizeof m->pending_title, "%s", t->title);
	free(t);
	if (would_lose(m)) {
		m->mode = WZ_MODE_ASK;
		m->question = WZ_ASK_TEMPLATE;
		return WZ_REDRAW;
	}
	return wz_template_adopt(m);
}

unsigned wz_template_action(struct wz_model *m, enum wz_action a)
{
	const struct wz_row *r = wz_current_row(m);
	switch (a) {
	case WZ_ACT_CHOOSE:
	case WZ_ACT_BUILD:
		if (r && r->kind == WZ_ROW_TPL_MODE)
			m->tpl_mode = r->a;
		else if (r && r->kind == WZ_ROW_TPL_FEATURE && a == WZ_ACT_CHOOSE)
			m->tpl_features ^= 1u << r->a;
		if (a == WZ_ACT_BUILD)
			return build(m);
		wz_refresh(m);
		return WZ_REDRAW;
	case WZ_ACT_CANCEL:
		close_chooser(m);
		return WZ_REDRAW;
	default:
		return 0;
	}
}
