/*
 * The update: a key changes the model and says what changed.  Nothing here
 * draws; the state changes only through the library's setters and readers.
 */
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
#include "../../auditor/input/text_util.h"
#include "../../auditor/report/report_out.h"
#include "keys.h"
#include "model.h"
#include "view.h"

#define PASTE_MAX (4u << 20)

static void say(struct wz_model *m, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(struct wz_model *m, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m->message, sizeof m->message, fmt, ap);
	va_end(ap);
	m->message_error = error;
}

static const struct wz_row *current(const struct wz_model *m)
{
	int c = m->cursor[m->step];
	return c >= 0 && c < m->nrows ? &m->row[c] : NULL;
}

static unsigned changed(struct wz_model *m)
{
	m->dirty = 1;
	wz_refresh(m);
	return WZ_REDRAW | WZ_CHANGED;
}

static void open_line(struct wz_model *m, enum wz_mode mode, const char *initial)
{
	m->mode = mode;
	snprintf(m->line, sizeof m->line, "%s", initial);
	m->line_len = strlen(m->line);
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

static void open_text(struct wz_model *m, const char *title, char *text)
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
	m->mode = text ? WZ_MODE_TEXT : WZ_MODE_LIST;
}

/* ---- Reading pastes and profiles into the current state ---- */

static unsigned read_on_top(struct wz_model *m, const char *text, size_t len, const char *name,
			    const char *kind)
{
	struct va_state *fresh = malloc(sizeof *fresh);
	struct va_import_notes *notes = malloc(sizeof *notes);
	struct va_error err = { 0 };
	unsigned flags = WZ_REDRAW;
	if (!fresh || !notes) {
		say(m, 1, "%s: out of memory; nothing changed", name);
		goto out;
	}
	va_state_init(fresh);
	notes->count = 0;
	if (va_import(fresh, text, len, name, kind, &err, notes)) {
		if (err.line)
			say(m, 1, "%s line %u: %s; nothing changed", name, err.line, err.message);
		else
			say(m, 1, "%s: %s; nothing changed", name, err.message);
		goto out;
	}
	unsigned fields = 0, msrs = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++)
		fields += fresh->presence[f] == VA_SET;
	for (unsigned k = 0; k < MSR_COUNT; k++)
		msrs += va_msr_known(fresh, (enum va_msr)k);
	if (va_state_merge(&m->st, fresh)) {
		say(m, 1, "%s: out of memory while merging; part was read", name);
	} else if (!fields && !msrs && !fresh->fact_present && !fresh->entry_present && !fresh->mem_count) {
		say(m, 1, "%s: nothing in it could be read (see 'vmcs-audit help kinds')", name);
		goto out;
	} else {
		say(m, 0, "%s: read %u VMCS fields, %u MSRs%s", name, fields, msrs,
		    notes->count ? " (notes on Review)" : "");
	}
	m->notes = *notes;
	flags = changed(m);
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
		for (size_t i = 0; i < len && text[i] != '\n' && text[i] != '\r' &&
				   m->line_len + 1 < sizeof m->line; i++)
			if ((unsigned char)text[i] >= 0x20)
				m->line[m->line_len++] = text[i];
		m->line[m->line_len] = '\0';
		return WZ_REDRAW;
	}
	if (m->mode == WZ_MODE_ASK || m->mode == WZ_MODE_TEXT)
		return 0;
	m->mode = WZ_MODE_LIST;
	free(m->paste);
	m->paste = NULL;
	m->paste_len = 0;
	return read_on_top(m, text, len, "paste", NULL);
}

static unsigned load_profile(struct wz_model *m, unsigned index)
{
	const struct va_profile *p = &va_profiles[index];
	unsigned flags = read_on_top(m, p->text, strlen(p->text), p->name, "state");
	if (!m->message_error)
		say(m, 0, "profile %s loaded", p->name);
	return flags;
}

/* ---- Editing values ---- */

