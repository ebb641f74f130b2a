/*
 * Which VMCS fields va_capture reads and which it skips, on the capability
 * MSRs of real processors (msr_profiles/).  The capture runs with a VMREAD
 * that succeeds for every encoding, as a processor answers for the fields
 * it has, and an RDMSR that answers from the profile; each assertion names
 * the SDM Vol. 3D Appendix B footnote that decides (tables B-1 ... B-15 of
 * the 2025-2026 edition; the 2016 edition has the same text for the fields
 * it lists).
 */
#include <string.h>

#include <CUnit/CUnit.h>

#include "../auditor/engine/capture.h"
#include "../auditor/input/error.h"
#include "../auditor/input/profiles.h"
#include "../auditor/input/state_file.h"
#include "suites.h"

struct cpu {
	struct va_state msrs;          /* what RDMSR answers */
	uint8_t vmread[FLD_COUNT];     /* fields VMREAD was asked for */
	uint32_t rdmsr;                /* bit m: MSR m was asked for */
};

static int cpu_vmread(void *ctx, uint32_t encoding, uint64_t *value)
{
	struct cpu *c = ctx;
	enum va_field f = va_field_by_encoding((uint16_t)encoding);
	CU_ASSERT_NOT_EQUAL(f, FLD_NONE);
	c->vmread[f] = 1;
	*value = encoding;
	return 0;
}

static int cpu_rdmsr(void *ctx, uint32_t index, uint64_t *value)
{
	struct cpu *c = ctx;
	int m = va_msr_by_number(index);
	CU_ASSERT_FATAL(m >= 0);
	c->rdmsr |= 1u << m;
	if (!va_msr_known(&c->msrs, (enum va_msr)m))
		return 1;    /* not in the dump: as if RDMSR failed */
	*value = c->msrs.msr[m];
	return 0;
}

/* A profile's [cpu] section, plus overrides in state-file syntax. */
static void load(struct cpu *c, const char *profile, const char *extra)
{
	const struct va_profile *p = va_profile_find(profile);
	struct va_error err;
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	memset(c, 0, sizeof *c);
	memset(&err, 0, sizeof err);
	va_state_init(&c->msrs);
	CU_ASSERT_EQUAL_FATAL(va_state_read(&c->msrs, p->text, strlen(p->text), profile, &err), 0);
	if (extra)
		CU_ASSERT_EQUAL_FATAL(va_state_read(&c->msrs, extra, strlen(extra), "extra", &err), 0);
}

static struct va_state captured;

static void capture(struct cpu *c)
{
	struct va_capture cap = { .vmread = cpu_vmread, .rdmsr = cpu_rdmsr, .ctx = c };
	CU_ASSERT(va_capture(&captured, &cap) > 0);
}

struct expect {
	enum va_field field;
	int read;
};

/* Each field read exactly when expected, with its value; a skipped field
 * stays unset (0, as a processor without it behaves). */
static void check(const struct cpu *c, const struct expect *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		enum va_field f = e[i].field;
		int set = captured.presence[f] == VA_SET && captured.field[f] == va_field_encoding(f);
		int unset = captured.presence[f] == VA_UNSET && captured.field[f] == 0;
		/* The field's name is the failure message. */
		CU_assertImplementation(c->vmread[f] == e[i].read &&
					va_capture_field_exists(&captured, f) == e[i].read &&
					(e[i].read ? set : unset),
					__LINE__, va_field_name(f), __FILE__, "", CU_FALSE);
	}
}

#define READ(f) { FLD_##f, 1 }
#define SKIP(f) { FLD_##f, 0 }
#define CHECK(c, list) check(c, list, sizeof list / sizeof list[0])
#define MSR(m) (1u << MSR_IA32_VMX_##m)

/* Core 2 (Conroe): no secondary controls, no TRUE_ MSRs, none of the MSR
 * load/save controls. */
