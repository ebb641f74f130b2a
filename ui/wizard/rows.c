/*
 * The rows of each step, from the tables: fields from the field table,
 * bits from the bit names, MSRs and facts from their lists, findings from
 * the report.  Which fields are listed follows the audit (asked.h).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../auditor/input/complete.h"
#include "../../auditor/input/profiles.h"
#include "../../auditor/report/render.h"
#include "model.h"
#include "view.h"

/* s padded with blanks to `width` columns (printf pads bytes, and the
 * absent mark is one column of three bytes). */
static const char *pad(const char *s, int width, char *buf, size_t size)
{
	int cols;
	size_t bytes = wz_utf8_prefix(s, 1 << 20, &cols);
	snprintf(buf, size, "%.*s%*s", (int)bytes, s, cols < width ? width - cols : 0, "");
	return buf;
}

struct wz_row *wz_row_add(struct wz_model *m, enum wz_row_kind kind, enum wz_role role,
			  const char *fmt, ...)
{
	static struct wz_row overflow;
	if (m->nrows == m->row_cap) {
		int cap = m->row_cap ? m->row_cap * 2 : 256;
		struct wz_row *r = realloc(m->row, (size_t)cap * sizeof *r);
		if (!r)
			return memset(&overflow, 0, sizeof overflow);
		m->row = r;
		m->row_cap = cap;
	}
	struct wz_row *r = &m->row[m->nrows++];
	memset(r, 0, offsetof(struct wz_row, text));
	r->kind = (uint8_t)kind;
	r->role = (uint8_t)role;
	r->marker = ' ';
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->text, sizeof r->text, fmt, ap);
	va_end(ap);
	return r;
}

void wz_row_add_wrapped(struct wz_model *m, enum wz_row_kind kind, enum wz_role role, uint16_t a,
			int indent, const char *text, int width)
{
	int avail = width - indent;
	if (avail < 20)
		avail = 20;
	const char *s = text;
	do {
		int n = (int)strlen(s);
		if (n > avail) {
			int cut = avail;
			while (cut > avail / 2 && s[cut] != ' ')
				cut--;
			if (s[cut] != ' ')
				cut = avail;
			n = cut;
		}
		struct wz_row *r = wz_row_add(m, kind, role, "%*s%.*s", indent, "", n, s);
		r->a = a;
		s += n;
		while (*s == ' ')
			s++;
	} while (*s);
}

void wz_format_value(const struct wz_model *m, enum va_field f, char *buf, size_t size)
{
	const struct va_state *st = &m->st;
	if (st->presence[f] == VA_ABSENT) {
		snprintf(buf, size, "%s", m->utf8 ? "\u2014" : "-");
		return;
	}
	unsigned bits = va_field_bits(f);
	int digits = bits <= 16 ? 4 : bits <= 32 ? 8 : 16;
	snprintf(buf, size, "0x%0*" PRIx64 "%s", digits, st->field[f],
		 st->presence[f] == VA_UNSET ? " (0: not written)" : "");
}

