/*
 * SDM 26.2.1.1 Checks on VM-execution control fields.  Every failure is
 * VMfailValid 7; the SDM lets the CPU perform these checks in any order, so
 * all of them are reported.  SEC and TER read as 0 when their activating
 * primary control is 0 (the ctx builds them so), which is why a rule gated on
 * a secondary or tertiary bit lists CPU_BASED_VM_EXEC_CONTROL among its
 * fields.  Rows of catalogue confidence M are VA_RULE_UNCONFIRMED, rows of
 * confidence C are VA_RULE_CANDIDATE (their failures are warnings only).
 */
#include "predicates.h"
#include "rule_lists.h"

#define CTL7 .sdm = "26.2.1.1", .stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7

/* Page alignment of a physical address: bits 11:0. */
#define PAGE_BITS 0xfffull

#define HINT_DEPENDS "This control only works together with another one: turn the other on " \
	"(or this one off) in the same step."
#define HINT_PAGE_ALIGN "The field takes the physical address of a 4-KiB-aligned page, not an " \
	"address inside a page."
#define HINT_WIDTH "The address has bits at or above the CPU's physical-address width. Under " \
	"a nested hypervisor the guest's width can be smaller than the host's."
#define HINT_PTGPA "\"Intel PT uses guest physical addresses\" also needs \"load IA32_RTIT_CTL\" " \
	"on entry and \"clear IA32_RTIT_CTL\" on exit. Newer CPUs offer the bit, so code that " \
	"worked on older CPUs starts failing there; drop it unless you virtualise PT."

/* Where bits 63:48 of an address are set it is almost always a virtual one. */
static const char *address_hint(const struct va_eval *e)
{
	return (e->v[0] >> 48) ? "Bits 63:48 are set: this looks like a kernel virtual address. "
				 "The field takes a physical address (translate the pointer first)."
			       : NULL;
}

/*
 * A field is at most a count that a capability MSR reports in a bit range:
 * rule.field <= (MSR rule.arg >> rule.arg2) & rule.mask.
 * Operands: {0} value, {1} limit, {2} MSR value, {3} MSR number.
 */
static enum va_status at_most_cap(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	uint64_t cap = c->st->msr[r->arg];
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = (cap >> r->arg2) & r->mask;
	e->v[2] = cap;
	e->v[3] = va_msr_number((enum va_msr)r->arg);
	return e->v[0] <= e->v[1] ? VA_PASS : VA_FAIL;
}

/* Every bit set in rule.field is allowed by MSR rule.arg.
 * Operands: {0} value, {1} bits not allowed, {2} MSR value, {3} MSR number. */
