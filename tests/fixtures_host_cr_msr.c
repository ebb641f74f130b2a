#include "fixtures.h"

/*
 * Overlays that turn on a "load X" exit control together with the
 * capability (and CPU feature) it needs, so a fixture breaks only the
 * condition under test.
 */
#define NO_INTEL64 "[cpu]\nIA32_VMX_BASIC = 0x00db040000000004\n"
#define CET_CPU "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x0000000000b727ff\n" \
	"IA32_VMX_TRUE_EXIT_CTLS = 0x11ffffff00036dfb\n"
#define CET_EXIT "[vmcs]\nVM_EXIT_CONTROLS = 0x103feffb\n"
#define CET(more) CET_CPU CET_EXIT more
#define PKRS(more) "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000000013727ff\n" \
	"IA32_VMX_TRUE_EXIT_CTLS = 0x21ffffff00036dfb\n" \
	"[vmcs]\nVM_EXIT_CONTROLS = 0x203feffb\n" more
#define SPEC_CTRL(more) "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = 0x81ffffff00036dfb\n" \
	"IA32_VMX_EXIT_CTLS2 = 0x4\n" \
	"[vmcs]\nVM_EXIT_CONTROLS = 0x803feffb\nSECONDARY_VM_EXIT_CONTROLS = 0x4\n" more
#define FRED_CPU "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000001003727ff\n" \
	"IA32_VMX_TRUE_EXIT_CTLS = 0x81ffffff00036dfb\nIA32_VMX_EXIT_CTLS2 = 0x2\n"
#define FRED(more) FRED_CPU \
	"[vmcs]\nVM_EXIT_CONTROLS = 0x803feffb\nSECONDARY_VM_EXIT_CONTROLS = 0x2\n" more
/* "load IA32_FRED" with a 32-bit host (and guest): host address-space size = 0. */
#define FRED_HOST32(more) FRED_CPU \
	"[vmcs]\nVM_EXIT_CONTROLS = 0x803fedfb\nSECONDARY_VM_EXIT_CONTROLS = 0x2\n" \
	"HOST_IA32_EFER = 0x0000000000000801\n" HOST32_STATE GUEST32 more
#define HOST32_STATE "HOST_CR4 = 0x00000000003526f0\nHOST_RIP = 0x0000000081a3c1f2\n"
#define GUEST32 "VM_ENTRY_CONTROLS = 0x0000d1ff\nGUEST_IA32_EFER = 0x0000000000000801\n" \
	"GUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x0000000081a3c1f2\n" \
	"GUEST_CR4 = 0x00000000003526f0\n"
/* A 32-bit host that still loads EFER on exit (LMA = LME = 0). */
#define HOST32(more) "[vmcs]\nVM_EXIT_CONTROLS = 0x003fedfb\n" HOST32_STATE GUEST32 more
#define NONCANON48 "0x0000800000000000"

