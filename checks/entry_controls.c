/*
 * SDM 26.2.1.3 Checks on VM-entry control fields, event injection included
 * (VMfailValid 7), and the advisory MSR-list length of Appendix A.6.
 *
 * The VM-entry interruption-information field: bits 7:0 vector, 10:8 type
 * (0 external interrupt, 1 reserved, 2 NMI, 3 hardware exception, 4 software
 * interrupt, 5 privileged software exception, 6 software exception, 7 other
 * event), 11 deliver error code, 13 nested exception (FRED), 31 valid.
 */
#include "msr_area_rules.h"
#include "predicates.h"
#include "rule_lists.h"

enum {
	TYPE_EXT_INTR = 0, TYPE_RESERVED = 1, TYPE_NMI = 2, TYPE_HW_EXC = 3, TYPE_OTHER = 7,
};

/* Exceptions that push an error code: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13,
 * #PF 14, #AC 17.  #CP (21) pushes one on processors that support CET. */
#define ERROR_CODE_VECTORS (BIT(8) | BITS(14, 10) | BIT(17))
#define CP_VECTOR 21

static unsigned intr_type(uint64_t info)
{
	return (unsigned)(info >> 8) & 7;
}

static unsigned intr_vector(uint64_t info)
{
	return (unsigned)info & 0xff;
}

static bool intr_delivers_error_code(uint64_t info)
{
	return (info >> 11) & 1;
}

static bool is_fred_event_vector(unsigned vector)
{
	return vector == 1 || vector == 2;
}

/* Allowed-1 half of a two-halves capability MSR: may control `bit` be 1? */
static bool cap_allows_one(uint64_t cap, unsigned bit)
{
	return (cap >> (32 + bit)) & 1;
}

static bool vmx_basic_bit(const struct va_ctx *c, unsigned bit)
{
	return (c->basic >> bit) & 1;
}

#define unknown_need va_unknown_need

/* Does the injected exception `vector` push an error code?  1 yes, 0 no,
 * -1 cannot tell (#CP while CET support is not known). */
static int has_error_code(const struct va_ctx *c, unsigned vector)
{
	if (vector == CP_VECTOR)
		return (c->have & VA_NEED_CET) ? c->cet : -1;
	return vector < 64 && ((ERROR_CODE_VECTORS >> vector) & 1);
}

/* IA32_VMX_MISC bit 30: software events may be injected with instruction
 * length 0. */
static bool misc_allows_zero_length(uint64_t misc)
{
	return (misc >> 30) & 1;
}

/* The interruption type is one of rule.mask (bit t = type t allowed).
 * {0} the field, {1} type. */
static enum va_status type_allowed(const struct va_ctx *c, const struct va_rule *r,
				   struct va_eval *e)
{
	uint64_t info = va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD);
	e->v[0] = info;
	e->v[1] = intr_type(info);
	return ((r->mask >> e->v[1]) & 1) ? VA_PASS : VA_FAIL;
}

/* For interruption type rule.arg, the vector is one of rule.mask (bit v =
 * vector v allowed; vectors from 64 up never are); with rule.arg2, vectors 1
 * and 2 also on processors that support FRED.  {0} the field, {1} type,
 * {2} vector. */
static enum va_status vector_for_type(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	uint64_t info = va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD);
	unsigned vector = intr_vector(info);

	e->v[0] = info;
	e->v[1] = intr_type(info);
	e->v[2] = vector;
	if (e->v[1] != r->arg)
		return VA_PASS;
	if (vector < 64 && ((r->mask >> vector) & 1))
		return VA_PASS;
	if (r->arg2 && is_fred_event_vector(vector)) {
		if (!(c->have & VA_NEED_FRED))
			return unknown_need(e, VA_NEED_BIT_FRED);
		return c->fred ? VA_PASS : VA_FAIL;
	}
	return VA_FAIL;
}

/* CTL.EVINJ.TYPE7_NEEDS_MTF applies unless FRED governs the event: on a
 * FRED processor only vector 0 (pending MTF VM exit) is its concern. */
static bool mtf_rule_applies(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return !c->fred || intr_vector(va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD)) == 0;
}

/* Type 7 only if the processor allows "monitor trap flag" = 1 (PROC bit 27,
 * bit 59 of the capability MSR), which is read only for type 7.
 * {0} the field, {1} the processor-based capability MSR. */
