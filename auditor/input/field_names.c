#include "field_names.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "text_util.h"
#include "../engine/state.h"

/* ---- the schemes: rules over KVM's names ------------------------------- */

/* Whole-word replacements on "_WORD_WORD_" strings, applied in order. */
struct sub {
	const char *from, *to;
};

/* ia32-doc spells words out, drops IA32_ and writes VMENTRY/VMEXIT as one word. */
static const struct sub ia32doc_subs[] = {
	{ "_SECONDARY_VM_EXEC_CONTROL_", "_SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS_" },
	{ "_TERTIARY_VM_EXEC_CONTROL_", "_TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS_" },
	{ "_CPU_BASED_VM_EXEC_CONTROL_", "_PROCESSOR_BASED_VM_EXECUTION_CONTROLS_" },
	{ "_VM_EXEC_CONTROL_", "_VM_EXECUTION_CONTROLS_" },
	{ "_VM_EXIT_REASON_", "_EXIT_REASON_" },
	{ "_VM_ENTRY_", "_VMENTRY_" }, { "_VM_EXIT_", "_VMEXIT_" },
	{ "_SECONDARY_VMEXIT_", "_SECONDARY_VMEXIT_" },
	{ "_VIRTUAL_APIC_PAGE_ADDR_", "_VIRTUAL_APIC_ADDRESS_" },
	{ "_VIRTUAL_PROCESSOR_ID_", "_VIRTUAL_PROCESSOR_IDENTIFIER_" },
	{ "_AR_BYTES_", "_ACCESS_RIGHTS_" },
	{ "_INTR_INFO_", "_INTERRUPTION_INFORMATION_" },
	{ "_IDT_VECTORING_INFO_FIELD_", "_IDT_VECTORING_INFORMATION_" },
	{ "_INTERRUPTIBILITY_INFO_", "_INTERRUPTIBILITY_STATE_" },
	{ "_INTR_", "_INTERRUPT_" }, { "_INFO_", "_INFORMATION_" }, { "_NV_", "_NOTIFICATION_VECTOR_" },
	{ "_DESC_", "_DESCRIPTOR_" }, { "_ADDR_", "_ADDRESS_" }, { "_LEN_", "_LENGTH_" },
	{ "_DBG_", "_DEBUG_" }, { "_PAGE_FAULT_", "_PAGEFAULT_" }, { "_PDPTR0_", "_PDPTE0_" },
	{ "_PDPTR1_", "_PDPTE1_" }, { "_PDPTR2_", "_PDPTE2_" }, { "_PDPTR3_", "_PDPTE3_" },
	{ "_VMCS_LINK_POINTER_", "_GUEST_VMCS_LINK_POINTER_" },
	{ "_VMX_PREEMPTION_TIMER_VALUE_", "_GUEST_VMX_PREEMPTION_TIMER_VALUE_" },
	{ "_GUEST_LINEAR_ADDRESS_", "_EXIT_GUEST_LINEAR_ADDRESS_" },
	{ "_VM_FUNCTION_CONTROL_", "_VMFUNC_CONTROLS_" },
	{ "_EPTP_LIST_ADDRESS_", "_EPT_POINTER_LIST_ADDRESS_" },
	{ "_VE_INFORMATION_ADDRESS_", "_VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS_" },
	{ "_IO_BITMAP_A_", "_IO_BITMAP_A_ADDRESS_" }, { "_IO_BITMAP_B_", "_IO_BITMAP_B_ADDRESS_" },
	{ "_MSR_BITMAP_", "_MSR_BITMAP_ADDRESS_" }, { "_VMREAD_BITMAP_", "_VMREAD_BITMAP_ADDRESS_" },
	{ "_VMWRITE_BITMAP_", "_VMWRITE_BITMAP_ADDRESS_" }, { "_XSS_EXIT_BITMAP_", "_XSS_EXITING_BITMAP_" },
	{ "_CR3_TARGET_VALUE0_", "_CR3_TARGET_VALUE_0_" }, { "_CR3_TARGET_VALUE1_", "_CR3_TARGET_VALUE_1_" },
	{ "_CR3_TARGET_VALUE2_", "_CR3_TARGET_VALUE_2_" }, { "_CR3_TARGET_VALUE3_", "_CR3_TARGET_VALUE_3_" },
	{ "_EOI_EXIT_BITMAP0_", "_EOI_EXIT_BITMAP_0_" }, { "_EOI_EXIT_BITMAP1_", "_EOI_EXIT_BITMAP_1_" },
	{ "_EOI_EXIT_BITMAP2_", "_EOI_EXIT_BITMAP_2_" }, { "_EOI_EXIT_BITMAP3_", "_EOI_EXIT_BITMAP_3_" },
	{ "_IA32_", "_" },
	/* after the words above are spelt out */
	{ "_VMX_INSTRUCTION_INFORMATION_", "_VMEXIT_INSTRUCTION_INFO_" },
	{ "_INTERRUPT_SSP_TABLE_", "_INTERRUPT_SSP_TABLE_ADDR_" },
};

