/*
 * QEMU's scripts/kvm/vmxcap, turned back into MSR values where that is
 * exact.  It prints sections (title on its own line) of "name  value"
 * lines: control sections say per named control yes/no/forced/default/?,
 * the others print fields ("Revision 18", single bits yes/no) and, since
 * about 2019, the raw value ("Hex: 0x...").
 *
 * Exact: a section with its Hex line; IA32_VMX_BASIC from its decoded
 * fields (the rest of it is reserved 0).  Rebuilt, and said so in a note:
 * the control MSRs (vmxcap prints only the controls it names; the unnamed
 * SDM "default1" bits are taken as fixed to 1, every other unnamed bit as
 * reserved 0), and Misc / EPT-VPID / VMFUNC without Hex.  Never printed:
 * CR0/CR4 fixed bits, VMCS_ENUM, EXIT_CTLS2.
 */
#include <stdio.h>
#include <string.h>

#include "../text_util.h"
#include "caps_util.h"

enum section_kind {
	FIELDS,         /* named bits and fields of one MSR, maybe with "Hex:" */
	CONTROLS,       /* allowed-0/allowed-1 pairs, maybe with a TRUE MSR */
	ALLOWED1,       /* the tertiary controls: a 64-bit allowed-1 mask */
};

struct named {
	const char *name;
	unsigned char lo, hi;   /* bits; lo == hi: a yes/no bit */
};

struct section {
	const char *title;
	enum section_kind kind;
	enum va_msr msr;
	int true_msr;           /* enum va_msr, or -1 */
	uint32_t default1;      /* SDM "default1" controls (Appendix A) */
	const struct named *names;
	size_t count;
};

#define ROWS(a) a, sizeof a / sizeof a[0]
#define BIT(name, b) { name, b, b }

static const struct named basic_names[] = {
	{ "Revision", 0, 30 }, { "VMCS size", 32, 44 },
	BIT("VMCS restricted to 32 bit addresses", 48), BIT("Dual-monitor support", 49),
	{ "VMCS memory type", 50, 53 }, BIT("INS/OUTS instruction information", 54),
	BIT("IA32_VMX_TRUE_*_CTLS support", 55), BIT("Skip checks on event error code", 56),
};

static const struct named pin_names[] = {
	BIT("External interrupt exiting", 0), BIT("NMI exiting", 3), BIT("Virtual NMIs", 5),
	BIT("Activate VMX-preemption timer", 6), BIT("Process posted interrupts", 7),
};

static const struct named primary_names[] = {
	BIT("Interrupt window exiting", 2), BIT("Use TSC offsetting", 3), BIT("HLT exiting", 7),
	BIT("INVLPG exiting", 9), BIT("MWAIT exiting", 10), BIT("RDPMC exiting", 11),
	BIT("RDTSC exiting", 12), BIT("CR3-load exiting", 15), BIT("CR3-store exiting", 16),
	BIT("Activate tertiary controls", 17), BIT("CR8-load exiting", 19),
	BIT("CR8-store exiting", 20), BIT("Use TPR shadow", 21), BIT("NMI-window exiting", 22),
	BIT("MOV-DR exiting", 23), BIT("Unconditional I/O exiting", 24),
	BIT("Use I/O bitmaps", 25), BIT("Monitor trap flag", 27), BIT("Use MSR bitmaps", 28),
	BIT("MONITOR exiting", 29), BIT("PAUSE exiting", 30),
	BIT("Activate secondary control", 31), BIT("Activate secondary controls", 31),
};

static const struct named secondary_names[] = {
	BIT("Virtualize APIC accesses", 0), BIT("Enable EPT", 1),
	BIT("Descriptor-table exiting", 2), BIT("Enable RDTSCP", 3),
	BIT("Virtualize x2APIC mode", 4), BIT("Enable VPID", 5), BIT("WBINVD exiting", 6),
	BIT("Unrestricted guest", 7), BIT("APIC register emulation", 8),
	BIT("Virtual interrupt delivery", 9), BIT("PAUSE-loop exiting", 10),
	BIT("RDRAND exiting", 11), BIT("Enable INVPCID", 12), BIT("Enable VM functions", 13),
	BIT("VMCS shadowing", 14), BIT("Enable ENCLS exiting", 15), BIT("RDSEED exiting", 16),
	BIT("Enable PML", 17), BIT("EPT-violation #VE", 18),
	BIT("Conceal non-root operation from PT", 19), BIT("Enable XSAVES/XRSTORS", 20),
	BIT("Mode-based execute control (XS/XU)", 22), BIT("Sub-page write permissions", 23),
	BIT("GPA translation for PT", 24), BIT("TSC scaling", 25),
	BIT("User wait and pause", 26), BIT("ENCLV exiting", 28),
};

