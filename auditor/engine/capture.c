#include "capture.h"

/*
 * Which capability says a field exists.  The 32-bit control MSRs hold the
 * allowed-1 settings in bits 63:32 (the same in the TRUE_ MSR, SDM A.3-A.5);
 * IA32_VMX_PROCBASED_CTLS3, IA32_VMX_EXIT_CTLS2 and IA32_VMX_VMFUNC are
 * 64-bit allowed-1 masks (A.3.4, A.4.2, A.11).  CAP_FRED is no MSR: the
 * processor supports FRED transitions (CPUID.(EAX=7,ECX=1):EAX[17]).
 */
enum cap_src {
	CAP_NONE, CAP_PIN, CAP_PROC, CAP_SEC, CAP_TER, CAP_EXIT, CAP_EXIT2, CAP_ENTRY,
	CAP_VMFUNC, CAP_FRED
};

/* 1 the control may be 1, 0 it may not, -1 the MSR is not known. */
static int allowed1(const struct va_state *st, enum cap_src src, unsigned bit)
{
	static const struct { uint8_t msr, alt, shift; } where[] = {
		[CAP_PIN] = { MSR_IA32_VMX_PINBASED_CTLS, MSR_IA32_VMX_TRUE_PINBASED_CTLS, 32 },
		[CAP_PROC] = { MSR_IA32_VMX_PROCBASED_CTLS, MSR_IA32_VMX_TRUE_PROCBASED_CTLS, 32 },
		[CAP_SEC] = { MSR_IA32_VMX_PROCBASED_CTLS2, MSR_COUNT, 32 },
		[CAP_TER] = { MSR_IA32_VMX_PROCBASED_CTLS3, MSR_COUNT, 0 },
		[CAP_EXIT] = { MSR_IA32_VMX_EXIT_CTLS, MSR_IA32_VMX_TRUE_EXIT_CTLS, 32 },
		[CAP_EXIT2] = { MSR_IA32_VMX_EXIT_CTLS2, MSR_COUNT, 0 },
		[CAP_ENTRY] = { MSR_IA32_VMX_ENTRY_CTLS, MSR_IA32_VMX_TRUE_ENTRY_CTLS, 32 },
		[CAP_VMFUNC] = { MSR_IA32_VMX_VMFUNC, MSR_COUNT, 0 },
	};
	if (src == CAP_NONE)
		return 1;
	enum va_msr m = (enum va_msr)where[src].msr;
	if (!va_msr_known(st, m)) {
		/* A state that gives only the TRUE_ MSR: same allowed-1 bits. */
		m = (enum va_msr)where[src].alt;
		if (m == MSR_COUNT || !va_msr_known(st, m))
			return -1;
	}
	return (int)((st->msr[m] >> (where[src].shift + bit)) & 1);
}

/*
 * FRED transitions: CR4.FRED (bit 32) may be 1 in VMX operation exactly
 * when the processor supports them, so IA32_VMX_CR4_FIXED1[32] tells; else
 * the fact if the caller gave it; else the "load FRED" VM-entry control,
 * which every processor with FRED transitions supports (KVM's
 * cpu_has_vmx_fred() tests that control alone).
 */
static int fred_transitions(const struct va_state *st)
{
	if (va_msr_known(st, MSR_IA32_VMX_CR4_FIXED1))
		return (int)((st->msr[MSR_IA32_VMX_CR4_FIXED1] >> 32) & 1);
	if (va_fact_known(st, FACT_FRED))
		return st->fact[FACT_FRED] != 0;
	return allowed1(st, CAP_ENTRY, 23);
}

/* The control may be 1 or it is not known.  A secondary, tertiary or
 * secondary-exit control also needs its activating control (A.3.3, A.3.4,
 * A.4.2), and a VM function needs "enable VM functions" (A.11). */
static int gate_allows(const struct va_state *st, enum cap_src src, unsigned bit)
{
	static const struct { uint8_t src, by, bit; } activated[] = {
		{ CAP_SEC, CAP_PROC, 31 },
		{ CAP_TER, CAP_PROC, 17 },
		{ CAP_EXIT2, CAP_EXIT, 31 },
		{ CAP_VMFUNC, CAP_SEC, 13 },
	};
	if (src == CAP_FRED)
		return fred_transitions(st) != 0;
	for (unsigned i = 0; i < sizeof activated / sizeof activated[0]; i++)
		if (activated[i].src == src &&
		    !gate_allows(st, (enum cap_src)activated[i].by, activated[i].bit))
			return 0;
	return allowed1(st, src, bit) != 0;
}

