#include "capture.h"

/* Where a control's allowed-1 setting is read: the 32-bit control MSRs
 * hold it in bits 63:32, the tertiary and secondary-exit MSRs are 64-bit
 * allowed-1 masks. */
enum cap_src { CAP_NONE, CAP_PIN, CAP_PROC, CAP_SEC, CAP_TER, CAP_EXIT, CAP_EXIT2, CAP_ENTRY };

/* 1 the control may be 1, 0 it may not, -1 the MSR is not known. */
static int allowed1(const struct va_state *st, enum cap_src src, unsigned bit)
{
	static const struct { uint8_t msr, shift; } where[] = {
		[CAP_PIN] = { MSR_IA32_VMX_PINBASED_CTLS, 32 },
		[CAP_PROC] = { MSR_IA32_VMX_PROCBASED_CTLS, 32 },
		[CAP_SEC] = { MSR_IA32_VMX_PROCBASED_CTLS2, 32 },
		[CAP_TER] = { MSR_IA32_VMX_PROCBASED_CTLS3, 0 },
		[CAP_EXIT] = { MSR_IA32_VMX_EXIT_CTLS, 32 },
		[CAP_EXIT2] = { MSR_IA32_VMX_EXIT_CTLS2, 0 },
		[CAP_ENTRY] = { MSR_IA32_VMX_ENTRY_CTLS, 32 },
	};
	if (src == CAP_NONE)
		return 1;
	enum va_msr m = (enum va_msr)where[src].msr;
	if (!va_msr_known(st, m))
		return -1;
	return (int)((st->msr[m] >> (where[src].shift + bit)) & 1);
}

/* The control may be 1 or it is not known; a secondary, tertiary or
 * secondary-exit control also needs its activating control. */
static int gate_allows(const struct va_state *st, enum cap_src src, unsigned bit)
{
	if ((src == CAP_SEC && allowed1(st, CAP_PROC, 31) == 0) ||
	    (src == CAP_TER && allowed1(st, CAP_PROC, 17) == 0) ||
	    (src == CAP_EXIT2 && allowed1(st, CAP_EXIT, 31) == 0))
		return 0;
	return allowed1(st, src, bit) != 0;
}

/*
 * Fields that exist only on processors supporting the 1-setting of a
 * control (SDM Vol. 3D Appendix B), or of one of two controls (a field
 * both loaded on entry and saved on exit).  Fields not listed exist on every
 * processor with VMX, up to the highest index IA32_VMX_VMCS_ENUM reports.
 */
