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
#define VA_MAX_SUSPECTS 32

/*
 * What a suspect's failure depends on: the common assumption about the
 * input that is missing.  VA_ASSUME_NONE: it fails under every value the
 * missing input could take that is commonly seen.
 */
enum va_assumption {
	VA_ASSUME_NONE,
	VA_ASSUME_BASIC56_0,        /* IA32_VMX_BASIC[56] = 0 (every CPU before CET) */
	VA_ASSUME_TRUE_DEFAULT1,    /* the TRUE MSR keeps the default1 bits at 1 */
	VA_ASSUME_LINK_NOT_VMCS,    /* memory at the link pointer does not hold a VMCS */
	VA_ASSUME_COUNT
};

/* A not-evaluated rule that may explain the outcome (never a failure). */
struct va_suspect {
	uint16_t finding;             /* index into findings (its VA_UNKNOWN entry) */
	uint8_t assumption;           /* enum va_assumption */
	uint8_t explains_observed;    /* it fails in the stage the observed outcome points to */
	struct va_eval eval;          /* operands under the assumption, for the message */
};

enum va_result {
	VA_RESULT_SUCCESS,
	VA_RESULT_VMFAIL_INVALID,
	VA_RESULT_VMFAIL_VALID,
	VA_RESULT_ENTRY_FAILURE,
	VA_RESULT_FAULT_UD,     /* needs [entry] vmx_operation/vmm_mode */
	VA_RESULT_FAULT_GP,     /* needs [entry] cpl */
	VA_RESULT_VMEXIT,       /* executed in VMX non-root operation */
	VA_RESULT_INCONCLUSIVE, /* no rule fails, but rules that could decide are unknown */
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
	/* Likely causes, most likely first; filled by va_audit only when the
	 * verdict is not decided by failures (see va_rank_suspects). */
	uint16_t n_suspects;
	struct va_suspect suspects[VA_MAX_SUSPECTS];
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
