/*
 * Fixtures for SDM 26.3.1.2 (checks/guest_segments.c).
 *
 * The base state is a 64-bit ring-0 guest with unrestricted guest on:
 * CS 0x10 (AR 0xA09B), SS 0x18 (AR 0xC093), DS/ES/FS/GS/LDTR unusable
 * (AR 0x10000, selector 0), TR 0x40 (busy 64-bit TSS, AR 0x8B).
 *
 * Overlays that change the mode:
 *   PROT       unrestricted guest off (otherwise the base state)
 *   V86(...)   virtual-8086: UG off, IA-32e off, PAE paging through EPT,
 *              RFLAGS.VM = 1, the six segments given as arguments
 *   REAL(...)  unrestricted-guest real mode: CR0.PE = PG = 0, IA-32e off
 * The state-file reader rejects a key given twice in one text, so the mode
 * macros take every segment block as an argument and a fixture replaces
 * the block of the register it breaks.
 *
 * Where the SS rules are broken on the base state, the guest is 64-bit
 * (IA-32e, CS.L = 1) with SS.RPL = 0 and a usable SS: Bochs skips every SS
 * attribute and base check there; these fixtures follow the SDM.
 */
#include "fixtures.h"

/* One segment register: selector, base, limit, access rights. */
#define SEG(R, sel, base, limit, ar) \
	"GUEST_" #R "_SELECTOR = " #sel "\nGUEST_" #R "_BASE = " #base "\n" \
	"GUEST_" #R "_LIMIT = " #limit "\nGUEST_" #R "_AR_BYTES = " #ar "\n"

#define PROT "[vmcs]\nSECONDARY_VM_EXEC_CONTROL = 0x0010102a\n"

#define V86_CORE "[vmcs]\n" \
	"SECONDARY_VM_EXEC_CONTROL = 0x0010102a\n" \
	"VM_ENTRY_CONTROLS = 0x0000d1ff\n" \
	"GUEST_IA32_EFER = 0\n" \
	"GUEST_CR4 = 0x003526f0\n" \
	"GUEST_RFLAGS = 0x20202\n" \
	"GUEST_RIP = 0x100\n"
#define V86_CS SEG(CS, 0x1000, 0x10000, 0xffff, 0xf3)
#define V86_SS SEG(SS, 0x2000, 0x20000, 0xffff, 0xf3)
#define V86_DS SEG(DS, 0x3000, 0x30000, 0xffff, 0xf3)
#define V86_ES SEG(ES, 0x4000, 0x40000, 0xffff, 0xf3)
#define V86_FS SEG(FS, 0x5000, 0x50000, 0xffff, 0xf3)
#define V86_GS SEG(GS, 0x6000, 0x60000, 0xffff, 0xf3)
#define V86(cs, ss, ds, es, fs, gs) V86_CORE cs ss ds es fs gs
#define V86_OK V86(V86_CS, V86_SS, V86_DS, V86_ES, V86_FS, V86_GS)

#define REAL_CORE "[vmcs]\n" \
	"VM_ENTRY_CONTROLS = 0x0000d1ff\n" \
	"GUEST_IA32_EFER = 0\n" \
	"GUEST_CR0 = 0x00050032\n" \
	"GUEST_CR4 = 0x003526f0\n" \
	"GUEST_RIP = 0x7c00\n"
#define REAL_CS SEG(CS, 0, 0, 0xffff, 0x9b)
#define REAL_SS SEG(SS, 0, 0, 0xffff, 0x93)
#define REAL_DS SEG(DS, 0, 0, 0xffff, 0x93)
#define REAL_ES SEG(ES, 0, 0, 0xffff, 0x93)
#define REAL_FS SEG(FS, 0, 0, 0xffff, 0x93)
#define REAL_GS SEG(GS, 0, 0, 0xffff, 0x93)
#define REAL(cs, ss, ds, es, fs, gs) REAL_CORE cs ss ds es fs gs
#define REAL_OK REAL(REAL_CS, REAL_SS, REAL_DS, REAL_ES, REAL_FS, REAL_GS)

/* A usable flat ring-0 data segment in a data register of the base state. */
#define FLAT(R) "[vmcs]\n" SEG(R, 0x18, 0, 0xffffffff, 0xc093)
#define FLAT_AR(R, ar) "[vmcs]\n" SEG(R, 0x18, 0, 0xffffffff, ar)
/* The same under PROT (unrestricted guest off). */
#define PROT_DATA(R, sel, ar) PROT SEG(R, sel, 0, 0xffffffff, ar)

/* A usable LDTR (type 2) in the base state. */
#define LDTR(sel, base, limit, ar) "[vmcs]\n" SEG(LDTR, sel, base, limit, ar)
#define LDTR_OK LDTR(0x50, 0xfffffe0000005000, 0xfff, 0x82)

/* A FRED guest: the CPU can set CR4.FRED, the guest has it set. */
#define FRED "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000001003727ff\n" \
	"[vmcs]\nGUEST_CR4 = 0x00000001003726f0\n"

/* Not an Intel 64 processor: IA32_VMX_BASIC[48] = 1. */
#define NOT_INTEL64 "[cpu]\nIA32_VMX_BASIC = 0x00db040000000004\n"

