#include "fixtures.h"

/* The base state: VM_EXIT_CONTROLS = 0x003feffb, IA32_VMX_TRUE_EXIT_CTLS =
 * 0x01ffffff00036dfb (bit 2 relaxed against the plain MSR's 0x00036dff), no
 * MSR areas, maxphyaddr 39, IA32_VMX_MISC bits 27:25 = 0 (512 entries). */
#define STORE_AREA(addr, count) "[vmcs]\nVM_EXIT_MSR_STORE_ADDR = " addr \
	"\nVM_EXIT_MSR_STORE_COUNT = " count "\n"
#define LOAD_AREA(addr, count) "[vmcs]\nVM_EXIT_MSR_LOAD_ADDR = " addr \
	"\nVM_EXIT_MSR_LOAD_COUNT = " count "\n"
/* Secondary VM-exit controls offered: EXIT[31] allowed, EXIT_CTLS2 = bits 0-1. */
#define EXIT2_CAPS "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = 0x81ffffff00036dfb\n" \
	"IA32_VMX_EXIT_CTLS2 = 0x3\n[vmcs]\nVM_EXIT_CONTROLS = 0x803feffb\n"

const struct rule_fixture fixtures_exit_controls[] = {
	{ "CTL.EXIT.ALLOWED0", PASS, NULL },
	/* bit 0 is a must-be-one (default1) bit of every VM-exit capability MSR */
	{ "CTL.EXIT.ALLOWED0", FAIL, "[vmcs]\nVM_EXIT_CONTROLS = 0x003feffa" },
	/* Without the TRUE_ MSR only the plain one says bit 2 must be 1. */
	{ "CTL.EXIT.ALLOWED0", UNKNOWN, "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = ?" },
	{ "CTL.EXIT.ALLOWED0", PASS, "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = ?\n"
				      "[vmcs]\nVM_EXIT_CONTROLS = 0x003fefff" },
	{ "CTL.EXIT.ALLOWED0", UNKNOWN, "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = ?\nIA32_VMX_EXIT_CTLS = ?" },
	{ "CTL.EXIT.ALLOWED0", UNKNOWN, "[vmcs]\nVM_EXIT_CONTROLS = ?" },

	{ "CTL.EXIT.ALLOWED1", PASS, NULL },
	/* bit 25 (clear IA32_RTIT_CTL) is not offered by the i7-6700K */
	{ "CTL.EXIT.ALLOWED1", FAIL, "[vmcs]\nVM_EXIT_CONTROLS = 0x023feffb" },
	{ "CTL.EXIT.ALLOWED1", UNKNOWN, "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = ?\nIA32_VMX_EXIT_CTLS = ?" },

	{ "CTL.EXIT2.ALLOWED1", NA, NULL },
	{ "CTL.EXIT2.ALLOWED1", PASS, EXIT2_CAPS "SECONDARY_VM_EXIT_CONTROLS = 0x2" },
	{ "CTL.EXIT2.ALLOWED1", FAIL, EXIT2_CAPS "SECONDARY_VM_EXIT_CONTROLS = 0x4" },
	/* With EXIT[31] = 0 the field is ignored, whatever it holds. */
	{ "CTL.EXIT2.ALLOWED1", NA, "[vmcs]\nSECONDARY_VM_EXIT_CONTROLS = 0x4" },
	{ "CTL.EXIT2.ALLOWED1", UNKNOWN, EXIT2_CAPS "SECONDARY_VM_EXIT_CONTROLS = ?" },
	{ "CTL.EXIT2.ALLOWED1", UNKNOWN, "[cpu]\nIA32_VMX_TRUE_EXIT_CTLS = 0x81ffffff00036dfb\n"
					 "[vmcs]\nVM_EXIT_CONTROLS = 0x803feffb\n"
					 "SECONDARY_VM_EXIT_CONTROLS = 0x2" },

	{ "CTL.EXIT.SAVE_TIMER_NEEDS_TIMER", NA, NULL },
	{ "CTL.EXIT.SAVE_TIMER_NEEDS_TIMER", FAIL, "[vmcs]\nVM_EXIT_CONTROLS = 0x007feffb" },
	{ "CTL.EXIT.SAVE_TIMER_NEEDS_TIMER", PASS, "[vmcs]\nVM_EXIT_CONTROLS = 0x007feffb\n"
						   "PIN_BASED_VM_EXEC_CONTROL = 0x56" },
	/* VirtualBox reads bit 22 of the processor-based controls (NMI-window
	 * exiting) here; the SDM condition does not involve it. */
	{ "CTL.EXIT.SAVE_TIMER_NEEDS_TIMER", NA, "[vmcs]\nPIN_BASED_VM_EXEC_CONTROL = 0x3e\n"
						 "CPU_BASED_VM_EXEC_CONTROL = 0x94406172" },
	{ "CTL.EXIT.SAVE_TIMER_NEEDS_TIMER", UNKNOWN, "[vmcs]\nVM_EXIT_CONTROLS = 0x007feffb\n"
						      "PIN_BASED_VM_EXEC_CONTROL = ?" },

	{ "CTL.EXIT.MSR_STORE_ALIGN", NA, NULL },
	{ "CTL.EXIT.MSR_STORE_ALIGN", NA, STORE_AREA("0x2000008", "0") },
	{ "CTL.EXIT.MSR_STORE_ALIGN", PASS, STORE_AREA("0x2000000", "1") },
	{ "CTL.EXIT.MSR_STORE_ALIGN", FAIL, STORE_AREA("0x2000008", "1") },
	{ "CTL.EXIT.MSR_STORE_ALIGN", UNKNOWN, STORE_AREA("?", "1") },
	{ "CTL.EXIT.MSR_STORE_ALIGN", UNKNOWN, STORE_AREA("0x2000000", "?") },

	{ "CTL.EXIT.MSR_STORE_WIDTH", NA, NULL },
	{ "CTL.EXIT.MSR_STORE_WIDTH", PASS, STORE_AREA("0x7ffffff000", "1") },
	{ "CTL.EXIT.MSR_STORE_WIDTH", FAIL, STORE_AREA("0x8000000000", "1") },
	/* a kernel virtual address where the physical one belongs */
	{ "CTL.EXIT.MSR_STORE_WIDTH", FAIL, STORE_AREA("0xffff888102a4e000", "1") },
	{ "CTL.EXIT.MSR_STORE_WIDTH", PASS, STORE_AREA("0x2000000", "1") "[cpu]\nmaxphyaddr = ?" },

	{ "CTL.EXIT.MSR_STORE_END_WIDTH", NA, NULL },
	{ "CTL.EXIT.MSR_STORE_END_WIDTH", PASS, STORE_AREA("0x7ffffffff0", "1") },
	/* starts below 2^39 (so only this rule fails), ends at 0x800000000f */
	{ "CTL.EXIT.MSR_STORE_END_WIDTH", FAIL, STORE_AREA("0x7ffffffff0", "2") },
	{ "CTL.EXIT.MSR_STORE_END_WIDTH", FAIL, STORE_AREA("0x7ffffff000", "0xffffffff") },
	/* address + 16 × count − 1 wraps past 2^64: still beyond the width */
	{ "CTL.EXIT.MSR_STORE_END_WIDTH", FAIL, STORE_AREA("0xfffffffffffffff0", "2") },
	/* IA32_VMX_BASIC[48] = 1: every address is limited to 32 bits */
	{ "CTL.EXIT.MSR_STORE_END_WIDTH", FAIL, STORE_AREA("0xfffffff0", "2")
		"[cpu]\nIA32_VMX_BASIC = 0x00db040000000004" },
	{ "CTL.EXIT.MSR_STORE_END_WIDTH", PASS, STORE_AREA("0xffffffe0", "2")
		"[cpu]\nIA32_VMX_BASIC = 0x00db040000000004" },
	{ "CTL.EXIT.MSR_STORE_END_WIDTH", UNKNOWN, STORE_AREA("0x2000000", "?") },

	{ "CTL.EXIT.MSR_LOAD_ALIGN", NA, NULL },
	{ "CTL.EXIT.MSR_LOAD_ALIGN", PASS, LOAD_AREA("0x2001000", "4") },
	{ "CTL.EXIT.MSR_LOAD_ALIGN", FAIL, LOAD_AREA("0x2001004", "4") },
	{ "CTL.EXIT.MSR_LOAD_ALIGN", NA, LOAD_AREA("0x2001004", "0") },
	{ "CTL.EXIT.MSR_LOAD_ALIGN", UNKNOWN, LOAD_AREA("?", "4") },

	{ "CTL.EXIT.MSR_LOAD_WIDTH", NA, NULL },
	{ "CTL.EXIT.MSR_LOAD_WIDTH", PASS, LOAD_AREA("0x2001000", "4") },
	{ "CTL.EXIT.MSR_LOAD_WIDTH", FAIL, LOAD_AREA("0x0000008000001000", "4") },
	{ "CTL.EXIT.MSR_LOAD_WIDTH", FAIL, LOAD_AREA("0xffffc90000a01000", "4") },
	{ "CTL.EXIT.MSR_LOAD_WIDTH", PASS, LOAD_AREA("0x2001000", "4") "[cpu]\nmaxphyaddr = ?" },

	{ "CTL.EXIT.MSR_LOAD_END_WIDTH", NA, NULL },
	{ "CTL.EXIT.MSR_LOAD_END_WIDTH", PASS, LOAD_AREA("0x7fffffffc0", "4") },
	{ "CTL.EXIT.MSR_LOAD_END_WIDTH", FAIL, LOAD_AREA("0x7fffffffc0", "5") },
	{ "CTL.EXIT.MSR_LOAD_END_WIDTH", UNKNOWN, LOAD_AREA("0x7fffffffc0", "4") "[cpu]\nmaxphyaddr = ?" },

	{ "ADV.EXIT.MSR_STORE_COUNT_MAX", NA, NULL },
	{ "ADV.EXIT.MSR_STORE_COUNT_MAX", PASS, STORE_AREA("0x2000000", "512") },
	{ "ADV.EXIT.MSR_STORE_COUNT_MAX", WARN, STORE_AREA("0x2000000", "513") },
	/* IA32_VMX_MISC bits 27:25 = 1: up to 1024 entries */
	{ "ADV.EXIT.MSR_STORE_COUNT_MAX", PASS, STORE_AREA("0x2000000", "1024")
		"[cpu]\nIA32_VMX_MISC = 0x000000007204c1e7" },
	{ "ADV.EXIT.MSR_STORE_COUNT_MAX", WARN, STORE_AREA("0x2000000", "1025")
		"[cpu]\nIA32_VMX_MISC = 0x000000007204c1e7" },
	{ "ADV.EXIT.MSR_STORE_COUNT_MAX", UNKNOWN, STORE_AREA("0x2000000", "513")
		"[cpu]\nIA32_VMX_MISC = ?" },

	{ "ADV.EXIT.MSR_LOAD_COUNT_MAX", NA, NULL },
	{ "ADV.EXIT.MSR_LOAD_COUNT_MAX", PASS, LOAD_AREA("0x2001000", "4") },
	{ "ADV.EXIT.MSR_LOAD_COUNT_MAX", WARN, LOAD_AREA("0x2001000", "600") },
	{ "ADV.EXIT.MSR_LOAD_COUNT_MAX", UNKNOWN, LOAD_AREA("0x2001000", "?") },
};
const unsigned fixtures_exit_controls_count =
	sizeof fixtures_exit_controls / sizeof fixtures_exit_controls[0];