static enum va_status type7_needs_mtf(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	(void)r;
	uint64_t info = va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD);
	e->v[0] = info;
	e->v[1] = c->proccap;
	if (intr_type(info) != TYPE_OTHER)
		return VA_PASS;
	if (!(c->have & VA_NEED_PROCCAP))
		return unknown_need(e, VA_NEED_BIT_PROCCAP);
	if (cap_allows_one(c->proccap, 27))
		return VA_PASS;
	/* On a FRED processor the rule would not apply to a non-zero vector. */
	if (intr_vector(info) != 0 && !(c->have & VA_NEED_FRED))
		return unknown_need(e, VA_NEED_BIT_FRED);
	return VA_FAIL;
}

/* The derived condition rule.arg (COND_*) holds.  {0}..{2} the values of
 * fields[0..2], for the message. */
static enum va_status cond_holds(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	for (unsigned k = 0; k < 3; k++)
		e->v[k] = va_get(c, (enum va_field)r->fields[k]);
	return va_cond(c, (enum va_cond)r->arg) ? VA_PASS : VA_FAIL;
}

/* rule.field is at most rule.mask.  {0} value, {1} the maximum. */
static enum va_status at_most(const struct va_ctx *c, const struct va_rule *r,
			      struct va_eval *e)
{
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = r->mask;
	return e->v[0] <= r->mask ? VA_PASS : VA_FAIL;
}

/* The vector/error-code consistency of rows 12-13 is checked only when
 * IA32_VMX_BASIC[56] is 0. */
static bool errcode_rule_applies(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return !vmx_basic_bit(c, 56);
}

/* rule.arg = 1: a vector that pushes an error code has "deliver error code"
 * = 1; rule.arg = 0: any other vector has it 0.  {0} the field, {1} vector. */
static enum va_status errcode_matches_vector(const struct va_ctx *c, const struct va_rule *r,
					     struct va_eval *e)
{
	uint64_t info = va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD);
	unsigned vector = intr_vector(info);

	e->v[0] = info;
	e->v[1] = vector;
	if (intr_delivers_error_code(info) == (r->arg != 0))
		return VA_PASS;
	int pushes = has_error_code(c, vector);
	if (pushes < 0)
		return unknown_need(e, VA_NEED_BIT_CET);
	return pushes == r->arg ? VA_FAIL : VA_PASS;
}

/* Bit 13 means "nested exception" only on a processor with FRED or with
 * IA32_VMX_BASIC[58] = 1; elsewhere it is a plain reserved bit. */
static bool bit13_defined(const struct va_ctx *c)
{
	return c->fred || vmx_basic_bit(c, 58);
}

/* Whether bit 13 is known to be defined: needs FRED and BASIC known. */
static enum va_need_bit bit13_unknown_need(const struct va_ctx *c)
{
	if (bit13_defined(c))
		return VA_NEED_COUNT;
	if (!(c->have & VA_NEED_FRED))
		return VA_NEED_BIT_FRED;
	return (c->have & VA_NEED_BASIC) ? VA_NEED_COUNT : VA_NEED_BIT_BASIC;
}

static bool nested_bit_applies(const struct va_ctx *c, const struct va_rule *r)
{
	(void)r;
	return bit13_unknown_need(c) != VA_NEED_COUNT || bit13_defined(c);
}

/* Bit 13 (nested exception) only for a hardware exception on a processor
 * with IA32_VMX_BASIC[58] = 1.  {0} the field, {1} IA32_VMX_BASIC, {2} type. */
static enum va_status nested_exception(const struct va_ctx *c, const struct va_rule *r,
				       struct va_eval *e)
{
	(void)r;
	uint64_t info = va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD);
	e->v[0] = info;
	e->v[1] = c->basic;
	e->v[2] = intr_type(info);
	enum va_need_bit need = bit13_unknown_need(c);
	if (need != VA_NEED_COUNT)
		return unknown_need(e, need);
	if (e->v[2] != TYPE_HW_EXC)
		return VA_FAIL;
	if (!(c->have & VA_NEED_BASIC))
		return unknown_need(e, VA_NEED_BIT_BASIC);
	return vmx_basic_bit(c, 58) ? VA_PASS : VA_FAIL;
}

/* Reserved bits 30:14 and 12 of the interruption information, and bit 13
 * where it means nothing (no FRED, IA32_VMX_BASIC[58] = 0).
 * {0} value, {1} reserved bits set. */
