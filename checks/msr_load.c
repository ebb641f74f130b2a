/*
 * SDM 26.4 Loading MSRs.  After every guest-state check passed, the
 * processor loads the VM-entry MSR-load area entry by entry; the first entry
 * it refuses ends the entry with basic exit reason 34 and that entry's
 * 1-based index as exit qualification.  Entry i is two qwords: bits 31:0 the
 * MSR index, 63:32 reserved, then the value.  The engine reads each entry
 * from [memory] and hands it to the per-entry rules in ctx->msr_entry_lo /
 * ctx->msr_entry_value (also {0} and {1} of the message).
 */
#include "predicates.h"
#include "rule_lists.h"

#define MSR_IA32_BIOS_UPDT_TRIG 0x79u
#define MSR_IA32_BIOS_SIGN_ID 0x8bu
#define MSR_IA32_SMM_MONITOR_CTL 0x9bu
#define MSR_IA32_EFER 0xc0000080u
#define MSR_IA32_FS_BASE 0xc0000100u
#define MSR_IA32_GS_BASE 0xc0000101u
#define X2APIC_FIRST 0x800u
#define X2APIC_LAST 0x8ffu

#define EFER_LME BIT(8)
#define CR0_PG BIT(31)
#define ENTRY_CTL_IA32E 9
#define ENTRY_CTL_LOAD_EFER 15

#define MSR_ENTRY_INDEX BITS(31, 0)
#define MSR_ENTRY_RESERVED BITS(63, 32)

#define HINT_QUAL "The exit qualification is the 1-based number of the refused entry. "
#define HINT_MSRLOAD HINT_QUAL "FS/GS base, x2APIC registers, microcode MSRs and some "      \
	"model-specific MSRs cannot be loaded through the VM-entry MSR-load list."
#define NOTE_XEN "Xen never processes its guest's VM-entry MSR-load area."

/* ---- named helpers ---- */

static uint32_t entry_index(const struct va_ctx *c)
{
	return (uint32_t)(c->msr_entry_lo & MSR_ENTRY_INDEX);
}

static bool in_range(uint32_t x, uint32_t first, uint32_t last)
{
	return x >= first && x <= last;
}

static bool mtrr_type_valid(unsigned type)
{
	return type == 0 || type == 1 || type == 4 || type == 5 || type == 6;
}

/* Bytes of an MTRR value that are not memory types, as a mask of 0xff per
 * bad byte; `bytes` counts the type bytes from bit 0. */
static uint64_t mtrr_bad_bytes(uint64_t value, unsigned bytes)
{
	uint64_t bad = 0;
	for (unsigned i = 0; i < bytes; i++)
		if (!mtrr_type_valid((unsigned)(value >> (8 * i)) & 0xff))
			bad |= 0xffull << (8 * i);
	return bad;
}

/* Recommended maximum length of an MSR list (A.6): 512 * (MISC[27:25] + 1). */
static uint64_t msr_list_max(uint64_t misc)
{
	return 512 * (((misc >> 25) & 7) + 1);
}

/* A fact that has a documented default (efer_valid). */
static uint64_t fact_or_default(const struct va_ctx *c, enum va_fact f)
{
	return va_fact_value(c, f);
}

/* ---- what WRMSR accepts, for the MSRs this table knows ---- */

enum wr_kind {
	WR_ANY,         /* every 64-bit value */
	WR_CANONICAL,   /* a linear address: canonical */
	WR_PAT,         /* eight PAT memory types */
	WR_MTRR_FIXED,  /* eight MTRR memory types */
	WR_MTRR_DEF,    /* IA32_MTRR_DEF_TYPE: type in 7:0, 9:8 and 63:12 reserved */
	WR_EFER,        /* reserved bits per [cpu] efer_valid (LME is its own rule) */
	WR_VALID_MASK,  /* reserved bits per a [cpu] *_valid fact */
	WR_READ_ONLY,   /* WRMSR always faults */
};

struct wr_msr {
	uint32_t first, last;
	uint8_t kind;           /* enum wr_kind */
	uint8_t fact;           /* WR_VALID_MASK: enum va_fact of the valid bits */
	uint8_t need;           /* WR_VALID_MASK: enum va_need_bit of that fact */
};