/* ia32-doc's short names (its yml's short_name, out/ia32_defines_only.h). */
static const struct sub ia32doc_short_subs[] = {
	{ "_VIRTUAL_PROCESSOR_ID_", "_VPID_" }, { "_POSTED_INTR_NV_", "_POSTED_INTR_NOTIFY_VECTOR_" },
	{ "_SELECTOR_", "_SEL_" },
	{ "_VM_EXIT_MSR_STORE_ADDR_", "_VMEXIT_MSR_STORE_" }, { "_VM_EXIT_MSR_LOAD_ADDR_", "_VMEXIT_MSR_LOAD_" },
	{ "_VM_ENTRY_MSR_LOAD_ADDR_", "_VMENTRY_MSR_LOAD_" }, { "_EXECUTIVE_VMCS_POINTER_", "_EXEC_VMCS_PTR_" },
	{ "_PML_ADDRESS_", "_PML_ADDR_" }, { "_VIRTUAL_APIC_PAGE_ADDR_", "_VAPIC_PAGEADDR_" },
	{ "_APIC_ACCESS_ADDR_", "_APIC_ACCESSADDR_" }, { "_POSTED_INTR_DESC_ADDR_", "_POSTED_INTR_DESC_" },
	{ "_VM_FUNCTION_CONTROL_", "_VMFUNC_CTRLS_" }, { "_EPT_POINTER_", "_EPTP_" },
	{ "_EOI_EXIT_BITMAP0_", "_EOI_BITMAP_0_" }, { "_EOI_EXIT_BITMAP1_", "_EOI_BITMAP_1_" },
	{ "_EOI_EXIT_BITMAP2_", "_EOI_BITMAP_2_" }, { "_EOI_EXIT_BITMAP3_", "_EOI_BITMAP_3_" },
	{ "_EPTP_LIST_ADDRESS_", "_EPTP_LIST_" }, { "_VE_INFORMATION_ADDRESS_", "_VIRTXCPT_INFO_ADDR_" },
	{ "_XSS_EXIT_BITMAP_", "_XSS_EXITING_BITMAP_" }, { "_SPPTP_", "_SPP_TABLE_POINTER_" },
	{ "_TERTIARY_VM_EXEC_CONTROL_", "_PROC_EXEC3_" }, { "_SECONDARY_VM_EXIT_CONTROLS_", "_SECONDARY_EXIT_" },
	{ "_GUEST_PHYSICAL_ADDRESS_", "_GUEST_PHYS_ADDR_" }, { "_VMCS_LINK_POINTER_", "_GUEST_VMCS_LINK_PTR_" },
	{ "_PDPTR0_", "_PDPTE0_" }, { "_PDPTR1_", "_PDPTE1_" }, { "_PDPTR2_", "_PDPTE2_" }, { "_PDPTR3_", "_PDPTE3_" },
	{ "_PIN_BASED_VM_EXEC_CONTROL_", "_PIN_EXEC_" }, { "_SECONDARY_VM_EXEC_CONTROL_", "_PROC_EXEC2_" },
	{ "_CPU_BASED_VM_EXEC_CONTROL_", "_PROC_EXEC_" },
	{ "_PAGE_FAULT_ERROR_CODE_MASK_", "_PAGEFAULT_ERROR_MASK_" },
	{ "_PAGE_FAULT_ERROR_CODE_MATCH_", "_PAGEFAULT_ERROR_MATCH_" },
	{ "_VM_EXIT_CONTROLS_", "_PRIMARY_EXIT_" }, { "_VM_EXIT_MSR_STORE_COUNT_", "_EXIT_MSR_STORE_COUNT_" },
	{ "_VM_EXIT_MSR_LOAD_COUNT_", "_EXIT_MSR_LOAD_COUNT_" }, { "_VM_ENTRY_CONTROLS_", "_ENTRY_" },
	{ "_VM_ENTRY_MSR_LOAD_COUNT_", "_ENTRY_MSR_LOAD_COUNT_" },
	{ "_VM_ENTRY_INTR_INFO_FIELD_", "_ENTRY_INTERRUPTION_INFO_" },
	{ "_VM_ENTRY_EXCEPTION_ERROR_CODE_", "_ENTRY_EXCEPTION_ERRCODE_" },
	{ "_VM_ENTRY_INSTRUCTION_LEN_", "_ENTRY_INSTR_LENGTH_" }, { "_VM_INSTRUCTION_ERROR_", "_VM_INSTR_ERROR_" },
	{ "_VM_EXIT_REASON_", "_EXIT_REASON_" }, { "_VM_EXIT_INTR_INFO_", "_EXIT_INTERRUPTION_INFO_" },
	{ "_VM_EXIT_INTR_ERROR_CODE_", "_EXIT_INTERRUPTION_ERROR_CODE_" },
	{ "_IDT_VECTORING_INFO_FIELD_", "_IDT_VECTORING_INFO_" },
	{ "_VM_EXIT_INSTRUCTION_LEN_", "_EXIT_INSTR_LENGTH_" }, { "_VMX_INSTRUCTION_INFO_", "_EXIT_INSTR_INFO_" },
	{ "_AR_BYTES_", "_ACCESS_RIGHTS_" }, { "_INTERRUPTIBILITY_INFO_", "_INTERRUPTIBILITY_STATE_" },
	{ "_VMX_PREEMPTION_TIMER_VALUE_", "_GUEST_PREEMPT_TIMER_VALUE_" },
	{ "_CR0_GUEST_HOST_MASK_", "_CR0_MASK_" }, { "_CR4_GUEST_HOST_MASK_", "_CR4_MASK_" },
	{ "_CR3_TARGET_VALUE0_", "_CR3_TARGET_VAL0_" }, { "_CR3_TARGET_VALUE1_", "_CR3_TARGET_VAL1_" },
	{ "_CR3_TARGET_VALUE2_", "_CR3_TARGET_VAL2_" }, { "_CR3_TARGET_VALUE3_", "_CR3_TARGET_VAL3_" },
	{ "_GUEST_LINEAR_ADDRESS_", "_EXIT_GUEST_LINEAR_ADDR_" },
	{ "_PENDING_DBG_EXCEPTIONS_", "_PENDING_DEBUG_EXCEPTIONS_" },
	{ "_INTR_SSP_TABLE_", "_INTERRUPT_SSP_TABLE_ADDR_" }, { "_IA32_", "_" },
};