static void test_core2(void)
{
	static struct cpu c;
	load(&c, "intel-conroe-core2-x6800", NULL);
	capture(&c);
	static const struct expect e[] = {
		/* B-8 note: "activate secondary controls" (PROCBASED_CTLS[63] = 0). */
		SKIP(SECONDARY_VM_EXEC_CONTROL),
		/* B-4 note 7 / B-5 note 1 / B-6 note 4: "enable EPT", a secondary
		 * control, so not on this CPU. */
		SKIP(EPT_POINTER), SKIP(GUEST_PHYSICAL_ADDRESS), SKIP(GUEST_PDPTR0),
		/* B-1 note 1: "enable VPID". B-4 note 4: "virtualize APIC accesses". */
		SKIP(VIRTUAL_PROCESSOR_ID), SKIP(APIC_ACCESS_ADDR),
		/* B-4 note 1: "use MSR bitmaps" (PROCBASED_CTLS[60] = 1). */
		READ(MSR_BITMAP),
		/* B-4 note 3 and B-8 note: "use TPR shadow" (PROCBASED_CTLS[53] = 1). */
		READ(VIRTUAL_APIC_PAGE_ADDR), READ(TPR_THRESHOLD),
		/* B-1 note 2: "process posted interrupts"; B-10 note: "activate
		 * VMX-preemption timer" (PINBASED_CTLS[63:32] = 1FH). */
		SKIP(POSTED_INTR_NV), SKIP(POSTED_INTR_DESC_ADDR), SKIP(VMX_PREEMPTION_TIMER_VALUE),
		/* B-6 notes 1-3 and B-7 notes 1-3: "load/save IA32_PAT",
		 * "load/save IA32_EFER", "load IA32_PERF_GLOBAL_CTRL" (none on
		 * Core 2). */
		SKIP(GUEST_IA32_PAT), SKIP(GUEST_IA32_EFER), SKIP(GUEST_IA32_PERF_GLOBAL_CTRL),
		SKIP(HOST_IA32_PAT), SKIP(HOST_IA32_EFER), SKIP(HOST_IA32_PERF_GLOBAL_CTRL),
		/* B-4 notes 16 and 22, 24: tertiary controls, secondary VM-exit
		 * controls, FRED transitions. */
		SKIP(TERTIARY_VM_EXEC_CONTROL), SKIP(SECONDARY_VM_EXIT_CONTROLS), SKIP(INJECTED_EVENT_DATA),
		/* No footnote: on every processor with VMX. */
		READ(IO_BITMAP_A), READ(EXECUTIVE_VMCS_POINTER), READ(GUEST_SMBASE), READ(CR3_TARGET_VALUE3),
	};
	CHECK(&c, e);
	/* A.1, A.3.3, A.10, A.11: IA32_VMX_BASIC[55] = 0 and no secondary
	 * controls, so neither the TRUE_ MSRs nor PROCBASED_CTLS2, EPT_VPID_CAP,
	 * VMFUNC, CTLS3 or EXIT_CTLS2 are read (RDMSR would raise #GP). */
	CU_ASSERT_EQUAL(c.rdmsr, MSR(BASIC) | MSR(PINBASED_CTLS) | MSR(PROCBASED_CTLS) | MSR(EXIT_CTLS) |
				 MSR(ENTRY_CTLS) | MSR(MISC) | MSR(CR0_FIXED0) | MSR(CR0_FIXED1) |
				 MSR(CR4_FIXED0) | MSR(CR4_FIXED1) | MSR(VMCS_ENUM));
}

/* Skylake client (i7-6700K): EPT, VPID, PML, VMCS shadowing, but no
 * posted interrupts, virtual-interrupt delivery or TSC scaling. */