/*
 * Fields that exist only on processors supporting the 1-setting of a
 * control, or of either of two controls (a field both loaded on VM entry
 * and saved or cleared on VM exit).  Every condition is the footnote of SDM
 * Vol. 3D Appendix B ("This field exists only on processors that support
 * ..."), checked against the September 2016 edition (325462-060) and the
 * 2025-2026 edition, whose tables are cited here as B-1 ... B-15; fields
 * without a footnote exist on every processor with VMX.  Three rows come
 * from outside the SDM and say so.
 *
 * IA32_VMX_VMCS_ENUM (A.9) is not used: real processors report a highest
 * index below fields they have (Sapphire Rapids, Alder Lake and Granite
 * Rapids report index 17H but have the tertiary controls, index 1AH;
 * Broadwell reports 15H but has the VMX-preemption timer value, 17H), so
 * it would skip fields that exist.
 */
static const struct {
	uint16_t field;
	uint8_t src, bit, src2, bit2;
} field_gates[] = {
#define ONE(f, s, b) { FLD_##f, CAP_##s, b, CAP_NONE, 0 },
#define EITHER(f, s, b, s2, b2) { FLD_##f, CAP_##s, b, CAP_##s2, b2 },
	/* B-1, 16-bit control fields. */
	ONE(VIRTUAL_PROCESSOR_ID, SEC, 5)          /* "enable VPID" */
	ONE(POSTED_INTR_NV, PIN, 7)                /* "process posted interrupts" */
	ONE(EPTP_INDEX, SEC, 18)                   /* "EPT-violation #VE" */
	ONE(HLAT_PREFIX_SIZE, TER, 1)              /* "enable HLAT" */
	ONE(LAST_PID_POINTER_INDEX, TER, 4)        /* "IPI virtualization" */
	/* Not in the SDM yet: the APIC-timer virtualization field, with its
	 * tertiary control 8 (the Intel-authored KVM series and Bochs). */
	ONE(VIRTUAL_TIMER_VECTOR, TER, 8)
	/* B-2, 16-bit guest-state fields. */
	ONE(GUEST_INTR_STATUS, SEC, 9)             /* "virtual-interrupt delivery" */
	ONE(GUEST_PML_INDEX, SEC, 17)              /* "enable PML" */
	EITHER(GUEST_UINV, ENTRY, 19, EXIT, 27)    /* "load UINV" or "clear UINV" */
	/* B-4, 64-bit control fields. */
	ONE(MSR_BITMAP, PROC, 28)                  /* "use MSR bitmaps" */
	ONE(PML_ADDRESS, SEC, 17)                  /* "enable PML" */
	ONE(VIRTUAL_APIC_PAGE_ADDR, PROC, 21)      /* "use TPR shadow" */
	ONE(APIC_ACCESS_ADDR, SEC, 0)              /* "virtualize APIC accesses" */
	ONE(POSTED_INTR_DESC_ADDR, PIN, 7)         /* "process posted interrupts" */
	ONE(VM_FUNCTION_CONTROL, SEC, 13)          /* "enable VM functions" */
	ONE(EPT_POINTER, SEC, 1)                   /* "enable EPT" */
	ONE(EOI_EXIT_BITMAP0, SEC, 9)              /* "virtual-interrupt delivery" */
	ONE(EOI_EXIT_BITMAP1, SEC, 9)
	ONE(EOI_EXIT_BITMAP2, SEC, 9)
	ONE(EOI_EXIT_BITMAP3, SEC, 9)
	ONE(EPTP_LIST_ADDRESS, VMFUNC, 0)          /* the "EPTP switching" VM function */
	ONE(VMREAD_BITMAP, SEC, 14)                /* "VMCS shadowing" */
	ONE(VMWRITE_BITMAP, SEC, 14)
	ONE(VE_INFORMATION_ADDRESS, SEC, 18)       /* "EPT-violation #VE" */
	ONE(XSS_EXIT_BITMAP, SEC, 20)              /* "enable XSAVES/XRSTORS" */
	ONE(ENCLS_EXITING_BITMAP, SEC, 15)         /* "enable ENCLS exiting" */
	ONE(SPPTP, SEC, 23)                        /* "sub-page write permissions for EPT" */
	ONE(TSC_MULTIPLIER, SEC, 25)               /* "use TSC scaling" */
	ONE(TERTIARY_VM_EXEC_CONTROL, PROC, 17)    /* "activate tertiary controls" */
	/* 2019-2023 editions; the 2025-2026 table no longer lists it. */
	ONE(ENCLV_EXITING_BITMAP, SEC, 28)         /* "enable ENCLV exiting" */
	ONE(LOW_PASID_DIR_ADDR, SEC, 21)           /* "PASID translation" */
	ONE(HIGH_PASID_DIR_ADDR, SEC, 21)
	ONE(SHARED_EPTP, TER, 5)                   /* "SEAM guest-physical address width" */
	ONE(PCONFIG_EXITING_BITMAP, SEC, 27)       /* "enable PCONFIG" */
	ONE(HLATP, TER, 1)                         /* "enable HLAT" */
	ONE(PID_POINTER_TABLE, TER, 4)             /* "IPI virtualization" */
	ONE(SECONDARY_VM_EXIT_CONTROLS, EXIT, 31)  /* "activate secondary controls" (exit) */
	ONE(IA32_SPEC_CTRL_MASK, TER, 7)           /* "virtualize IA32_SPEC_CTRL" */
	ONE(IA32_SPEC_CTRL_SHADOW, TER, 7)
	ONE(INJECTED_EVENT_DATA, FRED, 0)          /* "support FRED transitions" */
	/* B-5, 64-bit read-only data fields. */
	ONE(GUEST_PHYSICAL_ADDRESS, SEC, 1)        /* "enable EPT" */
	ONE(ORIGINAL_EVENT_DATA, FRED, 0)          /* "support FRED transitions" */
	/* B-6, 64-bit guest-state fields. */
	EITHER(GUEST_IA32_PAT, ENTRY, 14, EXIT, 18)   /* "load IA32_PAT" or "save IA32_PAT" */
	EITHER(GUEST_IA32_EFER, ENTRY, 15, EXIT, 20)  /* "load IA32_EFER" or "save IA32_EFER" */
	/* The entry control only: "save IA32_PERF_GLOBAL_CTRL" (exit 30) is
	 * not in the footnote. */
	ONE(GUEST_IA32_PERF_GLOBAL_CTRL, ENTRY, 13)
	ONE(GUEST_PDPTR0, SEC, 1)                  /* "enable EPT" */
	ONE(GUEST_PDPTR1, SEC, 1)
	ONE(GUEST_PDPTR2, SEC, 1)
	ONE(GUEST_PDPTR3, SEC, 1)
	EITHER(GUEST_BNDCFGS, ENTRY, 16, EXIT, 23)        /* "load/clear IA32_BNDCFGS" */
	EITHER(GUEST_IA32_RTIT_CTL, ENTRY, 18, EXIT, 25)  /* "load/clear IA32_RTIT_CTL" */
	EITHER(GUEST_IA32_LBR_CTL, ENTRY, 21, EXIT, 26)   /* "load/clear IA32_LBR_CTL" */
	/* "load PKRS" VM-entry control only: exit control 29 loads the host's. */
	ONE(GUEST_IA32_PKRS, ENTRY, 22)
	EITHER(GUEST_IA32_FRED_CONFIG, ENTRY, 23, EXIT2, 0)  /* "load FRED" or "save FRED" */
	EITHER(GUEST_IA32_FRED_RSP1, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_RSP2, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_RSP3, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_STKLVLS, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_SSP1, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_SSP2, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_SSP3, ENTRY, 23, EXIT2, 0)
	/* Not in the SDM (2026 edition lists B-6 up to 2828H): Bochs models
	 * it after Intel's instruction-set extensions reference (319433-052)
	 * as what VM-entry control 24 "load guest IA32_SPEC_CTRL" loads, and
	 * no other control reads or saves it. */
	ONE(GUEST_IA32_SPEC_CTRL, ENTRY, 24)
	/* B-7, 64-bit host-state fields: the VM-exit control that loads it. */
	ONE(HOST_IA32_PAT, EXIT, 19)
	ONE(HOST_IA32_EFER, EXIT, 21)
	ONE(HOST_IA32_PERF_GLOBAL_CTRL, EXIT, 12)
	ONE(HOST_IA32_PKRS, EXIT, 29)
	ONE(HOST_IA32_FRED_CONFIG, EXIT2, 1)       /* "load FRED" (secondary exit) */
	ONE(HOST_IA32_FRED_RSP1, EXIT2, 1)
	ONE(HOST_IA32_FRED_RSP2, EXIT2, 1)
	ONE(HOST_IA32_FRED_RSP3, EXIT2, 1)
	ONE(HOST_IA32_FRED_STKLVLS, EXIT2, 1)
	ONE(HOST_IA32_FRED_SSP1, EXIT2, 1)
	ONE(HOST_IA32_FRED_SSP2, EXIT2, 1)
	ONE(HOST_IA32_FRED_SSP3, EXIT2, 1)
	/* Not in the SDM either: secondary VM-exit control 2 "load host
	 * IA32_SPEC_CTRL" (Bochs). */
	ONE(HOST_IA32_SPEC_CTRL, EXIT2, 2)
	/* B-8, 32-bit control fields. */
	ONE(TPR_THRESHOLD, PROC, 21)               /* "use TPR shadow" */
	ONE(SECONDARY_VM_EXEC_CONTROL, PROC, 31)   /* "activate secondary controls" */
	ONE(PLE_GAP, SEC, 10)                      /* "PAUSE-loop exiting" */
	ONE(PLE_WINDOW, SEC, 10)
	ONE(NOTIFY_WINDOW, SEC, 31)                /* "instruction timeout" */
	/* B-10, 32-bit guest-state fields. */
	ONE(VMX_PREEMPTION_TIMER_VALUE, PIN, 6)    /* "activate VMX-preemption timer" */
	/* B-14 and B-15: "load CET state", the VM-entry control for the guest
	 * fields (no VM-exit control saves them), the VM-exit one for the host's. */
	ONE(GUEST_S_CET, ENTRY, 20)
	ONE(GUEST_SSP, ENTRY, 20)
	ONE(GUEST_INTR_SSP_TABLE, ENTRY, 20)
	ONE(HOST_S_CET, EXIT, 28)
	ONE(HOST_SSP, EXIT, 28)
	ONE(HOST_INTR_SSP_TABLE, EXIT, 28)
#undef ONE
#undef EITHER
};