/* Named bits that are 1, for a value column ("PE PG"). */
static void bit_words(enum va_bitset set, uint64_t v, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (unsigned b = 0; b < 64 && used + 1 < size; b++) {
		if (!((v >> b) & 1))
			continue;
		const char *name = va_bit_name(set, b);
		int n = name ? snprintf(buf + used, size - used, "%s%s", used ? " " : "", name)
			     : snprintf(buf + used, size - used, "%sbit%u", used ? " " : "", b);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

/* The decoded meaning of a value, where the tables know the bits. */
static void decode(const struct wz_model *m, enum va_field f, char *buf, size_t size)
{
	static const char *const activity[] = { "active", "HLT", "shutdown", "wait-for-SIPI" };
	const char *name = va_field_name(f);
	uint64_t v = m->st.field[f];
	buf[0] = '\0';
	if (m->st.presence[f] == VA_ABSENT)
		return;
	if (ends_with(name, "_AR_BYTES")) {
		/* type and DPL as numbers, the one-bit flags by name where 1 */
		if (v & (1u << 16))
			snprintf(buf, size, "unusable");
		else
			snprintf(buf, size, "type %" PRIu64 " DPL %" PRIu64 "%s%s%s%s%s%s", v & 15, (v >> 5) & 3,
				 (v >> 4) & 1 ? " S" : "", (v >> 7) & 1 ? " P" : "", (v >> 12) & 1 ? " AVL" : "",
				 (v >> 13) & 1 ? " L" : "", (v >> 14) & 1 ? " D/B" : "", (v >> 15) & 1 ? " G" : "");
		return;
	}
	if (ends_with(name, "ACTIVITY_STATE")) {
		snprintf(buf, size, "%s", v < 4 ? activity[v] : "reserved");
		return;
	}
	/* The control vectors are bit lists of their own on the Controls step. */
	enum va_bitset set = va_field_bitset(f);
	if (set != VA_BITS_NONE && set != VA_BITS_AR && !(set >= VA_BITS_PIN && set <= VA_BITS_ENTRY))
		bit_words(set, v, buf, size);
}

static int listed(const struct wz_model *m, enum va_field f)
{
	return m->show_all || m->asked[f] || m->st.presence[f] == VA_SET;
}

static void add_field(struct wz_model *m, enum va_field f, int indent)
{
	char value[48], extra[160];
	wz_format_value(m, f, value, sizeof value);
	decode(m, f, extra, sizeof extra);
	enum wz_role role = m->failing[f] ? WZ_ROLE_FAIL
			  : m->st.presence[f] == VA_SET ? WZ_ROLE_NORMAL : WZ_ROLE_DIM;
	char padded[64];
	struct wz_row *r = wz_row_add(m, WZ_ROW_FIELD, role, "%*s%-*s %s %s", indent, "", 26 - indent,
			       va_field_name(f), pad(value, va_field_bits(f) > 32 ? 18 : 10, padded, sizeof padded),
			       extra);
	r->a = (uint16_t)f;
	r->marker = m->failing[f] ? '!' : ' ';
}

/* ---- Processor ---- */

/* The bit set a capability MSR describes, and whether it has the
 * allowed-0/allowed-1 halves (else it is a 64-bit allowed-1 mask). */
static enum va_bitset cap_bitset(enum va_msr msr, int *halves)
{
	*halves = 1;
	switch (msr) {
	case MSR_IA32_VMX_PINBASED_CTLS: case MSR_IA32_VMX_TRUE_PINBASED_CTLS: return VA_BITS_PIN;
	case MSR_IA32_VMX_PROCBASED_CTLS: case MSR_IA32_VMX_TRUE_PROCBASED_CTLS: return VA_BITS_PROC;
	case MSR_IA32_VMX_PROCBASED_CTLS2: return VA_BITS_PROC2;
	case MSR_IA32_VMX_EXIT_CTLS: case MSR_IA32_VMX_TRUE_EXIT_CTLS: return VA_BITS_EXIT;
	case MSR_IA32_VMX_ENTRY_CTLS: case MSR_IA32_VMX_TRUE_ENTRY_CTLS: return VA_BITS_ENTRY;
	case MSR_IA32_VMX_PROCBASED_CTLS3: *halves = 0; return VA_BITS_PROC3;
	case MSR_IA32_VMX_EXIT_CTLS2: *halves = 0; return VA_BITS_EXIT2;
	default: return VA_BITS_NONE;
	}
}

const char *wz_cap_word(uint64_t cap, int halves, unsigned bit)
{
	int must1 = halves && bit < 32 && ((cap >> bit) & 1);
	int may1 = halves ? bit < 32 && ((cap >> (32 + bit)) & 1) : (int)((cap >> bit) & 1);
	if (must1 && !may1)
		return "contradictory";
	return must1 ? "forced 1" : may1 ? "free" : "forbidden";
}

/* The TRUE_ MSRs replace the plain ones when IA32_VMX_BASIC[55] is 1. */
static int effective_cap(const struct va_state *st, enum va_msr msr)
{
	int basic55 = va_msr_known(st, MSR_IA32_VMX_BASIC) && ((st->msr[MSR_IA32_VMX_BASIC] >> 55) & 1);
	switch (msr) {
	case MSR_IA32_VMX_PINBASED_CTLS: case MSR_IA32_VMX_PROCBASED_CTLS:
	case MSR_IA32_VMX_EXIT_CTLS: case MSR_IA32_VMX_ENTRY_CTLS:
		return !basic55;
	case MSR_IA32_VMX_TRUE_PINBASED_CTLS: case MSR_IA32_VMX_TRUE_PROCBASED_CTLS:
	case MSR_IA32_VMX_TRUE_EXIT_CTLS: case MSR_IA32_VMX_TRUE_ENTRY_CTLS:
		return basic55;
	default:
		return 1;
	}
}

static int profile_matches(const struct va_profile *p, const char *what, const char *filter)
{
	if (!*filter)
		return 1;
	size_t n = strlen(filter);
	for (const char *hay[2] = { p->name, what }, **h = hay; h < hay + 2; h++)
		for (const char *s = *h; *s; s++)
			if (!strncasecmp(s, filter, n))
				return 1;
	return 0;
}

static void rows_processor(struct wz_model *m)
{
	char what[256], source[256], value[40], padded[64];
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Built-in profiles (Enter loads, / filters)%s%s",
	    m->filter[0] ? ": " : "", m->filter);
	/* Unfiltered, a few: the list is long and filtering is how to pick. */
	unsigned shown = 0, hidden = 0, few = m->filter[0] || m->show_all ? ~0u : 6;
	for (unsigned i = 0; i < va_profile_count; i++) {
		va_profile_provenance(&va_profiles[i], what, sizeof what, source, sizeof source);
		if (!profile_matches(&va_profiles[i], what, m->filter))
			continue;
		if (shown == few) {
			hidden++;
			continue;
		}
		wz_row_add(m, WZ_ROW_PROFILE, WZ_ROLE_NORMAL, "%-30s %s", va_profiles[i].name, what)->a = (uint16_t)i;
		shown++;
	}
	if (hidden)
		wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_DIM, "  ... %u more: / filters, a shows all", hidden);
	if (!shown)
		wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_DIM, "  no profile matches '%s'", m->filter);
	wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, "%s", "");
	wz_row_add(m, WZ_ROW_TEMPLATE, m->st.msr_present ? WZ_ROLE_NORMAL : WZ_ROLE_DIM,
		   "Start from a template (t): a state that passes on this CPU");
	wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, "%s", "");
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Capability MSRs (Enter edits, p pastes an rdmsr listing)");
	for (unsigned k = 0; k < MSR_COUNT; k++) {
		enum va_msr msr = (enum va_msr)k;
		int known = va_msr_known(&m->st, msr);
		if (known)
			snprintf(value, sizeof value, "0x%016" PRIx64, m->st.msr[k]);
		else
			snprintf(value, sizeof value, "%s", m->utf8 ? "\u2014" : "-");
		char name[48];
		snprintf(name, sizeof name, "%s (0x%" PRIx32 ")", va_msr_name(msr), va_msr_number(msr));
		wz_row_add(m, WZ_ROW_MSR, known ? WZ_ROLE_NORMAL : WZ_ROLE_DIM, "%-37s %s", name, value)->a = (uint16_t)k;
		int halves;
		enum va_bitset set = cap_bitset(msr, &halves);
		if (!known || set == VA_BITS_NONE || (!m->show_all && !effective_cap(&m->st, msr)))
			continue;
		for (unsigned b = 0; b < (halves ? 32u : 64u); b++) {
			const char *bn = va_bit_name(set, b);
			if (!bn)
				continue;
			const char *word = wz_cap_word(m->st.msr[k], halves, b);
			struct wz_row *r = wz_row_add(m, WZ_ROW_CAP_BIT, !strcmp(word, "free") ? WZ_ROLE_NORMAL : WZ_ROLE_DIM,
					       "    bit %-2u %-32s %s", b, bn, word);
			r->a = (uint16_t)k;
			r->b = (uint16_t)b;
		}
	}
	wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, "%s", "");
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "CPU facts");
	for (unsigned k = 0; k < FACT_COUNT; k++) {
		const struct va_fact_info *fi = va_fact_info((enum va_fact)k);
		if (va_fact_known(&m->st, (enum va_fact)k))
			snprintf(value, sizeof value, "%" PRIu64, m->st.fact[k]);
		else if (fi->has_default)
			snprintf(value, sizeof value, "0x%" PRIx64 " (default)", fi->default_value);
		else
			snprintf(value, sizeof value, "%s", m->utf8 ? "\u2014" : "-");
		wz_row_add(m, WZ_ROW_FACT, va_fact_known(&m->st, (enum va_fact)k) ? WZ_ROLE_NORMAL : WZ_ROLE_DIM,
		    "%-24s %s %s", fi->key, pad(value, 18, padded, sizeof padded), fi->doc)->a = (uint16_t)k;
	}
}