/* The SDM's row names (Vol. 3D Appendix B), words joined by '_' here. */
static const struct sub sdm_subs[] = {
	{ "_VIRTUAL_PROCESSOR_ID_", "_VIRTUAL-PROCESSOR_IDENTIFIER_" },
	{ "_POSTED_INTR_NV_", "_POSTED-INTERRUPT_NOTIFICATION_VECTOR_" },
	{ "_LAST_PID_POINTER_INDEX_", "_LAST_PID-POINTER_INDEX_" }, { "_GUEST_INTR_STATUS_", "_GUEST_INTERRUPT_STATUS_" },
	{ "_GUEST_PML_INDEX_", "_PML_INDEX_" },
	{ "_IO_BITMAP_A_", "_ADDRESS_OF_I/O_BITMAP_A_" }, { "_IO_BITMAP_B_", "_ADDRESS_OF_I/O_BITMAP_B_" },
	{ "_MSR_BITMAP_", "_ADDRESS_OF_MSR_BITMAPS_" },
	{ "_VM_EXIT_MSR_STORE_ADDR_", "_VM-EXIT_MSR-STORE_ADDRESS_" },
	{ "_VM_EXIT_MSR_LOAD_ADDR_", "_VM-EXIT_MSR-LOAD_ADDRESS_" },
	{ "_VM_ENTRY_MSR_LOAD_ADDR_", "_VM-ENTRY_MSR-LOAD_ADDRESS_" },
	{ "_VM_EXIT_MSR_STORE_COUNT_", "_VM-EXIT_MSR-STORE_COUNT_" },
	{ "_VM_EXIT_MSR_LOAD_COUNT_", "_VM-EXIT_MSR-LOAD_COUNT_" },
	{ "_VM_ENTRY_MSR_LOAD_COUNT_", "_VM-ENTRY_MSR-LOAD_COUNT_" },
	{ "_EXECUTIVE_VMCS_POINTER_", "_EXECUTIVE-VMCS_POINTER_" },
	{ "_VIRTUAL_APIC_PAGE_ADDR_", "_VIRTUAL-APIC_ADDRESS_" }, { "_APIC_ACCESS_ADDR_", "_APIC-ACCESS_ADDRESS_" },
	{ "_POSTED_INTR_DESC_ADDR_", "_POSTED-INTERRUPT_DESCRIPTOR_ADDRESS_" },
	{ "_VM_FUNCTION_CONTROL_", "_VM-FUNCTION_CONTROLS_" },
	{ "_EOI_EXIT_BITMAP0_", "_EOI-EXIT_BITMAP_0_" }, { "_EOI_EXIT_BITMAP1_", "_EOI-EXIT_BITMAP_1_" },
	{ "_EOI_EXIT_BITMAP2_", "_EOI-EXIT_BITMAP_2_" }, { "_EOI_EXIT_BITMAP3_", "_EOI-EXIT_BITMAP_3_" },
	{ "_EPTP_LIST_ADDRESS_", "_EPTP-LIST_ADDRESS_" },
	{ "_VMREAD_BITMAP_", "_VMREAD-BITMAP_ADDRESS_" }, { "_VMWRITE_BITMAP_", "_VMWRITE-BITMAP_ADDRESS_" },
	{ "_VE_INFORMATION_ADDRESS_", "_VIRTUALIZATION-EXCEPTION_INFORMATION_ADDRESS_" },
	{ "_XSS_EXIT_BITMAP_", "_XSS-EXITING_BITMAP_" }, { "_ENCLS_EXITING_BITMAP_", "_ENCLS-EXITING_BITMAP_" },
	{ "_ENCLV_EXITING_BITMAP_", "_ENCLV-EXITING_BITMAP_" }, { "_PCONFIG_EXITING_BITMAP_", "_PCONFIG-EXITING_BITMAP_" },
	{ "_SPPTP_", "_SUB-PAGE-PERMISSION-TABLE_POINTER_" },
	{ "_TERTIARY_VM_EXEC_CONTROL_", "_TERTIARY_PROCESSOR-BASED_VM-EXECUTION_CONTROLS_" },
	{ "_SECONDARY_VM_EXEC_CONTROL_", "_SECONDARY_PROCESSOR-BASED_VM-EXECUTION_CONTROLS_" },
	{ "_CPU_BASED_VM_EXEC_CONTROL_", "_PRIMARY_PROCESSOR-BASED_VM-EXECUTION_CONTROLS_" },
	{ "_PIN_BASED_VM_EXEC_CONTROL_", "_PIN-BASED_VM-EXECUTION_CONTROLS_" },
	{ "_LOW_PASID_DIR_ADDR_", "_LOW_PASID_DIRECTORY_ADDRESS_" },
	{ "_HIGH_PASID_DIR_ADDR_", "_HIGH_PASID_DIRECTORY_ADDRESS_" },
	{ "_SHARED_EPTP_", "_SEAM_SHARED_EPT_POINTER_" },
	{ "_HLATP_", "_HYPERVISOR-MANAGED_LINEAR-ADDRESS_TRANSLATION_POINTER_" },
	{ "_PID_POINTER_TABLE_", "_PID-POINTER_TABLE_ADDRESS_" },
	{ "_SECONDARY_VM_EXIT_CONTROLS_", "_SECONDARY_VM-EXIT_CONTROLS_" },
	{ "_INJECTED_EVENT_DATA_", "_INJECTED-EVENT_DATA_" }, { "_ORIGINAL_EVENT_DATA_", "_ORIGINAL-EVENT_DATA_" },
	{ "_GUEST_PHYSICAL_ADDRESS_", "_GUEST-PHYSICAL_ADDRESS_" }, { "_GUEST_LINEAR_ADDRESS_", "_GUEST-LINEAR_ADDRESS_" },
	{ "_GUEST_PDPTR0_", "_GUEST_PDPTE0_" }, { "_GUEST_PDPTR1_", "_GUEST_PDPTE1_" },
	{ "_GUEST_PDPTR2_", "_GUEST_PDPTE2_" }, { "_GUEST_PDPTR3_", "_GUEST_PDPTE3_" },
	{ "_GUEST_BNDCFGS_", "_GUEST_IA32_BNDCFGS_" },
	{ "_PAGE_FAULT_ERROR_CODE_MASK_", "_PAGE-FAULT_ERROR-CODE_MASK_" },
	{ "_PAGE_FAULT_ERROR_CODE_MATCH_", "_PAGE-FAULT_ERROR-CODE_MATCH_" },
	{ "_CR3_TARGET_COUNT_", "_CR3-TARGET_COUNT_" },
	{ "_VM_EXIT_CONTROLS_", "_VM-EXIT_CONTROLS_" }, { "_VM_ENTRY_CONTROLS_", "_VM-ENTRY_CONTROLS_" },
	{ "_VM_ENTRY_INTR_INFO_FIELD_", "_VM-ENTRY_INTERRUPTION-INFORMATION_FIELD_" },
	{ "_VM_ENTRY_EXCEPTION_ERROR_CODE_", "_VM-ENTRY_EXCEPTION_ERROR_CODE_" },
	{ "_VM_ENTRY_INSTRUCTION_LEN_", "_VM-ENTRY_INSTRUCTION_LENGTH_" },
	{ "_VM_INSTRUCTION_ERROR_", "_VM-INSTRUCTION_ERROR_" }, { "_VM_EXIT_REASON_", "_EXIT_REASON_" },
	{ "_VM_EXIT_INTR_INFO_", "_VM-EXIT_INTERRUPTION_INFORMATION_" },
	{ "_VM_EXIT_INTR_ERROR_CODE_", "_VM-EXIT_INTERRUPTION_ERROR_CODE_" },
	{ "_IDT_VECTORING_INFO_FIELD_", "_IDT-VECTORING_INFORMATION_FIELD_" },
	{ "_IDT_VECTORING_ERROR_CODE_", "_IDT-VECTORING_ERROR_CODE_" },
	{ "_VM_EXIT_INSTRUCTION_LEN_", "_VM-EXIT_INSTRUCTION_LENGTH_" },
	{ "_VMX_INSTRUCTION_INFO_", "_VM-EXIT_INSTRUCTION_INFORMATION_" },
	{ "_AR_BYTES_", "_ACCESS_RIGHTS_" }, { "_INTERRUPTIBILITY_INFO_", "_INTERRUPTIBILITY_STATE_" },
	{ "_GUEST_SYSENTER_", "_GUEST_IA32_SYSENTER_" },
	{ "_VMX_PREEMPTION_TIMER_VALUE_", "_VMX-PREEMPTION_TIMER_VALUE_" },
	{ "_CR0_GUEST_HOST_MASK_", "_CR0_GUEST/HOST_MASK_" }, { "_CR4_GUEST_HOST_MASK_", "_CR4_GUEST/HOST_MASK_" },
	{ "_CR3_TARGET_VALUE0_", "_CR3-TARGET_VALUE_0_" }, { "_CR3_TARGET_VALUE1_", "_CR3-TARGET_VALUE_1_" },
	{ "_CR3_TARGET_VALUE2_", "_CR3-TARGET_VALUE_2_" }, { "_CR3_TARGET_VALUE3_", "_CR3-TARGET_VALUE_3_" },
	{ "_IO_RCX_", "_I/O_RCX_" }, { "_IO_RSI_", "_I/O_RSI_" }, { "_IO_RDI_", "_I/O_RDI_" }, { "_IO_RIP_", "_I/O_RIP_" },
	{ "_PENDING_DBG_EXCEPTIONS_", "_PENDING_DEBUG_EXCEPTIONS_" },
	{ "_S_CET_", "_IA32_S_CET_" }, { "_INTR_SSP_TABLE_", "_IA32_INTERRUPT_SSP_TABLE_ADDR_" },
};

