/*
 * One rule = one record: a stable id, the SDM section, the stage and outcome,
 * the condition in words, the fields it reads, when it applies and a small
 * predicate.  The rules live in checks/, one file per SDM area.
 */
#ifndef VA_RULE_H
#define VA_RULE_H

#include <stdbool.h>
#include <stdint.h>

#include "bitnames.h"
#include "state.h"

enum va_stage {
	VA_STAGE_BASIC,     /* 26.1: ordered; the first failure decides */
	VA_STAGE_CONTROLS,  /* 26.2.1: VMfailValid 7 */
	VA_STAGE_HOST,      /* 26.2.2-26.2.4: VMfailValid 8 */
	VA_STAGE_GUEST,     /* 26.3: VM-entry failure, exit reason 33 */
	VA_STAGE_MSR_LOAD,  /* 26.4: VM-entry failure, exit reason 34 */
	VA_STAGE_COUNT
};

/* What the CPU does when the rule's condition is false. */
enum va_outcome {
	VA_OUT_FAULT_UD,        /* #UD */
	VA_OUT_VMEXIT,          /* VM exit to the parent VMM (code = basic exit reason) */
	VA_OUT_FAULT_GP,        /* #GP(0) */
	VA_OUT_VMFAIL_INVALID,
	VA_OUT_VMFAIL_VALID,    /* code = VM-instruction error */
	VA_OUT_ENTRY_FAILURE,   /* code = basic exit reason, qualification */
	VA_OUT_WARNING,         /* advisory: never decides the verdict */
};

enum va_rule_flags {
	VA_RULE_ADVISORY = 1u << 0,     /* warns; never decides the verdict */
	VA_RULE_UNCONFIRMED = 1u << 1,  /* catalogue confidence M: newer rule, SDM text not read */
	VA_RULE_CANDIDATE = 1u << 2,    /* catalogue confidence C: reported as a warning only */
	VA_RULE_PER_MSR_ENTRY = 1u << 3,/* evaluated once per VM-entry MSR-load entry */
	VA_RULE_ERROR7_POSSIBLE = 1u << 4, /* 26.2.4: the SDM does not fix 7 or 8 */
	VA_RULE_QUAL_MAY_VARY = 1u << 5,/* the exit qualification is implementation-specific */
	VA_RULE_WANTS_LINKED_VMCS = 1u << 6, /* fails unless the link pointer's memory holds a VMCS */
};

enum va_need_bit {
#define VA_NEED(id, what, how) VA_NEED_BIT_##id,
#include "need_list.h"
#undef VA_NEED
	VA_NEED_COUNT
};
enum {
#define VA_NEED(id, what, how) VA_NEED_##id = 1u << VA_NEED_BIT_##id,
#include "need_list.h"
#undef VA_NEED
};

/*
 * Bit vectors a gate can test.  VEC_COND holds conditions derived once per
 * audit (COND_*), so most "applies when" clauses are data, not code.
 */
enum va_vec {
	VEC_NONE,
	VEC_PIN,     /* PIN_BASED_VM_EXEC_CONTROL */
	VEC_PROC,    /* CPU_BASED_VM_EXEC_CONTROL */
	VEC_SEC,     /* SECONDARY_VM_EXEC_CONTROL if PROC[31], else 0 */
	VEC_TER,     /* TERTIARY_VM_EXEC_CONTROL if PROC[17], else 0 */
	VEC_EXIT,    /* VM_EXIT_CONTROLS */
	VEC_EXIT2,   /* SECONDARY_VM_EXIT_CONTROLS if EXIT[31], else 0 */
	VEC_ENTRY,   /* VM_ENTRY_CONTROLS */
	VEC_INTR,    /* VM_ENTRY_INTR_INFO_FIELD */
	VEC_COND,
	VEC_COUNT
};