static void test_skylake(void)
{
	static struct cpu c;
	load(&c, "intel-skylake-i7-6700k", NULL);
	capture(&c);
	static const struct expect e[] = {
		/* B-4 note 7, B-5 note 1, B-6 note 4: "enable EPT" (CTLS2[33] = 1). */
		READ(EPT_POINTER), READ(GUEST_PHYSICAL_ADDRESS), READ(GUEST_PDPTR3),
		/* B-1 note 1 "enable VPID"; B-2/B-4 note "enable PML". */
		READ(VIRTUAL_PROCESSOR_ID), READ(GUEST_PML_INDEX), READ(PML_ADDRESS),
		/* B-4 note 10: "VMCS shadowing" (CTLS2[46] = 1). */
		READ(VMREAD_BITMAP), READ(VMWRITE_BITMAP),
		/* B-4 note 9: the "EPTP switching" VM function.  IA32_VMX_VMFUNC
		 * exists ("enable VM functions" is allowed) but the dump lacks it:
		 * not known, so read, and VMREAD decides. */
		READ(VM_FUNCTION_CONTROL), READ(EPTP_LIST_ADDRESS),
		/* B-2 note 1, B-4 note 8: "virtual-interrupt delivery" (CTLS2[41] = 0). */
		SKIP(GUEST_INTR_STATUS), SKIP(EOI_EXIT_BITMAP0),
		/* B-1 note 2: "process posted interrupts" (PINBASED_CTLS[39] = 0). */
		SKIP(POSTED_INTR_NV),
		/* B-10 note: "activate VMX-preemption timer" (PINBASED_CTLS[38] = 1). */
		READ(VMX_PREEMPTION_TIMER_VALUE),
		/* B-4 note 15: "use TSC scaling" (CTLS2[57] = 0). */
		SKIP(TSC_MULTIPLIER),
		/* B-6 note 3: "load IA32_PERF_GLOBAL_CTRL" VM-entry control. */
		READ(GUEST_IA32_PERF_GLOBAL_CTRL),
		/* B-6 note 5: "load IA32_BNDCFGS" or "clear IA32_BNDCFGS" (MPX). */
		READ(GUEST_BNDCFGS),
		/* B-6 note 6: "load IA32_RTIT_CTL" (entry 18) or "clear
		 * IA32_RTIT_CTL" (exit 25): neither. */
		SKIP(GUEST_IA32_RTIT_CTL),
		/* B-14/B-15: "load CET state"; B-6 note 8 / B-7 note 4: "load PKRS". */
		SKIP(GUEST_S_CET), SKIP(HOST_SSP), SKIP(GUEST_IA32_PKRS), SKIP(HOST_IA32_PKRS),
		/* B-4 notes 16, 22: PROCBASED_CTLS[49] = 0, EXIT_CTLS[63] = 0. */
		SKIP(TERTIARY_VM_EXEC_CONTROL), SKIP(HLATP), SKIP(SECONDARY_VM_EXIT_CONTROLS),
		SKIP(HOST_IA32_FRED_CONFIG),
		/* B-4 note 24, B-5 note 3: FRED transitions (CR4_FIXED1[32] = 0). */
		SKIP(INJECTED_EVENT_DATA), SKIP(ORIGINAL_EVENT_DATA),
	};
	CHECK(&c, e);
	/* A.3.4, A.4.2: neither IA32_VMX_PROCBASED_CTLS3 nor EXIT_CTLS2 is
	 * read; VMFUNC and EPT_VPID_CAP are (A.10, A.11). */
	CU_ASSERT_EQUAL(c.rdmsr & (MSR(PROCBASED_CTLS3) | MSR(EXIT_CTLS2)), 0);
	CU_ASSERT_EQUAL(c.rdmsr & (MSR(VMFUNC) | MSR(EPT_VPID_CAP) | MSR(TRUE_PROCBASED_CTLS)),
			MSR(VMFUNC) | MSR(EPT_VPID_CAP) | MSR(TRUE_PROCBASED_CTLS));
}

/* Sapphire Rapids (w9-3475X): tertiary and secondary VM-exit controls,
 * posted interrupts, CET, PKRS, UINV; no MPX, no VMCS shadowing in this
 * dump. */
