/*
 * Mechanical repairs: a rule's record may carry a repair that changes the
 * fields the rule reads so that its condition holds (set must-be-1 bits,
 * clear forbidden bits, canonicalise, align down...).  Applying one is pure
 * and freestanding like the audit; deciding whether to keep it (it must not
 * make another rule fail) is the fix loop's job (auditor/input/fix.h).
 */
#ifndef VA_REPAIR_H
#define VA_REPAIR_H

#include <stdbool.h>

#include "audit.h"

/* The rule at `index` carries a repair. */
bool va_rule_has_repair(unsigned index);
/* Rules with a repair (the rest need a human decision). */
unsigned va_repair_count(void);

/* A failure, or a rule undecided for lack of memory: a repair may settle it. */
bool va_finding_repairable(const struct va_finding *f);

/*
 * Apply the repair of the failing finding `f` (from va_audit on `st`) to
 * `st` (a finding va_finding_repairable accepts).  1 if a field changed, 0 if the rule has no repair or the repair
 * found nothing to change.  Findings of per-MSR-entry rules are never
 * repaired: the MSR-load area is memory only its owner can rewrite.
 */
int va_repair_finding(struct va_state *st, const struct va_finding *f);

/* Set a field as a repair does (presence VA_SET, value cut to the field's
 * width); true if that changed the state.  For repair functions. */
bool va_repair_set(struct va_state *st, enum va_field f, uint64_t value);

#endif