static const struct wr_msr wr_table[] = {
	{ 0x10, 0x10, WR_ANY, 0, 0 },                   /* IA32_TIME_STAMP_COUNTER */
	{ 0x48, 0x48, WR_VALID_MASK, FACT_SPEC_CTRL_VALID, VA_NEED_BIT_SPEC_CTRL_VALID },
	{ 0xfe, 0xfe, WR_READ_ONLY, 0, 0 },             /* IA32_MTRRCAP */
	{ 0x10a, 0x10a, WR_READ_ONLY, 0, 0 },           /* IA32_ARCH_CAPABILITIES */
	{ 0x175, 0x176, WR_CANONICAL, 0, 0 },           /* IA32_SYSENTER_ESP, _EIP */
	{ 0x179, 0x179, WR_READ_ONLY, 0, 0 },           /* IA32_MCG_CAP */
	{ 0x1d9, 0x1d9, WR_VALID_MASK, FACT_DEBUGCTL_VALID, VA_NEED_BIT_DEBUGCTL_VALID },
	{ 0x250, 0x250, WR_MTRR_FIXED, 0, 0 },          /* IA32_MTRR_FIX64K_00000 */
	{ 0x258, 0x259, WR_MTRR_FIXED, 0, 0 },          /* IA32_MTRR_FIX16K_* */
	{ 0x268, 0x26f, WR_MTRR_FIXED, 0, 0 },          /* IA32_MTRR_FIX4K_* */
	{ 0x277, 0x277, WR_PAT, 0, 0 },                 /* IA32_PAT */
	{ 0x2ff, 0x2ff, WR_MTRR_DEF, 0, 0 },            /* IA32_MTRR_DEF_TYPE */
	{ 0x38f, 0x38f, WR_VALID_MASK, FACT_PERF_GLOBAL_CTRL_VALID,
	  VA_NEED_BIT_PERF_GLOBAL_VALID },              /* IA32_PERF_GLOBAL_CTRL */
	{ 0x480, 0x493, WR_READ_ONLY, 0, 0 },           /* IA32_VMX_* capabilities */
	{ 0x14ce, 0x14ce, WR_VALID_MASK, FACT_LBR_CTL_VALID, VA_NEED_BIT_LBR_VALID },
	{ 0xc0000080, 0xc0000080, WR_EFER, 0, 0 },      /* IA32_EFER */
	{ 0xc0000081, 0xc0000081, WR_ANY, 0, 0 },       /* IA32_STAR */
	{ 0xc0000082, 0xc0000083, WR_CANONICAL, 0, 0 }, /* IA32_LSTAR, IA32_CSTAR */
	{ 0xc0000100, 0xc0000102, WR_CANONICAL, 0, 0 }, /* FS_BASE, GS_BASE, KERNEL_GS_BASE */
};

static const struct wr_msr *wr_lookup(uint32_t index)
{
	for (unsigned i = 0; i < sizeof wr_table / sizeof wr_table[0]; i++)
		if (in_range(index, wr_table[i].first, wr_table[i].last))
			return &wr_table[i];
	return NULL;
}

/* ---- per-entry predicates: {0} first qword, {1} value, {2} MSR index ---- */

static enum va_status entry_reserved_clear(const struct va_ctx *c, const struct va_rule *r,
					   struct va_eval *e)
{
	(void)r;
	e->v[2] = c->msr_entry_lo & MSR_ENTRY_RESERVED;
	return e->v[2] ? VA_FAIL : VA_PASS;
}

/* rule.mask = the refused MSR index */
static enum va_status index_is_not(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	e->v[2] = entry_index(c);
	return e->v[2] == r->mask ? VA_FAIL : VA_PASS;
}

static enum va_status not_x2apic(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	(void)r;
	e->v[2] = entry_index(c);
	return in_range(entry_index(c), X2APIC_FIRST, X2APIC_LAST) ? VA_FAIL : VA_PASS;
}

static enum va_status not_model_refused(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	uint32_t index = entry_index(c);
	e->v[2] = index;
	/* Vol. 4: these "may" be refused on VM entry; which CPUs do is not
	 * documented, so the rule is advisory: a warning, never the verdict. */
	return (index == MSR_IA32_BIOS_UPDT_TRIG || index == MSR_IA32_BIOS_SIGN_ID) ? VA_FAIL : VA_PASS;
}

static enum va_status unknown_need(struct va_eval *e, enum va_need_bit need)
{
	e->unknown = VA_UNK_NEED;
	e->unknown_arg = need;
	return VA_UNKNOWN;
}

