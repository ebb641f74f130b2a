#include "predicates.h"
#include "rule_lists.h"

const struct va_rule va_rules_guest_regs[] = {
	{ .id = "PLACEHOLDER.guest_regs" },
};
const unsigned va_rules_guest_regs_count = 0;
