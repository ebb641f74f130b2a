#include "fixtures.h"

/* External interrupt, vector 32. */
#define EXTINT "[vmcs]\nVM_ENTRY_INTR_INFO_FIELD = 0x80000020\n"
/* NMI. */
#define NMI "[vmcs]\nVM_ENTRY_INTR_INFO_FIELD = 0x80000202\n"
/* 32-bit code in an IA-32e mode guest (compatibility mode). */
#define COMPAT_CS "[vmcs]\nGUEST_CS_AR_BYTES = 0xc09b\n"

/* Segments that satisfy the virtual-8086 rules (base = selector * 16,
 * limit FFFFH, access rights F3H), and a RIP below 4 GiB to go with CS.L = 0. */
#define V86_SEGS                                                                       \
	"[vmcs]\n"                                                                     \
	"GUEST_CS_SELECTOR = 0\nGUEST_CS_BASE = 0\nGUEST_CS_LIMIT = 0xffff\nGUEST_CS_AR_BYTES = 0xf3\n" \
	"GUEST_SS_SELECTOR = 0\nGUEST_SS_BASE = 0\nGUEST_SS_LIMIT = 0xffff\nGUEST_SS_AR_BYTES = 0xf3\n" \
	"GUEST_DS_SELECTOR = 0\nGUEST_DS_BASE = 0\nGUEST_DS_LIMIT = 0xffff\nGUEST_DS_AR_BYTES = 0xf3\n" \
	"GUEST_ES_SELECTOR = 0\nGUEST_ES_BASE = 0\nGUEST_ES_LIMIT = 0xffff\nGUEST_ES_AR_BYTES = 0xf3\n" \
	"GUEST_FS_SELECTOR = 0\nGUEST_FS_BASE = 0\nGUEST_FS_LIMIT = 0xffff\nGUEST_FS_AR_BYTES = 0xf3\n" \
	"GUEST_GS_SELECTOR = 0\nGUEST_GS_BASE = 0\nGUEST_GS_LIMIT = 0xffff\nGUEST_GS_AR_BYTES = 0xf3\n" \
	"GUEST_RIP = 0x1000\n"

/* A real-mode guest under "unrestricted guest" (the base enables it):
 * CR0.PE = CR0.PG = 0, not IA-32e, EFER.LMA = LME = 0. */
#define REAL_MODE                                                                      \
	"[vmcs]\nGUEST_CR0 = 0x30\nGUEST_CR4 = 0x2000\nVM_ENTRY_CONTROLS = 0x0000d1ff\n" \
	"GUEST_IA32_EFER = 0\n"

/* A 64-bit guest at CPL 3. */
#define USER_SEGS                                                                      \
	"[vmcs]\nGUEST_CS_SELECTOR = 0x33\nGUEST_CS_AR_BYTES = 0xa0fb\n"                \
	"GUEST_SS_SELECTOR = 0x2b\nGUEST_SS_AR_BYTES = 0xc0f3\n"

/* A FRED guest: the CPU offers FRED (CR4_FIXED1 bit 32) and CR4.FRED = 1. */
#define FRED                                                                           \
	"[cpu]\nIA32_VMX_CR4_FIXED1 = 0x1003727ff\nfred = 1\n"                          \
	"[vmcs]\nGUEST_CR4 = 0x1003726f0\n"

/* "load CET state" (entry control 20), allowed by the capability MSRs. */
#define CET                                                                            \
	"[cpu]\nIA32_VMX_ENTRY_CTLS = 0x0013ffff000011ff\n"                             \
	"IA32_VMX_TRUE_ENTRY_CTLS = 0x0013ffff000011fb\ncet = 1\n"                      \
	"[vmcs]\nVM_ENTRY_CONTROLS = 0x0010d3ff\n"

