/*
 * The evaluation plan: the rule table regrouped by gates, generated at build
 * time from the rule table itself (auditor/engine/plan_gen.c), so that one test of
 * a gate set dismisses every rule behind it.  Only the engine reads it.
 */
#ifndef VA_PLAN_H
#define VA_PLAN_H

#include <stdint.h>

#include "rule.h"

struct va_plan_group {
	uint16_t gates;     /* index into va_plan_gates */
	uint16_t first;     /* into va_plan_order */
	uint16_t count;
};

/* Rules whose evaluation needs more than gates and a predicate. */
enum { VA_PLAN_SLOW = 1 };

extern const struct va_gate va_plan_gates[][VA_RULE_MAX_GATES];
extern const struct va_plan_group va_plan_groups[];
extern const unsigned va_plan_group_count;
extern const uint16_t va_plan_order[];        /* rule indices, group by group */
extern const struct va_rule *const va_plan_rules[]; /* by rule index */
extern const uint8_t va_plan_flags[];         /* by rule index */
extern const unsigned va_plan_rule_count;

#endif