/* ---- Controls ---- */

/* The capability of a control vector, as the engine derives it. */
static int vector_cap(const struct wz_model *m, const struct va_ctx *c, enum va_vec v,
		      uint64_t *cap, int *halves)
{
	*halves = 1;
	switch (v) {
	case VEC_PIN: *cap = c->pincap; return (c->have & VA_NEED_PINCAP) != 0;
	case VEC_PROC: *cap = c->proccap; return (c->have & VA_NEED_PROCCAP) != 0;
	case VEC_EXIT: *cap = c->exitcap; return (c->have & VA_NEED_EXITCAP) != 0;
	case VEC_ENTRY: *cap = c->entrycap; return (c->have & VA_NEED_ENTRYCAP) != 0;
	case VEC_SEC: *cap = m->st.msr[MSR_IA32_VMX_PROCBASED_CTLS2];
		return va_msr_known(&m->st, MSR_IA32_VMX_PROCBASED_CTLS2);
	case VEC_TER: *halves = 0; *cap = m->st.msr[MSR_IA32_VMX_PROCBASED_CTLS3];
		return va_msr_known(&m->st, MSR_IA32_VMX_PROCBASED_CTLS3);
	case VEC_EXIT2: *halves = 0; *cap = m->st.msr[MSR_IA32_VMX_EXIT_CTLS2];
		return va_msr_known(&m->st, MSR_IA32_VMX_EXIT_CTLS2);
	default: return 0;
	}
}

