#include <string.h>

#include "template_tables.h"
#include "../engine/fields.h"
#include "../engine/rule.h"

/* ---- the architectural register state of each mode ----------------- */

#define UNUSABLE { 0, 0, 0, 0x10000 }
#define KERNEL_TSS { 0x40, 0xfffffe0000003000ull, 0x67, 0x8b }
#define REAL_SEG(sel, base) { sel, base, 0xffff, 0x93 }
#define RESET_REGS \
	.cr0 = 0x60000010, .rflags = 0x2, .rip = 0xfff0, \
	.cs = { 0xf000, 0xffff0000, 0xffff, 0x93 }, .ss = REAL_SEG(0, 0), .data = REAL_SEG(0, 0), \
	.fsgs = REAL_SEG(0, 0), .tr = { 0, 0, 0xffff, 0x8b }, .ldtr = { 0, 0, 0xffff, 0x82 }, \
	.gdtr_limit = 0xffff, .idtr_limit = 0xffff

const struct mode_info va_template_modes[VA_TM_COUNT] = {
	[VA_TM_LONG] = { { "long", "64-bit guest in IA-32e mode (default)" },
		"64-bit mode: IA-32e paging (CR0.PG, CR4.PAE, EFER.LME/LMA), flat CS with L = 1 "
		"(SDM Vol. 3A 9.8.5, 3.4.5)", true, false, false,
		0x80010033, 0x1000000, 0x20, 0x500, 0x2, 0xffffffff81000000ull, 0xffffc90000004000ull,
		{ 0x10, 0, 0xffffffff, 0xa09b }, { 0x18, 0, 0xffffffff, 0xc093 },
		{ 0x18, 0, 0xffffffff, 0xc093 }, UNUSABLE, KERNEL_TSS, UNUSABLE,
		0xfffffe0000001000ull, 0xfffffe0000000000ull, 0x7f, 0xfff, 0 },
	[VA_TM_COMPAT] = { { "compat", "32-bit code in IA-32e mode (compatibility mode)" },
		"compatibility mode: IA-32e paging, CS with L = 0 and D/B = 1 (SDM Vol. 3A 3.4.5)",
		true, false, false,
		0x80010033, 0x1000000, 0x20, 0x500, 0x2, 0x400000, 0x7ff000,
		{ 0x23, 0, 0xffffffff, 0xc0fb }, { 0x2b, 0, 0xffffffff, 0xc0f3 },
		{ 0x2b, 0, 0xffffffff, 0xc0f3 }, UNUSABLE, KERNEL_TSS, UNUSABLE,
		0xfffffe0000001000ull, 0xfffffe0000000000ull, 0x7f, 0xfff, 0 },
	[VA_TM_PAE] = { { "pae", "32-bit protected mode with PAE paging" },
		"protected mode with PAE paging: CR0.PE and PG, CR4.PAE, flat 32-bit segments "
		"(SDM Vol. 3A 4.4)", false, false, true,
		0x80010033, 0x3000, 0x20, 0, 0x2, 0x100000, 0x90000,
		{ 0x08, 0, 0xffffffff, 0xc09b }, { 0x10, 0, 0xffffffff, 0xc093 },
		{ 0x10, 0, 0xffffffff, 0xc093 }, { 0x10, 0, 0xffffffff, 0xc093 },
		{ 0x28, 0x5000, 0x67, 0x8b }, UNUSABLE, 0x4000, 0x4800, 0x2f, 0x7ff, 0 },
	[VA_TM_PROTECTED] = { { "protected", "32-bit protected mode without paging (unrestricted guest)" },
		"protected mode without paging: CR0.PE = 1, PG = 0, flat 32-bit segments; PG = 0 "
		"needs unrestricted guest (SDM 26.3.1.1)", false, true, false,
		0x00000033, 0, 0, 0, 0x2, 0x100000, 0x90000,
		{ 0x08, 0, 0xffffffff, 0xc09b }, { 0x10, 0, 0xffffffff, 0xc093 },
		{ 0x10, 0, 0xffffffff, 0xc093 }, { 0x10, 0, 0xffffffff, 0xc093 },
		{ 0x28, 0x5000, 0x67, 0x8b }, UNUSABLE, 0x4000, 0x4800, 0x2f, 0x7ff, 0 },
	[VA_TM_REAL] = { { "real", "real mode (unrestricted guest), a boot sector at 0:7C00" },
		"real mode: CR0.PE = 0 with unrestricted guest, 64-KiB segments at selector x 16 "
		"(SDM Vol. 3A 20.1, 26.3.1.2)", false, true, false,
		0x00000030, 0, 0, 0, 0x2, 0x7c00, 0x7000,
		REAL_SEG(0, 0), REAL_SEG(0, 0), REAL_SEG(0, 0), REAL_SEG(0, 0),
		{ 0, 0, 0xffff, 0x8b }, { 0, 0, 0xffff, 0x82 }, 0, 0, 0xffff, 0x3ff, 0 },
	[VA_TM_V86] = { { "v8086", "virtual-8086 mode (real-mode code without unrestricted guest)" },
		"virtual-8086 mode: RFLAGS.VM = 1 under protected mode with paging, segments "
		"base = selector x 16, limit 0xFFFF, AR 0xF3 (SDM 26.3.1.2, Vol. 3B 20.2)",
		false, false, false,
		0x80010033, 0x3000, 0, 0, 0x20002, 0x100, 0xfffe,
		{ 0x1000, 0x10000, 0xffff, 0xf3 }, { 0x2000, 0x20000, 0xffff, 0xf3 },
		{ 0x3000, 0x30000, 0xffff, 0xf3 }, { 0x3000, 0x30000, 0xffff, 0xf3 },
		{ 0x28, 0x5000, 0x2067, 0x8b }, UNUSABLE, 0x4000, 0x4800, 0x2f, 0x7ff, 0 },
	[VA_TM_RESET] = { { "reset", "the state after RESET/INIT (unrestricted guest)" },
		"the state after RESET/INIT (SDM Vol. 3A 9.1.1, Table 9-1: CS F000 base FFFF0000, "
		"IP FFF0, CR0 60000010H, RFLAGS 2); TR as a busy TSS, as VM entry requires",
		false, true, false, RESET_REGS, .activity = 0 },
	[VA_TM_WAIT_SIPI] = { { "wait-for-sipi", "an AP after INIT, parked in the wait-for-SIPI state" },
		"an application processor after INIT (SDM Vol. 3A 9.1.1, Table 9-1) in the "
		"wait-for-SIPI activity state (SDM 24.4.2, 26.3.1.5): the SIPI's VM exit starts it",
		false, true, false, RESET_REGS, .activity = 3 },
};

