/* Editing values: typed text into fields, MSRs, facts, memory; bits
 * toggled; values made absent.  The state changes only through the
 * library's setters. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../auditor/input/state_file.h"
#include "../../auditor/input/text_util.h"
#include "model.h"
#include "view.h"

void wz_start_edit(struct wz_model *m, const struct wz_row *r)
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
	wz_open_line(m, WZ_MODE_EDIT, buf);
	m->line.fresh = buf[0] != '\0';
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

unsigned wz_commit_edit(struct wz_model *m)
{
	const struct wz_row *r = wz_current_row(m);
	uint64_t v;
	if (!r) {
		m->mode = WZ_MODE_LIST;
		return WZ_REDRAW;
	}
	switch (r->kind) {
	case WZ_ROW_FIELD: {
		enum va_field f = (enum va_field)r->a;
		if (is_absent_word(m->line.buf)) {
			va_state_mark_absent(&m->st, f);
			break;
		}
		unsigned bits = va_field_bits(f);
		if (parse(m->line.buf, &v)) {
			wz_say(m, 1, "'%s' is not a number (hex with 0x, or decimal)", m->line.buf);
			return WZ_REDRAW;
		}
		if (bits < 64 && (v >> bits)) {
			wz_say(m, 1, "%s has %u bits: 0x%" PRIx64 " does not fit", va_field_name(f), bits, v);
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
		if (is_absent_word(m->line.buf)) {
			*given &= ~(1u << r->a);
			break;
		}
		int bad = r->kind == WZ_ROW_ENTRY ? parse_entry((enum va_entry_fact)r->a, m->line.buf, &v) : parse(m->line.buf, &v);
		if (bad) {
			wz_say(m, 1, "'%s': %s", m->line.buf, r->kind == WZ_ROW_ENTRY ?
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
		const char *value = m->line.buf;
		char *eq = strchr(m->line.buf, '=');
		if (r->kind == WZ_ROW_MEMORY_ADD) {
			if (!eq) {
				wz_say(m, 1, "type ADDRESS = VALUE, e.g. 0x1000 = 0x0");
				return WZ_REDRAW;
			}
			*eq = '\0';
			if (parse(m->line.buf, &addr) || (addr & 7)) {
				*eq = '=';
				wz_say(m, 1, "the address must be a number and a multiple of 8");
				return WZ_REDRAW;
			}
			*eq = '=';
			value = eq + 1;
		}
		if (parse(value, &v)) {
			wz_say(m, 1, "'%s' is not a number", value);
			return WZ_REDRAW;
		}
		if (va_state_set_memory(&m->st, addr, v)) {
			wz_say(m, 1, "out of memory; the value was not stored");
			return WZ_REDRAW;
		}
		break;
	}
	default:
		break;
	}
	m->mode = WZ_MODE_LIST;
	m->message[0] = '\0';
	return wz_changed(m);
}

/* Make a value absent, or give an absent one again (as 0, then edit). */
unsigned wz_toggle_absent(struct wz_model *m, const struct wz_row *r)
{
	switch (r->kind) {
	case WZ_ROW_FIELD:
	case WZ_ROW_BIT:
		if (m->st.presence[r->a] == VA_ABSENT) {
			va_state_set_field(&m->st, (enum va_field)r->a, 0);
			if (r->kind == WZ_ROW_FIELD)
				wz_start_edit(m, r);
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
	return wz_changed(m);
}

unsigned wz_toggle_bit(struct wz_model *m, const struct wz_row *r)
{
	if (r->kind != WZ_ROW_BIT)
		return 0;
	enum va_field f = (enum va_field)r->a;
	uint64_t v = m->st.presence[f] == VA_ABSENT ? 0 : m->st.field[f];
	va_state_set_field(&m->st, f, v ^ (1ull << r->b));
	return wz_changed(m);
}

unsigned wz_cycle_entry_word(struct wz_model *m, enum va_entry_fact e)
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
	return wz_changed(m);
}