/* Per data register (DS, ES, FS, GS): the usable-only checks. */
#define DATA_REG_FIXTURES(R) \
	{ "GUEST.SEG." #R ".TYPE_ACCESSED", NA, NULL }, \
	{ "GUEST.SEG." #R ".TYPE_ACCESSED", PASS, FLAT(R) }, \
	{ "GUEST.SEG." #R ".TYPE_ACCESSED", FAIL, FLAT_AR(R, 0xc092) }, \
	/* unusable => nothing is checked */ \
	{ "GUEST.SEG." #R ".TYPE_ACCESSED", NA, FLAT_AR(R, 0x1c092) }, \
	/* UG real mode still wants the accessed bit */ \
	{ "GUEST.SEG." #R ".TYPE_ACCESSED", FAIL, \
	  REAL_CORE REAL_CS REAL_SS SEG(R, 0, 0, 0xffff, 0x92) }, \
	{ "GUEST.SEG." #R ".TYPE_ACCESSED", NA, V86_OK }, \
	{ "GUEST.SEG." #R ".TYPE_ACCESSED", UNKNOWN, "[vmcs]\nGUEST_" #R "_AR_BYTES = ?" }, \
	{ "GUEST.SEG." #R ".TYPE_CODE_READABLE", NA, NULL }, \
	{ "GUEST.SEG." #R ".TYPE_CODE_READABLE", PASS, FLAT_AR(R, 0xc09b) }, \
	{ "GUEST.SEG." #R ".TYPE_CODE_READABLE", PASS, FLAT_AR(R, 0xc091) }, \
	{ "GUEST.SEG." #R ".TYPE_CODE_READABLE", FAIL, FLAT_AR(R, 0xc099) }, \
	{ "GUEST.SEG." #R ".TYPE_CODE_READABLE", NA, FLAT_AR(R, 0x1c099) }, \
	{ "GUEST.SEG." #R ".S", NA, NULL }, \
	{ "GUEST.SEG." #R ".S", PASS, FLAT(R) }, \
	{ "GUEST.SEG." #R ".S", FAIL, FLAT_AR(R, 0xc083) }, \
	{ "GUEST.SEG." #R ".S", NA, FLAT_AR(R, 0x1c083) }, \
	{ "GUEST.SEG." #R ".S", NA, V86_OK }, \
	/* selector 0 with AR 0 instead of 0x10000: usable type 0 */ \
	{ "GUEST.SEG." #R ".S", FAIL, "[vmcs]\nGUEST_" #R "_AR_BYTES = 0" }, \
	{ "GUEST.SEG." #R ".DPL_GE_RPL", NA, NULL }, \
	{ "GUEST.SEG." #R ".DPL_GE_RPL", PASS, PROT_DATA(R, 0x18, 0xc093) }, \
	{ "GUEST.SEG." #R ".DPL_GE_RPL", FAIL, PROT_DATA(R, 0x1b, 0xc093) }, \
	/* conforming code (type 15): no DPL rule */ \
	{ "GUEST.SEG." #R ".DPL_GE_RPL", PASS, PROT_DATA(R, 0x1b, 0xc09f) }, \
	{ "GUEST.SEG." #R ".DPL_GE_RPL", NA, PROT_DATA(R, 0x1b, 0x1c093) }, \
	/* unrestricted guest drops the rule */ \
	{ "GUEST.SEG." #R ".DPL_GE_RPL", NA, "[vmcs]\n" SEG(R, 0x1b, 0, 0xffffffff, 0xc093) }, \
	{ "GUEST.SEG." #R ".P", NA, NULL }, \
	{ "GUEST.SEG." #R ".P", PASS, FLAT(R) }, \
	{ "GUEST.SEG." #R ".P", FAIL, FLAT_AR(R, 0xc013) }, \
	{ "GUEST.SEG." #R ".P", NA, FLAT_AR(R, 0x1c013) }, \
	{ "GUEST.SEG." #R ".AR_RSVD_11_8", NA, NULL }, \
	{ "GUEST.SEG." #R ".AR_RSVD_11_8", PASS, FLAT(R) }, \
	/* limit bits 19:16 copied into AR bits 11:8 */ \
	{ "GUEST.SEG." #R ".AR_RSVD_11_8", FAIL, FLAT_AR(R, 0xcf93) }, \
	{ "GUEST.SEG." #R ".AR_RSVD_11_8", NA, FLAT_AR(R, 0x1cf93) }, \
	{ "GUEST.SEG." #R ".G_LIMIT_LOW", NA, NULL }, \
	{ "GUEST.SEG." #R ".G_LIMIT_LOW", PASS, FLAT(R) }, \
	{ "GUEST.SEG." #R ".G_LIMIT_LOW", FAIL, "[vmcs]\n" SEG(R, 0x18, 0, 0xfffff000, 0xc093) }, \
	{ "GUEST.SEG." #R ".G_LIMIT_LOW", NA, "[vmcs]\n" SEG(R, 0, 0, 0xfffff000, 0x1c093) }, \
	{ "GUEST.SEG." #R ".G_LIMIT_HIGH", NA, NULL }, \
	{ "GUEST.SEG." #R ".G_LIMIT_HIGH", PASS, FLAT(R) }, \
	{ "GUEST.SEG." #R ".G_LIMIT_HIGH", PASS, "[vmcs]\n" SEG(R, 0x18, 0, 0xfffff, 0x4093) }, \
	{ "GUEST.SEG." #R ".G_LIMIT_HIGH", FAIL, FLAT_AR(R, 0x4093) }, \
	{ "GUEST.SEG." #R ".G_LIMIT_HIGH", NA, FLAT_AR(R, 0x14093) }, \
	{ "GUEST.SEG." #R ".AR_RSVD_31_17", NA, NULL }, \
	{ "GUEST.SEG." #R ".AR_RSVD_31_17", PASS, FLAT(R) }, \
	{ "GUEST.SEG." #R ".AR_RSVD_31_17", FAIL, FLAT_AR(R, 0x2c093) }, \
	{ "GUEST.SEG." #R ".AR_RSVD_31_17", NA, FLAT_AR(R, 0x3c093) }

/* Per register CS..GS: the virtual-8086 checks. */
#define V86_FIXTURES(R, bad_base, bad_limit) \
	{ "GUEST.SEG." #R ".V86_BASE", NA, NULL }, \
	{ "GUEST.SEG." #R ".V86_BASE", PASS, V86_OK }, \
	{ "GUEST.SEG." #R ".V86_BASE", FAIL, bad_base }, \
	{ "GUEST.SEG." #R ".V86_LIMIT", NA, NULL }, \
	{ "GUEST.SEG." #R ".V86_LIMIT", PASS, V86_OK }, \
	{ "GUEST.SEG." #R ".V86_LIMIT", FAIL, bad_limit }

#define V86_AR_FIXTURES(R, dpl0, not_accessed) \
	{ "GUEST.SEG." #R ".V86_AR", NA, NULL }, \
	{ "GUEST.SEG." #R ".V86_AR", PASS, V86_OK }, \
	{ "GUEST.SEG." #R ".V86_AR", FAIL, dpl0 }, \
	{ "GUEST.SEG." #R ".V86_AR", FAIL, not_accessed }

const struct rule_fixture fixtures_guest_segments[] = {
	/* ---- selector fields ---- */
	{ "GUEST.SEG.TR.SEL_TI", PASS, NULL },
	{ "GUEST.SEG.TR.SEL_TI", FAIL, "[vmcs]\nGUEST_TR_SELECTOR = 0x44" },
	{ "GUEST.SEG.TR.SEL_TI", PASS, V86_OK },
	{ "GUEST.SEG.TR.SEL_TI", UNKNOWN, "[vmcs]\nGUEST_TR_SELECTOR = ?" },
	{ "GUEST.SEG.LDTR.SEL_TI", NA, NULL },
	{ "GUEST.SEG.LDTR.SEL_TI", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.SEL_TI", FAIL, LDTR(0x54, 0xfffffe0000005000, 0xfff, 0x82) },
	{ "GUEST.SEG.LDTR.SEL_TI", NA, LDTR(0x54, 0, 0, 0x10000) },

	/* CS RPL 3 against SS RPL 0 breaks only this rule (no other rule reads CS.RPL). */
	{ "GUEST.SEG.SS.RPL_EQ_CS_RPL", PASS, PROT },
	{ "GUEST.SEG.SS.RPL_EQ_CS_RPL", FAIL, PROT "GUEST_CS_SELECTOR = 0x13" },
	/* checked even if SS is unusable */
	{ "GUEST.SEG.SS.RPL_EQ_CS_RPL", FAIL,
	  PROT "GUEST_CS_SELECTOR = 0x13\nGUEST_SS_AR_BYTES = 0x1c093" },
	{ "GUEST.SEG.SS.RPL_EQ_CS_RPL", NA, "[vmcs]\nGUEST_CS_SELECTOR = 0x13" },
	{ "GUEST.SEG.SS.RPL_EQ_CS_RPL", NA,
	  V86(V86_CS, SEG(SS, 0x2003, 0x20030, 0xffff, 0xf3), V86_DS, V86_ES, V86_FS, V86_GS) },

	/* ---- base-address fields ---- */
	V86_FIXTURES(CS, V86(SEG(CS, 0x1000, 0x1000, 0xffff, 0xf3), V86_SS, V86_DS, V86_ES, V86_FS, V86_GS),
		     V86(SEG(CS, 0x1000, 0x10000, 0xfffff, 0xf3), V86_SS, V86_DS, V86_ES, V86_FS, V86_GS)),
	V86_FIXTURES(SS, V86(V86_CS, SEG(SS, 0x2000, 0x2000, 0xffff, 0xf3), V86_DS, V86_ES, V86_FS, V86_GS),
		     V86(V86_CS, SEG(SS, 0x2000, 0x20000, 0xfffe, 0xf3), V86_DS, V86_ES, V86_FS, V86_GS)),
	V86_FIXTURES(DS, V86(V86_CS, V86_SS, SEG(DS, 0x3000, 0x30001, 0xffff, 0xf3), V86_ES, V86_FS, V86_GS),
		     V86(V86_CS, V86_SS, SEG(DS, 0x3000, 0x30000, 0xffffffff, 0xf3), V86_ES, V86_FS, V86_GS)),
	V86_FIXTURES(ES, V86(V86_CS, V86_SS, V86_DS, SEG(ES, 0x4000, 0, 0xffff, 0xf3), V86_FS, V86_GS),
		     V86(V86_CS, V86_SS, V86_DS, SEG(ES, 0x4000, 0x40000, 0, 0xf3), V86_FS, V86_GS)),
	V86_FIXTURES(FS, V86(V86_CS, V86_SS, V86_DS, V86_ES, SEG(FS, 0x5000, 0x5000, 0xffff, 0xf3), V86_GS),
		     V86(V86_CS, V86_SS, V86_DS, V86_ES, SEG(FS, 0x5000, 0x50000, 0x1ffff, 0xf3), V86_GS)),
	V86_FIXTURES(GS, V86(V86_CS, V86_SS, V86_DS, V86_ES, V86_FS, SEG(GS, 0x6000, 0x6000, 0xffff, 0xf3)),
		     V86(V86_CS, V86_SS, V86_DS, V86_ES, V86_FS, SEG(GS, 0x6000, 0x60000, 0xfff, 0xf3))),
	/* the base rule holds even for an unusable register (V86_AR fails too) */
	{ "GUEST.SEG.DS.V86_BASE", FAIL,
	  V86(V86_CS, V86_SS, SEG(DS, 0x3000, 0, 0xffff, 0x10000), V86_ES, V86_FS, V86_GS) },
	{ "GUEST.SEG.DS.V86_BASE", UNKNOWN,
	  V86(V86_CS, V86_SS, "GUEST_DS_SELECTOR = ?\nGUEST_DS_BASE = 0x30000\n"
	      "GUEST_DS_LIMIT = 0xffff\nGUEST_DS_AR_BYTES = 0xf3\n", V86_ES, V86_FS, V86_GS) },

	{ "GUEST.SEG.TR.BASE_CANONICAL", PASS, NULL },
	{ "GUEST.SEG.TR.BASE_CANONICAL", FAIL, "[vmcs]\nGUEST_TR_BASE = 0x0000800000000000" },
	{ "GUEST.SEG.TR.BASE_CANONICAL", PASS,
	  "[cpu]\nlinear_address_bits = 57\n[vmcs]\nGUEST_TR_BASE = 0x0000800000000000" },
	{ "GUEST.SEG.TR.BASE_CANONICAL", NA, NOT_INTEL64 },
	{ "GUEST.SEG.TR.BASE_CANONICAL", PASS, "[cpu]\nlinear_address_bits = ?" },
	/* FS and GS: canonical even if unusable (they are unusable in the base state) */
	{ "GUEST.SEG.FS.BASE_CANONICAL", PASS, NULL },
	{ "GUEST.SEG.FS.BASE_CANONICAL", FAIL, "[vmcs]\nGUEST_FS_BASE = 0x0000800000000000" },
	{ "GUEST.SEG.FS.BASE_CANONICAL", FAIL,
	  "[vmcs]\n" SEG(FS, 0x18, 0x0000800000000000, 0xffffffff, 0xc093) },
	{ "GUEST.SEG.FS.BASE_CANONICAL", NA, NOT_INTEL64 },
	{ "GUEST.SEG.GS.BASE_CANONICAL", PASS, NULL },
	{ "GUEST.SEG.GS.BASE_CANONICAL", FAIL, "[vmcs]\nGUEST_GS_BASE = 0xfff0888000000000" },
	{ "GUEST.SEG.GS.BASE_CANONICAL", PASS, V86_OK },
	{ "GUEST.SEG.GS.BASE_CANONICAL", NA, NOT_INTEL64 },
	{ "GUEST.SEG.LDTR.BASE_CANONICAL", NA, NULL },
	{ "GUEST.SEG.LDTR.BASE_CANONICAL", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.BASE_CANONICAL", FAIL, LDTR(0x50, 0x0000fffe00005000, 0xfff, 0x82) },
	{ "GUEST.SEG.LDTR.BASE_CANONICAL", NA, LDTR(0, 0x0000fffe00005000, 0, 0x10000) },

	{ "GUEST.SEG.CS.BASE_HIGH", PASS, NULL },
	{ "GUEST.SEG.CS.BASE_HIGH", FAIL, "[vmcs]\nGUEST_CS_BASE = 0x100000000" },
	/* CS: even if unusable */
	{ "GUEST.SEG.CS.BASE_HIGH", FAIL,
	  "[vmcs]\nGUEST_CS_BASE = 0xffffffff00000000\nGUEST_CS_AR_BYTES = 0x1a09b" },
	{ "GUEST.SEG.CS.BASE_HIGH", NA, NOT_INTEL64 },
	/* Bochs: SS.RPL = 0 in a 64-bit guest skips this; the SDM does not */
	{ "GUEST.SEG.SS.BASE_HIGH", PASS, NULL },
	{ "GUEST.SEG.SS.BASE_HIGH", FAIL, "[vmcs]\nGUEST_SS_BASE = 0x100000000" },
	{ "GUEST.SEG.SS.BASE_HIGH", NA,
	  "[vmcs]\nGUEST_SS_BASE = 0x100000000\nGUEST_SS_AR_BYTES = 0x1c093" },
	{ "GUEST.SEG.DS.BASE_HIGH", NA, NULL },
	{ "GUEST.SEG.DS.BASE_HIGH", PASS, FLAT(DS) },
	{ "GUEST.SEG.DS.BASE_HIGH", FAIL, "[vmcs]\n" SEG(DS, 0x18, 0x100000000, 0xffffffff, 0xc093) },
	{ "GUEST.SEG.DS.BASE_HIGH", NA, "[vmcs]\n" SEG(DS, 0, 0x100000000, 0, 0x10000) },
	{ "GUEST.SEG.DS.BASE_HIGH", NA, NOT_INTEL64 FLAT(DS) },
	{ "GUEST.SEG.ES.BASE_HIGH", NA, NULL },
	{ "GUEST.SEG.ES.BASE_HIGH", PASS, FLAT(ES) },
	{ "GUEST.SEG.ES.BASE_HIGH", FAIL, "[vmcs]\n" SEG(ES, 0x18, 0xffffffff80000000, 0xffffffff, 0xc093) },
	{ "GUEST.SEG.ES.BASE_HIGH", NA, "[vmcs]\n" SEG(ES, 0, 0x100000000, 0, 0x10000) },

	/* ---- limit and access rights in virtual-8086 mode ---- */
	V86_AR_FIXTURES(CS, V86(SEG(CS, 0x1000, 0x10000, 0xffff, 0x93), V86_SS, V86_DS, V86_ES, V86_FS, V86_GS),
			V86(SEG(CS, 0x1000, 0x10000, 0xffff, 0xf2), V86_SS, V86_DS, V86_ES, V86_FS, V86_GS)),
	V86_AR_FIXTURES(SS, V86(V86_CS, SEG(SS, 0x2000, 0x20000, 0xffff, 0x93), V86_DS, V86_ES, V86_FS, V86_GS),
			V86(V86_CS, SEG(SS, 0x2000, 0x20000, 0xffff, 0xf2), V86_DS, V86_ES, V86_FS, V86_GS)),
	V86_AR_FIXTURES(DS, V86(V86_CS, V86_SS, SEG(DS, 0x3000, 0x30000, 0xffff, 0x93), V86_ES, V86_FS, V86_GS),
			V86(V86_CS, V86_SS, SEG(DS, 0x3000, 0x30000, 0xffff, 0xf2), V86_ES, V86_FS, V86_GS)),
	V86_AR_FIXTURES(ES, V86(V86_CS, V86_SS, V86_DS, SEG(ES, 0x4000, 0x40000, 0xffff, 0x93), V86_FS, V86_GS),
			V86(V86_CS, V86_SS, V86_DS, SEG(ES, 0x4000, 0x40000, 0xffff, 0xf2), V86_FS, V86_GS)),
	V86_AR_FIXTURES(FS, V86(V86_CS, V86_SS, V86_DS, V86_ES, SEG(FS, 0x5000, 0x50000, 0xffff, 0x93), V86_GS),
			V86(V86_CS, V86_SS, V86_DS, V86_ES, SEG(FS, 0x5000, 0x50000, 0xffff, 0xf2), V86_GS)),
	V86_AR_FIXTURES(GS, V86(V86_CS, V86_SS, V86_DS, V86_ES, V86_FS, SEG(GS, 0x6000, 0x60000, 0xffff, 0x93)),
			V86(V86_CS, V86_SS, V86_DS, V86_ES, V86_FS, SEG(GS, 0x6000, 0x60000, 0xffff, 0xf2))),
	/* an unusable register is no way out in virtual-8086 mode */
	{ "GUEST.SEG.GS.V86_AR", FAIL,
	  V86(V86_CS, V86_SS, V86_DS, V86_ES, V86_FS, SEG(GS, 0x6000, 0x60000, 0xffff, 0x100f3)) },
	{ "GUEST.SEG.GS.V86_AR", FAIL,
	  V86(V86_CS, V86_SS, V86_DS, V86_ES, V86_FS, SEG(GS, 0, 0, 0xffff, 0x10000)) },

	/* ---- access rights outside virtual-8086 mode: type ---- */
	{ "GUEST.SEG.CS.TYPE", PASS, NULL },
	/* type 10: code, not accessed */
	{ "GUEST.SEG.CS.TYPE", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa09a" },
	/* type 3 needs unrestricted guest */
	{ "GUEST.SEG.CS.TYPE", PASS, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa093" },
	{ "GUEST.SEG.CS.TYPE", FAIL, PROT "GUEST_CS_AR_BYTES = 0xa093" },
	{ "GUEST.SEG.CS.TYPE", PASS, REAL_OK },
	/* checked even if CS is unusable */
	{ "GUEST.SEG.CS.TYPE", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x1a09a" },
	{ "GUEST.SEG.CS.TYPE", PASS, "[vmcs]\nGUEST_CS_AR_BYTES = 0x1a09b" },
	{ "GUEST.SEG.CS.TYPE", NA, V86_OK },
	{ "GUEST.SEG.CS.TYPE", UNKNOWN, "[vmcs]\nGUEST_RFLAGS = ?" },

	/* Bochs: SS.RPL = 0 in a 64-bit guest skips this; the SDM does not */
	{ "GUEST.SEG.SS.TYPE", PASS, NULL },
	{ "GUEST.SEG.SS.TYPE", PASS, "[vmcs]\nGUEST_SS_AR_BYTES = 0xc097" },
	{ "GUEST.SEG.SS.TYPE", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0xc091" },
	{ "GUEST.SEG.SS.TYPE", FAIL, REAL(REAL_CS, SEG(SS, 0, 0, 0xffff, 0x9b), REAL_DS, REAL_ES, REAL_FS, REAL_GS) },
	{ "GUEST.SEG.SS.TYPE", NA, "[vmcs]\nGUEST_SS_AR_BYTES = 0x1c091" },
	{ "GUEST.SEG.SS.TYPE", NA, V86_OK },

	DATA_REG_FIXTURES(DS),
	DATA_REG_FIXTURES(ES),
	DATA_REG_FIXTURES(FS),
	DATA_REG_FIXTURES(GS),

	/* ---- S ---- */
	{ "GUEST.SEG.CS.S", PASS, NULL },
	{ "GUEST.SEG.CS.S", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa08b" },
	{ "GUEST.SEG.CS.S", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x1a08b" },
	{ "GUEST.SEG.CS.S", NA, V86_OK },
	{ "GUEST.SEG.SS.S", PASS, NULL },
	{ "GUEST.SEG.SS.S", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0xc083" },
	{ "GUEST.SEG.SS.S", NA, "[vmcs]\nGUEST_SS_AR_BYTES = 0x1c083" },
	{ "GUEST.SEG.SS.S", NA, V86_OK },

	/* ---- DPL ---- */
	{ "GUEST.SEG.CS.DPL_TYPE3", PASS, NULL },
	{ "GUEST.SEG.CS.DPL_TYPE3", PASS, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa093" },
	{ "GUEST.SEG.CS.DPL_TYPE3", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa0b3" },
	{ "GUEST.SEG.CS.DPL_TYPE3", FAIL, REAL(SEG(CS, 0, 0, 0xffff, 0xf3), REAL_SS, REAL_DS, REAL_ES, REAL_FS, REAL_GS) },
	{ "GUEST.SEG.CS.DPL_TYPE3", NA, V86_OK },

	{ "GUEST.SEG.CS.DPL_NONCONFORMING", PASS, NULL },
	{ "GUEST.SEG.CS.DPL_NONCONFORMING", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa0bb" },
	/* SS.DPL counts even if SS is unusable */
	{ "GUEST.SEG.CS.DPL_NONCONFORMING", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0x1c0f3" },
	{ "GUEST.SEG.CS.DPL_NONCONFORMING", PASS, "[vmcs]\nGUEST_SS_AR_BYTES = 0x1c093" },
	{ "GUEST.SEG.CS.DPL_NONCONFORMING", NA, V86_OK },

	{ "GUEST.SEG.CS.DPL_CONFORMING", PASS, NULL },
	{ "GUEST.SEG.CS.DPL_CONFORMING", PASS, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa09f" },
	{ "GUEST.SEG.CS.DPL_CONFORMING", PASS,
	  "[vmcs]\nGUEST_CS_AR_BYTES = 0xa09f\nGUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3" },
	{ "GUEST.SEG.CS.DPL_CONFORMING", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa0ff" },
	{ "GUEST.SEG.CS.DPL_CONFORMING", NA, V86_OK },

	/* CS conforming, so that SS.DPL 1 breaks only this rule */
	{ "GUEST.SEG.SS.DPL_EQ_RPL", PASS, PROT },
	{ "GUEST.SEG.SS.DPL_EQ_RPL", FAIL, PROT "GUEST_CS_AR_BYTES = 0xa09f\nGUEST_SS_AR_BYTES = 0xc0b3" },
	/* even if SS is unusable */
	{ "GUEST.SEG.SS.DPL_EQ_RPL", FAIL, PROT "GUEST_CS_AR_BYTES = 0xa09f\nGUEST_SS_AR_BYTES = 0x1c0b3" },
	{ "GUEST.SEG.SS.DPL_EQ_RPL", NA, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa09f\nGUEST_SS_AR_BYTES = 0xc0b3" },
	{ "GUEST.SEG.SS.DPL_EQ_RPL", NA,
	  V86(V86_CS, SEG(SS, 0x2000, 0x20000, 0xffff, 0xf3), V86_DS, V86_ES, V86_FS, V86_GS) },

	{ "GUEST.SEG.SS.DPL_ZERO", PASS, NULL },
	{ "GUEST.SEG.SS.DPL_ZERO", PASS, REAL_OK },
	/* ring 3 with PE = 1 and a code CS: no constraint */
	{ "GUEST.SEG.SS.DPL_ZERO", PASS,
	  "[vmcs]\nGUEST_CS_SELECTOR = 0x13\nGUEST_CS_AR_BYTES = 0xa0fb\n"
	  "GUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3" },
	/* CS type 3 with SS.DPL 3 */
	{ "GUEST.SEG.SS.DPL_ZERO", FAIL,
	  "[vmcs]\nGUEST_CS_AR_BYTES = 0xa093\nGUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3" },
	/* CR0.PE = 0 (CS conforming so that the CS DPL rules hold) */
	{ "GUEST.SEG.SS.DPL_ZERO", FAIL,
	  REAL(SEG(CS, 0, 0, 0xffff, 0x9f), SEG(SS, 0, 0, 0xffff, 0xf3), REAL_DS, REAL_ES, REAL_FS, REAL_GS) },
	/* even if SS is unusable */
	{ "GUEST.SEG.SS.DPL_ZERO", FAIL,
	  REAL(SEG(CS, 0, 0, 0xffff, 0x9f), SEG(SS, 0, 0, 0xffff, 0x100f3), REAL_DS, REAL_ES, REAL_FS, REAL_GS) },
	{ "GUEST.SEG.SS.DPL_ZERO", NA, V86_OK },

	/* ---- P ---- */
	{ "GUEST.SEG.CS.P", PASS, NULL },
	{ "GUEST.SEG.CS.P", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xa01b" },
	{ "GUEST.SEG.CS.P", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x1a01b" },
	{ "GUEST.SEG.CS.P", NA, V86_OK },
	{ "GUEST.SEG.SS.P", PASS, NULL },
	{ "GUEST.SEG.SS.P", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0xc013" },
	{ "GUEST.SEG.SS.P", NA, "[vmcs]\nGUEST_SS_AR_BYTES = 0x1c013" },

	/* ---- reserved bits 11:8 ---- */
	{ "GUEST.SEG.CS.AR_RSVD_11_8", PASS, NULL },
	/* limit bits 19:16 copied into AR bits 11:8 */
	{ "GUEST.SEG.CS.AR_RSVD_11_8", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xaf9b" },
	{ "GUEST.SEG.CS.AR_RSVD_11_8", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x1a19b" },
	{ "GUEST.SEG.CS.AR_RSVD_11_8", NA, V86_OK },
	{ "GUEST.SEG.SS.AR_RSVD_11_8", PASS, NULL },
	{ "GUEST.SEG.SS.AR_RSVD_11_8", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0xcf93" },
	{ "GUEST.SEG.SS.AR_RSVD_11_8", NA, "[vmcs]\nGUEST_SS_AR_BYTES = 0x1cf93" },

	/* ---- D/B ---- */
	{ "GUEST.SEG.CS.DB_WITH_L", PASS, NULL },
	{ "GUEST.SEG.CS.DB_WITH_L", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0xe09b" },
	/* compatibility mode: L = 0, D/B = 1 */
	{ "GUEST.SEG.CS.DB_WITH_L", PASS, "[vmcs]\nGUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x401000" },
	{ "GUEST.SEG.CS.DB_WITH_L", NA, REAL(SEG(CS, 0, 0, 0xffff, 0x609b), REAL_SS, REAL_DS, REAL_ES, REAL_FS, REAL_GS) },
	{ "GUEST.SEG.CS.DB_WITH_L", NA, V86_OK },

	/* ---- G against the limit ---- */
	{ "GUEST.SEG.CS.G_LIMIT_LOW", PASS, NULL },
	{ "GUEST.SEG.CS.G_LIMIT_LOW", FAIL, "[vmcs]\nGUEST_CS_LIMIT = 0xfffff000" },
	{ "GUEST.SEG.CS.G_LIMIT_LOW", FAIL, "[vmcs]\nGUEST_CS_LIMIT = 0xffffe\nGUEST_CS_AR_BYTES = 0x1a09b" },
	{ "GUEST.SEG.CS.G_LIMIT_LOW", PASS, REAL_OK },
	{ "GUEST.SEG.CS.G_LIMIT_LOW", NA, V86_OK },
	{ "GUEST.SEG.CS.G_LIMIT_HIGH", PASS, NULL },
	{ "GUEST.SEG.CS.G_LIMIT_HIGH", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x209b" },
	{ "GUEST.SEG.CS.G_LIMIT_HIGH", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x1209b" },
	{ "GUEST.SEG.CS.G_LIMIT_HIGH", NA, V86_OK },
	{ "GUEST.SEG.SS.G_LIMIT_LOW", PASS, NULL },
	{ "GUEST.SEG.SS.G_LIMIT_LOW", FAIL, "[vmcs]\nGUEST_SS_LIMIT = 0xfffff000" },
	{ "GUEST.SEG.SS.G_LIMIT_LOW", NA, "[vmcs]\nGUEST_SS_LIMIT = 0xfffff000\nGUEST_SS_AR_BYTES = 0x1c093" },
	{ "GUEST.SEG.SS.G_LIMIT_HIGH", PASS, NULL },
	{ "GUEST.SEG.SS.G_LIMIT_HIGH", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0x4093" },
	{ "GUEST.SEG.SS.G_LIMIT_HIGH", NA, "[vmcs]\nGUEST_SS_AR_BYTES = 0x14093" },

	/* ---- reserved bits 31:17 ---- */
	{ "GUEST.SEG.CS.AR_RSVD_31_17", PASS, NULL },
	{ "GUEST.SEG.CS.AR_RSVD_31_17", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x2a09b" },
	{ "GUEST.SEG.CS.AR_RSVD_31_17", FAIL, "[vmcs]\nGUEST_CS_AR_BYTES = 0x3a09b" },
	{ "GUEST.SEG.CS.AR_RSVD_31_17", NA, V86_OK },
	{ "GUEST.SEG.SS.AR_RSVD_31_17", PASS, NULL },
	{ "GUEST.SEG.SS.AR_RSVD_31_17", FAIL, "[vmcs]\nGUEST_SS_AR_BYTES = 0x2c093" },
	{ "GUEST.SEG.SS.AR_RSVD_31_17", NA, "[vmcs]\nGUEST_SS_AR_BYTES = 0x3c093" },

	/* ---- TR: always checked ---- */
	{ "GUEST.SEG.TR.TYPE", PASS, NULL },
	/* available (not busy) 64-bit TSS */
	{ "GUEST.SEG.TR.TYPE", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x89" },
	/* 16-bit busy TSS: only outside IA-32e mode */
	{ "GUEST.SEG.TR.TYPE", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x83" },
	{ "GUEST.SEG.TR.TYPE", PASS, REAL_OK "GUEST_TR_AR_BYTES = 0x83\n" },
	{ "GUEST.SEG.TR.TYPE", PASS, V86_OK },
	{ "GUEST.SEG.TR.TYPE", FAIL, V86_OK "GUEST_TR_AR_BYTES = 0x89\n" },
	{ "GUEST.SEG.TR.S", PASS, NULL },
	{ "GUEST.SEG.TR.S", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x9b" },
	{ "GUEST.SEG.TR.P", PASS, NULL },
	{ "GUEST.SEG.TR.P", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x0b" },
	{ "GUEST.SEG.TR.P", FAIL, V86_OK "GUEST_TR_AR_BYTES = 0x0b\n" },
	{ "GUEST.SEG.TR.AR_RSVD_11_8", PASS, NULL },
	{ "GUEST.SEG.TR.AR_RSVD_11_8", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x48b" },
	{ "GUEST.SEG.TR.G_LIMIT_LOW", PASS, NULL },
	{ "GUEST.SEG.TR.G_LIMIT_LOW", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x808b" },
	{ "GUEST.SEG.TR.G_LIMIT_LOW", PASS, "[vmcs]\nGUEST_TR_AR_BYTES = 0x808b\nGUEST_TR_LIMIT = 0xffffffff" },
	{ "GUEST.SEG.TR.G_LIMIT_HIGH", PASS, NULL },
	{ "GUEST.SEG.TR.G_LIMIT_HIGH", FAIL, "[vmcs]\nGUEST_TR_LIMIT = 0x100fff" },
	{ "GUEST.SEG.TR.UNUSABLE", PASS, NULL },
	{ "GUEST.SEG.TR.UNUSABLE", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x1008b" },
	/* a usable TSS is needed even in real mode */
	{ "GUEST.SEG.TR.UNUSABLE", FAIL, REAL_OK "GUEST_TR_AR_BYTES = 0x1008b\n" },
	{ "GUEST.SEG.TR.AR_RSVD_31_17", PASS, NULL },
	{ "GUEST.SEG.TR.AR_RSVD_31_17", FAIL, "[vmcs]\nGUEST_TR_AR_BYTES = 0x2008b" },

	/* ---- LDTR: only if usable ---- */
	{ "GUEST.SEG.LDTR.TYPE", NA, NULL },
	{ "GUEST.SEG.LDTR.TYPE", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.TYPE", FAIL, LDTR(0x50, 0xfffffe0000005000, 0xfff, 0x8b) },
	/* selector 0 with AR 0 instead of 0x10000 */
	{ "GUEST.SEG.LDTR.TYPE", FAIL, "[vmcs]\nGUEST_LDTR_AR_BYTES = 0" },
	{ "GUEST.SEG.LDTR.TYPE", FAIL, V86_OK SEG(LDTR, 0x50, 0x5000, 0xfff, 0x83) },
	{ "GUEST.SEG.LDTR.TYPE", PASS, V86_OK SEG(LDTR, 0x50, 0x5000, 0xfff, 0x82) },
	{ "GUEST.SEG.LDTR.S", NA, NULL },
	{ "GUEST.SEG.LDTR.S", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.S", FAIL, LDTR(0x50, 0xfffffe0000005000, 0xfff, 0x92) },
	{ "GUEST.SEG.LDTR.P", NA, NULL },
	{ "GUEST.SEG.LDTR.P", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.P", FAIL, LDTR(0x50, 0xfffffe0000005000, 0xfff, 0x02) },
	{ "GUEST.SEG.LDTR.AR_RSVD_11_8", NA, NULL },
	{ "GUEST.SEG.LDTR.AR_RSVD_11_8", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.AR_RSVD_11_8", FAIL, LDTR(0x50, 0xfffffe0000005000, 0xfff, 0x182) },
	{ "GUEST.SEG.LDTR.AR_RSVD_11_8", NA, LDTR(0, 0, 0, 0x10182) },
	{ "GUEST.SEG.LDTR.G_LIMIT_LOW", NA, NULL },
	{ "GUEST.SEG.LDTR.G_LIMIT_LOW", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.G_LIMIT_LOW", FAIL, LDTR(0x50, 0xfffffe0000005000, 0xffe, 0x8082) },
	{ "GUEST.SEG.LDTR.G_LIMIT_HIGH", NA, NULL },
	{ "GUEST.SEG.LDTR.G_LIMIT_HIGH", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.G_LIMIT_HIGH", FAIL, LDTR(0x50, 0xfffffe0000005000, 0x100fff, 0x82) },
	{ "GUEST.SEG.LDTR.AR_RSVD_31_17", NA, NULL },
	{ "GUEST.SEG.LDTR.AR_RSVD_31_17", PASS, LDTR_OK },
	{ "GUEST.SEG.LDTR.AR_RSVD_31_17", FAIL, LDTR(0x50, 0xfffffe0000005000, 0xfff, 0x20082) },
	{ "GUEST.SEG.LDTR.AR_RSVD_31_17", NA, LDTR(0, 0, 0, 0x30000) },

	/* ---- FRED guests ---- */
	{ "GUEST.SEG.SS.FRED_DPL", NA, NULL },
	{ "GUEST.SEG.SS.FRED_DPL", PASS, FRED },
	/* ring 1: CS and SS both DPL 1 so that only the FRED rule objects */
	{ "GUEST.SEG.SS.FRED_DPL", FAIL,
	  FRED "GUEST_CS_SELECTOR = 0x11\nGUEST_CS_AR_BYTES = 0xa0bb\n"
	  "GUEST_SS_SELECTOR = 0x19\nGUEST_SS_AR_BYTES = 0xc0b3\n" },
	{ "GUEST.SEG.SS.FRED_DPL", PASS,
	  FRED "GUEST_CS_SELECTOR = 0x13\nGUEST_CS_AR_BYTES = 0xa0fb\n"
	  "GUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3\n" },
	{ "GUEST.SEG.CS.FRED_L_AT_CPL0", NA, NULL },
	{ "GUEST.SEG.CS.FRED_L_AT_CPL0", PASS, FRED },
	/* CPL 0 in compatibility mode */
	{ "GUEST.SEG.CS.FRED_L_AT_CPL0", FAIL, FRED "GUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x401000\n" },
	/* CPL 3 compatibility-mode code is fine */
	{ "GUEST.SEG.CS.FRED_L_AT_CPL0", PASS,
	  FRED "GUEST_CS_SELECTOR = 0x13\nGUEST_CS_AR_BYTES = 0xc0fb\nGUEST_RIP = 0x401000\n"
	  "GUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3\n" },
	/* the same AR without FRED is an ordinary compatibility-mode guest */
	{ "GUEST.SEG.CS.FRED_L_AT_CPL0", NA, "[vmcs]\nGUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x401000\n" },
};
const unsigned fixtures_guest_segments_count =
	sizeof fixtures_guest_segments / sizeof fixtures_guest_segments[0];
