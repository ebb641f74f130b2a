#include "fixtures.h"

/* A VM-entry MSR-load area of `n` entries at 0300_0000H (16-byte aligned,
 * below 2^39); each entry is "index value" in [memory]. */
#define AREA(n) "[vmcs]\nVM_ENTRY_MSR_LOAD_ADDR = 0x3000000\nVM_ENTRY_MSR_LOAD_COUNT = " #n "\n"
#define ENTRIES "[memory]\n0x3000000 ="
#define E(index, value) " " #index " " #value
#define MSR1(index, value) AREA(1) ENTRIES E(index, value) "\n"
/* Entry 1 is fine (IA32_KERNEL_GS_BASE, canonical); entry 2 is given. */
#define MSR2(index, value) AREA(2) ENTRIES E(0xc0000102, 0xffff888100000000) E(index, value) "\n"
#define KGS_OK MSR1(0xc0000102, 0xffff888100000000)

/* The PAE guest of fixtures_guest_pdpte.c: CR0.PG = 1, not IA-32e. */
#define PAE_GUEST                                                                      \
	"[vmcs]\nVM_ENTRY_CONTROLS = 0x0000d1ff\nGUEST_IA32_EFER = 0x801\n"               \
	"GUEST_CR4 = 0x3526f0\nGUEST_CR3 = 0x2a4e000\nGUEST_CS_AR_BYTES = 0xc09b\n"       \
	"GUEST_RIP = 0x401000\n"
/* A real-mode guest under "unrestricted guest": CR0.PG = 0. */
#define REAL_MODE                                                                      \
	"[vmcs]\nGUEST_CR0 = 0x30\nGUEST_CR4 = 0x2000\nVM_ENTRY_CONTROLS = 0x0000d1ff\n" \
	"GUEST_IA32_EFER = 0\n"