static void test_sapphire_rapids(void)
{
	static struct cpu c;
	load(&c, "intel-sapphirerapids-xeon-w9-3475x", NULL);
	capture(&c);
	static const struct expect e[] = {
		/* B-4 notes 16, 22: PROCBASED_CTLS[49] = 1, EXIT_CTLS[63] = 1.
		 * Both indexes (1AH, 22H) are above the 17H IA32_VMX_VMCS_ENUM
		 * reports: VMCS_ENUM must not decide. */
		READ(TERTIARY_VM_EXEC_CONTROL), READ(SECONDARY_VM_EXIT_CONTROLS),
		/* B-4 note 15: "use TSC scaling" (index 19H, also above 17H). */
		READ(TSC_MULTIPLIER),
		/* B-4 note 14 "sub-page write permissions"; note 17 "PASID
		 * translation"; note 19 "enable PCONFIG" (CTLS2 bits 55, 53, 59). */
		READ(SPPTP), READ(LOW_PASID_DIR_ADDR), READ(PCONFIG_EXITING_BITMAP),
		/* B-4 note 10: "VMCS shadowing" (CTLS2[46] = 0 in this dump);
		 * 2019-2023 editions: "enable ENCLV exiting" (CTLS2[60] = 0). */
		SKIP(VMREAD_BITMAP), SKIP(ENCLV_EXITING_BITMAP),
		/* B-4 notes 20, 21, 23, 18: tertiary controls; IA32_VMX_PROCBASED_
		 * CTLS3 is not in the dump (AIDA64 lists 480H-490H), so not known:
		 * read, and VMREAD decides. */
		READ(HLATP), READ(PID_POINTER_TABLE), READ(IA32_SPEC_CTRL_MASK), READ(SHARED_EPTP),
		/* B-2 note 3: "load UINV" (entry 19) or "clear UINV" (exit 27). */
		READ(GUEST_UINV),
		/* B-6 note 8: "load PKRS" (entry 22); B-7 note 4 (exit 29). */
		READ(GUEST_IA32_PKRS), READ(HOST_IA32_PKRS),
		/* B-14 "load CET state" (entry 20), B-15 (exit 28). */
		READ(GUEST_SSP), READ(HOST_S_CET),
		/* B-6 note 7: "load/clear IA32_LBR_CTL" (entry 21, exit 26). */
		READ(GUEST_IA32_LBR_CTL),
		/* B-6 note 5: no MPX: entry 16 = 0 and exit 23 = 0. */
		SKIP(GUEST_BNDCFGS),
		/* B-4 note 24: FRED transitions, CR4_FIXED1[32] = 0. */
		SKIP(INJECTED_EVENT_DATA), SKIP(ORIGINAL_EVENT_DATA),
		/* Not in the SDM: VM-entry control 24 (ENTRY_CTLS[56] = 0). */
		SKIP(GUEST_IA32_SPEC_CTRL),
	};
	CHECK(&c, e);
	/* A.3.4, A.4.2: the capture asks for both (this dump lacks them). */
	CU_ASSERT_EQUAL(c.rdmsr & (MSR(PROCBASED_CTLS3) | MSR(EXIT_CTLS2)), MSR(PROCBASED_CTLS3) | MSR(EXIT_CTLS2));
}

/* The same processor with IA32_VMX_PROCBASED_CTLS3 and EXIT_CTLS2 as RDMSR
 * would give them.  Constructed, no dump of 492H/493H exists in
 * msr_profiles/: the two tertiary controls Xen and KVM use on Sapphire
 * Rapids (IPI virtualization, virtualize IA32_SPEC_CTRL), no secondary
 * VM-exit control. */
static void test_sapphire_rapids_tertiary(void)
{
	static struct cpu c;
	load(&c, "intel-sapphirerapids-xeon-w9-3475x",
	     "[cpu]\nIA32_VMX_PROCBASED_CTLS3 = 0x90\nIA32_VMX_EXIT_CTLS2 = 0\n");
	capture(&c);
	static const struct expect e[] = {
		/* B-1 note 5, B-4 note 21: "IPI virtualization" (tertiary 4). */
		READ(LAST_PID_POINTER_INDEX), READ(PID_POINTER_TABLE),
		/* B-4 note 23: "virtualize IA32_SPEC_CTRL" (tertiary 7). */
		READ(IA32_SPEC_CTRL_MASK), READ(IA32_SPEC_CTRL_SHADOW),
		/* B-1 note 4, B-4 note 20: "enable HLAT" (tertiary 1). */
		SKIP(HLAT_PREFIX_SIZE), SKIP(HLATP),
		/* B-4 note 18: "SEAM guest-physical address width" (tertiary 5),
		 * a control of SEAM (TDX module) VMCSs only. */
		SKIP(SHARED_EPTP),
		/* APIC-timer virtualization (tertiary 8), not in the SDM yet. */
		SKIP(VIRTUAL_TIMER_VECTOR),
		/* B-6 note 9: "load FRED" (entry 23) or "save FRED" (secondary
		 * exit 0); B-7 note 5: "load FRED" (secondary exit 1). */
		SKIP(GUEST_IA32_FRED_CONFIG), SKIP(GUEST_IA32_FRED_SSP3), SKIP(HOST_IA32_FRED_RSP1),
		/* Not in the SDM: secondary VM-exit control 2. */
		SKIP(HOST_IA32_SPEC_CTRL),
	};
	CHECK(&c, e);
}

