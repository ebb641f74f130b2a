/*
 * The fix loop: audit, apply the repair of a failing rule (auditor/engine/
 * repair.h), re-audit, keep the repair only if the rule now holds and no
 * other rule fails that did not fail before; repeat until the entry
 * succeeds or no repair applies.  What is left needs a human decision (an
 * address that must point at real memory, a feature the CPU lacks).
 * Front ends: `vmcs-audit fix`, the wizard's repair key, the shell's fix.
 */
#ifndef VA_FIX_H
#define VA_FIX_H

#include <stdint.h>

#include "../engine/audit.h"

#define VA_FIX_MAX_CHANGES 512
#define VA_FIX_MAX_REFUSED 64

/* One field changed by one rule's repair. */
struct va_fix_change {
	uint16_t rule;          /* index of the rule whose repair changed it */
	uint16_t field;         /* enum va_field */
	uint64_t before, after;
	uint8_t was_present;    /* enum va_presence before the change */
};

/* A repair that was tried and not kept. */
struct va_fix_refusal {
	uint16_t rule;          /* the rule whose repair was refused */
	int16_t broke;          /* a rule it would make fail, or -1: the rule still failed */
	uint8_t undecided;      /* `broke` would become undecidable (memory or input missing) */
};

/* Caller-owned record of what the loop did (zero it, or va_fix_log_init). */
struct va_fix_log {
	unsigned n_changes;
	struct va_fix_change changes[VA_FIX_MAX_CHANGES];
	unsigned n_refused;
	struct va_fix_refusal refused[VA_FIX_MAX_REFUSED];
	uint8_t truncated;      /* more changes or refusals than fit */
};

void va_fix_log_init(struct va_fix_log *log);

/*
 * One repair: the first failing rule, in SDM order, whose repair changes
 * `st` and is kept.  1 if one was applied (its changes appended to log),
 * 0 if none applies, -1 out of memory.
 */
int va_fix_step(struct va_state *st, struct va_fix_log *log);

/* The repair of one rule only (if it fails and its repair is kept): 1, 0, -1. */
int va_fix_rule(struct va_state *st, unsigned rule, struct va_fix_log *log);

/*
 * Steps until the entry succeeds or no repair applies.  `final` (may be
 * NULL) receives the audit of the result.  Number of repairs applied, or
 * -1 out of memory (st then holds the repairs applied so far).
 */
int va_fix_run(struct va_state *st, struct va_fix_log *log, struct va_report *final);

/* The refusal recorded for `rule`, or NULL. */
const struct va_fix_refusal *va_fix_refusal_of(const struct va_fix_log *log, unsigned rule);

#endif