static const struct named tertiary_names[] = {
	BIT("Enable IPI virtualization", 4),
};

static const struct named exit_names[] = {
	BIT("Save debug controls", 2), BIT("Host address-space size", 9),
	BIT("Load IA32_PERF_GLOBAL_CTRL", 12), BIT("Acknowledge interrupt on exit", 15),
	BIT("Save IA32_PAT", 18), BIT("Load IA32_PAT", 19), BIT("Save IA32_EFER", 20),
	BIT("Load IA32_EFER", 21), BIT("Save VMX-preemption timer value", 22),
	BIT("Clear IA32_BNDCFGS", 23), BIT("Conceal VM exits from PT", 24),
	BIT("Clear IA32_RTIT_CTL", 25),
};

static const struct named entry_names[] = {
	BIT("Load debug controls", 2), BIT("IA-32e mode guest", 9),
	BIT("IA-64 mode guest", 9), /* before 2013 */
	BIT("Entry to SMM", 10), BIT("Deactivate dual-monitor treatment", 11),
	BIT("Load IA32_PERF_GLOBAL_CTRL", 13), BIT("Load IA32_PAT", 14),
	BIT("Load IA32_EFER", 15), BIT("Load IA32_BNDCFGS", 16),
	BIT("Conceal VM entries from PT", 17), BIT("Load IA32_RTIT_CTL", 18),
};

static const struct named misc_names[] = {
	{ "VMX-preemption timer scale (log2)", 0, 4 },
	BIT("Store EFER.LMA into IA-32e mode guest control", 5), BIT("HLT activity state", 6),
	BIT("Shutdown activity state", 7), BIT("Wait-for-SIPI activity state", 8),
	BIT("PT in VMX operation", 14), BIT("IA32_SMBASE support", 15),
	{ "Number of CR3-target values", 16, 24 },
	{ "MSR-load/store count recommendation", 25, 27 },
	{ "MSR-load/store count recommenation", 25, 27 }, /* the 2013 spelling */
	BIT("IA32_SMM_MONITOR_CTL[2] can be set to 1", 28),
	BIT("VMWRITE to VM-exit information fields", 29),
	BIT("Inject event with insn length=0", 30), { "MSEG revision identifier", 32, 63 },
};

static const struct named ept_names[] = {
	BIT("Execute-only EPT translations", 0), BIT("Page-walk length 4", 6),
	BIT("Page-walk length 5", 7), BIT("Paging-structure memory type UC", 8),
	BIT("Paging-structure memory type WB", 14), BIT("2MB EPT pages", 16),
	BIT("1GB EPT pages", 17), BIT("INVEPT supported", 20),
	BIT("EPT accessed and dirty flags", 21),
	BIT("Advanced VM-exit information for EPT violations", 22),
	BIT("Single-context INVEPT", 25), BIT("All-context INVEPT", 26),
	BIT("INVVPID supported", 32), BIT("Individual-address INVVPID", 40),
	BIT("Single-context INVVPID", 41), BIT("All-context INVVPID", 42),
	BIT("Single-context-retaining-globals INVVPID", 43),
};

static const struct named vmfunc_names[] = {
	BIT("EPTP Switching", 0),
};

