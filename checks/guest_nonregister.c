/*
 * SDM 26.3.1.5 Checks on guest non-register state: activity state,
 * interruptibility state, pending debug exceptions and the VMCS link
 * pointer.  Failures are VM-entry failures with basic exit reason 33;
 * the exit qualification is 0, except 3 for an NMI injected during STI
 * blocking (where a processor requires that) and 4 for the link pointer.
 */
#include "predicates.h"
#include "rule_lists.h"

/* GUEST_ACTIVITY_STATE */
#define ACT_ACTIVE 0
#define ACT_HLT 1
#define ACT_SHUTDOWN 2
#define ACT_WAIT_SIPI 3

/* GUEST_INTERRUPTIBILITY_INFO */
#define INTR_STI BIT(0)
#define INTR_MOVSS BIT(1)
#define INTR_SMI BIT(2)
#define INTR_NMI BIT(3)
#define INTR_ENCLAVE BIT(4)
#define INTR_RESERVED BITS(31, 5)

/* VM-entry interruption types (bits 10:8) */
#define EV_EXT_INT 0
#define EV_NMI 2
#define EV_HW_EXC 3
#define EV_OTHER 7

/* GUEST_PENDING_DBG_EXCEPTIONS */
#define PDBG_BS BIT(14)
#define PDBG_ENABLED_BP BIT(12)
#define PDBG_RTM BIT(16)
#define PDBG_RESERVED (BITS(11, 4) | BIT(13) | BIT(15) | BITS(63, 17))
#define PDBG_RTM_MUST_BE_0 (BITS(11, 0) | BITS(15, 13) | BITS(63, 17))

#define RFLAGS_TF BIT(8)
#define RFLAGS_IF BIT(9)
#define DEBUGCTL_BTF BIT(1)

#define VMCS_REVISION_MASK BITS(30, 0)
#define VMCS_SHADOW_INDICATOR BIT(31)
#define SEC_VMCS_SHADOWING 14
#define ENTRY_CTL_SMM 10

#define NOTE_SW_CPU "Bochs and VirtualBox test this in software; KVM and Xen copy the field " \
	"into the merged VMCS and let the processor reject it."
#define NOTE_KVM_ACTIVE "KVM never runs the merged VMCS in a non-active state and does not " \
	"test this in software, so the entry succeeds under KVM; Xen does not propagate the " \
	"activity state at all."
#define HINT_NEVER_WRITTEN "This field was probably never written: VMCLEAR does not promise " \
	"zeros. Write activity state = 0, interruptibility = 0 and pending debug exceptions = 0 " \
	"explicitly."
#define HINT_LINKPTR "Without VMCS shadowing, VMCS_LINK_POINTER must be all ones " \
	"(FFFFFFFF_FFFFFFFFH); 0 does not mean \"no link\"."

/* ---- named helpers ---- */

static unsigned activity(const struct va_ctx *c)
{
	return (unsigned)va_get(c, FLD_GUEST_ACTIVITY_STATE);
}

static uint64_t interruptibility(const struct va_ctx *c)
{
	return va_get(c, FLD_GUEST_INTERRUPTIBILITY_INFO);
}

static uint64_t pending_dbg(const struct va_ctx *c)
{
	return va_get(c, FLD_GUEST_PENDING_DBG_EXCEPTIONS);
}

static unsigned event_type(const struct va_ctx *c)
{
	return (unsigned)(c->vec[VEC_INTR] >> 8) & 7;
}

static unsigned event_vector(const struct va_ctx *c)
{
	return (unsigned)c->vec[VEC_INTR] & 0xff;
}

static unsigned ss_dpl(const struct va_ctx *c)
{
	return (unsigned)(va_get(c, FLD_GUEST_SS_AR_BYTES) >> 5) & 3;
}

static bool has_bits(uint64_t value, uint64_t bits)
{
	return (value & bits) != 0;
}

/* The link pointer passed GUEST.LINKPTR.ALIGN and .WIDTH, so the processor
 * dereferences it.  With the width unknown, the rule goes on and its
 * VA_NEED_MAXPHYADDR makes it "unknown". */
static bool link_pointer_usable(const struct va_ctx *c)
{
	uint64_t p = va_get(c, FLD_VMCS_LINK_POINTER);
	if (!va_cond(c, COND_LINK_POINTER) || has_bits(p, BITS(11, 0)))
		return false;
	return !(c->have & VA_NEED_MAXPHYADDR) || va_beyond_width(p, c->maxphyaddr) == 0;
}

/* ---- applies ---- */

static bool state_not_active_in_range(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return activity(c) >= ACT_HLT && activity(c) <= ACT_WAIT_SIPI;
}

/* rule.arg = the activity state the rule is about */
static bool state_is(const struct va_ctx *c, const struct va_rule *r)
{
	return activity(c) == r->arg;
}

/* rule.arg = the interruption type the rule is about */
static bool event_type_is(const struct va_ctx *c, const struct va_rule *r)
{
	return event_type(c) == r->arg;
}

static bool ss_dpl_is_3(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return ss_dpl(c) == 3;
}

static bool enclave_interruption(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return has_bits(interruptibility(c), INTR_ENCLAVE);
}

/* STI or MOV-SS blocking, or HLT: when the BS rules apply. */
static bool bs_trigger(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return has_bits(interruptibility(c), INTR_STI | INTR_MOVSS) || activity(c) == ACT_HLT;
}

static bool rtm_pending(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return has_bits(pending_dbg(c), PDBG_RTM);
}

static bool link_pointer_dereferenced(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return link_pointer_usable(c);
}

static bool not_smm_or_smm_entry(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return !va_cond(c, COND_IN_SMM) || has_bits(c->vec[VEC_ENTRY], BIT(ENTRY_CTL_SMM));
}

static bool link_pointer_set(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return va_cond(c, COND_LINK_POINTER);
}

/* ---- predicates ---- */

static enum va_status activity_in_range(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	e->v[0] = activity(c);
	return e->v[0] <= ACT_WAIT_SIPI ? VA_PASS : VA_FAIL;
}