/* Capability MSRs that exist only when another MSR says so (SDM Vol. 3D
 * Appendix A); RDMSR of one that does not exist raises #GP. */
static const struct {
	uint8_t msr, src, bit;
} msr_gates[] = {
	{ MSR_IA32_VMX_PROCBASED_CTLS2, CAP_PROC, 31 },  /* A.3.3 */
	{ MSR_IA32_VMX_PROCBASED_CTLS3, CAP_PROC, 17 },  /* A.3.4 */
	{ MSR_IA32_VMX_EXIT_CTLS2, CAP_EXIT, 31 },       /* A.4.2 */
	{ MSR_IA32_VMX_VMFUNC, CAP_SEC, 13 },            /* A.11 */
};

static int msr_exists(const struct va_state *st, enum va_msr m)
{
	/* A.1: the TRUE_ MSRs exist when IA32_VMX_BASIC[55] is 1. */
	if (m >= MSR_IA32_VMX_TRUE_PINBASED_CTLS && m <= MSR_IA32_VMX_TRUE_ENTRY_CTLS)
		return !va_msr_known(st, MSR_IA32_VMX_BASIC) || ((st->msr[MSR_IA32_VMX_BASIC] >> 55) & 1);
	/* A.10: secondary controls and "enable EPT" or "enable VPID". */
	if (m == MSR_IA32_VMX_EPT_VPID_CAP)
		return gate_allows(st, CAP_SEC, 1) || gate_allows(st, CAP_SEC, 5);
	for (unsigned i = 0; i < sizeof msr_gates / sizeof msr_gates[0]; i++)
		if (msr_gates[i].msr == m)
			return gate_allows(st, (enum cap_src)msr_gates[i].src, msr_gates[i].bit);
	return 1;
}