#define FRED_RSP(n) \
	{ "HOST.FRED.RSP" #n "_ALIGN", PASS, FRED("HOST_IA32_FRED_RSP" #n " = 0xffffc90000004000") }, \
	{ "HOST.FRED.RSP" #n "_ALIGN", FAIL, FRED("HOST_IA32_FRED_RSP" #n " = 0xffffc90000004008") }, \
	{ "HOST.FRED.RSP" #n "_ALIGN", NA, "[vmcs]\nHOST_IA32_FRED_RSP" #n " = 0x8" }
#define FRED_SSP(n) \
	{ "HOST.FRED.SSP" #n "_ALIGN", PASS, FRED("HOST_IA32_FRED_SSP" #n " = 0xffffc90000005ff8") }, \
	{ "HOST.FRED.SSP" #n "_ALIGN", FAIL, FRED("HOST_IA32_FRED_SSP" #n " = 0xffffc90000005ffc") }, \
	{ "HOST.FRED.SSP" #n "_ALIGN", NA, "[vmcs]\nHOST_IA32_FRED_SSP" #n " = 0x4" }
#define FRED_CANON(reg, n, good) \
	{ "HOST.FRED." #reg #n "_CANON", PASS, FRED("HOST_IA32_FRED_" #reg #n " = " good) }, \
	{ "HOST.FRED." #reg #n "_CANON", FAIL, FRED("HOST_IA32_FRED_" #reg #n " = " NONCANON48) }, \
	{ "HOST.FRED." #reg #n "_CANON", FAIL, \
	  FRED("HOST_IA32_FRED_" #reg #n " = " NONCANON48 "\n[cpu]\nlinear_address_bits = ?") }, \
	{ "HOST.FRED." #reg #n "_CANON", NA, \
	  FRED_HOST32("HOST_IA32_FRED_" #reg #n " = " NONCANON48) }

const struct rule_fixture fixtures_host_cr_msr[] = {
	{ "HOST.CR0.FIXED0", PASS, NULL },
	{ "HOST.CR0.FIXED0", FAIL, "[vmcs]\nHOST_CR0 = 0x80050032" },
	{ "HOST.CR0.FIXED0", FAIL, "[vmcs]\nHOST_CR0 = 0x00050033" },
	/* NW and CD are never checked: a hand-made FIXED0 requiring NW does not matter. */
	{ "HOST.CR0.FIXED0", PASS, "[cpu]\nIA32_VMX_CR0_FIXED0 = 0x00000000a0000021" },
	{ "HOST.CR0.FIXED0", UNKNOWN, "[cpu]\nIA32_VMX_CR0_FIXED0 = ?" },
	{ "HOST.CR0.FIXED0", UNKNOWN, "[vmcs]\nHOST_CR0 = ?" },
	{ "HOST.CR0.FIXED1", PASS, NULL },
	{ "HOST.CR0.FIXED1", FAIL, "[vmcs]\nHOST_CR0 = 0x0000000180050033" },
	/* CD and NW set although FIXED1 clears them: exempt. */
	{ "HOST.CR0.FIXED1", PASS, "[cpu]\nIA32_VMX_CR0_FIXED1 = 0x000000009fffffff\n"
				   "[vmcs]\nHOST_CR0 = 0xe0050033" },
	{ "HOST.CR0.FIXED1", UNKNOWN, "[cpu]\nIA32_VMX_CR0_FIXED1 = ?" },
	{ "HOST.CR4.FIXED0", PASS, NULL },
	{ "HOST.CR4.FIXED0", FAIL, "[vmcs]\nHOST_CR4 = 0x00000000003706f0" },
	{ "HOST.CR4.FIXED0", UNKNOWN, "[cpu]\nIA32_VMX_CR4_FIXED0 = ?" },
	{ "HOST.CR4.FIXED1", PASS, NULL },
	{ "HOST.CR4.FIXED1", FAIL, "[vmcs]\nHOST_CR4 = 0x00000000003736f0" },
	{ "HOST.CR4.FIXED1", FAIL, "[vmcs]\nHOST_CR4 = 0x00000000003766f0" },
	{ "HOST.CR4.FIXED1", PASS, "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000000003737ff\n"
				   "linear_address_bits = 57\n[vmcs]\nHOST_CR4 = 0x00000000003736f0" },
	{ "HOST.CR4.FIXED1", UNKNOWN, "[vmcs]\nHOST_CR4 = ?" },
	{ "HOST.CR4.CET_NEEDS_WP", PASS, NULL },
	{ "HOST.CR4.CET_NEEDS_WP", PASS, "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x0000000000b727ff\n"
					 "[vmcs]\nHOST_CR4 = 0x0000000000b726f0" },
	/* "load CET state" is 0 here: the SDM (and KVM) still require WP; Bochs would not. */
	{ "HOST.CR4.CET_NEEDS_WP", FAIL, "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x0000000000b727ff\n"
					 "[vmcs]\nHOST_CR4 = 0x0000000000b726f0\nHOST_CR0 = 0x80040033" },
	{ "HOST.CR4.CET_NEEDS_WP", UNKNOWN, "[vmcs]\nHOST_CR0 = ?" },
	{ "HOST.CR3.RSVD", PASS, NULL },
	{ "HOST.CR3.RSVD", PASS, "[vmcs]\nHOST_CR3 = 0x00000040001ab000" },
	{ "HOST.CR3.RSVD", FAIL, "[vmcs]\nHOST_CR3 = 0x80000000001ab000" },
	{ "HOST.CR3.RSVD", FAIL, "[vmcs]\nHOST_CR3 = 0x00000080001ab000" },
	/* LAM bits 62:61: allowed only on a CPU with LAM. */
	{ "HOST.CR3.RSVD", FAIL, "[vmcs]\nHOST_CR3 = 0x60000000001ab000" },
	{ "HOST.CR3.RSVD", PASS, "[cpu]\nlam = 1\n[vmcs]\nHOST_CR3 = 0x60000000001ab000" },
	{ "HOST.CR3.RSVD", FAIL, "[cpu]\nlam = 0\n[vmcs]\nHOST_CR3 = 0x40000000001ab000" },
	{ "HOST.CR3.RSVD", FAIL, "[vmcs]\nHOST_CR3 = 0x40000080001ab000" },
	{ "HOST.CR3.RSVD", PASS, "[cpu]\nmaxphyaddr = ?" },
	{ "HOST.CR3.RSVD", NA, NO_INTEL64 },
	{ "HOST.MSR.SYSENTER_ESP_CANON", PASS, NULL },
	{ "HOST.MSR.SYSENTER_ESP_CANON", FAIL, "[vmcs]\nHOST_IA32_SYSENTER_ESP = " NONCANON48 },
	/* Maximum linear width, whatever HOST_CR4.LA57 says (Bochs would fail this). */
	{ "HOST.MSR.SYSENTER_ESP_CANON", PASS, "[cpu]\nlinear_address_bits = 57\n"
					       "[vmcs]\nHOST_IA32_SYSENTER_ESP = " NONCANON48 },
	{ "HOST.MSR.SYSENTER_ESP_CANON", PASS, "[cpu]\nlinear_address_bits = ?" },
	{ "HOST.MSR.SYSENTER_ESP_CANON", NA, NO_INTEL64 },
	{ "HOST.MSR.SYSENTER_EIP_CANON", PASS, NULL },
	{ "HOST.MSR.SYSENTER_EIP_CANON", FAIL, "[vmcs]\nHOST_IA32_SYSENTER_EIP = 0xffff7fff81c01780" },
	{ "HOST.MSR.SYSENTER_EIP_CANON", UNKNOWN, "[vmcs]\nHOST_IA32_SYSENTER_EIP = ?" },
	{ "HOST.MSR.SYSENTER_EIP_CANON", NA, NO_INTEL64 },
	{ "HOST.MSR.PERF_GLOBAL_CTRL_RSVD", NA, NULL },
	{ "HOST.MSR.PERF_GLOBAL_CTRL_RSVD", UNKNOWN, "[vmcs]\nVM_EXIT_CONTROLS = 0x003ffffb\n"
						     "HOST_IA32_PERF_GLOBAL_CTRL = 0xf" },
	{ "HOST.MSR.PERF_GLOBAL_CTRL_RSVD", PASS, "[cpu]\nperf_global_ctrl_valid = 0x000000070000000f\n"
						  "[vmcs]\nVM_EXIT_CONTROLS = 0x003ffffb\n"
						  "HOST_IA32_PERF_GLOBAL_CTRL = 0x000000070000000f" },
	{ "HOST.MSR.PERF_GLOBAL_CTRL_RSVD", FAIL, "[cpu]\nperf_global_ctrl_valid = 0x000000070000000f\n"
						  "[vmcs]\nVM_EXIT_CONTROLS = 0x003ffffb\n"
						  "HOST_IA32_PERF_GLOBAL_CTRL = 0x00000000000000ff" },
	{ "HOST.MSR.PAT_VALID", PASS, NULL },
	{ "HOST.MSR.PAT_VALID", FAIL, "[vmcs]\nHOST_IA32_PAT = 0x0007040600070402" },
	{ "HOST.MSR.PAT_VALID", FAIL, "[vmcs]\nHOST_IA32_PAT = 0x0807040600070406" },
	{ "HOST.MSR.PAT_VALID", NA, "[vmcs]\nVM_EXIT_CONTROLS = 0x0037effb\n"
				    "HOST_IA32_PAT = 0x0007040600070402" },
	{ "HOST.MSR.PAT_VALID", UNKNOWN, "[vmcs]\nVM_EXIT_CONTROLS = ?" },
	{ "HOST.MSR.EFER_RSVD", PASS, NULL },
	{ "HOST.MSR.EFER_RSVD", FAIL, "[vmcs]\nHOST_IA32_EFER = 0x0000000000001d01" },
	/* NXE is reserved when the firmware disabled execute-disable. */
	{ "HOST.MSR.EFER_RSVD", FAIL, "[cpu]\nefer_valid = 0x501\n"
				      "[vmcs]\nGUEST_IA32_EFER = 0x0000000000000501" },
	{ "HOST.MSR.EFER_RSVD", PASS, "[cpu]\nefer_valid = 0x1d01\n"
				      "[vmcs]\nHOST_IA32_EFER = 0x0000000000001d01" },
	{ "HOST.MSR.EFER_RSVD", NA, "[vmcs]\nVM_EXIT_CONTROLS = 0x001feffb\n"
				    "HOST_IA32_EFER = 0x0000000000001d01" },
	{ "HOST.MSR.EFER_LMA", PASS, NULL },
	{ "HOST.MSR.EFER_LMA", FAIL, "[vmcs]\nHOST_IA32_EFER = 0x0000000000000901" },
	{ "HOST.MSR.EFER_LMA", FAIL, "[vmcs]\nHOST_IA32_EFER = 0" },
	{ "HOST.MSR.EFER_LMA", PASS, HOST32("HOST_IA32_EFER = 0x0000000000000801") },
	{ "HOST.MSR.EFER_LMA", FAIL, HOST32("HOST_IA32_EFER = 0x0000000000000c01") },
	{ "HOST.MSR.EFER_LMA", NA, "[vmcs]\nVM_EXIT_CONTROLS = 0x001feffb\nHOST_IA32_EFER = 0" },
	{ "HOST.MSR.EFER_LMA", UNKNOWN, "[vmcs]\nHOST_IA32_EFER = ?" },
	{ "HOST.MSR.EFER_LME", PASS, NULL },
	{ "HOST.MSR.EFER_LME", FAIL, "[vmcs]\nHOST_IA32_EFER = 0x0000000000000c01" },
	{ "HOST.MSR.EFER_LME", FAIL, "[vmcs]\nHOST_IA32_EFER = 0" },
	{ "HOST.MSR.EFER_LME", PASS, HOST32("HOST_IA32_EFER = 0x0000000000000801") },
	{ "HOST.MSR.EFER_LME", FAIL, HOST32("HOST_IA32_EFER = 0x0000000000000901") },
	{ "HOST.MSR.EFER_LME", NA, "[vmcs]\nVM_EXIT_CONTROLS = 0x001feffb\nHOST_IA32_EFER = 0" },
	{ "HOST.CET.S_CET_RSVD", NA, "[vmcs]\nHOST_S_CET = 0x40" },
	/* CET alone does not say which parts the CPU has: never a pass. */
	{ "HOST.CET.S_CET_RSVD", UNKNOWN, CET("HOST_S_CET = 0x5") },
	{ "HOST.CET.S_CET_RSVD", PASS, CET("HOST_S_CET = 0x5\n[cpu]\ncet_ibt = 1\ncet_shstk = 1") },
	{ "HOST.CET.S_CET_RSVD", PASS, CET("HOST_S_CET = 0x1\n[cpu]\ncet_ibt = 0\ncet_shstk = 1") },
	{ "HOST.CET.S_CET_RSVD", FAIL, CET("HOST_S_CET = 0x40") },
	/* A CPU with shadow stacks but no IBT: ENDBR_EN is reserved, SH_STK_EN is not. */
	{ "HOST.CET.S_CET_RSVD", FAIL, CET("HOST_S_CET = 0x4\n[cpu]\ncet_ibt = 0") },
	{ "HOST.CET.S_CET_RSVD", UNKNOWN, CET("HOST_S_CET = 0x1\n[cpu]\ncet_ibt = 0") },
	/* "load CET state" offered by a profile whose CR4_FIXED1 has no CET. */
	{ "HOST.CET.S_CET_RSVD", FAIL, "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = 0x11ffffff00036dfb\n"
				       CET_EXIT "HOST_S_CET = 0x1" },
	{ "HOST.CET.S_CET_RSVD", UNKNOWN, "[cpu]\nIA32_VMX_CR4_FIXED1 = ?\n"
					  "IA32_VMX_TRUE_EXIT_CTLS = 0x11ffffff00036dfb\n"
					  CET_EXIT "HOST_S_CET = 0x4" },
	{ "HOST.CET.S_CET_SUPPRESS_TRACKER", NA, "[vmcs]\nHOST_S_CET = 0xc00" },
	{ "HOST.CET.S_CET_SUPPRESS_TRACKER", PASS, CET("HOST_S_CET = 0x404") },
	{ "HOST.CET.S_CET_SUPPRESS_TRACKER", PASS, CET("HOST_S_CET = 0x804") },
	{ "HOST.CET.S_CET_SUPPRESS_TRACKER", FAIL, CET("HOST_S_CET = 0xc04") },
	{ "HOST.CET.SSP_ALIGN", NA, "[vmcs]\nHOST_SSP = 0x2" },
	{ "HOST.CET.SSP_ALIGN", PASS, CET("HOST_SSP = 0xffffc90000005ff8") },
	{ "HOST.CET.SSP_ALIGN", FAIL, CET("HOST_SSP = 0xffffc90000005ffa") },
	{ "HOST.CET.SSP_ALIGN", UNKNOWN, CET("HOST_SSP = ?") },
	{ "HOST.CET.SSPTBL_CANON", NA, "[vmcs]\nHOST_INTR_SSP_TABLE = " NONCANON48 },
	{ "HOST.CET.SSPTBL_CANON", PASS, CET("HOST_INTR_SSP_TABLE = 0xfffffe0000005000") },
	{ "HOST.CET.SSPTBL_CANON", FAIL, CET("HOST_INTR_SSP_TABLE = " NONCANON48) },
	{ "HOST.CET.SSPTBL_CANON", PASS, CET("[cpu]\nlinear_address_bits = ?") },
	{ "HOST.MSR.PKRS_RSVD", NA, "[vmcs]\nHOST_IA32_PKRS = 0x100000000" },
	{ "HOST.MSR.PKRS_RSVD", PASS, PKRS("HOST_IA32_PKRS = 0x55555554") },
	{ "HOST.MSR.PKRS_RSVD", FAIL, PKRS("HOST_IA32_PKRS = 0x0000000155555554") },
	{ "HOST.MSR.SPEC_CTRL_RSVD", NA, NULL },
	/* SECONDARY_VM_EXIT_CONTROLS counts only with VM_EXIT_CONTROLS bit 31. */
	{ "HOST.MSR.SPEC_CTRL_RSVD", NA, "[vmcs]\nSECONDARY_VM_EXIT_CONTROLS = 0x4\n"
					 "HOST_IA32_SPEC_CTRL = 0x200" },
	{ "HOST.MSR.SPEC_CTRL_RSVD", UNKNOWN, SPEC_CTRL("HOST_IA32_SPEC_CTRL = 0x1") },
	{ "HOST.MSR.SPEC_CTRL_RSVD", PASS, SPEC_CTRL("HOST_IA32_SPEC_CTRL = 0x5\n"
						     "[cpu]\nspec_ctrl_valid = 0x7") },
	{ "HOST.MSR.SPEC_CTRL_RSVD", WARN, SPEC_CTRL("HOST_IA32_SPEC_CTRL = 0x200\n"
						     "[cpu]\nspec_ctrl_valid = 0x7") },
	{ "HOST.FRED.CONFIG_RSVD", NA, "[vmcs]\nHOST_IA32_FRED_CONFIG = 0x4" },
	{ "HOST.FRED.CONFIG_RSVD", PASS, FRED("HOST_IA32_FRED_CONFIG = 0xffffffff81e00000") },
	{ "HOST.FRED.CONFIG_RSVD", FAIL, FRED("HOST_IA32_FRED_CONFIG = 0xffffffff81e00004") },
	{ "HOST.FRED.CONFIG_RSVD", FAIL, FRED("HOST_IA32_FRED_CONFIG = 0xffffffff81e00800") },
	/* Checked whatever "host address-space size" is (catalogue; KVM would skip it). */
	{ "HOST.FRED.CONFIG_RSVD", FAIL, FRED_HOST32("HOST_IA32_FRED_CONFIG = 0x20") },
	{ "HOST.FRED.CONFIG_RSVD", UNKNOWN, FRED("HOST_IA32_FRED_CONFIG = ?") },
	{ "HOST.FRED.CONFIG_CANON", PASS, FRED("HOST_IA32_FRED_CONFIG = 0xffffffff81e00000") },
	{ "HOST.FRED.CONFIG_CANON", FAIL, FRED("HOST_IA32_FRED_CONFIG = 0x0000800000000000") },
	{ "HOST.FRED.CONFIG_CANON", NA, FRED_HOST32("HOST_IA32_FRED_CONFIG = " NONCANON48) },
	FRED_RSP(1),
	FRED_RSP(2),
	FRED_RSP(3),
	FRED_CANON(RSP, 1, "0xffffc90000004000"),
	FRED_CANON(RSP, 2, "0xffffc90000008000"),
	FRED_CANON(RSP, 3, "0xffffc9000000c000"),
	FRED_SSP(1),
	FRED_SSP(2),
	FRED_SSP(3),
	FRED_CANON(SSP, 1, "0xffffc90000005ff8"),
	FRED_CANON(SSP, 2, "0xffffc90000009ff8"),
	FRED_CANON(SSP, 3, "0xffffc9000000dff8"),
};
const unsigned fixtures_host_cr_msr_count = sizeof fixtures_host_cr_msr / sizeof fixtures_host_cr_msr[0];