enum va_field wz_vector_field(enum va_vec v)
{
	const char *name = va_bitset_name(va_vec_bitset(v));
	return va_field_by_name(name, strlen(name));
}

static void rows_controls(struct wz_model *m)
{
	struct va_ctx ctx;
	va_ctx_init(&ctx, &m->st);
	uint8_t vector_field[FLD_COUNT] = { 0 };
	for (int v = VEC_PIN; v <= VEC_ENTRY; v++) {
		enum va_field f = wz_vector_field((enum va_vec)v);
		vector_field[f] = 1;
		if (!listed(m, f) && v != VEC_PIN && v != VEC_PROC && v != VEC_EXIT && v != VEC_ENTRY)
			continue;
		enum va_bitset set = va_vec_bitset((enum va_vec)v);
		uint64_t cap;
		int halves, have_cap = vector_cap(m, &ctx, (enum va_vec)v, &cap, &halves);
		add_field(m, f, 0);
		m->row[m->nrows - 1].role = WZ_ROLE_HEADING;
		unsigned nbits = va_field_bits(f);
		for (unsigned b = 0; b < nbits; b++) {
			const char *bn = va_bit_name(set, b);
			int on = m->st.presence[f] != VA_ABSENT && ((m->st.field[f] >> b) & 1);
			if (!bn && !on)
				continue;
			const char *word = have_cap ? wz_cap_word(cap, halves, b) : "";
			int bad = have_cap && ((on && !strcmp(word, "forbidden")) ||
					       (!on && !strcmp(word, "forced 1")));
			struct wz_row *r = wz_row_add(m, WZ_ROW_BIT, bad ? WZ_ROLE_FAIL : m->st.presence[f] == VA_ABSENT
					       ? WZ_ROLE_DIM : WZ_ROLE_NORMAL, "  [%c] %-2u %-36s %s",
					       m->st.presence[f] == VA_ABSENT ? '?' : on ? 'x' : ' ', b,
					       bn ? bn : "(reserved)", word);
			r->a = (uint16_t)f;
			r->b = (uint16_t)b;
			r->marker = bad ? '!' : ' ';
		}
	}
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Other control fields");
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (va_field_area((enum va_field)f) == VA_AREA_CONTROL && !vector_field[f] &&
		    listed(m, (enum va_field)f))
			add_field(m, (enum va_field)f, 2);
}

