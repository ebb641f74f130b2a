/*
 * Capture: fill a state from the live VMCS and the processor, inside a
 * hypervisor, through callbacks the caller supplies (VMREAD, RDMSR and a
 * physical-memory read).  No libc, no allocation: the state, the memory
 * buffer and the scratch report all belong to the caller.
 *
 * A field whose VMREAD fails is absent (its rules are "not evaluated"),
 * never 0.  A field the capability MSRs say this processor does not have
 * (SDM Vol. 3D Appendix B: "This field exists only on processors that
 * support the 1-setting of ..."; e.g. the tertiary controls when "activate
 * tertiary controls" cannot be 1) is not read at all: it is left unset,
 * i.e. 0, which is what such a processor works with.  IA32_VMX_VMCS_ENUM
 * is not consulted: real processors report a highest index below fields
 * they have.  An MSR the capability MSRs say does not exist is not read
 * either, so no RDMSR faults.
 */
#ifndef VA_CAPTURE_H
#define VA_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "state.h"

struct va_capture {
	/* VMREAD of the current VMCS: 0 and *value on success, non-zero if
	 * the instruction failed (VMfailValid/VMfailInvalid). */
	int (*vmread)(void *ctx, uint32_t encoding, uint64_t *value);
	/* RDMSR of a capability MSR (0x480-0x493): 0 and *value, or non-zero.
	 * NULL: the caller has put the MSRs into the state already. */
	int (*rdmsr)(void *ctx, uint32_t index, uint64_t *value);
	/* An 8-byte-aligned qword of physical memory: 0 and *value, or
	 * non-zero (not mapped).  Only va_capture_memory uses it. */
	int (*read_phys)(void *ctx, uint64_t address, uint64_t *value);
	void *ctx;
	/* CPUID.80000008H:EAX[7:0] and [15:8]; 0 = not known. */
	unsigned maxphyaddr;
	unsigned linear_address_bits;
};

/*
 * Starts from an empty state (va_state_init), reads the capability MSRs
 * unless rdmsr is NULL (then the MSRs already in st are kept), the CPU facts
 * given, and then every field of the field table the processor has.
 * Returns the number of fields read; st->absent_count counts those whose
 * VMREAD failed.  -1 if cap->vmread is NULL.
 */
int va_capture(struct va_state *st, const struct va_capture *cap);

/* Whether the capability MSRs in st say the processor has this field:
 * 1 yes or not known, 0 no (the field is then not read).  A field with no
 * Appendix B condition exists on every processor with VMX. */
int va_capture_field_exists(const struct va_state *st, enum va_field f);

/*
 * Reads the guest memory the rules need (PDPTEs, the VM-entry MSR-load
 * area, the link pointer's target, VTPR) through cap->read_phys into buf,
 * which becomes st's memory: audits into the caller's scratch report, reads
 * every address reported missing, and repeats until nothing new is asked
 * for or buf is full.  Returns the number of qwords held.
 */
size_t va_capture_memory(struct va_state *st, const struct va_capture *cap,
			 struct va_qword *buf, size_t capacity, struct va_report *scratch);

/* A CPU fact (FACT_*) or an [entry] fact (ENTRY_*, e.g. ENTRY_INSTRUCTION =
 * VA_INSN_VMRESUME) the caller knows. */
void va_capture_fact(struct va_state *st, enum va_fact f, uint64_t value);
void va_capture_entry(struct va_state *st, enum va_entry_fact e, uint64_t value);

#endif
