/*
 * SDM 26.2.2 Checks on host control registers, MSRs (and SSP).  Every
 * failure is VMfailValid(8).  Newer editions add CET, PKS, SPEC_CTRL and
 * FRED state; those rows carry the catalogue's confidence.
 */
#include "predicates.h"
#include "rule_lists.h"

#define CR0_WP BIT(16)
#define CR0_NW BIT(29)
#define CR0_CD BIT(30)
#define CR4_CET BIT(23)
#define CR3_LAM_U48 BIT(61)
#define CR3_LAM_U57 BIT(62)
#define EXIT_HASS BIT(9)

/* IA32_S_CET layout: bits 9:6 are reserved; bits 1:0 belong to shadow
 * stacks; bits 5:2, 10, 11 and the legacy-bitmap base 63:12 to IBT. */
#define S_CET_RSVD BITS(9, 6)
#define S_CET_SHSTK BITS(1, 0)
#define S_CET_IBT (BITS(5, 2) | BITS(63, 10))

/*
 * HOST_CR0/CR4 against a fixed-bits MSR (A.7, A.8).  rule.arg = the MSR
 * (enum va_msr); rule.arg2 = 0 for FIXED0 (bits that must be 1), 1 for
 * FIXED1 (bits that may be 1); rule.mask = bits the check skips.
 * {0} value, {1} offending bits, {2} the MSR's value, {3} its number.
 */