static const struct {
	uint16_t field;
	uint8_t src, bit, src2, bit2;
} field_gates[] = {
#define ONE(f, s, b) { FLD_##f, CAP_##s, b, CAP_NONE, 0 },
#define EITHER(f, s, b, s2, b2) { FLD_##f, CAP_##s, b, CAP_##s2, b2 },
	ONE(VIRTUAL_PROCESSOR_ID, SEC, 5)
	ONE(POSTED_INTR_NV, PIN, 7)
	ONE(EPTP_INDEX, SEC, 18)
	ONE(HLAT_PREFIX_SIZE, TER, 1)
	ONE(LAST_PID_POINTER_INDEX, TER, 4)
	ONE(VIRTUAL_TIMER_VECTOR, TER, 8)
	ONE(GUEST_INTR_STATUS, SEC, 9)
	ONE(GUEST_PML_INDEX, SEC, 17)
	EITHER(GUEST_UINV, ENTRY, 19, EXIT, 27)
	ONE(PML_ADDRESS, SEC, 17)
	ONE(VIRTUAL_APIC_PAGE_ADDR, PROC, 21)
	ONE(APIC_ACCESS_ADDR, SEC, 0)
	ONE(POSTED_INTR_DESC_ADDR, PIN, 7)
	ONE(VM_FUNCTION_CONTROL, SEC, 13)
	ONE(EPT_POINTER, SEC, 1)
	ONE(EOI_EXIT_BITMAP0, SEC, 9)
	ONE(EOI_EXIT_BITMAP1, SEC, 9)
	ONE(EOI_EXIT_BITMAP2, SEC, 9)
	ONE(EOI_EXIT_BITMAP3, SEC, 9)
	ONE(EPTP_LIST_ADDRESS, SEC, 13)
	ONE(VMREAD_BITMAP, SEC, 14)
	ONE(VMWRITE_BITMAP, SEC, 14)
	ONE(VE_INFORMATION_ADDRESS, SEC, 18)
	ONE(XSS_EXIT_BITMAP, SEC, 20)
	ONE(ENCLS_EXITING_BITMAP, SEC, 15)
	ONE(SPPTP, SEC, 23)
	ONE(TSC_MULTIPLIER, SEC, 25)
	ONE(TERTIARY_VM_EXEC_CONTROL, PROC, 17)
	ONE(ENCLV_EXITING_BITMAP, SEC, 28)
	ONE(LOW_PASID_DIR_ADDR, SEC, 21)
	ONE(HIGH_PASID_DIR_ADDR, SEC, 21)
	ONE(PCONFIG_EXITING_BITMAP, SEC, 27)
	ONE(HLATP, TER, 1)
	ONE(PID_POINTER_TABLE, TER, 4)
	ONE(SECONDARY_VM_EXIT_CONTROLS, EXIT, 31)
	ONE(IA32_SPEC_CTRL_MASK, TER, 7)
	ONE(IA32_SPEC_CTRL_SHADOW, TER, 7)
	EITHER(GUEST_IA32_PAT, ENTRY, 14, EXIT, 18)
	EITHER(GUEST_IA32_EFER, ENTRY, 15, EXIT, 20)
	EITHER(GUEST_IA32_PERF_GLOBAL_CTRL, ENTRY, 13, EXIT, 30)
	ONE(GUEST_PDPTR0, SEC, 1)
	ONE(GUEST_PDPTR1, SEC, 1)
	ONE(GUEST_PDPTR2, SEC, 1)
	ONE(GUEST_PDPTR3, SEC, 1)
	EITHER(GUEST_BNDCFGS, ENTRY, 16, EXIT, 23)
	EITHER(GUEST_IA32_RTIT_CTL, ENTRY, 18, EXIT, 25)
	EITHER(GUEST_IA32_LBR_CTL, ENTRY, 21, EXIT, 26)
	EITHER(GUEST_IA32_PKRS, ENTRY, 22, EXIT, 29)
	EITHER(GUEST_IA32_FRED_CONFIG, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_RSP1, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_RSP2, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_RSP3, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_STKLVLS, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_SSP1, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_SSP2, ENTRY, 23, EXIT2, 0)
	EITHER(GUEST_IA32_FRED_SSP3, ENTRY, 23, EXIT2, 0)
	ONE(HOST_IA32_PAT, EXIT, 19)
	ONE(HOST_IA32_EFER, EXIT, 21)
	ONE(HOST_IA32_PERF_GLOBAL_CTRL, EXIT, 12)
	ONE(HOST_IA32_PKRS, EXIT, 29)
	ONE(HOST_IA32_FRED_CONFIG, EXIT2, 1)
	ONE(HOST_IA32_FRED_RSP1, EXIT2, 1)
	ONE(HOST_IA32_FRED_RSP2, EXIT2, 1)
	ONE(HOST_IA32_FRED_RSP3, EXIT2, 1)
	ONE(HOST_IA32_FRED_STKLVLS, EXIT2, 1)
	ONE(HOST_IA32_FRED_SSP1, EXIT2, 1)
	ONE(HOST_IA32_FRED_SSP2, EXIT2, 1)
	ONE(HOST_IA32_FRED_SSP3, EXIT2, 1)
	ONE(HOST_IA32_SPEC_CTRL, EXIT2, 2)
	ONE(TPR_THRESHOLD, PROC, 21)
	ONE(SECONDARY_VM_EXEC_CONTROL, PROC, 31)
	ONE(PLE_GAP, SEC, 10)
	ONE(PLE_WINDOW, SEC, 10)
	ONE(NOTIFY_WINDOW, SEC, 31)
	ONE(VMX_PREEMPTION_TIMER_VALUE, PIN, 6)
	EITHER(GUEST_S_CET, ENTRY, 20, EXIT, 28)
	EITHER(GUEST_SSP, ENTRY, 20, EXIT, 28)
	EITHER(GUEST_INTR_SSP_TABLE, ENTRY, 20, EXIT, 28)
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
	{ MSR_IA32_VMX_PROCBASED_CTLS2, CAP_PROC, 31 },
	{ MSR_IA32_VMX_PROCBASED_CTLS3, CAP_PROC, 17 },
	{ MSR_IA32_VMX_EXIT_CTLS2, CAP_EXIT, 31 },
	{ MSR_IA32_VMX_VMFUNC, CAP_SEC, 13 },
};

static int msr_exists(const struct va_state *st, enum va_msr m)
{
	if (m >= MSR_IA32_VMX_TRUE_PINBASED_CTLS && m <= MSR_IA32_VMX_TRUE_ENTRY_CTLS)
		return !va_msr_known(st, MSR_IA32_VMX_BASIC) || ((st->msr[MSR_IA32_VMX_BASIC] >> 55) & 1);
	if (m == MSR_IA32_VMX_EPT_VPID_CAP)
		return gate_allows(st, CAP_SEC, 1) || gate_allows(st, CAP_SEC, 5);
	for (unsigned i = 0; i < sizeof msr_gates / sizeof msr_gates[0]; i++)
		if (msr_gates[i].msr == m)
			return gate_allows(st, (enum cap_src)msr_gates[i].src, msr_gates[i].bit);
	return 1;
}

int va_capture_field_exists(const struct va_state *st, enum va_field f)
{
	/* IA32_VMX_VMCS_ENUM bits 9:1: the highest index of any field. */
	if (va_msr_known(st, MSR_IA32_VMX_VMCS_ENUM)) {
		unsigned highest = (unsigned)(st->msr[MSR_IA32_VMX_VMCS_ENUM] >> 1) & 0x1ff;
		if (highest && ((va_field_encoding(f) >> 1) & 0x1ff) > highest)
			return 0;
	}
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