const struct rule_fixture fixtures_msr_load[] = {
	{ "MSRLOAD.ENTRY.RESERVED", NA, NULL },
	{ "MSRLOAD.ENTRY.RESERVED", PASS, KGS_OK },
	{ "MSRLOAD.ENTRY.RESERVED", FAIL, MSR1(0x1c0000102, 0xffff888100000000) },
	{ "MSRLOAD.ENTRY.RESERVED", FAIL, MSR2(0xffffffff00000010, 0) },
	/* Entry 2 is not in [memory]. */
	{ "MSRLOAD.ENTRY.RESERVED", UNKNOWN, AREA(2) ENTRIES E(0xc0000102, 0xffff888100000000) "\n" },
	{ "MSRLOAD.ENTRY.RESERVED", UNKNOWN, AREA(1) },
	{ "MSRLOAD.ENTRY.RESERVED", UNKNOWN, "[vmcs]\nVM_ENTRY_MSR_LOAD_COUNT = ?\n" },

	{ "MSRLOAD.ENTRY.FS_BASE", NA, NULL },
	{ "MSRLOAD.ENTRY.FS_BASE", PASS, KGS_OK },
	{ "MSRLOAD.ENTRY.FS_BASE", FAIL, MSR1(0xc0000100, 0x00007f5a3c2e1740) },
	{ "MSRLOAD.ENTRY.FS_BASE", FAIL, MSR2(0xc0000100, 0) },

	{ "MSRLOAD.ENTRY.GS_BASE", NA, NULL },
	{ "MSRLOAD.ENTRY.GS_BASE", PASS, KGS_OK },
	{ "MSRLOAD.ENTRY.GS_BASE", FAIL, MSR1(0xc0000101, 0xffff88813bc00000) },

	{ "MSRLOAD.ENTRY.X2APIC", NA, NULL },
	{ "MSRLOAD.ENTRY.X2APIC", PASS, KGS_OK },
	/* x2APIC TPR: refused whatever the APIC mode (KVM refuses it only in
	 * x2APIC mode). */
	{ "MSRLOAD.ENTRY.X2APIC", FAIL, MSR1(0x808, 0) },
	{ "MSRLOAD.ENTRY.X2APIC", FAIL, MSR1(0x8ff, 0) },
	{ "MSRLOAD.ENTRY.X2APIC", PASS, MSR1(0x900, 0) },
	{ "MSRLOAD.ENTRY.X2APIC", PASS, MSR1(0x7ff, 0) },

	{ "MSRLOAD.ENTRY.SMM_ONLY", NA, NULL },
	{ "MSRLOAD.ENTRY.SMM_ONLY", PASS, KGS_OK },
	{ "MSRLOAD.ENTRY.SMM_ONLY", FAIL, MSR1(0x9b, 0) },
	{ "MSRLOAD.ENTRY.SMM_ONLY", NA, "[entry]\nin_smm = 1\n" MSR1(0x9b, 0) },

	/* Model-specific: "may fail", never a certain failure. */
	{ "MSRLOAD.ENTRY.MODEL_SPECIFIC", NA, NULL },
	{ "MSRLOAD.ENTRY.MODEL_SPECIFIC", PASS, KGS_OK },
	{ "MSRLOAD.ENTRY.MODEL_SPECIFIC", WARN, MSR1(0x79, 0x12345000) },
	{ "MSRLOAD.ENTRY.MODEL_SPECIFIC", WARN, MSR2(0x8b, 0) },

	{ "MSRLOAD.ENTRY.WRMSR_GP", NA, NULL },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, KGS_OK },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0xc0000102, 0x0000800000000000) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, MSR1(0xc0000082, 0xffffffff81a00000) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0xc0000082, 0x8000000000000000) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0x176, 0x00ff000000000000) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS,
	  "[cpu]\nlinear_address_bits = 57\n" MSR1(0x176, 0x00ff000000000000) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, "[cpu]\nlinear_address_bits = ?\n" KGS_OK },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, MSR1(0x277, 0x0007040600070406) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0x277, 0x0007040600070402) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, MSR1(0xc0000080, 0xd01) },
	/* Bit 13 is not in the default efer_valid. */
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0xc0000080, 0x2d01) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, "[cpu]\nefer_valid = 0x2d01\n" MSR1(0xc0000080, 0x2d01) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0x480, 0x00da040000000004) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0xfe, 0) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, MSR1(0x2ff, 0xc06) },
	/* 7 (UC-) is a PAT type, not an MTRR type. */
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0x2ff, 0xc07) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0x2ff, 0x1c06) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, MSR1(0x250, 0x0606060606060606) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR1(0x26f, 0x0606060606060602) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, MSR1(0xc0000081, 0x0023001000000000) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", UNKNOWN, MSR1(0x1d9, 1) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", PASS, "[cpu]\ndebugctl_valid = 0xd7c3\n" MSR1(0x1d9, 1) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, "[cpu]\ndebugctl_valid = 0xd7c3\n" MSR1(0x1d9, 0x4) },
	/* IA32_MISC_ENABLE is not in the table. */
	{ "MSRLOAD.ENTRY.WRMSR_GP", UNKNOWN, MSR1(0x1a0, 0x850089) },
	{ "MSRLOAD.ENTRY.WRMSR_GP", FAIL, MSR2(0x277, 0x0007040600070408) },

	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", NA, NULL },
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", PASS, KGS_OK },
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", PASS, MSR1(0xc0000080, 0xd01) },
	/* LMA is ignored by WRMSR: writing it 0 is no fault. */
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", PASS, MSR1(0xc0000080, 0x901) },
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", FAIL, MSR1(0xc0000080, 0x801) },
	/* Without "load IA32_EFER", LME follows "IA-32e mode guest" (1). */
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", FAIL,
	  "[vmcs]\nVM_ENTRY_CONTROLS = 0x000053ff\n" MSR1(0xc0000080, 0x801) },
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", PASS, PAE_GUEST MSR1(0xc0000080, 0x801) },
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", FAIL, PAE_GUEST MSR1(0xc0000080, 0x901) },
	/* Paging off: LME may change. */
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", PASS, REAL_MODE MSR1(0xc0000080, 0x100) },
	{ "MSRLOAD.ENTRY.EFER_LME_WITH_PAGING", FAIL, MSR2(0xc0000080, 0x1) },

	{ "MSRLOAD.COUNT.ABOVE_RECOMMENDED", NA, NULL },
	{ "MSRLOAD.COUNT.ABOVE_RECOMMENDED", PASS, KGS_OK },
	/* IA32_VMX_MISC[27:25] = 0 on the base: 512 entries recommended. */
	{ "MSRLOAD.COUNT.ABOVE_RECOMMENDED", PASS, AREA(512) },
	{ "MSRLOAD.COUNT.ABOVE_RECOMMENDED", WARN, AREA(513) },
	{ "MSRLOAD.COUNT.ABOVE_RECOMMENDED", PASS, "[cpu]\nIA32_VMX_MISC = 0x7204c1e7\n" AREA(1024) },
	{ "MSRLOAD.COUNT.ABOVE_RECOMMENDED", WARN, "[cpu]\nIA32_VMX_MISC = 0x7204c1e7\n" AREA(1025) },
	{ "MSRLOAD.COUNT.ABOVE_RECOMMENDED", UNKNOWN, "[cpu]\nIA32_VMX_MISC = ?\n" KGS_OK },
};
const unsigned fixtures_msr_load_count = sizeof fixtures_msr_load / sizeof fixtures_msr_load[0];
