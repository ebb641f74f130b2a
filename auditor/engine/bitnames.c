#include "bitnames.h"

#include <stddef.h>

typedef const char *const bit_names[64];

static bit_names pin = {
	[0] = "PIN_BASED_EXT_INTR_MASK", [1] = "default1 bit 1", [2] = "default1 bit 2",
	[3] = "PIN_BASED_NMI_EXITING", [4] = "default1 bit 4", [5] = "PIN_BASED_VIRTUAL_NMIS",
	[6] = "PIN_BASED_VMX_PREEMPTION_TIMER", [7] = "PIN_BASED_POSTED_INTR",
};

static bit_names proc = {
	[1] = "default1 bit 1", [2] = "CPU_BASED_INTR_WINDOW_EXITING",
	[3] = "CPU_BASED_USE_TSC_OFFSETTING", [4] = "default1 bit 4", [5] = "default1 bit 5",
	[6] = "default1 bit 6", [7] = "CPU_BASED_HLT_EXITING", [8] = "default1 bit 8",
	[9] = "CPU_BASED_INVLPG_EXITING", [10] = "CPU_BASED_MWAIT_EXITING",
	[11] = "CPU_BASED_RDPMC_EXITING", [12] = "CPU_BASED_RDTSC_EXITING",
	[13] = "default1 bit 13", [14] = "default1 bit 14",
	[15] = "CPU_BASED_CR3_LOAD_EXITING", [16] = "CPU_BASED_CR3_STORE_EXITING",
	[17] = "CPU_BASED_ACTIVATE_TERTIARY_CONTROLS", [19] = "CPU_BASED_CR8_LOAD_EXITING",
	[20] = "CPU_BASED_CR8_STORE_EXITING", [21] = "CPU_BASED_TPR_SHADOW",
	[22] = "CPU_BASED_NMI_WINDOW_EXITING", [23] = "CPU_BASED_MOV_DR_EXITING",
	[24] = "CPU_BASED_UNCOND_IO_EXITING", [25] = "CPU_BASED_USE_IO_BITMAPS",
	[26] = "default1 bit 26", [27] = "CPU_BASED_MONITOR_TRAP_FLAG",
	[28] = "CPU_BASED_USE_MSR_BITMAPS", [29] = "CPU_BASED_MONITOR_EXITING",
	[30] = "CPU_BASED_PAUSE_EXITING", [31] = "CPU_BASED_ACTIVATE_SECONDARY_CONTROLS",
};

static bit_names proc2 = {
	[0] = "SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES", [1] = "SECONDARY_EXEC_ENABLE_EPT",
	[2] = "SECONDARY_EXEC_DESC", [3] = "SECONDARY_EXEC_ENABLE_RDTSCP",
	[4] = "SECONDARY_EXEC_VIRTUALIZE_X2APIC_MODE", [5] = "SECONDARY_EXEC_ENABLE_VPID",
	[6] = "SECONDARY_EXEC_WBINVD_EXITING", [7] = "SECONDARY_EXEC_UNRESTRICTED_GUEST",
	[8] = "SECONDARY_EXEC_APIC_REGISTER_VIRT", [9] = "SECONDARY_EXEC_VIRTUAL_INTR_DELIVERY",
	[10] = "SECONDARY_EXEC_PAUSE_LOOP_EXITING", [11] = "SECONDARY_EXEC_RDRAND_EXITING",
	[12] = "SECONDARY_EXEC_ENABLE_INVPCID", [13] = "SECONDARY_EXEC_ENABLE_VMFUNC",
	[14] = "SECONDARY_EXEC_SHADOW_VMCS", [15] = "SECONDARY_EXEC_ENCLS_EXITING",
	[16] = "SECONDARY_EXEC_RDSEED_EXITING", [17] = "SECONDARY_EXEC_ENABLE_PML",
	[18] = "SECONDARY_EXEC_EPT_VIOLATION_VE", [19] = "SECONDARY_EXEC_PT_CONCEAL_VMX",
	[20] = "SECONDARY_EXEC_XSAVES", [21] = "SECONDARY_EXEC_PASID_TRANSLATION",
	[22] = "SECONDARY_EXEC_MODE_BASED_EPT_EXEC", [23] = "SECONDARY_EXEC_EPT_SUB_PAGE_PERMISSIONS",
	[24] = "SECONDARY_EXEC_PT_USE_GPA", [25] = "SECONDARY_EXEC_TSC_SCALING",
	[26] = "SECONDARY_EXEC_ENABLE_USR_WAIT_PAUSE", [27] = "SECONDARY_EXEC_ENABLE_PCONFIG",
	[28] = "SECONDARY_EXEC_ENCLV_EXITING", [30] = "SECONDARY_EXEC_BUS_LOCK_DETECTION",
	[31] = "SECONDARY_EXEC_NOTIFY_VM_EXITING",
};

