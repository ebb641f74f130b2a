/*
 * The guest segment-register matrix (reference checks-26.3-26.8.md §3):
 * register x mode x condition -> the status of the rule.
 *
 * Each mode is an overlay on the base state that makes a valid guest of
 * that mode: the first test asserts that every rule passes (or does not
 * apply) there and that the derived conditions are the mode's.  Each row
 * then applies one more overlay that breaks (or keeps) one condition and
 * asserts the status of its rule, and that no rule fails besides it and the
 * ones the row names in `also`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/report/render.h"
#include "../auditor/input/state_file.h"
#include "fixtures.h"
#include "suites.h"

enum mode { PROT, UG, REAL, V86, FRED, MODE_COUNT };

#define SEG(R, sel, base, limit, ar) \
	"GUEST_" #R "_SELECTOR = " #sel "\nGUEST_" #R "_BASE = " #base "\n" \
	"GUEST_" #R "_LIMIT = " #limit "\nGUEST_" #R "_AR_BYTES = " #ar "\n"

static const struct {
	const char *name;
	const char *overlay;
	/* derived conditions the mode must have (1), must not have (0) */
	int ug, pe, v86, ia32e, fred;
} modes[MODE_COUNT] = {
	/* The base state with "unrestricted guest" off: a 64-bit ring-0 guest. */
	[PROT] = { "protected (UG=0)",
		   "[vmcs]\nSECONDARY_VM_EXEC_CONTROL = 0x0010102a\n",
		   0, 1, 0, 1, 0 },
	/* The base state itself: unrestricted guest, CR0.PE = 1. */
	[UG] = { "UG, PE=1", NULL, 1, 1, 0, 1, 0 },
	/* Unrestricted-guest real mode: CR0.PE = PG = 0, so not IA-32e (entry
	 * control 9 and EFER.LMA/LME clear, CR4.PCIDE clear, RIP below 4G);
	 * real-mode segments with DPL 0, a usable busy TSS, an IVT. */
	[REAL] = { "UG real mode (PE=0)",
		   "[vmcs]\n"
		   "VM_ENTRY_CONTROLS = 0x0000d1ff\n"
		   "GUEST_IA32_EFER = 0\n"
		   "GUEST_CR0 = 0x00050032\n"
		   "GUEST_CR4 = 0x003526f0\n"
		   "GUEST_RIP = 0x7c00\n"
		   "GUEST_RSP = 0x7000\n"
		   SEG(CS, 0, 0, 0xffff, 0x9b)
		   SEG(SS, 0, 0, 0xffff, 0x93)
		   SEG(DS, 0, 0, 0xffff, 0x93)
		   SEG(ES, 0, 0, 0xffff, 0x93)
		   SEG(FS, 0, 0, 0xffff, 0x93)
		   SEG(GS, 0, 0, 0xffff, 0x93)
		   SEG(TR, 0, 0, 0xffff, 0x8b)
		   "GUEST_IDTR_BASE = 0\nGUEST_IDTR_LIMIT = 0x3ff\n",
		   1, 0, 0, 0, 0 },
	/* Virtual-8086: "unrestricted guest" off (so CR0.PE = PG = 1), not
	 * IA-32e, PAE paging through EPT (the PDPTR fields are 0: not present),
	 * RFLAGS.VM = 1, every segment selector * 16 / 0xFFFF / 0xF3. */
	[V86] = { "virtual-8086",
		  "[vmcs]\n"
		  "SECONDARY_VM_EXEC_CONTROL = 0x0010102a\n"
		  "VM_ENTRY_CONTROLS = 0x0000d1ff\n"
		  "GUEST_IA32_EFER = 0\n"
		  "GUEST_CR4 = 0x003526f0\n"
		  "GUEST_RFLAGS = 0x20202\n"
		  "GUEST_RIP = 0x100\n"
		  "GUEST_RSP = 0xfffe\n"
		  SEG(CS, 0x1000, 0x10000, 0xffff, 0xf3)
		  SEG(SS, 0x2000, 0x20000, 0xffff, 0xf3)
		  SEG(DS, 0x3000, 0x30000, 0xffff, 0xf3)
		  SEG(ES, 0x4000, 0x40000, 0xffff, 0xf3)
		  SEG(FS, 0x5000, 0x50000, 0xffff, 0xf3)
		  SEG(GS, 0x6000, 0x60000, 0xffff, 0xf3)
		  SEG(TR, 0x40, 0x3000, 0x2069, 0x8b),
		  0, 1, 1, 0, 0 },
	/* The base state with CR4.FRED (and a CPU that allows it). */
	[FRED] = { "FRED guest",
		   "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x00000001003727ff\n"
		   "[vmcs]\nGUEST_CR4 = 0x00000001003726f0\n",
		   1, 1, 0, 1, 1 },
};