static void start_edit(struct wz_model *m, const struct wz_row *r)
{
	char buf[64] = "";
	switch (r->kind) {
	case WZ_ROW_FIELD:
		if (m->st.presence[r->a] != VA_ABSENT)
			wz_format_value(m, (enum va_field)r->a, buf, sizeof buf);
		buf[strcspn(buf, " ")] = '\0';
		break;
	case WZ_ROW_MSR:
		if (va_msr_known(&m->st, (enum va_msr)r->a))
			snprintf(buf, sizeof buf, "0x%016" PRIx64, m->st.msr[r->a]);
		break;
	case WZ_ROW_FACT:
		if (va_fact_known(&m->st, (enum va_fact)r->a))
			snprintf(buf, sizeof buf, "%" PRIu64, m->st.fact[r->a]);
		break;
	case WZ_ROW_ENTRY:
		if (va_entry_given(&m->st, (enum va_entry_fact)r->a))
			wz_entry_value(m, (enum va_entry_fact)r->a, buf, sizeof buf);
		break;
	case WZ_ROW_MEMORY: {
		uint64_t v;
		if (va_mem_read64(&m->st, r->v, &v) == 0)
			snprintf(buf, sizeof buf, "0x%016" PRIx64, v);
		break;
	}
	default:
		break;
	}
	open_line(m, WZ_MODE_EDIT, buf);
}

static int parse(const char *s, uint64_t *v)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	return n ? va_parse_u64(s, n, v) : -1;
}

/* A word of an [entry] key, or a number. */
static int parse_entry(enum va_entry_fact e, const char *s, uint64_t *v)
{
	size_t nw;
	const struct va_entry_word *w = va_entry_words(&nw);
	for (size_t i = 0; i < nw; i++)
		if (w[i].entry == e && !strcasecmp(w[i].word, s)) {
			*v = w[i].value;
			return 0;
		}
	return va_entry_info(e)->kind == VA_KIND_NUMBER ? parse(s, v) : -1;
}

static int is_absent_word(const char *s)
{
	return !strcmp(s, "?") || !strcmp(s, "-") || !strcmp(s, "");
}

static unsigned commit_edit(struct wz_model *m)
{
	const struct wz_row *r = current(m);
	uint64_t v;
	if (!r) {
		m->mode = WZ_MODE_LIST;
		return WZ_REDRAW;
	}
	switch (r->kind) {
	case WZ_ROW_FIELD: {
		enum va_field f = (enum va_field)r->a;
		if (is_absent_word(m->line)) {
			va_state_mark_absent(&m->st, f);
			break;
		}
		unsigned bits = va_field_bits(f);
		if (parse(m->line, &v)) {
			say(m, 1, "'%s' is not a number (hex with 0x, or decimal)", m->line);
			return WZ_REDRAW;
		}
		if (bits < 64 && (v >> bits)) {
			say(m, 1, "%s has %u bits: 0x%" PRIx64 " does not fit", va_field_name(f), bits, v);
			return WZ_REDRAW;
		}
		va_state_set_field(&m->st, f, v);
		break;
	}
	case WZ_ROW_MSR: case WZ_ROW_FACT: case WZ_ROW_ENTRY: {
		/* Values kept as an array with a "given" bit each. */
		uint64_t *values = r->kind == WZ_ROW_MSR ? m->st.msr : r->kind == WZ_ROW_FACT ? m->st.fact : m->st.entry;
		uint32_t *given = r->kind == WZ_ROW_MSR ? &m->st.msr_present
				: r->kind == WZ_ROW_FACT ? &m->st.fact_present : &m->st.entry_present;
		if (is_absent_word(m->line)) {
			*given &= ~(1u << r->a);
			break;
		}
		int bad = r->kind == WZ_ROW_ENTRY ? parse_entry((enum va_entry_fact)r->a, m->line, &v) : parse(m->line, &v);
		if (bad) {
			say(m, 1, "'%s': %s", m->line, r->kind == WZ_ROW_ENTRY ?
			    va_entry_info((enum va_entry_fact)r->a)->doc : "not a number (hex with 0x, or decimal)");
			return WZ_REDRAW;
		}
		values[r->a] = v;
		*given |= 1u << r->a;
		break;
	}
	case WZ_ROW_MEMORY:
	case WZ_ROW_MEMORY_ADD: {
		uint64_t addr = r->v;
		const char *value = m->line;
		char *eq = strchr(m->line, '=');
		if (r->kind == WZ_ROW_MEMORY_ADD) {
			if (!eq) {
				say(m, 1, "type ADDRESS = VALUE, e.g. 0x1000 = 0x0");
				return WZ_REDRAW;
			}
			*eq = '\0';
			if (parse(m->line, &addr) || (addr & 7)) {
				*eq = '=';
				say(m, 1, "the address must be a number and a multiple of 8");
				return WZ_REDRAW;
			}
			*eq = '=';
			value = eq + 1;
		}
		if (parse(value, &v)) {
			say(m, 1, "'%s' is not a number", value);
			return WZ_REDRAW;
		}
		if (va_state_set_memory(&m->st, addr, v)) {
			say(m, 1, "out of memory; the value was not stored");
			return WZ_REDRAW;
		}
		break;
	}
	default:
		break;
	}
	m->mode = WZ_MODE_LIST;
	m->message[0] = '\0';
	return changed(m);
}