static bit_names proc3 = {
	[0] = "TERTIARY_EXEC_LOADIWKEY_EXITING", [1] = "TERTIARY_EXEC_ENABLE_HLAT",
	[2] = "TERTIARY_EXEC_EPT_PAGING_WRITE", [3] = "TERTIARY_EXEC_GUEST_PAGING_VERIFY",
	[4] = "TERTIARY_EXEC_IPI_VIRT", [6] = "TERTIARY_EXEC_MSR_LIST_INSTRUCTIONS",
	[7] = "TERTIARY_EXEC_VIRT_IA32_SPEC_CTRL", [8] = "TERTIARY_EXEC_GUEST_APIC_TIMER",
};

static bit_names exitc = {
	[0] = "default1 bit 0", [1] = "default1 bit 1", [2] = "VM_EXIT_SAVE_DEBUG_CONTROLS",
	[3] = "default1 bit 3", [4] = "default1 bit 4", [5] = "default1 bit 5",
	[6] = "default1 bit 6", [7] = "default1 bit 7", [8] = "default1 bit 8",
	[9] = "VM_EXIT_HOST_ADDR_SPACE_SIZE", [10] = "default1 bit 10", [11] = "default1 bit 11",
	[12] = "VM_EXIT_LOAD_IA32_PERF_GLOBAL_CTRL", [13] = "default1 bit 13",
	[14] = "default1 bit 14", [15] = "VM_EXIT_ACK_INTR_ON_EXIT", [16] = "default1 bit 16",
	[17] = "default1 bit 17", [18] = "VM_EXIT_SAVE_IA32_PAT", [19] = "VM_EXIT_LOAD_IA32_PAT",
	[20] = "VM_EXIT_SAVE_IA32_EFER", [21] = "VM_EXIT_LOAD_IA32_EFER",
	[22] = "VM_EXIT_SAVE_VMX_PREEMPTION_TIMER", [23] = "VM_EXIT_CLEAR_BNDCFGS",
	[24] = "VM_EXIT_PT_CONCEAL_PIP", [25] = "VM_EXIT_CLEAR_IA32_RTIT_CTL",
	[26] = "VM_EXIT_CLEAR_IA32_LBR_CTL", [27] = "VM_EXIT_CLEAR_UINV",
	[28] = "VM_EXIT_LOAD_CET_STATE", [29] = "VM_EXIT_LOAD_IA32_PKRS",
	[30] = "VM_EXIT_SAVE_IA32_PERF_GLOBAL_CTRL", [31] = "VM_EXIT_ACTIVATE_SECONDARY_CONTROLS",
};

static bit_names exit2 = {
	[0] = "SECONDARY_VM_EXIT_SAVE_IA32_FRED", [1] = "SECONDARY_VM_EXIT_LOAD_IA32_FRED",
	[2] = "SECONDARY_VM_EXIT_LOAD_IA32_SPEC_CTRL", [3] = "SECONDARY_VM_EXIT_PREMATURE_BUSY_SHSTK",
};