/* {0} state, {1} IA32_VMX_MISC, {2} the MISC bit that enumerates the state */
static enum va_status activity_supported(const struct va_ctx *c, const struct va_rule *r,
					 struct va_eval *e)
{
	(void)r;
	uint64_t misc = c->st->msr[MSR_IA32_VMX_MISC];
	unsigned bit = 5 + activity(c);     /* HLT 6, shutdown 7, wait-for-SIPI 8 */
	e->v[0] = activity(c);
	e->v[1] = misc;
	e->v[2] = bit;
	return has_bits(misc, BIT(bit)) ? VA_PASS : VA_FAIL;
}

/* {0} GUEST_SS_AR_BYTES, {1} SS.DPL */
static enum va_status hlt_at_cpl0(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	(void)r;
	e->v[0] = va_get(c, FLD_GUEST_SS_AR_BYTES);
	e->v[1] = ss_dpl(c);
	return e->v[1] == 0 ? VA_PASS : VA_FAIL;
}

/* {0} interruptibility, {1} STI/MOV-SS bits set, {2} activity state */
static enum va_status blocking_needs_active(const struct va_ctx *c, const struct va_rule *r,
					    struct va_eval *e)
{
	(void)r;
	e->v[0] = interruptibility(c);
	e->v[1] = e->v[0] & (INTR_STI | INTR_MOVSS);
	e->v[2] = activity(c);
	return e->v[1] == 0 || e->v[2] == ACT_ACTIVE ? VA_PASS : VA_FAIL;
}

/* The injected event may be delivered in the activity state of rule.arg:
 * {0} interruption information, {1} type, {2} vector, {3} state. */
static enum va_status event_allowed_in_state(const struct va_ctx *c, const struct va_rule *r,
					     struct va_eval *e)
{
	unsigned type = event_type(c), vector = event_vector(c);
	bool ok = false;

	e->v[0] = c->vec[VEC_INTR];
	e->v[1] = type;
	e->v[2] = vector;
	e->v[3] = r->arg;
	switch (r->arg) {
	case ACT_HLT:
		ok = type == EV_EXT_INT || type == EV_NMI ||
		     (type == EV_HW_EXC && (vector == 1 || vector == 18)) ||
		     (type == EV_OTHER && vector == 0);
		break;
	case ACT_SHUTDOWN:
		ok = type == EV_NMI || (type == EV_HW_EXC && vector == 18);
		break;
	default:
		ok = false;     /* wait-for-SIPI accepts no event */
		break;
	}
	return ok ? VA_PASS : VA_FAIL;
}

/* {0} interruption information: no event may be injected. */
static enum va_status no_event(const struct va_ctx *c, const struct va_rule *r,
			       struct va_eval *e)
{
	(void)r;
	e->v[0] = c->vec[VEC_INTR];
	return va_cond(c, COND_EVENT) ? VA_FAIL : VA_PASS;
}

/* {0} activity state: not wait-for-SIPI */
static enum va_status not_wait_for_sipi(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	e->v[0] = activity(c);
	return e->v[0] == ACT_WAIT_SIPI ? VA_FAIL : VA_PASS;
}

/* {0} interruptibility, {1} the STI and MOV-SS bits when both are set */
static enum va_status not_sti_and_movss(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	uint64_t both = INTR_STI | INTR_MOVSS;
	e->v[0] = interruptibility(c);
	e->v[1] = e->v[0] & both;
	return e->v[1] == both ? VA_FAIL : VA_PASS;
}

/* {0} interruptibility, {1} RFLAGS */
static enum va_status sti_needs_if(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	(void)r;
	e->v[0] = interruptibility(c);
	e->v[1] = va_get(c, FLD_GUEST_RFLAGS);
	return has_bits(e->v[0], INTR_STI) && !has_bits(e->v[1], RFLAGS_IF) ? VA_FAIL : VA_PASS;
}

/* rule.field, rule.mask = bits that must be 0: {0} value, {1} bits set,
 * {2} the interruption-information field. */
static enum va_status zero_bits_with_event(const struct va_ctx *c, const struct va_rule *r,
					   struct va_eval *e)
{
	enum va_status s = va_check_zero_bits(c, r, e);
	e->v[2] = c->vec[VEC_INTR];
	return s;
}

/* rule.arg = enum va_fact: the CPU feature (SGX or RTM) must be enumerated:
 * {0} the field that asks for it, {1} the fact (0/1). */
static enum va_status feature_present(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = va_fact_value(c, (enum va_fact)r->arg);
	return e->v[1] ? VA_PASS : VA_FAIL;
}

/* BS (bit 14) as TF and BTF demand; rule.arg = 1 for "must be 1" (TF = 1,
 * BTF = 0), 0 for "must be 0" (TF = 0 or BTF = 1).  {0} pending debug
 * exceptions, {1} RFLAGS, {2} IA32_DEBUGCTL, {3} interruptibility. */
static enum va_status bs_consistent(const struct va_ctx *c, const struct va_rule *r,
				    struct va_eval *e)
{
	e->v[0] = pending_dbg(c);
	e->v[1] = va_get(c, FLD_GUEST_RFLAGS);
	e->v[2] = va_get(c, FLD_GUEST_IA32_DEBUGCTL);
	e->v[3] = interruptibility(c);
	bool single_step = has_bits(e->v[1], RFLAGS_TF) && !has_bits(e->v[2], DEBUGCTL_BTF);
	bool bs = has_bits(e->v[0], PDBG_BS);
	if (r->arg)
		return single_step && !bs ? VA_FAIL : VA_PASS;
	return !single_step && bs ? VA_FAIL : VA_PASS;
}

/* {0} pending debug exceptions, {1} interruptibility */
/* Repair: BS (bit 14) says what the single-step state says (rule.arg). */
static bool bs_fix(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		   struct va_state *out)
{
	(void)c;
	uint64_t pd = e->v[0] & ~PDBG_BS;
	return va_repair_set(out, FLD_GUEST_PENDING_DBG_EXCEPTIONS, r->arg ? pd | PDBG_BS : pd);
}