struct matrix_row {
	uint8_t mode;
	const char *rule;
	const char *change;   /* [vmcs] lines over the mode, or NULL */
	uint8_t expect;
	const char *also;     /* other rules the change makes fail, space-separated */
};

/* Usable data registers and LDTR for the protected and UG modes. */
#define FLAT(R, sel, ar) "GUEST_" #R "_SELECTOR = " #sel "\nGUEST_" #R "_LIMIT = 0xffffffff\n" \
	"GUEST_" #R "_AR_BYTES = " #ar
#define LDTR_SEG(sel, base, limit, ar) "GUEST_LDTR_SELECTOR = " #sel "\nGUEST_LDTR_BASE = " \
	#base "\nGUEST_LDTR_LIMIT = " #limit "\nGUEST_LDTR_AR_BYTES = " #ar
#define LDTR_AT(sel, ar) LDTR_SEG(sel, 0x5000, 0xfff, ar)
#define NON_CANONICAL "0x0000800000000000"

static const struct matrix_row rows[] = {
	/* ---- CS: checked even if unusable; type 3 only with UG; nothing but
	 * base/limit/AR in virtual-8086 mode ---- */
	{ PROT, "GUEST.SEG.CS.TYPE", "GUEST_CS_AR_BYTES = 0xa093", FAIL, NULL },
	{ UG, "GUEST.SEG.CS.TYPE", "GUEST_CS_AR_BYTES = 0xa093", PASS, NULL },
	{ REAL, "GUEST.SEG.CS.TYPE", "GUEST_CS_AR_BYTES = 0x93", PASS, NULL },
	{ REAL, "GUEST.SEG.CS.TYPE", "GUEST_CS_AR_BYTES = 0x9a", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.TYPE", NULL, NA, NULL },
	{ PROT, "GUEST.SEG.CS.TYPE", "GUEST_CS_AR_BYTES = 0x1a093", FAIL, NULL },
	{ PROT, "GUEST.SEG.CS.TYPE", "GUEST_CS_AR_BYTES = 0x1a09b", PASS, NULL },
	{ PROT, "GUEST.SEG.CS.S", "GUEST_CS_AR_BYTES = 0x1a08b", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.S", NULL, NA, NULL },
	{ PROT, "GUEST.SEG.CS.P", "GUEST_CS_AR_BYTES = 0x1a01b", FAIL, NULL },
	{ REAL, "GUEST.SEG.CS.P", "GUEST_CS_AR_BYTES = 0x1b", FAIL, NULL },
	/* type 3 then DPL 0 */
	{ UG, "GUEST.SEG.CS.DPL_TYPE3", "GUEST_CS_AR_BYTES = 0xa0b3", FAIL, NULL },
	{ PROT, "GUEST.SEG.CS.DPL_TYPE3", "GUEST_CS_AR_BYTES = 0xa0b3", FAIL, "GUEST.SEG.CS.TYPE" },
	{ REAL, "GUEST.SEG.CS.DPL_TYPE3", "GUEST_CS_AR_BYTES = 0xb3", FAIL, NULL },
	/* the V86 CS (0xF3) is type 3 with DPL 3: not checked there */
	{ V86, "GUEST.SEG.CS.DPL_TYPE3", NULL, NA, NULL },
	{ PROT, "GUEST.SEG.CS.DPL_NONCONFORMING", "GUEST_CS_AR_BYTES = 0xa0bb", FAIL, NULL },
	/* SS.DPL counts even if SS is unusable (UG drops the SS DPL = RPL rule) */
	{ UG, "GUEST.SEG.CS.DPL_NONCONFORMING", "GUEST_SS_AR_BYTES = 0x1c0f3", FAIL, NULL },
	{ REAL, "GUEST.SEG.CS.DPL_NONCONFORMING", "GUEST_CS_AR_BYTES = 0xfb", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.DPL_NONCONFORMING", NULL, NA, NULL },
	{ PROT, "GUEST.SEG.CS.DPL_CONFORMING", "GUEST_CS_AR_BYTES = 0xa0ff", FAIL, NULL },
	{ PROT, "GUEST.SEG.CS.DPL_CONFORMING", "GUEST_CS_AR_BYTES = 0xa09f", PASS, NULL },
	{ PROT, "GUEST.SEG.CS.AR_RSVD_11_8", "GUEST_CS_AR_BYTES = 0x1af9b", FAIL, NULL },
	{ REAL, "GUEST.SEG.CS.AR_RSVD_11_8", "GUEST_CS_AR_BYTES = 0x29b", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.AR_RSVD_11_8", "GUEST_CS_AR_BYTES = 0x2f3", NA, "GUEST.SEG.CS.V86_AR" },
	{ UG, "GUEST.SEG.CS.AR_RSVD_31_17", "GUEST_CS_AR_BYTES = 0x3a09b", FAIL, NULL },
	{ PROT, "GUEST.SEG.CS.DB_WITH_L", "GUEST_CS_AR_BYTES = 0xe09b", FAIL, NULL },
	{ REAL, "GUEST.SEG.CS.DB_WITH_L", "GUEST_CS_AR_BYTES = 0x609b", NA, NULL },
	{ PROT, "GUEST.SEG.CS.G_LIMIT_LOW", "GUEST_CS_LIMIT = 0xfffff000", FAIL, NULL },
	{ PROT, "GUEST.SEG.CS.G_LIMIT_LOW",
	  "GUEST_CS_LIMIT = 0xfffff000\nGUEST_CS_AR_BYTES = 0x1a09b", FAIL, NULL },
	{ REAL, "GUEST.SEG.CS.G_LIMIT_HIGH", "GUEST_CS_LIMIT = 0xffffffff", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.G_LIMIT_HIGH", "GUEST_CS_LIMIT = 0xfffff", NA, "GUEST.SEG.CS.V86_LIMIT" },
	{ PROT, "GUEST.SEG.CS.BASE_HIGH", "GUEST_CS_BASE = 0x100000000", FAIL, NULL },
	{ PROT, "GUEST.SEG.CS.BASE_HIGH",
	  "GUEST_CS_BASE = 0x100000000\nGUEST_CS_AR_BYTES = 0x1a09b", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.BASE_HIGH", NULL, PASS, NULL },
	{ V86, "GUEST.SEG.CS.V86_BASE", "GUEST_CS_BASE = 0", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.V86_LIMIT", "GUEST_CS_LIMIT = 0xffffffff", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.V86_AR", "GUEST_CS_AR_BYTES = 0xfb", FAIL, NULL },
	{ V86, "GUEST.SEG.CS.V86_AR", "GUEST_CS_AR_BYTES = 0x1a09b", FAIL, NULL },
	{ PROT, "GUEST.SEG.CS.V86_BASE", "GUEST_CS_BASE = 0x1234", NA, NULL },

	/* ---- SS: RPL = CS.RPL and DPL = RPL even if unusable (dropped with UG
	 * and in V86); DPL 0 in real mode even if unusable; the rest if usable ---- */
	{ PROT, "GUEST.SEG.SS.RPL_EQ_CS_RPL", "GUEST_CS_SELECTOR = 0x13", FAIL, NULL },
	{ PROT, "GUEST.SEG.SS.RPL_EQ_CS_RPL",
	  "GUEST_CS_SELECTOR = 0x13\nGUEST_SS_AR_BYTES = 0x1c093", FAIL, NULL },
	{ UG, "GUEST.SEG.SS.RPL_EQ_CS_RPL", "GUEST_CS_SELECTOR = 0x13", NA, NULL },
	{ REAL, "GUEST.SEG.SS.RPL_EQ_CS_RPL", "GUEST_CS_SELECTOR = 0x3", NA, NULL },
	{ V86, "GUEST.SEG.SS.RPL_EQ_CS_RPL", "GUEST_SS_SELECTOR = 0x2003\nGUEST_SS_BASE = 0x20030",
	  NA, NULL },
	{ PROT, "GUEST.SEG.SS.DPL_EQ_RPL", "GUEST_CS_AR_BYTES = 0xa09f\nGUEST_SS_AR_BYTES = 0xc0b3",
	  FAIL, NULL },
	{ PROT, "GUEST.SEG.SS.DPL_EQ_RPL", "GUEST_CS_AR_BYTES = 0xa09f\nGUEST_SS_AR_BYTES = 0x1c0b3",
	  FAIL, NULL },
	{ UG, "GUEST.SEG.SS.DPL_EQ_RPL", "GUEST_CS_AR_BYTES = 0xa09f\nGUEST_SS_AR_BYTES = 0xc0b3",
	  NA, NULL },
	/* the V86 SS has DPL 3 and RPL 0: not checked there */
	{ V86, "GUEST.SEG.SS.DPL_EQ_RPL", NULL, NA, NULL },
	{ UG, "GUEST.SEG.SS.DPL_ZERO",
	  "GUEST_CS_AR_BYTES = 0xa093\nGUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3", FAIL, NULL },
	{ UG, "GUEST.SEG.SS.DPL_ZERO",
	  "GUEST_CS_SELECTOR = 0x13\nGUEST_CS_AR_BYTES = 0xa0fb\n"
	  "GUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3", PASS, NULL },
	{ REAL, "GUEST.SEG.SS.DPL_ZERO", "GUEST_CS_AR_BYTES = 0x9f\nGUEST_SS_AR_BYTES = 0xf3", FAIL, NULL },
	{ REAL, "GUEST.SEG.SS.DPL_ZERO", "GUEST_CS_AR_BYTES = 0x9f\nGUEST_SS_AR_BYTES = 0x100f3",
	  FAIL, NULL },
	{ REAL, "GUEST.SEG.SS.DPL_ZERO", "GUEST_SS_AR_BYTES = 0x10093", PASS, NULL },
	{ V86, "GUEST.SEG.SS.DPL_ZERO", NULL, NA, NULL },
	{ PROT, "GUEST.SEG.SS.TYPE", "GUEST_SS_AR_BYTES = 0xc09b", FAIL, NULL },
	{ PROT, "GUEST.SEG.SS.TYPE", "GUEST_SS_AR_BYTES = 0x1c09b", NA, NULL },
	{ REAL, "GUEST.SEG.SS.TYPE", "GUEST_SS_AR_BYTES = 0x9b", FAIL, NULL },
	{ V86, "GUEST.SEG.SS.TYPE", NULL, NA, NULL },
	{ UG, "GUEST.SEG.SS.S", "GUEST_SS_AR_BYTES = 0xc083", FAIL, NULL },
	{ UG, "GUEST.SEG.SS.P", "GUEST_SS_AR_BYTES = 0x1c013", NA, NULL },
	{ PROT, "GUEST.SEG.SS.BASE_HIGH", "GUEST_SS_BASE = 0x100000000", FAIL, NULL },
	{ PROT, "GUEST.SEG.SS.BASE_HIGH", "GUEST_SS_BASE = 0x100000000\nGUEST_SS_AR_BYTES = 0x1c093",
	  NA, NULL },
	{ PROT, "GUEST.SEG.SS.G_LIMIT_LOW", "GUEST_SS_LIMIT = 0xfffff000", FAIL, NULL },
	{ REAL, "GUEST.SEG.SS.G_LIMIT_HIGH", "GUEST_SS_LIMIT = 0x100000", FAIL, NULL },
	{ REAL, "GUEST.SEG.SS.AR_RSVD_11_8", "GUEST_SS_AR_BYTES = 0x193", FAIL, NULL },
	{ V86, "GUEST.SEG.SS.V86_BASE", "GUEST_SS_BASE = 0x2000", FAIL, NULL },
	{ V86, "GUEST.SEG.SS.V86_LIMIT", "GUEST_SS_LIMIT = 0xfffff", FAIL, NULL },
	{ V86, "GUEST.SEG.SS.V86_AR", "GUEST_SS_AR_BYTES = 0x93", FAIL, NULL },

	/* ---- DS, ES: only if usable (accessed still required in UG real
	 * mode, DPL >= RPL dropped with UG); unusable => nothing ---- */
	{ PROT, "GUEST.SEG.DS.TYPE_ACCESSED", FLAT(DS, 0x18, 0xc092), FAIL, NULL },
	{ PROT, "GUEST.SEG.DS.TYPE_ACCESSED", FLAT(DS, 0x18, 0x1c092), NA, NULL },
	{ REAL, "GUEST.SEG.DS.TYPE_ACCESSED", "GUEST_DS_AR_BYTES = 0x92", FAIL, NULL },
	{ V86, "GUEST.SEG.DS.TYPE_ACCESSED", NULL, NA, NULL },
	{ PROT, "GUEST.SEG.DS.DPL_GE_RPL", FLAT(DS, 0x1b, 0xc093), FAIL, NULL },
	{ PROT, "GUEST.SEG.DS.DPL_GE_RPL", FLAT(DS, 0x1b, 0x1c093), NA, NULL },
	{ UG, "GUEST.SEG.DS.DPL_GE_RPL", FLAT(DS, 0x1b, 0xc093), NA, NULL },
	{ REAL, "GUEST.SEG.DS.DPL_GE_RPL", "GUEST_DS_SELECTOR = 0x3", NA, NULL },
	{ V86, "GUEST.SEG.DS.DPL_GE_RPL", "GUEST_DS_SELECTOR = 0x3003\nGUEST_DS_BASE = 0x30030", NA, NULL },
	{ PROT, "GUEST.SEG.DS.BASE_HIGH", FLAT(DS, 0x18, 0xc093) "\nGUEST_DS_BASE = 0x100000000",
	  FAIL, NULL },
	{ PROT, "GUEST.SEG.DS.BASE_HIGH", "GUEST_DS_BASE = 0x100000000", NA, NULL },
	{ V86, "GUEST.SEG.DS.BASE_HIGH", NULL, PASS, NULL },
	{ V86, "GUEST.SEG.DS.V86_AR", "GUEST_DS_AR_BYTES = 0x100f3", FAIL, NULL },
	{ PROT, "GUEST.SEG.ES.DPL_GE_RPL", FLAT(ES, 0x1b, 0xc09f), PASS, NULL },
	{ PROT, "GUEST.SEG.ES.TYPE_CODE_READABLE", FLAT(ES, 0x18, 0xc099), FAIL, NULL },
	{ REAL, "GUEST.SEG.ES.TYPE_CODE_READABLE", "GUEST_ES_AR_BYTES = 0x99", FAIL, NULL },
	{ PROT, "GUEST.SEG.ES.S", FLAT(ES, 0x18, 0xc083), FAIL, NULL },
	/* a null selector with AR 0 instead of 0x10000 is a usable type-0 segment */
	{ PROT, "GUEST.SEG.ES.S", "GUEST_ES_AR_BYTES = 0", FAIL,
	  "GUEST.SEG.ES.TYPE_ACCESSED GUEST.SEG.ES.P" },
	{ REAL, "GUEST.SEG.ES.AR_RSVD_31_17", "GUEST_ES_AR_BYTES = 0x20093", FAIL, NULL },
	{ UG, "GUEST.SEG.ES.G_LIMIT_HIGH", FLAT(ES, 0x18, 0x4093), FAIL, NULL },
	{ V86, "GUEST.SEG.ES.V86_BASE", "GUEST_ES_BASE = 0x4000", FAIL, NULL },
	{ V86, "GUEST.SEG.ES.V86_AR", "GUEST_ES_AR_BYTES = 0x10000", FAIL, NULL },

	/* ---- FS, GS: as DS/ES, but the base is canonical even if unusable
	 * (no 63:32 rule) ---- */
	{ PROT, "GUEST.SEG.FS.BASE_CANONICAL", "GUEST_FS_BASE = " NON_CANONICAL, FAIL, NULL },
	{ UG, "GUEST.SEG.GS.BASE_CANONICAL", "GUEST_GS_BASE = " NON_CANONICAL, FAIL, NULL },
	{ REAL, "GUEST.SEG.FS.BASE_CANONICAL", "GUEST_FS_BASE = " NON_CANONICAL, FAIL, NULL },
	{ V86, "GUEST.SEG.GS.BASE_CANONICAL", NULL, PASS, NULL },
	{ PROT, "GUEST.SEG.FS.BASE_CANONICAL", FLAT(FS, 0x18, 0xc093) "\nGUEST_FS_BASE = 0x100000000",
	  PASS, NULL },
	{ PROT, "GUEST.SEG.FS.TYPE_ACCESSED", FLAT(FS, 0x18, 0xc092), FAIL, NULL },
	{ PROT, "GUEST.SEG.FS.TYPE_ACCESSED", "GUEST_FS_AR_BYTES = 0x10092", NA, NULL },
	{ PROT, "GUEST.SEG.GS.DPL_GE_RPL", FLAT(GS, 0x1b, 0xc093), FAIL, NULL },
	{ UG, "GUEST.SEG.GS.DPL_GE_RPL", FLAT(GS, 0x1b, 0xc093), NA, NULL },
	{ REAL, "GUEST.SEG.GS.P", "GUEST_GS_AR_BYTES = 0x13", FAIL, NULL },
	{ REAL, "GUEST.SEG.GS.P", "GUEST_GS_AR_BYTES = 0x10013", NA, NULL },
	{ UG, "GUEST.SEG.GS.AR_RSVD_11_8", FLAT(GS, 0x18, 0xcf93), FAIL, NULL },
	{ V86, "GUEST.SEG.FS.V86_BASE", "GUEST_FS_BASE = 0", FAIL, NULL },
	{ V86, "GUEST.SEG.GS.V86_LIMIT", "GUEST_GS_LIMIT = 0xffffffff", FAIL, NULL },

	/* ---- TR: always, in every mode ---- */
	{ PROT, "GUEST.SEG.TR.TYPE", "GUEST_TR_AR_BYTES = 0x89", FAIL, NULL },
	{ PROT, "GUEST.SEG.TR.TYPE", "GUEST_TR_AR_BYTES = 0x83", FAIL, NULL },
	{ REAL, "GUEST.SEG.TR.TYPE", "GUEST_TR_AR_BYTES = 0x83", PASS, NULL },
	{ V86, "GUEST.SEG.TR.TYPE", "GUEST_TR_AR_BYTES = 0x89", FAIL, NULL },
	{ UG, "GUEST.SEG.TR.S", "GUEST_TR_AR_BYTES = 0x9b", FAIL, NULL },
	{ REAL, "GUEST.SEG.TR.UNUSABLE", "GUEST_TR_AR_BYTES = 0x1008b", FAIL, NULL },
	{ V86, "GUEST.SEG.TR.SEL_TI", "GUEST_TR_SELECTOR = 0x44", FAIL, NULL },
	{ REAL, "GUEST.SEG.TR.G_LIMIT_LOW", "GUEST_TR_LIMIT = 0x67\nGUEST_TR_AR_BYTES = 0x808b", FAIL, NULL },
	{ V86, "GUEST.SEG.TR.BASE_CANONICAL", "GUEST_TR_BASE = " NON_CANONICAL, FAIL, NULL },
	{ V86, "GUEST.SEG.TR.P", "GUEST_TR_AR_BYTES = 0x0b", FAIL, NULL },

	/* ---- LDTR: only if usable, in every mode ---- */
	{ PROT, "GUEST.SEG.LDTR.TYPE", NULL, NA, NULL },
	{ PROT, "GUEST.SEG.LDTR.TYPE", LDTR_AT(0x50, 0x83), FAIL, NULL },
	{ REAL, "GUEST.SEG.LDTR.TYPE", LDTR_AT(0x50, 0x82), PASS, NULL },
	{ V86, "GUEST.SEG.LDTR.TYPE", LDTR_AT(0x50, 0x8b), FAIL, NULL },
	{ UG, "GUEST.SEG.LDTR.TYPE", "GUEST_LDTR_AR_BYTES = 0", FAIL, "GUEST.SEG.LDTR.P" },
	{ PROT, "GUEST.SEG.LDTR.SEL_TI", LDTR_AT(0x54, 0x82), FAIL, NULL },
	{ PROT, "GUEST.SEG.LDTR.SEL_TI", LDTR_AT(0x54, 0x10082), NA, NULL },
	{ UG, "GUEST.SEG.LDTR.BASE_CANONICAL", "GUEST_LDTR_BASE = " NON_CANONICAL, NA, NULL },
	{ UG, "GUEST.SEG.LDTR.BASE_CANONICAL", LDTR_SEG(0x50, 0x0000800000000000, 0xfff, 0x82),
	  FAIL, NULL },
	{ V86, "GUEST.SEG.LDTR.S", LDTR_AT(0x50, 0x92), FAIL, NULL },
	{ REAL, "GUEST.SEG.LDTR.G_LIMIT_HIGH", LDTR_SEG(0x50, 0x5000, 0x100fff, 0x82), FAIL, NULL },
	{ REAL, "GUEST.SEG.LDTR.G_LIMIT_HIGH", LDTR_SEG(0x50, 0x5000, 0xffffffff, 0x8082), PASS, NULL },

	/* ---- GDTR, IDTR: every mode ---- */
	{ REAL, "GUEST.GDTR.BASE_CANONICAL", "GUEST_GDTR_BASE = " NON_CANONICAL, FAIL, NULL },
	{ V86, "GUEST.IDTR.LIMIT_HIGH", "GUEST_IDTR_LIMIT = 0x10000", FAIL, NULL },

	/* ---- FRED guests: SS.DPL 0 or 3; SS.DPL 0 => CS.L = 1 ---- */
	{ FRED, "GUEST.SEG.SS.FRED_DPL",
	  "GUEST_CS_SELECTOR = 0x11\nGUEST_CS_AR_BYTES = 0xa0bb\n"
	  "GUEST_SS_SELECTOR = 0x19\nGUEST_SS_AR_BYTES = 0xc0b3", FAIL, NULL },
	{ UG, "GUEST.SEG.SS.FRED_DPL",
	  "GUEST_CS_SELECTOR = 0x11\nGUEST_CS_AR_BYTES = 0xa0bb\n"
	  "GUEST_SS_SELECTOR = 0x19\nGUEST_SS_AR_BYTES = 0xc0b3", NA, NULL },
	{ FRED, "GUEST.SEG.SS.FRED_DPL",
	  "GUEST_CS_SELECTOR = 0x13\nGUEST_CS_AR_BYTES = 0xa0fb\n"
	  "GUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3", PASS, NULL },
	{ FRED, "GUEST.SEG.CS.FRED_L_AT_CPL0", "GUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x401000",
	  FAIL, NULL },
	{ UG, "GUEST.SEG.CS.FRED_L_AT_CPL0", "GUEST_CS_AR_BYTES = 0xc09b\nGUEST_RIP = 0x401000",
	  NA, NULL },
	{ FRED, "GUEST.SEG.CS.FRED_L_AT_CPL0",
	  "GUEST_CS_SELECTOR = 0x13\nGUEST_CS_AR_BYTES = 0xc0fb\nGUEST_RIP = 0x401000\n"
	  "GUEST_SS_SELECTOR = 0x1b\nGUEST_SS_AR_BYTES = 0xc0f3", PASS, NULL },
};

static const char *status_name(unsigned s)
{
	static const char *const names[] = { "not run", "PASS", "FAIL", "UNKNOWN", "NA", "WARN" };
	return s < 6 ? names[s] : "?";
}

/* `id` is one of the space-separated ids in `list`. */
static int listed(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; p && *p;) {
		const char *end = strchr(p, ' ');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, id, n))
			return 1;
		p = end ? end + 1 : p + len;
	}
	return 0;
}

/* The mode's base, then the row's change as a second text. */
static int build(struct va_state *st, enum mode m, const char *change)
{
	if (fixture_state(st, modes[m].overlay))
		return -1;
	if (!change)
		return 0;
	char text[1024];
	struct va_error err;
	snprintf(text, sizeof text, "[vmcs]\n%s\n", change);
	if (va_state_read(st, text, strlen(text), "row", &err)) {
		fprintf(stderr, "\n  row:%u:%u: %s", err.line, err.column, err.message);
		va_state_release(st);
		return -1;
	}
	return 0;
}

/* Print every failing rule; return how many fail. */
static unsigned report_failures(const struct va_report *rep, const char *what)
{
	unsigned n = 0;
	for (unsigned i = 0; i < rep->n_findings; i++) {
		if (rep->findings[i].status != VA_FAIL)
			continue;
		char msg[1024];
		const struct va_rule *r = va_rule_at(rep->findings[i].rule);
		va_render_message(r, &rep->findings[i].eval, msg, sizeof msg);
		fprintf(stderr, "\n  %s: %s fails: %s", what, r->id, msg);
		n++;
	}
	return n;
}

/* Each mode's base is a valid guest of that mode. */
static void test_modes_valid(void)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	CU_ASSERT_FATAL(st && rep);
	for (unsigned m = 0; m < MODE_COUNT; m++) {
		CU_ASSERT_FATAL(build(st, (enum mode)m, NULL) == 0);
		struct va_ctx ctx;
		va_ctx_init(&ctx, st);
		int ok = va_cond(&ctx, COND_UG) == modes[m].ug && va_cond(&ctx, COND_GUEST_PE) == modes[m].pe &&
			 va_cond(&ctx, COND_V86) == modes[m].v86 &&
			 va_cond(&ctx, COND_IA32E_GUEST) == modes[m].ia32e &&
			 va_cond(&ctx, COND_FRED_GUEST) == modes[m].fred;
		if (!ok)
			fprintf(stderr, "\n  mode %s: derived conditions are not the mode's", modes[m].name);
		CU_ASSERT(ok);
		va_audit(st, rep);
		CU_ASSERT_EQUAL(report_failures(rep, modes[m].name), 0);
		CU_ASSERT_EQUAL(rep->verdict.result, VA_RESULT_SUCCESS);
		/* Every segment and descriptor-table rule passes or does not apply. */
		for (unsigned i = 0; i < rep->rule_count; i++) {
			const char *id = va_rule_at(i)->id;
			if (strncmp(id, "GUEST.SEG.", 10) && strncmp(id, "GUEST.GDTR.", 11) &&
			    strncmp(id, "GUEST.IDTR.", 11))
				continue;
			int good = rep->status[i] == VA_PASS || rep->status[i] == VA_NOT_APPLICABLE;
			if (!good)
				fprintf(stderr, "\n  mode %s: %s is %s", modes[m].name, id,
					status_name(rep->status[i]));
			CU_ASSERT(good);
		}
		va_state_release(st);
	}
	free(st);
	free(rep);
}

static void test_matrix_rows(void)
{
	struct va_state *st = malloc(sizeof *st);
	struct va_report *rep = malloc(sizeof *rep);
	CU_ASSERT_FATAL(st && rep);
	for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
		const struct matrix_row *row = &rows[k];
		int index = va_rule_find(row->rule);
		if (index < 0) {
			fprintf(stderr, "\n  matrix row for unknown rule %s", row->rule);
			CU_FAIL("matrix row names an unknown rule");
			continue;
		}
		if (build(st, (enum mode)row->mode, row->change)) {
			fprintf(stderr, "\n  matrix row %s (%s) does not read", row->rule,
				modes[row->mode].name);
			CU_FAIL("matrix row does not read");
			continue;
		}
		va_audit(st, rep);
		unsigned got = rep->status[index];
		if (got != row->expect)
			fprintf(stderr, "\n  %s in %s: expected %s, got %s\n    change: %s", row->rule,
				modes[row->mode].name, status_name(row->expect), status_name(got),
				row->change ? row->change : "(none)");
		CU_ASSERT_EQUAL(got, row->expect);
		/* Nothing else fails, except the rules the row names. */
		for (unsigned i = 0; i < rep->n_findings; i++) {
			const char *id = va_rule_at(rep->findings[i].rule)->id;
			if (rep->findings[i].status != VA_FAIL || (int)rep->findings[i].rule == index)
				continue;
			if (!listed(row->also, id))
				fprintf(stderr, "\n  %s in %s: %s fails as well\n    change: %s", row->rule,
					modes[row->mode].name, id, row->change ? row->change : "(none)");
			CU_ASSERT(listed(row->also, id));
		}
		for (const char *p = row->also; p && *p;) {
			const char *end = strchr(p, ' ');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			char id[96];
			snprintf(id, sizeof id, "%.*s", (int)len, p);
			int j = va_rule_find(id);
			CU_ASSERT(j >= 0 && rep->status[j] == VA_FAIL);
			p = end ? end + 1 : p + len;
		}
		va_state_release(st);
	}
	free(st);
	free(rep);
}

CU_TestInfo tests_segment_matrix[] = {
	{ "every mode's base state is valid", test_modes_valid },
	{ "register x mode x condition", test_matrix_rows },
	CU_TEST_INFO_NULL,
};