/* A processor with FRED transitions (constructed: the Sapphire Rapids dump
 * with CR4.FRED allowed, as IA32_VMX_CR4_FIXED1[32] reports it where
 * CPUID.(EAX=7,ECX=1):EAX[17] is 1, and the FRED VMX controls). */
static void test_fred(void)
{
	static struct cpu c;
	load(&c, "intel-sapphirerapids-xeon-w9-3475x",
	     "[cpu]\nIA32_VMX_CR4_FIXED1 = 0x103f77fff\nIA32_VMX_ENTRY_CTLS = 0x00feffff000011ff\n"
	     "IA32_VMX_TRUE_ENTRY_CTLS = 0x00feffff000011fb\nIA32_VMX_EXIT_CTLS2 = 0x3\n");
	capture(&c);
	static const struct expect e[] = {
		/* B-4 note 24, B-5 note 3: "support FRED transitions". */
		READ(INJECTED_EVENT_DATA), READ(ORIGINAL_EVENT_DATA),
		/* B-6 note 9, B-7 note 5. */
		READ(GUEST_IA32_FRED_STKLVLS), READ(HOST_IA32_FRED_SSP1),
	};
	CHECK(&c, e);
}

/* Conditions that name one control where a reader might expect two
 * (constructed from the Sapphire Rapids dump, which has both halves of
 * each pair: the VM-entry controls 13, 20 and 22 and "use MSR bitmaps"
 * cleared in the plain and the TRUE_ MSRs, the VM-exit controls kept). */
static void test_entry_control_only(void)
{
	static struct cpu c;
	load(&c, "intel-sapphirerapids-xeon-w9-3475x",
	     "[cpu]\nIA32_VMX_ENTRY_CTLS = 0x002edfff000011ff\nIA32_VMX_TRUE_ENTRY_CTLS = 0x002edfff000011fb\n"
	     "IA32_VMX_PROCBASED_CTLS = 0xeffbfffe0401e172\nIA32_VMX_TRUE_PROCBASED_CTLS = 0xeffbfffe04006172\n");
	capture(&c);
	static const struct expect e[] = {
		/* B-6 note 3: only the "load IA32_PERF_GLOBAL_CTRL" VM-entry
		 * control, not "save IA32_PERF_GLOBAL_CTRL" (exit 30, kept);
		 * B-7 note 3: the host field with the VM-exit control 12. */
		SKIP(GUEST_IA32_PERF_GLOBAL_CTRL), READ(HOST_IA32_PERF_GLOBAL_CTRL),
		/* B-14: "load CET state" VM-entry control; B-15: the VM-exit one. */
		SKIP(GUEST_S_CET), SKIP(GUEST_INTR_SSP_TABLE), READ(HOST_INTR_SSP_TABLE),
		/* B-6 note 8: "load PKRS" VM-entry control; B-7 note 4: VM exit. */
		SKIP(GUEST_IA32_PKRS), READ(HOST_IA32_PKRS),
		/* B-4 note 1: "use MSR bitmaps". */
		SKIP(MSR_BITMAP),
		/* B-6 note 1: "load IA32_PAT" or "save IA32_PAT": both kept. */
		READ(GUEST_IA32_PAT),
	};
	CHECK(&c, e);
}

/* Nested KVM (Linux 5.10 on Skylake-SP): what L1 sees. */
static void test_kvm_nested(void)
{
	static struct cpu c;
	load(&c, "kvm-nested-default-linux5.10-on-skylake-sp", NULL);
	capture(&c);
	static const struct expect e[] = {
		/* B-4 note 9: "EPTP switching" (IA32_VMX_VMFUNC[0] = 1). */
		READ(EPTP_LIST_ADDRESS),
		/* B-1/B-4 note 2/5: "process posted interrupts" (PINBASED_CTLS[39]). */
		READ(POSTED_INTR_NV), READ(POSTED_INTR_DESC_ADDR),
		/* B-2 note 1, B-4 note 8: "virtual-interrupt delivery". */
		READ(GUEST_INTR_STATUS), READ(EOI_EXIT_BITMAP3),
		/* B-8 note: "PAUSE-loop exiting" is not offered to L1 (CTLS2[42] = 0). */
		SKIP(PLE_GAP), SKIP(PLE_WINDOW),
		/* B-1 note 3, B-4 note 11: "EPT-violation #VE" (CTLS2[50] = 0). */
		SKIP(EPTP_INDEX), SKIP(VE_INFORMATION_ADDRESS),
		/* B-4 note 13: "enable ENCLS exiting" (CTLS2[47] = 0). */
		SKIP(ENCLS_EXITING_BITMAP),
		/* B-6 note 6: neither "load" nor "clear IA32_RTIT_CTL". */
		SKIP(GUEST_IA32_RTIT_CTL),
		/* B-4 notes 15, 16, 22. */
		SKIP(TSC_MULTIPLIER), SKIP(TERTIARY_VM_EXEC_CONTROL), SKIP(SECONDARY_VM_EXIT_CONTROLS),
	};
	CHECK(&c, e);
}

