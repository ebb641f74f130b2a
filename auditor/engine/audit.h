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
 * A not-evaluated rule that may explain the outcome (never a failure).
 * Ranked: rules that fail under a common assumption about the missing input
 * (fails = 1, `assumption` names it) come first, then the rest (fails = 0).
 */
struct va_suspect {
	uint16_t finding;             /* index into findings (its VA_UNKNOWN entry) */
	uint8_t assumption;           /* enum va_assumption, with fails = 1 */
	uint8_t fails;                /* it fails under `assumption` */
	uint8_t explains_observed;    /* it is of the stage the observed outcome points to */
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

/* What the state's exit-information fields say the CPU did. */
struct va_observed_outcome {
	int stage;                    /* enum va_stage it points to, or -1: none observed */
	uint8_t vm_instruction_error; /* VMfailValid */
	uint8_t qualification_known;
	uint32_t exit_reason;         /* 33 or 34 (bit 31 set in VM_EXIT_REASON) */
	uint64_t qualification;
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
	struct va_eval eval;          /* with VA_UNKNOWN and fails_assuming: the
				       * operands under the assumption */
	/* With VA_UNKNOWN: 1 + enum va_assumption under which the rule fails,
	 * or 0 (va_rank_suspects ranks by it). */
	uint8_t fails_assuming;
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
	uint16_t suspects_left_off;       /* further suspects beyond VA_MAX_SUSPECTS */
	struct va_suspect suspects[VA_MAX_SUSPECTS];
	uint32_t facts_derived;           /* bit per enum va_fact: not given, derived (fact_list.h) */
	uint32_t anomalies;               /* enum va_anomaly: capability MSRs no CPU reports */
};

void va_audit(const struct va_state *st, struct va_report *out);

/* The rule table: all rules in SDM order. */
unsigned va_rule_count(void);
const struct va_rule *va_rule_at(unsigned index);
/* Index of the rule with this id, or -1. */
int va_rule_find(const char *id);

/* Used by va_audit; exposed for tests. */
void va_decide(struct va_report *r);

/* The outcome VM_INSTRUCTION_ERROR / VM_EXIT_REASON (bit 31) /
 * EXIT_QUALIFICATION record, as va_audit reads it for its suspects. */
void va_observed_outcome(const struct va_state *st, struct va_observed_outcome *out);

/* Fill r->suspects from r's unknown findings (va_audit calls it). */
void va_rank_suspects(const struct va_observed_outcome *observed, struct va_report *r);

#endif