static enum va_status rtm_without_movss(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	e->v[0] = pending_dbg(c);
	e->v[1] = interruptibility(c);
	return has_bits(e->v[1], INTR_MOVSS) ? VA_FAIL : VA_PASS;
}

/* The dword at the link pointer: {0} the dword, {1} the part the rule
 * compares, {2} the link pointer, {3} the value required. */
static enum va_status read_link_dword(const struct va_ctx *c, struct va_eval *e)
{
	uint64_t p = va_get(c, FLD_VMCS_LINK_POINTER), q;
	e->v[2] = p;
	if (va_mem_read64(c->st, p, &q)) {
		e->unknown = VA_UNK_MEMORY;
		e->unknown_arg = p;
		return VA_UNKNOWN;
	}
	e->v[0] = q & BITS(31, 0);
	return VA_PASS;
}

static enum va_status link_revision(const struct va_ctx *c, const struct va_rule *r,
				    struct va_eval *e)
{
	(void)r;
	e->v[3] = c->basic & VMCS_REVISION_MASK;
	if (read_link_dword(c, e) != VA_PASS)
		return VA_UNKNOWN;
	e->v[1] = e->v[0] & VMCS_REVISION_MASK;
	if (c->open & VA_NEED_BASIC)
		return va_unknown_need(e, VA_NEED_BIT_BASIC);
	return e->v[1] == e->v[3] ? VA_PASS : VA_FAIL;
}

static enum va_status link_shadow_bit(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	(void)r;
	if (read_link_dword(c, e) != VA_PASS)
		return VA_UNKNOWN;
	e->v[1] = has_bits(e->v[0], VMCS_SHADOW_INDICATOR);
	e->v[3] = has_bits(c->vec[VEC_SEC], BIT(SEC_VMCS_SHADOWING));
	return e->v[1] == e->v[3] ? VA_PASS : VA_FAIL;
}

/* {0} link pointer, {1} the other pointer */
static enum va_status link_not_current(const struct va_ctx *c, const struct va_rule *r,
				       struct va_eval *e)
{
	(void)r;
	e->v[0] = va_get(c, FLD_VMCS_LINK_POINTER);
	e->v[1] = va_entry_value(c, ENTRY_CURRENT_VMCS_POINTER);
	return e->v[0] == e->v[1] ? VA_FAIL : VA_PASS;
}

static enum va_status link_not_executive(const struct va_ctx *c, const struct va_rule *r,
					 struct va_eval *e)
{
	(void)r;
	e->v[0] = va_get(c, FLD_VMCS_LINK_POINTER);
	e->v[1] = va_get(c, FLD_EXECUTIVE_VMCS_POINTER);
	return e->v[0] == e->v[1] ? VA_FAIL : VA_PASS;
}

/* ---- hints that depend on the values ---- */

static const char *link_align_hint(const struct va_eval *e)
{
	if (e->v[0] == BITS(31, 0))
		return "Only the low half is all ones: a 32-bit VMM must also write the high half "
		       "(VMCS_LINK_POINTER_HIGH, encoding 2801H) as FFFFFFFFH.";
	return NULL;
}

static const char *link_width_hint(const struct va_eval *e)
{
	if (e->v[0] == BITS(63, 32))
		return "Only the high half is all ones: write the whole field as "
		       "FFFFFFFF_FFFFFFFFH (a 32-bit VMM writes both halves).";
	if (has_bits(e->v[0], BITS(63, 48)))
		return "This looks like a virtual address. The field needs the physical address of "
		       "a 4-KiB-aligned shadow VMCS, or all ones.";
	return NULL;
}

/* For the rules that read memory: {2} is the link pointer. */
static const char *link_memory_hint(const struct va_eval *e)
{
	if (e->v[2] == 0)
		return "VMCS_LINK_POINTER is 0, and 0 is not \"off\": without VMCS shadowing write "
		       "FFFFFFFF_FFFFFFFFH.";
	return NULL;
}

static const char *bs_required_hint(const struct va_eval *e)
{
	if (!has_bits(e->v[3], INTR_STI | INTR_MOVSS))
		return "The guest is in HLT with TF = 1: set BS (bit 14) in the pending debug "
		       "exceptions, or clear TF.";
	return NULL;
}