static enum va_status bits_within_cap(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	uint64_t cap = c->st->msr[r->arg];
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = va_forbidden_bits(e->v[0], cap);
	e->v[2] = cap;
	e->v[3] = va_msr_number((enum va_msr)r->arg);
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/*
 * EPTP subfields whose legal values each need one IA32_VMX_EPT_VPID_CAP bit
 * (A.10).  rule.arg selects the subfield.
 */
enum { EPTP_MEMORY_TYPE, EPTP_WALK_LENGTH };
static const struct {
	uint8_t shift;
	uint8_t value[2];
	uint8_t cap_bit[2];
} eptp_subfield[] = {
	[EPTP_MEMORY_TYPE] = { 0, { 0, 6 }, { 8, 14 } },  /* UC, WB */
	[EPTP_WALK_LENGTH] = { 3, { 3, 4 }, { 6, 7 } },   /* 4-level, 5-level */
};

/* Operands: {0} EPTP, {1} the subfield, {2} IA32_VMX_EPT_VPID_CAP, {3} its number. */
static enum va_status eptp_subfield_offered(const struct va_ctx *c, const struct va_rule *r,
					    struct va_eval *e)
{
	uint64_t cap = c->st->msr[MSR_IA32_VMX_EPT_VPID_CAP];
	uint64_t eptp = va_get(c, (enum va_field)r->field);
	unsigned v = (unsigned)(eptp >> eptp_subfield[r->arg].shift) & 7;

	e->v[0] = eptp;
	e->v[1] = v;
	e->v[2] = cap;
	e->v[3] = va_msr_number(MSR_IA32_VMX_EPT_VPID_CAP);
	for (unsigned i = 0; i < 2; i++)
		if (v == eptp_subfield[r->arg].value[i] && ((cap >> eptp_subfield[r->arg].cap_bit[i]) & 1))
			return VA_PASS;
	return VA_FAIL;
}

/* Bit rule.arg of rule.field may be 1 only if IA32_VMX_EPT_VPID_CAP bit
 * rule.arg2 is 1.  Operands: {0} value, {1} the bit, {2} the MSR, {3} its number. */
/* Repair: the EPTP subfield takes a value the CPU offers (WB before UC,
 * 4-level before 5-level walks: what every hypervisor picks first). */
static bool eptp_offered(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			 struct va_state *out)
{
	(void)c;
	unsigned shift = eptp_subfield[r->arg].shift;
	for (unsigned n = 0; n < 2; n++) {
		unsigned i = r->arg == EPTP_MEMORY_TYPE ? 1 - n : n;
		if (!((e->v[2] >> eptp_subfield[r->arg].cap_bit[i]) & 1))
			continue;
		uint64_t eptp = e->v[0] & ~(7ull << shift);
		return va_repair_set(out, (enum va_field)r->field,
				     eptp | (uint64_t)eptp_subfield[r->arg].value[i] << shift);
	}
	return false;
}

/* Repair: a TSC multiplier of 1.0 (48 fraction bits): the guest sees the
 * host's TSC rate. */
static bool tsc_multiplier_one(const struct va_ctx *c, const struct va_rule *r,
			       const struct va_eval *e, struct va_state *out)
{
	(void)c;
	(void)e;
	return va_repair_set(out, (enum va_field)r->field, 1ull << 48);
}

static enum va_status bit_needs_eptcap(const struct va_ctx *c, const struct va_rule *r,
				       struct va_eval *e)
{
	uint64_t cap = c->st->msr[MSR_IA32_VMX_EPT_VPID_CAP];
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = e->v[0] & BIT(r->arg);
	e->v[2] = cap;
	e->v[3] = va_msr_number(MSR_IA32_VMX_EPT_VPID_CAP);
	if (!e->v[1])
		return VA_PASS;
	return ((cap >> r->arg2) & 1) ? VA_PASS : VA_FAIL;
}

/* rule.field is aligned (rule.mask bits 0) and within the physical-address
 * width.  Operands: {0} value, {1} misaligned bits, {2} bits beyond, {3} N. */
static enum va_status aligned_within_width(const struct va_ctx *c, const struct va_rule *r,
					   struct va_eval *e)
{
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = e->v[0] & r->mask;
	e->v[2] = va_beyond_width(e->v[0], c->maxphyaddr);
	e->v[3] = c->maxphyaddr;
	return (e->v[1] | e->v[2]) ? VA_FAIL : VA_PASS;
}

/*
 * TPR_THRESHOLD[3:0] <= VTPR[7:4], VTPR being the byte at
 * VIRTUAL_APIC_PAGE_ADDR + 80H.  A threshold of 0 holds whatever VTPR is,
 * so the memory is read only when it can matter.
 * Operands: {0} TPR_THRESHOLD, {1} its bits 3:0, {2} VTPR, {3} VTPR's address.
 */
static enum va_status threshold_not_above_vtpr(const struct va_ctx *c, const struct va_rule *r,
					       struct va_eval *e)
{
	(void)r;
	uint64_t at = va_get(c, FLD_VIRTUAL_APIC_PAGE_ADDR) + 0x80;
	uint64_t qword;

	e->v[0] = va_get(c, FLD_TPR_THRESHOLD);
	e->v[1] = e->v[0] & 0xf;
	e->v[3] = at;
	if (e->v[1] == 0)
		return VA_PASS;
	if (va_mem_read64(c->st, at & ~7ull, &qword)) {
		e->unknown = VA_UNK_MEMORY;
		e->unknown_arg = at & ~7ull;
		return VA_UNKNOWN;
	}
	e->v[2] = (qword >> (8 * (at & 7))) & 0xff;
	return e->v[1] <= (e->v[2] >> 4) ? VA_PASS : VA_FAIL;
}

/* The third condition of TPR_THRESHOLD_VTPR: "virtualize APIC accesses" is 0
 * (the two gates hold "use TPR shadow" = 1 and virtual-interrupt delivery = 0). */
static bool apic_accesses_not_virtualized(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return !(c->vec[VEC_SEC] & BIT(0));
}

const struct va_rule va_rules_exec_controls[] = {
	/* Allowed settings (A.3). */
	{
		.id = "CTL.PIN.ALLOWED0", CTL7, .sdm_also = "A.3.1",
		.summary = "Every bit that the pin-based capability MSR reports as must-be-one (bits "
			   "31:0) is 1 in PIN_BASED_VM_EXEC_CONTROL",
		.message = MSG_ALLOWED0,
		.hint = HINT_ALLOWED0,
		.notes = "Default1 bits of this vector are 1, 2 and 4. Bochs, KVM and VirtualBox check "
			 "it as the SDM states.",
		.fields = { FLD_PIN_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_PINCAP,
		.check = va_check_allowed0, .arg = VEC_PIN, .bitset = VA_BITS_PIN,
		.repair = va_repair_allowed0,
	},
	{
		.id = "CTL.PIN.ALLOWED1", CTL7, .sdm_also = "A.3.1",
		.summary = "Every bit that is 1 in PIN_BASED_VM_EXEC_CONTROL is allowed to be 1 by the "
			   "pin-based capability MSR (bits 63:32)",
		.message = MSG_ALLOWED1,
		.hint = HINT_ALLOWED1,
		.fields = { FLD_PIN_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_PINCAP,
		.check = va_check_allowed1, .arg = VEC_PIN, .bitset = VA_BITS_PIN,
		.repair = va_repair_allowed1,
	},
	{
		.id = "CTL.PROC.ALLOWED0", CTL7, .sdm_also = "A.3.2",
		.summary = "Every bit that the processor-based capability MSR reports as must-be-one "
			   "(bits 31:0) is 1 in CPU_BASED_VM_EXEC_CONTROL",
		.message = MSG_ALLOWED0,
		.hint = HINT_ALLOWED0,
		.notes = "Default1 bits of this vector are 1, 4-6, 8, 13-16 and 26; the TRUE_ MSR of "
			 "most CPUs lets bits 15 and 16 (CR3-load/-store exiting) be 0. Bochs, KVM and "
			 "VirtualBox check it as the SDM states.",
		.fields = { FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_PROCCAP,
		.check = va_check_allowed0, .arg = VEC_PROC, .bitset = VA_BITS_PROC,
		.repair = va_repair_allowed0,
	},
	{
		.id = "CTL.PROC.ALLOWED1", CTL7, .sdm_also = "A.3.2",
		.summary = "Every bit that is 1 in CPU_BASED_VM_EXEC_CONTROL is allowed to be 1 by the "
			   "processor-based capability MSR (bits 63:32)",
		.message = MSG_ALLOWED1,
		.hint = HINT_ALLOWED1,
		.notes = "This is the check that rejects \"activate secondary controls\" or \"activate "
			 "tertiary controls\" on a CPU without them.",
		.fields = { FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_PROCCAP,
		.check = va_check_allowed1, .arg = VEC_PROC, .bitset = VA_BITS_PROC,
		.repair = va_repair_allowed1,
	},
	{
		/* No real CPU reports a must-be-1 secondary control; a capability
		 * MSR that does is flagged (VA_ANOMALY_PROC2_LOW_BITS) and obeyed. */
		.id = "CTL.PROC2.ALLOWED0", CTL7, .sdm_also = "A.3.3",
		.summary = "Every secondary control that IA32_VMX_PROCBASED_CTLS2 (bits 31:0) requires "
			   "is 1 in SECONDARY_VM_EXEC_CONTROL (bits 31:0 are 0 on every CPU so far)",
		.message = MSG_ALLOWED0,
		.hint = "IA32_VMX_PROCBASED_CTLS2 reports secondary controls as must-be-1, which no "
			"real CPU does: check where the capability value came from (a hand-written "
			"profile, or the two halves swapped).",
		.notes = "Bochs, KVM and VirtualBox treat bits 31:0 of the MSR as must-be-1 the way "
			 "the SDM defines the two halves, although they are 0 in practice.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_PROC2CAP,
		.gate = { WHEN(VEC_PROC, 31) },
		.check = va_check_allowed0, .arg = VEC_SEC, .bitset = VA_BITS_PROC2,
	},
	{
		.id = "CTL.PROC2.ALLOWED1", CTL7, .sdm_also = "A.3.3",
		.summary = "Every bit that is 1 in SECONDARY_VM_EXEC_CONTROL is allowed to be 1 by "
			   "IA32_VMX_PROCBASED_CTLS2 (bits 63:32)",
		.message = MSG_ALLOWED1,
		.hint = HINT_ALLOWED1,
		.notes = "With \"activate secondary controls\" 0 the field is ignored altogether; "
			 "VirtualBox zeroes it internally then, with the same effect. Bits 31:0 of the "
			 "MSR are architecturally 0.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_PROC2CAP,
		.gate = { WHEN(VEC_PROC, 31) },
		.check = va_check_allowed1, .arg = VEC_SEC, .bitset = VA_BITS_PROC2,
		.repair = va_repair_allowed1,
	},
	{
		.id = "CTL.PROC3.ALLOWED1", CTL7, .sdm_also = "A.3.4",
		.summary = "Every bit that is 1 in TERTIARY_VM_EXEC_CONTROL is allowed to be 1 by "
			   "IA32_VMX_PROCBASED_CTLS3 (a 64-bit allowed-1 mask, no must-be-one half)",
		.message = MSG_ALLOWED1,
		.hint = HINT_ALLOWED1,
		.notes = "Bochs checks the 64-bit mask. KVM and VirtualBox never offer tertiary controls "
			 "to a nested VMM, so there only CTL.PROC.ALLOWED1 can fire.",
		.fields = { FLD_TERTIARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_PROC3CAP,
		.gate = { WHEN(VEC_PROC, 17) },
		.check = va_check_allowed1, .arg = VEC_TER, .bitset = VA_BITS_PROC3,
		.repair = va_repair_allowed1,
	},
	/* CR3 targets and bitmaps. */
	{
		.id = "CTL.EXEC.CR3_TARGET_COUNT", CTL7,
		.summary = "CR3_TARGET_COUNT is not greater than the number of CR3-target values the "
			   "CPU supports (IA32_VMX_MISC bits 24:16)",
		.message = "{field} = {0:d} is more than the {1:d} CR3-target values the CPU supports "
			   "(bits 24:16 of {3:msr} = {2})",
		.notes = "The SDM text says \"not greater than 4\" and points to IA32_VMX_MISC, which "
			 "may report up to 256. Bochs and VirtualBox compare with a fixed 4 (what they "
			 "report themselves).",
		.fields = { FLD_CR3_TARGET_COUNT },
		.needs = VA_NEED_MISC,
		.check = at_most_cap, .field = FLD_CR3_TARGET_COUNT, .arg = MSR_IA32_VMX_MISC,
		.arg2 = 16, .mask = 0x1ff,
	},
	{
		.id = "CTL.EXEC.IO_BITMAP_A_ALIGN", CTL7,
		.summary = "IO_BITMAP_A is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "VirtualBox also insists that the page be ordinary guest RAM, which hardware "
			 "does not; Xen fails only when it cannot map the page.",
		.fields = { FLD_IO_BITMAP_A, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PROC, 25) },
		.check = va_check_aligned, .field = FLD_IO_BITMAP_A, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.IO_BITMAP_A_WIDTH", CTL7,
		.summary = "IO_BITMAP_A sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "The SDM says \"should not\" for the width; hardware, Bochs, KVM and "
			 "VirtualBox all fail the entry.",
		.fields = { FLD_IO_BITMAP_A, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_PROC, 25) },
		.check = va_check_width, .field = FLD_IO_BITMAP_A,
	},
	{
		.id = "CTL.EXEC.IO_BITMAP_B_ALIGN", CTL7,
		.summary = "IO_BITMAP_B is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "VirtualBox also insists that the page be ordinary guest RAM, which hardware "
			 "does not; Xen fails only when it cannot map the page.",
		.fields = { FLD_IO_BITMAP_B, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PROC, 25) },
		.check = va_check_aligned, .field = FLD_IO_BITMAP_B, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.IO_BITMAP_B_WIDTH", CTL7,
		.summary = "IO_BITMAP_B sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.fields = { FLD_IO_BITMAP_B, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_PROC, 25) },
		.check = va_check_width, .field = FLD_IO_BITMAP_B,
	},
	{
		.id = "CTL.EXEC.MSR_BITMAP_ALIGN", CTL7,
		.summary = "MSR_BITMAP is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "Xen fails only when it cannot map the page.",
		.fields = { FLD_MSR_BITMAP, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PROC, 28) },
		.check = va_check_aligned, .field = FLD_MSR_BITMAP, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.MSR_BITMAP_WIDTH", CTL7,
		.summary = "MSR_BITMAP sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.fields = { FLD_MSR_BITMAP, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_PROC, 28) },
		.check = va_check_width, .field = FLD_MSR_BITMAP,
	},
	/* TPR shadow and virtual APIC. */
	{
		.id = "CTL.EXEC.VAPIC_ALIGN", CTL7,
		.summary = "VIRTUAL_APIC_PAGE_ADDR is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.fields = { FLD_VIRTUAL_APIC_PAGE_ADDR, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PROC, 21) },
		.check = va_check_aligned, .field = FLD_VIRTUAL_APIC_PAGE_ADDR, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.VAPIC_WIDTH", CTL7,
		.summary = "VIRTUAL_APIC_PAGE_ADDR sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "Once both address checks pass, the CPU may clear bytes 3:1 of VTPR even if "
			 "the entry then fails (implementation-specific).",
		.fields = { FLD_VIRTUAL_APIC_PAGE_ADDR, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_PROC, 21) },
		.check = va_check_width, .field = FLD_VIRTUAL_APIC_PAGE_ADDR,
	},
	{
		.id = "CTL.EXEC.TPR_THRESHOLD_RSVD", CTL7,
		.summary = "Bits 31:4 of TPR_THRESHOLD are 0",
		.message = MSG_ZERO_BITS,
		.hint = "The threshold is a priority class (0-15), not a full TPR value: write bits "
			"7:4 of the wanted TPR, moved down to bits 3:0.",
		.notes = "KVM checks it only since September 2025. SDM editions before APIC "
			 "virtualization had no condition on virtual-interrupt delivery.",
		.fields = { FLD_TPR_THRESHOLD, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PROC, 21), UNLESS(VEC_SEC, 9) },
		.check = va_check_zero_bits, .field = FLD_TPR_THRESHOLD, .mask = BITS(31, 4),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.TPR_THRESHOLD_VTPR", CTL7,
		.summary = "Bits 3:0 of TPR_THRESHOLD are not greater than bits 7:4 of VTPR (the byte "
			   "at VIRTUAL_APIC_PAGE_ADDR + 80H)",
		.message = "TPR_THRESHOLD = {0}: its bits 3:0 ({1:d}) exceed the priority class in bits "
			   "7:4 of VTPR = {2} (the byte at {3}); lower the threshold or raise VTPR",
		.hint = "Keep the threshold at or below the guest's current priority class (VTPR bits "
			"7:4): update it whenever the guest's TPR changes, not from a stale value.",
		.notes = "VirtualBox compares the threshold with VTPR AND F0H without shifting, so it "
			 "misses most violations, and reports them as a guest-state failure (exit 33) "
			 "instead of VMfailValid 7. KVM checks it in software only with "
			 "warn_on_missed_cc and otherwise leaves it to the hardware entry.",
		.applies_text = "SECONDARY_VM_EXEC_CONTROL bit 0 "
				"(SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES) = 0",
		.fields = { FLD_TPR_THRESHOLD, FLD_VIRTUAL_APIC_PAGE_ADDR, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PROC, 21), UNLESS(VEC_SEC, 9) },
		.applies = apic_accesses_not_virtualized,
		.check = threshold_not_above_vtpr,
	},
	/* NMI controls. */
	{
		.id = "CTL.EXEC.VNMI_NEEDS_NMI_EXIT", CTL7,
		.summary = "If \"virtual NMIs\" is 1, \"NMI exiting\" is 1",
		.message = "{f0} = {0}: PIN_BASED_VIRTUAL_NMIS (bit 5) is 1 but PIN_BASED_NMI_EXITING "
			   "(bit 3) is 0; set NMI exiting, or clear virtual NMIs",
		.hint = HINT_DEPENDS,
		.fields = { FLD_PIN_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PIN, 5) },
		.check = va_check_ctl_bit, .arg = VEC_PIN, .arg2 = 3, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.NMIWIN_NEEDS_VNMI", CTL7,
		.summary = "If \"NMI-window exiting\" is 1, \"virtual NMIs\" is 1",
		.message = "{f0} = {0} has PIN_BASED_VIRTUAL_NMIS (bit 5) clear, but "
			   "CPU_BASED_NMI_WINDOW_EXITING is 1; set virtual NMIs (with NMI exiting), or "
			   "clear NMI-window exiting",
		.hint = HINT_DEPENDS,
		.fields = { FLD_PIN_BASED_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PROC, 22) },
		.check = va_check_ctl_bit, .arg = VEC_PIN, .arg2 = 5, .mask = 1,
	},
	/* APIC virtualization. */
	{
		.id = "CTL.EXEC.APIC_ACCESS_ALIGN", CTL7,
		.summary = "APIC_ACCESS_ADDR is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "VirtualBox also rejects an APIC-access address equal to the virtual-APIC "
			 "address, which the SDM does not require.",
		.fields = { FLD_APIC_ACCESS_ADDR, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 0) },
		.check = va_check_aligned, .field = FLD_APIC_ACCESS_ADDR, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.APIC_ACCESS_WIDTH", CTL7,
		.summary = "APIC_ACCESS_ADDR sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.fields = { FLD_APIC_ACCESS_ADDR, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 0) },
		.check = va_check_width, .field = FLD_APIC_ACCESS_ADDR,
	},
	{
		.id = "CTL.EXEC.X2APIC_NEEDS_TPR_SHADOW", CTL7,
		.summary = "If \"virtualize x2APIC mode\" is 1, \"use TPR shadow\" is 1",
		.message = "{f0} = {0} has CPU_BASED_TPR_SHADOW (bit 21) clear, but "
			   "SECONDARY_EXEC_VIRTUALIZE_X2APIC_MODE is 1; set use TPR shadow (with a "
			   "virtual-APIC page), or clear virtualize x2APIC mode",
		.hint = HINT_DEPENDS,
		.fields = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 4) },
		.check = va_check_ctl_bit, .arg = VEC_PROC, .arg2 = 21, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.APICREG_NEEDS_TPR_SHADOW", CTL7,
		.summary = "If \"APIC-register virtualization\" is 1, \"use TPR shadow\" is 1",
		.message = "{f0} = {0} has CPU_BASED_TPR_SHADOW (bit 21) clear, but "
			   "SECONDARY_EXEC_APIC_REGISTER_VIRT is 1; set use TPR shadow (with a "
			   "virtual-APIC page), or clear APIC-register virtualization",
		.hint = HINT_DEPENDS,
		.fields = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 8) },
		.check = va_check_ctl_bit, .arg = VEC_PROC, .arg2 = 21, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.VID_NEEDS_TPR_SHADOW", CTL7,
		.summary = "If \"virtual-interrupt delivery\" is 1, \"use TPR shadow\" is 1",
		.message = "{f0} = {0} has CPU_BASED_TPR_SHADOW (bit 21) clear, but "
			   "SECONDARY_EXEC_VIRTUAL_INTR_DELIVERY is 1; set use TPR shadow (with a "
			   "virtual-APIC page), or clear virtual-interrupt delivery",
		.hint = HINT_DEPENDS,
		.fields = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 9) },
		.check = va_check_ctl_bit, .arg = VEC_PROC, .arg2 = 21, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.X2APIC_EXCLUDES_APIC_ACCESS", CTL7,
		.summary = "If \"virtualize x2APIC mode\" is 1, \"virtualize APIC accesses\" is 0",
		.message = "{f0} = {0} sets both SECONDARY_EXEC_VIRTUALIZE_X2APIC_MODE (bit 4) and "
			   "SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES (bit 0); keep only the one that "
			   "matches the guest's APIC mode",
		.hint = "x2APIC and xAPIC virtualization exclude each other: switch the controls when "
			"the guest changes APIC mode.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 4) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 0, .mask = 0,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.VID_NEEDS_EXTINT_EXIT", CTL7,
		.summary = "If \"virtual-interrupt delivery\" is 1, \"external-interrupt exiting\" is 1",
		.message = "{f0} = {0} has PIN_BASED_EXT_INTR_MASK (bit 0) clear, but "
			   "SECONDARY_EXEC_VIRTUAL_INTR_DELIVERY is 1; set external-interrupt exiting, "
			   "or clear virtual-interrupt delivery",
		.hint = HINT_DEPENDS,
		.notes = "VirtualBox reports it under a mismatched diagnostic name; the verdict is the "
			 "same.",
		.fields = { FLD_PIN_BASED_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 9) },
		.check = va_check_ctl_bit, .arg = VEC_PIN, .arg2 = 0, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	/* Posted interrupts. */
	{
		.id = "CTL.EXEC.PI_NEEDS_VID", CTL7,
		.summary = "If \"process posted interrupts\" is 1, \"virtual-interrupt delivery\" is 1",
		.message = "{f0} = {0} (as seen by VM entry) has SECONDARY_EXEC_VIRTUAL_INTR_DELIVERY "
			   "(bit 9) clear, but PIN_BASED_POSTED_INTR is 1; enable virtual-interrupt "
			   "delivery, or clear process posted interrupts",
		.hint = HINT_DEPENDS,
		.notes = "Bochs checks the posted-interrupt rules only when \"use TPR shadow\" is 1, so "
			 "it accepts posted interrupts with TPR shadow and virtual-interrupt delivery "
			 "both 0. VirtualBox never offers posted interrupts. The 2016 SDM footnote calls "
			 "the control secondary; it is pin-based bit 7.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_PIN_BASED_VM_EXEC_CONTROL,
			    FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PIN, 7) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 9, .mask = 1,
	},
	{
		.id = "CTL.EXEC.PI_NEEDS_ACK_INTR", CTL7,
		.summary = "If \"process posted interrupts\" is 1, the \"acknowledge interrupt on exit\" "
			   "VM-exit control is 1",
		.message = "{f0} = {0} has VM_EXIT_ACK_INTR_ON_EXIT (bit 15) clear, but "
			   "PIN_BASED_POSTED_INTR is 1; set acknowledge interrupt on exit, or clear "
			   "process posted interrupts",
		.hint = HINT_DEPENDS,
		.notes = "The SDM lists it with the execution controls although it tests an exit "
			 "control; Bochs checks it with the exit controls. VirtualBox never offers "
			 "posted interrupts.",
		.fields = { FLD_VM_EXIT_CONTROLS, FLD_PIN_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PIN, 7) },
		.check = va_check_ctl_bit, .arg = VEC_EXIT, .arg2 = 15, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.PI_NV_RANGE", CTL7,
		.summary = "Bits 15:8 of POSTED_INTR_NV are 0 (the notification vector is 0-255)",
		.message = MSG_ZERO_BITS,
		.notes = "Bochs checks it only when \"use TPR shadow\" is 1. VirtualBox never offers "
			 "posted interrupts.",
		.fields = { FLD_POSTED_INTR_NV, FLD_PIN_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PIN, 7) },
		.check = va_check_zero_bits, .field = FLD_POSTED_INTR_NV, .mask = BITS(15, 8),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.PI_DESC_ALIGN", CTL7,
		.summary = "POSTED_INTR_DESC_ADDR is 64-byte aligned (bits 5:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = "The posted-interrupt descriptor is 64 bytes and must start on a 64-byte "
			"boundary (physical address).",
		.hint_for = address_hint,
		.notes = "Bochs checks it only when \"use TPR shadow\" is 1. VirtualBox never offers "
			 "posted interrupts.",
		.fields = { FLD_POSTED_INTR_DESC_ADDR, FLD_PIN_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PIN, 7) },
		.check = va_check_aligned, .field = FLD_POSTED_INTR_DESC_ADDR, .mask = BITS(5, 0),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.PI_DESC_WIDTH", CTL7,
		.summary = "POSTED_INTR_DESC_ADDR sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "Bochs checks it only when \"use TPR shadow\" is 1. VirtualBox never offers "
			 "posted interrupts.",
		.fields = { FLD_POSTED_INTR_DESC_ADDR, FLD_PIN_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_PIN, 7) },
		.check = va_check_width, .field = FLD_POSTED_INTR_DESC_ADDR,
	},
	/* VPID and EPT. */
	{
		.id = "CTL.EXEC.VPID_NONZERO", CTL7,
		.summary = "VIRTUAL_PROCESSOR_ID is not 0",
		.message = "{field} = {0}: VPID 0 is reserved for the VMM",
		.hint = "VPID 0 belongs to the host. Start guest VPIDs at 1.",
		.fields = { FLD_VIRTUAL_PROCESSOR_ID, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 5) },
		.check = va_check_nonzero, .field = FLD_VIRTUAL_PROCESSOR_ID,
		.repair = va_repair_set_one,
	},
	{
		.id = "CTL.EXEC.EPTP_MEMTYPE", CTL7, .sdm_also = "A.10",
		.summary = "EPT_POINTER bits 2:0 are 0 (UC) with IA32_VMX_EPT_VPID_CAP bit 8 = 1, or "
			   "6 (WB) with bit 14 = 1",
		.message = "{field} = {0}: memory type {1:d} (bits 2:0) is not one that {3:msr} = {2} "
			   "offers; use 6 (WB, capability bit 14) or 0 (UC, capability bit 8)",
		.hint = "The EPTP wants memory type 6 (WB) in bits 2:0. Type 0 means UC, which many "
			"CPUs and most nested hypervisors do not accept.",
		.notes = "Bochs accepts UC and WB without consulting its EPT capability MSR.",
		.fields = { FLD_EPT_POINTER, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_EPTCAP,
		.gate = { WHEN(VEC_SEC, 1) },
		.check = eptp_subfield_offered, .field = FLD_EPT_POINTER, .arg = EPTP_MEMORY_TYPE,
		.repair = eptp_offered,
	},
	{
		.id = "CTL.EXEC.EPTP_WALK", CTL7, .sdm_also = "A.10",
		.summary = "EPT_POINTER bits 5:3 are 3 (4-level) with IA32_VMX_EPT_VPID_CAP bit 6 = 1, "
			   "or 4 (5-level) with bit 7 = 1",
		.message = "{field} = {0}: page-walk length field (bits 5:3) = {1:d} is not one that "
			   "{3:msr} = {2} offers; use 3 for 4-level EPT (capability bit 6) or 4 for "
			   "5-level EPT (capability bit 7)",
		.hint = "Bits 5:3 hold the number of EPT paging levels minus 1: 3 for 4-level EPT, "
			"so with memory type WB the low byte of the EPTP is 1EH.",
		.notes = "The 2016 SDM allows only 3. Bochs and VirtualBox accept only 3; KVM follows "
			 "the capability bits.",
		.fields = { FLD_EPT_POINTER, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_EPTCAP,
		.gate = { WHEN(VEC_SEC, 1) },
		.check = eptp_subfield_offered, .field = FLD_EPT_POINTER, .arg = EPTP_WALK_LENGTH,
		.repair = eptp_offered,
	},
	{
		.id = "CTL.EXEC.EPTP_AD", CTL7, .sdm_also = "A.10",
		.summary = "EPT_POINTER bit 6 (accessed/dirty flags) is 1 only if IA32_VMX_EPT_VPID_CAP "
			   "bit 21 is 1",
		.message = "{field} = {0} sets {1:bits}, but {3:msr} = {2} has bit 21 clear: this CPU "
			   "has no EPT accessed/dirty flags",
		.hint = "Enable EPT A/D flags only after testing capability bit 21; nested hypervisors "
			"often hide it.",
		.fields = { FLD_EPT_POINTER, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_EPTCAP,
		.gate = { WHEN(VEC_SEC, 1) },
		.check = bit_needs_eptcap, .field = FLD_EPT_POINTER, .arg = 6, .arg2 = 21,
		.repair = va_repair_clear_v1,
		.bitset = VA_BITS_EPTP,
	},
	{
		.id = "CTL.EXEC.EPTP_SSS", CTL7, .sdm_also = "A.10", .flags = VA_RULE_UNCONFIRMED,
		.summary = "EPT_POINTER bit 7 (supervisor shadow-stack control) is 1 only if "
			   "IA32_VMX_EPT_VPID_CAP bit 23 is 1",
		.message = "{field} = {0} sets {1:bits}, but {3:msr} = {2} has bit 23 clear: this CPU "
			   "does not offer supervisor shadow-stack control for EPT",
		.notes = "Bit 7 is reserved in the 2016 text. Bochs decides by CPUID CET instead of "
			 "capability bit 23; KVM treats bit 7 as always reserved; VirtualBox does not "
			 "check it.",
		.fields = { FLD_EPT_POINTER, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_EPTCAP,
		.gate = { WHEN(VEC_SEC, 1) },
		.check = bit_needs_eptcap, .field = FLD_EPT_POINTER, .arg = 7, .arg2 = 23,
		.repair = va_repair_clear_v1,
		.bitset = VA_BITS_EPTP,
	},
	{
		.id = "CTL.EXEC.EPTP_RSVD", CTL7,
		.summary = "EPT_POINTER bits 11:8 are 0",
		.message = MSG_ZERO_BITS,
		.hint = "Bits 11:8 of the EPTP are reserved: it holds the PML4 (or PML5) table's "
			"physical address, the memory type (bits 2:0), the walk length (bits 5:3) and "
			"the flags in bits 7:6, nothing else.",
		.notes = "VirtualBox's test is inverted (it only wants some valid bit set), so it never "
			 "rejects reserved bits. The 2016 text lists bits 11:7; bit 7 is now "
			 "CTL.EXEC.EPTP_SSS.",
		.fields = { FLD_EPT_POINTER, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 1) },
		.check = va_check_zero_bits, .field = FLD_EPT_POINTER, .mask = BITS(11, 8),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.EPTP_WIDTH", CTL7,
		.summary = "EPT_POINTER sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "VirtualBox never rejects these bits (its reserved-bit test is inverted).",
		.fields = { FLD_EPT_POINTER, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 1) },
		.check = va_check_width, .field = FLD_EPT_POINTER,
	},
	/* Page-modification logging and controls that need EPT. */
	{
		.id = "CTL.EXEC.PML_NEEDS_EPT", CTL7,
		.summary = "If \"enable PML\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} has SECONDARY_EXEC_ENABLE_EPT (bit 1) clear, but "
			   "SECONDARY_EXEC_ENABLE_PML is 1; enable EPT, or clear enable PML",
		.hint = HINT_DEPENDS,
		.notes = "VirtualBox never offers PML.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 17) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.PML_ADDR_ALIGN", CTL7,
		.summary = "PML_ADDRESS is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "VirtualBox never offers PML.",
		.fields = { FLD_PML_ADDRESS, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 17) },
		.check = va_check_aligned, .field = FLD_PML_ADDRESS, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.PML_ADDR_WIDTH", CTL7,
		.summary = "PML_ADDRESS sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "VirtualBox never offers PML.",
		.fields = { FLD_PML_ADDRESS, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 17) },
		.check = va_check_width, .field = FLD_PML_ADDRESS,
	},
	{
		.id = "CTL.EXEC.UG_NEEDS_EPT", CTL7,
		.summary = "If \"unrestricted guest\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} has SECONDARY_EXEC_ENABLE_EPT (bit 1) clear, but "
			   "SECONDARY_EXEC_UNRESTRICTED_GUEST is 1; enable EPT, or clear unrestricted "
			   "guest",
		.hint = HINT_DEPENDS,
		.notes = "VirtualBox has no such check, even in builds with nested EPT.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 7) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.MBEC_NEEDS_EPT", CTL7,
		.summary = "If \"mode-based execute control for EPT\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} has SECONDARY_EXEC_ENABLE_EPT (bit 1) clear, but "
			   "SECONDARY_EXEC_MODE_BASED_EPT_EXEC is 1; enable EPT, or clear mode-based "
			   "execute control",
		.hint = HINT_DEPENDS,
		.notes = "VirtualBox never offers mode-based execute control.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 22) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.SPP_NEEDS_EPT", CTL7, .flags = VA_RULE_UNCONFIRMED,
		.summary = "If \"sub-page write permissions for EPT\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} has SECONDARY_EXEC_ENABLE_EPT (bit 1) clear, but "
			   "SECONDARY_EXEC_EPT_SUB_PAGE_PERMISSIONS is 1; enable EPT, or clear sub-page "
			   "write permissions",
		.hint = HINT_DEPENDS,
		.notes = "KVM and VirtualBox never offer sub-page permissions, so only their allowed-1 "
			 "check can fire; Bochs implements it.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 23) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.SPPTP_ALIGN", CTL7, .flags = VA_RULE_UNCONFIRMED,
		.summary = "SPPTP is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "KVM and VirtualBox never offer sub-page permissions; Bochs implements it.",
		.fields = { FLD_SPPTP, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 23) },
		.check = va_check_aligned, .field = FLD_SPPTP, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.SPPTP_WIDTH", CTL7, .flags = VA_RULE_UNCONFIRMED,
		.summary = "SPPTP sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "KVM and VirtualBox never offer sub-page permissions; Bochs implements it.",
		.fields = { FLD_SPPTP, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 23) },
		.check = va_check_width, .field = FLD_SPPTP,
	},
	{
		.id = "CTL.EXEC.PTGPA_NEEDS_EPT", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "If \"Intel PT uses guest physical addresses\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} has SECONDARY_EXEC_ENABLE_EPT (bit 1) clear, but "
			   "SECONDARY_EXEC_PT_USE_GPA is 1; enable EPT, or clear Intel PT uses guest "
			   "physical addresses",
		.hint = HINT_PTGPA,
		.notes = "Candidate rule from a newer SDM bullet: Bochs, KVM and VirtualBox never offer "
			 "the control, so only their allowed-1 check can fire.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 24) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.PTGPA_NEEDS_LOAD_RTIT", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "If \"Intel PT uses guest physical addresses\" is 1, the \"load "
			   "IA32_RTIT_CTL\" VM-entry control is 1",
		.message = "{f0} = {0} has VM_ENTRY_LOAD_IA32_RTIT_CTL (bit 18) clear, but "
			   "SECONDARY_EXEC_PT_USE_GPA is 1; set load IA32_RTIT_CTL, or clear Intel PT "
			   "uses guest physical addresses",
		.hint = HINT_PTGPA,
		.notes = "Candidate rule from a newer SDM bullet: Bochs, KVM and VirtualBox never offer "
			 "the control, so only their allowed-1 check can fire.",
		.fields = { FLD_VM_ENTRY_CONTROLS, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 24) },
		.check = va_check_ctl_bit, .arg = VEC_ENTRY, .arg2 = 18, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.PTGPA_NEEDS_CLEAR_RTIT", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "If \"Intel PT uses guest physical addresses\" is 1, the \"clear "
			   "IA32_RTIT_CTL\" VM-exit control is 1",
		.message = "{f0} = {0} has VM_EXIT_CLEAR_IA32_RTIT_CTL (bit 25) clear, but "
			   "SECONDARY_EXEC_PT_USE_GPA is 1; set clear IA32_RTIT_CTL, or clear Intel PT "
			   "uses guest physical addresses",
		.hint = HINT_PTGPA,
		.notes = "Candidate rule from a newer SDM bullet: Bochs, KVM and VirtualBox never offer "
			 "the control, so only their allowed-1 check can fire.",
		.fields = { FLD_VM_EXIT_CONTROLS, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 24) },
		.check = va_check_ctl_bit, .arg = VEC_EXIT, .arg2 = 25, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	/* VM functions. */
	{
		.id = "CTL.EXEC.VMFUNC_RSVD", CTL7, .sdm_also = "A.11",
		.summary = "Every bit that is 1 in VM_FUNCTION_CONTROL is allowed by IA32_VMX_VMFUNC",
		.message = "{field} = {0}: {1:bits} may not be 1 ({3:msr} = {2} does not offer them)",
		.hint = HINT_ALLOWED1,
		.notes = "VirtualBox never offers VM functions. With \"enable VM functions\" 0 the "
			 "field is not checked.",
		.fields = { FLD_VM_FUNCTION_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_VMFUNCCAP,
		.gate = { WHEN(VEC_SEC, 13) },
		.check = bits_within_cap, .field = FLD_VM_FUNCTION_CONTROL, .arg = MSR_IA32_VMX_VMFUNC,
		.repair = va_repair_clear_v1,
		.bitset = VA_BITS_VMFUNC,
	},
	{
		.id = "CTL.EXEC.EPTP_SWITCH_NEEDS_EPT", CTL7,
		.summary = "If the EPTP-switching VM function is enabled, \"enable EPT\" is 1",
		.message = "{f0} = {0} has SECONDARY_EXEC_ENABLE_EPT (bit 1) clear, but "
			   "VM_FUNCTION_CONTROL enables EPTP switching; enable EPT, or clear bit 0 of "
			   "VM_FUNCTION_CONTROL",
		.hint = HINT_DEPENDS,
		.notes = "VirtualBox never offers VM functions.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_VM_FUNCTION_CONTROL },
		.gate = { WHEN(VEC_COND, COND_VMFUNC_EPTP_SWITCH) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.EPTP_LIST_ALIGN", CTL7,
		.summary = "EPTP_LIST_ADDRESS is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "VirtualBox never offers VM functions.",
		.fields = { FLD_EPTP_LIST_ADDRESS, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL, FLD_VM_FUNCTION_CONTROL },
		.gate = { WHEN(VEC_COND, COND_VMFUNC_EPTP_SWITCH) },
		.check = va_check_aligned, .field = FLD_EPTP_LIST_ADDRESS, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.EPTP_LIST_WIDTH", CTL7,
		.summary = "EPTP_LIST_ADDRESS sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "VirtualBox never offers VM functions.",
		.fields = { FLD_EPTP_LIST_ADDRESS, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL, FLD_VM_FUNCTION_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_COND, COND_VMFUNC_EPTP_SWITCH) },
		.check = va_check_width, .field = FLD_EPTP_LIST_ADDRESS,
	},
	/* VMCS shadowing. */
	{
		.id = "CTL.EXEC.VMREAD_BITMAP_ALIGN", CTL7,
		.summary = "VMREAD_BITMAP is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.fields = { FLD_VMREAD_BITMAP, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 14) },
		.check = va_check_aligned, .field = FLD_VMREAD_BITMAP, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.VMREAD_BITMAP_WIDTH", CTL7,
		.summary = "VMREAD_BITMAP sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.fields = { FLD_VMREAD_BITMAP, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 14) },
		.check = va_check_width, .field = FLD_VMREAD_BITMAP,
	},
	{
		.id = "CTL.EXEC.VMWRITE_BITMAP_ALIGN", CTL7,
		.summary = "VMWRITE_BITMAP is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "VirtualBox checks the VMREAD-bitmap address a second time here (copy slip), "
			 "so it never validates this field.",
		.fields = { FLD_VMWRITE_BITMAP, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 14) },
		.check = va_check_aligned, .field = FLD_VMWRITE_BITMAP, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.VMWRITE_BITMAP_WIDTH", CTL7,
		.summary = "VMWRITE_BITMAP sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "VirtualBox checks the VMREAD-bitmap address a second time here (copy slip), "
			 "so it never validates this field.",
		.fields = { FLD_VMWRITE_BITMAP, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 14) },
		.check = va_check_width, .field = FLD_VMWRITE_BITMAP,
	},
	/* Virtualization exceptions and TSC scaling. */
	{
		.id = "CTL.EXEC.VE_INFO_ALIGN", CTL7,
		.summary = "VE_INFORMATION_ADDRESS is 4-KiB aligned (bits 11:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "KVM and VirtualBox never offer EPT-violation #VE; Bochs implements it.",
		.fields = { FLD_VE_INFORMATION_ADDRESS, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 18) },
		.check = va_check_aligned, .field = FLD_VE_INFORMATION_ADDRESS, .mask = PAGE_BITS,
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.VE_INFO_WIDTH", CTL7,
		.summary = "VE_INFORMATION_ADDRESS sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "KVM and VirtualBox never offer EPT-violation #VE; Bochs implements it.",
		.fields = { FLD_VE_INFORMATION_ADDRESS, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 18) },
		.check = va_check_width, .field = FLD_VE_INFORMATION_ADDRESS,
	},
	{
		.id = "CTL.EXEC.TSC_MULT_NONZERO", CTL7,
		.summary = "TSC_MULTIPLIER is not 0",
		.message = "{field} = {0} while SECONDARY_EXEC_TSC_SCALING is 1: a zero multiplier "
			   "is not allowed",
		.hint = "With TSC scaling on, write the multiplier before entering (a ratio of 1.0 is "
			"0001000000000000H: 48 fraction bits).",
		.notes = "KVM added the check in September 2025 (older kernels accept 0); VirtualBox "
			 "never offers TSC scaling.",
		.fields = { FLD_TSC_MULTIPLIER, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_SEC, 25) },
		.check = va_check_nonzero, .field = FLD_TSC_MULTIPLIER,
		.repair = tsc_multiplier_one,
	},
	/* IPI virtualization (tertiary bit 4). */
	{
		.id = "CTL.EXEC.IPIV_PIDPT_ALIGN", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "PID_POINTER_TABLE is 8-byte aligned (bits 2:0 are 0)",
		.message = MSG_ALIGNED,
		.hint = "The PID-pointer table holds 8-byte entries; give its physical address, "
			"8-byte aligned.",
		.hint_for = address_hint,
		.notes = "Candidate rule: Bochs, KVM and VirtualBox do not offer IPI virtualization to "
			 "a nested VMM, so there is no implementation to compare with.",
		.fields = { FLD_PID_POINTER_TABLE, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 4) },
		.check = va_check_aligned, .field = FLD_PID_POINTER_TABLE, .mask = BITS(2, 0),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.IPIV_PIDPT_WIDTH", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "PID_POINTER_TABLE sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "Candidate rule: Bochs, KVM and VirtualBox do not offer IPI virtualization to "
			 "a nested VMM, so there is no implementation to compare with.",
		.fields = { FLD_PID_POINTER_TABLE, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_TER, 4) },
		.check = va_check_width, .field = FLD_PID_POINTER_TABLE,
	},
	{
		.id = "CTL.EXEC.IPIV_NEEDS_TPR_SHADOW", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "If \"IPI virtualization\" is 1, \"use TPR shadow\" is 1",
		.message = "{f0} = {0} has CPU_BASED_TPR_SHADOW (bit 21) clear, but "
			   "TERTIARY_EXEC_IPI_VIRT is 1; set use TPR shadow (with a virtual-APIC page), "
			   "or clear IPI virtualization",
		.hint = HINT_DEPENDS,
		.notes = "Lowest-confidence row of the catalogue (IPI virtualization may be listed "
			 "with the controls that need \"use TPR shadow\"): a warning only until "
			 "confirmed. No implementation to compare with.",
		.fields = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 4) },
		.check = va_check_ctl_bit, .arg = VEC_PROC, .arg2 = 21, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	/* HLAT and other tertiary controls. */
	{
		.id = "CTL.EXEC.HLAT_NEEDS_EPT", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "If \"enable HLAT\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} (as seen by VM entry) has SECONDARY_EXEC_ENABLE_EPT (bit 1) "
			   "clear, but TERTIARY_EXEC_ENABLE_HLAT is 1; enable EPT, or clear enable HLAT",
		.hint = HINT_DEPENDS,
		.notes = "Candidate rule: no implementation offers HLAT to a nested VMM.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 1) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.HLATP_RSVD", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "HLATP bits 2:0 and 11:5 are 0 (bits 4:3 are PWT and PCD, as in CR3)",
		.message = MSG_ZERO_BITS,
		.hint = "HLATP is built like CR3: the page's physical address plus PWT/PCD only.",
		.notes = "Candidate rule: no implementation offers HLAT to a nested VMM.",
		.fields = { FLD_HLATP, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 1) },
		.check = va_check_zero_bits, .field = FLD_HLATP, .mask = BITS(2, 0) | BITS(11, 5),
		.repair = va_repair_clear_v1,
	},
	{
		.id = "CTL.EXEC.HLATP_WIDTH", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "HLATP sets no bit beyond the physical-address width",
		.message = MSG_WIDTH,
		.hint = HINT_WIDTH, .hint_for = address_hint,
		.notes = "Candidate rule: no implementation offers HLAT to a nested VMM.",
		.fields = { FLD_HLATP, FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_TERTIARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_TER, 1) },
		.check = va_check_width, .field = FLD_HLATP,
	},
	{
		.id = "CTL.EXEC.HLAT_PREFIX_SIZE", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "HLAT_PREFIX_SIZE is not greater than the maximum HLAT prefix size "
			   "(IA32_VMX_EPT_VPID_CAP bits 53:48)",
		.message = "{field} = {0:d} is larger than the maximum HLAT prefix size {1:d} (bits "
			   "53:48 of {3:msr} = {2})",
		.notes = "Candidate rule: no implementation offers HLAT to a nested VMM.",
		.fields = { FLD_HLAT_PREFIX_SIZE, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_EPTCAP,
		.gate = { WHEN(VEC_TER, 1) },
		.check = at_most_cap, .field = FLD_HLAT_PREFIX_SIZE, .arg = MSR_IA32_VMX_EPT_VPID_CAP,
		.arg2 = 48, .mask = 0x3f,
	},
	{
		.id = "CTL.EXEC.EPT_PW_NEEDS_EPT", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "If \"EPT paging-write control\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} (as seen by VM entry) has SECONDARY_EXEC_ENABLE_EPT (bit 1) "
			   "clear, but TERTIARY_EXEC_EPT_PAGING_WRITE is 1; enable EPT, or clear EPT "
			   "paging-write control",
		.hint = HINT_DEPENDS,
		.notes = "Candidate rule: no implementation offers the control to a nested VMM.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 2) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.GPV_NEEDS_EPT", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "If \"guest-paging verification\" is 1, \"enable EPT\" is 1",
		.message = "{f0} = {0} (as seen by VM entry) has SECONDARY_EXEC_ENABLE_EPT (bit 1) "
			   "clear, but TERTIARY_EXEC_GUEST_PAGING_VERIFY is 1; enable EPT, or clear "
			   "guest-paging verification",
		.hint = HINT_DEPENDS,
		.notes = "Candidate rule: no implementation offers the control to a nested VMM.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 3) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 1, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	/* PASID translation (secondary bit 21). */
	{
		.id = "CTL.EXEC.PASID_LOW_ALIGN_WIDTH", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "LOW_PASID_DIR_ADDR is 4-KiB aligned and sets no bit beyond the "
			   "physical-address width",
		.message = "{field} = {0}: bits {1} break 4-KiB alignment and bits {2} lie beyond the "
			   "{3:d}-bit physical-address width; both must be 0",
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "Candidate rule: no implementation offers PASID translation to a nested VMM.",
		.fields = { FLD_LOW_PASID_DIR_ADDR, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 21) },
		.check = aligned_within_width, .field = FLD_LOW_PASID_DIR_ADDR, .mask = PAGE_BITS,
	},
	{
		.id = "CTL.EXEC.PASID_HIGH_ALIGN_WIDTH", CTL7, .flags = VA_RULE_CANDIDATE,
		.summary = "HIGH_PASID_DIR_ADDR is 4-KiB aligned and sets no bit beyond the "
			   "physical-address width",
		.message = "{field} = {0}: bits {1} break 4-KiB alignment and bits {2} lie beyond the "
			   "{3:d}-bit physical-address width; both must be 0",
		.hint = HINT_PAGE_ALIGN, .hint_for = address_hint,
		.notes = "Candidate rule: no implementation offers PASID translation to a nested VMM.",
		.fields = { FLD_HIGH_PASID_DIR_ADDR, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_SEC, 21) },
		.check = aligned_within_width, .field = FLD_HIGH_PASID_DIR_ADDR, .mask = PAGE_BITS,
	},
	/* APIC-timer virtualization (tertiary bit 8). */
	{
		.id = "CTL.EXEC.APICTIMER_NEEDS_VID", CTL7, .flags = VA_RULE_UNCONFIRMED,
		.summary = "If \"APIC-timer virtualization\" is 1, \"virtual-interrupt delivery\" is 1",
		.message = "{f0} = {0} (as seen by VM entry) has SECONDARY_EXEC_VIRTUAL_INTR_DELIVERY "
			   "(bit 9) clear, but TERTIARY_EXEC_GUEST_APIC_TIMER is 1; enable "
			   "virtual-interrupt delivery, or clear APIC-timer virtualization",
		.hint = HINT_DEPENDS,
		.notes = "From an Intel-authored KVM nested patch (February 2026, not merged). Bochs "
			 "defines the control without checking it; VirtualBox never offers it.",
		.fields = { FLD_SECONDARY_VM_EXEC_CONTROL, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 8) },
		.check = va_check_ctl_bit, .arg = VEC_SEC, .arg2 = 9, .mask = 1,
	},
	{
		.id = "CTL.EXEC.APICTIMER_NO_RDTSC_EXIT", CTL7, .flags = VA_RULE_UNCONFIRMED,
		.summary = "If \"APIC-timer virtualization\" is 1, \"RDTSC exiting\" is 0",
		.message = "{f0} = {0} sets CPU_BASED_RDTSC_EXITING (bit 12) together with "
			   "TERTIARY_EXEC_GUEST_APIC_TIMER; clear one of them",
		.hint = "APIC-timer virtualization and RDTSC exiting exclude each other: drop RDTSC "
			"exiting when you virtualize the APIC timer.",
		.notes = "From an Intel-authored KVM nested patch (February 2026, not merged). Bochs "
			 "defines the control without checking it; VirtualBox never offers it.",
		.fields = { FLD_CPU_BASED_VM_EXEC_CONTROL, FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 8) },
		.check = va_check_ctl_bit, .arg = VEC_PROC, .arg2 = 12, .mask = 0,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.EXEC.APICTIMER_VECTOR_RANGE", CTL7, .flags = VA_RULE_UNCONFIRMED,
		.summary = "Bits 15:8 of VIRTUAL_TIMER_VECTOR are 0 (the vector is 0-255)",
		.message = MSG_ZERO_BITS,
		.notes = "From an Intel-authored KVM nested patch (February 2026, not merged). Bochs "
			 "defines the control without checking it; VirtualBox never offers it.",
		.fields = { FLD_VIRTUAL_TIMER_VECTOR, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_TERTIARY_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_TER, 8) },
		.check = va_check_zero_bits, .field = FLD_VIRTUAL_TIMER_VECTOR, .mask = BITS(15, 8),
		.repair = va_repair_clear_v1,
	},
};
const unsigned va_rules_exec_controls_count =
	sizeof va_rules_exec_controls / sizeof va_rules_exec_controls[0];