/* Make a value absent, or give an absent one again (as 0, then edit). */
static unsigned toggle_absent(struct wz_model *m, const struct wz_row *r)
{
	switch (r->kind) {
	case WZ_ROW_FIELD:
	case WZ_ROW_BIT:
		if (m->st.presence[r->a] == VA_ABSENT) {
			va_state_set_field(&m->st, (enum va_field)r->a, 0);
			if (r->kind == WZ_ROW_FIELD)
				start_edit(m, r);
		} else {
			va_state_mark_absent(&m->st, (enum va_field)r->a);
		}
		break;
	case WZ_ROW_MSR:
		m->st.msr_present ^= 1u << r->a;
		break;
	case WZ_ROW_FACT:
		m->st.fact_present &= ~(1u << r->a);
		break;
	case WZ_ROW_ENTRY:
		m->st.entry_present &= ~(1u << r->a);
		break;
	case WZ_ROW_MEMORY: {
		struct va_state *st = &m->st;
		for (size_t i = 0; i < st->mem_count; i++)
			if (st->mem[i].addr == r->v) {
				memmove(&st->mem[i], &st->mem[i + 1], (st->mem_count - i - 1) * sizeof *st->mem);
				st->mem_count--;
				break;
			}
		break;
	}
	default:
		return 0;
	}
	return changed(m);
}

static unsigned toggle_bit(struct wz_model *m, const struct wz_row *r)
{
	if (r->kind != WZ_ROW_BIT)
		return 0;
	enum va_field f = (enum va_field)r->a;
	uint64_t v = m->st.presence[f] == VA_ABSENT ? 0 : m->st.field[f];
	va_state_set_field(&m->st, f, v ^ (1ull << r->b));
	return changed(m);
}

static unsigned cycle_entry_word(struct wz_model *m, enum va_entry_fact e)
{
	size_t nw, mine[16], count = 0, next = 0;
	const struct va_entry_word *w = va_entry_words(&nw);
	uint64_t now = va_entry_given(&m->st, e) ? m->st.entry[e] : va_entry_info(e)->default_value;
	for (size_t i = 0; i < nw && count < 16; i++)
		if (w[i].entry == e) {
			if (w[i].value == now)
				next = count + 1;
			mine[count++] = i;
		}
	if (!count)
		return 0;
	m->st.entry[e] = w[mine[next % count]].value;
	m->st.entry_present |= 1u << e;
	return changed(m);
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
		say(m, 1, "%s is not shown on any step", va_field_name(target));
	return WZ_REDRAW;
}

static unsigned activate(struct wz_model *m)
{
	const struct wz_row *r = current(m);
	if (!r)
		return 0;
	switch (r->kind) {
	case WZ_ROW_PROFILE: return load_profile(m, r->a);
	case WZ_ROW_BIT: return toggle_bit(m, r);
	case WZ_ROW_FINDING: return jump_from_finding(m, r->a);
	case WZ_ROW_ENTRY:
		if (va_entry_info((enum va_entry_fact)r->a)->kind == VA_KIND_WORD)
			return cycle_entry_word(m, (enum va_entry_fact)r->a);
		start_edit(m, r);
		return WZ_REDRAW;
	case WZ_ROW_FIELD: case WZ_ROW_MSR: case WZ_ROW_FACT: case WZ_ROW_MEMORY: case WZ_ROW_MEMORY_ADD:
		start_edit(m, r);
		return WZ_REDRAW;
	default:
		return 0;
	}
}