const struct va_template_choice *va_template_mode_at(unsigned i)
{
	return i < VA_TM_COUNT ? &va_template_modes[i].c : NULL;
}

int va_template_mode_by_name(const char *name)
{
	for (unsigned i = 0; i < VA_TM_COUNT; i++)
		if (!strcmp(va_template_modes[i].c.name, name))
			return (int)i;
	return -1;
}

/* ---- features: controls a user asks for, with the fields they need --- */

const struct feature va_template_features[F_COUNT] = {
	[F_EPT] = { { "ept", "enable EPT (EPT_POINTER from IA32_VMX_EPT_VPID_CAP)" },
		{ { VEC_SEC, 1 } }, 0, { { 0 } } },
	[F_VPID] = { { "vpid", "enable VPID, VIRTUAL_PROCESSOR_ID = 1" }, { { VEC_SEC, 5 } }, 0,
		{ { FLD_VIRTUAL_PROCESSOR_ID, 1, "VPID 0 belongs to the VMM (SDM 26.2.1.1): guests start at 1" } } },
	[F_UG] = { { "ug", "unrestricted guest (needs ept)" }, { { VEC_SEC, 7 } }, 1u << F_EPT, { { 0 } } },
	[F_MSR_BITMAP] = { { "msr-bitmap", "use MSR bitmaps" }, { { VEC_PROC, 28 } }, 0,
		{ { FLD_MSR_BITMAP, 0x2000000, "a 4-KiB aligned page (SDM 26.2.1.1); all zeros: no MSR access exits" } } },
	[F_IO_BITMAPS] = { { "io-bitmaps", "use I/O bitmaps" }, { { VEC_PROC, 25 } }, 0,
		{ { FLD_IO_BITMAP_A, 0x2001000, "4-KiB aligned page for ports 0-7FFF (SDM 26.2.1.1)" },
		  { FLD_IO_BITMAP_B, 0x2002000, "4-KiB aligned page for ports 8000-FFFF (SDM 26.2.1.1)" } } },
	[F_PREEMPTION_TIMER] = { { "preemption-timer", "activate the VMX-preemption timer" },
		{ { VEC_PIN, 6 } }, 0,
		{ { FLD_VMX_PREEMPTION_TIMER_VALUE, 0x100000, "counts down at the TSC rate >> IA32_VMX_MISC[4:0] (SDM 25.5.1)" } } },
	[F_APICV] = { { "apicv", "APIC virtualization: TPR shadow, APIC-access page, register "
			"virtualization, virtual-interrupt delivery" },
		{ { VEC_PROC, 21 }, { VEC_SEC, 0 }, { VEC_SEC, 8 }, { VEC_SEC, 9 } }, 0,
		{ { FLD_VIRTUAL_APIC_PAGE_ADDR, 0x2003000, "the virtual-APIC page, 4-KiB aligned (SDM 26.2.1.1)" },
		  { FLD_APIC_ACCESS_ADDR, 0xfee00000, "the APIC-access page at the xAPIC's default base (SDM 29.4)" } } },
	[F_POSTED_INTERRUPTS] = { { "posted-interrupts", "process posted interrupts (needs apicv)" },
		{ { VEC_PIN, 7 } }, 1u << F_APICV,
		{ { FLD_POSTED_INTR_NV, 0xf2, "the notification vector, 0-255 (SDM 26.2.1.1); KVM uses F2H" },
		  { FLD_POSTED_INTR_DESC_ADDR, 0x2004000, "the 64-byte aligned posted-interrupt descriptor (SDM 26.2.1.1)" } } },
	[F_XSAVES] = { { "xsaves", "enable XSAVES/XRSTORS" }, { { VEC_SEC, 20 } }, 0,
		{ { FLD_XSS_EXIT_BITMAP, 0, "no XSS bit causes an exit on XSAVES/XRSTORS (SDM 25.6.20)" } } },
	[F_PML] = { { "pml", "page-modification logging (needs ept)" }, { { VEC_SEC, 17 } }, 1u << F_EPT,
		{ { FLD_PML_ADDRESS, 0x2005000, "the 4-KiB aligned PML log (SDM 26.2.1.1)" },
		  { FLD_GUEST_PML_INDEX, 511, "the log fills from entry 511 down (SDM 28.3.6)" } } },
	[F_RDTSCP] = { { "rdtscp", "enable RDTSCP" }, { { VEC_SEC, 3 } }, 0, { { 0 } } },
	[F_INVPCID] = { { "invpcid", "enable INVPCID" }, { { VEC_SEC, 12 } }, 0, { { 0 } } },
	[F_LOAD_EFER] = { { "load-efer", "load IA32_EFER on entry and exit" },
		{ { VEC_ENTRY, 15 }, { VEC_EXIT, 21 } }, 0, { { 0 } } },
	[F_LOAD_PAT] = { { "load-pat", "load IA32_PAT on entry and exit" },
		{ { VEC_ENTRY, 14 }, { VEC_EXIT, 19 } }, 0, { { 0 } } },
};

const struct va_template_choice *va_template_feature_at(unsigned i)
{
	return i < F_COUNT ? &va_template_features[i].c : NULL;
}

int va_template_feature_by_name(const char *name, size_t len)
{
	for (unsigned i = 0; i < F_COUNT; i++)
		if (strlen(va_template_features[i].c.name) == len && !strncmp(va_template_features[i].c.name, name, len))
			return (int)i;
	return -1;
}
