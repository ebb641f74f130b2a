/*
 * SDM 26.1 Basic VM-entry checks.  The SDM orders them: the first that
 * fails decides, and the CPU looks at nothing after it.  Most of their
 * inputs are facts about the attempt, given in the [entry] section.
 */
#include "predicates.h"
#include "rule_lists.h"

static enum va_status vmx_mode_ok(const struct va_ctx *c, const struct va_rule *r,
				  struct va_eval *e)
{
	(void)r;
	uint64_t op = va_entry_value(c, ENTRY_VMX_OPERATION);
	uint64_t mode = va_entry_value(c, ENTRY_VMM_MODE);
	e->v[0] = op;
	e->v[1] = mode;
	if (op == VA_VMX_NONE)
		return VA_FAIL;
	return (mode == VA_MODE_64BIT || mode == VA_MODE_PROTECTED) ? VA_PASS : VA_FAIL;
}

static enum va_status in_root_operation(const struct va_ctx *c, const struct va_rule *r,
					struct va_eval *e)
{
	(void)r;
	/* Basic exit reasons 20 (VMLAUNCH) and 24 (VMRESUME). */
	e->v[0] = va_cond(c, COND_VMRESUME) ? 24 : 20;
	return va_entry_value(c, ENTRY_VMX_OPERATION) == VA_VMX_NONROOT ? VA_FAIL : VA_PASS;
}

static enum va_status cpl_zero(const struct va_ctx *c, const struct va_rule *r,
			       struct va_eval *e)
{
	(void)r;
	e->v[0] = va_entry_value(c, ENTRY_CPL);
	return e->v[0] == 0 ? VA_PASS : VA_FAIL;
}

static enum va_status current_vmcs_exists(const struct va_ctx *c, const struct va_rule *r,
					  struct va_eval *e)
{
	(void)r;
	(void)e;
	return va_cond(c, COND_CURRENT_VMCS) ? VA_PASS : VA_FAIL;
}

static enum va_status not_shadow(const struct va_ctx *c, const struct va_rule *r,
				 struct va_eval *e)
{
	(void)r;
	(void)e;
	return va_cond(c, COND_ORDINARY_VMCS) ? VA_PASS : VA_FAIL;
}

static enum va_status no_mov_ss_blocking(const struct va_ctx *c, const struct va_rule *r,
					 struct va_eval *e)
{
	(void)r;
	(void)e;
	return va_entry_value(c, ENTRY_BLOCKED_BY_MOV_SS) ? VA_FAIL : VA_PASS;
}

static enum va_status launch_state_is(const struct va_ctx *c, const struct va_rule *r,
				      struct va_eval *e)
{
	e->v[0] = va_entry_value(c, ENTRY_LAUNCH_STATE);
	return e->v[0] == r->arg ? VA_PASS : VA_FAIL;
}