/* KVM with kvm_intel.ept=0 keeps "enable VM functions" for L1 but reports
 * IA32_VMX_VMFUNC = 0 (nested_vmx_setup_ctls_msrs): the VM-function
 * controls exist, the EPTP-list address does not (B-4 notes 6 and 9). */
static void test_vmfunc_without_eptp_switching(void)
{
	static struct cpu c;
	load(&c, "kvm-nested-default-linux5.10-on-skylake-sp", "[cpu]\nIA32_VMX_VMFUNC = 0\n");
	capture(&c);
	static const struct expect e[] = { READ(VM_FUNCTION_CONTROL), SKIP(EPTP_LIST_ADDRESS) };
	CHECK(&c, e);
}

/* The allowed-1 settings are the same in a TRUE_ MSR (SDM A.3.2): a state
 * that gives only IA32_VMX_TRUE_PROCBASED_CTLS still tells. */
static void test_true_msr_alone(void)
{
	static struct cpu c;
	load(&c, "intel-skylake-i7-6700k", NULL);
	struct va_state *st = &c.msrs;
	st->msr_present &= ~(1u << MSR_IA32_VMX_PROCBASED_CTLS);
	CU_ASSERT_EQUAL(va_capture_field_exists(st, FLD_TERTIARY_VM_EXEC_CONTROL), 0);
	CU_ASSERT_EQUAL(va_capture_field_exists(st, FLD_MSR_BITMAP), 1);
	/* Neither MSR: not known, so the field may exist. */
	st->msr_present &= ~(1u << MSR_IA32_VMX_TRUE_PROCBASED_CTLS);
	CU_ASSERT_EQUAL(va_capture_field_exists(st, FLD_TERTIARY_VM_EXEC_CONTROL), 1);
}

/* Without any capability MSR every field may exist: all are read, and a
 * failed VMREAD marks the field absent, not 0. */
static int vmread_fails_for_pkrs(void *ctx, uint32_t encoding, uint64_t *value)
{
	(void)ctx;
	*value = 1;
	return encoding == va_field_encoding(FLD_GUEST_IA32_PKRS);
}

static void test_nothing_known(void)
{
	struct va_capture cap = { .vmread = vmread_fails_for_pkrs };
	va_state_init(&captured);
	CU_ASSERT_EQUAL(va_capture(&captured, &cap), FLD_COUNT - 2);
	CU_ASSERT_EQUAL(captured.presence[FLD_GUEST_IA32_PKRS], VA_ABSENT);
	CU_ASSERT_EQUAL(captured.absent_count, 1);
	CU_ASSERT_EQUAL(captured.presence[FLD_SHARED_EPTP], VA_SET);
}

CU_TestInfo tests_capture[] = {
	{ "Core 2: no secondary controls, no TRUE_ MSRs", test_core2 },
	{ "Skylake client", test_skylake },
	{ "Sapphire Rapids: tertiary controls above VMCS_ENUM", test_sapphire_rapids },
	{ "Sapphire Rapids with CTLS3 and EXIT_CTLS2 known", test_sapphire_rapids_tertiary },
	{ "FRED transitions", test_fred },
	{ "a VM-entry control alone decides", test_entry_control_only },
	{ "nested KVM", test_kvm_nested },
	{ "VM functions without EPTP switching", test_vmfunc_without_eptp_switching },
	{ "a TRUE_ MSR alone", test_true_msr_alone },
	{ "no capability MSR known", test_nothing_known },
	CU_TEST_INFO_NULL,
};