/* {3} the bits or bytes at fault */
static enum va_status wrmsr_no_gp(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	(void)r;
	uint32_t index = entry_index(c);
	uint64_t value = c->msr_entry_value;
	const struct wr_msr *m = wr_lookup(index);
	int bad_byte;

	e->v[2] = index;
	e->v[3] = 0;
	if (!m) {
		/* Not an MSR this table knows: whether WRMSR faults depends on the model. */
		e->unknown = VA_UNK_MODEL;
		return VA_UNKNOWN;
	}
	switch ((enum wr_kind)m->kind) {
	case WR_ANY:
		break;
	case WR_CANONICAL:
		if (!(c->have & VA_NEED_LINEAR))
			return unknown_need(e, VA_NEED_BIT_LINEAR);
		if (!va_canonical(value, c->linear_bits))
			e->v[3] = value & BITS(63, c->linear_bits - 1);
		break;
	case WR_PAT:
		bad_byte = va_pat_bad_byte(value);
		if (bad_byte >= 0)
			e->v[3] = 0xffull << (8 * bad_byte);
		break;
	case WR_MTRR_FIXED:
		e->v[3] = mtrr_bad_bytes(value, 8);
		break;
	case WR_MTRR_DEF:
		e->v[3] = mtrr_bad_bytes(value, 1) | (value & (BITS(9, 8) | BITS(63, 12)));
		break;
	case WR_EFER:
		e->v[3] = va_forbidden_bits(value, fact_or_default(c, FACT_EFER_VALID));
		break;
	case WR_VALID_MASK:
		if (!va_fact_have(c, (enum va_fact)m->fact))
			return unknown_need(e, (enum va_need_bit)m->need);
		e->v[3] = va_forbidden_bits(value, c->fact[m->fact]);
		break;
	case WR_READ_ONLY:
		e->v[3] = ~0ull;
		break;
	}
	return e->v[3] ? VA_FAIL : VA_PASS;
}

/* {3} the LME bit the entry established */
static enum va_status efer_lme_unchanged(const struct va_ctx *c, const struct va_rule *r,
					 struct va_eval *e)
{
	(void)r;
	uint64_t entry = c->vec[VEC_ENTRY];
	bool lme;

	e->v[2] = entry_index(c);
	if (entry_index(c) != MSR_IA32_EFER || !(va_get(c, FLD_GUEST_CR0) & CR0_PG))
		return VA_PASS;
	/* 26.3.2.1: with "load IA32_EFER" the field; otherwise, CR0.PG being 1,
	 * LME follows "IA-32e mode guest". */
	if (entry & BIT(ENTRY_CTL_LOAD_EFER))
		lme = (va_get(c, FLD_GUEST_IA32_EFER) & EFER_LME) != 0;
	else
		lme = (entry & BIT(ENTRY_CTL_IA32E)) != 0;
	e->v[3] = lme;
	return ((c->msr_entry_value & EFER_LME) != 0) == lme ? VA_PASS : VA_FAIL;
}

/* {0} count, {1} recommended maximum, {2} IA32_VMX_MISC */
static enum va_status count_within_recommended(const struct va_ctx *c, const struct va_rule *r,
					       struct va_eval *e)
{
	(void)r;
	uint64_t misc = c->st->msr[MSR_IA32_VMX_MISC];
	e->v[0] = (uint32_t)va_get(c, FLD_VM_ENTRY_MSR_LOAD_COUNT);
	e->v[1] = msr_list_max(misc);
	e->v[2] = misc;
	return e->v[0] > e->v[1] ? VA_FAIL : VA_PASS;
}

/* ---- hints that depend on the values ---- */

static const char *wrmsr_hint(const struct va_eval *e)
{
	const struct wr_msr *m = wr_lookup((uint32_t)e->v[2]);
	if (!m)
		return NULL;
	switch ((enum wr_kind)m->kind) {
	case WR_CANONICAL:
		return "This MSR holds a linear address, and WRMSR wants it canonical (bits 63:47 "
		       "equal with 48-bit addresses, 63:56 with 57-bit ones).";
	case WR_PAT:
		return "Each byte of IA32_PAT must be a memory type: 0, 1, 4, 5, 6 or 7.";
	case WR_MTRR_FIXED:
	case WR_MTRR_DEF:
		return "MTRR memory types are 0, 1, 4, 5 and 6 (7 is valid only in IA32_PAT); "
		       "IA32_MTRR_DEF_TYPE also has bits 9:8 and 63:12 reserved.";
	case WR_EFER:
		return "IA32_EFER has reserved bits set; the valid ones are [cpu] efer_valid "
		       "(default SCE, LME, LMA, NXE).";
	case WR_VALID_MASK:
		return "The value sets bits this processor does not implement in this MSR (see "
		       "the matching [cpu] *_valid fact).";
	case WR_READ_ONLY:
		return "This MSR is read-only: WRMSR to it always faults. Drop it from the list.";
	default:
		return NULL;
	}
}