static bit_names entry = {
	[0] = "default1 bit 0", [1] = "default1 bit 1", [2] = "VM_ENTRY_LOAD_DEBUG_CONTROLS",
	[3] = "default1 bit 3", [4] = "default1 bit 4", [5] = "default1 bit 5",
	[6] = "default1 bit 6", [7] = "default1 bit 7", [8] = "default1 bit 8",
	[9] = "VM_ENTRY_IA32E_MODE", [10] = "VM_ENTRY_SMM", [11] = "VM_ENTRY_DEACT_DUAL_MONITOR",
	[12] = "default1 bit 12", [13] = "VM_ENTRY_LOAD_IA32_PERF_GLOBAL_CTRL",
	[14] = "VM_ENTRY_LOAD_IA32_PAT", [15] = "VM_ENTRY_LOAD_IA32_EFER",
	[16] = "VM_ENTRY_LOAD_BNDCFGS", [17] = "VM_ENTRY_PT_CONCEAL_PIP",
	[18] = "VM_ENTRY_LOAD_IA32_RTIT_CTL", [19] = "VM_ENTRY_LOAD_UINV",
	[20] = "VM_ENTRY_LOAD_CET_STATE", [21] = "VM_ENTRY_LOAD_IA32_LBR_CTL",
	[22] = "VM_ENTRY_LOAD_IA32_PKRS", [23] = "VM_ENTRY_LOAD_IA32_FRED",
	[24] = "VM_ENTRY_LOAD_IA32_SPEC_CTRL",
};

static bit_names vmfunc = { [0] = "EPTP switching" };

static bit_names cr0 = {
	[0] = "PE", [1] = "MP", [2] = "EM", [3] = "TS", [4] = "ET", [5] = "NE",
	[16] = "WP", [18] = "AM", [29] = "NW", [30] = "CD", [31] = "PG",
};

static bit_names cr4 = {
	[0] = "VME", [1] = "PVI", [2] = "TSD", [3] = "DE", [4] = "PSE", [5] = "PAE",
	[6] = "MCE", [7] = "PGE", [8] = "PCE", [9] = "OSFXSR", [10] = "OSXMMEXCPT",
	[11] = "UMIP", [12] = "LA57", [13] = "VMXE", [14] = "SMXE", [16] = "FSGSBASE",
	[17] = "PCIDE", [18] = "OSXSAVE", [19] = "KL", [20] = "SMEP", [21] = "SMAP",
	[22] = "PKE", [23] = "CET", [24] = "PKS", [25] = "UINTR", [27] = "LASS",
	[28] = "LAM_SUP", [32] = "FRED",
};

static bit_names efer = {
	[0] = "SCE", [8] = "LME", [10] = "LMA", [11] = "NXE", [12] = "SVME",
	[13] = "LMSLE", [14] = "FFXSR", [15] = "TCE",
};

static bit_names rflags = {
	[0] = "CF", [1] = "fixed to 1", [2] = "PF", [4] = "AF", [6] = "ZF",
	[7] = "SF", [8] = "TF", [9] = "IF", [10] = "DF", [11] = "OF", [12] = "IOPL bit 0",
	[13] = "IOPL bit 1", [14] = "NT", [16] = "RF", [17] = "VM", [18] = "AC",
	[19] = "VIF", [20] = "VIP", [21] = "ID",
};

static bit_names interruptibility = {
	[0] = "blocking by STI", [1] = "blocking by MOV SS", [2] = "blocking by SMI",
	[3] = "blocking by NMI", [4] = "enclave interruption",
};

static bit_names intr_info = {
	[0] = "vector bit 0", [1] = "vector bit 1", [2] = "vector bit 2", [3] = "vector bit 3",
	[4] = "vector bit 4", [5] = "vector bit 5", [6] = "vector bit 6", [7] = "vector bit 7",
	[8] = "type bit 0", [9] = "type bit 1", [10] = "type bit 2",
	[11] = "deliver error code", [12] = "NMI unblocking due to IRET",
	[13] = "nested exception", [31] = "valid",
};

static bit_names ar = {
	[0] = "type bit 0 (accessed)", [1] = "type bit 1 (readable/writable)",
	[2] = "type bit 2 (conforming/expand-down)", [3] = "type bit 3 (code)",
	[4] = "S", [5] = "DPL bit 0", [6] = "DPL bit 1", [7] = "P", [12] = "AVL",
	[13] = "L", [14] = "D/B", [15] = "G", [16] = "unusable",
};