/* ---- Host and guest state ---- */

/* Groups as the SDM lists the state (24.4, 24.5), told apart by name. */
enum group { G_CR, G_SEG, G_DT, G_MSR, G_REGS, G_OTHER, G_COUNT };
static const char *const group_title[G_COUNT] = {
	"Control registers", "Segment registers", "Descriptor tables", "MSRs",
	"RIP, RSP, RFLAGS, SSP", "Non-register state",
};

static int contains(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

static enum group field_group(enum va_field f)
{
	const char *n = va_field_name(f);
	if (ends_with(n, "_CR0") || ends_with(n, "_CR3") || ends_with(n, "_CR4") || ends_with(n, "_DR7"))
		return G_CR;
	if (contains(n, "GDTR") || contains(n, "IDTR"))
		return G_DT;
	if (ends_with(n, "_SELECTOR") || ends_with(n, "_AR_BYTES") || ends_with(n, "_LIMIT") ||
	    ends_with(n, "S_BASE") || ends_with(n, "TR_BASE"))
		return G_SEG;
	if (ends_with(n, "_RIP") || ends_with(n, "_RSP") || ends_with(n, "_RFLAGS") || ends_with(n, "_SSP"))
		return G_REGS;
	if (contains(n, "IA32_") || contains(n, "SYSENTER") || contains(n, "BNDCFGS") ||
	    contains(n, "S_CET") || contains(n, "INTR_SSP_TABLE"))
		return G_MSR;
	return G_OTHER;
}

/* Segment fields row by row: ES selector, base, limit, AR, then CS... */
static void rows_segments(struct wz_model *m, enum va_field_area area)
{
	const char *prefix = area == VA_AREA_GUEST ? "GUEST_" : "HOST_";
	static const char *const parts[] = { "SELECTOR", "BASE", "LIMIT", "AR_BYTES" };
	uint8_t done[FLD_COUNT] = { 0 };
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		if (va_field_area((enum va_field)f) != area || field_group((enum va_field)f) != G_SEG || done[f])
			continue;
		/* The segment's name: between the area prefix and the part. */
		const char *n = va_field_name((enum va_field)f) + strlen(prefix);
		const char *us = strchr(n, '_');
		if (!us)
			continue;
		char seg[16];
		snprintf(seg, sizeof seg, "%.*s", (int)(us - n), n);
		int any = 0;
		for (size_t p = 0; p < 4; p++) {
			char name[64];
			snprintf(name, sizeof name, "%s%s_%s", prefix, seg, parts[p]);
			enum va_field g = va_field_by_name(name, strlen(name));
			if (!g || done[g])
				continue;
			done[g] = 1;
			if (!listed(m, g))
				continue;
			if (!any)
				wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_NORMAL, "  %s", seg);
			any = 1;
			add_field(m, g, 4);
		}
	}
}