const struct va_rule va_rules_basic[] = {
	{
		.id = "BASIC.UD_MODE", .sdm = "26.1", .sdm_also = "VMLAUNCH/VMRESUME operation",
		.stage = VA_STAGE_BASIC, .outcome = VA_OUT_FAULT_UD,
		.summary = "The processor is in VMX operation, CR0.PE = 1, RFLAGS.VM = 0 and it is "
			   "not in compatibility mode",
		.message = "the VMM runs with [entry] vmx_operation = {0:entry:vmx_operation} and "
			   "vmm_mode = {1:entry:vmm_mode}: VMLAUNCH/VMRESUME raise #UD there",
		.hint = "VMX instructions work only after VMXON, in protected or 64-bit mode.",
		.check = vmx_mode_ok,
	},
	{
		.id = "BASIC.NONROOT_EXIT", .sdm = "26.1", .sdm_also = "VMLAUNCH/VMRESUME operation",
		.stage = VA_STAGE_BASIC, .outcome = VA_OUT_VMEXIT,
		.summary = "The instruction is executed in VMX root operation",
		.message = "executed in VMX non-root operation: the instruction causes a VM exit "
			   "(basic exit reason {0:d}) to the parent VMM instead of entering",
		.notes = "Informational; matters only when the VMM itself runs nested.",
		.check = in_root_operation,
	},
	{
		.id = "BASIC.CPL0", .sdm = "26.1", .stage = VA_STAGE_BASIC,
		.outcome = VA_OUT_FAULT_GP,
		.summary = "The current privilege level is 0",
		.message = "CPL is {0:d}: VMLAUNCH/VMRESUME raise #GP(0) outside ring 0",
		.check = cpl_zero,
	},
	{
		.id = "BASIC.CURRENT_VMCS", .sdm = "26.1", .stage = VA_STAGE_BASIC,
		.outcome = VA_OUT_VMFAIL_INVALID,
		.summary = "A current VMCS exists (the current-VMCS pointer is not FFFFFFFF_FFFFFFFFH)",
		.message = "there is no current VMCS ([entry] current_vmcs = none): VMPTRLD one first",
		.hint = "VMfailInvalid (CF = 1) stores no error number; VMPTRLD the VMCS before "
			"VMLAUNCH, and read VM_INSTRUCTION_ERROR only after a VMfailValid (ZF = 1).",
		.check = current_vmcs_exists,
	},
	{
		.id = "BASIC.NOT_SHADOW", .sdm = "26.1", .stage = VA_STAGE_BASIC,
		.outcome = VA_OUT_VMFAIL_INVALID,
		.summary = "The current VMCS is not a shadow VMCS (bit 31 of its first dword is 0)",
		.message = "the current VMCS is a shadow VMCS ([entry] current_vmcs = shadow)",
		.notes = "Bochs never looks at the shadow-VMCS indicator here.",
		.gate = { WHEN(VEC_COND, COND_CURRENT_VMCS) },
		.check = not_shadow,
	},
	{
		.id = "BASIC.NO_MOVSS_BLOCKING", .sdm = "26.1", .stage = VA_STAGE_BASIC,
		.outcome = VA_OUT_VMFAIL_VALID, .code = 26,
		.summary = "The instruction does not directly follow MOV SS or POP SS (no blocking by "
			   "MOV SS in the VMM itself)",
		.message = "the instruction is in the shadow of a MOV SS/POP SS of the VMM "
			   "([entry] blocked_by_mov_ss = 1)",
		.notes = "VirtualBox treats any interrupt shadow, STI included, as MOV-SS blocking. "
			 "GUEST_INTERRUPTIBILITY_INFO is the guest's state and does not matter here.",
		.gate = { WHEN(VEC_COND, COND_ORDINARY_VMCS) },
		.check = no_mov_ss_blocking,
	},
	{
		.id = "BASIC.LAUNCH_CLEAR", .sdm = "26.1", .stage = VA_STAGE_BASIC,
		.outcome = VA_OUT_VMFAIL_VALID, .code = 4,
		.summary = "For VMLAUNCH, the launch state of the current VMCS is \"clear\"",
		.message = "VMLAUNCH with launch state {0:entry:launch_state}: use VMRESUME, or "
			   "VMCLEAR the VMCS first",
		.hint = "Track launch state yourself: VMLAUNCH once after VMCLEAR, then VMRESUME.",
		.gate = { WHEN(VEC_COND, COND_ORDINARY_VMCS), WHEN(VEC_COND, COND_VMLAUNCH) },
		.check = launch_state_is, .arg = VA_LAUNCH_CLEAR,
	},
	{
		.id = "BASIC.RESUME_LAUNCHED", .sdm = "26.1", .stage = VA_STAGE_BASIC,
		.outcome = VA_OUT_VMFAIL_VALID, .code = 5,
		.summary = "For VMRESUME, the launch state of the current VMCS is \"launched\"",
		.message = "VMRESUME with launch state {0:entry:launch_state}: the first entry after "
			   "VMCLEAR must be VMLAUNCH",
		.hint = "A VMCS moved to another CPU (VMCLEAR + VMPTRLD) needs VMLAUNCH again.",
		.notes = "Error 6 (VMRESUME after VMXOFF) exists in Table 30-1 but no implementation "
			 "produces it; 5 is predicted.",
		.gate = { WHEN(VEC_COND, COND_ORDINARY_VMCS), WHEN(VEC_COND, COND_VMRESUME) },
		.check = launch_state_is, .arg = VA_LAUNCH_LAUNCHED,
	},
};
const unsigned va_rules_basic_count = sizeof va_rules_basic / sizeof va_rules_basic[0];