/* Bochs abbreviates differently and keeps IA32_ (with _MSR on SYSENTER). */
static const struct sub bochs_subs[] = {
	{ "_PIN_BASED_VM_EXEC_CONTROL_", "_PIN_BASED_EXEC_CONTROLS_" },
	{ "_CPU_BASED_VM_EXEC_CONTROL_", "_PROCESSOR_BASED_VMEXEC_CONTROLS_" },
	{ "_SECONDARY_VM_EXEC_CONTROL_", "_SECONDARY_VMEXEC_CONTROLS_" },
	{ "_TERTIARY_VM_EXEC_CONTROL_", "_TERTIARY_VMEXEC_CONTROLS_" },
	{ "_VM_INSTRUCTION_ERROR_", "_INSTRUCTION_ERROR_" },
	{ "_VM_ENTRY_", "_VMENTRY_" }, { "_VM_EXIT_", "_VMEXIT_" },
	{ "_EXIT_QUALIFICATION_", "_VMEXIT_QUALIFICATION_" },
	{ "_AR_BYTES_", "_ACCESS_RIGHTS_" }, { "_INTR_INFO_FIELD_", "_INTERRUPTION_INFO_" },
	{ "_INTR_INFO_", "_INTERRUPTION_INFO_" }, { "_IDT_VECTORING_INFO_FIELD_", "_IDT_VECTORING_INFO_" },
	{ "_INTERRUPTIBILITY_INFO_", "_INTERRUPTIBILITY_STATE_" },
	{ "_ERROR_CODE_", "_ERR_CODE_" }, { "_INTR_ERR_CODE_", "_INTERRUPTION_ERR_CODE_" },
	{ "_VIRTUAL_PROCESSOR_ID_", "_VPID_" }, { "_POSTED_INTR_NV_", "_POSTED_INTERRUPT_VECTOR_" },
	{ "_POSTED_INTR_DESC_ADDR_", "_POSTED_INTERRUPT_DESC_ADDR_" },
	{ "_EPT_POINTER_", "_EPTPTR_" }, { "_EXCEPTION_BITMAP_", "_EXECUTION_BITMAP_" },
	{ "_PLE_GAP_", "_PAUSE_LOOP_EXITING_GAP_" }, { "_PLE_WINDOW_", "_PAUSE_LOOP_EXITING_WINDOW_" },
	{ "_VMCS_LINK_POINTER_", "_GUEST_LINK_POINTER_" },
	{ "_VMX_PREEMPTION_TIMER_VALUE_", "_GUEST_PREEMPTION_TIMER_VALUE_" },
	{ "_VM_FUNCTION_CONTROL_", "_VMFUNC_CTRLS_" },
	{ "_GUEST_SYSENTER_", "_GUEST_IA32_SYSENTER_" },
	{ "_SYSENTER_CS_", "_SYSENTER_CS_MSR_" }, { "_SYSENTER_ESP_", "_SYSENTER_ESP_MSR_" },
	{ "_SYSENTER_EIP_", "_SYSENTER_EIP_MSR_" },
	{ "_GUEST_PDPTR0_", "_GUEST_IA32_PDPTE0_" }, { "_GUEST_PDPTR1_", "_GUEST_IA32_PDPTE1_" },
	{ "_GUEST_PDPTR2_", "_GUEST_IA32_PDPTE2_" }, { "_GUEST_PDPTR3_", "_GUEST_IA32_PDPTE3_" },
	{ "_GUEST_BNDCFGS_", "_GUEST_IA32_BNDCFGS_" },
	{ "_GUEST_PHYSICAL_ADDRESS_", "_GUEST_PHYSICAL_ADDR_" },
	{ "_GUEST_LINEAR_ADDRESS_", "_GUEST_LINEAR_ADDR_" },
	{ "_CR3_TARGET_VALUE0_", "_CR3_TARGET0_" }, { "_CR3_TARGET_VALUE1_", "_CR3_TARGET1_" },
	{ "_CR3_TARGET_VALUE2_", "_CR3_TARGET2_" }, { "_CR3_TARGET_VALUE3_", "_CR3_TARGET3_" },
	{ "_MSR_BITMAP_", "_MSR_BITMAPS_" }, { "_VE_INFORMATION_ADDRESS_", "_VE_EXCEPTION_INFO_ADDR_" },
	{ "_VMREAD_BITMAP_", "_VMREAD_BITMAP_ADDR_" }, { "_VMWRITE_BITMAP_", "_VMWRITE_BITMAP_ADDR_" },
	{ "_EXECUTIVE_VMCS_POINTER_", "_EXECUTIVE_VMCS_PTR_" },
	{ "_GUEST_INTR_STATUS_", "_GUEST_INTERRUPT_STATUS_" },
	{ "_S_CET_", "_IA32_S_CET_" }, { "_INTR_SSP_TABLE_", "_INTERRUPT_SSP_TABLE_ADDR_" },
};