static void rows_state(struct wz_model *m, enum va_field_area area)
{
	for (int g = 0; g < G_COUNT; g++) {
		int first = m->nrows;
		wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "%s", group_title[g]);
		if (g == G_SEG)
			rows_segments(m, area);
		else
			for (unsigned f = 1; f < FLD_COUNT; f++)
				if (va_field_area((enum va_field)f) == area && (int)field_group((enum va_field)f) == g &&
				    listed(m, (enum va_field)f))
					add_field(m, (enum va_field)f, 2);
		if (m->nrows == first + 1)
			m->nrows = first;   /* an empty group shows nothing */
	}
}

/* ---- Memory ---- */

static int mem_given(const struct va_state *st, uint64_t addr)
{
	uint64_t v;
	return va_mem_read64(st, addr, &v) == 0;
}

static void add_memory(struct wz_model *m, uint64_t addr, const char *why)
{
	uint64_t v;
	char value[24], padded[64];
	int known = va_mem_read64(&m->st, addr, &v) == 0;
	if (known)
		snprintf(value, sizeof value, "0x%016" PRIx64, v);
	else
		snprintf(value, sizeof value, "%s", m->utf8 ? "\u2014" : "-");
	struct wz_row *r = wz_row_add(m, WZ_ROW_MEMORY, known ? WZ_ROLE_NORMAL : WZ_ROLE_DIM,
			       "  0x%016" PRIx64 "  %s %s", addr, pad(value, 18, padded, sizeof padded), why);
	r->v = addr;
}

/* An MSR-load or -store area: 16 bytes per entry, index then value. */
static void rows_msr_area(struct wz_model *m, enum va_field count_field, enum va_field addr_field)
{
	const struct va_state *st = &m->st;
	if (st->presence[count_field] == VA_ABSENT || st->presence[addr_field] == VA_ABSENT ||
	    !st->field[count_field])
		return;
	uint64_t n = st->field[count_field], base = st->field[addr_field];
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "%s: %" PRIu64 " entries at 0x%" PRIx64,
	    va_field_name(count_field), n, base);
	char why[48];
	for (uint64_t i = 0; i < n && i < 64; i++) {
		snprintf(why, sizeof why, "entry %" PRIu64 ": MSR index", i + 1);
		add_memory(m, base + 16 * i, why);
		snprintf(why, sizeof why, "entry %" PRIu64 ": value", i + 1);
		add_memory(m, base + 16 * i + 8, why);
	}
	if (n > 64)
		wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_DIM, "  ... %" PRIu64 " more entries (the Given list below has them)", n - 64);
}

static void rows_memory(struct wz_model *m)
{
	const struct va_report *rep = &m->report;
	rows_msr_area(m, FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR);
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Asked by rules, not given");
	int any = 0;
	for (unsigned i = 0; i < rep->n_findings; i++) {
		const struct va_finding *f = &rep->findings[i];
		if (f->status != VA_UNKNOWN || f->eval.unknown != VA_UNK_MEMORY)
			continue;
		int dup = 0;
		for (unsigned j = 0; j < i && !dup; j++)
			dup = rep->findings[j].status == VA_UNKNOWN && rep->findings[j].eval.unknown == VA_UNK_MEMORY &&
			      rep->findings[j].eval.unknown_arg == f->eval.unknown_arg;
		if (dup || mem_given(&m->st, f->eval.unknown_arg & ~7ull))
			continue;
		add_memory(m, f->eval.unknown_arg & ~7ull, va_rule_at(f->rule)->id);
		any = 1;
	}
	if (!any)
		wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_DIM, "  nothing: no rule waits for memory");
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "Everything given in [memory]");
	for (size_t i = 0; i < m->st.mem_count; i++)
		add_memory(m, m->st.mem[i].addr, "");
	wz_row_add(m, WZ_ROW_MEMORY_ADD, WZ_ROLE_NORMAL, "  add: Enter, then ADDRESS = VALUE");
}