static enum va_status intr_reserved(const struct va_ctx *c, const struct va_rule *r,
				    struct va_eval *e)
{
	uint64_t info = va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD);
	e->v[0] = info;
	e->v[1] = info & r->mask;
	if (e->v[1])
		return VA_FAIL;
	if (!(info & BIT(13)))
		return VA_PASS;
	enum va_need_bit need = bit13_unknown_need(c);
	if (need != VA_NEED_COUNT)
		return unknown_need(e, need);
	e->v[1] = bit13_defined(c) ? 0 : BIT(13);
	return e->v[1] ? VA_FAIL : VA_PASS;
}

/* rule.field (the instruction length) is not 0 unless IA32_VMX_MISC[30] is
 * 1; the MSR is read only for length 0.  {0} length, {1} type, {2} MISC. */
static enum va_status instr_len_nonzero(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	e->v[0] = va_get(c, (enum va_field)r->field);
	e->v[1] = intr_type(va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD));
	e->v[2] = c->st->msr[MSR_IA32_VMX_MISC];
	if (e->v[0] != 0)
		return VA_PASS;
	if (!(c->have & VA_NEED_MISC))
		return unknown_need(e, VA_NEED_BIT_MISC);
	return misc_allows_zero_length(e->v[2]) ? VA_PASS : VA_FAIL;
}

/* Hints that depend on the operands. */

static const char *errcode_hint(const struct va_eval *e)
{
	if (e->v[1] == CP_VECTOR)
		return "#CP (vector 21) pushes an error code exactly on processors that support CET "
		       "([cpu] cet, or IA32_VMX_CR4_FIXED1 bit 23).";
	return NULL;
}

static const char *intr_reserved_hint(const struct va_eval *e)
{
	if (e->v[1] & BIT(12))
		return "Bit 12 is \"NMI unblocking due to IRET\" in the VM-exit interruption "
		       "information; clear it when re-injecting an event copied from there.";
	return NULL;
}

static const char *nested_exception_hint(const struct va_eval *e)
{
	if (!((e->v[1] >> 58) & 1))
		return "This processor has no VMX nested-exception support (IA32_VMX_BASIC bit 58 "
		       "is 0), so bit 13 is reserved: clear it.";
	return NULL;
}

#define HINT_ERRCODE "#DF, #TS, #NP, #SS, #GP, #PF and #AC are injected with \"deliver error " \
	"code\" set, other vectors without it; this holds in protected mode, and not on CPUs whose " \
	"IA32_VMX_BASIC bit 56 is 1. Re-injecting an intercepted exception often loses the bit."
#define HINT_SMM "These controls serve the SMM monitor of the dual-monitor treatment of SMIs; " \
	"an ordinary VMM leaves them 0."
#define HINT_INSTR_LEN "Software interrupts and exceptions take the length of the instruction " \
	"that raised them (usually VM_EXIT_INSTRUCTION_LEN of the exit being re-injected)."

#define NOTES_BOCHS_CET "Bochs skips every deliver-error-code check on CET-capable " \
	"configurations (its stand-in for IA32_VMX_BASIC bit 56), this one included. "
#define NOTES_VBOX_INSTR_LEN "VirtualBox evaluates it only inside its \"deliver error code\" " \
	"branch, so in practice never for software events. Bochs and KVM follow the SDM."

/* Repairs of the injected event: the deliver-error-code bit (11) follows
 * the type and vector; bit 13 only with a hardware exception; an NMI is
 * vector 2. */
static bool set_info(const struct va_ctx *c, uint64_t clear, uint64_t set, struct va_state *out)
{
	uint64_t info = va_get(c, FLD_VM_ENTRY_INTR_INFO_FIELD);
	return va_repair_set(out, FLD_VM_ENTRY_INTR_INFO_FIELD, (info & ~clear) | set);
}

static bool no_error_code(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			  struct va_state *out)
{
	(void)r;
	(void)e;
	return set_info(c, BIT(11), 0, out);
}

static bool error_code(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		       struct va_state *out)
{
	(void)r;
	(void)e;
	return set_info(c, 0, BIT(11), out);
}

static bool no_nested_bit(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
			  struct va_state *out)
{
	(void)r;
	(void)e;
	return set_info(c, BIT(13), 0, out);
}

