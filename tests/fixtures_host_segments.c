#include "fixtures.h"

#define NO_INTEL64 "[cpu]\nIA32_VMX_BASIC = 0x00db040000000004\n"
/* A 32-bit host ("host address-space size" = 0) with a 32-bit PAE guest, so
 * that only the selector under test is wrong. */
#define HOST32(more) "[vmcs]\nVM_EXIT_CONTROLS = 0x003fedfb\n" \
	"HOST_CR4 = 0x00000000003526f0\nHOST_RIP = 0x0000000081a3c1f2\n" \
	"HOST_IA32_EFER = 0x0000000000000801\n" \
	"VM_ENTRY_CONTROLS = 0x0000d1ff\nGUEST_IA32_EFER = 0x0000000000000801\n" \
	"GUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x0000000081a3c1f2\n" \
	"GUEST_CR4 = 0x00000000003526f0\n" more
#define NONCANON48 "0x0000800000000000"

#define RPL_TI(seg, bad) \
	{ "HOST.SEG." #seg "_RPL_TI", PASS, NULL }, \
	{ "HOST.SEG." #seg "_RPL_TI", FAIL, "[vmcs]\nHOST_" #seg "_SELECTOR = " bad }, \
	{ "HOST.SEG." #seg "_RPL_TI", UNKNOWN, "[vmcs]\nHOST_" #seg "_SELECTOR = ?" }
#define BASE_CANON(reg, bad) \
	{ "HOST.SEG." #reg "_BASE_CANON", PASS, NULL }, \
	{ "HOST.SEG." #reg "_BASE_CANON", FAIL, "[vmcs]\nHOST_" #reg "_BASE = " bad }, \
	{ "HOST.SEG." #reg "_BASE_CANON", PASS, "[cpu]\nlinear_address_bits = ?" }, \
	{ "HOST.SEG." #reg "_BASE_CANON", NA, NO_INTEL64 "[vmcs]\nHOST_" #reg "_BASE = " bad }

const struct rule_fixture fixtures_host_segments[] = {
	RPL_TI(ES, "0x2b"),
	RPL_TI(CS, "0x13"),
	RPL_TI(SS, "0x1b"),
	RPL_TI(DS, "0x2b"),
	RPL_TI(FS, "0x53"),
	RPL_TI(GS, "0x2b"),
	RPL_TI(TR, "0x44"),
	/* TI alone (a selector into the LDT) fails as well as a non-zero RPL. */
	{ "HOST.SEG.DS_RPL_TI", FAIL, "[vmcs]\nHOST_DS_SELECTOR = 0x4" },
	{ "HOST.SEG.DS_RPL_TI", PASS, "[vmcs]\nHOST_DS_SELECTOR = 0x18" },
	{ "HOST.SEG.CS_NONNULL", PASS, NULL },
	{ "HOST.SEG.CS_NONNULL", FAIL, "[vmcs]\nHOST_CS_SELECTOR = 0" },
	{ "HOST.SEG.CS_NONNULL", UNKNOWN, "[vmcs]\nHOST_CS_SELECTOR = ?" },
	{ "HOST.SEG.TR_NONNULL", PASS, NULL },
	{ "HOST.SEG.TR_NONNULL", FAIL, "[vmcs]\nHOST_TR_SELECTOR = 0" },
	{ "HOST.SEG.TR_NONNULL", UNKNOWN, "[vmcs]\nHOST_TR_SELECTOR = ?" },
	{ "HOST.SEG.SS_NONNULL_HOST32", NA, NULL },
	/* A null SS is fine for a 64-bit host. */
	{ "HOST.SEG.SS_NONNULL_HOST32", NA, "[vmcs]\nHOST_SS_SELECTOR = 0" },
	{ "HOST.SEG.SS_NONNULL_HOST32", PASS, HOST32("") },
	{ "HOST.SEG.SS_NONNULL_HOST32", FAIL, HOST32("HOST_SS_SELECTOR = 0") },
	{ "HOST.SEG.SS_NONNULL_HOST32", UNKNOWN, "[vmcs]\nVM_EXIT_CONTROLS = ?" },
	BASE_CANON(FS, "0xff007f5a3c2e1740"),
	BASE_CANON(GS, NONCANON48),
	BASE_CANON(GDTR, "0xfffe7e0000001000"),
	BASE_CANON(IDTR, NONCANON48),
	BASE_CANON(TR, "0x7ffffe0000003000"),
	/* The maximum linear width decides, not HOST_CR4.LA57 (Bochs would fail these). */
	{ "HOST.SEG.GS_BASE_CANON", PASS, "[cpu]\nlinear_address_bits = 57\n"
					  "[vmcs]\nHOST_GS_BASE = 0xff11000000000000" },
	{ "HOST.SEG.FS_BASE_CANON", FAIL, "[cpu]\nlinear_address_bits = 57\n"
					  "[vmcs]\nHOST_FS_BASE = 0xfe11000000000000" },
};
const unsigned fixtures_host_segments_count = sizeof fixtures_host_segments / sizeof fixtures_host_segments[0];