/* ---- Entry ---- */

void wz_entry_value(const struct wz_model *m, enum va_entry_fact e, char *buf, size_t size)
{
	const struct va_entry_info *ei = va_entry_info(e);
	int given = va_entry_given(&m->st, e);
	const char *how = given ? "" : ei->default_value == VA_DERIVED ? " (derived)" : " (default)";
	if (!given && ei->default_value == VA_DERIVED && e == ENTRY_CURRENT_VMCS_POINTER) {
		snprintf(buf, size, "%s", m->utf8 ? "\u2014" : "-");   /* nothing to derive it from */
		return;
	}
	/* What the audit uses: as given, the default, or derived like the engine. */
	struct va_ctx ctx;
	va_ctx_init(&ctx, &m->st);
	uint64_t v = va_entry_value(&ctx, e);
	size_t nw;
	const struct va_entry_word *w = va_entry_words(&nw);
	for (size_t i = 0; ei->kind == VA_KIND_WORD && i < nw; i++)
		if (w[i].entry == e && w[i].value == v) {
			snprintf(buf, size, "%s%s", w[i].word, how);
			return;
		}
	snprintf(buf, size, "0x%" PRIx64 "%s", v, how);
}

static void rows_entry(struct wz_model *m)
{
	char value[48], padded[64];
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "The VM-entry attempt (Enter edits or cycles, x resets)");
	for (unsigned e = 0; e < ENTRY_COUNT; e++) {
		const struct va_entry_info *ei = va_entry_info((enum va_entry_fact)e);
		wz_entry_value(m, (enum va_entry_fact)e, value, sizeof value);
		wz_row_add(m, WZ_ROW_ENTRY, va_entry_given(&m->st, (enum va_entry_fact)e) ? WZ_ROLE_NORMAL : WZ_ROLE_DIM,
		    "%-22s %s %s", ei->key, pad(value, 20, padded, sizeof padded), ei->doc)->a = (uint16_t)e;
	}
	int first = m->nrows;
	wz_row_add(m, WZ_ROW_HEADING, WZ_ROLE_HEADING, "What the CPU reported (exit information)");
	for (unsigned f = 1; f < FLD_COUNT; f++)
		if (va_field_area((enum va_field)f) == VA_AREA_EXIT_INFO &&
		    (m->show_all || m->st.presence[f] == VA_SET))
			add_field(m, (enum va_field)f, 2);
	if (m->nrows == first + 1)
		wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_DIM, "  none given (a shows every field)");
}

void wz_build_rows(struct wz_model *m)
{
	struct wz_layout l;
	wz_layout(m->rows, m->cols, &l);
	m->nrows = 0;
	switch (m->mode == WZ_MODE_TEMPLATE ? WZ_STEP_COUNT : m->step) {
	case WZ_STEP_COUNT: wz_rows_template(m); break;
	case WZ_STEP_PROCESSOR: rows_processor(m); break;
	case WZ_STEP_CONTROLS: rows_controls(m); break;
	case WZ_STEP_HOST: rows_state(m, VA_AREA_HOST); break;
	case WZ_STEP_GUEST: rows_state(m, VA_AREA_GUEST); break;
	case WZ_STEP_MEMORY: rows_memory(m); break;
	case WZ_STEP_ENTRY: rows_entry(m); break;
	default: wz_rows_review(m, l.main.w - 3); break;
	}
	if (m->nrows == 0)
		wz_row_add(m, WZ_ROW_TEXT, WZ_ROLE_DIM, "nothing to ask here (a shows every field)");
}