int va_capture_field_exists(const struct va_state *st, enum va_field f)
{
	for (unsigned i = 0; i < sizeof field_gates / sizeof field_gates[0]; i++) {
		if (field_gates[i].field != f)
			continue;
		return gate_allows(st, (enum cap_src)field_gates[i].src, field_gates[i].bit) ||
		       (field_gates[i].src2 != CAP_NONE &&
			gate_allows(st, (enum cap_src)field_gates[i].src2, field_gates[i].bit2));
	}
	return 1;
}

void va_capture_fact(struct va_state *st, enum va_fact f, uint64_t value)
{
	st->fact[f] = value;
	st->fact_present |= 1u << f;
}

void va_capture_entry(struct va_state *st, enum va_entry_fact e, uint64_t value)
{
	st->entry[e] = value;
	st->entry_present |= 1u << e;
}

int va_capture(struct va_state *st, const struct va_capture *cap)
{
	if (!cap->vmread)
		return -1;
	uint64_t msr[MSR_COUNT];
	uint32_t msr_present = st->msr_present;
	for (unsigned m = 0; m < MSR_COUNT; m++)
		msr[m] = st->msr[m];
	va_state_init(st);
	if (cap->rdmsr) {
		/* In table order: the MSRs that say whether later ones exist
		 * come first. */
		for (unsigned m = 0; m < MSR_COUNT; m++) {
			uint64_t v;
			if (msr_exists(st, (enum va_msr)m) &&
			    !cap->rdmsr(cap->ctx, va_msr_number((enum va_msr)m), &v)) {
				st->msr[m] = v;
				st->msr_present |= 1u << m;
			}
		}
	} else {
		for (unsigned m = 0; m < MSR_COUNT; m++)
			st->msr[m] = msr[m];
		st->msr_present = msr_present;
	}
	if (cap->maxphyaddr)
		va_capture_fact(st, FACT_MAXPHYADDR, cap->maxphyaddr);
	if (cap->linear_address_bits)
		va_capture_fact(st, FACT_LINEAR_ADDRESS_BITS, cap->linear_address_bits);

	int read = 0;
	for (unsigned f = FLD_NONE + 1; f < FLD_COUNT; f++) {
		if (!va_capture_field_exists(st, (enum va_field)f))
			continue;
		uint64_t v;
		if (cap->vmread(cap->ctx, va_field_encoding((enum va_field)f), &v)) {
			st->presence[f] = VA_ABSENT;
			st->absent_count++;
			continue;
		}
		/* VMREAD zero-extends; a 64-bit field read whole on a 64-bit
		 * VMM.  Keep only the field's own width. */
		unsigned bits = va_field_bits((enum va_field)f);
		st->field[f] = bits == 64 ? v : v & ((1ull << bits) - 1);
		st->presence[f] = VA_SET;
		read++;
	}
	return read;
}

