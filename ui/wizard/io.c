/* What comes in and goes out: pastes and profiles read on top of the
 * current state, state files saved without ever half-writing one. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../../auditor/input/import.h"
#include "../../auditor/input/profiles.h"
#include "../../auditor/input/state_file.h"
#include "../../auditor/input/state_merge.h"
#include "../../auditor/input/state_save.h"
#include "model.h"
#include "view.h"


static unsigned read_on_top(struct wz_model *m, const char *text, size_t len, const char *name,
			    const char *kind)
{
	struct va_state *fresh = malloc(sizeof *fresh);
	struct va_import_notes *notes = malloc(sizeof *notes);
	struct va_error err = { 0 };
	unsigned flags = WZ_REDRAW;
	if (!fresh || !notes) {
		wz_say(m, 1, "%s: out of memory; nothing changed", name);
		goto out;
	}
	va_state_init(fresh);
	notes->count = 0;
	if (va_import(fresh, text, len, name, kind, &err, notes)) {
		if (err.line)
			wz_say(m, 1, "%s line %u: %s; nothing changed", name, err.line, err.message);
		else
			wz_say(m, 1, "%s: %s; nothing changed", name, err.message);
		goto out;
	}
	unsigned fields = 0, msrs = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++)
		fields += fresh->presence[f] == VA_SET;
	for (unsigned k = 0; k < MSR_COUNT; k++)
		msrs += va_msr_known(fresh, (enum va_msr)k);
	if (va_state_merge(&m->st, fresh)) {
		wz_say(m, 1, "%s: out of memory while merging; part was read", name);
	} else if (!fields && !msrs && !fresh->fact_present && !fresh->entry_present && !fresh->mem_count) {
		wz_say(m, 1, "%s: nothing in it could be read (see 'vmcs-audit help kinds')", name);
		goto out;
	} else {
		wz_say(m, 0, "%s: read %u VMCS fields, %u MSRs%s", name, fields, msrs,
		    notes->count ? " (notes on Review)" : "");
	}
	if (msrs)
		snprintf(m->cpu, sizeof m->cpu, "%s", strcmp(name, "paste") ? name : "the pasted capability MSRs");
	m->notes = *notes;
	flags = wz_changed(m);
out:
	if (fresh)
		va_state_release(fresh);
	free(fresh);
	free(notes);
	return flags;
}

unsigned wz_paste(struct wz_model *m, const char *text, size_t len)
{
	if (m->mode == WZ_MODE_EDIT || m->mode == WZ_MODE_SEARCH || m->mode == WZ_MODE_FILTER ||
	    m->mode == WZ_MODE_SAVE_AS) {
		/* Into a one-line field goes the first line. */
		for (size_t i = 0; i < len && text[i] != '\n' && text[i] != '\r'; i++)
			if ((unsigned char)text[i] >= 0x20 && wz_line_insert(&m->line, text[i]))
				break;
		return WZ_REDRAW;
	}
	if (m->mode == WZ_MODE_ASK || m->mode == WZ_MODE_TEXT || m->mode == WZ_MODE_TEMPLATE)
		return 0;
	m->mode = WZ_MODE_LIST;
	free(m->paste);
	m->paste = NULL;
	m->paste_len = 0;
	return read_on_top(m, text, len, "paste", NULL);
}

unsigned wz_load_profile(struct wz_model *m, unsigned index)
{
	const struct va_profile *p = &va_profiles[index];
	unsigned flags = read_on_top(m, p->text, strlen(p->text), p->name, "state");
	if (!m->message_error)
		wz_say(m, 0, "profile %s loaded", p->name);
	return flags;
}

static int file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

unsigned wz_save_to(struct wz_model *m, const char *path, enum va_save_mode mode)
{
	struct va_error err = { 0 };
	if (va_state_save(path, &m->st, mode, &err)) {
		wz_say(m, 1, "not saved: %s: %s", path, err.message);
		return WZ_REDRAW;
	}
	if (path != m->path)
		snprintf(m->path, sizeof m->path, "%s", path);
	m->path_saves = 1;
	m->dirty = 0;
	wz_recovery_clear(m);
	wz_say(m, 0, "saved %s", path);
	return WZ_REDRAW;
}

unsigned wz_commit_save_as(struct wz_model *m)
{
	if (!m->line.len) {
		wz_say(m, 1, "type a file name, or Esc");
		return WZ_REDRAW;
	}
	m->mode = WZ_MODE_LIST;
	if (file_exists(m->line.buf)) {
		snprintf(m->pending_path, sizeof m->pending_path, "%s", m->line.buf);
		m->mode = WZ_MODE_ASK;
		m->question = WZ_ASK_REPLACE;
		return WZ_REDRAW;
	}
	return wz_save_to(m, m->line.buf, VA_SAVE_NEW);
}