static bit_names pending_dbg = {
	[0] = "B0", [1] = "B1", [2] = "B2", [3] = "B3", [12] = "enabled breakpoint",
	[14] = "BS", [16] = "RTM",
};

static bit_names eptp = {
	[0] = "memory type bit 0", [1] = "memory type bit 1", [2] = "memory type bit 2",
	[3] = "walk length bit 0", [4] = "walk length bit 1", [5] = "walk length bit 2",
	[6] = "accessed/dirty flags", [7] = "supervisor shadow-stack control",
};

static bit_names s_cet = {
	[0] = "SH_STK_EN", [1] = "WR_SHSTK_EN", [2] = "ENDBR_EN", [3] = "LEG_IW_EN",
	[4] = "NO_TRACK_EN", [5] = "SUPPRESS_DIS", [10] = "SUPPRESS", [11] = "TRACKER",
};

static bit_names vmx_basic = {
	[48] = "32-bit physical addresses", [49] = "dual-monitor treatment",
	[54] = "INS/OUTS information", [55] = "TRUE capability MSRs",
	[56] = "no error-code consistency check", [58] = "nested-exception support",
};

static const struct {
	const char *name;
	const char *const *bits;
} sets[VA_BITS_COUNT] = {
	[VA_BITS_NONE] = { "", NULL },
	[VA_BITS_PIN] = { "PIN_BASED_VM_EXEC_CONTROL", pin },
	[VA_BITS_PROC] = { "CPU_BASED_VM_EXEC_CONTROL", proc },
	[VA_BITS_PROC2] = { "SECONDARY_VM_EXEC_CONTROL", proc2 },
	[VA_BITS_PROC3] = { "TERTIARY_VM_EXEC_CONTROL", proc3 },
	[VA_BITS_EXIT] = { "VM_EXIT_CONTROLS", exitc },
	[VA_BITS_EXIT2] = { "SECONDARY_VM_EXIT_CONTROLS", exit2 },
	[VA_BITS_ENTRY] = { "VM_ENTRY_CONTROLS", entry },
	[VA_BITS_VMFUNC] = { "VM_FUNCTION_CONTROL", vmfunc },
	[VA_BITS_CR0] = { "CR0", cr0 },
	[VA_BITS_CR4] = { "CR4", cr4 },
	[VA_BITS_EFER] = { "EFER", efer },
	[VA_BITS_RFLAGS] = { "RFLAGS", rflags },
	[VA_BITS_INTERRUPTIBILITY] = { "INTERRUPTIBILITY", interruptibility },
	[VA_BITS_INTR_INFO] = { "INTR_INFO", intr_info },
	[VA_BITS_AR] = { "AR", ar },
	[VA_BITS_PENDING_DBG] = { "PENDING_DBG", pending_dbg },
	[VA_BITS_EPTP] = { "EPTP", eptp },
	[VA_BITS_S_CET] = { "S_CET", s_cet },
	[VA_BITS_VMX_BASIC] = { "IA32_VMX_BASIC", vmx_basic },
};

const char *va_bit_name(enum va_bitset set, unsigned bit)
{
	if ((unsigned)set >= VA_BITS_COUNT || bit > 63 || !sets[set].bits)
		return NULL;
	return sets[set].bits[bit];
}

const char *va_bitset_name(enum va_bitset set)
{
	return (unsigned)set < VA_BITS_COUNT ? sets[set].name : "";
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

enum va_bitset va_bitset_by_name(const char *name, unsigned len)
{
	for (unsigned s = 1; s < VA_BITS_COUNT; s++) {
		const char *n = sets[s].name;
		unsigned k = 0;
		while (k < len && n[k] && lower(n[k]) == lower(name[k]))
			k++;
		if (k == len && n[k] == '\0')
			return (enum va_bitset)s;
	}
	return VA_BITS_NONE;
}