/* Insert a qword keeping st->mem sorted; 0, or -1 if full or present. */
static int mem_insert(struct va_state *st, uint64_t addr, uint64_t value)
{
	size_t at = 0;
	while (at < st->mem_count && st->mem[at].addr < addr)
		at++;
	if ((at < st->mem_count && st->mem[at].addr == addr) || st->mem_count == st->mem_capacity)
		return -1;
	for (size_t i = st->mem_count; i > at; i--)
		st->mem[i] = st->mem[i - 1];
	st->mem[at].addr = addr;
	st->mem[at].value = value;
	st->mem_count++;
	return 0;
}

/* Reads a qword into st's memory: 1 new there, 0 known or no room, -1 the
 * read failed. */
static int learn(struct va_state *st, const struct va_capture *cap, uint64_t addr)
{
	uint64_t v;
	if (cap->read_phys(cap->ctx, addr, &v))
		return -1;
	return !mem_insert(st, addr, v);
}

size_t va_capture_memory(struct va_state *st, const struct va_capture *cap,
			 struct va_qword *buf, size_t capacity, struct va_report *scratch)
{
	st->mem = buf;
	st->mem_count = 0;
	st->mem_capacity = capacity;
	if (!cap->read_phys)
		return 0;
	/* Each pass learns at least one new qword or ends. */
	for (;;) {
		int added = 0;
		va_audit(st, scratch);
		for (unsigned i = 0; i < scratch->n_findings; i++) {
			const struct va_finding *fd = &scratch->findings[i];
			if (fd->status != VA_UNKNOWN || fd->eval.unknown != VA_UNK_MEMORY)
				continue;
			int got = learn(st, cap, fd->eval.unknown_arg & ~7ull);
			added |= got == 1;
			if (got < 0 || !fd->msr_index)
				continue;
			/* The per-entry rules of the MSR-load area stop at the
			 * first entry they cannot read: read the rest of the
			 * area now rather than one pass per qword. */
			uint64_t base = st->field[FLD_VM_ENTRY_MSR_LOAD_ADDR];
			uint32_t count = (uint32_t)st->field[FLD_VM_ENTRY_MSR_LOAD_COUNT];
			for (uint32_t e = fd->msr_index; e <= count && st->mem_count < capacity; e++) {
				uint64_t at = base + 16ull * (e - 1);
				if (learn(st, cap, at) < 0 || learn(st, cap, at + 8) < 0)
					break;
			}
		}
		if (!added)
			return st->mem_count;
	}
}