static enum va_status fixed_bits(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	uint64_t fixed = c->st->msr[r->arg];

	e->v[0] = value;
	e->v[1] = r->arg2 ? va_forbidden_bits(value, fixed | r->mask)
			  : va_missing_bits(value, fixed & ~r->mask);
	e->v[2] = fixed;
	e->v[3] = va_msr_number((enum va_msr)r->arg);
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* HOST_CR4.CET = 1 needs HOST_CR0.WP = 1.  {0} HOST_CR4, {1} HOST_CR0. */
static enum va_status cet_needs_wp(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	(void)r;
	e->v[0] = va_get(c, FLD_HOST_CR4);
	e->v[1] = va_get(c, FLD_HOST_CR0);
	if (!(e->v[0] & CR4_CET))
		return VA_PASS;
	return va_missing_bits(e->v[1], CR0_WP) ? VA_FAIL : VA_PASS;
}

/* Repair: HOST_CR0.WP, which CET requires ({1} = HOST_CR0). */
static bool host_wp_for_cet(const struct va_ctx *c, const struct va_rule *r,
			    const struct va_eval *e, struct va_state *out)
{
	(void)c;
	(void)r;
	return va_repair_set(out, FLD_HOST_CR0, e->v[1] | CR0_WP);
}

/*
 * HOST_CR3 within the physical-address width, except the LAM bits 62:61
 * on a CPU with linear-address masking.  {0} value, {1} width, {2} bits
 * beyond it that are not allowed.
 */
static enum va_status cr3_reserved(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	uint64_t beyond = va_beyond_width(value, c->maxphyaddr);
	uint64_t lam_bits = beyond & (CR3_LAM_U57 | CR3_LAM_U48);

	e->v[0] = value;
	e->v[1] = c->maxphyaddr;
	e->v[2] = beyond;
	if (beyond & ~lam_bits)
		return VA_FAIL;
	if (!lam_bits)
		return VA_PASS;
	if (!(c->have & VA_NEED_LAM)) {
		e->unknown = VA_UNK_NEED;
		e->unknown_arg = VA_NEED_BIT_LAM;
		return VA_UNKNOWN;
	}
	if (va_fact_value(c, FACT_LAM))
		return VA_PASS;
	return VA_FAIL;
}

/*
 * No bit set outside a CPU fact's valid mask.  rule.field, rule.arg =
 * enum va_fact (rule.needs makes it known unless it has a default).
 * {0} value, {1} reserved bits set, {2} the valid mask.
 */
static enum va_status reserved_per_fact(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	uint64_t valid = va_fact_value(c, (enum va_fact)r->arg);

	e->v[0] = value;
	e->v[1] = va_forbidden_bits(value, valid);
	e->v[2] = valid;
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* Bit rule.arg of HOST_IA32_EFER equals "host address-space size".
 * {0} HOST_IA32_EFER, {1} the control, {2} the EFER bit. */
static enum va_status efer_bit_matches_hass(const struct va_ctx *c, const struct va_rule *r,
					    struct va_eval *e)
{
	uint64_t efer = va_get(c, (enum va_field)r->field);

	e->v[0] = efer;
	e->v[1] = (c->vec[VEC_EXIT] & EXIT_HASS) != 0;
	e->v[2] = (efer >> r->arg) & 1;
	return e->v[1] == e->v[2] ? VA_PASS : VA_FAIL;
}

/* Repair: the EFER bit rule.arg := "host address-space size" ({1}). */
static bool efer_bit_to_hass(const struct va_ctx *c, const struct va_rule *r,
			     const struct va_eval *e, struct va_state *out)
{
	(void)c;
	uint64_t efer = e->v[0] & ~BIT(r->arg);
	return va_repair_set(out, (enum va_field)r->field, efer | (e->v[1] << r->arg));
}

/*
 * HOST_S_CET: bits 9:6 reserved; the shadow-stack and IBT bits only where
 * the CPU has that part of CET ([cpu] cet_shstk / cet_ibt; no CET at all
 * means neither).  A sub-feature the input does not tell leaves its bits
 * undecided, never allowed.  {0} value, {1} bits that may not be set.
 */
static enum va_status s_cet_reserved(const struct va_ctx *c, const struct va_rule *r,
				     struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);
	uint64_t bad = value & S_CET_RSVD;
	int unsure = -1;
	static const struct {
		enum va_fact fact;
		uint64_t bits;
	} parts[] = { { FACT_CET_SHSTK, S_CET_SHSTK }, { FACT_CET_IBT, S_CET_IBT } };

	for (unsigned i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		uint64_t used = value & parts[i].bits;
		if (!used)
			continue;
		int has = va_cet_feature(c, parts[i].fact);
		if (has == 0)
			bad |= used;
		else if (has < 0 && unsure < 0)
			unsure = (int)i;
	}
	e->v[0] = value;
	e->v[1] = bad;
	if (bad)
		return VA_FAIL;
	if (unsure >= 0)
		return va_unknown_need(e, va_cet_feature_need(c, parts[unsure].fact));
	return VA_PASS;
}

/* Not every bit of rule.mask is set in rule.field.  {0} value, {1} the
 * mask bits that are set. */
static enum va_status not_all_of(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	uint64_t value = va_get(c, (enum va_field)r->field);

	e->v[0] = value;
	e->v[1] = value & r->mask;
	return e->v[1] == r->mask ? VA_FAIL : VA_PASS;
}

static const char *cr3_hint(const struct va_eval *ev)
{
	if (ev->v[2] & BIT(63))
		return "Bit 63 is the PCID \"no-flush\" flag of a MOV-to-CR3 operand. Strip it "
		       "before writing HOST_CR3.";
	if (!(ev->v[2] & ~(CR3_LAM_U57 | CR3_LAM_U48)))
		return "Bits 62:61 are the LAM_U57/LAM_U48 controls, which only a CPU with "
		       "linear-address masking accepts.";
	return NULL;
}

/* The bit that most often trips HOST.CR4.FIXED1, named in the hint. */
static const char *cr4_fixed1_hint_for(const struct va_eval *ev)
{
	static const struct {
		unsigned bit;
		const char *hint;
	} hints[] = {
		{ 12, "CR4.LA57 is set, but this CPU (or the hypervisor below you) does not offer "
		      "5-level paging. Copy the running CR4; do not force bits on." },
		{ 14, "CR4.SMXE is set, but this CPU (often a virtual one under a cloud L0) does not "
		      "allow it in VMX operation. Copy the running CR4; do not force bits on." },
		{ 16, "CR4.FSGSBASE is set, but this CPU does not have it (before Ivy Bridge, or "
		      "hidden by the L0). Copy the running CR4; do not force bits on." },
		{ 22, "CR4.PKE is set, but this CPU does not offer protection keys. Copy the running "
		      "CR4; do not force bits on." },
		{ 23, "CR4.CET is set, but this CPU does not offer CET. Copy the running CR4; do "
		      "not force bits on." },
		{ 24, "CR4.PKS is set, but this CPU does not offer supervisor protection keys. Copy "
		      "the running CR4; do not force bits on." },
		{ 32, "CR4.FRED is set, but this CPU does not offer FRED. Copy the running CR4; do "
		      "not force bits on." },
	};
	for (unsigned i = 0; i < sizeof hints / sizeof hints[0]; i++)
		if (ev->v[1] & BIT(hints[i].bit))
			return hints[i].hint;
	return NULL;
}

static const char *efer_hint(const struct va_eval *ev)
{
	if (ev->v[0] == 0)
		return "\"Load IA32_EFER\" is set in the exit controls but HOST_IA32_EFER was "
		       "never written. Write the running EFER there.";
	return NULL;
}

#define NOTE_XEN_HOST "Xen never checks host state at VM entry: it loads it in software at the " \
	"nested VM exit."
#define NOTE_CANON_WIDTH "Judged against the CPU's maximum linear width ([cpu] " \
	"linear_address_bits), as KVM does; Bochs uses the VMM's current paging width, which " \
	"is stricter on a 5-level CPU running a 4-level VMM. "
#define NOTE_CET "VirtualBox never offers \"load CET state\", so only its allowed-1 check " \
	"fires. " NOTE_XEN_HOST
#define NOTE_FRED "KVM (FRED series v8) checks the host FRED MSRs only when \"host " \
	"address-space size\" is 1; Bochs checks them regardless. VirtualBox never offers " \
	"\"load IA32_FRED\". " NOTE_XEN_HOST " The SDM section is the catalogue's best guess; " \
	"the error number is 8 either way."

#define FRED_GATES { WHEN(VEC_EXIT2, 1), WHEN(VEC_EXIT, 9) }
#define FRED_FIELDS(f) { f, FLD_VM_EXIT_CONTROLS, FLD_SECONDARY_VM_EXIT_CONTROLS }

#define FRED_RSP_ALIGN(n) { \
	.id = "HOST.FRED.RSP" #n "_ALIGN", .sdm = "26.2.2", .sdm_also = "FRED specification", \
	.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8, \
	.summary = "HOST_IA32_FRED_RSP" #n " is 64-byte aligned (bits 5:0 are 0)", \
	.message = "{field} = {0}: bits 5:0 must be 0 (64-byte aligned stack), found {1}", \
	.notes = NOTE_FRED, \
	.fields = FRED_FIELDS(FLD_HOST_IA32_FRED_RSP##n), .gate = FRED_GATES, \
	.check = va_check_aligned, .field = FLD_HOST_IA32_FRED_RSP##n, .mask = BITS(5, 0), \
	.repair = va_repair_clear_v1, \
}
#define FRED_SSP_ALIGN(n) { \
	.id = "HOST.FRED.SSP" #n "_ALIGN", .sdm = "26.2.2", .sdm_also = "FRED specification", \
	.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8, \
	.summary = "HOST_IA32_FRED_SSP" #n " is 8-byte aligned (bits 2:0 are 0)", \
	.message = "{field} = {0}: bits 2:0 must be 0 (8-byte aligned shadow stack), found {1}", \
	.notes = NOTE_FRED " Bochs checks the FRED SSPs only when built with CET.", \
	.fields = FRED_FIELDS(FLD_HOST_IA32_FRED_SSP##n), .gate = FRED_GATES, \
	.check = va_check_aligned, .field = FLD_HOST_IA32_FRED_SSP##n, .mask = BITS(2, 0), \
	.repair = va_repair_clear_v1, \
}
#define FRED_CANON(reg, n) { \
	.id = "HOST.FRED." #reg #n "_CANON", .sdm = "26.2.2", .sdm_also = "FRED specification", \
	.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8, \
	.summary = "HOST_IA32_FRED_" #reg #n " is canonical", \
	.message = MSG_CANONICAL, \
	.notes = NOTE_FRED, \
	.fields = FRED_FIELDS(FLD_HOST_IA32_FRED_##reg##n), .needs = VA_NEED_LINEAR, \
	.gate = FRED_GATES, \
	.check = va_check_canonical, .field = FLD_HOST_IA32_FRED_##reg##n, \
	.repair = va_repair_canonical, \
}

const struct va_rule va_rules_host_cr_msr[] = {
	{
		.id = "HOST.CR0.FIXED0", .sdm = "26.2.2", .sdm_also = "A.7",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "Every bit that IA32_VMX_CR0_FIXED0 fixes to 1 is 1 in HOST_CR0, NW "
			   "(bit 29) and CD (bit 30) excepted",
		.message = "{field} = {0}: {1:bits} must be 1 ({3:msr} = {2} fixes them to 1)",
		.hint = "HOST_CR0 lacks a bit the CPU requires in VMX operation (PE, NE and PG on "
			"most CPUs). Copy the running CR0 into HOST_CR0.",
		.notes = "NW and CD are exempt because VM exit never changes them; no reference "
			 "implementation models that carve-out, which only matters for a "
			 "hand-written profile. VirtualBox drops PE and PG from FIXED0 whenever it "
			 "offers unrestricted guest, so it accepts a host CR0 without them. "
			 NOTE_XEN_HOST,
		.fields = { FLD_HOST_CR0 }, .needs = VA_NEED_CR0_FIXED0,
		.check = fixed_bits, .field = FLD_HOST_CR0, .arg = MSR_IA32_VMX_CR0_FIXED0,
		.repair = va_repair_set_v1,
		.arg2 = 0, .mask = CR0_NW | CR0_CD, .bitset = VA_BITS_CR0,
	},
	{
		.id = "HOST.CR0.FIXED1", .sdm = "26.2.2", .sdm_also = "A.7",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "Every bit that IA32_VMX_CR0_FIXED1 fixes to 0 is 0 in HOST_CR0, NW "
			   "(bit 29) and CD (bit 30) excepted",
		.message = "{field} = {0}: {1:bits} must be 0 ({3:msr} = {2} does not allow them)",
		.hint = "HOST_CR0 has a bit this CPU cannot set (bits 63:32 included). Copy the "
			"running CR0 into HOST_CR0.",
		.notes = "Bits 63:32 must be 0 because FIXED1[63:32] is 0. No reference "
			 "implementation models the NW/CD carve-out. " NOTE_XEN_HOST,
		.fields = { FLD_HOST_CR0 }, .needs = VA_NEED_CR0_FIXED1,
		.check = fixed_bits, .field = FLD_HOST_CR0, .arg = MSR_IA32_VMX_CR0_FIXED1,
		.repair = va_repair_clear_v1,
		.arg2 = 1, .mask = CR0_NW | CR0_CD, .bitset = VA_BITS_CR0,
	},
	{
		.id = "HOST.CR4.FIXED0", .sdm = "26.2.2", .sdm_also = "A.8",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "Every bit that IA32_VMX_CR4_FIXED0 fixes to 1 is 1 in HOST_CR4",
		.message = "{field} = {0}: {1:bits} must be 1 ({3:msr} = {2} fixes them to 1)",
		.hint = "Usually CR4.VMXE is missing: copy the CR4 that is running after VMXON, "
			"not one saved before it.",
		.notes = NOTE_XEN_HOST,
		.fields = { FLD_HOST_CR4 }, .needs = VA_NEED_CR4_FIXED0,
		.check = fixed_bits, .field = FLD_HOST_CR4, .arg = MSR_IA32_VMX_CR4_FIXED0,
		.repair = va_repair_set_v1,
		.arg2 = 0, .bitset = VA_BITS_CR4,
	},
	{
		.id = "HOST.CR4.FIXED1", .sdm = "26.2.2", .sdm_also = "A.8",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "Every bit that IA32_VMX_CR4_FIXED1 fixes to 0 is 0 in HOST_CR4",
		.message = "{field} = {0}: {1:bits} must be 0 ({3:msr} = {2} does not allow them)",
		.hint = "HOST_CR4 has a bit this CPU (or the hypervisor below you) cannot set. "
			"Build host CR4 from the running CR4 and IA32_VMX_CR4_FIXED0/1; do not "
			"force bits on.",
		.hint_for = cr4_fixed1_hint_for,
		.notes = NOTE_XEN_HOST,
		.fields = { FLD_HOST_CR4 }, .needs = VA_NEED_CR4_FIXED1,
		.check = fixed_bits, .field = FLD_HOST_CR4, .arg = MSR_IA32_VMX_CR4_FIXED1,
		.repair = va_repair_clear_v1,
		.arg2 = 1, .bitset = VA_BITS_CR4,
	},
	{
		.id = "HOST.CR4.CET_NEEDS_WP", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "If HOST_CR4.CET (bit 23) is 1, HOST_CR0.WP (bit 16) is 1",
		.message = "HOST_CR4 = {0} has CET (bit 23) set but HOST_CR0 = {1} has WP "
			   "(bit 16) clear: set WP, or clear CET",
		.notes = "Bochs checks this only when \"load CET state\" is 1; KVM checks it "
			 "always, as the SDM does. VirtualBox never offers CET, so its CR4 "
			 "fixed-bits check fires instead. " NOTE_XEN_HOST,
		.fields = { FLD_HOST_CR4, FLD_HOST_CR0 },
		.check = cet_needs_wp,
		.repair = host_wp_for_cet,
	},
	{
		.id = "HOST.CR3.RSVD", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_CR3 has no bit set at or above the physical-address width (bit 63 "
			   "included); with linear-address masking, bits 62:61 may be set",
		.message = "{field} = {0} has bits at or above the physical-address width of "
			   "{1:d} bits: {2}",
		.hint = "The value may fit another machine's physical width but not this CPU's; "
			"check maxphyaddr, especially under a nested hypervisor.",
		.hint_for = cr3_hint,
		.notes = "Bit 63 is reserved here although MOV to CR3 uses it as the PCID no-flush "
			 "flag. Bits 62:61 (LAM_U57, LAM_U48) are allowed on CPUs with LAM "
			 "([cpu] lam); KVM permits them only when LAM is exposed, and the rule is "
			 "newer than the 2016 text. " NOTE_XEN_HOST,
		.fields = { FLD_HOST_CR3 }, .needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_COND, COND_INTEL64) },
		.check = cr3_reserved, .field = FLD_HOST_CR3,
	},
	{
		.id = "HOST.MSR.SYSENTER_ESP_CANON", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_SYSENTER_ESP is canonical",
		.message = MSG_CANONICAL,
		.notes = NOTE_CANON_WIDTH NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_SYSENTER_ESP }, .needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_COND, COND_INTEL64) },
		.check = va_check_canonical, .field = FLD_HOST_IA32_SYSENTER_ESP,
		.repair = va_repair_canonical,
	},
	{
		.id = "HOST.MSR.SYSENTER_EIP_CANON", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_SYSENTER_EIP is canonical",
		.message = MSG_CANONICAL,
		.notes = NOTE_CANON_WIDTH NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_SYSENTER_EIP }, .needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_COND, COND_INTEL64) },
		.check = va_check_canonical, .field = FLD_HOST_IA32_SYSENTER_EIP,
		.repair = va_repair_canonical,
	},
	{
		.id = "HOST.MSR.PERF_GLOBAL_CTRL_RSVD", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_PERF_GLOBAL_CTRL has no bit set that is reserved in "
			   "IA32_PERF_GLOBAL_CTRL",
		.message = "{field} = {0} sets reserved bits {1}; this CPU allows only {2} ([cpu] "
			   "perf_global_ctrl_valid)",
		.hint = "Write the running IA32_PERF_GLOBAL_CTRL value, or clear the \"load "
			"IA32_PERF_GLOBAL_CTRL\" exit control.",
		.notes = "The valid bits follow the counters CPUID leaf 0AH reports, so the rule is "
			 "unknown without [cpu] perf_global_ctrl_valid. Bochs offers the control "
			 "but never checks the field; KVM checks it against the guest's PMU; "
			 "VirtualBox never offers the control. " NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_PERF_GLOBAL_CTRL, FLD_VM_EXIT_CONTROLS },
		.needs = VA_NEED_PERF_GLOBAL_VALID,
		.gate = { WHEN(VEC_EXIT, 12) },
		.check = reserved_per_fact, .field = FLD_HOST_IA32_PERF_GLOBAL_CTRL,
		.repair = va_repair_clear_v1,
		.arg = FACT_PERF_GLOBAL_CTRL_VALID,
	},
	{
		.id = "HOST.MSR.PAT_VALID", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "Every byte of HOST_IA32_PAT is a memory type: 0 (UC), 1 (WC), 4 (WT), "
			   "5 (WP), 6 (WB) or 7 (UC-)",
		.message = MSG_PAT,
		.hint = "Write the running IA32_PAT value (Linux and Windows use 0x0007040600070406 "
			"or similar), or clear the \"load IA32_PAT\" exit control.",
		.notes = NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_PAT, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 19) },
		.check = va_check_pat, .field = FLD_HOST_IA32_PAT,
		.repair = va_repair_pat,
	},
	{
		.id = "HOST.MSR.EFER_RSVD", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_EFER has no reserved bit set",
		.message = "{field} = {0} sets reserved {1:bits}; this CPU allows only {2:bits}",
		.hint = "Write the running EFER value. NXE is reserved when firmware disables "
			"execute-disable.",
		.notes = "The valid bits come from [cpu] efer_valid, by default SCE, LME, LMA and "
			 "NXE (an Intel CPU with XD enabled). " NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_EFER, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 21) },
		.check = reserved_per_fact, .field = FLD_HOST_IA32_EFER, .arg = FACT_EFER_VALID,
		.repair = va_repair_clear_v1,
		.bitset = VA_BITS_EFER,
	},
	{
		.id = "HOST.MSR.EFER_LMA", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_EFER.LMA (bit 10) equals \"host address-space size\"",
		.message = "{field} = {0} has LMA = {2:d}, but \"host address-space size\" is "
			   "{1:d}: they must be equal",
		.hint = "A 64-bit host has LMA and LME set and \"host address-space size\" = 1; a "
			"32-bit host has all three clear.",
		.hint_for = efer_hint,
		.notes = NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_EFER, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 21) },
		.check = efer_bit_matches_hass, .field = FLD_HOST_IA32_EFER, .arg = 10,
		.repair = efer_bit_to_hass,
	},
	{
		.id = "HOST.MSR.EFER_LME", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_EFER.LME (bit 8) equals \"host address-space size\"",
		.message = "{field} = {0} has LME = {2:d}, but \"host address-space size\" is "
			   "{1:d}: they must be equal",
		.hint = "A 64-bit host has LMA and LME set and \"host address-space size\" = 1; a "
			"32-bit host has all three clear.",
		.hint_for = efer_hint,
		.notes = NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_EFER, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 21) },
		.check = efer_bit_matches_hass, .field = FLD_HOST_IA32_EFER, .arg = 8,
		.repair = efer_bit_to_hass,
	},
	{
		.id = "HOST.CET.S_CET_RSVD", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_S_CET has bits 9:6 clear, and no shadow-stack (1:0) or "
			   "indirect-branch-tracking (5:2, 63:10) bit of a CET part the CPU lacks",
		.message = "{field} = {0}: {1:bits} must be 0 (bits 9:6 are reserved; the other "
			   "bits need the CET part they belong to)",
		.notes = "Without [cpu] cet_shstk or cet_ibt, CET support is taken to mean both "
			 "parts, as on every Intel CPU with CET. " NOTE_CET,
		.fields = { FLD_HOST_S_CET, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 28) },
		.check = s_cet_reserved, .field = FLD_HOST_S_CET, .bitset = VA_BITS_S_CET,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "HOST.CET.S_CET_SUPPRESS_TRACKER", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_S_CET does not have both SUPPRESS (bit 10) and TRACKER (bit 11) set",
		.message = "{field} = {0}: {1:bits} may not both be 1",
		.notes = NOTE_CET,
		.fields = { FLD_HOST_S_CET, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 28) },
		.check = not_all_of, .field = FLD_HOST_S_CET, .mask = BIT(10) | BIT(11),
		.bitset = VA_BITS_S_CET,
	},
	{
		.id = "HOST.CET.SSP_ALIGN", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_SSP is 4-byte aligned (bits 1:0 are 0)",
		.message = "{field} = {0}: bits 1:0 must be 0 (4-byte aligned), found {1}",
		.notes = "The canonical and upper-half rules for HOST_SSP depend on \"host "
			 "address-space size\" and are 26.2.4 rules. " NOTE_CET,
		.fields = { FLD_HOST_SSP, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 28) },
		.check = va_check_aligned, .field = FLD_HOST_SSP, .mask = BITS(1, 0),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "HOST.CET.SSPTBL_CANON", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_INTR_SSP_TABLE is canonical (whatever \"host address-space size\" is)",
		.message = MSG_CANONICAL,
		.notes = NOTE_CET,
		.fields = { FLD_HOST_INTR_SSP_TABLE, FLD_VM_EXIT_CONTROLS }, .needs = VA_NEED_LINEAR,
		.gate = { WHEN(VEC_EXIT, 28) },
		.check = va_check_canonical, .field = FLD_HOST_INTR_SSP_TABLE,
		.repair = va_repair_canonical,
	},
	{
		.id = "HOST.MSR.PKRS_RSVD", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.flags = VA_RULE_UNCONFIRMED,
		.summary = "HOST_IA32_PKRS has bits 63:32 clear",
		.message = "{field} = {0}: bits 63:32 are reserved and must be 0, found {1}",
		.notes = "Bochs checks it; KVM and VirtualBox never offer \"load IA32_PKRS\", so only "
			 "their allowed-1 check fires. " NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_PKRS, FLD_VM_EXIT_CONTROLS },
		.gate = { WHEN(VEC_EXIT, 29) },
		.check = va_check_zero_bits, .field = FLD_HOST_IA32_PKRS, .mask = BITS(63, 32),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "HOST.MSR.SPEC_CTRL_RSVD", .sdm = "26.2.2",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.flags = VA_RULE_CANDIDATE,
		.summary = "HOST_IA32_SPEC_CTRL has no bit set that is reserved in IA32_SPEC_CTRL",
		.message = "{field} = {0} sets reserved bits {1}; this CPU allows only {2} ([cpu] "
			   "spec_ctrl_valid)",
		.notes = "Unknown unless [cpu] spec_ctrl_valid is given: the valid bits grow with "
			 "each mitigation (IBRS, STIBP, SSBD, IPRED/RRSBA/BHI controls...), so any "
			 "fixed list would reject good values on newer CPUs or accept bad ones on "
			 "older. Bochs treats bit 9 and bits 63:11 as reserved; KVM and VirtualBox "
			 "never offer the control. " NOTE_XEN_HOST,
		.fields = { FLD_HOST_IA32_SPEC_CTRL, FLD_VM_EXIT_CONTROLS,
			    FLD_SECONDARY_VM_EXIT_CONTROLS },
		.needs = VA_NEED_SPEC_CTRL_VALID,
		.gate = { WHEN(VEC_EXIT2, 2) },
		.check = reserved_per_fact, .field = FLD_HOST_IA32_SPEC_CTRL,
		.repair = va_repair_clear_v1,
		.arg = FACT_SPEC_CTRL_VALID,
	},
	{
		.id = "HOST.FRED.CONFIG_RSVD", .sdm = "26.2.2", .sdm_also = "FRED specification",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_FRED_CONFIG has bits 2, 5:4 and 11 clear",
		.message = "{field} = {0}: reserved bits 2, 5:4 and 11 must be 0, found {1}",
		.notes = NOTE_FRED,
		.fields = FRED_FIELDS(FLD_HOST_IA32_FRED_CONFIG),
		.gate = { WHEN(VEC_EXIT2, 1) },
		.check = va_check_zero_bits, .field = FLD_HOST_IA32_FRED_CONFIG,
		.repair = va_repair_clear_v1,
		.mask = BIT(2) | BITS(5, 4) | BIT(11),
	},
	{
		.id = "HOST.FRED.CONFIG_CANON", .sdm = "26.2.2", .sdm_also = "FRED specification",
		.stage = VA_STAGE_HOST, .outcome = VA_OUT_VMFAIL_VALID, .code = 8,
		.summary = "HOST_IA32_FRED_CONFIG with bits 11:0 cleared is canonical",
		.message = "{field} = {0}: its address part (bits 63:12) is not canonical for "
			   "{1:d}-bit linear addresses",
		.notes = "Bits 11:0 never affect canonicality, so the whole value is tested. "
			 "Bochs omits this check. " NOTE_FRED,
		.fields = FRED_FIELDS(FLD_HOST_IA32_FRED_CONFIG), .needs = VA_NEED_LINEAR,
		.gate = FRED_GATES,
		.check = va_check_canonical, .field = FLD_HOST_IA32_FRED_CONFIG,
		.repair = va_repair_canonical,
	},
	FRED_RSP_ALIGN(1),
	FRED_RSP_ALIGN(2),
	FRED_RSP_ALIGN(3),
	FRED_CANON(RSP, 1),
	FRED_CANON(RSP, 2),
	FRED_CANON(RSP, 3),
	FRED_SSP_ALIGN(1),
	FRED_SSP_ALIGN(2),
	FRED_SSP_ALIGN(3),
	FRED_CANON(SSP, 1),
	FRED_CANON(SSP, 2),
	FRED_CANON(SSP, 3),
};
const unsigned va_rules_host_cr_msr_count = sizeof va_rules_host_cr_msr / sizeof va_rules_host_cr_msr[0];