const struct va_rule va_rules_guest_nonregister[] = {
	/* Activity state */
	{
		.id = "GUEST.ACTIVITY.RANGE", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_ACTIVITY_STATE is 0 (active), 1 (HLT), 2 (shutdown) or 3 "
			   "(wait-for-SIPI)",
		.message = "{field} = {0:d}: the valid states are 0 (active), 1 (HLT), 2 (shutdown) "
			   "and 3 (wait-for-SIPI)",
		.hint = HINT_NEVER_WRITTEN,
		.notes = "KVM accepts only 0, 1 and 3. VirtualBox tests the state number against "
			 "the IA32_VMX_MISC bitmap with a bitwise AND, so it accepts some values "
			 "above 3. Xen does not copy the field. Bochs follows the SDM.",
		.fields = { FLD_GUEST_ACTIVITY_STATE },
		.check = activity_in_range, .field = FLD_GUEST_ACTIVITY_STATE,
	},
	{
		.id = "GUEST.ACTIVITY.SUPPORTED", .sdm = "26.3.1.5", .sdm_also = "A.6",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "A non-active activity state is one IA32_VMX_MISC enumerates (bit 6 HLT, "
			   "bit 7 shutdown, bit 8 wait-for-SIPI)",
		.message = "GUEST_ACTIVITY_STATE = {0:d}, but IA32_VMX_MISC = {1} has bit {2:d} "
			   "clear: this processor does not support that activity state",
		.hint = "Read IA32_VMX_MISC bits 8:6 before restoring a non-active state; virtual "
			"CPUs (nested L0s) often offer only HLT.",
		.notes = "Bochs supports all three states and never reads IA32_VMX_MISC. KVM "
			 "accepts HLT and wait-for-SIPI only. VirtualBox ANDs the state number "
			 "with the bitmap, which with its own MISC value rejects valid states. "
			 "Xen does not copy the field.",
		.applies_text = "GUEST_ACTIVITY_STATE is 1, 2 or 3",
		.fields = { FLD_GUEST_ACTIVITY_STATE },
		.needs = VA_NEED_MISC,
		.applies = state_not_active_in_range, .applies_reads = 0x1,
		.check = activity_supported, .field = FLD_GUEST_ACTIVITY_STATE,
	},
	{
		.id = "GUEST.ACTIVITY.HLT_SS_DPL", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "In the HLT state, SS.DPL (GUEST_SS_AR_BYTES bits 6:5) is 0",
		.message = "GUEST_ACTIVITY_STATE = 1 (HLT), but GUEST_SS_AR_BYTES = {0} gives "
			   "SS.DPL = {1:d}: only CPL 0 can halt",
		.hint = "HLT is privileged: a guest saved in HLT was at CPL 0. Check the saved SS "
			"access rights, or enter in the active state.",
		.notes = "Bochs and VirtualBox check it. KVM never enters the merged VMCS in HLT, so "
			 "neither it nor the processor checks it; Xen drops the activity state.",
		.applies_text = "GUEST_ACTIVITY_STATE = 1 (HLT)",
		.fields = { FLD_GUEST_ACTIVITY_STATE, FLD_GUEST_SS_AR_BYTES },
		.applies = state_is, .applies_reads = 0x1, .arg = ACT_HLT,
		.check = hlt_at_cpl0,
	},
	{
		.id = "GUEST.ACTIVITY.BLOCKING_REQUIRES_ACTIVE", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "Blocking by STI or by MOV SS (interruptibility bit 0 or 1) only with "
			   "activity state 0 (active)",
		.message = "GUEST_INTERRUPTIBILITY_INFO = {0} indicates {1:bits}, which requires "
			   "the active state, but GUEST_ACTIVITY_STATE = {2:d}",
		.hint = "An STI or MOV-SS shadow lasts one instruction of a running guest; clear "
			"it when the guest is saved in HLT, shutdown or wait-for-SIPI.",
		.notes = "VirtualBox compares the whole field with 1 or 2, so combinations with "
			 "the SMI/NMI bits slip through. " NOTE_KVM_ACTIVE,
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_GUEST_ACTIVITY_STATE },
		.check = blocking_needs_active, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.ACTIVITY.EVENT_HLT", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "An event injected into the HLT state is an external interrupt, an NMI, "
			   "#DB or #MC as a hardware exception, or a pending MTF (type 7, vector 0)",
		.message = "VM_ENTRY_INTR_INFO_FIELD = {0} injects type {1:d}, vector {2:d} into the "
			   "HLT state, which accepts only an external interrupt (type 0), an NMI "
			   "(type 2), hardware exception 1 (#DB) or 18 (#MC), or type 7 vector 0",
		.hint = "Set the activity state to 0 (active) when injecting an exception or a "
			"software interrupt: the guest leaves HLT to handle it.",
		.notes = "Only VirtualBox checks it; Bochs does not, KVM never enters the merged "
			 "VMCS in HLT, and Xen drops the activity state.",
		.applies_text = "GUEST_ACTIVITY_STATE = 1 (HLT)",
		.fields = { FLD_GUEST_ACTIVITY_STATE, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = state_is, .applies_reads = 0x1, .arg = ACT_HLT,
		.check = event_allowed_in_state,
	},
	{
		.id = "GUEST.ACTIVITY.EVENT_SHUTDOWN", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "An event injected into the shutdown state is an NMI or a #MC (type 3, "
			   "vector 18)",
		.message = "VM_ENTRY_INTR_INFO_FIELD = {0} injects type {1:d}, vector {2:d} into the "
			   "shutdown state, which accepts only an NMI (type 2) or #MC (type 3, "
			   "vector 18)",
		.notes = "Bochs accepts any type whose vector is 18 (e.g. software interrupt 18). "
			 "VirtualBox checks it; KVM does not (it never enters the merged VMCS in "
			 "shutdown) and Xen drops the activity state.",
		.applies_text = "GUEST_ACTIVITY_STATE = 2 (shutdown)",
		.fields = { FLD_GUEST_ACTIVITY_STATE, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = state_is, .applies_reads = 0x1, .arg = ACT_SHUTDOWN,
		.check = event_allowed_in_state,
	},
	{
		.id = "GUEST.ACTIVITY.EVENT_WAIT_SIPI", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "No event is injected into the wait-for-SIPI state",
		.message = "VM_ENTRY_INTR_INFO_FIELD = {0} injects an event, but the wait-for-SIPI "
			   "state (GUEST_ACTIVITY_STATE = 3) accepts none",
		.hint = "A vCPU waiting for SIPI takes no events; deliver the SIPI by entering in "
			"the active state at the SIPI vector instead.",
		.notes = "Bochs checks it; VirtualBox only partly. KVM does not check it in "
			 "software and Xen drops the activity state.",
		.applies_text = "GUEST_ACTIVITY_STATE = 3 (wait-for-SIPI)",
		.fields = { FLD_GUEST_ACTIVITY_STATE, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.applies = state_is, .applies_reads = 0x1, .arg = ACT_WAIT_SIPI,
		.check = no_event,
	},
	{
		.id = "GUEST.ACTIVITY.SIPI_WITH_SMM_ENTRY", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "The activity state is not wait-for-SIPI when the \"entry to SMM\" "
			   "VM-entry control is 1",
		.message = "GUEST_ACTIVITY_STATE = {0:d} (wait-for-SIPI) with the \"entry to SMM\" "
			   "VM-entry control = 1",
		.notes = "Only Bochs models the dual-monitor treatment; KVM, VirtualBox and Xen "
			 "cannot set \"entry to SMM\". Outside SMM the control already fails the "
			 "26.2 control checks, so this matters only for an SMM monitor.",
		.fields = { FLD_GUEST_ACTIVITY_STATE, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, ENTRY_CTL_SMM) },
		.check = not_wait_for_sipi,
	},
	/* Interruptibility state */
	{
		.id = "GUEST.INTR.RESERVED", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_INTERRUPTIBILITY_INFO bits 31:5 are 0",
		.message = MSG_ZERO_BITS,
		.hint = HINT_NEVER_WRITTEN,
		.notes = "Bochs also treats bit 4 (enclave interruption) as reserved, having no SGX. "
			 "VirtualBox checks it; KVM and Xen leave it to the processor.",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO },
		.check = va_check_zero_bits, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.repair = va_repair_clear_v1,
		.mask = INTR_RESERVED, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.STI_AND_MOVSS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "Blocking by STI (bit 0) and blocking by MOV SS (bit 1) are not both set",
		.message = "{field} = {0}: {1:bits} are both set; at most one of them may be",
		.notes = NOTE_SW_CPU,
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO },
		.check = not_sti_and_movss, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.STI_WITHOUT_IF", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "Blocking by STI (bit 0) only with GUEST_RFLAGS.IF = 1",
		.message = "GUEST_INTERRUPTIBILITY_INFO = {0} indicates blocking by STI, but "
			   "GUEST_RFLAGS = {1} has IF = 0",
		.hint = "STI blocking follows an STI that set IF. Clear a stale STI-blocking bit "
			"when restoring or migrating guest state with IF = 0.",
		.notes = NOTE_SW_CPU,
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_GUEST_RFLAGS },
		.check = sti_needs_if,
	},
	{
		.id = "GUEST.INTR.EXTINT_STI", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "No blocking by STI (bit 0) when an external interrupt is injected",
		.message = "{field} = {0} indicates {1:bits} while VM_ENTRY_INTR_INFO_FIELD = {2} "
			   "injects an external interrupt",
		.hint = "The guest is in an STI shadow: wait for the interrupt window "
			"(interrupt-window exiting) before injecting.",
		.notes = NOTE_SW_CPU,
		.applies_text = "the injected event is an external interrupt (type 0)",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = event_type_is, .applies_reads = 0x2, .arg = EV_EXT_INT,
		.check = zero_bits_with_event, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.mask = INTR_STI, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.EXTINT_MOVSS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "No blocking by MOV SS (bit 1) when an external interrupt is injected",
		.message = "{field} = {0} indicates {1:bits} while VM_ENTRY_INTR_INFO_FIELD = {2} "
			   "injects an external interrupt",
		.hint = "The guest is in a MOV-SS shadow: wait for the interrupt window before "
			"injecting.",
		.notes = NOTE_SW_CPU,
		.applies_text = "the injected event is an external interrupt (type 0)",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = event_type_is, .applies_reads = 0x2, .arg = EV_EXT_INT,
		.check = zero_bits_with_event, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.mask = INTR_MOVSS, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.NMI_MOVSS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "No blocking by MOV SS (bit 1) when an NMI is injected",
		.message = "{field} = {0} indicates {1:bits} while VM_ENTRY_INTR_INFO_FIELD = {2} "
			   "injects an NMI",
		.hint = "The guest is in a MOV-SS shadow: wait for the NMI window (NMI-window "
			"exiting) before injecting the NMI.",
		.notes = NOTE_SW_CPU,
		.applies_text = "the injected event is an NMI (type 2)",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = event_type_is, .applies_reads = 0x2, .arg = EV_NMI,
		.check = zero_bits_with_event, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.mask = INTR_MOVSS, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.NMI_STI", .sdm = "26.3.1.5", .sdm_also = "26.7",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.qualification = 3, .flags = VA_RULE_QUAL_MAY_VARY,
		.summary = "No blocking by STI (bit 0) when an NMI is injected (the 2016-2020 text "
			   "lets a processor require this; later editions require it)",
		.message = "{field} = {0} indicates {1:bits} while VM_ENTRY_INTR_INFO_FIELD = {2} "
			   "injects an NMI",
		.hint = "An NMI is injected into an STI shadow: wait for the NMI window "
			"(NMI-window exiting) instead. Exit qualification 3 names this case.",
		.notes = "The 2016-2020 SDM makes this processor-specific (\"may require\"), with "
			 "exit qualification 3. Bochs fails it but reports qualification 0; "
			 "VirtualBox reports 3 only when MOV-SS blocking is clear; KVM and Xen leave "
			 "it to the processor.",
		.applies_text = "the injected event is an NMI (type 2)",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = event_type_is, .applies_reads = 0x2, .arg = EV_NMI,
		.check = zero_bits_with_event, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.mask = INTR_STI, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.SMI_OUTSIDE_SMM", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "Blocking by SMI (bit 2) is 0 when the processor is not in SMM",
		.message = "{field} = {0} indicates {1:bits}, but the VMM is not in SMM",
		.hint = HINT_NEVER_WRITTEN,
		.notes = NOTE_SW_CPU,
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO },
		.gate = { UNLESS(VEC_COND, COND_IN_SMM) },
		.check = va_check_zero_bits, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.repair = va_repair_clear_v1,
		.mask = INTR_SMI, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.SMI_FOR_SMM_ENTRY", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "Blocking by SMI (bit 2) is 1 when the \"entry to SMM\" VM-entry control "
			   "is 1",
		.message = "{field} = {0}: {1:bits} must be 1 with \"entry to SMM\" = 1",
		.notes = "Only Bochs models the dual-monitor treatment; KVM, VirtualBox and Xen "
			 "cannot set \"entry to SMM\".",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, ENTRY_CTL_SMM) },
		.check = va_check_one_bits, .field = FLD_GUEST_INTERRUPTIBILITY_INFO, .mask = INTR_SMI,
		.repair = va_repair_set_v1,
		.bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.VNMI_BLOCKED_NMI_INJECT", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "With \"virtual NMIs\", blocking by NMI (bit 3) is 0 when an NMI is "
			   "injected",
		.message = "{field} = {0} indicates {1:bits} while VM_ENTRY_INTR_INFO_FIELD = {2} "
			   "injects an NMI with \"virtual NMIs\" = 1",
		.hint = "Virtual-NMI blocking is still set from the previous NMI: inject after the "
			"guest's IRET (NMI-window exiting), or clear the bit if the guest already "
			"returned.",
		.notes = "No requirement when \"virtual NMIs\" is 0. " NOTE_SW_CPU,
		.applies_text = "the injected event is an NMI (type 2)",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_VM_ENTRY_INTR_INFO_FIELD,
			    FLD_PIN_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_PIN, 5), WHEN(VEC_COND, COND_EVENT) },
		.applies = event_type_is, .applies_reads = 0x2, .arg = EV_NMI,
		.check = zero_bits_with_event, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.mask = INTR_NMI, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.ENCLAVE_MOVSS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "With enclave interruption (bit 4), blocking by MOV SS (bit 1) is 0",
		.message = "{field} = {0} indicates {1:bits} together with enclave interruption",
		.notes = "Bochs and VirtualBox reject bit 4 outright (no SGX), so they fail such a "
			 "state for a different reason. KVM and Xen leave it to the processor.",
		.applies_text = "GUEST_INTERRUPTIBILITY_INFO bit 4 (enclave interruption) = 1",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO },
		.applies = enclave_interruption, .applies_reads = 0x1,
		.check = va_check_zero_bits, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.repair = va_repair_clear_v1,
		.mask = INTR_MOVSS, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	{
		.id = "GUEST.INTR.ENCLAVE_NO_SGX", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "Enclave interruption (bit 4) only on a processor that enumerates SGX "
			   "(CPUID.(EAX=7,ECX=0):EBX[2])",
		.message = "{field} = {0} indicates enclave interruption, but the processor does not "
			   "support SGX ([cpu] sgx = {1:d})",
		.hint = "Bit 4 is meaningful only on SGX parts; a state saved on another machine or "
			"a never-written field can carry it.",
		.notes = "Bochs and VirtualBox have no SGX and reject bit 4 as reserved. KVM and Xen "
			 "leave it to the processor.",
		.applies_text = "GUEST_INTERRUPTIBILITY_INFO bit 4 (enclave interruption) = 1",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO },
		.needs = VA_NEED_SGX,
		.applies = enclave_interruption, .applies_reads = 0x1,
		.check = feature_present, .field = FLD_GUEST_INTERRUPTIBILITY_INFO, .arg = FACT_SGX,
	},
	{
		.id = "GUEST.INTR.FRED_STI_USER", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.flags = VA_RULE_UNCONFIRMED,
		.summary = "For a FRED guest at CPL 3 (SS.DPL = 3), blocking by STI (bit 0) is 0",
		.message = "{field} = {0} indicates {1:bits} for a FRED guest entered at CPL 3 "
			   "(SS.DPL = 3)",
		.notes = "From the newest SDM editions, known here only through Bochs and KVM's "
			 "FRED patches (both check it); VirtualBox and Xen have no FRED support.",
		.applies_text = "SS.DPL (GUEST_SS_AR_BYTES bits 6:5) = 3",
		.fields = { FLD_GUEST_INTERRUPTIBILITY_INFO, FLD_GUEST_SS_AR_BYTES, FLD_GUEST_CR4,
			    FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_COND, COND_FRED_GUEST) },
		.applies = ss_dpl_is_3, .applies_reads = 0x2,
		.check = va_check_zero_bits, .field = FLD_GUEST_INTERRUPTIBILITY_INFO,
		.repair = va_repair_clear_v1,
		.mask = INTR_STI, .bitset = VA_BITS_INTERRUPTIBILITY,
	},
	/* Pending debug exceptions */
	{
		.id = "GUEST.PENDDBG.RESERVED", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "GUEST_PENDING_DBG_EXCEPTIONS bits 11:4, 13, 15 and 63:17 are 0",
		.message = MSG_ZERO_BITS,
		.hint = HINT_NEVER_WRITTEN,
		.notes = "Bochs truncates the field to 32 bits before the test (bits 63:32 go "
			 "unchecked) and also rejects bit 16, having no RTM. VirtualBox checks it; "
			 "KVM and Xen leave it to the processor.",
		.fields = { FLD_GUEST_PENDING_DBG_EXCEPTIONS },
		.check = va_check_zero_bits, .field = FLD_GUEST_PENDING_DBG_EXCEPTIONS,
		.repair = va_repair_clear_v1,
		.mask = PDBG_RESERVED, .bitset = VA_BITS_PENDING_DBG,
	},
	{
		.id = "GUEST.PENDDBG.BS_REQUIRED", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "In an STI/MOV-SS shadow or HLT, BS (bit 14) is 1 if RFLAGS.TF = 1 and "
			   "IA32_DEBUGCTL.BTF = 0",
		.message = "GUEST_PENDING_DBG_EXCEPTIONS = {0} has BS = 0, but GUEST_RFLAGS = {1} "
			   "has TF = 1 and GUEST_IA32_DEBUGCTL = {2} has BTF = 0 while the guest is "
			   "blocked (GUEST_INTERRUPTIBILITY_INFO = {3}) or in HLT: BS must be 1",
		.hint = "The guest single-steps (TF = 1) inside an STI/MOV-SS shadow, so the #DB it "
			"owes is pending: set BS (bit 14). Typical when single-stepping or "
			"re-injecting #DB/ICEBP.",
		.hint_for = bs_required_hint,
		.notes = "BTF is read from the VMCS field even when \"load debug controls\" is 0. "
			 "Bochs does not check it. VirtualBox does. KVM and Xen rely on the "
			 "processor, which never sees HLT there, so the HLT case goes unchecked.",
		.applies_text = "blocking by STI or MOV SS (interruptibility bit 0 or 1), or "
				"GUEST_ACTIVITY_STATE = 1 (HLT)",
		.fields = { FLD_GUEST_PENDING_DBG_EXCEPTIONS, FLD_GUEST_RFLAGS,
			    FLD_GUEST_IA32_DEBUGCTL, FLD_GUEST_INTERRUPTIBILITY_INFO,
			    FLD_GUEST_ACTIVITY_STATE },
		.applies = bs_trigger, .applies_reads = 0x18,
		.check = bs_consistent, .arg = 1,
		.repair = bs_fix,
	},
	{
		.id = "GUEST.PENDDBG.BS_FORBIDDEN", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "In an STI/MOV-SS shadow or HLT, BS (bit 14) is 0 if RFLAGS.TF = 0 or "
			   "IA32_DEBUGCTL.BTF = 1",
		.message = "GUEST_PENDING_DBG_EXCEPTIONS = {0} has BS = 1, but GUEST_RFLAGS = {1} "
			   "and GUEST_IA32_DEBUGCTL = {2} do not single-step (TF = 0 or BTF = 1) while "
			   "the guest is blocked (GUEST_INTERRUPTIBILITY_INFO = {3}) or in HLT: BS "
			   "must be 0",
		.hint = "A stale BS bit: clear bit 14 of the pending debug exceptions when the "
			"guest is not single-stepping.",
		.notes = "Bochs does not check it. VirtualBox does. KVM and Xen rely on the "
			 "processor, which never sees HLT there.",
		.applies_text = "blocking by STI or MOV SS (interruptibility bit 0 or 1), or "
				"GUEST_ACTIVITY_STATE = 1 (HLT)",
		.fields = { FLD_GUEST_PENDING_DBG_EXCEPTIONS, FLD_GUEST_RFLAGS,
			    FLD_GUEST_IA32_DEBUGCTL, FLD_GUEST_INTERRUPTIBILITY_INFO,
			    FLD_GUEST_ACTIVITY_STATE },
		.applies = bs_trigger, .applies_reads = 0x18,
		.check = bs_consistent, .arg = 0,
		.repair = bs_fix,
	},
	{
		.id = "GUEST.PENDDBG.RTM_OTHER_BITS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "With RTM (bit 16) set, pending-debug bits 11:0, 15:13 and 63:17 are 0",
		.message = "{field} = {0} indicates an RTM debug exception, so {1:bits} must be 0",
		.notes = "Bochs and VirtualBox reject bit 16 outright (no RTM). KVM and Xen leave it "
			 "to the processor.",
		.applies_text = "GUEST_PENDING_DBG_EXCEPTIONS bit 16 (RTM) = 1",
		.fields = { FLD_GUEST_PENDING_DBG_EXCEPTIONS },
		.applies = rtm_pending, .applies_reads = 0x1,
		.check = va_check_zero_bits, .field = FLD_GUEST_PENDING_DBG_EXCEPTIONS,
		.repair = va_repair_clear_v1,
		.mask = PDBG_RTM_MUST_BE_0, .bitset = VA_BITS_PENDING_DBG,
	},
	{
		.id = "GUEST.PENDDBG.RTM_BIT12", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "With RTM (bit 16) set, bit 12 (enabled breakpoint) is 1",
		.message = "{field} = {0} indicates an RTM debug exception, so {1:bits} must be 1",
		.notes = "Bochs and VirtualBox reject bit 16 outright (no RTM). KVM and Xen leave it "
			 "to the processor.",
		.applies_text = "GUEST_PENDING_DBG_EXCEPTIONS bit 16 (RTM) = 1",
		.fields = { FLD_GUEST_PENDING_DBG_EXCEPTIONS },
		.applies = rtm_pending, .applies_reads = 0x1,
		.check = va_check_one_bits, .field = FLD_GUEST_PENDING_DBG_EXCEPTIONS,
		.repair = va_repair_set_v1,
		.mask = PDBG_ENABLED_BP, .bitset = VA_BITS_PENDING_DBG,
	},
	{
		.id = "GUEST.PENDDBG.RTM_UNSUPPORTED", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "RTM (bit 16) only on a processor that enumerates RTM "
			   "(CPUID.(EAX=7,ECX=0):EBX[11])",
		.message = "{field} = {0} indicates an RTM debug exception, but the processor does "
			   "not support RTM ([cpu] rtm = {1:d})",
		.hint = "Many CPUs have RTM disabled by microcode; a state saved on another machine "
			"can carry bit 16.",
		.notes = "Bochs and VirtualBox reject bit 16 as reserved. KVM and Xen leave it to the "
			 "processor.",
		.applies_text = "GUEST_PENDING_DBG_EXCEPTIONS bit 16 (RTM) = 1",
		.fields = { FLD_GUEST_PENDING_DBG_EXCEPTIONS },
		.needs = VA_NEED_RTM,
		.applies = rtm_pending, .applies_reads = 0x1,
		.check = feature_present, .field = FLD_GUEST_PENDING_DBG_EXCEPTIONS, .arg = FACT_RTM,
	},
	{
		.id = "GUEST.PENDDBG.RTM_MOVSS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.summary = "With RTM (bit 16) set, there is no blocking by MOV SS (interruptibility "
			   "bit 1)",
		.message = "GUEST_PENDING_DBG_EXCEPTIONS = {0} indicates an RTM debug exception, but "
			   "GUEST_INTERRUPTIBILITY_INFO = {1} indicates blocking by MOV SS",
		.notes = "Bochs and VirtualBox reject bit 16 outright (no RTM). KVM and Xen leave it "
			 "to the processor.",
		.applies_text = "GUEST_PENDING_DBG_EXCEPTIONS bit 16 (RTM) = 1",
		.fields = { FLD_GUEST_PENDING_DBG_EXCEPTIONS, FLD_GUEST_INTERRUPTIBILITY_INFO },
		.applies = rtm_pending, .applies_reads = 0x1,
		.check = rtm_without_movss,
	},
	/* VMCS link pointer (exit qualification 4) */
	{
		.id = "GUEST.LINKPTR.ALIGN", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.qualification = 4,
		.summary = "A VMCS link pointer other than FFFFFFFF_FFFFFFFFH has bits 11:0 = 0",
		.message = "{field} = {0} is neither FFFFFFFF_FFFFFFFFH nor 4-KiB aligned (bits "
			   "11:0 = {1})",
		.hint = HINT_LINKPTR,
		.hint_for = link_align_hint,
		.notes = "Bochs, KVM and VirtualBox check it. Xen copies the guest's value unchanged "
			 "into the hardware VMCS, where a guest-physical address is taken as a "
			 "host-physical one.",
		.fields = { FLD_VMCS_LINK_POINTER },
		.gate = { WHEN(VEC_COND, COND_LINK_POINTER) },
		.check = va_check_aligned, .field = FLD_VMCS_LINK_POINTER, .mask = BITS(11, 0),
		.repair = va_repair_link_pointer,
	},
	{
		.id = "GUEST.LINKPTR.WIDTH", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.qualification = 4,
		.summary = "A VMCS link pointer other than FFFFFFFF_FFFFFFFFH has no bits beyond the "
			   "physical-address width (bits 63:32 = 0 if IA32_VMX_BASIC[48] = 1)",
		.message = "{field} = {0} is not FFFFFFFF_FFFFFFFFH and has bits beyond the "
			   "physical-address width of {1:d} bits: {2}",
		.hint = HINT_LINKPTR,
		.hint_for = link_width_hint,
		.notes = "Bochs, KVM and VirtualBox check it; Xen copies the value unchanged into "
			 "the hardware VMCS.",
		.fields = { FLD_VMCS_LINK_POINTER },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_COND, COND_LINK_POINTER) },
		.check = va_check_width, .field = FLD_VMCS_LINK_POINTER,
		.repair = va_repair_link_pointer,
	},
	{
		.id = "GUEST.LINKPTR.REVISION", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.flags = VA_RULE_WANTS_LINKED_VMCS,
		.qualification = 4,
		.summary = "Bits 30:0 of the dword at the VMCS link pointer are the VMCS revision "
			   "identifier (IA32_VMX_BASIC[30:0])",
		.message = "the dword at VMCS_LINK_POINTER = {2} is {0}: its bits 30:0 ({1}) must be "
			   "the VMCS revision identifier {3} of IA32_VMX_BASIC",
		.hint = HINT_LINKPTR " A shadow VMCS needs the revision identifier written to its "
			"first dword before use.",
		.hint_for = link_memory_hint,
		.notes = "Bochs, KVM and VirtualBox check it (VirtualBox only after loading guest "
			 "state, still with qualification 4); Xen copies the value unchanged into "
			 "the hardware VMCS.",
		.applies_text = "VMCS_LINK_POINTER passes the alignment and width checks (the "
				"processor then reads the dword it points to)",
		.fields = { FLD_VMCS_LINK_POINTER },
		.needs = VA_NEED_BASIC | VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_COND, COND_LINK_POINTER) },
		.applies = link_pointer_dereferenced,
		.check = link_revision,
		.repair = va_repair_link_pointer,
	},
	{
		.id = "GUEST.LINKPTR.SHADOW_BIT", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.qualification = 4,
		.summary = "Bit 31 of the dword at the VMCS link pointer (shadow-VMCS indicator) "
			   "equals the \"VMCS shadowing\" control",
		.message = "the dword at VMCS_LINK_POINTER = {2} is {0}: its bit 31 (shadow-VMCS "
			   "indicator) is {1:d} but must equal \"VMCS shadowing\" "
			   "(SECONDARY_VM_EXEC_CONTROL bit 14, effective value {3:d})",
		.hint = "With VMCS shadowing the link pointer names a shadow VMCS (bit 31 of its "
			"first dword set); without it, set the link pointer to "
			"FFFFFFFF_FFFFFFFFH.",
		.hint_for = link_memory_hint,
		.notes = "VirtualBox enforces only one direction: with shadowing off it accepts "
			 "bit 31 = 1. Bochs and KVM check both; Xen copies the value unchanged "
			 "into the hardware VMCS.",
		.applies_text = "VMCS_LINK_POINTER passes the alignment and width checks (the "
				"processor then reads the dword it points to)",
		.fields = { FLD_VMCS_LINK_POINTER, FLD_CPU_BASED_VM_EXEC_CONTROL,
			    FLD_SECONDARY_VM_EXEC_CONTROL },
		.needs = VA_NEED_MAXPHYADDR,
		.gate = { WHEN(VEC_COND, COND_LINK_POINTER) },
		.applies = link_pointer_dereferenced,
		.check = link_shadow_bit,
		.repair = va_repair_link_pointer,
	},
	{
		.id = "GUEST.LINKPTR.NOT_CURRENT_VMCS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.qualification = 4,
		.summary = "The VMCS link pointer is not the current-VMCS pointer",
		.message = "VMCS_LINK_POINTER = {0} is the current-VMCS pointer ([entry] "
			   "current_vmcs_pointer = {1}): a VMCS cannot link to itself",
		.hint = HINT_LINKPTR,
		.notes = "Bochs and VirtualBox check it. KVM never compares with its current "
			 "VMCS pointer (a self-link passes when shadowing is off); Xen does not "
			 "check it.",
		.applies_text = "either the VMM is not in SMM or \"entry to SMM\" is 1",
		.fields = { FLD_VMCS_LINK_POINTER, FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_CURRENT_VMCS_POINTER,
		.gate = { WHEN(VEC_COND, COND_LINK_POINTER) },
		.applies = not_smm_or_smm_entry,
		.check = link_not_current,
	},
	{
		.id = "GUEST.LINKPTR.NOT_EXECUTIVE_VMCS", .sdm = "26.3.1.5",
		.stage = VA_STAGE_GUEST, .outcome = VA_OUT_ENTRY_FAILURE, .code = 33,
		.qualification = 4,
		.summary = "In SMM with \"entry to SMM\" = 0, the VMCS link pointer differs from "
			   "the executive-VMCS pointer",
		.message = "VMCS_LINK_POINTER = {0} equals EXECUTIVE_VMCS_POINTER = {1}",
		.hint = HINT_LINKPTR,
		.notes = "Dual-monitor treatment only. Bochs compares with the VMXON pointer "
			 "(pre-2013 wording); KVM, VirtualBox and Xen have no SMM monitor.",
		.applies_text = "VMCS_LINK_POINTER is not FFFFFFFF_FFFFFFFFH",
		.fields = { FLD_VMCS_LINK_POINTER, FLD_EXECUTIVE_VMCS_POINTER,
			    FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_COND, COND_IN_SMM), UNLESS(VEC_ENTRY, ENTRY_CTL_SMM) },
		.applies = link_pointer_set,
		.check = link_not_executive,
	},
};
const unsigned va_rules_guest_nonregister_count =
	sizeof va_rules_guest_nonregister / sizeof va_rules_guest_nonregister[0];