enum va_cond {
	COND_INTEL64,           /* IA32_VMX_BASIC[48] = 0 */
	COND_HASS,              /* "host address-space size" exit control */
	COND_LMA,               /* IA32_EFER.LMA of the VMM at the attempt */
	COND_IN_SMM,
	COND_VMLAUNCH,
	COND_VMRESUME,
	COND_CURRENT_VMCS,      /* a current VMCS exists */
	COND_ORDINARY_VMCS,     /* it exists and is not a shadow VMCS */
	COND_EVENT,             /* VM_ENTRY_INTR_INFO_FIELD valid */
	COND_EVENT_SOFTWARE,    /* valid, type 4, 5 or 6 */
	COND_EVENT_HW_EXC,      /* valid, type 3 */
	COND_EVENT_FRED_SYS,    /* valid, type 7, vector 1 or 2 */
	COND_EVENT_DEC,         /* valid, deliver-error-code bit set */
	COND_EVENT_PROTECTED,   /* injected into protected mode: not (UG and CR0.PE = 0) */
	COND_EXIT_MSR_STORE,    /* VM_EXIT_MSR_STORE_COUNT != 0 */
	COND_EXIT_MSR_LOAD,     /* VM_EXIT_MSR_LOAD_COUNT != 0 */
	COND_ENTRY_MSR_LOAD,    /* VM_ENTRY_MSR_LOAD_COUNT != 0 */
	COND_VMFUNC_EPTP_SWITCH,/* SEC[13] and VM-function control bit 0 */
	COND_UG,                /* unrestricted guest, effective */
	COND_EPT,               /* enable EPT, effective */
	COND_IA32E_GUEST,       /* VM_ENTRY_IA32E_MODE */
	COND_V86,               /* GUEST_RFLAGS.VM */
	COND_GUEST_PE,          /* GUEST_CR0.PE */
	COND_GUEST_PG,          /* GUEST_CR0.PG */
	COND_PAE_PAGING,        /* CR0.PG, CR4.PAE, not IA-32e */
	COND_FRED_GUEST,        /* IA-32e guest with GUEST_CR4.FRED */
	COND_64BIT_GUEST_CODE,  /* IA-32e guest with CS.L = 1 */
	COND_LINK_POINTER,      /* VMCS_LINK_POINTER != ~0 */
	/* guest segment registers that are usable (AR bit 16 = 0), in the
	 * order of their fields: ES, CS, SS, DS, FS, GS, LDTR, TR */
	COND_ES_USABLE, COND_CS_USABLE, COND_SS_USABLE, COND_DS_USABLE,
	COND_FS_USABLE, COND_GS_USABLE, COND_LDTR_USABLE, COND_TR_USABLE,
	COND_COUNT
};

struct va_gate {
	uint8_t vec;    /* enum va_vec; VEC_NONE = no gate */
	uint8_t bit;
	uint8_t value;  /* the rule applies when the bit equals this */
};

enum va_status {
	VA_NOT_RUN = 0,
	VA_PASS,
	VA_FAIL,
	VA_UNKNOWN,
	VA_NOT_APPLICABLE,
	VA_WARN,        /* advisory or candidate rule whose condition is false */
};

enum va_unknown_reason {
	VA_UNK_NONE,
	VA_UNK_FIELD,   /* arg = field id not in the input */
	VA_UNK_NEED,    /* arg = VA_NEED_BIT_* not given */
	VA_UNK_MEMORY,  /* arg = physical address not given in [memory] */
	VA_UNK_MODEL,   /* the outcome is model-specific */
};

/*
 * The common assumption about a missing input under which an unknown rule
 * fails (a "suspect", audit.h).  VA_ASSUME_NONE: it fails under every value
 * the missing input commonly takes.
 */
enum va_assumption {
	VA_ASSUME_NONE,
	VA_ASSUME_BASIC56_0,        /* IA32_VMX_BASIC[56] = 0 (every CPU before CET) */
	VA_ASSUME_TRUE_DEFAULT1,    /* the TRUE MSR keeps the default1 bits at 1 */
	VA_ASSUME_LINK_NOT_VMCS,    /* memory at the link pointer does not hold a VMCS */
	VA_ASSUME_COUNT
};

/* Operands a predicate hands to its message template ({0}..{3}). */
struct va_eval {
	uint64_t v[4];
	uint8_t unknown;        /* enum va_unknown_reason, with VA_UNKNOWN */
	uint64_t unknown_arg;
};

/* Capability MSR values no real CPU reports (va_report.anomalies). */
enum va_anomaly {
	/* bits 31:0 of IA32_VMX_PROCBASED_CTLS2 are not 0: honoured as must-be-1 */
	VA_ANOMALY_PROC2_LOW_BITS = 1u << 0,
};

struct va_ctx;
struct va_rule;

/* Picks the hint that fits the values (e.g. which bit of CR3 is set), or
 * returns NULL for the rule's plain hint. */
typedef const char *va_hint_fn(const struct va_eval *);
typedef bool va_applies_fn(const struct va_ctx *, const struct va_rule *);
typedef enum va_status va_check_fn(const struct va_ctx *, const struct va_rule *,
				   struct va_eval *);
/* Changes the fields the rule reads in `out` so that the failed condition
 * (operands `e`, computed on c->st) holds; false if it cannot decide how
 * (auditor/engine/repair.h). */
typedef bool va_repair_fn(const struct va_ctx *c, const struct va_rule *r,
			  const struct va_eval *e, struct va_state *out);

#define VA_RULE_MAX_FIELDS 6
#define VA_RULE_MAX_GATES 3

