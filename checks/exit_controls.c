/*
 * SDM 26.2.1.2 Checks on VM-exit control fields (VMfailValid 7), and the
 * advisory MSR-list lengths of Appendix A.6.
 */
#include "msr_area_rules.h"
#include "predicates.h"
#include "rule_lists.h"

#define HINT_MSR_COUNT "Lists longer than the recommended maximum can make the VMX transition " \
	"fail unpredictably (even with a machine check). Keep rarely changing MSRs out of the list."

#define NOTES_COUNT_MAX "Not a 26.2 check: the SDM calls longer lists undefined behaviour. KVM " \
	"fails such an entry with VMfailValid(7); VirtualBox only notices at VM-exit time; Bochs " \
	"does not check."

const struct va_rule va_rules_exit_controls[] = {
	{
		.id = "CTL.EXIT.ALLOWED0", .sdm = "26.2.1.2", .sdm_also = "A.4",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Every VM-exit control that the VM-exit capability MSR (bits 31:0) requires "
			   "is 1 in VM_EXIT_CONTROLS",
		.message = MSG_ALLOWED0,
		.hint = HINT_ALLOWED0,
		.notes = "Bochs, KVM and VirtualBox check it as the SDM says. Default1 bits: 0-8, 10, "
			 "11, 13, 14, 16, 17 (IA32_VMX_TRUE_EXIT_CTLS may allow 0 for some).",
		.fields = { FLD_VM_EXIT_CONTROLS },
		.needs = VA_NEED_EXITCAP,
		.check = va_check_allowed0, .arg = VEC_EXIT, .bitset = VA_BITS_EXIT,
		.repair = va_repair_allowed0,
	},
	{
		.id = "CTL.EXIT.ALLOWED1", .sdm = "26.2.1.2", .sdm_also = "A.4",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Every bit that is 1 in VM_EXIT_CONTROLS is allowed to be 1 by the VM-exit "
			   "capability MSR (bits 63:32)",
		.message = MSG_ALLOWED1,
		.hint = HINT_ALLOWED1,
		.notes = "Bochs, KVM and VirtualBox check it as the SDM says.",
		.fields = { FLD_VM_EXIT_CONTROLS },
		.needs = VA_NEED_EXITCAP,
		.check = va_check_allowed1, .arg = VEC_EXIT, .bitset = VA_BITS_EXIT,
	},
	{
		.id = "CTL.EXIT2.ALLOWED1", .sdm = "26.2.1.2", .sdm_also = "A.4.2",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "Every bit that is 1 in SECONDARY_VM_EXIT_CONTROLS is allowed to be 1 by "
			   "IA32_VMX_EXIT_CTLS2 (a 64-bit allowed-1 mask)",
		.message = MSG_ALLOWED1,
		.hint = "A secondary VM-exit control this CPU does not offer is set. Mask the field "
			"with IA32_VMX_EXIT_CTLS2 (0x493), or clear VM_EXIT_ACTIVATE_SECONDARY_CONTROLS.",
		.notes = "Bochs checks it. KVM (until its 2025 FRED series) and VirtualBox never offer "
			 "the secondary VM-exit controls, so only their allowed-1 check of "
			 "VM_EXIT_CONTROLS bit 31 fires.",
		.fields = { FLD_SECONDARY_VM_EXIT_CONTROLS, FLD_VM_EXIT_CONTROLS },
		.needs = VA_NEED_EXIT2CAP,
		.gate = { WHEN(VEC_EXIT, 31) },
		.check = va_check_allowed1, .arg = VEC_EXIT2, .bitset = VA_BITS_EXIT2,
		.repair = va_repair_allowed1,
	},
	{
		.id = "CTL.EXIT.SAVE_TIMER_NEEDS_TIMER", .sdm = "26.2.1.2",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_VMFAIL_VALID, .code = 7,
		.summary = "If \"save VMX-preemption timer value\" (VM-exit control bit 22) is 1, "
			   "\"activate VMX-preemption timer\" (pin-based bit 6) is 1",
		.message = "VM_EXIT_SAVE_VMX_PREEMPTION_TIMER is 1, but {f1} = {0} has "
			   "PIN_BASED_VMX_PREEMPTION_TIMER (bit 6) = 0: set it, or clear the save "
			   "control",
		.hint = "Saving the timer value needs the timer: enable the preemption timer in the "
			"pin-based controls in the same step, or drop the save control.",
		.notes = "VirtualBox tests bit 22 of the primary processor-based controls (NMI-window "
			 "exiting) instead of the VM-exit control, so it rejects NMI-window exiting "
			 "without the timer and never checks this condition. Bochs and KVM follow the "
			 "SDM.",
		.fields = { FLD_VM_EXIT_CONTROLS, FLD_PIN_BASED_VM_EXEC_CONTROL },
		.gate = { WHEN(VEC_EXIT, 22) },
		.check = va_check_ctl_bit, .arg = VEC_PIN, .arg2 = 6, .mask = 1,
		.repair = va_repair_ctl_bit,
	},
	VA_MSR_AREA_RULES("CTL.EXIT.MSR_STORE", "26.2.1.2", "VM-exit MSR-store",
			  VM_EXIT_MSR_STORE_ADDR, VM_EXIT_MSR_STORE_COUNT, COND_EXIT_MSR_STORE),
	VA_MSR_AREA_RULES("CTL.EXIT.MSR_LOAD", "26.2.1.2", "VM-exit MSR-load",
			  VM_EXIT_MSR_LOAD_ADDR, VM_EXIT_MSR_LOAD_COUNT, COND_EXIT_MSR_LOAD),
	{
		.id = "ADV.EXIT.MSR_STORE_COUNT_MAX", .sdm = "26.2.1.2",
		.sdm_also = "A.6 (advisory, not a 26.2 check)",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_WARNING, .flags = VA_RULE_ADVISORY,
		.summary = "VM_EXIT_MSR_STORE_COUNT is at most the recommended maximum, 512 × "
			   "(IA32_VMX_MISC bits 27:25 + 1)",
		.message = "{field} = {0:d} exceeds the recommended maximum of {1:d} entries "
			   "(IA32_VMX_MISC = {2}): the behaviour of the VM exit is undefined",
		.hint = HINT_MSR_COUNT,
		.notes = NOTES_COUNT_MAX,
		.fields = { FLD_VM_EXIT_MSR_STORE_COUNT },
		.needs = VA_NEED_MISC,
		.gate = { WHEN(VEC_COND, COND_EXIT_MSR_STORE) },
		.check = va_check_msr_count_max, .field = FLD_VM_EXIT_MSR_STORE_COUNT,
	},
	{
		.id = "ADV.EXIT.MSR_LOAD_COUNT_MAX", .sdm = "26.2.1.2",
		.sdm_also = "A.6 (advisory, not a 26.2 check)",
		.stage = VA_STAGE_CONTROLS, .outcome = VA_OUT_WARNING, .flags = VA_RULE_ADVISORY,
		.summary = "VM_EXIT_MSR_LOAD_COUNT is at most the recommended maximum, 512 × "
			   "(IA32_VMX_MISC bits 27:25 + 1)",
		.message = "{field} = {0:d} exceeds the recommended maximum of {1:d} entries "
			   "(IA32_VMX_MISC = {2}): the behaviour of the VM exit is undefined",
		.hint = HINT_MSR_COUNT,
		.notes = NOTES_COUNT_MAX,
		.fields = { FLD_VM_EXIT_MSR_LOAD_COUNT },
		.needs = VA_NEED_MISC,
		.gate = { WHEN(VEC_COND, COND_EXIT_MSR_LOAD) },
		.check = va_check_msr_count_max, .field = FLD_VM_EXIT_MSR_LOAD_COUNT,
	},
};
const unsigned va_rules_exit_controls_count =
	sizeof va_rules_exit_controls / sizeof va_rules_exit_controls[0];