const struct va_rule va_rules_msr_load[] = {
	{
		.id = "MSRLOAD.ENTRY.RESERVED", .sdm = "26.4",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_ENTRY_FAILURE, .code = 34,
		.flags = VA_RULE_PER_MSR_ENTRY,
		.summary = "Bits 63:32 of each entry's first qword (next to the MSR index) are 0",
		.message = "the entry's first qword is {0}: bits 63:32 are reserved and must be 0 "
			   "(set: {2}); bits 31:0 hold the MSR index",
		.hint = HINT_QUAL "The first qword of an entry is a 32-bit MSR index and 32 "
			"reserved bits; an index written as a 64-bit value with garbage above, or "
			"index and value swapped, trips this.",
		.notes = "Bochs, KVM and VirtualBox check it (VirtualBox reports the entry 0-based "
			 "instead of 1-based). " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = entry_reserved_clear,
	},
	{
		.id = "MSRLOAD.ENTRY.FS_BASE", .sdm = "26.4",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_ENTRY_FAILURE, .code = 34,
		.flags = VA_RULE_PER_MSR_ENTRY,
		.summary = "No entry loads IA32_FS_BASE (C0000100H)",
		.message = "the entry loads MSR {2} (IA32_FS_BASE) with {1}: VM entry never loads FS "
			   "base from the MSR-load area",
		.hint = HINT_QUAL "Put the guest's FS base in GUEST_FS_BASE (680EH) instead.",
		.notes = "Bochs, KVM and VirtualBox refuse it. " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = index_is_not, .mask = MSR_IA32_FS_BASE,
	},
	{
		.id = "MSRLOAD.ENTRY.GS_BASE", .sdm = "26.4",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_ENTRY_FAILURE, .code = 34,
		.flags = VA_RULE_PER_MSR_ENTRY,
		.summary = "No entry loads IA32_GS_BASE (C0000101H)",
		.message = "the entry loads MSR {2} (IA32_GS_BASE) with {1}: VM entry never loads GS "
			   "base from the MSR-load area",
		.hint = HINT_QUAL "Put the guest's GS base in GUEST_GS_BASE (6810H) instead; "
			"IA32_KERNEL_GS_BASE (C0000102H) may be loaded through the list.",
		.notes = "Bochs, KVM and VirtualBox refuse it. " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = index_is_not, .mask = MSR_IA32_GS_BASE,
	},
	{
		.id = "MSRLOAD.ENTRY.X2APIC", .sdm = "26.4",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_ENTRY_FAILURE, .code = 34,
		.flags = VA_RULE_PER_MSR_ENTRY,
		.summary = "No entry loads an x2APIC MSR (index 800H-8FFH), whatever the APIC mode",
		.message = "the entry loads MSR {2}, in the x2APIC range 800H-8FFH: VM entry never "
			   "loads these, whatever the APIC mode",
		.hint = HINT_QUAL "Guest APIC state belongs in the virtual-APIC page (APIC "
			"virtualisation), not in the MSR-load list.",
		.notes = "KVM refuses these only while its vCPU's APIC is in x2APIC mode; the SDM "
			 "refuses them in every mode. Bochs and VirtualBox follow the SDM. " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = not_x2apic,
	},
	{
		.id = "MSRLOAD.ENTRY.SMM_ONLY", .sdm = "26.4",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_ENTRY_FAILURE, .code = 34,
		.flags = VA_RULE_PER_MSR_ENTRY,
		.summary = "Outside SMM, no entry loads an MSR writable only in SMM "
			   "(IA32_SMM_MONITOR_CTL, 9BH)",
		.message = "the entry loads MSR {2} (IA32_SMM_MONITOR_CTL) with {1}, which only SMM "
			   "can write, and the VM entry did not begin in SMM",
		.hint = HINT_QUAL "IA32_SMM_MONITOR_CTL belongs to the SMM monitor; drop it from "
			"the list.",
		.notes = "Bochs refuses it only because its WRMSR emulation refuses 9BH. KVM and "
			 "VirtualBox refuse it. " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD), UNLESS(VEC_COND, COND_IN_SMM) },
		.check = index_is_not, .mask = MSR_IA32_SMM_MONITOR_CTL,
	},
	{
		.id = "MSRLOAD.ENTRY.MODEL_SPECIFIC", .sdm = "26.4", .sdm_also = "Vol. 4 (MSR tables)",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_WARNING,
		.flags = VA_RULE_PER_MSR_ENTRY | VA_RULE_ADVISORY,
		.summary = "No entry loads an MSR the processor refuses on VM entry for "
			   "model-specific reasons (Vol. 4 names IA32_BIOS_UPDT_TRIG 79H and "
			   "IA32_BIOS_SIGN_ID 8BH as possibly refused)",
		.message = "the entry loads MSR {2} with {1}; a processor may refuse this MSR on VM "
			   "entry for model-specific reasons (then exit reason 34 with this entry's index)",
		.hint = HINT_QUAL "Microcode MSRs (79H, 8BH) may not be loadable on VM entry; "
			"handle them outside the MSR-load list.",
		.notes = "Implementation-specific, so reported as a warning (\"may fail\") rather than "
			 "as a failure. KVM refuses both microcode MSRs; Bochs and VirtualBox model no "
			 "such refusals. " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = not_model_refused,
	},
	{
		.id = "MSRLOAD.ENTRY.WRMSR_GP", .sdm = "26.4",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_ENTRY_FAILURE, .code = 34,
		.flags = VA_RULE_PER_MSR_ENTRY,
		.summary = "WRMSR of each entry's value to its MSR at CPL 0 would not raise #GP "
			   "(judged from a table of architectural MSRs; other MSRs are unknown)",
		.message = "the entry writes {1} to MSR {2}, and WRMSR of that value at CPL 0 raises "
			   "#GP(0); at fault: {3} (all ones: the MSR cannot be written at all)",
		.hint = HINT_MSRLOAD,
		.hint_for = wrmsr_hint,
		.notes = "Bochs, KVM and VirtualBox run each entry through their WRMSR emulation; "
			 "VirtualBox also fails MSRs it would have to hand to ring 3, with its own "
			 "diagnostic. The table here covers address MSRs (canonical), IA32_PAT, "
			 "MTRR types, IA32_EFER, MSRs with a [cpu] *_valid fact and read-only "
			 "MSRs; any other MSR is \"unknown\". " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = wrmsr_no_gp,
	},
	{
		.id = "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", .sdm = "26.4",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_ENTRY_FAILURE, .code = 34,
		.flags = VA_RULE_PER_MSR_ENTRY,
		.summary = "An entry that loads IA32_EFER while the guest's CR0.PG = 1 keeps the "
			   "EFER.LME the VM entry established (WRMSR may not change LME with paging "
			   "on)",
		.message = "the entry writes {1} to IA32_EFER (MSR {2}) with LME different from the "
			   "{3:d} this VM entry established while GUEST_CR0.PG = 1; WRMSR raises "
			   "#GP(0) for that",
		.hint = HINT_QUAL "Set the guest's EFER through GUEST_IA32_EFER and \"load "
			"IA32_EFER\" (or \"IA-32e mode guest\"), not through the MSR-load list; "
			"changing LME needs paging off.",
		.notes = "Bochs and KVM refuse it through their WRMSR emulation. VirtualBox refuses "
			 "every IA32_EFER entry, which has no SDM basis. Writes to LMA are ignored, "
			 "not faulted. " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT, FLD_VM_ENTRY_MSR_LOAD_ADDR, FLD_GUEST_CR0,
			    FLD_VM_ENTRY_CONTROLS, FLD_GUEST_IA32_EFER },
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = efer_lme_unchanged,
	},
	{
		.id = "MSRLOAD.COUNT.ABOVE_RECOMMENDED", .sdm = "26.4", .sdm_also = "A.6",
		.stage = VA_STAGE_MSR_LOAD, .outcome = VA_OUT_WARNING, .code = 34,
		.flags = VA_RULE_ADVISORY,
		.summary = "VM_ENTRY_MSR_LOAD_COUNT does not exceed the recommended maximum, "
			   "512 * (IA32_VMX_MISC[27:25] + 1)",
		.message = "VM_ENTRY_MSR_LOAD_COUNT = {0:d} is above the recommended maximum of "
			   "{1:d} entries (IA32_VMX_MISC = {2}); the SDM leaves the result "
			   "unpredictable, possibly a machine check",
		.hint = "Keep the list short; load rarely changed MSRs outside the VM-entry list.",
		.notes = "Not an architectural failure. KVM fails the entry after the maximum with "
			 "exit 34; VirtualBox fails with its area capacity as qualification; Bochs "
			 "sets no limit. " NOTE_XEN,
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT },
		.needs = VA_NEED_MISC,
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = count_within_recommended,
	},
};
const unsigned va_rules_msr_load_count = sizeof va_rules_msr_load / sizeof va_rules_msr_load[0];
