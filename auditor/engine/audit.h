/*
 * The audit: evaluate every rule against one state and predict what the CPU
 * does.  Pure, no allocation, no libc: it can be compiled into a hypervisor
 * and run before VMLAUNCH.  The report is caller-owned.
 */
#ifndef VA_AUDIT_H
#define VA_AUDIT_H

#include <stdint.h>

#include "rule.h"
#include "state.h"

#define VA_MAX_RULES 512
#define VA_MAX_FINDINGS 1024

enum va_result {
	VA_RESULT_SUCCESS,
	VA_RESULT_VMFAIL_INVALID,
	VA_RESULT_VMFAIL_VALID,
	VA_RESULT_ENTRY_FAILURE,
	VA_RESULT_FAULT_UD,     /* needs [entry] vmx_operation/vmm_mode */
	VA_RESULT_FAULT_GP,     /* needs [entry] cpl */
	VA_RESULT_VMEXIT,       /* executed in VMX non-root operation */
};

enum va_verdict_note {
	VA_NOTE_ERROR8_POSSIBLE = 1u << 0,  /* host-state failures too: 8 is also architectural */
	VA_NOTE_ERROR7_POSSIBLE = 1u << 1,  /* only 26.2.4 failures: 7 is also possible */
	VA_NOTE_QUAL_VARIES = 1u << 2,      /* several qualifications possible */
	VA_NOTE_CONDITIONAL = 1u << 3,      /* rules at or before the deciding stage are unknown */
	VA_NOTE_UNCONFIRMED = 1u << 4,      /* decided only by unconfirmed rules */
};

struct va_verdict {
	uint8_t result;               /* enum va_result */
	uint8_t vm_instruction_error; /* VA_RESULT_VMFAIL_VALID */
	uint8_t notes;                /* enum va_verdict_note */
	uint8_t other_qualifications; /* bit q: qualification q is also possible */
	uint32_t exit_reason;         /* basic exit reason: 33, 34; or 20/24 for VMEXIT */
	uint64_t exit_qualification;
	int deciding;                 /* index into findings of the deciding failure, or -1 */
};

struct va_finding {
	uint16_t rule;                /* index into the rule table */
	uint8_t status;               /* VA_FAIL, VA_UNKNOWN or VA_WARN */
	uint8_t reached;              /* the CPU would get to this check */
	uint32_t msr_index;           /* 1-based MSR-load entry, or 0 */
	struct va_eval eval;
};

struct va_report {
	struct va_verdict verdict;
	uint16_t rule_count;
	uint8_t status[VA_MAX_RULES];     /* enum va_status per rule */
	uint16_t count[VA_WARN + 1];      /* rules per status */
	uint16_t n_findings;
	uint8_t truncated;                /* more findings than VA_MAX_FINDINGS */
	struct va_finding findings[VA_MAX_FINDINGS];
};

void va_audit(const struct va_state *st, struct va_report *out);

/* The rule table: all rules in SDM order. */
unsigned va_rule_count(void);
const struct va_rule *va_rule_at(unsigned index);
/* Index of the rule with this id, or -1. */
int va_rule_find(const char *id);

/* Used by va_audit; exposed for tests. */
void va_decide(struct va_report *r);

#endif