struct va_rule {
	const char *id;
	const char *sdm;        /* 2016-2020 numbering, e.g. "26.2.1.1" */
	const char *sdm_also;   /* further references (appendix), or NULL */
	uint8_t stage;          /* enum va_stage */
	uint8_t outcome;        /* enum va_outcome */
	uint8_t code;           /* VM-instruction error, or basic exit reason */
	uint8_t qualification;  /* exit qualification (exit reason 33) */
	uint8_t flags;          /* enum va_rule_flags */
	const char *summary;    /* the condition that must hold */
	const char *message;    /* failure message template (report_text.h) */
	const char *hint;       /* the everyday cause, or NULL */
	va_hint_fn *hint_for;   /* a hint that depends on the operands, or NULL */
	const char *notes;      /* where Bochs, KVM, VirtualBox deviate, or NULL */
	const char *applies_text; /* words for a custom applies(), or NULL */
	uint16_t fields[VA_RULE_MAX_FIELDS]; /* fields read; FLD_NONE ends the list */
	uint32_t needs;         /* VA_NEED_* */
	struct va_gate gate[VA_RULE_MAX_GATES]; /* all must hold for the rule to apply */
	/* Optional further guard.  It must say true ("may apply") while an
	 * input it reads (a capability, a fact) is not known: false is final. */
	va_applies_fn *applies;
	/* Bit i: applies() reads fields[i], and only those (0: not declared).
	 * Declared, applies() decides before the other fields' presence. */
	uint8_t applies_reads;
	va_check_fn *check;
	va_repair_fn *repair;   /* a mechanical repair, or NULL: a human decides */
	/* Parameters of shared predicates. */
	uint16_t field;         /* the field a shared predicate tests */
	uint64_t mask;
	uint8_t bitset;         /* enum va_bitset naming the bits in messages */
	uint8_t arg;
	uint8_t arg2;
};

/* Everything derived once per audit, so predicates stay small. */
struct va_ctx {
	const struct va_state *st;
	uint64_t vec[VEC_COUNT];
	/* effective capability MSRs of the four default1 control vectors */
	uint64_t pincap, proccap, exitcap, entrycap;
	/* set when IA32_VMX_BASIC[55] = 1 but a TRUE_ MSR is missing: the plain
	 * MSR stands in and default1 bits are "unknown" rather than failures */
	uint8_t pincap_fallback, proccap_fallback, exitcap_fallback, entrycap_fallback;
	uint32_t have;          /* VA_NEED_* that are available */
	/* vectors and conditions computed from a field the input did not have */
	uint32_t vec_unknown;   /* bit per enum va_vec */
	uint64_t cond_unknown;  /* bit per enum va_cond */
	unsigned maxphyaddr;    /* N: 32 if IA32_VMX_BASIC[48] */
	unsigned linear_bits;   /* L */
	bool cet, fred;
	uint64_t basic;         /* IA32_VMX_BASIC, 0 if not given */
	/* CPU facts as given, else derived from the capability MSRs
	 * (fact_list.h); rules read them here, never in the state */
	uint64_t fact[FACT_COUNT];
	uint32_t fact_known;    /* bit per enum va_fact */
	uint32_t fact_derived;  /* known only by derivation */
	/* needs whose value is being assumed while a rule is evaluated under
	 * every value they can take: what they do not fix stays unknown */
	uint32_t open;
	uint32_t anomalies;     /* enum va_anomaly */
	/* the MSR-load entry being evaluated by a VA_RULE_PER_MSR_ENTRY rule */
	uint32_t msr_index;     /* 1-based */
	uint64_t msr_entry_lo;  /* bits 31:0 MSR index, 63:32 reserved */
	uint64_t msr_entry_value;
};

static inline uint64_t va_get(const struct va_ctx *c, enum va_field f)
{
	return c->st->field[f];
}

static inline bool va_cond(const struct va_ctx *c, enum va_cond k)
{
	return (c->vec[VEC_COND] >> k) & 1;
}

/* The hint to show with a failure of `rule` whose operands are `ev`. */
static inline const char *va_rule_hint(const struct va_rule *rule, const struct va_eval *ev)
{
	/* ev NULL: no operands are known (a suspect open under every value) */
	const char *h = rule->hint_for && ev ? rule->hint_for(ev) : NULL;
	return h ? h : rule->hint;
}

/* An [entry] fact: as given, else its default, else derived (entry_list.h). */
uint64_t va_entry_value(const struct va_ctx *c, enum va_entry_fact e);

/* Derive the context from a state (no allocation, no libc). */
void va_ctx_init(struct va_ctx *c, const struct va_state *st);

const char *va_need_text(enum va_need_bit b);
/* How to supply a missing need (CPUID leaf, rdmsr, [entry] key). */
const char *va_need_how(enum va_need_bit b);
/* The [cpu] fact a need stands for (FACT_*), or -1 for a capability MSR
 * or an [entry] fact. */
int va_need_fact(enum va_need_bit b);
const char *va_stage_name(enum va_stage s);
const char *va_vec_name(enum va_vec v);
const char *va_cond_text(enum va_cond k);
/* The first of these fields the input lacks, or FLD_NONE; a gated control
 * vector whose gating control is known to be 0 does not count as lacking. */
enum va_field va_first_absent_field(const struct va_state *st, const uint16_t *fields, unsigned n);

/* A field whose absence makes the vector or condition unknown. */
enum va_field va_vec_absent_field(const struct va_ctx *c, enum va_vec v, unsigned bit);
enum va_bitset va_vec_bitset(enum va_vec v);

#endif