/* ---- Search, filter, save ---- */

/* Complete the typed field name to the longest common prefix. */
static void complete_field(struct wz_model *m)
{
	size_t n = m->line_len, common = 0;
	const char *first = NULL;
	unsigned count = 0;
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		const char *name = va_field_name((enum va_field)f);
		if (strncasecmp(name, m->line, n))
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
		say(m, 1, "no field starts with '%s'", m->line);
		return;
	}
	if (common >= n) {
		snprintf(m->line, sizeof m->line, "%.*s", (int)common, first);
		m->line_len = strlen(m->line);
	}
	say(m, 0, count == 1 ? "%u field" : "%u fields match", count);
}

static unsigned commit_search(struct wz_model *m)
{
	enum va_field f = va_field_by_name(m->line, m->line_len);
	if (!f) {
		unsigned count = 0;
		for (unsigned g = 1; g < FLD_COUNT; g++)
			if (!strncasecmp(va_field_name((enum va_field)g), m->line, m->line_len)) {
				f = (enum va_field)g;
				count++;
			}
		if (count != 1) {
			say(m, 1, count ? "'%s' names several fields: Tab completes" : "no field '%s'", m->line);
			return WZ_REDRAW;
		}
	}
	m->mode = WZ_MODE_LIST;
	m->message[0] = '\0';
	wz_goto_field(m, f);
	return WZ_REDRAW;
}

static int file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

static unsigned save_to(struct wz_model *m, const char *path, enum va_save_mode mode)
{
	struct va_error err = { 0 };
	if (va_state_save(path, &m->st, mode, &err)) {
		say(m, 1, "not saved: %s: %s", path, err.message);
		return WZ_REDRAW;
	}
	if (path != m->path)
		snprintf(m->path, sizeof m->path, "%s", path);
	m->dirty = 0;
	wz_recovery_clear(m);
	say(m, 0, "saved %s", path);
	return WZ_REDRAW;
}

static unsigned commit_save_as(struct wz_model *m)
{
	if (!m->line_len) {
		say(m, 1, "type a file name, or Esc");
		return WZ_REDRAW;
	}
	m->mode = WZ_MODE_LIST;
	if (file_exists(m->line)) {
		snprintf(m->pending_path, sizeof m->pending_path, "%s", m->line);
		m->mode = WZ_MODE_ASK;
		m->question = WZ_ASK_REPLACE;
		return WZ_REDRAW;
	}
	return save_to(m, m->line, VA_SAVE_NEW);
}

/* ---- The keys of each mode ---- */