static const struct section sections[] = {
	{ "Basic VMX Information", FIELDS, MSR_IA32_VMX_BASIC, -1, 0, ROWS(basic_names) },
	{ "pin-based controls", CONTROLS, MSR_IA32_VMX_PINBASED_CTLS,
	  MSR_IA32_VMX_TRUE_PINBASED_CTLS, 0x00000016, ROWS(pin_names) },
	{ "primary processor-based controls", CONTROLS, MSR_IA32_VMX_PROCBASED_CTLS,
	  MSR_IA32_VMX_TRUE_PROCBASED_CTLS, 0x0401e172, ROWS(primary_names) },
	{ "secondary processor-based controls", CONTROLS, MSR_IA32_VMX_PROCBASED_CTLS2, -1, 0,
	  ROWS(secondary_names) },
	{ "tertiary processor-based controls", ALLOWED1, MSR_IA32_VMX_PROCBASED_CTLS3, -1, 0,
	  ROWS(tertiary_names) },
	{ "VM-Exit controls", CONTROLS, MSR_IA32_VMX_EXIT_CTLS, MSR_IA32_VMX_TRUE_EXIT_CTLS,
	  0x00036dff, ROWS(exit_names) },
	{ "VM-Entry controls", CONTROLS, MSR_IA32_VMX_ENTRY_CTLS, MSR_IA32_VMX_TRUE_ENTRY_CTLS,
	  0x000011ff, ROWS(entry_names) },
	{ "Miscellaneous data", FIELDS, MSR_IA32_VMX_MISC, -1, 0, ROWS(misc_names) },
	{ "VPID and EPT capabilities", FIELDS, MSR_IA32_VMX_EPT_VPID_CAP, -1, 0, ROWS(ept_names) },
	{ "VM Functions", FIELDS, MSR_IA32_VMX_VMFUNC, -1, 0, ROWS(vmfunc_names) },
};
#define SECTION_COUNT (sizeof sections / sizeof sections[0])
#define BASIC_TRUE_CTLS 55
#define BASIC_ERROR_CODE_SKIP 56

/* What vmxcap says of one control. */
enum control_word { W_NONE, W_YES, W_NO, W_FORCED, W_DEFAULT, W_INCONSISTENT };
static const char *const control_words[] = { "", "yes", "no", "forced", "default", "?" };

/* What one section of the paste said. */
struct gathered {
	unsigned header_line;   /* 0: not in the paste */
	uint64_t hex;
	unsigned hex_line, hex_col;
	uint64_t bits, known;   /* FIELDS: decoded values; ALLOWED1: yes bits */
	unsigned char word[64]; /* CONTROLS/ALLOWED1: the word per bit */
	unsigned line[64];      /* where each bit (field: its low bit) was given */
	unsigned col[64];
};

/* MSRs are set once each, from what was gathered, so rec only carries the
 * context, not origins. */
struct reader {
	struct va_msr_recorder rec;
	struct gathered got[SECTION_COUNT];
	int current;            /* section index, or -1 */
	struct va_unknown_names unknown;
};

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int text_is(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && !memcmp(s, lit, n);
}

static uint64_t field_mask(const struct named *f)
{
	unsigned width = f->hi - f->lo + 1u;
	return (width >= 64 ? ~0ull : (1ull << width) - 1) << f->lo;
}

static const struct named *find_name(const struct section *sec, const char *s, size_t n)
{
	for (size_t i = 0; i < sec->count; i++)
		if (text_is(s, n, sec->names[i].name))
			return &sec->names[i];
	return NULL;
}

static int find_section(const char *s, size_t n)
{
	for (size_t i = 0; i < SECTION_COUNT; i++)
		if (text_is(s, n, sections[i].title))
			return (int)i;
	return -1;
}

/*
 * "$ sudo ./vmxcap Basic VMX Information": the command and the first title
 * on one line, as a paste that lost its line break shows them.
 */
static int command_then_title(const char *s, size_t n)
{
	const char *title = sections[0].title;
	size_t k = strlen(title);
	if (n <= k + 7 || !text_is(s + n - k, k, title) || !is_blank(s[n - k - 1]))
		return -1;
	for (size_t i = 0; i + 6 <= n - k; i++)
		if (!memcmp(s + i, "vmxcap", 6))
			return 0;
	return -1;
}

static int word_code(const char *s, size_t n)
{
	for (int w = W_YES; w <= W_INCONSISTENT; w++)
		if (text_is(s, n, control_words[w]))
			return w;
	return W_NONE;
}

