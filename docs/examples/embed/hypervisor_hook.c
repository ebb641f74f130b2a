/*
 * Auditing the current VMCS from inside a hypervisor, with the amalgamation
 * (vmcs_audit.c + vmcs_audit.h, see docs/embedding.md).
 *
 * Call vmcs_audit_current() right after VMLAUNCH or VMRESUME failed (or
 * before it, to check a VMCS you just wrote): it reads the VMCS and the
 * capability MSRs through the callbacks below, evaluates every VM-entry
 * check of the SDM, and logs the verdict and each failing rule:
 *
 *   vmcs-audit: VMfailValid 7: 1 rule fails, 0 not evaluated
 *   FAIL CTL.EXEC.UG_NEEDS_EPT 26.2.1.1: If "unrestricted guest" is 1, "enable EPT" is 1 [0x1010a8]
 *
 * Nothing here allocates or calls libc; the compiler must provide memcpy
 * and memset (every kernel and UEFI toolchain does).
 */
#include "vmcs_audit.h"

/*
 * What the hypervisor supplies.  Each returns 0 and the value, or non-zero
 * when the access is not possible.  With GCC or clang on x86-64 the first
 * two are a few instructions (VMCS_AUDIT_X86_ACCESSORS below); the third
 * depends on how the hypervisor maps guest-physical memory; hv_log is
 * printk, DbgPrint, or a serial-port writer.
 */
int hv_vmread(void *ctx, uint32_t encoding, uint64_t *value);
int hv_rdmsr(void *ctx, uint32_t index, uint64_t *value);
int hv_read_phys(void *ctx, uint64_t address, uint64_t *value);
void hv_log(const char *text);
/* CPU facts the hypervisor knows beyond maxphyaddr (from CPUID: CET, FRED,
 * linear-address width...), and facts about the attempt (the launch state,
 * the CPL): va_capture_fact(st, FACT_CET, 1), va_capture_entry(...).
 * An empty function is fine: rules that need a missing fact say so. */
void hv_known_facts(void *ctx, struct va_state *st);

#ifdef VMCS_AUDIT_X86_ACCESSORS
int hv_vmread(void *ctx, uint32_t encoding, uint64_t *value)
{
	unsigned char failed;
	(void)ctx;
	/* VMfailInvalid sets CF, VMfailValid sets ZF: either means absent. */
	__asm__ volatile("vmread %2, %0\n\tsetna %1"
			 : "=rm"(*value), "=qm"(failed) : "r"((uint64_t)encoding) : "cc");
	return failed;
}

int hv_rdmsr(void *ctx, uint32_t index, uint64_t *value)
{
	uint32_t lo, hi;
	(void)ctx;
	/* va_capture reads only the capability MSRs the processor reports,
	 * so this cannot raise #GP. */
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(index));
	*value = (uint64_t)hi << 32 | lo;
	return 0;
}
#endif

/*
 * The state (~2 KB), the report (~60 KB) and the text are too big for a
 * kernel stack: keep one of these per CPU, statically or allocated once at
 * start-up.
 */
struct vmcs_audit_scratch {
	struct va_state state;
	struct va_report report;
	struct va_qword memory[512];  /* PDPTEs, MSR-load entries, ... */
	char text[4096];
};

/*
 * maxphyaddr: CPUID.80000008H:EAX[7:0] (0 if unknown: rules that need it
 * are then "not evaluated").  vmresume: which instruction failed.
 * Returns the verdict, enum va_result (VA_RESULT_SUCCESS: every check
 * passes; the failure, if any, is elsewhere).
 */
enum va_result vmcs_audit_current(struct vmcs_audit_scratch *s, void *ctx,
				  unsigned maxphyaddr, int vmresume)
{
	struct va_capture cap = {
		.vmread = hv_vmread,
		.rdmsr = hv_rdmsr,
		.read_phys = hv_read_phys,
		.ctx = ctx,
		.maxphyaddr = maxphyaddr,
	};

	/* 1. Capture: capability MSRs, then every VMCS field this CPU has.
	 *    A field whose VMREAD fails is "absent", not 0. */
	va_capture(&s->state, &cap);
	va_capture_entry(&s->state, ENTRY_INSTRUCTION, vmresume ? VA_INSN_VMRESUME : VA_INSN_VMLAUNCH);
	hv_known_facts(ctx, &s->state);

	/* 2. Memory the checks read (guest PDPTEs without EPT, the VM-entry
	 *    MSR-load area, ...): audits, reads what was missing, repeats. */
	va_capture_memory(&s->state, &cap, s->memory, sizeof s->memory / sizeof s->memory[0], &s->report);

	/* 3. Audit: pure, about a microsecond, no allocation. */
	va_audit(&s->state, &s->report);

	/* 4. Format: verdict and failing rules into the caller's buffer. */
	va_format_compact(&s->report, s->text, sizeof s->text);
	hv_log(s->text);
	return (enum va_result)s->report.verdict.result;
}