static unsigned key_line(struct wz_model *m, int key)
{
	enum wz_action a = wz_key_action(WZ_GROUP_EDIT, key);
	switch (a) {
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
		case WZ_MODE_EDIT: return commit_edit(m);
		case WZ_MODE_SEARCH: return commit_search(m);
		case WZ_MODE_SAVE_AS: return commit_save_as(m);
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
	case WZ_ACT_ERASE:
		if (m->line_len)
			m->line[--m->line_len] = '\0';
		break;
	default:
		if (key < 0x20 || key > 0x7e || m->line_len + 1 >= sizeof m->line)
			return 0;
		m->line[m->line_len++] = (char)key;
		m->line[m->line_len] = '\0';
		break;
	}
	if (m->mode == WZ_MODE_FILTER) {
		snprintf(m->filter, sizeof m->filter, "%s", m->line);
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
			return save_to(m, m->pending_path, VA_SAVE_REPLACE);
		say(m, 0, "not saved");
		break;
	case WZ_ASK_RESTORE:
		if (a == WZ_ACT_YES) {
			char path[sizeof m->recovery];
			snprintf(path, sizeof path, "%s", m->recovery);
			char saved_path[sizeof m->path];
			snprintf(saved_path, sizeof saved_path, "%s", m->path);
			if (wz_open(m, path) == 0) {
				snprintf(m->path, sizeof m->path, "%s", saved_path);
				m->dirty = 1;
				say(m, 0, "restored the autosaved state (not yet saved: s saves)");
				return WZ_REDRAW | WZ_CHANGED;
			}
		} else if (a == WZ_ACT_NO) {
			wz_recovery_clear(m);
			say(m, 0, "the autosaved state was discarded");
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
		open_text(m, "", NULL);
		return WZ_REDRAW;
	}
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
	if ((key < 0x20 && key != '\n' && key != '\t') || key > 0xff || m->paste_len + 2 > PASTE_MAX)
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

static unsigned key_list(struct wz_model *m, int key)
{
	enum wz_action a = wz_key_action(WZ_GROUP_ANY, key);
	if (a == WZ_ACT_NONE)
		a = wz_key_action(WZ_GROUP_LIST, key);
	const struct wz_row *r = current(m);
	int page = m->rows - 6 > 1 ? m->rows - 6 : 1;
	m->message[0] = '\0';
	switch (a) {
	case WZ_ACT_REVIEW: return go_step(m, WZ_STEP_REVIEW);
	case WZ_ACT_STEP1: case WZ_ACT_STEP2: case WZ_ACT_STEP3:
	case WZ_ACT_STEP4: case WZ_ACT_STEP5: case WZ_ACT_STEP6:
		return go_step(m, WZ_STEP_PROCESSOR + (int)(a - WZ_ACT_STEP1));
	case WZ_ACT_NEXT_STEP: return go_step(m, (int)m->step + 1);
	case WZ_ACT_PREV_STEP: return go_step(m, (int)m->step - 1);
	case WZ_ACT_SAVE:
		if (m->path[0])
			return save_to(m, m->path, VA_SAVE_REPLACE);
		open_line(m, WZ_MODE_SAVE_AS, "");
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
			open_line(m, WZ_MODE_FILTER, m->filter);
		else
			open_line(m, WZ_MODE_SEARCH, "");
		return WZ_REDRAW;
	case WZ_ACT_HELP:
		if (key == '?' && r && r->kind == WZ_ROW_FINDING)
			open_text(m, "Explanation (what 'vmcs-audit explain' prints)", explain_text(m->report.findings[r->a].rule));
		else
			open_text(m, "Keys", wz_help_text());
		return WZ_REDRAW;
	case WZ_ACT_PASTE:
		m->mode = WZ_MODE_PASTE;
		free(m->paste);
		m->paste = NULL;
		m->paste_len = 0;
		return WZ_REDRAW;
	case WZ_ACT_SHOW_ALL:
		m->show_all = !m->show_all;
		wz_refresh(m);
		return WZ_REDRAW;
	case WZ_ACT_UP: return move(m, -1);
	case WZ_ACT_DOWN: return move(m, 1);
	case WZ_ACT_PAGE_UP: return move(m, -page);
	case WZ_ACT_PAGE_DOWN: return move(m, page);
	case WZ_ACT_HOME: m->cursor[m->step] = 0; m->top[m->step] = 0; wz_refresh(m); return WZ_REDRAW;
	case WZ_ACT_END: m->cursor[m->step] = m->nrows - 1; wz_refresh(m); return WZ_REDRAW;
	case WZ_ACT_ACTIVATE: return activate(m);
	case WZ_ACT_TOGGLE: return r ? toggle_bit(m, r) : 0;
	case WZ_ACT_ABSENT: return r ? toggle_absent(m, r) : 0;
	default:
		return 0;
	}
}

unsigned wz_key(struct wz_model *m, int key)
{
	switch (m->mode) {
	case WZ_MODE_EDIT: case WZ_MODE_FILTER: case WZ_MODE_SEARCH: case WZ_MODE_SAVE_AS:
		return key_line(m, key);
	case WZ_MODE_ASK: return key_ask(m, key);
	case WZ_MODE_TEXT: return key_text(m, key);
	case WZ_MODE_PASTE: return key_paste_box(m, key);
	default: return key_list(m, key);
	}
}