/* Names no rule derives: other spellings common in dumps and hobby code. */
static const struct {
	const char *name;
	enum va_field f;
} extra[] = {
	{ "GUEST_INTERRUPTIBILITY", FLD_GUEST_INTERRUPTIBILITY_INFO },
	{ "LINK_PTR", FLD_VMCS_LINK_POINTER },
	{ "GUEST_VMCS_LINK_PTR", FLD_VMCS_LINK_POINTER },
	{ "PIN_CONTROLS", FLD_PIN_BASED_VM_EXEC_CONTROL },
	{ "PIN_BASED_CONTROLS", FLD_PIN_BASED_VM_EXEC_CONTROL },
	{ "PRIMARY_PROCESSOR_CONTROLS", FLD_CPU_BASED_VM_EXEC_CONTROL },
	{ "PROC_BASED_CONTROLS", FLD_CPU_BASED_VM_EXEC_CONTROL },
	{ "SECONDARY_PROCESSOR_CONTROLS", FLD_SECONDARY_VM_EXEC_CONTROL },
	{ "SECONDARY_CONTROLS", FLD_SECONDARY_VM_EXEC_CONTROL },
	{ "ENTRY_INTERRUPT_INFO", FLD_VM_ENTRY_INTR_INFO_FIELD },
	{ "EPTP", FLD_EPT_POINTER },
	{ "VPID", FLD_VIRTUAL_PROCESSOR_ID },
	{ "CR0_MASK", FLD_CR0_GUEST_HOST_MASK },
	{ "CR4_MASK", FLD_CR4_GUEST_HOST_MASK },
	{ "CR0_SHADOW", FLD_CR0_READ_SHADOW },
	{ "CR4_SHADOW", FLD_CR4_READ_SHADOW },
	{ "EXIT_INSTRUCTION_INFO", FLD_VMX_INSTRUCTION_INFO },
	/* HyperPlatform's kPostedInterruptNotification (no "vector") */
	{ "POSTED_INTERRUPT_NOTIFICATION", FLD_POSTED_INTR_NV },
	/* ia32-doc's long name of I/O RSI, misspelt in its headers until renamed */
	{ "VMCS_IO_RSX", FLD_IO_RSI },
	/* the current SDM's names of fields older editions (and the rule) name otherwise */
	{ "Primary VM-exit controls", FLD_VM_EXIT_CONTROLS },
	{ "Injected-event identification", FLD_VM_ENTRY_INTR_INFO_FIELD },
	{ "Injected-event error code", FLD_VM_ENTRY_EXCEPTION_ERROR_CODE },
	{ "Exiting-event identification", FLD_VM_EXIT_INTR_INFO },
	{ "Exiting-event error code", FLD_VM_EXIT_INTR_ERROR_CODE },
	{ "Original-event identification", FLD_IDT_VECTORING_INFO_FIELD },
	{ "Original-event error code", FLD_IDT_VECTORING_ERROR_CODE },
	{ "Instruction-timeout control", FLD_NOTIFY_WINDOW },
	/* older SDMs' names the current one's footnotes quote */
	{ "VM-entry error code", FLD_VM_ENTRY_EXCEPTION_ERROR_CODE },
};

const char *va_field_extra_name(enum va_field f, unsigned i)
{
	for (size_t k = 0; k < sizeof extra / sizeof extra[0]; k++)
		if (extra[k].f == f && !i--)
			return extra[k].name;
	return NULL;
}

static void apply(char *s, size_t cap, const struct sub *subs, size_t count)
{
	char tmp[160];
	for (size_t i = 0; i < count; i++) {
		char *at = strstr(s, subs[i].from);
		if (!at)
			continue;
		size_t head = (size_t)(at - s), fl = strlen(subs[i].from);
		int n = snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)head, s, subs[i].to, at + fl);
		if (n > 0 && (size_t)n < cap && (size_t)n < sizeof tmp)
			memcpy(s, tmp, (size_t)n + 1);
	}
}

/* "_WORDS_" of the KVM name, rewritten by a table, without the outer '_'. */
static void rewrite(enum va_field f, const struct sub *subs, size_t count, char *out, size_t cap)
{
	char s[160];
	snprintf(s, sizeof s, "_%s_", va_field_name(f));
	apply(s, sizeof s, subs, count);
	size_t n = strlen(s);
	snprintf(out, cap, "%.*s", (int)(n >= 2 ? n - 2 : 0), s + 1);
}

static int is_register(const char *w, size_t n)
{
	static const char *const regs[] = { "ES", "CS", "SS", "DS", "FS", "GS", "LDTR", "TR", "GDTR",
					    "IDTR", "CR0", "CR3", "CR4", "DR7", "RSP", "RIP", "RFLAGS",
					    "VM", "VMCS", "APIC", "EPT", "TSC", "PML", "IO", "MSR", "IDT",
					    "PLE", "TPR", "EOI", "SMBASE", "SSP", "CET", "PAT", "EFER",
					    "XSS", "ENCLS", "ENCLV", "PCONFIG", "PASID", "FRED", "UINV",
					    "VMREAD", "VMWRITE", "VMFUNC", "RCX", "RSI", "RDI", "HLAT",
					    "I", "O", "PID", "PASID", "SEAM", "EPTP", "IA32", "UINV", "PLE",
					    "XSS", "ENCLS", "SMBASE", "SSP", "CET", "S", "LDTR", "GDTR" };
	for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
		if (strlen(regs[i]) == n && !memcmp(regs[i], w, n))
			return 1;
	return 0;
}