/* Decimal digits only; -1 if not a number or not below 2^64. */
static int decimal(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* Could `value` be something vmxcap prints in this kind of section? */
static int vmxcap_value(enum section_kind kind, const char *s, size_t n)
{
	uint64_t v;
	if (kind == FIELDS)
		return text_is(s, n, "yes") || text_is(s, n, "no") || !decimal(s, n, &v);
	return word_code(s, n) != W_NONE;
}

static int fail_value(struct reader *r, const struct va_line *l, unsigned col, const char *s,
		      size_t n, const char *name, const char *expected)
{
	va_error_set(r->rec.err, r->rec.file, l->number, col, "vmxcap: '%.*s' is not a value of '%s' "
		     "(expected %s)", (int)(n > 24 ? 24 : n), s, name, expected);
	return -1;
}

static int conflict(struct reader *r, const struct va_line *l, unsigned col, const char *name,
		    unsigned earlier)
{
	va_error_set(r->rec.err, r->rec.file, l->number, col, "vmxcap: '%s' is given again with another "
		     "value (first on line %u)", name, earlier);
	return -1;
}

static int field_entry(struct reader *r, const struct va_line *l, struct gathered *g,
		       const struct named *f, const char *v, size_t vn, unsigned col)
{
	uint64_t x;
	if (f->lo == f->hi) {
		if (text_is(v, vn, "yes"))
			x = 1;
		else if (text_is(v, vn, "no"))
			x = 0;
		else
			return fail_value(r, l, col, v, vn, f->name, "yes or no");
	} else if (decimal(v, vn, &x) || (x >> (f->hi - f->lo) >> 1)) {
		return fail_value(r, l, col, v, vn, f->name, "a decimal number that fits the field");
	}
	uint64_t mask = field_mask(f);
	x <<= f->lo;
	if ((g->known & mask) == mask && (g->bits & mask) != x)
		return conflict(r, l, col, f->name, g->line[f->lo]);
	if ((g->known & mask) != mask) {
		g->line[f->lo] = l->number;
		g->col[f->lo] = col;
	}
	g->bits = (g->bits & ~mask) | x;
	g->known |= mask;
	return 0;
}

static int control_entry(struct reader *r, const struct va_line *l, const struct section *sec,
			 struct gathered *g, const struct named *f, const char *v, size_t vn,
			 unsigned col)
{
	int w = word_code(v, vn);
	/* vmxcap prints "default" only where a TRUE MSR exists, and only
	 * yes/no for the allowed-1-only tertiary controls. */
	if (w == W_NONE || (w == W_DEFAULT && sec->true_msr < 0) ||
	    (sec->kind == ALLOWED1 && w != W_YES && w != W_NO))
		return fail_value(r, l, col, v, vn, f->name,
				  sec->kind == ALLOWED1 ? "yes or no"
				  : sec->true_msr < 0 ? "yes, no, forced or ?"
				  : "yes, no, forced, default or ?");
	if (g->word[f->lo] && g->word[f->lo] != w)
		return conflict(r, l, col, f->name, g->line[f->lo]);
	if (!g->word[f->lo]) {
		g->line[f->lo] = l->number;
		g->col[f->lo] = col;
	}
	g->word[f->lo] = (unsigned char)w;
	g->known |= 1ull << f->lo;
	return 0;
}

static int hex_line(struct reader *r, const struct va_line *l, struct gathered *g, size_t at)
{
	const char *s = l->s + at;
	size_t n = l->n - at;
	unsigned col = l->column + (unsigned)at;
	uint64_t v;
	while (n && is_blank(s[n - 1]))
		n--;
	if (n < 3 || s[0] != '0' || s[1] != 'x' || va_parse_hex(s + 2, n - 2, &v)) {
		va_error_set(r->rec.err, r->rec.file, l->number, col, "vmxcap: '%.*s' is not a hex value",
			     (int)(n > 24 ? 24 : n), s);
		return -1;
	}
	if (g->hex_line && g->hex != v) {
		va_error_set(r->rec.err, r->rec.file, l->number, col, "vmxcap: Hex: %#llx here but %#llx on "
			     "line %u for the same section", (unsigned long long)v,
			     (unsigned long long)g->hex, g->hex_line);
		return -1;
	}
	if (!g->hex_line) {
		g->hex_line = l->number;
		g->hex_col = col;
	}
	g->hex = v;
	return 0;
}

static int read_line(void *ctx, const struct va_line *l)
{
	struct reader *r = ctx;
	size_t n = l->n;
	while (n && is_blank(l->s[n - 1]))
		n--;
	if (!n)
		return 0;
	int s = find_section(l->s, n);
	if (s < 0)
		s = command_then_title(l->s, n);
	if (s >= 0) {
		r->current = s;
		if (!r->got[s].header_line)
			r->got[s].header_line = l->number;
		return 0;
	}
	if (r->current < 0)
		return 0;
	const struct section *sec = &sections[r->current];
	struct gathered *g = &r->got[r->current];
	if (sec->kind == FIELDS && n >= 4 && !memcmp(l->s, "Hex:", 4)) {
		size_t at = 4;
		while (at < n && is_blank(l->s[at]))
			at++;
		return hex_line(r, l, g, at);
	}
	/* "name<padding> value": the value is the last word. */
	size_t v = n;
	while (v && !is_blank(l->s[v - 1]))
		v--;
	size_t name_end = v;
	while (name_end && is_blank(l->s[name_end - 1]))
		name_end--;
	const struct named *f = name_end ? find_name(sec, l->s, name_end) : find_name(sec, l->s, n);
	unsigned col = l->column + (unsigned)v;
	if (!name_end) {
		if (!f) {
			r->current = -1;
			return 0;
		}
		va_error_set(r->rec.err, r->rec.file, l->number, l->column + (unsigned)n,
			     "vmxcap: '%s' has no value: the line looks truncated", f->name);
		return -1;
	}
	if (!f) {
		if (!vmxcap_value(sec->kind, l->s + v, n - v)) {
			/* Not vmxcap's: the listing ended. */
			r->current = -1;
			return 0;
		}
		va_unknown_name(&r->unknown, l->number, l->s, name_end);
		return 0;
	}
	if (sec->kind == FIELDS)
		return field_entry(r, l, g, f, l->s + v, n - v, col);
	return control_entry(r, l, sec, g, f, l->s + v, n - v, col);
}

/* ---- from what was gathered to MSR values ---- */

struct outcome {
	uint32_t set, rebuilt, assumed_true;
	int basic_true_ctls;    /* -1 unknown */
	int error_code_skip_unknown;
};

/* Hex and decoded lines must agree, or the paste was edited. */
static int check_against_hex(struct reader *r, const struct section *sec, const struct gathered *g)
{
	uint64_t diff = (g->bits ^ g->hex) & g->known;
	if (!diff)
		return 0;
	for (size_t i = 0; i < sec->count; i++) {
		const struct named *f = &sec->names[i];
		if (!(diff & field_mask(f)) || !(g->known & (1ull << f->lo)))
			continue;
		va_error_set(r->rec.err, r->rec.file, g->line[f->lo], g->col[f->lo],
			     "vmxcap: '%s' disagrees with Hex: %#llx on line %u", f->name,
			     (unsigned long long)g->hex, g->hex_line);
		return -1;
	}
	return 0;
}

static uint64_t all_fields(const struct section *sec)
{
	uint64_t mask = 0;
	for (size_t i = 0; i < sec->count; i++)
		mask |= field_mask(&sec->names[i]);
	return mask;
}

static int finish_fields(struct reader *r, const struct section *sec, const struct gathered *g,
			 struct outcome *o)
{
	if (g->hex_line) {
		if (check_against_hex(r, sec, g))
			return -1;
		va_msr_put(r->rec.st, sec->msr, g->hex);
	} else if (g->known) {
		va_msr_put(r->rec.st, sec->msr, g->bits);
		uint64_t missing = all_fields(sec) & ~g->known;
		if (sec->msr == MSR_IA32_VMX_BASIC) {
			/* The rest of IA32_VMX_BASIC is reserved 0: exact, unless this
			 * vmxcap predates the error-code line or the paste was cut. */
			o->error_code_skip_unknown = missing == 1ull << BASIC_ERROR_CODE_SKIP;
			if (missing & ~(1ull << BASIC_ERROR_CODE_SKIP))
				o->rebuilt |= 1u << sec->msr;
		} else {
			o->rebuilt |= 1u << sec->msr;
		}
	} else {
		return 0;
	}
	o->set |= 1u << sec->msr;
	if (sec->msr == MSR_IA32_VMX_BASIC) {
		uint64_t v = r->rec.st->msr[MSR_IA32_VMX_BASIC];
		o->basic_true_ctls = (g->hex_line || (g->known >> BASIC_TRUE_CTLS & 1))
					     ? (int)(v >> BASIC_TRUE_CTLS & 1) : -1;
	}
	return 0;
}

static void finish_controls(struct reader *r, const struct section *sec, const struct gathered *g,
			    struct outcome *o)
{
	uint32_t a0 = 0, a1 = 0, true_a0 = 0;
	int any_default = 0;
	for (unsigned b = 0; b < 32; b++) {
		uint32_t bit = 1u << b;
		switch (g->word[b]) {
		case W_YES: a1 |= bit; break;
		case W_FORCED: a0 |= bit; a1 |= bit; true_a0 |= bit; break;
		case W_DEFAULT: a0 |= bit; a1 |= bit; any_default = 1; break;
		case W_INCONSISTENT: a0 |= bit; true_a0 |= bit; break;
		default: break;
		}
	}
	/* Unnamed default1 controls: fixed to 1 in the non-TRUE MSR by the
	 * SDM; in the TRUE MSR only vmxcap's "default" could show otherwise. */
	uint32_t unnamed_default1 = sec->default1 & ~(uint32_t)g->known;
	a0 |= unnamed_default1;
	a1 |= unnamed_default1;
	true_a0 |= unnamed_default1;
	va_msr_put(r->rec.st, sec->msr, (uint64_t)a1 << 32 | a0);
	o->set |= 1u << sec->msr;
	o->rebuilt |= 1u << sec->msr;
	if (sec->true_msr < 0)
		return;
	if (o->basic_true_ctls == 1 || (o->basic_true_ctls < 0 && any_default)) {
		va_msr_put(r->rec.st, (enum va_msr)sec->true_msr, (uint64_t)a1 << 32 | true_a0);
		o->set |= 1u << sec->true_msr;
		o->rebuilt |= 1u << sec->true_msr;
		if (unnamed_default1)
			o->assumed_true |= 1u << sec->true_msr;
	}
}

static void finish_allowed1(struct reader *r, const struct section *sec, const struct gathered *g,
			    struct outcome *o)
{
	uint64_t v = 0;
	for (unsigned b = 0; b < 64; b++)
		if (g->word[b] == W_YES)
			v |= 1ull << b;
	va_msr_put(r->rec.st, sec->msr, v);
	o->set |= 1u << sec->msr;
	o->rebuilt |= 1u << sec->msr;
}

/* "0x481 0x482 ..." for the MSRs in mask. */
static void msr_list(uint32_t mask, char *buf, size_t size)
{
	size_t k = 0;
	buf[0] = '\0';
	for (int m = 0; m < MSR_COUNT && k + 8 < size; m++)
		if (mask >> m & 1)
			k += (size_t)snprintf(buf + k, size - k, "%s%#x", k ? " " : "",
					      va_msr_number((enum va_msr)m));
}

static void final_notes(struct reader *r, const struct outcome *o)
{
	char list[160];
	if (o->rebuilt) {
		msr_list(o->rebuilt, list, sizeof list);
		va_note(r->rec.notes, "vmxcap: %s rebuilt from the bits vmxcap names; unnamed bits are "
			"taken as reserved (0, SDM default1 controls 1): a newer CPU may differ", list);
	}
	if (o->assumed_true) {
		msr_list(o->assumed_true, list, sizeof list);
		va_note(r->rec.notes, "vmxcap: in %s the default1 controls vmxcap does not name are "
			"assumed fixed to 1 (it cannot show whether the TRUE MSR lets them be 0)", list);
	}
	if (o->error_code_skip_unknown)
		va_note(r->rec.notes, "vmxcap: this version does not print IA32_VMX_BASIC bit 56 (VM entry "
			"may skip the error-code checks): taken as 0");
	uint32_t true_msrs = 1u << MSR_IA32_VMX_TRUE_PINBASED_CTLS |
			     1u << MSR_IA32_VMX_TRUE_PROCBASED_CTLS |
			     1u << MSR_IA32_VMX_TRUE_EXIT_CTLS | 1u << MSR_IA32_VMX_TRUE_ENTRY_CTLS;
	if (o->basic_true_ctls < 0 && !(o->set & true_msrs) &&
	    (o->set & (1u << MSR_IA32_VMX_PINBASED_CTLS)))
		va_note(r->rec.notes, "vmxcap: without the Basic section it is unknown whether the CPU has "
			"the IA32_VMX_TRUE_*_CTLS MSRs: they are left unknown");
	uint32_t never = 1u << MSR_IA32_VMX_CR0_FIXED0 | 1u << MSR_IA32_VMX_CR0_FIXED1 |
			 1u << MSR_IA32_VMX_CR4_FIXED0 | 1u << MSR_IA32_VMX_CR4_FIXED1 |
			 1u << MSR_IA32_VMX_VMCS_ENUM | 1u << MSR_IA32_VMX_EXIT_CTLS2;
	uint32_t absent = 0;
	for (size_t i = 0; i < SECTION_COUNT; i++)
		if (!(o->set >> sections[i].msr & 1))
			absent |= 1u << sections[i].msr;
	msr_list(absent & ~never, list, sizeof list);
	va_note(r->rec.notes, "vmxcap does not print IA32_VMX_CR0_FIXED0/1, CR4_FIXED0/1, VMCS_ENUM or "
		"EXIT_CTLS2%s%s: they stay unknown", list[0] ? "; this paste lacks " : "", list);
	if (r->unknown.count)
		va_note(r->rec.notes, "vmxcap: %u name(s) this reader does not know (a newer vmxcap?), "
			"the first '%s' on line %u: their bits are taken as not allowed",
			r->unknown.count, r->unknown.first, r->unknown.line);
}

static int finish(struct reader *r)
{
	struct outcome o = { .basic_true_ctls = -1 };
	/* Basic first: it says whether TRUE MSRs exist. */
	for (size_t i = 0; i < SECTION_COUNT; i++)
		if (sections[i].kind == FIELDS && r->got[i].header_line &&
		    finish_fields(r, &sections[i], &r->got[i], &o))
			return -1;
	for (size_t i = 0; i < SECTION_COUNT; i++) {
		if (!r->got[i].header_line || !r->got[i].known)
			continue;
		if (sections[i].kind == CONTROLS)
			finish_controls(r, &sections[i], &r->got[i], &o);
		else if (sections[i].kind == ALLOWED1)
			finish_allowed1(r, &sections[i], &r->got[i], &o);
	}
	if (o.set)
		final_notes(r, &o);
	return 0;
}

static int read_vmxcap(struct va_state *st, const char *text, size_t len, const char *file,
		       struct va_error *err, struct va_import_notes *notes)
{
	struct reader r = { .current = -1 };
	va_msr_recorder_init(&r.rec, st, file, err, notes);
	if (va_each_line(text, len, read_line, &r))
		return -1;
	return finish(&r);
}

/* A section title on a line of its own; the first two are unmistakable. */
static int detect_line(void *ctx, const struct va_line *l)
{
	int *score = ctx;
	size_t n = l->n;
	while (n && is_blank(l->s[n - 1]))
		n--;
	int s = n >= 10 && n <= 40 ? find_section(l->s, n) : -1;
	if (s < 0 && n > 40)
		s = command_then_title(l->s, n);
	if (s == 0 || s == 2)
		return *score = 100;
	if (s > 0)
		*score = 60;
	return 0;
}

static int detect_vmxcap(const char *text, size_t len)
{
	/* A section title is matched exactly (text_is), so a text without any
	 * of them cannot score: skip the line walk (detection runs every reader
	 * over every input). */
	int any = 0;
	for (size_t i = 0; i < SECTION_COUNT && !any; i++)
		any = va_text_has(text, len, sections[i].title);
	if (!any)
		return 0;
	int score = 0;
	va_each_line(text, len, detect_line, &score);
	return score;
}

const struct va_reader va_reader_vmxcap = {
	.kind = "vmxcap",
	.what = "QEMU scripts/kvm/vmxcap output (controls rebuilt from yes/no/default)",
	.provides = VA_PROVIDES_CAPS,
	.detect = detect_vmxcap,
	.read = read_vmxcap,
};