const struct rule_fixture fixtures_guest_rip_rflags[] = {
	{ "GUEST.RIP.HIGH32", NA, NULL },
	/* Compatibility mode with the base's kernel RIP. */
	{ "GUEST.RIP.HIGH32", FAIL, COMPAT_CS },
	{ "GUEST.RIP.HIGH32", PASS, COMPAT_CS "GUEST_RIP = 0x401000\n" },
	{ "GUEST.RIP.HIGH32", UNKNOWN, COMPAT_CS "GUEST_RIP = ?\n" },

	{ "GUEST.RIP.UPPER_IDENTICAL", PASS, NULL },
	{ "GUEST.RIP.UPPER_IDENTICAL", FAIL, "[vmcs]\nGUEST_RIP = 0x0001000000001000\n" },
	{ "GUEST.RIP.UPPER_IDENTICAL", FAIL, "[vmcs]\nGUEST_RIP = 0xfffe800000000000\n" },
	/* Bits 63:48 are identical but bit 47 differs: not canonical, yet the
	 * processor enters (and faults on the fetch). VirtualBox demands full
	 * canonicality and would refuse this; the SDM does not. */
	{ "GUEST.RIP.UPPER_IDENTICAL", PASS, "[vmcs]\nGUEST_RIP = 0x0000800000000000\n" },
	{ "GUEST.RIP.UPPER_IDENTICAL", PASS,
	  "[cpu]\nlinear_address_bits = 57\n[vmcs]\nGUEST_RIP = 0x0001000000001000\n" },
	{ "GUEST.RIP.UPPER_IDENTICAL", PASS, "[cpu]\nlinear_address_bits = ?\n" },
	{ "GUEST.RIP.UPPER_IDENTICAL", NA, COMPAT_CS },

	{ "GUEST.RFLAGS.RESERVED", PASS, NULL },
	{ "GUEST.RFLAGS.RESERVED", FAIL, "[vmcs]\nGUEST_RFLAGS = 0x8246\n" },
	{ "GUEST.RFLAGS.RESERVED", FAIL, "[vmcs]\nGUEST_RFLAGS = 0x400246\n" },
	{ "GUEST.RFLAGS.RESERVED", FAIL, "[vmcs]\nGUEST_RFLAGS = 0x100000246\n" },
	{ "GUEST.RFLAGS.RESERVED", PASS, "[vmcs]\nGUEST_RFLAGS = 0x3f7fd7\n" },

	{ "GUEST.RFLAGS.BIT1", PASS, NULL },
	{ "GUEST.RFLAGS.BIT1", FAIL, "[vmcs]\nGUEST_RFLAGS = 0x244\n" },
	{ "GUEST.RFLAGS.BIT1", FAIL, "[vmcs]\nGUEST_RFLAGS = 0\n" },
	{ "GUEST.RFLAGS.BIT1", PASS, "[vmcs]\nGUEST_RFLAGS = 2\n" },

	{ "GUEST.RFLAGS.VM_IA32E", PASS, NULL },
	{ "GUEST.RFLAGS.VM_IA32E", FAIL, V86_SEGS "GUEST_RFLAGS = 0x20246\n" },
	{ "GUEST.RFLAGS.VM_IA32E", NA, REAL_MODE },

	{ "GUEST.RFLAGS.VM_REAL", NA, NULL },
	{ "GUEST.RFLAGS.VM_REAL", FAIL, REAL_MODE V86_SEGS "GUEST_RFLAGS = 0x20002\n" },
	{ "GUEST.RFLAGS.VM_REAL", PASS, REAL_MODE "GUEST_RFLAGS = 0x2\n" },

	{ "GUEST.RFLAGS.IF_EXTINT", NA, NULL },
	{ "GUEST.RFLAGS.IF_EXTINT", PASS, EXTINT },
	{ "GUEST.RFLAGS.IF_EXTINT", FAIL, EXTINT "GUEST_RFLAGS = 0x46\n" },
	/* An NMI does not need IF. */
	{ "GUEST.RFLAGS.IF_EXTINT", NA, NMI "GUEST_RFLAGS = 0x46\n" },

	{ "GUEST.RFLAGS.FRED_IOPL_USER", NA, NULL },
	{ "GUEST.RFLAGS.FRED_IOPL_USER", PASS, FRED USER_SEGS },
	{ "GUEST.RFLAGS.FRED_IOPL_USER", FAIL, FRED USER_SEGS "GUEST_RFLAGS = 0x3246\n" },
	{ "GUEST.RFLAGS.FRED_IOPL_USER", FAIL, FRED USER_SEGS "GUEST_RFLAGS = 0x1246\n" },
	/* FRED guest at CPL 0: IOPL is free. */
	{ "GUEST.RFLAGS.FRED_IOPL_USER", NA, FRED "[vmcs]\nGUEST_RFLAGS = 0x3246\n" },
	/* CPL 3 without FRED. */
	{ "GUEST.RFLAGS.FRED_IOPL_USER", NA, USER_SEGS "GUEST_RFLAGS = 0x3246\n" },

	{ "GUEST.SSP.ALIGN", NA, NULL },
	{ "GUEST.SSP.ALIGN", PASS, CET "GUEST_SSP = 0x7ffff000\n" },
	{ "GUEST.SSP.ALIGN", FAIL, CET "GUEST_SSP = 0x7ffff001\n" },
	{ "GUEST.SSP.ALIGN", FAIL, CET "GUEST_SSP = 0x7ffff002\n" },
	/* Without "load CET state" the field is not loaded, so not checked. */
	{ "GUEST.SSP.ALIGN", NA, "[vmcs]\nGUEST_SSP = 0x7ffff001\n" },

	{ "GUEST.SSP.UPPER_IDENTICAL", NA, NULL },
	{ "GUEST.SSP.UPPER_IDENTICAL", PASS, CET "GUEST_SSP = 0xffffb0c2c0010000\n" },
	{ "GUEST.SSP.UPPER_IDENTICAL", FAIL, CET "GUEST_SSP = 0x0001000000000000\n" },
	/* Not canonical, but bits 63:48 are identical: the SDM accepts it for
	 * the guest. Bochs demands full canonicality and would refuse it. */
	{ "GUEST.SSP.UPPER_IDENTICAL", PASS, CET "GUEST_SSP = 0x0000800000000000\n" },
	{ "GUEST.SSP.UPPER_IDENTICAL", PASS, CET "[cpu]\nlinear_address_bits = ?\n" },
};
const unsigned fixtures_guest_rip_rflags_count =
	sizeof fixtures_guest_rip_rflags / sizeof fixtures_guest_rip_rflags[0];