size_t va_field_alias(enum va_field f, enum va_name_scheme s, char *buf, size_t cap)
{
	char body[160];
	if (f <= FLD_NONE || f >= FLD_COUNT || !cap)
		return 0;
	buf[0] = '\0';
	enum va_field_area area = va_field_area(f);
	switch (s) {
	case VA_NAMES_KVM:
		snprintf(buf, cap, "%s", va_field_name(f));
		break;
	case VA_NAMES_IA32DOC:
		rewrite(f, ia32doc_subs, sizeof ia32doc_subs / sizeof ia32doc_subs[0], body, sizeof body);
		snprintf(buf, cap, "VMCS_%s%s", area == VA_AREA_CONTROL ? "CTRL_" : "", body);
		break;
	case VA_NAMES_IA32DOC_SHORT:
		rewrite(f, ia32doc_short_subs, sizeof ia32doc_short_subs / sizeof ia32doc_short_subs[0], body,
			sizeof body);
		snprintf(buf, cap, "VMCS_%s%s", area == VA_AREA_CONTROL ? "CTRL_" : "", body);
		break;
	case VA_NAMES_BOCHS: {
		static const char *const width[] = { "16BIT_", "64BIT_", "32BIT_", "" };
		rewrite(f, bochs_subs, sizeof bochs_subs / sizeof bochs_subs[0], body, sizeof body);
		int ctrl = area == VA_AREA_CONTROL && strncmp(body, "CR3_TARGET", 10);
		snprintf(buf, cap, "VMCS_%s%s%s", width[va_field_width(f)], ctrl ? "CONTROL_" : "", body);
		break;
	}
	case VA_NAMES_SDM:
	case VA_NAMES_SNAKE:
	case VA_NAMES_SHORT: {
		if (s == VA_NAMES_SDM)
			rewrite(f, sdm_subs, sizeof sdm_subs / sizeof sdm_subs[0], body, sizeof body);
		else
			rewrite(f, ia32doc_subs, sizeof ia32doc_subs / sizeof ia32doc_subs[0], body, sizeof body);
		const char *p = body;
		if (s == VA_NAMES_SHORT) {
			/* two words at least: a lone "cr0" or "rip" is every
			 * register dump's label, not a name of the guest field */
			if (strncmp(body, "GUEST_", 6) || !strchr(body + 6, '_'))
				return 0;
			p += 6;
		}
		size_t k = 0;
		for (int first = 1; *p && k + 1 < cap; first = 0) {
			size_t w = strcspn(p, "_");
			if (!first && k + 1 < cap)
				buf[k++] = s == VA_NAMES_SNAKE ? '_' : ' ';
			/* the SDM keeps register and acronym case in each piece of
			 * "VM-exit", "I/O", "CR0 guest/host mask" */
			for (size_t i = 0, seg = 0; i < w && k + 1 < cap; i++) {
				char c = p[i];
				if (c == '-' || c == '/')
					seg = i + 1;
				int keep_case = s == VA_NAMES_SDM &&
						is_register(p + seg, strcspn(p + seg, "_-/") < w - seg ? strcspn(p + seg, "_-/") : w - seg);
				if (!keep_case && c >= 'A' && c <= 'Z' && !(s == VA_NAMES_SDM && first && !i))
					c = (char)(c - 'A' + 'a');
				buf[k++] = c;
			}
			p += w + (p[w] == '_');
		}
		buf[k] = '\0';
		break;
	}
	case VA_NAMES_KCAMEL: {
		const char *p = va_field_name(f);
		size_t k = 0;
		buf[k++] = 'k';
		for (int up = 1; *p && k + 1 < cap; p++) {
			if (*p == '_') {
				up = 1;
				continue;
			}
			char c = *p;
			if (!up && c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			buf[k++] = c;
			up = 0;
		}
		buf[k] = '\0';
		break;
	}
	default:
		return 0;
	}
	return strlen(buf);
}

const char *va_name_scheme_label(enum va_name_scheme s)
{
	static const char *const labels[VA_NAMES_COUNT] = { "KVM", "ia32-doc", "ia32-short", "Bochs", "SDM",
							    "snake_case", "kCamel", "short" };
	return (unsigned)s < VA_NAMES_COUNT ? labels[s] : "?";
}

/* ---- one normal form for every spelling -------------------------------- */

#define TOK_MAX 16
struct toks {
	unsigned n;
	char w[TOK_MAX][24];
};

static int tok_is(const struct toks *t, unsigned i, const char *w)
{
	return i < t->n && !strcmp(t->w[i], w);
}

static void tok_drop(struct toks *t, unsigned i)
{
	memmove(t->w[i], t->w[i + 1], (t->n - i - 1) * sizeof t->w[0]);
	t->n--;
}

static void tok_set(struct toks *t, unsigned i, const char *w)
{
	snprintf(t->w[i], sizeof t->w[i], "%s", w);
}

static void tok_split(struct toks *t, unsigned i, const char *a, const char *b)
{
	if (t->n >= TOK_MAX)
		return;
	memmove(t->w[i + 2], t->w[i + 1], (t->n - i - 1) * sizeof t->w[0]);
	t->n++;
	tok_set(t, i, a);
	tok_set(t, i + 1, b);
}

/* Words, lower case: split at separators and at camelCase humps. */
static int tokenize(const char *s, size_t n, struct toks *t)
{
	size_t len = 0;
	char *cur = NULL;
	t->n = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		int hump = c >= 'A' && c <= 'Z' && i && s[i - 1] >= 'a' && s[i - 1] <= 'z';
		if (!alnum || hump) {
			if (cur)
				cur[len] = '\0';
			cur = NULL;
			len = 0;
			if (!alnum)
				continue;
		}
		if (!cur) {
			if (t->n == TOK_MAX)
				return -1;
			cur = t->w[t->n++];
		}
		if (len + 1 >= sizeof t->w[0])
			return -1;
		cur[len++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	if (cur)
		cur[len] = '\0';
	return 0;
}

static void canonical_tokens(struct toks *t)
{
	static const struct sub single[] = {
		{ "rights", "ar" }, { "information", "info" }, { "interruption", "intr" },
		{ "interrupt", "intr" }, { "execution", "exec" }, { "controls", "control" },
		{ "address", "addr" }, { "pointer", "ptr" }, { "identifier", "id" }, { "dbg", "debug" },
		{ "err", "error" }, { "length", "len" }, { "pdpte", "pdptr" }, { "ctrls", "control" },
		{ "descriptor", "desc" },
	};
	static const struct {
		const char *w, *a, *b;
	} splits[] = {
		{ "vmentry", "vm", "entry" }, { "vmexit", "vm", "exit" }, { "vmexec", "vm", "exec" },
		{ "pagefault", "page", "fault" }, { "vmfunc", "vm", "function" }, { "eptptr", "ept", "ptr" },
		{ "eptp", "ept", "ptr" },
	};
	/* scheme prefixes: "k" (kCamel), VMCS_, VMX_, widths, CTRL_/CONTROL_;
	 * CTRL_ stays before a lone word (ia32-doc's VMCS_CTRL_ENTRY), so that
	 * a bare "entry" names no field */
	while (t->n > 1 && (tok_is(t, 0, "k") || tok_is(t, 0, "vmcs") || tok_is(t, 0, "vmx") ||
			    ((tok_is(t, 0, "ctrl") || tok_is(t, 0, "control")) && t->n > 2) ||
			    tok_is(t, 0, "16bit") || tok_is(t, 0, "32bit") || tok_is(t, 0, "64bit") ||
			    tok_is(t, 0, "ro")))
		tok_drop(t, 0);
	for (unsigned i = 0; i < t->n; i++) {
		for (size_t k = 0; k < sizeof splits / sizeof splits[0]; k++)
			if (tok_is(t, i, splits[k].w))
				tok_split(t, i, splits[k].a, splits[k].b);
		for (size_t k = 0; k < sizeof single / sizeof single[0]; k++)
			if (tok_is(t, i, single[k].from))
				tok_set(t, i, single[k].to);
	}
	for (unsigned i = 0; i < t->n;) {
		int drop = tok_is(t, i, "vm") || tok_is(t, i, "field") || tok_is(t, i, "full") ||
			   tok_is(t, i, "ia32") || tok_is(t, i, "16bit") || tok_is(t, i, "32bit") ||
			   tok_is(t, i, "64bit") ||
			   (tok_is(t, i, "msr") && i + 1 == t->n && i) ||
			   (tok_is(t, i, "bytes") && i && tok_is(t, i - 1, "ar")) ||
			   (tok_is(t, i, "access") && tok_is(t, i + 1, "ar")) ||
			   (tok_is(t, i, "addr") && i && tok_is(t, i - 1, "base")) ||
			   ((tok_is(t, i, "state") || tok_is(t, i, "info")) && i &&
			    tok_is(t, i - 1, "interruptibility")) ||
			   (tok_is(t, i, "primary") && (tok_is(t, i + 1, "processor") || tok_is(t, i + 1, "cpu")));
		if (drop && t->n > 1) {
			tok_drop(t, i);
			continue;
		}
		if (tok_is(t, i, "processor") && tok_is(t, i + 1, "based"))
			tok_set(t, i, "cpu");
		i++;
	}
}

size_t va_name_canonical(const char *s, size_t n, char *out, size_t cap)
{
	struct toks t;
	size_t k = 0;
	if (!cap)
		return 0;
	out[0] = '\0';
	if (tokenize(s, n, &t) || !t.n)
		return 0;
	canonical_tokens(&t);
	for (unsigned i = 0; i < t.n; i++) {
		size_t w = strlen(t.w[i]);
		if (k + w + 1 > cap)
			return 0;
		memcpy(out + k, t.w[i], w);
		k += w;
	}
	out[k] = '\0';
	return k;
}

/* ---- the index ---------------------------------------------------------- */

#define SLOTS 8192
#define POOL (SLOTS * 24)
struct slot {
	uint32_t key;          /* offset+1 into the pool; 0 empty */
	uint8_t len;
	uint16_t field, other; /* other: a second field with the same key (ambiguous) */
};
static struct {
	struct slot slot[SLOTS];
	char pool[POOL];
	size_t used;
} ix;
static pthread_once_t ix_once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static struct slot *find(const char *key, size_t n)
{
	uint32_t h = hash(key, n) & (SLOTS - 1);
	while (ix.slot[h].key) {
		struct slot *sl = &ix.slot[h];
		if (sl->len == n && !memcmp(ix.pool + sl->key - 1, key, n))
			return sl;
		h = (h + 1) & (SLOTS - 1);
	}
	return &ix.slot[h];
}

static void add(const char *name, enum va_field f)
{
	char key[128];
	size_t n = va_name_canonical(name, strlen(name), key, sizeof key);
	if (!n || n > 255 || ix.used + n > POOL)
		return;
	struct slot *sl = find(key, n);
	if (sl->key) {
		if (sl->field != f && !sl->other)
			sl->other = (uint16_t)f;
		return;
	}
	memcpy(ix.pool + ix.used, key, n);
	sl->key = (uint32_t)ix.used + 1;
	sl->len = (uint8_t)n;
	sl->field = (uint16_t)f;
	ix.used += n;
}

/* A name both a guest and a host field end in ("CR0", "IA32_EFER") fits
 * both: it reads as ambiguous, never as one of them.  Names some field
 * already has ("ES_SELECTOR" is the guest's short name) stay its own. */
static void add_shared(const char *name, enum va_field guest, enum va_field host)
{
	char key[128];
	size_t n = va_name_canonical(name, strlen(name), key, sizeof key);
	if (!n || n > 255 || ix.used + n > POOL)
		return;
	struct slot *sl = find(key, n);
	if (sl->key)
		return;
	memcpy(ix.pool + ix.used, key, n);
	sl->key = (uint32_t)ix.used + 1;
	sl->len = (uint8_t)n;
	sl->field = (uint16_t)guest;
	sl->other = (uint16_t)host;
	ix.used += n;
}

static void build(void)
{
	char name[160];
	/* KVM's names first: they win where a derived name of another field
	 * would coincide (such a key then reads as ambiguous, never silently) */
	for (unsigned f = 1; f < FLD_COUNT; f++)
		add(va_field_name((enum va_field)f), (enum va_field)f);
	for (unsigned s = 1; s < VA_NAMES_COUNT; s++)
		for (unsigned f = 1; f < FLD_COUNT; f++)
			if (va_field_alias((enum va_field)f, (enum va_name_scheme)s, name, sizeof name))
				add(name, (enum va_field)f);
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		add(extra[i].name, extra[i].f);
	for (unsigned f = 1; f < FLD_COUNT; f++) {
		const char *g = va_field_name((enum va_field)f);
		if (strncmp(g, "GUEST_", 6))
			continue;
		snprintf(name, sizeof name, "HOST_%s", g + 6);
		enum va_field h = va_field_by_name(name, strlen(name));
		if (h != FLD_NONE)
			add_shared(g + 6, (enum va_field)f, h);
	}
}

static int ends_word(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k && va_word_eq(s + n - k, k, suffix);
}

/* The SDM's row names end in a parenthesis: "(full)", "(high)", "(VPID)",
 * "(EPTP; high)".  The name without it; *high set when it says "high". */
static size_t sdm_row_name(const char *s, size_t n, int *high)
{
	if (n < 4 || s[n - 1] != ')')
		return n;
	size_t open = n - 1;
	while (open && s[open] != '(')
		open--;
	if (s[open] != '(' || !open)
		return n;
	for (size_t i = open + 1; i + 4 <= n - 1; i++)
		if (va_word_eq(s + i, 4, "high") && (i == open + 1 || s[i - 1] == ' ' || s[i - 1] == ';') &&
		    (i + 4 == n - 1 || s[i + 4] == ' ' || s[i + 4] == ';'))
			*high = 1;
	while (open && (s[open - 1] == ' ' || s[open - 1] == '\t'))
		open--;
	return open;
}

int va_field_resolve(const char *s, size_t n, struct va_name_match *m)
{
	m->field = FLD_NONE;
	m->high = 0;
	m->other = FLD_NONE;
	if (!n)
		return VA_NAME_UNKNOWN;
	/* an encoding: 0x4814, 4814h (an odd one is the high half of a 64-bit field) */
	uint64_t enc;
	if (va_number_radix(s, n) != VA_RADIX_BARE && !va_parse_u64(s, n, &enc)) {
		if (enc > 0xffff)
			return VA_NAME_UNKNOWN;
		m->field = va_field_by_encoding((uint16_t)(enc & ~1ull));
		m->high = (int)(enc & 1);
		if (m->field == FLD_NONE || (m->high && va_field_width(m->field) != VA_W64)) {
			m->field = FLD_NONE;
			return VA_NAME_UNKNOWN;
		}
		return VA_NAME_FOUND;
	}
	/* KVM's own name, the common case, through the readers' hash table
	 * before the spelling is normalised */
	enum va_field exact = va_field_lookup(s, n);
	if (exact != FLD_NONE) {
		m->field = exact;
		return VA_NAME_FOUND;
	}
	pthread_once(&ix_once, build);
	n = sdm_row_name(s, n, &m->high);
	if (ends_word(s, n, "_HIGH") || ends_word(s, n, "_HI")) {
		m->high = 1;
		n -= ends_word(s, n, "_HIGH") ? 5 : 3;
	} else if (n > 5 && !memcmp(s + n - 4, "High", 4) && s[n - 5] != '_' && s[n - 5] != ' ') {
		m->high = 1;   /* HyperPlatform's kIoBitmapAHigh */
		n -= 4;
	}
	char key[128];
	size_t k = va_name_canonical(s, n, key, sizeof key);
	if (!k)
		return VA_NAME_UNKNOWN;
	const struct slot *sl = find(key, k);
	if (!sl->key) {
		m->high = 0;
		return VA_NAME_UNKNOWN;
	}
	m->field = (enum va_field)sl->field;
	if (m->high && va_field_width(m->field) != VA_W64) {
		m->field = FLD_NONE;
		m->high = 0;
		return VA_NAME_UNKNOWN;
	}
	if (sl->other) {
		m->other = (enum va_field)sl->other;
		return VA_NAME_AMBIGUOUS;
	}
	return VA_NAME_FOUND;
}

/* Letters and digits only, lower case, for MSR and fact names. */
static size_t squeeze(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[k++] = c;
	}
	out[k] = '\0';
	return k;
}

/* IA32_VMX_PINBASED_CTLS as ia32vmxpinbasedctls; "MSR_" and the plural
 * of CTL(S) are not part of the name. */
static size_t msr_key(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = squeeze(s, n, out, cap);
	if (k > 3 && !memcmp(out, "msr", 3)) {
		memmove(out, out + 3, k - 2);
		k -= 3;
	}
	if (k > 4 && !memcmp(out + k - 4, "ctls", 4))
		out[--k] = '\0';
	else if (k > 5 && !memcmp(out + k - 5, "ctls", 4) && out[k - 1] >= '0' && out[k - 1] <= '9') {
		out[k - 2] = out[k - 1];   /* PROCBASED_CTLS2 -> ctl2 */
		out[--k] = '\0';
	}
	return k;
}

int va_msr_resolve(const char *s, size_t n)
{
	uint64_t number;
	if (va_number_radix(s, n) != VA_RADIX_BARE && !va_parse_u64(s, n, &number))
		return number <= 0xffffffffu ? va_msr_by_number((uint32_t)number) : -1;
	int exact = va_msr_lookup(s, n);   /* the SDM's name, the common case */
	if (exact >= 0)
		return exact;
	char key[96], want[96];
	size_t k = msr_key(s, n, key, sizeof key);
	if (!k)
		return -1;
	for (unsigned m = 0; m < MSR_COUNT; m++) {
		const char *name = va_msr_name((enum va_msr)m);
		size_t w = msr_key(name, strlen(name), want, sizeof want);
		if (w == k && !memcmp(key, want, k))
			return (int)m;
	}
	return -1;
}

int va_fact_resolve(const char *s, size_t n)
{
	char key[96], want[96];
	size_t k = squeeze(s, n, key, sizeof key);
	if (!k)
		return -1;
	for (int f = 0; f < FACT_COUNT; f++) {
		const char *name = va_fact_info((enum va_fact)f)->key;
		size_t w = squeeze(name, strlen(name), want, sizeof want);
		if (w == k && !memcmp(key, want, k))
			return f;
	}
	return -1;
}