static bool nmi_vector(const struct va_ctx *c, const struct va_rule *r, const struct va_eval *e,
		       struct va_state *out)
{
	(void)r;
	(void)e;
	return set_info(c, 0xff, 2, out);
}

const struct va_rule va_rules_entry_controls[] = {
	{
		.id = "CTL.ENTRY.ALLOWED0", .sdm = "26.2.1.3", .sdm_also = "A.5",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Every VM-entry control that the VM-entry capability MSR (bits 31:0) "
			   "requires is 1 in VM_ENTRY_CONTROLS",
		.message = MSG_ALLOWED0,
		.hint = "A bit this CPU requires is 0: the control word was probably built from the "
			"wanted features alone. Add the low 32 bits of the capability MSR (the TRUE_ "
			"one when IA32_VMX_BASIC bit 55 is 1) before writing it.",
		.notes = "Bochs, KVM and VirtualBox check it as the SDM says. Default1 bits: 0-8 and "
			 "12 (IA32_VMX_TRUE_ENTRY_CTLS may allow 0 for some).",
		.fields = { FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_ENTRYCAP,
		.check = va_check_allowed0, .arg = VEC_ENTRY, .bitset = VA_BITS_ENTRY,
		.repair = va_repair_allowed0,
	},
	{
		.id = "CTL.ENTRY.ALLOWED1", .sdm = "26.2.1.3", .sdm_also = "A.5",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Every bit that is 1 in VM_ENTRY_CONTROLS is allowed to be 1 by the "
			   "VM-entry capability MSR (bits 63:32)",
		.message = MSG_ALLOWED1,
		.hint = "A feature this CPU (or the hypervisor underneath) does not offer is "
			"requested: it was set after masking with the capability MSR, or the MSR "
			"values come from another machine.",
		.fields = { FLD_VM_ENTRY_CONTROLS },
		.needs = VA_NEED_ENTRYCAP,
		.check = va_check_allowed1, .arg = VEC_ENTRY, .bitset = VA_BITS_ENTRY,
		.repair = va_repair_allowed1,
	},
	{
		.id = "CTL.EVINJ.TYPE_RSVD1", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "The interruption type (VM_ENTRY_INTR_INFO_FIELD bits 10:8) is not 1, "
			   "which is reserved",
		.message = "{f0} = {0}: interruption type {1:d} is reserved; the valid types are 0 and 2-7",
		.hint = "External interrupts are type 0, NMIs type 2, hardware exceptions type 3.",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.check = type_allowed, .mask = 0xff & ~BIT(TYPE_RESERVED),
	},
	{
		.id = "CTL.EVINJ.TYPE7_NEEDS_MTF", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "An event of type 7 (other event) is injected only if the processor "
			   "supports the 1-setting of \"monitor trap flag\" (bit 59 of the "
			   "processor-based capability MSR, read only for type 7)",
		.message = "{f0} = {0} injects an \"other event\" (type 7), which needs the \"monitor "
			   "trap flag\" control, but the processor-based capability MSR = {1} does not "
			   "allow CPU_BASED_MONITOR_TRAP_FLAG (bit 27)",
		.hint = "Type 7 with vector 0 only delivers a pending MTF VM exit; a CPU without "
			"the monitor trap flag cannot take it.",
		.notes = "Bochs, KVM and VirtualBox check it as the SDM says. On FRED processors, "
			 "type 7 with vector 1 or 2 (SYSCALL/SYSENTER) falls under the FRED rules "
			 "instead.",
		.applies_text = "either the processor does not support FRED or the vector is 0",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.applies = mtf_rule_applies,
		.check = type7_needs_mtf,
	},
	{
		.id = "CTL.EVINJ.NMI_VECTOR", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "An injected NMI (type 2) has vector 2",
		.message = "{f0} = {0} injects an NMI (type 2) with vector {2:d}: an NMI must use "
			   "vector 2",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.check = vector_for_type, .arg = TYPE_NMI, .mask = BIT(2),
		.repair = nmi_vector,
	},
	{
		.id = "CTL.EVINJ.HWEXC_VECTOR", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "An injected hardware exception (type 3) has a vector of at most 31",
		.message = "{f0} = {0} injects a hardware exception (type 3) with vector {2:d}: "
			   "exceptions use vectors 0-31",
		.hint = "Vectors 32-255 are interrupts: inject them as type 0 (external interrupt) "
			"or 4 (software interrupt).",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.check = vector_for_type, .arg = TYPE_HW_EXC, .mask = BITS(31, 0),
	},
	{
		.id = "CTL.EVINJ.OTHER_VECTOR", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "An injected \"other event\" (type 7) has vector 0 (pending MTF VM exit), "
			   "or, on processors that support FRED, vector 1 or 2",
		.message = "{f0} = {0} injects an \"other event\" (type 7) with vector {2:d}: only 0 "
			   "(pending MTF VM exit) is allowed, and 1 (SYSCALL) or 2 (SYSENTER) on FRED "
			   "processors",
		.notes = "KVM accepts vectors 1 and 2 only with its 2025 FRED series. Bochs and "
			 "VirtualBox follow the SDM.",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.check = vector_for_type, .arg = TYPE_OTHER, .mask = BIT(0), .arg2 = 1,
	},
	{
		.id = "CTL.EVINJ.FRED_EVENT_NEEDS_FRED_GUEST", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "An injected FRED SYSCALL/SYSENTER event (type 7, vector 1 or 2) goes to "
			   "an IA-32e mode guest (VM_ENTRY_IA32E_MODE = 1) with GUEST_CR4.FRED "
			   "(bit 32) = 1",
		.message = "{f0} = {0} injects a FRED SYSCALL/SYSENTER event, but {f1} = {1} and {f2} "
			   "= {2}: both VM_ENTRY_IA32E_MODE and CR4.FRED must be 1",
		.hint = "SYSCALL/SYSENTER events exist only for a guest that runs with FRED enabled.",
		.notes = "KVM's FRED series requires both; Bochs looks only at guest CR4.FRED; "
			 "VirtualBox has no FRED, so its vector check rejects the event.",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD, FLD_VM_ENTRY_CONTROLS, FLD_GUEST_CR4 },
		.gate = { WHEN(VEC_COND, COND_EVENT_FRED_SYS) },
		.check = cond_holds, .arg = COND_FRED_GUEST,
	},
	{
		.id = "CTL.EVINJ.FRED_EVENT_INSTR_LEN", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "For an injected FRED SYSCALL/SYSENTER event, VM_ENTRY_INSTRUCTION_LEN is "
			   "at most 15",
		.message = "{field} = {0:d} for a FRED SYSCALL/SYSENTER event: the length must be at "
			   "most {1:d}",
		.hint = HINT_INSTR_LEN,
		.notes = "Bochs checks it; KVM only with its FRED series; VirtualBox has no FRED.",
		.fields = { FLD_VM_ENTRY_INSTRUCTION_LEN, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT_FRED_SYS) },
		.check = at_most, .field = FLD_VM_ENTRY_INSTRUCTION_LEN, .mask = 15,
	},
	{
		.id = "CTL.EVINJ.ERRCODE_TYPE", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "\"Deliver error code\" (bit 11) is 1 only for a hardware exception "
			   "(type 3)",
		.message = "{f0} = {0} sets \"deliver error code\" (bit 11) for an event of type "
			   "{1:d}: only hardware exceptions (type 3) deliver an error code",
		.hint = "Clear bit 11 for interrupts, NMIs and software exceptions; only hardware "
			"exceptions carry an error code.",
		.notes = NOTES_BOCHS_CET "VirtualBox never rejects an error code on other event "
			 "types. KVM follows the SDM.",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT_DEC) },
		.check = type_allowed, .mask = BIT(TYPE_HW_EXC),
		.repair = no_error_code,
	},
	{
		.id = "CTL.EVINJ.ERRCODE_REALMODE", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "\"Deliver error code\" (bit 11) is 0 when the event is injected into real "
			   "mode (\"unrestricted guest\" = 1 and GUEST_CR0.PE = 0)",
		.message = "{f0} = {0} sets \"deliver error code\" (bit 11), but the guest starts in "
			   "real mode ({f1} = {1} has PE = 0, with unrestricted guest): clear bit 11",
		.hint = "Exceptions in real mode push no error code: clear bit 11 while the guest's "
			"CR0.PE is 0.",
		.notes = NOTES_BOCHS_CET "Newer SDM text says only \"GUEST_CR0.PE = 1\"; Bochs, "
			 "KVM, VirtualBox and this rule use the older form with unrestricted guest "
			 "(without it, PE = 0 fails a guest-state check anyway).",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD, FLD_GUEST_CR0, FLD_SECONDARY_VM_EXEC_CONTROL,
			    FLD_CPU_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_COND, COND_EVENT_DEC) },
		.check = cond_holds, .arg = COND_EVENT_PROTECTED,
		.repair = no_error_code,
	},
	{
		.id = "CTL.EVINJ.ERRCODE_REQUIRED", .sdm = "26.2.1.3", .sdm_also = "A.1",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "An injected hardware exception that pushes an error code (#DF, #TS, #NP, "
			   "#SS, #GP, #PF, #AC; #CP on CET processors) has \"deliver error code\" "
			   "(bit 11) = 1",
		.message = "{f0} = {0} injects exception vector {1:d} without \"deliver error code\" "
			   "(bit 11): in protected mode this exception pushes an error code, so set "
			   "bit 11 and VM_ENTRY_EXCEPTION_ERROR_CODE",
		.hint = HINT_ERRCODE, .hint_for = errcode_hint,
		.notes = "VirtualBox never requires the error code. " NOTES_BOCHS_CET
			 "KVM follows the SDM (it counts #CP when CET is exposed to the guest).",
		.applies_text = "IA32_VMX_BASIC bit 56 is 0 (the processor checks the error-code bit "
				"against the vector)",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD, FLD_GUEST_CR0, FLD_SECONDARY_VM_EXEC_CONTROL,
			    FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_BASIC,
		.gate = { WHEN(VEC_COND, COND_EVENT_HW_EXC), WHEN(VEC_COND, COND_EVENT_PROTECTED) },
		.applies = errcode_rule_applies,
		.check = errcode_matches_vector, .arg = 1,
		.repair = error_code,
	},
	{
		.id = "CTL.EVINJ.ERRCODE_NOT_ALLOWED", .sdm = "26.2.1.3", .sdm_also = "A.1",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "An injected hardware exception that pushes no error code (any vector but "
			   "8, 10-14, 17, and 21 on CET processors) has \"deliver error code\" "
			   "(bit 11) = 0",
		.message = "{f0} = {0} injects exception vector {1:d} with \"deliver error code\" "
			   "(bit 11) = 1, but this exception has no error code: clear bit 11",
		.hint = HINT_ERRCODE, .hint_for = errcode_hint,
		.notes = NOTES_BOCHS_CET "KVM and VirtualBox follow the SDM. Whether #CP (21) has "
			 "an error code differs between processors (kvm-unit-tests skips it); here it "
			 "has one exactly when the CPU supports CET. Newer SDM text puts 21 among the "
			 "vectors without one, a difference that matters only if a CET processor "
			 "reported IA32_VMX_BASIC bit 56 = 0.",
		.applies_text = "IA32_VMX_BASIC bit 56 is 0 (the processor checks the error-code bit "
				"against the vector)",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD, FLD_GUEST_CR0, FLD_SECONDARY_VM_EXEC_CONTROL,
			    FLD_CPU_BASED_VM_EXEC_CONTROL },
		.needs = VA_NEED_BASIC,
		.gate = { WHEN(VEC_COND, COND_EVENT_HW_EXC), WHEN(VEC_COND, COND_EVENT_PROTECTED) },
		.applies = errcode_rule_applies,
		.check = errcode_matches_vector, .arg = 0,
		.repair = no_error_code,
	},
	{
		.id = "CTL.EVINJ.RSVD_BITS", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Bits 30:14 and 12 of VM_ENTRY_INTR_INFO_FIELD are 0, and bit 13 on a "
			   "processor without FRED and with IA32_VMX_BASIC bit 58 = 0 (elsewhere "
			   "bit 13 is CTL.EVINJ.NESTED_EXC_BIT13's)",
		.message = MSG_ZERO_BITS,
		.hint_for = intr_reserved_hint,
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT) },
		.check = intr_reserved, .field = FLD_VM_ENTRY_INTR_INFO_FIELD,
		.repair = va_repair_clear_v1,
		.mask = BITS(30, 14) | BIT(12), .bitset = VA_BITS_INTR_INFO,
	},
	{
		.id = "CTL.EVINJ.NESTED_EXC_BIT13", .sdm = "26.2.1.3", .sdm_also = "A.1",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Bit 13 (nested exception) of VM_ENTRY_INTR_INFO_FIELD is 1 only for a "
			   "hardware exception (type 3) on a processor with IA32_VMX_BASIC bit 58 = 1 "
			   "(otherwise it is reserved)",
		.message = "{f0} = {0} sets bit 13 (nested exception) for an event of type {2:d} with "
			   "IA32_VMX_BASIC = {1}: the bit needs a hardware exception (type 3) and "
			   "IA32_VMX_BASIC bit 58 = 1",
		.hint = "Bit 13 marks a nested hardware exception (FRED); clear it for other event "
			"types.",
		.hint_for = nested_exception_hint,
		.notes = "Bochs allows bit 13 whenever FRED is supported; KVM's FRED series ties it "
			 "to IA32_VMX_BASIC bit 58; VirtualBox treats it as reserved.",
		.applies_text = "the processor supports FRED or IA32_VMX_BASIC bit 58 is 1 (else "
				"bit 13 is reserved: CTL.EVINJ.RSVD_BITS)",
		.fields = { FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT), WHEN(VEC_INTR, 13) },
		.applies = nested_bit_applies,
		.check = nested_exception,
		.repair = no_nested_bit,
	},
	{
		/* The SDM up to about 2019 says bits 31:15; hardware checks 31:16
		 * (bit 15 is the SGX flag of a #PF error code). */
		.id = "CTL.EVINJ.ERRCODE_BITS", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "With \"deliver error code\" = 1, bits 31:16 of "
			   "VM_ENTRY_EXCEPTION_ERROR_CODE are 0",
		.message = MSG_ZERO_BITS,
		.hint = "Error codes have bits 31:16 clear. Copy the error code of the event being "
			"re-injected (VM_EXIT_INTR_ERROR_CODE or IDT_VECTORING_ERROR_CODE) unchanged.",
		.notes = "SDM editions up to about 2019 say bits 31:15, an erratum: hardware checks "
			 "31:16 (bit 15 is the SGX flag of #PF). KVM checked 31:15 until its Oct-2019 "
			 "fix; Bochs and VirtualBox check the field as well.",
		.fields = { FLD_VM_ENTRY_EXCEPTION_ERROR_CODE, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT_DEC) },
		.check = va_check_zero_bits, .field = FLD_VM_ENTRY_EXCEPTION_ERROR_CODE,
		.repair = va_repair_clear_v1,
		.mask = BITS(31, 16),
	},
	{
		.id = "CTL.EVINJ.INSTR_LEN_MAX", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "For an injected software interrupt or exception (type 4, 5 or 6), "
			   "VM_ENTRY_INSTRUCTION_LEN is at most 15",
		.message = "{field} = {0:d} for a software interrupt or exception: the length must be "
			   "at most {1:d}",
		.hint = HINT_INSTR_LEN,
		.notes = NOTES_VBOX_INSTR_LEN,
		.fields = { FLD_VM_ENTRY_INSTRUCTION_LEN, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT_SOFTWARE) },
		.check = at_most, .field = FLD_VM_ENTRY_INSTRUCTION_LEN, .mask = 15,
	},
	{
		.id = "CTL.EVINJ.INSTR_LEN_ZERO", .sdm = "26.2.1.3", .sdm_also = "A.6",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "For an injected software interrupt or exception (type 4, 5 or 6), "
			   "VM_ENTRY_INSTRUCTION_LEN is not 0, unless IA32_VMX_MISC bit 30 is 1 (read "
			   "only for length 0)",
		.message = "{field} = 0 for a software interrupt or exception (type {1:d}), and "
			   "IA32_VMX_MISC = {2} has bit 30 = 0: the length must be 1-15",
		.hint = "Software interrupts, software exceptions and privileged software exceptions "
			"need VM_ENTRY_INSTRUCTION_LEN (usually the exit's instruction length), unless "
			"IA32_VMX_MISC bit 30 allows 0.",
		.notes = NOTES_VBOX_INSTR_LEN,
		.fields = { FLD_VM_ENTRY_INSTRUCTION_LEN, FLD_VM_ENTRY_INTR_INFO_FIELD },
		.gate = { WHEN(VEC_COND, COND_EVENT_SOFTWARE) },
		.check = instr_len_nonzero, .field = FLD_VM_ENTRY_INSTRUCTION_LEN,
	},
	VA_MSR_AREA_RULES("CTL.ENTRY.MSR_LOAD", "26.2.1.3", "VM-entry MSR-load",
			  VM_ENTRY_MSR_LOAD_ADDR, VM_ENTRY_MSR_LOAD_COUNT, COND_ENTRY_MSR_LOAD),
	{
		.id = "CTL.ENTRY.SMM_OUTSIDE_SMM", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Outside SMM, \"entry to SMM\" (VM-entry control bit 10) is 0",
		.message = "{f0} = {0} sets VM_ENTRY_SMM (bit 10), but the VM entry is not executed "
			   "in SMM: clear it",
		.hint = HINT_SMM,
		.notes = "Bochs, KVM and VirtualBox never offer the control, so only their allowed-1 "
			 "check rejects it.",
		.fields = { FLD_VM_ENTRY_CONTROLS },
		.gate = { UNLESS(VEC_COND, COND_IN_SMM) },
		.check = va_check_ctl_bit, .arg = VEC_ENTRY, .arg2 = 10, .mask = 0,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.ENTRY.DEACT_DUALMON_OUTSIDE_SMM", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Outside SMM, \"deactivate dual-monitor treatment\" (VM-entry control "
			   "bit 11) is 0",
		.message = "{f0} = {0} sets VM_ENTRY_DEACT_DUAL_MONITOR (bit 11), but the VM entry is "
			   "not executed in SMM: clear it",
		.hint = HINT_SMM,
		.notes = "Bochs checks it; KVM and VirtualBox never offer the control, so only their "
			 "allowed-1 check rejects it.",
		.fields = { FLD_VM_ENTRY_CONTROLS },
		.gate = { UNLESS(VEC_COND, COND_IN_SMM) },
		.check = va_check_ctl_bit, .arg = VEC_ENTRY, .arg2 = 11, .mask = 0,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "CTL.ENTRY.SMM_DEACT_EXCLUSIVE", .sdm = "26.2.1.3",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "\"Entry to SMM\" (bit 10) and \"deactivate dual-monitor treatment\" "
			   "(bit 11) of VM_ENTRY_CONTROLS are not both 1",
		.message = "{f0} = {0} sets both VM_ENTRY_SMM (bit 10) and VM_ENTRY_DEACT_DUAL_MONITOR "
			   "(bit 11): at most one of them may be 1",
		.hint = HINT_SMM,
		.notes = "Bochs relies on its allowed-1 settings; KVM and VirtualBox never offer "
			 "either control.",
		.fields = { FLD_VM_ENTRY_CONTROLS },
		.gate = { WHEN(VEC_ENTRY, 10) },
		.check = va_check_ctl_bit, .arg = VEC_ENTRY, .arg2 = 11, .mask = 0,
		.repair = va_repair_ctl_bit,
	},
	{
		.id = "ADV.ENTRY.MSR_LOAD_COUNT_MAX", .sdm = "26.2.1.3",
		.sdm_also = "A.6 (advisory, not a 26.2 check)",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_WARNING, .flags = VA_RULE_ADVISORY,
		.summary = "VM_ENTRY_MSR_LOAD_COUNT is at most the recommended maximum, 512 × "
			   "(IA32_VMX_MISC bits 27:25 + 1)",
		.message = "{field} = {0:d} exceeds the recommended maximum of {1:d} entries "
			   "(IA32_VMX_MISC = {2}): the behaviour of the VM entry is undefined",
		.hint = "Lists longer than the recommended maximum can make the VMX transition fail "
			"unpredictably (even with a machine check). Keep rarely changing MSRs out of "
			"the list.",
		.notes = "Not a 26.2 check: the SDM calls longer lists undefined behaviour. KVM fails "
			 "such an entry with VMfailValid(7), VirtualBox with a VM-entry failure for MSR "
			 "loading (exit reason 34); Bochs does not check.",
		.fields = { FLD_VM_ENTRY_MSR_LOAD_COUNT },
		.needs = VA_NEED_MISC,
		.gate = { WHEN(VEC_COND, COND_ENTRY_MSR_LOAD) },
		.check = va_check_msr_count_max, .field = FLD_VM_ENTRY_MSR_LOAD_COUNT,
	},
};
const unsigned va_rules_entry_controls_count =
	sizeof va_rules_entry_controls / sizeof va_rules_entry_controls[0];
